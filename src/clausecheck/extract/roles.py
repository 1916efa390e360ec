"""Which named party is the client and which the provider, decided per agreement.

Positional names (甲方, Party A) carry no role, and the same word means
different things across agreements (an English agreement may call the host
"Provider"; "Employer" is the client in FIDIC and the worker's employer in
labour law). So each alias the agreement defines is weighed on evidence:
role words in its own definition ("买方（甲方）", `("Datec" or "Service
Provider")`), the alias itself being a pack role word, what the agreement
says the party does (its site and premises, or its people doing the work;
where both sides clearly show it, this outweighs what they are called), and
only last the convention that 甲方/Party A is the client.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from clausecheck.document.model import Document
from clausecheck.extract.lexicon import Hit, Lexicon
from clausecheck.language.normalize import fold_text, matching_lang

_POSITIONAL = {
    "甲方": "client",
    "乙方": "provider",
    "party a": "client",
    "party b": "provider",
    "甲": "client",
    "乙": "provider",
}
# What a party does, in the agreement's words: hosts the site, or sends the people who work.
_PEOPLE = (
    r"(?:人员|员工|工程师|技术员|调试员|工人|司机|personnel|staff|employees|engineers|technicians|"
    r"workers|electricians|operatives)"
)
_HOST_BEHAVIOUR = re.compile(
    rf"^(?:'s|’s|的)?\s*(?!\S{{0,4}}{_PEOPLE})(?:场地|现场|厂区|机房|办公场所|工地|场所|营业场所|premises|site|facility|"
    r"facilities|plant|data\s?cent(?:re|er)|building)",
    re.IGNORECASE,
)
_PROVIDER_BEHAVIOUR = re.compile(
    # "乙方现场调试人员", not "雇主将聘用雇员" (hiring someone else's people is not sending one's own)
    rf"^(?:'s|’s|的)?\s*(?:(?:(?![聘雇招])[\u4e00-\u9fff]){{0,4}}?|(?:on-?site\s+|field\s+)?){_PEOPLE}"
    r"|^\s*(?:应|shall|will)\s*(?:派|provide the services|perform the (?:services|work))",
    re.IGNORECASE,
)
# "X" means any employee ... of the Supplier: X is the Supplier's people.
_PEOPLE_DEFINITION = re.compile(
    r"[\"“]([A-Z][\w\s-]{1,30}?)[\"”]\s+(?:means|shall mean)\b[^.]{0,120}?\b(?:employees?|personnel|staff|engineers?|"
    r"technicians?|workers?|subcontractors?|representatives?)\b[^.]{0,60}?\bof\s+(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)"
)


_GENERIC_BEFORE = re.compile(
    r"(?:(?:各|其他|其它|其余|所有|任何|另一|第三方)[^，,。；;：:\s]{0,6}"
    r"|\b(?:other|any|all|each|every|another|third[- ]party|no)\s+(?:\w+\s+)?)$",
    re.IGNORECASE,
)
# a party who is a person doing the work: 丙方（劳动者）, "the Employee"
_WORKER = re.compile(
    r"劳动者|劳务人员|员工|职工|雇员|身份证|\b(?:worker|employee|individual|contractor personnel)\b", re.IGNORECASE
)
_NAMES_A_COVER = re.compile(r"(?:['’]s?|s['’]?)?\s+liability\s+(?:insurance|cover|policy)", re.IGNORECASE)


@dataclass
class Roles:
    """The agreement's names for each role, and a matcher for them in text."""

    aliases: dict[str, str] = field(default_factory=dict)
    """alias as written -> role ('client', 'provider' or another pack party id)."""
    _pattern: re.Pattern[str] | None = None
    _folded_role: dict[str, str] = field(default_factory=dict)

    def compile(self) -> Roles:
        self._folded_role = {}
        for alias, role in self.aliases.items():
            self._folded_role[_key(alias)] = role
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
            if _GENERIC_BEFORE.search(folded, max(0, m.start() - 12), m.start()):
                continue  # "各交叉作业施工单位", "other contractors": a kind of party, not this one
            role = self._folded_role.get(_bare(m.group()))  # the text is folded already
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
    return re.sub(r"(?:'s|s)$", "", folded) if re.match(r"[A-Za-z]", folded[:1]) else folded


