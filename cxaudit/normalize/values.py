"""Find the values a promise can hold in a sentence: durations, money, schedules, and fixed phrases.

Each finder returns Value mentions with character offsets into the sentence, so the matcher
can pair every value with the nearest cue and scope words. Patterns are written so that no
nested quantifier can backtrack catastrophically: every repeated piece is bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from cxaudit.normalize.numbers import NUM, WORD_ALT, alternation, parse_number


class Value(NamedTuple):
    """One value mention. A NamedTuple, not a dataclass: thousands are made per page and a
    frozen dataclass costs several times more to build."""

    type: str                 # duration | money | schedule | free | paid | zero | open | alltime
    start: int
    end: int
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    qualifier: str = "within"
    schedule: object = None   # "24/7" or tuple of schedule items (tuples of pairs)
    explicit_qualifier: bool = False


# --- durations -------------------------------------------------------------------------

_UNIT_PATTERNS: list[tuple[str, str]] = [
    (r"(?:business|working|work|week)[\s-]?days?", "business_days"),
    (r"(?:business|working|office)[\s-]?hours?", "business_hours"),
    (r"calendar[\s-]?days?", "days"),
    (r"days?", "days"),
    (r"nights?", "days"),
    (r"hours?|hrs?\.?|h(?![\w'])", "hours"),
    (r"minutes?|mins?\.?", "minutes"),
    (r"seconds?|secs?\.?", "seconds"),
    (r"weeks?|wks?\.?", "weeks"),
    (r"months?|mos?\.", "months"),
    (r"years?|yrs?\.?", "years"),
    (r"fortnights?", "fortnight"),
]
UNIT_RE = "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNIT_PATTERNS))
_RANGE_SEP = r"\s{0,3}(?:-|–|—|‑|to|or|through|thru|and)\s{0,3}"

DURATION_RE = re.compile(
    # "thirty (30) days", "one (1) year": legal texts repeat the number in digits; "seven to ten
    # (7-10) working days", "7-10 (seven to ten) days": the whole range, in words or digits.
    # "14 (fourteen) days": the number in words after the digits
    rf"(?P<between>between\s+)?(?P<a>{NUM})(?:\s{{0,2}}\((?:\d{{1,4}}|[a-z]+(?:-[a-z]+)?)\))?(?:{_RANGE_SEP}(?P<b>{NUM})(?:\s{{0,2}}\((?:\d{{1,4}}|[a-z]+(?:-[a-z]+)?)\))?)?"
    rf"(?:\s{{0,2}}\((?:\d{{1,4}}|[a-z]+(?:-[a-z]+)?){_RANGE_SEP}(?:\d{{1,4}}|[a-z]+(?:-[a-z]+)?)\))?"
    rf"(?:[\s-]{{0,3}}|\s*\(\s*)(?:full\s+|extra\s+|more\s+|additional\s+|further\s+)?(?P<unit>{UNIT_RE})(?![\w])",
    re.I,
)

# Fixed phrases that name a duration without a number.
_PHRASES: list[tuple[str, float, str]] = [
    (r"same[\s-](?:business[\s-]|working[\s-])day", 0, "business_days"),
    (r"same[\s-]day", 0, "days"),
    (r"(?:next|following|the\s+next|1)[\s-](?:business|working)[\s-]day", 1, "business_days"),
    (r"(?:next|following)[\s-]day", 1, "days"),
    (r"overnight", 1, "days"),
    # "Order by 6pm for delivery tomorrow", "ships tomorrow"
    (r"(?<=delivery\s)tomorrow|(?<=delivered\s)tomorrow|(?<=ships\s)tomorrow|(?<=dispatched\s)tomorrow", 1, "days"),
    (r"(?:the|an|one)\s+hour", 1, "hours"),
    (r"a\s+fortnight|fortnight", 2, "weeks"),
]
# a phrase used as a service's name ("Overnight shipping", "Next-day delivery")
_SERVICE_NAMED = re.compile(r"(?i)\s+(?:shipping|delivery|service|courier|post|parcels?)\s*(?:takes|is|:|–|-|—|in|within)?\s*")
# Words one of _PHRASES must contain.
_GATE_PHRASE = ("same", "next", "following", "overnight", "hour", "fortnight", "tomorrow")
PHRASE_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<p{i}>{p})" for i, (p, _, _) in enumerate(_PHRASES)) + r")(?![\w])",
    re.I,
)

LIFETIME_RE = re.compile(r"(?<![\w-])(?:limited[\s-])?(?:life[\s-]?time|for\s+life)(?![\w])", re.I)
ALLTIME_RE = re.compile(
    r"(?<![\w/])(?:24\s?/\s?7|24\s?x\s?7|24\s?/\s?365|around\s+the\s+clock|round[\s-]the[\s-]clock|"
    r"24\s+hours\s+(?:a|per)\s+day(?:,?\s+(?:(?:7|seven)\s+days\s+(?:a|per)\s+week|365\s+days\s+(?:a|per)\s+year))?|day\s+and\s+night|any\s?time,?\s+day\s+or\s+night)(?![\w])",
    re.I,
)
ZERO_RE = re.compile(
    # ("not marked Final Sale": the goods that are not)
    r"(?<![\w-])(?:(?<!not\smarked\s)(?<!not\s)(?<!non-)(?<!non\s)final[\s-]sales?|non[\s-]?returnable|cannot\s+be\s+returned|can(?:not|'t|’t)\s+be\s+returned|"
    r"(?:are|is)\s+not\s+(?:eligible\s+for\s+(?:a\s+)?returns?|returnable)|no\s+returns|not\s+accept\s+returns)(?![\w])",
    re.I,
)
FREE_RE = re.compile(r"(?<![\w-])(?:free(?:\s+of\s+charge)?|no[\s-]cost|at\s+no\s+(?:extra\s+)?(?:cost|charge)|"
                     r"complimentary|costs?\s+nothing|(?-i:on\s+us)(?!\s+orders)|no\s+charge|without\s+charge|free[\s-]return)(?![\w])", re.I)

_NEGATED = re.compile(r"(?i)\b(?:don't|do\s+not|never|won't|will\s+not|shouldn't|should\s+not|mustn't|must\s+not|"
                      r"not|no\s+one|nobody)\b")

_QUAL_MAP = {
    "within": "within", "in": "within", "inside": "within", "inside of": "within", "takes": "within", "take": "within",
    "allow": "within", "in the first": "within", "within the first": "within", "during the first": "within",
    "up to": "up_to", "no later than": "up_to", "no more than": "up_to", "not more than": "up_to",
    "at most": "up_to", "a maximum of": "up_to", "maximum": "up_to", "maximum of": "up_to", "max": "up_to",
    "max.": "up_to", "under": "up_to", "less than": "up_to", "fewer than": "up_to", "in under": "up_to",
    "in less than": "up_to",
    "at least": "at_least", "a minimum of": "at_least", "minimum": "at_least", "minimum of": "at_least",
    "min": "at_least", "min.": "at_least", "over": "at_least", "more than": "at_least",
    "about": "approx", "around": "approx", "approximately": "approx", "approx": "approx", "approx.": "approx",
    "roughly": "approx", "typically": "approx", "usually": "approx", "generally": "approx", "normally": "approx",
    "on average": "approx", "an average of": "approx", "average of": "approx", "~": "approx",
    "from": "from", "in as little as": "from", "as fast as": "from", "as quickly as": "from", "as little as": "from", "as early as": "from",
    "exactly": "exactly", "just": "exactly", "only": "exactly",
}
_QUAL_BEFORE = re.compile(rf"(?P<q>{alternation(_QUAL_MAP)})\s*(?:the\s+)?(?:a\s+|an\s+)?$", re.I)
_QUAL_AFTER = re.compile(r"^\s*(?P<q>or\s+less|or\s+fewer|or\s+sooner|max(?:imum)?|at\s+most|or\s+more|\+|minimum|at\s+the\s+latest)(?![\w])", re.I)
_QUAL_AFTER_MAP = {"or less": "up_to", "or fewer": "up_to", "or sooner": "up_to", "max": "up_to", "maximum": "up_to",
                   "at most": "up_to", "at the latest": "up_to", "or more": "at_least", "+": "at_least", "minimum": "at_least"}


def _qualifier(text: str, start: int, end: int) -> tuple[str, bool, int]:
    """The qualifier around a value; returns (qualifier, stated explicitly, new start offset)."""
    before = text[max(0, start - 40):start]
    m = _QUAL_BEFORE.search(before)
    after = _QUAL_AFTER.match(text[end:end + 25])
    if after:
        return _QUAL_AFTER_MAP[" ".join(after.group("q").lower().split())], True, start
    if m:
        word = " ".join(m.group("q").lower().split())
        q = _QUAL_MAP.get(word)
        qual_at = start - (len(before) - m.start())
        if q == "at_least" and word in ("over", "more than") and _NEGATED.search(text, max(0, qual_at - 60), qual_at):
            q = "up_to"  # "never keep a caller on hold for more than 2 minutes" is a maximum
        if q:
            explicit = q != "within" or word in ("within", "inside", "inside of") or word.endswith(" first")
            return q, explicit, start - (len(before) - m.start())
    return "within", False, start


# A clock time, then at most a zone, just before "7 days"
_OPEN_DAYS = re.compile(r"(?i)(?:\d\s*(?:a\.?m\.?|p\.?m\.?)|\d[:.]\d\d|noon|midnight)\s*(?:\(?[A-Za-z]{1,12}(?:\s+time)?\)?\s*)?[,–—-]?\s*(?:all\s+)?$")


_OR_MORE = re.compile(r"\s+or\s+(two|three|four|2|3|4)\b(?![\s-]*(?:[a-z]+\s+)?(?:days?|weeks?|hours?|months?|years?|minutes?|nights?))", re.I)


def find_durations(text: str) -> list[Value]:
    out: list[Value] = []
    for m in DURATION_RE.finditer(text):
        unit = next(u for i, (_, u) in enumerate(_UNIT_PATTERNS) if m.group(f"u{i}"))
        a = parse_number(m.group("a"))
        b = parse_number(m.group("b")) if m.group("b") else None
        if a is None or (m.group("b") and b is None):
            continue
        raw_unit = m.group("unit").lower()
        if unit == "hours" and raw_unit.startswith("h") and len(raw_unit) == 1 and not text[m.start("a"):m.start("unit")].strip().isdigit():
            continue  # "h" only after digits ("48h")
        lo, hi = (a, b) if b is not None else (a, a)
        if m.group("between") and b is None:
            continue
        if b is not None and b < a:
            lo, hi = b, a
        end = m.end()
        if b is None and (alt := _OR_MORE.match(text, end)) and (n := parse_number(alt.group(1))) and n > a:
            hi, end = n, alt.end()   # "a day or two", "a week or two": the number after is the range's top
        if unit == "fortnight":
            lo, hi, unit = lo * 2, hi * 2, "weeks"
        if unit == "days" and raw_unit.startswith("night"):
            unit = "days"
        q, explicit, qstart = _qualifier(text, m.start(), m.end())
        if lo == hi == 7 and unit == "days" and not explicit and _OPEN_DAYS.search(text, max(0, m.start() - 40), m.start()):
            continue  # "open 8am–8pm NZ time, 7 days": the days of the week it is open
        if q == "within" and not explicit and b is None and hi == lo and "-" not in text[m.end("a"):m.start("unit")]:
            q = "exactly"  # a bare "30 days" (not "30-day", not "within 30 days", not a range)
        out.append(Value("duration", qstart, end, lo, hi, unit, q, explicit_qualifier=explicit))
    taken = [(v.start, v.end) for v in out]
    low = text.lower()
    phrases = PHRASE_RE.finditer(text) if any(w in low for w in _GATE_PHRASE) else ()
    for m in phrases:
        if any(s <= m.start() < e or s < m.end() <= e for s, e in taken):
            continue
        i = next(i for i in range(len(_PHRASES)) if m.group(f"p{i}"))
        _, n, unit = _PHRASES[i]
        if any(_SERVICE_NAMED.fullmatch(text, m.end(), s) for s, _ in taken if s > m.end()):
            continue  # "Overnight shipping 1 business day": the service's name, its time given after it
        q, explicit, qstart = _qualifier(text, m.start(), m.end())
        out.append(Value("duration", qstart, m.end(), float(n), float(n), unit, q, explicit_qualifier=explicit))
    for m in LIFETIME_RE.finditer(text) if "life" in low else ():
        out.append(Value("open", m.start(), m.end(), None, None, "years", "at_least"))
    out.sort(key=lambda v: v.start)
    if phrases:
        out = _phrase_ranges(text, out)
    if out and out[0].unit and ("," in text or " and " in text or " or " in text):
        out += _elliptic_ranges(text, out)
        out.sort(key=lambda v: v.start)
    return out


_TO = re.compile(r"\s*(?:to|-|–|—)\s*")


def _phrase_ranges(text: str, found: list[Value]) -> list[Value]:
    """"overnight to 5 working days", "same day to 2 days": a phrase and a number of days are
    the two ends of one range, in the number's unit."""
    out: list[Value] = []
    for v in found:
        prev = out[-1] if out else None
        if prev is not None and prev.type == v.type == "duration" and prev.min == prev.max is not None \
                and v.min == v.max is not None and prev.min < v.min and prev.unit in ("days", "business_days") \
                and v.unit in ("days", "business_days") and not PHRASE_RE.fullmatch(text, v.start, v.end) \
                and any(m.end() == prev.end for m in PHRASE_RE.finditer(text, prev.start, prev.end)) \
                and (sep := _TO.match(text, prev.end)) and sep.end() == v.start:
            out[-1] = Value("duration", prev.start, v.end, prev.min, v.max, v.unit, "within")
            continue
        out.append(v)
    return out


