"""diffusion-scenarios: INTERPOL diffusions, red notices and the CCF challenge route.

An educational model, not legal advice. State the facts of a hypothetical case, then see
how the request was issued and circulated, the arrest risk per country and per trip, the
grounds for deletion with the rules they rest on, the CCF route with its dates, and the
most likely outcome::

    >>> import diffusion_scenarios as ds
    >>> scenario = ds.builtin_scenarios()["ccf-2019-u1"]
    >>> ds.assess(scenario).outcome.prediction
    'not_compliant'

The public names are listed in ``__all__`` (and are all that tab completion shows).
Submodules for pictures and tools: :mod:`diffusion_scenarios.plots`,
:mod:`diffusion_scenarios.reports`, :mod:`diffusion_scenarios.widgets`,
:mod:`diffusion_scenarios.caselaw` and :mod:`diffusion_scenarios.lab`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> the private module that defines it. Imported on first use, so that
# ``import diffusion_scenarios`` stays fast and never pulls in pandas or matplotlib.
_LAZY: dict[str, str] = {
    # facts
    "Scenario": "._facts.scenario",
    "Person": "._facts.scenario",
    "RefugeeStatus": "._facts.scenario",
    "Notice": "._facts.scenario",
    "Case": "._facts.scenario",
    "ArrestWarrant": "._facts.scenario",
    "CivilProceedings": "._facts.scenario",
    "ExtraditionProceeding": "._facts.scenario",
    "PriorDecision": "._facts.scenario",
    "Trip": "._facts.scenario",
    "Challenge": "._facts.scenario",
    # loading
    "load_scenario": "._facts.loader",
    "loads_scenario": "._facts.loader",
    "scenario_from_dict": "._facts.loader",
    "scenario_to_dict": "._facts.loader",
    "builtin_scenarios": "._facts.loader",
    "save_scenario": "._facts.loader",
    "resolve_scenario": "._facts.loader",
    # reference data
    "country_practice": "._law.reference",
    "CountryPractice": "._law.reference",
    "country_name": "._law.countries",
    "members_on": "._law.countries",
    # assessing
    "assess": "._engine.pipeline",
    "Assessment": "._engine.assessment",
    "rule_citation": "._law.rules",
    # errors
    "DiffusionScenariosError": ".errors",
    "ScenarioError": ".errors",
    "UnknownScenarioError": ".errors",
    "OutputExistsError": ".errors",
    "OutputPathError": ".errors",
    "ReferenceDataError": ".errors",
    "CaseLawError": ".errors",
    "LabError": ".errors",
    "MissingDependencyError": ".errors",
}

__all__ = [*sorted(_LAZY), "__version__"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'diffusion_scenarios' has no attribute '{name}'")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from diffusion_scenarios._engine.assessment import Assessment
    from diffusion_scenarios._engine.pipeline import assess
    from diffusion_scenarios._facts.loader import (
        builtin_scenarios,
        load_scenario,
        loads_scenario,
        resolve_scenario,
        save_scenario,
        scenario_from_dict,
        scenario_to_dict,
    )
    from diffusion_scenarios._facts.scenario import (
        ArrestWarrant,
        Case,
        Challenge,
        CivilProceedings,
        ExtraditionProceeding,
        Notice,
        Person,
        PriorDecision,
        RefugeeStatus,
        Scenario,
        Trip,
    )
    from diffusion_scenarios._law.countries import country_name, members_on
    from diffusion_scenarios._law.reference import CountryPractice, country_practice
    from diffusion_scenarios._law.rules import rule_citation
    from diffusion_scenarios.errors import (
        CaseLawError,
        DiffusionScenariosError,
        LabError,
        MissingDependencyError,
        OutputExistsError,
        OutputPathError,
        ReferenceDataError,
        ScenarioError,
        UnknownScenarioError,
    )
