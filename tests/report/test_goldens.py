"""Every report format, and the annotated copy's XML, for each bundled example, against generated goldens."""

from __future__ import annotations

import json

import pytest

from .goldens import GOLDENS, render
from .kit import EXAMPLES, validate_report, validate_sarif


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_outputs_match_their_goldens(name):
    outputs = render(name)
    validate_report(json.loads(outputs[f"{name}.json"]))
    validate_sarif(json.loads(outputs[f"{name}.sarif"]))
    for file, text in outputs.items():
        golden = GOLDENS / file
        assert golden.exists(), f"no golden {file}: run python tests/report/goldens.py"
        assert text == golden.read_text(encoding="utf-8"), (
            f"{file} changed: run python tests/report/goldens.py and review the diff"
        )
