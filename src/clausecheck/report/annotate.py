"""Which Word comment goes where, and what it says, in the agreement's language.

Each clause at fault gets a comment on its own paragraph: the rule, what is
wrong, what to do, the wording that settles it and the legal basis. Each
missing duty gets one on the most fitting heading (`placement`), asking for
the clause to add. Findings in a header, footer or note are commented on the
title instead, quoting where they are, since Word allows no comments there.
The title also gets a summary: findings counted by severity and the three
most serious. Accepted findings (`DocumentResult.suppressed`) get no comment: a reviewer
has already dealt with them; nor does a finding whose comment the agreement
already carries, so annotating an annotated copy adds only what is new.
"""

from __future__ import annotations

from collections import Counter

from clausecheck.document.annotate import AUTHOR, Note
from clausecheck.document.model import Document
from clausecheck.findings import DocumentResult, Finding, Location
from clausecheck.report.placement import title_block
from clausecheck.report.text import suggestion_line
from clausecheck.report.ui_strings import basis_lines, ui_string, word
from clausecheck.types import SEVERITY_ORDER, Lang


def comment_text(finding: Finding, lang: Lang, where: Location | None = None) -> str:
    """The comment for one finding; `where` is given when the clause sits where Word takes no comment."""
    severity = ui_string(finding.severity, lang)
    lines = [ui_string("head", lang, code=finding.code, severity=severity) + finding.message]
    if where is not None:
        lines.append(ui_string("in_part", lang, part=ui_string(where.part, lang)) + where.excerpt)
    if finding.hint:
        lines.append(ui_string("fix", lang) + finding.hint)
    suggested = suggestion_line(finding, lang)
    if suggested:
        lines.append(suggested)
    lines += basis_lines(finding.citations, lang)
    return "\n".join(lines)


def summary_text(result: DocumentResult, lang: Lang) -> str:
    """The comment on the title: findings counted by severity, then the three most serious."""
    if not result.findings:
        return ui_string("summary_none", lang)
    counts = Counter(f.severity for f in result.findings)
    order = sorted(counts, key=SEVERITY_ORDER.__getitem__, reverse=True)
    sep = ", " if lang == "en" else "，"
    text = ui_string(
        "summary",
        lang,
        counts=sep.join(ui_string("count", lang, n=str(counts[s]), severity=word(s, lang)) for s in order),
    )
    worst = sorted(result.findings, key=lambda f: (-SEVERITY_ORDER[f.severity], f.code))[:3]
    lines = [text]
    for f in worst:
        where = f.locations[0].clause or f.locations[0].block_id if f.locations else ""
        lines.append(f"{f.code} ({word(f.severity, lang)}){' ' + where if where else ''}: {f.message}")
    return "\n".join(lines)


def plan_comments(
    result: DocumentResult, document: Document, anchorable: frozenset[str], lang: Lang | None = None
) -> list[Note]:
    """The comments to write for `result`, in reading order, the most severe first on a paragraph.

    `anchorable` holds the blocks a comment can sit on (`document.annotate.anchorable`).
    """
    lang = lang or result.locale or document.lang
    title = title_block(document)
    present = {(b, c.text.split("\n")[0]) for c in document.comments if c.author == AUTHOR for b in c.block_ids}
    notes: list[tuple[int, int, Note]] = []
    if title is not None:
        notes.append((int(title[1:]), -10, Note(title, summary_text(result, lang))))
    for finding in result.findings:
        rank = -SEVERITY_ORDER[finding.severity]
        if not finding.locations:
            anchor = finding.insertion_point.block_id if finding.insertion_point else None
            if anchor is not None:
                notes.append((int(anchor[1:]), rank, Note(anchor, comment_text(finding, lang))))
            continue
        seen = set()
        for loc in finding.locations:
            in_text = loc.block_id in anchorable
            anchor = loc.block_id if in_text else title
            if anchor is None or (anchor, loc.block_id) in seen:
                continue
            seen.add((anchor, loc.block_id))
            text = comment_text(finding, lang, None if in_text else loc)
            words = (loc.words or loc.excerpt) if in_text else ""
            notes.append((int(anchor[1:]), rank, Note(anchor, text, words)))
    notes.sort(key=lambda n: (n[0], n[1]))
    # a comment the copy already carries (same paragraph, same first line) is not written twice
    return [note for _, _, note in notes if (note.block_id, note.text.split("\n")[0]) not in present]
