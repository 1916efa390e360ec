"""Reviewers' Word comments (`word/comments.xml`), read apart from the agreement's text.

A comment is never a block: its words are a reviewer's, not the parties'.
They are read so a reviewer can accept a finding in Word
(`clausecheck: accept ppe.provided — reason`, see `clausecheck.suppress`),
with the blocks the comment is anchored in so a report can say where.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from clausecheck.document.model import Comment
from clausecheck.document.package import W

_W = f"{{{W}}}"
_COMMENT, _P, _T, _TAB = (f"{_W}{n}" for n in ("comment", "p", "t", "tab"))
_START, _END, _REFERENCE = (f"{_W}{n}" for n in ("commentRangeStart", "commentRangeEnd", "commentReference"))
_ID, _AUTHOR = f"{_W}id", f"{_W}author"


def read_comments(
    root: etree._Element | None, paragraphs: Iterable[tuple[str, etree._Element | None]]
) -> tuple[Comment, ...]:
    """The comments of `root` (the comments part), each with the blocks its range covers.

    `paragraphs` are (block id, the block's `w:p`) in reading order; a
    comment covers the blocks from the one holding its range start to the one
    holding its range end (or its reference mark, when it has no range).
    """
    if root is None:
        return ()
    anchored = _anchors(paragraphs)
    comments = []
    for el in root.iter(_COMMENT):
        cid = el.get(_ID) or ""
        text = "\n".join(_paragraph_text(p) for p in el.iter(_P)).strip()
        comments.append(
            Comment(id=cid, author=el.get(_AUTHOR) or "", text=text, block_ids=tuple(anchored.get(cid, ())))
        )
    return tuple(comments)


def _paragraph_text(p: etree._Element) -> str:
    return "".join((el.text or "") if el.tag == _T else "\t" for el in p.iter(_T, _TAB))


def _anchors(paragraphs: Iterable[tuple[str, etree._Element | None]]) -> dict[str, list[str]]:
    anchored: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for block_id, p in paragraphs:
        starts: set[str] = set()
        ends: set[str] = set()
        if p is not None:
            for mark in p.iter(_START, _END, _REFERENCE):
                (starts if mark.tag == _START else ends).add(mark.get(_ID) or "")
        for cid in open_ids | starts | ends:
            anchored.setdefault(cid, []).append(block_id)
        open_ids = (open_ids | starts) - ends
    return anchored
