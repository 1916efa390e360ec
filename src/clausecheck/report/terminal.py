"""Text from agreements and packs made safe to print on a terminal.

An agreement is written by a counterparty and a pack by another team: a
right-to-left override (U+202E) can make a clause read backwards on screen,
and a C1 control (U+009B is a terminal's escape introducer) can recolour,
move the cursor or retitle the window. Such characters are printed as
visible escapes (`\\u202e`), never sent raw; tabs and line breaks stay.
"""

from __future__ import annotations

from clausecheck._lazy_re import lazy_compile

_CONTROLS = lazy_compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufff9-\ufffb\ud800-\udfff]"
)


def visible(text: str) -> str:
    """`text` with control, bidirectional and lone surrogate characters shown as `\\uXXXX` escapes."""
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
