"""HTML reader: the visible text of a page as Blocks, with heading path, page region and table cells.

This is the hot path of a crawl, so it walks the lxml tree once with iterwalk (no recursion,
no BeautifulSoup) and keeps per-element work to a few attribute lookups.
"""

from __future__ import annotations

import html.parser
import json
import re
from typing import TYPE_CHECKING

from lxml import etree

from cxaudit.errors import ReadError
from cxaudit.extract import suppress
from cxaudit.extract.encoding import decode
from cxaudit.model import Block

if TYPE_CHECKING:
    from cxaudit.extract import Limits
    from cxaudit.model import Document

# Never visible to a reader of the page.
SKIP = frozenset({
    "script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object",
    "embed", "canvas", "math", "audio", "video", "map", "select", "datalist", "textarea",
})

# Elements that start and end a block of text; everything else is inline.
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option",
    "optgroup", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
    "td", "th", "ul", "search", "label", "h1", "h2", "h3", "h4", "h5", "h6",
})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# A row holding one of these is page layout, not a data row.
LAYOUT_MARKERS = ("table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote")
SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})
LANDMARK_TAGS = {"nav": "nav", "aside": "aside"}
ARIA_ROLES = {
    "banner": "header", "contentinfo": "footer", "navigation": "nav",
    "complementary": "aside", "alert": "banner", "marquee": "banner",
}
BANNER_WORDS = ("banner", "announcement", "promo", "topbar", "top-bar", "notice", "alert", "marquee",
                "cookie", "consent")
_BANNER_RE = re.compile("|".join(re.escape(w) for w in BANNER_WORDS), re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Frame kinds on the walk stack.
_INLINE, _BLOCK, _SKIP, _HEADING, _ROW, _CELL, _TABLE, _THEAD = range(8)

_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen",
})


_BR = "\ue000"   # private-use marker for <br>; survives whitespace collapsing, becomes "\n"


def norm(text: str) -> str:
    """Collapse all whitespace (including no-break spaces) and drop invisible characters;
    a <br> inside the block stays as one newline, which ends a sentence downstream."""
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    text = " ".join(text.split())
    if _BR in text:
        parts = [p.strip() for p in text.split(_BR) if p.strip()]
        # a label line with its number ("Sales: 0330 058 1200") names what the line after it gives
        # ("7 days a week, 8am–9pm"): one sentence, so the hours keep their line (the separator
        # stays one character, as the line mapping expects)
        text = "".join(p if i == 0 else (" " if _LABEL_LINE.match(parts[i - 1]) else "\n") + p
                       for i, p in enumerate(parts))
    return text


_LABEL_LINE = re.compile(r"^[A-Z][\w&/'’ ()-]{1,40}:\s*(?:\+?\(?\d[\d\s().-]{5,}\d)?$")


def norm_lines(pieces: list[str], line: int | None, anchors: list[tuple[int, int]],
               raw: str | None = None) -> tuple[str, int | None, tuple[int, ...]]:
    """norm() of the text in `pieces`, the line its first character is on and its
    Block.line_starts. The first piece that is not whitespace starts on `line`; the others
    follow from the newlines they hold, or start on the line an anchor (piece index, line) gives
    them: a comment or a skipped element before them may span lines the pieces do not hold.
    (A line break inside a tag is not seen: text after it reads as on the tag's first line.)"""
    if raw is None:
        raw = "".join(pieces)
    text = norm(raw)
    if not text or line is None or ("\n" not in raw and not anchors):
        return text, line, ()
    k = 0
    while pieces[k].isspace():
        k += 1   # (whitespace before the text, from an element that may start lines earlier)
    if not anchors and "\n" not in raw.strip():
        # all on one line (the common case of indented HTML), maybe below the element's tag
        first = pieces[k]
        return text, line + first.count("\n", 0, len(first) - len(first.lstrip())), ()
    if anchors:
        return text, *_anchored_lines(pieces[k:], [(i - k, at) for i, at in anchors if i >= k], line)
    if k:
        raw = "".join(pieces[k:])
    if _INVISIBLE.search(raw):
        raw = _INVISIBLE.sub("", raw)
    if _BR in raw:
        raw = raw.replace(_BR, " ")   # (a <br> is one character of the text, as a space is)
    body = raw.lstrip()
    line += raw.count("\n", 0, len(raw) - len(body))   # the block starts on its first word's line
    body = body.rstrip()
    if "\n" not in body:
        return text, line, ()
    out: list[int] = []
    size = 0   # length of the normalised text so far
    for seg in body.split("\n"):
        out.append(size + 1 if size else 0)
        words = seg.split()
        if words:
            size += len(" ".join(words)) + 1 if size else len(" ".join(words))
    return text, line, tuple(out[1:])


