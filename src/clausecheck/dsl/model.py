"""The resolved rule pack: what a pack file means once `extends` is applied.

The rule-language parser produces these models and nothing else; extraction
and the engine read only these. Every declaration keeps the file, line and
column it came from so `packs show` and error messages can point at it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from clausecheck._lazy_re import lazy_compile
from clausecheck.types import Citation, Lang, Severity

RULE_CODE = lazy_compile(r"^[A-Z]+[0-9]+$")
"""A rule code: capital letters then digits (CC101)."""
PLACEHOLDER = lazy_compile(r"\{([A-Za-z_][\w-]*)\}")
"""`{client}`, `{provider}` in suggested wording: the party as the agreement names it"""

RuleStatus = Literal["stable", "preview", "deprecated"]
"""stable: settled; preview: new, its verdicts may still change; deprecated: kept for old configurations, to be removed"""

AmbiguityKind = Literal["no_actor", "weak_modality", "vague", "dangling_reference"]
ALL_AMBIGUITY_KINDS: tuple[AmbiguityKind, ...] = ("no_actor", "weak_modality", "vague", "dangling_reference")

VOCABULARIES: dict[str, str] = {
    "binding": "verbs that impose a duty: 应/应当/须/必须/负责; shall/must/is responsible for",
    "weak": "hedged or permissive verbs: 可/尽量/原则上/视情况; should/may/endeavour/where practicable",
    "prohibition": "verbs that forbid: 不得/严禁; shall not/must not",
    "negation": "wording that denies a duty: 不负责/无须; shall not be responsible for/is not required to",
    "vague": "qualifiers that leave content open: 适当/必要/相关/有关规定; adequate/appropriate/relevant",
    "vague_timing": "timing without a period: 及时/尽快/定期; promptly/timely/as soon as practicable",
    "exemption": "wording that excludes or shifts liability: 概不负责/不承担任何责任; shall not be liable/excludes all liability",
    "both_parties": "wording that names both parties: 双方/各方; the Parties/each Party",
    "each_own": "each party for its own people or equipment: 各自/各方自行; its own personnel/each Party for its own",
    "jointly": "both parties together with no split, which leaves a duty unowned: 共同负责/共同承担; jointly responsible/shall agree",
    "optional_heading": "words in a heading that make what it heads optional: 保险（如有时）; Insurance (if applicable)",
    "assistive": "verbs that help without owning the duty: 协助/配合; assist/cooperate",
    "object_marker": "prepositions that make the party after them an object, not a subject: 按/向/与",
    "demand": "words by which one party demands a duty of the party named right after: 有权要求/责令; may require … to",
    "deferral": "wording that leaves the matter for later: 另行约定/协商确定; to be agreed",
    "false_friends": "words that contain a modal but are not one: 应急/相应/供应/可能/许可/负责人; 'May' the month",
    "personnel": "the people sent to do the work, as a duty's subject: 作业人员/驻场人员/司机; personnel/engineers/staff",
    "takes_up_work": "a worker's own taking up of work, which only the provider's people do: an impersonal duty "
    "with it falls to the provider: 方可上岗/持证上岗; before starting work",
    "client_role": "role stems that make a party the host, in its names and definitions: 发包/使用单位/出租/委托/用工; owner/lessor",
    "provider_role": "role stems that make a party the provider: 承包/安装/承租/受托/派遣; contractor/supplier/lessee",
    "worker": "a party who is a person doing the work, in its definition: 劳动者/工人/同志/身份证; worker/employee/individual",
    "host_conduct": "words right after a party's name that show it hosts: 的场地/现场/厂区; 's premises/site/facility",
    "provider_conduct": "words right after a party's name that show it does the work: 人员/派驻/负责施工; 's personnel/shall supply",
    "shifts_liability": "wording that puts every loss on the party it names, whatever the cause: 一切责任由…/均由…自负; "
    "at its sole risk (an exemption when that party is the provider)",
    "condition": "words that open a condition: a modal or party after them in the clause is the condition's: "
    "如需/一旦/如遇; if/in case/provided that",
    "entitlement": "what the party named receives rather than owes: it is the beneficiary, and whoever owes it "
    "is not named: 享受/有权获得; entitled to receive",
    "befalls": "what befalls a party's people rather than what they do: a party opening a 的-condition with it "
    "is the injured, not the bearer: 因工负伤/受伤/患病",
    "clause_opening": "adverbials that, opening a clause, keep it from naming the duty's bearer: 凡/由于/经; where/upon/subject to",
    "proviso": "openings that refer to other provisions, whose words are not the sentence's subject: "
    "subject to/without prejudice to; 在不影响…的前提下",
    "duty_heading": "heading words that make its items one party's duties: 责任/义务/职责/甲方工作; obligations/duties",
    "list_lead": "a lead-in that announces a party's list of duties: 完成以下工作/下列义务; agrees as follows",
    "anaphora": "demonstratives that open a sentence about the one before: 上述/该等; these/such/the foregoing",
    "unspecific": "words that make the people after them nobody in particular: 相关/有关/其他; relevant/other/any",
    "other_parties": "words that make a party name after them a kind of party, not this one: 各/其他/第三方; other/each",
    "table_mark": "a responsibility table's mark that a party bears a row: √/●/负责; yes/X/responsible",
    "statute_noun": "words that identify a referenced document as a statute or standard: 法/条例/标准; Act/Code/GB",
    "document_noun": "words that name a document a duty may point to: 制度/手册/预案; rules/manual/plan/procedures",
    "annex_noun": "a noun that with a number names an attached document: 附件/附表; Schedule/Annex/Exhibit",
    "reference_lead": "words that point a duty to a named document: in accordance with/pursuant to/comply with",
    "definition_verb": "the verb that defines a quoted term: 是指/系指; means/shall mean/refers to",
    "not_a_party": "capitalised English words that head duties but are no party: Each/Nothing/Insurance",
    "declarative": "verbs that state a duty without a modal when a party opens the clause: 甲方发给/乙方提供/乙方遵守",
    "payer_conduct": "words right after a party's name that show it pays for the work: 支付/付款; shall pay/agrees to pay",
}
"""The shared vocabularies extraction relies on; a pack may add others."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Origin(_Model):
    """Where a declaration was written."""

    pack: str
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Term(_Model):
    """A word or pattern to match in agreement text.

    Literal terms match normalised text (NFKC, half-width, traditional folded to
    simplified), so a zh-Hans term also matches zh-Hant text. Regex terms use
    Python `re` syntax and are validated when the pack loads.
    """

    text: str
    lang: Lang | None = Field(None, description="None: matches in any language")
    regex: bool = False


