"""The command as a process: `python -m clausecheck` runs, and building it imports no heavy library.

These two need a fresh interpreter; every other command test runs in-process.
"""

from __future__ import annotations

import subprocess
import sys

import clausecheck


def test_python_m_clausecheck_reports_the_version():
    out = subprocess.run([sys.executable, "-m", "clausecheck", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"clausecheck {clausecheck.__version__}"


def test_building_the_command_imports_no_report_library():
    code = (
        "import sys; from clausecheck.cli import build_parser; build_parser(); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'jinja2', 'docx', 'durable', 'lark', 'pydantic', 'opencc'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
