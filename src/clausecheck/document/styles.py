"""Paragraph styles, for what they pass on: numbering, outline level, heading rank.

Word lets a style carry a paragraph's numbering (`Heading 2` numbered `1.1`)
and its outline level, and styles inherit from each other through `basedOn`.
This module answers "what does style X give a paragraph" once per style and
caches it, because the reader asks for every paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from lxml import etree

from clausecheck._lazy_re import lazy_compile
from clausecheck.document.package import W

_W = f"{{{W}}}"
_HEADING_NAME = lazy_compile(r"^(?:heading|标题|標題)\s*([1-9])$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """What a paragraph style and its ancestors give a paragraph."""

    name: str
    num_id: str | None
    """numbering from the style chain ('0' switches numbering off)"""
    ilvl: str | None
    num_style: str | None
    """id of the style in the chain that supplied `num_id` (levels link to it through `w:lvl/w:pStyle`)"""
    outline_level: int | None
    """0-8 from `w:outlineLvl` or a built-in heading name; None for body text"""


@dataclass(frozen=True, slots=True)
class _Raw:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: str | None
    outline: int | None


class Styles:
    """The paragraph styles of one document."""

    def __init__(self, root: etree._Element | None) -> None:
        self._raw: dict[str, _Raw] = {}
        self.default: str | None = None
        self._cache: dict[str | None, StyleInfo] = {}
        if root is None:
            return
        for style in root.iterchildren(f"{_W}style"):
            if style.get(f"{_W}type", "paragraph") != "paragraph":
                continue
            sid = style.get(f"{_W}styleId")
            if sid is None:
                continue
            if style.get(f"{_W}default") in ("1", "true", "on") and self.default is None:
                self.default = sid
            self._raw[sid] = _parse_style(style)

    def info(self, style_id: str | None) -> StyleInfo:
        """What the style (the default paragraph style when None or unknown) gives a paragraph."""
        cached = self._cache.get(style_id)
        if cached is not None:
            return cached
        sid = style_id if style_id in self._raw else self.default
        num_id = ilvl = num_style = None
        outline = None
        name = ""
        seen: set[str] = set()
        while sid is not None and sid not in seen and sid in self._raw:
            raw = self._raw[sid]
            if not seen:
                name = raw.name  # the style's own name, not an ancestor's
            seen.add(sid)
            if num_id is None and raw.num_id is not None:
                num_id, num_style = raw.num_id, sid
            if ilvl is None and raw.ilvl is not None:
                ilvl = raw.ilvl
            if outline is None:
                outline = raw.outline
            sid = raw.based_on
        info = StyleInfo(name=name, num_id=num_id, ilvl=ilvl, num_style=num_style, outline_level=outline)
        self._cache[style_id] = info
        return info

    @cached_property
    def ids(self) -> frozenset[str]:
        return frozenset(self._raw)


def _parse_style(style: etree._Element) -> _Raw:
    name_el = style.find(f"{_W}name")
    name = name_el.get(f"{_W}val", "") if name_el is not None else ""
    based = style.find(f"{_W}basedOn")
    num_id = ilvl = None
    outline = None
    ppr = style.find(f"{_W}pPr")
    if ppr is not None:
        num_pr = ppr.find(f"{_W}numPr")
        if num_pr is not None:
            num_id = _val(num_pr.find(f"{_W}numId"))
            ilvl = _val(num_pr.find(f"{_W}ilvl"))
        outline = _outline(ppr.find(f"{_W}outlineLvl"))
    if outline is None:
        match = _HEADING_NAME.match(name.strip())
        if match:
            outline = int(match.group(1)) - 1
    return _Raw(
        name=name,
        based_on=based.get(f"{_W}val") if based is not None else None,
        num_id=num_id,
        ilvl=ilvl,
        outline=outline,
    )


def _val(el: etree._Element | None) -> str | None:
    return None if el is None else el.get(f"{_W}val")


def _outline(el: etree._Element | None) -> int | None:
    """0-8 for a heading level; 9 (body text) and junk give None."""
    if el is None:
        return None
    try:
        level = int(el.get(f"{_W}val", "9"))
    except ValueError:
        return None
    return level if 0 <= level <= 8 else None
