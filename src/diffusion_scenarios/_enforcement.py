"""Enforcement: per INTERPOL member, would the alert lead to arrest there, and why.

INTERPOL does not arrest anyone: each country decides under its own law what to do with a
red notice or a diffusion (RN-11, RN-12). The model starts from the country's recorded
practice (``data/country_practice.csv``) and then applies what the facts say about that
country: an earlier refusal to extradite, refugee status granted there, conduct that is no
crime there, a bar on extraditing its own nationals, or a request that only asks where the
person is. The requesting state's own warrant stands whatever INTERPOL decides.

Every country's risk depends only on that country and on whether it received the data, so
adding recipients can never lower anyone's risk.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ._assessment import Circulation, EnforcementEntry
from ._countries import country_name, members_on
from ._reference import country_practice
from ._scenario import Notice, Scenario
from ._stage import NoteBook, StageNotes, cap_risk, long_date, max_risk
from .errors import ReferenceDataError

__all__ = [
    "CountryRisk",
    "EnforcementResult",
    "country_risk",
    "enforcement_stage",
    "requesting_state_risk",
]

Date = _dt.date

_BASE_RISK = {"yes": "high", "conditional": "medium", "no": "low", "unknown": "medium"}
# Refusals to extradite that rest on lasting principles (or lasting bars in that country).
_LASTING_REFUSALS = frozenset(
    {"political", "human_rights", "fair_trial", "nationality", "dual_criminality"}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CountryRisk:
    """The arrest risk in one country on one day, with its reasons."""

    country: str
    risk: str
    consequence: str
    reasons: tuple[str, ...]
    citations: tuple[str, ...]
    facts: tuple[tuple[str, Any], ...] = ()
    adjusted: bool = False
    practice_known: bool = True
    rule: str = "national-practice"  # the rule that settled the risk last


@dataclass(frozen=True, slots=True, kw_only=True)
class EnforcementResult:
    entries: tuple[EnforcementEntry, ...]
    notes: StageNotes
    unknown_practice: tuple[str, ...] = ()  # recipients whose national practice is unknown


def _purpose(scenario: Scenario) -> str:
    return scenario.notice.purpose or "arrest"


def requesting_state_risk(scenario: Scenario) -> CountryRisk:
    """The risk in the requesting state itself: its own warrant, not INTERPOL's alert."""
    notice = scenario.notice
    name = country_name(notice.requesting_country)
    warrant = scenario.case.arrest_warrant
    valid = None if warrant is None else warrant.valid
    reasons = [
        f"{name} asked for the alert on the strength of its own case; its authorities can act "
        "on their own warrant whatever INTERPOL or the CCF decides, and a deletion by the CCF "
        "does not end the domestic case."
    ]
    risk = "high"
    if valid is False:
        risk = "medium"
        reasons.append(
            "The facts say the national warrant was withdrawn, quashed or has expired, so an "
            "arrest on it is less likely; the prosecution may still issue a new one."
        )
    consequence = (
        f"{name} can arrest on its own warrant: returning there carries the highest risk, "
        "whatever happens to the INTERPOL data."
        if risk == "high"
        else f"{name} no longer has a valid warrant on the facts given, but its case may go on "
        "and a new warrant can be issued."
    )
    return CountryRisk(
        country=notice.requesting_country,
        risk=risk,
        consequence=consequence,
        reasons=tuple(reasons),
        citations=("red-notice-judicial-basis", "deletion-leaves-domestic-case"),
        facts=(
            ("notice.requesting_country", notice.requesting_country),
            ("case.arrest_warrant.valid", valid),
        ),
    )


def _practice_reason(country: str, name: str) -> tuple[str, str, bool]:
    """Base risk from national practice: (risk, reason, known)."""
    try:
        practice = country_practice(country)
    except (KeyError, ReferenceDataError):  # pragma: no cover - defensive: table incomplete
        return "medium", f"How {name} treats INTERPOL alerts is unknown.", False
    answer = practice.red_notice_arrest
    risk = _BASE_RISK.get(answer, "medium")
    bloc = " (from the rule shared by EU member states)" if practice.basis == "eu_bloc" else ""
    confidence = f"confidence {practice.confidence}" if practice.confidence else "confidence n/a"
    if answer == "yes":
        text = (
            f"National practice{bloc}: {name} treats an INTERPOL alert as a request for "
            f"provisional arrest ({confidence})."
        )
    elif answer == "conditional":
        text = (
            f"National practice{bloc}: {name} may arrest on an INTERPOL alert only under "
            f"conditions ({confidence})."
        )
    elif answer == "no":
        text = (
            f"National practice{bloc}: {name} does not arrest on an INTERPOL alert alone; it "
            f"needs its own warrant or a request through diplomatic channels ({confidence})."
        )
    else:
        return (
            "medium",
            f"Depends on national practice, unknown: the table has no reliable entry for how "
            f"{name} treats INTERPOL alerts, so the model shows a middle risk.",
            False,
        )
    if practice.detail:
        text += f" {practice.detail}"
    if practice.notable_policy and practice.basis == "country":
        text += f" Also: {practice.notable_policy.rstrip('.')}."
    return risk, text, True


