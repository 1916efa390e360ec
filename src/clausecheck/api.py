"""The public entry point: `check(source, pack=...) -> Report`.

Data flows one way: read the agreement, extract statements with the pack's
lexicon, run the pack's rules in the engine, and return the report models.
Nothing here keeps state a caller can see: packs and compiled rules are
cached per process, the engine serialises its own access, so `check` is safe
from several threads and from worker processes (each builds its own engine).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import BinaryIO

from clausecheck import __version__
from clausecheck.document.model import Document, Lang
from clausecheck.dsl.model import Pack
from clausecheck.errors import DocumentError
from clausecheck.findings import DocumentResult, Finding, Report, RoleAssignment, TopicVerdict

Source = str | os.PathLike[str] | bytes | BinaryIO | Document
PackSpec = str | os.PathLike[str] | Pack


def resolve_packs(packs: PackSpec | Sequence[PackSpec], search_path: Sequence[str | os.PathLike[str]] = ()) -> list[Pack]:
    """Packs named by name, path or already loaded, in order."""
    from clausecheck.dsl.loader import load_pack

    specs = [packs] if isinstance(packs, (str, os.PathLike, Pack)) else list(packs)
    return [spec if isinstance(spec, Pack) else load_pack(spec, search_path=search_path) for spec in specs]


def _source_name(source: Source) -> str:
    if isinstance(source, Document):
        return source.source
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return getattr(source, "name", None) or "<bytes>"


def _read(source: Source) -> Document:
    if isinstance(source, Document):
        return source
    from clausecheck.document.reader import read_document

    return read_document(source)


def evaluate_document(document: Document, packs: list[Pack], locale: Lang | None = None) -> DocumentResult:
    """Judge one read agreement against each pack; one result, findings of all packs."""
    from clausecheck.engine import evaluate
    from clausecheck.extract.extractor import extract

    lang = locale or document.lang
    parts = {b.id: b.part for b in document.blocks}
    topics: dict[str, TopicVerdict] = {}
    findings: dict[tuple[str, str, str], Finding] = {}
    roles: dict[str, list[str]] = {}
    for pack in packs:
        facts = extract(document, pack)
        for role, aliases in facts.roles.items():
            roles.setdefault(role, [])
            roles[role] += [a for a in aliases if a not in roles[role]]
        rows, found = evaluate(pack, facts, lang=lang, parts=parts)
        for row in rows:
            topics.setdefault(row.topic, row)
        for finding in found:
            findings.setdefault((finding.rule, finding.status, finding.fingerprint), finding)
    return DocumentResult(
        path=document.source,
        lang=document.lang,
        pack="+".join(p.id for p in packs),
        roles=[RoleAssignment(role=r, aliases=a) for r, a in roles.items()],
        topics=list(topics.values()),
        findings=list(findings.values()),
        has_tracked_changes=document.has_tracked_changes,
    )


def check_one(source: Source, packs: list[Pack], locale: Lang | None = None) -> DocumentResult:
    """Like `check` for one agreement, but an unreadable file becomes a result carrying its error."""
    try:
        document = _read(source)
    except DocumentError as e:
        return DocumentResult(path=_source_name(source), error=str(e), error_type=type(e).__name__)
    return evaluate_document(document, packs, locale)


def check(
    source: Source | Sequence[Source],
    pack: PackSpec | Sequence[PackSpec] = "safety-core",
    *,
    locale: Lang | None = None,
    search_path: Sequence[str | os.PathLike[str]] = (),
) -> Report:
    """Check one agreement (a path, bytes, a binary file or a read `Document`) or several.

    Raises `ClauseCheckError` subclasses for an unknown or broken pack and, when
    a single agreement is given, for an agreement that cannot be read. With a
    list, an unreadable agreement is reported in its result's `error` instead.
    """
    packs = resolve_packs(pack, search_path)
    if isinstance(source, (list, tuple)):
        results = [check_one(s, packs, locale) for s in source]
    else:
        results = [evaluate_document(_read(source), packs, locale)]
    return Report(version=__version__, packs=[p.id for p in packs], documents=results)
