"""Score the extractor against the labelled corpus: precision, recall and value accuracy per kind.

    python bench/accuracy.py                      # every tests/accuracy/*.yaml, one table per file
    python bench/accuracy.py --misses             # plus each missed, spurious or misread sentence
    python bench/accuracy.py --kind warranty --misses
    python bench/accuracy.py --json               # machine-readable figures
    python bench/accuracy.py tests/accuracy/en.yaml

The corpus format and the labelling rules are in tests/accuracy/README.md. The gate that holds
these figures above the floors in tests/accuracy/floors.toml is tests/test_accuracy_gate.py.

How a sentence is scored. Gold and predicted promises of the same sentence are paired within a
kind, best value match first (a value match, then agreeing scope, then order of appearance).

- precision      = paired predictions / all predictions (of the SPEC kinds)
- recall         = paired gold promises / all gold promises
- value accuracy = paired promises whose min, max and unit agree after normalising / all pairs
- scope accuracy = gold scope keys that the paired prediction carries with an agreeing value /
                   all gold scope keys of paired promises (informational; not in the gate)

Value normalisation: seconds, minutes, hours, days and weeks are one scale (48h = 2 days,
two weeks = 14 days, 90 seconds = 1.5 minutes); business_days and business_hours are scales
of their own; 12 months = 1 year. A zero duration is zero in any unit (same day = same
business day), an amount of zero is zero in any currency (free is free), and an open value
(min and max both null, as in "lifetime warranty") matches another open value whatever the
unit. Money compares amount and ISO currency. support_hours compares the schedule only:
the set of (day, open, close) it covers, so "Mon-Fri" equals five single days and the time
zone is ignored.

Predictions of kinds outside SPEC.md (rule packs may add kinds) are counted apart and do not
enter the figures. This is a bench: it always exits 0 once it has run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "tests" / "accuracy"

# The SPEC kinds, in SPEC order. Kept here as well as in cxaudit.model so the scorer runs (and
# its own tests run) even when the package is half-built.
KINDS = (
    "delivery_time", "dispatch_time", "return_window", "exchange_window", "refund_time",
    "return_cost", "response_time", "wait_time", "support_hours", "free_shipping_threshold",
    "warranty", "cancellation_window", "price_match_window", "trial_period", "money_back_guarantee",
)
TIME_UNITS = ("seconds", "minutes", "hours", "business_hours", "days", "business_days",
              "weeks", "months", "years")
SCOPE_KEYS = ("service", "region", "medium", "start", "product")
PROMISE_KEYS = {"kind", "min", "max", "unit", "schedule", "scope", "open"}
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")

_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400, "weeks": 604800}
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_ALIASES = {
    "monday": "mon", "tuesday": "tue", "tues": "tue", "wednesday": "wed", "thursday": "thu",
    "thur": "thu", "thurs": "thu", "friday": "fri", "saturday": "sat", "sunday": "sun",
}
_DAY_GROUPS = {
    "weekdays": "mon-fri", "weekday": "mon-fri", "weekends": "sat-sun", "weekend": "sat-sun",
    "daily": "mon-sun", "everyday": "mon-sun", "every day": "mon-sun", "all": "mon-sun",
    "7 days": "mon-sun",
}

Extract = Callable[[str, str], Iterable[Any]]


# ----------------------------------------------------------------------------- corpus


def load_corpus(path: str | Path) -> list[dict[str, Any]]:
    """The labelled items of one corpus file, as written (a YAML list of {text, promises})."""
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, list):
        raise ValueError(f"{path}: the corpus must be a YAML list of {{text, promises}} items")
    return data


def corpus_files(paths: Iterable[str | Path] | None = None) -> list[Path]:
    if paths:
        return [Path(p) for p in paths]
    return sorted(CORPUS_DIR.glob("*.yaml"))


def lang_of(path: str | Path) -> str:
    """The language of a corpus file is its name: en.yaml -> en, zh.yaml -> zh."""
    return Path(path).stem.split(".")[0].split("_")[0]


def validate_corpus(items: list[Any], where: str = "corpus") -> list[str]:
    """Every labelling error in a corpus, one line each; empty when the corpus is well-formed."""
    errors: list[str] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        at = f"{where}[{i}]"
        if not isinstance(item, dict) or set(item) != {"text", "promises"}:
            errors.append(f"{at}: an item has exactly the keys text and promises")
            continue
        text, promises = item["text"], item["promises"]
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{at}: text must be a non-empty string")
            continue
        at = f"{where}[{i}] {text[:50]!r}"
        if text in seen:
            errors.append(f"{at}: duplicate of item {seen[text]}")
        seen.setdefault(text, i)
        if not isinstance(promises, list):
            errors.append(f"{at}: promises must be a list (use [] for none)")
            continue
        for j, p in enumerate(promises):
            errors.extend(f"{at} promise {j}: {e}" for e in _validate_promise(p))
    return errors


def _validate_promise(p: Any) -> list[str]:
    if not isinstance(p, dict):
        return ["a promise is a mapping"]
    errs = []
    extra = set(p) - PROMISE_KEYS
    if extra:
        errs.append(f"unknown keys {sorted(extra)}")
    kind = p.get("kind")
    if kind not in KINDS:
        return errs + [f"unknown kind {kind!r}"]
    unit = p.get("unit")
    if kind == "support_hours":
        if unit is not None:
            errs.append("support_hours has unit null")
        try:
            if not _schedule_set(p.get("schedule")):
                errs.append("support_hours needs a schedule ('24/7' or a list of {days, open, close})")
        except ValueError as exc:
            errs.append(str(exc))
        return errs
    if p.get("schedule") is not None:
        errs.append("only support_hours has a schedule")
    lo, hi = p.get("min"), p.get("max")
    for name, v in (("min", lo), ("max", hi)):
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
            errs.append(f"{name} must be a number or null")
    if lo is None or hi is None:
        if not p.get("open"):
            errs.append("a null min or max needs open: true")
    elif isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and lo > hi:
        errs.append("min > max")
    money = kind in ("free_shipping_threshold", "return_cost")
    if money:
        if unit is not None and not CURRENCY_RE.match(str(unit)):
            errs.append(f"{kind} takes an ISO currency code (or null for free), not {unit!r}")
        if unit is None and not (lo == 0 and hi == 0) and not (kind == "return_cost" and lo is None and hi is None):
            errs.append("a money value other than 0 (or a return paid by the customer, min and max null) needs its currency")
    elif unit not in TIME_UNITS:
        errs.append(f"{kind} takes a time unit {TIME_UNITS}, not {unit!r}")
    scope = p.get("scope") or {}
    if not isinstance(scope, dict) or set(scope) - set(SCOPE_KEYS):
        errs.append(f"scope keys are {SCOPE_KEYS}")
    return errs


# ----------------------------------------------------------------------------- values


def _num(x: Any) -> float | None:
    return None if x is None else float(x)


def canonical_value(kind: str, lo: Any, hi: Any, unit: Any) -> tuple:
    """A comparable form of (min, max, unit); equal forms mean the same promise value."""
    lo, hi = _num(lo), _num(hi)
    unit = unit if unit is None else str(unit)
    if lo is None and hi is None:
        return ("open",)
    if lo == 0 and hi == 0:
        return ("zero",)              # zero days = same business day; free in any currency
    if unit in _SECONDS:
        f = _SECONDS[unit]
        return ("time", _r(lo, f), _r(hi, f))
    if unit == "years":
        return ("months", _r(lo, 12), _r(hi, 12))
    if unit in ("months", "business_days", "business_hours"):
        return (unit, _r(lo, 1), _r(hi, 1))
    return ("amount", unit.upper() if unit else None, _r(lo, 1), _r(hi, 1))


def _r(x: float | None, factor: float) -> float | None:
    return None if x is None else round(x * factor, 6)


def _hhmm(value: Any, closing: bool = False) -> str:
    s = str(value).strip().lower().replace("a.m.", "am").replace("p.m.", "pm").replace(".", ":")
    if s in ("noon", "midday"):
        return "12:00"
    if s == "midnight":
        return "24:00" if closing else "00:00"
    m = re.match(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a|p)?$", s)
    if not m:
        raise ValueError(f"unreadable time {value!r}")
    h, mins, ampm = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if ampm and ampm.startswith("p") and h != 12:
        h += 12
    if ampm and ampm.startswith("a") and h == 12:
        h = 0
    if closing and (h, mins) in ((0, 0), (23, 59)):
        h, mins = 24, 0
    return f"{h:02d}:{mins:02d}"


def _day_set(spec: Any) -> list[str]:
    s = str(spec).strip().lower().replace("–", "-").replace("—", "-")
    s = _DAY_GROUPS.get(s, s)
    out: list[str] = []
    for part in re.split(r"\s*(?:,|/|&|\band\b)\s*", s):
        part = part.strip()
        if not part:
            continue
        part = _DAY_GROUPS.get(part, part)
        ends = [e.strip() for e in re.split(r"\s*(?:-|\bto\b|\bthrough\b|\bthru\b)\s*", part) if e.strip()]
        ends = [_DAY_ALIASES.get(e, e[:3]) for e in ends]
        if any(e not in _DAYS for e in ends) or len(ends) not in (1, 2):
            raise ValueError(f"unreadable days {spec!r}")
        a = _DAYS.index(ends[0])
        b = _DAYS.index(ends[-1])
        n = (b - a) % 7
        out.extend(_DAYS[(a + k) % 7] for k in range(n + 1))
    return out


def _schedule_set(schedule: Any) -> frozenset | str | None:
    """A schedule as the set of (day, open, close) it covers; '24/7' when it covers all week."""
    if schedule is None:
        return None
    if isinstance(schedule, str):
        s = schedule.strip().lower().replace(" ", "")
        if s in ("24/7", "24x7", "24-7"):
            return "24/7"
        raise ValueError(f"unreadable schedule {schedule!r}")
    out = set()
    for entry in schedule:
        e = dict(entry)  # accepts dicts and the model's tuples of (key, value) pairs
        if e.get("closed") or e.get("open") in (None, "", "closed"):
            continue
        if "days" not in e or "close" not in e:
            raise ValueError(f"schedule entry {e!r} needs days, open and close")
        opening, closing = _hhmm(e["open"]), _hhmm(e["close"], closing=True)
        for d in _day_set(e["days"]):
            out.add((d, opening, closing))
    if {(d, "00:00", "24:00") for d in _DAYS} <= out:
        return "24/7"
    return frozenset(out)


def value_equal(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    kind = gold["kind"]
    if kind == "support_hours":
        try:
            return _schedule_set(gold.get("schedule")) == _schedule_set(pred.get("schedule"))
        except (ValueError, TypeError):
            return False
    g = canonical_value(kind, gold.get("min"), gold.get("max"), gold.get("unit"))
    p = canonical_value(kind, pred.get("min"), pred.get("max"), pred.get("unit"))
    if g == p:
        return True
    # Money: a gold label without currency (only allowed for 0) was handled by "zero" above.
    return False


def _scope_norm(v: Any) -> str:
    return re.sub(r"[\s_-]+", " ", str(v).strip().lower())


def scope_hits(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[int, int]:
    """(agreeing keys, gold keys): a key agrees when one value contains the other."""
    gs = gold.get("scope") or {}
    ps = {k: _scope_norm(v) for k, v in (pred.get("scope") or {}).items()}
    hit = 0
    for k, v in gs.items():
        gv = _scope_norm(v)
        pv = ps.get(k)
        if pv and (gv in pv or pv in gv):
            hit += 1
    return hit, len(gs)


# ----------------------------------------------------------------------------- scoring


def as_record(p: Any) -> dict[str, Any]:
    """A predicted promise (cxaudit.model.Promise, or a plain dict in tests) as a plain dict."""
    if isinstance(p, dict):
        rec = dict(p)
        rec.setdefault("scope", {})
        return rec
    scope = getattr(p, "scope_dict", None)
    if scope is None:
        scope = dict(getattr(p, "scope", ()) or ())
    schedule = getattr(p, "schedule", None)
    if schedule is not None and not isinstance(schedule, str):
        schedule = [dict(e) for e in schedule]  # the model keeps entries as (key, value) tuples
    return {"kind": p.kind, "min": p.min, "max": p.max, "unit": p.unit,
            "schedule": schedule, "scope": dict(scope)}


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_ok: int = 0
    scope_hit: int = 0
    scope_total: int = 0

    def add(self, other: "Tally") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def value_accuracy(self) -> float | None:
        return self.value_ok / self.matched if self.matched else None

    @property
    def scope_accuracy(self) -> float | None:
        return self.scope_hit / self.scope_total if self.scope_total else None

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: getattr(self, k) for k in ("gold", "predicted", "matched", "value_ok")}
        for k in ("precision", "recall", "value_accuracy", "scope_accuracy"):
            v = getattr(self, k)
            out[k] = None if v is None else round(v, 4)
        return out


@dataclass
class SentenceResult:
    text: str
    gold: list[dict[str, Any]]
    predicted: list[dict[str, Any]]
    pairs: list[tuple[int, int, bool]]   # (gold index, predicted index, value equal)
    error: str | None = None

    @property
    def missed(self) -> list[dict[str, Any]]:
        paired = {g for g, _, _ in self.pairs}
        return [g for i, g in enumerate(self.gold) if i not in paired]

    @property
    def spurious(self) -> list[dict[str, Any]]:
        paired = {p for _, p, _ in self.pairs}
        return [p for i, p in enumerate(self.predicted) if i not in paired]

    @property
    def misread(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        return [(self.gold[g], self.predicted[p]) for g, p, ok in self.pairs if not ok]

    @property
    def clean(self) -> bool:
        return not (self.error or self.missed or self.spurious or self.misread)


@dataclass
class FileReport:
    file: str
    lang: str
    sentences: int = 0
    negatives: int = 0
    overall: Tally = field(default_factory=Tally)
    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    results: list[SentenceResult] = field(default_factory=list)
    other_kinds: dict[str, int] = field(default_factory=dict)   # predictions of non-SPEC kinds

    @property
    def errors(self) -> list[SentenceResult]:
        return [r for r in self.results if r.error]

    def as_dict(self, misses: bool = False, kind: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "file": self.file, "lang": self.lang, "sentences": self.sentences,
            "negatives": self.negatives, "overall": self.overall.figures(),
            "kinds": {k: t.figures() for k, t in self.kinds.items()},
            "other_kinds": dict(sorted(self.other_kinds.items())),
            "errors": [{"text": r.text, "error": r.error} for r in self.errors],
        }
        if misses:
            out["misses"] = [_miss_dict(r) for r in self.results if not r.clean and _touches(r, kind)]
        return out


def pair_sentence(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, int, bool]]:
    """Pair gold and predicted promises of one sentence within each kind, best value match first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g["kind"] != p["kind"]:
                continue
            ok = value_equal(g, p)
            hit, _ = scope_hits(g, p)
            # sort key: value match first, then scope agreement, then reading order
            candidates.append(((not ok, -hit, abs(gi - pi), gi, pi), gi, pi, ok))
    candidates.sort(key=lambda c: c[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi, ok in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi, ok))
    return sorted(pairs)


