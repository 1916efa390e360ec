"""What a Chinese agreement calls itself: 合同, 协议, 契約, 合約.

Messages speak of the agreement in the reader's words. A mainland draft is a
合同 or a 协议, a Taiwan one a 契約, a Hong Kong one a 合約; a message that
says 協議 about a 契約 reads as written by someone else. The title decides,
else the word the text uses most.
"""

from __future__ import annotations

from collections import Counter

from clausecheck._lazy_re import lazy_compile
from clausecheck.document.model import Document

_WORDS = lazy_compile("契約|合約|合同|協議|协议|契约|協定|协定")


def self_name(document: Document) -> str:
    """The agreement's word for itself, as written ('' when it uses none)."""
    body = [b for b in document.blocks if b.part == "body" and b.text.strip()]
    if body:
        in_title = _WORDS.findall(body[0].text)
        if in_title:
            return in_title[-1]
    counts = Counter(w for b in body for w in _WORDS.findall(b.text))
    return counts.most_common(1)[0][0] if counts else ""
