"""Which tracked changes `annotate --redline` proposes, from the findings.

- A void clause (`forbidden`): the sentence is proposed for deletion and the
  rule's replacement wording inserted in its place.
- A missing duty: the suggested clause as a new paragraph at the end of the
  article where it belongs (`Finding.insertion_point`).
- An ambiguous duty (no party, a hedge, vague content, the wrong party): the
  suggested wording inserted after the sentence. The old sentence stays, since
  it may settle other duties too; the new binding wording settles the topic.

Conflicts and dangling references are left to the reviewer's judgement (the
comment says what to do): which of two clauses wins, or which document is
meant, is not ours to guess. Accepted findings get no change. One change per
sentence and topic, however many findings point at it.
"""

from __future__ import annotations

from clausecheck.document.annotate import Edit
from clausecheck.document.model import Document
from clausecheck.findings import DocumentResult
from clausecheck.report.placement import ANCHORED_PARTS, article_end

_REWORDED = ("no_actor", "weak_modality", "vague", "wrong_bearer")


def plan_redlines(result: DocumentResult, document: Document) -> list[Edit]:
    """The tracked changes for `result`, in reading order."""
    edits: dict[tuple[str, str, str], Edit] = {}
    for f in result.findings:
        if not f.suggestion:
            continue
        if f.status == "missing" and f.insertion_point is not None:
            at = article_end(document, f.insertion_point.block_id)
            edits.setdefault((at, "paragraph", f.topic), Edit(at, "paragraph", f.suggestion))
            continue
        for loc in f.locations:
            if loc.part not in ANCHORED_PARTS:
                continue
            if f.status == "forbidden":
                edits.setdefault(
                    (loc.block_id, loc.excerpt, "delete"), Edit(loc.block_id, "delete", f.suggestion, loc.excerpt)
                )
            elif f.status == "ambiguous" and f.kind in _REWORDED:
                edits.setdefault(
                    (loc.block_id, f.topic, "insert"), Edit(loc.block_id, "insert", " " + f.suggestion, loc.excerpt)
                )
                break  # one new wording per topic is enough
    return sorted(edits.values(), key=lambda e: int(e.block_id[1:]))
