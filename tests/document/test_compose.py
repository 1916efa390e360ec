"""The compact-notation builder writes real Word markup (checked in the XML, not only through the reader)."""

from __future__ import annotations

import io
import re

import docx
import pytest

from clausecheck.testing.compose import compose_docx

from .packages import part


def test_plain_paragraphs_and_headings_open_in_python_docx():
    data = compose_docx("# Safety\n## Training\n### Detail\nThe Client shall brief engineers.")
    document = docx.Document(io.BytesIO(data))
    assert [(p.style.name, p.text) for p in document.paragraphs] == [
        ("Heading 1", "Safety"),
        ("Heading 2", "Training"),
        ("Heading 3", "Detail"),
        ("Normal", "The Client shall brief engineers."),
    ]


def test_literal_labels_stay_text_without_auto_numbering():
    xml = part(compose_docx("第一条 甲方负责。"), "word/document.xml").decode()
    assert "第一条 甲方负责。" in xml and "numPr" not in xml


def test_auto_numbering_writes_numbering_xml_and_strips_the_label():
    data = compose_docx("第一条 甲方负责。\n（一）提供安全帽\n1.1 Text\n(a) item", auto_numbering=True)
    document = part(data, "word/document.xml").decode()
    numbering = part(data, "word/numbering.xml").decode()
    assert "第一条" not in document and ">甲方负责。<" in document
    assert document.count("<w:numPr>") == 4
    for text, fmt in (
        ("第%1条", "chineseCounting"),
        ("（%1）", "chineseCounting"),
        ("%1.%2", "decimal"),
        ("(%1)", "lowerLetter"),
    ):
        assert re.search(rf'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{re.escape(text)}"/>', numbering), text


def test_restarts_become_new_nums_with_start_override():
    numbering = part(compose_docx("(a) x\n(b) y\n1. z\n(a) again", auto_numbering=True), "word/numbering.xml").decode()
    assert numbering.count("<w:num ") == 3
    assert '<w:startOverride w:val="1"/>' in numbering


def test_nonum_keeps_a_label_literal():
    xml = part(compose_docx("[nonum] 1. literal", auto_numbering=True), "word/document.xml").decode()
    assert "1. literal" in xml and "numPr" not in xml


def test_tracked_changes_markup():
    xml = part(compose_docx("a{+b+}{-c-}{moveto:e}{movefrom:f}\n[del] d"), "word/document.xml").decode()
    assert re.search(r"<w:ins [^>]*w:author=\"clausecheck\"[^>]*><w:r><w:t[^>]*>b</w:t>", xml)
    assert re.search(r"<w:del [^>]*><w:r><w:delText[^>]*>c</w:delText>", xml)
    assert re.search(r"<w:moveTo [^>]*><w:r><w:t[^>]*>e</w:t>", xml)
    assert re.search(r"<w:moveFrom [^>]*><w:r><w:delText[^>]*>f</w:delText>", xml)
    assert re.search(
        r"<w:pPr><w:rPr><w:del [^>]*/></w:rPr></w:pPr><w:del [^>]*><w:r><w:delText[^>]*>d</w:delText>", xml
    )
    ids = re.findall(r'<w:(?:ins|del|moveTo|moveFrom) w:id="(\d+)"', xml)
    assert len(ids) == 6 and len(set(ids)) == 6


def test_table_merges_and_header():
    xml = part(compose_docx("| a | < |\n| b | c |\n| ^ | d |"), "word/document.xml").decode()
    assert '<w:gridSpan w:val="2"/>' in xml and '<w:vMerge w:val="restart"/>' in xml and "<w:vMerge/>" in xml
    assert xml.count("<w:tblHeader/>") == 1


def test_notes_comments_header_footer_parts():
    data = compose_docx("a{fn:note}{en:end}{comment:remark}", header="H", footer="F", title="T")
    for name, text in (("word/footnotes.xml", "note"), ("word/endnotes.xml", "end"), ("word/comments.xml", "remark")):
        assert f"{text}</w:t>" in part(data, name).decode(), name
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert [p.text for p in section.header.paragraphs] == ["H"] and [p.text for p in section.footer.paragraphs] == ["F"]
    assert document.core_properties.title == "T"


def test_literal_braces_and_unknown_markup():
    xml = part(compose_docx("a {{b}} c"), "word/document.xml").decode()
    assert "a {b} c" in xml
    with pytest.raises(ValueError, match="unknown inline markup"):
        compose_docx("{nope:x}")


def test_many_cases_build_fast_enough_to_render_packs():
    import time

    start = time.perf_counter()
    for i in range(50):
        compose_docx(f"第{i + 1}条 乙方应当提供安全帽。\n（一）{{+培训+}}\n| 甲方 | 乙方 |", auto_numbering=bool(i % 2))
    assert (time.perf_counter() - start) / 50 < 0.05  # generous: about 5 ms each on the reference machine


def test_the_same_notation_builds_the_same_bytes():
    import time

    first = compose_docx("# Title\n1.1 The Supplier shall provide PPE.", auto_numbering=True)
    time.sleep(1.1)
    assert compose_docx("# Title\n1.1 The Supplier shall provide PPE.", auto_numbering=True) == first
