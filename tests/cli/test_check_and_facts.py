"""The `clausecheck check` and `facts` commands: formats and exit codes."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from clausecheck.cli import main
from clausecheck.testing.compose import compose_docx

from ..check.test_api import AGREEMENT_EN, AGREEMENT_ZH


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys):
    """run(*args): the command run in this process, with its exit code and output."""

    def _run(*args: str) -> Ran:
        capsys.readouterr()
        code = main(list(args))
        out = capsys.readouterr()
        return Ran(code, out.out, out.err)

    return _run


@pytest.fixture
def zh_file(tmp_path):
    path = tmp_path / "zh.docx"
    path.write_bytes(compose_docx(AGREEMENT_ZH))
    return path


def test_json_report_carries_the_topic_matrix_and_exit_code_1(run, zh_file):
    out = run("check", "--format", "json", str(zh_file))
    assert out.returncode == 1  # a critical void clause, default --fail-on high
    report = json.loads(out.stdout)
    doc = report["documents"][0]
    assert {t["topic"] for t in doc["topics"]} >= {"ppe", "emergency"}
    assert any(f["status"] == "forbidden" and f["topic"] == "void_injury_waiver" for f in doc["findings"])


def test_fail_on_above_the_worst_finding_exits_0(run, zh_file):
    assert run("check", "--fail-on", "critical", "--format", "json", str(zh_file)).returncode == 1
    en = zh_file.with_name("en.docx")
    en.write_bytes(compose_docx(AGREEMENT_EN))
    assert run("check", "--fail-on", "critical", str(en)).returncode == 0


def test_text_report_names_clause_and_words(run, zh_file):
    out = run("check", str(zh_file))
    assert "2.1: 乙方人员在甲方场所发生的人身伤亡，甲方概不负责。" in out.stdout
    assert "ppe" in out.stdout.splitlines()[3]


def test_unreadable_file_exits_2_with_the_path(run, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"")
    out = run("check", str(bad))
    assert out.returncode == 2
    assert str(bad) in out.stderr and "Traceback" not in out.stderr


def test_unknown_pack_exits_2(run, zh_file):
    out = run("check", "--pack", "no-such-pack", str(zh_file))
    assert out.returncode == 2 and "no-such-pack" in out.stderr and "Traceback" not in out.stderr


def test_facts_prints_each_statement_with_bearer_and_topics(run, zh_file):
    out = run("facts", str(zh_file))
    assert out.returncode == 0
    assert "provider/binding [ppe]" in out.stdout
    facts = json.loads(run("facts", "--format", "json", str(zh_file)).stdout)
    assert any(s["exemption"] for s in facts["statements"])
