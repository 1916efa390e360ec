"""`clausecheck check`: formats, --output, batches, worker processes, exit codes, baselines and settings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import get_args

import pytest

from clausecheck.cli import main
from clausecheck.cli.common import LANGS, SEVERITIES
from clausecheck.types import SEVERITY_ORDER, Lang

from ..report.kit import AGREEMENT_EN, EXAMPLES, example_path, validate_report, validate_sarif, write_agreement


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of agreements: the three examples, one in a sub-folder, and a Word lock file."""
    (tmp_path / "sub").mkdir()
    for name in EXAMPLES:
        target = tmp_path / ("sub" if name.startswith("remote") else "") / f"{name}.docx"
        shutil.copy(example_path(name), target)
    (tmp_path / "~$lock.docx").write_bytes(b"lock")
    (tmp_path / "notes.txt").write_text("not an agreement", encoding="utf-8")
    return tmp_path


def test_option_choices_match_the_models():
    assert tuple(sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.__getitem__)) == SEVERITIES
    assert get_args(Lang) == LANGS


@pytest.mark.parametrize("fmt", ["json", "sarif", "html", "text"])
def test_each_format_to_a_file(capsys, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    code, stdout, _ = run(capsys, str(example_path("onsite-maintenance.en")), "--format", fmt, "-o", str(out))
    assert code == 1 and stdout == ""
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        validate_report(json.loads(text))
    elif fmt == "sarif":
        validate_sarif(json.loads(text))
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "Exclusion of liability" in text
    else:
        assert "CRITICAL (1)" in text and "\x1b[" not in text
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left behind


def test_json_on_stdout_is_the_report_model(capsys):
    code, stdout, _ = run(capsys, str(example_path("remote-duty.zh-Hant")), "--pack", "remote-duty", "--format", "json")
    report = json.loads(stdout)
    validate_report(report)
    expected = json.loads(
        (example_path("remote-duty.zh-Hant").parent / "expected" / "remote-duty.zh-Hant.json").read_text("utf-8")
    )
    assert report["documents"][0]["topics"] == expected["documents"][0]["topics"]
    assert code == 1


def test_text_is_grouped_by_severity_with_the_matrix_first(capsys):
    _, stdout, _ = run(capsys, str(example_path("onsite-maintenance.en")))
    lines = stdout.splitlines()
    assert lines[3].startswith("   ?? ppe")
    order = [
        line.strip().split(" (")[0]
        for line in lines
        if line.strip().split(" (")[0] in ("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO")
    ]
    assert order == ["CRITICAL", "HIGH", "MEDIUM"]
    assert "      5.2: The Customer shall not be liable" in stdout
    _, coloured, _ = run(capsys, str(example_path("onsite-maintenance.en")), "--color", "always")
    assert "\x1b[" in coloured


def test_a_folder_is_searched_recursively_and_summarised(capsys, folder):
    code, stdout, stderr = run(capsys, str(folder), "--format", "json", "--pack", "it-onsite")
    report = json.loads(stdout)
    validate_report(report)
    assert sorted(Path(d["path"]).name for d in report["documents"]) == sorted(f"{n}.docx" for n in EXAMPLES)
    assert "agreement" in stderr and "3 agreement(s)" in stderr  # the summary stays off the JSON
    assert code == 1


def test_globs_and_an_unreadable_file_in_a_batch(capsys, folder):
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    code, stdout, stderr = run(capsys, str(folder / "**" / "*.docx"))
    assert code == 2
    assert stdout.count("== ") == 4
    assert "broken.docx: the zip package is truncated or damaged" in stderr
    assert "1 could not be read" in stdout  # the summary follows the text report
    assert sum(stdout.count(w) for w in ("language ", "语言 ", "語言 ")) == 3  # the others were checked all the same


def test_a_file_named_like_a_pattern_is_that_file(capsys, tmp_path):
    odd = tmp_path / "draft[2].docx"
    shutil.copy(example_path("onsite-maintenance.en"), odd)
    _code, stdout, _ = run(capsys, str(odd), "--format", "json")
    assert [d["path"] for d in json.loads(stdout)["documents"]] == [str(odd)]


def test_a_pattern_or_folder_with_no_agreement_is_a_usage_error(capsys, tmp_path):
    assert run(capsys, str(tmp_path))[0] == 2
    code, _, stderr = run(capsys, str(tmp_path / "*.docx"))
    assert code == 2 and "no .docx agreement matches" in stderr


def test_worker_processes_give_the_same_report(capsys, folder):
    def check(*extra: str) -> dict:
        code, stdout, stderr = run(capsys, str(folder), "--format", "json", *extra)
        assert code == 1, stderr
        assert "checking" not in stderr  # no progress bar off a terminal
        return json.loads(stdout)

    one, two = check(), check("--jobs", "2")
    one.pop("version"), two.pop("version")
    assert one == two


def test_workers_send_back_the_text_an_html_report_shows(capsys, folder):
    one, two = folder / "one.html", folder / "two.html"
    assert run(capsys, str(folder), "--pack", "it-onsite", "--format", "html", "-o", str(one))[0] == 1
    assert run(capsys, str(folder), "--pack", "it-onsite", "--format", "html", "-o", str(two), "--jobs", "2")[0] == 1
    html = two.read_text(encoding="utf-8")
    assert html.count('<div class="agreement">') >= len(EXAMPLES) and html == one.read_text(encoding="utf-8")


def test_fail_on_and_exit_codes(capsys, tmp_path):
    clean = write_agreement(
        tmp_path,
        "# A\n1. Safety\n1.1 The Supplier shall supply each Engineer with personal "
        "protective equipment at its own cost.",
    )
    assert run(capsys, str(clean), "--fail-on", "critical")[0] == 0
    assert run(capsys, str(clean))[0] == 1  # missing duties are high
    assert run(capsys, str(example_path("onsite-maintenance.en")), "--fail-on", "critical")[0] == 1
    assert run(capsys, str(tmp_path / "absent.docx"))[0] == 2
    assert run(capsys, str(clean), "--jobs", "-1")[0] == 2


def test_baseline_round_trip_shows_only_new_findings(capsys, tmp_path):
    agreement = write_agreement(tmp_path, AGREEMENT_EN)
    baseline = tmp_path / "baseline.json"
    code, _, stderr = run(capsys, str(agreement), "--write-baseline", str(baseline))
    assert code == 0 and "wrote" in stderr and baseline.exists()
    code, stdout, _ = run(capsys, str(agreement), "--baseline", str(baseline))
    assert code == 0 and "accepted finding(s) not shown" in stdout and "CRITICAL" not in stdout
    _, shown, _ = run(capsys, str(agreement), "--baseline", str(baseline), "--show-suppressed")
    assert "ACCEPTED (" in shown and "accepted: " in shown
    write_agreement(tmp_path, AGREEMENT_EN + "\n2.2 The Supplier excludes all liability for death of its Engineers.")
    code, stdout, _ = run(capsys, str(agreement), "--baseline", str(baseline), "--format", "json")
    report = json.loads(stdout)
    validate_report(report)
    assert code == 1 and report["documents"][0]["suppressed"]
    assert all(
        "excludes all liability" in f["locations"][0]["excerpt"]
        for f in report["documents"][0]["findings"]
        if f["status"] == "forbidden"
    )


def test_disable_leaves_a_rule_out_and_names_unknown_ones(capsys):
    path = str(example_path("onsite-maintenance.en"))
    _, stdout, _ = run(capsys, path, "--disable", "injury.waiver", "--disable", "CC110", "--format", "json")
    doc = json.loads(stdout)["documents"][0]
    assert not {"injury.waiver", "coordination.arranged"} & {f["rule"] for f in doc["findings"]}
    assert "safety_coordination" not in {t["topic"] for t in doc["topics"]}
    code, _, stderr = run(capsys, path, "--disable", "injury.waver")
    assert code == 2 and "did you mean 'injury.waiver'" in stderr


def test_settings_file_and_flags_that_win(capsys, tmp_path, monkeypatch):
    agreement = write_agreement(tmp_path, AGREEMENT_EN)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "contracts"\n\n[tool.clausecheck]\npack = ["it-onsite"]\nfail-on = "critical"\n'
        'disable = ["injury.waiver"]\nlocale = "zh-Hans"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = run(capsys, agreement.name, "--format", "json")
    report = json.loads(stdout)
    assert report["packs"] == ["it-onsite"] and code == 0
    assert all(f["rule"] != "injury.waiver" for f in report["documents"][0]["findings"])
    assert any("协议未约定" in f["message"] for f in report["documents"][0]["findings"])
    code, stdout, _ = run(
        capsys, agreement.name, "--format", "json", "--fail-on", "high", "--pack", "safety-core", "--locale", "en"
    )
    report = json.loads(stdout)
    assert report["packs"] == ["safety-core"] and code == 1
    assert any(f["message"].startswith("No clause settles") for f in report["documents"][0]["findings"])
    code, stdout, _ = run(capsys, agreement.name, "--format", "json", "--no-config")
    assert any(f["rule"] == "injury.waiver" for f in json.loads(stdout)["documents"][0]["findings"])


def test_a_comment_acceptance_in_the_agreement_is_honoured_and_typos_warned(capsys, tmp_path):
    notation = AGREEMENT_EN.replace("1.3 The", "1.3 {comment:clausecheck: accept injury.waiver — capped by law}The")
    notation = notation.replace("2.1 The", "2.1 {comment:clausecheck: accept ppe.provied}The")
    agreement = write_agreement(tmp_path, notation)
    _, stdout, stderr = run(capsys, str(agreement), "--format", "json")
    doc = json.loads(stdout)["documents"][0]
    assert [s["rule"] for s in doc["suppressed"]] == ["injury.waiver"]
    assert doc["suppressed"][0]["suppression"]["reason"] == "capped by law"
    assert "accepts 'ppe.provied', which no rule of the packs has" in stderr


def test_the_report_never_overwrites_an_agreement(capsys, tmp_path):
    agreement = write_agreement(tmp_path, AGREEMENT_EN)
    before = agreement.read_bytes()
    code, _, stderr = run(capsys, str(agreement), "--format", "json", "-o", str(tmp_path / "." / agreement.name))
    assert code == 2 and "never written to" in stderr and agreement.read_bytes() == before
    code, _, stderr = run(capsys, str(agreement), "--write-baseline", str(tmp_path / "." / agreement.name))
    assert code == 2 and "never written to" in stderr and agreement.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [agreement.name]  # no temporary file left behind
