"""Numbers as written by people: digits, number words, "a couple of", "a fortnight"."""

from __future__ import annotations

import re

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

WORDS: dict[str, float] = {w: float(i) for i, w in enumerate(_UNITS)}
for _t, _tw in enumerate(_TENS):
    if not _tw:
        continue
    WORDS[_tw] = float(_t * 10)
    for _u in range(1, 10):
        for _sep in ("-", " ", ""):
            WORDS[f"{_tw}{_sep}{_UNITS[_u]}"] = float(_t * 10 + _u)
WORDS.update({
    "a": 1.0, "an": 1.0, "one hundred": 100.0, "a hundred": 100.0, "hundred": 100.0,
    "a couple of": 2.0, "a couple": 2.0, "couple of": 2.0, "a single": 1.0, "single": 1.0,
    "half an": 0.5, "half a": 0.5, "a half": 0.5, "one and a half": 1.5,
    "a dozen": 12.0, "dozen": 12.0,
})


def alternation(words) -> str:
    """A regular expression matching any of `words`, written as a prefix tree ("t(?:en|w(?:o|enty))"):
    a flat alternation of 250 number words made the engine try every word at every word start,
    which was most of the value grammar's time. At each branch the longer words come first, so
    "twenty-one" still wins over "twenty"; a space in a word matches any run of whitespace."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(" " if ch.isspace() else ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(r"\s+" if k == " " else re.escape(k)) + emit(node[k]) for k in sorted(node) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


WORD_ALT = alternation(WORDS)
# "one hundred twenty (120) nights", "three hundred and sixty-five days": trial and guarantee
# lengths run past a hundred. One pattern for the hundreds, then any number word below a hundred.
_BELOW_100 = [w for w, v in WORDS.items() if 1 <= v < 100 and (w in _UNITS or w.startswith(tuple(_TENS[2:])))]
_HUNDREDS = (rf"(?:{alternation(_UNITS[1:10] + ['a'])})\s+hundred"
             rf"(?:\s+(?:and\s+)?(?:{alternation(_BELOW_100)})(?![\w]))?")
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# (?<![\w.]) keeps "v2.5" and "A4" from yielding numbers.
NUM = rf"(?<![\w.$£€¥/:])(?:{DIGITS}|{_HUNDREDS}(?![\w])|(?:{WORD_ALT})(?![\w]))"
_HUNDREDS_RE = re.compile(rf"(?P<h>[a-z]+)\s+hundred(?:\s+(?:and\s+)?(?P<rest>.+))?")


def parse_number(text: str) -> float | None:
    """'3' -> 3.0, '1,000' -> 1000.0, 'twenty-one' -> 21.0, 'a couple of' -> 2.0; None if not a number."""
    t = " ".join(text.lower().split())
    if not t:
        return None
    if t[0].isdigit():
        try:
            return float(t.replace(",", ""))
        except ValueError:
            return None
    m = _HUNDREDS_RE.fullmatch(t)
    if m:
        head = 1.0 if m.group("h") == "a" else WORDS.get(m.group("h"))
        rest = WORDS.get(m.group("rest"), None) if m.group("rest") else 0.0
        if head is not None and rest is not None and head < 10 and rest < 100:
            return head * 100 + rest
    return WORDS.get(t)
