"""A portfolio job on Dask distributed: a scheduler's address, or a local cluster started for the job.

Dask runs the same code on a laptop (`--cluster local:N`) and on Kubernetes,
YARN or HPC (`--scheduler tcp://host:8786`). Each worker gets the job's
`WorkerSpec` once, through a worker plugin, so the packs travel as data and are
compiled once per worker, workers that join mid-job included; a task carries
only the agreement's name and location, and the worker reads the bytes from
storage itself.

A task whose worker dies is run again by the scheduler; one that kills workers
more than `distributed.scheduler.allowed-failures` times fails with
`KilledWorker` and becomes its agreement's error. The local cluster allows one
failure, so a file that kills two workers is reported by name and the job goes
on; give a shared cluster the same settings (`SCHEDULER_CONFIG`, `docs/scale.md`). Reading from
storage is retried `RETRIES` times on an `OSError` (throttling, a dropped
connection).
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from clausecheck.errors import UsageError
from clausecheck.portfolio.extras import need
from clausecheck.portfolio.pools import WINDOW
from clausecheck.portfolio.sources import Agreement
from clausecheck.portfolio.worker import Payload, WorkerSpec, check_one, install

RETRIES = 2
"""extra attempts of a task that raised (a storage error); a dead worker is the scheduler's allowed-failures"""
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
            client = _distributed.Client(scheduler, timeout="30s")
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
    """Runs agreements as Dask tasks on the workers of `client`, each set up by `CheckerPlugin`."""

    def __init__(self, client: Any, spec: WorkerSpec) -> None:
        self.client = client
        client.register_plugin(CheckerPlugin(spec), name=CheckerPlugin.name)
        self.token = uuid.uuid4().hex[:12]

    def key(self, index: int) -> str:
        """The task's key: the job's token and the agreement's place, so a dashboard shows what runs."""
        return f"clausecheck-{self.token}-{index}"

    def imap(self, agreements: Sequence[Agreement]) -> Iterator[tuple[int, Payload | BaseException]]:
        queue = iter(enumerate(agreements))

        def submit(index: int, agreement: Agreement) -> Any:
            return self.client.submit(check_one, agreement, key=self.key(index), pure=False, retries=RETRIES)

        first: list[Any] = []
        for index, agreement in queue:
            first.append(submit(index, agreement))
            if len(first) >= WINDOW:
                break
        running = _distributed.as_completed(first)
        for future in running:
            index = int(future.key.rsplit("-", 1)[1])
            if future.status == "error":
                yield index, future.exception()
            else:
                yield index, future.result()
            future.release()
            following = next(queue, None)
            if following is not None:
                running.add(submit(*following))
