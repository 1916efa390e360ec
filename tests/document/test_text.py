"""Text as it reads with tracked changes accepted, from every place Word keeps agreement text."""

from __future__ import annotations

import pytest

from clausecheck.document.reader import read_document
from clausecheck.testing.compose import compose_docx


def texts(document, part=None):
    return [b.text for b in document.blocks if part is None or b.part == part]


def test_tracked_insertion_is_read_and_deletion_dropped(read):
    doc = read("甲方{+应当+}负责{-可以不-}安全。")
    assert texts(doc) == ["甲方应当负责安全。"]
    assert doc.has_tracked_changes and doc.blocks[0].tracked


def test_moves_keep_the_new_place(read):
    doc = read("A{movefrom:OLD}{moveto:NEW}B")
    assert texts(doc) == ["ANEWB"]
    assert doc.blocks[0].tracked


def test_no_tracked_changes_means_no_flag(read):
    doc = read("The Supplier shall provide PPE.")
    assert not doc.has_tracked_changes and not doc.blocks[0].tracked


def test_deleted_paragraph_disappears(read):
    doc = read("one\n[del] gone entirely\ntwo")
    assert texts(doc) == ["one", "two"]
    assert doc.has_tracked_changes
    assert doc.blocks[1].tracked  # the next paragraph absorbed the deleted mark


def test_deleted_paragraph_mark_joins_the_next_paragraph(read):
    doc = read("[delmark] 甲方应当\n负责安全。")
    assert texts(doc) == ["甲方应当负责安全。"]


def test_inserted_paragraph_is_read_and_tracked(read):
    doc = read("[ins] The Client shall brief every engineer.")
    assert texts(doc) == ["The Client shall brief every engineer."]
    assert doc.blocks[0].tracked


@pytest.mark.parametrize(
    "notation, expected",
    [
        ("承包人：{sdt:某某建设有限公司}", "承包人：某某建设有限公司"),
        ("日期：{tag:2024年1月1日}", "日期：2024年1月1日"),
        ("金额{xml:100万元}", "金额100万元"),
        ("第{fld:PAGE|7}页", "第7页"),
        ("依照{field:REF clause3 \\h|第3条}执行", "依照第3条执行"),
        ("see {link:https://example.org/rules|the site rules} now", "see the site rules now"),
        ("see {link:#annex|Annex A}", "see Annex A"),
        ("A{tab}B{br}C", "A\tB\nC"),
        ("{sym:F0FC} agreed", "✓ agreed"),
        ("{ruby:漢字|かんじ}です", "漢字です"),
        ("甲方{sdt:{+应当+}}负责", "甲方应当负责"),
        ("name: {ph:Click here to enter text.}", "name:"),
    ],
)
def test_inline_containers_python_docx_drops(read, notation, expected):
    assert texts(read(notation)) == [expected]


def test_nested_fields_show_only_the_outer_result(read):
    doc = read('x {field:IF {field:REF a|1} = 1 "yes"|yes} y')
    assert texts(doc) == ["x yes y"]


def test_block_level_content_control_is_read(read):
    doc = read("before\n[sdt] 乙方应为作业人员配备安全帽。\nafter")
    assert texts(doc) == ["before", "乙方应为作业人员配备安全帽。", "after"]


def test_text_box_is_its_own_block_once_after_its_anchor(read):
    doc = read("anchor {box:in the box;second line} tail\nnext")
    assert texts(doc) == ["anchor  tail", "in the box", "second line", "next"]
    assert [b.part for b in doc.blocks] == ["body", "textbox", "textbox", "body"]


def test_hidden_text(read):
    doc = read("visible{hidden: secret} text\n[hidden] all hidden")
    assert doc.blocks[0].text == "visible text" and not doc.blocks[0].hidden
    assert doc.blocks[1].text == "all hidden" and doc.blocks[1].hidden


def test_headers_footers_and_notes_are_their_own_parts_after_the_body(read):
    doc = read("body{fn:a footnote}{en:an endnote}", header="the header", footer="page {fld:PAGE|3}")
    assert [(b.part, b.text) for b in doc.blocks] == [
        ("body", "body"),
        ("header", "the header"),
        ("footer", "page 3"),
        ("footnote", "a footnote"),
        ("endnote", "an endnote"),
    ]
    assert [b.id for b in doc.blocks] == ["b0", "b1", "b2", "b3", "b4"]


def test_comments_are_not_agreement_text(read):
    doc = read("The Client shall provide PPE.{comment:Reviewer: check this}\nThe Supplier shall train.")
    assert texts(doc) == ["The Client shall provide PPE.", "The Supplier shall train."]
    assert [(c.author, c.text, c.block_ids) for c in doc.comments] == [("clausecheck", "Reviewer: check this", ("b0",))]


def test_alt_chunk_is_reported_not_silently_lost(read):
    doc = read("body\n[altchunk] imported HTML text")
    assert texts(doc) == ["body"]
    assert any("altChunk" in w for w in doc.warnings)


def test_empty_paragraphs_are_not_blocks(read):
    doc = read("one\n{tab}\ntwo")
    assert texts(doc) == ["one", "two"]


@pytest.mark.parametrize("kind", ["path", "str", "bytes", "file"])
def test_every_source_kind(tmp_path, kind):
    data = compose_docx("第一条 甲方负责。")
    path = tmp_path / "a.docx"
    path.write_bytes(data)
    if kind == "path":
        doc = read_document(path)
        assert doc.source == str(path)
    elif kind == "str":
        doc = read_document(str(path))
        assert doc.source == str(path)
    elif kind == "bytes":
        doc = read_document(data)
        assert doc.source == "<bytes>"
    else:
        with open(path, "rb") as f:
            doc = read_document(f)
        assert doc.source == str(path)
    assert doc.blocks[0].text == "甲方负责。"


def test_wrong_source_type_is_a_programming_error():
    with pytest.raises(TypeError):
        read_document(12)  # type: ignore[arg-type]
