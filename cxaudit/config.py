"""Find, read and strictly validate `cxaudit.toml` (or `[tool.cxaudit]` in `pyproject.toml`)."""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .errors import ConfigError, UsageError
from .model import CHANNELS, KINDS, SEVERITIES

CONFIG_NAME = "cxaudit.toml"
FAIL_ON = ("error", "warning", "info", "never")
LANGS = ("auto", "en", "zh")
TIME_UNITS = (
    "seconds", "minutes", "hours", "business_hours", "days", "business_days", "weeks", "months", "years",
)
QUALIFIERS = ("within", "up_to", "at_least", "exactly", "approx", "from")
# Rules the compare and gap stages emit; `extra_rules` adds more without touching this module.
RULES = ("contradiction", "inconsistency", "canonical_mismatch", "unmet_promise", "ambiguous_unit")
# Kinds whose value is money or a schedule rather than a duration.
MONEY_KINDS = ("free_shipping_threshold", "return_cost")
SCHEDULE_KINDS = ("support_hours",)

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)"
_DAYS = re.compile(rf"^{_DAY}(?:-{_DAY})?(?:,{_DAY}(?:-{_DAY})?)*$")
_CLOCK = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")


@dataclass(frozen=True)
class SourceSpec:
    path: str | None = None
    url: str | None = None
    channel: str | None = None


@dataclass(frozen=True)
class CanonicalPromise:
    """One official promise from `[[promise]]`: the source of truth the audit holds messages to."""

    kind: str
    scope: tuple[tuple[str, str], ...] = ()
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    schedule: Any = None          # None | "24/7" | tuple of sorted (key, value) tuples, as model.Promise
    line: int | None = None       # line of its [[promise]] header in the config file


@dataclass(frozen=True)
class CrawlSettings:
    max_pages: int = 500
    max_depth: int | None = None
    concurrency: int = 8
    rate: float = 5.0                 # requests per second per host
    timeout: float = 15.0
    retries: int = 2
    max_body_size: int = 10_000_000
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    allow_hosts: tuple[str, ...] = ()
    ignore_robots: bool = False
    cache_dir: str = ".cxaudit-cache"
    time_budget: float | None = None
    url_map: tuple[tuple[str, str], ...] = ()   # (url prefix, repository file or folder/) for SARIF


@dataclass(frozen=True)
class AuditSettings:
    fail_on: str = "error"
    baseline: str | None = None
    min_confidence: float = 0.0
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()   # (rule | kind | rule/kind, error | warning | info | off)
    lang: str = "auto"
    jobs: int | None = None
    max_file_size: int = 50_000_000
    time_budget: float | None = None

    def selected(self, rule: str, kind: str) -> bool:
        """Whether findings of this rule and kind are reported under select/ignore.

        Selected rules and selected kinds combine: select = ["contradiction", "warranty"] keeps
        contradictions about warranties; a "rule/kind" entry keeps that pair in any case."""
        if self.select:
            rules, kinds, pairs = _split_names(self.select)
            plain = bool(rules or kinds) and (not rules or rule in rules) and (not kinds or kind in kinds)
            if not plain and f"{rule}/{kind}" not in pairs:
                return False
        return not {rule, kind, f"{rule}/{kind}"} & set(self.ignore)

    def wants_kind(self, kind: str) -> bool:
        """Whether promises of this kind can be part of a selected finding (to filter them early)."""
        if kind in self.ignore:
            return False
        if not self.select:
            return True
        rules, kinds, pairs = _split_names(self.select)
        return kind in kinds or any(p.split("/", 1)[1] == kind for p in pairs) or bool(rules and not kinds)

    def severity_for(self, rule: str, kind: str, default: str) -> str:
        """The configured severity; the most specific entry wins: rule/kind, then kind, then rule."""
        table = dict(self.severity)
        for name in (f"{rule}/{kind}", kind, rule):
            if name in table:
                return table[name]
        return default


