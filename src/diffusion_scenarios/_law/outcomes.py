"""The outcomes of a CCF decision, each declared once: ``data/rules/outcomes.yaml``.

Each outcome is one entry there: its id and its words in every register the package writes
it in (a memo's headline, the text report's sentence, the explorer's badge, an exercise's
choice...). Its data are keyed by that id in the catalogue (the base rate,
``ccf-outcome-base-rates``, whose keys :mod:`.values` checks against these ids). So adding an
outcome is one entry here and its base rate, plus what the engine reasons about it::

    >>> OUTCOME_IDS
    ('not_compliant', 'compliant_with_update', 'compliant')
    >>> OUTCOME_WORDS["not_compliant"]["result"]
    'deleted'

The words are data, not law: the renderers take them from
:mod:`diffusion_scenarios._render.wording`, and the engine the two it writes into its own
sentences from :mod:`diffusion_scenarios._engine.words`; both build their tables from here.
"""

from __future__ import annotations

import re
from typing import Any

from diffusion_scenarios._law.parsed import shipped_yaml
from diffusion_scenarios.errors import ReferenceDataError

__all__ = ["OUTCOME_IDS", "OUTCOME_WORDS", "REGISTERS", "read_outcomes", "words_in"]

FILE = "rules/outcomes.yaml"

#: The registers every outcome is worded in (see the file's header for where each is used).
REGISTERS = (
    "headline",
    "sentence",
    "badge",
    "bracketed",
    "choice",
    "result",
    "decided",
    "predicted",
    "index_label",
    "likely",
)

_ID = re.compile(r"[a-z][a-z0-9_]*")


def _fault(where: str, message: str) -> ReferenceDataError:
    return ReferenceDataError(f"outcomes catalogue {FILE}: {where}: {message}")


def _words(raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise _fault(where, f"expected a mapping of the registers {', '.join(REGISTERS)}")
    unknown = [str(k) for k in raw if k not in REGISTERS]
    missing = [k for k in REGISTERS if k not in raw]
    if unknown or missing:
        said = f"unknown register(s) {', '.join(unknown)}" if unknown else ""
        said += "; " if unknown and missing else ""
        said += f"missing register(s) {', '.join(missing)}" if missing else ""
        raise _fault(where, said)
    for key in REGISTERS:
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise _fault(f"{where}.{key}", f"expected a text, found {raw[key]!r}")
    return {key: raw[key] for key in REGISTERS}


def read_outcomes(document: Any) -> dict[str, dict[str, str]]:
    """Each outcome's words by register, in the file's order, checked."""
    entries = document.get("outcomes") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries:
        raise _fault("outcomes", "expected a list of outcomes under 'outcomes:'")
    outcomes: dict[str, dict[str, str]] = {}
    for index, entry in enumerate(entries):
        where = f"outcomes[{index}]"
        if not isinstance(entry, dict) or set(entry) != {"id", "words"}:
            raise _fault(where, "each outcome is a mapping of id and words")
        outcome_id = entry["id"]
        if not isinstance(outcome_id, str) or not _ID.fullmatch(outcome_id):
            raise _fault(where, f"'id' must be a lowercase id, found {outcome_id!r}")
        if outcome_id in outcomes:
            raise _fault(where, f"outcome '{outcome_id}' is declared twice")
        outcomes[outcome_id] = _words(entry["words"], f"{where}.words")
    return outcomes


#: Each outcome's words by register, in the order of the outcome vocabulary.
OUTCOME_WORDS: dict[str, dict[str, str]] = read_outcomes(shipped_yaml(FILE))
#: The outcome ids, in order (``CCF_OUTCOMES`` of the vocabularies).
OUTCOME_IDS: tuple[str, ...] = tuple(OUTCOME_WORDS)


def words_in(register: str) -> dict[str, str]:
    """Each outcome's words in one register: ``{"not_compliant": "deleted", ...}``."""
    return {outcome: words[register] for outcome, words in OUTCOME_WORDS.items()}
