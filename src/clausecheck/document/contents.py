"""Tables of contents typed into the body: they list clauses, they are not clauses.

A table of contents repeats every heading with its number ("ARTICLE 1
DEFINITIONS 2", "Exhibit A Service Fees"). Read as clauses, its entries open
a second "Article 1" and, worse, an "Exhibit A" annex under which the whole
agreement would be filed. Word's own tables of contents use the `TOC 1`…
styles; converted or hand-made ones only have a title. Either way the list
ends where the body begins: at the second appearance of its first numbered
entry. Without that second appearance nothing is treated as a contents list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from clausecheck._lazy_re import lazy_compile

_TITLE = lazy_compile(r"^(?:table\s*of\s*contents|contents|目\s*录|目\s*錄)(?:\s*page)?$", re.IGNORECASE)
_TOC_STYLE = lazy_compile(r"^(?:toc\s*\d|contents\s*\d)$", re.IGNORECASE)
_LOOK_FOR_FIRST = 50
"""how many paragraphs after the title may pass before the first numbered entry"""


def contents_entries(rows: Sequence[tuple[str, str, str | None]]) -> set[int]:
    """Indexes of the rows (style name, full text, label citation) that belong to a table of contents."""
    entries = {i for i, (style, _, _) in enumerate(rows) if _TOC_STYLE.match(style.strip())}
    for i, (style, text, _) in enumerate(rows):
        if not (_TITLE.match(text.strip()) or style.strip().lower() == "toc heading"):
            continue
        first = next((j for j in range(i + 1, min(len(rows), i + _LOOK_FOR_FIRST)) if rows[j][2]), None)
        if first is None:
            continue
        cite = rows[first][2]
        body = next((k for k in range(first + 1, len(rows)) if rows[k][2] == cite), None)
        if body is not None:
            entries.update(range(i, body))
    return entries
