"""Polite, bounded, fault-tolerant breadth-first web crawl that yields Documents and NotReads."""

# Fetching runs on an asyncio loop in a background thread (httpx.AsyncClient); pages reach the
# caller through a bounded hand-over, so the caller's extraction overlaps fetching and memory
# stays flat however many pages the site has.

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import hashlib
import os
import importlib.util
import queue
import random
import re
import socket
import ssl
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin

if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
    # httpcore tries `import sniffio` for every connection lock; when it is not installed that
    # failed import scans sys.path each time (~1.4 ms a request here). A None entry makes the
    # import fail at once, with the same outcome.
    sys.modules["sniffio"] = None  # type: ignore[assignment]

import httpx

from cxaudit import __version__
from cxaudit.model import CHANNELS, Document, NotRead

from . import robots as robots_mod
from . import sitemap as sitemap_mod
from .cache import PageCache
from .urls import LinkExtractor, Scope, host_of, normalize, origin_of, page_key, scheme_of

from .options import USER_AGENT, CrawlOptions  # noqa: F401  (the options live apart: no httpx to build them)

# The command-line option behind each limit, named in "not read" reasons and skip reasons.
OPTION_NAMES = {
    "timeout": "--timeout", "page_time_limit": "--page-time-limit", "max_body_bytes": "--max-page-size",
    "max_redirects": "--max-redirects", "time_budget": "--time-budget",
}


@dataclass
class CrawlStats:
    fetched: int = 0        # pages downloaded and handed over
    cached: int = 0         # pages handed over from the cache after a 304 Not Modified
    failed: int = 0         # pages handed over as NotRead
    skipped: int = 0        # distinct links not followed (off-host, mailto:, limits, ...)
    queued: int = 0         # pages waiting to be fetched
    duplicates: int = 0     # pages fetched but not handed over (same body or canonical)
    requests: int = 0       # HTTP requests sent, including robots.txt, sitemaps, redirects, retries
    bytes: int = 0          # bytes received on the wire (before decompression)
    sitemaps: int = 0       # sitemaps read
    skip_reasons: dict[str, int] = field(default_factory=dict)
    incomplete: bool = False          # stopped early: interrupted or time budget
    stop_reason: str | None = None
    elapsed: float = 0.0

    def copy(self) -> CrawlStats:
        return replace(self, skip_reasons=dict(self.skip_reasons))


def crawl(seeds: Sequence[tuple[str, str | None]], opts: CrawlOptions = CrawlOptions(),
          progress: Callable[[CrawlStats, str], None] | None = None,
          stop: threading.Event | None = None) -> Crawl:
    """Crawl from (url, channel-or-None) seeds. The result is an iterator of Document | NotRead
    with `.stats` and `.close()`; closing it, or dropping it, stops the crawl thread."""
    return Crawl(seeds, opts, progress, stop)


# ---------------------------------------------------------------------------------------------
# content types

_MIME_FMT = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/pdf": "pdf", "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "text/plain": "txt", "text/markdown": "md", "text/x-markdown": "md",
}
_EXT_FMT = {".pdf": "pdf", ".docx": "docx", ".md": "md", ".markdown": "md", ".txt": "txt",
            ".html": "html", ".htm": "html"}
_GENERIC_MIME = {"", "application/octet-stream", "binary/octet-stream", "application/download",
                 "application/force-download", "application/x-download"}
_SNIFF = "sniff"


def _ext_fmt(url: str) -> str | None:
    path = url.split("?", 1)[0].lower()
    dot = path.rfind(".")
    return _EXT_FMT.get(path[dot:]) if dot > path.rfind("/") else None


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            value = value.strip().strip("\"'").strip()
            return value or None
    return None


def content_fmt(content_type: str | None, url: str) -> str | None:
    """Format to read a response as, _SNIFF to decide from the body, None to refuse it."""
    mime = _mime(content_type)
    fmt = _MIME_FMT.get(mime)
    if fmt == "txt" and _ext_fmt(url) == "md":
        return "md"
    if fmt:
        return fmt
    if mime in _GENERIC_MIME:
        ext = _ext_fmt(url)
        return ext if ext in ("pdf", "docx") else _SNIFF
    return None


def _sniff(body: bytes, url: str) -> str | None:
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith(b"pk\x03\x04") and _ext_fmt(url) == "docx":
        return "docx"
    if head.startswith(b"<") and (b"<html" in head or b"<!doctype html" in head or b"<body" in head):
        return "html"
    return None


# ---------------------------------------------------------------------------------------------
# failures

