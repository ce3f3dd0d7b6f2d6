"""Pictures of an assessment: where the request circulated, the CCF route, the grounds.

Every function here draws one :class:`~diffusion_scenarios.Assessment` and decides nothing:
the colours, dates and labels all come from the assessment. Figures are built with
matplotlib's object-oriented API (no ``pyplot`` state, never ``show()``), entirely offline
(the world map is a tile grid from the package's own layout file), and deterministically.
A figure drawn here is a plain matplotlib ``Figure`` that also shows itself as a picture when
it is the last value of a notebook cell (no ``plt.show()`` needed; see ``_shown_figure``).

    >>> import diffusion_scenarios as ds
    >>> from diffusion_scenarios import plots
    >>> assessment = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
    >>> figure = plots.circulation_map(assessment)
    >>> figure.axes[0].get_title(loc="left").startswith("Where")
    True

The palette is Okabe and Ito's colour-blind-safe set; every category also has its own
hatch band or edge, so the figures survive greyscale printing.
"""

from __future__ import annotations

import datetime as _dt
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._law.data import read_csv_rows
from diffusion_scenarios._law.vocab import (
    ARREST_RISKS,
    INTERPOL_REGIONS,
    KIND_WORDS,
    RISK_PHRASES,
    STRENGTHS,
)
from diffusion_scenarios.errors import ReferenceDataError, printable

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from diffusion_scenarios._engine.assessment import Assessment, EnforcementEntry, RouteStep

__all__ = [
    "HATCHES",
    "PALETTE",
    "Tile",
    "circulation_map",
    "deadline_bar_starts",
    "grounds_chart",
    "map_category",
    "route_timeline",
    "tile_category",
    "tile_layout",
]

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common forms of
# colour-vision deficiency. Keys are the categories a figure can show.
PALETTE: Mapping[str, str] = MappingProxyType(
    {
        "requesting": "#000000",  # black: the state that asked for the notice / diffusion
        "recipient_high": "#D55E00",  # vermillion
        "recipient_medium": "#E69F00",  # orange
        "recipient_low": "#F0E442",  # yellow
        "recipient_none": "#56B4E9",  # sky blue: received it, no arrest expected
        "non_recipient": "#DDDDDD",  # light grey: did not receive it
        "not_member": "#FFFFFF",  # white: not an INTERPOL member on the date
        "trip": "#0072B2",  # blue: edge of a planned-trip destination
        "strong": "#009E73",  # bluish green
        "arguable": "#56B4E9",  # sky blue
        "weak": "#BBBBBB",  # grey
        "unverified": "#CC79A7",  # reddish purple: a rule whose source is unverified
        "estimated": "#777777",
        "deadline": "#0072B2",
        "assessed": "#444444",
    }
)

# Greyscale-safe second channel: each map category has its own hatch band.
HATCHES: Mapping[str, str] = MappingProxyType(
    {
        "requesting": "",
        "recipient_high": "xxxx",
        "recipient_medium": "////",
        "recipient_low": "---",
        "recipient_none": "||",
        "non_recipient": "",
        "not_member": "",
        "strong": "",
        "arguable": "//",
        "weak": "--",
    }
)

_MAP_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "requesting": "requesting state",
        "recipient_high": "recipient: high arrest risk",
        "recipient_medium": "recipient: medium arrest risk",
        "recipient_low": "recipient: low arrest risk",
        "recipient_none": "recipient: no arrest expected",
        "non_recipient": "did not receive it",
        "not_member": "not an INTERPOL member that day",
    }
)

_RISK_WORDS: Mapping[str, str] = MappingProxyType(RISK_PHRASES)

_LAYOUT_FILE = "tile_layout.csv"


@dataclass(frozen=True, slots=True, kw_only=True)
class Tile:
    """One square of the tile-grid world map: a country at a row and column."""

    country: str  # alpha-3
    row: int  # 0 at the top
    col: int  # 0 at the left


