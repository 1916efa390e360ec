"""Raw .docx packages and OLE files for the reader's tests.

`docx_with` patches parts of a composed package for the markup the notation
does not cover (hand-written numbering.xml, Strict OOXML, DTDs); `ole_file`
writes a minimal OLE compound file, which is what both a legacy .doc and a
password-protected .docx are.
"""

from __future__ import annotations

import io
import struct
import zipfile

from clausecheck.testing.compose import compose_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def replace_parts(data: bytes, parts: dict[str, bytes | None]) -> bytes:
    """The package `data` with members replaced, added, or (None) removed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in parts:
                continue
            dst.writestr(info, src.read(info))
        for name, blob in parts.items():
            if blob is not None:
                dst.writestr(name, blob)
    return out.getvalue()


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)


def docx_with(body: str, numbering: str | None = None, styles: str = "") -> bytes:
    """A package whose body is the raw WordprocessingML `body` (and optional numbering.xml content, extra styles)."""
    base = compose_docx("1. x", auto_numbering=numbering is not None)
    document = (
        f'<w:document xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    ).encode()
    parts: dict[str, bytes | None] = {"word/document.xml": document}
    if numbering is not None:
        parts["word/numbering.xml"] = f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'.encode()
    if styles:
        old = part(base, "word/styles.xml").decode()
        parts["word/styles.xml"] = old.replace("</w:styles>", styles + "</w:styles>").encode()
    return replace_parts(base, parts)


def numbered(num_id: int | None, ilvl: int | None, text: str, style: str | None = None, extra: str = "") -> str:
    """A raw paragraph with direct numbering properties."""
    num = ""
    if num_id is not None or ilvl is not None:
        inner = (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + (
            f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        )
        num = f"<w:numPr>{inner}</w:numPr>"
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f"<w:p><w:pPr>{pstyle}{num}{extra}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def abstract(aid: int, *levels: tuple[str, str], start: int = 1, extra: str = "") -> str:
    """An abstractNum with levels given as (numFmt, lvlText)."""
    body = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{body}</w:abstractNum>'


def num(num_id: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


# --- OLE compound files -----------------------------------------------------------

_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A minimal CFB v3 file holding `streams` at the root (each padded to 4096 bytes: no mini stream)."""
    sector = 512
    data_sectors: list[bytes] = []
    starts, sizes = [], []
    fat: list[int] = []
    for blob in streams.values():
        blob = blob.ljust(4096, b"\0")
        count = -(-len(blob) // sector)
        start = len(data_sectors)
        starts.append(start)
        sizes.append(len(blob))
        for i in range(count):
            data_sectors.append(blob[i * sector : (i + 1) * sector].ljust(sector, b"\0"))
            fat.append(start + i + 1 if i < count - 1 else _END)
    entries = [_dir_entry("Root Entry", 5, child=1 if streams else _FREE, start=_END, size=0)]
    names = list(streams)
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else _FREE
        entries.append(_dir_entry(name, 2, right=right, start=starts[i], size=sizes[i]))
    while len(entries) % 4:
        entries.append(b"\0" * 64 + struct.pack("<H", 0) + b"\0" * 62)
    directory = b"".join(entries)
    dir_start = len(data_sectors)
    dir_count = len(directory) // sector
    for i in range(dir_count):
        data_sectors.append(directory[i * sector : (i + 1) * sector])
        fat.append(dir_start + i + 1 if i < dir_count - 1 else _END)
    fat_sector_index = len(data_sectors)
    fat.append(_FAT)
    fat += [_FREE] * (128 - len(fat))
    data_sectors.append(struct.pack("<128I", *fat))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, dir_start, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<109I", fat_sector_index, *([_FREE] * 108))
    )
    return header + b"".join(data_sectors)


def _dir_entry(name: str, kind: int, *, child: int = _FREE, right: int = _FREE, start: int, size: int) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0"
    return (
        raw.ljust(64, b"\0")
        + struct.pack("<HBB", len(raw), kind, 1)
        + struct.pack("<III", _FREE, right, child)
        + b"\0" * 16
        + b"\0" * 4
        + b"\0" * 16
        + struct.pack("<IQ", start, size)
    )
