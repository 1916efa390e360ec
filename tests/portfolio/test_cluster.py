"""On a real Dask cluster (a scheduler and two worker processes on localhost): the same reports as a local batch,
streamed results, a worker killed mid-run losing nothing, a file that kills workers twice reported by name,
and the cache skipping what did not change."""

from __future__ import annotations

import json
import os
import signal

import pytest

from clausecheck.checker import Checker
from clausecheck.cli import main
from clausecheck.portfolio import sources
from clausecheck.portfolio.dask_pool import DaskPool
from clausecheck.portfolio.pools import run
from clausecheck.portfolio.results import load
from clausecheck.portfolio.worker import WorkerSpec
from clausecheck.testing.compose import compose_docx

from .conftest import agreement_text, examples_and_corpus, pids, write_agreements


def _json(argv: list[str], out: str) -> dict:
    code = main([*argv, "--format", "json", "-o", out])
    assert code in (0, 1), code
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def test_the_cluster_report_equals_the_local_batch_on_the_examples_and_corpus(dask_cluster, in_tmp):
    folder = examples_and_corpus(in_tmp / "agreements")
    local = _json(["check", "agreements", "-j", "1"], "local.json")
    on_cluster = _json(["check", "agreements", "--scheduler", dask_cluster.scheduler.address], "cluster.json")
    assert len(local["documents"]) == len(list(folder.rglob("*.docx"))) >= 3
    assert on_cluster == local


