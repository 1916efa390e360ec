"""Property: any bytes, random or a mutated real package, give a Document or a ClauseCheckError."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clausecheck.document.model import Document
from clausecheck.document.reader import read_document
from clausecheck.errors import ClauseCheckError
from clausecheck.testing.compose import compose_docx

from .packages import part, replace_parts

SEED = compose_docx(
    "# 安全\n第一条 甲方{+应当+}负责{-可以-}。{fn:注}\n（一）{sdt:安全帽}{box:框}\n| a | < |\n| ^ | b |\n1.1 The Client shall.",
    auto_numbering=True,
    header="H",
)
SEED_XML = part(SEED, "word/document.xml")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _outcome(data: bytes) -> None:
    try:
        result = read_document(data)
    except ClauseCheckError:
        return
    assert isinstance(result, Document)


@SETTINGS
@given(st.binary(max_size=2048))
def test_random_bytes(data):
    _outcome(data)


@SETTINGS
@given(st.binary(min_size=1, max_size=64), st.integers(min_value=0, max_value=len(SEED) - 1))
def test_overwritten_package_bytes(patch, at):
    _outcome(SEED[:at] + patch + SEED[at + len(patch) :])


@SETTINGS
@given(st.integers(min_value=0, max_value=len(SEED)))
def test_truncated_package(at):
    _outcome(SEED[:at])


@SETTINGS
@given(
    st.integers(min_value=0, max_value=len(SEED_XML)),
    st.integers(min_value=0, max_value=64),
    st.text(alphabet=st.sampled_from(list("<>/=\"'&;w:ptrinsdel 甲 1.")), max_size=24),
)
def test_mutated_document_xml(at, cut, insert):
    xml = SEED_XML[:at] + insert.encode() + SEED_XML[at + cut :]
    _outcome(replace_parts(SEED, {"word/document.xml": xml}))


@SETTINGS
@given(
    st.sampled_from(
        [
            "word/numbering.xml",
            "word/styles.xml",
            "word/footnotes.xml",
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
            "word/header1.xml",
        ]
    ),
    st.binary(max_size=200),
)
def test_replaced_or_removed_parts(name, blob):
    with zipfile.ZipFile(io.BytesIO(SEED)) as zf:
        names = zf.namelist()
    target = name if name in names else next(n for n in names if n.startswith("word/header"))
    _outcome(replace_parts(SEED, {target: blob or None}))
