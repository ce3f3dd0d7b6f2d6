"""The printed route timeline and grounds chart: matplotlib drawings of the layouts that
:mod:`diffusion_scenarios._render.charts` computes (the explorer's SVG charts draw the same
layouts). Published by :mod:`diffusion_scenarios.plots`.
"""

from __future__ import annotations

import datetime as _dt
import textwrap
from collections.abc import Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._render.charts import (
    HATCHES,
    PALETTE,
    GroundsLayout,
    LegendEntry,
    RouteLane,
    RouteLayout,
    TripMark,
    chart_words,
    grounds_layout,
    route_layout,
)
from diffusion_scenarios._render.plot_map import new_axes, short_text
from diffusion_scenarios._render.wording import RISK_PHRASES

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from diffusion_scenarios._engine.assessment import Assessment

# The words of the printed route timeline and grounds chart (the explorer's differ a little).
_FIGURE_WORDS = chart_words("figure", risks=MappingProxyType(RISK_PHRASES))


def _as_number(value: _dt.date) -> float:
    from matplotlib.dates import date2num

    return float(date2num(value))  # type: ignore[no-untyped-call]


def route_timeline(assessment: Assessment, *, ax: Axes | None = None) -> Figure:
    """A Gantt-style chart of the CCF route with the planned trips laid over it.

    One row per route step, in the order of the assessment: a dot where the step has a
    date, a bar up to its deadline, with each date written next to it. Estimated dates are
    hollow and dashed. Each planned trip is a vertical line in the colour of its arrest risk,
    so a trip that falls before a decision can be expected is visible at a glance. What is
    drawn is decided once, by the layout the explorer's SVG timeline draws too.

    Args:
        assessment: what :func:`diffusion_scenarios.assess` returned.
        ax: draw into this Axes instead of a new figure.

    Returns:
        The matplotlib Figure, with one Axes.

    Example:
        >>> import diffusion_scenarios as ds
        >>> scenario = ds.builtin_scenarios()["diffusion-commercial-dispute-europe"]
        >>> figure = route_timeline(ds.assess(scenario))
        >>> figure.axes[0].get_title(loc="left").startswith("CCF route")
        True
    """
    layout = route_layout(assessment, _FIGURE_WORDS)
    height = max(3.6, 0.42 * len(layout.lanes) + 2.4)
    figure, axes = new_axes(ax, (11.0, height))
    # With trips, the top row (y = 0) holds their markers and the lanes start below it.
    first = 1.4 if layout.trips else 0.0
    for index, lane in enumerate(layout.lanes):
        _draw_lane(axes, layout, lane, first + index)
    axes.axvline(
        _as_number(layout.as_of),
        color=PALETTE["assessed"],
        linestyle=":",
        linewidth=1.2,
        gid="as-of",
    )
    if len(layout.trips) <= LABELLED_TRIPS:
        for number, trip in enumerate(layout.trips):
            _draw_trip(axes, layout, trip, number)
    else:
        _draw_many_trips(axes, layout)
    _route_axes(axes, layout, first)
    if hasattr(figure, "alt_text"):
        figure.alt_text = _route_alt(layout)
    return figure


def _route_alt(layout: RouteLayout) -> str:
    """The timeline in words (the picture's alt text): each step with its date or limit."""
    steps = [f"{lane.name}: {lane.words}" if lane.words else lane.name for lane in layout.lanes]
    trips = f" Planned trips: {len(layout.trips)}." if layout.trips else ""
    return f"{layout.title}, {layout.subject}. " + ("; ".join(steps) or "no step") + "." + trips


#: Up to this many trips, each is drawn with its own line, marker and label. Beyond it the
#: labels could not be read anyway (the trips table lists each trip), so the trips are drawn
#: as one line set and one marker set per colour: drawing the chart then costs about the
#: same for 500 trips as for 40 (``benchmarks/bench_limits.py``).
LABELLED_TRIPS = 40


def _draw_many_trips(axes: Axes, layout: RouteLayout) -> None:
    """Every trip as a line and a marker in its risk's colour, drawn a colour at a time,
    with one note in place of the labels."""
    by_colour: dict[str, list[float]] = {}
    for trip in layout.trips:
        by_colour.setdefault(trip.colour, []).append(_as_number(trip.date))
    for colour, days in by_colour.items():
        axes.vlines(
            days, 0, 1, transform=axes.get_xaxis_transform(), colors=colour, linewidth=2.0,
            alpha=0.9, gid=f"trips-{colour}",
        )  # fmt: skip
        axes.plot(
            days, [0.0] * len(days), marker="v", markersize=11, color=colour,
            markeredgecolor="#000000", linestyle="none", gid=f"trip-markers-{colour}",
        )  # fmt: skip
    axes.text(
        _as_number(layout.left) + layout.span_days * 0.01,
        -0.42,
        f"{len(layout.trips)} planned trips: too many to label here; the table of trips "
        "gives each one's date and arrest risk",
        fontsize=7.5,
        va="center",
        bbox={"facecolor": "#FFFFFF", "edgecolor": "none", "alpha": 0.85, "pad": 1.0},
        gid="trips-note",
    )


