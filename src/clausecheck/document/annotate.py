"""Word comments, and tracked changes on request, written into a copy of an agreement.

python-docx handles the package (the comments part, its content type and
relationship, ids that continue after a reviewer's own comments); the anchor
is set by hand, as `docs/dev/dependencies.md` §C.4 recommends: `w:commentRangeStart`
right after the paragraph properties, `w:commentRangeEnd` and the reference
run at the paragraph's end. That anchors the whole paragraph whatever it
holds, including text python-docx cannot see as runs (tracked insertions,
hyperlinks, content controls) and paragraphs with no direct run at all.

Blocks are found again through the reader: `read_with_paragraphs` gives each
block's `w:p` in the reader's own parse, and its position among element
siblings up to the root names the same paragraph in python-docx's parse of
the same bytes. A text-box paragraph is anchored on the body paragraph that
holds the box. Word allows no comments in headers and footers; the caller
places those elsewhere (`clausecheck.report.annotate`).

A comment with `words` is anchored on those words when they can be given
runs of their own (`runs.isolate`), else on the whole paragraph. Edits
(`Edit`) become tracked changes by "clausecheck" (`redline`).

The input bytes are never changed. The copy is read back and must have the
same text, block for block, once clausecheck's own revisions are rejected;
with them accepted, each inserted wording must read in its block.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import zip_longest

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from clausecheck.document import redline
from clausecheck.document.model import Document
from clausecheck.document.package import W
from clausecheck.document.runs import isolate
from clausecheck.errors import ClauseCheckError, NotADocx

AUTHOR = "clausecheck"
INITIALS = "CC"
_P, _PPR, _DOCUMENT = f"{{{W}}}p", f"{{{W}}}pPr", f"{{{W}}}document"


@dataclass(frozen=True)
class Note:
    """A comment to write: the block it is anchored on and its text (lines become paragraphs)."""

    block_id: str
    text: str
    words: str = ""
    """the offending words in the paragraph to anchor on; the whole paragraph when empty or not found"""


@dataclass(frozen=True)
class Edit:
    """A tracked change on a block: insert wording after a sentence, delete a sentence, or add a paragraph after."""

    block_id: str
    kind: str  # "insert" | "delete" | "paragraph"
    text: str = ""
    sentence: str = ""


class AnnotationError(ClauseCheckError):
    """The annotated copy could not be made faithfully; a bug in clausecheck."""


class _Positions:
    """Positions of elements among their element siblings, one table per parent, built on first use.

    A comment's paragraph is found by its path from the root; looking each step
    up in a fresh list of siblings would cost the whole body per comment, and an
    agreement of thousands of paragraphs can draw thousands of comments.
    """

    def __init__(self) -> None:
        self._children: dict[etree._Element, list[etree._Element]] = {}
        self._index: dict[etree._Element, dict[etree._Element, int]] = {}

    def children(self, parent: etree._Element) -> list[etree._Element]:
        found = self._children.get(parent)
        if found is None:
            found = self._children[parent] = [c for c in parent if isinstance(c.tag, str)]
        return found

    def index(self, parent: etree._Element, el: etree._Element) -> int:
        table = self._index.get(parent)
        if table is None:
            table = self._index[parent] = {c: i for i, c in enumerate(self.children(parent))}
        return table[el]

    def path(self, el: etree._Element) -> tuple[int, ...] | None:
        """Positions among element siblings from the main part's root down to `el`; None outside it."""
        steps: list[int] = []
        while True:
            parent = el.getparent()
            if parent is None:
                return tuple(reversed(steps)) if el.tag == _DOCUMENT else None
            steps.append(self.index(parent, el))
            el = parent

    def follow(self, root: etree._Element, path: tuple[int, ...]) -> etree._Element:
        el = root
        for step in path:
            el = self.children(el)[step]
        return el


def _outermost_paragraph(el: etree._Element) -> etree._Element:
    """The body paragraph holding `el`: itself, or the paragraph whose text box holds it."""
    found = el
    for ancestor in el.iterancestors(_P):
        found = ancestor
    return found


def anchorable(paragraphs: Sequence[etree._Element | None]) -> frozenset[str]:
    """The blocks a comment can be anchored on: those of the main part (not headers, footers or notes)."""
    return frozenset(
        f"b{i}" for i, p in enumerate(paragraphs) if p is not None and p.getroottree().getroot().tag == _DOCUMENT
    )


def _anchor(p: etree._Element, comment_id: int, words: str = "") -> None:
    """Anchor a comment on `words` in `p` when they can be isolated, else on the whole paragraph."""
    start = OxmlElement("w:commentRangeStart", {qn("w:id"): str(comment_id)})
    end = OxmlElement("w:commentRangeEnd", {qn("w:id"): str(comment_id)})
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:commentReference", {qn("w:id"): str(comment_id)}))
    found = isolate(p, words) if words else None
    if found is not None:
        found[0].addprevious(start)
        found[1].addnext(end)
        end.addnext(run)
        return
    ppr = p.find(_PPR)
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)
    p.append(run)


