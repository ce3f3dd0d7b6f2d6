"""Nothing applies before it is in force (issue 11 point 1).

Every rule an assessment cites is applied to a day (the issue date, the day the data went
out, a trip's date, a route step's date, the day assessed: see ``_engine.pipeline.applied_rules``).
It must be in force on that day, unless the text citing it says it was "not yet in force".
Checked over every built-in scenario, every legal case and the shared CCF decisions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import yaml

import diffusion_scenarios as ds
from diffusion_scenarios._engine.assessment import Reason, RouteStep
from diffusion_scenarios._engine.pipeline import applied_rules
from diffusion_scenarios._law.rules import NOT_YET_IN_FORCE, catalogue
from diffusion_scenarios._render.phrases import trip_risk_phrase

D = dt.date
_HERE = Path(__file__).resolve()
_SHARED_CANDIDATES = [p / "shared" / "domain" / "cases" for p in _HERE.parents[1:4]]
SHARED_CASES = next((p for p in _SHARED_CANDIDATES if p.is_dir()), None)


def _all_scenarios() -> dict[str, ds.Scenario]:
    scenarios = {f"builtin:{k}": v for k, v in ds.builtin_scenarios().items()}
    for path in sorted((_HERE.parent / "legal_cases").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        scenarios[f"legal:{path.stem}"] = ds.scenario_from_dict(doc["scenario"])
    if SHARED_CASES is not None:
        for path in sorted(SHARED_CASES.glob("*.yaml")):
            scenarios[f"shared:{path.stem}"] = ds.load_scenario(path)
    return scenarios


def _violations(assessment: ds.Assessment) -> list[str]:
    return [
        f"{a.rule} applied on {a.day} in {a.where}"
        for a in applied_rules(assessment)
        if not a.in_force and not a.said_not_yet_in_force
    ]


def test_every_cited_rule_is_in_force_on_the_day_it_is_applied() -> None:
    problems = {}
    scenarios = _all_scenarios()
    assert len(scenarios) >= 150  # built-ins and legal cases at least
    for key, scenario in scenarios.items():
        found = _violations(ds.assess(scenario))
        if found:
            problems[key] = found
    assert not problems, problems


@pytest.mark.skipif(SHARED_CASES is None, reason="shared/domain/cases is not next to the repo")
def test_the_shared_ccf_decisions_are_all_checked() -> None:
    assert SHARED_CASES is not None
    assert len(list(SHARED_CASES.glob("*.yaml"))) >= 28


def test_the_check_catches_a_rule_cited_before_it_came_into_force() -> None:
    scenario = ds.scenario_from_dict(
        {
            "format": 1,
            "id": "early",
            "as_of": D(2016, 6, 1),
            "notice": {
                "kind": "diffusion",
                "requesting_country": "KZ",
                "issued_on": D(2016, 1, 4),
            },
        }
    )
    result = ds.assess(scenario)
    assert _violations(result) == []
    wrong = RouteStep(
        step="provisional_measures",
        date=D(2016, 6, 1),
        deadline=None,
        citations=("ccf-statute-37-provisional-measures",),
        description="Ask for provisional measures under Article 37.",
    )
    planted = dataclasses.replace(result, route=(*result.route, wrong))
    assert _violations(planted) == [
        "ccf-statute-37-provisional-measures applied on 2016-06-01 in route provisional_measures"
    ]
    said = dataclasses.replace(
        wrong,
        description="",
        why=(
            Reason(
                "Article 37 was not yet in force on that day.",
                rules=("ccf-statute-37-provisional-measures",),
                in_force=False,
            ),
        ),
    )
    assert _violations(dataclasses.replace(result, route=(*result.route, said))) == []


def test_words_saying_not_yet_in_force_do_not_excuse_a_rule_only_the_reasons_values_do() -> None:
    scenario = ds.scenario_from_dict(
        {
            "format": 1,
            "id": "early",
            "as_of": D(2016, 6, 1),
            "notice": {"kind": "diffusion", "requesting_country": "KZ", "issued_on": D(2016, 1, 4)},
        }
    )
    result = ds.assess(scenario)
    worded = RouteStep(
        step="provisional_measures",
        date=D(2016, 6, 1),
        deadline=None,
        citations=("ccf-statute-37-provisional-measures",),
        description=f"Article 37 was {NOT_YET_IN_FORCE} on that day.",
    )
    assert _violations(dataclasses.replace(result, route=(*result.route, worded))) == [
        "ccf-statute-37-provisional-measures applied on 2016-06-01 in route provisional_measures"
    ]


def test_a_citation_for_a_day_before_the_rule_existed_says_it_was_not_yet_in_force() -> None:
    before = catalogue().citation("ccf-statute-37-provisional-measures", D(2016, 6, 1))
    on_the_day = catalogue().citation("ccf-statute-37-provisional-measures", D(2017, 3, 11))
    assert before.version.startswith("not yet in force on 2016-06-01")
    assert "not yet in force" not in on_the_day.version


def test_a_citation_never_shows_a_later_amendment_for_an_earlier_day() -> None:
    functions_2020 = catalogue().citation("ccf-statute-3-functions", D(2020, 1, 1))
    assert "2025" not in functions_2020.version
    membership_2016 = catalogue().citation("interpol-membership", D(2016, 1, 4))
    assert "Hanoi" in membership_2016.version


def test_before_the_statute_the_rule_on_the_same_matter_then_in_force_is_cited() -> None:
    cat = catalogue()
    assert cat.in_force_for("ccf-statute-3-functions", D(2017, 3, 10)) == "rci-requests"
    assert cat.in_force_for("ccf-statute-3-functions", D(2017, 3, 11)) == (
        "ccf-statute-3-functions"
    )


def test_a_diffusion_is_cited_with_the_membership_of_the_day_it_was_sent() -> None:
    scenario = ds.scenario_from_dict(
        {
            "format": 1,
            "id": "sent-2016",
            "as_of": D(2025, 3, 1),
            "notice": {
                "kind": "diffusion",
                "requesting_country": "KZ",
                "issued_on": D(2016, 1, 4),
            },
            "travel": [{"country": "FR", "date": D(2025, 6, 1)}],
        }
    )
    result = ds.assess(scenario)
    assert "Hanoi" in result.citation("interpol-membership").version


def test_an_unfunded_cheque_red_notice_from_qatar_carries_real_risk_on_trips() -> None:
    """Issue 10 point 5, as a new user met it: 0 recipients and 'no INTERPOL-alert risk'."""
    scenario = ds.scenario_from_dict(
        {
            "format": 1,
            "id": "qatar-cheque",
            "as_of": D(2025, 3, 1),
            "person": {"nationalities": ["GB"], "residence": "GB"},
            "notice": {
                "kind": "red_notice",
                "requesting_country": "QA",
                "issued_on": D(2023, 6, 1),
            },
            "case": {"offence": "unfunded_cheque", "amount_usd": 410000},
            "travel": [
                {"country": "FR", "date": D(2025, 6, 1)},
                {"country": "AE", "date": D(2025, 7, 1)},
            ],
        }
    )
    result = ds.assess(scenario)
    assert result.circulation.recipient_count == 195
    for trip in result.travel:
        assert trip.notice_active
        assert trip.arrest_risk != "none", trip.reasons
        assert "no INTERPOL-alert risk" not in trip_risk_phrase(result, trip)


def test_nothing_on_file_before_the_issue_date_gives_no_prediction_in_json() -> None:
    scenario = ds.scenario_from_dict(
        {
            "format": 1,
            "id": "early",
            "as_of": D(2025, 1, 9),
            "notice": {
                "kind": "diffusion",
                "requesting_country": "KZ",
                "issued_on": D(2025, 1, 10),
            },
        }
    )
    outcome = ds.assess(scenario).to_dict()["outcome"]
    assert outcome["prediction"] is None
    assert outcome["likelihood"] is None
    assert outcome["confidence"] is None
    assert "nothing on file" in outcome["summary"]


def test_a_rule_applied_before_it_existed_gives_way_to_the_rule_then_in_force() -> None:
    scenario = ds.scenario_from_dict(
        {
            "format": 1,
            "id": "june-2012",
            "as_of": D(2012, 6, 30),
            "notice": {
                "kind": "red_notice",
                "requesting_country": "KZ",
                "issued_on": D(2012, 6, 1),
            },
            "case": {"offence": "homicide", "max_penalty_years": 20},
        }
    )
    before = ds.assess(scenario)
    france = next(e for e in before.enforcement if e.country == "FRA")
    assert "rpd-87-located-person" not in france.citations
    assert "rpd-before-2012" in france.citations
    after = ds.assess(scenario, as_of=D(2012, 7, 1))
    france = next(e for e in after.enforcement if e.country == "FRA")
    assert "rpd-87-located-person" in france.citations