def _size(n: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= scale:
            v = n / scale
            return f"{v:.0f} {unit}" if v == int(v) else f"{v:.1f} {unit}"
    return f"{n} bytes"


def _secs(t: float) -> str:
    return f"{t:g} s"


class _Fail(Exception):
    """One fetch attempt failed; `retry` says whether another attempt may help."""

    def __init__(self, reason: str, retry: bool = False, retry_after: float | None = None,
                 status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry = retry
        self.retry_after = retry_after
        self.status = status   # the HTTP status, when the server answered


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def http_transport(connections: int) -> httpx.AsyncBaseTransport | None:
    """The transport under httpx's API. httpx's own async transport costs 2-5 ms of CPU a page
    and gets slower as concurrency rises; aiohttp's connection handling (through httpx-aiohttp)
    costs a fraction of that. CXAUDIT_HTTP_TRANSPORT=httpx selects httpx's own (None here)."""
    if os.environ.get("CXAUDIT_HTTP_TRANSPORT", "aiohttp").strip().lower() == "httpx":
        return None
    try:
        import aiohttp
        from httpx_aiohttp import AiohttpTransport
    except ImportError:
        return None

    from urllib.request import getproxies

    # With trust_env aiohttp looks up proxy settings (and reads ~/.netrc) in a thread on every
    # request, a fifth of the crawler's CPU; it is only worth it when a proxy is configured.
    proxies = bool(getproxies())

    def session() -> aiohttp.ClientSession:
        # Created lazily, inside the crawl's event loop. The crawler inflates bodies itself (so the
        # size limit counts decompressed bytes as they stream) and follows redirects itself.
        return aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=connections, limit_per_host=connections),
            auto_decompress=False, trust_env=proxies)

    return AiohttpTransport(client=session)


def _os_reason(exc: BaseException) -> _Fail | None:
    for e in _chain(exc):
        # aiohttp wraps the ssl module's error and subclasses it without its attributes
        e = getattr(e, "certificate_error", None) or getattr(e, "os_error", None) or e
        if isinstance(e, socket.gaierror):
            return _Fail("DNS lookup failed")
        if isinstance(e, ssl.SSLCertVerificationError):
            message = getattr(e, "verify_message", None)
            return _Fail(f"TLS error: certificate verify failed{f': {message}' if message else ''}")
        if isinstance(e, ssl.SSLError):
            reason = getattr(e, "reason", None) or str(e)
            return _Fail(f"TLS error: {reason.lower().replace('_', ' ')}")
        if isinstance(e, ConnectionRefusedError):
            return _Fail("connection refused", retry=True)
        if isinstance(e, ConnectionResetError):
            return _Fail("connection reset", retry=True)
    return None


def _from_aiohttp(exc: BaseException) -> bool:
    return any(type(e).__module__.startswith("aiohttp") for e in _chain(exc))


def _aiohttp_reason(exc: BaseException, opts: CrawlOptions) -> _Fail | None:
    """httpx-aiohttp maps aiohttp's errors coarsely (a dropped connection becomes ConnectTimeout);
    name them from the original exception instead."""
    for e in _chain(exc):
        if not type(e).__module__.startswith("aiohttp"):
            continue
        names = {c.__name__ for c in type(e).__mro__}
        if names & {"ServerTimeoutError", "SocketTimeoutError"}:
            if "ConnectionTimeoutError" in names:
                return _Fail(f"connect timed out after {_secs(opts.timeout)} ({OPTION_NAMES['timeout']})", retry=True)
            return _Fail(f"timed out after {_secs(opts.timeout)} ({OPTION_NAMES['timeout']})")
        if names & {"ServerDisconnectedError", "ClientPayloadError"}:
            got = re.search(r"received (\d+) of (\d+) bytes", str(e))
            counts = f" ({int(got[1]):,} of {int(got[2]):,} bytes)" if got else ""
            return _Fail(f"connection closed mid-body{counts}", retry=True)
        if "ClientResponseError" in names:
            return _Fail(f"bad HTTP response: {str(e)[:120]}", retry=True)
        if "ClientConnectionError" in names:
            return _Fail(f"connection error: {str(e)[:120] or type(e).__name__}", retry=True)
    return None


def _describe(exc: BaseException, opts: CrawlOptions) -> _Fail:
    """A one-line reason for a transport failure, and whether retrying makes sense."""
    named = _os_reason(exc) or _aiohttp_reason(exc, opts)
    if named is not None:
        return named
    if isinstance(exc, httpx.ConnectTimeout) and not _from_aiohttp(exc):
        return _Fail(f"connect timed out after {_secs(opts.timeout)} ({OPTION_NAMES['timeout']})", retry=True)
    if isinstance(exc, httpx.TimeoutException) and not _from_aiohttp(exc):
        return _Fail(f"timed out after {_secs(opts.timeout)} ({OPTION_NAMES['timeout']})")
    if isinstance(exc, httpx.RemoteProtocolError):
        msg = str(exc)
        if "incomplete" in msg or "peer closed" in msg or "without sending" in msg:
            return _Fail("connection closed mid-body", retry=True)
        return _Fail(f"bad HTTP response: {msg[:120]}", retry=True)
    if isinstance(exc, (httpx.ReadError, httpx.WriteError, httpx.ConnectError)):
        msg = str(exc) or type(exc).__name__
        return _Fail(f"connection error: {msg[:120]}", retry=True)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return _Fail("unsupported URL scheme")
    if isinstance(exc, (httpx.InvalidURL, httpx.LocalProtocolError, ValueError, UnicodeError)):
        return _Fail(f"invalid URL or header: {str(exc)[:120]}")
    return _Fail(f"fetch failed: {type(exc).__name__}: {str(exc)[:120]}")


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


