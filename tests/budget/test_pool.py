"""Batches under stress: a worker that dies or hangs costs only its file; signals stop everything (issue 13)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from clausecheck.pool import Failure, Pool
from clausecheck.testing import hostile

from . import pool_tasks


def _results(items, **options):
    pool = Pool(2, pool_tasks.work, pool_tasks.init, ("done-",), **options)
    return dict(pool.run(items))


def test_a_worker_that_dies_costs_only_its_own_task():
    items = ["a", "b", "die", "c", "d", "e", "die", "f"]
    results = _results(items)
    assert sorted(results) == list(range(len(items)))
    for i, item in enumerate(items):
        if item == "die":
            assert isinstance(results[i], Failure) and "killed by SIGKILL" in results[i].reason
        else:
            assert results[i].startswith(f"done-{item}:")


def test_a_task_past_the_timeout_has_its_worker_stopped_and_the_rest_go_on():
    items = ["a", "hang", "b", "c"]
    results = _results(items, timeout=3.0)
    assert isinstance(results[1], Failure) and "more than 3 s" in results[1].reason
    assert all(results[i].startswith("done-") for i in (0, 2, 3))


def test_a_task_that_raises_or_runs_out_of_memory_is_reported_and_its_worker_kept():
    results = _results(["fail", "grab", "a"], limit_memory=300 * 2**20)
    assert isinstance(results[0], Failure) and "ValueError: no such clause" in results[0].reason
    assert isinstance(results[1], Failure) and "MemoryError" in results[1].reason
    assert results[2].startswith("done-a:")


def _session_processes(sid: int) -> list[str]:
    """Processes of a session still running (zombies awaiting their reaper are gone already)."""
    out = subprocess.run(["ps", "-eo", "sid=,stat=,args="], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line.split()[0] == str(sid) and not line.split()[1].startswith("Z")]


@pytest.fixture(scope="module")
def long_batch(tmp_path_factory):
    """Forty agreements of a few seconds each: checked through, the batch would take over a minute."""
    folder = tmp_path_factory.mktemp("batch")
    data = hostile.long_paragraph(1_500_000)
    for i in range(40):
        (folder / f"long{i:02}.docx").write_bytes(data)
    return folder


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_a_batch_and_leaves_no_process_behind(long_batch, signum):
    child = subprocess.Popen(
        [sys.executable, "-m", "clausecheck", "check", "--jobs", "2", str(long_batch)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        time.sleep(4)  # the workers are up and on their first agreements
        assert child.poll() is None
        child.send_signal(signum)
        code = child.wait(timeout=30)  # the whole batch takes minutes: only stopping returns this soon
        stderr = child.stderr.read()
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
    assert code == 128 + signum and "clausecheck: interrupted" in stderr and "Traceback" not in stderr
    deadline = time.monotonic() + 10
    while _session_processes(child.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _session_processes(child.pid) == []
