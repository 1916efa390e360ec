"""Who bears a duty and how firmly: the actor and the modality of one sentence part.

The modal verb anchors the analysis. The party that opens the clause the
modal stands in is the bearer (乙方应…, The Contractor shall…), unless the
sentence names the agent itself (由X负责, shall be provided by X); a passive
or anonymous wording names nobody. Where several modal words start at one place the
longest wins ("shall not be responsible" over "shall not" over "shall"), and
a hedge next to a binding verb makes it weak (应尽量, shall use reasonable
endeavours, 原则上应).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from clausecheck._lazy_re import lazy_compile
from clausecheck.extract.lexicon import Hit, Lexicon, Scan
from clausecheck.extract.model import BearerSource
from clausecheck.extract.roles import Roles
from clausecheck.language.normalize import has_han
from clausecheck.language.segment import CLAUSE_BREAK, clause_around
from clausecheck.types import Lang

_PRIORITY = {"negation": 0, "prohibition": 1, "weak": 2, "binding": 3}
_MODALITY = {"negation": "negated", "prohibition": "prohibition", "weak": "weak", "binding": "binding"}
_HEDGE_WINDOW = {"en": 45, "zh-Hans": 8, "zh-Hant": 8}
_AGENT_ZH = lazy_compile(r"由\s*$")
_TO_AFTER = lazy_compile(r"\s+to\b", re.IGNORECASE)
_PASSIVE_EN = lazy_compile(r"^\s*(?:not\s+)?be\s+(?:\w+ly\s+)?(\w+(?:ed|en|wn|de|ne|lt|pt|ught))\b", re.IGNORECASE)
_STATE_EN = lazy_compile(
    r"qualified|trained|certified|licen[sc]ed|experienced|equipped|registered|authori[sz]ed|vetted|screened",
    re.IGNORECASE,
)
"""participles of a state the people must be in ("crew shall be fully qualified"): their employer ensures it,
unlike what is done to them ("personnel shall be informed")"""
_BY_AGENT_EN = lazy_compile(r"\bby\s+(?:the\s+|each\s+|either\s+)?$", re.IGNORECASE)
_OWNER_AFTER = lazy_compile(r"\b(?:of|with)$", re.IGNORECASE)
"""a modal phrase ending in a preposition names its bearer right after it ("is the responsibility of")"""


@dataclass(frozen=True, slots=True)
class Duty:
    """The bearer and force of one sentence part; role 'none' when nobody is named.

    `how` says where the bearer came from (`BearerSource`), for `clausecheck why`.
    """

    role: str
    actor_words: str
    each_own: bool
    modality: str
    modal_words: str
    how: BearerSource = "none"


def _real(hits: list[Hit], friends: list[Hit]) -> list[Hit]:
    """Hits that are not part of a false friend (应急, 相应, 可能, 'May 2025'); a longer modal that contains one
    still counts ("必要时" is a hedge although "必要" alone is no modal)."""
    return [h for h in hits if not any(f.start <= h.start and h.end <= f.end for f in friends)]


_CLAUSE_HEAD = lazy_compile(
    r"[\s\"'“‘(（\[【]*(?:(?:and|but|while|whereas|并且|并|而|且|同时)\s*)?"
    r"(?:[(（]?[a-z0-9ivx一二三四五六七八九十]{1,4}[)）]\s*)?(?:that\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
"""what may stand before the subject that opens a clause: "，乙方负责…", ", and the Contractor shall…",
"(c) that EDGE will not…" """
_BEFORE_A_NAME = lazy_compile(r"\s*(?:the\s+)?", re.IGNORECASE)


class _Conditions:
    """Where the conditions of one sentence part stand: the `condition` vocabulary (如需, 一旦, if, in case,
    provided that), which makes a modal or a party after it in the same clause the condition's, and the
    `clause_opening` vocabulary (凡, 由于, where, upon, subject to), which keeps a clause it opens from being
    the one that names the duty's bearer."""

    __slots__ = ("conditions", "openings", "text")

    def __init__(self, scan: Scan, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.conditions = scan.find(lexicon.words("condition"))
        self.openings = scan.find(lexicon.words("clause_opening"))

    def clause_start(self, position: int) -> int:
        return max((m.end() for m in CLAUSE_BREAK.finditer(self.text, 0, position)), default=0)

    def contain(self, hit: Hit) -> bool:
        """A word inside a condition: "如甲方需使用塔机，…", "if the Contractor shall fail to…"; a hedge that is
        itself a condition ("甲方如需…，乙方应…") counts as inside it."""
        start = self.clause_start(hit.start)
        return any(start <= c.start <= hit.start for c in self.conditions)

    def open(self, start: int, end: int) -> bool:
        """Whether the clause text[start:end] opens with a condition or an adverbial ("如甲方需要，", "Where …,")."""
        first = len(self.text[start:end]) - len(self.text[start:end].lstrip()) + start
        return any(h.start == first for h in (*self.conditions, *self.openings))

    def govern(self, start: int, party: Hit) -> bool:
        """A party right after "if"/"如" in its clause is the subject of a condition, not of the duty."""
        return any(
            start <= h.start and _BEFORE_A_NAME.fullmatch(self.text, h.end, party.start)
            for h in (*self.conditions, *self.openings)
        )


def _main_modal(
    scan: Scan,
    lexicon: Lexicon,
    friends: list[Hit],
    conditions: _Conditions,
    parties: list[tuple[Hit, str]],
    at: int | None = None,
) -> tuple[str, Hit] | None:
    """The first modal word outside a condition, longest and most specific first where several start together.

    With `at` (where a topic's words start), the modal of the clause that holds them, or else of the last
    clause before them that has one, when the sentence puts a second duty on another party: in
    "甲方负责提供场地，乙方负责对其人员进行安全教育" the training is governed by the second 负责. Only a clause
    that opens with its own party starts a second duty; "…，维护甲方财物，承担…" and "…，以书面告知乙方…应采取之措施"
    (乙方 the object) go on with the first.
    """
    found = sorted(
        (
            (h.start, -(h.end - h.start), _PRIORITY[kind], kind, h)
            for kind in _PRIORITY
            for h in _real(scan.find(lexicon.words(kind)), friends)
            if not conditions.contain(h)
        ),
        key=lambda item: item[:3],
    )
    if not found:
        return None
    # a modal inside a longer one at an earlier start is part of it ("得" in "不得")
    found = [item for item in found if not any(o[0] < item[0] and item[4].end <= o[4].end for o in found)]
    if len(found) > 1 and found[0][3] == "weak" and _opening_clause(scan.text, found[0][4], found[1][0]):
        found = found[1:]  # "To the extent practicable, the Customer shall…": the hedge of the duty after it (`_hedge`)
    chosen = found[0]
    if at is not None:
        text = scan.text
        start, end = clause_around(text, at, at)
        here = [item for item in found if start <= item[0] < end]
        before = [item for item in found if item[4].end <= start]
        if here:
            candidate = here[0]
        elif before:
            opening = conditions.clause_start(before[-1][0])
            candidate = next(item for item in before if item[0] >= opening)
        else:
            candidate = chosen
        opening = conditions.clause_start(candidate[0])
        if any(h.end <= candidate[0] and _CLAUSE_HEAD.fullmatch(text, opening, h.start) for h, _ in parties):
            chosen = candidate
    return chosen[3], chosen[4]


def _hedge(
    scan: Scan, lang: Lang, lexicon: Lexicon, friends: list[Hit], modal: Hit, conditions: _Conditions
) -> Hit | None:
    """A weak word right before or just after a binding verb, or opening the sentence part as an adverbial
    clause of its own ("To the extent practicable, the Customer shall…", "在可能的情况下，甲方应…"); a word
    that is only a condition ("如需") hedges nothing from there."""
    window = _HEDGE_WINDOW[lang]
    hedges = _real(scan.find(lexicon.words("weak")), friends)
    for hit in hedges:
        near = modal.start - window // 2 <= hit.start <= modal.end + window
        if near and not _in_aside(scan.text, modal.end, hit.start):  # "(and if required by law, licensed)"
            return hit
    for hit in hedges:
        opens = _opening_clause(scan.text, hit, modal.start)
        if opens and not any((c.start, c.end) == (hit.start, hit.end) for c in conditions.conditions):
            return hit
    return None


def _agent_zh(text: str, name: Hit, modal: Hit) -> bool:
    """Whether 由 makes `name` the agent of the modal beside it: "由乙方负责", "应由乙方…"."""
    governs = 0 <= modal.start - name.end <= 8 or 0 <= name.start - modal.end <= 2
    return governs and _AGENT_ZH.search(text, 0, name.start) is not None


def _in_aside(text: str, start: int, at: int) -> bool:
    """Whether `at` stands inside a bracket opened after `start`: "shall be qualified (and if required by law,
    licensed)" hedges only the aside, and "(copies of which have been provided … by Owner)" names no agent."""
    between = text[start:at]
    return between.count("(") + between.count("（") > between.count(")") + between.count("）")


_OPENERS = " \t\"'“‘(（[【"


def _opening_clause(text: str, hit: Hit, before: int) -> bool:
    """Whether `hit` opens the part and its clause ends before `before`: an adverbial clause of its own."""
    return not text[: hit.start].strip(_OPENERS) and CLAUSE_BREAK.search(text, hit.end, before) is not None


def _people_subject(
    text: str, lang: Lang, people: list[Hit], start: int, modal: Hit, unspecific: list[Hit]
) -> Hit | None:
    """The people sent to work heading the duty's clause ("电梯司机应…", "Engineers shall…"), if nothing else does.

    Not "相关人员"/"relevant personnel" (nobody in particular).
    """
    for h in people:
        # at the head of the clause ("电梯司机", "All Engineers"), not after a description ("进入现场的人员")
        # English may qualify the head noun before its verb: "All scaffolders working on the Works shall"
        reach = 60 if lang == "en" and not CLAUSE_BREAK.search(text, h.end, modal.start) else 12
        opens = start <= h.start <= start + 4 or _QUANTIFIER.fullmatch(text, start, h.start) is not None
        at_head = opens and h.end <= modal.start and modal.start - h.end <= reach
        if at_head and not any(start <= u.start and _GAP_BEFORE.fullmatch(text, u.end, h.start) for u in unspecific):
            return h
    return None


_GAP_BEFORE = lazy_compile(r"\s*")
# how many of the people, before them: "每更最少一名保安員須…", "至少两名电工应…"
_QUANTIFIER = lazy_compile(
    r"\s*(?:每[班更组天日]?)?(?:至少|最少|不少于|不得少于)?[一二两三四五六七八九十百\d]+[名个位]"
)
_THAT = lazy_compile(r"\bthat\b", re.IGNORECASE)
# two parties joined as one subject: "总承建商及分判商须…", "the Customer and the Supplier shall…"
_AND = lazy_compile(r"\s*(?:及|和|与|與|以及|、|and|&|as\s+well\s+as)\s*(?:the\s+)?", re.IGNORECASE)


def _subject(
    text: str,
    lang: Lang,
    parties: list[tuple[Hit, str]],
    both: list[Hit],
    people: list[Hit],
    modal: Hit,
    conditions: _Conditions,
    unspecific: list[Hit],
    markers: list[Hit],
) -> tuple[str, str, BearerSource]:
    """The party a duty's clause opens with, or the agent the sentence names.

    The subject is looked for in the clause right before the modal word, then
    in the clauses before it, skipping conditions ("如甲方需要，", "If the
    Customer so requests,"): a party named there, or inside the predicate
    ("乙方人员进出甲方机房应…"), is not the bearer.
    """
    after_modal = text[modal.end :]
    # an explicit agent wins: the parties the modal words themselves name ("是乙方的责任", "is the Customer's
    # responsibility", "neither the Company nor the Consultant shall be liable") or end on ("is the
    # responsibility of the Supplier"), 由X负责, shall be provided by X
    inside = [(h, role) for h, role in parties if modal.start <= h.start and h.end <= modal.end]
    if inside:
        if len({role for _, role in inside}) > 1:
            return "both", text[inside[0][0].start : inside[-1][0].end], "agent"
        return inside[0][1], inside[0][0].text, "agent"
    owner_after = _OWNER_AFTER.search(modal.text) is not None
    passive = _PASSIVE_EN.match(after_modal) if lang == "en" else None
    for h, role in parties:
        if owner_after and _BEFORE_A_NAME.fullmatch(text, modal.end, h.start):
            return role, h.text, "agent"
        if lang != "en" and _agent_zh(text, h, modal):
            return role, h.text, "agent"
        by_agent = passive is not None and h.start >= modal.end and _BY_AGENT_EN.search(text[: h.start])
        if by_agent and not _in_aside(text, modal.end, h.start):
            return role, h.text, "agent"
    for h in both:  # "应由该可归责之一方负赔偿责任", "由双方共同承担": both parties as the agent
        if lang != "en" and _agent_zh(text, h, modal):
            return "both", h.text, "agent"
    clause_start = conditions.clause_start(modal.start)
    own_people = any(clause_start <= h.start < modal.start for h in people)
    # a state the people must be in ("crew shall be fully qualified"), not something done to them
    state = passive is not None and _STATE_EN.fullmatch(passive.group(1)) is not None
    if passive is not None and not (own_people and state) and not _TO_AFTER.match(after_modal, passive.end()):
        # "EDGE shall be named as an additional insured", "the Customer shall be informed": the subject of a
        # passive undergoes the duty; with no agent named, nobody bears it. Still bound: "shall be required
        # to", and a state a party's people must be in ("Contractor personnel shall be trained", a state the
        # party must ensure), not what is done to them ("Staff shall be given induction")
        return "none", "", "none"
    mentions = sorted(
        [(h, role) for h, role in parties if h.end <= modal.start]
        + [(h, "both") for h in both if h.end <= modal.start],
        key=lambda item: item[0].start,
    )
    ends = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, modal.start)]
    starts = [0, *ends]
    if not any(starts[-1] <= h.start for h, _ in mentions):
        # the object of a passive ("Personnel shall be informed", "人员被…") heads nothing: its bearer is unnamed
        undergoes = (passive is not None and not state) or text.startswith("被", modal.end)
        person = None if undergoes else _people_subject(text, lang, people, starts[-1], modal, unspecific)
        if person is not None:
            return "provider", person.text, "personnel"
    if not mentions:
        return "none", "", "none"
    for i in range(len(starts) - 1, -1, -1):
        start, end = starts[i], (ends[i] if i < len(ends) else modal.start)
        if i < len(starts) - 1 and conditions.open(start, end):
            continue
        # "甲方违反安全规定，造成乙方人员伤亡的，应…": in a clause ending with 的 before the duty, a party after
        # the verb ("造成乙方人员伤亡") is what the event befalls; only a party opening the clause is a subject
        de_condition = lang != "en" and i < len(starts) - 1 and text[start : end - 1].rstrip().endswith("的")
        in_clause = [
            (h, role)
            for h, role in mentions
            if start <= h.start < end
            and not conditions.govern(start, h)
            and not any(m.end == h.start for m in markers)  # "按乙方的程序", "向甲方": an object, not the subject
            and not (de_condition and text[start : h.start].strip())
        ]
        that = [m.end() for m in _THAT.finditer(text, start, end)]
        if that and any(h.start >= that[-1] for h, _ in in_clause):
            # "The Parties agree that the Supplier shall…": the duty's subject is the complement clause's
            in_clause = [(h, role) for h, role in in_clause if h.start >= that[-1]]
        if in_clause:
            h, role = in_clause[0]
            head = text.rfind("的", start, end) if lang != "en" else -1
            if head > h.start:
                # "进入甲方厂区的乙方人员应…": the subject's head noun stands after its last 的
                h, role = next(((m, r) for m, r in in_clause if m.start > head), (h, role))
            joined = next((m for m, other in mentions if other != role and _AND.fullmatch(text, h.end, m.start)), None)
            if joined is not None:
                return "both", text[h.start : joined.end], "subject"  # "甲方及乙方应…": the two as one subject
            return role, h.text, "subject"
    return "none", "", "none"


