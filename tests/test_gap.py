"""The expectation gap: figures checked against numpy on the sample actuals, parsing, conversions, reports, scale."""

import csv
import json
import math
import random
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from cxaudit.bizdays import load_holidays
from cxaudit.errors import UsageError
from cxaudit.gap import Distribution, GapSpec, run_gap, spec_from_options
from cxaudit.model import Location, Promise
from cxaudit.report.gap_report import format_gap_json, format_gap_md, render_gap_table

ROOT = Path(__file__).resolve().parents[1]
NORTHWIND = ROOT / "sample_sites" / "northwind" / "actuals"
LUMEN = ROOT / "sample_sites" / "lumen" / "actuals"
SCOPE = (("service", "service"), ("region", "region"))


def P(kind, lo, hi, unit, scope=(), text=None, uri="site/shipping.html", line=55, channel="website"):
    scope = tuple(sorted(scope))
    return Promise(kind, " ".join(v for _, v in scope) or kind, scope, lo, hi, unit, "within", None,
                   text or f"{kind} {scope} {lo}-{hi} {unit}", Location(uri, channel, line))


# Northwind's promises as PROMISES.md lists them.
NW_DELIVERY = [
    P("delivery_time", 3, 5, "business_days", [("service", "standard"), ("region", "US")]),
    P("delivery_time", 1, 2, "business_days", [("service", "express"), ("region", "US")]),
    P("delivery_time", 5, 8, "business_days", [("service", "standard"), ("region", "EU")]),
    P("delivery_time", 3, 6, "business_days", [("service", "standard"), ("region", "UK")]),
]


def read_column(path, column, **filters):
    with open(path, newline="") as f:
        return [float(r[column]) for r in csv.DictReader(f) if all(r[k] == v for k, v in filters.items())]


def independent(values, bound, level):
    """The figures the obvious way: numpy nearest-rank percentiles, a count, a search for the supported value."""
    a = np.asarray(values, dtype=float)
    med, p90, p95 = np.percentile(a, [50, 90, 95], method="inverted_cdf")
    share = float(np.mean(a <= bound + 1e-9))
    supported = 0
    while np.mean(a <= supported + 1e-9) < level:
        supported += 1
    return {"events": len(a), "share": share, "median": med, "p90": p90, "p95": p95, "supported": supported}


def figures(g):
    return {"events": g.events, "share": g.share, "median": g.median, "p90": g.p90, "p95": g.p95,
            "supported": g.supported}


def assert_same(got, want):
    assert got["events"] == want["events"]
    for k in ("share", "median", "p90", "p95", "supported"):
        assert got[k] == pytest.approx(want[k], abs=1e-9), k


# --- figures on the sample data --------------------------------------------------------

def test_delivery_figures_match_numpy_on_sample_orders():
    spec = GapSpec("delivery_time", "business_days", "days_to_deliver", scope_columns=SCOPE)
    res = run_gap(NORTHWIND / "orders.csv", spec, NW_DELIVERY)
    assert res.rows == 5000 and res.bad_rows == 0 and res.outside == 0
    assert len(res.gaps) == 4
    for g in res.gaps:
        sc = dict(g.scope)
        values = read_column(NORTHWIND / "orders.csv", "days_to_deliver", service=sc["service"], region=sc["region"])
        assert_same(figures(g), independent(values, g.max, 0.95))
    status = {dict(g.scope)["service"] + "/" + dict(g.scope)["region"]: g.status for g in res.gaps}
    # The sample data is made so that one promise is broken and the others are kept.
    assert status == {"standard/US": "unmet", "express/US": "met", "standard/EU": "met", "standard/UK": "met"}
    (f,) = res.findings
    assert (f.rule, f.severity, f.kind) == ("unmet_promise", "error", "delivery_time")
    g = next(g for g in res.gaps if g.status == "unmet")
    assert f"{g.share:.1%}" in f.message and "3–5 business days" in f.message
    assert f.promises == (NW_DELIVERY[0],)


