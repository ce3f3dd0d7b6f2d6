"""The largest scenario accepted (500 trips) still gives a complete, readable memo.

What a memo costs per trip is measured by ``benchmarks/bench_limits.py``; these tests check
what makes it proportional: the route chart draws hundreds of trips as one set of lines per
colour (not three artists each), every trip is still on it, and the Word memo's table of
trips, built a row at a time from one template, lists each trip.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from functools import cache

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios import plots, reports
from diffusion_scenarios._base.limits import MAX_TRIPS

COUNTRIES = ("FRA", "DEU", "ESP", "ITA", "NOR", "USA", "TUR", "ARE", "THA", "BRA")


@cache
def _assessed(count: int) -> ds.Assessment:
    base = ds.builtin_scenarios()["ccf-2019-u1"]
    start = base.notice.issued_on
    trips = tuple(
        ds.Trip(country=COUNTRIES[i % len(COUNTRIES)], date=start + dt.timedelta(days=1 + i))
        for i in range(count)
    )
    return ds.assess(
        dataclasses.replace(base, travel=trips, as_of=start + dt.timedelta(days=800))
    )


def test_the_route_chart_of_500_trips_shows_every_trip_with_a_bounded_number_of_artists() -> None:
    import matplotlib.pyplot as plt

    figure = plots.route_timeline(_assessed(MAX_TRIPS))
    try:
        axes = figure.axes[0]
        drawn = sum(
            len(collection.get_segments())
            for collection in axes.collections
            if (collection.get_gid() or "").startswith("trips-")
        )
        assert drawn == MAX_TRIPS  # each trip is a line on its date
        assert len(axes.lines) + len(axes.texts) + len(axes.collections) < 60
        note = [t.get_text() for t in axes.texts if t.get_gid() == "trips-note"]
        assert note and note[0].startswith(f"{MAX_TRIPS} planned trips")
    finally:
        plt.close(figure)


def test_a_chart_with_few_trips_still_labels_each_one() -> None:
    import matplotlib.pyplot as plt

    figure = plots.route_timeline(_assessed(plots.LABELLED_TRIPS))
    try:
        labels = [t for t in figure.axes[0].texts if (t.get_gid() or "").startswith("trip-text-")]
        assert len(labels) == plots.LABELLED_TRIPS
    finally:
        plt.close(figure)


def test_the_word_memo_of_500_trips_lists_each_trip_in_its_table() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(reports.render_bytes(_assessed(MAX_TRIPS), "docx")))
    trips_table = next(
        table for table in document.tables
        if [cell.text for cell in table.rows[0].cells][:2] == ["Date", "Country"]
    )  # fmt: skip
    assert len(trips_table.rows) == MAX_TRIPS + 1
    last = _assessed(MAX_TRIPS).travel[-1]
    assert trips_table.rows[-1].cells[0].text == last.date.isoformat()
    assert trips_table.rows[-1].cells[1].text.endswith(f"({last.country})")
