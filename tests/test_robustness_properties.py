"""Hostile input, as properties (hypothesis, 500 examples each; issue 13).

* A valid scenario mutated at random — keys deleted, values swapped for hostile ones
  (309-digit numbers, infinities, dates in year 1 or 9999, date-times, half characters,
  control characters, lists over the limits, deep nesting), hostile keys — read from a
  mapping, JSON or YAML either loads, and then assesses, or raises ``ScenarioError``
  whose every problem names the file and a field of the document, on one clean line.
* ``assess`` never raises on a valid scenario, on any day of the documented range, and
  gives the same answer twice.
* Every report format in ``reports.FORMATS`` renders a valid scenario whose free text is
  hostile (HTML, ``$`` maths, control characters, right-to-left marks, emoji); markup
  never reaches HTML or Markdown unescaped and the text report carries no control
  character.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_engine_properties import scenarios

import diffusion_scenarios as ds
from diffusion_scenarios import plots, reports
from diffusion_scenarios._base import limits as _limits
from diffusion_scenarios._base.yaml_io import dump_yaml
from diffusion_scenarios.errors import _UNSAFE

EXAMPLES = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
SOURCE = "mutated.yaml"

VALID: dict[str, Any] = {
    "format": 1,
    "id": "hostile-mutations",
    "title": "Diffusion after a failed joint venture",
    "as_of": "2025-03-01",
    "notes": "Facts as the client told them.",
    "person": {
        "nationalities": ["KZ"],
        "residence": "GB",
        "profile": ["businessperson"],
        "refugee_status": {"status": "recognised", "granted_by": "GB", "granted_on": "2023-05-01"},
    },
    "notice": {
        "kind": "diffusion",
        "purpose": "arrest",
        "requesting_country": "KZ",
        "issued_on": "2025-01-10",
        "recipients": ["europe", "US"],
    },
    "case": {
        "stage": "prosecution",
        "offence": "fraud",
        "offence_summary": "Alleged misuse of company funds.",
        "max_penalty_years": 10,
        "amount_usd": 250000,
        "arrest_warrant": {"issued_on": "2024-12-20", "valid": True},
        "origin": "commercial_dispute",
        "political_context": ["state_is_party_to_dispute"],
        "extradition": [{"country": "DE", "outcome": "refused", "grounds": "political"}],
        "dual_criminality": {"GB": True},
    },
    "travel": [{"country": "FR", "date": "2025-06-01"}, {"country": "TR", "date": "2025-07-01"}],
    "challenge": {"filed_on": "2025-02-01", "requests": ["access", "deletion"], "urgent": True},
}
TOP_KEYS = ("format", "id", "title", "as_of", "notes", "person", "notice", "case", "travel",
            "challenge")  # fmt: skip

# Free text a user might paste, or an attacker might write.
FRAGMENTS = (
    "<hostile-tag onload=alert(1)>",
    "</svg></figure>",
    "<!--",
    "]]>",
    "&amp;",
    "$x^$",
    "$",
    "\\",
    "{{ }}",
    "%s",
    "*bold* _it_ `code` | table |",
    "# heading",
    "\x1b[2K\r",
    "\x00",
    "\x07",
    "\x85",
    "\u202e",
    "\u2066",
    "عربى",
    "עברית",
    "😀",
    "👨‍👩‍👧",
    "e\u0301",
    "\n\n",
    "\t",
    " ",
    "ok: case.yaml",
)
HOSTILE_TEXT = st.one_of(
    st.lists(
        st.one_of(
            st.sampled_from(FRAGMENTS),
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=6),
        ),
        max_size=8,
    ).map("".join),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=80),
)
HOSTILE_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.integers(min_value=10**14, max_value=10**400),  # up to 401 digits
    st.integers(max_value=-(10**14), min_value=-(10**400)),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),  # year 1 to 9999
    st.datetimes(),
    st.sampled_from(["0001-01-01", "9999-12-31", "2025-02-30", "2025-01-10T10:00", "\ud800"]),
    HOSTILE_TEXT,
    st.text(max_size=8),  # may hold a lone surrogate
    st.lists(st.sampled_from(["FR", "DE", "XX", "europe"]), min_size=299, max_size=303),
    st.lists(st.text(max_size=4), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=3),
    st.recursive(st.none(), lambda inner: st.lists(inner, max_size=2), max_leaves=30),
)
HOSTILE_KEY = st.one_of(st.text(max_size=12), st.integers(-5, 10**20), st.sampled_from(FRAGMENTS))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


PATHS = _paths(VALID)


def _mutate(data: st.DataObject) -> dict[str, Any]:
    document = copy.deepcopy(VALID)
    for _ in range(data.draw(st.integers(1, 4))):
        path = data.draw(st.sampled_from(PATHS))
        node: Any = document
        try:
            for step in path[:-1]:
                node = node[step]
            current = node[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this branch
        if not isinstance(node, dict | list):
            continue  # replaced by a string (which can be indexed, but not changed)
        action = data.draw(st.sampled_from(["delete", "swap", "swap", "key"]))
        if action == "delete":
            del node[path[-1]]
        elif action == "swap":
            node[path[-1]] = data.draw(HOSTILE_VALUE)
        elif isinstance(current, dict):
            current[data.draw(HOSTILE_KEY)] = data.draw(HOSTILE_VALUE)
    return document


def _texts(document: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(text, json_text) pairs: the document as JSON and as YAML, where it can be written."""
    found: list[tuple[str, str | None]] = []
    with contextlib.suppress(TypeError, ValueError):
        found.append((json.dumps(document, default=str), "json"))
    with contextlib.suppress(Exception):  # e.g. YAML cannot write a half character: no test
        found.append((dump_yaml(document), "yaml"))
    return found


