"""Crawling a real site on 127.0.0.1: links, scope, robots.txt, sitemaps, de-duplication, limits,
the cache, and stopping."""

from __future__ import annotations

import gc
import gzip
import threading
import time

import pytest

from cxaudit.collect.crawl import CrawlOptions, CrawlStats, crawl
from cxaudit.model import Document
from servers import TestServer, drip_route, page, write_site

FAST = CrawlOptions(rate=0, timeout=2.0, page_time_limit=5.0, retry_backoff=0.02, cache_dir=None)


def run(seeds, **kw):
    opts = CrawlOptions(**{**FAST.__dict__, **kw})
    c = crawl([(s, None) if isinstance(s, str) else s for s in seeds], opts)
    docs, failed = {}, {}
    for item in c:
        if isinstance(item, Document):
            assert item.uri not in docs, f"{item.uri} handed over twice"
            docs[item.uri] = item
        else:
            failed[item.uri] = item.reason
    return docs, failed, c.stats


def crawl_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "cxaudit-crawl" and t.is_alive()]


SITE = {
    "index.html": page("Home", """
        <a href="/a.html">A</a> <a href="b/">B</a> <a href="/docs/returns.pdf">Returns (PDF)</a>
        <a href="/docs/terms.docx">Terms</a> <a href="#top">top</a> <a href="">self</a>
        <a href="http://other.invalid/x">other host</a> <a href="//other.invalid/y">other host 2</a>
        <a href="mailto:help@example.com">mail</a> <a href="javascript:void(0)">js</a>
        <a href="file:///etc/passwd">file</a> <a href="tel:+15555550100">call</a>"""),
    "a.html": page("A", """<a href="/">home</a> <a href="c.html?utm_source=news&utm_medium=mail">c</a>
        <a href="c.html#reviews">c again</a> <a href="/c.html?gclid=123">c ad</a>
        <a href="HTTP://127.0.0.1:{port}/./c.html">c absolute</a>"""),
    "b/index.html": page("B", '<a href="../a.html">a</a> <a href="./c.html">c in b</a> <a href="/b">b</a>'),
    "b/c.html": page("B/C"),
    "c.html": page("C", "<p>Delivery in 3-5 business days.</p>"),
    "docs/returns.pdf": b"%PDF-1.4\n% returns policy\n",
    "docs/terms.docx": b"PK\x03\x04 not really a docx",
}


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    with TestServer(root) as srv:
        files = {k: v.replace("{port}", str(srv.port)) if isinstance(v, str) else v for k, v in SITE.items()}
        files = {k: v.replace(b"{port}", str(srv.port).encode()) if isinstance(v, bytes) else v
                 for k, v in files.items()}
        write_site(root, files)
        yield srv


def test_follows_links_and_refuses_foreign_ones(site):
    docs, failed, stats = run([(site.url("/"), "website")])
    assert set(docs) == {site.url(p) for p in
                         ["/", "/a.html", "/b/", "/b/c.html", "/c.html", "/docs/returns.pdf", "/docs/terms.docx"]}
    assert failed == {}
    assert docs[site.url("/docs/returns.pdf")].fmt == "pdf"
    assert docs[site.url("/docs/terms.docx")].fmt == "docx"
    assert docs[site.url("/c.html")].fmt == "html" and docs[site.url("/c.html")].encoding == "utf-8"
    assert {d.channel for d in docs.values()} == {"website"}
    assert stats.skip_reasons == {"off-host link": 2, "mailto: link": 1, "javascript: link": 1,
                                  "file: link": 1, "tel: link": 1}
    assert stats.skipped == 6 and stats.fetched == 7 and stats.failed == 0
    # c.html was linked five ways (tracking params, fragment, dot segment, absolute): fetched once,
    # without the tracking parameters
    assert site.count("/c.html") == 1
    assert not any("utm_" in p or "gclid" in p for p in site.paths())
    # /b and /b/ are one page
    assert site.count("/b/") == 1 and site.count("/b") == 0