# between a party and its declarative verb: nothing, a space, or one adverb ("expressly assumes")
_DECLARED_GAP = lazy_compile(r"\s{0,2}(?:[a-z]+ly\s+)?", re.IGNORECASE)
_ASSIGNING_EN = lazy_compile(r"^\s*(?:the\s+)?$", re.IGNORECASE)
_TO_VERB_EN = lazy_compile(r"\s+to\s+(?!be\b)[a-z]{3,}", re.IGNORECASE)


# in Chinese, adverbials may stand between the party and its verb ("乙方根据国家规定，按工种要求发给…"), not a
# negation ("甲方未提供…" states a breach, not a duty)
_DECLARED_GAP_ZH = lazy_compile(r"[^。；;未不没無无拒]{0,30}")


def _declares(text: str, party: Hit, verb: Hit, parties: list[tuple[Hit, str]]) -> bool:
    """Whether `verb` is the declarative verb of `party`: right after it, or in Chinese after adverbials that
    name no other party."""
    if _DECLARED_GAP.fullmatch(text, party.end, verb.start):
        return True
    return (
        has_han(text[party.end : party.end + 1])
        and _DECLARED_GAP_ZH.fullmatch(text, party.end, verb.start) is not None
        and not any(party.end <= other.start < verb.start for other, _ in parties)
    )


