"""From an agreement's blocks to statements: the facts the engine judges.

Blocks are read in order. Each is cut into sentence parts; each part gets
its topics (pack terms), its duty (actor and modality), its qualifiers,
references and exemption wording. Context flows down the clause tree: a
heading's topics reach the duties under it ("安全责任" over "乙方应配备…"),
a heading that names a party's duties ("甲方责任", "Obligations of the
Contractor") gives its items their bearer, and a lead-in ending in a colon
("The Contractor shall:") gives its items their subject and verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from clausecheck._lazy_re import lazy_compile
from clausecheck.budget import checkpoint
from clausecheck.document.labels import match_rendered
from clausecheck.document.model import Block, ClauseNode, Document
from clausecheck.dsl.model import ForbidRule, Pack, RequireRule
from clausecheck.extract.duty import Duty, analyse, only_a_condition, subject_only
from clausecheck.extract.lexicon import Hit, Lexicon, Scan, TermSet, lexicon
from clausecheck.extract.model import (
    Actor,
    Facts,
    PartTrace,
    Statement,
    TopicCheck,
    TopicMatch,
    near_tag,
    specific_tag,
)
from clausecheck.extract.positions import positions
from clausecheck.extract.qualifiers import qualifiers
from clausecheck.extract.references import Attachments, references
from clausecheck.extract.roles import Roles, assign_roles
from clausecheck.extract.tables import responsibility_rows
from clausecheck.language.normalize import Folded, fold, fold_text, has_han, matching_lang
from clausecheck.language.segment import CLAUSE_BREAK, clause_around, segments
from clausecheck.types import Lang


@dataclass
class _Context:
    """What a heading or lead-in passes down to the blocks under it."""

    node: str | None
    level: int
    topics: list[TopicMatch] = field(default_factory=list)
    duty: Duty | None = None
    lead: str = ""
    """A lead-in's own (folded) words, read together with each item under it."""
    prefix: str | None = None
    """'1.' for a heading labelled '1、' or '第一条': blocks labelled '1.1', '1.7.3' sit under it even
    where the clause tree keeps decimal clauses apart from enumerated items."""
    run: bool = False
    """A colon lead-in leads the run of labelled paragraphs right after it, even where the clause tree
    puts its '1.', '2.' beside it rather than under it; the run ends at the first unlabelled block, and at
    the next clause numbered as the lead-in's own ('9.8 … the following charges:' leads neither 9.9 nor 10.1)."""
    shape: str = ""
    """the lead-in's own label, its numbers blanked (`_shape`)"""


def _shape(label: str | None) -> str:
    """A label with its numbers blanked: '9.8' and '10.1' are one shape, '(a)' and '(1)' others."""
    return re.sub(r"\d+", "9", label) if label and re.search(r"\d", label) else ""


def _lang(block: Block, document: Document, text: str) -> Lang:
    if block.lang is not None:
        return block.lang
    if has_han(text):
        return document.lang if document.lang != "en" else "zh-Hans"
    return "en"


def topic_matches(scan: Scan, lex: Lexicon, duty: Duty | None) -> list[TopicMatch]:
    """The pack topics a scanned sentence part with `duty` addresses, with the words that show it."""
    checks = topic_checks(scan, lex)
    _bearer_fits(checks, duty)
    return _accepted(checks)


def _accepted(checks: list[TopicCheck]) -> list[TopicMatch]:
    return [TopicMatch(topic=check.topic, words=check.terms) for check in checks if check.accepted]


