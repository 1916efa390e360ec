"""`annotate --redline`: the wording as tracked changes a reviewer accepts in Word; accepted, the duties are settled.

The copy is reopened with python-docx and, when installed, converted by
LibreOffice; the clausecheck reader reads it with the changes accepted (as
Word shows it after "Accept all") and the check finds nothing left on the
redlined topics. Rejecting clausecheck's changes gives the original text back.
"""

from __future__ import annotations

import io
import shutil
import zipfile

import docx
import pytest
from lxml import etree

import clausecheck
from clausecheck.cli import main
from clausecheck.document.annotate import _rejected
from clausecheck.document.reader import read_document

from .kit import EXAMPLES, example_path, libreoffice_content

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


@pytest.fixture(scope="module")
def redlined(tmp_path_factory) -> dict[str, tuple[bytes, clausecheck.Annotated]]:
    out = {}
    for name, example in EXAMPLES.items():
        done = clausecheck.annotate(example_path(name), pack=example.pack, redline=True)
        out[name] = (example_path(name).read_bytes(), done)
    return out


def test_wording_is_inserted_and_void_clauses_deleted_as_tracked_changes_by_clausecheck(redlined):
    _original, done = redlined["it-onsite-services.zh-Hans"]
    root = body(done.data)
    inserted = root.findall(".//w:ins", NS)
    deleted = root.findall(".//w:del", NS)
    assert inserted and deleted and done.changes == 6
    for mark in inserted + deleted:
        assert mark.get(f"{{{W}}}author") == "clausecheck"
        assert mark.get(f"{{{W}}}date", "").endswith("Z") and mark.get(f"{{{W}}}id", "").isdigit()
    ids = [m.get(f"{{{W}}}id") for m in inserted + deleted]
    assert len(ids) == len(set(ids))
    struck = "".join(t.text for d in deleted for t in d.iter(f"{{{W}}}delText"))
    assert (
        struck == "乙方派驻人员在甲方机房内发生的任何人身伤亡，无论何种原因，甲方概不负责。"
    )  # the void clause, whole
    added = "".join(t.text for i in inserted for t in i.iter(f"{{{W}}}t"))
    assert "因一方原因造成人身伤亡的，由该方依法承担赔偿责任" in added  # its replacement
    assert "乙方应投保第三者责任险" in added  # a missing duty, as a new paragraph
    new_paragraphs = root.findall(".//w:p/w:pPr/w:rPr/w:ins/../../..", NS)
    assert new_paragraphs, "a missing clause is a new paragraph with its mark inserted"


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_accepting_the_redlines_settles_the_redlined_topics(redlined, name):
    """A reviewer accepts every change in Word and runs check again: nothing left on the redlined topics."""
    _original, done = redlined[name]
    redlined_topics = {f.topic for f in done.result.findings if f.suggestion and f.kind not in ("conflict",)}
    redlined_topics -= {f.topic for f in done.result.findings if f.kind == "dangling_reference"}
    accepted = read_document(done.data)  # the reader reads tracked changes as accepted
    assert accepted.has_tracked_changes
    again = clausecheck.check(accepted, pack=EXAMPLES[name].pack).documents[0]
    left = {f.topic for f in again.findings} & redlined_topics
    assert not left, [f.message for f in again.findings if f.topic in left]
    assert redlined_topics
    assert {f.rule for f in again.findings} <= {f.rule for f in done.result.findings}  # the wording adds no new finding


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_rejecting_clausecheck_changes_gives_the_original_back(redlined, name):
    original, done = redlined[name]
    before = [(b.id, b.text) for b in read_document(original).blocks]
    after = [(b.id, b.text) for b in read_document(_rejected(done.data)).blocks]
    assert before == after


def test_python_docx_reopens_the_copy_and_the_comments_are_there(redlined):
    _original, done = redlined["onsite-maintenance.en"]
    word = docx.Document(io.BytesIO(done.data))
    assert len(list(word.comments)) == done.comments and all(c.author == "clausecheck" for c in word.comments)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_redlined_copy_and_shows_the_changes(redlined, tmp_path):
    _original, done = redlined["it-onsite-services.zh-Hans"]
    content = libreoffice_content(done.data, tmp_path)
    assert content.count("<text:changed-region") >= done.changes  # every insertion and deletion is a tracked change
    assert "clausecheck" in content and "乙方应投保第三者责任险" in content


def test_the_command_writes_the_redlined_copy_and_exits_like_check(tmp_path, capsys):
    out = tmp_path / "out.docx"
    source = example_path("onsite-maintenance.en")
    assert main(["annotate", str(source), "-o", str(out), "--redline"]) == 1  # a critical void clause
    printed = capsys.readouterr().out
    assert "tracked change(s)" in printed and body(out.read_bytes()).findall(".//w:ins", NS)
    assert main(["annotate", str(source), "-o", str(out), "--fail-on", "critical", "--disable", "CC201"]) == 0
    assert main(["annotate", str(source), "-o", str(out), "--fail-on", "critical"]) == 1
