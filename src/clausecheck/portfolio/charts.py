"""Bar charts as geometry: the portfolio page draws them as inline SVG, so the page loads nothing.

Each chart is a list of bars, one per row of the table printed beside it;
a bar is split into segments (present, ambiguous, missing ... or one value)
whose widths share one scale across the chart, so bars compare at a glance.
The template only places rectangles and text; no number is computed there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 320.0
"""the drawing width of the longest bar, in SVG units"""
ROW = 22
"""the height of one bar's row"""


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    css: str
    value: int


@dataclass(frozen=True)
class Bar:
    label: str
    y: int
    segments: tuple[Segment, ...]
    total: int
    href: str | None = None


@dataclass(frozen=True)
class Chart:
    """Bars over a common scale; `height` is the SVG's height."""

    bars: tuple[Bar, ...]
    width: float = WIDTH
    row: int = ROW

    @property
    def height(self) -> int:
        return max(len(self.bars), 1) * self.row


def stacked(rows: Sequence[tuple[str, Sequence[tuple[str, int]], str | None]]) -> Chart:
    """One bar per (label, [(css class, value)...], link) row, segments in order, all on one scale."""
    largest = max((sum(v for _, v in parts) for _, parts, _ in rows), default=0) or 1
    bars = []
    for i, (label, parts, href) in enumerate(rows):
        x = 0.0
        segments = []
        for css, value in parts:
            width = WIDTH * value / largest
            if value:
                segments.append(Segment(round(x, 2), round(width, 2), css, value))
            x += width
        bars.append(Bar(label, i * ROW, tuple(segments), sum(v for _, v in parts), href))
    return Chart(tuple(bars))
