"""The interactive scenario explorer: change the facts, see the assessment redrawn.

:class:`ScenarioExplorer` is a set of labelled ipywidgets controls, one for each fact that
matters (notice, recipients, offence and penalty, origin, political and human-rights
indicators, refugee status, extradition history, trips, challenge dates), and a row of
panels that render the :class:`~diffusion_scenarios.Assessment` of those facts: issuance,
a map, the enforcement table, trips, grounds with their rules, the CCF route and the
outcome with its trace. It decides nothing itself: each change builds a new frozen
:class:`~diffusion_scenarios.Scenario` and calls :func:`~diffusion_scenarios.assess`.

In a notebook::

    >>> from diffusion_scenarios.widgets import ScenarioExplorer
    >>> explorer = ScenarioExplorer("diffusion-commercial-dispute-europe")
    >>> explorer.assessment.scenario_id
    'diffusion-commercial-dispute-europe'
    >>> explorer.widget  # doctest: +SKIP

As a code-free app: ``voila notebooks/04_scenario_explorer.ipynb``.

Educational model, not legal advice.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as _dt
import io
import os
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import ipywidgets as w

from . import _vocab
from ._assessment import Assessment
from ._scenario import (
    ArrestWarrant,
    Case,
    Challenge,
    CivilProceedings,
    ExtraditionProceeding,
    Notice,
    RefugeeStatus,
    Scenario,
    Trip,
)
from ._widgets_exercises import ExerciseCard
from ._widgets_render import (
    changes_html,
    circulation_html,
    country_label,
    enforcement_html,
    grounds_chart_svg,
    grounds_html,
    issuance_html,
    outcome_banner_html,
    outcome_html,
    route_html,
    route_timeline_svg,
    tile_map_html,
    travel_html,
)
from .errors import DiffusionScenariosError

__all__ = [
    "DEFAULT_SCENARIO",
    "ExerciseCard",
    "ScenarioExplorer",
    "running_in_voila",
    "scenario_changes",
]

DEFAULT_SCENARIO = "diffusion-commercial-dispute-europe"
"""The built-in teaching scenario the explorer starts from when given nothing else."""

_UNKNOWN = ""  # the option value that stands for "not given" (None in the Scenario)
_TRI_OPTIONS = (("unknown", _UNKNOWN), ("yes", "yes"), ("no", "no"))
_ID_PATTERN = re.compile(r"^[a-z0-9-]+$")
_STYLE = {"description_width": "13em"}
_WIDE = w.Layout(width="98%")


def running_in_voila() -> bool:
    """Whether this kernel was started by a Voilà server (the code-free app).

    Notebooks use it to skip their static, for-reading output when served as an app.

    Example:
        >>> isinstance(running_in_voila(), bool)
        True
    """
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila")


# --------------------------------------------------------------------------- countries


@cache
def _all_countries() -> tuple[tuple[str, str], ...]:
    """(label, alpha-3) for every ISO country, sorted by label."""
    import pycountry

    codes = {str(c.alpha_3) for c in pycountry.countries}
    return tuple(sorted(((country_label(c), c) for c in codes), key=lambda p: p[0]))


@cache
def _member_countries() -> tuple[tuple[str, str], ...]:
    """(label, alpha-3) for INTERPOL's members today, sorted by label."""
    try:
        from ._countries import members_on

        codes = set(members_on(_dt.date.today()))
    except Exception:  # reference data not available: offer every country
        return _all_countries()
    return tuple(sorted(((country_label(c), c) for c in codes), key=lambda p: p[0]))


def _with(options: Sequence[tuple[str, str]], *codes: str | None) -> list[tuple[str, str]]:
    """``options`` plus any code in ``codes`` not yet among them (a scenario's own value)."""
    present = {value for _, value in options}
    extra = [(country_label(c), c) for c in codes if c and c not in present]
    return sorted([*options, *extra], key=lambda p: p[0]) if extra else list(options)


# ------------------------------------------------------------------------------ diffs


def _flatten(value: Any, prefix: str, into: dict[str, Any]) -> None:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            _flatten(getattr(value, f.name), f"{prefix}.{f.name}" if prefix else f.name, into)
    elif isinstance(value, tuple) and value and dataclasses.is_dataclass(value[0]):
        into[prefix] = tuple(_summary(item) for item in value)
    else:
        into[prefix] = value


def _summary(item: Any) -> str:
    parts = [
        str(getattr(item, f.name))
        for f in dataclasses.fields(item)
        if getattr(item, f.name) is not None
    ]
    return " ".join(parts)


def scenario_changes(before: Scenario, after: Scenario) -> tuple[tuple[str, Any, Any], ...]:
    """The facts that differ between two scenarios, as ``(field path, old, new)``.

    ``None`` (unknown) stands for a fact or group of facts that one side does not have.

    Example:
        >>> import dataclasses, datetime
        >>> from diffusion_scenarios import Notice, Scenario
        >>> a = Scenario(id="x", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...              issued_on=datetime.date(2025, 1, 10)))
        >>> b = dataclasses.replace(a, notice=dataclasses.replace(a.notice, kind="red_notice"))
        >>> scenario_changes(a, b)
        (('notice.kind', 'diffusion', 'red_notice'),)
    """
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    _flatten(before, "", old)
    _flatten(after, "", new)
    changes = []
    for path in dict.fromkeys([*old, *new]):
        was, now = old.get(path), new.get(path)
        if was != now and not (was in (None, ()) and now in (None, ())):
            changes.append((path, was, now))
    return tuple(changes)


# --------------------------------------------------------------------------- controls


def _dropdown(description: str, options: Sequence[tuple[str, str]]) -> w.Dropdown:
    return w.Dropdown(description=description, options=list(options), style=_STYLE, layout=_WIDE)


def _multi(description: str, options: Sequence[tuple[str, str]], rows: int = 5) -> w.SelectMultiple:
    return w.SelectMultiple(
        description=description, options=list(options), rows=rows, style=_STYLE, layout=_WIDE
    )


def _vocab_options(words: Iterable[str], unknown: str | None = None) -> list[tuple[str, str]]:
    options = [(word.replace("_", " "), word) for word in words]
    return [(unknown, _UNKNOWN), *options] if unknown is not None else options


def _date_picker(description: str) -> w.DatePicker:
    return w.DatePicker(description=description, style=_STYLE, layout=_WIDE)


def _number(description: str) -> w.Text:
    return w.Text(description=description, placeholder="unknown", style=_STYLE, layout=_WIDE)


def _tri(value: bool | None) -> str:
    return _UNKNOWN if value is None else ("yes" if value else "no")


def _from_tri(value: str) -> bool | None:
    return None if value == _UNKNOWN else value == "yes"


def _opt(value: str) -> str | None:
    return None if value == _UNKNOWN else value


def _show_number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _ordered(chosen: Iterable[str], base: tuple[str, ...]) -> tuple[str, ...]:
    """The chosen words, keeping the starting scenario's order when the set is the same."""
    chosen = tuple(chosen)
    return base if set(chosen) == set(base) else chosen


def _first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    more = f" (and {len(lines) - 1} more problem{'s' if len(lines) > 2 else ''})"
    return lines[0] + (more if len(lines) > 1 else "")


def _message(text: str, *, error: bool) -> str:
    from html import escape

    colour = "#B00020" if error else "#1B5E20"
    role = "alert" if error else "status"
    return f'<div role="{role}" style="color:{colour};font-size:13px">{escape(text)}</div>'


def _region(value: str) -> str | None:
    return None if value == "all" else value


def _figure_html(figure: Any, alt: str) -> str:
    """A matplotlib figure as an inline PNG with alt text; the figure is closed after."""
    from html import escape

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


# The tabs whose matplotlib figure can be drawn on request, by a "draw_<tab>" button.
_FIGURES = ("map", "grounds", "route")

# Widget HTML inherits the tall line height of form controls; text reads better tighter.
_PANEL_OPEN = '<div style="line-height:1.45;font-size:13px">'


class _Panel:
    """One result panel: HTML re-rendered whenever the facts it shows change.

    Every panel, charts included, is a string built from the assessment in a millisecond or
    two, so all panels are redrawn on every change, whichever tab is on screen. The
    matplotlib figures are not panels: they are drawn only when asked for.
    """

    def __init__(
        self, title: str, render: Callable[[Assessment], str], key: Callable[[Assessment], Any]
    ) -> None:
        self.title = title
        self.text = w.HTML(layout=w.Layout(width="100%"))
        self._render = render
        self._key = key
        self._last: Any = object()

    def update(self, assessment: Assessment, *, force: bool = False) -> None:
        key = self._key(assessment)
        if force or key != self._last:
            self._last = key
            self.text.value = _PANEL_OPEN + self._render(assessment) + "</div>"


# --------------------------------------------------------------------------- explorer


