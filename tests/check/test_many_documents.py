"""One process, 2,000 agreements: results stay right and memory stays flat (the engine's sessions are freed)."""

from __future__ import annotations

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


@pytest.mark.slow
def test_two_thousand_agreements_in_one_process():
    pack = clausecheck.load_pack("safety-core")
    documents = [clausecheck.read_document(compose_docx(text)) for text in (AGREEMENT_ZH, AGREEMENT_EN)]
    expected = [clausecheck.check(d, pack=pack).documents[0].model_dump() for d in documents]
    rss = {}
    for i in range(2000):
        result = clausecheck.check(documents[i % 2], pack=pack).documents[0].model_dump()
        assert result == expected[i % 2], i
        if i + 1 in (200, 2000):
            rss[i + 1] = _rss_mb()
    assert rss[2000] - rss[200] < 20, rss  # MB: flat, not growing with the number of sessions
    assert rss[2000] < 300, rss
