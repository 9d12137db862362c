"""Terminal rendering with rich: summary, findings side by side, not-read list."""

from __future__ import annotations

import io

from cxaudit.compare import format_value
from cxaudit.model import AuditResult
from cxaudit.report.markdown_report import LOW_CONFIDENCE, location

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(result: AuditResult, *, audit: bool, width: int | None = None, color: bool = False) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buf = io.StringIO()
    console = Console(file=buf, width=width or 120, force_terminal=color, no_color=not color,
                      color_system="auto" if color else None, highlight=False)
    if audit:
        for r in result.extra.get("renderables", ()):
            console.print(r)
        if result.findings:
            t = Table(title="Findings", show_lines=True, expand=True)
            t.add_column("#", justify="right", width=3)
            t.add_column("severity", width=9)
            t.add_column("finding", ratio=2)
            t.add_column("messages involved", ratio=3)
            for i, f in enumerate(result.findings, 1):
                msgs = Text()
                for j, p in enumerate(f.promises):
                    if j:
                        msgs.append("\n")
                    loc = location(p.source.uri, p.source.line)
                    pages = f" ×{p.pages} pages" if p.pages > 1 else ""
                    low = " (low confidence)" if p.confidence < LOW_CONFIDENCE else ""
                    msgs.append(f"{format_value(p)}{low}", style="bold")
                    msgs.append(f"  [{p.source.channel}] {loc}{pages}\n  “{p.text}”")
                t.add_row(str(i), Text(f.severity, style=_STYLE.get(f.severity, "")),
                          Text(f"{f.message}\n{f.rule} · {f.kind} · {f.id}"), msgs)
            console.print(t)
        else:
            console.print("[green]No disagreements found.[/green]")
    else:
        t = Table(title="Promises", expand=True)
        for col in ("kind", "value", "scope", "channel", "where", "text"):
            t.add_column(col, overflow="fold")
        for p in result.promises:
            loc = location(p.source.uri, p.source.line)
            scope = ", ".join(f"{k}={v}" for k, v in p.scope)
            t.add_row(p.kind, format_value(p), scope, p.source.channel, loc + (f" ×{p.pages}" if p.pages > 1 else ""), p.text)
        console.print(t)
    if result.not_read:
        t = Table(title="Not read", expand=True)
        t.add_column("source", overflow="fold")
        t.add_column("reason", overflow="fold")
        for n in result.not_read:
            t.add_row(n.uri, n.reason)
        console.print(t)
    for n in result.skipped_files:
        console.print(f"skipped {n.uri}: {n.reason}", style="dim", markup=False, highlight=False)
    c = result.counts()
    summary = (f"{result.documents} documents read, {len(result.not_read)} not read, {result.skipped} skipped, "
               f"{len(result.promises)} promises")
    if audit:
        summary += f"; findings: {c['error']} error, {c['warning']} warning, {c['info']} info"
        if result.suppressed:
            summary += f"; {result.suppressed} suppressed"
    if result.incomplete:
        summary += " — INCOMPLETE (interrupted or out of time)"
    console.print(summary)
    return buf.getvalue()
