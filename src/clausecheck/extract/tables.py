"""Responsibility tables: a table that says which party bears each row's duty.

| 事项 | 甲方 | 乙方 |            | Item          | Responsible party |
| 劳保用品 |  | √ |              | Supply of PPE | Contractor        |

A row with a mark under a party column, or with a party named in a column
that names parties in most rows, becomes a binding duty of that party (of
both when both are marked or "双方" is written), quoted as its first cell.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from clausecheck.document.model import Block, Document
from clausecheck.extract.roles import Roles
from clausecheck.language.normalize import fold_text

# a cell that only numbers its row ("1", "2.", "（三）", "a)"): the duty is in another cell
_ROW_NUMBER = re.compile(r"[(（]?(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}|[A-Za-z])[)）.、．]?")


def _duty_cell(row: dict[int, Block], skip: set[int]) -> Block | None:
    """The cell that states a row's duty: the first with text outside the party columns that is more than
    the row's number."""
    cells = [b for c, b in sorted(row.items()) if c not in skip and b.text.strip()]
    return next((b for b in cells if not _ROW_NUMBER.fullmatch(b.text.strip())), None)


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


def _party_named(block: Block, roles: Roles, both: Callable[[str], bool]) -> tuple[str, str] | None:
    """The party a cell consists of ("乙方", "Contractor", "双方"), or None when it says more than a name."""
    text = fold_text(block.text).strip()
    if both(text):
        return "both", block.text.strip()
    found = roles.find(text)
    if len(found) == 1 and len(text) <= len(found[0][0].text) + 6:
        return found[0][1], block.text.strip()
    return None


def _marked(
    ordered: list[dict[int, Block]], roles: Roles, both: Callable[[str], bool], mark: Callable[[str], bool]
) -> list[TableDuty]:
    """| 事项 | 甲方 | 乙方 | with ✓ marks under the party that bears each row."""
    party_columns = {
        col: named
        for col, block in ordered[0].items()
        if (named := _party_named(block, roles, both)) and named[0] != "both"
    }
    if len({role for role, _ in party_columns.values()}) < 2:
        return []
    duties = []
    for row in ordered[1:]:
        marked = [party_columns[c] for c, b in row.items() if c in party_columns and mark(b.text)]
        cell = _duty_cell(row, set(party_columns))
        if not marked or cell is None:
            continue
        roles_marked = {role for role, _ in marked}
        role = roles_marked.pop() if len(roles_marked) == 1 else "both"
        duties.append(TableDuty(cell, cell.text.strip(), role, "、".join(w for _, w in marked)))
    return duties


def _named(ordered: list[dict[int, Block]], roles: Roles, both: Callable[[str], bool]) -> list[TableDuty]:
    """| Item | Responsible party | with the bearer's name in a column of its own."""
    body = ordered[1:]
    columns = sorted({c for row in body for c in row})
    for col in columns:
        named = [(row, _party_named(row[col], roles, both)) for row in body if col in row]
        hits = [(row, n) for row, n in named if n]
        if len(hits) < 2 or len(hits) * 2 < len(body):
            continue
        duties = []
        for row, (role, words) in hits:
            cell = _duty_cell(row, {col})
            if cell is not None:
                duties.append(TableDuty(cell, cell.text.strip(), role, words))
        return duties
    return []


def responsibility_rows(
    document: Document, roles: Roles, both: Callable[[str], bool], mark: Callable[[str], bool]
) -> list[TableDuty]:
    """Duties a table assigns: by marks under party columns, or by a column naming the bearer."""
    duties: list[TableDuty] = []
    for rows in _rows(document).values():
        ordered = [rows[i] for i in sorted(rows)]
        if len(ordered) >= 2:
            duties += _marked(ordered, roles, both, mark) or _named(ordered, roles, both)
    return duties