def _draw_lane(axes: Axes, layout: RouteLayout, lane: RouteLane, y: float) -> None:
    line_style = "--" if lane.estimated else "-"
    if lane.deadline is not None and lane.bar_start is not None:
        axes.barh(
            y,
            max((lane.deadline - lane.bar_start).days, 1),
            left=_as_number(lane.bar_start),
            height=0.42,
            color=lane.colour,
            alpha=0.25 if lane.date is None else 0.45,
            edgecolor=lane.colour,
            linestyle=line_style,
            linewidth=1.2,
            hatch="//" if lane.estimated else "",
            gid=f"deadline-{lane.step}",
        )
        axes.plot(
            [_as_number(lane.deadline)],
            [y],
            marker="|",
            markersize=16,
            markeredgewidth=2.5,
            color=lane.colour,
            gid=f"deadline-mark-{lane.step}",
        )
    if lane.date is not None:
        axes.plot(
            [_as_number(lane.date)],
            [y],
            marker="o",
            markersize=8,
            markerfacecolor="#FFFFFF" if lane.estimated else lane.colour,
            markeredgecolor=lane.colour,
            markeredgewidth=1.6,
            linestyle="none",
            gid=f"date-{lane.step}",
        )
    axes.text(
        _as_number(lane.text_anchor or layout.route_start) + layout.span_days * 0.02,
        y,
        short_text(lane.text(80), 200),
        va="center",
        fontsize=8,
        color="#222222",
        style="italic" if lane.estimated else "normal",
        bbox={"facecolor": "#FFFFFF", "edgecolor": "none", "alpha": 0.85, "pad": 1.0},
        gid=f"text-{lane.step}",
    )


def _draw_trip(axes: Axes, layout: RouteLayout, trip: TripMark, number: int) -> None:
    x = _as_number(trip.date)
    axes.axvline(x, color=trip.colour, linewidth=2.0, alpha=0.9, gid=f"trip-{trip.country}")
    axes.plot(
        [x],
        [0.0],
        marker="v",
        markersize=11,
        color=trip.colour,
        markeredgecolor="#000000",
        linestyle="none",
        gid=f"trip-marker-{trip.country}",
    )
    # Labels of trips in the right part of the chart run leftwards, clear of the legend.
    leftwards = (trip.date - layout.left).days > 0.6 * (layout.right - layout.left).days
    nudge = layout.span_days * 0.006
    axes.text(
        x - nudge if leftwards else x + nudge,
        (-0.42, 0.42, 0.0)[number % 3],
        trip.label,
        rotation=0,
        ha="right" if leftwards else "left",
        va="center",
        fontsize=7.5,
        gid=f"trip-text-{trip.country}",
    )


