"""Where a missing duty should be written: the most fitting heading, or the title.

A missing duty has no clause to point at, yet a reviewer needs a place to add
it. The best place is the article whose heading shares the most words with
the topic's title ("Insurance" for liability insurance, 安全協調 for 安全协调;
Chinese compared by character pairs, after folding traditional to
simplified), and among equals the one where the agreement already settles
the most of its other safety duties (the clauses the topic matrix cites).
An agreement with neither gets the note on its first paragraph, the title.
Only body paragraphs qualify: Word allows no comments in headers or footers.
"""

from __future__ import annotations

import re
from collections import Counter

from clausecheck.document.model import ClauseNode, Document
from clausecheck.findings import DocumentResult, Finding, TopicVerdict
from clausecheck.language.normalize import fold_text

_LATIN = re.compile(r"[a-z]+")
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]+")

ANCHORED_PARTS = ("body", "textbox")
"""parts whose paragraphs can carry a Word comment"""


def title_block(document: Document) -> str | None:
    """The first body paragraph outside a table: the agreement's title, usually."""
    body = [b for b in document.blocks if b.part == "body"]
    first = next((b for b in body if b.table is None), body[0] if body else None)
    return first.id if first else None


def _subtree(node: ClauseNode) -> set[str]:
    blocks = set(node.block_ids)
    for child in node.children:
        blocks |= _subtree(child)
    return blocks


def _candidates(roots: tuple[ClauseNode, ...]) -> list[ClauseNode]:
    """Numbered articles at any depth when the agreement has them, else its top-level clauses."""
    found: list[ClauseNode] = []

    def visit(node: ClauseNode) -> None:
        if node.kind == "article" and node.label:
            found.append(node)
            return
        if node.kind in ("part", "article"):
            for child in node.children:
                visit(child)

    for root in roots:
        visit(root)
    return found or [r for r in roots if r.kind != "annex"]


def _words(text: str) -> set[str]:
    """English words of four letters or more and Chinese character pairs, folded."""
    folded = fold_text(text).lower()
    words = {w for w in _LATIN.findall(folded) if len(w) >= 4}
    for run in _HAN.findall(folded):
        words |= {run[i : i + 2] for i in range(len(run) - 1)}
    return words


def missing_duty_block(result: DocumentResult, document: Document, topic: str) -> str | None:
    """The block on which to ask for the missing `topic`: the heading of the most fitting article."""
    title = next((t.title for t in result.topics if t.topic == topic), "") or topic.replace("_", " ")
    wanted = _words(title)
    located: list[TopicVerdict | Finding] = [*result.topics, *result.findings]
    cited = Counter(loc.block_id for item in located for loc in item.locations if loc.part in ANCHORED_PARTS)
    best, best_score = None, (0, 0)
    for node in _candidates(document.clauses):
        if not node.block_ids:
            continue
        score = (len(wanted & _words(node.title)), sum(cited[b] for b in _subtree(node)))
        if score > best_score:
            best, best_score = node, score
    if best is not None:
        return best.block_ids[0]
    return title_block(document)
