"""SARIF 2.1.0 for code scanning: one rule per rule/kind, results placed in repository files (or at absolute URIs)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote

from .. import __version__
from ..model import AuditResult, Finding, Promise

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/cxaudit/"
FINGERPRINT_KEY = "cxaudit/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

# Formats whose Block.line is a real text line a code viewer can jump to.
LINE_SUFFIXES = frozenset({".html", ".htm", ".md", ".markdown", ".txt", ".json", ".yaml", ".yml", ".toml"})
# Formats whose Block.line is a page number.
PAGE_SUFFIXES = frozenset({".pdf"})

KIND_LABELS = {
    "delivery_time": "delivery time", "dispatch_time": "dispatch time", "return_window": "return window",
    "exchange_window": "exchange window", "refund_time": "refund time", "return_cost": "return cost",
    "response_time": "response time", "wait_time": "wait time", "support_hours": "support hours",
    "free_shipping_threshold": "free-shipping threshold", "warranty": "warranty",
    "cancellation_window": "cancellation window", "price_match_window": "price-match window",
    "trial_period": "trial period", "money_back_guarantee": "money-back guarantee",
}

_BASELINE_TIP = ("To accept it for now, record it in the baseline (`cxaudit audit ... --baseline FILE "
                 "--update-baseline`) and add a `reason` and an `expires` date to its entry.")

# (default level, short, what it means, how to fix); {label} is the kind's label.
RULE_DOCS: dict[str, tuple[str, str, str, str]] = {
    "contradiction": (
        "error",
        "Contradictory {label} promises",
        "Two or more messages promise a {label} that cannot both be true, such as 30 days in one "
        "place and 14 days in another. A customer who reads one and is held to the other has been misled.",
        "Decide which value is right (usually the policy, or the official `[[promise]]` in "
        "cxaudit.toml) and change every message that says otherwise. If the messages are about "
        "different cases (region, service, product), say so in the wording so that each reads as "
        "its own promise.",
    ),
    "inconsistency": (
        "warning",
        "Inconsistent {label} promises",
        "The messages about the {label} overlap but do not say the same thing (3-5 days against 2-7 "
        "days, \"up to 30 days\" against \"30 days\", business days against calendar days), so "
        "customers will expect different things.",
        "Use one wording for the {label} everywhere, with the same numbers, the same unit and the "
        "same qualifier.",
    ),
    "canonical_mismatch": (
        "error",
        "{label} differs from the official promise",
        "A message states a {label} that differs from the company's official promise in the "
        "`[[promise]]` entries of cxaudit.toml, the source of truth.",
        "Change the message to the official value, or, if the official promise has changed, "
        "update its `[[promise]]` entry in cxaudit.toml.",
    ),
    "unmet_promise": (
        "error",
        "{label} promise is not met by operations",
        "Operations data (`cxaudit gap`) shows this {label} promise is met less often than the "
        "required level: customers are told something that does not happen.",
        "Either change the promise to what the data supports (the report gives the value met at "
        "the level) or fix the operation until the promise holds.",
    ),
    "ambiguous_unit": (
        "warning",
        "Ambiguous unit in a {label} promise",
        "A {label} promise gives a number whose unit a customer cannot tell for sure (for example "
        "\"days\" where business days are meant).",
        "Name the unit explicitly, such as \"5 business days\" or \"5 calendar days\".",
    ),
}


@dataclass(frozen=True)
class FileLocation:
    """Where a promise stands in the repository, as code scanning can show it."""

    path: str               # repository-relative, "/"-separated
    line: int | None = None
    page: int | None = None
    url: str | None = None  # the crawled URL this file renders, when mapped through url_map
    absolute: bool = False  # path is an absolute URI (a crawled page, a file outside the repository)


def is_url(uri: str) -> bool:
    return uri.startswith(("http://", "https://"))


def map_url(url: str, url_map: Iterable[tuple[str, str]] = ()) -> str | None:
    """The repository file that renders a crawled URL, by the longest matching url_map prefix.

    A target ending in "/" is a folder: the rest of the URL's path is appended to it."""
    best: tuple[str, str] | None = None
    for prefix, target in url_map:
        if url.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, target)
    if best is None:
        return None
    prefix, target = best
    if not target.endswith("/"):
        return target
    rest = url[len(prefix):].split("#", 1)[0].split("?", 1)[0].lstrip("/")
    if not rest or rest.endswith("/"):
        return None
    return target + rest


