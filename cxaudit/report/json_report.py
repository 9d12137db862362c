"""JSON, JSON Lines and CSV renderings of a result (SPEC.md "JSON shape")."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from cxaudit.model import AuditResult

VERSION = 1


def as_dict(result: AuditResult, *, audit: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"version": VERSION, "promises": [p.as_dict() for p in result.promises],
                           "not_read": [n.as_dict() for n in result.not_read]}
    if audit:
        out["findings"] = [f.as_dict() for f in result.findings]
        summary = result.summary()
        # "skipped" names each file it counts (readable types that held no customer text);
        # files of other types are only counted, as "unsupported".
        out["skipped"] = [n.as_dict() for n in result.skipped_files]
        summary["skipped"] = len(out["skipped"])
        summary["unsupported"] = max(0, result.skipped - len(out["skipped"]))
        summary["suppressed"] = result.suppressed
        out["summary"] = summary
        for key in ("canonical", "not_governed", "scorecard", "baseline"):
            if key in result.extra:
                out[key] = result.extra[key]
    return out


def format_json(result: AuditResult, *, audit: bool) -> str:
    return json.dumps(as_dict(result, audit=audit), indent=2, ensure_ascii=False) + "\n"


def format_jsonl(result: AuditResult, *, audit: bool) -> str:
    items = [f.as_dict() for f in result.findings] if audit else [p.as_dict() for p in result.promises]
    return "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)


CSV_COLUMNS = ["id", "kind", "subject", "scope", "min", "max", "unit", "qualifier", "schedule", "text",
               "uri", "channel", "line", "heading", "lang", "confidence", "pages"]


def format_csv(result: AuditResult, *, audit: bool = False) -> str:
    """One promise a row; an audit adds a `findings` column: the ids of the findings quoting it."""
    quoted: dict[str, list[str]] = {}
    for f in result.findings:
        for p in f.promises:
            ids = quoted.setdefault(p.id, [])
            if f.id not in ids:
                ids.append(f.id)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS + (["findings"] if audit else []))
    for p in result.promises:
        d = p.as_dict()
        src = d["source"]
        row = [d["id"], d["kind"], d["subject"], json.dumps(d["scope"], ensure_ascii=False) if d["scope"] else "",
               _cell(d["min"]), _cell(d["max"]), d["unit"] or "", d["qualifier"],
               json.dumps(d["schedule"], ensure_ascii=False) if d["schedule"] else "", d["text"],
               src["uri"], src["channel"], _cell(src["line"]), src["heading"] or "", d["lang"],
               d["confidence"], d["pages"]]
        w.writerow(row + ([" ".join(quoted.get(d["id"], ()))] if audit else []))
    return buf.getvalue()


def _cell(x: Any) -> str:
    return "" if x is None else str(x)