def test_date_columns_count_business_days_like_the_generator():
    """make_actuals.py counts days_to_deliver with its own day loop; bizdays must agree on every order."""
    hol = load_holidays(NORTHWIND / "holidays.csv")
    assert len(hol) == 5
    by_value = run_gap(NORTHWIND / "orders.csv",
                       GapSpec("delivery_time", "business_days", "days_to_deliver", scope_columns=SCOPE), NW_DELIVERY)
    by_dates = run_gap(NORTHWIND / "orders.csv",
                       GapSpec("delivery_time", "days", start_column="ordered_at", end_column="delivered_at",
                               scope_columns=SCOPE, holidays=hol), NW_DELIVERY)
    assert [figures(g) for g in by_dates.gaps] == [figures(g) for g in by_value.gaps]
    assert [g.histogram for g in by_dates.gaps] == [g.histogram for g in by_value.gaps]
    # Without the holidays, a few orders over a holiday count one business day more.
    no_hol = run_gap(NORTHWIND / "orders.csv",
                     GapSpec("delivery_time", "days", start_column="ordered_at", end_column="delivered_at",
                             scope_columns=SCOPE), NW_DELIVERY)
    assert sum(g.met for g in no_hol.gaps) < sum(g.met for g in by_value.gaps)


def test_calendar_hours_from_datetimes_match_numpy():
    promise = P("dispatch_time", None, 48, "hours", text="Dispatched within 48 hours")
    res = run_gap(NORTHWIND / "orders.csv",
                  GapSpec("dispatch_time", "hours", start_column="ordered_at", end_column="shipped_at"), [promise])
    from datetime import datetime
    with open(NORTHWIND / "orders.csv", newline="") as f:
        hours = [(datetime.fromisoformat(r["shipped_at"]) - datetime.fromisoformat(r["ordered_at"])).total_seconds() / 3600
                 for r in csv.DictReader(f)]
    (g,) = res.gaps
    assert_same(figures(g), independent(hours, 48, 0.95))
    assert g.status == "met"


def test_seconds_against_a_promise_in_minutes_match_numpy():
    promise = P("wait_time", None, 2, "minutes", text="Average hold time: under 2 minutes.", uri="site/contact.html")
    res = run_gap(LUMEN / "calls.csv", GapSpec("wait_time", "seconds", "wait_seconds"), [promise])
    (g,) = res.gaps
    minutes = [v / 60 for v in read_column(LUMEN / "calls.csv", "wait_seconds")]
    assert_same(figures(g), independent(minutes, 2, 0.95))
    assert g.status == "unmet" and res.findings[0].promises == (promise,)


def test_levels_and_other_brand():
    promises = [P("delivery_time", 2, 5, "business_days", [("service", "standard"), ("region", "US")]),
                P("delivery_time", 1, 2, "business_days", [("service", "expedited"), ("region", "US")]),
                P("delivery_time", 5, 10, "business_days", [("service", "standard"), ("region", "CA")])]
    for level in (0.5, 0.8, 0.99):
        res = run_gap(LUMEN / "orders.csv",
                      GapSpec("delivery_time", "business_days", "days_to_deliver", scope_columns=SCOPE, level=level),
                      promises)
        for g in res.gaps:
            sc = dict(g.scope)
            values = read_column(LUMEN / "orders.csv", "days_to_deliver", service=sc["service"], region=sc["region"])
            want = independent(values, g.max, level)
            assert_same(figures(g), want)
            assert g.status == ("met" if want["share"] >= level else "unmet")


def test_tickets_hours_against_business_days_is_conservative():
    promise = P("response_time", 3, 5, "business_days", text="our team replies in 3-5 business days")
    res = run_gap(LUMEN / "tickets.csv", GapSpec("response_time", "hours", "hours_to_first_reply"), [promise])
    (g,) = res.gaps
    assert any("conservative" in n for n in g.notes)
    # each value becomes the most business days its span can hold: ceil(hours/24) days, 5 of every 7
    def most(h):
        d = math.ceil(h / 24 - 1e-9)
        return d // 7 * 5 + min(d % 7, 5)
    values = [most(h) for h in read_column(LUMEN / "tickets.csv", "hours_to_first_reply")]
    assert_same(figures(g), independent(values, 5, 0.95))


