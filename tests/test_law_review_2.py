"""Second practitioner review (issue 20): what the legal-case format cannot say directly.

The legal cases in ``tests/legal_cases/`` carry most of issue 20; these few tests check
fields the case format has no key for (an enforcement entry's consequence sentence).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

import diffusion_scenarios as ds

CASES = Path(__file__).parent / "legal_cases"


def _case(stem: str) -> ds.Assessment:
    doc = yaml.safe_load((CASES / f"{stem}.yaml").read_text(encoding="utf-8"))
    return ds.assess(ds.scenario_from_dict(doc["scenario"]))


def test_a_pending_extradition_case_not_the_alert_is_named_where_the_us_does_not_arrest_on_alerts() -> None:  # noqa: E501
    """Point 3 (RN-12): the US does not arrest on an INTERPOL alert alone."""
    assessment = _case(
        "p_where_the_united_states_does_not_arrest_on_an_alert_alone_a_pending_extradition_"
        "case_is_named_as_the_source_of_the_risk_not_the_alert"
    )
    usa = next(e for e in assessment.enforcement if e.country == "USA")
    assert usa.arrest_risk == "high"
    assert "on the alert" not in usa.consequence
    assert "pending" in usa.consequence


def test_a_country_that_arrests_on_alerts_is_still_said_to_detain_on_the_alert() -> None:
    """The other side of point 3: a high risk from national practice keeps its wording."""
    scenario = ds.Scenario(
        id="fra",
        notice=ds.Notice(
            kind="red_notice", requesting_country="KAZ", issued_on=dt.date(2020, 1, 10)
        ),
    )
    assessment = ds.assess(scenario, as_of=dt.date(2025, 3, 1))
    france = next(e for e in assessment.enforcement if e.country == "FRA")
    assert france.arrest_risk == "high"
    assert "on the alert" in france.consequence
