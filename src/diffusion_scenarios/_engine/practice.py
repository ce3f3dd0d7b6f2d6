"""National practice: how a country treats an INTERPOL alert before the facts about it are
weighed, with how sure that is and what it rests on (its own sourced finding, a regional
presumption, or nothing), read from ``data/country_practice.csv`` and the rule catalogue.

:mod:`.enforcement` starts each country's risk here, then weighs the facts about it.
"""

from __future__ import annotations

import datetime as _dt
from functools import cache
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine.stage import long_date
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.countries import country_name, region_members
from diffusion_scenarios._law.reference import country_practice, practice_rows
from diffusion_scenarios._law.rules import catalogue
from diffusion_scenarios.errors import ReferenceDataError

__all__ = [
    "BASIS_CEILING",
    "VERIFICATION_CEILING",
    "Practice",
    "lower_confidence",
    "policy_topics",
    "practice_day",
    "practice_reason",
]

Date = _dt.date

_BASE_RISK = {"yes": "high", "conditional": "medium", "no": "low", "unknown": "medium"}
_CONFIDENCE_ORDER = {"low": 0, "medium": 1, "high": 2}
# The highest confidence each basis can give (a presumption never gives high).
BASIS_CEILING = {"own_finding": "high", "regional_presumption": "medium", "default": "low"}
VERIFICATION_CEILING = {"primary": "high", "secondary": "medium", "unverified": "low"}


def lower_confidence(a: str, b: str) -> str:
    """The lower of two confidences."""
    return a if _CONFIDENCE_ORDER[a] <= _CONFIDENCE_ORDER[b] else b


@cache
def _practice_thresholds() -> tuple[Date, ...]:
    """The first days of the national-practice rules named in the practice table, sorted."""
    days = {catalogue().get(p.rule).versions[0].in_force_from for p in practice_rows() if p.rule}
    return tuple(sorted(days))


def practice_day(on: Date) -> Date:
    """A day that stands for every day on which the same practice rules apply as on ``on``.

    National practice depends on the day only through the first day of each practice rule's
    text, so the per-country cache keys on this day rather than on ``on`` itself.
    """
    earlier = [d for d in _practice_thresholds() if d <= on]
    return earlier[-1] if earlier else Date(1900, 1, 1)


@dataclass(frozen=True, slots=True, kw_only=True)
class Practice:
    risk: str
    reason: str
    known: bool
    confidence: str
    basis: str
    citations: tuple[str, ...] = ()


def policy_topics(scenario: Scenario) -> frozenset[str]:
    """The topics of national policy notes that are relevant to these facts (issue 20
    point 16): a cheque note only in a cheque case, a ne bis note only with a judgment."""
    case = scenario.case
    topics = set()
    if case.offence == "unfunded_cheque":
        topics.add("cheque")
    if case.final_judgment is not None or "already_tried_for_same_acts" in case.purpose_defects:
        topics.add("ne_bis")
    return frozenset(topics)


def _policy_sentence(practice: Any, on: Date, topics: frozenset[str]) -> tuple[str, str]:
    """The country's notable policy as a sentence, and the rule that dates it (or "").

    Said only when relevant to the facts (its topic) and, when a rule dates it, only on
    days that rule is in force (issue 20 points 5 and 16): nothing is said of a directive
    before it was issued.
    """
    if not practice.notable_policy:
        return "", ""
    if practice.policy_topic and practice.policy_topic not in topics:
        return "", ""
    if practice.policy_from is not None and on < practice.policy_from:
        return "", ""
    if practice.policy_rule and not catalogue().applies(practice.policy_rule, on):
        return "", ""
    return f" Also: {practice.notable_policy.rstrip('.')}.", practice.policy_rule


_UK_RULE = "arrest-uk-provisional-arrest-act-2020"


def _uk_specified(requesting: str, on: Date) -> bool:
    """Whether ``requesting`` is a specified territory under Schedule A1 on ``on``."""
    cat = catalogue()
    if requesting in cat.value(_UK_RULE, "specified_territories", on):
        return True
    return bool(cat.value(_UK_RULE, "eu_members_specified", on)) and requesting in (
        region_members("eu", on)
    )


