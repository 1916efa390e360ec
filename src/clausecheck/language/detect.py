"""Which language a block, and an agreement, is written in: `en`, `zh-Hans` or `zh-Hant`.

Suggested wording and messages must come in the agreement's language, and
bilingual agreements (中英对照) mix both in one file, so the reader labels
every block. Chinese is told from English by counting Han characters against
Latin letters; simplified from traditional by characters that only one script
uses, classed with OpenCC once per character and cached (`docs/reading.md`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from clausecheck._lazy_re import lazy_compile
from clausecheck.language.normalize import opencc_converter
from clausecheck.types import Lang

_HAN = lazy_compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = lazy_compile(r"[A-Za-z]")
_SCRIPT: dict[str, int] = {}  # +1 traditional-only, -1 simplified-only, 0 both or neither
MIN_SHARE = 0.05
"""a language holding less of the text than this is not listed in `Document.langs`"""


def _converters() -> tuple[object, object]:
    return opencc_converter("t2s"), opencc_converter("s2t")


def _script_of(chars: set[str]) -> int:
    """Traditional-only minus simplified-only characters among `chars`."""
    unknown = [c for c in chars if c not in _SCRIPT]
    if unknown:
        t2s, s2t = _converters()
        joined = "".join(unknown)
        simplified = t2s.convert(joined)  # type: ignore[attr-defined]
        traditional = s2t.convert(joined)  # type: ignore[attr-defined]
        if len(simplified) == len(joined) and len(traditional) == len(joined):
            for c, s, t in zip(joined, simplified, traditional, strict=True):
                _SCRIPT[c] = 1 if s != c else (-1 if t != c else 0)
        else:
            for c in unknown:
                s, t = t2s.convert(c), s2t.convert(c)  # type: ignore[attr-defined]
                _SCRIPT[c] = 1 if s != c else (-1 if t != c else 0)
    return sum(_SCRIPT[c] for c in chars)


def detect(text: str) -> tuple[Lang | None, int]:
    """The language of `text` and its weight (Han characters, or Latin letters / 3); (None, 0) without letters.

    A Chinese text without any telling character comes back as `zh-Hans`
    with a weight; use `detect_all` to let such blocks follow the agreement.
    """
    lang, weight, _ = _detect(text)
    return lang, weight


def _detect(text: str) -> tuple[Lang | None, int, bool]:
    if text.isascii() or _HAN.search(text) is None:
        # English (or no letters): the exact letter count does not matter, only its order of magnitude
        return ("en", len(text) // 4 or 1, True) if _LATIN.search(text) else (None, 0, False)
    han = _HAN.findall(text)
    latin = len(_LATIN.findall(text)) if len(han) * 3 < len(text) else 0
    if len(han) * 3 >= latin:
        score = _script_of(set(han))
        return ("zh-Hant" if score > 0 else "zh-Hans"), len(han), score != 0
    return "en", latin // 3 or 1, True


def detect_all(texts: Iterable[str]) -> tuple[list[Lang | None], Lang, tuple[Lang, ...]]:
    """Per-text languages, the main language and every language with at least `MIN_SHARE` of the text.

    Chinese blocks with no character telling the scripts apart take the
    agreement's Chinese script.
    """
    results = [_detect(t) for t in texts]
    weights: Counter[Lang] = Counter()
    for lang, weight, sure in results:
        if lang is not None and sure:
            weights[lang] += weight
    undecided = sum(w for lang, w, sure in results if lang is not None and not sure)
    chinese: Lang = "zh-Hant" if weights["zh-Hant"] > weights["zh-Hans"] else "zh-Hans"
    if undecided:
        weights[chinese] += undecided
    langs: list[Lang | None] = [
        (chinese if (lang is not None and lang != "en" and not sure) else lang) for lang, _, sure in results
    ]
    total = sum(weights.values())
    if not total:
        return langs, "en", ()
    ranked = [lang for lang, w in weights.most_common() if w / total >= MIN_SHARE]
    return langs, ranked[0], tuple(ranked)
