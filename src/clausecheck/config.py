"""Project settings: `[tool.clausecheck]` in `pyproject.toml`, or a `clausecheck.toml`.

A team that keeps its agreements in a repository writes its packs, its
threshold and the rules it does not want once, beside them, instead of in
every CI job. The file is found by walking up from the working folder; the
nearest wins, and in one folder `clausecheck.toml` wins over `pyproject.toml`
(which counts only when it has a `[tool.clausecheck]` table). A
`clausecheck.toml` holds the same keys at its top level, without the table
header. Keys carry the names of the command-line flags, and a flag given on
the command line wins:

    [tool.clausecheck]
    pack = ["it-onsite"]           # names, or paths relative to this file
    pack-path = ["packs"]          # folders of your own packs, relative to this file
    select = ["ppe", "CC201"]      # check only these rules or topics
    ignore = ["CC108"]             # the same as disable
    fail-on = "medium"
    locale = "zh-Hans"
    disable = ["site_rules.followed", "CC108"]
    baseline = "clausecheck-baseline.json"
    timeout = 20                   # seconds one agreement may take (0: no limit)
    max-memory = "1.5G"            # memory one agreement may take (0: no limit)
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, get_args

from clausecheck._lazy_re import lazy_compile
from clausecheck.dsl.diagnostics import did_you_mean
from clausecheck.dsl.model import DisabledRule, Origin, Pack
from clausecheck.dsl.registry import RuleRegistry
from clausecheck.errors import UsageError
from clausecheck.limits import Limits
from clausecheck.types import Lang, Severity

CONFIG_FILE = "clausecheck.toml"
PYPROJECT = "pyproject.toml"
_KEYS = (
    "pack",
    "pack-path",
    "fail-on",
    "locale",
    "disable",
    "ignore",
    "select",
    "baseline",
    "timeout",
    "max-memory",
)
_SIZE = lazy_compile(r"(\d+(?:\.\d+)?)\s*([KMGT]?)B?", re.IGNORECASE)
_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


@dataclass(frozen=True)
class Config:
    """The settings found, with paths already made relative to the working folder or absolute."""

    path: Path | None = None
    pack: tuple[str, ...] = ()
    fail_on: Severity | None = None
    locale: Lang | None = None
    disable: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    pack_path: tuple[str, ...] = ()
    baseline: str | None = None
    timeout: str | None = None
    max_memory: str | None = None


def find_config(start: Path | None = None) -> Path | None:
    """The nearest `clausecheck.toml`, or `pyproject.toml` with a `[tool.clausecheck]` table, from `start` up."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and "clausecheck" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None = None, *, start: Path | None = None) -> Config:
    """The settings in `path`, or in the file `find_config` finds; empty settings when there is none."""
    path = path or find_config(start)
    if path is None:
        return Config()
    data = _read(path)
    table = data.get("tool", {}).get("clausecheck", {}) if path.name == PYPROJECT else data
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.clausecheck] must be a table")
    for key in table:
        if key not in _KEYS:
            raise UsageError(
                f"{path}: unknown setting '{key}'", hint=did_you_mean(key, _KEYS) or f"known: {', '.join(_KEYS)}"
            )
    folder = path.parent
    packs = table.get("pack", [])
    packs = [packs] if isinstance(packs, str) else packs
    baseline = table.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise UsageError(f"{path}: 'baseline' must be a path (a string)")
    return Config(
        path=path,
        pack=tuple(_pack(folder, p) for p in _strings(path, "pack", packs)),
        fail_on=_choice(path, "fail-on", table.get("fail-on"), get_args(Severity)),
        locale=_choice(path, "locale", table.get("locale"), get_args(Lang)),
        disable=tuple(_strings(path, "disable", table.get("disable", []))),
        ignore=tuple(_strings(path, "ignore", table.get("ignore", []))),
        select=tuple(_strings(path, "select", table.get("select", []))),
        pack_path=tuple(str(folder / d) for d in _strings(path, "pack-path", table.get("pack-path", []))),
        baseline=str(folder / baseline) if baseline else None,
        timeout=_scalar(path, "timeout", table.get("timeout")),
        max_memory=_scalar(path, "max-memory", table.get("max-memory")),
    )


def _scalar(path: Path, key: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise UsageError(f"{path}: '{key}' must be a number or a string")
    return str(value)


def parse_limits(timeout: str | None, memory: str | None, source: str) -> Limits:
    """The budget of one agreement from `--timeout`/`--max-memory` or the settings; unset values keep the defaults.

    `0` switches a budget off. A bad value is a usage error naming `source`.
    """
    limits = Limits()
    if timeout is not None:
        try:
            seconds = float(timeout)
        except ValueError:
            seconds = -1.0
        if not seconds >= 0 or seconds == float("inf"):
            raise UsageError(f"{source}: timeout must be a number of seconds (0: none), not {timeout!r}")
        limits = replace(limits, seconds=seconds or None)
    if memory is not None:
        m = _SIZE.fullmatch(memory.strip())
        if m is None:
            raise UsageError(f"{source}: max-memory must be a size such as 1.5G or 800M (0: none), not {memory!r}")
        size = int(float(m.group(1)) * _UNITS[m.group(2).upper()])
        limits = replace(limits, memory_bytes=size or None)
    return limits


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"{path}: not valid TOML ({e})") from None
    except OSError as e:
        raise UsageError(f"{path}: cannot be read ({e.strerror or e})") from None


def _strings(path: Path, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{path}: '{key}' must be a list of strings")
    return value


def _choice(path: Path, key: str, value: Any, allowed: tuple[str, ...]) -> Any:
    if value is None or value in allowed:
        return value
    raise UsageError(f"{path}: '{key}' must be one of {', '.join(allowed)}, not {value!r}")


def _pack(folder: Path, value: str) -> str:
    """A pack path relative to the settings file, or a pack name as written."""
    candidate = folder / value
    return os.path.relpath(candidate) if candidate.exists() else value


def disable_rules(
    packs: list[Pack], names: tuple[str, ...], source: str, *, select: tuple[str, ...] = ()
) -> list[Pack]:
    """The packs without the rules named (by id, code, old name, or topic for all its rules), and, when
    `select` names any, without every rule it does not name. A name no pack has is a usage error.

    The packs must be usable together (`RuleRegistry`): otherwise a name could disable two rules at once.
    """
    if not names and not select:
        return packs
    registry = RuleRegistry(packs)
    topics = {rule.topic for pack in packs for rule in pack.rules}

    def rule_ids(name: str) -> set[str]:
        rule = registry.find(name)
        if rule is not None:
            return {rule.id}
        if name in topics:
            return {r.id for pack in packs for r in pack.rules if r.topic == name}
        raise UsageError(
            f"{source}: no rule or topic '{name}' in {', '.join(p.id for p in packs)}",
            hint=did_you_mean(name, [*registry.names(), *topics]) or "see: clausecheck packs show NAME",
        )

    dropped = {i for name in names for i in rule_ids(name)}
    kept = {i for name in select for i in rule_ids(name)}
    out = []
    for pack in packs:
        gone = [r for r in pack.rules if r.id in dropped or (select and r.id not in kept)]
        if not gone:
            out.append(pack)
            continue
        origin = Origin(pack=pack.id, file=source, line=0, column=0)
        disabled = tuple(DisabledRule(id=r.id, reason=f"disabled by {source}", origin=origin) for r in gone)
        rules = tuple(r for r in pack.rules if r not in gone)
        out.append(pack.model_copy(update={"rules": rules, "disabled": (*pack.disabled, *disabled)}))
    return out
