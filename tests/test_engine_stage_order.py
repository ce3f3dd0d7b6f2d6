"""One way through the stages: ``assess`` runs each stage once, in the documented order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios._engine import outcome as outcome_module
from diffusion_scenarios._engine import pipeline

D = dt.date

#: The stage functions ``assess`` calls, by the stage name of ``STAGE_ORDER``.
STAGE_FUNCTIONS = {
    "grounds": "evaluate_grounds",
    "issuance": "issuance_stage",
    "circulation": "circulation_stage",
    "enforcement": "enforcement_stage",
    "route": "route_stage",
    "travel": "travel_stage",
    "outcome": "predict_outcome",
}


def red_notice(issued_on: dt.date) -> ds.Scenario:
    return ds.Scenario(
        id="unit",
        notice=ds.Notice(kind="red_notice", requesting_country="KAZ", issued_on=issued_on),
        case=ds.Case(origin="commercial_dispute", offence="fraud"),
        travel=(ds.Trip(country="FRA", date=D(2025, 6, 1)),),
    )


def diffusion() -> ds.Scenario:
    return ds.Scenario(
        id="unit",
        notice=ds.Notice(kind="diffusion", requesting_country="KAZ", issued_on=D(2025, 1, 10)),
        case=ds.Case(origin="family_matter"),
    )


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """Every stage call ``assess`` makes, as (stage, day it was asked about), in order."""
    seen: list[tuple[str, Any]] = []

    def spy(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def recorded(*args: Any, **kwargs: Any) -> Any:
            day = args[1] if len(args) > 1 and stage in ("grounds", "outcome") else None
            seen.append((stage, day))
            return function(*args, **kwargs)

        return recorded

    for stage, name in STAGE_FUNCTIONS.items():
        monkeypatch.setattr(pipeline, name, spy(stage, getattr(pipeline, name)))
    # The outcome must not reach back into the grounds on its own.
    monkeypatch.setattr(
        outcome_module,
        "evaluate_grounds",
        spy("grounds from the outcome", outcome_module.evaluate_grounds),
    )
    return seen


def test_the_documented_order_is_the_one_in_the_pipeline_docstring() -> None:
    assert " -> ".join(pipeline.STAGE_ORDER) in (pipeline.__doc__ or "")


def test_assess_runs_the_stages_in_the_documented_order_each_once(
    calls: list[tuple[str, Any]],
) -> None:
    ds.assess(red_notice(D(2025, 1, 10)), as_of=D(2025, 1, 10))
    assert tuple(stage for stage, _ in calls) == pipeline.STAGE_ORDER


def test_a_diffusion_has_its_grounds_evaluated_once_per_assessment(
    calls: list[tuple[str, Any]],
) -> None:
    ds.assess(diffusion(), as_of=D(2025, 3, 1))
    assert [c for c in calls if c[0].startswith("grounds")] == [("grounds", D(2025, 3, 1))]


def test_a_red_notice_assessed_on_its_issue_date_has_its_grounds_evaluated_once(
    calls: list[tuple[str, Any]],
) -> None:
    ds.assess(red_notice(D(2025, 1, 10)), as_of=D(2025, 1, 10))
    assert [c for c in calls if c[0].startswith("grounds")] == [("grounds", D(2025, 1, 10))]


def test_a_red_notice_assessed_later_has_its_grounds_evaluated_once_per_day_needed(
    calls: list[tuple[str, Any]],
) -> None:
    ds.assess(red_notice(D(2024, 5, 2)), as_of=D(2025, 3, 1))
    grounds = [c for c in calls if c[0].startswith("grounds")]
    assert grounds == [("grounds", D(2025, 3, 1)), ("grounds", D(2024, 5, 2))]


def test_every_built_in_scenario_has_its_grounds_evaluated_at_most_once_per_day(
    calls: list[tuple[str, Any]],
) -> None:
    for scenario in ds.builtin_scenarios().values():
        calls.clear()
        ds.assess(scenario)
        days = [day for stage, day in calls if stage.startswith("grounds")]
        assert "grounds from the outcome" not in {stage for stage, _ in calls}
        assert len(days) == len(set(days)) <= 2, scenario.id


def test_the_outcome_is_the_same_whether_or_not_the_unknowns_are_passed() -> None:
    scenario = diffusion()
    day = D(2025, 3, 1)
    found = pipeline.evaluate_grounds(scenario, day)
    passed = outcome_module.predict_outcome(scenario, found.grounds, day, unknowns=found.depends_on)
    assert passed == outcome_module.predict_outcome(scenario, found.grounds, day)
