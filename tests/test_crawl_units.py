"""Unit tests of the crawler's parts: URL normalisation, scope, link extraction, sitemaps,
robots.txt rules and the on-disk cache."""

from __future__ import annotations

import gzip
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxaudit.collect import robots, sitemap
from cxaudit.collect.cache import PageCache
from cxaudit.collect.crawl import _Inflate, _retry_after, content_fmt
from cxaudit.collect.urls import LinkExtractor, Scope, host_of, normalize, origin_of, page_key


@pytest.mark.parametrize("raw, expected", [
    ("HTTP://Example.COM:80/a/./b/../c?b=2&a=1#frag", "http://example.com/a/c?a=1&b=2"),
    ("https://example.com:443", "https://example.com/"),
    ("https://example.com:8443/x", "https://example.com:8443/x"),
    ("http://example.com/p?utm_source=n&utm_campaign=x&id=7&gclid=1&fbclid=2&mc_cid=3&mc_eid=4&ref=hn&_ga=5",
     "http://example.com/p?id=7"),
    ("http://example.com/p?utm_source=n", "http://example.com/p"),
    ("http://example.com/a b/caf\u00e9", "http://example.com/a%20b/caf%C3%A9"),
    ("http://example.com/%7euser/%2f", "http://example.com/~user/%2F"),
    ("  http://example.com/x\n", "http://example.com/x"),
    ("http://EXAMPLE.com./", "http://example.com/"),
    ("http://user:pw@example.com/", "http://example.com/"),
    ("http://[::1]:8080/x", "http://[::1]:8080/x"),
    ("http://example.com/../../a", "http://example.com/a"),
])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", ["mailto:a@b.c", "javascript:void(0)", "file:///etc/passwd", "ftp://x/y",
                                 "http://", "http://[::1", "http://example.com:99999/", "/relative", ""])
def test_normalize_refuses(raw):
    assert normalize(raw) is None


def test_page_key_treats_trailing_slash_as_same_page():
    assert page_key("http://x.com/a/") == page_key("http://x.com/a") == "http://x.com/a"
    assert page_key("http://x.com/a/?q=1") == "http://x.com/a?q=1"
    assert page_key("http://x.com/") == "http://x.com/"
    assert page_key("http://x.com/a") != page_key("http://x.com/b")
    assert host_of("http://x.com:81/a") == "x.com" and origin_of("http://x.com:81/a") == "http://x.com:81"


@settings(max_examples=int(os.environ.get("CXAUDIT_FUZZ_EXAMPLES", 300)), deadline=None)
@given(st.text(max_size=200))
def test_normalize_never_raises(text):
    for candidate in (text, "http://x.com/" + text, "http://" + text):
        out = normalize(candidate)
        if out is not None:
            assert out.startswith(("http://", "https://"))
            assert normalize(out) == out     # idempotent
            page_key(out)


def test_scope_hosts_globs_include_exclude():
    s = Scope(hosts=["shop.example.com"], allow_hosts=["*.cdn.example.com", "help.example.com"],
              include=["/help/*", "https://shop.example.com/returns*"], exclude=["*.pdf"])
    assert s.host_ok("shop.example.com") and s.host_ok("help.example.com") and s.host_ok("a.cdn.example.com")
    assert not s.host_ok("example.com") and not s.host_ok("evil.com")
    assert s.path_ok("https://shop.example.com/help/faq")
    assert s.path_ok("https://shop.example.com/returns-policy")
    assert not s.path_ok("https://shop.example.com/blog/x")
    assert not s.path_ok("https://shop.example.com/help/terms.pdf")


def test_link_extraction():
    ex = LinkExtractor(Scope(hosts=["x.com"]))
    html = b"""<html><head><base href="/en/"><link rel="Canonical" href="https://x.com/en/home">
      <link rel="stylesheet" href="/style.css"></head><body>
      <a href="faq">faq</a> <a href=" /abs?utm_source=a ">abs</a> <a href="faq#q2">dup</a>
      <a href="https://other.com/">o</a> <a href="mailto:a@x.com">m</a> <a href="JavaScript:go()">j</a>
      <a>no href</a> <a href="#top">frag</a> <iframe src="/files/policy.pdf"></iframe>
      <iframe src="/widget.html"></iframe> <area href="/map-target"> </body></html>"""
    got = ex.extract(html, "https://x.com/page")
    assert got.links == ("https://x.com/en/faq", "https://x.com/abs", "https://x.com/files/policy.pdf",
                         "https://x.com/map-target")
    assert got.canonical == "https://x.com/en/home"
    assert sorted(r for _, r in got.refused) == ["javascript: link", "mailto: link", "off-host link"]


@pytest.mark.parametrize("page", ["http://127.0.0.1:8080/page-1.html", "https://x.com/", "https://x.com/help/a/b",
                                  "https://x.com/help/a/"])
def test_plain_links_resolve_like_urljoin_and_normalize(page):
    """Hrefs with nothing to resolve take a short cut; it must give what the full path gives."""
    hrefs = ["page-2.html", "/c/0.html", "c/", "/", "a/b/c.html", "/A/B.HTML", "x/y..z", "/help/a/xy",
             "./a", "../a", "a//b", "a/./b", "a/..", "a?b=1&utm_source=z", "a%7eb", "/caf\u00e9", "a b"]
    scope = Scope(hosts=[host_of(page)], exclude=["/help/a/x*"])
    body = ("<meta charset=utf-8>" + "".join(f'<a href="{h}">x</a>' for h in hrefs)).encode()
    fast = LinkExtractor(scope).extract(body, page)
    full = LinkExtractor(scope)
    for h in hrefs:
        res = full._resolve_full(page, h)
        if isinstance(res, tuple):
            assert res in fast.refused, h
        else:
            assert res in fast.links, h
    assert len(fast.links) == len(set(fast.links))


