"""Finding words inside a paragraph's runs, and splitting runs so the words have runs of their own.

A Word comment on "可视情况" should wrap those four characters, not the whole
paragraph, and a tracked deletion should strike exactly the void sentence.
Both need the words as whole runs. The paragraph's visible text is read as
the reader reads it (tracked insertions in, deletions and field codes out,
text boxes apart), the words are found in it (as written, or after folding
traditional to simplified, since extraction reports folded words), and the
runs at either end are split at the words' edges, each half keeping the
run's formatting. Only runs holding one text element are split; anything
else returns None and the caller falls back to the whole paragraph.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from clausecheck.document.package import W
from clausecheck.language.normalize import fold_text

_W = f"{{{W}}}"
_P, _R, _T, _RPR = f"{_W}p", f"{_W}r", f"{_W}t", f"{_W}rPr"
_HIDDEN_ANCESTORS = {f"{_W}{n}" for n in ("del", "moveFrom", "rt", "instrText")} | {
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class _Piece:
    t: etree._Element
    run: etree._Element
    start: int


def _visible(p: etree._Element) -> list[_Piece]:
    """The paragraph's own text elements in reading order, with their offsets."""
    pieces, offset = [], 0
    for t in p.iter(_T):
        owner = next(t.iterancestors(_P), None)
        if owner is not p or any(a.tag in _HIDDEN_ANCESTORS for a in _ancestors_within(t, p)):
            continue
        run = t.getparent()
        if run is None or run.tag != _R:
            continue
        pieces.append(_Piece(t, run, offset))
        offset += len(t.text or "")
    return pieces


def _ancestors_within(el: etree._Element, stop: etree._Element) -> list[etree._Element]:
    out = []
    for a in el.iterancestors():
        if a is stop:
            break
        out.append(a)
    return out


def paragraph_text(p: etree._Element) -> str:
    """The paragraph's visible text as `_visible` reads it."""
    return "".join(piece.t.text or "" for piece in _visible(p))


def _find(text: str, words: str) -> int:
    """Where `words` start in `text`: as written, else folded character by character (same offsets)."""
    at = text.find(words)
    if at >= 0 or not words:
        return at
    folded = "".join(c2 if len(c2 := fold_text(c)) == 1 else c for c in text).lower()
    return folded.find(fold_text(words).lower())


def _split(piece: _Piece, at: int) -> etree._Element:
    """Split the piece's run `at` characters into its text; returns the second half's run."""
    text = piece.t.text or ""
    second = copy.deepcopy(piece.run)
    piece.run.addnext(second)
    second_t = second.find(_T)
    assert second_t is not None
    piece.t.text, second_t.text = text[:at], text[at:]
    for t in (piece.t, second_t):
        t.set(_XML_SPACE, "preserve")
    return second


def isolate(p: etree._Element, words: str) -> tuple[etree._Element, etree._Element] | None:
    """Split runs so `words` (first occurrence) span whole runs: (first run, last run), or None.

    None when the words are not in the paragraph's visible text, or a run at
    either edge holds more than its one text element (fields, tabs, breaks).
    """
    pieces = _visible(p)
    text = "".join(piece.t.text or "" for piece in pieces)
    start = _find(text, words)
    if start < 0:
        return None
    end = start + len(words)
    first = next(pc for pc in pieces if pc.start <= start < pc.start + len(pc.t.text or ""))
    last = next(pc for pc in pieces if pc.start < end <= pc.start + len(pc.t.text or ""))
    if any(len([c for c in pc.run if c.tag != _RPR]) != 1 for pc in (first, last)):
        return None
    same = first.run is last.run
    if end - last.start < len(last.t.text or ""):
        _split(last, end - last.start)
    if start > first.start:
        second = _split(first, start - first.start)
        return second, second if same else last.run
    return first.run, last.run


def runs_between(first: etree._Element, last: etree._Element) -> list[etree._Element] | None:
    """`first`, `last` and the siblings between them, when they share a parent; else None."""
    if first.getparent() is not last.getparent():
        return None
    out = [first]
    el: etree._Element | None = first
    while el is not last:
        el = el.getnext() if el is not None else None
        if el is None:
            return None
        out.append(el)
    return out