def _befallen(text: str, parties: list[tuple[Hit, str]], befalls: list[Hit]) -> set[int]:
    """Where the parties stand that open a 的-condition of what befalls them ("乙方因工负伤的，按国家有关规定执行",
    "甲方人员在现场受伤的，…"): the injured, not the bearer; not "甲方造成乙方人员伤亡的", where the harm is
    another party's."""
    found: set[int] = set()
    if not befalls:
        return found
    for h, _ in parties:
        end = _DE_CONDITION_END.search(text, h.end)
        if end is None:
            continue
        harm = next((b for b in befalls if h.end <= b.start < end.start()), None)
        if harm is not None and not any(h.end <= other.start < harm.start for other, _ in parties):
            found.add(h.start)
    return found


_DE_CONDITION_END = lazy_compile(r"[的者]\s*[，,]")
"""the end of a 的-condition ("…因工负伤的，"), or its classical form ("…因公受傷者，")"""


def _assigned(
    scan: Scan, text: str, lexicon: Lexicon, roles: Roles, conditions: _Conditions, befallen: set[int]
) -> Duty | None:
    """Duties assigned without a modal verb: "劳动防护用品由乙方提供", "Contractor to provide PPE" (schedules),
    and the declarative Chinese duty "甲方发给乙方劳动保护用品", a party opening the clause with a verb of
    the `declarative` vocabulary."""
    declared = scan.find(lexicon.words("declarative"))
    # both parties may head a declared duty too: "双方各自为本方人员缴纳工伤保险"; not "双方的安全责任…进行界定",
    # whose subject is what belongs to them
    both = [(h, "both") for h in scan.find(lexicon.words("both_parties")) if not text.startswith("的", h.end)]
    parties = sorted([*roles.find(text), *both], key=lambda item: item[0].start)
    each_own = scan.search(lexicon.words("each_own"))
    for h, role in parties:
        if h.start in befallen:
            continue
        before = text[: h.start]
        if _AGENT_ZH.search(before) and has_han(text[h.end : h.end + 1]):
            return Duty(role, h.text, False, "binding", "由", "assigned")
        if _ASSIGNING_EN.match(before) and _TO_VERB_EN.match(text, h.end):
            return Duty(role, h.text, False, "binding", "to", "assigned")
        clause_start = conditions.clause_start(h.start)
        opens = _OPENING.fullmatch(text, clause_start, h.start) and not conditions.open(clause_start, h.start + 1)
        verb = next((d for d in declared if _declares(text, h, d, parties)), None)
        if opens and verb is not None:
            return Duty(role, h.text, role == "both" and each_own, "binding", verb.text, "declared")
    return None


