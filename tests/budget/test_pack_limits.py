"""Packs are code from other teams: `packs validate` refuses, with a position, what `check` cannot run (issue 13)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clausecheck.checker import Checker
from clausecheck.dsl.loader import load_pack
from clausecheck.dsl.model import Term
from clausecheck.errors import PackSyntaxError
from clausecheck.limits import MAX_TERM_CHARS, Limits
from clausecheck.testing.compose import compose_docx

GROUPS = " and ".join("(mentions ppe or mentions hazard_disclosure)" for _ in range(16))

BAD_PACKS = {
    "long term": ('topic ppe += {\n  en "' + "a" * 600_000 + '"\n}\n', (3, 6), "terms are at most 200"),
    "expansion": (f"override ppe.provided {{ applies when {GROUPS} }}\n", (2, 25), "more than 64 alternatives"),
    "nested repeat": ("topic ppe += {\n  en /(\\w+\\s?)+;/\n}\n", (3, 6), "repeats without bound"),
    "exponential repeat": ("topic ppe += {\n  en /(a+)+$/\n}\n", (3, 6), "repeats without bound"),
    "huge repeat": ("topic ppe += {\n  en /a{4294967296}/\n}\n", (3, 6), "repetition number is too large"),
    "large repeat": ("topic ppe += {\n  en /a{5000}/\n}\n", (3, 6), "a counted repeat above 1,000"),
    "long regex": ("topic ppe += {\n  en /" + "ab" * 300 + "/\n}\n", (3, 6), "patterns are at most 500"),
    "deep not": ("override ppe.provided { applies when " + "not " * 500 + "mentions ppe }\n", (2, 166), "32 levels"),
    "surrogate term": ('topic ppe += {\n  en "\\ud800abc"\n}\n', (3, 6), "U+D800"),
    "surrogate suggestion": ('override ppe.provided { suggest en "\\ud800 hi" }\n', (2, 36), "U+D800"),
    "control in title": ('override ppe.provided { title en "a\\u001bb" }\n', (2, 34), "U+001B"),
    "backspace in pattern": ("topic ppe += {\n  en /\bhard hats\b/\n}\n", (3, 6), "U+0008"),
}


def _write(folder: Path, name: str, body: str, parent: str | None = "safety-core") -> Path:
    (folder / name).mkdir(parents=True, exist_ok=True)
    head = f'pack {name} "x" {{ extends {parent} }}\n' if parent else f'pack {name} "x"\n'
    path = folder / name / "pack.ccr"
    path.write_text(head + body, encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clausecheck", *args], capture_output=True, text=True)


@pytest.mark.parametrize("case", sorted(BAD_PACKS))
def test_a_pack_check_cannot_run_is_refused_where_it_is_written(tmp_path, case):
    body, (line, column), words = BAD_PACKS[case]
    path = _write(tmp_path, "bad", body)
    with pytest.raises(PackSyntaxError) as caught:
        load_pack(path)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert words in str(caught.value)


def test_validate_and_check_refuse_the_same_pack_with_exit_2(tmp_path):
    path = _write(tmp_path, "bad", BAD_PACKS["nested repeat"][0])
    agreement = tmp_path / "a.docx"
    agreement.write_bytes(compose_docx("1. The Supplier shall provide personal protective equipment."))
    for command in (["packs", "validate", str(path)], ["check", "--pack", str(path), str(agreement)]):
        out = run(*command)
        assert out.returncode == 2 and "Traceback" not in out.stderr
        assert "bad/pack.ccr:3:6: a repeated group that itself repeats without bound" in out.stderr


def test_terms_and_lineages_at_the_limits_are_accepted(tmp_path):
    word = "protective " + "x" * (MAX_TERM_CHARS - len("protective "))
    pack = load_pack(_write(tmp_path, "edge", f'topic ppe += {{\n  en "{word}" /(a|b)*c/\n}}\n'))
    assert Term(text=word, lang="en") in pack.topics["ppe"].terms
    for i in range(32):
        _write(tmp_path, f"chain{i}", "", parent=f"chain{i - 1}" if i else "safety-core")
    assert load_pack(tmp_path / "chain31").id == "chain31"
    _write(tmp_path, "chain32", "", parent="chain31")
    with pytest.raises(PackSyntaxError, match="'extends' chains more than 32 packs"):
        load_pack(tmp_path / "chain32")


def test_a_syntax_error_after_a_long_run_of_letters_names_a_short_word(tmp_path):
    path = _write(tmp_path, "hint", 'topic t "t" {\n  en "x" ' + "a" * 40_000 + " }\n", parent=None)
    with pytest.raises(PackSyntaxError) as caught:
        load_pack(path)
    assert (caught.value.line, caught.value.column) == (3, 40_011)
    message = str(caught.value)
    assert "'" + "a" * 40 + "…' is not one" in message and len(message) < 1_000


def test_a_backtracking_pattern_the_checks_let_through_ends_in_the_time_budget():
    """`(a|aa)+$` has no nested repeat, yet backtracks exponentially: the regex timeout is the backstop."""
    core = load_pack("safety-core")
    ppe = core.topics["ppe"]
    slow = ppe.model_copy(update={"terms": (*ppe.terms, Term(text="(a|aa)+$", lang="en", regex=True))})
    pack = core.model_copy(update={"topics": {**core.topics, "ppe": slow}})
    text = "1. The Supplier shall provide personal protective equipment " + "a" * 60 + "!"
    result = Checker([pack], limits=Limits(seconds=1.0)).check_isolated(compose_docx(text)).result
    assert result.error_type == "BudgetExceeded" and "time budget" in result.error
