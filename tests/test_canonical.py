"""Extracted promises held against the official ones: over-promise, under-sell, equivalence, scope, governance."""

from dataclasses import dataclass, replace
from typing import Any

import pytest

from cxaudit.canonical import canonical_as_promise, check_canonical, compare_values, to_interval
from cxaudit.model import Location, Promise


@dataclass(frozen=True)
class Canon:
    """The shape of config.CanonicalPromise (duck-typed by check_canonical)."""

    kind: str
    scope: tuple = ()
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    schedule: Any = None
    line: int | None = None


def P(kind, lo, hi, unit, text="", scope=(), channel="website", uri="shipping.html", line=12, schedule=None):
    return Promise(kind=kind, subject=kind, scope=tuple(sorted(scope)), min=lo, max=hi, unit=unit,
                   qualifier="within", schedule=schedule, text=text or f"{kind} {lo}-{hi} {unit}",
                   source=Location(uri, channel, line))


STANDARD = Canon("delivery_time", (("service", "standard"),), 3, 5, "business_days", line=20)
EXPRESS = Canon("delivery_time", (("service", "express"),), 1, 2, "business_days", line=26)


def one(promises, canon):
    findings, table = check_canonical(promises, canon)
    return findings, table


def test_over_promise_is_an_error_with_the_official_value_in_the_message():
    p = P("delivery_time", 1, 2, "business_days", "Standard delivery in 1–2 business days",
          scope=[("service", "standard")])
    findings, _ = one([p], [STANDARD])
    assert len(findings) == 1
    f = findings[0]
    assert (f.rule, f.severity) == ("canonical_mismatch", "error")
    assert f.message == ("Delivery time promised as 1–2 business days on website (shipping.html:12) "
                         "but the official promise for service=standard is 3–5 business days: over-promise")
    assert f.promises == (p,)


def test_under_sell_is_a_warning():
    p = P("delivery_time", 7, 10, "business_days", scope=[("service", "standard")])
    (f,), _ = one([p], [STANDARD])
    assert f.severity == "warning" and f.message.endswith("under-sells")


@pytest.mark.parametrize("kind,lo,hi,unit,canon", [
    ("delivery_time", 3, 5, "business_days", Canon("delivery_time", (), 3, 5, "business_days")),
    ("delivery_time", None, 1, "weeks", Canon("delivery_time", (), 3, 5, "business_days")),   # 7 days ~ 5 bd
    ("delivery_time", None, 5, "days", Canon("delivery_time", (), 3, 5, "business_days")),
    ("dispatch_time", None, 48, "hours", Canon("dispatch_time", (), None, 2, "days")),
    ("response_time", None, 24, "hours", Canon("response_time", (), None, 1, "days")),
    ("return_window", 14, 14, "days", Canon("return_window", (), None, 2, "weeks")),
    ("return_window", 30, 30, "days", Canon("return_window", (), None, 1, "months")),
    ("warranty", 24, 24, "months", Canon("warranty", (), 2, 2, "years")),
    ("free_shipping_threshold", 50, 50, "USD", Canon("free_shipping_threshold", (), 50, 50, "USD")),
    ("return_cost", 0, 0, None, Canon("return_cost", (), 0, 0, "USD")),                      # free is free
])
def test_equivalent_wordings_agree(kind, lo, hi, unit, canon):
    findings, table = one([P(kind, lo, hi, unit)], [canon])
    assert findings == []
    assert dict(table.rows[0].cells)["website"] == "agrees"


@pytest.mark.parametrize("kind,lo,hi,unit,canon,severity", [
    ("delivery_time", None, 10, "days", STANDARD, "warning"),        # 10 days > 5 bd (at most 7 days)
    ("delivery_time", None, 2, "days", STANDARD, "error"),           # 2 days < 3 bd
    ("return_window", 60, 60, "days", Canon("return_window", (), None, 30, "days"), "error"),
    ("return_window", 14, 14, "days", Canon("return_window", (), None, 30, "days"), "warning"),
    ("warranty", 3, 3, "years", Canon("warranty", (), 2, 2, "years"), "error"),
    ("wait_time", None, 1, "minutes", Canon("wait_time", (), None, 3, "minutes"), "error"),
    ("wait_time", None, 5, "minutes", Canon("wait_time", (), None, 3, "minutes"), "warning"),
    ("free_shipping_threshold", 35, 35, "USD", Canon("free_shipping_threshold", (), 50, 50, "USD"), "error"),
    ("free_shipping_threshold", 75, 75, "USD", Canon("free_shipping_threshold", (), 50, 50, "USD"), "warning"),
    ("return_cost", 0, 0, "USD", Canon("return_cost", (), 5.95, 5.95, "USD"), "error"),
    ("return_cost", 5.95, 5.95, "USD", Canon("return_cost", (), 0, 0, "USD"), "warning"),
    ("refund_time", None, 5, "business_days", Canon("refund_time", (), None, 14, "days"), "error"),
])
def test_clear_differences_by_direction(kind, lo, hi, unit, canon, severity):
    findings, table = one([P(kind, lo, hi, unit)], [canon])
    assert [f.severity for f in findings] == [severity]
    expected = "over-promises" if severity == "error" else "under-sells"
    assert dict(table.rows[0].cells)["website"] == expected


