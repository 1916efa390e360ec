"""Where the bundled grammar and rule packs are.

`grammar/` and `rules/` sit at the top of the repository. A wheel carries them
as `clausecheck/_data/{grammar,rules}` (see pyproject's force-include); an
editable install or a plain checkout finds them two levels above this file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The directory `name` ("grammar" or "rules"), installed or in the checkout."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"clausecheck is installed without its {name}/ folder; reinstall the package")


def grammar_path() -> Path:
    """The rule-language grammar file."""
    return data_dir("grammar") / "clausecheck.lark"


def bundled_packs_dir() -> Path:
    """The folder holding one sub-folder per bundled pack."""
    return data_dir("rules")
