"""The reader's output: an agreement as ordered blocks plus a clause tree.

These models are the boundary between reading `.docx` and everything after
it; nothing downstream sees python-docx. Text is always the text as it reads
with tracked changes accepted, because that is what the parties will sign.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from clausecheck.types import Lang

Part = Literal["body", "header", "footer", "footnote", "endnote", "textbox"]
"""Where a block sits. Comments are not agreement text and are never read as blocks."""

ClauseKind = Literal["part", "article", "clause", "item", "annex"]
"""Rank of a node in the clause tree: 第一章/Part > 第一条/Article 1 > 1.1 > (a)/（一）; annexes apart."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TableCell(_Model):
    """Where a block sits in a table; nested tables extend `path`."""

    table: int = Field(description="index of the top-level table in document order, from 0")
    row: int = Field(description="row index from 0")
    col: int = Field(description="grid column index from 0 (merged cells keep their first column)")
    row_span: int = 1
    col_span: int = 1
    header: bool = Field(False, description="the cell is in a header row")
    path: tuple[int, ...] = Field(
        (), description="for nested tables: (row, col, table) triples of the enclosing cells, flattened"
    )


class Block(_Model):
    """One paragraph (or table-cell paragraph) of the agreement."""

    id: str = Field(description="'b' + index: stable for the same file, e.g. 'b12'")
    index: int = Field(description="position in Document.blocks")
    part: Part = "body"
    text: str = Field(description="text with tracked changes accepted, without the clause label")
    label: str | None = Field(None, description="the clause label as Word shows it: '7.2', '第三条', '（一）', '(a)'")
    label_source: Literal["numbering", "literal"] | None = None
    clause: str | None = Field(
        None, description="the clause path as a person cites it: '7.2(b)', '第五条（二）', 'Schedule 3, 4'"
    )
    clause_id: str | None = Field(None, description="id of the ClauseNode this block belongs to")
    heading_level: int | None = Field(None, description="1 for a top heading; from styles, outline level or labels")
    style: str | None = None
    table: TableCell | None = None
    lang: Lang | None = Field(None, description="None when the block has no letters to judge by")
    tracked: bool = Field(False, description="a pending tracked change touches this block")
    hidden: bool = Field(False, description="the block's text is formatted hidden")


class ClauseNode(_Model):
    """A numbered unit of the agreement: a part, an article, a clause, an item or an annex."""

    id: str
    kind: ClauseKind
    label: str = Field(description="its own label: '7', '7.2', '(b)', '第五条', 'Schedule 3'")
    path: str = Field(description="citation from the top: '7.2(b)', '第五条（二）'")
    title: str = Field("", description="heading text after the label, if any")
    block_ids: tuple[str, ...] = Field((), description="blocks of this node, not of its children")
    children: tuple[ClauseNode, ...] = ()


class PartyDefinition(_Model):
    """A party named in the preamble, a definitions clause or the signature block."""

    alias: str = Field(description="the name the agreement uses: '甲方', 'Client', '服务方'")
    name: str = Field("", description="the full name defined: 'ABC Ltd.', '上海某某有限公司'")
    also: tuple[str, ...] = Field(
        (),
        description="other words the same definition gives the party: the second name of "
        "'(\"FTE\" or \"Subcontractor\")', the role in '甲方（使用单位）：' or '发包单位：…（甲方）'",
    )
    block_id: str
    source: Literal["preamble", "definition", "signature"] = "preamble"


class Comment(_Model):
    """A reviewer's Word comment on the agreement.

    Never agreement text and never a block: comments are read only so a
    reviewer can accept a finding in Word (`clausecheck: accept ppe.provided`).
    """

    id: str
    author: str = ""
    text: str = Field(description="the comment's paragraphs joined by newlines")
    block_ids: tuple[str, ...] = Field((), description="blocks the comment is anchored in")


class Document(_Model):
    """An agreement read from a .docx."""

    source: str = Field(description="the path, or '<bytes>' for in-memory input")
    lang: Lang
    langs: tuple[Lang, ...] = Field(description="every language with blocks in the agreement, main first")
    blocks: tuple[Block, ...]
    clauses: tuple[ClauseNode, ...] = Field(description="roots of the clause tree")
    parties: tuple[PartyDefinition, ...] = ()
    has_tracked_changes: bool = False
    warnings: tuple[str, ...] = Field(
        (), description="content we could not read (embedded altChunk, OLE objects), for the user"
    )
    comments: tuple[Comment, ...] = Field((), description="reviewers' Word comments, apart from the text")

    def block(self, block_id: str) -> Block:
        """The block with this id (ids are 'b' + index)."""
        return self.blocks[int(block_id[1:])]
