"""Route: the steps of a challenge before the CCF, with their dates and deadlines.

Filing (by post or e-mail, and only through the portal from 26 March 2026), admissibility
(within a month of receipt, Statute Art. 32(1)), provisional measures on an urgent request
(Statute Art. 37), consultation of the General Secretariat (Art. 33 as amended in 2025;
entry into force unverified) and of the source NCB (Arts 33-35), the decision deadlines of
Art. 40 (four months for access, nine for correction or deletion, counted from
admissibility), implementation and the notice to the recipients (Art. 41), revision
(Art. 42) and what a deletion does not end, national copies included.

Every rule is applied only on a day it is in force. The Statute came into force on 11 March
2017 and no provision says how requests made before then were handled: the model's line
(the Statute's time limits and disclosure rules only for requests admissible from that day)
is an assumption, flagged unverified wherever it matters.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace

from diffusion_scenarios._engine.assessment import RouteStep
from diffusion_scenarios._engine.stage import NoteBook, StageNotes, add_months, long_date
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.rules import NOT_YET_IN_FORCE, catalogue

__all__ = ["RouteResult", "route_stage", "statute_applies"]

Date = _dt.date

STATUTE_IN_FORCE = Date(2017, 3, 11)
_REQUEST_ORDER = ("access", "deletion", "correction", "revision")
_TRANSITION = "ccf-statute-2017-transition"
#: Earlier decisions that went against the applicant: the data were kept.
_KEPT = ("compliant", "compliant_with_update")


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteResult:
    steps: tuple[RouteStep, ...]
    planned: bool  # True when the facts hold no challenge and the route is a plan
    notes: StageNotes

    def step(self, step_id: str) -> RouteStep | None:
        """The step with this id, or ``None``."""
        for s in self.steps:
            if s.step == step_id:
                return s
        return None


def _months_words(months: int) -> str:
    """``1`` -> "one month", ``4`` -> "4 months"."""
    return "one month" if months == 1 else f"{months} months"


def statute_applies(day: Date) -> bool:
    """Whether the CCF Statute (and its time limits) governed a request admissible on ``day``."""
    return day >= STATUTE_IN_FORCE


def _channel_rule(filed_on: Date) -> str:
    """The filing-channel rule in force on ``filed_on`` (portal only from 26 March 2026)."""
    if catalogue().applies("ccf-filing-portal-only", filed_on):
        return "ccf-filing-portal-only"
    return "ccf-filing-post-or-email"


def _filing_step(request: str, filed_on: Date, *, planned: bool) -> RouteStep:
    cat = catalogue()
    channel_rule = _channel_rule(filed_on)
    portal = channel_rule == "ccf-filing-portal-only"
    cites = ["ccf-statute-29-standing" if statute_applies(filed_on) else "rci-requests"]
    cites += [channel_rule, "ccf-admissibility-requirements"]
    what = {
        "access": "Ask the CCF whether INTERPOL holds data on the person and what they say; an "
        "access request needs no reasons.",
        "deletion": "Ask the CCF to find the data non-compliant and have them deleted, with the "
        "grounds and evidence.",
        "correction": "Ask the CCF to correct or complete inaccurate data.",
        "revision": "Ask the Requests Chamber to revise its earlier decision because of a newly "
        "discovered fact; the outcome shown is the outcome on a request for revision.",
    }[request]
    verb = "To be filed" if planned else "Filed"
    channel = (
        "through the CCF's online portal (the only channel from 10:00 CET on 26 March 2026)"
        if portal
        else "on the application form, by post to the CCF in Lyon or by e-mail"
    )
    text = f"{what} {verb} on {long_date(filed_on)} {channel}."
    if cat.applies("ccf-operating-rules-2026-limits", filed_on) and request != "access":
        pages = cat.value("ccf-operating-rules-2026-limits", "pages", filed_on)
        appendices = cat.value("ccf-operating-rules-2026-limits", "appendices", filed_on)
        cites.append("ccf-operating-rules-2026-limits")
        text += (
            f" Under the 2026 Operating Rules the summary of arguments may not exceed {pages} "
            f"pages and at most {appendices} appendices are allowed."
        )
    if request == "revision":
        cites.append("ccf-statute-42-revision")
        if not statute_applies(filed_on):
            cites += ["rci-requests", _TRANSITION]
            text += (
                f" Article 42 of the Statute (revision) was {NOT_YET_IN_FORCE} on that day: the "
                "request was made under the RCI's re-examination. How such a request was "
                "treated once the Statute came into force on 11 March 2017 is unverified: no "
                "transitional provision was found."
            )
        if cat.applies("ccf-operating-rules-2026-revision", filed_on):
            cites.append("ccf-operating-rules-2026-revision")
            pages = cat.value("ccf-operating-rules-2026-revision", "pages", filed_on)
            text += (
                f" A revision starts with a summary of the new fact of at most {pages} pages; "
                "full argument follows only if the CCF asks."
            )
    return RouteStep(
        step=f"{request}_request",
        date=filed_on,
        deadline=None,
        citations=tuple(cites),
        description=text,
    )


def route_stage(scenario: Scenario, *, as_of: Date) -> RouteResult:
    """The CCF route for this scenario (a plan from ``as_of`` if no challenge is given).

    Args:
        scenario: the facts.
        as_of: the day of the assessment.

    Returns:
        The ordered steps and the stage's notes.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios import Challenge, Notice, Scenario
        >>> s = Scenario(id="d", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...              issued_on=datetime.date(2025, 1, 10)),
        ...              challenge=Challenge(filed_on=datetime.date(2025, 2, 1),
        ...                                  requests=("deletion",),
        ...                                  admissible_on=datetime.date(2025, 3, 1)))
        >>> route_stage(s, as_of=datetime.date(2025, 3, 1)).step("deletion_decision_due").deadline
        datetime.date(2025, 12, 1)
    """
    cat = catalogue()
    book = NoteBook()
    steps: list[RouteStep] = []
    challenge = scenario.challenge
    planned = challenge is None

    if challenge is None or not challenge.requests:
        requests: tuple[str, ...] = ("access", "deletion")
        if challenge is None:
            book.default("challenge: none given; the route is a plan for access and deletion")
        else:
            book.default("challenge.requests: access and deletion")
    else:
        requests = tuple(r for r in _REQUEST_ORDER if r in challenge.requests)
    filed_on = challenge.filed_on if challenge is not None else None
    if filed_on is None:
        filed_on = as_of
        book.default(f"challenge.filed_on: the assessment date ({as_of.isoformat()})")

    prior = scenario.case.prior_ccf_decision
    for request in requests:
        step = _filing_step(request, filed_on, planned=planned)
        if (
            request in ("deletion", "correction")
            and prior is not None
            and prior.date is not None
            and prior.date >= scenario.notice.issued_on
            and prior.date <= filed_on
        ):
            step = replace(
                step,
                citations=(*step.citations, "ccf-decisions-binding"),
                description=step.description
                + f" The CCF already decided on these data on {long_date(prior.date)}; its "
                "decisions are final, so a request on the same facts needs a new fact, which "
                "is the ground of a revision.",
            )
        steps.append(step)
    channel_rule = _channel_rule(filed_on)
    book.record(
        channel_rule,
        {"challenge.filed_on": filed_on, "challenge.requests": list(requests)},
        "filed through the portal"
        if channel_rule == "ccf-filing-portal-only"
        else "filed by post or e-mail",
    )

    # Provisional measures go in with the request when it is urgent.
    urgent = None if challenge is None else challenge.urgent
    if urgent:
        if statute_applies(filed_on):
            cites = ["ccf-statute-37-provisional-measures", "gs-blocking"]
            text = (
                "Ask the Requests Chamber, with the request, to block the data while it examines "
                "the case (and to take down any public extract); document the imminent harm, "
                "such as planned travel, detention or an extradition hearing. A block is not "
                "guaranteed and does not decide the merits."
            )
        else:
            cites = ["gs-blocking", "rci-requests"]
            text = (
                "Article 37 of the Statute (provisional measures) applies only from 11 March "
                "2017; before that, ask for the data to be blocked during the review, which the "
                "General Secretariat can do on its own initiative."
            )
        if cat.applies("ccf-statute-33-2025-gs-consultation", filed_on):
            cites.append("ccf-statute-33-2025-gs-consultation")
            text += (
                " Commentators warn that the 2025 Article 33 sequencing (entry into force "
                "unverified) may slow urgent relief."
            )
        steps.append(
            RouteStep(
                step="provisional_measures",
                date=filed_on,
                deadline=None,
                citations=tuple(cites),
                description=text,
            )
        )
        book.record(
            cites[0],
            {"challenge.urgent": True, "challenge.filed_on": filed_on},
            "provisional measures requested",
        )
    elif urgent is None and any(t.date >= as_of for t in scenario.travel):
        book.depends(
            "challenge.urgent: whether provisional measures (blocking the data) are asked for "
            "before the planned trips"
        )

    # Admissibility: given, or estimated at about a month after filing.
    admissible_given = None if challenge is None else challenge.admissible_on
    timing_rule = (
        "ccf-admissibility-timing" if statute_applies(filed_on) else "rci-admissibility-estimate"
    )
    months = int(cat.value(timing_rule, "months", filed_on, 1))
    if admissible_given is not None:
        admissible_on = admissible_given
        estimated = False
        text = f"The CCF found the request admissible on {long_date(admissible_on)}."
    elif timing_rule == "ccf-admissibility-timing":
        admissible_on = add_months(filed_on, months)
        estimated = True
        text = (
            "Estimated: the CCF checks admissibility first and must tell the applicant within "
            f"{_months_words(months)} of receiving the request (Statute Art. 32(1)), so by "
            f"{long_date(admissible_on)}. The real date starts the decision clock."
        )
    else:
        admissible_on = add_months(filed_on, months)
        estimated = True
        text = (
            "Estimated: before the Statute no rule read sets a time for admissibility; the "
            f"model assumes {_months_words(months)}, the time the Statute later set "
            "(unverified), so "
            f"around {long_date(admissible_on)}."
        )
    if admissible_given is None:
        book.depends("challenge.admissible_on: the real admissibility date moves every deadline")
    steps.append(
        RouteStep(
            step="admissibility",
            date=admissible_on,
            deadline=None,
            citations=(timing_rule, "ccf-admissibility-requirements"),
            description=text,
            estimated=estimated,
        )
    )
    book.record(
        timing_rule,
        {"challenge.filed_on": filed_on, "challenge.admissible_on": admissible_given},
        f"admissible on {admissible_on.isoformat()}" + (" (estimated)" if estimated else ""),
    )

    under_statute = statute_applies(admissible_on)
    art33_2025 = cat.applies("ccf-statute-33-2025-gs-consultation", admissible_on)
    if art33_2025:
        days = cat.value("ccf-statute-33-2025-gs-consultation", "days", admissible_on)
        steps.append(
            RouteStep(
                step="gs_consultation",
                date=admissible_on,
                deadline=None,
                citations=("ccf-statute-33-2025-gs-consultation",),
                description=(
                    "After admissibility the Requests Chamber notifies the General Secretariat "
                    f"and asks whether INTERPOL's files hold data on the person, which the "
                    f"Secretariat answers within {days} days; if the Secretariat is itself "
                    "examining the same data, the Chamber waits until it has decided and acted "
                    "(Art. 33(1)-(2) and (5) as amended in 2025; entry into force unverified)."
                ),
                estimated=estimated,
            )
        )
        book.record(
            "ccf-statute-33-2025-gs-consultation",
            {"admissible_on": admissible_on},
            "General Secretariat consulted first (2025 amendment, unverified in force)",
        )

    # Filed before the Statute, admissible under it: the line the model draws is its own.
    straddles = filed_on < STATUTE_IN_FORCE <= admissible_on
    transition_note = (
        " The request was filed before the Statute came into force on 11 March 2017; that it "
        "falls under the Statute because it became admissible afterwards is the model's "
        "assumption (unverified: no transitional provision was found)."
        if straddles
        else ""
    )
    ncb_responds = None if challenge is None else challenge.ncb_responds
    if under_statute:
        ncb_cites = [
            "ccf-statute-33-identify-data",
            "ccf-statute-34-consultation",
            "ccf-statute-35-disclosure",
            "ccf-written-procedure",
        ]
        ncb_text = (
            "The CCF checks what INTERPOL's files hold, then puts questions to the source NCB "
            "(and others); the Requests Chamber decides what the applicant is not told, on one "
            "of four grounds, and a restriction must be justified. The procedure is written."
        ) + transition_note
        if straddles:
            ncb_cites.append(_TRANSITION)
    else:
        ncb_cites = ["rci-requests", "ccf-written-procedure", _TRANSITION]
        ncb_text = (
            "Under the rules before the Statute, the CCF consulted the source NCB in writing. "
            "That the Statute's disclosure rules (Art. 35) did not yet apply to this request, "
            "even if it was decided after 11 March 2017, is the model's assumption "
            "(unverified: no transitional provision was found)."
        )
    if ncb_responds is False:
        ncb_cites.append("ccf-ncb-no-answer")
        ncb_text += (
            " On the facts the source NCB does not answer; when that happens the CCF has the "
            "data deleted."
        )
    elif ncb_responds is None:
        book.depends("challenge.ncb_responds: whether the source NCB answers the CCF's questions")
    steps.append(
        RouteStep(
            step="ncb_consultation",
            date=admissible_on,
            deadline=None,
            citations=tuple(ncb_cites),
            description=ncb_text,
            estimated=estimated,
        )
    )

    if under_statute:
        delay_cites = ["ccf-statute-40-3-delays"]
        delay_text = (
            " The Requests Chamber may extend the limit for a given request, reasonably, telling "
            "the parties and giving its reasons in the decision (Art. 40(3); no maximum is set); "
            "in practice limits are often missed."
        )
        if art33_2025:
            delay_cites.append("ccf-statute-33-2025-gs-consultation")
            delay_text += (
                " Time the General Secretariat takes on the same data may justify an extension "
                "(Art. 33(5) as amended in 2025; entry into force unverified)."
            )
        if straddles:
            delay_cites.append(_TRANSITION)
            delay_text += transition_note
        if "access" in requests:
            m = int(cat.value("ccf-statute-40-access", "months", admissible_on))
            due = add_months(admissible_on, m)
            steps.append(
                RouteStep(
                    step="access_decision_due",
                    date=None,
                    deadline=due,
                    citations=("ccf-statute-40-access", "ccf-statute-35-disclosure", *delay_cites),
                    description=(
                        f"Decision on access due within {m} months of admissibility: by "
                        f"{long_date(due)}. The answer may be partial: the source can restrict "
                        "disclosure with reasons, and the CCF may be unable to confirm or deny "
                        "that data exist." + delay_text
                    ),
                    estimated=estimated,
                )
            )
            book.record(
                "ccf-statute-40-access",
                {"admissible_on": admissible_on},
                f"access decision due {due.isoformat()}",
            )
        if "deletion" in requests or "correction" in requests:
            m = int(cat.value("ccf-statute-40-deletion", "months", admissible_on))
            due = add_months(admissible_on, m)
            steps.append(
                RouteStep(
                    step="deletion_decision_due",
                    date=None,
                    deadline=due,
                    citations=("ccf-statute-40-deletion", *delay_cites),
                    description=(
                        f"Decision on correction or deletion due within {m} months of "
                        f"admissibility: by {long_date(due)}." + delay_text
                    ),
                    estimated=estimated,
                )
            )
            book.record(
                "ccf-statute-40-deletion",
                {"admissible_on": admissible_on},
                f"deletion decision due {due.isoformat()}",
            )
    else:
        steps.append(
            RouteStep(
                step="decision_without_time_limit",
                date=None,
                deadline=None,
                citations=("rci-requests", _TRANSITION),
                description=(
                    "No statutory time limit under the RCI. The model applies the four- and "
                    "nine-month limits of Article 40 only to requests admissible from 11 March "
                    "2017, when the Statute replaced the RCI; that line is its own assumption "
                    "(unverified: no transitional provision for pending requests was found)."
                ),
                estimated=estimated,
            )
        )
        book.record(
            "rci-requests",
            {"admissible_on": admissible_on},
            "before the Statute: no statutory time limit",
        )

    steps.append(
        RouteStep(
            step="implementation",
            date=None,
            deadline=None,
            citations=("ccf-implementation", "ccf-decisions-binding")
            if under_statute
            else ("rci-requests",),
            description=(
                "The General Secretariat carries out the decision (deleting, correcting or "
                "annotating the data and telling the recipient NCBs); the applicant and the "
                "source NCB receive the reasoned decision and word of how it was implemented. "
                "The decision binds INTERPOL and is final, save revision."
                if under_statute
                else "The General Secretariat carried out the CCF's conclusions and informed "
                "the NCBs concerned."
            ),
        )
    )

    # What a deletion does not end: the national copies held by the recipients.
    copies_day = admissible_on
    copies_cites: list[str] = []
    copies_text = (
        "A deletion removes INTERPOL's own record; it does not reach the copies the recipient "
        "countries keep in their national systems."
    )
    if under_statute:
        copies_cites.append("ccf-statute-41-4-notify-recipients")
        copies_text += (
            " After a CCF decision to delete or correct, the General Secretariat must promptly "
            "tell every member that received the data (Statute Art. 41(4))"
        )
    else:
        copies_text += " The General Secretariat tells the NCBs concerned"
    if cat.applies("rpd-5-7-national-update", copies_day):
        copies_cites += ["rpd-5-7-national-update", "national-copies-after-deletion"]
        copies_text += (
            ", and each recipient must then update its national copies at once (RPD Art. "
            "5(7)(b)). INTERPOL cannot do it for them: in practice national copies can persist, "
            "so before travelling check, or ask, the countries concerned."
        )
    else:
        copies_text += (
            "; each country then updates its own records. In practice national copies can "
            "persist, so before travelling check, or ask, the countries concerned."
        )
    if copies_cites:
        steps.append(
            RouteStep(
                step="national_copies_after_deletion",
                date=None,
                deadline=None,
                citations=tuple(copies_cites),
                description=copies_text,
            )
        )
        book.record(
            copies_cites[0],
            {"admissible_on": admissible_on},
            "recipients told of a deletion; national copies are theirs to update",
        )

    revising = "revision" in requests
    if prior is not None and prior.date is not None and prior.outcome not in ("not_compliant",):
        rev_cites = ["ccf-statute-42-revision"]
        months_rev = int(cat.value("ccf-statute-42-revision", "months", STATUTE_IN_FORCE, 6))
        against = (
            "kept the data"
            if prior.outcome in _KEPT
            else "went against the applicant (the facts do not say how it went)"
        )
        text = (
            f"The earlier decision of {long_date(prior.date)} {against}. It can be revised "
            "only on a newly discovered fact that might have changed it, applied for within "
            f"{months_rev} months of discovering that fact; revision is not an appeal. The "
            "date of discovery is not in the facts."
        )
        if prior.outcome is None:
            text = (
                f"If the earlier decision of {long_date(prior.date)} went against the "
                "applicant (the facts do not say how it went), it can be revised only on a "
                "newly discovered fact that might have changed it, applied for within "
                f"{months_rev} months of discovering that fact; revision is not an appeal."
            )
            book.depends(
                "case.prior_ccf_decision.outcome: a revision is open only against a decision "
                "that kept the data"
            )
        if not statute_applies(as_of):
            rev_cites += ["rci-requests", _TRANSITION]
            text += (
                f" Article 42 of the Statute is {NOT_YET_IN_FORCE} on {long_date(as_of)} (it "
                "applies from 11 March 2017): until then a re-examination is asked for under "
                "the RCI, and how a pending one is treated once the Statute applies is "
                "unverified."
            )
        elif not statute_applies(prior.date):
            rev_cites += ["rci-requests", _TRANSITION]
            text += (
                " That decision predates the Statute; whether Article 42 reaches a decision "
                "taken under the RCI is not settled in the sources (unverified)."
            )
        if revising:
            text += (
                " The request before the CCF is a request for revision, so the outcome shown "
                "is the outcome on a request for revision: the earlier decision stands unless "
                "the new fact changes it."
            )
        if cat.applies("ccf-operating-rules-2026-revision", as_of):
            rev_cites.append("ccf-operating-rules-2026-revision")
            text += (
                " Since the 2026 Operating Rules it starts with a two-page summary filed on "
                "the portal."
            )
        steps.append(
            RouteStep(
                step="revision_window",
                date=prior.date,
                deadline=None,
                citations=tuple(rev_cites),
                description=text,
            )
        )
        book.depends(
            "the date a new fact was discovered: a revision must be filed within six months of it"
        )
    elif prior is not None and prior.outcome == "not_compliant":
        if revising:
            book.depends(
                "case.prior_ccf_decision: the earlier decision already deleted the data, so "
                "there is nothing for the applicant to have revised"
            )
    elif revising:
        book.depends("case.prior_ccf_decision: a revision needs an earlier CCF decision to revise")

    steps.append(
        RouteStep(
            step="domestic_case_continues",
            date=None,
            deadline=None,
            citations=("deletion-leaves-domestic-case", "ccf-competence-limits"),
            description=(
                "A deletion reaches INTERPOL's files only: the national warrant and the case in "
                "the requesting state go on, and the CCF does not rule on guilt."
            ),
        )
    )
    bilateral_cites: tuple[str, ...] = ("bilateral-extradition-possible",)
    bilateral_text = (
        "The requesting state can still ask any country directly, under a treaty or national "
        "law, for provisional arrest or extradition."
    )
    if under_statute:
        bilateral_cites = ("bilateral-extradition-possible", "ccf-reissuance")
        bilateral_text += (
            " Whether it may record new INTERPOL data on the same facts after a deletion is "
            "unsettled (unverified)."
        )
    steps.append(
        RouteStep(
            step="bilateral_extradition_possible",
            date=None,
            deadline=None,
            citations=bilateral_cites,
            description=bilateral_text,
        )
    )
    book.record(
        "deletion-leaves-domestic-case",
        {"notice.requesting_country": scenario.notice.requesting_country},
        "deletion does not end the domestic case or bilateral extradition",
    )
    return RouteResult(steps=tuple(steps), planned=planned, notes=book.freeze())
