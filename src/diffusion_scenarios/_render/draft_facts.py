"""The facts of a draft request, in numbered paragraphs, from the scenario and the assessment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffusion_scenarios._engine.stage import long_date
from diffusion_scenarios._render.draft_words import (
    draft_country,
)
from diffusion_scenarios._render.wording import KIND_WORDS, OUTCOME_RESULTS

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment


def fact_paragraphs(assessment: Assessment) -> list[str]:
    """The facts as numbered paragraphs, in the order a lawyer tells them."""
    s = assessment.scenario
    kind = KIND_WORDS.get(assessment.issuance.kind, assessment.issuance.kind)
    requesting = draft_country(assessment.requesting_country, assessment.scenario)
    if s is None:
        return [
            f"A {kind} was recorded at the request of {requesting}.",
            "[The facts of the case.]",
        ]
    out: list[str] = []
    person = s.person
    nat = ", ".join(draft_country(n, s) for n in person.nationalities) or "[nationality]"
    res = draft_country(person.residence, s) if person.residence else "[country of residence]"
    profile = ", ".join(p.replace("_", " ") for p in person.profile if p != "other")
    out.append(
        f"The applicant is a national of {nat}, living in {res}"
        + (f" ({profile})." if profile else ".")
    )
    refugee = person.refugee_status
    if refugee is not None:
        by = draft_country(refugee.granted_by, s) if refugee.granted_by else "[state]"
        when = f" on {long_date(refugee.granted_on)}" if refugee.granted_on else ""
        status = {
            "recognised": f"was recognised as a refugee by {by}{when}",
            "asylum_seeker": f"has applied for asylum in {by}",
            "refused": f"was refused asylum by {by}{when}",
            "revoked": f"had refugee status, revoked by {by}{when}",
        }.get(refugee.status, refugee.status)
        fear = (
            f", fearing persecution by {draft_country(refugee.feared_persecution_from, s)}"
            if refugee.feared_persecution_from
            else ""
        )
        out.append(f"The applicant {status}{fear}.")
    notice = s.notice
    out.append(
        f"On {long_date(notice.issued_on)} the NCB of {requesting} had a {kind} recorded in "
        f"INTERPOL's Information System about the applicant"
        + (f", for the purpose of {notice.purpose}" if notice.purpose else "")
        + ". [INTERPOL reference, if known.]"
    )
    if notice.red_notice_refused_on is not None:
        out.append(
            f"A red notice on the same facts was refused at screening on "
            f"{long_date(notice.red_notice_refused_on)}, before this diffusion was sent."
        )
    case = s.case
    offence = case.offence.replace("_", " ") if case.offence else "[offence]"
    stage = {"prosecution": "is prosecuted", "sentence": "was sentenced"}.get(
        case.stage or "", "is sought"
    )
    summary = case.offence_summary.rstrip(".") if case.offence_summary else ""
    if case.offence == "other" and summary:
        out.append(f"In {requesting} the applicant {stage} for the following: {summary}.")
    else:
        out.append(
            f"In {requesting} the applicant {stage} for {offence}"
            + (f": {summary}." if summary else ".")
        )
    if case.amount_usd is not None:
        out.append(f"The amount at stake is about USD {case.amount_usd:,.0f}.")
    if case.arrest_warrant is not None:
        when = (
            f" issued on {long_date(case.arrest_warrant.issued_on)}"
            if case.arrest_warrant.issued_on
            else ""
        )
        valid = {True: "", False: ", which is no longer valid", None: ""}[case.arrest_warrant.valid]
        out.append(f"The request rests on an arrest warrant{when}{valid}.")
    if case.origin and case.origin != "none":
        out.append(f"The case arose from a {case.origin.replace('_', ' ')}.")
    if case.political_context:
        items = "; ".join(p.replace("_", " ") for p in case.political_context)
        out.append(f"The political context: {items}.")
    if case.human_rights_concerns:
        items = "; ".join(h.replace("_", " ") for h in case.human_rights_concerns)
        out.append(f"Concerns for the applicant's rights: {items}.")
    if case.in_absentia:
        out.append(
            "The applicant was convicted in absentia"
            + (", with no retrial guaranteed." if case.retrial_guaranteed is False else ".")
        )
    for e in case.extradition:
        when = f" on {long_date(e.date)}" if e.date else ""
        grounds = f" ({e.grounds.replace('_', ' ')} grounds)" if e.grounds else ""
        outcome = {"refused": "refused", "granted": "granted", "pending": "is pending"}.get(
            e.outcome or "", "[outcome]"
        )
        out.append(
            f"Extradition to {requesting} from {draft_country(e.country, s)} "
            f"{outcome}{when}{grounds}."
        )
    if case.final_judgment is not None:
        fj = case.final_judgment
        when = f" on {long_date(fj.date)}" if fj.date else ""
        result = (fj.result or "[result]").replace("_", " ")
        out.append(
            f"A final judgment on the same acts was given in {draft_country(fj.country, s)}{when}: "
            f"{result}."
        )
    if case.prior_ccf_decision is not None:
        pd = case.prior_ccf_decision
        when = long_date(pd.date) if pd.date else "[date]"
        result = OUTCOME_RESULTS.get(pd.outcome or "", "[outcome]")
        out.append(f"The CCF decided on these data on {when}: {result}. [Decision reference.]")
    for trip in assessment.travel:
        if trip.date >= assessment.as_of:
            out.append(
                f"The applicant plans to travel to {draft_country(trip.country, s)} on "
                f"{long_date(trip.date)}."
            )
    return out
