"""A pack's terms compiled for matching: one pass over a sentence finds them all.

A pack has a few dozen term sets (topics, their `near` and `exclude` groups,
vocabularies) with hundreds of words, and a long agreement has thousands of
sentence parts; a regular expression per set per part costs seconds. So all
literal terms of a language go into one Aho-Corasick automaton
(pyahocorasick), and a part is scanned once. Regex terms run only where a
literal they cannot match without (their "trigger", read from the pattern)
occurs, or always when the pattern has none.

Terms are folded the same way as agreement text (NFKC, traditional to
simplified; regex terms arrive folded from the rule language), and matching
ignores case. English literal terms match whole words only; Chinese ones
anywhere. Within one set the leftmost, then longest, match wins and matches
do not overlap, so "shall not" beats "shall".

Pack regexes are written by other teams and run on untrusted text, so they
run on the `regex` engine with the agreement's remaining time budget as
their timeout (`clausecheck.budget`): a pattern that backtracks for ever
ends the agreement with `BudgetExceeded` instead of hanging the process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import ahocorasick
import regex as timed_re

from clausecheck._identity_cache import IdentityCache
from clausecheck._lazy_re import lazy_compile
from clausecheck.budget import overrun, remaining
from clausecheck.dsl import analysis
from clausecheck.dsl.model import ForbidRule, Pack, RequireRule, Term
from clausecheck.language.normalize import fold_text
from clausecheck.types import Lang

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
"""what English literal terms may not touch (matched on lower-case text): whole words only"""
_SPACE_RUN = lazy_compile(r"\s{2,}")
_ODD_SPACE = lazy_compile(r"[^\S ]")
"""a space other than " " """
_PLURAL = lazy_compile(r"e?s(?![a-z0-9_])")

PLACED = frozenset({"annex_noun", "reference_lead", "definition_verb", "not_a_party", "other_parties"})
"""Vocabularies only ever read at a position, as one regular expression (`Lexicon.alternation`, used by
`clausecheck.extract.positions` and the roles): no scan looks for them. They stay out of the automaton, where
their short common words ("the", "it", "other") would cost every scan thousands of matches to weigh."""


_patterns: dict[str, timed_re.Pattern[str]] = {}


def _pattern(source: str) -> timed_re.Pattern[str]:
    """A pack pattern, compiled when it first has to run: most never do on a given agreement."""
    compiled = _patterns.get(source)
    if compiled is None:
        compiled = _patterns[source] = timed_re.compile(source, timed_re.IGNORECASE)
    return compiled


class Hit(NamedTuple):
    """A match in folded text: offsets and the words as the text has them (a named tuple: scans build tens of
    thousands, at a third of the cost of a frozen dataclass)."""

    start: int
    end: int
    text: str


def _terms_for(terms: tuple[Term, ...], lang: Lang) -> list[Term]:
    """zh-Hans and zh-Hant terms serve both Chinese scripts: text is folded to simplified before matching."""
    chinese = lang != "en"
    return [t for t in terms if t.lang is None or t.lang == lang or (chinese and t.lang in ("zh-Hans", "zh-Hant"))]


class TermSet:
    """One topic's, group's or vocabulary's terms; matched through a `Scan`."""

    __slots__ = ("empty", "index", "regexes", "untriggered")

    def __init__(self, index: int, terms: tuple[Term, ...]) -> None:
        self.index = index
        self.empty = not terms
        # per language: (number, compiled pattern, trigger literals or None when it must always run)
        self.regexes: dict[Lang, list[tuple[int, str, frozenset[str] | None]]] = {}
        # languages in which some pattern has no trigger and must run on every text
        self.untriggered: set[Lang] = set()

    def __bool__(self) -> bool:
        return not self.empty