def test_link_extraction_survives_garbage():
    ex = LinkExtractor(Scope(hosts=["x.com"]))
    for body in (b"", b"   ", b"\0\1\2\xff\xfe", b"<a href='http://[broken'>x</a>", b"<" * 10_000,
                 "<a href='/caf\u00e9'>".encode("cp1252")):
        got = ex.extract(body, "http://x.com/", "no-such-charset")
        assert isinstance(got.links, tuple)


def test_link_extraction_uses_declared_charset():
    ex = LinkExtractor(Scope(hosts=["x.com"]))
    body = "<a href='/caf\u00e9'>x</a>".encode("cp1252")
    assert ex.extract(body, "http://x.com/", "windows-1252").links == ("http://x.com/caf%C3%A9",)


def test_sitemap_parse_and_bomb_guard():
    xml = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           b'<url><loc>http://x.com/a&e;</loc></url><url><loc> http://x.com/b </loc></url></urlset>')
    assert sitemap.parse(xml, 10_000).pages == ("http://x.com/a", "http://x.com/b")   # no XXE
    assert sitemap.parse(gzip.compress(xml), 10_000).pages == ("http://x.com/a", "http://x.com/b")
    idx = b"<sitemapindex><sitemap><loc>http://x.com/s1.xml</loc></sitemap></sitemapindex>"
    assert sitemap.parse(idx, 10_000).sitemaps == ("http://x.com/s1.xml",)
    assert sitemap.parse(b"http://x.com/1\nhttp://x.com/2\n", 100).pages == ("http://x.com/1", "http://x.com/2")
    with pytest.raises(sitemap.TooLarge):
        sitemap.parse(gzip.compress(b" " * 5_000_000), 1_000_000)
    with pytest.raises(ValueError):
        sitemap.parse(b"\x1f\x8bnot gzip", 1000)
    assert sitemap.gunzip(gzip.compress(b"ab") + gzip.compress(b"cd"), 10) == b"abcd"


def test_inflate_never_exceeds_the_room_given():
    bomb = gzip.compress(b"\0" * 20_000_000)
    inf = _Inflate("gzip")
    out = inf.feed(bomb, 1_000_001)
    assert len(out) == 1_000_001


def test_robots_rules():
    r = robots.from_response(200, b"User-agent: *\nDisallow: /x\nCrawl-delay: 4\nSitemap: http://a/s.xml\n")
    assert not r.allowed("http://a/x/1", "cxaudit/0.1.0") and r.allowed("http://a/y", "cxaudit/0.1.0")
    assert r.crawl_delay("cxaudit/0.1.0") == 4 and r.sitemaps == ["http://a/s.xml"]
    assert robots.from_response(200, b"User-agent: *\nCrawl-delay: 9999\n").crawl_delay("x") == robots.MAX_CRAWL_DELAY
    assert robots.from_response(404, b"").allowed("http://a/x", "ua")
    assert robots.from_response(None, None).allowed("http://a/x", "ua")
    assert not robots.from_response(500, b"").allowed("http://a/x", "ua")
    assert robots.from_response(200, b"\xff\xfe\0garbage\n").allowed("http://a/x", "ua")


def test_content_types():
    assert content_fmt("text/html; charset=utf-8", "http://x/a") == "html"
    assert content_fmt("application/pdf", "http://x/a") == "pdf"
    assert content_fmt("application/octet-stream", "http://x/a.pdf?v=1") == "pdf"
    assert content_fmt("text/plain", "http://x/readme.md") == "md"
    assert content_fmt("image/png", "http://x/a.html") is None
    assert content_fmt("application/json", "http://x/a") is None


def test_retry_after():
    assert _retry_after("1") == 1.0 and _retry_after(" 120 ") == 120.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0      # in the past
    assert _retry_after("soon") is None and _retry_after(None) is None


def test_cache_roundtrip_atomic_and_validated(tmp_path):
    c = PageCache(tmp_path / "c")
    assert (tmp_path / "c" / "CACHEDIR.TAG").exists()
    assert not c.store("http://x/a", None, None, "text/html", b"no validators")
    assert c.store("http://x/a", '"e1"', "Wed, 21 Oct 2015 07:28:00 GMT", "text/html", b"body")
    e = c.lookup("http://x/a")
    assert e.conditional_headers() == {"If-None-Match": '"e1"', "If-Modified-Since": "Wed, 21 Oct 2015 07:28:00 GMT"}
    assert c.body(e) == b"body"
    leftovers = [f for _, _, fs in os.walk(tmp_path / "c") for f in fs if f.startswith(".tmp-")]
    assert leftovers == []
    body_file = next(p for p in (tmp_path / "c").rglob("*.body"))
    body_file.write_bytes(b"BODY")           # same size, different content
    assert c.body(e) is None
    assert c.lookup("http://x/other") is None
    assert not PageCache(None).enabled and PageCache(None).lookup("http://x/a") is None
