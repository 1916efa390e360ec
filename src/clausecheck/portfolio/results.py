"""Result files of a portfolio: JSON Lines and Parquet, written as results arrive and read back.

JSON Lines holds one `PortfolioResult` per line: the model of the JSON report,
for tools that read JSON. Parquet is for analytics (DuckDB, pandas, Spark,
a BI tool): one row per agreement (`record = 'document'`), one per agreement
and topic (`record = 'topic'`) and one per finding (`record = 'finding'`), in
one flat table; the agreement's columns repeat on each of its rows, and the
agreement row carries the whole result as JSON (`result`), so the portfolio
page reads either file without loss.

Both are written to a temporary file beside the target and moved into place
when the job ends (`report.output.open_atomically`); JSON Lines may also go to
standard output, line by line as results arrive.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import IO, Any

from clausecheck.errors import UsageError
from clausecheck.portfolio.extras import need
from clausecheck.portfolio.records import PortfolioResult
from clausecheck.report.output import open_atomically
from clausecheck.types import SEVERITY_ORDER

ROW_GROUP = 1000
"""agreements per Parquet row group: memory stays bounded however large the portfolio"""


class JsonLines:
    """Writes results as JSON Lines, to a file or (no path) to standard output as each arrives."""

    def __init__(self, path: str | None, *, never: tuple[str, ...] = ()) -> None:
        self._opened: AbstractContextManager[IO[bytes]] | None = open_atomically(path, never=never) if path else None
        self._file: IO[bytes] = self._opened.__enter__() if self._opened else sys.stdout.buffer

    def write(self, result: PortfolioResult) -> None:
        self._file.write(result.model_dump_json().encode("utf-8") + b"\n")
        if self._opened is None:
            self._file.flush()

    def close(self, error: BaseException | None = None) -> None:
        if self._opened is not None:
            self._opened.__exit__(type(error) if error else None, error, None)


def _columns(metadata: Sequence[str]) -> list[tuple[str, str]]:
    """The Parquet columns: name and type ('s' string, 'i' integer, 'b' boolean, 'l' list of strings)."""
    return [
        ("record", "s"),
        ("path", "s"),
        ("sha256", "s"),
        ("lang", "s"),
        ("pack", "s"),
        ("governing_law", "l"),
        ("error_type", "s"),
        ("error", "s"),
        ("findings", "i"),
        ("worst", "s"),
        ("topic", "s"),
        ("title", "s"),
        ("status", "s"),
        ("kinds", "l"),
        ("party", "s"),
        ("clauses", "l"),
        ("void", "b"),
        ("code", "s"),
        ("rule", "s"),
        ("severity", "s"),
        ("kind", "s"),
        ("message", "s"),
        ("fingerprint", "s"),
        ("result", "s"),
        *((f"meta_{name}", "s") for name in metadata),
    ]


def rows(result: PortfolioResult) -> list[dict[str, Any]]:
    """The Parquet rows of one agreement: its own, one per topic, one per finding."""
    common = {
        "path": result.path,
        "sha256": result.sha256,
        "lang": result.lang,
        "pack": result.pack,
        "governing_law": result.governing_law,
        "error_type": result.error_type,
        **{f"meta_{k}": v for k, v in result.metadata.items()},
    }
    worst = max((f.severity for f in result.findings), key=SEVERITY_ORDER.__getitem__, default=None)
    out: list[dict[str, Any]] = [
        {
            **common,
            "record": "document",
            "error": result.error,
            "findings": len(result.findings),
            "worst": worst,
            "result": result.model_dump_json(),
        }
    ]
    for t in result.topics:
        out.append(
            {
                **common,
                "record": "topic",
                "topic": t.topic,
                "title": t.title,
                "status": t.status,
                "kinds": list(t.kinds),
                "party": t.party,
                "clauses": t.clauses,
                "void": bool(t.void),
            }
        )
    for f in result.findings:
        out.append(
            {
                **common,
                "record": "finding",
                "topic": f.topic,
                "status": f.status,
                "kinds": [f.kind],
                "party": f.party,
                "clauses": [loc.clause for loc in f.locations if loc.clause],
                "code": f.code,
                "rule": f.rule,
                "severity": f.severity,
                "kind": f.kind,
                "message": f.message,
                "fingerprint": f.fingerprint,
            }
        )
    return out


class Parquet:
    """Writes results as Parquet rows, a row group per `ROW_GROUP` agreements."""

    def __init__(self, path: str, metadata: Sequence[str] = (), *, never: tuple[str, ...] = ()) -> None:
        self._pa = need("pyarrow", "parquet", "--format parquet")
        parquet = need("pyarrow.parquet", "parquet", "--format parquet")
        kinds = {
            "s": self._pa.string(),
            "i": self._pa.int64(),
            "b": self._pa.bool_(),
            "l": self._pa.list_(self._pa.string()),
        }
        self._schema = self._pa.schema([(name, kinds[kind]) for name, kind in _columns(metadata)])
        self._opened = open_atomically(path, never=never)
        self._writer = parquet.ParquetWriter(self._opened.__enter__(), self._schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self._agreements = 0

    def write(self, result: PortfolioResult) -> None:
        self._rows += rows(result)
        self._agreements += 1
        if self._agreements % ROW_GROUP == 0:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self, error: BaseException | None = None) -> None:
        if error is None:
            self._flush()
        self._writer.close()
        self._opened.__exit__(type(error) if error else None, error, None)


def load(path: str) -> Iterator[PortfolioResult]:
    """The results in a JSON Lines or Parquet file written by `clausecheck check`, one at a time."""
    try:
        with open(path, "rb") as f:
            magic = f.read(4)
    except OSError as e:
        raise UsageError(
            f"cannot read {path}: {e.strerror or e}", hint="give a results file of clausecheck check"
        ) from None
    if magic == b"PAR1":
        yield from _load_parquet(path)
        return
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield PortfolioResult.model_validate(json.loads(line))
            except ValueError as e:
                raise UsageError(
                    f"{path}:{number}: not a clausecheck result line ({str(e).splitlines()[0]})",
                    hint="give the output of clausecheck check --format jsonl or --format parquet",
                ) from None


def _load_parquet(path: str) -> Iterator[PortfolioResult]:
    parquet = need("pyarrow.parquet", "parquet", "reading Parquet results")
    compute = need("pyarrow.compute", "parquet", "reading Parquet results")
    try:
        file = parquet.ParquetFile(path)
        for batch in file.iter_batches(columns=["record", "result"]):
            documents = batch.filter(compute.equal(batch.column("record"), "document"))
            for text in documents.column("result").to_pylist():
                yield PortfolioResult.model_validate_json(text)
    except (OSError, KeyError, ValueError) as e:
        raise UsageError(
            f"{path}: not a clausecheck Parquet results file ({str(e).splitlines()[0]})",
            hint="give the output of clausecheck check --format parquet",
        ) from None