class Lexicon:
    """Every term of a pack, compiled once and shared by all documents."""

    def __init__(self, pack: Pack) -> None:
        self._sets: list[tuple[TermSet, tuple[Term, ...]]] = []
        self.topics = {tid: self._add(t.terms) for tid, t in pack.topics.items()}
        self.topic_near = {tid: [self._add(g) for g in t.near] for tid, t in pack.topics.items()}
        self.topic_window = {tid: t.window for tid, t in pack.topics.items()}
        self.topic_exclude = {tid: self._add(t.exclude) for tid, t in pack.topics.items()}
        self.topic_unless = {tid: self._add(t.unless) for tid, t in pack.topics.items()}
        self.topic_by = {
            tid: {party: self._add(terms) for party, terms in t.by.items()} for tid, t in pack.topics.items()
        }
        self.vocab = {name: self._add(terms) for name, terms in pack.vocabularies.items() if name not in PLACED}
        self._vocab_terms = dict(pack.vocabularies)
        self.parties = {pid: self._add(p.terms) for pid, p in pack.parties.items()}
        self.rule_near = {
            r.id: [self._add(g) for g in r.near] for r in pack.rules if isinstance(r, ForbidRule) and r.near
        }
        self.rule_specific = {
            r.id: [self._add(g) for g in r.specific] for r in pack.rules if isinstance(r, RequireRule) and r.specific
        }
        self._empty = self._add(())
        self._automata: dict[Lang, ahocorasick.Automaton | None] = {}
        self._subsets: dict[tuple[int, ...], Subset] = {}

    def _add(self, terms: tuple[Term, ...]) -> TermSet:
        term_set = TermSet(len(self._sets), terms)
        self._sets.append((term_set, terms))
        return term_set

    def automaton(self, lang: Lang) -> ahocorasick.Automaton | None:
        """Every literal term and pattern trigger of one language, built when a text of it is first scanned.

        An English agreement never needs the Chinese terms folded (which loads
        OpenCC) nor their patterns compiled; the two Chinese scripts share one
        (their text is folded to simplified, and their terms serve both).
        """
        if lang not in self._automata:
            if lang != "en" and any(other != "en" for other in self._automata):
                twin = next(other for other in self._automata if other != "en")
                for term_set, _ in self._sets:
                    term_set.regexes[lang] = term_set.regexes[twin]
                    if twin in term_set.untriggered:
                        term_set.untriggered.add(lang)
                self._automata[lang] = self._automata[twin]
            else:
                self._compile(lang)
                self._automata[lang] = self._automaton(lang, self._sets)
        return self._automata[lang]

    def _compile(self, lang: Lang) -> None:
        """Each set's patterns for one language, with the literals each cannot match without (compiled only
        when one first has to run)."""
        for term_set, terms in self._sets:
            regexes: list[tuple[int, str, frozenset[str] | None]] = []
            for term in _terms_for(terms, lang):
                if term.regex:
                    regexes.append((len(regexes), term.text, analysis.triggers(term.text)))
            term_set.regexes[lang] = regexes
            if any(triggers is None for _, _, triggers in regexes):
                term_set.untriggered.add(lang)

    def _automaton(self, lang: Lang, sets: list[tuple[TermSet, tuple[Term, ...]]]) -> ahocorasick.Automaton | None:
        """The literal terms and regex triggers of `sets` in one language, each mapped to the sets that want it."""
        literals: dict[str, list[tuple[int, int]]] = {}  # word -> (set index, regex number or -1 for a term)
        for term_set, terms in sets:
            for term in _terms_for(terms, lang):
                word = "" if term.regex else analysis.word(term.text)
                if word:
                    literals.setdefault(word, []).append((term_set.index, -1))
            for number, _, triggers in term_set.regexes[lang]:
                for literal in triggers or ():
                    literals.setdefault(literal, []).append((term_set.index, number))
        if not literals:
            return None
        automaton = ahocorasick.Automaton()
        for word, wanted in literals.items():
            triggered = tuple((i, regex) for i, regex in wanted if regex >= 0)
            automaton.add_word(
                word,
                (
                    len(word),
                    word[0] in _WORD_CHARS,
                    word[-1] in _WORD_CHARS,
                    tuple(i for i, regex in wanted if regex < 0),
                    triggered,
                    tuple(i for i, _ in triggered),
                ),
            )
        automaton.make_automaton()
        return automaton

    def alternation(self, name: str) -> str:
        """A vocabulary as one regular-expression alternation (literal terms escaped, patterns as written),
        for checks tied to a position: "a kind of party right before this name"."""
        parts = [t.text if t.regex else re.escape(fold_text(t.text)) for t in self._vocab_terms.get(name, ())]
        return "|".join(sorted(parts, key=len, reverse=True)) or "(?!)"

    def words(self, name: str) -> TermSet:
        """A vocabulary; an empty set when the pack does not define it."""
        term_set = self.vocab.get(name)
        if term_set is None:
            if name in PLACED:
                raise ValueError(f"vocabulary {name!r} is read at a position (Lexicon.alternation), never scanned")
            return self._empty
        return term_set

    def subset(self, term_sets: list[TermSet]) -> Subset:
        """Only `term_sets`, for a quick look at whether a text holds any of them (built once per combination)."""
        key = tuple(sorted(t.index for t in term_sets))
        subset = self._subsets.get(key)
        if subset is None:
            subset = self._subsets[key] = Subset(self, [self._sets[i] for i in key])
        return subset

    def scan(self, text: str, lang: Lang) -> Scan:
        """Scan folded `text` once for every term of the pack."""
        return Scan(text, lang, self.automaton(lang))


