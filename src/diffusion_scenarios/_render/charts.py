"""One layout per chart: what the route timeline and the grounds chart show, decided once.

Each chart is specified here as a pure function from an
:class:`~diffusion_scenarios.Assessment` to a small frozen description: its rows in order,
their bars, marks and words, the trips laid over it, the legend entries it needs, its axis
range, title and colours. Two thin drawers draw the same description:
:func:`diffusion_scenarios.plots.route_timeline` / :func:`~diffusion_scenarios.plots.grounds_chart`
(a matplotlib figure, printed in memos) and ``_render.svg_charts.route_timeline_svg`` /
``grounds_chart_svg`` (inline SVG in the explorer). A drawer only decides *how* a mark looks in
its medium (line widths, opacity, pixel sizes); *what* is on the chart is decided here.

The two media word a few things differently; those differences sit side by side in one
table here, and each drawer passes its medium's :func:`chart_words`.

    >>> import diffusion_scenarios as ds
    >>> assessment = ds.assess(ds.builtin_scenarios()["diffusion-commercial-dispute-europe"])
    >>> from diffusion_scenarios.plots import _FIGURE_WORDS
    >>> layout = route_layout(assessment, _FIGURE_WORDS)
    >>> [lane.name for lane in layout.lanes][:2]
    ['access request', 'deletion request']
    >>> grounds_layout(assessment, _FIGURE_WORDS).rows[0].strength
    'strong'
"""

from __future__ import annotations

import datetime as _dt
import textwrap
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, cast

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._law.vocab import ARREST_RISKS, STRENGTHS

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment, Ground, RouteStep, TravelEntry

