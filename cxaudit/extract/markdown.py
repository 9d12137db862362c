"""Markdown reader: paragraphs, list items, pipe-table rows, quotes and headings as Blocks, markup stripped.

A line-based reader, not a full CommonMark parser: it needs the text a customer reads and the
heading it sits under, not the exact HTML a renderer would produce.
"""

from __future__ import annotations

import html as htmllib
import re
from typing import TYPE_CHECKING

from cxaudit.errors import ReadError
from cxaudit.extract import suppress
from cxaudit.extract.encoding import decode
from cxaudit.model import Block

if TYPE_CHECKING:
    from cxaudit.extract import Limits
    from cxaudit.model import Document

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$")
_TASK = re.compile(r"^\[[ xX]\][ \t]+")
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S")
_TABLE_DELIM = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")

_ESCAPABLE = "\\`*_{}[]()#+-.!|>~<"
_PARKED = frozenset(chr(0xE000 + i) for i in range(len(_ESCAPABLE)))
_UNPARK = {0xE000 + i: ch for i, ch in enumerate(_ESCAPABLE)}
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+|[^@>\s]+@[^@>\s]+)>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_CODE = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")
_EM_UNDER = re.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?![\w])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _CJK_LINE_BREAK(prev: str, line: str) -> bool:
    """Chinese lines in one paragraph with no full stop between them are separate statements
    ("7天无理由退货" / "整机保修1年"): a soft line break is no space between words there."""
    prev, line = prev.rstrip(), line.lstrip()
    return bool(prev and line and (_CJK.match(line) or (line[0].isdigit() and _CJK.search(line))) and _CJK.search(prev)
                and (_CJK.match(prev[-1]) or prev[-1].isalnum()))


