"""The compiled-pack cache: a pack that has not changed is read back as data, without the grammar; anything
stale, tampered or unreadable is ignored and written again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clausecheck.dsl import cache, loader
from clausecheck.dsl.loader import load_pack

CHILD = 'pack child "Child" {{ extends {parent} }}\ntopic extra "Extra" {{ en "{word}" }}\n'


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, and no pack of an earlier load left in this process."""
    where = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(where))
    _forget()
    yield where
    _forget()


def _forget() -> None:
    """What the process remembers of loaded packs: each load below must go to the cache or the files."""
    loader._packs.clear()
    loader._files.clear()


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / "packs").glob("*.json"))


def _fresh_load(*names: str, env: dict[str, str]) -> dict[str, object]:
    """Load packs in a new process: whether the grammar's library was imported, and the packs as JSON."""
    code = (
        "import json, sys\n"
        "from clausecheck.dsl.loader import load_pack\n"
        f"packs = [load_pack(n).model_dump(mode='json') for n in {list(names)!r}]\n"
        "print(json.dumps({'lark': 'lark' in sys.modules, 'packs': packs}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout)


def test_a_second_process_reads_the_pack_back_without_building_the_grammar(tmp_path):
    env = {**os.environ, cache.ENV_VAR: str(tmp_path)}
    first = _fresh_load("safety-core", "it-onsite", env=env)
    second = _fresh_load("safety-core", "it-onsite", env=env)
    assert first["lark"] is True
    assert second["lark"] is False
    assert second["packs"] == first["packs"]


def test_the_pack_read_back_equals_the_pack_parsed(folder):
    parsed = load_pack("it-onsite")
    _forget()
    assert len(_entries(folder)) == 1
    assert load_pack("it-onsite") == parsed


def test_editing_a_parent_makes_the_entry_stale(folder, packs):
    packs("child", CHILD.format(parent="base", word="lanyard"))
    path = packs.root / "child"
    before = load_pack(path)
    base = packs.root / "base" / "pack.ccr"
    base.write_text(base.read_text(encoding="utf-8").replace('"server room"', '"data hall"'), encoding="utf-8")
    _forget()
    after = load_pack(path)
    assert after != before
    assert after == loader._resolve(path.resolve() / "pack.ccr", ())[0]


def test_a_pack_shadowing_a_parent_in_the_search_path_makes_the_entry_stale(folder, tmp_path):
    own, search = tmp_path / "own", tmp_path / "search"
    (own / "child").mkdir(parents=True)
    search.mkdir()
    (own / "child" / "pack.ccr").write_text(CHILD.format(parent="safety-core", word="lanyard"), encoding="utf-8")
    before = load_pack(own / "child", search_path=[search])
    shadow = search / "safety-core"
    shadow.mkdir()
    bundled = Path(load_pack("safety-core").path).read_text(encoding="utf-8")
    (shadow / "pack.ccr").write_text(bundled.replace('version "1.0"', 'version "9.9"'), encoding="utf-8")
    _forget()
    after = load_pack(own / "child", search_path=[search])
    assert before.lineage == after.lineage
    assert after.path == before.path and after != before


@pytest.mark.parametrize(
    "tamper",
    [
        lambda text: "garbage",
        lambda text: text[: len(text) // 2],
        lambda text: json.dumps({"format": 1}),
        lambda text: text.replace('"format":1', '"format":2'),
        lambda text: text.replace("0.1.0", "0.0.1", 1),
        lambda text: text.replace('"sha256":"', '"sha256":"0', 1),
        lambda text: text.replace('"pack":{', '"pack":{"extra":1,', 1),
    ],
    ids=["garbage", "truncated", "another-schema", "another-format", "another-version", "wrong-digest", "extra-field"],
)
def test_a_tampered_entry_is_ignored_and_written_again(folder, tamper):
    parsed = load_pack("safety-core")
    (entry,) = _entries(folder)
    entry.write_text(tamper(entry.read_text(encoding="utf-8")), encoding="utf-8")
    _forget()
    assert load_pack("safety-core") == parsed
    assert cache.load(Path(parsed.path), tuple(str(d) for d in loader.search_dirs()), lambda *_: None) is not None


def test_an_entry_that_holds_data_is_all_a_load_takes_from_it(folder, monkeypatch):
    parsed = load_pack("safety-core")
    _forget()
    monkeypatch.setattr(loader, "_resolve", lambda *_: pytest.fail("parsed although the entry holds"))
    assert load_pack("safety-core") == parsed


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_VAR, "")
    monkeypatch.chdir(tmp_path)
    _forget()
    assert cache.folder() is None
    load_pack("safety-core")
    assert list(tmp_path.iterdir()) == []
    _forget()


def test_a_folder_that_cannot_be_written_only_costs_the_parse(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_VAR, str(blocked))
    _forget()
    assert load_pack("safety-core").id == "safety-core"
    _forget()


def test_an_entry_written_by_other_code_is_not_served(folder, monkeypatch):
    pack = load_pack("safety-core")
    dirs = tuple(str(d) for d in loader.search_dirs())
    assert cache.load(Path(pack.path), dirs, lambda *_: None) is not None
    monkeypatch.setattr(cache, "_code", lambda: "another rule language")
    assert cache.load(Path(pack.path), dirs, lambda *_: None) is None
