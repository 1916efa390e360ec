"""Building the reader's pydantic models from values it has already made valid.

A 300-page agreement has some 10,000 blocks, table cells and clause nodes.
`model_construct()` resolves aliases and defaults field by field, which took a
third of the whole read; the reader always passes every field, already
valid, so it sets the same four attributes `model_construct()` sets and
nothing else. `tests/document/test_model_building.py` checks the result is
indistinguishable from a validated model.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """`cls.model_construct(**values)` for a complete and valid `values` (every field given)."""
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj
