"""`clausecheck outline FILE`: what the checker sees in an agreement.

The pack author's view: the clause tree with labels and block ids, the
languages, the parties, and a note when tracked changes are pending (the text
shown is the text with them accepted). `--format json` prints the `Document`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from clausecheck.cli.common import add_pack_options

if TYPE_CHECKING:  # the model (and pydantic) loads only when the command runs: `--version` stays fast
    from clausecheck.document.model import ClauseNode, Document

_EXCERPT = 60


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "outline",
        help="show the clause tree, languages and parties the checker reads from an agreement",
        description="Show what clausecheck reads from a .docx agreement: its clause tree with labels and "
        "block ids, languages, parties, and whether tracked changes are pending.",
    )
    parser.add_argument("file", metavar="FILE", help="the agreement (.docx)")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text for people (default) or the Document as JSON"
    )
    add_pack_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from clausecheck.budget import enforced
    from clausecheck.document.reader import read_document
    from clausecheck.limits import Limits

    with enforced(Limits(), args.file):
        document = read_document(args.file)
    if args.format == "json":
        sys.stdout.write(document.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(render(document))
    return 0


def render(document: Document) -> str:
    """The outline as text."""
    lines = [f"{document.source}: {len(document.blocks)} blocks, language {document.lang}"]
    if len(document.langs) > 1:
        lines[0] += f" (also {', '.join(lang for lang in document.langs if lang != document.lang)})"
    if document.has_tracked_changes:
        touched = [b.id for b in document.blocks if b.tracked]
        where = f" in {_ranges(touched)}" if touched else ""
        lines.append(f"note: the document has pending tracked changes{where}; text is shown with them accepted")
    for warning in document.warnings:
        lines.append(f"warning: {warning}")
    lines.append("")
    lines.append("parties:")
    if not document.parties:
        lines.append("  (none defined)")
    for party in document.parties:
        name = f" = {party.name}" if party.name else ""
        lines.append(f"  {party.alias}{name}  ({party.source}, {party.block_id})")
    lines.append("")
    lines.append("clauses:")
    if not document.clauses:
        lines.append("  (no numbered clauses or headings)")
    for root in document.clauses:
        _node(document, root, 1, lines)
    return "\n".join(lines) + "\n"


def _node(document: Document, node: ClauseNode, depth: int, lines: list[str]) -> None:
    first = document.block(node.block_ids[0]) if node.block_ids else None
    text = node.title or (first.text if first is not None else "")
    text = " ".join(text.split())
    if len(text) > _EXCERPT:
        text = text[: _EXCERPT - 1] + "…"
    lang = f" {first.lang}" if first is not None and first.lang else ""
    if node.label:
        shown = node.path if node.label == node.path else f"{node.path} [{node.label}]"
        head = f"{shown}  {text}"
    else:
        head = f"- {text}"  # an unnumbered heading
    lines.append(f"{'  ' * depth}{head}  ({node.kind}{lang}; {_ranges(list(node.block_ids))})")
    for child in node.children:
        _node(document, child, depth + 1, lines)


def _ranges(block_ids: list[str]) -> str:
    """'b1, b3-b5' from ['b1', 'b3', 'b4', 'b5']."""
    runs: list[list[int]] = []  # [first, last] of each run of consecutive blocks
    for n in sorted(int(b[1:]) for b in block_ids):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(f"b{a}" if a == z else f"b{a}-b{z}" for a, z in runs) or "no blocks"
