"""Collect local sources: walk a file or folder in sorted order and yield Documents with their channel."""

from __future__ import annotations

import functools
import os
import posixpath
import re
import stat
from dataclasses import dataclass
from typing import Iterator, Sequence
from urllib.parse import urlsplit

from cxaudit.extract import format_for
from cxaudit.model import Document, NotRead

# Never content: tool and dependency folders (hidden folders are skipped as well).
SKIP_DIRS = frozenset({"node_modules", "__pycache__", ".git", ".venv", "venv", ".cxaudit-cache",
                       ".hg", ".svn", ".tox", ".mypy_cache", ".pytest_cache"})

# Path or URL words -> channel. Matched against whole tokens (split on / - _ . and spaces) and
# pairs of adjacent tokens ("call-centre", "callcentre"), never inside a word.
CHANNEL_WORDS: dict[str, str] = {}
for _channel, _words in {
    "help_centre": "help support faq faqs kb knowledge knowledgebase knowledge-base helpcenter "
                   "helpcentre help-center help-centre helpdesk customer-service",
    "policy": "policy policies terms legal tos returns-policy privacy terms-of-service "
              "terms-and-conditions conditions t&c gtc",
    "call_centre": "script scripts call calls ivr callcentre call-centre callcenter call-center "
                   "phone telephone contact-centre contactcentre",
    "ads": "ads ad-copy adcopy campaign campaigns adwords google-ads ppc",
    "email": "email emails e-mail e-mails newsletter newsletters order-emails mailers",
    "social": "social twitter instagram facebook tiktok linkedin",
    "chat": "chat chatbot chatbots livechat live-chat macros",
}.items():
    for _w in _words.split():
        CHANNEL_WORDS[_w] = _channel

_TOKEN_SPLIT = re.compile(r"[/\-_.\s]+")


@dataclass(frozen=True)
class Skipped:
    """A file that is not read because of its type; counted, not an error."""

    uri: str
    reason: str


def infer_channel(uri: str, fmt: str | None) -> str:
    """Channel from the words of a path or URL; the most specific part (file name, deepest folder) wins."""
    is_url = "://" in uri
    parts: list[str] = []
    if is_url:
        split = urlsplit(uri)
        host = (split.hostname or "").split(".")
        # Subdomains only (help.shop.com), not the site's own name.
        sub = host[:-2] if len(host) > 2 else []
        parts = [p for p in split.path.split("/") if p]
        parts = [s for s in sub if s != "www"] + parts
    else:
        parts = [p for p in uri.replace("\\", "/").split("/") if p and p not in (".", "..")]
    for part in reversed(parts):
        channel = _channel_of(part, fmt)
        if channel:
            return channel
    return "website" if is_url or fmt == "html" else "other"


def _channel_of(part: str, fmt: str | None) -> str | None:
    tokens = [t for t in _TOKEN_SPLIT.split(part.lower()) if t]
    if fmt and tokens and tokens[-1] in ("html", "htm", "md", "markdown", "txt", "pdf", "docx",
                                         "json", "yaml", "yml"):
        tokens = tokens[:-1]
    found: str | None = None
    for i, tok in enumerate(tokens):
        pair = tokens[i + 1] if i + 1 < len(tokens) else None
        for cand in ((tok + "-" + pair, tok + pair) if pair else ()) + (tok,):
            channel = CHANNEL_WORDS.get(cand)
            if channel:
                # Within one name the last match is the most specific: "help-returns-policy".
                found = channel
                break
    return found


def channel_for(uri: str, fmt: str | None, channel: str | None,
                channel_globs: Sequence[tuple[str, str]] = (), rel: str | None = None) -> str:
    """The channel given, else the first matching glob, else the one inferred from the path.

    Globs are gitignore-style (`**` crosses folders, `*` does not; "dir/" means everything
    under it; a glob without "/" matches the file name) and are tried against the uri and
    against `rel`, the path inside the folder being walked.
    """
    if channel:
        return channel
    if channel_globs:
        path = uri.replace("\\", "/")
        candidates = [path[2:] if path.startswith("./") else path]
        if rel:
            candidates.append(rel)
        name = path.rsplit("/", 1)[-1]
        for pattern, chan in channel_globs:
            rx = _glob_regex(pattern)
            if any(rx.match(c) for c in candidates):
                return chan
            if "/" not in pattern.rstrip("/") and rx.match(name):
                return chan
    return infer_channel(_significant(uri, rel), fmt)


