"""Every way in gives the same report: `clausecheck.check` and `clausecheck check` judge through one `Checker`.

Compared on every bundled example, on the labelled corpus when it sits beside
the repository, and on agreements carrying a reviewer's acceptance in a Word
comment; plain, and with a baseline written by the command.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import clausecheck
from clausecheck.checker import Checker
from clausecheck.cli import main
from clausecheck.testing.compose import compose_docx

from .test_api import AGREEMENT_EN, AGREEMENT_ZH

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
AGREEMENTS = sorted((ROOT / "examples").glob("*.docx")) + sorted(CORPUS.rglob("*.docx"))

ACCEPTED = {
    "en": AGREEMENT_EN.replace(
        "1.2 The Supplier", "1.2 {comment:clausecheck: accept training.provided — their own scheme}The Supplier"
    ),
    "zh": AGREEMENT_ZH.replace("2.1 乙方人员", "2.1 {comment:clausecheck: 接受 injury.waiver}乙方人员"),
}


def command_report(capsys, *args: str) -> dict:
    capsys.readouterr()
    main(["check", "--no-config", "--format", "json", *args])
    return json.loads(capsys.readouterr().out)


def api_report(path: Path, **options) -> dict:
    return clausecheck.check(str(path), **options).model_dump(mode="json")


@pytest.mark.parametrize("path", AGREEMENTS, ids=lambda p: p.stem)
def test_the_api_and_the_command_give_the_same_report(path, capsys, tmp_path):
    assert api_report(path) == command_report(capsys, str(path))
    baseline = tmp_path / "baseline.json"
    main(["check", "--no-config", "--format", "json", "--write-baseline", str(baseline), str(path)])
    with_baseline = api_report(path, baseline=baseline)
    assert with_baseline == command_report(capsys, "--baseline", str(baseline), str(path))
    assert with_baseline["documents"][0]["findings"] == []


@pytest.mark.parametrize("lang", sorted(ACCEPTED))
def test_acceptances_in_word_comments_hold_for_the_api_as_for_the_command(lang, capsys, tmp_path):
    path = tmp_path / f"{lang}.docx"
    path.write_bytes(compose_docx(ACCEPTED[lang]))
    api = api_report(path)
    assert api == command_report(capsys, str(path))
    (suppressed,) = api["documents"][0]["suppressed"]
    assert suppressed["suppression"]["kind"] == "comment"
    assert suppressed["rule"] not in {f["rule"] for f in api["documents"][0]["findings"]}


def test_a_worker_builds_the_same_checker_from_its_settings(tmp_path):
    checker = Checker("it-onsite", disable=["esd.protection"], locale="en")
    twin = Checker.from_settings(checker.settings)
    assert [p.path for p in twin.packs] == [p.path for p in checker.packs]
    assert [r.id for r in twin.packs[0].rules] == [r.id for r in checker.packs[0].rules]
    assert "esd.protection" not in {r.id for r in twin.packs[0].rules}
    path = tmp_path / "en.docx"
    path.write_bytes(compose_docx(AGREEMENT_EN))
    assert twin.check(path).result == checker.check(path).result
