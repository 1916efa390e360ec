"""Which named party is the client and which the provider, decided per agreement.

A party is one entity with all its names: `FTE Networks, Inc. ("FTE" or
"Subcontractor")`, `甲方（使用单位）`, `发包单位：某某公司（甲方）` each define
one party under two names, and each name belongs to exactly one side.

Positional names (甲方, Party A) carry no role, and the same word means
different things across agreements (a secondment contract's host may be
乙方; "Employer" is the client in FIDIC and the worker's employer in labour
law). So each party is weighed on evidence, strongest first:

1. role words in its own names and its definition (使用单位, 发包, 出租, 委托,
   用工 against 安装, 承包, 承租, 受托, 派遣; "Service Provider"), including a
   definitions clause (`甲方：指…具有发包主体资格…`);
2. what the agreement says it does (`host_conduct`: its site and premises;
   `provider_conduct`: its people, its supplying or performing the work);
3. only last the convention that 甲方/Party A is the client.

Two principal parties take the two sides. A party who is a person doing the
work (`worker`: 劳动者, 工人, "the Employee") stands with the provider, and so
does the employer named in that person's definition. Every word list is a
pack vocabulary; only the positions are decided here. Parties whose side
stays undecided are reported, so a silent "nobody" never hides them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from clausecheck._lazy_re import lazy_compile
from clausecheck.document.model import Document
from clausecheck.document.parties import POSITIONAL_NAME, PRONOUNS
from clausecheck.extract.lexicon import Hit, Lexicon, Scan
from clausecheck.extract.positions import positions
from clausecheck.language.normalize import fold_text, matching_lang

SIDES = ("client", "provider")
_COMPLEMENT = {"client": "provider", "provider": "client"}
_POSITIONAL = {"甲方": "client", "乙方": "provider", "party a": "client", "party b": "provider"}
# a bilingual agreement's two spellings of one position: "甲方：… Party A: …"
_TRANSLATED_POSITION = {
    **{f"{zh}方": f"Party {en}" for zh, en in zip("甲乙丙丁", "ABCD", strict=True)},
    **{f"Party {en}": f"{zh}方" for zh, en in zip("甲乙丙丁", "ABCD", strict=True)},
}
# weights of the evidence, strongest first
_OWN_NAME, _DEFINITION, _CONDUCT_CAP = 3, 2, 3
_CONDUCT = {"provider_conduct": ("provider", 1), "host_conduct": ("client", 1), "payer_conduct": ("client", 2)}
_POSSESSIVE = lazy_compile(r"\s*(?:['’]s?|s['’])\s*$")
_NAME_GOES_ON = lazy_compile(r"(?<![\w'’])(?!The\b)[A-Z][\w&-]*\s+$")
"""a capitalised word right before a name, of which the name is only the last word ("Main Contractor")"""
_POST = lazy_compile(
    r"\s*(?:主管|负责人|負責人|代表|经理|經理|管理人员|管理人員|人员|人員|工程师|工程師|"
    r"(?:safety\s+)?(?:manager|supervisor|representative|personnel|staff|team|engineer|lead|agent|contact)s?\b)"
)
"""a post or staff named by a place word: 现场主管, "site manager" """
_NO_SERVICE_PRICE = lazy_compile(
    r"[^，,。；;.]{0,24}?(?:工资|工資|薪酬|薪金|薪資|劳动报酬|勞動報酬|租金|使用费|使用費|水电费|水電費|电费|電費|"
    r"wages|salar(?:y|ies)|remuneration|licen[cs]e\s+fees?|rent\b|royalt(?:y|ies)|commissions?\b|electricity|utilit(?:y|ies))"
)
"""a payment that buys no service: wages (the payer employs), rent, a licence fee or royalties (the payer uses the
other's property or rights), the electricity or utilities the payer's own work or equipment uses"""

# "Employer's liability insurance", "Employer's Liability and Business Auto Liability": a kind of cover
# a Chinese role word inside a cover's name or a role the law gives someone: "雇主责任险", "负…雇主之责任"
_COVER_AFTER_ZH = lazy_compile(r"之?责任(?:险|保险)?|[^。；，,、]{1,4}?责任(?:险|保险)")
"""what follows a role word that names a cover or a legal role: 雇主之责任, 雇主责任险, 雇主意外责任险"""
_BEARS_BEFORE_ZH = lazy_compile(r"负[^。；，,]{0,12}$")


def _a_role_not_a_party(folded: str, hit: Hit) -> bool:
    """Whether a Chinese role word names a cover or a legal role rather than a party: "雇主责任险",
    "雇主意外责任险", "乙方就其承揽部分负…雇主之责任"."""
    after = _COVER_AFTER_ZH.match(folded, hit.end)
    if after is None:
        return False
    return (
        after.group().endswith(("险", "保险"))
        or _BEARS_BEFORE_ZH.search(folded, max(0, hit.start - 13), hit.start) is not None
    )


_NAMES_A_COVER = lazy_compile(r"(?:['’]s?|s['’]?)?\s+(?:(?i:liability)\s+(?i:insurance|cover|policy)|Liability\b)")


@dataclass(frozen=True, slots=True)
class PartyEvidence:
    """What decided one party's side, for `clausecheck why`."""

    names: tuple[str, ...]
    side: str | None
    votes: dict[str, int]
    """role words in its names and definitions, plus capped conduct"""
    conduct: dict[str, int]
    """what the agreement says it does, right after its names"""
    worker: bool
    duties: int
    principal: bool


@dataclass
class Roles:
    """The agreement's names for each role, and a matcher for them in text."""

    aliases: dict[str, str] = field(default_factory=dict)
    """alias as written -> role ('client', 'provider' or another pack party id)."""
    other_parties: re.Pattern[str] | None = None
    """the `other_parties` vocabulary ending right before a name: "各交叉作业施工单位", "other contractors"."""
    people_after: re.Pattern[str] | None = None
    """the `personnel` vocabulary right after a name: "All Contractor employees", "所有乙方人员" are the party's
    own people, whatever other-parties word comes before."""
    undecided: list[str] = field(default_factory=list)
    """names of parties whose side the agreement does not show."""
    evidence: list[PartyEvidence] = field(default_factory=list)
    """each party the agreement names, and what decided its side"""
    _pattern: re.Pattern[str] | None = None
    _folded_role: dict[str, str] = field(default_factory=dict)

    def compile(self) -> Roles:
        self._folded_role = {_key(alias): role for alias, role in self.aliases.items()}
        parts = []
        for alias in sorted(self.aliases, key=len, reverse=True):
            folded = re.escape(fold_text(alias))
            if re.match(r"\w", alias[:1], re.ASCII):
                folded = r"(?<![A-Za-z0-9])" + folded + r"(?:'s|s)?(?![A-Za-z0-9])"
            parts.append(folded)
        self._pattern = re.compile("|".join(parts)) if parts else None
        return self

    def find(self, folded: str) -> list[tuple[Hit, str]]:
        """Party names in folded text, with the role each names."""
        if self._pattern is None:
            return []
        found = []
        for m in self._pattern.finditer(folded):
            if _NAMES_A_COVER.match(folded, m.end()):
                continue  # "Employer's liability insurance" names a kind of cover, not the Employer
            if (
                self.other_parties
                and self.other_parties.search(folded, max(0, m.start() - 12), m.start())
                and not (self.people_after and self.people_after.match(folded, m.end()))
            ):
                continue  # "各交叉作业施工单位", "other contractors": a kind of party, not this one
            role = self._folded_role.get(_bare(m.group()))
            if role:
                found.append((Hit(m.start(), m.end(), m.group()), role))
        return found

    def by_role(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for alias, role in self.aliases.items():
            out.setdefault(role, []).append(alias)
        return out


def _bare(folded: str) -> str:
    """An English name without its possessive or plural ending, so "Engineers" and "Contractor's" find their alias."""
    return re.sub(r"(?:'s|’s|s)$", "", folded) if re.match(r"[A-Za-z]", folded[:1]) else folded


def _key(text: str) -> str:
    """How a name is looked up: folded, without an English possessive or plural ending."""
    return _bare(fold_text(text))


@dataclass
class _Party:
    """One party of the agreement: all its names, what its definitions say, and the evidence of its side."""

    names: list[str]
    context: list[str] = field(default_factory=list)
    """the words around its definitions, for role words"""
    described: list[str] = field(default_factory=list)
    """its full names and bracketed descriptions ("借调甲方＿＿同志", "工人"), for telling a worker"""
    votes: Counter[str] = field(default_factory=Counter)
    conduct: Counter[str] = field(default_factory=Counter)
    worker: bool = False
    duties: int = 0
    """how often one of its names opens a duty ("FCC will", "Contractor shall"); 甲方/乙方 always count"""

    def has(self, name: str) -> bool:
        return _key(name).casefold() in {_key(n).casefold() for n in self.names}


class _Evidence:
    """Reads the agreement for what each party is called and does."""

    def __init__(self, document: Document, lexicon: Lexicon) -> None:
        self.document = document
        self.lexicon = lexicon
        self.text = "\n".join(b.text for b in document.blocks)
        self.folded = fold_text(self.text)
        self.lang = matching_lang(self.text)
        # the whole agreement is read for party words only; so are the few words after each name
        self.scan = lexicon.subset(list(lexicon.parties.values())).scan(self.folded, self.lang)
        self.conduct_words = lexicon.subset([lexicon.words(v) for v in _CONDUCT])
        self.object_before = positions(lexicon).object_before
        """a Chinese name right after one is an object: what follows is not its conduct"""
        self.capitalised: dict[str, str] = {}
        """a role word -> the agreement's first use of it with a capital, "" for none (`_as_a_name`)"""
        self.opening: dict[str, list[str]] = {}
        """a character -> the texts of the blocks that have it among their first three, in order ("" -> all)"""
        for block in document.blocks:
            for char in {"", *block.text[:3]}:
                self.opening.setdefault(char, []).append(block.text)

    def scan_of(self, text: str) -> Scan:
        return self.lexicon.scan(fold_text(text), matching_lang(text))

    def role_words(self, text: str) -> Counter[str]:
        """Role words and role stems in `text`: client or provider, by the pack's party terms and role vocabularies."""
        scan = self.scan_of(text)
        hits = [(hit, role) for role, terms in self.lexicon.parties.items() for hit in scan.find(terms)]
        hits += [(hit, role) for role in SIDES for hit in scan.find(self.lexicon.words(f"{role}_role"))]
        votes: Counter[str] = Counter()
        for hit, role in hits:
            # a word inside the other side's longer name is no vote: "Main Contractor" hosts a subcontractor
            if not any(
                r != role and h.start <= hit.start and hit.end <= h.end and h.end - h.start > hit.end - hit.start
                for h, r in hits
            ):
                votes[role] += 1
        return votes

    def is_worker(self, text: str) -> bool:
        return self.scan_of(text).search(self.lexicon.words("worker"))

    def conduct(self, name: str, others: list[str]) -> Counter[str]:
        """Votes from what the agreement says the party has or does, right after each of its names (`others`:
        the other parties' names, folded).

        What follows another party's name is that party's ("甲方在乙方人员进场前" says nothing of 甲方's
        people); a place that names a post ("乙方现场主管", "the Contractor's site manager") is no hosting,
        and paying one's own people's wages ("乙方应按时支付其工资"), rent, a licence fee or royalties is not a customer's
        conduct.
        """
        votes: Counter[str] = Counter()
        english = name.isascii()
        for m in re.finditer(re.escape(fold_text(name)), self.folded):
            if english and not _word_at(self.folded, m.start(), m.end()):
                continue
            # "向贵公司支付", "为本公司提供": a Chinese name after an object marker does nothing itself
            is_object = not english and self._object_at(self.folded, m.start())
            window = self.folded[m.end() : m.end() + 80]
            scan = self.conduct_words.scan(window, self.lang)
            heads = []
            for vocabulary, (role, weight) in _CONDUCT.items():
                hit = _first_at_head(scan.find(self.lexicon.words(vocabulary)), window)
                if hit is None or (is_object and vocabulary != "host_conduct") or self._across(window, hit, others):
                    continue
                at = hit.start
                if vocabulary == "host_conduct":
                    # a host's place is the party's own: "Cascade's premises", "甲方现场", "甲方的厂区", "本公司之商場";
                    # not "乙方应制定现场应急预案", where a verb stands between
                    owned = _POSSESSIVE.match(window[:at]) if english else window[:at].strip() in ("", "的", "之")
                    if not owned or _POST.match(window, hit.end):
                        continue
                if vocabulary == "payer_conduct" and _NO_SERVICE_PRICE.match(window, hit.end):
                    continue
                heads.append((at, hit.start - hit.end, role, weight))  # the longest word where two start
            if heads:
                _, _, role, weight = min(heads)
                votes[role] += weight
        return votes

    def _object_at(self, text: str, start: int) -> bool:
        return self.object_before.search(text, max(0, start - 4), start) is not None

    def _across(self, window: str, hit: Hit, others: list[str]) -> bool:
        """Whether another party's name stands before `hit` in `window` as a subject, not as an object."""
        for other in others:
            at = window.find(other, 0, hit.start)
            while at >= 0:
                if other.isascii() or not self._object_at(window, at):
                    return True
                at = window.find(other, at + 1, hit.start)
        return False

    def definitions_clause(self, name: str) -> str:
        """The text of a definitions clause that says what `name` is (`甲方：指…`, `"Contractor" means …`).

        Only blocks whose first three characters hold the name's first are read:
        every party's every name would otherwise read every block.
        """
        out = []
        defines_name = positions(self.lexicon).defines_name
        for text in self.opening.get(name[:1], ()):
            i = text.find(name, 0, len(name) + 2)  # where the name first occurs, if it starts one of the first 3
            if i >= 0 and defines_name.match(text, i + len(name)):
                out.append(text[i + len(name) : i + len(name) + 80])
        return " ".join(out)

    def definition_context(self, block_id: str, alias: str) -> str:
        """The words around an alias's definition, without the other party's definition."""
        text = self.document.block(block_id).text
        i = text.find(alias)
        if i < 0:
            return ""
        before = text[max(0, i - 40) : i]
        # stop at the previous definition's end so one party's role words do not vote for the other
        before = re.split(r"[)）;；。]|\band\b|与|和", before)[-1]
        return before + text[i : i + len(alias) + 20]


def _word_at(text: str, start: int, end: int) -> bool:
    return not (start and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum())


def _first_at_head(hits: list[Hit], window: str) -> Hit | None:
    """The first conduct word, if it follows the name closely: "'s on-site personnel",
    "的现场", "现场调试人员" (at most four characters or two English words between)."""
    for h in hits:
        gap = window[: h.start]
        if "\n" in gap or re.search(r"[，,。；;：:()（）]|\.\s", gap):
            continue
        close = len(gap.split()) <= 2 and len(gap) <= 20 if gap.isascii() else len(gap.strip()) <= 4
        if close:
            return h
    return None


def _parties(document: Document, evidence: _Evidence) -> list[_Party]:
    """The agreement's parties, each with all the names its definitions give it."""
    parties: list[_Party] = []
    for definition in document.parties:
        alias = definition.alias.strip()
        if not alias:
            continue
        # a second name is the party's own when it is a quoted English name, a positional name or a role word;
        # a description in brackets ("工人", "单位") only describes the party
        names = [alias] + [
            a
            for a in definition.also
            if (a.isascii() and a[:1].isupper())
            or POSITIONAL_NAME.fullmatch(a)
            or alias in PRONOUNS  # "us", "our": every form of "we"
            or sum(evidence.role_words(a).values())
        ]
        names += [t for n in names if (t := _TRANSLATED_POSITION.get(n)) and t not in names and t in evidence.text]
        # a name defined in capitals and used in title case: ("NEXSTAR") then "Nexstar shall…"
        titled = [n.title() for n in names if _CAPITALS.fullmatch(n)]
        names += [t for t in titled if t not in names and t in evidence.text]
        context = [evidence.definition_context(definition.block_id, alias), *definition.also]
        described = [definition.name, *definition.also]
        same = [p for p in parties if any(p.has(n) for n in names)]
        if same:
            party = same[0]
            party.names += [n for n in names if not party.has(n)]
            party.context += context
            party.described += described
        else:
            parties.append(_Party(names=names, context=context, described=described))
    # positional names the text uses without defining them (a third party of a secondment: 借调甲方…同志)
    for m in dict.fromkeys(POSITIONAL_NAME.findall(evidence.text)):
        if not any(p.has(m) for p in parties) and evidence.text.count(m) >= 2:
            parties.append(_Party(names=[m]))
    subjects = _subjects(document, evidence.lexicon)
    for party in parties:
        # Chinese duties open with the name in too many ways to list: a Chinese name acts where it recurs
        party.duties = sum(
            subjects[n] if n.isascii() and not POSITIONAL_NAME.fullmatch(n) else evidence.text.count(n) - 1
            for n in party.names
        )
    # a role word the agreement uses as a name, heading duties ("Principal shall"), is a party too
    for terms in evidence.lexicon.parties.values():
        for hit in evidence.scan.find(terms):
            word = evidence.text[hit.start : hit.end]
            if subjects[word] >= 3 and not any(p.has(word) for p in parties):
                parties.append(_Party(names=[word], duties=subjects[word]))
    for name in _frequent_subjects(subjects, parties, positions(evidence.lexicon).not_a_party):
        parties.append(_Party(names=[name], duties=subjects[name]))
    return parties


def _weigh(parties: list[_Party], evidence: _Evidence) -> None:
    for party in parties:
        for name in party.names:
            for role, n in evidence.role_words(name).items():
                party.votes[role] += _OWN_NAME * n
            for role, n in evidence.role_words(evidence.definitions_clause(name)).items():
                party.votes[role] += _DEFINITION * n
        for text in party.context:
            for role, n in evidence.role_words(text).items():
                party.votes[role] += _DEFINITION * n
        party.worker = any(evidence.is_worker(text) for text in [*party.described, *party.names])
        others = [fold_text(n) for other in parties if other is not party for n in other.names if n]
        for name in party.names:
            party.conduct.update(evidence.conduct(name, others))
        for role in SIDES:  # conduct counts, but a few mentions never outweigh what the party is called
            party.votes[role] += min(party.conduct[role], _CONDUCT_CAP)


_CAPITALS = lazy_compile(r"[A-Z]{3,}(?:\s+[A-Z]{2,})*")
_SUB_PARTY = lazy_compile(r"分包|分判|再承攬|sub-?contractor", re.IGNORECASE)
"""a name that says the party takes sublet work: 劳务分包人, 分判商, 再承攬人, Subcontractor"""


def _decide(parties: list[_Party]) -> dict[int, str]:
    """The side of each party (by index); two principals share out client and provider."""
    decided: dict[int, str] = {}
    for i, party in enumerate(parties):
        if party.worker:
            decided[i] = "provider"
            continue
        ranked = [(r, v) for r, v in party.votes.most_common() if v > 0]
        positional = _positional(party)
        if ranked:
            best, score = ranked[0]
            tied = [r for r, v in ranked if v == score]
            decided[i] = positional if len(tied) > 1 and positional in tied else best
    # the employer named in a worker's definition (借调甲方…同志) sends that worker: the provider's side
    senders: set[int] = set()
    for i, party in enumerate(parties):
        if party.worker:
            for j, employer in enumerate(parties):
                if j != i and not employer.worker and any(n in d for n in employer.names for d in party.described):
                    decided[j] = "provider"
                    senders.add(j)
    principals = _principals(parties)
    by_conduct = _by_conduct(parties[principals[0]], parties[principals[1]]) if len(principals) == 2 else None
    if by_conduct is not None:
        a, b = principals
        decided[a], decided[b] = by_conduct
    elif len(principals) == 2:
        a, b = principals
        if (a in decided) != (b in decided):
            # one side is known: the other is its counterpart ("僱主" the client, so "僱員" the provider)
            known, counterpart = (a, b) if a in decided else (b, a)
            if decided[known] in _COMPLEMENT:
                decided[counterpart] = _COMPLEMENT[decided[known]]
        elif (
            decided.get(a) == decided.get(b)
            and a in decided
            and not (decided[a] == "client" and any(p.worker for p in parties))
        ):
            # two hosts share out the sides, unless a worker is the provider: then both speak for the employer
            # ("the Employer" in the parties, "the Company" in the text)
            subs = [i for i in (a, b) if any(_SUB_PARTY.search(n) for n in parties[i].names)]
            if len(subs) == 1:
                # "承包人" and "劳务分包人", "Contractor" and "Subcontractor": the one whose work is sublet hosts it
                decided[subs[0]], decided[a if subs[0] == b else b] = "provider", "client"
            else:
                va, vb = parties[a].votes, parties[b].votes
                keep = va["client"] + vb["provider"] >= va["provider"] + vb["client"]
                decided[a], decided[b] = ("client", "provider") if keep else ("provider", "client")
    if any(p.worker for p in parties) and "client" not in decided.values():
        # the worker's side is known: the one party left hosts the work, even where what it does reads as
        # providing ("甲方须为乙方提供…工作环境"), unless the worker's definition names it as the sender
        hosts = [
            i
            for i in principals
            if not parties[i].worker and i not in senders and decided.get(i, "provider") == "provider"
        ]
        if len(hosts) == 1:
            decided[hosts[0]] = "client"
    for i, party in enumerate(parties):  # positional names keep their convention when nothing else decides
        positional = _positional(party)
        if i not in decided and positional and len(principals) <= 2:
            decided[i] = positional
    return decided


def _by_conduct(a: _Party, b: _Party) -> tuple[str, str] | None:
    """Sides from what the two principals do, where both clearly show it: one hosting, the other working.

    Then conduct outweighs names: a colocation agreement may call the host
    "Provider" and the party sending engineers "Customer".
    """
    lean_a = a.conduct["client"] - a.conduct["provider"]
    lean_b = b.conduct["client"] - b.conduct["provider"]
    if lean_a >= 2 and lean_b <= -2:
        return "client", "provider"
    if lean_b >= 2 and lean_a <= -2:
        return "provider", "client"
    return None


def _positional(party: _Party) -> str | None:
    """The side 甲方/乙方 (Party A/B) conventionally has, for a party with such a name."""
    return next((_POSITIONAL[k] for n in party.names if (k := fold_text(n).lower()) in _POSITIONAL), None)


def _principals(parties: list[_Party]) -> list[int]:
    """The two sides of the agreement: 甲方 and 乙方 (Party A and B) where it has them, else the two parties
    that head most duties.

    A party that heads none ("Mediacom (the "Customer")", "China Recycling
    Energy Corporation (the "Company")") is a third party the agreement mentions.
    """
    candidates = [i for i, p in enumerate(parties) if not p.worker]
    positional = [i for i in candidates if parties[i].duties and _positional(parties[i])]
    if len(positional) == 2:
        return positional
    return sorted(sorted(candidates, key=lambda i: (-parties[i].duties, i))[:2])


def assign_roles(document: Document, lexicon: Lexicon) -> Roles:
    """Decide the side of every party the agreement names, and of every name it gives them."""
    evidence = _Evidence(document, lexicon)
    parties = _parties(document, evidence)
    _weigh(parties, evidence)
    decided = _decide(parties)
    principals = _principals(parties)
    generic = lexicon.alternation("other_parties")
    roles = Roles(
        other_parties=re.compile(
            rf"(?:(?:{generic})[^，,。；;：:\s]{{0,6}}|\b(?:{generic})\s+(?:\w+\s+)?)$", re.IGNORECASE
        ),
        people_after=re.compile(rf"\s*(?:{lexicon.alternation('personnel')})", re.IGNORECASE),
        evidence=[
            PartyEvidence(
                names=tuple(p.names),
                side=decided.get(i),
                votes=dict(p.votes),
                conduct=dict(p.conduct),
                worker=p.worker,
                duties=p.duties,
                principal=i in principals,
            )
            for i, p in enumerate(parties)
        ],
    )
    for i, party in enumerate(parties):
        if i in decided:
            for name in party.names:
                roles.aliases.setdefault(name, decided[i])
        elif party.duties and any(d.alias in party.names for d in document.parties):
            roles.undecided.append(party.names[0])  # a defined party that acts, on no side
    # role words used as names in the text ("the Contractor shall") count as aliases of their role
    named = {_key(alias) for alias in roles.aliases} | {_key(n) for p in parties for n in p.names}
    for role, terms in lexicon.parties.items():
        for hit in evidence.scan.find(terms):
            if _NAMES_A_COVER.match(evidence.folded, hit.end) or _a_role_not_a_party(evidence.folded, hit):
                continue  # "Employer's Liability insurance", "雇主责任险", "由乙方负雇主责任" name no party
            word = _as_a_name(evidence, hit)
            if word and _key(word) not in named:
                named.add(_key(word))
                roles.aliases[word] = role
    _people_aliases(document, roles, lexicon)
    return roles.compile()


def _as_a_name(evidence: _Evidence, hit: Hit) -> str:
    """A role word as the agreement writes it, if it is used as a name; English names are capitalised."""
    word = evidence.text[hit.start : hit.end] if len(evidence.text) == len(evidence.folded) else hit.text
    if word[:1].isascii() and word[:1].isalpha():
        if word[:1].isupper():
            return word
        if word not in evidence.capitalised:
            capitals = re.finditer(r"\b" + re.escape(word[:1].upper() + word[1:]) + r"\b", evidence.text)
            capital = next((m for m in capitals if not _NAMES_A_COVER.match(evidence.text, m.end())), None)
            evidence.capitalised[word] = capital.group() if capital else ""
        return evidence.capitalised[word]
    return word


def _subjects(document: Document, lexicon: Lexicon) -> Counter[str]:
    """How often each capitalised English name opens a duty ("Datec will", "the Contractor shall")."""
    counts: Counter[str] = Counter()
    subject = positions(lexicon).subject_en
    for block in document.blocks:
        for m in subject.finditer(block.text):
            start = m.start("name")
            if not _NAME_GOES_ON.search(block.text, max(0, start - 40), start):  # "Main Contractor" is no "Contractor"
                counts[m.group("name")] += 1
    return counts


def _frequent_subjects(subjects: Counter[str], parties: list[_Party], not_a_party: re.Pattern[str]) -> list[str]:
    """Names that often open a duty ("Datec will", "BSP must") without a definition the reader recognised.
    A name must head at least three duties to count."""
    return [
        name
        for name, n in subjects.most_common(4)
        if n >= 3 and not not_a_party.fullmatch(name) and not any(p.has(name) for p in parties)
    ]


def _people_aliases(document: Document, roles: Roles, lexicon: Lexicon) -> None:
    """Defined names for one party's people ("Engineer" means an employee of the Supplier)."""
    known = dict(roles.aliases)
    people_definition = positions(lexicon).people_definition
    for block in document.blocks:
        for m in people_definition.finditer(block.text):
            term, owner = m.group("term").strip(), m.group("owner").strip()
            for alias, role in known.items():
                if owner == alias or owner.startswith(alias):
                    roles.aliases.setdefault(term, role)
                    break
