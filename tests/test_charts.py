"""Each chart is specified once: the printed figure and the explorer's SVG draw one layout.

These tests read the layouts of ``_render.charts`` and what the two drawers make of them.
"""

from __future__ import annotations

from typing import Any

import matplotlib
import pytest
from assessment_samples import sample_assessment

import diffusion_scenarios as ds
from diffusion_scenarios import plots
from diffusion_scenarios._render import svg_charts
from diffusion_scenarios._render.charts import grounds_layout, route_layout

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def builtin_assessments() -> dict[str, Any]:
    return {key: ds.assess(scenario) for key, scenario in ds.builtin_scenarios().items()}


def _shape(layout: Any) -> Any:
    """What a route layout draws, without its words."""
    return (
        layout.left,
        layout.right,
        [(la.step, la.date, la.deadline, la.bar_start, la.estimated) for la in layout.lanes],
        [(t.country, t.date, t.risk, t.colour) for t in layout.trips],
        [(entry.mark, entry.colour) for entry in layout.legend],
    )


def test_the_figure_and_the_explorer_draw_the_same_route_lanes_trips_and_axis(
    builtin_assessments: dict[str, Any],
) -> None:
    for key, assessment in builtin_assessments.items():
        figure = route_layout(assessment, plots._FIGURE_WORDS)
        screen = route_layout(assessment, svg_charts.SCREEN_WORDS)
        assert _shape(figure) == _shape(screen), key


def test_the_figure_and_the_explorer_draw_the_same_grounds_in_the_same_order(
    builtin_assessments: dict[str, Any],
) -> None:
    for key, assessment in builtin_assessments.items():
        figure = grounds_layout(assessment, plots._FIGURE_WORDS)
        screen = grounds_layout(assessment, svg_charts.SCREEN_WORDS)
        assert [(r.id, r.level, r.hatch, r.unverified) for r in figure.rows] == [
            (r.id, r.level, r.hatch, r.unverified) for r in screen.rows
        ], key
        assert [e.mark for e in figure.legend] == [e.mark for e in screen.legend], key


def test_an_estimated_time_limit_has_a_tilde_on_screen_and_is_italic_on_paper() -> None:
    assessment = sample_assessment()
    screen = route_layout(assessment, svg_charts.SCREEN_WORDS)
    figure = route_layout(assessment, plots._FIGURE_WORDS)
    estimated = [lane for lane in screen.lanes if lane.estimated and lane.deadline]
    assert estimated
    for lane in estimated:
        assert f"due by ≈ {lane.deadline}" in lane.words
    for lane in figure.lanes:
        if lane.deadline is not None:
            assert f"due by {lane.deadline}" in lane.words


def test_the_route_legend_names_only_the_marks_the_chart_uses() -> None:
    layout = route_layout(sample_assessment(), plots._FIGURE_WORDS)
    marks = [entry.mark for entry in layout.legend]
    # Every time limit in the sample counts from an estimated date.
    assert "deadline" not in marks and "estimated_deadline" in marks
    assert marks.index("assessed") < marks.index("trip")


def test_a_ground_resting_on_a_rule_missing_from_the_citations_is_flagged() -> None:
    assessment = sample_assessment()
    rows = grounds_layout(assessment, plots._FIGURE_WORDS).rows
    assert [row.level for row in rows] == sorted((row.level for row in rows), reverse=True)
    for row in rows:
        statuses = {status for _, status in row.citations}
        assert row.unverified == bool(statuses - {"primary", "secondary"})


def test_a_long_scenario_title_stays_inside_the_grounds_figure() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    assessment = ds.assess(ds.builtin_scenarios()["pre-2017-refugee-old-rules"])
    figure = plots.grounds_chart(assessment)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    title = figure.axes[0]._left_title  # the Text of get_title(loc="left")
    assert "2017 Statute" in title.get_text()
    extent = title.get_window_extent(canvas.get_renderer())
    assert extent.x1 <= figure.bbox.width
    assert extent.y1 <= figure.bbox.height
