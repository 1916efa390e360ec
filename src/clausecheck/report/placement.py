"""Where a missing duty should be written: the fitting article, a related one, or the end of the body.

A missing duty has no clause to point at, yet a reviewer needs a place to add
it, and every output (the Word comment, the redline, the HTML link, the SARIF
location) must name the same place. In order:

1. the article whose heading is about the topic: it shares the most words with
   one of the topic's titles in any language ("Insurance" for liability
   insurance, 安全協調 for 安全协调; Chinese compared by character pairs, after
   folding traditional to simplified);
2. else the nearest related article: the one holding the most clauses the topic
   matrix cites (where the agreement settles its other safety duties);
3. else the end of the body, before the signature block.

Only the agreement and the topic matrix decide, never the findings, so the
place stays the same whatever a reviewer accepts. Only body paragraphs
qualify: Word allows no comments in headers or footers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from clausecheck._lazy_re import lazy_compile
from clausecheck.document.model import Block, ClauseNode, Document
from clausecheck.findings import DocumentResult, Location
from clausecheck.language.normalize import fold_text

_LATIN = lazy_compile(r"[a-z]+")
_HAN = lazy_compile("[\u3400-\u9fff\uf900-\ufaff]+")
_SIGNATURE = lazy_compile(
    r"签字|签章|盖章|签名|簽字|簽章|蓋章|簽名|法定代表人|授權代表|授权代表|立契約書人|"
    r"\bsigned\b|\bsignature\b|in witness whereof|\bexecuted\b.*\bby\b|for and on behalf of",
    re.I,
)
_STOP = {"with", "from", "that", "this", "their", "they", "other", "each", "party", "parties", "shall"}

ANCHORED_PARTS = ("body", "textbox")
"""parts whose paragraphs can carry a Word comment"""


def title_block(document: Document) -> str | None:
    """The first body paragraph outside a table: the agreement's title, usually."""
    body = [b for b in document.blocks if b.part == "body"]
    first = next((b for b in body if b.table is None), body[0] if body else None)
    return first.id if first else None


def _subtree(node: ClauseNode) -> list[str]:
    blocks = list(node.block_ids)
    for child in node.children:
        blocks += _subtree(child)
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
    words = {w for w in _LATIN.findall(folded) if len(w) >= 4 and w not in _STOP}
    for run in _HAN.findall(folded):
        words |= {run[i : i + 2] for i in range(len(run) - 1)}
    return words


def _end_of_body(document: Document) -> str | None:
    """The last body paragraph before the signature block (or the last one, when there is none)."""
    body = [b for b in document.blocks if b.part == "body" and b.table is None and b.text.strip()]
    if not body:
        return title_block(document)
    start = len(body) // 2
    signature = next((i for i in range(start, len(body)) if _SIGNATURE.search(body[i].text)), len(body))
    return body[max(signature - 1, 0)].id


def missing_duty_block(result: DocumentResult, document: Document, titles: Iterable[str]) -> str | None:
    """The block on which to ask for a missing duty whose topic has these `titles` (any language)."""
    wanted: set[str] = set()
    for title in titles:
        wanted |= _words(title)
    cited = Counter(loc.block_id for t in result.topics for loc in t.locations if loc.part in ANCHORED_PARTS)
    best, best_score = None, (0, 0)
    for node in _candidates(document.clauses):
        if not node.block_ids:
            continue
        score = (len(wanted & _words(node.title)), sum(cited[b] for b in _subtree(node)))
        if score > best_score:
            best, best_score = node, score
    if best is not None:
        return best.block_ids[0]
    return _end_of_body(document)


def article_end(document: Document, block_id: str) -> str:
    """The last block of the article headed by `block_id` (itself when it heads nothing): where to append a clause."""
    for node in _walk(document.clauses):
        if node.block_ids and node.block_ids[0] == block_id:
            blocks = [b for b in _subtree(node) if document.block(b).part in ANCHORED_PARTS]
            return max(blocks, key=lambda b: int(b[1:]), default=block_id)
    return block_id


def _walk(nodes: tuple[ClauseNode, ...]) -> Iterable[ClauseNode]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _location(block: Block) -> Location:
    return Location(block_id=block.id, clause=block.clause, excerpt=block.text, part=block.part)


def insertion_points(
    result: DocumentResult, document: Document, titles: Mapping[str, Iterable[str]] | None = None
) -> DocumentResult:
    """`result` with each missing duty's `insertion_point` set; `titles` are each topic's titles (any language)."""
    findings = []
    for f in result.findings:
        if f.status == "missing" and f.insertion_point is None:
            row_title = next((t.title for t in result.topics if t.topic == f.topic), "")
            names = list((titles or {}).get(f.topic, ())) or [row_title, f.topic.replace("_", " ")]
            block = missing_duty_block(result, document, names)
            if block is not None:
                f = f.model_copy(update={"insertion_point": _location(document.block(block))})
        findings.append(f)
    return result.model_copy(update={"findings": findings})
