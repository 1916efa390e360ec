"""The rule-language fuzzer, bounded for the fast suite (the long run is `bench/fuzz_bench.py`)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from clausecheck.limits import Limits
from clausecheck.testing.compose import compose_docx

from .dsl_fuzz import judge, pack_texts

AGREEMENTS = [
    compose_docx(
        'This Agreement is made between A Ltd (the "Customer") and B Ltd (the "Supplier").\n'
        "1. The Supplier shall provide personal protective equipment in the server room " + "a" * 40 + "!\n"
        "2. The Supplier shall not be liable for any death or personal injury.\n"
        "第一条 甲方应当告知现场危险；乙方应当遵守安全规定。\n"
        "第二條 乙方應當為其人員投保。"
    )
]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(pack_texts)
def test_every_pack_is_refused_with_a_position_or_checks_within_budget(tmp_path, text):
    assert judge(text, tmp_path / "fuzzed", AGREEMENTS, Limits(seconds=5.0)) in ("refused", "checked")


@pytest.mark.slow
@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(pack_texts)
def test_the_fuzzer_at_length(tmp_path, text):
    """CI runs this longer sweep (`.ci/run` runs the slow tests too); `bench/fuzz_bench.py` runs thousands."""
    assert judge(text, tmp_path / "fuzzed", AGREEMENTS, Limits(seconds=5.0)) in ("refused", "checked")
