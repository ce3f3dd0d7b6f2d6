"""The package imports nothing that newer Pythons removed (it claims 3.11 and later)."""

from __future__ import annotations

import ast
from pathlib import Path

import diffusion_scenarios

# Names removed from the standard library in a Python the package claims to support.
_REMOVED = {
    ("importlib.abc", "Traversable"): "3.14 (use importlib.resources.abc.Traversable)",
    ("importlib.abc", "TraversableResources"): "3.14 (use importlib.resources.abc)",
}


def test_the_package_does_not_import_what_python_3_14_removed() -> None:
    root = Path(diffusion_scenarios.__file__).parent
    found = []
    for source in sorted(root.rglob("*.py")):
        tree = ast.parse(source.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    if (node.module, alias.name) in _REMOVED:
                        found.append(f"{source.relative_to(root)}:{node.lineno} {alias.name}")
    assert not found, f"removed in Python {_REMOVED}: {found}"
