"""Generated files cannot drift: each committed one holds what `python -m tests.regenerate` would write.

That covers the example agreements, the goldens (every report format of each
example, and its annotated copy), the rule pages and the report schema. The
goldens are also checked against their schemas, so a regeneration cannot
commit an invalid report.
"""

from __future__ import annotations

import json

import pytest

from .regenerate import EXPECTED, GENERATED_FOLDERS, ROOT, generated_files, same_content
from .report.kit import validate_report, validate_sarif

FILES = generated_files()


@pytest.mark.parametrize("path", sorted(FILES), ids=lambda p: str(p.relative_to(ROOT)))
def test_generated_file_is_current(path):
    assert same_content(path, FILES[path]), f"{path.relative_to(ROOT)} is stale: run python -m tests.regenerate"


def test_generated_folders_hold_nothing_else():
    for folder, pattern in GENERATED_FOLDERS.items():
        stale = sorted(p.name for p in set(folder.glob(pattern)) - set(FILES))
        assert stale == [], f"{folder.relative_to(ROOT)}: run python -m tests.regenerate"


@pytest.mark.parametrize("path", sorted(p for p in FILES if p.parent == EXPECTED and p.suffix in (".json", ".sarif")))
def test_golden_reports_satisfy_their_schemas(path):
    data = json.loads(FILES[path])
    validate_report(data) if path.suffix == ".json" else validate_sarif(data)