def test_channel_comes_from_the_longest_matching_seed(site):
    docs, _, _ = run([(site.url("/"), "website"), (site.url("/b/"), "help_centre")])
    assert docs[site.url("/b/c.html")].channel == "help_centre"
    assert docs[site.url("/b/")].channel == "help_centre"
    assert docs[site.url("/c.html")].channel == "website"


def test_allow_host_lets_the_crawl_leave_the_seed_host(tmp_path):
    root = tmp_path / "s"
    with TestServer(root) as srv:
        write_site(root, {"index.html": page("Home", f'<a href="http://localhost:{srv.port}/help.html">help</a>'),
                          "help.html": page("Help")})
        docs, _, stats = run([srv.url("/")])
        assert set(docs) == {srv.url("/")} and stats.skip_reasons == {"off-host link": 1}
        docs, _, _ = run([srv.url("/")], allow_hosts=("localhost",))
        assert set(docs) == {srv.url("/"), f"http://localhost:{srv.port}/help.html"}
        docs, _, _ = run([srv.url("/")], allow_hosts=("*host",))
        assert f"http://localhost:{srv.port}/help.html" in docs


def test_seed_that_redirects_to_another_host_brings_that_host_into_scope(tmp_path):
    root = tmp_path / "s"
    write_site(root, {"index.html": page("Home", '<a href="/next.html">next</a>'), "next.html": page("Next")})
    with TestServer(root) as srv:
        def moved(h):   # localhost:PORT/start -> 127.0.0.1:PORT/, like example.com -> www.example.com
            h.send(301, b"", {"Location": srv.url("/")}, content_type=None)
        srv.routes["/start"] = moved
        docs, failed, _ = run([f"http://localhost:{srv.port}/start"])
        assert set(docs) == {srv.url("/"), srv.url("/next.html")} and failed == {}


def test_include_and_exclude_globs(tmp_path):
    root = tmp_path / "s"
    write_site(root, {"index.html": page("Home", '<a href="/blog/1.html">b</a> <a href="/help/faq.html">f</a>'),
                      "blog/1.html": page("Blog"), "help/faq.html": page("FAQ")})
    with TestServer(root) as srv:
        docs, _, stats = run([srv.url("/")], exclude=("/blog/*",))
        assert set(docs) == {srv.url("/"), srv.url("/help/faq.html")}
        assert stats.skip_reasons == {"excluded by --include/--exclude": 1}
        docs, _, _ = run([srv.url("/")], include=(srv.url("/help/*"),))
        assert set(docs) == {srv.url("/"), srv.url("/help/faq.html")}   # the seed is always read


def test_robots_disallow_is_obeyed_unless_ignored(tmp_path):
    root = tmp_path / "s"
    write_site(root, {
        "robots.txt": "User-agent: *\nDisallow: /private/\n\nUser-agent: cxaudit\nDisallow: /private/\nDisallow: /no-cx.html\n",
        "index.html": page("Home", '<a href="/private/x.html">p</a> <a href="/no-cx.html">n</a> <a href="/ok.html">o</a>'),
        "private/x.html": page("Private"), "no-cx.html": page("No"), "ok.html": page("OK")})
    with TestServer(root) as srv:
        docs, failed, _ = run([srv.url("/")])
        assert set(docs) == {srv.url("/"), srv.url("/ok.html")}
        assert failed == {srv.url("/private/x.html"): "blocked by robots.txt",
                          srv.url("/no-cx.html"): "blocked by robots.txt"}
        assert srv.count("/private/x.html") == 0 and srv.count("/no-cx.html") == 0
        assert srv.count("/robots.txt") == 1

        docs, failed, _ = run([srv.url("/")], ignore_robots=True)
        assert failed == {} and srv.url("/private/x.html") in docs and srv.url("/no-cx.html") in docs


def test_robots_server_error_means_disallow(tmp_path):
    root = tmp_path / "s"
    write_site(root, {"index.html": page("Home")})
    with TestServer(root) as srv:
        srv.routes["/robots.txt"] = lambda h: h.send(503, b"down")
        docs, failed, _ = run([srv.url("/")], retries=0)
        assert docs == {} and failed == {srv.url("/"): "blocked: robots.txt unavailable (HTTP 503)"}


