"""extract stage: turn a Document's bytes into text Blocks, whatever its format.

read_blocks() is the only entry point the pipeline needs. It raises ReadError and nothing else:
every reader failure, however unexpected, becomes a short reason in the "not read" list.
"""

from __future__ import annotations

import importlib
import os
import posixpath
import re
from dataclasses import dataclass

from cxaudit.errors import ReadError
from cxaudit.model import Block, Document

MB = 1024 * 1024

FORMATS: dict[str, str] = {
    ".html": "html", ".htm": "html",
    ".md": "md", ".markdown": "md",
    ".txt": "txt",
    ".pdf": "pdf",
    ".docx": "docx",
    ".json": "faq", ".yaml": "faq", ".yml": "faq",
}

_READERS = {
    "html": "cxaudit.extract.html",
    "md": "cxaudit.extract.markdown",
    "txt": "cxaudit.extract.text",
    "pdf": "cxaudit.extract.pdf",
    "docx": "cxaudit.extract.docx",
    "faq": "cxaudit.extract.faq",
}

# How an unexpected failure is labelled in the one-line reason.
_LABELS = {"html": "unreadable HTML", "md": "unreadable Markdown", "txt": "unreadable text",
           "pdf": "corrupt PDF", "docx": "corrupt DOCX", "faq": "unreadable FAQ data"}


@dataclass(frozen=True)
class Limits:
    """Guards against hostile or broken input. Each reason names its command-line flag."""

    max_file_bytes: int = 50 * MB          # --max-file-size
    max_blocks: int = 100_000              # --max-blocks
    max_depth: int = 1_000                 # HTML nested deeper is read as flat text (never an error)
    max_docx_uncompressed: int = 200 * MB  # --max-docx-size: declared unzipped size (zip bombs)


DEFAULT_LIMITS = Limits()


def line_starts(lines: list[str]) -> tuple[int, ...]:
    """Block.line_starts for a text made of `lines` joined with their whitespace collapsed
    (" ".join(" ".join(lines).split())): where each line after the first starts in it.
    Trailing lines that add no text are left out, so text on one line gives ()."""
    out: list[int] = []
    size = 0   # length of the joined text so far
    for k, line in enumerate(lines):
        if k:
            out.append(size + 1 if size else 0)
        words = line.split()
        if words:
            size += len(" ".join(words)) + (1 if size else 0)
    while out and out[-1] >= size:
        out.pop()
    return tuple(out)


def format_for(name: str) -> str | None:
    """The reader format for a file name, path or URL, from its suffix; None when unsupported."""
    if "://" in name:
        name = name.split("#", 1)[0].split("?", 1)[0]
    base = posixpath.basename(name.replace("\\", "/"))
    _, ext = posixpath.splitext(base)
    return FORMATS.get(ext.lower())


def read_blocks(doc: Document, limits: Limits | None = None) -> list[Block]:
    """Blocks of visible text in `doc`, in document order. Raises ReadError only."""
    limits = limits or DEFAULT_LIMITS
    module = _READERS.get(doc.fmt)
    if module is None:
        raise ReadError(doc.uri, f"unsupported format {doc.fmt!r}")
    data = _load(doc, limits)
    try:
        reader = importlib.import_module(module)
        return timetable_columns(reader.read(data, doc, limits))
    except ReadError:
        raise
    except MemoryError:
        raise ReadError(doc.uri, f"{_LABELS[doc.fmt]}: out of memory while reading") from None
    except RecursionError:
        raise ReadError(doc.uri, f"{_LABELS[doc.fmt]}: nested too deeply") from None
    except Exception as e:  # the contract: one bad file never stops an audit
        raise ReadError(doc.uri, f"{_LABELS[doc.fmt]}: {short_error(e)}") from None


_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_DAY_LABEL = re.compile(rf"(?i)^\s*(?:{_DAY}(?:\s*(?:-|–|—|to|through|until|&|and|,|/)\s*{_DAY})*|weekdays|weekends?|"
                        r"(?:bank|public)\s+holidays?)\s*$")
