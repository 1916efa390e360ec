"""Scopes are found block by block through an automaton: exactly where the scope's own pattern finds them in
the agreement's whole folded text (what `mentioned_scopes` searched before it was made fast)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clausecheck.dsl.loader import load_pack
from clausecheck.engine.applicability import _pattern, mentioned_scopes
from clausecheck.language.normalize import fold_text

PACK = load_pack("safety-core")
WORDS = [term.text for scope in PACK.scopes.values() for term in scope.terms if not term.regex] + [
    "Site",
    "ONSITE",
    "sıte",
    "ſite",
    "resite",
    "sites.",
    "设计合同",
    "設計契約",
    "工地",
    "x",
    " ",
    "\n",
    "-",
    "_",
]


def _reference(texts: list[str]) -> set[str]:
    whole = "\n".join(fold_text(t).lower() for t in texts)
    return {scope.id for scope in PACK.scopes.values() if _pattern(scope.terms).search(whole)}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=6).map("".join), max_size=5))
def test_scopes_are_found_where_the_pattern_finds_them(texts):
    assert mentioned_scopes(PACK, texts) == _reference(texts)


def test_a_scope_word_glued_to_another_word_is_not_one():
    assert mentioned_scopes(PACK, ["the resite and the websites"]) == _reference(["the resite and the websites"])
    assert "onsite_work" in mentioned_scopes(PACK, ["intro", "engineers attend the site"])
