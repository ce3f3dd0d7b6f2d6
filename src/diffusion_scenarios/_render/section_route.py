"""The CCF route: its steps with dates and deadlines, and (in the long form) what a deletion
does not end, as sections of the content model.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from diffusion_scenarios._engine.stage import long_date
from diffusion_scenarios._render.document import (
    Block,
    BulletItem,
    Bullets,
    Figure,
    Heading,
    Paragraph,
    Section,
    Span,
    Table,
    Text,
    plain,
    rules,
    rules_line,
)
from diffusion_scenarios._render.plain import (
    day,
    step_date_text,
    words,
)

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment, RouteStep


def step_date(value: _dt.date | None, *, estimated: bool) -> Text:
    """A step's date; an estimated one is marked as such."""
    if estimated and value is not None:
        return (Span(step_date_text(value, estimated=True), "estimated"),)
    return plain(step_date_text(value, estimated=False))


def deadline(value: _dt.date | None) -> Text:
    if value is None:
        return plain("—")
    return (Span(value.isoformat(), "deadline"), Span(" (deadline)"))


def route_table(assessment: Assessment, steps: Iterable[RouteStep]) -> Table:
    return Table(
        "Steps of the challenge before the CCF, with dates",
        ("Step", "Date", "Deadline", "What happens", "Rules"),
        tuple(
            (
                plain(words(step.step)),
                step_date(step.date, estimated=step.estimated),
                deadline(step.deadline),
                plain(step.description or "—"),
                (rules(assessment, step.citations),),
            )
            for step in steps
        ),
    )


def route_section(assessment: Assessment) -> Section:
    table = route_table(assessment, assessment.route)
    note = Paragraph(
        (
            Span("Dates marked "),
            Span("(estimated)", "em"),
            Span(" are estimates, not dates fixed by a rule."),
        )
    )
    blocks: list[Block] = [table, note]
    if assessment.route:
        blocks.append(
            Figure(
                "route_timeline",
                description=(
                    "Timeline of the CCF route with deadlines as bars and planned trips as "
                    "vertical lines coloured by arrest risk."
                ),
                caption=(
                    "Route timeline: dots are dates, bars run to deadlines, hollow and dashed "
                    "marks are estimates; vertical lines are planned trips."
                ),
            )
        )
    return Section("route", "The CCF route", tuple(blocks))


#: The route steps that say what a deletion leaves in place; the long form shows them apart.
AFTER_DELETION_STEPS = ("domestic_case_continues", "bilateral_extradition_possible")


def long_route_section(assessment: Assessment) -> Section:
    steps = [step for step in assessment.route if step.step not in AFTER_DELETION_STEPS]
    if not steps:
        text = "No step of a challenge applies on the facts given."
        return Section("route", "The CCF route", (Paragraph(plain(text)),))
    full = route_section(assessment)
    table = route_table(assessment, steps)
    note = "Dates marked (estimated) are estimates, not dates fixed by a rule."
    figures = tuple(block for block in full.blocks if isinstance(block, Figure))
    return Section("route", full.title, (table, Paragraph(plain(note), "note"), *figures))


def after_deletion_section(assessment: Assessment) -> Section:
    steps = [step for step in assessment.route if step.step in AFTER_DELETION_STEPS]
    blocks: list[Block] = []
    for step in steps:
        blocks.append(Heading(words(step.step).capitalize()))
        if step.description:
            blocks.append(Paragraph(plain(step.description)))
        blocks.append(rules_line(assessment, step.citations))
    return Section("after_deletion", "What deletion does not end", tuple(blocks), not steps)


# --- the text report's section ----------------------------------------------------------------


def _when(step: RouteStep) -> str:
    """``"deadline 12 May 2025 (estimated)"``: the step's deadline, or else its date."""
    when = ""
    if step.date is not None:
        when = long_date(step.date)
    if step.deadline is not None:
        when = f"deadline {long_date(step.deadline)}"
    if step.estimated and when:
        when += " (estimated)"
    return when


def text_route_section(assessment: Assessment) -> Section:
    items = []
    for step in assessment.route:
        when = _when(step)
        head = f"{words(step.step)}{': ' + when if when else ''}. "
        children = (plain(step.description),) if step.description else ()
        items.append(BulletItem((Span(head), rules(assessment, step.citations)), children))
    return Section("route", "CCF route", (Bullets(tuple(items)),))


# --- the explorer's panel ---------------------------------------------------------------------


def _estimated(step: RouteStep) -> Text:
    return (Span("(estimated)", "muted"),) if step.estimated else ()


def panel_route_section(assessment: Assessment) -> Section:
    """Each step with its date or deadline (said estimated when it is) and its rules."""
    rows = tuple(
        (
            (Span(words(step.step), "strong"), Span(step.description, "detail")),
            plain(day(step.date)),
            (
                Span(day(step.deadline)),
                *((Span("(estimated)", "muted"),) if step.estimated else ()),
            ),
            (rules(assessment, step.citations),),
        )
        for step in assessment.route
    )
    header = ("Step", "Date", "Deadline", "Rules (hover for the text)")
    return Section("route", "The CCF route", (Table("", header, rows, "route"),))
