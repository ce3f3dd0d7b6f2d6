"""The facts about one country that move its arrest risk: a country's risk while they are
weighed, one after another (extradition proceedings, refugee status, double criminality,
nationality, ne bis in idem, a request that asks for no arrest), and its result.

:mod:`.enforcement` starts from the national practice (:mod:`.practice`), weighs the facts
here, and words the consequence.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine import ne_bis as _ne_bis
from diffusion_scenarios._engine.assessment import Reason
from diffusion_scenarios._engine.practice import BASIS_CEILING, VERIFICATION_CEILING, Practice
from diffusion_scenarios._engine.stage import RISK_ORDER, cap_risk, long_date, max_risk
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.reference import country_practice
from diffusion_scenarios._law.rules import catalogue
from diffusion_scenarios.errors import ReferenceDataError

__all__ = ["CountryRisk", "Weighing", "consequence", "purpose_of", "weigh_facts"]

Date = _dt.date

# Refusals to extradite that rest on lasting principles (or lasting bars in that country).
_LASTING_REFUSALS = frozenset(
    {"political", "human_rights", "fair_trial", "nationality", "dual_criminality", "ne_bis_in_idem"}
)


def purpose_of(scenario: Scenario) -> str:
    """What the request asks for: its purpose, arrest when the facts do not say."""
    return scenario.notice.purpose or "arrest"


@dataclass(frozen=True, slots=True, kw_only=True)
class CountryRisk:
    """The arrest risk in one country on one day, with its reasons."""

    country: str
    risk: str
    consequence: str
    reasons: tuple[Reason, ...]
    citations: tuple[str, ...]
    facts: tuple[tuple[str, Any], ...] = ()
    adjusted: bool = False
    practice_known: bool = True
    rule: str = "national-practice"  # the rule that settled the risk last
    confidence: str = "low"  # high | medium | low: how sure the risk is
    basis: str = "default"  # own_finding | regional_presumption | default


class Weighing:
    """A country's risk while the facts about it are weighed, one after another.

    It starts from the national practice; each fact about the country may cap or raise the
    risk, and then settles it (its own confidence, ``own_finding``) only if it changes it.
    It lives for one call of :func:`country_risk`.
    """

    __slots__ = (
        "adjusted",
        "basis",
        "cites",
        "confidence",
        "country",
        "day",
        "driver",
        "facts",
        "known",
        "name",
        "reasons",
        "risk",
        "rule",
    )

    def __init__(self, country: str, name: str, practice: Practice, day: Date) -> None:
        self.country, self.name, self.day = country, name, day
        self.risk, self.known = practice.risk, practice.known
        self.confidence, self.basis = practice.confidence, practice.basis
        self.reasons: list[Reason] = [
            Reason(practice.reason, rules=("national-practice", *practice.citations))
        ]
        self.cites = [
            "national-practice",
            *practice.citations,
            *(("arrest-eu-presumption",) if self.basis == "regional_presumption" else ()),
            # The 1997 resolution is cited only from the day it was adopted (nothing applies
            # before it is in force); earlier practice rests on the national rule alone.
            *(("agn-66-res-7",) if catalogue().applies("agn-66-res-7", day) else ()),
            "rpd-87-located-person",
        ]
        self.facts: list[tuple[str, Any]] = [("national_practice", self.risk)]
        self.adjusted = False
        self.driver = "practice"  # what the consequence is worded after
        self.rule = "national-practice"  # the rule that settled the risk last

    def settle(self, new: str, how_sure: str) -> bool:
        """Apply a fact's effect; the fact settles the risk only if it changes it."""
        if new == self.risk:
            return False
        self.risk, self.confidence, self.basis = new, how_sure, "own_finding"
        return True

    def cap(
        self,
        limit: str,
        how_sure: str,
        reason: str,
        *,
        rule: str | None = None,
        driver: str | None = None,
    ) -> None:
        """A fact that caps the risk at ``limit``: it adjusts the risk, gives its reason and,
        when named, the rule (also cited, unless it is national practice) and the driver."""
        self.adjusted = True
        self.settle(cap_risk(self.risk, limit), how_sure)
        if rule is not None:
            self.rule = rule
            if rule != "national-practice":
                self.cites.append(rule)
        if driver is not None:
            self.driver = driver
        self.reasons.append(Reason(reason, rules=(rule,) if rule is not None else ()))

    def result(self, consequence: str) -> CountryRisk:
        return CountryRisk(
            country=self.country,
            risk=self.risk,
            consequence=consequence,
            reasons=tuple(self.reasons),
            citations=tuple(dict.fromkeys(self.cites)),
            facts=tuple(self.facts),
            adjusted=self.adjusted,
            practice_known=self.known,
            rule=self.rule,
            confidence=self.confidence,
            basis=self.basis,
        )


