"""Sentence segmentation with a blank spaCy pipeline, plus per-block language detection.

spaCy is imported here and only here, lazily, so `cxaudit --help` never pays for it.
"""

from __future__ import annotations

import functools
import re
import sys
import types

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
    spacy = _import_spacy()
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


def _import_spacy():
    """`import spacy`, without the command-line package its `__init__` imports for `spacy.info`.

    spaCy's `__init__` runs `from .cli.info import info`, and `spacy.cli` pulls in its whole
    command line (weasel, jinja2, requests, httpx's client): 0.28 s of a 0.75 s import measured
    on the 2-core machine, for code a blank pipeline never calls. A stand-in `spacy.cli.info` is
    in place during the import only and then removed, so a later `import spacy.cli` loads the
    real one. When spaCy is already imported, or its layout changes, this is a plain import.
    """
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []   # (a package, so "spacy.cli.info" resolves under it)
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info
    cli.info = info
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy
    finally:
        for name in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy


def _spacy_info(*args, **kwargs):
    """`spacy.info` as spaCy has it (only reached when someone calls it after our import)."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


_ABBREVIATIONS = ("ext.", "approx.", "incl.", "excl.", "tel.", "hrs.", "mins.", "min.", "max.", "no.", "nos.",
                  "mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.", "vs.", "cf.")


def join_lines(lines: list[str]) -> str:
    """Join lines so the tokenizer cache stays effective (a bare newline glues words together)."""
    return " \n ".join(lines)
