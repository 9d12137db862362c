"""FAQ data reader (.json/.yaml/.yml): question/answer pairs in the common shapes, as answer Blocks.

Accepted shapes, at any depth:
  - a list of {question, answer} (also q/a, title/body, name/text, Question/Answer, ...)
  - a dict with a key such as faqs/items/questions/entries holding such a list
  - categories: {category|title|section|name: ..., questions|items|faqs: [...]}, or
    {"Shipping": [...], "Returns": [...]}; category names go into the heading path
  - {"What is ...?": "answer", ...}
  - schema.org FAQPage JSON-LD (mainEntity: [{@type: Question, name, acceptedAnswer: {text}}])
"""

from __future__ import annotations

import bisect
import html as htmllib
import itertools
import json
import re
from typing import TYPE_CHECKING, Any

from cxaudit.errors import NotContent, ReadError
from cxaudit.extract.encoding import decode
from cxaudit.model import Block

if TYPE_CHECKING:
    from cxaudit.extract import Limits
    from cxaudit.model import Document

QUESTION_KEYS = ("question", "q", "questiontext", "question_text", "title", "name", "heading",
                 "prompt", "query")
ANSWER_KEYS = ("answer", "a", "answertext", "answer_text", "acceptedanswer", "suggestedanswer",
               "body", "text", "response", "reply", "content")
CATEGORY_KEYS = ("category", "title", "section", "name", "heading", "group", "topic",
                 "category_name", "categoryname", "label")
# Keys that hold a list of entries rather than name a category.
CONTAINER_KEYS = frozenset({
    "faqs", "faq", "items", "questions", "entries", "data", "results", "mainentity", "@graph",
    "sections", "categories", "children", "list", "content", "qa", "qas", "pairs", "records",
    "topics", "groups", "faqpage", "questions_and_answers", "elements", "nodes", "values",
    "articles", "posts", "docs", "documents", "pages", "rows", "hits", "export",
})
# An entry's own category field ("section": "Price Beat" beside question and answer).
ENTRY_CATEGORY_KEYS = ("category", "section", "group", "topic", "category_name", "categoryname",
                       "section_name", "sectionname", "folder", "collection")
# Exports name their fields with a format suffix: body_html, answer_text, answerMarkdown, body.plain.
_FORMAT_SUFFIX = re.compile(r"(?i)[_\-. ]?(?:html|text|plain|md|markdown|raw|rendered|content|body|value|string)$")
MAX_ALIASES = 10_000
MAX_YAML_DEPTH = 500
MAX_NODES = 1_000_000

_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|dd|dt)\b[^>]*>",
                        re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


class TooLarge(Exception):
    """The data expands to more nodes than MAX_NODES (for example through YAML aliases)."""


def strip_html(text: str) -> str:
    """Visible text of an HTML fragment, whitespace-normalised."""
    if "<" in text:
        text = _TAG.sub("", _BLOCK_TAG.sub(" ", text))
    if "&" in text:
        text = htmllib.unescape(text)
    return " ".join(text.split())


def answer_blocks(answer: str, uri: str, limits: "Limits") -> list[Block]:
    """An answer's paragraphs, list items and table rows, each under the sub-heading it stands
    under: an HTML answer ("<h3>Plus</h3><p>Free delivery</p><p>60-day returns.</p>") goes
    through the HTML reader, so a heading or a paragraph without a full stop does not run into
    the next sentence. Plain text is one block."""
    if "<" not in answer or not _BLOCK_TAG.search(answer):
        text = strip_html(answer)
        return [Block(text, None, (), "main")] if text else []
    from cxaudit.extract import html

    root = html.parse(answer, limits.max_depth)
    if root is None:
        return []
    out = []
    for b in html.walk(root, uri, limits):
        text = " ".join(b.text.split())
        if text and not (b.heading and text == b.heading[-1]):   # the sub-heading's own block
            out.append(Block(text, None, b.heading, "main", b.table, b.cells))
    return out