_TZ_HEADER = re.compile(r"(?i)^\s*(?:(?:eastern|central|mountain|pacific|atlantic|alaska|hawaii)(?:\s+time)?|[ECMP][SD]?T|GMT|BST|UTC|UK\s+time|AEST|AEDT|NZST|CET)\s*$")
_HOURS_CELL = re.compile(r"(?i)\d|\bclosed\b|\b24\s*hours\b|noon|midnight")


def timetable_columns(blocks: list[Block]) -> list[Block]:
    """A timetable whose rows are days and whose columns are channels or places ("| Live chat |
    Phone" over "Saturday | 09:00–13:00 | 10:00–14:00") is read a column at a time: each column
    becomes one block, "Phone: Monday–Friday 09:00–17:30; Saturday 10:00–14:00; Sunday Closed",
    in place of the rows (which alone say no whole schedule)."""
    if not any(b.cells for b in blocks):
        return blocks
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        j = i
        while (j < len(blocks) and blocks[j].cells is not None and blocks[j].table == b.table and b.table
               and len(blocks[j].cells) >= 2 and _DAY_LABEL.match(blocks[j].cells[0])
               and any(_HOURS_CELL.search(c) for c in blocks[j].cells[1:])
               # "Any time", "–", "By appointment": a column that states no hours is left out,
               # it does not break the timetable
               and all(_HOURS_CELL.search(c) or len(c) <= 30 for c in blocks[j].cells[1:])):
            j += 1
        if j - i >= 2 and len(b.table) >= 2:
            rows = blocks[i:j]
            if out and out[-1].table is None and out[-1].cells == b.table:
                out.pop()  # the header row: its labels now open each column's block
            for col in range(1, len(b.table)):
                # "Day | Eastern | Pacific": a column of hours in its own time zone says so in each line
                tz = f" {b.table[col].strip()}" if _TZ_HEADER.match(b.table[col]) else ""
                parts = [f"{r.cells[0]} {r.cells[col]}{tz if _HOURS_CELL.search(r.cells[col]) else ''}"
                         for r in rows if col < len(r.cells) and r.cells[col].strip()]
                if not any(col < len(r.cells) and _HOURS_CELL.search(r.cells[col]) for r in rows):
                    parts = []
                label = b.table[col].strip() or "Opening hours"
                if parts:
                    out.append(Block(f"{label}: " + "; ".join(parts) + ".", b.line, b.heading, b.role, None, None,
                                     b.suppress))
            i = j
            continue
        out.append(b)
        i += 1
    return out


def short_error(e: BaseException) -> str:
    """First line of an exception message, trimmed, with its type when the message is empty."""
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return msg if len(msg) <= 160 else msg[:157] + "..."


def size_reason(size: int, limit: int, flag: str = "--max-file-size", what: str = "file is") -> str:
    """'file is 210.0 MB, over the 50 MB limit (--max-file-size)'."""
    return f"{what} {human_size(size)}, over the {human_size(limit, exact=True)} limit ({flag})"


def human_size(n: int, exact: bool = False) -> str:
    if n >= MB or n == 0:
        return f"{n / MB:g} MB" if exact else f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:g} KB" if exact else f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def _load(doc: Document, limits: Limits) -> bytes:
    if doc.content is not None:
        if len(doc.content) > limits.max_file_bytes:
            raise ReadError(doc.uri, size_reason(len(doc.content), limits.max_file_bytes))
        return doc.content
    path = doc.path or doc.uri
    try:
        size = os.stat(path).st_size
        if size > limits.max_file_bytes:
            raise ReadError(doc.uri, size_reason(size, limits.max_file_bytes))
        with open(path, "rb") as fh:
            # Read one byte past the limit: the file may have grown since stat().
            data = fh.read(limits.max_file_bytes + 1)
    except PermissionError:
        raise ReadError(doc.uri, "permission denied") from None
    except FileNotFoundError:
        raise ReadError(doc.uri, "file not found") from None
    except IsADirectoryError:
        raise ReadError(doc.uri, "is a directory") from None
    except OSError as e:
        raise ReadError(doc.uri, f"cannot read file: {e.strerror or short_error(e)}") from None
    if len(data) > limits.max_file_bytes:
        raise ReadError(doc.uri, size_reason(len(data), limits.max_file_bytes))
    return data
