"""The likely CCF decision on a request for deletion: an outcome with its likelihood.

How the CCF decides, as this model reads its practice (rules in ``data/rules/outcome.yaml``):

1. **The CCF keeps data only when it is satisfied that they comply**, and the burden is on
   the source NCB, which recorded them (``ccf-practice-burden-on-source``). Every ground
   for deletion found on the facts therefore counts towards deletion; none is needed to
   be "decisive" on its own. A strong ground weighs more than an arguable one, a weak one
   little.
2. **An NCB that does not answer** the CCF's questions has not backed its request, and the
   data go (``ccf-practice-ncb-silence``). One that **answers and backs its request**
   leaves the grounds to persuade on their own. When it is **not known** whether the NCB
   answers, the outcome is conditional ("deleted unless the NCB shows that the data
   comply") and the NCB's answer is listed in ``hinges_on``
   (``model-outcome-conditional``).
3. Grounds that call for **correcting the record** (data accuracy, a refused extradition)
   make "kept with an update" the likelier way of keeping the data.
4. An earlier CCF finding that the data comply, the co-accused's data having been deleted,
   and a diffusion sent after a red notice on the same facts was refused, move the
   balance too.

The model is a pair of logistic scores (numbers in ``outcome.yaml``): one for deletion
against keeping, one for "kept with an update" against "kept as is". Every ground weight
is zero or more, and grounds are counted cumulatively (strong ones also count as at least
arguable), so **adding a ground or strengthening one never lowers the likelihood of
deletion**. The three likelihoods sum to 1 (``compliant`` takes what the other two leave)
and the prediction is the most likely of them.

Confidence is ``low`` when few of the facts that matter are known (thin facts), and
otherwise follows how clear the likelihood is. ``hinges_on`` lists the unknown or
contestable facts whose answer would change the prediction, most decisive first.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from diffusion_scenarios._engine.assessment import OUTCOMES, Ground, Hinge, Outcome, TraceEntry
from diffusion_scenarios._engine.grounds.evaluate import evaluate_grounds
from diffusion_scenarios._engine.grounds.findings import DELETION_GROUNDS, UPDATE_GROUNDS
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.rules import (
    OUTCOME_DELETION_TERMS,
    OUTCOME_UPDATE_TERMS,
    catalogue,
)
from diffusion_scenarios._law.vocab import OUTCOME_LIKELY_WORDS

__all__ = [
    "Features",
    "ModelWeights",
    "features_of",
    "likelihood_of",
    "model_weights",
    "predict_outcome",
    "prior_compliant",
]

Date = _dt.date

WEIGHTS_RULE = "model-outcome-weights"
SETTINGS_RULE = "model-outcome-settings"
FUNCTIONS_RULE = "ccf-statute-3-functions"
BURDEN_RULE = "ccf-practice-burden-on-source"
SILENCE_RULE = "ccf-practice-ncb-silence"
CONDITIONAL_RULE = "model-outcome-conditional"
BASE_RATES_RULE = "ccf-outcome-base-rates"

#: The weights of the deletion score, in the order of :meth:`Features.deletion_terms`
#: (declared with the catalogue's schema for outcome.yaml).
DELETION_TERMS = OUTCOME_DELETION_TERMS
#: The weights of the "kept with an update" score.
UPDATE_TERMS = OUTCOME_UPDATE_TERMS


@dataclass(frozen=True, slots=True, kw_only=True)
class Features:
    """The facts of a case that the decision model weighs."""

    strong: int = 0  # grounds for deletion found strong
    arguable: int = 0  # ... found arguable
    weak: int = 0  # ... found weak
    update: bool = False  # a ground calling for an update, at least arguable
    ncb_responds: bool | None = None  # challenge.ncb_responds
    ncb_silent: bool = False  # the NCB does not answer, on a day the CCF's practice applies
    prior_compliant: bool = False
    co_accused_deleted: bool = False
    diffusion_after_refusal: bool = False
    known_facts: int = 0

    def deletion_terms(self, cap: int) -> tuple[float, ...]:
        """The values multiplied by the fitted deletion weights (see ``DELETION_TERMS``)."""
        at_least_arguable = min(self.strong + self.arguable, cap)
        any_strength = min(self.strong + self.arguable + self.weak, cap)
        return (
            1.0,
            1.0 if self.strong else 0.0,
            float(at_least_arguable),
            float(any_strength),
            1.0 if self.prior_compliant else 0.0,
            1.0 if self.ncb_responds is True else 0.0,
        )

    def update_terms(self) -> tuple[float, ...]:
        return (1.0, 1.0 if self.update else 0.0)


@dataclass(frozen=True, slots=True)
class ModelWeights:
    """Every number of the decision model, as read from the rule catalogue."""

    deletion: tuple[float, ...]
    update: tuple[float, ...]
    ground_cap: int
    ncb_silent: float
    co_accused_deleted: float
    diffusion_after_refusal: float
    min_known_facts: int
    high_confidence_at: float
    medium_confidence_at: float
    facts_that_matter: tuple[str, ...]


def _value(rule_id: str) -> dict[str, Any]:
    rule = catalogue().get(rule_id)
    return dict(rule.versions[-1].value)


@cache
def model_weights() -> ModelWeights:
    """The weights and settings of ``outcome.yaml`` (read once)."""
    fitted = _value(WEIGHTS_RULE)
    settings = _value(SETTINGS_RULE)
    return ModelWeights(
        deletion=tuple(float(fitted[t]["value"]) for t in DELETION_TERMS),
        update=tuple(float(fitted[t]["value"]) for t in UPDATE_TERMS),
        ground_cap=int(settings["ground_cap"]),
        ncb_silent=float(settings["ncb_silent"]),
        co_accused_deleted=float(settings["co_accused_deleted"]),
        diffusion_after_refusal=float(settings["diffusion_after_refusal"]),
        min_known_facts=int(settings["min_known_facts"]),
        high_confidence_at=float(settings["high_confidence_at"]),
        medium_confidence_at=float(settings["medium_confidence_at"]),
        facts_that_matter=tuple(str(f) for f in settings["facts_that_matter"]),
    )


def sigmoid(x: float) -> float:
    """The logistic function, computed without overflow for large ``|x|``."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def settings_offset(features: Features, weights: ModelWeights) -> float:
    """The part of the deletion score that the model's settings fix rather than the fit:
    NCB silence, a co-accused's deleted data, a diffusion after a refused red notice."""
    offset = 0.0
    if features.ncb_silent:
        offset += weights.ncb_silent
    if features.co_accused_deleted:
        offset += weights.co_accused_deleted
    if features.diffusion_after_refusal:
        offset += weights.diffusion_after_refusal
    return offset