def _weigh_extradition(w: Weighing, scenario: Scenario) -> None:
    """Extradition proceedings in this country on the same facts (refused, pending, granted)."""
    for proceeding in scenario.case.extradition:
        if proceeding.country != w.country:
            continue
        when = f" on {long_date(proceeding.date)}" if proceeding.date else ""
        w.facts.append(("case.extradition", [proceeding.outcome, proceeding.grounds]))
        grounds = (proceeding.grounds or "unstated").replace("_", " ")
        if proceeding.outcome == "refused" and proceeding.grounds in _LASTING_REFUSALS:
            w.cap(
                "low",
                "medium",
                f"{w.name} already refused extradition on these facts{when}, on {grounds} "
                "grounds; a new arrest there for the same request is unlikely.",
                rule="enforcement-after-refused-extradition",
                driver="refusal",
            )
        elif proceeding.outcome == "refused":
            w.cap(
                "medium",
                "medium",
                f"{w.name} refused extradition{when} on {grounds} grounds; a refusal that does "
                "not rest on a lasting principle can be cured by a new request, so the risk is "
                "at most medium.",
                rule="enforcement-after-refused-extradition",
            )
        elif proceeding.outcome == "pending":
            w.adjusted = True
            w.settle(max_risk(w.risk, "high"), "high")
            w.driver = "pending"
            w.rule = "rpd-87-located-person"
            w.cites.append("rpd-87-located-person")
            w.reasons.append(
                Reason(
                    f"Extradition proceedings on these facts are pending in {w.name}; "
                    "detention pending extradition is possible there.",
                    fields=("case.extradition",),
                    rules=("rpd-87-located-person",),
                )
            )
        elif proceeding.outcome == "granted":
            w.reasons.append(
                Reason(
                    f"{w.name} granted extradition on these facts{when}.",
                    fields=("case.extradition",),
                )
            )


def _weigh_refugee_status(w: Weighing, scenario: Scenario, requesting_name: str) -> None:
    """Refugee status or an asylum claim in this country, against the requesting state."""
    refugee = scenario.person.refugee_status
    if refugee is None or refugee.granted_by != w.country:
        return
    from_state = refugee.feared_persecution_from
    if from_state is None or from_state == scenario.notice.requesting_country:
        if refugee.status == "recognised":
            w.cap(
                "low",
                "medium",
                f"{w.name} recognised the person as a refugee"
                + (f" from {requesting_name}" if from_state else "")
                + "; it is not expected to hand the person over to the state feared.",
                rule="enforcement-refugee-host-state",
                driver="refugee",
            )
        elif refugee.status == "asylum_seeker":
            w.cap(
                "medium",
                "medium",
                f"The person has asked {w.name} for asylum; while the claim is pending a "
                "surrender to the state feared is unlikely, but detention is possible.",
                rule="enforcement-refugee-host-state",
            )
    w.facts.append(("person.refugee_status.status", refugee.status))


def _weigh_dual_criminality(w: Weighing, scenario: Scenario) -> None:
    """Conduct that is no crime in this country."""
    if scenario.case.dual_criminality_in(w.country) is not False:
        return
    w.facts.append((f"case.dual_criminality.{w.country}", False))
    w.cap(
        "low",
        "medium",
        f"The conduct is not a crime in {w.name} (no double criminality), so extradition "
        "from there, and an arrest with a view to it, is unlikely.",
        rule="enforcement-dual-criminality",
        driver="dual_criminality",
    )


