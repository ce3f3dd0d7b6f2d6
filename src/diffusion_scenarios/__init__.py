"""diffusion-scenarios: INTERPOL diffusions, red notices and the CCF challenge route.

An educational model, not legal advice. State the facts of a hypothetical case, then see
how the request was issued and circulated, the arrest risk per country and per trip, the
grounds for deletion with the rules they rest on, the CCF route with its dates, and the
most likely outcome::

    >>> import diffusion_scenarios as ds
    >>> scenario = ds.builtin_scenarios()["ccf-2019-u1"]
    >>> ds.assess(scenario).outcome.prediction
    'not_compliant'

The public names are listed in ``__all__`` (and are all that tab completion shows); each
public class says it lives here (``ds.Scenario.__module__ == "diffusion_scenarios"``).
Submodules for pictures and tools: :mod:`diffusion_scenarios.plots`,
:mod:`diffusion_scenarios.reports`, :mod:`diffusion_scenarios.widgets`,
:mod:`diffusion_scenarios.caselaw` and :mod:`diffusion_scenarios.lab`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._base.public import public_homes
from diffusion_scenarios._base.version import __version__ as __version__

if TYPE_CHECKING:
    # THE PUBLIC API, listed once: each public name imported from the module that defines it.
    # Type checkers and IDEs read these lines; at run time the package reads this same block
    # (``_base.public``) to load each name on first use, to list it in ``__all__`` and to
    # make each public class say it lives in ``diffusion_scenarios``. To make a name public,
    # add it here and nowhere else.
    from diffusion_scenarios._engine.assessment import Assessment as Assessment
    from diffusion_scenarios._engine.pipeline import assess as assess
    from diffusion_scenarios._facts.loader import builtin_scenarios as builtin_scenarios
    from diffusion_scenarios._facts.loader import load_scenario as load_scenario
    from diffusion_scenarios._facts.loader import loads_scenario as loads_scenario
    from diffusion_scenarios._facts.loader import resolve_scenario as resolve_scenario
    from diffusion_scenarios._facts.loader import save_scenario as save_scenario
    from diffusion_scenarios._facts.loader import scenario_from_dict as scenario_from_dict
    from diffusion_scenarios._facts.loader import scenario_to_dict as scenario_to_dict
    from diffusion_scenarios._facts.scenario import ArrestWarrant as ArrestWarrant
    from diffusion_scenarios._facts.scenario import Case as Case
    from diffusion_scenarios._facts.scenario import Challenge as Challenge
    from diffusion_scenarios._facts.scenario import CivilProceedings as CivilProceedings
    from diffusion_scenarios._facts.scenario import Evidence as Evidence
    from diffusion_scenarios._facts.scenario import ExtraditionProceeding as ExtraditionProceeding
    from diffusion_scenarios._facts.scenario import FinalJudgment as FinalJudgment
    from diffusion_scenarios._facts.scenario import InAbsentiaDetails as InAbsentiaDetails
    from diffusion_scenarios._facts.scenario import Notice as Notice
    from diffusion_scenarios._facts.scenario import Person as Person
    from diffusion_scenarios._facts.scenario import PriorDecision as PriorDecision
    from diffusion_scenarios._facts.scenario import RefugeeStatus as RefugeeStatus
    from diffusion_scenarios._facts.scenario import Scenario as Scenario
    from diffusion_scenarios._facts.scenario import Trip as Trip
    from diffusion_scenarios._law.countries import country_name as country_name
    from diffusion_scenarios._law.countries import members_on as members_on
    from diffusion_scenarios._law.reference import CountryPractice as CountryPractice
    from diffusion_scenarios._law.reference import country_practice as country_practice
    from diffusion_scenarios._law.rules import rule_citation as rule_citation
    from diffusion_scenarios.errors import CaseLawError as CaseLawError
    from diffusion_scenarios.errors import DiffusionScenariosError as DiffusionScenariosError
    from diffusion_scenarios.errors import LabError as LabError
    from diffusion_scenarios.errors import MissingDependencyError as MissingDependencyError
    from diffusion_scenarios.errors import OutputExistsError as OutputExistsError
    from diffusion_scenarios.errors import OutputPathError as OutputPathError
    from diffusion_scenarios.errors import ReferenceDataError as ReferenceDataError
    from diffusion_scenarios.errors import ScenarioError as ScenarioError
    from diffusion_scenarios.errors import UnknownScenarioError as UnknownScenarioError

#: Each public name -> the module that defines it, read from the block above.
_HOMES: dict[str, str] = public_homes()

__all__ = [*sorted(_HOMES), "__version__"]


def __getattr__(name: str) -> Any:
    module = _HOMES.get(name)
    if module is None:
        raise AttributeError(f"module 'diffusion_scenarios' has no attribute '{name}'")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
