"""The speed work of issue 11 changes no report: every report format of the examples, of generated long
agreements and of the labelled corpus (when it sits beside the repository, or `CLAUSECHECK_CORPUS` names it)
is byte-identical to what the code of `REFERENCE` prints.

The reference is the commit the work started from, rebuilt from git at test time (`git archive` of its
`src/`, `grammar/` and `rules/`, run in a process of its own); outside a git checkout with that commit the
test is skipped. A change meant to change reports moves `REFERENCE` to the commit whose reports are right
(after a merge: the commit merged into), so this keeps showing that structural work leaves them alone.
"""

from __future__ import annotations

import difflib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from clausecheck.testing.compose import compose_docx

from .report_snapshot import reports

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = "4fbf013c6a0bcf48d34a8697f15ef71e1539978e"
CORPUS = Path(os.environ.get("CLAUSECHECK_CORPUS") or ROOT.parent / "shared" / "corpus")
EXAMPLES = {
    "it-onsite-services.zh-Hans": "it-onsite",
    "remote-duty.zh-Hant": "remote-duty",
    "onsite-maintenance.en": "safety-core",
}
GENERATED = {"bilingual-30-pages": (14_000, 7), "bilingual-8-pages": (3_500, 8)}
"""name -> (words, seed) of agreements built by the benchmarks' generator (`bench/agreements.py`)"""


def _reference_tree(into: Path) -> Path | None:
    """The reference commit's code, or None where git or the commit is not at hand."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        return None
    found = subprocess.run([git, "-C", str(ROOT), "cat-file", "-e", f"{REFERENCE}^{{commit}}"], capture_output=True)
    if found.returncode != 0:
        return None
    archive = subprocess.run(
        [git, "-C", str(ROOT), "archive", "--format=tar", REFERENCE, "src", "grammar", "rules"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _agreements(folder: Path) -> list[str]:
    """`path=pack` for every agreement compared."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from agreements import agreement
    finally:
        sys.path.remove(str(ROOT / "bench"))
    specs = [f"{ROOT / 'examples' / name}.docx={pack}" for name, pack in EXAMPLES.items()]
    for name, (words, seed) in GENERATED.items():
        path = folder / f"{name}.docx"
        path.write_bytes(compose_docx(agreement(words, seed=seed), auto_numbering=True))
        specs.append(str(path))
    specs += sorted(str(p) for p in CORPUS.rglob("*.docx") if not p.name.startswith("~$"))
    return specs


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    """(the reference's reports, this code's reports) of every agreement."""
    folder = tmp_path_factory.mktemp("unchanged")
    source = _reference_tree(folder / "reference")
    if source is None:
        pytest.skip(f"the reference commit {REFERENCE[:10]} is not in a git checkout here")
    specs = _agreements(folder)
    env = {**os.environ, "PYTHONPATH": str(source)}
    script = Path(__file__).with_name("report_snapshot.py")
    done = subprocess.run(
        [sys.executable, str(script), *specs], capture_output=True, text=True, env=env, cwd=folder, check=True
    )
    return json.loads(done.stdout), reports(specs)


def test_the_reference_is_the_code_it_names(both):
    reference, _ = both
    assert reference, "the reference code printed no report"


def test_every_report_is_byte_identical_to_the_reference(both):
    reference, ours = both
    assert sorted(ours) == sorted(reference)
    changed = [key for key in reference if ours[key] != reference[key]]
    if changed:
        first = changed[0]
        diff = difflib.unified_diff(
            reference[first].splitlines(), ours[first].splitlines(), "reference", "now", n=2, lineterm=""
        )
        names = sorted({Path(key.split(" ")[0]).name for key in changed})
        pytest.fail(f"{len(changed)} report(s) of {names} changed, first {first}:\n" + "\n".join(list(diff)[:60]))


def test_the_corpus_is_compared_where_it_is_at_hand(both):
    reference, _ = both
    corpus = [key for key in reference if key.startswith(str(CORPUS))]
    if not CORPUS.is_dir():
        pytest.skip(f"no labelled corpus at {CORPUS} (CLAUSECHECK_CORPUS names another place)")
    assert len(corpus) == 4 * len(list(CORPUS.rglob("*.docx")))
