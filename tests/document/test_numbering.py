"""Automatic numbering rendered as Word shows it (docs/numbering.md)."""

from __future__ import annotations

import pytest

from clausecheck.document.numfmt import format_number, parse_chinese, parse_roman
from clausecheck.document.reader import read_document

from .packages import abstract, docx_with, num, numbered


def labels(body: str, numbering: str, styles: str = "") -> list[str | None]:
    doc = read_document(docx_with(body, numbering, styles))
    return [b.label for b in doc.blocks if b.part == "body"]


@pytest.mark.parametrize(
    "fmt, values",
    [
        ("decimal", {1: "1", 21: "21"}),
        ("decimalZero", {3: "03", 12: "12"}),
        ("lowerLetter", {1: "a", 26: "z", 27: "aa", 28: "bb"}),
        ("upperLetter", {2: "B"}),
        ("lowerRoman", {4: "iv", 9: "ix", 14: "xiv"}),
        ("upperRoman", {1999: "MCMXCIX"}),
        ("chineseCounting", {1: "一", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 99: "九十九", 100: "一〇〇"}),
        (
            "chineseCountingThousand",
            {10: "十", 15: "十五", 100: "一百", 101: "一百零一", 110: "一百一十", 1050: "一千零五十"},
        ),
        ("taiwaneseCounting", {12: "十二"}),
        ("taiwaneseCountingThousand", {101: "一百零一"}),
        ("chineseLegalSimplified", {1: "壹", 10: "壹拾", 12: "壹拾贰", 101: "壹佰零壹"}),
        ("ideographLegalTraditional", {12: "壹拾貳"}),
        ("ideographTraditional", {1: "甲", 10: "癸", 11: "11"}),
        ("ideographZodiac", {12: "亥"}),
        ("decimalFullWidth", {7: "７", 12: "１２"}),
        ("decimalEnclosedCircle", {1: "①", 20: "⑳", 21: "21"}),
        ("decimalEnclosedParen", {3: "⑶"}),
        ("ideographEnclosedCircle", {1: "㈠"}),
        ("ordinal", {1: "1st", 2: "2nd", 11: "11th", 23: "23rd"}),
        ("cardinalText", {21: "Twenty-One"}),
        ("ordinalText", {3: "Third", 20: "Twentieth", 22: "Twenty-Second"}),
        ("somethingNew", {5: "5"}),
    ],
)
def test_number_formats(fmt, values):
    for value, shown in values.items():
        assert format_number(value, fmt) == shown, (fmt, value)


def test_chinese_and_roman_numerals_parse_back():
    for n in (1, 9, 10, 11, 20, 21, 99, 101, 110, 1050):
        assert parse_chinese(format_number(n, "chineseCountingThousand")) == n
    assert parse_chinese("壹拾贰") == 12 and parse_chinese("一〇〇") == 100 and parse_chinese("甲方") is None
    assert parse_roman("xiv") == 14 and parse_roman("IIII") is None


def test_lvl_text_patterns_and_start():
    numbering = abstract(
        0, ("chineseCounting", "第%1条"), ("decimal", "%1.%2"), ("chineseCounting", "（%2）"), start=3
    ) + num(1, 0)
    body = numbered(1, 0, "a") + numbered(1, 1, "b") + numbered(1, 1, "c") + numbered(1, 0, "d") + numbered(1, 1, "e")
    assert labels(body, numbering) == ["第三条", "三.3", "三.4", "第四条", "四.3"]  # no isLgl: %1 keeps its format


def test_is_lgl_writes_every_level_in_arabic_digits():
    lgl = abstract(0, ("chineseCounting", "第%1条"), ("decimal", "%1.%2"))
    lgl = lgl.replace('<w:lvl w:ilvl="1"><w:start w:val="1"/>', '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/>')
    body = numbered(1, 0, "a") + numbered(1, 1, "b") + numbered(1, 0, "c") + numbered(1, 1, "d")
    assert labels(body, lgl + num(1, 0)) == ["第一条", "1.1", "第二条", "2.1"]