class Party(_Model):
    """A role an agreement can give a party, with the words that signal it."""

    id: Literal["client", "provider"] = Field(
        description="'client' (the host whose site it is) or 'provider' (whose people do the work)"
    )
    title: str
    terms: tuple[Term, ...] = Field(description="role words: Client/Customer/Owner/委托方/发包方 ...")
    origin: Origin


class Topic(_Model):
    """Something an agreement can address, recognised by its terms."""

    id: str
    title: str
    titles: dict[Lang, str] = Field(default_factory=dict, description="the title per language, for messages")
    terms: tuple[Term, ...] = Field(description="any one of these marks a sentence as addressing the topic")
    near: tuple[tuple[Term, ...], ...] = Field(
        (), description="each group must also occur (one of its terms) within `window`"
    )
    window: int | None = Field(None, description="characters around the match; None means the same sentence")
    exclude: tuple[Term, ...] = Field(
        (),
        description="phrases that are not the topic: a term or near word beside one of these (in the same phrase) "
        "does not count, the rest of the sentence still does",
    )
    unless: tuple[Term, ...] = Field(
        (), description="context that rules the topic out: a sentence with one does not count"
    )
    by: dict[str, tuple[Term, ...]] = Field(
        default_factory=dict,
        description="party id -> terms that address the topic only in a duty that party bears (the host's "
        "safety education tells the visiting staff the site's hazards; the provider's own training does not)",
    )
    origin: Origin


class Mentions(_Model):
    """True when the agreement mentions any of these topics anywhere."""

    kind: Literal["mentions"] = "mentions"
    topics: tuple[str, ...]


class AllOf(_Model):
    kind: Literal["all"] = "all"
    items: tuple[Condition, ...]


class AnyOf(_Model):
    kind: Literal["any"] = "any"
    items: tuple[Condition, ...]


class Not(_Model):
    kind: Literal["not"] = "not"
    item: Condition


Condition = Annotated[Mentions | AllOf | AnyOf | Not, Field(discriminator="kind")]
"""An applicability condition: a rule counts only where it holds."""


class Scope(_Model):
    """Words that show what kind of agreement it is (work on a site, people sent), for a pack's `applies when`.

    Unlike a topic, a scope is never matched to statements and no rule is
    about it: it only decides whether the pack speaks to the agreement.
    """

    id: str
    title: str
    terms: tuple[Term, ...]
    origin: Origin


