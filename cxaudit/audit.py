"""The audit job as a library call: run the pipeline, compare, apply canonical promises,
suppressions, severities and the baseline. The CLI only parses, calls this, writes and exits."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from typing import Any

from cxaudit import pipeline
from cxaudit.compare import compare, sort_findings
from cxaudit.config import AuditSettings
from cxaudit.model import AuditResult, Finding


def _suppressed_inline(f: Finding) -> bool:
    return any(name in ("*", f.kind, f.rule) for p in f.promises for name in p.suppress)


def run_audit(opts: pipeline.Options, settings: AuditSettings, *, canonical: tuple = (),
              baseline: str | None = None, today: dt.date | None = None, progress=None,
              stop: threading.Event | None = None, changed: frozenset[str] | None = None) -> AuditResult:
    """settings: the [audit] table (select/ignore/severity); canonical: the [[promise]] entries;
    baseline: a file whose findings are suppressed (None to report everything)."""
    result = pipeline.run(opts, progress=progress, stop=stop)
    promises = [p for p in result.promises if settings.wants_kind(p.kind)]
    findings = compare(promises)
    extra: dict[str, Any] = {}
    if canonical:
        from cxaudit.canonical import check_canonical

        canon_findings, table = check_canonical(promises, canonical)
        findings.extend(canon_findings)
        extra["canonical"] = table.as_dict()
        extra["not_governed"] = [n.as_dict() for n in table.not_governed]
        extra["canonical_md"] = table.to_markdown()
        extra["renderables"] = [table.to_rich()]
    findings = [replace(f, severity=settings.severity_for(f.rule, f.kind, f.severity))
                for f in findings if settings.selected(f.rule, f.kind)]
    findings = [f for f in findings if f.severity != "off"]
    kept = [f for f in findings if not _suppressed_inline(f)]
    suppressed = len(findings) - len(kept)
    if baseline:
        from cxaudit.baseline import apply_baseline, load_baseline

        outcome = apply_baseline(kept, load_baseline(baseline, missing_ok=True), today or dt.date.today())
        suppressed += len(outcome.suppressed)
        kept = list(outcome.kept)
        extra["baseline"] = {"file": baseline, **outcome.as_dict()}
    if changed is not None:
        # --changed-only: compare everything, report what touches a changed file.
        kept = [f for f in kept if any(_abs(p.source.uri) in changed for p in f.promises)]
    kept = sort_findings(kept)
    from cxaudit.scorecard import scorecard

    card = scorecard(kept, promises)
    extra["scorecard"] = card.as_dict()
    extra["scorecard_md"] = card.to_markdown()
    extra.setdefault("renderables", []).append(card.to_rich())
    return replace(result, findings=tuple(kept), suppressed=suppressed, extra=extra)


def exit_code(result: AuditResult, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    levels = {"error": ("error",), "warning": ("error", "warning"), "info": ("error", "warning", "info")}[fail_on]
    return 1 if any(f.severity in levels for f in result.findings) else 0


def _abs(uri: str) -> str:
    import os

    return uri if uri.startswith(("http://", "https://")) else os.path.abspath(uri)


def changed_files(ref: str) -> frozenset[str]:
    """Absolute paths of files changed since git REF (committed, staged, unstaged, untracked)."""
    import os
    import subprocess

    from cxaudit.errors import UsageError

    def git(*args: str) -> list[str]:
        try:
            out = subprocess.run(["git", *args], capture_output=True, text=True, check=True, timeout=60)
        except FileNotFoundError:
            raise UsageError("--changed-only needs git on PATH") from None
        except subprocess.CalledProcessError as err:
            raise UsageError(f"--changed-only {ref}: git said: {(err.stderr or '').strip().splitlines()[-1:] or ['error']}") from None
        return [line for line in out.stdout.splitlines() if line]

    top = git("rev-parse", "--show-toplevel")[0]
    names = git("diff", "--name-only", ref) + git("ls-files", "--others", "--exclude-standard")
    return frozenset(os.path.abspath(os.path.join(top, n)) for n in names)
