"""The records inside a scenario's sections: a refugee status, a warrant, a civil case, an
extradition proceeding, an earlier CCF decision, a final judgment, a trial in absentia.

Re-exported by :mod:`.scenario`, where the sections that hold them are; each field declares
its fact beside it (:func:`~._facts.declare.fact`).
"""

from __future__ import annotations

import datetime as _dt

from diffusion_scenarios._base.fast_dataclass import dataclass, field
from diffusion_scenarios._facts.declare import _check, fact
from diffusion_scenarios._law import vocab

__all__ = [
    "ArrestWarrant",
    "CivilProceedings",
    "ExtraditionProceeding",
    "FinalJudgment",
    "InAbsentiaDetails",
    "PriorDecision",
    "RefugeeStatus",
]

Date = _dt.date


@dataclass(frozen=True, slots=True, kw_only=True)
class RefugeeStatus:
    """Refugee or asylum status of the person (``person.refugee_status``)."""

    status: str = field(
        metadata=fact(
            "choice",
            "Refugee or asylum status",
            "The person's refugee or asylum status.",
            vocabulary=vocab.REFUGEE_STATUSES,
            required=True,
        )
    )
    granted_by: str | None = field(
        default=None,
        metadata=fact("country", "Status granted by", "The country that recognised the person."),
    )
    granted_on: Date | None = field(
        default=None, metadata=fact("date", "Status granted on", "The day the status was granted.")
    )
    feared_persecution_from: str | None = field(
        default=None,
        metadata=fact(
            "country", "Persecution feared from", "The country the person fears persecution from."
        ),
    )

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class ArrestWarrant:
    """The national warrant the request rests on."""

    issued_on: Date | None = field(
        default=None,
        metadata=fact(
            "date", "Arrest warrant issued on", "The day the national arrest warrant was issued."
        ),
    )
    valid: bool | None = field(
        default=None,
        metadata=fact(
            "bool", "Arrest warrant still valid", "False if withdrawn, quashed or expired."
        ),
    )

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class CivilProceedings:
    """A civil or commercial case about the same dealings."""

    outcome: str | None = field(
        default=None,
        metadata=fact(
            "choice",
            "Outcome",
            "How the civil case ended, or that it is pending.",
            vocabulary=vocab.CIVIL_OUTCOMES,
        ),
    )

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtraditionProceeding:
    """Past or pending extradition proceedings abroad on these facts."""

    country: str | None = field(
        default=None, metadata=fact("country", "Country", "The country asked to extradite.")
    )
    outcome: str | None = field(
        default=None,
        metadata=fact(
            "choice",
            "Outcome",
            "Refused, granted or pending.",
            vocabulary=vocab.EXTRADITION_OUTCOMES,
        ),
    )
    grounds: str | None = field(
        default=None,
        metadata=fact(
            "choice",
            "Grounds",
            "The grounds of the decision.",
            vocabulary=vocab.EXTRADITION_GROUNDS,
        ),
    )
    date: Date | None = field(
        default=None, metadata=fact("date", "Date", "The day of the decision.")
    )

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class PriorDecision:
    """An earlier CCF decision on the same facts."""

    outcome: str | None = field(
        default=None,
        metadata=fact("choice", "Outcome", "What the CCF decided.", vocabulary=vocab.CCF_OUTCOMES),
    )
    date: Date | None = field(
        default=None, metadata=fact("date", "Date", "The day of the decision.")
    )

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class FinalJudgment:
    """A final judgment on the same acts given in another country (``case.final_judgment``).

    Ne bis in idem (legal brief NBI-1 to NBI-8): the judging state will not arrest on the
    alert, and inside the Schengen area CISA Art 54 as read in C-505/19 *WS* can bar
    provisional arrest once a final judicial decision has established it.
    """

    country: str | None = field(
        default=None,
        metadata=fact("country", "Country", "The state whose courts gave the judgment."),
    )
    date: Date | None = field(
        default=None, metadata=fact("date", "Date", "The day of the judgment.")
    )
    result: str | None = field(
        default=None,
        metadata=fact(
            "choice",
            "Result",
            "Acquitted, or convicted with the sentence served or pending.",
            vocabulary=vocab.FINAL_JUDGMENT_RESULTS,
        ),
    )

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class InAbsentiaDetails:
    """How a conviction in absentia came about (``case.in_absentia_details``).

    ``retrial_guaranteed`` is the same fact as ``case.retrial_guaranteed``; the loader
    refuses a file that gives the two different values.
    """

    knew_of_trial: bool | None = field(
        default=None, metadata=fact("bool", "Knew of the trial", "Did the person know of it?")
    )
    represented: bool | None = field(
        default=None,
        metadata=fact(
            "bool", "Represented at trial", "Was the person represented by a lawyer at trial?"
        ),
    )
    retrial_guaranteed: bool | None = field(
        default=None,
        metadata=fact("bool", "Retrial guaranteed", "The same fact as case.retrial_guaranteed."),
    )

    def __post_init__(self) -> None:
        _check(self)