def _split_names(names: tuple[str, ...]) -> tuple[set[str], set[str], set[str]]:
    """select/ignore names as (rules, kinds, rule/kind pairs)."""
    pairs = {n for n in names if "/" in n}
    rules = {n for n in names if n in RULES}
    return rules, set(names) - pairs - rules, pairs


@dataclass(frozen=True)
class Config:
    path: str | None = None
    sources: tuple[SourceSpec, ...] = ()
    crawl: CrawlSettings = field(default_factory=CrawlSettings)
    audit: AuditSettings = field(default_factory=AuditSettings)
    channels: tuple[tuple[str, str], ...] = ()
    promises: tuple[CanonicalPromise, ...] = ()
    gap: dict[str, Any] = field(default_factory=dict, hash=False)
    folder: str | None = None   # absolute folder of the config file: [channels] globs start here

    def channel_for(self, path: str) -> str | None:
        """The channel of the first `[channels]` glob that matches a local path, if any.

        Globs are matched against the path relative to the config file's folder (and, failing
        that, as given); a glob without "/" matches the file name in any folder."""
        if not self.channels:
            return None
        candidates = [path.replace(os.sep, "/")]
        if self.folder:
            try:
                candidates.insert(0, Path(path).resolve().relative_to(self.folder).as_posix())
            except ValueError:
                pass
        for pattern, channel in self.channels:
            rx = _glob_regex(pattern)
            for cand in candidates:
                cand = cand.removeprefix("./")
                if rx.match(cand) or ("/" not in pattern.rstrip("/") and rx.match(cand.rsplit("/", 1)[-1])):
                    return channel
        return None


# --------------------------------------------------------------------------- finding the file

def find_config(start: Path) -> Path | None:
    """`cxaudit.toml`, else a `pyproject.toml` with `[tool.cxaudit]`, walking up from start.

    The walk stops at the repository root (the first folder holding `.git`) so that a stray
    config above the checkout never leaks into a project's audit."""
    here = Path(start).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if (folder / ".git").exists():
            return None
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    # A regex rather than a parse: a broken pyproject must be reported by load_config, with its line.
    return re.search(r"^\s*\[\[?\s*tool\s*\.\s*[\"']?cxaudit[\"']?\s*[\].]", text, re.MULTILINE) is not None


# --------------------------------------------------------------------------- loading

def load_config(
    path: Path | None,
    *,
    cwd: Path,
    extra_kinds: tuple[str, ...] = (),
    extra_rules: tuple[str, ...] = (),
) -> Config:
    """The validated Config from `path`, or from the file found above `cwd`, or the defaults."""
    cwd = Path(cwd).resolve()
    if path is None:
        path = find_config(cwd)
        if path is None:
            return Config()
    path = Path(path)
    if not path.is_absolute():
        path = cwd / path
    shown = _display(path, cwd)
    if not path.is_file():
        raise ConfigError(f"{shown}: config file not found")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read config file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: config file is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_toml_error(shown, exc)) from None

    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "cxaudit" not in tool:
            raise ConfigError(f"{shown}: has no [tool.cxaudit] table")
        data = tool["cxaudit"]
        prefix = ("tool", "cxaudit")
        if not isinstance(data, dict):
            raise ConfigError(f"{shown}: 'tool.cxaudit' must be a table")

    checker = _Checker(
        shown, _Lines(text, prefix), prefix, base=path.parent.resolve(), cwd=cwd,
        kinds=tuple(dict.fromkeys((*KINDS, *extra_kinds))),
        rules=tuple(dict.fromkeys((*RULES, *extra_rules))),
    )
    return checker.config(data)


def _toml_error(shown: str, exc: tomllib.TOMLDecodeError) -> str:
    msg = str(exc)
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", msg)
    if m:
        return f"{shown}:{m.group(1)}: not valid TOML: {msg[:m.start()]} (column {m.group(2)})"
    m = re.search(r"\s*\(at end of document\)\s*$", msg)
    if m:
        return f"{shown}: not valid TOML: {msg[:m.start()]} (at end of file)"
    return f"{shown}: not valid TOML: {msg}"


