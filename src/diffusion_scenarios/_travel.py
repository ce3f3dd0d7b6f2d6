"""Travel: for each planned trip, is the alert live that day, and what could happen there.

A trip is judged on its own date: whether the data circulated before it and were not yet
deleted, whether the destination received them (a red notice is available to every member
that day; a diffusion only to the NCBs it was sent to), the destination's practice and the
facts that touch it, and where the CCF challenge will stand by then (a decision due before
the trip? provisional measures asked for?). A trip to the requesting state is high risk
whatever INTERPOL does; a country outside INTERPOL receives no INTERPOL alert at all.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from ._assessment import Circulation, RouteStep, TravelEntry
from ._circulation import data_active_on
from ._countries import country_name, is_member
from ._enforcement import country_risk, requesting_state_risk
from ._scenario import Scenario, Trip
from ._stage import RISK_ORDER, NoteBook, StageNotes, long_date

__all__ = ["TravelResult", "travel_stage"]

Date = _dt.date


@dataclass(frozen=True, slots=True, kw_only=True)
class TravelResult:
    entries: tuple[TravelEntry, ...]
    notes: StageNotes


def _received_on(scenario: Scenario, circulation: Circulation, country: str, day: Date) -> bool:
    if scenario.notice.kind == "red_notice":
        return circulation.active_from is not None and is_member(country, day)
    return country in circulation.recipients


def _challenge_notes(
    trip: Trip, steps: tuple[RouteStep, ...], risk: str, as_of: Date
) -> tuple[list[str], list[str]]:
    reasons: list[str] = []
    cites: list[str] = []
    by_id = {s.step: s for s in steps}
    decision = by_id.get("deletion_decision_due") or by_id.get("access_decision_due")
    if decision is not None and decision.deadline is not None:
        cites.append(decision.citations[0])
        estimate = " (estimated from an estimated admissibility date)" if decision.estimated else ""
        kind = "deletion" if decision.step == "deletion_decision_due" else "access"
        if decision.deadline <= trip.date:
            reasons.append(
                f"A CCF decision on {kind} is due by {long_date(decision.deadline)}{estimate}, "
                "before the trip, if the CCF keeps its time limit; limits are often missed and "
                "the outcome is not known in advance."
            )
        else:
            reasons.append(
                f"A CCF decision on {kind} is not due until {long_date(decision.deadline)}"
                f"{estimate}, after the trip: the challenge alone does not suspend the data."
            )
    elif "decision_without_time_limit" in by_id:
        cites.append("rci-requests")
        reasons.append(
            "Before the Statute there was no time limit, so no decision date can be expected."
        )
    measures = by_id.get("provisional_measures")
    if measures is not None and measures.date is not None:
        cites.append(measures.citations[0])
        reasons.append(
            f"Provisional measures were asked for on {long_date(measures.date)}; if the CCF "
            "blocks the data, members cannot act on them, but a block is not guaranteed."
        )
    elif trip.date >= as_of and RISK_ORDER[risk] >= RISK_ORDER["medium"]:
        cites.append("ccf-statute-37-provisional-measures")
        reasons.append(
            "No provisional measures were asked for; blocking the data before the trip would "
            "need an urgent request under Article 37."
        )
    return reasons, cites


def travel_stage(
    scenario: Scenario,
    *,
    circulation: Circulation,
    route_steps: tuple[RouteStep, ...],
    as_of: Date,
) -> TravelResult:
    """The arrest risk on each planned trip, in the order of the scenario.

    Args:
        scenario: the facts.
        circulation: the result of the circulation stage.
        route_steps: the CCF route (for decision deadlines and provisional measures).
        as_of: the day of the assessment.

    Returns:
        One entry per trip and the stage's notes.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios import Notice, Scenario, Trip
        >>> from diffusion_scenarios._assessment import Circulation
        >>> s = Scenario(id="d", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...              issued_on=datetime.date(2025, 1, 10)),
        ...              travel=(Trip(country="KAZ", date=datetime.date(2025, 6, 1)),))
        >>> c = Circulation(recipients=(), public=False, active_from=datetime.date(2025, 1, 10))
        >>> travel_stage(s, circulation=c, route_steps=(), as_of=datetime.date(2025, 3, 1)
        ...              ).entries[0].arrest_risk
        'high'
    """
    book = NoteBook()
    requesting = scenario.notice.requesting_country
    entries: list[TravelEntry] = []
    for trip in scenario.travel:
        country = trip.country
        name = country_name(country)
        active = data_active_on(circulation, trip.date)
        reasons: list[str] = []
        cites: list[str] = []
        if country == requesting:
            result = requesting_state_risk(scenario)
            risk = result.risk
            reasons += list(result.reasons)
            cites += list(result.citations)
        elif not is_member(country, trip.date):
            risk = "none"
            reasons.append(
                f"{name} is not an INTERPOL member on {long_date(trip.date)}: no INTERPOL alert "
                f"reaches it. {country_name(requesting)} could still ask it directly for "
                "arrest or extradition."
            )
            cites += ["interpol-membership", "bilateral-extradition-possible"]
        else:
            received = _received_on(scenario, circulation, country, trip.date)
            if circulation.active_from is None:
                reasons.append("Nothing circulated, so no INTERPOL alert exists on that day.")
            elif trip.date < circulation.active_from:
                reasons.append(
                    f"The trip is before the data circulated on "
                    f"{long_date(circulation.active_from)}."
                )
            elif not active and circulation.active_until is not None:
                reasons.append(
                    f"The data were deleted on {long_date(circulation.active_until)}, before "
                    "the trip."
                )
            result = country_risk(scenario, country, received=received, active=active)
            risk = result.risk
            if received and active and not result.practice_known:
                book.depends(
                    f"national practice in {name} (trip on {trip.date.isoformat()}): how it "
                    "treats INTERPOL alerts is unknown"
                )
            reasons += list(result.reasons)
            cites += list(result.citations)
            if active and received:
                extra, extra_cites = _challenge_notes(trip, route_steps, risk, as_of)
                reasons += extra
                cites += extra_cites
        book.record(
            "national-practice" if country != requesting else "deletion-leaves-domestic-case",
            {"travel.country": country, "travel.date": trip.date, "data_active": active},
            f"{country} on {trip.date.isoformat()}: {risk}",
        )
        entries.append(
            TravelEntry(
                country=country,
                date=trip.date,
                notice_active=active,
                arrest_risk=risk,
                reasons=tuple(reasons),
                citations=tuple(dict.fromkeys(cites)),
            )
        )
    return TravelResult(entries=tuple(entries), notes=book.freeze())
