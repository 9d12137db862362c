"""The expectation gap: how often operations met each promise, streamed once from a CSV of events."""

# Memory: one pass with csv.reader; each event stores one float in an array.array('d') per
# (scope group, measure): 8 bytes an event. At the end each promise's values become an exact
# distribution: a Counter of distinct values when the data repeats (whole days, whole seconds:
# a few hundred distinct values for a million rows) or a sorted list otherwise.
# Quantiles are nearest-rank (numpy's method="inverted_cdf"): the p-quantile is the smallest
# observed value v with share(actual <= v) >= p, so "p95 = 5" reads "95% of events took 5 or
# less", the same notion as the supported promise (the smallest whole X with share >= level).

from __future__ import annotations

import csv
import math
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace as _dc_replace
from datetime import date, datetime
from itertools import accumulate, chain, islice
from pathlib import Path
from typing import Any

from cxaudit.bizdays import BusinessCalendar
from cxaudit.errors import UsageError
from cxaudit.model import Finding, Promise, digest

SECONDS = {
    "seconds": 1.0, "minutes": 60.0, "hours": 3600.0, "days": 86400.0, "weeks": 7 * 86400.0,
    "fortnight": 14 * 86400.0, "months": 30 * 86400.0, "years": 365 * 86400.0,
}
BUSINESS_UNITS = ("business_days", "business_hours")
_EPS = 1e-9


def is_money(unit: str | None) -> bool:
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper()


def _known_unit(unit: str) -> bool:
    return unit in SECONDS or unit in BUSINESS_UNITS or is_money(unit)


# --- the spec --------------------------------------------------------------------------

@dataclass(frozen=True)
class GapSpec:
    """What to read from the actuals CSV and how to hold it against the promises of one kind."""

    kind: str
    unit: str = "days"
    value_column: str | None = None
    start_column: str | None = None
    end_column: str | None = None
    scope_columns: tuple[tuple[str, str], ...] = ()   # (csv column, promise scope key)
    level: float = 0.95
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        dates = self.start_column is not None or self.end_column is not None
        if self.value_column and dates:
            raise UsageError("give either --value-column or --start-column/--end-column, not both")
        if not self.value_column and not (self.start_column and self.end_column):
            if dates:
                raise UsageError("--start-column and --end-column go together: give both")
            raise UsageError("gap needs --value-column, or --start-column and --end-column")
        if not _known_unit(self.unit):
            raise UsageError(f"--unit {self.unit!r} is not a unit (seconds minutes hours days business_days "
                             "business_hours weeks months years, or a currency code such as USD)")
        if self.start_column and is_money(self.unit):
            raise UsageError(f"--unit {self.unit} is money; date columns measure time")
        if not (0 < self.level <= 1):
            raise UsageError(f"--level {self.level} must be a share between 0 and 1 (e.g. 0.95)")

    @property
    def from_dates(self) -> bool:
        return self.value_column is None