def score(items: list[dict[str, Any]], extract: Extract, lang: str = "en", file: str = "") -> FileReport:
    """Run `extract(text, lang)` over every item and tally the figures."""
    rep = FileReport(file=file, lang=lang)
    for item in items:
        text = item["text"]
        gold = [dict(g, scope=g.get("scope") or {}) for g in item.get("promises") or []]
        error = None
        try:
            raw = [as_record(p) for p in extract(text, lang)]
        except Exception as exc:  # a crash on one sentence is a finding, not the end of the run
            raw, error = [], f"{type(exc).__name__}: {exc}"
        predicted = []
        for p in raw:
            if p.get("kind") in KINDS:
                predicted.append(p)
            else:
                rep.other_kinds[str(p.get("kind"))] = rep.other_kinds.get(str(p.get("kind")), 0) + 1
        pairs = pair_sentence(gold, predicted)
        res = SentenceResult(text, gold, predicted, pairs, error)
        rep.results.append(res)
        rep.sentences += 1
        rep.negatives += not gold
        per: dict[str, Tally] = {}
        for g in gold:
            per.setdefault(g["kind"], Tally()).gold += 1
        for p in predicted:
            per.setdefault(p["kind"], Tally()).predicted += 1
        for gi, pi, ok in pairs:
            t = per[gold[gi]["kind"]]
            t.matched += 1
            t.value_ok += ok
            hit, total = scope_hits(gold[gi], predicted[pi])
            t.scope_hit += hit
            t.scope_total += total
        for k, t in per.items():
            rep.kinds[k].add(t)
            rep.overall.add(t)
    return rep


