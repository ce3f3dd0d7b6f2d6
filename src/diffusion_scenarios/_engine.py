"""The engine: one scenario in, one :class:`Assessment` out.

``assess`` walks the stages a lawyer would walk through, in order, each a pure function
over frozen values that receives what it needs and never calls back into an earlier one::

    issuance -> circulation -> enforcement -> route -> travel -> grounds -> outcome

and then joins their notes: the ordered trace, every rule cited (as dated citations), what
the answer depends on, the defaults it used, and the caveats (always led by "Educational
model, not legal advice.", then every unverified rule cited).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from functools import lru_cache

from ._assessment import Assessment, Citation
from ._circulation import circulation_stage, data_active_on
from ._enforcement import enforcement_stage
from ._grounds import SCREENED_GROUNDS, evaluate_grounds
from ._issuance import issuance_stage
from ._limits import require_day
from ._outcome import predict_outcome
from ._route import route_stage, statute_applies
from ._rules import catalogue
from ._scenario import Scenario
from ._stage import unique
from ._travel import travel_stage

__all__ = ["NOT_LEGAL_ADVICE", "assess"]

Date = _dt.date

NOT_LEGAL_ADVICE = "Educational model, not legal advice."


@lru_cache(maxsize=8192)
def _citation(rule_id: str, as_of: Date) -> Citation:
    return catalogue().citation(rule_id, as_of)


def _citations(ids: Iterable[str], as_of: Date) -> tuple[Citation, ...]:
    return tuple(_citation(rule_id, as_of) for rule_id in unique(ids))


_FIELD_PATH = re.compile(r"\b(?:person|notice|case|challenge|travel)(?:\.[a-z_]+(?:\[\d+\])?)+")


@lru_cache(maxsize=1024)
def _field_paths(text: str) -> frozenset[str]:
    return frozenset(_FIELD_PATH.findall(text))


def merge_depends_on(*groups: tuple[str, ...]) -> tuple[str, ...]:
    """One entry per unknown fact, most decisive first.

    ``groups`` come in order of how much the facts they name can change the answer: the
    grounds and the outcome first, then circulation, enforcement and travel, then the CCF
    route's dates. Two entries that name the same field path (the grounds and the route
    both ask whether the NCB answers) become one, at the earlier place, keeping the longer
    (more informative) sentence. Entries naming no field keep their own place.

    Example:
        >>> merge_depends_on(
        ...     ("whether the source NCB answers the CCF (challenge.ncb_responds)",),
        ...     ("challenge.ncb_responds: whether the NCB answers", "case.stage: unknown"),
        ... )
        ('whether the source NCB answers the CCF (challenge.ncb_responds)', 'case.stage: unknown')
    """
    merged: list[str] = []
    owner: dict[str, int] = {}  # field path -> index in merged
    for group in groups:
        for text in group:
            paths = _field_paths(text)
            hits = sorted({owner[p] for p in paths if p in owner})
            if not paths or not hits:
                if text in merged:
                    continue
                for path in paths:
                    owner[path] = len(merged)
                merged.append(text)
                continue
            at = hits[0]
            if len(text) > len(merged[at]):
                merged[at] = text
            for path in paths:
                owner.setdefault(path, at)
    return tuple(merged)


def assess(scenario: Scenario, *, as_of: Date | None = None) -> Assessment:
    """Assess one scenario: issuance, circulation, arrest risks, grounds, route and outcome.

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

    notice = scenario.notice
    grounds = evaluate_grounds(scenario, as_of)
    if notice.kind == "red_notice":
        at_issue = (
            grounds.grounds
            if notice.issued_on == as_of
            else evaluate_grounds(scenario, notice.issued_on).grounds
        )
    else:
        at_issue = ()

    issued = issuance_stage(
        scenario, as_of=as_of, defects_at_issue=at_issue, screened_grounds=SCREENED_GROUNDS
    )
    circulated = circulation_stage(scenario, issuance=issued.issuance, as_of=as_of)
    circulation = circulated.circulation
    active_now = data_active_on(circulation, as_of)
    enforced = enforcement_stage(scenario, circulation=circulation, as_of=as_of, active=active_now)
    route = route_stage(scenario, as_of=as_of)
    travel = travel_stage(scenario, circulation=circulation, route_steps=route.steps, as_of=as_of)
    outcome, outcome_trace = predict_outcome(scenario, grounds.grounds, as_of)

    stage_notes = (issued.notes, circulated.notes, enforced.notes, travel.notes)
    trace = (
        *(t for n in stage_notes for t in n.trace),
        *grounds.trace,
        *route.notes.trace,
        *outcome_trace,
    )

    cited: list[str] = [*issued.issuance.citations, *circulation.citations]
    for entry in enforced.entries:
        cited += entry.citations
    for trip in travel.entries:
        cited += trip.citations
    for ground in grounds.grounds:
        cited += ground.citations
    for step in route.steps:
        cited += step.citations
    cited += outcome.citations
    cited += [t.rule for t in trace]
    citations = _citations(cited, as_of)

    depends_on = merge_depends_on(
        grounds.depends_on,
        issued.notes.depends_on,
        circulated.notes.depends_on,
        enforced.notes.depends_on,
        travel.notes.depends_on,
        route.notes.depends_on,
    )
    defaults_used = unique(
        [
            *defaults,
            *(d for n in stage_notes for d in n.defaults_used),
            *route.notes.defaults_used,
        ]
    )

    caveats = [NOT_LEGAL_ADVICE]
    caveats.append(
        "The CCF reviews only INTERPOL's processing of data; it does not rule on guilt, and a "
        "deletion leaves the national case and bilateral extradition untouched."
    )
    if route.planned:
        caveats.append(
            "No challenge is stated in the facts: the CCF route shown is a plan from the "
            "assessment date, not a record of steps taken."
        )
    recipients = set(circulation.recipients)
    unknown = len(enforced.unknown_practice)
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
    if any(s.deadline is not None for s in route.steps) and statute_applies(as_of):
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

    return Assessment(
        scenario_id=scenario.id,
        title=scenario.title,
        as_of=as_of,
        issuance=issued.issuance,
        circulation=circulation,
        enforcement=enforced.entries,
        travel=travel.entries,
        grounds=grounds.grounds,
        route=route.steps,
        outcome=outcome,
        trace=trace,
        citations=citations,
        caveats=tuple(caveats),
        depends_on=depends_on,
        defaults_used=defaults_used,
        scenario=scenario,
    )
