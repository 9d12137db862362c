"""Which dollar a site's bare "$" means.

A line read alone cannot tell: "Free shipping on orders over $59" is US dollars on a US
shop and Australian dollars on an Australian one. Each line was read as USD unless its own
region settled it (`values.dollar_currency`). Once every source is read, the site itself
settles it: its hosts' country domains (.com.au, .co.nz) and the dollars it names outright
elsewhere ("A$59", "75 NZD"). When those name one dollar and never the US one, the site's
bare "$" amounts are that dollar.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable
from urllib.parse import urlsplit

from cxaudit.model import Promise
from cxaudit.normalize.values import TZ_REGION

# country-code domains of the markets that write their own dollar as "$"
_TLD_DOLLAR = {"au": "AUD", "nz": "NZD", "ca": "CAD", "sg": "SGD", "hk": "HKD", "tw": "TWD"}
_DOLLARS = {"USD", "AUD", "NZD", "CAD", "SGD", "HKD", "TWD"}
# regions whose "$" is the US dollar (a region with a dollar of its own set it when read)
_US_ZONES = {"US", "AK-HI", "US-TERR", "PR"}
_COUNTRY_DOLLAR = {"AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "TW": "TWD"}
# zones within one country (region scope values): only that country's own shops name them
_ZONE_DOLLAR = {"AU-": "AUD", "CA-": "CAD", "NZ-": "NZD", "AK-HI": "USD", "US-TERR": "USD"}
# a dollar named outright, not inferred from a region
_NAMED = re.compile(r"\b(?:US|USD|AU|AUD|NZ|NZD|CA|CAD|C|A|S|SGD|HK|HKD|NT)\$|\b(?:USD|AUD|NZD|CAD|SGD|HKD|TWD)\b|新台[币幣]|台[币幣]"
                    r"|\b(?:US|Australian|New\s+Zealand|Canadian|Singapore|Hong\s+Kong)\s+dollars?\b", re.I)


# A page that says which dollar its prices are in ("All prices are in Canadian dollars",
# "Prices shown in AUD and include GST")
_STATED = re.compile(r"\b(?:prices?|amounts?|figures?|costs?|charges?)\b[^.\n]{0,40}?\b(?:in|are)\s+"
                     r"(?P<name>Canadian|Australian|New\s+Zealand|NZ|Singapore|Hong\s+Kong|US|U\.S\.|American)\s+dollars?\b"
                     r"|\b(?:prices?|amounts?)\b[^.\n]{0,40}?\bin\s+(?P<code>CAD|AUD|NZD|SGD|HKD|USD)\b", re.I)
_CODE = re.compile(r"CAD|AUD|NZD|SGD|HKD|USD")
_STATED_NAME = {"canadian": "CAD", "australian": "AUD", "new zealand": "NZD", "nz": "NZD", "singapore": "SGD",
                "hong kong": "HKD", "us": "USD", "u.s.": "USD", "american": "USD"}


# A page that says it delivers within one country ("We deliver within Singapore", "Free shipping
# across Australia", "We ship to all parts of New Zealand"): a domestic shop, priced in that
# country's dollar.
_DOMESTIC = re.compile(r"\b(?:deliver\w*|ship|ships|shipping|shipped|post|posted|postage|courier\w*)\b[^.\n]{0,40}?"
                       r"\b(?:within|across|throughout|anywhere\s+in|(?:to\s+)?all\s+(?:parts|areas|regions)\s+of|nationwide\s+in)\s+"
                       r"(?:mainland\s+|the\s+)?(?P<name>Singapore|Australia|New\s+Zealand|Canada|Hong\s+Kong|"
                       r"the\s+United\s+States|United\s+States|the\s+US|the\s+USA|the\s+U\.S\.|US|USA)\b")
_DOMESTIC_NAME = {"singapore": "SGD", "australia": "AUD", "new zealand": "NZD", "canada": "CAD", "hong kong": "HKD"}


def stated_dollar(texts: Iterable[str]) -> str | None:
    """The one dollar a document says its prices are in, or None; failing a statement, the dollar
    of the one country it says it delivers within."""
    found = set()
    domestic = set()
    for text in texts:
        low = text.lower()
        if "dollar" in low or _CODE.search(text):
            for m in _STATED.finditer(text):
                found.add(m.group("code").upper() if m.group("code") else _STATED_NAME[" ".join(m.group("name").lower().split())])
        if "deliver" in low or "ship" in low or "post" in low or "courier" in low:
            for m in _DOMESTIC.finditer(text):
                name = " ".join(m.group("name").lower().split())
                domestic.add(_DOMESTIC_NAME.get(name.removeprefix("the "), "USD"))
    if not found:
        found = domestic
    return found.pop() if len(found) == 1 else None


def settle_stated_dollar(promises: list[Promise], texts: Iterable[str]) -> list[Promise]:
    """A document's bare "$" amounts in the dollar it says its prices are in."""
    dollar = stated_dollar(texts)
    if dollar is None or dollar == "USD":
        return promises
    return [replace(p, unit=dollar) if _unsettled(p) else p for p in promises]


def _unsettled(p: Promise) -> bool:
    """A bare "$" amount read as USD only for want of a country (no region settled it)."""
    # ("metro", "regional", "remote" name no country: "$79 to metro areas" is the site's dollar)
    region = dict(p.scope).get("region") or ""
    return p.bare_dollar and p.unit == "USD" and not any(part in _US_ZONES for part in region.split(","))


def site_dollar(promises: Iterable[Promise]) -> str | None:
    """The one dollar the sources name, or None when they name none, several, or the US one.

    What marks the shop's home market (its hosts' country domains, its own zones and clock, a
    page's statement of its prices) outranks amounts named outright in a dollar: a New Zealand
    shop writes its Australian prices "A$" and its own as bare "$"."""
    home: set[str] = set()
    named: set[str] = set()
    promises = list(promises)
    for uri in {p.source.uri for p in promises if "://" in p.source.uri}:
        tld = (urlsplit(uri).hostname or "").rpartition(".")[2]
        if tld in _TLD_DOLLAR:
            home.add(_TLD_DOLLAR[tld])
    for p in promises:
        # a country's own zones ("WA, NT and TAS", "Western Canada") and its clock ("9am–5pm
        # AEST") are a domestic shop's words
        region = dict(p.scope).get("region") or ""
        for zone in region.split(","):
            if zone[:3] in _ZONE_DOLLAR or zone in _ZONE_DOLLAR:
                home.add(_ZONE_DOLLAR.get(zone, _ZONE_DOLLAR.get(zone[:3])))
        for item in p.schedule if isinstance(p.schedule, tuple) else ():   # (or "24/7")
            tz = dict(item).get("tz")
            if TZ_REGION.get(tz or "") in _COUNTRY_DOLLAR:
                home.add(_COUNTRY_DOLLAR[TZ_REGION[tz]])
        if p.unit in _DOLLARS and not p.bare_dollar and _NAMED.search(p.text):
            named.add(p.unit)
        elif p.bare_dollar and p.unit in _DOLLARS and p.unit != "USD" and "region" not in dict(p.scope):
            home.add(p.unit)   # settled by its own page's statement ("All prices in Canadian dollars")
    for found in (home, named):
        if found:
            return found.pop() if len(found) == 1 and "USD" not in found else None
    return None


def settle_bare_dollars(promises: list[Promise]) -> list[Promise]:
    """The promises with each bare "$" amount that no region settled put in the site's dollar."""
    dollar = site_dollar(promises)
    if dollar is None:
        return promises
    return [replace(p, unit=dollar) if _unsettled(p) else p for p in promises]
