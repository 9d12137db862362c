"""PDF reader (pypdf): page text with hard-wrapped lines re-joined into paragraphs; line = page number.

pypdf gives lines wrapped at the layout width. A line joins the one before it unless that one
ended a sentence and this one starts a new one, or a blank line, bullet or heading-like line
comes between, or the line before stopped well short of the margin (the author's own break).
Headings are guessed: short lines without final punctuation in Title Case or ALL
CAPS (numbered "2.1 Refunds" nests by its numbering). Running headers/footers and page numbers
repeated across pages are dropped.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from typing import TYPE_CHECKING

from cxaudit.errors import ReadError
from cxaudit.extract.text import _ENDS_SENTENCE, _STARTS_NEW
from cxaudit.model import Block

if TYPE_CHECKING:
    from cxaudit.extract import Limits
    from cxaudit.model import Document

# the space a wrapped line leaves between two Chinese characters
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]) (?=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f])")

# pypdf reports recoverable damage through logging; broken files end up in "not read" instead.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_BULLET = re.compile(r"^(?:[•·‣◦▪●○■□➤►✓✔\-–—*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\S.*)$")
_PAGE_NO = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_STARTS_UPPER = re.compile(r"^[\"'“‘(\[]*[A-Z]")
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to via vs with per your our".split())


def read(data: bytes, doc: "Document", limits: "Limits") -> list[Block]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    uri = doc.uri
    if b"%PDF-" not in data[:1024]:
        raise ReadError(uri, "corrupt PDF: no PDF header")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as e:
        raise ReadError(uri, f"corrupt PDF: {_short(e)}") from None
    try:
        encrypted = reader.is_encrypted
    except Exception as e:
        raise ReadError(uri, f"corrupt PDF: {_short(e)}") from None
    if encrypted:
        try:
            # Many PDFs carry only an owner password (print/copy restrictions): the empty user
            # password opens them.
            ok = reader.decrypt("")
        except DependencyError:
            raise ReadError(uri, "encrypted PDF (AES; install 'cryptography' to open it)") from None
        except Exception as e:
            raise ReadError(uri, f"encrypted PDF: {_short(e)}") from None
        if not ok:
            raise ReadError(uri, "encrypted PDF (password required)")
    try:
        pages = reader.pages
        count = len(pages)
    except Exception as e:
        raise ReadError(uri, f"corrupt PDF: {_short(e)}") from None

    texts: list[str | None] = []
    errors: list[str] = []
    for i in range(count):
        try:
            texts.append(_with_tables(pages[i]))
        except DependencyError:
            raise ReadError(uri, "encrypted PDF (AES; install 'cryptography' to open it)") from None
        except Exception as e:
            texts.append(None)
            errors.append(f"page {i + 1}: {_short(e)}")
    if count and len(errors) == count:
        raise ReadError(uri, f"corrupt PDF: {errors[0]}")
    return blocks_from_pages(texts, uri, limits.max_blocks)


# A table row in pypdf's layout mode: cells set apart by runs of three or more spaces.
_CELL_GAP = re.compile(r"\s{3,}")
ROW = "\u27e6T\u27e7"   # marks a table row in page text handed to blocks_from_pages


def _with_tables(page) -> str:
    """The page's text; where its layout shows a table (rows of aligned cells), the layout text,
    each row marked and its cells joined with " | ", so a row keeps its label and header.
    pypdf's plain mode gives a table a cell a line, which loses which row a value is in."""
    text = page.extract_text() or ""
    if text.count("\n") < 2:
        return text   # a table needs rows
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:   # an odd font or content stream: plain text is still good
        return text
    lines = layout.split("\n")
    cells = [[c for c in _CELL_GAP.split(line.strip()) if c] if line.strip() else None for line in lines]
    rows = [i for i, c in enumerate(cells) if c is not None and len(c) >= 2]
    marked: set[int] = set()
    k = 0
    while k < len(rows):
        # a run of rows with the same number of cells, blank lines allowed between them
        run = [rows[k]]
        while k + len(run) < len(rows):
            j = rows[k + len(run)]
            between = cells[run[-1] + 1:j]
            if any(c is not None for c in between) or len(cells[j]) != len(cells[run[0]]):
                break
            run.append(j)
        if len(run) >= (2 if len(cells[run[0]]) >= 3 else 3):
            marked.update(run)
        k += len(run)
    if not marked:
        return text
    return "\n".join(ROW + " | ".join(cells[i]) if i in marked else line for i, line in enumerate(lines))


def _short(e: Exception) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return msg if len(msg) <= 160 else msg[:157] + "..."


