"""Plain-text reader: paragraphs, script lines, headings, ignore comments."""

from cxaudit.extract import read_blocks
from cxaudit.model import Document


def read(tmp_path, text, name="script.txt", raw=None):
    path = tmp_path / name
    path.write_bytes(raw if raw is not None else text.encode("utf-8"))
    return read_blocks(Document(uri=name, channel="call_centre", fmt="txt", path=str(path)))


SCRIPT = """CALL SCRIPT: RETURNS

Greeting:
Agent: Thank you for calling Acme, how can I help?
Customer: I want to return a kettle.
Agent: No problem. Our return window is 30 days
  from the date of delivery.
Agent: Refunds take 5-7 business days.
- Offer a prepaid label.
2) Confirm the address.
Standard orders arrive in 3-5 days.

This is a plain paragraph that wraps
over two lines. It stays one block.

Opening hours
=============
Mon-Fri 9am-5pm ET.

== Decorated ==
Decorated section text.
"""


def test_script_lines_are_blocks(tmp_path):
    got = [(b.text, b.heading, b.line) for b in read(tmp_path, SCRIPT)]
    assert got[0] == ("CALL SCRIPT: RETURNS", ("CALL SCRIPT: RETURNS",), 1)
    assert got[1] == ("Greeting:", ("CALL SCRIPT: RETURNS", "Greeting"), 3)
    texts = [t for t, _, _ in got]
    assert "Agent: Thank you for calling Acme, how can I help?" in texts
    assert "Customer: I want to return a kettle." in texts
    # a wrapped speaker line is joined
    assert "Agent: No problem. Our return window is 30 days from the date of delivery." in texts
    assert "Offer a prepaid label." in texts
    assert "Confirm the address." in texts
    # a new sentence on its own line after bullets is its own block
    assert ("Standard orders arrive in 3-5 days.", ("CALL SCRIPT: RETURNS", "Greeting"), 11) in got
    assert "This is a plain paragraph that wraps over two lines. It stays one block." in texts
    # heading levels follow the order styles first appear in: caps title, then underlined
    assert ("Mon-Fri 9am-5pm ET.", ("CALL SCRIPT: RETURNS", "Opening hours"), 18) in got
    assert ("Decorated section text.", ("CALL SCRIPT: RETURNS", "Opening hours", "Decorated"), 21) in got


def test_ignore_comments(tmp_path):
    text = """Returns within 30 days.
# cxaudit: ignore return_window
Returns within 60 days for members.
Exchanges within 14 days.  // cxaudit: ignore exchange_window
// cxaudit: ignore
Old promise: delivery in 2 days.

Unaffected.
"""
    got = {b.text: b.suppress for b in read(tmp_path, text)}
    assert got["Returns within 30 days."] == ()
    # (a short line then a new phrase: two blocks, each with its own suppression)
    assert got["Returns within 60 days for members."] == ("return_window",)
    assert got["Exchanges within 14 days."] == ("exchange_window",)
    assert got["Old promise: delivery in 2 days."] == ("*",)
    assert got["Unaffected."] == ()
    assert not any("cxaudit" in t for t in got)


def test_crlf_and_cp1252(tmp_path):
    raw = "Returns — 30 days.\r\n\r\nSecond paragraph.\r\n".encode("cp1252")
    blocks = read(tmp_path, None, raw=raw)
    assert [(b.text, b.line) for b in blocks] == [("Returns — 30 days.", 1), ("Second paragraph.", 3)]


def test_utf16_without_bom(tmp_path):
    raw = "Delivery within 3 days.\nLine two here.".encode("utf-16-le")
    assert read(tmp_path, None, raw=raw)[0].text == "Delivery within 3 days. Line two here."


def test_disable_regions_in_text(tmp_path):
    text = """A.
<!-- cxaudit-disable warranty -->
B.

C.
# cxaudit-enable
D.
"""
    assert [(b.text, b.suppress) for b in read(tmp_path, text)] == [
        ("A.", ()), ("B.", ("warranty",)), ("C.", ("warranty",)), ("D.", ())]


