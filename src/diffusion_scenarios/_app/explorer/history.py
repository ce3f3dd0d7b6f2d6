"""The "Extradition history" and "Trips" tabs: lists of records, added and removed one by one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any, TypeVar

import ipywidgets as w

from diffusion_scenarios._app.explorer.controls import (
    date_box,
    day,
    dropdown,
    opt,
    plain_fact,
    put,
    vocab_options,
)
from diffusion_scenarios._app.explorer.messages import message
from diffusion_scenarios._app.panels import country_label
from diffusion_scenarios._facts.registry import spec
from diffusion_scenarios._facts.scenario import ExtraditionProceeding, Trip
from diffusion_scenarios.errors import ScenarioError

if TYPE_CHECKING:
    from diffusion_scenarios._app.explorer.explorer import ScenarioExplorer

# The controls of the tabs, in their order on screen.
EXTRADITION_TAB = (
    "extradition_list", "extradition_country", "extradition_outcome", "extradition_grounds",
    "extradition_date", "add_extradition", "extradition_choice", "remove_extradition",
)  # fmt: skip
TRIPS_TAB = ("trip_country", "trip_date", "add_trip", "trip_choice", "remove_trip")

_Fact = TypeVar("_Fact")


def build_history_controls(controls: dict[str, Any], countries: Sequence[tuple[str, str]]) -> None:
    """The extradition proceedings and the trips, added and removed one by one."""
    c = controls
    c["extradition_list"] = w.HTML()
    c["extradition_country"] = dropdown("Extradition country", countries)
    outcomes = spec("case.extradition.outcome").vocabulary or ()
    c["extradition_outcome"] = dropdown("Extradition outcome", vocab_options(outcomes))
    c["extradition_grounds"] = dropdown(
        "Grounds of the decision",
        vocab_options(spec("case.extradition.grounds").vocabulary or (), "unknown"),
    )
    c["extradition_date"] = date_box("Decision date")
    c["add_extradition"] = w.Button(
        description="Add proceeding", tooltip="Add this extradition proceeding"
    )
    c["extradition_choice"] = dropdown("Recorded proceeding", [])
    c["remove_extradition"] = w.Button(
        description="Remove proceeding", tooltip="Remove the chosen extradition proceeding"
    )

    c["trip_country"] = dropdown("Trip to", countries)
    c["trip_date"] = date_box("Trip date")
    c["add_trip"] = w.Button(description="Add trip", tooltip="Add this planned trip")
    c["trip_choice"] = dropdown("Planned trip", [])
    c["remove_trip"] = w.Button(description="Remove trip", tooltip="Remove the chosen trip")


def connect_history_controls(explorer: ScenarioExplorer) -> None:
    c = explorer.controls
    c["add_extradition"].on_click(lambda _: _add_extradition(explorer))
    c["remove_extradition"].on_click(
        lambda _: _remove(explorer, "_extradition", "extradition_choice")
    )
    c["add_trip"].on_click(lambda _: _add_trip(explorer))
    c["remove_trip"].on_click(lambda _: _remove(explorer, "_trips", "trip_choice"))


def _proceeding(e: ExtraditionProceeding) -> str:
    where = country_label(e.country) if e.country else "country unknown"
    outcome = e.outcome or "outcome unknown"
    grounds = f" on {e.grounds.replace('_', ' ')} grounds" if e.grounds else ""
    when = f" ({e.date.isoformat()})" if e.date else ""
    return f"{where}: {outcome}{grounds}{when}"


def show_lists(explorer: ScenarioExplorer) -> None:
    """The recorded proceedings and trips, in their lists and in the lists to remove from."""
    c = explorer.controls
    labels = [_proceeding(e) for e in explorer._extradition]
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
        for i, t in enumerate(explorer._trips)
    ]


def read_lists(explorer: ScenarioExplorer, data: dict[str, Any]) -> None:
    """Write the proceedings and trips into the scenario mapping ``data``."""
    case = dict(data.get("case", {}))
    put(case, "extradition", [plain_fact(e) for e in explorer._extradition])
    put(data, "case", case)
    put(data, "travel", [plain_fact(t) for t in explorer._trips])


def _without(items: tuple[_Fact, ...], index: int | None) -> tuple[_Fact, ...] | None:
    """``items`` without the one at ``index``; ``None`` when nothing is chosen."""
    if index is None:
        return None
    return tuple(item for position, item in enumerate(items) if position != index)


def _add_extradition(explorer: ScenarioExplorer) -> None:
    c = explorer.controls
    typed = c["extradition_date"].value.strip()
    if typed and day(typed) is None:  # a date that is not one is refused, never dropped
        c["facts_status"].value = message(
            f"Decision date: expected a date YYYY-MM-DD, found '{typed}'", error=True
        )
        return
    proceeding = _build_fact(
        explorer,
        lambda: ExtraditionProceeding(
            country=c["extradition_country"].value,
            outcome=c["extradition_outcome"].value,
            grounds=opt(c["extradition_grounds"].value),
            date=day(c["extradition_date"].value),
        ),
    )
    if proceeding is not None:
        explorer._extradition = (*explorer._extradition, proceeding)
        _lists_changed(explorer)


def _remove(explorer: ScenarioExplorer, records: str, choice: str) -> None:
    """Remove the record chosen in the control ``choice`` from the list ``records`` (the
    explorer's ``_extradition`` or ``_trips``)."""
    kept = _without(getattr(explorer, records), explorer.controls[choice].value)
    if kept is not None:
        setattr(explorer, records, kept)
        _lists_changed(explorer)


def _add_trip(explorer: ScenarioExplorer) -> None:
    c = explorer.controls
    when = day(c["trip_date"].value)
    if when is None:
        found = c["trip_date"].value.strip()
        wanted = (
            f"expected a date YYYY-MM-DD, found '{found}'"
            if found
            else "type the day of travel, YYYY-MM-DD"
        )
        c["facts_status"].value = message(f"Trip date: {wanted}", error=True)
        return
    trip = _build_fact(explorer, lambda: Trip(country=c["trip_country"].value, date=when))
    if trip is not None:
        explorer._trips = tuple(sorted((*explorer._trips, trip), key=lambda t: (t.date, t.country)))
        _lists_changed(explorer)


def _build_fact(explorer: ScenarioExplorer, build: Callable[[], _Fact]) -> _Fact | None:
    """A trip or a proceeding built from its controls, or ``None`` with the problems
    shown (a date picked outside 1900-2199, say): values check themselves when built."""
    try:
        return build()
    except ScenarioError as exc:
        explorer.controls["facts_status"].value = explorer._problems_html(
            "This cannot be added until this is put right:", exc.problems
        )
        return None


def _lists_changed(explorer: ScenarioExplorer) -> None:
    show_lists(explorer)
    explorer._refresh_facts()
