"""Rule names on the command line: a renamed rule's old names, and packs whose names clash."""

from __future__ import annotations

from clausecheck.cli import main
from clausecheck.testing.compose import compose_docx

from ..conftest import write_pack
from ..report.kit import AGREEMENT_EN


def test_explain_finds_a_rule_by_its_old_name(renamed, capsys):
    _, after = renamed
    assert main(["explain", "ACME9", "--pack", str(after)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ACME10 `acme.injury_waiver`") and "| formerly | `acme.waiver`, `ACME9` |" in out


def test_packs_show_lists_old_names_and_status(renamed, capsys):
    _, after = renamed
    assert main(["packs", "show", str(after)]) == 0
    assert "      formerly acme.waiver, ACME9" in capsys.readouterr().out


def test_check_refuses_packs_whose_names_clash(tmp_path, capsys):
    one = write_pack(tmp_path / "one", "one", "one.waiver", "ACME9")
    two = write_pack(tmp_path / "two", "two", "two.waiver", "ACME9")
    agreement = tmp_path / "a.docx"
    agreement.write_bytes(compose_docx(AGREEMENT_EN))
    assert main(["check", "--no-config", "--pack", str(one), "--pack", str(two), str(agreement)]) == 2
    err = capsys.readouterr().err
    assert "two/pack.ccr:2:8: 'ACME9' names two rules" in err and "Traceback" not in err