__all__ = [
    "HATCHES",
    "PALETTE",
    "ChartWords",
    "GroundRow",
    "GroundsLayout",
    "LegendEntry",
    "RouteLane",
    "RouteLayout",
    "TripMark",
    "characters_in",
    "chart_words",
    "deadline_bar_starts",
    "grounds_layout",
    "route_layout",
    "text_colour_on",
    "text_width",
    "trip_status",
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

# Greyscale-safe second channel: each map category and strength has its own hatch band.
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

# Widest likely advance per character, by font size in px (DejaVu Sans, the widest common
# default, bold where it is bold): text laid out with these never runs out of its box.
_ADVANCE: Mapping[tuple[int, bool], float] = MappingProxyType(
    {(11, False): 7.0, (11, True): 7.6, (12, False): 7.4, (13, True): 9.0}
)


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads on a ``#rrggbb`` background (relative luminance).

    Example:
        >>> text_colour_on("#000000"), text_colour_on("#F0E442")
        ('#ffffff', '#000000')
    """
    red, green, blue = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "#ffffff" if 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.45 else "#000000"


def text_width(text: str | int, size: int, *, bold: bool = False) -> float:
    """The widest a line of text (or that many characters) can be at a font size, in px.

    Example:
        >>> text_width("abc", 11)
        21.0
    """
    characters = text if isinstance(text, int) else len(text)
    return characters * _ADVANCE[(size, bold)]


def characters_in(width: float, size: int, *, bold: bool = False) -> int:
    """How many characters surely fit in ``width`` px at a font size (see :func:`text_width`).

    Example:
        >>> characters_in(70, 11)
        10
    """
    return int(width / _ADVANCE[(size, bold)])


Mark = Literal[
    "date", "estimated_date", "deadline", "estimated_deadline", "assessed", "trip",
    "strong", "arguable", "weak", "unverified",
]  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class ChartWords:
    """The words one medium uses on the charts; each drawer passes its own (:func:`chart_words`)."""

    risks: Mapping[str, str]  # arrest risk -> words, e.g. "high" -> "high arrest risk"
    approximate_deadline: bool  # write "≈" before an estimated due date
    legend: Mapping[Mark, str]  # {assessed} is the date assessed, {risk} a trip's risk words
    no_longer_active: str | None  # a trip when the alert is not live; None: say why
    cited_unverified: str  # one cited rule whose source is unverified: {rule}


Medium = Literal["figure", "screen"]

# The printed figure and the explorer's screen word a few marks differently, side by side
# here as (figure, screen): the screen's legend explains its hatches and "≈" in words.
_LEGEND_WORDS: Mapping[Mark, tuple[str, str]] = MappingProxyType(
    {
        "date": ("date", "date"),
        "estimated_date": ("estimated date", "≈ estimated date"),
        "deadline": ("time limit (bar ends at due date)", "time limit (bar ends at the due date)"),
        "estimated_deadline": (
            "time limit from an estimated date",
            "time limit counted from an estimated date (≈)",
        ),
        "assessed": ("assessed on {assessed}", "date assessed"),
        "trip": ("planned trip: {risk}", "planned trip: {risk}"),
        "strong": ("strong", "strong"),
        "arguable": ("arguable", "arguable (diagonal hatch)"),
        "weak": ("weak", "weak (horizontal hatch)"),
        "unverified": (
            "rests on an unverified rule",
            "⚠ UNVERIFIED: rests on a rule whose source was not found",
        ),
    }
)


def chart_words(medium: Medium, *, risks: Mapping[str, str]) -> ChartWords:
    """The chart words of the printed figure or of the explorer's screen.

    The figure writes an estimated limit ``due by 2025-05-12`` in italics where the screen
    writes ``due by ≈ 2025-05-12``; the screen says why a trip is under no live alert where
    the figure says "no longer active".

    Example:
        >>> chart_words("screen", risks={}).legend["estimated_date"]
        '≈ estimated date'
    """
    screen = medium == "screen"
    return ChartWords(
        risks=risks,
        approximate_deadline=screen,
        legend=MappingProxyType({mark: words[screen] for mark, words in _LEGEND_WORDS.items()}),
        no_longer_active=None if screen else "no longer active",
        cited_unverified="{rule} (⚠ UNVERIFIED)" if screen else "{rule} (unverified)",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class LegendEntry:
    """One entry of a chart's legend: the kind of mark, its colour and its words."""

    mark: Mark
    colour: str
    label: str


# ---------------------------------------------------------------- the route timeline


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteLane:
    """One row of the route timeline: a step, its dot, its time-limit bar and its words."""

    step: str  # the route step id, e.g. "deletion_decision_due"
    name: str  # its words, e.g. "deletion decision due"
    estimated: bool  # hollow dot, dashed hatched bar, italic words
    colour: str
    date: _dt.date | None  # the dot
    deadline: _dt.date | None  # the end of the bar and its tick
    bar_start: _dt.date | None  # where the bar starts (None: no bar)
    words: str  # e.g. "≈ 2025-03-03; due by 2025-05-12", or "" when the step has no date
    description: str  # shown, shortened to the room there is, when there is no date
    citations: tuple[str, ...]

    @property
    def text_start(self) -> _dt.date | None:
        """The earliest day the lane's marks cover (its dot or the start of its bar)."""
        return min((d for d in (self.date, self.bar_start) if d is not None), default=None)

    @property
    def text_anchor(self) -> _dt.date | None:
        """The latest day the lane's marks cover: its words start to the right of it."""
        return max((d for d in (self.date, self.deadline) if d is not None), default=None)

    def text(self, room: int) -> str:
        """The lane's words; a step without a date says so, its description cut to ``room``."""
        if self.words:
            return self.words
        more = textwrap.shorten(self.description, width=room, placeholder="…")
        return "no fixed date" + (f": {more}" if more else "")


@dataclass(frozen=True, slots=True, kw_only=True)
class TripMark:
    """A planned trip laid over the timeline: a line on its date in its risk's colour."""

    country: str
    date: _dt.date
    risk: str  # one of ARREST_RISKS
    colour: str
    label: str  # e.g. "FRA 2025-04-01: high arrest risk"
    status: str | None  # why no alert is live there that day (None: it is live)
    ahead: tuple[str, ...]  # the route dates still to come on that day, in words


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteLayout:
    """The route timeline of one assessment, ready to draw."""

    title: str
    subject: str  # the scenario's title (or id)
    as_of: _dt.date
    left: _dt.date  # the axis range
    right: _dt.date
    span_days: int  # the days between the first and last date shown (at least 30)
    route_start: _dt.date  # the first date of the route (the date assessed if it has none)
    lanes: tuple[RouteLane, ...]
    trips: tuple[TripMark, ...]
    trips_label: str | None  # the row of trip markers ("planned trips"), when there are trips
    legend: tuple[LegendEntry, ...]
    empty_note: str | None


def deadline_bar_starts(steps: Sequence[RouteStep]) -> tuple[_dt.date | None, ...]:
    """Where each route step's time-limit bar starts, in the order of ``steps``.

    A step with a deadline starts on its own date; one without its own date (a time limit
    counted from an earlier step) starts on the latest date of an earlier step that is not
    after the deadline, or else on the first date of the route. Steps without a deadline
    get ``None``.

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


def trip_status(assessment: Assessment, trip: object) -> str:
    """Whether an INTERPOL alert is live at a trip's destination that day, in words.

    One meaning of "active" everywhere: the data are on INTERPOL's files (from the day they
    circulate until they are deleted or withdrawn). A trip is under an alert when the data
    are on file that day *and* the destination received them; a member that was never sent
    a diffusion is "not sent there", whatever the date.

    Whether the data were on file that day is the assessment's (:meth:`Assessment.on_file`).
    """
    if getattr(trip, "notice_active", False):
        return "alert live there"
    day = getattr(trip, "date", None)
    if isinstance(day, _dt.date):
        state = assessment.on_file(day)
        if state == "not_yet":
            return "not yet on INTERPOL's files that day"
        if state == "no_longer":
            return "no longer on INTERPOL's files that day"
    return "not sent there"


def _lane(step: RouteStep, bar_start: _dt.date | None, words: ChartWords) -> RouteLane:
    approx = "≈ " if step.estimated else ""
    parts = []
    if step.date is not None:
        parts.append(f"{approx}{step.date.isoformat()}")
    if step.deadline is not None:
        due_approx = approx if words.approximate_deadline else ""
        parts.append(f"due by {due_approx}{step.deadline.isoformat()}")
    return RouteLane(
        step=step.step,
        name=step.step.replace("_", " "),
        estimated=step.estimated,
        colour=PALETTE["estimated"] if step.estimated else PALETTE["deadline"],
        date=step.date,
        deadline=step.deadline,
        bar_start=bar_start,
        words="; ".join(parts),
        description=step.description,
        citations=tuple(step.citations),
    )


def _trip(
    assessment: Assessment, trip: TravelEntry, steps: Sequence[RouteStep], words: ChartWords
) -> TripMark:
    risk = trip.arrest_risk if trip.arrest_risk in ARREST_RISKS else "none"
    status = None if trip.notice_active else trip_status(assessment, trip)
    said = words.no_longer_active or status
    return TripMark(
        country=trip.country,
        date=trip.date,
        risk=risk,
        colour=PALETTE[f"recipient_{risk}"],
        label=f"{trip.country} {trip.date.isoformat()}: {words.risks[risk]}"
        + (f" ({said})" if status is not None else ""),
        status=status,
        ahead=tuple(
            f"{s.step.replace('_', ' ')} ({'≈ ' if s.estimated else ''}{d.isoformat()})"
            for s in steps
            for d in (s.date or s.deadline,)
            if d is not None and d > trip.date
        ),
    )


def _route_legend(
    assessment: Assessment, lanes: Sequence[RouteLane], trips: Sequence[TripMark],
    words: ChartWords,
) -> tuple[LegendEntry, ...]:  # fmt: skip
    """The legend explains only the marks the chart uses, in this order."""
    dated = [lane for lane in lanes if lane.date is not None]
    limited = [lane for lane in lanes if lane.deadline is not None]
    uses: list[tuple[Mark, bool, str]] = [
        ("date", any(not lane.estimated for lane in dated), PALETTE["deadline"]),
        ("estimated_date", any(lane.estimated for lane in dated), PALETTE["estimated"]),
        ("deadline", any(not lane.estimated for lane in limited), PALETTE["deadline"]),
        ("estimated_deadline", any(lane.estimated for lane in limited), PALETTE["estimated"]),
        ("assessed", True, PALETTE["assessed"]),
    ]
    entries = [
        LegendEntry(
            mark=mark,
            colour=colour,
            label=words.legend[mark].format(assessed=assessment.as_of.isoformat()),
        )
        for mark, used, colour in uses
        if used
    ]
    risks = {trip.risk for trip in trips}
    entries.extend(
        LegendEntry(
            mark="trip",
            colour=PALETTE[f"recipient_{risk}"],
            label=words.legend["trip"].format(risk=words.risks[risk]),
        )
        for risk in ARREST_RISKS
        if risk in risks
    )
    return tuple(entries)


def route_layout(assessment: Assessment, words: ChartWords) -> RouteLayout:
    """The route timeline: one lane per route step in the assessment's order, trips over it.

    Each lane has a dot on its date and a bar up to its deadline (from
    :func:`deadline_bar_starts`), with its dates in words; estimated lanes are marked so.
    Each planned trip is a line on its date in the colour of its arrest risk. The axis runs
    from a little before the first date to room for words after the last.

    Example:
        >>> import diffusion_scenarios as ds
        >>> a = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
        >>> from diffusion_scenarios.plots import _FIGURE_WORDS
        >>> layout = route_layout(a, _FIGURE_WORDS)
        >>> layout.left < a.as_of < layout.right and not layout.trips
        True
    """
    steps = assessment.route
    dates: list[_dt.date] = [assessment.as_of]
    for step in steps:
        dates.extend(d for d in (step.date, step.deadline) if d is not None)
    dates.extend(trip.date for trip in assessment.travel)
    start, end = min(dates), max(dates)
    span = max((end - start).days, 30)
    lanes = tuple(
        _lane(step, bar_start, words)
        for step, bar_start in zip(steps, deadline_bar_starts(steps), strict=True)
    )
    trips = tuple(
        _trip(assessment, trip, steps, words)
        for trip in sorted(assessment.travel, key=lambda t: (t.date, t.country))
    )
    subject = assessment.title or assessment.scenario_id
    return RouteLayout(
        title=f"CCF route and planned trips, as assessed on {assessment.as_of.isoformat()}",
        subject=subject,
        as_of=assessment.as_of,
        left=start - _dt.timedelta(days=round(span * 0.04) + 2),
        right=end + _dt.timedelta(days=round(span * 0.22) + 10),
        span_days=span,
        route_start=min(
            (d for step in steps for d in (step.date, step.deadline) if d is not None),
            default=assessment.as_of,
        ),
        lanes=lanes,
        trips=trips,
        trips_label="planned trips" if trips else None,
        legend=_route_legend(assessment, lanes, trips, words),
        empty_note=None if lanes else "No CCF route steps in this assessment.",
    )


# ---------------------------------------------------------------- the grounds chart


@dataclass(frozen=True, slots=True, kw_only=True)
class GroundRow:
    """One ground for deletion: its words, its bar and the rules it rests on."""

    id: str
    name: str
    strength: str  # one of STRENGTHS
    level: int  # the bar's length: 3 strong, 2 arguable, 1 weak
    colour: str
    hatch: str  # as in HATCHES
    unverified: bool  # rests on a rule whose source is unverified (or not cited)
    citations: tuple[tuple[str, str], ...]  # (rule id, its verification status)
    cited: tuple[tuple[str, str], ...]  # (words for one rule, its status), in order

    @property
    def cited_words(self) -> str:
        """The rules it rests on, in words: "rpd-34-3 (unverified), constitution-3 (...)"."""
        return ", ".join(part for part, _ in self.cited) or "no rule cited"


@dataclass(frozen=True, slots=True, kw_only=True)
class GroundsLayout:
    """The grounds chart of one assessment, ready to draw."""

    title: str
    subject: str
    axis_label: str
    ticks: tuple[tuple[int, str], ...]  # (level, strength), weakest first
    rows: tuple[GroundRow, ...]  # strongest first, then by id
    legend: tuple[LegendEntry, ...]
    empty_note: str | None


def _ground_row(assessment: Assessment, ground: Ground, words: ChartWords) -> GroundRow:
    strength = ground.strength if ground.strength in STRENGTHS else "weak"
    citations = tuple((rule, assessment.verification(rule)) for rule in ground.citations)
    return GroundRow(
        id=ground.id,
        name=ground.label or ground.id.replace("_", " "),
        strength=strength,
        level=len(STRENGTHS) - STRENGTHS.index(strength),
        colour=PALETTE[strength],
        hatch=HATCHES.get(strength, ""),
        unverified=any(status not in ("primary", "secondary") for _, status in citations),
        citations=citations,
        cited=tuple(
            (
                words.cited_unverified.format(rule=rule)
                if status == "unverified"
                else f"{rule} ({status})",
                status,
            )
            for rule, status in citations
        ),
    )


def grounds_layout(assessment: Assessment, words: ChartWords) -> GroundsLayout:
    """The grounds for deletion as bars, strongest first, each with the rules it rests on.

    A ground resting on a rule whose source is unverified (or that is not among the
    citations) is flagged, and the legend then says what the flag means.

    Example:
        >>> import diffusion_scenarios as ds
        >>> a = ds.assess(ds.builtin_scenarios()["diffusion-commercial-dispute-europe"])
        >>> from diffusion_scenarios.plots import _FIGURE_WORDS
        >>> [(row.strength, row.level) for row in grounds_layout(a, _FIGURE_WORDS).rows][:1]
        [('strong', 3)]
    """
    order = {strength: rank for rank, strength in enumerate(STRENGTHS)}
    grounds = sorted(
        assessment.grounds, key=lambda g: (order.get(g.strength, len(STRENGTHS)), g.id)
    )
    rows = tuple(_ground_row(assessment, ground, words) for ground in grounds)
    legend = [
        LegendEntry(mark=strength, colour=PALETTE[strength], label=words.legend[strength])
        for strength in cast("tuple[Mark, ...]", STRENGTHS)
    ]
    if any(row.unverified for row in rows):
        legend.append(
            LegendEntry(
                mark="unverified", colour=PALETTE["unverified"], label=words.legend["unverified"]
            )
        )
    return GroundsLayout(
        title=f"Grounds for deletion, as assessed on {assessment.as_of.isoformat()}",
        subject=assessment.title or assessment.scenario_id,
        axis_label="strength of the ground for deletion",
        ticks=tuple((len(STRENGTHS) - rank, s) for rank, s in reversed(list(enumerate(STRENGTHS)))),
        rows=rows,
        legend=tuple(legend),
        empty_note=None if rows else "No ground for deletion applies on the facts given",
    )
