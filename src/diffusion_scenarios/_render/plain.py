"""Plain words for the memo and the reports: a vocabulary token, a country, a day, yes/no, a
listing, a number, the kind of notice, a step's date.

Each is one small function with no decision in it; the memo content (:mod:`.content`), the
facts as given (:mod:`.facts_given`) and the text report call them so that a value reads the
same everywhere.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from diffusion_scenarios._render.wording import KIND_WORDS

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment
    from diffusion_scenarios._facts.scenario import Scenario

__all__ = [
    "country",
    "day",
    "kind_words",
    "listing",
    "number",
    "step_date_text",
    "words",
    "yes_no",
]


def words(token: str) -> str:
    """A vocabulary word in plain words (``commercial_dispute`` -> ``commercial dispute``)."""
    return token.replace("_", " ")


def country(code: str | None, scenario: Scenario | None = None) -> str:
    """``"Kazakhstan (KAZ)"``; the bare code when the name is unknown. With the scenario, an
    assumed requesting state reads ``"State A (assumed: Kyrgyzstan, KGZ)"`` (issue 25.7)."""
    if code is None:
        return "unknown"
    from diffusion_scenarios._facts.naming import country_shown

    return country_shown(scenario, code, with_code=True)


def day(value: _dt.date | None) -> str:
    return value.isoformat() if value is not None else "—"


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def listing(items: Iterable[str], *, empty: str = "none") -> str:
    values = list(items)
    return ", ".join(values) if values else empty


def number(value: float) -> str:
    return f"{value:g}" if value != int(value) else f"{int(value)}"


def kind_words(assessment: Assessment) -> str:
    """``"red notice"`` or ``"diffusion"``."""
    return KIND_WORDS.get(assessment.issuance.kind, words(assessment.issuance.kind))


def step_date_text(value: _dt.date | None, *, estimated: bool) -> str:
    if value is None:
        return "—"
    return f"{value.isoformat()} (estimated)" if estimated else value.isoformat()