# "3 to 7 business days in the West, 2 to 5 in Ontario": a range that leaves out its unit takes
# the unit of the duration before it in the same sentence.
_ELLIPTIC = re.compile(rf"(?:,|;|\band\b|\bor\b)\s+(?P<a>{NUM}){_RANGE_SEP}(?P<b>{NUM})(?=\s+(?:in|for|to|on|at)\b)", re.I)


def _elliptic_ranges(text: str, found: list[Value]) -> list[Value]:
    extra = []
    for m in _ELLIPTIC.finditer(text, found[0].end):
        if any(v.start <= m.start("a") < v.end for v in found):
            continue
        before = [v for v in found if v.end <= m.start() and v.type == "duration" and v.unit]
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if not before or a is None or b is None or b < a:
            continue
        extra.append(Value("duration", m.start("a"), m.end("b"), a, b, before[-1].unit, "within"))
    return extra


# --- money -----------------------------------------------------------------------------

# A bare "$" or "dollars": which dollar is settled where the promise's region is known
# (a Canadian order's "$99" is CAD), else it is USD. See `dollar_currency`.
DOLLAR = "$"
_DOLLAR_BY_REGION = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "HK": "HKD", "SG": "SGD", "MX": "MXN", "TW": "TWD"}
# Currencies that belong to one market: a price in one names where the line applies.
CURRENCY_MARKET = {currency: region for region, currency in _DOLLAR_BY_REGION.items()} | {"GBP": "UK", "TWD": "TW", "MOP": "MO",
                                                                                         "MYR": "MY", "ZAR": "ZA"}


