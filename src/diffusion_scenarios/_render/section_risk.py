"""Arrest risk: the requesting state and the recipients grouped by risk, the planned trips,
and the appendix country by country, as sections of the content model (short and long form).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffusion_scenarios._render.document import (
    Block,
    Fields,
    Heading,
    Paragraph,
    Section,
    Span,
    Table,
    Text,
    plain,
    rules,
)
from diffusion_scenarios._render.plain import (
    country,
    yes_no,
)
from diffusion_scenarios._render.recipients import (
    EnforcementSummary,
    confidence_cell,
    group_confidence_words,
    group_risk,
    group_role,
    how_sure,
    non_recipients_sentence,
    presumption_sentence,
)
from diffusion_scenarios._render.wording import RISK_WORDS

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import (
        Assessment,
    )


def risk_rows(
    assessment: Assessment, summary: EnforcementSummary, *, short: bool
) -> tuple[tuple[Text, ...], ...]:
    """The requesting state, then one row per group of recipients: role, arrest risk,
    countries, confidence and rules. The long form has no confidence column (how sure the
    model is stands per country in its appendix) and does not mark presumed groups."""
    rows: list[tuple[Text, ...]] = []
    requesting = summary.requesting
    if requesting is not None:
        risk = RISK_WORDS.get(requesting.arrest_risk, requesting.arrest_risk)
        rows.append(
            (
                plain("requesting state"),
                plain(risk),
                plain(country(requesting.country, assessment.scenario)),
                plain(requesting.confidence),
                (rules(assessment, requesting.citations),),
            )
        )
    for group in summary.groups:
        role = group_role(group) if short else f"recipients ({len(group.countries)})"
        risk = group_risk(group) if short else RISK_WORDS.get(group.risk, group.risk)
        rows.append(
            (
                plain(role),
                plain(risk),
                plain(", ".join(country(code) for code in group.countries)),
                plain(group_confidence_words(group.confidences)),
                (rules(assessment, group.citations),),
            )
        )
    return tuple(rows) if short else tuple((*row[:3], row[4]) for row in rows)


def enforcement_section(assessment: Assessment, summary: EnforcementSummary) -> Section:
    requesting = summary.requesting
    blocks: list[Block] = [
        Table(
            "The requesting state and the recipients, grouped by arrest risk",
            ("Role", "Arrest risk", "Countries", "Confidence", "Rules"),
            risk_rows(assessment, summary, short=True),
        )
    ]
    if presumption_sentence(summary):
        blocks.append(Paragraph(plain(presumption_sentence(summary))))
    if requesting is not None:
        blocks.append(
            Paragraph(
                (
                    Span("In the requesting state: "),
                    Span(requesting.consequence),
                    Span(" "),
                    Span(" ".join(requesting.reasons)),
                )
            )
        )
    blocks.append(Paragraph(plain(non_recipients_sentence(summary, assessment.as_of))))
    if summary.recipients:
        pointer = (
            Span("What each recipient can be expected to do, and why, is in the "),
            Span("appendix", "xref", target="appendix"),
            Span("."),
        )
        blocks.append(Paragraph(pointer))
    return Section("enforcement", "Arrest risk by country", tuple(blocks))


def trips_section(assessment: Assessment) -> Section:
    if not assessment.travel:
        return Section("trips", "Planned trips", (Paragraph(plain("No trips were stated.")),))
    table = Table(
        "Arrest risk on each planned trip",
        ("Date", "Country", "Notice active then", "Arrest risk", "Why", "Rules"),
        tuple(
            (
                plain(trip.date.isoformat()),
                plain(country(trip.country, assessment.scenario)),
                plain(yes_no(trip.notice_active)),
                plain(RISK_WORDS.get(trip.arrest_risk, trip.arrest_risk)),
                plain("; ".join(trip.reasons)),
                (rules(assessment, trip.citations),),
            )
            for trip in assessment.travel
        ),
    )
    return Section("trips", "Planned trips", (table,))


def appendix_section(assessment: Assessment, summary: EnforcementSummary) -> Section:
    title = "Appendix: reasons country by country"
    if not summary.recipients:
        return Section("appendix", title, (Paragraph(plain("No country received it.")),), True)
    table = Table(
        "What each recipient can be expected to do, and why",
        ("Country", "Arrest risk", "Confidence", "Consequence", "Why", "Rules"),
        tuple(
            (
                plain(country(entry.country, assessment.scenario)),
                plain(RISK_WORDS.get(entry.arrest_risk, entry.arrest_risk)),
                plain(confidence_cell(entry)),
                plain(entry.consequence),
                plain(" ".join(entry.reasons)),
                (rules(assessment, entry.citations),),
            )
            for entry in summary.recipients
        ),
    )
    return Section("appendix", title, (table,))


def long_enforcement_section(assessment: Assessment, summary: EnforcementSummary) -> Section:
    rows = risk_rows(assessment, summary, short=False)
    requesting = summary.requesting
    blocks: list[Block] = [
        Paragraph(
            plain("The requesting state and the recipients, grouped by arrest risk:"), "note"
        ),
        Table("", ("Role", "Arrest risk", "Countries", "Rules"), rows),
    ]
    if requesting is not None:
        reasons = " ".join(requesting.reasons)
        blocks.append(
            Paragraph(plain(f"In the requesting state: {requesting.consequence} {reasons}"))
        )
        blocks.append(Fields((("How sure the model is there", plain(how_sure(requesting))),)))
    blocks.append(Paragraph(plain(non_recipients_sentence(summary, assessment.as_of))))
    if summary.recipients:
        text = (
            "What each recipient can be expected to do, how sure the model is, and why, is in "
            "the appendix (country by country), with the countries that did not receive it "
            "named below it."
        )
        blocks.append(Paragraph(plain(text)))
    return Section("enforcement", "Arrest risk by country", tuple(blocks))


def long_appendix_section(assessment: Assessment, summary: EnforcementSummary) -> Section:
    entries = ([summary.requesting] if summary.requesting is not None else []) + list(
        summary.recipients
    )
    blocks: list[Block] = []
    if not entries:
        blocks.append(Paragraph(plain("No country received it.")))
    else:
        note = (
            "The requesting state first, then every recipient by arrest risk: what it can be "
            "expected to do, how sure the model is (and what that rests on), and why."
        )
        rows = tuple(
            (
                plain(
                    country(entry.country, assessment.scenario)
                    + (" — requesting state" if entry.role == "requesting" else "")
                ),
                plain(RISK_WORDS.get(entry.arrest_risk, entry.arrest_risk)),
                plain(how_sure(entry)),
                plain(" ".join((entry.consequence, *entry.reasons)).strip()),
                (rules(assessment, entry.citations),),
            )
            for entry in entries
        )
        header = ("Country", "Arrest risk", "How sure", "Consequence and why", "Rules")
        blocks += [Paragraph(plain(note), "note"), Table("", header, rows)]
    others = summary.non_recipient_members
    if others:
        blocks += [
            Heading("Member countries that did not receive it"),
            Paragraph(plain(non_recipients_sentence(summary, assessment.as_of))),
            Paragraph(plain(", ".join(country(code) for code in others) + ".")),
        ]
    return Section("appendix", "Appendix: country by country", tuple(blocks))
