"""The decision model: what it weighs on the facts, and the likelihood it gives each outcome.

The words of the outcome (summary, reasons, hinges) are written in :mod:`.outcome`.

How the model reads the CCF (every number in ``data/rules/outcome.yaml``):

1. **Start from the base rate.** Knowing nothing about a case, the likelihood of each outcome
   is the CCF's published split of the complaints it decided (``ccf-outcome-base-rates``),
   with low confidence. A fact that is not known moves nothing by itself.
2. **The NCB's answer is averaged when unknown.** A source NCB that does not answer the
   CCF has not backed its data and they are deleted (``ccf-practice-ncb-silence``; 50 of the
   449 complaints decided in 2021). When it is not known whether the NCB answers, the
   likelihood is the average over both answers, weighted by those published frequencies, and
   the answer is listed in ``hinges_on`` when one answer would change the outcome.
3. **Alleged or established.** A ground resting on a record (a court's finding, a recognised
   status, an extradition refusal, the NCB's own documents or answer) moves the likelihood a
   lot; one resting only on what the applicant alleges moves it a little
   (``model-outcome-settings: alleged``). How each fact is known comes from the file's
   ``evidence:`` map or, for a fact it does not list, from the field's default
   (:func:`~diffusion_scenarios._facts.scenario.evidence_of`).
4. **One fact, one count.** Each ground counts at most once and each fact at most once: the
   grounds are paired with the facts they rest on (``rests_on`` in the settings), no fact
   serving two grounds, and the pairing that weighs most is taken, so learning a fact never
   lowers the likelihood of deletion. At most ``count_cap`` considerations count. The memo
   still lists every ground.
5. **Correction before deletion.** Where a consideration calls for correcting the record
   (a refused extradition, a final judgment abroad on the same acts), no strong ground for
   deletion rests on the same fact and no ground for deletion on a record rests on another,
   the CCF keeps the data with an update (Statute Art 39 corrective action; CCF 2023 Nos. 2
   and 10 on ne bis in idem).
6. **Revision stands on new facts only.** An earlier CCF decision on the same data tends to
   stand (Statute Art 42).
7. **The source's documents.** When the source NCB answers, or no point for deletion is
   raised at all, conditions the record shows met (a valid warrant or a summary naming the
   person's role, RPD Art 83(2)(b); an extradition request, Art 84) count towards keeping
   (``cleared_by``; the burden is on the source).

No likelihood above ``likelihood_cap`` (0.95) is given: a model estimated on a few dozen
decisions cannot support more. Confidence is "high" only above the threshold at which the
cross-validated predictions were right at least 90 % of the time (written by
``scripts/fit_outcome.py``).
"""

from __future__ import annotations

import datetime as _dt
import math
from functools import cache
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine.assessment import OUTCOMES, Ground
from diffusion_scenarios._engine.grounds.findings import DELETION_GROUNDS, RANK, UPDATE_GROUNDS
from diffusion_scenarios._engine.grounds.ids import NCB_NON_COOPERATION
from diffusion_scenarios._facts.registry import check_fact_paths
from diffusion_scenarios._facts.scenario import ALLEGED_BY_DEFAULT, Scenario, evidence_of
from diffusion_scenarios._law.rules import catalogue
from diffusion_scenarios._law.values import BASE_RATES_RULE, OUTCOME_FITTED_TERMS, SILENCE_RULE

__all__ = [
    "BASE_RATES_RULE",
    "BURDEN_RULE",
    "CONDITIONAL_RULE",
    "FITTED_TERMS",
    "FUNCTIONS_RULE",
    "SETTINGS_RULE",
    "SILENCE_RULE",
    "WEIGHTS_RULE",
    "Consideration",
    "Features",
    "ModelWeights",
    "argmax",
    "cleared_areas",
    "confidence_of",
    "considerations_of",
    "deletion_score",
    "diffusion_after_refusal",
    "features_of",
    "likelihood_of",
    "model_weights",
    "prior_compliant",
    "sigmoid",
]

Date = _dt.date

WEIGHTS_RULE = "model-outcome-weights"
SETTINGS_RULE = "model-outcome-settings"
FUNCTIONS_RULE = "ccf-statute-3-functions"
BURDEN_RULE = "ccf-practice-burden-on-source"
CONDITIONAL_RULE = "model-outcome-conditional"

#: The fitted terms of the model (declared with the catalogue's schema for outcome.yaml).
FITTED_TERMS = OUTCOME_FITTED_TERMS

