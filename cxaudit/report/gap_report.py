"""Gap results as a terminal table with bar charts, Markdown with SVG histograms, and JSON; pure (returns, never writes)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from cxaudit.gap import GapResult, PromiseGap, _fmt, _unit_label, format_value, kind_label

_EPS = 1e-9
_BLOCKS = " ▁▂▃▄▅▆▇█"


# --- shared helpers --------------------------------------------------------------------

def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.1%}"


def _val(x: float | None) -> str:
    return _fmt(x)


def _source(g: PromiseGap) -> str:
    p = g.promise
    src = getattr(p, "source", None)
    if src is None:
        line = getattr(p, "line", None)
        first = "config" + (f":{line}" if line is not None else "")
    else:
        first = f"{src.channel}: {src.uri}" + (f":{src.line}" if src.line is not None else "")
    return first + (f" +{len(g.promises) - 1} more" if len(g.promises) > 1 else "")


def _status(g: PromiseGap, level: float) -> str:
    return {"met": f"met ≥ {level:.0%}", "unmet": f"UNMET < {level:.0%}"}.get(g.status, g.status)


def _bin_state(g: PromiseGap, i: int) -> str:
    """ok (wholly within the promise) | late (wholly past it) | part (straddles it) | none (open promise)."""
    h = g.histogram
    if g.max is None or h is None:
        return "none"
    if i >= len(h.counts):
        return "late" if h.edges[-1] > g.max + _EPS else "part"
    a, b = h.edges[i], h.edges[i + 1]
    if h.integer:
        return "ok" if (a + b) / 2 <= g.max + _EPS else "late"
    if b <= g.max + _EPS:
        return "ok"
    return "late" if a >= g.max - _EPS else "part"


def _bin_of(g: PromiseGap, v: float | None) -> int | None:
    """The bin holding value v (the overflow column when past the last edge)."""
    h = g.histogram
    if h is None or v is None:
        return None
    for i, (a, b) in enumerate(zip(h.edges, h.edges[1:])):
        if a - _EPS <= v < b - _EPS:
            return i
    return len(h.counts) if v >= h.edges[-1] - _EPS else 0


def _columns(g: PromiseGap) -> list[int]:
    h = g.histogram
    assert h is not None
    return list(h.counts) + ([h.overflow] if h.overflow else [])


def _slugs(result: GapResult) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for g in result.gaps:
        base = f"gap-{result.kind}-{g.slug}"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def _headline(result: GapResult) -> str:
    spec = result.spec
    if spec.value_column:
        measure = f"column `{spec.value_column}` in {_unit_label(spec.unit)}"
    else:
        hol = f", {len(spec.holidays)} holidays" if spec.holidays else ""
        measure = f"from `{spec.start_column}` to `{spec.end_column}` (business days skip weekends{hol})"
    skipped = f", {result.bad_rows:,} skipped" if result.bad_rows else ""
    return f"{result.rows:,} rows{skipped}; measured {measure}; level {result.level:.0%}"


# --- terminal --------------------------------------------------------------------------

def text_chart(g: PromiseGap, level: float, height: int = 4, color: bool = True) -> Any:
    """A compact vertical bar chart (rich Text): one column a bin, ▲ under the promised bound, ◆ under the supported value."""
    from rich.text import Text

    out = Text()
    h = g.histogram
    if h is None or not g.events:
        return out
    cols = _columns(g)
    top = max(cols) or 1
    style = {"ok": "green", "late": "red", "part": "yellow", "none": "cyan"}
    for row in range(height, 0, -1):
        out.append("  ")
        for i, c in enumerate(cols):
            eighths = round(c / top * height * 8)
            fill = max(0, min(8, eighths - (row - 1) * 8))
            if row == 1 and c and fill == 0:
                fill = 1                      # a non-empty bin never disappears
            out.append(_BLOCKS[fill] * 2, style=style[_bin_state(g, i)] if color else None)
            out.append(" ")
        out.append("\n")
    labels = h.labels() + (["more"] if h.overflow else [])
    # Axis labels under their bars, skipping any that would run into the previous one.
    axis = [" "] * (len(cols) * 3 + 4)
    free = 0
    for i, lab in enumerate(labels):
        at = i * 3 + (2 - len(lab) if len(lab) < 2 else 0)
        if at >= free and at + len(lab) <= len(axis):
            axis[at:at + len(lab)] = lab
            free = at + len(lab) + 1
    out.append("  " + "".join(axis).rstrip() + "\n", style="dim")
    marks = [" "] * (len(cols) * 3)
    pb, sb = _bin_of_bound(g, g.max), _bin_of_bound(g, g.supported)
    if sb is not None:
        marks[sb * 3] = "◆"
    if pb is not None:
        marks[pb * 3 + 1] = "▲"
    out.append("  " + "".join(marks).rstrip() + "\n")
    legend = []
    if g.max is not None:
        legend.append(f"▲ promised ≤ {format_value(None, g.max, g.unit)}")
    if g.supported is not None:
        legend.append(f"◆ {level:.0%} within {format_value(None, g.supported, g.unit)}")
    out.append("  " + "   ".join(legend), style="dim")
    return out


def _bin_of_bound(g: PromiseGap, v: float | None) -> int | None:
    """The last bin that is within the bound v (where a customer's promise ends)."""
    h = g.histogram
    if h is None or v is None:
        return None
    if h.integer:
        return _bin_of(g, v)
    i = _bin_of(g, v - _EPS if v > h.edges[0] else v)
    return i


def render_gap_table(result: GapResult) -> Any:
    """A rich renderable: the figures table, one bar chart per promise, notes and skipped rows."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    lvl = f"{result.level:.0%}"
    table = Table(title=f"Expectation gap: {kind_label(result.kind).lower()} — {result.actuals}",
                  caption=_headline(result).replace("`", "") + "; median, p90, p95 in the promise's unit",
                  title_justify="left")
    for name, just in (("promise", "left"), ("scope", "left"), ("source", "left"), ("events", "right"),
                       ("met %", "right"), ("median", "right"), ("p90", "right"), ("p95", "right"),
                       (f"supported at {lvl}", "right"), ("status", "left")):
        table.add_column(name, justify=just)
    for g in result.gaps:
        st = {"met": "green", "unmet": "bold red"}.get(g.status, "dim")
        table.add_row(
            g.value_label(), g.scope_label(), _source(g), f"{g.events:,}", _pct(g.share), _val(g.median),
            _val(g.p90), _val(g.p95), format_value(None, g.supported, g.unit) if g.supported is not None else "–",
            Text(_status(g, result.level), style=st),
        )
    parts: list[Any] = [table]
    for g in result.gaps:
        if g.events and g.histogram is not None:
            head = Text(f"\n{g.value_label()} · {g.scope_label()} · met {_pct(g.share)}", style="bold")
            parts.extend([head, text_chart(g, result.level)])
    for f in result.findings:
        parts.append(Text(f"\nerror unmet_promise: {f.message}", style="red"))
    for n in (*result.notes, *(f"{g.value_label()} ({g.scope_label()}): {n}" for g in result.gaps for n in g.notes)):
        parts.append(Text(f"note: {n}", style="dim"))
    for ex in result.bad_examples:
        parts.append(Text(f"skipped {ex}", style="dim"))
    return Group(*parts)


# --- Markdown + SVG --------------------------------------------------------------------

def format_gap_md(result: GapResult, image_dir: Path | None) -> tuple[str, dict[str, str]]:
    """(Markdown, {filename: SVG text}).

    `image_dir` is where the CLI will write the images, relative to the Markdown file
    (usually Path(".")); the Markdown links to image_dir/filename. With None no image is
    made and each histogram is drawn as text in a code block instead (Markdown on stdout).
    """
    lvl = f"{result.level:.0%}"
    out = [f"# Expectation gap: {kind_label(result.kind).lower()}", "",
           f"Actuals: `{result.actuals}` — {_headline(result)}.", ""]
    if result.gaps:
        out += [f"| promise | scope | source | events | met | median | p90 | p95 | supported at {lvl} | status |",
                "|---|---|---|---:|---:|---:|---:|---:|---:|---|"]
        for g in result.gaps:
            status = {"met": "✅ met", "unmet": "❌ unmet"}.get(g.status, g.status)
            sup = format_value(None, g.supported, g.unit) if g.supported is not None else "–"
            out.append(f"| {_md(g.value_label())} | {_md(g.scope_label())} | {_md(_source(g))} | {g.events:,} | "
                       f"{_pct(g.share)} | {_val(g.median)} | {_val(g.p90)} | {_val(g.p95)} | {sup} | {status} |")
        out.append("")
    else:
        out += [f"No {result.kind} promise to hold the actuals against.", ""]
    if result.findings:
        out += ["## Findings", ""]
        for f in result.findings:
            out.append(f"- **{f.severity}** `{f.rule}` ({f.id}): {_md(f.message)}")
            for p in f.promises:
                loc = p.source.uri + (f":{p.source.line}" if p.source.line is not None else "")
                out.append(f"  - {p.source.channel} `{loc}`: “{_md(p.text)}”")
        out.append("")
    images: dict[str, str] = {}
    charts = [(g, name) for g, name in zip(result.gaps, _slugs(result)) if g.events and g.histogram is not None]
    if charts:
        out += ["## Distributions", ""]
        for g, name in charts:
            out += [f"### {kind_label(result.kind)} {g.value_label()} ({g.scope_label()})", ""]
            alt = (f"{kind_label(result.kind)}, {g.scope_label()}: {g.events:,} events, {_pct(g.share)} within "
                   f"the promised {format_value(None, g.max, g.unit)}")
            if image_dir is not None:
                fname = f"{name}.svg"
                images[fname] = histogram_svg(g, result.kind, result.level)
                ref = (image_dir / fname).as_posix() if str(image_dir) not in ("", ".") else fname
                out += [f"![{_md(alt)}]({ref})", ""]
            else:
                out += ["```", text_chart(g, result.level, color=False).plain, "```", ""]
    notes = [*result.notes, *(f"{g.value_label()} ({g.scope_label()}): {n}" for g in result.gaps for n in g.notes)]
    if notes or result.bad_examples:
        out += ["## Notes", ""]
        out += [f"- {_md(n)}" for n in notes]
        if result.bad_reasons:
            out.append("- skipped rows: " + ", ".join(f"{r} {n:,}" for r, n in sorted(result.bad_reasons.items())))
        out += [f"- skipped {_md(e)}" for e in result.bad_examples]
        out.append("")
    return "\n".join(out), images


def _md(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def histogram_svg(g: PromiseGap, kind: str, level: float, width: int = 640, height: int = 320) -> str:
    """The actuals as bars, a solid line at the promised max, a dashed line at the value supported at `level`."""
    h = g.histogram
    assert h is not None
    cols = _columns(g)
    labels = h.labels() + (["more"] if h.overflow else [])
    left, right, top, bottom = 64, 16, 78, 52
    pw, ph = width - left - right, height - top - bottom
    bw = pw / len(cols)
    ymax = _nice_ceiling(max(cols) or 1)
    fill = {"ok": "#4c9a6a", "late": "#d0605e", "part": "#e0a040", "none": "#5b8cc0"}
    title = f"{kind_label(kind)} · {g.value_label()} · {g.scope_label()}"
    subtitle = (f"{_pct(g.share)} of {g.events:,} events within the promised {format_value(None, g.max, g.unit)}"
                if g.max is not None else f"{g.events:,} events")
    s: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}: {escape(subtitle)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{left}" y="20" font-size="13" font-weight="bold">{escape(title)}</text>',
        f'<text x="{left}" y="38" fill="#444">{escape(subtitle)}</text>',
    ]
    # y axis: gridlines at 0, 1/2, 1 of a round maximum
    for frac in (0, 0.5, 1):
        y = top + ph - frac * ph
        s.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#e0e0e0"/>')
        s.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_fmt(ymax * frac)}</text>')
    s.append(f'<text x="14" y="{top + ph / 2:.1f}" text-anchor="middle" '
             f'transform="rotate(-90 14 {top + ph / 2:.1f})">events</text>')
    # bars; a non-empty bin keeps at least a sliver so a few late outliers stay visible
    for i, c in enumerate(cols):
        bh = max(c / ymax * ph, 1.5 if c else 0.0)
        x = left + i * bw
        s.append(f'<rect x="{x + 1:.1f}" y="{top + ph - bh:.1f}" width="{max(bw - 2, 1):.1f}" height="{bh:.1f}" '
                 f'fill="{fill[_bin_state(g, i)]}"><title>{escape(labels[i])}: {c:,}</title></rect>')
    # x axis labels: every bin when they fit, else every k-th
    step = max(1, -(-len(cols) * 28 // pw))
    for i, lab in enumerate(labels):
        if i % step == 0 or i == len(labels) - 1:
            x = left + i * bw + (bw / 2 if h.integer or lab == "more" else 0)
            s.append(f'<text x="{x:.1f}" y="{top + ph + 16}" text-anchor="middle">{escape(lab)}</text>')
    s.append(f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" stroke="#333"/>')
    s.append(f'<text x="{left + pw / 2:.1f}" y="{height - 12}" text-anchor="middle">'
             f'{escape(_unit_label(g.unit) or "value")}</text>')
    # bounds: the lines run through the plot; their labels sit above it on two rows
    lines = []
    if g.max is not None:
        lines.append((g.max, "#8b1a1a", "", f"promised ≤ {format_value(None, g.max, g.unit)}"))
    if g.supported is not None:
        lines.append((g.supported, "#1f5fbf", ' stroke-dasharray="5,3"',
                      f"{level:.0%} within {format_value(None, g.supported, g.unit)}"))
    for n, (v, colour, dash, text) in enumerate(lines):
        x = _x_of(g, v, left, bw)
        y_text = top - 22 + n * 14
        s.append(f'<line x1="{x:.1f}" y1="{y_text - 4}" x2="{x:.1f}" y2="{top + ph}" stroke="{colour}" '
                 f'stroke-width="2"{dash}/>')
        # Promise label left of its line, supported label right of it, unless the edge is too near.
        want_left = n == 0
        if want_left and x - left < 150:
            want_left = False
        if not want_left and left + pw - x < 150:
            want_left = True
        anchor, dx = ("end", -5) if want_left else ("start", 5)
        s.append(f'<text x="{x + dx:.1f}" y="{y_text}" text-anchor="{anchor}" fill="{colour}">'
                 f'{escape(text)}</text>')
    s.append("</svg>")
    return "\n".join(s) + "\n"


def _x_of(g: PromiseGap, v: float, left: float, bw: float) -> float:
    """Where a bound sits: for whole-unit bins, just right of the bin it includes; otherwise at the value."""
    h = g.histogram
    assert h is not None
    pos = v + 0.5 if h.integer else v
    span = h.edges[-1] - h.edges[0]
    frac = (pos - h.edges[0]) / span if span else 0
    if pos > h.edges[-1]:                       # beyond the last bin: in the overflow column
        return left + len(h.counts) * bw + bw / 2
    return left + max(0.0, frac) * len(h.counts) * bw


def _nice_ceiling(x: float) -> float:
    import math
    exp = 10 ** math.floor(math.log10(x)) if x > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if m * exp >= x:
            return m * exp
    return 10 * exp


# --- JSON ------------------------------------------------------------------------------

def format_gap_json(result: GapResult) -> str:
    """The SPEC's FINDING shape for unmet promises, plus per-promise figures under "gaps"."""
    return json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n"


__all__ = ["render_gap_table", "format_gap_md", "format_gap_json", "histogram_svg", "text_chart"]
