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
import errno
import io
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from html import escape
from pathlib import Path
from typing import Any, TypeVar

import ipywidgets as w

from diffusion_scenarios._app.exercise_card import ExerciseCard, student_name_box
from diffusion_scenarios._app.panels import (
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
from diffusion_scenarios._app.precedents import precedents_html
from diffusion_scenarios._engine.assessment import Assessment
from diffusion_scenarios._facts.scenario import (
    Challenge,
    ExtraditionProceeding,
    Notice,
    Scenario,
    Trip,
)
from diffusion_scenarios._law import vocab as _vocab
from diffusion_scenarios._render.wording import KIND_WORDS
from diffusion_scenarios.errors import DiffusionScenariosError, Problem, ScenarioError

__all__ = [
    "DEFAULT_SCENARIO",
    "ExerciseCard",
    "ScenarioExplorer",
    "running_in_voila",
    "scenario_changes",
    "student_name_box",
    "summary_card",
]

DEFAULT_SCENARIO = "diffusion-commercial-dispute-europe"
"""The built-in teaching scenario the explorer starts from when given nothing else."""

_UNKNOWN = ""  # the option value that stands for "not given" (None in the Scenario)
_TRI_OPTIONS = (("unknown", _UNKNOWN), ("yes", "yes"), ("no", "no"))
_LABEL_WIDTH = "13em"


# One style shared by every labelled control (and one by the text boxes): the browser then
# has two style objects to build instead of fifty, which keeps the app quick to open.
@cache
def _label_style() -> Any:
    from ipywidgets.widgets.widget_description import DescriptionStyle

    return DescriptionStyle(description_width=_LABEL_WIDTH)


@cache
def _text_style() -> Any:
    from ipywidgets.widgets.widget_string import TextStyle

    return TextStyle(description_width=_LABEL_WIDTH)
_WIDE = w.Layout(width="98%")


def summary_card(assessment: Assessment, *, full_report: bool = True) -> Any:
    """A picture of one assessment for a first look: the likely outcome with its likelihood
    bars, the map, the route timeline and what comes next, with the whole text report one
    click away. Shown as HTML in a notebook (no kernel needed once saved).

    Example:
        >>> import diffusion_scenarios as ds
        >>> card = summary_card(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]))
        >>> "What comes next" in card.data
        True
    """
    from IPython.display import HTML

    from diffusion_scenarios._app.card import summary_card_html
    from diffusion_scenarios.reports import render

    report = render(assessment, "text") if full_report else ""
    return HTML(summary_card_html(assessment, report=report))  # type: ignore[no-untyped-call,unused-ignore]


def running_in_voila() -> bool:
    """Whether this kernel was started by a Voilà server (the code-free app).

    Notebooks use it to skip their static, for-reading output when served as an app.

    Example:
        >>> isinstance(running_in_voila(), bool)
        True
    """
    # A kernel started for a page has SERVER_SOFTWARE=voila/...; a kernel Voilà starts ahead
    # of time (preheated, see voila.json) has no request yet, only Voilà's own variables.
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila") or (
        "VOILA_PREHEAT" in os.environ or "VOILA_BASE_URL" in os.environ
    )


#: The environment variable naming the folder the explorer's "Load file" and "Save" may
#: read and write in (``diffusion-scenarios app --workspace DIR`` sets it for its kernels).
WORKSPACE_ENV = "DIFFUSION_SCENARIOS_WORKSPACE"

_SCENARIO_SUFFIXES = (".yaml", ".yml", ".json")


class _WorkspaceError(ValueError):
    """A name typed in the app that is not a file inside its workspace (one line)."""


def _workspace(created_in: Path) -> Path:
    """The folder the app's file controls stay in: :data:`WORKSPACE_ENV` when set, else the
    folder the kernel was in when the explorer was created."""
    named = os.environ.get(WORKSPACE_ENV, "").strip()
    return Path(named) if named else created_in


def _in_workspace(text: str, workspace: Path, *, control: str) -> Path:
    """The file a name typed in the app stands for, if it is inside ``workspace``.

    A name relative to the workspace, or an absolute one inside it. Refused: ``~``, any
    ``..``, and any name that leads outside once links are followed (a link to
    ``/etc/passwd`` is outside). The path returned is the one typed (a link is not
    replaced by its target, so that a save never writes through a link).

    Raises:
        _WorkspaceError: the name is outside, in one line naming the control.
    """
    outside = (
        f"{control}: expected the name of a file in the app's workspace folder (for example "
        "my-case.yaml), found "
    )
    if "\x00" in text:
        raise _WorkspaceError(outside + "a name with a NUL character")
    raw = Path(text)
    if text.startswith("~"):
        raise _WorkspaceError(outside + "a name starting with ~ (a home folder)")
    if ".." in raw.parts:
        raise _WorkspaceError(outside + "a name with '..' (a folder above the workspace)")
    cannot_follow = outside + "a name that cannot be followed to a file"
    try:
        root = workspace.resolve(strict=True)
        target = raw if raw.is_absolute() else root / raw
        resolved = target.resolve()
    except (OSError, RuntimeError):  # the workspace is gone, or a loop of links
        raise _WorkspaceError(cannot_follow) from None
    try:
        # From Python 3.13 resolve() no longer raises on a loop of links; following the name
        # says ELOOP on every version (any other answer is left to the reader to report).
        target.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _WorkspaceError(cannot_follow) from None
    if resolved != root and root not in resolved.parents:
        raise _WorkspaceError(outside + "a name outside it")
    return target


def _shown_name(path: Path, workspace: Path) -> str:
    """``path`` relative to the workspace, as a user of the app typed it (never the server's
    absolute folder)."""
    try:
        return str(path.relative_to(workspace.resolve()))
    except ValueError:
        return path.name


