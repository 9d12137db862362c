"""A threaded test HTTP server on 127.0.0.1 (ephemeral port): serves a directory with ETag and
Last-Modified, plus misbehaving routes, and logs every request so tests can count them."""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import mimetypes
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

Route = Callable[["Handler"], None]


@dataclass
class Logged:
    method: str
    path: str            # with query
    headers: dict[str, str]
    status: int = 0
    at: float = 0.0      # time.monotonic() when the request arrived
    host: str = ""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True   # else headers and body as two writes stall ~40 ms on delayed ACKs
    server: "_Server"

    def log_message(self, *args) -> None:  # keep pytest output clean
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionError, TimeoutError):   # clients that give up are part of the tests
            pass

    def send_response(self, code, message=None):
        entry = getattr(self, "_entry", None)
        if entry is not None:
            entry.status = code
        super().send_response(code, message)

    def do_GET(self) -> None:
        hdrs = {k.lower(): v for k, v in self.headers.items()}
        self._entry = Logged("GET", self.path, hdrs, at=time.monotonic(), host=hdrs.get("host", ""))
        with self.server.lock:
            self.server.log.append(self._entry)
        path = urlsplit(self.path).path
        route = self.server.routes.get(path)
        try:
            if route is not None:
                route(self)
            else:
                self._static(path)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    # -- helpers for routes ----------------------------------------------------------------

    @property
    def stopping(self) -> bool:
        return self.server.stopping.is_set()

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None,
             content_type: str | None = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        hdrs = dict(headers or {})
        if content_type and "Content-Type" not in hdrs:
            hdrs["Content-Type"] = content_type
        hdrs.setdefault("Content-Length", str(len(body)))
        for k, v in hdrs.items():
            self.send_header(k, v)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def sleep(self, seconds: float) -> bool:
        """Sleep unless the server stops; False when it stopped."""
        return not self.server.stopping.wait(seconds)

    def reset(self) -> None:
        """Abort the connection with a TCP RST."""
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _static(self, path: str) -> None:
        root = self.server.root
        if root is None:
            self.send(404, b"not found")
            return
        target = (root / path.lstrip("/")).resolve()
        if root not in target.parents and target != root:
            self.send(404, b"not found")
            return
        if target.is_dir():
            if not path.endswith("/"):
                self.send(301, b"", {"Location": path + "/"})
                return
            target = target / "index.html"
        if not target.is_file():
            self.send(404, b"<html><body>not found</body></html>")
            return
        data = target.read_bytes()
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        mtime = email.utils.formatdate(int(target.stat().st_mtime), usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if (inm and inm == etag) or (not inm and ims and ims == mtime):
            self.send(304, b"", {"ETag": etag, "Last-Modified": mtime}, content_type=None)
            return
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.suffix == ".gz":
            ctype = "application/gzip"
        elif ctype.startswith("text/") or ctype.endswith("xml"):
            ctype += "; charset=utf-8"
        self.send(200, data, {"ETag": etag, "Last-Modified": mtime}, content_type=ctype)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, root: Path | None, routes: dict[str, Route]):
        super().__init__(("127.0.0.1", 0), Handler)
        self.root = root.resolve() if root else None
        self.routes = routes
        self.log: list[Logged] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.state: dict = {}


class TestServer:
    """with TestServer(root, routes) as srv: srv.url("/x"); srv.count("/x"); srv.statuses("/x")"""

    __test__ = False  # not a pytest test class

    def __init__(self, root: str | Path | None = None, routes: dict[str, Route] | None = None):
        self._srv = _Server(Path(root) if root else None, dict(routes or {}))
        self.port = self._srv.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._srv.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def routes(self) -> dict[str, Route]:
        return self._srv.routes

    @property
    def state(self) -> dict:
        return self._srv.state

    def url(self, path: str = "/") -> str:
        return self.base + path

    @property
    def log(self) -> list[Logged]:
        with self._srv.lock:
            return list(self._srv.log)

    def count(self, path: str) -> int:
        """Requests whose path (query ignored unless given) is `path`."""
        return sum(1 for e in self.log if e.path == path or ("?" not in path and urlsplit(e.path).path == path))

    def statuses(self) -> Counter:
        return Counter(e.status for e in self.log)

    def paths(self) -> list[str]:
        return [e.path for e in self.log]

    def start(self) -> "TestServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._srv.stopping.set()
        self._srv.shutdown()
        self._srv.server_close()

    def __enter__(self) -> "TestServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# ---------------------------------------------------------------------------------------------
# misbehaving routes

def page(title: str, body: str = "", head: str = "") -> bytes:
    return (f"<!doctype html><html><head><title>{title}</title>{head}</head>"
            f"<body><h1>{title}</h1>{body}</body></html>").encode()


