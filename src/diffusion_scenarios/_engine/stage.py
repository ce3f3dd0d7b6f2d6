"""Small shared pieces of the engine stages: notes (trace, open questions, defaults) and dates.

Every stage (issuance, circulation, enforcement, travel, route) is a pure function that
returns its result together with :class:`StageNotes`: the ordered trace of
``(rule, facts used, result)``, the facts the answer depends on, and the defaults it
applied. :func:`diffusion_scenarios.assess` joins the notes of all stages in order.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine.assessment import TraceEntry, Unknown
from diffusion_scenarios._law.rules import catalogue

__all__ = [
    "RISK_ORDER",
    "NoteBook",
    "StageNotes",
    "add_months",
    "cap_risk",
    "json_ready",
    "long_date",
    "max_risk",
    "rule_year",
    "unique",
]

Date = _dt.date

# Arrest risks from lowest to highest; comparisons go through this order.
RISK_ORDER: dict[str, int] = {"none": 0, "low": 1, "medium": 2, "high": 3}


def cap_risk(risk: str, limit: str) -> str:
    """The lower of two arrest risks (``cap_risk("high", "low") == "low"``)."""
    return risk if RISK_ORDER[risk] <= RISK_ORDER[limit] else limit


def max_risk(risk: str, other: str) -> str:
    """The higher of two arrest risks."""
    return risk if RISK_ORDER[risk] >= RISK_ORDER[other] else other


def add_months(day: Date, months: int) -> Date:
    """``day`` plus whole calendar months; the 31st becomes the month's last day.

    Example:
        >>> add_months(Date(2025, 1, 31), 1)
        datetime.date(2025, 2, 28)
    """
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    # The month's last day, without the calendar module (one import less at start-up).
    last = 31 if month == 12 else (Date(year, month + 1, 1) - _dt.timedelta(days=1)).day
    return Date(year, month, min(day.day, last))


def long_date(day: Date) -> str:
    """A date as people write it in a report: ``10 January 2025``."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def rule_year(rule_id: str) -> int:
    """The year a rule first came into force, as a sentence names it ("the 2026 Operating
    Rules", "as amended in 2025"), read from the catalogue so that the words follow it."""
    return catalogue().first_in_force(rule_id).year


def json_ready(value: Any) -> Any:
    """A fact value as a JSON scalar or list (dates as ISO strings, tuples as lists)."""
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, tuple | list | frozenset | set):
        return [json_ready(v) for v in value]
    return value


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """The items without repeats, in first-seen order."""
    return tuple(dict.fromkeys(items))


@dataclass(frozen=True, slots=True, kw_only=True)
class StageNotes:
    """What a stage reports besides its result."""

    trace: tuple[TraceEntry, ...] = ()
    depends_on: tuple[Unknown, ...] = ()
    defaults_used: tuple[str, ...] = ()


class NoteBook:
    """A collector a stage function fills while it works, then freezes.

    It lives only for one call of one stage, so stages stay pure.
    """

    __slots__ = ("_defaults", "_depends", "_trace")

    def __init__(self) -> None:
        self._trace: list[TraceEntry] = []
        self._depends: list[Unknown] = []
        self._defaults: list[str] = []

    def record(self, rule: str, facts: Mapping[str, Any], result: str) -> None:
        """Add a trace entry: ``rule`` applied to ``facts`` (path -> value) gave ``result``."""
        self._trace.append(
            TraceEntry(
                rule=rule,
                facts=tuple((k, json_ready(v)) for k, v in facts.items()),
                result=result,
            )
        )

    def depends(self, words: str, *named: str, field: str | None = None) -> None:
        """Note a fact the answer depends on: plain words, the field path written apart
        before them (``field``) and the paths the words name (``named``)."""
        unknown = Unknown(words, field=field, named=named)
        if unknown not in self._depends:
            self._depends.append(unknown)

    def default(self, text: str) -> None:
        """Note a default the stage applied."""
        if text not in self._defaults:
            self._defaults.append(text)

    def freeze(self) -> StageNotes:
        """The notes as frozen values."""
        return StageNotes(
            trace=tuple(self._trace),
            depends_on=tuple(self._depends),
            defaults_used=tuple(self._defaults),
        )
