"""Shared pieces of the grounds stage: findings, the collector that gathers them, labels.

Each rule of the grounds stage (Article 3, the Art 83 exclusions, protection, purpose...)
looks at the facts and *finds* that a ground applies at some strength, for a reason, on
the strength of some catalogue rules. Several rules can find the same ground (a private
dispute both from the case's origin and from the CCF's cheque practice); the ground then
takes the strongest finding and keeps every reason. This module holds those small pieces so
the rule modules stay about law.

Internal: the public contract is
:func:`diffusion_scenarios._engine.grounds.evaluate.evaluate_grounds`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine.assessment import Ground, TraceEntry, Unknown
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.grounds import (
    CORRECTION,
    DELETION,
    GROUND_LABELS,
    grounds_with_remedy,
)
from diffusion_scenarios._law.rules import catalogue

__all__ = [
    "CORRECTION",
    "DELETION",
    "DELETION_GROUNDS",
    "GROUND_LABELS",
    "RANK",
    "UPDATE_GROUNDS",
    "Collector",
    "Finding",
    "feared_persecution_from",
    "ground_category",
    "grounds_by_remedy",
    "json_value",
    "purpose_achieved",
    "refugee_recognised_against_requesting",
    "stronger",
]

Date = _dt.date

# strong > arguable > weak; 0 = the ground does not apply.
RANK: dict[str, int] = {"weak": 1, "arguable": 2, "strong": 3}


#: The two categories of ground, by the remedy each calls for (``remedy`` in
#: data/rules/grounds.yaml): the renderers list them under separate headings, so that a ground
#: asking for the record to be corrected (inaccurate or out-of-date data, a refusal of
#: extradition the record does not show) is never presented as a ground for deletion.
UPDATE_GROUNDS: frozenset[str] = grounds_with_remedy(CORRECTION)
DELETION_GROUNDS: frozenset[str] = grounds_with_remedy(DELETION)


def ground_category(ground_id: str) -> str:
    """``"correction"`` for a ground whose remedy is to correct the record, else ``"deletion"``.

    Example:
        >>> ground_category("data_accuracy"), ground_category("private_dispute")
        ('correction', 'deletion')
    """
    return CORRECTION if ground_id in UPDATE_GROUNDS else DELETION


def grounds_by_remedy(grounds: Iterable[Ground]) -> tuple[list[Ground], list[Ground]]:
    """The grounds split by what they call for: (deletion, correction of the record)."""
    deletions: list[Ground] = []
    corrections: list[Ground] = []
    for ground in grounds:
        (corrections if ground_category(ground.id) == CORRECTION else deletions).append(ground)
    return deletions, corrections


def stronger(a: str, b: str) -> str:
    """The stronger of two strengths."""
    return a if RANK[a] >= RANK[b] else b


def weaker(a: str, b: str) -> str:
    """The weaker of two strengths (used for caps: ``weaker(found, "arguable")``)."""
    return a if RANK[a] <= RANK[b] else b


def json_value(value: Any) -> Any:
    """A fact value as a JSON-ready scalar or list (dates as ISO strings)."""
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [json_value(v) for v in value]
    return value


def feared_persecution_from(scenario: Scenario) -> tuple[str | None, bool]:
    """The country the person fears persecution from, and whether it was inferred.

    A refugee is, by the definition in Article 1A(2) of the 1951 Refugee Convention, a
    person outside the country of his or her nationality who fears persecution there; a
    person with several nationalities is a refugee only if he or she cannot rely on any of
    them. So when the facts give refugee or asylum status without naming the feared
    country, but the person holds the requesting country's nationality, that country is the
    one feared (the inference is marked, and the definition is cited as background law,
    not an INTERPOL rule). Nothing is inferred from other facts.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios._facts.scenario import Notice, Person, RefugeeStatus, Scenario
        >>> s = Scenario(id="x", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...     issued_on=datetime.date(2020, 1, 1)), person=Person(nationalities=("KAZ",),
        ...     refugee_status=RefugeeStatus(status="recognised", granted_by="GBR")))
        >>> feared_persecution_from(s)
        ('KAZ', True)
    """
    status = scenario.person.refugee_status
    if status is None:
        return None, False
    if status.feared_persecution_from is not None:
        return status.feared_persecution_from, False
    requesting = scenario.notice.requesting_country
    if requesting in scenario.person.nationalities:
        return requesting, True
    return None, False


def refugee_recognised_against_requesting(scenario: Scenario, on: Date) -> bool:
    """Whether, on ``on``, the person is a recognised refugee from the requesting state.

    A status granted after ``on`` does not count; the feared country may be inferred
    (:func:`feared_persecution_from`).
    """
    refugee = scenario.person.refugee_status
    return (
        refugee is not None
        and refugee.status == "recognised"
        and feared_persecution_from(scenario)[0] == scenario.notice.requesting_country
        and (refugee.granted_on is None or refugee.granted_on <= on)
    )


def purpose_achieved(scenario: Scenario) -> str | None:
    """Whether the facts show the request's purpose achieved, and how (issue 20 points 1, 11).

    ``"sentence_served"``: the person is sought to serve a sentence and nothing remains to be
    served (RPD Art 81(2)-(3) for a notice, Art 100(3) for a diffusion; RN-14, DF-18).
    ``"located"``: the request asks only to locate the person and the requesting state
    already knows where the person is (Art 100(3); DF-18). ``None`` otherwise.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios._facts.scenario import Case, Notice, Scenario
        >>> s = Scenario(id="x", notice=Notice(kind="red_notice", requesting_country="KAZ",
        ...     issued_on=datetime.date(2020, 1, 1)),
        ...     case=Case(stage="sentence", sentence_months=30, remaining_months=0))
        >>> purpose_achieved(s)
        'sentence_served'
    """
    case = scenario.case
    if case.remaining_months == 0 and case.stage in ("sentence", None):
        return "sentence_served"
    if (
        scenario.notice.purpose == "locate"
        and "location_known_and_no_extradition_sought" in case.purpose_defects
    ):
        return "located"
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One rule's conclusion that a ground applies, at one strength, for one reason."""

    ground: str
    strength: str
    reason: str
    citations: tuple[str, ...]
    fields: tuple[str, ...] = ()  # the fact paths the rule read


