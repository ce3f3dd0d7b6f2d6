"""The check of one value of each kind, collecting every problem of a scenario.

A :class:`Checker` collects every problem found instead of stopping at the first, each with
the field path, what was expected, what was found and, for misspellings, the closest word.
Its methods check one value of a kind (text, true/false, a number, a date, a word of a
vocabulary, a country, a mapping, a list); :mod:`.checks` reads each fact of a file with the
method of the fact's declared kind.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from diffusion_scenarios._base.limits import (
    EARLIEST_DATE,
    LATEST_DATE,
    MAX_LIST_ITEMS,
    date_range_words,
)
from diffusion_scenarios._base.spelling import close_matches
from diffusion_scenarios._law.countries import resolve_country, suggest_country
from diffusion_scenarios.errors import Problem

__all__ = ["INVALID", "Checker", "closest", "show"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EARLIEST = EARLIEST_DATE
_LATEST = LATEST_DATE
#: Numbers at or above this are refused (no fact in the format needs more; a longer
#: integer cannot even be turned into a decimal number).
_MAX_NUMBER = 10**15


class _Invalid:
    """Marks a value that failed its check (the problem is already recorded)."""

    def __repr__(self) -> str:
        return "<invalid>"


INVALID: Any = _Invalid()


def show(value: Any) -> str:
    """What the file holds, in a few words (never the repr of a big structure)."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.datetime):
        return f"a date with a time, {value.isoformat(sep=' ')}"
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else ""
        return text or "a number with more than 30 digits"
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return "an empty text" if not value.strip() else repr(text)
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, Mapping):
        keys = [str(k) for k in list(value)[:4]]
        more = ", ..." if len(value) > 4 else ""
        return f"a mapping with keys {', '.join(keys)}{more}" if keys else "an empty mapping"
    return f"a value of type {type(value).__name__}"


def closest(word: str, choices: Iterable[str]) -> str | None:
    match = close_matches(word.lower(), choices, cutoff=0.6)
    return match[0] if match else None


