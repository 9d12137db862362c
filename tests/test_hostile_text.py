"""Any text gives a result or nothing, never an exception, in bounded time (issue 9 items 1 and 6)."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxaudit.api import extract_text
from cxaudit.errors import ReadError
from cxaudit.extract import read_blocks
from cxaudit.model import Document
from cxaudit.normalize import values
from cxaudit.normalize.numbers import parse_number

TRICKY = st.sampled_from(["\u200d", "\u200b", "\u202e", "\u0301", "\x00", "\x1b[31m", "\ufeff", "–", "—", "$", "£",
                          "€", "24/7", "3-5", "business days", "within", "free", "Mon–Fri", "9am–5pm", "一", "天",
                          "满99元包邮", "\n", "|", "(30)", "thirty", "a couple of"])
TEXT = st.lists(st.one_of(st.text(max_size=40), TRICKY), max_size=30).map("".join)

FINDERS = [values.find_values, values.find_durations, values.find_money, values.find_schedules,
           values.find_free, values.find_zero_windows]


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_value_grammar_never_raises(text):
    for finder in FINDERS:
        for v in finder(text):
            assert 0 <= v.start <= v.end <= len(text)
    parse_number(text)


@settings(max_examples=80, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extraction_never_raises(text):
    for p in extract_text(text, lang="auto"):
        assert p.kind and 0 <= p.confidence <= 1
        s, e = p.span
        assert 0 <= s <= e <= len(p.text)


ADVERSARIAL = [
    "1" * 100_000, "-" * 100_000, "day " * 25_000, "3-" * 50_000, "$" * 50_000, "within " * 15_000,
    "Mon-" * 25_000, "9-" * 50_000, "a " * 50_000, "twenty-" * 15_000, "(1)" * 30_000, "1,000," * 20_000,
    "one to two to three " * 5_000, "9am-" * 25_000, "天" * 100_000, "3至" * 50_000,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: repr(t[:12]))
def test_no_catastrophic_backtracking(text):
    for finder in FINDERS:
        t = time.perf_counter()
        finder(text)
        assert time.perf_counter() - t < 2.0, f"{finder.__name__} took too long"


def test_every_rule_pattern_is_bounded_on_long_input():
    """Vetoes and requirements from the rule packs also run on adversarial input."""
    from cxaudit.rulepack import load_rules

    rules = load_rules()
    patterns = [rx for p in rules.packs for rx in p.veto + p.veto_before + ((p.require,) if p.require else ())]
    for common in rules.common.values():
        patterns += list(common.veto_before + common.veto_after + common.veto_clause)
    assert patterns
    for text in ("a " * 20_000, "last " * 10_000, "$1" * 10_000, "within " * 5_000):
        t = time.perf_counter()
        for rx in patterns:
            rx.search(text)
        assert time.perf_counter() - t < 3.0


@settings(max_examples=60, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(["html", "md", "txt", "faq", "pdf", "docx"]))
def test_readers_take_any_bytes(data, fmt):
    doc = Document(uri=f"fuzz.{fmt}", channel="other", fmt=fmt, content=data)
    try:
        blocks = read_blocks(doc)
    except ReadError as err:
        assert err.reason and "\n" not in err.reason
        return
    for b in blocks:
        assert isinstance(b.text, str)


@settings(max_examples=60, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "</td></tr></table>", "<h2>",
                                 "</h2>", "<!-- cxaudit-disable -->", "<script>", "</script>", "<li>", "Ships in 3 days.",
                                 "Returns within 30 days", "&amp;", "<br>", "<svg>", "<![CDATA[", "\x00"]), max_size=60))
def test_html_reader_takes_any_tag_soup(parts):
    html = "".join(parts).encode()
    try:
        blocks = read_blocks(Document(uri="soup.html", channel="website", fmt="html", content=html))
    except ReadError:
        return
    assert all(not re.search(r"<script", b.text) for b in blocks)
