"""A promise is located at the line its sentence starts on, not at the line its paragraph starts on.

Hard-wrapped Markdown and text, a list item over several lines and an HTML <p> over several
lines are read from real files, through the real readers and the pipeline (and once through the
CLI and SARIF). Ids do not move: a promise's id is the same as in the one-line paragraph.
"""

from __future__ import annotations

import json

from cxaudit.extract import read_blocks
from cxaudit.extract.html import norm, norm_lines
from cxaudit.extract.markdown import inline, inline_lines
from cxaudit.model import Block, Document
from cxaudit.pipeline import extract_document

WRAPPED_MD = """\
# Returns

We love our customers and want
you to be happy with every
purchase you make with us. If
not, you can return items within
30 days of delivery. Standard delivery
takes 3-5 business days.

# Shipping

- Orders ship the same
  day. Express delivery
  takes 1-2 business days.
- Returns are accepted within
  30 days.
"""

# the same text, each paragraph and list item on one line, at the same lines
ONE_LINE_MD = """\
# Returns

We love our customers and want you to be happy with every purchase you make with us. If not, you can return items within 30 days of delivery. Standard delivery takes 3-5 business days.






# Shipping

- Orders ship the same day. Express delivery takes 1-2 business days.


- Returns are accepted within 30 days.
"""

WRAPPED_HTML = """\
<html><body>
<h1>Help</h1>
<p>
  Intro para.
  Standard delivery takes 3-5 business days.
  Express delivery <b>takes
  1-2</b> business days.<br>
  Returns within 30 days.
</p>
<p>Our team replies fast.<!-- a note
  over two lines --> We reply to every email within 24 hours.</p>
</body></html>
"""

ONE_LINE_HTML = """\
<html><body>
<h1>Help</h1>
<p>Intro para. Standard delivery takes 3-5 business days. Express delivery <b>takes 1-2</b> business days.<br>Returns within 30 days.</p>
<p>Our team replies fast.<!-- a note over two lines --> We reply to every email within 24 hours.</p>
</body></html>
"""


def _promises(path, fmt: str) -> list:
    doc = Document(str(path), "website", fmt, path=str(path))
    found, failed = extract_document(doc)
    assert failed is None
    return found


def _lines(promises) -> dict[str, int]:
    return {p.text: p.source.line for p in promises}


def test_markdown_sentences_on_wrapped_lines(tmp_path):
    path = tmp_path / "returns.md"
    path.write_text(WRAPPED_MD)
    assert _lines(_promises(path, "md")) == {
        "If not, you can return items within 30 days of delivery.": 5,   # "If" ends line 5
        "Standard delivery takes 3-5 business days.": 7,
        "Orders ship the same day.": 12,                                  # a list item over lines 12-14
        "Express delivery takes 1-2 business days.": 13,
        "Returns are accepted within 30 days.": 15,
    }


def test_html_paragraph_over_several_lines(tmp_path):
    path = tmp_path / "help.html"
    path.write_text(WRAPPED_HTML)
    assert _lines(_promises(path, "html")) == {
        "Standard delivery takes 3-5 business days.": 5,
        "Express delivery takes 1-2 business days.": 6,    # across an inline element
        "Returns within 30 days.": 8,                       # after a <br>
        "We reply to every email within 24 hours.": 11,     # after a comment over two lines
    }


def test_text_paragraph_over_several_lines(tmp_path):
    path = tmp_path / "script.txt"
    path.write_text("Returns\n\nWe love our customers and want\nyou to be happy with every\n"
                    "purchase you make with us. If\nnot, you can return items within\n14 days of delivery.\n")
    assert _lines(_promises(path, "txt")) == {"If not, you can return items within 14 days of delivery.": 5}


def test_ids_are_those_of_the_one_line_paragraph(tmp_path):
    for name, fmt, wrapped, one_line in (("returns.md", "md", WRAPPED_MD, ONE_LINE_MD),
                                         ("help.html", "html", WRAPPED_HTML, ONE_LINE_HTML)):
        path = tmp_path / name
        path.write_text(one_line)
        before = {p.text: p.id for p in _promises(path, fmt)}
        path.write_text(wrapped)
        after = {p.text: p.id for p in _promises(path, fmt)}
        assert after == before and len(after) >= 4, name
    # (and the one-line file reports its paragraph's line for all its sentences)
    path = tmp_path / "returns.md"
    path.write_text(ONE_LINE_MD)
    assert set(_lines(_promises(path, "md")).values()) == {3, 12, 15}


