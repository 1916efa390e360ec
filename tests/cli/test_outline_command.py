"""`clausecheck outline FILE [--format text|json]`."""

from __future__ import annotations

import json

import pytest

from clausecheck.cli import main
from clausecheck.cli.outline import _ranges
from clausecheck.document.model import Document
from clausecheck.testing.compose import compose_docx

from ..document.test_hostile import CASES as HOSTILE

NOTATION = """上海某某有限公司（以下简称“甲方”）
第一条 安全责任
（一）乙方{+应当+}配备安全帽。
附件一 安全协议
1．遵守规定。
"""


def test_text_outline(tmp_path, capsys):
    path = tmp_path / "a.docx"
    path.write_bytes(compose_docx(NOTATION, auto_numbering=True))
    assert main(["outline", str(path)]) == 0
    out = capsys.readouterr().out
    assert "note: the document has pending tracked changes in b2" in out
    assert "甲方 = 上海某某有限公司  (preamble, b0)" in out
    assert "第一条（一）" in out and "附件一第1项" in out and "(annex zh-Hans; b3)" in out


def test_json_outline_is_the_document_model(tmp_path, capsys):
    path = tmp_path / "a.docx"
    path.write_bytes(compose_docx(NOTATION))
    assert main(["outline", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    document = Document.model_validate(data)
    assert [(b["id"], b["part"], b["text"], b["clause"]) for b in data["blocks"]][2] == (
        "b2",
        "body",
        "乙方应当配备安全帽。",
        "第一条（一）",
    )
    assert document.has_tracked_changes


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["outline", str(tmp_path / "none.docx")]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["empty file", "legacy .doc", "encrypted .docx", "zip bomb (ratio)", "Strict OOXML"])
def test_a_hostile_file_exits_2_with_a_message(name, tmp_path, capsys):
    data, _expected = HOSTILE[name]
    path = tmp_path / "agreement.docx"
    path.write_bytes(data)
    assert main(["outline", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "Traceback" not in err
    assert "hint:" in err


def test_block_ranges():
    assert _ranges(["b7", "b1", "b2", "b3", "b5"]) == "b1-b3, b5, b7"
    assert _ranges([]) == "no blocks"
