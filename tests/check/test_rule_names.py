"""Rule names across packs: unique in every set of packs used together, and old names kept after a rename.

A pack renames a rule and keeps the old id and code as aliases: a baseline
written before the rename, a reviewer's Word comment and `--disable` still
name it. Two sibling packs giving one code to two rules cannot be used
together: the checker refuses them with an error pointing at both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clausecheck.checker import Checker
from clausecheck.errors import PackResolutionError
from clausecheck.report.sarif import sarif_log
from clausecheck.suppress import write_baseline
from clausecheck.testing.compose import compose_docx

from ..conftest import write_pack
from ..report.kit import AGREEMENT_EN, validate_sarif


def rules_found(checker: Checker, path: Path) -> set[str]:
    return {f.rule for f in checker.check(path).result.findings}


def test_a_baseline_written_before_a_rename_still_accepts(renamed, tmp_path):
    before, after = renamed
    agreement = tmp_path / "agreement.docx"
    agreement.write_bytes(compose_docx(AGREEMENT_EN))
    old = Checker(before)
    assert "acme.waiver" in rules_found(old, agreement)
    write_baseline(tmp_path / "baseline.json", old.report([old.check(agreement).result]))
    result = Checker(after, baseline=tmp_path / "baseline.json").check(agreement).result
    assert result.findings == []
    assert "acme.injury_waiver" in {s.rule for s in result.suppressed}


@pytest.mark.parametrize("old_name", ["acme.waiver", "ACME9"])
def test_a_word_comment_and_disable_take_the_old_names(renamed, tmp_path, old_name):
    _, after = renamed
    agreement = tmp_path / "agreement.docx"
    agreement.write_bytes(
        compose_docx(
            AGREEMENT_EN.replace("1.3 The Customer", f"1.3 {{comment:clausecheck: accept {old_name}}}The Customer")
        )
    )
    outcome = Checker(after).check(agreement)
    assert outcome.warnings == []
    assert "acme.injury_waiver" in {s.rule for s in outcome.result.suppressed}
    assert "acme.injury_waiver" not in rules_found(Checker(after, disable=[old_name]), agreement)


def test_sibling_packs_giving_one_code_to_two_rules_are_refused_together(tmp_path):
    one = write_pack(tmp_path / "one", "one", "one.waiver", "ACME9")
    two = write_pack(tmp_path / "two", "two", "two.waiver", "ACME9")
    assert Checker(one) and Checker(two)  # each is fine alone
    with pytest.raises(PackResolutionError) as caught:
        Checker([one, two])
    message = str(caught.value)
    assert "'ACME9' names two rules" in message and "two.waiver" in message and "one.waiver" in message
    assert caught.value.file.endswith("two/pack.ccr") and caught.value.line == 2


def test_a_shared_parent_rule_is_one_rule_however_each_pack_overrides_it():
    checker = Checker(["it-onsite", "construction", "remote-duty", "manufacturing"])
    assert checker.registry.find("CC101").id == "ppe.provided"


def test_sarif_lists_a_renamed_rules_old_names_and_its_status(renamed, tmp_path):
    _, after = renamed
    (after / "pack.ccr").write_text(
        (after / "pack.ccr").read_text(encoding="utf-8").replace("  exemption", "  exemption\n  status preview"),
        encoding="utf-8",
    )
    checker = Checker(after)
    agreement = tmp_path / "agreement.docx"
    agreement.write_bytes(compose_docx(AGREEMENT_EN))
    log = sarif_log(checker.report([checker.check(agreement).result]), checker.packs)
    validate_sarif(log)
    (descriptor,) = [r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "ACME10"]
    assert descriptor["deprecatedIds"] == ["ACME9"] and descriptor["deprecatedNames"] == ["acme.waiver"]
    assert descriptor["properties"]["status"] == "preview"