def _anchored_lines(pieces: list[str], anchors: list[tuple[int, int]], line: int) -> tuple[int, tuple[int, ...]]:
    """norm_lines() when some pieces start on a line of their own: walk the pieces, and the
    newlines in each."""
    marks = dict(anchors)
    out: list[int] = []
    size = 0          # length of the normalised text so far
    glued = False     # it ends inside a word, which the next piece may go on with
    cur = line
    for i, piece in enumerate(pieces):
        if i in marks and marks[i] > cur:
            out.extend([size + 1 if size else 0] * (marks[i] - cur))
            cur, glued = marks[i], False
        if _INVISIBLE.search(piece):
            piece = _INVISIBLE.sub("", piece)
        if _BR in piece:
            piece = piece.replace(_BR, " ")
        for j, seg in enumerate(piece.split("\n")):
            if j:
                out.append(size + 1 if size else 0)
                cur += 1
                glued = False
            words = seg.split()
            if words:
                n = len(" ".join(words))
                size += n if glued and not seg[0].isspace() else n + 1 if size else n
                glued = not seg[-1].isspace()
            elif seg:
                glued = False
    lead = 0
    while lead < len(out) and out[lead] == 0:
        lead += 1   # lines before the first word: the block starts on the first word's line
    while out and out[-1] >= size:
        out.pop()
    return line + lead, tuple(out[lead:])


def _end_line(el: etree._Element) -> int | None:
    """The line an element ends on, where its tail starts: the line its last descendant starts
    on plus the newlines after that inside it (a skipped <svg> or <script> may span many)."""
    node = el
    after = 0
    while len(node):
        node = node[-1]
        tail = node.tail
        if tail:
            after += tail.count("\n")
    line = node.sourceline
    if line is None:
        return el.sourceline
    text = node.text
    if text and "\n" in text and node.tag is not etree.Comment:   # (a comment's line is its last one)
        after += text.count("\n")
    return line + after


def read(data: bytes, doc: "Document", limits: "Limits") -> list[Block]:
    text = decode(data, doc.encoding, html=True)
    root = parse(text, limits.max_depth)
    if root is None:
        return []
    blocks = walk(root, doc.uri, limits)
    if blocks and (blocks[-1].line or 0) >= _LINE_CAP:
        _fix_big_lines(blocks, text)
    return blocks


# libxml2 (as lxml drives it) stores source lines in 16 bits: later lines all read 65535.
_LINE_CAP = 65535


def _fix_big_lines(blocks: list[Block], text: str) -> None:
    """Find lines past 65535 by searching each block's first word forward from the last one found."""
    import bisect
    from dataclasses import replace

    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if len(starts) <= _LINE_CAP:
        return
    cursor = starts[_LINE_CAP - 1]
    last = _LINE_CAP
    for i, block in enumerate(blocks):
        if block.line is None or block.line < _LINE_CAP:
            continue
        word = block.text.split(" ", 1)[0][:40]
        m = re.compile(r"(?:(?<=[>\s])|^)" + re.escape(word)).search(text, cursor)
        if m:
            cursor = m.end()
            last = bisect.bisect_right(starts, m.start())
        blocks[i] = replace(block, line=last)


