"""SARIF 2.1.0 output, validated against the official OASIS schema in tests/fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from cxaudit import __version__
from cxaudit.model import AuditResult, Finding, Location, NotRead, Promise
from cxaudit.report.sarif import FileLocation, file_location, format_sarif, map_url

# The fixture is the OASIS SARIF 2.1.0 Committee Specification schema, verbatim, from
# oasis-tcs/sarif-spec: Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json.
SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def promise(uri, line, text, days=30.0, channel="website", heading=None, kind="return_window", pages=1, **kw):
    return Promise(kind=kind, subject="returns", scope=kw.pop("scope", ()), min=days, max=days, unit="days",
                   qualifier="within", schedule=None, text=text, source=Location(uri, channel, line, heading),
                   pages=pages, **kw)


def finding(*promises, rule="contradiction", severity="error", kind="return_window", fp="fp0001", message=None):
    return Finding(rule=rule, severity=severity, kind=kind, subject="returns",
                   message=message or f"{kind} differs", promises=tuple(promises), fingerprint=fp)


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    (root / "site").mkdir(parents=True)
    return root


def audit(repo: Path) -> AuditResult:
    return AuditResult(
        promises=(),
        findings=(
            finding(
                promise("https://shop.example.com/returns", 12, "Return within 30 days.", heading="Returns",
                        pages=40),
                promise(str(repo / "legal" / "returns policy.pdf"), 3, "Returns accepted within 14 days.", 14,
                        channel="policy"),
                promise(str(repo / "site" / "faq.md"), 7, "You have 14 days to return.", 14, channel="help_centre"),
                fp="fp-contra",
            ),
            finding(
                promise("https://shop.example.com/shipping", 5, "Delivery in 3-5 days.", kind="delivery_time"),
                promise("https://help.example.com/delivery", 9, "Delivery in 2-7 days.", kind="delivery_time"),
                rule="inconsistency", severity="warning", kind="delivery_time", fp="fp-incons",
            ),
            finding(
                promise(str(repo / "site" / "faq.md"), 20, "Warranty: 1 year.", kind="warranty"),
                promise("/elsewhere/outside.md", 2, "Warranty: 2 years.", kind="warranty"),
                rule="ambiguous_unit", severity="info", kind="warranty", fp="fp-info",
            ),
        ),
        not_read=(NotRead("https://shop.example.com/broken", "HTTP 500"),),
        documents=5,
        suppressed=2,
    )


URL_MAP = (("https://shop.example.com/", "site/pages/"), ("https://shop.example.com/returns", "site/returns.html"))


def sarif(result, repo, url_map=URL_MAP):
    # Relative url_map targets, like relative sources, are read from the working folder.
    return json.loads(format_sarif(result, repo_root=repo, url_map=url_map, cwd=repo))


def test_output_is_valid_against_the_official_schema(repo):
    log = sarif(audit(repo), repo)
    VALIDATOR.validate(log)
    # A repository file is a relative reference under %SRCROOT%; anything else an absolute URI.
    # Neither has spaces or backslashes.
    for result in log["runs"][0]["results"]:
        for loc in result["locations"] + result.get("relatedLocations", []):
            artifact = loc["physicalLocation"]["artifactLocation"]
            uri = artifact["uri"]
            assert " " not in uri and "\\" not in uri
            if "uriBaseId" in artifact:
                assert ":" not in uri and not uri.startswith("/")
            else:
                assert uri.startswith(("https://", "file:///"))


def test_empty_result_is_valid_too(repo):
    log = sarif(AuditResult(promises=()), repo)
    VALIDATOR.validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_the_schema_fixture_is_the_real_one_and_rejects_a_bad_log(repo):
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    bad = sarif(audit(repo), repo)
    bad["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(bad)
    bad = sarif(audit(repo), repo)
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] = {"startLine": 0}
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(bad)


def test_driver_and_one_rule_per_rule_and_kind(repo):
    driver = sarif(audit(repo), repo)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "cxaudit" and driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert ids == ["ambiguous_unit/warranty", "contradiction/return_window", "inconsistency/delivery_time"]
    contra = driver["rules"][1]
    assert contra["shortDescription"]["text"] == "Contradictory return window promises"
    assert "cannot both be true" in contra["fullDescription"]["text"]
    assert "How to fix:" in contra["help"]["text"] and "**How to fix:**" in contra["help"]["markdown"]
    assert "--update-baseline" in contra["help"]["text"]
    assert contra["defaultConfiguration"]["level"] == "error"
    assert driver["rules"][2]["defaultConfiguration"]["level"] == "warning"


def test_results_levels_rules_and_fingerprints(repo):
    results = sarif(audit(repo), repo)["runs"][0]["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [
        ("contradiction/return_window", 1, "error"),
        ("inconsistency/delivery_time", 2, "warning"),
        ("ambiguous_unit/warranty", 0, "note"),
    ]
    assert [r["partialFingerprints"] for r in results] == [
        {"cxaudit/v1": "fp-contra"}, {"cxaudit/v1": "fp-incons"}, {"cxaudit/v1": "fp-info"}]


def test_locations_map_urls_keep_pdf_pages_out_of_regions_and_relate_the_rest(repo):
    result = sarif(audit(repo), repo)["runs"][0]["results"][0]
    # The crawled page is mapped (longest prefix wins) to the file that renders it; the
    # served page's line is dropped because it means nothing in the template.
    [primary] = result["locations"]
    assert primary["physicalLocation"] == {"artifactLocation": {"uri": "site/returns.html", "uriBaseId": "%SRCROOT%"}}
    assert primary["message"]["text"] == "Return within 30 days."
    assert primary["properties"] == {"url": "https://shop.example.com/returns"}
    pdf, md = result["relatedLocations"]
    assert pdf["physicalLocation"]["artifactLocation"]["uri"] == "legal/returns%20policy.pdf"
    assert "region" not in pdf["physicalLocation"] and pdf["properties"] == {"page": 3}
    assert pdf["message"]["text"] == "Returns accepted within 14 days."
    assert md["physicalLocation"]["artifactLocation"]["uri"] == "site/faq.md"
    assert md["physicalLocation"]["region"] == {"startLine": 7}
    assert [pdf["id"], md["id"]] == [1, 2]


def test_unmapped_urls_follow_the_repository_files_as_absolute_uris(repo):
    result = sarif(audit(repo), repo, url_map=())["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "legal/returns%20policy.pdf"
    related = [loc["physicalLocation"] for loc in result["relatedLocations"]]
    assert [loc["artifactLocation"]["uri"] for loc in related] == ["site/faq.md", "https://shop.example.com/returns"]
    # The URL is an absolute URI: no base, and no region (a served page's line finds nothing).
    assert related[1] == {"artifactLocation": {"uri": "https://shop.example.com/returns"}}
    text = result["message"]["text"]
    assert text.splitlines() == [
        "return_window differs",
        '- website: https://shop.example.com/returns (Returns) [on 40 pages]: "Return within 30 days."',
        f'- policy: {repo / "legal" / "returns policy.pdf"} p. 3: "Returns accepted within 14 days."',
        f'- help_centre: {repo / "site" / "faq.md"}:7: "You have 14 days to return."',
    ]
    props = result["properties"]
    assert props["id"] == "f-fp-contra" and props["rule"] == "contradiction" and props["kind"] == "return_window"
    first = props["promises"][0]
    assert first["uri"] == "https://shop.example.com/returns" and first["channel"] == "website"
    assert first["value"] == {"min": 30, "max": 30, "unit": "days", "qualifier": "within", "schedule": None}


def test_a_finding_about_crawled_pages_only_is_located_at_its_urls(repo):
    result = sarif(audit(repo), repo, url_map=())["runs"][0]["results"][1]
    assert result["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "https://shop.example.com/shipping"}}
    assert [loc["physicalLocation"]["artifactLocation"]["uri"] for loc in result["relatedLocations"]] == [
        "https://help.example.com/delivery"]
    assert "https://help.example.com/delivery" in result["message"]["text"]


def test_files_outside_the_repository_are_file_uris(repo):
    result = sarif(audit(repo), repo)["runs"][0]["results"][2]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "site/faq.md"
    [outside] = result["relatedLocations"]
    assert outside["physicalLocation"] == {"artifactLocation": {"uri": "file:///elsewhere/outside.md"},
                                           "region": {"startLine": 2}}
    assert "/elsewhere/outside.md:2" in result["message"]["text"]


def test_relative_sources_are_read_from_cwd(repo):
    p = promise("site/faq.md", 4, "x")
    assert file_location(p, repo_root=repo, cwd=repo) == FileLocation("site/faq.md", 4)
    assert file_location(p, repo_root=repo, cwd=repo / "site") == FileLocation("site/site/faq.md", 4)
    assert file_location(p, repo_root=repo / "site", cwd=repo) == FileLocation("faq.md", 4)
    assert file_location(promise("site/scan.docx", 4, "x"), repo_root=repo, cwd=repo) == FileLocation("site/scan.docx")


def test_run_properties_carry_summary_and_not_read(repo):
    run = sarif(audit(repo), repo)["runs"][0]
    assert run["properties"]["summary"]["findings"] == {"error": 1, "warning": 1, "info": 1}
    assert run["properties"]["suppressed"] == 2
    assert run["properties"]["not_read"] == [{"uri": "https://shop.example.com/broken", "reason": "HTTP 500"}]


def test_output_is_deterministic(repo):
    assert format_sarif(audit(repo), repo_root=repo, url_map=URL_MAP) == \
        format_sarif(audit(repo), repo_root=repo, url_map=URL_MAP)


@pytest.mark.parametrize("url, expected", [
    ("https://shop.example.com/returns", "site/returns.html"),
    ("https://shop.example.com/returns/eu?x=1", "site/returns.html"),   # a file target takes the whole prefix
    ("https://shop.example.com/help/faq.html#q3", "site/pages/help/faq.html"),
    ("https://shop.example.com/help/", None),                             # a folder is not a file
    ("https://shop.example.com/", None),
    ("https://other.example.com/returns", None),
])
def test_map_url(url, expected):
    assert map_url(url, URL_MAP) == expected