def test_nums_sharing_a_definition_continue_and_start_override_restarts():
    numbering = abstract(0, ("decimal", "%1.")) + num(
        5, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    )
    numbering += (
        num(7, 0) + num(2, 0) + num(9, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride>')
    )
    body = numbered(5, 0, "a") + numbered(5, 0, "b") + numbered(7, 0, "c") + numbered(2, 0, "d") + numbered(9, 0, "e")
    body += numbered(9, 0, "f")
    assert labels(body, numbering) == ["1", "2", "3", "4", "10", "11"]


def test_start_override_of_a_level_not_used_shows_in_the_label():
    """Word's 'continue from heading 2': a num used only at level 1 overriding level 0 shows 2.1, 2.2."""
    numbering = abstract(0, ("decimal", "%1."), ("decimal", "%1.%2"))
    numbering += num(1, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride>')
    assert labels(numbered(1, 1, "a") + numbered(1, 1, "b"), numbering) == ["2.1", "2.2"]


def test_lvl_override_replaces_a_level_for_one_num():
    override = '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Part %1"/></w:lvl></w:lvlOverride>'
    numbering = abstract(0, ("decimal", "%1.")) + num(1, 0) + num(2, 0, override)
    assert labels(numbered(1, 0, "a") + numbered(2, 0, "b"), numbering) == ["1", "Part II"]


def test_deeper_levels_restart_unless_lvl_restart_says_never():
    plain = abstract(0, ("decimal", "%1."), ("lowerLetter", "(%2)"))
    never = plain.replace(
        '<w:lvl w:ilvl="1"><w:start w:val="1"/>', '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/>'
    )
    body = numbered(1, 0, "a") + numbered(1, 1, "b") + numbered(1, 1, "c") + numbered(1, 0, "d") + numbered(1, 1, "e")
    assert labels(body, plain + num(1, 0)) == ["1", "(a)", "(b)", "2", "(a)"]
    assert labels(body, never + num(1, 0)) == ["1", "(a)", "(b)", "2", "(c)"]


def test_numbering_from_paragraph_styles_and_level_links():
    styles = (
        '<w:style w:type="paragraph" w:styleId="Art"><w:name w:val="Article"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/><w:basedOn w:val="Art"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Item"><w:name w:val="Item"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    numbering = abstract(0, ("chineseCounting", "第%1条"), ("chineseCounting", "（%2）"))
    numbering = numbering.replace(
        '<w:lvl w:ilvl="1"><w:start w:val="1"/>', '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:pStyle w:val="Item"/>'
    )
    body = (
        numbered(None, None, "a", style="Art")
        + numbered(None, None, "b", style="Item")
        + numbered(None, None, "c", style="Sub")
        + numbered(0, None, "not numbered", style="Art")
        + numbered(None, None, "d", style="Item")
    )
    assert labels(body, numbering + num(1, 0), styles) == ["第一条", "（一）", "第二条", None, "（一）"]


def test_num_style_link_follows_the_numbering_style():
    styles = (
        '<w:style w:type="numbering" w:styleId="Contract"><w:name w:val="Contract"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    numbering = abstract(0, ("decimal", "Clause %1"), extra='<w:styleLink w:val="Contract"/>')
    numbering += abstract(1, ("bullet", "•"), extra='<w:numStyleLink w:val="Contract"/>')
    numbering += num(1, 0) + num(2, 1)
    assert labels(numbered(2, 0, "a") + numbered(2, 0, "b"), numbering, styles) == ["Clause 1", "Clause 2"]


def test_bullets_none_and_unknown_lists_give_no_label():
    numbering = abstract(0, ("bullet", "\uf0b7")) + abstract(1, ("none", "")) + num(1, 0) + num(2, 1)
    body = numbered(1, 0, "bullet") + numbered(2, 0, "none") + numbered(99, 0, "unknown") + numbered(1, 5, "no level")
    assert labels(body, numbering) == [None, None, None, None]


def test_deleted_paragraph_takes_no_number():
    numbering = abstract(0, ("decimal", "%1.")) + num(1, 0)
    gone = numbered(1, 0, "", extra='<w:rPr><w:del w:id="9" w:author="x"/></w:rPr>')
    assert labels(numbered(1, 0, "a") + gone + numbered(1, 0, "b"), numbering) == ["1", "2"]


def test_numbered_paragraph_text_excludes_the_label():
    numbering = abstract(0, ("chineseCounting", "第%1条")) + num(1, 0)
    doc = read_document(docx_with(numbered(1, 0, "甲方负责安全。"), numbering))
    block = doc.blocks[0]
    assert (block.label, block.label_source, block.text, block.clause) == (
        "第一条",
        "numbering",
        "甲方负责安全。",
        "第一条",
    )


def test_headers_count_on_their_own(read):
    doc = read("1. body one\n2. body two", auto_numbering=True, header="1. header item")
    assert [(b.part, b.label) for b in doc.blocks] == [("body", "1"), ("body", "2"), ("header", "1")]


def test_list_format_settles_whether_i_is_a_letter_or_a_roman_numeral():
    """An automatic (i) after (h) from another list: a sibling in a letter list, a child in a roman one."""
    numbering = abstract(0, ("lowerLetter", "(%1)")) + abstract(1, ("lowerRoman", "(%1)"))
    numbering += abstract(2, ("lowerLetter", "(%1)"), start=9) + num(1, 0) + num(2, 1) + num(3, 2)
    letters = "".join(numbered(1, 0, f"item {c}") for c in "abcdefgh")
    roman = read_document(docx_with(letters + numbered(2, 0, "roman"), numbering))
    assert (roman.blocks[-1].label, roman.blocks[-1].clause) == ("(i)", "(h)(i)")
    letter = read_document(docx_with(letters + numbered(3, 0, "letter"), numbering))
    assert (letter.blocks[-1].label, letter.blocks[-1].clause) == ("(i)", "(i)")
