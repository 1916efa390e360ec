"""Responsibility tables: a table that says which party bears each row's duty.

| 事项 | 甲方 | 乙方 |            | Item          | Responsible party |
| 劳保用品 |  | √ |              | Supply of PPE | Contractor        |

| Activity      | Owner | Vendor |    | Client              | Contractor          |
| Issue permits | R, A  | C      |    | Give the asbestos … | Supply all PPE …    |

A row with a mark under a party column (a tick, 负责, or the R of a RACI
matrix), or with a party named in a column that names parties in most rows,
becomes a binding duty of that party (of both when both are marked or "双方"
is written), quoted as its first cell. In a table whose header names only
parties ("Client | Contractor", "甲方职责 | 乙方职责"), each cell is a duty of
its column's party.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from clausecheck._lazy_re import lazy_compile
from clausecheck.document.model import Block, Document
from clausecheck.extract.roles import Roles
from clausecheck.language.normalize import fold_text

# a cell that only numbers its row ("1", "2.", "（三）", "a)"): the duty is in another cell
_ROW_NUMBER = lazy_compile(r"[(（]?(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}|[A-Za-z])[)）.、．]?")
# a RACI cell: "R", "R, A", "A/R", "C", "I"; a party marked R carries out the row (A where no party is)
_RACI = lazy_compile(r"\s*[RACI](?:\s*[,/&;]?\s*[RACI])*\s*")
# what a party column's header adds to the party's name: "Client responsibilities", "甲方职责"
_COLUMN_OF_DUTIES = lazy_compile(
    r"(?:\s*['’]s)?\s+(?:responsibilities|obligations|duties|tasks)\s*$"
    r"|的?(?:责任|責任|职责|職責|义务|義務|工作内容|工作內容|负责事项|負責事項)\s*$",
    re.IGNORECASE,
)


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


def _party_columns(header: dict[int, Block], roles: Roles, both: Callable[[str], bool]) -> dict[int, tuple[str, str]]:
    """The header's columns that each name one party, by column; empty unless they name two sides."""
    columns = {
        col: named
        for col, block in header.items()
        if (named := _party_named(block, roles, both)) and named[0] != "both"
    }
    return columns if len({role for role, _ in columns.values()}) >= 2 else {}


def _raci(row: dict[int, Block], party_columns: dict[int, tuple[str, str]]) -> list[tuple[str, str]]:
    """The parties a RACI row makes do its work: those marked R, else those marked A."""
    letters = {c: set(re.findall(r"[RACI]", b.text)) for c, b in row.items() if c in party_columns}
    if not letters or not all(_RACI.fullmatch(row[c].text) for c in letters):
        return []
    for letter in ("R", "A"):
        marked = [party_columns[c] for c, found in letters.items() if letter in found]
        if marked:
            return marked
    return []


def _marked(
    ordered: list[dict[int, Block]], roles: Roles, both: Callable[[str], bool], mark: Callable[[str], bool]
) -> list[TableDuty]:
    """| 事项 | 甲方 | 乙方 | with ✓ marks (or RACI letters) under the party that bears each row."""
    party_columns = _party_columns(ordered[0], roles, both)
    if not party_columns:
        return []
    duties = []
    for row in ordered[1:]:
        marked = [party_columns[c] for c, b in row.items() if c in party_columns and mark(b.text)]
        marked = marked or _raci(row, party_columns)
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


def _by_column(ordered: list[dict[int, Block]], roles: Roles, both: Callable[[str], bool]) -> list[TableDuty]:
    """| Client | Contractor | (or | 甲方职责 | 乙方职责 |) whose every cell is a duty of its column's party."""
    header = {
        col: block.model_copy(update={"text": _COLUMN_OF_DUTIES.sub("", block.text.strip())})
        for col, block in ordered[0].items()
    }
    party_columns = _party_columns(header, roles, both)
    if len(party_columns) != len(header):
        return []
    return [
        TableDuty(cell, cell.text.strip(), *party_columns[col])
        for row in ordered[1:]
        for col, cell in sorted(row.items())
        if col in party_columns and cell.text.strip() and not _party_named(cell, roles, both)
    ]


def responsibility_rows(
    document: Document, roles: Roles, both: Callable[[str], bool], mark: Callable[[str], bool]
) -> list[TableDuty]:
    """Duties a table assigns: by marks under party columns, by a column naming the bearer, or by the column
    a duty stands in."""
    duties: list[TableDuty] = []
    for rows in _rows(document).values():
        ordered = [rows[i] for i in sorted(rows)]
        if len(ordered) >= 2:
            duties += (
                _marked(ordered, roles, both, mark) or _named(ordered, roles, both) or _by_column(ordered, roles, both)
            )
    return duties
