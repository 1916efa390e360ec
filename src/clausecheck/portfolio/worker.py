"""What a worker process holds for a portfolio job, and what it does for one agreement.

A worker (a local process or a Dask worker on another machine) receives a
`WorkerSpec` once: the resolved packs as data (so it needs neither the pack
files nor a parse), the other settings, the cache and the storage options.
`install` builds the checker from it and compiles the packs into this
process's engine (`docs/dev/dependencies.md` §A.6: one engine per process,
built from data, never inherited by a fork). Each task then only names an
agreement: `check_one` reads it from storage, hashes it, returns the cached
result when the cache has one, and otherwise checks it with the same
`Checker.check_isolated` as a local batch.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field

from clausecheck.checker import Checker
from clausecheck.document.package import ReadLimits
from clausecheck.dsl.model import Pack
from clausecheck.errors import DocumentError
from clausecheck.findings import DocumentResult
from clausecheck.portfolio.cache import ResultCache, settings_hash, sha256
from clausecheck.portfolio.records import PortfolioResult, portfolio_result
from clausecheck.portfolio.sources import Agreement, read
from clausecheck.suppress import Baseline
from clausecheck.types import Lang


@dataclass(frozen=True)
class WorkerSpec:
    """Everything a worker needs to judge agreements as the starting process would: plain, picklable data."""

    packs: tuple[Pack, ...]
    locale: Lang | None = None
    baseline: Baseline | None = None
    all_jurisdictions: bool = False
    storage_options: dict[str, str] = field(default_factory=dict)
    cache_location: str | None = None
    keep_documents: bool = False
    limits: ReadLimits = field(default_factory=ReadLimits)

    @classmethod
    def of(cls, checker: Checker, **options: object) -> WorkerSpec:
        """The spec of `checker` (its packs with rules already disabled), plus the job's `options`."""
        return cls(
            packs=tuple(checker.packs),
            locale=checker.locale,
            baseline=checker.baseline,
            all_jurisdictions=checker.all_jurisdictions,
            **options,  # type: ignore[arg-type]
        )

    @property
    def settings_hash(self) -> str:
        return settings_hash(
            self.packs, locale=self.locale, baseline=self.baseline, all_jurisdictions=self.all_jurisdictions
        )


Payload = tuple[str, str | None, list[str], bool]
"""what a task returns: the `PortfolioResult` as JSON, the `Document` as JSON (kept only for the HTML
report), warnings, and whether the result came from the cache"""


@dataclass
class _Installed:
    spec: WorkerSpec
    checker: Checker
    cache: ResultCache | None


_installed: _Installed | None = None


def install(spec: WorkerSpec) -> None:
    """Build this process's checker from `spec` and compile its packs now, once, before the first task."""
    global _installed
    from clausecheck.engine import compiled

    checker = Checker(
        list(spec.packs), locale=spec.locale, baseline=spec.baseline, all_jurisdictions=spec.all_jurisdictions
    )
    for pack in checker.packs:
        compiled(pack)
    cache = ResultCache(spec.cache_location, spec.settings_hash, spec.storage_options) if spec.cache_location else None
    _installed = _Installed(spec, checker, cache)


class _Named(io.BytesIO):
    """An agreement's bytes under the name the checker reports it by."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(data)
        self.name = name


def check_one(agreement: Agreement) -> Payload:
    """Read, hash and judge one agreement in this worker (the cache first); every input failure is a result.

    A local file is checked under its absolute path, as a local batch does
    (the baseline's paths are relative to the baseline), then reported under
    the name the user gave.
    """
    if _installed is None:
        raise RuntimeError("clausecheck.portfolio.worker.install() was not run in this process")
    spec, checker, cache = _installed.spec, _installed.checker, _installed.cache
    try:
        data = read(agreement, spec.storage_options, spec.limits)
    except DocumentError as e:
        error = DocumentResult(path=agreement.name, error=str(e), error_type=type(e).__name__)
        return PortfolioResult(**error.model_dump()).model_dump_json(), None, [], False
    digest = sha256(data)
    entry = cache.get(digest) if cache and not spec.keep_documents else None
    if entry is not None:  # as stored, renamed; the starting process validates what it receives
        checked_as = str(entry["name"])
        stored = dict(entry["result"], path=agreement.name)
        if stored.get("error"):
            stored["error"] = str(stored["error"]).replace(checked_as, agreement.name)
        warnings = [str(w).replace(checked_as, agreement.name) for w in entry["warnings"]]
        return json.dumps(stored, ensure_ascii=False), None, warnings, True
    checked_as = agreement.name if agreement.remote else agreement.location
    outcome = checker.check_isolated(_Named(data, checked_as))
    result = _renamed(portfolio_result(outcome.result, outcome.document, digest), checked_as, agreement.name)
    warnings = [w.replace(checked_as, agreement.name) for w in outcome.warnings]
    if cache is not None and result.error_type != "InternalError":
        try:
            cache.put(digest, {"name": agreement.name, "result": result.model_dump(mode="json"), "warnings": warnings})
        except OSError as e:
            warnings.append(f"{agreement.name}: the result could not be cached ({e})")
    document = outcome.document if spec.keep_documents else None
    document_json = document.model_copy(update={"source": agreement.name}).model_dump_json() if document else None
    return result.model_dump_json(), document_json, warnings, False


def check_many(agreements: list[Agreement]) -> list[Payload | OSError]:
    """`check_one` for each of a chunk of agreements; a storage error is returned in its place, to retry alone."""
    out: list[Payload | OSError] = []
    for agreement in agreements:
        try:
            out.append(check_one(agreement))
        except OSError as e:
            out.append(e)
    return out


def _renamed(result: PortfolioResult, old: str, new: str) -> PortfolioResult:
    """`result` reported under the name `new`, its error message too."""
    if old == new:
        return result
    error = result.error.replace(old, new) if result.error else None
    return result.model_copy(update={"path": new, "error": error})
