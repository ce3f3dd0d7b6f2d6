"""One meaning of "on INTERPOL's files" for the engine, the trip table and the charts.

The data are on file from the day they circulate until the day before they are deleted;
the trip table of the explorer used to read the deletion day itself as "not sent there".
"""

from __future__ import annotations

import datetime as dt

import diffusion_scenarios as ds
from diffusion_scenarios._app.panels import travel_html
from diffusion_scenarios._engine.circulation import data_active_on

ISSUED = dt.date(2023, 1, 10)
DECIDED = dt.date(2024, 6, 1)
# Statute Art 41(1)-(2): sent within a month, carried out within a month of receipt.
DELETED = dt.date(2024, 8, 1)


def _assessed(*trip_days: dt.date) -> ds.Assessment:
    scenario = ds.Scenario(
        id="deleted-then-travel",
        notice=ds.Notice(kind="diffusion", requesting_country="KAZ", issued_on=ISSUED),
        case=ds.Case(prior_ccf_decision=ds.PriorDecision(outcome="not_compliant", date=DECIDED)),
        travel=tuple(ds.Trip(country="FRA", date=day) for day in trip_days),
        as_of=dt.date(2024, 7, 1),
    )
    return ds.assess(scenario)


def test_data_are_on_file_until_the_day_before_their_deletion() -> None:
    circulation = _assessed().circulation
    assert circulation.on_file(DELETED - dt.timedelta(days=1)) == "on_file"
    assert circulation.on_file(DELETED) == "no_longer"
    assert circulation.on_file(ISSUED - dt.timedelta(days=1)) == "not_yet"
    assert data_active_on(circulation, DELETED - dt.timedelta(days=1))
    assert not data_active_on(circulation, DELETED)


def test_a_trip_on_the_day_of_deletion_reads_no_longer_on_file_not_never_sent() -> None:
    assessment = _assessed(DELETED)
    assert not assessment.travel[0].notice_active
    table = travel_html(assessment)
    assert "no longer on INTERPOL&#x27;s files that day" in table or (
        "no longer on INTERPOL's files that day" in table
    )
    assert "not sent there" not in table


def test_a_trip_the_day_before_deletion_is_under_a_live_alert() -> None:
    assessment = _assessed(DELETED - dt.timedelta(days=1))
    assert assessment.travel[0].notice_active
    assert "alert live there" in travel_html(assessment)
