"""The Markdown discrepancy report: something a reviewer can hand to whoever must fix the page."""

from __future__ import annotations

from collections import defaultdict

from cxaudit.compare import format_value
from cxaudit.model import CHANNELS, AuditResult, Finding, Promise

LOW_CONFIDENCE = 0.6


def _esc(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def location(uri: str, line: int | None) -> str:
    """'file.html:42', or 'policy.pdf p. 3' (a PDF block's line is its page)."""
    if line is None:
        return uri
    return f"{uri} p. {line}" if uri.lower().endswith(".pdf") else f"{uri}:{line}"


def _where(p: Promise) -> str:
    s = p.source
    loc = location(s.uri, s.line)
    where = f"`{s.uri}`" + loc[len(s.uri):]
    if s.heading:
        where += f" — {_esc(s.heading)}"
    if p.pages > 1:
        where += f" (on {p.pages} pages)"
    return where


def _value(p: Promise) -> str:
    v = format_value(p)
    return v + (" ⚠ low confidence" if p.confidence < LOW_CONFIDENCE else "")


def format_markdown(result: AuditResult, *, audit: bool = True, title: str = "cxaudit report") -> str:
    lines: list[str] = [f"# {title}", ""]
    counts = result.counts()
    lines += ["## Summary", "", "| documents | not read | skipped | promises | errors | warnings | info |",
              "|---:|---:|---:|---:|---:|---:|---:|",
              f"| {result.documents} | {len(result.not_read)} | {result.skipped} | {len(result.promises)} | "
              f"{counts['error']} | {counts['warning']} | {counts['info']} |", ""]
    if result.incomplete:
        lines += ["> **Incomplete:** the run was interrupted or ran out of its time budget; "
                  "this report covers what was read until then.", ""]
    if result.suppressed:
        lines += [f"{result.suppressed} finding(s) suppressed by inline comments or the baseline.", ""]
    extra = result.extra
    if audit and extra.get("canonical_md"):
        lines += ["## Official promises", "", "Each official promise (`[[promise]]` in the config) and whether each channel agrees.",
                  "", extra["canonical_md"].rstrip(), ""]
    if audit and extra.get("scorecard_md"):
        lines += ["## Touchpoint scorecard", "", "Start with the worst touchpoints.", "", extra["scorecard_md"].rstrip(), ""]
    if audit:
        lines += ["## Findings", ""]
        if not result.findings:
            lines += ["No disagreements found.", ""]
        for i, f in enumerate(result.findings, 1):
            lines += _finding(i, f)
    lines += _matrix(result.promises)
    if result.not_read:
        lines += ["## Not read", "", "| source | reason |", "|---|---|"]
        lines += [f"| `{_esc(n.uri)}` | {_esc(n.reason)} |" for n in result.not_read]
        lines.append("")
    if result.skipped_files:
        lines += ["## Skipped", "", "Files of a readable type that held no customer text. Check that none of them "
                  "should have been read.", "", "| source | reason |", "|---|---|"]
        lines += [f"| `{_esc(n.uri)}` | {_esc(n.reason)} |" for n in result.skipped_files]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _finding(i: int, f: Finding) -> list[str]:
    badge = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}.get(f.severity, f.severity)
    out = [f"### {i}. {_esc(f.message)}", "",
           f"{badge} · `{f.rule}` · kind `{f.kind}` · subject *{_esc(f.subject)}* · id `{f.id}`", "",
           "| channel | says | where | message |", "|---|---|---|---|"]
    for p in f.promises:
        out.append(f"| {p.source.channel} | **{_esc(_value(p))}** | {_where(p)} | {_esc(p.text)} |")
    out.append("")
    return out


def _matrix(promises) -> list[str]:
    """Kind × channel: the values each channel states."""
    if not promises:
        return ["## Promise matrix", "", "No promises found.", ""]
    cells: dict[tuple[str, str], set[str]] = defaultdict(set)
    channels = set()
    for p in promises:
        label = format_value(p)
        if p.scope:
            label += f" ({', '.join(f'{v}' for _, v in p.scope)})"
        cells[(p.kind, p.source.channel)].add(label)
        channels.add(p.source.channel)
    cols = [c for c in CHANNELS if c in channels]
    out = ["## Promise matrix", "", "| kind | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    for kind in sorted({k for k, _ in cells}):
        row = [("<br>".join(_esc(v) for v in sorted(cells.get((kind, c), ())))) or "—" for c in cols]
        out.append(f"| {kind} | " + " | ".join(row) + " |")
    out.append("")
    return out
