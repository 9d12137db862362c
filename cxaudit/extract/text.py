"""Plain-text reader (call scripts, ad copy, e-mails): paragraphs, or one block per bullet/speaker line.

Rules, kept general:
  - blank lines separate paragraphs; other lines of a paragraph are joined, unless the paragraph
    is not hard-wrapped (a line over 100 characters: text copied from a web page, one element a
    line) or the line before stopped well short of the others and this one starts a new phrase
    (the author's own break: a list of lines without full stops);
  - a line starting with a bullet, a number ("1.", "2)") or a speaker label ("Agent:", "IVR:")
    starts its own block; in such a run, a following line is a new block too when the previous
    line ended a sentence and it starts a new one;
  - a line with a dot leader ("Blenders ........ 7 yrs") is its own block, "Blenders: 7 yrs";
  - a short ALL-CAPS line (numbered or not: "3. RETURNS"; "6. CARE PLANS — note" keeps the note as text), a short line ending with ":" that is followed by content, or a line
    underlined with === / --- is a heading;
  - `cxaudit: ignore [names]` suppresses its line's block, or the next block when it stands alone
    on a comment line (# or //); cxaudit-disable / -enable / -disable-next-line lines also work.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from cxaudit.errors import ReadError
from cxaudit.extract import line_starts, suppress
from cxaudit.extract.encoding import decode
from cxaudit.model import Block

if TYPE_CHECKING:
    from cxaudit.extract import Limits
    from cxaudit.model import Document

_BULLET = re.compile(r"^\s*(?:[-*•·‣◦▪●○■□➤►✓✔–—>]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
_SPEAKER = re.compile(r"^\s*(?:[A-Z][\w .'&/()-]{0,24}|\[[^\]]{1,24}\])\s*:\s+\S"
                      r"|^\s*[\u4e00-\u9fff]{1,6}\s*[：:]\s*\S")   # 客服：… (a Chinese speaker label)
_NOTE_AFTER = re.compile(r"\s+\([a-z][^()]{0,30}\)\s*$")
_CJK_TITLE = re.compile(r"^\s*【[^】]{1,30}】\s*$")
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_DECORATION = re.compile(r"^[=#*~+\-_\s]{2,}(?=\w)|(?<=\w)[\s=#*~+\-_:]*[=#*~+\-_]{2,}\s*$")
_BOXED = re.compile(r"^([=#*~+_-])\1+\s*\S.{0,58}?\s*\1{2,}$")
_RULE = re.compile(r"^([-=*_~#+])\1{2,}$")
_ENDS_SENTENCE = re.compile(r"[.!?:;。！？；：][\"'”’)\]」]*$")
# "Hearthline blenders ........ 7 yrs": a dot leader joins a label to its value on one line
_LEADER = re.compile(r"(?<=\S)\s*(?:\.{4,}|…{2,}|·{3,}|_{4,})\s*(?=\S)")
_TITLED_NOTE = re.compile(r"^\s*\(?\d{1,3}[.)]\s+([^a-z]{3,50}?)\s+[—–-]\s+(\S.*)$")
_STARTS_NEW = re.compile(r"^[\"'“‘(\[「]*[A-Z0-9$£€¥\u4e00-\u9fff]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_LINE_END = re.compile(r"[\u3400-\u9fff。！？；～~）)」』】…!?]$")
_STATEMENT_END = re.compile(r"[.!?。！？][\"'”’)\]」]*$")
# a line that cannot end a phrase: the next one continues it
_JOINS_NEXT = re.compile(r"(?:[,(&/+–—-]|\b(?:and|or|of|the|a|an|to|for|with|in|on|at|by|from|your|our))\s*$", re.I)


_ARROW = re.compile(r"^(?:-+>|=+>|[→➔➜⇒»])\s*")
# two or more spaces between two cells of a table laid out in spaces
_GAP = re.compile(r"\s{2,}")


def _width(text: str) -> int:
    """Display width: a Chinese character takes two columns (a fixed-width table pads to them)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fixed_width_rows(lines: list[str]) -> set[int]:
    """The lines of tables laid out in spaces: in a paragraph, lines cut by wide gaps whose
    columns start at the same place on at least two lines."""
    rows: set[int] = set()
    start = 0
    for i in range(len(lines) + 1):
        if i < len(lines) and lines[i].strip():
            continue
        starts: dict[int, set[int]] = {}
        for j in range(start, i):
            body = lines[j].rstrip()
            for m in _GAP.finditer(body):
                if m.start() > len(body) - len(body.lstrip()):   # not the indent
                    starts.setdefault(j, set()).add(_width(body[:m.end()]))
        aligned = {j for j in starts for k in starts if k != j and starts[j] & {c + d for c in starts[k] for d in (-1, 0, 1)}}
        if len(aligned) >= 2:
            rows |= aligned
        start = i + 1
    return rows


