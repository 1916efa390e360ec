"""The rules of packs used together, by every name they answer to: id, code and old names (aliases).

Resolving a pack keeps the names unique within its lineage, but sibling
packs (it-onsite and construction both extend safety-core) are resolved
apart: two of them could each give CC301 to a different rule, and a
`--disable CC301`, a baseline entry or a reviewer's "clausecheck: accept
CC301" would then name two rules at once. A `RuleRegistry` is built
wherever packs are used together (a checker's packs, the packs `--disable`
applies to; a test holds all bundled packs to it) and refuses such a set
with an error pointing at both declarations. The same rule reached through two packs (safety-core's
ppe.provided in it-onsite and in construction, however each overrides it)
is one rule, known by where it was declared.

Every way a user names a rule for a run (`--disable`, a Word acceptance, a
baseline entry) goes through `find`, so an old id or code kept as an alias
still works after a rename.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from clausecheck.dsl.diagnostics import resolution_error
from clausecheck.dsl.model import ForbidRule, Origin, Pack, RequireRule
from clausecheck.errors import PackResolutionError

Rule = RequireRule | ForbidRule


class RuleRegistry:
    """Every enabled rule of `packs` by id, code and alias; the first pack's version of a shared rule wins."""

    def __init__(self, packs: Sequence[Pack]) -> None:
        self._by_name: dict[str, tuple[Rule, Pack]] = {}
        for pack in packs:
            for rule in pack.rules:
                for name in _names_of(rule):
                    known = self._by_name.setdefault(name, (rule, pack))
                    if _declaration(known[0]) != _declaration(rule):
                        raise _clash(name, known, (rule, pack))

    def find(self, name: str) -> Rule | None:
        """The rule `name` designates (an id, a code or an alias), as the first pack that has it resolves it."""
        found = self._by_name.get(name)
        return found[0] if found else None

    def names(self) -> set[str]:
        """Every name a rule answers to, for 'did you mean' hints."""
        return set(self._by_name)


def _names_of(rule: Rule) -> tuple[str, ...]:
    """Every name the rule answers to: its id, its code, then its old names."""
    return (rule.id, rule.code, *rule.aliases)


def _declaration(rule: Rule) -> tuple[str, str, int, int]:
    o = rule.origin
    return (o.pack, o.file, o.line, o.column)


def _clash(name: str, first: tuple[Rule, Pack], second: tuple[Rule, Pack]) -> PackResolutionError:
    """Two different rules share `name`: an error at the second declaration, naming the first."""
    (one, one_pack), (other, other_pack) = first, second
    what = "code" if name == other.code else "id" if name == other.id else "alias"
    origin: Origin = other.origin
    try:
        text = Path(origin.file).read_text(encoding="utf-8-sig")
    except OSError:
        text = ""
    return resolution_error(
        f"'{name}' names two rules in the packs used together: the {what} of rule '{other.id}' here "
        f"(pack {other_pack.id}) and rule '{one.id}' at {one.origin} (pack {one_pack.id})",
        file=origin.file,
        text=text,
        line=origin.line,
        column=origin.column,
        hint="ids, codes and aliases are unique across packs used together: rename one rule "
        "and keep its old name as an alias only if no other pack uses it",
    )
