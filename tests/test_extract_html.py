"""HTML reader: visible text, blocks, heading paths, regions, tables, encodings, hostile input."""

import json
import time

import pytest

from cxaudit.errors import ReadError
from cxaudit.extract import Limits, read_blocks
from cxaudit.model import Document


def read(tmp_path, html, name="page.html", encoding=None, limits=None):
    path = tmp_path / name
    path.write_bytes(html if isinstance(html, bytes) else html.encode("utf-8"))
    return read_blocks(Document(uri=name, channel="website", fmt="html", path=str(path), encoding=encoding),
                       limits)


def texts(blocks):
    return [b.text for b in blocks]


PAGE = """<!doctype html>
<html><head><title>Shipping | Acme</title><style>.x{color:red}</style>
<script>var promise = "Delivery in 1 day";</script></head>
<body>
<div class="announcement-bar">Free shipping on orders over $50 <a href="/s">Shop now</a></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/help">Help</a></li></ul></nav></header>
<main>
<h1>Shipping</h1>
<p>Standard delivery takes <strong>3-5</strong>&nbsp;business
   days.<br>Express: next day.</p>
<h2>Returns</h2>
<p>Returns are accepted within 30 days.</p>
<h3>Exceptions</h3>
<ul><li>Final sale items</li><li>Gift cards <em>cannot</em> be returned</li></ul>
<h2>Refunds</h2>
<div>Refunds take 5 business days<p>Inner paragraph</p> trailing text</div>
</main>
<footer><p>Call us Mon-Fri 9am-5pm.</p></footer>
{extra}
</body></html>
"""


def page(extra=""):
    return PAGE.replace("{extra}", extra)


def test_blocks_headings_and_inline_text(tmp_path):
    blocks = read(tmp_path, page())
    by_text = {b.text: b for b in blocks}
    assert "Standard delivery takes 3-5 business days.\nExpress: next day." in by_text
    assert by_text["Standard delivery takes 3-5 business days.\nExpress: next day."].heading == ("Shipping",)
    assert by_text["Returns are accepted within 30 days."].heading == ("Shipping", "Returns")
    assert by_text["Gift cards cannot be returned"].heading == ("Shipping", "Returns", "Exceptions")
    # h2 resets h3
    assert by_text["Refunds take 5 business days"].heading == ("Shipping", "Refunds")
    # a div's own text, a nested p and the div's text after it: three blocks, nothing twice
    assert texts(blocks).count("Inner paragraph") == 1
    assert "trailing text" in by_text
    assert not any("Inner paragraph" in t and t != "Inner paragraph" for t in texts(blocks))


def test_invisible_text_dropped(tmp_path):
    blocks = read(tmp_path, page("""<p hidden>hidden attr</p><p style="display: none">no display</p>
        <p style="VISIBILITY:hidden">invisible</p><div aria-hidden="true">aria hidden</div>
        <template><p>template text</p></template><noscript>enable js</noscript>
        <svg><text>svg text</text></svg><p>visible</p>"""))
    all_text = " ".join(texts(blocks))
    for gone in ("Delivery in 1 day", "color:red", "Acme", "hidden attr", "no display", "invisible",
                 "aria hidden", "template text", "enable js", "svg text"):
        assert gone not in all_text
    assert "visible" in texts(blocks)


def test_closed_tabs_and_accordions_are_read(tmp_path):
    # A product page's "Shipping & returns" tab or accordion is hidden until clicked: customers
    # read it, so it is read; other hidden text stays out.
    blocks = read(tmp_path, page("""<div role="tabpanel" hidden><p>Ships free over $75.</p></div>
        <div class="accordion-body" style="display:none"><p>Returns within 60 days.</p></div>
        <div id="faq-answer-3" hidden><p>Refunds in 5 business days.</p></div>
        <div hidden><p>Old promo: returns within 99 days.</p></div>
        <span aria-hidden="true">icon label</span>"""))
    all_text = " ".join(texts(blocks))
    for shown in ("Ships free over $75.", "Returns within 60 days.", "Refunds in 5 business days."):
        assert shown in texts(blocks)
    assert "99 days" not in all_text and "icon label" not in all_text