def _cell_starts(line: str) -> list[int]:
    """Where each cell of a row laid out in spaces starts, in display columns."""
    body = line.rstrip()
    lead = len(body) - len(body.lstrip())
    return [_width(body[:lead])] + [_width(body[:m.end()]) for m in _GAP.finditer(body) if m.start() > lead]


def _wrapped_cell(lines: list[str], idx: int, columns: set[int], consumed: set[int]) -> str:
    """The lines under a row of a table laid out in spaces that carry on its last cell, indented
    to where that cell starts and with no gap of their own ("  IN LAB    -> "Single-vision lenses
    take three to" over "                five business days in our lab.""); marked consumed."""
    body = lines[idx].rstrip()
    gaps = [m for m in _GAP.finditer(body) if m.start() > len(body) - len(body.lstrip())]
    if not gaps:
        return ""
    col = _width(body[:gaps[-1].end()])
    # (or to where its words start, past an arrow or a dash: "-> "Your lenses …"")
    lead = re.search(r"[\w\"“'(\[]", body[gaps[-1].end():])
    cols = {col, col + (lead.start() if lead else 0)}
    more = []
    k = idx + 1
    while k < len(lines) and k not in columns and lines[k].strip():
        nxt = lines[k].rstrip()
        indent = len(nxt) - len(nxt.lstrip())
        if min(abs(indent - c) for c in cols) > 1 or _GAP.search(nxt.strip()) or _BULLET.match(nxt):
            break
        more.append(nxt.strip())
        consumed.add(k)
        if _STATEMENT_END.search(nxt):
            break
        k += 1
    return " " + " ".join(more) if more else ""


def read(data: bytes, doc: "Document", limits: "Limits") -> list[Block]:
    return parse(decode(data, doc.encoding), doc.uri, limits.max_blocks)


def _is_caps_heading(s: str) -> bool:
    s = _NOTE_AFTER.sub("", s) or s   # "OBJECTIONS (examples)"
    cased = [c for c in s if c.isupper() or c.islower()]
    if _CJK_TITLE.match(s):
        return True   # 【二、退貨】: a Chinese section title in brackets
    # (mostly Latin letters: "[內部備註：VIP客戶…]" is a Chinese line with one acronym in it)
    return (len(cased) >= 2 and len(s) <= 60 and len(s.split()) <= 8 and len(cased) * 2 >= len(s.replace(" ", ""))
            and all(c.isupper() for c in cased) and not s.endswith((".", ",", ";")))


def _is_colon_heading(s: str) -> bool:
    return s.endswith(":") and len(s) <= 60 and len(s.split()) <= 8 and any(c.isalpha() for c in s)


def _style(s: str, caps: bool) -> str:
    m = _DECORATION.match(s)
    deco = m.group(0).strip()[:1] if m and m.group(0).strip() else ""
    return ("caps" if caps else "boxed" if deco else "colon") + deco


