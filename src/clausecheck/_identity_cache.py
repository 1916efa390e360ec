"""A cache keyed by object identity, for things built once per resolved pack.

Resolved packs are immutable but hold dicts, so they cannot be hashed;
`load_pack` returns the same object for the same file, so identity is the
right key. The cache keeps a reference to each key object so an id is never
reused while its entry lives. When the oldest entry makes room for a new
one, `on_evict` is called with its value: what a value holds outside Python
(the engine's compiled rulesets) is released with it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class IdentityCache(Generic[K, V]):
    """Builds a value once per key object, thread-safely."""

    def __init__(
        self, build: Callable[[K], V], max_entries: int = 32, on_evict: Callable[[V], None] | None = None
    ) -> None:
        self._build = build
        self._on_evict = on_evict
        self._max = max_entries
        self._entries: dict[int, tuple[K, V]] = {}
        self._lock = threading.Lock()

    def __call__(self, key: K) -> V:
        with self._lock:
            entry = self._entries.get(id(key))
            if entry is not None and entry[0] is key:
                return entry[1]
        value = self._build(key)
        evicted = []
        with self._lock:
            while len(self._entries) >= self._max:
                evicted.append(self._entries.pop(next(iter(self._entries)))[1])
            self._entries[id(key)] = (key, value)
        if self._on_evict is not None:
            for old in evicted:
                self._on_evict(old)
        return value
