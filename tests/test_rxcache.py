"""The on-disk cache of compiled regular expressions: a pattern from the cache behaves exactly as
`re` compiles it, and a damaged or foreign cache file is ignored."""

import marshal
import re

import pytest

from cxaudit import rxcache

PATTERNS = [
    (r"(?i)\bwithin\s+(?P<n>\d+)\s+(?:business\s+)?days?\b", 0),
    (r"(?<![\w$])(?-i:R)\s?(?P<a>\d{1,3}(?:[ \u00a0]\d{3})+)(?![\d.,]\d)", re.I),
    (r"^\W*(?:if|unless)\b[^.;:!?]{0,90}?(?:n['’]t|\bnot)\s+(?:\w+\s+){1,2}(?:within|in)\s+$", re.I),
    (r"(?:满|滿)\s*(\d+)\s*元?(?:包邮|免运费)", 0),
    (r"(a)|(b)|(?P<c>c)\1?", re.I | re.M),
    (r"[^\u3400-\u9fff]{3,}?[.!?](?=\s|$)", 0),
]
TEXTS = ["Refunds within 5 business days.", "FREE over R1 500 and r2 000", "If it doesn't arrive within ",
         "满99元包邮", "ABC cab", "An English sentence here. 中文。"]


def _behaviour(rx: re.Pattern) -> tuple:
    return (rx.pattern, rx.flags, rx.groups, dict(rx.groupindex),
            [(m.span(), m.groups()) for t in TEXTS for m in rx.finditer(t)])


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CXAUDIT_RX_CACHE", str(tmp_path))
    saved = dict(rxcache._state)
    rxcache._state.update(entries=None, used=set(), dirty=False, path=None)
    yield tmp_path
    rxcache._state.clear()
    rxcache._state.update(saved)
    re.purge()


def _compile_all():
    re.purge()
    with rxcache.compiling():
        return [re.compile(p, f) for p, f in PATTERNS]


def test_a_pattern_from_the_cache_behaves_as_re_compiles_it(fresh_cache):
    expected = [_behaviour(re.compile(p, f)) for p, f in PATTERNS]
    cold = _compile_all()
    assert [_behaviour(rx) for rx in cold] == expected
    rxcache._save()
    assert list(fresh_cache.glob("rx-*.marshal"))
    # a new process: the entries come from the file, and compile to the same behaviour
    rxcache._state.update(entries=None, used=set(), dirty=False, path=None)
    warm = _compile_all()
    assert [_behaviour(rx) for rx in warm] == expected
    assert not rxcache._state["dirty"]   # (every pattern was found in the file)
    assert re._compiler.compile is not rxcache._cached_compile   # (re is itself again outside the block)


def test_a_damaged_cache_file_is_ignored(fresh_cache):
    _compile_all()
    rxcache._save()
    path = next(fresh_cache.glob("rx-*.marshal"))
    path.write_bytes(b"not a cache")
    rxcache._state.update(entries=None, used=set(), dirty=False, path=None)
    assert [_behaviour(rx) for rx in _compile_all()] == [_behaviour(re.compile(p, f)) for p, f in PATTERNS]
    assert rxcache._state["dirty"]   # (compiled afresh, to be written again)


def test_the_cache_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("CXAUDIT_RX_CACHE", "0")
    with rxcache.compiling():
        assert re._compiler.compile is not rxcache._cached_compile


VETOES = (r"\bregist(?:er|ration)\b", r"\bin\s+any\s+event\b", r"\bfor\s+example\b", r"(?<!not\s)\bstatutory\b",
          r"\b(?:e\.g\.|such\s+as)\s", r"\b(\w+)\s+\1\b", r"\d+\s*(?:days?|weeks?)\s+(?:notice|prior)\b")
SENTENCES = ["Register within 30 days for an extra year.", "In any event, refunds take 5 days.",
             "For example, an order placed Monday ships Tuesday.", "Your statutory rights are not affected.",
             "Give us 14 days notice to cancel.", "Returns are free free of charge.", "Ships in 2 days.",
             "Items such as earrings cannot be returned.", "Not statutory: our own 60-day promise."]


def _finds(rx) -> list:
    return [(m.span(), m.groups()) if m else None for s in SENTENCES for m in (rx.search(s), rx.search(s, 3, 30))]


def _new_process():
    rxcache._save()
    rxcache._state.update(entries=None, used=set(), dirty=False, path=None)
    re.purge()


def test_a_filtered_alternation_comes_back_from_the_cache_without_parsing(fresh_cache):
    from cxaudit.rxfilter import RxFilter, alternation, compile_any_of

    expected = _finds(re.compile(alternation(VETOES), re.I))
    with rxcache.compiling():
        cold = compile_any_of(VETOES)
    assert isinstance(cold, RxFilter) and _finds(cold) == expected
    _new_process()
    with rxcache.compiling():
        warm = compile_any_of(VETOES)
    assert isinstance(warm, RxFilter) and warm._tree is None   # (rebuilt from the literals kept)
    assert _finds(warm) == expected            # (the searches the first run made came from the cache too)
    assert warm._tree is None and not rxcache._state["dirty"]
    # a text needing a sub-alternation no run has made parses the patterns then, and still agrees
    assert warm.search("register, for example, statutory") .span() == (0, 8)
    assert warm._tree is not None and rxcache._state["dirty"]


def test_the_cache_file_stays_under_its_size_limit(fresh_cache, monkeypatch):
    from cxaudit.rxfilter import compile_any_of

    with rxcache.compiling():
        rx = compile_any_of(VETOES)
        _finds(rx)
    whole = len(marshal.dumps((rxcache._header(), rxcache._state["entries"])))
    monkeypatch.setattr(rxcache, "_MAX_BYTES", whole - 1)
    _new_process()
    with rxcache.compiling():
        rx = compile_any_of(VETOES)
    kept = rxcache._state["entries"]
    assert kept and not any(k[0] == "any_of_part" for k in kept)   # (sub-alternations went first)
    assert _finds(rx) == _finds(re.compile("|".join(f"(?:{p})" for p in VETOES), re.I))
