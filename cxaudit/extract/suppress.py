"""Inline suppression comments: which kinds or rules each block asks the audit to ignore.

    <!-- cxaudit-disable return_window, contradiction -->  ...  <!-- cxaudit-enable -->
    <!-- cxaudit-disable-next-line -->                       (next block only)
    Returns within 30 days.   # cxaudit: ignore return_window (.txt: this line's block)

No names means everything ("*").
"""

from __future__ import annotations

import re

ALL = ("*",)

_DIRECTIVE = re.compile(r"cxaudit-(disable-next-line|disable|enable)\b([^>\n]*)", re.IGNORECASE)
_IGNORE = re.compile(r"cxaudit:\s*ignore\b([^\n]*)", re.IGNORECASE)
# What may stand before "cxaudit: ignore" on the same line: a comment opener.
_IGNORE_TAIL = re.compile(r"\s*(?:#|//|--|<!--|\[|\(|/\*)?\s*cxaudit:\s*ignore\b.*$", re.IGNORECASE)
_COMMENT_LINE = re.compile(r"^\s*(?:#|//|<!--|/\*)")
_NAME = re.compile(r"[A-Za-z0-9_.*-]+")


def names(raw: str) -> tuple[str, ...]:
    """Names listed after a directive, comma or space separated; none means all."""
    raw = raw.replace("-->", " ").replace("*/", " ")
    found = tuple(n for n in (t.strip("-.") for t in _NAME.findall(raw)) if n)
    return tuple(sorted(set(found))) if found else ALL


def parse(comment: str) -> tuple[str, tuple[str, ...]] | None:
    """('disable' | 'enable' | 'disable-next-line', names) for a directive comment, else None."""
    m = _DIRECTIVE.search(comment)
    if not m:
        return None
    return m.group(1).lower(), names(m.group(2))


def parse_ignore(line: str) -> tuple[str, tuple[str, ...], bool] | None:
    """For a `cxaudit: ignore [names]` line: (line without the comment, names, comment-only line)."""
    m = _IGNORE.search(line)
    if not m:
        return None
    rest = _IGNORE_TAIL.sub("", line).rstrip()
    alone = not rest.strip() or bool(_COMMENT_LINE.match(line))
    return rest, names(m.group(1)), alone


class Suppressor:
    """Tracks open disable regions and a pending next-line directive while a reader walks a document."""

    __slots__ = ("_region", "_next")

    def __init__(self) -> None:
        self._region: set[str] = set()
        self._next: set[str] = set()

    def comment(self, text: str) -> bool:
        """Apply a comment's directive, if it is one. Returns True when it was a directive."""
        parsed = parse(text)
        if parsed is None:
            return False
        self.apply(*parsed)
        return True

    def apply(self, action: str, which: tuple[str, ...]) -> None:
        if action == "disable":
            self._region.update(which)
        elif action == "enable":
            if which == ALL:
                self._region.clear()
            else:
                self._region.difference_update(which)
        else:
            self._next.update(which)

    def next_block(self, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Names for the block being emitted now; consumes a pending next-line directive."""
        if not self._region and not self._next and not extra:
            return ()
        out = self._region | self._next | set(extra)
        self._next = set()
        return ALL if "*" in out else tuple(sorted(out))
