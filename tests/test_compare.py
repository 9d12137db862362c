"""Comparison rules of SPEC.md: scope-aware, contradiction vs inconsistency, equivalences."""

from __future__ import annotations

from dataclasses import replace

from cxaudit.compare import compare, format_value, relation
from cxaudit.model import Location, Promise


def P(kind="delivery_time", mn=3, mx=5, unit="business_days", q="within", scope=(), channel="website",
      text=None, schedule=None, uri=None, line=1):
    # each message on a page of its own unless told (one page's side-by-side cases are not rivals)
    uri = uri or f"{kind}-{mn}-{mx}-{unit}-{q}-{len(scope)}-{channel}.html"
    return Promise(kind=kind, subject=kind, scope=tuple(sorted(scope)), min=mn, max=mx, unit=unit, qualifier=q,
                   schedule=schedule, text=text or f"{kind} {mn}-{mx} {unit} {q} {scope} {schedule}",
                   source=Location(uri, channel, line, None))


def test_equivalent_wordings_are_not_findings():
    assert relation(P(mn=24, mx=24, unit="hours"), P(mn=1, mx=1, unit="days")) is None
    assert relation(P(mn=2, mx=2, unit="weeks"), P(mn=14, mx=14, unit="days")) is None
    assert relation(P(mn=48, mx=48, unit="hours"), P(mn=2, mx=2, unit="days")) is None
    assert relation(P(mn=12, mx=12, unit="months"), P(mn=1, mx=1, unit="years")) is None


def test_contradiction_and_inconsistency():
    assert relation(P(kind="return_window", mn=30, mx=30, unit="days"), P(kind="return_window", mn=14, mx=14, unit="days")) == "contradiction"
    assert relation(P(mn=3, mx=5), P(mn=2, mx=7)) == "inconsistency"
    assert relation(P(mn=30, mx=30, unit="days", q="up_to"), P(mn=30, mx=30, unit="days", q="exactly")) == "inconsistency"


def test_business_days_are_a_calendar_range():
    five_bd = P(mn=5, mx=5, unit="business_days")
    assert relation(five_bd, P(mn=5, mx=5, unit="days")) == "inconsistency"
    assert relation(five_bd, P(mn=9, mx=9, unit="days")) == "inconsistency"
    assert relation(five_bd, P(mn=10, mx=10, unit="days")) == "contradiction"
    # "within 10 days" holds every way 3–5 business days can fall, but reads differently
    assert relation(P(mn=3, mx=5), P(mn=10, mx=10, unit="days", q="within")) == "inconsistency"
    assert relation(five_bd, P(mn=3, mx=3, unit="days")) == "contradiction"
    # "dispatched the same working day" and "same-day dispatch" say the same thing
    assert relation(P(kind="dispatch_time", mn=0, mx=0), P(kind="dispatch_time", mn=0, mx=0, unit="days")) is None


def test_money_and_free():
    fee = P(kind="return_cost", mn=5.95, mx=5.95, unit="USD", q="exactly")
    free = P(kind="return_cost", mn=0, mx=0, unit=None, q="exactly")
    assert relation(fee, free) == "contradiction"
    assert relation(P(kind="free_shipping_threshold", mn=50, mx=50, unit="USD", q="at_least"),
                    P(kind="free_shipping_threshold", mn=75, mx=75, unit="USD", q="at_least")) == "contradiction"
    # two currencies are two markets, not a contradiction
    assert relation(P(kind="free_shipping_threshold", mn=50, mx=50, unit="USD"),
                    P(kind="free_shipping_threshold", mn=40, mx=40, unit="GBP")) is None


def test_schedules():
    nine_five = ((("days", "mon-fri"), ("open", "09:00"), ("close", "17:00")),)
    nine_six = ((("days", "mon-fri"), ("open", "09:00"), ("close", "18:00")),)
    kw = dict(kind="support_hours", mn=None, mx=None, unit=None, q="exactly")
    assert relation(P(schedule="24/7", **kw), P(schedule=nine_five, **kw)) == "contradiction"
    assert relation(P(schedule=nine_five, **kw), P(schedule=nine_six, **kw)) == "contradiction"
    assert relation(P(schedule=nine_five, **kw), P(schedule=nine_five, **kw)) is None
    assert format_value(P(schedule=nine_five, **kw)) == "Mon–Fri 09:00–17:00"


