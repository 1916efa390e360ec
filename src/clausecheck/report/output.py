"""Writing what clausecheck produces: atomically, and never over an agreement it read.

A report or an annotated copy is written to a temporary file in the target's
own folder and moved into place with `os.replace`, so a reader of the target
sees the old file or the new one, never half of one, and an interrupted run
leaves nothing behind. What the path names decides how:

* a symbolic link is followed: the file it points to is replaced atomically,
  the link stays a link;
* a FIFO, a character or block device (`/dev/stdout`, `/dev/null`) or a socket
  is written through, never replaced by a regular file;
* a folder is refused;
* an input of the run (an agreement, a pack file, the settings file, the
  baseline) is refused, however the path names it (a link, `..`, another spelling).
"""

from __future__ import annotations

import contextlib
import os
import stat
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
    """Write `data` to `path` (see the module docstring for links and special files); refuse any path in `never`."""
    with open_atomically(path, never=never) as f:
        f.write(data)


@contextlib.contextmanager
def open_atomically(path: str | os.PathLike[str], *, never: tuple[str, ...] = ()) -> Iterator[BinaryIO]:
    """A binary file to stream into, moved to `path` when the block ends without an error, else removed.

    For output written as it comes (a portfolio's results) as for a whole report:
    readers of `path` see the previous file until the whole new one is in place.
    A FIFO, device or socket is written through as it is.
    """
    for protected in never:
        if same_file(path, protected):
            raise UsageError(
                f"{os.fspath(path)} is the input {protected}; it is never written to", hint="give another output path"
            )
    try:
        kind = os.stat(path).st_mode
    except OSError:
        kind = None
    if kind is not None and stat.S_ISDIR(kind):
        raise UsageError(f"cannot write {os.fspath(path)}: it is a folder", hint="give a file path")
    if kind is not None and not stat.S_ISREG(kind):
        try:
            with open(path, "wb") as through:  # nothing to replace atomically
                yield through
        except OSError as e:
            raise UsageError(f"cannot write {os.fspath(path)}: {e.strerror or e}") from None
        return
    target = os.path.realpath(path)  # through a link to the file it names
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
