"""The engine pipeline: what a user of ``assess`` sees, stage by stage and as a whole."""

from __future__ import annotations

import builtins
import dataclasses
import datetime as dt
import io
import json
import os
import pathlib
import socket
from typing import Any

import pytest
from contract import CONTRACT_KEYS

import diffusion_scenarios as ds
from diffusion_scenarios._engine.assessment import Circulation, Ground
from diffusion_scenarios._engine.issuance import issuance_stage
from diffusion_scenarios._engine.route import route_stage
from diffusion_scenarios._engine.stage import add_months
from diffusion_scenarios._engine.travel import travel_stage
from diffusion_scenarios._law.countries import members_on
from diffusion_scenarios._law.rules import catalogue

D = dt.date


def diffusion(**notice: Any) -> ds.Scenario:
    fields: dict[str, Any] = {
        "kind": "diffusion",
        "requesting_country": "KAZ",
        "issued_on": D(2025, 1, 10),
    }
    fields.update(notice)
    return ds.Scenario(
        id="unit",
        as_of=D(2025, 3, 1),
        notice=ds.Notice(**fields),
        case=ds.Case(
            stage="prosecution",
            offence="homicide",
            max_penalty_years=20,
            summary_names_person_role=True,
            arrest_warrant=ds.ArrestWarrant(issued_on=D(2024, 12, 1), valid=True),
            origin="none",
        ),
    )


# ------------------------------------------------------------------ assess as a whole


def test_every_builtin_scenario_gives_the_json_contract() -> None:
    for scenario_id, scenario in ds.builtin_scenarios().items():
        result = ds.assess(scenario).to_dict()
        assert set(result) >= CONTRACT_KEYS, scenario_id
        assert result["caveats"][0] == "Educational model, not legal advice."
        assert result["circulation"]["recipient_count"] == len(result["circulation"]["recipients"])
        json.dumps(result)


def test_as_of_argument_overrides_the_scenario_date() -> None:
    result = ds.assess(diffusion(), as_of=D(2025, 6, 1))
    assert result.as_of == D(2025, 6, 1)
    assert not any(d.startswith("as_of") for d in result.defaults_used)


def test_missing_as_of_defaults_to_today_and_says_so() -> None:
    scenario = dataclasses.replace(diffusion(), as_of=None)
    result = ds.assess(scenario)
    assert result.as_of == dt.date.today()
    assert any(d.startswith("as_of: today") for d in result.defaults_used)


def test_defaults_for_purpose_recipients_and_filing_are_stated() -> None:
    defaults = " | ".join(ds.assess(diffusion()).defaults_used)
    assert "notice.purpose: arrest" in defaults
    assert "notice.recipients: all" in defaults
    assert "challenge.filed_on" in defaults
    assert "plan" in defaults


def test_given_facts_are_not_reported_as_defaults() -> None:
    scenario = dataclasses.replace(
        diffusion(purpose="arrest", recipients=("europe",)),
        challenge=ds.Challenge(filed_on=D(2025, 2, 1), requests=("deletion",)),
    )
    defaults = " | ".join(ds.assess(scenario).defaults_used)
    assert "purpose" not in defaults
    assert "recipients" not in defaults
    assert "filed_on" not in defaults


def test_each_unverified_rule_cited_gets_its_own_caveat() -> None:
    result = ds.assess(ds.builtin_scenarios()["red-notice-refused-then-diffusion"])
    unverified = [c.id for c in result.citations if c.verification == "unverified"]
    assert unverified, "this scenario cites at least one unverified rule"
    for rule_id in unverified:
        assert any(f"[{rule_id}]" in caveat for caveat in result.caveats), rule_id


def test_national_practice_confidence_caveat_counts_unknown_recipients() -> None:
    result = ds.assess(diffusion())
    caveat = next(c for c in result.caveats if "national practice" in c)
    assert f"of the {result.circulation.recipient_count} recipients" in caveat


