"""The explorer's controls and the conversions between their values and the facts.

One style is shared by every labelled control; a fact that is not given is the option value
:data:`UNKNOWN` on a control and ``None`` in a :class:`~diffusion_scenarios.Scenario`. The
country lists offer INTERPOL's members (on the day of issue where that matters).
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import ipywidgets as w

from diffusion_scenarios._app.panels import country_label

UNKNOWN = ""  # the option value that stands for "not given" (None in the Scenario)
TRI_OPTIONS = (("unknown", UNKNOWN), ("yes", "yes"), ("no", "no"))
_LABEL_WIDTH = "13em"


# One style shared by every labelled control (and one by the text boxes): the browser then
# has two style objects to build instead of fifty, which keeps the app quick to open.
@cache
def _label_style() -> Any:
    from ipywidgets.widgets.widget_description import DescriptionStyle

    return DescriptionStyle(description_width=_LABEL_WIDTH)


@cache
def text_style() -> Any:
    from ipywidgets.widgets.widget_string import TextStyle

    return TextStyle(description_width=_LABEL_WIDTH)


WIDE = w.Layout(width="98%")


# --------------------------------------------------------------------------- countries


@cache
def all_countries() -> tuple[tuple[str, str], ...]:
    """(label, alpha-3) for every ISO country, sorted by label."""
    import pycountry

    codes = {str(c.alpha_3) for c in pycountry.countries}
    return tuple(sorted(((country_label(c), c) for c in codes), key=lambda p: p[0]))


@cache
def members_on(day: _dt.date | None = None) -> tuple[tuple[str, str], ...]:
    """(label, alpha-3) for INTERPOL's members on ``day`` (today when not given), sorted by
    label; every country when the reference data cannot be read."""
    try:
        from diffusion_scenarios._law.countries import members_on as codes_on

        codes = set(codes_on(_dt.date.today() if day is None else day))
    except Exception:  # reference data not available: offer every country
        return all_countries()
    return tuple(sorted(((country_label(c), c) for c in codes), key=lambda p: p[0]))


def with_codes(options: Sequence[tuple[str, str]], *codes: str | None) -> list[tuple[str, str]]:
    """``options`` plus any code in ``codes`` not yet among them (a scenario's own value)."""
    present = {value for _, value in options}
    extra = [(country_label(c), c) for c in codes if c and c not in present]
    return sorted([*options, *extra], key=lambda p: p[0]) if extra else list(options)


# --------------------------------------------------------------------------- controls


def dropdown(description: str, options: Sequence[tuple[str, Any]]) -> w.Dropdown:
    return w.Dropdown(
        description=description, options=list(options), style=_label_style(), layout=WIDE
    )


def multi(description: str, options: Sequence[tuple[str, str]], rows: int = 5) -> w.SelectMultiple:
    return w.SelectMultiple(
        description=description,
        options=list(options),
        rows=rows,
        style=_label_style(),
        layout=WIDE,
    )


def vocab_options(words: Iterable[str], unknown: str | None = None) -> list[tuple[str, str]]:
    options = [(word.replace("_", " "), word) for word in words]
    return [(unknown, UNKNOWN), *options] if unknown is not None else options


def date_box(description: str) -> w.Text:
    """A date typed as YYYY-MM-DD, shown the same way everywhere. (The browser's own date
    picker writes dates in the browser's locale, 03/01/2025 in a US one, unlike the rest of
    the explorer and the reports.) A date that is not valid is named by the same checks as a
    file's (for example "Issued on: expected a date YYYY-MM-DD, found '01/03/2025'")."""
    box = w.Text(
        description=description,
        placeholder="YYYY-MM-DD",
        continuous_update=False,  # checked when the user presses Enter or leaves the box
        style=text_style(),
        layout=WIDE,
    )
    box.add_class("ds-date")
    return box


def number_box(description: str) -> w.Text:
    return w.Text(description=description, placeholder="unknown", style=text_style(), layout=WIDE)


# ----------------------------------------------------------------- values to and from facts


def day_text(day: _dt.date | None) -> str:
    """What a date box shows for ``day``: ``2025-03-01``, or nothing when it is unknown."""
    return day.isoformat() if day is not None else ""


def day_value(text: str) -> str | None:
    """The text of a date box for the facts: ``None`` when empty (unknown), else as typed,
    for the scenario checks to read (and to name if it is not a date)."""
    return text.strip() or None


def day(text: str) -> _dt.date | None:
    """The date in a date box, or ``None`` when it is empty or not a date YYYY-MM-DD."""
    try:
        return _dt.date.fromisoformat(text.strip()) if len(text.strip()) == 10 else None
    except ValueError:
        return None


def tri(value: bool | None) -> str:
    return UNKNOWN if value is None else ("yes" if value else "no")


def from_tri(value: str) -> bool | None:
    return None if value == UNKNOWN else value == "yes"


def opt(value: str) -> str | None:
    return None if value == UNKNOWN else value


def show_number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


def number_value(text: Any) -> Any:
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


def ordered(chosen: Iterable[str], base: tuple[str, ...]) -> tuple[str, ...]:
    """The chosen words, keeping the starting scenario's order when the set is the same."""
    chosen = tuple(chosen)
    return base if set(chosen) == set(base) else chosen


def put(mapping: dict[str, Any], key: str, value: Any) -> None:
    """Set ``key`` to ``value``, or leave it out when the value is unknown or empty."""
    if value is None or value in ((), [], {}):
        mapping.pop(key, None)
    else:
        mapping[key] = value


def plain_fact(value: Any) -> Any:
    """A fact value (a trip, a proceeding) as a scenario file holds it."""
    from diffusion_scenarios._facts.registry import plain

    return plain(value, iso_dates=False)