def test_roles(tmp_path):
    blocks = {b.text: b for b in read(tmp_path, page("""
        <aside><p>Sidebar note</p></aside><div role="contentinfo">Legal footer</div>
        <article><header><h2>Article title</h2></header><p>Article body</p></article>"""))}
    assert blocks["Free shipping on orders over $50 Shop now"].role == "banner"
    assert blocks["Home"].role == "nav"
    assert blocks["Call us Mon-Fri 9am-5pm."].role == "footer"
    assert blocks["Returns are accepted within 30 days."].role == "main"
    assert blocks["Sidebar note"].role == "aside"
    assert blocks["Legal footer"].role == "footer"
    # a <header> inside an article is not the page header
    assert blocks["Article title"].role == "main"
    # repeated regions carry no page heading, so the same banner reads the same on every page
    assert blocks["Call us Mon-Fri 9am-5pm."].heading == ()


def test_banner_role_from_class_on_inline_element(tmp_path):
    blocks = read(tmp_path, '<body><div><span class="promo-text">Free returns for 60 days</span></div></body>')
    assert blocks[0].role == "banner"


def test_line_numbers(tmp_path):
    blocks = {b.text: b for b in read(tmp_path, page())}
    lines = page().splitlines()
    for text, needle in (("Returns are accepted within 30 days.", "<p>Returns are accepted"),
                         ("Shipping", "<h1>Shipping"), ("Final sale items", "Final sale items")):
        expected = next(i for i, line in enumerate(lines, 1) if needle in line)
        assert blocks[text].line == expected


def test_table_rows(tmp_path):
    html = """<table><thead><tr><th>Service</th><th>Delivery time</th><th>Cost</th></tr></thead>
    <tbody>
    <tr><td>Standard</td><td><p>3-5 business days</p></td><td>$4.99</td></tr>
    <tr><th>Express</th><td>1 day</td><td></td></tr>
    </tbody></table>
    <table><tr><th>Plan</th><th>Warranty</th></tr><tr><td>Basic</td><td>1 year</td></tr></table>
    <table><tr><td>No</td><td>header</td></tr><tr><td>second</td><td>row</td></tr></table>"""
    blocks = read(tmp_path, html)
    rows = {b.text: b for b in blocks}
    std = rows["Standard | 3-5 business days | $4.99"]
    assert std.cells == ("Standard", "3-5 business days", "$4.99")
    assert std.table == ("Service", "Delivery time", "Cost")
    express = rows["Express | 1 day"]
    assert express.cells == ("Express", "1 day", "")
    assert express.table == ("Service", "Delivery time", "Cost")
    assert rows["Basic | 1 year"].table == ("Plan", "Warranty")
    assert rows["second | row"].table is None
    assert rows["second | row"].cells == ("second", "row")


def test_layout_table_is_not_a_data_row(tmp_path):
    html = """<table><tr><td><h2>Delivery</h2><p>We deliver in 2 days.</p>
              <table><tr><td>inner</td><td>cell</td></tr></table></td></tr></table>"""
    blocks = read(tmp_path, html)
    assert "We deliver in 2 days." in texts(blocks)
    assert "inner | cell" in texts(blocks)
    assert next(b for b in blocks if b.text == "We deliver in 2 days.").heading == ("Delivery",)


def test_definition_lists_details_and_blockquote(tmp_path):
    html = """<dl><dt>Standard</dt><dd>3-5 days</dd></dl>
    <details><summary>How long do refunds take?</summary><p>Up to 10 days.</p></details>
    <blockquote>Best service ever</blockquote><figure><figcaption>Our warehouse</figcaption></figure>"""
    blocks = read(tmp_path, html)
    assert texts(blocks) == ["Standard", "3-5 days", "How long do refunds take?",
                             "Up to 10 days.", "Best service ever", "Our warehouse"]
    # a description reads under its term, like a one-column table row
    assert (blocks[1].table, blocks[1].cells) == (("Standard",), ("3-5 days",))
    assert blocks[0].cells is None


def test_cookie_bar_and_text_after_main(tmp_path):
    html = """<body><main><h1>Returns</h1><p>30 days.</p></main>
    <div class="cookie-bar"><p>Cookies are kept for 13 months.</p></div><p>After main.</p></body>"""
    blocks = {b.text: b for b in read(tmp_path, html)}
    assert (blocks["Cookies are kept for 13 months."].role, blocks["Cookies are kept for 13 months."].heading) == \
        ("banner", ())
    assert blocks["After main."].heading == ()
    assert blocks["30 days."].heading == ("Returns",)


