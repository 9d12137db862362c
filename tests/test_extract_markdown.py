"""Markdown reader: blocks, heading paths, tables, markup stripping, suppression."""

from cxaudit.extract import read_blocks
from cxaudit.extract.markdown import inline
from cxaudit.model import Document


def read(tmp_path, text, name="doc.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_blocks(Document(uri=name, channel="help_centre", fmt="md", path=str(path)))


DOC = """---
title: Shipping and returns
tags: [help]
---
# Shipping

Standard delivery takes
**3-5 business days** for [most orders](https://example.com/ship "Shipping").

Returns
-------

- Items can be returned within *30 days*.
- Refunds take 5-7 days
  after we receive the item.
1. Numbered item with `code`
- [x] Task item

## Fees

| Service | Time | Cost |
|:--------|:----:|-----:|
| Standard | 3-5 days | $4.99 |
| Express \\| Next day | 1 day | $9.99 |

> Quoted promise: free returns
> for members.

```
# not a heading
Delivery in 1 day
```

<!-- an ordinary comment -->
![banner](img.png) Free shipping over $50
"""


def test_blocks_and_headings(tmp_path):
    blocks = read(tmp_path, DOC)
    got = [(b.text, b.heading, b.line) for b in blocks]
    assert got[0] == ("Shipping", ("Shipping",), 5)
    assert ("Standard delivery takes 3-5 business days for most orders.", ("Shipping",), 7) in got
    assert ("Returns", ("Shipping", "Returns"), 10) in got
    assert ("Items can be returned within 30 days.", ("Shipping", "Returns"), 13) in got
    assert ("Refunds take 5-7 days after we receive the item.", ("Shipping", "Returns"), 14) in got
    assert ("Numbered item with code", ("Shipping", "Returns"), 16) in got
    assert ("Task item", ("Shipping", "Returns"), 17) in got
    # "## Fees" is a sibling of the setext h2, not its child
    assert ("Fees", ("Shipping", "Fees"), 19) in got
    assert ("Quoted promise: free returns for members.", ("Shipping", "Fees"), 26) in got
    assert ("Free shipping over $50", ("Shipping", "Fees"), 35) in got


def test_front_matter_and_code_skipped(tmp_path):
    all_text = " ".join(b.text for b in read(tmp_path, DOC))
    assert "title:" not in all_text and "tags" not in all_text
    assert "Delivery in 1 day" not in all_text
    assert "not a heading" not in all_text
    assert "ordinary comment" not in all_text


def test_table_rows(tmp_path):
    rows = [b for b in read(tmp_path, DOC) if b.cells]
    assert rows[0].cells == ("Service", "Time", "Cost") and rows[0].table is None
    assert rows[1].cells == ("Standard", "3-5 days", "$4.99")
    assert rows[1].table == ("Service", "Time", "Cost")
    assert rows[1].text == "Standard | 3-5 days | $4.99"
    assert rows[2].cells[0] == "Express | Next day"
    assert rows[1].line == 23


def test_inline_markup():
    assert inline("**Free** _returns_ within ~~60~~ 30 days") == "Free returns within 60 30 days"
    assert inline("see [our policy][p] or <https://x.com/a>") == "see our policy or https://x.com/a"
    assert inline("snake_case_name and 5 * 3 * 2") == "snake_case_name and 5 * 3 * 2"
    assert inline(r"\*literal\* &amp; `a*b*c`") == "*literal* & a*b*c"
    assert inline("Note[^1]: <b>bold</b><br>next") == "Note: bold next"


def test_suppression(tmp_path):
    text = """Intro 30 days.

<!-- cxaudit-disable-next-line return_window -->
Returns within 60 days.

Exchanges within 14 days.

<!-- cxaudit-disable -->
| a | b |
|---|---|
| 1 | 2 |
<!--
  cxaudit-enable
-->
- after the region
"""
    got = {b.text: b.suppress for b in read(tmp_path, text)}
    assert got == {"Intro 30 days.": (), "Returns within 60 days.": ("return_window",),
                   "Exchanges within 14 days.": (), "a | b": ("*",), "1 | 2": ("*",),
                   "after the region": ()}


def test_indented_code_and_empty(tmp_path):
    assert read(tmp_path, "") == []
    blocks = read(tmp_path, "Para.\n\n    code block 1 day\n\nAfter.\n")
    assert [b.text for b in blocks] == ["Para.", "After."]


def test_opening_hours_listed_a_line_at_a_time_are_one_timetable(tmp_path):
    from cxaudit.pipeline import promises_in_blocks

    text = ("# Contact\n\n## Live chat\n\n- Monday to Friday: 8am to 10pm\n- Saturday: 9am to 8pm\n"
                 "- Sunday: 10am to 6pm\n\n## Phone\n\nCall us Mon-Fri 8am-8pm, Sat 9am-5pm.\n")
    doc = Document(uri="contact.md", channel="help_centre", fmt="md")
    hours = [p for p in promises_in_blocks(read(tmp_path, text, "contact.md"), doc) if p.kind == "support_hours"]
    chat = [p for p in hours if dict(p.scope).get("medium") == "chat"]
    assert len(chat) == 1
    assert [dict(i)["days"] for i in chat[0].schedule] == ["mon-fri", "sat", "sun"]
    assert chat[0].text == "Monday to Friday: 8am to 10pm; Saturday: 9am to 8pm; Sunday: 10am to 6pm"


def test_chinese_lines_without_a_full_stop_are_separate_statements(tmp_path):
    blocks = read(tmp_path, "# 售后服务\n\n7天无理由退货\n15天内质量问题换货\n整机保修1年\n\nStandard delivery takes\n3-5 days.\n")
    assert [(b.text, b.line) for b in blocks][1:] == [("7天无理由退货", 3), ("15天内质量问题换货", 4), ("整机保修1年", 5),
                                                 ("Standard delivery takes 3-5 days.", 7)]


def test_a_leading_region_label_heads_the_paragraphs_after_it(tmp_path):
    from cxaudit.pipeline import extract_document
    f = tmp_path / "shipping.md"
    f.write_text("AUSTRALIAN CUSTOMERS: We offer express courier shipping.\n\n"
                 "The express courier services deliver in 1-5 working days.\n\n"
                 "UK CUSTOMERS: We also offer express courier options.\n\n"
                 "Express services should arrive in 2-6 working days.\n", encoding="utf-8")
    ps, _ = extract_document(Document(uri="shipping.md", channel="website", fmt="md", path=str(f)))
    assert sorted((p.min, dict(p.scope).get("region")) for p in ps) == [(1, "AU"), (2, "UK")]
