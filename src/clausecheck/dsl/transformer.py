"""From a Lark parse tree to `PackFile`, checking what one file can check alone.

Language tags, severities, ambiguity kinds, codes, regular expressions and
repeated fields are validated here, each error pointing at the word at fault.
Whether a topic, party or rule exists is the resolver's business: it may be
declared in a pack this one extends.
"""

from __future__ import annotations

import json
from typing import Any, get_args

from lark import Token, Transformer, Tree, v_args
from lark.exceptions import VisitError

from clausecheck._lazy_re import lazy_compile
from clausecheck.dsl import terms as term_factory
from clausecheck.dsl.conditions import TooManyAlternatives, alternatives
from clausecheck.dsl.diagnostics import did_you_mean, syntax_error
from clausecheck.dsl.grammar import LANGUAGE_TAGS, parse
from clausecheck.dsl.model import ALL_AMBIGUITY_KINDS, RULE_CODE, AllOf, AnyOf, Example, Mentions, Not, RuleStatus
from clausecheck.dsl.syntax import (
    Decl,
    DisableDecl,
    Located,
    NearGroup,
    PackFile,
    PackHeader,
    PartyDecl,
    Pos,
    RuleDecl,
    ScopeDecl,
    StatuteDecl,
    TopicDecl,
    VocabDecl,
    keyword,
)
from clausecheck.errors import PackSyntaxError
from clausecheck.limits import MAX_CONDITION_ALTERNATIVES, MAX_NESTING, MAX_PACK_CHARS
from clausecheck.types import SEVERITY_ORDER, Citation, Lang

_CODE = lazy_compile(r"^[A-Z]+[0-9]+$")
# lone surrogates cannot be encoded (UTF-8 output fails) and these controls are not XML (a Word comment fails)
_UNWRITABLE = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_JURISDICTION = lazy_compile(r"^[A-Z]{2,5}$")
_YES = {"yes": True, "true": True, "no": False, "false": False}
_REPEATABLE = {"citations", "suggest", "examples", "near", "specific", "aliases"}
_LANGS = ("zh-Hans", "zh-Hant", "en")
_NESTING = frozenset({"negate", "all_of", "any_of"})


def read_pack_file(text: str, path: str) -> PackFile:
    """Parse and transform one pack file's text (BOM already removed or not)."""
    text = text.removeprefix("\ufeff")
    if len(text) > MAX_PACK_CHARS:
        raise syntax_error(
            f"the pack file has {len(text):,} characters; a pack is at most {MAX_PACK_CHARS:,}",
            file=path,
            text=text[:0],
            line=1,
            column=1,
            hint="split it into packs that extend one another",
        )
    tree = parse(text, path)
    _check_nesting(tree, text, path)
    try:
        return _ToSyntax(text, path).transform(tree)
    except VisitError as e:
        if isinstance(e.orig_exc, PackSyntaxError):
            raise e.orig_exc from None
        raise


