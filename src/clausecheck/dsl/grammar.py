"""The Lark parser for pack files, and Lark's errors turned into ours.

The parser is LALR with positions kept (fast, and conflicts surface when the
grammar is built rather than being resolved silently). It is built once per
process from `grammar/clausecheck.lark`, without Lark's cache: that cache lives
in the shared temp folder and is unpickled before it is validated. A Lark
error never leaves this module; it becomes a `PackSyntaxError` that says what
was expected and, where it can, what the author meant.
"""

from __future__ import annotations

import threading

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from clausecheck._lazy_re import lazy_compile
from clausecheck.dsl.diagnostics import confusable_hint, did_you_mean, one_of, syntax_error
from clausecheck.errors import PackSyntaxError
from clausecheck.resources import grammar_path

LANGUAGE_TAGS: dict[str, str | None] = {
    "zh-hans": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh": "zh-Hans",
    "en": "en",
    "any": None,
}
"""Language tags a term line may start with (case-insensitive); `zh` is simplified, `any` is every language."""

_TOKEN_NAMES = {
    "NAME": "a name",
    "STRING": 'a "quoted string"',
    "REGEX": "a /regular expression/",
    "INT": "a number",
    "AMEND": "'+=' or '-='",
    "REPLACE": "'='",
    "SENTENCE": "'sentence'",
    "$END": "the end of the file",
}
_NAME_CHAR = lazy_compile(r"[\w.\-]")
_NAME_START = lazy_compile(r"[^\W\d]")
_BRACES = lazy_compile(r'"(?:\\.|[^"\\\n])*"|/(?:\\.|[^/\\\n])+/|#[^\n]*|[{}]')
"""Strings, patterns and comments (skipped whole, so a brace inside them does not count) and braces."""
_DECLARATION = lazy_compile(
    r"^\s*(?:pack|party|topic|vocabulary|require|forbid|override|disable)\s+[^\s{]+\s*(?:\"|\+=|-=|=|\{)"
)
"""A line that starts a declaration: where a block left open before it shows up as an error."""
_FIELD = lazy_compile(
    r"^\s*(?:code|alias|status|topic|severity|bearer|bearing|binding|ambiguous|exemption|near|specific|applies"
    r"|cite|rationale|suggest|example|title|within|exclude|unless|by)\b"
)
"""A line that starts a rule or topic field: an error there, inside a term group left open, is that group's."""
_TERM_GROUP = lazy_compile(r"(?:near|specific|exclude|unless|by)(?:\s+[^\W\d][\w.\-]*)?\s*$")

_lock = threading.Lock()
_parser: Lark | None = None


def parser() -> Lark:
    """The process-wide parser (an LALR `Lark` is safe to share between threads)."""
    global _parser
    with _lock:
        if _parser is None:
            _parser = Lark(
                grammar_path().read_text(encoding="utf-8"),
                parser="lalr",
                propagate_positions=True,
                maybe_placeholders=False,
            )
        return _parser


def parse(text: str, file: str) -> Tree:
    """Parse a pack file's text; a syntax error becomes a `PackSyntaxError` pointing into `file`."""
    try:
        return parser().parse(text)
    except UnexpectedInput as e:
        raise _translate(e, text, file) from None


def _describe(terminal: str) -> str:
    if terminal in _TOKEN_NAMES:
        return _TOKEN_NAMES[terminal]
    pattern = parser().get_terminal(terminal).pattern
    return f"'{pattern.value}'"


def _keywords(expected: set[str]) -> list[str]:
    """The plain words among the expected terminals (the keywords a field or block may start with)."""
    words = []
    for name in expected:
        if name in _TOKEN_NAMES:
            continue
        value = parser().get_terminal(name).pattern.value
        if value.isalpha():
            words.append(value)
    return words


