"""Tracked changes by "clausecheck": wording proposed as Word revisions the reviewer accepts or rejects.

Three kinds of change, all in WordprocessingML's revision markup:

- an insertion after a sentence (`w:ins` around a new run, in the same paragraph);
- a new paragraph after another, for a missing clause (its runs in `w:ins`, its
  paragraph mark marked inserted in `w:pPr/w:rPr/w:ins`);
- a deletion of a sentence (its runs moved into `w:del`, `w:t` renamed `w:delText`).

Every revision carries the author "clausecheck", the time of the run and an
id unique in the document. `reject` undoes exactly these revisions, which is
how the writer proves that rejecting them all gives back the original text.
Only lxml is used: python-docx stays in `document.annotate`.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import etree

from clausecheck.document.package import W
from clausecheck.document.runs import isolate, runs_between

AUTHOR = "clausecheck"
_W = f"{{{W}}}"
_P, _R, _T, _RPR, _PPR = (f"{_W}{n}" for n in ("p", "r", "t", "rPr", "pPr"))
_INS, _DEL, _DELTEXT = f"{_W}ins", f"{_W}del", f"{_W}delText"
_ID, _AUTHOR, _DATE = f"{_W}id", f"{_W}author", f"{_W}date"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class Revisions:
    """Author, date and fresh ids for the revisions of one annotated copy."""

    date: str = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"))
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @classmethod
    def after(cls, root: etree._Element) -> Revisions:
        """Revisions numbered after every `w:id` already in the part."""
        used = [int(v) for el in root.iter() if (v := el.get(_ID)) is not None and v.isdigit()]
        return cls(ids=itertools.count(max(used, default=0) + 1))

    def mark(self, tag: str) -> etree._Element:
        return etree.Element(tag, {_ID: str(next(self.ids)), _AUTHOR: AUTHOR, _DATE: self.date})


def _run(text: str, like: etree._Element | None) -> etree._Element:
    """A run of `text`, with the formatting of the run `like` when given."""
    run = etree.Element(_R)
    props = like.find(_RPR) if like is not None else None
    if props is not None:
        run.append(copy.deepcopy(props))
    t = etree.SubElement(run, _T)
    t.text = text
    t.set(_XML_SPACE, "preserve")
    return run


def insert_after(p: etree._Element, sentence: str, text: str, rev: Revisions) -> bool:
    """Insert `text` as a tracked insertion right after `sentence` in `p` (at the end when not found)."""
    found = isolate(p, sentence) if sentence else None
    ins = rev.mark(_INS)
    if found is not None:
        last = found[1]
        ins.append(_run(text, last))
        last.addnext(ins)
        return True
    runs = [r for r in p.iter(_R) if next(r.iterancestors(_P), None) is p]
    ins.append(_run(text, runs[-1] if runs else None))
    p.append(ins)
    return True


def delete(p: etree._Element, sentence: str, rev: Revisions) -> bool:
    """Mark `sentence` in `p` as a tracked deletion; False when its runs cannot be isolated."""
    found = isolate(p, sentence)
    if found is None:
        return False
    runs = runs_between(*found)
    if runs is None or any(r.tag != _R for r in runs):
        return False
    deletion = rev.mark(_DEL)
    runs[0].addprevious(deletion)
    for run in runs:
        deletion.append(run)
        for t in run.iter(_T):
            t.tag = _DELTEXT
    return True


def new_paragraph_after(p: etree._Element, text: str, rev: Revisions) -> etree._Element:
    """A new paragraph after `p` holding `text`, wholly a tracked insertion (its mark included)."""
    new = etree.Element(_P)
    props = etree.SubElement(new, _PPR)
    etree.SubElement(props, _RPR).append(rev.mark(_INS))
    ins = rev.mark(_INS)
    ins.append(_run(text, None))
    new.append(ins)
    p.addnext(new)
    return new


def reject(root: etree._Element) -> None:
    """Undo every revision by clausecheck in `root`, in place: what the draft was before annotation."""
    for ins in list(root.iter(_INS)):
        if ins.get(_AUTHOR) != AUTHOR:
            continue
        parent = ins.getparent()
        if parent is not None and parent.tag == _RPR and parent.getparent() is not None:
            properties = parent.getparent()  # w:rPr in w:pPr in w:p: the paragraph is new
            paragraph = properties.getparent() if properties is not None else None
            body = paragraph.getparent() if paragraph is not None else None
            if paragraph is not None and body is not None:
                body.remove(paragraph)
            continue
        if parent is not None:
            parent.remove(ins)
    for deletion in list(root.iter(_DEL)):
        if deletion.get(_AUTHOR) != AUTHOR:
            continue
        for t in deletion.iter(_DELTEXT):
            t.tag = _T
        for run in list(deletion):
            deletion.addprevious(run)
        parent = deletion.getparent()
        if parent is not None:
            parent.remove(deletion)