def _check_problems(error: ds.ScenarioError, document: dict[str, Any]) -> None:
    assert error.problems
    keys = {str(key)[:57] for key in document} | set(TOP_KEYS)
    for problem in error.problems:
        assert problem.source == SOURCE
        line = problem.message()
        assert line.startswith(f"{SOURCE}: ")
        assert "\n" not in line and not _UNSAFE.search(line)
        if problem.path:  # the whole file, or a field that starts at a key of the document
            head = problem.path.split("[")[0]
            assert any(head == key or head.startswith(f"{key}.") for key in keys), line


@EXAMPLES
@given(data=st.data())
def test_a_hostile_mutation_loads_and_assesses_or_names_the_field(data: st.DataObject) -> None:
    document = _mutate(data)
    loaded: list[ds.Scenario] = []
    try:
        loaded.append(ds.scenario_from_dict(document, source=SOURCE))
    except ds.ScenarioError as error:
        _check_problems(error, document)
    for text, kind in _texts(document):
        try:
            loaded.append(ds.loads_scenario(text, source=SOURCE, json_text=kind == "json"))
        except ds.ScenarioError as error:
            _check_problems(error, document)
    unique: list[ds.Scenario] = []
    for scenario in loaded:
        if scenario not in unique:
            unique.append(scenario)
    for scenario in unique:  # what validates also assesses and reports
        reports.render(ds.assess(scenario), "text")


DAYS = st.one_of(
    st.none(),
    st.dates(min_value=_limits.EARLIEST_DATE, max_value=_limits.LATEST_DATE),
    st.sampled_from([_limits.EARLIEST_DATE, _limits.LATEST_DATE]),
)


@EXAMPLES
@given(scenario=scenarios(), as_of=DAYS)
def test_assess_never_raises_on_a_valid_scenario_and_is_deterministic(
    scenario: ds.Scenario, as_of: dt.date | None
) -> None:
    try:
        valid = ds.scenario_from_dict(ds.scenario_to_dict(scenario))
    except ds.ScenarioError:
        assume(False)  # drawn facts the format does not allow
        return
    first = json.dumps(ds.assess(valid, as_of=as_of).to_dict(), sort_keys=True)
    second = json.dumps(ds.assess(valid, as_of=as_of).to_dict(), sort_keys=True)
    assert first == second


class _Blank:
    """Stands in for a heavy chart that holds no user text (drawn for real elsewhere)."""


def _title_chart(assessment: ds.Assessment) -> Any:
    """A small chart with the user's title, drawn as the real charts draw it."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(3, 0.5))  # no axes: text only, a few milliseconds to draw
    figure.text(0.01, 0.5, plots._short(assessment.title or assessment.scenario_id, 90))
    return figure


BUILTIN_IDS = sorted(ds.builtin_scenarios())


@pytest.fixture(scope="module")
def light_charts() -> Any:
    """HTML memos with one small real chart instead of three large ones (500 memos fit CI).

    The title goes through the same escaping and the same matplotlib text drawing as in the
    real charts; the full charts with hostile titles are drawn in test_robustness.py.
    """
    from diffusion_scenarios._render import html as _render_html

    real_svg = _render_html.figure_svg

    def figure_svg(figure: Any, *, name: str, description: str) -> str:
        if isinstance(figure, _Blank):
            return "<svg></svg>"
        return real_svg(figure, name=name, description=description)

    from diffusion_scenarios._render import plot_charts, plot_map  # where the memos draw

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plot_map, "circulation_map", lambda *a, **k: _Blank())
        patch.setattr(plot_charts, "route_timeline", lambda *a, **k: _Blank())
        patch.setattr(plot_charts, "grounds_chart", _title_chart)
        patch.setattr(_render_html, "figure_svg", figure_svg)
        yield


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # emoji and rare scripts
@EXAMPLES
@given(
    scenario_id=st.sampled_from(BUILTIN_IDS),
    title=HOSTILE_TEXT,
    notes=HOSTILE_TEXT,
    summary=HOSTILE_TEXT,
)
def test_every_report_format_renders_hostile_free_text_safely(
    light_charts: None, scenario_id: str, title: str, notes: str, summary: str
) -> None:
    base = ds.builtin_scenarios()[scenario_id]
    hostile = dataclasses.replace(
        base,
        title=title,
        notes=notes,
        case=dataclasses.replace(base.case, offence_summary=summary or None),
    )
    scenario = ds.scenario_from_dict(ds.scenario_to_dict(hostile))  # valid: it loads
    assessment = ds.assess(scenario)
    for fmt in reports.FORMATS:
        output = reports.render(assessment, fmt)
        assert output
        if fmt == "text":
            assert not _UNSAFE.search(output)
        elif fmt == "json":
            assert json.loads(output)["title"] == title
        elif isinstance(output, str):  # markup formats: the user's markup is never markup
            assert "<hostile-tag" not in output
