"""Running a portfolio job: agreements handed to workers, results streamed back as each completes.

A pool runs `worker.check_one` on each agreement in processes that ran
`worker.install` once: this process (`InProcess`), local worker processes
(`LocalProcesses`, like `batch.run`) or a Dask cluster (`dask_pool.DaskPool`).
Only a bounded window of tasks is in flight at once, so a job of 500,000
agreements holds a few thousand futures, not half a million, and results
are handed on as they arrive, in completion order, to be written out at once.

A task that fails outside the checker (a worker process that died, storage
that stayed unreachable after the pool's retries) becomes that agreement's
error result, named; the job goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Protocol

from clausecheck.document.model import Document
from clausecheck.pool import context as pool_context
from clausecheck.portfolio.records import PortfolioResult
from clausecheck.portfolio.sources import Agreement
from clausecheck.portfolio.worker import Payload, WorkerSpec, check_one, install

WINDOW = 2000
"""tasks in flight at once: enough to keep a large cluster busy, few enough to hold in memory"""


@dataclass
class Done:
    """One agreement finished: its place in the job, its result, warnings, and whether the cache had it."""

    index: int
    result: PortfolioResult
    document: Document | None
    warnings: list[str]
    cached: bool


class Pool(Protocol):
    """Runs `check_one` over agreements in workers set up with one spec; yields (index, payload or failure)."""

    def imap(self, agreements: Sequence[Agreement]) -> Iterator[tuple[int, Payload | BaseException]]: ...


def run(agreements: Sequence[Agreement], pool: Pool, on_done: Callable[[Done], None] | None = None) -> Iterator[Done]:
    """Each agreement's result as it completes, in completion order; `on_done` is called with each first."""
    for index, outcome in pool.imap(agreements):
        if isinstance(outcome, BaseException):
            done = Done(index, failed(agreements[index], outcome), None, [], False)
        else:
            result_json, document_json, warnings, cached = outcome
            document = Document.model_validate_json(document_json) if document_json else None
            done = Done(index, PortfolioResult.model_validate_json(result_json), document, warnings, cached)
        if on_done:
            on_done(done)
        yield done


def failed(agreement: Agreement, error: BaseException) -> PortfolioResult:
    """The result of an agreement whose task failed outside the checker, saying why and what to do."""
    if type(error).__name__ == "KilledWorker":
        return PortfolioResult(
            path=agreement.name,
            error=f"{agreement.name}: worker processes died while checking it, again after a retry; "
            f"the file may crash the reader",
            error_type="WorkerError",
        )
    if isinstance(error, OSError):
        return PortfolioResult(
            path=agreement.name,
            error=f"{agreement.name}: cannot be read from storage ({type(error).__name__}: {error})",
            error_type="StorageError",
        )
    return PortfolioResult(
        path=agreement.name,
        error=f"{agreement.name}: the worker process failed: {error!r}",
        error_type="WorkerError",
    )


class InProcess:
    """Checks in this process: one job slot, no worker to start."""

    def __init__(self, spec: WorkerSpec) -> None:
        install(spec)

    def imap(self, agreements: Sequence[Agreement]) -> Iterator[tuple[int, Payload | BaseException]]:
        for index, agreement in enumerate(agreements):
            try:
                yield index, check_one(agreement)
            except OSError as e:
                yield index, e


class LocalProcesses:
    """`jobs` local worker processes, started as `batch.run` starts them (a fork server, never a fork)."""

    def __init__(self, spec: WorkerSpec, jobs: int) -> None:
        self.spec = spec
        self.jobs = jobs

    def imap(self, agreements: Sequence[Agreement]) -> Iterator[tuple[int, Payload | BaseException]]:
        with ProcessPoolExecutor(
            min(self.jobs, max(len(agreements), 1)),
            mp_context=pool_context(),
            initializer=install,
            initargs=(self.spec,),
        ) as pool:
            pending: dict[Future[Payload], int] = {}
            queue = iter(enumerate(agreements))
            for index, agreement in queue:
                pending[pool.submit(check_one, agreement)] = index
                if len(pending) >= WINDOW:
                    break
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = pending.pop(future)
                    error = future.exception()
                    yield index, error if error is not None else future.result()
                    following = next(queue, None)
                    if following is not None:
                        pending[pool.submit(check_one, following[1])] = following[0]
