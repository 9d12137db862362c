"""Scope rules that keep the audit from crying wolf on ordinary shipping pages."""

from __future__ import annotations

from cxaudit.api import extract_text
from cxaudit.compare import compare
from cxaudit.model import Block, Document
from cxaudit.pipeline import promises_in_blocks


def _rows(header, rows, heading=("Shipping",)):
    doc = Document(uri="shipping.html", channel="website", fmt="html")
    blocks = [Block(text=" | ".join(r), line=i + 10, heading=heading, table=tuple(header), cells=tuple(r))
              for i, r in enumerate(rows)]
    return promises_in_blocks(blocks, doc)


def test_table_row_label_is_the_service_even_for_carrier_names():
    ps = _rows(("Method", "Transit", "Price"), [("Ground", "3-7 business days", "$8"),
                                                ("2-Day", "2 business days", "$25"),
                                                ("UPS Next Day Air", "1 business day", "$45")])
    by_value = {(p.min, p.max): dict(p.scope).get("service") for p in ps if p.kind == "delivery_time"}
    assert by_value == {(3, 7): "standard", (2, 2): "express", (1, 1): "next_day"}
    assert compare(ps) == []


def test_row_label_that_is_a_region_is_not_a_service():
    ps = _rows(("Destination", "Delivery time"), [("Canada", "7-14 business days")])
    assert [dict(p.scope) for p in ps] == [{"region": "CA"}]


def test_cut_off_is_part_of_a_dispatch_promise():
    ps = extract_text("Orders placed before 2pm ship the same day; all others ship within 2 business days.")
    scopes = sorted((p.min, dict(p.scope).get("cutoff")) for p in ps if p.kind == "dispatch_time")
    assert scopes[0] == (0, "14:00")
    assert compare(ps) == []   # two values of one sentence are its conditions


def test_bank_posting_time_adds_to_the_refund_time():
    ps = extract_text("Refunds are processed within 5–7 business days. Your bank may take an additional 2-3 business days.")
    assert sorted(str(dict(p.scope).get("stage")) for p in ps if p.kind == "refund_time") == ["None", "bank"]
    assert compare(ps) == []


def test_range_within_an_upper_bound_agrees():
    a = extract_text("Ships in 1-2 business days.")
    b = extract_text("All orders ship within 2 business days.")
    assert a and b and compare(a + b) == []
    c = extract_text("Returns accepted for up to 30 days.")
    d = extract_text("Returns accepted for 30 days.")
    assert [f.rule for f in compare(c + d)] == ["inconsistency"]   # SPEC: "up to 30 days" vs "30 days"


def test_remote_areas_and_overlapping_region_names():
    ps = extract_text("UK mainland orders arrive within 3–5 working days. "
                      "Deliveries to the Scottish Highlands, Northern Ireland and offshore islands may take up to 7 working days.")
    regions = sorted(dict(p.scope).get("region") for p in ps if p.kind == "delivery_time")
    assert regions == ["UK", "remote"]
    assert compare(ps) == []
    assert dict(extract_text("Delivery to Northern Ireland takes 4 working days.")[0].scope)["region"] == "UK"


def test_component_warranties_are_their_own_scope():
    ps = extract_text("Our frames come with a 10-year guarantee. Upholstery fabric is guaranteed for 1 year. "
                      "Every sofa carries a 5-year guarantee.")
    assert len([p for p in ps if p.kind == "warranty"]) == 3
    assert compare(ps) == []
    assert [f.rule for f in compare(extract_text("Every sofa carries a 5-year guarantee. Sofas have a 2-year guarantee."))] == ["contradiction"]


def test_international_is_its_own_region():
    ps = extract_text("Returns are free for US customers. International returns cost $12.")
    assert sorted(dict(p.scope).get("region") for p in ps if p.kind == "return_cost") == ["INTL", "US"]
    assert compare(ps) == []


def test_a_calendar_bound_that_covers_a_business_range_is_only_an_inconsistency():
    ps = extract_text("Orders arrive within a week.") + extract_text("Delivery takes 2-4 business days.")
    assert [f.rule for f in compare(ps)] == ["inconsistency"]


def test_br_separated_lines_keep_their_own_labels():
    from cxaudit.extract import read_blocks

    html = (b"<p><strong>Standard:</strong> 3-5 business days<br><strong>Express:</strong> 1-2 business days"
            b"<br><strong>International:</strong> 7-14 business days</p>")
    doc = Document(uri="ship.html", channel="website", fmt="html", content=b"<h1>Delivery</h1>" + html)
    ps = promises_in_blocks(read_blocks(doc), doc)
    got = sorted((p.min, p.max, dict(p.scope).get("service")) for p in ps if p.kind == "delivery_time")
    assert got == [(1, 2, "express"), (3, 5, "standard"), (7, 14, "international")]


def _one(text):
    found = extract_text(text)
    assert len(found) == 1, found
    return found[0]


def test_destination_in_the_subject_reaches_across_a_price():
    p = _one("Orders to Alaska, Hawaii, and Puerto Rico ship by ground for a flat $12.95 and arrive in "
             "7–12 business days.")
    assert p.kind == "delivery_time" and "AK-HI" in dict(p.scope)["region"]


def test_warranty_items_come_from_the_subject():
    leads = _one("Leads, harnesses and collars have a 12-month warranty against manufacturing defects.")
    boards = _one("Boards and accessories are covered for 1 year.")
    knives = _one("Yes, every knife has a lifetime warranty against defects.")
    assert dict(leads.scope)["items"] == "collar,harness,lead"
    assert dict(boards.scope)["items"] == "accessory,board"
    assert dict(knives.scope)["items"] == "knife"
    assert "items" not in dict(_one("All our products come with a 1-year warranty.").scope)
    # different items are not rivals; a warranty naming no items is compared with both
    assert compare([leads, boards, knives]) == []
    general = _one("Everything we sell carries a 2-year warranty.")
    assert compare([leads, general])