def deletion_score(features: Features, weights: ModelWeights) -> float:
    """The log-odds of deletion against keeping."""
    terms = features.deletion_terms(weights.ground_cap)
    score = sum(w * x for w, x in zip(weights.deletion, terms, strict=True))
    return score + settings_offset(features, weights)


def likelihood_of(features: Features, weights: ModelWeights | None = None) -> tuple[float, ...]:
    """The likelihood of each outcome of ``OUTCOMES``, summing to 1.

    Example:
        >>> p = likelihood_of(Features(strong=1))
        >>> abs(sum(p) - 1) < 1e-12 and p[0] > 0.5
        True
    """
    w = weights or model_weights()
    deleted = sigmoid(deletion_score(features, w))
    share = sigmoid(sum(a * b for a, b in zip(w.update, features.update_terms(), strict=True)))
    with_update = (1.0 - deleted) * share
    return (deleted, with_update, 1.0 - deleted - with_update)


def _known(scenario: Scenario, path: str) -> bool:
    value: Any = scenario
    for part in path.split("."):
        if value is None:
            return False
        value = getattr(value, part, None)
    return value is not None and value != () and value != ""


def features_of(scenario: Scenario, grounds: tuple[Ground, ...], on: Date) -> Features:
    """What the model weighs, from the facts and the grounds found on ``on``."""
    weights = model_weights()
    deletion = [g for g in grounds if g.id in DELETION_GROUNDS]
    challenge = scenario.challenge
    return Features(
        strong=sum(g.strength == "strong" for g in deletion),
        arguable=sum(g.strength == "arguable" for g in deletion),
        weak=sum(g.strength == "weak" for g in deletion),
        update=any(g.id in UPDATE_GROUNDS and g.strength != "weak" for g in grounds),
        ncb_responds=None if challenge is None else challenge.ncb_responds,
        ncb_silent=(
            challenge is not None
            and challenge.ncb_responds is False
            and catalogue().applies(SILENCE_RULE, on)
        ),
        prior_compliant=prior_compliant(scenario, on),
        co_accused_deleted=scenario.case.co_accused_deleted is True,
        diffusion_after_refusal=_diffusion_after_refusal(scenario, on),
        known_facts=sum(_known(scenario, f) for f in weights.facts_that_matter),
    )


def _argmax(likelihood: tuple[float, ...]) -> str:
    best = max(range(len(OUTCOMES)), key=lambda i: (likelihood[i], -i))
    return OUTCOMES[best]


# ------------------------------------------------------------------------------ words
def in_ten(p: float) -> str:
    """A likelihood in words a client reads: "about 7 in 10"."""
    tenths = round(p * 10)
    if tenths >= 10:
        return "more than 9 in 10"
    if tenths <= 0:
        return "less than 1 in 10"
    return f"about {tenths} in 10"


def _in_sentence(label: str) -> str:
    return label[:1].lower() + label[1:]


