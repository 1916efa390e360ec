"""Patterns compiled at first use behave as the compiled pattern does, and cost nothing until then."""

from __future__ import annotations

import copy
import pickle
import re

from clausecheck._lazy_re import lazy_compile


def test_a_lazy_pattern_is_compiled_only_when_first_used() -> None:
    pattern = lazy_compile(r"shall\s+(provide|supply)", re.IGNORECASE)
    assert pattern.pattern == r"shall\s+(provide|supply)"  # other patterns are built from it, uncompiled
    assert "search" not in vars(pattern)
    found = pattern.search("The Contractor SHALL  supply helmets")
    assert found is not None and found.group(1) == "supply"
    assert "search" in vars(pattern)  # kept: later calls go straight to the compiled pattern


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source = r"(?P<label>\d+(?:\.\d+)*)\s+"
    lazy, eager = lazy_compile(source), re.compile(source)
    text = "7.3 Insurance 8 Safety 9.1.2 Emergencies"
    assert [m.group("label") for m in lazy.finditer(text)] == [m.group("label") for m in eager.finditer(text)]
    assert lazy.sub("", text) == eager.sub("", text)
    assert lazy.split(text) == eager.split(text)
    assert (lazy.groups, lazy.groupindex, lazy.flags) == (eager.groups, eager.groupindex, eager.flags)


def test_a_lazy_pattern_survives_copy_and_pickle() -> None:
    pattern = lazy_compile(r"shall\s+provide", re.IGNORECASE)
    for twin in (copy.deepcopy(pattern), pickle.loads(pickle.dumps(pattern))):
        assert twin.search("The Supplier SHALL provide helmets") is not None