class ScenarioExplorer:
    """Labelled controls for a scenario's facts and panels showing its assessment.

    Args:
        start: a built-in scenario id, a path to a scenario file, or a
            :class:`~diffusion_scenarios.Scenario`. Defaults to a teaching scenario.

    Attributes:
        widget: the ipywidgets box to display.
        scenario: the facts as the controls show them now.
        assessment: the assessment of those facts.
        controls: every control by a short name (for tests and scripting).

    Example:
        >>> explorer = ScenarioExplorer("diffusion-commercial-dispute-europe")
        >>> explorer.controls["recipients"].value = "all"
        >>> explorer.scenario.notice.recipients
        ('all',)
    """

    def __init__(self, start: str | Scenario = DEFAULT_SCENARIO) -> None:
        from ._engine import assess

        self._assess: Callable[[Scenario], Assessment] = assess
        self._syncing = False
        self._base: Scenario
        self._start_label = ""
        self._extradition: tuple[ExtraditionProceeding, ...] = ()
        self._trips: tuple[Trip, ...] = ()
        self.controls: dict[str, Any] = {}
        self._build_controls()
        self._build_panels()
        self.widget = self._layout()
        initial = self._resolve(start) if isinstance(start, str) else start
        self._set_base(initial, str(start) if isinstance(start, str) else start.id)

    # ------------------------------------------------------------------ public API

    def load(self, ref: str | Scenario) -> bool:
        """Start again from a built-in id, a scenario file or a Scenario.

        Returns ``True`` on success. A file that cannot be read leaves the current facts
        as they are and shows a one-line error in the explorer (also returns ``False``).
        """
        if isinstance(ref, Scenario):
            self._set_base(ref, ref.id)
            return True
        try:
            scenario = self._resolve(ref)
        except (DiffusionScenariosError, OSError, ValueError) as exc:
            self.controls["load_status"].value = _message(_first_line(exc), error=True)
            return False
        self._set_base(scenario, ref)
        self.controls["load_status"].value = _message(f"Loaded {ref}.", error=False)
        return True

    def save(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write the current facts as a scenario file (YAML) and return its path.

        Raises:
            OutputExistsError: ``path`` exists and ``overwrite`` is false.
        """
        from ._loader import save_scenario

        written: Path = save_scenario(self.scenario, Path(path).expanduser(), force=overwrite)
        return written

    @property
    def changes(self) -> tuple[tuple[str, Any, Any], ...]:
        """The facts changed against the starting scenario: ``(path, old, new)``."""
        return scenario_changes(self._base, self.scenario)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    # ------------------------------------------------------------------ building

    def _build_controls(self) -> None:
        from ._loader import builtin_scenarios

        c = self.controls
        builtins = builtin_scenarios()
        members = _member_countries()
        countries = _all_countries()
        c["start"] = _dropdown(
            "Start from",
            [(f"{sid} — {sc.title}" if sc.title else sid, sid) for sid, sc in builtins.items()],
        )
        c["file_path"] = w.Text(
            description="Scenario file",
            placeholder="path/to/case.yaml",
            style=_STYLE,
            layout=_WIDE,
        )
        c["load_file"] = w.Button(description="Load file", tooltip="Load the scenario file")
        c["load_status"] = w.HTML()

        c["kind"] = _dropdown("Kind", [("diffusion", "diffusion"), ("red notice", "red_notice")])
        c["purpose"] = _dropdown("Purpose", _vocab_options(_vocab.PURPOSES, "not given (arrest)"))
        c["requesting"] = _dropdown("Requesting state", members)
        c["issued_on"] = _date_picker("Issued on")
        c["recipients"] = _dropdown(
            "Recipients",
            [
                ("not given (all members)", _UNKNOWN),
                ("all members", "all"),
                ("chosen regions and countries", "chosen"),
            ],
        )
        c["recipient_regions"] = _multi(
            "Recipient regions", _vocab_options(r for r in _vocab.REGIONS if r != "all"), rows=4
        )
        c["recipient_countries"] = _multi("Recipient countries", members, rows=5)
        c["public_extract"] = _dropdown("Public extract", _TRI_OPTIONS)
        if "red_notice_refused_on" in {f.name for f in dataclasses.fields(Notice)}:
            c["red_notice_refused_on"] = _date_picker("Red notice refused on")

        c["nationalities"] = _multi("Nationalities", countries, rows=4)
        c["residence"] = _dropdown("Residence", [("unknown", _UNKNOWN), *countries])
        c["profile"] = _multi("Profile", _vocab_options(_vocab.PROFILES), rows=4)
        c["refugee_status"] = _dropdown(
            "Refugee status", _vocab_options(_vocab.REFUGEE_STATUSES, "none")
        )
        c["refugee_granted_by"] = _dropdown("Granted by", [("unknown", _UNKNOWN), *countries])
        c["refugee_granted_on"] = _date_picker("Granted on")
        c["refugee_feared_from"] = _dropdown(
            "Fears persecution from", [("unknown", _UNKNOWN), *countries]
        )

        c["offence"] = _dropdown("Offence", _vocab_options(_vocab.OFFENCES, "unknown"))
        c["stage"] = _dropdown("Stage", _vocab_options(_vocab.STAGES, "unknown"))
        c["max_penalty_years"] = _number("Maximum penalty (years)")
        c["sentence_months"] = _number("Sentence (months)")
        c["remaining_months"] = _number("Left to serve (months)")
        c["origin"] = _dropdown("Origin of the case", _vocab_options(_vocab.ORIGINS, "unknown"))
        c["organised_crime_link"] = _dropdown("Organised-crime link", _TRI_OPTIONS)
        c["summary_names_person_role"] = _dropdown("Summary states own role", _TRI_OPTIONS)
        c["warrant_valid"] = _dropdown("Arrest warrant valid", _TRI_OPTIONS)
        c["limitation_expired"] = _dropdown("Limitation expired", _TRI_OPTIONS)
        c["amount_usd"] = _number("Amount at stake (USD)")
        c["civil_outcome"] = _dropdown(
            "Civil case on the same dealings",
            [("none known", _UNKNOWN), *_vocab_options(_vocab.CIVIL_OUTCOMES)],
        )
        c["in_absentia"] = _dropdown("Convicted in absentia", _TRI_OPTIONS)
        c["retrial_guaranteed"] = _dropdown("Retrial guaranteed", _TRI_OPTIONS)
        c["political_context"] = _multi(
            "Political indicators", _vocab_options(_vocab.POLITICAL_INDICATORS), rows=5
        )
        c["human_rights_concerns"] = _multi(
            "Human-rights concerns", _vocab_options(_vocab.HUMAN_RIGHTS_CONCERNS), rows=5
        )
        c["purpose_defects"] = _multi(
            "Purpose defects", _vocab_options(_vocab.PURPOSE_DEFECTS), rows=5
        )
        c["sought_extradition"] = _dropdown("Extradition sought", _TRI_OPTIONS)

        c["extradition_list"] = w.HTML()
        c["extradition_country"] = _dropdown("Extradition country", countries)
        c["extradition_outcome"] = _dropdown(
            "Extradition outcome", _vocab_options(_vocab.EXTRADITION_OUTCOMES)
        )
        c["extradition_grounds"] = _dropdown(
            "Grounds of the decision", _vocab_options(_vocab.EXTRADITION_GROUNDS, "unknown")
        )
        c["extradition_date"] = _date_picker("Decision date")
        c["add_extradition"] = w.Button(
            description="Add proceeding", tooltip="Add this extradition proceeding"
        )
        c["extradition_choice"] = _dropdown("Recorded proceeding", [])
        c["remove_extradition"] = w.Button(
            description="Remove proceeding", tooltip="Remove the chosen extradition proceeding"
        )

        c["trip_country"] = _dropdown("Trip to", countries)
        c["trip_date"] = _date_picker("Trip date")
        c["add_trip"] = w.Button(description="Add trip", tooltip="Add this planned trip")
        c["trip_choice"] = _dropdown("Planned trip", [])
        c["remove_trip"] = w.Button(description="Remove trip", tooltip="Remove the chosen trip")

        c["as_of"] = _date_picker("Assess as of")
        c["filed_on"] = _date_picker("Filed with the CCF on")
        c["requests"] = _multi(
            "Requests to the CCF", _vocab_options(_vocab.CHALLENGE_REQUESTS), rows=4
        )
        c["admissible_on"] = _date_picker("Admissible on (if known)")
        c["urgent"] = _dropdown("Urgent (provisional measures)", _TRI_OPTIONS)
        c["ncb_responds"] = _dropdown("Source NCB answers the CCF", _TRI_OPTIONS)
        c["facts_status"] = w.HTML()

        c["save_id"] = w.Text(description="Scenario id", style=_STYLE, layout=_WIDE)
        c["save_path"] = w.Text(
            description="Save to", placeholder="my-case.yaml", style=_STYLE, layout=_WIDE
        )
        c["overwrite"] = w.Checkbox(
            description="Overwrite an existing file", indent=False, value=False
        )
        c["save"] = w.Button(description="Save facts", tooltip="Save the facts as a scenario file")
        c["save_status"] = w.HTML()

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
        c["map_region"] = _dropdown(
            "Map region", [("whole world", "all"), *_vocab_options(_vocab.INTERPOL_REGIONS)]
        )

        for name in self._fact_controls():
            c[name].observe(self._on_fact_change, names="value")
        c["start"].observe(self._on_start, names="value")
        c["load_file"].on_click(lambda _: self.load(c["file_path"].value.strip()))
        c["add_extradition"].on_click(lambda _: self._add_extradition())
        c["remove_extradition"].on_click(lambda _: self._remove_extradition())
        c["add_trip"].on_click(lambda _: self._add_trip())
        c["remove_trip"].on_click(lambda _: self._remove_trip())
        c["save"].on_click(lambda _: self._on_save())
        c["map_region"].observe(lambda _: self._on_region(), names="value")
        c["draw_map"].on_click(lambda _: self._draw_map())
        c["draw_grounds"].on_click(lambda _: self._draw_figure("grounds"))
        c["draw_route"].on_click(lambda _: self._draw_figure("route"))

    def _fact_controls(self) -> tuple[str, ...]:
        names = (
            "kind", "purpose", "requesting", "issued_on", "recipients", "recipient_regions",
            "recipient_countries", "public_extract", "red_notice_refused_on", "nationalities",
            "residence", "profile", "refugee_status", "refugee_granted_by",
            "refugee_granted_on", "refugee_feared_from", "offence", "stage",
            "max_penalty_years", "sentence_months", "remaining_months", "origin",
            "organised_crime_link", "summary_names_person_role", "warrant_valid",
            "limitation_expired", "political_context", "human_rights_concerns",
            "purpose_defects", "sought_extradition", "amount_usd", "civil_outcome",
            "in_absentia", "retrial_guaranteed", "as_of", "filed_on", "admissible_on",
            "requests", "urgent", "ncb_responds",
        )  # fmt: skip
        return tuple(n for n in names if n in self.controls)

    def _build_panels(self) -> None:
        self._banner = w.HTML()
        # The printable matplotlib figures, drawn on request only and cleared on any change.
        self._figures = {name: w.HTML(layout=w.Layout(width="100%")) for name in _FIGURES}
        self._map_figure = self._figures["map"]
        region = self.controls["map_region"]
        self._panels: dict[str, _Panel] = {
            "issuance": _Panel("Issuance", issuance_html, lambda a: (a.issuance, a.circulation)),
            "map": _Panel(
                "Map",
                lambda a: tile_map_html(a, _region(region.value)) + circulation_html(a),
                lambda a: (a.circulation, a.enforcement, a.travel, region.value),
            ),
            "enforcement": _Panel(
                "Countries", enforcement_html, lambda a: (a.enforcement, a.circulation)
            ),
            "travel": _Panel("Trips", travel_html, lambda a: a.travel),
            "grounds": _Panel(
                "Grounds",
                lambda a: grounds_chart_svg(a) + grounds_html(a),
                lambda a: (a.grounds, a.depends_on, a.citations, a.title, a.scenario_id),
            ),
            "route": _Panel(
                "Route",
                lambda a: route_timeline_svg(a) + route_html(a),
                lambda a: (a.route, a.citations, a.travel, a.as_of, a.title, a.scenario_id),
            ),
            "outcome": _Panel("Outcome", outcome_html, lambda a: (a.outcome, a.trace, a.caveats)),
            "changes": _Panel("Changes", self._changes_html, lambda a: self.changes),
        }

    def _layout(self) -> w.Box:
        c = self.controls

        def box(*names: str) -> w.VBox:
            return w.VBox([c[n] for n in names if n in c])

        extradition_add = w.HBox([c["add_extradition"]])
        sections = [
            ("Start", w.VBox([c["start"], c["file_path"], c["load_file"], c["load_status"]])),
            ("Notice and circulation", box(
                "kind", "purpose", "requesting", "issued_on", "recipients", "recipient_regions",
                "recipient_countries", "public_extract", "red_notice_refused_on")),
            ("Person and refugee status", box(
                "nationalities", "residence", "profile", "refugee_status", "refugee_granted_by",
                "refugee_granted_on", "refugee_feared_from")),
            ("National case", box(
                "offence", "stage", "max_penalty_years", "sentence_months", "remaining_months",
                "amount_usd", "origin", "organised_crime_link", "civil_outcome",
                "summary_names_person_role", "warrant_valid", "limitation_expired",
                "in_absentia", "retrial_guaranteed", "political_context",
                "human_rights_concerns", "purpose_defects", "sought_extradition")),
            ("Extradition history", w.VBox([
                c["extradition_list"], c["extradition_country"], c["extradition_outcome"],
                c["extradition_grounds"], c["extradition_date"], extradition_add,
                c["extradition_choice"], c["remove_extradition"]])),
            ("Trips", box("trip_country", "trip_date", "add_trip", "trip_choice", "remove_trip")),
            ("Challenge and dates", box("as_of", "filed_on", "admissible_on", "requests",
                                        "urgent", "ncb_responds")),
            ("Save these facts", box("save_id", "save_path", "overwrite", "save", "save_status")),
        ]  # fmt: skip
        accordion = w.Accordion(
            children=[child for _, child in sections], titles=tuple(t for t, _ in sections)
        )
        accordion.selected_index = 1
        pages = []
        for name, panel in self._panels.items():
            parts: list[Any] = [c["map_region"]] if name == "map" else []
            if name in _FIGURES:
                parts += [c[f"draw_{name}"], self._figures[name]]
            parts.append(panel.text)
            pages.append(w.VBox(parts))
        self._tabs = w.Tab(children=pages, titles=tuple(p.title for p in self._panels.values()))
        title = w.HTML(
            "<h3 style='margin:2px 0'>INTERPOL diffusion and red notice scenario explorer</h3>"
            "<div style='font-size:12px;color:#444'>Change a fact on the left; every panel "
            "is recomputed. Educational model, not legal advice: rules marked UNVERIFIED "
            "were not checked against an official text.</div>"
        )
        left = w.VBox(
            [accordion, c["facts_status"]],
            layout=w.Layout(flex="0 1 440px", min_width="360px", margin="0 8px 0 0"),
        )
        right = w.VBox(
            [self._banner, self._tabs], layout=w.Layout(flex="1 1 520px", min_width="360px")
        )
        return w.VBox(
            [title, w.Box([left, right], layout=w.Layout(display="flex", flex_flow="row wrap"))]
        )

    # ------------------------------------------------------------------ state

    def _resolve(self, ref: str) -> Scenario:
        from ._loader import resolve_scenario

        if not ref:
            raise ValueError("Scenario file: enter a path to a .yaml or .json scenario file")
        scenario: Scenario = resolve_scenario(ref)
        return scenario

    def _set_base(self, scenario: Scenario, label: str) -> None:
        self._base = scenario
        self._start_label = label
        self.scenario = scenario
        self._extradition = scenario.case.extradition
        self._trips = scenario.travel
        self._show_facts(scenario)
        self.controls["facts_status"].value = ""
        self._reassess()

    def _show_facts(self, s: Scenario) -> None:
        """Put the facts of ``s`` into the controls without triggering re-assessment."""
        c = self.controls
        self._syncing = True
        try:
            if s.id in dict.fromkeys(v for _, v in c["start"].options):
                c["start"].value = s.id
            n, p, k = s.notice, s.person, s.case
            ch = s.challenge or Challenge()
            refugee = p.refugee_status
            c["kind"].value = n.kind
            c["purpose"].value = n.purpose or _UNKNOWN
            c["requesting"].options = _with(_member_countries(), n.requesting_country)
            c["requesting"].value = n.requesting_country
            c["issued_on"].value = n.issued_on
            tokens = n.recipients
            if tokens is None:
                c["recipients"].value = _UNKNOWN
            elif tokens == ("all",):
                c["recipients"].value = "all"
            else:
                c["recipients"].value = "chosen"
            regions = {v for _, v in c["recipient_regions"].options}
            chosen = tokens or ()
            c["recipient_regions"].value = tuple(t for t in chosen if t in regions)
            c["recipient_countries"].options = _with(
                _member_countries(), *(t for t in chosen if t not in regions and t != "all")
            )
            c["recipient_countries"].value = tuple(
                t for t in chosen if t not in regions and t != "all"
            )
            c["public_extract"].value = _tri(n.public_extract)
            if "red_notice_refused_on" in c:
                c["red_notice_refused_on"].value = getattr(n, "red_notice_refused_on", None)
            c["nationalities"].value = p.nationalities
            c["residence"].value = p.residence or _UNKNOWN
            c["profile"].value = p.profile
            c["refugee_status"].value = refugee.status if refugee else _UNKNOWN
            c["refugee_granted_by"].value = (refugee.granted_by if refugee else None) or _UNKNOWN
            c["refugee_granted_on"].value = refugee.granted_on if refugee else None
            c["refugee_feared_from"].value = (
                refugee.feared_persecution_from if refugee else None
            ) or _UNKNOWN
            c["offence"].value = k.offence or _UNKNOWN
            c["stage"].value = k.stage or _UNKNOWN
            c["max_penalty_years"].value = _show_number(k.max_penalty_years)
            c["sentence_months"].value = _show_number(k.sentence_months)
            c["remaining_months"].value = _show_number(k.remaining_months)
            c["origin"].value = k.origin or _UNKNOWN
            c["organised_crime_link"].value = _tri(k.organised_crime_link)
            c["summary_names_person_role"].value = _tri(k.summary_names_person_role)
            c["warrant_valid"].value = _tri(k.arrest_warrant.valid if k.arrest_warrant else None)
            c["limitation_expired"].value = _tri(k.limitation_expired)
            c["amount_usd"].value = _show_number(k.amount_usd)
            c["civil_outcome"].value = (
                k.civil_proceedings.outcome if k.civil_proceedings else None
            ) or _UNKNOWN
            c["in_absentia"].value = _tri(k.in_absentia)
            c["retrial_guaranteed"].value = _tri(k.retrial_guaranteed)
            c["political_context"].value = k.political_context
            c["human_rights_concerns"].value = k.human_rights_concerns
            c["purpose_defects"].value = k.purpose_defects
            c["sought_extradition"].value = _tri(k.requesting_state_sought_extradition)
            c["as_of"].value = s.as_of
            c["filed_on"].value = ch.filed_on
            c["requests"].value = ch.requests
            c["urgent"].value = _tri(ch.urgent)
            c["ncb_responds"].value = _tri(ch.ncb_responds)
            c["admissible_on"].value = ch.admissible_on
            c["save_id"].value = s.id
            self._show_lists()
            self._enable_dependent_controls()
        finally:
            self._syncing = False

    def _enable_dependent_controls(self) -> None:
        """Grey out the recipient lists unless recipients are chosen one by one."""
        c = self.controls
        chosen = c["recipients"].value == "chosen"
        c["recipient_regions"].disabled = not chosen
        c["recipient_countries"].disabled = not chosen

    def _show_lists(self) -> None:
        c = self.controls
        from html import escape

        def proceeding(e: ExtraditionProceeding) -> str:
            where = country_label(e.country) if e.country else "country unknown"
            outcome = e.outcome or "outcome unknown"
            grounds = f" on {e.grounds.replace('_', ' ')} grounds" if e.grounds else ""
            when = f" ({e.date.isoformat()})" if e.date else ""
            return f"{where}: {outcome}{grounds}{when}"

        labels = [proceeding(e) for e in self._extradition]
        c["extradition_list"].value = (
            "<ul style='margin:2px 0 4px 18px;padding:0'>"
            + "".join(f"<li>{escape(x)}</li>" for x in labels)
            + "</ul>"
            if labels
            else "<p style='margin:2px 0'>No extradition proceedings recorded.</p>"
        )
        c["extradition_choice"].options = [(x, i) for i, x in enumerate(labels)]
        c["trip_choice"].options = [
            (f"{t.date.isoformat()} — {country_label(t.country)}", i)
            for i, t in enumerate(self._trips)
        ]

    def _compose(self) -> Scenario:
        """A new Scenario from the controls, keeping every fact they do not show."""
        c = self.controls
        base = self._base
        errors: list[str] = []

        def number(name: str, label: str) -> float | None:
            text = str(c[name].value).strip().replace(",", ".")
            if not text:
                return None
            try:
                value = float(text)
            except ValueError:
                errors.append(f"{label}: expected a number or nothing (unknown), found {text!r}")
                return None
            if value < 0:
                errors.append(f"{label}: expected a number of zero or more, found {text!r}")
            return value

        issued_on = c["issued_on"].value
        if issued_on is None:
            errors.append("Issued on: the date the notice or diffusion was issued is required")
        mode = c["recipients"].value
        if mode == _UNKNOWN:
            recipients: tuple[str, ...] | None = None
        elif mode == "all":
            recipients = ("all",)
        else:
            recipients = (*c["recipient_regions"].value, *c["recipient_countries"].value)
            if not recipients:
                errors.append("Recipients: choose at least one region or country, or 'all'")
            recipients = _ordered(recipients, base.notice.recipients or ())
        notice_changes: dict[str, Any] = {
            "kind": c["kind"].value,
            "purpose": _opt(c["purpose"].value),
            "requesting_country": c["requesting"].value,
            "issued_on": issued_on or base.notice.issued_on,
            "recipients": recipients,
            "public_extract": _from_tri(c["public_extract"].value),
        }
        if "red_notice_refused_on" in c:
            notice_changes["red_notice_refused_on"] = c["red_notice_refused_on"].value
        notice = dataclasses.replace(base.notice, **notice_changes)

        status = _opt(c["refugee_status"].value)
        refugee = (
            None
            if status is None
            else RefugeeStatus(
                status=status,
                granted_by=_opt(c["refugee_granted_by"].value),
                granted_on=c["refugee_granted_on"].value,
                feared_persecution_from=_opt(c["refugee_feared_from"].value),
            )
        )
        if refugee is not None and refugee == base.person.refugee_status:
            refugee = base.person.refugee_status
        person = dataclasses.replace(
            base.person,
            nationalities=_ordered(c["nationalities"].value, base.person.nationalities),
            residence=_opt(c["residence"].value),
            profile=_ordered(c["profile"].value, base.person.profile),
            refugee_status=refugee,
        )

        k = base.case
        valid = _from_tri(c["warrant_valid"].value)
        warrant = k.arrest_warrant
        if warrant is None and valid is not None:
            warrant = ArrestWarrant(valid=valid)
        elif warrant is not None and warrant.valid != valid:
            warrant = dataclasses.replace(warrant, valid=valid)
        civil_outcome = _opt(c["civil_outcome"].value)
        civil = k.civil_proceedings
        if civil is None and civil_outcome is not None:
            civil = CivilProceedings(outcome=civil_outcome)
        elif civil is not None and civil.outcome != civil_outcome:
            civil = (
                None if civil_outcome is None else dataclasses.replace(civil, outcome=civil_outcome)
            )
        case: Case = dataclasses.replace(
            k,
            offence=_opt(c["offence"].value),
            stage=_opt(c["stage"].value),
            max_penalty_years=number("max_penalty_years", "Maximum penalty (years)"),
            sentence_months=number("sentence_months", "Sentence (months)"),
            remaining_months=number("remaining_months", "Left to serve (months)"),
            origin=_opt(c["origin"].value),
            organised_crime_link=_from_tri(c["organised_crime_link"].value),
            summary_names_person_role=_from_tri(c["summary_names_person_role"].value),
            arrest_warrant=warrant,
            limitation_expired=_from_tri(c["limitation_expired"].value),
            amount_usd=number("amount_usd", "Amount at stake (USD)"),
            civil_proceedings=civil,
            in_absentia=_from_tri(c["in_absentia"].value),
            retrial_guaranteed=_from_tri(c["retrial_guaranteed"].value),
            political_context=_ordered(c["political_context"].value, k.political_context),
            human_rights_concerns=_ordered(
                c["human_rights_concerns"].value, k.human_rights_concerns
            ),
            purpose_defects=_ordered(c["purpose_defects"].value, k.purpose_defects),
            requesting_state_sought_extradition=_from_tri(c["sought_extradition"].value),
            extradition=self._extradition,
        )
        # Keep the numbers exactly as the starting scenario had them when unchanged.
        for name in ("max_penalty_years", "sentence_months", "remaining_months", "amount_usd"):
            if getattr(case, name) == getattr(k, name):
                case = dataclasses.replace(case, **{name: getattr(k, name)})

        challenge_values = {
            "filed_on": c["filed_on"].value,
            "requests": _ordered(
                c["requests"].value, base.challenge.requests if base.challenge else ()
            ),
            "urgent": _from_tri(c["urgent"].value),
            "ncb_responds": _from_tri(c["ncb_responds"].value),
            "admissible_on": c["admissible_on"].value,
        }
        if base.challenge is not None:
            challenge: Challenge | None = dataclasses.replace(base.challenge, **challenge_values)
        elif any(v not in (None, ()) for v in challenge_values.values()):
            challenge = Challenge(**challenge_values)
        else:
            challenge = None
        if errors:
            raise ValueError("\n".join(errors))
        return dataclasses.replace(
            base,
            as_of=c["as_of"].value,
            notice=notice,
            person=person,
            case=case,
            travel=self._trips,
            challenge=challenge,
        )

    # ------------------------------------------------------------------ events

    def _on_start(self, change: dict[str, Any]) -> None:
        if not self._syncing and change["new"]:
            self.load(str(change["new"]))

    def _on_fact_change(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        self._refresh_facts()

    def _refresh_facts(self) -> None:
        self._enable_dependent_controls()
        try:
            scenario = self._compose()
        except ValueError as exc:
            self.controls["facts_status"].value = _message(_first_line(exc), error=True)
            return
        self.controls["facts_status"].value = ""
        self.scenario = scenario
        self._reassess()

    def _add_extradition(self) -> None:
        c = self.controls
        self._extradition = (
            *self._extradition,
            ExtraditionProceeding(
                country=c["extradition_country"].value,
                outcome=c["extradition_outcome"].value,
                grounds=_opt(c["extradition_grounds"].value),
                date=c["extradition_date"].value,
            ),
        )
        self._show_lists()
        self._refresh_facts()

    def _remove_extradition(self) -> None:
        index = self.controls["extradition_choice"].value
        if index is None:
            return
        self._extradition = tuple(e for i, e in enumerate(self._extradition) if i != index)
        self._show_lists()
        self._refresh_facts()

    def _add_trip(self) -> None:
        c = self.controls
        if c["trip_date"].value is None:
            c["facts_status"].value = _message("Trip date: choose the day of travel", error=True)
            return
        trip = Trip(country=c["trip_country"].value, date=c["trip_date"].value)
        self._trips = tuple(sorted((*self._trips, trip), key=lambda t: (t.date, t.country)))
        self._show_lists()
        self._refresh_facts()

    def _remove_trip(self) -> None:
        index = self.controls["trip_choice"].value
        if index is None:
            return
        self._trips = tuple(t for i, t in enumerate(self._trips) if i != index)
        self._show_lists()
        self._refresh_facts()

    def _on_save(self) -> None:
        from .errors import OutputExistsError

        c = self.controls
        status = c["save_status"]
        path_text = str(c["save_path"].value).strip()
        scenario_id = str(c["save_id"].value).strip()
        if not path_text:
            status.value = _message("Save to: enter a file path ending in .yaml", error=True)
            return
        path = Path(path_text).expanduser()
        if path.suffix.lower() not in (".yaml", ".yml"):
            status.value = _message(
                f"Save to: expected a path ending in .yaml, found {path_text!r}", error=True
            )
            return
        if not _ID_PATTERN.match(scenario_id):
            status.value = _message(
                "Scenario id: expected lower-case letters, digits and hyphens, "
                f"found {scenario_id!r}",
                error=True,
            )
            return
        overwrite = bool(c["overwrite"].value)
        scenario = dataclasses.replace(self.scenario, id=scenario_id)
        from ._loader import save_scenario

        try:
            written = save_scenario(scenario, path, force=overwrite)
        except OutputExistsError:
            status.value = _message(
                f"{path} already exists and was left unchanged; tick 'Overwrite an existing "
                "file' and click Save again to replace it",
                error=True,
            )
            return
        except (DiffusionScenariosError, OSError, ValueError) as exc:
            status.value = _message(f"Could not save to {path}: {_first_line(exc)}", error=True)
            return
        c["overwrite"].value = False
        status.value = _message(f"Saved the facts to {written.resolve()}.", error=False)

    # ------------------------------------------------------------------ rendering

    def _reassess(self) -> None:
        self.assessment = self._assess(self.scenario)
        for figure in self._figures.values():
            figure.value = ""  # a drawn figure would show the old facts
        self._render()

    def _render(self, *, force: bool = False) -> None:
        a = self.assessment
        self._banner.value = outcome_banner_html(a)
        for panel in self._panels.values():
            panel.update(a, force=force)

    def draw_all(self) -> None:
        """Redraw the outcome line and every panel now, charts included.

        The printable matplotlib figures are not redrawn: each tab that has one draws it
        when its "Draw ... figure" button is clicked.
        """
        self._render(force=True)

    def show_panel(self, name: str) -> None:
        """Bring panel ``name`` to the front (``"map"``, ``"grounds"``, ``"outcome"``, ...)."""
        self._tabs.selected_index = list(self._panels).index(name)

    @property
    def panels(self) -> dict[str, str]:
        """Every panel as HTML, by name: its text and charts (all but the printable figures)."""
        return {name: panel.text.value for name, panel in self._panels.items()}

    @property
    def outcome_text(self) -> str:
        """The one-line outcome shown above the panels, as HTML."""
        return str(self._banner.value)

    def _map_html(self, assessment: Assessment) -> str:
        from .plots import circulation_map

        figure = circulation_map(assessment, region=_region(self.controls["map_region"].value))
        count = assessment.circulation.recipient_count
        alt = (
            f"Map of INTERPOL members: {count} received the request; colours show the "
            "arrest risk per country (the Enforcement tab lists the same as a table)."
        )
        return _figure_html(figure, alt)

    def _grounds_figure(self, assessment: Assessment) -> str:
        from .plots import grounds_chart

        alt = (
            "Printable chart of the grounds for deletion and their strength (the same as "
            "the chart and list below)."
        )
        return _figure_html(grounds_chart(assessment), alt)

    def _route_figure(self, assessment: Assessment) -> str:
        from .plots import route_timeline

        alt = (
            "Printable timeline of the CCF route with its dates, deadlines and planned "
            "trips (the same as the timeline and table below)."
        )
        return _figure_html(route_timeline(assessment), alt)

    def _draw_figure(self, name: str) -> None:
        """Draw the printable figure of tab ``name`` for the current facts."""
        render = {"grounds": self._grounds_figure, "route": self._route_figure}[name]
        self._figures[name].value = render(self.assessment)

    def _on_region(self) -> None:
        self._map_figure.value = ""
        if hasattr(self, "assessment"):
            self._panels["map"].update(self.assessment)

    def _draw_map(self) -> None:
        """Draw the printable map figure (matplotlib) for the current facts and region."""
        self._map_figure.value = self._map_html(self.assessment)

    def _changes_html(self, assessment: Assessment) -> str:
        return changes_html(self.changes, self._start_label)
