"""Where a portfolio's agreements are: paths, globs, zip archives and fsspec URLs, named here, read by a worker.

The process that starts a job only lists the agreements; each worker reads
the ones it checks straight from storage, so the bytes never pass through
the scheduler. An `Agreement` is therefore small plain data: the name the
user sees (the path as given, the URL, `archive.zip/inner/path.docx`) and
where to read it.

Local paths, folders and globs are expanded by `batch.expand`, exactly as
for a local batch, and a local `.zip` archive or a `file://` URL needs
nothing but the standard library. Other URLs (`s3://`, `gs://`, `az://`,
`zip://…::…`) go through fsspec, an optional install (`extras`).

Reading applies the reader's own size limit before anything is held in
memory, and an archive member that inflates more than the reader allows
(`ReadLimits.max_ratio`) is refused: the hostile-file limits hold on
workers as they do in a local batch.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from clausecheck import batch
from clausecheck.document.package import ReadLimits
from clausecheck.errors import CorruptDocument, DocumentNotFound, UnsafeDocument, UsageError
from clausecheck.findings import SkippedFile
from clausecheck.portfolio.extras import filesystem, need

ARCHIVE_SUFFIX = ".zip"


@dataclass(frozen=True)
class Agreement:
    """One agreement to check: the name shown in reports, and where a worker reads it.

    `location` is an absolute local path, or an fsspec URL when `remote`;
    `member` is the file's name inside the local zip archive at `location`.
    """

    name: str
    location: str
    member: str | None = None
    remote: bool = False


def is_url(item: str) -> bool:
    """Whether `item` is a URL (`s3://…`, `zip://…::…`) rather than a local path."""
    scheme, sep, _ = item.partition("://")
    return bool(sep) and scheme.isidentifier() and len(scheme) > 1


def expand(
    inputs: Sequence[str], storage_options: Mapping[str, str] | None = None
) -> tuple[list[Agreement], list[SkippedFile]]:
    """The agreements `inputs` name, each once and in order, and the agreement-like files left out (.doc, .pdf).

    A folder, pattern, URL prefix or archive holding no agreement is a usage error.
    """
    options = dict(storage_options or {})
    found: list[Agreement] = []
    skipped: list[SkippedFile] = []
    local: list[str] = []

    def flush() -> None:
        if local:
            found.extend(Agreement(path, os.path.abspath(path)) for path in batch.expand(local))
            skipped.extend(batch.skipped(local))
            local.clear()

    for item in inputs:
        if item.startswith("file://") and "::" not in item:
            item = item.removeprefix("file://")
        if is_url(item):
            flush()
            agreements, left_out = _remote(item, options)
            found += agreements
            skipped += left_out
        elif item.lower().endswith(ARCHIVE_SUFFIX) and os.path.isfile(item):
            flush()
            agreements, left_out = _archive(item)
            found += agreements
            skipped += left_out
        else:
            local.append(item)
    flush()
    return list({a.name: a for a in found}.values()), list({s.path: s for s in skipped}.values())


def _archive(path: str) -> tuple[list[Agreement], list[SkippedFile]]:
    """The agreements inside a local zip archive, named `archive.zip/inner/name.docx`."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [i.filename for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError) as e:
        raise UsageError(f"{path}: not a readable zip archive ({e})", hint="give a .zip of .docx agreements") from None
    location = os.path.abspath(path)
    agreements = [Agreement(f"{path}/{n}", location, member=n) for n in sorted(names) if batch.is_agreement(n)]
    if not agreements:
        raise UsageError(f"no .docx agreement in the archive {path}")
    return agreements, _skipped(f"{path}/{n}" for n in sorted(names))