class _Inflate:
    """Bounded gzip/deflate decoder: unlike httpx's, it never produces more than asked for, so a
    compression bomb is stopped at the size limit instead of being inflated in one go."""

    def __init__(self, encoding: str):
        self.raw_fallback = encoding == "deflate"
        # 32+: accept a gzip or zlib header. "deflate" is sometimes sent raw (no header).
        self.d = zlib.decompressobj(32 + zlib.MAX_WBITS)
        self.started = False

    def feed(self, data: bytes, room: int) -> bytes:
        out = bytearray()
        while data and len(out) < room:
            try:
                chunk = self.d.decompress(data, room - len(out))
            except zlib.error:
                if self.raw_fallback and not self.started:
                    self.d = zlib.decompressobj(-zlib.MAX_WBITS)
                    self.raw_fallback = False
                    continue
                raise
            self.started = True
            out += chunk
            if self.d.unconsumed_tail:
                data = self.d.unconsumed_tail
            elif self.d.eof and self.d.unused_data:   # concatenated gzip members
                data = self.d.unused_data
                self.d = zlib.decompressobj(32 + zlib.MAX_WBITS)
            else:
                data = b""
        return bytes(out)


# ---------------------------------------------------------------------------------------------
# the engine (runs in the crawl thread)

_DONE = object()
_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = ("text/html,application/xhtml+xml,application/pdf,"
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
           "text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1")
_LOCATION = "x-cxaudit-location"
_HANDOVER = 16          # pages fetched ahead of the consumer at most
_PARSE_OFFLOAD = 200_000   # bodies larger than this are parsed off the event loop


@dataclass(slots=True)
class _Item:
    url: str
    depth: int
    channel: str | None
    kind: str = "page"      # page | sitemap | discover
    seed: bool = False
    nesting: int = 0


@dataclass(slots=True)
class _Resp:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes | None = None
    fmt: str | None = None


async def _hide_location(response: httpx.Response) -> None:
    # httpx builds the next request of a redirect even when not following it, and raises on a
    # Location it cannot parse (mailto:, garbage). We resolve redirects ourselves, so move the
    # header out of its way.
    loc = response.headers.get("location")
    if loc is not None:
        del response.headers["location"]
        response.headers[_LOCATION] = loc


class _Crash:
    def __init__(self, exc: BaseException):
        self.exc = exc


