"""Sitemap parsing (XML urlset, sitemap index, plain-text lists, .gz) with a decompression guard."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import lxml.etree

MAX_SITEMAP_NESTING = 3     # index -> index -> urlset is already unusual
MAX_SITEMAPS = 200          # per crawl; the protocol allows 50,000 but an audit never needs that


class TooLarge(Exception):
    """Decoded data went over the size limit."""


@dataclass(frozen=True)
class Sitemap:
    pages: tuple[str, ...]        # <urlset><url><loc>, or the lines of a text sitemap
    sitemaps: tuple[str, ...]     # <sitemapindex><sitemap><loc>


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip data (all members), refusing to produce more than `limit` bytes."""
    out = bytearray()
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    buf = data
    while buf:
        chunk = d.decompress(buf, limit + 1 - len(out))
        out += chunk
        if len(out) > limit:
            raise TooLarge(limit)
        if d.unconsumed_tail:
            buf = d.unconsumed_tail
            continue
        if d.eof and d.unused_data:
            buf = d.unused_data
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            continue
        break
    return bytes(out)


_XML_PARSER_ARGS = dict(resolve_entities=False, no_network=True, huge_tree=False, recover=True,
                        remove_comments=True, remove_pis=True, load_dtd=False)


def parse(data: bytes, limit: int) -> Sitemap:
    """Pages and nested sitemaps listed in a sitemap body. Raises TooLarge beyond `limit`
    decoded bytes and ValueError when the body is not a sitemap at all."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gunzip(data, limit)
        except zlib.error as e:
            raise ValueError(f"bad gzip data: {e}") from None
    if len(data) > limit:
        raise TooLarge(limit)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        lines = data.decode("utf-8", errors="replace").splitlines()
        pages = tuple(ln.strip() for ln in lines if ln.strip().lower().startswith(("http://", "https://")))
        return Sitemap(pages, ())
    try:
        root = lxml.etree.fromstring(data, parser=lxml.etree.XMLParser(**_XML_PARSER_ARGS))
    except lxml.etree.XMLSyntaxError as e:
        raise ValueError(f"not a sitemap: {e}") from None
    if root is None:
        raise ValueError("not a sitemap: empty document")
    pages: list[str] = []
    maps: list[str] = []
    for loc in root.iter("{*}loc"):
        text = (loc.text or "").strip()
        if not text:
            continue
        parent = loc.getparent()
        pname = lxml.etree.QName(parent).localname if parent is not None else ""
        if pname == "sitemap":
            maps.append(text)
        elif pname == "url":
            pages.append(text)
    return Sitemap(tuple(pages), tuple(maps))
