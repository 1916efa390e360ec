"""Wording that only counts where it stands, with its words taken from the pack.

A pack author who meets a new annex noun, pointer or defining verb adds it to
a vocabulary; these tests show each position reads the pack's words, and that
one added word is enough.
"""

from __future__ import annotations

import pytest

from clausecheck import load_pack
from clausecheck.document.reader import read_document
from clausecheck.extract.extractor import extract
from clausecheck.extract.lexicon import lexicon
from clausecheck.extract.positions import positions
from clausecheck.testing.compose import compose_docx

HEAD_ZH = "甲方（发包方）：某某置业有限公司\n乙方（承包方）：某某建筑工程有限公司\n"
HEAD_ZHT = "甲方（業主）：某某置業有限公司\n乙方（承攬人）：某某工程有限公司\n"
HEAD_EN = 'This Agreement is made between Northgate Ltd (the "Customer") and Brightwire Ltd (the "Contractor").\n'


@pytest.fixture(scope="module")
def core():
    return load_pack("safety-core")


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    """safety-core plus one word in each positional vocabulary, as a pack author would add it."""
    folder = tmp_path_factory.mktemp("packs")
    (folder / "pack.ccr").write_text(
        'pack annexes "Annexes in another wording" {\n  version "1.0"\n  extends safety-core\n}\n'
        'vocabulary annex_noun += { en "Rider" }\n'
        'vocabulary reference_lead += { en "as laid down in" }\n'
        'vocabulary definition_verb += { en "signifies" }\n'
        'vocabulary not_a_party += { en "Datec" }\n',
        encoding="utf-8",
    )
    return load_pack(folder / "pack.ccr")


def references(pack, notation):
    document = read_document(compose_docx(notation))
    return [r for s in extract(document, pack, all_statements=True).statements for r in s.references]


@pytest.mark.parametrize(
    ("text", "title", "resolved"),
    [
        (HEAD_ZH + "5.1 乙方应遵守附件三所列的安全规定。\n附件三 现场安全规定\n1. 进场须戴安全帽。", "附件三", True),
        (HEAD_ZH + "5.1 乙方应遵守附件四所列的安全规定。", "附件四", False),
        (HEAD_ZHT + "5.1 乙方應遵守附錄二所列之安全規定。\n附錄二 現場安全規定\n1. 進場須戴安全帽。", "附錄二", True),
        (
            HEAD_EN + "5.1 The Contractor shall comply with the site rules in Schedule 2.\n"
            "Schedule 2 Site Rules\n1. Hard hats at all times.",
            "Schedule 2",
            True,
        ),
        (HEAD_EN + "5.1 The Contractor shall comply with the site rules in Exhibit B.", "Exhibit B", False),
    ],
)
def test_an_annex_noun_and_its_number_resolve_against_the_attached_annexes(core, text, title, resolved):
    refs = references(core, text)
    assert any(r.title == title and r.resolved == resolved for r in refs), refs


def test_a_document_defined_in_the_agreement_is_identified_by_its_definition(core):
    text = (
        HEAD_EN + '1.1 "Site Safety Rules" means the rules the Customer issues for the site.\n'
        "5.1 The Contractor shall comply with the Site Safety Rules, to be issued later."
    )
    (ref,) = [r for r in references(core, text) if r.title == "Site Safety Rules"]
    assert ref.resolved


def test_a_word_added_to_a_vocabulary_is_enough_for_a_new_form(core, extended):
    text = (
        HEAD_EN + '1.1 "Yard Rules" signifies the rules the Customer issues for the yard.\n'
        "5.1 The Contractor shall comply with the safety rules in Rider 2, to be agreed.\n"
        "5.2 The Contractor shall work as laid down in the Yard Rules, to be issued."
    )
    assert not [r for r in references(core, text) if r.title in ("Rider 2", "Yard Rules")]
    found = {r.title: r.resolved for r in references(extended, text)}
    assert found["Rider 2"] is False and found["Yard Rules"] is True


@pytest.mark.parametrize(
    ("text", "defines"),
    [
        ('"Site" means the premises of the Customer.', True),
        ("(a) “现场”是指甲方的厂区。", True),
        ("The Contractor means to start in May.", False),
        ('The "Site" shall be kept clean.', False),
    ],
)
def test_a_sentence_that_opens_by_defining_a_quoted_term(core, text, defines):
    assert bool(positions(lexicon(core)).definition.match(text)) == defines


def test_a_frequent_subject_is_a_party_unless_the_pack_says_it_is_not(core, extended):
    pattern = positions(lexicon(core)).subject_en
    names = [m.group("name") for m in pattern.finditer("Datec will test. Nothing shall bind. Insurance may lapse.")]
    assert names == ["Datec", "Nothing", "Insurance"]
    assert positions(lexicon(core)).not_a_party.fullmatch("Nothing")
    assert not positions(lexicon(core)).not_a_party.fullmatch("Datec")
    assert positions(lexicon(extended)).not_a_party.fullmatch("Datec")


@pytest.mark.parametrize(
    ("text", "pinned"),
    [
        ("乙方应遵守《中华人民共和国安全生产法》。", True),
        ("乙方应遵守《建筑施工高处作业安全技术规范》。", True),
        ("乙方应遵守《现场安全管理制度》。", False),
    ],
)
def test_a_statute_named_in_brackets_pins_a_duty_by_the_pack_statute_nouns(core, text, pinned):
    assert bool(positions(lexicon(core)).statute.search(text)) == pinned
