"""Enforcement: per INTERPOL member, would the alert lead to arrest there, and why.

INTERPOL does not arrest anyone: each country decides under its own law what to do with a
red notice or a diffusion (RN-11, RN-12). The model starts from the country's recorded
practice (``data/country_practice.csv``) and then applies what the facts say about that
country: an earlier refusal to extradite, refugee status granted there, conduct that is no
crime there, a bar on extraditing its own nationals, or a request that only asks where the
person is. The requesting state's own warrant stands whatever INTERPOL decides.

Every country's risk depends only on that country and on whether it received the data, so
adding recipients can never lower anyone's risk.

**How sure, and on what basis** (``EnforcementEntry.confidence`` and ``.basis``). A risk
that rests on the country's own sourced practice, or on a fact about that country (an
earlier refusal, a refugee status it granted, its own final judgment, the European ne bis
rule that binds it, the fact that it did not receive the data) has ``basis="own_finding"``
and the confidence of that finding: the practice table's confidence, lowered to
``medium`` for secondary sources and ``low`` for unverified ones. A risk that rests on the
statement that most EU member states arrest on INTERPOL alerts (PA-GEN-1) applied to an EU
state with no finding of its own is a ``regional_presumption``: never ``high`` confidence,
and its reasons say it is presumed. With no finding at all the risk is the model's middle
value, ``basis="default"``, ``low`` confidence. A fact that settles the risk (it lowers or
raises it) gives its own confidence; one that leaves the risk where it was changes nothing.

**Ne bis in idem** (``case.final_judgment``) is in :mod:`_engine.ne_bis`: the judging state, and
from 12 May 2021 every Schengen and EU state, are not expected to arrest on the alert
after a final acquittal or a served sentence (C-505/19 *WS*).
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine import ne_bis as _ne_bis
from diffusion_scenarios._engine.assessment import Circulation, EnforcementEntry, Reason, reason_of
from diffusion_scenarios._engine.practice import (
    policy_topics,
    practice_day,
    practice_reason,
)
from diffusion_scenarios._engine.stage import (
    RISK_ORDER,
    NoteBook,
    StageNotes,
)
from diffusion_scenarios._engine.weighing import (
    CountryRisk,
    Weighing,
    consequence,
    purpose_of,
    weigh_facts,
)
from diffusion_scenarios._facts.naming import (
    country_possessive,
    requesting_assumed,
    requesting_state_name,
)
from diffusion_scenarios._facts.scenario import Case, Evidence, Notice, Scenario, trusted
from diffusion_scenarios._law.countries import country_name, members_on

__all__ = [
    "CountryRisk",
    "EnforcementResult",
    "confidence_sentence",
    "country_risk",
    "enforcement_stage",
    "requesting_state_risk",
]

Date = _dt.date


@dataclass(frozen=True, slots=True, kw_only=True)
class EnforcementResult:
    entries: tuple[EnforcementEntry, ...]
    notes: StageNotes
    unknown_practice: tuple[str, ...] = ()  # recipients whose national practice is unknown


def _default_day(scenario: Scenario) -> Date:
    return scenario.as_of or scenario.notice.issued_on


def requesting_state_risk(scenario: Scenario, *, on: Date | None = None) -> CountryRisk:
    """The risk in the requesting state itself: its own warrant, not INTERPOL's alert.

    ``on`` is the day considered (the assessment's or a trip's); it matters only for a final
    judgment given elsewhere (:mod:`_engine.ne_bis`). Default: the scenario's ``as_of``, else the
    notice's issue date.
    """
    day = on or _default_day(scenario)
    notice = scenario.notice
    name = requesting_state_name(scenario)
    warrant = scenario.case.arrest_warrant
    valid = None if warrant is None else warrant.valid
    # A request to locate the person or for information need not rest on a warrant: when
    # the facts name none, no arrest on "its own warrant" is said (issue 11 point 10).
    no_warrant = warrant is None and notice.purpose in ("locate", "information")
    if no_warrant:
        reasons = [
            f"{name} asked for the alert on the strength of its own case, but the request is "
            f"to {'locate the person' if notice.purpose == 'locate' else 'obtain information'} "
            "and the facts name no arrest warrant. Its authorities can still act under their "
            "own law (questioning, or a warrant issued later) whatever INTERPOL or the CCF "
            "decides, and a deletion by the CCF does not end the domestic case."
        ]
    else:
        reasons = [
            f"{name} asked for the alert on the strength of its own case; its authorities can "
            "act on their own warrant whatever INTERPOL or the CCF decides, and a deletion by "
            "the CCF does not end the domestic case."
        ]
    risk = "medium" if no_warrant else "high"
    if valid is False:
        risk = "medium"
        reasons.append(
            "The facts say the national warrant was withdrawn, quashed or has expired, so an "
            "arrest on it is less likely; the prosecution may still issue a new one."
        )
    confidence = "high" if risk == "high" else "medium"
    cites = ["deletion-leaves-domestic-case"]
    if not no_warrant:
        cites.insert(0, "red-notice-judicial-basis")
    facts: list[tuple[str, Any]] = [
        ("notice.requesting_country", notice.requesting_country),
        ("case.arrest_warrant.valid", valid),
    ]
    effect = _ne_bis.requesting_state_effect(scenario, day)
    if effect is not None and effect.cap is not None:
        if RISK_ORDER[effect.cap] < RISK_ORDER[risk]:
            risk, confidence = effect.cap, effect.confidence
        reasons.append(effect.reason)
        cites += effect.citations
        facts += effect.facts
    if no_warrant and risk == "medium":
        consequence = (
            f"{name} has no arrest warrant on the facts given, but its case goes on: returning "
            "there exposes the person to its own proceedings, whatever happens to the INTERPOL "
            "data."
        )
    elif risk == "high":
        consequence = (
            f"{name} can arrest on its own warrant: returning there carries the highest risk, "
            "whatever happens to the INTERPOL data."
        )
    elif valid is False:
        consequence = (
            f"{name} no longer has a valid warrant on the facts given, but its case may go on "
            "and a new warrant can be issued."
        )
    else:
        consequence = (
            f"{name} may not prosecute the person again for the same acts, but its warrant "
            "can stand until its courts say so."
        )
    return CountryRisk(
        country=notice.requesting_country,
        risk=risk,
        consequence=consequence,
        reasons=tuple(map(reason_of, reasons)),
        citations=tuple(dict.fromkeys(cites)),
        facts=tuple(facts),
        confidence=confidence,
        basis="own_finding",
    )


def confidence_sentence(result: CountryRisk, name: str | None = None) -> Reason:
    """The confidence of a country's risk and what it rests on, in one sentence (``name``:
    the country's name as shown, when it is not its plain name: an assumed state). A risk
    presumed from a statement about a group of states gives a reason resting on a
    presumption (``Reason.presumption``).

    Example:
        >>> import datetime
        >>> from diffusion_scenarios import Notice, Scenario
        >>> s = Scenario(id="d", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...              issued_on=datetime.date(2025, 1, 10)))
        >>> said = confidence_sentence(country_risk(s, "HUN", received=True, active=True))
        >>> said.presumption, said.text[:52]
        (True, 'Confidence in this risk: medium. It is a presumption')
    """
    name = name or country_name(result.country)
    if result.basis == "regional_presumption":
        return Reason(
            f"Confidence in this risk: {result.confidence}. It is a presumption drawn from a "
            "statement "
            f"about most EU member states, not a finding about {name} itself.",
            rules=("arrest-eu-presumption",),
            presumption=True,
        )
    if result.basis == "default":
        return Reason(
            f"Confidence in this risk: {result.confidence}. Nothing was found on how {name} "
            "treats INTERPOL alerts, so the model shows a middle value."
        )
    return Reason(
        f"Confidence in this risk: {result.confidence}. It rests on a finding about {name} "
        "itself (its own sourced practice or the facts about it)."
    )


def country_risk(
    scenario: Scenario, country: str, *, received: bool, active: bool, on: Date | None = None
) -> CountryRisk:
    """The arrest risk that the INTERPOL data create in ``country`` (not the requesting state).

    Args:
        scenario: the facts.
        country: alpha-3 code of a member country other than the requesting one.
        received: whether the country received the data.
        active: whether the data were on INTERPOL's files on the day considered.
        on: the day considered (the assessment's or a trip's): which practice texts and
            which ne bis in idem rules apply. Default: the scenario's ``as_of``, else the
            notice's issue date.

    Returns:
        The risk with its reasons, citations, confidence and basis.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios import Notice, Scenario
        >>> s = Scenario(id="d", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...              issued_on=datetime.date(2025, 1, 10)))
        >>> country_risk(s, "FRA", received=False, active=True).risk
        'none'
        >>> hungary = country_risk(s, "HUN", received=True, active=True)
        >>> hungary.risk, hungary.confidence, hungary.basis
        ('high', 'medium', 'regional_presumption')
    """
    day = on or _default_day(scenario)
    name = country_name(country)
    requesting_name = requesting_state_name(scenario)
    if not received:
        return CountryRisk(
            country=country,
            risk="none",
            consequence=(
                f"{name} did not receive the alert, so it gives no ground for arrest there; "
                f"{requesting_name} could still ask {name} directly for arrest or extradition."
            ),
            reasons=(
                Reason(
                    f"{name} is not among the recipients of the data.",
                    fields=("notice.recipients",),
                    rules=("bilateral-extradition-possible",),
                ),
            ),
            citations=("bilateral-extradition-possible",),
            confidence="high",
            basis="own_finding",
        )
    if not active:
        return CountryRisk(
            country=country,
            risk="none",
            consequence=(
                f"The data are not on INTERPOL's files on that day, so {name} has no INTERPOL "
                "alert to act on; its national records may lag behind a deletion."
            ),
            reasons=(
                Reason(
                    f"{name} received the data, but they are not active on that day.",
                    rules=("diffusion-review-after-circulation",),
                ),
            ),
            citations=("diffusion-review-after-circulation",),
            confidence="high",
            basis="own_finding",
        )
    practice = practice_reason(
        country,
        name,
        day,
        scenario.notice.requesting_country,
        policy_topics(scenario),
        requesting_name,
    )
    weighing = Weighing(country, name, practice, day)
    weigh_facts(weighing, scenario, requesting_name)
    requesting_owner = country_possessive(scenario, scenario.notice.requesting_country)
    return weighing.result(
        consequence(name, weighing.risk, weighing.driver, requesting_name, requesting_owner)
    )


def _countries_touched_by_facts(scenario: Scenario, on: Date) -> frozenset[str]:
    """Countries whose risk depends on facts about them, not only on their practice."""
    touched = {p.country for p in scenario.case.extradition if p.country}
    touched.update(_ne_bis.touched_countries(scenario, on))
    touched.update(code for code, _ in scenario.case.dual_criminality)
    touched.update(scenario.person.nationalities)
    refugee = scenario.person.refugee_status
    if refugee is not None and refugee.granted_by:
        touched.add(refugee.granted_by)
    return frozenset(touched)


def _entry(result: CountryRisk, *, role: str, received: bool) -> EnforcementEntry:
    return EnforcementEntry(
        country=result.country,
        received=received,
        arrest_risk=result.risk,
        consequence=result.consequence,
        why=result.reasons,
        role=role,
        citations=result.citations,
        confidence=result.confidence,
        basis=result.basis,
        practice_known=result.practice_known,
    )


@lru_cache(maxsize=1024)
def _bare_scenario(
    requesting: str, purpose: str, topics: frozenset[str], assumed: bool
) -> Scenario:
    """The scenario :func:`_plain_entry` reads: one for all the countries of a block (a
    frozen value, made once rather than once per country)."""
    with trusted():  # the engine's own partial scenario, not facts to check
        return Scenario(
            id="-",
            notice=Notice(
                kind="diffusion",
                requesting_country=requesting,
                issued_on=Date(2000, 1, 1),
                purpose=purpose,
            ),
            case=Case(
                offence="unfunded_cheque" if "cheque" in topics else None,
                purpose_defects=("already_tried_for_same_acts",) if "ne_bis" in topics else (),
            ),
            # An assumed requesting state is named as assumed in the entry's sentences.
            evidence=Evidence({"notice.requesting_country": "assumed"} if assumed else {}),
        )


@lru_cache(maxsize=32768)
def _plain_entry(
    country: str,
    requesting: str,
    received: bool,
    active: bool,
    purpose: str,
    day: Date,
    topics: frozenset[str] = frozenset(),
    assumed: bool = False,
) -> tuple[EnforcementEntry, bool]:
    """The entry of a country no fact singles out; the same for every such scenario.

    It is computed by :func:`country_risk` itself on a scenario holding only the facts it
    reads for such a country (the requesting state and the purpose), so the cache cannot
    drift from the rule. ``day`` is a :func:`practice_day`, so that every day on which the
    same practice texts apply shares one entry.
    """
    bare = _bare_scenario(requesting, purpose, topics, assumed)
    result = country_risk(bare, country, received=received, active=active, on=day)
    role = "recipient" if received else "non_recipient"
    return _entry(result, role=role, received=received), result.practice_known


@lru_cache(maxsize=1024)
def _plain_block(
    countries: tuple[str, ...],
    requesting: str,
    recipients: tuple[str, ...],
    active: bool,
    purpose: str,
    day: Date,
    topics: frozenset[str] = frozenset(),
    assumed: bool = False,
) -> tuple[tuple[EnforcementEntry, ...], tuple[str, ...]]:
    """Every country's plain entry, and the recipients whose practice is unknown.

    The engine then replaces the entries of the requesting state and of the countries the
    facts single out. Membership changes rarely, so most dates share one block.
    """
    wanted = frozenset(recipients)
    entries = []
    unknown = []
    for country in countries:
        received = country in wanted
        entry, known = _plain_entry(
            country, requesting, received, active, purpose, day, topics, assumed
        )
        entries.append(entry)
        if received and active and not known and country != requesting:
            unknown.append(country)
    return tuple(entries), tuple(unknown)


def enforcement_stage(
    scenario: Scenario, *, circulation: Circulation, as_of: Date, active: bool
) -> EnforcementResult:
    """One entry per INTERPOL member on ``as_of`` (and the requesting state).

    Args:
        scenario: the facts.
        circulation: the result of the circulation stage.
        as_of: the day of the assessment.
        active: whether the data are on INTERPOL's files on ``as_of``.

    Returns:
        The entries, sorted by alpha-3 code, and the stage's notes.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios import Assessment, Notice, Scenario
        >>> from diffusion_scenarios._engine.assessment import Circulation
        >>> s = Scenario(id="d", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...              issued_on=datetime.date(2025, 1, 10)))
        >>> c = Circulation(recipients=("FRA",), public=False,
        ...                 active_from=datetime.date(2025, 1, 10))
        >>> r = enforcement_stage(s, circulation=c, as_of=datetime.date(2025, 3, 1), active=True)
        >>> {e.country: e.arrest_risk for e in r.entries}["KAZ"]
        'high'
    """
    book = NoteBook()
    requesting = scenario.notice.requesting_country
    purpose = purpose_of(scenario)
    if scenario.notice.purpose is None:
        book.default("notice.purpose: arrest")
    recipients = frozenset(circulation.recipients)
    touched = _countries_touched_by_facts(scenario, as_of)
    countries = tuple(sorted({*members_on(as_of), requesting}))
    plain, plain_unknown = _plain_block(
        countries,
        requesting,
        circulation.recipients,
        active,
        purpose,
        practice_day(as_of),
        policy_topics(scenario),
        requesting_assumed(scenario),
    )
    entries = list(plain)
    unknown_practice = [c for c in plain_unknown if c not in touched]

    for index, country in enumerate(countries):
        if country == requesting:
            result = requesting_state_risk(scenario, on=as_of)
            entries[index] = _entry(result, role="requesting", received=False)
            book.record(
                "deletion-leaves-domestic-case",
                dict(result.facts),
                f"{country}: {result.risk} (own warrant)",
            )
        elif country in touched:
            received = country in recipients
            result = country_risk(scenario, country, received=received, active=active, on=as_of)
            entries[index] = _entry(
                result, role="recipient" if received else "non_recipient", received=received
            )
            if received and active and not result.practice_known:
                unknown_practice.append(country)
            if result.adjusted:
                book.record(
                    result.rule,
                    {"country": country, **dict(result.facts)},
                    f"{country}: {result.risk}",
                )
    counts: dict[str, int] = {"high": 0, "medium": 0, "low": 0, "none": 0}
    for entry in entries:
        counts[entry.arrest_risk] += 1
    unknown_practice.sort()

    if purpose in ("locate", "information") and recipients and active:
        book.record(
            "rpd-diffusion-purposes",
            {"notice.purpose": purpose},
            "every recipient at most low: a report of whereabouts, not arrest",
        )
    book.record(
        "national-practice",
        {"recipients": len(recipients), "data_active": active, "as_of": as_of},
        ", ".join(f"{k}: {v}" for k, v in counts.items()),
    )
    if unknown_practice:
        book.depends(
            f"national practice: how {len(unknown_practice)} recipient countries treat INTERPOL "
            "alerts is unknown (shown as medium risk)"
        )
    return EnforcementResult(
        entries=tuple(entries), notes=book.freeze(), unknown_practice=tuple(unknown_practice)
    )