def dollar_currency(region: str | None) -> str:
    """The currency of a bare dollar amount said of `region` (a scope value such as "CA")."""
    # a zone of a country ("CA-WEST", "AU-WA") writes that country's dollar
    found = {_DOLLAR_BY_REGION.get(r.split("-")[0], "USD") for r in (region or "").split(",") if r}
    return found.pop() if len(found) == 1 else "USD"


_SYMBOLS = {"us$": "USD", "usd$": "USD", "ca$": "CAD", "c$": "CAD", "cad$": "CAD", "a$": "AUD", "au$": "AUD",
            "nz$": "NZD", "hk$": "HKD", "nt$": "TWD", "mop$": "MOP", "s$": "SGD", "rm": "MYR", "$": DOLLAR, "£": "GBP", "€": "EUR", "¥": "CNY", "￥": "CNY",
            "₹": "INR", "r$": "BRL", "kr": "SEK"}
_CODE_LIST = ("USD", "CAD", "AUD", "NZD", "EUR", "GBP", "CNY", "RMB", "JPY", "INR", "CHF", "SEK", "NOK", "DKK", "HKD",
              "SGD", "MXN", "BRL", "PLN", "ZAR", "TWD", "MOP", "MYR")
_CODES = alternation(_CODE_LIST)
_WORD_CUR = {"dollars": DOLLAR, "dollar": DOLLAR, "bucks": DOLLAR, "euros": "EUR", "euro": "EUR", "pounds": "GBP",
             "pound": "GBP", "quid": "GBP", "yuan": "CNY", "rupees": "INR"}
