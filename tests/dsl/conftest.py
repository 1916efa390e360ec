"""Helpers to write small pack folders in a temporary directory."""

from __future__ import annotations

from pathlib import Path

import pytest

BASE = '''pack base "Base pack" {
  version "1"
  languages zh-Hans, zh-Hant, en
}
party client "Client" { zh-Hans "甲方单位" en "Client" }
party provider "Provider" { en "Supplier" }
topic ppe "Protective equipment" {
  title zh-Hans "劳动防护用品"
  zh-Hans "劳动防护用品"
  en "PPE" /hard ?hats?/
  near inj { en "injury" }
}
topic machine_room "Machine room" { en "server room" }
vocabulary binding { en "shall" }
vocabulary weak { en "may" }
vocabulary prohibition { en "shall not" }
vocabulary negation { en "is not required to" }
vocabulary vague { en "adequate" }
vocabulary vague_timing { en "promptly" }
vocabulary exemption { en "not liable" }
vocabulary both_parties { en "the Parties" }
vocabulary each_own { en "its own" }
vocabulary assistive { en "assist" }
vocabulary deferral { en "to be agreed" }
vocabulary false_friends { en "at will" }
require ppe.provided "Who provides PPE" {
  code CC101
  topic ppe
  bearer provider | client | both
  bearing one
  severity high
  cite CN "WSL art. 45"
  suggest en "The Supplier shall provide PPE."
}
forbid injury.waiver "No injury waiver" {
  code CC201
  topic ppe
  exemption
  severity critical
}
'''


@pytest.fixture
def packs(tmp_path: Path):
    """write(name, text) puts `text` in tmp/name/pack.ccr and returns that folder."""

    def write(name: str, text: str) -> Path:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        (folder / "pack.ccr").write_text(text, encoding="utf-8")
        return folder

    write.root = tmp_path  # type: ignore[attr-defined]
    write("base", BASE)
    return write
