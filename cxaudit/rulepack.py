"""Load rule packs (YAML data under rules/<lang>/) into compiled, immutable objects, once per process."""

from __future__ import annotations

import functools
import importlib.resources
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cxaudit.errors import ConfigError

PACK_KEYS = {"kind", "lang", "summary", "doc", "values", "units", "cues", "veto", "veto_before", "veto_after", "require", "require_scoped", "cases", "priority"}
VALUE_TYPES = {"duration", "money", "schedule", "alltime", "free", "zero", "open", "percent", "paid"}


@dataclass(frozen=True)
class Pack:
    kind: str
    lang: str
    summary: str
    doc: str
    values: frozenset[str]
    units: frozenset[str] | None
    strong: tuple[str, ...]
    weak: tuple[str, ...]
    veto: tuple[re.Pattern, ...]
    require: re.Pattern | None
    veto_before: tuple[re.Pattern, ...] = ()
    veto_after: tuple[re.Pattern, ...] = ()
    # a free value that fails `require` still counts when this matches its clause and the
    # promise's scope names goods ("free delivery on all sofas")
    require_scoped: re.Pattern | None = None
    cases: dict[str, Any] = field(compare=False, hash=False, default_factory=dict)
    path: str = ""


@dataclass(frozen=True)
class Common:
    lang: str
    veto_before: tuple[re.Pattern, ...]
    veto_after: tuple[re.Pattern, ...]
    veto_clause: tuple[re.Pattern, ...]
    scope: tuple[tuple[str, str, tuple[str, ...]], ...]   # (key, value, phrases)
    veto_lead: tuple[re.Pattern, ...] = ()   # tried on the sentence up to a duration
    veto_law: tuple[re.Pattern, ...] = ()    # tried on the sentence; vetoes the values of the clause it is in
    # upper-case state and province codes, by country: ((country, ((code, region), ...)), ...)
    region_codes: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    # a team's mailbox and the topic it answers: (("warranty", "claims"), ...)
    mailboxes: tuple[tuple[str, str], ...] = ()
    # materials that tell two items of one product group apart ("teak frames", "aluminium frames"):
    # ((phrase, name), ...), a spelling variant named as its main spelling
    materials: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RuleSet:
    packs: tuple[Pack, ...]
    common: dict[str, Common]
    source: str

    def for_lang(self, lang: str) -> tuple[Pack, ...]:
        return tuple(p for p in self.packs if p.lang == lang)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(sorted({p.kind for p in self.packs}))

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(sorted({p.lang for p in self.packs}))


def _root(rules_dir: str | None):
    if rules_dir:
        p = Path(rules_dir)
        if not p.is_dir():
            raise ConfigError(f"{rules_dir}: --rules must name a folder of rule packs")
        return p
    return importlib.resources.files("cxaudit.rules")


def _compile(where: str, key: str, pattern: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.I)
    except re.error as err:
        raise ConfigError(f"{where}: {key}: bad regular expression: {err}") from None


def _any_of(where: str, key: str, patterns) -> tuple[re.Pattern, ...]:
    """A pack's list of patterns, used only as "does any of them match", as one alternation: one
    search instead of one per pattern (the matcher asks this of every sentence). A bad pattern
    is named in the error."""
    if len(patterns) < 2:
        return tuple(_compile(where, key, p) for p in patterns)
    try:
        # (each pattern is compiled alone only when the alternation fails: compiling every
        # pattern twice was a fifth of the start-up)
        if len(patterns) >= _FILTER_FROM:
            # a long list searches only the patterns whose required words are in the text (one
            # Aho-Corasick pass): the same matches, several times faster (cxaudit/rxfilter.py)
            from cxaudit.rxfilter import compile_any_of

            return (compile_any_of(patterns),)
        return (re.compile("|".join(f"(?:{p})" for p in patterns), re.I),)
    except re.error:
        # a bad pattern is named here; a good one that cannot sit inside a group keeps its own search
        return tuple(_compile(where, key, p) for p in patterns)


_FILTER_FROM = 8   # a shorter list stays one alternation: the prefilter's own pass would not pay


