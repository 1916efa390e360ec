"""Resolved packs kept between runs, so a command that finds its pack unchanged never builds the grammar.

Parsing the bundled packs costs a quarter of a second at every start and in
every batch worker (the Lark grammar built, each file parsed, transformed and
resolved), more than checking a short agreement. So a resolved pack is
written with its terms worked out for matching (`clausecheck.dsl.analysis`),
as JSON through its models, to the user's cache folder
(platformdirs; `CLAUSECHECK_CACHE_DIR` overrides it, and an empty value turns
the cache off), one entry per pack file and search path, and read back on
the next load when it still holds.

An entry is only data: never pickle (a cache file that unpickles runs code),
and nothing in it is trusted without checking. It holds for the clausecheck,
Python and OpenCC versions that wrote it (folding a pattern depends on
OpenCC) and the same code of the rule language and folding (a digest of its
source, so a change between releases is never served an old entry), for the
exact bytes of every file of the lineage (SHA-256), and for
the same file behind every `extends` (a pack added earlier in the search path
shadows a parent). An entry that is unreadable, fails validation by the
models, or does not hold any more is ignored and written again; a cache
folder that cannot be written only costs the parse. The folder is the user's
own (created private), as trusted as the packs in their home.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from clausecheck._version import __version__
from clausecheck.dsl import analysis
from clausecheck.dsl.model import Pack
from clausecheck.resources import grammar_path

ENV_VAR = "CLAUSECHECK_CACHE_DIR"
_FORMAT = 1

Locate = Callable[[Path, str, str], Path | None]
"""(folder of the file that names a parent, kind 'name' or 'path', target) -> the parent's pack file, if any"""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LineageFile(_Model):
    """One file of a pack's lineage as it was when the pack was resolved."""

    path: str
    sha256: str
    parents: tuple[tuple[Literal["name", "path"], str, str], ...] = ()
    """each `extends` of the file: (kind, as written, the pack file it named)"""


class _Entry(_Model):
    format: Literal[1]
    stamp: str
    """the versions and the place the pack was resolved for (see `_stamp`)"""
    files: tuple[LineageFile, ...]
    pack: Pack
    analysis: analysis.Analysis
    """its terms worked out for matching (`clausecheck.dsl.analysis`)"""


def folder() -> Path | None:
    """Where entries live: `CLAUSECHECK_CACHE_DIR`, else the user cache folder; None when switched off."""
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return Path(chosen).expanduser() / "packs" if chosen.strip() else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("clausecheck", appauthor=False)) / "packs"


def load(target: Path, dirs: Sequence[str], locate: Locate) -> tuple[Pack, tuple[LineageFile, ...]] | None:
    """The pack resolved from `target` with these search folders, if a stored entry still holds."""
    where = _entry_path(target, dirs)
    if where is None:
        return None
    try:
        entry = _Entry.model_validate_json(where.read_bytes())
    except (OSError, ValidationError, ValueError):
        return None
    if entry.stamp != _stamp(target, dirs) or not entry.files or entry.files[-1].path != str(target):
        return None
    for file in entry.files:
        path = Path(file.path)
        try:
            if _digest(path) != file.sha256:
                return None
        except OSError:
            return None
        for kind, written, found in file.parents:
            if str(locate(path.parent, kind, written)) != found:
                return None
    analysis.remember(entry.analysis)
    return entry.pack, entry.files


def store(target: Path, dirs: Sequence[str], pack: Pack, files: Sequence[LineageFile]) -> None:
    """Keep the resolved pack for the next load; a folder that cannot be written is left alone."""
    where = _entry_path(target, dirs)
    if where is None:
        return
    stamp = _stamp(target, dirs)
    entry = _Entry(format=_FORMAT, stamp=stamp, files=tuple(files), pack=pack, analysis=analysis.analyse(pack))
    try:
        where.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile("wb", dir=where.parent, suffix=".tmp", delete=False) as out:
            out.write(entry.model_dump_json().encode("utf-8"))
        os.replace(out.name, where)
    except OSError:
        return


def _entry_path(target: Path, dirs: Sequence[str]) -> Path | None:
    base = folder()
    if base is None:
        return None
    key = hashlib.sha256(json.dumps([str(target), list(dirs)]).encode("utf-8")).hexdigest()[:32]
    return base / f"{key}.json"


def _stamp(target: Path, dirs: Sequence[str]) -> str:
    """What an entry holds for besides the files' bytes: the code and versions that resolve and fold, and
    the place."""
    import opencc

    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    opencc_version = getattr(opencc, "__version__", "?")
    return json.dumps([_FORMAT, __version__, _code(), python, opencc_version, str(target), list(dirs)])


@functools.cache
def _code() -> str:
    """A digest of the code that turns pack files into an entry (the rule language, the grammar, folding,
    the limits), so a change to it never meets an entry it did not write, released or not."""
    package = Path(__file__).resolve().parent.parent
    files = [*sorted((package / "dsl").glob("*.py")), package / "language" / "normalize.py", package / "limits.py"]
    digest = hashlib.sha256()
    try:
        for file in [*files, grammar_path()]:
            digest.update(file.read_bytes())
    except OSError:
        return "?"
    return digest.hexdigest()[:16]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
