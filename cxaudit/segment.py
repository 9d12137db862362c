"""Sentence segmentation with a blank spaCy pipeline, plus per-block language detection.

spaCy is imported here and only here, lazily, so `cxaudit --help` never pays for it.
"""

from __future__ import annotations

import functools
import re

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_lang(text: str) -> str:
    """'zh' when Han characters carry the text, 'en' otherwise (cheap: counts characters)."""
    if text.isascii():
        return "en"
    han = len(_CJK.findall(text))
    if not han:
        return "en"
    latin_words = len(re.findall(r"[A-Za-z]{2,}", text))
    return "zh" if han >= latin_words else "en"


@functools.lru_cache(maxsize=4)
def pipeline(lang: str = "en"):
    """A spacy.blank pipeline with a sentencizer that also breaks at newlines and list bullets."""
    import spacy

    nlp = spacy.blank(lang)
    punct = [".", "!", "?", "\n", "\n ", "•", "·", "。", "！", "？", "；", "|", "¦", "✔", "✓", "✅", "☑", "✗", "✘"]
    if lang == "zh":
        # One token per character: the "." of "9.9元" or "1.8天" would end a sentence. Chinese
        # sentences end with "。", which stays.
        punct.remove(".")
    nlp.add_pipe("sentencizer", config={"punct_chars": punct})
    if lang == "en":
        # Abbreviations of customer-service text whose full stop ends no sentence: "Customer
        # Care (ext. 4117), open Mon.–Fri. 8am–8pm".
        from spacy.symbols import ORTH

        for abbr in _ABBREVIATIONS:
            for form in (abbr, abbr.capitalize()):
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp


_ABBREVIATIONS = ("ext.", "approx.", "incl.", "excl.", "tel.", "hrs.", "mins.", "min.", "max.", "no.", "nos.",
                  "mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.", "vs.", "cf.")


def join_lines(lines: list[str]) -> str:
    """Join lines so the tokenizer cache stays effective (a bare newline glues words together)."""
    return " \n ".join(lines)
