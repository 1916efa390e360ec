"""Opening an untrusted .docx: pre-flight checks, then hardened parsing of the parts we read.

Every input is hostile until shown otherwise (`docs/reading.md`). The bytes
are read once, read-only, and checked before any XML is parsed: the file
signature (an OLE compound file is an encrypted Word file or a legacy `.doc`,
never a `.docx`), the zip directory against `ReadLimits`, the package's main
part and its content type, Strict OOXML namespaces. Each part is then parsed
by one parser with entity resolution, network and DTD loading off, and a part
that declares a DTD is refused. python-docx is not used here: its parser
accepts DTDs, parses every part eagerly and has no size guard.
"""

from __future__ import annotations

import io
import os
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import BinaryIO

from lxml import etree

from clausecheck.document.stream import PARSER_OPTIONS, MainPart, parse_failure
from clausecheck.errors import (
    CorruptDocument,
    DocumentNotFound,
    EmptyDocument,
    EncryptedDocument,
    LegacyDocFormat,
    NotADocx,
    StrictOoxmlDocument,
    UnsafeDocument,
)
from clausecheck.limits import ReadLimits

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT_MARK = b"purl.oclc.org/ooxml"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

_WORD_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
_OTHER_OFFICE = {
    "spreadsheetml": "a spreadsheet (.xlsx)",
    "ms-excel": "a spreadsheet (.xlsm)",
    "presentationml": "a presentation (.pptx)",
    "ms-powerpoint": "a presentation (.pptm)",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS_DOCX = "open it in Word (or LibreOffice) and save it as a Word Document (.docx)"


@dataclass
class Package:
    """The parsed parts of a Word package that the reader needs, by role."""

    source: str
    document: MainPart
    """parsed as the reader walks it"""
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    headers: list[etree._Element] = field(default_factory=list)
    footers: list[etree._Element] = field(default_factory=list)
    footnotes: etree._Element | None = None
    endnotes: etree._Element | None = None
    comments: etree._Element | None = None
    """reviewers' Word comments: read for acceptances, never as agreement text"""
    warnings: list[str] = field(default_factory=list)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(**PARSER_OPTIONS)


def load_bytes(source: str | os.PathLike[str] | bytes | BinaryIO) -> tuple[str, bytes]:
    """The display name of `source` and its bytes, read without ever opening it for writing."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return "<bytes>", bytes(source)
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if os.path.isdir(path):
            raise DocumentNotFound(path, "is a directory, not a .docx file", hint="give the path of a .docx file")
        try:
            with open(path, "rb") as f:
                return path, f.read()
        except FileNotFoundError:
            raise DocumentNotFound(path, "no such file", hint="check the path") from None
        except PermissionError:
            raise DocumentNotFound(path, "cannot be read (permission denied)", hint="check its permissions") from None
        except OSError as e:
            raise DocumentNotFound(path, f"cannot be read ({e.strerror or e})", hint="check the path") from None
    read = getattr(source, "read", None)
    if read is None:
        raise TypeError(f"read_document() takes a path, bytes or a binary file object, not {type(source).__name__}")
    name = getattr(source, "name", None)
    data = read()
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("read_document() needs a file object opened in binary mode ('rb')")
    return (name if isinstance(name, str) else "<stream>"), bytes(data)


def open_package(source: str, data: bytes, limits: ReadLimits) -> Package:
    """Check `data` and parse the parts of the Word package it holds."""
    if not data:
        raise EmptyDocument(
            source, "the file is empty (0 bytes)", hint="the file was not saved completely; save it again"
        )
    if len(data) > limits.max_file_bytes:
        raise UnsafeDocument(
            source,
            f"the file is {len(data):,} bytes, more than the limit of {limits.max_file_bytes:,}",
            hint="raise ReadLimits.max_file_bytes if the file is trusted",
        )
    if data.startswith(_OLE_MAGIC):
        _refuse_compound_file(source, data)
    if not data.startswith(b"PK"):
        raise NotADocx(source, f"is not a Word .docx file ({_sniff(data)})", hint=_SAVE_AS_DOCX)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, struct.error, EOFError, OSError, ValueError, NotImplementedError):
        raise CorruptDocument(
            source, "the zip package is truncated or damaged", hint="the file was not copied completely; get it again"
        ) from None
    with zf:
        members = _check_zip(source, zf, limits)
        return _read_parts(source, zf, members)


def _sniff(data: bytes) -> str:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF"):
        return "it is a PDF"
    if head.startswith(b"{\\rtf"):
        return "it is an RTF document"
    if head.startswith(b"<"):
        if b"pkg:package" in data[:4096] or b"w:wordDocument" in data[:4096]:
            return "it is a Word XML document (flat XML)"
        return "it is an XML or HTML file"
    return "it is not a zip package"


def _refuse_compound_file(source: str, data: bytes) -> None:
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:
        raise CorruptDocument(
            source, "is a damaged OLE compound file (an old Office format)", hint=_SAVE_AS_DOCX
        ) from None
    with ole:
        streams = {"/".join(s) for s in ole.listdir(streams=True, storages=False)}
        if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
            raise EncryptedDocument(
                source,
                "is password-protected (encrypted)",
                hint="open it in Word, remove the password (File > Info > Protect Document) and save it as .docx",
            )
        if "WordDocument" in streams:
            if _doc_is_encrypted(ole):
                raise EncryptedDocument(
                    source,
                    "is a password-protected Word 97-2003 document (.doc)",
                    hint="open it in Word, remove the password and save it as a Word Document (.docx)",
                )
            raise LegacyDocFormat(source, "is a Word 97-2003 document (.doc), not a .docx", hint=_SAVE_AS_DOCX)
    if "Workbook" in streams or "Book" in streams:
        kind = "an Excel 97-2003 spreadsheet (.xls)"
    elif "PowerPoint Document" in streams:
        kind = "a PowerPoint 97-2003 presentation (.ppt)"
    else:
        kind = "an OLE compound file that is not a Word document"
    raise NotADocx(source, f"is {kind}, not a Word .docx", hint="give the agreement as a Word .docx file")


def _doc_is_encrypted(ole: object) -> bool:
    """The fEncrypted bit of a .doc's File Information Block ([MS-DOC] 2.5.2, flags at offset 0x0A)."""
    try:
        head = ole.openstream("WordDocument").read(12)  # type: ignore[attr-defined]
    except Exception:
        return False
    return len(head) >= 12 and bool(int.from_bytes(head[10:12], "little") & 0x0100)


def _check_zip(source: str, zf: zipfile.ZipFile, limits: ReadLimits) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise UnsafeDocument(
            source,
            f"the package has {len(infos):,} entries, more than the limit of {limits.max_members:,}",
            hint="raise ReadLimits.max_members if the file is trusted",
        )
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise UnsafeDocument(
                source,
                f"entry {info.filename} expands {info.file_size / max(info.compress_size, 1):,.0f} times "
                f"(limit {limits.max_ratio:,.0f}): a zip bomb",
                hint="do not open this file; raise ReadLimits.max_ratio only if it is trusted",
            )
    if total > limits.max_total_bytes:
        raise UnsafeDocument(
            source,
            f"the package expands to {total:,} bytes, more than the limit of {limits.max_total_bytes:,}: a zip bomb",
            hint="do not open this file; raise ReadLimits.max_total_bytes only if it is trusted",
        )
    return {info.filename: info for info in infos}


class _Parts:
    """Reads and parses members of one open zip, mapping every failure to a DocumentError."""

    def __init__(self, source: str, zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> None:
        self.source = source
        self.zf = zf
        self.members = members
        self.parser = _parser()

    def raw(self, name: str) -> bytes:
        info = self.members[name]
        if info.flag_bits & 0x1:
            raise EncryptedDocument(
                self.source, f"zip entry {name} is encrypted", hint="give the agreement without zip encryption"
            )
        try:
            return self.zf.read(info)
        except (zipfile.BadZipFile, zlib.error, struct.error, EOFError, OSError, ValueError) as e:
            raise CorruptDocument(
                self.source,
                f"zip entry {name} is damaged ({e})",
                hint="the file was not copied completely; get it again",
            ) from None
        except NotImplementedError as e:
            raise CorruptDocument(
                self.source, f"zip entry {name} cannot be unpacked ({e})", hint=_SAVE_AS_DOCX
            ) from None

    def xml(self, name: str) -> etree._Element:
        data = self.checked(name)
        try:
            root = etree.fromstring(data, self.parser)
        except etree.XMLSyntaxError as e:
            raise parse_failure(self.source, name, e) from None
        if root is None:
            raise CorruptDocument(self.source, f"part {name} is empty", hint="open it in Word and save it again")
        self.check_doctype(name, root)
        return root

    def checked(self, name: str) -> bytes:
        """The bytes of part `name`, refused when its prolog declares a DTD."""
        data = self.raw(name)
        if _declares_dtd(data):
            raise UnsafeDocument(
                self.source,
                f"part {name} declares a DTD or XML entities, which Word never writes",
                hint="do not open this file; it may try to read local files or exhaust memory",
            )
        return data

    def check_doctype(self, name: str, root: etree._Element) -> None:
        docinfo = root.getroottree().docinfo
        if docinfo.internalDTD is not None or docinfo.doctype:
            raise UnsafeDocument(self.source, f"part {name} declares a DTD", hint="do not open this file")

    def rels(self, part: str) -> list[tuple[str, str, str]]:
        """(type, target part name, mode) of `part`'s relationships; [] when it has none."""
        folder, base = posixpath.split(part)
        name = posixpath.join(folder, "_rels", base + ".rels")
        if name not in self.members:
            return []
        out = []
        for rel in self.xml(name):
            if rel.tag != f"{{{_REL_NS}}}Relationship":
                continue
            mode = rel.get("TargetMode", "Internal")
            target = rel.get("Target", "")
            if mode == "Internal":
                target = _resolve(folder, target)
            out.append((rel.get("Type", ""), target, mode))
        return out


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a zip member name (targets are relative to the source part's folder)."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join("/" + folder, target)).lstrip("/")


def _declares_dtd(data: bytes) -> bool:
    """Whether the prolog (everything before the root element) contains a DOCTYPE."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            data = data[:65536].decode("utf-16", errors="ignore").encode("utf-8")
        except Exception:
            return True
    pos = 0
    n = len(data)
    while True:
        lt = data.find(b"<", pos)
        if lt < 0 or lt + 1 >= n:
            return False
        nxt = data[lt + 1 : lt + 2]
        if nxt == b"?":
            end = data.find(b"?>", lt)
            if end < 0:
                return False
            pos = end + 2
        elif data.startswith(b"<!--", lt):
            end = data.find(b"-->", lt)
            if end < 0:
                return False
            pos = end + 3
        return nxt == b"!"


def _read_parts(source: str, zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> Package:
    parts = _Parts(source, zf, members)
    main = _main_part(parts)
    document = MainPart(source, main, parts.checked(main))
    parts.check_doctype(main, document.root)
    if document.root.tag.startswith("{http://purl.oclc.org/ooxml"):
        raise _strict(source)
    if document.root.tag != f"{{{W}}}document":
        raise NotADocx(source, f"the main part {main} is not a Word document", hint=_SAVE_AS_DOCX)
    package = Package(source=source, document=document)
    for rel_type, target, mode in parts.rels(main):
        kind = rel_type.rsplit("/", 1)[-1]
        if mode != "Internal":
            continue
        if kind not in ("styles", "numbering", "header", "footer", "footnotes", "endnotes", "comments"):
            if kind in ("aFChunk", "subDocument"):
                package.warnings.append(f"embedded content ({kind}: {target}) is not read")
            continue
        if target not in members:
            continue  # a dangling relationship: Word ignores it, so do we
        root = parts.xml(target)
        if kind == "header":
            package.headers.append(root)
        elif kind == "footer":
            package.footers.append(root)
        else:
            setattr(package, kind, root)
    return package


def _strict(source: str) -> StrictOoxmlDocument:
    return StrictOoxmlDocument(
        source,
        "is saved as Strict Open XML, which clausecheck does not read",
        hint="open it in Word and use File > Save As > Word Document (.docx), not 'Strict Open XML Document'",
    )


def _main_part(parts: _Parts) -> str:
    """The main document part's name, from the package relationships and content types."""
    source, members = parts.source, parts.members
    if "mimetype" in members and "content.xml" in members:
        raise NotADocx(source, "is an OpenDocument file (.odt/.ods), not a Word .docx", hint=_SAVE_AS_DOCX)
    if "[Content_Types].xml" not in members:
        kind = _other_office_by_names(members)
        if kind:
            raise NotADocx(source, f"is {kind} renamed .docx", hint="give the agreement as a Word .docx file")
        if "word/document.xml" in members:
            raise CorruptDocument(
                source, "the package has no [Content_Types].xml", hint="open it in Word and save it again"
            )
        raise NotADocx(source, "is a zip archive, not a Word document (no word/document.xml)", hint=_SAVE_AS_DOCX)
    types = _content_types(parts)
    main = None
    if "_rels/.rels" in members:
        raw = parts.raw("_rels/.rels")
        if _STRICT_MARK in raw:
            raise _strict(source)
        for rel_type, target, mode in parts.rels(""):
            if rel_type.endswith("/officeDocument") and mode == "Internal":
                main = target
                break
    if main is None:
        kind = _other_office_by_names(members)
        if kind:
            raise NotADocx(source, f"is {kind} renamed .docx", hint="give the agreement as a Word .docx file")
        main = "word/document.xml"
    content_type = types.get(main, "")
    for marker, kind in _OTHER_OFFICE.items():
        if marker in content_type:
            raise NotADocx(source, f"is {kind} renamed .docx", hint="give the agreement as a Word .docx file")
    if main not in members:
        if main == "word/document.xml":
            raise NotADocx(source, "is a zip archive, not a Word document (no word/document.xml)", hint=_SAVE_AS_DOCX)
        raise CorruptDocument(
            source,
            f"the main document part {main} is missing",
            hint="the file is damaged; open it in Word and save it again",
        )
    if content_type and content_type not in _WORD_MAIN_TYPES:
        raise NotADocx(
            source, f"the main part has content type {content_type}, not a Word document", hint=_SAVE_AS_DOCX
        )
    return main


def _other_office_by_names(members: dict[str, zipfile.ZipInfo]) -> str | None:
    if "xl/workbook.xml" in members:
        return "a spreadsheet (.xlsx)"
    if "ppt/presentation.xml" in members:
        return "a presentation (.pptx)"
    return None


def _content_types(parts: _Parts) -> dict[str, str]:
    """Part name → content type, overrides over extension defaults."""
    root = parts.xml("[Content_Types].xml")
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    for el in root:
        if el.tag == f"{{{_CT_NS}}}Default":
            defaults[(el.get("Extension") or "").lower()] = el.get("ContentType", "")
        elif el.tag == f"{{{_CT_NS}}}Override":
            overrides[(el.get("PartName") or "").lstrip("/")] = el.get("ContentType", "")
    types = {}
    for name in parts.members:
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        types[name] = overrides.get(name, defaults.get(ext, ""))
    return types
