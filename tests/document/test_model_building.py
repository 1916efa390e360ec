"""The reader builds its models without validation (construct.py): they must equal validated ones."""

from __future__ import annotations

from clausecheck.document.construct import trusted
from clausecheck.document.model import Block, Document, TableCell


def test_read_document_equals_its_validated_copy(read):
    doc = read("第一条 甲方{+应当+}负责。\n| a | < |\n| ^ | b |\n附件一 协议\n1. 条款", auto_numbering=True)
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert again.blocks[1].table == doc.blocks[1].table
    assert again.clauses == doc.clauses


def test_trusted_model_behaves_like_a_validated_one():
    values = {"table": 0, "row": 1, "col": 2, "row_span": 1, "col_span": 1, "header": False, "path": ()}
    built = trusted(TableCell, dict(values))
    assert built == TableCell(**values)
    assert built.model_fields_set == set(values)
    assert built.model_copy(update={"row": 5}).row == 5 and built.row == 1
    block = trusted(Block, Block(id="b0", index=0, text="x").model_dump())
    assert block == Block(id="b0", index=0, text="x") and hash(block) == hash(Block(id="b0", index=0, text="x"))
