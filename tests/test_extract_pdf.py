"""PDF reader on real PDFs made with reportlab: re-joined lines, headings, pages, broken files."""

import io

import pytest
from reportlab.lib import pdfencrypt
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from cxaudit.errors import ReadError
from cxaudit.extract import read_blocks
from cxaudit.extract.pdf import blocks_from_pages
from cxaudit.model import Document

LONG = ("You may return most items within 30 days of delivery for a full refund. Items must be "
        "unused and in their original packaging, with all tags attached, and accompanied by the "
        "receipt or the order number printed on the packing slip that came with your parcel.")


def policy_pdf() -> bytes:
    ss = getSampleStyleSheet()
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=letter).build([
        Paragraph("Returns Policy", ss["Title"]),
        Paragraph("Return Window", ss["Heading1"]),
        Paragraph(LONG, ss["Normal"]),
        Paragraph("Exceptions", ss["Heading2"]),
        Paragraph("Final sale items cannot be returned.", ss["Normal"]),
        PageBreak(),
        Paragraph("SHIPPING", ss["Heading1"]),
        Paragraph("Standard shipping takes 3-5 business days.", ss["Normal"]),
    ])
    return buf.getvalue()


def read(tmp_path, data, name="policy.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_blocks(Document(uri=name, channel="policy", fmt="pdf", path=str(path)))


def test_wrapped_lines_rejoined_with_headings_and_pages(tmp_path):
    blocks = read(tmp_path, policy_pdf())
    by_text = {b.text: b for b in blocks}
    # pypdf returns the paragraph hard-wrapped over several lines; it comes back as one block
    first = "You may return most items within 30 days of delivery for a full refund."
    joined = next(b for b in blocks if b.text.startswith(first))
    assert "in their original packaging, with all tags attached" in joined.text
    assert joined.text.endswith("that came with your parcel.")
    assert joined.heading == ("Returns Policy", "Return Window")
    assert joined.line == 1
    assert by_text["Final sale items cannot be returned."].heading == ("Returns Policy", "Exceptions")
    ship = by_text["Standard shipping takes 3-5 business days."]
    assert ship.line == 2
    assert ship.heading == ("Returns Policy", "SHIPPING")


def test_rejoin_rules():
    page = "\n".join([
        "Delivery Times",
        "Orders placed before noon ship the same",
        "day. Standard delivery takes 3-5 busi-",
        "ness days.",
        "Express orders arrive next day.",
        "• Free returns within",
        "30 days",
        "• Refunds in 5 days",
        "",
        "3",
    ])
    got = [(b.text, b.heading) for b in blocks_from_pages([page])]
    assert got == [
        ("Delivery Times", ("Delivery Times",)),
        ("Orders placed before noon ship the same day. Standard delivery takes 3-5 business days.",
         ("Delivery Times",)),
        ("Express orders arrive next day.", ("Delivery Times",)),
        ("Free returns within 30 days", ("Delivery Times",)),
        ("Refunds in 5 days", ("Delivery Times",)),
    ]


def test_sentence_case_headings_and_author_line_breaks():
    wide = "x" * 60
    page = "\n".join([
        "Acme Home — Return Policy",
        "Effective February 1, 2025 · Policy 7",
        "Eligibility",
        "This policy covers lighting and smart-home devices bought from us, as long as they are",
        "returned complete.",
        "1. Scope of this policy",
        "It applies to every order. " + wide,
    ])
    got = [(b.text, b.heading) for b in blocks_from_pages([page])]
    title = ("Acme Home — Return Policy",)
    assert got == [
        ("Acme Home — Return Policy", title),
        ("Effective February 1, 2025 · Policy 7", title),
        ("Eligibility", title + ("Eligibility",)),
        ("This policy covers lighting and smart-home devices bought from us, as long as they are "
         "returned complete.", title + ("Eligibility",)),
        ("1. Scope of this policy", title + ("1. Scope of this policy",)),
        ("It applies to every order. " + wide, title + ("1. Scope of this policy",)),
    ]


def test_running_headers_dropped():
    pages = [f"ACME TERMS OF SALE\nBody text on page {i}.\nPage {i} of 4" for i in range(1, 5)]
    texts = [b.text for b in blocks_from_pages(pages)]
    assert texts == [f"Body text on page {i}." for i in range(1, 5)]
    # two pages, a header that carries the page number
    pages = [f"Acme — Returns Policy — page {i}\nText {i}." for i in (1, 2)]
    assert [b.text for b in blocks_from_pages(pages)] == ["Text 1.", "Text 2."]


def encrypted(user: str, owner: str) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption(user, owner, strength=128))
    c.drawString(72, 720, "Returns accepted within 30 days.")
    c.save()
    return buf.getvalue()


