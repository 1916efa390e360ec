"""Resolution: extends several levels deep, adding terms, overriding, disabling, and the errors."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from clausecheck.dsl.loader import ENV_VAR, available_packs, find_pack, load_pack
from clausecheck.errors import PackNotFound, PackResolutionError


def _fails(packs, name: str, text: str) -> PackResolutionError:
    with pytest.raises(PackResolutionError) as info:
        load_pack(packs(name, text))
    return info.value


def test_child_adds_terms_overrides_and_disables(packs):
    packs(
        "mid",
        """pack mid "Mid" { extends base }
party provider += { zh-Hans "驻场方" en "Service Provider" }
topic ppe += { en "helmet" near inj { en "harm" } within 40 }
override ppe.provided { severity critical suggest zh-Hans "乙方应提供劳动防护用品。" }
""",
    )
    child = load_pack(
        packs(
            "child",
            """pack child "Child" {
  extends mid
  version "2"
}
disable injury.waiver "The client's own waiver review covers this."
topic esd "Anti-static" { en "anti-static" title zh-Hans "防静电" }
require esd.provided "Who provides anti-static straps" {
  code CC301
  topic esd
  bearer client | provider
  severity medium
  applies when mentions machine_room
}
""",
        )
    )
    assert child.lineage == ("child", "mid", "base") and child.extends == ("mid",)
    assert [t.text for t in child.parties["provider"].terms] == ["Supplier", "驻场方", "Service Provider"]
    ppe = child.topics["ppe"]
    assert [t.text for t in ppe.near[0]] == ["injury", "harm"] and ppe.window == 40
    rule = child.rule("ppe.provided")
    assert rule.severity == "critical" and rule.code == "CC101"
    assert set(rule.suggest) == {"en", "zh-Hans"}
    assert [o.pack for o in rule.overridden_at] == ["mid"] and rule.origin.pack == "base"
    assert [r.id for r in child.rules] == ["ppe.provided", "esd.provided"]
    assert child.disabled[0].id == "injury.waiver" and child.disabled[0].origin.pack == "child"
    assert child.rule("CC301").applies is not None


def test_removing_terms_and_replacing_a_vocabulary(packs):
    pack = load_pack(
        packs(
            "c",
            """pack c "C" { extends base }
