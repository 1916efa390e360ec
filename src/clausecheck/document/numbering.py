"""Automatic numbering rendered as Word shows it.

Word stores no list numbers in the text: it computes `第一条`, `7.2`, `（三）`
at layout time from `numbering.xml`, the paragraph's `w:numPr` and its
style. This module replays that computation paragraph by paragraph in
reading order. The rules, with the XML, are in `docs/numbering.md`; the
section numbers below refer to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from lxml import etree

from clausecheck._lazy_re import lazy_compile
from clausecheck.document.numfmt import format_number
from clausecheck.document.package import W
from clausecheck.document.styles import Styles
from clausecheck.errors import DocumentLimitExceeded
from clausecheck.limits import MAX_LIST_START

_W = f"{{{W}}}"
_PLACEHOLDER = lazy_compile(r"%([1-9])")


@dataclass(frozen=True, slots=True)
class Level:
    """One `w:lvl`: how a level counts and writes its label."""

    start: int
    fmt: str
    text: str | None
    legal: bool
    restart: int | None
    """`w:lvlRestart` as written (one-based), None when absent"""
    style: str | None


class Label(NamedTuple):
    """A rendered number: its text and where it sits (for the clause tree)."""

    text: str
    list_key: str
    """the counter owner: the abstractNumId"""
    level: int
    fmt: str


@dataclass
class _Num:
    abstract: str
    overrides: dict[int, Level] = field(default_factory=dict)
    start_overrides: dict[int, int] = field(default_factory=dict)


class Numbering:
    """The numbering definitions of one document and the running counters of one part.

    Call `label()` once per paragraph, in reading order; `fresh()` gives an
    instance with the same definitions and new counters (headers, footers and
    notes count on their own).
    """

    def __init__(self, root: etree._Element | None, styles: Styles, source: str = "<document>") -> None:
        self.styles = styles
        self.source = source
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_link: dict[str, str] = {}
        self._num_style_link: dict[str, str] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._fresh: dict[str, set[int]] = {}
        self._started: set[str] = set()
        self._resolved: dict[tuple[str, str], tuple] = {}
        self._style_level: dict[tuple[str, str], int] = {}
        if root is not None:
            self._load(root)

    def fresh(self) -> Numbering:
        other = object.__new__(Numbering)
        other.styles = self.styles
        other.source = self.source
        other._abstract = self._abstract
        other._style_link = self._style_link
        other._num_style_link = self._num_style_link
        other._style_level = self._style_level
        other._nums = self._nums
        other._counters = {}
        other._fresh = {}
        other._started = set()
        other._resolved = self._resolved
        return other

    def _load(self, root: etree._Element) -> None:
        for el in root.iterchildren(f"{_W}abstractNum"):
            aid = el.get(f"{_W}abstractNumId")
            if aid is None:
                continue
            levels = {}
            for lvl in el.iterchildren(f"{_W}lvl"):
                parsed = _level(lvl)
                if parsed is not None:
                    self._check_start(parsed[1].start, f"list {aid}")
                    levels[parsed[0]] = parsed[1]
            self._abstract[aid] = levels
            style = _val(el.find(f"{_W}styleLink"))
            if style:
                self._style_link[style] = aid
            uses = _val(el.find(f"{_W}numStyleLink"))
            if uses:
                self._num_style_link[aid] = uses
        for el in root.iterchildren(f"{_W}num"):
            nid = el.get(f"{_W}numId")
            abstract = _val(el.find(f"{_W}abstractNumId"))
            if nid is None or abstract is None:
                continue
            num = _Num(abstract=abstract)
            for override in el.iterchildren(f"{_W}lvlOverride"):
                ilvl = _int(override.get(f"{_W}ilvl"))
                if ilvl is None:
                    continue
                start = _int(_val(override.find(f"{_W}startOverride")))
                if start is not None:
                    num.start_overrides[ilvl] = self._check_start(start, f"list {nid}")
                override_level = override.find(f"{_W}lvl")
                parsed = _level(override_level) if override_level is not None else None
                if parsed is not None:
                    num.overrides[ilvl] = parsed[1]
                    self._check_start(parsed[1].start, f"list {nid}")
            self._nums[nid] = num
        for aid, levels in self._abstract.items():
            for ilvl, level in levels.items():
                if level.style:
                    self._style_level.setdefault((aid, level.style), ilvl)

    def _check_start(self, start: int, where: str) -> int:
        """A list's start value, refused when no agreement could mean it (a label would take gigabytes)."""
        if not 0 <= start <= MAX_LIST_START:
            raise DocumentLimitExceeded(
                self.source,
                f"automatic numbering of {where} starts at {start:,}, outside 0 to {MAX_LIST_START:,}",
                hint="the numbering definitions are damaged or hostile: restart the list's numbering in Word "
                "(Set Numbering Value) and save again",
            )
        return start

    def _definition(self, aid: str) -> str:
        """Follow `numStyleLink` to the abstractNum holding the real levels (§3)."""
        seen = set()
        while aid in self._num_style_link and aid not in seen:
            seen.add(aid)
            style = self._num_style_link[aid]
            target = self._style_link.get(style)
            if target is None:
                info = self.styles.info(style) if style in self.styles.ids else None
                num = self._nums.get(info.num_id) if info and info.num_id else None
                target = num.abstract if num else None
            if target is None or target == aid:
                break
            aid = target
        return aid

    def label(self, num_id: str | None, ilvl: str | None, style_id: str | None) -> Label | None:
        """The number of the next paragraph with these direct properties, advancing the counters (§2, §4)."""
        style_num = None
        if num_id is None or ilvl is None:
            info = self.styles.info(style_id)
            if num_id is None:
                num_id, style_num = info.num_id, info.num_style
            if ilvl is None:
                ilvl = info.ilvl
        if num_id is None or num_id == "0":
            return None
        num = self._nums.get(num_id)
        if num is None:
            return None
        key = ("num", num_id) if num.overrides else ("abstract", num.abstract)  # no level overrides: shared
        resolved = self._resolved.get(key)
        if resolved is None:
            resolved = self._resolved[key] = self._resolve(num)
        aid, effective = resolved
        if not effective:
            return None
        level_index = _int(ilvl) if ilvl is not None else None
        if level_index is None:
            level_index = self._style_level.get((aid, style_num), 0) if style_num else 0
        if not 0 <= level_index < 9 or effective[level_index] is None:
            return None
        level, template, restarts = effective[level_index]
        counters = self._counters.get(aid)
        if counters is None:
            counters = self._counters[aid] = [None] * 9
            self._fresh[aid] = set()
        fresh = self._fresh[aid]
        if num_id not in self._started:
            self._started.add(num_id)
            for overridden, start in num.start_overrides.items():
                if 0 <= overridden < 9:
                    counters[overridden] = start
                    fresh.add(overridden)
        if level_index in fresh:
            fresh.discard(level_index)
        elif counters[level_index] is None:
            counters[level_index] = level.start
        else:
            counters[level_index] += 1  # type: ignore[operator]
        for deeper in restarts:
            if counters[deeper] is not None and deeper not in fresh:
                counters[deeper] = None
        if template is None:
            return None
        pieces = []
        for piece in template:
            if isinstance(piece, str):
                pieces.append(piece)
            else:
                k, ref = piece
                value = counters[k] if counters[k] is not None else ref.start
                pieces.append(format_number(value, "decimal" if level.legal else ref.fmt))
        text = "".join(pieces).strip()
        if not text:
            return None
        return Label(text, aid, level_index, level.fmt)

    def _resolve(self, num: _Num) -> tuple[str, list[tuple[Level, tuple | None, tuple[int, ...]] | None]]:
        """A num's definition, per level: the level, its label template and the deeper levels it restarts."""
        aid = self._definition(num.abstract)
        levels = self._abstract.get(aid) or {}
        own = [num.overrides.get(i) or levels.get(i) for i in range(9)]
        if not levels:
            return aid, []
        effective: list[tuple[Level, tuple | None, tuple[int, ...]] | None] = []
        for index, level in enumerate(own):
            if level is None:
                effective.append(None)
                continue
            restarts = []
            for deeper in range(index + 1, 9):
                restart = own[deeper].restart if own[deeper] is not None else None  # type: ignore[union-attr]
                if restart == 0:
                    continue  # never restarts
                threshold = deeper - 1 if restart is None or restart - 1 >= deeper else restart - 1
                if index <= threshold:
                    restarts.append(deeper)
            effective.append((level, _template(level, own), tuple(restarts)))
        return aid, effective