def _key(text: str) -> str:
    """How a name is looked up: folded, without an English possessive or plural ending."""
    return _bare(fold_text(text))


def _role_words(lexicon: Lexicon, text: str) -> Counter[str]:
    votes: Counter[str] = Counter()
    scan = lexicon.scan(fold_text(text), matching_lang(text))
    for role, terms in lexicon.parties.items():
        votes[role] += len(scan.find(terms))
    return votes


def _behaviour(folded_text: str, alias: str) -> Counter[str]:
    """Votes from what the agreement (folded, one line per block) says the party has or does."""
    votes: Counter[str] = Counter()
    folded_alias = fold_text(alias)
    start = 0
    while (i := folded_text.find(folded_alias, start)) >= 0:
        after = folded_text[i + len(folded_alias) : i + len(folded_alias) + 40]
        if _PROVIDER_BEHAVIOUR.match(after):
            votes["provider"] += 1
        elif _HOST_BEHAVIOUR.match(after):
            votes["client"] += 1
        start = i + len(folded_alias)
    return votes


def assign_roles(document: Document, lexicon: Lexicon) -> Roles:
    """Decide the role of every party name the agreement uses."""
    principals: dict[str, Counter[str]] = {}
    for party in document.parties:
        alias = party.alias.strip()
        if not alias:
            continue
        votes = principals.setdefault(alias, Counter())
        # role words in the alias itself ("Service Provider") and around its definition ("买方（甲方）")
        for role, n in _role_words(lexicon, alias).items():
            votes[role] += 3 * n
        context = _definition_context(document, party.block_id, alias)
        for role, n in _role_words(lexicon, context).items():
            votes[role] += 2 * n
        if _WORKER.search(context):
            votes["provider"] += 1  # the worker of a three-party dispatch agreement is on the provider's side
    for name in _frequent_subjects(document, principals):
        principals.setdefault(name, Counter())
    text = "\n".join(b.text for b in document.blocks)
    folded_text = fold_text(text)
    conduct = {alias: _behaviour(folded_text, alias) for alias in principals}
    for alias, votes in principals.items():
        votes.update(conduct[alias])
    roles = Roles(aliases={**_decide(principals), **_by_conduct(conduct)})
    # role words used as names in the text ("the Contractor shall") count as aliases of their role
    scan = lexicon.scan(folded_text, matching_lang(text))
    named = {_key(alias) for alias in roles.aliases}
    for role, terms in lexicon.parties.items():
        for found in dict.fromkeys(hit.text for hit in scan.find(terms)):
            word = _original_casing(text, found)
            if word and _key(word) not in named:  # the agreement's own name keeps the role decided for it
                roles.aliases.setdefault(word, role)
    _people_aliases(document, roles)
    return roles.compile()


def _decide(principals: dict[str, Counter[str]]) -> dict[str, str]:
    """Roles for the agreement's own party names; two names share out client and provider."""
    decided: dict[str, str] = {}
    for alias, votes in principals.items():
        positional = _POSITIONAL.get(fold_text(alias).lower())
        ranked = votes.most_common()
        if ranked and ranked[0][1] > 0:
            best, score = ranked[0]
            tied = [r for r, v in ranked if v == score]
            decided[alias] = positional if len(tied) > 1 and positional in tied else best
        elif positional:
            decided[alias] = positional
    names = list(principals)
    complement = {"client": "provider", "provider": "client"}
    if len(names) == 2 and sum(n in decided for n in names) == 1:
        # one side is known: the other is its counterpart ("僱主" the client, so "僱員" the provider)
        known, other = (names[0], names[1]) if names[0] in decided else (names[1], names[0])
        if decided[known] in complement:
            decided[other] = complement[decided[known]]
    if len(names) == 2 and decided.get(names[0]) == decided.get(names[1]):
        a, b = (principals[n] for n in names)
        # the two sides of the agreement: give each the role its evidence favours more
        keep = a["client"] + b["provider"] >= a["provider"] + b["client"]
        decided[names[0]], decided[names[1]] = ("client", "provider") if keep else ("provider", "client")
    return decided