def test_results_stream_as_json_lines_and_parquet_rows(dask_cluster, in_tmp, capsys):
    write_agreements(in_tmp / "a", 12)
    address = dask_cluster.scheduler.address
    assert main(["check", "a", "--scheduler", address, "--format", "jsonl", "-o", "r.jsonl"]) == 1
    assert main(["check", "a", "--scheduler", address, "--format", "parquet", "-o", "r.parquet"]) == 1
    local = {d["path"]: d for d in _json(["check", "a"], "local.json")["documents"]}
    lines = [json.loads(line) for line in (in_tmp / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(line["path"] for line in lines) == sorted(local)
    for line in lines:
        assert {k: v for k, v in line.items() if k not in ("sha256", "parties", "metadata")} == local[line["path"]]
        assert len(line["sha256"]) == 64
        number = int(line["path"].removeprefix("a/a").removesuffix(".docx"))
        assert {"role": "client", "name": f"Client {number} Limited"} in line["parties"]
    from_parquet = {r.path: r.model_dump() for r in load("r.parquet")}
    assert from_parquet == {r.path: r.model_dump() for r in load("r.jsonl")}

    import pyarrow.parquet as pq

    table = pq.read_table("r.parquet").to_pylist()
    kinds = [row["record"] for row in table]
    assert kinds.count("document") == 12
    assert kinds.count("topic") == sum(len(d["topics"]) for d in local.values())
    assert kinds.count("finding") == sum(len(d["findings"]) for d in local.values())
    waivers = {row["path"] for row in table if row["record"] == "finding" and row["rule"] == "injury.waiver"}
    assert waivers == {p for p, d in local.items() if any(f["rule"] == "injury.waiver" for f in d["findings"])}
    assert "12 agreement(s)" in capsys.readouterr().out


def test_a_worker_killed_mid_run_loses_no_agreement(dask_cluster, tmp_path):
    paths = write_agreements(tmp_path / "a", 40)
    checker = Checker()
    expected = {str(p): checker.check_isolated(str(p)).result.model_dump() for p in paths}
    agreements, _ = sources.expand([str(tmp_path / "a")])
    workers = dask_cluster.run(os.getpid)  # address -> pid of the worker processes this test's cluster started
    killed: list[int] = []

    def kill_one(done) -> None:
        if not killed:  # the first chunk is done: kill a worker while it runs another
            busy = [address for address, keys in dask_cluster.processing().items() if keys]
            killed.append(workers[(busy or list(workers))[0]])
            os.kill(killed[0], signal.SIGKILL)

    pool = DaskPool(dask_cluster, WorkerSpec.of(checker), chunk=4)
    results = list(run(agreements, pool, on_done=kill_one))
    assert killed
    assert sorted(d.index for d in results) == list(range(40))
    for done in results:
        assert done.result.error is None, done.result.error
        plain = done.result.model_dump(exclude={"sha256", "parties", "metadata"})
        assert plain == expected[done.result.path]
    dask_cluster.wait_for_workers(2, timeout=60)  # the nanny restarted it
    assert killed[0] not in pids(dask_cluster)


class _KillOnKey:
    """A worker plugin standing in for a file that crashes the reader: the worker dies running its tasks."""

    name = "kill-on-key"

    def __init__(self, keys: set[str]) -> None:
        self.keys = keys

    def setup(self, worker) -> None:
        pass

    def transition(self, key, start, finish, **kwargs) -> None:
        if key in self.keys and finish == "executing":
            os._exit(1)


@pytest.mark.parametrize("chunk", [1, 3])
def test_a_file_that_kills_workers_twice_is_an_error_with_its_name(dask_cluster, tmp_path, chunk):
    """Alone, the file kills two workers and is reported; in a chunk (0-2, 3-5), the chunk is split first."""
    from distributed import WorkerPlugin

    paths = write_agreements(tmp_path / "a", 6)
    agreements, _ = sources.expand([str(tmp_path / "a")])
    pool = DaskPool(dask_cluster, WorkerSpec.of(Checker()), chunk=chunk)
    plugin = type("KillOnKey", (_KillOnKey, WorkerPlugin), {})({pool.key(3), pool.chunk_key(3)})
    dask_cluster.register_plugin(plugin, name=_KillOnKey.name)
    try:
        results = {d.index: d.result for d in run(agreements, pool)}
    finally:
        dask_cluster.unregister_worker_plugin(_KillOnKey.name)
    assert sorted(results) == list(range(6))
    killer = results.pop(3)
    assert killer.error_type == "WorkerError"
    assert killer.error.startswith(f"{paths[3]}: worker processes died while checking it")
    assert all(r.error is None for r in results.values())
    dask_cluster.wait_for_workers(2, timeout=60)


def test_the_cache_skips_unchanged_agreements_and_rechecks_changed_ones(dask_cluster, in_tmp, capsys):
    paths = write_agreements(in_tmp / "a", 8)
    flags = ["--scheduler", dask_cluster.scheduler.address, "--cache", "cache", "--format", "jsonl"]
    assert main(["check", "a", *flags, "-o", "1.jsonl"]) == 1
    assert "0 of 8 agreement(s) from the cache" in capsys.readouterr().err
    assert main(["check", "a", *flags, "-o", "2.jsonl"]) == 1
    assert "8 of 8 agreement(s) from the cache" in capsys.readouterr().err
    assert sorted((in_tmp / "1.jsonl").read_text().splitlines()) == sorted(
        (in_tmp / "2.jsonl").read_text().splitlines()
    )

    paths[0].write_bytes(compose_docx(agreement_text(99)))  # changed: a new hash, checked again
    (in_tmp / "a" / "new.docx").write_bytes(paths[2].read_bytes())  # a copy: same bytes, new name
    assert main(["check", "a", *flags, "-o", "3.jsonl"]) == 1
    assert "8 of 9 agreement(s) from the cache" in capsys.readouterr().err
    third = {r.path: r for r in load("3.jsonl")}
    first = {r.path: r for r in load("1.jsonl")}
    fresh = Checker().check_isolated("a/a000.docx").result
    assert third["a/a000.docx"].model_dump(include=set(type(fresh).model_fields)) == fresh.model_dump()
    assert third["a/a000.docx"].sha256 != first["a/a000.docx"].sha256
    assert {"role": "provider", "name": "Provider 3 Ltd"} in [p.model_dump() for p in third["a/a000.docx"].parties]
    assert third["a/new.docx"].model_dump(exclude={"path"}) == first["a/a002.docx"].model_dump(exclude={"path"})
    for name, result in first.items():
        if name != "a/a000.docx":
            assert third[name] == result


def test_hostile_files_fail_one_by_one_on_the_workers(dask_cluster, in_tmp, capsys):
    from tests.document.packages import replace_parts

    write_agreements(in_tmp / "a", 2)
    good = (in_tmp / "a" / "a000.docx").read_bytes()
    (in_tmp / "a" / "bomb.docx").write_bytes(replace_parts(good, {"word/document.xml": b" " * (4 * 1024 * 1024)}))
    (in_tmp / "a" / "empty.docx").write_bytes(b"")
    (in_tmp / "a" / "legacy.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    code = main(["check", "a", "--scheduler", dask_cluster.scheduler.address, "--format", "jsonl", "-o", "r.jsonl"])
    assert code == 2
    results = {r.path: r for r in load("r.jsonl")}
    assert results["a/bomb.docx"].error_type == "UnsafeDocument"
    assert results["a/empty.docx"].error_type == "EmptyDocument"
    assert results["a/legacy.docx"].error_type in ("LegacyDocFormat", "CorruptDocument", "NotADocx")
    assert results["a/a000.docx"].error is None and results["a/a001.docx"].error is None
    err = capsys.readouterr().err
    for name in ("a/bomb.docx", "a/empty.docx", "a/legacy.docx"):
        assert f"clausecheck: error: {name}: " in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_a_local_cluster_started_by_the_command(in_tmp):
    write_agreements(in_tmp / "a", 4)
    assert _json(["check", "a", "--cluster", "local:2"], "cluster.json") == _json(["check", "a"], "local.json")
