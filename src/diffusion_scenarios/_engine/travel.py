"""Travel: for each planned trip, is the alert live that day, and what could happen there.

A trip is judged on its own date: whether the data circulated before it and were not yet
deleted, whether the destination received them (a red notice is available to every member
that day; a diffusion only to the NCBs it was sent to), the destination's practice and the
facts that touch it, and where the CCF challenge will stand by then (a decision due before
the trip? provisional measures asked for?). A trip to the requesting state is high risk
whatever INTERPOL does; a country outside INTERPOL receives no INTERPOL alert at all.

``notice_active`` on a trip means *the alert is live for that destination that day*: the
data are on INTERPOL's files and the destination received them (for the requesting state,
its own data are on file). A trip to a member that was not sent a diffusion is therefore
not under an active alert, even while the diffusion is live elsewhere.

**Territories.** A territory that is not itself a member (Hong Kong, Macao, Gibraltar,
Bermuda, Puerto Rico, Réunion...) is reached through the National Central Bureau of the
member that serves it (``_countries.served_by``): a trip there uses that member's receipt
of the data and its recorded practice, and the reasons say so and warn that the
territory's own law on arrest and surrender may differ from the member's. This applies to
trips only; the enforcement table stays one entry per member. A place no member serves
(Taiwan, North Korea, Kosovo...) receives no INTERPOL alert.
"""

from __future__ import annotations

import datetime as _dt
from functools import cache

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine.assessment import (
    Circulation,
    Reason,
    RouteStep,
    TravelEntry,
    alert_reaches,
    reason_of,
)
from diffusion_scenarios._engine.circulation import data_active_on
from diffusion_scenarios._engine.enforcement import (
    confidence_sentence,
    country_risk,
    requesting_state_risk,
)
from diffusion_scenarios._engine.ne_bis import outside_area_note
from diffusion_scenarios._engine.stage import RISK_ORDER, NoteBook, StageNotes, long_date
from diffusion_scenarios._facts.naming import (
    country_possessive,
    country_shown,
    requesting_state_name,
)
from diffusion_scenarios._facts.scenario import Scenario, Trip
from diffusion_scenarios._law.countries import country_name, is_member
from diffusion_scenarios._law.data import read_csv_rows
from diffusion_scenarios._law.rules import catalogue

__all__ = ["TravelResult", "travel_stage"]

Date = _dt.date


@dataclass(frozen=True, slots=True, kw_only=True)
class TravelResult:
    entries: tuple[TravelEntry, ...]
    notes: StageNotes


@cache
def _territory_relations() -> dict[str, str]:
    """Territory alpha-3 -> how it relates to the member serving it (integral_part, ...)."""
    return {row["alpha3"]: row["relation"] for row in read_csv_rows("territories.csv")}


def _received_on(scenario: Scenario, circulation: Circulation, country: str, day: Date) -> bool:
    if scenario.notice.kind == "red_notice":
        return circulation.active_from is not None and is_member(country, day)
    return country in circulation.recipients