class _Engine:
    def __init__(self, seeds: Sequence[tuple[str, str | None]], opts: CrawlOptions,
                 stop: threading.Event | None):
        self.opts = opts
        self.seeds = list(seeds)
        self.stop_event = stop
        self.stats = CrawlStats()
        self.out: queue.Queue = queue.Queue()
        self.current = ""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._early_stop: str | None = None
        self._stopping = False
        self.cache = PageCache(opts.cache_dir)
        self.scope = Scope(allow_hosts=opts.allow_hosts, include=opts.include, exclude=opts.exclude)
        self.extractor = LinkExtractor(self.scope)
        self._seen: set[str] = set()        # page keys admitted to the frontier
        self._claimed: set[str] = set()     # page keys handed over (or being)
        self._bodies: set[bytes] = set()    # sha1 digests of bodies handed over
        self._refused: set[str] = set()
        self._admitted = 0
        self._sitemaps_seen: set[str] = set()
        self._robots: dict[str, asyncio.Future] = {}
        self._intervals: dict[str, float] = {}
        self._next_slot: dict[str, float] = {}
        self._seed_prefixes: list[tuple[str, str | None]] = []
        self._pending_out = 0
        self._started = time.monotonic()

    # -- thread side ----------------------------------------------------------------------

    def run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as e:  # a bug, not a page failure: the consumer re-raises it
            self.out.put(_Crash(e))
        finally:
            self.stats.elapsed = time.monotonic() - self._started
            self.out.put(_DONE)

    def request_stop(self, reason: str) -> None:
        """Called from the consumer's thread."""
        loop = self._loop
        if loop is None:
            self._early_stop = reason
            return
        try:
            loop.call_soon_threadsafe(self._begin_stop, reason)
        except RuntimeError:  # loop already closed
            pass

    def taken(self) -> None:
        """Called from the consumer's thread for each item it took."""
        loop = self._loop
        if loop is not None:
            try:
                loop.call_soon_threadsafe(self._on_taken)
            except RuntimeError:
                pass

    # -- loop side ------------------------------------------------------------------------

    def _on_taken(self) -> None:
        self._pending_out -= 1
        self._room.set()

    def _begin_stop(self, reason: str) -> None:
        if not self._stopping:
            self._stopping = True
            self.stats.incomplete = True
            self.stats.stop_reason = reason
        self._room.set()
        self._stop_requested.set()

    async def _emit(self, item: Document | NotRead) -> None:
        if isinstance(item, NotRead):
            self.stats.failed += 1
        try:
            while self._pending_out >= _HANDOVER and not self._stopping:
                self._room.clear()
                await self._room.wait()
        except asyncio.CancelledError:
            self.out.put_nowait(item)   # fetched already: never lose it on the way out
            raise
        self._pending_out += 1
        self.out.put_nowait(item)

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._room = asyncio.Event()
        self._stop_requested = asyncio.Event()
        self._frontier: asyncio.Queue[_Item] = asyncio.Queue()
        self._queued_at: dict[str, int] = {}   # items waiting in the frontier, per origin
        opts = self.opts
        timeout = httpx.Timeout(opts.timeout if opts.timeout and opts.timeout > 0 else None)
        conc = max(1, opts.concurrency)
        self._headers = {"User-Agent": opts.user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}
        self._timeout = timeout.as_dict()
        self._transport = http_transport(conc)
        self.client = httpx.AsyncClient(
            headers=self._headers, timeout=timeout, follow_redirects=False,
            event_hooks={"response": [_hide_location]},
            limits=httpx.Limits(max_connections=conc, max_keepalive_connections=conc),
            transport=self._transport)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="cxaudit-parse")
        workers: list[asyncio.Task] = []
        try:
            await self._seed()
            if self._early_stop:
                self._begin_stop(self._early_stop)
            workers = [asyncio.create_task(self._worker()) for _ in range(conc)]
            watcher = asyncio.create_task(self._watch_stop())
            joined = asyncio.create_task(self._frontier.join())
            stopped = asyncio.create_task(self._stop_requested.wait())
            await asyncio.wait({joined, stopped}, timeout=opts.time_budget,
                               return_when=asyncio.FIRST_COMPLETED)
            if not joined.done() and not self._stopping:
                budget = _secs(opts.time_budget or 0)
                self._begin_stop(f"time budget of {budget} ran out ({OPTION_NAMES['time_budget']})")
            for t in (watcher, joined, stopped):
                t.cancel()
        finally:
            for w in workers:
                w.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            self.stats.queued = sum(1 for _ in self._frontier_pages())
            await self.client.aclose()
            self._pool.shutdown(wait=False, cancel_futures=True)

    def _frontier_pages(self):
        return (i for i in list(self._frontier._queue) if i.kind == "page")  # type: ignore[attr-defined]

    async def _watch_stop(self) -> None:
        if self.stop_event is None:
            return
        while not self.stop_event.is_set():
            await asyncio.sleep(0.05)
        self._begin_stop("interrupted")

    async def _seed(self) -> None:
        origins: list[tuple[str, str | None]] = []
        for raw, channel in self.seeds:
            url = normalize(raw) if isinstance(raw, str) else None
            if url is None:
                await self._emit(NotRead(str(raw), "not an http(s) URL"))
                continue
            self.scope.add_host(host_of(url))
            prefix = page_key(url)
            self._seed_prefixes.append((prefix if prefix.endswith("/") else prefix + "/", channel))
            self._admit(url, 0, channel, seed=True)
            origin = origin_of(url)
            if all(o != origin for o, _ in origins):
                origins.append((origin, channel))
        self._seed_prefixes.sort(key=lambda p: -len(p[0]))
        if self.opts.max_depth is None or self.opts.max_depth > 0:
            for origin, channel in origins:
                self._enqueue(_Item(origin + "/robots.txt", 1, channel, kind="discover"))

    def _skip(self, target: str, reason: str) -> None:
        if target in self._refused:
            return
        if len(self._refused) < 200_000:
            self._refused.add(target)
        self.stats.skipped += 1
        self.stats.skip_reasons[reason] = self.stats.skip_reasons.get(reason, 0) + 1

    def _admit(self, url: str, depth: int, channel: str | None, seed: bool = False,
               key: str | None = None) -> None:
        key = key or page_key(url)
        if key in self._seen:
            return
        self._seen.add(key)
        if not seed:
            if self.opts.max_depth is not None and depth > self.opts.max_depth:
                self._skip(key, "over --max-depth")
                return
            if self._admitted >= self.opts.max_pages:
                self._skip(key, "over --max-pages")
                return
        self._admitted += 1
        self.stats.queued += 1
        self._enqueue(_Item(url, depth, channel, seed=seed))

    def _enqueue(self, item: _Item) -> None:
        origin = origin_of(item.url)
        self._queued_at[origin] = self._queued_at.get(origin, 0) + 1
        self._frontier.put_nowait(item)

    def _defer(self, origin: str) -> bool:
        """Should a worker put back an item of `origin` and take another? Yes when this host's
        next request slot is still ahead (its rate, Crawl-delay or Retry-After) while another
        host with queued items could be asked right now: one rate-limited host then never
        holds every worker while the help centre's pages wait behind it."""
        now = self._loop.time()  # type: ignore[union-attr]
        if self._next_slot.get(origin, 0.0) <= now:
            return False
        return any(o != origin and n > 0 and self._next_slot.get(o, 0.0) <= now
                   for o, n in self._queued_at.items())

    async def _worker(self) -> None:
        while True:
            item = await self._frontier.get()
            origin = origin_of(item.url)
            self._queued_at[origin] -= 1
            try:
                if self._stopping:
                    continue
                if len(self._queued_at) > 1 and self._defer(origin):
                    self._enqueue(item)
                    await asyncio.sleep(0)
                    continue
                if item.kind == "page":
                    self.stats.queued -= 1
                    self.current = item.url
                    try:
                        out = await self._page(item)
                    except asyncio.CancelledError:
                        raise
                    except Exception as e:  # one bad page must not end the crawl
                        out = NotRead(item.url, f"internal error: {type(e).__name__}: {e}")
                    if out is not None:
                        await self._emit(out)
                elif item.kind == "discover":
                    await self._discover(item)
                else:
                    await self._sitemap(item)
            except asyncio.CancelledError:
                raise
            except Exception:
                pass  # robots/sitemap problems only cost us extra seeds
            finally:
                self._frontier.task_done()

    # -- politeness -------------------------------------------------------------------------

    async def _wait_slot(self, origin: str) -> None:
        interval = self._intervals.get(origin)
        if interval is None:
            interval = 1.0 / self.opts.rate if self.opts.rate and self.opts.rate > 0 else 0.0
            self._intervals[origin] = interval
        nxt = self._next_slot.get(origin, 0.0)
        if interval <= 0 and nxt == 0.0:
            return
        now = self._loop.time()  # type: ignore[union-attr]
        at = max(now, nxt)
        self._next_slot[origin] = at + interval
        if at > now:
            await asyncio.sleep(at - now)

    def _hold_host(self, origin: str, seconds: float) -> None:
        now = self._loop.time()  # type: ignore[union-attr]
        self._next_slot[origin] = max(self._next_slot.get(origin, 0.0), now + seconds)

    async def _rules(self, origin: str) -> robots_mod.RobotsRules:
        fut = self._robots.get(origin)
        if fut is not None:
            return await asyncio.shield(fut)
        fut = self._loop.create_future()  # type: ignore[union-attr]
        self._robots[origin] = fut
        rules = robots_mod.allow_all()
        try:
            try:
                resp = await self._follow(origin + "/robots.txt", "robots", robots_mod.MAX_ROBOTS_BYTES)
                rules = robots_mod.from_response(resp.status, resp.body)
            except _Fail as f:
                rules = robots_mod.from_response(f.status, None)
            if self.opts.rate and self.opts.rate > 0 and not self.opts.ignore_robots:
                delay = rules.crawl_delay(self.opts.user_agent)
                if delay and delay > 1.0 / self.opts.rate:
                    self._intervals[origin] = delay
                    # the robots.txt request itself was just made: the next one waits a full delay
                    self._hold_host(origin, delay)
        finally:
            if not fut.done():
                fut.set_result(rules)
        return rules

    # -- HTTP ---------------------------------------------------------------------------------

    async def _exchange(self, url: str, kind: str, headers: dict[str, str] | None, limit: int) -> _Resp:
        """One request with retries (not following redirects)."""
        origin = origin_of(url)
        attempts = max(0, self.opts.retries) + 1
        for attempt in range(attempts):
            await self._wait_slot(origin)
            try:
                return await self._attempt(url, kind, headers, limit)
            except _Fail as f:
                if not f.retry:
                    raise
                if attempt == attempts - 1:
                    raise _Fail(f"{f.reason} after {attempts} attempts" if attempts > 1 else f.reason,
                                status=f.status) from None
                if f.retry_after is not None:
                    if f.retry_after > self.opts.max_retry_after:
                        raise _Fail(f"{f.reason} (Retry-After {f.retry_after:.0f} s is too long)",
                                    status=f.status) from None
                    delay = f.retry_after
                    self._hold_host(origin, delay)
                else:
                    delay = self.opts.retry_backoff * (2 ** attempt) * (1 + random.random() / 2)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    async def _attempt(self, url: str, kind: str, headers: dict[str, str] | None, limit: int) -> _Resp:
        self.stats.requests += 1
        opts = self.opts
        ptl = opts.page_time_limit if opts.page_time_limit and opts.page_time_limit > 0 else None
        try:
            async with asyncio.timeout(ptl):
                async with self._get(url, headers) as r:
                    st = r.status_code
                    if st in _RETRY_STATUSES:
                        raise _Fail(f"HTTP {st}", retry=True, retry_after=_retry_after(r.headers.get("retry-after")),
                                    status=st)
                    if not 200 <= st < 300:
                        return _Resp(url, st, r.headers)
                    fmt = None
                    if kind == "page":
                        fmt = content_fmt(r.headers.get("content-type"), url)
                        if fmt is None:
                            raise _Fail(f"content type {_mime(r.headers.get('content-type'))} not read")
                    cl = r.headers.get("content-length")
                    if cl and cl.strip().isdigit() and int(cl) > limit:
                        raise _Fail(f"body over {_size(limit)} limit ({OPTION_NAMES['max_body_bytes']})")
                    body = await self._read_body(r, limit)
                    if fmt == _SNIFF:
                        fmt = _sniff(body, url)
                        if fmt is None:
                            ct = _mime(r.headers.get("content-type"))
                            raise _Fail(f"content type {ct} not read" if ct else "no content type and not HTML, PDF or DOCX")
                    return _Resp(url, st, r.headers, body, fmt)
        except _Fail:
            raise
        except TimeoutError:
            raise _Fail(f"took over {_secs(ptl or 0)} ({OPTION_NAMES['page_time_limit']})") from None
        except asyncio.CancelledError:
            raise
        except Exception as e:
            raise _describe(e, opts) from None

    @contextlib.asynccontextmanager
    async def _get(self, url: str, headers: dict[str, str] | None):
        """A streamed GET. Over the aiohttp transport the request goes to the transport directly:
        the crawler needs none of the client's redirect, cookie and auth handling, and skipping
        it halves the CPU a request costs (bench/crawl.py). httpx's own transport goes through
        the client as usual."""
        if self._transport is None:
            async with self.client.stream("GET", url, headers=headers) as r:
                yield r
            return
        request = httpx.Request("GET", url, headers={**self._headers, **headers} if headers else self._headers,
                                extensions={"timeout": self._timeout})
        r = await self._transport.handle_async_request(request)
        try:
            await _hide_location(r)
            yield r
        finally:
            await r.aclose()

    async def _read_body(self, r: httpx.Response, limit: int) -> bytes:
        enc = r.headers.get("content-encoding", "").strip().lower()
        inflate = None
        if enc in ("gzip", "x-gzip", "deflate"):
            inflate = _Inflate(enc)
        elif enc not in ("", "identity"):
            raise _Fail(f"content encoding {enc} not supported")
        buf = bytearray()
        async for chunk in r.aiter_raw():
            self.stats.bytes += len(chunk)
            if inflate is not None:
                try:
                    chunk = inflate.feed(chunk, limit + 1 - len(buf))
                except zlib.error:
                    raise _Fail("corrupt compressed body") from None
            buf += chunk
            if len(buf) > limit:
                what = "decompressed body" if inflate is not None else "body"
                raise _Fail(f"{what} over {_size(limit)} limit ({OPTION_NAMES['max_body_bytes']})")
        return bytes(buf)

    async def _follow(self, url: str, kind: str, limit: int) -> _Resp:
        """GET following redirects, for robots.txt and sitemaps."""
        visited = {url}
        for _ in range(self.opts.max_redirects + 1):
            resp = await self._exchange(url, kind, None, limit)
            if resp.status not in _REDIRECTS:
                return resp
            target = normalize(urljoin(url, resp.headers.get(_LOCATION, "").strip()))
            if target is None or target in visited:
                return _Resp(url, 404, resp.headers)
            visited.add(target)
            url = target
        return _Resp(url, 404, httpx.Headers())

    # -- pages -------------------------------------------------------------------------------

    async def _page(self, item: _Item) -> Document | NotRead | None:
        opts = self.opts
        if page_key(item.url) in self._claimed:
            self.stats.duplicates += 1
            return None
        url = item.url
        visited = [url]
        resp: _Resp | None = None
        from_cache = False
        for _hop in range(opts.max_redirects + 1):
            origin = origin_of(url)
            if not opts.ignore_robots:
                rules = await self._rules(origin)
                if not rules.allowed(url, opts.user_agent):
                    return NotRead(item.url, f"blocked: {rules.block_all}" if rules.block_all
                                   else "blocked by robots.txt")
            try:
                resp, from_cache = await self._fetch_cached(url)
            except _Fail as f:
                return NotRead(item.url, f.reason if url == item.url else f"{f.reason} (at {url})")
            if resp.status not in _REDIRECTS:
                break
            loc = resp.headers.get(_LOCATION, "").strip()
            if not loc:
                return NotRead(item.url, f"HTTP {resp.status} redirect without a Location")
            try:
                absolute = urljoin(url, loc)
            except ValueError:
                return NotRead(item.url, "redirect to a malformed URL")
            scheme = scheme_of(absolute)
            if scheme is not None and scheme not in ("http", "https"):
                return NotRead(item.url, f"redirect to non-http scheme {scheme}:")
            target = normalize(absolute)
            if target is None:
                return NotRead(item.url, "redirect to a malformed URL")
            if target in visited:
                return NotRead(item.url, "redirect loop")
            visited.append(target)
            if item.seed and not self.scope.host_ok(host_of(target)):
                self.scope.add_host(host_of(target))   # the seed moved (example.com -> www.)
            url = target
        else:
            return NotRead(item.url,
                           f"more than {opts.max_redirects} redirects ({OPTION_NAMES['max_redirects']})")

        assert resp is not None
        if not 200 <= resp.status < 300:
            where = "" if url == item.url else f" (at {url})"
            return NotRead(item.url, f"HTTP {resp.status}{where}")
        body = resp.body or b""
        fmt = resp.fmt or "html"
        encoding = _charset(resp.headers.get("content-type"))
        final_key = page_key(url)
        if final_key in self._claimed:
            self.stats.duplicates += 1
            return None

        report_url = url
        if fmt == "html" and self.scope.host_ok(host_of(url)):
            if len(body) > _PARSE_OFFLOAD:
                links = await self._loop.run_in_executor(  # type: ignore[union-attr]
                    self._pool, self.extractor.extract, body, url, encoding)
            else:
                links = self.extractor.extract(body, url, encoding)
            for target, reason in links.refused:
                self._skip(target, reason)
            for link, key in zip(links.links, links.keys):
                if key not in self._seen:
                    self._admit(link, item.depth + 1, item.channel, key=key)
            canon = links.canonical
            if canon and page_key(canon) != final_key:
                ckey = page_key(canon)
                # A canonical already read with other content is taken as a site mistake
                # (e.g. every page pointing at the home page): keep this page under its own URL
                # rather than lose its text.
                if ckey not in self._claimed:
                    self._claimed.add(ckey)
                    self._seen.add(ckey)
                    report_url = canon

        digest = hashlib.sha1(body).digest()
        self._claimed.add(final_key)
        self._claimed.add(page_key(item.url))
        if digest in self._bodies:
            self.stats.duplicates += 1
            return None
        self._bodies.add(digest)
        if from_cache:
            self.stats.cached += 1
        else:
            self.stats.fetched += 1
        self.current = report_url
        return Document(uri=report_url, channel=self._channel(report_url, fmt, item.channel), fmt=fmt,
                        content=body, encoding=encoding)

    async def _fetch_cached(self, url: str) -> tuple[_Resp, bool]:
        entry = self.cache.lookup(url) if self.cache.enabled else None
        resp = await self._exchange(url, "page", entry.conditional_headers() if entry else None,
                                    self.opts.max_body_bytes)
        if resp.status == 304 and entry is not None:
            body = self.cache.body(entry)
            if body is not None:
                fmt = content_fmt(entry.content_type, url)
                if fmt == _SNIFF:
                    fmt = _sniff(body, url)
                headers = httpx.Headers({"content-type": entry.content_type} if entry.content_type else {})
                return _Resp(url, 200, headers, body, fmt or "html"), True
            self.cache.forget(url)
            resp = await self._exchange(url, "page", None, self.opts.max_body_bytes)
        if resp.status == 200 and resp.body is not None and self.cache.enabled:
            self.cache.store(url, resp.headers.get("etag"), resp.headers.get("last-modified"),
                             resp.headers.get("content-type"), resp.body)
        return resp, False

    def _channel(self, url: str, fmt: str, inherited: str | None) -> str:
        key = page_key(url)
        probe = key if key.endswith("/") else key + "/"
        for prefix, channel in self._seed_prefixes:
            if probe.startswith(prefix):
                if channel:
                    return channel
                break
        else:
            if inherited:
                return inherited
        return _infer_channel(url, fmt)

    # -- robots.txt and sitemaps -----------------------------------------------------------

    async def _discover(self, item: _Item) -> None:
        origin = origin_of(item.url)
        rules = await self._rules(origin)
        for sm in [*rules.sitemaps, origin + "/sitemap.xml"]:
            self._queue_sitemap(sm, item.channel, 0)

    def _queue_sitemap(self, url: str, channel: str | None, nesting: int) -> None:
        url = normalize(url)
        if url is None or url in self._sitemaps_seen or len(self._sitemaps_seen) >= sitemap_mod.MAX_SITEMAPS:
            return
        if nesting > sitemap_mod.MAX_SITEMAP_NESTING:
            return
        self._sitemaps_seen.add(url)
        self._enqueue(_Item(url, 1, channel, kind="sitemap", nesting=nesting))

    async def _sitemap(self, item: _Item) -> None:
        try:
            resp = await self._follow(item.url, "sitemap", self.opts.max_body_bytes)
        except _Fail:
            return
        if resp.status != 200 or not resp.body:
            return
        try:
            if len(resp.body) > _PARSE_OFFLOAD:
                sm = await self._loop.run_in_executor(  # type: ignore[union-attr]
                    self._pool, sitemap_mod.parse, resp.body, self.opts.max_body_bytes)
            else:
                sm = sitemap_mod.parse(resp.body, self.opts.max_body_bytes)
        except (ValueError, sitemap_mod.TooLarge):
            return
        self.stats.sitemaps += 1
        for nested in sm.sitemaps:
            self._queue_sitemap(nested, item.channel, item.nesting + 1)
        for raw in sm.pages:
            url = normalize(raw)
            if url is None:
                self._skip(raw[:200], "malformed sitemap entry")
            elif not self.scope.host_ok(host_of(url)):
                self._skip(url, "off-host sitemap entry")
            elif not self.scope.path_ok(url):
                self._skip(url, "excluded by --include/--exclude")
            else:
                self._admit(url, 1, item.channel)