def status_route(code: int, headers: dict[str, str] | None = None) -> Route:
    def route(h: Handler) -> None:
        h.send(code, page(f"HTTP {code}"), headers)
    return route


def flaky_route(failures: int, code: int = 429, retry_after: str | None = "1", body: bytes | None = None) -> Route:
    """Fails `failures` times with `code` (and Retry-After), then serves a page."""
    counter = {"n": 0}

    def route(h: Handler) -> None:
        counter["n"] += 1
        if counter["n"] <= failures:
            h.send(code, page("busy"), {"Retry-After": retry_after} if retry_after else None)
        else:
            h.send(200, body or page("recovered", "<p>Back in business.</p>"))
    return route


def slow_route(delay: float, body: bytes | None = None) -> Route:
    """Waits `delay` seconds before sending anything."""
    def route(h: Handler) -> None:
        if h.sleep(delay):
            h.send(200, body or page("slow"))
    return route


def drip_route(interval: float, total: int = 10_000) -> Route:
    """Sends headers, then one byte every `interval` seconds."""
    def route(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(total))
        h.end_headers()
        for _ in range(total):
            h.wfile.write(b"x")
            h.wfile.flush()
            if not h.sleep(interval):
                break
        h.close_connection = True
    return route


def redirect_route(location: str, code: int = 302) -> Route:
    def route(h: Handler) -> None:
        h.send(code, b"", {"Location": location}, content_type=None)
    return route


def big_route(size: int, with_length: bool = True) -> Route:
    """A `size`-byte HTML body, streamed in 64 KB writes; records how much was really sent."""
    def route(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        if with_length:
            h.send_header("Content-Length", str(size))
        else:
            h.send_header("Connection", "close")
        h.end_headers()
        chunk = b"<p>" + b"a" * 65_529 + b"</p>"
        sent = 0
        try:
            while sent < size and not h.stopping:
                n = min(len(chunk), size - sent)
                h.wfile.write(chunk[:n])
                sent += n
        finally:
            h.server.state[h.path] = sent
            h.close_connection = True
    return route


def endless_chunked_route() -> Route:
    """Transfer-Encoding: chunked that never ends; records the bytes sent."""
    def route(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        chunk = b"<p>" + b"z" * 16_000 + b"</p>"
        frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"
        sent = 0
        try:
            while not h.stopping:
                h.wfile.write(frame)
                sent += len(chunk)
        finally:
            h.server.state[h.path] = sent
            h.close_connection = True
    return route


_BOMBS: dict[int, bytes] = {}


def gzip_bomb_route(decoded_size: int = 100_000_000) -> Route:
    """Content-Encoding: gzip whose few compressed KB inflate to `decoded_size` bytes."""
    if decoded_size not in _BOMBS:
        _BOMBS[decoded_size] = gzip.compress(b"<html>" + b"\0" * decoded_size, compresslevel=9, mtime=0)
    data = _BOMBS[decoded_size]

    def route(h: Handler) -> None:
        h.send(200, data, {"Content-Encoding": "gzip"}, content_type="text/html")
    return route


def gzip_route(body: bytes, content_type: str = "text/html; charset=utf-8") -> Route:
    data = gzip.compress(body, mtime=0)

    def route(h: Handler) -> None:
        h.send(200, data, {"Content-Encoding": "gzip"}, content_type=content_type)
    return route


def body_route(body: bytes, content_type: str | None, headers: dict[str, str] | None = None) -> Route:
    def route(h: Handler) -> None:
        h.send(200, body, headers, content_type=content_type)
    return route


def reset_route(announced: int = 100_000, sent: int = 2_000) -> Route:
    """Announces `announced` bytes, sends `sent`, then resets the connection."""
    def route(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(announced))
        h.end_headers()
        h.wfile.write(b"<html><body>" + b"r" * sent)
        h.reset()
    return route


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: content} under root and return root."""
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode() if isinstance(content, str) else content)
    return root


def sleep_until(pred: Callable[[], bool], timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.01)
    return pred()




def children(pid: int) -> int:
    """How many child processes `pid` has now (Linux /proc; 0 where it cannot be read)."""
    try:
        return len(Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
    except OSError:
        return 0


def wait_for_workers(proc, count: int, then: float = 1.5, timeout: float = 30.0) -> None:
    """Wait until an audit has forked its `count` child processes (crawl, extraction workers) and
    give them `then` seconds of work: a fixed sleep stopped start-up on a loaded machine."""
    if not sleep_until(lambda: children(proc.pid) >= count or proc.poll() is not None, timeout):
        time.sleep(then)
    time.sleep(then)