def _names(grounds: list[Ground]) -> str:
    return "; ".join(_in_sentence(g.label or g.id) for g in grounds)


#: Where the explanation names what could change the answer (renderers cut there).
CHANGE_LEAD = "It could change: "

_FIELD = re.compile(r"\(((?:case|person|notice|challenge)\.[a-z_.]+)")


def _field_of(text: str) -> str | None:
    match = _FIELD.search(text)
    return match.group(1).rstrip(".") if match else None


def _hinges(
    features: Features,
    prediction: str,
    likelihood: tuple[float, ...],
    unknowns: tuple[str, ...],
    on: Date,
) -> tuple[Hinge, ...]:
    """The unknown or contestable facts whose answer would change the prediction."""
    weights = model_weights()
    found: list[tuple[float, Hinge]] = []
    index = OUTCOMES.index(prediction)

    def consider(alternative: Features, hinge: dict[str, Any]) -> None:
        p = likelihood_of(alternative, weights)
        leads_to = _argmax(p)
        if leads_to != prediction:
            found.append((likelihood[index] - p[index], Hinge(leads_to=leads_to, **hinge)))

    if features.ncb_responds is None:
        silence_applies = catalogue().applies(SILENCE_RULE, on)
        consider(
            _replace(features, ncb_responds=True),
            {
                "field": "challenge.ncb_responds",
                "condition": "if the source NCB answers the CCF and backs its request",
                "value": True,
            },
        )
        consider(
            _replace(features, ncb_responds=False, ncb_silent=silence_applies),
            {
                "field": "challenge.ncb_responds",
                "condition": "if the source NCB does not answer the CCF's questions",
                "value": False,
            },
        )
    if prediction != "not_compliant":
        # An unknown fact that could add an arguable ground for deletion.
        more = _replace(features, arguable=features.arguable + 1)
        for text in unknowns:
            field = _field_of(text)
            if field is None or field == "challenge.ncb_responds":
                continue
            words = re.sub(r"\s*\([^)]*\)", "", text).strip()
            consider(
                more,
                {
                    "field": field,
                    "condition": f"if the facts turn out in the person's favour on {words}",
                    "value": None,
                },
            )
    found.sort(key=lambda item: -item[0])
    seen: set[tuple[str, Any]] = set()
    result = []
    for _, hinge in found:
        key = (hinge.field, hinge.value)
        if key not in seen:
            seen.add(key)
            result.append(hinge)
    return tuple(result)


def _replace(features: Features, **changes: Any) -> Features:
    from dataclasses import replace

    return replace(features, **changes)


def confidence_of(features: Features, top: float, weights: ModelWeights) -> str:
    """``low``, ``medium`` or ``high``: thin facts are low, else by the top likelihood."""
    if features.known_facts < weights.min_known_facts:
        return "low"
    if top >= weights.high_confidence_at:
        return "high"
    if top >= weights.medium_confidence_at:
        return "medium"
    return "low"


def _summary(prediction: str, p: float, hinges: tuple[Hinge, ...]) -> str:
    word = OUTCOME_LIKELY_WORDS[prediction]
    lead = f"Likely {word}" if p >= 0.5 else f"Uncertain, leaning to {word}"
    ncb = next((h for h in hinges if h.field == "challenge.ncb_responds"), None)
    if ncb is not None and prediction == "not_compliant":
        lead += ", unless the source NCB shows that the data comply"
    elif ncb is not None and ncb.value is False:
        lead += ", unless the source NCB fails to answer the CCF"
    return f"{lead}: {in_ten(p)} on these facts."


