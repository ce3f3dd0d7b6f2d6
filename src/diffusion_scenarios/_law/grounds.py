"""The grounds for deletion or correction (vocabulary G), as data: ``data/rules/grounds.yaml``.

Each ground is declared once there, with its id, its two labels, its remedy (deletion, or
correction of the record), whether the General Secretariat's review before publication
screens it, and its family (the part of the law it comes from). This module reads the file
once, checks it, and gives every other layer the tables it needs::

    >>> GROUNDS["data_accuracy"].remedy, GROUNDS["article3_political"].screened
    ('correction', True)
    >>> GROUND_IDS[:2]
    ('article3_political', 'article3_military')

The file is read like the shipped rule files: from the data parsed ahead
(``data/parsed_yaml.json``, :mod:`diffusion_scenarios._law.parsed`) while it is unchanged,
else from its YAML.
"""

from __future__ import annotations

import re
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._law.parsed import shipped_yaml
from diffusion_scenarios.errors import ReferenceDataError

__all__ = [
    "CORRECTION",
    "DELETION",
    "GROUNDS",
    "GROUND_IDS",
    "GROUND_LABELS",
    "GROUND_SHORT_LABELS",
    "REMEDIES",
    "SCREENED_GROUNDS",
    "GroundSpec",
    "grounds_with_remedy",
]

FILE = "rules/grounds.yaml"

#: A ground's remedy: the data are deleted, or the record is corrected and kept.
DELETION = "deletion"
CORRECTION = "correction"
REMEDIES = (DELETION, CORRECTION)

_ID = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True, slots=True, kw_only=True)
class GroundSpec:
    """One ground as the catalogue declares it (one entry of ``grounds.yaml``)."""

    id: str
    label: str  # in an assessment (Ground.label) and in every memo
    short_label: str  # a learner's choice in an exercise
    remedy: str  # deletion | correction
    screened: bool  # checked by the review before a red notice is published
    family: str  # article3 | human_rights | excluded_matter | ... (see grounds.yaml)


def _fault(where: str, message: str) -> ReferenceDataError:
    return ReferenceDataError(f"grounds catalogue {FILE}: {where}: {message}")


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fault(where, f"'{key}' must be a text, found {value!r}")
    return value


def _spec(entry: Any, index: int) -> GroundSpec:
    where = f"grounds[{index}]"
    if not isinstance(entry, dict):
        raise _fault(where, f"each ground must be a mapping, found {entry!r}")
    keys = ("id", "label", "short_label", "remedy", "screened", "family")
    unknown = [k for k in entry if k not in keys]
    if unknown:
        raise _fault(
            where, f"unknown key(s) {', '.join(map(str, unknown))}; a ground has {', '.join(keys)}"
        )
    ground_id = _text(entry, "id", where)
    family = _text(entry, "family", where)
    for key, value in (("id", ground_id), ("family", family)):
        if not _ID.fullmatch(value):
            raise _fault(where, f"'{key}' must be a lowercase id, found {value!r}")
    remedy = _text(entry, "remedy", where)
    if remedy not in REMEDIES:
        raise _fault(where, f"'remedy' must be one of {', '.join(REMEDIES)}, found {remedy!r}")
    screened = entry.get("screened")
    if not isinstance(screened, bool):
        raise _fault(where, f"'screened' must be true or false, found {screened!r}")
    return GroundSpec(
        id=ground_id,
        label=_text(entry, "label", where),
        short_label=_text(entry, "short_label", where),
        remedy=remedy,
        screened=screened,
        family=family,
    )


def read_grounds(document: Any) -> dict[str, GroundSpec]:
    """The grounds of a ``grounds.yaml`` document, in its order, checked."""
    entries = document.get("grounds") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries:
        raise _fault("grounds", "expected a list of grounds under 'grounds:'")
    grounds: dict[str, GroundSpec] = {}
    for index, entry in enumerate(entries):
        spec = _spec(entry, index)
        if spec.id in grounds:
            raise _fault(f"grounds[{index}]", f"ground '{spec.id}' is declared twice")
        grounds[spec.id] = spec
    return grounds


#: Every ground, by id, in the teaching order of vocabulary G.
GROUNDS: dict[str, GroundSpec] = read_grounds(shipped_yaml(FILE))
GROUND_IDS: tuple[str, ...] = tuple(GROUNDS)
#: The label of each ground in an assessment (``Ground.label``) and in the memos.
GROUND_LABELS: dict[str, str] = {g.id: g.label for g in GROUNDS.values()}
#: A short label for each ground, for choosing in an exercise (``exercises.GROUND_LABELS``).
GROUND_SHORT_LABELS: dict[str, str] = {g.id: g.short_label for g in GROUNDS.values()}
#: The grounds the review before publication screens (``screened: true``).
SCREENED_GROUNDS: frozenset[str] = frozenset(g.id for g in GROUNDS.values() if g.screened)


def grounds_with_remedy(remedy: str) -> frozenset[str]:
    """The ids of the grounds whose remedy is ``remedy`` (``deletion`` or ``correction``).

    Example:
        >>> sorted(grounds_with_remedy("correction"))
        ['data_accuracy', 'extradition_refused']
    """
    return frozenset(g.id for g in GROUNDS.values() if g.remedy == remedy)