def read(data: bytes, doc: "Document", limits: "Limits") -> list[Block]:
    raw = decode(data, doc.encoding)
    name = (doc.path or doc.uri).lower().split("?", 1)[0]
    if name.endswith(".json"):
        try:
            docs = [json.loads(raw)]
        except json.JSONDecodeError as e:
            raise ReadError(doc.uri, f"invalid JSON: line {e.lineno} column {e.colno}: {e.msg}") from None
        except RecursionError:
            raise ReadError(doc.uri, "invalid JSON: nested too deeply") from None
    else:
        docs = _load_yaml(raw, doc.uri)
    try:
        pairs = [p for d in docs for p in find_pairs(d)]
    except TooLarge:
        raise ReadError(doc.uri, f"FAQ data expands to more than {MAX_NODES} nodes") from None
    if not pairs:
        raise NotContent(doc.uri, "no question/answer pairs found")
    if len(pairs) > limits.max_blocks:
        raise ReadError(doc.uri, f"more than {limits.max_blocks} text blocks, over the limit (--max-blocks)")
    finder = _LineFinder(raw)
    blocks = []
    for path, question, answer in pairs:
        q = strip_html(question)
        line = finder.find(answer) or finder.find(question)
        heading = tuple(strip_html(p) for p in path) + ((q,) if q else ())
        for b in answer_blocks(answer, doc.uri, limits):
            blocks.append(Block(b.text, line, heading + tuple(h for h in b.heading if h != q), "main",
                                b.table, b.cells))
    if not blocks:
        raise NotContent(doc.uri, "no question/answer pairs found")
    return blocks


