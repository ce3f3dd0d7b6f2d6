"""How a user reads the name of a scenario's country, when the file marks it assumed.

Issue 25 point 7. Many anonymised CCF decisions do not name the requesting state; their
files give a plausible one so that the model can run, and say so with
``evidence: {notice.requesting_country: assumed}``. Every output then names that state as
assumed, never as known:

* where the fact is introduced (the facts as given, a report's header):
  "State A, assumed to be Kyrgyzstan for the model";
* in running text (the engine's reasons, tables, maps, drafts): "State A (assumed: Kyrgyzstan)".

Every country that is not an assumed requesting state, and every country of a scenario whose
requesting state is known, reads as before: its short English name. The engine and every
renderer name countries of a scenario through :func:`country_shown` (or
:func:`requesting_state_name`), so there is one place where this is decided. Codes in data
(``"KGZ"`` in the JSON's value fields) never change.

    >>> import datetime
    >>> from diffusion_scenarios._facts.scenario import Evidence, Notice
    >>> s = Scenario(id="x", notice=Notice(kind="diffusion", requesting_country="KGZ",
    ...     issued_on=datetime.date(2025, 1, 10)),
    ...     evidence=Evidence({"notice.requesting_country": "assumed"}))
    >>> requesting_assumed(s), requesting_assumed(None)
    (True, False)
    >>> country_shown(s, "KGZ"), country_shown(s, "AUT", with_code=True)
    ('State A (assumed: Kyrgyzstan)', 'Austria (AUT)')
    >>> country_shown(s, "KGZ", introduce=True, with_code=True)
    'State A, assumed to be Kyrgyzstan (KGZ) for the model'
    >>> country_possessive(s, "KGZ"), country_possessive(s, "AUT")
    ("State A's (assumed: Kyrgyzstan)", "Austria's")
    >>> assumed_note(s)[48:]
    'the requesting state (State A, assumed to be Kyrgyzstan for the model).'
"""

from __future__ import annotations

from diffusion_scenarios._facts.scenario import Scenario, evidence_of
from diffusion_scenarios._law.countries import country_name

__all__ = [
    "STATE_A",
    "assumed_country",
    "assumed_note",
    "country_possessive",
    "country_shown",
    "introduced_as_assumed",
    "requesting_assumed",
    "requesting_state_name",
]

#: What an assumed requesting state is called: the anonymised decisions' own convention.
STATE_A = "State A"


def requesting_assumed(scenario: Scenario | None) -> bool:
    """Whether the file marks the requesting state ``assumed``."""
    if scenario is None:
        return False
    return evidence_of(scenario, "notice.requesting_country") == "assumed"


def assumed_country(scenario: Scenario | None, code: str | None) -> bool:
    """Whether ``code`` stands, in this scenario, for an assumed requesting state."""
    return (
        scenario is not None
        and code is not None
        and code == scenario.notice.requesting_country
        and requesting_assumed(scenario)
    )


def _plain_name(code: str) -> str:
    try:
        return country_name(code)
    except LookupError:
        return code


def country_shown(
    scenario: Scenario | None,
    code: str,
    *,
    introduce: bool = False,
    with_code: bool = False,
) -> str:
    """The name a user reads for country ``code`` in this scenario's outputs.

    Args:
        scenario: the facts (``None``: no scenario, every name as known).
        code: the country's alpha-3 code.
        introduce: where the fact is introduced ("State A, assumed to be Kyrgyzstan for the
            model") rather than in running text ("State A (assumed: Kyrgyzstan)").
        with_code: add the code ("Kyrgyzstan (KGZ)"; "State A (assumed: Kyrgyzstan, KGZ)").
    """
    name = _plain_name(code)
    if not assumed_country(scenario, code):
        return f"{name} ({code})" if with_code and name != code else name
    if introduce:
        return introduced_as_assumed(f"{name} ({code})" if with_code and name != code else name)
    shown = f"{name}, {code}" if with_code and name != code else name
    return f"{STATE_A} (assumed: {shown})"


def introduced_as_assumed(shown: str) -> str:
    """Where an assumed requesting state is introduced: ``"State A, assumed to be Kyrgyzstan
    for the model"`` for ``shown`` = ``"Kyrgyzstan"``."""
    return f"{STATE_A}, assumed to be {shown} for the model"


def requesting_state_name(scenario: Scenario, *, introduce: bool = False) -> str:
    """The requesting state's name in running text (see :func:`country_shown`)."""
    return country_shown(scenario, scenario.notice.requesting_country, introduce=introduce)


def country_possessive(scenario: Scenario | None, code: str) -> str:
    """``"Kyrgyzstan's"``; an assumed requesting state keeps its note after the owner:
    ``"State A's (assumed: Kyrgyzstan)"``. Built from the facts, never from a name already
    written.
    """
    name = _plain_name(code)
    if assumed_country(scenario, code):
        return f"{STATE_A}'s (assumed: {name})"
    return f"{name}'s"


def assumed_note(scenario: Scenario | None) -> str | None:
    """One sentence naming every fact the file marks assumed, or ``None`` when there is none
    (the explorer's outcome line, the summary card and the memo's summary show it).
    """
    if scenario is None:
        return None
    paths = [path for path, level in scenario.evidence.items() if level == "assumed"]
    if not paths:
        return None
    parts = [
        f"the requesting state ({requesting_state_name(scenario, introduce=True)})"
        if path == "notice.requesting_country"
        else path
        for path in paths
    ]
    return "Assumed for the model, not given by the source: " + "; ".join(parts) + "."
