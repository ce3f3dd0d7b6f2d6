"""The interactive scenario explorer: change the facts, see the assessment redrawn.

:class:`ScenarioExplorer` is a set of labelled ipywidgets controls, one for each fact that
matters (notice, recipients, offence and penalty, origin, political and human-rights
indicators, refugee status, extradition history, trips, challenge dates), and a row of
panels that render the :class:`~diffusion_scenarios.Assessment` of those facts: issuance,
a map, the enforcement table, trips, grounds with their rules, the CCF route and the
outcome with its trace. It decides nothing itself: each change builds a new frozen
:class:`~diffusion_scenarios.Scenario` and calls :func:`~diffusion_scenarios.assess`.

In a notebook::

    >>> from diffusion_scenarios.widgets import ScenarioExplorer
    >>> explorer = ScenarioExplorer("diffusion-commercial-dispute-europe")
    >>> explorer.assessment.scenario_id
    'diffusion-commercial-dispute-europe'
    >>> explorer.widget  # doctest: +SKIP

As a code-free app: ``voila notebooks/04_scenario_explorer.ipynb``.

Educational model, not legal advice.
"""

from __future__ import annotations

import os
from typing import Any

from diffusion_scenarios._app.exercise_card import ExerciseCard, student_name_box
from diffusion_scenarios._app.explorer.changes import scenario_changes
from diffusion_scenarios._app.explorer.explorer import DEFAULT_SCENARIO, ScenarioExplorer
from diffusion_scenarios._app.explorer.files import WORKSPACE_ENV as WORKSPACE_ENV
from diffusion_scenarios._engine.assessment import Assessment

__all__ = [
    "DEFAULT_SCENARIO",
    "ExerciseCard",
    "ScenarioExplorer",
    "running_in_voila",
    "scenario_changes",
    "student_name_box",
    "summary_card",
]


def summary_card(assessment: Assessment, *, full_report: bool = True) -> Any:
    """A picture of one assessment for a first look: the likely outcome with its likelihood
    bars, the map, the route timeline and what comes next, with the whole text report one
    click away. Shown as HTML in a notebook (no kernel needed once saved).

    Example:
        >>> import diffusion_scenarios as ds
        >>> card = summary_card(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]))
        >>> "What comes next" in card.data
        True
    """
    from IPython.display import HTML

    from diffusion_scenarios._app.card import summary_card_html
    from diffusion_scenarios.reports import render

    report = render(assessment, "text") if full_report else ""
    return HTML(summary_card_html(assessment, report=report))  # type: ignore[no-untyped-call,unused-ignore]


def running_in_voila() -> bool:
    """Whether this kernel was started by a Voilà server (the code-free app).

    Notebooks use it to skip their static, for-reading output when served as an app.

    Example:
        >>> isinstance(running_in_voila(), bool)
        True
    """
    # A kernel started for a page has SERVER_SOFTWARE=voila/...; a kernel Voilà starts ahead
    # of time (preheated, see voila.json) has no request yet, only Voilà's own variables.
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila") or (
        "VOILA_PREHEAT" in os.environ or "VOILA_BASE_URL" in os.environ
    )


# The public classes say they live here, where they are imported from.
ScenarioExplorer.__module__ = __name__
ExerciseCard.__module__ = __name__

# The examples in the docstrings of the functions published here (doctest reads them here).
__test__ = {"scenario_changes": scenario_changes}
