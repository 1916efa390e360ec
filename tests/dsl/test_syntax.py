"""Parsing: the constructs, Unicode in files from Chinese systems, and errors with a caret and a hint."""

from __future__ import annotations

import pytest

from clausecheck.dsl.diagnostics import caret_context, display_width
from clausecheck.dsl.loader import load_pack
from clausecheck.dsl.model import AllOf, AnyOf, Mentions, Not
from clausecheck.dsl.transformer import read_pack_file
from clausecheck.errors import PackError, PackSyntaxError

from .base_pack import BASE


def _error(text: str) -> PackSyntaxError:
    with pytest.raises(PackSyntaxError) as info:
        read_pack_file(text, "p.ccr")
    return info.value


def test_base_pack_resolves(packs):
    pack = load_pack(packs("base", BASE))
    assert pack.id == "base" and pack.version == "1"
    assert [r.id for r in pack.rules] == ["ppe.provided", "injury.waiver"]
    rule = pack.rule("CC101")
    assert rule.bearers == ("provider", "client", "both") and rule.bearing == "one"
    assert rule.citations[0].jurisdiction == "CN"
    assert pack.topics["ppe"].titles == {"zh-Hans": "劳动防护用品"}
    assert pack.topics["ppe"].near[0][0].text == "injury"


def test_bom_full_width_space_and_nbsp_are_whitespace():
    text = '\ufeffpack x "X"\u3000{\u00a0version "1" }\n'
    assert read_pack_file(text, "p.ccr").header.id == "x"


def test_crlf_and_comments_with_cjk():
    text = 'pack x "X" # 安全包\r\n# 注释：全角“引号”也没关系\r\ntopic t "T" { zh-Hans "安全帽" }\r\n'
    assert read_pack_file(text, "p.ccr").decls[0].terms[0].text == "安全帽"


def test_string_escapes_and_concatenation():
    f = read_pack_file('pack x "X"\nrequire a.b "T" { rationale "one \\"two\\" " "\\u5b89" }', "p.ccr")
    assert f.decls[0].fields["rationale"].value == 'one "two" 安'


def test_regex_terms_are_folded_and_validated():
    f = read_pack_file('pack x "X"\ntopic t "T" { zh-Hant /工傷(概不負責|自理)/ en /Hard\\sHat/ }', "p.ccr")
    zh, en = f.decls[0].terms
    assert zh.regex and zh.text == "工伤(概不负责|自理)"
    assert en.text == "Hard\\sHat"  # case is left to the matcher, which ignores it


def test_pattern_folding_keeps_escapes_and_escapes_full_width_brackets():
    from clausecheck.dsl.terms import fold_pattern

    assert fold_pattern(r"傷亡\D（甲方）") == r"伤亡\D\(甲方\)"


def test_conditions():
    f = read_pack_file(
        'pack x "X"\nrequire a.b "T" { applies when mentions a, b and not (mentions c or mentions d) }', "p.ccr"
    )
    condition, refs = f.decls[0].fields["applies"].value
    assert condition == AllOf(
        items=(Mentions(topics=("a", "b")), Not(item=AnyOf(items=(Mentions(topics=("c",)), Mentions(topics=("d",))))))
    )
    assert [r.value for r in refs] == ["a", "b", "c", "d"]


def test_misspelt_field_suggests_the_keyword():
    e = _error('pack x "X"\nrequire a.b "T" {\n  severty high\n}')
    assert (e.line, e.column) == (3, 3)
    assert "did you mean 'severity'?" in str(e)
    assert "   3 |   severty high\n     |   ^" in str(e)


def test_full_width_quote_names_the_ascii_character():
    e = _error('pack x "X"\ntopic t “T” { en "a" }')
    assert (e.line, e.column) == (2, 9)
    assert "use '\"'" in str(e.hint)


@pytest.mark.parametrize(("char", "ascii_char"), [("＝", "="), ("（", "("), ("：", ":"), ("，", ",")])
def test_other_full_width_punctuation(char: str, ascii_char: str):
    e = _error(f'pack x "X"\nvocabulary weak {char} {{ en "may" }}' if char == "＝" else f'pack x "X"{char}')
    assert f"use '{ascii_char}'" in str(e.hint)


def test_caret_is_aligned_under_wide_characters():
    e = _error('pack x "X"\ntopic 安全帽 "T" { 中文 "安全帽" }')
    assert (e.line, e.column) == (2, 17)
    line, caret = e.context.splitlines()
    assert display_width(line[: line.index("中文")]) == display_width(caret[: caret.index("^")])


def test_display_width_counts_cjk_as_two():
    assert display_width("ab安全") == 6
    assert caret_context("安全x", 1, 3).endswith("|     ^")


def test_unknown_severity_and_language_get_hints():
    assert "did you mean 'critical'?" in str(_error('pack x "X"\nrequire a.b "T" { severity critcal }'))
    assert "did you mean 'zh-Hant'" in str(_error('pack x "X"\ntopic t "T" { zh-Hanx "安全帽" }'))


def test_word_that_is_not_a_language_tag_in_a_term_block():
    e = _error('pack x "X"\ntopic t "T" { severity high }')
    assert "not one" in str(e.hint)


def test_an_unclosed_brace_is_reported_where_it_was_opened():
    e = _error('pack x "X"\nrequire a.b "T" {\n  severity high\n')
    assert (e.line, e.column) == (2, 17) and "never closed" in str(e) and "end of the file" in str(e)
    assert "add '}'" in str(e.hint)


