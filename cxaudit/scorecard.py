"""Touchpoint scorecard: channels, and the worst documents within them, ranked by severity-weighted findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cxaudit.model import Finding, Promise

WEIGHTS = {"error": 5, "warning": 2, "info": 1}


@dataclass(frozen=True)
class DocumentScore:
    uri: str
    channel: str
    score: int
    counts: dict[str, int]      # findings per severity
    findings: int
    promises: int

    def as_dict(self) -> dict[str, Any]:
        return {"uri": self.uri, "channel": self.channel, "score": self.score, "findings": self.findings,
                "by_severity": dict(self.counts), "promises": self.promises}


@dataclass(frozen=True)
class ChannelScore:
    channel: str
    score: int
    counts: dict[str, int]
    findings: int
    promises: int
    documents: tuple[DocumentScore, ...]   # every document of the channel with a finding, worst first

    def as_dict(self) -> dict[str, Any]:
        return {"channel": self.channel, "score": self.score, "findings": self.findings,
                "by_severity": dict(self.counts), "promises": self.promises,
                "documents": [d.as_dict() for d in self.documents]}


@dataclass(frozen=True)
class Scorecard:
    channels: tuple[ChannelScore, ...]     # worst first; channels with promises but no finding score 0

    def as_dict(self) -> dict[str, Any]:
        return {"weights": dict(WEIGHTS), "channels": [c.as_dict() for c in self.channels]}

    def worst_documents(self, n: int = 10) -> list[DocumentScore]:
        docs = [d for c in self.channels for d in c.documents]
        return sorted(docs, key=lambda d: (-d.score, d.channel, d.uri))[:n]

    def to_markdown(self, per_channel: int = 3) -> str:
        if not self.channels:
            return ""
        out = ["| rank | channel | score | errors | warnings | info | promises | worst documents |",
               "|---:|---|---:|---:|---:|---:|---:|---|"]
        for n, c in enumerate(self.channels, start=1):
            docs = "; ".join(f"`{d.uri}` ({d.score})" for d in c.documents[:per_channel])
            if len(c.documents) > per_channel:
                docs += f"; +{len(c.documents) - per_channel} more"
            out.append(f"| {n} | {c.channel} | {c.score} | {c.counts['error']} | {c.counts['warning']} | "
                       f"{c.counts['info']} | {c.promises} | {docs.replace('|', chr(92) + '|') or '—'} |")
        out.append("")
        out.append("Score = 5 × errors + 2 × warnings + 1 × info; a finding counts for every channel and "
                   "document it quotes.")
        return "\n".join(out) + "\n"

    as_markdown = to_markdown      # the name audit.py looks for

    def to_rich(self, per_channel: int = 3) -> Any:
        from rich.table import Table

        table = Table(title="Touchpoint scorecard (worst first)", title_justify="left")
        for name, just in (("#", "right"), ("channel", "left"), ("score", "right"), ("E", "right"),
                           ("W", "right"), ("I", "right"), ("promises", "right"), ("worst documents", "left")):
            table.add_column(name, justify=just)
        for n, c in enumerate(self.channels, start=1):
            docs = "\n".join(f"{d.uri} ({d.score})" for d in c.documents[:per_channel])
            style = "bold red" if c.counts["error"] else ("yellow" if c.score else "green")
            table.add_row(str(n), c.channel, str(c.score), str(c.counts["error"]), str(c.counts["warning"]),
                          str(c.counts["info"]), str(c.promises), docs or "—", style=style)
        return table


def _score(counts: dict[str, int]) -> int:
    return sum(WEIGHTS[s] * n for s, n in counts.items())


def scorecard(findings: Sequence[Finding], promises: Sequence[Promise]) -> Scorecard:
    """Rank channels and documents: score desc, then name; every finding counts once per channel/document it quotes."""
    ch_counts: dict[str, dict[str, int]] = {}
    doc_counts: dict[tuple[str, str], dict[str, int]] = {}
    ch_promises: dict[str, int] = {}
    doc_promises: dict[tuple[str, str], int] = {}

    def blank() -> dict[str, int]:
        return {"error": 0, "warning": 0, "info": 0}

    for p in promises:
        ch_promises[p.source.channel] = ch_promises.get(p.source.channel, 0) + 1
        key = (p.source.channel, p.source.uri)
        doc_promises[key] = doc_promises.get(key, 0) + 1
    for f in findings:
        weight_key = f.severity if f.severity in WEIGHTS else "info"
        for ch in {p.source.channel for p in f.promises}:
            ch_counts.setdefault(ch, blank())[weight_key] += 1
        for key in {(p.source.channel, p.source.uri) for p in f.promises}:
            doc_counts.setdefault(key, blank())[weight_key] += 1

    channels = []
    for ch in set(ch_promises) | set(ch_counts):
        counts = ch_counts.get(ch, blank())
        docs = [
            DocumentScore(uri, ch, _score(c), c, sum(c.values()), doc_promises.get((ch, uri), 0))
            for (dch, uri), c in doc_counts.items() if dch == ch
        ]
        docs.sort(key=lambda d: (-d.score, d.uri))
        channels.append(ChannelScore(ch, _score(counts), counts, sum(counts.values()),
                                     ch_promises.get(ch, 0), tuple(docs)))
    channels.sort(key=lambda c: (-c.score, c.channel))
    return Scorecard(tuple(channels))
