"""The rule-language fuzzer: pack texts that a client's staff could write, well-formed or not.

Two sources, mixed by hypothesis:

* grammar-aware generation: packs built from the language's own declarations
  (topics, parties, vocabularies, require/forbid/override/disable, `applies
  when` conditions of any shape), filled with hostile values: huge and empty
  terms, backtracking and oversized regexes, escapes of lone surrogates and
  controls, deep `not` chains, numbers past every bound;
* mutations of the bundled packs: spans deleted, duplicated or moved, tokens
  of the language inserted, characters replaced by arbitrary ones.

`judge` holds the property issue 13 asks for: a pack either gets a
positioned error (`PackSyntaxError` with a line and column), or it checks the
agreements within the budget (a result, or `BudgetExceeded`); anything else
is a failure. The fast suite runs a few dozen examples
(`tests/budget/test_dsl_fuzz.py`); `bench/fuzz_bench.py` runs thousands.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from hypothesis import strategies as st

from clausecheck.checker import Checker
from clausecheck.dsl.loader import load_pack
from clausecheck.errors import PackError, PackSyntaxError
from clausecheck.limits import Limits
from clausecheck.resources import bundled_packs_dir

BUNDLED = {p.parent.name: p.read_text(encoding="utf-8") for p in sorted(bundled_packs_dir().glob("*/pack.ccr"))}
TOPICS = ("ppe", "hazard_disclosure", "emergency", "machine_room", "t1", "t2")

_NASTY_STRINGS = [
    "",
    " ",
    "a" * 201,
    "a" * 20_000,
    "\\ud800",
    "\\udfff x",
    "\\u0000",
    "\\u001b[31m",
    "\\u202e",
    "\\u009b",
    "防护",
    "劳动防护用品",
    "personal protective equipment",
    "\\\\",
    '\\"',
    "shall",
]
_NASTY_REGEXES = [
    "(a+)+$",
    "(\\w+\\s?)+;",
    "(a|aa)+$",
    "a{4294967296}",
    "a{1001}",
    "x{2,5}y",
    "(",
    "[",
    "\\",
    ".*",
    "a*",
    "\\bsafety\\b",
    "(?=x)",
    "[一-龥]+",
    "(?<=a)b",
    "\\p{Han}",
    "ab" * 300,
    "(" * 100 + "a" + ")" * 100,
    "x(?P<n>y)(?P=n)",
]
_TOKENS = [
    "{",
    "}",
    "(",
    ")",
    '"',
    "/",
    "+=",
    "-=",
    "=",
    ",",
    "|",
    "#",
    "\n",
    "not ",
    "and ",
    "or ",
    "mentions ppe ",
    "applies when ",
    "require ",
    "forbid ",
    "override ",
    "disable ",
    "topic ",
    "party ",
    "vocabulary ",
    "extends ",
    "pack ",
    "near ",
    "within ",
    "99999999999999999999 ",
    "-1 ",
    "0 ",
    "sentence ",
    "en ",
    "zh-Hans ",
    "any ",
    "\ufeff",
    "\u3000",
    "“",
    "＝",
]

names = st.sampled_from(["ppe", "hazard_disclosure", "t1", "t2", "x", "规则", "a-b", "_", "emergency"])
strings = st.one_of(st.sampled_from(_NASTY_STRINGS), st.text(max_size=12).map(lambda s: s.replace('"', "")))
regexes = st.one_of(st.sampled_from(_NASTY_REGEXES), st.text(alphabet="ab()*+?|[]{}\\.,^$0123456789", max_size=16))
langs = st.sampled_from(["en", "zh-Hans", "zh-Hant", "zh", "any", "fr"])


@st.composite
def term_lines(draw: st.DrawFn) -> str:
    terms = draw(
        st.lists(st.one_of(strings.map(lambda s: f'"{s}"'), regexes.map(lambda r: f"/{r}/")), min_size=1, max_size=4)
    )
    return f"  {draw(langs)} " + " ".join(t.replace("\n", " ") for t in terms)


@st.composite
def conditions(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["mentions", "not", "and", "or", "deep"] if depth < 4 else ["mentions"]))
    if kind == "mentions":
        return "mentions " + ", ".join(draw(st.lists(st.sampled_from(TOPICS), min_size=1, max_size=3)))
    if kind == "not":
        return f"not {draw(conditions(depth + 1))}"
    if kind == "deep":
        return "not " * draw(st.integers(20, 600)) + "mentions ppe"
    items = draw(st.lists(conditions(depth + 1), min_size=2, max_size=5))
    return "(" + f" {kind} ".join(items) + ")"


@st.composite
def declarations(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["topic", "party", "vocabulary", "require", "forbid", "override", "disable"]))
    name = draw(names)
    if kind in ("topic", "party"):
        head = draw(st.sampled_from(['"Title"', "+=", "-="]))
        body = "\n".join(draw(st.lists(term_lines(), max_size=3)))
        return f"{kind} {name} {head} {{\n{body}\n}}"
    if kind == "vocabulary":
        body = "\n".join(draw(st.lists(term_lines(), max_size=3)))
        return f"vocabulary {draw(st.sampled_from(['binding', 'weak', 'mine']))} {draw(st.sampled_from(['', '+=', '=']))} {{\n{body}\n}}"
    if kind == "disable":
        return f'disable {draw(st.sampled_from(["ppe.provided", "nope", "injury.waiver"]))} "reason"'
    fields = draw(
        st.lists(
            st.one_of(
                st.sampled_from(TOPICS).map(lambda t: f"topic {t}"),
                st.sampled_from(["critical", "high", "low", "huge"]).map(lambda s: f"severity {s}"),
                st.just("bearer client | provider"),
                conditions().map(lambda c: f"applies when {c}"),
                strings.map(lambda s: f'suggest en "{s}"'),
                strings.map(lambda s: f'cite "{s}"'),
                term_lines().map(lambda t: f"near {{\n{t}\n}}"),
                st.sampled_from(["CC901", "cc", "X1"]).map(lambda c: f"code {c}"),
            ),
            max_size=6,
        )
    )
    rule = draw(st.sampled_from(["ppe.provided", "injury.waiver", "mine.rule"]))
    title = "" if kind == "override" else ' "A rule"'
    return f"{kind} {rule}{title} {{\n  " + "\n  ".join(fields) + "\n}"


@st.composite
def generated_packs(draw: st.DrawFn) -> str:
    parent = draw(st.sampled_from(["safety-core", "it-onsite", None]))
    head = f'pack fuzzed "Fuzzed" {{ extends {parent} }}' if parent else 'pack fuzzed "Fuzzed"'
    return head + "\n" + "\n".join(draw(st.lists(declarations(), max_size=6))) + "\n"


@st.composite
def mutated_packs(draw: st.DrawFn) -> str:
    text = BUNDLED[draw(st.sampled_from(sorted(BUNDLED)))]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        length = draw(st.integers(0, 200))
        action = draw(st.sampled_from(["delete", "duplicate", "token", "char", "move"]))
        if action == "delete":
            text = text[:at] + text[at + length :]
        elif action == "duplicate":
            text = text[:at] + text[at : at + length] * draw(st.integers(2, 50)) + text[at:]
        elif action == "token":
            text = text[:at] + draw(st.sampled_from(_TOKENS)) + text[at:]
        elif action == "char":
            text = text[:at] + draw(st.characters(codec="utf-8")) + text[at + 1 :]
        else:
            piece = text[at : at + length]
            rest = text[:at] + text[at + length :]
            to = draw(st.integers(0, len(rest)))
            text = rest[:to] + piece + rest[to:]
    return text


pack_texts = st.one_of(generated_packs(), mutated_packs())


def judge(text: str, folder: Path, agreements: Sequence[bytes | str], limits: Limits) -> str:
    """'refused' (a positioned error) or 'checked' (every agreement judged or over budget); else AssertionError."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    path = folder / "pack.ccr"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        pack = load_pack(path)
    except PackSyntaxError as e:
        assert e.line >= 1 and e.column >= 1, e
        return "refused"
    except PackError as e:  # not found, a cycle through a missing parent...: still one clear message
        assert str(e), e
        return "refused"
    checker = Checker([pack], limits=limits)
    for agreement in agreements:
        result = checker.check_isolated(agreement).result
        assert result.error is None or result.error_type == "BudgetExceeded", result.error
    return "checked"
