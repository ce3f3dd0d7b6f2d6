"""The explorer's result tabs: one panel of HTML per tab (issuance, map, countries, trips,
grounds, route, outcome, precedents, changes), drawn from the assessment, and the printable
matplotlib figures of three of them, drawn on request."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from diffusion_scenarios._app.explorer.controls import dropdown, vocab_options
from diffusion_scenarios._app.panels import (
    circulation_html,
    enforcement_html,
    grounds_chart_svg,
    grounds_html,
    issuance_html,
    outcome_html,
    route_html,
    route_timeline_svg,
    tile_map_html,
    travel_html,
)
from diffusion_scenarios._app.precedents import precedents_html
from diffusion_scenarios._engine.assessment import Assessment
from diffusion_scenarios._law.vocab import INTERPOL_REGIONS

if TYPE_CHECKING:
    from diffusion_scenarios._app.explorer.explorer import ScenarioExplorer

# The tabs whose matplotlib figure can be drawn on request, by a "draw_<tab>" button.
FIGURES = ("map", "grounds", "route")

# Widget HTML inherits the tall line height of form controls; text reads better tighter.
_PANEL_OPEN = '<div style="line-height:1.45;font-size:13px">'


class Panel:
    """One result panel: HTML re-rendered whenever the facts it shows change.

    Every panel, charts included, is a string built from the assessment in a millisecond or
    two. Only the tab on screen is drawn at once; the others are drawn when their tab is
    chosen (a hidden tab's old drawing is cleared, so old facts are never shown), which
    keeps the page light to load and quick to update. The matplotlib figures are not
    panels: they are drawn only when asked for.
    """

    def __init__(
        self, title: str, render: Callable[[Assessment], str], key: Callable[[Assessment], Any]
    ) -> None:
        self.title = title
        self.text = w.HTML(layout=w.Layout(width="100%"))
        self._render = render
        self._key = key
        self._last: Any = object()

    def update(self, assessment: Assessment, *, force: bool = False, shown: bool = True) -> None:
        key = self._key(assessment)
        if not (force or key != self._last):
            return
        if shown or force:
            self._last = key
            self.text.value = _PANEL_OPEN + self._render(assessment) + "</div>"
        elif self.text.value:
            self._last = object()  # drawn when its tab is chosen
            self.text.value = ""


def build_figure_controls(controls: dict[str, Any]) -> None:
    """The map's region, and a button for each printable figure."""
    c = controls
    c["draw_map"] = w.Button(
        description="Draw the map as a figure",
        tooltip="Draw the printable map figure (takes a second or two)",
        layout=w.Layout(width="auto"),
    )
    c["draw_grounds"] = w.Button(
        description="Draw the grounds as a printable figure",
        tooltip="Draw the grounds chart as a matplotlib image (takes about half a second)",
        layout=w.Layout(width="auto"),
    )
    c["draw_route"] = w.Button(
        description="Draw the route as a printable figure",
        tooltip="Draw the route timeline as a matplotlib image (takes about half a second)",
        layout=w.Layout(width="auto"),
    )
    c["map_region"] = dropdown(
        "Map region", [("whole world", "all"), *vocab_options(INTERPOL_REGIONS)]
    )


def region(value: str) -> str | None:
    return None if value == "all" else value


def build_panels(explorer: ScenarioExplorer) -> dict[str, Panel]:
    """The result panels, by name, in the order of their tabs."""
    chosen = explorer.controls["map_region"]
    return {
        "issuance": Panel("Issuance", issuance_html, lambda a: (a.issuance, a.circulation)),
        "map": Panel(
            "Map",
            lambda a: tile_map_html(a, region(chosen.value)) + circulation_html(a),
            lambda a: (a.circulation, a.enforcement, a.travel, chosen.value),
        ),
        "enforcement": Panel(
            "Countries", enforcement_html, lambda a: (a.enforcement, a.circulation)
        ),
        "travel": Panel("Trips", travel_html, lambda a: a.travel),
        "grounds": Panel(
            "Grounds",
            lambda a: grounds_chart_svg(a) + grounds_html(a),
            lambda a: (a.grounds, a.depends_on, a.citations, a.title, a.scenario_id),
        ),
        "route": Panel(
            "Route",
            lambda a: route_timeline_svg(a) + route_html(a),
            lambda a: (a.route, a.citations, a.travel, a.as_of, a.title, a.scenario_id),
        ),
        "outcome": Panel("Outcome", outcome_html, lambda a: (a.outcome, a.trace, a.caveats)),
        "precedents": Panel(
            "Precedents", precedents_html, lambda a: (a.similar_decisions, a.scenario_id)
        ),
        "changes": Panel("Changes", explorer._changes_html, lambda a: explorer.changes),
    }


def result_pages(explorer: ScenarioExplorer) -> list[w.VBox]:
    """One page a tab: its panel, under the map's region and a figure's button."""
    c = explorer.controls
    pages = []
    for name, panel in explorer._panels.items():
        parts: list[Any] = [c["map_region"]] if name == "map" else []
        if name in FIGURES:
            parts += [c[f"draw_{name}"], explorer._figures[name]]
        parts.append(panel.text)
        pages.append(w.VBox(parts))
    return pages


def connect_figure_controls(explorer: ScenarioExplorer) -> None:
    c = explorer.controls
    c["map_region"].observe(lambda _: _on_region(explorer), names="value")
    for name in FIGURES:
        c[f"draw_{name}"].on_click(lambda _, name=name: _draw_figure(explorer, name))


def _on_region(explorer: ScenarioExplorer) -> None:
    explorer._map_figure.value = ""
    if hasattr(explorer, "assessment"):
        explorer._panels["map"].update(explorer.assessment)


# ------------------------------------------------------------------ printable figures


def _figure_html(figure: Any, alt: str) -> str:
    """A matplotlib figure as an inline PNG with alt text; the figure is closed after."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    try:
        figure.savefig(buffer, format="png", dpi=80)
    finally:
        plt.close(figure)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}" '
        'style="max-width:100%;height:auto">'
    )


def _map_figure(explorer: ScenarioExplorer) -> str:
    from diffusion_scenarios.plots import circulation_map

    assessment = explorer.assessment
    chosen = region(explorer.controls["map_region"].value)
    count = assessment.circulation.recipient_count
    alt = (
        f"Map of INTERPOL members: {count} received the request; colours show the "
        "arrest risk per country (the Enforcement tab lists the same as a table)."
    )
    return _figure_html(circulation_map(assessment, region=chosen), alt)


def _grounds_figure(explorer: ScenarioExplorer) -> str:
    from diffusion_scenarios.plots import grounds_chart

    alt = (
        "Printable chart of the grounds for deletion and their strength (the same as "
        "the chart and list below)."
    )
    return _figure_html(grounds_chart(explorer.assessment), alt)


def _route_figure(explorer: ScenarioExplorer) -> str:
    from diffusion_scenarios.plots import route_timeline

    alt = (
        "Printable timeline of the CCF route with its dates, deadlines and planned "
        "trips (the same as the timeline and table below)."
    )
    return _figure_html(route_timeline(explorer.assessment), alt)


_DRAW: dict[str, Callable[[ScenarioExplorer], str]] = {
    "map": _map_figure,
    "grounds": _grounds_figure,
    "route": _route_figure,
}


def _draw_figure(explorer: ScenarioExplorer, name: str) -> None:
    """Draw the printable figure of tab ``name`` for the current facts (and map region)."""
    explorer._figures[name].value = _DRAW[name](explorer)
