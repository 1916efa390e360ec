"""Writing what clausecheck produces: atomically, and never over an agreement it read.

A report or an annotated copy is written to a temporary file in the target's
own folder and moved into place with `os.replace`, so a reader of the target
sees the old file or the new one, never half of one, and an interrupted run
leaves nothing behind. The input agreement is never a valid target, however
the path names it (a link, `..`, another spelling).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from typing import BinaryIO

from clausecheck.errors import UsageError


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file (through links and relative spellings)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def write_atomically(path: str | os.PathLike[str], data: bytes, *, never: tuple[str, ...] = ()) -> None:
    """Write `data` to `path` through a temporary file and `os.replace`; refuse any path in `never`."""
    with open_atomically(path, never=never) as f:
        f.write(data)


@contextlib.contextmanager
def open_atomically(path: str | os.PathLike[str], *, never: tuple[str, ...] = ()) -> Iterator[BinaryIO]:
    """A binary file to stream into, moved to `path` when the block ends without an error, else removed.

    For output written as it comes (a portfolio's results): readers of `path`
    see the previous file until the whole new one is in place.
    """
    for protected in never:
        if same_file(path, protected):
            raise UsageError(
                f"{os.fspath(path)} is the input {protected}; it is never written to", hint="give another output path"
            )
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {os.fspath(path)}: no folder {folder}", hint="create the folder first")
    mode = _mode(target)
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
    except OSError as e:
        raise UsageError(
            f"cannot write {os.fspath(path)}: {e.strerror or e}", hint="check the folder's permissions"
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException as e:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        if isinstance(e, OSError):
            raise UsageError(f"cannot write {os.fspath(path)}: {e.strerror or e}") from None
        raise


def _mode(target: str) -> int:
    """The mode the file keeps when it exists, else the one `open()` would give it."""
    try:
        return os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