@cache
def tile_layout() -> tuple[Tile, ...]:
    """The tile-grid layout of all INTERPOL members, read from ``data/tile_layout.csv``.

    Each member country is one square, roughly where it lies on a world map (the Americas
    on the left, Europe and Africa in the middle, Asia and the Pacific on the right).

    Returns:
        The tiles, sorted by country code.

    Example:
        >>> tiles = {tile.country: tile for tile in tile_layout()}
        >>> tiles["FRA"].col < tiles["DEU"].col
        True
    """
    tiles: list[Tile] = []
    for number, row in enumerate(read_csv_rows(_LAYOUT_FILE), start=2):
        try:
            tiles.append(Tile(country=row["iso3"], row=int(row["row"]), col=int(row["col"])))
        except (KeyError, TypeError, ValueError) as exc:
            raise ReferenceDataError(
                f"data/{_LAYOUT_FILE} line {number}: expected iso3,row,col with whole "
                f"numbers, found {row!r}"
            ) from exc
    return tuple(sorted(tiles, key=lambda tile: tile.country))


def map_category(entry: EnforcementEntry | None) -> str:
    """The :data:`PALETTE` key a country's tile gets on the circulation map.

    Args:
        entry: the country's enforcement entry, or ``None`` when the assessment has none
            (the country was not an INTERPOL member on the date assessed).

    Example:
        >>> map_category(None)
        'not_member'
    """
    if entry is None:
        return "not_member"
    if entry.role == "requesting":
        return "requesting"
    if entry.role == "non_recipient" or not entry.received:
        return "non_recipient"
    risk = entry.arrest_risk if entry.arrest_risk in ARREST_RISKS else "none"
    return f"recipient_{risk}"


def tile_category(entry: EnforcementEntry | None, country: str, on: _dt.date) -> str:
    """The :data:`PALETTE` key of a country's tile on the date assessed.

    As :func:`map_category`, except that a country that was not yet (or no longer) an
    INTERPOL member on that date shows as ``"not_member"`` whatever its entry says.

    Example:
        >>> import datetime
        >>> tile_category(None, "FRA", datetime.date(2025, 1, 1))
        'not_member'
    """
    category = map_category(entry)
    if category in {"not_member", "requesting"}:
        return category
    from diffusion_scenarios._law.countries import is_member

    return category if is_member(country, on) else "not_member"


