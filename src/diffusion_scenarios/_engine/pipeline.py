"""The engine: one scenario in, one :class:`Assessment` out.

``assess`` runs each stage once, in this order (:data:`STAGE_ORDER`); each is a pure
function over frozen values that receives what the earlier ones found and never calls
back into one::

    grounds -> issuance -> circulation -> enforcement -> route -> travel -> outcome

* **grounds** come first because issuance needs them: the review before a red notice is
  published asks whether the facts showed a screened ground on the issue date. The grounds
  are evaluated on the day assessed and, for a red notice issued on another day, once more
  on its issue date (facts dated later are left out); nothing evaluates them again.
* **issuance** (screened or sent at once) -> **circulation** (recipients, active period) ->
  **enforcement** (one entry per member on the day assessed).
* **route** (the CCF steps and deadlines) comes before **travel**, which asks whether a
  decision is due or provisional measures were asked for before each trip.
* **outcome** weighs the grounds found on the day assessed and the unknown facts they name
  (its hinges reuse them; it does not re-evaluate the grounds).

The assessment then reads in the order a lawyer tells it, not the order it was computed:
issuance, circulation, enforcement, travel, grounds, route, outcome (the ``trace`` and the
JSON keep that order). ``assess`` joins the stages' notes: the ordered trace, every rule
cited (as dated citations), what the answer depends on, the defaults it used, and the
caveats (always led by "Educational model, not legal advice.", then every unverified rule
cited).

Nothing applies before it is in force, and that is enforced here, once, for every stage:
each cited rule is paired with the day it is applied to (:func:`applied_rules`); a rule
cited for a day before it came into force gives way to the rule that governed the matter
then (``Rule.earlier``), unless one of its reasons cites it as not yet in force
(``Reason.in_force`` is false); and each rule is
cited in the version in force on the first day it is applied. Before the notice's issue
date nothing is on file, so no CCF outcome is predicted; on a request for revision the
outcome is framed as the outcome on that request.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._base.limits import require_day
from diffusion_scenarios._engine.assessment import (
    Assessment,
    Citation,
    Ground,
    Outcome,
    RouteStep,
    TraceEntry,
    Unknown,
)
from diffusion_scenarios._engine.circulation import (
    CirculationResult,
    circulation_stage,
    data_active_on,
)
from diffusion_scenarios._engine.enforcement import EnforcementResult, enforcement_stage
from diffusion_scenarios._engine.grounds.evaluate import (
    SCREENED_GROUNDS,
    GroundsResult,
    evaluate_grounds,
)
from diffusion_scenarios._engine.issuance import (
    IssuanceResult,
    issuance_stage,
)
from diffusion_scenarios._engine.outcome import predict_outcome, summary_of
from diffusion_scenarios._engine.revision import revision_admissibility
from diffusion_scenarios._engine.route import RouteResult, route_stage
from diffusion_scenarios._engine.similar import find_similar
from diffusion_scenarios._engine.stage import long_date, unique
from diffusion_scenarios._engine.statute import statute_applies
from diffusion_scenarios._engine.travel import TravelResult, travel_stage
from diffusion_scenarios._engine.words import KIND_WORDS
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.rules import catalogue

__all__ = ["NOT_LEGAL_ADVICE", "STAGE_ORDER", "AppliedRule", "applied_rules", "assess"]

Date = _dt.date

NOT_LEGAL_ADVICE = "Educational model, not legal advice."
#: The order in which :func:`assess` runs the stages, each once (see the module docstring).
STAGE_ORDER = ("grounds", "issuance", "circulation", "enforcement", "route", "travel", "outcome")
_ONE_DAY = _dt.timedelta(days=1)


@lru_cache(maxsize=8192)
def _citation(rule_id: str, day: Date) -> Citation:
    return catalogue().citation(rule_id, day)


@dataclass(frozen=True, slots=True)
class AppliedRule:
    """One rule applied to one day by one part of an assessment."""

    rule: str
    day: Date
    where: str  # "issuance", "circulation", "enforcement FRA", "travel 0", "route admissibility"...
    # The part says a rule it cites does not apply yet (one of its reasons is not in force).
    part_says_not_yet: bool = False

    @property
    def in_force(self) -> bool:
        return catalogue().applies(self.rule, self.day)

    @property
    def said_not_yet_in_force(self) -> bool:
        """Cited only to say it did not apply yet: the part says so, and the day is before
        the rule's first version."""
        return (
            self.part_says_not_yet
            and catalogue().get(self.rule).versions[0].in_force_from > self.day
        )


