"""Which requests fit the facts (see :mod:`.draft`): what is urgent, why a request is
refused, and the request that fits best.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from diffusion_scenarios._engine.stage import long_date
from diffusion_scenarios._render.draft_words import (
    draft_country,
)

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment

Date = _dt.date


#: The requests a draft can be made for.
REQUESTS = ("access", "deletion", "correction", "provisional_measures", "revision")


def on_file_state(assessment: Assessment) -> str:
    return assessment.on_file(assessment.as_of)


def urgent_facts(assessment: Assessment) -> tuple[str, ...]:
    """What makes the matter urgent, in words with dates: a trip ahead while the data are on
    file, a pending extradition, recognised refugee status, or urgency stated in the facts."""
    out: list[str] = []
    for trip in assessment.travel:
        if trip.date >= assessment.as_of and trip.notice_active and trip.arrest_risk != "none":
            out.append(
                f"a trip to {draft_country(trip.country, assessment.scenario)} on "
                f"{long_date(trip.date)}, where the "
                f"arrest risk is {trip.arrest_risk}"
            )
    scenario = assessment.scenario
    if scenario is not None:
        for e in scenario.case.extradition:
            if e.outcome == "pending":
                where = draft_country(e.country, assessment.scenario) if e.country else "[country]"
                when = long_date(e.date) if e.date else "[date of the next hearing]"
                out.append(f"extradition proceedings pending in {where} (hearing: {when})")
        refugee = scenario.person.refugee_status
        if refugee is not None and refugee.status == "recognised":
            out.append("the applicant is a recognised refugee")
        if scenario.challenge is not None and scenario.challenge.urgent:
            out.append("the facts state that the matter is urgent")
    return tuple(out)


def check_request(assessment: Assessment, request: str) -> str | None:
    """Why ``request`` does not fit the facts (one line), or ``None`` when it fits.

    Provisional measures with nothing urgent fit, with a warning in the draft."""
    if request not in REQUESTS:
        return f"--request: expected one of {', '.join(REQUESTS)}, found '{request}'"
    scenario = assessment.scenario
    if request == "revision" and (scenario is None or scenario.case.prior_ccf_decision is None):
        return (
            "revision: the facts give no earlier CCF decision (case.prior_ccf_decision); "
            "only a decision of the Requests Chamber can be revised (Statute Art 42)"
        )
    prior = scenario.case.prior_ccf_decision if scenario is not None else None
    if request == "revision" and prior is not None and prior.outcome == "not_compliant":
        return (
            "revision: the earlier CCF decision (case.prior_ccf_decision) already had the "
            "data deleted; there is nothing for the applicant to have revised"
        )
    if request in ("correction", "deletion", "provisional_measures"):
        state = on_file_state(assessment)
        if state == "no_longer":
            deleted = assessment.circulation.active_until
            when = f" on {long_date(deleted)}" if deleted else ""
            return (
                f"{request}: the data were deleted{when} after the CCF's earlier decision, so "
                "there is nothing left to correct, delete or block; ask for access to check "
                "that they are gone"
            )
        if state == "never":
            return (
                f"{request}: the data were never recorded (the request was refused and never "
                "circulated), so there is nothing to correct, delete or block; ask for access "
                "instead"
            )
        if state == "not_yet":
            return (
                f"{request}: on {assessment.as_of.isoformat()} nothing is on file yet (the "
                f"data are dated {long_date(issue_day(assessment))}); choose a later --as-of "
                "or ask for access"
            )
    return None


def suggested_request(assessment: Assessment) -> str:
    """The request that fits the facts best: provisional measures when something is urgent,
    a revision or correction when the facts ask for one, else deletion, else access."""
    scenario = assessment.scenario
    asked = scenario.challenge.requests if scenario and scenario.challenge else ()
    order = []
    if urgent_facts(assessment):
        order.append("provisional_measures")
    if "revision" in asked:
        order.append("revision")
    if "correction" in asked and "deletion" not in asked:
        order.append("correction")
    order += ["deletion", "access"]
    return next(r for r in order if check_request(assessment, r) is None)


def issue_day(assessment: Assessment) -> Date:
    scenario = assessment.scenario
    if scenario is not None:
        return scenario.notice.issued_on
    return assessment.circulation.active_from or assessment.as_of
