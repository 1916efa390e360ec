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
from typing import BinaryIO

from clausecheck.document.construct import trusted
from clausecheck.document.labels import LabelMatch, match_label, match_rendered
from clausecheck.document.model import Block, Document, Part
from clausecheck.document.numbering import Numbering
from clausecheck.document.package import W, Package, ReadLimits, load_bytes, open_package
from clausecheck.document.parties import Source, find_parties
from clausecheck.document.styles import Styles
from clausecheck.document.tree import ClauseTree
from clausecheck.document.walker import RawParagraph, Walker
from clausecheck.language.detect import detect_all

__all__ = ["ReadLimits", "read_document"]

_W = f"{{{W}}}"
_SKIPPED_NOTES = ("separator", "continuationSeparator", "continuationNotice")
_LABELLED_PARTS = ("body", "textbox")
_REPEATED = 3
_SIGNATURE_BLOCKS = 40
"""how many closing body blocks are searched for a signature block"""


def read_document(
    source: str | os.PathLike[str] | bytes | BinaryIO, *, limits: ReadLimits | None = None
) -> Document:
    """Read an agreement from a path, bytes or a binary file object.

    Raises a `clausecheck.errors.DocumentError` subclass naming the file and
    what to do when the input is not a readable, safe .docx. The input is
    never written to.
    """
    name, data = load_bytes(source)
    package = open_package(name, data, limits or ReadLimits())
    return _build(package)


def _build(package: Package) -> Document:
    styles = Styles(package.styles)
    numbering = Numbering(package.numbering, styles)
    walker = Walker()
    tree = ClauseTree()
    rows: list[tuple[RawParagraph, str | None, str | None, int | None, str]] = []
    for part, roots, counters in _parts(package, numbering):
        for root in roots:
            paras = walker.walk(root, part)
            repeated = _repeated(paras) if part == "body" else frozenset()
            for para in paras:
                row = _label(para, counters, styles, tree, len(rows), repeated)
                if row is not None:
                    rows.append(row)
    roots, placements = tree.finish()
    langs, main_lang, all_langs = detect_all(row[4] for row in rows)
    blocks = []
    tracked = walker.tracked_any
    for index, (para, label, source, heading, text) in enumerate(rows):
        block_id = f"b{index}"
        placement = placements.get(block_id)
        tracked = tracked or para.tracked
        blocks.append(
            trusted(
                Block,
                {
                    "id": block_id,
                    "index": index,
                    "part": para.part,
                    "text": text,
                    "label": label,
                    "label_source": source,
                    "clause": placement.clause if placement else None,
                    "clause_id": placement.clause_id if placement else None,
                    "heading_level": placement.heading_level if placement and placement.heading_level else heading,
                    "style": para.style,
                    "table": para.cell,
                    "lang": langs[index],
                    "tracked": para.tracked,
                    "hidden": para.hidden,
                },
            )
        )
    return Document.model_construct(
        source=package.source,
        lang=main_lang,
        langs=all_langs,
        blocks=tuple(blocks),
        clauses=roots,
        parties=find_parties(_party_regions(blocks)),
        has_tracked_changes=tracked,
        warnings=tuple(dict.fromkeys([*package.warnings, *walker.warnings])),
    )


def _parts(package: Package, numbering: Numbering):  # type: ignore[no-untyped-def]
    """(part, roots, numbering counters) in block order: body, headers, footers, footnotes, endnotes."""
    body = package.document.find(f"{_W}body")
    yield "body", [body] if body is not None else [], numbering
    yield "header", package.headers, numbering.fresh()
    yield "footer", package.footers, numbering.fresh()
    for part, root in (("footnote", package.footnotes), ("endnote", package.endnotes)):
        if root is not None:
            notes = [n for n in root if isinstance(n.tag, str) and n.get(f"{_W}type") not in _SKIPPED_NOTES]
            yield part, notes, numbering.fresh()


def _repeated(paras: list[RawParagraph]) -> frozenset[str]:
    """Texts of three or more paragraphs: a page header typed into the body, not a heading, however styled."""
    counts = Counter(p.text.strip() for p in paras if p.cell is None)
    return frozenset(text for text, n in counts.items() if n >= _REPEATED and text)


def _label(
    para: RawParagraph,
    counters: Numbering,
    styles: Styles,
    tree: ClauseTree,
    index: int,
    repeated: frozenset[str],
) -> tuple[RawParagraph, str | None, str | None, int | None, str] | None:
    """The paragraph's label, its source, heading level and text without the label; feeds the clause tree.

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
    if rendered is not None:
        match = match_rendered(rendered.text, text)
        if match.alt_series:  # (i): the list's format says whether it is a letter or a roman numeral
            if rendered.fmt.endswith("Letter"):
                match = match._replace(series=match.alt_series, value=match.alt_value, alt_series=None)
            else:
                match = match._replace(alt_series=None)
        list_pos = (rendered.list_key, rendered.level)
        label, source = match.label, "numbering"
    elif para.part in _LABELLED_PARTS or para.cell is not None:
        match = match_label(text, heading=heading is not None) if text else None
        if match is not None:
            text = match.rest
        label, source = (match.label, "literal") if match is not None else (None, None)
    else:
        label = source = None
    if not text and label is None:
        return None
    if heading is not None and match is None and text in repeated:
        heading = None
    if para.part in _LABELLED_PARTS:
        tree.add(f"b{index}", match, list_pos, heading, text, opens=para.part == "body" and para.cell is None)
    return para, label, source, heading, text


def _party_regions(blocks: list[Block]):  # type: ignore[no-untyped-def]
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

