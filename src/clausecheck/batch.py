"""Checking many agreements: folders and globs expanded, files checked in worker processes.

Parallelism is processes (`docs/dev/dependencies.md` §A.6): durable-rules
holds the GIL in C and its compiled rulesets cannot be pickled, so each
worker builds the same `Checker` in its initializer, from settings made only
of plain data. Paths go in; a `DocumentResult` (and, for the HTML report,
the read `Document`) comes back as JSON. The workers are `clausecheck.pool`'s:
one file at a time each, started from a fork server.

A file that cannot be read, or fails for any other reason, becomes a result
carrying its error; the batch goes on. With worker processes that includes a
worker that dies on a file (out of memory, a crash in native code, a
signal) and one still on a file `TIMEOUT_GRACE` seconds past the
agreement's time budget, which is stopped: that file is the error, named,
and the others are checked by fresh workers. Each worker's address space is
capped at the memory budget above its size once built. Ctrl-C or SIGTERM
stops the workers at once and raises `pool.Interrupted`.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Sequence

from clausecheck.checker import Checker, CheckerSettings, Outcome
from clausecheck.collector import freeze
from clausecheck.document.model import Document
from clausecheck.errors import UsageError
from clausecheck.findings import DocumentResult, SkippedFile

TIMEOUT_GRACE = 10.0
"""seconds a worker may run past the agreement's time budget before it is stopped from outside
(the budget's own check usually ends the agreement first, with a clearer message)"""
WORKER_MODULES = (
    "clausecheck.batch",
    "clausecheck.document.reader",
    "clausecheck.extract.extractor",
    "clausecheck.engine.weigh",
)
"""what a worker imports to check an agreement: imported once in the fork server, not in every worker
(importing them costs a worker a fifth of a second; its packs come from the cache, `clausecheck.dsl.cache`)"""
AGREEMENT_SUFFIXES = (".docx",)
_SKIPPED_DIRS = {".git", ".hg", ".svn", ".venv", "node_modules", "__pycache__"}
_NOT_CHECKED = {
    ".doc": "a Word 97-2003 document: open it in Word and save it as a Word Document (.docx)",
    ".pdf": "a PDF: check the Word document (.docx) it was made from",
    ".rtf": "a Rich Text file: save it as a Word Document (.docx)",
    ".odt": "an OpenDocument text: save it as a Word Document (.docx)",
    ".wps": "a WPS document: save it as a Word Document (.docx)",
    ".docm": "a macro-enabled Word document: save it as a Word Document (.docx)",
    ".dotx": "a Word template: save it as a Word Document (.docx)",
}
"""files that look like agreements but are not .docx: listed as skipped, with what to do"""


def expand(inputs: Sequence[str]) -> list[str]:
    """The agreements named by files, folders (searched recursively) and glob patterns, each once, in order.

    A plain path is kept even if it does not exist, so it is reported as
    unreadable; a folder or a pattern that holds no agreement is a usage error.
    Word's lock files (`~$name.docx`) and hidden folders are skipped.
    """
    found: list[str] = []
    for item in inputs:
        if os.path.isdir(item):
            matches = _folder(item)
            if not matches:
                raise UsageError(f"no .docx agreement under {item}")
        elif glob.has_magic(item) and not os.path.exists(item):  # 'draft[2].docx' may be a file's own name
            matches = []
            for match in sorted(glob.glob(item, recursive=True)):
                matches += _folder(match) if os.path.isdir(match) else [match] if is_agreement(match) else []
            if not matches:
                raise UsageError(f"no .docx agreement matches {item}")
        else:
            matches = [item]
        found += matches
    return list(dict.fromkeys(found))


def skipped(inputs: Sequence[str]) -> list[SkippedFile]:
    """Agreement-like files (.doc, .pdf ...) that folders and patterns in `inputs` hold but `expand` leaves out."""
    out: list[SkippedFile] = []
    for item in inputs:
        if os.path.isdir(item):
            candidates = _walk(item)
        elif glob.has_magic(item) and not os.path.exists(item):
            candidates = []
            for match in sorted(glob.glob(item, recursive=True)):
                candidates += _walk(match) if os.path.isdir(match) else [match]
        else:
            continue
        for path in candidates:
            reason = skip_reason(path)
            if reason:
                out.append(SkippedFile(path=path, reason=reason))
    return list({s.path: s for s in out}.values())


def skip_reason(name: str) -> str | None:
    """Why a file that looks like an agreement (.doc, .pdf ...) is not checked, and what to do; None for others."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return None if base.startswith("~$") else _NOT_CHECKED.get(os.path.splitext(base)[1].lower())


def is_agreement(name: str) -> bool:
    """Whether a file name (a path, a URL, an archive member) names a .docx agreement, Word's lock files aside."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.lower().endswith(AGREEMENT_SUFFIXES) and not base.startswith("~$")


def _walk(folder: str) -> list[str]:
    out = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith("."))
        out += [os.path.join(here, f) for f in sorted(files)]
    return out


