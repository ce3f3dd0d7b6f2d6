"""Second practitioner review (issue 20): what the legal-case format cannot say directly.

The legal cases in ``tests/legal_cases/`` carry most of issue 20; these few tests check
fields the case format has no key for (an enforcement entry's consequence sentence).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


# Interface 5 of the team contracts: nothing a user sees cites an internal brief id.
_BRIEF_ID = re.compile(
    r"\b(?:DF|CHQ|NBI|NAT|ABS|RN|RF|CCF|PA-[A-Z]{2,3}|Q|I|N|D|V-[A-Z]+)-\d+[a-z]?\b"
)


def _texts(value: Any) -> Iterator[str]:
    """Every string an assessment's JSON shows, save the citations' own fields."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "citations":
                yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def test_no_sentence_the_engine_produces_cites_an_internal_brief_id() -> None:
    scenarios = list(ds.builtin_scenarios().values())
    for path in sorted(CASES.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        scenarios.append(ds.scenario_from_dict(doc["scenario"]))
    found = {
        match
        for scenario in scenarios
        for text in _texts(ds.assess(scenario).to_dict())
        for match in _BRIEF_ID.findall(text)
    }
    assert not found, sorted(found)


def test_the_brief_id_pattern_catches_an_id_and_spares_a_case_number() -> None:
    assert _BRIEF_ID.findall("as reported (DF-17)") == ["DF-17"]
    assert _BRIEF_ID.findall("C-505/19 WS") == []