def _new_axes(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is not None:
        figure = ax.get_figure()
        if figure is None:  # pragma: no cover - an Axes always belongs to a figure
            raise ValueError("ax: expected an Axes that belongs to a Figure")
        return figure, ax  # type: ignore[return-value]
    from diffusion_scenarios._render.figure import ShownFigure

    figure = ShownFigure(figsize=size, layout="constrained")
    return figure, figure.add_subplot()


def _text_colour(background: str) -> str:
    red, green, blue = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#FFFFFF" if luminance < 0.45 else "#000000"


def _kind(assessment: Assessment) -> str:
    return KIND_WORDS.get(assessment.issuance.kind, assessment.issuance.kind.replace("_", " "))


def _requesting_country(assessment: Assessment) -> str | None:
    for entry in assessment.enforcement:
        if entry.role == "requesting":
            return entry.country
    if assessment.scenario is not None:
        return assessment.scenario.notice.requesting_country
    return None


def _short(text: str, width: int) -> str:
    # Free text is shown as written: "$" would switch matplotlib to maths ("a $x^$ b"
    # fails to draw) and control characters have no glyph.
    return printable(textwrap.shorten(text, width=width, placeholder="…")).replace("$", r"\$")


def circulation_map(
    assessment: Assessment, *, region: str | None = None, ax: Axes | None = None
) -> Figure:
    """A tile-grid world map of where the notice or diffusion circulated.

    One labelled square per INTERPOL member (alpha-3 code), coloured by its role: the
    requesting state, recipients by arrest risk (high, medium, low, none), countries that
    did not receive it, and countries that were not members on the date assessed.
    Destinations of planned trips get a thick blue edge. Nothing is downloaded.

    Args:
        assessment: what :func:`diffusion_scenarios.assess` returned.
        region: show only one INTERPOL region (``"africa"``, ``"americas"``,
            ``"asia_south_pacific"``, ``"europe"``, ``"middle_east_north_africa"``).
        ax: draw into this Axes instead of a new figure.

    Returns:
        The matplotlib Figure (shown as a picture when it ends a notebook cell).

    Raises:
        ValueError: ``region`` is not one of INTERPOL's five regions.

    Example:
        >>> import diffusion_scenarios as ds
        >>> assessment = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
        >>> figure = circulation_map(assessment, region="europe")
        >>> len(figure.axes)
        1
    """
    from matplotlib.patches import Patch, Rectangle

    if region is not None and region not in INTERPOL_REGIONS:
        raise ValueError(
            f"region: expected one of {', '.join(INTERPOL_REGIONS)} (or None for the world), "
            f"found {region!r}"
        )
    tiles = tile_layout()
    if region is not None:
        from diffusion_scenarios._law.countries import interpol_region

        tiles = tuple(tile for tile in tiles if interpol_region(tile.country) == region)

    rows = max(tile.row for tile in tiles) - min(tile.row for tile in tiles) + 1
    cols = max(tile.col for tile in tiles) - min(tile.col for tile in tiles) + 1
    entries = {entry.country: entry for entry in assessment.enforcement}
    trip_countries = {trip.country for trip in assessment.travel}
    categories = {
        tile.country: tile_category(entries.get(tile.country), tile.country, assessment.as_of)
        for tile in tiles
    }
    width = min(15.0, max(7.5, 0.5 * cols + 1.0))
    unit = (width - 0.3) / (cols + 1.4)  # inches per tile, as the equal aspect will draw it
    legend_height = 0.0
    if region is not None:  # the legend goes below a regional map, in two columns
        shown = {categories[tile.country] for tile in tiles}
        entries_in_legend = len(shown) + bool(trip_countries & {t.country for t in tiles})
        legend_height = 0.25 * ((entries_in_legend + 1) // 2) + 0.35
    height = max(4.0, unit * (rows + 1.6) + 0.35 + legend_height)
    if ax is None:
        # Fixed margins instead of a layout engine: the engine would draw all 196 tiles an
        # extra time just to measure them, and the margins here are known in advance.
        from diffusion_scenarios._render.figure import ShownFigure

        figure: Figure = ShownFigure(figsize=(width, height))
        top = 0.62 / height  # the title and the subtitle
        bottom = (legend_height + 0.05) / height
        axes = figure.add_axes((0.01, bottom, 0.98, 1.0 - top - bottom))
        axes.set_anchor("NW")
    else:
        figure, axes = _new_axes(ax, (width, height))
    font_size = 7.0 if region is None else 9.0
    used: dict[str, int] = {}
    for tile in tiles:
        category = categories[tile.country]
        used[category] = used.get(category, 0) + 1
        colour = PALETTE[category]
        x, y = tile.col, -tile.row
        on_trip = tile.country in trip_countries
        square = Rectangle(
            (x + 0.04, y + 0.04),
            0.92,
            0.92,
            facecolor=colour,
            edgecolor=PALETTE["trip"] if on_trip else "#555555",
            linewidth=2.4 if on_trip else 0.6,
            linestyle="--" if category == "not_member" else "-",
            gid=f"tile-{tile.country}",
            label="_nolegend_",
            in_layout=False,
        )
        # add_artist, not add_patch: the limits are set below, and recomputing them for
        # every tile would triple the drawing time.
        axes.add_artist(square)
        hatch = HATCHES.get(category, "")
        if hatch:
            # The hatch sits in a band at the foot of the tile so the label stays readable.
            axes.add_artist(
                Rectangle(
                    (x + 0.06, y + 0.06),
                    0.88,
                    0.28,
                    fill=False,
                    hatch=hatch,
                    edgecolor=_text_colour(colour) if category != "recipient_low" else "#555555",
                    linewidth=0,
                    gid=f"hatch-{tile.country}",
                    label="_nolegend_",
                    in_layout=False,
                )
            )
        axes.text(
            x + 0.5,
            y + 0.64,
            tile.country,
            ha="center",
            va="center",
            fontsize=font_size,
            fontweight="bold" if category == "requesting" or on_trip else "normal",
            color=_text_colour(colour),
            gid=f"label-{tile.country}",
            in_layout=False,
        )

    # A presumed high risk (an EU state with no finding of its own) is said in the legend.
    presumed = sum(
        1
        for tile in tiles
        if categories[tile.country] == "recipient_high"
        and entries[tile.country].basis == "regional_presumption"
    )
    handles: list[Any] = []
    for category, text in _MAP_LABELS.items():
        if used.get(category):
            label = text
            if category == "recipient_high" and presumed:
                label += f", {presumed} of them only presumed"
            handles.append(
                Patch(
                    facecolor=PALETTE[category],
                    edgecolor="#555555",
                    hatch=HATCHES.get(category, ""),
                    linestyle="--" if category == "not_member" else "-",
                    label=f"{label} ({used[category]})",
                )
            )
    if trip_countries & {tile.country for tile in tiles}:
        handles.append(
            Patch(
                facecolor="#FFFFFF",
                edgecolor=PALETTE["trip"],
                linewidth=2.4,
                label="destination of a planned trip",
            )
        )

    min_row = min(tile.row for tile in tiles)
    max_row = max(tile.row for tile in tiles)
    min_col = min(tile.col for tile in tiles)
    max_col = max(tile.col for tile in tiles)
    axes.set_xlim(min_col - 0.2, max_col + 1.2)
    axes.set_aspect("equal")
    axes.set_axis_off()

    requesting = _requesting_country(assessment)
    kind = _kind(assessment)
    where = "the world" if region is None else region.replace("_", " ").title()
    axes.set_title(
        f"Where the {kind} circulated — {where}, as assessed on {assessment.as_of.isoformat()}",
        loc="left",
        fontsize=12,
        fontweight="bold",
        pad=20,
    )
    circulation = assessment.circulation
    subtitle = (
        f"{kind.capitalize()} requested by {requesting or 'unknown'}; "
        f"{circulation.recipient_count} recipient countries; "
        f"{'public extract on the website' if circulation.public else 'not public'}. "
        "Tile grid, not to scale. Educational model, not legal advice."
    )
    if region is None:
        # The world grid has empty sea in its lower left: the legend goes there.
        axes.set_ylim(-max_row - 0.3, -min_row + 1.3)
        axes.text(0.0, 1.005, subtitle, transform=axes.transAxes, fontsize=8.5, va="bottom")
        axes.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0.0, 0.0),
            fontsize=8,
            frameon=False,
            title="Colour = role and arrest risk",
            title_fontsize=8.5,
            alignment="left",
        )
    else:
        axes.set_ylim(-max_row - 0.3, -min_row + 1.3)
        axes.text(
            0.0, 1.005, subtitle, transform=axes.transAxes, fontsize=8, va="bottom", wrap=True
        )
        axes.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0.0, 0.0),
            ncols=2,
            fontsize=8,
            frameon=False,
            alignment="left",
        )
    return figure