def _folder(folder: str) -> list[str]:
    return [path for path in _walk(folder) if is_agreement(path)]


_worker_checker: Checker | None = None
_worker_keeps_documents = False


def _init_worker(settings: CheckerSettings, keep_documents: bool) -> None:
    global _worker_checker, _worker_keeps_documents
    _worker_checker = Checker.from_settings(settings)
    _worker_keeps_documents = keep_documents
    freeze()  # the worker's packs live as long as it does


def _work(path: str) -> tuple[str, str | None, list[str]]:
    """Check one agreement by its path as the user gave it, read through its absolute path.

    The fork server keeps the working folder it started in, so the worker
    reads the absolute path and puts the user's spelling back in what it returns.
    """
    assert _worker_checker is not None
    absolute = os.path.abspath(path)
    outcome = _worker_checker.check_isolated(absolute)
    result = outcome.result
    shown = {"path": path, "error": result.error.replace(absolute, path) if result.error else None}
    kept = outcome.document if _worker_keeps_documents else None
    document = kept.model_copy(update={"source": path}).model_dump_json() if kept else None
    return (
        result.model_copy(update=shown).model_dump_json(),
        document,
        [w.replace(absolute, path) for w in outcome.warnings],
    )


def run(
    paths: Sequence[str],
    checker: Checker,
    *,
    jobs: int = 1,
    keep_documents: bool = False,
    on_done: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Check `paths` with `jobs` worker processes (1: in this process); results in order.

    Each worker builds the same checker from `checker.settings`. The agreements
    as read come back only with `keep_documents` (the HTML report quotes them).
    `on_done` is called in this process as each agreement finishes, for a progress bar.
    """
    if jobs <= 1 or len(paths) <= 1:
        outcomes = []
        for path in paths:
            outcome = checker.check_isolated(path)
            if not keep_documents:
                outcome.document = None
            outcomes.append(outcome)
            if on_done:
                on_done(outcome)
        return outcomes
    from clausecheck.pool import Failure, Pool  # multiprocessing only for a batch of processes

    limits = checker.limits
    pool = Pool(
        min(jobs, len(paths)),
        _work,
        _init_worker,
        (checker.settings, keep_documents),
        timeout=limits.seconds + TIMEOUT_GRACE if limits.seconds else None,
        limit_memory=limits.memory_bytes,
        preload=WORKER_MODULES,
    )
    done: dict[int, Outcome] = {}
    for i, returned in pool.run(paths):
        if isinstance(returned, Failure):
            outcome = Outcome(
                DocumentResult(path=paths[i], error=f"{paths[i]}: {returned.reason}", error_type="WorkerError")
            )
        else:
            result_json, document_json, warnings = returned
            document = Document.model_validate_json(document_json) if document_json else None
            outcome = Outcome(DocumentResult.model_validate_json(result_json), document, warnings)
        done[i] = outcome
        if on_done:
            on_done(outcome)
    return [done[i] for i in range(len(paths))]
