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
from dataclasses import dataclass, field

from clausecheck.budget import checkpoint
from clausecheck.document.labels import match_rendered
from clausecheck.document.model import Block, ClauseNode, Document
from clausecheck.dsl.model import ForbidRule, Pack, RequireRule
from clausecheck.extract.duty import Duty, analyse, subject_only
from clausecheck.extract.lexicon import Hit, Lexicon, Scan, lexicon
from clausecheck.extract.model import Actor, Facts, Statement, TopicMatch, near_tag, specific_tag
from clausecheck.extract.qualifiers import qualifiers
from clausecheck.extract.references import Attachments, references
from clausecheck.extract.roles import Roles, assign_roles
from clausecheck.extract.tables import responsibility_rows
from clausecheck.language.normalize import Folded, fold, has_han, matching_lang
from clausecheck.language.segment import segments
from clausecheck.types import Lang

_DUTY_HEADING = re.compile(
    r"责任|义务|职责|权利和义务|obligations?|responsibilit(?:y|ies)|duties|undertakings", re.IGNORECASE
)
_RIGHTS_ONLY = re.compile(r"^[^责义]*权利[^责义]*$|^\W*rights\W*$", re.IGNORECASE)
_ANNOUNCES_LIST = re.compile(
    r"(?:以下|下列|如下)[^，,。；;]{0,4}(?:工作|义务|责任|职责|事项)|(?:完成|做好|负责|履行|承担)(?:以下|下列|如下)"
    r"|\b(?:agrees?|undertakes?|covenants?)\s+(?:as\s+follows|to\s+the\s+following)\b"
    r"|\bthe\s+following\s+(?:obligations|duties|responsibilities)\b",
    re.IGNORECASE,
)


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


def _lang(block: Block, document: Document, text: str) -> Lang:
    if block.lang is not None:
        return block.lang
    if has_han(text):
        return document.lang if document.lang != "en" else "zh-Hans"
    return "en"


def topic_matches(scan: Scan, lex: Lexicon) -> list[TopicMatch]:
    """The pack topics a scanned sentence part addresses, with the words that show it."""
    found = []
    for tid, terms in lex.topics.items():
        if not scan.may_match(terms):
            continue
        hits = scan.find(terms)
        if not hits or scan.search(lex.topic_exclude[tid]):
            continue
        window = lex.topic_window[tid]
        if not all(_near(scan.find(group), hits, window) for group in lex.topic_near[tid]):
            continue
        found.append(TopicMatch(topic=tid, words=list(dict.fromkeys(h.text for h in hits))))
    return found


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
    short = len(text) <= 24 if has_han(text) else len(text.split()) <= 8
    return bool(block.label) and short and not re.search(r"[。.;；]$", text.strip())


class _Part:
    """A sentence part whose duty is worked out only when something needs it.

    Most parts of a long agreement address no pack topic; their bearer and
    modality matter only when a later part of the same sentence borrows them.
    """

    __slots__ = ("_duty", "_extractor", "_inherited", "_previous", "_raw", "folded", "lang", "scan")

    def __init__(
        self, extractor: _Extractor, scan: Scan, folded: str, lang: Lang, previous: _Part | None, inherited: Duty | None
    ) -> None:
        self._extractor = extractor
        self.scan, self.folded, self.lang = scan, folded, lang
        self._previous, self._inherited = previous, inherited
        self._raw: Duty | bool | None = False
        self._duty: Duty | bool | None = False

    @property
    def raw(self) -> Duty | None:
        """The duty the part states on its own words."""
        if self._raw is False:
            x = self._extractor
            self._raw = analyse(self.scan, self.folded, self.lang, x.lex, x.roles)
        return self._raw

    @property
    def duty(self) -> Duty | None:
        """The duty completed from the sentence and the lead-in or heading above."""
        if self._duty is False:
            previous = self._previous.duty if self._previous is not None else None
            self._duty = self._extractor.complete(self.raw, previous, self._inherited, self.scan, self.folded)
        return self._duty


