"""SVG charts of section scores: a radar for five or more sections, bars otherwise.

Every label is escaped; colours come from CSS classes so the charts follow light and dark mode.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from html import escape

from .model import Checklist
from .scoring import Result, display
from .strings import t

RADAR_FROM = 5


def _fmt(value: float) -> str:
    # compact coordinates: one decimal, no trailing zeros
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def chart(
    labels: Sequence[str],
    values: Sequence[float | None],
    title: str,
    *,
    ranges: Sequence[tuple[float, float]] | None = None,
) -> str:
    """A radar for five or more sections, bars otherwise; `ranges` (low, high per section) draws a spread."""
    draw = radar if len(labels) >= RADAR_FROM else bars
    return draw(labels, values, title, ranges=ranges)


def section_chart(checklist: Checklist, result: Result, lang: str) -> str:
    """The chart of `result`'s section scores."""
    labels = [checklist.section(s.id).title.get(lang) for s in result.sections]
    return chart(labels, [s.score for s in result.sections], t("table", lang))


def section_charts(checklist: Checklist, result: Result, lang: str) -> str:
    """The charts for the page: a radar for wide screens and bars for narrow ones (labels stay legible), or bars.

    A section where nothing applies (behind a gate answered "no") is left out, rather than drawn as a zero.
    """
    applying = [s for s in result.sections if s.applicable]
    labels = [checklist.section(s.id).title.get(lang) for s in applying]
    values = [s.score for s in applying]
    narrow = bars(labels, values, t("table", lang), css="cx-chart--narrow" if len(labels) >= RADAR_FROM else "")
    return (radar(labels, values, t("table", lang), css="cx-chart--wide") if len(labels) >= RADAR_FROM else "") + narrow


def bars(
    labels: Sequence[str],
    values: Sequence[float | None],
    title: str,
    *,
    ranges: Sequence[tuple[float, float]] | None = None,
    css: str = "",
) -> str:
    """Horizontal bars on a 0–100 axis, one per label."""
    row, left, width = 34, 10, 300
    height = row * len(labels) + 30
    parts = [_open(f"0 0 {left + width + 60} {height}", title, css)]
    for x in (0, 50, 100):
        px = left + width * x / 100
        parts.append(f'<line class="cx-chart__grid" x1="{_fmt(px)}" y1="0" x2="{_fmt(px)}" y2="{height - 24}"/>')
        parts.append(f'<text class="cx-chart__tick" x="{_fmt(px)}" y="{height - 8}" text-anchor="middle">{x}</text>')
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = i * row
        parts.append(f'<text class="cx-chart__label" x="{left}" y="{y + 12}">{escape(label)}</text>')
        if ranges:
            low, high = ranges[i]
            parts.append(
                f'<rect class="cx-chart__range" x="{_fmt(left + width * low / 100)}" y="{y + 16}" '
                f'width="{_fmt(width * (high - low) / 100)}" height="12"/>'
            )
        if value is not None:
            parts.append(
                f'<rect class="cx-chart__bar" x="{left}" y="{y + 18}" width="{_fmt(width * value / 100)}" height="8"/>'
            )
            parts.append(f'<text class="cx-chart__value" x="{left + width + 8}" y="{y + 27}">{display(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


RADAR_CENTRE, RADAR_RADIUS = (320, 220), 140


def _point(i: int, count: int, value: float) -> tuple[float, float]:
    # where `value` (0–100) lies on the i-th of `count` radar axes
    (cx, cy), angle = RADAR_CENTRE, -math.pi / 2 + 2 * math.pi * i / count
    return cx + RADAR_RADIUS * value / 100 * math.cos(angle), cy + RADAR_RADIUS * value / 100 * math.sin(angle)


def _polygon(points: Sequence[tuple[float, float]], cls: str) -> str:
    coords = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in points)
    return f'<polygon class="{cls}" points="{coords}"/>'


