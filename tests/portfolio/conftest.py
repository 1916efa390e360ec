"""Real parts for the portfolio tests: a Dask cluster and an S3-compatible server on localhost, and agreements.

The cluster is a scheduler in the test process and two single-threaded
worker processes (each under a nanny that restarts it when it dies), as
`clausecheck check --cluster local:2` starts one; the S3 server is moto's
server mode, reached through s3fs as real object storage is. Both are started
by the fixtures and stopped when the module's tests end.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

from clausecheck.testing.compose import compose_docx

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus"
KEYS = {"key": "testing", "secret": "testing"}
"""moto's server takes any credentials; given as storage options so the workers need no environment"""


@pytest.fixture(scope="module")
def dask_cluster():
    """A scheduler and two worker processes on localhost; a task may kill one worker, not two."""
    import dask
    from distributed import Client, LocalCluster

    from clausecheck.portfolio.dask_pool import SCHEDULER_CONFIG

    with dask.config.set(SCHEDULER_CONFIG):
        cluster = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.CRITICAL,
        )
    with cluster, Client(cluster) as client:
        client.wait_for_workers(2, timeout=60)
        yield client


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3-compatible server on a free local port; its endpoint URL."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def s3(endpoint: str):
    """An s3fs filesystem on the test server."""
    import s3fs

    return s3fs.S3FileSystem(endpoint_url=endpoint, **KEYS, skip_instance_cache=True)


def storage_flags(endpoint: str) -> list[str]:
    return [f"--storage-option={k}={v}" for k, v in {**KEYS, "endpoint_url": endpoint}.items()]


def agreement_text(i: int) -> str:
    """An English agreement varied by `i`: names, the insurance sum, and whether PPE is settled."""
    ppe = (
        "3.2 The Contractor shall provide each Technician with personal protective equipment."
        if i % 3
        else "3.2 The Contractor may provide protective equipment where appropriate."
    )
    return (
        f"# Maintenance Agreement {i}\n"
        f'This Agreement is made between Client {i} Limited (the "Customer") and '
        f'Provider {i % 4} Ltd (the "Contractor").\n'
        "3. Health and Safety\n"
        "3.1 The Customer shall inform the Contractor in writing of the hazards of the Site.\n"
        f"{ppe}\n"
        "3.3 The Contractor shall ensure that every Technician has received safety training.\n"
        f"4.1 The Contractor shall maintain employer's liability insurance of GBP {i + 1},000,000.\n"
        + (
            "5.1 The Customer shall not be liable for any injury to any Technician, howsoever caused.\n"
            if i % 2
            else ""
        )
    )


def write_agreements(folder: Path, count: int) -> list[Path]:
    """`count` varied agreements in `folder`, named a000.docx ..."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"a{i:03d}.docx"
        path.write_bytes(compose_docx(agreement_text(i)))
        paths.append(path)
    return paths


def examples_and_corpus(folder: Path) -> Path:
    """The example agreements and, when present, the shared corpus's, copied under `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in EXAMPLES.glob("*.docx"):
        shutil.copy(path, folder / path.name)
    if CORPUS.is_dir():
        for lang in ("en", "zh"):
            if (CORPUS / lang).is_dir():
                shutil.copytree(CORPUS / lang, folder / "corpus" / lang)
    return folder


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run in a temporary folder, so paths in reports are short and relative."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pids(client) -> list[int]:
    return sorted(client.run(os.getpid).values())
