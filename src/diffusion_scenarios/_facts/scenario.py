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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from diffusion_scenarios._base.public import publish
from diffusion_scenarios._law.fact_paths import know_fact_paths

__all__ = [
    "ArrestWarrant",
    "Case",
    "Challenge",
    "CivilProceedings",
    "Evidence",
    "ExtraditionProceeding",
    "FinalJudgment",
    "InAbsentiaDetails",
    "Notice",
    "Person",
    "PriorDecision",
    "RefugeeStatus",
    "Scenario",
    "Trip",
    "assumed_facts",
    "evidence_of",
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
    # How each fact is known (an optional addition to format 1; see Evidence below).
    evidence: Evidence = field(default_factory=lambda: Evidence())

    def __post_init__(self) -> None:
        _check(self)


# -- how a fact is known (the optional top-level ``evidence:`` map) --------------------------
#
# Team interface 1 (CONTRACTS.md). A file may say, fact by fact, how the fact is known:
#   alleged      the applicant says so (an argument, a tag of a published decision);
#   established  a court's finding, a recognised status, an extradition refusal, the NCB's
#                own documents or answer;
#   assumed      the encoder chose a plausible value the source does not give (the model
#                uses it; every output shows it as assumed).
# A fact the map does not list takes the default of its field (DEFAULT_EVIDENCE): what a
# file states of a record (a charge, a status, a judgment, a refusal, the NCB's answer) is
# established; what it states of a risk, a motive or how the dispute should be
# characterised is alleged, unless a court or the NCB established it.

EVIDENCE_LEVELS: tuple[str, ...] = ("alleged", "established", "assumed")

#: The default of each fact that is not established by default (every other fact is).
ALLEGED_BY_DEFAULT: frozenset[str] = frozenset(
    {
        "case.political_context",  # a motive: the applicant's reading of the prosecution
        "case.human_rights_concerns",  # a risk the applicant fears
        "case.origin",  # how the dispute is characterised (private, commercial, family)
        "case.purpose_defects",  # the applicant's case that the alert serves no purpose
        "case.requesting_state_sought_extradition",  # false: the applicant's complaint
        "case.fraudulent_intent",  # intent, until a court finds it
        "case.organised_crime_link",  # the NCB's suspicion, until shown
        "case.retrial_guaranteed",
        "case.in_absentia_details",  # what the person knew of the trial, as he tells it
    }
)


#: Facts whose default depends on the value given: ``true`` for "the requesting state sought
#: extradition" is a record (a request was sent); ``false`` is what the applicant complains of.
ESTABLISHED_WHEN: dict[str, object] = {"case.requesting_state_sought_extradition": True}

#: Values of a list of indicators that are records rather than arguments: a finding (a third
#: state's, a court's), the nature of the charge, a status held, dated events (the
#: prosecution following political activity, an election, other prosecutions, a seizure of
#: assets, a dispute to which the state is party), a formal act (a transfer of proceedings,
#: a warrant for questioning only). A list holding one of them is established
#: by default; one holding only the person's characterisation (a critic, an opponent) is
#: the applicant's case.
ESTABLISHED_VALUES: dict[str, frozenset[str]] = {
    "case.political_context": frozenset(
        {
            "third_state_found_political",
            "offence_is_political_by_nature",
            "former_official_of_ousted_regime",
            "election_period",
            "state_is_party_to_dispute",
            "prosecution_follows_political_activity",
            "other_politically_motivated_cases",
            "assets_taken_by_state_or_officials",
        }
    ),
    "case.human_rights_concerns": frozenset({"court_found_persecution"}),
    # "already_tried_for_same_acts" stays alleged: the judgment itself, when on record, is
    # case.final_judgment.
    "case.purpose_defects": frozenset(
        {
            "wanted_for_questioning_only",
            "early_investigation_stage",
            "proceedings_transferred_elsewhere",
        }
    ),
}


class Evidence(Mapping[str, str]):
    """An immutable, hashable map of fact path -> ``alleged | established | assumed``.

    Example:
        >>> e = Evidence({"case.origin": "established"})
        >>> e["case.origin"], len(Evidence()), e == {"case.origin": "established"}
        ('established', 0, True)
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        self._items: tuple[tuple[str, str], ...] = tuple(sorted((items or {}).items()))

    def __getitem__(self, key: str) -> str:
        for name, level in self._items:
            if name == key:
                return level
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Evidence):
            return self._items == other._items
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Evidence({dict(self._items)!r})"


def evidence_of(scenario: Scenario, path: str) -> str:
    """How the fact at ``path`` is known: its ``evidence:`` entry, the entry of the nearest
    enclosing fact listed (``case.arrest_warrant`` covers ``case.arrest_warrant.valid``), or
    the field's default.

    Example:
        >>> import datetime
        >>> s = Scenario(id="x", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...              issued_on=datetime.date(2025, 1, 10)))
        >>> evidence_of(s, "case.origin"), evidence_of(s, "person.refugee_status")
        ('alleged', 'established')
    """
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        prefix = ".".join(parts[:end])
        if prefix in scenario.evidence:
            return scenario.evidence[prefix]
    if path in ESTABLISHED_WHEN or path in ESTABLISHED_VALUES:
        value: Any = scenario
        for part in parts:
            value = getattr(value, part, None)
        if path in ESTABLISHED_WHEN and value == ESTABLISHED_WHEN[path]:
            return "established"
        if isinstance(value, tuple) and set(value) & ESTABLISHED_VALUES.get(path, frozenset()):
            return "established"
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in ALLEGED_BY_DEFAULT:
            return "alleged"
    return "established"


def fact_paths() -> frozenset[str]:
    """Every fact path a file can give, down to the fields of nested values."""
    from dataclasses import fields as _fields

    nested: dict[str, Any] = {
        "person": Person,
        "notice": Notice,
        "case": Case,
        "challenge": Challenge,
        "person.refugee_status": RefugeeStatus,
        "case.arrest_warrant": ArrestWarrant,
        "case.civil_proceedings": CivilProceedings,
        "case.extradition": ExtraditionProceeding,
        "case.prior_ccf_decision": PriorDecision,
        "case.final_judgment": FinalJudgment,
        "case.in_absentia_details": InAbsentiaDetails,
    }
    paths: set[str] = set()
    for prefix, kind in nested.items():
        paths.update(f"{prefix}.{item.name}" for item in _fields(kind))
    return frozenset(paths)


def assumed_facts(scenario: Scenario) -> tuple[str, ...]:
    """The fact paths the file marks ``assumed`` (shown as assumed in every output).

    Example:
        >>> import datetime
        >>> s = Scenario(id="x", notice=Notice(kind="diffusion", requesting_country="KGZ",
        ...     issued_on=datetime.date(2025, 1, 10)),
        ...     evidence=Evidence({"notice.requesting_country": "assumed"}))
        >>> assumed_facts(s)
        ('notice.requesting_country',)
    """
    return tuple(path for path, level in scenario.evidence.items() if level == "assumed")


know_fact_paths(fact_paths)  # the law's catalogue checks the paths it names against these


publish(globals())  # its public classes say they live in diffusion_scenarios
