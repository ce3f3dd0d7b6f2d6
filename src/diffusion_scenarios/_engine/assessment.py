"""The result of :func:`diffusion_scenarios.assess` as frozen values.

``Assessment.to_dict()`` is exactly the JSON object of ``SCENARIO_FORMAT.md`` ("Output"),
with a few optional additions (``depends_on``, ``defaults_used``, per-step ``description``,
per-ground ``label``, ``similar_decisions``). Renderers (text, markdown, HTML, plots,
widgets) only read these values; they never decide anything themselves.

Facts of the day that renderers need and that are not in the JSON are read from the values
too, never recomputed by a renderer: ``Assessment.members`` / ``Assessment.is_member`` (the
INTERPOL members on the day assessed), ``Assessment.requesting_country``, and a trip's
``TravelEntry.reached_through`` / ``TravelEntry.served_by`` (the member through whose
National Central Bureau an alert reaches the destination on the trip's date). They are
derived from the fields (so ``dataclasses.replace`` and values built in code keep them
true) and are not part of ``to_dict()``.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._base.public import publish
from diffusion_scenarios._facts.registry import facts_given
from diffusion_scenarios._law import countries as _countries
from diffusion_scenarios._law.citation import Citation
from diffusion_scenarios._law.vocab import CCF_OUTCOMES

if TYPE_CHECKING:
    from diffusion_scenarios._engine.similar import SimilarDecision
    from diffusion_scenarios._facts.scenario import Scenario

__all__ = [
    "Assessment",
    "Circulation",
    "Citation",
    "EnforcementEntry",
    "Ground",
    "Hinge",
    "Issuance",
    "Outcome",
    "Reason",
    "RouteStep",
    "TraceEntry",
    "TravelEntry",
    "Unknown",
    "alert_reaches",
]

Date = _dt.date
JSON = dict[str, Any]

#: What :meth:`Assessment.verification` says of a rule id the assessment does not cite.
NOT_CITED = "not in citations"


def _iso(value: Date | None) -> str | None:
    return value.isoformat() if value is not None else None


@lru_cache(maxsize=512)
def _members(day: Date) -> frozenset[str]:
    return frozenset(_countries.members_on(day))


def alert_reaches(country: str, day: Date) -> str | None:
    """The member through whose National Central Bureau an INTERPOL alert reaches
    ``country`` on ``day``: the country itself when it is a member, else the member serving
    the territory (``_countries.served_by``), else ``None`` (no member serves it that day).

    Example:
        >>> day = Date(2025, 6, 1)
        >>> alert_reaches("FRA", day), alert_reaches("HKG", day), alert_reaches("TWN", day)
        ('FRA', 'CHN', None)
    """
    if _countries.is_member(country, day):
        return country
    serving = _countries.served_by(country)
    return serving if serving is not None and _countries.is_member(serving, day) else None


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason as words and as values, so that no reader has to parse the words.

    ``text`` is the sentence the JSON shows; the rest says what it rests on: the fact paths
    (``fields``), the rules it applies or names (``rules``), whether it rests on a
    presumption rather than a finding, and whether its rules are in force on the day they
    are applied to (``in_force=False``: the sentence names them only to say they do not
    apply yet). A reason built from words alone carries none of these.
    """

    text: str
    fields: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    presumption: bool = False
    in_force: bool = True

    def __str__(self) -> str:
        return self.text


def reason_of(item: Reason | str) -> Reason:
    """``item`` as a :class:`Reason` (words alone carry no values)."""
    return item if isinstance(item, Reason) else Reason(item)


def _pair_reasons(part: Any, words: tuple[str, ...], why: tuple[Reason | str, ...]) -> None:
    """Keep a part's ``reasons`` (its words, for the JSON) and ``why`` (its reasons as
    values) one list: either may be given, and given both must agree."""
    values = tuple(reason_of(r) for r in why)
    if not values:
        values = tuple(Reason(w) for w in words)
    elif not words:
        words = tuple(r.text for r in values)
    if words != tuple(r.text for r in values):
        raise ValueError("reasons and why disagree: give one of them")
    object.__setattr__(part, "reasons", tuple(words))
    object.__setattr__(part, "why", values)


class _Reasoned:
    """What every part that gives reasons answers from its ``why``."""

    __slots__ = ()
    why: tuple[Reason, ...]

    @property
    def presumed(self) -> bool:
        """Whether one of its reasons rests on a presumption rather than a finding."""
        return any(r.presumption for r in self.why)

    @property
    def said_not_in_force(self) -> frozenset[str]:
        """The rules its reasons name only to say they are not yet in force."""
        return frozenset(rule for r in self.why if not r.in_force for rule in r.rules)