def test_money_in_another_currency_is_not_compared():
    findings, table = one([P("free_shipping_threshold", 60, 60, "EUR")],
                          [Canon("free_shipping_threshold", (), 50, 50, "USD")])
    assert findings == []
    assert dict(table.rows[0].cells)["website"] == "not comparable"


def test_business_days_are_a_range_of_calendar_days():
    assert to_interval(3, 5, "business_days") == (3, 7, "time")
    assert to_interval(None, 6, "business_days") == (6, 10, "time")
    assert to_interval(1, 1, "weeks") == (7, 7, "time")
    assert to_interval(None, 48, "hours") == (2, 2, "time")
    assert to_interval(30, None, "days") == (30, float("inf"), "time")
    assert to_interval(None, None, "days") is None


SUPPORT = Canon("support_hours", schedule=((("close", "17:00"), ("days", "mon-fri"), ("open", "09:00"), ("tz", "ET")),))


@pytest.mark.parametrize("schedule,outcome", [
    ("24/7", "over"),
    (((("days", "mon-fri"), ("open", "09:00"), ("close", "17:00"), ("tz", "ET")),), "agrees"),
    (((("days", "mon-fri"), ("open", "09:00"), ("close", "17:00")),), "agrees"),            # tz unstated
    (((("days", "mon-fri"), ("open", "10:00"), ("close", "16:00"), ("tz", "ET")),), "under"),
    (((("days", "mon-fri"), ("open", "09:00"), ("close", "17:00"), ("tz", "ET")),
      (("days", "sat"), ("open", "10:00"), ("close", "14:00"), ("tz", "ET"))), "over"),
    (((("days", "mon-fri"), ("open", "09:00"), ("close", "17:00"), ("tz", "PT")),), "not comparable"),
])
def test_support_hours_compare_open_minutes(schedule, outcome):
    p = P("support_hours", None, None, None, schedule=schedule)
    assert compare_values("support_hours", p, SUPPORT)[0] == outcome


def test_support_hours_over_promise_message_quotes_both_schedules():
    p = P("support_hours", None, None, None, "Our support team is here 24/7.", channel="ads", uri="ads/ad-copy.txt",
          line=7, schedule="24/7")
    (f,), table = one([p], [SUPPORT])
    assert f.severity == "error"
    assert "promised as 24/7 on ads (ads/ad-copy.txt:7)" in f.message
    assert "is mon-fri 09:00–17:00 ET: over-promise" in f.message


def test_scope_most_specific_canonical_wins():
    generic = Canon("delivery_time", (), 3, 7, "business_days", line=1)
    p = P("delivery_time", 1, 2, "business_days", scope=[("service", "express"), ("region", "US")])
    findings, table = one([p], [generic, EXPRESS])
    assert findings == []            # held against express 1–2, not the generic 3–7
    cells = {r.label: dict(r.cells) for r in table.rows}
    assert cells["delivery_time (service=express): 1–2 business days"]["website"] == "agrees"
    assert cells["delivery_time: 3–7 business days"]["website"] == "silent"


def test_unscoped_promise_reads_as_the_canonical_it_agrees_with():
    p = P("delivery_time", 1, 2, "business_days", "Delivery in 1-2 business days")
    findings, _ = one([p], [STANDARD, EXPRESS])
    assert findings == []
    # ...and when it agrees with none, it is held against the nearest official value
    q = P("delivery_time", None, 1, "days", "Next-day delivery")
    (f,), _ = one([q], [STANDARD, EXPRESS])
    assert "official promise for service=express is 1–2 business days" in f.message
    assert f.severity == "error"


def test_other_scope_is_not_governed_and_not_a_finding():
    eu = P("delivery_time", 5, 8, "business_days", scope=[("region", "EU"), ("service", "standard")])
    us = Canon("delivery_time", (("region", "US"), ("service", "standard")), 3, 5, "business_days")
    findings, table = one([eu], [us])
    assert findings == []
    assert [(n.kind, n.scope) for n in table.not_governed] == [
        ("delivery_time", (("region", "EU"), ("service", "standard")))]


def test_kinds_without_canonical_are_listed_as_not_governed():
    ps = [P("warranty", 2, 2, "years", channel="help_centre"), P("warranty", 1, 1, "years", channel="policy"),
          P("delivery_time", 3, 5, "business_days", scope=[("service", "standard")])]
    findings, table = one(ps, [STANDARD])
    assert findings == []
    (ng,) = table.not_governed
    assert (ng.kind, ng.scope, ng.promises, ng.channels) == ("warranty", (), 2, ("help_centre", "policy"))
    assert "Not governed" in table.to_markdown() and "warranty" in table.to_markdown()


