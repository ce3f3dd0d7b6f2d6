"""The most likely CCF decision on a request for deletion, from the grounds found.

Rule of combination (documented here because the outcome rests on it):

1. **Any strong ground for deletion** decides it: ``not_compliant`` (the data are deleted).
   The CCF needs only one breach of INTERPOL's rules to delete.
2. **Several arguable grounds pointing the same way** reach ``not_compliant`` too. Grounds
   point the same way when they belong to the same family of objection:

   * *persecution and protection* — Article 3 (all limbs), Article 2, fair trial, refugee
     status: the data serve, or expose the person to, persecution;
   * *not a serious ordinary-law crime* — private dispute, family matter, behavioural norms,
     administrative breach, penalty threshold, international interest: the case is not one
     INTERPOL's channels are for;
   * *no lawful basis or purpose* — insufficient judicial data, invalid warrant, limitation,
     purpose, lack of extradition action, NCB non-cooperation: the alert lacks its judicial
     footing or no longer serves its purpose.

   Two arguable grounds in one family, or three arguable grounds in any families, give
   ``not_compliant``; so do one arguable ground when the data on co-accused in the same case
   have already been deleted (consistency, an unverified modelling assumption), and two
   arguable grounds in any families when the data are a diffusion sent after a red notice
   on the same facts was refused (DF-12: the General Secretariat already found these facts
   wanting once). Two doubts of the same kind reinforce each other (a political backdrop
   *and* a risk of ill-treatment tell one story); two unrelated half-arguments usually do
   not persuade the CCF, which keeps data in many cases where each argument taken alone
   falls short.

3. Otherwise, grounds that call for **correcting the record** (data accuracy; an extradition
   refused on grounds that do not protect the person) at arguable or above give
   ``compliant_with_update``: the data stay, with the refusal or the change recorded.
4. Otherwise ``compliant``: the data stay as they are. Weak grounds never decide anything;
   they are shown so the user sees what was considered.

The rule is **monotone**: adding a ground, or strengthening one, never moves the prediction
away from deletion (the order is compliant < compliant_with_update < not_compliant, and every
step above only counts grounds).

The explanation names the grounds that decided it and why and, when the prediction could
change with facts that are unknown, says which.
"""

from __future__ import annotations

import datetime as _dt

from ._assessment import Ground, Outcome, TraceEntry
from ._findings import DELETION_GROUNDS, GROUND_FAMILIES, UPDATE_GROUNDS
from ._grounds import evaluate_grounds
from ._scenario import Scenario

__all__ = ["predict_outcome"]

Date = _dt.date


def _names(grounds: list[Ground]) -> str:
    """The grounds' labels in running text, separated by semicolons (labels hold commas)."""
    return "; ".join(_in_sentence(g.label or g.id) for g in grounds)


_FAMILY_WORDS = {
    "persecution": "each suggests that the data serve, or expose the person to, persecution",
    "seriousness": "each suggests that the case is not a serious ordinary-law crime of the "
    "kind INTERPOL's channels are for",
    "basis_and_purpose": "each suggests that the alert lacks a lawful judicial basis or no "
    "longer serves its purpose",
}


def _reinforcing_family(arguable: list[Ground]) -> str | None:
    """The family that holds two or more of these arguable grounds, if any."""
    counts: dict[str, int] = {}
    for g in arguable:
        family = GROUND_FAMILIES[g.id]
        counts[family] = counts.get(family, 0) + 1
        if counts[family] >= 2:
            return family
    return None


def _in_sentence(label: str) -> str:
    return label[:1].lower() + label[1:]