def parse_scope_columns(items: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """`COL=KEY` strings (a bare `COL` maps to the key of the same name)."""
    out = []
    for item in items:
        col, sep, key = item.partition("=")
        col, key = col.strip(), (key.strip() if sep else col.strip())
        if not col or not key:
            raise UsageError(f"--scope-column {item!r}: expected COLUMN=SCOPE_KEY, e.g. service=service")
        out.append((col, key))
    return tuple(out)


def spec_from_options(
    *, kind: str | None = None, actuals: str | Path | None = None, value_column: str | None = None,
    unit: str | None = None, start_column: str | None = None, end_column: str | None = None,
    scope_columns: Sequence[str] = (), level: float | None = None, holidays: str | Path | None = None,
    config: dict[str, Any] | None = None,
) -> tuple[GapSpec, Path]:
    """(GapSpec, actuals path) from `cxaudit gap` options over the config's [gap] table (options win).

    A --value-column on the command line replaces start/end columns from the config and the
    other way round; --scope-column options replace the config's scope_columns table.
    """
    cfg = dict(config or {})
    if value_column:
        cfg.pop("start_column", None)
        cfg.pop("end_column", None)
    if start_column or end_column:
        cfg.pop("value_column", None)
    actuals = actuals or cfg.get("actuals")
    kind = kind or cfg.get("kind")
    if not actuals:
        raise UsageError("gap needs --actuals FILE.csv (or 'actuals' in the [gap] table of the config)")
    if not kind:
        raise UsageError("gap needs --kind KIND, e.g. --kind delivery_time (or 'kind' in [gap])")
    value_column = value_column or cfg.get("value_column")
    start_column = start_column or cfg.get("start_column")
    end_column = end_column or cfg.get("end_column")
    unit = unit or cfg.get("unit")
    if value_column and not unit:
        raise UsageError(f"--unit is needed with --value-column {value_column} (e.g. --unit business_days)")
    cols = parse_scope_columns(scope_columns) if scope_columns else tuple(
        (str(c), str(k)) for c, k in dict(cfg.get("scope_columns") or {}).items())
    hol_path = holidays or cfg.get("holidays")
    from cxaudit.bizdays import load_holidays
    hol = load_holidays(hol_path) if hol_path else frozenset()
    spec = GapSpec(kind=kind, unit=unit or "days", value_column=value_column, start_column=start_column,
                   end_column=end_column, scope_columns=cols,
                   level=float(level if level is not None else cfg.get("level", 0.95)), holidays=hol)
    return spec, Path(actuals)


# --- distributions ---------------------------------------------------------------------

class Distribution:
    """An exact empirical distribution: sorted distinct values with cumulative counts (or one count each)."""

    def __init__(self, values: Sequence[float], cum: Sequence[int] | None = None):
        self.values = values
        self.cum = cum            # cum[i] = events with value <= values[i]; None = every count is 1
        self.n = (cum[-1] if cum else len(values))

    @classmethod
    def build(cls, arrays: Sequence[array], convert: Callable[[float], float] | None = None) -> "Distribution":
        n = sum(len(a) for a in arrays)
        if n == 0:
            return cls([])
        # Repeating data (whole days, whole seconds) collapses to a small Counter: flat memory.
        sample = list(islice(chain.from_iterable(arrays), 20000))
        if len(set(sample)) * 10 <= len(sample):
            counts = _count_values(arrays)
            if counts is not None:
                if convert is not None:
                    merged: dict[float, int] = defaultdict(int)
                    for v, c in counts.items():
                        merged[convert(v)] += c
                    counts = Counter(merged)
                vals = sorted(counts)
                return cls(vals, list(accumulate(counts[v] for v in vals)))
        it = chain.from_iterable(arrays)
        return cls(sorted(map(convert, it) if convert is not None else it))

    def _count_at(self, idx: int) -> int:
        """Events among the first `idx` distinct values."""
        if idx <= 0:
            return 0
        return self.cum[idx - 1] if self.cum is not None else idx

    def count_le(self, x: float) -> int:
        return self._count_at(bisect_right(self.values, x + _EPS))

    def count_lt(self, x: float) -> int:
        return self._count_at(bisect_left(self.values, x - _EPS))

    def quantile(self, p: float) -> float | None:
        """Nearest rank: the smallest value v with count(<= v) >= ceil(p * n)."""
        if self.n == 0:
            return None
        k = min(self.n, max(1, math.ceil(p * self.n - _EPS)))
        if self.cum is None:
            return self.values[k - 1]
        return self.values[bisect_left(self.cum, k)]

    @property
    def min(self) -> float | None:
        return self.values[0] if self.n else None

    @property
    def max(self) -> float | None:
        return self.values[-1] if self.n else None

    def all_integers(self) -> bool:
        if self.cum is not None:
            return all(float(v).is_integer() for v in self.values)
        return all(float(v).is_integer() for v in self.values[:: max(1, len(self.values) // 5000)])


def _count_values(arrays: Sequence[array], limit: int = 100_000) -> Counter[float] | None:
    """Counts of each distinct value, or None once there are more than `limit` of them."""
    counts: Counter[float] = Counter()
    for a in arrays:
        for i in range(0, len(a), 200_000):
            counts.update(a[i:i + 200_000])   # C-speed counting, chunked so the limit is checked
            if len(counts) > limit:
                return None
    return counts


@dataclass(frozen=True)
class Histogram:
    """Bins [edges[i], edges[i+1]) with their counts; `overflow` counts the values at or past the last edge."""

    edges: tuple[float, ...]
    counts: tuple[int, ...]
    overflow: int
    integer: bool                 # unit-wide bins centred on whole values: label bin i by its centre

    def labels(self) -> list[str]:
        if self.integer:
            return [_fmt((a + b) / 2) for a, b in zip(self.edges, self.edges[1:])]
        return [_fmt(a) for a in self.edges[:-1]]

    def as_dict(self) -> dict[str, Any]:
        return {"edges": [_num(e) for e in self.edges], "counts": list(self.counts),
                "overflow": self.overflow, "integer": self.integer}


def _nice_width(raw: float) -> float:
    if raw <= 0:
        return 1.0
    exp = math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        w = m * 10 ** exp
        if w >= raw - _EPS:
            return float(w)
    return float(10 ** (exp + 1))


def make_histogram(dist: Distribution, bounds: Iterable[float | None]) -> Histogram:
    """Bins that show the body of the distribution and every bound of interest; far outliers go to overflow."""
    if dist.n == 0:
        return Histogram((0.0, 1.0), (0,), 0, True)
    marks = [b for b in bounds if b is not None]
    top = max([dist.quantile(0.99) or 0.0, *marks])
    lo = min(0.0, dist.min)
    if dist.all_integers() and top - min(dist.min, *marks) <= 40:
        # Whole values (days): one bar per value, from the smallest seen (or promised) value.
        first = math.floor(min(dist.min, *marks))
        last = math.ceil(top) + 1
        edges = tuple(k - 0.5 for k in range(int(first), int(last) + 2))
        integer = True
    else:
        width = _nice_width((top * 1.1 - lo) / 24 if top > lo else 1.0)
        start = math.floor(lo / width) * width
        count = max(1, math.ceil((top * 1.1 - start) / width + _EPS))
        edges = tuple(round(start + i * width, 10) for i in range(count + 1))
        integer = False
    counts = tuple(dist.count_lt(b) - dist.count_lt(a) for a, b in zip(edges, edges[1:]))
    overflow = dist.n - dist.count_lt(edges[-1])
    return Histogram(edges, counts, overflow, integer)


# --- unit conversion -------------------------------------------------------------------

def _max_business_days(days: float) -> float:
    """The most business days a span of `days` calendar days can hold (conservative for the company)."""
    n = math.ceil(days - _EPS)
    weeks, rest = divmod(max(n, 0), 7)
    return float(weeks * 5 + min(rest, 5))


def _max_calendar_days(bdays: float) -> float:
    """The most calendar days `bdays` business days can span: n + 2*ceil(n/5) (weekends; no holidays)."""
    return bdays + 2 * math.ceil(bdays / 5 - _EPS) if bdays > 0 else bdays


def converter(src: str, dst: str) -> tuple[Callable[[float], float] | None, str | None, bool]:
    """(function from src to dst or None for identity, a note for the reader, comparable?)."""
    if src == dst:
        return None, None, True
    if is_money(src) or is_money(dst):
        return None, f"actuals in {src} cannot be held against a promise in {dst}", False
    if src in SECONDS and dst in SECONDS:
        f = SECONDS[src] / SECONDS[dst]
        return (lambda v: v * f), None, True
    if {src, dst} == {"business_hours", "hours"}:
        return None, f"actuals in {_unit_label(src)} compared with a promise in {_unit_label(dst)} as if equal", True
    if dst == "business_days" and src in SECONDS:
        f = SECONDS[src] / 86400.0
        return ((lambda v: _max_business_days(v * f)),
                f"actuals in {_unit_label(src)} converted to the most business days they can span (conservative)", True)
    if src == "business_days" and dst in SECONDS:
        f = 86400.0 / SECONDS[dst]
        return ((lambda v: _max_calendar_days(v) * f),
                f"actuals in business days converted to the most {_unit_label(dst)} they can span (conservative)", True)
    if src == "business_hours" and dst in SECONDS:
        f = 3600.0 / SECONDS[dst]
        return (lambda v: v * f), "business hours counted as calendar hours", True
    if dst == "business_hours" and src in SECONDS:
        f = SECONDS[src] / 3600.0
        return (lambda v: v * f), f"actuals in {_unit_label(src)} counted as business hours (conservative)", True
    return None, f"actuals in {_unit_label(src)} cannot be held against a promise in {_unit_label(dst)}", False


# --- results ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PromiseGap:
    """The figures for one promised value (all messages that say the same thing for the same scope)."""

    promises: tuple[Any, ...]      # model.Promise (or canonical promises) saying this value
    scope: tuple[tuple[str, str], ...]
    min: float | None
    max: float | None
    unit: str | None
    events: int = 0
    met: int = 0
    median: float | None = None
    p90: float | None = None
    p95: float | None = None
    supported: float | None = None
    status: str = "no data"        # met | unmet | no data | open | not comparable
    histogram: Histogram | None = None
    notes: tuple[str, ...] = ()

    @property
    def promise(self) -> Any:
        return self.promises[0]

    @property
    def share(self) -> float | None:
        return self.met / self.events if self.events and self.max is not None else None

    @property
    def slug(self) -> str:
        scope = "-".join(v for _, v in self.scope) or "all"
        return "".join(c if c.isalnum() or c in "-_" else "-" for c in scope.lower())

    def value_label(self) -> str:
        return format_value(self.min, self.max, self.unit)

    def scope_label(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.scope) or "all"

    def as_dict(self) -> dict[str, Any]:
        return {
            "scope": dict(self.scope),
            "min": _num(self.min), "max": _num(self.max), "unit": self.unit,
            "promise": _promise_dict(self.promise),
            "sources": [_source_label(p) for p in self.promises],
            "events": self.events, "met": self.met,
            "share_met": None if self.share is None else round(self.share, 4),
            "median": _num(self.median), "p90": _num(self.p90), "p95": _num(self.p95),
            "supported": _num(self.supported),
            "status": self.status,
            "histogram": self.histogram.as_dict() if self.histogram else None,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class GapResult:
    spec: GapSpec
    actuals: str                       # the CSV as given
    rows: int                          # data rows read
    bad_rows: int
    bad_reasons: dict[str, int]
    bad_examples: tuple[str, ...]      # "line 45: 'abc' in days_to_deliver is not a number"
    outside: int                       # events that fall in no promise's scope
    gaps: tuple[PromiseGap, ...]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def kind(self) -> str:
        return self.spec.kind

    @property
    def level(self) -> float:
        return self.spec.level

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def as_dict(self) -> dict[str, Any]:
        spec = self.spec
        return {
            "version": 1,
            "kind": spec.kind,
            "actuals": self.actuals,
            "level": spec.level,
            "measure": ({"value_column": spec.value_column, "unit": spec.unit} if spec.value_column else
                        {"start_column": spec.start_column, "end_column": spec.end_column,
                         "holidays": len(spec.holidays)}),
            "scope_columns": {c: k for c, k in spec.scope_columns},
            "rows": self.rows,
            "bad_rows": self.bad_rows,
            "bad_reasons": dict(sorted(self.bad_reasons.items())),
            "bad_examples": list(self.bad_examples),
            "outside_scope": self.outside,
            "gaps": [g.as_dict() for g in self.gaps],
            "findings": [f.as_dict() for f in self.findings],
            "notes": list(self.notes),
            "summary": {"promises": len(self.gaps), "findings": self.counts()},
        }


# --- the run ---------------------------------------------------------------------------

def _scope_of(p: Any) -> tuple[tuple[str, str], ...]:
    s = getattr(p, "scope_dict", None)
    if s is None:
        s = getattr(p, "scope", None) or {}
    items = s.items() if isinstance(s, dict) else s
    return tuple(sorted((str(k), str(v)) for k, v in items))


def _open_csv(path: Path):
    try:
        return open(path, newline="", encoding="utf-8-sig")
    except OSError as e:
        raise UsageError(f"{path}: cannot read actuals ({e.strerror or e})") from None


def run_gap(csv_path: str | Path, spec: GapSpec, promises: Sequence[Any], *,
            config_uri: str = "cxaudit.toml") -> GapResult:
    """Stream the actuals once and hold them against every promise of spec.kind.

    `promises` are extracted model.Promise objects or the config's canonical promises
    (anything with kind, scope, min, max, unit); `config_uri` names where canonical ones
    come from when a finding quotes them.
    """
    path = Path(csv_path)
    notes: list[str] = []

    # Promises of the kind, grouped by what they say: one row per (scope, value).
    grouped: dict[tuple, list[Any]] = {}
    for p in promises:
        if p.kind != spec.kind:
            continue
        key = (_scope_of(p), p.min, p.max, p.unit)
        grouped.setdefault(key, []).append(p)
    order = sorted(grouped, key=lambda k: (k[0], k[3] or "", _sortnum(k[2]), _sortnum(k[1])))
    if not order:
        notes.append(f"no {spec.kind} promise to hold the actuals against")

    units = {k[3] for k in order}
    need_bdays = spec.from_dates and "business_days" in units
    need_secs = spec.from_dates and any(u in SECONDS or u == "business_hours" for u in units)
    measures = ["value"] if not spec.from_dates else (["bdays"] * need_bdays + ["secs"] * need_secs)
    if spec.from_dates and not measures:
        measures = ["secs"]
    mi = {m: i for i, m in enumerate(measures)}

    groups: dict[tuple, list[array]] = {}
    bad: Counter[str] = Counter()
    examples: list[str] = []
    rows = 0
    scope_keys = tuple(k for _, k in spec.scope_columns)

    with _open_csv(path) as f:
        reader = csv.reader(f)
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as e:
            raise UsageError(f"{path}: not a readable CSV ({e})") from None
        if not header:
            raise UsageError(f"{path}: empty file, expected a CSV with a header row")
        header = [h.strip() for h in header]

        def col(name: str, option: str) -> int:
            try:
                return header.index(name)
            except ValueError:
                raise UsageError(f"{path}: no column {name!r} (for {option}); columns are: "
                                 f"{', '.join(header)}") from None

        sidx = tuple(col(c, "--scope-column") for c, _ in spec.scope_columns)
        cal = BusinessCalendar(spec.holidays)

        def reject(reason: str, detail: str) -> None:
            bad[reason] += 1
            if len(examples) < 5:
                examples.append(f"line {reader.line_num}: {detail}")

        def slot(row: list[str]) -> list[array]:
            key = tuple(row[i].strip().casefold() for i in sidx) if sidx else ()
            arrs = groups.get(key)
            if arrs is None:
                arrs = groups[key] = [array("d") for _ in measures]
            return arrs

        try:
            if not spec.from_dates:
                vi = col(spec.value_column, "--value-column")
                need = max((vi, *sidx))
                for row in reader:
                    if not row:
                        continue
                    rows += 1
                    if len(row) <= need:
                        reject("short row", f"{len(row)} cells, expected at least {need + 1}")
                        continue
                    cell = row[vi]
                    try:
                        v = float(cell)
                    except ValueError:
                        if cell.strip():
                            reject("not a number", f"{cell!r} in {spec.value_column} is not a number")
                        else:
                            reject("empty", f"{spec.value_column} is empty")
                        continue
                    if not (0 <= v < math.inf):
                        reject("negative or not finite", f"{cell!r} in {spec.value_column} is negative or not finite")
                        continue
                    slot(row)[0].append(v)
            else:
                si, ei = col(spec.start_column, "--start-column"), col(spec.end_column, "--end-column")
                need = max((si, ei, *sidx))
                bi, ti = mi.get("bdays"), mi.get("secs")
                for row in reader:
                    if not row:
                        continue
                    rows += 1
                    if len(row) <= need:
                        reject("short row", f"{len(row)} cells, expected at least {need + 1}")
                        continue
                    try:
                        a = datetime.fromisoformat(row[si].strip())
                        b = datetime.fromisoformat(row[ei].strip())
                        secs = (b - a).total_seconds()
                    except ValueError:
                        which, cell = ((spec.start_column, row[si]) if not _isodate(row[si])
                                       else (spec.end_column, row[ei]))
                        if cell.strip():
                            reject("not a date", f"{cell!r} in {which} is not an ISO date or datetime")
                        else:
                            reject("empty", f"{which} is empty")
                        continue
                    except TypeError:
                        reject("time zone", "one date has a time zone and the other not")
                        continue
                    if secs < 0:
                        reject("ends before it starts", f"{spec.end_column} is before {spec.start_column}")
                        continue
                    arrs = slot(row)
                    if bi is not None:
                        arrs[bi].append(cal.between(a.date(), b.date()))
                    if ti is not None:
                        arrs[ti].append(secs)
        except csv.Error as e:
            raise UsageError(f"{path}: line {reader.line_num}: malformed CSV ({e})") from None
        except UnicodeDecodeError as e:
            raise UsageError(f"{path}: not UTF-8 text near line {reader.line_num} ({e.reason})") from None

    # Which event groups count against which promise: compatible = no shared key with another value.
    def compatible(event_key: tuple, scope: tuple[tuple[str, str], ...]) -> bool:
        ev = {k: v for k, v in zip(scope_keys, event_key) if v}
        return all(ev.get(k, v.casefold()) == v.casefold() for k, v in scope)

    matched_keys: set[tuple] = set()
    gaps: list[PromiseGap] = []
    findings: list[Finding] = []
    for key in order:
        scope, pmin, pmax, punit = key
        plist = grouped[key]
        own_notes: list[str] = []
        missing = [k for k, _ in scope if k not in scope_keys]
        if missing:
            own_notes.append(f"scope key {', '.join(missing)} not mapped to a column: all events counted")
        base = PromiseGap(tuple(plist), scope, pmin, pmax, punit)
        if punit is None:
            gaps.append(_replace(base, status="not comparable", notes=(*own_notes, "the promise has no unit")))
            continue
        if spec.from_dates:
            if punit == "business_days":
                measure, conv, note, ok = "bdays", None, None, True
            elif punit in SECONDS:
                measure, (conv, note, ok) = "secs", converter("seconds", punit)
            elif punit == "business_hours":
                measure, (conv, note, ok) = "secs", converter("seconds", "business_hours")
            else:
                measure, conv, note, ok = "secs", None, f"date columns cannot measure {punit}", False
        else:
            measure, (conv, note, ok) = "value", converter(spec.unit, punit)
        if note:
            own_notes.append(note)
        if not ok:
            gaps.append(_replace(base, status="not comparable", notes=tuple(own_notes)))
            continue
        keys = [k for k in groups if compatible(k, scope)]
        matched_keys.update(keys)
        dist = Distribution.build([groups[k][mi[measure]] for k in keys], conv)
        if dist.n == 0:
            gaps.append(_replace(base, status="no data", notes=tuple(own_notes)))
            continue
        q = dist.quantile(spec.level)
        supported = float(math.ceil(q - _EPS)) if q > 0 else 0.0
        met = dist.count_le(pmax) if pmax is not None else 0
        status = "open" if pmax is None else ("met" if met >= spec.level * dist.n - _EPS else "unmet")
        gap = _replace(
            base, events=dist.n, met=met, median=dist.quantile(0.5), p90=dist.quantile(0.9),
            p95=dist.quantile(0.95), supported=supported, status=status,
            histogram=make_histogram(dist, (pmax, supported)), notes=tuple(own_notes),
        )
        gaps.append(gap)
        if status == "unmet":
            findings.append(_unmet_finding(gap, spec, config_uri))

    outside = 0 if not order else sum(len(groups[k][0]) for k in groups if k not in matched_keys)
    if outside:
        notes.append(f"{outside:,} events fall in no promise's scope")
    total_bad = sum(bad.values())
    if total_bad:
        notes.append(f"{total_bad:,} of {rows:,} rows could not be read and were skipped")
    return GapResult(spec, str(csv_path), rows, total_bad, dict(bad), tuple(examples), outside,
                     tuple(gaps), tuple(findings), tuple(notes))


def _isodate(cell: str) -> bool:
    try:
        datetime.fromisoformat(cell.strip())
        return True
    except ValueError:
        return False


def _replace(g: PromiseGap, **kw: Any) -> PromiseGap:
    return _dc_replace(g, **kw)


def _sortnum(x: float | None) -> float:
    return math.inf if x is None else float(x)


# --- findings --------------------------------------------------------------------------

def _as_model_promise(p: Any, config_uri: str = "cxaudit.toml") -> Promise:
    if isinstance(p, Promise):
        return p
    from cxaudit.canonical import canonical_as_promise
    return canonical_as_promise(p, config_uri)


def _norm_text(s: str) -> str:
    return " ".join(s.lower().split())


def _unmet_finding(g: PromiseGap, spec: GapSpec, config_uri: str) -> Finding:
    plist = tuple(_as_model_promise(p, config_uri) for p in g.promises)
    subject = plist[0].subject or g.scope_label()
    where = _where(plist)
    scope = f" ({g.scope_label()})" if g.scope else ""
    message = (f"{kind_label(spec.kind)} promised as {g.value_label()}{scope} {where} was met for "
               f"{g.share:.1%} of {g.events:,} events (p95 {format_value(None, g.p95, g.unit)}); "
               f"at {spec.level:.0%} the data supports {format_value(None, g.supported, g.unit)}")
    fp = digest("unmet_promise", spec.kind, g.scope, _num(g.min), _num(g.max), g.unit,
                sorted(_norm_text(p.text) for p in plist), size=16)
    return Finding("unmet_promise", "error", spec.kind, subject, message, plist, fp)


def _where(plist: Sequence[Promise]) -> str:
    parts = list(dict.fromkeys(f"{p.source.channel} ({_loc(p)})" for p in plist))
    more = f" and {len(parts) - 3} more" if len(parts) > 3 else ""
    return "on " + ", ".join(parts[:3]) + more


def _loc(p: Promise) -> str:
    return p.source.uri + (f":{p.source.line}" if p.source.line is not None else "")


# --- formatting shared with the reporters ----------------------------------------------

_UNIT_WORDS = {
    "seconds": ("second", "seconds"), "minutes": ("minute", "minutes"), "hours": ("hour", "hours"),
    "business_hours": ("business hour", "business hours"), "days": ("day", "days"),
    "business_days": ("business day", "business days"), "weeks": ("week", "weeks"),
    "fortnight": ("fortnight", "fortnights"), "months": ("month", "months"), "years": ("year", "years"),
}


def _unit_label(unit: str | None, value: float | None = None) -> str:
    if unit is None:
        return ""
    one, many = _UNIT_WORDS.get(unit, (unit, unit))
    return one if value is not None and float(value) == 1 else many


def _fmt(x: float | None) -> str:
    if x is None:
        return "–"
    x = float(x)
    if x.is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def format_value(lo: float | None, hi: float | None, unit: str | None) -> str:
    """'3–5 business days', '1 business day', 'USD 50', 'at least 30 days'."""
    if is_money(unit):
        if lo is not None and hi is not None and lo != hi:
            return f"{unit} {_fmt(lo)}–{_fmt(hi)}"
        return f"{unit} {_fmt(hi if hi is not None else lo)}"
    if lo is not None and hi is not None and lo != hi:
        return f"{_fmt(lo)}–{_fmt(hi)} {_unit_label(unit)}".strip()
    if hi is not None:
        return f"{_fmt(hi)} {_unit_label(unit, hi)}".strip()
    if lo is not None:
        return f"at least {_fmt(lo)} {_unit_label(unit, lo)}".strip()
    return "unspecified"


def kind_label(kind: str) -> str:
    return kind.replace("_", " ").capitalize()


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(float(x), 4)


def _promise_dict(p: Any) -> dict[str, Any]:
    return _as_model_promise(p).as_dict()


def _source_label(p: Any) -> str:
    mp = _as_model_promise(p)
    return f"{mp.source.channel}: {_loc(mp)}"
