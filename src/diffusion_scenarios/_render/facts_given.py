"""The facts as given: every fact of the scenario in plain words, in the memo's order, with
``None`` for a fact the scenario does not give and the words "assumed for the model" where the
file marks a fact assumed.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diffusion_scenarios._facts.naming import introduced_as_assumed
from diffusion_scenarios._facts.scenario import evidence_of
from diffusion_scenarios._render.plain import country, listing, number, words, yes_no
from diffusion_scenarios._render.wording import KIND_WORDS

if TYPE_CHECKING:
    from diffusion_scenarios._facts.scenario import Case, Scenario

__all__ = ["Fact", "assumed_words", "facts_as_given"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """One fact of the scenario in plain words; ``value`` is ``None`` when it was not given."""

    group: str
    label: str
    value: str | None


def _maybe(value: object, render: str | None = None) -> str | None:
    """A fact's value in words, ``None`` when not given (``render`` overrides the words)."""
    if value is None:
        return None
    if render is not None:
        return render
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float | int):
        return number(float(value))
    return words(str(value))


Row = tuple[str, str | None]


def _scenario_facts(scenario: Scenario) -> list[Row]:
    rows: list[Row] = [
        ("Scenario id", scenario.id),
        ("Title", scenario.title or None),
        ("Assessed as of", _maybe(scenario.as_of)),
    ]
    if scenario.notes:
        rows.append(("Notes", scenario.notes))
    return rows


def _person_facts(scenario: Scenario) -> list[Row]:
    person = scenario.person
    rows: list[Row] = [
        (
            "Nationalities",
            listing((country(c, scenario) for c in person.nationalities), empty="") or None,
        ),
        ("Residence", _maybe(person.residence, country(person.residence, scenario))),
        ("Profile", listing(map(words, person.profile), empty="") or None),
    ]
    refugee = person.refugee_status
    if refugee is None:
        return [*rows, ("Refugee or asylum status", "none stated")]
    feared = refugee.feared_persecution_from
    return [
        *rows,
        ("Refugee or asylum status", words(refugee.status)),
        ("Status granted by", _maybe(refugee.granted_by, country(refugee.granted_by, scenario))),
        ("Status granted on", _maybe(refugee.granted_on)),
        ("Persecution feared from", _maybe(feared, country(feared, scenario))),
    ]


def assumed_words(scenario: Scenario, path: str, shown: str) -> str:
    """A fact's words, saying so when the file marks it assumed (``evidence:``): the
    requesting state reads "State A, assumed to be Kyrgyzstan for the model"."""
    if evidence_of(scenario, path) != "assumed":  # listed, or a fact it is part of
        return shown
    if path == "notice.requesting_country":
        return introduced_as_assumed(shown)
    return f"{shown}, assumed for the model"


def _notice_facts(scenario: Scenario) -> list[Row]:
    notice = scenario.notice
    rows: list[Row] = [
        ("Kind", KIND_WORDS.get(notice.kind, words(notice.kind))),
        (
            "Requesting country",
            assumed_words(
                scenario,
                "notice.requesting_country",
                country(notice.requesting_country),  # named as assumed once, here
            ),
        ),
        ("Issued on", notice.issued_on.isoformat()),
        ("Purpose", _maybe(notice.purpose)),
    ]
    if notice.recipients is None:
        rows.append(("Recipients", None))
    else:
        stated = listing(
            country(token, scenario)
            if len(token) == 3 and token.isupper()
            else f"{words(token)} (region)"
            for token in notice.recipients
        )
        rows.append(("Recipients (as stated)", stated))
    if notice.kind == "red_notice" or notice.public_extract is not None:
        rows.append(("Public extract on INTERPOL's website", _maybe(notice.public_extract)))
    return rows


def _case_facts(case: Case) -> list[Row]:
    rows: list[Row] = [
        ("Stage", _maybe(case.stage)),
        ("Offence", _maybe(case.offence)),
        ("Summary of the offence", case.offence_summary),
        ("Maximum penalty (years)", _maybe(case.max_penalty_years)),
    ]
    if case.stage != "prosecution":
        rows.append(("Sentence imposed (months)", _maybe(case.sentence_months)))
        rows.append(("Sentence still to serve (months)", _maybe(case.remaining_months)))
    warrant = case.arrest_warrant
    rows += [
        ("Summary describes the person's own acts", _maybe(case.summary_names_person_role)),
        ("Arrest warrant issued on", _maybe(warrant.issued_on if warrant else None)),
        ("Arrest warrant still valid", _maybe(warrant.valid if warrant else None)),
        ("Convicted in absentia", _maybe(case.in_absentia)),
    ]
    if case.in_absentia:
        rows.append(("Retrial guaranteed on return", _maybe(case.retrial_guaranteed)))
    amount = f"{case.amount_usd:,.0f}" if case.amount_usd is not None else None
    civil = case.civil_proceedings
    return [
        *rows,
        ("Limitation period expired", _maybe(case.limitation_expired)),
        ("Origin of the case", _maybe(case.origin)),
        ("Alleged link to organised crime", _maybe(case.organised_crime_link)),
        ("Amount at stake (USD)", _maybe(case.amount_usd, amount)),
        ("Civil proceedings on the same dealings", _maybe(civil.outcome if civil else None)),
        ("Defects in the purpose of the request", listing(map(words, case.purpose_defects))),
        ("Data on co-accused already deleted", _maybe(case.co_accused_deleted)),
        ("Political context", listing(map(words, case.political_context))),
        ("Human rights concerns", listing(map(words, case.human_rights_concerns))),
        (
            "Requesting state sought extradition where the person lives",
            _maybe(case.requesting_state_sought_extradition),
        ),
        *_case_history_facts(case),
    ]


