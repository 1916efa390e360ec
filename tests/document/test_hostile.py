"""Bad input: every hostile or broken file gives one clear DocumentError subclass, never a traceback."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile

import pytest

from clausecheck.document.reader import ReadLimits, read_document
from clausecheck.errors import (
    CorruptDocument,
    DocumentError,
    DocumentNotFound,
    EmptyDocument,
    EncryptedDocument,
    LegacyDocFormat,
    NotADocx,
    StrictOoxmlDocument,
    UnsafeDocument,
)
from clausecheck.testing.compose import compose_docx

from .packages import W_NS, ole_file, part, replace_parts

GOOD = compose_docx("第一条 甲方应当负责安全。")


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in members.items():
            zf.writestr(name, blob)
    return out.getvalue()


def _office(main: str, content_type: str) -> bytes:
    """A minimal spreadsheet or presentation package."""
    return _zip(
        {
            "[Content_Types].xml": (
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/{main}" ContentType="{content_type}"/></Types>'
            ).encode(),
            "_rels/.rels": (
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                f'officeDocument" Target="{main}"/></Relationships>'
            ).encode(),
            main: b"<root/>",
        }
    )


def _strict() -> bytes:
    document = part(GOOD, "word/document.xml").replace(
        W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    )
    rels = part(GOOD, "_rels/.rels").replace(
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    )
    return replace_parts(GOOD, {"word/document.xml": document, "_rels/.rels": rels})


def _with_document(xml: bytes) -> bytes:
    return replace_parts(GOOD, {"word/document.xml": xml})


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>'
)
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
)

CASES = {
    "empty file": (b"", EmptyDocument),
    "plain text": (b"This is not a Word document.", NotADocx),
    "pdf": (b"%PDF-1.7\n...", NotADocx),
    "truncated zip": (GOOD[: len(GOOD) // 2], CorruptDocument),
    "legacy .doc": (ole_file({"WordDocument": b"\xec\xa5" + b"\0" * 10, "1Table": b"x"}), LegacyDocFormat),
    "encrypted .docx": (ole_file({"EncryptionInfo": b"\x04\x00", "EncryptedPackage": b"\0" * 8}), EncryptedDocument),
    "encrypted .doc": (ole_file({"WordDocument": b"\xec\xa5" + b"\0" * 8 + b"\x00\x01"}), EncryptedDocument),
    "legacy .xls": (ole_file({"Workbook": b"x"}), NotADocx),
    "damaged OLE file": (ole_file({"WordDocument": b"x"})[:600], CorruptDocument),
    "zip without word/document.xml": (_zip({"readme.txt": b"hello"}), NotADocx),
    "spreadsheet renamed .docx": (
        _office("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        NotADocx,
    ),
    "presentation renamed .docx": (
        _office(
            "ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
        ),
        NotADocx,
    ),
    "OpenDocument text": (
        _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
        NotADocx,
    ),
    "main part named but missing": (replace_parts(GOOD, {"word/document.xml": None}), NotADocx),
    "main part moved and missing": (
        replace_parts(GOOD, {"_rels/.rels": part(GOOD, "_rels/.rels").replace(b"word/document.xml", b"word/main.xml")}),
        CorruptDocument,
    ),
    "malformed XML": (_with_document(b"<w:document xmlns:w='" + W_NS.encode() + b"'><w:body><w:p>"), CorruptDocument),
    "invalid UTF-8": (
        _with_document(b"<?xml version='1.0' encoding='UTF-8'?><w:document>\xff\xfe</w:document>"),
        CorruptDocument,
    ),
    "billion laughs": (_with_document(BILLION_LAUGHS), UnsafeDocument),
    "external entity": (_with_document(XXE), UnsafeDocument),
    "DTD in styles": (
        replace_parts(
            GOOD,
            {
                "word/styles.xml": b'<!DOCTYPE x SYSTEM "http://127.0.0.1:9/evil.dtd"><w:styles xmlns:w="'
                + W_NS.encode()
                + b'"/>'
            },
        ),
        UnsafeDocument,
    ),
    "zip bomb (ratio)": (replace_parts(GOOD, {"word/document.xml": b" " * (20 * 1024 * 1024)}), UnsafeDocument),
    "too deep": (
        _with_document(
            b"<w:document xmlns:w='"
            + W_NS.encode()
            + b"'><w:body>"
            + b"<w:tbl><w:tr><w:tc>" * 120
            + b"<w:p/>"
            + b"</w:tc></w:tr></w:tbl>" * 120
            + b"</w:body></w:document>"
        ),
        UnsafeDocument,
    ),
    "Strict OOXML": (_strict(), StrictOoxmlDocument),
    "not a Word root element": (_with_document(b"<html/>"), NotADocx),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_gives_one_clear_error(name, tmp_path):
    data, expected = CASES[name]
    path = tmp_path / "agreement.docx"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert type(caught.value) is expected, f"{name}: {type(caught.value).__name__}: {caught.value}"
    message = str(caught.value)
    assert message.startswith(str(path)), message
    assert caught.value.hint, "every error says what to do"


def test_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    xml = XXE.replace(b"file:///etc/passwd", secret.as_uri().encode())
    with pytest.raises(UnsafeDocument) as caught:
        read_document(_with_document(xml))
    assert "TOP-SECRET" not in str(caught.value)


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(DocumentNotFound, match="no such file"):
        read_document(tmp_path / "absent.docx")
    with pytest.raises(DocumentNotFound, match="directory"):
        read_document(tmp_path)


def test_limits_are_configurable():
    with pytest.raises(UnsafeDocument, match="expands to"):
        read_document(GOOD, limits=ReadLimits(max_total_bytes=1000))
    with pytest.raises(UnsafeDocument, match="entries"):
        read_document(GOOD, limits=ReadLimits(max_members=3))
    with pytest.raises(UnsafeDocument, match="bytes"):
        read_document(GOOD, limits=ReadLimits(max_file_bytes=100))
    bomb = replace_parts(GOOD, {"word/document.xml": b" " * (2 * 1024 * 1024)})
    with pytest.raises(UnsafeDocument, match="zip bomb"):
        read_document(bomb)
    relaxed = ReadLimits(max_ratio=10_000)
    with pytest.raises(CorruptDocument):  # past the ratio check, the spaces are no XML document
        read_document(bomb, limits=relaxed)


def test_docm_and_template_main_parts_are_read():
    types = part(GOOD, "[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    document = read_document(replace_parts(GOOD, {"[Content_Types].xml": types}))
    assert document.blocks[0].label == "第一条"


def test_input_file_is_never_modified(tmp_path):
    path = tmp_path / "agreement.docx"
    path.write_bytes(GOOD)
    os.chmod(path, 0o444)
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    read_document(path)
    read_document(str(path))
    with open(path, "rb") as f:
        read_document(f)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before