def test_crawl_delay_and_rate_space_out_requests(tmp_path):
    root = tmp_path / "s"
    write_site(root, {"robots.txt": "User-agent: *\nCrawl-delay: 0.2\n",
                      "index.html": page("Home", "".join(f'<a href="/p{i}.html">{i}</a>' for i in range(4))),
                      **{f"p{i}.html": page(f"P{i}") for i in range(4)}})
    with TestServer(root) as srv:
        run([srv.url("/")], rate=100.0, max_depth=1)
        times = sorted(e.at for e in srv.log)
        gaps = [b - a for a, b in zip(times, times[1:])]
        assert len(times) >= 6 and min(gaps) >= 0.18, gaps
        n = len(srv.log)
        run([srv.url("/")], rate=0, max_depth=1)      # no rate limit: Crawl-delay is not applied
        times = sorted(e.at for e in srv.log[n:])
        assert times[-1] - times[0] < 0.5


def test_sitemaps_plain_gzipped_and_index(tmp_path):
    root = tmp_path / "s"
    with TestServer(root) as srv:
        sm1 = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               f'<url><loc>{srv.url("/orphan1.html")}</loc></url>'
               '<url><loc>http://other.invalid/elsewhere</loc></url></urlset>')
        sm2 = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               f'<url><loc>{srv.url("/orphan2.html")}</loc></url></urlset>')
        index = ('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                 f'<sitemap><loc>{srv.url("/sm1.xml")}</loc></sitemap>'
                 f'<sitemap><loc>{srv.url("/sm2.xml.gz")}</loc></sitemap></sitemapindex>')
        write_site(root, {"robots.txt": f"User-agent: *\nAllow: /\nSitemap: {srv.url('/sitemap_index.xml')}\n",
                          "sitemap_index.xml": index, "sm1.xml": sm1, "sm2.xml.gz": gzip.compress(sm2.encode()),
                          "index.html": page("Home"), "orphan1.html": page("O1"), "orphan2.html": page("O2")})
        docs, failed, stats = run([srv.url("/")])
        assert set(docs) == {srv.url("/"), srv.url("/orphan1.html"), srv.url("/orphan2.html")}
        assert failed == {}
        assert stats.sitemaps == 3
        assert stats.skip_reasons == {"off-host sitemap entry": 1}

        # sitemap pages are one hop from the seed: --max-depth 0 reads the seed only
        docs, _, _ = run([srv.url("/")], max_depth=0)
        assert set(docs) == {srv.url("/")}


def test_sitemap_xml_without_robots_and_gzip_bomb_sitemap(tmp_path):
    root = tmp_path / "s"
    with TestServer(root) as srv:
        write_site(root, {"sitemap.xml": f"<urlset><url><loc>{srv.url('/only-in-sitemap.html')}</loc></url></urlset>",
                          "index.html": page("Home"), "only-in-sitemap.html": page("Hidden")})
        docs, _, stats = run([srv.url("/")])
        assert srv.url("/only-in-sitemap.html") in docs and stats.sitemaps == 1

        bomb = gzip.compress(b"<urlset>" + b" " * 20_000_000 + b"</urlset>")
        write_site(root, {"sitemap.xml": bomb})
        srv.routes["/sitemap.xml"] = lambda h: h.send(200, bomb, content_type="application/gzip")
        docs, failed, stats = run([srv.url("/")], max_body_bytes=1_000_000)
        assert set(docs) == {srv.url("/")} and failed == {} and stats.sitemaps == 0


def test_identical_bodies_are_handed_over_once(tmp_path):
    root = tmp_path / "s"
    same = page("Returns", "<p>Returns within 30 days.</p>")
    write_site(root, {"index.html": page("Home", '<a href="/returns.html">r</a> <a href="/old/returns.html">r</a>'),
                      "returns.html": same, "old/returns.html": same})
    with TestServer(root) as srv:
        docs, _, stats = run([srv.url("/")])
        assert len([d for d in docs.values() if d.content == same]) == 1
        assert stats.duplicates == 1 and len(docs) == 2