def test_governance_table_per_channel():
    canon = [Canon("return_window", (), None, 30, "days", line=3)]
    ps = [P("return_window", 30, 30, "days", channel="website"),
          P("return_window", None, 60, "days", channel="ads", uri="ads.txt"),
          P("return_window", 14, 14, "days", channel="policy", uri="policy.pdf"),
          P("return_window", 30, 30, "days", channel="policy", uri="terms.docx"),
          P("delivery_time", 3, 5, "business_days", channel="call_centre")]
    findings, table = one(ps, canon)
    assert table.channels == ("website", "policy", "call_centre", "ads")   # model.CHANNELS order
    assert dict(table.rows[0].cells) == {"website": "agrees", "policy": "under-sells",
                                         "call_centre": "silent", "ads": "over-promises"}
    assert table.rows[0].promises == 4
    assert [f.severity for f in findings] == ["error", "warning"]         # errors first
    d = table.as_dict()
    assert d["canonical"][0]["channels"]["ads"] == "over-promises" and d["not_governed"][0]["kind"] == "delivery_time"
    md = table.to_markdown()
    assert "| return_window: 30 days |" in md and "❌ over-promises" in md


def test_fingerprint_from_content_not_lines_and_one_finding_per_wrong_value():
    a = P("return_window", None, 60, "days", "Sixty-day   Returns", channel="ads", uri="ads.txt", line=4)
    b = P("return_window", None, 60, "days", "60-day returns", channel="website", uri="index.html", line=9)
    canon = [Canon("return_window", (), None, 30, "days")]
    (f1,), _ = one([a, b], canon)
    assert f1.promises == (a, b)
    assert "on ads (ads.txt:4), website (index.html:9)" in f1.message
    moved = [replace(a, source=Location("ads.txt", "ads", 40)), replace(b, source=Location("index.html", "website", 90))]
    (f2,), _ = one(moved, canon)
    assert f2.id == f1.id                                   # lines moved: same finding
    reworded = [replace(a, text="sixty-day returns"), b]    # only case/space differ: same normalised text
    (f3,), _ = one(reworded, canon)
    assert f3.id == f1.id
    changed = [replace(a, text="Sixty days to return"), b]
    (f4,), _ = one(changed, canon)
    assert f4.id != f1.id
    (f5,), _ = one([a, b], [Canon("return_window", (), None, 45, "days")])
    assert f5.id != f1.id                                   # another official value: another finding


def test_canonical_as_promise_quotes_the_config():
    p = canonical_as_promise(STANDARD, "shop/cxaudit.toml")
    assert (p.kind, p.scope, p.min, p.max, p.unit) == ("delivery_time", (("service", "standard"),), 3, 5, "business_days")
    assert p.source.uri == "shop/cxaudit.toml" and p.source.line == 20
    assert "3–5 business days" in p.text
    assert p.as_dict()["source"]["line"] == 20


def test_works_with_the_real_config_class():
    config = pytest.importorskip("cxaudit.config")
    c = config.CanonicalPromise(kind="return_window", max=30, unit="days", line=5)
    (f,), _ = one([P("return_window", None, 14, "days")], [c])
    assert f.severity == "warning"


def test_zero_window_is_an_exclusion_not_an_under_sell():
    canon = [Canon("return_window", (), None, 30, "days")]
    final_sale = P("return_window", 0, 0, "days", "Items marked Final Sale cannot be returned.")
    findings, table = one([final_sale], canon)
    assert findings == [] and dict(table.rows[0].cells)["website"] == "silent"
    # zero still means something where smaller is more: free returns against a fee
    (f,), _ = one([P("return_cost", 0, 0, "USD")], [Canon("return_cost", (), 5.95, 5.95, "USD")])
    assert f.severity == "error"


def test_one_place_quoted_once():
    a = P("warranty", 1, 1, "years", "one-year warranty", uri="faq.yaml", line=3)
    (f,), _ = one([a, replace(a, text="1 year warranty")], [Canon("warranty", (), 2, 2, "years")])
    assert f.message.count("faq.yaml:3") == 1 and len(f.promises) == 2


@pytest.mark.parametrize("lo,hi,unit,status", [
    (1, 3, "business_days", "over-promises"),    # a nearer bound than operations give
    (4, 6, "business_days", "under-sells"),
    (2, 5, "business_days", "differs"),         # the same last day, an earlier first one
    (3, 5, "business_days", "agrees"),
])
def test_values_that_overlap_the_official_ones_are_judged_as_two_messages_would_be(lo, hi, unit, status):
    findings, table = one([P("delivery_time", lo, hi, unit, scope=(("service", "standard"),))], [STANDARD])
    assert dict(table.rows[0].cells)["website"] == status
    assert [f.severity for f in findings] == {"over-promises": ["error"], "under-sells": ["warning"],
                                              "differs": ["warning"], "agrees": []}[status]
