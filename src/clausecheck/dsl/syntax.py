"""One pack file as written, before `extends` is applied.

The transformer turns a parse tree into these; the resolver folds a lineage of
them into the `Pack` model. They keep every position so that resolution
errors (an unknown topic, an override of a rule nobody declared) can point
into the file that caused them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from clausecheck.dsl.model import Term
from clausecheck.types import Lang

Amend = Literal["define", "+=", "-=", "="]

_KEYWORDS = {
    "bearers": "bearer",
    "aliases": "alias",
    "ambiguous_when": "ambiguous when",
    "citations": "cite",
    "examples": "example",
    "titles": "title",
}


def keyword(field_name: str) -> str:
    """The keyword a rule field is written with (`bearer` for the model's `bearers`), for messages."""
    return _KEYWORDS.get(field_name, field_name)


@dataclass(frozen=True, slots=True)
class Pos:
    """1-based line and column (in code points) of a declaration or value."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Located:
    """A value with the place it was written."""

    value: Any
    pos: Pos


@dataclass(frozen=True, slots=True)
class NearGroup:
    """`near [label] { ... }`: one co-occurrence group; the label lets a child pack add to it."""

    label: str | None
    terms: tuple[Term, ...]
    pos: Pos


@dataclass(frozen=True, slots=True)
class PartyDecl:
    id: str
    op: Amend
    title: str | None
    terms: tuple[Term, ...]
    pos: Pos


@dataclass(frozen=True, slots=True)
class TopicDecl:
    id: str
    op: Amend
    title: str | None
    titles: dict[Lang, str]
    terms: tuple[Term, ...]
    near: tuple[NearGroup, ...]
    exclude: tuple[Term, ...]
    unless: tuple[Term, ...]
    by: tuple[tuple[str, tuple[Term, ...], Pos], ...]
    """`by PARTY { ... }`: (party id, terms, position) groups, in order"""
    window: Located | None
    """`within N` or `within sentence` (value None); absent when not written."""
    pos: Pos


@dataclass(frozen=True, slots=True)
class VocabDecl:
    id: str
    op: Amend
    terms: tuple[Term, ...]
    pos: Pos


@dataclass(frozen=True, slots=True)
class RuleDecl:
    """`require`, `forbid` or `override`: the fields written, keyed by model field name."""

    kind: Literal["require", "forbid", "override"]
    id: str
    title: str | None
    fields: dict[str, Located]
    pos: Pos


@dataclass(frozen=True, slots=True)
class DisableDecl:
    id: str
    reason: str
    pos: Pos


@dataclass(frozen=True, slots=True)
class PackHeader:
    id: str
    title: str
    version: str | None
    languages: tuple[Lang, ...] | None
    jurisdictions: tuple[str, ...]
    extends: tuple[Located, ...]
    """Each value is `("name", str)` or `("path", str)`."""
    pos: Pos
    applies: Located | None = None
    """`applies when ...`: the value is (Condition, topic references), as for a rule."""
    reasons: dict[Lang, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StatuteDecl:
    jurisdiction: str
    name: str
    names: dict[Lang, str]
    items: tuple[int, ...]
    pos: Pos


@dataclass(frozen=True, slots=True)
class ScopeDecl:
    id: str
    title: str
    terms: tuple[Term, ...]
    pos: Pos


Decl = PartyDecl | TopicDecl | VocabDecl | RuleDecl | DisableDecl | StatuteDecl | ScopeDecl


@dataclass(frozen=True, slots=True)
class PackFile:
    """A parsed pack file: its header and declarations in file order."""

    path: str
    text: str
    header: PackHeader
    decls: tuple[Decl, ...] = field(default=())
