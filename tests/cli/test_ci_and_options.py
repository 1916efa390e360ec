"""What CI and scripts rely on: statistics, selection, JUnit XML, skipped files, the pre-commit hook,
options every command accepts, settings files, and the Python API's own front doors."""

from __future__ import annotations

import json
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

import clausecheck
from clausecheck.cli import build_parser, main
from clausecheck.errors import ClauseCheckError, PackNotFound, UsageError

from ..report.kit import AGREEMENT_EN, ROOT, example_path, write_agreement

EN = str(example_path("onsite-maintenance.en"))


def test_statistics_count_findings_per_rule_across_a_batch(tmp_path, capsys):
    for name in ("a.docx", "b.docx"):
        write_agreement(tmp_path, AGREEMENT_EN, name)
    main(["check", str(tmp_path), "--statistics"])
    out = capsys.readouterr().out
    assert "2  CC201  injury.waiver" in out and "critical  in 2 agreement(s)" in out


def test_select_and_ignore_by_rule_or_topic(capsys):
    main(["check", EN, "--format", "json", "--select", "ppe", "--select", "CC201"])
    doc = json.loads(capsys.readouterr().out)["documents"][0]
    assert {t["topic"] for t in doc["topics"]} == {"ppe"}
    assert {f["code"] for f in doc["findings"]} == {"CC101", "CC201"}
    main(["check", EN, "--format", "json", "--ignore", "injury.waiver", "--ignore", "safety_coordination"])
    doc = json.loads(capsys.readouterr().out)["documents"][0]
    assert not {"CC201", "CC110"} & {f["code"] for f in doc["findings"]}
    assert main(["check", EN, "--select", "ppee"]) == 2
    assert "did you mean 'ppe'" in capsys.readouterr().err


def test_junit_xml_has_a_suite_per_agreement_and_fails_cases_at_the_threshold(capsys):
    assert main(["check", EN, "--format", "junit"]) == 1
    root = ET.fromstring(capsys.readouterr().out)
    (suite,) = root.findall("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert cases["ppe"].find("failure") is not None and cases["hazard_disclosure"].find("failure") is None
    assert any(name.startswith("void_injury_waiver") for name in cases)
    assert suite.get("failures") == str(sum(c.find("failure") is not None for c in cases.values()))
    main(["check", EN, "--format", "junit", "--fail-on", "critical"])
    root = ET.fromstring(capsys.readouterr().out)
    assert root.get("failures") == "1"  # only the void clause reaches critical


def test_legacy_and_pdf_files_in_a_folder_are_listed_as_skipped(tmp_path, capsys):
    write_agreement(tmp_path, "\n".join(line for line in AGREEMENT_EN.splitlines() if not line.startswith("1.3")))
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "signed.pdf").write_bytes(b"%PDF-1.7")
    code = main(["check", str(tmp_path), "--format", "json", "--fail-on", "critical"])
    captured = capsys.readouterr()
    skipped = json.loads(captured.out)["skipped"]
    assert {Path(s["path"]).name for s in skipped} == {"old.doc", "signed.pdf"}
    assert "save it as a Word Document (.docx)" in captured.err and code == 0  # the exit code is unchanged
    assert main(["check", str(tmp_path), "--fail-on", "critical", "--strict"]) == 2


def test_the_pre_commit_hook_runs_the_check_command_on_docx_files():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "clausecheck" and hook["language"] == "python" and hook["files"] == r"\.docx$"
    entry = shlex.split(hook["entry"])
    assert entry[0] == "clausecheck" and build_parser().parse_args([*entry[1:], EN]).run


COMMANDS = [
    ["check", EN],
    ["annotate", EN],
    ["outline", EN],
    ["facts", EN],
    ["explain", "CC101"],
    ["packs", "list"],
    ["packs", "show", "safety-core"],
    ["packs", "validate", "safety-core"],
    ["packs", "test"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_command_takes_the_pack_options_after_its_name(command, tmp_path):
    options = ["--pack-path", str(tmp_path), "--pack", "safety-core", "--config", str(tmp_path / "c.toml")]
    args = build_parser().parse_args([*command[:-1], *options, command[-1]])
    assert args.pack_path == [str(tmp_path)] and args.config == tmp_path / "c.toml"
    assert "safety-core" in (args.pack if isinstance(args.pack, list) else [args.pack])


def test_the_report_language_is_locale_everywhere():
    for command in (["check", EN], ["annotate", EN], ["explain", "CC101"]):
        assert build_parser().parse_args([*command, "--locale", "zh-Hant"]).locale == "zh-Hant"


def test_clausecheck_toml_takes_the_settings_without_the_table_header(tmp_path, monkeypatch, capsys):
    (tmp_path / "clausecheck.toml").write_text('select = ["ppe"]\nlocale = "zh-Hans"\nfail-on = "critical"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", EN, "--format", "json"]) == 0  # ppe is high, below critical
    doc = json.loads(capsys.readouterr().out)["documents"][0]
    assert [t["topic"] for t in doc["topics"]] == ["ppe"] and doc["locale"] == "zh-Hans"


def test_the_api_renders_every_format_as_the_command_prints_it(capsys):
    report = clausecheck.check(EN)
    main(["check", EN, "--format", "json"])
    assert clausecheck.render(report, format="json") == capsys.readouterr().out
    main(["check", EN, "--format", "sarif"])
    assert clausecheck.render(report, format="sarif") == capsys.readouterr().out
    assert clausecheck.render(report).startswith("== ")
    assert clausecheck.render(report, format="html").startswith("<!DOCTYPE html>")
    assert clausecheck.render(report, format="junit").startswith("<?xml")
    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        clausecheck.render(report, format="pdf")  # type: ignore[arg-type]


def test_the_api_annotates_with_disable_and_baseline_and_never_writes_the_input(tmp_path):
    source = write_agreement(tmp_path)
    before = source.read_bytes()
    out = tmp_path / "out.docx"
    done = clausecheck.annotate(source, out, disable=["CC201"], redline=True)
    assert out.read_bytes() == done.data and done.changes and source.read_bytes() == before
    assert "injury.waiver" not in {f.rule for f in done.result.findings}
    baseline = tmp_path / "baseline.json"
    main(["check", str(source), "--write-baseline", str(baseline)])
    assert clausecheck.annotate(source, baseline=baseline).result.findings == []
    with pytest.raises(UsageError, match="never writes over it"):
        clausecheck.annotate(source, source)


def test_the_api_refuses_a_bad_locale_or_pack_with_one_clear_error():
    with pytest.raises(UsageError, match="unknown locale 'fr'") as bad:
        clausecheck.check(EN, locale="fr")  # type: ignore[arg-type]
    assert isinstance(bad.value, ClauseCheckError)
    with pytest.raises(PackNotFound):
        clausecheck.check(EN, pack="no-such-pack")


def test_the_package_is_typed():
    assert (Path(clausecheck.__file__).parent / "py.typed").is_file()
    assert {"annotate", "render", "check"} <= set(clausecheck.__all__)
