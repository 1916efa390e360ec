"""Sentences and their semicolon/colon parts, in Chinese and English."""

from clausecheck.language.segment import segments


def texts(text):
    return [(s.text, s.continues) for s in segments(text)]


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
