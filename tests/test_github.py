"""GitHub workflow-command annotations: one per finding, escaped as the runner parses them."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from cxaudit.model import AuditResult, Finding, Location, NotRead, Promise
from cxaudit.report.github import escape_data, escape_property, format_github


def promise(uri, line, text, channel="website", heading=None):
    return Promise(kind="return_window", subject="returns", scope=(), min=30, max=30, unit="days",
                   qualifier="within", schedule=None, text=text, source=Location(uri, channel, line, heading))


def finding(*promises, severity="error", rule="contradiction", message="Return window is 30 days vs 14 days"):
    return Finding(rule=rule, severity=severity, kind="return_window", subject="returns", message=message,
                   promises=tuple(promises), fingerprint="fp1")


def lines(result, repo):
    return format_github(result, repo_root=repo, cwd=repo).splitlines()


def test_one_annotation_per_finding_with_file_line_and_title(tmp_path):
    result = AuditResult(promises=(), findings=(
        finding(promise("https://shop.example.com/returns", 3, "30 days", heading="Returns"),
                promise("site/returns.md", 12, "14 days", "policy")),
        finding(promise("site/faq.md", 4, "up to 30 days"), severity="warning", rule="inconsistency"),
        finding(promise("site/faq.md", 9, "30 days"), severity="info", rule="ambiguous_unit"),
    ))
    out = lines(result, tmp_path)
    assert out == [
        "::error file=site/returns.md,line=12,title=cxaudit contradiction/return_window::"
        "Return window is 30 days vs 14 days"
        '%0A- website: https://shop.example.com/returns (Returns): "30 days"'
        '%0A- policy: site/returns.md:12: "14 days"',
        '::warning file=site/faq.md,line=4,title=cxaudit inconsistency/return_window::'
        'Return window is 30 days vs 14 days%0A- website: site/faq.md:4: "up to 30 days"',
        '::notice file=site/faq.md,line=9,title=cxaudit ambiguous_unit/return_window::'
        'Return window is 30 days vs 14 days%0A- website: site/faq.md:9: "30 days"',
    ]


def test_findings_without_a_local_file_have_no_file_property(tmp_path):
    result = AuditResult(promises=(), findings=(
        finding(promise("https://a.example/x", 1, "30 days"), promise("https://b.example/y", 2, "14 days")),))
    [line] = lines(result, tmp_path)
    assert line.startswith("::error title=cxaudit contradiction/return_window::Return window")
    assert "file=" not in line and "line=" not in line


def test_pdf_pages_are_not_given_as_lines(tmp_path):
    result = AuditResult(promises=(), findings=(finding(promise("legal/terms.pdf", 4, "14 days", "policy")),))
    [line] = lines(result, tmp_path)
    assert line.startswith("::error file=legal/terms.pdf,title=")
    assert 'legal/terms.pdf p. 4: "14 days"' in line


def test_message_and_properties_are_escaped(tmp_path):
    assert escape_data("100% sure\r\nnext: a,b") == "100%25 sure%0D%0Anext: a,b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    result = AuditResult(promises=(), findings=(
        finding(promise("site/a,b:c.md", 2, "50% off, 30 days"), message="Line one\nLine two: 100%"),))
    [line] = lines(result, tmp_path)
    assert line.startswith("::error file=site/a%2Cb%3Ac.md,line=2,title=cxaudit contradiction/return_window::")
    assert line.endswith('Line one%0ALine two: 100%25%0A- website: site/a,b:c.md:2: "50%25 off, 30 days"')
    assert "\n" not in line and "\r" not in line


def test_unreadable_sources_and_incomplete_runs_are_warnings(tmp_path):
    result = AuditResult(promises=(), not_read=(NotRead("https://x.example/a", "HTTP 404: not found"),),
                         incomplete=True)
    assert lines(result, tmp_path) == [
        "::warning title=cxaudit could not read::https://x.example/a: HTTP 404: not found",
        "::warning title=cxaudit incomplete::the audit stopped early (time budget or interrupt); "
        "findings may be missing",
    ]


def test_nothing_to_say_is_empty_output(tmp_path):
    assert format_github(AuditResult(promises=()), repo_root=Path(tmp_path)) == ""


# --------------------------------------------------------------------------- the repository's CI files

ROOT = Path(__file__).resolve().parent.parent


def test_action_runs_the_audit_uploads_sarif_and_keeps_the_exit_code():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert set(action["inputs"]) >= {"sources", "args", "fail-on", "sarif-file", "python-version"}
    assert action["inputs"]["sarif-file"]["default"] == "cxaudit.sarif"
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    uses = [s.get("uses", "") for s in steps]
    assert uses[0].startswith("actions/setup-python@")
    assert "github/codeql-action/upload-sarif@v3" in uses
    scripts = [s["run"] for s in steps if "run" in s]
    assert any('pip install' in r and '"$GITHUB_ACTION_PATH"' in r for r in scripts)
    audit = next(s for s in steps if s.get("id") == "audit")
    assert "--format sarif" in audit["run"] and '--output "$IN_SARIF"' in audit["run"]
    assert any("--format github" in r for r in scripts)
    assert steps[-1]["run"].startswith("exit ") and "steps.audit.outputs.exit-code" in steps[-1]["env"]["CODE"]
    # Inputs are handed over in env, never pasted into a script (script injection).
    assert not any("${{" in r for r in scripts)


def test_pre_commit_hook():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "cxaudit" and hook["entry"] == "cxaudit audit" and hook["language"] == "python"
    assert hook["pass_filenames"] is True and hook["require_serial"] is True
    files = re.compile(hook["files"])
    for name in ("a/b.html", "x.htm", "README.md", "s.txt", "p.pdf", "t.docx", "faq.json", "faq.yaml", "faq.yml"):
        assert files.search(name), name
    for name in ("app.py", "style.css", "img.png", "notes.md.bak"):
        assert not files.search(name), name