def country_risk(scenario: Scenario, country: str, *, received: bool, active: bool) -> CountryRisk:
    """The arrest risk that the INTERPOL data create in ``country`` (not the requesting state).

    Args:
        scenario: the facts.
        country: alpha-3 code of a member country other than the requesting one.
        received: whether the country received the data.
        active: whether the data were on INTERPOL's files on the day considered.

    Returns:
        The risk with its reasons and citations.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios import Notice, Scenario
        >>> s = Scenario(id="d", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...              issued_on=datetime.date(2025, 1, 10)))
        >>> country_risk(s, "FRA", received=False, active=True).risk
        'none'
    """
    name = country_name(country)
    requesting_name = country_name(scenario.notice.requesting_country)
    if not received:
        return CountryRisk(
            country=country,
            risk="none",
            consequence=(
                f"{name} did not receive the alert, so it gives no ground for arrest there; "
                f"{requesting_name} could still ask {name} directly for arrest or extradition."
            ),
            reasons=(f"{name} is not among the recipients of the data.",),
            citations=("bilateral-extradition-possible",),
        )
    if not active:
        return CountryRisk(
            country=country,
            risk="none",
            consequence=(
                f"The data are not on INTERPOL's files on that day, so {name} has no INTERPOL "
                "alert to act on; its national records may lag behind a deletion."
            ),
            reasons=(f"{name} received the data, but they are not active on that day.",),
            citations=("diffusion-review-after-circulation",),
        )

    risk, base_reason, known = _practice_reason(country, name)
    reasons = [base_reason]
    cites = ["national-practice", "agn-66-res-7", "rpd-87-located-person"]
    facts: list[tuple[str, Any]] = [("national_practice", risk)]
    adjusted = False
    driver = "practice"
    rule = "national-practice"

    case = scenario.case
    for proceeding in case.extradition:
        if proceeding.country != country:
            continue
        when = f" on {long_date(proceeding.date)}" if proceeding.date else ""
        facts.append(("case.extradition", [proceeding.outcome, proceeding.grounds]))
        if proceeding.outcome == "refused":
            adjusted = True
            cites.append("enforcement-after-refused-extradition")
            grounds = proceeding.grounds or "unstated"
            rule = "enforcement-after-refused-extradition"
            if proceeding.grounds in _LASTING_REFUSALS:
                risk = cap_risk(risk, "low")
                driver = "refusal"
                reasons.append(
                    f"{name} already refused extradition on these facts{when}, on "
                    f"{grounds.replace('_', ' ')} grounds; a new arrest there for the same "
                    "request is unlikely."
                )
            else:
                risk = cap_risk(risk, "medium")
                reasons.append(
                    f"{name} refused extradition{when} on {grounds.replace('_', ' ')} grounds; "
                    "a refusal that does not rest on a lasting principle can be cured by a new "
                    "request, so the risk is at most medium."
                )
        elif proceeding.outcome == "pending":
            adjusted = True
            risk = max_risk(risk, "high")
            driver = "pending"
            rule = "rpd-87-located-person"
            cites.append("rpd-87-located-person")
            reasons.append(
                f"Extradition proceedings on these facts are pending in {name}; detention "
                "pending extradition is possible there."
            )
        elif proceeding.outcome == "granted":
            reasons.append(f"{name} granted extradition on these facts{when}.")

    refugee = scenario.person.refugee_status
    if refugee is not None and refugee.granted_by == country:
        from_state = refugee.feared_persecution_from
        if from_state is None or from_state == scenario.notice.requesting_country:
            if refugee.status == "recognised":
                adjusted = True
                risk = cap_risk(risk, "low")
                driver = "refugee"
                rule = "enforcement-refugee-host-state"
                cites.append("enforcement-refugee-host-state")
                reasons.append(
                    f"{name} recognised the person as a refugee"
                    + (f" from {requesting_name}" if from_state else "")
                    + "; it is not expected to hand the person over to the state feared."
                )
            elif refugee.status == "asylum_seeker":
                adjusted = True
                risk = cap_risk(risk, "medium")
                rule = "enforcement-refugee-host-state"
                cites.append("enforcement-refugee-host-state")
                reasons.append(
                    f"The person has asked {name} for asylum; while the claim is pending a "
                    "surrender to the state feared is unlikely, but detention is possible."
                )
        facts.append(("person.refugee_status.status", refugee.status))

    dual = case.dual_criminality_in(country)
    if dual is False:
        adjusted = True
        risk = cap_risk(risk, "low")
        driver = "dual_criminality"
        rule = "enforcement-dual-criminality"
        cites.append("enforcement-dual-criminality")
        facts.append((f"case.dual_criminality.{country}", False))
        reasons.append(
            f"The conduct is not a crime in {name} (no double criminality), so extradition "
            "from there, and an arrest with a view to it, is unlikely."
        )

    if country in scenario.person.nationalities:
        try:
            own = country_practice(country).own_nationals
        except (KeyError, ReferenceDataError):  # pragma: no cover - defensive
            own = "unknown"
        facts.append(("person.nationalities", country))
        if own == "prohibited":
            adjusted = True
            risk = cap_risk(risk, "low")
            driver = "nationals"
            rule = "national-practice"
            reasons.append(
                f"The person is a national of {name}, which does not extradite its own "
                "nationals; it may prosecute at home instead."
            )
        elif own == "conditional":
            adjusted = True
            risk = cap_risk(risk, "medium")
            reasons.append(
                f"The person is a national of {name}, which extradites its own nationals only "
                "under conditions."
            )
        else:
            reasons.append(
                f"The person is a national of {name}; its rule on extraditing nationals is "
                f"{'that it allows it' if own == 'allowed' else 'unknown'}."
            )

    purpose = _purpose(scenario)
    if purpose in ("locate", "information"):
        risk = cap_risk(risk, "low")
        driver = "purpose"
        cites.append("rpd-diffusion-purposes")
        facts.append(("notice.purpose", purpose))
        reasons.append(
            "The request asks only to "
            + ("locate the person" if purpose == "locate" else "gather information")
            + ": a report of whereabouts, not arrest."
        )

    consequence = _consequence(name, risk, driver, requesting_name)
    return CountryRisk(
        country=country,
        risk=risk,
        consequence=consequence,
        reasons=tuple(reasons),
        citations=tuple(dict.fromkeys(cites)),
        facts=tuple(facts),
        adjusted=adjusted,
        practice_known=known,
        rule=rule,
    )