def _weigh_nationality(w: Weighing, scenario: Scenario) -> None:
    """A national of this country, and its rule on extraditing its own nationals."""
    if w.country not in scenario.person.nationalities:
        return
    try:
        found = country_practice(w.country)
        own, own_sure = found.own_nationals, found.nationals_verification
    except (KeyError, ReferenceDataError):  # pragma: no cover - defensive
        own, own_sure = "unknown", "unverified"
    w.facts.append(("person.nationalities", w.country))
    how_sure = VERIFICATION_CEILING.get(own_sure, "low")
    if own == "prohibited":
        w.cap(
            "low",
            how_sure,
            f"The person is a national of {w.name}, which does not extradite its own "
            "nationals; it may prosecute at home instead.",
            rule="national-practice",
            driver="nationals",
        )
    elif own == "conditional":
        w.cap(
            "medium",
            how_sure,
            f"The person is a national of {w.name}, which extradites its own nationals only "
            "under conditions.",
        )
    else:
        w.reasons.append(
            Reason(
                f"The person is a national of {w.name}; its rule on extraditing nationals is "
                f"{'that it allows it' if own == 'allowed' else 'unknown'}.",
                fields=("person.nationalities",),
            )
        )


def _weigh_ne_bis(w: Weighing, scenario: Scenario) -> None:
    """A final judgment on the same acts that binds this country (:mod:`_engine.ne_bis`)."""
    effect = _ne_bis.enforcement_effect(scenario, w.country, w.day)
    if effect is None:
        return
    w.reasons.append(Reason(effect.reason, rules=effect.citations))
    w.cites += effect.citations
    w.facts += effect.facts
    if effect.cap is not None or effect.floor is not None:
        w.adjusted = True
        w.rule = effect.rule
        new = w.risk
        if effect.cap is not None:
            new = cap_risk(new, effect.cap)
        if effect.floor is not None:
            new = max_risk(new, effect.floor)
        if w.settle(new, effect.confidence):
            w.driver = "ne_bis"


def _weigh_purpose(w: Weighing, scenario: Scenario) -> None:
    """A request only to locate the person or for information asks for no arrest."""
    purpose = purpose_of(scenario)
    if purpose not in ("locate", "information"):
        return
    if RISK_ORDER[w.risk] > RISK_ORDER["low"]:
        # The request itself asks for no arrest: the basis stays what it was, at the
        # highest confidence that basis allows.
        w.risk = "low"
        w.confidence = BASIS_CEILING[w.basis]
    w.driver = "purpose"
    w.cites.append("rpd-diffusion-purposes")
    w.facts.append(("notice.purpose", purpose))
    w.reasons.append(
        Reason(
            "The request asks only to "
            + ("locate the person" if purpose == "locate" else "gather information")
            + ": a report of whereabouts, not arrest.",
            fields=("notice.purpose",),
            rules=("rpd-diffusion-purposes",),
        )
    )


def consequence(
    name: str, risk: str, driver: str, requesting_name: str, requesting_owner: str
) -> str:
    if driver == "ne_bis" and risk == "low":
        return (
            f"{name} is not expected to arrest on the alert after the final judgment on the "
            "same acts, though a border check may stop the person while it is verified: carry "
            "a copy of the judgment."
        )
    if driver == "purpose":
        return (
            f"{name} would tell {requesting_name} where the person is rather than arrest, "
            "but that can be the first step of an extradition request."
        )
    if driver == "pending" and risk == "high":
        # Issue 20 point 3: the risk comes from the extradition case, not the alert.
        return (
            f"Extradition proceedings on these facts are pending in {name}: the person can be "
            f"detained there on a warrant issued in those proceedings at "
            f"{requesting_owner} request, whatever happens to the INTERPOL data."
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


def weigh_facts(w: Weighing, scenario: Scenario, requesting_name: str) -> None:
    """Weigh every fact about ``w``'s country, in order: extradition proceedings there,
    refugee status it granted, double criminality, nationality, a final judgment binding
    it, and a request that asks for no arrest."""
    _weigh_extradition(w, scenario)
    _weigh_refugee_status(w, scenario, requesting_name)
    _weigh_dual_criminality(w, scenario)
    _weigh_nationality(w, scenario)
    _weigh_ne_bis(w, scenario)
    _weigh_purpose(w, scenario)
