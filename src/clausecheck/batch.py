"""Checking many agreements: folders and globs expanded, files checked in worker processes.

Parallelism is processes (`DEPENDENCIES.md` §A.6): durable-rules holds the
GIL in C and its compiled rulesets cannot be pickled, so each worker loads
the packs and builds its own engine in its initializer, from settings made
only of strings. Paths go in; a `DocumentResult` (and, for the HTML report,
the read `Document`) comes back as JSON. Workers start from a fork server,
never by forking a parent that may already run an engine.

A file that cannot be read, or fails for any other reason, becomes a result
carrying its error; the batch goes on.
"""

from __future__ import annotations

import glob
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field

from clausecheck.document.model import Document, Lang
from clausecheck.dsl.model import Pack
from clausecheck.errors import ClauseCheckError, DocumentError, UsageError
from clausecheck.findings import DocumentResult

AGREEMENT_SUFFIXES = (".docx",)
_SKIPPED_DIRS = {".git", ".hg", ".svn", ".venv", "node_modules", "__pycache__"}


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
                matches += _folder(match) if os.path.isdir(match) else [match] if _is_agreement(match) else []
            if not matches:
                raise UsageError(f"no .docx agreement matches {item}")
        else:
            matches = [item]
        found += matches
    return list(dict.fromkeys(found))


def _is_agreement(path: str) -> bool:
    name = os.path.basename(path)
    return name.lower().endswith(AGREEMENT_SUFFIXES) and not name.startswith("~$")


def _folder(folder: str) -> list[str]:
    out = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith("."))
        out += [os.path.join(here, f) for f in sorted(files) if _is_agreement(f)]
    return out


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs, as plain data: packs by path, rules disabled, the message language."""

    packs: tuple[str, ...]
    disable: tuple[str, ...] = ()
    disabled_by: str = "the command line"
    locale: Lang | None = None
    keep_documents: bool = False

    def resolve(self) -> list[Pack]:
        from clausecheck.api import resolve_packs
        from clausecheck.config import disable_rules

        return disable_rules(resolve_packs(list(self.packs)), self.disable, self.disabled_by)


@dataclass
class Outcome:
    """One agreement checked: its result, the document when kept, and warnings for the user."""

    result: DocumentResult
    document: Document | None = None
    warnings: list[str] = field(default_factory=list)


def judge(document: Document, packs: list[Pack], settings: Settings) -> Outcome:
    """Judge a read agreement and apply the acceptances its reviewers wrote in Word comments."""
    from clausecheck.api import evaluate_document
    from clausecheck.suppress import accept_by_comments, comment_acceptances, unknown_acceptances

    result = evaluate_document(document, packs, settings.locale)
    acceptances = comment_acceptances(document)
    warnings = [f"{document.source}: comment {a.comment_id} accepts '{a.rule}', which no rule of the packs has"
                for a in unknown_acceptances(acceptances, packs)]
    return Outcome(accept_by_comments(result, acceptances), document if settings.keep_documents else None, warnings)


def check_file(path: str, packs: list[Pack], settings: Settings) -> Outcome:
    """Read and judge one agreement; any failure becomes the result's error."""
    from clausecheck.document.reader import read_document

    try:
        return judge(read_document(path), packs, settings)
    except DocumentError as e:
        return Outcome(DocumentResult(path=path, error=str(e), error_type=type(e).__name__))
    except ClauseCheckError as e:
        return Outcome(DocumentResult(path=path, error=f"{path}: {e}", error_type=type(e).__name__))
    except Exception as e:  # a bug must not stop the batch; the result says what happened
        return Outcome(DocumentResult(path=path, error=f"{path}: internal error: {type(e).__name__}: {e}",
                                      error_type="InternalError"))


_worker_packs: list[Pack] = []
_worker_settings: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_settings
    _worker_settings = settings
    _worker_packs[:] = settings.resolve()


def _work(path: str) -> tuple[str, str | None, list[str]]:
    """Check one agreement by its path as the user gave it, read through its absolute path.

    The fork server keeps the working folder it started in, so the worker
    reads the absolute path and puts the user's spelling back in what it returns.
    """
    assert _worker_settings is not None
    absolute = os.path.abspath(path)
    outcome = check_file(absolute, _worker_packs, _worker_settings)
    result = outcome.result
    shown = {"path": path, "error": result.error.replace(absolute, path) if result.error else None}
    document = outcome.document.model_copy(update={"source": path}).model_dump_json() if outcome.document else None
    return result.model_copy(update=shown).model_dump_json(), document, [w.replace(absolute, path) for w in outcome.warnings]


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def run(
    paths: Sequence[str],
    settings: Settings,
    *,
    jobs: int = 1,
    packs: list[Pack] | None = None,
    on_done: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Check `paths` with `jobs` worker processes (1: in this process, with `packs` if given); results in order.

    `on_done` is called in this process as each agreement finishes, for a progress bar.
    """
    if jobs <= 1 or len(paths) <= 1:
        packs = packs if packs is not None else settings.resolve()
        outcomes = []
        for path in paths:
            outcomes.append(check_file(path, packs, settings))
            if on_done:
                on_done(outcomes[-1])
        return outcomes
    done: dict[int, Outcome] = {}
    with ProcessPoolExecutor(min(jobs, len(paths)), mp_context=_context(), initializer=_init_worker,
                             initargs=(settings,)) as pool:
        futures = {pool.submit(_work, path): i for i, path in enumerate(paths)}
        for future in as_completed(futures):
            i = futures[future]
            try:
                result_json, document_json, warnings = future.result()
                document = Document.model_validate_json(document_json) if document_json else None
                outcome = Outcome(DocumentResult.model_validate_json(result_json), document, warnings)
            except Exception as e:  # the worker process died (a crash in native code, out of memory)
                outcome = Outcome(DocumentResult(path=paths[i], error=f"{paths[i]}: the worker process failed: {e!r}",
                                                 error_type="WorkerError"))
            done[i] = outcome
            if on_done:
                on_done(outcome)
    return [done[i] for i in range(len(paths))]
