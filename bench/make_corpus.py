"""Generate a realistic multi-channel corpus of N pages, deterministic for a seed.

    python bench/make_corpus.py OUT N [--seed 42]

About 95% HTML pages of 30-50 KB (inline CSS, JSON-LD, a 3-8 KB state script, a mega-menu
with SVG icons, a site-wide promo banner with two promises, main text with occasional
promise sentences among many non-promise numbers, a footer with support hours, a cookie
bar), plus help-centre Markdown, call-centre scripts, and a few policy PDFs and DOCX files.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

CSS = "".join(f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i * 2654435761 % 0xFFFFFF:06x}}}\n" for i in range(220))
SVG = '<svg viewBox="0 0 24 24" width="24" height="24"><path d="M12 2L2 7l10 5 10-5-10-5zm0 7.5L4.5 6 12 2.5 19.5 6 12 9.5z"/></svg>'
BANNER = '<div class="promo-banner">Free shipping on orders over $50 · 30-day returns on everything</div>'
FOOTER = ('<footer><p>Customer care: 1-800-555-0123 · Mon–Fri 9am–6pm ET</p>'
          '<p>© 2025 Example Outfitters · 100 Main St</p></footer>')
COOKIE = '<div class="cookie-bar">We use cookies to improve your visit. Cookies are kept for up to 13 months. <button>OK</button></div>'
PROMISES = [
    "Standard delivery takes 3–5 business days.",
    "Express orders arrive in 1–2 business days.",
    "Orders placed before 2pm ship the same day.",
    "You have 30 days from delivery to return an item.",
    "Refunds are issued within 5 business days of receiving your return.",
    "Every jacket carries a 2-year warranty.",
    "We reply to every email within 24 hours.",
    "Calls are answered in under 2 minutes.",
]
NOISE = [
    "Rated 4.7 out of 5 by 1,204 customers.", "Now $129.99, was $159.99.", "Save 20% on your first order.",
    "Founded in 1998 in Portland.", "Water column rating 3,000 mm.", "Weighs 1.2 kg with the stuff sack.",
    "Fits 2-4 people comfortably.", "Model NW-2041, size M.", "Call 1-800-555-0199 for group orders.",
    "Our team of 40 gear testers logged 12,000 miles last year.", "Packs down to 30 x 15 cm.",
]
WORDS = ("trail tent jacket pack light durable weather ridge camp summit fabric seam zip pocket warm "
         "layer breathable insulated stove lantern boot sock strap frame pole stake rain wind snow").split()


def _para(rng: random.Random, promise_rate: float) -> str:
    parts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30))).capitalize() + "."]
    parts.append(rng.choice(NOISE))
    if rng.random() < promise_rate:
        parts.append(rng.choice(PROMISES))
    return " ".join(parts)


def html_page(rng: random.Random, i: int, kind: str) -> str:
    menu = "".join(f'<li><a href="/c/{j}.html">{SVG} {rng.choice(WORDS).title()}</a></li>' for j in range(60))
    state = json.dumps({"products": [{"id": f"p{i}-{k}", "price": rng.randint(10, 500), "name": rng.choice(WORDS)}
                                     for k in range(rng.randint(60, 160))]})
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "Product", "name": f"Item {i}",
                         "offers": {"price": rng.randint(10, 500), "priceCurrency": "USD"}})
    body = "".join(f"<p>{_para(rng, 0.25 if kind != 'blog' else 0.05)}</p>" for _ in range(rng.randint(10, 22)))
    links = "".join(f'<a href="page-{rng.randint(0, 99999):05d}.html">related {k}</a> ' for k in range(20))
    return (f"<!doctype html><html><head><title>{kind} {i}</title><style>{CSS}</style>"
            f'<script type="application/ld+json">{jsonld}</script>'
            f"<script>window.__INITIAL_STATE__={state}</script></head><body>{BANNER}"
            f'<header><nav><ul class="mega-menu">{menu}</ul></nav></header>'
            f"<main><h1>{kind.title()} {i}</h1><h2>Details</h2>{body}<h2>Related</h2><p>{links}</p></main>"
            f"{FOOTER}{COOKIE}</body></html>")


def make(out: Path, n: int, seed: int = 42) -> dict:
    rng = random.Random(seed)
    site, help_dir, scripts, policy = (out / "site", out / "help", out / "scripts", out / "policy")
    for d in (site, help_dir, scripts, policy):
        d.mkdir(parents=True, exist_ok=True)
    n_md = max(1, n * 3 // 100)
    n_txt = max(1, n // 100)
    n_docs = 2 if n >= 100 else 0
    n_html = n - n_md - n_txt - 2 * n_docs
    html_bytes = 0
    for i in range(n_html):
        kind = "product" if i % 10 < 7 else "category" if i % 10 < 9 else "blog"
        page = html_page(rng, i, kind)
        (site / f"page-{i:05d}.html").write_text(page, encoding="utf-8")
        html_bytes += len(page.encode())
    for i in range(n_md):
        text = f"# Help article {i}\n\n## Shipping\n\n{_para(rng, 0.6)}\n\n## Returns\n\n{_para(rng, 0.6)}\n"
        (help_dir / f"article-{i:04d}.md").write_text(text, encoding="utf-8")
    for i in range(n_txt):
        lines = [f"Agent: {_para(rng, 0.5)}" for _ in range(12)]
        (scripts / f"script-{i:03d}.txt").write_text("CALL SCRIPT\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    if n_docs:
        _policy_docs(policy, rng, n_docs)
    manifest = {"pages": n, "html": n_html, "markdown": n_md, "text": n_txt, "pdf": n_docs, "docx": n_docs,
                "html_bytes": html_bytes, "seed": seed}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def _policy_docs(folder: Path, rng: random.Random, n: int) -> None:
    from docx import Document as Docx
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    for i in range(n):
        story = [Paragraph(f"Returns policy {i}", styles["Heading1"])]
        story += [Paragraph(_para(rng, 0.5), styles["BodyText"]) for _ in range(40)]
        SimpleDocTemplate(str(folder / f"policy-{i}.pdf"), pagesize=A4, invariant=1).build(story)
        doc = Docx()
        doc.add_heading(f"Terms of sale {i}", 1)
        for _ in range(40):
            doc.add_paragraph(_para(rng, 0.5))
        doc.save(str(folder / f"terms-{i}.docx"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    print(json.dumps(make(a.out, a.n, a.seed)))


if __name__ == "__main__":
    main()