def _looks_like_scenario(text: str) -> bool:
    """Whether the loader's problems with ``text`` may be shown: it is a YAML or JSON
    mapping with a scenario's own keys (``format`` or ``notice``), or it cannot be parsed
    at all (the parser's message names a line and column, never the content). Anything
    else (a list of accounts, a configuration file) is "not a scenario file", and no value
    of it is quoted."""
    import yaml

    from diffusion_scenarios._base.yaml_io import load_yaml

    try:
        document = load_yaml(text, aliases=False)
    except (yaml.YAMLError, RecursionError):
        return True
    return isinstance(document, dict) and ("format" in document or "notice" in document)


def _facts_yaml(explorer: ScenarioExplorer) -> bytes:
    from diffusion_scenarios._base.yaml_io import dump_yaml
    from diffusion_scenarios._facts.loader import scenario_to_dict

    text = "# diffusion-scenarios scenario, format 1 (educational model, not legal advice)\n"
    return (text + dump_yaml(scenario_to_dict(explorer._compose()))).encode("utf-8")


def _memo(fmt: str) -> Callable[[ScenarioExplorer], bytes]:
    def produce(explorer: ScenarioExplorer) -> bytes:
        from diffusion_scenarios import reports

        return reports.render_bytes(explorer.assessment, fmt)

    return produce


def _draft_request(explorer: ScenarioExplorer) -> bytes:
    """The draft request to the CCF that fits the facts best (see ``suggested_request``)."""
    from diffusion_scenarios._render.draft import draft_content, suggested_request
    from diffusion_scenarios._render.draft_word import render_draft_docx

    assessment = explorer.assessment
    draft = draft_content(assessment, suggested_request(assessment))
    return render_draft_docx(assessment, draft)


# What the download links offer: name -> (link text, file suffix, media type, producer).
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_DOWNLOADS: dict[str, tuple[str, str, str, Callable[[ScenarioExplorer], bytes]]] = {
    "facts": ("The facts as a scenario file (YAML)", ".yaml", "application/x-yaml", _facts_yaml),
    "memo_html": ("The memo (HTML, opens in a browser)", "-memo.html", "text/html", _memo("html")),
    "memo_markdown": ("The memo (Markdown)", "-memo.md", "text/markdown", _memo("markdown")),
    "memo_docx": ("The memo (Word, to edit and send)", "-memo.docx", _DOCX, _memo("docx")),
    "draft_request": (
        "Draft the request (Word, a training draft to complete)",
        "-draft-request.docx",
        _DOCX,
        _draft_request,
    ),
}


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
        from diffusion_scenarios._law.countries import members_on

        codes = set(members_on(_dt.date.today()))
    except Exception:  # reference data not available: offer every country
        return _all_countries()
    return tuple(sorted(((country_label(c), c) for c in codes), key=lambda p: p[0]))


@cache
def _members_on(day: _dt.date) -> tuple[tuple[str, str], ...]:
    """(label, alpha-3) for INTERPOL's members on ``day``, sorted by label."""
    try:
        from diffusion_scenarios._law.countries import members_on

        codes = set(members_on(day))
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
    return w.Dropdown(
        description=description, options=list(options), style=_label_style(), layout=_WIDE
    )


def _multi(description: str, options: Sequence[tuple[str, str]], rows: int = 5) -> w.SelectMultiple:
    return w.SelectMultiple(
        description=description,
        options=list(options),
        rows=rows,
        style=_label_style(),
        layout=_WIDE,
    )


def _vocab_options(words: Iterable[str], unknown: str | None = None) -> list[tuple[str, str]]:
    options = [(word.replace("_", " "), word) for word in words]
    return [(unknown, _UNKNOWN), *options] if unknown is not None else options


# The dates a scenario file may hold (the loader refuses others); the date boxes stop there,
# so no date typed into them can break the assessment.
_FIRST_DAY = _dt.date(1900, 1, 1)
_LAST_DAY = _dt.date(2199, 12, 31)


# A download is a link (the browser saves the file), drawn as a button so it looks like one.
_DOWNLOAD_BUTTON = (
    "display:inline-block;padding:3px 12px;border:1px solid #8a8a8a;border-radius:3px;"
    "background:#f2f2f2;color:#1a1a1a;text-decoration:none;font-weight:600"
)
_UPLOAD_LABEL = "Open a file from your computer"
# ipywidgets writes "LABEL (N)" on the upload button, N the files held: the explorer empties
# it after reading each file, so it would always say "(0)". The style below hides that text
# and shows the label alone (the button's accessible name keeps the words).
_APP_STYLE = (
    "<style>.ds-upload{font-size:0!important}"
    ".ds-upload>i{font-size:var(--jp-widgets-font-size,13px);margin-right:6px}"
    f'.ds-upload::after{{content:"{_UPLOAD_LABEL}";font-size:var(--jp-widgets-font-size,13px)}}'
    "</style>"
)


def _date_picker(description: str) -> w.Text:
    """A date typed as YYYY-MM-DD, shown the same way everywhere. (The browser's own date
    picker writes dates in the browser's locale, 03/01/2025 in a US one, unlike the rest of
    the explorer and the reports.) A date that is not valid is named by the same checks as a
    file's (for example "Issued on: expected a date YYYY-MM-DD, found '01/03/2025'")."""
    box = w.Text(
        description=description,
        placeholder="YYYY-MM-DD",
        continuous_update=False,  # checked when the user presses Enter or leaves the box
        style=_text_style(),
        layout=_WIDE,
    )
    box.add_class("ds-date")
    return box


def _day_text(day: _dt.date | None) -> str:
    """What a date box shows for ``day``: ``2025-03-01``, or nothing when it is unknown."""
    return day.isoformat() if day is not None else ""


def _day_value(text: str) -> str | None:
    """The text of a date box for the facts: ``None`` when empty (unknown), else as typed,
    for the scenario checks to read (and to name if it is not a date)."""
    return text.strip() or None


def _day(text: str) -> _dt.date | None:
    """The date in a date box, or ``None`` when it is empty or not a date YYYY-MM-DD."""
    try:
        return _dt.date.fromisoformat(text.strip()) if len(text.strip()) == 10 else None
    except ValueError:
        return None


def _number(description: str) -> w.Text:
    return w.Text(
        description=description, placeholder="unknown", style=_text_style(), layout=_WIDE
    )


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


