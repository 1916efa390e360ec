"""A portfolio job on Dask distributed: a scheduler's address, or a local cluster started for the job.

Dask runs the same code on a laptop (`--cluster local:N`) and on Kubernetes,
YARN or HPC (`--scheduler tcp://host:8786`). Each worker gets the job's
`WorkerSpec` once, through a worker plugin, so the packs travel as data and are
compiled once per worker, workers that join mid-job included; a task carries
only the agreement's name and location, and the worker reads the bytes from
storage itself.

A task whose worker dies is run again by the scheduler; one that kills workers
more than `distributed.scheduler.allowed-failures` times fails with
`KilledWorker`. A chunk of agreements that fails so is split, and each of its
agreements runs alone: the others complete, and the file at fault, killing
workers again, becomes its own error. The local cluster allows one failure, so
a file that kills two workers running it alone is reported by name and the job
goes on; give a shared cluster the same settings (`SCHEDULER_CONFIG`,
`docs/scale.md`). Reading from
storage is retried `RETRIES` times on an `OSError` (throttling, a dropped
connection).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from clausecheck.errors import UsageError
from clausecheck.portfolio.extras import need
from clausecheck.portfolio.pools import WINDOW
from clausecheck.portfolio.sources import Agreement
from clausecheck.portfolio.worker import Payload, WorkerSpec, check_many, check_one, install

RETRIES = 2
"""extra attempts of a task that raised (a storage error); a dead worker is the scheduler's allowed-failures"""
CHUNK = 16
"""agreements per task at most: a task of about a third of a second, so scheduling costs little"""
ALLOWED_FAILURES = 1
"""deaths of a worker running a task before the local cluster gives the task up: a second death is an error"""
SCHEDULER_CONFIG = {
    "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
    "distributed.scheduler.worker-saturation": 1.0,
}
"""the local cluster's scheduler settings; a worker is sent one task at a time, so when it dies only the
task it was running counts the death, not the ones queued behind it (give a shared scheduler the same)"""

need("distributed", "dask", "checking on a Dask cluster")  # before the import below: name the extra if it is missing
import distributed as _distributed  # noqa: E402


class CheckerPlugin(_distributed.WorkerPlugin):
    """Builds the checker in each worker when it starts (or joins), from the job's spec."""

    name = "clausecheck"

    def __init__(self, spec: WorkerSpec) -> None:
        self.spec = spec

    def setup(self, worker: Any) -> None:
        install(self.spec)


def parse_cluster(value: str) -> int:
    """`local` or `local:N`: the number of local worker processes (`local`: one per CPU)."""
    import os

    kind, _, count = value.partition(":")
    if kind != "local" or (count and not count.isdigit()) or count == "0":
        raise UsageError(f"--cluster {value}: not understood", hint="use local (one worker per CPU) or local:N")
    return int(count) if count else os.cpu_count() or 1


@contextlib.contextmanager
def connect(scheduler: str | None = None, local_workers: int | None = None) -> Iterator[Any]:
    """A Dask client on the scheduler at `scheduler`, or on a local cluster of `local_workers` processes.

    A local cluster runs one single-threaded worker process per slot (the
    engine holds the GIL) and is stopped when the block ends.
    """
    dask = need("dask", "dask", "checking on a Dask cluster")
    for name in ("distributed", "distributed.worker", "distributed.nanny", "distributed.scheduler"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if scheduler:
        try:
            client = _distributed.Client(scheduler, timeout="15s")
        except (OSError, TimeoutError) as e:
            raise UsageError(
                f"cannot reach the Dask scheduler at {scheduler}: {e}", hint="check the address and that it runs"
            ) from None
        with client:
            yield client
        return
    with dask.config.set(SCHEDULER_CONFIG):
        cluster = _distributed.LocalCluster(
            n_workers=local_workers or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
    with cluster, _distributed.Client(cluster) as client:
        yield client


class DaskPool:
    """Runs agreements as Dask tasks on the workers of `client`, each set up by `CheckerPlugin`.

    Agreements go in chunks of up to `CHUNK` per task, so a scheduler that handles
    a few thousand tasks a second keeps hundreds of cores busy. A chunk that
    fails (its workers died) is split: each of its agreements runs again as a
    task of its own, so only the file at fault ends as an error. A storage error
    is retried in a task of its own too.
    """

    def __init__(self, client: Any, spec: WorkerSpec, chunk: int | None = None) -> None:
        self.client = client
        client.register_plugin(CheckerPlugin(spec), name=CheckerPlugin.name)
        self.token = uuid.uuid4().hex[:12]
        self.chunk = chunk

    def key(self, index: int) -> str:
        """The key of the task checking agreement `index` alone."""
        return f"clausecheck-{self.token}-{index}"

    def chunk_key(self, start: int) -> str:
        """The key of the task checking the chunk that starts at agreement `start`."""
        return f"clausecheck-{self.token}-{start}-chunk"

    def chunk_size(self, total: int) -> int:
        """`chunk`, else up to `CHUNK` agreements a task, small enough to give every worker several tasks."""
        if self.chunk:
            return self.chunk
        workers = max(len(self.client.scheduler_info().get("workers", {})), 1)
        return max(1, min(CHUNK, total // (workers * 4)))

    def imap(self, agreements: Sequence[Agreement]) -> Iterator[tuple[int, Payload | BaseException]]:
        size = self.chunk_size(len(agreements))
        starts = iter(range(0, len(agreements), size))
        spans: dict[str, tuple[int, int]] = {}

        def alone(index: int) -> Any:
            spans[self.key(index)] = (index, 0)
            return self.client.submit(check_one, agreements[index], key=self.key(index), pure=False, retries=RETRIES)

        def chunk(start: int) -> Any:
            part = list(agreements[start : start + size])
            if len(part) == 1:
                return alone(start)
            spans[self.chunk_key(start)] = (start, len(part))
            return self.client.submit(check_many, part, key=self.chunk_key(start), pure=False)

        running = _distributed.as_completed([chunk(i) for i in itertools.islice(starts, max(WINDOW // size, 1))])
        for future in running:
            start, count = spans.pop(future.key)
            if not count:
                yield start, (future.exception() if future.status == "error" else future.result())
            elif future.status == "error":
                for index in range(start, start + count):
                    running.add(alone(index))
            else:
                for index, outcome in enumerate(future.result(), start):
                    if isinstance(outcome, OSError):
                        running.add(alone(index))
                    else:
                        yield index, outcome
            future.release()
            following = next(starts, None)
            if following is not None:
                running.add(chunk(following))