def test_canonical_page_is_reported_under_its_canonical_url_and_not_fetched_again(tmp_path):
    root = tmp_path / "s"
    write_site(root, {
        "index.html": page("Home", '<a href="/product.html?colour=red">red</a> <a href="/product.html">plain</a>'),
        "product.html": page("Product", "<p>Ships in 24 hours.</p>",
                             head='<link rel="canonical" href="/product.html">')})
    with TestServer(root) as srv:
        srv.routes["/product.html"] = lambda h: h._static("/product.html") if "colour" in h.path else h.send(500, b"x")
        docs, failed, _ = run([srv.url("/")], concurrency=1)
        assert set(docs) == {srv.url("/"), srv.url("/product.html")} and failed == {}
        assert b"Ships in 24 hours" in docs[srv.url("/product.html")].content
        assert srv.paths().count("/product.html") == 0     # the canonical itself was not fetched


def test_a_canonical_already_read_does_not_swallow_a_different_page(tmp_path):
    # a common site mistake: every page names the home page as canonical
    root = tmp_path / "s"
    head = '<link rel="canonical" href="/">'
    write_site(root, {"index.html": page("Home", '<a href="/a.html">a</a>', head=head),
                      "a.html": page("A", "<p>Free returns.</p>", head=head)})
    with TestServer(root) as srv:
        docs, _, _ = run([srv.url("/")], concurrency=1)
        assert set(docs) == {srv.url("/"), srv.url("/a.html")}


def test_base_href_is_respected(tmp_path):
    root = tmp_path / "s"
    write_site(root, {"index.html": page("Home", '<a href="page.html">p</a>', head='<base href="/sub/">'),
                      "sub/page.html": page("Sub page"), "page.html": page("Wrong")})
    with TestServer(root) as srv:
        docs, _, _ = run([srv.url("/")])
        assert set(docs) == {srv.url("/"), srv.url("/sub/page.html")}


def _chain_site(root, n):
    files = {"index.html": page("Home", '<a href="/p1.html">1</a>')}
    for i in range(1, n):
        files[f"p{i}.html"] = page(f"P{i}", f'<a href="/p{i + 1}.html">next</a>')
    files[f"p{n}.html"] = page(f"P{n}")
    return write_site(root, files)


def test_max_depth(tmp_path):
    with TestServer(_chain_site(tmp_path / "s", 4)) as srv:
        docs, _, stats = run([srv.url("/")], max_depth=2)
        assert set(docs) == {srv.url("/"), srv.url("/p1.html"), srv.url("/p2.html")}
        assert stats.skip_reasons == {"over --max-depth": 1}
        assert srv.count("/p3.html") == 0


def test_max_pages(tmp_path):
    root = tmp_path / "s"
    write_site(root, {"index.html": page("Home", "".join(f'<a href="/p{i}.html">{i}</a>' for i in range(10))),
                      **{f"p{i}.html": page(f"P{i}") for i in range(10)}})
    with TestServer(root) as srv:
        docs, failed, stats = run([srv.url("/")], max_pages=3)
        assert len(docs) + len(failed) == 3
        assert stats.skip_reasons == {"over --max-pages": 8}
        assert sum(1 for p in srv.paths() if p.startswith("/p")) == 2


