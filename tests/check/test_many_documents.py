"""One process, 2,000 agreements: results stay right and memory stays flat (the engine's sessions are freed)."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pytest

import clausecheck
from clausecheck.testing.compose import compose_docx

from .test_api import AGREEMENT_EN, AGREEMENT_ZH


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _two_thousand_checks() -> tuple[int | None, dict[int, float]]:
    """The first run whose result differs from the first check of its agreement (None: none does), and the
    process's resident memory after 200 and 2,000 checks."""
    pack = clausecheck.load_pack("safety-core")
    documents = [clausecheck.read_document(compose_docx(text)) for text in (AGREEMENT_ZH, AGREEMENT_EN)]
    expected = [clausecheck.check(d, pack=pack).documents[0].model_dump() for d in documents]
    rss = {}
    for i in range(2000):
        if clausecheck.check(documents[i % 2], pack=pack).documents[0].model_dump() != expected[i % 2]:
            return i, rss
        if i + 1 in (200, 2000):
            rss[i + 1] = _rss_mb()
    return None, rss


@pytest.mark.slow
def test_two_thousand_agreements_in_one_process():
    # a process of its own: what earlier tests left in this one (fuzzed packs' rulesets) is not the check's
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        mismatch, rss = pool.submit(_two_thousand_checks).result()
    assert mismatch is None, mismatch
    assert rss[2000] - rss[200] < 20, rss  # MB: flat, not growing with the number of sessions
    assert rss[2000] < 300, rss
