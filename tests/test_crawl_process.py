"""The crawl in a child process (used when extraction runs in worker processes): the same pages,
statistics and progress as the in-process crawl, and a stop or close ends the child."""

from __future__ import annotations

import multiprocessing
import threading
import time

from cxaudit.collect.crawl import CrawlOptions, CrawlStats, crawl
from cxaudit.collect.crawl_process import crawl_in_process
from cxaudit.model import Document, NotRead
from servers import TestServer, page, write_site

FAST = CrawlOptions(rate=0, timeout=2.0, page_time_limit=5.0, retry_backoff=0.02, cache_dir=None)


def _site(root, n):
    pages = {f"p{i}.html": page(f"P{i}", f"<p>Delivery takes {i % 5 + 1} business days.</p>") for i in range(n)}
    return write_site(root, {"index.html": page("Home", "".join(f'<a href="/p{i}.html">{i}</a>' for i in range(n))
                                                + '<a href="/missing.html">gone</a><a href="mailto:x@y.z">m</a>'),
                             **pages})


def _children() -> list:
    return [p for p in multiprocessing.active_children() if p.name == "cxaudit-crawl"]


def _items(c):
    docs, failed = {}, {}
    for item in c:
        if isinstance(item, Document):
            docs[item.uri] = item.content
        else:
            assert isinstance(item, NotRead)
            failed[item.uri] = item.reason
    return docs, failed


def test_same_pages_and_stats_as_the_in_process_crawl(tmp_path):
    with TestServer(_site(tmp_path / "s", 30)) as srv:
        ticks: list[tuple[CrawlStats, str]] = []
        there = crawl_in_process([(srv.url("/"), None)], FAST, progress=lambda s, u: ticks.append((s, u)))
        docs_p, failed_p = _items(there)
        here = crawl([(srv.url("/"), None)], FAST)
        docs_t, failed_t = _items(here)
        assert docs_p == docs_t and len(docs_p) == 31
        assert failed_p == failed_t == {srv.url("/missing.html"): "HTTP 404"}
        stats = there.stats
        assert stats.fetched == 31 and stats.failed == here.stats.failed == 1
        assert stats.skip_reasons == here.stats.skip_reasons and "mailto: link" in stats.skip_reasons
        assert not stats.incomplete
        assert ticks and isinstance(ticks[-1][0], CrawlStats) and ticks[-1][0].fetched == 31
        assert not _children()


def test_stop_hands_over_what_was_fetched_and_marks_the_crawl_incomplete(tmp_path):
    with TestServer(_site(tmp_path / "s", 60)) as srv:
        stop = threading.Event()
        c = crawl_in_process([(srv.url("/"), None)], CrawlOptions(**{**FAST.__dict__, "rate": 20.0}), stop=stop)
        got = []
        t0 = 0.0
        for item in c:
            got.append(item)
            if len(got) == 3:
                stop.set()
                t0 = time.monotonic()
        assert time.monotonic() - t0 < 2.0
        assert 3 <= len(got) < 61
        assert c.stats.incomplete and c.stats.stop_reason == "interrupted"
        served = {e.path for e in srv.log if e.status == 200 and e.path.startswith("/p")}
        handed = {i.uri.replace(srv.base, "") for i in got}
        # every page read in full is handed over; a request still in flight when the stop came may
        # be cancelled after the server sent it (at most one per connection)
        assert handed - {"/"} <= served and len(served - handed) <= FAST.concurrency
        assert not _children()


def test_close_mid_crawl_ends_the_child(tmp_path):
    with TestServer(_site(tmp_path / "s", 60)) as srv:
        c = crawl_in_process([(srv.url("/"), None)], CrawlOptions(**{**FAST.__dict__, "rate": 20.0}))
        first = next(c)
        assert isinstance(first, Document) and _children()
        c.close()
        assert not _children()
        assert c.stats.incomplete
        assert sum(1 for p in srv.paths() if p.startswith("/p")) < 60
