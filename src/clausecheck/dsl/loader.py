"""Finding, reading and caching packs: `load_pack(name_or_path)`.

A pack is a folder holding `pack.ccr` (and its `cases/`). A name is looked up
in the search path: the `search_path` argument, then `CLAUSECHECK_PACK_PATH`
(folders separated by `os.pathsep`), then the packs bundled with clausecheck.
A name inside `extends` is looked up first beside the pack that names it, so
a folder of user packs can extend one another. A path is a pack folder or a
pack file.

The checker loads a pack for every document, so resolved packs are cached
per process, keyed by the pack file and the search path and checked against
the modification time and size of every file in the lineage: editing a
parent pack is picked up on the next load. Between processes they are kept
in the user's cache folder (`clausecheck.dsl.cache`), so a pack that has not
changed is read back without the grammar being built (the parser is
imported only to parse).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from clausecheck.dsl import cache
from clausecheck.dsl.diagnostics import did_you_mean
from clausecheck.dsl.model import Pack
from clausecheck.errors import PackNotFound
from clausecheck.resources import bundled_packs_dir

if TYPE_CHECKING:
    from clausecheck.dsl.syntax import Located, PackFile

PACK_FILE = "pack.ccr"
ENV_VAR = "CLAUSECHECK_PACK_PATH"

StrPath = str | os.PathLike[str]


@dataclass(frozen=True)
class _Stamp:
    mtime_ns: int
    size: int


@dataclass(frozen=True)
class _CachedPack:
    stamps: tuple[tuple[str, _Stamp], ...]
    pack: Pack


_lock = threading.Lock()
_files: dict[str, tuple[_Stamp, PackFile, str]] = {}
"""path -> its stamp, the file parsed, and the SHA-256 of the bytes parsed (what the cache checks)"""
_packs: dict[tuple[str, tuple[str, ...]], _CachedPack] = {}


def search_dirs(search_path: Sequence[StrPath] = ()) -> list[Path]:
    """Folders searched for packs by name, first match wins: argument, environment, bundled."""
    env = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    dirs = [Path(p).expanduser() for p in (*search_path, *env)]
    return [*dirs, bundled_packs_dir()]


def available_packs(search_path: Sequence[StrPath] = ()) -> dict[str, Path]:
    """Every pack found by name in the search path: name -> pack file (earlier folders shadow later)."""
    found: dict[str, Path] = {}
    for folder in search_dirs(search_path):
        if not folder.is_dir():
            continue
        for child in sorted(folder.iterdir()):
            if (child / PACK_FILE).is_file():
                found.setdefault(child.name, child / PACK_FILE)
    return found


def find_pack(name_or_path: StrPath, *, search_path: Sequence[StrPath] = ()) -> Path:
    """The pack file a name or path designates."""
    if _looks_like_path(name_or_path):
        path = Path(name_or_path).expanduser()
        if path.is_dir():
            path = path / PACK_FILE
        if not path.is_file():
            raise PackNotFound(
                f"no pack file at {path}", hint=f"a pack is a folder holding {PACK_FILE}, or a .ccr file"
            )
        return path.resolve()
    name = str(name_or_path)
    for folder in search_dirs(search_path):
        candidate = folder / name / PACK_FILE
        if candidate.is_file():
            return candidate.resolve()
    known = available_packs(search_path)
    hint = did_you_mean(name, known) or (f"known packs: {', '.join(sorted(known))}" if known else None)
    raise PackNotFound(f"no pack named '{name}'", hint=hint)


def load_pack(name_or_path: StrPath, *, search_path: Sequence[StrPath] = ()) -> Pack:
    """The resolved pack: a bundled or search-path pack by name, or a user pack by path.

    Raises a `PackError` subclass (`PackNotFound`, `PackSyntaxError`,
    `PackResolutionError`) naming the file, line and column at fault.
    """
    path = find_pack(name_or_path, search_path=search_path)
    dirs = tuple(str(d) for d in search_dirs(search_path))
    key = (str(path), dirs)
    with _lock:
        cached = _packs.get(key)
    if cached is not None and all(_stamp(Path(p)) == s for p, s in cached.stamps):
        return cached.pack
    stored = cache.load(path, dirs, lambda here, kind, target: _located(here, kind, target, search_path))
    if stored is not None:
        pack, lineage = stored
    else:
        pack, lineage = _resolve(path, search_path)
        cache.store(path, dirs, pack, lineage)
    stamps = tuple((f.path, _stamp(Path(f.path))) for f in lineage)
    with _lock:
        _packs[key] = _CachedPack(stamps, pack)
    return pack


def _resolve(path: Path, search_path: Sequence[StrPath]) -> tuple[Pack, tuple[cache.LineageFile, ...]]:
    """The pack parsed and resolved from its files, and the files as they were read."""
    from clausecheck.dsl.resolver import linearize, resolve

    files, parents = linearize(read_file(path), _Fetcher(search_path))
    lineage = []
    for f in files:
        here = Path(f.path).parent
        refs = tuple((kind, target, str(_locate(here, kind, target, search_path))) for kind, target in _extends(f))
        with _lock:
            digest = _files[f.path][2]
        lineage.append(cache.LineageFile(path=f.path, sha256=digest, parents=refs))
    return resolve(files, parents), tuple(lineage)


def _extends(file: PackFile) -> list[tuple[Literal["name", "path"], str]]:
    return [ref.value for ref in file.header.extends]


def read_file(path: Path) -> PackFile:
    """One pack file parsed (cached while the file is unchanged)."""
    stamp = _stamp(path)
    with _lock:
        hit = _files.get(str(path))
    if hit is not None and hit[0] == stamp:
        return hit[1]
    from clausecheck.dsl.diagnostics import syntax_error
    from clausecheck.dsl.transformer import read_pack_file

    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        before = raw[: e.start].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise syntax_error(
            "the file is not UTF-8 text",
            file=str(path),
            text=before,
            line=line,
            column=column,
            hint="save the pack as UTF-8 (in Notepad or WPS: Save as, encoding UTF-8)",
        ) from None
    parsed = read_pack_file(text, str(path))
    with _lock:
        _files[str(path)] = (stamp, parsed, hashlib.sha256(raw).hexdigest())
    return parsed


class _Fetcher:
    """Finds the file an `extends` entry names, relative to the file that names it."""

    def __init__(self, search_path: Sequence[StrPath]) -> None:
        self._search_path = search_path

    def __call__(self, current: PackFile, ref: Located) -> PackFile:
        from clausecheck.dsl.resolver import error_at

        kind, target = ref.value
        here = Path(current.path).parent
        try:
            found = _locate(here, kind, target, self._search_path)
        except PackNotFound as e:
            raise error_at(current, ref.pos, f"'extends' names no known pack '{target}'", e.hint) from None
        if found is None:
            path = (here / target).expanduser()
            raise error_at(current, ref.pos, f"no pack file at {path / PACK_FILE if path.is_dir() else path}")
        if kind == "path":
            return read_file(found)
        parent = read_file(found)
        if parent.header.id != target:
            raise error_at(
                current,
                ref.pos,
                f"the pack in {found} is named '{parent.header.id}', not '{target}'",
                "a pack's folder and its 'pack' line must use the same name",
            )
        return parent


def _locate(here: Path, kind: str, target: str, search_path: Sequence[StrPath]) -> Path | None:
    """The pack file an `extends` in a file of folder `here` names: a path from there (None when no file is
    there), or a name looked up beside that pack, then in the search path (`PackNotFound` when none has it)."""
    if kind == "path":
        path = (here / target).expanduser()
        path = path / PACK_FILE if path.is_dir() else path
        return path.resolve() if path.is_file() else None
    sibling = here.parent / target / PACK_FILE
    if sibling.is_file():
        return sibling.resolve()
    return find_pack(target, search_path=search_path)


def _located(here: Path, kind: str, target: str, search_path: Sequence[StrPath]) -> Path | None:
    """`_locate`, None for a name no pack has: for checking that a stored lineage still holds."""
    try:
        return _locate(here, kind, target, search_path)
    except PackNotFound:
        return None


def _looks_like_path(value: StrPath) -> bool:
    if isinstance(value, os.PathLike):
        return True
    return "/" in value or os.sep in value or value.endswith(".ccr") or value in (".", "..")


def _stamp(path: Path) -> _Stamp:
    try:
        st = path.stat()
    except OSError:
        return _Stamp(-1, -1)
    return _Stamp(st.st_mtime_ns, st.st_size)
