"""DOCX reader (python-docx): body paragraphs and table rows as Blocks, Heading/Title styles as headings.

Block.line for DOCX is the 1-based position of the block's paragraph among the body's
paragraphs and table rows (each table row counts as one; empty paragraphs count too), since
a Word file has no stable line numbers.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from cxaudit.errors import ReadError
from cxaudit.model import Block

if TYPE_CHECKING:
    from cxaudit.extract import Limits
    from cxaudit.model import Document

_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def read(data: bytes, doc: "Document", limits: "Limits") -> list[Block]:
    uri = doc.uri
    check_zip(data, uri, limits.max_docx_uncompressed)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:
        raise ReadError(uri, f"corrupt DOCX: {_short(e)}") from None
    return _blocks(document, uri, limits.max_blocks)


def check_zip(data: bytes, uri: str, limit: int) -> None:
    """Reject what is not a zip, lacks the Word body, or declares more unzipped bytes than `limit`."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as e:
        raise ReadError(uri, f"corrupt DOCX: {_short(e).lower()}") from None
    except (OSError, ValueError, EOFError) as e:
        raise ReadError(uri, f"corrupt DOCX: {_short(e)}") from None
    total = sum(i.file_size for i in infos)
    if total > limit:
        from cxaudit.extract import size_reason

        raise ReadError(uri, size_reason(total, limit, "--max-docx-size", "DOCX unzips to"))
    if not any(i.filename == "word/document.xml" for i in infos):
        raise ReadError(uri, "corrupt DOCX: no word/document.xml (not a Word document)")


def _short(e: Exception) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return msg if len(msg) <= 160 else msg[:157] + "..."


def _heading_levels(document) -> dict[str, int]:
    """Paragraph style id -> heading level (Title = 0, Heading N = N), following base styles."""
    levels: dict[str, int] = {}
    from docx.enum.style import WD_STYLE_TYPE

    for style in document.styles:
        try:
            if style.type != WD_STYLE_TYPE.PARAGRAPH:
                continue
            current, hops = style, 0
            while current is not None and hops < 10:
                name = (current.name or "").strip()
                m = _HEADING_NAME.match(name)
                if m:
                    levels[style.style_id] = int(m.group(1))
                    break
                if name.lower() == "title":
                    levels[style.style_id] = 0
                    break
                current, hops = current.base_style, hops + 1
        except Exception:  # a malformed style entry only loses its heading level
            continue
    return levels


def _blocks(document, uri: str, max_blocks: int) -> list[Block]:
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    W_P, W_TBL, W_SDT, W_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
    W_TR, W_TC, W_PPR, W_PSTYLE, W_VAL = qn("w:tr"), qn("w:tc"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")
    W_OUTLINE = qn("w:outlineLvl")

    levels = _heading_levels(document)
    out: list[Block] = []
    heads: list[str | None] = [None] * 10
    heading: tuple[str, ...] = ()
    index = 0

    def emit(block: Block) -> None:
        out.append(block)
        if len(out) > max_blocks:
            raise ReadError(uri, f"more than {max_blocks} text blocks, over the limit (--max-blocks)")

    def para_text(p) -> str:
        return " ".join(Paragraph(p, document).text.split())

    def level_of(p) -> int | None:
        ppr = p.find(W_PPR)
        if ppr is None:
            return None
        style = ppr.find(W_PSTYLE)
        if style is not None and style.get(W_VAL) in levels:
            return levels[style.get(W_VAL)]
        outline = ppr.find(W_OUTLINE)
        if outline is not None and (outline.get(W_VAL) or "").isdigit() and int(outline.get(W_VAL)) < 9:
            return int(outline.get(W_VAL)) + 1
        return None

    # Body children in order; content controls (w:sdt) are opened in place.
    pending = list(reversed(list(document.element.body)))
    while pending:
        el = pending.pop()
        if el.tag == W_SDT:
            content = el.find(W_CONTENT)
            if content is not None:
                pending.extend(reversed(list(content)))
            continue
        if el.tag == W_P:
            index += 1
            text = para_text(el)
            if not text:
                continue
            level = level_of(el)
            if level is not None:
                heads[level] = text
                for j in range(level + 1, len(heads)):
                    heads[j] = None
                heading = tuple(h for h in heads if h)
            emit(Block(text, index, heading))
        elif el.tag == W_TBL:
            header: tuple[str, ...] | None = None
            rows = [tr for tr in el.iterchildren(W_TR)]
            for n, tr in enumerate(rows):
                index += 1
                cells = tuple(
                    " ".join(" ".join(para_text(p) for p in tc.iter(W_P)).split())
                    for tc in tr.iterchildren(W_TC)
                )
                if not any(cells):
                    continue
                text = " | ".join(c for c in cells if c)
                if n == 0 and len(rows) > 1 and _is_header_row(el, tr, qn):
                    header = cells
                    emit(Block(text, index, heading, "main", None, cells))
                else:
                    emit(Block(text, index, heading, "main", header, cells))
    return out


def _is_header_row(tbl, tr, qn) -> bool:
    """Marked "repeat as header row", table style applies first-row formatting, or all bold."""
    trpr = tr.find(qn("w:trPr"))
    if trpr is not None and trpr.find(qn("w:tblHeader")) is not None:
        return True
    tblpr = tbl.find(qn("w:tblPr"))
    look = tblpr.find(qn("w:tblLook")) if tblpr is not None else None
    if look is not None:
        first = look.get(qn("w:firstRow"))
        if first in ("1", "true", "on"):
            return True
        val = look.get(qn("w:val"))
        if first is None and val:
            try:
                if int(val, 16) & 0x0020:
                    return True
            except ValueError:
                pass
    runs = list(tr.iter(qn("w:r")))
    texts = [r for r in runs if any((t.text or "").strip() for t in r.iter(qn("w:t")))]
    if not texts:
        return False
    for r in texts:
        rpr = r.find(qn("w:rPr"))
        b = rpr.find(qn("w:b")) if rpr is not None else None
        if b is None or b.get(qn("w:val")) in ("0", "false", "off"):
            return False
    return True
