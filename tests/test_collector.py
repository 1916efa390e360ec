"""The collector tuning of a process clausecheck runs itself (`clausecheck.collector`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_PROBE = """
import gc
from clausecheck.collector import STARTING_THRESHOLD, freeze, start_quietly
default = gc.get_threshold()
start_quietly()
starting = gc.get_threshold()
start_quietly()  # a second call keeps the first call's saved thresholds
freeze()
print(default == gc.get_threshold(), starting[0] == max(default[0], STARTING_THRESHOLD), gc.get_freeze_count() > 0)
"""


def test_a_quiet_start_collects_seldom_until_the_packs_are_frozen() -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True", "True"]


def test_the_command_loads_its_packs_under_the_starting_threshold() -> None:
    example = next((Path(__file__).parents[1] / "examples").glob("*.docx"))
    probe = (
        "import gc, sys\n"
        "import clausecheck.collector as c\n"
        "c.freeze = lambda: print('loaded under', gc.get_threshold()[0] >= c.STARTING_THRESHOLD)\n"
        f"sys.argv = ['clausecheck', 'check', '--format', 'json', {str(example)!r}]\n"
        "from clausecheck.cli import console\n"
        "console()\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout
    assert "loaded under True" in out
