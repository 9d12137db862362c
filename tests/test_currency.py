"""Which dollar a bare "$" means is settled by the site, not by the line."""

from __future__ import annotations

import json
from dataclasses import replace

from cxaudit.api import extract_text
from cxaudit.model import Location
from cxaudit.normalize.currency import settle_bare_dollars, site_dollar


def _at(text: str, uri: str):
    return [replace(p, source=Location(uri, "website")) for p in extract_text(text)]


def test_a_country_domain_names_the_dollar():
    ps = _at("Free standard shipping on orders over $59.", "https://shop.example.com.au/shipping")
    assert [p.unit for p in ps] == ["USD"]           # alone, the line cannot tell
    assert [p.unit for p in settle_bare_dollars(ps)] == ["AUD"]
    assert site_dollar(_at("Free shipping over $59.", "https://shop.example.com/shipping")) is None


def test_a_dollar_named_elsewhere_settles_the_bare_ones():
    ps = _at("Free shipping on all orders over $75.", "faq.html") + \
        _at("Orders of NZD 75 or more ship free.", "shipping.html")
    assert sorted(p.unit for p in settle_bare_dollars(ps)) == ["NZD", "NZD"]


def test_two_dollars_or_the_us_dollar_settle_nothing():
    us = _at("Free shipping over $75.", "a.html") + _at("Orders over US$75 ship free.", "b.html")
    assert site_dollar(us) is None
    two = _at("Free shipping over $75.", "a.html") + _at("Orders over A$75 ship free.", "b.html") + \
        _at("Orders over NZ$90 ship free.", "c.html")
    assert [p.unit for p in settle_bare_dollars(two)][0] == "USD"


def test_the_audit_reports_the_site_dollar(cli, tmp_path):
    (tmp_path / "banner.md").write_text("# Offers\n\nFree standard shipping on orders over $59.\n")
    (tmp_path / "terms.md").write_text("# Delivery\n\nStandard delivery is free on orders over A$49.\n")
    out = json.loads(cli("audit", str(tmp_path), "--format", "json", "-q").stdout)
    assert sorted(p["unit"] for p in out["promises"]) == ["AUD", "AUD"]
    assert [f["kind"] for f in out["findings"]] == ["free_shipping_threshold"]


def test_a_page_that_states_its_dollar_settles_the_site(cli, tmp_path):
    (tmp_path / "shipping.md").write_text("# Shipping\n\nFree standard shipping on orders over $99.\n\n"
                                          "All prices are in Canadian dollars.\n")
    (tmp_path / "banner.md").write_text("# Offers\n\nFree shipping on orders over $75.\n")
    out = json.loads(cli("audit", str(tmp_path), "--format", "json", "-q").stdout)
    assert sorted(p["unit"] for p in out["promises"]) == ["CAD", "CAD"]


def test_a_region_that_settled_the_dollar_keeps_it():
    ps = _at("Free shipping over $75.", "https://shop.example.ca/a") + \
        _at("Orders to the US over $200 ship free.", "https://shop.example.ca/b")
    assert sorted((dict(p.scope).get("region", ""), p.unit) for p in settle_bare_dollars(ps)) == [("", "CAD"), ("US", "USD")]


def test_an_amount_in_other_money_does_not_bind_an_unscoped_threshold():
    from cxaudit.compare import compare
    banner = _at("Free shipping on orders over $75.", "https://shop.example.ca/")
    canada = _at("Standard shipping within Canada is free on orders over $99.", "https://shop.example.ca/shipping")
    us = _at("Orders to the US over $200 ship free with US Standard.", "https://shop.example.ca/shipping")
    ps = settle_bare_dollars(banner + canada + us)
    assert [f.kind for f in compare(ps)] == ["free_shipping_threshold"]   # $75 against $99, not hidden by the US line


def test_the_rand_is_read_and_names_south_africa():
    [p] = extract_text("Free delivery on orders over R750.")
    assert (p.kind, p.min, p.unit, dict(p.scope)) == ("free_shipping_threshold", 750, "ZAR", {"region": "ZA"})
    [p] = extract_text("Return shipping costs R 49.95.")
    assert (p.kind, p.min, p.unit) == ("return_cost", 49.95, "ZAR")
    # model names and refrigerants that start with R are no prices
    assert extract_text("Our R2D2 toy ships free.") == []
    assert [p.unit for p in extract_text("The unit uses R32 refrigerant and has a 5-year warranty.")] == ["years"]
