"""Fixtures shared across test folders: small pack folders in a temporary directory, a renamed rule; the
compiled-pack cache of the whole run in a temporary folder, never the user's own."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from clausecheck.dsl.cache import ENV_VAR

from .dsl.base_pack import BASE

# set before collection, which already loads packs; commands the tests start inherit it
PACK_CACHE = tempfile.TemporaryDirectory(prefix="clausecheck-pack-cache-")
os.environ[ENV_VAR] = PACK_CACHE.name


@pytest.fixture
def packs(tmp_path: Path):
    """write(name, text) puts `text` in tmp/name/pack.ccr and returns that folder."""

    def write(name: str, text: str) -> Path:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        (folder / "pack.ccr").write_text(text, encoding="utf-8")
        return folder

    write.root = tmp_path  # type: ignore[attr-defined]
    write("base", BASE)
    return write


RULE = """forbid {id} "Acme: no waiver of injury liability" {{
  code {code}
  {alias}
  topic void_injury_waiver
  exemption
  severity high
  cite CN "PRC Civil Code art. 506(1)"
}}
"""


def write_pack(folder: Path, name: str, rule_id: str, code: str, alias: str = "") -> Path:
    """A pack extending safety-core with one forbid rule (a waiver of injury liability), in `folder`."""
    folder.mkdir(parents=True)
    text = f'pack {name} "{name}" {{ extends safety-core }}\n' + RULE.format(id=rule_id, code=code, alias=alias)
    (folder / "pack.ccr").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def renamed(tmp_path: Path) -> tuple[Path, Path]:
    """The same pack before and after acme.waiver (ACME9) became acme.injury_waiver (ACME10)."""
    before = write_pack(tmp_path / "v1" / "acme", "acme", "acme.waiver", "ACME9")
    after = write_pack(tmp_path / "v2" / "acme", "acme", "acme.injury_waiver", "ACME10", "alias acme.waiver, ACME9")
    return before, after