def _as_number(value: _dt.date) -> float:
    from matplotlib.dates import date2num

    return float(date2num(value))  # type: ignore[no-untyped-call]



def deadline_bar_starts(steps: Sequence[RouteStep]) -> tuple[_dt.date | None, ...]:
    """Where each route step's time-limit bar starts, in the order of ``steps``.

    A step with a deadline starts on its own date; one without its own date (a time limit
    counted from an earlier step) starts on the latest date of an earlier step that is not
    after the deadline, or else on the first date of the route. Steps without a deadline
    get ``None``. Both timelines (the matplotlib figure and the explorer's SVG) use this,
    so they always draw the same bars.

    Example:
        >>> import diffusion_scenarios as ds
        >>> assessment = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
        >>> starts = deadline_bar_starts(assessment.route)
        >>> len(starts) == len(assessment.route)
        True
    """
    route_start = min(
        (d for step in steps for d in (step.date, step.deadline) if d is not None),
        default=None,
    )
    starts: list[_dt.date | None] = []
    earlier: list[_dt.date] = []  # dates of the steps above
    for step in steps:
        if step.deadline is None:
            starts.append(None)
        else:
            before = [d for d in earlier if d <= step.deadline]
            starts.append(step.date or (max(before) if before else route_start))
        if step.date is not None:
            earlier.append(step.date)
    return tuple(starts)