def topic_checks(scan: Scan, lex: Lexicon, sentence: Callable[[], Scan] | None = None) -> list[TopicCheck]:
    """How each topic whose terms occur in a scanned part fares: addressed, or ruled out and why.

    A part's own words must hold the topic's terms; its near words may also come from the rest of its
    sentence (`sentence`, scanned only when needed): "shall indemnify … against (a) breach; (b) injury".
    """
    checks = []
    for tid, terms in lex.topics.items():
        by = lex.topic_by[tid]
        if not scan.may_match(terms) and not any(scan.may_match(s) for s in by.values()):
            continue
        own = scan.find(terms)
        by_hits = {party: scan.find(s) for party, s in by.items()}
        found = sorted({*own, *(h for hits in by_hits.values() for h in hits)}) if by else own
        if not found:
            continue
        check = TopicCheck(topic=tid, terms=_words(found))
        unless = _outside_openings(scan.find(lex.topic_unless[tid]), scan, lex)
        if not unless and sentence is not None and not lex.topic_unless[tid].empty:
            unless = _later_proviso(sentence(), scan.text, lex.topic_unless[tid])
        excluded = scan.find(lex.topic_exclude[tid])
        hits = _outside(found, excluded, scan.text)
        check.unless, check.excluded = _words(unless), _words(excluded)
        window = lex.topic_window[tid]
        near = [_outside(scan.find(group), excluded, scan.text) for group in lex.topic_near[tid]]
        if sentence is not None and window is None and hits and not all(near):
            whole = sentence()
            whole_excluded = whole.find(lex.topic_exclude[tid])
            near = [
                found or _outside(whole.find(group), whole_excluded, whole.text)
                for found, group in zip(near, lex.topic_near[tid], strict=True)
            ]
        check.near = [_words(group) for group in near]
        if unless:
            check.reason = "its context rules it out (unless)"
        elif not hits:
            check.reason = "every term is part of an excluded phrase"
        elif not all(_near(group, hits, window) for group in near):
            check.reason = "a near group has no word " + ("in the sentence" if window is None else f"within {window}")
        else:
            check.accepted, check.terms, check.reason = True, _words(hits), "addressed"
            check.spans = [(h.start, h.end) for h in hits]
            if by and set(hits).isdisjoint(own):
                check.only_for = tuple(party for party, found in by_hits.items() if not set(hits).isdisjoint(found))
        checks.append(check)
    return checks


def _bearer_fits(checks: list[TopicCheck], duty: Duty | None) -> None:
    """Turn down the topics a part addresses only by `by` terms of a party that does not bear its duty (the
    provider training its own people discloses no site hazard)."""
    for check in checks:
        if check.accepted and check.only_for and (duty is None or duty.role not in check.only_for):
            check.accepted = False
            check.reason = "its words count only in a duty of " + " or ".join(check.only_for)


def _outside_openings(hits: list[Hit], scan: Scan, lex: Lexicon) -> list[Hit]:
    """The hits not inside an opening proviso that refers to other provisions: "Subject to the limits of the
    insurance coverages in 4(a), Carrier shall indemnify…" is an indemnity whatever that proviso mentions."""
    if not hits:
        return hits
    openers = scan.find(lex.words("proviso"))
    if not openers:
        return hits
    text = scan.text
    kept = []
    for h in hits:
        start, end = clause_around(text, h.start, h.end)
        first = len(text[start:]) - len(text[start:].lstrip()) + start
        opened = any(o.start == first for o in openers) and end < len(text)  # a clause that leads another
        if not opened:
            kept.append(h)
    return kept


def _later_proviso(whole: Scan, part: str, unless: TermSet) -> list[Hit]:
    """The `unless` words of a proviso later in the part's sentence: "业主不承担责任；但因业主原因造成的除外",
    "Owner shall not be liable; provided that this shall not apply to injury caused by its negligence"."""
    at = whole.text.find(part)
    if at < 0:
        return []
    after = at + len(part)
    return [
        h
        for h in whole.find(unless)
        if h.start >= after and _PROVISO.match(whole.text, clause_around(whole.text, h.start, h.end)[0])
    ]


_DONE_TO_THEM = lazy_compile(
    r"\bbe\s+(?:\w+ly\s+)?(?:given|provided|offered|supplied|issued|informed|briefed|told|shown)\b", re.IGNORECASE
)
"""what is done to the people ("Staff shall be given training before starting work"): someone else does it, so
the rule about taking up work names no bearer"""
_EVEN_IF = lazy_compile(
    r"\s*(?:纵系|纵使|纵然|即使|即便|哪怕|even\s+if\b|even\s+where\b|even\s+though\b)", re.IGNORECASE
)
"""a part that stretches the exemption before it to more cases: "…；纵系因其重大过失所致者，亦同" """
_PROVISO = lazy_compile(r"\s*(?:但|但是|惟|然而|provided\b|except\b|save\b|unless\b|however\b)", re.IGNORECASE)
"""what opens a proviso that limits the clause before it"""


def _words(hits: list[Hit]) -> list[str]:
    return list(dict.fromkeys(h.text for h in hits))


_PHRASE_BREAK = lazy_compile(r"[，,；;。.、：:()（）]")


def _outside(hits: list[Hit], excluded: list[Hit], text: str) -> list[Hit]:
    """The hits not in the same phrase as an excluded one: overlapping it, or beside it with at most a few
    characters between (eight in English, two in Chinese) and no punctuation. "professional indemnity
    insurance" is not liability insurance, but "general liability insurance, including professional
    indemnity" still is."""
    if not excluded:
        return hits
    kept = []
    for h in hits:
        for e in excluded:
            first, second = (h, e) if h.start <= e.start else (e, h)
            gap = text[first.end : second.start]
            if first.end > second.start or (len(gap) <= (8 if gap.isascii() else 2) and not _PHRASE_BREAK.search(gap)):
                break
        else:
            kept.append(h)
    return kept