def _case_history_facts(case: Case) -> list[Row]:
    """Extradition abroad, dual criminality and an earlier CCF decision."""
    rows: list[Row] = []
    for proceeding in case.extradition:
        parts = [
            country(proceeding.country) if proceeding.country else "country unknown",
            words(proceeding.outcome) if proceeding.outcome else "outcome unknown",
        ]
        if proceeding.grounds:
            parts.append(f"on {words(proceeding.grounds)} grounds")
        if proceeding.date:
            parts.append(f"on {proceeding.date.isoformat()}")
        rows.append(("Extradition proceedings abroad", ", ".join(parts)))
    if not case.extradition:
        rows.append(("Extradition proceedings abroad", "none stated"))
    dual = listing(
        f"{country(code)}: {'satisfied' if satisfied else 'not satisfied'}"
        for code, satisfied in case.dual_criminality
    )
    rows.append(("Dual criminality", dual if case.dual_criminality else None))
    prior = case.prior_ccf_decision
    if prior is None:
        return [*rows, ("Earlier CCF decision on the same facts", "none stated")]
    text = words(prior.outcome) if prior.outcome else "outcome unknown"
    if prior.date:
        text += f" ({prior.date.isoformat()})"
    return [*rows, ("Earlier CCF decision on the same facts", text)]


def _trip_facts(scenario: Scenario) -> list[Row]:
    if not scenario.travel:
        return [("Trips", "none planned")]
    return [
        (f"Trip on {trip.date.isoformat()}", country(trip.country, scenario))
        for trip in scenario.travel
    ]


def _challenge_facts(scenario: Scenario) -> list[Row]:
    challenge = scenario.challenge
    if challenge is None:
        return [("Challenge", None)]
    return [
        ("Filed on", _maybe(challenge.filed_on)),
        ("Requests", listing(map(words, challenge.requests), empty="") or None),
        ("Urgent (provisional measures asked)", _maybe(challenge.urgent)),
        ("Admissible on", _maybe(challenge.admissible_on)),
        ("Source NCB answers the CCF", _maybe(challenge.ncb_responds)),
    ]


def facts_as_given(scenario: Scenario) -> tuple[Fact, ...]:
    """Every fact of the scenario, in order, with ``None`` for the unknown ones."""
    groups = (
        ("The scenario", _scenario_facts(scenario)),
        ("The person", _person_facts(scenario)),
        ("The notice or diffusion", _notice_facts(scenario)),
        ("The national case", _case_facts(scenario.case)),
        ("Planned trips", _trip_facts(scenario)),
        ("The challenge before the CCF", _challenge_facts(scenario)),
    )
    return tuple(
        Fact(group=group, label=label, value=_flag_assumed(scenario, label, value))
        for group, rows in groups
        for label, value in rows
    )


#: The fact path behind each row of the facts as given (the rows a file can mark assumed).
_ROW_PATHS: dict[str, str] = {
    "Nationalities": "person.nationalities",
    "Residence": "person.residence",
    "Profile": "person.profile",
    "Refugee or asylum status": "person.refugee_status",
    "Status granted by": "person.refugee_status.granted_by",
    "Status granted on": "person.refugee_status.granted_on",
    "Persecution feared from": "person.refugee_status.feared_persecution_from",
    "Kind": "notice.kind",
    "Issued on": "notice.issued_on",
    "Purpose": "notice.purpose",
    "Recipients (as stated)": "notice.recipients",
    "Public extract on INTERPOL's website": "notice.public_extract",
    "Stage": "case.stage",
    "Offence": "case.offence",
    "Summary of the offence": "case.offence_summary",
    "Maximum penalty (years)": "case.max_penalty_years",
    "Sentence imposed (months)": "case.sentence_months",
    "Sentence still to serve (months)": "case.remaining_months",
    "Summary describes the person's own acts": "case.summary_names_person_role",
    "Arrest warrant issued on": "case.arrest_warrant.issued_on",
    "Arrest warrant still valid": "case.arrest_warrant.valid",
    "Convicted in absentia": "case.in_absentia",
    "Retrial guaranteed on return": "case.retrial_guaranteed",
    "Limitation period expired": "case.limitation_expired",
    "Origin of the case": "case.origin",
    "Alleged link to organised crime": "case.organised_crime_link",
    "Amount at stake (USD)": "case.amount_usd",
    "Civil proceedings on the same dealings": "case.civil_proceedings",
    "Defects in the purpose of the request": "case.purpose_defects",
    "Data on co-accused already deleted": "case.co_accused_deleted",
    "Political context": "case.political_context",
    "Human rights concerns": "case.human_rights_concerns",
    "Extradition proceedings abroad": "case.extradition",
    "Dual criminality": "case.dual_criminality",
    "Earlier CCF decision on the same facts": "case.prior_ccf_decision",
    "Filed on": "challenge.filed_on",
    "Requests": "challenge.requests",
    "Urgent (provisional measures asked)": "challenge.urgent",
    "Admissible on": "challenge.admissible_on",
}


def _flag_assumed(scenario: Scenario, label: str, value: str | None) -> str | None:
    """A given fact the file marks assumed reads "..., assumed for the model" (issue 25.7);
    the requesting state is named as assumed where its row is built."""
    path = _ROW_PATHS.get(label) or ("travel" if label.startswith("Trip on ") else None)
    if value is None or path is None or evidence_of(scenario, path) != "assumed":
        return value
    return assumed_words(scenario, path, value)
