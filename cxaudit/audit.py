"""The audit job as a library call: run the pipeline, compare, apply canonical promises,
suppressions, severities and the baseline. The CLI only parses, calls this, writes and exits."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, replace
from typing import Any

from cxaudit import pipeline
from cxaudit.compare import compare, sort_findings
from cxaudit.model import AuditResult, Finding


RULE_NAMES = {"contradiction", "inconsistency", "canonical_mismatch", "unmet_promise"}


@dataclass(frozen=True)
class AuditSettings:
    fail_on: str = "error"
    select: tuple[str, ...] = ()        # kinds or rules to keep (empty = all)
    ignore: tuple[str, ...] = ()        # kinds or rules to drop
    severity: tuple[tuple[str, str], ...] = ()   # (rule or kind, severity)
    canonical: tuple = ()               # config.CanonicalPromise
    baseline: str | None = None
    update_baseline: bool = False
    today: dt.date | None = None


def _selected(name_kind: tuple[str, str], select, ignore) -> bool:
    rule, kind = name_kind
    rules = set(select) & RULE_NAMES
    kinds = set(select) - RULE_NAMES
    if (rules and rule not in rules) or (kinds and kind not in kinds):
        return False
    return not (rule in ignore or kind in ignore)


def _suppressed_inline(f: Finding) -> bool:
    for p in f.promises:
        for name in p.suppress:
            if name in ("*", f.kind, f.rule):
                return True
    return False


def run_audit(opts: pipeline.Options, settings: AuditSettings, progress=None,
              stop: threading.Event | None = None) -> AuditResult:
    result = pipeline.run(opts, progress=progress, stop=stop)
    kinds = set(settings.select) - RULE_NAMES
    promises = [p for p in result.promises if p.kind not in settings.ignore and (not kinds or p.kind in kinds)]
    findings = compare(promises)
    extra: dict[str, Any] = {}
    if settings.canonical:
        from cxaudit.canonical import check_canonical

        canon_findings, table = check_canonical(promises, settings.canonical)
        findings.extend(canon_findings)
        extra.update(_canonical_extra(table))
    findings = [f for f in findings if _selected((f.rule, f.kind), settings.select, settings.ignore)]
    overrides = dict(settings.severity)
    findings = [replace(f, severity=overrides.get(f.rule, overrides.get(f.kind, f.severity))) for f in findings]
    findings = [f for f in findings if f.severity != "off"]
    kept = [f for f in findings if not _suppressed_inline(f)]
    suppressed = len(findings) - len(kept)
    if settings.baseline and not settings.update_baseline:
        from cxaudit.baseline import apply_baseline, load_baseline

        outcome = apply_baseline(kept, load_baseline(settings.baseline), settings.today or dt.date.today())
        suppressed += len(outcome.suppressed)
        kept = list(outcome.kept)
        extra["baseline"] = {
            "file": settings.baseline, "suppressed": len(outcome.suppressed),
            "expired": [_entry_dict(e) for e in outcome.expired], "fixed": [_entry_dict(e) for e in outcome.fixed],
        }
    kept = sort_findings(kept)
    try:
        from cxaudit.scorecard import scorecard

        card = scorecard(kept, promises)
        extra["scorecard"] = card.as_dict()
        if hasattr(card, "as_markdown"):
            extra["scorecard_md"] = card.as_markdown()
    except ImportError:
        pass
    return replace(result, findings=tuple(kept), suppressed=suppressed, extra=extra)


def _entry_dict(e) -> dict:
    if isinstance(e, dict):
        return e
    if hasattr(e, "as_dict"):
        return e.as_dict()
    return dict(vars(e))


def _canonical_extra(table) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if hasattr(table, "as_dict"):
        d = table.as_dict()
        out["canonical"] = d
        if isinstance(d, dict) and "not_governed" in d:
            out["not_governed"] = d["not_governed"]
    if hasattr(table, "as_markdown"):
        out["canonical_md"] = table.as_markdown()
    return out


def exit_code(result: AuditResult, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    levels = ["error"] if fail_on == "error" else ["error", "warning"] if fail_on == "warning" else ["error", "warning", "info"]
    return 1 if any(f.severity in levels for f in result.findings) else 0
