"""The public API's one list, read where it is written: the package root's imports.

``diffusion_scenarios/__init__.py`` imports every public name, for type checkers, from the
module that defines it, in one block under ``if TYPE_CHECKING:``. That block is the list:
:func:`public_homes` reads it (with :mod:`ast`, once) so that the package can load each name
on first use (``import diffusion_scenarios`` stays fast and never pulls in pandas or
matplotlib) and list it in ``__all__``, and :func:`publish` makes each public class defined
in a private module say it lives in ``diffusion_scenarios`` (``ds.Scenario.__module__``;
pickles then name the public path). The errors keep their own public module,
``diffusion_scenarios.errors``, as every traceback has named them. A name is made public
by adding its import there, and nowhere else.
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from typing import Any

__all__ = ["PACKAGE", "public_homes", "publish"]

PACKAGE = "diffusion_scenarios"


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


@cache
def public_homes() -> dict[str, str]:
    """Each public name -> the module that defines it, in the order the package root lists
    them (``{"Assessment": "diffusion_scenarios._engine.assessment", ...}``)."""
    spec = sys.modules[PACKAGE].__spec__  # the package is always imported before its modules
    source = spec.loader.get_source(PACKAGE) if spec and spec.loader else None  # type: ignore[attr-defined]
    if source is None:
        raise ImportError(
            f"{PACKAGE}: the source of __init__.py, which lists the public API, is missing"
        )
    homes: dict[str, str] = {}
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.If) and _is_type_checking(node.test)):
            continue
        for statement in node.body:
            if isinstance(statement, ast.ImportFrom) and statement.module:
                for alias in statement.names:
                    homes[alias.asname or alias.name] = statement.module
    return homes


def publish(namespace: dict[str, Any]) -> None:
    """Make the public classes of the module whose globals are ``namespace`` say they live in
    ``diffusion_scenarios``; called at the end of each module that defines one.

    A class's docstring examples then belong to the package for :mod:`doctest`, so each
    class is also listed in the module's ``__test__``: testing the module still runs them.
    Its annotations, written as text (``from __future__ import annotations``), are read
    in the module that wrote them, so that :func:`typing.get_type_hints` still finds them
    (it would look them up in the package).
    """
    module = namespace["__name__"]
    tests: dict[str, Any] = namespace.setdefault("__test__", {})
    for name, home in public_homes().items():
        item = namespace.get(name) if home == module else None
        if isinstance(item, type):
            item.__module__ = PACKAGE
            tests[name] = item
            _resolve_annotations(item, namespace)


def _resolve_annotations(cls: type, namespace: dict[str, Any]) -> None:
    """Replace the class's own annotations given as text by the objects they name in
    ``namespace``; one naming a type imported only for type checkers stays text."""
    import inspect  # loaded already by the modules that define classes (dataclasses uses it)

    own = inspect.get_annotations(cls)
    if not own:
        return
    resolved: dict[str, Any] = {}
    for key, hint in own.items():
        try:
            resolved[key] = eval(hint, namespace) if isinstance(hint, str) else hint
        except NameError:  # a name only imported under TYPE_CHECKING
            resolved[key] = hint
    cls.__annotations__ = resolved
