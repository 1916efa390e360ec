"""Fixtures for the reader's tests: agreements built from the compact notation.

Every fixture is a real .docx made at test time; nothing is mocked. Raw
packages for markup the notation does not cover are built by `packages`.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from clausecheck.document.model import Document
from clausecheck.document.reader import read_document
from clausecheck.testing.compose import compose_docx


@pytest.fixture
def read() -> Callable[..., Document]:
    """read(notation, **compose_switches) → Document, through a real .docx."""

    def _read(notation: str, **switches: object) -> Document:
        return read_document(compose_docx(notation, **switches))  # type: ignore[arg-type]

    return _read