def _legend_handle(entry: LegendEntry) -> Any:
    """The matplotlib legend handle of one legend entry of a chart layout."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    colour, label = entry.colour, entry.label
    if entry.mark == "date":
        return Line2D([], [], marker="o", color=colour, linestyle="none", label=label)
    if entry.mark == "estimated_date":
        return Line2D(
            [], [], marker="o", markerfacecolor="#FFFFFF", color=colour, linestyle="none",
            label=label,
        )  # fmt: skip
    if entry.mark == "deadline":
        return Patch(facecolor=colour, alpha=0.45, label=label)
    if entry.mark == "estimated_deadline":
        return Patch(facecolor=colour, alpha=0.45, hatch="//", linestyle="--", label=label)
    if entry.mark == "assessed":
        return Line2D([], [], color=colour, linestyle=":", label=label)
    if entry.mark == "trip":
        return Line2D(
            [], [], color=colour, marker="v", markeredgecolor="#000000", linewidth=2, label=label
        )
    if entry.mark == "unverified":
        return Patch(
            facecolor="#FFFFFF", edgecolor=colour, linestyle="--", linewidth=2, label=label
        )
    return Patch(facecolor=colour, hatch=HATCHES.get(entry.mark, ""), edgecolor="#333333",
                 label=label)  # fmt: skip


def _frame(axes: Axes, title: str, legend: Sequence[LegendEntry], legend_size: float) -> None:
    """An open frame (no top or right spine), the title over its left edge, the legend right."""
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title(
        title,
        loc="left",
        fontsize=11,
        fontweight="bold",
        wrap=True,  # a long title wraps at the figure's edge instead of running off it
    )
    if legend:
        axes.legend(
            handles=[_legend_handle(entry) for entry in legend],
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=legend_size,
            frameon=False,
        )


def _route_axes(axes: Axes, layout: RouteLayout, first: float) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    positions = [first + index for index in range(len(layout.lanes))]
    labels = [f"{lane.name} (estimated)" if lane.estimated else lane.name for lane in layout.lanes]
    if layout.trips_label is not None:
        positions.insert(0, 0.0)
        labels.insert(0, layout.trips_label)
    axes.set_yticks(positions, labels=labels, fontsize=9)
    axes.set_ylim(first + len(layout.lanes) - 0.4, -0.8)
    axes.set_xlim(_as_number(layout.left), _as_number(layout.right))
    locator = AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    formatter = ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(formatter)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    axes.set_axisbelow(True)
    if layout.empty_note is not None:
        axes.text(0.5, 0.5, layout.empty_note, transform=axes.transAxes, ha="center")
    _frame(axes, f"{layout.title}\n{short_text(layout.subject, 100)}", layout.legend, 7.5)


def grounds_chart(assessment: Assessment, *, ax: Axes | None = None) -> Figure:
    """The grounds for deletion as ordered bars: strong, arguable, weak.

    Each bar is labelled with the ground, the rule ids it rests on and the verification
    status of each rule's source; a ground resting on an unverified rule is flagged
    ``UNVERIFIED`` in reddish purple, never shown as settled law. The explorer's SVG chart
    draws the same layout.

    Args:
        assessment: what :func:`diffusion_scenarios.assess` returned.
        ax: draw into this Axes instead of a new figure (its height is then the caller's).

    Returns:
        The matplotlib Figure.

    Example:
        >>> import diffusion_scenarios as ds
        >>> figure = grounds_chart(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]))
        >>> figure.axes[0].get_xlabel()
        'strength of the ground for deletion'
    """
    layout = grounds_layout(assessment, _FIGURE_WORDS)
    rows = layout.rows
    citation_lines = sum(
        1 + len(", ".join(rule for rule, _ in row.citations)) // 60 for row in rows
    )  # rough: the labels wrap their rule ids
    height = max(3.0, 0.42 * len(rows) + 0.2 * citation_lines + 1.8)
    figure, axes = new_axes(ax, (10.0, height))
    labels: list[str] = []
    for index, row in enumerate(rows):
        labels.append(
            textwrap.fill(short_text(row.name, 110), width=55)
            + f"{'  ⚠ UNVERIFIED' if row.unverified else ''}\n"
            + textwrap.fill(row.cited_words, width=72, break_on_hyphens=False)
        )
        axes.barh(
            index,
            row.level,
            color=row.colour,
            edgecolor=PALETTE["unverified"] if row.unverified else "#333333",
            linewidth=2.0 if row.unverified else 0.8,
            linestyle="--" if row.unverified else "-",
            hatch=row.hatch,
            height=0.6,
            gid=f"ground-{row.id}",
        )
        axes.text(
            row.level + 0.05, index, row.strength, va="center", fontsize=9,
            gid=f"strength-{row.id}",
        )  # fmt: skip
    axes.set_yticks(range(len(rows)), labels=labels, fontsize=8.5)
    for tick_label, row in zip(axes.get_yticklabels(), rows, strict=True):
        if row.unverified:
            tick_label.set_color(PALETTE["unverified"])
    _grounds_axes(axes, layout)
    if hasattr(figure, "alt_text"):
        figure.alt_text = (
            f"{layout.title}, {layout.subject}: "
            + ("; ".join(
                f"{row.name} ({row.strength}{', unverified rule' if row.unverified else ''})"
                for row in rows
            ) or "no ground found")
            + "."
        )  # fmt: skip
    return figure


def _grounds_axes(axes: Axes, layout: GroundsLayout) -> None:
    axes.set_xticks([level for level, _ in layout.ticks], labels=[s for _, s in layout.ticks])
    axes.set_xlim(0, len(layout.ticks) + 0.8)
    axes.set_ylim(max(len(layout.rows), 1) - 0.4, -0.6)
    axes.set_xlabel(layout.axis_label)
    if layout.empty_note is not None:
        axes.set_yticks([])
        axes.text(
            0.5,
            0.5,
            f"{layout.empty_note}.",
            transform=axes.transAxes,
            ha="center",
            va="center",
            fontsize=10,
            gid="no-grounds",
        )
    legend = layout.legend if layout.rows else ()
    _frame(axes, f"{layout.title}\n{short_text(layout.subject, 90)}", legend, 8)