def parse(text: str, uri: str = "", max_blocks: int = 100_000) -> list[Block]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    sup = suppress.Suppressor()
    heads: list[str | None] = [None] * 6
    styles: dict[str, int] = {}
    heading: tuple[str, ...] = ()
    para: list[str] = []
    para_line = 0
    rule_line = -1   # (the line of the last rule: a line just under one may be a boxed title)
    para_sup: set[str] = set()
    line_mode = False        # the current run started with a bullet or speaker line

    def emit(text: str, line: int, extra=(), starts: tuple[int, ...] = ()) -> None:
        blocks.append(Block(text, line, heading, "main", None, None, sup.next_block(tuple(extra)), starts))
        if len(blocks) > max_blocks:
            raise ReadError(uri, f"more than {max_blocks} text blocks, over the limit (--max-blocks)")

    def flush() -> None:
        if para:
            text = " ".join(" ".join(para).split())
            if text:
                emit(text, para_line, para_sup, line_starts(para) if len(para) > 1 else ())
            para.clear()
        para_sup.clear()

    def set_heading(style: str, text: str, line: int) -> None:
        nonlocal heading
        name = " ".join(_DECORATION.sub("", text).rstrip(":").split())
        if not name:
            return
        # Levels go by heading style in order of first use (as reStructuredText does): a
        # document's title style comes first, its section style next.
        # "Label:" headings always sit lowest: they name just the lines that follow.
        if style.startswith("colon"):
            level = len(heads) - 1
        else:
            if style not in styles:
                styles[style] = min(len(styles), len(heads) - 2)
            level = styles[style]
        heads[level] = name
        for j in range(level + 1, len(heads)):
            heads[j] = None
        heading = tuple(h for h in heads if h)
        emit(" ".join(text.split()), line)

    # the widest line of each paragraph (run of non-blank lines): hard-wrapped prose stays under
    # a hundred characters and runs to its margin
    # and a paragraph of three or more lines that each end a sentence is one statement a line
    # (an FAQ or a script typed line by line; hard-wrapped prose breaks mid-sentence)
    widths = [0] * len(lines)
    stated = [False] * len(lines)
    start = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or not lines[i].strip():
            w = max((len(x.strip()) for x in lines[start:i]), default=0)
            each = i - start >= 3 and all(_STATEMENT_END.search(x.rstrip()) for x in lines[start:i])
            for j in range(start, i):
                widths[j] = w
                stated[j] = each
            start = i + 1

    columns = _fixed_width_rows(lines)
    consumed: set[int] = set()   # lines that continue a row's last cell
    table: tuple[str, ...] | None = None
    header_at: list[int] = [0]   # where the header's cells start

    for idx, raw in enumerate(lines):
        ln = idx + 1
        line_names: tuple[str, ...] = ()
        if idx in consumed:
            continue
        if idx in columns:
            # a row of a table laid out in spaces ("Powder-coated steel frames     2 years"): its
            # cells, as a table row is read anywhere else
            flush()
            raw = raw.rstrip() + _wrapped_cell(lines, idx, columns, consumed)
            # (an arrow opening a cell is layout: "IN LAB    -> "Your lenses are being made."")
            cells = tuple(c for c in (_ARROW.sub("", c) for c in _GAP.split(raw.strip())) if c)
            if all(_RULE.match(c) for c in cells):
                continue   # the rule under the header
            if table is None and not any(ch.isdigit() for ch in raw) and all(len(c) <= 40 for c in cells) \
                    and not any(_STATEMENT_END.search(c) for c in cells):   # (a header names columns, it says nothing)
                table = cells
                header_at = _cell_starts(raw)
                blocks.append(Block(" | ".join(cells), ln, heading, "main", None, cells, sup.next_block()))
            else:
                names = table or ()
                if names and len(cells) > len(names):
                    # a header over the value columns only, its label column left blank
                    # ("                 Standard     Express" over "Ireland   3-5 working days   2-3 working days")
                    before = sum(1 for at in _cell_starts(raw) if at < header_at[0] - 1)
                    names = ("",) * min(before, len(cells) - len(names)) + names
                blocks.append(Block(" | ".join(cells), ln, heading, "main", names, cells, sup.next_block()))
            line_mode = True
            continue
        if not raw.strip():
            table = None
        if "cxaudit" in raw:
            directive = suppress.parse(raw)
            if directive is not None:
                flush()
                sup.apply(*directive)
                continue
            ignore = suppress.parse_ignore(raw)
            if ignore is not None:
                rest, names, alone = ignore
                if alone:
                    flush()
                    sup.apply("disable-next-line", names)
                    continue
                raw, line_names = rest, names
        s = raw.strip()
        if not s:
            flush()
            line_mode = False
            continue
        if _LEADER.search(s) and not _RULE.match(s):
            # a row of a dot-leader table is one statement: "Blenders: 7 yrs"
            flush()
            emit(" ".join(_LEADER.sub(": ", s).split()), ln, line_names)
            line_mode = True
            continue
        if _RULE.match(s):
            boxed = len(para) == 1 and para_line == rule_line + 1 and len(para[0]) <= 80
            # (the last of several lines is a title only when the rule matches its length: a rule
            # closing a list of lines is a rule)
            if s[0] in "=-" and para and (not line_mode or boxed) and _UNDERLINE.match(s) \
                    and (len(para) == 1 or abs(len(s.strip()) - len(para[-1].strip())) <= max(3, len(para[-1].strip()) // 4)):
                # (a line between two rules is a title even when it reads "Label: text":
                # "=====\nAppendix: QA targets (internal)\n=====")
                title = para.pop()
                line = para_line + len(para)
                flush()
                set_heading("underline" + s[0], title, line)
            else:
                flush()   # a decorative rule: ----- or ***** or =====
            line_mode = False
            rule_line = ln
            continue
        marker = _BULLET.match(raw)
        if marker is not None and raw[marker.start():marker.end()].strip()[:1].isdigit() \
                and _is_caps_heading(raw[marker.end():].strip()):
            # "3. DELIVERY QUESTIONS": a numbered section title, not a numbered point
            flush()
            line_mode = False
            set_heading("caps-numbered", s, ln)
            continue
        titled = _TITLED_NOTE.match(raw) if marker is not None else None
        if titled is not None and _is_caps_heading(titled.group(1).strip()):
            # "6. CARE PLANS — upsell on every TV": a numbered section title with a note after a dash
            flush()
            line_mode = False
            set_heading("caps-numbered", raw[:titled.end(1)].strip(), ln)
            emit(" ".join(titled.group(2).split()), ln, line_names)
            continue
        speaker = marker is None and _SPEAKER.match(raw) is not None
        if marker is None:
            caps = _is_caps_heading(s)
            if caps or _BOXED.match(s) or (not speaker and _is_colon_heading(s)
                        and any(x.strip() for x in lines[idx + 1:idx + 3])):
                flush()
                line_mode = False
                set_heading(_style(s, caps), s, ln)
                continue
        if marker is not None or speaker:
            flush()
            line_mode = True
            para.append(raw[marker.end():] if marker else s)
            para_line = ln
        elif para and line_mode and _ENDS_SENTENCE.search(para[-1].rstrip()) and _STARTS_NEW.match(s):
            flush()
            para.append(s)
            para_line = ln
        elif para and _CJK.search(s) and _CJK_LINE_END.search(para[-1].rstrip()):
            # Chinese is not hard-wrapped: a line that ends on a character or a closing mark is
            # a whole line, the next one a new statement (a quick-reply library, one reply a line)
            flush()
            para.append(s)
            para_line = ln
        elif para and not line_mode and _STARTS_NEW.match(s) and not _JOINS_NEXT.search(para[-1]) and (
                widths[idx] > 100 or len(para[-1].strip()) < 0.7 * widths[idx] or stated[idx]):
            flush()
            para.append(s)
            para_line = ln
        elif para:
            para.append(s)
        else:
            if s.endswith(":") and len(s) <= 100 and (not idx or not lines[idx - 1].strip()) \
                    and idx + 1 < len(lines) and lines[idx + 1].strip():
                # a paragraph led in by a line of its own, too long for a label ("Dispatched - quote
                # the standard delivery times FROM DISPATCH:"), heads that paragraph's lines as a
                # label does (and ends the last label's: "Not yet dispatched:")
                set_heading("colon", s, ln)
                continue
            para.append(s)
            para_line = ln
        para_sup.update(line_names)
    flush()
    return blocks
