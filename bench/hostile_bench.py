"""Issue 13's hostile inputs at full size, with the figures printed (not a test): `.venv/bin/python bench/hostile_bench.py`.

Each case runs the command in a fresh process and prints its wall time, its
peak resident memory and how it ended (exit code, first line of stderr). The
target for every case is the issue's: within 20 s and 1.5 GB, a result or
one clear error, no traceback, no signal; `packs validate` within 5 s. The
agreements come from `clausecheck.testing.hostile`, the packs are written
here; the tests run the same shapes at sizes of a second
(`tests/budget/`). `--quick` runs each at a tenth of its size.
"""

from __future__ import annotations

import argparse
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from clausecheck.testing import hostile

ROOT = Path(__file__).resolve().parent.parent


# The command reports its own peak (VmHWM of its own memory map): Linux's ru_maxrss of a child
# includes the size of the parent it was forked from, which here holds the generated agreement.
_RUN = (
    "import atexit, sys\n"
    "def peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.stderr.write(f'PEAK {int(line.split()[1]) // 1024}\\n')\n"
    "atexit.register(peak)\n"
    "from clausecheck.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def measure(args: list[str], cwd: Path) -> tuple[float, float, float, int, str]:
    """(wall seconds, CPU seconds, peak MB, exit code, first stderr line) of one command in its own process.

    The machine is shared: CPU seconds say what the command cost when the wall clock includes waiting.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _RUN, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    code = out.returncode
    lines = out.stderr.decode("utf-8", "replace").splitlines()
    peaks = [int(line.split()[1]) for line in lines if line.startswith("PEAK ")]
    stderr = "\n".join(line for line in lines if not line.startswith("PEAK "))
    first = next((line for line in stderr.splitlines() if line.strip()), "")
    if "Traceback" in stderr:
        first = "TRACEBACK: " + stderr.strip().splitlines()[-1]
    return took, cpu, float(peaks[-1]) if peaks else float("nan"), code, first


def agreement_cases(scale: float) -> list[tuple[str, Callable[[], bytes], list[str]]]:
    n = lambda value: max(int(value * scale), 1)  # noqa: E731
    return [
        ("conflict join, K=1,000", lambda: hostile.conflicting_duties(n(1000)), ["check"]),
        ("conflict join, K=2,000", lambda: hostile.conflicting_duties(n(2000)), ["check"]),
        ("upperLetter from 2,147,483,647", lambda: hostile.numbering_start("upperLetter", 2_147_483_647), ["check"]),
        ("chicago from 10^8", lambda: hostile.numbering_start("chicago", 10**8), ["check"]),
        ("upperLetter from 10^12 (outline)", lambda: hostile.numbering_start("upperLetter", 10**12), ["outline"]),
        ("decimal labels 500 deep", lambda: hostile.nested_labels(n(500)), ["check"]),
        ("one 5 MB English paragraph", lambda: hostile.long_paragraph(n(5_000_000)), ["check"]),
        ("one 200 KB English paragraph", lambda: hostile.long_paragraph(n(200_000)), ["check"]),
        ("one 2 MB Chinese paragraph", lambda: hostile.long_paragraph(n(2_000_000), chinese=True), ["check"]),
        ("10,000 numbered paragraphs", lambda: hostile.many_paragraphs(n(10_000)), ["check"]),
        ("10,000 numbered paragraphs (annotate)", lambda: hostile.many_paragraphs(n(10_000)), ["annotate"]),
        ("50,000 numbered paragraphs", lambda: hostile.many_paragraphs(n(50_000)), ["check"]),
        ("50,000 numbered paragraphs (annotate)", lambda: hostile.many_paragraphs(n(50_000)), ["annotate"]),
        ("5,000 void clauses (annotate)", lambda: hostile.many_findings(n(5_000)), ["annotate"]),
        ("table of 5,000 rows x 8", lambda: hostile.large_table(n(5_000), 8), ["check"]),
        ("bidi and C1 controls", hostile.terminal_controls, ["check"]),
    ]


def pack_cases(scale: float) -> dict[str, str]:
    groups = " and ".join("(mentions ppe or mentions hazard_disclosure)" for _ in range(20))
    return {
        "a term of 1,000,000 characters": 'topic ppe += {\n  en "' + "a" * 1_000_000 + '"\n}\n',
        "applies when, 20 (a or b) groups": f"override ppe.provided {{ applies when {groups} }}\n",
        "regex (\\w+\\s?)+;": "topic ppe += {\n  en /(\\w+\\s?)+;/\n}\n",
        "regex (a+)+$": "topic ppe += {\n  en /(a+)+$/\n}\n",
        "regex a{4294967296}": "topic ppe += {\n  en /a{4294967296}/\n}\n",
        "not nested 500 deep": "override ppe.provided { applies when " + "not " * 500 + "mentions ppe }\n",
        "lone surrogate in a term": 'topic ppe += {\n  en "\\ud800"\n}\n',
        "lone surrogate in a suggestion": 'override ppe.provided { suggest en "\\ud800" }\n',
        "syntax error after 40k letters": 'topic ppe += {\n  en "x" ' + "a" * int(40_000 * max(scale, 0.1)) + " }\n",
    }


def write_pack(folder: Path, name: str, body: str, parent: str | None = "safety-core") -> Path:
    (folder / name).mkdir(parents=True, exist_ok=True)
    head = f'pack {name} "x" {{ extends {parent} }}\n' if parent else f'pack {name} "x"\n'
    path = folder / name / "pack.ccr"
    path.write_text(head + body, encoding="utf-8")
    return path


def signal_case(folder: Path, signum: int) -> str:
    """Seconds from the signal to the exit of a --jobs 2 batch, and the processes left behind."""
    batch = folder / "batch"
    if not batch.exists():
        batch.mkdir()
        data = hostile.long_paragraph(1_500_000)
        for i in range(40):
            (batch / f"long{i:02}.docx").write_bytes(data)
    child = subprocess.Popen(
        [sys.executable, "-m", "clausecheck", "check", "--jobs", "2", str(batch)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(5)
    start = time.perf_counter()
    child.send_signal(signum)
    code = child.wait()
    took = time.perf_counter() - start
    time.sleep(1)
    ps = subprocess.run(["ps", "-eo", "sid=,stat="], capture_output=True, text=True).stdout.split("\n")
    left = sum(1 for line in ps if line.split()[:1] == [str(child.pid)] and not line.split()[1].startswith("Z"))
    return f"exit {code} after {took:.2f} s, {left} process(es) left"


def pack_versions(count: int) -> str:
    """Resident memory after checking one agreement with `count` distinct versions of a pack in one process."""
    code = f"""
import resource, tempfile, pathlib
from clausecheck.checker import Checker
from clausecheck.testing import hostile
data = hostile.many_paragraphs(3)
folder = pathlib.Path(tempfile.mkdtemp())
for i in range({count}):
    path = folder / f"v{{i}}" / "pack.ccr"
    path.parent.mkdir()
    path.write_text(f'pack v{{i}} "x" {{{{ extends safety-core }}}}\\ntopic ppe += {{{{\\n  en "word{{i}}"\\n}}}}\\n')
    Checker([str(path)]).check(data)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return f"{out.stdout.strip() or out.stderr.strip()[-200:]} MB peak after {count} pack versions"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="each case at a tenth of its size")
    args = parser.parse_args()
    scale = 0.1 if args.quick else 1.0
    folder = Path(tempfile.mkdtemp(prefix="clausecheck-hostile-"))
    print(f"{'case':<42} {'bytes':>9} {'seconds':>8} {'CPU s':>6} {'peak MB':>8} {'exit':>4}  first line of stderr")
    for name, build, command in agreement_cases(scale):
        data = build()
        path = folder / "agreement.docx"
        path.write_bytes(data)
        extra = ["-o", str(folder / "out.docx")] if command == ["annotate"] else []
        took, cpu, peak, code, first = measure([*command, str(path), *extra], folder)
        print(f"{name:<42} {len(data):>9,} {took:>8.2f} {cpu:>6.2f} {peak:>8.0f} {code:>4}  {first[:90]}")
    for name, body in pack_cases(scale).items():
        path = write_pack(folder / "packs", "bad", body)
        took, cpu, peak, code, first = measure(["packs", "validate", str(path)], folder)
        print(f"validate: {name:<32} {len(body):>9,} {took:>8.2f} {cpu:>6.2f} {peak:>8.0f} {code:>4}  {first[:90]}")
    for i in range(1000):
        write_pack(folder / "chain", f"chain{i}", "", parent=f"chain{i - 1}" if i else "safety-core")
    took, cpu, peak, code, first = measure(["packs", "validate", str(folder / "chain" / "chain999")], folder)
    print(
        f"validate: {'extends chain of 1,000':<32} {'':>9} {took:>8.2f} {cpu:>6.2f} {peak:>8.0f} {code:>4}  {first[:90]}"
    )
    print("batch --jobs 2, SIGINT:", signal_case(folder, signal.SIGINT))
    print("batch --jobs 2, SIGTERM:", signal_case(folder, signal.SIGTERM))
    print("pack versions:", pack_versions(int(1500 * scale)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
