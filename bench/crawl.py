"""Crawl benchmark: `cxaudit audit URL --rate 0` against `wget --recursive` on the same local server.

    python bench/crawl.py [--pages 2000]

Serves the generated corpus (bench/corpus-N/site plus an index page linking every page) from a
threaded http.server on 127.0.0.1 in a separate process, then times wget's download and
cxaudit's crawl + audit of the same site, and reports pages/s and cxaudit's peak RSS.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import corpus, measure  # noqa: E402

SERVER = """
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
class H(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def log_message(self, *a): pass
srv = ThreadingHTTPServer(("127.0.0.1", 0), partial(H, directory=sys.argv[1]))
print(srv.server_address[1], flush=True)
srv.serve_forever()
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000)
    a = ap.parse_args()
    site = corpus(a.pages) / "site"
    pages = sorted(p.name for p in site.glob("*.html") if p.name != "index.html")
    (site / "index.html").write_text("<html><body>" + "".join(f'<a href="{p}">{p}</a>' for p in pages) + "</body></html>")
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(site)], stdout=subprocess.PIPE, text=True)
    port = int(server.stdout.readline())
    url = f"http://127.0.0.1:{port}/index.html"
    try:
        out = Path(tempfile.mkdtemp())
        t = time.perf_counter()
        subprocess.run(["wget", "-q", "-r", "-l", "2", "-np", "-nd", "-P", str(out), url], check=False)
        wget_s = time.perf_counter() - t
        got = len(list(out.glob("*.html")))
        shutil.rmtree(out)
        wall, peak, code = measure([sys.executable, "-m", "cxaudit", "audit", f"website={url}", "--rate", "0",
                                    "--no-cache", "--max-pages", str(len(pages) + 10), "--max-depth", "1",
                                    "--format", "json", "-q", "--fail-on", "never"])
        print(f"wget --recursive: {got} pages in {wget_s:.1f}s = {got / wget_s:.0f} pages/s (download only)")
        print(f"cxaudit audit:    {len(pages) + 1} pages in {wall:.1f}s = {(len(pages) + 1) / wall:.0f} pages/s "
              f"(crawl + extract + compare), peak RSS {peak:.0f} MB, exit {code}")
        print(f"target (issue 4): cxaudit >= wget: {'PASS' if (len(pages) + 1) / wall >= got / wget_s else 'FAIL'}")
    finally:
        server.terminate()
        (site / "index.html").unlink()


if __name__ == "__main__":
    main()
