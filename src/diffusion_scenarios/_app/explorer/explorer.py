"""The scenario explorer: the controls of every tab, the facts they hold and the panels that
show the assessment of those facts (see :mod:`diffusion_scenarios.widgets`)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as w

from diffusion_scenarios._app.explorer import case, files, history, notice, person, results
from diffusion_scenarios._app.explorer.challenge import CHALLENGE_TAB, keep_challenge
from diffusion_scenarios._app.explorer.changes import scenario_changes
from diffusion_scenarios._app.explorer.controls import all_countries
from diffusion_scenarios._app.explorer.fields import (
    FACT_CONTROLS,
    LIST_LABELS,
    build_fact_controls,
    field_controls,
    more_controls,
    read_facts,
    show_facts,
)
from diffusion_scenarios._app.explorer.messages import first_line, message, problems_html
from diffusion_scenarios._app.panels import changes_html, outcome_banner_html
from diffusion_scenarios._engine.assessment import Assessment
from diffusion_scenarios._facts.scenario import ExtraditionProceeding, Scenario, Trip
from diffusion_scenarios.errors import DiffusionScenariosError, Problem, ScenarioError

DEFAULT_SCENARIO = "diffusion-commercial-dispute-europe"
"""The built-in teaching scenario the explorer starts from when given nothing else."""

# The controls of the notice that re-assess when changed, besides one-fact controls.
_NOTICE_FACTS = ("requesting", "recipients", "recipient_regions", "recipient_countries")


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
        from diffusion_scenarios._engine.pipeline import assess

        self._assess: Callable[[Scenario], Assessment] = assess
        self._syncing = False
        self._base: Scenario
        self._start_label = ""
        self._extradition: tuple[ExtraditionProceeding, ...] = ()
        self._trips: tuple[Trip, ...] = ()
        self._stash: dict[str, Any] = {}  # choices kept while a control does not apply
        self._offered: Any = None  # the (day, state, members) the country lists show
        self.controls: dict[str, Any] = {}
        self._plain_labels: dict[str, str] = {}  # control labels without "(assumed)"
        self._created_in = Path.cwd()
        self._build_controls()
        self._build_panels()
        self.widget = self._layout()
        initial = self._resolve(start) if isinstance(start, str) else start
        self._set_base(initial, str(start) if isinstance(start, str) else start.id)

    # ------------------------------------------------------------------ public API

    def load(self, ref: str | Scenario) -> bool:
        """Start again from a built-in id, a scenario file or a Scenario.

        A relative path is read from the explorer's workspace folder. This method is for
        code, which can read any file anyway; the app's "Load file" control reads only
        inside the workspace. Returns ``True`` on success. A file that cannot be read
        leaves the current facts as they are and lists every problem in it in the explorer
        (and returns ``False``).
        """
        if isinstance(ref, Scenario):
            self._set_base(ref, ref.id)
            return True
        try:
            scenario = self._resolve(ref)
        except ScenarioError as exc:
            files.show_load_problems(self, ref, exc)
            return False
        except (DiffusionScenariosError, OSError, ValueError) as exc:
            self.controls["load_status"].value = message(first_line(exc), error=True)
            return False
        self._set_base(scenario, ref)
        self.controls["load_status"].value = message(f"Loaded {ref}.", error=False)
        return True

    def save(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write the current facts as a scenario file (YAML) and return its path.

        A relative path is written in the explorer's workspace folder (this method is for
        code; the app's "Save" control writes only inside the workspace). The facts are
        checked by the loader's rules first, so the file always loads back.

        Raises:
            ScenarioError: the facts on the controls would not load back; nothing is written.
            OutputExistsError: ``path`` exists and ``overwrite`` is false.
        """
        from diffusion_scenarios._facts.loader import save_scenario

        scenario = self._compose()
        target = Path(path).expanduser()
        if not target.is_absolute():
            target = self.workspace / target
        written: Path = save_scenario(scenario, target, force=overwrite)
        return written

    @property
    def workspace(self) -> Path:
        """The folder the app's "Load file" and "Save" read and write in: the folder named
        by ``DIFFUSION_SCENARIOS_WORKSPACE`` when it is set, else the current folder when
        the explorer was created. Files come from elsewhere by upload, and go by download.
        """
        return files.workspace(self._created_in)

    def downloads(self) -> dict[str, tuple[str, str, bytes]]:
        """What the download links offer, by name: ``(file name, media type, content)``.

        The current facts as a scenario file (YAML) and the memo of their assessment.
        """
        base = self.scenario.id or "scenario"
        return {
            name: (f"{base}{suffix}", media, produce(self))
            for name, (_label, suffix, media, produce) in files.DOWNLOADS.items()
        }

    @property
    def changes(self) -> tuple[tuple[str, Any, Any], ...]:
        """The facts changed against the starting scenario: ``(path, old, new)``."""
        return scenario_changes(self._base, self.scenario)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

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
        """Every panel as HTML, by name: its text and charts (all but the printable figures).

        Panels of tabs not on screen are drawn for this (they are otherwise drawn when
        their tab is chosen).
        """
        for panel in self._panels.values():
            panel.update(self.assessment)
        return {name: panel.text.value for name, panel in self._panels.items()}

    @property
    def outcome_text(self) -> str:
        """The one-line outcome shown above the panels, as HTML."""
        return str(self._banner.value)

    # ------------------------------------------------------------------ building

    def _build_controls(self) -> None:
        from diffusion_scenarios._facts.loader import builtin_scenarios

        c = self.controls
        countries = all_countries()
        files.build_start_controls(c, tuple(builtin_scenarios()))
        # Not a control: a style sheet, in the page while the explorer is shown.
        self._app_style = w.HTML(files.APP_STYLE, layout=w.Layout(display="none"))
        build_fact_controls(c, countries)
        notice.build_notice_controls(c)
        history.build_history_controls(c, countries)
        c["facts_status"] = w.HTML()
        files.build_save_controls(c)
        results.build_figure_controls(c)
        for name in self._fact_controls():
            c[name].observe(self._on_fact_change, names="value")
        files.connect_file_controls(self)
        history.connect_history_controls(self)
        results.connect_figure_controls(self)

    def _fact_controls(self) -> tuple[str, ...]:
        """The controls whose change re-assesses the facts."""
        return (*(fact.name for fact in FACT_CONTROLS), *_NOTICE_FACTS)

    def _build_panels(self) -> None:
        self._banner = w.HTML()
        # The printable matplotlib figures, drawn on request only and cleared on any change.
        self._figures = {name: w.HTML(layout=w.Layout(width="100%")) for name in results.FIGURES}
        self._map_figure = self._figures["map"]
        self._panels = results.build_panels(self)

    def _layout(self) -> w.Box:
        c = self.controls

        def box(names: Sequence[str], tab: str | None = None) -> w.VBox:
            more = more_controls(tab, names) if tab else ()
            return w.VBox([c[n] for n in (*names, *more)])

        start = w.VBox([*(c[n] for n in files.START_TAB), self._app_style])
        extradition = [
            w.HBox([c[n]]) if n == "add_extradition" else c[n] for n in history.EXTRADITION_TAB
        ]
        sections = [
            ("Start", start),
            ("Notice and circulation", box(notice.NOTICE_TAB, "notice")),
            ("Person and refugee status", box(person.PERSON_TAB, "person")),
            ("National case", box(case.CASE_TAB, "case")),
            ("Extradition history", w.VBox(extradition)),
            ("Trips", box(history.TRIPS_TAB, "trips")),
            ("Challenge and dates", box(CHALLENGE_TAB, "challenge")),
            ("Save or download", box(files.SAVE_TAB)),
        ]
        accordion = w.Accordion(
            children=[child for _, child in sections], titles=tuple(t for t, _ in sections)
        )
        accordion.selected_index = 1
        pages = results.result_pages(self)
        self._tabs = w.Tab(children=pages, titles=tuple(p.title for p in self._panels.values()))
        self._tabs.observe(lambda _: self._on_tab(), names="selected_index")
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
        from diffusion_scenarios._facts.loader import resolve_scenario

        if not ref:
            raise ValueError("Scenario file: enter a path to a .yaml or .json scenario file")
        path = Path(ref).expanduser()
        if not path.is_absolute() and (self.workspace / path).exists():
            ref = str(self.workspace / path)
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
        self._stash.clear()
        try:
            if s.id in dict.fromkeys(v for _, v in c["start"].options):
                c["start"].value = s.id
            c["start_title"].value = (
                f'<div style="font-size:12px;color:#333;margin:0 0 6px 0">{escape(s.title)}</div>'
                if s.title
                else ""
            )
            show_facts(c, s)
            notice.show_recipients(self, s.notice)
            c["save_id"].value = s.id
            history.show_lists(self)
            self._enable_dependent_controls()
        finally:
            self._syncing = False

    def _enable_dependent_controls(self, changed: str | None = None) -> None:
        """Grey out the controls that do not apply to the facts as they stand.

        A red notice has no recipients to choose, and only a red notice a public extract;
        refugee details need a refugee status; how a trial in absentia went needs a trial
        in absentia. The recipient and requesting-state lists offer the members on the day
        of issue, never the requesting state as a recipient.
        """
        notice.enable_notice_controls(self, changed)
        person.enable_person_controls(self.controls)
        case.enable_case_controls(self.controls)

    def _mapping(self, scenario_id: str | None = None) -> dict[str, Any]:
        """The facts on the controls as a format-1 mapping, as a file would hold them.

        It starts from the starting scenario's own mapping, so every fact the controls do
        not show is kept, and replaces what the controls show. Nothing is checked here: the
        loader checks the mapping (:meth:`_compose`), with the same rules as for a file.
        """
        from diffusion_scenarios._facts.loader import scenario_to_dict

        base = self._base
        data = scenario_to_dict(base)
        data["id"] = base.id if scenario_id is None else scenario_id
        read_facts(self.controls, data, base)
        notice.read_recipients(self.controls, data, base.notice)
        case.read_retrial(self.controls, data)
        history.read_lists(self, data)
        keep_challenge(data, base.challenge is not None)
        return data

    def _compose(self, scenario_id: str | None = None) -> Scenario:
        """The facts on the controls as a Scenario, checked by the loader's own rules.

        Raises:
            ScenarioError: what a file with these facts would be refused for (every
                problem, each naming its field).
        """
        from diffusion_scenarios._facts.loader import scenario_from_dict

        scenario: Scenario = scenario_from_dict(self._mapping(scenario_id))
        return scenario

    # ------------------------------------------------------------------ events

    def _on_fact_change(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        owner = change.get("owner")
        name = next((n for n, control in self.controls.items() if control is owner), None)
        self._refresh_facts(name)

    def _refresh_facts(self, changed: str | None = None) -> None:
        self._syncing = True
        try:
            self._enable_dependent_controls(changed)
        finally:
            self._syncing = False
        self.controls["downloads"].value = ""  # prepared files would hold the old facts
        try:
            scenario = self._compose()
        except ScenarioError as exc:
            self.controls["facts_status"].value = self._problems_html(
                "These facts cannot be assessed or saved until this is put right:", exc.problems
            )
            return
        self.controls["facts_status"].value = ""
        self.scenario = scenario
        self._reassess()

    def _problems_html(self, heading: str, problems: Sequence[Problem]) -> str:
        """The problems, each named by the label its control shows now."""
        labels = {
            path: LIST_LABELS.get(name) or str(getattr(self.controls.get(name), "description", ""))
            for path, name in field_controls().items()
        }
        return problems_html(heading, problems, labels)

    # ------------------------------------------------------------------ rendering

    def _mark_assumed(self) -> None:
        """Each control showing a fact the file marks assumed says so in its label (issue 25
        point 7): "Requesting state (assumed)"."""
        from diffusion_scenarios._facts.scenario import evidence_of

        plain = self._plain_labels
        for path, name in field_controls().items():
            control = self.controls.get(name)
            if path == "id" or control is None or not hasattr(control, "description"):
                continue
            label = plain.setdefault(name, control.description)
            if not label:
                continue
            assumed = evidence_of(self.scenario, path) == "assumed"
            control.description = f"{label} (assumed)" if assumed else label

    def _reassess(self) -> None:
        self._mark_assumed()
        self.assessment = self._assess(self.scenario)
        for figure in self._figures.values():
            figure.value = ""  # a drawn figure would show the old facts
        self._render()

    def _render(self, *, force: bool = False) -> None:
        a = self.assessment
        self._banner.value = outcome_banner_html(a)
        shown = self._tabs.selected_index or 0
        for index, panel in enumerate(self._panels.values()):
            panel.update(a, force=force, shown=index == shown)

    def _on_tab(self) -> None:
        if hasattr(self, "assessment"):
            panel = list(self._panels.values())[self._tabs.selected_index or 0]
            panel.update(self.assessment)

    def _changes_html(self, assessment: Assessment) -> str:
        return changes_html(self.changes, self._start_label)
