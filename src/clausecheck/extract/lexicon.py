"""A pack's terms compiled to regular expressions over folded text.

Terms are folded the same way as agreement text (NFKC, case, traditional to
simplified) so one zh-Hans term matches zh-Hant text too. English literal
terms match whole words only; Chinese ones anywhere. Each language gets its
own alternation, longest term first, so the longest wording wins where two
overlap ("shall not" over "shall").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clausecheck._identity_cache import IdentityCache
from clausecheck.document.model import Lang
from clausecheck.dsl.model import Pack, Term
from clausecheck.language.normalize import fold_text

_WORDISH = re.compile(r"\w", re.ASCII)


def _literal_pattern(text: str) -> str:
    folded = fold_text(text)
    body = re.escape(folded).replace(r"\ ", r"\s+")
    if _WORDISH.match(folded[:1]):
        body = r"(?<![A-Za-z0-9_])" + body
    if _WORDISH.match(folded[-1:]):
        body = body + r"(?![A-Za-z0-9_])"
    return body


def _pattern(term: Term) -> str:
    return f"(?:{term.text})" if term.regex else _literal_pattern(term.text)


@dataclass(frozen=True, slots=True)
class Hit:
    """A match in folded text."""

    start: int
    end: int
    text: str


class TermSet:
    """Terms of one topic, vocabulary or party, matchable per language."""

    __slots__ = ("_by_lang",)

    def __init__(self, terms: tuple[Term, ...]) -> None:
        by_lang: dict[Lang | None, list[Term]] = {}
        for term in terms:
            by_lang.setdefault(term.lang, []).append(term)
        compiled: dict[Lang, re.Pattern[str] | None] = {}
        for lang in ("en", "zh-Hans", "zh-Hant"):
            chosen = by_lang.get(lang, []) + by_lang.get(None, [])
            if lang == "zh-Hant":
                chosen += by_lang.get("zh-Hans", [])
            elif lang == "zh-Hans":
                chosen += by_lang.get("zh-Hant", [])
            patterns = sorted({_pattern(t) for t in chosen}, key=len, reverse=True)
            compiled[lang] = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None
        self._by_lang = compiled

    def __bool__(self) -> bool:
        return any(p is not None for p in self._by_lang.values())

    def find(self, text: str, lang: Lang) -> list[Hit]:
        """Every non-overlapping match in folded `text`."""
        pattern = self._by_lang[lang]
        if pattern is None:
            return []
        return [Hit(m.start(), m.end(), m.group()) for m in pattern.finditer(text) if m.end() > m.start()]

    def first(self, text: str, lang: Lang) -> Hit | None:
        pattern = self._by_lang[lang]
        m = pattern.search(text) if pattern is not None else None
        return Hit(m.start(), m.end(), m.group()) if m else None

    def search(self, text: str, lang: Lang) -> bool:
        pattern = self._by_lang[lang]
        return pattern is not None and pattern.search(text) is not None


class Lexicon:
    """Every term of a pack, compiled once and shared by all documents."""

    def __init__(self, pack: Pack) -> None:
        self.topics = {tid: TermSet(t.terms) for tid, t in pack.topics.items()}
        self.topic_near = {tid: [TermSet(g) for g in t.near] for tid, t in pack.topics.items()}
        self.topic_exclude = {tid: TermSet(t.exclude) for tid, t in pack.topics.items()}
        self.vocab = {name: TermSet(terms) for name, terms in pack.vocabularies.items()}
        self.parties = {pid: TermSet(p.terms) for pid, p in pack.parties.items()}
        self.rule_near = {r.id: [TermSet(g) for g in r.near] for r in pack.rules if getattr(r, "near", ())}
        self.rule_specific = {r.id: [TermSet(g) for g in r.specific] for r in pack.rules if getattr(r, "specific", ())}

    def words(self, name: str) -> TermSet:
        """A vocabulary; an empty one when the pack does not define it."""
        return self.vocab.get(name) or _EMPTY


_EMPTY = TermSet(())

lexicon: IdentityCache[Pack, Lexicon] = IdentityCache(Lexicon)
"""The compiled lexicon of a pack, built once per pack object."""
