"""Run the stages: collect -> extract -> segment/match/normalise -> merge repeats -> compare.

Documents stream through (in worker processes when --jobs > 1) and are dropped once read;
only promises stay in memory. Results are merged in input order, so output is the same for
any number of jobs. Ctrl-C (or a time budget) stops reading and returns what was found,
marked incomplete.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from cxaudit.errors import NotContent, ReadError
from cxaudit.model import AuditResult, Block, Document, Location, NotRead, Promise
from cxaudit.normalize.currency import settle_bare_dollars, settle_stated_dollar

_EXTRACTORS: dict[str, object] = {}
_RULES_DIR: str | None = None


@dataclass(frozen=True)
class Options:
    sources: tuple[tuple[str, str | None], ...]         # (path or URL, channel or None)
    jobs: int | None = None
    lang: str = "auto"
    rules_dir: str | None = None
    min_confidence: float = 0.0
    channel_globs: tuple[tuple[str, str], ...] = ()
    limits: object = None                                # extract.Limits
    crawl: object = None                                 # collect.crawl.CrawlOptions
    time_budget: float | None = None
    follow_symlinks: bool = False


@dataclass
class Progress:
    """Counters the CLI shows on stderr while an audit runs."""

    documents: int = 0
    promises: int = 0
    not_read: int = 0
    current: str = ""
    crawl: object = None


def extractor(lang: str):
    ex = _EXTRACTORS.get(lang)
    if ex is None:
        from cxaudit.rxcache import compiling

        with compiling():   # (the matcher's and the packs' patterns, from the last run's compile)
            from cxaudit.match import Extractor
            from cxaudit.rulepack import load_rules

            rules = load_rules(_RULES_DIR)
            if lang not in rules.langs:
                lang = "en"
                ex = _EXTRACTORS.get(lang)
                if ex is not None:
                    return ex
            ex = Extractor(rules, lang)
        _EXTRACTORS[lang] = ex
    return ex


# A dated post about an event ("blog/black-friday-2024-recap", "news-2025-double11",
# "labor-day-sale-2024"): what it says held for that event, not for today.
_PAST_EVENT_PAGE = re.compile(r"(?i)(?:^|[/_.-])((?:19|20)\d\d)(?:[/_.-]|$)")
_EVENT_WORDS = re.compile(r"(?i)blog|news|recap|press|(?<!of[-_])(?<!of)sale(?![-_]?(?:terms|conditions))|event|promo|black[-_]?friday|cyber|boxing|labou?r[-_]?day|"
                          r"memorial|thanksgiving|christmas|holiday|double[-_]?1[12]|singles|618|campaign|diwali|deepavali|dhamaka|festive|"
                          r"festival|anniversary|weekender|lunar|ramadan|raya|onam|navratri|prime[-_]?day|bfcm|11[-_.]?11|mid[-_]?season")


_THIS_YEAR = time.localtime().tm_year
# evergreen articles keep their year in the address too ("blog/2025-buying-guide")
_EVERGREEN = re.compile(r"(?i)guide|how-to|how_to|tips|faq|explained|glossary")


def _past_event(uri: str, this_year: int | None = None) -> bool:
    """Is this a page about an event of an earlier year? ("black-friday-2030" is still to come)"""
    path = uri.split("://", 1)[-1]
    years = [int(y) for y in _PAST_EVENT_PAGE.findall(path)]
    if not years or not _EVENT_WORDS.search(path) or _EVERGREEN.search(path):
        return False
    return max(years) < (this_year or _THIS_YEAR)


# a date with its year ("June 2022", "July 2–August 2, 2021", "30 May 2022", "2022-06-07", 「2022年6月」)
_DATED_YEAR = re.compile(r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+((?:19|20)\d\d)\b"
                         r"|\b((?:19|20)\d\d)[-/.]\d{1,2}[-/.]\d{1,2}\b|((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月")


def _dated_event_page(uri: str, blocks) -> bool:
    """A page about an event (by its address: a blog, news, a sale) whose own text dates it,
    every date of an earlier year (the address holding no year: that case is `_past_event`'s)."""
    path = uri.split("://", 1)[-1]
    # ("inbound-sales-script", "sales-and-service": a team's name, not a sale)
    if _PAST_EVENT_PAGE.search(path) or not _EVENT_WORDS.search(re.sub(r"(?i)sales", "", path)) or _EVERGREEN.search(path):
        return False
    years = [int(next(y for y in m.groups() if y)) for b in blocks if b.role == "main" for m in _DATED_YEAR.finditer(b.text)]
    return bool(years) and max(years) < _THIS_YEAR


_LINE_KINDS = {"support_hours", "wait_time"}
# a paragraph led by a label in capitals or a few words and a colon ("UK CUSTOMERS: …", "Ireland: …")


def reads_to_promises(reads, block: Block, doc: Document) -> list[Promise]:
    if not reads:
        return []
    loc = Location(doc.uri, doc.channel, block.line, block.heading[-1] if block.heading else None)
    where = [loc] * len(reads)
    if block.line_starts:
        # a paragraph over several source lines: each promise at the line its sentence starts on
        at = {loc.line: loc}
        for i, r in enumerate(reads):
            line = block.line_at(_sentence_start(block.text, r.text))
            if line not in at:
                at[line] = replace(loc, line=line)
            where[i] = at[line]
    if reads and block.role == "main" and doc.channel != "policy" and _past_event(doc.uri):
        # (the site's own banner and footer on that page are today's, as on every other page)
        # (each past event its own: two old campaigns' terms are no rivals either)
        event = "past_event:" + re.sub(r"\W+", "-", doc.uri.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()).strip("-")
        reads = [replace(r, scope=tuple(sorted({**dict(r.scope), "period": event}.items()))) for r in reads]
    if doc.channel == "call_centre" and any(r.kind in _LINE_KINDS and "medium" not in dict(r.scope) for r in reads):
        # an agent giving "our hours" or "the wait" on a call speaks of the phone line
        from cxaudit.match import _subject

        reads = [replace(r, scope=tuple(sorted(scope.items())), subject=_subject(r.kind, scope))
                 if r.kind in _LINE_KINDS and "medium" not in dict(r.scope) else r
                 for r in reads for scope in [{**dict(r.scope), "medium": "phone"}]]
    return [Promise(kind=r.kind, subject=r.subject, scope=r.scope, min=r.min, max=r.max, unit=r.unit,
                    qualifier=r.qualifier, schedule=r.schedule, text=r.text, source=src, lang=r.lang,
                    confidence=r.confidence, rule=r.rule, span=r.span, cue=r.cue, suppress=block.suppress,
                    bare_dollar=r.bare_dollar)
            for r, src in zip(reads, where)]


# "Sold and shipped by ErgoPlay GmbH – a Stromberg Marketplace partner": the page's terms are that seller's
# (the line itself says so, as a product page's seller badge does; a help article that mentions
# partners' items in passing is not theirs)
_SOLD_BY_PARTNER = re.compile(r"(?i)^\W{0,3}(?:sold|shipped|fulfilled|dispatched)\s+(?:and\s+(?:shipped|fulfilled|dispatched|delivered)\s+)?by\s+"
                              r"[^.\n|]{2,80}?(?:marketplace\s+(?:partner|seller|vendor)|third[- ]party\s+(?:seller|vendor|merchant)|partner\s+(?:seller|merchant))\b"
                              # 「本商品由润颜坊旗舰店销售并发货」 (not 「由花漾自营销售」), a badge 「润颜坊旗舰店 第三方商家」
                              r"|(?:本|该|該|此)商品由(?![^，。,]{0,12}自[营營])[^，。,]{2,30}?(?:销售|銷售|售出)(?:并|並|及|和)?(?:发货|發貨|出货|出貨|配送)"
                              r"|^\W{0,3}\S{0,20}\s*第三方(?:商家|卖家|賣家|商户|商戶|店铺|店鋪)\W{0,3}$")


_MARKETPLACE_STORE_ONLY = re.compile(r"(?:仅|僅|只)(?:适|適)用(?:于|於)?(?:在|於|于)?本?(?P<where>天猫|天貓|淘宝|淘寶|Tmall|京东|京東|JD)(?:店铺|店鋪|旗舰店|旗艦店|店)?"
                                     r"(?:下单|下單|购买|購買|订购|訂購)")
# (or a page titled as that store: 「岭行户外京东官方旗舰店」)
_MARKETPLACE_STORE_TITLE = re.compile(r"(?P<where>天猫|天貓|淘宝|淘寶|Tmall|京东|京東)(?:官方|自营|自營)?(?:旗舰店|旗艦店|专卖店|專賣店)")
_FLAGSHIP = re.compile(r"(?:旗舰店|旗艦店|专卖店|專賣店)\s*$")
_MARKETPLACE_NAMED = re.compile(r"(?P<where>天猫|天貓|Tmall|京东|京東)")
_STORE_SELLER = {"天猫": "tmall", "天貓": "tmall", "淘宝": "tmall", "淘寶": "tmall", "Tmall": "tmall", "京东": "jd", "京東": "jd", "JD": "jd"}


def _marketplace_store(blocks: list[Block]) -> str | None:
    """The marketplace whose store this page is, when its terms apply only to orders placed there
    (「以下服务说明仅适用于在本天猫店铺下单的订单；官方商城订单请以官网政策为准」), or it is titled as
    that store (「岭行户外京东官方旗舰店」; 「岫云茶舍旗舰店」 under a top bar naming 天猫Tmall.com)."""
    said = next((m for b in blocks if not b.text.isascii() and (m := _MARKETPLACE_STORE_ONLY.search(b.text))), None)
    if said is None:
        title = next((b.heading[0] for b in blocks if b.heading), "")
        said = _MARKETPLACE_STORE_TITLE.search(title) or (
            _MARKETPLACE_NAMED.search(" ".join(b.text for b in blocks[:3])) if _FLAGSHIP.search(title) else None)
    return _STORE_SELLER[said.group("where")] if said else None


def _sold_by_partner(promises: list[Promise], main: set[int], seller: str = "marketplace") -> list[Promise]:
    """A marketplace partner's product page: its own content's terms are that seller's, held only
    against other sellers' (the site's banner and footer on the page stay the shop's)."""
    from cxaudit.match import SCOPE_KEYS, _subject

    out = []
    for p in promises:
        scope = dict(p.scope)
        if id(p) in main and "seller" in SCOPE_KEYS.get(p.kind, ()) and "seller" not in scope:
            scope["seller"] = seller
            p = replace(p, scope=tuple(sorted(scope.items())), subject=_subject(p.kind, scope))
        out.append(p)
    return out


def _sentence_start(block_text: str, sentence: str) -> int:
    """Where a promise's sentence starts in its block's text (0 when it cannot be found there: a
    reading that rewrote it, as a footnote mark dropped, reads as the block's first line)."""
    at = block_text.find(sentence)
    if at < 0:
        head = sentence[:24]
        at = block_text.find(head) if len(head) >= 8 else -1
    return max(at, 0)


def promises_in_blocks(blocks: Iterable[Block], doc: Document, lang: str = "auto") -> list[Promise]:
    seen: list[Block] = []
    out = _promises_in_blocks(blocks, doc, lang, seen)
    if any(k == "tier" for p in out if p.lang == "en" for k, _ in p.scope):
        # a shop whose own name holds a tier's word ("Cellar Door Club"): its document is read
        # again with that name set aside, or every line of its call script would be the members'
        ex = extractor("en")
        names = ex.brand_names(b.text for b in seen)
        if names:
            with ex.brand(names):
                out = _promises_in_blocks(seen, doc, lang, [])
    return out


def _promises_in_blocks(blocks: Iterable[Block], doc: Document, lang: str, seen: list[Block]) -> list[Promise]:
    from cxaudit.segment import detect_lang

    if "cxaudit.match" not in sys.modules:
        from cxaudit.rxcache import compiling

        with compiling():   # (the matcher's module patterns, compiled at import, from the last run's compile)
            import cxaudit.match  # noqa: F401
    from cxaudit.match import LEAD_LABEL

    out: list[Promise] = []
    prev: tuple[Block, Promise] | None = None   # the last block's lone opening-hours line
    last: Block | None = None
    section: tuple[tuple[str, ...], str] | None = None   # a leading label ("UK CUSTOMERS: …") and its heading
    opener: _Opener | None = None   # a line that heads the blocks after it: "…rates are:", an FAQ question
    main: set[int] = set()   # the promises of the page's own content (not its banner, menu or footer)
    sold_elsewhere = False   # a marketplace partner's product page
    for block in blocks:
        seen.append(block)
        block_lang = detect_lang(block.text) if lang == "auto" else lang
        ex = extractor(block_lang)
        if opener is not None and not opener.heads(block):
            opener = None
        if opener is not None:
            reads = ex.read_block(replace(block, heading=block.heading + (opener.label,)))
            opener = replace(opener, read=opener.read + 1)
        else:
            reads = ex.read_block(block)
        if block.cells is None:
            # a bilingual line ("信用卡：…7個工作天內處理退款。Credit card refunds are processed within 7
            # working days …"): each language's sentences are read by that language's rules
            runs = _other_language_runs(block.text, block_lang)
            if runs:
                # (a value inside the other language's sentence is that language's to read)
                reads = tuple(r for r in reads if not any(a <= _at(block.text, r) < b for a, b in runs))
            for a, b in runs:
                reads = (*reads, *extractor("en" if block_lang == "zh" else "zh").read_block(replace(block, text=block.text[a:b])))
        if not reads and block.cells is None:
            opener = _Opener.of(block) or opener
        lead = LEAD_LABEL.match(block.text) if block.cells is None else None
        if lead:
            # (a labelled line with a promise of its own, "Ireland: 3–5 days.", heads nothing)
            section = (block.heading, lead.group(1)) if not reads else None
        elif section is not None and section[0] != block.heading:
            section = None
        if reads and last is not None and last.heading == block.heading and block.cells is None:
            # a script's next line pointing back ("Standard Delivery to these postcodes takes 5-7
            # working days" under "Highlands & Islands: next day is NOT available")
            reads = ex.inherit_region(reads, block.text, last.text, label=last.text.rstrip().endswith(":"))
        if reads and section is not None and not lead:
            # "AUSTRALIAN CUSTOMERS: We offer express courier shipping." then the paragraphs that
            # follow, up to the next such label or heading
            reads = ex.inherit_region(reads, block.text, section[1] + ":", label=True)
        last = block
        found = reads_to_promises(reads, block, doc)
        line = found[0] if len(found) == 1 and _hours_line(found[0]) else None
        if line is not None and prev is not None and _continues(prev, block, line):
            # "- Monday to Friday: 8am–8pm" then "- Saturday: 9am–5pm": one timetable given a
            # line at a time, not two weeks that disagree about Saturday
            merged = replace(prev[1], schedule=tuple(dict.fromkeys(prev[1].schedule + line.schedule)),
                             text=f"{prev[1].text}; {line.text}")
            out[out.index(prev[1])] = merged
            prev = (block, merged)
            continue
        out.extend(found)
        if block.role == "main":
            main.update(id(p) for p in found)
            sold_elsewhere = sold_elsewhere or bool(_SOLD_BY_PARTNER.search(block.text))
        prev = (block, line) if line is not None else None
    if sold_elsewhere:
        out = _sold_by_partner(out, main)
    elif main and (store := _marketplace_store(seen)):
        out = _sold_by_partner(out, main, store)
    if main and doc.channel not in ("policy", "call_centre") and _dated_event_page(doc.uri, seen):
        # a blog post or news item about an event whose dates are all of an earlier year ("Offers
        # valid 1–7 June 2022"): its terms held then, as on a page with the year in its address
        event = {"period": "past_event:" + re.sub(r"\W+", "-", doc.uri.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()).strip("-")}
        out = [replace(p, scope=tuple(sorted({**dict(p.scope), **event}.items()))) if id(p) in main and "period" not in dict(p.scope)
               else p for p in out]
    if any(p.bare_dollar and p.unit == "USD" for p in out):
        # (a section headed by a country states its own prices: "## Canada ... prices are shown in
        # Canadian dollars at checkout" on a US shop's shipping page)
        out = settle_stated_dollar(out, (b.text for b in seen if not (
            b.heading and len(b.heading[-1].split()) <= 4 and _MARKET_HEADING.search(b.heading[-1]))))
    return _drop_heading_echoes(out)


_MARKET_HEADING = re.compile(r"\b(?:Canada|Canadian|Australia|Australian|New\s+Zealand|Singapore|Hong\s+Kong|"
                             r"United\s+States|USA|U\.S\.|International)\b", re.I)


# an English sentence inside a Chinese block, and a Chinese one inside an English block
_EN_RUN = re.compile(r"(?<![A-Za-z])[A-Z][^\u3400-\u9fff\uff01-\uff5e。、]{30,}?[.!?](?=\s|$|[\u3400-\u9fff])")
_ZH_RUN = re.compile(r"[\u3400-\u9fff][^A-Za-z]{7,}?[。！？]")


def _other_language_runs(text: str, lang: str) -> list[tuple[int, int]]:
    """The spans of the sentences of `text` written in the other language than the block's (six
    words or eight characters at least), read apart by that language's rules."""
    if lang == "zh":
        return [m.span() for m in _EN_RUN.finditer(text) if len(m.group(0).split()) >= 6]
    if text.isascii():
        return []
    return [m.span() for m in _ZH_RUN.finditer(text) if len(re.findall(r"[\u3400-\u9fff]", m.group(0))) >= 8]


def _at(text: str, read) -> int:
    """Where a read's value stands in its block's text (-1 when its sentence is not found there)."""
    at = text.find(read.text)
    return at + read.span[0] if at >= 0 else -1


@dataclass(frozen=True)
class _Opener:
    """A line that heads the blocks after it under the same heading, as a heading would:
    - a line ending in a colon heads the list items and table rows it opens ("Our shipping and
      handling rates in NZ are:" over "| Over $100 | FREE |", "Delivery times:" over "- Metro:
      1-2 business days"), up to the first full sentence, which says what it is about itself;
    - an FAQ question shown as a button or a line of its own ("Do you deliver to the Highlands,
      Islands and Northern Ireland?") heads the few paragraphs of its answer."""

    heading: tuple[str, ...]
    label: str
    question: bool
    read: int = 0

    @staticmethod
    def of(block: Block) -> "_Opener | None":
        text = block.text.rstrip()
        if text.endswith((":", "：")) and len(text) <= 160:
            return _Opener(block.heading, text.rstrip(" :："), question=False)
        if text.endswith(("?", "？")) and len(text) <= 200:
            return _Opener(block.heading, text, question=True)
        return None

    def heads(self, block: Block) -> bool:
        if block.heading != self.heading:
            return False
        if self.question:
            return block.cells is None and self.read < 4
        if block.cells is not None:
            return True
        if any("\u4e00" <= ch <= "\u9fff" for ch in block.text[:20]):
            return len(block.text) <= 30
        words = len(block.text.split())
        # (a labelled line of a list, "Hollybrook Van (WR, GL, HR, B60-61): 1-3 working days", is an item
        # however long its label)
        return words <= 8 or (words <= 14 and ": " in block.text and not block.text.rstrip().endswith((".", "!")))


def _drop_heading_echoes(promises: list[Promise]) -> list[Promise]:
    """"## 3-year warranty" over "Apparel, footwear and sleeping bags are covered for 3 years": the
    heading announces the promise its section states with its scope; read alone it would be an
    unscoped rival of every other section's term."""
    def key(p: Promise) -> tuple:
        return p.kind, p.min, p.max, p.unit, p.schedule

    stated = {(p.source.heading, key(p)) for p in promises if p.text != p.source.heading}
    return [p for p in promises if not (p.source.heading and p.text == p.source.heading
                                        and (p.text, key(p)) in stated)]


def _hours_line(p: Promise) -> bool:
    return p.kind == "support_hours" and isinstance(p.schedule, tuple) and len(p.text) <= 120


def _days(p: Promise) -> set[str]:
    from cxaudit.compare import _week

    week = _week(p.schedule)
    return set(week) if isinstance(week, dict) else set()


def _continues(prev: tuple[Block, Promise], block: Block, line: Promise) -> bool:
    """Is `line` the next line of the timetable `prev` began (same place, same scope, new days)?"""
    pb, pp = prev
    return (pb.heading == block.heading and pb.role == block.role and pb.table is None and block.table is None
            and pp.scope == line.scope and pp.source.uri == line.source.uri
            and (block.line or 0) - (pb.line or 0) <= 3 and not _days(pp) & _days(line))


def extract_document(doc: Document, lang: str = "auto", limits=None) -> tuple[list[Promise], NotRead | None]:
    """Read one document; never raises for bad input (it becomes a NotRead)."""
    from cxaudit.extract import read_blocks

    try:
        blocks = read_blocks(doc, limits) if limits is not None else read_blocks(doc)
    except NotContent as err:
        from cxaudit.collect.files import Skipped

        return [], Skipped(doc.uri, err.reason)
    except ReadError as err:
        return [], NotRead(doc.uri, err.reason)
    except MemoryError:
        return [], NotRead(doc.uri, "out of memory while reading")
    except Exception as err:  # a reader bug must not sink the audit; name it
        return [], NotRead(doc.uri, f"could not be read: {type(err).__name__}: {err}".splitlines()[0][:200])
    return promises_in_blocks(blocks, doc, lang), None


def _worker_init(rules_dir: str | None) -> None:
    global _RULES_DIR
    _RULES_DIR = rules_dir
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and keeps partial results
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # forked from the CLI's handler; Pool.terminate must work


def _worker(args) -> tuple[list[Promise], NotRead | None]:
    doc, lang, limits = args
    return extract_document(doc, lang, limits)


def collect(opts: Options, stop: threading.Event, progress: Progress | None,
            crawl_state: dict | None = None) -> Iterator[object]:
    """Documents, NotRead and Skipped items from every source. Local sources come in the order
    given; all URL seeds go to one crawl (so a site and its help centre on one host are fetched
    once, each page taking the channel of its longest matching seed)."""
    from cxaudit.collect.files import walk

    seeds = [(t, c) for t, c in opts.sources if t.startswith(("http://", "https://"))]
    crawled = False
    for target, channel in opts.sources:
        if stop.is_set():
            return
        if target.startswith(("http://", "https://")):
            if crawled:
                continue
            crawled = True
            from cxaudit.collect.crawl import CrawlOptions, crawl

            def _progress(stats, url, _p=progress):
                if _p is not None:
                    _p.crawl, _p.current = stats, url

            start = crawl
            if (opts.jobs or os.cpu_count() or 1) > 1:
                # With extraction in worker processes, the crawl gets a process (and an
                # interpreter lock) of its own too; see collect.crawl_process.
                from cxaudit.collect.crawl_process import crawl_in_process as start
            c = start(seeds, opts.crawl or CrawlOptions(), progress=_progress, stop=stop)
            try:
                yield from c
            finally:
                c.close()
                if crawl_state is not None:
                    crawl_state["incomplete"] = bool(getattr(c.stats, "incomplete", False))
                    crawl_state["reason"] = getattr(c.stats, "stop_reason", None)
            continue
        try:
            yield from walk(target, channel, opts.channel_globs, follow_symlinks=opts.follow_symlinks)
        except ReadError as err:
            yield NotRead(err.uri, err.reason)


def run(opts: Options, progress: Progress | None = None, stop: threading.Event | None = None,
        on_promises: Callable[[list[Promise]], None] | None = None) -> AuditResult:
    """Collect and extract every source; returns promises (repeats merged) and what was not read.
    Comparison is done by the caller (audit) or skipped (extract)."""
    global _RULES_DIR
    _RULES_DIR = opts.rules_dir
    stop = stop or threading.Event()
    deadline = time.monotonic() + opts.time_budget if opts.time_budget else None
    merged = Repeats(opts.min_confidence)
    not_read: list[NotRead] = []
    skipped_files: list[NotRead] = []
    documents = skipped = 0
    incomplete = False

    def consume(items: Iterable[object]) -> Iterator[Document]:
        nonlocal skipped
        for item in items:
            if isinstance(item, Document):
                yield item
            elif isinstance(item, NotRead):
                not_read.append(item)
                if progress:
                    progress.not_read += 1
            else:
                skipped += 1

    jobs = opts.jobs or os.cpu_count() or 1
    crawl_state: dict = {}
    stream = consume(collect(opts, stop, progress, crawl_state))
    # Small inputs are read in-process: forking workers costs more than it saves.
    head: list[Document] = []
    for doc in stream:
        head.append(doc)
        if len(head) >= 16:
            break
    parallel = jobs > 1 and len(head) >= 16

    def all_docs() -> Iterator[Document]:
        yield from head
        yield from stream

    def take(result: tuple[list[Promise], NotRead | None], uri: str) -> None:
        nonlocal documents, skipped
        found, failed = result
        if failed is not None and not isinstance(failed, NotRead):
            skipped += 1
            skipped_files.append(NotRead(failed.uri, failed.reason))
        elif failed is not None:
            not_read.append(failed)
            if progress:
                progress.not_read += 1
        else:
            documents += 1
            merged.add(found)
            if on_promises:
                on_promises(found)
        if progress:
            progress.documents = documents
            progress.promises = len(merged)
            progress.current = uri

    try:
        if not parallel:
            for doc in all_docs():
                if stop.is_set() or (deadline and time.monotonic() > deadline):
                    incomplete = True
                    break
                take(extract_document(doc, opts.lang, opts.limits), doc.uri)
        else:
            extractor("en")  # build once in the parent; forked workers inherit it
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(jobs, initializer=_worker_init, initargs=(opts.rules_dir,)) as pool:
                pending = ((d, opts.lang, opts.limits) for d in all_docs())
                uris: list[str] = []
                # Pool.imap drains its input eagerly; the semaphore keeps fetched bodies from piling up.
                in_flight = threading.Semaphore(jobs * 32)

                def feed() -> Iterator[tuple]:
                    for item in pending:
                        while not in_flight.acquire(timeout=0.2):
                            if stop.is_set():
                                return
                        if stop.is_set() or (deadline and time.monotonic() > deadline):
                            return
                        uris.append(item[0].uri)
                        yield item

                # Chunks of 16: the parent's per-task cost was a tenth of a core at 700 pages/s.
                for i, result in enumerate(pool.imap(_worker, feed(), chunksize=16)):
                    in_flight.release()
                    take(result, uris[i] if i < len(uris) else "")
                    if stop.is_set() or (deadline and time.monotonic() > deadline):
                        incomplete = True
                        pool.terminate()
                        break
    except KeyboardInterrupt:
        stop.set()
        incomplete = True
    if stop.is_set() or crawl_state.get("incomplete"):
        incomplete = True
    if deadline and time.monotonic() > deadline:
        incomplete = True
    return AuditResult(
        promises=tuple(settle_bare_dollars(merged.promises())),
        not_read=tuple(sorted(set(not_read), key=lambda n: n.uri)),
        documents=documents, skipped=skipped, incomplete=incomplete,
        skipped_files=tuple(sorted(set(skipped_files), key=lambda n: n.uri)),
    )


def _representative(p: Promise) -> tuple:
    """Which page stands for a block repeated on many (a footer, a banner): the shallowest, a
    home or index page first, so the report points at the site's front rather than at whichever
    blog post sorts first."""
    uri = p.source.uri
    path = uri.split("://", 1)[-1].split("?", 1)[0]
    name = path.rstrip("/").rsplit("/", 1)[-1]
    front = path.endswith("/") or "/" not in path or name.startswith(("index.", "home."))
    return (path.count("/"), not front, uri, p.source.line or 0)


class Repeats:
    """One message per (channel, kind, text, value), merged as results arrive: a banner on 20,000
    pages is one promise with pages=20000, and memory holds one object for it, not 20,000."""

    def __init__(self, min_confidence: float = 0.0):
        self.min_confidence = min_confidence
        self._groups: dict[tuple, list] = {}   # key -> [first promise by (uri, line), set of uris]

    def __len__(self) -> int:
        return len(self._groups)

    def add(self, promises: Iterable[Promise]) -> None:
        for p in promises:
            if p.confidence < self.min_confidence:
                continue
            key = (p.source.channel, p.kind, " ".join(p.text.lower().split()), p.value_key())
            group = self._groups.get(key)
            if group is None:
                self._groups[key] = [p, {p.source.uri}]
                continue
            group[1].add(p.source.uri)
            if _representative(p) < _representative(group[0]):
                group[0] = p

    def promises(self) -> list[Promise]:
        out = []
        for first, uris in self._groups.values():
            out.append(replace(first, pages=len(uris)) if len(uris) != first.pages else first)
        out.sort(key=lambda p: (p.source.uri, p.source.line or 0, p.kind, p.text, p.span))
        return out