def repo_root_for(start: Path) -> Path:
    """The repository root above start (the folder holding .git), else start itself."""
    start = Path(start).resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def file_location(
    promise: Promise, *, repo_root: Path, url_map: Iterable[tuple[str, str]] = (), cwd: Path | None = None,
) -> FileLocation | None:
    """The promise's file inside repo_root, or None (an unmapped URL, or a file outside the repository)."""
    uri, line, url = promise.source.uri, promise.source.line, None
    if is_url(uri):
        mapped = map_url(uri, url_map)
        if mapped is None:
            return None
        # A line in the served page says nothing about the template's lines.
        uri, line, url = mapped, None, promise.source.uri
    p = Path(uri)
    absolute = Path(os.path.normpath(p if p.is_absolute() else Path(cwd or Path.cwd()) / p))
    try:
        rel = absolute.relative_to(Path(repo_root).resolve()).as_posix()
    except ValueError:
        try:
            rel = absolute.relative_to(Path(os.path.normpath(Path(repo_root).absolute()))).as_posix()
        except ValueError:
            return None
    if rel in ("", "."):
        return None
    suffix = absolute.suffix.lower()
    page = None
    if suffix in PAGE_SUFFIXES:
        page, line = line, None
    elif suffix not in LINE_SUFFIXES:
        line = None
    if line is not None and line < 1:
        line = None
    return FileLocation(path=rel, line=line, page=page, url=url)


def sarif_location(
    promise: Promise, *, repo_root: Path, url_map: Iterable[tuple[str, str]] = (), cwd: Path | None = None,
) -> FileLocation:
    """The promise's repository file when it has one, else an absolute URI SARIF allows: the
    crawled page's URL, or a file:// URI for a file outside the repository."""
    loc = file_location(promise, repo_root=repo_root, url_map=url_map, cwd=cwd)
    if loc is not None:
        return loc
    uri, line = promise.source.uri, promise.source.line
    if is_url(uri):
        # A line in the served page is not something a reader can find; the URL is.
        return FileLocation(path=quote(uri, safe=_URI_SAFE), absolute=True)
    p = Path(uri)
    absolute = Path(os.path.normpath(p if p.is_absolute() else Path(cwd or Path.cwd()) / p))
    suffix, page = absolute.suffix.lower(), None
    if suffix in PAGE_SUFFIXES:
        page, line = line, None
    elif suffix not in LINE_SUFFIXES or (line is not None and line < 1):
        line = None
    return FileLocation(path=absolute.as_uri(), line=line, page=page, absolute=True)


_URI_SAFE = ":/?#[]@!$&'()*+,;=%~"


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " "))


def rule_id(finding: Finding) -> str:
    return f"{finding.rule}/{finding.kind}"


def where(promise: Promise) -> str:
    """A promise's place as a reader finds it: file and line (or page), or URL and heading."""
    src = promise.source
    text = src.uri
    # A line in a crawled page is not something a reader can find; its heading is.
    if src.line is not None and not is_url(src.uri):
        text += f" p. {src.line}" if Path(src.uri).suffix.lower() in PAGE_SUFFIXES else f":{src.line}"
    if src.heading:
        text += f" ({src.heading})"
    if promise.pages > 1:
        text += f" [on {promise.pages} pages]"
    return text


def finding_text(finding: Finding) -> str:
    """The finding's message followed by every message involved, one a line."""
    lines = [finding.message]
    for p in finding.promises:
        lines.append(f'- {p.source.channel}: {where(p)}: "{p.text}"')
    return "\n".join(lines)


