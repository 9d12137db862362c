"""Library entry points: read promises from a string (explain, the accuracy gate, notebooks)."""

from __future__ import annotations

from cxaudit.model import Block, Document, Promise


def extract_text(text: str, lang: str = "auto", uri: str = "<text>", channel: str = "other",
                 rules_dir: str | None = None) -> list[Promise]:
    """Every promise in a piece of text (paragraphs split at blank lines)."""
    import re

    from cxaudit import pipeline

    pipeline._RULES_DIR = rules_dir
    doc = Document(uri=uri, channel=channel, fmt="txt")
    blocks = [Block(text=" ".join(p.split()), line=text[:m.start()].count("\n") + 1)
              for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text) for p in [m.group(0)]]
    return pipeline.promises_in_blocks(blocks, doc, lang)