class Collector:
    """Gathers findings, trace entries and open questions while the rules run.

    A fresh collector is made for each evaluation and thrown away after it, so the
    evaluation as a whole stays a pure function of ``(scenario, on)``.
    """

    __slots__ = ("_depends", "findings", "on", "scenario", "trace")

    def __init__(self, scenario: Scenario, on: Date) -> None:
        self.scenario = scenario
        self.on = on
        self.findings: list[Finding] = []
        self.trace: list[TraceEntry] = []
        self._depends: list[Unknown] = []

    def applies(self, rule_id: str) -> bool:
        """Whether catalogue rule ``rule_id`` was in force on the day assessed."""
        return catalogue().applies(rule_id, self.on)

    def value(self, rule_id: str, key: str) -> Any:
        """A parameter of the version of ``rule_id`` in force on the day assessed."""
        return catalogue().value(rule_id, key, self.on)

    def in_force(self, rule_ids: Iterable[str]) -> tuple[str, ...]:
        """The rules among ``rule_ids`` that were in force on the day assessed, in order."""
        return tuple(r for r in rule_ids if self.applies(r))

    def find(
        self,
        ground: str,
        strength: str,
        reason: str,
        citations: Iterable[str],
        facts: Iterable[tuple[str, Any]] = (),
    ) -> None:
        """Record that ``ground`` applies at ``strength`` and trace why."""
        cited = tuple(dict.fromkeys(citations))
        reason = reason[:1].upper() + reason[1:]
        facts = list(facts)
        paths = tuple(dict.fromkeys(path for path, _ in facts))
        self.findings.append(
            Finding(ground=ground, strength=strength, reason=reason, citations=cited, fields=paths)
        )
        self.note(cited[0], facts, f"{ground} ({strength}): {reason}")

    def note(self, rule: str, facts: Iterable[tuple[str, Any]], result: str) -> None:
        """Add a trace entry that does not (by itself) find a ground."""
        merged: dict[str, Any] = {}
        for path, value in facts:
            value = json_value(value)
            if path not in merged:
                merged[path] = value
            elif merged[path] != value:  # one path, several values: keep them all
                before = merged[path] if isinstance(merged[path], list) else [merged[path]]
                merged[path] = [*before, *(value if isinstance(value, list) else [value])]
        self.trace.append(TraceEntry(rule=rule, facts=tuple(merged.items()), result=result))

    def depends(self, words: str, *named: str, question: str = "") -> None:
        """Record an unknown fact the answer depends on: plain words, the field paths they
        name (``named``) and, when the words hold paths or asides, the ``question`` without
        them (see :class:`Unknown`)."""
        unknown = Unknown(words, named=named, question=question)
        if unknown not in self._depends:
            self._depends.append(unknown)

    @property
    def depends_on(self) -> tuple[Unknown, ...]:
        return tuple(self._depends)

    def strength_of(self, ground: str) -> int:
        """The rank of the strongest finding so far for ``ground`` (0 if none)."""
        return max((RANK[f.strength] for f in self.findings if f.ground == ground), default=0)
