"""`-o` writes what it is given to write and nothing else: links, FIFOs, devices, and never an input (issue 13)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading

import pytest

from clausecheck.errors import UsageError
from clausecheck.report.output import write_atomically
from clausecheck.testing.compose import compose_docx

AGREEMENT = 'This Agreement is made between A Ltd (the "Customer") and B Ltd (the "Supplier").\n1. The Supplier shall provide personal protective equipment.'


def run(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clausecheck", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def agreement(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(compose_docx(AGREEMENT))
    return path


def test_a_link_is_followed_and_its_target_replaced_whole(tmp_path, agreement):
    target = tmp_path / "reports" / "report.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    run("check", "--format", "json", "-o", str(link), str(agreement))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))["documents"][0]["path"] == str(agreement)
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]  # no temporary file left


def test_a_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomically(fifo, b"report\n")
    reader.join(10)
    assert received == [b"report\n"] and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_device_is_written_through_not_replaced(tmp_path):
    """On a null device of its own: the machine's /dev/null is shared and must never be put at risk by a test."""
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    write_atomically(null, b"report\n")
    assert stat.S_ISCHR(os.stat(null).st_mode) and os.stat(null).st_rdev == os.makedev(1, 3)


def test_dev_stdout_gets_the_report(agreement):
    out = run("check", "--format", "json", "-o", "/dev/stdout", str(agreement))
    assert json.loads(out.stdout)["documents"][0]["path"] == str(agreement)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(UsageError, match="it is a folder"):
        write_atomically(tmp_path, b"x")


def test_no_input_of_the_run_is_ever_written(tmp_path, agreement):
    pack = tmp_path / "mine" / "pack.ccr"
    pack.parent.mkdir()
    pack.write_text('pack mine "Mine" { extends safety-core }\n', encoding="utf-8")
    settings = tmp_path / "clausecheck.toml"
    settings.write_text('fail-on = "critical"\n', encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run("check", "--write-baseline", str(baseline), str(agreement), cwd=tmp_path).returncode == 0
    inputs = {p: p.read_bytes() for p in (pack, settings, baseline, agreement)}
    common = ["--pack", str(pack), "--baseline", str(baseline), "--config", str(settings)]
    for target in inputs:
        for command in (["check", *common, str(agreement)], ["annotate", *common, str(agreement)]):
            out = run(*command, "-o", str(target), cwd=tmp_path)
            assert out.returncode == 2 and "never writ" in out.stderr, (command, target, out.stderr)
    assert {p: p.read_bytes() for p in inputs} == inputs
