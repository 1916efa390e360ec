"""JUnit XML, for CI systems that show test results but not SARIF (GitLab, Jenkins, Azure Pipelines).

One test suite per agreement, one test case per duty of the topic matrix and
one per void clause. A case fails when a finding on it reaches `--fail-on`
(the same threshold as the exit code); findings below it are written to the
case's output, accepted findings are left out. An agreement that could not be
read is a suite with one erroring case.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from clausecheck.findings import DocumentResult, Finding, Report
from clausecheck.types import SEVERITY_ORDER


def _describe(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        where = ", ".join(loc.clause or loc.block_id for loc in f.locations)
        lines.append(f"{f.code} {f.rule} ({f.severity}): {f.message}" + (f" [{where}]" if where else ""))
        if f.suggestion:
            lines.append(f"  suggested: {f.suggestion}")
    return "\n".join(lines)


def _suite(result: DocumentResult, threshold: int) -> ET.Element:
    suite = ET.Element("testsuite", name=result.path)
    cases: list[tuple[str, list[Finding]]] = []
    if result.error:
        case = ET.SubElement(suite, "testcase", classname=result.path, name="read")
        ET.SubElement(case, "error", type=result.error_type or "error", message=result.error)
        suite.set("tests", "1")
        suite.set("errors", "1")
        suite.set("failures", "0")
        return suite
    for row in result.topics:
        cases.append((row.topic, [f for f in result.findings if f.topic == row.topic and f.status != "forbidden"]))
    for f in result.findings:
        if f.status == "forbidden":
            cases.append((f"{f.topic} {f.locations[0].clause if f.locations else ''}".strip(), [f]))
    failures = 0
    for name, findings in cases:
        case = ET.SubElement(suite, "testcase", classname=result.path, name=name)
        failing = [f for f in findings if SEVERITY_ORDER[f.severity] >= threshold]
        if failing:
            failures += 1
            worst = max(failing, key=lambda f: SEVERITY_ORDER[f.severity])
            failure = ET.SubElement(case, "failure", type=worst.severity, message=worst.message)
            failure.text = _describe(failing)
        elif findings:
            ET.SubElement(case, "system-out").text = _describe(findings)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    return suite


def render_junit(report: Report, *, fail_on: str = "high") -> str:
    """The report as a JUnit XML document."""
    threshold = SEVERITY_ORDER[fail_on]
    root = ET.Element("testsuites", name="clausecheck")
    suites = [_suite(r, threshold) for r in report.documents]
    root.extend(suites)
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
