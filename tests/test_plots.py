"""The pictures show what the assessment says: who is coloured how, which dates, which flags.

Assertions read what is drawn (patch colours, tick labels, texts, legend entries), never pixels.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections import Counter
from typing import Any

import matplotlib
import pytest
from assessment_samples import (
    DELETION_DUE,
    FILED,
    HIGH,
    LOW,
    MEDIUM,
    NO_RISK,
    NOT_MEMBER,
    REQUESTING,
    TRIP_AFTER,
    TRIP_BEFORE,
    sample_assessment,
)
from matplotlib.colors import to_hex

import diffusion_scenarios as ds
from diffusion_scenarios import plots
from diffusion_scenarios._engine.assessment import EnforcementEntry, Ground
from diffusion_scenarios._law.countries import interpol_region, is_member, members, members_on

matplotlib.use("Agg")


def _patch(figure: Any, gid: str) -> Any:
    found = [p for p in figure.axes[0].patches if p.get_gid() == gid]
    assert len(found) == 1, f"expected one patch {gid!r}, found {len(found)}"
    return found[0]


def _facecolour(figure: Any, country: str) -> str:
    return to_hex(_patch(figure, f"tile-{country}").get_facecolor(), keep_alpha=False).upper()


def _texts(figure: Any) -> list[str]:
    axes = figure.axes[0]
    return [t.get_text() for t in axes.texts]


def _legend_texts(figure: Any) -> list[str]:
    legend = figure.axes[0].get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


@pytest.fixture(scope="module")
def sample() -> Any:
    return sample_assessment()


# --- the layout file -------------------------------------------------------------------


def test_tile_layout_has_every_interpol_member_exactly_once() -> None:
    codes = [tile.country for tile in plots.tile_layout()]
    assert len(codes) == len(set(codes)), Counter(codes).most_common(3)
    assert set(codes) == set(members())
    assert len(members_on(dt.date(2025, 1, 1))) == 196 == len(codes)


def test_tile_layout_tiles_never_overlap() -> None:
    cells = [(tile.row, tile.col) for tile in plots.tile_layout()]
    assert len(cells) == len(set(cells))
    assert all(row >= 0 and col >= 0 for row, col in cells)


def test_tile_layout_is_roughly_geographic() -> None:
    tiles = {tile.country: tile for tile in plots.tile_layout()}
    by_region: dict[str, list[int]] = {}
    for code, tile in tiles.items():
        by_region.setdefault(interpol_region(code), []).append(tile.col)
    # The Americas lie west of everything else; Asia and the Pacific mostly east.
    assert max(by_region["americas"]) < min(by_region["europe"])
    assert max(by_region["americas"]) < min(by_region["africa"])
    assert sorted(by_region["asia_south_pacific"])[4] > max(by_region["africa"])
    # A few neighbours a lawyer would check at a glance.
    assert tiles["USA"].row > tiles["CAN"].row
    assert tiles["FRA"].col < tiles["DEU"].col
    assert tiles["NOR"].row < tiles["ITA"].row
    assert tiles["ZAF"].row > tiles["EGY"].row
    assert tiles["NZL"].row > tiles["IDN"].row


# --- circulation map ---------------------------------------------------------------------


def test_map_colours_each_country_by_its_role_and_arrest_risk(sample: Any) -> None:
    figure = plots.circulation_map(sample)
    assert _facecolour(figure, REQUESTING) == plots.PALETTE["requesting"]
    for code in HIGH:
        assert _facecolour(figure, code) == plots.PALETTE["recipient_high"]
    assert _facecolour(figure, MEDIUM[0]) == plots.PALETTE["recipient_medium"]
    assert _facecolour(figure, LOW[0]) == plots.PALETTE["recipient_low"]
    assert _facecolour(figure, NO_RISK[0]) == plots.PALETTE["recipient_none"]
    assert _facecolour(figure, "BRA") == plots.PALETTE["non_recipient"]
    assert _facecolour(figure, NOT_MEMBER) == plots.PALETTE["not_member"]


def test_map_shows_a_country_that_had_not_yet_joined_as_not_a_member(sample: Any) -> None:
    palau = EnforcementEntry(
        country=NOT_MEMBER,
        received=False,
        arrest_risk="none",
        consequence="Did not receive it.",
        reasons=(),
        role="non_recipient",
    )
    before_palau_joined = dataclasses.replace(
        sample, as_of=dt.date(2023, 11, 1), enforcement=(*sample.enforcement, palau)
    )
    figure = plots.circulation_map(before_palau_joined)
    assert _facecolour(figure, NOT_MEMBER) == plots.PALETTE["not_member"]
    after = dataclasses.replace(before_palau_joined, as_of=dt.date(2024, 1, 1))
    assert _facecolour(plots.circulation_map(after), NOT_MEMBER) == plots.PALETTE["non_recipient"]


def test_map_labels_every_member_once(sample: Any) -> None:
    figure = plots.circulation_map(sample)
    labels = [
        t.get_text() for t in figure.axes[0].texts if (t.get_gid() or "").startswith("label-")
    ]
    assert sorted(labels) == sorted(tile.country for tile in plots.tile_layout())


def test_map_marks_risk_categories_by_hatch_as_well_as_colour(sample: Any) -> None:
    figure = plots.circulation_map(sample)
    hatches = {code: _patch(figure, f"hatch-{code}").get_hatch() for code in (*HIGH, *MEDIUM, *LOW)}
    assert len({hatches[HIGH[0]], hatches[MEDIUM[0]], hatches[LOW[0]]}) == 3
    assert all(hatches.values())


def test_map_outlines_the_destinations_of_planned_trips(sample: Any) -> None:
    figure = plots.circulation_map(sample)
    trip = _patch(figure, f"tile-{TRIP_BEFORE[0]}")
    other = _patch(figure, "tile-BRA")
    assert to_hex(trip.get_edgecolor()).upper() == plots.PALETTE["trip"]
    assert trip.get_linewidth() > other.get_linewidth()
    assert "destination of a planned trip" in _legend_texts(figure)


def test_map_legend_counts_each_role_shown(sample: Any) -> None:
    legend = _legend_texts(plots.circulation_map(sample))
    assert "requesting state (1)" in legend
    assert "recipient: high arrest risk (2)" in legend
    assert "recipient: no arrest expected (1)" in legend
    assert "did not receive it (189)" in legend
    assert "not an INTERPOL member that day (1)" in legend


def test_map_title_states_the_date_and_the_kind_of_request(sample: Any) -> None:
    axes = plots.circulation_map(sample).axes[0]
    title = axes.get_title(loc="left")
    assert "2025-03-01" in title
    assert "diffusion" in title
    assert any("not legal advice" in t for t in _texts(axes.figure))


def test_regional_map_shows_only_that_interpol_region(sample: Any) -> None:
    figure = plots.circulation_map(sample, region="europe")
    shown = {(p.get_gid() or "")[5:] for p in figure.axes[0].patches}
    shown.discard("")
    tile_codes = {code for code in shown if code in members()}
    assert tile_codes == {code for code in members() if interpol_region(code) == "europe"}
    assert "BRA" not in shown
    assert "Europe" in figure.axes[0].get_title(loc="left")


def test_regional_map_rejects_a_region_that_is_not_interpols(sample: Any) -> None:
    with pytest.raises(ValueError, match=r"region: expected one of africa, .* found 'eu'"):
        plots.circulation_map(sample, region="eu")


def test_map_draws_into_a_given_axes(sample: Any) -> None:
    from matplotlib.figure import Figure

    outer = Figure()
    axes = outer.add_subplot()
    assert plots.circulation_map(sample, ax=axes) is outer
    assert len(axes.patches) > 196


def test_figures_leave_no_pyplot_state_behind(sample: Any) -> None:
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    plots.circulation_map(sample)
    plots.route_timeline(sample)
    plots.grounds_chart(sample)
    assert plt.get_fignums() == before


def test_figures_are_deterministic(sample: Any) -> None:
    def png(function: Any) -> bytes:
        buffer = io.BytesIO()
        function(sample).savefig(buffer, format="png", dpi=40)
        return buffer.getvalue()

    for function in (plots.circulation_map, plots.route_timeline, plots.grounds_chart):
        assert png(function) == png(function)


# --- route timeline ----------------------------------------------------------------------


def test_timeline_has_one_row_per_route_step_and_one_for_trips(sample: Any) -> None:
    axes = plots.route_timeline(sample).axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels[0] == "planned trips"
    assert labels[1:] == [
        "filing",
        "admissibility (estimated)",
        "provisional measures",
        "access decision due (estimated)",
        "deletion decision due (estimated)",
        "revision window",
    ]


def test_timeline_writes_the_dates_and_marks_estimates(sample: Any) -> None:
    figure = plots.route_timeline(sample)
    texts = " ".join(_texts(figure))
    assert FILED.isoformat() in texts
    assert f"due by {DELETION_DUE.isoformat()}" in texts
    assert "≈ 2025-03-03" in texts  # the estimated admissibility date
    assert "no fixed date: Six months from discovering a new fact." in texts
    estimated_bar = _patch(figure, "deadline-deletion_decision_due")
    assert estimated_bar.get_linestyle() == "--"
    filing_dot = next(line for line in figure.axes[0].lines if line.get_gid() == "date-filing")
    admissibility_dot = next(
        line for line in figure.axes[0].lines if line.get_gid() == "date-admissibility"
    )
    assert to_hex(filing_dot.get_markerfacecolor()).upper() == plots.PALETTE["deadline"]
    assert to_hex(admissibility_dot.get_markerfacecolor()).upper() == "#FFFFFF"


def test_timeline_overlays_each_trip_in_the_colour_of_its_arrest_risk(sample: Any) -> None:
    figure = plots.route_timeline(sample)
    lines = {line.get_gid(): line for line in figure.axes[0].lines}
    before = lines[f"trip-marker-{TRIP_BEFORE[0]}"]
    after = lines[f"trip-marker-{TRIP_AFTER[0]}"]
    assert to_hex(before.get_color()).upper() == plots.PALETTE["recipient_high"]
    assert to_hex(after.get_color()).upper() == plots.PALETTE["recipient_none"]
    # The first trip falls before the deletion deadline, the second after it.
    deadline_x = plots._as_number(DELETION_DUE)
    assert before.get_xdata()[0] < deadline_x < after.get_xdata()[0]
    texts = _texts(figure)
    assert f"{TRIP_BEFORE[0]} {TRIP_BEFORE[1].isoformat()}: high arrest risk" in texts
    assert "planned trip: high arrest risk" in _legend_texts(figure)


def test_timeline_without_trips_has_no_trip_row(sample: Any) -> None:
    quiet = dataclasses.replace(sample, travel=())
    axes = plots.route_timeline(quiet).axes[0]
    assert "planned trips" not in [t.get_text() for t in axes.get_yticklabels()]
    assert not [line for line in axes.lines if (line.get_gid() or "").startswith("trip")]


# --- grounds chart -----------------------------------------------------------------------


def test_grounds_are_ordered_strong_to_weak_with_their_colours(sample: Any) -> None:
    figure = plots.grounds_chart(sample)
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels[0].startswith("Private commercial dispute")
    assert labels[1].startswith("penalty threshold")
    assert labels[2].startswith("Predominantly political character")
    strong = _patch(figure, "ground-private_dispute")
    weak = _patch(figure, "ground-article3_political")
    assert to_hex(strong.get_facecolor()).upper() == plots.PALETTE["strong"]
    assert strong.get_width() > _patch(figure, "ground-penalty_threshold").get_width()
    assert _patch(figure, "ground-penalty_threshold").get_width() > weak.get_width()


def test_grounds_show_citations_with_their_verification_and_flag_unverified(
    sample: Any,
) -> None:
    axes = plots.grounds_chart(sample).axes[0]
    ticks = {t.get_text().split("\n")[0]: t for t in axes.get_yticklabels()}
    political = ticks["Predominantly political character  ⚠ UNVERIFIED"]
    assert "rpd-34-3 (unverified)" in political.get_text()
    assert "constitution-3 (primary)" in political.get_text()
    assert to_hex(political.get_color()).upper() == plots.PALETTE["unverified"]
    private = ticks["Private commercial dispute"]
    assert "rpd-83-1-a-i (secondary)" in private.get_text()
    assert "UNVERIFIED" not in private.get_text()
    assert "rests on an unverified rule" in _legend_texts(axes.figure)


def test_grounds_chart_says_so_when_no_ground_applies() -> None:
    figure = plots.grounds_chart(sample_assessment(grounds=()))
    assert "No ground for deletion applies on the facts given." in _texts(figure)


def test_grounds_chart_flags_a_citation_missing_from_the_list() -> None:
    orphan = Ground(id="fair_trial", strength="arguable", citations=("nowhere-1",), reasons=())
    axes = plots.grounds_chart(sample_assessment(grounds=(orphan,))).axes[0]
    assert "nowhere-1 (not in citations)" in axes.get_yticklabels()[0].get_text()


# --- every built-in scenario, through the engine -------------------------------------------


@pytest.fixture(scope="module")
def builtin_assessments() -> dict[str, Any]:
    return {key: ds.assess(scenario) for key, scenario in ds.builtin_scenarios().items()}


def test_every_builtin_map_colours_tiles_as_the_assessment_says(
    builtin_assessments: dict[str, Any],
) -> None:
    for key, assessment in builtin_assessments.items():
        figure = plots.circulation_map(assessment)
        entries = {entry.country: entry for entry in assessment.enforcement}
        requesting = assessment.scenario.notice.requesting_country
        assert _facecolour(figure, requesting) == plots.PALETTE["requesting"], key
        for tile in plots.tile_layout():
            category = plots.map_category(entries.get(tile.country))
            if category != "requesting" and not is_member(tile.country, assessment.as_of):
                category = "not_member"
            expected = plots.PALETTE[category]
            assert _facecolour(figure, tile.country) == expected, (key, tile.country)
        recipients = [text for text in _legend_texts(figure) if text.startswith("recipient")]
        shown = sum(int(text.rsplit("(", 1)[1].rstrip(")")) for text in recipients)
        assert shown == sum(
            1 for e in assessment.enforcement if plots.map_category(e).startswith("recipient")
        ), key
        assert assessment.as_of.isoformat() in figure.axes[0].get_title(loc="left")


def test_every_builtin_timeline_writes_each_step_and_trip(
    builtin_assessments: dict[str, Any],
) -> None:
    for key, assessment in builtin_assessments.items():
        figure = plots.route_timeline(assessment)
        texts = " ".join(_texts(figure))
        for step in assessment.route:
            if step.date is not None:
                assert step.date.isoformat() in texts, (key, step.step)
            if step.deadline is not None:
                assert f"due by {step.deadline.isoformat()}" in texts, (key, step.step)
        markers = [
            line
            for line in figure.axes[0].lines
            if (line.get_gid() or "").startswith("trip-marker-")
        ]
        assert len(markers) == len(assessment.travel), key


def test_every_builtin_grounds_chart_shows_each_ground_and_its_citations(
    builtin_assessments: dict[str, Any],
) -> None:
    for key, assessment in builtin_assessments.items():
        figure = plots.grounds_chart(assessment)
        bars = {p.get_gid() for p in figure.axes[0].patches}
        labels = " ".join(t.get_text() for t in figure.axes[0].get_yticklabels())
        for ground in assessment.grounds:
            assert f"ground-{ground.id}" in bars, (key, ground.id)
            for rule_id in ground.citations:
                assert rule_id in labels, (key, rule_id)


def test_every_builtin_regional_map_can_be_drawn(builtin_assessments: dict[str, Any]) -> None:
    assessment = next(iter(builtin_assessments.values()))
    for region in (
        "africa",
        "americas",
        "asia_south_pacific",
        "europe",
        "middle_east_north_africa",
    ):
        figure = plots.circulation_map(assessment, region=region)
        assert figure.axes[0].patches


def test_timeline_legend_explains_only_the_marks_it_uses(sample: Any) -> None:
    legend = _legend_texts(plots.route_timeline(sample))
    assert "date" in legend and "estimated date" in legend
    assert "time limit from an estimated date" in legend
    # Every deadline in the sample counts from an estimated admissibility date.
    assert "time limit (bar ends at due date)" not in legend


@pytest.mark.parametrize(
    "draw", [plots.circulation_map, plots.route_timeline, plots.grounds_chart],
    ids=["map", "route", "grounds"],
)
def test_a_figure_left_as_the_last_value_of_a_cell_shows_as_a_picture(draw: Any) -> None:
    # plt.show() shows nothing for a figure built without pyplot: the figure must display
    # itself when a notebook cell ends with it, whatever the backend.
    from IPython.core.formatters import DisplayFormatter
    from matplotlib.figure import Figure

    figure = draw(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]))
    assert isinstance(figure, Figure)  # still a matplotlib figure for existing code
    data, _ = DisplayFormatter().format(figure)
    assert data["image/png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert data["text/plain"].startswith("Picture: ") and "<Figure size" not in data["text/plain"]
    assert "2019-06-30" in data["text/plain"]  # the description is read from the titles