def _display(path: Path, cwd: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    absolute = Path(os.path.normpath(path if path.is_absolute() else cwd / path))
    try:
        return absolute.relative_to(cwd).as_posix() or "."
    except ValueError:
        return str(absolute)


# --------------------------------------------------------------------------- line numbers

_HEADER = re.compile(r"^\[\[(?P<array>.+?)\]\]\s*(?:#.*)?$|^\[(?P<table>[^\[\]]+)\]\s*(?:#.*)?$")


def _split_key(raw: str) -> list[str]:
    """Split a dotted TOML key, honouring quoted parts ("a.b".c -> ['a.b', 'c'])."""
    parts, buf, quote = [], "", None
    for ch in raw.strip():
        if quote:
            if ch == quote:
                quote = None
            else:
                buf += ch
        elif ch in "\"'":
            quote = ch
        elif ch == ".":
            parts.append(buf.strip())
            buf = ""
        else:
            buf += ch
    parts.append(buf.strip())
    return parts


class _Lines:
    """Where each key sits in the raw text: tomllib keeps no line numbers, so scan for them."""

    def __init__(self, text: str, prefix: tuple[str, ...] = ()):
        self.entries: list[tuple[int, tuple | None, str | None]] = []   # (line, table path, key text | None for a header)
        header: tuple | None = () if not prefix else None
        counts: dict[tuple[str, ...], int] = {}
        in_string = False
        for no, line in enumerate(text.splitlines(), 1):
            s = line.strip()
            # Skip the inside of multi-line strings: a "[x]" there is text, not a header.
            if s.count('"""') % 2 == 1 or s.count("'''") % 2 == 1:
                was, in_string = in_string, not in_string
                if was:
                    continue
            elif in_string:
                continue
            m = _HEADER.match(s)
            if not m:
                if header is not None and s and not s.startswith("#"):
                    self.entries.append((no, header, s))
                continue
            is_array = m.group("array") is not None
            parts = _split_key(m.group("array") if is_array else m.group("table"))
            if tuple(parts[:len(prefix)]) != prefix:
                header = None   # a table outside [tool.cxaudit]: its keys are not ours
                continue
            parts = parts[len(prefix):]
            if is_array:
                counts[tuple(parts)] = counts.get(tuple(parts), -1) + 1
            path: list = []
            for i, part in enumerate(parts):
                path.append(part)
                name = tuple(parts[: i + 1])
                if name in counts and (i < len(parts) - 1 or is_array):
                    path.append(counts[name])
            header = tuple(path)
            self.entries.append((no, header, None))

    def locate(self, path: tuple) -> int | None:
        """The first line that defines `path` (a key, or the table or array entry itself)."""
        for k in range(len(path), -1, -1):
            head, rest = path[:k], path[k:]
            if not rest:
                for no, h, s in self.entries:
                    if s is None and h == head:
                        return no
                continue
            key = rest[0]
            if isinstance(key, int):
                continue
            k_rx = re.escape(key)
            rx = re.compile(rf"^(?:\"{k_rx}\"|'{k_rx}'|{k_rx})\s*[=.]")
            for no, h, s in self.entries:
                if s is not None and h == head and rx.match(s):
                    return no
        return None


# --------------------------------------------------------------------------- validation

Conv = Callable[["_Checker", tuple, Any], Any]


def _type_name(v: Any) -> str:
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, int):
        return "an integer"
    if isinstance(v, float):
        return "a number"
    if isinstance(v, str):
        return "a string"
    if isinstance(v, list):
        return "an array"
    if isinstance(v, dict):
        return "a table"
    return type(v).__name__


def _got(v: Any) -> str:
    shown = repr(v) if not isinstance(v, (dict, list)) else ""
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{_type_name(v)} {shown}".rstrip()


