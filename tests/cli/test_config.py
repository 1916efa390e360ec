"""Settings files: which one is found, what they may say, and rules disabled from them."""

from __future__ import annotations

import pytest

from clausecheck.checker import resolve_packs
from clausecheck.config import Config, disable_rules, find_config, load_config
from clausecheck.errors import UsageError


def test_the_nearest_file_wins_and_clausecheck_toml_before_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.clausecheck]\nfail-on = "low"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(deep) == tmp_path / "pyproject.toml"  # a pyproject without the table does not count
    (tmp_path / "a" / "clausecheck.toml").write_text('fail-on = "medium"\n', encoding="utf-8")
    assert find_config(deep) == tmp_path / "a" / "clausecheck.toml"
    assert load_config(start=deep).fail_on == "medium"


def test_paths_are_relative_to_the_file(tmp_path, monkeypatch):
    (tmp_path / "packs" / "mine").mkdir(parents=True)
    (tmp_path / "clausecheck.toml").write_text(
        'pack = ["packs/mine", "it-onsite"]\nbaseline = "ci/baseline.json"\n', encoding="utf-8"
    )
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    config = load_config()
    assert config.pack == ("../packs/mine", "it-onsite")
    assert config.baseline == str(tmp_path / "ci" / "baseline.json")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail_on = "high"\n', "unknown setting 'fail_on'"),
        ('fail-on = "severe"\n', "'fail-on' must be one of"),
        ('locale = "fr"\n', "'locale' must be one of"),
        ("disable = 3\n", "'disable' must be a list of strings"),
        ("baseline = 1\n", "'baseline' must be a path"),
        ("pack = [\n", "not valid TOML"),
    ],
)
def test_mistakes_name_the_file_and_the_setting(tmp_path, text, message):
    path = tmp_path / "clausecheck.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=message) as caught:
        load_config(path)
    assert str(path) in str(caught.value)


def test_no_file_means_no_settings(tmp_path):
    assert load_config(start=tmp_path) == Config()


def test_disabled_rules_leave_the_pack_and_are_recorded():
    (pack,) = disable_rules(resolve_packs("safety-core"), ("injury.waiver", "CC110"), "clausecheck.toml")
    assert not {"injury.waiver", "coordination.arranged"} & {r.id for r in pack.rules}
    assert {d.id for d in pack.disabled} >= {"injury.waiver", "coordination.arranged"}
    assert all(d.reason == "disabled by clausecheck.toml" for d in pack.disabled if d.id == "injury.waiver")
    with pytest.raises(UsageError, match="no rule or topic 'pppe'"):
        disable_rules(resolve_packs("safety-core"), ("pppe",), "the command line")


def test_a_topic_disables_its_rules_and_select_keeps_only_what_it_names():
    (pack,) = disable_rules(resolve_packs("safety-core"), ("ppe",), "the command line")
    assert "ppe.provided" not in {r.id for r in pack.rules}
    (pack,) = disable_rules(resolve_packs("safety-core"), (), "the command line", select=("ppe", "CC201"))
    assert {r.id for r in pack.rules} == {"ppe.provided", "injury.waiver"}