def _challenge_notes(
    trip: Trip, steps: tuple[RouteStep, ...], risk: str, as_of: Date
) -> tuple[list[str | Reason], list[str]]:
    reasons: list[str | Reason] = []
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
    admissibility = by_id.get("admissibility")
    if measures is not None and measures.date is not None:
        cites.append(measures.citations[0])
        # Issue 20 point 8 (CCF-32, DF-5, NAT-3 to NAT-5): a block hides the data in
        # INTERPOL's system only.
        text = (
            f"Provisional measures were asked for on {long_date(measures.date)}. If the CCF "
            "blocks the data, they are hidden from members in INTERPOL's system; a block "
            "does not recall a diffusion already delivered or the copies countries keep in "
            "their national systems, and it is not guaranteed."
        )
        if catalogue().applies("ccf-blocking-effect", measures.date):
            cites.append("ccf-blocking-effect")
        if (
            admissibility is not None
            and admissibility.date is not None
            and trip.date < admissibility.date
            and catalogue().applies("ccf-admissibility-timing", measures.date)
        ):
            cites.append("ccf-admissibility-timing")
            text += (
                " Admissibility alone may take up to a month (Statute Art. 32(1)): the CCF "
                f"may not have ruled on the block by the trip on {long_date(trip.date)}, so "
                "weigh the trip as if no block were in place."
            )
        reasons.append(text)
    elif trip.date >= as_of and RISK_ORDER[risk] >= RISK_ORDER["medium"]:
        if catalogue().applies("ccf-statute-37-provisional-measures", as_of):
            cites.append("ccf-statute-37-provisional-measures")
            reasons.append(
                "No provisional measures were asked for; blocking the data before the trip "
                "would need an urgent request under Article 37."
            )
        else:
            # Applied on the day the request would be made: the Statute may not be in force.
            if catalogue().applies("gs-blocking", as_of):
                cites.append("gs-blocking")
            starts = catalogue().first_in_force("ccf-statute-37-provisional-measures")
            reasons.append(
                Reason(
                    "No blocking was asked for. Article 37 of the Statute (provisional "
                    f"measures) is not yet in force on {long_date(as_of)} (it applies from "
                    f"{long_date(starts)}); before the trip one can only ask for the data to "
                    "be blocked during a review, which the General Secretariat may do on its "
                    "own initiative.",
                    fields=("challenge.urgent",),
                    rules=("ccf-statute-37-provisional-measures",),
                    in_force=False,
                )
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
        >>> from diffusion_scenarios._engine.assessment import Circulation
        >>> s = Scenario(id="d", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...              issued_on=datetime.date(2025, 1, 10)),
        ...              travel=(Trip(country="KAZ", date=datetime.date(2025, 6, 1)),))
        >>> c = Circulation(recipients=(), public=False, active_from=datetime.date(2025, 1, 10))
        >>> travel_stage(s, circulation=c, route_steps=(), as_of=datetime.date(2025, 3, 1)
        ...              ).entries[0].arrest_risk
        'high'
    """
    book = NoteBook()
    entries = [
        _trip_entry(
            scenario, trip, circulation=circulation, route_steps=route_steps, as_of=as_of, book=book
        )
        for trip in scenario.travel
    ]
    return TravelResult(entries=tuple(entries), notes=book.freeze())


def _territory_notes(name: str, serving: str, scenario: Scenario) -> tuple[str, str]:
    """What a trip to a territory served by a member's NCB says first, and last."""
    serving_name = country_shown(scenario, serving)
    return (
        f"{name} is not itself an INTERPOL member; it is served by the National "
        f"Central Bureau of {serving_name}, so INTERPOL data reach it when they reach "
        f"{serving_name}.",
        f"{name}'s own law on arrest and surrender may differ from "
        f"{country_possessive(scenario, serving)} "
        "(a territory with its own legal system can have its own extradition rules), "
        "so the practice recorded for the member is only a guide.",
    )


def _requesting_territory_risk(
    scenario: Scenario,
    name: str,
    data_active: bool,
    reasons: list[str | Reason],
    cites: list[str],
) -> str:
    """A territory with its own legal order, served by the requesting state's NCB: the alert
    is in its police's hands, but the warrant is enforced only under the territory's own
    surrender law, which the facts and data do not record."""
    requesting = country_possessive(scenario, scenario.notice.requesting_country)
    risk = "medium" if data_active else "low"
    reasons.append(
        f"The alert comes from {requesting} own National Central "
        f"Bureau, which serves {name}; whether {name} arrests or surrenders on "
        f"{requesting} warrant depends on its own law, so the risk is "
        f"shown as {risk}, below that in the requesting state itself"
        + ("." if data_active else ", and no INTERPOL alert is on file that day.")
    )
    cites += ["national-practice", "bilateral-extradition-possible"]
    return risk


def _why_not_live(
    trip: Trip,
    circulation: Circulation,
    active: bool,
    reasons: list[str | Reason],
    cites: list[str],
) -> None:
    """Why no alert is live on the trip's date: nothing circulated, not yet, or deleted."""
    if circulation.active_from is None:
        reasons.append("Nothing circulated, so no INTERPOL alert exists on that day.")
    elif trip.date < circulation.active_from:
        reasons.append(
            f"The trip is before the data circulated on {long_date(circulation.active_from)}."
        )
    elif not active and circulation.active_until is not None:
        reasons.append(
            f"The data were deleted on {long_date(circulation.active_until)}, before "
            "the trip. A copy the destination saved in its own systems goes only when "
            "it updates them; in practice national copies can persist."
        )
        if catalogue().applies("national-copies-after-deletion", trip.date):
            cites.append("national-copies-after-deletion")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Leg:
    """A trip being assessed: the facts and stage results it reads, and its reasons."""

    scenario: Scenario
    trip: Trip
    circulation: Circulation
    route_steps: tuple[RouteStep, ...]
    as_of: Date
    reasons: list[str | Reason]
    cites: list[str]


