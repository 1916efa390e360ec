"""The clause tree (part → article → clause → item, annexes apart) and the citation of every block.

A checker's finding is only useful if it says where: "clause 7.2(b)",
"第五条（二）", "Schedule 3, 4". Labels alone do not say how clauses nest, so
the tree is built with a stack of open clauses, fed one body paragraph at a
time in reading order. The rules (ranks, series, headings, automatic lists)
and the citation table are in `docs/reading.md`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clausecheck._lazy_re import lazy_compile
from clausecheck.document.construct import trusted
from clausecheck.document.labels import RANK_ANNEX, LabelMatch
from clausecheck.document.model import ClauseKind, ClauseNode
from clausecheck.errors import DocumentLimitExceeded
from clausecheck.limits import MAX_CLAUSE_DEPTH

_CJK = lazy_compile(r"[\u3400-\u9fff]")
_SENTENCE_END = tuple("。．；;，,：:、.")  # ．: the full-width stop older Chinese texts end sentences with
_TITLE_SPLIT = lazy_compile(r"[。．]|\.(?=\s)")
_SMALL_WORDS = frozenset(["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"])


@dataclass(eq=False, slots=True)
class _Node:
    id: str
    match: LabelMatch | None
    series: str | None
    value: int | None
    list_pos: tuple[str, int] | None
    heading: int | None
    eff_rank: int
    title: str
    children: list[_Node] = field(default_factory=list)
    block_ids: list[str] = field(default_factory=list)
    path: str = ""
    kind: ClauseKind = "clause"
    article_below: bool = False

    @property
    def rank(self) -> int | None:
        return self.match.rank if self.match is not None else None


@dataclass(frozen=True, slots=True)
class Placement:
    """What the tree says about one block."""

    clause: str | None
    clause_id: str | None
    heading_level: int | None


class ClauseTree:
    """Feed body paragraphs with `add()`, in reading order; then `finish()`.

    Clauses nest at most `MAX_CLAUSE_DEPTH` deep: a deeper agreement is refused
    with `DocumentLimitExceeded` (naming `source`) rather than walked recursively.
    """

    def __init__(self, source: str = "<document>") -> None:
        self._source = source
        self._stack: list[_Node] = []
        self._roots: list[_Node] = []
        self._count = 0
        self._members: list[tuple[str, _Node | None, bool]] = []  # (block id, node, opened it)
        self._heuristic_headings: set[str] = set()
        self._texts: list[str] = []

    def add(
        self,
        block_id: str,
        match: LabelMatch | None,
        list_pos: tuple[str, int] | None,
        heading: int | None,
        text: str = "",
        opens: bool = True,
    ) -> None:
        """One block; it opens a clause when it is labelled or a heading and `opens` (not in a table)."""
        if len(self._texts) < 200:
            self._texts.append(text)
        if opens and (match is not None or heading is not None):
            if match is not None and match.rank == RANK_ANNEX and not self._roots:
                match = None  # "Exhibit 10.21" above the first clause titles the document, it is no annex
                if heading is None:
                    self._attach(block_id)
                    return
            node = self._place(match, list_pos, heading, text)
            node.block_ids.append(block_id)
            self._members.append((block_id, node, True))
            if heading is None and match is not None and _heading_like(match):
                self._heuristic_headings.add(block_id)
                node.title = match.rest
            return
        self._attach(block_id)

    def skip(self, block_id: str) -> None:
        """A block that belongs to no clause (an entry of a table of contents)."""
        self._members.append((block_id, None, False))

    def _attach(self, block_id: str) -> None:
        node = self._stack[-1] if self._stack else None
        if node is not None:
            node.block_ids.append(block_id)
        self._members.append((block_id, node, False))

    # --- placing a new clause ------------------------------------------------

    def _place(
        self, match: LabelMatch | None, list_pos: tuple[str, int] | None, heading: int | None, text: str
    ) -> _Node:
        series = match.series if match else None
        value = match.value if match else None
        stack = self._stack
        if match is not None and match.alt_series and self._follows(match.alt_series, match.alt_value):
            series, value = match.alt_series, match.alt_value
        if match is not None and match.rank == RANK_ANNEX:
            stack.clear()
        elif match is not None and match.rank is not None:
            while (
                stack and stack[-1].kind != "annex" and (stack[-1].eff_rank >= match.rank or _is_list_item(stack[-1]))
            ):
                stack.pop()
        elif (list_pos is not None and self._close_to_list(list_pos)) or (
            match is not None and self._close_to_series(series, match)
        ):
            pass
        elif heading is not None:
            self._close_to_heading(heading)
        elif match is not None and match.form == "decimal":
            self._close_items(match.cite.count(".") + 1)
        if len(stack) >= MAX_CLAUSE_DEPTH:
            shown = match.label if match is not None else text[:40]
            raise DocumentLimitExceeded(
                self._source,
                f"clause '{shown[:60]}' is nested more than {MAX_CLAUSE_DEPTH} levels deep",
                hint="no agreement nests its clauses this deep; the numbering or labels are damaged or hostile",
            )
        parent = stack[-1] if stack else None
        if match is not None and match.rank is not None:
            eff_rank = match.rank
        else:
            eff_rank = (parent.eff_rank + 1) if parent else 1
        title = "" if heading is None else match.rest if match is not None else text
        node = _Node(
            id=f"c{self._count}",
            match=match,
            series=series,
            value=value,
            list_pos=list_pos,
            heading=heading,
            eff_rank=eff_rank,
            title=title,
        )
        if match is not None and match.rank == RANK_ANNEX:
            node.kind = "annex"
        self._count += 1
        (parent.children if parent else self._roots).append(node)
        stack.append(node)
        return node

    def _follows(self, series: str, value: int | None) -> bool:
        """Whether the open item series `series` has the value just before `value` ((h) before (i)).

        Only items open below the innermost numbered clause or heading count: an (h) left
        open in an earlier clause says nothing about the (i) of this one.
        """
        if value is None:
            return False
        for node in reversed(self._stack):
            if node.series == series and node.value == value - 1:
                return True
            if node.match is None or node.match.form in ("decimal", "fixed", "annex") or node.heading is not None:
                return False
        return False

    def _close_to_list(self, list_pos: tuple[str, int]) -> bool:
        key, level = list_pos
        for i in range(len(self._stack) - 1, -1, -1):
            node = self._stack[i]
            if node.kind == "annex":
                return False
            if node.list_pos is None or node.list_pos[0] != key:
                continue
            if node.list_pos[1] < level:
                del self._stack[i + 1 :]
                return True
            if node.list_pos[1] == level:
                del self._stack[i:]
                return True
        return False

    def _close_to_series(self, series: str | None, match: LabelMatch) -> bool:
        """Close back to an open clause of the same series (its sibling) or, for 7.2, to 7."""
        stack = self._stack
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].kind == "annex":
                break
            if stack[i].series == series:
                del stack[i:]
                return True
        if match.form == "decimal":
            prefix = match.cite.rsplit(".", 1)[0]
            for i in range(len(stack) - 1, -1, -1):
                if stack[i].kind == "annex":
                    break
                if _number_of(stack[i]) == prefix:
                    del stack[i + 1 :]
                    return True
        return False

    def _close_items(self, depth: int) -> None:
        """`2.2.3` whose parent is not open closes the items before it: a decimal clause is never an item's child."""
        stack = self._stack
        while stack and stack[-1].kind != "annex" and stack[-1].heading is None and stack[-1].rank is None:
            top = stack[-1].match
            if top is not None and top.form == "decimal" and top.cite.count(".") + 1 < depth:
                break
            stack.pop()

    def _close_to_heading(self, level: int) -> None:
        """A heading closes headings of its level or deeper and the clauses under them, not the parts above."""
        stack = self._stack
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].kind == "annex":
                del stack[i + 1 :]
                return
            heading = stack[i].heading
            if heading is not None and heading < level:
                del stack[i + 1 :]
                return
        first = next((i for i, n in enumerate(stack) if n.heading is not None), None)
        if first is not None:
            del stack[first:]
        while stack and stack[-1].kind != "annex" and stack[-1].eff_rank >= 20:
            stack.pop()

    # --- finishing ------------------------------------------------------------

    def finish(self) -> tuple[tuple[ClauseNode, ...], dict[str, Placement]]:
        """The roots of the tree and, per block id, its citation and heading level."""
        for root in self._roots:
            _mark_articles_below(root)
        from clausecheck.language.detect import detect

        self._traditional = detect("".join(self._texts))[0] == "zh-Hant"
        for root in self._roots:
            self._assign(root, labelled_depth=0, cited=None, in_annex=None)
        placements: dict[str, Placement] = {}
        for block_id, node, opened in self._members:
            if node is None:
                placements[block_id] = Placement(None, None, None)
                continue
            level = node.heading
            if opened and level is None and block_id in self._heuristic_headings:
                level = {"part": 1, "annex": 1, "article": 2, "clause": 3}.get(node.kind)
            placements[block_id] = Placement(node.path or None, node.id, level if opened else None)
        return tuple(_freeze(root) for root in self._roots), placements

    def _assign(self, node: _Node, labelled_depth: int, cited: _Node | None, in_annex: _Node | None) -> None:
        match = node.match
        if node.kind != "annex":
            node.kind = _kind(node, labelled_depth)
        if match is None:
            node.path = cited.path if cited else node.title[:60]
        else:
            node.path = _cite(match, node.series, node.value, cited, in_annex, self._traditional)
        if match is not None and not node.title and node.kind in ("part", "article", "annex"):
            node.title = _short_title(match.rest)
        counts = match is not None and node.kind not in ("part", "annex")
        next_cited = node if (match is not None and node.kind != "part") else cited
        if node.kind == "part" and match is not None and match.rank is None:
            next_cited = cited  # "一、" above articles is not part of their citation
        for child in node.children:
            self._assign(
                child,
                labelled_depth + (1 if counts else 0),
                next_cited,
                node if node.kind == "annex" else in_annex,
            )