def test_second_crawl_is_served_by_conditional_requests(tmp_path, site):
    cache = str(tmp_path / "cache")
    docs1, _, s1 = run([site.url("/")], cache_dir=cache)
    n = len(site.log)
    docs2, _, s2 = run([site.url("/")], cache_dir=cache)
    second = site.log[n:]
    pages = [e for e in second if e.path not in ("/robots.txt", "/sitemap.xml", "/b")]
    assert s1.fetched == 7 and s1.cached == 0
    assert s2.cached == 7 and s2.fetched == 0
    assert len(pages) == 7 and all(e.status == 304 and "if-none-match" in e.headers for e in pages)
    assert s2.bytes < s1.bytes / 5
    assert {u: d.content for u, d in docs1.items()} == {u: d.content for u, d in docs2.items()}
    assert docs2[site.url("/c.html")].encoding == "utf-8"

    # a changed page is fetched again; a damaged cache entry is ignored, not trusted
    (tmp_path / "site" / "c.html").write_bytes(page("C", "<p>Delivery in 2-4 business days.</p>"))
    import glob
    for body in glob.glob(f"{cache}/*/*.body"):
        with open(body, "r+b") as f:
            if f.read().startswith(b"%PDF"):
                f.seek(0)
                f.write(b"XXXX")
    docs3, _, s3 = run([site.url("/")], cache_dir=cache)
    assert b"2-4 business days" in docs3[site.url("/c.html")].content
    assert docs3[site.url("/docs/returns.pdf")].content == SITE["docs/returns.pdf"]
    assert s3.fetched == 2 and s3.cached == 5


def test_unwritable_cache_dir_does_not_stop_the_crawl(tmp_path, site):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    docs, _, stats = run([site.url("/")], cache_dir=str(blocker / "cache"))
    assert len(docs) == 7 and stats.cached == 0


def _wide_site(root, n):
    return write_site(root, {"index.html": page("Home", "".join(f'<a href="/p{i}.html">{i}</a>' for i in range(n))),
                             **{f"p{i}.html": page(f"P{i}", f"<p>page {i}</p>") for i in range(n)}})


def test_stop_event_ends_promptly_with_what_was_fetched(tmp_path):
    with TestServer(_wide_site(tmp_path / "s", 40)) as srv:
        stop = threading.Event()
        c = crawl([(srv.url("/"), None)], CrawlOptions(**{**FAST.__dict__, "rate": 10.0}), stop=stop)
        got = []
        t0 = None
        for item in c:
            got.append(item)
            if len(got) == 3:
                stop.set()
                t0 = time.monotonic()
        assert time.monotonic() - t0 < 1.0
        assert 3 <= len(got) < 40
        assert all(isinstance(i, Document) for i in got)
        assert c.stats.incomplete and c.stats.stop_reason == "interrupted"
        # everything the server sent a page for was handed over (nothing fetched was lost)
        served = {e.path for e in srv.log if e.status == 200 and e.path.startswith("/p")}
        assert served <= {i.uri.replace(srv.base, "") for i in got}
        assert not crawl_threads()


def test_close_and_abandon_stop_the_crawl_thread(tmp_path):
    with TestServer(_wide_site(tmp_path / "s", 40)) as srv:
        c = crawl([(srv.url("/"), None)], CrawlOptions(**{**FAST.__dict__, "rate": 10.0}))
        next(c)
        assert crawl_threads()
        c.close()
        assert not crawl_threads()
        with pytest.raises(StopIteration):
            next(c)

        c = crawl([(srv.url("/"), None)], CrawlOptions(**{**FAST.__dict__, "rate": 10.0}))
        next(c)
        del c
        gc.collect()
        deadline = time.monotonic() + 3
        while crawl_threads() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not crawl_threads()
        assert sum(1 for p in srv.paths() if p.startswith("/p")) < 40


def test_handover_is_bounded_while_the_consumer_is_busy(tmp_path):
    with TestServer(_wide_site(tmp_path / "s", 80)) as srv:
        c = crawl([(srv.url("/"), None)], FAST)
        next(c)
        time.sleep(0.7)          # the caller is busy extracting
        fetched_ahead = sum(1 for p in srv.paths() if p.startswith("/p"))
        rest = list(c)
        assert fetched_ahead <= 16 + FAST.concurrency + 1
        assert len(rest) == 80