def _member_trip_risk(leg: _Leg, target: str, book: NoteBook) -> tuple[str, bool]:
    """The risk on a trip to a member (or a territory it serves) other than the requesting
    state, and whether the alert is live there that day."""
    trip, circulation, reasons, cites = leg.trip, leg.circulation, leg.reasons, leg.cites
    data_active = data_active_on(circulation, trip.date)
    received = _received_on(leg.scenario, circulation, target, trip.date)
    _why_not_live(trip, circulation, data_active, reasons, cites)
    result = country_risk(leg.scenario, target, received=received, active=data_active, on=trip.date)
    active = data_active and received
    if active and not result.practice_known:
        book.depends(
            f"national practice in {country_name(trip.country)} (trip on "
            f"{trip.date.isoformat()}): how it treats INTERPOL alerts is unknown"
        )
    reasons += result.reasons
    cites += result.citations
    if active:
        # Ne bis in idem outside the Schengen/EU area, and the risk's confidence (issue 11).
        outside = outside_area_note(leg.scenario, target, trip.date)
        if outside is not None:
            reasons.append(outside.reason)
            cites += outside.citations
        reasons.append(confidence_sentence(result))
        extra, extra_cites = _challenge_notes(trip, leg.route_steps, result.risk, leg.as_of)
        reasons += extra
        cites += extra_cites
        note = _refugee_trip_note(leg.scenario, trip, leg.as_of)
        if note is not None:
            reasons.append(note[0])
            cites += note[1]
    return result.risk, active


def _refugee_trip_note(scenario: Scenario, trip: Trip, as_of: Date) -> tuple[str, list[str]] | None:
    """A recognised refugee travelling while the alert is live (issue 20 point 13; RF-1, RF-2).

    The refugee rule deletes the data only once a member country confirms the status to
    INTERPOL, and the data can come back if the status is revoked: before a trip, ask the
    CCF for provisional measures (Statute Art. 37) rather than rely on the status alone.
    """
    status = scenario.person.refugee_status
    if status is None or status.status != "recognised" or trip.date < as_of:
        return None
    cat = catalogue()
    rule = "ga-2017-86-res-09-refugees"
    if not cat.applies(rule, as_of):
        return None
    cites = [rule, "ga-2017-86-res-09-refused-revoked"]
    text = (
        "The person is a recognised refugee, but INTERPOL deletes data under its refugee "
        "resolution only once a member country confirms the status to it, and the data can "
        "be kept or restored if the status is later revoked."
    )
    if cat.applies("ccf-statute-37-provisional-measures", as_of):
        cites.append("ccf-statute-37-provisional-measures")
        text += (
            " Until the data are deleted, ask the host state to confirm the status to INTERPOL "
            "and ask the CCF for provisional measures under Article 37 before travelling."
        )
    return text, cites


def _trip_entry(
    scenario: Scenario,
    trip: Trip,
    *,
    circulation: Circulation,
    route_steps: tuple[RouteStep, ...],
    as_of: Date,
    book: NoteBook,
) -> TravelEntry:
    """One trip: who the alert reaches there, the risk, and the reasons in reading order."""
    country = trip.country
    name = country_shown(scenario, country)
    requesting = scenario.notice.requesting_country
    data_active = data_active_on(circulation, trip.date)
    leg = _Leg(
        scenario=scenario,
        trip=trip,
        circulation=circulation,
        route_steps=route_steps,
        as_of=as_of,
        reasons=[],
        cites=[],
    )
    reasons, cites = leg.reasons, leg.cites
    through = alert_reaches(country, trip.date)
    serving = None if through == country else through
    territory_note = ""
    if serving is not None:
        first, territory_note = _territory_notes(name, serving, scenario)
        reasons.append(first)
        cites.append("interpol-membership")
    target = serving if serving is not None else country
    active = data_active
    if (
        target == requesting
        and serving is not None
        and (_territory_relations().get(country) != "integral_part")
    ):
        risk = _requesting_territory_risk(scenario, name, data_active, reasons, cites)
    elif target == requesting:
        result = requesting_state_risk(scenario, on=trip.date)
        risk = result.risk
        reasons += result.reasons
        # the confidence of the risk (issue 11), naming an assumed state as assumed
        reasons.append(confidence_sentence(result, requesting_state_name(scenario)))
        cites += result.citations
    elif through is None:
        active = False
        risk = "none"
        reasons.append(
            f"{name} is not an INTERPOL member on {long_date(trip.date)}: no INTERPOL alert "
            f"reaches it. {requesting_state_name(scenario)} could still ask it directly for "
            "arrest or extradition."
        )
        cites += ["interpol-membership", "bilateral-extradition-possible"]
    else:
        risk, active = _member_trip_risk(leg, target, book)
    if territory_note:
        reasons.append(territory_note)
    book.record(
        "national-practice" if target != requesting else "deletion-leaves-domestic-case",
        {
            "travel.country": country,
            "travel.date": trip.date,
            "data_active": data_active,
            "served_by": serving,
        },
        f"{country} on {trip.date.isoformat()}: {risk}",
    )
    return TravelEntry(
        country=country,
        date=trip.date,
        notice_active=active,
        arrest_risk=risk,
        why=tuple(map(reason_of, reasons)),
        citations=tuple(dict.fromkeys(cites)),
    )