class Checker:
    """Collects every problem found while reading one scenario."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.problems: list[Problem] = []

    # -- recording -------------------------------------------------------------------------
    def problem(
        self, path: str, expected: str, found: str | None = None, suggestion: str | None = None
    ) -> Any:
        self.problems.append(
            Problem(
                path=path,
                expected=expected,
                found=found,
                suggestion=suggestion,
                source=self.source,
            )
        )
        return INVALID

    def wrong(self, path: str, expected: str, value: Any, suggestion: str | None = None) -> Any:
        return self.problem(path, expected, show(value), suggestion)

    # -- structure -------------------------------------------------------------------------
    def mapping(
        self,
        value: Any,
        path: str,
        keys: tuple[str, ...],
        *,
        required: tuple[str, ...] = (),
        what: str = "a mapping",
    ) -> dict[str, Any] | None:
        """A mapping with only the given keys; ``None`` if absent, ``INVALID`` if wrong."""
        if value is None:
            return None
        if not isinstance(value, Mapping):
            return self.wrong(path, what, value)  # type: ignore[no-any-return]
        if len(value) > MAX_LIST_ITEMS:  # a valid one has a few dozen keys at most
            return self.wrong(path, f"{what} with the keys {', '.join(keys)}", value)  # type: ignore[no-any-return]
        prefix = f"{path}." if path else ""
        result: dict[str, Any] = {}
        for key, item in value.items():
            name = key if isinstance(key, str) else str(key)
            if name not in keys:
                if len(name) > 60:
                    name = name[:57] + "..."
                suggestion = closest(name, keys)
                section = path or "a scenario"
                if suggestion is not None:
                    allowed = f"a key of {section}"
                else:
                    allowed = f"a key of {section}: {', '.join(keys)}"
                self.problem(f"{prefix}{name}", allowed, f"the unknown key {name!r}", suggestion)
                continue
            result[name] = item
        for key in required:
            if key not in result:
                self.problem(f"{prefix}{key}", f"the required key '{key}'", "nothing")
        return result

    def sequence(
        self, value: Any, path: str, what: str, *, limit: int = MAX_LIST_ITEMS, why: str = ""
    ) -> list[Any] | None:
        """A list of at most ``limit`` items; a single scalar counts as a list of one.
        ``None`` if absent."""
        if value is None:
            return None
        if isinstance(value, list | tuple):
            if len(value) > limit:
                return self.wrong(path, f"a list of at most {limit} items{why}", value)  # type: ignore[no-any-return]
            return list(value)
        if isinstance(value, str | int | float | _dt.date) and not isinstance(value, bool):
            return [value]
        return self.wrong(path, what, value)  # type: ignore[no-any-return]

    # -- scalars ---------------------------------------------------------------------------
    def text(self, value: Any, path: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            return value
        return self.wrong(path, "text (put it in quotes if it looks like a number or date)", value)  # type: ignore[no-any-return]

    def boolean(self, value: Any, path: str) -> bool | None:
        if value is None or isinstance(value, bool):
            return value
        hint = None
        if isinstance(value, str) and value.lower() in ("yes", "no", "on", "off", "y", "n"):
            hint = "true" if value.lower() in ("yes", "on", "y") else "false"
        return self.wrong(path, "true or false (unquoted), or null if unknown", value, hint)  # type: ignore[no-any-return]

    def number(self, value: Any, path: str, unit: str) -> float | None:
        if value is None:
            return None
        expected = f"a number of {unit}, zero or more"
        if isinstance(value, bool) or not isinstance(value, int | float):
            return self.wrong(path, expected, value)  # type: ignore[no-any-return]
        if isinstance(value, int) and not -_MAX_NUMBER < value < _MAX_NUMBER:
            return self.wrong(path, f"{expected}, below {_MAX_NUMBER:,}", value)  # type: ignore[no-any-return]
        if not math.isfinite(value) or value < 0 or value >= _MAX_NUMBER:
            return self.wrong(path, expected, value)  # type: ignore[no-any-return]
        return float(value)

    def date(self, value: Any, path: str) -> _dt.date | None:
        if value is None:
            return None
        expected = "a date YYYY-MM-DD"
        if isinstance(value, _dt.datetime):
            return self.wrong(path, f"{expected} without a time", value)  # type: ignore[no-any-return]
        if isinstance(value, str):
            text = value.strip()
            if not _ISO_DATE.fullmatch(text):
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ].*", text):
                    return self.wrong(path, f"{expected} without a time", value)  # type: ignore[no-any-return]
                return self.wrong(path, expected, value)  # type: ignore[no-any-return]
            try:
                value = _dt.date.fromisoformat(text)
            except ValueError:
                return self.wrong(path, f"{expected} that exists in the calendar", text)  # type: ignore[no-any-return]
        if not isinstance(value, _dt.date):
            return self.wrong(path, expected, value)  # type: ignore[no-any-return]
        if not _EARLIEST <= value <= _LATEST:
            return self.wrong(path, f"{expected} {date_range_words()}", value)  # type: ignore[no-any-return]
        return value

    def word(self, value: Any, path: str, allowed: tuple[str, ...]) -> str | None:
        if value is None:
            return None
        expected = f"one of {', '.join(allowed)}"
        if not isinstance(value, str):
            return self.wrong(path, expected, value)  # type: ignore[no-any-return]
        if value in allowed:
            return value
        normalised = value.strip().lower().replace(" ", "_").replace("-", "_")
        if normalised in allowed:
            return self.wrong(path, expected, value, normalised)  # type: ignore[no-any-return]
        return self.wrong(path, expected, value, closest(normalised, allowed))  # type: ignore[no-any-return]

    def words(self, value: Any, path: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        items = self.sequence(value, path, f"a list of words from: {', '.join(allowed)}")
        if items is None or items is INVALID:
            return ()
        found: list[str] = []
        for index, item in enumerate(items):
            checked = self.word(item, f"{path}[{index}]", allowed)
            if item is None:
                self.wrong(f"{path}[{index}]", f"one of {', '.join(allowed)}", item)
            elif checked is not INVALID and checked is not None:
                if checked in found:
                    self.wrong(f"{path}[{index}]", "each word once", item)
                else:
                    found.append(checked)
        return tuple(found)

    def country(self, value: Any, path: str) -> str | None:
        if value is None:
            return None
        expected = "a country: ISO 3166-1 alpha-2 or alpha-3 code, or English name"
        if not isinstance(value, str):
            return self.wrong(path, expected, value)  # type: ignore[no-any-return]
        code = resolve_country(value)
        if code is None:
            return self.wrong(path, expected, value, suggest_country(value))  # type: ignore[no-any-return]
        return code

    def countries(self, value: Any, path: str) -> tuple[str, ...]:
        items = self.sequence(value, path, "a list of countries")
        if items is None or items is INVALID:
            return ()
        found: list[str] = []
        for index, item in enumerate(items):
            where = f"{path}[{index}]"
            if item is None:
                self.wrong(where, "a country", item)
                continue
            code = self.country(item, where)
            if code is INVALID or code is None:
                continue
            if code in found:
                self.wrong(where, "each country once", item)
            else:
                found.append(code)
        return tuple(found)