def _int(lo: int | None = None) -> Conv:
    def conv(c: _Checker, path: tuple, v: Any) -> int:
        if not isinstance(v, int) or isinstance(v, bool):
            c.fail(path, f"must be an integer, not {_got(v)}")
        if lo is not None and v < lo:
            c.fail(path, f"must be at least {lo} (got {v})")
        return v
    return conv


def _num(lo: float | None = None, hi: float | None = None, *, above: bool = False) -> Conv:
    def conv(c: _Checker, path: tuple, v: Any) -> float:
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            c.fail(path, f"must be a number, not {_got(v)}")
        if lo is not None and (v <= lo if above else v < lo):
            c.fail(path, f"must be {'above' if above else 'at least'} {lo:g} (got {v:g})")
        if hi is not None and v > hi:
            c.fail(path, f"must be at most {hi:g} (got {v:g})")
        return float(v)
    return conv


def _bool(c: _Checker, path: tuple, v: Any) -> bool:
    if not isinstance(v, bool):
        c.fail(path, f"must be true or false, not {_got(v)}")
    return v


def _str(c: _Checker, path: tuple, v: Any) -> str:
    if not isinstance(v, str):
        c.fail(path, f"must be a string, not {_got(v)}")
    if not v.strip():
        c.fail(path, "must not be empty")
    return v


def _enum(choices: tuple[str, ...]) -> Conv:
    def conv(c: _Checker, path: tuple, v: Any) -> str:
        _str(c, path, v)
        if v not in choices:
            c.fail(path, f"must be one of {', '.join(choices)} (got {v!r}){_suggest(v, choices)}")
        return v
    return conv


def _str_list(c: _Checker, path: tuple, v: Any) -> tuple[str, ...]:
    if isinstance(v, str):
        c.fail(path, f"must be an array of strings, like [{v!r}], not a string")
    if not isinstance(v, list):
        c.fail(path, f"must be an array of strings, not {_got(v)}")
    return tuple(_str(c, (*path, i), item) for i, item in enumerate(v))