def _mapping(where: str, key: str, value) -> dict:
    """A key of common.yaml that must map names to values (absent is empty)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: {key}: expected a mapping, got {type(value).__name__}")
    return value


@functools.lru_cache(maxsize=4)
def load_rules(rules_dir: str | None = None) -> RuleSet:
    from cxaudit.rxcache import compiling

    with compiling():   # (patterns compiled on an earlier run come from the cache)
        return _load_rules(rules_dir)


def _load_rules(rules_dir: str | None) -> RuleSet:
    import yaml  # deferred: the CLI's --help must stay fast

    root = _root(rules_dir)
    packs: list[Pack] = []
    common: dict[str, Common] = {}
    for lang_dir in sorted((d for d in root.iterdir() if d.is_dir() and not d.name.startswith(("_", "."))), key=lambda d: d.name):
        for f in sorted((f for f in lang_dir.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name):
            where = f"{lang_dir.name}/{f.name}" if rules_dir is None else str(f)
            try:
                # libyaml's loader where PyYAML has it: the packs load in a quarter of the time
                data = yaml.load(f.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            except yaml.YAMLError as err:
                raise ConfigError(f"{where}: not valid YAML: {err}".splitlines()[0]) from None
            if not isinstance(data, dict):
                raise ConfigError(f"{where}: a rule pack must be a mapping")
            if f.name == "common.yaml":
                scope = []
                for key, values in (data.get("scope") or {}).items():
                    for value, phrases in values.items():
                        scope.append((key, str(value), tuple(str(p).lower() for p in phrases)))
                common[lang_dir.name] = Common(
                    lang=lang_dir.name,
                    veto_before=_any_of(where, "veto_before", data.get("veto_before", [])),
                    veto_after=_any_of(where, "veto_after", data.get("veto_after", [])),
                    veto_clause=_any_of(where, "veto_clause", data.get("veto_clause", [])),
                    scope=tuple(scope),
                    veto_lead=_any_of(where, "veto_lead", data.get("veto_lead", [])),
                    veto_law=_any_of(where, "veto_law", data.get("veto_law", [])),
                    region_codes=tuple((str(country), tuple((str(c), str(r)) for c, r in _mapping(where, f"region_codes.{country}", codes).items()))
                                       for country, codes in _mapping(where, "region_codes", data.get("region_codes")).items()),
                    mailboxes=tuple((str(box).lower(), str(topic))
                                    for box, topic in _mapping(where, "mailboxes", data.get("mailboxes")).items()),
                    materials=tuple((str(p).lower(), str(n).lower()) for m in data.get("materials") or ()
                                    for p, n in (m.items() if isinstance(m, dict) else [(m, m)])),
                )
                continue
            unknown = set(data) - PACK_KEYS
            if unknown:
                raise ConfigError(f"{where}: unknown key '{sorted(unknown)[0]}' (expected one of {', '.join(sorted(PACK_KEYS))})")
            for req in ("kind", "values", "cues"):
                if req not in data:
                    raise ConfigError(f"{where}: missing key '{req}'")
            values = frozenset(data["values"])
            if not values <= VALUE_TYPES:
                raise ConfigError(f"{where}: values: unknown value type {sorted(values - VALUE_TYPES)[0]!r}")
            cues = data["cues"]
            if isinstance(cues, list):
                cues = {"strong": cues}
            packs.append(Pack(
                kind=str(data["kind"]),
                lang=str(data.get("lang", lang_dir.name)),
                summary=str(data.get("summary", "")),
                doc=str(data.get("doc", "")),
                values=values,
                units=frozenset(data["units"]) if data.get("units") else None,
                strong=tuple(str(c).lower() for c in cues.get("strong", [])),
                weak=tuple(str(c).lower() for c in cues.get("weak", [])),
                veto=_any_of(where, "veto", data.get("veto", [])),
                require=_compile(where, "require", data["require"]) if data.get("require") else None,
                veto_before=_any_of(where, "veto_before", data.get("veto_before", [])),
                veto_after=_any_of(where, "veto_after", data.get("veto_after", [])),
                require_scoped=_compile(where, "require_scoped", data["require_scoped"]) if data.get("require_scoped") else None,
                cases=data.get("cases") or {},
                path=where,
            ))
    if not packs:
        raise ConfigError(f"{rules_dir or 'rules'}: no rule packs found")
    return RuleSet(tuple(packs), common, str(rules_dir or "built-in"))
