"""The bundled sample brands: the audit reports exactly the planted findings, and no trap."""

from __future__ import annotations

import pytest
import yaml

from conftest import SAMPLES

BRANDS = sorted(p.name for p in SAMPLES.iterdir() if (p / "expected.yaml").exists())


def _load(brand):
    return yaml.safe_load((SAMPLES / brand / "expected.yaml").read_text(encoding="utf-8"))


def _has(promise, text):
    return text in promise["text"]


def _matches(expected, finding) -> bool:
    if finding["rule"] != expected["rule"] or finding["kind"] != expected["kind"]:
        return False
    channels = sorted({p["source"]["channel"] for p in finding["promises"]})
    if channels != sorted(set(expected["channels"])):
        return False
    return all(any(_has(p, t) for p in finding["promises"]) for t in expected["texts"])


@pytest.mark.parametrize("brand", BRANDS)
def test_exactly_the_expected_findings(brand, audit_json):
    report = audit_json(str(SAMPLES / brand))
    expected = _load(brand)["findings"]
    findings = report["findings"]
    missing = [e for e in expected if not any(_matches(e, f) for f in findings)]
    extra = [f for f in findings if not any(_matches(e, f) for e in expected)]
    assert not missing, "planted findings not reported:\n" + "\n".join(f"{e['rule']} {e['kind']} {e['texts']}" for e in missing)
    assert not extra, "findings nobody planted:\n" + "\n".join(f["message"] + " :: " + " || ".join(p["text"] for p in f["promises"]) for f in extra)
    for e in expected:
        f = next(f for f in findings if _matches(e, f))
        for text, pages in (e.get("pages") or {}).items():
            p = next(p for p in f["promises"] if _has(p, text))
            assert p["pages"] == pages, f"{text!r}: pages {p['pages']} != {pages}"


@pytest.mark.parametrize("brand", BRANDS)
def test_traps_are_not_findings(brand, audit_json):
    report = audit_json(str(SAMPLES / brand))
    for trap in _load(brand).get("traps", []):
        texts = trap["texts"]
        if len(texts) == 1:
            same = [p for p in report["promises"] if p["kind"] == trap["kind"] and _has(p, texts[0])]
            assert len(same) == 1, f"repeated block {texts[0]!r} should be one promise, got {len(same)}"
            continue
        for f in report["findings"]:
            if f["kind"] != trap["kind"]:
                continue
            hit = [t for t in texts if any(_has(p, t) for p in f["promises"])]
            assert len(hit) < 2, f"trap became a finding: {f['message']} ({trap.get('note', '').strip()[:80]})"


@pytest.mark.parametrize("brand", BRANDS)
def test_non_promises_are_not_read(brand, audit_json):
    report = audit_json(str(SAMPLES / brand))
    for text in _load(brand).get("non_promises", []):
        for p in report["promises"]:
            at = p["text"].find(text)
            if at < 0:
                continue
            # The value read must not come from inside the non-promise phrase.
            from cxaudit.api import extract_text

            for q in extract_text(p["text"]):
                s, e = q.span
                assert not (s < at + len(text) and at < e), f"{text!r} was read as {q.kind} in {p['text']!r}"


@pytest.mark.parametrize("brand", BRANDS)
def test_audit_is_deterministic(brand, cli):
    args = ("audit", str(SAMPLES / brand), "--format", "json", "--quiet", "--fail-on", "never")
    first = cli(*args, "--jobs", "1").stdout
    second = cli(*args, "--jobs", "2").stdout
    assert first == second