def _near(near_hits: list[Hit], hits: list[Hit], window: int | None) -> bool:
    if window is None:
        return bool(near_hits)
    return any(abs(n.start - h.start) <= window for n in near_hits for h in hits)


def _heading_candidate(block: Block, text: str) -> bool:
    """A Word heading, or a short labelled block that may be one ("6. Insurance", "第三条 安全责任")."""
    if block.table is not None:
        return False
    if block.heading_level is not None:
        return True
    # a sentence's end is no heading's: "４．　甲方向乙方人员提供工作服．" (the full-width stop of older texts)
    return bool(block.label) and _short(text) and not re.search(r"[。.．;；]$", text.strip())


class _Part:
    """A sentence part whose scan and duty are worked out only when something needs them.

    Most parts of a long agreement address no pack topic; their bearer and
    modality matter only when a later part of the same sentence borrows them,
    and their words beyond the topics and exemptions (which a scan of those
    sets alone finds first) only for that.
    """

    __slots__ = ("_continues", "_duty", "_extractor", "_inherited", "_previous", "_raw", "_scan", "folded", "lang")

    def __init__(
        self,
        extractor: _Extractor,
        folded: str,
        lang: Lang,
        previous: _Part | None,
        continues: bool,
        inherited: Duty | None,
    ) -> None:
        self._extractor = extractor
        self.folded, self.lang = folded, lang
        self._previous, self._continues, self._inherited = previous, continues, inherited
        self._scan: Scan | None = None
        self._raw: Duty | Literal[False] | None = False  # False: not worked out yet
        self._duty: Duty | Literal[False] | None = False

    @property
    def scan(self) -> Scan:
        """Every term of the pack in the part's words."""
        if self._scan is None:
            self._scan = self._extractor.lex.scan(self.folded, self.lang)
        return self._scan

    @property
    def raw(self) -> Duty | None:
        """The duty the part states on its own words."""
        raw = self._raw
        if raw is False:
            x = self._extractor
            raw = self._raw = analyse(self.scan, self.folded, self.lang, x.lex, x.roles)
        return raw

    @property
    def duty(self) -> Duty | None:
        """The duty completed from the sentence and the lead-in or heading above."""
        duty = self._duty
        if duty is False:
            duty = self._duty = self._complete(self.raw)
        return duty

    def duty_at(self, position: int) -> Duty | None:
        """The duty of the clause that holds `position` (where a topic's words start), completed like `duty`:
        in "甲方负责提供场地，乙方负责对其人员进行安全教育" the training is 乙方's."""
        if not CLAUSE_BREAK.search(self.folded, 0, position):
            return self.duty  # the topic stands in the first clause, whose duty the part's is
        x = self._extractor
        raw = analyse(self.scan, self.folded, self.lang, x.lex, x.roles, at=position)
        return self.duty if raw == self.raw else self._complete(raw)

    def _complete(self, raw: Duty | None) -> Duty | None:
        # a part after a semicolon or colon, or opening with "These precautions", takes the one before it
        borrows = self._continues or _opens_with(self.scan, self._extractor.lex.words("anaphora"))
        previous = self._previous.duty if self._previous is not None and borrows else None
        return self._extractor.complete(raw, previous, self._inherited, self.scan, self.folded)


