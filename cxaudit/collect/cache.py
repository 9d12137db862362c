"""On-disk HTTP cache for conditional re-crawls: per URL its validators (ETag, Last-Modified) and body."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass

from cxaudit.atomic import write_atomic

FORMAT = 1
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This directory is a cache written by cxaudit; it can be deleted at any time.\n")


@dataclass(frozen=True)
class Entry:
    url: str
    etag: str | None
    last_modified: str | None
    content_type: str | None
    body_sha1: str
    size: int

    def conditional_headers(self) -> dict[str, str]:
        h = {}
        if self.etag:
            h["If-None-Match"] = self.etag
        if self.last_modified:
            h["If-Modified-Since"] = self.last_modified
        return h


class PageCache:
    """Files live under root/<2 hex>/<sha1 of URL>.{json,body}. Writes go to a temporary file
    then os.replace, so a crash or a concurrent run never leaves a half-written entry; the
    metadata names the body's sha1, so a body that does not match is ignored."""

    def __init__(self, root: str | os.PathLike | None):
        self.root = os.fspath(root) if root else None
        self.error: str | None = None
        if self.root:
            try:
                os.makedirs(self.root, exist_ok=True)
                tag = os.path.join(self.root, "CACHEDIR.TAG")
                if not os.path.exists(tag):
                    write_atomic(tag, _TAG.encode())
            except OSError as e:
                # An unwritable cache must not stop an audit; it only makes it slower.
                self.error = f"cache disabled: {e.strerror or e} ({self.root})"
                self.root = None

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def _paths(self, url: str) -> tuple[str, str]:
        h = hashlib.sha1(url.encode("utf-8", errors="surrogatepass")).hexdigest()
        d = os.path.join(self.root, h[:2])  # type: ignore[arg-type]
        return os.path.join(d, h + ".json"), os.path.join(d, h + ".body")

    def lookup(self, url: str) -> Entry | None:
        if not self.root:
            return None
        meta_path, _ = self._paths(url)
        try:
            with open(meta_path, "rb") as f:
                meta = json.loads(f.read())
            if meta.get("format") != FORMAT or meta.get("url") != url:
                return None
            return Entry(url, meta.get("etag"), meta.get("last_modified"), meta.get("content_type"),
                         meta["body_sha1"], int(meta["size"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def body(self, entry: Entry) -> bytes | None:
        """The cached body, or None when it is missing or does not match its metadata."""
        _, body_path = self._paths(entry.url)
        try:
            with open(body_path, "rb") as f:
                data = f.read(entry.size + 1)
        except OSError:
            return None
        if len(data) != entry.size or hashlib.sha1(data).hexdigest() != entry.body_sha1:
            return None
        return data

    def store(self, url: str, etag: str | None, last_modified: str | None,
              content_type: str | None, body: bytes, body_sha1: str | None = None) -> bool:
        """Keep a response that can be revalidated later; without a validator it is useless."""
        if not self.root or not (etag or last_modified):
            return False
        meta_path, body_path = self._paths(url)
        meta = {"format": FORMAT, "url": url, "etag": etag, "last_modified": last_modified,
                "content_type": content_type, "size": len(body),
                "body_sha1": body_sha1 or hashlib.sha1(body).hexdigest()}
        try:
            os.makedirs(os.path.dirname(meta_path), exist_ok=True)
            write_atomic(body_path, body)
            write_atomic(meta_path, json.dumps(meta).encode())
            return True
        except OSError:
            return False

    def forget(self, url: str) -> None:
        if not self.root:
            return
        for p in self._paths(url):
            try:
                os.unlink(p)
            except OSError:
                pass


