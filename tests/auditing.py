"""Shared by the tests that audit a few small documents given as (name, text) pairs."""

from __future__ import annotations

from cxaudit.compare import compare
from cxaudit.extract import read_blocks
from cxaudit.model import Document
from cxaudit.pipeline import promises_in_blocks


def audit_documents(*files: tuple[str, str], channel: str = "help_centre"):
    """The promises read from each (name, text) document, and the findings over all of them."""
    promises = []
    for name, text in files:
        doc = Document(uri=name, channel=channel, fmt=name.rsplit(".", 1)[-1], content=text.encode())
        promises += promises_in_blocks(read_blocks(doc), doc)
    return promises, compare(promises)


def page_text(text: str, **kw):
    """`extract_text` with the text as a page of its own: two texts are two touchpoints, so
    the comparison holds them against each other (one text's sentences stand side by side)."""
    from cxaudit.api import extract_text
    from cxaudit.model import digest

    kw.setdefault("uri", f"<text {digest(text, size=8)}>")
    return extract_text(text, **kw)
