"""The CLI against SPEC.md's outside: usage errors, options every command shares, formats, paths."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES

PY = sys.executable


def run(*args, cwd=None, input=None, timeout=120):
    return subprocess.run([PY, "-m", "cxaudit", *args], capture_output=True, text=True, cwd=cwd,
                          input=input, timeout=timeout)


def one_line_error(r, *words: str) -> str:
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


# --- usage errors ----------------------------------------------------------------------------

@pytest.mark.parametrize("args, words", [
    (("audit", "--format", "xml"), ("--format", "'xml'")),
    (("audit", "--fail-on", "fatal"), ("--fail-on", "'fatal'")),
    (("audit", "--jobs", "0"), ("--jobs",)),
    (("audit", "--bogus"), ("--bogus",)),
    (("explain",), ("Missing argument",)),
    (("nope",), ("nope",)),
])
def test_usage_errors_are_one_line_named_cxaudit(args, words):
    line = one_line_error(run(*args), *words)
    assert line.startswith("cxaudit: error: ")
    assert "python -m" not in line


def test_help_names_the_program_cxaudit():
    r = run("audit", "--help")
    assert r.returncode == 0
    assert r.stdout.startswith("Usage: cxaudit audit [OPTIONS]")
    assert "--fail-on" in r.stdout and "python -m" not in r.stdout


@pytest.mark.parametrize("command", ["audit", "extract", "explain", "gap"])
def test_lang_accepts_only_en_zh_auto(command, tmp_path):
    target = "Returns within 30 days." if command == "explain" else str(SAMPLES / "northwind")
    one_line_error(run(command, target, "--lang", "fr"), "--lang", "'fr'")


def test_lang_en_is_accepted(cli):
    r = cli("explain", "Returns within 30 days.", "--lang", "en", "--format", "json")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["promises"][0]["kind"] == "return_window"


def test_gap_rejects_an_unknown_kind_and_suggests_one(tmp_path):
    csv_path = tmp_path / "orders.csv"
    csv_path.write_text("days\n3\n4\n")
    r = run("gap", str(SAMPLES / "northwind"), "--actuals", str(csv_path), "--kind", "delivery_tim",
            "--value-column", "days", "--unit", "business_days", "--format", "json")
    line = one_line_error(r, "delivery_tim")
    assert "did you mean 'delivery_time'" in line
    assert r.stdout == ""


def test_init_into_a_missing_folder_names_the_path(tmp_path):
    r = run("init", "newdir/cxaudit.toml", cwd=tmp_path)
    one_line_error(r, "newdir/cxaudit.toml", "does not exist")
    assert not (tmp_path / "newdir").exists()


def test_a_spent_time_budget_is_named_not_no_readable_documents(cli, tmp_path, monkeypatch, capsys):
    # A budget spent before the first page is read (a slow crawl, a cold start): the pipeline
    # returns nothing read and incomplete, and the error must say why.
    from cxaudit import audit
    from cxaudit.model import AuditResult

    monkeypatch.setattr(audit, "run_audit", lambda *a, **k: AuditResult(promises=(), incomplete=True))
    (tmp_path / "a.md").write_text("Returns within 30 days.\n")
    r = cli("audit", str(tmp_path), "--format", "json", "--time-budget", "0.2")
    assert r.exit_code == 2
    assert json.loads(r.stdout)["summary"]["incomplete"] is True
    assert r.stderr.strip() == f"cxaudit: the time budget (0.2 s) ran out before any document was read in {tmp_path} (raise --time-budget)"


def test_fail_on_info_is_accepted_in_the_config(tmp_path):
    (tmp_path / "cxaudit.toml").write_text('[audit]\nfail_on = "info"\n')
    (tmp_path / "a.md").write_text("Returns within 30 days.\n")
    r = run("audit", "a.md", "--format", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr


# --- formats and common options ------------------------------------------------------------

def test_audit_csv_is_one_promise_a_row_with_the_findings_that_quote_it(cli):
    target = str(SAMPLES / "northwind")
    findings = json.loads(cli("audit", target, "--format", "json", "-q", "--jobs", "1").stdout)["findings"]
    r = cli("audit", target, "--format", "csv", "-q", "--jobs", "1")
    assert r.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and "findings" in rows[0]
    quoted = {}
    for f in findings:
        for p in f["promises"]:
            quoted.setdefault(p["id"], set()).add(f["id"])
    assert {row["id"]: set(row["findings"].split()) for row in rows if row["findings"]} == quoted


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_explain_prints_jsonl_and_csv(cli, fmt):
    r = cli("explain", "Returns within 30 days. Standard delivery takes 3-5 business days.", "--format", fmt)
    assert r.exit_code == 0, r.output
    if fmt == "jsonl":
        kinds = [json.loads(line)["kind"] for line in r.stdout.splitlines()]
    else:
        kinds = [row["kind"] for row in csv.DictReader(io.StringIO(r.stdout))]
    assert sorted(kinds) == ["delivery_time", "return_window"]


def test_explain_and_rules_take_output_config_and_quiet(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cxaudit.toml").write_text("[audit]\nlang = \"en\"\n")
    r = cli("explain", "Returns within 30 days.", "--config", "cxaudit.toml", "--quiet", "-o", "out.json")
    assert r.exit_code == 0, r.output
    assert r.stdout == ""
    assert json.loads((tmp_path / "out.json").read_text())["promises"][0]["kind"] == "return_window"
    r = cli("rules", "--config", "cxaudit.toml", "-q", "--output", "rules.json")
    assert r.exit_code == 0, r.output
    assert "return_window" in {p["kind"] for p in json.loads((tmp_path / "rules.json").read_text())["packs"]}
    (tmp_path / "bad.toml").write_text("[audit]\nbogus = 1\n")
    bad = run("rules", "--config", "bad.toml", cwd=tmp_path)
    one_line_error(bad, "bad.toml", "bogus")


def test_explain_table_prints_scope_as_key_value(cli):
    r = cli("explain", "Standard delivery takes 3-5 business days.", "--format", "table")
    assert r.exit_code == 0
    assert "scope: service=standard" in r.stdout
    assert "{'" not in r.stdout
    md = cli("explain", "Standard delivery takes 3-5 business days.", "--format", "md")
    assert "| service=standard |" in md.stdout


# --- SARIF locations -----------------------------------------------------------------------

def test_sarif_keeps_a_message_in_a_file_outside_the_working_folder(tmp_path):
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    (here / "faq.md").write_text("# Returns\n\nYou can return any item within 30 days.\n")
    (there / "policy.md").write_text("# Returns policy\n\nItems may be returned within 14 days.\n")
    r = run("audit", "faq.md", "../there/policy.md", "--format", "sarif", "--fail-on", "never", cwd=here)
    assert r.returncode == 0, r.stderr
    [result] = [x for x in json.loads(r.stdout)["runs"][0]["results"] if x["ruleId"].endswith("return_window")]
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"]
            for loc in result["locations"] + result.get("relatedLocations", [])]
    assert uris == ["faq.md", (there / "policy.md").as_uri()]


def test_sarif_locates_findings_on_crawled_pages_at_their_urls(tmp_path):
    from servers import TestServer, write_site

    site = write_site(tmp_path / "site", {
        "index.html": '<html><body><h1>Shop</h1><p>Return any item within 30 days.</p>'
                      '<a href="/returns.html">Returns</a></body></html>',
        "returns.html": "<html><body><h1>Returns</h1><p>Items may be returned within 14 days.</p></body></html>",
    })
    with TestServer(site) as server:
        r = run("audit", server.url("/"), "--no-cache", "--rate", "0", "--format", "sarif", "--fail-on", "never",
                cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    [result] = [x for x in json.loads(r.stdout)["runs"][0]["results"] if x["ruleId"].endswith("return_window")]
    uris = sorted(loc["physicalLocation"]["artifactLocation"]["uri"]
                  for loc in result["locations"] + result.get("relatedLocations", []))
    assert uris == [server.url("/"), server.url("/returns.html")]


# --- paths, uris and channels from the config --------------------------------------------

def _sources(r) -> list[tuple[str, str, str]]:
    assert r.returncode == 0, r.stderr
    return sorted((p["source"]["uri"], p["source"]["channel"], p["id"])
                  for p in (json.loads(line) for line in r.stdout.splitlines()))


def test_uris_and_ids_do_not_depend_on_path_spelling(tmp_path):
    (tmp_path / "x.md").write_text("# Returns\n\nReturns are accepted within 30 days.\n")
    spellings = [_sources(run("extract", *args, "--format", "jsonl", cwd=tmp_path))
                 for args in (["x.md"], ["./x.md"], ["."], ["./"])]
    assert spellings[0][0][0] == "x.md"
    assert all(s == spellings[0] for s in spellings)


@pytest.fixture()
def project(tmp_path):
    root = tmp_path / "proj"
    (root / "site").mkdir(parents=True)
    (root / "deep" / "er").mkdir(parents=True)
    (root / "site" / "shipping.md").write_text("# Delivery\n\nStandard delivery takes 3-5 business days.\n")
    (root / "cxaudit.toml").write_text('[[source]]\npath = "site"\nchannel = "ads"\n')
    return root


@pytest.mark.parametrize("spelling", ["site", "site/", "./site", "site/shipping.md"])
def test_a_cli_source_named_in_the_config_takes_its_channel(project, spelling):
    [(uri, channel, _)] = _sources(run("extract", spelling, "--format", "jsonl", cwd=project))
    assert (uri, channel) == ("site/shipping.md", "ads")


def test_a_config_found_walking_up_keeps_uris_relative(project):
    here = project / "deep" / "er"
    from_config = _sources(run("extract", "--format", "jsonl", cwd=here))
    assert [(uri, channel) for uri, channel, _ in from_config] == [("../../site/shipping.md", "ads")]
    # the same as naming the folder on the command line there
    assert _sources(run("extract", "../../site", "--format", "jsonl", cwd=here)) == from_config


def test_json_skipped_count_agrees_with_the_skipped_list(cli, tmp_path):
    (tmp_path / "returns.txt").write_text("Returns are accepted within 30 days.\n", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "export.json").write_text(json.dumps({"items": [{"id": 1}]}), encoding="utf-8")
    out = json.loads(cli("audit", str(tmp_path), "--format", "json", "-q", "--jobs", "1").stdout)
    assert out["summary"]["skipped"] == len(out["skipped"]) == 1
    assert out["skipped"][0]["uri"].endswith("export.json")
    assert out["summary"]["unsupported"] == 1   # logo.png: counted, not named
