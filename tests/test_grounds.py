"""Unit and property tests of the grounds and outcome stages (B1's legal reasoning).

The legal behaviour itself is tested as data in ``tests/legal_cases/g_*.yaml``; these tests
check the properties that must hold for *every* set of facts: the same standards for red
notices and diffusions, a monotone outcome rule, citations that exist, unknowns that are
named, and a few rule exceptions that are easier to state in code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from facts_support import buildable
from hypothesis import given
from hypothesis import strategies as st

from diffusion_scenarios._engine.assessment import Ground
from diffusion_scenarios._engine.grounds.evaluate import (
    SCREENED_GROUNDS,
    evaluate_grounds,
    ground_label,
)
from diffusion_scenarios._engine.grounds.findings import (
    DELETION_GROUNDS,
    GROUND_LABELS,
    UPDATE_GROUNDS,
)
from diffusion_scenarios._engine.outcome import predict_outcome
from diffusion_scenarios._facts.scenario import (
    ArrestWarrant,
    Case,
    Challenge,
    CivilProceedings,
    ExtraditionProceeding,
    InAbsentiaDetails,
    Notice,
    Person,
    PriorDecision,
    RefugeeStatus,
    Scenario,
)
from diffusion_scenarios._law.rules import catalogue
from diffusion_scenarios._law.vocab import (
    EXTRADITION_GROUNDS,
    EXTRADITION_OUTCOMES,
    GROUND_IDS,
    HUMAN_RIGHTS_CONCERNS,
    OFFENCES,
    ORIGINS,
    POLITICAL_INDICATORS,
    PROFILES,
    PURPOSE_DEFECTS,
    PURPOSES,
    REFUGEE_STATUSES,
    STAGES,
    STRENGTHS,
)

D = dt.date
ORDER = {"compliant": 0, "compliant_with_update": 1, "not_compliant": 2}
RANK = {"weak": 1, "arguable": 2, "strong": 3}


def facts(
    *,
    kind: str = "diffusion",
    requesting: str = "KAZ",
    person: Person | None = None,
    refused_on: D | None = None,
    challenge: Challenge | None = None,
    **case: object,
) -> Scenario:
    """A baseline of compliant facts (fraud, 10 years, own acts described, valid warrant)."""
    base = {
        "stage": "prosecution",
        "offence": "fraud",
        "max_penalty_years": 10.0,
        "summary_names_person_role": True,
        "arrest_warrant": ArrestWarrant(issued_on=D(2023, 12, 1), valid=True),
        "origin": "none",
        "requesting_state_sought_extradition": True,
    }
    base.update(case)
    notice = Notice(kind=kind, requesting_country=requesting, issued_on=D(2024, 1, 10))
    if refused_on is not None:
        notice = dataclasses.replace(notice, red_notice_refused_on=refused_on)
    return Scenario(
        id="unit",
        notice=notice,
        person=person or Person(nationalities=(requesting,), residence="GBR"),
        case=Case(**base),  # type: ignore[arg-type]
        challenge=challenge or Challenge(ncb_responds=True),
    )


DAY = D(2025, 3, 1)


def grounds_of(scenario: Scenario, on: D = DAY) -> dict[str, str]:
    return {g.id: g.strength for g in evaluate_grounds(scenario, on).grounds}


def outcome_of(scenario: Scenario, on: D = DAY) -> str:
    result = evaluate_grounds(scenario, on)
    return predict_outcome(scenario, result.grounds, on)[0].prediction


# ------------------------------------------------------------------ strategies
countries = st.sampled_from(["KAZ", "RUS", "TUR", "GBR", "DEU", "CHN", "BRA", "TWN"])
days = st.dates(min_value=D(2008, 1, 1), max_value=D(2026, 6, 30))
maybe_bool = st.sampled_from([None, True, False])


def _subset(values: tuple[str, ...]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(values), unique=True, max_size=4).map(tuple)


refugees = st.none() | st.builds(
    RefugeeStatus,
    status=st.sampled_from(REFUGEE_STATUSES),
    granted_by=st.none() | countries,
    granted_on=st.none() | days,
    feared_persecution_from=st.none() | countries,
)
extraditions = st.lists(
    st.builds(
        ExtraditionProceeding,
        country=st.none() | countries,
        outcome=st.none() | st.sampled_from(EXTRADITION_OUTCOMES),
        grounds=st.none() | st.sampled_from(EXTRADITION_GROUNDS),
        date=st.none() | days,
    ),
    max_size=3,
).map(tuple)
cases = st.builds(
    Case,
    stage=st.none() | st.sampled_from(STAGES),
    offence=st.none() | st.sampled_from(OFFENCES),
    max_penalty_years=st.none() | st.sampled_from([0.5, 1.0, 2.0, 5.0, 15.0]),
    sentence_months=st.none() | st.sampled_from([2.0, 6.0, 24.0]),
    remaining_months=st.none() | st.sampled_from([1.0, 6.0, 20.0]),
    summary_names_person_role=maybe_bool,
    arrest_warrant=st.none()
    | st.builds(ArrestWarrant, issued_on=st.none() | days, valid=maybe_bool),
    in_absentia=maybe_bool,
    retrial_guaranteed=maybe_bool,
    in_absentia_details=st.none()
    | st.builds(
        InAbsentiaDetails,
        knew_of_trial=maybe_bool,
        represented=maybe_bool,
        retrial_guaranteed=maybe_bool,
    ),
    fraudulent_intent=maybe_bool,
    cheque_count=st.none() | st.sampled_from([1, 2, 3, 12]),
    limitation_expired=maybe_bool,
    origin=st.none() | st.sampled_from(ORIGINS),
    organised_crime_link=maybe_bool,
    amount_usd=st.none() | st.sampled_from([500.0, 9_999.0, 10_000.0, 1_000_000.0]),
    civil_proceedings=st.none()
    | st.builds(
        CivilProceedings,
        outcome=st.none() | st.sampled_from(["in_favour_of_person", "against_person", "pending"]),
    ),
    purpose_defects=_subset(PURPOSE_DEFECTS),
    co_accused_deleted=maybe_bool,
    political_context=_subset(POLITICAL_INDICATORS),
    human_rights_concerns=_subset(HUMAN_RIGHTS_CONCERNS),
    requesting_state_sought_extradition=maybe_bool,
    extradition=extraditions,
    dual_criminality=st.lists(
        st.tuples(countries, st.booleans()), max_size=4, unique_by=lambda t: t[0]
    ).map(lambda x: tuple(sorted(x))),
    prior_ccf_decision=st.none()
    | st.builds(
        PriorDecision,
        outcome=st.none()
        | st.sampled_from(["not_compliant", "compliant", "compliant_with_update"]),
        date=st.none() | days,
    ),
)
scenarios = buildable(st.builds(
    Scenario,
    id=st.just("hypothesis"),
    notice=st.builds(
        Notice,
        kind=st.sampled_from(["diffusion", "red_notice"]),
        requesting_country=countries,
        issued_on=days,
        purpose=st.none() | st.sampled_from(PURPOSES),
    ),
    person=st.builds(
        Person,
        nationalities=st.lists(countries, unique=True, max_size=2).map(tuple),
        residence=st.none() | countries,
        profile=_subset(PROFILES),
        refugee_status=refugees,
    ),
    case=cases,
    challenge=st.none() | st.builds(Challenge, ncb_responds=maybe_bool),
))


# ------------------------------------------------------------------ properties
@given(scenarios, days)
def test_a_diffusion_and_a_red_notice_on_the_same_facts_get_the_same_grounds(
    scenario: Scenario, on: D
) -> None:
    """DF-4: the CCF applies the same standards to diffusions as to red notices, save the
    red notice's own publication conditions: the penalty thresholds of RPD Art 83(1)(a)(ii)
    do not bind a diffusion (Art 97(2), 99(3)(c); DF-14), so the penalty is left out here,
    and the withdrawal rule cited differs (Art 81 or Art 100), so reasons are not compared."""
    scenario = dataclasses.replace(
        scenario,
        case=dataclasses.replace(
            scenario.case, max_penalty_years=None, sentence_months=None, remaining_months=None
        ),
    )
    other = "red_notice" if scenario.notice.kind == "diffusion" else "diffusion"
    twin = dataclasses.replace(scenario, notice=dataclasses.replace(scenario.notice, kind=other))
    first = evaluate_grounds(scenario, on)
    second = evaluate_grounds(twin, on)
    assert [(g.id, g.strength) for g in first.grounds] == [
        (g.id, g.strength) for g in second.grounds
    ]
    assert outcome_of(scenario, on) == outcome_of(twin, on)


@given(scenarios, days)
def test_every_ground_is_well_formed_and_cites_rules_in_the_catalogue(
    scenario: Scenario, on: D
) -> None:
    result = evaluate_grounds(scenario, on)
    rules = catalogue()
    ranks = [RANK[g.strength] for g in result.grounds]
    assert ranks == sorted(ranks, reverse=True), "grounds are ordered strongest first"
    assert len({g.id for g in result.grounds}) == len(result.grounds)
    for g in result.grounds:
        assert g.id in GROUND_IDS and g.strength in STRENGTHS
        assert g.label == GROUND_LABELS[g.id]
        assert g.reasons and all(r.strip().endswith((".", ")")) for r in g.reasons)
        assert g.citations and all(c in rules for c in g.citations)
    assert all(t.rule in rules for t in result.trace)
    outcome, trace = predict_outcome(scenario, result.grounds, on)
    assert outcome.prediction in ORDER
    assert outcome.citations and all(c in rules for c in outcome.citations)
    assert all(t.rule in rules for t in trace)


_any_grounds = st.lists(
    st.builds(
        Ground,
        id=st.sampled_from(GROUND_IDS),
        strength=st.sampled_from(STRENGTHS),
        citations=st.just(("constitution-art-2",)),
        reasons=st.just(("A reason.",)),
        label=st.just("label"),
    ),
    max_size=5,
    unique_by=lambda g: g.id,
).map(tuple)


@given(_any_grounds, st.sampled_from(GROUND_IDS), st.sampled_from(STRENGTHS))
def test_adding_or_strengthening_a_ground_never_moves_away_from_deletion(
    grounds: tuple[Ground, ...], extra_id: str, strength: str
) -> None:
    scenario = facts()
    before = predict_outcome(scenario, grounds, DAY)[0].prediction
    kept = tuple(g for g in grounds if g.id != extra_id)
    old = next((g for g in grounds if g.id == extra_id), None)
    if old is not None and RANK[old.strength] > RANK[strength]:
        strength = old.strength  # only strengthen, never weaken
    added = (
        *kept,
        Ground(
            id=extra_id,
            strength=strength,
            citations=("constitution-art-2",),
            reasons=("A reason.",),
            label="label",
        ),
    )
    after = predict_outcome(scenario, added, DAY)[0].prediction
    assert ORDER[after] >= ORDER[before]
    if strength == "strong" and extra_id in DELETION_GROUNDS:
        assert after == "not_compliant"


def test_evaluation_is_pure_and_repeatable() -> None:
    scenario = facts(origin="commercial_dispute", offence="fraud")
    first = evaluate_grounds(scenario, DAY)
    assert scenario == facts(origin="commercial_dispute", offence="fraud")
    assert evaluate_grounds(scenario, DAY) == first


def test_screened_grounds_and_outcome_families_use_vocabulary_g() -> None:
    assert set(GROUND_IDS) >= SCREENED_GROUNDS
    assert set(GROUND_IDS) == DELETION_GROUNDS | UPDATE_GROUNDS
    assert not (DELETION_GROUNDS & UPDATE_GROUNDS)
    # grounds that only arise after publication are not screened
    assert {
        "extradition_refused",
        "ncb_non_cooperation",
        "data_accuracy",
        "limitation_expired",
        "warrant_invalid",
    }.isdisjoint(SCREENED_GROUNDS)
    assert ground_label("refugee_status").startswith("Refugee status")


# ------------------------------------------------------------------ Article 3
def test_a_political_backdrop_alone_never_reaches_strong() -> None:
    scenario = facts(
        political_context=(
            "former_official_of_ousted_regime",
            "political_opponent_or_rival",
            "state_is_party_to_dispute",
        ),
        offence="unfunded_cheque",
        person=None,
    )
    assert grounds_of(scenario)["article3_political"] == "arguable"


def test_the_weight_of_the_charge_decides_between_strong_and_arguable() -> None:
    context = (
        "critic_of_government",
        "prosecution_follows_political_activity",
        "other_politically_motivated_cases",
    )
    light = facts(offence="fraud", political_context=context)
    grave = facts(offence="homicide", political_context=context)
    assert grounds_of(light)["article3_political"] == "strong"
    assert grounds_of(grave)["article3_political"] == "arguable"


def test_a_vague_summary_weighs_less_on_the_ordinary_law_side() -> None:
    context = ("critic_of_government", "prosecution_follows_political_activity", "election_period")
    precise = facts(offence="fraud", political_context=context)
    vague = facts(offence="fraud", political_context=context, summary_names_person_role=False)
    assert grounds_of(precise)["article3_political"] == "arguable"
    assert grounds_of(vague)["article3_political"] == "strong"


def test_terrorism_reasons_apply_the_terrorism_caution() -> None:
    scenario = facts(
        offence="terrorism",
        political_context=("critic_of_government", "prosecution_follows_political_activity"),
    )
    ground = evaluate_grounds(scenario, DAY).ground("article3_political")
    assert ground is not None
    assert "agn-53-res-7-terrorism" in ground.citations
    assert any("AGN/53/RES/7" in r for r in ground.reasons)


def test_the_racial_limb_needs_a_minority_member() -> None:
    context = ("prosecution_follows_political_activity", "other_politically_motivated_cases")
    without = facts(political_context=context)
    minority = facts(
        political_context=context, person=Person(profile=("ethnic_or_religious_minority",))
    )
    assert "article3_racial" not in grounds_of(without)
    assert "article3_racial" in grounds_of(minority)


def test_military_offences_are_barred_only_since_the_1956_constitution() -> None:
    scenario = facts(offence="desertion_or_military")
    assert grounds_of(scenario, D(1956, 6, 13))["article3_military"] == "strong"
    assert "article3_military" not in grounds_of(scenario, D(1956, 6, 12))


# ------------------------------------------------------------------ exclusions
def test_organised_crime_defeats_the_private_dispute_exclusion_but_not_the_family_one() -> None:
    private = facts(origin="private_dispute", organised_crime_link=True)
    family = facts(origin="family_matter", offence="other", organised_crime_link=True)
    assert "private_dispute" not in grounds_of(private)
    assert grounds_of(family)["family_matter"] == "strong"


def test_a_grave_crime_that_grew_out_of_a_dispute_is_only_weakly_private() -> None:
    assert (
        grounds_of(facts(origin="commercial_dispute", offence="violence"))["private_dispute"]
        == "weak"
    )


def test_civil_courts_ruling_for_the_person_point_to_a_private_dispute() -> None:
    scenario = facts(origin=None, civil_proceedings=CivilProceedings(outcome="in_favour_of_person"))
    assert grounds_of(scenario)["private_dispute"] == "arguable"
    stated_none = facts(
        origin="none", civil_proceedings=CivilProceedings(outcome="in_favour_of_person")
    )
    assert "private_dispute" not in grounds_of(stated_none)


def _red(scenario: Scenario) -> Scenario:
    """The same facts as a red notice: the penalty thresholds are red-notice conditions."""
    return dataclasses.replace(
        scenario, notice=dataclasses.replace(scenario.notice, kind="red_notice")
    )


def test_the_thresholds_are_for_arrest_requests_only() -> None:
    scenario = _red(facts(max_penalty_years=1.0))
    locate = dataclasses.replace(
        scenario, notice=dataclasses.replace(scenario.notice, purpose="locate")
    )
    assert grounds_of(scenario)["penalty_threshold"] == "strong"
    assert "penalty_threshold" not in grounds_of(locate)


@pytest.mark.parametrize(
    ("sentence", "remaining", "expected"),
    [
        (36.0, 4.0, None),  # six months imposed is enough ("and/or" read as either)
        (4.0, 2.0, "strong"),  # neither reaches six months
        (4.0, None, "strong"),  # what remains cannot exceed a four-month sentence
        (None, 2.0, "arguable"),  # the sentence imposed could still reach six months
    ],
)
def test_the_sentence_threshold_reads_and_or_as_either(
    sentence: float, remaining: float | None, expected: str | None
) -> None:
    scenario = _red(
        facts(
            stage="sentence",
            max_penalty_years=None,
            sentence_months=sentence,
            remaining_months=remaining,
        )
    )
    assert grounds_of(scenario).get("penalty_threshold") == expected


def test_a_diffusion_is_not_held_to_the_red_notices_penalty_thresholds() -> None:
    """DF-14: a diffusion meets the general recording conditions (Art 97(2)); a low
    penalty goes at most to its international interest (Art 35)."""
    low = facts(max_penalty_years=1.0)
    assert "penalty_threshold" not in grounds_of(low)
    assert grounds_of(low)["international_interest"] == "arguable"
    assert grounds_of(_red(low))["penalty_threshold"] == "strong"


@pytest.mark.parametrize("offence", ["fraud", "defamation", "unfunded_cheque", "other"])
def test_an_unknown_penalty_is_an_open_question_never_a_ground(offence: str) -> None:
    for missing in (
        {"max_penalty_years": None},
        {"stage": "sentence", "max_penalty_years": None},
        {"stage": None, "max_penalty_years": None},
    ):
        result = evaluate_grounds(facts(offence=offence, **missing), DAY)
        assert result.ground("penalty_threshold") is None
        assert any("case.max_penalty_years" in d.fields or "case.sentence_months" in d.fields
                   for d in result.depends_on)  # fmt: skip


def test_the_cheque_sum_goes_to_seriousness_not_to_the_penalty_threshold() -> None:
    at = facts(offence="unfunded_cheque", amount_usd=10_000.0, cheque_count=1)
    below = facts(offence="unfunded_cheque", amount_usd=9_999.0, cheque_count=1)
    on = D(2019, 6, 30)
    assert "international_interest" not in grounds_of(at, on)
    assert grounds_of(below, on)["international_interest"] == "strong"
    assert "penalty_threshold" not in grounds_of(below, on)


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "strong"), (2, "arguable"), (None, "arguable"), (3, None)]
)
def test_repeated_cheques_meet_the_older_threshold_whatever_the_sum(
    count: int | None, expected: str | None
) -> None:
    small = facts(offence="unfunded_cheque", amount_usd=500.0, cheque_count=count)
    assert grounds_of(small, D(2020, 6, 30)).get("international_interest") == expected


@pytest.mark.parametrize(
    ("intent", "expected"), [(False, "strong"), (None, "arguable"), (True, None)]
)
def test_a_bounced_cheque_is_strongly_private_only_when_intent_is_shown_absent(
    intent: bool | None, expected: str | None
) -> None:
    for amount in (500.0, 410_000.0, None):
        scenario = facts(offence="unfunded_cheque", amount_usd=amount, fraudulent_intent=intent)
        result = evaluate_grounds(scenario, D(2020, 6, 30))
        found = result.ground("private_dispute")
        assert (found.strength if found else None) == expected, amount
        asks = any("case.fraudulent_intent" in d.fields for d in result.depends_on)
        assert asks is (intent is None)


def test_an_unknown_cheque_sum_is_an_open_question_not_a_ground() -> None:
    result = evaluate_grounds(facts(offence="unfunded_cheque", amount_usd=None), D(2020, 6, 30))
    assert result.ground("international_interest") is None
    assert result.ground("penalty_threshold") is None
    assert any("case.amount_usd" in d.fields for d in result.depends_on)


def test_the_contested_list_date_is_cited_from_2021_and_both_from_28_january_2022() -> None:
    scenario = facts(offence="unfunded_cheque", amount_usd=500.0, cheque_count=1)

    def cited(on: D) -> set[str]:
        found = evaluate_grounds(scenario, on).ground("private_dispute")
        assert found is not None
        return set(found.citations)

    assert not cited(D(2020, 12, 31)) & {"gs-list-unfunded-cheques-by-2021",
                                          "gs-list-unfunded-cheques"}  # fmt: skip
    assert "gs-list-unfunded-cheques-by-2021" in cited(D(2021, 1, 1))
    assert "gs-list-unfunded-cheques" not in cited(D(2022, 1, 27))
    assert {"gs-list-unfunded-cheques-by-2021", "gs-list-unfunded-cheques"} <= cited(
        D(2022, 1, 28)
    )
    # The older USD 10,000 threshold applies until the 2022 list, not after it.
    assert grounds_of(scenario, D(2022, 1, 27))["international_interest"] == "strong"
    assert "international_interest" not in grounds_of(scenario, D(2022, 1, 28))


def test_seriousness_can_still_be_raised_on_a_request_to_locate() -> None:
    low = facts(max_penalty_years=1.0)
    locate = dataclasses.replace(low, notice=dataclasses.replace(low.notice, purpose="locate"))
    assert grounds_of(locate)["international_interest"] == "arguable"
    assert "penalty_threshold" not in grounds_of(locate)
    assert "international_interest" not in grounds_of(facts(max_penalty_years=10.0))


def test_a_request_to_locate_does_not_ask_about_an_arrest_warrant() -> None:
    base = facts(arrest_warrant=None)
    for purpose, asks in (("arrest", True), ("locate", False), ("information", False)):
        notice = dataclasses.replace(base.notice, purpose=purpose)
        scenario = dataclasses.replace(base, notice=notice)
        result = evaluate_grounds(scenario, DAY)
        assert any("arrest_warrant" in d.text for d in result.depends_on) is asks, purpose


# ------------------------------------------------------------------ protection
def test_a_refugee_status_granted_after_the_day_assessed_does_not_count_yet() -> None:
    person = Person(
        refugee_status=RefugeeStatus(
            status="recognised",
            granted_by="GBR",
            granted_on=D(2025, 6, 1),
            feared_persecution_from="KAZ",
        )
    )
    scenario = facts(person=person)
    assert "refugee_status" not in grounds_of(scenario, D(2025, 5, 31))
    assert grounds_of(scenario, D(2025, 6, 1))["refugee_status"] == "strong"


def test_refugee_status_confirmed_by_a_non_member_is_only_arguable() -> None:
    person = Person(
        refugee_status=RefugeeStatus(
            status="recognised", granted_by="TWN", feared_persecution_from="KAZ"
        )
    )
    assert grounds_of(facts(person=person))["refugee_status"] == "arguable"


def test_an_unknown_country_of_persecution_is_named_as_an_open_question() -> None:
    person = Person(refugee_status=RefugeeStatus(status="recognised", granted_by="GBR"))
    result = evaluate_grounds(facts(person=person), DAY)
    assert result.ground("refugee_status") is not None
    assert any("feared_persecution_from" in d.text for d in result.depends_on)


def test_before_june_2014_a_refugee_still_counts_under_article_3() -> None:
    person = Person(
        profile=("activist",),
        refugee_status=RefugeeStatus(
            status="recognised",
            granted_by="GBR",
            granted_on=D(2010, 1, 1),
            feared_persecution_from="KAZ",
        ),
    )
    before = evaluate_grounds(facts(person=person), D(2014, 5, 31))
    assert before.ground("refugee_status") is None
    assert before.ground("article3_political") is not None
    assert any("no refugee rule" in t.result for t in before.trace)


def test_combined_human_rights_concerns_are_strong() -> None:
    one = facts(human_rights_concerns=("death_penalty",))
    two = facts(human_rights_concerns=("death_penalty", "detention_conditions"))
    assert grounds_of(one)["article2_human_rights"] == "arguable"
    assert grounds_of(two)["article2_human_rights"] == "strong"


@pytest.mark.parametrize(
    ("knew", "represented", "retrial", "expected"),
    [
        (False, False, False, "arguable"),  # ABS-1, ABS-2: never strong (issue 20 point 6)
        (None, False, False, "arguable"),
        (False, None, False, "arguable"),
        (False, False, None, "arguable"),
        (True, False, False, "arguable"),
        (False, True, False, "arguable"),
        (None, None, None, "arguable"),
        (False, False, True, None),
    ],
)
def test_a_conviction_in_absentia_is_arguable_unless_a_retrial_answers_it(
    knew: bool | None, represented: bool | None, retrial: bool | None, expected: str | None
) -> None:
    details = InAbsentiaDetails(
        knew_of_trial=knew, represented=represented, retrial_guaranteed=retrial
    )
    scenario = facts(
        stage="sentence", sentence_months=24.0, in_absentia=True, in_absentia_details=details
    )
    result = evaluate_grounds(scenario, DAY)
    found = result.ground("fair_trial")
    assert (found.strength if found else None) == expected
    for field, value in (("knew_of_trial", knew), ("represented", represented)):
        named = any(field in d.text for d in result.depends_on)
        assert named is (value is None and retrial is not True), field
    if found is not None:
        assert "model-in-absentia-test" in found.citations
        assert "assumption" in " ".join(found.reasons)


def test_the_retrial_fact_is_read_from_either_place() -> None:
    details = InAbsentiaDetails(knew_of_trial=False, represented=False)
    common = {"stage": "sentence", "sentence_months": 24.0, "in_absentia": True}
    on_case = facts(**common, in_absentia_details=details, retrial_guaranteed=False)
    in_details = facts(
        **common,
        in_absentia_details=InAbsentiaDetails(
            knew_of_trial=False, represented=False, retrial_guaranteed=False
        ),
    )
    assert grounds_of(on_case)["fair_trial"] == grounds_of(in_details)["fair_trial"] == "arguable"


def test_a_guaranteed_retrial_answers_a_conviction_in_absentia() -> None:
    scenario = facts(
        stage="sentence", sentence_months=24.0, in_absentia=True, retrial_guaranteed=True
    )
    assert "fair_trial" not in grounds_of(scenario)
    unknown = evaluate_grounds(
        facts(stage="sentence", sentence_months=24.0, in_absentia=True, retrial_guaranteed=None),
        DAY,
    )
    assert unknown.ground("fair_trial") is not None
    assert any("retrial_guaranteed" in d.text for d in unknown.depends_on)


def test_a_dual_criminality_refusal_questions_international_interest() -> None:
    scenario = facts(
        extradition=(
            ExtraditionProceeding(country="DEU", outcome="refused", grounds="dual_criminality"),
        )
    )
    found = grounds_of(scenario)
    assert found["international_interest"] == "arguable"
    assert found["data_accuracy"] == "arguable"


# ------------------------------------------------------------------ history and signals
def test_a_diffusion_after_a_refused_red_notice_raises_weak_grounds() -> None:
    context = ("state_is_party_to_dispute",)  # a single backdrop point: weak
    plain = facts(political_context=context)
    after_refusal = facts(political_context=context, refused_on=D(2023, 11, 1))
    assert grounds_of(plain)["article3_political"] == "weak"
    raised = grounds_of(after_refusal)
    assert raised["article3_political"] == "arguable"
    assert raised["purpose_invalid"] == "arguable"
    assert outcome_of(after_refusal) == "not_compliant"


def test_a_red_notice_refusal_dated_after_the_day_assessed_is_left_out() -> None:
    scenario = facts(refused_on=D(2024, 1, 10))  # at the latest on the day of issue
    assert "purpose_invalid" not in grounds_of(scenario, D(2024, 1, 9))


def test_co_accused_deletion_supports_a_single_arguable_ground() -> None:
    alone = facts(requesting_state_sought_extradition=False)
    with_co_accused = facts(requesting_state_sought_extradition=False, co_accused_deleted=True)
    assert outcome_of(alone) == "compliant"
    assert outcome_of(with_co_accused) == "not_compliant"


def test_a_prior_deletion_on_the_same_facts_argues_against_re_recording() -> None:
    scenario = facts(prior_ccf_decision=PriorDecision(outcome="not_compliant", date=D(2022, 6, 30)))
    ground = evaluate_grounds(scenario, DAY).ground("purpose_invalid")
    assert ground is not None and "ccf-reissuance" in ground.citations
    assert any("unverified" in r for r in ground.reasons)


# ------------------------------------------------------------------ outcome explanation
def test_the_explanation_names_the_deciding_ground_and_the_open_questions() -> None:
    scenario = facts(requesting_state_sought_extradition=False, summary_names_person_role=None)
    result = evaluate_grounds(scenario, DAY)
    outcome, _ = predict_outcome(scenario, result.grounds, DAY)
    assert outcome.prediction == "compliant"
    assert ground_label("lack_of_extradition_action").lower() in outcome.explanation.lower()
    assert "case.summary_names_person_role" in outcome.explanation


def test_a_case_with_no_ground_is_kept_and_says_why() -> None:
    outcome, _ = predict_outcome(facts(), (), DAY)
    assert outcome.prediction == "compliant"
    assert "no ground for deletion" in outcome.explanation


# ------------------------------------------------------------------ the catalogue
def test_article_2_citations_follow_the_dated_practice_and_repository() -> None:
    scenario = facts(human_rights_concerns=("death_penalty",))

    def cited(on: D) -> tuple[str, ...]:
        ground = evaluate_grounds(scenario, on).ground("article2_human_rights")
        assert ground is not None
        return ground.citations

    assert "ccf-practice-article-2" not in cited(D(2017, 3, 10))
    assert "ccf-practice-article-2" in cited(D(2017, 3, 11))
    assert "repository-of-practice" not in cited(D(2024, 10, 31))
    assert "repository-of-practice" in cited(D(2024, 11, 1))


def test_substantive_rules_carry_their_dates_and_verification() -> None:
    rules = catalogue()
    assert rules.applies("rpd-83-1-a-i-exclusions", D(2012, 7, 1))
    assert not rules.applies("rpd-83-1-a-i-exclusions", D(2012, 6, 30))
    assert rules.applies("ga-2017-86-res-09-refugees", D(2017, 9, 29))
    assert not rules.applies("ga-2017-86-res-09-refugees", D(2017, 9, 28))
    assert rules.applies("excom-refugee-policy-2014", D(2014, 6, 1))
    assert not rules.applies("excom-refugee-policy-2014", D(2014, 5, 31))
    assert rules.applies("gs-list-unfunded-cheques-by-2021", D(2021, 1, 1))
    assert not rules.applies("gs-list-unfunded-cheques-by-2021", D(2020, 12, 31))
    assert rules.applies("gs-list-unfunded-cheques", D(2022, 1, 28))
    assert not rules.applies("gs-list-unfunded-cheques", D(2022, 1, 27))
    assert rules.applies("gs-cheque-threshold", D(2022, 1, 27))
    assert not rules.applies("gs-cheque-threshold", D(2022, 1, 28))
    for contested in ("gs-list-unfunded-cheques", "gs-list-unfunded-cheques-by-2021"):
        assert rules.get(contested).verification == "unverified"
        assert "date" in rules.get(contested).provision
    assert rules.get("ga-2017-86-res-09-refugees").verification == "primary"
    assert rules.get("ccf-practice-consistency").verification == "unverified"
    assert rules.get("model-in-absentia-test").verification == "unverified"
    assert rules.get("model-in-absentia-test").instrument.startswith("Model assumption")
    # Section 12.2 of the brief verified these in the full 2025 RPD.
    for verified, provision in (
        ("rpd-34-article3-factors", "Art. 34(3)(a)-(g)"),
        ("rpd-83-1-a-i-exclusions", "Art. 83(1)(a)(i)"),
        ("rpd-83-1-a-ii-penalty", "Art. 83(1)(a)(ii)"),
        ("rpd-83-1-a-iii-interest", "Art. 83(1)(a)(iii)"),
        ("rpd-83-1-b-particular-importance", "Art. 83(1)(b)"),
        ("rpd-83-2-b-i-summary", "Art. 83(2)(b)(i)"),
        ("rpd-84-assurances", "Art. 84"),
        ("rpd-81-withdrawal", "Art. 81(2)-(3)"),
    ):
        assert rules.get(verified).verification == "primary", verified
        assert rules.get(verified).provision == provision, verified
    assert "10(2)(g)-(h)" in rules.get("rpd-10-purposes").paraphrase
    assert rules.get("rpd-data-quality").provision.startswith("Arts. 11")
    assert rules.get("rpd-international-interest").provision.startswith("Art. 35")
    assert rules.value("rpd-83-1-a-ii-penalty", "prosecution_min_years", D(2020, 1, 1)) == 2
