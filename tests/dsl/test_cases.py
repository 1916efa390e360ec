"""Pack test cases: the YAML shape, checking against a pack, judging an engine result."""

from __future__ import annotations

import pytest

from clausecheck.dsl.loader import load_pack
from clausecheck.errors import PackError
from clausecheck.findings import DocumentResult, Finding, TopicVerdict
from clausecheck.testing.cases import Expectation, PackCase, check_case, evaluate_case, load_cases
from clausecheck.testing.runner import run_case

CASES = """cases:
  - id: good
    lang: en
    text: |
      # 3. Safety
      3.1 The Supplier shall provide PPE.
    fires:
      - topic ppe: present by provider
    not_fires:
      - ppe.provided
  - id: weak
    lang: zh-Hans
    text: "乙方可提供劳动防护用品。"
    fires:
      - CC101: ambiguous/weak_modality
    todo: "hedges are not read yet"
"""


def _pack(packs, cases: str):
    folder = packs.root / "base"
    (folder / "cases").mkdir(exist_ok=True)
    (folder / "cases" / "ppe.yaml").write_text(cases, encoding="utf-8")
    return load_pack(folder)


def test_expectation_forms():
    assert Expectation.parse("ppe.provided").status is None
    e = Expectation.parse({"ppe.provided": "ambiguous/weak_modality"})
    assert (e.target, e.name, e.status, e.kind) == ("rule", "ppe.provided", "ambiguous", "weak_modality")
    t = Expectation.parse({"topic ppe": "present by provider"})
    assert (t.target, t.name, t.status, t.party) == ("topic", "ppe", "present", "provider")
    with pytest.raises(ValueError):
        Expectation.parse({"topic ppe": None})


def test_load_and_check(packs):
    pack = _pack(packs, CASES)
    good, weak = load_cases(pack)
    assert good.line == 2 and weak.todo
    assert good.fires[0].target == "topic"
    assert check_case(good, pack) == [] and check_case(weak, pack) == []


@pytest.mark.parametrize(
    ("fires", "problem"),
    [
        (["ppe.provide"], "did you mean 'ppe.provided'?"),
        ([{"ppe.provided": "forbidden"}], "never 'forbidden'"),
        ([{"injury.waiver": "missing"}], "never 'missing'"),
        ([{"ppe.provided": "ambiguous/vage"}], "unknown kind 'vage'"),
        ([{"topic machine_room": "present"}], "no require rule"),
        ([{"topic ppe": "settled"}], "present, ambiguous, missing"),
        ([{"ppe.provided": "missing by nobody"}], "unknown party 'nobody'"),
    ],
)
def test_check_names_what_does_not_exist(packs, fires, problem):
    case = PackCase(id="x", lang="en", text="Some text.", fires=fires)
    problems = check_case(case, load_pack(packs.root / "base"))
    assert problems and problem in problems[0]


def test_empty_text_and_no_expectations(packs):
    problems = check_case(PackCase(id="x", lang="en", text="  "), load_pack(packs.root / "base"))
    assert "the text is empty" in problems and any("expects nothing" in p for p in problems)


def test_malformed_files_are_positioned_pack_errors(packs):
    with pytest.raises(PackError) as info:
        load_cases(_pack(packs, "cases:\n  - id: a\n    lang: fr\n    text: x\n"))
    assert "ppe.yaml:2:1" in str(info.value) and "lang" in str(info.value)
    with pytest.raises(PackError) as info:
        load_cases(_pack(packs, "cases: [\n"))
    assert "invalid YAML" in str(info.value)
    with pytest.raises(PackError) as info:
        load_cases(_pack(packs, CASES + CASES.removeprefix("cases:\n")))
    assert "also used" in str(info.value)


def _result(**kw) -> DocumentResult:
    return DocumentResult(path="<case>", **kw)


def _finding(status: str, kind: str) -> Finding:
    return Finding(
        code="CC101", rule="ppe.provided", severity="high", status=status, kind=kind, topic="ppe", message="m"
    )


def test_evaluate_pass_fail_xfail_xpass(packs):
    good, weak = load_cases(_pack(packs, CASES))
    present = _result(topics=[TopicVerdict(topic="ppe", status="present", party="provider")])
    assert evaluate_case(good, present).outcome == "pass"
    hedged = _result(
        topics=[TopicVerdict(topic="ppe", status="ambiguous", kinds=["weak_modality"])],
        findings=[_finding("ambiguous", "weak_modality")],
    )
    outcome = evaluate_case(good, hedged)
    assert outcome.outcome == "fail" and len(outcome.failures) == 2 and not outcome.ok
    assert evaluate_case(weak, hedged).outcome == "xpass"
    assert evaluate_case(weak, present).outcome == "xfail" and evaluate_case(weak, present).ok


def test_run_case_goes_through_the_whole_checker():
    pack = load_pack("safety-core")
    text = (
        'This Agreement is made between N Ltd (the "Customer") and B Ltd (the "Supplier").\n'
        "3.3 The Supplier shall supply each Engineer with personal protective equipment."
    )
    good = PackCase(id="good", lang="en", text=text, fires=[{"topic ppe": "present by provider"}])
    assert run_case(good, pack).outcome == "pass"
    wrong = PackCase(id="wrong", lang="en", text=text, fires=["ppe.provided"], todo="demonstration")
    outcome = run_case(wrong, pack)
    assert outcome.outcome == "xfail" and outcome.failures == ("expected ppe.provided, not found",)
