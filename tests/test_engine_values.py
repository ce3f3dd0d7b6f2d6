"""The engine's output is data (issue 24 item 2): reasons, unknowns and the outcome's words
are values, and the renderers read those values, never the English."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios import reports
from diffusion_scenarios._engine.assessment import Outcome, Reason, TravelEntry, Unknown
from diffusion_scenarios._engine.outcome import CHANGE_LEAD
from diffusion_scenarios._render.markdown import render_markdown
from diffusion_scenarios._render.phrases import reasons_words, trip_risk_phrase

D = dt.date


def _diffusion(**more: object) -> ds.Scenario:
    return ds.Scenario(
        id="values",
        notice=ds.Notice(kind="diffusion", requesting_country="KAZ", issued_on=D(2025, 1, 10)),
        **more,  # type: ignore[arg-type]
    )


def test_a_reason_resting_on_a_presumption_says_so_without_any_marker_in_its_text() -> None:
    facts = _diffusion(travel=(ds.Trip(country="HUN", date=D(2025, 6, 1)),))
    assessment = ds.assess(facts, as_of=D(2025, 3, 1))
    trip = assessment.travel[0]
    assert trip.presumed
    assert [r.rules for r in trip.why if r.presumption] == [("arrest-eu-presumption",)]
    assert "(presumed)" in trip_risk_phrase(assessment, trip)
    # Reworded without the old marker, the value still says it; the words alone do not.
    reworded = dataclasses.replace(
        trip,
        reasons=(),
        why=(Reason("Most EU states are thought to arrest.", presumption=True),),
    )
    assert "(presumed)" in trip_risk_phrase(assessment, reworded)
    worded = dataclasses.replace(
        trip, reasons=(), why=(Reason("It is a presumption drawn from a statement."),)
    )
    assert "(presumed)" not in trip_risk_phrase(assessment, worded)


def test_a_risk_resting_on_a_finding_is_not_presumed() -> None:
    facts = _diffusion(travel=(ds.Trip(country="FRA", date=D(2025, 6, 1)),))
    trip = ds.assess(facts, as_of=D(2025, 3, 1)).travel[0]
    assert not trip.presumed
    assert "(presumed)" not in trip_risk_phrase(ds.assess(facts, as_of=D(2025, 3, 1)), trip)


def test_a_reason_saying_a_rule_is_not_yet_in_force_names_that_rule_as_a_value() -> None:
    facts = ds.Scenario(
        id="early",
        notice=ds.Notice(kind="diffusion", requesting_country="KAZ", issued_on=D(2011, 3, 1)),
    )
    issuance = ds.assess(facts, as_of=D(2011, 6, 1)).issuance
    not_yet = [r for r in issuance.why if not r.in_force]
    assert [r.rules for r in not_yet] == [("rpd-1-notice",)]
    assert not_yet[0].fields == ("notice.issued_on",)
    assert issuance.said_not_in_force == frozenset({"rpd-1-notice"})


def test_each_unknown_carries_its_field_path_and_the_json_keeps_its_words() -> None:
    assessment = ds.assess(_diffusion(), as_of=D(2025, 3, 1))
    by_field = {u.fields[0]: u for u in assessment.unknowns if u.fields}
    warrant = by_field["case.arrest_warrant.valid"]
    assert warrant.question == "whether the arrest warrant is still valid"
    admissible = by_field["challenge.admissible_on"]
    assert admissible.field == "challenge.admissible_on"
    assert admissible.text == (
        "challenge.admissible_on: the real admissibility date moves every deadline"
    )
    assert assessment.to_dict()["depends_on"] == [u.text for u in assessment.unknowns]


def test_the_memo_shows_an_unknowns_field_from_the_value_not_from_its_words() -> None:
    base = ds.assess(_diffusion(), as_of=D(2025, 3, 1))
    looks_like_a_field = Unknown("case.invented: words that only look like a field")
    apart = Unknown("whether it was asked", field="challenge.urgent")
    memo = render_markdown(dataclasses.replace(base, unknowns=(looks_like_a_field, apart)))
    section = memo.split("## What the answer depends on", 1)[1].split("## ", 1)[0]
    assert "- case.invented: words that only look like a field\n" in section
    assert "- whether it was asked (`challenge.urgent`)" in section


def test_an_unknown_about_a_record_in_a_list_hinges_on_the_list() -> None:
    unknown = Unknown(
        "why extradition was refused (case.extradition[1].grounds)",
        named=("case.extradition[1].grounds",),
        question="why extradition was refused",
    )
    assert unknown.fact == "case.extradition"
    assert unknown.asked == "why extradition was refused"


def test_the_outcome_keeps_its_summary_reasons_and_what_would_change_it_apart() -> None:
    outcome = ds.assess(ds.builtin_scenarios()["ccf-2017-02"]).outcome
    assert outcome.summary and outcome.reasons and outcome.change.startswith(CHANGE_LEAD)
    assert outcome.explanation == " ".join((outcome.summary, *outcome.reasons, outcome.change))
    assert reasons_words(outcome) == " ".join(outcome.reasons)


def test_reasons_that_quote_the_change_words_are_shown_whole() -> None:
    outcome = Outcome(
        prediction="compliant",
        summary="Likely kept.",
        reasons=(f"A reason that says {CHANGE_LEAD}in passing.",),
        change=f"{CHANGE_LEAD}if the NCB is silent (challenge.ncb_responds), it would be deleted.",
    )
    assert reasons_words(outcome) == f"A reason that says {CHANGE_LEAD}in passing."


def test_an_outcome_built_from_its_parts_reads_them_as_one_explanation() -> None:
    outcome = Outcome(
        prediction="compliant", summary="Likely kept.", reasons=("A.", "B."), change="C."
    )
    assert outcome.explanation == "Likely kept. A. B. C."
    assert Outcome(prediction="compliant", explanation="Only this.").reasons == ("Only this.",)


def test_words_and_values_of_reasons_must_agree_when_both_are_given() -> None:
    with pytest.raises(ValueError, match="reasons and why disagree"):
        TravelEntry(
            country="FRA",
            date=D(2025, 6, 1),
            notice_active=True,
            arrest_risk="high",
            reasons=("One thing.",),
            why=(Reason("Another thing."),),
        )


def test_the_text_report_counts_recipients_of_unknown_practice_from_the_value() -> None:
    assessment = ds.assess(_diffusion(), as_of=D(2025, 3, 1))
    unknown = [e for e in assessment.enforcement if e.role == "recipient" and not e.practice_known]
    assert unknown
    assert all(e.basis == "default" for e in unknown)
    text = reports.render(assessment, "text")
    assert f"practice unknown for {len(unknown)}" in text


def test_a_countrys_reasons_name_the_rules_that_settled_its_risk() -> None:
    facts = ds.Scenario(
        id="locate",
        notice=ds.Notice(
            kind="diffusion", requesting_country="KAZ", issued_on=D(2025, 1, 10), purpose="locate"
        ),
    )
    entry = next(e for e in ds.assess(facts, as_of=D(2025, 3, 1)).enforcement if e.country == "FRA")
    assert "national-practice" in entry.why[0].rules
    purpose = entry.why[-1]
    assert purpose.rules == ("rpd-diffusion-purposes",)
    assert purpose.fields == ("notice.purpose",)
    assert entry.reasons == tuple(r.text for r in entry.why)


def test_a_grounds_reasons_carry_the_facts_and_rules_they_rest_on() -> None:
    facts = _diffusion(case=ds.Case(origin="commercial_dispute"))
    ground = next(
        g for g in ds.assess(facts, as_of=D(2025, 3, 1)).grounds if g.id == "private_dispute"
    )
    first = ground.why[0]
    assert "case.origin" in first.fields
    assert first.rules and set(first.rules) <= set(ground.citations)
