"""Responsibility tables: columns are the parties, rows are duties, marks assign them.

| 事项 | 甲方 | 乙方 |            | Responsibility | Owner | Contractor |
| 劳保用品 |  | √ |              | Supply of PPE  |       | X          |

Each row with a mark under a party column becomes a binding duty of that
party (of both when both are marked), quoted as the row's first cell.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from clausecheck.document.model import Block, Document
from clausecheck.extract.roles import Roles
from clausecheck.language.normalize import fold_text

_MARK = re.compile(r"^\s*(?:[✓✔√●○■☑xX*＊]|负责|負責|承担|承擔|是|有|yes|y|responsible)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TableDuty:
    """One row of a responsibility table."""

    block: Block
    text: str
    role: str
    words: str


def _rows(document: Document) -> dict[tuple, dict[int, dict[int, Block]]]:
    tables: dict[tuple, dict[int, dict[int, Block]]] = defaultdict(lambda: defaultdict(dict))
    for block in document.blocks:
        cell = block.table
        if cell is None:
            continue
        row = tables[(cell.table, cell.path)][cell.row]
        if cell.col in row:  # several paragraphs in one cell: keep the first, append text
            first = row[cell.col]
            row[cell.col] = first.model_copy(update={"text": f"{first.text} {block.text}".strip()})
        else:
            row[cell.col] = block
    return tables


def responsibility_rows(document: Document, roles: Roles) -> list[TableDuty]:
    """Duties assigned by marks in tables whose header names the parties."""
    duties: list[TableDuty] = []
    for rows in _rows(document).values():
        ordered = [rows[i] for i in sorted(rows)]
        if len(ordered) < 2:
            continue
        header = ordered[0]
        party_columns: dict[int, tuple[str, str]] = {}
        for col, block in header.items():
            found = roles.find(fold_text(block.text))
            if len(found) == 1 and len(fold_text(block.text).strip()) <= len(found[0][0].text) + 6:
                party_columns[col] = (found[0][1], block.text.strip())
        if len({role for role, _ in party_columns.values()}) < 2:
            continue
        for row in ordered[1:]:
            marked = [party_columns[c] for c, b in row.items() if c in party_columns and _MARK.match(b.text)]
            text_cells = [b for c, b in sorted(row.items()) if c not in party_columns and b.text.strip()]
            if not marked or not text_cells:
                continue
            roles_marked = {role for role, _ in marked}
            role = roles_marked.pop() if len(roles_marked) == 1 else "both"
            duties.append(TableDuty(text_cells[0], text_cells[0].text.strip(), role, "、".join(w for _, w in marked)))
    return duties
