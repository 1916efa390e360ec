"""Error messages a pack author can act on.

Every pack error names `file:line:column`, shows the line with a caret under
the spot, says what was expected and, where we can guess, gives a hint. Packs
are often written on Chinese systems, so the caret is placed by display width
(a CJK character takes two terminal cells) and full-width punctuation typed by
mistake is named together with the ASCII character meant.
"""

from __future__ import annotations

import difflib
import os
import unicodedata
from collections.abc import Iterable

from clausecheck.errors import PackResolutionError, PackSyntaxError

CONFUSABLES: dict[str, str] = {
    "“": '"',
    "”": '"',
    "„": '"',
    "「": '"',
    "」": '"',
    "『": '"',
    "』": '"',
    "‘": "'",
    "’": "'",
    "＝": "=",
    "（": "(",
    "）": ")",
    "｛": "{",
    "｝": "}",
    "：": ":",
    "，": ",",
    "、": ",",
    "；": ";",
    "｜": "|",
    "＋": "+",
    "－": "-",
    "／": "/",
    "＃": "#",
    "．": ".",
    "。": ".",
}
"""Full-width or typographic characters and the ASCII character a pack needs instead."""
_CONTEXT = 60
"""characters shown on each side of the caret when the line is long"""


def display_width(text: str) -> int:
    """Terminal cells `text` takes: wide and full-width characters count two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def caret_context(text: str, line: int, column: int) -> str:
    """The source line numbered as in an editor, with a caret under `column` (1-based, code points)."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    source = lines[line - 1].replace("\t", " ")
    column = max(column, 1)
    if len(source) > 2 * _CONTEXT:  # a line of megabytes: show the stretch around the column
        start = max(column - 1 - _CONTEXT, 0)
        shown = source[start : column - 1 + _CONTEXT]
        source = ("…" if start else "") + shown + ("…" if start + len(shown) < len(source) else "")
        column = column - start + (1 if start else 0)
    gutter = f"{line:>4} | "
    pad = display_width(source[: column - 1])
    return f"{gutter}{source}\n{' ' * (len(gutter) - 2)}| {' ' * pad}^"


def confusable_hint(char: str) -> str | None:
    """Name the ASCII character meant by a full-width or curly one."""
    ascii_char = CONFUSABLES.get(char)
    if ascii_char is None:
        if unicodedata.east_asian_width(char) == "F":
            ascii_char = unicodedata.normalize("NFKC", char)
        else:
            return None
    name = unicodedata.name(char, "full-width character").lower()
    return f"'{char}' ({name}) is not ASCII: use '{ascii_char}' instead (switch the input method to half-width)"


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A 'did you mean' hint naming the closest candidates, if any is close."""
    pool = sorted(set(candidates))
    close = difflib.get_close_matches(word, pool, n=3, cutoff=0.6)
    if not close:
        folded = {c.casefold(): c for c in pool}
        close = [folded[m] for m in difflib.get_close_matches(word.casefold(), list(folded), n=3, cutoff=0.6)]
    if not close:
        return None
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


def one_of(names: Iterable[str]) -> str:
    """'a', 'b' or 'c' — for 'expected ...' messages."""
    items = sorted(set(names))
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " or " + items[-1]


def shown(file: str) -> str:
    """A file name as the author knows it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(file)
    except ValueError:  # another drive on Windows
        return file
    return file if relative.startswith("..") else relative


def syntax_error(
    message: str, *, file: str, text: str, line: int, column: int, hint: str | None = None
) -> PackSyntaxError:
    """A positioned syntax error with the caret context drawn from `text`."""
    return PackSyntaxError(
        message, file=shown(file), line=line, column=column, context=caret_context(text, line, column), hint=hint
    )


def resolution_error(
    message: str, *, file: str, text: str, line: int, column: int, hint: str | None = None
) -> PackResolutionError:
    """A positioned error found while resolving a pack (unknown topic, cycle, duplicate id...)."""
    return PackResolutionError(
        message, file=shown(file), line=line, column=column, context=caret_context(text, line, column), hint=hint
    )
