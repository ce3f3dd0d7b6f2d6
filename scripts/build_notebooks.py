"""Run the notebooks and save them with their outputs, so they read without running anything.

    .venv/bin/python scripts/build_notebooks.py                 # every notebook in notebooks/
    .venv/bin/python scripts/build_notebooks.py 03 05_case_studies   # only these (by prefix)
    .venv/bin/python scripts/build_notebooks.py --check         # exit 1 if any is out of date

Each notebook is executed from a clean kernel in ``notebooks/`` (so relative paths work as they
do for a student), then its outputs are normalised so that the same package gives the same
file byte for byte:

- no execution timestamps (cell metadata ``execution``) and no saved widget state;
- an interactive widget cannot be saved without its live kernel, so its output is replaced by
  one line telling the reader to run the notebook; each interactive part of a notebook has a
  static result before it;
- pictures are PNGs drawn at a fixed resolution without timestamps;
- a cell that writes to stderr (a warning, a traceback) or raises makes the build fail: a
  student must never read one in a committed notebook.

Cell sources and cell metadata (collapsed code, nbval tags) are kept as they are: edit the
notebook, then re-run this script. A notebook whose outputs did not change is not rewritten.
Run it after any change to the engine, the data or the notebooks;
``tests/test_notebooks.py`` fails, naming this command, when the committed outputs are stale.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
COMMAND = ".venv/bin/python scripts/build_notebooks.py"

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_PLACEHOLDER = (
    "[Interactive controls appear here when the notebook runs: Run → Run All Cells.]"
)
IMAGE_MIMES = ("image/png", "image/svg+xml")

# Things that differ from run to run or from machine to machine, and have no place in a
# committed output (the check normalises them before comparing, the build refuses them).
_ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]{6,}\b|\b0x[0-9a-fA-F]{8,}\b")
_UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
# pandas' Styler names its CSS rules after a random id unless the notebook sets one; the
# build gives each cell its own fixed id instead, so two tables never share rules.
_PANDAS_STYLER_ID = re.compile(r"\bT_[0-9a-f]{5}(?=[_\"\s])")


class BuildError(RuntimeError):
    """A notebook could not be built into a clean, readable file."""


def notebook_paths(selected: Sequence[str] = ()) -> list[Path]:
    """The notebooks to build: all of ``notebooks/*.ipynb``, or those whose name starts with
    one of ``selected`` (``03`` or ``03_the_ccf_route``)."""
    paths = sorted(NOTEBOOKS.glob("*.ipynb"))
    if not selected:
        return paths
    prefixes = [s.removesuffix(".ipynb") for s in selected]
    chosen = [p for p in paths if any(p.stem.startswith(prefix) for prefix in prefixes)]
    unknown = [s for s in prefixes if not any(p.stem.startswith(s) for p in paths)]
    if unknown:
        names = ", ".join(p.stem for p in paths)
        raise BuildError(f"no notebook starts with {', '.join(unknown)}; the notebooks are {names}")
    return chosen


def _stable_text(text: str, cell: int) -> str:
    text = _ADDRESS.sub("0x…", text)
    return _PANDAS_STYLER_ID.sub(f"T_cell{cell}", text)


def _normalise_output(output: Any, cell: int) -> Any:
    output = copy.deepcopy(output)
    if output.get("output_type") == "stream":
        output["text"] = _stable_text(output["text"], cell)
        return output
    data = output.get("data")
    if data is None:
        return output
    if WIDGET_MIME in data:
        # The widget's model lives in the kernel; a saved copy would only show an error.
        output["data"] = {"text/plain": WIDGET_PLACEHOLDER}
        output["metadata"] = {}
        if output.get("output_type") == "execute_result":
            output["output_type"] = "display_data"
            output.pop("execution_count", None)
        return output
    for mime in ("text/plain", "text/html", "text/markdown"):
        if mime in data:
            value = data[mime]
            text = "".join(value) if isinstance(value, list) else value
            data[mime] = _stable_text(text, cell)
    return output


def _merge_streams(outputs: list[Any]) -> list[Any]:
    """Consecutive prints to the same stream as one output (the kernel splits them by timing)."""
    merged: list[Any] = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and output.get("output_type") == "stream"
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def normalise(notebook: Any) -> Any:
    """The notebook as it is committed: sources and cell metadata kept, outputs stable."""
    notebook = copy.deepcopy(notebook)
    notebook.metadata.pop("widgets", None)
    count = 0
    for index, cell in enumerate(notebook.cells):
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        count += 1
        cell.execution_count = count
        cell.outputs = _merge_streams([_normalise_output(output, index) for output in cell.outputs])
        for output in cell.outputs:
            if output.get("output_type") == "execute_result":
                output["execution_count"] = count
    return notebook


def problems(notebook: Any, name: str) -> list[str]:
    """What a student must never read in a committed notebook: errors, warnings, ids."""
    found: list[str] = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            kind = output.get("output_type")
            if kind == "error":
                error = f"{output.get('ename')}: {output.get('evalue')}"
                found.append(f"{name} cell {index}: raised {error}")
            elif kind == "stream" and output.get("name") == "stderr":
                first = output["text"].strip().splitlines()[:1]
                found.append(f"{name} cell {index}: wrote to stderr: {' '.join(first)}")
            texts = [output.get("text", "")] + [
                v for k, v in output.get("data", {}).items() if k.startswith("text/")
            ]
            for text in texts:
                text = "".join(text) if isinstance(text, list) else text
                if _UUID.search(text):
                    found.append(f"{name} cell {index}: an output contains a run-dependent id")
    return found


def execute(path: Path, *, timeout: int = 600) -> Any:
    """Run ``path`` from a clean kernel in ``notebooks/`` and return it, normalised."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    kernel = notebook.metadata.get("kernelspec", {}).get("name", "python3")
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name=kernel,
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    # The backend a student gets in JupyterLab, whatever the caller's MPLBACKEND (the test
    # script sets Agg, under which pyplot figures would silently show nothing).
    env = dict(os.environ, MPLBACKEND="module://matplotlib_inline.backend_inline")
    env.setdefault("PYTHONHASHSEED", "0")
    client.execute(env=env)
    return normalise(notebook)


def _written(notebook: Any) -> str:
    return nbformat.writes(notebook) + "\n"


def build(paths: Iterable[Path], *, check: bool = False, out: Any = sys.stdout) -> int:
    """Build (or with ``check`` only compare) the notebooks; return the process exit status."""
    stale: list[str] = []
    failures: list[str] = []
    for path in paths:
        started = time.perf_counter()
        executed = execute(path)
        failures += problems(executed, path.name)
        new_text = _written(executed)
        old_text = path.read_text(encoding="utf-8")
        seconds = time.perf_counter() - started
        if new_text == old_text:
            print(f"{path.name}: up to date ({seconds:.1f} s)", file=out)
        elif check:
            stale.append(path.name)
            print(f"{path.name}: OUT OF DATE ({seconds:.1f} s)", file=out)
        else:
            tmp = path.with_suffix(".ipynb.tmp")
            tmp.write_text(new_text, encoding="utf-8")
            tmp.replace(path)  # never a half-written notebook
            print(f"{path.name}: written ({seconds:.1f} s)", file=out)
    for failure in failures:
        print(f"problem: {failure}", file=out)
    if stale:
        print(f"{len(stale)} notebook(s) out of date; regenerate with: {COMMAND}", file=out)
    return 1 if failures or stale else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="name prefixes, e.g. 03 (default: all)")
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed files, write nothing"
    )
    args = parser.parse_args(argv)
    try:
        paths = notebook_paths(args.notebooks)
    except BuildError as error:
        print(f"build_notebooks: {error}", file=sys.stderr)
        return 2
    return build(paths, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
