"""docs/scale.md and the README's portfolio example cannot rot: their commands parse, the README's two lines run
as written on a local cluster, and the pictures of the portfolio page are there."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest

from clausecheck.cli import build_parser, main

from .conftest import ROOT, write_agreements

SCALE = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_portfolio() -> list[str]:
    return [
        line.strip() for line in README.splitlines() if re.match(r"\s+clausecheck (check .*--cluster|portfolio)", line)
    ]


def test_every_command_in_scale_md_parses():
    commands = [
        line.strip()
        for block in re.findall(r"```sh\n(.*?)```", SCALE, re.DOTALL)
        for line in block.splitlines()
        if line.startswith("clausecheck ")
    ]
    assert len(commands) == 4
    for command in commands:
        assert build_parser().parse_args(shlex.split(command)[1:]).run


def test_the_portfolio_pictures_are_there():
    pictures = re.findall(r"!\[[^\]]+\]\((images/[^)]+\.png)\)", SCALE)
    assert pictures == ["images/portfolio-en.png", "images/portfolio-zh-Hans.png"]
    for picture in pictures:
        assert (ROOT / "docs" / picture).read_bytes().startswith(b"\x89PNG")


@pytest.mark.slow
def test_the_readme_portfolio_example_runs_as_written(tmp_path, monkeypatch):
    check, portfolio = _readme_portfolio()
    write_agreements(tmp_path / "contracts" / "2025", 5)
    monkeypatch.chdir(tmp_path)
    assert main(shlex.split(check)[1:]) == 1
    assert main(shlex.split(portfolio)[1:]) == 0
    assert (tmp_path / "portfolio.html").read_text(encoding="utf-8").count("<svg") == 5
    assert main(shlex.split(check)[1:]) == 1  # again, from the cache
    shutil.rmtree(tmp_path / ".clausecheck-cache")