def _route_days(steps: tuple[RouteStep, ...], as_of: Date) -> Iterable[tuple[RouteStep, Date]]:
    """Each route step with the day its rules govern: its own date (filing; admissibility is
    decided under the rules of the day the request was filed), else the admissibility date
    (the regime of the decision and what follows), else as_of. A revision window is applied
    on the assessment date (a revision filed from then)."""
    admissible = next((s.date for s in steps if s.step == "admissibility"), None)
    filed = next((s.date for s in steps if s.step.endswith("_request")), None)
    for step in steps:
        if step.step == "revision_window":
            day = as_of
        elif step.step == "admissibility" and filed is not None:
            day = filed
        elif step.date is not None:
            day = step.date
        else:
            day = admissible or as_of
        yield step, day


# One part of an assessment that cites rules: (section, index, item, rules, days),
# ``days[k]`` being the day ``rules[k]`` is applied to.
_Part = tuple[str, int, Any, tuple[str, ...], tuple[Date, ...]]


def _where(section: str, i: int, item: Any) -> str:
    """A part's name in words: "issuance", "enforcement FRA", "route admissibility"..."""
    if section == "enforcement":
        return f"enforcement {item.country}"
    if section == "route":
        return f"route {item.step}"
    if section == "grounds":
        return f"ground {item.id}"
    if section == "travel":
        return f"travel {i}"
    return section


def _says_not_yet(item: Any) -> bool:
    """Whether one of a part's reasons names its rules only to say they are not yet in
    force (the outcome gives no such reason)."""
    return bool(getattr(item, "said_not_in_force", frozenset()))


def _parts(assessment: Assessment) -> list[_Part]:
    """Every part of the assessment that cites rules, each rule with the day it applies to."""
    as_of = assessment.as_of
    parts: list[_Part] = []
    issuance = assessment.issuance
    issued = issuance.circulated_on
    if assessment.scenario is not None:
        issued = assessment.scenario.notice.issued_on
    issued = issued or as_of
    cites = issuance.citations
    parts.append(("issuance", 0, issuance, cites, (issued,) * len(cites)))
    circulation = assessment.circulation
    sent = circulation.active_from or issued
    if issuance.kind == "red_notice":
        # A red notice is available to every member while it runs: its circulation rules
        # apply on the day assessed (not before it went out, nor after its deletion).
        sent = max(sent, as_of)
        if circulation.active_until is not None and sent >= circulation.active_until:
            sent = max(circulation.active_from or issued, circulation.active_until - _ONE_DAY)
    deleted = circulation.active_until
    cites = circulation.citations
    days = tuple(deleted if r == "ccf-implementation" and deleted else sent for r in cites)
    parts.append(("circulation", 0, circulation, cites, days))
    for i, entry in enumerate(assessment.enforcement):
        cites = entry.citations
        parts.append(("enforcement", i, entry, cites, (as_of,) * len(cites)))
    route_day: dict[str, Date] = {}
    for i, (step, day) in enumerate(_route_days(assessment.route, as_of)):
        for r in step.citations:
            route_day.setdefault(r, day)
        cites = step.citations
        parts.append(("route", i, step, cites, (day,) * len(cites)))
    for i, trip in enumerate(assessment.travel):
        cites = trip.citations
        days = tuple(route_day.get(r, trip.date) for r in cites)
        parts.append(("travel", i, trip, cites, days))
    for i, ground in enumerate(assessment.grounds):
        cites = ground.citations
        parts.append(("grounds", i, ground, cites, (as_of,) * len(cites)))
    outcome = assessment.outcome
    cites = outcome.citations
    parts.append(("outcome", 0, outcome, cites, (as_of,) * len(cites)))
    return parts


