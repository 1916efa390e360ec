"""The garbage collector tuned for judging agreements.

Reading and judging an agreement allocates hundreds of thousands of small
objects that live until its result is built (blocks, sentence parts,
matches), and few of them are ever in a reference cycle. With Python's
default threshold the youngest generation is collected every 700
allocations, and each older collection walks every object alive, the
compiled packs included: 6 to 20 % of a check, 30 % of a read. So while an
agreement is judged the youngest generation is collected less often, and a
process that has loaded its packs for good (the command, a batch worker)
moves them out of the collector's sight.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

YOUNG_THRESHOLD = 20_000
"""allocations between two collections of the youngest generation while an agreement is judged"""

_lock = threading.Lock()
_inside = 0
_saved: tuple[int, int, int] | None = None


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect the youngest generation less often inside; the thresholds are restored when the last of
    several threads (or nested calls) inside leaves."""
    global _inside, _saved
    with _lock:
        if _inside == 0:
            _saved = gc.get_threshold()
            young, *older = _saved
            if young < YOUNG_THRESHOLD:
                gc.set_threshold(YOUNG_THRESHOLD, *older)
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None


_starting: tuple[int, int, int] | None = None


STARTING_THRESHOLD = 100_000
"""allocations between two collections of the youngest generation while the command starts"""


def start_quietly() -> None:
    """Collect seldom while a process clausecheck runs itself starts, until `freeze`.

    Importing the modules and loading the packs allocates mostly what lives as
    long as the process (model classes, compiled patterns, the packs), yet at
    the default threshold the collector walks the growing heap hundreds of
    times: a twelfth of the command's start-up. A command that never freezes
    keeps the higher threshold, which costs it at most that many young objects.
    """
    global _starting
    if _starting is None:
        _starting = gc.get_threshold()
        young, *older = _starting
        gc.set_threshold(max(young, STARTING_THRESHOLD), *older)


def freeze() -> None:
    """Keep everything alive now (modules, packs, compiled rules) out of every later collection.

    Only for a process clausecheck runs itself (the command, a batch worker):
    what is frozen is never collected, so the library never freezes its
    caller's objects. A start made quiet (`start_quietly`) ends here.
    """
    global _starting
    gc.freeze()
    if _starting is not None:
        gc.set_threshold(*_starting)
        _starting = None