def inline(text: str) -> str:
    """Plain text of a line of Markdown inline markup."""
    # Escaped characters are parked in the private-use area so no rule below sees them.
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: chr(0xE000 + _ESCAPABLE.index(m.group(1))), text)
    if "`" in text:
        text = _CODE.sub(lambda m: m.group(2).strip().replace("*", "\ue100").replace("_", "\ue101"), text)
    if "[" in text:
        text = _IMAGE.sub("", text)
        text = _LINK.sub(r"\1", text)
        text = _REFLINK.sub(r"\1", text)
        text = _FOOTNOTE.sub("", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _BR.sub(" ", text)
        text = _TAG.sub("", text)
    if "*" in text or "_" in text:
        text = _STRONG.sub(r"\2", text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDER.sub(r"\1", text)
    if "~" in text:
        text = _STRIKE.sub(r"\1", text)
    text = text.replace("\ue100", "*").replace("\ue101", "_")
    if any(ch in _PARKED for ch in text):
        text = text.translate(_UNPARK)
    if "&" in text:
        text = htmllib.unescape(text)
    return " ".join(text.split())


# A private-use character per source line (a plane of their own, clear of inline()'s parking
# places), set between the lines of a paragraph to see where each one lands in its plain text.
_MARK = 0xF0000
_MAX_MARKS = 0xFFFD


def inline_lines(lines: list[str], numbers: list[int]) -> tuple[str, tuple[int, ...]]:
    """inline() of the lines of a paragraph joined, and its Block.line_starts: where each source
    line after the first starts in the plain text (`numbers` are the lines' source lines)."""
    text = inline(" ".join(lines))
    first = numbers[0]
    span = numbers[-1] - first
    if not span or not text or span >= _MAX_MARKS:
        return text, ()
    parts = [lines[0]]
    k = 0
    for line, number in zip(lines[1:], numbers[1:]):
        while k < number - first:   # (a line that held only a comment starts where the next one does)
            k += 1
            parts.append(chr(_MARK + k))
        parts.append(line)
    at: dict[int, int] = {}
    words: list[str] = []
    size = 0
    for word in inline(" ".join(parts)).split(" "):
        if len(word) == 1 and ord(word) > _MARK:
            at[ord(word) - _MARK] = size + 1 if size else 0
        else:
            words.append(word)
            size += len(word) + 1 if size else len(word)
    if " ".join(words) != text:
        return text, ()   # markup that spans lines swallowed or glued a mark: the paragraph's first line
    starts = [0] * span
    nxt = size
    for k in range(span, 0, -1):
        nxt = starts[k - 1] = min(at.get(k, nxt), nxt)   # (a mark lost inside markup: the next line's)
    while starts and starts[-1] >= size:
        starts.pop()
    return text, tuple(starts)


def split_row(line: str) -> tuple[str, ...]:
    """Cells of a pipe-table row; escaped pipes stay in their cell."""
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = re.split(r"(?<!\\)\|", line)
    return tuple(inline(c.replace("\\|", "|")) for c in cells)


def read(data: bytes, doc: "Document", limits: "Limits") -> list[Block]:
    return parse(decode(data, doc.encoding), doc.uri, limits.max_blocks)


def parse(text: str, uri: str = "", max_blocks: int = 100_000) -> list[Block]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    sup = suppress.Suppressor()
    heads: list[str | None] = [None] * 7
    heading: tuple[str, ...] = ()
    para: list[str] = []
    para_lns: list[int] = []  # the source line of each
    para_kind = ""           # "p" | "li" | "quote"
    table: tuple[str, ...] | None = None
    in_table = False
    fence = ""
    comment: list[str] | None = None
    prev_blank = True
    in_list = False
    was_quote = False

    def emit(text: str, line: int, table=None, cells=None, starts: tuple[int, ...] = ()) -> None:
        blocks.append(Block(text, line, heading, "main", table, cells, sup.next_block(), starts))
        if len(blocks) > max_blocks:
            raise ReadError(uri, f"more than {max_blocks} text blocks, over the limit (--max-blocks)")

    def flush() -> None:
        nonlocal para_kind
        if para:
            start = 0
            for i in range(1, len(para) + 1):
                if i < len(para) and not _CJK_LINE_BREAK(para[i - 1], para[i]):
                    continue
                text, starts = inline_lines(para[start:i], para_lns[start:i])
                if text:
                    emit(text, para_lns[start], starts=starts)
                start = i
            para.clear()
            para_lns.clear()
        para_kind = ""

    def set_heading(level: int, text: str, line: int) -> None:
        nonlocal heading
        text = inline(text)
        if not text:
            return
        heads[level] = text
        for i in range(level + 1, 7):
            heads[i] = None
        heading = tuple(h for h in heads if h)
        emit(text, line)

    i = _front_matter_end(lines)
    n = len(lines)
    while i < n:
        raw = lines[i]
        ln = i + 1
        i += 1
        if fence:
            stripped = raw.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            continue
        if comment is not None:
            end = raw.find("-->")
            if end < 0:
                comment.append(raw)
                continue
            comment.append(raw[:end])
            sup.comment("\n".join(comment))
            comment = None
            raw = raw[end + 3:]
            if not raw.strip():
                continue
        if "<!--" in raw:
            found = False
            for m in _COMMENT.finditer(raw):
                if suppress.parse(m.group(1)) is not None:
                    if not found:
                        flush()
                        in_table = False
                    found = True
                    sup.comment(m.group(1))
            rest = _COMMENT.sub("", raw)
            start = rest.find("<!--")
            if start >= 0:
                comment = [rest[start + 4:]]
                rest = rest[:start]
            if not rest.strip():
                # A comment line ends a paragraph, like an HTML block does.
                flush()
                in_table = False
                continue
            raw = rest

        quote = bool(_QUOTE.match(raw))
        if quote:
            while True:
                m = _QUOTE.match(raw)
                if not m:
                    break
                raw = raw[m.end():]
        if quote != was_quote:
            flush()
            in_table = False
        was_quote = quote
        stripped = raw.strip()

        if not stripped:
            flush()
            in_table = False
            prev_blank = True
            continue

        m = _FENCE.match(raw)
        if m:
            flush()
            in_table = False
            fence = m.group(1)
            continue

        if in_table:
            if "|" in stripped:
                cells = split_row(stripped)
                if any(cells):
                    emit(" | ".join(c for c in cells if c), ln, table, cells)
                prev_blank = False
                continue
            in_table = False

        m = _ATX.match(raw)
        if m:
            flush()
            set_heading(len(m.group(1)), m.group(2) or "", ln)
            prev_blank = False
            continue

        if para and para_kind == "p" and _SETEXT.match(raw):
            text = " ".join(para)
            line = para_lns[0]
            para.clear()
            para_lns.clear()
            para_kind = ""
            set_heading(1 if stripped[0] == "=" else 2, text, line)
            prev_blank = False
            continue

        if _HR.match(raw):
            flush()
            prev_blank = False
            continue

        if "|" in stripped and i < n and _TABLE_DELIM.match(lines[i]) and "-" in lines[i]:
            flush()
            table = split_row(stripped)
            if any(table):
                emit(" | ".join(c for c in table if c), ln, None, table)
            in_table = True
            i += 1   # the delimiter row
            prev_blank = False
            continue

        if _REFDEF.match(raw) and not para:
            continue

        m = _LIST.match(raw)
        if m and (m.group(2) or "").strip():
            flush()
            para.append(_TASK.sub("", m.group(2).strip()))
            para_lns.append(ln)
            para_kind = "li"
            in_list = True
            prev_blank = False
            continue

        indented = raw.startswith(("    ", "\t"))
        if indented and prev_blank and not para and not in_list:
            continue   # indented code block
        if prev_blank and not indented:
            in_list = False
        if not para:
            para_kind = "quote" if quote else "p"
        para.append(stripped)
        para_lns.append(ln)
        prev_blank = False
    flush()
    return blocks


def _front_matter_end(lines: list[str]) -> int:
    """Index of the first line after YAML (---) or TOML (+++) front matter, else 0."""
    if not lines:
        return 0
    first = lines[0].lstrip("\ufeff").strip()
    if first not in ("---", "+++"):
        return 0
    for j in range(1, min(len(lines), 1000)):
        if (first == "---" and _FRONT_END.match(lines[j])) or (first == "+++" and lines[j].strip() == "+++"):
            return j + 1
    return 0