# --- distributions and conversions -----------------------------------------------------

@pytest.mark.parametrize("seed,discrete", [(1, True), (2, False), (3, True)])
def test_distribution_matches_numpy(seed, discrete):
    from array import array
    r = random.Random(seed)
    n = r.randint(1, 3000)
    vals = [float(r.randint(0, 12)) if discrete else r.expovariate(0.3) for _ in range(n)]
    d = Distribution.build([array("d", vals[: n // 2]), array("d", vals[n // 2:])])
    assert (d.cum is not None) == discrete and d.n == n
    for q in (0.01, 0.25, 0.5, 0.9, 0.95, 0.999, 1.0):
        assert d.quantile(q) == np.percentile(vals, q * 100, method="inverted_cdf")
    for x in (0, 1.5, 3, 7, 100):
        assert d.count_le(x) == sum(v <= x for v in vals)


def test_days_against_business_day_promise_converts_to_most_business_days(tmp_path):
    f = tmp_path / "o.csv"
    f.write_text("id,days\n" + "".join(f"{i},{d}\n" for i, d in enumerate([1, 2, 5, 6, 7, 8, 9, 14, 15])))
    res = run_gap(f, GapSpec("delivery_time", "days", "days"), [P("delivery_time", 3, 5, "business_days")])
    (g,) = res.gaps
    # 1..5 days -> at most 1..5 bd; 6, 7 days -> 5; 8 -> 6; 9 -> 7; 14 -> 10; 15 -> 11
    assert g.met == 5 and g.events == 9
    assert g.histogram.counts[:3] == (1, 1, 0) and g.histogram.integer
    assert "conservative" in g.notes[0]
    # and business days against a promise in days: the most calendar days they can span
    f2 = tmp_path / "b.csv"
    f2.write_text("id,bd\n1,1\n2,5\n3,6\n")
    (g2,) = run_gap(f2, GapSpec("delivery_time", "business_days", "bd"), [P("delivery_time", None, 7, "days")]).gaps
    assert (g2.met, g2.median) == (2, 7)          # 1 -> 3 days, 5 -> 7 days, 6 -> 10 days


def test_money_and_time_are_not_comparable(tmp_path):
    f = tmp_path / "o.csv"
    f.write_text("id,days\n1,2\n")
    res = run_gap(f, GapSpec("delivery_time", "days", "days"), [P("delivery_time", None, 50, "USD")])
    assert res.gaps[0].status == "not comparable" and res.findings == ()


# --- rows, columns, scopes -------------------------------------------------------------

def test_bad_rows_are_counted_not_fatal(tmp_path):
    f = tmp_path / "o.csv"
    f.write_text("id,service,days\n1,standard,3\n2,standard,abc\n3,standard,\n4,standard,-2\n5,standard\n"
                 "6,standard,nan\n\n7,Standard,4\n8,express,1\n")
    res = run_gap(f, GapSpec("delivery_time", "business_days", "days", scope_columns=(("service", "service"),)),
                  [P("delivery_time", 3, 5, "business_days", [("service", "standard")])])
    assert res.rows == 8 and res.bad_rows == 5
    assert res.bad_reasons == {"not a number": 1, "empty": 1, "negative or not finite": 2, "short row": 1}
    assert res.bad_examples[0] == "line 3: 'abc' in days is not a number"
    (g,) = res.gaps
    assert g.events == 2 and g.met == 2            # "Standard" matches scope standard; express is outside
    assert res.outside == 1


def test_bad_dates(tmp_path):
    f = tmp_path / "o.csv"
    f.write_text("a,b\n2025-03-14,2025-03-19\n14/03/2025,2025-03-19\n2025-03-19,2025-03-14\n"
                 "2025-03-14T10:00:00+00:00,2025-03-15T10:00:00\n2025-03-14T22:00:00Z,2025-03-17T08:00:00+01:00\n")
    res = run_gap(f, GapSpec("delivery_time", start_column="a", end_column="b"),
                  [P("delivery_time", None, 3, "business_days")])
    assert res.bad_reasons == {"not a date": 1, "ends before it starts": 1, "time zone": 1}
    assert "'14/03/2025' in a" in res.bad_examples[0]
    (g,) = res.gaps
    assert g.events == 2 and g.median == 1        # Fri -> Mon = 1 business day; Fri -> Wed = 3


def test_missing_column_names_column_and_file(tmp_path):
    f = tmp_path / "orders.csv"
    f.write_text("id,days\n1,2\n")
    with pytest.raises(UsageError, match=r"orders\.csv: no column 'days_to_deliver' \(for --value-column\)"):
        run_gap(f, GapSpec("delivery_time", "days", "days_to_deliver"), [])
    with pytest.raises(UsageError, match=r"no column 'service' \(for --scope-column\)"):
        run_gap(f, GapSpec("delivery_time", "days", "days", scope_columns=(("service", "service"),)), [])
    with pytest.raises(UsageError, match="cannot read actuals"):
        run_gap(tmp_path / "nope.csv", GapSpec("delivery_time", "days", "days"), [])
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(UsageError, match="empty file"):
        run_gap(tmp_path / "empty.csv", GapSpec("delivery_time", "days", "days"), [])


@pytest.mark.parametrize("kw,msg", [
    (dict(), "needs --value-column"),
    (dict(value_column="d", start_column="a", end_column="b"), "not both"),
    (dict(start_column="a"), "go together"),
    (dict(value_column="d", unit="fortnights"), "is not a unit"),
    (dict(value_column="d", level=95), "between 0 and 1"),
])
def test_spec_validation(kw, msg):
    with pytest.raises(UsageError, match=msg):
        GapSpec("delivery_time", **kw)


def test_spec_from_options_merges_config(tmp_path):
    hol = tmp_path / "h.txt"
    hol.write_text("2025-01-01\n")
    config = {"actuals": "data/orders.csv", "kind": "delivery_time", "start_column": "ordered_at",
              "end_column": "delivered_at", "scope_columns": {"svc": "service"}, "level": 0.9, "holidays": hol}
    spec, path = spec_from_options(config=config)
    assert (spec.start_column, spec.scope_columns, spec.level, len(spec.holidays)) == \
        ("ordered_at", (("svc", "service"),), 0.9, 1)
    assert path == Path("data/orders.csv")
    spec, _ = spec_from_options(value_column="days", unit="business_days", scope_columns=["service=service", "region"],
                                level=0.8, config=config)
    assert (spec.value_column, spec.start_column, spec.level) == ("days", None, 0.8)
    assert spec.scope_columns == (("service", "service"), ("region", "region"))
    with pytest.raises(UsageError, match="--actuals"):
        spec_from_options(kind="delivery_time", value_column="d", unit="days")
    with pytest.raises(UsageError, match="--unit is needed"):
        spec_from_options(actuals="x.csv", kind="delivery_time", value_column="d")


def test_promise_without_scope_counts_every_event_and_unmapped_keys_are_noted(tmp_path):
    f = tmp_path / "o.csv"
    f.write_text("service,days\nstandard,3\nexpress,1\nstandard,9\n")
    res = run_gap(f, GapSpec("delivery_time", "business_days", "days", scope_columns=(("service", "service"),)),
                  [P("delivery_time", None, 5, "business_days"),
                   P("delivery_time", None, 5, "business_days", [("region", "US")]),
                   P("delivery_time", None, None, "business_days")])
    by_scope = {g.scope: g for g in res.gaps if g.max is not None}
    assert by_scope[()].events == 3 and by_scope[()].met == 2
    assert by_scope[(("region", "US"),)].events == 3
    assert "region not mapped" in by_scope[(("region", "US"),)].notes[0]
    open_gap = next(g for g in res.gaps if g.max is None)
    assert open_gap.status == "open" and open_gap.share is None
    assert len(res.findings) == 2


def test_same_value_in_several_places_is_one_row_and_one_finding(tmp_path):
    f = tmp_path / "o.csv"
    f.write_text("days\n9\n9\n1\n")
    a = P("delivery_time", 3, 5, "business_days", text="3–5 business days", uri="site/a.html", line=3)
    b = P("delivery_time", 3, 5, "business_days", text="Delivery: 3 to 5 business days", uri="help/b.md",
          line=7, channel="help_centre")
    res = run_gap(f, GapSpec("delivery_time", "business_days", "days"), [a, b])
    (g,) = res.gaps
    assert g.promises == (a, b)
    (fi,) = res.findings
    assert "on website (site/a.html:3), help_centre (help/b.md:7)" in fi.message
    moved = run_gap(f, GapSpec("delivery_time", "business_days", "days"),
                    [P("delivery_time", 3, 5, "business_days", text="3–5  Business days", uri="site/a.html", line=30), b])
    assert moved.findings[0].id == fi.id          # id from content, not line numbers


def test_canonical_promises_stand_in_when_no_source(tmp_path):
    from cxaudit.config import CanonicalPromise
    f = tmp_path / "o.csv"
    f.write_text("service,days\nstandard,9\nstandard,4\n")
    c = CanonicalPromise(kind="delivery_time", scope=(("service", "standard"),), min=3, max=5,
                         unit="business_days", line=12)
    res = run_gap(f, GapSpec("delivery_time", "business_days", "days", scope_columns=(("service", "service"),)),
                  [c], config_uri="shop/cxaudit.toml")
    (fi,) = res.findings
    assert "on other (shop/cxaudit.toml:12)" in fi.message
    d = json.loads(format_gap_json(res))
    assert d["findings"][0]["promises"][0]["source"]["uri"] == "shop/cxaudit.toml"


# --- reports ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def nw_result():
    return run_gap(NORTHWIND / "orders.csv",
                   GapSpec("delivery_time", "business_days", "days_to_deliver", scope_columns=SCOPE), NW_DELIVERY)


def test_json_has_spec_finding_shape_and_figures(nw_result):
    d = json.loads(format_gap_json(nw_result))
    assert d["version"] == 1 and d["kind"] == "delivery_time" and d["rows"] == 5000
    (f,) = d["findings"]
    assert set(f) == {"id", "rule", "severity", "kind", "subject", "message", "promises"}
    assert f["id"].startswith("f-") and f["rule"] == "unmet_promise"
    assert set(f["promises"][0]) >= {"id", "kind", "scope", "min", "max", "unit", "text", "source"}
    g = next(g for g in d["gaps"] if g["status"] == "unmet")
    assert g["scope"] == {"region": "US", "service": "standard"}
    assert 0 < g["share_met"] < 0.95 and g["supported"] == 6
    assert sum(g["histogram"]["counts"]) + g["histogram"]["overflow"] == g["events"]
    assert d["summary"]["findings"] == {"error": 1, "warning": 0, "info": 0}
    assert format_gap_json(nw_result) == format_gap_json(nw_result)


def test_markdown_references_the_svg_images(nw_result):
    md, images = format_gap_md(nw_result, Path("."))
    assert sorted(images) == ["gap-delivery_time-eu-standard.svg", "gap-delivery_time-uk-standard.svg",
                              "gap-delivery_time-us-express.svg", "gap-delivery_time-us-standard.svg"]
    for name in images:
        assert f"]({name})" in md
    assert "| 3–5 business days | region=US, service=standard |" in md and "❌ unmet" in md
    md2, images2 = format_gap_md(nw_result, Path("img"))
    assert "](img/gap-delivery_time-us-standard.svg)" in md2 and images2 == images   # deterministic
    md3, images3 = format_gap_md(nw_result, None)
    assert images3 == {} and "```" in md3 and "▲" in md3


def test_svg_is_valid_and_draws_bars_and_bounds(nw_result):
    _, images = format_gap_md(nw_result, Path("."))
    svg = images["gap-delivery_time-us-standard.svg"]
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    g = next(g for g in nw_result.gaps if g.status == "unmet")
    bars = [r for r in root.iter(ns + "rect") if r.find(ns + "title") is not None]
    assert len(bars) == len(g.histogram.counts) + (1 if g.histogram.overflow else 0)
    heights = [float(b.get("height")) for b in bars]
    assert heights.index(max(heights)) == list(g.histogram.counts).index(max(g.histogram.counts))
    texts = "".join(t.text or "" for t in root.iter(ns + "text"))
    assert "promised ≤ 5 business days" in texts and "95% within 6 business days" in texts
    lines = [ln for ln in root.iter(ns + "line") if ln.get("stroke-width") == "2"]
    assert len(lines) == 2 and float(lines[0].get("x1")) < float(lines[1].get("x1"))   # promise left of supported
    red = [b for b in bars if b.get("fill") == "#d0605e"]
    assert red and all(int(b.find(ns + "title").text.split(": ")[1].replace(",", "")) > 0 for b in red[:1])


def test_terminal_table_and_chart(nw_result):
    from rich.console import Console
    console = Console(record=True, width=160)
    console.print(render_gap_table(nw_result))
    text = console.export_text()
    assert "UNMET < 95%" in text and "met ≥ 95%" in text
    assert text.count("▲ promised ≤") == 4
    assert "error unmet_promise" in text
    assert "2,271" in text                               # events of standard/US, thousands separated


# --- scale -----------------------------------------------------------------------------

def test_million_rows_in_seconds_with_flat_memory(tmp_path):
    path = tmp_path / "big.csv"
    r = random.Random(7)
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["order_id", "service", "days", "wait"])
        choice, rnd = r.choice, r.random
        w.writerows((i, choice(("standard", "express")), choice((1, 2, 3, 3, 4, 4, 5, 6, 9)), round(rnd() * 600, 3))
                    for i in range(1_000_000))
    promises = [P("delivery_time", 3, 5, "business_days", [("service", "standard")]),
                P("delivery_time", 1, 2, "business_days", [("service", "express")]),
                P("delivery_time", None, 7, "business_days")]
    spec = GapSpec("delivery_time", "business_days", "days", scope_columns=(("service", "service"),))
    t = time.perf_counter()
    res = run_gap(path, spec, promises)
    elapsed = time.perf_counter() - t
    assert res.rows == 1_000_000 and sum(g.events for g in res.gaps if g.scope) == 1_000_000
    assert elapsed < 10, f"{elapsed:.1f}s for a million rows"
    # Memory: 8 bytes an event while streaming; the worst case is continuous values (sorted at the
    # end). Measured as the growth of the peak RSS of a fresh interpreter: tracemalloc would
    # trace every float and make this test ten times slower.
    code = (
        "import json, resource, sys\n"
        "from cxaudit.gap import GapSpec, run_gap\n"
        "from cxaudit.model import Location, Promise\n"
        "p = Promise('wait_time', '', (), None, 5, 'minutes', 'within', None, 'x', Location('a', 'website'))\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "res = run_gap(sys.argv[1], GapSpec('wait_time', 'seconds', 'wait'), [p])\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps([before, after, res.gaps[0].events]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout
    before, after, events = json.loads(out)
    unit = 1 if sys.platform == "darwin" else 1024          # ru_maxrss: bytes on macOS, KiB on Linux
    grown = (after - before) * unit
    assert events == 1_000_000
    assert grown < 100 * 2 ** 20, f"peak memory grew by {grown / 2 ** 20:.0f} MiB for a million rows"
