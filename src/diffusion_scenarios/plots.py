"""Pictures of an assessment: where the request circulated, the CCF route, the grounds.

Every function here draws one :class:`~diffusion_scenarios.Assessment` and decides nothing:
the colours, dates and labels all come from the assessment. Figures are built with
matplotlib's object-oriented API (no ``pyplot`` state, never ``show()``), entirely offline
(the world map is a tile grid from the package's own layout file), and deterministically.
A figure drawn here is a plain matplotlib ``Figure`` that also shows itself as a picture when
it is the last value of a notebook cell (no ``plt.show()`` needed; see ``_render.figure``).

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
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._law.data import read_csv_rows
from diffusion_scenarios._law.vocab import ARREST_RISKS, INTERPOL_REGIONS
from diffusion_scenarios._render.charts import (
    HATCHES,
    PALETTE,
    GroundsLayout,
    LegendEntry,
    RouteLane,
    RouteLayout,
    TripMark,
    chart_words,
    deadline_bar_starts,
    grounds_layout,
    route_layout,
    text_colour_on,
)
from diffusion_scenarios._render.wording import KIND_WORDS, RISK_PHRASES
from diffusion_scenarios.errors import ReferenceDataError, printable

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from diffusion_scenarios._engine.assessment import Assessment, EnforcementEntry
    from diffusion_scenarios._facts.scenario import Scenario

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
    "tile_titles",
]

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

# The words of the printed route timeline and grounds chart (the explorer's differ a little).
_FIGURE_WORDS = chart_words("figure", risks=_RISK_WORDS)

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


def _kind(assessment: Assessment) -> str:
    return KIND_WORDS.get(assessment.issuance.kind, assessment.issuance.kind.replace("_", " "))


def _category_on_the_day(
    assessment: Assessment, entry: EnforcementEntry | None, country: str
) -> str:
    """:func:`tile_category`, with membership read from the assessment (not recomputed)."""
    category = map_category(entry)
    if category in {"not_member", "requesting"} or assessment.is_member(country):
        return category
    return "not_member"


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
    if region is not None and region not in INTERPOL_REGIONS:
        raise ValueError(
            f"region: expected one of {', '.join(INTERPOL_REGIONS)} (or None for the world), "
            f"found {region!r}"
        )
    tiles = tile_layout()
    if region is not None:
        from diffusion_scenarios._law.countries import interpol_region

        tiles = tuple(tile for tile in tiles if interpol_region(tile.country) == region)
    entries = {entry.country: entry for entry in assessment.enforcement}
    trip_countries = {trip.country for trip in assessment.travel}
    categories = {
        tile.country: _category_on_the_day(assessment, entries.get(tile.country), tile.country)
        for tile in tiles
    }
    figure, axes = _map_axes(ax, tiles, categories, trip_countries, regional=region is not None)
    used: dict[str, int] = {}
    for tile in tiles:
        category = categories[tile.country]
        used[category] = used.get(category, 0) + 1
        _draw_tile(
            axes, tile, category, on_trip=tile.country in trip_countries,
            font_size=7.0 if region is None else 9.0,
        )  # fmt: skip
    # A presumed high risk (an EU state with no finding of its own) is said in the legend.
    presumed = sum(
        1
        for tile in tiles
        if categories[tile.country] == "recipient_high"
        and entries[tile.country].basis == "regional_presumption"
    )
    handles = _map_handles(used, presumed, trips=bool(trip_countries & {t.country for t in tiles}))
    handles += _name_handles(assessment, tiles, categories, trip_countries)
    alt = _map_alt(assessment, tiles, categories, trip_countries, region)
    if hasattr(figure, "alt_text"):
        figure.alt_text = alt
    axes.set_xlim(min(t.col for t in tiles) - 0.2, max(t.col for t in tiles) + 1.2)
    axes.set_aspect("equal")
    axes.set_axis_off()
    axes.set_ylim(-max(t.row for t in tiles) - 0.3, -min(t.row for t in tiles) + 1.3)
    _map_titles(assessment, axes, region, handles)
    return figure


def _map_axes(
    ax: Axes | None,
    tiles: Sequence[Tile],
    categories: Mapping[str, str],
    trip_countries: set[str],
    *,
    regional: bool,
) -> tuple[Figure, Axes]:
    """A figure sized to the tiles (and, for a region, to its legend underneath)."""
    rows = max(tile.row for tile in tiles) - min(tile.row for tile in tiles) + 1
    cols = max(tile.col for tile in tiles) - min(tile.col for tile in tiles) + 1
    width = min(15.0, max(7.5, 0.5 * cols + 1.0))
    unit = (width - 0.3) / (cols + 1.4)  # inches per tile, as the equal aspect will draw it
    legend_height = 0.0
    if regional:  # the legend goes below a regional map, in two columns
        shown = {categories[tile.country] for tile in tiles}
        entries_in_legend = len(shown) + bool(trip_countries & {t.country for t in tiles})
        entries_in_legend += _NAMED_ON_MAP + 1  # at most, the codes spelled out
        legend_height = 0.25 * ((entries_in_legend + 1) // 2) + 0.35
    height = max(4.0, unit * (rows + 1.6) + 0.35 + legend_height)
    if ax is not None:
        return _new_axes(ax, (width, height))
    # Fixed margins instead of a layout engine: the engine would draw all 196 tiles an
    # extra time just to measure them, and the margins here are known in advance.
    from diffusion_scenarios._render.figure import ShownFigure

    figure: Figure = ShownFigure(figsize=(width, height))
    top = (0.8 if regional else 0.62) / height  # the title and the subtitle (two lines if regional)
    bottom = (legend_height + 0.05) / height
    axes = figure.add_axes((0.01, bottom, 0.98, 1.0 - top - bottom))
    axes.set_anchor("NW")
    return figure, axes


def _draw_tile(axes: Axes, tile: Tile, category: str, *, on_trip: bool, font_size: float) -> None:
    from matplotlib.patches import Rectangle

    colour = PALETTE[category]
    x, y = tile.col, -tile.row
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
    # add_artist, not add_patch: the limits are set by the caller, and recomputing them
    # for every tile would triple the drawing time.
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
                edgecolor=text_colour_on(colour) if category != "recipient_low" else "#555555",
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
        color=text_colour_on(colour),
        gid=f"label-{tile.country}",
        in_layout=False,
    )


def _name(alpha3: str, scenario: Scenario | None = None) -> str:
    """ "Kazakhstan" for "KAZ" (the code itself if the name is unknown); with the scenario, an
    assumed requesting state reads "State A (assumed: Kyrgyzstan)" (issue 25 point 7)."""
    from diffusion_scenarios._facts.naming import country_shown

    return country_shown(scenario, alpha3)


def _named(alpha3: str, scenario: Scenario | None = None) -> str:
    """ "Kazakhstan (KAZ)"; an assumed requesting state "State A (assumed: Kyrgyzstan, KGZ)"."""
    from diffusion_scenarios._facts.naming import country_shown

    return country_shown(scenario, alpha3, with_code=True)


_NAMED_ON_MAP = 6  # the legend names at most this many codes (it must fit in the sea)


def _name_handles(
    assessment: Assessment,
    tiles: Sequence[Tile],
    categories: Mapping[str, str],
    trip_countries: set[str],
) -> list[Any]:
    """Legend entries that spell out the codes that matter most: the requesting state, then
    planned-trip destinations, then recipients at high risk (at most six in all)."""
    from matplotlib.patches import Patch

    shown = {tile.country for tile in tiles}
    order: list[str] = []
    requesting = assessment.requesting_country
    if requesting in shown:
        order.append(requesting)
    order += [t.country for t in assessment.travel if t.country in shown]
    order += [c for c in sorted(shown) if categories[c] == "recipient_high"]
    named = list(dict.fromkeys(order))
    handles: list[Any] = []
    for code in named[:_NAMED_ON_MAP]:
        category = categories[code]
        role = _MAP_LABELS[category] + ("; planned trip" if code in trip_countries else "")
        handles.append(
            Patch(
                facecolor=PALETTE[category],
                edgecolor=PALETTE["trip"] if code in trip_countries else "#555555",
                linewidth=2.0 if code in trip_countries else 0.6,
                label=f"{code} = {_name(code, assessment.scenario)} ({role})",
            )
        )
    if len(named) > _NAMED_ON_MAP:
        more = len(named) - _NAMED_ON_MAP
        label = f"… and {more} more, all named in the picture's text description"
        handles.append(Patch(facecolor="none", edgecolor="none", label=label))
    return handles


def _listed(codes: Sequence[str], limit: int = 20, scenario: Scenario | None = None) -> str:
    names = [_named(code, scenario) for code in codes[:limit]]
    more = f" and {len(codes) - limit} more" if len(codes) > limit else ""
    return ", ".join(names) + more


def _map_alt(
    assessment: Assessment,
    tiles: Sequence[Tile],
    categories: Mapping[str, str],
    trip_countries: set[str],
    region: str | None,
) -> str:
    """The map in words, naming the countries (the picture's alt text)."""
    where = "the world" if region is None else region.replace("_", " ").title()
    requesting = assessment.requesting_country
    parts = [
        f"Tile map of {where}: one square per INTERPOL member, labelled with its code. "
        f"{_kind(assessment).capitalize()} requested by "
        + (_named(requesting, assessment.scenario) if requesting else "an unknown state")
        + "."
    ]
    for category, label in _MAP_LABELS.items():
        if category == "requesting":
            continue
        codes = sorted(tile.country for tile in tiles if categories[tile.country] == category)
        if not codes:
            continue
        if category in ("non_recipient", "not_member"):
            parts.append(f"{label.capitalize()}: {len(codes)} countries.")
        else:
            listed = _listed(codes, scenario=assessment.scenario)
            parts.append(f"{label.capitalize()} ({len(codes)}): {listed}.")
    trips = [t.country for t in assessment.travel if t.country in trip_countries]
    if trips:
        listed = _listed(list(dict.fromkeys(trips)), scenario=assessment.scenario)
        parts.append(f"Planned trips to: {listed}.")
    return " ".join(parts)


_TILE_GROUP = re.compile(r'<g id="tile-([A-Z]{3})">')


def tile_titles(svg: str, scenario: Scenario | None = None) -> str:
    """The map's SVG with each tile's country name as its ``<title>`` (a tooltip, and what a
    screen reader says for the square): ``<g id="tile-DEU"><title>Germany (DEU)</title>``.
    With the scenario, an assumed requesting state's tile says it is assumed."""
    return _TILE_GROUP.sub(
        lambda match: f"{match.group(0)}<title>{_named(match.group(1), scenario)}</title>",
        svg,
    )


def _map_handles(used: Mapping[str, int], presumed: int, *, trips: bool) -> list[Any]:
    """The map legend: each role shown, with how many tiles have it; then trips, if any."""
    from matplotlib.patches import Patch

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
    if trips:
        handles.append(
            Patch(
                facecolor="#FFFFFF",
                edgecolor=PALETTE["trip"],
                linewidth=2.4,
                label="destination of a planned trip",
            )
        )
    return handles


def _map_titles(
    assessment: Assessment, axes: Axes, region: str | None, handles: Sequence[Any]
) -> None:
    requesting = assessment.requesting_country
    kind = _kind(assessment)
    where = "the world" if region is None else region.replace("_", " ").title()
    axes.set_title(
        f"Where the {kind} circulated — {where}, as assessed on {assessment.as_of.isoformat()}",
        loc="left",
        fontsize=12,
        fontweight="bold",
        pad=20 if region is None else 30,
    )
    circulation = assessment.circulation
    subtitle = (
        f"{kind.capitalize()} requested by "
        f"{_named(requesting, assessment.scenario) if requesting else 'unknown'}; "
        f"{circulation.recipient_count} recipient countries; "
        f"{'public extract on the website' if circulation.public else 'not public'}. "
        "Tile grid, not to scale. Educational model, not legal advice."
    )
    if region is None:
        # The world grid has empty sea in its lower left: the legend goes there.
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
    else:  # a narrower map: the subtitle on two lines, the title raised to make room
        subtitle = subtitle.replace(" Tile grid", "\nTile grid", 1)
        axes.text(0.0, 1.005, subtitle, transform=axes.transAxes, fontsize=8, va="bottom")
        axes.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0.0, 0.0),
            ncols=2,
            fontsize=8,
            frameon=False,
            alignment="left",
        )


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
    figure, axes = _new_axes(ax, (11.0, height))
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
        _short(lane.text(80), 200),
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
    _frame(axes, f"{layout.title}\n{_short(layout.subject, 100)}", layout.legend, 7.5)


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
    figure, axes = _new_axes(ax, (10.0, height))
    labels: list[str] = []
    for index, row in enumerate(rows):
        labels.append(
            textwrap.fill(_short(row.name, 110), width=55)
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
    _frame(axes, f"{layout.title}\n{_short(layout.subject, 90)}", legend, 8)