#: Grounds the model reads through their own facts rather than as a consideration, when
#: those facts are given (the NCB's silence).
_READ_DIRECTLY = frozenset({NCB_NON_COOPERATION})


def _silent(scenario: Scenario) -> bool:
    return scenario.challenge is not None and scenario.challenge.ncb_responds is False


@dataclass(frozen=True, slots=True, kw_only=True)
class Features:
    """What the decision model weighs: considerations counted once, by strength and evidence."""

    strong_established: int = 0
    strong_alleged: int = 0
    arguable_established: int = 0
    arguable_alleged: int = 0
    weak: int = 0
    update: bool = False  # a consideration resolved as "correct the record", on a record
    ncb_responds: bool | None = None  # challenge.ncb_responds
    ncb_silent: bool = False  # the NCB does not answer, on a day the CCF's practice applies
    prior: str | None = None  # an earlier CCF decision on these data: compliant | not_compliant
    cleared: int = 0  # conditions the answering NCB's record shows met, with no ground there
    known_facts: int = 0
    silence_practice: bool = True  # the CCF's practice on a silent NCB applies on the day

    @property
    def considerations(self) -> int:
        return (
            self.strong_established
            + self.strong_alleged
            + self.arguable_established
            + self.arguable_alleged
        )


@dataclass(frozen=True, slots=True)
class ModelWeights:
    """Every number of the decision model, as read from the rule catalogue."""

    base: tuple[float, float, float]  # in the order of OUTCOMES
    silent_share: float  # share of decided complaints where the NCB did not answer
    answered_deleted: float  # share deleted among those where it answered
    strong: float
    arguable: float
    update_keep: float
    update_share: float
    prior_stands: float
    cleared: float
    alleged_strong: float
    alleged_arguable: float
    count_cap: int
    cleared_by: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
    likelihood_cap: float
    min_known_facts: int
    high_confidence_at: float
    medium_confidence_at: float
    facts_that_matter: tuple[str, ...]
    rests_on: tuple[tuple[str, tuple[str, ...]], ...]


def _value(rule_id: str) -> dict[str, Any]:
    rule = catalogue().get(rule_id)
    return dict(rule.versions[-1].value)


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


@cache
def model_weights() -> ModelWeights:
    """The weights and settings of ``outcome.yaml`` (read once)."""
    fitted = _value(WEIGHTS_RULE)
    settings = _value(SETTINGS_RULE)
    counts = _value(BASE_RATES_RULE)
    silence = _value(SILENCE_RULE)
    total = sum(float(counts[o]) for o in OUTCOMES)
    silent = float(silence["deleted_ncb_no_answer"])
    base = tuple(float(counts[o]) / total for o in OUTCOMES)
    return ModelWeights(
        base=(base[0], base[1], base[2]),
        silent_share=silent / total,
        answered_deleted=(float(counts["not_compliant"]) - silent) / (total - silent),
        strong=float(fitted["strong"]["value"]),
        arguable=float(fitted["arguable"]["value"]),
        update_keep=float(fitted["update_keep"]["value"]),
        update_share=float(fitted["update_share"]["value"]),
        prior_stands=float(fitted["prior_stands"]["value"]),
        cleared=float(fitted["cleared"]["value"]),
        high_confidence_at=float(fitted["high_confidence_at"]["value"]),
        alleged_strong=float(dict(settings["alleged"])["strong"]),
        alleged_arguable=float(dict(settings["alleged"])["arguable"]),
        count_cap=int(settings["count_cap"]),
        cleared_by=tuple(
            (
                str(area),
                tuple(str(f) for f in dict(entry)["facts"]),
                tuple(str(g) for g in dict(entry)["grounds"]),
            )
            for area, entry in dict(settings["cleared_by"]).items()
        ),
        likelihood_cap=float(settings["likelihood_cap"]),
        min_known_facts=int(settings["min_known_facts"]),
        medium_confidence_at=float(settings["medium_confidence_at"]),
        facts_that_matter=check_fact_paths(
            map(str, settings["facts_that_matter"]), where="outcome.yaml facts_that_matter"
        ),
        rests_on=tuple(
            (str(g), check_fact_paths(map(str, paths), where=f"outcome.yaml rests_on.{g}"))
            for g, paths in dict(settings["rests_on"]).items()
        ),
    )


