"""`clausecheck packs ...` and `clausecheck explain`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clausecheck.cli import main
from clausecheck.report.ruledocs import GENERATED_NOTE

from ..report.kit import ROOT

RULE_PAGES = ROOT / "docs" / "rules"


def test_list_shows_the_bundled_packs(capsys):
    assert main(["packs", "list"]) == 0
    out = capsys.readouterr().out
    assert "safety-core" in out and "RULES" in out


def test_list_shows_a_broken_pack_without_hiding_the_others(capsys, tmp_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "pack.ccr").write_text('pack broken "B" { extends nowhere }', encoding="utf-8")
    assert main(["packs", "--pack-path", str(tmp_path), "list"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "ERROR: " in rows["broken"] and "nowhere" in rows["broken"]
    assert "ERROR" not in rows["safety-core"] and rows["safety-core"].split()[1] != "-"


def test_show_names_where_each_rule_came_from(capsys):
    assert main(["packs", "show", "safety-core"]) == 0
    out = capsys.readouterr().out
    assert "CC101 ppe.provided [high]" in out and "declared in safety-core at" in out


def test_show_json_is_the_pack_model(capsys):
    assert main(["packs", "show", "safety-core", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "safety-core" and len(data["rules"]) == 12


def test_validate_ok_and_error(capsys, tmp_path):
    assert main(["packs", "validate", "rules/safety-core"]) == 0
    assert ": ok:" in capsys.readouterr().out
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "pack.ccr").write_text(
        'pack bad "Bad" { extends safety-core }\noverride ppe.provided { severty low }\n', encoding="utf-8"
    )
    assert main(["packs", "validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "pack.ccr:2:25" in err and "did you mean 'severity'?" in err and "Traceback" not in err


def test_validate_reports_untested_rules(capsys, tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    (own / "pack.ccr").write_text(
        'pack own "Own" { extends safety-core }\n'
        'require extra.rule "Extra" { code XX1 topic ppe bearer provider severity low }\n',
        encoding="utf-8",
    )
    assert main(["packs", "validate", str(own)]) == 1
    assert "extra.rule has no must-fire and no must-not-fire case" in capsys.readouterr().out


def test_test_runs_every_bundled_pack(capsys):
    assert main(["packs", "test"]) == 0
    out = capsys.readouterr().out
    assert "0 failed" in out and "safety-core:" in out and "construction:" in out


BUNDLED_RULES = sorted(p.stem for p in RULE_PAGES.glob("*.md") if p.name != "README.md")


@pytest.mark.parametrize("rule", BUNDLED_RULES)
def test_explain_prints_the_rule_page_the_docs_hold(capsys, rule: str):
    assert main(["explain", rule]) == 0
    page = (RULE_PAGES / f"{rule}.md").read_text(encoding="utf-8")
    assert capsys.readouterr().out == page.replace(GENERATED_NOTE + "\n\n", "")


def test_explain_by_code_and_of_a_forbid_rule(capsys):
    assert main(["explain", "CC101"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# CC101 `ppe.provided`") and "PRC Work Safety Law art. 45" in out
    assert "| bearer | provider &#124; client &#124; both" in out and "繁體中文: " in out
    assert main(["explain", "injury.waiver"]) == 0
    out = capsys.readouterr().out
    assert "| fires on | the topic together with exemption wording |" in out and "| bearer |" not in out


def test_explain_in_a_pack_shows_where_the_rule_was_declared_and_overridden(capsys):
    assert main(["explain", "CC301", "--pack", "docs/examples/acme-fab"]) == 0
    out = capsys.readouterr().out
    assert "| pack | acme-fab (`docs/examples/acme-fab/pack.ccr`) |" in out
    assert "| declared in | it-onsite (`rules/it-onsite/pack.ccr:" in out
    assert "| overridden in | acme-fab (`docs/examples/acme-fab/pack.ccr:" in out and "| severity | critical |" in out


def test_explain_unknown_rule_suggests(capsys):
    assert main(["explain", "ppe.provide"]) == 2
    assert "did you mean 'ppe.provided'?" in capsys.readouterr().err


def test_list_and_explain_resolve_parents_found_in_another_pack_path(capsys, tmp_path):
    for folder, name, parent in (("a", "base", "safety-core"), ("b", "child", "base")):
        (tmp_path / folder / name).mkdir(parents=True)
        (tmp_path / folder / name / "pack.ccr").write_text(
            f'pack {name} "{name}" {{ extends {parent} }}\n', encoding="utf-8"
        )
    paths = ["--pack-path", str(tmp_path / "a"), "--pack-path", str(tmp_path / "b")]
    assert main(["packs", *paths, "list"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "ERROR" not in rows["child"], rows["child"]
    assert main(["explain", "CC101", *paths]) == 0


def test_new_scaffolds_a_pack_whose_cases_pass(capsys, tmp_path):
    assert main(["packs", "new", "acme-plant", "--dir", str(tmp_path)]) == 0
    folder = tmp_path / "acme-plant"
    assert "clausecheck packs test" in capsys.readouterr().out
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.*")) == [
        "cases/acme-plant.yaml",
        "pack.ccr",
    ]
    assert main(["packs", "validate", str(folder)]) == 0
    assert main(["packs", "test", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "3 passed, 0 failed" in out and "ACME101" in (folder / "pack.ccr").read_text(encoding="utf-8")
    assert main(["explain", "lockout.applied", "--pack", str(folder)]) == 0
    assert main(["packs", "new", "acme-plant", "--dir", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["packs", "new", "9lives", "--dir", str(tmp_path)]) == 2


def test_a_scaffold_named_like_safety_core_codes_gets_a_free_code(tmp_path):
    assert main(["packs", "new", "cc", "--dir", str(tmp_path)]) == 0
    assert "code CC1" in (tmp_path / "cc" / "pack.ccr").read_text(encoding="utf-8")
    assert main(["packs", "test", str(tmp_path / "cc")]) == 0


@pytest.fixture
def scaffold(tmp_path) -> Path:
    assert main(["packs", "new", "acme", "--dir", str(tmp_path)]) == 0
    return tmp_path / "acme"


def test_test_k_runs_the_matching_cases_and_facts_shows_statements(capsys, scaffold):
    capsys.readouterr()
    assert main(["packs", "test", str(scaffold), "-k", "zh"]) == 0
    out = capsys.readouterr().out
    assert "acme: 1 cases" in out and "1 passed" in out
    assert main(["packs", "test", str(scaffold), "-k", "lockout.applied", "--facts"]) == 0
    out = capsys.readouterr().out
    assert "acme: 3 cases" in out and "  ok    lockout-by-customer-en" in out
    assert "4.1 client/binding [lockout] The Customer shall lock out" in out


def test_a_failing_case_prints_what_was_found_and_a_passing_todo_fails_the_run(capsys, scaffold):
    cases = scaffold / "cases" / "acme.yaml"
    text = cases.read_text(encoding="utf-8")
    cases.write_text(
        text.replace("present by client at 4.1", "present by provider at 4.1").replace(
            "      - lockout.applied: missing", "      - lockout.applied: missing\n    todo: 'thought to be a gap'"
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["packs", "test", str(scaffold)]) == 1
    out = capsys.readouterr().out
    assert "  FAIL  lockout-by-customer-en" in out
    assert "        expected topic lockout: present by provider at 4.1, not found" in out
    assert "          topic lockout: present by client at 4.1" in out
    assert "  XPASS lockout-missing-en  (thought to be a gap)" in out
    assert "        the case passes now: remove its todo" in out
    assert "  FAIL  rule lockout.applied has no must-fire case" in out  # todo cases do not count
    assert "1 passed, 2 failed, 0 todo, 1 todo passing" in out


def test_a_misspelt_key_in_a_case_file_is_an_error_at_its_line(capsys, scaffold):
    cases = scaffold / "cases" / "acme.yaml"
    cases.write_text(cases.read_text(encoding="utf-8").replace("not_fires:", "not_fire:", 1), encoding="utf-8")
    assert main(["packs", "test", str(scaffold)]) == 2
    err = capsys.readouterr().err
    assert "acme.yaml:12:5: unknown key 'not_fire' in a case" in err and "did you mean 'not_fires'" in err


def test_explain_reads_the_settings_and_finds_a_rule_of_a_pack_in_a_pack_path(capsys, tmp_path, monkeypatch):
    own = tmp_path / "packs" / "mine"
    own.mkdir(parents=True)
    (own / "pack.ccr").write_text(
        'pack mine "Mine" { extends safety-core }\n'
        'require my.rule "Mine" { code ZZ900 topic ppe bearer provider severity low }\n',
        encoding="utf-8",
    )
    (tmp_path / "clausecheck.toml").write_text('pack-path = ["packs"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["explain", "ZZ900"]) == 0
    assert capsys.readouterr().out.startswith("# ZZ900 `my.rule`: Mine")
    assert main(["explain", "ZZ900", "--no-config"]) == 2
