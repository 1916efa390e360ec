"""Folding for matching keeps the way back to the original words."""

from hypothesis import given
from hypothesis import strategies as st

from clausecheck.language.normalize import fold, fold_text


def test_traditional_and_full_width_fold_to_simplified_half_width():
    assert fold_text("乙方應當負責　ＰＰＥ（勞保）") == "乙方应当负责 PPE(劳保)"


def test_case_is_kept_for_names():
    assert fold_text("The Company") == "The Company"


def test_original_words_survive_expansion():
    folded = fold("㈠乙方應負責")
    start = folded.text.index("乙方")
    assert folded.original_words(start, start + 2) == "乙方"


@given(st.text(max_size=60))
def test_every_folded_character_maps_into_the_original(text):
    folded = fold(text)
    for i in range(len(folded.text)):
        a, b = folded.span(i, i + 1)
        assert 0 <= a <= b <= len(text)
