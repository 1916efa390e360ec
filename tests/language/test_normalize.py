"""Folding for matching keeps the way back to the original words."""

from hypothesis import given
from hypothesis import strategies as st

from clausecheck.language.detect import detect
from clausecheck.language.normalize import fold, fold_text, has_han


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


def test_a_long_text_folds_in_pieces_as_it_folds_whole():
    line = "甲方應當負責安全管理。The Contractor  shall\u3000comply.\n"
    long = line * 4000  # past the piece length
    assert fold_text(long) == fold(long).text
    expanding = long + "㈠第一條\n" + long  # one piece folds a character into three: the whole is folded as one
    assert fold_text(expanding) == fold(expanding).text


def test_chinese_characters_are_told_from_punctuation_and_full_width_letters() -> None:
    assert not has_han("The Contractor’s “Site Rules” — see clause 7")  # curly quotes and dashes only
    assert not has_han("ＡＢＣ：（１）")  # full-width forms sort after the Chinese characters
    assert has_han("“乙方”应提供安全帽")
    assert has_han("Party B (乙方) shall provide helmets")
    assert detect("ＡＢＣ the Contractor’s duties")[0] == "en"
    assert detect("乙方应提供安全帽")[0] == "zh-Hans"