def test_regions_are_separate_scopes_but_unscoped_compares_with_all():
    eu = P(kind="return_window", mn=14, mx=14, unit="days", scope=[("region", "EU")], channel="policy")
    us = P(kind="return_window", mn=30, mx=30, unit="days", scope=[("region", "US")], channel="website")
    assert compare([eu, us]) == []
    unscoped = P(kind="return_window", mn=60, mx=60, unit="days", channel="ads")
    findings = compare([eu, us, unscoped])
    assert {f.rule for f in findings} == {"contradiction"}
    assert len(findings) == 2


def test_unscoped_promise_agreeing_with_one_scope_is_bound_to_it():
    std = P(mn=3, mx=5, scope=[("service", "standard")], channel="website")
    exp = P(mn=1, mx=2, scope=[("service", "express")], channel="website")
    product_page = P(mn=3, mx=5, channel="website", uri="product.html", text="Arrives in 3-5 business days")
    assert compare([std, exp, product_page]) == []


def test_product_exceptions_are_not_contradictions_of_the_general_rule():
    general = P(kind="return_window", mn=30, mx=30, unit="days")
    sale = P(kind="return_window", mn=0, mx=0, unit="days", scope=[("product", "sale_items")], channel="policy")
    assert compare([general, sale]) == []


def test_finding_ids_do_not_depend_on_line_numbers():
    a = P(kind="return_window", mn=30, mx=30, unit="days", text="30-day returns", line=3)
    b = P(kind="return_window", mn=14, mx=14, unit="days", text="Return within 14 days", channel="policy", line=10)
    moved = [P(kind="return_window", mn=30, mx=30, unit="days", text="30-day returns", line=40),
             P(kind="return_window", mn=14, mx=14, unit="days", text="Return within 14 days", channel="policy", line=99)]
    assert [f.id for f in compare([a, b])] == [f.id for f in compare(moved)]
    f = compare([a, b])[0]
    assert "30 days" in f.message and "14 days" in f.message
    assert f.promises[-1].source.channel == "policy"   # the policy side is named second


def test_unscoped_promise_agreeing_with_several_scopes_speaks_of_all_of_them():
    # "over £40" agrees with "Free UK delivery over £40" and "Standard delivery free over £40":
    # it is about standard UK delivery and is not held against the EU's £100.
    fs = "free_shipping_threshold"
    uk = P(kind=fs, mn=40, mx=40, unit="GBP", q="at_least", scope=(("region", "UK"),), uri="faq.html")
    std = P(kind=fs, mn=40, mx=40, unit="GBP", q="at_least", scope=(("service", "standard"),), uri="script.txt")
    bare = P(kind=fs, mn=40, mx=40, unit="GBP", q="at_least", uri="product.html")
    eu = P(kind=fs, mn=100, mx=100, unit="GBP", q="at_least", scope=(("region", "EU"),), uri="shipping.html")
    findings = compare([uk, std, bare, eu])
    assert not any(bare in f.promises and eu in f.promises for f in findings)
    # but a different unscoped value is still compared with every scope
    other = P(kind=fs, mn=50, mx=50, unit="GBP", q="at_least", uri="help.md")
    assert any(other in f.promises and eu in f.promises for f in compare([uk, std, bare, eu, other]))


def test_a_destination_is_not_held_against_a_service_that_names_none():
    eu = P(mn=5, mx=10, scope=(("region", "EU"),), uri="shipping.html")
    express = P(mn=1, mx=1, scope=(("service", "express"),), uri="faq.html")
    assert compare([eu, express]) == []
    # a destination still meets messages that name no scope at all, and its own service
    bare = P(mn=1, mx=2, uri="product.html")
    eu_std = P(mn=2, mx=3, scope=(("region", "EU"), ("service", "standard")), uri="terms.html")
    assert any(eu in f.promises for f in compare([eu, bare]))
    assert any(eu in f.promises for f in compare([eu, eu_std]))


