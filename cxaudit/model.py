"""The data model that flows through every stage, as frozen dataclasses.

collect -> Document; extract -> Block; segment/match/normalise -> Promise;
compare -> Finding; the pipeline wraps it all in an AuditResult.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

CHANNELS = ("website", "help_centre", "policy", "call_centre", "email", "ads", "social", "chat", "other")

KINDS = (
    "delivery_time", "dispatch_time", "return_window", "exchange_window", "refund_time",
    "return_cost", "response_time", "wait_time", "support_hours", "free_shipping_threshold",
    "warranty", "cancellation_window", "price_match_window", "trial_period", "money_back_guarantee",
)

SEVERITIES = ("error", "warning", "info")


def digest(*parts: Any, prefix: str = "", size: int = 8) -> str:
    """A short stable hex id from JSON-serialisable parts."""
    raw = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return prefix + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:size]


@dataclass(frozen=True)
class Document:
    """One page or file to read: where it is, its channel, and its bytes when already fetched."""

    uri: str                      # local path as given (relative if given relative) or URL
    channel: str
    fmt: str                      # html | md | txt | pdf | docx | faq
    path: str | None = None       # local file to read, when the bytes are not in `content`
    content: bytes | None = None  # body of a fetched URL
    encoding: str | None = None   # charset declared by the server, if any


@dataclass(frozen=True)
class Block:
    """A run of visible text that a reader found: a paragraph, list item, table row, heading, FAQ answer."""

    text: str
    line: int | None = None            # 1-based source line; for PDF the page number
    heading: tuple[str, ...] = ()      # heading path, outermost first
    role: str = "main"                 # main | banner | header | footer | nav | aside
    table: tuple[str, ...] | None = None   # table header cells when the block is a table row
    cells: tuple[str, ...] | None = None   # the row's cells when the block is a table row
    suppress: tuple[str, ...] = ()     # kinds or rules suppressed inline ("*" = all)
    # where each source line after `line` starts in `text` (one offset per line, non-decreasing;
    # a line that adds no text repeats the next one's): the block's `line` plus the number of
    # offsets at or before a sentence's start is the line that sentence starts on. Empty when
    # the block's text stands on one line.
    line_starts: tuple[int, ...] = ()

    def line_at(self, offset: int) -> int | None:
        """The source line of the character at `offset` in `text`."""
        if not self.line_starts or self.line is None:
            return self.line
        from bisect import bisect_right

        return self.line + bisect_right(self.line_starts, offset)


@dataclass(frozen=True)
class Location:
    uri: str
    channel: str
    line: int | None = None
    heading: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"uri": self.uri, "channel": self.channel, "line": self.line, "heading": self.heading}

    def label(self) -> str:
        where = self.uri
        if self.line is not None:
            where += f":{self.line}"
        if self.heading:
            where += f" ({self.heading})"
        return where


@dataclass(frozen=True)
class Promise:
    kind: str
    subject: str
    scope: tuple[tuple[str, str], ...]   # sorted (key, value) pairs; only known keys
    min: float | None
    max: float | None
    unit: str | None
    qualifier: str
    schedule: Any                          # None | "24/7" | tuple of schedule dicts-as-tuples
    text: str
    source: Location
    lang: str = "en"
    confidence: float = 0.9
    pages: int = 1
    rule: str = ""                         # rule-pack entry that read it
    span: tuple[int, int] = (0, 0)         # value span inside `text` (for explain)
    cue: tuple[int, int] = (0, 0)          # cue span inside `text`
    suppress: tuple[str, ...] = ()
    bare_dollar: bool = False              # an amount in "$" naming no country (its currency is a guess)

    @property
    def scope_dict(self) -> dict[str, str]:
        return dict(self.scope)

    @property
    def id(self) -> str:
        # the value's place in the sentence too: "ready in 2–3 days, and kept for 10 days" is two
        # promises of one kind in one sentence, with two ids
        return digest(self.kind, self.text, self.source.uri, self.source.heading, list(self.span), prefix="p-")

    def value_key(self) -> tuple:
        """What the promise says, independent of where it is said."""
        return (self.kind, self.scope, self.min, self.max, self.unit, self.qualifier, _freeze(self.schedule))

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "subject": self.subject,
            "scope": dict(self.scope),
            "min": _num(self.min),
            "max": _num(self.max),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "schedule": schedule_json(self.schedule),
            "text": self.text,
            "source": self.source.as_dict(),
            "lang": self.lang,
            "confidence": round(self.confidence, 2),
            "pages": self.pages,
        }


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    kind: str
    subject: str
    message: str
    promises: tuple[Promise, ...]
    fingerprint: str = ""   # content-derived; see compare.fingerprint

    @property
    def id(self) -> str:
        return "f-" + self.fingerprint[:10]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "severity": self.severity,
            "kind": self.kind,
            "subject": self.subject,
            "message": self.message,
            "promises": [p.as_dict() for p in self.promises],
        }


@dataclass(frozen=True)
class NotRead:
    uri: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"uri": self.uri, "reason": self.reason}


@dataclass(frozen=True)
class AuditResult:
    promises: tuple[Promise, ...]
    findings: tuple[Finding, ...] = ()
    not_read: tuple[NotRead, ...] = ()
    documents: int = 0
    skipped: int = 0                 # files of unsupported types, and readable files with no customer text
    skipped_files: tuple[NotRead, ...] = ()  # the latter, by name: a FAQ export that held no Q&A pairs
    incomplete: bool = False
    suppressed: int = 0              # findings hidden by inline suppression or baseline
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)  # report add-ons

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in SEVERITIES}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def summary(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "not_read": len(self.not_read),
            "promises": len(self.promises),
            "findings": self.counts(),
            "incomplete": self.incomplete,
        }


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 4)


def _freeze(x: Any) -> Any:
    if isinstance(x, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in x.items()))
    if isinstance(x, (list, tuple)):
        return tuple(_freeze(v) for v in x)
    return x


def schedule_json(s: Any) -> Any:
    """Schedules are kept as tuples of (key, value) tuples; JSON wants a list of dicts."""
    if s is None or isinstance(s, str):
        return s
    return [dict(item) for item in s]