class _Extractor:
    def __init__(self, document: Document, pack: Pack, all_statements: bool) -> None:
        self.all_statements = all_statements
        self.document = document
        self.pack = pack
        self.lex = lexicon(pack)
        self.roles: Roles = assign_roles(document, self.lex)
        self.attachments = Attachments.of(document)
        self.ancestors = _ancestors(document.clauses)
        self.statements: list[Statement] = []
        self.mentions: set[str] = set()
        self.contexts: list[_Context] = []

    def run(self) -> Facts:
        for block in self.document.blocks:
            checkpoint()
            if block.text.strip():
                self._block(block)
        self._tables()
        return Facts(statements=self.statements, mentions=sorted(self.mentions), roles=self.roles.by_role())

    # -- context flowing down the clause tree --------------------------------------------

    def _in_scope(self, context: _Context, block: Block) -> bool:
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
        inherited_topics, inherited_duty, lead = self._inherited()
        previous: _Part | None = None
        for number, part in enumerate(segments(block.text)):
            checkpoint()  # one paragraph can hold a megabyte of sentences
            folding = fold(part.text)
            folded = folding.text
            lang = _lang(block, self.document, folded)
            scan = self.lex.scan(folded, lang)
            # an item is read with its lead-in: "Datec indemnifies BSP against: (a) any injury..."
            topics = topic_matches(self.lex.scan(f"{lead} {folded}", lang) if lead else scan, self.lex)
            self.mentions.update(t.topic for t in topics)
            current = _Part(self, scan, folded, lang, previous if part.continues else None, inherited_duty)
            if (
                number == 0
                and _heading_candidate(block, block.text)
                and (block.heading_level is not None or current.raw is None)
            ):
                self._push_heading(block, folded, topics)
                return
            previous = current
            if part.text.rstrip().endswith((":", "：")):
                lead = folded
                lead_duty = current.duty or self._listed_duties(scan, folded)
                if lead_duty is not None and block.clause_id is not None:  # a preamble's "as follows" leads nothing
                    self._push_lead(_Context(block.clause_id, _level(block), duty=lead_duty, lead=folded))
            exemption = scan.first(self.lex.words("exemption"))
            if not (topics or inherited_topics or exemption or self.all_statements):
                continue
            duty = current.duty
            if not topics and duty is not None and inherited_topics:
                topics = [t.model_copy(update={"inherited": True}) for t in inherited_topics]
            if duty is None and exemption is None:
                continue
            self._statement(block, part.text, scan, folding, lang, duty, topics, exemption.text if exemption else None)

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
        """Fill in what a part leaves out from its sentence or from the lead-in/heading above it."""
        source = previous or inherited
        if source is None:
            return duty
        if duty is None:
            role, words = subject_only(scan, folded, self.lex, self.roles)
            if role == "none":
                role, words = source.role, source.actor_words
            return Duty(role, words, source.each_own, source.modality if previous else "binding", source.modal_words)
        if duty.role == "none":
            return Duty(source.role, source.actor_words, source.each_own, duty.modality, duty.modal_words)
        return duty

    def _listed_duties(self, scan: Scan, folded: str) -> Duty | None:
        """A lead-in that names a party and announces a list ("甲方…完成以下工作：", "The Contractor agrees as
        follows:"), without a modal verb of its own: its items bind that party."""
        if not _ANNOUNCES_LIST.search(folded):
            return None
        role, words = subject_only(scan, folded, self.lex, self.roles)
        return Duty(role, words, False, "binding", "") if role != "none" else None

    def _push_heading(self, block: Block, folded: str, topics: list[TopicMatch]) -> None:
        duty = None
        if _DUTY_HEADING.search(folded) and not _RIGHTS_ONLY.search(folded):
            parties = self.roles.find(folded)
            if len({role for _, role in parties}) == 1:
                hit, role = parties[0]
                duty = Duty(role, hit.text, False, "binding", "")
        self.contexts.append(
            _Context(block.clause_id, _level(block), topics=topics, duty=duty, prefix=_number_prefix(block.label))
        )

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
    ) -> None:
        """Record a statement, quoting every word in the agreement's own script (matching ran on folded text)."""

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
                actor=Actor(role=duty.role, words=own(duty.actor_words), each_own=duty.each_own) if duty else Actor(),
                modality=duty.modality if duty else "none",
                modal_words=own(duty.modal_words) if duty else "",
                topics=[t.model_copy(update={"words": [own(w) for w in t.words]}) for t in topics],
                qualifiers=[
                    q.model_copy(update={"words": own(q.words)}) for q in qualifiers(scan, folded.text, self.lex)
                ],
                references=[
                    r.model_copy(update={"title": own(r.title)})
                    for r in references(scan, folded.text, self.lex, self.attachments)
                ],
                exemption=own(exemption) if exemption is not None else None,
                tags=self._tags(scan),
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

    def _both_cell(self, folded: str) -> bool:
        """A cell that names both parties and nothing else: "双方", "Both Parties"."""
        hits = self.lex.scan(folded, matching_lang(folded)).find(self.lex.words("both_parties"))
        return bool(hits) and len(folded) <= hits[0].end - hits[0].start + 4

    def _tables(self) -> None:
        for row in responsibility_rows(self.document, self.roles, self._both_cell):
            folding = fold(row.text)
            lang = _lang(row.block, self.document, folding.text)
            scan = self.lex.scan(folding.text, lang)
            topics = topic_matches(scan, self.lex)
            if not topics:
                continue
            duty = Duty(row.role, row.words, row.role == "both", "binding", "")
            self._statement(row.block, row.text, scan, folding, lang, duty, topics, None)
            self.statements[-1] = self.statements[-1].model_copy(update={"source": "table_row"})


def _number_prefix(label: str | None) -> str | None:
    """'1.' for a label numbering a whole unit ('1、', '1.', '第一条'); None for decimals ('1.7') and letters."""
    if not label:
        return None
    match = match_rendered(label, "")
    if match is None or match.value is None or (match.series.startswith("decimal:") and "." in label.rstrip(".")):
        return None
    return f"{match.value}."


def _level(block: Block) -> int:
    return block.heading_level if block.heading_level is not None else 99


def _ancestors(roots: tuple[ClauseNode, ...]) -> dict[str, frozenset[str]]:
    """Clause node id -> the ids of itself and every node above it."""
    out: dict[str, frozenset[str]] = {}
    stack = [(node, frozenset()) for node in roots]
    while stack:
        node, above = stack.pop()
        mine = above | {node.id}
        out[node.id] = mine
        stack.extend((child, mine) for child in node.children)
    return out


def extract(document: Document, pack: Pack, *, all_statements: bool = False) -> Facts:
    """Every statement of `document` that `pack` can judge, plus agreement-wide context.

    Only duties on a pack topic, and exemptions, become statements: the engine
    judges nothing else. `all_statements` keeps every duty, for `clausecheck
    facts --all`.
    """
    return _Extractor(document, pack, all_statements).run()
