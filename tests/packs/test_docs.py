"""The rule-language docs cannot rot: their examples parse, and the tutorial's pack is real and tested."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from clausecheck.dsl.loader import load_pack
from clausecheck.dsl.model import VOCABULARIES
from clausecheck.dsl.transformer import read_pack_file
from clausecheck.testing.casefile import load_cases
from clausecheck.testing.cases import untested_rules
from clausecheck.testing.runner import run_case

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "rule-language.md"
TUTORIAL = ROOT / "docs" / "writing-a-pack.md"
ACME = ROOT / "docs" / "examples" / "acme-fab"


def _blocks(path: Path, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)


@pytest.mark.parametrize("block", _blocks(REFERENCE, "ccr"))
def test_reference_examples_parse_and_resolve(block: str, tmp_path: Path):
    parsed = read_pack_file(block, "example.ccr")
    if any(ref.value == ("name", "safety-core") for ref in parsed.header.extends):
        folder = tmp_path / parsed.header.id
        folder.mkdir()
        (folder / "pack.ccr").write_text(block, encoding="utf-8")
        assert load_pack(folder).id == parsed.header.id


def test_every_tutorial_snippet_is_in_the_real_pack():
    pack_text = (ACME / "pack.ccr").read_text(encoding="utf-8")
    cases_text = (ACME / "cases" / "acme.yaml").read_text(encoding="utf-8")
    snippets = _blocks(TUTORIAL, "ccr")
    assert len(snippets) >= 6
    for snippet in snippets:
        assert snippet in pack_text, snippet
    assert _blocks(TUTORIAL, "yaml") == [cases_text]


def test_the_tutorial_pack_does_what_the_tutorial_says():
    pack = load_pack(ACME)
    assert pack.lineage == ("acme-fab", "it-onsite", "safety-core")
    esd = pack.rule("esd.protection")
    assert esd.severity == "critical" and esd.code == "CC301"
    assert [d.id for d in pack.disabled] == ["entry.risk_assessment"]
    assert pack.rule("ACME1").topic == "gowning"
    assert any(t.text == "Field Service Company" for t in pack.parties["provider"].terms)
    tutorial = TUTORIAL.read_text(encoding="utf-8")
    override = esd.overridden_at[0]
    assert f"overridden in acme-fab at mypacks/acme-fab/pack.ccr:{override.line}:{override.column}" in tutorial
    disabled = pack.disabled[0].origin
    assert f"mypacks/acme-fab/pack.ccr:{disabled.line}:{disabled.column})" in tutorial
    assert f"declared in it-onsite at rules/it-onsite/pack.ccr:{esd.origin.line}:{esd.origin.column}" in tutorial


def test_the_tutorial_pack_is_tested():
    pack = load_pack(ACME)
    cases = load_cases(pack)
    assert untested_rules(pack, cases) == []
    for case in cases:
        outcome = run_case(case, pack)
        assert outcome.outcome == "pass", outcome.message()


def test_the_tutorials_own_test_suite_runs_under_pytest(tmp_path: Path):
    (block,) = _blocks(TUTORIAL, "python")[-1:]
    (tmp_path / "mypacks").mkdir()
    (tmp_path / "mypacks" / "acme-fab").symlink_to(ACME, target_is_directory=True)
    (tmp_path / "test_acme_pack.py").write_text(block, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_acme_pack.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert f"{len(load_cases(load_pack(ACME))) + 1} passed" in out.stdout


def test_the_reference_lists_every_vocabulary_extraction_reads():
    table = re.findall(r"^\| `(\w+)` \|", REFERENCE.read_text(encoding="utf-8"), re.MULTILINE)
    assert set(VOCABULARIES) <= set(table)
