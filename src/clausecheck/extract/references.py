"""Documents a duty delegates to, resolved against the agreement's own annexes.

"按甲方《安全管理手册》执行", "in accordance with the Site Rules in Schedule 3",
"详见附件三": a duty that only points elsewhere is settled only if the
reader can find what it points to. A reference resolves when the agreement
attaches a matching annex or schedule, defines the document ("Site Rules"
means … attached as Schedule 2), or identifies it by a statute or standard;
it dangles when it names an annex that is not there or a document still to
be made ("另行制定", "to be issued").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clausecheck._lazy_re import lazy_compile
from clausecheck.document.model import ClauseNode, Document
from clausecheck.extract.lexicon import Lexicon, Scan
from clausecheck.extract.model import Reference
from clausecheck.extract.positions import positions
from clausecheck.language.normalize import fold_text, matching_lang

_ZH_TITLE = lazy_compile(r"《([^》]{1,40})》")


# the words before a document noun that belong to its name: "安全管理制度", "the site safety rules"
_NAME_BEFORE = lazy_compile(r"(?:[\u4e00-\u9fff]{0,6}|(?:\w+\s+){0,3})$")
# A capitalised document name identifies a document only with its owner, before it ("the Customer's Site Safety
# Rules") or after it ("the Site Rules of the Customer"), or where the sentence says it is found ("attached as
# Appendix 2", "displayed there"); a bare noun ("the rules") is no name, and a name that opens with its owner
# ("Customer's Site Rules") is owned.
_NAMED = lazy_compile(r"(?![A-Z][\w-]*['’]s?\s)[A-Z]")
_OWNED, _OWNER_AFTER = lazy_compile(r"[A-Za-z]['’]s?\s+$"), lazy_compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_SHOWN = lazy_compile(
    r"\b(?:attached|annexed|appended|displayed|posted|a\s+copy\s+of\s+which|copies\s+of\s+which|"
    r"(?:provided|given|supplied|issued)\s+to|made\s+available|available\s+(?:at|on|from))\b",
    re.IGNORECASE,
)
_ORDINALS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


def _annex_number(label: str) -> str:
    """'三' -> '3', 'B' -> 'B', '12' -> '12', so 附件三 and Annex 3 compare equal."""
    label = label.strip().upper()
    if label.isdigit():
        return str(int(label))
    if all(c in _ORDINALS for c in label):
        if len(label) == 1:
            return str(_ORDINALS[label])
        if label.startswith("十"):
            return str(10 + _ORDINALS.get(label[1:], 0))
        return str(_ORDINALS[label[0]] * 10 + _ORDINALS.get(label[2:], 0))
    return label


@dataclass
class Attachments:
    """What the agreement attaches or defines, to resolve references against."""

    numbers: set[str]
    titles: list[str]

    @classmethod
    def of(cls, document: Document, lexicon: Lexicon) -> Attachments:
        forms = positions(lexicon)
        numbers: set[str] = set()
        titles: list[str] = []
        stack: list[ClauseNode] = list(document.clauses)
        while stack:
            node = stack.pop()
            stack.extend(node.children)
            if node.kind != "annex":
                continue
            for m in forms.annex.finditer(fold_text(node.label)):
                numbers.add(_annex_number(m.group("number")))
            if node.title:
                titles.append(fold_text(node.title).lower())
        for block in document.blocks:
            # a document the agreement defines or attaches: "Site Rules" means ... attached as Schedule 2
            for m in forms.defined_term.finditer(fold_text(block.text)):
                titles.append(m.group("term").lower())
        return cls(numbers, titles)

    def knows(self, title: str) -> bool:
        """Whether an annex title or a defined term names this document."""
        key = fold_text(title).lower()
        return any(key == t or key in t for t in self.titles)


def references(scan: Scan, text: str, lexicon: Lexicon, attachments: Attachments) -> list[Reference]:
    """References to other documents in a sentence part (folded text), resolved or dangling."""
    found: list[Reference] = []
    forms = positions(lexicon)
    deferred = scan.search(lexicon.words("deferral"))
    for m in forms.annex.finditer(text):
        number = _annex_number(m.group("number"))
        found.append(
            Reference(
                title=m.group(),
                resolved=number in attachments.numbers,
                target=m.group() if number in attachments.numbers else None,
            )
        )
    # a capitalised name alone ("in accordance with the Site Safety Plan") identifies no document: its owner
    # ("the Customer's Site Safety Rules") or the sentence ("attached as Appendix 2", "displayed there") must
    shown = _SHOWN.search(text) is not None
    titles = [(m.group(1), False) for m in _ZH_TITLE.finditer(text)] + [
        (
            m.group("title"),
            not shown
            and _NAMED.match(m.group("title")) is not None
            and not _OWNED.search(text, 0, m.start("title"))
            and not _OWNER_AFTER.match(text, m.end("title")),
        )
        for m in forms.named_document.finditer(text)
    ]
    for title, unnamed in titles:
        statute = lexicon.scan(fold_text(title), matching_lang(title)).search(lexicon.words("statute_noun"))
        identified = statute or attachments.knows(title)
        found.append(Reference(title=title, resolved=identified or not (deferred or unnamed)))
    if deferred and not titles:
        # rules still to be made or attached later: 另行制定安全规则, work rules to be issued
        noun = scan.first(lexicon.words("document_noun"))
        if noun:
            before = _NAME_BEFORE.search(text, 0, noun.start)
            start = before.start() if before else noun.start
            found.append(Reference(title=text[start : noun.end].strip(), resolved=False))
    return found