def applied_rules(assessment: Assessment) -> tuple[AppliedRule, ...]:
    """Every rule the assessment cites, with the day it is applied to.

    Issuance rules apply on the issue date; circulation rules on the day the data went out
    (a red notice's on the day assessed; a deletion on its day); enforcement, grounds and
    outcome on the assessment date; a trip's rules on the trip's date, save the CCF route's
    own rules, which apply on the day of the route step they come from; route steps on
    their date (admissibility on the filing date, undated steps on the admissibility date).
    A rule applied to a day before it came into force is allowed only where the part says
    it was not yet in force (a reason of it whose ``in_force`` is false).
    """
    return tuple(
        AppliedRule(rule, day, _where(section, i, item), _says_not_yet(item))
        for section, i, item, rules, days in _parts(assessment)
        for rule, day in zip(rules, days, strict=True)
    )


@lru_cache(maxsize=4096)
def _in_force_ids(rules: tuple[str, ...], days: tuple[Date, ...]) -> tuple[str, ...] | None:
    """``rules`` with each one not in force on its day replaced by the rule then in force;
    ``None`` when nothing changes."""
    cat = catalogue()
    fixed = unique(cat.in_force_for(r, d) for r, d in zip(rules, days, strict=True))
    return None if fixed == unique(rules) else fixed


