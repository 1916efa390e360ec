"""Normalised text for matching, with a way back to the original words.

Agreements mix full-width and half-width forms, traditional and simplified
characters, and odd spaces. Matching runs on a folded copy (NFKC, traditional
folded to simplified, spaces unified) so one lexicon serves all
three languages; reports quote the original, so every folded character keeps
the offset of the original character it came from.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from clausecheck._lazy_re import lazy_compile
from clausecheck.types import Lang

_SPACES = lazy_compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_local = threading.local()


def opencc_converter(config: str):
    """This thread's OpenCC converter for `config` ("t2s", "s2t"): converters are not documented as thread-safe."""
    converters = getattr(_local, "converters", None)
    if converters is None:
        converters = _local.converters = {}
    converter = converters.get(config)
    if converter is None:
        import opencc

        converter = converters[config] = opencc.OpenCC(config)
    return converter


def _t2s(text: str) -> str:
    return opencc_converter("t2s").convert(text)


class Folded(NamedTuple):
    """Folded text and, for each folded character, the offset of its original character.

    A named tuple: every sentence part and block is folded, and a tuple is built
    at a third of the cost of a frozen dataclass.
    """

    text: str
    offsets: tuple[int, ...] | None
    """None when folding kept every character in place (the common case)."""
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering folded characters [start, end)."""
        if self.offsets is None:
            return start, end
        if start >= len(self.offsets):
            return len(self.original), len(self.original)
        first = self.offsets[start]
        last = self.offsets[end - 1] + 1 if end > start else first
        return first, last

    def original_words(self, start: int, end: int) -> str:
        """The original text behind folded characters [start, end)."""
        a, b = self.span(start, end)
        return self.original[a:b]


_SPACE_TABLE = {ord(c): " " for c in "\t\n\r\x0b\x0c\u3000\u00a0\u200b\ufeff\u2002\u2003\u2009"}
# the same characters as patterns: a `str.translate` with a dict costs a lookup per character of non-ASCII text
_ODD_SPACES = lazy_compile("[" + "".join(map(chr, _SPACE_TABLE)) + "]")
_ASCII_SPACES = lazy_compile("[\t\n\r\x0b\x0c]")


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    if _SPACES.fullmatch(ch):
        return " "
    return unicodedata.normalize("NFKC", ch)


def fold(text: str) -> Folded:
    """Fold `text` for matching and keep the way back to the original offsets.

    Letter case is kept: names are matched by case ("Company" the party, not
    "a company"), terms case-insensitively. Spaces become one space each
    (not collapsed), so usually every character stays in place.
    """
    if text.isascii():  # NFKC keeps ASCII as it is, and there is no Chinese to simplify
        return Folded(text.translate(_SPACE_TABLE) if _ASCII_SPACES.search(text) else text, None, text)
    folded = _ODD_SPACES.sub(" ", unicodedata.normalize("NFKC", text))
    offsets: tuple[int, ...] | None = None
    if len(folded) != len(text):
        # some character expanded or merged (㈠ -> (一)): fold one character at a time
        pieces: list[str] = []
        positions: list[int] = []
        for i, ch in enumerate(text):
            out = _fold_char(ch)
            pieces.append(out)
            positions.extend([i] * len(out))
        folded = "".join(pieces)
        offsets = tuple(positions)
    return Folded(_simplified(folded), offsets, text)


def _simplified(folded: str) -> str:
    simplified = _t2s(folded) if has_han(folded) else folded
    if len(simplified) != len(folded):
        # OpenCC replaced a phrase by one of a different length: convert per character.
        simplified = "".join(_t2s_char(c) for c in folded)
    return simplified


@lru_cache(maxsize=8192)
def _t2s_char(ch: str) -> str:
    out = _t2s(ch)
    return out if len(out) == 1 else ch


_HAN = lazy_compile("[\u3400-\u9fff\uf900-\ufaff]")


def has_han(text: str) -> bool:
    """Whether `text` has Chinese characters (simplified or traditional)."""
    return not text.isascii() and _HAN.search(text) is not None  # most English text is ASCII: told at once


def matching_lang(text: str) -> Lang:
    """The language a lexicon matches `text` in: "zh-Hans" for any Chinese (folded to simplified), else "en"."""
    return "zh-Hans" if has_han(text) else "en"


_FOLD_PIECE = 1 << 16
"""characters folded at a time in a long non-ASCII text"""


def fold_text(text: str) -> str:
    """Only the folded text; for terms, short strings and a whole agreement.

    A long text is folded a piece at a time, each ending at a line break,
    where folding depends on nothing either side (NFKC composes nothing
    across it, and no OpenCC phrase holds a space): whole, the normalised,
    respaced and converted copies and OpenCC's buffers took 6 MB for a
    300-page agreement, the largest allocation of a check. Where a piece
    does not fold character for character, the whole text is folded as one,
    so the result is always the same.
    """
    if len(text) <= _FOLD_PIECE or text.isascii():
        return fold(text).text
    pieces = []
    start = 0
    while start < len(text):
        newline = text.find("\n", start + _FOLD_PIECE)
        end = len(text) if newline < 0 else newline + 1
        piece = text[start:end]
        folded = _ODD_SPACES.sub(" ", unicodedata.normalize("NFKC", piece))
        simplified = _t2s(folded) if has_han(folded) else folded
        if len(folded) != len(piece) or len(simplified) != len(folded):
            return fold(text).text  # a character expanded or merged, or a phrase changed length
        pieces.append(simplified)
        start = end
    return "".join(pieces)