def _comment(comment_id: int, text: str, date: str) -> etree._Element:
    """A `w:comment` as python-docx's `add_comment` writes it, one paragraph per line of `text`.

    Built here because python-docx looks up every existing comment to number
    each new one, which makes thousands of comments cost minutes.
    """
    comment = OxmlElement(
        "w:comment",
        {qn("w:id"): str(comment_id), qn("w:author"): AUTHOR, qn("w:initials"): INITIALS, qn("w:date"): date},
    )
    for number, line in enumerate(text.split("\n")):
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        ppr.append(OxmlElement("w:pStyle", {qn("w:val"): "CommentText"}))
        p.append(ppr)
        if number == 0:  # the mark Word shows in the margin
            mark = OxmlElement("w:r")
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:rStyle", {qn("w:val"): "CommentReference"}))
            mark.append(rpr)
            mark.append(OxmlElement("w:annotationRef"))
            p.append(mark)
        if line:
            run = OxmlElement("w:r")
            run.text = line  # python-docx's run: tabs and breaks become w:tab and w:br
            p.append(run)
        comment.append(p)
    return comment


def write_comments(
    data: bytes,
    document: Document,
    paragraphs: Sequence[etree._Element | None],
    notes: Sequence[Note],
    edits: Sequence[Edit] = (),
) -> bytes:
    """A copy of the agreement in `data` with `notes` as Word comments and `edits` as tracked changes.

    `document` and `paragraphs` come from `read_with_paragraphs` over the
    same bytes. A note or edit on a block outside the main part (header,
    footer, note) raises `AnnotationError`: Word would not show it.
    """
    try:
        word = docx.Document(io.BytesIO(data))
    except ValueError as e:  # python-docx opens only the .docx content type
        raise NotADocx(
            document.source, f"cannot be annotated ({e})", hint="save it as a Word Document (.docx) and annotate that"
        ) from None
    root = word.element
    ours, theirs = _Positions(), _Positions()
    note_targets = [_target(root, document, paragraphs, note.block_id, ours, theirs) for note in notes]
    edit_targets = [_target(root, document, paragraphs, edit.block_id, ours, theirs) for edit in edits]
    revisions = redline.Revisions.after(root)
    for edit, target in reversed(list(zip(edits, edit_targets, strict=True))):  # later paragraphs first
        _apply(edit, target, revisions)
    comments = word.part._comments_part.element  # created with its relationship when missing
    next_id = max((int(i) for i in comments.xpath("./w:comment/@w:id")), default=-1) + 1
    date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for comment_id, (note, target) in enumerate(zip(notes, note_targets, strict=True), start=next_id):
        comments.append(_comment(comment_id, note.text, date))
        _anchor(target, comment_id, note.words)
    out = io.BytesIO()
    word.save(out)
    annotated = out.getvalue()
    _same_text(document, _rejected(annotated) if edits else annotated)
    return annotated


def _target(
    root: etree._Element,
    document: Document,
    paragraphs: Sequence[etree._Element | None],
    block_id: str,
    ours: _Positions,
    theirs: _Positions,
) -> etree._Element:
    """The `w:p` of python-docx's parse that holds `block_id` of the reader's parse."""
    source = paragraphs[int(block_id[1:])]
    path = ours.path(_outermost_paragraph(source)) if source is not None else None
    if path is None:
        raise AnnotationError(
            f"{document.source}: block {block_id} is not in the main text; Word allows no comment there"
        )
    target = theirs.follow(root, path)
    if target.tag != _P:
        raise AnnotationError(f"{document.source}: block {block_id} was not found again in the package")
    return target


def _apply(edit: Edit, p: etree._Element, revisions: redline.Revisions) -> None:
    if edit.kind == "paragraph":
        redline.new_paragraph_after(p, edit.text, revisions)
    elif edit.kind == "delete":
        if redline.delete(p, edit.sentence, revisions) and edit.text:
            redline.insert_after(p, edit.sentence, edit.text, revisions)
    else:
        redline.insert_after(p, edit.sentence, edit.text, revisions)


def _rejected(annotated: bytes) -> bytes:
    """The copy with clausecheck's revisions rejected: it must read as the original."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(annotated))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
                redline.reject(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, data)
    return out.getvalue()


def _same_text(document: Document, annotated: bytes) -> None:
    """The copy reads exactly as the original: comments (and rejected revisions) never become agreement text."""
    from clausecheck.document.reader import read_document
    from clausecheck.limits import ReadLimits

    # our own output: thousands of comments repeating one rule's wording compress past the zip-bomb ratio
    copy = read_document(annotated, limits=ReadLimits(max_ratio=float("inf")))
    before = [(b.id, b.label, b.text, b.clause) for b in document.blocks]
    after = [(b.id, b.label, b.text, b.clause) for b in copy.blocks]
    if before != after:
        changed = next(pair for pair in zip_longest(before, after) if pair[0] != pair[1])
        raise AnnotationError(f"{document.source}: the annotated copy would read differently: {changed}")
