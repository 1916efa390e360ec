"""Word comments in a copy of the agreement: anchored on the clause at fault, text untouched, a sound package.

Agreements are built from the notation with the markup python-docx cannot
see as runs (a tracked insertion, a block content control, a hyperlink, a
table cell), judged by the real pipeline, annotated, and reopened with
python-docx; the package is also checked part by part, and converted by
LibreOffice when it is installed.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from clausecheck.checker import Checker
from clausecheck.document.annotate import AUTHOR, AnnotationError, Note, anchorable, write_comments
from clausecheck.document.reader import read_document, read_with_paragraphs
from clausecheck.errors import NotADocx
from clausecheck.report.annotate import comment_text, plan_comments
from clausecheck.testing.compose import compose_docx

from .kit import EXAMPLES, example_path, judged, libreoffice_content

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
MARKUP = """
# Maintenance Agreement
This Agreement is made between Northgate Ltd (the "Customer") and Brightwire Ltd (the "Supplier").
1. Health and Safety
1.1 The Supplier shall supply each Engineer with personal protective equipment at its own cost.
1.2 The Customer {+may inform the Supplier of the hazards of the site.+}
[sdt] 1.3 Emergency procedures shall be followed in the event of a fire at the site.
1.4 The Supplier shall report any accident to the Customer {link:https://example.com|promptly}.
2. Liability
| Clause | Term |
| 2.1 | The Customer shall not be liable for any injury to or death of any Engineer, howsoever caused. |
"""
FOOTER = "The Supplier should maintain public liability insurance."


def annotate(data: bytes, pack: str = "safety-core") -> tuple[bytes, list[Note]]:
    document, paragraphs = read_with_paragraphs("<test>", data)
    result = Checker(pack).judge(document).result
    notes = plan_comments(result, document, anchorable(paragraphs))
    return write_comments(data, document, paragraphs, notes), notes


def anchored_text(annotated: bytes) -> dict[int, str]:
    """Comment id -> the text (all w:t, whatever wraps them) of the paragraph holding its range start."""
    word = docx.Document(io.BytesIO(annotated))
    body = word.element.body
    out = {}
    for start in body.iter(f"{{{W}}}commentRangeStart"):
        p = next(start.iterancestors(f"{{{W}}}p"))
        out[int(start.get(f"{{{W}}}id"))] = "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))
    return out


@pytest.fixture(scope="module")
def markup_doc() -> tuple[bytes, bytes, list[Note]]:
    data = compose_docx(MARKUP, footer=FOOTER)
    annotated, notes = annotate(data)
    return data, annotated, notes


def test_each_clause_at_fault_gets_a_comment_on_its_own_paragraph(markup_doc):
    _data, annotated, notes = markup_doc
    word = docx.Document(io.BytesIO(annotated))
    comments = {c.comment_id: c for c in word.comments}
    assert len(comments) == len(notes)
    assert {c.author for c in comments.values()} == {AUTHOR}
    anchors = anchored_text(annotated)
    by_code: dict[str, list[str]] = {}
    for cid, comment in comments.items():
        code = comment.text.split()[1]
        by_code.setdefault(code, []).append(anchors[cid])
    # a tracked insertion, a block content control, a hyperlink and a table cell: each carries its own comment
    assert any("may inform the Supplier of the hazards" in t for t in by_code["CC102"])
    assert any("Emergency procedures shall be followed" in t for t in by_code["CC103"])
    assert any(t.endswith("to the Customer promptly.") for t in by_code["CC106"])
    assert by_code["CC201"] == [
        "The Customer shall not be liable for any injury to or death of any Engineer, howsoever caused."
    ]


def test_missing_duties_go_on_the_fitting_heading_and_footer_clauses_on_the_title(markup_doc):
    _, annotated, _ = markup_doc
    word = docx.Document(io.BytesIO(annotated))
    anchors = anchored_text(annotated)
    for comment in word.comments:
        text = comment.text
        if "CC107" in text:  # employer's liability insurance: no 'Insurance' heading, so 'Liability'
            assert anchors[comment.comment_id] == "2. Liability"
            assert "Add it at 2: " in text  # the insertion point, cited as printed
        if "CC110" in text:  # coordination: no heading shares a word, so the article holding the safety clauses
            assert anchors[comment.comment_id] == "1. Health and Safety"
        if "CC108" in text:  # cited in the footer, where Word takes no comment
            assert anchors[comment.comment_id] == "Maintenance Agreement"
            assert f"In the footer: {FOOTER}" in text
    assert all(t != FOOTER for t in anchors.values())


def test_the_copy_reads_exactly_as_the_original(markup_doc):
    data, annotated, _ = markup_doc
    before, after = read_document(data), read_document(annotated)
    assert [(b.part, b.label, b.text) for b in before.blocks] == [(b.part, b.label, b.text) for b in after.blocks]
    assert len(after.comments) == len(docx.Document(io.BytesIO(annotated)).comments)
    assert all(c.author == AUTHOR and c.block_ids for c in after.comments)


def test_the_package_is_sound(markup_doc):
    _, annotated, notes = markup_doc
    with zipfile.ZipFile(io.BytesIO(annotated)) as z:
        assert z.testzip() is None
        types = etree.fromstring(z.read("[Content_Types].xml"))
        overrides = {o.get("PartName"): o.get("ContentType") for o in types}
        assert (
            overrides["/word/comments.xml"]
            == "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
        )
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        targets = {r.get("Type").rsplit("/", 1)[-1]: r.get("Target") for r in rels}
        assert targets["comments"] == "comments.xml"
        document = etree.fromstring(z.read("word/document.xml"))
        comments = etree.fromstring(z.read("word/comments.xml"))
    ids = {c.get(f"{{{W}}}id") for c in comments.iterfind("w:comment", NS)}
    assert len(ids) == len(notes)
    for mark in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert {m.get(f"{{{W}}}id") for m in document.iter(f"{{{W}}}{mark}")} == ids, mark
    for ref in document.iter(f"{{{W}}}commentReference"):
        assert ref.getparent().tag == f"{{{W}}}r"  # a reference sits in a run, as Word writes it


def test_reviewer_comments_stay_and_ids_continue():
    data = compose_docx(MARKUP.replace("1.1 The Supplier", "1.1 {comment:Check with legal}The Supplier"))
    annotated, notes = annotate(data)
    comments = list(docx.Document(io.BytesIO(annotated)).comments)
    assert comments[0].text == "Check with legal" and comments[0].comment_id == 0
    assert [c.comment_id for c in comments[1:]] == list(range(1, len(notes) + 1))


def test_annotating_an_annotated_copy_adds_nothing_twice(markup_doc):
    _, annotated, notes = markup_doc
    again, more = annotate(annotated)
    assert more == []
    assert len(docx.Document(io.BytesIO(again)).comments) == len(notes)


def test_a_text_box_clause_is_commented_on_the_paragraph_holding_the_box():
    data = compose_docx(MARKUP + "\nNote {box:The Supplier should maintain public liability insurance.}")
    document, paragraphs = read_with_paragraphs("<test>", data)
    box = next(b for b in document.blocks if b.part == "textbox")
    assert box.id in anchorable(paragraphs)
    annotated = write_comments(data, document, paragraphs, [Note(box.id, "about the box")])
    start = next(docx.Document(io.BytesIO(annotated)).element.body.iter(f"{{{W}}}commentRangeStart"))
    assert start.getparent().getparent().tag == f"{{{W}}}body"
    assert "".join(start.getparent().itertext()).startswith("Note ")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_comment_in_the_agreements_language(name):
    data = example_path(name).read_bytes()
    annotated, notes = annotate(data, EXAMPLES[name].pack)
    assert notes
    texts = [c.text for c in docx.Document(io.BytesIO(annotated)).comments]
    lang = read_document(data).lang
    marker = {"en": "What to do: ", "zh-Hans": "处理建议：", "zh-Hant": "處理建議："}[lang]
    summary = {"en": "clausecheck summary: ", "zh-Hans": "clausecheck 审查摘要：", "zh-Hant": "clausecheck 審查摘要："}[
        lang
    ]
    assert texts[0].startswith(summary)  # the summary comment on the title comes first
    assert all(marker in t for t in texts[1:])
    assert hashlib.sha256(example_path(name).read_bytes()).digest() == hashlib.sha256(data).digest()


def test_comment_text_cites_the_governing_law_in_the_readers_language():
    path = example_path("it-onsite-services.zh-Hans")
    _document, result = judged(path, "it-onsite")
    void = next(f for f in result.findings if f.status == "forbidden")
    text = comment_text(void, "zh-Hans")
    assert "依据：《中华人民共和国民法典》第五百零六条第（一）项" in text
    assert "Unfair Contract Terms Act" not in text  # UK law is noise in a PRC agreement
    english = Checker("it-onsite", locale="en").check(path).result
    void = next(f for f in english.findings if f.status == "forbidden")
    assert "Basis: PRC Civil Code art. 506(1)" in comment_text(void, "en")
    assert "Unfair Contract Terms Act" not in comment_text(void, "en")
    every = Checker("it-onsite", locale="en", all_jurisdictions=True).check(path).result
    void = next(f for f in every.findings if f.status == "forbidden")
    laws = [c.text for c in void.citations]
    assert laws[0].startswith("PRC") and "Unfair Contract Terms Act 1977 s.2(1)" in laws  # governing law first


def test_a_note_outside_the_main_text_is_refused():
    data = compose_docx(MARKUP, footer=FOOTER)
    document, paragraphs = read_with_paragraphs("<test>", data)
    footer = next(b for b in document.blocks if b.part == "footer")
    assert footer.id not in anchorable(paragraphs)
    with pytest.raises(AnnotationError, match="not in the main text"):
        write_comments(data, document, paragraphs, [Note(footer.id, "x")])


def test_a_macro_enabled_document_is_refused_with_advice(tmp_path):
    data = compose_docx(MARKUP)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "[Content_Types].xml":
                body = body.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                )
            dst.writestr(info, body)
    document, paragraphs = read_with_paragraphs("x.docm", out.getvalue())
    with pytest.raises(NotADocx, match="cannot be annotated"):
        write_comments(out.getvalue(), document, paragraphs, [Note("b0", "x")])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_copy_and_sees_every_comment(tmp_path: Path, markup_doc):
    _, annotated, notes = markup_doc
    content = libreoffice_content(annotated, tmp_path)
    assert content.count("<office:annotation ") + content.count("<office:annotation>") == len(notes)
    assert content.count("<office:annotation-end") == len(notes)


def ranged_text(annotated: bytes) -> dict[int, tuple[str, str]]:
    """Comment id -> (the text its range wraps, the text of the paragraph holding it)."""
    root = docx.Document(io.BytesIO(annotated)).element.body
    out = {}
    for start in root.iter(f"{{{W}}}commentRangeStart"):
        cid = start.get(f"{{{W}}}id")
        p = next(start.iterancestors(f"{{{W}}}p"))
        inside, wrapped = False, []
        for el in p.iter():
            if el.tag == f"{{{W}}}commentRangeStart" and el.get(f"{{{W}}}id") == cid:
                inside = True
            elif el.tag == f"{{{W}}}commentRangeEnd" and el.get(f"{{{W}}}id") == cid:
                break
            elif inside and el.tag == f"{{{W}}}t":
                wrapped.append(el.text or "")
        out[int(cid)] = ("".join(wrapped), "".join(t.text or "" for t in p.iter(f"{{{W}}}t")))
    return out


@pytest.mark.parametrize(
    ("name", "code", "words", "paragraph"),
    [
        ("it-onsite-services.zh-Hans", "CC102", "可", "甲方可视情况向乙方派驻人员介绍机房的危险因素和防范措施。"),
        ("it-onsite-services.zh-Hans", "CC106", "及时", "发生安全事故时，乙方应及时向甲方报告。"),
        ("it-onsite-services.zh-Hans", "CC201", "无论何种原因", "无论何种原因，甲方概不负责。"),
        ("onsite-maintenance.en", "CC106", "promptly", "to the Customer promptly."),
    ],
)
def test_a_comment_wraps_the_offending_words_of_its_paragraph(name, code, words, paragraph):
    annotated, _notes = annotate(example_path(name).read_bytes(), EXAMPLES[name].pack)
    comments = {c.comment_id: c.text for c in docx.Document(io.BytesIO(annotated)).comments}
    ranges = ranged_text(annotated)
    (cid,) = [i for i, text in comments.items() if text.startswith(f"clausecheck {code}")]
    wrapped, whole = ranges[cid]
    assert paragraph in whole and wrapped != whole
    assert words in wrapped and len(wrapped) <= len(words) + 12  # the words (a finding's span), not the paragraph


def test_the_title_gets_a_summary_comment_with_counts_and_the_three_most_serious():
    data = example_path("onsite-maintenance.en").read_bytes()
    annotated, _ = annotate(data)
    first = next(iter(docx.Document(io.BytesIO(annotated)).comments)).text
    assert first.startswith("clausecheck summary: 1 critical, 4 high, 2 medium. Most serious: ")
    lines = first.splitlines()
    assert len(lines) == 4 and lines[1].startswith("CC201 (critical) 5.2: Void clause")
    assert anchored_text(annotated)[0] == "On-Site Equipment Maintenance Agreement"


PLACED = """
# Services Agreement
This Agreement is made between Northgate Ltd (the "Customer") and Brightwire Ltd (the "Supplier").
1. Services
1.1 The Supplier shall maintain the lifts at the Site.
2. Site Safety
2.1 The Supplier shall supply each Engineer with personal protective equipment at its own cost.
2.2 The Customer shall tell the Supplier's engineers about the hazards of the Site before they start.
3. Insurance
3.1 The Supplier shall hold motor insurance.
4. Fees
4.1 The Customer shall pay the fees monthly.
Signed for and on behalf of the Customer
"""


def missing_anchor(notation: str, code: str) -> str:
    annotated, _ = annotate(compose_docx(notation))
    comments = {c.comment_id: c.text for c in docx.Document(io.BytesIO(annotated)).comments}
    (cid,) = [i for i, t in comments.items() if t.startswith(f"clausecheck {code}")]
    return anchored_text(annotated)[cid]


def test_missing_duties_go_to_their_article_else_a_related_one_else_before_the_signatures():
    assert missing_anchor(PLACED, "CC107") == "3. Insurance"  # insurance duties at the insurance article
    assert missing_anchor(PLACED, "CC110") == "2. Site Safety"  # coordination: the article with the safety clauses
    bare = "# Services Agreement\nThe Supplier shall maintain the lifts.\nThe Customer shall pay monthly.\nSigned by the Customer"
    assert missing_anchor(bare, "CC107") == "The Customer shall pay monthly."  # the end of the body, not the title


def test_the_place_of_a_missing_duty_does_not_move_when_other_findings_are_accepted():
    accepted = PLACED.replace(
        "2.1 The", "2.1 {comment:clausecheck: accept ppe.provided, hazard.disclosed everywhere}The"
    )
    assert missing_anchor(accepted, "CC110") == missing_anchor(PLACED, "CC110") == "2. Site Safety"
