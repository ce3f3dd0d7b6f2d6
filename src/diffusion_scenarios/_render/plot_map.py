"""The circulation map: INTERPOL's members as a tile grid, coloured by what the request
means in each (see :func:`diffusion_scenarios.plots.circulation_map`).

Drawn with matplotlib's object-oriented API from the assessment alone, offline (the grid is
the package's own layout file) and deterministically. The helpers every figure shares (a new
figure's axes, free text made safe to draw) are here too.
"""

from __future__ import annotations

import datetime as _dt
import re
import textwrap
from collections.abc import Mapping, Sequence
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._law.data import read_csv_rows
from diffusion_scenarios._law.vocab import ARREST_RISKS, INTERPOL_REGIONS
from diffusion_scenarios._render.charts import (
    HATCHES,
    PALETTE,
    text_colour_on,
)
from diffusion_scenarios._render.wording import KIND_WORDS, RISK_PHRASES
from diffusion_scenarios.errors import ReferenceDataError, printable

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from diffusion_scenarios._engine.assessment import Assessment, EnforcementEntry
    from diffusion_scenarios._facts.scenario import Scenario

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


def new_axes(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
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


def short_text(text: str, width: int) -> str:
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
        return new_axes(ax, (width, height))
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
    world = region is None
    if not world:  # a narrower map: the subtitle on two lines, the title raised to make room
        subtitle = subtitle.replace(" Tile grid", "\nTile grid", 1)
    size = 8.5 if world else 8
    axes.text(0.0, 1.005, subtitle, transform=axes.transAxes, fontsize=size, va="bottom")
    # The world grid has empty sea in its lower left: the legend goes there (below a region).
    placed: dict[str, Any] = (
        {"loc": "lower left", "title": "Colour = role and arrest risk", "title_fontsize": 8.5}
        if world
        else {"loc": "upper left", "ncols": 2}
    )
    axes.legend(
        handles=handles,
        bbox_to_anchor=(0.0, 0.0),
        fontsize=8,
        frameon=False,
        alignment="left",
        **placed,
    )
