"""Arrest risks and the likely outcome in words, for the reports: "high risk", never
"none risk"; "deleted about 7 in 10".

The engine decides the risks and keeps them as vocabulary words (``high``, ``medium``,
``low``, ``none``); these phrases are presentation and live with the renderers. They read
only what the :class:`~diffusion_scenarios.Assessment` holds (a trip's ``reached_through``,
the assessment's ``requesting_country``), never recompute a fact.
"""

from __future__ import annotations

from diffusion_scenarios._engine.assessment import Assessment, Hinge, Outcome, TravelEntry
from diffusion_scenarios._engine.outcome import in_ten
from diffusion_scenarios._law.countries import country_name
from diffusion_scenarios._render.wording import CONFIDENCE_WORDS, OUTCOME_LIKELY_WORDS

__all__ = [
    "confidence_words",
    "hinge_words",
    "likelihood_words",
    "reasons_words",
    "risk_phrase",
    "trip_risk_phrase",
]


def risk_phrase(risk: str, why_none: str = "") -> str:
    """An arrest risk in words that read in a sentence ("high risk", never "none risk").

    Example:
        >>> risk_phrase("high"), risk_phrase("none", "not a recipient")
        ('high risk', 'no INTERPOL-alert risk: not a recipient')
    """
    if risk == "none":
        return "no INTERPOL-alert risk" + (f": {why_none}" if why_none else "")
    return f"{risk} risk"


def trip_risk_phrase(assessment: Assessment, trip: TravelEntry) -> str:
    """A trip's risk and alert status in words, for reports ("high risk, alert live there").

    When there is no INTERPOL-alert risk the phrase says why (not a recipient, not a
    member, before the data circulated, after their deletion); the requesting state's risk
    comes from its own warrant.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios import Notice, Scenario, Trip, assess
        >>> facts = Scenario(id="d", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...     issued_on=datetime.date(2025, 1, 10), recipients=("FRA",)),
        ...     travel=(Trip(country="DEU", date=datetime.date(2025, 6, 1)),))
        >>> a = assess(facts, as_of=datetime.date(2025, 3, 1))
        >>> trip_risk_phrase(a, a.travel[0])
        'no INTERPOL-alert risk: not a recipient'
    """
    target = trip.reached_through
    if target == assessment.requesting_country and target == trip.country:
        live = "its own alert on file" if trip.notice_active else "no INTERPOL alert on file"
        return f"{risk_phrase(trip.arrest_risk)} (requesting state's own warrant; {live})"
    if trip.arrest_risk != "none":
        live = "alert live there" if trip.notice_active else "no INTERPOL alert there"
        # A risk that rests on a presumption is worded as one (issue 11, point 4).
        presumed = " (presumed)" if trip.presumed else ""
        return f"{risk_phrase(trip.arrest_risk)}{presumed}, {live}"
    return risk_phrase("none", _why_no_risk(assessment, trip))


def _why_no_risk(assessment: Assessment, trip: TravelEntry) -> str:
    """Why a trip carries no INTERPOL-alert risk, in a few words."""
    target = trip.reached_through
    circulation = assessment.circulation
    if target is None:
        return "not an INTERPOL member"
    if circulation.active_from is None:
        return "nothing circulated"
    if trip.date < circulation.active_from:
        return "before the data circulated"
    if circulation.active_until is not None and trip.date >= circulation.active_until:
        return "the data were deleted before the trip"
    if not trip.notice_active and target != trip.country:
        serving = country_name(target)
        return f"{serving}, whose National Central Bureau serves it, is not a recipient"
    if not trip.notice_active:
        return "not a recipient"
    return "alert live there, but no arrest expected"


# ------------------------------------------------------------------ the outcome in words
def likelihood_words(outcome: Outcome) -> str:
    """The three likelihoods in words ("deleted about 7 in 10; ..."), or "" if none."""
    return "; ".join(f"{OUTCOME_LIKELY_WORDS[o]} {in_ten(p)}" for o, p in outcome.likelihood)


def confidence_words(outcome: Outcome) -> str:
    """How sure the model is, in words, or "" when nothing is predicted."""
    return CONFIDENCE_WORDS.get(outcome.confidence or "", "")


def hinge_words(hinge: Hinge) -> str:
    """One fact the outcome hinges on, in words: condition, then where it leads."""
    where = OUTCOME_LIKELY_WORDS.get(hinge.leads_to, hinge.leads_to)
    condition = f"{hinge.condition[:1].upper()}{hinge.condition[1:]}"
    return f"{condition}, it would be {where} ({hinge.field})"


def reasons_words(outcome: Outcome) -> str:
    """The outcome's reasons, without its summary and what would change it (renderers
    show both on their own lines): ``Outcome.reasons``, kept apart by the engine."""
    return " ".join(outcome.reasons)
