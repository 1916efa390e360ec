"""The bundled packs: they resolve, their cases fit them, and every rule is documented and tested.

Each case is one test (parametrised by pack and case id): it is checked
against the resolved pack, then rendered to a real .docx and run through
the whole checker, as `clausecheck packs test` does. Todo cases are known
gaps, expected to fail; one that passes fails until its todo is removed.
"""

from __future__ import annotations

import pytest

from clausecheck.dsl.model import VOCABULARIES, RequireRule
from clausecheck.dsl.registry import RuleRegistry
from clausecheck.testing.casefile import load_cases
from clausecheck.testing.cases import PackCase, untested_rules
from clausecheck.testing.runner import run_case

from .bundled import BUNDLED

LANGS = ("zh-Hans", "zh-Hant", "en")
SHIPPED = {"safety-core", "it-onsite", "remote-duty", "construction", "manufacturing"}
CORE_TOPICS = {
    "ppe",
    "hazard_disclosure",
    "emergency",
    "safety_training",
    "site_rules",
    "accident_reporting",
    "injury_insurance",
    "liability_insurance",
    "injury_liability",
    "safety_coordination",
}
FORBIDDEN_TOPICS = {"void_injury_waiver", "void_gross_negligence_waiver"}

CASES = {name: load_cases(pack) for name, pack in BUNDLED.items()}


def _params() -> list:
    return [pytest.param(name, case, id=f"{name}:{case.id}") for name, cases in CASES.items() for case in cases]


def test_the_packs_issue_3_asks_for_are_bundled():
    assert set(BUNDLED) >= SHIPPED
    assert (
        "high-risk-works" in BUNDLED["construction"].lineage and "high-risk-works" in BUNDLED["manufacturing"].lineage
    )


def test_rule_ids_codes_and_aliases_are_unique_across_every_bundled_pack():
    registry = RuleRegistry(list(BUNDLED.values()))  # refuses two rules sharing a name
    for pack in BUNDLED.values():
        for rule in pack.rules:
            assert {registry.find(name).id for name in (rule.code, *rule.aliases)} == {rule.id}


def test_every_bundled_pack_extends_safety_core():
    for name, pack in BUNDLED.items():
        assert "safety-core" in pack.lineage, name


def test_safety_core_uses_the_label_ids():
    core = BUNDLED["safety-core"]
    required = {r.topic for r in core.rules if isinstance(r, RequireRule)}
    assert required == CORE_TOPICS
    assert {r.topic for r in core.rules if r.kind == "forbid"} == FORBIDDEN_TOPICS
    assert len([r for r in core.rules if isinstance(r, RequireRule)]) == 10


# Positions only English has: Chinese capitalises no names and puts a document's name in 《》.
ENGLISH_ONLY = {"reference_lead", "not_a_party"}
CHINESE_ONLY = {"object_marker", "befalls"}
"""English marks objects by word order, which the subject finder reads, and has no 的-conditions"""


def test_safety_core_defines_every_vocabulary_in_every_language():
    core = BUNDLED["safety-core"]
    for name in VOCABULARIES:
        langs = {t.lang for t in core.vocabularies[name]}
        wanted = {"en"} if name in ENGLISH_ONLY else {"zh-Hans", "zh-Hant"} if name in CHINESE_ONLY else set(LANGS)
        assert wanted <= langs, name


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_every_rule_is_documented(name: str):
    pack = BUNDLED[name]
    for rule in pack.rules:
        assert set(rule.suggest) == set(LANGS), rule.id
        assert {"zh-Hans", "zh-Hant"} <= set(rule.titles), rule.id
        assert rule.rationale and rule.citations, rule.id
        assert {c.jurisdiction for c in rule.citations} & {"CN", "TW"}, rule.id
        assert {c.jurisdiction for c in rule.citations} & {"UK", "US", "INTL"}, rule.id
    for topic in pack.topics.values():
        assert {"zh-Hans", "zh-Hant"} <= set(topic.titles), topic.id


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_every_rule_has_a_must_fire_and_a_must_not_fire_case(name: str):
    """The meta-test: todo cases do not count."""
    assert untested_rules(BUNDLED[name], CASES[name]) == []


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_every_rule_is_tested_in_chinese_and_english(name: str):
    pack = BUNDLED[name]
    langs: dict[str, set[str]] = {}
    for case in CASES[name]:
        for e in (*case.fires, *case.not_fires):
            if e.target == "rule" and not case.todo:
                langs.setdefault(pack.rule(e.name).id, set()).add(case.lang)
    for rule in pack.rules:
        if rule.origin.pack == name:
            seen = langs.get(rule.id, set())
            assert "en" in seen and seen & {"zh-Hans", "zh-Hant"}, f"{rule.id} needs cases in zh and en"


@pytest.mark.parametrize(("name", "case"), _params())
def test_case(name: str, case: PackCase):
    outcome = run_case(case, BUNDLED[name])
    if outcome.outcome == "xfail":
        pytest.xfail(case.todo)
    assert outcome.ok, outcome.message()