def _uk_practice(
    requesting: str, name: str, on: Date, confidence: str, requesting_name: str
) -> Practice | None:
    """The UK under the Extradition (Provisional Arrest) Act 2020 (issue 25 point 6)."""
    cat = catalogue()
    if not cat.applies(_UK_RULE, on):
        first = long_date(cat.first_in_force(_UK_RULE))
        return Practice(
            risk="medium",
            reason=(
                f"National practice: before the Extradition (Provisional Arrest) Act 2020 "
                f"(reported from {first}), {name} police could not arrest on an INTERPOL alert "
                "alone for a request from outside the EU: a judge had first to issue a "
                "provisional-arrest warrant (its own finding, medium confidence)."
            ),
            known=True,
            confidence=lower_confidence(confidence, "medium"),
            basis="own_finding",
        )
    if _uk_specified(requesting, on):
        return Practice(
            risk="high",
            reason=(
                f"National practice: under the Extradition (Provisional Arrest) Act 2020 "
                f"(Extradition Act 2003 ss. 74A-74E, Schedule A1), {name} police may arrest "
                "without a UK warrant on a request from a specified territory once the "
                f"National Crime Agency certifies it, and {requesting_name} is reported to be "
                "one (the list of territories is read in a secondary source; medium "
                "confidence)."
            ),
            known=True,
            confidence="medium",
            basis="own_finding",
            citations=(_UK_RULE,),
        )
    return Practice(
        risk="low",
        reason=(
            f"National practice: under the Extradition (Provisional Arrest) Act 2020 "
            f"(Extradition Act 2003 ss. 74A-74E, Schedule A1), {name} police may arrest "
            f"without a UK warrant only on a request from a specified territory; "
            f"{requesting_name} is not reported to be one, so a judge must first issue a "
            "provisional-arrest warrant and the alert alone does not lead to arrest (the "
            "list is read in a secondary source; medium confidence)."
        ),
        known=True,
        confidence="medium",
        basis="own_finding",
        citations=(_UK_RULE,),
    )


def practice_reason(
    country: str,
    name: str,
    on: Date,
    requesting: str = "",
    topics: frozenset[str] = frozenset(),
    requesting_name: str = "",
) -> Practice:
    """Base risk from national practice on day ``on``, with its confidence and basis."""
    try:
        practice = country_practice(country)
    except (KeyError, ReferenceDataError):  # pragma: no cover - defensive: table incomplete
        return Practice(
            risk="medium",
            reason=f"How {name} treats INTERPOL alerts is unknown.",
            known=False,
            confidence="low",
            basis="default",
        )
    if practice.rule == _UK_RULE and requesting:
        uk = _uk_practice(
            requesting, name, on, practice.confidence, requesting_name or country_name(requesting)
        )
        if uk is not None:
            policy, policy_rule = _policy_sentence(practice, on, topics)
            if not catalogue().applies(_UK_RULE, on):
                policy = ""  # the note is about the time before the Act: said above
            return Practice(
                risk=uk.risk,
                reason=uk.reason + policy,
                known=True,
                confidence=uk.confidence,
                basis=uk.basis,
                citations=(*uk.citations, *((policy_rule,) if policy_rule else ())),
            )
    answer = practice.red_notice_arrest
    if answer not in ("yes", "conditional", "no"):
        return Practice(
            risk="medium",
            reason=(
                f"Depends on national practice, unknown: the table has no reliable entry for "
                f"how {name} treats INTERPOL alerts, so the model starts from a middle risk "
                "(low confidence), which the facts below may change."
            ),
            known=False,
            confidence="low",
            basis="default",
        )
    risk = _BASE_RISK[answer]
    cites: list[str] = []
    dated = ""
    if practice.basis == "eu_bloc":
        basis = "regional_presumption"
        confidence = lower_confidence(practice.confidence, BASIS_CEILING[basis])
        text = (
            f"Presumed, not found: there is no finding on {name} itself. The UK's official "
            "notes to its 2020 Provisional Arrest Act say that most EU member states let their "
            f"police arrest on INTERPOL alerts, so {name}, an EU member, is presumed to do so "
            f"too (a regional presumption, {confidence} confidence)."
        )
    else:
        basis = "own_finding"
        confidence = lower_confidence(
            practice.confidence, VERIFICATION_CEILING.get(practice.verification, "low")
        )
        if answer == "yes":
            text = (
                f"National practice: {name} treats an INTERPOL alert as a request for "
                f"provisional arrest (its own finding, {confidence} confidence)."
            )
        elif answer == "conditional":
            text = (
                f"National practice: {name} may arrest on an INTERPOL alert only under "
                f"conditions (its own finding, {confidence} confidence)."
            )
        else:
            text = (
                f"National practice: {name} does not arrest on an INTERPOL alert alone; it "
                "needs its own warrant or a request through diplomatic channels (its own "
                f"finding, {confidence} confidence)."
            )
        if practice.detail:
            text += f" {practice.detail}"
    policy, policy_rule = _policy_sentence(practice, on, topics)
    text += policy
    if policy_rule:
        cites.append(policy_rule)
    if practice.rule:
        first = catalogue().get(practice.rule).versions[0].in_force_from
        if on >= first:
            cites.append(practice.rule)
        else:
            confidence = lower_confidence(confidence, "medium")
            dated = (
                f" The text read describes the rule from {long_date(first)}; for "
                f"{long_date(on)} the same practice is assumed (UNVERIFIED)."
            )
    return Practice(
        risk=risk,
        reason=text + dated,
        known=True,
        confidence=confidence,
        basis=basis,
        citations=tuple(cites),
    )