def _str_table(c: _Checker, path: tuple, v: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(v, dict):
        c.fail(path, f"must be a table of strings, not {_got(v)}")
    return tuple((k, _str(c, (*path, k), item)) for k, item in v.items())


def _suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), [str(x) for x in choices], n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class _Checker:
    def __init__(self, shown: str, lines: _Lines, prefix: tuple[str, ...], *, base: Path, cwd: Path,
                 kinds: tuple[str, ...], rules: tuple[str, ...]):
        self.shown, self.lines, self.prefix = shown, lines, prefix
        self.base, self.cwd, self.kinds, self.rules = base, cwd, kinds, rules

    # -- errors

    def key(self, path: tuple) -> str:
        return ".".join(str(p) for p in (*self.prefix, *path) if not isinstance(p, int))

    def where(self, path: tuple) -> str:
        line = self.lines.locate(path)
        return f"{self.shown}:{line}" if line else self.shown

    def fail(self, path: tuple, msg: str):
        raise ConfigError(f"{self.where(path)}: key '{self.key(path)}' {msg}")

    def table(self, path: tuple, value: Any, spec: dict[str, Conv]) -> dict[str, Any]:
        """Check a table against its spec: every key known, every value converted."""
        if not isinstance(value, dict):
            self.fail(path, f"must be a table, not {_got(value)}")
        out = {}
        for k, v in value.items():
            if k not in spec:
                raise ConfigError(
                    f"{self.where((*path, k))}: key '{self.key((*path, k))}' is not known "
                    f"(expected one of: {', '.join(sorted(spec))}){_suggest(k, spec)}"
                )
            out[k] = spec[k](self, (*path, k), v)
        return out

    # -- paths

    def path(self, value: str) -> str:
        """A config-relative path, resolved, and given relative to the working folder as a user
        would type it there ("../../site" from a subfolder); an absolute path outside it stays absolute."""
        p = Path(value).expanduser()
        if p.is_absolute():
            return _display(p, self.cwd)
        absolute = os.path.normpath(self.base / p)
        try:
            return Path(os.path.relpath(absolute, self.cwd)).as_posix()
        except ValueError:   # another drive (Windows)
            return Path(absolute).as_posix()

    def path_conv(self, c: _Checker, path: tuple, v: Any) -> str:
        return self.path(_str(c, path, v))

    # -- sections

    def config(self, data: dict) -> Config:
        spec: dict[str, Conv] = {
            "source": lambda c, p, v: c.sources(p, v),
            "crawl": lambda c, p, v: c.crawl(p, v),
            "audit": lambda c, p, v: c.audit(p, v),
            "channels": lambda c, p, v: c.channels(p, v),
            "promise": lambda c, p, v: c.promises(p, v),
            "gap": lambda c, p, v: c.gap(p, v),
        }
        top = self.table((), data, spec)
        return Config(
            path=self.shown,
            sources=top.get("source", ()),
            crawl=top.get("crawl", CrawlSettings()),
            audit=top.get("audit", AuditSettings()),
            channels=top.get("channels", ()),
            promises=top.get("promise", ()),
            gap=top.get("gap", {}),
            folder=str(self.base),
        )

    def sources(self, path: tuple, value: Any) -> tuple[SourceSpec, ...]:
        if not isinstance(value, list):
            self.fail(path, "must be an array of tables: write each source under its own [[source]] header")
        out = []
        spec = {"path": _str, "url": _str, "channel": _enum(CHANNELS)}
        for i, item in enumerate(value):
            here = (*path, i)
            t = self.table(here, item, spec)
            if ("path" in t) == ("url" in t):
                raise ConfigError(f"{self.where(here)}: a [[source]] needs exactly one of 'path' or 'url'")
            if "url" in t and not re.match(r"^https?://[^/\s]+", t["url"]):
                self.fail((*here, "url"), f"must be an http:// or https:// address (got {t['url']!r})")
            if "path" in t and re.match(r"^https?://", t["path"]):
                self.fail((*here, "path"), "is a web address: write it as url = ... instead")
            out.append(SourceSpec(
                path=self.path(t["path"]) if "path" in t else None,
                url=t.get("url"),
                channel=t.get("channel"),
            ))
        return tuple(out)

    def crawl(self, path: tuple, value: Any) -> CrawlSettings:
        spec: dict[str, Conv] = {
            "max_pages": _int(1), "max_depth": _int(0), "concurrency": _int(1),
            "rate": _num(0, above=True), "timeout": _num(0, above=True), "retries": _int(0),
            "max_body_size": _int(1), "include": _str_list, "exclude": _str_list,
            "allow_hosts": _str_list, "ignore_robots": _bool, "cache_dir": self.path_conv,
            "time_budget": _num(0, above=True), "url_map": lambda c, p, v: c.url_map(p, v),
        }
        t = self.table(path, value, spec)
        for k in ("include", "exclude"):
            for i, pattern in enumerate(t.get(k, ())):
                try:
                    re.compile(pattern)
                except re.error as exc:
                    self.fail((*path, k, i), f"holds a pattern that is not a valid regular expression: {exc}")
        return CrawlSettings(**t)

    def url_map(self, path: tuple, value: Any) -> tuple[tuple[str, str], ...]:
        pairs = _str_table(self, path, value)
        out = []
        for prefix, target in pairs:
            if not re.match(r"^https?://", prefix):
                self.fail((*path, prefix), "must be keyed by an http:// or https:// address prefix")
            resolved = self.path(target)
            # A trailing slash marks a folder: the rest of the URL path is appended to it.
            out.append((prefix, resolved.rstrip("/") + "/" if target.endswith("/") else resolved))
        return tuple(out)

    def audit(self, path: tuple, value: Any) -> AuditSettings:
        names = lambda c, p, v: c.rule_names(p, _str_list(c, p, v))  # noqa: E731
        spec: dict[str, Conv] = {
            "fail_on": _enum(FAIL_ON), "baseline": self.path_conv, "min_confidence": _num(0, 1),
            "select": names, "ignore": names, "severity": lambda c, p, v: c.severities(p, v),
            "lang": _enum(LANGS), "jobs": _int(1), "max_file_size": _int(1),
            "time_budget": _num(0, above=True),
        }
        return AuditSettings(**self.table(path, value, spec))

    def rule_names(self, path: tuple, names: tuple[str, ...]) -> tuple[str, ...]:
        for i, name in enumerate(names):
            self.check_rule_name((*path, i), name)
        return names

    def check_rule_name(self, path: tuple, name: str) -> None:
        rule, _, kind = name.partition("/")
        ok = (kind and rule in self.rules and kind in self.kinds) or (not kind and name in (*self.rules, *self.kinds))
        if not ok:
            if kind and rule in self.rules:
                hint = _suggest(kind, self.kinds).replace("'", f"'{rule}/", 1)
            else:
                hint = _suggest(name, (*self.kinds, *self.rules))
            self.fail(path, f"names {name!r}, which is neither a kind, a rule nor rule/kind "
                            f"(kinds: {', '.join(self.kinds)}; rules: {', '.join(self.rules)}){hint}")

    def severities(self, path: tuple, value: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, dict):
            self.fail(path, f"must be a table like {{ return_window = \"warning\" }}, not {_got(value)}")
        out = []
        for name, sev in value.items():
            self.check_rule_name((*path, name), name)
            out.append((name, _enum((*SEVERITIES, "off"))(self, (*path, name), sev)))
        return tuple(out)

    def channels(self, path: tuple, value: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, dict):
            self.fail(path, f"must be a table of \"glob\" = \"channel\", not {_got(value)}")
        return tuple((glob, _enum(CHANNELS)(self, (*path, glob), ch)) for glob, ch in value.items())

    def promises(self, path: tuple, value: Any) -> tuple[CanonicalPromise, ...]:
        if not isinstance(value, list):
            self.fail(path, "must be an array of tables: write each promise under its own [[promise]] header")
        return tuple(self.promise((*path, i), item) for i, item in enumerate(value))

    def promise(self, here: tuple, value: Any) -> CanonicalPromise:
        spec: dict[str, Conv] = {
            "kind": _enum(self.kinds), "scope": _str_table, "min": _num(0), "max": _num(0),
            "unit": lambda c, p, v: c.unit(p, v), "qualifier": _enum(QUALIFIERS),
            "schedule": lambda c, p, v: c.schedule(p, v),
        }
        t = self.table(here, value, spec)
        if "kind" not in t:
            raise ConfigError(f"{self.where(here)}: a [[promise]] needs a 'kind' (one of {', '.join(self.kinds)})")
        kind = t["kind"]
        lo, hi, unit, schedule = t.get("min"), t.get("max"), t.get("unit"), t.get("schedule")
        if kind in SCHEDULE_KINDS:
            if schedule is None:
                raise ConfigError(f"{self.where(here)}: a {kind} [[promise]] needs a 'schedule' "
                                  f"(\"24/7\" or [{{ days = \"mon-fri\", open = \"09:00\", close = \"17:00\" }}])")
            for k in ("min", "max", "unit"):
                if k in t:
                    self.fail((*here, k), f"does not apply to {kind}: give a 'schedule' instead")
        else:
            if schedule is not None:
                self.fail((*here, "schedule"), f"applies only to {', '.join(SCHEDULE_KINDS)}, not {kind}")
            if lo is None and hi is None:
                raise ConfigError(f"{self.where(here)}: a {kind} [[promise]] needs 'min', 'max' or both")
            if unit is None:
                raise ConfigError(f"{self.where(here)}: a {kind} [[promise]] needs a 'unit'")
            if lo is not None and hi is not None and lo > hi:
                self.fail((*here, "min"), f"is above max ({lo:g} > {hi:g})")
            money = bool(_CURRENCY.match(unit))
            if kind in MONEY_KINDS and not money:
                self.fail((*here, "unit"), f"must be a currency code such as USD for {kind} (got {unit!r})")
            if kind in KINDS and kind not in MONEY_KINDS and money:
                self.fail((*here, "unit"), f"must be a time unit for {kind} (got {unit!r})")
        return CanonicalPromise(
            kind=kind, scope=tuple(sorted(t.get("scope", ()))), min=lo, max=hi, unit=unit,
            qualifier=t.get("qualifier"), schedule=schedule, line=self.lines.locate(here),
        )

    def unit(self, path: tuple, v: Any) -> str:
        _str(self, path, v)
        if v in TIME_UNITS or _CURRENCY.match(v):
            return v
        hint = f"; did you mean {v.upper()!r}?" if _CURRENCY.match(v.upper()) else _suggest(v, TIME_UNITS)
        self.fail(path, f"must be a time unit ({', '.join(TIME_UNITS)}) or a 3-letter currency code "
                        f"such as USD (got {v!r}){hint}")

    def schedule(self, path: tuple, v: Any) -> Any:
        if v == "24/7":
            return v
        if isinstance(v, str):
            self.fail(path, f"must be \"24/7\" or an array of {{ days, open, close, tz }} tables (got {v!r})")
        if not isinstance(v, list) or not v:
            self.fail(path, f"must be \"24/7\" or an array of {{ days, open, close, tz }} tables, not {_got(v)}")
        spec: dict[str, Conv] = {"days": _str, "open": _str, "close": _str, "tz": _str}
        out = []
        for i, item in enumerate(v):
            here = (*path, i)
            t = self.table(here, item, spec)
            for k in ("days", "open", "close"):
                if k not in t:
                    self.fail(here, f"needs '{k}' in every entry")
            if not _DAYS.match(t["days"]):
                self.fail((*here, "days"), f"must name days like \"mon-fri\" or \"sat,sun\" (got {t['days']!r})")
            for k in ("open", "close"):
                if not _CLOCK.match(t[k]):
                    self.fail((*here, k), f"must be a 24-hour time like \"09:00\" (got {t[k]!r})")
            out.append(tuple(sorted(t.items())))
        return tuple(out)

    def gap(self, path: tuple, value: Any) -> dict[str, Any]:
        spec: dict[str, Conv] = {
            "actuals": self.path_conv, "kind": _enum(self.kinds), "value_column": _str,
            "unit": lambda c, p, v: c.unit(p, v), "start_column": _str, "end_column": _str,
            "scope_columns": lambda c, p, v: dict(_str_table(c, p, v)),
            "level": _num(0, 1, above=True), "holidays": self.path_conv,
        }
        t = self.table(path, value, spec)
        if "level" in t and t["level"] >= 1:
            self.fail((*path, "level"), f"must be below 1, such as 0.95 (got {t['level']:g})")
        if "value_column" in t and ("start_column" in t or "end_column" in t):
            self.fail((*path, "value_column"), "and start_column/end_column are alternatives: give one or the other")
        if ("start_column" in t) != ("end_column" in t):
            missing = "end_column" if "start_column" in t else "start_column"
            raise ConfigError(f"{self.where(path)}: [gap] needs '{missing}' too")
        return t


