"""The codebase's own contracts, checked with the tools made for them (configured in pyproject.toml).

- import-linter: layers only point down (types < findings < language < document < dsl < extract < engine
  < report < config/suppress < checker < batch/testing < api < cli), and durable-rules, python-docx and
  lark stay behind the modules that own them.
- ruff: lint rules and one format for the whole tree.
- CI (`.ci/run`) runs exactly the README's test command (ruff, mypy, the fast tests, the slow tests).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run_tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / name), *args], cwd=ROOT, capture_output=True, text=True)


def test_import_contracts_are_kept():
    out = run_tool("lint-imports", "--no-cache")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def test_ruff_finds_nothing_to_fix():
    out = run_tool("ruff", "check", "--no-cache", ".")
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_tree_is_formatted():
    out = run_tool("ruff", "format", "--check", "--no-cache", ".")
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    command = ci[ci.index('cd "$(dirname "$0")/.."') + 1 :]
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = readme.index("    " + command[0])
    assert [line.removeprefix("    ") for line in readme[start : start + len(command)]] == command
