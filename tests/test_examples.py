"""The bundled examples: each shows what its intent file says (stated by hand in `examples/src/*.intent.yaml`)."""

from __future__ import annotations

import pytest
import yaml

import clausecheck

from .report.kit import EXAMPLES, ROOT, example_path


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_shows_its_intent(name):
    intent = yaml.safe_load((ROOT / "examples" / "src" / f"{name}.intent.yaml").read_text("utf-8"))
    result = clausecheck.check(example_path(name), pack=EXAMPLES[name].pack).documents[0]
    topics = {t.topic: t for t in result.topics}
    for topic, want in intent["topics"].items():
        got = topics[topic]
        assert got.status == want["status"], topic
        if "kind" in want:
            assert want["kind"] in got.kinds, topic
        if "party" in want:
            assert got.party == want["party"], topic
    assert sorted({f.topic for f in result.findings if f.status == "forbidden"}) == sorted(intent["forbidden"])
    statuses = {t.status for t in result.topics} | {f.status for f in result.findings}
    assert {"present", "ambiguous", "missing", "forbidden"} <= statuses