def test_us_time_zones_are_compared_in_eastern_time():
    pacific = ((("days", "mon-fri"), ("open", "06:00"), ("close", "15:00"), ("tz", "PT")),)
    eastern = ((("days", "mon-fri"), ("open", "09:00"), ("close", "18:00"), ("tz", "ET")),)
    later = ((("days", "mon-fri"), ("open", "08:00"), ("close", "20:00"), ("tz", "ET")),)
    hours = dict(kind="support_hours", mn=None, mx=None, unit=None)
    assert relation(P(schedule=pacific, **hours), P(schedule=eastern, **hours)) is None
    assert relation(P(schedule=pacific, **hours), P(schedule=later, **hours)) == "contradiction"


def test_an_approximate_value_inside_a_range_agrees_with_it():
    assert relation(P(mn=5, mx=5, q="approx"), P(mn=3, mx=7)) is None
    assert relation(P(mn=9, mx=9, q="approx"), P(mn=3, mx=7)) == "contradiction"


def test_a_weekend_line_of_a_timetable_agrees_with_the_week_it_belongs_to():
    from auditing import page_text as extract_text
    from cxaudit.compare import compare

    week = extract_text("Phone lines are open Monday–Friday 8am–10pm ET and Saturday–Sunday 9am–8pm ET.")
    weekend = extract_text("Phone lines: Saturday and Sunday, 9am–8pm ET.")
    weekdays = extract_text("Phone lines: Monday–Friday, 8am–9pm ET.")
    assert compare(week + weekend) == []
    assert [f.rule for f in compare(week + weekdays)] == ["contradiction"]


def _S(days, open_, close):
    return (("days", days), ("open", open_), ("close", close))


def _H(*items):
    return P("support_hours", None, None, None, q="exactly", schedule=tuple(_S(*i) for i in items))


def test_schedules_on_different_days_say_nothing_against_each_other():
    weekdays, saturday = _H(("mon-fri", "08:00", "22:00")), _H(("sat", "09:00", "20:00"))
    assert relation(weekdays, saturday) is None
    week = _H(("mon-fri", "08:00", "22:00"), ("sat", "09:00", "17:00"))
    assert relation(week, saturday) == "contradiction"


def test_a_timetable_read_a_day_at_a_time_is_shown_as_ranges():
    days = [(d, "08:00", "20:00") for d in ("mon", "tue", "wed", "thu", "fri")] + [("sat", "09:00", "17:00"),
                                                                                  ("sun", "10:00", "16:00")]
    assert format_value(_H(*days)) == "Mon–Fri 08:00–20:00, Sat 09:00–17:00, Sun 10:00–16:00"
    assert format_value(_H(("mon", "08:00", "20:00"), ("wed", "08:00", "20:00"))) == "Mon 08:00–20:00, Wed 08:00–20:00"


def test_a_cancellation_deadline_reads_the_same_with_at_least_or_up_to():
    a = P("cancellation_window", 48, 48, "hours", q="at_least")
    b = P("cancellation_window", 2, 2, "days", q="up_to")
    assert relation(a, b) is None
    assert relation(a, P("cancellation_window", 24, 24, "hours", q="up_to")) == "contradiction"


def test_return_cost_paid_by_the_customer():
    # "returns are at your own cost": the amount unstated, the customer pays
    paid = P(kind="return_cost", mn=None, mx=None, unit=None, q="at_least")
    free = P(kind="return_cost", mn=0, mx=0, unit=None, q="exactly")
    fee = P(kind="return_cost", mn=4.95, mx=4.95, unit="GBP", q="exactly")
    assert relation(paid, free) == relation(free, paid) == "contradiction"
    assert relation(paid, fee) is None and relation(fee, paid) is None
    assert relation(paid, P(kind="return_cost", mn=None, mx=None, unit=None, q="at_least")) is None
    assert format_value(paid) == "paid by the customer" and format_value(free) == "free"


