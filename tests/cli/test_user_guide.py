"""docs/user-guide.md cannot rot: its commands parse, its excerpts are real output, its settings load."""

from __future__ import annotations

import re
import shlex

import pytest

from clausecheck.checker import resolve_packs
from clausecheck.cli import build_parser, main
from clausecheck.config import disable_rules, load_config
from clausecheck.document.model import Comment
from clausecheck.document.reader import read_document
from clausecheck.suppress import comment_acceptances

from ..report.kit import ROOT, example_path

GUIDE = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", GUIDE, re.DOTALL)


def commands() -> list[str]:
    found = []
    for block in blocks("sh") + blocks("yaml"):
        for line in block.splitlines():
            line = re.sub(r"^\s*- run: ", "", line).split("#")[0].strip()
            if line.startswith("clausecheck "):
                found.append(line)
    return found


@pytest.mark.parametrize("command", commands())
def test_every_command_in_the_guide_parses(command):
    args = build_parser().parse_args(shlex.split(command)[1:])
    assert args.run


def test_the_report_excerpts_are_real_output(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    main(["check", str(example_path("onsite-maintenance.en"))])
    out = capsys.readouterr().out
    out = out.replace(str(example_path("onsite-maintenance.en")), "examples/onsite-maintenance.en.docx")
    excerpts = [b for b in blocks("text") if "==" in b or "CRITICAL" in b]
    assert len(excerpts) == 2
    for excerpt in excerpts:
        for line in excerpt.splitlines():
            assert line in out.splitlines(), line


def test_the_settings_examples_load_and_say_the_same_with_or_without_the_table(tmp_path):
    pyproject, own = blocks("toml")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / "b" / "clausecheck.toml").write_text(own, encoding="utf-8")
    with_table, without = (
        load_config(tmp_path / "a" / "pyproject.toml"),
        load_config(tmp_path / "b" / "clausecheck.toml"),
    )
    assert with_table.fail_on == without.fail_on == "medium" and with_table.pack == without.pack == ("it-onsite",)
    assert with_table.disable == without.disable and with_table.locale == without.locale == "zh-Hans"
    packs = disable_rules(resolve_packs(list(with_table.pack)), with_table.disable, "pyproject.toml")
    assert packs[0].id == "it-onsite"


def test_the_redlined_page_picture_is_there():
    (picture,) = re.findall(r"!\[[^\]]+\]\((images/[^)]+\.png)\)", GUIDE)
    assert (ROOT / "docs" / picture).read_bytes().startswith(b"\x89PNG")


def test_the_acceptance_examples_accept():
    document = read_document(example_path("onsite-maintenance.en"))
    lines = next(b for b in blocks("text") if "clausecheck: accept" in b).splitlines()
    reviewed = document.model_copy(update={"comments": tuple(Comment(id=str(i), text=t) for i, t in enumerate(lines))})
    assert [a.rule for a in comment_acceptances(reviewed)] == ["injury.waiver", "CC105", "CC108"]