class Statute(_Model):
    """A law as each language names it, so a citation reads in the reader's language.

    `PRC Work Safety Law art. 45` is shown as 《中华人民共和国安全生产法》第四十五条 to a
    zh-Hans reader: citations are written in English in the pack, and the
    statute whose English name starts a citation gives its name per language.
    """

    jurisdiction: str
    name: str = Field(description="the English name citations start with: 'PRC Work Safety Law'")
    names: dict[Lang, str] = Field(default_factory=dict, description="the statute's own name per language")
    items: tuple[int, ...] = Field(
        (), description="articles whose numbered subdivisions (1), (2) are items (项), not paragraphs (款)"
    )
    origin: Origin


class Example(_Model):
    """A short wording shown by `clausecheck explain`."""

    lang: Lang
    text: str
    good: bool = Field(description="True: settles the rule; False: what the rule flags")


class _RuleBase(_Model):
    id: str = Field(description="stable id, e.g. 'ppe.provided'")
    code: str = Field(description="stable short code, e.g. 'CC101'; an override keeps the parent's")
    aliases: tuple[str, ...] = Field(
        (), description="the ids and codes the rule had before it was renamed; they still name it"
    )
    status: RuleStatus = "stable"
    title: str
    titles: dict[Lang, str] = Field(default_factory=dict, description="the title per language, for messages")
    severity: Severity
    topic: str
    applies: Condition | None = Field(None, description="the rule counts only where this holds")
    citations: tuple[Citation, ...] = ()
    rationale: str = ""
    suggest: dict[Lang, str] = Field(default_factory=dict, description="suggested wording per language")
    examples: tuple[Example, ...] = ()
    origin: Origin = Field(description="where the rule was declared")
    overridden_at: tuple[Origin, ...] = Field((), description="overrides applied, parent first")


class RequireRule(_RuleBase):
    """The agreement must settle `topic`: a binding duty on an allowed party."""

    kind: Literal["require"] = "require"
    bearers: tuple[str, ...] = Field(description="party ids that may bear the duty; 'both' allowed")
    bearing: Literal["one", "each", "any"] = Field(
        "any",
        description="one: exactly one party (two different bearers conflict); "
        "each: each party for its own; any: any allowed party",
    )
    binding: bool = Field(True, description="a weak modal makes the topic ambiguous")
    ambiguous_when: tuple[AmbiguityKind, ...] = ALL_AMBIGUITY_KINDS
    specific: tuple[tuple[Term, ...], ...] = Field(
        (),
        description="content the duty needs: a statement on the topic without one term of each group is vague "
        "(e.g. an indemnity that never names injury or death)",
    )


class ForbidRule(_RuleBase):
    """A clause that must not appear: `topic` together with exemption wording."""

    kind: Literal["forbid"] = "forbid"
    exemption: bool = Field(True, description="the clause must also carry exemption wording")
    near: tuple[tuple[Term, ...], ...] = Field((), description="further term groups that must co-occur")


Rule = Annotated[RequireRule | ForbidRule, Field(discriminator="kind")]


class DisabledRule(_Model):
    id: str
    reason: str
    origin: Origin


class Pack(_Model):
    """A pack with everything it extends folded in."""

    id: str
    title: str
    version: str = "0"
    languages: tuple[Lang, ...] = ("zh-Hans", "zh-Hant", "en")
    jurisdictions: tuple[str, ...] = ()
    extends: tuple[str, ...] = Field((), description="direct parents as written")
    lineage: tuple[str, ...] = Field((), description="this pack and every ancestor, nearest first")
    parties: dict[str, Party]
    topics: dict[str, Topic]
    vocabularies: dict[str, tuple[Term, ...]]
    applies: Condition | None = Field(
        None, description="the pack applies to an agreement only where this holds; else its topics are not_applicable"
    )
    not_applicable: dict[Lang, str] = Field(
        default_factory=dict, description="why the pack does not apply (when `applies` fails), per language"
    )
    statutes: tuple[Statute, ...] = ()
    scopes: dict[str, Scope] = Field(default_factory=dict)
    rules: tuple[Rule, ...] = Field(description="enabled rules after overrides, in declaration order")
    disabled: tuple[DisabledRule, ...] = ()
    path: str = Field(description="the pack file")

    def rule(self, name: str) -> RequireRule | ForbidRule:
        """The enabled rule with this id, code or alias."""
        for r in self.rules:
            if name in (r.id, r.code, *r.aliases):
                return r
        raise KeyError(name)


AllOf.model_rebuild()
AnyOf.model_rebuild()
Not.model_rebuild()
