"""Walking local sources: order, skipped folders and files, symlinks, channels."""

import os

import pytest

from cxaudit.collect import files
from cxaudit.collect.files import Skipped, infer_channel, walk
from cxaudit.model import Document, NotRead


def make_tree(root):
    for rel in ("b.html", "a.md", "sub/z.txt", "sub/deeper/y.pdf", "help/faq.json", "image.png",
                ".git/config.html", "node_modules/pkg/readme.md", ".cxaudit-cache/x.html",
                ".hidden.html", "sub/.venv/lib.txt"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def uris(items):
    return [i.uri for i in items]


def test_walk_order_and_skips(tmp_path, monkeypatch):
    make_tree(tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    items = list(walk("site", None))
    assert uris(items) == ["site/a.md", "site/b.html", "site/help/faq.json", "site/image.png",
                           "site/sub/deeper/y.pdf", "site/sub/z.txt"]
    assert items[3] == Skipped("site/image.png", "unsupported file type")
    doc = items[1]
    assert isinstance(doc, Document)
    assert (doc.fmt, doc.channel, doc.path) == ("html", "website", os.path.join("site", "b.html"))
    assert items[2].channel == "help_centre" and items[2].fmt == "faq"
    assert items[0].channel == "other"
    # one spelling per place: "./site/" reads as "site"
    assert uris(walk("./site/", None))[0] == "site/a.md"


def test_single_file_and_channel_precedence(tmp_path, monkeypatch):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert list(walk("b.html", "policy")) == [Document(uri="b.html", channel="policy", fmt="html", path="b.html")]
    globs = [("sub/deeper/", "email"), ("**/*.txt", "chat"), ("*.md", "social"), ("sub/*.pdf", "ads")]
    got = {d.uri: d.channel for d in walk(".", None, globs) if isinstance(d, Document)}
    assert got["sub/deeper/y.pdf"] == "email"
    assert got["sub/z.txt"] == "chat"
    assert got["a.md"] == "social"           # no "/": matches the file name anywhere
    assert got["help/faq.json"] == "help_centre"
    # globs also match the path inside the folder walked
    got = {d.uri: d.channel for d in walk("sub", None, [("deeper/**", "email")]) if isinstance(d, Document)}
    assert got == {"sub/deeper/y.pdf": "email", "sub/z.txt": "other"}
    assert list(walk("image.png", None)) == [Skipped("image.png", "unsupported file type")]


def test_missing_target_is_not_read():
    assert list(walk("no/such/place", None)) == [NotRead("no/such/place", "no such file or folder")]


def test_empty_folder(tmp_path):
    assert list(walk(str(tmp_path), None)) == []


def test_symlink_loop_and_links(tmp_path):
    site = tmp_path / "site"
    make_tree(site)
    (site / "sub" / "loop").symlink_to(site)                  # loop to an ancestor
    (site / "sub" / "self").symlink_to(site / "sub" / "self")  # dangling self-link
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "extra.md").write_text("x")
    (outside / "back").symlink_to(site)
    (site / "ext").symlink_to(outside)
    (site / "broken.pdf").symlink_to(tmp_path / "missing.pdf")
    base = str(site)
    plain = list(walk(base, None))
    assert not any("/loop/" in u or "/ext/" in u for u in uris(plain))
    assert NotRead(base + "/broken.pdf", "broken symlink") in plain
    followed = uris(walk(base, None, follow_symlinks=True))
    assert base + "/ext/extra.md" in followed
    assert not any("/loop/" in u or "/back/" in u for u in followed)
    assert len(followed) == len(set(followed))


def test_unreadable_folder(tmp_path, monkeypatch):
    make_tree(tmp_path / "site")
    real = files._list

    def fake(path, uri):
        if path.endswith("sub"):
            return NotRead(uri, "permission denied")
        return real(path, uri)

    monkeypatch.setattr(files, "_list", fake)
    items = list(walk(str(tmp_path / "site"), None))
    assert NotRead(str(tmp_path / "site") + "/sub", "permission denied") in items
    assert any(u.endswith("help/faq.json") for u in uris(items))


@pytest.mark.parametrize("uri, fmt, channel", [
    ("helpful.html", "html", "website"),
    ("help/shipping.html", "html", "help_centre"),
    ("site/faq.html", "html", "help_centre"),
    ("kb/article-12.md", "md", "help_centre"),
    ("legal/returns.pdf", "pdf", "policy"),
    ("returns-policy.docx", "docx", "policy"),
    ("terms_of_service.md", "md", "policy"),
    ("scripts/returns.txt", "txt", "call_centre"),
    ("call_center/greeting.txt", "txt", "call_centre"),
    ("ivr-menu.txt", "txt", "call_centre"),
    ("ad-copy/spring.txt", "txt", "ads"),
    ("campaigns/q3.md", "md", "ads"),
    ("order-emails/confirmation.html", "html", "email"),
    ("newsletter.txt", "txt", "email"),
    ("social/instagram-posts.txt", "txt", "social"),
    ("chatbot/macros.yaml", "faq", "chat"),
    ("notes.txt", "txt", "other"),
    ("support/policies/returns.html", "html", "policy"),     # the most specific part wins
    ("https://help.shop.example.com/articles/1", None, "help_centre"),
    ("https://shop.example.com/pages/shipping-policy", None, "policy"),
    ("https://shop.example.com/helpful-tips", None, "website"),
    ("https://www.shop.example.com/", None, "website"),
    ("https://shop.example.com/support/contact", None, "help_centre"),
])
def test_infer_channel(uri, fmt, channel):
    assert infer_channel(uri, fmt) == channel


def test_absolute_path_ignores_upper_folders(tmp_path):
    site = tmp_path / "support-team" / "work" / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("x")
    (doc,) = list(walk(str(site), None))
    assert doc.channel == "website"


def test_folders_above_the_walked_folder_name_no_channel(tmp_path, monkeypatch):
    # a brand that sells phones keeps its corpus under "acme-phone/": its pages are not call scripts
    corpus = tmp_path / "acme-phone" / "corpus"
    (corpus / "help").mkdir(parents=True)
    (corpus / "index.html").write_text("x")
    (corpus / "help" / "returns.md").write_text("x")
    monkeypatch.chdir(tmp_path)
    for target in (str(corpus), "acme-phone/corpus"):
        assert {d.uri.rsplit("/", 1)[-1]: d.channel for d in walk(target, None)} == \
            {"index.html": "website", "returns.md": "help_centre"}
    # the walked folder's own name still counts, and a file given alone keeps its folder's
    scripts = tmp_path / "acme-phone" / "scripts"
    scripts.mkdir()
    (scripts / "greeting.txt").write_text("x")
    assert [d.channel for d in walk("acme-phone/scripts", None)] == ["call_centre"]
    assert [d.channel for d in walk("acme-phone/scripts/greeting.txt", None)] == ["call_centre"]
    assert [d.channel for d in walk("acme-phone/corpus/index.html", None)] == ["website"]