def parse(text: str, max_depth: int) -> etree._Element | None:
    """Parse with libxml2; fall back to a depth-capped tokenizer when the page nests too deep for it."""
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, remove_pis=True)
    data = text.encode("utf-8", errors="replace")
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        root = None
    if any("Excessive depth" in e.message for e in parser.error_log):
        return _parse_capped(text, max_depth)
    return root


def _special(root: etree._Element) -> dict:
    """Elements that hide their subtree (None) or open a page region ("banner", "nav", ...).

    One XPath over the few attributes that matter is several times faster than reading them
    on every element during the walk.
    """
    out: dict = {}
    hidden = []
    for value in _X_ATTRS(root):
        name = value.attrname
        if name == "class" or name == "id":
            if _BANNER_RE.search(value):
                el = value.getparent()
                if el.tag not in ("html", "body", "main") and el not in out and not _X_SECTION(el):
                    out[el] = "banner"
        elif name == "role":
            role = ARIA_ROLES.get(value.strip().lower())
            if role:
                el = value.getparent()
                if out.get(el) != "banner":
                    out[el] = role
        elif name == "aria-hidden" and value.strip().lower() == "true":
            hidden.append(value.getparent())
        elif name == "hidden" or (name == "style" and _HIDDEN_STYLE.search(value)):
            el = value.getparent()
            # A closed tab, accordion or <details>-like panel is shown by a click: customers read
            # it ("Shipping & returns" tabs on product pages), so it is not hidden text.
            if not _disclosure(el):
                hidden.append(el)
    for el in hidden:
        out[el] = None
    return out


_DISCLOSURE = re.compile(r"tab|panel|accordion|collaps|drawer|disclosure|details|expand|toggle|faq|answer",
                         re.IGNORECASE)


def _disclosure(el: etree._Element) -> bool:
    if (el.get("role") or "").lower() in ("tabpanel", "region"):
        return True
    return bool(_DISCLOSURE.search((el.get("class") or "") + " " + (el.get("id") or "")))


_X_ATTRS = etree.XPath("//@class|//@id|//@role|//@style|//@hidden|//@aria-hidden")
# a "notice" or "announcement" with a heading of its own over a list or a table is a section of the
# page (a marketplace store's 「店铺公告」 setting out its terms), not a strip across its top
_X_SECTION = etree.XPath("boolean(.//*[self::h1 or self::h2 or self::h3 or self::h4] and .//*[self::ol or self::ul or self::table or self::dl])")


