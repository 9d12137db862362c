"""The matcher's sentence cuts are the spaCy sentencizer's, computed on token arrays."""

from __future__ import annotations

from pathlib import Path

import yaml

from cxaudit.match import _sentence_cuts, _sentence_spans
from cxaudit.segment import pipeline

ROOT = Path(__file__).resolve().parent


def _texts(lang):
    data = yaml.safe_load((ROOT / "accuracy" / f"{lang}.yaml").read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else next(v for v in data.values() if isinstance(v, list))
    sents = [i["text"] if isinstance(i, dict) else str(i) for i in items]
    # paragraphs of several sentences, as blocks come from pages
    out = [" ".join(sents[i:i + 4]) for i in range(0, len(sents), 4)]
    out += ["Free UK delivery over £40... Returns: 30 days!! Call us (Mon–Fri) · 9–5 | Email: 24h.",
            "Refunds take 5-7 days.\nExchanges are free.", "U.S. orders ship in 2 days. Canada: 5 days?",
            "“Quoted.” Next one. (Bracketed.) Last", "...", "!", "a.b.c"]
    return out


def test_cuts_match_the_sentencizer():
    for lang in ("en", "zh"):
        nlp = pipeline(lang)
        sentencizer = nlp.get_pipe("sentencizer")
        punct = frozenset(nlp.vocab.strings.add(c) for c in sentencizer.punct_chars)
        checked = 0
        for text in _texts(lang):
            doc = sentencizer(nlp.make_doc(text))
            want = [(s.start_char, s.end_char) for s in doc.sents]
            got = _sentence_spans(_sentence_cuts(nlp.make_doc(text), punct), text)
            # the spans are the sentencizer's with trailing space trimmed and empty ones dropped
            want = [(a, a + len(text[a:b].rstrip())) for a, b in want if text[a:b].strip()]
            got = [(a, b) for a, b in got if text[a:b].strip()]
            assert got == want, text
            checked += 1
        assert checked > 50


def test_an_abbreviation_does_not_end_a_sentence_or_a_clause():
    from cxaudit.api import extract_text

    nlp = pipeline("en")
    punct = frozenset(nlp.vocab.strings.add(c) for c in nlp.get_pipe("sentencizer").punct_chars)
    text = "Call our helpline on 0800 123 456 ext. 2 from Mon. to Fri. 9am-5pm. Email us any time."
    spans = _sentence_spans(_sentence_cuts(nlp.make_doc(text), punct), text)
    assert [text[a:b] for a, b in spans] == ["Call our helpline on 0800 123 456 ext. 2 from Mon. to Fri. 9am-5pm.",
                                            "Email us any time."]
    hours = [p for p in extract_text(text) if p.kind == "support_hours"]
    assert [dict(p.scope).get("medium") for p in hours] == ["phone"]


def test_spacy_is_imported_without_its_command_line_and_that_stays_importable():
    # (a fresh interpreter: this test process may have imported spaCy already)
    import subprocess
    import sys

    code = ("import sys\n"
            "from cxaudit.segment import pipeline\n"
            "nlp = pipeline('en')\n"
            "print(sorted(m for m in sys.modules if m.startswith('spacy.cli') or m.startswith('weasel')))\n"
            "print([s.text for s in nlp('Ships in 2 days. Returns in 30 days.').sents])\n"
            "import spacy, spacy.cli\n"
            "print(callable(spacy.cli.setup_cli))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "[]"
    assert out[1] == "['Ships in 2 days.', 'Returns in 30 days.']"
    assert out[2] == "True"   # the real command line, once asked for
