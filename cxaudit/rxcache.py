"""Compiled regular expressions kept on disk between runs, so start-up does not parse them again.

Python's `re` parses every pattern and builds its matcher code anew in each process; for the
rule packs and the matcher's own patterns that is most of a second of every run (measured on the
2-core machine: 0.8 s of a 2.5 s one-file extract). The code `re` builds depends only on the
pattern, its flags and the interpreter, so `compiling()` keeps it in a file under the user's cache
folder (`$XDG_CACHE_HOME/cxaudit` or `~/.cache/cxaudit`; `CXAUDIT_RX_CACHE=0` turns this off, any
other value names the folder) and hands it to `_sre.compile` directly the next time.

This leans on `re`'s private internals (`re._compiler`, `_sre.compile`), as `rxfilter` does; the
file is keyed by the interpreter's version and `_sre.MAGIC`, and any surprise (an older Python, a
damaged or foreign file, a pattern that fails) falls back to `re`'s own compile, so the worst case
is the start-up time we had before.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
import tempfile
import threading
from pathlib import Path

try:
    import _sre
    from re import _compiler, _parser
except ImportError:   # an interpreter without these internals: no cache
    _sre = _compiler = _parser = None

_MAX_ENTRIES = 20_000
_MAX_BYTES = 16 << 20   # (the rule packs' own patterns take ~3 MB; the rest is sub-alternations of rxfilter)
_lock = threading.Lock()
_state: dict = {"entries": None, "used": set(), "dirty": False, "path": None, "depth": 0, "orig": None}


def _folder() -> Path | None:
    setting = os.environ.get("CXAUDIT_RX_CACHE")
    if setting == "0":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "cxaudit"


def _header() -> tuple:
    return ("cxaudit-rx", 1, sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))


def _load() -> dict:
    folder = _folder()
    if folder is None or _sre is None:
        return {}
    _state["path"] = folder / f"rx-{sys.implementation.cache_tag}.marshal"
    try:
        data = marshal.loads(_state["path"].read_bytes())
        if isinstance(data, tuple) and len(data) == 2 and data[0] == _header() and isinstance(data[1], dict):
            return data[1]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return {}


def _save() -> None:
    path = _state["path"]
    if not _state["dirty"] or path is None:
        return
    entries = _state["entries"]
    if len(entries) > _MAX_ENTRIES:   # (rules that changed leave old patterns behind: keep this run's)
        entries = {k: v for k, v in entries.items() if k in _state["used"]}
    tmp = None
    try:
        data = marshal.dumps((_header(), entries))
        if len(data) > _MAX_BYTES:   # this run's entries, and of those only whole patterns if need be
            entries = {k: v for k, v in entries.items() if k in _state["used"]}
            data = marshal.dumps((_header(), entries))
            if len(data) > _MAX_BYTES:
                data = marshal.dumps((_header(), {k: v for k, v in entries.items() if k[0] != "any_of_part"}))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".rx-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except (OSError, ValueError):   # (a read-only home, a full disk: the next run compiles again)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _entry(tree, flags: int) -> tuple:
    """What `_sre.compile` needs of a parse tree, in plain values marshal can write."""
    code = _compiler._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup = [None] * tree.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # (plain ints: the opcodes are named int constants, which marshal does not write)
    return (int(flags | tree.state.flags), [int(c) for c in code], int(tree.state.groups), groupindex, tuple(indexgroup))


def _from_entry(pattern, entry) -> re.Pattern:
    final_flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, final_flags, code, groups - 1, groupindex, indexgroup)


def _cached_compile(p, flags=0):
    """`re._compiler.compile` with the matcher code of a string pattern kept in the cache."""
    orig = _state["orig"]
    if not isinstance(p, (str, bytes)) or not isinstance(flags, int):
        return orig(p, flags)   # (a parse tree: rxfilter's sub-alternations)
    key = (p, int(flags))
    hit = _state["entries"].get(key)
    if hit is not None:
        try:
            compiled = _from_entry(p, hit)
            _state["used"].add(key)
            return compiled
        except Exception:   # a foreign or damaged entry: compile it afresh
            pass
    try:
        entry = _entry(_parser.parse(p, flags), flags)
        compiled = _from_entry(p, entry)
    except re.error:
        raise
    except Exception:   # an interpreter whose internals differ: re's own compile, uncached
        return orig(p, flags)
    _remember(key, entry)
    return compiled


def _remember(key, value) -> None:
    _state["entries"][key] = value
    _state["used"].add(key)
    _state["dirty"] = True


def recall(key: tuple):
    """What `remember` kept under `key` on this or an earlier run; None when nothing (or when the
    cache is off, or not loaded: it is loaded by the first `compiling()` block)."""
    entries = _state["entries"]
    if not entries:
        return None
    value = entries.get(key)
    if value is not None:
        _state["used"].add(key)
    return value


def remember(key: tuple, value) -> None:
    """Keep `value` (made of what marshal writes) under `key` (a tuple whose first item names
    its user) for later runs, when the cache is loaded."""
    if _state["entries"] is not None:
        with _lock:
            _remember(key, value)


def compile_tree(key: tuple, tree_of) -> re.Pattern:
    """`re._compiler.compile(tree_of(), flags)` for a parse tree that is known by `key`: from the
    cache when an earlier run compiled it, else built (and kept, when the cache is loaded)."""
    hit = recall(key)
    if hit is not None:
        try:
            return _from_entry(None, hit)
        except Exception:
            pass
    tree, flags = tree_of()
    if _state["entries"] is None or _sre is None:
        return re._compiler.compile(tree, flags)
    try:
        entry = _entry(tree, flags)
        compiled = _from_entry(None, entry)
    except re.error:
        raise
    except Exception:
        return re._compiler.compile(tree, flags)
    remember(key, entry)
    return compiled


@contextlib.contextmanager
def compiling():
    """Within the block, patterns compiled by `re` come from (and go to) the on-disk cache."""
    if _sre is None or _folder() is None:
        yield
        return
    with _lock:
        if _state["entries"] is None:
            _state["entries"] = _load()
            atexit.register(_save)
        if _state["depth"] == 0:
            _state["orig"] = _compiler.compile
            _compiler.compile = _cached_compile
        _state["depth"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["depth"] -= 1
            if _state["depth"] == 0:
                _compiler.compile = _state["orig"]