def test_citations_are_unique_known_and_dated_on_as_of() -> None:
    result = ds.assess(ds.builtin_scenarios()["urgent-journalist-provisional-measures"])
    ids = [c.id for c in result.citations]
    assert len(ids) == len(set(ids))
    for citation in result.citations:
        assert citation.id in catalogue()
        rule = catalogue().get(citation.id)
        expected = rule.version_on(result.as_of) or rule.versions[-1]
        assert citation.version == expected.version


def test_trace_runs_through_the_stages_in_order() -> None:
    result = ds.assess(
        dataclasses.replace(
            diffusion(),
            challenge=ds.Challenge(filed_on=D(2025, 2, 1), requests=("deletion",), urgent=True),
        )
    )
    rules = [t.rule for t in result.trace]
    assert rules.index("diffusion-no-prescreening") < rules.index("rpd-diffusion-recipients")
    assert rules.index("rpd-diffusion-recipients") < rules.index("national-practice")
    assert rules.index("national-practice") < rules.index("ccf-statute-40-deletion")
    for entry in result.to_dict()["trace"]:
        assert set(entry) == {"rule", "facts", "result"}


def test_assess_reads_no_file_and_opens_no_socket_once_warm(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scenario = ds.builtin_scenarios()["schengen-diffusion-trips-around-deadline"]
    warm = ds.assess(scenario).to_dict()

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("assess touched a file or the network")

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(io, "open", refuse)
    monkeypatch.setattr(os, "open", refuse)
    monkeypatch.setattr(pathlib.Path, "open", refuse)
    monkeypatch.setattr(pathlib.Path, "read_text", refuse)
    monkeypatch.setattr(socket, "socket", refuse)
    assert ds.assess(scenario).to_dict() == warm
    # New facts and a new date also work from the cached reference data alone.
    other = ds.builtin_scenarios()["red-notice-refused-then-diffusion"]
    ds.assess(other, as_of=D(2026, 4, 2)).to_dict()
    ds.assess(dataclasses.replace(diffusion(), as_of=D(2019, 5, 5))).to_dict()


def test_assessment_keeps_the_facts_it_assessed() -> None:
    scenario = diffusion()
    assert ds.assess(scenario).scenario is scenario


# ---------------------------------------------------------------------------- issuance


def test_a_red_notice_the_review_should_have_refused_still_circulates_from_its_issue_date() -> None:
    scenario = dataclasses.replace(
        diffusion(kind="red_notice"),
        travel=(ds.Trip(country="FRA", date=D(2025, 5, 1)),),
    )
    defect = Ground(id="warrant_invalid", strength="strong", citations=(), reasons=())
    result = issuance_stage(
        scenario,
        as_of=D(2025, 3, 1),
        defects_at_issue=(defect,),
        screened_grounds=frozenset({"warrant_invalid"}),
    )
    assert result.issuance.screening == "published"
    assert result.issuance.circulated_on == scenario.notice.issued_on
    text = " ".join(result.issuance.reasons)
    assert "should arguably have refused it" in text
    assert "ground for deletion" in text
    assert "nothing circulated" not in text.lower()


def test_an_arguable_defect_does_not_stop_publication() -> None:
    defect = Ground(id="warrant_invalid", strength="arguable", citations=(), reasons=())
    result = issuance_stage(
        diffusion(kind="red_notice"),
        as_of=D(2025, 3, 1),
        defects_at_issue=(defect,),
        screened_grounds=frozenset({"warrant_invalid"}),
    )
    assert result.issuance.screening == "published"


def test_a_red_notice_the_review_should_have_refused_still_puts_recipients_at_risk() -> None:
    scenario = dataclasses.replace(
        diffusion(kind="red_notice"),
        case=dataclasses.replace(
            diffusion().case, offence="other", origin="family_matter", max_penalty_years=3
        ),
    )
    result = ds.assess(scenario)
    assert result.issuance.screening == "published"
    assert result.circulation.recipient_count == 195
    assert result.circulation.active_from == scenario.notice.issued_on
    risks = {e.country: e.arrest_risk for e in result.enforcement}
    assert risks.pop("KAZ") == "high"
    assert set(risks.values()) - {"none"}, "recipients of a circulating red notice carry risk"


def test_a_red_notice_is_on_file_whether_or_not_a_challenge_is_filed() -> None:
    scenario = dataclasses.replace(
        diffusion(kind="red_notice"),
        case=dataclasses.replace(
            diffusion().case, offence="other", origin="family_matter", max_penalty_years=3
        ),
    )
    for challenge in (None, ds.Challenge(filed_on=D(2025, 2, 1), requests=("access",))):
        result = ds.assess(dataclasses.replace(scenario, challenge=challenge))
        assert result.issuance.screening == "published"
        assert result.circulation.recipient_count == 195


def test_diffusion_before_2016_was_reviewed_by_the_secretariat_without_the_task_force() -> None:
    early = ds.assess(diffusion(issued_on=D(2015, 6, 1)), as_of=D(2016, 6, 1))
    later = ds.assess(diffusion(issued_on=D(2016, 6, 1)), as_of=D(2017, 6, 1))
    assert any("did not yet exist" in r for r in early.issuance.reasons)
    assert not any("did not yet exist" in r for r in later.issuance.reasons)


# ------------------------------------------------------------- circulation, enforcement


def test_enforcement_covers_every_member_on_as_of_and_the_requesting_state() -> None:
    result = ds.assess(diffusion(recipients=("europe",)))
    countries = {e.country for e in result.enforcement}
    assert countries == set(members_on(D(2025, 3, 1))) | {"KAZ"}
    roles = {e.country: e.role for e in result.enforcement}
    assert roles["KAZ"] == "requesting"
    assert roles["FRA"] == "recipient"
    assert roles["USA"] == "non_recipient"
    for entry in result.enforcement:
        assert entry.consequence.endswith(".")


def test_deleted_data_give_recipients_no_interpol_risk() -> None:
    scenario = dataclasses.replace(
        diffusion(),
        case=dataclasses.replace(
            diffusion().case,
            prior_ccf_decision=ds.PriorDecision(outcome="not_compliant", date=D(2025, 2, 1)),
        ),
    )
    # Statute Art 41(1)-(2): sent within a month, carried out within a month of receipt,
    # so the data are off the files two months after the decision.
    result = ds.assess(scenario, as_of=D(2025, 4, 1))
    assert result.circulation.active_until == D(2025, 4, 1)
    risks = {e.country: e.arrest_risk for e in result.enforcement}
    assert risks.pop("KAZ") == "high"
    assert set(risks.values()) == {"none"}


def test_red_notice_validity_reports_the_renewal_date() -> None:
    result = ds.assess(diffusion(kind="red_notice", issued_on=D(2018, 1, 10)), as_of=D(2025, 3, 1))
    assert any("2028" in r for r in result.circulation.reasons)
    assert any("asked to keep the red notice" in d for d in result.depends_on)


# --------------------------------------------------------------------------- travel


def test_trip_risk_follows_the_data_on_the_day_of_travel() -> None:
    scenario = dataclasses.replace(
        diffusion(recipients=("FRA",)),
        travel=(
            ds.Trip(country="FRA", date=D(2025, 1, 9)),
            ds.Trip(country="FRA", date=D(2025, 1, 10)),
            ds.Trip(country="DEU", date=D(2025, 5, 1)),
        ),
    )
    trips = ds.assess(scenario).travel
    # notice_active is about the destination: Germany was not sent the diffusion, so no
    # alert is live there even while it is live in France.
    assert [(t.notice_active, t.arrest_risk) for t in trips] == [
        (False, "none"),
        (True, "high"),
        (False, "none"),
    ]


def test_trip_reports_whether_a_decision_is_due_before_it() -> None:
    circulation = Circulation(recipients=("FRA",), public=False, active_from=D(2025, 1, 10))
    scenario = dataclasses.replace(
        diffusion(recipients=("FRA",)),
        travel=(
            ds.Trip(country="FRA", date=D(2025, 6, 1)),
            ds.Trip(country="FRA", date=D(2026, 1, 1)),
        ),
        challenge=ds.Challenge(
            filed_on=D(2025, 1, 15), requests=("deletion",), admissible_on=D(2025, 2, 1)
        ),
    )
    route = route_stage(scenario, as_of=D(2025, 3, 1))
    trips = travel_stage(
        scenario, circulation=circulation, route_steps=route.steps, as_of=D(2025, 3, 1)
    ).entries
    assert any("after the trip" in r for r in trips[0].reasons)
    assert any("before the trip" in r for r in trips[1].reasons)
    assert any("No provisional measures" in r for r in trips[0].reasons)


# ---------------------------------------------------------------------------- route


def test_month_arithmetic_keeps_to_the_end_of_short_months() -> None:
    assert add_months(D(2025, 5, 31), 9) == D(2026, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2025, 11, 15), 4) == D(2026, 3, 15)


