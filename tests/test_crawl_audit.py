"""Issue 4's end-to-end promise: auditing a served site gives the findings of auditing its files."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SAMPLES
from servers import TestServer, wait_for_workers

BRAND = SAMPLES / "northwind"


def _audit(site: str, cache: str | None = None, *extra: str) -> dict:
    args = [sys.executable, "-m", "cxaudit", "audit", f"website={site}", f"help_centre={BRAND / 'help'}",
            f"policy={BRAND / 'policy'}", f"call_centre={BRAND / 'scripts'}", f"ads={BRAND / 'ads'}",
            "--format", "json", "--fail-on", "never", "-q", "--rate", "0", *extra]
    args += ["--cache-dir", cache] if cache else ["--no-cache"]
    r = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def _shape(report: dict) -> list[tuple]:
    """A finding without where it stands: rule, kind, and per side channel, value and text."""
    out = []
    for f in report["findings"]:
        sides = sorted((p["source"]["channel"], p["min"], p["max"], p["unit"], p["text"], p["pages"]) for p in f["promises"])
        out.append((f["rule"], f["kind"], tuple(sides)))
    return sorted(out)


def test_served_site_gives_the_same_findings_as_the_files(tmp_path):
    on_disk = _audit(str(BRAND / "site"))
    with TestServer(BRAND / "site") as server:
        crawled = _audit(server.url("/"), str(tmp_path / "cache"))
        assert _shape(crawled) == _shape(on_disk)
        web = [p for f in crawled["findings"] for p in f["promises"] if p["source"]["channel"] == "website"]
        assert web and all(p["source"]["uri"].startswith("http://127.0.0.1:") for p in web)

        # A second audit of the unchanged site is answered from the cache with conditional requests.
        before = len(server.log)
        again = _audit(server.url("/"), str(tmp_path / "cache"))
        second = server.log[before:]
        conditional = [e for e in second if "if-none-match" in e.headers or "if-modified-since" in e.headers]
        assert conditional and all(e.status == 304 for e in conditional)
        assert _shape(again) == _shape(on_disk)


def test_max_pages_is_respected():
    with TestServer(BRAND / "site") as server:
        report = _audit(server.url("/"), None, "--max-pages", "2")
        pages = {p["source"]["uri"] for p in report["promises"] if p["source"]["uri"].startswith("http")}
        assert 1 <= len(pages) <= 2


def test_unreachable_site_is_not_read_and_exit_2_when_nothing_else():
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()   # nothing listens there now
    r = subprocess.run([sys.executable, "-m", "cxaudit", "audit", f"http://127.0.0.1:{port}/", "--format", "json",
                        "--no-cache", "--retries", "0", "-q"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    report = json.loads(r.stdout)
    assert report["not_read"] and report["not_read"][0]["uri"].startswith(f"http://127.0.0.1:{port}")
    assert "Traceback" not in r.stderr


def test_ctrl_c_during_a_crawl_writes_the_partial_report(tmp_path):
    """The crawl runs in its own process when extraction is parallel; Ctrl-C in the CLI still stops
    it and the audit of what was fetched is written, marked incomplete."""
    import signal

    root = tmp_path / "site"
    root.mkdir()
    links = "".join(f'<a href="/p{i}.html">{i}</a>' for i in range(400))
    (root / "index.html").write_text(f"<html><body><h1>Home</h1>{links}</body></html>")
    for i in range(400):
        (root / f"p{i}.html").write_text(f"<html><body><h1>P{i}</h1><p>Standard delivery takes {3 + i % 2}-5 "
                                         "business days.</p></body></html>")
    out = tmp_path / "out.json"
    with TestServer(root) as server:
        proc = subprocess.Popen([sys.executable, "-m", "cxaudit", "audit", server.url("/"), "--rate", "40",
                                 "--no-cache", "--jobs", "2", "--format", "json", "--output", str(out), "-q"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wait_for_workers(proc, 3)   # the crawl process and two extraction workers
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    report = json.loads(out.read_text())
    assert report["summary"]["incomplete"] is True
    assert 0 < report["summary"]["documents"] < 401
    assert any(p["kind"] == "delivery_time" for p in report["promises"])
