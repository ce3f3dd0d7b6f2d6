"""The fact paths of the scenario format, as the law's catalogue may name them.

The catalogue names facts (the outcome's ``facts_that_matter``: ``case.stage``,
``challenge.ncb_responds``) and refuses a path that names none. The facts are declared in
the facts layer, which sits above the law: the law cannot import them. So the facts layer
hands its paths over when it loads (``_facts.scenario`` calls :func:`know_fact_paths`), and
the catalogue asks :func:`known_fact_paths`. Code that reads the law alone, with no facts
loaded, never looks a fact up; there a path is checked for its form only.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["know_fact_paths", "known_fact_paths"]

_PROVIDER: list[Callable[[], frozenset[str]]] = []


def know_fact_paths(paths: Callable[[], frozenset[str]]) -> None:
    """Check every fact path the catalogue names against ``paths()`` from now on."""
    _PROVIDER[:] = [paths]


def known_fact_paths() -> frozenset[str] | None:
    """Every fact path of the scenario format, or ``None`` while no facts are loaded."""
    return _PROVIDER[0]() if _PROVIDER else None
