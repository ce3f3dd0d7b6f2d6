"""A summary card of one assessment, for a first look (notebook 00's tour).

The card shows, on one screen, what a newcomer needs first: the likely CCF outcome with its
likelihood bars, the map of where the request went, the CCF route as a timeline, the next
three things ahead (a risky planned trip, the route's next steps), and the whole text
report one click away (an HTML ``<details>``).
It is plain HTML with inline SVG: it needs no running kernel, so it stays in a saved
notebook and in the static HTML export, and it loads nothing from anywhere.
"""

from __future__ import annotations

import datetime as _dt
from html import escape
from typing import TYPE_CHECKING

from diffusion_scenarios._app.panels import (
    _likelihood_html,
    route_timeline_svg,
    tile_map_html,
)

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment, RouteStep

__all__ = ["next_steps", "summary_card_html"]

_BOX = (
    "border:1px solid #c8c8c8;border-radius:6px;padding:10px 14px;margin:8px 0;"
    "max-width:1000px;font-size:14px;line-height:1.45"
)


def _first_sentence(text: str) -> str:
    """The text up to its first full stop outside brackets: a citation such as "(Statute
    Art. 32(1))" does not end the sentence."""
    depth = 0
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "." and depth == 0 and text[i + 1 : i + 2] == " ":
            return text[: i + 1]
    return text


def _when(step: RouteStep) -> _dt.date | None:
    return step.deadline or step.date


def next_steps(assessment: Assessment, count: int = 3) -> tuple[RouteStep, ...]:
    """The next ``count`` steps of the CCF route on the day assessed: first those dated on or
    after it (soonest first), then the undated steps that follow in the route's order."""
    ahead = sorted(
        (s for s in assessment.route if (_when(s) or _dt.date.min) >= assessment.as_of),
        key=lambda s: _when(s) or assessment.as_of,
    )
    undated = [s for s in assessment.route if _when(s) is None]
    return tuple([*ahead, *undated][:count])


def _trip_items(assessment: Assessment) -> list[tuple[_dt.date, str]]:
    """Planned trips still ahead with a high or medium arrest risk, as list items."""
    from diffusion_scenarios._app.panels import shown_label

    items = []
    for trip in assessment.travel:
        if trip.date >= assessment.as_of and trip.arrest_risk in ("high", "medium"):
            items.append(
                (
                    trip.date,
                    f"<li><strong>{trip.date.isoformat()}</strong> — the planned trip to "
                    f"{escape(shown_label(assessment, trip.country))}: <strong>{trip.arrest_risk} "
                    "arrest risk</strong>. Weigh it before travelling; the Trips section of "
                    "the report says why.</li>",
                )
            )
    return items


def _step_item(step: RouteStep) -> str:
    when = _when(step)
    about = "about " if step.estimated else ""
    date = "then" if when is None else f"{about}{when.isoformat()}"
    name = step.step.replace("_", " ")
    return (
        f"<li><strong>{escape(date)}</strong> — {escape(name)}: "
        f"{escape(_first_sentence(step.description))}</li>"
    )


def _assumed_html(assessment: Assessment) -> str:
    """The facts the file marks assumed, said before the result (issue 25 point 7)."""
    from diffusion_scenarios._facts.naming import assumed_note

    note = assumed_note(assessment.scenario)
    return f'<p style="margin:0 0 6px 0"><em>{escape(note)}</em></p>' if note else ""


def summary_card_html(assessment: Assessment, *, report: str = "") -> str:
    """The card as one HTML fragment; ``report`` (the text report) goes in a closed
    ``<details>`` at the end when given."""
    title = assessment.title or assessment.scenario_id
    dated: list[tuple[_dt.date, str]] = _trip_items(assessment)
    undated: list[str] = []
    for step in next_steps(assessment):
        when = _when(step)
        if when is None:
            undated.append(_step_item(step))
        else:
            dated.append((when, _step_item(step)))
    items = [item for _, item in sorted(dated, key=lambda pair: pair[0])] + undated
    steps = "".join(items[:3])
    details = (
        '<details style="margin-top:8px"><summary style="cursor:pointer;font-weight:600">'
        "The full report: every stage with the rules it cites (click to open)</summary>"
        f'<pre style="white-space:pre-wrap;font-size:12px">{escape(report)}</pre></details>'
        if report
        else ""
    )
    return (
        f'<section aria-label="Summary of {escape(title)}" style="{_BOX}">'
        f'<h3 style="margin:0 0 4px 0">{escape(title)}</h3>'
        f'<p style="margin:0 0 6px 0;color:#444">As of {assessment.as_of.isoformat()}. '
        "Educational model, not legal advice.</p>"
        f"{_assumed_html(assessment)}"
        f"{_likelihood_html(assessment)}"
        '<h4 style="margin:10px 0 2px 0">Where the request went, and the arrest risk</h4>'
        f"{tile_map_html(assessment)}"
        '<h4 style="margin:10px 0 2px 0">The CCF route</h4>'
        f"{route_timeline_svg(assessment)}"
        '<h4 style="margin:10px 0 2px 0">What comes next</h4>'
        f'<ol style="margin:2px 0 0 0">{steps}</ol>'
        f"{details}</section>"
    )
