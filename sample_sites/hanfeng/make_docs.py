#!/usr/bin/env python3
"""Generate the policy document of the Hanfeng sample brand.

    .venv/bin/python sample_sites/hanfeng/make_docs.py

writes sample_sites/hanfeng/policy/terms-of-service.docx (python-docx: a title, headings,
paragraphs and a table, all in Chinese). The output is deterministic: the DOCX is re-packed
with fixed zip timestamps and fixed core properties, so running the script twice gives
byte-identical files. Commit the generated file together with any change here; what each
sentence is for is in ../hanfeng/expected.yaml.

Requires python-docx (in the project's test extras). The audit skips this .py file (not a
document format) when it reads the brand folder.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
AUTHOR = "宁波瀚峰电器有限公司"
FIXED_TIME = dt.datetime(2025, 1, 1, 9, 0, 0)

# Blocks: ("title", text) | ("subtitle", text) | ("h1", text) | ("p", text) | ("table", [header, row, ...])
TERMS = [
    ("title", "瀚峰家电服务条款"),
    ("subtitle", "2025年1月1日起生效 · 版本3.0 · 适用于瀚峰家电官方商城（hanfeng.example）的订单"),
    ("h1", "一、订单"),
    ("p", "订单提交后30分钟内可在“我的订单”中自行取消。"),
    ("p", "同一收货地址每日最多可提交5笔订单，单笔订单最多购买10件同款商品。"),
    ("h1", "二、保修"),
    ("p", "所有瀚峰家电自购买之日起享受整机两年保修。"),
    ("p", "保修期内请凭购买凭证联系客服，非人为损坏免费维修。"),
    ("table", [
        ["部件", "保修期"],
        ["整机", "两年"],
        ["压缩机", "十年"],
    ]),
    ("h1", "三、退换货"),
    ("p", "特价商品、定制商品不支持无理由退货。"),
    ("h1", "四、其他"),
    ("p", "本条款由宁波瀚峰电器有限公司（成立于2008年）负责解释，客服热线400-820-5566。"),
]


def write_docx(blocks: list, path: Path) -> None:
    import docx

    d = docx.Document()
    for kind, content in blocks:
        if kind == "title":
            d.add_heading(content, level=0)
        elif kind == "subtitle":
            d.add_paragraph(content, style="Subtitle")
        elif kind == "h1":
            d.add_heading(content, level=1)
        elif kind == "p":
            d.add_paragraph(content)
        elif kind == "table":
            header, *rows = content
            table = d.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for r, cells in enumerate([header, *rows]):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
                    if r == 0:
                        for run in table.cell(r, c).paragraphs[0].runs:
                            run.bold = True
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    cp = d.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.title = next(text for kind, text in blocks if kind == "title")
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.revision = 1
    raw = io.BytesIO()
    d.save(raw)
    path.write_bytes(_repack(raw.getvalue()))


def _repack(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps so the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main() -> None:
    folder = HERE / "policy"
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "terms-of-service.docx"
    write_docx(TERMS, out)
    print(f"wrote {out.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
