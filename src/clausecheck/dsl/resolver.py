"""Fold a pack and everything it extends into one `Pack`.

Ancestors are applied first, each file's declarations in file order, so a
child sees its parents' parties, topics, vocabularies and rules and may add
terms to them, override rule fields or disable rules. A diamond (two parents
sharing a grandparent) applies the grandparent once. Every reference a file
makes (a topic, a party, a rule) must resolve once that file is applied: a
parent pack is complete on its own, and an error points into the file that
made the bad reference.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from clausecheck.dsl.diagnostics import did_you_mean, resolution_error
from clausecheck.dsl.model import (
    PLACEHOLDER,
    VOCABULARIES,
    DisabledRule,
    ForbidRule,
    Origin,
    Pack,
    Party,
    RequireRule,
    Scope,
    Statute,
    Term,
    Topic,
)
from clausecheck.dsl.syntax import (
    DisableDecl,
    Located,
    NearGroup,
    PackFile,
    PartyDecl,
    Pos,
    RuleDecl,
    ScopeDecl,
    StatuteDecl,
    TopicDecl,
    VocabDecl,
    keyword,
)
from clausecheck.errors import PackResolutionError
from clausecheck.limits import MAX_NESTING
from clausecheck.types import Lang

FetchParent = Callable[[PackFile, Located], PackFile]
"""Finds the pack an `extends` entry of a file names; raises a positioned error if there is none."""

_ONLY_REQUIRE = {"bearers", "bearing", "binding", "ambiguous_when", "specific"}
_ONLY_FORBID = {"exemption", "near"}
PARTIES = {
    "client": "the host whose site or premises it is",
    "provider": "the party whose people do the work",
}
"""The parties extraction assigns and the report names: every agreement is read as a client and a provider."""


@dataclass
class _PartyState:
    title: str
    terms: list[Term]
    origin: Origin


@dataclass
class _TopicState:
    title: str
    titles: dict[Lang, str]
    terms: list[Term]
    near: list[tuple[str | None, list[Term]]]
    window: int | None
    exclude: list[Term]
    unless: list[Term]
    by: dict[str, list[Term]]
    origin: Origin


@dataclass
class _RuleState:
    kind: str
    values: dict[str, Any]
    origin: Origin
    overridden_at: list[Origin] = field(default_factory=list)


@dataclass
class _Ref:
    """A name a file uses that must resolve once the file is applied."""

    kind: str  # "topic" | "party" | "rule"
    name: str
    pos: Pos
    file: PackFile
    context: str


def linearize(target: PackFile, fetch: FetchParent) -> tuple[list[PackFile], dict[str, tuple[str, ...]]]:
    """Every file of the lineage, ancestors first, each once; and each file's direct parents' ids."""
    order: list[PackFile] = []
    done: set[str] = set()
    parents: dict[str, tuple[str, ...]] = {}

    def visit(current: PackFile, chain: list[PackFile]) -> None:
        if current.path in done:
            return
        ids = []
        for ref in current.header.extends:
            if len(chain) >= MAX_NESTING:
                raise error_at(
                    current,
                    ref.pos,
                    f"'extends' chains more than {MAX_NESTING} packs",
                    "a pack lineage is a few packs deep: extend the pack that has what you need",
                )
            parent = fetch(current, ref)
            if any(parent.path == f.path for f in [*chain, current]):
                names = " -> ".join(f.header.id for f in [*chain, current, parent])
                raise error_at(
                    current,
                    ref.pos,
                    f"'extends' makes a cycle: {names}",
                    "a pack cannot extend itself, directly or through another pack",
                )
            visit(parent, [*chain, current])
            ids.append(parent.header.id)
        parents[current.path] = tuple(ids)
        done.add(current.path)
        order.append(current)

    visit(target, [])
    seen: dict[str, PackFile] = {}
    for f in order:
        other = seen.setdefault(f.header.id, f)
        if other is not f:
            raise error_at(
                f, f.header.pos, f"two different files declare pack '{f.header.id}' (the other is {other.path})"
            )
    return order, parents


def resolve(files: list[PackFile], parents: dict[str, tuple[str, ...]]) -> Pack:
    """The pack the last of `files` declares, with the lineage `linearize` gave folded in."""
    return _Resolver().run(files, parents)


def error_at(file: PackFile, pos: Pos, message: str, hint: str | None = None) -> PackResolutionError:
    """A resolution error pointing at `pos` in `file`."""
    return resolution_error(message, file=file.path, text=file.text, line=pos.line, column=pos.column, hint=hint)


class _Resolver:
    def __init__(self) -> None:
        self.parties: dict[str, _PartyState] = {}
        self.topics: dict[str, _TopicState] = {}
        self.vocabularies: dict[str, list[Term]] = {}
        self.rules: dict[str, _RuleState] = {}
        self.disabled: dict[str, DisabledRule] = {}
        self.codes: dict[str, str] = {}
        self.aliases: dict[str, str] = {}
        self.statutes: dict[tuple[str, str], Statute] = {}
        self.scopes: dict[str, Scope] = {}

    def run(self, files: list[PackFile], parents: dict[str, tuple[str, ...]]) -> Pack:
        for f in files:
            refs: list[_Ref] = []
            for decl in f.decls:
                origin = Origin(pack=f.header.id, file=f.path, line=decl.pos.line, column=decl.pos.column)
                if isinstance(decl, PartyDecl):
                    self._party(f, decl, origin)
                elif isinstance(decl, TopicDecl):
                    self._topic(f, decl, origin)
                elif isinstance(decl, VocabDecl):
                    self._vocabulary(f, decl)
                elif isinstance(decl, RuleDecl):
                    self._rule(f, decl, origin, refs)
                elif isinstance(decl, DisableDecl):
                    self._disable(f, decl, origin)
                elif isinstance(decl, StatuteDecl):
                    self._statute(decl, origin)
                elif isinstance(decl, ScopeDecl):
                    self._scope(f, decl, origin)
            if f.header.applies is not None:
                for mention in f.header.applies.value[1]:
                    refs.append(_Ref("scope", mention.value, mention.pos, f, f"the condition of pack '{f.header.id}'"))
            self._check_refs(refs)
        target = files[-1]
        missing = [name for name in VOCABULARIES if name not in self.vocabularies]
        if missing:
            raise error_at(
                target,
                target.header.pos,
                f"pack '{target.header.id}' has no vocabulary {', '.join(repr(m) for m in missing)}",
                "extend safety-core, which defines every vocabulary the checker needs, or define them",
            )
        return self._pack(files, target, parents)

    # ---- parties ------------------------------------------------------------------

    def _party(self, f: PackFile, decl: PartyDecl, origin: Origin) -> None:
        if decl.op == "define":
            if decl.id not in PARTIES:
                known = ", ".join(f"{pid} ({what})" for pid, what in PARTIES.items())
                raise error_at(
                    f,
                    decl.pos,
                    f"party '{decl.id}': the checker reads every agreement as two parties, {known}",
                    did_you_mean(decl.id, PARTIES)
                    or "give its role words to the side it is on: party provider += { ... } or party client += { ... }",
                )
            if decl.id in self.parties:
                first = self.parties[decl.id].origin
                raise error_at(
                    f,
                    decl.pos,
                    f"party '{decl.id}' is already declared at {first}",
                    f"add terms with: party {decl.id} += {{ ... }}",
                )
            self.parties[decl.id] = _PartyState(decl.title or decl.id, _dedupe(decl.terms), origin)
            return
        state = self._existing(f, decl.pos, "party", decl.id, self.parties)
        if decl.op == "+=":
            state.terms = _dedupe([*state.terms, *decl.terms])
        else:
            state.terms = _remove(f, decl.pos, state.terms, decl.terms, f"party '{decl.id}'")

    # ---- topics -------------------------------------------------------------------

    def _topic(self, f: PackFile, decl: TopicDecl, origin: Origin) -> None:
        if decl.op == "define":
            if decl.id in self.topics:
                first = self.topics[decl.id].origin
                raise error_at(
                    f,
                    decl.pos,
                    f"topic '{decl.id}' is already declared at {first}",
                    f"add terms with: topic {decl.id} += {{ ... }}",
                )
            if not decl.terms:
                raise error_at(
                    f, decl.pos, f"topic '{decl.id}' has no terms", 'add a line such as: en "protective equipment"'
                )
            near: list[tuple[str | None, list[Term]]] = []
            for group in decl.near:
                if group.label is not None and any(label == group.label for label, _ in near):
                    raise error_at(f, group.pos, f"two near groups named '{group.label}' in topic '{decl.id}'")
                near.append((group.label, list(group.terms)))
            window = decl.window.value if decl.window else None
            self.topics[decl.id] = _TopicState(
                decl.title or decl.id,
                dict(decl.titles),
                _dedupe(decl.terms),
                near,
                window,
                _dedupe(decl.exclude),
                _dedupe(decl.unless),
                {},
                origin,
            )
            self._add_by(f, self.topics[decl.id], decl)
            return
        state = self._existing(f, decl.pos, "topic", decl.id, self.topics)
        state.titles.update(decl.titles)
        where = f"topic '{decl.id}'"
        if decl.op == "+=":
            state.terms = _dedupe([*state.terms, *decl.terms])
            state.exclude = _dedupe([*state.exclude, *decl.exclude])
            state.unless = _dedupe([*state.unless, *decl.unless])
            for group in decl.near:
                self._add_near(state, group)
            self._add_by(f, state, decl)
            if decl.window is not None:
                state.window = decl.window.value
            return
        state.terms = _remove(f, decl.pos, state.terms, decl.terms, where)
        state.exclude = _remove(f, decl.pos, state.exclude, decl.exclude, where + " exclude")
        state.unless = _remove(f, decl.pos, state.unless, decl.unless, where + " unless")
        for group in decl.near:
            self._remove_near(f, state, group, where)
        for party, terms, pos in decl.by:
            remaining = _remove(f, pos, state.by.get(party, []), terms, f"{where} by {party}")
            if remaining:
                state.by[party] = remaining
            else:
                state.by.pop(party, None)
        if not state.terms:
            raise error_at(f, decl.pos, f"this leaves {where} without terms")

    @staticmethod
    def _add_by(f: PackFile, state: _TopicState, decl: TopicDecl) -> None:
        """`by PARTY { ... }`: terms that address the topic only in a duty that party bears."""
        for party, terms, pos in decl.by:
            if party not in PARTIES:
                raise error_at(
                    f,
                    pos,
                    f"unknown party '{party}' in 'by' of topic '{decl.id}'",
                    did_you_mean(party, list(PARTIES)) or f"a 'by' group names one of {', '.join(PARTIES)}",
                )
            state.by[party] = _dedupe([*state.by.get(party, []), *terms])

    @staticmethod
    def _add_near(state: _TopicState, group: NearGroup) -> None:
        for i, (label, terms) in enumerate(state.near):
            if group.label is not None and label == group.label:
                state.near[i] = (label, _dedupe([*terms, *group.terms]))
                return
        state.near.append((group.label, list(group.terms)))

    @staticmethod
    def _remove_near(f: PackFile, state: _TopicState, group: NearGroup, where: str) -> None:
        labels = [label for label, _ in state.near]
        if group.label is None or group.label not in labels:
            named = [label for label in labels if label]
            hint = did_you_mean(group.label or "", named) if group.label else None
            raise error_at(
                f,
                group.pos,
                f"{where} has no near group named '{group.label or ''}'",
                hint or (f"its near groups are named {', '.join(named)}" if named else "its near groups have no names"),
            )
        i = labels.index(group.label)
        remaining = _remove(f, group.pos, state.near[i][1], group.terms, f"near group '{group.label}'")
        if not remaining:
            raise error_at(f, group.pos, f"this empties near group '{group.label}', so {where} could never match")
        state.near[i] = (group.label, remaining)

    # ---- vocabularies -------------------------------------------------------------

    def _vocabulary(self, f: PackFile, decl: VocabDecl) -> None:
        if decl.op == "define":
            if decl.id not in VOCABULARIES:
                raise error_at(
                    f,
                    decl.pos,
                    f"vocabulary '{decl.id}' is not one extraction uses, so nothing would read its words",
                    did_you_mean(decl.id, VOCABULARIES) or f"the vocabularies are {', '.join(VOCABULARIES)}",
                )
            if decl.id in self.vocabularies:
                raise error_at(
                    f,
                    decl.pos,
                    f"vocabulary '{decl.id}' is already defined",
                    f"add words with 'vocabulary {decl.id} += {{...}}' or replace them with 'vocabulary {decl.id} = {{...}}'",
                )
            self.vocabularies[decl.id] = _dedupe(decl.terms)
            return
        current = self._existing(f, decl.pos, "vocabulary", decl.id, self.vocabularies)
        if decl.op == "=":
            self.vocabularies[decl.id] = _dedupe(decl.terms)
        elif decl.op == "+=":
            self.vocabularies[decl.id] = _dedupe([*current, *decl.terms])
        else:
            self.vocabularies[decl.id] = _remove(f, decl.pos, current, decl.terms, f"vocabulary '{decl.id}'")

    # ---- rules --------------------------------------------------------------------

    def _rule(self, f: PackFile, decl: RuleDecl, origin: Origin, refs: list[_Ref]) -> None:
        values = {key: located.value for key, located in decl.fields.items()}
        if decl.kind == "override":
            state = self.rules[self._rule_to_change(f, decl.pos, decl.id, "override")]
            self._check_fields(f, decl, state.kind)
            for key in ("code", "aliases"):
                if key in decl.fields:
                    raise error_at(
                        f,
                        decl.fields[key].pos,
                        f"an override keeps the rule's {keyword(key)}",
                        f"remove the '{keyword(key)}' line; a rule's names are set where it is declared",
                    )
            for key, value in values.items():
                if key in ("suggest", "titles"):
                    state.values[key] = {**state.values.get(key, {}), **value}
                else:
                    state.values[key] = value
            state.overridden_at.append(origin)
        else:
            self._new_rule(f, decl, origin, values)
        self._collect_refs(f, decl, refs)

    def _new_rule(self, f: PackFile, decl: RuleDecl, origin: Origin, values: dict[str, Any]) -> None:
        if decl.id in self.rules or decl.id in self.disabled:
            first = self.rules[decl.id].origin if decl.id in self.rules else self.disabled[decl.id].origin
            raise error_at(
                f,
                decl.pos,
                f"rule '{decl.id}' is already declared at {first}",
                f"change it with: override {decl.id} {{ ... }}",
            )
        self._check_name_free(f, decl.id, decl.pos)
        self._check_fields(f, decl, decl.kind)
        required = ["code", "topic", "severity"] + (["bearers"] if decl.kind == "require" else [])
        for key in required:
            if key not in values:
                raise error_at(f, decl.pos, f"rule '{decl.id}' has no '{keyword(key)}' line")
        code = values["code"]
        self._check_name_free(f, code, decl.fields["code"].pos)
        aliases: tuple[Located, ...] = values.get("aliases", ())
        for i, alias in enumerate(aliases):
            if alias.value in (decl.id, code) or any(a.value == alias.value for a in aliases[:i]):
                raise error_at(f, alias.pos, f"'{alias.value}' is already a name of rule '{decl.id}'")
            self._check_name_free(f, alias.value, alias.pos)
        if not (decl.title or "").strip():
            raise error_at(f, decl.pos, f"rule '{decl.id}' needs a title")
        self.codes[code] = decl.id
        self.aliases.update((alias.value, decl.id) for alias in aliases)
        self.rules[decl.id] = _RuleState(decl.kind, {"title": decl.title, **values}, origin)

    def _check_name_free(self, f: PackFile, name: str, pos: Pos) -> None:
        """A new rule's id, code or alias must not name another rule, enabled or disabled, in any of its forms."""
        for table, what, hint in (
            (self.codes, "code", "codes are never reused: pick a new one"),
            (self.aliases, "old name", "an old name keeps pointing at the renamed rule: pick a new one"),
            ({rid: rid for rid in (*self.rules, *self.disabled)}, "id", None),
        ):
            if name in table:
                raise error_at(f, pos, f"'{name}' is already the {what} of rule '{table[name]}'", hint)

    def _rule_to_change(self, f: PackFile, pos: Pos, rule_id: str, verb: str) -> str:
        """The id of the enabled rule `rule_id` names, by id or code."""
        if rule_id in self.rules:
            return rule_id
        by_code = {name: rid for name, rid in (*self.codes.items(), *self.aliases.items()) if rid in self.rules}
        if rule_id in by_code:
            return by_code[rule_id]
        if rule_id in self.disabled:
            raise error_at(f, pos, f"cannot {verb} rule '{rule_id}': it is disabled at {self.disabled[rule_id].origin}")
        raise error_at(
            f,
            pos,
            f"cannot {verb} unknown rule '{rule_id}'",
            did_you_mean(rule_id, [*self.rules, *by_code])
            or "only a rule of this pack or a pack it extends can be changed",
        )

    @staticmethod
    def _check_fields(f: PackFile, decl: RuleDecl, kind: str) -> None:
        wrong = _ONLY_FORBID if kind == "require" else _ONLY_REQUIRE
        for key in wrong & decl.fields.keys():
            other = "forbid" if kind == "require" else "require"
            raise error_at(
                f, decl.fields[key].pos, f"'{keyword(key)}' belongs in a {other} rule; '{decl.id}' is a {kind} rule"
            )

    def _collect_refs(self, f: PackFile, decl: RuleDecl, refs: list[_Ref]) -> None:
        where = f"rule '{decl.id}'"
        if "topic" in decl.fields:
            loc = decl.fields["topic"]
            refs.append(_Ref("topic", loc.value, loc.pos, f, where))
        for bearer in decl.fields["bearers"].value if "bearers" in decl.fields else ():
            if bearer.value != "both":
                refs.append(_Ref("party", bearer.value, bearer.pos, f, where))
        if "applies" in decl.fields:
            for mention in decl.fields["applies"].value[1]:
                refs.append(_Ref("topic", mention.value, mention.pos, f, f"the condition of {where}"))
        if "suggest" in decl.fields:
            located = decl.fields["suggest"]
            for text in located.value.values():
                for name in PLACEHOLDER.findall(text):
                    refs.append(_Ref("party", name, located.pos, f, f"the suggested wording of {where}"))

    def _check_refs(self, refs: list[_Ref]) -> None:
        for ref in refs:
            by_kind: dict[str, dict[str, Any]] = {"topic": self.topics, "scope": {**self.scopes, **self.topics}}
            known = by_kind.get(ref.kind, self.parties)
            if ref.name not in known:
                extra = ["both"] if ref.kind == "party" else []
                raise error_at(
                    ref.file,
                    ref.pos,
                    f"unknown {ref.kind} '{ref.name}' in {ref.context}",
                    did_you_mean(ref.name, [*known, *extra])
                    or f'declare it with: {ref.kind} {ref.name} "Title" {{ ... }}',
                )

    def _scope(self, f: PackFile, decl: ScopeDecl, origin: Origin) -> None:
        if decl.id in self.scopes or decl.id in self.topics:
            raise error_at(f, decl.pos, f"'{decl.id}' is already declared as a scope or topic")
        self.scopes[decl.id] = Scope(id=decl.id, title=decl.title, terms=_dedupe(decl.terms), origin=origin)

    def _statute(self, decl: StatuteDecl, origin: Origin) -> None:
        """A statute declared again (in a child pack) replaces the parent's."""
        self.statutes[(decl.jurisdiction, decl.name)] = Statute(
            jurisdiction=decl.jurisdiction, name=decl.name, names=decl.names, items=decl.items, origin=origin
        )

    def _disable(self, f: PackFile, decl: DisableDecl, origin: Origin) -> None:
        rule_id = self._rule_to_change(f, decl.pos, decl.id, "disable")
        del self.rules[rule_id]
        self.disabled[rule_id] = DisabledRule(id=rule_id, reason=decl.reason, origin=origin)

    # ---- helpers --------------------------------------------------------------------

    @staticmethod
    def _existing(f: PackFile, pos: Pos, kind: str, name: str, table: dict[str, Any]) -> Any:
        if name not in table:
            raise error_at(
                f,
                pos,
                f"cannot change unknown {kind} '{name}'",
                did_you_mean(name, table) or f'declare it first: {kind} {name} "Title" {{ ... }}',
            )
        return table[name]

    def _pack(self, files: list[PackFile], target: PackFile, parents: dict[str, tuple[str, ...]]) -> Pack:
        header = target.header
        inherited = [f.header for f in reversed(files)]
        languages = next((h.languages for h in inherited if h.languages), None)
        jurisdictions = next((h.jurisdictions for h in inherited if h.jurisdictions), ())
        extra: dict[str, Any] = {"languages": languages} if languages else {}
        applying = next((h for h in inherited if h.applies is not None), None)
        if applying is not None and applying.applies is not None:
            extra["applies"] = applying.applies.value[0]
            extra["not_applicable"] = applying.reasons
        return Pack(
            id=header.id,
            title=header.title,
            version=header.version or "0",
            jurisdictions=jurisdictions,
            extends=parents[target.path],
            lineage=tuple(f.header.id for f in reversed(files)),
            parties={
                pid: Party(id=pid, title=s.title, terms=tuple(s.terms), origin=s.origin)
                for pid, s in self.parties.items()
            },
            topics={
                tid: Topic(
                    id=tid,
                    title=s.title,
                    titles=s.titles,
                    terms=tuple(s.terms),
                    near=tuple(tuple(terms) for _, terms in s.near),
                    window=s.window,
                    exclude=tuple(s.exclude),
                    unless=tuple(s.unless),
                    by={party: tuple(terms) for party, terms in s.by.items()},
                    origin=s.origin,
                )
                for tid, s in self.topics.items()
            },
            vocabularies={name: tuple(terms) for name, terms in self.vocabularies.items()},
            rules=tuple(self._model_rule(rid, s) for rid, s in self.rules.items()),
            disabled=tuple(self.disabled.values()),
            statutes=tuple(self.statutes.values()),
            scopes=self.scopes,
            path=target.path,
            **extra,
        )

    @staticmethod
    def _model_rule(rule_id: str, state: _RuleState) -> RequireRule | ForbidRule:
        values = dict(state.values)
        if "applies" in values:
            values["applies"] = values["applies"][0]
        for names in ("bearers", "aliases"):
            if names in values:
                values[names] = tuple(b.value for b in values[names])
        for groups in ("near", "specific"):
            if groups in values:
                values[groups] = tuple(group.terms for group in values[groups])
        model = RequireRule if state.kind == "require" else ForbidRule
        return model(id=rule_id, origin=state.origin, overridden_at=tuple(state.overridden_at), **values)


def _key(term: Term) -> tuple[str, str | None, bool]:
    return (term.text, term.lang, term.regex)


def _dedupe(terms: list[Term] | tuple[Term, ...]) -> list[Term]:
    seen: set[tuple] = set()
    out = []
    for t in terms:
        if _key(t) not in seen:
            seen.add(_key(t))
            out.append(t)
    return out


def _remove(f: PackFile, pos: Pos, current: list[Term], removed: tuple[Term, ...], where: str) -> list[Term]:
    keys = {(t.text, t.regex) for t in removed}
    present = {(t.text, t.regex) for t in current}
    for t in removed:
        if (t.text, t.regex) not in present:
            raise error_at(
                f, pos, f"{where} has no term '{t.text}' to remove", did_you_mean(t.text, [c.text for c in current])
            )
    return [t for t in current if (t.text, t.regex) not in keys]
