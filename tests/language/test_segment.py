"""Sentences and their semicolon/colon parts, in Chinese and English."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from clausecheck.language import segment
from clausecheck.language.segment import segments


def texts(text):
    return [(s.text, s.continues) for s in segments(text)]


def test_initials_in_a_name_do_not_end_a_sentence():
    parts = segments("Vendor shall maintain the following insurance with insurers rated A- VII or better by A.M. Best:")
    assert [p.text for p in parts] == [
        "Vendor shall maintain the following insurance with insurers rated A- VII or better by A.M. Best:"
    ]


def test_english_abbreviations_and_numbers_do_not_end_sentences():
    assert texts("Sec. 5 applies to Acme Co. Ltd. e.g. boots. Pay within 3.5 days. Done.") == [
        ("Sec. 5 applies to Acme Co. Ltd. e.g. boots.", False),
        ("Pay within 3.5 days.", False),
        ("Done.", False),
    ]


def test_semicolon_parts_continue_their_sentence():
    assert texts("The Contractor shall: (a) provide PPE; (b) train staff.") == [
        ("The Contractor shall:", False),
        ("(a) provide PPE;", True),
        ("(b) train staff.", True),
    ]


def test_chinese_sentences_end_at_full_stops_and_parts_at_semicolons():
    assert texts("乙方应配备劳保用品；甲方应提供《手册：第二版》。如发生事故，乙方应立即报告！") == [
        ("乙方应配备劳保用品；", False),
        ("甲方应提供《手册：第二版》。", True),
        ("如发生事故，乙方应立即报告！", False),
    ]


def test_offsets_point_into_the_block_text():
    text = "甲方负责。 乙方负责。"
    for s in segments(text):
        assert text[s.start : s.end] == s.text


def test_a_trailing_conjunction_is_not_a_part():
    assert texts("(a) any injury to any person; and") == [("(a) any injury to any person;", False)]


# --- the linear splitter cuts exactly where the quadratic one did ---------------------------------------


def _old_is_abbreviation(text: str, dot: int) -> bool:
    """The splitter's test before issue 13: it copied and searched everything before each full stop (with the
    same words: abbreviations, single letters and initials)."""
    m = re.search(r"([A-Za-z.]+)\.$", text[: dot + 1])
    if m:
        word = m.group(1).lower()
        if word in segment._EN_ABBREVIATIONS or len(word) == 1 or segment._INITIALS.fullmatch(word):
            return True
    return bool(re.search(r"\d\.$", text[: dot + 1]) and re.match(r"\s*\d", text[dot + 1 :]))


def _old_split_en(text: str) -> list[segment.Segment]:
    out: list[segment.Segment] = []
    start = 0
    continues = False
    for m in segment._EN_BOUNDARY.finditer(text):
        mark = text[: m.start()].rstrip("\"'\u201d\u2019)")
        mark_index = len(mark) - 1
        if mark_index < 0:
            continue
        ch = text[mark_index]
        if ch == "." and _old_is_abbreviation(text, mark_index):
            continue
        segment._emit(out, text, start, m.start(), continues)
        continues = ch in ";:"
        start = m.end()
    segment._emit(out, text, start, len(text), continues)
    return out


_WORDS = ["The", "Supplier", "shall", "e.g", "i.e", "Co", "Ltd", "No", "U.S", "a", "B", "3", "12", "3.5", "x1"]
_MARKS = [
    ".",
    ". ",
    "; ",
    ";",
    ": ",
    ":",
    "! ",
    "? ",
    '." ',
    ".) ",
    "\u201d ",
    " ",
    "  ",
    "\n",
    "(",
    "[",
    "\u2019",
    "é",
]
_PIECES = st.sampled_from([*_WORDS, *_MARKS])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_linear_english_splitter_matches_the_old_one(text):
    assert segment._split_en(text) == _old_split_en(text)
