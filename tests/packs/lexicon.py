"""A sentence-level reading of a case's text with the pack's own terms.

Until the engine runs the cases end to end, this keeps the term lists honest:
a case that expects a require rule not to fire must mention its topic, one
that expects `missing` must not, and a forbid rule fires only where its topic
meets exemption wording. It follows the topic semantics of the rule language
(terms, `near` groups in the same sentence, `exclude`).
"""

from __future__ import annotations

from clausecheck.dsl.cases import Expectation, PackCase
from clausecheck.dsl.model import AllOf, AnyOf, Condition, ForbidRule, Mentions, Not, Pack, RequireRule
from clausecheck.extract.lexicon import TermSet
from clausecheck.language.normalize import fold_text
from clausecheck.language.segment import segments


def sentences(case: PackCase) -> list[str]:
    """The case's text as sentences, headings included, without the notation's '# ' marks."""
    out = []
    for line in case.text.splitlines():
        line = line.removeprefix("# ").strip()
        out += [s.text for s in segments(line)] if line else []
    return out


class Reader:
    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.topics = {
            tid: (TermSet(t.terms), [TermSet(g) for g in t.near], TermSet(t.exclude)) for tid, t in pack.topics.items()
        }
        self.exemption = TermSet(pack.vocabularies["exemption"])

    def addresses(self, sentence: str, lang: str, topic: str) -> bool:
        terms, near, exclude = self.topics[topic]
        text = fold_text(sentence)
        return bool(terms.search(text, lang)) and not (exclude and exclude.search(text, lang)) and all(
            g.search(text, lang) for g in near
        )

    def mentioned(self, case: PackCase, topic: str) -> bool:
        return any(self.addresses(s, case.lang, topic) for s in sentences(case))

    def exempted(self, case: PackCase, topic: str) -> bool:
        return any(
            self.addresses(s, case.lang, topic) and self.exemption.search(fold_text(s), case.lang)
            for s in sentences(case)
        )

    def holds(self, case: PackCase, condition: Condition | None) -> bool:
        """Whether a rule's `applies` condition holds for the case's text."""
        if condition is None:
            return True
        if isinstance(condition, Mentions):
            return any(self.mentioned(case, t) for t in condition.topics)
        if isinstance(condition, Not):
            return not self.holds(case, condition.item)
        if isinstance(condition, AllOf):
            return all(self.holds(case, c) for c in condition.items)
        assert isinstance(condition, AnyOf)
        return any(self.holds(case, c) for c in condition.items)

    def disagreements(self, case: PackCase) -> list[str]:
        """Expectations the terms alone already contradict."""
        problems = []
        for e in case.fires:
            problems += self._check(case, e, fires=True)
        for e in case.not_fires:
            problems += self._check(case, e, fires=False)
        return problems

    def _check(self, case: PackCase, e: Expectation, *, fires: bool) -> list[str]:
        if e.target == "topic":
            found = self.mentioned(case, e.name)
            if fires and (e.status == "missing") == found:
                return [f"{e.written}: the topic is {'mentioned' if found else 'not mentioned'}"]
            return []
        rule = self.pack.rule(e.name)
        if not self.holds(case, rule.applies):
            return [f"{e.written}: the rule does not apply to this text"] if fires else []
        if isinstance(rule, ForbidRule):
            found = self.exempted(case, rule.topic)
            if found != fires:
                return [f"{e.written}: topic {rule.topic} with exemption wording is {'found' if found else 'not found'}"]
            return []
        assert isinstance(rule, RequireRule)
        found = self.mentioned(case, rule.topic)
        if fires and e.status == "missing" and found:
            return [f"{e.written}: topic {rule.topic} is mentioned"]
        if fires and e.status not in (None, "missing") and not found:
            return [f"{e.written}: topic {rule.topic} is not mentioned"]
        if not fires and not found:
            return [f"no {e.written}: topic {rule.topic} is not mentioned, so the rule reports it missing"]
        return []
