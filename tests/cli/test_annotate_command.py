"""`clausecheck annotate`: a commented copy, written atomically, never over the input."""

from __future__ import annotations

import hashlib
import io
import os

import docx
import pytest

from clausecheck.cli import main

from ..report.kit import AGREEMENT_EN, write_agreement


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_annotate_writes_a_commented_copy_and_leaves_the_input(capsys, tmp_path):
    agreement = write_agreement(tmp_path, AGREEMENT_EN)
    before = digest(agreement)
    out = tmp_path / "reviewed.docx"
    assert main(["annotate", str(agreement), "-o", str(out)]) == 1  # findings reach --fail-on high
    assert f"wrote {out}:" in capsys.readouterr().out
    assert digest(agreement) == before
    comments = list(docx.Document(io.BytesIO(out.read_bytes())).comments)
    assert comments and all(c.author == "clausecheck" for c in comments)
    assert sorted(os.listdir(tmp_path)) == ["agreement.docx", "reviewed.docx"]


def test_default_output_sits_beside_the_input(capsys, tmp_path):
    agreement = write_agreement(tmp_path, AGREEMENT_EN)
    assert main(["annotate", str(agreement)]) == 1
    assert (tmp_path / "agreement.annotated.docx").exists()


@pytest.mark.parametrize("spelling", ["same", "dotted", "link"])
def test_the_input_is_never_the_output(capsys, tmp_path, spelling):
    agreement = write_agreement(tmp_path, AGREEMENT_EN)
    before = digest(agreement)
    target = {
        "same": agreement,
        "dotted": tmp_path / "." / ".." / tmp_path.name / agreement.name,
        "link": tmp_path / "link.docx",
    }[spelling]
    if spelling == "link":
        target.symlink_to(agreement)
    assert main(["annotate", str(agreement), "-o", str(target)]) == 2
    assert "never writes over it" in capsys.readouterr().err
    assert digest(agreement) == before


def test_accepted_findings_get_no_comment(capsys, tmp_path):
    accepted = AGREEMENT_EN.replace("1.3 The", "1.3 {comment:clausecheck: accept CC201 — capped by law}The")
    agreement = write_agreement(tmp_path, accepted)
    out = tmp_path / "out.docx"
    assert main(["annotate", str(agreement), "-o", str(out)]) == 1  # findings reach --fail-on high
    assert "1 accepted finding(s) left out" in capsys.readouterr().out
    texts = [c.text for c in docx.Document(io.BytesIO(out.read_bytes())).comments]
    assert texts[0].startswith("clausecheck: accept CC201")  # the reviewer's own comment stays
    assert not any("CC201" in t for t in texts[1:])


def test_unreadable_input_and_missing_folder_exit_2(capsys, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"{\\rtf1 hello}")
    assert main(["annotate", str(bad), "-o", str(tmp_path / "x.docx")]) == 2
    assert "RTF" in capsys.readouterr().err
    agreement = write_agreement(tmp_path, AGREEMENT_EN)
    assert main(["annotate", str(agreement), "-o", str(tmp_path / "no" / "x.docx")]) == 2
    assert "no folder" in capsys.readouterr().err


def test_locale_sets_the_comment_language(capsys, tmp_path):
    agreement = write_agreement(tmp_path, AGREEMENT_EN)
    out = tmp_path / "zh.docx"
    assert main(["annotate", str(agreement), "-o", str(out), "--locale", "zh-Hans"]) == 1
    texts = [c.text for c in docx.Document(io.BytesIO(out.read_bytes())).comments]
    assert all("依据：" in t for t in texts if "CC201" in t and not t.startswith("clausecheck 审查摘要"))
    assert any(t.startswith("clausecheck CC201（严重）：无效条款") for t in texts)