def blocks_from_pages(texts: list[str | None], uri: str = "", max_blocks: int = 100_000) -> list[Block]:
    """Blocks from per-page text (None for a page that could not be read)."""
    pages = [_lines(t) if t is not None else [] for t in texts]
    running = _running_lines(pages)
    out: list[Block] = []
    heads: list[str | None] = [None] * 8
    heading: tuple[str, ...] = ()
    title_open = True        # no body text yet: the first heading is the document title

    def emit(text: str, page: int) -> None:
        out.append(Block(text, page, heading))
        if len(out) > max_blocks:
            raise ReadError(uri, f"more than {max_blocks} text blocks, over the limit (--max-blocks)")

    for page_no, lines in enumerate(pages, 1):
        para: list[str] = []
        header: list[str] | None = None   # the table whose rows are being read

        def flush() -> None:
            nonlocal title_open
            if para:
                # (a Chinese line wrapped inside a word joins with no space: 「離」 + 「島」 is 「離島」)
                text = _CJK_GAP.sub("", " ".join(" ".join(para).split()))
                if text:
                    title_open = False
                    emit(text, page_no)
                para.clear()

        body = [s for s in lines if s and _key(s) not in running and not _PAGE_NO.match(s)]
        width = max((len(s) for s in body), default=0)
        for k, s in enumerate(lines):
            if not s:
                flush()
                continue
            if s.startswith(ROW):
                flush()
                row = s[len(ROW):].split(" | ")
                if header is None:
                    header = row
                    out.append(Block(" | ".join(row), page_no, heading, cells=tuple(row)))
                else:
                    out.append(Block(" | ".join(row), page_no, heading, table=tuple(header), cells=tuple(row)))
                title_open = False
                continue
            header = None
            if _key(s) in running or _PAGE_NO.match(s):
                continue
            bullet = _BULLET.match(s)
            if bullet:
                title_open = False
            level = None
            if not bullet or _NUMBERED.match(s):
                nxt = next((x for x in lines[k + 1:] if x and _key(x) not in running), "")
                level = _heading_level(s, nxt, width)
            if level and (not para or _ENDS_SENTENCE.search(para[-1]) or len(para[-1]) < 0.7 * width
                          or _NUMBERED.match(s)):
                flush()
                if title_open and not any(heads):
                    level = 0
                heads[level] = s.rstrip(":").strip()
                for j in range(level + 1, len(heads)):
                    heads[j] = None
                heading = tuple(h for h in heads if h)
                emit(s, page_no)
                continue
            if bullet:
                flush()
                para.append(s[bullet.end():])
                continue
            if para:
                prev = para[-1]
                # A wrapped line runs to the margin; a short one ended where the author did.
                if (_ENDS_SENTENCE.search(prev) and _STARTS_NEW.match(s)) or (
                        len(prev) < 0.7 * width and _STARTS_UPPER.match(s)):
                    flush()
                    para.append(s)
                elif prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and s[:1].islower():
                    para[-1] = prev[:-1] + s.split(" ", 1)[0]
                    rest = s.split(" ", 1)[1] if " " in s else ""
                    if rest:
                        para.append(rest)
                else:
                    para.append(s)
            else:
                para.append(s)
        flush()
    return out


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _key(line: str) -> str:
    return _DIGITS.sub("#", line)


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Keys of lines at the top or bottom of most pages: running heads and feet ("page 2" too)."""
    n = len(pages)
    if n < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        body = [s for s in lines if s]
        edge = body[:2] + body[-2:] if len(body) >= 6 else body[:1] + body[-1:] if len(body) >= 3 else body[:1]
        counts.update({_key(s) for s in edge})
    need = n if n == 2 else n // 2 + 1
    return {k for k, c in counts.items() if c >= need}


def _heading_level(s: str, nxt: str = "", width: int = 0) -> int | None:
    """Heading level for a heading-like line, else None.

    Numbered ("2.1 Refunds") nests by its numbering; ALL CAPS is 1; Title Case is 2; a short
    sentence-case line is 2 when the next line starts a sentence and page lines are much longer.
    """
    if len(s) > 80 or s[-1] in ".,;!?" or any(c in s for c in "$€£¥%"):
        return None
    words = s.split()
    if not 1 <= len(words) <= 10:
        return None
    m = _NUMBERED.match(s)
    if m:
        rest = m.group(2).split()
        if rest[0][:1].isupper() and (_title_case(rest) or len(rest) <= 8):
            return min(1 + m.group(1).count("."), 6)
        return None
    if sum(any(c.isdigit() for c in w) for w in words) * 3 > len(words):
        return None
    cased = [c for c in s if c.isupper() or c.islower()]
    if len(cased) < 3:
        return None
    if all(c.isupper() for c in cased):
        return 1
    if _title_case(words):
        return 2
    if (len(words) <= 6 and s[0].isupper() and nxt and _STARTS_NEW.match(nxt)
            and width and len(s) < 0.5 * width):
        return 2
    return None


def _title_case(words: list[str]) -> bool:
    alpha = [w for w in words if w[:1].isalpha()]
    if not alpha or not alpha[0][0].isupper():
        return False
    significant = [w for w in alpha if w.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    return sum(w[0].isupper() for w in significant) >= 0.8 * len(significant)
