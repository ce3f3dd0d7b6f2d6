"""The enforcement entries arranged for a reader: the requesting state, the recipients grouped
by arrest risk (a presumed high risk apart), the members that did not receive it; and the
words each grouping is said in.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._facts.naming import assumed_country
from diffusion_scenarios._law.vocab import ARREST_RISKS
from diffusion_scenarios._render.plain import country, words
from diffusion_scenarios._render.wording import BASIS_CELLS, BASIS_NOTES, BASIS_WORDS, RISK_WORDS

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment, EnforcementEntry


@dataclass(frozen=True, slots=True, kw_only=True)
class RecipientGroup:
    """The recipients that share an arrest risk, with every rule cited for any of them.

    A high risk that is only presumed (``basis="regional_presumption"``: an EU state with no
    finding of its own) forms its own group with ``presumed=True``, so the list of
    recipients at high risk holds only countries whose practice or facts were found.
    """

    risk: str
    countries: tuple[str, ...]
    citations: tuple[str, ...]
    presumed: bool = False
    confidences: tuple[str, ...] = ()  # the confidences found in the group, highest first


@dataclass(frozen=True, slots=True, kw_only=True)
class EnforcementSummary:
    """The enforcement entries arranged for a reader rather than as 196 rows."""

    requesting: EnforcementEntry | None
    groups: tuple[RecipientGroup, ...]  # by risk, high first; every recipient exactly once
    recipients: tuple[EnforcementEntry, ...]  # by risk, then country: the appendix
    non_recipients: int  # members on the date that did not receive it
    non_members: tuple[str, ...] = ()  # listed, but not INTERPOL members on the date
    non_recipient_members: tuple[str, ...] = ()  # the members that did not receive it, sorted


def enforcement_summary(assessment: Assessment) -> EnforcementSummary:
    """The requesting state, the recipients grouped by arrest risk, and the non-recipients."""
    requesting: EnforcementEntry | None = None
    recipients: list[EnforcementEntry] = []
    others: list[str] = []
    non_members: list[str] = []
    for entry in assessment.enforcement:
        if entry.role == "requesting":
            requesting = entry
        elif entry.role == "non_recipient" or not entry.received:
            if assessment.is_member(entry.country):
                others.append(entry.country)
            else:
                non_members.append(entry.country)
        else:
            recipients.append(entry)
    order = {risk: rank for rank, risk in enumerate(ARREST_RISKS)}
    recipients.sort(key=lambda e: (order.get(e.arrest_risk, len(order)), e.country))
    groups: dict[tuple[str, bool], list[EnforcementEntry]] = {}
    for entry in recipients:
        presumed = entry.arrest_risk == "high" and entry.basis == "regional_presumption"
        groups.setdefault((entry.arrest_risk, presumed), []).append(entry)
    ranked = sorted(groups.items(), key=lambda item: (order.get(item[0][0], 9), item[0][1]))
    return EnforcementSummary(
        requesting=requesting,
        groups=tuple(
            RecipientGroup(
                risk=risk,
                countries=tuple(e.country for e in entries),
                citations=tuple(dict.fromkeys(c for e in entries for c in e.citations)),
                presumed=presumed,
                confidences=tuple(
                    c for c in ("high", "medium", "low") if any(e.confidence == c for e in entries)
                ),
            )
            for (risk, presumed), entries in ranked
        ),
        recipients=tuple(recipients),
        non_recipients=len(others),
        non_members=tuple(sorted(non_members)),
        non_recipient_members=tuple(sorted(others)),
    )


def non_recipients_sentence(summary: EnforcementSummary, on: _dt.date) -> str:
    """``"189 member countries did not receive it ..."``, with non-members said apart."""
    count = summary.non_recipients
    sentence = (
        f"{count} member {'country' if count == 1 else 'countries'} did not receive it "
        "(no INTERPOL-based arrest risk there on these facts)."
    )
    if summary.non_members:
        names = ", ".join(country(code) for code in summary.non_members)
        sentence += f" Not INTERPOL members on {on.isoformat()}: {names}."
    return sentence


def confidence_cell(entry: EnforcementEntry) -> str:
    """``"high (own finding)"``, ``"medium (presumed)"`` or ``"low (no finding)"``."""
    return BASIS_CELLS.get(entry.basis, "{}").format(entry.confidence)


def group_role(group: RecipientGroup) -> str:
    """The role cell of a group: ``"recipients (3)"`` or ``"recipients, presumed only (27)"``."""
    presumed = ", presumed only" if group.presumed else ""
    return f"recipients{presumed} ({len(group.countries)})"


def group_risk(group: RecipientGroup) -> str:
    """The risk cell of a group: ``"high"``, or ``"high (presumed)"`` for a presumption."""
    risk = RISK_WORDS.get(group.risk, group.risk)
    return f"{risk} (presumed)" if group.presumed else risk


def group_confidence_words(confidences: tuple[str, ...]) -> str:
    """``"high"``, or ``"high to low"`` when a group holds several confidences."""
    if not confidences:
        return "—"
    return confidences[0] if len(confidences) == 1 else f"{confidences[0]} to {confidences[-1]}"


def presumption_sentence(summary: EnforcementSummary) -> str:
    """The presumed-only recipients in words, or ``""`` when there are none."""
    presumed = [code for g in summary.groups if g.presumed for code in g.countries]
    if not presumed:
        return ""
    return (
        f"Presumed, not found ({len(presumed)}): "
        f"{', '.join(country(code) for code in presumed)}. None of these EU states has a "
        "finding of its own on arrest on an INTERPOL alert; the UK's official notes to its "
        "2020 Provisional Arrest Act say that most EU member states let their police arrest "
        "on such alerts, so a high risk is presumed for them, with medium confidence at "
        "most. They are not counted among the recipients at high risk."
    )


def how_sure(entry: EnforcementEntry) -> str:
    """``"medium (a presumption about its region)"``: the confidence and what it rests on."""
    return f"{words(entry.confidence)} ({BASIS_WORDS.get(entry.basis, words(entry.basis))})"


def requesting_role_words(assessment: Assessment, code: str) -> str:
    """What follows the requesting state's name: " (requesting state)", or ", the requesting
    state" after an assumed one ("State A (assumed: Kyrgyzstan)"), which already ends in a
    bracket."""
    assumed = assumed_country(assessment.scenario, code)
    return ", the requesting state" if assumed else " (requesting state)"


def presumption_sentence_brief(count: int, names: str) -> str:
    """The text report's words for the presumed-only recipients (:func:`presumption_sentence`
    is the memo's: the two say it differently today, see the report of issue 24)."""
    return (
        f"Presumed, not found ({count}): {names}. None of "
        "these EU states has a finding of its own; the UK's official notes to its 2020 "
        "Provisional Arrest Act say most EU member states let their police arrest on "
        "INTERPOL alerts, so a high risk is presumed for them, with medium confidence "
        "at most. "
    )


def basis_note(entry: EnforcementEntry) -> str:
    """``"presumed, confidence medium"``: what the risk rests on and how sure it is (the
    explorer's words; :func:`confidence_cell` and :func:`how_sure` are the memos')."""
    return f"{BASIS_NOTES.get(entry.basis, 'confidence')} {entry.confidence}"
