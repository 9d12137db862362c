"""Hold every extracted promise against the company's official ([[promise]]) ones: over-promise, under-sell, agree."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cxaudit.gap import format_value, is_money, kind_label
from cxaudit.model import CHANNELS, Finding, Location, Promise, _freeze, digest

# Which way is "more" for the customer. A message that promises more than the official
# value is an over-promise (error); less is an under-sell (warning).
SMALLER_IS_MORE = frozenset({
    "delivery_time", "dispatch_time", "refund_time", "response_time", "wait_time",
    "return_cost", "free_shipping_threshold",
})
LARGER_IS_MORE = frozenset({
    "return_window", "exchange_window", "cancellation_window", "price_match_window",
    "trial_period", "money_back_guarantee", "warranty",
})

# Calendar-day ranges each unit can mean; a range, never a single guess, so that only a
# clear difference becomes a finding ("5 business days" may be 5 to 7 calendar days).
_DAYS = {"seconds": 1 / 86400, "minutes": 1 / 1440, "hours": 1 / 24, "days": 1.0, "weeks": 7.0, "fortnight": 14.0}
_DAY_RANGES = {"months": (28.0, 31.0), "years": (365.0, 366.0)}

STATUSES = ("over-promises", "under-sells", "differs", "agrees", "not comparable", "silent")


def _max_calendar_days(bdays: float) -> float:
    return bdays + 2 * math.ceil(bdays / 5 - 1e-9) if bdays > 0 else bdays


def value_range(value: float, unit: str | None) -> tuple[float, float, str] | None:
    """(lo, hi, dimension) that one promised number can mean: time in calendar days, money in its currency."""
    v = float(value)
    if unit is None:
        return v, v, "none"
    if is_money(unit):
        return v, v, unit
    if unit in _DAYS:
        return v * _DAYS[unit], v * _DAYS[unit], "time"
    if unit in _DAY_RANGES:
        a, b = _DAY_RANGES[unit]
        return v * a, v * b, "time"
    if unit == "business_days":
        return v, _max_calendar_days(v), "time"
    if unit == "business_hours":
        # A business hour is at least an hour; n of them fit in ceil(n/8) business days.
        return v / 24, _max_calendar_days(math.ceil(v / 8 - 1e-9)), "time"
    return None


def to_interval(min_: float | None, max_: float | None, unit: str | None) -> tuple[float, float, str] | None:
    """The calendar interval (lo, hi, dimension) a promise can mean; None when it has no number or unit we know."""
    lo_v = min_ if min_ is not None else max_
    hi_v = max_ if max_ is not None else min_
    if lo_v is None or hi_v is None:
        return None
    a, b = value_range(lo_v, unit), value_range(hi_v, unit)
    if a is None or b is None:
        return None
    return a[0], (math.inf if max_ is None else b[1]), a[2]


# --- schedules (support_hours) ---------------------------------------------------------

_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_ALIASES = {"daily": "mon-sun", "everyday": "mon-sun", "every day": "mon-sun", "weekdays": "mon-fri",
                "weekends": "sat-sun", "weekend": "sat-sun", "all": "mon-sun"}


def _day_index(tok: str) -> int | None:
    tok = tok.strip().lower()[:3]
    return _DAY_NAMES.index(tok) if tok in _DAY_NAMES else None


def _days(spec: str) -> list[int] | None:
    spec = _DAY_ALIASES.get(spec.strip().lower(), spec.strip().lower())
    out: list[int] = []
    for part in spec.replace("&", ",").replace(" and ", ",").split(","):
        part = part.strip()
        if not part:
            continue
        a, sep, b = part.replace("–", "-").replace(" to ", "-").partition("-")
        i = _day_index(a)
        j = _day_index(b) if sep else i
        if i is None or j is None:
            return None
        k = i
        out.append(k)
        while k != j:              # mon-sun, or fri-mon wrapping round the week
            k = (k + 1) % 7
            out.append(k)
    return out


def _minutes(hhmm: Any) -> int | None:
    try:
        h, _, m = str(hhmm).strip().partition(":")
        return int(h) * 60 + int(m or 0)
    except ValueError:
        return None


def _items(schedule: Any) -> list[dict[str, Any]]:
    if isinstance(schedule, dict):
        return [schedule]
    # One item frozen as a tuple of (key, value) pairs rather than a tuple of such items.
    if schedule and all(isinstance(it, tuple) and len(it) == 2 and isinstance(it[0], str) for it in schedule):
        return [dict(schedule)]
    return [dict(it) if not isinstance(it, dict) else it for it in schedule]


def schedule_coverage(schedule: Any) -> tuple[frozenset[int], frozenset[str]] | None:
    """The minutes of the week a schedule is open (0 = Monday 00:00), and the time zones it names."""
    if schedule is None:
        return None
    if isinstance(schedule, str):
        if schedule.replace(" ", "").lower() in ("24/7", "24x7"):
            return frozenset(range(7 * 1440)), frozenset()
        return None
    minutes: set[int] = set()
    zones: set[str] = set()
    try:
        items = _items(schedule)
    except (TypeError, ValueError):
        return None
    for it in items:
        days = _days(str(it.get("days", "mon-sun")))
        o, c = _minutes(it.get("open", "00:00")), _minutes(it.get("close", "24:00"))
        if days is None or o is None or c is None:
            return None
        if it.get("tz"):
            zones.add(str(it["tz"]).upper())
        span = (c - o) if c > o else (c + 1440 - o)   # closing at or before opening runs past midnight
        for d in days:
            start = d * 1440 + o
            minutes.update((start + k) % (7 * 1440) for k in range(span))
    return frozenset(minutes), frozenset(zones)


def format_schedule(schedule: Any) -> str:
    if schedule is None:
        return "unspecified"
    if isinstance(schedule, str):
        return schedule
    parts = []
    for it in _items(schedule):
        tz = f" {it['tz']}" if it.get("tz") else ""
        parts.append(f"{it.get('days', 'mon-sun')} {it.get('open', '00:00')}–{it.get('close', '24:00')}{tz}")
    return ", ".join(parts)


# --- comparing one promise with one canonical ------------------------------------------

def compare_values(kind: str, p: Any, c: Any) -> tuple[str, float]:
    """(outcome, distance): outcome is agrees | over | under | differs | not comparable."""
    if kind == "support_hours" or (p.schedule is not None and c.schedule is not None):
        a, b = schedule_coverage(p.schedule), schedule_coverage(c.schedule)
        if a is None or b is None:
            return "not comparable", math.inf
        if a[1] and b[1] and a[1] != b[1]:
            return "not comparable", math.inf      # different time zones: no safe conversion
        extra, missing = len(a[0] - b[0]), len(b[0] - a[0])
        if extra:
            return "over", float(extra)
        if missing:
            return "under", float(missing)
        return "agrees", 0.0
    pv = _headline(p)
    cv = _headline(c)
    if pv is None or cv is None:
        return "not comparable", math.inf
    pr, cr = value_range(pv, p.unit), value_range(cv, c.unit)
    if pr is None or cr is None:
        return "not comparable", math.inf
    if pr[2] != cr[2]:
        # Free (0) is free in any currency; otherwise money in two currencies cannot be compared.
        moneyish = {pr[2], cr[2]} <= {"none"} | {d for d in (pr[2], cr[2]) if is_money(d)}
        if not (moneyish and (pv == 0 or cv == 0)):
            return "not comparable", math.inf
    if pr[1] < cr[0] - 1e-9:
        side, dist = "smaller", cr[0] - pr[1]
    elif pr[0] > cr[1] + 1e-9:
        side, dist = "larger", pr[0] - cr[1]
    else:
        return "agrees", 0.0
    if kind in SMALLER_IS_MORE or kind.endswith("_time"):
        return ("over" if side == "smaller" else "under"), dist
    if kind in LARGER_IS_MORE or kind.endswith(("_window", "_period", "_guarantee")):
        return ("over" if side == "larger" else "under"), dist
    return "differs", dist


def _overlap_outcome(p: Promise, c: Any) -> str:
    """A message in the official unit whose values overlap the official ones but set other
    expectations, judged as two messages would be: "1–3 business days" against the official 3–5
    over-promises, "4–6" under-sells, "2–5" differs. (Across units the calendar reading above
    decides: "within 5 days" fits 3–5 business days.)"""
    from cxaudit.compare import relation

    if p.unit != c.unit or relation(p, canonical_as_promise(c)) is None:
        return "agrees"
    pv, cv = _headline(p), _headline(c)
    if pv is None or cv is None or pv == cv:
        return "differs"
    larger = pv > cv
    if p.kind in SMALLER_IS_MORE or p.kind.endswith("_time"):
        return "under" if larger else "over"
    if p.kind in LARGER_IS_MORE or p.kind.endswith(("_window", "_period", "_guarantee")):
        return "over" if larger else "under"
    return "differs"


def _headline(x: Any) -> float | None:
    """The bound a customer holds the company to: the max ("by day 5", "30 days"), else the min."""
    return x.max if x.max is not None else x.min


# --- scope -----------------------------------------------------------------------------

def _scope(x: Any) -> tuple[tuple[str, str], ...]:
    s = getattr(x, "scope", None) or ()
    items = s.items() if isinstance(s, dict) else s
    return tuple(sorted((str(k), str(v)) for k, v in items))


def compatible(a: tuple[tuple[str, str], ...], b: tuple[tuple[str, str], ...]) -> bool:
    """No scope key with different values (compared case-insensitively)."""
    da = {k: v.casefold() for k, v in a}
    return all(da.get(k, v.casefold()) == v.casefold() for k, v in b)


def _specificity(p_scope: tuple, c_scope: tuple) -> tuple[int, int]:
    """Higher is a better fit: more shared keys, then fewer keys the promise does not speak to."""
    pk = {k for k, _ in p_scope}
    shared = sum(1 for k, _ in c_scope if k in pk)
    return shared, -(len(c_scope) - shared)


# --- results ---------------------------------------------------------------------------

@dataclass(frozen=True)
class GovernanceRow:
    kind: str
    scope: tuple[tuple[str, str], ...]
    value: str                                 # "3–5 business days"
    line: int | None
    cells: tuple[tuple[str, str], ...]         # (channel, status)
    promises: int                              # extracted promises checked against it

    @property
    def label(self) -> str:
        scope = ", ".join(f"{k}={v}" for k, v in self.scope)
        return f"{self.kind}" + (f" ({scope})" if scope else "") + f": {self.value}"

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "scope": dict(self.scope), "value": self.value, "line": self.line,
                "promises": self.promises, "channels": dict(self.cells)}


@dataclass(frozen=True)
class NotGoverned:
    kind: str
    scope: tuple[tuple[str, str], ...]         # () = no canonical of this kind at all
    promises: int
    channels: tuple[str, ...]

    @property
    def label(self) -> str:
        scope = ", ".join(f"{k}={v}" for k, v in self.scope)
        return self.kind + (f" ({scope})" if scope else "")

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "scope": dict(self.scope), "promises": self.promises,
                "channels": list(self.channels)}


@dataclass(frozen=True)
class GovernanceTable:
    """Per official promise and channel: agrees / over-promises / under-sells / silent; plus what nothing governs."""

    channels: tuple[str, ...]
    rows: tuple[GovernanceRow, ...]
    not_governed: tuple[NotGoverned, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"channels": list(self.channels), "canonical": [r.as_dict() for r in self.rows],
                "not_governed": [n.as_dict() for n in self.not_governed]}

    def to_markdown(self) -> str:
        if not self.rows and not self.not_governed:
            return ""
        out: list[str] = []
        if self.rows:
            out.append("| official promise | " + " | ".join(self.channels) + " |")
            out.append("|---|" + "---|" * len(self.channels))
            for r in self.rows:
                cells = dict(r.cells)
                out.append(f"| {_md(r.label)} | " + " | ".join(_MD_STATUS[cells[ch]] for ch in self.channels) + " |")
        if self.not_governed:
            out.append("")
            out.append("Not governed (no official promise for the kind, or for the scope in brackets): " + "; ".join(
                f"{_md(n.label)} — {n.promises} message{'s' if n.promises != 1 else ''} in {', '.join(n.channels)}"
                for n in self.not_governed))
        return "\n".join(out) + "\n"

    as_markdown = to_markdown      # the name audit.py looks for

    def to_rich(self) -> Any:
        from rich.console import Group
        from rich.table import Table
        from rich.text import Text

        table = Table(title="Official promises by channel", title_justify="left")
        table.add_column("official promise")
        for ch in self.channels:
            table.add_column(ch, justify="center")
        for r in self.rows:
            cells = dict(r.cells)
            table.add_row(r.label, *(Text(cells[ch], style=_STYLE[cells[ch]]) for ch in self.channels))
        parts: list[Any] = [table] if self.rows else []
        if self.not_governed:
            parts.append(Text("Not governed: " + "; ".join(
                f"{n.label} ({n.promises} in {', '.join(n.channels)})" for n in self.not_governed), style="yellow"))
        return Group(*parts)


_MD_STATUS = {"agrees": "✅ agrees", "over-promises": "❌ over-promises", "under-sells": "⚠️ under-sells",
              "differs": "⚠️ differs", "not comparable": "❔ not comparable", "silent": "· silent"}
_STYLE = {"agrees": "green", "over-promises": "bold red", "under-sells": "yellow", "differs": "yellow",
          "not comparable": "dim", "silent": "dim"}


def _md(s: str) -> str:
    return s.replace("|", "\\|")


def canonical_value(c: Any) -> str:
    if c.schedule is not None:
        return format_schedule(c.schedule)
    return format_value(c.min, c.max, c.unit)


def canonical_as_promise(c: Any, uri: str = "cxaudit.toml") -> Promise:
    """An official promise as a model.Promise, so reports and findings can quote it like any message."""
    scope = _scope(c)
    subject = " ".join(v for _, v in scope) or kind_label(c.kind).lower()
    text = f"Official promise: {kind_label(c.kind).lower()}"
    text += (f" ({', '.join(f'{k}={v}' for k, v in scope)})" if scope else "") + f" {canonical_value(c)}"
    return Promise(
        kind=c.kind, subject=subject, scope=scope, min=c.min, max=c.max, unit=c.unit,
        qualifier=getattr(c, "qualifier", None) or "within", schedule=c.schedule, text=text,
        source=Location(uri=uri, channel="other", line=getattr(c, "line", None), heading="[[promise]]"),
        confidence=1.0, rule="config",
    )


# --- the check -------------------------------------------------------------------------

_OUTCOME_STATUS = {"over": "over-promises", "under": "under-sells", "differs": "differs",
                   "agrees": "agrees", "not comparable": "not comparable"}
_RANK = {s: i for i, s in enumerate(STATUSES)}


def _norm(s: str) -> str:
    return " ".join(s.lower().split())




def check_canonical(promises: Sequence[Promise], canon: Sequence[Any]) -> tuple[list[Finding], GovernanceTable]:
    """canonical_mismatch findings (over-promise = error, under-sell = warning) and the governance table."""
    canon = list(canon)
    cscopes = [_scope(c) for c in canon]
    governed_kinds = {c.kind for c in canon}
    assigned: list[tuple[Promise, int, str]] = []          # (promise, canonical index, outcome)
    ungoverned: dict[tuple, list[Promise]] = {}

    for p in promises:
        if p.kind not in governed_kinds:
            ungoverned.setdefault((p.kind, ()), []).append(p)
            continue
        if p.kind in LARGER_IS_MORE and _headline(p) == 0 and p.schedule is None:
            # "cannot be returned", "final sale": an exclusion for some items, not the general
            # window; holding it against the official 30 days would flag every exclusion.
            continue
        pscope = tuple(p.scope)
        cands = [i for i, c in enumerate(canon) if c.kind == p.kind and compatible(pscope, cscopes[i])]
        if not cands:
            ungoverned.setdefault((p.kind, pscope), []).append(p)
            continue
        best = max(_specificity(pscope, cscopes[i]) for i in cands)
        tier = [i for i in cands if _specificity(pscope, cscopes[i]) == best]
        results = [(i, *compare_values(p.kind, p, canon[i])) for i in tier]
        # Among equally specific candidates, a promise that agrees with one of them reads as
        # that one (an unscoped "1–2 days" next to express 1–2 and standard 3–5); otherwise it
        # is held against the nearest, so the finding names the closest official value.
        agreeing = [r for r in results if r[1] == "agrees"]
        i, outcome, _ = agreeing[0] if agreeing else min(results, key=lambda r: (r[2], r[0]))
        if outcome == "agrees" and p.schedule is None:
            outcome = _overlap_outcome(p, canon[i])
        assigned.append((p, i, outcome))

    # One finding per (official promise, what the messages say): the same wrong value on five
    # pages is one thing to fix, quoted in five places.
    groups: dict[tuple, list[Promise]] = {}
    for p, i, outcome in assigned:
        if outcome in ("over", "under", "differs"):
            key = (i, outcome, p.kind, tuple(p.scope), p.min, p.max, p.unit, _freeze(p.schedule))
            groups.setdefault(key, []).append(p)
    findings = [_finding(canon[key[0]], key[1], plist) for key, plist in groups.items()]
    findings.sort(key=lambda f: (f.severity != "error", f.kind, f.message, f.fingerprint))

    channels = tuple(ch for ch in CHANNELS if any(p.source.channel == ch for p in promises))
    channels += tuple(sorted({p.source.channel for p in promises} - set(channels)))
    rows = []
    for i, c in enumerate(canon):
        cells = []
        mine = [(p, o) for p, j, o in assigned if j == i]
        for ch in channels:
            statuses = [_OUTCOME_STATUS[o] for p, o in mine if p.source.channel == ch]
            cells.append((ch, min(statuses, key=_RANK.__getitem__) if statuses else "silent"))
        rows.append(GovernanceRow(c.kind, cscopes[i], canonical_value(c), getattr(c, "line", None),
                                  tuple(cells), len(mine)))
    not_governed = tuple(
        NotGoverned(kind, scope, len(plist), tuple(ch for ch in channels if any(p.source.channel == ch for p in plist)))
        for (kind, scope), plist in sorted(ungoverned.items())
    )
    return findings, GovernanceTable(channels, tuple(rows), not_governed)


def _promise_value(p: Promise) -> str:
    return format_schedule(p.schedule) if p.schedule is not None else format_value(p.min, p.max, p.unit)


def _finding(c: Any, outcome: str, plist: list[Promise]) -> Finding:
    p = plist[0]
    places = list(dict.fromkeys(
        f"{q.source.channel} ({q.source.uri}{f':{q.source.line}' if q.source.line is not None else ''})" for q in plist))
    where = ", ".join(places[:3]) + (f" and {len(places) - 3} more" if len(places) > 3 else "")
    cscope = _scope(c)
    official = "the official promise" + (f" for {', '.join(f'{k}={v}' for k, v in cscope)}" if cscope else "")
    verdict = {"over": "over-promise", "under": "under-sells", "differs": "differs"}[outcome]
    message = (f"{kind_label(p.kind)} promised as {_promise_value(p)} on {where} "
               f"but {official} is {canonical_value(c)}: {verdict}")
    severity = "error" if outcome == "over" else "warning"
    fp = digest("canonical_mismatch", p.kind, list(p.scope),
                [c.kind, list(cscope), c.min, c.max, c.unit, _freeze(c.schedule)],
                sorted({_norm(q.text) for q in plist}), size=16)
    return Finding("canonical_mismatch", severity, p.kind, p.subject or kind_label(p.kind).lower(),
                   message, tuple(plist), fp)
