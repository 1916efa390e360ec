"""The package surface: small, typed, lazily imported."""

import importlib.metadata
import tomllib
from pathlib import Path

import clausecheck
from clausecheck.errors import ClauseCheckError, DocumentError, PackError

ROOT = Path(__file__).resolve().parent.parent


def test_the_installed_version_is_the_packages():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["tool"]["hatch"]["version"]["path"] == "src/clausecheck/_version.py"
    assert clausecheck.__version__ == importlib.metadata.version("clausecheck")


def test_every_public_name_resolves():
    for name in clausecheck.__all__:
        assert getattr(clausecheck, name) is not None, name


def test_errors_share_one_base():
    assert issubclass(DocumentError, ClauseCheckError)
    assert issubclass(PackError, ClauseCheckError)