def _load_yaml(raw: str, uri: str) -> list[Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        # One pass over the parser's events (iterative, cheap) before building anything:
        #  - aliases are shared, not copied, when loaded, and the walk below visits each object
        #    once, but a file built to be expanded ("billion laughs") is refused outright;
        #  - the loader builds nested values recursively (in C): deep nesting would crash it.
        aliases = depth = 0
        for event in yaml.parse(raw, Loader=loader):
            cls = event.__class__
            if cls is yaml.AliasEvent:
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise ReadError(uri, f"YAML has more than {MAX_ALIASES} aliases")
            elif cls is yaml.SequenceStartEvent or cls is yaml.MappingStartEvent:
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise ReadError(uri, f"YAML nested deeper than {MAX_YAML_DEPTH} levels")
            elif cls is yaml.SequenceEndEvent or cls is yaml.MappingEndEvent:
                depth -= 1
        return [d for d in yaml.load_all(raw, Loader=loader) if d is not None]
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ReadError(uri, f"invalid YAML: {where}{problem}") from None
    except RecursionError:
        raise ReadError(uri, "invalid YAML: nested too deeply") from None


def find_pairs(data: Any, jsonld_only: bool = False) -> list[tuple[tuple[str, ...], str, str]]:
    """(category path, question, answer) for every Q/A pair found, in document order.

    jsonld_only: accept only schema.org Question objects (for JSON-LD embedded in pages, where
    any Product or Article would otherwise look like a title/text pair).
    """
    out: list[tuple[tuple[str, ...], str, str]] = []
    stack: list[tuple[Any, tuple[str, ...]]] = [(data, ())]
    seen: set[int] = set()
    budget = MAX_NODES
    while stack:
        node, path = stack.pop()
        budget -= 1
        if budget < 0:
            raise TooLarge()
        if isinstance(node, dict):
            if id(node) in seen:
                continue
            seen.add(id(node))
            qa = _jsonld_pair(node) if jsonld_only else (_jsonld_pair(node) or _pair(node))
            if qa:
                cat = None if jsonld_only else _entry_category(node)
                out.append((path + (cat,) if cat and (not path or path[-1] != cat) else path, qa[0], qa[1]))
                continue
            children: list[tuple[Any, tuple[str, ...]]] = []
            if jsonld_only:
                children = [(v, path) for v in node.values() if isinstance(v, (dict, list))]
            else:
                simple = _question_map(node)
                if simple:
                    out.extend((path, q, a) for q, a in simple)
                    continue
                label = _category(node)
                sub = path + (label,) if label else path
                for key, val in node.items():
                    if not isinstance(val, (dict, list)):
                        continue
                    if label is None and isinstance(key, str) and key.lower() not in CONTAINER_KEYS \
                            and not key.startswith("@"):
                        children.append((val, path + (key,)))
                    else:
                        children.append((val, sub))
            stack.extend(reversed(children))
        elif isinstance(node, list):
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.extend((item, path) for item in reversed(node) if isinstance(item, (dict, list)))
    return out


def _lower_keys(node: dict) -> dict[str, Any]:
    return {k.lower(): v for k, v in node.items() if isinstance(k, str)}


def _answer_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and value and all(
            isinstance(v, str) or (isinstance(v, dict) and _pair(v) is None) for v in value):
        # A list of Q/A dicts under "content" is a category's entries, not one answer.
        parts = [_answer_text(v) for v in value]
        parts = [p for p in parts if p]
        return " ".join(parts) if parts else None
    if isinstance(value, dict):
        low = _lower_keys(value)
        for key in ("text", "answer", "body", "content", "value", "html"):
            if isinstance(low.get(key), str):
                return low[key]
    return None


def _types(node: dict) -> set[str]:
    t = node.get("@type")
    if isinstance(t, str):
        return {t}
    if isinstance(t, list):
        return {x for x in t if isinstance(x, str)}
    return set()


def _jsonld_pair(node: dict) -> tuple[str, str] | None:
    if "Question" not in _types(node):
        return None
    q = node.get("name") or node.get("text")
    answer = node.get("acceptedAnswer") or node.get("suggestedAnswer")
    a = _answer_text(answer) if answer is not None else None
    if isinstance(q, str) and a:
        return q, a
    return None


def _base_key(key: str) -> str:
    """"body_html" -> "body", "answerText" -> "answer", "question_text" -> "question"."""
    base = key
    while True:
        cut = _FORMAT_SUFFIX.sub("", base)
        if cut == base or not cut:
            return base
        base = cut


def _pair(node: dict) -> tuple[str, str] | None:
    low = _lower_keys(node)
    # Plain question keys first, then suffixed ones (question_html, titleText).
    qkey = next((k for k in QUESTION_KEYS if isinstance(low.get(k), str)), None) or \
        next((k for k in low if isinstance(low[k], str) and _base_key(k) in QUESTION_KEYS), None)
    if qkey is None:
        return None
    q = low[qkey]
    # Plain answer keys in their order of preference, then suffixed ones (body_html, answerText).
    keys = itertools.chain((k for k in ANSWER_KEYS if k in low),
                           (k for k in low if k not in ANSWER_KEYS and _base_key(k) in ANSWER_KEYS))
    for key in keys:
        if key != qkey:
            a = _answer_text(low[key])
            if a and a != q:
                return q, a
    return None


def _entry_category(node: dict) -> str | None:
    """An entry's own category field, a name or a {name: ...} object."""
    return _first_name(node, ENTRY_CATEGORY_KEYS, nested=True)


def _question_map(node: dict) -> list[tuple[str, str]] | None:
    """{"Do you ship abroad?": "Yes, to 40 countries.", ...}"""
    if not node or not all(isinstance(k, str) and isinstance(v, str) for k, v in node.items()):
        return None
    if sum(k.rstrip().endswith("?") for k in node) * 2 < len(node):
        return None
    return [(k, v) for k, v in node.items() if k.rstrip().endswith("?")]


def _category(node: dict) -> str | None:
    return _first_name(node, CATEGORY_KEYS)


def _first_name(node: dict, keys: tuple[str, ...], nested: bool = False) -> str | None:
    low = _lower_keys(node)
    for key in keys:
        val = low.get(key)
        if isinstance(val, str) and val.strip():
            return val.strip()
        if nested and isinstance(val, dict):
            name = _first_name(val, CATEGORY_KEYS)
            if name:
                return name
    return None


class _LineFinder:
    """Finds the line where an answer starts in the raw file by searching its first 40 characters."""

    def __init__(self, raw: str):
        self.raw = raw
        self.starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.pos = 0

    def find(self, text: str) -> int | None:
        text = text.strip()
        if not text:
            return None
        for probe in (text[:40], json.dumps(text[:40], ensure_ascii=False)[1:-1], text[:20]):
            if not probe:
                continue
            at = self.raw.find(probe, self.pos)
            if at < 0:
                at = self.raw.find(probe)
            if at >= 0:
                self.pos = at + 1
                return bisect.bisect_right(self.starts, at)
        return None