def _check_nesting(tree: Tree, text: str, path: str) -> None:
    """Refuse conditions nested deeper than `MAX_NESTING` before the (recursive) transformer walks them."""
    stack: list[tuple[Tree, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if node.data in _NESTING:
            depth += 1
            if depth > MAX_NESTING:
                raise syntax_error(
                    f"a condition nested more than {MAX_NESTING} levels deep",
                    file=path,
                    text=text,
                    line=node.meta.line,
                    column=node.meta.column,
                    hint="write the condition flat: 'not not x' is x, and 'and'/'or' take any number of terms",
                )
        stack.extend((child, depth) for child in node.children if isinstance(child, Tree))


def _pos(node: Token | Any) -> Pos:
    if isinstance(node, Token):
        return Pos(node.line or 1, node.column or 1)
    return Pos(node.line, node.column)


class _ToSyntax(Transformer):
    def __init__(self, text: str, path: str) -> None:
        super().__init__()
        self._text = text
        self._path = path

    # ---- helpers ------------------------------------------------------------

    def _error(self, message: str, at: Token | Pos, hint: str | None = None) -> PackSyntaxError:
        pos = at if isinstance(at, Pos) else _pos(at)
        return syntax_error(message, file=self._path, text=self._text, line=pos.line, column=pos.column, hint=hint)

    def _string(self, token: Token) -> str:
        try:
            text = json.loads(token)
        except json.JSONDecodeError:
            raise self._error(
                "invalid escape in string",
                token,
                hint='inside quotes only \\" \\\\ \\n \\t and \\uXXXX are escapes; '
                "write a pattern as a /regular expression/",
            ) from None
        self._refuse_unwritable(
            text,
            token,
            "the string holds U+{:04X}, which no report or Word file can carry",
            "remove the escape: a lone surrogate half (\\ud800-\\udfff) or a control character is never text; "
            "write a character outside the basic plane as itself, not as two escapes",
        )
        return text

    def _refuse_unwritable(self, text: str, token: Token, message: str, hint: str) -> None:
        """A positioned error for the first character no report can carry (`message` formats its code point)."""
        bad = _UNWRITABLE.search(text)
        if bad is not None:
            raise self._error(message.format(ord(bad.group())), token, hint=hint)

    def _strings(self, tokens: list[Token]) -> str:
        return "".join(self._string(t) for t in tokens)

    def _lang(self, token: Token, *, allow_any: bool = True) -> Lang | None:
        key = str(token).casefold()
        if key in LANGUAGE_TAGS and (allow_any or LANGUAGE_TAGS[key] is not None):
            return LANGUAGE_TAGS[key]  # type: ignore[return-value]
        choices = [*_LANGS, "any"] if allow_any else list(_LANGS)
        raise self._error(
            f"unknown language '{token}'",
            token,
            hint=did_you_mean(str(token), choices) or f"use one of {', '.join(choices)}",
        )

    def _choice(self, token: Token, what: str, choices: dict[str, Any] | tuple[str, ...]) -> Any:
        word = str(token)
        if word in choices:
            return choices[word] if isinstance(choices, dict) else word
        raise self._error(
            f"unknown {what} '{word}'",
            token,
            hint=did_you_mean(word, choices) or f"use one of {', '.join(choices)}",
        )

    def _jurisdiction(self, token: Token) -> str:
        if not _JURISDICTION.match(token):
            raise self._error(f"'{token}' is not a jurisdiction code", token, hint="use CN, TW, HK, UK, US, INTL ...")
        return str(token)

    def _titles(self, items: list[tuple], where: str) -> dict[Lang, str]:
        titles: dict[Lang, str] = {}
        for item in items:
            if item[0] == "title":
                _, token, lang, text = item
                if lang in titles:
                    raise self._error(f"{where} has two '{lang}' titles", token)
                titles[lang] = text
        return titles

    # ---- terms ----------------------------------------------------------------

    def term_line(self, children: list[Token]) -> tuple:
        tag, *written = children
        lang = self._lang(tag)
        made = []
        for token in written:
            try:
                if token.type == "REGEX":
                    self._refuse_unwritable(
                        token,
                        token,
                        "the pattern holds the control character U+{:04X}",
                        "a pattern is written as text: '\\b' for a word boundary, not a backspace pasted in by "
                        "an editor or a script",
                    )
                    made.append(term_factory.regex(token[1:-1], lang))
                else:
                    made.append(term_factory.literal(self._string(token), lang))
            except term_factory.TermError as e:
                raise self._error(str(e), token, hint=e.hint) from None
        return ("terms", _pos(tag), tuple(made))

    @staticmethod
    def _collect(items: list[tuple], kind: str = "terms") -> tuple:
        return tuple(t for item in items if item[0] == kind for t in item[2])

    @v_args(meta=True)
    def near(self, meta: Any, children: list) -> tuple:
        return self._group("near", meta, children)

    @v_args(meta=True)
    def specific(self, meta: Any, children: list) -> tuple:
        return self._group("specific", meta, children)

    def _group(self, kind: str, meta: Any, children: list) -> tuple:
        label = children[0] if children and isinstance(children[0], Token) else None
        lines = children[1:] if label is not None else children
        terms = self._collect(lines)
        pos = _pos(meta)
        if not terms:
            raise self._error(f"a {kind} group needs at least one term", pos)
        return (kind, pos, NearGroup(str(label) if label is not None else None, terms, pos))

    @v_args(meta=True)
    def exclude(self, meta: Any, children: list) -> tuple:
        return ("exclude", _pos(meta), self._collect(children))

    @v_args(meta=True)
    def unless(self, meta: Any, children: list) -> tuple:
        return ("unless", _pos(meta), self._collect(children))

    @v_args(meta=True)
    def by_party(self, meta: Any, children: list) -> tuple:
        party, *lines = children
        terms = self._collect(lines)
        if not terms:
            raise self._error(f"'by {party}' has no terms", party)
        return ("by", _pos(meta), (str(party), terms, _pos(party)))

    def within(self, children: list[Token]) -> tuple:
        (token,) = children
        value = None if token.type == "SENTENCE" else int(token)
        if value is not None and value <= 0:
            raise self._error("a window must be at least one character", token)
        return ("within", _pos(token), Located(value, _pos(token)))

    def title_field(self, children: list[Token]) -> tuple:
        tag, *texts = children
        return ("title", tag, self._lang(tag, allow_any=False), self._strings(texts))

    # ---- header ---------------------------------------------------------------

    def version(self, children: list[Token]) -> tuple:
        return ("version", self._string(children[0]))

    def languages(self, children: list[Token]) -> tuple:
        return ("languages", tuple(self._lang(t, allow_any=False) for t in children))

    def jurisdictions(self, children: list[Token]) -> tuple:
        return ("jurisdictions", tuple(self._jurisdiction(t) for t in children))

    def extends(self, children: list[Token]) -> tuple:
        refs = tuple(
            Located(("path", self._string(t)) if t.type == "STRING" else ("name", str(t)), _pos(t)) for t in children
        )
        return ("extends", refs)

    def reason_field(self, children: list[Token]) -> tuple:
        tag, *texts = children
        return ("reason", (tag, self._lang(tag, allow_any=False), self._strings(texts)))

    @v_args(meta=True)
    def pack_decl(self, meta: Any, children: list) -> PackHeader:
        name, title, *fields = children
        seen: dict[str, Any] = {}
        reasons: dict[Lang, str] = {}
        for key, value in fields:
            if key == "reason":
                tag, lang, text = value
                if lang in reasons:
                    raise self._error(f"two '{lang}' reasons in the pack header", tag)
                reasons[lang] = text
                continue
            if key in seen:
                raise self._error(f"'{key}' is given twice in the pack header", Pos(meta.line, meta.column))
            seen[key] = value
        return PackHeader(
            id=str(name),
            title=self._string(title),
            version=seen.get("version"),
            languages=seen.get("languages"),
            jurisdictions=seen.get("jurisdictions", ()),
            extends=seen.get("extends", ()),
            pos=_pos(name),
            applies=seen.get("applies"),
            reasons=reasons,
        )

    # ---- scopes and statutes ------------------------------------------------------

    def scope_decl(self, children: list) -> ScopeDecl:
        name, title, *lines = children
        terms = self._collect(lines)
        if not terms:
            raise self._error(f"scope '{name}' has no terms", name)
        return ScopeDecl(str(name), self._string(title), terms, _pos(name))

    def items(self, children: list[Token]) -> tuple:
        return ("items", _pos(children[0]), tuple(int(t) for t in children))

    def statute_decl(self, children: list) -> StatuteDecl:
        jurisdiction, name, *lines = children
        names: dict[Lang, str] = {}
        for line in lines:
            if line[0] != "terms":
                continue
            for term in line[2]:
                if term.regex or term.lang is None:
                    raise self._error("a statute's name is a literal string under a language tag", line[1])
                if term.lang in names:
                    raise self._error(f"statute {name} has two '{term.lang}' names", line[1])
                names[term.lang] = term.text
        return StatuteDecl(
            jurisdiction=self._jurisdiction(jurisdiction),
            name=self._string(name),
            names=names,
            items=tuple(i for line in lines if line[0] == "items" for i in line[2]),
            pos=_pos(jurisdiction),
        )

    # ---- parties, topics, vocabularies ------------------------------------------

    def party_define(self, children: list) -> PartyDecl:
        name, title, *items = children
        return self._party(name, "define", self._string(title), items)

    def party_amend(self, children: list) -> PartyDecl:
        name, op, *items = children
        return self._party(name, str(op), None, items)

    def _party(self, name: Token, op: str, title: str | None, items: list[tuple]) -> PartyDecl:
        return PartyDecl(id=str(name), op=op, title=title, terms=self._collect(items), pos=_pos(name))  # type: ignore[arg-type]

    def topic_define(self, children: list) -> TopicDecl:
        name, title, *items = children
        return self._topic(name, "define", self._string(title), items)

    def topic_amend(self, children: list) -> TopicDecl:
        name, op, *items = children
        return self._topic(name, str(op), None, items)

    def _topic(self, name: Token, op: str, title: str | None, items: list[tuple]) -> TopicDecl:
        windows = [item for item in items if item[0] == "within"]
        if len(windows) > 1:
            raise self._error(f"topic '{name}' has two 'within' lines", windows[1][1])
        if op == "-=" and windows:
            raise self._error("'within' cannot be removed; set it with +=", windows[0][1])
        return TopicDecl(
            id=str(name),
            op=op,  # type: ignore[arg-type]  # the grammar allows define, += and -= only
            title=title,
            titles=self._titles(items, f"topic '{name}'"),
            terms=self._collect(items),
            near=tuple(item[2] for item in items if item[0] == "near"),
            exclude=self._collect(items, "exclude"),
            unless=self._collect(items, "unless"),
            by=tuple(item[2] for item in items if item[0] == "by"),
            window=windows[0][2] if windows else None,
            pos=_pos(name),
        )

    def vocab_define(self, children: list) -> VocabDecl:
        name, *rest = children
        return VocabDecl(str(name), "define", self._collect(rest), _pos(name))

    def vocab_amend(self, children: list) -> VocabDecl:
        name, op, *rest = children
        return VocabDecl(str(name), str(op), self._collect(rest), _pos(name))  # type: ignore[arg-type]

    # ---- rules ------------------------------------------------------------------

    def code(self, children: list[Token]) -> tuple:
        (token,) = children
        if not RULE_CODE.match(token):
            raise self._error(
                f"'{token}' is not a rule code", token, hint="a code is capital letters then digits, e.g. CC101"
            )
        return ("code", Located(str(token), _pos(token)))

    def alias(self, children: list[Token]) -> tuple:
        return ("aliases", Located(tuple(Located(str(t), _pos(t)) for t in children), _pos(children[0])))

    def status(self, children: list[Token]) -> tuple:
        (token,) = children
        return ("status", Located(self._choice(token, "status", get_args(RuleStatus)), _pos(token)))

    def topic_ref(self, children: list[Token]) -> tuple:
        return ("topic", Located(str(children[0]), _pos(children[0])))

    def severity(self, children: list[Token]) -> tuple:
        (token,) = children
        return ("severity", Located(self._choice(token, "severity", tuple(SEVERITY_ORDER)), _pos(token)))

    def bearer(self, children: list[Token]) -> tuple:
        refs = tuple(Located(str(t), _pos(t)) for t in children)
        return ("bearers", Located(refs, _pos(children[0])))

    def bearing(self, children: list[Token]) -> tuple:
        (token,) = children
        return ("bearing", Located(self._choice(token, "bearing", ("one", "each", "any")), _pos(token)))

    @v_args(meta=True)
    def binding(self, meta: Any, children: list[Token]) -> tuple:
        return self._flag("binding", _pos(meta), children)

    @v_args(meta=True)
    def exemption(self, meta: Any, children: list[Token]) -> tuple:
        return self._flag("exemption", _pos(meta), children)

    def _flag(self, name: str, pos: Pos, children: list[Token]) -> tuple:
        if not children:
            return (name, Located(True, pos))
        (token,) = children
        return (name, Located(self._choice(token, f"value for '{name}'", _YES), _pos(token)))

    def ambiguous_when(self, children: list[Token]) -> tuple:
        kinds = tuple(self._choice(t, "ambiguity kind", ALL_AMBIGUITY_KINDS) for t in children)
        return ("ambiguous_when", Located(kinds, _pos(children[0])))

    @v_args(meta=True)
    def ambiguous_never(self, meta: Any, children: list) -> tuple:
        return ("ambiguous_when", Located((), _pos(meta)))

    @v_args(meta=True)
    def applies_when(self, meta: Any, children: list) -> tuple:
        condition, refs = children[0]
        try:
            alternatives(condition)
        except TooManyAlternatives as e:
            raise self._error(
                f"this condition is too complex: {e}",
                _pos(meta),
                hint=f"each alternative becomes engine rules; keep it under {MAX_CONDITION_ALTERNATIVES} "
                "(name the topics once: 'mentions a, b' instead of '(a or b) and (a or b)'), or split the rule",
            ) from None
        return ("applies", Located((condition, refs), _pos(meta)))

    @v_args(meta=True)
    def applies_always(self, meta: Any, children: list) -> tuple:
        return ("applies", Located((None, ()), _pos(meta)))

    def cite(self, children: list[Token]) -> tuple:
        """`cite [JURISDICTION] [practice] "text"...`: `practice` marks model forms and practice notes."""
        pos = _pos(children[0])
        jurisdiction, kind = None, "law"
        while children[0].type == "NAME":
            token = children.pop(0)
            if token == "practice":
                kind = "practice"
            elif jurisdiction is None:
                jurisdiction = self._jurisdiction(token)
            else:
                raise self._error(f"'{token}' after the jurisdiction: only 'practice' may follow it", token)
        citations = tuple(Citation(text=self._string(t), jurisdiction=jurisdiction, kind=kind) for t in children)
        return ("citations", Located(citations, pos))

    def rationale(self, children: list[Token]) -> tuple:
        return ("rationale", Located(self._strings(children), _pos(children[0])))

    def suggest(self, children: list[Token]) -> tuple:
        tag, *texts = children
        return ("suggest", Located({self._lang(tag, allow_any=False): self._strings(texts)}, _pos(tag)))

    def example(self, children: list[Token]) -> tuple:
        verdict, tag, *texts = children
        good = self._choice(verdict, "example kind", {"good": True, "bad": False})
        example = Example(lang=self._lang(tag, allow_any=False), text=self._strings(texts), good=good)
        return ("examples", Located((example,), _pos(verdict)))

    def _rule(self, kind: str, name: Token, title: str | None, items: list[tuple]) -> RuleDecl:
        fields: dict[str, Located] = {}
        titles = self._titles(items, f"rule '{name}'")
        for item in items:
            if item[0] == "title":
                continue
            if item[0] in ("near", "specific"):
                key, value = item[0], Located((item[2],), item[1])
            else:
                key, value = item
            if key not in fields:
                fields[key] = value
            elif key in _REPEATABLE:
                fields[key] = Located(self._merge(key, fields[key].value, value), fields[key].pos)
            else:
                first = fields[key].pos
                raise self._error(
                    f"'{keyword(key)}' is given twice in rule '{name}' (first on line {first.line})",
                    value.pos,
                )
        if titles:
            fields["titles"] = Located(titles, _pos(name))
        return RuleDecl(kind=kind, id=str(name), title=title, fields=fields, pos=_pos(name))  # type: ignore[arg-type]

    def _merge(self, key: str, old: Any, new: Located) -> Any:
        if key == "suggest":
            (lang,) = new.value
            if lang in old:
                raise self._error(f"two '{lang}' suggestions in one rule", new.pos)
            return {**old, **new.value}
        return old + new.value

    def require_decl(self, children: list) -> RuleDecl:
        name, title, *items = children
        return self._rule("require", name, self._string(title), items)

    def forbid_decl(self, children: list) -> RuleDecl:
        name, title, *items = children
        return self._rule("forbid", name, self._string(title), items)

    def override_decl(self, children: list) -> RuleDecl:
        name, *items = children
        return self._rule("override", name, None, items)

    def disable_decl(self, children: list[Token]) -> DisableDecl:
        name, *reason = children
        text = self._strings(reason)
        if not text.strip():
            raise self._error("say why the rule is disabled", reason[0])
        return DisableDecl(str(name), text, _pos(name))

    # ---- conditions: each returns (Condition, ((topic, Pos), ...)) ----------------

    def mentions(self, children: list[Token]) -> tuple:
        refs = tuple(Located(str(t), _pos(t)) for t in children)
        return (Mentions(topics=tuple(r.value for r in refs)), refs)

    def negate(self, children: list) -> tuple:
        condition, refs = children[0]
        return (Not(item=condition), refs)

    def all_of(self, children: list) -> tuple:
        return (AllOf(items=tuple(c for c, _ in children)), tuple(r for _, refs in children for r in refs))

    def any_of(self, children: list) -> tuple:
        return (AnyOf(items=tuple(c for c, _ in children)), tuple(r for _, refs in children for r in refs))

    # ---- the file -----------------------------------------------------------------

    def start(self, children: list) -> PackFile:
        headers = [c for c in children if isinstance(c, PackHeader)]
        if not headers:
            raise self._error(
                "this file declares no pack",
                Pos(1, 1),
                hint='start the file with: pack my-pack "What the pack checks"',
            )
        if len(headers) > 1:
            raise self._error("a file holds one pack; this is a second 'pack' line", headers[1].pos)
        if children[0] is not headers[0]:
            raise self._error("the 'pack' line must come before any declaration", headers[0].pos)
        decls: tuple[Decl, ...] = tuple(children[1:])
        return PackFile(path=self._path, text=self._text, header=headers[0], decls=decls)