def _translate(e: UnexpectedInput, text: str, file: str) -> PackSyntaxError:
    line, column = max(e.line, 1), max(e.column, 1)
    at_end = isinstance(e, UnexpectedToken) and e.token.type == "$END"
    unclosed = _unclosed_brace(text, len(text) if at_end else _offset(text, line, 1))
    source = text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""
    if unclosed is not None and (
        at_end
        or _DECLARATION.match(source)
        or (_FIELD.match(source) and _TERM_GROUP.search(text, 0, _offset(text, *unclosed)))
    ):
        brace_line, brace_column = unclosed
        before = "the end of the file" if at_end else f"line {line}"
        return syntax_error(
            f"this '{{' is never closed: the block it opens runs on to {before}",
            file=file,
            text=text,
            line=brace_line,
            column=brace_column,
            hint=f"add '}}' where this block ends, before {before}",
        )
    if isinstance(e, UnexpectedCharacters):
        return _unexpected_character(e, text, file, line, column)
    assert isinstance(e, UnexpectedToken)
    token: Token = e.token
    expected = set(e.expected)
    if token.type == "$END":
        line, column = _end_position(text)
        return syntax_error(
            f"unexpected end of file; expected {one_of(_describe(t) for t in expected)}",
            file=file,
            text=text,
            line=line,
            column=column,
        )
    found = f"'{token.value}'"
    hint = None
    if expected <= {"STRING", "REGEX"}:
        hint = _term_hint(text, token)
    elif token.type == "NAME":
        keywords = _keywords(expected)
        hint = did_you_mean(str(token.value), keywords) if keywords else None
        if hint is None and keywords:
            hint = f"'{token.value}' is not a keyword here"
    elif token.type == "STRING" and "NAME" in expected:
        hint = "a name is written without quotes"
    return syntax_error(
        f"unexpected {found}; expected {one_of(_describe(t) for t in expected)}",
        file=file,
        text=text,
        line=line,
        column=column,
        hint=hint,
    )


def _unexpected_character(e: UnexpectedCharacters, text: str, file: str, line: int, column: int) -> PackSyntaxError:
    char = e.char
    hint = confusable_hint(char)
    if char == '"':
        hint = 'a string must close with " on the same line; write \\" for a quote inside it'
    elif char == "/":
        hint = "a regular expression is written /like this/ on one line"
    expected = {t for t in (e.allowed or ()) if not t.startswith("__")}
    wanted = f"; expected {one_of(_describe(t) for t in expected)}" if expected else ""
    return syntax_error(
        f"unexpected character {char!r}{wanted}", file=file, text=text, line=line, column=column, hint=hint
    )


def _term_hint(text: str, token: Token) -> str:
    """The parser wanted a term after a word: either the word is not a language tag or the term lacks quotes."""
    start = token.start_pos if token.start_pos is not None else len(text)
    word = _word_before(text, start)
    if word and word.casefold() not in LANGUAGE_TAGS:
        guess = did_you_mean(word, ["zh-Hans", "zh-Hant", "en", "any"])
        tags = "zh-Hans, zh-Hant, en or any"
        shown = word if len(word) <= 40 else word[:40] + "…"
        return f"a term line starts with a language tag ({tags}); '{shown}' is not one" + (
            f" — {guess}" if guess else ""
        )
    return 'write each term in double quotes ("...") or as a /regular expression/'


def _unclosed_brace(text: str, upto: int) -> tuple[int, int] | None:
    """(line, column) of the innermost '{' opened before offset `upto` and not closed by then."""
    stack: list[int] = []
    for match in _BRACES.finditer(text, 0, upto):
        if match.group() == "{":
            stack.append(match.start())
        elif match.group() == "}" and stack:
            stack.pop()
    if not stack:
        return None
    offset = stack[-1]
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _offset(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and column."""
    lines = text.splitlines(keepends=True)
    return sum(len(x) for x in lines[: line - 1]) + column - 1


def _word_before(text: str, end: int) -> str:
    """The name written just before `end` (spaces between allowed), read backwards from `end`.

    A search over everything before the error was quadratic: an error after a
    40,000-letter run took a minute to report.
    """
    while end > 0 and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and _NAME_CHAR.match(text[begin - 1]):
        begin -= 1
    while begin < end and not _NAME_START.match(text[begin]):  # a name starts with a letter or '_'
        begin += 1
    return text[begin:end]


def _end_position(text: str) -> tuple[int, int]:
    lines = text.splitlines() or [""]
    return len(lines), len(lines[-1]) + 1
