"""`clausecheck why FILE TOPIC`: the trace behind a verdict, on real agreements."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clausecheck.checker import Checker
from clausecheck.cli import main
from clausecheck.report.why import why_each
from clausecheck.testing.compose import compose_docx

ROOT = Path(__file__).resolve().parents[2]
AGREEMENTS = sorted((ROOT / "examples").glob("*.docx")) + sorted((ROOT.parent / "shared" / "corpus").rglob("*.docx"))

AGREEMENT = """
# Maintenance Agreement
This Agreement is made between Redfield Plastics, Inc. (the "Owner") and Keystone Electrical Services LLC (the "Contractor").
# 4. Contractor's Obligations
4.1 Supply its electricians with insulated gloves and safety boots.
5.1 Professional indemnity insurance shall be maintained by the Contractor.
5.2 The Owner may provide hard hats where practicable.
"""


@pytest.fixture
def agreement(tmp_path):
    path = tmp_path / "agreement.docx"
    path.write_bytes(compose_docx(AGREEMENT))
    return path


def test_the_trace_says_where_each_bearer_came_from_and_what_became_of_each_sentence(agreement, capsys):
    assert main(["why", str(agreement), "ppe", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"]["status"] == "present" and report["verdict"]["party"] == "provider"
    sides = {tuple(p["names"]): p["side"] for p in report["parties"]}
    assert sides[("Owner",)] == "client" and sides[("Contractor",)] == "provider"
    by_clause = {p["clause"]: p for p in report["parts"]}
    settled = by_clause["4.1"]
    assert settled["bearer"] == "provider" and settled["bearer_from"] == "heading"
    assert settled["outcome"].startswith("accepted") and "ppe.provided: settles" in settled["fed"]
    hedged = by_clause["5.2"]
    assert hedged["bearer"] == "client" and hedged["modality"] == "weak"
    assert hedged["outcome"].startswith("demoted to ambiguous")


def test_a_sentence_ruled_out_by_an_excluded_phrase_says_so(agreement, capsys):
    assert main(["why", str(agreement), "liability_insurance"]) == 0
    out = capsys.readouterr().out
    assert "[5.1] Professional indemnity insurance" in out
    assert "excluded: Professional indemnity" in out and "-> rejected:" in out


def test_an_unknown_topic_is_a_usage_error_with_a_suggestion(agreement, capsys):
    assert main(["why", str(agreement), "ppee"]) == 2
    assert "no topic 'ppee'" in capsys.readouterr().err


@pytest.mark.parametrize("path", AGREEMENTS, ids=lambda p: p.stem)
def test_why_traces_every_topic_of_every_agreement_as_check_judges_it(path):
    checker = Checker()
    outcome = checker.check(path)
    assert outcome.document is not None
    (pack,) = checker.packs
    rows = {row.topic: row for row in outcome.result.topics}
    for report in why_each(outcome.document, pack, dict(rows)):
        row = rows[report.topic]
        if row.status == "present":
            assert any(p.outcome.startswith("accepted") for p in report.parts), row.topic
        if row.status == "missing":
            assert not any(p.outcome.startswith(("accepted", "demoted")) for p in report.parts), row.topic
