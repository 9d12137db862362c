#!/usr/bin/env python3
"""Generate the policy documents of the sample brands.

    python sample_sites/make_docs.py

writes, for each brand under sample_sites/:

    <brand>/policy/returns-policy.pdf   (reportlab: headings and wrapped paragraphs)
    <brand>/policy/terms-of-sale.docx   (python-docx: headings, paragraphs and a table)

The source text of every document lives in this file. The output is deterministic:
the PDF is written with reportlab's `invariant=1` (fixed dates and document id) and
the DOCX is re-packed with fixed zip timestamps and fixed core properties, so running
the script twice gives byte-identical files. Commit the generated files together
with any change here (see sample_sites/README.md for what each sentence is for).

Requires reportlab and python-docx (both in the project's test extras).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------------------
# Document sources. Each document is a list of blocks:
#   ("title", text) | ("subtitle", text) | ("h1", text) | ("h2", text) | ("p", text)
#   ("table", [header_cells, row_cells, ...])          (DOCX only)
#   ("pagebreak", "")                                  (PDF only; ignored in DOCX)
# Paragraph text is plain text; the PDF writer escapes it for reportlab markup.
# --------------------------------------------------------------------------------------

NORTHWIND_RETURNS_PDF = [
    ("title", "Northwind Outfitters — Returns Policy"),
    ("subtitle", "Effective 1 March 2025 · Version 4.1 · Applies to orders placed at northwind.example"),
    ("h1", "1. Scope of this policy"),
    ("p", "This policy applies to all products bought from Northwind Outfitters, Inc. online, by phone "
          "or in our store at 1420 Alder Street, Portland, Oregon. It does not affect your statutory rights, "
          "including the rights of customers in the European Union and the United Kingdom, which are "
          "described in our Terms of Sale."),
    ("h1", "2. Return window"),
    ("p", "Items may be returned within thirty (30) days of delivery, provided that they are unworn, "
          "unwashed and in their original condition with all tags attached. Items bought in our Portland "
          "store may be returned to the store or by mail."),
    ("h1", "3. Return shipping"),
    ("p", "A return shipping fee of $5.95 will be deducted from your refund for each return sent with the "
          "prepaid label supplied in your parcel. Please use one label per parcel and keep the receipt "
          "from the drop-off point until your return has been processed."),
    ("h1", "4. Inspection and refunds"),
    ("p", "Returned items are inspected on arrival at our warehouse. Approved refunds are issued to the "
          "original payment method; store credit is available on request. Purchases made with a gift card "
          "are refunded to a new Northwind gift card."),
    ("pagebreak", ""),
    ("h1", "5. Items that cannot be returned"),
    ("p", "The following items cannot be returned: items marked Final Sale, gift cards, personalised items "
          "and opened fuel canisters (for example 230 g and 450 g isobutane canisters). Footwear that shows "
          "outdoor wear cannot be returned but remains covered against manufacturing defects."),
    ("h1", "6. Damaged or incorrect items"),
    ("p", "If an item arrives damaged, or is not what you ordered, please contact our customer care team "
          "with your order number and a photo of the item, and we will send a replacement."),
    ("h1", "7. Contact"),
    ("p", "Northwind Outfitters, Inc., 1420 Alder Street, Portland, OR 97205, USA. Telephone "
          "1-800-555-0199. Email returns@northwind.example."),
]

NORTHWIND_TERMS_DOCX = [
    ("title", "Terms of Sale"),
    ("subtitle", "Northwind Outfitters, Inc. · last updated 1 March 2025"),
    ("h1", "1. Who we are"),
    ("p", "Northwind Outfitters, Inc. (Oregon registry no. 1998-0412) sells outdoor equipment through "
          "northwind.example, by telephone and in its Portland store. These terms apply to every order."),
    ("h1", "2. Prices and payment"),
    ("p", "Prices are shown in US dollars for US orders, in euros for EU orders and in pounds sterling for "
          "UK orders. We accept Visa, Mastercard, American Express and PayPal. Promotional codes cannot be "
          "combined; a code such as TRAIL20 gives 20% off your first order only."),
    ("h1", "3. Refunds"),
    ("p", "Refunds are issued within 5 days after we receive the goods back, to the original payment method."),
    ("h1", "4. Cancelling an order"),
    ("p", "You can cancel an order within the periods below. To cancel, contact us by phone or email and "
          "quote your order number."),
    ("table", [
        ["Destination", "Cancellation window", "How to cancel"],
        ["United States", "Within 2 hours of ordering", "Phone or email"],
        ["European Union", "Within 14 days of delivery", "Model withdrawal form or email"],
        ["United Kingdom", "Within 14 days of delivery", "Email or phone"],
    ]),
    ("h2", "4.1 Orders shipped to the EU or the UK"),
    ("p", "Customers in the EU may cancel their order within 14 days of delivery without giving any reason. "
          "Customers in the United Kingdom have the same right under the Consumer Contracts Regulations 2013."),
    ("h1", "5. Delivery"),
    ("p", "Delivery methods and charges are shown on our Shipping page and at checkout. Risk in the goods "
          "passes to you on delivery."),
    ("h1", "6. Product warranty"),
    ("p", "Our product warranty is described in the Help Centre. It is given in addition to your statutory rights."),
    ("h1", "7. Governing law"),
    ("p", "These terms are governed by the laws of the State of Oregon, USA, except where the law of your "
          "country of residence gives you more protection."),
]

LUMEN_RETURNS_PDF = [
    ("title", "Lumen Home Co. — Return Policy"),
    ("subtitle", "Effective February 1, 2025 · Policy LH-RP-07"),
    ("h1", "Eligibility"),
    ("p", "This policy covers lighting, smart-home devices and accessories purchased from lumen.example or "
          "by phone. Products must be returned within 14 days of the delivery date, complete with all "
          "original packaging, manuals and accessories."),
    ("h1", "Condition of returned products"),
    ("p", "Bulbs sold in multi-packs must be returned as a complete pack. Custom-cut LED strip lights, gift "
          "cards and items marked Final Sale are not eligible for return. Products with physical damage "
          "caused after delivery may be refused."),
    ("h1", "How to return"),
    ("p", "Start a return from your account or call 1-888-555-0142. Print the prepaid label from your "
          "account, attach it to the original box and drop the parcel at any UPS location."),
    ("h1", "Refunds"),
    ("p", "Refunds are made to the original payment method after the returned products have been "
          "inspected at our warehouse. Shipping charges paid on the original order are refunded only "
          "when the product was defective."),
    ("pagebreak", ""),
    ("h1", "Customers in Canada"),
    ("p", "Customers in Canada return products to our warehouse in Mississauga, Ontario, using the label "
          "provided in their account. Refunds are made in Canadian dollars."),
    ("h1", "Contact"),
    ("p", "Lumen Home Co., 500 Lakeshore Blvd, Suite 210, Chicago, IL 60611. Telephone 1-888-555-0142."),
]

LUMEN_TERMS_DOCX = [
    ("title", "Terms of Sale"),
    ("subtitle", "Lumen Home Co. · last updated February 1, 2025"),
    ("h1", "1. Orders"),
    ("p", "All orders are subject to acceptance and availability. We may limit quantities, for example to "
          "10 units of any one product per order."),
    ("h1", "2. Shipping"),
    ("p", "Free-shipping thresholds and standard delivery times by destination:"),
    ("table", [
        ["Destination", "Free shipping", "Standard delivery"],
        ["Contiguous US", "Orders of $49 or more", "Standard: 2–5 business days"],
        ["Canada", "Orders of C$79 or more", "Standard: 5–10 business days"],
    ]),
    ("p", "Expedited shipping is available within the contiguous US at checkout."),
    ("h1", "3. Limited warranty"),
    ("p", "Lumen products are covered by a limited warranty of one (1) year from the date of purchase "
          "against defects in materials and workmanship. To make a claim, contact support with your "
          "proof of purchase."),
    ("h1", "4. Prices"),
    ("p", "Prices may change without notice. The price that applies is the one shown at checkout when you "
          "place your order."),
    ("h1", "5. Limitation of liability"),
    ("p", "To the extent allowed by law, our total liability for any product is limited to the price you paid for it."),
    ("h1", "6. Governing law"),
    ("p", "These terms are governed by the laws of the State of Illinois, USA; for customers in Canada, by the "
          "laws of their province of residence."),
]

DOCUMENTS = {
    "northwind": {"pdf": NORTHWIND_RETURNS_PDF, "docx": NORTHWIND_TERMS_DOCX, "author": "Northwind Outfitters, Inc."},
    "lumen": {"pdf": LUMEN_RETURNS_PDF, "docx": LUMEN_TERMS_DOCX, "author": "Lumen Home Co."},
}

FIXED_TIME = dt.datetime(2025, 3, 1, 12, 0, 0, tzinfo=dt.timezone.utc)


# --------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------

def write_pdf(blocks: list, path: Path, author: str) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import inch
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    body = ParagraphStyle("Body", parent=styles["BodyText"], fontSize=10.5, leading=14, spaceAfter=8)
    subtitle = ParagraphStyle("Sub", parent=styles["BodyText"], fontSize=9, textColor="#555555", spaceAfter=14)
    style_of = {"title": styles["Title"], "subtitle": subtitle, "h1": styles["Heading2"],
                "h2": styles["Heading3"], "p": body}
    title = next(text for kind, text in blocks if kind == "title")

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(inch, 0.6 * inch, f"{title} — page {doc.page}")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=LETTER, invariant=1, title=title, author=author,
                            subject="Customer policy", creator="sample_sites/make_docs.py",
                            leftMargin=inch, rightMargin=inch, topMargin=inch, bottomMargin=inch)
    story = []
    for kind, text in blocks:
        if kind == "table":
            raise ValueError("tables are only supported in DOCX sources")
        if kind == "pagebreak":
            story.append(PageBreak())
            continue
        story.append(Paragraph(escape(text), style_of[kind]))
        if kind == "title":
            story.append(Spacer(1, 4))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    path.write_bytes(buf.getvalue())


# --------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------

def write_docx(blocks: list, path: Path, author: str) -> None:
    import docx

    d = docx.Document()
    for kind, content in blocks:
        if kind == "title":
            d.add_heading(content, level=0)
        elif kind == "subtitle":
            d.add_paragraph(content, style="Subtitle")
        elif kind == "h1":
            d.add_heading(content, level=1)
        elif kind == "h2":
            d.add_heading(content, level=2)
        elif kind == "p":
            d.add_paragraph(content)
        elif kind == "pagebreak":
            continue
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
    cp.author = author
    cp.last_modified_by = author
    cp.title = next(text for kind, text in blocks if kind == "title")
    cp.created = FIXED_TIME.replace(tzinfo=None)
    cp.modified = FIXED_TIME.replace(tzinfo=None)
    cp.revision = 1

    raw = io.BytesIO()
    d.save(raw)
    path.write_bytes(_repack(raw.getvalue()))


def _repack(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps so the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 1, 12, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main() -> None:
    for brand, spec in DOCUMENTS.items():
        folder = HERE / brand / "policy"
        folder.mkdir(parents=True, exist_ok=True)
        pdf = folder / "returns-policy.pdf"
        dx = folder / "terms-of-sale.docx"
        write_pdf(spec["pdf"], pdf, spec["author"])
        write_docx(spec["docx"], dx, spec["author"])
        print(f"wrote {pdf.relative_to(HERE.parent)} and {dx.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