def _first_reason(ground: Ground) -> str:
    return ground.reasons[0] if ground.reasons else ""


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def predict_outcome(
    scenario: Scenario, grounds: tuple[Ground, ...], on: Date
) -> tuple[Outcome, tuple[TraceEntry, ...]]:
    """The most likely CCF decision on deletion, with its explanation and trace.

    Args:
        scenario: the facts (used for the co-accused fact and for what is unknown).
        grounds: the grounds found for these facts on ``on`` (from ``evaluate_grounds``).
        on: the day assessed.

    Returns:
        The outcome (``not_compliant``, ``compliant_with_update`` or ``compliant``) with a
        plain-words explanation and the rules cited, and the trace entries of the decision.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios._scenario import Case, Notice, Scenario
        >>> facts = Scenario(id="x", notice=Notice(kind="diffusion", requesting_country="KWT",
        ...     issued_on=datetime.date(2024, 8, 20)), case=Case(origin="family_matter"))
        >>> day = datetime.date(2025, 6, 1)
        >>> outcome, _ = predict_outcome(facts, evaluate_grounds(facts, day).grounds, day)
        >>> outcome.prediction
        'not_compliant'
    """
    strong = [g for g in grounds if g.id in DELETION_GROUNDS and g.strength == "strong"]
    arguable = [g for g in grounds if g.id in DELETION_GROUNDS and g.strength == "arguable"]
    updates = [
        g for g in grounds if g.id in UPDATE_GROUNDS and g.strength in ("strong", "arguable")
    ]
    weak = [g for g in grounds if g.strength == "weak"]
    co_accused = scenario.case.co_accused_deleted is True
    refused_first = _diffusion_after_refusal(scenario, on)
    unknowns = evaluate_grounds(scenario, on).depends_on
    trace: list[TraceEntry] = []

    if strong:
        prediction = "not_compliant"
        deciding = strong
        explanation = (
            f"Most likely deleted (not compliant). Deciding "
            f"{'ground' if len(strong) == 1 else 'grounds'}, strong: {_names(strong)}; one "
            f"breach of INTERPOL's rules is enough. Why: {_first_reason(strong[0])}"
        )
        if arguable:
            explanation += f" Also arguable: {_names(arguable)}."
    elif (
        (family := _reinforcing_family(arguable))
        or len(arguable) >= 3
        or (arguable and co_accused)
        or (len(arguable) >= 2 and refused_first)
    ):
        if family:
            arguable = [g for g in arguable if GROUND_FAMILIES[g.id] == family] + [
                g for g in arguable if GROUND_FAMILIES[g.id] != family
            ]
        prediction = "not_compliant"
        deciding = arguable
        support = (
            ", together with the deletion of the co-accused's data in the same case"
            if len(arguable) == 1
            else ""
        )
        if family:
            how = f"point the same way ({_FAMILY_WORDS[family]})"
        elif len(arguable) >= 3:
            how = "raise several independent doubts about the same data"
        elif refused_first and len(arguable) >= 2:
            how = (
                "are reinforced by the refusal of a red notice on the same facts before this "
                "diffusion was sent"
            )
        else:
            how = "is backed by the co-accused's data having been deleted"
        explanation = (
            "Probably deleted (not compliant), though less certain than with a strong "
            f"ground. No single ground decides it, but these arguable grounds {how}: "
            f"{_names(arguable)}{support}. The CCF keeps data only when it is satisfied that "
            "they comply."
        )
    elif updates:
        prediction = "compliant_with_update"
        deciding = updates
        explanation = (
            "Most likely kept, with the record updated (compliant with update). Grounds that "
            f"call for correcting the data rather than deleting them: {_names(updates)}. "
            f"Why: {_first_reason(updates[0])}"
        )
        if arguable:
            explanation += (
                f" Arguable but not enough on {'its' if len(arguable) == 1 else 'their'} own "
                f"for deletion: {_names(arguable)}."
            )
    else:
        prediction = "compliant"
        deciding = arguable
        if arguable:
            explanation = (
                f"Most likely kept (compliant). One ground is arguable ({_names(arguable)}), "
                "but a single arguable ground is usually not enough for the CCF to delete."
            )
        elif weak:
            explanation = (
                f"Most likely kept (compliant). Only weak points were found ({_names(weak)}), "
                "and weak points do not lead to deletion."
            )
        else:
            explanation = (
                "Most likely kept (compliant). On the facts given, no ground for deletion "
                "applies; the CCF does not weigh guilt, only whether the data follow "
                "INTERPOL's rules."
            )
    if prior_compliant(scenario, on) and prediction != "not_compliant":
        explanation += (
            " The CCF has already found these data compliant; without a newly discovered "
            "fact it will not reopen that decision."
        )
    if unknowns and not strong:
        explanation += (
            " The answer could change with facts that are not known: " + "; ".join(unknowns) + "."
        )
    citations = _unique([c for g in deciding for c in g.citations])
    if prediction == "not_compliant" and not strong and co_accused and len(arguable) == 1:
        citations = (*citations, "ccf-practice-consistency")
    rule = citations[0] if citations else "ccf-statute-3-functions"
    trace.append(
        TraceEntry(
            rule=rule,
            facts=(
                ("grounds.strong", [g.id for g in strong]),
                ("grounds.arguable", [g.id for g in arguable]),
                ("grounds.update", [g.id for g in updates]),
                ("case.co_accused_deleted", scenario.case.co_accused_deleted),
            ),
            result=f"outcome: {prediction}",
        )
    )
    outcome = Outcome(
        prediction=prediction,
        explanation=explanation,
        citations=citations if citations else ("ccf-statute-3-functions",),
    )
    return outcome, tuple(trace)


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