_SYMBOL_LIST = ("US$", "USD$", "CA$", "CAD$", "C$", "AU$", "A$", "NZ$", "HK$", "NT$", "MOP$", "S$", "R$", "$", "£", "€", "¥", "￥", "₹")
# (a space, no-break or thin space between thousands, "R1 500", "€2 000": not before a unit, "$50 365 days a year")
AMOUNT = (r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d|\s?(?:days?|hours?|nights?|weeks?|months?|years?|"
          r"minutes?|mins?|hrs?|%|x\b|items?|orders?|products?))|\d{1,7}(?:\.\d{1,2})?")
MONEY_RE = re.compile(
    # ringgit's "RM" only in capitals and not inside a word ("RM150", never "form 30")
    # (Royal Mail's "RM 24 (First class)", "RM48 Tracked" are services, not ringgit)
    rf"(?P<sym>{alternation(_SYMBOL_LIST)}|(?<![A-Za-z])(?-i:RM)(?!\s?(?:24|48)\b(?![.,]\d)[^.\n]{{0,30}}?\b(?:class|tracked|signed|royal\s+mail|working\s+days?|despatch|dispatch)))\s?(?P<a1>{AMOUNT})(?:\+?\s?(?P<code1>{_CODES})\b)?"
    rf"|(?<![\w])(?P<code2>{_CODES})\s?\$?\s?(?P<a2>{AMOUNT})"
    # the rand's "R750", "R 49.95": a capital R alone before the amount, which ends the word
    # ("R2D2", "R32 refrigerant" and "R-410A" are no prices)
    rf"|(?<![\w$])(?-i:R)\s?(?P<a4>{AMOUNT})(?![\w$-]|[.,]\d)(?!\s?(?:refrigerant|gas|rating|road|route|series|model)\b)"
    rf"|(?<![\w.,$£€])(?P<a3>{AMOUNT})\s?(?:(?P<code3>{_CODES})\b|(?P<word>dollars?|bucks|euros?|pounds?|quid|yuan|rupees))",
    re.I,
)


_AT_LEAST_AFTER = re.compile(r"\s*(?:\+|and\s+(?:up|over|above)|or\s+more|or\s+over|or\s+above)", re.I)
# "seventy-five dollars", "two hundred and fifty dollars": amounts in words, as scripts say them
_WORD_MONEY_GATE = re.compile(r"(?i)dollar|euro|pound|bucks|quid")
_WORD_MONEY_RE = re.compile(
    rf"(?<![\w$£€])(?:(?P<h>{WORD_ALT})\s+hundred(?:\s+(?:and\s+)?(?P<r>{WORD_ALT}))?|(?P<w>{WORD_ALT}))"
    rf"\s+(?P<word>dollars?|bucks|euros?|pounds?|quid)\b"
    # "seven dollars fifty", "seven dollars and fifty cents": the cents said after
    rf"(?:\s+(?:and\s+)?(?P<c>{WORD_ALT})(?:\s+(?:cents?|pence|p)\b)?)?", re.I)


def _word_money(text: str) -> list[tuple[int, int, float, str]]:
    out = []
    for m in _WORD_MONEY_RE.finditer(text):
        if m.group("h"):
            h, r = parse_number(m.group("h")), parse_number(m.group("r")) if m.group("r") else 0.0
            n = None if h is None or r is None or not (1 <= h <= 9) or r >= 100 else h * 100 + r
        else:
            n = parse_number(m.group("w"))
            if m.group("w").lower().startswith(("a ", "an")) or m.group("w").lower() == "a":
                n = None  # "a few dollars", "a dollar": not an amount anyone quotes as a threshold
        end = m.end("word")
        if n is not None and m.group("c") and (c := parse_number(m.group("c"))) is not None and 1 <= c < 100:
            n, end = n + c / 100, m.end()
        if n is not None and n >= 1:
            out.append((m.start(), end, float(n), _WORD_CUR[m.group("word").lower()]))
    return out


def find_money(text: str) -> list[Value]:
    out = []
    if _WORD_MONEY_GATE.search(text):
        for start, end, n, cur in _word_money(text):
            q, explicit, qstart = _qualifier(text, start, end)
            tail = text[end:end + 30]
            if _AT_LEAST_AFTER.match(tail):
                q, explicit = "at_least", True
            elif not explicit:
                q = "exactly"
            out.append(Value("money", qstart, end, n, n, cur, q, explicit_qualifier=explicit))
    for m in MONEY_RE.finditer(text):
        if m.group("a1"):
            amount, cur = m.group("a1"), (m.group("code1") or _SYMBOLS[m.group("sym").lower()]).upper()
        elif m.group("a2"):
            amount, cur = m.group("a2"), m.group("code2").upper()
        elif m.group("a4"):
            amount, cur = m.group("a4"), "ZAR"
        else:
            amount = m.group("a3")
            cur = (m.group("code3") or "").upper() or _WORD_CUR[m.group("word").lower()]
        if cur == "RMB":
            cur = "CNY"
        try:
            n = float(re.sub(r"[,\s]", "", amount))
        except ValueError:
            continue
        tail = text[m.end():m.end() + 30]
        if re.match(r"\s*(?:%|off\b|discount|per\s+(?:month|year|week|item|hour)|/\s?(?:mo|month|yr|year)"
                    # a subscription's price ("£9.99 for a year of free next-day delivery", "$49 a year")
                    r"|for\s+(?:a|one|the|12|twelve|a\s+whole)\s+(?:year|month|months)\b|an?\s+(?:year|month)\b|annually|yearly|monthly)", tail, re.I):
            continue
        q, explicit, qstart = _qualifier(text, m.start(), m.end())
        if not explicit:
            q = "exactly"
        after = _AT_LEAST_AFTER.match(tail)
        if after or "+" in m.group(0):   # "$350+ CAD"
            q, explicit = "at_least", True
        out.append(Value("money", qstart, m.end(), n, n, cur, q, explicit_qualifier=explicit))
    return out


# The customer pays, the amount unstated: "returns are at your own cost", "return shipping is the
# buyer's responsibility", "you will need to pay for return postage". Read only by packs that
# accept a "paid" value (return_cost); it contradicts "free" and agrees with any fee.
PAID_RE = re.compile(
    r"(?<![\w-])(?:at\s+(?:your|the\s+(?:customer|buyer|purchaser|shopper)['’]?s?|the\s+sender['’]?s?|their)\s+(?:own\s+)?(?:cost|expense)"
    r"|(?:customer|buyer|purchaser|shopper|sender)['’]?s?\s+(?:own\s+)?(?:responsibility|expense|cost)"
    r"|responsibility\s+of\s+the\s+(?:customer|buyer|purchaser|shopper|sender)"
    r"|(?:you|customers?|buyers?|purchasers?)\s+(?:are|is|will\s+be)\s+responsible\s+for\s+(?:paying\s+(?:for\s+)?|the\s+cost\s+of\s+|any\s+)?"
    r"(?:(?:the|your|all|any)\s+)?(?:own\s+)?(?:return|returning|shipping|postage|delivery|carriage|freight)"
    r"|(?:you|customers?|buyers?)\s+(?:will\s+)?(?:need\s+to\s+|must\s+|have\s+to\s+)?(?:pay|cover)\s+(?:for\s+)?(?:(?:the|your|any)\s+)?(?:own\s+)?(?:return|shipping\s+costs?\s+(?:for|of)\s+return|postage\s+(?:for|of)\s+return)"
    r"|(?:we|i)\s+(?:do\s+not|don['’]t|cannot|can['’]t|will\s+not|won['’]t)\s+(?:pay\s+for|cover|refund|reimburse)\s+(?:the\s+|any\s+)?(?:cost\s+of\s+)?return\s+(?:shipping|postage|delivery|carriage|costs?)"
    r"|return\s+(?:shipping|postage|delivery|carriage)\s+(?:costs?\s+|fees?\s+|charges?\s+)?(?:(?:for|on)\s+[\w-]+(?:\s+[\w-]+){0,3}\s+)?(?:is|are)\s+(?:not\s+(?:refundable|covered|included|free)|non-refundable|(?:payable|paid)\s+by\s+(?:you|the\s+customer|the\s+buyer)))"
    r"(?![\w-])", re.I)


def find_paid(text: str) -> list[Value]:
    return [Value("paid", m.start(), m.end(), None, None, None, "at_least") for m in PAID_RE.finditer(text)]


def find_free(text: str) -> list[Value]:
    return [Value("free", m.start(), m.end(), 0.0, 0.0, None, "exactly") for m in FREE_RE.finditer(text)]


def find_zero_windows(text: str) -> list[Value]:
    return [Value("zero", m.start(), m.end(), 0.0, 0.0, "days", "exactly") for m in ZERO_RE.finditer(text)]


# --- schedules -------------------------------------------------------------------------

_DAY_NAMES = {
    "mon": 0, "monday": 0, "mondays": 0, "tue": 1, "tues": 1, "tuesday": 1, "tuesdays": 1,
    "wed": 2, "weds": 2, "wednesday": 2, "wednesdays": 2, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "thursdays": 3, "fri": 4, "friday": 4, "fridays": 4, "sat": 5, "saturday": 5, "saturdays": 5,
    "sun": 6, "sunday": 6, "sundays": 6,
}
_DAY_CODES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAY = r"(?:mon(?:day)?s?|tue(?:s(?:day)?)?s?|wed(?:nesday|s)?s?|thu(?:r(?:s(?:day)?)?)?s?|fri(?:day)?s?|sat(?:urday)?s?|sun(?:day)?s?)\.?"
# "… and public holidays" after a day: the holidays keep that day's hours
_HOLIDAYS_TOO_RE = r"\s{0,2}(?:,|&|and|/)\s{0,2}(?:on\s+)?(?:(?:public|bank)\s+holidays?|PH|P\.H\.?)"
DAYS = (rf"(?P<days>(?:every\s*day|everyday|daily|all\s+(?:(?:7|seven)\s+)?days(?:\s+a\s+week)?|(?<!within\s)(?<!in\s)(?<!for\s)(?<!of\s)(?<!after\s)(?<!than\s)(?:7|seven)\s+days(?:\s+a\s+week)?|weekdays|weekends?|"
        rf"{DAY}(?:\s{{0,2}}(?:-|–|—|to|through|thru|until)\s{{0,2}}{DAY})?(?:\s{{0,2}}(?:,|&|and|/)\s{{0,2}}{DAY}(?![\w]))?)"
        # "Sundays and public holidays, 10am to 6pm": the holidays keep the day's hours
        rf"(?:{_HOLIDAYS_TOO_RE}(?![\w]))?)")
TIME = r"(?:\d{1,2}(?:[:.]\d{2})?\s?(?:a\.?m\.?|p\.?m\.?)?|noon|midday|midnight)"
HOURS = rf"(?P<open>{TIME})(?:\s{{0,2}}(?:[ECMP][SD]?T|GMT|UTC|AEST|AWST|ACST|NZST)(?![\w]))?\s{{0,2}}(?:-|–|—|to|until|till|’til|'til|and)\s{{0,2}}(?P<close>{TIME})"
TZ = (r"(?:,?\s{0,2}\(?(?P<tz>(?:GMT|UTC)\s?[+−-]\s?\d{1,2}(?::?[03]0)?|[ECMP][SD]?T|GMT|BST|UTC|CET|CEST|AEST/AEDT|AEST|AEDT|AWST|ACST|NZST/NZDT|NZST|NZDT|IST|UK\s+time|"
      r"HKT|SGT|MYT|(?:Hong\s+Kong|Taiwan|Singapore|Malaysia)\s+time|NZ\s+time|New\s+Zealand\s+time|(?:Sydney|Melbourne|Canberra|Brisbane)\s+time|Perth\s+time|Adelaide\s+time|"
      r"local\s+time|(?:Eastern|Pacific|Central|Mountain)(?:\s+(?:Standard\s+)?Time)?)\)?(?![\w]))?")
SCHEDULE_RE = re.compile(
    rf"(?<![\w]){DAYS}(?![\w])[\s,:]{{0,4}}(?:(?:from|between)\s+)?(?:(?P<closed>closed)|{HOURS}{TZ})",
    re.I,
)
HOURS_FIRST_RE = re.compile(rf"(?<![\w:]){HOURS}{TZ}[\s,]{{0,3}}(?:(?:on|at|over|during)\s+(?:the\s+)?)?{DAYS}(?![\w])", re.I)


def _clock(t: str, *, is_close: bool, other_pm: bool | None = None) -> str | None:
    t = t.lower().replace(" ", "").replace(".", ":").rstrip(":")
    if t in ("noon", "midday"):
        return "12:00"
    if t == "midnight":
        return "24:00" if is_close else "00:00"
    pm = "pm" in t or "p:m" in t
    am = "am" in t or "a:m" in t
    digits = re.sub(r"[ap]:?m:?", "", t)
    if ":" in digits:
        h_s, m_s = digits.split(":", 1)
    else:
        h_s, m_s = digits, "0"
    try:
        h, mi = int(h_s), int(m_s or 0)
    except ValueError:
        return None
    if h > 24 or mi > 59:
        return None
    if pm and h < 12:
        h += 12
    elif am and h == 12:
        h = 24 if is_close and mi == 0 else 0   # "8 a.m.–12 a.m.": open until midnight
    elif not pm and not am and ":" not in digits and is_close and h < 12 and other_pm is None:
        h += 12  # "9-5", "Saturdays 9-1": a close hour before noon with no am/pm is in the afternoon
    return f"{h:02d}:{mi:02d}"


_HOLIDAYS_TOO = re.compile(_HOLIDAYS_TOO_RE + r"$", re.I)


def _days(spec: str) -> str | None:
    s = " ".join(spec.lower().replace(".", "").split())
    s = _HOLIDAYS_TOO.sub("", s)   # "sundays and public holidays": the days named
    if s in ("every day", "everyday", "daily", "7 days a week", "seven days a week", "7 days", "seven days") \
            or re.fullmatch(r"all (?:7 |seven )?days(?: a week)?", s):
        return "mon-sun"
    if s == "weekdays":
        return "mon-fri"
    if s in ("weekends", "weekend"):
        return "sat-sun"
    names = re.findall(r"[a-z]+", s)
    idx = [_DAY_NAMES.get(n) for n in names if n not in ("to", "through", "thru", "until", "and")]
    idx = [i for i in idx if i is not None]
    if not idx:
        return None
    if len(idx) >= 2 and re.search(r"-|–|—|\bto\b|through|thru|until", s):
        a, b = idx[0], idx[1]
        if a > b:   # "Fri–Mon" runs over the weekend: kept as said
            return f"{_DAY_CODES[a]}-{_DAY_CODES[b]}" + "".join("," + _DAY_CODES[i] for i in idx[2:3])
        days = list(range(a, b + 1)) + idx[2:]
    else:
        days = idx
    # One spelling per set of days: "Saturday & Sunday" is "sat-sun", as "Saturday–Sunday" is.
    days = list(dict.fromkeys(days))
    if len(days) >= 2 and days == list(range(days[0], days[0] + len(days))):
        return f"{_DAY_CODES[days[0]]}-{_DAY_CODES[days[-1]]}"
    if len(days) > 2 and days[0] <= days[1] and all(y == x + 1 for x, y in zip(days, days[1:-1])) and days[-1] != days[-2] + 1:
        return f"{_DAY_CODES[days[0]]}-{_DAY_CODES[days[-2]]},{_DAY_CODES[days[-1]]}"
    return ",".join(_DAY_CODES[i] for i in days)


_TZ_MAP = {**{f"{zone} {kind}time": code for zone, code in (("eastern", "ET"), ("pacific", "PT"), ("central", "CT"),
                                                              ("mountain", "MT")) for kind in ("", "standard ")},
           "est": "ET", "edt": "ET", "et": "ET", "eastern": "ET", "pst": "PT", "pdt": "PT", "pt": "PT", "pacific": "PT",
           "cst": "CT", "cdt": "CT", "ct": "CT", "central": "CT", "mst": "MT", "mdt": "MT", "mt": "MT", "mountain": "MT",
           "gmt": "UK", "bst": "UK", "uk time": "UK", "cet": "CET", "cest": "CET",
           # Australia and New Zealand: standard and daylight names, and "Sydney time", are one clock
           "aest/aedt": "AEST", "aedt": "AEST", "sydney time": "AEST", "melbourne time": "AEST",
           "canberra time": "AEST", "brisbane time": "AEST", "perth time": "AWST", "adelaide time": "ACST",
           "nzst/nzdt": "NZST", "nzdt": "NZST", "nz time": "NZST", "new zealand time": "NZST",
           "hkt": "HKT", "hong kong time": "HKT", "taiwan time": "TWT", "sgt": "SGT", "singapore time": "SGT",
           "myt": "MYT", "malaysia time": "MYT"}
# The country a clock belongs to, when only one does: hours given in it are that country's.
_UTC_OFFSET = re.compile(r"(?:gmt|utc)\s?([+−-])\s?(\d{1,2})(?::?([03]0))?")
TZ_REGION = {"AEST": "AU", "AWST": "AU", "ACST": "AU", "NZST": "NZ", "HKT": "HK", "TWT": "TW", "SGT": "SG", "MYT": "MY"}


def _best_reading(cands: list[tuple[int, int, tuple, int]]) -> list[tuple[int, int, tuple]]:
    """The days-first and hours-first readings of a timetable can claim the same words: in "8 till
    8 weekdays, 9 to 5 on Saturdays" days-first pairs "weekdays" with "9 to 5". Keep the set of
    non-overlapping lines that reads the most lines (then prefers days-first: "Mon–Fri 8am–9pm ET,
    weekends shorter" is no weekend timetable; then covers the most text), so each day word goes
    with its own hours."""
    cands = sorted(cands, key=lambda c: (c[1], c[0]))
    # best[i]: the best choice among the first i candidates, as (lines, -hours-first, chars, picks)
    best: list[tuple[int, int, int, tuple[int, ...]]] = [(0, 0, 0, ())]
    for i, (start, end, _item, order) in enumerate(cands):
        j = i
        while j > 0 and cands[j - 1][1] > start:
            j -= 1
        n, pref, chars, picks = best[j]
        take = (n + 1, pref - order, chars + end - start, picks + (i,))
        best.append(max(best[i], take, key=lambda b: b[:3]))
    return sorted((cands[i][0], cands[i][1], cands[i][2]) for i in best[-1][3])


_CHANNEL_WORD = re.compile(r"\b(?:live\s+chat|chat|phones?|phone\s+lines|lines|calls?|e-?mail|whatsapp|stores?|showrooms?|shops?)\b", re.I)


def find_schedules(text: str) -> list[Value]:
    cands: list[tuple[int, int, tuple, int]] = []
    for order, rx in enumerate((SCHEDULE_RE, HOURS_FIRST_RE)):
        for m in rx.finditer(text):
            days = _days(m.group("days"))
            if days is None:
                continue
            if m.groupdict().get("closed"):
                continue  # "closed Sundays" adds nothing to compare; the open days carry the promise
            raw_open, raw_close = m.group("open"), m.group("close")
            if not re.search(r"\d|noon|midday|midnight", raw_open, re.I):
                continue
            close_pm = bool(re.search(r"p\.?m", raw_close, re.I))
            o = _clock(raw_open, is_close=False)
            c = _clock(raw_close, is_close=True, other_pm=True if re.search(r"[ap]\.?m", raw_open, re.I) else None)
            if re.search(r"a\.?m|p\.?m", raw_open, re.I) is None and close_pm and o and int(o[:2]) < 12 and c and int(c[:2]) >= 12:
                pass
            if o is None or c is None:
                continue
            item = [("days", days), ("open", o), ("close", c)]
            tz = m.group("tz")
            if tz:
                key = " ".join(tz.lower().split())
                offset = _UTC_OFFSET.fullmatch(key)
                if offset:  # "GMT+8" is a clock of its own, not London's
                    sign = "-" if offset.group(1) in "−-" else "+"
                    key = f"UTC{sign}{int(offset.group(2))}" + (f":{offset.group(3)}" if offset.group(3) else "")
                    item.append(("tz", key))
                else:
                    item.append(("tz", _TZ_MAP.get(key, tz.upper())))
            cands.append((m.start(), m.end(), tuple(item), order))
    items = _best_reading(cands)
    out: list[Value] = []
    if items:
        items.sort()
        # Consecutive day/hour pairs in one sentence form one schedule ("Mon–Fri 9–5, Sat 10–2").
        start, end = items[0][0], items[-1][1]
        zones = {dict(i).get("tz") for _, _, i in items} - {None}
        if len(zones) == 1 and len(items) > 1:
            # "Monday to Friday 8am to 8pm and Saturday 9am to 5pm (AEST)": one zone named once
            # is every line's
            zone = next(iter(zones))
            items = [(s, e, i if dict(i).get("tz") else i + (("tz", zone),)) for s, e, i in items]
        # ... one per channel: "Live chat is open 8am–10pm daily, and phone lines 9am–5pm weekdays"
        groups = [[items[0]]]
        for item in items[1:]:
            if _CHANNEL_WORD.search(text, groups[-1][-1][1], item[0]):
                groups.append([item])
            else:
                groups[-1].append(item)
        for group in groups:
            out.append(Value("schedule", group[0][0], group[-1][1], schedule=tuple(i for _, _, i in group),
                             qualifier="exactly"))
    for m in ALLTIME_RE.finditer(text):
        if any(v.start <= m.start() < v.end for v in out):
            continue
        out.append(Value("alltime", m.start(), m.end(), schedule="24/7", qualifier="exactly"))
    return out


# Cheap gates: each finder runs only when its vocabulary is present (most sentences have none).
# Substring tests on the lower-cased sentence are much cheaper than case-insensitive regexes.
_GATE_DURATION = ("day", "hour", "hr", "week", "wk", "month", "mo.", "year", "yr", "minute", "min", "second", "sec",
                  "night", "fortnight", "same", "next", "following", "overnight", "life", "tomorrow")
_GATE_DIGIT_H = re.compile(r"\dh")
_GATE_MONEY = ("$", "£", "€", "¥", "￥", "₹", "rm", "dollar", "buck", "euro", "pound", "quid", "yuan", "rupee") + tuple(
    c.lower() for c in _CODE_LIST)
_GATE_RAND = re.compile(r"(?<![\w$])R\s?\d")
_GATE_SCHEDULE = ("mon", "tue", "wed", "thu", "fri", "sat", "sun", "week", "daily", "every", "24", "clock", "night",
                  "any time", "anytime", "all 7", "all seven", "all days", "7 days", "seven days")
_GATE_WORDS = ("free", "sale", "return", "cost", "charge", "complimentary", "on us")


# A fee charged as a share of the price ("a 15% restocking fee", "a restocking fee of twenty
# percent (20%)"): unit "%", compared only with other percentages.
PERCENT_RE = re.compile(rf"(?:(?P<w>{NUM})\s+per\s?cent\s*\(\s*)?(?P<n>\d{{1,2}}(?:\.\d+)?)\s?(?:%|per\s?cent)\)?"
                        rf"|(?P<w2>{NUM})\s+per\s?cent", re.I)
_FEE_NEAR = re.compile(r"(?i)\b(?:restocking|return|returns|handling|processing|cancellation)\s+(?:fee|charge)"
                       r"|\b(?:return|returns)\s+(?:shipping|postage|delivery)\s+(?:costs?|fees?|charges?|is)\b")


def find_fee_percents(text: str) -> list[Value]:
    out = []
    for m in PERCENT_RE.finditer(text):
        if not _FEE_NEAR.search(text, max(0, m.start() - 40), m.end() + 40):
            continue
        n = float(m.group("n")) if m.group("n") else parse_number(m.group("w2"))
        if n is None or not 0 < n < 100:
            continue
        out.append(Value("percent", m.start(), m.end(), n, n, "%", "exactly"))
    return out


def find_values(text: str) -> list[Value]:
    """Every value mention in a sentence, ordered by position; overlapping mentions are resolved
    in favour of the longer one (a schedule beats the durations inside it)."""
    cands: list[Value] = []
    low = text.lower()
    if any(w in low for w in _GATE_SCHEDULE):
        cands += find_schedules(text)
    if any(w in low for w in _GATE_MONEY) or _GATE_RAND.search(text):
        cands += find_money(text)
    if any(w in low for w in _GATE_DURATION) or _GATE_DIGIT_H.search(low):
        cands += find_durations(text)
    if any(w in low for w in _GATE_WORDS):
        cands += find_zero_windows(text) + find_free(text)
    if "return" in low and ("cost" in low or "expense" in low or "responsib" in low or "pay" in low or "paid" in low
                            or "cover" in low or "refund" in low):
        # (an amount in the same breath is the fee itself; one in brackets is an aside: "you pay the
        # return postage (Australia Post charges from about $10.95)")
        money = [c for c in cands if c.type == "money" and not text.count("(", 0, c.start) > text.count(")", 0, c.start)]
        cands += [p for p in find_paid(text) if not any(abs(m.start - p.end) < 60 or abs(p.start - m.end) < 60 for m in money)]
    if ("%" in low or "percent" in low) and ("fee" in low or "charge" in low or "cost" in low):
        cands += find_fee_percents(text)
    cands.sort(key=lambda v: (v.start, -(v.end - v.start)))
    out: list[Value] = []
    for v in cands:
        clash = next((o for o in out if v.start < o.end and o.start < v.end), None)
        if clash is None:
            out.append(v)
        elif (v.end - v.start) > (clash.end - clash.start) and v.type != "free":
            out[out.index(clash)] = v
    out.sort(key=lambda v: v.start)
    return out