def test_time_budget(tmp_path):
    root = _wide_site(tmp_path / "s", 3)
    with TestServer(root) as srv:
        srv.routes["/p1.html"] = drip_route(0.1)
        t = time.monotonic()
        docs, failed, stats = run([srv.url("/")], time_budget=0.8)
        assert time.monotonic() - t < 2
        assert stats.incomplete and stats.stop_reason == "time budget of 0.8 s ran out (--time-budget)"
        assert srv.url("/p0.html") in docs and srv.url("/p1.html") not in docs


def test_progress_reports_stats_and_current_url(site):
    calls: list[tuple[CrawlStats, str]] = []
    c = crawl([(site.url("/"), None)], FAST, progress=lambda s, u: calls.append((s, u)))
    items = list(c)
    assert calls and isinstance(calls[-1][0], CrawlStats)
    assert calls[-1][0].fetched == len(items) == 7
    assert any(u.startswith(site.base) for _, u in calls)


def test_redirect_off_the_site_is_read_but_not_crawled(tmp_path):
    root = tmp_path / "s"
    write_site(root, {"index.html": page("Home", '<a href="/policy">policy</a>')})
    with TestServer(root) as srv:
        def policy(h):
            if h.headers["Host"].startswith("localhost"):
                h.send(200, page("Policy", '<a href="/elsewhere.html">x</a>'))
            else:
                h.send(302, b"", {"Location": f"http://localhost:{srv.port}/policy"}, content_type=None)
        srv.routes["/policy"] = policy
        docs, failed, _ = run([srv.url("/")])
        assert set(docs) == {srv.url("/"), f"http://localhost:{srv.port}/policy"}
        assert srv.count("/elsewhere.html") == 0


def test_invalid_seed_is_not_read():
    docs, failed, _ = run(["ftp://example.com/x", "http://"])
    assert docs == {} and set(failed.values()) == {"not an http(s) URL"}


def test_channel_is_inferred_when_no_seed_names_one(site, monkeypatch):
    import cxaudit.collect.crawl as crawl_mod
    seen = []

    def fake_infer(url, fmt):
        seen.append((url, fmt))
        return "policy" if fmt == "pdf" else "website"
    monkeypatch.setattr(crawl_mod, "_infer", fake_infer)
    docs, _, _ = run([site.url("/")])
    assert docs[site.url("/docs/returns.pdf")].channel == "policy"
    assert docs[site.url("/a.html")].channel == "website"
    assert (site.url("/docs/returns.pdf"), "pdf") in seen


def test_a_rate_limited_host_does_not_hold_up_another(tmp_path):
    """Two hosts (127.0.0.1 and localhost), each limited to 20 requests a second: their pages are
    fetched side by side, so the crawl takes about as long as one host's share, not the sum."""
    n = 40
    a = write_site(tmp_path / "a", {"index.html": page("A", "".join(f'<a href="/a{i}.html">{i}</a>' for i in range(n))),
                                    **{f"a{i}.html": page(f"A{i}") for i in range(n)}})
    b = write_site(tmp_path / "b", {"index.html": page("B", "".join(f'<a href="/b{i}.html">{i}</a>' for i in range(n))),
                                    **{f"b{i}.html": page(f"B{i}") for i in range(n)}})
    with TestServer(a) as sa, TestServer(b) as sb:
        seeds = [sa.url("/"), sb.url("/").replace("127.0.0.1", "localhost")]
        t = time.monotonic()
        docs, failed, stats = run(seeds, rate=20.0, ignore_robots=True)
        elapsed = time.monotonic() - t
        assert not failed and len(docs) == 2 * (n + 1)
        # One host's share is 41 requests at 20/s, about 2 s; both in turn would take 4 s.
        assert elapsed < 3.0, elapsed
        for srv in (sa, sb):
            times = sorted(e.at for e in srv.log)
            # each host keeps its rate: 0.05 s between requests on average (one late request on a
            # loaded machine makes the gap after it short, so no single gap is held to it)
            assert (times[-1] - times[0]) / (len(times) - 1) >= 0.045
            assert sorted(b_ - a_ for a_, b_ in zip(times, times[1:]))[len(times) // 2] >= 0.04
