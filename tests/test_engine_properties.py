"""Properties of the engine that must hold for any facts (hypothesis, modest example counts).

Scenarios are drawn from the format's vocabularies: notice kind and purpose, recipients
mixing regions and countries, nationalities, refugee status, extradition history, double
criminality, offences, origins, political context, trips and a challenge.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from facts_support import buildable, can_be_built
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import diffusion_scenarios as ds
from diffusion_scenarios._engine.stage import RISK_ORDER
from diffusion_scenarios._facts.scenario import trusted
from diffusion_scenarios._law.rules import catalogue
from diffusion_scenarios._law.vocab import (
    CHALLENGE_REQUESTS,
    EXTRADITION_GROUNDS,
    EXTRADITION_OUTCOMES,
    HUMAN_RIGHTS_CONCERNS,
    INTERPOL_REGIONS,
    OFFENCES,
    ORIGINS,
    POLITICAL_INDICATORS,
    PROFILES,
    PURPOSES,
)

D = dt.date
# Members with recorded practice, EU members on the bloc rule, unknown ones, and Palau
# (admitted 29 November 2023), so recipients and dates interact.
COUNTRIES = (
    "FRA", "DEU", "ESP", "USA", "GBR", "CHE", "TUR", "ARE", "BRA",
    "KAZ", "RUS", "CHN", "IND", "NGA", "PLW", "AUS", "ITA", "GRC",
)  # fmt: skip
RECIPIENT_WORDS = (*INTERPOL_REGIONS, "eu", "schengen")
OUTCOME_RANK = {"compliant": 0, "compliant_with_update": 1, "not_compliant": 2}

country = st.sampled_from(COUNTRIES)
day = st.dates(min_value=D(2013, 1, 1), max_value=D(2026, 6, 30))
token = st.one_of(st.sampled_from(COUNTRIES), st.sampled_from(RECIPIENT_WORDS))


def scenarios(kind: str | None = None) -> st.SearchStrategy[ds.Scenario]:
    """Scenarios that can be built (drawn freely, then checked: see facts_support)."""
    return buildable(_scenarios(kind))


@st.composite
def _scenarios(draw: st.DrawFn, kind: str | None = None) -> ds.Scenario:
    requesting = draw(country)
    issued = draw(day)
    as_of = issued + dt.timedelta(days=draw(st.integers(0, 900)))
    notice_kind = kind or draw(st.sampled_from(("diffusion", "red_notice")))
    recipients = None
    if notice_kind == "diffusion":
        recipients = draw(
            st.none() | st.lists(token, min_size=1, max_size=4, unique=True).map(tuple)
        )
    notice = ds.Notice(
        kind=notice_kind,
        requesting_country=requesting,
        issued_on=issued,
        purpose=draw(st.none() | st.sampled_from(PURPOSES)),
        recipients=recipients,
        public_extract=draw(st.none() | st.booleans()) if notice_kind == "red_notice" else None,
    )
    others = [c for c in COUNTRIES if c != requesting]
    refugee = draw(
        st.none()
        | st.builds(
            ds.RefugeeStatus,
            status=st.sampled_from(("recognised", "asylum_seeker", "refused", "revoked")),
            granted_by=st.sampled_from(others),
            granted_on=st.none() | day,
            feared_persecution_from=st.none() | st.just(requesting),
        )
    )
    person = ds.Person(
        nationalities=tuple(draw(st.lists(country, max_size=2, unique=True))),
        residence=draw(st.none() | country),
        profile=tuple(draw(st.lists(st.sampled_from(PROFILES), max_size=2, unique=True))),
        refugee_status=refugee,
    )
    extradition = tuple(
        draw(
            st.lists(
                st.builds(
                    ds.ExtraditionProceeding,
                    country=st.sampled_from(others),
                    outcome=st.sampled_from(EXTRADITION_OUTCOMES),
                    grounds=st.none() | st.sampled_from(EXTRADITION_GROUNDS),
                    date=st.none() | day,
                ),
                max_size=2,
            )
        )
    )
    dual = draw(st.dictionaries(st.sampled_from(others), st.booleans(), max_size=3))
    stage = draw(st.none() | st.sampled_from(("prosecution", "sentence")))
    case = ds.Case(
        stage=stage,
        offence=draw(st.none() | st.sampled_from(OFFENCES)),
        max_penalty_years=draw(st.none() | st.integers(0, 30)) if stage != "sentence" else None,
        sentence_months=draw(st.none() | st.integers(1, 120)) if stage == "sentence" else None,
        summary_names_person_role=draw(st.none() | st.booleans()),
        arrest_warrant=draw(
            st.none()
            | st.builds(ds.ArrestWarrant, issued_on=st.none(), valid=st.none() | st.just(True))
        ),
        origin=draw(st.none() | st.sampled_from(ORIGINS)),
        organised_crime_link=draw(st.none() | st.booleans()),
        political_context=tuple(
            draw(st.lists(st.sampled_from(POLITICAL_INDICATORS), max_size=2, unique=True))
        ),
        human_rights_concerns=tuple(
            draw(st.lists(st.sampled_from(HUMAN_RIGHTS_CONCERNS), max_size=1, unique=True))
        ),
        extradition=extradition,
        dual_criminality=tuple(sorted(dual.items())),
    )
    travel = tuple(
        draw(
            st.lists(
                st.builds(ds.Trip, country=st.sampled_from((*COUNTRIES, "TWN", "PRK")), date=day),
                max_size=3,
            )
        )
    )
    challenge = draw(
        st.none()
        | st.builds(
            ds.Challenge,
            filed_on=st.none() | st.just(as_of),
            requests=st.lists(st.sampled_from(CHALLENGE_REQUESTS), max_size=3, unique=True).map(
                tuple
            ),
            urgent=st.none() | st.booleans(),
            ncb_responds=st.none() | st.booleans(),
        )
    )
    return ds.Scenario(
        id="property",
        as_of=as_of,
        notice=notice,
        person=person,
        case=case,
        travel=travel,
        challenge=challenge,
    )


def _risks(assessment: ds.Assessment) -> dict[str, int]:
    return {e.country: RISK_ORDER[e.arrest_risk] for e in assessment.enforcement}


@settings(max_examples=40)
@given(scenarios(kind="diffusion"), st.lists(token, min_size=1, max_size=3))
def test_adding_recipients_never_lowers_any_countrys_risk(
    scenario: ds.Scenario, extra: list[str]
) -> None:
    tokens = scenario.notice.recipients or ()
    with trusted():  # vary freely, then keep the variants that can exist
        fewer = dataclasses.replace(
            scenario, notice=dataclasses.replace(scenario.notice, recipients=tokens or ("FRA",))
        )
        more = dataclasses.replace(
            fewer,
            notice=dataclasses.replace(
                fewer.notice,
                recipients=tuple(dict.fromkeys((*(fewer.notice.recipients or ()), *extra))),
            ),
        )
    assume(can_be_built(fewer) and can_be_built(more))
    before, after = _risks(ds.assess(fewer)), _risks(ds.assess(more))
    assert before.keys() == after.keys()
    for code, risk in before.items():
        assert after[code] >= risk, code


@settings(max_examples=40)
@given(scenarios())
def test_a_non_recipient_never_gets_an_interpol_alert_risk(scenario: ds.Scenario) -> None:
    assessment = ds.assess(scenario)
    recipients = set(assessment.circulation.recipients)
    for entry in assessment.enforcement:
        if entry.country == scenario.notice.requesting_country:
            assert entry.role == "requesting"
            continue
        if entry.country not in recipients:
            assert entry.received is False
            assert entry.arrest_risk == "none"
            assert entry.role == "non_recipient"


@settings(max_examples=40)
@given(scenarios())
def test_an_invalid_warrant_never_moves_the_outcome_away_from_deletion(
    scenario: ds.Scenario,
) -> None:
    without = ds.assess(scenario).outcome.prediction
    invalid = dataclasses.replace(
        scenario,
        case=dataclasses.replace(
            scenario.case, arrest_warrant=ds.ArrestWarrant(issued_on=None, valid=False)
        ),
    )
    with_defect = ds.assess(invalid)
    assert OUTCOME_RANK[with_defect.outcome.prediction] >= OUTCOME_RANK[without]
    ground = with_defect.ground("warrant_invalid")
    assert ground is not None and ground.strength == "strong"


@settings(max_examples=30)
@given(scenarios())
def test_the_same_facts_give_the_same_json_serialisable_answer(scenario: ds.Scenario) -> None:
    first = ds.assess(scenario).to_dict()
    second = ds.assess(scenario).to_dict()
    assert first == second
    assert json.loads(json.dumps(first)) == first


@settings(max_examples=40)
@given(scenarios())
def test_every_ground_and_route_step_cites_a_catalogued_rule_in_the_citations(
    scenario: ds.Scenario,
) -> None:
    assessment = ds.assess(scenario)
    cited = {c.id for c in assessment.citations}
    assert all(rule_id in catalogue() for rule_id in cited)
    for ground in assessment.grounds:
        assert ground.citations and set(ground.citations) <= cited, ground.id
    for step in assessment.route:
        assert step.citations and set(step.citations) <= cited, step.step
    for entry in assessment.trace:
        assert entry.rule in cited
    assert assessment.caveats[0] == "Educational model, not legal advice."
    unverified = {c.id for c in assessment.citations if c.verification == "unverified"}
    for rule_id in unverified:
        assert any(f"[{rule_id}]" in caveat for caveat in assessment.caveats)


@settings(max_examples=40)
@given(scenarios())
def test_a_trip_carries_interpol_risk_only_where_and_when_the_alert_is_live(
    scenario: ds.Scenario,
) -> None:
    assessment = ds.assess(scenario)
    requesting = scenario.notice.requesting_country
    for trip in assessment.travel:
        if trip.country == requesting:
            assert trip.arrest_risk in {"high", "medium"}  # its own warrant, whatever INTERPOL does
        elif trip.country in {"TWN", "PRK"}:
            assert trip.arrest_risk == "none"  # outside INTERPOL: no alert at all
            assert any("not an INTERPOL member" in r for r in trip.reasons)
        elif not trip.notice_active:
            assert trip.arrest_risk == "none"