@pytest.mark.parametrize(
    ("text", "brace"),
    [
        # the next declaration is where the parser notices; the brace left open is the error
        ('pack x "X"\ntopic a "A" {\n  en "x" near { en "{y" }\n\nrequire b.c "B" {\n  code CC1\n}\n', (2, 13)),
        ('pack x "X"\nrequire a.b "T" {\n  code CC1\n  topic ppe\n\ntopic ppe "P" { en "x" }\n', (2, 17)),
        ('pack x "X"\nvocabulary weak += {\n  en "may"\noverride a.b { severity low }\n', (2, 20)),
        # a term group left open: the rule's next field is read as a language tag
        ('pack x "X"\nrequire a.b "T" {\n  code CC1\n  near { en "x" # }\n  severity high\n}\n', (4, 8)),
    ],
)
def test_an_unclosed_brace_before_more_declarations_points_at_the_brace(text: str, brace: tuple[int, int]):
    e = _error(text)
    assert (e.line, e.column) == brace and "never closed" in str(e), str(e)
    assert e.context.splitlines()[1].endswith("^")


def test_a_misspelt_field_in_a_closed_block_is_still_the_error():
    e = _error('pack x "X"\nrequire a.b "T" {\n  code CC1\n  severty high\n}\n')
    assert (e.line, e.column) == (4, 3) and "did you mean 'severity'?" in str(e.hint)


def test_bad_regex_points_at_the_pattern():
    e = _error('pack x "X"\ntopic t "T" { en /(ab/ }')
    assert (e.line, e.column) == (2, 18) and "invalid regular expression" in str(e)


def test_a_by_party_group_needs_terms_and_is_read_per_party():
    e = _error('pack x "X"\ntopic t "T" { en "a"\n  by client { } }')
    assert (e.line, e.column) == (3, 6) and "'by client' has no terms" in str(e)
    f = read_pack_file('pack x "X"\ntopic t "T" { en "a" by client { en "b" } by provider { en "c" } }', "p.ccr")
    (topic,) = f.decls
    assert [(party, [t.text for t in terms]) for party, terms, _ in topic.by] == [
        ("client", ["b"]),
        ("provider", ["c"]),
    ]


def test_regex_matching_empty_text_is_refused():
    assert "matches empty text" in str(_error('pack x "X"\ntopic t "T" { en /a*/ }'))


def test_field_given_twice():
    e = _error('pack x "X"\nrequire a.b "T" { severity high\n severity low }')
    assert e.line == 3 and "given twice" in str(e)
    e = _error('pack x "X"\nrequire a.b "T" { bearer client\n bearer provider }')
    assert "'bearer' is given twice in rule 'a.b' (first on line 2)" in str(e)
    assert "two 'en' suggestions" in str(_error('pack x "X"\nrequire a.b "T" { suggest en "a" suggest en "b" }'))


def test_repeatable_fields_add_up():
    f = read_pack_file(
        'pack x "X"\nrequire a.b "T" { cite CN "A" cite UK "B" "C" suggest en "e" suggest zh "z"\n title zh-Hant "t" }',
        "p.ccr",
    )
    fields = f.decls[0].fields
    assert [(c.jurisdiction, c.text) for c in fields["citations"].value] == [("CN", "A"), ("UK", "B"), ("UK", "C")]
    assert fields["suggest"].value == {"en": "e", "zh-Hans": "z"} and fields["titles"].value == {"zh-Hant": "t"}


@pytest.mark.parametrize(
    "text", ['pack x "X" { jurisdictions CN, prc }', 'pack x "X"\nrequire a.b "T" { cite prc "Law" }']
)
def test_bad_jurisdiction_points_at_the_code(text: str):
    e = _error(text)
    assert "'prc' is not a jurisdiction code" in str(e) and "CN, TW" in str(e.hint)
    assert e.context.splitlines()[-1].index("^") == e.context.splitlines()[0].index("prc")


def test_unknown_status_points_at_the_word():
    e = _error('pack x "X"\nrequire a.b "T" { status stabel }')
    assert "unknown status 'stabel'" in str(e) and "did you mean 'stable'?" in str(e.hint)
    assert (e.line, e.column) == (2, 26)


def test_bad_code_and_disable_without_reason():
    assert "capital letters" in str(_error('pack x "X"\nrequire a.b "T" { code cc1 }').hint)
    assert "quoted string" in str(_error('pack x "X"\ndisable a.b\n'))
    assert "say why the rule is disabled" in str(_error('pack x "X"\ndisable a.b "  "\n'))


def test_file_must_start_with_a_pack_line():
    assert "declares no pack" in str(_error('topic t "T" { en "a" }'))
    assert "must come before" in str(_error('topic t "T" { en "a" }\npack x "X"'))


def test_not_utf8_is_a_positioned_error(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "pack.ccr").write_bytes('pack p "P"\n# 安全\n'.encode("gb18030"))
    with pytest.raises(PackSyntaxError) as info:
        load_pack(tmp_path / "p")
    assert info.value.line == 2 and "UTF-8" in str(info.value.hint)


def test_errors_are_pack_errors_and_never_lark_errors():
    with pytest.raises(PackError):
        read_pack_file('pack x "X" {{', "p.ccr")