def _template(level: Level, own: list[Level | None]) -> tuple | None:
    """`lvlText` split into literal text and (level, definition) references; None for bullets and none."""
    if level.fmt in ("bullet", "none") or not level.text:
        return None
    pieces: list[object] = []
    position = 0
    for match in _PLACEHOLDER.finditer(level.text):
        pieces.append(level.text[position : match.start()])
        position = match.end()
        k = int(match.group(1)) - 1
        ref = own[k]
        if ref is not None and ref.fmt not in ("none", "bullet"):
            pieces.append((k, ref))
    pieces.append(level.text[position:])
    return tuple(p for p in pieces if p != "")


def _level(lvl: etree._Element) -> tuple[int, Level] | None:
    ilvl = _int(lvl.get(f"{_W}ilvl"))
    if ilvl is None or not 0 <= ilvl < 9:
        return None
    start = _child_int(lvl, "start")
    fmt_el = lvl.find(f"{_W}numFmt")
    fmt = fmt_el.get(f"{_W}val", "decimal") if fmt_el is not None else "decimal"
    text_el = lvl.find(f"{_W}lvlText")
    text = text_el.get(f"{_W}val") if text_el is not None else None
    legal = lvl.find(f"{_W}isLgl")
    style = lvl.find(f"{_W}pStyle")
    return ilvl, Level(
        start=1 if start is None else start,
        fmt=fmt,
        text=text,
        legal=legal is not None and legal.get(f"{_W}val", "1") not in ("0", "false", "off"),
        restart=_child_int(lvl, "lvlRestart"),
        style=style.get(f"{_W}val") if style is not None else None,
    )


def _child_int(el: etree._Element, name: str) -> int | None:
    child = el.find(f"{_W}{name}")
    return None if child is None else _int(child.get(f"{_W}val"))


def _val(el: etree._Element | None) -> str | None:
    """An element's w:val, None when the element or the attribute is absent."""
    return el.get(f"{_W}val") if el is not None else None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