def _bring_into_force(assessment: Assessment, parts: list[_Part]) -> Assessment:
    """Nothing applies before it is in force, enforced in one place for every stage.

    A rule cited for a day before it came into force, by a part none of whose reasons says
    a rule is not yet in force, is replaced by the rule that governed the same matter that day
    (``Rule.earlier``: the rules before July 2012 for the RPD, the RCI for the Statute).
    """
    changed: dict[tuple[str, int], tuple[str, ...]] = {}
    for section, i, item, rules, days in parts:
        fixed = _in_force_ids(rules, days)
        if fixed is not None and not _says_not_yet(item):
            changed[(section, i)] = fixed
    if not changed:
        return assessment

    def fix(section: str, items: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(
            replace(item, citations=changed[(section, i)]) if (section, i) in changed else item
            for i, item in enumerate(items)
        )

    single = {
        key: replace(getattr(assessment, key), citations=changed[(key, 0)])
        for key in ("issuance", "circulation", "outcome")
        if (key, 0) in changed
    }
    return replace(
        assessment,
        enforcement=fix("enforcement", assessment.enforcement),
        route=fix("route", assessment.route),
        travel=fix("travel", assessment.travel),
        grounds=fix("grounds", assessment.grounds),
        **single,
    )


def _first_days(parts: list[_Part]) -> dict[str, Date]:
    """The first day each rule is applied to (one pass over the distinct parts)."""
    first: dict[str, Date] = {}
    for pair in dict.fromkeys((rules, days) for *_, rules, days in parts):
        for rule, day in zip(*pair, strict=True):
            if rule not in first or day < first[rule]:
                first[rule] = day
    return first


def _citations(cited: Iterable[str], first: dict[str, Date], as_of: Date) -> tuple[Citation, ...]:
    """One citation per rule (in the order cited), in the version in force on the first day
    it is applied; a rule only named in the trace is cited as on the assessment date."""
    return tuple(_citation(rule_id, first.get(rule_id, as_of)) for rule_id in unique(cited))


def merge_depends_on(*groups: tuple[Unknown, ...]) -> tuple[Unknown, ...]:
    """One entry per unknown fact, most decisive first.

    ``groups`` come in order of how much the facts they name can change the answer: the
    grounds and the outcome first, then circulation, enforcement and travel, then the CCF
    route's dates. Two entries about the same field path (the grounds and the route both
    ask whether the NCB answers) become one, at the earlier place, keeping the longer (more
    informative) sentence. Entries about no field keep their own place.

    Example:
        >>> merged = merge_depends_on(
        ...     (Unknown("whether the NCB answers (challenge.ncb_responds)",
        ...              named=("challenge.ncb_responds",)),),
        ...     (Unknown("whether it answers", field="challenge.ncb_responds"),
        ...      Unknown("unknown", field="case.stage")),
        ... )
        >>> [u.text for u in merged]
        ['whether the NCB answers (challenge.ncb_responds)', 'case.stage: unknown']
    """
    merged: list[Unknown] = []
    owner: dict[str, int] = {}  # field path -> index in merged
    for group in groups:
        for unknown in group:
            paths = unknown.fields
            hits = sorted({owner[p] for p in paths if p in owner})
            if not paths or not hits:
                if unknown in merged:
                    continue
                for path in paths:
                    owner[path] = len(merged)
                merged.append(unknown)
                continue
            at = hits[0]
            if len(unknown.text) > len(merged[at].text):
                merged[at] = unknown
            for path in paths:
                owner.setdefault(path, at)
    return tuple(merged)


def _frame_outcome(scenario: Scenario, outcome: Outcome, as_of: Date) -> Outcome:
    """The outcome as the facts allow it to be said.

    Before the notice's issue date nothing is on file, so no CCF outcome is predicted. On a
    request for revision the outcome is framed as the outcome on that request.
    """
    notice = scenario.notice
    if as_of < notice.issued_on:
        kind = KIND_WORDS[notice.kind]
        reason = (
            f"On {long_date(as_of)}, the day assessed, nothing is on INTERPOL's files yet: "
            f"the {kind} is issued on {long_date(notice.issued_on)}. There is nothing for "
            "the CCF to decide, so no outcome is predicted; the grounds are shown as they "
            "would stand if the data were recorded as the facts say."
        )
        return Outcome(
            prediction=None,
            likelihood=(),
            confidence=None,
            hinges_on=(),
            citations=(),
            summary=(
                f"Not predicted: nothing on file with INTERPOL on {long_date(as_of)}; the "
                f"{kind} is issued on {long_date(notice.issued_on)}."
            ),
            reasons=(reason,),
            explanation=reason,  # the summary says it apart: the explanation does not repeat it
        )
    challenge = scenario.challenge
    if challenge is not None and "revision" in challenge.requests and outcome.prediction:
        prediction = outcome.prediction
        top = outcome.probability(prediction)
        framed = summary_of(prediction, top, outcome.hinges_on, revision=True)
        admissibility, hinges = revision_admissibility(scenario, challenge, as_of)
        reasons = (
            "The earlier decision stands unless a newly discovered fact changes it.",
            *((admissibility,) if admissibility else ()),
            *outcome.reasons,
        )
        return replace(
            outcome,
            summary=framed,
            hinges_on=(*hinges, *outcome.hinges_on),
            reasons=reasons,
            explanation="",  # read again from the summary, reasons and change
        )
    return outcome


@dataclass(frozen=True, slots=True)
class _GroundsStage:
    """The grounds, evaluated once for each day a later stage needs them."""

    on_day: GroundsResult  # on the day assessed: the grounds shown, and the outcome's input
    at_issue: tuple[Ground, ...]  # a red notice's grounds on its issue date (screening)


def _grounds_stage(scenario: Scenario, as_of: Date) -> _GroundsStage:
    """The grounds on the day assessed and, for a red notice, on its issue date.

    The review before publication (issuance) asks whether the facts showed a screened
    ground when the notice was issued; facts dated after the issue date are left out, so
    that is a second evaluation, for another day, made only when the two days differ.
    """
    on_day = evaluate_grounds(scenario, as_of)
    notice = scenario.notice
    if notice.kind != "red_notice":
        at_issue: tuple[Ground, ...] = ()
    elif notice.issued_on == as_of:
        at_issue = on_day.grounds
    else:
        at_issue = evaluate_grounds(scenario, notice.issued_on).grounds
    return _GroundsStage(on_day=on_day, at_issue=at_issue)


def _outcome_stage(
    scenario: Scenario, grounds: GroundsResult, as_of: Date
) -> tuple[Outcome, tuple[TraceEntry, ...]]:
    """The outcome from the grounds already found (and the unknown facts they name)."""
    outcome, trace = predict_outcome(scenario, grounds.grounds, as_of, unknowns=grounds.depends_on)
    cat = catalogue()
    return (
        _frame_outcome(scenario, outcome, as_of),
        tuple(replace(t, rule=cat.in_force_for(t.rule, as_of)) for t in trace),
    )


@dataclass(frozen=True, slots=True)
class _Stages:
    """What each stage produced, in :data:`STAGE_ORDER`."""

    grounds: _GroundsStage
    issued: IssuanceResult
    circulated: CirculationResult
    enforced: EnforcementResult
    route: RouteResult
    travel: TravelResult
    outcome: Outcome
    outcome_trace: tuple[TraceEntry, ...]

    def trace(self) -> tuple[TraceEntry, ...]:
        """The stages' traces in reading order (issuance, circulation, enforcement, travel,
        grounds, route, outcome), which is not the order they run in."""
        return (
            *self.issued.notes.trace,
            *self.circulated.notes.trace,
            *self.enforced.notes.trace,
            *self.travel.notes.trace,
            *self.grounds.on_day.trace,
            *self.route.notes.trace,
            *self.outcome_trace,
        )

    def depends_on(self) -> tuple[Unknown, ...]:
        """What the answer depends on, most decisive first (see :func:`merge_depends_on`)."""
        return merge_depends_on(
            self.grounds.on_day.depends_on,
            self.issued.notes.depends_on,
            self.circulated.notes.depends_on,
            self.enforced.notes.depends_on,
            self.travel.notes.depends_on,
            self.route.notes.depends_on,
        )

    def defaults_used(self) -> tuple[str, ...]:
        notes = (self.issued, self.circulated, self.enforced, self.travel, self.route)
        return unique(d for stage in notes for d in stage.notes.defaults_used)


def _run_stages(scenario: Scenario, as_of: Date) -> _Stages:
    """Every stage once, in :data:`STAGE_ORDER`, each given what the earlier ones found."""
    grounds = _grounds_stage(scenario, as_of)
    issued = issuance_stage(
        scenario,
        as_of=as_of,
        defects_at_issue=grounds.at_issue,
        screened_grounds=SCREENED_GROUNDS,
    )
    circulated = circulation_stage(scenario, issuance=issued.issuance, as_of=as_of)
    circulation = circulated.circulation
    enforced = enforcement_stage(
        scenario,
        circulation=circulation,
        as_of=as_of,
        active=data_active_on(circulation, as_of),
    )
    route = route_stage(scenario, as_of=as_of)
    travel = travel_stage(scenario, circulation=circulation, route_steps=route.steps, as_of=as_of)
    outcome, outcome_trace = _outcome_stage(scenario, grounds.on_day, as_of)
    return _Stages(
        grounds=grounds,
        issued=issued,
        circulated=circulated,
        enforced=enforced,
        route=route,
        travel=travel,
        outcome=outcome,
        outcome_trace=outcome_trace,
    )


def _draft(scenario: Scenario, as_of: Date, stages: _Stages) -> tuple[Assessment, list[_Part]]:
    """The stages' results as one assessment, every rule cited in force on its day, with its
    parts; the citations, caveats and open questions are added by :func:`assess`."""
    draft = Assessment(
        scenario_id=scenario.id,
        title=scenario.title,
        as_of=as_of,
        issuance=stages.issued.issuance,
        circulation=stages.circulated.circulation,
        enforcement=stages.enforced.entries,
        travel=stages.travel.entries,
        grounds=stages.grounds.on_day.grounds,
        route=stages.route.steps,
        outcome=stages.outcome,
        trace=stages.trace(),
        citations=(),
        caveats=(),
        scenario=scenario,
    )
    parts = _parts(draft)
    fixed = _bring_into_force(draft, parts)
    return (draft, parts) if fixed is draft else (fixed, _parts(fixed))


def _cited(assessment: Assessment) -> list[str]:
    """Every rule id the assessment's parts and trace cite, in reading order (repeats kept)."""
    cited: list[str] = [*assessment.issuance.citations, *assessment.circulation.citations]
    for entry in assessment.enforcement:
        cited += entry.citations
    for trip in assessment.travel:
        cited += trip.citations
    for ground in assessment.grounds:
        cited += ground.citations
    for step in assessment.route:
        cited += step.citations
    cited += assessment.outcome.citations
    cited += [t.rule for t in assessment.trace]
    return cited


def _caveats(
    scenario: Scenario, as_of: Date, stages: _Stages, citations: tuple[Citation, ...]
) -> tuple[str, ...]:
    """The caveats: not legal advice first, then the model's limits, then unverified rules."""
    notice = scenario.notice
    caveats = [
        NOT_LEGAL_ADVICE,
        "The CCF reviews only INTERPOL's processing of data; it does not rule on guilt, and a "
        "deletion leaves the national case and bilateral extradition untouched.",
        "A deletion does not wipe the copies other countries hold: INTERPOL tells the "
        "recipients, and each must update its own national records; in practice national "
        "copies can persist, so check with the countries concerned before travelling.",
    ]
    if as_of < notice.issued_on:
        caveats.append(
            f"The day assessed ({long_date(as_of)}) is before the issue date "
            f"({long_date(notice.issued_on)}): nothing is on file yet, and no CCF outcome is "
            "predicted."
        )
    if stages.issued.requesting_not_member is not None:
        caveats.append(stages.issued.requesting_not_member)
    if stages.route.planned:
        caveats.append(
            "No challenge is stated in the facts: the CCF route shown is a plan from the "
            "assessment date, not a record of steps taken."
        )
    recipients = set(stages.circulated.circulation.recipients)
    unknown = len(stages.enforced.unknown_practice)
    caveats.append(
        "Arrest risks per country rest on a table of national practice whose rows carry "
        "their own sources and confidence (many low); "
        + (
            f"for {unknown} of the {len(recipients)} recipients it has no finding, shown as "
            "medium risk; "
            if recipients
            else ""
        )
        + "national law and practice change, so check the country concerned."
    )
    if any(s.deadline is not None for s in stages.route.steps) and statute_applies(as_of):
        caveats.append(
            "Deadlines are the Statute's time limits counted from admissibility; the CCF often "
            "misses them, and an estimated admissibility date moves every deadline."
        )
    for citation in citations:
        if citation.verification == "unverified":
            caveats.append(
                f"Unverified rule: {citation.instrument}, {citation.provision} "
                f"[{citation.id}] — not checked against an official text; do not treat it as "
                "settled law."
            )
    return tuple(caveats)


def assess(scenario: Scenario, *, as_of: Date | None = None) -> Assessment:
    """Assess one scenario: grounds, issuance, circulation, arrest risks, route and outcome.

    Each stage runs once, in :data:`STAGE_ORDER`; see the module docstring.

    Pure: the same facts and date give the same assessment, and nothing is read from or
    written to files or the network (the rule catalogue and reference data are cached).

    Args:
        scenario: the facts (see ``SCENARIO_FORMAT.md``).
        as_of: the day to assess on; default the scenario's ``as_of``, else today (the
            assessment then says so in ``defaults_used``).

    Returns:
        The :class:`Assessment`; ``to_dict()`` gives the JSON object of format 1.

    Raises:
        ScenarioError: ``as_of`` (given, or the scenario's) is not a date between
            1900-01-01 and 2199-12-31.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios import Notice, Scenario
        >>> scenario = Scenario(id="demo", notice=Notice(kind="diffusion",
        ...     requesting_country="KAZ", issued_on=datetime.date(2025, 1, 10)))
        >>> result = assess(scenario, as_of=datetime.date(2025, 3, 1))
        >>> result.issuance.screening, result.circulation.recipient_count
        ('not_screened', 195)
        >>> result.caveats[0]
        'Educational model, not legal advice.'
    """
    defaults: list[str] = []
    if as_of is None:
        as_of = scenario.as_of
    if as_of is not None:
        require_day(as_of, "as_of")  # outside 1900-2199 no dated rule can be applied
    if as_of is None:
        as_of = Date.today()
        defaults.append(f"as_of: today ({as_of.isoformat()})")

    stages = _run_stages(scenario, as_of)
    draft, parts = _draft(scenario, as_of, stages)
    citations = _citations(_cited(draft), _first_days(parts), as_of)
    return replace(
        draft,
        citations=citations,
        caveats=_caveats(scenario, as_of, stages, citations),
        unknowns=stages.depends_on(),
        defaults_used=unique([*defaults, *stages.defaults_used()]),
        similar_decisions=find_similar(scenario, draft.grounds, as_of),
    )
