"""The explorer's grounds chart and route timeline as inline SVG, drawn by the browser.

They show what :func:`diffusion_scenarios.plots.grounds_chart` and
:func:`~diffusion_scenarios.plots.route_timeline` show, from the same layouts
(:mod:`diffusion_scenarios._render.charts`) and in the same palette, built as a string in
about a millisecond (a matplotlib figure takes about half a second); those figures stay
available as printable images on request.
"""

from __future__ import annotations

import datetime as _dt
import textwrap
from collections.abc import Iterable
from html import escape
from itertools import count

from diffusion_scenarios._engine.assessment import Assessment
from diffusion_scenarios._render.charts import (
    PALETTE,
    GroundRow,
    LegendEntry,
    RouteLane,
    RouteLayout,
    TripMark,
    characters_in,
    chart_words,
    grounds_layout,
    route_layout,
    text_width,
)
from diffusion_scenarios._render.plain import country
from diffusion_scenarios._render.wording import RISK_PHRASES as _RISK_PHRASES

__all__ = ["SCREEN_WORDS", "grounds_chart_svg", "route_timeline_svg"]

# ------------------------------------------------------------------ native charts (SVG)
#
# The explorer's grounds chart and route timeline, drawn by the browser from an SVG string
# built here in about a millisecond (a matplotlib figure takes about half a second). They
# show what plots.grounds_chart and plots.route_timeline show, in the same palette; those
# figures stay available as printable images on request.

_SVG_FONT = "font-family:var(--jp-ui-font-family, sans-serif)"
_CHART_WIDTH = 760
_svg_ids = count()  # patterns need document-unique ids: two explorers can share a page


def _patterns(prefix: str) -> str:
    """Hatch patterns as in plots.HATCHES: arguable diagonal, weak horizontal, estimated."""
    return (
        "<defs>"
        f'<pattern id="{prefix}-arguable" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" '
        f'fill="{PALETTE["arguable"]}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1a1a1a" '
        'stroke-width="1.4"/></pattern>'
        f'<pattern id="{prefix}-weak" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{PALETTE["weak"]}"/><line x1="0" y1="3" x2="6" '
        'y2="3" stroke="#1a1a1a" stroke-width="1.2"/></pattern>'
        f'<pattern id="{prefix}-estimated" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{PALETTE["estimated"]}" '
        'stroke-width="1.6"/></pattern>'
        "</defs>"
    )


def _strength_fill(strength: str, prefix: str) -> str:
    return f"url(#{prefix}-{strength})" if strength in ("arguable", "weak") else PALETTE["strong"]


def _swatch(entry: LegendEntry, prefix: str) -> str:
    """The small picture of one legend entry of a chart layout."""
    colour = entry.colour
    inner = {
        "date": f'<circle cx="11" cy="7" r="5" fill="{colour}"/>',
        "estimated_date": f'<circle cx="11" cy="7" r="5" fill="#fff" stroke="{colour}" '
        'stroke-width="2"/>',
        "deadline": f'<rect x="1" y="2" width="20" height="10" fill="{colour}" '
        f'fill-opacity="0.45" stroke="{colour}"/>',
        "estimated_deadline": '<rect x="1" y="2" width="20" height="10" '
        f'fill="url(#{prefix}-estimated)" stroke="{colour}" stroke-dasharray="4 2"/>',
        "assessed": f'<line x1="11" y1="0" x2="11" y2="14" stroke="{colour}" '
        'stroke-width="1.4" stroke-dasharray="2 3"/>',
        "trip": f'<path d="M5,1 L17,1 L11,11 Z" fill="{colour}" stroke="#000"/>',
        "unverified": '<rect x="1.5" y="1.5" width="19" height="11" fill="#fff" '
        f'stroke="{colour}" stroke-width="2.5" stroke-dasharray="5 2"/>',
    }.get(
        entry.mark,
        '<rect x="1" y="1" width="20" height="12" '
        f'fill="{_strength_fill(entry.mark, prefix)}" stroke="#333"/>',
    )
    return (
        '<svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true" '
        f'style="vertical-align:-2px;margin-right:4px">{inner}</svg>'
    )


def _legend(entries: Iterable[LegendEntry], prefix: str) -> str:
    spans = "".join(
        '<span style="display:inline-flex;align-items:center;margin:0 12px 2px 0">'
        f"{_swatch(entry, prefix)}{escape(entry.label)}</span>"
        for entry in entries
    )
    return f'<div style="font-size:12px;margin:2px 0 6px 0;{_SVG_FONT}">{spans}</div>'


