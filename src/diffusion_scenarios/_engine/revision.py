"""A request for revision of an earlier CCF decision (Statute Art 42): the route's step on
it, and whether the request is admissible (filed within the months after the new fact was
discovered), which the outcome on a request for revision hinges on first.
"""

from __future__ import annotations

import datetime as _dt

from diffusion_scenarios._engine.assessment import Hinge, Reason, RouteStep, reason_of
from diffusion_scenarios._engine.stage import NoteBook, add_months, long_date, rule_year
from diffusion_scenarios._engine.statute import (
    KEPT,
    REVISION_2026_RULE,
    REVISION_RULE,
    TRANSITION_RULE,
    number_words,
    statute_applies,
)
from diffusion_scenarios._facts.scenario import Challenge, PriorDecision, Scenario
from diffusion_scenarios._law.rules import catalogue

__all__ = ["revision_admissibility", "revision_window"]

Date = _dt.date


def _revision_text(prior: PriorDecision, prior_date: Date, months: int, book: NoteBook) -> str:
    """What the revision window says of an earlier decision that did not delete the data."""
    if prior.outcome is None:
        book.depends(
            "a revision is open only against a decision that kept the data",
            field="case.prior_ccf_decision.outcome",
        )
        return (
            f"If the earlier decision of {long_date(prior_date)} went against the "
            "applicant (the facts do not say how it went), it can be revised only on a "
            "newly discovered fact that might have changed it, applied for within "
            f"{months} months of discovering that fact; revision is not an appeal."
        )
    against = (
        "kept the data"
        if prior.outcome in KEPT
        else "went against the applicant (the facts do not say how it went)"
    )
    return (
        f"The earlier decision of {long_date(prior_date)} {against}. It can be revised "
        "only on a newly discovered fact that might have changed it, applied for within "
        f"{months} months of discovering that fact; revision is not an appeal. The "
        "date of discovery is not in the facts."
    )


def revision_window(
    prior: PriorDecision | None,
    requests: tuple[str, ...],
    as_of: Date,
    challenge: Challenge | None,
    book: NoteBook,
) -> RouteStep | None:
    """The route's step on revising an earlier CCF decision that kept the data (Statute
    Art 42), or ``None`` when there is none to revise; open questions go to ``book``."""
    cat = catalogue()
    revising = "revision" in requests
    if prior is None or prior.date is None or prior.outcome == "not_compliant":
        if prior is not None and prior.outcome == "not_compliant" and revising:
            book.depends(
                "the earlier decision already deleted the data, so there is nothing for the "
                "applicant to have revised",
                field="case.prior_ccf_decision",
            )
        elif (prior is None or prior.outcome != "not_compliant") and revising:
            book.depends(
                "a revision needs an earlier CCF decision to revise",
                field="case.prior_ccf_decision",
            )
        return None
    rev_cites = [REVISION_RULE]
    months = int(cat.value(REVISION_RULE, "months", as_of))
    said: list[str | Reason] = [_revision_text(prior, prior.date, months, book)]
    if not statute_applies(as_of):
        rev_cites += ["rci-requests", TRANSITION_RULE]
        said.append(
            Reason(
                f"Article 42 of the Statute is not yet in force on {long_date(as_of)} (it "
                f"applies from {long_date(cat.first_in_force(REVISION_RULE))}): until then a "
                "re-examination is asked for under the RCI, and how a pending one is treated "
                "once the Statute applies is unverified.",
                rules=(REVISION_RULE,),
                in_force=False,
            )
        )
    elif not statute_applies(prior.date):
        # The RCI had ended by the day this is applied to: only the transition is cited.
        rev_cites += [TRANSITION_RULE]
        said.append(
            "That decision predates the Statute; whether Article 42 reaches a decision "
            "taken under the RCI is not settled in the sources (unverified)."
        )
    if revising:
        said.append(
            "The request before the CCF is a request for revision, so the outcome shown "
            "is the outcome on a request for revision: the earlier decision stands unless "
            "the new fact changes it."
        )
    if cat.applies(REVISION_2026_RULE, as_of):
        rev_cites.append(REVISION_2026_RULE)
        pages = int(cat.value(REVISION_2026_RULE, "pages", as_of))
        said.append(
            f"Since the {rule_year(REVISION_2026_RULE)} Operating Rules it starts with a "
            f"{number_words(pages)}-page summary filed on the portal."
        )
    filed = None if challenge is None else challenge.filed_on
    if revising and statute_applies(filed or as_of):
        said.append(_discovery_text(challenge, months, book))
    if not revising or not statute_applies(filed or as_of):
        book.depends(
            "the date a new fact was discovered: a revision must be filed within "
            f"{number_words(months)} months of it"
        )
    return RouteStep(
        step="revision_window",
        date=prior.date,
        deadline=None,
        citations=tuple(rev_cites),
        why=tuple(map(reason_of, said)),
    )


def _discovery_text(challenge: Challenge | None, months: int, book: NoteBook) -> str:
    """Whether a request for revision was filed within the months after the new fact was
    discovered, an admissibility condition (Statute Art 42; CCF-40; issue 20 point 9)."""
    discovered = None if challenge is None else challenge.new_fact_discovered_on
    filed = None if challenge is None else challenge.filed_on
    if discovered is None:
        book.depends(
            "the date the new fact was discovered (challenge.new_fact_discovered_on): a "
            f"revision is admissible only if filed within {number_words(months)} months of it",
            "challenge.new_fact_discovered_on",
        )
        return (
            "Admissibility turns on when the new fact was discovered: the request must be "
            f"filed within {number_words(months)} months of the discovery, and that date is "
            "not in the facts."
        )
    limit = add_months(discovered, months)
    if filed is not None and filed > limit:
        return (
            f"The new fact was discovered on {long_date(discovered)} and the request filed on "
            f"{long_date(filed)}, more than {number_words(months)} months later (the limit was "
            f"{long_date(limit)}): the request is out of time and would be found inadmissible."
        )
    return (
        f"The new fact was discovered on {long_date(discovered)}, so the request had to be "
        f"filed by {long_date(limit)}" + (", which it was." if filed is not None else ".")
    )


def revision_admissibility(
    scenario: Scenario, challenge: Challenge, as_of: Date
) -> tuple[str, tuple[Hinge, ...]]:
    """A revision is admissible only if filed within six months of discovering the new fact
    (Statute Art 42; CCF-40): unknown, that date is what the answer hinges on first
    (issue 20 point 9); known and missed, the request is out of time."""
    cat = catalogue()
    rule = REVISION_RULE
    filed = challenge.filed_on or as_of
    if not cat.applies(rule, filed):
        return "", ()  # filed under the RCI: the Statute's six months did not apply then
    months = int(cat.value(rule, "months", as_of))
    prior = scenario.case.prior_ccf_decision
    stands = prior.outcome if prior is not None and prior.outcome in KEPT else "compliant"
    discovered = challenge.new_fact_discovered_on
    if discovered is None:
        return (
            f"It is admissible only if filed within {months} months of discovering the new "
            "fact, and that date is not in the facts.",
            (
                Hinge(
                    field="challenge.new_fact_discovered_on",
                    condition=(
                        f"if the new fact was discovered more than {months} months before the "
                        "request was filed: it is out of time and the earlier decision stands"
                    ),
                    leads_to=stands,
                ),
            ),
        )
    if filed > add_months(discovered, months):
        return (
            f"But the new fact was discovered on {long_date(discovered)}, more than {months} "
            f"months before the request was filed on {long_date(filed)}: the request would be "
            "found inadmissible, and the earlier decision would stand whatever its merits.",
            (),
        )
    return "", ()
