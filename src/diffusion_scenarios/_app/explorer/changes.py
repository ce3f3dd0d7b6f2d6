"""The facts that differ between two scenarios (the explorer's "Changes" tab)."""

from __future__ import annotations

import dataclasses
from typing import Any

from diffusion_scenarios._facts.scenario import Scenario


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
