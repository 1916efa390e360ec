"""`read_document()`: a .docx in, a `Document` out.

This module only orchestrates: `package` opens and checks the file, `walker`
reads every paragraph with changes accepted, `numbering` and `labels` give
each its clause label, `tree` nests the clauses and cites every block,
`clausecheck.language.detect` and `parties` add languages and party
definitions. The whole account of what is read and how is `docs/reading.md`.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from lxml import etree

from clausecheck.collector import fewer_collections
from clausecheck.document.comments import read_comments
from clausecheck.document.construct import trusted
from clausecheck.document.contents import contents_entries
from clausecheck.document.labels import LabelMatch, match_label, match_rendered
from clausecheck.document.model import Block, Document, Part
from clausecheck.document.numbering import Numbering
from clausecheck.document.package import Package, ReadLimits, W, load_bytes, open_package
from clausecheck.document.parties import Source, find_parties
from clausecheck.document.styles import Styles
from clausecheck.document.tree import ClauseTree
from clausecheck.document.walker import RawParagraph, Walker
from clausecheck.language.detect import detect_all

__all__ = ["ReadLimits", "read_document", "read_with_paragraphs"]

_W = f"{{{W}}}"
_SKIPPED_NOTES = ("separator", "continuationSeparator", "continuationNotice")
_LABELLED_PARTS = ("body", "textbox")
_REPEATED = 3
_SIGNATURE_BLOCKS = 40
"""how many closing body blocks are searched for a signature block"""


def read_document(source: str | os.PathLike[str] | bytes | BinaryIO, *, limits: ReadLimits | None = None) -> Document:
    """Read an agreement from a path, bytes or a binary file object.

    Raises a `clausecheck.errors.DocumentError` subclass naming the file and
    what to do when the input is not a readable, safe .docx. The input is
    never written to.
    """
    name, data = load_bytes(source)
    with fewer_collections():
        return _build(open_package(name, data, limits or ReadLimits()))


def read_with_paragraphs(
    name: str, data: bytes, *, limits: ReadLimits | None = None
) -> tuple[Document, list[etree._Element | None]]:
    """The agreement in `data` and, per block, the `w:p` element it was read from.

    For writers that must find a block's paragraph again (Word comments in
    `clausecheck.document.annotate`); the elements belong to the reader's own
    parse of the package.
    """
    paragraphs: list[etree._Element | None] = []
    with fewer_collections():
        document = _build(open_package(name, data, limits or ReadLimits()), paragraphs)
    return document, paragraphs


@dataclass(slots=True)
class _Row:
    """A paragraph with its label worked out, before the clause tree places it."""

    para: RawParagraph
    text: str
    match: LabelMatch | None
    label_source: str | None
    list_pos: tuple[str, int] | None
    heading: int | None


def _build(package: Package, paragraphs: list[etree._Element | None] | None = None) -> Document:
    styles = Styles(package.styles)
    numbering = Numbering(package.numbering, styles, package.source)
    keep = paragraphs is not None or package.comments is not None  # both find blocks' paragraphs again
    walker = Walker(keep_elements=keep)
    tree = ClauseTree(package.source)
    rows: list[_Row] = []
    ids: list[str] = []  # one string per block id, shared by the block and its clause
    for part, part_roots, counters in _parts(package, numbering, keep):
        for root in part_roots:
            paras = walker.walk(root, part)
            repeated = _repeated(paras) if part == "body" else frozenset()
            first = len(rows)
            added = [row for row in (_classify(p, counters, styles, repeated) for p in paras) if row is not None]
            rows.extend(added)
            ids.extend(f"b{index}" for index in range(first, len(rows)))
            if part != "body":  # the clause tree is the body's (text boxes are walked with it)
                continue
            listed = contents_entries(
                [
                    (styles.info(r.para.style).name, r.para.text.strip(), r.match.cite if r.match else None)
                    for r in added
                ]
            )
            for offset, row in enumerate(added):
                block_id = ids[first + offset]
                if offset in listed:
                    tree.skip(block_id)
                else:
                    opens = row.para.part == "body" and row.para.cell is None
                    tree.add(block_id, row.match, row.list_pos, row.heading, row.text, opens=opens)
    roots, placements = tree.finish()
    langs, main_lang, all_langs = detect_all(row.text for row in rows)
    blocks = []
    for index, row in enumerate(rows):
        block_id = ids[index]
        placement = placements.get(block_id)
        para = row.para
        blocks.append(
            trusted(
                Block,
                {
                    "id": block_id,
                    "index": index,
                    "part": para.part,
                    "text": row.text,
                    "label": row.match.label if row.match else None,
                    "label_source": row.label_source,
                    "clause": placement.clause if placement else None,
                    "clause_id": placement.clause_id if placement else None,
                    "heading_level": placement.heading_level if placement and placement.heading_level else row.heading,
                    "style": para.style,
                    "table": para.cell,
                    "lang": langs[index],
                    "tracked": para.tracked,
                    "hidden": para.hidden,
                },
            )
        )
    if paragraphs is not None:
        paragraphs.extend(row.para.element for row in rows)
    return Document.model_construct(
        source=package.source,
        lang=main_lang,
        langs=all_langs,
        blocks=tuple(blocks),
        clauses=roots,
        parties=find_parties(_party_regions(blocks)),
        has_tracked_changes=walker.tracked_any,  # set for every tracked change, kept or not, so for every tracked block
        warnings=tuple(dict.fromkeys([*package.warnings, *walker.warnings])),
        comments=read_comments(package.comments, ((b.id, r.para.element) for b, r in zip(blocks, rows))),
    )


def _parts(
    package: Package, numbering: Numbering, keep: bool
) -> Iterator[tuple[Part, Sequence[Iterable[etree._Element]], Numbering]]:
    """(part, roots, numbering counters) in block order: body, headers, footers, footnotes, endnotes.

    The body's root is its children as they are parsed, freed once walked unless `keep`.
    """
    yield "body", [package.document.body_children(keep=keep)], numbering
    yield "header", package.headers, numbering.fresh()
    yield "footer", package.footers, numbering.fresh()
    notes_parts: tuple[tuple[Part, etree._Element | None], ...] = (
        ("footnote", package.footnotes),
        ("endnote", package.endnotes),
    )
    for part, root in notes_parts:
        if root is not None:
            notes = [n for n in root if isinstance(n.tag, str) and n.get(f"{_W}type") not in _SKIPPED_NOTES]
            yield part, notes, numbering.fresh()


def _repeated(paras: list[RawParagraph]) -> frozenset[str]:
    """Texts of three or more paragraphs: a page header typed into the body, not a heading, however styled."""
    counts = Counter(p.text.strip() for p in paras if p.cell is None)
    return frozenset(text for text, n in counts.items() if n >= _REPEATED and text)


def _classify(para: RawParagraph, counters: Numbering, styles: Styles, repeated: frozenset[str]) -> _Row | None:
    """The paragraph's label (automatic or literal), heading level and text without the label.

    None for an empty paragraph without a number: it is layout, not text.
    """
    rendered = counters.label(para.num_id, para.ilvl, para.style)
    outline = para.outline_level
    if outline is None:
        outline = styles.info(para.style).outline_level
    heading = outline + 1 if outline is not None else None
    text = para.text.strip()
    match: LabelMatch | None = None
    list_pos = None
    source = None
    if rendered is not None:
        match = match_rendered(rendered.text, text, rendered.fmt)
        list_pos = (rendered.list_key, rendered.level)
        source = "numbering"
    elif text and (para.part in _LABELLED_PARTS or para.cell is not None):
        match = match_label(text, heading=heading is not None)
        if match is not None:
            text = match.rest
            source = "literal"
    if not text and match is None:
        return None
    if heading is not None and match is None and text in repeated:
        heading = None
    return _Row(para, text, match, source, list_pos, heading)


def _party_regions(blocks: list[Block]) -> Iterator[tuple[str, str, Source]]:
    """(block id, text, where it stands) for the blocks that may define parties."""
    body = [b for b in blocks if b.part == "body"]
    first_clause = next(
        (i for i, b in enumerate(body) if b.label is not None and b.table is None and b.clause_id is not None),
        len(body),
    )
    signature_from = max(first_clause, len(body) - _SIGNATURE_BLOCKS)
    for i, block in enumerate(body):
        region: Source = "preamble" if i < first_clause else "signature" if i >= signature_from else "definition"
        yield block.id, block.text, region
