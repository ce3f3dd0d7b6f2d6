"""The likely CCF decision on a request for deletion, in words: the outcome with its
likelihood, its summary, the reasons and what would change it (the hinges).

What the model weighs and the likelihood it gives are in :mod:`.outcome_model` (how it
reads the CCF is told there); this module asks it, finds the hinges and writes the words,
keeping the summary, the reasons and the change apart (:class:`Outcome`).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from typing import Any

from diffusion_scenarios._engine.assessment import (
    OUTCOMES,
    Ground,
    Hinge,
    Outcome,
    TraceEntry,
    Unknown,
)
from diffusion_scenarios._engine.grounds.evaluate import evaluate_grounds
from diffusion_scenarios._engine.grounds.findings import DELETION_GROUNDS, UPDATE_GROUNDS
from diffusion_scenarios._engine.grounds.ids import NCB_NON_COOPERATION
from diffusion_scenarios._engine.outcome_model import (
    BASE_RATES_RULE,
    BURDEN_RULE,
    CONDITIONAL_RULE,
    FITTED_TERMS,
    FUNCTIONS_RULE,
    SETTINGS_RULE,
    SILENCE_RULE,
    WEIGHTS_RULE,
    Consideration,
    Features,
    ModelWeights,
    argmax,
    cleared_areas,
    confidence_of,
    considerations_of,
    diffusion_after_refusal,
    features_of,
    likelihood_of,
    model_weights,
    prior_compliant,
)
from diffusion_scenarios._engine.words import OUTCOME_LIKELY_WORDS
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.rules import catalogue

# The model's names stay importable from here (the calibration and the fitting script read them).
__all__ = [
    "BASE_RATES_RULE",
    "CHANGE_LEAD",
    "FITTED_TERMS",
    "SETTINGS_RULE",
    "WEIGHTS_RULE",
    "Consideration",
    "Features",
    "ModelWeights",
    "confidence_of",
    "considerations_of",
    "features_of",
    "in_ten",
    "likelihood_of",
    "model_weights",
    "predict_outcome",
    "prior_compliant",
    "summary_of",
]

Date = _dt.date

#: The conditions the source's record can show met (``cleared_by``), in words.
_AREA_WORDS = {
    "judicial_basis": "a valid warrant and a summary naming the person's role (RPD Art 83(2)(b))",
    "purpose": "extradition sought (RPD Art 84(b))",
}


# ------------------------------------------------------------------------------ words
def in_ten(p: float) -> str:
    """A likelihood in words a client reads: "about 7 in 10" (never "10 in 10").

    Example:
        >>> in_ten(0.95), in_ten(0.66), in_ten(0.04)
        ('more than 9 in 10', 'about 7 in 10', 'less than 1 in 10')
    """
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


#: How the sentence naming what could change the answer (``Outcome.change``) begins.
CHANGE_LEAD = "It could change: "


def _hinges(
    features: Features,
    prediction: str,
    likelihood: tuple[float, ...],
    unknowns: tuple[Unknown, ...],
    alleged: tuple[Consideration, ...],
    on: Date,
    cleared_if_answered: int = 0,
) -> tuple[Hinge, ...]:
    """The unknown or contestable facts whose answer would change the prediction."""
    weights = model_weights()
    found: list[tuple[float, Hinge]] = []
    index = OUTCOMES.index(prediction)

    def consider(alternative: Features, hinge: dict[str, Any]) -> None:
        p = likelihood_of(alternative, weights)
        leads_to = argmax(p)
        if leads_to != prediction:
            found.append((likelihood[index] - p[index], Hinge(leads_to=leads_to, **hinge)))

    if features.ncb_responds is None:
        silence_applies = catalogue().applies(SILENCE_RULE, on)
        consider(
            replace(features, ncb_responds=True, cleared=cleared_if_answered),
            {
                "field": "challenge.ncb_responds",
                "condition": "if the source NCB answers the CCF and backs its request",
                "value": True,
            },
        )
        consider(
            replace(features, ncb_responds=False, ncb_silent=silence_applies),
            {
                "field": "challenge.ncb_responds",
                "condition": "if the source NCB does not answer the CCF's questions",
                "value": False,
            },
        )
    for item in alleged:
        level = "strong" if item.strength == "strong" else "arguable"
        shown = replace(
            features,
            **{
                f"{level}_alleged": getattr(features, f"{level}_alleged") - 1,
                f"{level}_established": getattr(features, f"{level}_established") + 1,
            },
        )
        if item.fact.startswith("ground:"):
            continue
        field = item.fact
        consider(
            shown,
            {
                "field": field,
                "condition": (
                    "if a court, a recognised status or the NCB's own documents establish "
                    f"what is alleged about {_in_sentence(item.grounds[0].label or item.names[0])}"
                ),
                "value": None,
            },
        )
    if prediction != "not_compliant":
        # An unknown fact that could add an established arguable ground for deletion.
        more = replace(features, arguable_established=features.arguable_established + 1)
        for unknown in unknowns:
            path = unknown.fact
            if path is None or path == "challenge.ncb_responds":
                continue
            consider(
                more,
                {
                    "field": path,
                    "condition": f"if the facts turn out in the person's favour on {unknown.asked}",
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


#: How a summary begins, likely or uncertain; the second pair frames it on a request for revision.
_LEADS = {
    False: ("Likely", "Uncertain, leaning to"),
    True: ("On a request for revision: likely", "On a request for revision: uncertain, leaning to"),
}


def summary_of(
    prediction: str, p: float, hinges: tuple[Hinge, ...], *, revision: bool = False
) -> str:
    """The one sentence read first ("Likely deleted: about 7 in 10 on these facts."), from
    the prediction, its likelihood ``p`` and the hinges (the NCB's answer); ``revision``
    frames it as the outcome on a request for revision."""
    word = OUTCOME_LIKELY_WORDS[prediction]
    likely, uncertain = _LEADS[revision]
    lead = f"{likely} {word}" if p >= 0.5 else f"{uncertain} {word}"
    ncb = next((h for h in hinges if h.field == "challenge.ncb_responds"), None)
    if ncb is not None and prediction == "not_compliant":
        lead += ", unless the source NCB shows that the data comply"
    elif ncb is not None and ncb.value is False:
        lead += ", unless the source NCB fails to answer the CCF"
    return f"{lead}: {in_ten(p)} on these facts."


def _percent(p: float) -> str:
    return f"{round(p * 100)}%"


def predict_outcome(
    scenario: Scenario,
    grounds: tuple[Ground, ...],
    on: Date,
    *,
    unknowns: tuple[Unknown, ...] | None = None,
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
    weights = model_weights()
    items = considerations_of(scenario, grounds)
    features = features_of(scenario, grounds, on)
    likelihood = likelihood_of(features, weights)
    prediction = argmax(likelihood)
    top = likelihood[OUTCOMES.index(prediction)]
    if unknowns is None:
        unknowns = evaluate_grounds(scenario, on).depends_on
    alleged = tuple(
        c
        for c in items
        if c.remedy == "deletion" and c.evidence == "alleged" and c.strength != "weak"
    )
    if_answered = len(cleared_areas(scenario, grounds, answers=True))
    hinges = _hinges(features, prediction, likelihood, unknowns, alleged, on, if_answered)
    confidence = confidence_of(features, top, weights)
    summary = summary_of(prediction, top, hinges)

    def evidence_for(ground: Ground) -> str:
        levels = {c.evidence for c in items if any(g is ground for g in c.grounds)}
        return "established" if "established" in levels else "alleged"

    def listed(strength: str, evidence: str) -> list[Ground]:
        return [
            g
            for g in grounds
            if g.id in DELETION_GROUNDS
            and g.id not in (NCB_NON_COOPERATION,)
            and g.strength == strength
            and evidence_for(g) == evidence
        ]

    deletion = [g for g in grounds if g.id in DELETION_GROUNDS]
    updates = [g for g in grounds if g.id in UPDATE_GROUNDS and g.strength != "weak"]
    parts: list[str] = []  # the reasons, between the summary and what would change it
    nothing_moves = not (
        features.considerations or features.update or features.prior or features.cleared
    )
    if nothing_moves and features.ncb_responds is None:
        base = dict(zip(OUTCOMES, weights.base, strict=True))
        parts.append(
            "Nothing on file moves the likelihood away from the CCF's published split of "
            f"the complaints it decided ({_percent(base['not_compliant'])} deleted, "
            f"{_percent(base['compliant'])} kept, "
            f"{_percent(base['compliant_with_update'])} kept with an update)."
        )
    if not features.considerations:
        parts.append(
            "On the facts given, no ground for deletion applies; the CCF does not weigh "
            "guilt, only whether the data follow INTERPOL's rules."
        )
    for strength, words in (("strong", "Strong"), ("arguable", "Arguable")):
        shown = listed(strength, "established")
        if shown:
            parts.append(f"{words} grounds for deletion resting on a record: {_names(shown)}.")
        shown = listed(strength, "alleged")
        if shown:
            parts.append(
                f"{words} grounds for deletion resting only on what is alleged (they move "
                f"the likelihood a little until established): {_names(shown)}."
            )
    weak = [g for g in deletion if g.strength == "weak"]
    if weak and not any(c.remedy == "deletion" and c.strength != "weak" for c in items):
        parts.append(f"Only weak points were found: {_names(weak)}.")
    if features.update:
        parts.append(
            "Grounds for correcting the record rather than deleting it, on a record: "
            f"{_names(updates)}; where no strong ground for deletion rests on the same fact, "
            "the CCF corrects the data rather than deleting them."
        )
    shared: dict[tuple[str, ...], str] = {}
    for c in items:
        names = tuple(dict.fromkeys(_in_sentence(g.label or g.id) for g in c.grounds))
        if len(names) > 1 and not c.fact.startswith("ground:"):
            shared.setdefault(names, c.fact)
    if shared:
        parts.append(
            "Grounds resting on the same fact count once in the likelihood: "
            + "; ".join(f"{' and '.join(n)} ({fact})" for n, fact in shared.items())
            + "."
        )
    parts.append(
        "The CCF keeps data only when it is satisfied that they comply, and it is for the "
        "source NCB to show that they do."
    )
    if features.ncb_silent:
        parts.append("The source NCB does not answer the CCF, so it has not backed its request.")
    elif features.ncb_responds is True:
        parts.append("The source NCB answers the CCF; the grounds must persuade on their own.")
    elif features.ncb_responds is None and features.silence_practice:
        silent = likelihood_of(replace(features, ncb_responds=False, ncb_silent=True), weights)
        answers = likelihood_of(replace(features, ncb_responds=True, cleared=if_answered), weights)
        parts.append(
            "Whether the source NCB answers the CCF is not known, so both answers are averaged "
            f"by the CCF's 2021 figures (it did not answer in {_percent(weights.silent_share)} "
            "of the complaints decided): if it does not answer, deletion is "
            f"{in_ten(silent[0])}; if it answers and backs its request, {in_ten(answers[0])}."
        )
    if features.cleared:
        parts.append(
            "The record shows these conditions met, with no ground against them: "
            + "; ".join(_AREA_WORDS.get(a, a) for a in cleared_areas(scenario, grounds))
            + "."
        )
    if features.prior == "compliant":
        parts.append(
            "The CCF has already found these data compliant; without a newly discovered fact "
            "it will not reopen that decision."
        )
    elif features.prior == "not_compliant":
        parts.append(
            "The CCF has already found these data not compliant; that decision stands unless "
            "a newly discovered fact would have changed it."
        )
    if scenario.case.co_accused_deleted is True:
        parts.append("The co-accused's data in the same case have already been deleted.")
    if diffusion_after_refusal(scenario, on):
        parts.append("A red notice on the same facts was refused before this diffusion was sent.")
    if confidence == "low" and features.known_facts < weights.min_known_facts:
        parts.append("Few of the facts that matter are known, so this is a rough estimate.")
    change = ""
    if hinges:
        change = (
            CHANGE_LEAD
            + "; ".join(
                f"{h.condition} ({h.field}), it would be {OUTCOME_LIKELY_WORDS[h.leads_to]}"
                for h in hinges[:3]
            )
            + "."
        )

    strong = [g for g in deletion if g.strength == "strong"]
    arguable = [g for g in deletion if g.strength == "arguable"]
    citations = list(dict.fromkeys(c for g in (*strong, *arguable, *updates) for c in g.citations))
    if not citations:
        # No ground: the answer rests on what the CCF is there to check (its functions).
        citations.append(FUNCTIONS_RULE)
    citations.append(BURDEN_RULE)
    if catalogue().applies(BASE_RATES_RULE, on):
        citations.append(BASE_RATES_RULE)
    if features.ncb_silent or (features.ncb_responds is None and features.silence_practice):
        citations.append(SILENCE_RULE)
    if features.ncb_responds is None:
        citations.append(CONDITIONAL_RULE)
    if scenario.case.co_accused_deleted is True:
        citations.append("ccf-practice-consistency")
    citations += [WEIGHTS_RULE, SETTINGS_RULE]
    trace = TraceEntry(
        rule=citations[0],
        facts=(
            ("grounds.strong", [g.id for g in strong]),
            ("grounds.arguable", [g.id for g in arguable]),
            ("grounds.weak", [g.id for g in deletion if g.strength == "weak"]),
            ("grounds.update", [g.id for g in updates]),
            (
                "considerations",
                [f"{'+'.join(c.names)}: {c.strength} {c.evidence} {c.remedy}" for c in items],
            ),
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
        reasons=tuple(parts),
        change=change,
        citations=tuple(dict.fromkeys(citations)),
        likelihood=tuple(zip(OUTCOMES, likelihood, strict=True)),
        confidence=confidence,
        hinges_on=hinges,
        summary=summary,
    )
    return outcome, (trace,)