def sigmoid(x: float) -> float:
    """The logistic function, computed without overflow for large ``|x|``."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def deletion_score(features: Features, weights: ModelWeights) -> float:
    """What the considerations add to the log-odds of deletion, once the NCB has answered."""
    # The heaviest ``count_cap`` considerations count (so strengthening one never lowers it).
    values = (
        [weights.strong] * features.strong_established
        + [weights.alleged_strong] * features.strong_alleged
        + [weights.arguable] * features.arguable_established
        + [weights.alleged_arguable] * features.arguable_alleged
    )
    score = sum(sorted(values, reverse=True)[: weights.count_cap])
    score -= weights.cleared * features.cleared
    if features.update and not (features.strong_established or features.arguable_established):
        # A correction answers the complaint unless a ground for deletion on a record rests
        # on another fact: a correction does not cure that.
        score -= weights.update_keep
    if features.prior == "not_compliant":
        score += weights.prior_stands
    elif features.prior == "compliant":
        score -= weights.prior_stands
    return score


def _capped(p: tuple[float, float, float], cap: float) -> tuple[float, float, float]:
    """No outcome above ``cap``: the excess goes to the others, in their proportions."""
    values = list(p)
    for i, value in enumerate(values):
        if value > cap:
            rest = sum(values) - value
            excess = value - cap
            for j in range(len(values)):
                if j != i:
                    share = values[j] / rest if rest > 0 else 1.0 / (len(values) - 1)
                    values[j] += excess * share
            values[i] = cap
    return (values[0], values[1], values[2])


def likelihood_of(features: Features, weights: ModelWeights | None = None) -> tuple[float, ...]:
    """The likelihood of each outcome of ``OUTCOMES``, summing to 1, none above the cap.

    Example:
        >>> p = likelihood_of(Features())
        >>> [round(x, 3) for x in p]
        [0.659, 0.045, 0.296]
    """
    w = weights or model_weights()
    answered = sigmoid(_logit(w.answered_deleted) + deletion_score(features, w))
    if features.ncb_silent:
        deleted = 1.0
    elif features.ncb_responds is None and features.silence_practice:
        deleted = w.silent_share + (1.0 - w.silent_share) * answered
    elif features.ncb_responds is None:
        # Before the practice on silence, an unknown answer is not averaged: the base rate.
        deleted = sigmoid(_logit(w.base[0]) + deletion_score(features, w))
    else:
        deleted = answered
    kept_base = w.base[1] + w.base[2]
    share_score = _logit(w.base[1] / kept_base) + (w.update_share if features.update else 0.0)
    with_update = (1.0 - deleted) * sigmoid(share_score)
    p = (deleted, with_update, max(0.0, 1.0 - deleted - with_update))
    return _capped(p, w.likelihood_cap)


# ------------------------------------------------------------------------------ features
def _known(scenario: Scenario, path: str) -> bool:
    value: Any = scenario
    for part in path.split("."):
        if value is None:
            return False
        value = getattr(value, part, None)
    return value is not None and value != () and value != ""


def _present(scenario: Scenario, entry: str) -> str | None:
    """The fact path of a ``rests_on`` entry when that fact is given, else ``None``.

    ``case.extradition:political,human_rights`` is given only when an extradition was
    refused on one of those grounds.
    """
    path, _, only = entry.partition(":")
    if not _known(scenario, path):
        return None
    if path == "case.extradition":
        refusals = [p for p in scenario.case.extradition if p.outcome == "refused"]
        if only:
            wanted = set(only.split(","))
            refusals = [p for p in refusals if p.grounds in wanted]
        return path if refusals else None
    return path


def _level(scenario: Scenario, path: str) -> str:
    """``established`` or ``alleged``; an assumed fact is read at its field's default, so
    the marker never changes the prediction."""
    level = evidence_of(scenario, path)
    if level == "assumed":
        return "alleged" if path in ALLEGED_BY_DEFAULT else "established"
    return level


@dataclass(frozen=True, slots=True, kw_only=True)
class Consideration:
    """One fact and the grounds resting on it, counted once in the outcome."""

    fact: str  # the fact path (or "ground:<id>" for a ground resting on no fact given)
    grounds: tuple[Ground, ...]
    strength: str  # strong | arguable | weak: the strongest ground resting on the fact
    evidence: str  # established | alleged: how the fact is known
    remedy: str  # deletion | update

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(g.id for g in self.grounds)


def considerations_of(scenario: Scenario, grounds: tuple[Ground, ...]) -> tuple[Consideration, ...]:
    """One consideration per fact that grounds rest on (one fact, one count).

    Each fact counts once, at the strength of the strongest ground resting on it and with
    the evidence by which that fact is known. A fact on which a ground calling for a
    correction of the record rests, and no strong ground for deletion, calls for the
    correction (the CCF keeps the data with an update). A ground resting on none of the
    facts listed for it (found from the rest of the file: a charge, a profile, a status)
    counts as one fact of its own, known on a record. Learning a
    fact therefore adds a consideration or strengthens one, never merges two away.
    """
    rests_on = dict(model_weights().rests_on)
    by_fact: dict[str, list[Ground]] = {}
    for ground in grounds:
        if ground.id in _READ_DIRECTLY and _silent(scenario):
            continue  # the NCB's silence is weighed on its own (one fact, one count)
        present = [_present(scenario, e) for e in rests_on.get(ground.id, ())]
        facts = list(dict.fromkeys(p for p in present if p is not None))
        for fact in facts or [f"ground:{ground.id}"]:
            by_fact.setdefault(fact, []).append(ground)
    result = []
    for fact, members in by_fact.items():
        # A ground resting on none of the facts listed for it was found from the rest of the
        # file (a charge, a profile, a status): records, so established.
        evidence = "established" if fact.startswith("ground:") else _level(scenario, fact)
        deletion = [g for g in members if g.id in DELETION_GROUNDS]
        update = [g for g in members if g.id in UPDATE_GROUNDS and g.strength != "weak"]
        best = max((RANK[g.strength] for g in deletion), default=0)
        if best == RANK["strong"] or (best and not (update and evidence == "established")):
            remedy = "deletion"
            strength = next(k for k, v in RANK.items() if v == best)
        elif update and evidence == "established":
            remedy = "update"
            strength = max((g.strength for g in update), key=lambda x: RANK[x])
        else:
            continue  # a correction alleged only: nothing to count
        result.append(
            Consideration(
                fact=fact,
                grounds=tuple(members),
                strength=strength,
                evidence=evidence,
                remedy=remedy,
            )
        )
    return tuple(result)


_LEVELS = ("strong_established", "strong_alleged", "arguable_established", "arguable_alleged")


def _counted(
    scenario: Scenario, grounds: tuple[Ground, ...], weights: ModelWeights
) -> tuple[dict[str, int], bool]:
    """How many considerations of each strength and evidence count, and whether the record
    is to be corrected: each ground counts at most once and each fact at most once.

    The facts that call for a correction (see :func:`considerations_of`) go to it. Every
    other ground for deletion is paired with one fact it rests on, no fact serving two
    grounds, choosing the pairing that weighs most (a ground resting on no fact given
    stands on an alleged fact of its own). Because the best pairing is taken, learning a
    fact or strengthening a ground never lowers the count's weight.
    """
    items = considerations_of(scenario, grounds)
    update = any(c.remedy == "update" for c in items)
    taken = {c.fact for c in items if c.remedy == "update"}
    options: list[list[tuple[str, str]]] = []  # per ground: (fact, level) choices
    weak = 0
    for ground in grounds:
        if ground.id not in DELETION_GROUNDS or (ground.id in _READ_DIRECTLY and _silent(scenario)):
            continue
        if ground.strength == "weak":
            weak += 1
            continue
        choices = [
            (c.fact, f"{ground.strength}_{c.evidence}")
            for c in items
            if c.fact not in taken and any(g is ground for g in c.grounds)
        ]
        if choices:
            options.append(choices)
    blank = dict.fromkeys(_LEVELS, 0)

    def score(counts: dict[str, int]) -> float:
        features = Features(
            strong_established=counts["strong_established"],
            strong_alleged=counts["strong_alleged"],
            arguable_established=counts["arguable_established"],
            arguable_alleged=counts["arguable_alleged"],
        )
        return deletion_score(features, weights)

    best: dict[str, int] = dict(blank)
    best_score = score(best)
    # Depth-first over the pairings (a handful of grounds, each with one to three facts).
    stack: list[tuple[int, frozenset[str], dict[str, int]]] = [(0, frozenset(), blank)]
    visited = 0
    while stack and visited < 4096:
        index, used, counts = stack.pop()
        visited += 1
        if index == len(options):
            value = score(counts)
            if value > best_score:
                best, best_score = counts, value
            continue
        stack.append((index + 1, used, counts))  # this ground finds no free fact
        for fact, level in options[index]:
            if fact not in used:
                stack.append((index + 1, used | {fact}, {**counts, level: counts[level] + 1}))
    return {**best, "weak": weak}, update


def features_of(scenario: Scenario, grounds: tuple[Ground, ...], on: Date) -> Features:
    """What the model weighs, from the facts and the grounds found on ``on``."""
    weights = model_weights()
    counts, update = _counted(scenario, grounds, weights)
    # A record outside the grounds: the co-accused's data deleted (consistency), a diffusion
    # sent after a red notice on the same facts was refused (the General Secretariat's own
    # finding). Each is one established consideration of arguable weight.
    if scenario.case.co_accused_deleted is True:
        counts["arguable_established"] += 1
    if diffusion_after_refusal(scenario, on):
        counts["arguable_established"] += 1
    challenge = scenario.challenge
    prior = scenario.case.prior_ccf_decision
    earlier = None
    if prior is not None and prior.outcome and (prior.date is None or prior.date <= on):
        earlier = "not_compliant" if prior.outcome == "not_compliant" else "compliant"
    return Features(
        **counts,
        update=update,
        ncb_responds=None if challenge is None else challenge.ncb_responds,
        ncb_silent=(
            challenge is not None
            and challenge.ncb_responds is False
            and catalogue().applies(SILENCE_RULE, on)
        ),
        prior=earlier,
        cleared=len(cleared_areas(scenario, grounds)),
        silence_practice=catalogue().applies(SILENCE_RULE, on),
        known_facts=sum(_known(scenario, f) for f in weights.facts_that_matter),
    )


def cleared_areas(
    scenario: Scenario, grounds: tuple[Ground, ...], *, answers: bool | None = None
) -> tuple[str, ...]:
    """The conditions of INTERPOL's rules the source NCB has shown to be met.

    ``answers`` asks what would be cleared if the NCB answered (for the hinges).

    The burden is on the source (``ccf-practice-burden-on-source``): the CCF keeps data once
    the source satisfies it that they comply. An area (``cleared_by`` in the settings) is
    cleared when one of the area's facts is given with the value that meets the rule
    (``case.arrest_warrant.valid=true``) on a record (the NCB's own documents or a court's)
    and none of the area's own grounds is found at least arguable, provided the source NCB
    answers the CCF (it then shows the CCF those documents) or no point for deletion is
    raised at all, not even a weak one (when the NCB's answer is unknown, documents on the
    formal conditions do not answer a substantive point such as a political backdrop). A
    silent NCB clears nothing; when its answer is unknown, silence keeps its share of the
    average.
    """
    challenge = scenario.challenge
    if challenge is not None and challenge.ncb_responds is False:
        return ()  # a silent NCB backs nothing
    if answers is None:
        answers = challenge is not None and challenge.ncb_responds is True
    found = {g.id for g in grounds if g.strength != "weak"}
    raised = {g.id for g in grounds} & DELETION_GROUNDS
    if not answers and raised:
        return ()  # a point is raised (even a weak one) and how the NCB meets it is unknown
    areas = []
    for area, facts, area_grounds in model_weights().cleared_by:
        if found & set(area_grounds):
            continue
        for entry in facts:
            path, _, wanted = entry.partition("=")
            value: Any = scenario
            for part in path.split("."):
                value = getattr(value, part, None)
            if str(value).lower() == wanted.lower() and _level(scenario, path) == "established":
                areas.append(area)
                break
    return tuple(areas)


def argmax(likelihood: tuple[float, ...]) -> str:
    best = max(range(len(OUTCOMES)), key=lambda i: (likelihood[i], -i))
    return OUTCOMES[best]


def confidence_of(features: Features, top: float, weights: ModelWeights) -> str:
    """``low``, ``medium`` or ``high``.

    Low when nothing that matters is known (the base rate) or the facts are thin (fewer than
    ``min_known_facts`` of the facts that matter, as for a decision known only from its
    published tags); high only
    from the threshold at which the cross-validated predictions were right at least 90 % of
    the time; otherwise by the top likelihood.
    """
    if features.known_facts < weights.min_known_facts:
        return "low"
    if top >= weights.high_confidence_at:
        return "high"
    if top >= weights.medium_confidence_at:
        return "medium"
    return "low"


def diffusion_after_refusal(scenario: Scenario, on: Date) -> bool:
    """A diffusion sent after a red notice on the same facts was refused (DF-12)."""
    refused_on = scenario.notice.red_notice_refused_on
    return (
        scenario.notice.kind == "diffusion"
        and refused_on is not None
        and refused_on <= scenario.notice.issued_on
        and refused_on <= on
    )


def prior_compliant(scenario: Scenario, on: Date) -> bool:
    """Whether the CCF already found these data compliant on or before ``on``."""
    prior = scenario.case.prior_ccf_decision
    return (
        prior is not None
        and prior.outcome == "compliant"
        and (prior.date is None or prior.date <= on)
    )
