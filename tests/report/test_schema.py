"""The published report schema is the model's, and real reports satisfy it."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

import clausecheck
from clausecheck.report.schema import schema_text

from .kit import EXAMPLES, REPORT_SCHEMA, ROOT, example_path, validate_report


def test_docs_schema_is_generated_from_the_models():
    committed = (ROOT / "docs" / "report-schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: python -m clausecheck.report.schema docs/report-schema.json"


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(REPORT_SCHEMA)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_reports_validate(name):
    report = clausecheck.check(example_path(name), pack=EXAMPLES[name]).model_dump(mode="json")
    validate_report(report)
    committed = json.loads((ROOT / "examples" / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    validate_report(committed)


def test_schema_rejects_what_the_model_would_not_write():
    report = clausecheck.check(example_path("onsite-maintenance.en"), pack="safety-core").model_dump(mode="json")
    broken = copy.deepcopy(report)
    broken["documents"][0]["findings"][0]["status"] = "fine"
    with pytest.raises(jsonschema.ValidationError):
        validate_report(broken)
    extra = copy.deepcopy(report)
    extra["documents"][0]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        validate_report(extra)
