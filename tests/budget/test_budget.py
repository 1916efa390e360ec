"""The time and memory budget of one agreement: the checker holds it, the command and settings set it."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from clausecheck.budget import checkpoint, enforced, remaining
from clausecheck.checker import Checker, CheckerSettings
from clausecheck.config import load_config, parse_limits
from clausecheck.errors import BudgetExceeded, UsageError
from clausecheck.limits import DEFAULT_MEMORY_BYTES, DEFAULT_SECONDS, Limits
from clausecheck.testing import hostile


@pytest.fixture(scope="module")
def long_agreement() -> bytes:
    return hostile.long_paragraph(1_000_000)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clausecheck", *args], capture_output=True, text=True)


def test_the_default_budget_is_20_seconds_and_1_5_gb():
    assert Checker().limits == Limits(seconds=DEFAULT_SECONDS, memory_bytes=DEFAULT_MEMORY_BYTES)
    assert (DEFAULT_SECONDS, DEFAULT_MEMORY_BYTES) == (20.0, 1536 * 2**20)


def test_an_agreement_past_its_time_budget_is_one_clear_error(long_agreement):
    checker = Checker(limits=Limits(seconds=0.01))
    with pytest.raises(BudgetExceeded, match=r"<bytes>: checking it took more than 0.01 s"):
        checker.check(long_agreement)
    result = checker.check_isolated(long_agreement).result
    assert result.error_type == "BudgetExceeded" and "--timeout" in result.error


def test_an_agreement_past_its_memory_budget_is_one_clear_error(long_agreement):
    result = Checker(limits=Limits(memory_bytes=1)).check_isolated(long_agreement).result
    assert result.error_type == "BudgetExceeded" and "more than the memory budget" in result.error


def test_without_budgets_the_same_agreement_is_judged(long_agreement):
    result = Checker(limits=Limits(seconds=None, memory_bytes=None)).check(long_agreement).result
    assert result.error is None and result.topics


def test_the_budget_travels_to_worker_processes_with_the_settings():
    limits = Limits(seconds=3.0, memory_bytes=2**30)
    settings = Checker(limits=limits).settings
    assert settings.limits == limits and Checker.from_settings(settings).limits == limits
    assert CheckerSettings().limits == Limits()


def test_each_thread_has_its_own_budget():
    seen: dict[str, float | None] = {}

    def judge(name: str, seconds: float | None) -> None:
        with enforced(Limits(seconds=seconds), name):
            checkpoint()
            seen[name] = remaining()

    threads = [threading.Thread(target=judge, args=(n, s)) for n, s in (("a", 100.0), ("b", None))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen["a"] is not None and 0 < seen["a"] <= 100 and seen["b"] is None
    assert remaining() is None  # outside any agreement there is no budget


def test_timeout_and_max_memory_flags_and_settings(tmp_path):
    assert parse_limits("2.5", "800M", "x") == Limits(seconds=2.5, memory_bytes=800 * 2**20)
    assert parse_limits("0", "0", "x") == Limits(seconds=None, memory_bytes=None)
    assert parse_limits(None, "1.5G", "x") == Limits()
    for timeout, memory in (("soon", None), ("-1", None), ("inf", None), (None, "lots"), (None, "-5M")):
        with pytest.raises(UsageError):
            parse_limits(timeout, memory, "x")
    settings = tmp_path / "clausecheck.toml"
    settings.write_text('timeout = 5\nmax-memory = "1G"\n', encoding="utf-8")
    config = load_config(settings)
    assert parse_limits(config.timeout, config.max_memory, "s") == Limits(seconds=5.0, memory_bytes=2**30)


def test_the_command_reports_a_budget_error_with_exit_2(tmp_path, long_agreement):
    path = tmp_path / "long.docx"
    path.write_bytes(long_agreement)
    out = run("check", "--timeout", "0.01", str(path))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "the time budget of one agreement" in out.stderr
    out = run("annotate", "--max-memory", "1K", str(path), "-o", str(tmp_path / "out.docx"))
    assert out.returncode == 2 and "the memory budget of one agreement" in out.stderr
    assert not (tmp_path / "out.docx").exists()
    out = run("check", "--timeout", "soon", str(path))
    assert out.returncode == 2 and "timeout must be a number of seconds" in out.stderr
