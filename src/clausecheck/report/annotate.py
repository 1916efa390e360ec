"""Which Word comment goes where, and what it says, in the agreement's language.

Each clause at fault gets a comment on its own paragraph: the rule, what is
wrong, what to do, the wording that settles it and the legal basis. Each
missing duty gets one on the most fitting heading (`placement`), asking for
the clause to add. Findings in a header, footer or note are commented on the
title instead, quoting where they are, since Word allows no comments there.
Accepted findings (`DocumentResult.suppressed`) get no comment: a reviewer
has already dealt with them; nor does a finding whose comment the agreement
already carries, so annotating an annotated copy adds only what is new.
"""

from __future__ import annotations

from clausecheck.document.annotate import AUTHOR, Note
from clausecheck.document.model import Document
from clausecheck.findings import DocumentResult, Finding, Location
from clausecheck.report.placement import missing_duty_block, title_block
from clausecheck.report.ui_strings import citations_for, ui_string
from clausecheck.types import SEVERITY_ORDER, Lang


def comment_text(finding: Finding, lang: Lang, where: Location | None = None) -> str:
    """The comment for one finding; `where` is given when the clause sits where Word takes no comment."""
    severity = ui_string(finding.severity, lang)
    lines = [ui_string("head", lang, code=finding.code, severity=severity) + finding.message]
    if where is not None:
        lines.append(ui_string("in_part", lang, part=ui_string(where.part, lang)) + where.excerpt)
    if finding.hint:
        lines.append(ui_string("fix", lang) + finding.hint)
    if finding.suggestion and finding.status != "forbidden":
        key = "add_here" if finding.status == "missing" else "suggested"
        lines.append(ui_string(key, lang) + finding.suggestion)
    cited = citations_for(finding.citations, lang)
    if cited:
        lines.append(ui_string("basis", lang) + "; ".join(c.text for c in cited))
    return "\n".join(lines)


def plan_comments(
    result: DocumentResult, document: Document, anchorable: frozenset[str], lang: Lang | None = None
) -> list[Note]:
    """The comments to write for `result`, in reading order, the most severe first on a paragraph.

    `anchorable` holds the blocks a comment can sit on (`document.annotate.anchorable`).
    """
    lang = lang or document.lang
    title = title_block(document)
    present = {(b, c.text) for c in document.comments if c.author == AUTHOR for b in c.block_ids}
    notes: list[tuple[int, int, Note]] = []
    for finding in result.findings:
        rank = -SEVERITY_ORDER[finding.severity]
        if not finding.locations:
            anchor = missing_duty_block(result, document, finding.topic)
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
            notes.append((int(anchor[1:]), rank, Note(anchor, text)))
    notes.sort(key=lambda n: (n[0], n[1]))
    return [note for _, _, note in notes if (note.block_id, note.text) not in present]
