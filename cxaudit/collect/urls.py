"""URL normalisation, crawl scope and link extraction from HTML, kept cheap because it runs ~100 times a page."""

from __future__ import annotations

import fnmatch
import re
import threading
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import lxml.etree

# Query parameters that only say where a visitor came from; they never change the page.
TRACKING_PARAMS = frozenset({
    "gclid", "gbraid", "wbraid", "dclid", "fbclid", "msclkid", "yclid", "twclid", "ttclid",
    "igshid", "li_fat_id", "mc_cid", "mc_eid", "ref", "_ga", "_gl", "_hsenc", "_hsmi",
    "mkt_tok", "srsltid", "oly_anon_id", "oly_enc_id", "vero_id", "spm",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")

DEFAULT_PORTS = {"http": 80, "https": 443}
DOC_EXTENSIONS = (".pdf", ".docx")

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Characters a path may hold unescaped (RFC 3986 pchar plus "/" and "%"); others get quoted.
_PATH_UNSAFE = re.compile(r"[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]")
_QUERY_UNSAFE = re.compile(r"[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]")
_LOWER_ESCAPE = re.compile(r"%[0-9a-f][0-9A-Fa-f]|%[0-9A-F][a-f]")
_WS = re.compile(r"[\t\n\r]")
# Escapes of unreserved characters mean the same as the character itself (RFC 3986 6.2.2.2).
_UNRESERVED_ESCAPE = re.compile(r"%(?:2[DdEe]|3[0-9]|4[1-9A-Fa-f]|5[0-9Aa]|5[Ff]|6[1-9A-Fa-f]|7[0-9Aa]|7[Ee])")


def scheme_of(href: str) -> str | None:
    """The lower-cased scheme of an absolute reference, or None for a relative one."""
    m = _SCHEME.match(href)
    return m.group(1).lower() if m else None


def _remove_dot_segments(path: str) -> str:
    # RFC 3986 5.2.4, written for the common case: most paths have no dot segment at all.
    if "/." not in path and not path.startswith("."):
        return path
    out: list[str] = []
    segs = path.split("/")
    for i, seg in enumerate(segs):
        if seg == ".":
            if i == len(segs) - 1:
                out.append("")
            continue
        if seg == "..":
            if len(out) > 1:
                out.pop()
            if i == len(segs) - 1:
                out.append("")
            continue
        out.append(seg)
    res = "/".join(out)
    return res if res.startswith("/") else "/" + res


def _fix_escapes(s: str, unsafe: re.Pattern[str], safe: str) -> str:
    if unsafe.search(s):
        s = quote(s, safe=safe)
    if "%" in s:
        if _UNRESERVED_ESCAPE.search(s):
            s = _UNRESERVED_ESCAPE.sub(lambda m: chr(int(m.group(0)[1:], 16)), s)
        if _LOWER_ESCAPE.search(s):
            s = _LOWER_ESCAPE.sub(lambda m: m.group(0).upper(), s)
    return s


def _clean_query(query: str) -> str:
    if not query:
        return ""
    kept = []
    for pair in query.split("&"):
        if not pair:
            continue
        name = pair.split("=", 1)[0].lower()
        if name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES):
            continue
        kept.append(_fix_escapes(pair, _QUERY_UNSAFE, "=&/?:@!$'()*+,;%~-._"))
    kept.sort()  # after escaping, so that normalising twice gives the same order
    return "&".join(kept)


def normalize(url: str) -> str | None:
    """The URL to fetch: http(s) only, lower-case scheme and host, no default port, no fragment,
    dot segments resolved, query sorted without tracking parameters. None if not a crawlable URL."""
    url = url.strip()
    if "\t" in url or "\n" in url or "\r" in url:
        url = _WS.sub("", url)
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in DEFAULT_PORTS:
            return None
        host = parts.hostname
        port = parts.port
    except ValueError:
        return None
    host = (host or "").rstrip(".")
    if not host:
        return None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = _remove_dot_segments(parts.path or "/")
    path = _fix_escapes(path, _PATH_UNSAFE, "/%:@!$&'()*+,;=-._~")
    return urlunsplit((scheme, host, path, _clean_query(parts.query), ""))


def page_key(url: str) -> str:
    """Identity of a page for de-duplication: a normalised URL with the trailing slash dropped,
    so /a and /a/ are one page (servers redirect one to the other)."""
    scheme, rest = url.split("://", 1)
    slash = rest.find("/")
    path_q = rest[slash:] if slash >= 0 else "/"
    q = path_q.find("?")
    path, query = (path_q[:q], path_q[q:]) if q >= 0 else (path_q, "")
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    return f"{scheme}://{rest[:slash] if slash >= 0 else rest}{path}{query}"


def host_of(url: str) -> str:
    """Lower-case host name (no port) of a normalised URL."""
    netloc = url.split("://", 1)[1].split("/", 1)[0]
    if netloc.startswith("["):
        return netloc[: netloc.index("]") + 1]
    return netloc.rsplit(":", 1)[0] if ":" in netloc else netloc


def origin_of(url: str) -> str:
    """scheme://host[:port] of a normalised URL: the unit robots.txt applies to."""
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{rest.split('/', 1)[0]}"


def _quick_host(href: str) -> str | None:
    """Host of an absolute or scheme-relative href without a full parse (None when unsure)."""
    i = href.find("//")
    if i < 0:
        return None
    netloc = href[i + 2:]
    for sep in "/?#\\":
        j = netloc.find(sep)
        if j >= 0:
            netloc = netloc[:j]
    netloc = netloc.rpartition("@")[2]
    if netloc.startswith("["):
        return None
    return netloc.split(":", 1)[0].lower().rstrip(".")


def _globs(patterns: Iterable[str]) -> re.Pattern[str] | None:
    pats = [fnmatch.translate(p) for p in patterns if p]
    return re.compile("|".join(f"(?:{p})" for p in pats)) if pats else None


class Scope:
    """Which URLs the crawl may follow: the seeds' hosts (plus allowed hosts, which may be globs
    like *.example.com) filtered by include/exclude globs. A glob with "://" matches the whole
    URL; one without matches the path and query."""

    def __init__(self, hosts: Iterable[str] = (), allow_hosts: Iterable[str] = (),
                 include: Iterable[str] = (), exclude: Iterable[str] = ()):
        self.hosts: set[str] = {h.lower() for h in hosts}
        self._host_globs = []
        for h in allow_hosts:
            h = h.strip().lower()
            if "://" in h:
                h = _quick_host(h) or h
            if any(c in h for c in "*?["):
                self._host_globs.append(h)
            elif h:
                self.hosts.add(h)
        self._host_cache: dict[str, bool] = {}
        self._inc_url = _globs(p for p in include if "://" in p)
        self._inc_path = _globs(p for p in include if "://" not in p)
        self._exc_url = _globs(p for p in exclude if "://" in p)
        self._exc_path = _globs(p for p in exclude if "://" not in p)
        self._has_include = bool(self._inc_url or self._inc_path)

    def add_host(self, host: str) -> None:
        self.hosts.add(host.lower())
        self._host_cache.pop(host.lower(), None)

    def host_ok(self, host: str) -> bool:
        if host in self.hosts:
            return True
        hit = self._host_cache.get(host)
        if hit is None:
            hit = any(fnmatch.fnmatchcase(host, g) for g in self._host_globs)
            if len(self._host_cache) > 10_000:
                self._host_cache.clear()
            self._host_cache[host] = hit
        return hit

    def path_ok(self, url: str) -> bool:
        """Include/exclude check of a normalised URL."""
        rest = url.split("://", 1)[1]
        slash = rest.find("/")
        path = rest[slash:] if slash >= 0 else "/"
        if (self._exc_url and self._exc_url.match(url)) or (self._exc_path and self._exc_path.match(path)):
            return False
        if not self._has_include:
            return True
        return bool((self._inc_url and self._inc_url.match(url)) or (self._inc_path and self._inc_path.match(path)))


@dataclass(frozen=True)
class PageLinks:
    links: tuple[str, ...]          # normalised, in scope, de-duplicated, in page order
    keys: tuple[str, ...]           # page_key of each link
    refused: tuple[tuple[str, str], ...]   # (target, reason) for links not followed
    canonical: str | None           # normalised rel=canonical target, if any


# A path that needs no resolving or escaping: segments of unreserved characters, none of them
# "." or "..", no "//", no query or fragment.
_SIMPLE_PATH = re.compile(r"(?:/?[A-Za-z0-9_~-][A-Za-z0-9_.~-]*(?:/[A-Za-z0-9_~-][A-Za-z0-9_.~-]*)*/?|/)\Z")


class LinkExtractor:
    """Pulls links out of an HTML page with lxml and resolves them. Keeps a cross-page cache of
    root-relative hrefs (menus and footers repeat on every page), so urljoin/urlsplit run
    about once per distinct link instead of once per occurrence."""

    def __init__(self, scope: Scope, cache_size: int = 10_000):
        self.scope = scope
        self._cache: dict[tuple[str, str], str | tuple[str, str] | None] = {}
        self._cache_size = cache_size
        self._keys: dict[str, str] = {}

    def _resolve(self, base: str, origin: str, base_dir: str, href: str,
                 simple: bool = False) -> str | tuple[str, str] | None:
        """-> normalised in-scope URL, or (target, reason) when refused, or None to ignore.
        `simple`: the base is the page's own normalised, in-scope URL."""
        c = href[0]
        if c == "/":
            if href.startswith("//"):
                return self._resolve_full(base, href)
            ck = (origin, href)           # root-relative: same result on every page of the origin
        elif c in "?#" or (":" in href and scheme_of(href)):
            return self._resolve_full(base, href)
        else:
            ck = (base_dir, href)         # relative: depends only on the base's directory
        hit = self._cache.get(ck, False)
        if hit is not False:
            return hit
        if simple and _SIMPLE_PATH.match(href):
            # "page-2.html", "/c/shoes/": nothing to resolve or escape, so the normalised URL is
            # the base's directory (or origin) plus the href; urljoin + normalize cost 30 us.
            url = (origin if c == "/" else base_dir) + href
            res = url if self.scope.path_ok(url) else (url, "excluded by --include/--exclude")
        else:
            res = self._resolve_full(base, href)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[ck] = res
        return res

    def _resolve_full(self, base: str, href: str) -> str | tuple[str, str] | None:
        scheme = scheme_of(href)
        if scheme is not None and scheme not in DEFAULT_PORTS:
            return (href[:200], f"{scheme}: link")
        if scheme is not None or href.startswith("//"):
            host = _quick_host(href)
            if host is not None and not self.scope.host_ok(host):
                return (href[:200], "off-host link")
        try:
            absolute = urljoin(base, href)
        except ValueError:
            return (href[:200], "malformed link")
        url = normalize(absolute)
        if url is None:
            return (href[:200], "malformed link")
        if not self.scope.host_ok(host_of(url)):
            return (url, "off-host link")
        if not self.scope.path_ok(url):
            return (url, "excluded by --include/--exclude")
        return url

    def extract(self, body: bytes, page_url: str, encoding: str | None = None) -> PageLinks:
        root = parse_html(body, encoding)
        if root is None:
            return PageLinks((), (), (), None)
        base = page_url
        simple = normalize(page_url) == page_url and self.scope.host_ok(host_of(page_url))
        for el in root.iter("base"):
            href = (el.get("href") or "").strip()
            if href:
                try:
                    base = urljoin(page_url, href)
                except ValueError:
                    pass
                simple = False
            break
        if "://" not in base:
            base = page_url
        origin = origin_of(base)
        base_path = base.split("?", 1)[0].split("#", 1)[0]
        base_dir = base_path[: base_path.rfind("/") + 1] if base_path.count("/") > 2 else base_path + "/"
        links: list[str] = []
        seen: set[str] = set()
        refused: list[tuple[str, str]] = []
        canonical = None
        for el in root.iter("a", "area", "link", "iframe", "embed", "object"):
            tag = el.tag
            if tag == "link":
                rel = (el.get("rel") or "").lower().split()
                if "canonical" not in rel:
                    continue
                href = el.get("href")
            elif tag in ("a", "area"):
                href = el.get("href")
            else:
                href = el.get("src") or el.get("data")
            if not href:
                continue
            href = href.strip()
            if not href or href[0] == "#":
                continue
            res = self._resolve(base, origin, base_dir, href, simple)
            if res is None:
                continue
            if isinstance(res, tuple):
                refused.append(res)
                continue
            if tag == "link":
                if canonical is None:
                    canonical = res
                continue
            if tag in ("iframe", "embed", "object") and not res.split("?", 1)[0].lower().endswith(DOC_EXTENSIONS):
                continue
            if res not in seen:
                seen.add(res)
                links.append(res)
        keys = self._keys
        if len(keys) > self._cache_size:
            keys.clear()
        link_keys = []
        for u in links:
            k = keys.get(u)
            if k is None:
                k = keys[u] = page_key(u)
            link_keys.append(k)
        return PageLinks(tuple(links), tuple(link_keys), tuple(refused), canonical)


def parse_html(body: bytes, encoding: str | None = None):
    """lxml root of an HTML page, or None when there is nothing to parse."""
    if not body or not body.strip():
        return None
    # Plain etree elements: lxml.html's element classes cost a Python lookup per element.
    parser = _parser(encoding)
    try:
        return lxml.etree.fromstring(body, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError, LookupError):
        if encoding:
            try:
                return lxml.etree.fromstring(body, parser=_parser(None))
            except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
                return None
        return None


_local = threading.local()  # lxml parsers must not be shared between threads


def _parser(encoding: str | None) -> lxml.etree.HTMLParser:
    cache = _local.__dict__.setdefault("parsers", {})
    p = cache.get(encoding)
    if p is None:
        try:
            p = lxml.etree.HTMLParser(encoding=encoding, remove_comments=True, no_network=True,
                                      default_doctype=False)
        except LookupError:
            p = _parser(None)
        if len(cache) < 64:
            cache[encoding] = p
    return p
