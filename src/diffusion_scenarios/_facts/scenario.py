"""The facts of a case as frozen values (scenario format 1).

A :class:`Scenario` is what the loader produces from a file and what a widget builds from
its controls. Every value is immutable, so "vary one fact" is
:func:`dataclasses.replace`::

    >>> import dataclasses, datetime
    >>> base = Scenario(id="demo", notice=Notice(kind="diffusion", requesting_country="KAZ",
    ...                 issued_on=datetime.date(2025, 1, 10)))
    >>> red = dataclasses.replace(base, notice=dataclasses.replace(base.notice, kind="red_notice"))
    >>> red.notice.kind
    'red_notice'

Conventions, shared by every stage of the engine:

* ``None`` always means **unknown** (the fact was not given); the engine says what the answer
  depends on instead of assuming. Empty tuples mean "none of these", except where noted.
* Countries are ISO 3166-1 alpha-3 codes (``"KAZ"``), already resolved by the loader.
* ``notice.recipients`` keeps the recipient tokens as written, normalised: region words
  from vocabulary R (``"europe"``, ``"all"``) and alpha-3 codes. ``None`` means the file did
  not say (default: ``all``). Expansion into countries depends on the date and is done by
  the circulation stage.
* ``notice.purpose`` is ``None`` when not given (default: ``arrest``); ``as_of`` is ``None``
  when not given (default: the day of the assessment). The engine states each default it used.

Every value checks itself when built, by the rules the loader applies to a file
(:mod:`diffusion_scenarios._facts.checks`), and raises :class:`~diffusion_scenarios.ScenarioError`
with the loader's message for the field. So whatever builds can be saved and loaded back equal::

    >>> Case(sentence_months=3, remaining_months=10)
    Traceback (most recent call last):
    ...
    diffusion_scenarios.errors.ScenarioError: case.remaining_months: expected no more than \
case.sentence_months (3), found 10
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

__all__ = [
    "ArrestWarrant",
    "Case",
    "Challenge",
    "CivilProceedings",
    "ExtraditionProceeding",
    "FinalJudgment",
    "InAbsentiaDetails",
    "Notice",
    "Person",
    "PriorDecision",
    "RefugeeStatus",
    "Scenario",
    "Trip",
]

Date = _dt.date

_TRUSTED: ContextVar[bool] = ContextVar("diffusion_scenarios_trusted", default=False)


@contextmanager
def trusted() -> Iterator[None]:
    """Build values without checking them, inside this block only.

    For the checks themselves, which build what they have just checked (a file is read
    once, not once per level), and for an engine stage's own partial scenario; never for
    facts that come from a user.
    """
    token = _TRUSTED.set(True)
    try:
        yield
    finally:
        _TRUSTED.reset(token)


def _check(value: object) -> None:
    """Raise :class:`~diffusion_scenarios.ScenarioError` unless ``value`` is valid."""
    if _TRUSTED.get():
        return
    from diffusion_scenarios._facts.checks import check_value  # the checks build these values

    check_value(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class RefugeeStatus:
    """Refugee or asylum status of the person (``person.refugee_status``)."""

    status: str  # recognised | asylum_seeker | refused | revoked
    granted_by: str | None = None
    granted_on: Date | None = None
    feared_persecution_from: str | None = None

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """Who the request is about."""

    nationalities: tuple[str, ...] = ()
    residence: str | None = None
    profile: tuple[str, ...] = ()
    refugee_status: RefugeeStatus | None = None
    # Optional addition to format 1 (practitioner review 2, issue 20 point 12): the person
    # is a minor. A representative then needs proof of the relationship and the minor's
    # identity document to apply to the CCF. None = not known.
    minor: bool | None = None

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """The INTERPOL data being challenged: a red notice or a diffusion."""

    kind: str  # diffusion | red_notice
    requesting_country: str
    issued_on: Date
    purpose: str | None = None  # arrest | locate | information; None = not given (default arrest)
    recipients: tuple[str, ...] | None = None  # region words and alpha-3 codes; None = not given
    public_extract: bool | None = None
    # Team extension: a red notice request on the same facts was refused at screening on
    # this day, before this diffusion was sent (legal brief DF-12). None = not known.
    red_notice_refused_on: Date | None = None

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class ArrestWarrant:
    """The national warrant the request rests on."""

    issued_on: Date | None = None
    valid: bool | None = None

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class CivilProceedings:
    """A civil or commercial case about the same dealings."""

    outcome: str | None = None  # in_favour_of_person | against_person | pending

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtraditionProceeding:
    """Past or pending extradition proceedings abroad on these facts."""

    country: str | None = None
    outcome: str | None = None  # refused | granted | pending
    grounds: str | None = None
    date: Date | None = None

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class PriorDecision:
    """An earlier CCF decision on the same facts."""

    outcome: str | None = None  # not_compliant | compliant | compliant_with_update
    date: Date | None = None

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class FinalJudgment:
    """A final judgment on the same acts given in another country (``case.final_judgment``).

    Ne bis in idem (legal brief NBI-1 to NBI-8): the judging state will not arrest on the
    alert, and inside the Schengen area CISA Art 54 as read in C-505/19 *WS* can bar
    provisional arrest once a final judicial decision has established it.
    """

    country: str | None = None  # alpha-3: the state whose courts gave the judgment
    date: Date | None = None
    result: str | None = None  # acquitted | convicted_served | convicted_pending

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class InAbsentiaDetails:
    """How a conviction in absentia came about (``case.in_absentia_details``).

    ``retrial_guaranteed`` is the same fact as ``case.retrial_guaranteed``; the loader
    refuses a file that gives the two different values.
    """

    knew_of_trial: bool | None = None
    represented: bool | None = None
    retrial_guaranteed: bool | None = None

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """The national case behind the request. Every field may be unknown (``None``)."""

    stage: str | None = None
    offence: str | None = None
    offence_summary: str | None = None
    max_penalty_years: float | None = None
    sentence_months: float | None = None
    remaining_months: float | None = None
    summary_names_person_role: bool | None = None
    arrest_warrant: ArrestWarrant | None = None
    in_absentia: bool | None = None
    retrial_guaranteed: bool | None = None
    limitation_expired: bool | None = None
    origin: str | None = None
    organised_crime_link: bool | None = None
    amount_usd: float | None = None
    civil_proceedings: CivilProceedings | None = None
    purpose_defects: tuple[str, ...] = ()
    co_accused_deleted: bool | None = None
    political_context: tuple[str, ...] = ()
    human_rights_concerns: tuple[str, ...] = ()
    requesting_state_sought_extradition: bool | None = None
    extradition: tuple[ExtraditionProceeding, ...] = ()
    # Sorted (country, satisfied) pairs; a country left out is unknown.
    dual_criminality: tuple[tuple[str, bool], ...] = ()
    prior_ccf_decision: PriorDecision | None = None
    # Optional additions to format 1 (practitioner review, issue 11).
    final_judgment: FinalJudgment | None = None
    fraudulent_intent: bool | None = None  # cheques and fraud: intent shown (true) or absent
    cheque_count: int | None = None  # unfunded cheques: how many were issued
    in_absentia_details: InAbsentiaDetails | None = None

    def __post_init__(self) -> None:
        _check(self)

    def dual_criminality_in(self, country: str) -> bool | None:
        """Whether the conduct is also a crime in ``country`` (alpha-3); ``None`` if unknown."""
        for code, satisfied in self.dual_criminality:
            if code == country:
                return satisfied
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Trip:
    """A planned journey."""

    country: str
    date: Date

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Challenge:
    """What the person has asked (or will ask) the CCF."""

    filed_on: Date | None = None  # None = not given (default: as_of)
    requests: tuple[str, ...] = ()
    urgent: bool | None = None
    admissible_on: Date | None = None
    ncb_responds: bool | None = None
    # Optional addition to format 1 (practitioner review 2, issue 20 point 9): on a request
    # for revision, the day the new fact was discovered (Statute Art 42: the application
    # must be filed within six months of it). None = not known.
    new_fact_discovered_on: Date | None = None

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Scenario:
    """One set of facts, validated, with countries resolved to alpha-3 codes."""

    id: str
    notice: Notice
    format: int = 1
    title: str = ""
    as_of: Date | None = None
    notes: str = ""
    person: Person = field(default_factory=Person)
    case: Case = field(default_factory=Case)
    travel: tuple[Trip, ...] = ()
    challenge: Challenge | None = None

    def __post_init__(self) -> None:
        _check(self)
