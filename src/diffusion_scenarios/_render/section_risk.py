"""Arrest risk: the requesting state and the recipients grouped by risk, the planned trips,
and the appendix country by country, as sections of the content model (short and long form).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffusion_scenarios._engine.stage import long_date
from diffusion_scenarios._facts.naming import country_shown
from diffusion_scenarios._law.vocab import ARREST_RISKS
from diffusion_scenarios._render.charts import trip_status
from diffusion_scenarios._render.document import (
    Block,
    BulletItem,
    Bullets,
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
from diffusion_scenarios._render.phrases import risk_phrase, trip_risk_phrase
from diffusion_scenarios._render.plain import (
    country,
    day,
    yes_no,
)
from diffusion_scenarios._render.recipients import (
    EnforcementSummary,
    basis_note,
    confidence_cell,
    group_confidence_words,
    group_risk,
    group_role,
    how_sure,
    non_recipients_sentence,
    presumption_sentence,
    presumption_sentence_brief,
    requesting_role_words,
)
from diffusion_scenarios._render.wording import RISK_WORDS

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import (
        Assessment,
        EnforcementEntry,
        TravelEntry,
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


# --- the text report's sections ---------------------------------------------------------------


def _names(entries: list[EnforcementEntry]) -> str:
    return ", ".join(sorted(country_shown(None, e.country) for e in entries))


def _text_risk_groups(assessment: Assessment, recipients: list[EnforcementEntry]) -> Bullets:
    """The recipients by arrest risk; a presumed high risk is listed apart, in words."""
    items: list[BulletItem] = []
    for risk in ARREST_RISKS:
        group = [e for e in recipients if e.arrest_risk == risk]
        # A presumed high risk (an EU state with no finding of its own) is not a finding:
        # it is listed apart, in words, and not among the recipients at high risk.
        presumed = [e for e in group if risk == "high" and e.basis == "regional_presumption"]
        group = [e for e in group if e not in presumed]
        if group:
            unknown = sum(1 for e in group if not e.practice_known)
            count = f"{len(group)}; practice unknown for {unknown}" if unknown else f"{len(group)}"
            who = (
                "Recipients with no INTERPOL-alert risk"
                if risk == "none"
                else f"Recipients at {risk} risk"
            )
            items.append(BulletItem(plain(f"{who} ({count}): {_names(group)}.")))
        if presumed:
            text = presumption_sentence_brief(len(presumed), _names(presumed))
            items.append(BulletItem((Span(text), rules(assessment, ["arrest-eu-presumption"]))))
    return Bullets(tuple(items))


def _entry_line(assessment: Assessment, entry: EnforcementEntry, role: str = "") -> Text:
    name = country_shown(assessment.scenario, entry.country)
    return (
        Span(
            f"{name}{role}: {risk_phrase(entry.arrest_risk)}. Confidence "
            f"{entry.confidence}. {entry.consequence} "
        ),
        rules(assessment, entry.citations),
    )


def _text_recipient_reasons(assessment: Assessment, recipients: list[EnforcementEntry]) -> Bullets:
    """Reasons every recipient shares (such as a locate-only purpose) once; then the
    countries the facts single out, with their own reasons."""
    shared: set[str] = set(recipients[0].reasons[1:]) if len(recipients) > 1 else set()
    for entry in recipients[1:]:
        shared &= set(entry.reasons[1:])
    items = [BulletItem(plain(f"For every recipient: {reason}")) for reason in sorted(shared)]
    for entry in recipients:
        own = [r for r in entry.reasons[1:] if r not in shared]
        if own:
            items.append(BulletItem(_entry_line(assessment, entry), tuple(map(plain, own))))
    return Bullets(tuple(items))


def text_enforcement_section(assessment: Assessment) -> Section:
    by_role: dict[str, list[EnforcementEntry]] = {}
    for entry in assessment.enforcement:
        by_role.setdefault(entry.role, []).append(entry)
    requesting = tuple(
        BulletItem(_entry_line(assessment, e, requesting_role_words(assessment, e.country)))
        for e in by_role.get("requesting", [])
    )
    recipients = by_role.get("recipient", [])
    blocks: list[Block] = [
        Bullets(requesting),
        _text_risk_groups(assessment, recipients),
        _text_recipient_reasons(assessment, recipients),
    ]
    others = by_role.get("non_recipient", [])
    if others:
        count = f"{len(others)} member did" if len(others) == 1 else f"{len(others)} members did"
        text = (
            f"{count} not receive the data: no INTERPOL alert there, though a bilateral "
            "request remains possible. "
        )
        blocks.append(Bullets((BulletItem((Span(text), rules(assessment, others[0].citations))),)))
    if recipients:
        text_with_rules = (
            Span("Recipient risks start from each country's recorded practice "),
            rules(assessment, ["national-practice"]),
            Span("; see the JSON output for every country's reasons."),
        )
        blocks.append(Paragraph(text_with_rules))
    return Section("enforcement", "Arrest risk by country", tuple(blocks))


def text_trips_section(assessment: Assessment) -> Section:
    if not assessment.travel:
        return Section("trips", "Planned travel", (Paragraph(plain(_NO_TRIPS)),))
    items = tuple(
        BulletItem(
            (
                Span(
                    f"{country_shown(assessment.scenario, trip.country)}, {long_date(trip.date)}: "
                    f"{trip_risk_phrase(assessment, trip)}. "
                ),
                rules(assessment, trip.citations),
            ),
            tuple(map(plain, trip.reasons)),
        )
        for trip in assessment.travel
    )
    return Section("trips", "Planned travel", (Bullets(items),))


_NO_TRIPS = "No trips are planned in the facts."


# --- the explorer's panel ---------------------------------------------------------------------


def _why(assessment: Assessment, trip: TravelEntry) -> Text:
    """A trip's reasons, as a list, then its rules."""
    reasons: Text = tuple(Span(reason, "item") for reason in trip.reasons)
    return (*reasons, rules(assessment, trip.citations))


def panel_trips_section(assessment: Assessment) -> Section:
    """Each planned trip: the day, the country, whether an alert is live there that day, the
    arrest risk and why, with the rules."""
    title = "Planned trips"
    if not assessment.travel:
        return Section("trips", title, (Paragraph(plain(_NO_TRIPS_PANEL), "empty"),))
    rows = tuple(
        (
            plain(day(trip.date)),
            plain(country(trip.country, assessment.scenario)),
            plain(f"{yes_no(trip.notice_active)}: {trip_status(assessment, trip)}"),
            (Span(trip.arrest_risk, "risk"),),
            _why(assessment, trip),
        )
        for trip in assessment.travel
    )
    header = ("Date", "Country", "INTERPOL alert there that day", "Arrest risk", "Why")
    return Section("trips", title, (Table("", header, rows, "trips"),))


_NO_TRIPS_PANEL = "No trips planned. Add one under “Trips”."


def _panel_row(assessment: Assessment, entry: EnforcementEntry) -> tuple[Text, ...]:
    role = requesting_role_words(assessment, entry.country) if entry.role == "requesting" else ""
    return (
        plain(country(entry.country, assessment.scenario) + role),
        plain(yes_no(entry.received)),
        (Span(entry.arrest_risk, "risk"), Span(basis_note(entry), "detail")),
        (Span(entry.consequence), Span("; ".join(entry.reasons), "detail")),
    )


def _risk_counts(entries: list[EnforcementEntry]) -> str:
    """``"3 high, 27 presumed high, 160 medium"``, with what "presumed high" means."""
    counts: dict[str, int] = {}
    for e in entries:
        if e.role != "requesting":
            # A presumed high risk (no finding of the country's own) is counted apart.
            presumed = e.arrest_risk == "high" and e.basis == "regional_presumption"
            key = "presumed high" if presumed else e.arrest_risk
            counts[key] = counts.get(key, 0) + 1
    summary = ", ".join(
        f"{counts[r]} {r}"
        for r in ("high", "presumed high", "medium", "low", "none")
        if counts.get(r)
    )
    if counts.get("presumed high"):
        summary += (
            " (presumed high: EU states with no finding of their own, presumed from a UK "
            "statement that most EU states arrest on INTERPOL alerts)"
        )
    return summary


def panel_enforcement_section(assessment: Assessment, *, limit: int | None = None) -> Section:
    """The requesting state and every recipient, riskiest first (the first ``limit``), each
    with whether it received the data, its arrest risk and why; then the members that did
    not receive it, by name."""
    order = {risk: rank for rank, risk in enumerate(ARREST_RISKS)}
    listed = [e for e in assessment.enforcement if e.received or e.role == "requesting"]
    others = sorted(
        (e for e in assessment.enforcement if not (e.received or e.role == "requesting")),
        key=lambda e: country(e.country),
    )
    entries = sorted(listed, key=lambda e: (order.get(e.arrest_risk, 9), country(e.country)))
    count = assessment.circulation.recipient_count
    summary = (
        f"Received by {count} member {'country' if count == 1 else 'countries'}. Arrest risk "
        f"among them: {_risk_counts(entries) or 'none listed'}."
    )
    shown = entries if limit is None else entries[:limit]
    header = ("Country", "Received", "Arrest risk", "Consequence and why")
    rows = tuple(_panel_row(assessment, e) for e in shown)
    blocks: list[Block] = [Paragraph(plain(summary)), Table("", header, rows, "enforcement")]
    if len(shown) < len(entries):
        more = f"… and {len(entries) - len(shown)} more countries."
        blocks.append(Paragraph(plain(more), "more"))
    if others:
        text = (
            Span(f"{len(others)} members did not receive it", "strong"),
            Span(
                " (no INTERPOL alert there, though a bilateral request remains possible): "
                f"{', '.join(country(e.country) for e in others)}."
            ),
        )
        blocks.append(Paragraph(text, "aside"))
    return Section("enforcement", "Enforcement by country", tuple(blocks))
