"""Building the reader's pydantic models from values it has already made valid.

A 300-page agreement has some 10,000 blocks, table cells and clause nodes.
`model_construct()` resolves aliases and defaults field by field, which took a
third of the whole read; the reader always passes every field, already
valid, so it sets the same four attributes `model_construct()` sets and
nothing else. Every model of a class has every field set, so they share one
set of field names (a set per block was a third of a read's memory; pydantic
copies it before changing it, in `model_copy`). `tests/document/test_model_building.py`
checks the result is indistinguishable from a validated model.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__


_every_field: dict[type[BaseModel], set[str]] = {}


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """`cls.model_construct(**values)` for a complete and valid `values` (every field given)."""
    fields = _every_field.get(cls)
    if fields is None:
        fields = _every_field[cls] = set(cls.model_fields)
    assert len(values) == len(fields), f"{cls.__name__}: every field must be given"
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", fields)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj
