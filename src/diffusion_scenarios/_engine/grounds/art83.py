"""What every RPD Art 83 ground shares: the strength cap before the RPD and on a request
that does not ask for an arrest, and the rules of international interest.

Used by :mod:`.exclusions` (excluded categories, penalty thresholds, judicial data) and
:mod:`.cheques` (unfunded cheques).
"""

from __future__ import annotations

from collections.abc import Sequence

from diffusion_scenarios._engine.grounds.findings import RANK, Collector, weaker
from diffusion_scenarios._engine.stage import long_date
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.rules import catalogue

__all__ = [
    "EXCLUSIONS",
    "INTEREST",
    "basis",
    "find_capped",
    "from_day",
    "interest_rules",
    "pre_rpd_note",
]

EXCLUSIONS = "rpd-83-1-a-i-exclusions"
INTEREST = "rpd-international-interest"
_INTEREST_83 = "rpd-83-1-a-iii-interest"
_PRE_RPD = ("rpd-before-2012", "constitution-art-2")
_RPD = "rpd-1-notice"  # its in-force date is the day the RPD apply


def from_day(rule_id: str) -> str:
    """The day ``rule_id`` came into force, in words (``28 January 2022``)."""
    return long_date(catalogue().first_in_force(rule_id))


def pre_rpd_note() -> str:
    return (
        f" (Before {from_day(_RPD)} INTERPOL's older information-processing rules applied; their "
        "wording on this point is not established, so this model applies the later standard "
        "and keeps the ground at most arguable.)"
    )


def basis(collector: Collector, rule_ids: Sequence[str]) -> tuple[tuple[str, ...], str, str]:
    """Citations, strength cap and note for an Art 83 ground on the day assessed."""
    if collector.applies(EXCLUSIONS):
        return tuple(rule_ids), "strong", ""
    return (*_PRE_RPD, *rule_ids), "arguable", pre_rpd_note()


def find_capped(
    collector: Collector,
    ground: str,
    strength: str,
    reason: str,
    rule_ids: Sequence[str],
    facts: Sequence[tuple[str, object]],
) -> None:
    citations, cap, note = basis(collector, rule_ids)
    purpose = collector.scenario.notice.purpose or "arrest"
    if purpose != "arrest" and RANK[strength] > RANK["arguable"]:
        cap = "arguable"
        asks = "locate the person" if purpose == "locate" else "obtain information"
        note += (
            f" The request asks only to {asks}, not to arrest: these minimum criteria are "
            "written for arrest requests and bite less on a request to locate or inform, "
            "whose purpose can remain valid, so the ground is at most arguable."
        )
        facts = [*facts, ("notice.purpose", purpose)]
    collector.find(ground, weaker(strength, cap), reason + note, citations, facts)


def interest_rules(scenario: Scenario) -> tuple[str, ...]:
    """Art 35 for any request; Arts 83(1)(a)(iii) and 77(2) too when the request is to arrest."""
    if (scenario.notice.purpose or "arrest") == "arrest":
        return (INTEREST, _INTEREST_83, "rpd-77-2-no-publication")
    return (INTEREST,)
