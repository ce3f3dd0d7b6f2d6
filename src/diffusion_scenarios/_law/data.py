"""Access to the reference data shipped in ``diffusion_scenarios.data``.

The files live in the repository's top-level ``data/`` folder and are installed inside the
wheel as the subpackage ``diffusion_scenarios.data`` (see ``pyproject.toml``). Everything is
read through :mod:`importlib.resources`, so it works from a wheel, an editable install or a
zip, and is read at most once per process (``functools.cache``).
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from diffusion_scenarios.errors import ReferenceDataError

__all__ = ["data_file", "read_csv_rows", "read_text"]

_PACKAGE = "diffusion_scenarios.data"


def data_file(name: str) -> Traversable:
    """The shipped data file ``name`` (a path relative to ``data/``, with ``/``)."""
    node: Traversable = resources.files(_PACKAGE)
    for part in name.split("/"):
        node = node.joinpath(part)
    if not node.is_file():
        raise ReferenceDataError(
            f"reference data file '{name}' is missing from the installed package; "
            "reinstall diffusion-scenarios"
        )
    return node


@cache
def read_text(name: str) -> str:
    """The text of a shipped data file, read once."""
    return data_file(name).read_text(encoding="utf-8")


@cache
def read_csv_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a shipped CSV file as dictionaries of strings, read once."""
    reader = csv.DictReader(io.StringIO(read_text(name)))
    return tuple(dict(row) for row in reader)