class _Extractor:
    def __init__(self, document: Document, pack: Pack, all_statements: bool, trace: list[PartTrace] | None) -> None:
        self.all_statements = all_statements
        self.trace = trace
        self.document = document
        self.pack = pack
        self.lex = lexicon(pack)
        self.roles: Roles = assign_roles(document, self.lex)
        self.attachments = Attachments.of(document, self.lex)
        self.ancestors, self.parents = _clause_tree(document.clauses)
        self.optional = _optional_clauses(document.clauses, self.lex)
        """clause id -> the words of its title that make it optional ("保险（如有时）"): every duty in it is hedged"""
        self.item_parents = _item_parents(document.clauses)
        self.last_duty: dict[str | None, Duty] = {}
        """the last duty stated in each clause, whose force a duty without a modal shares"""
        self.statements: list[Statement] = []
        self.mentions: set[str] = set()
        self.contexts: list[_Context] = []
        self.shifts = [self.lex.words("exemption"), self.lex.words("shifts_liability")]
        self.topic_sets = [*self.lex.topics.values(), *(s for by in self.lex.topic_by.values() for s in by.values())]
        self.relevant = self.lex.subset([*self.topic_sets, *self.shifts])

    def run(self) -> Facts:
        for block in self.document.blocks:
            checkpoint()
            if block.text.strip():
                self._block(block)
        self._tables()
        return Facts(
            statements=self.statements,
            mentions=sorted(self.mentions),
            roles=self.roles.by_role(),
            undecided=self.roles.undecided,
        )

    # -- context flowing down the clause tree --------------------------------------------

    def _in_scope(self, context: _Context, block: Block) -> bool:
        if context.run and block.label and block.heading_level is None and block.table is None:
            return not context.shape or _shape(block.label) != context.shape
        if context.prefix and block.label and block.label.startswith(context.prefix):
            return block.label[len(context.prefix) :][:1].isdigit()
        if context.node is not None and block.clause_id is not None:
            return context.node in self.ancestors.get(block.clause_id, ())
        return block.heading_level is None or block.heading_level > context.level

    def _inherited(self) -> tuple[list[TopicMatch], Duty | None, str]:
        topics: list[TopicMatch] = []
        duty = None
        lead = ""
        for context in self.contexts:
            topics = context.topics or topics
            duty = context.duty or duty
            lead = context.lead or lead
        return topics, duty, lead

    # -- one block ---------------------------------------------------------------------------

    def _block(self, block: Block) -> None:
        self.contexts = [c for c in self.contexts if self._in_scope(c, block)]
        if self._subheading(block):
            return
        inherited_topics, inherited_duty, lead = self._inherited()
        inherited_lead = lead
        if not inherited_topics and self._inert(block, lead):
            return
        # the optional-title words of the block's clause or a clause above it ("保险（如有时）"), once per block
        optional = next(
            (self.optional[c] for c in self.ancestors.get(block.clause_id or "", ()) if c in self.optional), ""
        )
        previous: _Part | None = None
        first: _Part | None = None
        leads = False
        parts = segments(block.text)
        sentences = _sentences([p.continues for p in parts])
        sentence_scans: dict[int, Scan] = {}
        previous_exemption: Hit | None = None
        own_list_end = len(parts)  # where the list of a lead-in of this block's own ends: its sentence's end
        titled = _heading_candidate(block, block.text)  # its first part may be a heading, or a run-in title
        for number, part in enumerate(parts):
            checkpoint()  # one paragraph can hold a megabyte of sentences
            folding = fold(part.text)
            folded = folding.text
            lang = _lang(block, self.document, folded)
            quick = self.relevant.scan(folded, lang)  # the topics', exemptions' and shifts' words alone, first
            start, end = sentences[number]
            if number >= own_list_end:
                # "甲方发给乙方劳动保护用品：…元。从事…作业的，需持证方可上岗。": the next sentence is no item of it
                lead, own_list_end = inherited_lead, len(parts)

            def sentence_scan(start: int = start, end: int = end, folded: str = folded, lang: Lang = lang) -> Scan:
                if start not in sentence_scans:
                    whole = " ".join(fold(p.text).text for p in parts[start:end]) if end - start > 1 else folded
                    sentence_scans[start] = self.lex.scan(whole, lang)
                return sentence_scans[start]

            # a list item that states a condition ("严重损害工人身体健康的；") borrows no duty from its lead-in
            condition = _CONDITION_ITEM.search(folded) is not None
            current = _Part(self, folded, lang, previous, part.continues, None if condition else inherited_duty)
            if number == 0 and len(parts) > 1 and titled:
                lead = inherited_lead = ""  # a run-in title ("J 食宿及其他：…") starts a unit: no item of a lead-in
            # an item is read with its lead-in: "Datec indemnifies BSP against: (a) any injury..."
            quick_own = self.relevant.scan(f"{lead} {folded}", lang) if lead else quick
            checks = []
            if quick_own.search_any(self.topic_sets):
                own = self.lex.scan(f"{lead} {folded}", lang) if lead else current.scan
                checks = topic_checks(own, self.lex, sentence_scan if end - start > 1 else None)
            topics = [TopicMatch(topic=c.topic, words=c.terms) for c in checks if c.accepted and not c.only_for]
            bearer_bound = any(c.accepted and c.only_for for c in checks)  # settled once the duty is known
            if self.trace is not None and (checks or inherited_topics):
                self.trace.append(
                    PartTrace(
                        block_id=block.id,
                        clause=block.clause,
                        text=part.text,
                        checks=checks,
                        inherited=[t.topic for t in inherited_topics],
                    )
                )
            traced = self.trace[-1] if self.trace and self.trace[-1].text is part.text else None
            self.mentions.update(t.topic for t in topics)
            if number == 0 and titled and (block.heading_level is not None or current.raw is None):
                _bearer_fits(checks, None)
                self._push_heading(block, folded, topics)
                if len(parts) == 1:
                    return
                continue  # a run-in title ("2. Personnel. Ironline shall:"): the rest of the block is its text
            before, previous = previous, current
            first = first or current
            colon = part.text.rstrip().endswith((":", "："))
            if colon and _short(folded) and current.raw is None:
                heading_duty = self._heading_duty(folded)
                if heading_duty is not None:  # "甲方責任：", "Contractor's obligations:": a heading, not a duty
                    self.contexts.append(_Context(block.clause_id, _level(block), duty=heading_duty, run=True))
                    continue
            if colon:
                lead, own_list_end = folded, end
                lead_duty = current.duty or self._listed_duties(current.scan, folded)
                if lead_duty is not None and block.clause_id is not None:  # a preamble's "as follows" leads nothing
                    lead_duty = replace(lead_duty, how="lead-in")
                    self._push_lead(
                        _Context(
                            block.clause_id,
                            _level(block),
                            duty=lead_duty,
                            lead=folded,
                            run=True,
                            shape=_shape(block.label) if number == 0 else "",
                        )
                    )
                    leads = True
            exemption = quick.first(self.lex.words("exemption"))
            if exemption is None and previous_exemption is not None and _EVEN_IF.match(folded):
                exemption = previous_exemption  # "不负任何赔偿责任；纵系因其故意或重大过失所致者，亦同"
            previous_exemption = exemption
            shift = quick.first(self.lex.words("shifts_liability")) if exemption is None else None
            if not (topics or bearer_bound or inherited_topics or exemption or shift or self.all_statements):
                continue
            shift_by = len(lead) + 1 if lead else 0  # spans count from the lead-in read before the part
            spans = [(s - shift_by, e - shift_by) for c in checks if c.accepted for s, e in c.spans]
            own_spans = [(s, e) for s, e in spans if s >= 0]
            duty = current.duty_at(min(s for s, _ in own_spans)) if own_spans else current.duty
            earlier = before.duty if before is not None else self.last_duty.get(block.clause_id)
            if duty is not None and duty.how == "declared" and earlier is not None:
                # a duty stated without a modal has the force of the one before it in its clause:
                # "甲乙双方认为有保险的必要时，甲方…办理…。" then "乙方办理…的保险。" hangs on the same condition
                duty = replace(duty, modality=earlier.modality, modal_words=earlier.modal_words)
            if duty is not None and optional and duty.modality == "binding":
                duty = replace(duty, modality="weak", modal_words=f"{duty.modal_words} ({optional})")
            if duty is not None and block.clause_id is not None:
                self.last_duty[block.clause_id] = duty
            if topics and duty is not None and all(s >= 0 for s, _ in spans):
                # "EuroTel shall grant access, provided that this personnel abides by the security rules": the
                # topic is only the condition of another duty, a weak one of the condition's subject
                duty = only_a_condition(current.scan, folded, self.lex, self.roles, spans) or duty
            if shift is not None and duty is not None and duty.role == "provider" and not duty.each_own:
                exemption = shift  # everything put on the provider, whatever the cause: "一切责任由乙方承担"
            if bearer_bound:
                _bearer_fits(checks, duty)
                topics = _accepted(checks)
                self.mentions.update(t.topic for t in topics)
                if not (topics or inherited_topics or exemption or shift or self.all_statements):
                    continue
            if not topics and duty is not None and inherited_topics:
                topics = [t.model_copy(update={"inherited": True}) for t in inherited_topics]
            if (duty is None or positions(self.lex).definition.match(folded)) and exemption is None:
                continue  # '"CPC Operational Date" means the day … oil can be evacuated' defines, it binds nobody
            # a duty's rule-specific content is read across its whole sentence ("shall indemnify … against:
            # (b) injury"); a denial's only in its own words ("; provided that it shall not be liable for cargo")
            affirms = duty is not None and duty.modality in ("binding", "weak")
            tags = self._tags(sentence_scan() if affirms else current.scan)
            self._statement(
                block,
                part.text,
                current.scan,
                folding,
                lang,
                duty,
                topics,
                exemption.text if exemption else None,
                tags,
                own_spans or None,
            )
            if traced is not None:
                traced.statement = self.statements[-1].id
        self._lead_items(block, first, leads)

    def _inert(self, block: Block, lead: str) -> bool:
        """Whether a block outside any topic heading gives nothing at all: no statement, no context for the
        blocks after it, no trace.

        Most blocks of a long agreement name no pack topic, no exemption and no
        shift of liability, head nothing and lead no list. An ASCII block folds
        to its own words, each part's a piece of the block's, so one look over
        the block (and the lead-in its parts are read with, and where the two
        meet) for those sets' words tells it from the others before its parts
        are scanned; `_block` looks at other blocks part by part.
        """
        if self.trace is not None or self.all_statements or block.clause_id in self.item_parents:
            return False
        text = block.text
        if not text.isascii() or ":" in text or _heading_candidate(block, text):
            return False
        lang = _lang(block, self.document, text)  # every part's: they have no Chinese either
        if self.relevant.may_occur(text, lang):
            return False
        if not lead:
            return True
        if self.relevant.may_occur(lead, lang):
            return False
        # a word across the lead-in's end and a part's start: "{lead} {part}" is what the topics are read in
        reach = self.relevant.longest(lang)
        tail = lead[-reach:]
        return not any(self.relevant.may_occur(f"{tail} {part.text[:reach]}", lang) for part in segments(text))

    def _lead_items(self, block: Block, opening: _Part | None, leads: bool) -> None:
        """A clause whose opening sentence puts a duty on a party leads its enumerated items, colon or not:
        "A. Subcontractor shall obtain and maintain the insurance as required herein." then "(1) Commercial
        General Liability Insurance …", "(3) Workers' Compensation Insurance …"."""
        if leads or opening is None or block.clause_id not in self.item_parents:
            return
        duty = opening.duty
        if duty is not None and duty.role in ("client", "provider", "both") and duty.modality == "binding":
            self.contexts.append(_Context(block.clause_id, _level(block), duty=replace(duty, how="leading clause")))

    def _push_lead(self, context: _Context) -> None:
        """Add a lead-in's context; one that follows a lead-in of the same clause replaces it.

        The newer one's duty and words win in `_inherited` either way, and both leave
        scope together, so replacing gives the same reading; appending would let
        thousands of lead-ins in one clause make every later block cost thousands.
        """
        last = self.contexts[-1] if self.contexts else None
        if last is not None and last.lead and (last.node, last.level) == (context.node, context.level):
            self.contexts[-1] = context
        else:
            self.contexts.append(context)

    def complete(
        self, duty: Duty | None, previous: Duty | None, inherited: Duty | None, scan: Scan, folded: str
    ) -> Duty | None:
        """Fill in what a part leaves out from its sentence or from the lead-in/heading above it; an impersonal
        rule about taking up work ("…的，需持证方可上岗") has one possible bearer, the provider, whose people work."""
        source = previous or inherited
        if source is None:
            if duty is not None and duty.role == "none" and duty.how == "none":
                work = scan.first(self.lex.words("takes_up_work"))
                if work is not None and not _DONE_TO_THEM.search(folded):
                    return replace(duty, role="provider", actor_words=work.text, how="personnel")
            return duty
        upper = "sentence" if previous else source.how
        if duty is None:
            role, words = subject_only(scan, folded, self.lex, self.roles)
            if role == "none":
                role, words = source.role, source.actor_words
            how = "subject" if role != source.role or words != source.actor_words else upper
            return Duty(role, words, source.each_own, source.modality, source.modal_words, how)
        if duty.role == "none" and duty.how not in ("jointly", "entitled"):
            # a duty with no bearer takes the heading's or lead-in's; not one both parties share ("The parties
            # shall agree…") nor one the named party only receives ("乙方的权利：…享受劳动保险待遇")
            return Duty(source.role, source.actor_words, source.each_own, duty.modality, duty.modal_words, upper)
        return duty

    def _listed_duties(self, scan: Scan, folded: str) -> Duty | None:
        """A lead-in that names a party and announces a list ("甲方…完成以下工作：", "The Contractor agrees as
        follows:"), without a modal verb of its own: its items bind that party."""
        if not scan.search(self.lex.words("list_lead")):
            return None
        role, words = subject_only(scan, folded, self.lex, self.roles)
        return Duty(role, words, False, "binding", "", "lead-in") if role != "none" else None

    def _subheading(self, block: Block) -> bool:
        """An unlabelled line naming one party's duties inside a clause ("乙方义务", "Contractor's obligations")
        heads the items after it in the clause above: they are that party's, not the clause heading's."""
        if block.label or block.table is not None or block.heading_level is not None:
            return False
        parent = self.parents.get(block.clause_id or "")
        text = block.text.strip()
        if parent is None or len(text) > (12 if has_han(text) else 40) or text.endswith(tuple("。.;；:：")):
            return False
        duty = self._heading_duty(fold(text).text)
        if duty is None:
            return False
        self.contexts.append(_Context(parent, _level(block), duty=duty))
        return True

    def _push_heading(self, block: Block, folded: str, topics: list[TopicMatch]) -> None:
        duty = self._heading_duty(folded)
        self.contexts.append(
            _Context(block.clause_id, _level(block), topics=topics, duty=duty, prefix=_number_prefix(block.label))
        )

    def _heading_duty(self, folded: str) -> Duty | None:
        """The duty a heading gives the items under it: one party's name with a `duty_heading` word."""
        if not self.lex.scan(folded, matching_lang(folded)).search(self.lex.words("duty_heading")):
            return None
        parties = self.roles.find(folded)
        if len({role for _, role in parties}) != 1:
            return None
        hit, role = parties[0]
        return Duty(role, hit.text, False, "binding", "", "heading")

    def _statement(
        self,
        block: Block,
        text: str,
        scan: Scan,
        folded: Folded,
        lang: Lang,
        duty: Duty | None,
        topics: list[TopicMatch],
        exemption: str | None,
        tags: list[str],
        topic_spans: list[tuple[int, int]] | None = None,
    ) -> None:
        """Record a statement, quoting every word in the agreement's own script (matching ran on folded text);
        `topic_spans` (where the part's own topic words stand) scope its vague words."""

        def own(word: str) -> str:
            i = folded.text.find(word) if word else -1
            return folded.original_words(i, i + len(word)) if i >= 0 else word

        self.statements.append(
            Statement(
                id=len(self.statements),
                block_id=block.id,
                clause=block.clause,
                text=text,
                lang=lang,
                actor=Actor(role=duty.role, words=own(duty.actor_words), each_own=duty.each_own, source=duty.how)
                if duty
                else Actor(),
                modality=duty.modality if duty else "none",
                modal_words=own(duty.modal_words) if duty else "",
                topics=[t.model_copy(update={"words": [own(w) for w in t.words]}) for t in topics],
                qualifiers=[
                    q.model_copy(update={"words": own(q.words)})
                    for q in qualifiers(scan, folded.text, self.lex, topic_spans)
                ],
                references=[
                    r.model_copy(update={"title": own(r.title)})
                    for r in references(scan, folded.text, self.lex, self.attachments)
                ],
                exemption=own(exemption) if exemption is not None else None,
                tags=tags,
            )
        )

    def _tags(self, scan: Scan) -> list[str]:
        """Rule-specific co-occurrence checks that hold in this sentence part."""
        tags = []
        for rule in self.pack.rules:
            if isinstance(rule, ForbidRule) and rule.near:
                if all(scan.search(group) for group in self.lex.rule_near[rule.id]):
                    tags.append(near_tag(rule))
            elif (
                isinstance(rule, RequireRule)
                and rule.specific
                and all(scan.search(group) for group in self.lex.rule_specific[rule.id])
            ):
                tags.append(specific_tag(rule))
        return tags

    def _mark_cell(self, text: str) -> bool:
        """A cell that holds only a `table_mark` ("√", "负责", "Yes"), or opens with a marking verb ("负责配备",
        "Responsible for supply"): the party of its column bears the row; "配合" beside it only helps."""
        folded = fold_text(text).strip()
        if not folded:
            return False
        hits = self.lex.scan(folded, matching_lang(folded)).find(self.lex.words("table_mark"))
        if not hits or hits[0].start != 0:
            return False
        return hits[0].end == len(folded) or hits[0].text.lower() in _MARKING_VERBS

    def _both_cell(self, folded: str) -> bool:
        """A cell that names both parties and nothing else: "双方", "Both Parties"."""
        hits = self.lex.scan(folded, matching_lang(folded)).find(self.lex.words("both_parties"))
        return bool(hits) and len(folded) <= hits[0].end - hits[0].start + 4

    def _tables(self) -> None:
        for row in responsibility_rows(self.document, self.roles, self._both_cell, self._mark_cell):
            folding = fold(row.text)
            lang = _lang(row.block, self.document, folding.text)
            scan = self.lex.scan(folding.text, lang)
            duty = Duty(row.role, row.words, row.role == "both", "binding", "", "table")
            topics = topic_matches(scan, self.lex, duty)
            if not topics:
                continue
            self._statement(row.block, row.text, scan, folding, lang, duty, topics, None, self._tags(scan))
            cite = _row_citation(row.block, lang)
            self.statements[-1] = self.statements[-1].model_copy(update={"source": "table_row", "clause": cite})


