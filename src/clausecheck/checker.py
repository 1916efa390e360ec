"""The one checker: every way in (the API, batches, `annotate`, pack tests) judges an agreement here.

A `Checker` holds what a run decides once: the packs (with rules disabled),
the report's language, the baseline, and the limits every agreement is
judged within (`clausecheck.limits.Limits`: time, memory, package size). Judging one agreement is always the
same four steps, so the API and the command give the same report for the
same agreement:

1. read it (`document.reader`), unless a read `Document` is given;
2. extract its statements with each pack's lexicon and run each pack's rules
   (`extract`, `engine`), findings of all packs merged;
3. move the findings a reviewer accepted in a Word comment to `suppressed`;
4. move the findings the baseline lists to `suppressed`.

`CheckerSettings` is the same configuration as plain, picklable data (packs
by file), from which a worker process builds an identical checker.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, get_args

from clausecheck._version import __version__
from clausecheck.budget import enforced
from clausecheck.collector import fewer_collections
from clausecheck.document.model import Document
from clausecheck.dsl.model import Pack
from clausecheck.dsl.registry import RuleRegistry
from clausecheck.engine.messages import undecided_parties
from clausecheck.errors import BudgetExceeded, ClauseCheckError, DocumentError, UsageError
from clausecheck.findings import DocumentResult, Finding, Report, RoleAssignment, TopicVerdict
from clausecheck.limits import Limits
from clausecheck.report.placement import insertion_points
from clausecheck.suppress import Baseline, accept_by_comments, comment_acceptances, unknown_acceptances
from clausecheck.types import Lang

Source = str | os.PathLike[str] | bytes | BinaryIO | Document
"""An agreement: a path, its bytes, a binary file, or an agreement already read."""
PackSpec = str | os.PathLike[str] | Pack
"""A pack: a bundled name, a path to a pack folder or file, or a pack already loaded."""

DEFAULT_PACK = "safety-core"


def resolve_packs(
    packs: PackSpec | Sequence[PackSpec], search_path: Sequence[str | os.PathLike[str]] = ()
) -> list[Pack]:
    """Packs named by name, path or already loaded, in order."""
    from clausecheck.dsl.loader import load_pack

    specs = [packs] if isinstance(packs, (str, os.PathLike, Pack)) else list(packs)
    return [spec if isinstance(spec, Pack) else load_pack(spec, search_path=search_path) for spec in specs]


@dataclass(frozen=True)
class CheckerSettings:
    """A checker's configuration as plain data: what a worker process needs to build the same checker."""

    packs: tuple[str, ...] = (DEFAULT_PACK,)
    search_path: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    disabled_by: str = "the caller"
    locale: Lang | None = None
    baseline: str | None = None
    all_jurisdictions: bool = False
    select: tuple[str, ...] = ()
    limits: Limits = field(default_factory=Limits)


@dataclass
class Outcome:
    """One agreement judged: its result, the agreement as read, and warnings for the user."""

    result: DocumentResult
    document: Document | None = None
    warnings: list[str] = field(default_factory=list)