@lru_cache(maxsize=32)
def _radar_frame(labels: tuple[str, ...], title: str, css: str) -> str:
    # the part of a radar that only depends on its sections: rings, axes and labels (made once per checklist)
    (cx, cy), count = RADAR_CENTRE, len(labels)
    parts = [_open("0 0 640 440", title, css)]
    for ring in (25, 50, 75, 100):
        parts.append(_polygon([_point(i, count, ring) for i in range(count)], "cx-chart__grid"))
    for i, label in enumerate(labels):
        x, y = _point(i, count, 100)
        parts.append(f'<line class="cx-chart__grid" x1="{cx}" y1="{cy}" x2="{_fmt(x)}" y2="{_fmt(y)}"/>')
        lx, ly = _point(i, count, 112)
        anchor = "middle" if abs(lx - cx) < 20 else ("start" if lx > cx else "end")
        lines = _wrap(label)
        top = (
            ly + 4 - (len(lines) - 1) * 7
            if abs(ly - cy) < RADAR_RADIUS * 0.8
            else (ly + 4 if ly > cy else ly - (len(lines) - 1) * 14)
        )
        spans = "".join(
            f'<tspan x="{_fmt(lx)}" y="{_fmt(top + 14 * n)}">{escape(line)}</tspan>' for n, line in enumerate(lines)
        )
        parts.append(f'<text class="cx-chart__label" text-anchor="{anchor}">{spans}</text>')
    return "".join(parts)


def radar(
    labels: Sequence[str],
    values: Sequence[float | None],
    title: str,
    *,
    ranges: Sequence[tuple[float, float]] | None = None,
    css: str = "",
) -> str:
    """A radar (spider) chart on 0–100 axes; unscored sections sit at the centre."""
    count = len(labels)
    parts = [_radar_frame(tuple(labels), title, css)]
    if ranges:
        parts.append(_polygon([_point(i, count, high) for i, (_, high) in enumerate(ranges)], "cx-chart__range"))
        parts.append(_polygon([_point(i, count, low) for i, (low, _) in enumerate(ranges)], "cx-chart__range-low"))
    parts.append(_polygon([_point(i, count, v or 0) for i, v in enumerate(values)], "cx-chart__area"))
    for i, value in enumerate(values):
        if value is not None:
            x, y = _point(i, count, value)
            parts.append(f'<circle class="cx-chart__dot" cx="{_fmt(x)}" cy="{_fmt(y)}" r="3.5"/>')
    parts.append("</svg>")
    return "".join(parts)


def _wrap(label: str, width: int = 22) -> list[str]:
    # break a label into lines of at most `width` characters, at spaces
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _open(view_box: str, title: str, css: str = "") -> str:
    # the root element: an image with an accessible name; the table next to it carries the numbers
    classes = f"cx-chart {css}".strip()
    return (
        f'<svg class="{classes}" xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
    )


# colours of the site's light theme (overrides/assets/stylesheets/cx.css), for a chart that leaves the page
_FILE_STYLE = (
    "text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:13px;fill:#1f2328}"
    ".cx-chart__grid{fill:none;stroke:#c8ccd0;stroke-width:1}.cx-chart__tick{fill:#5b6166}"
    ".cx-chart__area{fill:#00695c;fill-opacity:.25;stroke:#00695c;stroke-width:2}"
    ".cx-chart__dot,.cx-chart__bar{fill:#00695c}"
    ".cx-chart__range{fill:#ff6e42;fill-opacity:.18;stroke:#ff6e42;stroke-dasharray:4 3}"
    ".cx-chart__range-low{fill:#fff;stroke:#ff6e42;stroke-dasharray:4 3}.cx-file__title{font-size:18px;font-weight:600}"
)


def chart_file(chart: str, heading: str) -> str:
    """A chart from the page as a file for a slide: its own colours, a white background and `heading` on top."""
    view = chart.split('viewBox="', 1)[1].split('"', 1)[0].split()
    width, height = float(view[2]), float(view[3]) + 48
    size = f'x="0" y="48" width="{_fmt(width)}" height="{_fmt(height - 48)}" '
    inner = chart.replace('<svg class="cx-chart" ', f'<svg class="cx-chart" {size}', 1)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_fmt(width)}" height="{_fmt(height)}" '
        f'viewBox="0 0 {_fmt(width)} {_fmt(height)}"><title>{escape(heading)}</title><style>{_FILE_STYLE}</style>'
        f'<rect width="100%" height="100%" fill="#fff"/>'
        f'<text class="cx-file__title" x="16" y="30">{escape(heading)}</text>{inner}</svg>\n'
    )
