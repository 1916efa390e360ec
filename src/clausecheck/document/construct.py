"""Building the reader's pydantic models from values it has already made valid.

A 300-page agreement has some 10,000 blocks, table cells and clause nodes.
`model_construct()` resolves aliases and defaults field by field, which took a
third of the whole read; the reader always passes every field, already
valid, so it sets the same four attributes `model_construct()` sets and
nothing else. Every model of a class has every field set, so they share one
set of field names (a set per block was a third of a read's memory; pydantic
copies it before changing it, in `model_copy`). Their attribute dicts share
one key table too, as a plain class's instances do (PEP 412): a copy of a
class's shared-key dict filled with the values takes 300 bytes for a block
against 460 for a dict of its own, a tenth of an agreement's blocks.
`tests/document/test_model_building.py` checks the result is
indistinguishable from a validated model.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__


_every_field: dict[type[BaseModel], tuple[set[str], dict[str, Any]]] = {}


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """`cls.model_construct(**values)` for a complete and valid `values` (every field given)."""
    known = _every_field.get(cls)
    if known is None:
        known = _every_field[cls] = (set(cls.model_fields), _shared_keys(cls))
    fields, shared = known
    assert len(values) == len(fields), f"{cls.__name__}: every field must be given"
    attributes = shared.copy()
    attributes.update(values)
    obj = cls.__new__(cls)
    _set(obj, "__dict__", attributes)
    _set(obj, "__pydantic_fields_set__", fields)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def _shared_keys(cls: type[BaseModel]) -> dict[str, Any]:
    """A dict of every field of `cls`, in field order, on the class's shared key table (set attribute by
    attribute, as an instance's own dict is made)."""
    template = cls.__new__(cls)
    for name in cls.model_fields:
        _set(template, name, None)
    return template.__dict__