def _svg(label: str, height: float, prefix: str, body: str) -> str:
    return (
        f'<svg role="img" aria-label="{label}" viewBox="0 0 {_CHART_WIDTH} {height}" '
        f'width="100%" style="max-width:{_CHART_WIDTH}px;{_SVG_FONT};display:block" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{label}</title>{_patterns(prefix)}{body}</svg>'
    )


_GROUNDS_LABEL_X, _GROUNDS_BAR_X = 8, 486  # where the words and the bars start, in px


def grounds_chart_svg(assessment: Assessment) -> str:
    """The grounds for deletion as bars ordered strong, arguable, weak, as inline SVG.

    What :func:`diffusion_scenarios.plots.grounds_chart` shows (the same layout), drawn by
    the browser: each ground's label, a bar whose length, fill pattern and word give its
    strength, and the rule ids it rests on with the verification status of each source. A
    ground resting on an unverified rule is flagged ``⚠ UNVERIFIED`` in words and with a
    dashed purple edge. The whole chart is one image for screen readers, with a summary as
    its label.

    Example:
        >>> import diffusion_scenarios as ds
        >>> scenario = ds.builtin_scenarios()["diffusion-commercial-dispute-europe"]
        >>> chart = grounds_chart_svg(ds.assess(scenario))
        >>> "private_dispute" in chart and "strong" in chart
        True
    """
    layout = grounds_layout(assessment, SCREEN_WORDS)
    if layout.empty_note is not None:
        return (
            f'<p role="note" style="margin:4px 0">{layout.empty_note} '
            f"({escape(layout.subject)}), so there is nothing to chart.</p>"
        )
    prefix = f"ds-svg{next(_svg_ids)}"
    bar_length = 190
    rows: list[str] = []  # the banded backgrounds, under the strength axis
    bars: list[str] = []  # the words and bars, over it
    y = 30
    for row in layout.rows:
        top = y
        y, words = _svg_ground_words(row, y)
        length = bar_length * row.level / len(layout.ticks)
        bar_y = top + 6
        edge = (
            f'stroke="{PALETTE["unverified"]}" stroke-width="2.5" stroke-dasharray="6 3"'
            if row.unverified
            else 'stroke="#333" stroke-width="1"'
        )
        tooltip = f"{row.name}: {row.strength}. Rests on: " + "; ".join(
            f"{rule} ({status})" for rule, status in row.citations
        )
        rows.append(
            f'<rect x="0" y="{top}" width="{_CHART_WIDTH}" height="{y - top}" '
            f'fill="{"#f7f7f7" if len(rows) % 2 else "#ffffff"}"/>'
        )
        bars.append(
            f"<g><title>{escape(tooltip)}</title>{words}"
            f'<rect class="ds-bar" x="{_GROUNDS_BAR_X}" y="{bar_y}" width="{length:.1f}" '
            f'height="22" fill="{_strength_fill(row.strength, prefix)}" {edge}/>'
            f'<text x="{_GROUNDS_BAR_X + length + 6:.1f}" y="{bar_y + 16}" font-size="13" '
            f'font-weight="700">{escape(row.strength)}</text></g>'
        )
    height = y + 6
    axis = "".join(
        f'<line x1="{_GROUNDS_BAR_X + bar_length * level / len(layout.ticks):.1f}" y1="24" '
        f'x2="{_GROUNDS_BAR_X + bar_length * level / len(layout.ticks):.1f}" y2="{height}" '
        'stroke="#ddd"/>'
        f'<text x="{_GROUNDS_BAR_X + bar_length * level / len(layout.ticks):.1f}" y="18" '
        f'font-size="11" text-anchor="end" fill="#444">{escape(strength)}</text>'
        for level, strength in reversed(layout.ticks)
    )
    summary = "; ".join(
        f"{row.name} ({row.id}): {row.strength}"
        + (", rests on an UNVERIFIED rule" if row.unverified else "")
        for row in layout.rows
    )
    label = (
        f"Chart of the grounds for deletion, {escape(layout.subject)}: {escape(summary)}. "
        "Strongest first; the list below gives the reasons and rules."
    )
    body = (
        '<text x="8" y="18" font-size="12" fill="#444">Ground and the rules it rests on'
        f"</text>{''.join(rows)}{axis}{''.join(bars)}"
    )
    return _svg(label, height, prefix, body) + _legend(layout.legend, prefix)


