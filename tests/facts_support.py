"""Hypothesis support for tests that generate facts: keep only values that can be built.

Values check themselves when built (``_facts/scenario.py``), so a strategy that combines
fields freely (a remaining sentence longer than the sentence, a requesting state before it
joined INTERPOL) would fail while drawing. :func:`buildable` draws without the checks and
keeps only what the checks accept: the facts a file, the explorer or code can hold.
"""

from __future__ import annotations

from typing import Any, TypeVar

from hypothesis import assume
from hypothesis import strategies as st

from diffusion_scenarios._facts.checks import check_value
from diffusion_scenarios._facts.scenario import trusted
from diffusion_scenarios.errors import ScenarioError

T = TypeVar("T")


def can_be_built(value: Any) -> bool:
    """Whether ``value`` passes the checks it would meet if built in code."""
    try:
        check_value(value)
    except ScenarioError:
        return False
    return True


@st.composite
def buildable(draw: st.DrawFn, strategy: st.SearchStrategy[T]) -> T:
    """A value drawn from ``strategy`` that can be built (others are rejected)."""
    with trusted():
        value = draw(strategy)
    assume(can_be_built(value))
    return value
