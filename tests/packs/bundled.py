"""Every bundled pack, resolved once for the whole session."""

from __future__ import annotations

from clausecheck.dsl.loader import available_packs, load_pack
from clausecheck.dsl.model import Pack

BUNDLED: dict[str, Pack] = {name: load_pack(name) for name in available_packs(search_path=())}