def _rule(rid: str, finding: Finding) -> dict[str, Any]:
    label = kind_label(finding.kind)
    level, short, full, fix = RULE_DOCS.get(finding.rule, (
        finding.severity,
        f"{finding.rule.replace('_', ' ').capitalize()}: {{label}}",
        f"cxaudit reported '{finding.rule}' for {{label}} promises.",
        "Read the messages quoted in the result and make them agree.",
    ))
    short = short.format(label=label)
    short = short[:1].upper() + short[1:]
    full = full.format(label=label)
    fix = fix.format(label=label)
    return {
        "id": rid,
        "name": "".join(w.capitalize() for w in f"{finding.rule}_{finding.kind}".split("_")),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {
            "text": f"{full}\n\nHow to fix: {fix}\n\n{_BASELINE_TIP.replace('`', '')}",
            "markdown": f"{full}\n\n**How to fix:** {fix}\n\n{_BASELINE_TIP}",
        },
        "defaultConfiguration": {"level": LEVELS.get(level, "warning")},
        "properties": {"tags": ["cxaudit", finding.rule, finding.kind]},
    }


def _physical(loc: FileLocation, text: str, index: int | None = None) -> dict[str, Any]:
    artifact = {"uri": loc.path} if loc.absolute else {"uri": quote(loc.path, safe="/"), "uriBaseId": "%SRCROOT%"}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if loc.line is not None:
        physical["region"] = {"startLine": loc.line}
    out: dict[str, Any] = {"physicalLocation": physical, "message": {"text": text}}
    if index is not None:
        out = {"id": index, **out}
    props = {k: v for k, v in (("page", loc.page), ("url", loc.url)) if v is not None}
    if props:
        out["properties"] = props
    return out


def _promise_props(p: Promise) -> dict[str, Any]:
    d = p.as_dict()
    return {
        "id": d["id"], "uri": p.source.uri, "channel": p.source.channel, "line": p.source.line,
        "heading": p.source.heading, "text": p.text, "pages": p.pages, "scope": d["scope"],
        "value": {k: d[k] for k in ("min", "max", "unit", "qualifier", "schedule")},
    }


def sarif_log(
    result: AuditResult, *, repo_root: Path, url_map: Iterable[tuple[str, str]] = (), cwd: Path | None = None,
) -> dict[str, Any]:
    """The SARIF log as a dict (format_sarif serialises it)."""
    url_map = tuple(url_map)
    rules: dict[str, dict[str, Any]] = {}
    for f in result.findings:
        rules.setdefault(rule_id(f), _rule(rule_id(f), f))
    order = sorted(rules)
    index = {rid: i for i, rid in enumerate(order)}

    results = []
    for f in result.findings:
        located = [(p, sarif_location(p, repo_root=repo_root, url_map=url_map, cwd=cwd)) for p in f.promises]
        # Code scanning shows a result at its first location: a repository file when there is
        # one; crawled pages and files outside the repository follow under their absolute URIs.
        located.sort(key=lambda pl: pl[1].absolute)
        res: dict[str, Any] = {
            "ruleId": rule_id(f),
            "ruleIndex": index[rule_id(f)],
            "level": LEVELS.get(f.severity, "warning"),
            "message": {"text": finding_text(f)},
            "locations": [_physical(located[0][1], located[0][0].text)] if located else [],
        }
        related = [_physical(loc, p.text, i) for i, (p, loc) in enumerate(located[1:], start=1)]
        if related:
            res["relatedLocations"] = related
        if f.fingerprint:
            res["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
        res["properties"] = {
            "id": f.id, "rule": f.rule, "kind": f.kind, "subject": f.subject, "severity": f.severity,
            "promises": [_promise_props(p) for p in f.promises],
        }
        results.append(res)

    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "cxaudit",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rules[rid] for rid in order],
            }},
            "results": results,
            "properties": {
                "summary": result.summary(),
                "suppressed": result.suppressed,
                "not_read": [n.as_dict() for n in result.not_read],
            },
        }],
    }


def format_sarif(
    result: AuditResult, *, repo_root: Path, url_map: Iterable[tuple[str, str]] = (), cwd: Path | None = None,
) -> str:
    """SARIF 2.1.0 text for `--format sarif`; paths relative to repo_root, relative sources read from cwd."""
    return json.dumps(sarif_log(result, repo_root=repo_root, url_map=url_map, cwd=cwd),
                      indent=2, ensure_ascii=False) + "\n"
