"""Run a crawl in a child process, so fetching never waits for the interpreter lock.

In one process the crawl's event loop shares the interpreter lock with the pool that feeds the
extraction workers and merges their results; measured on a 1,917-page crawl, the parent held the
lock for 4.6 s of a 5.6 s run and the fetches queued behind it. A forked child has a lock of its
own. It runs the same crawler (collect.crawl) and sends each page, with the crawl statistics,
through a bounded queue; the parent reads them like any crawl: an iterator with `.stats` and
`.close()`. Ctrl-C in the parent (the `stop` event) reaches the child, which hands over the pages
already fetched and ends, as the in-process crawl does.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence

from cxaudit.model import Document, NotRead

from .crawl import CrawlOptions, CrawlStats, crawl, throttled_progress

_QUEUE_PAGES = 512         # pages in flight between the child and the parent (bounds memory)
_STOP_GRACE = 5.0          # seconds the child gets to wind down after a stop or close


def crawl_in_process(seeds: Sequence[tuple[str, str | None]], opts: CrawlOptions = CrawlOptions(),
                     progress: Callable[[CrawlStats, str], None] | None = None,
                     stop: threading.Event | None = None) -> CrawlProcess:
    return CrawlProcess(seeds, opts, progress, stop)


def _child(seeds, opts, out, stop_child) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    stop = threading.Event()

    def watch() -> None:
        stop_child.wait()
        stop.set()

    threading.Thread(target=watch, daemon=True).start()

    def tick(stats: CrawlStats, url: str) -> None:
        try:
            out.put_nowait(("tick", None, stats, url))
        except queue.Full:
            pass   # a progress tick is never worth waiting for

    c = crawl(seeds, opts, progress=tick, stop=stop)
    last = 0.0
    try:
        for item in c:
            # Statistics ride along a tenth of a second apart: copying and pickling them with
            # every page cost more than the page's own hand-over.
            now = time.monotonic()
            stats = None
            if now - last >= 0.1:
                stats, last = c.stats, now
            out.put(("item", item, stats, item.uri))
        c.close()
        out.put(("done", None, c.stats, ""))
    except BaseException as err:  # noqa: BLE001 - reported to the parent, which raises it
        c.close()
        out.put(("crash", f"{type(err).__name__}: {err}", c.stats, ""))


class CrawlProcess(Iterator):
    """Iterator over a crawl running in a forked child process."""

    def __init__(self, seeds, opts, progress, stop):
        ctx = multiprocessing.get_context("fork")
        self._queue = ctx.Queue(maxsize=_QUEUE_PAGES)
        self._stop_child = ctx.Event()
        self._proc = ctx.Process(target=_child, args=(seeds, opts, self._queue, self._stop_child),
                                 name="cxaudit-crawl", daemon=True)
        self._progress = progress
        self._stop = stop
        self._stats = CrawlStats()
        self._started = False
        self._done = False
        self._stopping_since: float | None = None
        self._last_tick = 0.0
        self._shown_url = ""   # the URL the progress line last showed

    @property
    def stats(self) -> CrawlStats:
        return self._stats.copy()

    def __iter__(self) -> CrawlProcess:
        return self

    def __next__(self) -> Document | NotRead:
        if self._done:
            raise StopIteration
        if not self._started:
            self._started = True
            self._proc.start()
        while True:
            if self._stop is not None and self._stop.is_set() and self._stopping_since is None:
                self._stopping_since = time.monotonic()
                self._stop_child.set()
            try:
                kind, payload, stats, url = self._queue.get(timeout=0.1)
            except queue.Empty:
                if not self._proc.is_alive():
                    self._finish()
                    self._stats.incomplete = True
                    self._stats.stop_reason = self._stats.stop_reason or "the crawl process ended unexpectedly"
                    raise StopIteration from None
                if self._stopping_since is not None and time.monotonic() - self._stopping_since > _STOP_GRACE:
                    self._finish()
                    raise StopIteration from None
                continue
            if stats is not None:
                self._stats = stats
            if kind == "tick":
                self._tick(url)
                continue
            if kind == "item":
                self._tick(url)
                return payload
            self._finish()
            if kind == "crash":
                raise RuntimeError(f"crawl failed: {payload}")
            raise StopIteration

    def _tick(self, url: str, force: bool = False) -> None:
        throttled_progress(self, url, force)

    def _finish(self) -> None:
        self._done = True
        self._proc.join(timeout=_STOP_GRACE)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(timeout=1)
        self._tick("", force=True)

    def close(self) -> None:
        """Stop the child and wait for it; the last statistics it sends are kept."""
        if self._done or not self._started:
            self._done = True
            return
        self._stop_child.set()
        deadline = time.monotonic() + _STOP_GRACE
        # Drain: a child blocked on a full queue could not see the stop.
        while time.monotonic() < deadline:
            try:
                kind, _payload, stats, _url = self._queue.get(timeout=0.1)
            except queue.Empty:
                if not self._proc.is_alive():
                    break
                continue
            if stats is not None:
                self._stats = stats
            if kind in ("done", "crash"):
                break
        self._finish()

    def __enter__(self) -> CrawlProcess:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass
