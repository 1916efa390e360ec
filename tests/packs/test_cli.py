"""`clausecheck packs ...` and `clausecheck explain`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clausecheck.cli import main

ROOT = Path(__file__).resolve().parents[2]


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


@pytest.mark.parametrize("rule", ["ppe.provided", "CC101"])
def test_explain_prints_the_generated_rule_page(capsys, rule: str):
    assert main(["explain", rule]) == 0
    out = capsys.readouterr().out
    page = (ROOT / "docs" / "rules" / "ppe.provided.md").read_text(encoding="utf-8")
    assert out.startswith(page.rstrip("\n"))
    assert "## Legal basis" in out and "PRC Work Safety Law art. 45" in out and "## Test cases" in out
    assert "- fires `ppe-missing-en`: " in out and "- no finding `ppe-provider-en`: " in out


def test_explain_a_forbid_rule(capsys):
    assert main(["explain", "injury.waiver"]) == 0
    out = capsys.readouterr().out
    assert "| kind | forbid |" in out and "| severity | critical |" in out and "| bearer |" not in out


def test_explain_in_one_language(capsys):
    assert main(["explain", "CC101", "--locale", "zh-Hans"]) == 0
    assert capsys.readouterr().out.startswith("CC101 ppe.provided: 由谁提供劳动防护用品 (劳动防护用品)")


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