def test_numbered_caps_line_is_a_section_heading(tmp_path):
    text = ("ACME CALL SCRIPT\n\n1. OPENING HOURS\n\"Our phone lines are open 9am to 5pm.\"\n\n"
            "2. RETURNS AND REFUNDS\n\"You've got two weeks from delivery to return most items.\"\n"
            "3. Confirm the caller's postcode.\n")
    blocks = read(tmp_path, text)
    by_text = {b.text: b for b in blocks}
    assert "\"You've got two weeks from delivery to return most items.\"" in by_text
    assert by_text["\"You've got two weeks from delivery to return most items.\""].heading == (
        "ACME CALL SCRIPT", "2. RETURNS AND REFUNDS")
    # a numbered point in sentence case stays a point of its section
    assert by_text["Confirm the caller's postcode."].heading[-1] == "2. RETURNS AND REFUNDS"


def test_a_dot_leader_table_is_one_block_a_row():
    from cxaudit.extract.text import parse

    blocks = parse("WARRANTY\n  Hearthline stand mixers ........ 5 yrs (motor 10 yrs)\n"
                   "  Hearthline blenders ............ 7 yrs\n  Other small electrics .......... 2 yrs\n")
    texts = [b.text for b in blocks if b.heading == ("WARRANTY",) and b.text != "WARRANTY"]
    assert texts == ["Hearthline stand mixers: 5 yrs (motor 10 yrs)", "Hearthline blenders: 7 yrs",
                     "Other small electrics: 2 yrs"]


def test_numbered_caps_title_with_a_note_after_a_dash(tmp_path):
    text = ("5. PRICE BEAT\n - NZ: same day.\n\n"
            "6. CARE PLANS — upsell on every TV > $999.\n"
            " \"You can cancel within thirty days for a full refund.\"\n")
    blocks = read(tmp_path, text)
    cancel = next(b for b in blocks if "thirty days" in b.text)
    assert cancel.heading == ("6. CARE PLANS",)
    note = next(b for b in blocks if "upsell" in b.text)
    assert note.heading == ("6. CARE PLANS",) and note.text.startswith("upsell on every TV")


def test_lines_copied_from_a_web_page_stay_apart(tmp_path):
    # one element a line (a line over 100 characters: not hard-wrapped) and an author's short lines
    text = ("Delivery\nStandard delivery to all UK addresses is free on orders over £40 and takes three to five "
            "working days from dispatch\nExpress delivery costs £5.95\n\n"
            "Our returns policy is simple and it runs to the margin of this wrapped\nparagraph, so its lines are "
            "joined again into one block.\nShort line here\nAnother thing starts here and runs a while.\n")
    texts = [b.text for b in read(tmp_path, text)]
    assert "Express delivery costs £5.95" in texts
    assert any(t.startswith("Standard delivery to all UK addresses") and t.endswith("from dispatch") for t in texts)
    assert "Our returns policy is simple and it runs to the margin of this wrapped paragraph, so its lines " \
           "are joined again into one block. Short line here" in texts
    assert "Another thing starts here and runs a while." in texts


def test_chinese_script_sections_speakers_and_a_note_with_an_acronym(tmp_path):
    # a bracketed staff note with one Latin acronym is no ALL-CAPS heading (it hid the rest of
    # the script under a "staff note" heading); 【…】 is a section title; 客服： is a speaker
    text = ("【二、退貨】\n客服：香港訂單收貨後7日內可申請退貨。\n[內部備註：VIP客戶如超出退貨期，可轉介主管。]\n\n"
            "【三、退款】\n客服：我們會於14個工作天內退款。\n客服：熱線星期一至五上午9時至下午6時。\n")
    got = [(b.line, b.heading, b.text) for b in read(tmp_path, text)]
    assert (6, ("【三、退款】",), "客服：我們會於14個工作天內退款。") in got
    assert (7, ("【三、退款】",), "客服：熱線星期一至五上午9時至下午6時。") in got
    assert (3, ("【二、退貨】",), "[內部備註：VIP客戶如超出退貨期，可轉介主管。]") in got


