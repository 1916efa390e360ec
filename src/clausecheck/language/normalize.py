"""Normalised text for matching, with a way back to the original words.

Agreements mix full-width and half-width forms, traditional and simplified
characters, and odd spaces. Matching runs on a folded copy (NFKC, traditional
folded to simplified, case-folded, spaces unified) so one lexicon serves all
three languages; reports quote the original, so every folded character keeps
the offset of the original character it came from.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SPACES = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_local = threading.local()


def _t2s(text: str) -> str:
    # OpenCC converters are not documented as thread-safe: one per thread.
    converter = getattr(_local, "t2s", None)
    if converter is None:
        import opencc

        converter = _local.t2s = opencc.OpenCC("t2s")
    return converter.convert(text)


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and, for each folded character, the offset of its original character."""

    text: str
    offsets: tuple[int, ...]
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering folded characters [start, end)."""
        if start >= len(self.offsets):
            return len(self.original), len(self.original)
        first = self.offsets[start]
        last = self.offsets[end - 1] + 1 if end > start else first
        return first, last

    def original_words(self, start: int, end: int) -> str:
        """The original text behind folded characters [start, end)."""
        a, b = self.span(start, end)
        return self.original[a:b]


def _fold_char(ch: str) -> str:
    if _SPACES.fullmatch(ch):
        return " "
    return unicodedata.normalize("NFKC", ch).casefold()


def fold(text: str) -> Folded:
    """Fold `text` for matching and keep the way back to the original offsets."""
    pieces: list[str] = []
    offsets: list[int] = []
    previous_space = False
    for i, ch in enumerate(text):
        out = _fold_char(ch)
        if out == " ":
            if previous_space:
                continue
            previous_space = True
        else:
            previous_space = False
        pieces.append(out)
        offsets.extend([i] * len(out))
    folded = "".join(pieces)
    simplified = _t2s(folded) if _has_han(folded) else folded
    if len(simplified) != len(folded):
        # OpenCC replaced a phrase by one of a different length: convert per character.
        simplified = "".join(_t2s_char(c) for c in folded)
    return Folded(simplified, tuple(offsets), text)


@lru_cache(maxsize=8192)
def _t2s_char(ch: str) -> str:
    out = _t2s(ch)
    return out if len(out) == 1 else ch


def _has_han(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in text)


def fold_text(text: str) -> str:
    """Only the folded text; for terms and short strings."""
    return fold(text).text