def _demanded(
    scan: Scan, text: str, lang: Lang, lexicon: Lexicon, parties: list[tuple[Hit, str]], conditions: _Conditions
) -> tuple[Hit, Hit, str] | None:
    """The party named right after a word of the `demand` vocabulary ("甲方有权要求乙方…", "督促乙方…", "the
    Customer may require the Contractor to…"), outside a condition: what one party may demand of the other is
    the other's duty, whatever the modal that gives the first its right."""
    for demand in scan.find(lexicon.words("demand")):
        if conditions.contain(demand):
            continue
        for h, role in parties:
            if _BEFORE_A_NAME.fullmatch(text, demand.end, h.start) and (lang != "en" or _TO_AFTER.match(text, h.end)):
                return demand, h, role
    return None


def _only_assists(scan: Scan, lexicon: Lexicon, lang: Lang, modal: Hit) -> bool:
    """Whether the modal verb governs an assistive verb: 应协助, 应积极配合, shall assist, shall fully cooperate."""
    reach = 3 if lang != "en" else 12
    return any(0 <= hit.start - modal.end <= reach for hit in scan.find(lexicon.words("assistive")))


def analyse(scan: Scan, text: str, lang: Lang, lexicon: Lexicon, roles: Roles, at: int | None = None) -> Duty | None:
    """The duty a (folded) sentence part states, or None when it has no modal word; `at` (where a topic's
    words start) picks the duty of the clause that holds them."""
    friends = scan.find(lexicon.words("false_friends"))
    conditions = _Conditions(scan, text, lexicon)
    parties = roles.find(text)
    befallen = _befallen(text, parties, scan.find(lexicon.words("befalls"))) if lang != "en" else set()
    found = _main_modal(scan, lexicon, friends, conditions, parties, at)
    entitled = _entitled(scan, text, lexicon, conditions, found[1] if found is not None else None, at)
    if entitled is not None:
        return Duty("none", "", False, "binding", entitled.text, "entitled")
    demanded = _demanded(scan, text, lang, lexicon, parties, conditions)
    if demanded is not None:
        demand, party, role = demanded
        if found is None or not CLAUSE_BREAK.search(text, party.end, max(party.end, found[1].start)):
            # the demanded party's own modal ("要求乙方必须…") or the right's ("may require") binds it alike; a
            # modal in a later clause ("…，甲方应提供场地") starts a duty of its own
            return Duty(role, party.text, False, "binding", demand.text, "demanded")
    if found is None:
        assigned = _assigned(scan, text, lexicon, roles, conditions, befallen)
        deferred = scan.first(lexicon.words("deferral"))
        if deferred is not None and (assigned is None or deferred.text.endswith(assigned.modal_words)):
            # "…的投保在合同专用条款中约定", "insurance to be agreed": the matter is left open, by nobody; so is
            # one whose only verb is the deferral's own ("乙方…死亡的待遇…仍按国家现行政策规定执行")
            return Duty("none", "", False, "binding", deferred.text)
        return _joint(assigned, scan, lexicon)
    kind, modal = found
    modality = _MODALITY[kind]
    words = modal.text
    if kind == "binding":
        hedge = _hedge(scan, lang, lexicon, friends, modal, conditions)
        if hedge is not None:
            modality = "weak"
            words = text[min(modal.start, hedge.start) : max(modal.end, hedge.end)]
    role, actor_words, how = _subject(
        text,
        lang,
        [(h, role) for h, role in parties if h.start not in befallen],
        scan.find(lexicon.words("both_parties")),
        scan.find(lexicon.words("personnel")),
        modal,
        conditions,
        scan.find(lexicon.words("unspecific")),
        scan.find(lexicon.words("object_marker")),
    )
    if _only_assists(scan, lexicon, lang, modal):
        role, how = "none", "assists"  # 乙方应协助甲方…, shall assist: the party helps; the agreement names no owner
    return _joint(Duty(role, actor_words, scan.search(lexicon.words("each_own")), modality, words, how), scan, lexicon)