def test_encrypted_pdf(tmp_path):
    with pytest.raises(ReadError) as err:
        read(tmp_path, encrypted("secret", "owner"))
    assert err.value.reason == "encrypted PDF (password required)"
    assert err.value.uri == "policy.pdf"
    # owner password only: opens with the empty user password
    assert [b.text for b in read(tmp_path, encrypted("", "owner"))] == ["Returns accepted within 30 days."]


@pytest.mark.parametrize("data, reason", [
    (b"", "corrupt PDF: no PDF header"),
    (bytes(range(256)) * 40, "corrupt PDF: no PDF header"),
    (b"%PDF-1.4\n" + b"garbage " * 200, "corrupt PDF"),
])
def test_corrupt_pdfs(tmp_path, data, reason):
    with pytest.raises(ReadError) as err:
        read(tmp_path, data)
    assert err.value.reason.startswith(reason)


def test_truncated_pdf(tmp_path):
    data = policy_pdf()
    with pytest.raises(ReadError) as err:
        read(tmp_path, data[: len(data) // 3])
    assert err.value.reason.startswith("corrupt PDF")


def table_pdf() -> bytes:
    from reportlab.platypus import Table

    buf = io.BytesIO()
    styles = getSampleStyleSheet()
    rows = [["Destination", "Delivery time", "Charge"],
            ["Scotland", "3-4 working days", "£6"],
            ["Wales", "2-3 working days", "£4"],
            ["Northern Ireland", "4-6 working days", "£8"]]
    story = [Paragraph("4. Delivery", styles["Heading1"]),
             Paragraph("Estimated delivery times are set out below.", styles["BodyText"]),
             Table(rows, colWidths=[150, 150, 100]),
             Paragraph("We dispatch orders within one working day.", styles["BodyText"])]
    SimpleDocTemplate(buf, pagesize=letter).build(story)
    return buf.getvalue()


def test_a_table_keeps_its_rows_and_header(tmp_path):
    """pypdf's plain text gives a table a cell a line; the layout text keeps each row together,
    so a value stays with its row's label and the column header."""
    blocks = read(tmp_path, table_pdf())
    rows = [b for b in blocks if b.cells]
    assert [b.cells for b in rows] == [("Destination", "Delivery time", "Charge"),
                                       ("Scotland", "3-4 working days", "£6"),
                                       ("Wales", "2-3 working days", "£4"),
                                       ("Northern Ireland", "4-6 working days", "£8")]
    assert rows[1].table == ("Destination", "Delivery time", "Charge") and rows[1].heading == ("4. Delivery",)
    # prose around the table is read as prose
    assert any(b.text == "We dispatch orders within one working day." and b.cells is None for b in blocks)
    from cxaudit.pipeline import promises_in_blocks

    doc = Document(uri="t.pdf", channel="policy", fmt="pdf")
    found = {(p.min, p.max, dict(p.scope).get("region")) for p in promises_in_blocks(blocks, doc)
             if p.kind == "delivery_time"}
    assert found == {(3, 4, "UK"), (2, 3, "UK"), (4, 6, "UK-NI")}


def test_a_chinese_line_wrapped_inside_a_word_joins_without_a_space(tmp_path):
    # 「離」 ends one line and 「島」 starts the next: the paragraph reads 「離島」, a place the rules know
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("MSung-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setFont("MSung-Light", 11)
    c.drawString(72, 720, "台灣本島宅配於出貨後 1 至 2 個工作天送達；離")
    c.drawString(72, 704, "島地區於出貨後 5 至 7 個工作天送達。")
    c.save()
    blocks = read(tmp_path, buf.getvalue())
    text = " ".join(b.text for b in blocks)
    assert "離島地區" in text and "離 島" not in text
    assert "1 至 2" in text   # (spaces beside digits stay)