def _svg_ground_words(row: GroundRow, y: int) -> tuple[int, str]:
    """A ground's name, id and cited rules in the label column, from ``y``; the new ``y``."""
    room = _GROUNDS_BAR_X - _GROUNDS_LABEL_X - 14
    texts = []
    for line in textwrap.wrap(
        row.name, width=characters_in(room, 13, bold=True), break_on_hyphens=False
    ) or [""]:
        y += 16
        texts.append(
            f'<text class="ds-label" x="{_GROUNDS_LABEL_X}" y="{y}" font-size="13" '
            f'font-weight="600">{escape(line)}</text>'
        )
    texts.append(
        f'<text class="ds-label" x="{_GROUNDS_LABEL_X}" y="{y + 15}" font-size="11" '
        f'fill="#333"><tspan font-family="monospace">{escape(row.id)}</tspan>'
        + (
            f' <tspan fill="{PALETTE["unverified"]}" font-weight="700">⚠ UNVERIFIED</tspan>'
            if row.unverified
            else ""
        )
        + "</text>"
    )
    y += 15
    # The cited rules, as many to a line as fit.
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for part, status in row.cited or (("no rule cited", ""),):
        if used and text_width(used + len(part) + 2, 11) > room:
            lines.append([])
            used = 0
        lines[-1].append((part, status))
        used += len(part) + 2
    for line_parts in lines:
        y += 14
        spans = "".join(
            (", " if index else "")
            + (
                f'<tspan fill="{PALETTE["unverified"]}" font-weight="700">'
                if status == "unverified"
                else "<tspan>"
            )
            + f"{escape(part)}</tspan>"
            for index, (part, status) in enumerate(line_parts)
        )
        texts.append(
            f'<text class="ds-label" x="{_GROUNDS_LABEL_X}" y="{y}" font-size="11" '
            f'fill="#333">{spans}</text>'
        )
    return y + 12, "".join(texts)


# The explorer's words on the charts (charts._LEGEND_WORDS sets them beside the figures').
SCREEN_WORDS = chart_words("screen", risks=_RISK_PHRASES)


def _month_ticks(start: _dt.date, end: _dt.date) -> list[_dt.date]:
    months = (end.year - start.year) * 12 + end.month - start.month
    step = next((s for limit, s in ((9, 1), (18, 2), (30, 3), (60, 6)) if months <= limit), 12)
    year, month = start.year, start.month
    ticks = []
    while (year, month) <= (end.year, end.month):
        if (month - 1) % step == 0:
            tick = _dt.date(year, month, 1)
            if start <= tick <= end:
                ticks.append(tick)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks


# A white outline behind text, so words stay legible where they cross a line.
_HALO = ' paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round"'


class _Scale:
    """The timeline's days as x positions in px, from the label column to the right edge."""

    def __init__(self, layout: RouteLayout) -> None:
        # The row labels' column is as wide as the longest step name ("(estimated)" goes on
        # a second line), so no name is cut at the left edge.
        longest = max((len(lane.name) for lane in layout.lanes), default=12)
        self.x0 = max(120.0, min(300.0, 16 + text_width(longest, 12)))
        self.x1 = float(_CHART_WIDTH - 12)
        self.left = layout.left
        self.days = (layout.right - layout.left).days

    def __call__(self, day: _dt.date) -> float:
        return self.x0 + (self.x1 - self.x0) * (day - self.left).days / self.days


def route_timeline_svg(assessment: Assessment) -> str:
    """The CCF route as a timeline with the planned trips laid over it, as inline SVG.

    What :func:`diffusion_scenarios.plots.route_timeline` shows (the same layout), drawn by
    the browser: one row per step of the route, a dot on its date and a bar up to its
    deadline, each date written beside it. Estimated dates are hollow dots, dashed hatched
    bars and ``≈``. Each planned trip is a vertical line in the colour of its arrest risk,
    labelled with the country, date and risk in words, so a trip before a decision can be
    expected shows at a glance. The summary read out by screen readers names, for each
    trip, the route dates still ahead of it.

    Example:
        >>> import diffusion_scenarios as ds
        >>> a = ds.assess(ds.builtin_scenarios()["diffusion-commercial-dispute-europe"])
        >>> svg = route_timeline_svg(a)
        >>> "2025-05-12" in svg and "≈ 2025-02-20" in svg
        True
    """
    layout = route_layout(assessment, SCREEN_WORDS)
    prefix = f"ds-svg{next(_svg_ids)}"
    x = _Scale(layout)
    row_height = 30
    top = 12 + (16 * len(layout.trips) + 22 if layout.trips else 0)
    # Drawn in layers: row bands, then grid and vertical lines, then marks and words.
    bands: list[str] = []
    lines: list[str] = []
    parts: list[str] = []
    summary: list[str] = []
    for index, lane in enumerate(layout.lanes):
        y = top + index * row_height + row_height / 2
        if index % 2:
            bands.append(
                f'<rect x="0" y="{y - row_height / 2}" width="{_CHART_WIDTH}" '
                f'height="{row_height}" fill="#f5f5f5"/>'
            )
        part, text = _svg_lane(lane, x, y, prefix)
        parts.append(part)
        summary.append(f"{lane.name}{' (estimated)' if lane.estimated else ''}: {text}")
    bottom = top + len(layout.lanes) * row_height
    ticks = "".join(
        f'<line x1="{x(t):.1f}" y1="{top}" x2="{x(t):.1f}" y2="{bottom + 4}" stroke="#ddd"/>'
        f'<text x="{x(t):.1f}" y="{bottom + 16}" font-size="11" text-anchor="middle" '
        f'fill="#444">{t.strftime("%b %Y")}</text>'
        for t in _month_ticks(layout.left, layout.right)
    )
    as_of = x(layout.as_of)
    lines.append(
        f'<line x1="{as_of:.1f}" y1="{top}" x2="{as_of:.1f}" y2="{bottom + 20}" '
        f'stroke="{PALETTE["assessed"]}" stroke-width="1.4" stroke-dasharray="2 3"/>'
        f'<text x="{as_of:.1f}" y="{bottom + 31}" font-size="11" text-anchor="middle" '
        f'fill="{PALETTE["assessed"]}">assessed on {layout.as_of.isoformat()}</text>'
    )
    trip_words = []
    for number, trip in enumerate(layout.trips):
        where = country(trip.country, assessment.scenario)
        line, part, spoken = _svg_trip(trip, x(trip.date), 22 + 16 * number, bottom, where)
        lines.append(line)
        parts.append(part)
        trip_words.append(spoken)
    if layout.trips_label is not None:
        parts.append(
            f'<text x="{x.x0 - 8}" y="22" font-size="12" text-anchor="end" font-weight="600">'
            f"{layout.trips_label}</text>"
        )
    if layout.empty_note is not None:
        parts.append(
            f'<text x="{x.x0 + 4}" y="{top + 16}" font-size="12">{layout.empty_note}</text>'
        )
        bottom += 24
    label = (
        f"Timeline of the CCF route, {layout.subject}, as assessed on "
        f"{layout.as_of.isoformat()}: "
        + "; ".join(summary)
        + (". Planned " + "; ".join(trip_words) if trip_words else "")
        + "."
    )
    body = f"{''.join(bands)}{ticks}{''.join(lines)}{''.join(parts)}"
    return _svg(escape(label), bottom + 38, prefix, body) + _legend(layout.legend, prefix)


def _svg_lane(lane: RouteLane, x: _Scale, y: float, prefix: str) -> tuple[str, str]:
    """One lane of the timeline: its name, bar, dot and words; and the words alone."""
    italic = ' font-style="italic"' if lane.estimated else ""
    if lane.estimated:
        name = (
            f'<text class="ds-label" x="{x.x0 - 8}" y="{y - 1}" font-size="12" '
            f'text-anchor="end"{italic}>{escape(lane.name)}</text>'
            f'<text class="ds-label" x="{x.x0 - 8}" y="{y + 11}" font-size="10" '
            f'text-anchor="end" fill="#444"{italic}>(estimated)</text>'
        )
    else:
        name = (
            f'<text class="ds-label" x="{x.x0 - 8}" y="{y + 4}" font-size="12" '
            f'text-anchor="end">{escape(lane.name)}</text>'
        )
    marks = []
    if lane.deadline is not None and lane.bar_start is not None:
        fill = f"url(#{prefix}-estimated)" if lane.estimated else lane.colour
        dash = ' stroke-dasharray="5 3"' if lane.estimated else ""
        width = max(x(lane.deadline) - x(lane.bar_start), 2.0)
        marks.append(
            f'<rect x="{x(lane.bar_start):.1f}" y="{y - 7}" width="{width:.1f}" height="14" '
            f'fill="{fill}" fill-opacity="{1 if lane.estimated else 0.45}" '
            f'stroke="{lane.colour}" stroke-width="1.4"{dash}/>'
            f'<line x1="{x(lane.deadline):.1f}" y1="{y - 11}" x2="{x(lane.deadline):.1f}" '
            f'y2="{y + 11}" stroke="{lane.colour}" stroke-width="3"/>'
        )
    if lane.date is not None:
        marks.append(
            f'<circle cx="{x(lane.date):.1f}" cy="{y}" r="5.5" stroke="{lane.colour}" '
            f'stroke-width="2" fill="{"#ffffff" if lane.estimated else lane.colour}"/>'
        )
    text = lane.text(max(characters_in(_CHART_WIDTH - x.x0 - 8, 11) - len("no fixed date: "), 10))
    if lane.text_anchor is not None and lane.text_start is not None:
        needed = text_width(text, 11)
        if x(lane.text_anchor) + 9 + needed <= _CHART_WIDTH:
            where = f'x="{x(lane.text_anchor) + 9:.1f}"'
        elif x(lane.text_start) - 9 - needed >= x.x0:
            where = f'x="{x(lane.text_start) - 9:.1f}" text-anchor="end"'
        else:  # no room either side: on the bar, over a white band
            on_bar = min(x(lane.text_start) + 6, _CHART_WIDTH - 4 - needed)
            where = f'x="{on_bar:.1f}"'
            marks.append(
                f'<rect x="{on_bar - 3:.1f}" y="{y - 7}" width="{needed + 6:.1f}" '
                'height="14" fill="#ffffff" fill-opacity="0.9"/>'
            )
    else:
        where = f'x="{x.x0 + 4}" fill="#555"'
    part = (
        f"{name}<g><title>{escape(lane.name)}: {escape(text)}. {escape(lane.description)} "
        f"Rules: {escape(', '.join(lane.citations))}</title>{''.join(marks)}"
        f'<text {where} y="{y + 4}" font-size="11"{_HALO}'
        f"{italic}>{escape(text)}</text></g>"
    )
    return part, text


def _svg_trip(
    trip: TripMark, tx: float, label_y: int, bottom: int, where: str = ""
) -> tuple[str, str, str]:
    """A planned trip's line (under the marks), its marker and label, and its spoken words."""
    needed = text_width(trip.label, 11, bold=True)
    if tx + 8 + needed <= _CHART_WIDTH - 4:
        place = f'x="{tx + 8:.1f}"'
    elif tx - 8 - needed >= 4:
        place = f'x="{tx - 8:.1f}" text-anchor="end"'
    else:  # no room on either side of the line: as far right as the whole label fits
        place = f'x="{max(4.0, _CHART_WIDTH - 4 - needed):.1f}"'
    inactive = "" if trip.status is None else f" ({trip.status})"
    when = (
        f"before {', '.join(trip.ahead)}" if trip.ahead else "after every dated step of the route"
    )
    spoken = (
        f"trip to {where or country(trip.country)} on {trip.date.isoformat()}, "
        f"{SCREEN_WORDS.risks[trip.risk]}{inactive}, {when}"
    )
    line = (
        f'<line x1="{tx:.1f}" y1="{label_y}" x2="{tx:.1f}" y2="{bottom}" stroke="#000" '
        'stroke-width="4" stroke-opacity="0.25"/>'
        f'<line x1="{tx:.1f}" y1="{label_y}" x2="{tx:.1f}" y2="{bottom}" stroke="{trip.colour}" '
        'stroke-width="2.5"/>'
    )
    part = (
        f"<g><title>{escape(spoken)}</title>"
        f'<path d="M{tx - 6:.1f},{label_y - 10} L{tx + 6:.1f},{label_y - 10} L{tx:.1f},'
        f'{label_y} Z" fill="{trip.colour}" stroke="#000"/>'
        f'<text {place} y="{label_y - 1}" font-size="11" font-weight="600"{_HALO}>'
        f"{escape(trip.label)}</text></g>"
    )
    return line, part, spoken