_MARKING_VERBS = frozenset({"负责", "承担", "responsible"})
"""table marks that may open a longer cell and still mark its party ("负责配备"); "是" or "x" may not"""


def _row_citation(block: Block, lang: Lang) -> str | None:
    """Where a table row stands: its clause and its row, as a lawyer cites it ("附件一 第3行", "Schedule 2,
    row 4"); rows count from the one after the table's header."""
    if block.table is None:
        return block.clause
    row = f"第{block.table.row}行" if lang != "en" else f"row {block.table.row}"
    if not block.clause:
        return row
    return f"{block.clause} {row}" if lang != "en" else f"{block.clause}, {row}"


def _number_prefix(label: str | None) -> str | None:
    """'1.' for a label numbering a whole unit ('1、', '1.', '第一条'); None for decimals ('1.7') and letters."""
    if not label:
        return None
    match = match_rendered(label, "")
    if match is None or match.value is None or (match.series.startswith("decimal:") and "." in label.rstrip(".")):
        return None
    return f"{match.value}."


def _short(folded: str) -> bool:
    """Short enough to be a heading: 24 characters of Chinese, eight English words."""
    return len(folded) <= 24 if has_han(folded) else len(folded.split(maxsplit=8)) <= 8  # a ninth word is enough


def _sentences(continues: list[bool]) -> list[tuple[int, int]]:
    """For each part, the (start, end) indices of the parts of its sentence."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(continues) + 1):
        if i == len(continues) or not continues[i]:
            bounds += [(start, i)] * (i - start)
            start = i
    return bounds


def _opens_with(scan: Scan, words: TermSet) -> bool:
    """Whether the part opens with one of `words` (after spaces and brackets)."""
    first = scan.first(words)
    return first is not None and not scan.text[: first.start].strip(" \t(（[【\"'“‘")


_CONDITION_ITEM = lazy_compile(r"的\s*[；;。.,，]?\s*$")


def _item_parents(roots: tuple[ClauseNode, ...]) -> frozenset[str]:
    """Ids of the clause nodes that have enumerated items ((1), (a), ①) under them."""
    found: set[str] = set()
    stack = list(roots)
    while stack:
        node = stack.pop()
        if any(child.kind == "item" for child in node.children):
            found.add(node.id)
        stack.extend(node.children)
    return frozenset(found)


def _level(block: Block) -> int:
    return block.heading_level if block.heading_level is not None else 99


def _clause_tree(roots: tuple[ClauseNode, ...]) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """Clause node id -> the ids of itself and every node above it; and -> the id of the node right above it
    (top-level nodes have none)."""
    ancestors: dict[str, frozenset[str]] = {}
    parents: dict[str, str] = {}
    stack: list[tuple[ClauseNode, frozenset[str]]] = [(node, frozenset()) for node in roots]
    while stack:
        node, above = stack.pop()
        mine = above | {node.id}
        ancestors[node.id] = mine
        for child in node.children:
            parents[child.id] = node.id
            stack.append((child, mine))
    return ancestors, parents


def _optional_clauses(roots: tuple[ClauseNode, ...], lex: Lexicon) -> dict[str, str]:
    """Clause node id -> the `optional_heading` words of its title ("第三十八条 保险（如有时）", "Insurance (if
    applicable)"), for the clauses whose title has them."""
    found: dict[str, str] = {}
    stack = list(roots)
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if node.title:
            title = fold(node.title).text
            hit = lex.scan(title, matching_lang(title)).first(lex.words("optional_heading"))
            if hit is not None:
                found[node.id] = hit.text
    return found


def extract(
    document: Document, pack: Pack, *, all_statements: bool = False, trace: list[PartTrace] | None = None
) -> Facts:
    """Every statement of `document` that `pack` can judge, plus agreement-wide context.

    Only duties on a pack topic, and exemptions, become statements: the engine
    judges nothing else. `all_statements` keeps every duty, for `clausecheck
    facts --all`; `trace`, when given, receives every sentence part that
    mentions a topic's words with what became of it, for `clausecheck why`.
    """
    return _Extractor(document, pack, all_statements, trace).run()