def test_rows_of_one_table_with_different_labels_are_not_rivals():
    from cxaudit.model import Block, Document
    from cxaudit.pipeline import promises_in_blocks
    doc = Document(uri="plans.html", channel="website", fmt="html")
    header = ("Plan", "Price", "Coverage")
    rows = [("Guardwell 3-Year", "$59", "3 years of warranty cover"), ("Guardwell 5-Year", "$89", "5 years of warranty cover")]
    blocks = [Block(text=" | ".join(r), line=i + 10, heading=("Protection plans",), table=header, cells=r)
              for i, r in enumerate(rows)]
    ps = [p for p in promises_in_blocks(blocks, doc) if p.kind == "warranty"]
    assert sorted(p.max for p in ps) == [3, 5]
    assert compare(ps) == []
    # rows of another page are still held against them
    three, five = sorted(ps, key=lambda p: p.max)
    elsewhere = replace(five, source=Location("faq.md", "help_centre", 3, None),
                        text="Guardwell 3-Year | $89 | 5 years of warranty cover")
    assert [f.kind for f in compare([three, elsewhere])] == ["warranty"]


def test_a_same_day_cut_off_told_two_ways_in_two_documents_is_a_contradiction():
    from auditing import audit_documents
    site = ("shipping.md", "# Shipping\n\nOrders placed before 2pm ship the same day.\n")
    faq = ("faq.md", "# When will my order ship?\n\nOrders placed before 3pm are dispatched the same business day.\n")
    _, findings = audit_documents(site, faq)
    [f] = findings
    assert f.rule == "contradiction" and f.kind == "dispatch_time"
    assert "before 14:00" in f.message and "before 15:00" in f.message
    assert sorted(p.source.uri for p in f.promises) == ["faq.md", "shipping.md"]
    # ordinary words are no clock ("ship out", "at", "it")
    out = ("faq.md", "# When will my order ship?\n\nOrders placed before 3pm ship out the same day, it is that simple.\n")
    assert [f.rule for f in audit_documents(site, out)[1]] == ["contradiction"]
    # the same cut-off twice is agreement, and one page's two cut-offs are its own distinctions
    same = ("faq.md", "# When will my order ship?\n\nOrders placed before 2pm are dispatched the same business day.\n")
    assert audit_documents(site, same)[1] == []
    one_page = ("shipping.md", "# Shipping\n\nOrders placed before 2pm ship the same day.\n\n"
                "Gift cards ordered before 3pm ship the same day.\n")
    assert audit_documents(one_page)[1] == []
    # a cut-off tied to a day, or told in another clock, is not the weekday one
    saturday = ("faq.md", "# Weekend orders\n\nOrders placed before 11am on Saturday ship the same day.\n")
    assert audit_documents(site, saturday)[1] == []
    # different services keep their own cut-offs
    express = ("faq.md", "# Express\n\nExpress orders placed before 12pm ship the same day.\n")
    assert [f for f in audit_documents(site, express)[1] if "cut-off" in f.message] == []


def test_a_chinese_cut_off_told_two_ways_is_a_contradiction():
    from auditing import audit_documents
    _, findings = audit_documents(("site.md", "# 发货说明\n\n16:00前付款的订单当天发货。\n"),
                                  ("faq.md", "# 常见问题\n\n下午5点前付款的订单当天发货。\n"))
    assert [("16:00" in f.message and "17:00" in f.message, f.kind) for f in findings] == [(True, "dispatch_time")]


def test_a_whole_sentence_giving_weekday_hours_and_one_adding_saturday_set_different_expectations():
    from auditing import audit_documents
    _, findings = audit_documents(("a.md", "Phone lines are open Mon-Fri 9am-6pm."),
                                  ("b.md", "Phone lines are open Mon-Sat 9am-6pm."))
    assert [(f.rule, f.kind) for f in findings] == [("inconsistency", "support_hours")]
    # a timetable's weekday row, or "on weekdays", is one line of a longer week
    _, findings = audit_documents(("a.md", "| Line | Hours |\n|---|---|\n| Phone (weekdays) | Monday–Friday, 9am–6pm |\n"),
                                  ("b.md", "Phone lines are open Mon-Sat 9am-6pm."))
    assert findings == []
    _, findings = audit_documents(("a.md", "Phone support is 9 am to 6 pm on weekdays."),
                                  ("b.md", "Phone lines are open Mon-Sat 9am-6pm."))
    assert findings == []
