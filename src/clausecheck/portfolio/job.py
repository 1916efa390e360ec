"""Where a job runs: this process, local worker processes, or a Dask cluster, chosen from the command's options.

The pool is a context: a local cluster started for the job, or the client on
a shared scheduler, is closed when the job ends however it ends.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from clausecheck.checker import Checker
from clausecheck.portfolio.pools import InProcess, LocalProcesses, Pool
from clausecheck.portfolio.worker import WorkerSpec


@dataclass(frozen=True)
class Placement:
    """Where and how agreements are checked: a scheduler's address, a local cluster, or `jobs` processes."""

    scheduler: str | None = None
    cluster: str | None = None
    jobs: int = 1
    cache: str | None = None
    storage_options: dict[str, str] = field(default_factory=dict)
    keep_documents: bool = False

    @property
    def on_dask(self) -> bool:
        return bool(self.scheduler or self.cluster)


@contextlib.contextmanager
def pool(checker: Checker, placement: Placement) -> Iterator[Pool]:
    """A pool whose workers judge as `checker` does, open for the block."""
    spec = WorkerSpec.of(
        checker,
        storage_options=placement.storage_options,
        cache_location=placement.cache,
        keep_documents=placement.keep_documents,
    )
    if placement.on_dask:
        from clausecheck.portfolio.dask_pool import DaskPool, connect, parse_cluster

        workers = parse_cluster(placement.cluster) if placement.cluster else None
        with connect(placement.scheduler, workers) as client:
            yield DaskPool(client, spec)
    elif placement.jobs <= 1:
        yield InProcess(spec)
    else:
        yield LocalProcesses(spec, placement.jobs)
