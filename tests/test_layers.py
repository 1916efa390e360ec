"""Data flows one way (read -> extract -> engine -> report), and each foreign library stays in its module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "clausecheck"
LOWER = ("document", "language", "dsl", "extract", "engine", "findings")
UPPER = ("clausecheck.report", "clausecheck.cli", "clausecheck.api", "clausecheck.batch", "clausecheck.config",
         "clausecheck.suppress", "clausecheck.packtest")
OWNERS = {"durable": ("engine/rete.py",), "durable_rules_engine": ("engine/rete.py",), "docx": ("document/",),
          "lark": ("dsl/",)}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


MODULES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_foreign_libraries_stay_in_their_module(path):
    where = str(path.relative_to(SRC))
    for name in _imports(path):
        owners = OWNERS.get(name.split(".")[0])
        if owners:
            assert where.startswith(owners), f"{where} imports {name}; only {owners} may"


@pytest.mark.parametrize("path", sorted((SRC / "extract").rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_extraction_does_not_reach_into_the_engine(path):
    assert not any(name.startswith("clausecheck.engine") for name in _imports(path)), path


@pytest.mark.parametrize("path", [p for p in MODULES if str(p.relative_to(SRC)).startswith(LOWER)],
                         ids=lambda p: str(p.relative_to(SRC)))
def test_lower_layers_do_not_import_upper_ones(path):
    for name in _imports(path):
        assert not name.startswith(UPPER), f"{path.relative_to(SRC)} imports {name}"