class Subset:
    """A few term sets of a lexicon, matched on their own: what a scan finds of them, found for less.

    A scan of every term costs most on the words of sets nobody asks about in
    the end; before that work, `scan` finds exactly what a full scan would find
    of these sets, and `may_occur` says in one automaton pass, which stops at the
    first candidate, whether a text can hold any of them at all.
    """

    __slots__ = ("_any", "_automata", "_lexicon", "_sets")

    def __init__(self, lexicon: Lexicon, sets: list[tuple[TermSet, tuple[Term, ...]]]) -> None:
        self._lexicon, self._sets = lexicon, sets
        self._automata: dict[Lang, ahocorasick.Automaton | None] = {}
        self._any: dict[Lang, tuple[ahocorasick.Automaton | None, int] | None] = {}

    def _automaton(self, lang: Lang) -> ahocorasick.Automaton | None:
        if lang not in self._automata:
            self._lexicon.automaton(lang)  # the language's patterns compiled, with their triggers
            self._automata[lang] = self._lexicon._automaton(lang, self._sets)
        return self._automata[lang]

    def _words(self, lang: Lang) -> tuple[ahocorasick.Automaton | None, int] | None:
        """The sets' words in `lang` as one plain automaton, with the longest's length; None when a set has a
        pattern that needs no literal (it may always match)."""
        if lang not in self._any:
            automaton = self._automaton(lang)
            if any(lang in term_set.untriggered for term_set, _ in self._sets):
                self._any[lang] = None
            else:
                words = list(automaton.keys()) if automaton is not None else []
                plain = None
                if words:
                    plain = ahocorasick.Automaton()
                    for word in words:
                        plain.add_word(word, None)
                    plain.make_automaton()
                self._any[lang] = (plain, max(map(len, words), default=0))
        return self._any[lang]

    def longest(self, lang: Lang) -> int:
        """The length of the longest word `may_occur` looks for."""
        words = self._words(lang)
        return words[1] if words is not None else 0

    def may_occur(self, text: str, lang: Lang) -> bool:
        """False only when a scan of folded `text` in `lang` finds no term of these sets.

        Literals and the literals patterns need are looked for anywhere, whatever
        the word boundaries, with every run of spaces made one space.
        """
        words = self._words(lang)
        if words is None:
            return True
        plain, _ = words
        if plain is None:
            return False
        for _ in plain.iter(" ".join(text.lower().split())):
            return True
        return False

    def scan(self, text: str, lang: Lang) -> Scan:
        """A scan of folded `text` that holds only these sets' terms; for them, the same as a full scan."""
        return Scan(text, lang, self._automaton(lang))


_LOWER_PIECE = 1 << 16
"""characters lowered at a time in a long non-ASCII text"""


def _lower(text: str) -> str:
    """`text.lower()`, a piece at a time when the text is long and not ASCII.

    CPython lowers non-ASCII text through a buffer of three 4-byte characters
    per character: 10 MB for the whole of a 300-page agreement (`roles` scans it
    once), the largest allocation of a check. Each piece ends after a space,
    where lowering depends on nothing either side (a final sigma looks no
    further than a space).
    """
    if len(text) <= _LOWER_PIECE or text.isascii():
        return text.lower()
    pieces = []
    start = 0
    while start < len(text):
        space = text.find(" ", start + _LOWER_PIECE)
        end = len(text) if space < 0 else space + 1
        pieces.append(text[start:end].lower())
        start = end
    return "".join(pieces)


def _has_space_run(text: str) -> bool:
    """Whether two spaces of any kind stand together (`_SPACE_RUN`).

    Every text is scanned, the whole agreement once: a regular expression that
    tries each character costs more than the scan's own setting up. Folded text
    nearly always has no space but " ", which a look for "  " and one for any
    other space settle.
    """
    if "  " in text:
        return True
    if _ODD_SPACE.search(text) is None:  # a class of characters is looked for twice as fast as a run
        return False
    return _SPACE_RUN.search(text) is not None