def _by_conduct(conduct: dict[str, Counter[str]]) -> dict[str, str]:
    """Roles from what two parties do, where that clearly tells host from provider.

    What the agreement says a party has and does (its premises, its engineers)
    outweighs what it is called: a colocation agreement may call the host
    "Provider" and the party sending engineers "Customer".
    """
    if len(conduct) != 2:
        return {}
    (a, va), (b, vb) = conduct.items()
    lean_a, lean_b = va["client"] - va["provider"], vb["client"] - vb["provider"]
    # both sides must show it: one hosting (its site, its premises), the other sending people
    if lean_a >= 2 and lean_b <= -2:
        return {a: "client", b: "provider"}
    if lean_b >= 2 and lean_a <= -2:
        return {a: "provider", b: "client"}
    return {}


_SUBJECT_EN = re.compile(
    r"(?<![\w'’])(?:The\s+|the\s+)?([A-Z][A-Za-z&-]{1,24}|[A-Z]{2,12})\s+(?:shall|must|will|agrees|indemnifies|undertakes|"
    r"warrants|represents|may)\b"
)
_NOT_A_PARTY = {
    "The",
    "This",
    "That",
    "These",
    "Each",
    "Either",
    "Neither",
    "Such",
    "Any",
    "All",
    "It",
    "They",
    "We",
    "You",
    "Agreement",
    "Contract",
    "Services",
    "Service",
    "Party",
    "Parties",
    "Work",
    "Works",
    "Payment",
    "Notice",
    "Term",
    "Schedule",
    "Clause",
    "Section",
    "Article",
    "Nothing",
    "No",
    "Personnel",
    "Staff",
    "Employees",
    "Fees",
    "Price",
    "Prices",
    "Invoice",
    "Invoices",
    "Equipment",
    "Software",
    "System",
    "Project",
    "He",
    "She",
    "If",
    "Where",
    "When",
    "Title",
    "Risk",
    "Delivery",
    "Acceptance",
    "Warranty",
    "Insurance",
    "Confidential",
}


def _frequent_subjects(document: Document, known: dict[str, Counter[str]]) -> list[str]:
    """Names that often open a duty ("Datec will", "BSP must"), for agreements without a preamble.

    Used only when the definitions did not name both sides; a name must head
    at least three duties to count.
    """
    if len(known) >= 2:
        return []
    counts: Counter[str] = Counter()
    for block in document.blocks:
        for m in _SUBJECT_EN.finditer(block.text):
            counts[m.group(1)] += 1
    return [name for name, n in counts.most_common(4) if n >= 3 and name not in _NOT_A_PARTY and name not in known][:2]


def _definition_context(document: Document, block_id: str, alias: str) -> str:
    """The words around an alias's definition, without the other party's definition."""
    text = document.block(block_id).text
    i = text.find(alias)
    if i < 0:
        return ""
    before = text[max(0, i - 40) : i]
    # stop at the previous definition's end so one party's role words do not vote for the other
    before = re.split(r"[)）;；。]|\band\b|与|和", before)[-1]
    return before + text[i : i + len(alias) + 20]


def _original_casing(text: str, folded_word: str) -> str:
    """The word as the agreement writes it; English role words must be capitalised to count as names."""
    m = re.search(re.escape(folded_word), text, re.IGNORECASE)
    if not m:
        return folded_word
    word = m.group()
    if re.match(r"[a-z]", word):
        capital = re.search(r"\b" + re.escape(word[0].upper() + word[1:]) + r"\b", text)
        return capital.group() if capital else ""
    return word


def _people_aliases(document: Document, roles: Roles) -> None:
    """Defined names for one party's people ("Engineer" means an employee of the Supplier)."""
    known = {a: r for a, r in roles.aliases.items()}
    for block in document.blocks:
        for m in _PEOPLE_DEFINITION.finditer(block.text):
            term, owner = m.group(1).strip(), m.group(2).strip()
            for alias, role in known.items():
                if owner == alias or owner.startswith(alias):
                    roles.aliases.setdefault(term, role)
                    break
