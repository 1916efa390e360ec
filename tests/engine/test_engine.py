"""The engine end to end on hand-built facts: every verdict the report can give."""

from __future__ import annotations

import pytest

from clausecheck.dsl.model import AllOf, ForbidRule, Mentions, Not
from clausecheck.engine import compile_pack, durable_adapter, run_pack
from clausecheck.engine.weigh import Audience
from clausecheck.extract.model import Facts, Qualifier, Reference

from .builders import ORIGIN, make_pack, require, stmt


def run(pack, statements, mentions=(), lang="en"):
    facts = Facts(statements=statements, mentions=list(mentions))
    topics, findings = run_pack(pack, facts, audience=Audience(lang=lang, wording_lang=lang), parts={})
    return {t.topic: t for t in topics}, findings


def test_binding_duty_on_allowed_party_is_present(pack):
    topics, findings = run(pack, [stmt(0, "ppe"), stmt(1, "training")])
    assert topics["ppe"].status == "present" and topics["ppe"].party == "provider"
    assert topics["training"].status == "present"
    assert [f.rule for f in findings] == []


def test_nothing_on_topic_is_missing_with_a_finding(pack):
    topics, findings = run(pack, [stmt(0, "training")])
    assert topics["ppe"].status == "missing"
    (finding,) = findings
    assert (finding.rule, finding.status, finding.kind, finding.code) == ("ppe.provided", "missing", "missing", "T1")
    assert finding.message == "No clause settles ppe."
    assert finding.suggestion == "The Provider shall settle ppe."


@pytest.mark.parametrize(
    ("statement", "kind"),
    [
        (stmt(0, "ppe", modality="weak"), "weak_modality"),
        (stmt(0, "ppe", role="none"), "no_actor"),
        (stmt(0, "ppe", qualifiers=[Qualifier(kind="vague", words="adequate")]), "vague"),
        (stmt(0, "ppe", references=[Reference(title="Site Manual", resolved=False)]), "dangling_reference"),
    ],
)
def test_each_weakness_makes_the_topic_ambiguous(pack, statement, kind):
    topics, findings = run(pack, [statement, stmt(1, "training")])
    assert topics["ppe"].status == "ambiguous"
    assert topics["ppe"].kinds == [kind]
    assert [(f.rule, f.kind) for f in findings] == [("ppe.provided", kind)]
    assert findings[0].locations[0].clause == "0.1"


def test_concrete_deadline_keeps_a_vague_word_from_counting(pack):
    s = stmt(
        0,
        "ppe",
        qualifiers=[
            Qualifier(kind="vague_timing", words="promptly"),
            Qualifier(kind="deadline", words="within 24 hours"),
        ],
    )
    topics, _ = run(pack, [s, stmt(1, "training")])
    assert topics["ppe"].status == "present"


def test_resolved_reference_is_not_dangling(pack):
    s = stmt(0, "ppe", references=[Reference(title="Site Rules", resolved=True, target="Schedule 2")])
    topics, _ = run(pack, [s, stmt(1, "training")])
    assert topics["ppe"].status == "present"


def test_a_clean_duty_outweighs_a_hedged_one(pack):
    topics, findings = run(pack, [stmt(0, "ppe", modality="weak"), stmt(1, "ppe"), stmt(2, "training")])
    assert topics["ppe"].status == "present"
    assert findings == []


def test_exclusive_duty_on_two_parties_conflicts(pack):
    topics, findings = run(pack, [stmt(0, "ppe", role="client"), stmt(1, "ppe"), stmt(2, "training")])
    assert topics["ppe"].status == "ambiguous" and topics["ppe"].kinds == ["conflict"]
    (finding,) = findings
    assert finding.status == "conflict"
    assert {loc.clause for loc in finding.locations} == {"0.1", "1.1"}


def test_each_for_its_own_is_not_a_conflict(pack):
    topics, _ = run(pack, [stmt(0, "ppe", role="both", each_own=True), stmt(1, "ppe"), stmt(2, "training")])
    assert topics["ppe"].status == "present" and topics["ppe"].party == "both"


def test_the_parties_jointly_name_no_bearer_for_an_exclusive_duty(pack):
    topics, _findings = run(pack, [stmt(0, "ppe", role="both"), stmt(1, "training")])
    assert topics["ppe"].status == "ambiguous" and topics["ppe"].kinds == ["no_actor"]


def test_joint_duty_is_fine_where_the_rule_does_not_need_one_bearer():
    pack = make_pack([require("ppe.provided", "ppe", "T1", bearing="any")])
    topics, _ = run(pack, [stmt(0, "ppe", role="both")])
    assert topics["ppe"].status == "present" and topics["ppe"].party == "both"


def test_specific_content_groups_make_an_unspecific_duty_vague():
    from clausecheck.dsl.model import Term
    from clausecheck.extract.model import specific_tag

    rule = require("liability.allocated", "ppe", "S1", specific=((Term(text="injury"), Term(text="death")),))
    pack = make_pack([rule])
    topics, _findings = run(pack, [stmt(0, "ppe")])
    assert topics["ppe"].status == "ambiguous" and topics["ppe"].kinds == ["vague"]
    topics, _ = run(pack, [stmt(0, "ppe", tags=[specific_tag(rule)])])
    assert topics["ppe"].status == "present"


def test_duty_imposed_and_denied_conflicts(pack):
    topics, findings = run(pack, [stmt(0, "training"), stmt(1, "training", modality="negated")])
    assert topics["training"].kinds == ["conflict"]
    assert [f.status for f in findings if f.topic == "training"] == ["conflict"]


