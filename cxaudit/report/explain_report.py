"""`cxaudit explain`: each promise with its value and cue highlighted, the rule, value, scope, confidence."""

from __future__ import annotations

import io
import json

from cxaudit.compare import format_value


def _explained(p) -> dict:
    """A PROMISE with how it was read: the rule, and where the value and its cue stand in the text."""
    d = p.as_dict()
    d["rule"] = p.rule
    d["value_span"] = {"start": p.span[0], "end": p.span[1], "text": p.text[p.span[0]:p.span[1]]}
    d["cue_span"] = ({"start": p.cue[0], "end": p.cue[1], "text": p.text[p.cue[0]:p.cue[1]]}
                     if p.cue[0] >= 0 else {"start": None, "end": None, "text": "(from the heading)"})
    return d


def _scope(p) -> str:
    return ", ".join(f"{k}={v}" for k, v in p.scope)


def format_explain(promises, fmt: str, color: bool = False) -> str:
    if fmt == "json":
        items = [_explained(p) for p in promises]
        return json.dumps({"version": 1, "promises": items}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(_explained(p), ensure_ascii=False) + "\n" for p in promises)
    if fmt == "csv":
        from cxaudit.model import AuditResult
        from cxaudit.report.json_report import format_csv

        return format_csv(AuditResult(promises=tuple(promises)))
    if fmt == "md":
        out = ["| kind | value | scope | qualifier | confidence | rule | sentence |", "|---|---|---|---|---|---|---|"]
        for p in promises:
            out.append(f"| {p.kind} | {format_value(p)} | {_scope(p)} | {p.qualifier} | {p.confidence:.2f} | {p.rule} | {_marked(p)} |")
        if not promises:
            out = ["No promise found."]
        return "\n".join(out) + "\n"
    from rich.console import Console
    from rich.text import Text

    buf = io.StringIO()
    console = Console(file=buf, width=110, force_terminal=color, no_color=not color, highlight=False)
    if not promises:
        console.print("No promise found in this text.")
    for i, p in enumerate(promises, 1):
        t = Text(p.text)
        if p.cue[0] >= 0:
            t.stylize("bold cyan underline", *p.cue)
        t.stylize("bold black on yellow" if color else "bold", *p.span)
        console.print(Text(f"{i}. {p.kind}", style="bold"))
        console.print(Text("   text:  ").append(t))
        console.print(f"   value: {_marked(p, plain=True)}  →  {format_value(p)}  (min={p.min}, max={p.max}, unit={p.unit}, qualifier={p.qualifier})")
        if p.schedule is not None:
            console.print(f"   schedule: {p.as_dict()['schedule']}")
        cue = f"“{p.text[p.cue[0]:p.cue[1]]}”" if p.cue[0] >= 0 else "(heading or table header)"
        console.print(f"   cue:   {cue}   rule: {p.rule}")
        console.print(f"   scope: {_scope(p) or '(none: compared with every scope)'}   subject: {p.subject}", markup=False)
        console.print(f"   confidence: {p.confidence:.2f}")
    return buf.getvalue()


def _marked(p, plain: bool = False) -> str:
    s, e = p.span
    if plain:
        return f"“{p.text[s:e]}”"
    return (p.text[:s] + "**" + p.text[s:e] + "**" + p.text[e:]).replace("|", "\\|")
