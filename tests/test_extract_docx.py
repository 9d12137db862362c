"""DOCX reader on real files made with python-docx: headings, tables, broken files, zip bombs."""

import io
import struct
import zipfile

import docx
import pytest

from cxaudit.errors import ReadError
from cxaudit.extract import Limits, read_blocks
from cxaudit.model import Document


def terms_docx() -> bytes:
    d = docx.Document()
    d.add_heading("Terms of Sale", 0)
    d.add_heading("Returns", 1)
    d.add_paragraph("Items can be returned within 30 days.")
    d.add_paragraph("")
    table = d.add_table(rows=3, cols=2)
    for i, (a, b) in enumerate([("Service", "Time"), ("Standard", "3-5 days"), ("Express", "1 day")]):
        table.cell(i, 0).text = a
        table.cell(i, 1).text = b
    d.add_heading("Warranty", 2)
    d.add_paragraph("All products carry a 2-year warranty.", style="List Bullet")
    d.add_heading("Delivery", 1)
    p = d.add_paragraph("Orders ship in ")
    p.add_run("2 days").bold = True
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def read(tmp_path, data, limits=None):
    path = tmp_path / "terms.docx"
    path.write_bytes(data)
    return read_blocks(Document(uri="terms.docx", channel="policy", fmt="docx", path=str(path)), limits)


def test_paragraphs_headings_and_tables(tmp_path):
    got = [(b.text, b.heading, b.line, b.table, b.cells) for b in read(tmp_path, terms_docx())]
    assert got == [
        ("Terms of Sale", ("Terms of Sale",), 1, None, None),
        ("Returns", ("Terms of Sale", "Returns"), 2, None, None),
        ("Items can be returned within 30 days.", ("Terms of Sale", "Returns"), 3, None, None),
        # line 4 is the empty paragraph; table rows count one each
        ("Service | Time", ("Terms of Sale", "Returns"), 5, None, ("Service", "Time")),
        ("Standard | 3-5 days", ("Terms of Sale", "Returns"), 6, ("Service", "Time"), ("Standard", "3-5 days")),
        ("Express | 1 day", ("Terms of Sale", "Returns"), 7, ("Service", "Time"), ("Express", "1 day")),
        ("Warranty", ("Terms of Sale", "Returns", "Warranty"), 8, None, None),
        ("All products carry a 2-year warranty.", ("Terms of Sale", "Returns", "Warranty"), 9, None, None),
        ("Delivery", ("Terms of Sale", "Delivery"), 10, None, None),
        ("Orders ship in 2 days", ("Terms of Sale", "Delivery"), 11, None, None),
    ]


def declare_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrite a member's uncompressed size in the zip's central directory."""
    out = bytearray(data)
    name = member.encode()
    pos = out.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", out, pos + 28)[0]
        if bytes(out[pos + 46:pos + 46 + name_len]) == name:
            struct.pack_into("<I", out, pos + 24, size)
            return bytes(out)
        pos = out.find(b"PK\x01\x02", pos + 4)
    raise AssertionError("member not found")


def test_zip_bomb_rejected_before_unzipping(tmp_path):
    bomb = declare_size(terms_docx(), "word/document.xml", 0xFFFF0000)
    with pytest.raises(ReadError) as err:
        read(tmp_path, bomb)
    assert err.value.reason.startswith("DOCX unzips to 4096.")
    assert err.value.reason.endswith(" MB, over the 200 MB limit (--max-docx-size)")
    with pytest.raises(ReadError) as err:
        read(tmp_path, terms_docx(), Limits(max_docx_uncompressed=10_000))
    assert "--max-docx-size" in err.value.reason


@pytest.mark.parametrize("make, reason", [
    (lambda good: b"", "corrupt DOCX: file is not a zip file"),
    (lambda good: bytes(range(256)) * 40, "corrupt DOCX: file is not a zip file"),
    (lambda good: good[: len(good) // 2], "corrupt DOCX"),
    (lambda good: good[:-30], "corrupt DOCX"),
])
def test_corrupt_docx(tmp_path, make, reason):
    with pytest.raises(ReadError) as err:
        read(tmp_path, make(terms_docx()))
    assert err.value.reason.startswith(reason)


def test_zip_that_is_not_word(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(ReadError) as err:
        read(tmp_path, buf.getvalue())
    assert err.value.reason == "corrupt DOCX: no word/document.xml (not a Word document)"


def test_damaged_document_xml(tmp_path):
    good = zipfile.ZipFile(io.BytesIO(terms_docx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for info in good.infolist():
            data = good.read(info.filename)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            z.writestr(info.filename, data)
    with pytest.raises(ReadError) as err:
        read(tmp_path, buf.getvalue())
    assert err.value.reason.startswith("corrupt DOCX")