class Checker:
    """Judges agreements against a fixed set of packs, acceptances and baseline.

    Safe to share between threads: it holds no per-agreement state, packs and
    compiled rules are cached per process, and the engine serialises its own
    access.
    """

    def __init__(
        self,
        packs: PackSpec | Sequence[PackSpec] = DEFAULT_PACK,
        *,
        search_path: Sequence[str | os.PathLike[str]] = (),
        disable: Iterable[str] = (),
        disabled_by: str = "the caller",
        locale: Lang | None = None,
        baseline: str | os.PathLike[str] | Baseline | None = None,
        all_jurisdictions: bool = False,
        select: Iterable[str] = (),
        limits: Limits | None = None,
    ) -> None:
        """`disable` leaves out rules by id, code or topic; `select`, when given, keeps only the rules it names."""
        from clausecheck.config import disable_rules

        if locale is not None and locale not in get_args(Lang):
            raise UsageError(f"unknown locale '{locale}'", hint=f"use one of {', '.join(get_args(Lang))}")
        self.all_jurisdictions = all_jurisdictions
        self.limits = limits or Limits()

        self.search_path = tuple(os.fspath(p) for p in search_path)
        self.disable = tuple(disable)
        self.select = tuple(select)
        self.disabled_by = disabled_by
        self.packs: list[Pack] = disable_rules(
            resolve_packs(packs, self.search_path), self.disable, disabled_by, select=self.select
        )
        self.registry = RuleRegistry(self.packs)
        self.locale = locale
        if baseline is None or isinstance(baseline, Baseline):
            self.baseline = baseline
        else:
            self.baseline = Baseline.load(baseline)

    @classmethod
    def from_settings(cls, settings: CheckerSettings) -> Checker:
        return cls(
            list(settings.packs),
            search_path=settings.search_path,
            disable=settings.disable,
            disabled_by=settings.disabled_by,
            locale=settings.locale,
            baseline=settings.baseline,
            all_jurisdictions=settings.all_jurisdictions,
            select=settings.select,
            limits=settings.limits,
        )

    @property
    def settings(self) -> CheckerSettings:
        """This checker as plain data; packs by their files, so any working folder loads the same ones."""
        return CheckerSettings(
            packs=tuple(p.path for p in self.packs),
            search_path=self.search_path,
            disable=self.disable,
            disabled_by=self.disabled_by,
            locale=self.locale,
            baseline=os.fspath(self.baseline.path) if self.baseline else None,
            all_jurisdictions=self.all_jurisdictions,
            select=self.select,
            limits=self.limits,
        )

    @contextlib.contextmanager
    def budget(self, source: Source) -> Iterator[None]:
        """The time and memory budget of one agreement: work inside it raises `BudgetExceeded` past the limits.

        `check` and `judge` open it themselves; a caller that also reads or writes
        the agreement (`annotate`) opens it around the whole job. Inside, the
        garbage collector runs less often (`clausecheck.collector`).
        """
        with enforced(self.limits, _source_name(source)), fewer_collections():
            yield

    def read(self, source: Source) -> Document:
        """Read one agreement within this checker's package limits (a `Document` is returned as given)."""
        if isinstance(source, Document):
            return source
        from clausecheck.document.reader import read_document

        return read_document(source, limits=self.limits.read)

    def judge(self, document: Document) -> Outcome:
        """Judge an agreement already read; accepted findings move to `suppressed`."""
        with self.budget(document):
            return self._judge(document)

    def _judge(self, document: Document) -> Outcome:
        result = self._run_packs(document)
        acceptances = comment_acceptances(document)
        warnings = [
            f"{document.source}: comment {a.comment_id} accepts '{a.rule}', which no rule of the packs has"
            for a in unknown_acceptances(acceptances, self.registry)
        ]
        result = accept_by_comments(result, acceptances, self.registry)
        if self.baseline is not None:
            result = self.baseline.accept(result, self.registry)
        warnings += [f"{document.source}: {w}" for w in result.warnings]
        return Outcome(result, document, warnings)

    def check(self, source: Source) -> Outcome:
        """Read and judge one agreement within the budget; raises `DocumentError` (`BudgetExceeded`...)."""
        with self.budget(source):
            return self.judge(self.read(source))

    def check_isolated(self, source: Source) -> Outcome:
        """Read and judge one agreement of many: any failure becomes the result's error, so a batch goes on."""
        name = _source_name(source)
        try:
            return self.check(source)
        except DocumentError as e:
            return Outcome(DocumentResult(path=name, error=str(e), error_type=type(e).__name__))
        except ClauseCheckError as e:
            return Outcome(DocumentResult(path=name, error=f"{name}: {e}", error_type=type(e).__name__))
        except MemoryError:  # a worker's address space is capped at the memory budget (`clausecheck.batch`)
            error = BudgetExceeded(name, "checking it ran out of memory, past the memory budget of one agreement")
            return Outcome(DocumentResult(path=name, error=str(error), error_type="BudgetExceeded"))
        except Exception as e:  # a bug must not stop the batch; the result says what happened
            return Outcome(
                DocumentResult(
                    path=name, error=f"{name}: internal error: {type(e).__name__}: {e}", error_type="InternalError"
                )
            )

    def report(self, results: Iterable[DocumentResult]) -> Report:
        """The report of a run over `results`."""
        return Report(version=__version__, packs=[p.id for p in self.packs], documents=list(results))

    def _run_packs(self, document: Document) -> DocumentResult:
        """Each pack's topic matrix and findings, merged: the first pack to judge a topic or finding wins."""
        from clausecheck.document.governing_law import governing_law
        from clausecheck.document.self_name import self_name
        from clausecheck.engine import run_pack
        from clausecheck.engine.applicability import mentioned_scopes
        from clausecheck.engine.weigh import Audience
        from clausecheck.extract.extractor import extract

        lang = self.locale or document.lang
        law = governing_law(document)
        audience = Audience(
            lang=lang,
            wording_lang=document.lang,
            governing=law.jurisdictions,
            all_jurisdictions=self.all_jurisdictions,
            agreement=self_name(document) if lang == document.lang else "",
        )
        parts = {b.id: b.part for b in document.blocks}
        topics: dict[str, TopicVerdict] = {}
        findings: dict[tuple[str, str, str], Finding] = {}
        roles: dict[str, list[str]] = {}
        undecided: list[str] = []
        for pack in self.packs:
            facts = extract(document, pack)
            undecided += [name for name in facts.undecided if name not in undecided]
            for role, aliases in facts.roles.items():
                known = roles.setdefault(role, [])
                known += [a for a in aliases if a not in known]
            scopes = mentioned_scopes(pack, (b.text for b in document.blocks))
            rows, found = run_pack(pack, facts, audience=audience, parts=parts, scopes=scopes)
            for row in rows:
                topics.setdefault(row.topic, row)
            for finding in found:
                findings.setdefault((finding.rule, finding.status, finding.fingerprint), finding)
        result = DocumentResult(
            path=document.source,
            lang=document.lang,
            locale=lang,
            pack="+".join(p.id for p in self.packs),
            roles=[RoleAssignment(role=r, aliases=a) for r, a in roles.items()],
            topics=list(topics.values()),
            findings=list(findings.values()),
            has_tracked_changes=document.has_tracked_changes,
            governing_law=list(law.jurisdictions),
            governing_law_clause=law.clause,
            applicable=not topics or any(t.status != "not_applicable" for t in topics.values()),
            warnings=[*document.warnings, *(undecided_parties(undecided, lang) if undecided else [])],
        )
        titles = {t.id: [t.title, *t.titles.values()] for pack in reversed(self.packs) for t in pack.topics.values()}
        return insertion_points(result, document, titles)


def _source_name(source: Source) -> str:
    if isinstance(source, Document):
        return source.source
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return getattr(source, "name", None) or "<bytes>"
