"""Every rule pack's should-match / should-not-match cases, expanded into one test each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cxaudit.api import extract_text
from cxaudit.errors import ConfigError
from cxaudit.rulepack import load_rules

RULES = load_rules()


def _cases(which: str):
    for pack in RULES.packs:
        for i, case in enumerate(pack.cases.get(which, []) or []):
            yield pytest.param(pack, case, id=f"{pack.lang}-{pack.kind}-{which}-{i}")


@pytest.mark.parametrize("pack,case", list(_cases("match")))
def test_should_match(pack, case):
    text = case["text"] if isinstance(case, dict) else case
    found = [p for p in extract_text(text, lang=pack.lang) if p.kind == pack.kind]
    assert found, f"{pack.kind} not read in: {text}"
    if isinstance(case, dict):
        p = found[0]
        for key in ("min", "max", "unit"):
            if key in case:
                assert getattr(p, key) == case[key], f"{key}: {getattr(p, key)!r} != {case[key]!r} in {text}"
        if "scope" in case:
            assert dict(p.scope) == case["scope"], f"scope: {dict(p.scope)!r} != {case['scope']!r} in {text}"


@pytest.mark.parametrize("pack,case", list(_cases("no_match")))
def test_should_not_match(pack, case):
    text = case["text"] if isinstance(case, dict) else case
    found = [p for p in extract_text(text, lang=pack.lang) if p.kind == pack.kind]
    assert not found, f"{pack.kind} wrongly read in: {text} -> {found[0].min}-{found[0].max} {found[0].unit}"


def test_every_kind_of_spec_has_a_pack_with_docs_and_cases():
    from cxaudit.model import KINDS

    by_kind = {p.kind: p for p in RULES.packs if p.lang == "en"}
    for kind in KINDS:
        assert kind in by_kind, f"no English rule pack for {kind}"
        pack = by_kind[kind]
        assert "What it reads" in pack.doc and "Why it matters" in pack.doc, f"{kind}: doc sections missing"
        assert pack.cases.get("match") and pack.cases.get("no_match"), f"{kind}: cases missing"


@pytest.mark.parametrize("key, bad", [("mailboxes", "[warranty, claims]"), ("region_codes", "{CA: [ON, QC]}")])
def test_a_malformed_common_key_is_one_line_naming_file_and_key(tmp_path, key, bad):
    shutil.copytree(Path(__file__).parent.parent / "rules", tmp_path / "rules")
    common = tmp_path / "rules" / "en" / "common.yaml"
    common.write_text(common.read_text(encoding="utf-8") + f"\n{key}: {bad}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"common\.yaml: {key}(\.CA)?: expected a mapping"):
        load_rules(str(tmp_path / "rules"))


def test_no_rule_pack_repeats_a_key():
    """YAML keeps the last of two equal keys without a word: a scope value written twice loses
    the first list of phrases."""
    import yaml

    repeated = []

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                repeated.append((node.start_mark.name, key_node.start_mark.line + 1, key))
            seen.add(key)
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    rules = Path(__file__).resolve().parent.parent / "rules"
    for path in sorted(rules.glob("*/*.yaml")):
        with path.open(encoding="utf-8") as f:
            yaml.load(f, Loader=Loader)
    assert repeated == []
