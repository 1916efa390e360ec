"""The published report schema is the model's, and real reports satisfy it."""

from __future__ import annotations

import copy

import jsonschema
import pytest

import clausecheck

from .kit import EXAMPLES, REPORT_SCHEMA, example_path, validate_report


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(REPORT_SCHEMA)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_reports_validate(name):
    report = clausecheck.check(example_path(name), pack=EXAMPLES[name].pack).model_dump(mode="json")
    validate_report(report)


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