def real_extractor() -> Extract:
    """cxaudit.api.extract_text, imported only when a real run needs it."""
    from cxaudit.api import extract_text  # noqa: PLC0415 (lazy on purpose: the scorer works without it)

    return lambda text, lang: extract_text(text, lang=lang)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def score_file(path: str | Path, extract: Extract | None = None) -> FileReport:
    extract = extract or real_extractor()
    path = Path(path)
    return score(load_corpus(path), extract, lang=lang_of(path), file=_shown(path))


# ----------------------------------------------------------------------------- output


def _pct(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def render_table(rep: FileReport) -> str:
    head = f"{'kind':<24} {'gold':>5} {'pred':>5} {'prec':>6} {'recall':>6} {'value':>6} {'scope':>6}"
    lines = [f"{rep.file}  (lang {rep.lang}: {rep.sentences} sentences, {rep.negatives} with no promise)",
             head, "-" * len(head)]
    for k in KINDS:
        t = rep.kinds[k]
        lines.append(f"{k:<24} {t.gold:>5} {t.predicted:>5} {_pct(t.precision):>6} {_pct(t.recall):>6} "
                     f"{_pct(t.value_accuracy):>6} {_pct(t.scope_accuracy):>6}")
    lines.append("-" * len(head))
    t = rep.overall
    lines.append(f"{'overall':<24} {t.gold:>5} {t.predicted:>5} {_pct(t.precision):>6} {_pct(t.recall):>6} "
                 f"{_pct(t.value_accuracy):>6} {_pct(t.scope_accuracy):>6}")
    if rep.other_kinds:
        lines.append("not scored (kinds outside SPEC): "
                     + ", ".join(f"{k} {n}" for k, n in sorted(rep.other_kinds.items())))
    if rep.errors:
        lines.append(f"extractor raised on {len(rep.errors)} sentence(s); see --misses")
    return "\n".join(lines)


def _show(p: dict[str, Any]) -> str:
    if p["kind"] == "support_hours":
        val = json.dumps(p.get("schedule"), ensure_ascii=False, default=list)
    else:
        lo, hi = p.get("min"), p.get("max")
        val = (f"{_n(lo)}" if lo == hi else f"{_n(lo)}-{_n(hi)}") + f" {_n(p.get('unit'))}"
    scope = p.get("scope") or {}
    sc = (" " + json.dumps(scope, ensure_ascii=False, sort_keys=True)) if scope else ""
    return f"{p['kind']} {val}{sc}"


def _n(x: Any) -> str:
    if x is None:
        return "null"
    if isinstance(x, str):
        return x
    return str(int(x)) if float(x).is_integer() else str(x)


def _touches(r: SentenceResult, kind: str | None) -> bool:
    """Whether the sentence has a problem with this kind (any problem when kind is None)."""
    if kind is None or r.error:
        return True
    return any(p["kind"] == kind for p in r.missed + r.spurious + [g for g, _ in r.misread])


def _miss_dict(r: SentenceResult) -> dict[str, Any]:
    return {"text": r.text, "error": r.error,
            "missed": [_show(g) for g in r.missed],
            "spurious": [_show(p) for p in r.spurious],
            "misread": [{"gold": _show(g), "predicted": _show(p)} for g, p in r.misread]}


def render_misses(rep: FileReport, kind: str | None = None) -> str:
    out = []
    for r in rep.results:
        if r.clean or not _touches(r, kind):
            continue
        out.append(f"- {r.text}")
        if r.error:
            out.append(f"    ERROR     {r.error}")
        for g in r.missed:
            if kind is None or g["kind"] == kind:
                out.append(f"    MISSED    {_show(g)}")
        for p in r.spurious:
            if kind is None or p["kind"] == kind:
                out.append(f"    SPURIOUS  {_show(p)}")
        for g, p in r.misread:
            if kind is None or g["kind"] == kind:
                out.append(f"    MISREAD   gold {_show(g)}  |  read {_show(p)}")
    return "\n".join(out) if out else "(no misses)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="corpus files (default: tests/accuracy/*.yaml)")
    ap.add_argument("--misses", action="store_true", help="list missed, spurious and misread sentences")
    ap.add_argument("--kind", choices=KINDS, help="with --misses: only sentences involving this kind")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    try:
        extract = real_extractor()
    except ImportError as exc:
        print(f"accuracy: cannot import cxaudit.api.extract_text ({exc}); nothing scored", file=sys.stderr)
        return 0
    reports = []
    for path in corpus_files(args.files):
        items = load_corpus(path)
        for problem in validate_corpus(items, _shown(path)):
            print(f"accuracy: corpus label problem: {problem}", file=sys.stderr)
        reports.append(score(items, extract, lang=lang_of(path), file=_shown(path)))

    if args.json:
        print(json.dumps({"version": 1, "files": [r.as_dict(args.misses, args.kind) for r in reports]},
                         indent=2, ensure_ascii=False))
        return 0
    for i, rep in enumerate(reports):
        if i:
            print()
        print(render_table(rep))
        if args.misses:
            print()
            print(render_misses(rep, args.kind))
    return 0


if __name__ == "__main__":
    sys.exit(main())
