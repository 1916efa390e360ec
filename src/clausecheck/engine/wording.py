"""Suggested wording with the parties named as the agreement names them.

A pack writes its wording with placeholders, `{client}` and `{provider}` (any
party id of the pack): `{provider}应为其进场人员配备……`, `{provider} shall provide
…`. Each becomes the agreement's own name for that party in the wording's
language: its first alias in that script (`甲方`, `the Contractor`), or, when
the agreement defines none, the usual name (甲方/乙方, the Customer/the
Supplier). An English role word takes "the" (`the Contractor`); a proper
name or a letter name does not (`Omega`, `Party B`). A placeholder that
starts a sentence is capitalised.
"""

from __future__ import annotations

import re

from clausecheck.dsl.model import PLACEHOLDER, Pack
from clausecheck.language.normalize import has_han
from clausecheck.types import Lang

DEFAULT_NAMES: dict[str, dict[str, str]] = {
    "en": {"client": "the Customer", "provider": "the Supplier"},
    "zh-Hans": {"client": "甲方", "provider": "乙方"},
    "zh-Hant": {"client": "甲方", "provider": "乙方"},
}
_SENTENCE_END = (".", "!", "?", "\n")


def party_name(role: str, lang: Lang, aliases: list[str], pack: Pack | None) -> str:
    """How wording in `lang` names the party with `role` in this agreement."""
    for alias in aliases:
        if has_han(alias) == (lang != "en"):
            return _with_article(alias, pack) if lang == "en" else alias
    default = DEFAULT_NAMES[lang].get(role)
    if default:
        return default
    party = pack.parties.get(role) if pack else None
    return party.title if party else role


def _with_article(alias: str, pack: Pack | None) -> str:
    """'the Contractor' for a role word the pack knows; a name ('Omega', 'Party B', 'ABC Ltd') as it is."""
    if alias.lower().startswith("the "):
        return "the " + alias[4:]
    parties = pack.parties.values() if pack else ()
    words = {t.text.lower() for party in parties for t in party.terms if t.lang in ("en", None)}
    return f"the {alias}" if alias.lower() in words else alias


def fill_placeholders(text: str, lang: Lang, names: dict[str, list[str]], pack: Pack | None) -> str:
    """`text` with each `{party}` replaced by the agreement's name for it, sentence starts capitalised."""

    def name(match: re.Match[str]) -> str:
        found = party_name(match[1], lang, names.get(match[1], []), pack)
        before = text[: match.start()].rstrip(" ")
        starts = not before or before.endswith(_SENTENCE_END)
        return found[:1].upper() + found[1:] if lang == "en" and starts else found

    return PLACEHOLDER.sub(name, text)
