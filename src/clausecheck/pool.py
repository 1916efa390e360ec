"""Worker processes that each take one task at a time, so the parent always knows who is on what.

`concurrent.futures.ProcessPoolExecutor` cannot do what a batch of untrusted
agreements needs: when one worker dies (out of memory, a crash in native
code, a signal) it fails every queued task with `BrokenProcessPool`; it has
no way to end one task that takes too long; and Ctrl-C only takes effect
when the queue is done. Here the parent hands each worker one task over a
pipe and waits on the pipes and the process sentinels together, so:

* a worker that dies costs only the task it was on, reported by name; the
  parent starts a fresh worker and the rest of the queue goes on;
* a task past `timeout` seconds has its worker killed and reported the same way;
* SIGINT and SIGTERM in the parent stop the workers at once, wait for them
  and raise `Interrupted`, so nothing is left running; workers ignore both
  signals themselves (a Ctrl-C reaches the whole process group) and never
  outlive the parent's pipe.

Workers start from a fork server (or spawn), never by forking a parent that
may already run an engine; the fork server imports the modules the workers
need once (`preload`), and `initializer(*initargs)` builds each worker's
state, and `limit_memory` caps its address space so a runaway allocation is
a `MemoryError` in the task rather than the machine swapping.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_POLL = 0.2
"""seconds between checks for timeouts while waiting on the workers"""


class Interrupted(KeyboardInterrupt):
    """The parent was asked to stop (SIGINT or SIGTERM); the workers are already gone.

    A `KeyboardInterrupt`, so whatever handles Ctrl-C handles SIGTERM the same way.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@dataclass(frozen=True)
class Failure:
    """A task that produced no result: its worker died or overran the time allowed."""

    reason: str


def context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _worker(
    conn: Connection,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    work: Callable[[Any], Any],
    memory: int | None,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    initializer(*initargs)
    if memory:
        _limit_address_space(memory)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        try:
            result = work(task)
        except Exception as e:  # `work` reports its own errors; this is the last line before a traceback
            result = Failure(f"the worker failed: {type(e).__name__}: {e}")
        conn.send(result)


def _limit_address_space(extra: int) -> None:
    """Cap this process at its present size plus `extra` bytes (Linux; elsewhere nothing)."""
    import resource

    try:
        with open("/proc/self/statm", "rb") as f:
            size = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (size + extra, size + extra))
    except (OSError, ValueError, AttributeError):
        pass


class _Slot:
    """One worker process and the task it is on."""

    def __init__(self, ctx: Any, target_args: tuple[Any, ...]) -> None:  # a forkserver or spawn context
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, *target_args), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None
        self.started = 0.0

    def give(self, index: int, item: Any) -> None:
        self.task, self.started = index, time.monotonic()
        self.conn.send(item)

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        self.process.join()
        self.conn.close()


class Pool(Generic[T, R]):
    """Runs `work` over tasks in `jobs` worker processes; see the module docstring."""

    def __init__(
        self,
        jobs: int,
        work: Callable[[T], R],
        initializer: Callable[..., None],
        initargs: tuple[Any, ...] = (),
        *,
        timeout: float | None = None,
        limit_memory: int | None = None,
        preload: Sequence[str] = (),
    ) -> None:
        """`preload`: modules the fork server imports once, so each worker starts with them imported."""
        self.jobs = jobs
        self.timeout = timeout
        self._target_args = (initializer, initargs, work, limit_memory)
        self._ctx = context()
        if preload and isinstance(self._ctx, multiprocessing.context.ForkServerContext):
            self._ctx.set_forkserver_preload(list(preload))

    def run(self, items: Sequence[T]) -> Iterator[tuple[int, R | Failure]]:
        """(index, result) for each item as it finishes; a `Failure` when its worker died or overran."""
        with _signals_raise() as stop:
            slots: list[_Slot] = []
            try:
                yield from self._run(items, slots, stop)
            finally:
                for slot in slots:
                    slot.kill()

    def _run(self, items: Sequence[T], slots: list[_Slot], stop: list[int]) -> Iterator[tuple[int, R | Failure]]:
        queue = deque(range(len(items)))
        slots.extend(_Slot(self._ctx, self._target_args) for _ in range(min(self.jobs, len(items))))
        restarts = 0
        while queue or any(s.task is not None for s in slots):
            if restarts > 2 * (len(items) + self.jobs):  # workers die before taking any task: give up on the rest
                while queue:
                    yield queue.popleft(), Failure("no worker process could be started")
            for slot in slots:
                if slot.task is None and queue:
                    index = queue.popleft()
                    try:
                        slot.give(index, items[index])
                    except (BrokenPipeError, OSError):  # died before its first task: retry it elsewhere
                        queue.appendleft(index)
                        slot.task = -1
            busy = [s for s in slots if s.task is not None]
            ready = wait([s.conn for s in busy] + [s.process.sentinel for s in busy], timeout=_POLL)
            if stop:
                raise Interrupted(stop[0])
            now = time.monotonic()
            for i, slot in enumerate(slots):
                if slot.task is None:
                    continue
                outcome: R | Failure | None = None
                replace = False
                if slot.conn in ready:
                    with contextlib.suppress(EOFError, OSError):
                        outcome = slot.conn.recv()
                if outcome is None and (slot.conn in ready or slot.process.sentinel in ready):
                    slot.process.join(1)
                    outcome, replace = Failure(_death(slot.process.exitcode)), True
                elif outcome is None and self.timeout is not None and now - slot.started > self.timeout:
                    outcome, replace = Failure(f"it took more than {self.timeout:g} s; its worker was stopped"), True
                if outcome is None:
                    continue
                index, slot.task = slot.task, None
                if replace:
                    slot.kill()
                    slots[i] = _Slot(self._ctx, self._target_args)
                    restarts += 1
                if index >= 0:
                    yield index, outcome
        for slot in slots:
            with contextlib.suppress(OSError):
                slot.conn.send(None)


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        reason = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"the worker checking it was killed by {name}{reason}"
    return f"the worker checking it exited with code {exitcode}"


@contextlib.contextmanager
def _signals_raise() -> Iterator[list[int]]:
    """While running, SIGINT and SIGTERM are noted (the loop stops within `_POLL` s); restored after."""
    stop: list[int] = []

    def note(signum: int, _frame: object) -> None:
        stop.append(signum)

    try:
        previous = {s: signal.signal(s, note) for s in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread: signals stay where they are
        yield stop
        return
    try:
        yield stop
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
