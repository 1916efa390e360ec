"""Agreements shaped to cost time or memory: one generator per shape that once did.

Each builds a real, valid .docx whose size is set by one number, so the
budget tests run them at sizes that take a second and `bench/hostile_bench.py`
at the sizes that used to take minutes and gigabytes (`docs/security.md`).
They are small files with a large cost, which is what an untrusted
counterparty can send: duties assigned to both parties over and over, list
numbering that starts at two billion, labels nested hundreds deep, one
paragraph of megabytes, tens of thousands of paragraphs, wide tables.
"""

from __future__ import annotations

import io
import random
import re
import zipfile

from clausecheck.testing.compose import compose_docx

_PREAMBLE = (
    'This Agreement is made between Harbourview Logistics Limited (the "Customer") and '
    'Kestrel Engineering Services Ltd (the "Supplier").'
)
_DUTY = "The {party} shall provide personal protective equipment to the personnel working at the Site."
_SENTENCES = (
    "The Supplier shall provide the Services in accordance with the Service Levels.",
    "The Customer shall pay each undisputed invoice within thirty (30) days of receipt, e.g. by transfer.",
    "Either Party may terminate this Agreement on notice; the notice shall be in writing: signed by a director.",
    "The Supplier shall provide its personnel with personal protective equipment at its own cost.",
    "The Supplier should provide personal protective equipment where appropriate.",
)
_ZH_SENTENCES = (
    "乙方应当为其人员提供个人防护用品。",
    "甲方应当在乙方人员进场前告知现场危险；乙方应当遵守现场安全规定。",
    "双方应当按照附件三的约定结算服务费用：每月结算一次。",
)


def conflicting_duties(k: int) -> bytes:
    """`k` clauses putting one duty on the Customer and `k` putting it on the Supplier."""
    lines = [_PREAMBLE]
    lines += [f"{i + 1}. {_DUTY.format(party='Customer')}" for i in range(k)]
    lines += [f"{k + i + 1}. {_DUTY.format(party='Supplier')}" for i in range(k)]
    return compose_docx("\n".join(lines))


def numbering_start(fmt: str, start: int, paragraphs: int = 3) -> bytes:
    """A list in Word number format `fmt` whose first item is numbered `start`."""
    lines = [_PREAMBLE] + [f"{i + 1}. {_SENTENCES[i % len(_SENTENCES)]}" for i in range(paragraphs)]
    data = compose_docx("\n".join(lines), auto_numbering=True)
    numbering = _part(data, "word/numbering.xml").decode()
    first_level = re.compile(r'(<w:lvl w:ilvl="0">)<w:start w:val="\d+"/><w:numFmt w:val="\w+"/>')
    numbering = first_level.sub(rf'\1<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>', numbering, count=1)
    return _replace(data, "word/numbering.xml", numbering.encode())


def nested_labels(depth: int) -> bytes:
    """Decimal clause labels one level deeper each paragraph: `1`, `1.1`, `1.1.1`, … `depth` levels."""
    lines = [_PREAMBLE] + [f"{'.'.join(['1'] * (i + 1))} {_SENTENCES[i % len(_SENTENCES)]}" for i in range(depth)]
    return compose_docx("\n".join(lines))


def long_paragraph(chars: int, *, chinese: bool = False, seed: int = 0) -> bytes:
    """One paragraph of about `chars` characters of sentences (English or Chinese).

    The sentences are varied by a seeded random choice (a reference number in
    each), so the file compresses like prose rather than like a zip bomb.
    """
    rnd = random.Random(seed)
    units = _ZH_SENTENCES if chinese else _SENTENCES
    pieces: list[str] = []
    total = 0
    while total < chars:
        piece = f"{rnd.choice(units)} ({rnd.randrange(10**6)})" + ("" if chinese else " ")
        pieces.append(piece)
        total += len(piece)
    return compose_docx(f"{_PREAMBLE}\n1. {''.join(pieces)[:chars]}")


def many_paragraphs(n: int) -> bytes:
    """`n` paragraphs of ordinary clauses in one automatically numbered list."""
    lines = [_PREAMBLE] + [f"{i + 1}. {_SENTENCES[i % len(_SENTENCES)]}" for i in range(n)]
    return compose_docx("\n".join(lines), auto_numbering=True)


def many_findings(n: int) -> bytes:
    """`n` numbered clauses each excluding liability for injury at another site: `n` void clauses to comment on."""
    lines = [_PREAMBLE] + [
        f"{i + 1}. The Supplier shall not be liable for any death or personal injury at Site {i + 1}, however caused."
        for i in range(n)
    ]
    return compose_docx("\n".join(lines), auto_numbering=True)


def large_table(rows: int, cols: int, seed: int = 0) -> bytes:
    """A responsibility table of `rows` rows and `cols` columns (cells varied, so it compresses like prose)."""
    rnd = random.Random(seed)
    lines = [_PREAMBLE, "| " + " | ".join(f"Column {c}" for c in range(cols)) + " |"]
    for _ in range(rows):
        cells = (f"{rnd.choice(_SENTENCES)} ({rnd.randrange(10**6)})" for _ in range(cols))
        lines.append("| " + " | ".join(cells) + " |")
    return compose_docx("\n".join(lines))


def terminal_controls() -> bytes:
    """Clauses at fault quoting a right-to-left override (U+202E) and a C1 control (U+009B, a terminal escape)."""
    return compose_docx(
        f"{_PREAMBLE}\n1. The Supplier shall not be liable for any death or personal injury, \u202ehowever caused.\n"
        "2. The Customer shall not be liable for any damage to property caused by its gross negligence\u009b31m."
    )


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)


def _replace(data: bytes, name: str, blob: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, blob if info.filename == name else src.read(info))
    return out.getvalue()
