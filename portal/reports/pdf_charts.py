"""Charts for PDFs: SVG drawn by xhtml2pdf (through svglib) as vector graphics.

The HTML pages draw the same geometry (portal/ledger/charts.py) with templates/ledger/_charts.html;
a PDF gets a self-contained SVG ``data:`` URI instead, with its labels beside the bars rather
than on them, so that no label floats over a colour band."""

from __future__ import annotations

import base64
from xml.sax.saxutils import escape

from portal.i18n import angka

WIDTH, BAR = 660, 22
LABEL = 120  # room for the row labels left of the bars
SPAN = WIDTH - LABEL


def _bar(y: float, segments: list[dict], opacity: str = "1") -> list[str]:
    parts = [f'<rect x="{LABEL}" y="{y}" width="{SPAN}" height="{BAR}" fill="#eeeeee"/>']
    for s in segments:
        if s["width"] > 0:
            parts.append(f'<rect x="{LABEL + s["x"] * SPAN / 100:.2f}" y="{y}" '
                         f'width="{s["width"] * SPAN / 100:.2f}" height="{BAR}" fill="{s["colour"]}" '
                         f'fill-opacity="{opacity}"/>')
    return parts


def mix_svg(chart: dict) -> str:
    """Two stacked bars (realised, ideal) and a legend line per model with share, JP and ideal."""
    text = 'font-family="Helvetica" font-size="13" fill="#222222"'
    parts = [f'<text x="0" y="16" {text}>Realisasi</text>', *_bar(1, chart["actual"]),
             f'<text x="0" y="46" {text}>Komposisi ideal</text>', *_bar(31, chart["ideal"], "0.45")]
    for tick in (0, 10, 30, 50, 70, 100):
        x = LABEL + tick * SPAN / 100
        parts.append(f'<line x1="{x:.2f}" y1="55" x2="{x:.2f}" y2="60" stroke="#555555" stroke-width="0.8"/>')
        parts.append(f'<text x="{x - 8:.2f}" y="72" font-family="Helvetica" font-size="10" '
                     f'fill="#555555">{tick}%</text>')
    for index, s in enumerate(chart["actual"]):
        y = 94 + index * 19
        parts.append(f'<rect x="{LABEL}" y="{y - 11}" width="12" height="12" fill="{s["colour"]}"/>')
        label = (f'Model {s["model"]}: {angka(s["share"])}% dari JP dihitung ({angka(s["value"])} JP), '
                 f'ideal {s["model"]}%')
        parts.append(f'<text x="{LABEL + 18}" y="{y}" {text}>{escape(label)}</text>')
    height = 94 + 2 * 19 + 6
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}">{"".join(parts)}</svg>')


def svg_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def mix_uri(chart: dict) -> dict:
    svg = mix_svg(chart)
    height = int(svg.split('height="', 1)[1].split('"', 1)[0])
    return {"src": svg_uri(svg), "width": WIDTH, "height": height}