def test_duty_on_a_party_the_rule_does_not_allow(pack):
    topics, findings = run(pack, [stmt(0, "ppe"), stmt(1, "training", role="client")])
    assert topics["training"].status == "missing" and topics["training"].kinds == ["wrong_bearer"]
    assert findings[0].kind == "wrong_bearer" and findings[0].status == "missing"
    assert findings[0].locations
    assert "the client" in findings[0].message


def test_forbidden_clause_is_reported_with_its_topic(pack):
    waiver = stmt(3, "waiver", role="client", modality="negated", exemption="shall not be liable")
    _, findings = run(pack, [stmt(0, "ppe"), stmt(1, "training"), waiver])
    (finding,) = findings
    assert (finding.status, finding.topic, finding.severity) == ("forbidden", "waiver", "critical")


def test_topic_without_exemption_is_not_forbidden(pack):
    _, findings = run(pack, [stmt(0, "ppe"), stmt(1, "training"), stmt(3, "waiver", role="client")])
    assert findings == []


def test_applicability_condition_decides_whether_a_rule_counts(pack):
    topics, _ = run(pack, [stmt(0, "ppe"), stmt(1, "training")])
    assert "height" not in topics
    topics, findings = run(pack, [stmt(0, "ppe"), stmt(1, "training")], mentions=["machine_room"])
    assert topics["height"].status == "missing"
    assert [f.rule for f in findings] == ["esd.provided"]


def test_nested_conditions_compile_to_alternatives():
    cond = AllOf(items=(Mentions(topics=("machine_room", "height")), Not(item=Mentions(topics=("waiver",)))))
    pack = make_pack([require("a.b", "ppe", "X1", applies=cond)])
    for mentions, applies in [
        ((), False),
        (("height",), True),
        (("machine_room", "waiver"), False),
        (("machine_room",), True),
    ]:
        topics, _ = run(pack, [], mentions=mentions)
        assert ("ppe" in topics) is applies, mentions


def test_messages_follow_the_agreement_language(pack):
    _, findings = run(pack, [stmt(1, "training")], lang="zh-Hans")
    assert findings[0].message == "协议未约定“ppe”。"
    assert findings[0].suggestion == "乙方应……"


def test_large_pack_is_split_into_rulesets_of_at_most_200_rules():
    topics = [f"t{i}" for i in range(300)]
    pack = make_pack([require(f"r.{t}", t, f"C{i}") for i, t in enumerate(topics)], topics=topics)
    program = compile_pack(pack)
    assert len(program.rulesets) >= 5
    assert all(len(rs) <= 200 for rs in program.rulesets.values())
    present = [stmt(i, t) for i, t in enumerate(topics[:150])]
    result, findings = run(pack, present)
    assert sum(t.status == "present" for t in result.values()) == 150
    assert sum(f.status == "missing" for f in findings) == 150


def test_engine_errors_are_clausecheck_errors():
    from clausecheck.errors import EngineError

    with pytest.raises(EngineError, match="refused the compiled pack"):
        durable_adapter.run("broken", {"rs0": {"r": {"all": "not a list", "run": "r"}}}, [])


def test_pack_versions_evicted_from_the_compile_cache_leave_the_engine():
    """A long-running process meeting many versions of a pack keeps only the last 32 in the engine (issue 13)."""
    from clausecheck.engine import compiled
    from clausecheck.extract.model import Facts

    versions = [make_pack([require(f"r{i}", f"topic_{i}", "CC101")], topics=(f"topic_{i}",)) for i in range(40)]
    audience = Audience(lang="en", wording_lang="en")
    keys = []
    for pack in versions:
        run_pack(pack, Facts(statements=[], mentions=[], roles={}), audience=audience, parts={})
        keys.append(compiled(pack).key)
    assert len(set(keys)) == 40
    live = [k for k in keys if k in durable_adapter._registered]
    assert live == keys[-len(live) :] and len(live) <= 32
    host = durable_adapter._get_host()
    assert all(name in host._ruleset_directory for k in live for name in durable_adapter._registered[k])
    assert not any(name.startswith(keys[0]) for name in host._ruleset_directory)
    first, _ = run_pack(versions[0], Facts(statements=[], mentions=[], roles={}), audience=audience, parts={})
    assert [t.status for t in first] == ["missing"]  # an evicted version is compiled and registered again


def test_forbid_rule_with_near_groups_needs_its_tag():
    from clausecheck.dsl.model import Term
    from clausecheck.extract.model import near_tag

    rule = ForbidRule(
        id="gn",
        code="G1",
        title="gn",
        severity="high",
        topic="waiver",
        near=((Term(text="gross negligence"),),),
        origin=ORIGIN,
    )
    pack = make_pack([rule])
    s = stmt(0, "waiver", exemption="not liable")
    assert run(pack, [s])[1] == []
    assert len(run(pack, [s.model_copy(update={"tags": [near_tag(rule)]})])[1]) == 1


def test_duties_limited_to_each_bearers_own_fault_do_not_conflict(pack):
    topics, _ = run(
        pack, [stmt(0, "ppe", role="client", each_own=True), stmt(1, "ppe", each_own=True), stmt(2, "training")]
    )
    assert topics["ppe"].status == "present" and topics["ppe"].party == "both"


def test_another_partys_duty_is_not_flagged_where_an_allowed_party_addresses_the_topic(pack):
    topics, findings = run(
        pack, [stmt(0, "ppe"), stmt(1, "training", modality="weak"), stmt(2, "training", role="client")]
    )
    assert topics["training"].kinds == ["weak_modality"]
    assert [f.kind for f in findings] == ["weak_modality"]
