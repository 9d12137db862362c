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
