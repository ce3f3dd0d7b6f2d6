"""Access to the reference data shipped in ``diffusion_scenarios.data``.

The files live in the repository's top-level ``data/`` folder and are installed inside the
wheel as the subpackage ``diffusion_scenarios.data`` (see ``pyproject.toml``). Everything is
read where :mod:`importlib.resources` finds it, so it works from a wheel, an editable
install or a zip, and is read at most once per process (``functools.cache``).
"""

from __future__ import annotations

import csv
import importlib
import io
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from diffusion_scenarios.errors import ReferenceDataError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["data_file", "data_folder", "read_csv_rows", "read_text"]

_PACKAGE = "diffusion_scenarios.data"


@cache
def data_folder() -> Traversable:
    """The folder of the shipped data, as ``importlib.resources.files`` gives it.

    Installed as files (a wheel or an editable install), that is the data package's own
    folder, a :class:`pathlib.Path`: it is taken from the package directly, without loading
    :mod:`importlib.resources` and the zip support it brings (a tenth of the command line's
    start-up). From a zip, :mod:`importlib.resources` reads it.
    """
    where = getattr(importlib.import_module(_PACKAGE), "__file__", None)
    if where:
        folder = Path(where).parent
        if folder.is_dir():
            return folder
    from importlib import resources

    return resources.files(_PACKAGE)


def data_file(name: str) -> Traversable:
    """The shipped data file ``name`` (a path relative to ``data/``, with ``/``)."""
    node: Traversable = data_folder()
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
