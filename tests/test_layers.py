"""The package's layers point one way (issue 24):

    errors, _base  <-  _law  <-  _facts  <-  _engine  <-  _render  <-  _app, _cli, _lab, public

A module may import from its own layer and from the layers to its left, never from a layer
to its right. Every import counts: at the top of a module, inside a function, and under
``if TYPE_CHECKING:`` (a type-only import still ties the lower layer to the higher one).
The test reads the source with :mod:`ast` and names each offending import with its line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "diffusion_scenarios"
ROOT = "diffusion_scenarios"

#: Each layer's rank: a module may import a module of the same or a lower rank.
LAYERS: dict[str, int] = {
    "errors": 0,
    "_base": 0,
    "data": 0,  # the shipped data files (a package with no code of its own)
    "_law": 1,
    "_facts": 2,
    "_engine": 3,
    "_render": 4,
    "_app": 5,
    "_cli": 5,
    "_lab": 5,
    "_caselaw": 5,  # the case-law browser and comparison (split of caselaw.py)
    "_exercises": 5,  # the exercises' cases and answer files (split of exercises.py)
}
PUBLIC = 5  # the package root and every public module (diffusion_scenarios/*.py)
NAMES = {0: "errors/_base", 1: "_law", 2: "_facts", 3: "_engine", 4: "_render", 5: "public"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str) -> bool:
    """Whether ``name`` (dotted, from the package root) is a module or package of ``src``."""
    path = SRC.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def rank(module: str) -> int:
    """The layer of a module of the package (``diffusion_scenarios._law.rules`` -> 1)."""
    parts = module.split(".")
    if len(parts) == 1:  # the package root: the public API
        return PUBLIC
    return LAYERS.get(parts[1], PUBLIC)


def _resolve(node: ast.Import | ast.ImportFrom, here: str, is_package: bool) -> list[str]:
    """The package's modules an import statement loads (others are ignored)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == ROOT]
    if node.level:  # a relative import
        base = here.split(".") if is_package else here.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    if target.split(".")[0] != ROOT:
        return []
    found = []
    for alias in node.names:  # ``from pkg import module`` loads the module itself
        sub = f"{target}.{alias.name}"
        found.append(sub if _is_module(sub) else target)
    return found


def imports_against_the_layers() -> list[str]:
    """Every import of the package that points from a layer to one on its right."""
    faults = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _module_name(path)
        own = rank(here)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):  # every import: top level, in functions, TYPE_CHECKING
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for target in _resolve(node, here, path.name == "__init__.py"):
                if rank(target) > own:
                    faults.append(
                        f"{path.relative_to(SRC)}:{node.lineno}: {here} ({NAMES[own]}) imports "
                        f"{target} ({NAMES[rank(target)]})"
                    )
    return sorted(set(faults), key=lambda f: (f.split(":")[0], int(f.split(":")[1])))


def test_no_import_goes_against_the_layers() -> None:
    faults = imports_against_the_layers()
    assert not faults, "imports against the layers:\n" + "\n".join(faults)


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("diffusion_scenarios", PUBLIC),
        ("diffusion_scenarios.caselaw", PUBLIC),
        ("diffusion_scenarios.errors", 0),
        ("diffusion_scenarios._base.files", 0),
        ("diffusion_scenarios._law.rules", 1),
        ("diffusion_scenarios._facts.scenario", 2),
        ("diffusion_scenarios._engine.grounds.findings", 3),
        ("diffusion_scenarios._render.wording", 4),
        ("diffusion_scenarios._app.panels", 5),
        ("diffusion_scenarios._caselaw.index", 5),
    ],
)
def test_each_module_has_its_layer(module: str, expected: int) -> None:
    assert rank(module) == expected


def test_the_check_sees_imports_in_functions_and_under_type_checking(tmp_path: Path) -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from diffusion_scenarios._engine.assessment import Assessment\n"
        "def f():\n"
        "    from .. import caselaw\n"
        "    import diffusion_scenarios._render.text\n"
    )
    tree = ast.parse(source)
    here = "diffusion_scenarios._law.example"
    found = [
        t
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for t in _resolve(node, here, False)
    ]
    assert found == [
        "diffusion_scenarios._engine.assessment",
        "diffusion_scenarios.caselaw",
        "diffusion_scenarios._render.text",
    ]
    assert all(rank(t) > rank(here) for t in found)
