"""Agreements and caches in object storage (a local S3-compatible server, moto, through s3fs), zip archives,
file:// URLs, and the extras: without them a clear error names the one to install, and `import clausecheck`
needs none of them."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

from clausecheck.checker import Checker
from clausecheck.cli import main
from clausecheck.portfolio.results import load

from .conftest import ROOT, s3, storage_flags, write_agreements


def _plain(result) -> dict:
    return result.model_dump(exclude={"path", "sha256", "parties", "metadata"})


def test_agreements_in_s3_are_read_by_the_workers_and_cached_in_s3(dask_cluster, s3_server, tmp_path, capsys):
    paths = write_agreements(tmp_path / "a", 6)
    fs = s3(s3_server)
    fs.mkdir("contracts")
    for path in paths:
        fs.pipe(f"contracts/2025/{path.name}", path.read_bytes())
    fs.pipe("contracts/2025/old.doc", b"\xd0\xcf\x11\xe0")
    fs.pipe("contracts/2025/broken.docx", b"not a word file")
    expected = {p.name: _plain(Checker().check_isolated(str(p)).result) for p in paths}

    out = tmp_path / "r.jsonl"
    flags = [*storage_flags(s3_server), "--scheduler", dask_cluster.scheduler.address, "--format", "jsonl"]
    cache = ["--cache", "s3://contracts-cache/v"]
    fs.mkdir("contracts-cache")
    assert main(["check", "s3://contracts/2025/", *flags, *cache, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "0 of 7 agreement(s) from the cache" in err
    assert "clausecheck: error: s3://contracts/2025/broken.docx: " in err
    assert "clausecheck: skipped s3://contracts/2025/old.doc: a Word 97-2003 document" in err
    results = {r.path: r for r in load(str(out))}
    assert sorted(results) == sorted(f"s3://contracts/2025/{n}" for n in [*expected, "broken.docx"])
    for name, plain in expected.items():
        assert _plain(results[f"s3://contracts/2025/{name}"]) == plain
    assert fs.find("contracts-cache/v"), "the workers wrote the cache to S3"

    assert main(["check", "s3://contracts/2025/*.docx", *flags, *cache, "-o", str(out)]) == 2
    assert "7 of 7 agreement(s) from the cache" in capsys.readouterr().err
    assert {r.path: r for r in load(str(out))} == results


def test_a_zip_archive_local_or_in_s3_is_a_source(dask_cluster, s3_server, tmp_path, capsys):
    paths = write_agreements(tmp_path / "a", 3)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in paths:
            archive.write(path, f"2024/{path.name}")
        archive.writestr("2024/scan.pdf", b"%PDF")
    (tmp_path / "export.zip").write_bytes(buffer.getvalue())
    fs = s3(s3_server)
    fs.mkdir("exports")
    fs.pipe("exports/export.zip", buffer.getvalue())
    expected = [_plain(Checker().check_isolated(str(p)).result) for p in paths]

    local = tmp_path / "local.jsonl"
    assert main(["check", str(tmp_path / "export.zip"), "--format", "jsonl", "-o", str(local)]) == 1
    assert "scan.pdf: a PDF" in capsys.readouterr().err
    remote = tmp_path / "remote.jsonl"
    flags = [*storage_flags(s3_server), "--scheduler", dask_cluster.scheduler.address, "--format", "jsonl"]
    assert main(["check", "s3://exports/export.zip", *flags, "-o", str(remote)]) == 1
    for out, prefix in ((local, f"{tmp_path}/export.zip"), (remote, "s3://exports/export.zip")):
        results = sorted(load(str(out)), key=lambda r: r.path)
        assert [r.path for r in results] == [f"{prefix}/2024/{p.name}" for p in paths]
        assert [_plain(r) for r in results] == expected


def test_a_zip_bomb_inside_an_archive_is_refused_by_name(tmp_path, capsys):
    paths = write_agreements(tmp_path / "a", 1)
    with zipfile.ZipFile(tmp_path / "export.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(paths[0], "ok.docx")
        archive.writestr("bomb.docx", b"\0" * (8 * 1024 * 1024))
    assert main(["check", str(tmp_path / "export.zip"), "--format", "jsonl", "-o", str(tmp_path / "r.jsonl")]) == 2
    err = capsys.readouterr().err
    assert f"clausecheck: error: {tmp_path}/export.zip/bomb.docx: the archive member inflates" in err
    results = {r.path.rsplit("/", 1)[1]: r for r in load(str(tmp_path / "r.jsonl"))}
    assert results["bomb.docx"].error_type == "UnsafeDocument" and results["ok.docx"].error is None


def test_file_urls_and_globs_read_like_paths_in_this_process_or_local_workers(in_tmp):
    write_agreements(in_tmp / "a", 3)
    assert main(["check", f"file://{in_tmp}/a/", "--format", "jsonl", "-o", "url.jsonl"]) == 1
    assert main(["check", "a/*.docx", "--format", "jsonl", "-o", "glob.jsonl", "--jobs", "2"]) == 1
    by_url = {r.path.rsplit("/", 1)[1]: _plain(r) for r in load("url.jsonl")}
    assert by_url == {r.path.rsplit("/", 1)[1]: _plain(r) for r in load("glob.jsonl")}
    assert len(by_url) == 3


def _without(modules: list[str], argv: list[str]) -> subprocess.CompletedProcess[str]:
    """`clausecheck argv` in a fresh interpreter where `modules` cannot be imported (as if not installed)."""
    code = (
        "import sys\n"
        f"for name in {modules!r}: sys.modules[name] = None\n"
        "from clausecheck.cli import main\n"
        f"sys.exit(main({argv!r}))\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_a_missing_extra_is_named(tmp_path):
    example = str(ROOT / "examples" / "onsite-maintenance.en.docx")
    out = _without(["distributed"], ["check", example, "--cluster", "local:1"])
    assert out.returncode == 2, out.stderr
    assert "install it with: pip install 'clausecheck[dask]'" in out.stderr and "Traceback" not in out.stderr
    out = _without(["s3fs"], ["check", "s3://bucket/prefix/"])
    assert out.returncode == 2, out.stderr
    assert "pip install 'clausecheck[s3]'" in out.stderr and "Traceback" not in out.stderr
    out = _without(["pyarrow"], ["check", example, "--format", "parquet", "-o", str(tmp_path / "r.parquet")])
    assert out.returncode == 2, out.stderr
    assert "pip install 'clausecheck[parquet]'" in out.stderr and not (tmp_path / "r.parquet").exists()


def test_the_base_install_imports_no_heavy_dependency():
    code = (
        "import sys, json, clausecheck\n"
        "from clausecheck.cli import main\n"
        "main(['check', 'examples/onsite-maintenance.en.docx', '--format', 'json', '-o', '/dev/null'])\n"
        "print(json.dumps(sorted(m for m in ('dask', 'distributed', 'pandas', 'pyarrow', 'fsspec', 's3fs') "
        "if m in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert json.loads(out.stdout.splitlines()[-1]) == [], out.stderr
