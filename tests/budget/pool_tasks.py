"""Tasks for the pool's tests, importable by worker processes (a fork server imports them by name)."""

from __future__ import annotations

import os
import signal
import time

_prefix = ""


def init(prefix: str) -> None:
    global _prefix
    _prefix = prefix


def work(item: str) -> str:
    """'die' kills its own worker, 'hang' never returns, 'grab' allocates without bound, 'fail' raises."""
    if item == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if item == "hang":
        time.sleep(3600)
    if item == "grab":
        hoard = []
        while True:
            hoard.append(bytearray(50 * 2**20))
    if item == "fail":
        raise ValueError("no such clause")
    return f"{_prefix}{item}:{os.getpid()}"