def walk(root: etree._Element, uri: str, limits: "Limits") -> list[Block]:
    """One pass over the tree; text accumulates until a block boundary flushes it."""
    max_depth = limits.max_depth
    max_blocks = limits.max_blocks
    blocks: list[Block] = []
    sup = suppress.Suppressor()
    special = _special(root)
    layout_rows = _layout_rows(root)
    # FAQ JSON-LD usually sits in <head>, which the walk skips.
    ld_json = [(el.text, el.sourceline) for el in root.iter("script")
               if el.text and "ld+json" in (el.get("type") or "")]

    buf: list[str] = []
    anchors: list[tuple[int, int]] = []   # (index in buf, line) where a piece's line is not the one before's
    started = False          # buf holds visible text
    buf_line: int | None = None
    buf_role = "main"
    role = "main"
    sect = 0                 # open sectioning elements (header/footer inside them are not landmarks)
    heads: list[str | None] = [None] * 7
    heading: tuple[str, ...] = ()
    row: list[str] | None = None     # cells of the data row being read
    row_th: list[bool] = []
    cell: list[str] | None = None
    tables: list[list] = []          # per open table: [header cells or None, rows seen, in thead]
    stack: list = []                 # one frame per open element: an int kind or a tuple
    term: str | None = None          # the last <dt>, for the <dd> blocks after it
    depth = 0
    make = Block

    def flush() -> None:
        nonlocal started
        raw = "".join(buf)
        if "\n" in raw or anchors:
            text, line, starts = norm_lines(buf, buf_line, anchors, raw)
            anchors.clear()
        else:
            text, line, starts = norm(raw), buf_line, ()
        buf.clear()
        started = False
        if text:
            blocks.append(make(text, line, heading, buf_role, None, None, sup.next_block(), starts))
            if len(blocks) > max_blocks:
                raise ReadError(uri, f"more than {max_blocks} text blocks, over the limit (--max-blocks)")

    def emit_row(text: str, line, table, cells, starts: tuple[int, ...] = ()) -> None:
        blocks.append(make(text, line, heading, role, table, cells, sup.next_block(), starts))
        if len(blocks) > max_blocks:
            raise ReadError(uri, f"more than {max_blocks} text blocks, over the limit (--max-blocks)")

    walker = etree.iterwalk(root, events=("start", "end", "comment"))
    for event, el in walker:
        if event == "start":
            tag = el.tag
            depth += 1
            if tag in SKIP or (el in special and special[el] is None):
                walker.skip_subtree()
                stack.append(_SKIP)
                continue
            if row is not None:
                # Inside a data row every element is inline; cells split, blocks add a space.
                if tag == "td" or tag == "th":
                    cell = []
                    row_th.append(tag == "th")
                    stack.append(_CELL)
                else:
                    if cell is not None and (tag in BLOCK or tag == "br"):
                        cell.append(" ")
                    stack.append(_INLINE)
                text = el.text
                if text and cell is not None:
                    cell.append(text)
                continue
            if depth > max_depth:
                # Past the depth limit everything is inline text of the deepest element kept.
                stack.append(_INLINE)
            elif tag in BLOCK:
                if started:
                    flush()
                elif buf:
                    buf.clear()
                new_role = special.get(el)
                if new_role is None:
                    if tag in LANDMARK_TAGS:
                        new_role = LANDMARK_TAGS[tag]
                    elif (tag == "header" or tag == "footer") and not sect:
                        new_role = tag
                kind = _BLOCK
                if tag in HEADINGS:
                    kind = _HEADING
                elif tag == "table":
                    kind = _TABLE
                    tables.append([None, 0, False])
                elif tag == "thead":
                    kind = _THEAD
                    if tables:
                        tables[-1][2] = True
                elif tag == "tr" and el not in layout_rows:
                    row, row_th, cell = [], [], None
                    stack.append(_ROW)
                    continue
                is_sect = tag in SECTIONING
                if is_sect:
                    sect += 1
                if (new_role is not None and new_role != role) or is_sect:
                    frame = (kind, None, None, is_sect)
                    if new_role is not None and new_role != role:
                        # A region repeated on every page (banner, nav, footer) gets its own
                        # heading scope: the same text then carries the same heading everywhere.
                        frame = (kind, role, (heads, heading), is_sect)
                        role = new_role
                        heads, heading = [None] * 7, ()
                    stack.append(frame)
                else:
                    stack.append(kind)
            elif el in special:
                new_role = special[el]
                if new_role != role:
                    stack.append((_INLINE, role, None, False))
                    role = new_role
                else:
                    stack.append(_INLINE)
            else:
                stack.append(_INLINE)
                if tag == "br":
                    buf.append(_BR)  # a line break inside a block separates statements
            text = el.text
            if text:
                if not started and not text.isspace():
                    started, buf_line, buf_role = True, el.sourceline, role
                elif buf and text[0].isupper() and buf[-1][-1:].islower():
                    # "<strong>30-day returns</strong><span>On in-stock furniture.</span>": two
                    # pieces set apart by their styling, not one word
                    buf.append(" ")
                buf.append(text)
            continue

        if event == "end":
            depth -= 1
            frame = stack.pop()
            if frame is _INLINE:
                tail = el.tail
                if tail:
                    if row is not None:
                        if cell is not None:
                            cell.append(tail)
                    elif started:
                        buf.append(tail)
                    elif not tail.isspace():
                        buf.append(tail)
                        started, buf_line, buf_role = True, _end_line(el), role
                continue
            if frame.__class__ is tuple:
                kind, saved, saved_heads, is_sect = frame
            else:
                kind, saved, saved_heads, is_sect = frame, None, None, False
            if kind == _INLINE:
                pass
            elif kind == _SKIP:
                if started and row is None and el.tail:
                    anchors.append((len(buf), _end_line(el)))   # (its newlines are not in buf)
            elif kind == _BLOCK:
                if started:
                    tag = el.tag
                    if tag == "dd" and term:
                        # A description reads under its term, like a one-column table row.
                        text, line, starts = norm_lines(buf, buf_line, anchors)
                        buf.clear()
                        anchors.clear()
                        started = False
                        if text:
                            emit_row(text, line, (term,), (text,), starts)
                    else:
                        count = len(blocks)
                        flush()
                        if tag == "dt" and len(blocks) > count:
                            term = blocks[-1].text
                elif el.tag == "dl":
                    term = None
                if is_sect and el.tag == "main":
                    # Headings of the main content do not reach what follows it.
                    heads, heading = [None] * 7, ()
            elif kind == _CELL:
                if row is not None and cell is not None:
                    row.append(norm("".join(cell)))
                cell = None
            elif kind == _ROW:
                cells = tuple(row or ())
                all_th = bool(row_th) and all(row_th)
                row, cell = None, None
                if any(cells):
                    info = tables[-1] if tables else [None, 0, False]
                    text = " | ".join(c for c in cells if c)
                    if info[0] is None and info[1] == 0 and (info[2] or all_th):
                        info[0] = cells
                        emit_row(text, el.sourceline, None, cells)
                    else:
                        emit_row(text, el.sourceline, info[0], cells)
                    info[1] += 1
            elif kind == _HEADING:
                level = HEADINGS[el.tag]
                text, line, starts = norm_lines(buf, buf_line, anchors) if started else ("", None, ())
                buf.clear()
                anchors.clear()
                started = False
                if text:
                    heads[level] = text
                    for i in range(level + 1, 7):
                        heads[i] = None
                    heading = tuple(h for h in heads if h)
                    blocks.append(make(text, line, heading, buf_role, None, None, sup.next_block(), starts))
                    if len(blocks) > max_blocks:
                        raise ReadError(uri, f"more than {max_blocks} text blocks, over the limit (--max-blocks)")
            else:
                if started:
                    flush()
                if kind == _TABLE:
                    if tables:
                        tables.pop()
                elif kind == _THEAD and tables:
                    tables[-1][2] = False
            if saved is not None:
                role = saved
                if saved_heads is not None:
                    heads, heading = saved_heads
            if is_sect:
                sect -= 1
        else:  # comment
            text = el.text or ""
            if "cxaudit" in text and suppress.parse(text) is not None:
                if row is None and started:
                    flush()
                sup.comment(text)
            if started and row is None and el.tail:
                anchors.append((len(buf), el.sourceline))   # (a comment's line is its last one)
        tail = el.tail
        if tail:
            if row is not None:
                if cell is not None:
                    cell.append(tail)
            elif started:
                buf.append(tail)
            elif not tail.isspace():
                buf.append(tail)
                started, buf_line, buf_role = True, _end_line(el) if event == "end" else el.sourceline, role
    if started:
        flush()
    if ld_json:
        blocks.extend(_faq_blocks(ld_json, blocks, uri, max_blocks))
    return blocks