def _remote(url: str, options: dict[str, str]) -> tuple[list[Agreement], list[SkippedFile]]:
    """The agreements under a URL: one object, every object under a prefix, a pattern's matches, an archive's members."""
    protocol = url.split("://", 1)[0]
    fs: Any = filesystem(protocol, options)
    try:
        if any(c in url for c in "*?[") and "::" not in url:
            names = [fs.unstrip_protocol(p) for p in sorted(fs.glob(url))]
        elif fs.isdir(url):
            names = [fs.unstrip_protocol(p) for p in sorted(fs.find(url))]
        elif url.lower().endswith(ARCHIVE_SUFFIX):
            return _remote_archive(url, options)
        elif fs.exists(url):
            names = [url]
        else:
            raise UsageError(f"nothing at {url}", hint="check the bucket, the prefix and the storage options")
    except OSError as e:
        raise UsageError(
            f"cannot list {url}: {e}", hint="check the URL, the credentials and --storage-option"
        ) from None
    agreements = [Agreement(n, n, remote=True) for n in names if batch.is_agreement(n)]
    if not agreements:
        raise UsageError(f"no .docx agreement at {url}")
    return agreements, _skipped(names)


def _remote_archive(url: str, options: dict[str, str]) -> tuple[list[Agreement], list[SkippedFile]]:
    """The members of a zip archive in object storage, each read through a chained `zip://member::URL`."""
    fsspec = need("fsspec", "dask", "reading zip archives from storage")
    protocol = url.split("://", 1)[0]
    zfs = fsspec.filesystem("zip", fo=url, target_protocol=protocol, target_options=options)
    names = sorted(str(p) for p in zfs.find("/"))
    agreements = [Agreement(f"{url}/{n}", f"zip://{n}::{url}", remote=True) for n in names if batch.is_agreement(n)]
    if not agreements:
        raise UsageError(f"no .docx agreement in the archive {url}")
    return agreements, _skipped(f"{url}/{n}" for n in names)


def _skipped(names: Any) -> list[SkippedFile]:
    out = []
    for name in names:
        reason = batch.skip_reason(name)
        if reason:
            out.append(SkippedFile(path=name, reason=reason))
    return out


def read(agreement: Agreement, storage_options: Mapping[str, str], limits: ReadLimits) -> bytes:
    """The agreement's bytes, at most `limits.max_file_bytes + 1` of them (the reader refuses a larger file).

    A missing file is a `DocumentNotFound` and an over-inflating archive member
    an `UnsafeDocument`, both naming the agreement; other storage failures
    (`OSError`: a network error, throttling) propagate, so a Dask task is retried.
    """
    cap = limits.max_file_bytes + 1
    try:
        if agreement.member is not None:
            return _member(agreement, limits)
        if not agreement.remote:
            with open(agreement.location, "rb") as f:
                return f.read(cap)
        fsspec = need("fsspec", "dask", "reading agreements from storage")
        protocol = agreement.location.split("::")[-1].split("://", 1)[0]
        with fsspec.open(agreement.location, "rb", **{protocol: dict(storage_options)}) as f:
            return bytes(f.read(cap))
    except FileNotFoundError:
        raise DocumentNotFound(
            agreement.name, "no such file", hint="check the path; was it moved or deleted?"
        ) from None
    except IsADirectoryError:
        raise DocumentNotFound(agreement.name, "is a directory, not a .docx file") from None
    except PermissionError:
        raise DocumentNotFound(
            agreement.name, "cannot be read (permission denied)", hint="check its permissions"
        ) from None


def _member(agreement: Agreement, limits: ReadLimits) -> bytes:
    assert agreement.member is not None
    with zipfile.ZipFile(agreement.location) as archive:
        try:
            info = archive.getinfo(agreement.member)
        except KeyError:
            raise DocumentNotFound(agreement.name, "is no longer in the archive") from None
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise UnsafeDocument(
                agreement.name,
                f"the archive member inflates {info.file_size / max(info.compress_size, 1):.0f} times "
                f"(more than {limits.max_ratio:.0f}): a zip bomb",
                hint="a .docx does not compress like that in an archive; check where the file came from",
            )
        try:
            with archive.open(info) as f:
                return f.read(limits.max_file_bytes + 1)
        except (zipfile.BadZipFile, OSError, EOFError) as e:
            raise CorruptDocument(agreement.name, f"cannot be read from the archive ({e})") from None