# --------------------------------------------------------------------------- globs

def _glob_regex(pattern: str) -> re.Pattern:
    """A gitignore-style glob: `**` crosses folders, `*` and `?` stay inside one."""
    pattern = pattern.replace(os.sep, "/").removeprefix("./")
    if pattern.endswith("/"):
        pattern += "**"
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            out += ".*"
            i += 2
        elif pattern[i] == "*":
            out += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            out += "[^/]"
            i += 1
        elif pattern[i] == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out += re.escape("[")
                i += 1
            else:
                body = pattern[i + 1:end].replace("\\", "\\\\")
                out += "[" + ("^" + body[1:] if body.startswith("!") else body) + "]"
                i = end + 1
        else:
            out += re.escape(pattern[i])
            i += 1
    return re.compile(out + r"\Z")


# --------------------------------------------------------------------------- cxaudit init

INIT_TEMPLATE = '''\
# cxaudit.toml: what cxaudit reads and how strict it is.
# Every key is optional. Unknown keys and wrong types are errors (exit 2) naming the line.
# Paths are relative to this file's folder.

# ---------------------------------------------------------------- where the messages are
# A source is a local file or folder (walked recursively) or a website to crawl.
# Sources given on the command line are used instead of these.
# [[source]]
# path = "content/"
# channel = "website"
#
# [[source]]
# url = "https://shop.example.com"
# channel = "website"

# Channels by path, for files whose folder does not say it (first match wins).
# [channels]
# "scripts/**" = "call_centre"
# "legal/*.pdf" = "policy"

# ---------------------------------------------------------------- crawling websites
[crawl]
max_pages = 500            # stop after this many pages per site
concurrency = 8            # requests in flight at once
rate = 5.0                 # requests per second per host
timeout = 15.0             # seconds per request
retries = 2
# max_depth = 5            # links followed from the start page
# max_body_size = 10000000 # bytes; larger pages are listed as "not read"
# include = ["/help/", "/shipping"]   # regular expressions a URL must match
# exclude = ["/blog/"]                # regular expressions that skip a URL
# allow_hosts = ["help.example.com"]  # other hosts that belong to the site
# ignore_robots = false
# cache_dir = ".cxaudit-cache"
# time_budget = 600.0      # seconds; the report says "incomplete" when it runs out
# Which repository file renders a URL, so SARIF can point at it (a folder ends in "/").
# url_map = { "https://shop.example.com/returns" = "site/templates/returns.html" }

# ---------------------------------------------------------------- the audit
[audit]
fail_on = "error"          # exit 1 on findings at or above: error | warning | info | never
# baseline = ".cxaudit-baseline.json"   # findings accepted earlier are not reported again
# min_confidence = 0.5     # ignore promises read with less confidence than this
# select = ["return_window", "delivery_time"]   # only these kinds or rules
# ignore = ["inconsistency"]                    # never these kinds or rules
# severity = { inconsistency = "info", "contradiction/warranty" = "warning" }   # or "off"
# lang = "auto"            # en | zh | auto
# jobs = 4                 # extraction processes; default: one per core
# max_file_size = 50000000 # bytes
# time_budget = 900.0      # seconds

# ---------------------------------------------------------------- the official promises
# The source of truth: every message is also held against these.
# [[promise]]
# kind = "return_window"
# max = 30
# unit = "days"
#
# [[promise]]
# kind = "delivery_time"
# scope = { service = "standard" }
# min = 3
# max = 5
# unit = "business_days"
# qualifier = "within"
#
# [[promise]]
# kind = "support_hours"
# schedule = [{ days = "mon-fri", open = "09:00", close = "17:00", tz = "ET" }]

# ---------------------------------------------------------------- cxaudit gap
# [gap]
# actuals = "data/orders.csv"
# kind = "delivery_time"
# value_column = "days_to_deliver"   # or start_column + end_column (dates)
# unit = "business_days"
# scope_columns = { service = "service" }
# level = 0.95
# holidays = "data/holidays.txt"
'''


def write_template(path: Path, *, force: bool = False) -> Path:
    """Write INIT_TEMPLATE to path for `cxaudit init`; an existing file is kept unless forced."""
    path = Path(path)
    if path.exists() and not force:
        raise UsageError(f"{path}: already exists (use --force to overwrite)")
    if not path.parent.is_dir():
        raise UsageError(f"{path}: folder {path.parent} does not exist (create it first)")
    try:
        path.write_text(INIT_TEMPLATE, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return path