def route_timeline(assessment: Assessment, *, ax: Axes | None = None) -> Figure:
    """A Gantt-style chart of the CCF route with the planned trips laid over it.

    One row per route step, in the order of the assessment: a dot where the step has a
    date, a bar up to its deadline, with each date written next to it. Estimated dates are
    hollow and dashed. Each planned trip is a vertical line in the colour of its arrest risk,
    so a trip that falls before a decision can be expected is visible at a glance.

    Args:
        assessment: what :func:`diffusion_scenarios.assess` returned.
        ax: draw into this Axes instead of a new figure.

    Returns:
        The matplotlib Figure.

    Example:
        >>> import diffusion_scenarios as ds
        >>> assessment = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
        >>> figure = route_timeline(assessment)
        >>> figure.axes[0].get_title(loc="left").startswith("CCF route")
        True
    """
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    steps = assessment.route
    height = max(3.6, 0.42 * len(steps) + 2.4)
    figure, axes = _new_axes(ax, (11.0, height))

    dates: list[_dt.date] = [assessment.as_of]
    for step in steps:
        dates.extend(d for d in (step.date, step.deadline) if d is not None)
    dates.extend(trip.date for trip in assessment.travel)
    start, end = min(dates), max(dates)
    span = max((end - start).days, 30)
    left = start - _dt.timedelta(days=round(span * 0.04) + 2)
    right = end + _dt.timedelta(days=round(span * 0.22) + 10)
    route_start = min(
        (d for step in steps for d in (step.date, step.deadline) if d is not None),
        default=assessment.as_of,
    )

    # With trips, the top row (y = 0) holds their markers and the steps start below it.
    first = 1.4 if assessment.travel else 0.0
    positions: list[float] = []
    labels: list[str] = []
    bar_starts = deadline_bar_starts(steps)
    for index, step in enumerate(steps):
        y = first + index
        positions.append(y)
        name = step.step.replace("_", " ")
        labels.append(f"{name} (estimated)" if step.estimated else name)
        line_style = "--" if step.estimated else "-"
        colour = PALETTE["estimated"] if step.estimated else PALETTE["deadline"]
        if step.deadline is not None:
            begin = bar_starts[index] or route_start
            axes.barh(
                y,
                max((step.deadline - begin).days, 1),
                left=_as_number(begin),
                height=0.42,
                color=colour,
                alpha=0.25 if step.date is None else 0.45,
                edgecolor=colour,
                linestyle=line_style,
                linewidth=1.2,
                hatch="//" if step.estimated else "",
                gid=f"deadline-{step.step}",
            )
            axes.plot(
                [_as_number(step.deadline)],
                [y],
                marker="|",
                markersize=16,
                markeredgewidth=2.5,
                color=colour,
                gid=f"deadline-mark-{step.step}",
            )
        if step.date is not None:
            axes.plot(
                [_as_number(step.date)],
                [y],
                marker="o",
                markersize=8,
                markerfacecolor="#FFFFFF" if step.estimated else colour,
                markeredgecolor=colour,
                markeredgewidth=1.6,
                linestyle="none",
                gid=f"date-{step.step}",
            )
        parts = []
        if step.date is not None:
            parts.append(f"{'≈ ' if step.estimated else ''}{step.date.isoformat()}")
        if step.deadline is not None:
            parts.append(f"due by {step.deadline.isoformat()}")
        if not parts:
            parts.append(
                "no fixed date" + (f": {_short(step.description, 80)}" if step.description else "")
            )
        anchor = max(d for d in (step.date, step.deadline, route_start) if d is not None)
        axes.text(
            _as_number(anchor) + span * 0.02,
            y,
            "; ".join(parts),
            va="center",
            fontsize=8,
            color="#222222",
            style="italic" if step.estimated else "normal",
            bbox={"facecolor": "#FFFFFF", "edgecolor": "none", "alpha": 0.85, "pad": 1.0},
            gid=f"text-{step.step}",
        )

    # The legend explains only the marks this chart actually uses.
    marks: list[tuple[bool, Any]] = [
        (
            any(st.date is not None and not st.estimated for st in steps),
            Line2D([], [], marker="o", color=PALETTE["deadline"], linestyle="none", label="date"),
        ),
        (
            any(st.date is not None and st.estimated for st in steps),
            Line2D(
                [],
                [],
                marker="o",
                markerfacecolor="#FFFFFF",
                color=PALETTE["estimated"],
                linestyle="none",
                label="estimated date",
            ),
        ),
        (
            any(st.deadline is not None and not st.estimated for st in steps),
            Patch(
                facecolor=PALETTE["deadline"], alpha=0.45, label="time limit (bar ends at due date)"
            ),
        ),
        (
            any(st.deadline is not None and st.estimated for st in steps),
            Patch(
                facecolor=PALETTE["estimated"],
                alpha=0.45,
                hatch="//",
                linestyle="--",
                label="time limit from an estimated date",
            ),
        ),
    ]
    handles: list[Any] = [handle for used_here, handle in marks if used_here]
    axes.axvline(
        _as_number(assessment.as_of),
        color=PALETTE["assessed"],
        linestyle=":",
        linewidth=1.2,
        gid="as-of",
    )
    handles.append(
        Line2D(
            [],
            [],
            color=PALETTE["assessed"],
            linestyle=":",
            label=f"assessed on {assessment.as_of.isoformat()}",
        )
    )
    risks_shown: set[str] = set()
    for number, trip in enumerate(sorted(assessment.travel, key=lambda t: (t.date, t.country))):
        risk = trip.arrest_risk if trip.arrest_risk in ARREST_RISKS else "none"
        colour = PALETTE[f"recipient_{risk}"]
        x = _as_number(trip.date)
        axes.axvline(x, color=colour, linewidth=2.0, alpha=0.9, gid=f"trip-{trip.country}")
        axes.plot(
            [x],
            [0.0],
            marker="v",
            markersize=11,
            color=colour,
            markeredgecolor="#000000",
            linestyle="none",
            gid=f"trip-marker-{trip.country}",
        )
        # Labels of trips in the right part of the chart run leftwards, clear of the legend.
        leftwards = (trip.date - left).days > 0.6 * (right - left).days
        axes.text(
            x - span * 0.006 if leftwards else x + span * 0.006,
            (-0.42, 0.42, 0.0)[number % 3],
            f"{trip.country} {trip.date.isoformat()}: {_RISK_WORDS[risk]}"
            f"{'' if trip.notice_active else ' (no longer active)'}",
            rotation=0,
            ha="right" if leftwards else "left",
            va="center",
            fontsize=7.5,
            gid=f"trip-text-{trip.country}",
        )
        risks_shown.add(risk)
    for risk in ARREST_RISKS:
        if risk in risks_shown:
            handles.append(
                Line2D(
                    [],
                    [],
                    color=PALETTE[f"recipient_{risk}"],
                    marker="v",
                    markeredgecolor="#000000",
                    linewidth=2,
                    label=f"planned trip: {_RISK_WORDS[risk]}",
                )
            )

    if assessment.travel:
        positions.insert(0, 0.0)
        labels.insert(0, "planned trips")
    axes.set_yticks(positions, labels=labels, fontsize=9)
    axes.set_ylim(first + len(steps) - 0.4, -0.8)
    axes.set_xlim(_as_number(left), _as_number(right))
    locator = AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    formatter = ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(formatter)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if not steps:
        axes.text(
            0.5,
            0.5,
            "No CCF route steps in this assessment.",
            transform=axes.transAxes,
            ha="center",
        )
    axes.set_title(
        f"CCF route and planned trips, as assessed on {assessment.as_of.isoformat()}\n"
        f"{_short(assessment.title or assessment.scenario_id, 100)}",
        loc="left",
        fontsize=11,
        fontweight="bold",
    )
    axes.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=7.5,
        frameon=False,
    )
    return figure


