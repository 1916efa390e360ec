"""Statements: the obligations extraction finds, one per sentence or table row.

A statement keeps what a reviewer needs to judge a duty (who bears it, how
firmly, about what, how precisely) and where it is, so a finding can cite
the clause and quote the words. The engine sees only a small projection of
it (`facts.py`); the text never enters the rule engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from clausecheck.dsl.model import ForbidRule, RequireRule
from clausecheck.types import Lang

Modality = Literal["binding", "weak", "prohibition", "negated", "none"]
BearerSource = Literal[
    "subject",
    "agent",
    "personnel",
    "assigned",
    "demanded",
    "declared",
    "sentence",
    "heading",
    "lead-in",
    "leading clause",
    "table",
    "condition",
    "assists",
    "jointly",
    "entitled",
    "none",
]
"""Where a duty's bearer came from: the party opening its clause, the agent (由X/by X), the people sent as
subject, an assignment without a modal (由乙方提供, Contractor to provide), what one party may demand of the other
(甲方有权要求乙方…, may require the Contractor to…), a declarative duty (甲方发给), an
earlier part of the sentence, a heading or lead-in or leading clause above it, a responsibility table, the
subject of a condition the topic is only part of ("provided that its personnel abide by the site rules"); or
nobody (`assists`: the named party only helps; `jointly`: both parties together, with no split; `entitled`: the
named party only receives it, 乙方享受…待遇, is entitled to receive)."""
QualifierKind = Literal["vague", "vague_timing", "deadline", "amount", "standard", "list"]
"""`list`: what a degree word qualifies, listed right after it ("适当的个人防护装备，包括安全帽、安全带…")"""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Actor(_Model):
    """Who bears the duty: a pack party id, 'both', or 'none' when nobody is named."""

    role: str = "none"
    words: str = Field("", description="the words that named the actor: '乙方', 'the Contractor', '双方'")
    each_own: bool = Field(
        False,
        description="limited to the bearer's own people, equipment or fault (各自, its own, to the extent caused by)",
    )
    source: BearerSource = Field("none", description="where the bearer came from")


class TopicMatch(_Model):
    topic: str
    words: list[str] = Field(default_factory=list)
    inherited: bool = Field(False, description="the topic comes from the heading the sentence sits under")


class Qualifier(_Model):
    kind: QualifierKind
    words: str
    topic: str | None = Field(
        None,
        description="the one topic whose own words the vague words are ('safety equipment' for ppe): they leave "
        "only that topic open, not the others the statement addresses",
    )


class Reference(_Model):
    """A document a duty delegates to: 《安全管理手册》, 'the Site Rules in Schedule 3'."""

    title: str
    resolved: bool = Field(description="the agreement attaches or identifies it")
    target: str | None = Field(None, description="the annex or clause it resolves to")


class Statement(_Model):
    """One obligation-bearing sentence or responsibility-table row."""

    id: int
    block_id: str
    clause: str | None = None
    text: str = Field(description="the sentence in the agreement's own words")
    lang: Lang
    source: Literal["sentence", "table_row"] = "sentence"
    actor: Actor = Field(default_factory=Actor)
    modality: Modality = "none"
    modal_words: str = ""
    topics: list[TopicMatch] = Field(default_factory=list)
    qualifiers: list[Qualifier] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    exemption: str | None = Field(None, description="the words that exclude or shift liability")
    tags: list[str] = Field(default_factory=list, description="rule-specific co-occurrence checks that held")

    def vague_for(self, topic: str) -> bool:
        """Vague content about `topic` with no concrete deadline, amount or standard to pin it down; a degree
        word ("适当", "appropriate") is pinned too by the list that follows it, vague timing is not. Vague words
        that are another topic's own ("provide information, training and safety equipment") leave only that one
        open."""
        kinds = {q.kind for q in self.qualifiers if q.topic in (None, topic)}
        if kinds & {"deadline", "amount", "standard"}:
            return False
        return "vague_timing" in kinds or ("vague" in kinds and "list" not in kinds)

    @property
    def dangling(self) -> bool:
        return any(not r.resolved for r in self.references)


@dataclass(slots=True)
class TopicCheck:
    """How one topic fared in one sentence part: its words found, near words per group, exclusions, and
    whether the part addresses it (a plain dataclass: extraction makes one per topic mention)."""

    topic: str
    terms: list[str] = field(default_factory=list)
    near: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    unless: list[str] = field(default_factory=list)
    accepted: bool = False
    reason: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)
    """where the counted terms stand in the scanned text"""
    only_for: tuple[str, ...] = ()
    """the parties whose duty alone the part addresses the topic in, when only `by` terms of theirs count"""


class PartTrace(_Model):
    """One sentence part that mentions a topic's words, what extraction made of it."""

    block_id: str
    clause: str | None = None
    text: str
    checks: list[TopicCheck] = Field(default_factory=list)
    inherited: list[str] = Field(default_factory=list, description="topics the part took from the heading above")
    statement: int | None = Field(None, description="the statement recorded for the part, if any")


class Facts(_Model):
    """Everything extraction found in one agreement: statements plus agreement-wide context."""

    statements: list[Statement]
    mentions: list[str] = Field(default_factory=list, description="topic ids mentioned anywhere")
    roles: dict[str, list[str]] = Field(default_factory=dict, description="party id -> aliases in this agreement")
    undecided: list[str] = Field(
        default_factory=list, description="parties the agreement names whose side (client or provider) it does not show"
    )


def near_tag(rule: ForbidRule) -> str:
    """The statement tag (and engine fact field) set when a forbid rule's `near` groups co-occur."""
    return f"near_{rule.code}"


def specific_tag(rule: RequireRule) -> str:
    """The statement tag (and engine fact field) set when a statement carries the content a rule's `specific` groups ask for."""
    return f"specific_{rule.code}"