class _WithReasons(_Reasoned):
    """A part whose ``reasons`` (the words, for the JSON) and ``why`` (the values) are kept
    one list (see :func:`_pair_reasons`)."""

    __slots__ = ()
    reasons: tuple[str, ...]

    def __post_init__(self) -> None:
        _pair_reasons(self, self.reasons, self.why)


@dataclass(frozen=True, slots=True)
class Unknown:
    """A fact the answer depends on and the facts do not give, with its field path.

    ``words`` say what is unknown and why it matters. ``field`` is the fact's path when it
    is written apart, before the words (``"challenge.urgent: whether ..."``); ``named`` are
    the paths the words name themselves (``"whether the warrant is still valid
    (case.arrest_warrant.valid)"``). ``text`` is the entry of the JSON's ``depends_on``.
    ``question`` is what is unknown without paths or asides, as the outcome's hinges name
    it ("whether the arrest warrant is still valid"); empty when the words say it as is.
    """

    words: str
    field: str | None = None
    named: tuple[str, ...] = ()
    question: str = ""

    @property
    def fact(self) -> str | None:
        """The fact it is about: its first path, a path into a list of records naming the
        list (``case.extradition[0].grounds`` -> ``case.extradition``)."""
        paths = self.fields
        return paths[0].split("[", 1)[0] if paths else None

    @property
    def asked(self) -> str:
        """What is unknown, in words without paths: ``question``, else ``words``."""
        return self.question or self.words

    @property
    def fields(self) -> tuple[str, ...]:
        """Every fact path it is about, the one written apart first."""
        return tuple(dict.fromkeys((*((self.field,) if self.field else ()), *self.named)))

    @property
    def text(self) -> str:
        if self.field and self.words:
            return f"{self.field}: {self.words}"
        return self.field or self.words

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True, kw_only=True)
class Issuance(_WithReasons):
    kind: str
    pre_screened: bool
    screening: str  # published | refused | not_screened | pre_screened_reported
    circulated_on: Date | None  # None when a red notice was refused and never circulated
    review_after_circulation: bool
    reasons: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()
    why: tuple[Reason, ...] = ()  # the reasons as values (see Reason)

    def to_dict(self) -> JSON:
        return {
            "kind": self.kind,
            "pre_screened": self.pre_screened,
            "screening": self.screening,
            "circulated_on": _iso(self.circulated_on),
            "review_after_circulation": self.review_after_circulation,
            "reasons": list(self.reasons),
            "citations": list(self.citations),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Circulation(_WithReasons):
    recipients: tuple[str, ...]  # alpha-3, sorted
    public: bool
    active_from: Date | None = None
    active_until: Date | None = None
    reasons: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()
    why: tuple[Reason, ...] = ()

    def on_file(self, day: Date) -> str:
        """Whether the data were on INTERPOL's files on ``day``: ``"on_file"`` (from the day
        they circulated until the day before they were deleted or withdrawn), ``"not_yet"``,
        ``"no_longer"``, or ``"never"`` (they never circulated). The one meaning of
        "active" everywhere."""
        if self.active_from is None:
            return "never"
        if day < self.active_from:
            return "not_yet"
        if self.active_until is not None and day >= self.active_until:
            return "no_longer"
        return "on_file"

    @property
    def recipient_count(self) -> int:
        return len(self.recipients)

    def to_dict(self) -> JSON:
        return {
            "recipients": list(self.recipients),
            "recipient_count": self.recipient_count,
            "public": self.public,
            "active_from": _iso(self.active_from),
            "active_until": _iso(self.active_until),
            "reasons": list(self.reasons),
            "citations": list(self.citations),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class EnforcementEntry(_WithReasons):
    country: str  # alpha-3
    received: bool
    arrest_risk: str  # high | medium | low | none
    consequence: str
    reasons: tuple[str, ...] = ()
    role: str = "recipient"  # requesting | recipient | non_recipient
    citations: tuple[str, ...] = ()
    # How sure the arrest_risk is: high | medium | low. A presumption never gives high.
    confidence: str = "low"
    # What the risk rests on: own_finding (the country's own sourced practice) |
    # regional_presumption (a statement about a group of states) | default (no finding).
    basis: str = "default"
    why: tuple[Reason, ...] = ()
    # Whether the practice table has a finding on how the country treats INTERPOL alerts
    # (False: the risk starts from the model's middle value).
    practice_known: bool = True

    def to_dict(self) -> JSON:
        return {
            "country": self.country,
            "received": self.received,
            "arrest_risk": self.arrest_risk,
            "confidence": self.confidence,
            "basis": self.basis,
            "consequence": self.consequence,
            "reasons": list(self.reasons),
            "role": self.role,
            "citations": list(self.citations),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class TravelEntry(_WithReasons):
    country: str
    date: Date
    notice_active: bool
    arrest_risk: str
    reasons: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()
    why: tuple[Reason, ...] = ()

    @property
    def reached_through(self) -> str | None:
        """The member through whose NCB an alert reaches the destination on the trip's date
        (the destination itself when it is a member); ``None`` when no member serves it."""
        return alert_reaches(self.country, self.date)

    @property
    def served_by(self) -> str | None:
        """The member serving the destination when it is a territory that is not itself a
        member on the trip's date; ``None`` for a member, or a place no member serves."""
        through = self.reached_through
        return None if through == self.country else through

    def to_dict(self) -> JSON:
        return {
            "country": self.country,
            "date": _iso(self.date),
            "notice_active": self.notice_active,
            "arrest_risk": self.arrest_risk,
            "reasons": list(self.reasons),
            "citations": list(self.citations),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Ground(_WithReasons):
    id: str  # vocabulary G
    strength: str  # strong | arguable | weak
    citations: tuple[str, ...]
    reasons: tuple[str, ...] = ()
    label: str = ""
    why: tuple[Reason, ...] = ()

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "label": self.label,
            "strength": self.strength,
            "citations": list(self.citations),
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteStep(_Reasoned):
    """One step of the CCF route; ``description`` is its ``why`` read as one paragraph."""

    step: str
    date: Date | None
    deadline: Date | None
    citations: tuple[str, ...]
    description: str = ""
    estimated: bool = False
    why: tuple[Reason, ...] = ()

    def __post_init__(self) -> None:
        values = tuple(reason_of(r) for r in self.why)
        if not values and self.description:
            values = (Reason(self.description),)
        text = " ".join(r.text for r in values)
        if self.description and self.description != text:
            raise ValueError("description and why disagree: give one of them")
        object.__setattr__(self, "description", text)
        object.__setattr__(self, "why", values)

    def to_dict(self) -> JSON:
        return {
            "step": self.step,
            "date": _iso(self.date),
            "deadline": _iso(self.deadline),
            "citations": list(self.citations),
            "description": self.description,
            "estimated": self.estimated,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Hinge:
    """An unknown or contestable fact that would change the predicted outcome."""

    field: str  # the fact's field path, e.g. "challenge.ncb_responds"
    condition: str  # in words: "if the NCB does not answer the CCF"
    leads_to: str  # the outcome it would lead to (vocabulary of Outcome.prediction)
    value: Any = None  # the value of the fact that leads there, when it is one value

    def to_dict(self) -> JSON:
        return {
            "field": self.field,
            "condition": self.condition,
            "value": self.value,
            "leads_to": self.leads_to,
        }


#: The three outcomes, in the order of Outcome.likelihood (data/rules/outcomes.yaml).
OUTCOMES = CCF_OUTCOMES


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """The most likely CCF decision on deletion, and how sure the model is.

    ``prediction`` is ``None`` only when nothing is on file on the day assessed (``as_of``
    before the notice's issue date); then ``likelihood`` is empty and ``confidence`` is
    ``None``. Otherwise ``prediction`` is the most likely of the three outcomes in
    ``likelihood`` (probabilities that sum to 1).

    The words are kept apart: ``summary`` (read first), ``reasons`` (the sentences that
    explain it) and ``change`` (what would change it, from ``hinges_on``: "It could change:
    ..."). ``explanation``, the JSON's, is the three read as one paragraph when it is not
    given; given, it is kept as written (nothing predicted: it leaves the summary out).
    Given alone, it is the only reason.
    """

    prediction: str | None  # not_compliant | compliant_with_update | compliant | None
    explanation: str = ""
    citations: tuple[str, ...] = ()
    # (outcome, probability) for the three OUTCOMES, in that order; () when not predicted.
    likelihood: tuple[tuple[str, float], ...] = ()
    confidence: str | None = None  # low | medium | high
    hinges_on: tuple[Hinge, ...] = ()  # most decisive first
    # One plain sentence a student reads first: "Likely deleted: about 7 in 10 on these facts."
    summary: str = ""
    reasons: tuple[str, ...] = ()
    change: str = ""

    def __post_init__(self) -> None:
        body = tuple(p for p in (*self.reasons, self.change) if p)
        if not body:
            if self.explanation:
                object.__setattr__(self, "reasons", (self.explanation,))
            return
        if not self.explanation:
            object.__setattr__(self, "explanation", " ".join(p for p in (self.summary, *body) if p))

    @property
    def prediction_key(self) -> str:
        """``prediction``, or ``"not_predicted"`` when nothing is on file (for word tables)."""
        return self.prediction or "not_predicted"

    def probability(self, outcome: str) -> float:
        """The likelihood of one outcome (0.0 when not predicted)."""
        return dict(self.likelihood).get(outcome, 0.0)

    def to_dict(self) -> JSON:
        return {
            "prediction": self.prediction,
            "likelihood": dict(self.likelihood) if self.likelihood else None,
            "confidence": self.confidence,
            "hinges_on": [h.to_dict() for h in self.hinges_on],
            "summary": self.summary,
            "explanation": self.explanation,
            "citations": list(self.citations),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class TraceEntry:
    rule: str
    facts: tuple[tuple[str, Any], ...]  # (field path, value as JSON-ready scalar/list)
    result: str

    def to_dict(self) -> JSON:
        return {"rule": self.rule, "facts": dict(self.facts), "result": self.result}


@dataclass(frozen=True, slots=True, kw_only=True)
class Assessment:
    """Everything the engine concluded about one scenario on one date."""

    scenario_id: str
    title: str
    as_of: Date
    issuance: Issuance
    circulation: Circulation
    enforcement: tuple[EnforcementEntry, ...]
    travel: tuple[TravelEntry, ...]
    grounds: tuple[Ground, ...]
    route: tuple[RouteStep, ...]
    outcome: Outcome
    trace: tuple[TraceEntry, ...]
    citations: tuple[Citation, ...]
    caveats: tuple[str, ...]
    defaults_used: tuple[str, ...] = ()
    format: int = 1
    # The published decisions most like the facts, most similar first (_engine/similar.py).
    similar_decisions: tuple[SimilarDecision, ...] = ()
    # The facts assessed, as given (memos show them); not part of to_dict().
    scenario: Scenario | None = None
    # What the answer depends on, most decisive first, as values with their field paths.
    unknowns: tuple[Unknown, ...] = ()

    @property
    def depends_on(self) -> tuple[str, ...]:
        """What the answer depends on in words (the JSON's ``depends_on``)."""
        return tuple(u.text for u in self.unknowns)

    @property
    def members(self) -> frozenset[str]:
        """The INTERPOL members (alpha-3) on the day assessed."""
        return _members(self.as_of)

    def is_member(self, country: str) -> bool:
        """Whether ``country`` was an INTERPOL member on the day assessed."""
        return country in _members(self.as_of)

    @property
    def requesting_country(self) -> str | None:
        """The requesting state (alpha-3): from the facts, else the enforcement table's
        requesting entry (an assessment built in code without its facts); else ``None``."""
        if self.scenario is not None:
            return self.scenario.notice.requesting_country
        return next((e.country for e in self.enforcement if e.role == "requesting"), None)

    def citation(self, rule_id: str) -> Citation:
        """The citation with this id (``KeyError`` if the assessment does not cite it)."""
        for c in self.citations:
            if c.id == rule_id:
                return c
        raise KeyError(rule_id)

    def verification(self, rule_id: str) -> str:
        """The verification status recorded for a cited rule: ``primary``, ``secondary`` or
        ``unverified``, or ``"not in citations"`` when the assessment does not cite it.

        The status recorded at assessment time, not the catalogue's of today: a memo shows
        what the assessment it renders rests on."""
        for c in self.citations:
            if c.id == rule_id:
                return c.verification
        return NOT_CITED

    def on_file(self, day: Date) -> str:
        """Whether the data were on INTERPOL's files on ``day`` (:meth:`Circulation.on_file`)."""
        return self.circulation.on_file(day)

    def ground(self, ground_id: str) -> Ground | None:
        """The ground with this id, or ``None`` if it does not apply."""
        for g in self.grounds:
            if g.id == ground_id:
                return g
        return None

    def to_dict(self) -> JSON:
        """The assessment as the JSON object of scenario format 1."""
        return {
            "format": self.format,
            "scenario_id": self.scenario_id,
            "title": self.title,
            "as_of": _iso(self.as_of),
            "issuance": self.issuance.to_dict(),
            "circulation": self.circulation.to_dict(),
            "enforcement": [e.to_dict() for e in self.enforcement],
            "travel": [t.to_dict() for t in self.travel],
            "grounds": [g.to_dict() for g in self.grounds],
            "route": [r.to_dict() for r in self.route],
            "outcome": self.outcome.to_dict(),
            "trace": [t.to_dict() for t in self.trace],
            "citations": [c.to_dict() for c in self.citations],
            "caveats": list(self.caveats),
            "depends_on": list(self.depends_on),
            "defaults_used": list(self.defaults_used),
            "similar_decisions": [d.to_dict() for d in self.similar_decisions],
            # How facts are known (scenario 'evidence:'); an assumed fact is shown as such.
            "evidence": dict(self.scenario.evidence) if self.scenario is not None else {},
            # Every fact as given: path, label, value (the memo's "Facts as given" rows).
            "facts": [f.to_dict() for f in facts_given(self.scenario)] if self.scenario else [],
        }


publish(globals())  # its public classes say they live in diffusion_scenarios