def _is_list_item(node: _Node) -> bool:
    """An open item that cannot head an article: bracketed, lettered, a bare number, or one that has children.

    '一、词语含义' right before '第一条' heads it, and goes on heading the articles after it ('二、甲方权利和
    义务' over 第一条 to 第四条); '（２）…' or a '一、' already holding items that are not articles do not.
    """
    if node.rank is not None or node.heading is not None or node.match is None:
        return False
    return any(child.rank is None for child in node.children) or node.match.form in ("bracket", "letter", "number")


def _kind(node: _Node, depth: int) -> ClauseKind:
    rank = node.rank
    if rank is not None:
        if rank < 20:
            return "part"
        if rank < 30:
            return "article"
        return "clause" if rank == 30 else "item"
    if node.article_below:
        return "part"
    kinds: tuple[ClauseKind, ...] = ("article", "clause", "item")
    match = node.match
    if match is None:
        return kinds[min(depth, 2)]
    if match.form == "decimal":
        return kinds[min(max(match.cite.count("."), depth), 2)]
    if match.form in ("bracket", "letter") and depth >= 1:
        return "item"
    return kinds[min(depth, 2)]


def _mark_articles_below(node: _Node) -> bool:
    """Set `article_below` on every node of the subtree; True when the subtree holds an article label."""
    below = False
    for child in node.children:
        if _mark_articles_below(child) or (child.rank is not None and 20 <= child.rank < 30):
            below = True
    node.article_below = below
    return below