def test_one_statement_a_line_stays_apart_with_its_own_line_number(tmp_path):
    # three or more lines that each end a sentence: typed one statement a line, not wrapped prose
    text = ("Please allow 5-7 working days for your refund.\n"
            "Need help with your order? Our team is available 24/7.\n"
            "Orders over $50 ship free within the contiguous US.\n"
            "\n"
            "This paragraph is wrapped prose. It runs over\n"
            "two lines and ends here.\n")
    got = [(b.text, b.line) for b in read(tmp_path, text, name="faq.txt")]
    assert got[:3] == [("Please allow 5-7 working days for your refund.", 1),
                       ("Need help with your order? Our team is available 24/7.", 2),
                       ("Orders over $50 ship free within the contiguous US.", 3)]
    assert got[3] == ("This paragraph is wrapped prose. It runs over two lines and ends here.", 5)


def test_a_table_laid_out_in_spaces_is_read_row_by_row(tmp_path):
    text = ("SCHEDULE OF GUARANTEE PERIODS\n\n"
            "  Product / component              Period\n"
            "  -------------------------------  -------\n"
            "  Powder-coated aluminium frames   5 years\n"
            "  Synthetic rattan weave           3 years\n"
            "  Cushions, fabrics and covers     1 year\n\n"
            "Two spaces after a full stop.  Do not make a table.\nNor here.  Either.\n")
    blocks = read(tmp_path, text, name="terms.txt")
    rows = [b for b in blocks if b.table is not None]
    assert [b.cells for b in rows] == [("Powder-coated aluminium frames", "5 years"), ("Synthetic rattan weave", "3 years"),
                                       ("Cushions, fabrics and covers", "1 year")]
    assert all(b.table == ("Product / component", "Period") for b in rows)
    assert any(b.text.startswith("Two spaces after") for b in blocks)
    # Chinese pads its columns to display width
    zh = "  品类            整机保修    主要部件\n  空调            6年         压缩机 10年\n  冰箱/冷柜       3年         压缩机 12年\n"
    cells = [b.cells for b in read(tmp_path, zh, name="policy.txt") if b.table is not None]
    assert cells == [("空调", "6年", "压缩机 10年"), ("冰箱/冷柜", "3年", "压缩机 12年")]


def test_a_header_over_the_value_columns_only_leaves_the_label_column_blank(tmp_path):
    text = ("RATES CARD\n\n"
            "                 Standard            Express\n"
            "Ireland          3-5 working days    2-3 working days\n"
            "Australia        10-15 working days  5-7 working days\n")
    rows = [b for b in read(tmp_path, text, name="script.txt") if b.table]
    assert [(b.cells[1], b.table[1]) for b in rows] == [("3-5 working days", "Standard"), ("10-15 working days", "Standard")]
    assert all(b.table == ("", "Standard", "Express") for b in rows)


def test_a_cell_wrapped_under_a_row_of_a_table_laid_out_in_spaces(tmp_path):
    # the lines under a status row carry on its last cell (indented to where its words start), the arrow
    # opening a cell is layout, and a row that says something is no header
    text = ("Check the status:\n\n"
            "  IN LAB       -> \"Your lenses are being made. Single-vision lenses take three to\n"
            "                  five business days in our lab, progressives seven to ten.\"\n"
            "  SHIPPED      -> Read the tracking status. \"Standard shipping takes three to\n"
            "                  five business days once it has left our lab.\"\n")
    rows = [b for b in read(tmp_path, text) if b.cells]
    assert [b.cells for b in rows] == [
        ("IN LAB", "\"Your lenses are being made. Single-vision lenses take three to five business days in our lab, "
                   "progressives seven to ten.\""),
        ("SHIPPED", "Read the tracking status. \"Standard shipping takes three to five business days once it has left our lab.\"")]
    assert all(b.table == () for b in rows)


def test_a_line_between_two_rules_is_a_title_even_in_label_form():
    from cxaudit.extract.text import parse

    blocks = parse("Hello.\n\n=====\nAppendix: QA targets (internal)\n=====\n- Answer in 15 seconds;\n", "x.txt")
    assert blocks[-1].heading == ("Appendix: QA targets (internal)",)
    # a speaker's line above a rule stays a line
    assert all(b.heading == () for b in parse("Agent: Hello there.\n=====\nCustomer: hi\n", "x.txt"))
