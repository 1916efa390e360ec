"""Reading `cases/*.yaml` with every value's position, so an error points at the line that is wrong.

`yaml.safe_load` forgets where things were written: a misspelt key three
cases down could only be reported at the file's first line. The file is
composed into YAML nodes instead (which keep their line and column) and
read node by node: an unknown key is named where it stands, with the key
meant (`not_fire` → `not_fires`), a bad language or expectation at its
value, and every expectation keeps its line for later messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from clausecheck.dsl.diagnostics import did_you_mean, syntax_error
from clausecheck.dsl.model import Pack
from clausecheck.errors import PackSyntaxError
from clausecheck.testing.cases import Expectation, PackCase
from clausecheck.types import Lang

CASES_DIR = "cases"

CASE_KEYS = {
    "id": "a name unique in the pack",
    "lang": "en, zh-Hans or zh-Hant",
    "text": "the agreement, one paragraph per line",
    "fires": "what must be found",
    "not_fires": "what must not be found",
    "todo": "why this known gap still fails",
    "note": "a remark for the reader",
}
_REQUIRED = ("id", "lang", "text")
_LANGS: tuple[str, ...] = get_args(Lang)


def cases_dir(pack: Pack) -> Path:
    """The folder of the pack's own cases (beside its pack file)."""
    return Path(pack.path).parent / CASES_DIR


def load_cases(pack: Pack) -> list[PackCase]:
    """Every case in the pack's `cases/*.yaml`, in file order; a malformed file is a positioned `PackError`."""
    cases: list[PackCase] = []
    seen: dict[str, PackCase] = {}
    folder = cases_dir(pack)
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        for case in read_case_file(path):
            first = seen.setdefault(case.id, case)
            if first is not case:
                text = path.read_text(encoding="utf-8-sig")
                raise syntax_error(
                    f"case id '{case.id}' is also used at {first.file}:{first.line}",
                    file=str(path),
                    text=text,
                    line=case.line,
                    column=1,
                )
            cases.append(case)
    return cases


class _File:
    """One case file's text, for positioned errors."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def error(self, node: Node | None, message: str, hint: str | None = None) -> PackSyntaxError:
        mark = node.start_mark if node is not None else None
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return syntax_error(message, file=str(self.path), text=self.text, line=line, column=column, hint=hint)

    def scalar(self, node: Node, what: str) -> str:
        if not isinstance(node, ScalarNode):
            raise self.error(node, f"{what} is a single value, not a list or a mapping")
        return str(node.value)


def read_case_file(path: Path) -> list[PackCase]:
    """The cases of one file, in order; a malformed file is a `PackSyntaxError` at the line at fault."""
    file = _File(path, path.read_text(encoding="utf-8-sig"))
    try:
        root = yaml.compose(file.text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise syntax_error(
            f"invalid YAML: {e.problem}", file=str(path), text=file.text, line=line, column=column
        ) from None
    cases = None
    if isinstance(root, MappingNode):
        for key, value in root.value:
            name = file.scalar(key, "a key")
            if name != "cases":
                raise file.error(key, f"unknown key '{name}' at the top of a case file", "the file holds 'cases:'")
            cases = value
    if not isinstance(cases, SequenceNode):
        raise file.error(cases or root, "a case file holds a list under 'cases:'", "start the file with: cases:")
    return [_case(file, node) for node in cases.value]


def _case(file: _File, node: Node) -> PackCase:
    if not isinstance(node, MappingNode):
        raise file.error(node, "each case is a mapping with id, lang, text, fires and not_fires")
    fields: dict[str, Node] = {}
    keys: dict[str, Node] = {}
    for key_node, value in node.value:
        key = file.scalar(key_node, "a key")
        if key not in CASE_KEYS:
            raise file.error(
                key_node,
                f"unknown key '{key}' in a case",
                did_you_mean(key, CASE_KEYS) or "a case has " + ", ".join(CASE_KEYS),
            )
        if key in fields:
            raise file.error(
                key_node, f"'{key}' is given twice in this case (first on line {keys[key].start_mark.line + 1})"
            )
        fields[key], keys[key] = value, key_node
    case_id = file.scalar(fields["id"], "'id'") if "id" in fields else None
    for key in _REQUIRED:
        if key not in fields:
            named = f"case '{case_id}'" if case_id else "this case"
            raise file.error(node, f"{named} has no '{key}'", f"add {key}: {CASE_KEYS[key]}")
    lang = file.scalar(fields["lang"], "'lang'")
    if lang not in _LANGS:
        raise file.error(
            fields["lang"], f"unknown language '{lang}'", did_you_mean(lang, _LANGS) or f"use {', '.join(_LANGS)}"
        )
    return PackCase(
        id=str(case_id),
        lang=lang,
        text=file.scalar(fields["text"], "'text'"),
        fires=_expectations(file, fields.get("fires")),
        not_fires=_expectations(file, fields.get("not_fires")),
        todo=_optional(file, fields.get("todo"), "'todo'"),
        note=_optional(file, fields.get("note"), "'note'") or "",
        file=str(file.path),
        line=keys["id"].start_mark.line + 1,
    )


def _optional(file: _File, node: Node | None, what: str) -> str | None:
    if node is None or (isinstance(node, ScalarNode) and node.tag.endswith(":null")):
        return None
    return file.scalar(node, what)


def _expectations(file: _File, node: Node | None) -> tuple[Expectation, ...]:
    if node is None or (isinstance(node, ScalarNode) and node.tag.endswith(":null")):
        return ()
    if not isinstance(node, SequenceNode):
        raise file.error(node, "a list of expectations, one per line starting with '- '")
    out = []
    for item in node.value:
        line = item.start_mark.line + 1
        try:
            if isinstance(item, MappingNode) and len(item.value) == 1:
                ((key, value),) = item.value
                out.append(Expectation.parse({file.scalar(key, "a rule"): _optional(file, value, "a status")}, line))
            else:
                out.append(Expectation.parse(file.scalar(item, "an expectation"), line))
        except ValueError as e:
            raise file.error(item, str(e)) from None
    return tuple(out)