def _entitled(
    scan: Scan, text: str, lexicon: Lexicon, conditions: _Conditions, modal: Hit | None, at: int | None
) -> Hit | None:
    """The words by which the party named receives what it speaks of ("乙方享受…劳动保险和福利待遇", "is entitled to
    receive sick pay"), in the clause of the duty: that party is the beneficiary, and the one who owes it is
    not named. A modal before them in their clause is theirs ("shall be entitled to"); with no modal, a
    heading's or lead-in's bearer would be the beneficiary's."""
    for hit in scan.find(lexicon.words("entitlement")):
        if conditions.contain(hit):
            continue
        start, end = clause_around(text, hit.start, hit.end)
        if at is not None and not start <= at <= end:
            continue
        if modal is None or start <= modal.start <= hit.start:
            return hit
    return None


def _joint(duty: Duty | None, scan: Scan, lexicon: Lexicon) -> Duty | None:
    """双方共同负责…, 双方共同制定…, the Parties shall agree…: both together with no split, and nobody owns it."""
    if duty is None or duty.role != "both" or duty.each_own or not scan.search(lexicon.words("jointly")):
        return duty
    return replace(duty, role="none", how="jointly")


def only_a_condition(
    scan: Scan, text: str, lexicon: Lexicon, roles: Roles, spans: list[tuple[int, int]]
) -> Duty | None:
    """A weak duty when every word of the topic stands inside a condition of the part ("provided that this
    personnel abides by the security rules", "如乙方人员违反甲方安全规定"): a condition is not a duty. Borne by
    the condition's subject: the party named in it, or the provider when its people are."""
    conditions = _Conditions(scan, text, lexicon)
    if not spans or not conditions.conditions:
        return None
    clauses = []
    for c in conditions.conditions:
        boundary = CLAUSE_BREAK.search(text, c.end)
        clauses.append((c, boundary.start() if boundary else len(text)))
    inside = [next(((c, end) for c, end in clauses if c.start <= s and e <= end), None) for s, e in spans]
    if any(clause is None for clause in inside):
        return None
    condition, end = next(clause for clause in inside if clause is not None)
    named = [(h, role) for h, role in roles.find(text) if condition.end <= h.start < end]
    named += [(h, "provider") for h in scan.find(lexicon.words("personnel")) if condition.end <= h.start < end]
    if not named:
        return Duty("none", "", False, "weak", condition.text, "condition")
    subject, role = min(named, key=lambda item: item[0].start)  # "this personnel abides by the rules of EuroTel"
    return Duty(role, subject.text, False, "weak", condition.text, "condition")


def subject_only(scan: Scan, text: str, lexicon: Lexicon, roles: Roles) -> tuple[str, str]:
    """The party a sentence part opens with, for parts that borrow the verb of a lead-in."""
    parties = roles.find(text)
    both = scan.find(lexicon.words("both_parties"))
    first = min(
        [(h.start, role, h.text) for h, role in parties] + [(h.start, "both", h.text) for h in both], default=None
    )
    # it must open the part: "甲方：提供…", "the Contractor to…"; not "遵守甲方的规章制度"
    if first is None or not _OPENING.fullmatch(text[: first[0]]):
        return "none", ""
    return first[1], first[2]


_OPENING = lazy_compile(r"[\s\"'“‘(（\[【]*(?:the\s+|由)?", re.IGNORECASE)