def test_faq_json_ld(tmp_path):
    ld = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
        {"@type": "Question", "name": "How long is the return window?",
         "acceptedAnswer": {"@type": "Answer", "text": "<p>You have <b>30 days</b> to return.</p>"}},
        {"@type": "Question", "name": "Do you ship abroad?",
         "acceptedAnswer": {"@type": "Answer", "text": "Yes, to 40 countries."}},
    ]}
    product = {"@context": "https://schema.org", "@type": "Product", "name": "Kettle",
               "description": "Ships in 2 days"}
    html = (f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script>'
            f'<script type="application/ld+json">{json.dumps(product)}</script>'
            '<script type="application/ld+json">{not json</script></head>'
            "<body><h1>FAQ</h1><p>Yes, to 40 countries.</p></body></html>")
    blocks = read(tmp_path, html)
    faq = [b for b in blocks if b.heading == ("How long is the return window?",)]
    assert [b.text for b in faq] == ["You have 30 days to return."]
    assert faq[0].role == "main"
    # visible on the page already: not repeated
    assert texts(blocks).count("Yes, to 40 countries.") == 1
    assert "Ships in 2 days" not in " ".join(texts(blocks))


def test_suppression_comments(tmp_path):
    html = """<p>A 30 days</p>
    <!-- cxaudit-disable-next-line return_window -->
    <p>B 60 days</p>
    <p>C 14 days</p>
    <!-- cxaudit-disable -->
    <p>D</p><table><tr><td>E</td></tr></table>
    <!-- cxaudit-enable -->
    <p>F</p>
    <!-- cxaudit-disable warranty, refund_time -->
    <p>G</p>
    <!-- cxaudit-enable warranty -->
    <p>H</p>
    <!-- just a comment --><p>I</p>"""
    got = {b.text: b.suppress for b in read(tmp_path, html)}
    assert got == {"A 30 days": (), "B 60 days": ("return_window",), "C 14 days": (), "D": ("*",),
                   "E": ("*",), "F": (), "G": ("refund_time", "warranty"), "H": ("refund_time",),
                   "I": ("refund_time",)}


def test_windows_1252_page(tmp_path):
    html = "<html><head><meta charset='windows-1252'></head><body><p>Café — “30 days”</p></body></html>"
    assert texts(read(tmp_path, html.encode("cp1252"))) == ["Café — “30 days”"]
    # no declaration at all: still read as Western European text, not mojibake
    bare = "<p>Returns — within 30 days, no questions asked</p>"
    assert texts(read(tmp_path, bare.encode("cp1252"))) == ["Returns — within 30 days, no questions asked"]