class Scan:
    """The terms found in one folded text, by term set."""

    __slots__ = ("_found", "_lang", "_literal", "_lower", "_map", "_text", "_triggered", "_triggered_sets")

    def __init__(self, text: str, lang: Lang, automaton: ahocorasick.Automaton | None) -> None:
        self._lang = lang
        self._text = text
        lower = _lower(text)
        if len(lower) != len(text):  # a character whose lower case is longer: keep offsets aligned
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self._map: list[int] | None = None
        if _has_space_run(lower):
            # one space per run of spaces, so "shall  not" still matches; remember where each character was
            keep = [i for i, c in enumerate(lower) if not (c.isspace() and i and lower[i - 1].isspace())]
            self._map = keep
            lower = "".join(" " if lower[i].isspace() else lower[i] for i in keep)
        self._lower = lower
        self._literal: dict[int, list[tuple[int, int]]] = {}
        self._triggered: set[tuple[int, int]] = set()
        self._triggered_sets: set[int] = set()
        self._found: dict[int, list[Hit]] = {}
        if automaton is None:
            return
        literal = self._literal
        size = len(lower)
        for end, (length, word_start, word_end, sets, triggers, trigger_sets) in automaton.iter(lower):
            if triggers:
                self._triggered.update(triggers)
                self._triggered_sets.update(trigger_sets)
            if not sets:
                continue
            start = end - length + 1
            if word_start and start > 0 and lower[start - 1] in _WORD_CHARS:
                continue
            stop = end + 1
            if word_end and stop < size and lower[stop] in _WORD_CHARS:
                # an English plural still matches its singular term: "safety officers", "permits to work"
                plural = _PLURAL.match(lower, stop)
                if plural is None:
                    continue
                stop = plural.end()
            for set_index in sets:
                found = literal.get(set_index)
                if found is None:
                    literal[set_index] = [(start, stop)]
                else:
                    found.append((start, stop))

    @property
    def text(self) -> str:
        """The folded text scanned; hits are offsets into it."""
        return self._text

    def may_match(self, term_set: TermSet) -> bool:
        """False when the set cannot match here (no literal of it, no trigger of it): a cheap pre-check."""
        index = term_set.index
        return index in self._literal or index in self._triggered_sets or self._lang in term_set.untriggered

    def _original(self, start: int, end: int) -> Hit:
        if self._map is None:
            return Hit(start, end, self._text[start:end])
        a, b = self._map[start], self._map[end - 1] + 1
        return Hit(a, b, self._text[a:b])

    def find(self, term_set: TermSet) -> list[Hit]:
        """The set's matches: leftmost first, the longest where several start together, none overlapping."""
        index = term_set.index
        found = self._found.get(index)
        if found is not None:
            return found
        triggered = index in self._triggered_sets or self._lang in term_set.untriggered
        if index not in self._literal and not triggered:
            return []
        spans = list(self._literal.get(index, ()))
        for number, source, triggers in term_set.regexes.get(self._lang, ()) if triggered else ():
            if triggers is None or (index, number) in self._triggered:
                try:
                    spans += [
                        m.span()
                        for m in _pattern(source).finditer(self._lower, timeout=remaining())
                        if m.end() > m.start()
                    ]
                except TimeoutError:
                    raise overrun() from None
        if len(spans) > 1:
            spans.sort(key=lambda span: (span[0], -span[1]))
        found, reached = [], -1
        for start, end in spans:
            if start >= reached:
                found.append(self._original(start, end))
                reached = end
        self._found[index] = found
        return found

    def search_any(self, term_sets: Iterable[TermSet]) -> bool:
        """Whether any of `term_sets` matches here."""
        if not self._literal and not self._triggered_sets:  # only a pattern that always runs can match
            return any(self.find(t) for t in term_sets if self._lang in t.untriggered)
        return any(self.find(t) for t in term_sets)

    def first(self, term_set: TermSet) -> Hit | None:
        found = self.find(term_set)
        return found[0] if found else None

    def search(self, term_set: TermSet) -> bool:
        found = self._found.get(term_set.index)
        return bool(found if found is not None else self.find(term_set))


lexicon: IdentityCache[Pack, Lexicon] = IdentityCache(Lexicon)
"""The compiled lexicon of a pack, built once per pack object."""
