"""The wheel carries grammar/ and rules/ and works outside the checkout, on every supported Python here."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from clausecheck.resources import bundled_packs_dir, grammar_path

ROOT = Path(__file__).resolve().parent.parent


def _supported_pythons() -> dict[str, str]:
    """One working interpreter per supported version found on this machine (PATH, then pyenv)."""
    candidates = [shutil.which(f"python3.{minor}") for minor in (11, 12)]
    candidates += sorted(str(p) for p in Path.home().glob(".pyenv/versions/3.1[12].*/bin/python3"))
    found: dict[str, str] = {}
    for exe in filter(None, candidates):
        run = subprocess.run(
            [exe, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], capture_output=True, text=True
        )
        if run.returncode == 0 and run.stdout.strip() in ("3.11", "3.12"):
            found.setdefault(run.stdout.strip(), exe)
    return found


PYTHONS = _supported_pythons()


def test_editable_install_finds_grammar_and_packs():
    assert grammar_path().is_file()
    assert (bundled_packs_dir() / "safety-core" / "pack.ccr").is_file()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)], check=True, capture_output=True
    )
    (built,) = out.glob("clausecheck-*.whl")
    return built


@pytest.mark.slow
def test_wheel_ships_grammar_and_every_pack(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "clausecheck/_data/grammar/clausecheck.lark" in names
    packs = {Path(n).parts[3] for n in names if n.startswith("clausecheck/_data/rules/") and n.endswith("pack.ccr")}
    assert {"safety-core", "it-onsite", "remote-duty", "construction", "manufacturing"} <= packs
    assert any(n.startswith("clausecheck/_data/rules/safety-core/cases/") for n in names)


@pytest.mark.slow
@pytest.mark.parametrize("version", sorted(PYTHONS))
def test_wheel_installed_in_a_fresh_venv_checks_an_agreement(wheel, version, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([PYTHONS[version], "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(wheel)], check=True, capture_output=True)
    example = tmp_path / "agreement.docx"
    shutil.copy(ROOT / "examples" / "onsite-maintenance.en.docx", example)
    out = subprocess.run(
        [str(venv / "bin" / "clausecheck"), "check", "--format", "json", str(example)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1, out.stderr  # the example carries a critical void clause
    assert '"void_injury_waiver"' in out.stdout
    where = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "from clausecheck.resources import bundled_packs_dir; print(bundled_packs_dir())",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(venv) in where.stdout and str(ROOT) not in where.stdout
