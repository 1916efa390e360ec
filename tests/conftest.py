"""Fixtures shared across test folders: small pack folders in a temporary directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from .dsl.base_pack import BASE


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
