"""Results kept by what decides them: the agreement's bytes, the settings' hash and clausecheck's version.

A portfolio job is re-run after a crash, after 1,000 new files arrive, after
a pack changes. An entry is found again only when all three are the same:
the SHA-256 of the agreement's bytes (its name does not matter: a file moved
or copied is not checked again), the hash of everything else that decides a
verdict (`settings_hash`: the packs as data, the report's language, the
baseline, the jurisdictions cited) and the version. Any other change misses,
so a stale result is never served.

The cache is a folder or an fsspec URL that every worker can reach; each entry
is one small JSON file under `<version>/<settings hash>/<sha[:2]>/<sha>.json`,
written whole (a temporary file moved into place, or one object put), so
workers on many machines can share it without locks.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from typing import Any

from clausecheck._version import __version__
from clausecheck.dsl.model import Pack
from clausecheck.portfolio.extras import filesystem
from clausecheck.portfolio.sources import is_url
from clausecheck.suppress import Baseline


def settings_hash(
    packs: Sequence[Pack], *, locale: str | None, baseline: Baseline | None, all_jurisdictions: bool
) -> str:
    """The hash of what decides a verdict besides the agreement; the packs' file paths left out (any checkout)."""
    data = {
        "packs": [_without_paths(p.model_dump(mode="json")) for p in packs],
        "locale": locale,
        "baseline": sorted(map(list, baseline.keys), key=str) if baseline else None,
        "all_jurisdictions": all_jurisdictions,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def _without_paths(value: Any) -> Any:
    """Pack data with file paths cut to their last two parts (`safety-core/pack.ccr`)."""
    if isinstance(value, dict):
        return {
            k: "/".join(str(v).replace("\\", "/").split("/")[-2:]) if k in ("path", "file") else _without_paths(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_without_paths(v) for v in value]
    return value


class ResultCache:
    """Entries under a folder or URL, for one version and settings hash."""

    def __init__(self, location: str, settings: str, storage_options: dict[str, str] | None = None) -> None:
        self.location = location.rstrip("/")
        self.prefix = f"{__version__}/{settings}"
        self._options = dict(storage_options or {})
        self._fs: Any = None

    def key(self, sha256: str) -> str:
        """The entry's path below the cache's location."""
        return f"{self.prefix}/{sha256[:2]}/{sha256}.json"

    def get(self, sha256: str) -> dict[str, Any] | None:
        """The entry stored for these bytes, or None (a damaged entry counts as none: it is checked again)."""
        try:
            if is_url(self.location):
                text = self._remote().cat_file(f"{self.location}/{self.key(sha256)}").decode("utf-8")
            else:
                with open(os.path.join(self.location, self.key(sha256)), encoding="utf-8") as f:
                    text = f.read()
            entry = json.loads(text)
        except (OSError, ValueError):
            return None
        return entry if isinstance(entry, dict) else None

    def put(self, sha256: str, entry: dict[str, Any]) -> None:
        """Store an entry whole: never a half-written file another worker could read."""
        data = json.dumps(entry, ensure_ascii=False).encode("utf-8")
        if is_url(self.location):
            self._remote().pipe_file(f"{self.location}/{self.key(sha256)}", data)
            return
        target = os.path.join(self.location, self.key(sha256))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=os.path.dirname(target), suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(temp, target)
        except BaseException:
            os.unlink(temp)
            raise

    def _remote(self) -> Any:
        if self._fs is None:
            self._fs = filesystem(self.location.split("://", 1)[0], self._options)
        return self._fs


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