def test_revision_without_an_earlier_decision_says_what_is_missing() -> None:
    scenario = dataclasses.replace(
        diffusion(), challenge=ds.Challenge(filed_on=D(2025, 2, 1), requests=("revision",))
    )
    result = ds.assess(scenario)
    assert any("prior_ccf_decision" in d for d in result.depends_on)
    assert "revision_window" not in {s.step for s in result.route}


def test_route_steps_and_grounds_cite_rules_in_the_citations() -> None:
    for scenario in ds.builtin_scenarios().values():
        result = ds.assess(scenario)
        cited = {c.id for c in result.citations}
        for step in result.route:
            assert step.citations and set(step.citations) <= cited, step.step
        for ground in result.grounds:
            assert set(ground.citations) <= cited, ground.id


def test_membership_counts_cited_agree_with_the_membership_table() -> None:
    rule = catalogue().get("interpol-membership")
    for version in rule.versions:
        assert len(members_on(version.in_force_from)) == version.get("members"), version.version
    assert len(members_on(D(2023, 11, 28))) == 195
    assert len(members_on(D(2023, 11, 29))) == 196


def test_a_trip_to_a_territory_follows_the_member_that_serves_it_and_warns_of_its_own_law() -> None:
    china = dataclasses.replace(
        diffusion(recipients=("CHN",)),
        travel=(ds.Trip(country="HKG", date=D(2025, 6, 1)),),
    )
    europe = dataclasses.replace(
        diffusion(recipients=("FRA", "DEU")),
        travel=(ds.Trip(country="HKG", date=D(2025, 6, 1)),),
    )
    reached, missed = ds.assess(china), ds.assess(europe)
    trip = reached.travel[0]
    assert trip.notice_active and trip.arrest_risk != "none"
    assert any("served by the National Central Bureau of China" in r for r in trip.reasons)
    assert any("own law on arrest and surrender may differ" in r for r in trip.reasons)
    assert not missed.travel[0].notice_active and missed.travel[0].arrest_risk == "none"
    # Enforcement stays one entry per member: the territory gets no row of its own.
    assert all(e.country != "HKG" for e in reached.enforcement)


def test_depends_on_names_each_fact_once_with_the_grounds_facts_first() -> None:
    assessment = ds.assess(diffusion(recipients=("FRA",)))
    mentions = [d for d in assessment.depends_on if "challenge.ncb_responds" in d]
    assert len(mentions) == 1
    position = {d: i for i, d in enumerate(assessment.depends_on)}
    route_only = [d for d in assessment.depends_on if "challenge.admissible_on" in d]
    assert route_only and position[mentions[0]] < position[route_only[0]]
