"""Crawl benchmark: cxaudit's crawl + audit against wget and a bare aiohttp loop, same server, same run.

    python bench/crawl.py [--pages 2000] [--server nginx|python] [--runs 1] [--concurrency 8]

Serves the generated corpus (bench/corpus-N/site plus an index page linking every page) on
127.0.0.1 from nginx (one worker, keep-alive, sendfile) when `nginx` is installed, else from a
threaded `http.server`, and prints pages/s for:

  - `wget --recursive` (download only; the issue's yardstick),
  - a bare aiohttp fetch loop over the same URLs (no parsing; the client ceiling),
  - `cxaudit audit URL --rate 0 --no-cache` (crawl + extract + compare), once per HTTP
    transport (CXAUDIT_HTTP_TRANSPORT=aiohttp, the default when aiohttp is installed, and
    httpx's own), with peak RSS of the process tree.

Only 127.0.0.1; the server is started and stopped here.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import corpus, measure  # noqa: E402

PY_SERVER = """
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
class H(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def log_message(self, *a): pass
srv = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), partial(H, directory=sys.argv[1]))
srv.serve_forever()
"""

NGINX_CONF = """
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    types {{ text/html html; application/pdf pdf; text/plain txt; application/xml xml; }}
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"server on 127.0.0.1:{port} did not start")


def start_server(kind: str, root: Path) -> tuple[subprocess.Popen, int, str, Path | None]:
    port = free_port()
    nginx = shutil.which("nginx") or (Path("/usr/sbin/nginx") if Path("/usr/sbin/nginx").exists() else None)
    if kind == "nginx" and nginx:
        tmp = Path(tempfile.mkdtemp(prefix="cxaudit-nginx-"))
        (tmp / "nginx.conf").write_text(NGINX_CONF.format(tmp=tmp, port=port, root=root))
        proc = subprocess.Popen([str(nginx), "-c", str(tmp / "nginx.conf"), "-p", str(tmp)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_port(port)
        return proc, port, "nginx (1 worker)", tmp
    proc = subprocess.Popen([sys.executable, "-c", PY_SERVER, str(root), str(port)])
    wait_port(port)
    return proc, port, "python http.server (threaded)", None


async def _aiohttp_loop(urls: list[str], conc: int) -> int:
    import aiohttp

    got = 0
    queue: asyncio.Queue[str] = asyncio.Queue()
    for u in urls:
        queue.put_nowait(u)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=conc)) as session:
        async def worker() -> None:
            nonlocal got
            while not queue.empty():
                url = queue.get_nowait()
                async with session.get(url) as resp:
                    await resp.read()
                    got += resp.status == 200

        await asyncio.gather(*(worker() for _ in range(conc)))
    return got


def bare_aiohttp(base: str, pages: list[str], conc: int) -> tuple[int, float] | None:
    try:
        import aiohttp  # noqa: F401
    except ImportError:
        return None
    t = time.perf_counter()
    got = asyncio.run(_aiohttp_loop([base + "index.html"] + [base + p for p in pages], conc))
    return got, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--server", choices=("nginx", "python"), default="nginx")
    ap.add_argument("--runs", type=int, default=1, help="repeat each client; the best run is kept")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--jobs", type=int, default=0, help="cxaudit --jobs (default: the number of cores)")
    a = ap.parse_args()
    site = corpus(a.pages) / "site"
    pages = sorted(p.name for p in site.glob("*.html") if p.name != "index.html")
    (site / "index.html").write_text("<html><body>" + "".join(f'<a href="{p}">{p}</a>' for p in pages) + "</body></html>")
    server, port, server_name, tmp = start_server(a.server, site)
    base = f"http://127.0.0.1:{port}/"
    url = base + "index.html"
    n = len(pages) + 1
    rows = []
    try:
        best = None
        for _ in range(a.runs):
            out = Path(tempfile.mkdtemp())
            t = time.perf_counter()
            subprocess.run(["wget", "-q", "-r", "-l", "2", "-np", "-nd", "-P", str(out), url], check=False)
            secs = time.perf_counter() - t
            got = len(list(out.glob("*.html")))
            shutil.rmtree(out)
            best = min(best or (got, secs), (got, secs), key=lambda r: r[1] / max(1, r[0]))
        got, secs = best
        wget_rate = got / secs
        rows.append(("wget --recursive (download only)", got, secs, wget_rate, None))
        bare = None
        for _ in range(a.runs):
            r = bare_aiohttp(base, pages, a.concurrency)
            if r and (bare is None or r[1] < bare[1]):
                bare = r
        if bare:
            rows.append((f"aiohttp fetch loop, c={a.concurrency} (no parsing)", bare[0], bare[1], bare[0] / bare[1], None))
        rates = {}
        for transport in ("aiohttp", "httpx"):
            env = dict(os.environ, CXAUDIT_HTTP_TRANSPORT=transport)
            cmd = [sys.executable, "-m", "cxaudit", "audit", f"website={url}", "--rate", "0", "--no-cache",
                   "--max-pages", str(n + 10), "--max-depth", "1", "--concurrency", str(a.concurrency),
                   "--format", "json", "-q", "--fail-on", "never"]
            if a.jobs:
                cmd += ["--jobs", str(a.jobs)]
            wall, peak, code = min((measure(cmd, env=env) for _ in range(a.runs)), key=lambda r: r[0])
            if code not in (0, 1):
                print(f"cxaudit ({transport}) exited {code}", file=sys.stderr)
            rates[transport] = n / wall
            rows.append((f"cxaudit audit, {transport} transport (crawl + audit)", n, wall, n / wall, peak))
    finally:
        server.terminate()
        server.wait(timeout=10)
        (site / "index.html").unlink()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"\nserver: {server_name} on 127.0.0.1; {n} pages of {a.pages}-page corpus; {os.cpu_count()} cores\n")
    print(f"{'client':58} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak RSS':>9}")
    for name, pages_n, secs, rate, peak in rows:
        pk = f"{peak:7.0f}MB" if peak else "        -"
        print(f"{name:58} {pages_n:>6} {secs:8.1f} {rate:8.0f} {pk:>9}")
    best_rate = max(rates.values())
    print(f"\ntarget (issue 4): cxaudit crawl+audit >= wget download: "
          f"{'PASS' if rates.get('aiohttp', 0) >= wget_rate else 'FAIL'} "
          f"({rates.get('aiohttp', 0) / wget_rate:.2f}x with the default transport; best {best_rate / wget_rate:.2f}x)")


if __name__ == "__main__":
    main()
