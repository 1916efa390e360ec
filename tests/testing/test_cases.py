"""Pack test cases: the YAML shape and its errors, checking against a pack, judging an engine result."""

from __future__ import annotations

import pytest

from clausecheck.dsl.loader import load_pack
from clausecheck.errors import PackError
from clausecheck.findings import DocumentResult, Finding, Location, TopicVerdict
from clausecheck.testing.casefile import load_cases
from clausecheck.testing.cases import Expectation, PackCase, check_case, evaluate_case
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
    at = Expectation.parse("ppe.provided at 5.2")
    assert (at.name, at.status, at.at) == ("ppe.provided", None, ("5.2",))
    both = Expectation.parse({"topic ppe": "ambiguous/conflict by none at 4.1, 4.3"})
    assert (both.status, both.kind, both.party, both.at) == ("ambiguous", "conflict", "none", ("4.1", "4.3"))
    with pytest.raises(ValueError, match="'at' twice"):
        Expectation.parse({"ppe.provided at 1": "missing at 2"})


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


@pytest.mark.parametrize(
    ("cases", "where", "message", "hint"),
    [
        (
            "cases:\n  - id: a\n    lang: fr\n    text: x\n",
            ":3:11",
            "unknown language 'fr'",
            "use en, zh-Hans, zh-Hant",
        ),
        ("cases: [\n", ":2:1", "invalid YAML", None),
        (CASES + CASES.removeprefix("cases:\n"), ":17:1", "case id 'good' is also used at", None),
        # a misspelt key three cases down is named on its own line, with the key meant
        (
            CASES.replace("    not_fires:", "    not_fire:"),
            ":9:5",
            "unknown key 'not_fire'",
            "did you mean 'not_fires'",
        ),
        (CASES.replace("    todo:", "    tod:"), ":16:5", "unknown key 'tod'", "did you mean 'todo'?"),
        (
            CASES.replace("      - CC101: ambiguous/weak_modality", "      - CC101: ambiguous/weak modality"),
            ":15:9",
            "cannot read",
            None,
        ),
        (
            CASES.replace("    lang: zh-Hans\n", ""),
            ":11:5",
            "case 'weak' has no 'lang'",
            "add lang: en, zh-Hans or zh-Hant",
        ),
        (
            CASES.replace("    fires:\n      - topic ppe: present by provider\n", "    fires: ppe.provided\n"),
            ":7:12",
            "a list of expectations",
            None,
        ),
        (
            "cases:\n  - id: a\n    lang: en\n    lang: en\n    text: x\n",
            ":4:5",
            "'lang' is given twice in this case (first on line 3)",
            None,
        ),
        ("case:\n  - id: a\n", ":1:1", "unknown key 'case'", "the file holds 'cases:'"),
        ("cases:\n  id: a\n", ":2:3", "a case file holds a list under 'cases:'", None),
    ],
)
def test_malformed_files_are_errors_at_the_line_at_fault(packs, cases, where, message, hint):
    with pytest.raises(PackError) as info:
        load_cases(_pack(packs, cases))
    assert f"ppe.yaml{where}: " in str(info.value) and message in str(info.value), str(info.value)
    if hint:
        assert hint in str(info.value.hint)


def test_problems_with_the_pack_point_at_the_expectation(packs):
    pack = _pack(packs, CASES.replace("      - ppe.provided\n", "      - ppe.provide\n"))
    good, _ = load_cases(pack)
    (problem,) = check_case(good, pack)
    assert problem.startswith(f"{good.file}:10: ppe.provide: ") and "did you mean 'ppe.provided'?" in problem


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


def test_a_finding_must_point_where_the_case_says(packs):
    good, _ = load_cases(_pack(packs, CASES))
    at = good.model_copy(update={"fires": (Expectation.parse({"ppe.provided": "ambiguous at 3.1"}),), "not_fires": ()})
    located = _finding("ambiguous", "weak_modality").model_copy(
        update={"locations": [Location(block_id="b2", clause="3.1", excerpt="x")]}
    )
    assert evaluate_case(at, _result(findings=[located])).outcome == "pass"
    elsewhere = located.model_copy(update={"locations": [Location(block_id="b3", clause="3.2", excerpt="x")]})
    outcome = evaluate_case(at, _result(findings=[elsewhere]))
    assert outcome.failures == ("expected ppe.provided: ambiguous at 3.1, not found",)
    row = at.model_copy(update={"fires": (Expectation.parse({"topic ppe": "present at 3.1"}),)})
    present = TopicVerdict(topic="ppe", status="present", clauses=["3.1"])
    assert evaluate_case(row, _result(topics=[present])).outcome == "pass"


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
    assert outcome.ok and outcome.found == ()


def test_a_failing_case_says_what_was_found_instead():
    pack = load_pack("safety-core")
    text = (
        'This Agreement is made between N Ltd (the "Customer") and B Ltd (the "Supplier").\n'
        "3.3 The Supplier should, where practicable, supply personal protective equipment."
    )
    case = PackCase(id="hedged", lang="en", text=text, fires=[{"topic ppe": "present by provider"}])
    outcome = run_case(case, pack)
    assert outcome.outcome == "fail" and not outcome.ok
    message = outcome.message().splitlines()
    assert message[0] == "expected topic ppe: present by provider, not found"
    # the verdicts, written as expectations one can paste, then the statements read
    assert "  topic ppe: ambiguous/weak_modality by provider at 3.3" in message
    assert "  ppe.provided: ambiguous/weak_modality by provider at 3.3" in message
    assert any(line.startswith("  missing: hazard_disclosure") for line in message)
    statement = next(line for line in message if "supply personal protective equipment" in line)
    assert "3.3 provider/weak [ppe]" in statement


def test_a_todo_case_that_passes_fails_until_promoted():
    pack = load_pack("safety-core")
    text = 'This Agreement is made between N Ltd (the "Customer") and B Ltd (the "Supplier").\n'
    case = PackCase(id="fixed", lang="en", text=text, fires=[{"ppe.provided": "missing"}], todo="was a gap")
    outcome = run_case(case, pack)
    assert outcome.outcome == "xpass" and not outcome.ok
    assert "the case passes now: remove its todo" in outcome.message()


def test_a_case_incoherent_with_the_pack_fails_without_running():
    case = PackCase(id="x", lang="en", text="1. x", fires=["ppe.provide"])
    outcome = run_case(case, load_pack("safety-core"))
    assert outcome.outcome == "fail" and "did you mean 'ppe.provided'?" in outcome.failures[0]
