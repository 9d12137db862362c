"""Baselines: suppress accepted findings by fingerprint, expire them, report the fixed, write atomically."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from cxaudit import baseline as bl
from cxaudit.baseline import Baseline, BaselineEntry, apply_baseline, load_baseline, write_baseline
from cxaudit.errors import ConfigError
from cxaudit.model import Finding, Location, Promise

TODAY = date(2025, 6, 1)


def promise(uri: str, line: int, text: str, days: float, channel: str = "website") -> Promise:
    return Promise(kind="return_window", subject="returns", scope=(), min=days, max=days, unit="days",
                   qualifier="within", schedule=None, text=text, source=Location(uri, channel, line))


def finding(fp: str, *, line_shift: int = 0, kind: str = "return_window", message: str | None = None) -> Finding:
    return Finding(
        rule="contradiction", severity="error", kind=kind, subject="returns",
        message=message or f"Return window differs ({fp})",
        promises=(promise("site/returns.md", 10 + line_shift, "Return within 30 days.", 30),
                  promise("legal/policy.md", 40 + line_shift, "Returns within 14 days.", 14, "policy")),
        fingerprint=fp,
    )


def test_written_baseline_suppresses_the_same_findings(tmp_path):
    path = tmp_path / ".cxaudit-baseline.json"
    findings = [finding("aaaa1111"), finding("bbbb2222")]
    write_baseline(path, findings)
    out = apply_baseline(findings, load_baseline(path), TODAY)
    assert out.suppressed == tuple(findings)
    assert out.kept == out.new == out.expired == out.fixed == ()


def test_baseline_survives_lines_added_above_the_messages(tmp_path):
    # The compare stage derives fingerprints from content, so an edit that moves the messages
    # down the file changes Location.line but not the fingerprint.
    path = tmp_path / "b.json"
    write_baseline(path, [finding("aaaa1111")])
    moved = finding("aaaa1111", line_shift=25)
    assert moved.promises[0].source.line == 35
    out = apply_baseline([moved], load_baseline(path), TODAY)
    assert out.suppressed == (moved,) and out.kept == ()


def test_new_findings_are_kept_and_gone_ones_are_fixed(tmp_path):
    path = tmp_path / "b.json"
    write_baseline(path, [finding("aaaa1111"), finding("cccc3333")])
    new = finding("dddd4444")
    out = apply_baseline([finding("aaaa1111"), new], load_baseline(path), TODAY)
    assert out.kept == (new,) and out.new == (new,)
    assert [f.fingerprint for f in out.suppressed] == ["aaaa1111"]
    assert [e.fingerprint for e in out.fixed] == ["cccc3333"]


def test_expired_entry_stops_suppressing_and_says_so():
    entries = (
        BaselineEntry("old00001", reason="legal review", expires=date(2025, 5, 31)),
        BaselineEntry("live0002", expires=date(2025, 6, 1)),      # expires today: still suppresses
        BaselineEntry("gone0003", expires=date(2020, 1, 1)),      # expired and matching nothing: fixed
    )
    old, live = finding("old00001"), finding("live0002")
    out = apply_baseline([old, live], Baseline(entries=entries), TODAY)
    assert out.kept == (old,)
    assert out.new == ()                       # it is reported because it expired, not because it is new
    assert out.suppressed == (live,)
    assert [e.fingerprint for e in out.expired] == ["old00001"]
    assert out.expired[0].reason == "legal review"
    assert [e.fingerprint for e in out.fixed] == ["gone0003"]
    assert out.as_dict() == {
        "suppressed": 1, "new": [],
        "expired": [{"fingerprint": "old00001", "id": "", "rule": "", "kind": "", "subject": "", "message": "",
                     "reason": "legal review", "expires": "2025-05-31"}],
        "fixed": [{"fingerprint": "gone0003", "id": "", "rule": "", "kind": "", "subject": "", "message": "",
                   "expires": "2020-01-01"}],
    }


def test_findings_without_fingerprint_are_never_suppressed():
    f = finding("")
    out = apply_baseline([f], Baseline(entries=(BaselineEntry("x1"),)), TODAY)
    assert out.kept == (f,) and out.new == (f,)
    with pytest.raises(ValueError, match="no fingerprint"):
        bl.entries_for([f])


def test_rewrite_keeps_reason_and_expiry_and_drops_fixed_entries(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"version": 1, "findings": [
        {"fingerprint": "aaaa1111", "reason": "seasonal promo", "expires": "2025-12-31"},
        {"fingerprint": "old00001", "reason": "accepted", "expires": "2024-01-01"},
        {"fingerprint": "gone0003", "reason": "no longer true"},
    ]}))
    previous = load_baseline(path)
    written = write_baseline(path, [finding("aaaa1111"), finding("old00001"), finding("newx0004")], previous)
    data = json.loads(path.read_text())
    by_fp = {e["fingerprint"]: e for e in data["findings"]}
    assert set(by_fp) == {"aaaa1111", "old00001", "newx0004"}
    assert by_fp["aaaa1111"]["reason"] == "seasonal promo" and by_fp["aaaa1111"]["expires"] == "2025-12-31"
    # Rewriting must not renew an acceptance that has run out.
    assert by_fp["old00001"]["expires"] == "2024-01-01"
    assert "reason" not in by_fp["newx0004"] and "expires" not in by_fp["newx0004"]
    assert by_fp["newx0004"] == {
        "fingerprint": "newx0004", "id": "f-newx0004", "rule": "contradiction", "kind": "return_window",
        "subject": "returns", "message": "Return window differs (newx0004)",
    }
    assert written == load_baseline(path)


def test_written_file_is_sorted_and_byte_identical_whatever_the_input_order(tmp_path):
    fs = [finding("bbbb2222", kind="warranty"), finding("aaaa1111"), finding("cccc3333", message="A first")]
    write_baseline(tmp_path / "one.json", fs)
    write_baseline(tmp_path / "two.json", list(reversed(fs)) + [fs[0]])   # duplicates collapse
    one = (tmp_path / "one.json").read_bytes()
    assert one == (tmp_path / "two.json").read_bytes()
    assert one.endswith(b"}\n")
    kinds = [(e["kind"], e["message"]) for e in json.loads(one)["findings"]]
    assert kinds == [("return_window", "A first"), ("return_window", "Return window differs (aaaa1111)"),
                     ("warranty", "Return window differs (bbbb2222)")]


def test_write_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "b.json"
    write_baseline(path, [finding("aaaa1111")])
    before = path.read_bytes()

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(ConfigError, match=r"b\.json: cannot write baseline: No space left on device"):
        write_baseline(path, [finding("bbbb2222")])
    assert path.read_bytes() == before                      # the old baseline is intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"]   # and no temp file is left


def test_write_creates_the_folder_and_a_readable_file(tmp_path):
    path = tmp_path / "ci" / "baseline.json"
    write_baseline(path, [])
    assert json.loads(path.read_text()) == {"version": 1, "findings": []}
    assert path.stat().st_mode & 0o644 == 0o644


@pytest.mark.parametrize("text, expected", [
    ('{"version": 1, "findings": [\n  {"fingerprint": "a"},\n]}', r"b\.json:3: baseline is not valid JSON: .+ \(column \d+\)"),
    ("", r"b\.json:1: baseline is not valid JSON"),
    ('[]', r"b\.json: not a cxaudit baseline"),
    ('{"version": 2, "findings": []}', r"b\.json: baseline version 2 is not supported \(expected 1\)"),
    ('{"version": 1, "findings": [], "extra": 1}', r"b\.json: key 'extra' is not known"),
    ('{"version": 1, "findings": [{"id": "f-1"}]}', r"b\.json: findings\[0\]: needs a 'fingerprint'"),
    ('{"version": 1, "findings": [{"fingerprint": "a", "expire": "2025-01-01"}]}',
     r"b\.json: findings\[0\]: key 'expire' is not known"),
    ('{"version": 1, "findings": [{"fingerprint": "a", "expires": "31/12/2025"}]}',
     r"b\.json: findings\[0\]: 'expires' must be a date written YYYY-MM-DD \(got '31/12/2025'\)"),
    ('{"version": 1, "findings": [{"fingerprint": "a", "expires": "2025-02-30"}]}', r"'expires' must be a date"),
    ('{"version": 1, "findings": [{"fingerprint": "a", "reason": 5}]}', r"findings\[0\]: 'reason' must be a string"),
])
def test_bad_baseline_files(tmp_path, text, expected):
    path = tmp_path / "b.json"
    path.write_text(text)
    with pytest.raises(ConfigError, match=expected):
        load_baseline(path)


def test_missing_baseline(tmp_path):
    with pytest.raises(ConfigError, match=r"nope\.json: baseline file not found \(write one with --update-baseline\)"):
        load_baseline(tmp_path / "nope.json")
    assert load_baseline(tmp_path / "nope.json", missing_ok=True).entries == ()


def test_loaded_entries_carry_every_field(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"version": 1, "findings": [
        {"fingerprint": "a1", "id": "f-a1", "rule": "contradiction", "kind": "warranty", "subject": "s",
         "message": "m", "reason": "r", "expires": "2026-01-31"},
        {"fingerprint": "a1", "reason": "a duplicate from a bad merge"},
    ]}))
    b = load_baseline(Path(path))
    assert b.entries == (BaselineEntry("a1", "f-a1", "contradiction", "warranty", "s", "m", "r", date(2026, 1, 31)),)
    assert b.get("a1") is b.entries[0] and b.get("zz") is None