def _layout_rows(root: etree._Element) -> set:
    """Table rows that hold other tables, headings or lists: page layout, read as containers."""
    rows: set = set()
    for table in root.iter("table"):
        if table.get("role") in ("presentation", "none"):
            rows.update(table.iter("tr"))
    seen: set = set()
    for marker in root.iter(*LAYOUT_MARKERS):
        for anc in marker.iterancestors():
            if anc in seen:
                break   # this ancestor's own ancestors were marked already: linear overall
            seen.add(anc)
            if anc.tag == "tr":
                rows.add(anc)
    return rows


def _faq_blocks(scripts: list[tuple[str, int | None]], visible: list[Block], uri: str,
                max_blocks: int) -> list[Block]:
    """Q/A pairs from FAQPage JSON-LD whose answers the page does not also show."""
    from cxaudit.extract.faq import TooLarge, find_pairs, strip_html

    page = " ".join(b.text for b in visible).casefold()
    out: list[Block] = []
    for raw, line in scripts:
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        try:
            pairs = find_pairs(data, jsonld_only=True)
        except TooLarge:
            continue
        for _path, question, answer in pairs:
            text = norm(strip_html(answer))
            if not text or text.casefold() in page:
                continue
            out.append(Block(text, line, (norm(strip_html(question)),), "main"))
            if len(visible) + len(out) > max_blocks:
                raise ReadError(uri, f"more than {max_blocks} text blocks, over the limit (--max-blocks)")
    return out


