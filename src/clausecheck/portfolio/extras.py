"""Optional dependencies, imported when a portfolio needs them, with the extra to install when missing.

The base install checks agreements on one machine and needs none of these:
`import clausecheck` must not import Dask, fsspec or pyarrow, so each is
imported here, at the moment a command asks for it.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from clausecheck.errors import UsageError

PROTOCOL_EXTRAS = {"s3": "s3", "s3a": "s3", "gs": "gcs", "gcs": "gcs", "az": "azure", "abfs": "azure", "abfss": "azure"}
"""the extra that installs each storage protocol's fsspec driver"""


def need(module: str, extra: str, what: str) -> ModuleType:
    """Import `module`, or raise a `UsageError` saying which extra brings it for `what`."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise UsageError(
            f"{what} needs the Python package '{e.name or module}', which is not installed",
            hint=f"install it with: pip install 'clausecheck[{extra}]'",
        ) from None


def filesystem(protocol: str, storage_options: dict[str, str]) -> object:
    """An fsspec filesystem for `protocol`, or a `UsageError` naming the extra that brings its driver."""
    extra = PROTOCOL_EXTRAS.get(protocol, "dask")
    fsspec = need("fsspec", extra, f"reading {protocol}:// URLs")
    try:
        return fsspec.filesystem(protocol, **storage_options)
    except ImportError as e:
        raise UsageError(
            f"reading {protocol}:// URLs needs a Python package that is not installed ({e})",
            hint=f"install it with: pip install 'clausecheck[{extra}]'",
        ) from None
    except ValueError as e:
        raise UsageError(f"cannot read {protocol}:// URLs: {e}", hint="see fsspec's list of protocols") from None
