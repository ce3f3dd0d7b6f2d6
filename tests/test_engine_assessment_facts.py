"""Facts of the day that renderers read from the assessment instead of recomputing them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import diffusion_scenarios as ds
from diffusion_scenarios._law.countries import members_on
from diffusion_scenarios._render.phrases import risk_phrase, trip_risk_phrase

D = dt.date


def assessed() -> ds.Assessment:
    facts = ds.Scenario(
        id="unit",
        notice=ds.Notice(kind="red_notice", requesting_country="KAZ", issued_on=D(2023, 1, 10)),
        travel=(
            ds.Trip(country="HKG", date=D(2025, 6, 1)),
            ds.Trip(country="TWN", date=D(2025, 6, 1)),
            ds.Trip(country="FRA", date=D(2025, 6, 1)),
        ),
    )
    return ds.assess(facts, as_of=D(2025, 3, 1))


def test_the_assessment_holds_the_members_on_the_day_assessed() -> None:
    assessment = assessed()
    assert assessment.members == frozenset(members_on(D(2025, 3, 1)))
    assert assessment.is_member("FRA") and not assessment.is_member("TWN")


def test_membership_follows_the_day_when_an_assessment_is_moved_to_another_day() -> None:
    before_palau = dataclasses.replace(assessed(), as_of=D(2023, 11, 1))
    assert not before_palau.is_member("PLW")
    assert assessed().is_member("PLW")


def test_the_requesting_state_is_read_from_the_facts_or_else_the_enforcement_table() -> None:
    assessment = assessed()
    assert assessment.requesting_country == "KAZ"
    assert dataclasses.replace(assessment, scenario=None).requesting_country == "KAZ"


def test_a_trip_says_through_which_member_an_alert_reaches_it() -> None:
    hong_kong, taiwan, france = assessed().travel
    assert (hong_kong.reached_through, hong_kong.served_by) == ("CHN", "CHN")
    assert (taiwan.reached_through, taiwan.served_by) == (None, None)
    assert (france.reached_through, france.served_by) == ("FRA", None)


def test_risk_words_come_from_the_renderers_phrases() -> None:
    assessment = assessed()
    taiwan = assessment.travel[1]
    assert trip_risk_phrase(assessment, taiwan) == "no INTERPOL-alert risk: not an INTERPOL member"
    assert risk_phrase("medium") == "medium risk"


def test_the_new_facts_are_not_part_of_the_json() -> None:
    data = assessed().to_dict()
    assert "members" not in data and "requesting_country" not in data
    assert "reached_through" not in data["travel"][0]