def _citation_note(assessment: Assessment, rule_id: str) -> tuple[str, bool]:
    verification = assessment.verification(rule_id)
    return f"{rule_id} ({verification})", verification not in ("primary", "secondary")


def grounds_chart(assessment: Assessment, *, ax: Axes | None = None) -> Figure:
    """The grounds for deletion as ordered bars: strong, arguable, weak.

    Each bar is labelled with the ground, the rule ids it rests on and the verification
    status of each rule's source; a ground resting on an unverified rule is flagged
    ``UNVERIFIED`` in reddish purple, never shown as settled law.

    Args:
        assessment: what :func:`diffusion_scenarios.assess` returned.
        ax: draw into this Axes instead of a new figure.

    Returns:
        The matplotlib Figure.

    Example:
        >>> import diffusion_scenarios as ds
        >>> assessment = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
        >>> figure = grounds_chart(assessment)
        >>> figure.axes[0].get_xlabel()
        'strength of the ground for deletion'
    """
    from matplotlib.patches import Patch

    order = {strength: rank for rank, strength in enumerate(STRENGTHS)}
    grounds = sorted(
        assessment.grounds,
        key=lambda g: (order.get(g.strength, len(STRENGTHS)), g.id),
    )
    citation_lines = sum(
        1 + len(", ".join(g.citations)) // 60 for g in grounds
    )  # rough: the labels wrap their rule ids
    height = max(3.0, 0.42 * len(grounds) + 0.2 * citation_lines + 1.8)
    figure, axes = _new_axes(ax, (10.0, height))
    level = {strength: len(STRENGTHS) - rank for rank, strength in enumerate(STRENGTHS)}

    labels: list[str] = []
    flagged: list[bool] = []
    for index, ground in enumerate(grounds):
        notes = [_citation_note(assessment, rule_id) for rule_id in ground.citations]
        unverified = any(flag for _, flag in notes)
        name = ground.label or ground.id.replace("_", " ")
        cited = ", ".join(text for text, _ in notes) or "no rule cited"
        labels.append(
            textwrap.fill(_short(name, 110), width=55)
            + f"{'  ⚠ UNVERIFIED' if unverified else ''}\n"
            + textwrap.fill(cited, width=72, break_on_hyphens=False)
        )
        flagged.append(unverified)
        strength = ground.strength if ground.strength in level else "weak"
        axes.barh(
            index,
            level[strength],
            color=PALETTE[strength],
            edgecolor=PALETTE["unverified"] if unverified else "#333333",
            linewidth=2.0 if unverified else 0.8,
            linestyle="--" if unverified else "-",
            hatch=HATCHES.get(strength, ""),
            height=0.6,
            gid=f"ground-{ground.id}",
        )
        axes.text(
            level[strength] + 0.05,
            index,
            strength,
            va="center",
            fontsize=9,
            gid=f"strength-{ground.id}",
        )

    axes.set_yticks(range(len(grounds)), labels=labels, fontsize=8.5)
    for tick_label, unverified in zip(axes.get_yticklabels(), flagged, strict=True):
        if unverified:
            tick_label.set_color(PALETTE["unverified"])
    axes.set_xticks(
        [level[strength] for strength in reversed(STRENGTHS)], labels=list(reversed(STRENGTHS))
    )
    axes.set_xlim(0, len(STRENGTHS) + 0.8)
    axes.set_ylim(max(len(grounds), 1) - 0.4, -0.6)
    axes.set_xlabel("strength of the ground for deletion")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if not grounds:
        axes.set_yticks([])
        axes.text(
            0.5,
            0.5,
            "No ground for deletion applies on the facts given.",
            transform=axes.transAxes,
            ha="center",
            va="center",
            fontsize=10,
            gid="no-grounds",
        )
    axes.set_title(
        f"Grounds for deletion, as assessed on {assessment.as_of.isoformat()}\n"
        f"{_short(assessment.title or assessment.scenario_id, 90)}",
        loc="left",
        fontsize=11,
        fontweight="bold",
    )
    handles = [
        Patch(facecolor=PALETTE[s], hatch=HATCHES.get(s, ""), edgecolor="#333333", label=s)
        for s in STRENGTHS
    ]
    if any(flagged):
        handles.append(
            Patch(
                facecolor="#FFFFFF",
                edgecolor=PALETTE["unverified"],
                linestyle="--",
                linewidth=2,
                label="rests on an unverified rule",
            )
        )
    if grounds:
        axes.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=8,
            frameon=False,
        )
    return figure