# Which control shows the fact at a field path of the scenario format (longest prefix wins).
_FIELD_CONTROLS = {
    "id": "save_id", "as_of": "as_of", "notice.kind": "kind", "notice.purpose": "purpose",
    "notice.requesting_country": "requesting", "notice.issued_on": "issued_on",
    "notice.recipients": "recipients", "notice.public_extract": "public_extract",
    "notice.red_notice_refused_on": "red_notice_refused_on",
    "person.nationalities": "nationalities", "person.residence": "residence",
    "person.profile": "profile", "person.refugee_status.status": "refugee_status",
    "person.refugee_status.granted_by": "refugee_granted_by",
    "person.refugee_status.granted_on": "refugee_granted_on",
    "person.refugee_status.feared_persecution_from": "refugee_feared_from",
    "person.refugee_status": "refugee_status", "case.offence": "offence",
    "case.stage": "stage", "case.max_penalty_years": "max_penalty_years",
    "case.sentence_months": "sentence_months", "case.remaining_months": "remaining_months",
    "case.origin": "origin", "case.organised_crime_link": "organised_crime_link",
    "case.summary_names_person_role": "summary_names_person_role",
    "case.arrest_warrant.valid": "warrant_valid", "case.limitation_expired": "limitation_expired",
    "case.amount_usd": "amount_usd", "case.civil_proceedings": "civil_outcome",
    "case.in_absentia": "in_absentia", "case.retrial_guaranteed": "retrial_guaranteed",
    "case.political_context": "political_context",
    "case.human_rights_concerns": "human_rights_concerns",
    "case.purpose_defects": "purpose_defects",
    "case.requesting_state_sought_extradition": "sought_extradition",
    "case.extradition": "extradition_list", "case.fraudulent_intent": "fraudulent_intent",
    "case.cheque_count": "cheque_count", "case.final_judgment.country": "judgment_country",
    "case.final_judgment.date": "judgment_date", "case.final_judgment.result": "judgment_result",
    "case.in_absentia_details.knew_of_trial": "knew_of_trial",
    "case.in_absentia_details.represented": "represented",
    "case.in_absentia_details.retrial_guaranteed": "retrial_guaranteed",
    "travel": "trip_choice", "challenge.filed_on": "filed_on", "challenge.requests": "requests",
    "challenge.urgent": "urgent", "challenge.ncb_responds": "ncb_responds",
    "challenge.admissible_on": "admissible_on",
}  # fmt: skip
_LIST_LABELS = {"extradition_list": "Extradition history", "trip_choice": "Trips"}


def _plain_words(text: str) -> str:
    """Loader wording made plain for the app (no pattern syntax shown to a lawyer)."""
    return text.replace(" ([a-z0-9-]+)", "").replace("[a-z0-9-]+", "lower-case letters, "
                                                     "digits and hyphens")  # fmt: skip


def _problem_line(problem: Problem, controls: dict[str, Any]) -> str:
    """One problem as a line of HTML: the control's label, then what was expected and found."""
    from html import escape

    bare = re.sub(r"\[\d+\]", "", problem.path)
    name = next(
        (
            _FIELD_CONTROLS[prefix]
            for prefix in sorted(_FIELD_CONTROLS, key=len, reverse=True)
            if bare == prefix or bare.startswith(prefix + ".")
        ),
        None,
    )
    label = ""
    if name is not None:
        label = _LIST_LABELS.get(name) or str(getattr(controls.get(name), "description", ""))
    where = label or problem.path or "the whole file"
    text = f"expected {_plain_words(problem.expected)}"
    if problem.found is not None:
        text += f", found {problem.found}"
    if problem.suggestion is not None:
        text += f" (did you mean '{problem.suggestion}'?)"
    field = (
        f' <span style="color:#555">(<code>{escape(problem.path)}</code>)</span>'
        if problem.path and label
        else ""
    )
    return f"<li><strong>{escape(where)}</strong>{field}: {escape(text)}</li>"


_Fact = TypeVar("_Fact")


def _without(items: tuple[_Fact, ...], index: int | None) -> tuple[_Fact, ...] | None:
    """``items`` without the one at ``index``; ``None`` when nothing is chosen."""
    if index is None:
        return None
    return tuple(item for position, item in enumerate(items) if position != index)


def _problems_html(heading: str, problems: Sequence[Problem], controls: dict[str, Any]) -> str:
    """Every problem, one list item each, under a heading: shown in red, read out at once."""
    from html import escape

    items = "".join(_problem_line(p, controls) for p in problems)
    return (
        '<div role="alert" style="color:#B00020;font-size:13px;line-height:1.4">'
        f"<strong>{escape(heading)}</strong>"
        f'<ul style="margin:2px 0 4px 18px;padding:0">{items}</ul></div>'
    )


def _message(text: str, *, error: bool) -> str:
    from html import escape

    colour = "#B00020" if error else "#1B5E20"
    role = "alert" if error else "status"
    return f'<div role="{role}" style="color:{colour};font-size:13px">{escape(text)}</div>'


def _put(mapping: dict[str, Any], key: str, value: Any) -> None:
    """Set ``key`` to ``value``, or leave it out when the value is unknown or empty."""
    if value is None or value in ((), [], {}):
        mapping.pop(key, None)
    else:
        mapping[key] = value


_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


