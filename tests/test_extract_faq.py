"""FAQ data reader: the common JSON/YAML shapes, line lookup, bad and hostile files."""

import json

import pytest

from cxaudit.errors import ReadError
from cxaudit.extract import read_blocks
from cxaudit.model import Document


def read(tmp_path, text, name="faq.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_blocks(Document(uri=name, channel="help_centre", fmt="faq", path=str(path)))


def pairs(blocks):
    return [(b.heading, b.text) for b in blocks]


def test_list_of_pairs_with_key_variants(tmp_path):
    data = [
        {"question": "How long is delivery?", "answer": "3-5 business days."},
        {"q": "Returns?", "a": "Within <b>30</b> days.<br>No receipt needed."},
        {"Question": "Warranty?", "Answer": "Two years."},
        {"title": "Refunds", "body": ["Refunds take", "5 days."]},
        {"name": "Support hours", "text": "Mon-Fri 9-5 &amp; Sat 10-2"},
    ]
    blocks = read(tmp_path, json.dumps(data, indent=2))
    assert pairs(blocks) == [
        (("How long is delivery?",), "3-5 business days."),
        (("Returns?",), "Within 30 days. No receipt needed."),
        (("Warranty?",), "Two years."),
        (("Refunds",), "Refunds take 5 days."),
        (("Support hours",), "Mon-Fri 9-5 & Sat 10-2"),
    ]
    text = json.dumps(data, indent=2).splitlines()
    assert blocks[0].line == next(i for i, line in enumerate(text, 1) if "3-5 business days." in line)
    assert blocks[2].line == next(i for i, line in enumerate(text, 1) if "Two years." in line)


def test_wrapped_list_and_question_map(tmp_path):
    blocks = read(tmp_path, json.dumps({"version": 2, "faqs": [{"q": "Q1?", "a": "A one."}],
                                        "extra": {"Do you ship abroad?": "Yes, to 40 countries."}}))
    assert pairs(blocks) == [(("Q1?",), "A one."), (("extra", "Do you ship abroad?"), "Yes, to 40 countries.")]


def test_categories_yaml(tmp_path):
    text = """\
- category: Shipping
  questions:
    - question: How fast is standard shipping?
      answer: Standard shipping takes 3-5 business days.
- title: Returns
  items:
    - q: How long do I have?
      a: |
        You can return items
        within 30 days.
"""
    blocks = read(tmp_path, text, name="faq.yaml")
    assert pairs(blocks) == [
        (("Shipping", "How fast is standard shipping?"), "Standard shipping takes 3-5 business days."),
        (("Returns", "How long do I have?"), "You can return items within 30 days."),
    ]
    assert [b.line for b in blocks] == [4, 9]


def test_category_keys(tmp_path):
    blocks = read(tmp_path, "Shipping:\n  - {q: 'Cost?', a: 'Free over $50.'}\n"
                            "Returns:\n  - {q: 'Window?', a: '30 days.'}\n", name="faq.yml")
    assert pairs(blocks) == [(("Shipping", "Cost?"), "Free over $50."), (("Returns", "Window?"), "30 days.")]


def test_schema_org_faqpage(tmp_path):
    data = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
        {"@type": "Question", "name": "Can I cancel?",
         "acceptedAnswer": {"@type": "Answer", "text": "<p>Yes, within 24 hours.</p>"}}]}
    assert pairs(read(tmp_path, json.dumps(data))) == [(("Can I cancel?",), "Yes, within 24 hours.")]


@pytest.mark.parametrize("name, text, reason", [
    ("package.json", json.dumps({"name": "shop", "version": "1.0", "dependencies": {"a": "1"}}),
     "no question/answer pairs found"),
    ("bad.json", '{"faqs": [', "invalid JSON: line 1 column 11: Expecting value"),
    ("bad.yaml", "faqs: [a, b\n", "invalid YAML: line 2"),
    ("deep.json", "[" * 50_000 + "]" * 50_000, "invalid JSON: nested too deeply"),
    ("empty.yaml", "", "no question/answer pairs found"),
    # the YAML loader recurses in C: without the depth check this crashes the process (PyYAML
    # 6.0.3 and later also stop at their own nesting limit, with their own message)
    ("deep.yaml", "[" * 100_000 + "]" * 100_000, ("YAML nested deeper than 500 levels",
                                                   "invalid YAML: line 1: exceeded maximum nesting depth")),
])
def test_not_faq_or_invalid(tmp_path, name, text, reason):
    with pytest.raises(ReadError) as err:
        read(tmp_path, text, name=name)
    assert err.value.reason.startswith(reason if isinstance(reason, tuple) else (reason,))


def test_billion_laughs_yaml(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(ReadError) as err:   # 9**9 strings if expanded: must not be
        read(tmp_path, "\n".join(lines) + "\n", name="bomb.yaml")
    assert err.value.reason == "no question/answer pairs found"
    many = "a: &a {q: 'Q?', a: 'A.'}\nl: [" + ",".join(["*a"] * 10_001) + "]\n"
    with pytest.raises(ReadError) as err:
        read(tmp_path, many, name="aliases.yaml")
    assert err.value.reason == "YAML has more than 10000 aliases"


def test_recursive_yaml(tmp_path):
    blocks = read(tmp_path, "x: &x\n  - *x\n  - {q: 'Loop?', a: 'No.'}\n", name="loop.yaml")
    assert pairs(blocks) == [(("x", "Loop?"), "No.")]


def test_help_desk_export_with_suffixed_keys_and_html_answers(tmp_path):
    # Help-desk exports name fields by format (body_html, answer_html, titleText) and carry
    # each article's section beside it; an answer may hold its own sub-heading.
    data = {"export": "helpdesk", "locale": "en-au", "articles": [
        {"id": 1, "section": "Price Beat", "title": "How long can I claim?",
         "body_html": "<p>Claims are accepted up to 14 days after purchase.</p>"},
        {"id": 2, "section": {"name": "Membership"}, "questionText": "Plus",
         "answer_html": "<h3>Plus perks</h3><p>Free delivery with no minimum spend</p><p>60-day returns.</p>"},
    ]}
    blocks = read(tmp_path, json.dumps(data, indent=2))
    assert pairs(blocks) == [
        (("Price Beat", "How long can I claim?"), "Claims are accepted up to 14 days after purchase."),
        (("Membership", "Plus", "Plus perks"), "Free delivery with no minimum spend"),
        (("Membership", "Plus", "Plus perks"), "60-day returns."),
    ]
    text = json.dumps(data, indent=2).splitlines()
    assert blocks[0].line == next(i for i, line in enumerate(text, 1) if "14 days after" in line)