def predict_outcome(
    scenario: Scenario,
    grounds: tuple[Ground, ...],
    on: Date,
    *,
    unknowns: tuple[str, ...] | None = None,
) -> tuple[Outcome, tuple[TraceEntry, ...]]:
    """The likely CCF decision on deletion, with its likelihood, confidence and hinges.

    Args:
        scenario: the facts (the NCB's answer, earlier CCF decisions, what is known).
        grounds: the grounds found for these facts on ``on`` (from ``evaluate_grounds``).
        on: the day assessed.
        unknowns: the unknown facts those grounds depend on (``GroundsResult.depends_on``),
            from which the hinges are drawn. ``assess`` passes them, so the grounds are not
            evaluated again; when left out they are read from ``evaluate_grounds`` (one
            cached evaluation for ``on``).

    Returns:
        The outcome and the trace entry of the decision.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios._facts.scenario import Case, Notice, Scenario
        >>> facts = Scenario(id="x", notice=Notice(kind="diffusion", requesting_country="KWT",
        ...     issued_on=datetime.date(2024, 8, 20)), case=Case(origin="family_matter"))
        >>> day = datetime.date(2025, 6, 1)
        >>> outcome, _ = predict_outcome(facts, evaluate_grounds(facts, day).grounds, day)
        >>> outcome.prediction
        'not_compliant'
        >>> abs(sum(p for _, p in outcome.likelihood) - 1) < 1e-12
        True
    """
    features = features_of(scenario, grounds, on)
    likelihood = likelihood_of(features)
    prediction = _argmax(likelihood)
    top = likelihood[OUTCOMES.index(prediction)]
    if unknowns is None:
        unknowns = evaluate_grounds(scenario, on).depends_on
    # The hinges are what-ifs on the model's features (the NCB's answer, one more arguable
    # ground), not on the facts: none of them needs the grounds evaluated again.
    hinges = _hinges(features, prediction, likelihood, unknowns, on)
    confidence = confidence_of(features, top, model_weights())
    summary = _summary(prediction, top, hinges)

    strong = [g for g in grounds if g.id in DELETION_GROUNDS and g.strength == "strong"]
    arguable = [g for g in grounds if g.id in DELETION_GROUNDS and g.strength == "arguable"]
    weak = [g for g in grounds if g.id in DELETION_GROUNDS and g.strength == "weak"]
    updates = [g for g in grounds if g.id in UPDATE_GROUNDS and g.strength != "weak"]
    parts = [summary]
    if strong:
        parts.append(f"Strong grounds for deletion: {_names(strong)}.")
    if arguable:
        parts.append(f"Arguable grounds for deletion: {_names(arguable)}.")
    if weak and not (strong or arguable):
        parts.append(f"Only weak points were found: {_names(weak)}.")
    if updates:
        parts.append(f"Grounds for correcting the record rather than deleting: {_names(updates)}.")
    if not (strong or arguable or weak or updates):
        parts.append(
            "On the facts given, no ground for deletion applies; the CCF does not weigh guilt, "
            "only whether the data follow INTERPOL's rules."
        )
    parts.append(
        "The CCF keeps data only when it is satisfied that they comply, and it is for the "
        "source NCB to show that they do."
    )
    if features.ncb_silent:
        parts.append("The source NCB does not answer the CCF, so it has not backed its request.")
    elif features.ncb_responds is True:
        parts.append("The source NCB answers the CCF; the grounds must persuade on their own.")
    if features.prior_compliant:
        parts.append(
            "The CCF has already found these data compliant; without a newly discovered fact "
            "it will not reopen that decision."
        )
    if features.co_accused_deleted:
        parts.append("The co-accused's data in the same case have already been deleted.")
    if features.diffusion_after_refusal:
        parts.append("A red notice on the same facts was refused before this diffusion was sent.")
    if confidence == "low" and features.known_facts < model_weights().min_known_facts:
        parts.append("Few of the facts that matter are known, so this is a rough estimate.")
    if hinges:
        parts.append(
            CHANGE_LEAD
            + "; ".join(
                f"{h.condition} ({h.field}), it would be {OUTCOME_LIKELY_WORDS[h.leads_to]}"
                for h in hinges[:3]
            )
            + "."
        )

    citations = list(dict.fromkeys(c for g in (*strong, *arguable, *updates) for c in g.citations))
    if not citations:
        # No ground: the answer rests on what the CCF is there to check (its functions).
        citations.append(FUNCTIONS_RULE)
    citations.append(BURDEN_RULE)
    if features.ncb_silent:
        citations.append(SILENCE_RULE)
    if any(h.field == "challenge.ncb_responds" for h in hinges):
        citations.append(CONDITIONAL_RULE)
    if features.co_accused_deleted:
        citations.append("ccf-practice-consistency")
    citations += [WEIGHTS_RULE, SETTINGS_RULE]
    trace = TraceEntry(
        rule=citations[0],
        facts=(
            ("grounds.strong", [g.id for g in strong]),
            ("grounds.arguable", [g.id for g in arguable]),
            ("grounds.weak", [g.id for g in weak]),
            ("grounds.update", [g.id for g in updates]),
            ("challenge.ncb_responds", features.ncb_responds),
            ("case.co_accused_deleted", scenario.case.co_accused_deleted),
            ("known_facts", features.known_facts),
        ),
        result=(
            f"outcome: {prediction} ("
            + ", ".join(f"{o} {p:.2f}" for o, p in zip(OUTCOMES, likelihood, strict=True))
            + f"; confidence {confidence})"
        ),
    )
    outcome = Outcome(
        prediction=prediction,
        explanation=" ".join(parts),
        citations=tuple(dict.fromkeys(citations)),
        likelihood=tuple(zip(OUTCOMES, likelihood, strict=True)),
        confidence=confidence,
        hinges_on=hinges,
        summary=summary,
    )
    return outcome, (trace,)


def _diffusion_after_refusal(scenario: Scenario, on: Date) -> bool:
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