def test_cli_extract_json_and_sarif_report_the_sentence_line(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "returns.md").write_text(WRAPPED_MD)
    (tmp_path / "script.txt").write_text("Returns are accepted within 14 days.\n")
    r = cli("extract", "returns.md", "--format", "json")
    assert r.exit_code == 0, r.output
    lines = {p["text"]: p["source"]["line"] for p in json.loads(r.stdout)["promises"]}
    assert lines["If not, you can return items within 30 days of delivery."] == 5
    assert lines["Express delivery takes 1-2 business days."] == 13

    r = cli("audit", "returns.md", "script.txt", "--format", "sarif", "--fail-on", "never")
    assert r.exit_code == 0, r.output
    places = {(loc["physicalLocation"]["artifactLocation"]["uri"], loc["physicalLocation"]["region"]["startLine"])
              for result in json.loads(r.stdout)["runs"][0]["results"]
              for loc in result["locations"] + result.get("relatedLocations", [])}
    assert ("returns.md", 5) in places and ("returns.md", 15) in places
    assert ("returns.md", 3) not in places


# --- the readers' line_starts ----------------------------------------------------------------

def test_block_line_at():
    block = Block("one two three", 10, line_starts=(4, 8))
    assert [block.line_at(i) for i in (0, 3, 4, 7, 8, 12)] == [10, 10, 11, 11, 12, 12]
    assert Block("one", 3).line_at(2) == 3
    assert Block("one", None, line_starts=(1,)).line_at(2) is None


def test_markdown_line_starts_follow_markup_and_comments(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("Free **returns\nwithin** 30 [days\nafter](http://x/y) delivery <!-- a\nnote -->\nfor all.\n")
    (block,) = read_blocks(Document(str(path), "other", "md", path=str(path)))
    assert block.text == "Free returns within 30 days after delivery for all."
    assert block.line == 1
    # line 2 starts at "within", line 3 at "after", line 4 (a comment) adds nothing, line 5 "for"
    assert [block.text[i:].split()[0] for i in block.line_starts] == ["within", "after", "for", "for"]
    assert block.line_at(block.text.index("for")) == 5


def test_markdown_inline_lines_matches_inline():
    lines = ["A `code", "span` and *emphasis", "over* lines &amp; an <b>html", "tag</b>", "end"]
    text, starts = inline_lines(lines, [1, 2, 3, 4, 5])
    assert text == inline(" ".join(lines))
    assert [text[i:].split()[0] for i in starts] == ["span", "over", "tag", "end"]
    assert inline_lines(["one line"], [7]) == ("one line", ())


def test_html_block_starts_on_its_first_words_line(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("<html><body>\n<div>\n  <svg>\n    <path/>\n  </svg>\n  Free returns within 30 days.\n</div>\n"
                    "<p>\n\n  Standard delivery takes 3-5 days.\n</p>\n</body></html>\n")
    blocks = read_blocks(Document(str(path), "website", "html", path=str(path)))
    assert [(b.text, b.line, b.line_starts) for b in blocks] == [
        ("Free returns within 30 days.", 6, ()),
        ("Standard delivery takes 3-5 days.", 10, ()),
    ]


def test_html_norm_lines_agrees_with_norm():
    pieces = ["\n  ", "Intro\u200b para.\n  Standard", " delivery", "\ue000", "takes\n\n  3 days.\n"]
    text, line, starts = norm_lines(pieces, 4, [])
    assert text == norm("".join(pieces)) == "Intro para. Standard delivery\ntakes 3 days."
    assert line == 4
    assert [text[i:].split()[0] for i in starts] == ["Standard", "3", "3"]
    assert Block(text, line, line_starts=starts).line_at(text.index("takes")) == 5
    assert Block(text, line, line_starts=starts).line_at(text.index("3 days")) == 7