def _consequence(name: str, risk: str, driver: str, requesting_name: str) -> str:
    if driver == "purpose":
        return (
            f"{name} would tell {requesting_name} where the person is rather than arrest, "
            "but that can be the first step of an extradition request."
        )
    if risk == "high":
        return (
            f"Police in {name} can be expected to detain the person on the alert, pending an "
            f"extradition request from {requesting_name}."
        )
    if risk == "medium":
        return (
            f"Arrest in {name} is possible: it depends on how its authorities and courts "
            "treat the alert."
        )
    return (
        f"Arrest in {name} is unlikely, though a border check may still flag the person and "
        f"{requesting_name} can ask for extradition directly."
    )


def _countries_touched_by_facts(scenario: Scenario) -> frozenset[str]:
    """Countries whose risk depends on facts about them, not only on their practice."""
    touched = {p.country for p in scenario.case.extradition if p.country}
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
        reasons=result.reasons,
        role=role,
        citations=result.citations,
    )


@lru_cache(maxsize=32768)
def _plain_entry(
    country: str, requesting: str, received: bool, active: bool, purpose: str
) -> tuple[EnforcementEntry, bool]:
    """The entry of a country no fact singles out; the same for every such scenario.

    It is computed by :func:`country_risk` itself on a scenario holding only the facts it
    reads for such a country (the requesting state and the purpose), so the cache cannot
    drift from the rule.
    """
    bare = Scenario(
        id="-",
        notice=Notice(
            kind="diffusion",
            requesting_country=requesting,
            issued_on=Date(2000, 1, 1),
            purpose=purpose,
        ),
    )
    result = country_risk(bare, country, received=received, active=active)
    role = "recipient" if received else "non_recipient"
    return _entry(result, role=role, received=received), result.practice_known


@lru_cache(maxsize=1024)
def _plain_block(
    countries: tuple[str, ...],
    requesting: str,
    recipients: tuple[str, ...],
    active: bool,
    purpose: str,
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
        entry, known = _plain_entry(country, requesting, received, active, purpose)
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
        >>> from diffusion_scenarios._assessment import Circulation
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
    purpose = _purpose(scenario)
    if scenario.notice.purpose is None:
        book.default("notice.purpose: arrest")
    recipients = frozenset(circulation.recipients)
    touched = _countries_touched_by_facts(scenario)
    countries = tuple(sorted({*members_on(as_of), requesting}))
    plain, plain_unknown = _plain_block(
        countries, requesting, circulation.recipients, active, purpose
    )
    entries = list(plain)
    unknown_practice = [c for c in plain_unknown if c not in touched]

    for index, country in enumerate(countries):
        if country == requesting:
            result = requesting_state_risk(scenario)
            entries[index] = _entry(result, role="requesting", received=False)
            book.record(
                "deletion-leaves-domestic-case",
                dict(result.facts),
                f"{country}: {result.risk} (own warrant)",
            )
        elif country in touched:
            received = country in recipients
            result = country_risk(scenario, country, received=received, active=active)
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