_ATTR_NAME = re.compile(r"^[A-Za-z_][\w.-]*$")
_TAG_NAME = re.compile(r"^[A-Za-z][\w.-]*$")


class _CappedBuilder(html.parser.HTMLParser):
    """Builds an lxml tree from the stdlib tokenizer, flattening anything nested past max_depth."""

    def __init__(self, max_depth: int):
        super().__init__(convert_charrefs=True)
        self.tb = etree.TreeBuilder()
        self.max_depth = max_depth
        self.open: list[tuple[str, bool]] = []   # (tag, real element?)
        self.counts: dict[str, int] = {}
        self.real = 1
        self.hidden = 0          # open invisible elements (script, style, ...) past the cap
        el = self.tb.start("html", {})
        el.sourceline = 1

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            if tag == "br" or self.real < self.max_depth:
                self._element(tag, attrs, close=True)
            return
        real = self.real < self.max_depth and self._element(tag, attrs, close=False)
        if real:
            self.real += 1
        elif tag in SKIP:
            self.hidden += 1
        elif tag in BLOCK:
            self.tb.data(" ")
        self.open.append((tag, real))
        self.counts[tag] = self.counts.get(tag, 0) + 1

    def handle_startendtag(self, tag, attrs):
        if self.real < self.max_depth:
            self._element(tag, attrs, close=True)

    def handle_endtag(self, tag):
        if not self.counts.get(tag):
            return
        while self.open:
            name, real = self.open.pop()
            self.counts[name] -= 1
            if real:
                self.tb.end(name)
                self.real -= 1
            elif name in SKIP:
                self.hidden -= 1
            elif name in BLOCK:
                self.tb.data(" ")
            if name == tag:
                break

    def handle_data(self, data):
        if not self.hidden:
            self.tb.data(data)

    def handle_comment(self, data):
        self.tb.comment(data)

    def _element(self, tag, attrs, close):
        if not _TAG_NAME.match(tag):
            return False
        clean = {k: (v or "") for k, v in attrs if _ATTR_NAME.match(k)}
        try:
            el = self.tb.start(tag, clean)
        except ValueError:
            return False
        el.sourceline = self.getpos()[0]
        if close:
            self.tb.end(tag)
        return True

    def finish(self) -> etree._Element:
        self.close()
        while self.open:
            name, real = self.open.pop()
            if real:
                self.tb.end(name)
        self.tb.end("html")
        return self.tb.close()


def _parse_capped(text: str, max_depth: int) -> etree._Element:
    builder = _CappedBuilder(max(1, max_depth))
    builder.feed(text)
    return builder.finish()