topic ppe -= { en "PPE" }
vocabulary weak = { en "should" }
vocabulary binding += { en "must" }
""",
        )
    )
    assert [t.text for t in pack.topics["ppe"].terms] == ["劳动防护用品", "hard ?hats?"]
    assert [t.text for t in pack.vocabularies["weak"]] == ["should"]
    assert [t.text for t in pack.vocabularies["binding"]] == ["shall", "must"]


def test_by_party_terms_are_added_and_removed_per_party(packs):
    packs("host", 'pack host "H" { extends base }\ntopic ppe += { by client { en "issue helmets" "lend helmets" } }')
    pack = load_pack(packs.root / "host")
    assert {party: [t.text for t in terms] for party, terms in pack.topics["ppe"].by.items()} == {
        "client": ["issue helmets", "lend helmets"]
    }
    trimmed = load_pack(
        packs("trim", 'pack trim "T" { extends host }\ntopic ppe -= { by client { en "lend helmets" } }')
    )
    assert [t.text for t in trimmed.topics["ppe"].by["client"]] == ["issue helmets"]
    gone = load_pack(packs("gone", 'pack gone "G" { extends trim }\ntopic ppe -= { by client { en "issue helmets" } }'))
    assert gone.topics["ppe"].by == {}


def test_diamond_applies_the_common_ancestor_once(packs):
    packs("left", 'pack left "L" { extends base }\ntopic ppe += { en "gloves" }')
    packs("right", 'pack right "R" { extends base }\ntopic ppe += { en "boots" }')
    pack = load_pack(packs("both", 'pack both "B" { extends left, right }'))
    assert pack.lineage == ("both", "right", "left", "base")
    assert [t.text for t in pack.topics["ppe"].terms][-2:] == ["gloves", "boots"]
    assert len(pack.rules) == 2


def test_extends_by_relative_path(packs):
    pack = load_pack(packs("rel", 'pack rel "R" { extends "../base" }'))
    assert pack.lineage == ("rel", "base")


def test_cycle_is_an_error(packs):
    packs("a", 'pack a "A" { extends b }')
    e = _fails(packs, "b", 'pack b "B" { extends a }')
    assert "cycle" in str(e) and "b -> a -> b" in str(e)


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ("override ppe.provid { severity low }", "unknown rule 'ppe.provid'", "did you mean 'ppe.provided'?"),
        ('require x.y "X" { code CC9 topic ppee bearer client severity low }', "unknown topic 'ppee'", "'ppe'"),
        ('require x.y "X" { code CC9 topic ppe bearer clinet severity low }', "unknown party 'clinet'", "'client'"),
        (
            'require x.y "X" { code CC9 topic ppe bearer client severity low applies when mentions machine }',
            "unknown topic 'machine'",
            "'machine_room'",
        ),
        ('require ppe.provided "X" { code CC9 topic ppe bearer client severity low }', "already declared", "override"),
        (
            'require x.y "X" { code CC101 topic ppe bearer client severity low }',
            "'CC101' is already the code of rule 'ppe.provided'",
            "never reused",
        ),
        (
            'require x.y "X" { code CC9 alias ppe.provided topic ppe bearer client severity low }',
            "'ppe.provided' is already the id of rule 'ppe.provided'",
            None,
        ),
        (
            'require x.y "X" { code CC9 alias old.y, old.y topic ppe bearer client severity low }',
            "'old.y' is already a name of rule 'x.y'",
            None,
        ),
        ("override ppe.provided { alias ppe.old }", "keeps the rule's alias", "where it is declared"),
        ('party subcontractor "Sub" { en "Subcontractor" }', "two parties, client", "party provider +="),
        ('party clients "C" { en "Owner" }', "two parties, client", "did you mean 'client'?"),
        ('vocabulary house_style { en "at our discretion" }', "is not one extraction uses", "binding, weak"),
        ('vocabulary vauge { en "fair" }', "is not one extraction uses", "did you mean 'vague'?"),
        ('require x.y "X" { topic ppe bearer client severity low }', "no 'code' line", None),
        ('require x.y "X" { code CC9 topic ppe severity low }', "no 'bearer' line", None),
        (
            'require x.y "X" { code CC9 topic ppe bearer client severity low exemption }',
            "belongs in a forbid rule",
            None,
        ),
        ("override ppe.provided { code CC999 }", "keeps the rule's code", None),
        ('topic ppe "Again" { en "x" }', "already declared", "+="),
        ('topic nothing += { en "x" }', "unknown topic 'nothing'", None),
        ('vocabulary weak { en "x" }', "already defined", "="),
        ('topic ppe -= { en "absent" }', "no term 'absent'", None),
        ('topic ppe += { by clinet { en "x" } }', "unknown party 'clinet' in 'by' of topic 'ppe'", "'client'"),
        ('topic ppe -= { by client { en "x" } }', "topic 'ppe' by client has no term 'x'", None),
        ('disable injury.waiver "a"\noverride injury.waiver { severity low }', "is disabled", None),
    ],
)
def test_resolution_errors_point_into_the_child(packs, text: str, message: str, hint: str | None):
    e = _fails(packs, "bad", f'pack bad "Bad" {{ extends base }}\n{text}\n')
    assert message in str(e)
    assert Path(e.file).parent.name == "bad" and e.line >= 2
    if hint:
        assert hint in str(e.hint)


def test_a_renamed_rule_answers_to_its_old_names_and_carries_its_status(packs):
    packs(
        "renamed",
        'pack renamed "R" { extends base }\n'
        'require gloves.given "Gloves" {\n  code CC7\n  alias gloves.supplied, CC6\n  status preview\n'
        "  topic ppe bearer provider severity low\n}\n",
    )
    pack = load_pack(packs("child", 'pack child "C" { extends renamed }\noverride gloves.supplied { status stable }'))
    rule = pack.rule("CC6")
    assert (rule.id, rule.aliases, rule.status) == ("gloves.given", ("gloves.supplied", "CC6"), "stable")
    assert load_pack(packs.root / "renamed").rule("gloves.supplied").status == "preview"
    assert load_pack(packs.root / "base").rule("ppe.provided").status == "stable"
    gone = load_pack(packs("gone", 'pack gone "G" { extends renamed }\ndisable CC6 "not for us"'))
    assert [d.id for d in gone.disabled] == ["gloves.given"]


def test_unknown_parent_points_at_the_extends_entry(packs):
    e = _fails(packs, "own", 'pack own "Own" { extends nothere }')
    assert "no known pack 'nothere'" in str(e)
    assert Path(e.file).parent.name == "own" and (e.line, e.column) == (1, 26)


def test_a_pack_without_the_vocabularies_is_refused(packs):
    e = _fails(packs, "bare", 'pack bare "Bare"\ntopic t "T" { en "x" }')
    assert "false_friends" in str(e) and "safety-core" in str(e.hint)


def test_folder_name_must_match_the_pack_name(packs):
    packs("other", 'pack different "D" { extends base }')
    e = _fails(packs, "kid", 'pack kid "K" { extends other }')
    assert "named 'different'" in str(e)


def test_not_found_by_name_suggests_a_close_name():
    with pytest.raises(PackNotFound) as info:
        load_pack("safety-cor")
    assert "safety-core" in str(info.value.hint)


def test_search_path_argument_and_environment(packs, monkeypatch):
    root = packs.root
    assert find_pack("base", search_path=[root]) == (root / "base" / "pack.ccr").resolve()
    with pytest.raises(PackNotFound):
        find_pack("base")
    monkeypatch.setenv(ENV_VAR, str(root))
    assert "base" in available_packs() and load_pack("base").id == "base"


def test_resolved_packs_are_cached_until_a_file_changes(packs):
    folder = packs("cached", 'pack cached "C" { extends base }')
    first = load_pack(folder)
    assert load_pack(folder) is first
    base = packs.root / "base" / "pack.ccr"
    text = base.read_text(encoding="utf-8").replace('version "1"', 'version "9"')
    base.write_text(text, encoding="utf-8")
    stamp = time.time() + 5
    os.utime(base, (stamp, stamp))
    second = load_pack(folder)
    assert second is not first and second.version == "0"
    assert load_pack(packs.root / "base").version == "9"
