"""read_blocks dispatch: formats, ReadError for everything unreadable, encodings, suppression parsing."""

import os
import random

import pytest

import cxaudit.extract as extract
from cxaudit.errors import ReadError
from cxaudit.extract import FORMATS, Limits, format_for, read_blocks
from cxaudit.extract import suppress
from cxaudit.extract.encoding import decode
from cxaudit.model import Document


def test_formats():
    assert FORMATS[".htm"] == "html" and FORMATS[".markdown"] == "md" and FORMATS[".yml"] == "faq"
    assert format_for("site/Shipping.HTML") == "html"
    assert format_for("docs/terms.pdf") == "pdf"
    assert format_for("https://x.com/files/terms.docx?download=1#top") == "docx"
    assert format_for("faq.yaml") == "faq"
    assert format_for("image.png") is None
    assert format_for("Makefile") is None


@pytest.mark.parametrize("fmt", ["html", "md", "txt", "pdf", "docx", "faq"])
def test_random_bytes_only_ever_raise_read_error(tmp_path, fmt):
    rnd = random.Random(fmt)
    for i in range(5):
        data = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 5000)))
        path = tmp_path / f"junk{i}.{fmt}"
        path.write_bytes(data)
        try:
            blocks = read_blocks(Document(uri=path.name, channel="other", fmt=fmt, path=str(path)))
        except ReadError as e:
            assert e.uri == path.name and e.reason
        else:
            assert fmt in ("html", "md", "txt")   # text formats read anything
            assert all(b.text == " ".join(b.text.split()) for b in blocks)


def test_unexpected_reader_failure_becomes_read_error(tmp_path, monkeypatch):
    import cxaudit.extract.markdown as md

    def boom(*args, **kwargs):
        raise KeyError("internal bug")

    monkeypatch.setattr(md, "read", boom)
    with pytest.raises(ReadError) as err:
        read_blocks(Document(uri="a.md", channel="other", fmt="md", content=b"# x"))
    assert err.value.reason == "unreadable Markdown: 'internal bug'"


def test_missing_file_permission_and_folder(tmp_path, monkeypatch):
    with pytest.raises(ReadError) as err:
        read_blocks(Document(uri="gone.html", channel="website", fmt="html", path=str(tmp_path / "gone.html")))
    assert err.value.reason == "file not found"
    with pytest.raises(ReadError) as err:
        read_blocks(Document(uri="dir.html", channel="website", fmt="html", path=str(tmp_path)))
    assert err.value.reason == "is a directory"

    secret = tmp_path / "secret.txt"
    secret.write_text("x")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(extract, "open", denied, raising=False)
    with pytest.raises(ReadError) as err:
        read_blocks(Document(uri="secret.txt", channel="other", fmt="txt", path=str(secret)))
    assert err.value.reason == "permission denied"


def test_too_large(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(3 * 1024 * 1024)   # sparse: no need to write 3 MB
    limits = Limits(max_file_bytes=2 * 1024 * 1024)
    with pytest.raises(ReadError) as err:
        read_blocks(Document(uri="big.txt", channel="other", fmt="txt", path=str(big)), limits)
    assert err.value.reason == "file is 3.0 MB, over the 2 MB limit (--max-file-size)"
    with pytest.raises(ReadError) as err:
        read_blocks(Document(uri="https://x/a", channel="website", fmt="html", content=b"x" * 100),
                    Limits(max_file_bytes=10))
    assert "--max-file-size" in err.value.reason
    assert os.path.getsize(big) == 3 * 1024 * 1024


def test_unknown_format():
    with pytest.raises(ReadError) as err:
        read_blocks(Document(uri="a.xyz", channel="other", fmt="xyz", content=b""))
    assert err.value.reason == "unsupported format 'xyz'"


def test_decode_order():
    text = "Café — “30 days”"
    assert decode("\ufeff".encode() + text.encode()) == text
    assert decode(text.encode("utf-16")) == text
    assert decode(text.encode("utf-16-be")) == text
    assert decode(text.encode("cp1252"), declared="windows-1252") == text
    # a wrong legacy label on valid UTF-8 is ignored rather than producing mojibake
    assert decode(text.encode("utf-8"), declared="iso-8859-1") == text
    assert decode(b"<meta charset=\"koi8-r\">\xf0\xd2\xc9", html=True).endswith("При")
    assert decode(b"abc \xff") .startswith("abc ")


def test_suppress_parsing():
    assert suppress.parse(" cxaudit-disable return_window, contradiction ") == \
        ("disable", ("contradiction", "return_window"))
    assert suppress.parse("cxaudit-enable") == ("enable", ("*",))
    assert suppress.parse("cxaudit-disable-next-line warranty--") == ("disable-next-line", ("warranty",))
    assert suppress.parse("just a comment") is None
    assert suppress.parse_ignore("Returns in 30 days. # cxaudit: ignore return_window") == \
        ("Returns in 30 days.", ("return_window",), False)
    assert suppress.parse_ignore("// cxaudit: ignore") == ("", ("*",), True)
    s = suppress.Suppressor()
    s.apply("disable-next-line", ("a",))
    assert s.next_block() == ("a",)
    assert s.next_block() == ()
