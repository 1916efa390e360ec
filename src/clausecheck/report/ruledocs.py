"""A page per rule, rendered from the packs: `docs/rules/*.md` and `clausecheck explain`.

A rule's documentation lives with the rule (title, rationale, citations,
suggested wording, examples in its pack file); this renders it, so it is
never written twice (STYLE habit 4): `clausecheck explain RULE` prints the
page `docs/rules/RULE.md` holds, and its middle is the SARIF rule help. A
test fails when the committed pages drift from the packs; regenerate them with

    python -m tests.regenerate
"""

from __future__ import annotations

from pathlib import Path

from clausecheck.dsl import describe
from clausecheck.dsl.diagnostics import shown
from clausecheck.dsl.model import ForbidRule, Origin, Pack, RequireRule
from clausecheck.engine.wording import fill_placeholders
from clausecheck.resources import bundled_packs_dir

Rule = RequireRule | ForbidRule

_LANG_NAMES = {"en": "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文"}
INDEX = "README.md"
GENERATED_NOTE = "<!-- generated from the packs by `python -m tests.regenerate`; do not edit -->"


def pack_file(path: str) -> str:
    """A pack file as a reader finds it: a bundled one as the repository names it, another relative to here."""
    bundled = bundled_packs_dir()
    file = Path(path)
    if file.is_relative_to(bundled):
        return f"rules/{file.relative_to(bundled).as_posix()}"
    return shown(path)


def _where(origin: Origin) -> str:
    return f"{origin.pack} (`{pack_file(origin.file)}:{origin.line}`)"


def rule_help(rule: Rule) -> str:
    """What the rule checks, why, the law behind it and the wording that settles it, as Markdown."""
    out = []
    if rule.rationale:
        out += ["## Why", "", rule.rationale, ""]
    laws = [c for c in rule.citations if c.kind == "law"]
    practice = [c for c in rule.citations if c.kind == "practice"]
    for heading, cited in (
        ("## Legal basis", laws),
        ("## Practice (model forms and practice notes, not law)", practice),
    ):
        if cited:
            out += [heading, ""]
            out += [f"- {f'**{c.jurisdiction}** ' if c.jurisdiction else ''}{c.text}" for c in cited]
            out.append("")
    if rule.suggest:
        out += [
            "## Suggested wording",
            "",
            "Shown with the usual names; a report names the parties as the agreement does (`{client}`, `{provider}`).",
            "",
        ]
        for lang in ("en", "zh-Hans", "zh-Hant"):
            if lang in rule.suggest:
                out += [f"- {_LANG_NAMES[lang]}: {fill_placeholders(rule.suggest[lang], lang, {}, None)}"]
        out.append("")
    if rule.examples:
        out += ["## Examples", ""]
        for e in rule.examples:
            out.append(f"- {'settles it' if e.good else 'flagged'} ({e.lang}): {e.text}")
        out.append("")
    return "\n".join(out)


def rule_page(rule: Rule, pack: Pack, others: list[Pack]) -> str:
    """The page of a rule as `pack` resolves it; `others` are the packs that may override or disable it.

    The docs render each rule from the pack that declares it; `explain` from the pack it was asked about.
    """
    topic = pack.topics[rule.topic]
    rows = [("code", rule.code)]
    if rule.aliases:
        rows.append(("formerly", ", ".join(f"`{name}`" for name in rule.aliases)))
    rows += [
        ("status", rule.status),
        ("pack", f"{pack.id} (`{pack_file(pack.path)}`)"),
    ]
    if rule.origin.pack != pack.id:
        rows.append(("declared in", _where(rule.origin)))
    rows += [("overridden in", _where(o)) for o in rule.overridden_at]
    rows += [
        ("kind", rule.kind),
        ("severity", rule.severity),
        ("topic", f"`{topic.id}`: {topic.title}"),
    ]
    if isinstance(rule, RequireRule):
        rows.append(("bearer", describe.bearers(rule)))
        rows.append(("ambiguous when", describe.ambiguous_when(rule)))
    else:
        rows.append(("fires on", describe.fires_on(rule)))
    rows.append(("applies", describe.condition(rule.applies)))
    rows += [(f"title ({lang})", title) for lang, title in sorted(rule.titles.items())]
    out = [
        f"# {rule.code} `{rule.id}`: {rule.title}",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v.replace('|', '&#124;')} |" for k, v in rows),
        "",
        rule_help(rule),
    ]
    changes = _elsewhere(rule, others)
    if changes:
        out += ["## In other packs", "", *changes, ""]
    out.append(f"Its test cases: `clausecheck packs test {rule.origin.pack} -k {rule.id}`.")
    return "\n".join(out).rstrip("\n") + "\n"


def _elsewhere(rule: Rule, packs: list[Pack]) -> list[str]:
    """How the packs that extend the rule's pack override or disable it."""
    lines = []
    for pack in packs:
        if pack.id == rule.origin.pack or rule.origin.pack not in pack.lineage:
            continue
        if any(d.id == rule.id for d in pack.disabled):
            lines.append(f"- {pack.id}: disabled")
            continue
        try:
            there = pack.rule(rule.id)
        except KeyError:
            continue
        if any(o.pack == pack.id for o in there.overridden_at):
            fields = ("severity", "title", "applies", "citations", "suggest", "rationale", "bearers")
            changed = [f for f in fields if getattr(there, f, None) != getattr(rule, f, None)]
            lines.append(
                f"- {pack.id}: overrides {', '.join(changed) or 'it'}"
                + (f" (severity {there.severity})" if "severity" in changed else "")
            )
    return lines


def pages(packs: list[Pack]) -> dict[str, str]:
    """File name -> page, for every rule the packs declare, plus the index."""
    out: dict[str, str] = {}
    index = ["# Bundled rules", "", GENERATED_NOTE, ""]
    for pack in sorted(packs, key=lambda p: (len(p.lineage), p.id)):
        own = [r for r in pack.rules if r.origin.pack == pack.id]
        if not own:
            continue
        extends = f" (extends {', '.join(pack.extends)})" if pack.extends else ""
        index += [
            f"## {pack.id}{extends}",
            "",
            pack.title,
            "",
            "| code | rule | severity | title |",
            "|---|---|---|---|",
        ]
        for rule in own:
            title, rest = rule_page(rule, pack, packs).split("\n", 1)
            out[f"{rule.id}.md"] = f"{title}\n\n{GENERATED_NOTE}\n{rest}"
            status = "" if rule.status == "stable" else f" ({rule.status})"
            index.append(f"| {rule.code} | [`{rule.id}`]({rule.id}.md){status} | {rule.severity} | {rule.title} |")
        index.append("")
    out[INDEX] = "\n".join(index).rstrip("\n") + "\n"
    return out


def bundled_pages() -> dict[str, str]:
    """The pages of every bundled pack."""
    from clausecheck.dsl.loader import load_pack
    from clausecheck.resources import bundled_packs_dir

    folder = bundled_packs_dir()
    packs = [load_pack(child) for child in sorted(folder.iterdir()) if (child / "pack.ccr").is_file()]
    return pages(packs)
