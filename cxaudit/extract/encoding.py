"""Turn document bytes into text: BOM, declared charset, <meta charset>, detection, UTF-8 fallback."""

from __future__ import annotations

import codecs
import functools
import re

_BOMS = (
    # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Browsers treat these labels as windows-1252 (WHATWG Encoding); pages rely on it.
_ALIASES = {
    "iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "latin1": "windows-1252",
    "latin-1": "windows-1252", "l1": "windows-1252", "us-ascii": "windows-1252",
    "ascii": "windows-1252", "cp819": "windows-1252", "x-sjis": "shift_jis",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.()-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)["']""")

_DETECT_BYTES = 64 * 1024
_HIGH = bytes(range(0x80, 0x100))


def decode(data: bytes, declared: str | None = None, html: bool = False) -> str:
    """Decode `data`; never raises. `declared` is a charset from HTTP or the caller."""
    text, _ = decode_with_name(data, declared, html)
    return text


def decode_with_name(data: bytes, declared: str | None = None, html: bool = False) -> tuple[str, str]:
    """Like decode(), and also return the encoding that was used."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), name
    guess = _utf16_without_bom(data)
    if guess:
        return data.decode(guess, errors="replace"), guess
    for label in (declared, _sniff_meta(data) if html else None):
        name = _lookup(label)
        if name:
            if name != "utf-8" and _single_byte(name) and _valid_utf8_not_ascii(data):
                # Valid multi-byte UTF-8 is never legacy text by accident: the label is wrong
                # (a common server default), and following it would only produce mojibake.
                return data.decode("utf-8"), "utf-8"
            return data.decode(name, errors="replace"), name
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8"
    if _western(data):
        return data.decode("cp1252", errors="replace"), "cp1252"
    name = _detect(data)
    if name:
        try:
            return data.decode(name, errors="replace"), name
        except LookupError:
            pass
    return data.decode("utf-8", errors="replace"), "utf-8"


def _lookup(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page can only say "utf-16" in a <meta> if it is ASCII-compatible, so it means utf-8.
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"
    return name


def _sniff_meta(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def _utf16_without_bom(data: bytes) -> str | None:
    """Mostly-Latin UTF-16 has a zero in every other byte; nothing else does."""
    sample = data[:4096]
    n = len(sample) // 2
    if n < 4:
        return None
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    if odd_zero > 0.4 * n and even_zero < 0.05 * n:
        return "utf-16-le"
    if even_zero > 0.4 * n and odd_zero < 0.05 * n:
        return "utf-16-be"
    return None


@functools.lru_cache(maxsize=64)
def _single_byte(name: str) -> bool:
    try:
        return len(bytes(range(256)).decode(name, errors="replace")) == 256
    except (LookupError, ValueError):
        return False


def _valid_utf8_not_ascii(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _western(data: bytes) -> bool:
    """Mostly ASCII with a few high bytes that are valid windows-1252: Western European text.

    Statistical detection is unreliable on short texts with one or two accented letters or
    smart quotes (it may answer Cyrillic); text in other scripts has far more high bytes.
    """
    sample = data[:_DETECT_BYTES]
    high = len(sample) - len(sample.translate(None, _HIGH))
    if not sample or high > 0.1 * len(sample):
        return False
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8, or UTF-8 with a few broken bytes among many good multi-byte characters."""
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        pass
    text = data[:_DETECT_BYTES].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    # Legacy 8-bit text almost never forms a valid multi-byte sequence by chance.
    return good > 0 and bad <= 4 * good


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return None
    best = from_bytes(data[:_DETECT_BYTES]).best()
    return best.encoding if best is not None else None
