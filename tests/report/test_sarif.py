"""SARIF 2.1.0 output: valid against the official schema, one rule per pack rule, results located by clause."""

from __future__ import annotations

import copy

import jsonschema
import pytest

import clausecheck
from clausecheck.checker import resolve_packs
from clausecheck.findings import Report
from clausecheck.report.sarif import artifact_uri, level, sarif_log

from .kit import EXAMPLES, example_path, validate_sarif, write_agreement


def log_for(paths, pack: str = "safety-core"):
    packs = resolve_packs(pack)
    return sarif_log(clausecheck.check(paths, pack=packs), packs), packs


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_give_valid_sarif_with_every_pack_rule(name):
    log, packs = log_for([example_path(name)], EXAMPLES[name].pack)
    validate_sarif(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in packs[0].rules]
    for descriptor, rule in zip(rules, packs[0].rules):
        assert descriptor["name"] == rule.id
        assert descriptor["shortDescription"]["text"] == rule.title
        assert all(c.text in descriptor["help"]["markdown"] for c in rule.citations)
        assert all(c.text in descriptor["help"]["text"] for c in rule.citations)
    assert run["invocations"][0]["executionSuccessful"] is True


def test_results_are_located_by_file_clause_and_paragraph():
    path = example_path("onsite-maintenance.en")
    report = clausecheck.check(path, pack="safety-core")
    log, _ = log_for(path)
    results = log["runs"][0]["results"]
    assert len(results) == len(report.documents[0].findings)
    void = next(r for r in results if r["ruleId"] == "CC201")
    finding = next(f for f in report.documents[0].findings if f.code == "CC201")
    where = void["locations"][0]
    assert where["physicalLocation"]["artifactLocation"]["uri"] == artifact_uri(str(path))
    assert where["physicalLocation"]["region"]["startLine"] == int(finding.locations[0].block_id[1:]) + 1
    assert where["physicalLocation"]["region"]["snippet"]["text"] == finding.locations[0].excerpt
    assert where["logicalLocations"][0]["fullyQualifiedName"] == "5.2"
    assert void["level"] == "error" and void["partialFingerprints"]["clausecheck/v1"] == finding.fingerprint
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[void["ruleIndex"]]["id"] == "CC201"
    missing = next(r for r in results if r["properties"]["status"] == "missing")
    region = missing["locations"][0]["physicalLocation"]["region"]  # the insertion point, not line 1
    assert region == {"startLine": 9, "snippet": {"text": "Health and Safety"}}
    assert missing["locations"][0]["logicalLocations"][0]["name"] == "3" and missing["properties"]["insertionPoint"]


def test_an_unreadable_agreement_is_a_notification(tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip")
    log, _ = log_for([example_path("onsite-maintenance.en"), bad])
    validate_sarif(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and str(bad) in note["message"]["text"]


def test_accepted_findings_carry_a_suppression(tmp_path):
    path = write_agreement(
        tmp_path,
        "# A\n1. Health and Safety\n1.1 {comment:clausecheck: accept CC201 — agreed with legal}"
        "The Customer shall not be liable for any injury to or death of any Engineer, howsoever caused.",
    )
    packs = resolve_packs("safety-core")
    document = clausecheck.read_document(path)
    result = clausecheck.check(document, pack=packs).documents[0]  # the checker applies the acceptances
    log = sarif_log(Report(version="0", packs=["safety-core"], documents=[result]), packs)
    validate_sarif(log)
    accepted = [r for r in log["runs"][0]["results"] if "suppressions" in r]
    assert [r["ruleId"] for r in accepted] == ["CC201"]
    assert accepted[0]["suppressions"][0]["kind"] == "inSource"
    assert "agreed with legal" in accepted[0]["suppressions"][0]["justification"]


def test_the_schema_check_is_real():
    log, _ = log_for(example_path("onsite-maintenance.en"))
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate_sarif(broken)


def test_uris_and_levels():
    assert artifact_uri("contracts/my agreement.docx") == "contracts/my%20agreement.docx"
    assert artifact_uri("/srv/a.docx") == "file:///srv/a.docx"
    assert [level(s) for s in ("critical", "high", "medium", "low", "info")] == [
        "error",
        "error",
        "warning",
        "note",
        "note",
    ]
