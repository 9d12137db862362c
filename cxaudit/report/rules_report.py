"""`cxaudit rules`: the rule packs loaded, their kinds, languages and cases."""

from __future__ import annotations

import io
import json


def format_rules(rs, fmt: str, kind: str | None = None) -> str:
    packs = [p for p in rs.packs if kind is None or p.kind == kind]
    if fmt == "json":
        return json.dumps({"version": 1, "source": rs.source, "packs": [
            {"kind": p.kind, "lang": p.lang, "summary": p.summary, "values": sorted(p.values),
             "cues": len(p.strong) + len(p.weak), "cases": {k: len(v) for k, v in p.cases.items()},
             "file": p.path, **({"doc": p.doc} if kind else {})} for p in packs]}, indent=2, ensure_ascii=False) + "\n"
    if kind:
        out = []
        for p in packs:
            out += [f"# {p.kind} ({p.lang}) — {p.path}", "", p.summary, "", p.doc.strip(), ""]
            for c in p.cases.get("match", []):
                out.append(f"  matches:     {c['text'] if isinstance(c, dict) else c}")
            for c in p.cases.get("no_match", []):
                out.append(f"  not matched: {c}")
            out.append("")
        return "\n".join(out)
    if fmt == "md":
        lines = ["| kind | lang | values | cues | summary |", "|---|---|---|---|---|"]
        for p in packs:
            lines.append(f"| {p.kind} | {p.lang} | {', '.join(sorted(p.values))} | {len(p.strong) + len(p.weak)} | {p.summary} |")
        return "\n".join(lines) + "\n"
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    console = Console(file=buf, width=120, highlight=False)
    t = Table(title=f"Rule packs ({rs.source})")
    for col in ("kind", "lang", "values", "cues", "summary"):
        t.add_column(col, overflow="fold")
    for p in packs:
        t.add_row(p.kind, p.lang, ", ".join(sorted(p.values)), str(len(p.strong) + len(p.weak)), p.summary)
    console.print(t)
    console.print(f"{len(rs.kinds)} kinds, languages: {', '.join(rs.langs)}")
    return buf.getvalue()