def _number_value(text: Any) -> Any:
    """A number typed in a box: ``None`` when empty, else the number, else the text as typed.

    Text that is not a number is passed on unchanged, so the loader names the field and says
    what it expected, as it would for a file.
    """
    raw = str(text).strip()
    if not raw:
        return None
    cleaned = raw.replace(",", "") if _THOUSANDS.fullmatch(raw) else raw.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return raw
    if not math.isfinite(value):
        return raw
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _plain_fact(value: Any) -> Any:
    from diffusion_scenarios._facts.loader import _plain

    return _plain(value)


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
        inside the workspace (see :meth:`_load_typed`). Returns ``True`` on success. A
        file that cannot be read leaves the current facts as they are and lists every
        problem in it in the explorer (and returns ``False``).
        """
        if isinstance(ref, Scenario):
            self._set_base(ref, ref.id)
            return True
        try:
            scenario = self._resolve(ref)
        except ScenarioError as exc:
            self._show_load_problems(ref, exc)
            return False
        except (DiffusionScenariosError, OSError, ValueError) as exc:
            self.controls["load_status"].value = _message(_first_line(exc), error=True)
            return False
        self._set_base(scenario, ref)
        self.controls["load_status"].value = _message(f"Loaded {ref}.", error=False)
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
        return _workspace(self._created_in)

    def downloads(self) -> dict[str, tuple[str, str, bytes]]:
        """What the download links offer, by name: ``(file name, media type, content)``.

        The current facts as a scenario file (YAML) and the memo of their assessment.
        """
        base = self.scenario.id or "scenario"
        return {
            name: (f"{base}{suffix}", media, produce(self))
            for name, (_label, suffix, media, produce) in _DOWNLOADS.items()
        }

    @property
    def changes(self) -> tuple[tuple[str, Any, Any], ...]:
        """The facts changed against the starting scenario: ``(path, old, new)``."""
        return scenario_changes(self._base, self.scenario)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    # ------------------------------------------------------------------ building

    def _build_controls(self) -> None:
        from diffusion_scenarios._facts.loader import builtin_scenarios

        members = _member_countries()
        countries = _all_countries()
        self._build_file_controls(tuple(builtin_scenarios()))
        self._build_notice_and_person_controls(members, countries)
        self._build_case_controls(countries)
        self._build_list_controls(countries)
        self._build_dates_and_output_controls()
        self._connect_controls()

    def _build_file_controls(self, builtin_ids: tuple[str, ...]) -> None:
        """Where the facts come from: a built-in scenario, an upload or a file path."""
        c = self.controls
        c["start"] = w.Dropdown(
            description="Start from a built-in scenario",
            options=[(sid, sid) for sid in builtin_ids],
            style={"description_width": "initial"},
            layout=w.Layout(
                width="98%", height="54px", flex_flow="column", align_items="flex-start"
            ),
        )
        c["start_title"] = w.HTML()
        c["upload"] = w.FileUpload(
            accept=".yaml,.yml,.json",
            multiple=False,
            description=_UPLOAD_LABEL,
            tooltip="Choose a scenario file (.yaml or .json) on your computer",
            layout=w.Layout(width="auto"),
        )
        c["upload"].add_class("ds-upload")
        # Not a control: a style sheet, in the page while the explorer is shown.
        self._app_style = w.HTML(_APP_STYLE, layout=w.Layout(display="none"))
        c["file_path"] = w.Text(
            description="Scenario file",
            placeholder="path/to/case.yaml",
            style=_text_style(),
            layout=_WIDE,
        )
        c["load_file"] = w.Button(description="Load file", tooltip="Load the scenario file")
        c["load_status"] = w.HTML()

    def _build_notice_and_person_controls(
        self, members: tuple[tuple[str, str], ...], countries: tuple[tuple[str, str], ...]
    ) -> None:
        c = self.controls
        c["kind"] = _dropdown("Kind", [(KIND_WORDS[k], k) for k in _vocab.NOTICE_KINDS])
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

    def _build_case_controls(self, countries: tuple[tuple[str, str], ...]) -> None:
        c = self.controls
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
        c["knew_of_trial"] = _dropdown("Knew of the trial", _TRI_OPTIONS)
        c["represented"] = _dropdown("Represented at trial", _TRI_OPTIONS)
        c["fraudulent_intent"] = _dropdown("Fraudulent intent shown", _TRI_OPTIONS)
        c["cheque_count"] = _number("Number of cheques")
        c["judgment_country"] = _dropdown(
            "Final judgment abroad: country", [("none known", _UNKNOWN), *countries]
        )
        c["judgment_date"] = _date_picker("Final judgment: date")
        c["judgment_result"] = _dropdown(
            "Final judgment: result",
            _vocab_options(_vocab.FINAL_JUDGMENT_RESULTS, "unknown"),
        )
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

    def _build_list_controls(self, countries: tuple[tuple[str, str], ...]) -> None:
        """The extradition proceedings and the trips, added and removed one by one."""
        c = self.controls
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

    def _build_dates_and_output_controls(self) -> None:
        c = self.controls
        c["as_of"] = _date_picker("Assess as of")
        c["filed_on"] = _date_picker("Filed with the CCF on")
        c["requests"] = _multi(
            "Requests to the CCF", _vocab_options(_vocab.CHALLENGE_REQUESTS), rows=4
        )
        c["admissible_on"] = _date_picker("Admissible on (if known)")
        c["urgent"] = _dropdown("Urgent (provisional measures)", _TRI_OPTIONS)
        c["ncb_responds"] = _dropdown("Source NCB answers the CCF", _TRI_OPTIONS)
        c["facts_status"] = w.HTML()

        c["save_id"] = w.Text(description="Scenario id", style=_text_style(), layout=_WIDE)
        c["save_path"] = w.Text(
            description="Save to", placeholder="my-case.yaml", style=_text_style(), layout=_WIDE
        )
        c["overwrite"] = w.Checkbox(
            description="Overwrite an existing file", indent=False, value=False
        )
        c["save"] = w.Button(description="Save facts", tooltip="Save the facts as a scenario file")
        c["save_status"] = w.HTML()
        c["prepare_downloads"] = w.Button(
            description="Prepare the downloads",
            tooltip="Make the current facts and the memo ready to download to your computer",
            layout=w.Layout(width="auto"),
        )
        c["downloads"] = w.HTML()

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

    def _connect_controls(self) -> None:
        """Every fact control recomputes the panels; each button does its one thing."""
        c = self.controls
        for name in self._fact_controls():
            c[name].observe(self._on_fact_change, names="value")
        c["start"].observe(self._on_start, names="value")
        c["load_file"].on_click(lambda _: self._load_typed(str(c["file_path"].value).strip()))
        c["add_extradition"].on_click(lambda _: self._add_extradition())
        c["remove_extradition"].on_click(lambda _: self._remove_extradition())
        c["add_trip"].on_click(lambda _: self._add_trip())
        c["remove_trip"].on_click(lambda _: self._remove_trip())
        c["save"].on_click(lambda _: self._on_save())
        c["upload"].observe(lambda _: self._on_upload(), names="value")
        c["prepare_downloads"].on_click(lambda _: self._prepare_downloads())
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
            "in_absentia", "retrial_guaranteed", "knew_of_trial", "represented",
            "fraudulent_intent", "cheque_count", "judgment_country", "judgment_date",
            "judgment_result", "as_of", "filed_on", "admissible_on", "requests", "urgent",
            "ncb_responds",
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
            "precedents": _Panel(
                "Precedents", precedents_html, lambda a: (a.similar_decisions, a.scenario_id)
            ),
            "changes": _Panel("Changes", self._changes_html, lambda a: self.changes),
        }

    def _layout(self) -> w.Box:
        c = self.controls

        def box(*names: str) -> w.VBox:
            return w.VBox([c[n] for n in names if n in c])

        extradition_add = w.HBox([c["add_extradition"]])
        sections = [
            ("Start", w.VBox([c["start"], c["start_title"], c["upload"], c["file_path"],
                              c["load_file"], c["load_status"], self._app_style])),
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
                "fraudulent_intent", "cheque_count", "in_absentia", "retrial_guaranteed",
                "knew_of_trial", "represented", "political_context",
                "human_rights_concerns", "purpose_defects", "sought_extradition",
                "judgment_country", "judgment_date", "judgment_result")),
            ("Extradition history", w.VBox([
                c["extradition_list"], c["extradition_country"], c["extradition_outcome"],
                c["extradition_grounds"], c["extradition_date"], extradition_add,
                c["extradition_choice"], c["remove_extradition"]])),
            ("Trips", box("trip_country", "trip_date", "add_trip", "trip_choice", "remove_trip")),
            ("Challenge and dates", box("as_of", "filed_on", "admissible_on", "requests",
                                        "urgent", "ncb_responds")),
            ("Save or download", box("save_id", "save_path", "overwrite", "save", "save_status",
                                     "prepare_downloads", "downloads")),
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

    def _load_typed(self, text: str) -> bool:
        """The "Load file" control: a built-in id, or a scenario file inside the workspace.

        A name outside the workspace is refused in one line, and a file that is not a
        scenario is named as such without a word of what it holds (on a shared server the
        app must not become a way to read the server's files).
        """
        from diffusion_scenarios._base.files import UnreadableFileError, decode_text, read_regular
        from diffusion_scenarios._facts.loader import (
            MAX_FILE_BYTES,
            builtin_scenarios,
            loads_scenario,
        )

        status = self.controls["load_status"]
        if not text:
            status.value = _message(
                "Scenario file: enter the name of a .yaml or .json file in the app's folder, "
                "or open one from your computer",
                error=True,
            )
            return False
        builtin = builtin_scenarios()
        if text in builtin and not (self.workspace / text).exists():
            return self.load(builtin[text])
        try:
            path = _in_workspace(text, self.workspace, control="Scenario file")
        except _WorkspaceError as refused:
            status.value = _message(
                f"{refused} (open files from elsewhere with 'Open a file from your computer')",
                error=True,
            )
            return False
        name = _shown_name(path, self.workspace)
        if path.suffix.lower() not in _SCENARIO_SUFFIXES:
            status.value = _message(
                f"Scenario file: expected a name ending in .yaml, .yml or .json, found {name!r}",
                error=True,
            )
            return False
        try:
            text_read = decode_text(
                read_regular(path, limit=MAX_FILE_BYTES, what="a scenario file"),
                expected="a text file in UTF-8 (YAML or JSON)",
            )
        except UnreadableFileError as unreadable:
            status.value = _message(f"{name}: {unreadable}", error=True)
            return False
        if not _looks_like_scenario(text_read):
            status.value = _message(
                f"{name}: expected a scenario file (a YAML or JSON mapping with format: 1, id "
                "and notice), found a file that is not one; nothing of it is shown",
                error=True,
            )
            return False
        json_text = True if path.suffix.lower() == ".json" else None
        try:
            scenario = loads_scenario(text_read, source=name, json_text=json_text)
        except ScenarioError as exc:
            self._show_load_problems(name, exc)
            return False
        self._set_base(scenario, name)
        status.value = _message(f"Loaded {name}.", error=False)
        return True

    def _show_load_problems(self, name: str, error: ScenarioError) -> None:
        count = len(error.problems)
        heading = (
            f"{Path(name).name} could not be opened: "
            f"{count} problem{'s' if count != 1 else ''} to put right in the file. "
            "The facts shown are unchanged."
        )
        problems = [dataclasses.replace(p, source=None) for p in error.problems]
        self.controls["load_status"].value = _problems_html(heading, problems, self.controls)

    def _on_upload(self) -> None:
        """Open the scenario file chosen with the upload button (it is read, never stored)."""
        from diffusion_scenarios._facts.loader import MAX_FILE_BYTES, loads_scenario

        c = self.controls
        files = list(c["upload"].value)
        if not files:
            return
        chosen = files[-1]
        name = str(chosen.get("name", "uploaded file"))
        content = bytes(chosen.get("content", b""))
        c["upload"].value = ()  # the same file can be chosen again after a fix
        problem = None
        if len(content) > MAX_FILE_BYTES:
            problem = f"a scenario file of at most {MAX_FILE_BYTES:,} bytes, found a larger file"
        elif b"\x00" in content:
            problem = "a text file in UTF-8 (YAML or JSON), found binary data"
        else:
            try:
                text = content.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                problem = (
                    "a text file in UTF-8 (YAML or JSON), found bytes that are not UTF-8 "
                    f"at position {exc.start}"
                )
        if problem is not None:
            c["load_status"].value = _message(f"{name}: expected {problem}", error=True)
            return
        json_text = True if name.lower().endswith(".json") else None
        try:
            scenario = loads_scenario(text, source=name, json_text=json_text)
        except ScenarioError as exc:
            self._show_load_problems(name, exc)
            return
        self._set_base(scenario, name)
        c["load_status"].value = _message(
            f"Opened {name} from your computer (nothing was stored on the server).", error=False
        )

    def _prepare_downloads(self) -> None:
        """Links that hand the current facts and memo to the browser (nothing is written)."""
        from html import escape

        c = self.controls
        try:
            self._compose()
        except ScenarioError as exc:
            c["downloads"].value = _problems_html(
                "Nothing to download until this is put right:", exc.problems, c
            )
            return
        links = []
        for name, (file_name, media, content) in self.downloads().items():
            label = _DOWNLOADS[name][0]
            data = base64.b64encode(content).decode("ascii")
            links.append(
                f'<li style="margin:4px 0"><a download="{escape(file_name)}" '
                f'href="data:{media};base64,{data}" data-download="{name}" '
                f'style="{_DOWNLOAD_BUTTON}">&darr; {escape(label)}</a> '
                f'<span style="color:#555">{escape(file_name)}</span></li>'
            )
        c["downloads"].value = (
            '<div style="font-size:13px;line-height:1.4">Ready for the facts as they stand now '
            "(a change clears these buttons):"
            f'<ul style="list-style:none;margin:4px 0;padding:0">{"".join(links)}</ul></div>'
        )

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
            n, p, k = s.notice, s.person, s.case
            ch = s.challenge or Challenge()
            refugee = p.refugee_status
            c["kind"].value = n.kind
            c["purpose"].value = n.purpose or _UNKNOWN
            c["issued_on"].value = _day_text(n.issued_on)
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
            self._offered = None
            self._offer_members(
                n.requesting_country, tuple(t for t in chosen if t not in regions and t != "all")
            )
            c["public_extract"].value = _tri(n.public_extract)
            if "red_notice_refused_on" in c:
                refused = getattr(n, "red_notice_refused_on", None)
                c["red_notice_refused_on"].value = _day_text(refused)
            c["nationalities"].value = p.nationalities
            c["residence"].value = p.residence or _UNKNOWN
            c["profile"].value = p.profile
            c["refugee_status"].value = refugee.status if refugee else _UNKNOWN
            c["refugee_granted_by"].value = (refugee.granted_by if refugee else None) or _UNKNOWN
            c["refugee_granted_on"].value = _day_text(refugee.granted_on if refugee else None)
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
            details = k.in_absentia_details
            c["knew_of_trial"].value = _tri(details.knew_of_trial if details else None)
            c["represented"].value = _tri(details.represented if details else None)
            c["fraudulent_intent"].value = _tri(k.fraudulent_intent)
            c["cheque_count"].value = "" if k.cheque_count is None else str(k.cheque_count)
            judgment = k.final_judgment
            c["judgment_country"].value = (judgment.country if judgment else None) or _UNKNOWN
            c["judgment_date"].value = _day_text(judgment.date if judgment else None)
            c["judgment_result"].value = (judgment.result if judgment else None) or _UNKNOWN
            c["political_context"].value = k.political_context
            c["human_rights_concerns"].value = k.human_rights_concerns
            c["purpose_defects"].value = k.purpose_defects
            c["sought_extradition"].value = _tri(k.requesting_state_sought_extradition)
            c["as_of"].value = _day_text(s.as_of)
            c["filed_on"].value = _day_text(ch.filed_on)
            c["requests"].value = ch.requests
            c["urgent"].value = _tri(ch.urgent)
            c["ncb_responds"].value = _tri(ch.ncb_responds)
            c["admissible_on"].value = _day_text(ch.admissible_on)
            c["save_id"].value = s.id
            self._show_lists()
            self._enable_dependent_controls()
        finally:
            self._syncing = False

    def _enable_dependent_controls(self, changed: str | None = None) -> None:
        """Grey out the controls that do not apply to the facts as they stand.

        A red notice goes to every member, so its recipients are "all members" and cannot
        be chosen (the diffusion's choice comes back when the kind is switched back); only a
        red notice can have a public extract; a refused red notice request only matters for
        a diffusion; refugee details need a refugee status; how a trial in absentia went
        needs a trial in absentia. The recipient and requesting-state lists offer the
        members on the day of issue, never the requesting state as a recipient.
        """
        c = self.controls
        red = c["kind"].value == "red_notice"
        stash = self._stash
        if changed == "kind":
            if red:
                stash["recipients"] = (
                    c["recipients"].value,
                    c["recipient_regions"].value,
                    c["recipient_countries"].value,
                )
                if c["recipients"].value == "chosen":
                    c["recipients"].value = "all"
                if "red_notice_refused_on" in c:
                    stash["red_notice_refused_on"] = c["red_notice_refused_on"].value
                    c["red_notice_refused_on"].value = ""
                if "public_extract" in stash:
                    c["public_extract"].value = stash.pop("public_extract")
            else:
                if "recipients" in stash:
                    mode, regions, countries = stash.pop("recipients")
                    c["recipients"].value = mode
                    c["recipient_regions"].value = regions
                    c["recipient_countries"].value = countries
                if "red_notice_refused_on" in stash and "red_notice_refused_on" in c:
                    c["red_notice_refused_on"].value = stash.pop("red_notice_refused_on")
                if c["public_extract"].value == "yes":
                    stash["public_extract"] = "yes"
                    c["public_extract"].value = _UNKNOWN
        c["recipients"].disabled = red
        chosen = c["recipients"].value == "chosen" and not red
        c["recipient_regions"].disabled = not chosen
        c["recipient_countries"].disabled = not chosen
        c["public_extract"].disabled = not red
        if "red_notice_refused_on" in c:
            c["red_notice_refused_on"].disabled = red
        no_refugee = c["refugee_status"].value == _UNKNOWN
        for name in ("refugee_granted_by", "refugee_granted_on", "refugee_feared_from"):
            c[name].disabled = no_refugee
        not_in_absentia = c["in_absentia"].value == "no"
        for name in ("knew_of_trial", "represented"):
            c[name].disabled = not_in_absentia
        if changed in (None, "issued_on", "requesting"):
            self._offer_members()

    def _offer_members(
        self, requesting: str | None = None, chosen: tuple[str, ...] | None = None
    ) -> None:
        """Members on the day of issue in the state and recipient lists (plus what is set)."""
        c = self.controls
        issued = _day(c["issued_on"].value)
        requesting = c["requesting"].value if requesting is None else requesting
        members = _members_on(issued) if issued is not None else _member_countries()
        key = (issued, requesting, members)
        if key == self._offered:
            return
        self._offered = key
        syncing, self._syncing = self._syncing, True
        try:
            if chosen is None:
                chosen = tuple(c["recipient_countries"].value)
            c["requesting"].options = _with(members, requesting)
            c["requesting"].value = requesting
            c["recipient_countries"].options = _with(
                [(label, code) for label, code in members if code != requesting], *chosen
            )
            c["recipient_countries"].value = chosen
        finally:
            self._syncing = syncing

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

    def _mapping(self, scenario_id: str | None = None) -> dict[str, Any]:
        """The facts on the controls as a format-1 mapping, as a file would hold them.

        It starts from the starting scenario's own mapping, so every fact the controls do
        not show is kept, and replaces what the controls show. Nothing is checked here: the
        loader checks the mapping (:meth:`_compose`), with the same rules as for a file.
        """
        from diffusion_scenarios._facts.loader import scenario_to_dict

        c = self.controls
        base = self._base
        data = scenario_to_dict(base)
        data["id"] = base.id if scenario_id is None else scenario_id
        _put(data, "as_of", _day_value(c["as_of"].value))

        notice = dict(data["notice"])
        notice["kind"] = c["kind"].value
        _put(notice, "purpose", _opt(c["purpose"].value))
        notice["requesting_country"] = c["requesting"].value
        if c["requesting"].value != base.notice.requesting_country:
            # A state the user picks is no longer the file's assumption (issue 25 point 7).
            evidence = dict(data.get("evidence", {}))
            if evidence.pop("notice.requesting_country", None) is not None:
                _put(data, "evidence", evidence)
        notice["issued_on"] = _day_value(c["issued_on"].value)
        mode = c["recipients"].value
        if mode == _UNKNOWN:
            notice.pop("recipients", None)
        elif mode == "all":
            notice["recipients"] = "all"
        else:
            chosen = (*c["recipient_regions"].value, *c["recipient_countries"].value)
            notice["recipients"] = list(_ordered(chosen, base.notice.recipients or ()))
        _put(notice, "public_extract", _from_tri(c["public_extract"].value))
        if "red_notice_refused_on" in c:
            _put(notice, "red_notice_refused_on", _day_value(c["red_notice_refused_on"].value))
        data["notice"] = notice

        person = dict(data.get("person", {}))
        _put(person, "nationalities",
             list(_ordered(c["nationalities"].value, base.person.nationalities)))
        _put(person, "residence", _opt(c["residence"].value))
        _put(person, "profile", list(_ordered(c["profile"].value, base.person.profile)))
        status = _opt(c["refugee_status"].value)
        refugee: dict[str, Any] = {}
        if status is not None:
            refugee = {"status": status}
            _put(refugee, "granted_by", _opt(c["refugee_granted_by"].value))
            _put(refugee, "granted_on", _day_value(c["refugee_granted_on"].value))
            _put(refugee, "feared_persecution_from", _opt(c["refugee_feared_from"].value))
        _put(person, "refugee_status", refugee)
        _put(data, "person", person)

        k = base.case
        case = dict(data.get("case", {}))
        for name, key in (("offence", "offence"), ("stage", "stage"), ("origin", "origin")):
            _put(case, key, _opt(c[name].value))
        for name in ("max_penalty_years", "sentence_months", "remaining_months", "amount_usd",
                     "cheque_count"):
            _put(case, name, _number_value(c[name].value))
        for name, key in (
            ("organised_crime_link", "organised_crime_link"),
            ("summary_names_person_role", "summary_names_person_role"),
            ("limitation_expired", "limitation_expired"),
            ("in_absentia", "in_absentia"),
            ("retrial_guaranteed", "retrial_guaranteed"),
            ("sought_extradition", "requesting_state_sought_extradition"),
            ("fraudulent_intent", "fraudulent_intent"),
        ):
            _put(case, key, _from_tri(c[name].value))
        warrant = dict(case.get("arrest_warrant", {}))
        _put(warrant, "valid", _from_tri(c["warrant_valid"].value))
        _put(case, "arrest_warrant", warrant)
        civil = dict(case.get("civil_proceedings", {}))
        civil_outcome = _opt(c["civil_outcome"].value)
        _put(case, "civil_proceedings", {**civil, "outcome": civil_outcome} if civil_outcome
             else {})
        for name, vocab_name in (("political_context", "political_context"),
                                 ("human_rights_concerns", "human_rights_concerns"),
                                 ("purpose_defects", "purpose_defects")):
            _put(case, vocab_name, list(_ordered(c[name].value, getattr(k, vocab_name))))
        _put(case, "extradition", [_plain_fact(e) for e in self._extradition])
        judgment: dict[str, Any] = {}
        _put(judgment, "country", _opt(c["judgment_country"].value))
        _put(judgment, "date", _day_value(c["judgment_date"].value))
        _put(judgment, "result", _opt(c["judgment_result"].value))
        _put(case, "final_judgment", judgment)
        details = dict(case.get("in_absentia_details", {}))
        _put(details, "knew_of_trial", _from_tri(c["knew_of_trial"].value))
        _put(details, "represented", _from_tri(c["represented"].value))
        if "retrial_guaranteed" in details:  # the same fact as case.retrial_guaranteed
            _put(details, "retrial_guaranteed", _from_tri(c["retrial_guaranteed"].value))
        _put(case, "in_absentia_details", details)
        _put(data, "case", case)

        _put(data, "travel", [_plain_fact(t) for t in self._trips])
        challenge = dict(data.get("challenge", {}))
        _put(challenge, "filed_on", _day_value(c["filed_on"].value))
        _put(challenge, "requests", list(_ordered(
            c["requests"].value, base.challenge.requests if base.challenge else ())))
        _put(challenge, "urgent", _from_tri(c["urgent"].value))
        _put(challenge, "ncb_responds", _from_tri(c["ncb_responds"].value))
        _put(challenge, "admissible_on", _day_value(c["admissible_on"].value))
        if challenge or base.challenge is not None:
            data["challenge"] = challenge
        else:
            data.pop("challenge", None)
        return data  # fmt: skip

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

    def _on_start(self, change: dict[str, Any]) -> None:
        if not self._syncing and change["new"]:
            self.load(str(change["new"]))

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
            self.controls["facts_status"].value = _problems_html(
                "These facts cannot be assessed or saved until this is put right:",
                exc.problems,
                self.controls,
            )
            return
        self.controls["facts_status"].value = ""
        self.scenario = scenario
        self._reassess()

    def _add_extradition(self) -> None:
        c = self.controls
        typed = c["extradition_date"].value.strip()
        if typed and _day(typed) is None:  # a date that is not one is refused, never dropped
            c["facts_status"].value = _message(
                f"Decision date: expected a date YYYY-MM-DD, found '{typed}'", error=True
            )
            return
        proceeding = self._build_fact(
            lambda: ExtraditionProceeding(
                country=c["extradition_country"].value,
                outcome=c["extradition_outcome"].value,
                grounds=_opt(c["extradition_grounds"].value),
                date=_day(c["extradition_date"].value),
            )
        )
        if proceeding is not None:
            self._extradition = (*self._extradition, proceeding)
            self._lists_changed()

    def _remove_extradition(self) -> None:
        kept = _without(self._extradition, self.controls["extradition_choice"].value)
        if kept is not None:
            self._extradition = kept
            self._lists_changed()

    def _add_trip(self) -> None:
        c = self.controls
        day = _day(c["trip_date"].value)
        if day is None:
            found = c["trip_date"].value.strip()
            wanted = (
                f"expected a date YYYY-MM-DD, found '{found}'"
                if found
                else "type the day of travel, YYYY-MM-DD"
            )
            c["facts_status"].value = _message(f"Trip date: {wanted}", error=True)
            return
        trip = self._build_fact(lambda: Trip(country=c["trip_country"].value, date=day))
        if trip is not None:
            self._trips = tuple(sorted((*self._trips, trip), key=lambda t: (t.date, t.country)))
            self._lists_changed()

    def _remove_trip(self) -> None:
        kept = _without(self._trips, self.controls["trip_choice"].value)
        if kept is not None:
            self._trips = kept
            self._lists_changed()

    def _build_fact(self, build: Callable[[], _Fact]) -> _Fact | None:
        """A trip or a proceeding built from its controls, or ``None`` with the problems
        shown (a date picked outside 1900-2199, say): values check themselves when built."""
        try:
            return build()
        except ScenarioError as exc:
            self.controls["facts_status"].value = _problems_html(
                "This cannot be added until this is put right:", exc.problems, self.controls
            )
            return None

    def _lists_changed(self) -> None:
        self._show_lists()
        self._refresh_facts()

    def _on_save(self) -> None:
        from diffusion_scenarios.errors import OutputExistsError

        c = self.controls
        status = c["save_status"]
        path_text = str(c["save_path"].value).strip()
        scenario_id = str(c["save_id"].value).strip()
        if not path_text:
            status.value = _message("Save to: enter a file name ending in .yaml", error=True)
            return
        try:
            path = _in_workspace(path_text, self.workspace, control="Save to")
        except _WorkspaceError as refused:
            status.value = _message(
                f"{refused} (to keep a copy on your computer, use 'Prepare the downloads')",
                error=True,
            )
            return
        shown = _shown_name(path, self.workspace)
        if path.suffix.lower() not in (".yaml", ".yml"):
            status.value = _message(
                f"Save to: expected a file name ending in .yaml, found {path_text!r}", error=True
            )
            return
        try:
            scenario = self._compose(scenario_id)
        except ScenarioError as exc:
            status.value = _problems_html(
                f"Not saved: {shown} would not load back, because of this:", exc.problems, c
            )
            return
        overwrite = bool(c["overwrite"].value)
        from diffusion_scenarios._facts.loader import save_scenario

        try:
            written = save_scenario(scenario, path, force=overwrite)
        except OutputExistsError:
            status.value = _message(
                f"{shown} already exists and was left unchanged; tick 'Overwrite an existing "
                "file' and click Save again to replace it",
                error=True,
            )
            return
        except (DiffusionScenariosError, OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else None
            reason = reason or _first_line(exc).replace(str(path), shown)
            status.value = _message(f"Could not save to {shown}: {reason}", error=True)
            return
        c["overwrite"].value = False
        status.value = _message(
            f"Saved the facts to {_shown_name(written, self.workspace)} in the app's folder.",
            error=False,
        )

    # ------------------------------------------------------------------ rendering

    def _mark_assumed(self) -> None:
        """Each control showing a fact the file marks assumed says so in its label (issue 25
        point 7): "Requesting state (assumed)"."""
        from diffusion_scenarios._facts.scenario import evidence_of

        plain = self._plain_labels
        for path, name in _FIELD_CONTROLS.items():
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

    def _map_html(self, assessment: Assessment) -> str:
        from diffusion_scenarios.plots import circulation_map

        figure = circulation_map(assessment, region=_region(self.controls["map_region"].value))
        count = assessment.circulation.recipient_count
        alt = (
            f"Map of INTERPOL members: {count} received the request; colours show the "
            "arrest risk per country (the Enforcement tab lists the same as a table)."
        )
        return _figure_html(figure, alt)

    def _grounds_figure(self, assessment: Assessment) -> str:
        from diffusion_scenarios.plots import grounds_chart

        alt = (
            "Printable chart of the grounds for deletion and their strength (the same as "
            "the chart and list below)."
        )
        return _figure_html(grounds_chart(assessment), alt)

    def _route_figure(self, assessment: Assessment) -> str:
        from diffusion_scenarios.plots import route_timeline

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
