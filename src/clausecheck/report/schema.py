"""The JSON report's schema, generated from the `Report` model.

`clausecheck check --format json` prints `Report` exactly, so its schema is
the model's own, in serialization mode (every field is always written). It
is published as `docs/report-schema.json` for tools that read the report;
a test fails when the file and the models drift apart. Regenerate it with

    python -m tests.regenerate
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA_ID = "https://clausecheck.invalid/report-schema.json"
"""a name, not an address: the schema is read from `docs/`, never fetched"""


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `clausecheck check --format json`."""
    from clausecheck.findings import Report

    schema = Report.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "clausecheck report",
    }


def schema_text() -> str:
    """The schema as written to `docs/report-schema.json`."""
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"