def _number_of(node: _Node) -> str | None:
    """The numeric citation a decimal child extends: '7' for '7', 'Article 7', '第七条'; '7.2' for '7.2'."""
    match = node.match
    if match is None:
        return None
    if match.form in ("decimal", "number"):
        return match.cite
    if match.form == "fixed" and match.value is not None:
        return str(match.value)
    return None


def _cite(
    match: LabelMatch,
    series: str | None,
    value: int | None,
    parent: _Node | None,
    annex: _Node | None,
    traditional: bool = False,
) -> str:
    """How a person cites the clause: its label under its parent's citation, as the document prints it.

    Legal units are added only where the convention names them: 第三条 + 一、 is
    第三条第一款, 第三条第一款 + 1. its 第1项 (項 in a traditional-Chinese
    agreement). Elsewhere the label is kept as printed: 1. under 三、 is 三、1,
    never an invented 三、第1项.
    """
    form = match.form
    if form == "annex":
        return match.cite
    if form in ("fixed", "decimal", "other") or (form == "enum" and parent is None):
        return _join_annex(annex.path, match.cite) if annex is not None else match.cite
    if parent is None:
        return str(value) if form == "number" else match.cite
    base = parent.path
    if form == "enum":
        number = match.cite.rstrip("、")
        if base.endswith(("条", "條", "款")):  # 第一条 + 一、 → 第一条第一款
            return f"{base}第{number}{_unit(base, traditional)}"
        return f"{base}{match.cite}"
    if form == "bracket":
        return base + match.cite
    if form == "letter":
        return f"{base}({match.cite})"  # 'b.' under 7.2 is cited 7.2(b)
    # a bare number: 1. 1、 1)
    if _CJK.search(base):
        if base.endswith(("条", "條", "款")) or parent.kind == "annex":
            return f"{base}第{value}{_unit(base, traditional)}"
        return f"{base}{value}" if base.endswith(("、", "）", ")", "．", ".")) else f"{base} {value}"
    if parent.kind == "annex":
        return f"{base}, {value}"
    return f"{base}.{value}"


def _unit(base: str, traditional: bool) -> str:
    """What a numbered subdivision is called under `base`: 款 under an article (条), 项 (項) below that."""
    if base.endswith(("条", "條")):
        return "款"
    return "項" if traditional else "项"


def _join_annex(annex: str, own: str) -> str:
    return annex + own if _CJK.search(annex) else f"{annex}, {own}"


def _heading_like(match: LabelMatch) -> bool:
    """A labelled paragraph that reads as a heading ('第一章 总则', 'ARTICLE 5 FEES', '一、合同文件')."""
    if match.rank is None and match.series not in ("zh-enum", "decimal:1", "roman-dot:upper"):
        return False
    rest = match.rest
    if not rest:
        return match.rank is not None
    if rest.endswith(_SENTENCE_END):
        return False
    if _CJK.search(rest):
        return len(rest) <= 24
    words = rest.split()
    if rest.isupper():
        return len(words) <= 12
    return len(words) <= 8 and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words if w[0].isalpha())


def _short_title(rest: str) -> str:
    """'词语含义' from '词语含义。在本合同…', 'Fees' from 'Fees. The Customer…'; '' when there is none."""
    first = _TITLE_SPLIT.split(rest, maxsplit=1)[0].strip()
    limit = 24 if _CJK.search(first) else 60
    if first and first != rest.strip() and len(first) <= limit:
        return first
    return ""


def _freeze(node: _Node) -> ClauseNode:
    return trusted(
        ClauseNode,
        {
            "id": node.id,
            "kind": node.kind,
            "label": node.match.label if node.match else "",
            "path": node.path,
            "title": node.title,
            "block_ids": tuple(node.block_ids),
            "children": tuple([_freeze(c) for c in node.children]),
        },
    )
