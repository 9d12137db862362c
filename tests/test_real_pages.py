"""Readings learnt from real shipping and returns pages and from a later round of blind
brands: each case is a shortened sentence of the kind found there, with the reading it needs."""

from __future__ import annotations

from cxaudit.api import extract_text
from cxaudit.compare import compare
from cxaudit.extract import read_blocks
from cxaudit.model import Document
from cxaudit.pipeline import promises_in_blocks


def _audit(*files: tuple[str, str]):
    promises = []
    for name, text in files:
        doc = Document(uri=name, channel="website", fmt=name.rsplit(".", 1)[-1], content=text.encode())
        promises += promises_in_blocks(read_blocks(doc), doc)
    return promises, compare(promises)


def _regions(text, kind):
    return sorted(str(dict(p.scope).get("region")) for p in extract_text(text) if p.kind == kind)


def test_province_codes_label_a_line_and_every_sentence_on_it():
    page = ("# Shipping\n\nShipping rates depend on the province of destination:\n\n"
            "ON, QC: $5 shipping.  Orders over $50 are shipped free.\n\n"
            "BC, AB, SK, MB: $10 shipping.  Orders over $100 are shipped free.\n\n"
            "NB, NS, NL, PEI: $10 shipping.  Orders over $100 are shipped free.\n")
    promises, findings = _audit(("shipping.md", page))
    got = sorted((p.min, dict(p.scope).get("region")) for p in promises if p.kind == "free_shipping_threshold")
    assert got == [(50, "CA-ON,CA-QC"), (100, "CA-ATL"), (100, "CA-WEST")]
    assert findings == []


def test_codes_need_a_label_or_a_list_to_name_a_place():
    # a shouting banner's "ON" is a word, a lone code inside a sentence is not read as a place
    assert _regions("FREE SHIPPING ON ALL ORDERS OVER $50", "free_shipping_threshold") == ["None"]
    assert _regions("Delivery to WA, NT and TAS takes 6-10 business days.", "delivery_time") == ["AU-NT,AU-TAS,AU-WA"]
    # codes of two countries at once name neither
    assert _regions("ON, NSW: 5-8 business days delivery.", "delivery_time") == ["None"]


def test_a_place_inside_a_longer_place_is_the_longer_one():
    ps = extract_text("Western Canada: $10 shipping. Orders over $100 are shipped free. Delivery takes 5-8 business days.")
    assert sorted((p.kind, dict(p.scope).get("region")) for p in ps) == [
        ("delivery_time", "CA-WEST"), ("free_shipping_threshold", "CA-WEST")]


def test_a_postal_carriers_country_is_not_the_destination():
    page = ("# Shipping policy\n\n"
            "AUSTRALIAN CUSTOMERS: We offer air economy and express courier shipping at checkout.\n\n"
            "The NZ Post Air Economy service is usually a 3-6 working day service.\n\n"
            "UK CUSTOMERS: We also offer air economy and express options at checkout.\n\n"
            "The NZ Post Air Economy service is usually a 6-10 working day service.\n")
    promises, findings = _audit(("shipping.md", page))
    got = sorted((p.min, p.max, dict(p.scope).get("region")) for p in promises if p.kind == "delivery_time")
    assert got == [(3, 6, "AU"), (6, 10, "UK")]
    assert findings == []
    assert _regions("We ship every order with Canada Post in 3-5 business days.", "delivery_time") == ["None"]