def test_http_charset_beats_meta(tmp_path):
    html = "<meta charset='utf-8'><p>Café</p>".encode("cp1252")
    assert texts(read(tmp_path, html, encoding="windows-1252")) == ["Café"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_and_bom(tmp_path, codec):
    html = "<html><body><p>Rückgabe binnen 30 Tagen — gratis</p></body></html>"
    assert texts(read(tmp_path, html.encode(codec))) == ["Rückgabe binnen 30 Tagen — gratis"]


def test_invalid_utf8_is_replaced_not_fatal(tmp_path):
    blocks = read(tmp_path, b"<p>Returns within 30 days \xe2\x80\x94 ok \xff\xfe end</p>")
    assert blocks[0].text.startswith("Returns within 30 days — ok")
    assert blocks[0].text.endswith("end")


def test_deeply_nested_html_finishes(tmp_path):
    n = 100_000
    html = b"<html><body><p>before</p>" + b"<div>" * n + b"deep text" + b"</div>" * n + b"<p>after</p>"
    start = time.monotonic()
    blocks = read(tmp_path, html)
    assert time.monotonic() - start < 5
    assert texts(blocks) == ["before", "deep text", "after"]


def test_unclosed_deep_inline_tags(tmp_path):
    html = b"<p>start</p>" + b"<font><script>hidden()</script>" * 5000 + b"tail text"
    blocks = read(tmp_path, html, limits=Limits(max_depth=500))
    assert texts(blocks)[0] == "start"
    assert "tail text" in " ".join(texts(blocks))
    assert "hidden()" not in " ".join(texts(blocks))


def test_random_bytes_and_empty(tmp_path):
    import random

    rnd = random.Random(7)
    junk = bytes(rnd.randrange(256) for _ in range(20_000))
    blocks = read(tmp_path, junk, name="junk.html")   # must not raise anything but ReadError
    assert isinstance(blocks, list)
    assert read(tmp_path, b"", name="empty.html") == []
    assert read(tmp_path, b"   \n ", name="blank.html") == []


def test_limits(tmp_path):
    many = "".join(f"<p>para {i}</p>" for i in range(50))
    with pytest.raises(ReadError) as err:
        read(tmp_path, many, limits=Limits(max_blocks=10))
    assert "--max-blocks" in err.value.reason
    with pytest.raises(ReadError) as err:
        read(tmp_path, "<p>" + "x" * 3000 + "</p>", limits=Limits(max_file_bytes=1024))
    assert err.value.reason == "file is 2.9 KB, over the 1 KB limit (--max-file-size)"


def test_big_line_numbers(tmp_path):
    html = "<html><body>\n" + "<p>x</p>\n" * 70_000 + "<p>last one</p>\n</body></html>"
    blocks = read(tmp_path, html)
    assert blocks[-1].text == "last one"
    assert blocks[-1].line == 70_002


def test_a_timetable_of_days_by_channel_is_read_a_column_at_a_time(tmp_path):
    from cxaudit.compare import compare
    from cxaudit.pipeline import promises_in_blocks

    html = """<html><body><h1>Contact us</h1><table>
      <thead><tr><th></th><th>Live chat</th><th>Phone</th></tr></thead>
      <tr><th>Monday&ndash;Friday</th><td>08:00&ndash;20:00</td><td>09:00&ndash;17:30</td></tr>
      <tr><th>Saturday</th><td>09:00&ndash;13:00</td><td>10:00&ndash;14:00</td></tr>
      <tr><th>Sunday</th><td>Closed</td><td>Closed</td></tr></table>
      <p>Phone lines are open Monday to Friday 9am to 5:30pm and Saturday 10am to 4pm.</p></body></html>"""
    blocks = read(tmp_path, html)
    texts = [b.text for b in blocks]
    assert "Phone: Monday–Friday 09:00–17:30; Saturday 10:00–14:00; Sunday Closed." in texts
    assert not any(b.cells for b in blocks)   # the rows gave way to the columns
    doc = Document(uri="contact.html", channel="website", fmt="html")
    ps = [p for p in promises_in_blocks(blocks, doc) if p.kind == "support_hours"]
    media = sorted(dict(p.scope).get("medium") for p in ps)
    assert media == ["chat", "phone", "phone"]
    # the table's Saturday 10–14 against the sentence's Saturday 10–4: side by side on one page
    # they are not rivals, but the same sentence on another page contradicts the table
    assert compare(ps) == []
    table = [p for p in ps if "|" in p.text or ";" in p.text]
    other = Document(uri="faq.html", channel="help_centre", fmt="html")
    sentence = [p for p in promises_in_blocks([b for b in blocks if b.text.startswith("Phone lines are open")], other)]
    assert table and [f.rule for f in compare(table + sentence)] == ["contradiction"]


def test_a_timetable_column_that_states_no_hours_does_not_hide_the_others(tmp_path):
    html = """<html><body><h2>Opening hours</h2><table>
      <thead><tr><th>Day</th><th>Phone</th><th>Email</th></tr></thead>
      <tr><th>Monday</th><td>08:00&ndash;20:00</td><td>Any time</td></tr>
      <tr><th>Saturday</th><td>09:00&ndash;17:00</td><td>Any time</td></tr></table></body></html>"""
    texts = [b.text for b in read(tmp_path, html)]
    assert "Phone: Monday 08:00–20:00; Saturday 09:00–17:00." in texts
    assert not any(t.startswith("Email:") for t in texts)


def test_a_timetable_column_named_for_a_time_zone_carries_it(tmp_path):
    html = """<html><body><h2>Phone</h2><table>
      <thead><tr><th>Day</th><th>Eastern</th><th>Pacific</th></tr></thead>
      <tr><th>Monday–Friday</th><td>8 a.m.–9 p.m.</td><td>5 a.m.–6 p.m.</td></tr>
      <tr><th>Saturday</th><td>9 a.m.–6 p.m.</td><td>6 a.m.–3 p.m.</td></tr></table></body></html>"""
    from cxaudit.compare import compare
    from cxaudit.pipeline import promises_in_blocks

    ps = promises_in_blocks(read(tmp_path, html), Document(uri="contact.html", channel="website", fmt="html"))
    assert sorted({dict(i).get("tz") for p in ps for i in p.schedule}) == ["ET", "PT"]
    assert compare(ps) == []   # 8–9 Eastern is 5–6 Pacific


def test_styled_pieces_written_without_a_space_are_two_words(tmp_path):
    blocks = read(tmp_path, '<html><body><div><strong>30-day returns</strong><span>On in-stock furniture.</span></div>'
                            '<p>We ship within <b>2</b> days, <i>free</i> of charge.</p></body></html>')
    assert texts(blocks) == ["30-day returns On in-stock furniture.", "We ship within 2 days, free of charge."]