_infer = None


def _infer_channel(url: str, fmt: str) -> str:
    global _infer
    if _infer is None:
        try:
            from cxaudit.collect.files import infer_channel as f  # written alongside; may be absent
        except Exception:
            f = False
        _infer = f
    if not _infer:
        return "website"
    try:
        ch = _infer(url, fmt)
    except Exception:
        return "website"
    return ch if ch in CHANNELS else "website"


# ---------------------------------------------------------------------------------------------
# the consumer side

def throttled_progress(crawl, url: str, force: bool = False) -> None:
    """Report a crawl's statistics to its progress callback at most every 0.1 s (shared by the
    in-process crawl and collect.crawl_process)."""
    if crawl._progress is None:
        return
    now = time.monotonic()
    # (a first URL is shown at once, even right after a tick that had none to show)
    if force or now - crawl._last_tick >= 0.1 or (url and not crawl._shown_url):
        crawl._last_tick = now
        crawl._shown_url = url
        crawl._progress(crawl.stats, url)


class Crawl(Iterator):
    """Iterator over a running crawl. Safe to abandon: close(), or dropping it, stops the crawl
    thread. When `stop` is set, the pages already fetched are still handed over, then it ends."""

    def __init__(self, seeds, opts, progress, stop):
        self._engine = _Engine(seeds, opts, stop)
        self._progress = progress
        self._stop = stop
        self._thread: threading.Thread | None = None
        self._done = False
        self._stopping_since: float | None = None
        self._last_tick = 0.0
        self._shown_url = ""   # the URL the progress line last showed

    @property
    def stats(self) -> CrawlStats:
        s = self._engine.stats.copy()
        if self._thread is not None and not self._done:
            s.elapsed = time.monotonic() - self._engine._started
        return s

    def __iter__(self) -> Crawl:
        return self

    def __next__(self) -> Document | NotRead:
        if self._done:
            raise StopIteration
        if self._thread is None:
            self._engine._started = time.monotonic()
            self._thread = threading.Thread(target=self._engine.run, name="cxaudit-crawl", daemon=True)
            self._thread.start()
        eng = self._engine
        while True:
            if self._stop is not None and self._stop.is_set() and self._stopping_since is None:
                self._stopping_since = time.monotonic()
                eng.request_stop("interrupted")
            try:
                item = eng.out.get(timeout=0.1)
            except queue.Empty:
                self._tick(eng.current)
                if self._stopping_since is not None and time.monotonic() - self._stopping_since > 5:
                    self._finish()   # the crawl thread did not wind down in time; drop it
                    raise StopIteration from None
                continue
            if item is _DONE:
                self._finish()
                raise StopIteration
            if isinstance(item, _Crash):
                self._finish()
                raise item.exc
            eng.taken()
            self._tick(item.uri)
            return item

    def _tick(self, url: str, force: bool = False) -> None:
        throttled_progress(self, url, force)

    def _finish(self) -> None:
        self._done = True
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._tick("", force=True)

    def close(self) -> None:
        if self._done or self._thread is None:
            self._done = True
            return
        self._engine.request_stop("closed")
        self._done = True
        self._thread.join(timeout=5)

    def __enter__(self) -> Crawl:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass
