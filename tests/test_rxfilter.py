"""cxaudit.rxfilter: a veto list searched through its required literals finds exactly what the plain
alternation finds (same truth, same span, same groups), on every veto list of the rule packs."""

from __future__ import annotations

import html
import pickle
import random
import re
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxaudit.rxfilter import RxFilter, alternation, compile_any_of, fold, required_literals

ROOT = Path(__file__).resolve().parent.parent
VETO_KEYS = ("veto", "veto_before", "veto_after", "veto_clause", "veto_lead", "veto_law")


def _veto_lists():
    out = []
    for lang in ("en", "zh"):
        for f in sorted((ROOT / "rules" / lang).glob("*.yaml")):
            data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
            for key in VETO_KEYS:
                pats = [str(p) for p in data.get(key) or ()]
                if len(pats) >= 2:
                    out.append((f"{lang}/{f.name}:{key}", tuple(pats)))
    return out


VETO_LISTS = _veto_lists()


def _plain(pats):
    try:
        return re.compile(alternation(pats), re.I)
    except re.error:
        return None


def _sentences():
    texts = []
    for lang in ("en", "zh"):
        for item in yaml.safe_load((ROOT / "tests" / "accuracy" / f"{lang}.yaml").read_text(encoding="utf-8")):
            texts.append(str(item["text"]))
    for f in sorted((ROOT / "sample_sites").rglob("*")):
        if f.suffix not in (".md", ".txt", ".html", ".yaml") or not f.is_file():
            continue
        text = f.read_text(encoding="utf-8", errors="replace")
        if f.suffix == ".html":
            text = html.unescape(re.sub(r"(?s)<(script|style)\b.*?</\1>|<[^>]+>", "\n", text))
        for line in text.splitlines():
            line = " ".join(line.split())
            if len(line) < 4:
                continue
            texts.append(line)
            # and each sentence of a long line, as the matcher sees them
            texts.extend(s for s in re.split(r"(?<=[.!?。！？；;])\s*", line) if len(s) >= 4 and s != line)
    return list(dict.fromkeys(texts))


SENTENCES = _sentences()


def _same(m1, m2):
    if m1 is None or m2 is None:
        return m1 is None and m2 is None
    return m1.span() == m2.span() and m1.groups() == m2.groups()


def test_the_corpus_is_big_enough():
    assert len(SENTENCES) >= 2000
    assert len(VETO_LISTS) >= 40
    assert any(isinstance(compile_any_of(p), RxFilter) for _, p in VETO_LISTS)


@pytest.mark.parametrize("name,pats", VETO_LISTS, ids=[n for n, _ in VETO_LISTS])
def test_filtered_search_is_the_alternation(name, pats):
    plain = _plain(pats)
    if plain is None:
        with pytest.raises(re.error):
            compile_any_of(pats)
        return
    filtered = compile_any_of(pats)
    rnd = random.Random(name)
    for s in SENTENCES:
        assert _same(plain.search(s), filtered.search(s)), (name, s)
        # the matcher's windows: 40 characters either side of a value, the sentence up to one
        a = rnd.randrange(len(s))
        for lo, hi in ((max(0, a - 40), a), (a, a + 40), (0, a), (a, sys.maxsize), (-5, a), (a, a - 3)):
            assert _same(plain.search(s, lo, hi), filtered.search(s, lo, hi)), (name, s, lo, hi)
        assert [m.span() for m in plain.finditer(s)] == [m.span() for m in filtered.finditer(s)], (name, s)


def _pieces(pats):
    """Words, phrases and characters of the patterns themselves, to build texts that hit them."""
    pieces = set()
    for p in pats:
        for lit in re.findall(r"[^\W\d_]+(?:\s[^\W\d_]+)?|[\u4e00-\u9fff]+|\d+", p):
            pieces.add(lit)
        for lits in [required_literals(p)] + [required_literals(b) for b in p.split("|")]:
            pieces.update(lits or ())
    return sorted(pieces)


_FILLERS = [" ", " ", "  ", ", ", ". ", ": ", "|", "(", ")", "-", "’", "'", "$", "£", "5", "14", "30 days",
            "，", "。", "、", "：", "\n", "İ", "ı", "ſ", "\u212a", "ß", "Σ"]


@st.composite
def _text_for(draw):
    name, pats = draw(st.sampled_from(VETO_LISTS))
    pieces = _pieces(pats)
    parts = draw(st.lists(st.one_of(st.sampled_from(pieces), st.sampled_from(_FILLERS)), max_size=14))
    case = draw(st.sampled_from([str, str.upper, str.title, str.swapcase]))
    return name, pats, case("".join(parts))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text_for(), st.integers(min_value=-3, max_value=200), st.integers(min_value=0, max_value=200))
def test_filtered_search_is_the_alternation_on_texts_made_of_its_literals(case, lo, hi):
    name, pats, text = case
    plain = _plain(pats)
    if plain is None:
        return
    filtered = compile_any_of(pats)
    assert _same(plain.search(text), filtered.search(text)), (name, text)
    assert _same(plain.search(text, lo, hi), filtered.search(text, lo, hi)), (name, text, lo, hi)
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in filtered.finditer(text)]


# ----------------------------------------------------------------------------- literal derivation


@pytest.mark.parametrize("pattern,expected", [
    (r"\bfree\s+returns\b", {"returns"}),                          # the longer run; \b does not break one
    (r"\bin any event\b", {"in any event"}),
    (r"^\s*(?:ago|years old)\b", {"ago", "years old"}),            # a branch: the union of its branches
    (r"\b(?:choose|pick)\s+a\s+", {"choose", "pick"}),               # a group is its content
    (r"\b(?:choose|pick)\s+your\s+", {"your"}),                      # (a tie goes to fewer literals)
    (r"(?:registration|delivered)\s+by", {"registration", "delivered"}),
    (r"(?:registration|register(?:ed)?)\s+now", {"regist"}),        # (re's parser moves a shared start out)
    (r"(?:we\s+)?(?:will\s+)?refund", {"refund"}),                 # optional parts contribute nothing
    (r"(?<!free\s)\bdelivery\b", {"delivery"}),                    # nor does a lookbehind
    (r"(?<=order\s)no\b", None),                                   # ... so nothing is left
    (r"(?:abc)+x", {"abc"}),                                       # a repeat of at least one is its content
    (r"(?:abc)*x", None),
    (r"\b(?:each|per|once)\s+$|\bon\s+$", None),                   # one branch too short: the alternation too
    (r"[$£€]\s?\d+", None),                                        # classes only
    (r"\b16\s+C\.?F\.?R\b", None),
    (r"RETURNS", {"returns"}),                                     # lower-cased, as the text will be
    (r"(?i:order|buy)\s+a", {"order", "buy"}),                   # a scoped re.I is no change
    (r"(?-i:\b[A-Z][a-z]+\s+says)", None),                         # any other inline flag: always searched
    (r"(?x) free \s+ delivery", None),                             # a global one too
    (r"发票[^。]*$", {"发票"}),                                      # two Chinese characters are enough
    (r"第\s*$", None),                                             # one is not
])
def test_required_literals(pattern, expected):
    got = required_literals(pattern)
    assert (None if got is None else set(got)) == expected


def test_fold_is_how_re_ignorecase_compares_characters():
    """fold keeps the length and maps characters re.I holds equal to the same character: the
    simple lower-case mapping (_sre.unicode_tolower) plus re's extra equivalences."""
    import _sre
    from re._casefix import _EXTRA_CASES

    rep = {}
    for lo, others in _EXTRA_CASES.items():
        rep[lo] = min((lo,) + others)
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folded = fold(chars)
    assert len(folded) == len(chars)
    for ch, f in zip(chars, folded):
        lo = _sre.unicode_tolower(ord(ch))
        assert ord(f) == rep.get(lo, lo), hex(ord(ch))
    # in context too: a final sigma, a dotted capital I
    assert fold("ΟΔΟΣ") == fold("οδοσ") == fold("οδος")
    assert fold("İSTANBUL") == "istanbul"


@pytest.mark.parametrize("text", ["THİS ORDER", "thıs order", "ThIS order", "Tᴴis", "ſhipping", "\u212aeep"])
def test_odd_cases_match_as_re_does(text):
    pats = [r"\bthis\s+order", r"shipping\b", r"\bkeep", r"abc", r"defg", r"hijk", r"lmno", r"pqrs"]
    plain, filtered = _plain(pats), compile_any_of(pats)
    assert isinstance(filtered, RxFilter)
    assert _same(plain.search(text), filtered.search(text))


# ----------------------------------------------------------------------------- the object itself


PATS = [r"\bfirst\b", r"(second)\s+(\w+)", r"\bthird", r"x\d+", r"fourth|fifth", r"sixth", r"seventh", r"(?P<e>eighth)"]


def test_leftmost_match_and_first_pattern_at_a_tie():
    plain, filtered = _plain(PATS), compile_any_of(PATS)
    for text in ["a third then first", "first third", "x12 second one", "fifth fourth", "Second Thing and eighth",
                 "nothing here", "", "eighth"]:
        m1, m2 = plain.search(text), filtered.search(text)
        assert _same(m1, m2), text
        if m1:
            assert m1.group() == m2.group() and m1.groupdict() == m2.groupdict()
    # a tie at one start: the earlier pattern wins, as in the alternation
    ties = compile_any_of([r"\bfirst", r"\bfirst\s+one"] + PATS)
    assert ties.search("the first one").group() == "first"


def test_pos_endpos_and_finditer():
    plain, filtered = _plain(PATS), compile_any_of(PATS)
    text = "third, second item, x9 and first"
    for lo in range(-2, len(text) + 2):
        for hi in range(lo - 1, len(text) + 3, 3):
            assert _same(plain.search(text, lo, hi), filtered.search(text, lo, hi)), (lo, hi)
            assert _same(plain.match(text, lo, hi), filtered.match(text, lo, hi)), (lo, hi)
    assert [m.span() for m in filtered.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert list(filtered.finditer("none at all")) == []


def test_back_references_keep_their_numbering():
    pats = [r"(ab)c", r"d(e)f", r"\b(xyz)-\1\b", r"(q)(?(1)rst|uvw)tail", r"klmn", r"opqr", r"stuv", r"wxyz"]
    plain, filtered = _plain(pats), compile_any_of(pats)
    for text in ["xyz-xyz", "xyz-abc", "qrsttail", "uvwtail", "abc xyz-xyz", "nothing"]:
        assert _same(plain.search(text), filtered.search(text)), text


def test_what_it_cannot_filter_is_a_plain_pattern():
    assert isinstance(compile_any_of([r"\d+", r"[a-z]", r"\s", r".", r"x?", r"ab", r"[0-9]+", r"\W"]), re.Pattern)
    with pytest.raises(re.error):
        compile_any_of([r"good", r"(bad", r"fine", r"okay", r"more", r"words", r"here", r"too"])
    with pytest.raises(re.error):   # rejected only by the compiler, not the parser
        compile_any_of([r"(?<=a+)b", r"fine", r"okay", r"more", r"words", r"here", r"too", r"last"])


def test_pickles_and_compares():
    filtered = compile_any_of(PATS)
    again = pickle.loads(pickle.dumps(filtered))
    assert again == filtered and hash(again) == hash(filtered)
    assert again.search("a fifth").span() == filtered.search("a fifth").span()
    assert filtered.pattern == alternation(PATS)


def test_the_rule_packs_use_it_for_long_lists():
    from cxaudit.rulepack import load_rules

    rules = load_rules()
    en = rules.common["en"]
    assert len(en.veto_clause) == 1 and isinstance(en.veto_clause[0], RxFilter)
    # a short list stays plain (a pack's veto of fewer than eight patterns)
    sizes = {p.kind: (len(yaml.safe_load((ROOT / "rules" / "en" / f"{p.kind}.yaml").read_text(encoding="utf-8"))["veto"]),
                      isinstance(p.veto[0], RxFilter)) for p in rules.for_lang("en") if p.veto}
    assert any(not filtered for _, filtered in sizes.values())
    assert all(filtered == (n >= 8) for n, filtered in sizes.values()), sizes
