"""Server faults: each misbehaving route ends as one Document or one NotRead with a clear reason,
in bounded time, without crashing the crawl."""

from __future__ import annotations

import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
import zlib
from http.server import ThreadingHTTPServer

import pytest

from cxaudit.collect.crawl import CrawlOptions, crawl
from cxaudit.model import Document, NotRead
from servers import (
    Handler, TestServer, big_route, body_route, drip_route, endless_chunked_route, flaky_route,
    gzip_bomb_route, gzip_route, page, redirect_route, reset_route, slow_route, status_route,
)

FAST = CrawlOptions(rate=0, timeout=1.0, page_time_limit=3.0, retry_backoff=0.02, cache_dir=None,
                    max_depth=0)

CP1252 = "<html><body><p>Caf\xe9 \u2013 returns within 30 days \u20ac5</p></body></html>".encode("cp1252")
RAW_DEFLATE = zlib.compressobj(wbits=-15)
DEFLATED = RAW_DEFLATE.compress(page("deflated", "<p>Ships in 2 days</p>")) + RAW_DEFLATE.flush()


def _deflate_route(h):
    h.send(200, DEFLATED, {"Content-Encoding": "deflate"})


@pytest.fixture(scope="module")
def srv():
    routes = {
        "/404": status_route(404),
        "/410": status_route(410),
        "/500": status_route(500),
        "/503": status_route(503, {"Retry-After": "0"}),
        "/429-then-ok": flaky_route(1, 429, "1"),
        "/429-forever": status_route(429, {"Retry-After": "3600"}),
        "/slow": slow_route(3.0),
        "/drip": drip_route(0.25),
        "/loop1": redirect_route("/loop2"),
        "/loop2": redirect_route("/loop1"),
        "/to-mailto": redirect_route("mailto:support@example.com"),
        "/to-js": redirect_route("javascript:alert(1)"),
        "/hop1": redirect_route("/hop2"), "/hop2": redirect_route("/hop3"), "/hop3": redirect_route("/hop4"),
        "/hop4": redirect_route("/hop5"), "/hop5": redirect_route("/final"),
        "/final": body_route(page("final"), "text/html"),
        "/big": big_route(50_000_000),
        "/big-unannounced": big_route(50_000_000, with_length=False),
        "/bomb": gzip_bomb_route(30_000_000),
        "/image.png": body_route(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png"),
        "/cp1252": body_route(CP1252, "text/html; charset=windows-1252"),
        "/reset": reset_route(),
        "/endless": endless_chunked_route(),
        "/gzipped": gzip_route(page("gzipped", "<p>Free returns within 30 days</p>")),
        "/deflated": _deflate_route,
        "/download": body_route(b"%PDF-1.4\n%fake pdf\n", "application/octet-stream"),
        "/blob": body_route(b"\0\1\2\3 binary", "application/octet-stream"),
        "/notes.md": body_route(b"# Returns\n\n30 days.\n", "text/plain; charset=utf-8"),
    }
    with TestServer(None, routes) as s:
        yield s


def one(url: str, **kw) -> tuple[Document | NotRead, float, object]:
    t = time.monotonic()
    c = crawl([(url, "website")], CrawlOptions(**{**FAST.__dict__, **kw}))
    items = list(c)
    assert len(items) == 1, items
    return items[0], time.monotonic() - t, c.stats


@pytest.mark.parametrize("path, reason, requests", [
    ("/404", "HTTP 404", 1),
    ("/410", "HTTP 410", 1),
    ("/500", "HTTP 500 after 3 attempts", 3),
    ("/503", "HTTP 503 after 3 attempts", 3),
    ("/429-forever", "HTTP 429 (Retry-After 3600 s is too long)", 1),
    ("/loop1", "redirect loop", 1),
    ("/to-mailto", "redirect to non-http scheme mailto:", 1),
    ("/to-js", "redirect to non-http scheme javascript:", 1),
    ("/image.png", "content type image/png not read", 1),
    ("/blob", "content type application/octet-stream not read", 1),
    # httpx's transport sees the reset; aiohttp's reports the body cut short, with the byte counts
    ("/reset", re.compile(r"connection (reset|closed mid-body \(2,?\d{3} of 100,000 bytes\)) after 3 attempts"), 3),
])
def test_refusals(srv, path, reason, requests):
    item, elapsed, _ = one(srv.url(path))
    if isinstance(reason, re.Pattern):
        assert item.uri == srv.url(path) and reason.fullmatch(item.reason), item
    else:
        assert item == NotRead(srv.url(path), reason)
    assert srv.count(path) == requests
    assert elapsed < 3


def test_redirect_chain_within_limit_is_followed(srv):
    item, _, _ = one(srv.url("/hop1"))
    assert isinstance(item, Document) and item.uri == srv.url("/final")


def test_too_many_redirects(srv):
    item, _, _ = one(srv.url("/hop1"), max_redirects=3)
    assert item == NotRead(srv.url("/hop1"), "more than 3 redirects (--max-redirects)")


def test_429_with_retry_after_is_honoured_then_read(srv):
    item, elapsed, stats = one(srv.url("/429-then-ok"))
    assert isinstance(item, Document) and b"Back in business" in item.content
    assert srv.count("/429-then-ok") == 2
    assert elapsed >= 0.9          # waited for Retry-After: 1
    assert stats.fetched == 1 and stats.failed == 0


def test_slower_than_timeout(srv):
    item, elapsed, _ = one(srv.url("/slow"), timeout=0.5)
    assert item == NotRead(srv.url("/slow"), "timed out after 0.5 s (--timeout)")
    assert srv.count("/slow") == 1      # a slow server is not hammered with retries
    assert elapsed < 2


def test_slow_drip_hits_page_time_limit(srv):
    # one byte every 0.25 s never trips the 1 s read timeout; the page limit stops it
    item, elapsed, _ = one(srv.url("/drip"), timeout=1.0, page_time_limit=1.0)
    assert item == NotRead(srv.url("/drip"), "took over 1 s (--page-time-limit)")
    assert elapsed < 2.5


def test_50mb_body_refused_from_content_length(srv):
    item, elapsed, stats = one(srv.url("/big"))
    assert item == NotRead(srv.url("/big"), "body over 10 MB limit (--max-page-size)")
    assert stats.bytes < 1_000_000      # refused on the header, body never read
    assert elapsed < 2


def test_50mb_body_without_length_stops_at_limit(srv):
    item, _, stats = one(srv.url("/big-unannounced"), max_body_bytes=2_000_000)
    assert item == NotRead(srv.url("/big-unannounced"), "body over 2 MB limit (--max-page-size)")
    assert stats.bytes < 2_000_000 + 200_000


def test_gzip_bomb_is_stopped_while_inflating(srv):
    item, _, stats = one(srv.url("/bomb"))
    assert item == NotRead(srv.url("/bomb"), "decompressed body over 10 MB limit (--max-page-size)")
    assert stats.bytes < 100_000        # ~30 KB of gzip on the wire for 30 MB decoded


def test_endless_chunked_stream(srv):
    item, elapsed, _ = one(srv.url("/endless"), max_body_bytes=1_000_000)
    assert item == NotRead(srv.url("/endless"), "body over 1 MB limit (--max-page-size)")
    assert elapsed < 2


def test_non_utf8_page_keeps_bytes_and_charset(srv):
    item, _, _ = one(srv.url("/cp1252"))
    assert isinstance(item, Document)
    assert item.content == CP1252 and item.encoding == "windows-1252" and item.fmt == "html"
    assert "Café – returns within 30 days €5" in item.content.decode(item.encoding)


def test_gzip_and_raw_deflate_bodies_are_decoded(srv):
    g, _, _ = one(srv.url("/gzipped"))
    d, _, _ = one(srv.url("/deflated"))
    assert b"Free returns within 30 days" in g.content
    assert b"Ships in 2 days" in d.content


def test_octet_stream_is_sniffed(srv):
    item, _, _ = one(srv.url("/download"))
    assert isinstance(item, Document) and item.fmt == "pdf"


def test_markdown_served_as_text_plain(srv):
    item, _, _ = one(srv.url("/notes.md"))
    assert isinstance(item, Document) and item.fmt == "md" and item.encoding == "utf-8"


def test_unresolvable_host():
    # .invalid never resolves (RFC 2606), so nothing leaves the machine
    item, elapsed, _ = one("http://nonexistent.invalid/")
    assert item == NotRead("http://nonexistent.invalid/", "DNS lookup failed")
    assert elapsed < 5


def test_connection_refused():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()   # nothing listens there now
    item, _, _ = one(f"http://127.0.0.1:{port}/")
    assert item == NotRead(f"http://127.0.0.1:{port}/", "connection refused after 3 attempts")


def test_tls_to_a_plain_http_port(srv):
    url = f"https://127.0.0.1:{srv.port}/404"
    item, elapsed, _ = one(url)
    assert isinstance(item, NotRead) and item.reason.startswith("TLS error:"), item
    assert elapsed < 3


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_tls_self_signed_certificate(tmp_path):
    key, cert = tmp_path / "k.pem", tmp_path / "c.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
                    "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"],
                   check=True, capture_output=True, timeout=30)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        url = f"https://127.0.0.1:{httpd.server_address[1]}/"
        item, _, _ = one(url)
        assert isinstance(item, NotRead)
        assert item.reason.startswith("TLS error: certificate verify failed"), item.reason
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_faults_do_not_stop_the_rest_of_the_crawl(srv):
    """All the faults at once, in one crawl: every seed gets exactly one outcome."""
    paths = ["/404", "/500", "/loop1", "/to-mailto", "/image.png", "/reset", "/bomb", "/big",
             "/cp1252", "/gzipped", "/download"]
    seeds = [(srv.url(p), None) for p in paths] + [("http://nonexistent.invalid/x", None)]
    c = crawl(seeds, CrawlOptions(**{**FAST.__dict__, "concurrency": 4}))
    items = list(c)
    by_uri = {i.uri: i for i in items}
    assert len(items) == len(seeds) == len(by_uri)
    docs = {u for u, i in by_uri.items() if isinstance(i, Document)}
    assert docs == {srv.url("/cp1252"), srv.url("/gzipped"), srv.url("/download")}
    assert c.stats.failed == len(seeds) - 3 and c.stats.fetched == 3
    assert c.stats.incomplete is False
