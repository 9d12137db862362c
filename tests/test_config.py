"""cxaudit.toml: discovery, strict validation with file:line:key errors, path resolution, init template."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cxaudit.config import (
    INIT_TEMPLATE, AuditSettings, CanonicalPromise, Config, CrawlSettings, find_config, load_config,
    write_template,
)
from cxaudit.errors import ConfigError, UsageError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, text: str, name: str = "cxaudit.toml", **kw) -> Config:
    write(tmp_path / name, text)
    return load_config(tmp_path / name, cwd=tmp_path, **kw)


def error(tmp_path: Path, text: str, name: str = "cxaudit.toml", **kw) -> str:
    with pytest.raises(ConfigError) as exc:
        load(tmp_path, text, name, **kw)
    return str(exc.value)


SPEC_EXAMPLE = '''\
[[source]]
path = "scripts/"            # or url = "https://shop.example.com"
channel = "call_centre"

[crawl]
max_pages = 500
concurrency = 8

[audit]
fail_on = "error"
baseline = ".cxaudit-baseline.json"

[[promise]]                  # the company's official promises: the source of truth
kind = "return_window"
max = 30
unit = "days"

[[promise]]
kind = "delivery_time"
scope = { service = "standard" }
min = 3
max = 5
unit = "business_days"
'''


# --------------------------------------------------------------------------- happy paths

def test_spec_example_loads(tmp_path):
    cfg = load(tmp_path, SPEC_EXAMPLE)
    assert cfg.path == "cxaudit.toml"
    assert cfg.sources[0].path == "scripts" and cfg.sources[0].channel == "call_centre"
    assert cfg.crawl.max_pages == 500 and cfg.crawl.concurrency == 8
    assert cfg.audit.fail_on == "error"
    assert cfg.audit.baseline == ".cxaudit-baseline.json"
    assert cfg.promises == (
        CanonicalPromise(kind="return_window", max=30.0, unit="days", line=13),
        CanonicalPromise(kind="delivery_time", scope=(("service", "standard"),), min=3.0, max=5.0,
                         unit="business_days", line=18),
    )


def test_no_config_gives_defaults(tmp_path):
    (tmp_path / ".git").mkdir()
    assert load_config(None, cwd=tmp_path) == Config()
    assert Config().audit.fail_on == "error" and Config().crawl.max_pages == 500


def test_init_template_loads_as_the_defaults(tmp_path):
    cfg = load(tmp_path, INIT_TEMPLATE)
    assert cfg.crawl == CrawlSettings()
    assert cfg.audit == AuditSettings()


def test_every_key_the_template_documents_is_valid(tmp_path):
    # Uncomment every "# key = value" and "# [table]" line: the template must not teach a key
    # that the loader would reject.
    text = "\n".join(re.sub(r"^# (?=\[|\S+\s*=)", "", line) for line in INIT_TEMPLATE.splitlines())
    assert "\n[[promise]]" in text and "\n[gap]" in text
    cfg = load(tmp_path, text)
    assert len(cfg.sources) == 2 and cfg.sources[1].url == "https://shop.example.com"
    assert cfg.channels == (("scripts/**", "call_centre"), ("legal/*.pdf", "policy"))
    assert cfg.audit.severity == (("inconsistency", "info"), ("contradiction/warranty", "warning"))
    assert cfg.promises[2].schedule == (
        (("close", "17:00"), ("days", "mon-fri"), ("open", "09:00"), ("tz", "ET")),
    )
    assert cfg.gap["scope_columns"] == {"service": "service"} and cfg.gap["level"] == 0.95
    assert cfg.crawl.url_map == (("https://shop.example.com/returns", "site/templates/returns.html"),)


def test_write_template_keeps_an_existing_file(tmp_path):
    target = write(tmp_path / "cxaudit.toml", "# mine\n")
    with pytest.raises(UsageError, match="already exists"):
        write_template(target)
    assert target.read_text() == "# mine\n"
    write_template(target, force=True)
    assert target.read_text() == INIT_TEMPLATE


# --------------------------------------------------------------------------- strictness

def test_unknown_key_names_file_line_and_key(tmp_path):
    msg = error(tmp_path, '# comment\n[crawl]\nmax_pages = 10\n\n[audit]\nfail_on = "error"\nfail_onn = "x"\n')
    assert msg.startswith("cxaudit.toml:7: key 'audit.fail_onn' is not known (expected one of: baseline, fail_on,")
    assert msg.endswith("did you mean 'fail_on'?")


def test_unknown_table_points_at_its_header(tmp_path):
    msg = error(tmp_path, '[audit]\nfail_on = "error"\n\n[audti]\nx = 1\n')
    assert msg.startswith("cxaudit.toml:4: key 'audti' is not known (expected one of: audit, channels, crawl,")


def test_unknown_key_in_second_array_entry_points_at_that_entry(tmp_path):
    text = ('[[promise]]\nkind = "return_window"\nmax = 30\nunit = "days"\n\n'
            '[[promise]]\nkind = "warranty"\nmax = 2\nunit = "years"\nregion = "EU"\n')
    assert error(tmp_path, text).startswith("cxaudit.toml:10: key 'promise.region' is not known")


def test_same_key_in_another_table_is_not_mistaken_for_it(tmp_path):
    # time_budget appears in [crawl] first; the error is in [audit].
    text = '[crawl]\ntime_budget = 10\n\n[audit]\ntime_budget = "soon"\n'
    assert error(tmp_path, text) == "cxaudit.toml:5: key 'audit.time_budget' must be a number, not a string 'soon'"


@pytest.mark.parametrize("text, expected", [
    ('[crawl]\nmax_pages = "500"\n', "cxaudit.toml:2: key 'crawl.max_pages' must be an integer, not a string '500'"),
    ("[crawl]\nconcurrency = true\n", "cxaudit.toml:2: key 'crawl.concurrency' must be an integer, not a boolean True"),
    ("[crawl]\nmax_pages = 0\n", "cxaudit.toml:2: key 'crawl.max_pages' must be at least 1 (got 0)"),
    ("[crawl]\nrate = 0\n", "cxaudit.toml:2: key 'crawl.rate' must be above 0 (got 0)"),
    ('[crawl]\nignore_robots = "yes"\n', "cxaudit.toml:2: key 'crawl.ignore_robots' must be true or false, not a string 'yes'"),
    ('[crawl]\ninclude = "/help/"\n', "cxaudit.toml:2: key 'crawl.include' must be an array of strings, like ['/help/'], not a string"),
    ("[crawl]\nexclude = [\"(\"]\n", None),
    ("[audit]\nmin_confidence = 1.5\n", "cxaudit.toml:2: key 'audit.min_confidence' must be at most 1 (got 1.5)"),
    ('[audit]\nlang = "fr"\n', "cxaudit.toml:2: key 'audit.lang' must be one of auto, en, zh (got 'fr')"),
    ('audit = "strict"\n', "cxaudit.toml:1: key 'audit' must be a table, not a string 'strict'"),
    ('[source]\npath = "x"\n', "cxaudit.toml:1: key 'source' must be an array of tables: write each source under its own [[source]] header"),
])
def test_wrong_types_and_ranges(tmp_path, text, expected):
    msg = error(tmp_path, text)
    if expected is None:
        assert msg.startswith("cxaudit.toml:2: key 'crawl.exclude' holds a pattern that is not a valid regular expression")
    else:
        assert msg == expected


def test_bad_fail_on(tmp_path):
    msg = error(tmp_path, '[audit]\nfail_on = "errors"\n')
    assert msg == ("cxaudit.toml:2: key 'audit.fail_on' must be one of error, warning, info, never "
                   "(got 'errors'); did you mean 'error'?")


def test_fail_on_accepts_each_documented_value(tmp_path):
    for value in ("error", "warning", "never"):
        assert load(tmp_path, f'[audit]\nfail_on = "{value}"\n').audit.fail_on == value


def test_toml_syntax_error_names_file_and_line(tmp_path):
    msg = error(tmp_path, '[audit]\nfail_on = "error"\nbaseline = \n')
    assert re.fullmatch(r"cxaudit\.toml:3: not valid TOML: .+ \(column \d+\)", msg), msg


def test_duplicate_key_is_a_syntax_error_with_its_line(tmp_path):
    assert error(tmp_path, '[audit]\nfail_on = "error"\nfail_on = "warning"\n').startswith("cxaudit.toml:3: not valid TOML")


def test_missing_explicit_config_file(tmp_path):
    with pytest.raises(ConfigError, match=r"nope\.toml: config file not found"):
        load_config(Path("nope.toml"), cwd=tmp_path)


def test_config_that_is_not_utf8(tmp_path):
    (tmp_path / "cxaudit.toml").write_bytes(b'[audit]\nfail_on = "\xff"\n')
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(tmp_path / "cxaudit.toml", cwd=tmp_path)


# --------------------------------------------------------------------------- sources and channels

def test_source_needs_exactly_one_of_path_or_url(tmp_path):
    assert error(tmp_path, '[[source]]\nchannel = "policy"\n') == \
        "cxaudit.toml:1: a [[source]] needs exactly one of 'path' or 'url'"
    assert error(tmp_path, '[[source]]\npath = "a"\nurl = "https://x.example"\n').startswith(
        "cxaudit.toml:1: a [[source]] needs exactly one of")


def test_source_url_and_path_are_checked(tmp_path):
    assert error(tmp_path, '[[source]]\nurl = "ftp://x"\n') == \
        "cxaudit.toml:2: key 'source.url' must be an http:// or https:// address (got 'ftp://x')"
    assert error(tmp_path, '[[source]]\npath = "https://x.example"\n') == \
        "cxaudit.toml:2: key 'source.path' is a web address: write it as url = ... instead"


def test_unknown_channel(tmp_path):
    assert error(tmp_path, '[[source]]\npath = "a"\nchannel = "callcentre"\n').startswith(
        "cxaudit.toml:3: key 'source.channel' must be one of website, help_centre, policy, call_centre,")
    assert error(tmp_path, '[channels]\n"scripts/**" = "phone"\n').startswith(
        "cxaudit.toml:2: key 'channels.scripts/**' must be one of website,")


def test_relative_paths_are_relative_to_the_config_folder(tmp_path):
    text = ('[[source]]\npath = "content/"\n[[source]]\npath = "/abs/docs"\n[[source]]\nurl = "https://shop.example.com"\n'
            '[crawl]\ncache_dir = ".cache"\nurl_map = { "https://shop.example.com/p/" = "site/pages/" }\n'
            '[audit]\nbaseline = "../shared/baseline.json"\n'
            '[gap]\nactuals = "data/orders.csv"\nvalue_column = "days"\n')
    write(tmp_path / "site" / "cxaudit.toml", text)
    cfg = load_config(Path("site/cxaudit.toml"), cwd=tmp_path)
    assert cfg.path == "site/cxaudit.toml"
    assert [s.path for s in cfg.sources] == ["site/content", "/abs/docs", None]
    assert cfg.sources[2].url == "https://shop.example.com"
    assert cfg.crawl.cache_dir == "site/.cache"
    assert cfg.crawl.url_map == (("https://shop.example.com/p/", "site/site/pages/"),)
    assert cfg.audit.baseline == "shared/baseline.json"
    assert cfg.gap["actuals"] == "site/data/orders.csv"


def test_paths_outside_the_working_folder_stay_relative_to_it(tmp_path):
    # As the user would type them there: uris, and so promise ids, never carry the home folder.
    write(tmp_path / "cxaudit.toml", '[[source]]\npath = "content"\n\n[[source]]\npath = "/srv/shop"\n')
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    cfg = load_config(None, cwd=tmp_path / "sub" / "deeper")
    assert cfg.path == str(tmp_path.resolve() / "cxaudit.toml")
    assert [s.path for s in cfg.sources] == ["../../content", "/srv/shop"]


def test_channel_globs(tmp_path):
    cfg = load(tmp_path, '[channels]\n"scripts/**" = "call_centre"\n"*.pdf" = "policy"\n"help/*.md" = "help_centre"\n')
    assert cfg.channel_for("scripts/ivr/menu.txt") == "call_centre"
    assert cfg.channel_for(str(tmp_path / "scripts" / "a.txt")) == "call_centre"
    assert cfg.channel_for("legal/deep/terms.pdf") == "policy"        # no "/" in the glob: any folder
    assert cfg.channel_for("help/returns.md") == "help_centre"
    assert cfg.channel_for("help/sub/returns.md") is None             # "*" stays inside one folder
    assert cfg.channel_for("site/index.html") is None
    assert Config().channel_for("scripts/a.txt") is None


# --------------------------------------------------------------------------- audit rules

def test_select_ignore_and_severity_names_are_checked(tmp_path):
    assert error(tmp_path, '[audit]\nselect = ["return_windows"]\n').endswith("did you mean 'return_window'?")
    assert error(tmp_path, '[audit]\nignore = ["contradiction/return_windw"]\n').endswith(
        "did you mean 'contradiction/return_window'?")
    msg = error(tmp_path, '[audit]\nseverity = { contradiction = "fatal" }\n')
    assert msg == "cxaudit.toml:2: key 'audit.severity.contradiction' must be one of error, warning, info, off (got 'fatal')"
    assert error(tmp_path, '[audit]\nseverity = { contradictions = "info" }\n').startswith(
        "cxaudit.toml:2: key 'audit.severity.contradictions' names 'contradictions', which is neither")


def test_rule_packs_may_add_kinds_and_rules(tmp_path):
    text = '[audit]\nselect = ["gift_wrap_time", "price_drift/gift_wrap_time"]\n'
    assert "gift_wrap_time" in error(tmp_path, text)
    cfg = load(tmp_path, text, extra_kinds=("gift_wrap_time",), extra_rules=("price_drift",))
    assert cfg.audit.select == ("gift_wrap_time", "price_drift/gift_wrap_time")


def test_selection_and_severity_overrides(tmp_path):
    cfg = load(tmp_path, '[audit]\nselect = ["return_window", "warranty", "contradiction", "inconsistency/refund_time"]\n'
                         'ignore = ["contradiction/warranty"]\n'
                         'severity = { inconsistency = "info", "inconsistency/return_window" = "error", warranty = "off" }\n')
    a = cfg.audit
    # Selected rules and kinds combine; a rule/kind pair adds itself.
    assert a.selected("contradiction", "return_window")
    assert not a.selected("inconsistency", "return_window")    # rule not selected
    assert not a.selected("contradiction", "delivery_time")    # kind not selected
    assert not a.selected("contradiction", "warranty")         # selected, then ignored
    assert a.selected("inconsistency", "refund_time")          # the pair
    assert [k for k in ("return_window", "warranty", "refund_time", "delivery_time") if a.wants_kind(k)] == \
        ["return_window", "warranty", "refund_time"]
    assert a.severity_for("inconsistency", "return_window", "warning") == "error"   # most specific wins
    assert a.severity_for("inconsistency", "refund_time", "warning") == "info"
    assert a.severity_for("inconsistency", "warranty", "warning") == "off"          # kind before rule
    assert a.severity_for("contradiction", "return_window", "error") == "error"


def test_selection_by_one_dimension_or_none():
    assert AuditSettings(ignore=("warranty",)).selected("contradiction", "return_window")
    assert not AuditSettings(ignore=("warranty",)).wants_kind("warranty")
    by_rule = AuditSettings(select=("contradiction",))
    assert by_rule.selected("contradiction", "warranty") and not by_rule.selected("inconsistency", "warranty")
    assert by_rule.wants_kind("warranty")
    pairs_only = AuditSettings(select=("contradiction/warranty",))
    assert pairs_only.selected("contradiction", "warranty")
    assert not pairs_only.selected("contradiction", "return_window")
    assert pairs_only.wants_kind("warranty") and not pairs_only.wants_kind("return_window")
    assert AuditSettings().selected("anything", "at_all") and AuditSettings().wants_kind("x")


# --------------------------------------------------------------------------- canonical promises

@pytest.mark.parametrize("body, expected", [
    ('kind = "return_window"\nmax = 30\nunit = "dayz"\n',
     "cxaudit.toml:4: key 'promise.unit' must be a time unit (seconds, minutes, hours, business_hours, days, "
     "business_days, weeks, months, years) or a 3-letter currency code such as USD (got 'dayz'); did you mean 'days'?"),
    ('kind = "free_shipping_threshold"\nmin = 50\nunit = "usd"\n', "did you mean 'USD'?"),
    ('kind = "free_shipping_threshold"\nmin = 50\nunit = "days"\n',
     "cxaudit.toml:4: key 'promise.unit' must be a currency code such as USD for free_shipping_threshold (got 'days')"),
    ('kind = "return_window"\nmax = 30\nunit = "EUR"\n',
     "cxaudit.toml:4: key 'promise.unit' must be a time unit for return_window (got 'EUR')"),
    ('kind = "return_windows"\nmax = 30\nunit = "days"\n', "did you mean 'return_window'?"),
    ('max = 30\nunit = "days"\n', "cxaudit.toml:1: a [[promise]] needs a 'kind'"),
    ('kind = "return_window"\nunit = "days"\n', "cxaudit.toml:1: a return_window [[promise]] needs 'min', 'max' or both"),
    ('kind = "return_window"\nmax = 30\n', "cxaudit.toml:1: a return_window [[promise]] needs a 'unit'"),
    ('kind = "delivery_time"\nmin = 7\nmax = 3\nunit = "days"\n', "cxaudit.toml:3: key 'promise.min' is above max (7 > 3)"),
    ('kind = "warranty"\nmax = "two"\nunit = "years"\n', "cxaudit.toml:3: key 'promise.max' must be a number, not a string 'two'"),
    ('kind = "warranty"\nmax = 2\nunit = "years"\nqualifier = "about"\n', "key 'promise.qualifier' must be one of within,"),
    ('kind = "delivery_time"\nmax = 3\nunit = "days"\nscope = { service = 1 }\n',
     "cxaudit.toml:5: key 'promise.scope.service' must be a string, not an integer 1"),
    ('kind = "support_hours"\nmax = 8\n', "cxaudit.toml:1: a support_hours [[promise]] needs a 'schedule'"),
    ('kind = "support_hours"\nschedule = "always"\n', "key 'promise.schedule' must be \"24/7\" or an array"),
    ('kind = "support_hours"\nschedule = [{ days = "weekdays", open = "09:00", close = "17:00" }]\n',
     "cxaudit.toml:3: key 'promise.schedule.days' must name days like \"mon-fri\""),
    ('kind = "support_hours"\nschedule = [{ days = "mon-fri", open = "9am", close = "17:00" }]\n',
     "key 'promise.schedule.open' must be a 24-hour time like \"09:00\" (got '9am')"),
    ('kind = "support_hours"\nschedule = [{ days = "mon-fri", open = "09:00" }]\n',
     "key 'promise.schedule' needs 'close' in every entry"),
    ('kind = "return_window"\nmax = 30\nunit = "days"\nschedule = "24/7"\n',
     "key 'promise.schedule' applies only to support_hours, not return_window"),
])
def test_canonical_promise_errors(tmp_path, body, expected):
    msg = error(tmp_path, "[[promise]]\n" + body)
    assert msg == expected or expected in msg, msg


def test_canonical_promise_schedules_and_money(tmp_path):
    cfg = load(tmp_path, '[[promise]]\nkind = "support_hours"\nschedule = "24/7"\n\n'
                         '[[promise]]\nkind = "free_shipping_threshold"\nmin = 50\nunit = "USD"\nqualifier = "from"\n')
    assert cfg.promises[0].schedule == "24/7" and cfg.promises[0].unit is None
    assert cfg.promises[1] == CanonicalPromise(kind="free_shipping_threshold", min=50.0, unit="USD",
                                               qualifier="from", line=5)


# --------------------------------------------------------------------------- gap and url_map

def test_gap_table_checks(tmp_path):
    assert error(tmp_path, '[gap]\nvalue_column = "d"\nstart_column = "a"\nend_column = "b"\n').startswith(
        "cxaudit.toml:2: key 'gap.value_column' and start_column/end_column are alternatives")
    assert error(tmp_path, '[gap]\nstart_column = "a"\n') == "cxaudit.toml:1: [gap] needs 'end_column' too"
    assert error(tmp_path, '[gap]\nlevel = 95\n') == "cxaudit.toml:2: key 'gap.level' must be at most 1 (got 95)"
    assert error(tmp_path, '[gap]\nlevel = 1\n') == "cxaudit.toml:2: key 'gap.level' must be below 1, such as 0.95 (got 1)"
    assert error(tmp_path, '[gap]\nactual = "x.csv"\n').endswith("did you mean 'actuals'?")
    cfg = load(tmp_path, '[gap]\nkind = "delivery_time"\nstart_column = "ordered_at"\nend_column = "delivered_at"\n'
                         'scope_columns = { ship_method = "service" }\nholidays = "h.txt"\n')
    assert cfg.gap == {"kind": "delivery_time", "start_column": "ordered_at", "end_column": "delivered_at",
                       "scope_columns": {"ship_method": "service"}, "holidays": "h.txt"}


def test_url_map_keys_must_be_urls(tmp_path):
    msg = error(tmp_path, '[crawl]\nurl_map = { "/returns" = "site/returns.html" }\n')
    assert msg == "cxaudit.toml:2: key 'crawl.url_map./returns' must be keyed by an http:// or https:// address prefix"


# --------------------------------------------------------------------------- pyproject and discovery

PYPROJECT = '''\
[project]
name = "shop-content"

[tool.black]
line-length = 100

[tool.cxaudit.crawl]
max_pages = 50

[tool.cxaudit.audit]
fail_on = "warning"
baseline = "baseline.json"

[[tool.cxaudit.promise]]
kind = "return_window"
max = 30
unit = "days"
'''


def test_pyproject_tool_table_is_found_walking_up(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", PYPROJECT)
    (tmp_path / "content" / "deep").mkdir(parents=True)
    assert find_config(tmp_path / "content" / "deep") == tmp_path / "pyproject.toml"
    cfg = load_config(None, cwd=tmp_path)
    assert cfg.path == "pyproject.toml"
    assert cfg.crawl.max_pages == 50 and cfg.audit.fail_on == "warning"
    assert cfg.audit.baseline == "baseline.json"
    assert cfg.promises[0].line == 14


def test_pyproject_errors_name_the_full_key_and_line(tmp_path):
    msg = error(tmp_path, PYPROJECT.replace('fail_on = "warning"', 'fail_onn = "warning"'), name="pyproject.toml")
    assert msg.startswith("pyproject.toml:11: key 'tool.cxaudit.audit.fail_onn' is not known")
    # [tool.black] keys are not ours and are never checked.
    assert load(tmp_path, PYPROJECT, name="pyproject.toml").crawl.max_pages == 50


def test_pyproject_without_tool_table(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path) is None
    with pytest.raises(ConfigError, match=r"pyproject\.toml: has no \[tool\.cxaudit\] table"):
        load_config(tmp_path / "pyproject.toml", cwd=tmp_path)


def test_cxaudit_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", PYPROJECT)
    write(tmp_path / "cxaudit.toml", "")
    assert find_config(tmp_path) == tmp_path / "cxaudit.toml"


def test_nearest_config_wins_and_the_walk_stops_at_the_repository_root(tmp_path):
    write(tmp_path / "cxaudit.toml", "")                # above the repository: never used
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "a" / "b").mkdir(parents=True)
    assert find_config(repo / "a" / "b") is None
    write(repo / "cxaudit.toml", "")
    write(repo / "a" / "cxaudit.toml", "")
    assert find_config(repo / "a" / "b") == repo / "a" / "cxaudit.toml"
    assert find_config(repo) == repo / "cxaudit.toml"


def test_the_documented_configuration_example_loads(tmp_path):
    # The "Configuration" section (docs/ci.md, merged into README.md) must show a valid file.
    root = Path(__file__).resolve().parent.parent
    doc = next(p for p in (root / "docs" / "ci.md", root / "README.md") if p.is_file())
    section = doc.read_text(encoding="utf-8").split("\n## Configuration", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    cfg = load(tmp_path, example)
    assert cfg.audit.fail_on == "error" and len(cfg.promises) == 3
    assert cfg.crawl.url_map == (("https://shop.example.com/returns", "site/returns.html"),)
    py = "\n".join(re.sub(r"^\[(\[?)(\w)", r"[\1tool.cxaudit.\2", line) for line in example.splitlines())
    assert load(tmp_path, py, name="pyproject.toml") == Config(**{**cfg.__dict__, "path": "pyproject.toml"})
