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
from typing import ClassVar

from diffusion_scenarios._base.fast_dataclass import dataclass, field
from diffusion_scenarios._base.public import publish
from diffusion_scenarios._facts.declare import _check, fact
from diffusion_scenarios._facts.declare import trusted as trusted
from diffusion_scenarios._facts.evidence import (
    ALLEGED_BY_DEFAULT,
    ESTABLISHED_VALUES,
    ESTABLISHED_WHEN,
    EVIDENCE_LEVELS,
    Evidence,
    assumed_facts,
    evidence_of,
)
from diffusion_scenarios._facts.records import (
    ArrestWarrant,
    CivilProceedings,
    ExtraditionProceeding,
    FinalJudgment,
    InAbsentiaDetails,
    PriorDecision,
    RefugeeStatus,
)
from diffusion_scenarios._law import vocab
from diffusion_scenarios._law.fact_paths import know_fact_paths

__all__ = [
    "ALLEGED_BY_DEFAULT",
    "ESTABLISHED_VALUES",
    "ESTABLISHED_WHEN",
    "EVIDENCE_LEVELS",
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """Who the request is about."""

    nationalities: tuple[str, ...] = field(
        default=(), metadata=fact("countries", "Nationalities", "The person's nationalities.")
    )
    residence: str | None = field(
        default=None, metadata=fact("country", "Residence", "The country the person lives in.")
    )
    profile: tuple[str, ...] = field(
        default=(),
        metadata=fact(
            "choices",
            "Profile",
            "What the person is or does, as it bears on the case.",
            vocabulary=vocab.PROFILES,
        ),
    )
    refugee_status: RefugeeStatus | None = field(
        default=None,
        metadata=fact(
            "record", "Refugee or asylum status", "Refugee or asylum status; omit if none."
        ),
    )
    # Optional addition to format 1 (practitioner review 2, issue 20 point 12): the person
    # is a minor. A representative then needs proof of the relationship and the minor's
    # identity document to apply to the CCF. None = not known.
    minor: bool | None = field(
        default=None,
        metadata=fact(
            "bool",
            "The person is a minor",
            "A representative must then prove the relationship and send the minor's identity "
            "document.",
        ),
    )

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """The INTERPOL data being challenged: a red notice or a diffusion."""

    #: The order a file and the format document list the keys in.
    KEY_ORDER: ClassVar[tuple[str, ...]] = (
        "kind",
        "purpose",
        "requesting_country",
        "issued_on",
        "recipients",
        "public_extract",
        "red_notice_refused_on",
    )

    kind: str = field(
        metadata=fact(
            "choice",
            "Kind",
            "A red notice or a diffusion.",
            vocabulary=vocab.NOTICE_KINDS,
            required=True,
        )
    )
    requesting_country: str = field(
        metadata=fact(
            "country",
            "Requesting country",
            "The country whose NCB asked for the alert.",
            required=True,
        )
    )
    issued_on: Date = field(
        metadata=fact("date", "Issued on", "The day the alert was issued.", required=True)
    )
    # None = not given (default arrest)
    purpose: str | None = field(
        default=None,
        metadata=fact(
            "choice",
            "Purpose",
            "What the alert asks for (default: arrest).",
            vocabulary=vocab.PURPOSES,
        ),
    )
    # region words and alpha-3 codes; None = not given
    recipients: tuple[str, ...] | None = field(
        default=None,
        metadata=fact(
            "countries",
            "Recipients (as stated)",
            "Who the alert was sent to: all, or countries and regions (default: all).",
            vocabulary=vocab.REGIONS,
        ),
    )
    public_extract: bool | None = field(
        default=None,
        metadata=fact(
            "bool",
            "Public extract on INTERPOL's website",
            "Red notices only: whether an extract is on INTERPOL's public website.",
        ),
    )
    # Team extension: a red notice request on the same facts was refused at screening on
    # this day, before this diffusion was sent (legal brief DF-12). None = not known.
    red_notice_refused_on: Date | None = field(
        default=None,
        metadata=fact(
            "date",
            "Red notice refused at screening on",
            "The day a red notice on the same facts was refused before this diffusion was sent.",
        ),
    )

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """The national case behind the request. Every field may be unknown (``None``)."""

    stage: str | None = field(
        default=None,
        metadata=fact(
            "choice", "Stage", "Prosecution, or a sentence being enforced.", vocabulary=vocab.STAGES
        ),
    )
    offence: str | None = field(
        default=None,
        metadata=fact(
            "choice", "Offence", "The offence charged or sentenced.", vocabulary=vocab.OFFENCES
        ),
    )
    offence_summary: str | None = field(
        default=None,
        metadata=fact(
            "text", "Summary of the offence", "The offence in a sentence, as the request puts it."
        ),
    )
    max_penalty_years: float | None = field(
        default=None,
        metadata=fact(
            "number",
            "Maximum penalty (years)",
            "Prosecution: the maximum penalty in the requesting state.",
            unit="years",
        ),
    )
    sentence_months: float | None = field(
        default=None,
        metadata=fact(
            "number", "Sentence imposed (months)", "Sentence: the sentence imposed.", unit="months"
        ),
    )
    remaining_months: float | None = field(
        default=None,
        metadata=fact(
            "number",
            "Sentence still to serve (months)",
            "Sentence: what remains to be served.",
            unit="months",
        ),
    )
    summary_names_person_role: bool | None = field(
        default=None,
        metadata=fact(
            "bool",
            "Summary describes the person's own acts",
            "Does the requesting state's summary of facts describe this person's own acts?",
        ),
    )
    arrest_warrant: ArrestWarrant | None = field(
        default=None,
        metadata=fact("record", "Arrest warrant", "The national warrant the request rests on."),
    )
    in_absentia: bool | None = field(
        default=None,
        metadata=fact("bool", "Convicted in absentia", "Was the person convicted in absentia?"),
    )
    retrial_guaranteed: bool | None = field(
        default=None,
        metadata=fact(
            "bool", "Retrial guaranteed on return", "If in absentia: is a retrial guaranteed?"
        ),
    )
    limitation_expired: bool | None = field(
        default=None,
        metadata=fact(
            "bool",
            "Limitation period expired",
            "Prosecution or enforcement is time-barred in the requesting state.",
        ),
    )
    origin: str | None = field(
        default=None,
        metadata=fact(
            "choice",
            "Origin of the case",
            "How the dispute behind the case began.",
            vocabulary=vocab.ORIGINS,
        ),
    )
    organised_crime_link: bool | None = field(
        default=None,
        metadata=fact(
            "bool",
            "Alleged link to organised crime",
            "A private or administrative matter alleged to facilitate serious or organised crime.",
        ),
    )
    amount_usd: float | None = field(
        default=None,
        metadata=fact(
            "number",
            "Amount at stake (USD)",
            "The sum at stake, where the offence is about money (cheques, fraud).",
            unit="US dollars",
        ),
    )
    civil_proceedings: CivilProceedings | None = field(
        default=None,
        metadata=fact(
            "record",
            "Civil proceedings on the same dealings",
            "A civil or commercial case about the same dealings.",
            whole=True,
        ),
    )
    purpose_defects: tuple[str, ...] = field(
        default=(),
        metadata=fact(
            "choices",
            "Defects in the purpose of the request",
            "Why the alert may serve no purpose of INTERPOL's.",
            vocabulary=vocab.PURPOSE_DEFECTS,
        ),
    )
    co_accused_deleted: bool | None = field(
        default=None,
        metadata=fact(
            "bool",
            "Data on co-accused already deleted",
            "The CCF or INTERPOL already deleted data on co-accused in the same case.",
        ),
    )
    political_context: tuple[str, ...] = field(
        default=(),
        metadata=fact(
            "choices",
            "Political context",
            "Indicators that the case is political.",
            vocabulary=vocab.POLITICAL_INDICATORS,
        ),
    )
    human_rights_concerns: tuple[str, ...] = field(
        default=(),
        metadata=fact(
            "choices",
            "Human rights concerns",
            "The risks the person fears.",
            vocabulary=vocab.HUMAN_RIGHTS_CONCERNS,
        ),
    )
    requesting_state_sought_extradition: bool | None = field(
        default=None,
        metadata=fact(
            "bool",
            "Requesting state sought extradition where the person lives",
            "Has it asked for extradition where the person is known to live?",
        ),
    )
    extradition: tuple[ExtraditionProceeding, ...] = field(
        default=(),
        metadata=fact(
            "records",
            "Extradition proceedings abroad",
            "Past or pending extradition proceedings abroad on these facts.",
            group="history",
        ),
    )
    # Sorted (country, satisfied) pairs; a country left out is unknown.
    dual_criminality: tuple[tuple[str, bool], ...] = field(
        default=(),
        metadata=fact(
            "country_flags",
            "Dual criminality",
            "Per country: is the conduct also a crime there? A country left out is unknown.",
            group="history",
        ),
    )
    prior_ccf_decision: PriorDecision | None = field(
        default=None,
        metadata=fact(
            "record",
            "Earlier CCF decision on the same facts",
            "An earlier CCF decision on the same facts.",
            group="history",
            whole=True,
        ),
    )
    # Optional additions to format 1 (practitioner review, issue 11).
    final_judgment: FinalJudgment | None = field(
        default=None,
        metadata=fact(
            "record",
            "Final judgment on the same acts abroad",
            "A final judgment on the same acts in another country (ne bis in idem).",
            group="history",
            whole=True,
        ),
    )
    fraudulent_intent: bool | None = field(
        default=None,
        metadata=fact(
            "bool",
            "Fraudulent intent shown",
            "Cheques and fraud: true if intent is shown, false if shown absent.",
        ),
    )
    cheque_count: int | None = field(
        default=None,
        metadata=fact(
            "integer",
            "Unfunded cheques issued",
            "Unfunded cheques: how many were issued (a whole number, 1 or more).",
            unit="cheques",
        ),
    )
    in_absentia_details: InAbsentiaDetails | None = field(
        default=None,
        metadata=fact(
            "record",
            "How the trial in absentia came about",
            "If convicted in absentia: whether the person knew, was represented, can be retried.",
            whole=True,
        ),
    )

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

    country: str = field(
        metadata=fact("country", "Country", "Where the person plans to go.", required=True)
    )
    date: Date = field(metadata=fact("date", "Date", "When.", required=True))

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Challenge:
    """What the person has asked (or will ask) the CCF."""

    # None = not given (default: as_of)
    filed_on: Date | None = field(
        default=None,
        metadata=fact(
            "date", "Filed on", "When the request reaches the CCF (default: the day assessed)."
        ),
    )
    requests: tuple[str, ...] = field(
        default=(),
        metadata=fact(
            "choices",
            "Requests",
            "What the person asks the CCF for.",
            vocabulary=vocab.CHALLENGE_REQUESTS,
        ),
    )
    urgent: bool | None = field(
        default=None,
        metadata=fact(
            "bool",
            "Urgent (provisional measures asked)",
            "Imminent travel, detention or extradition: provisional measures are asked for.",
        ),
    )
    admissible_on: Date | None = field(
        default=None,
        metadata=fact(
            "date", "Admissible on", "If known, the day the request was found admissible."
        ),
    )
    ncb_responds: bool | None = field(
        default=None,
        metadata=fact(
            "bool", "Source NCB answers the CCF", "Does the source NCB answer the CCF's questions?"
        ),
    )
    # Optional addition to format 1 (practitioner review 2, issue 20 point 9): on a request
    # for revision, the day the new fact was discovered (Statute Art 42: the application
    # must be filed within six months of it). None = not known.
    new_fact_discovered_on: Date | None = field(
        default=None,
        metadata=fact(
            "date",
            "New fact discovered on",
            "Revision: the day the new fact was discovered (file within six months).",
        ),
    )

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Scenario:
    """One set of facts, validated, with countries resolved to alpha-3 codes."""

    #: The order a file and the format document list the keys in.
    KEY_ORDER: ClassVar[tuple[str, ...]] = (
        "format",
        "id",
        "title",
        "as_of",
        "notes",
        "person",
        "notice",
        "case",
        "travel",
        "challenge",
        "evidence",
    )

    id: str = field(
        metadata=fact(
            "text",
            "Scenario id",
            "Lower-case letters, digits and hyphens (ccf-2019-u1).",
            group="scenario",
            required=True,
        )
    )
    notice: Notice = field(
        metadata=fact(
            "record",
            "The notice or diffusion",
            "The INTERPOL data being challenged.",
            required=True,
        )
    )
    format: int = 1  # not a fact: the version of the format
    title: str = field(
        default="", metadata=fact("text", "Title", "A title for people.", group="scenario")
    )
    as_of: Date | None = field(
        default=None,
        metadata=fact(
            "date",
            "Assessed as of",
            "The day assessed; rules in force that day apply (default: today).",
            group="scenario",
        ),
    )
    notes: str = field(
        default="",
        metadata=fact("text", "Notes", "Free text shown in reports.", group="scenario"),
    )
    person: Person = field(
        default_factory=Person,
        metadata=fact("record", "The person", "Who the request is about."),
    )
    case: Case = field(
        default_factory=Case,
        metadata=fact("record", "The national case", "The national case behind the request."),
    )
    travel: tuple[Trip, ...] = field(
        default=(),
        metadata=fact("records", "Planned trips", "Planned journeys, each a country and a date."),
    )
    challenge: Challenge | None = field(
        default=None,
        metadata=fact(
            "record", "The challenge before the CCF", "What the person asks (or will ask) the CCF."
        ),
    )
    # How each fact is known (an optional addition to format 1; see Evidence below); not a
    # fact itself.
    evidence: Evidence = field(default_factory=lambda: Evidence())

    def __post_init__(self) -> None:
        _check(self)


def _fact_paths() -> frozenset[str]:
    from diffusion_scenarios._facts.registry import FACTS  # it reads the fields above

    return frozenset(item.path for item in FACTS)


know_fact_paths(_fact_paths)  # the law's catalogue checks the paths it names against these


publish(globals())  # its public classes say they live in diffusion_scenarios