@functools.lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern:
    pattern = pattern.replace("\\", "/")
    pattern = pattern[2:] if pattern.startswith("./") else pattern
    if pattern.endswith("/"):
        pattern += "**"
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


def _significant(uri: str, rel: str | None = None) -> str:
    """The part of a path that speaks of its content: the path inside the folder being walked
    and that folder's own name ("scripts/" given on the command line), or for a file given alone
    its name and its folder's. Folders above say nothing about it: a corpus kept under
    "/work/acme-phones/site/" is not a call script because the brand sells phones."""
    path = uri.replace("\\", "/").rstrip("/")
    if rel is not None and path.endswith("/" + rel):
        above = path[: -len(rel) - 1].rsplit("/", 1)[-1]
        return rel if above in ("", ".", "..") else f"{above}/{rel}"
    return "/".join(path.split("/")[-2:])


def walk(target: str, channel: str | None, channel_globs: Sequence[tuple[str, str]] = (),
         follow_symlinks: bool = False) -> Iterator[Document | NotRead | Skipped]:
    """Documents under `target` (a file or folder), depth first in name order.

    Unsupported files are Skipped; unreadable folders and broken links are NotRead; a target
    that does not exist is NotRead too (one mistyped source never sinks an audit; the CLI fails
    only when nothing at all was read). Symlinked folders are followed only with
    follow_symlinks, and a folder reached twice (a link loop) is walked once.
    """
    if not os.path.lexists(target):
        yield NotRead(target, "no such file or folder")
        return
    # One spelling per place ("./x.md" and "x.md", "site/" and "./site"): uris, and so promise
    # ids, must not depend on how the path was typed.
    base = posixpath.normpath(target.replace("\\", "/"))

    def file_entry(uri: str, path: str, broken: bool) -> Document | NotRead | Skipped:
        fmt = format_for(uri)
        if fmt is None:
            return Skipped(uri, "unsupported file type")
        if broken:
            return NotRead(uri, "broken symlink")
        rel = (uri if base == "." else uri[len(base):].lstrip("/")) if _under(uri, base) else None
        return Document(uri=uri, channel=channel_for(uri, fmt, channel, channel_globs, rel), fmt=fmt,
                        path=path)

    try:
        st = os.stat(target)
    except OSError:
        # lexists but stat fails: a dangling link given directly.
        yield file_entry(base, target, True)
        return
    if not stat.S_ISDIR(st.st_mode):
        yield file_entry(base, target, False)
        return

    visited: set[tuple[int, int]] = {(st.st_dev, st.st_ino)}
    root_real = os.path.realpath(target)
    # One frame per open folder: (its remaining entries in name order, its uri). Iterating
    # instead of recursing keeps deep trees safe; files and folders interleave by name.
    frames: list[tuple[Iterator[os.DirEntry], str]] = []
    listed = _list(target, base)
    if isinstance(listed, NotRead):
        yield listed
        return
    frames.append((iter(listed), base))
    while frames:
        entries, uri = frames[-1]
        entry = next(entries, None)
        if entry is None:
            frames.pop()
            continue
        name = entry.name
        if name.startswith("."):
            continue
        child_uri = name if uri == "." else posixpath.join(uri, name)
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_link, is_dir = True, False
        if not is_dir:
            broken = is_link and not os.path.exists(entry.path)
            yield file_entry(child_uri, entry.path, broken)
            continue
        if name in SKIP_DIRS or (is_link and not follow_symlinks):
            continue
        try:
            dst = entry.stat(follow_symlinks=True)
        except OSError as e:
            yield NotRead(child_uri, f"cannot read folder: {e.strerror or e}")
            continue
        key = (dst.st_dev, dst.st_ino)
        if key in visited:
            continue   # a link loop or a second link to the same folder
        if is_link and _inside(os.path.realpath(entry.path), root_real):
            continue   # walked (or to be walked) under its real name; also ends loops to ancestors
        visited.add(key)
        listed = _list(entry.path, child_uri)
        if isinstance(listed, NotRead):
            yield listed
        else:
            frames.append((iter(listed), child_uri))


def _under(uri: str, base: str) -> bool:
    """Whether uri is inside the folder base (both "/"-separated and normalised)."""
    if uri == base:
        return False
    return base == "." or uri.startswith(base.rstrip("/") + "/")


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _list(path: str, uri: str) -> list[os.DirEntry] | NotRead:
    try:
        with os.scandir(path) as it:
            return sorted(it, key=lambda e: e.name)
    except PermissionError:
        return NotRead(uri, "permission denied")
    except OSError as e:
        return NotRead(uri, f"cannot read folder: {e.strerror or e}")
