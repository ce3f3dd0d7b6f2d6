"""The training draft's words: a country, an engine sentence without brief ids, a rule
cited by instrument and provision (never by the catalogue's id), the limits in force.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING

from diffusion_scenarios.errors import DiffusionScenariosError

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Citation
    from diffusion_scenarios._facts.scenario import Scenario

Date = _dt.date

#: The words on every page of a draft.
TRAINING = "Training draft, not legal advice"


LIMITS_RULE = "ccf-operating-rules-2026-limits"


BRIEF_ID = re.compile(r"\s*[\[(](?:[A-Z]{1,5}-\d+[A-Za-z]?(?:[;,] ?)?)+[\])]")


def draft_country(code: str | None, scenario: Scenario | None = None) -> str:
    """A country's name; an assumed requesting state reads "State A (assumed: Kyrgyzstan)"."""
    from diffusion_scenarios._facts.naming import country_shown

    if not code:
        return "[country]"
    try:
        return country_shown(scenario, code)
    except Exception:  # a code the table lacks: shown as given
        return code


def clean(text: str) -> str:
    """An engine sentence without internal brief ids (interface 5 of the contracts)."""
    return " ".join(BRIEF_ID.sub("", text).split())


def cite(citation: Citation) -> str:
    """Instrument, provision and link; never the catalogue's id."""
    text = f"{citation.instrument}, {citation.provision}"
    if citation.verification == "unverified":
        text += " (NOT VERIFIED against an official text: check before relying on it)"
    elif citation.verification == "secondary":
        text += " (as reported by secondary sources)"
    if citation.url:
        text += f" <{citation.url}>"
    return text


def rule_at(rule_id: str, day: Date | None) -> Citation | None:
    from diffusion_scenarios._law.rules import rule_citation

    try:
        return rule_citation(rule_id, day)
    except DiffusionScenariosError:
        return None


def rule_text(rule_id: str, day: Date | None, fallback: str) -> str:
    citation = rule_at(rule_id, day)
    return cite(citation) if citation is not None else fallback


def applies(rule_id: str, day: Date) -> bool:
    from diffusion_scenarios._law.rules import catalogue

    try:
        return catalogue().applies(rule_id, day)
    except DiffusionScenariosError:
        return False


def limit(key: str, day: Date) -> int | None:
    from diffusion_scenarios._law.rules import catalogue

    if not applies(LIMITS_RULE, day):
        return None
    try:
        return int(catalogue().value(LIMITS_RULE, key, day))
    except (DiffusionScenariosError, TypeError, ValueError):
        return None


def or_blank(value: str | None, blank: str) -> str:
    return value if value else f"[{blank}]"
