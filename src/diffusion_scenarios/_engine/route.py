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
from dataclasses import replace
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass, field
from diffusion_scenarios._engine.assessment import Reason, RouteStep, reason_of
from diffusion_scenarios._engine.grounds.findings import purpose_achieved
from diffusion_scenarios._engine.revision import revision_window
from diffusion_scenarios._engine.stage import (
    NoteBook,
    StageNotes,
    add_months,
    long_date,
    rule_year,
)
from diffusion_scenarios._engine.statute import (
    REVISION_2026_RULE,
    REVISION_RULE,
    STATUTE_RULE,
    TRANSITION_RULE,
    number_words,
    statute_applies,
    statute_from,
)
from diffusion_scenarios._facts.scenario import Challenge, Scenario
from diffusion_scenarios._law.rules import catalogue

__all__ = ["RouteResult", "route_stage", "statute_applies"]

Date = _dt.date

_STATUTE = STATUTE_RULE
_PORTAL = "ccf-filing-portal-only"
_ART33_2025 = "ccf-statute-33-2025-gs-consultation"
_ART37 = "ccf-statute-37-provisional-measures"
_ACCESS_LIMIT = "ccf-statute-40-access"
_DELETION_LIMIT = "ccf-statute-40-deletion"
_REVISION = REVISION_RULE
_REVISION_2026 = REVISION_2026_RULE
_REQUEST_ORDER = ("access", "deletion", "correction", "revision")
_TRANSITION = TRANSITION_RULE


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


@dataclass(slots=True)
class _Route:
    """The steps found so far and the stage's notebook, filled in route order."""

    steps: list[RouteStep] = field(default_factory=list)
    book: NoteBook = field(default_factory=NoteBook)

    def add(
        self,
        step: str,
        citations: tuple[str, ...] | list[str],
        description: str | list[str | Reason],
        *,
        date: Date | None = None,
        deadline: Date | None = None,
        estimated: bool = False,
        record: tuple[dict[str, Any], str] | None = None,
    ) -> None:
        """Append a step (its description in words, or its reasons one by one); with
        ``record``, note its first rule with those facts and result."""
        said = [description] if isinstance(description, str) else description
        self.steps.append(
            RouteStep(
                step=step,
                date=date,
                deadline=deadline,
                citations=tuple(citations),
                why=tuple(map(reason_of, said)),
                estimated=estimated,
            )
        )
        if record is not None:
            self.book.record(citations[0], record[0], record[1])


def _months_words(months: int) -> str:
    """``1`` -> "one month", ``4`` -> "4 months"."""
    return "one month" if months == 1 else f"{months} months"


def _channel_rule(filed_on: Date) -> str:
    """The filing-channel rule in force on ``filed_on`` (portal only from 26 March 2026)."""
    if catalogue().applies(_PORTAL, filed_on):
        return _PORTAL
    return "ccf-filing-post-or-email"


_WHAT = {
    "access": "Ask the CCF whether INTERPOL holds data on the person and what they say; an "
    "access request needs no reasons.",
    "deletion": "Ask the CCF to find the data non-compliant and have them deleted, with the "
    "grounds and evidence.",
    "correction": "Ask the CCF to correct or complete inaccurate data.",
    "revision": "Ask the Requests Chamber to revise its earlier decision because of a newly "
    "discovered fact; the outcome shown is the outcome on a request for revision.",
}


def _filing_step(request: str, filed_on: Date, *, planned: bool) -> RouteStep:
    cat = catalogue()
    channel_rule = _channel_rule(filed_on)
    cites = [_STATUTE if statute_applies(filed_on) else "rci-requests"]
    cites += [channel_rule, "ccf-admissibility-requirements"]
    verb = "To be filed" if planned else "Filed"
    channel = (
        "through the CCF's online portal (the only channel from 10:00 CET on "
        f"{long_date(cat.first_in_force(_PORTAL))})"
        if channel_rule == _PORTAL
        else "on the application form, by post to the CCF in Lyon or by e-mail"
    )
    said: list[str | Reason] = [f"{_WHAT[request]} {verb} on {long_date(filed_on)} {channel}."]
    limits = "ccf-operating-rules-2026-limits"
    if cat.applies(limits, filed_on) and request != "access":
        pages = cat.value(limits, "pages", filed_on)
        appendices = cat.value(limits, "appendices", filed_on)
        cites.append(limits)
        said.append(
            f"Under the {rule_year(limits)} Operating Rules the summary of arguments may not "
            f"exceed {pages} pages and at most {appendices} appendices are allowed."
        )
    if request == "revision":
        cites.append(_REVISION)
        if not statute_applies(filed_on):
            cites += ["rci-requests", _TRANSITION]
            said.append(
                Reason(
                    "Article 42 of the Statute (revision) was not yet in force on that day: "
                    "the request was made under the RCI's re-examination. How such a request "
                    "was treated once the Statute came into force on "
                    f"{long_date(statute_from())} is unverified: no transitional provision "
                    "was found.",
                    fields=("challenge.filed_on",),
                    rules=(_REVISION,),
                    in_force=False,
                )
            )
        if cat.applies(_REVISION_2026, filed_on):
            cites.append(_REVISION_2026)
            pages = cat.value(_REVISION_2026, "pages", filed_on)
            said.append(
                f"A revision starts with a summary of the new fact of at most {pages} pages; "
                "full argument follows only if the CCF asks."
            )
    return RouteStep(
        step=f"{request}_request",
        date=filed_on,
        deadline=None,
        citations=tuple(cites),
        why=tuple(map(reason_of, said)),
    )


def _requests(scenario: Scenario, as_of: Date, book: NoteBook) -> tuple[tuple[str, ...], Date]:
    """The requests made (or planned) and the day they are filed, noting the defaults."""
    challenge = scenario.challenge
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
    return requests, filed_on


def _add_withdrawal_request(route: _Route, scenario: Scenario, as_of: Date) -> None:
    """The route outside the CCF when the purpose is achieved (issue 20 points 1 and 11):
    ask the source NCB, or the General Secretariat, to withdraw or cancel the data."""
    how = purpose_achieved(scenario)
    if how is None:
        return
    diffusion = scenario.notice.kind == "diffusion"
    rule = "rpd-100-diffusion-withdrawal" if diffusion else "rpd-81-withdrawal"
    if not catalogue().applies(rule, as_of):
        return
    duty = (
        "the sending NCB must tell the recipients and the General Secretariat that the "
        "diffusion is withdrawn (RPD Art 100(3))"
        if diffusion
        else "the requesting NCB must withdraw the notice, and the General Secretariat "
        "cancels it in parallel cases (RPD Art 81(2)-(3))"
    )
    if how == "sentence_served":
        what = (
            "The sentence has been served, so the purpose is achieved: "
            f"{duty}. Alongside, or before, a request to the CCF, ask the source NCB (through "
            "a lawyer in the requesting state) or the General Secretariat to cancel the "
            "data, enclosing the release certificate (or proof that the sentence was "
            "served); carry a copy of that certificate when travelling until the data are "
            "gone."
        )
    else:
        what = (
            "The requesting state already knows where the person is, so a request to "
            f"locate has achieved its purpose: {duty}. Alongside, or before, a request to "
            "the CCF, ask the source NCB or the General Secretariat to withdraw it, with "
            "proof of where the person lives and that the authorities know it."
        )
    route.add(
        "ask_source_to_withdraw",
        (rule, "rpd-data-quality"),
        what,
        record=({"purpose_achieved": how}, "ask the source to withdraw the data"),
    )


def _with_reason(step: RouteStep, reason: Reason) -> RouteStep:
    """``step`` with one more reason, citing the rules that reason applies."""
    return replace(
        step,
        citations=(*step.citations, *reason.rules),
        description="",
        why=(*step.why, reason),
    )


def _add_filing(
    route: _Route, scenario: Scenario, requests: tuple[str, ...], filed_on: Date
) -> None:
    prior = scenario.case.prior_ccf_decision
    for request in requests:
        step = _filing_step(request, filed_on, planned=scenario.challenge is None)
        if scenario.person.minor and catalogue().applies("ccf-representation-of-minors", filed_on):
            # Issue 20 point 12 (CCF-11): who may act for a minor, and what to send.
            step = _with_reason(
                step,
                Reason(
                    "The person is a minor: a parent or other legal representative may apply on "
                    "his or her behalf, sending proof of the relationship (or of the power to "
                    "represent) and the minor's identity document, as the CCF's admissibility "
                    "requirements are reported to ask.",
                    fields=("person.minor",),
                    rules=("ccf-representation-of-minors",),
                ),
            )
        if (
            request in ("deletion", "correction")
            and prior is not None
            and prior.date is not None
            and prior.date >= scenario.notice.issued_on
            and prior.date <= filed_on
        ):
            step = _with_reason(
                step,
                Reason(
                    f"The CCF already decided on these data on {long_date(prior.date)}; its "
                    "decisions are final, so a request on the same facts needs a new fact, "
                    "which is the ground of a revision.",
                    fields=("case.prior_ccf_decision.date",),
                    rules=("ccf-decisions-binding",),
                ),
            )
        route.steps.append(step)
    channel_rule = _channel_rule(filed_on)
    route.book.record(
        channel_rule,
        {"challenge.filed_on": filed_on, "challenge.requests": list(requests)},
        "filed through the portal" if channel_rule == _PORTAL else "filed by post or e-mail",
    )


def _add_provisional_measures(
    route: _Route, scenario: Scenario, filed_on: Date, as_of: Date
) -> None:
    """Provisional measures go in with the request when it is urgent."""
    cat = catalogue()
    urgent = None if scenario.challenge is None else scenario.challenge.urgent
    if not urgent:
        if urgent is None and any(t.date >= as_of for t in scenario.travel):
            route.book.depends(
                "whether provisional measures (blocking the data) are asked for before the "
                "planned trips",
                field="challenge.urgent",
            )
        return
    if cat.applies(_ART37, filed_on):
        cites = [_ART37, "gs-blocking"]
        # Issue 20 point 8 (CCF-30, CCF-31, CCF-32, CCF-17): Art. 37(1) allows provisional
        # measures "at any time", urgency is the practice; a block hides the data in
        # INTERPOL's system only; a diffusion has no public extract.
        public = scenario.notice.kind == "red_notice" and scenario.notice.public_extract
        text = (
            "Ask the Requests Chamber, with the request, for provisional measures: Article "
            "37(1) lets it order them at any time, and in practice it uses them in urgent "
            "situations, so document the imminent harm, such as planned travel, detention or "
            "an extradition hearing. The usual measure is a block, which hides the data from "
            "members in INTERPOL's system"
            + (" (and can take down the public extract)" if public else "")
            + "; it does not recall a diffusion already delivered or the copies countries "
            "keep in their national systems. A block is not guaranteed, does not decide the "
            "merits, and may come only after admissibility, which can take up to a month "
            "(Statute Art. 32(1))."
        )
        if cat.applies("ccf-blocking-effect", filed_on):
            cites.append("ccf-blocking-effect")
        if cat.applies("ccf-statute-28-2-c-gs-powers", filed_on):
            cites.append("ccf-statute-28-2-c-gs-powers")
    else:
        cites = ["gs-blocking", "rci-requests"]
        text = (
            "Article 37 of the Statute (provisional measures) applies only from "
            f"{long_date(cat.first_in_force(_ART37))}; before that, ask for the data to be "
            "blocked during the review, which the General Secretariat can do on its own "
            "initiative."
        )
    if cat.applies(_ART33_2025, filed_on):
        cites.append(_ART33_2025)
        text += (
            f" Commentators warn that the {rule_year(_ART33_2025)} Article 33 sequencing (entry "
            "into force unverified) may slow urgent relief."
        )
    route.add(
        "provisional_measures",
        cites,
        text,
        date=filed_on,
        record=(
            {"challenge.urgent": True, "challenge.filed_on": filed_on},
            "provisional measures requested",
        ),
    )


def _add_admissibility(
    route: _Route, challenge: Challenge | None, filed_on: Date
) -> tuple[Date, bool]:
    """Admissibility: given, or estimated at the catalogue's time after filing."""
    cat = catalogue()
    admissible_given = None if challenge is None else challenge.admissible_on
    timing_rule = (
        "ccf-admissibility-timing" if statute_applies(filed_on) else "rci-admissibility-estimate"
    )
    months = int(cat.value(timing_rule, "months", filed_on))
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
        route.book.depends(
            "the real admissibility date moves every deadline", field="challenge.admissible_on"
        )
    route.add(
        "admissibility",
        (timing_rule, "ccf-admissibility-requirements"),
        text,
        date=admissible_on,
        estimated=estimated,
        record=(
            {"challenge.filed_on": filed_on, "challenge.admissible_on": admissible_given},
            f"admissible on {admissible_on.isoformat()}" + (" (estimated)" if estimated else ""),
        ),
    )
    return admissible_on, estimated


def _add_gs_consultation(route: _Route, admissible_on: Date, estimated: bool) -> None:
    cat = catalogue()
    if not cat.applies(_ART33_2025, admissible_on):
        return
    days = cat.value(_ART33_2025, "days", admissible_on)
    route.add(
        "gs_consultation",
        (_ART33_2025,),
        "After admissibility the Requests Chamber notifies the General Secretariat "
        f"and asks whether INTERPOL's files hold data on the person, which the "
        f"Secretariat answers within {days} days; if the Secretariat is itself "
        "examining the same data, the Chamber waits until it has decided and acted "
        f"(Art. 33(1)-(2) and (5) as amended in {rule_year(_ART33_2025)}; entry into force "
        "unverified).",
        date=admissible_on,
        estimated=estimated,
        record=(
            {"admissible_on": admissible_on},
            f"General Secretariat consulted first ({rule_year(_ART33_2025)} amendment, "
            "unverified in force)",
        ),
    )


def _transition_note(filed_on: Date, admissible_on: Date) -> str:
    """Filed before the Statute, admissible under it: the line the model draws is its own."""
    if statute_applies(filed_on) or not statute_applies(admissible_on):
        return ""
    return (
        " The request was filed before the Statute came into force on "
        f"{long_date(statute_from())}; that it falls under the Statute because it became "
        "admissible afterwards is the model's assumption (unverified: no transitional "
        "provision was found)."
    )


def _add_ncb_consultation(
    route: _Route, challenge: Challenge | None, admissible_on: Date, estimated: bool, note: str
) -> None:
    ncb_responds = None if challenge is None else challenge.ncb_responds
    if statute_applies(admissible_on):
        ncb_cites = [
            "ccf-statute-33-identify-data",
            "ccf-statute-34-consultation",
            "ccf-statute-35-disclosure",
            "ccf-written-procedure",
        ]
        ncb_text = (
            "The CCF checks what INTERPOL's files hold, then puts questions to the source NCB "
            "(and others); the Requests Chamber decides what the applicant is not told, on one "
            "of four grounds, and a restriction must be justified. The procedure is written: "
            "the Requests Chamber holds a hearing only if it deems one necessary (Statute "
            "Art. 36)."
        ) + note
        if note:
            ncb_cites.append(_TRANSITION)
    else:
        ncb_cites = ["rci-requests", _TRANSITION]
        ncb_text = (
            "Under the rules before the Statute, the CCF consulted the source NCB in writing. "
            "That the Statute's disclosure rules (Art. 35) did not yet apply to this request, "
            f"even if it was decided after {long_date(statute_from())}, is the model's "
            "assumption (unverified: no transitional provision was found)."
        )
    if ncb_responds is False:
        ncb_cites.append("ccf-ncb-no-answer")
        ncb_text += (
            " On the facts the source NCB does not answer; when that happens the CCF has the "
            "data deleted."
        )
    elif ncb_responds is None:
        route.book.depends(
            "whether the source NCB answers the CCF's questions", field="challenge.ncb_responds"
        )
    route.add("ncb_consultation", ncb_cites, ncb_text, date=admissible_on, estimated=estimated)


def _delays(admissible_on: Date, note: str) -> tuple[list[str], str]:
    """What may push a Statute deadline back (Art. 40(3), and Art. 33(5) as amended)."""
    cites = ["ccf-statute-40-3-delays"]
    text = (
        " The Requests Chamber may extend the limit for a given request, reasonably, telling "
        "the parties and giving its reasons in the decision (Art. 40(3); no maximum is set); "
        "in practice limits are often missed."
    )
    if catalogue().applies(_ART33_2025, admissible_on):
        cites.append(_ART33_2025)
        text += (
            " Time the General Secretariat takes on the same data may justify an extension "
            f"(Art. 33(5) as amended in {rule_year(_ART33_2025)}; entry into force unverified)."
        )
    if note:
        cites.append(_TRANSITION)
        text += note
    return cites, text


def _add_limit_not_in_force(route: _Route, step: str, rule: str, admissible_on: Date) -> None:
    """A Statute request whose time limit was not in force on the day it became admissible."""
    provision = catalogue().get(rule).provision
    route.add(
        step,
        (rule,),
        [
            Reason(
                f"No time limit applies: {provision} of the Statute, which would set it, is "
                f"not yet in force on {long_date(admissible_on)} (it applies from "
                f"{long_date(catalogue().first_in_force(rule))}).",
                fields=("challenge.admissible_on",),
                rules=(rule,),
                in_force=False,
            )
        ],
        record=({"admissible_on": admissible_on}, f"{step}: no time limit in force"),
    )


def _limit_words(rule: str, day: Date) -> str:
    """The months of an Article 40 limit in words ("nine"), as first set by its rule."""
    return number_words(int(catalogue().value(rule, "months", day)))


def _add_deadlines(
    route: _Route, requests: tuple[str, ...], admissible_on: Date, estimated: bool, note: str
) -> None:
    cat = catalogue()
    if not statute_applies(admissible_on):
        route.add(
            "decision_without_time_limit",
            ("rci-requests", _TRANSITION),
            "No statutory time limit under the RCI. The model applies the "
            f"{_limit_words(_ACCESS_LIMIT, admissible_on)}- and "
            f"{_limit_words(_DELETION_LIMIT, admissible_on)}-month "
            "limits of Article 40 only to requests admissible from "
            f"{long_date(statute_from())}, when the Statute replaced the RCI; that line is "
            "its own assumption (unverified: no transitional provision for pending requests "
            "was found).",
            estimated=estimated,
            record=(
                {"admissible_on": admissible_on},
                "before the Statute: no statutory time limit",
            ),
        )
        return
    delay_cites, delay_text = _delays(admissible_on, note)
    if "access" in requests and not cat.applies(_ACCESS_LIMIT, admissible_on):
        _add_limit_not_in_force(route, "access_decision_due", _ACCESS_LIMIT, admissible_on)
    elif "access" in requests:
        m = int(cat.value(_ACCESS_LIMIT, "months", admissible_on))
        due = add_months(admissible_on, m)
        route.add(
            "access_decision_due",
            (_ACCESS_LIMIT, "ccf-statute-35-disclosure", *delay_cites),
            f"Decision on access due within {m} months of admissibility: by "
            f"{long_date(due)}. The answer may be partial: the source can restrict "
            "disclosure with reasons, and the CCF may be unable to confirm or deny "
            "that data exist." + delay_text,
            deadline=due,
            estimated=estimated,
            record=({"admissible_on": admissible_on}, f"access decision due {due.isoformat()}"),
        )
    if "revision" in requests and cat.applies(_REVISION, admissible_on):
        # Statute Art 42(3): the Art 40 time limits apply to revision (CCF-40, CCF-38);
        # the revision of a decision on correction or deletion takes the nine months.
        m = int(cat.value(_DELETION_LIMIT, "months", admissible_on))
        due = add_months(admissible_on, m)
        route.add(
            "revision_decision_due",
            (_REVISION, _DELETION_LIMIT, *delay_cites),
            f"Decision on the request for revision due within {m} months of admissibility "
            f"(Statute Art. 42(3), which applies the time limits of Art. 40): by "
            f"{long_date(due)}." + delay_text,
            deadline=due,
            estimated=estimated,
            record=({"admissible_on": admissible_on}, f"revision decision due {due.isoformat()}"),
        )
    if "deletion" not in requests and "correction" not in requests:
        return
    if not cat.applies(_DELETION_LIMIT, admissible_on):
        _add_limit_not_in_force(route, "deletion_decision_due", _DELETION_LIMIT, admissible_on)
        return
    m = int(cat.value(_DELETION_LIMIT, "months", admissible_on))
    due = add_months(admissible_on, m)
    route.add(
        "deletion_decision_due",
        (_DELETION_LIMIT, *delay_cites),
        f"Decision on correction or deletion due within {m} months of "
        f"admissibility: by {long_date(due)}." + delay_text,
        deadline=due,
        estimated=estimated,
        record=({"admissible_on": admissible_on}, f"deletion decision due {due.isoformat()}"),
    )


def _add_implementation(route: _Route, admissible_on: Date) -> None:
    under_statute = statute_applies(admissible_on)
    route.add(
        "implementation",
        ("ccf-implementation", "ccf-decisions-binding") if under_statute else ("rci-requests",),
        "The General Secretariat carries out the decision (deleting, correcting or "
        "annotating the data and telling the recipient NCBs); the applicant and the "
        "source NCB receive the reasoned decision and word of how it was implemented. "
        "The decision binds INTERPOL and is final, save revision."
        if under_statute
        else "The General Secretariat carried out the CCF's conclusions and informed "
        "the NCBs concerned.",
    )


def _add_national_copies(route: _Route, admissible_on: Date) -> None:
    """What a deletion does not end: the national copies held by the recipients."""
    copies_cites: list[str] = []
    copies_text = (
        "A deletion removes INTERPOL's own record; it does not reach the copies the recipient "
        "countries keep in their national systems."
    )
    if statute_applies(admissible_on):
        copies_cites.append("ccf-statute-41-4-notify-recipients")
        copies_text += (
            " After a CCF decision to delete or correct, the General Secretariat must promptly "
            "tell every member that received the data (Statute Art. 41(4))"
        )
    else:
        copies_text += " The General Secretariat tells the NCBs concerned"
    if catalogue().applies("rpd-5-7-national-update", admissible_on):
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
        route.add(
            "national_copies_after_deletion",
            copies_cites,
            copies_text,
            record=(
                {"admissible_on": admissible_on},
                "recipients told of a deletion; national copies are theirs to update",
            ),
        )


def _add_after_deletion(route: _Route, scenario: Scenario, admissible_on: Date) -> None:
    """What a deletion leaves standing: the domestic case and bilateral extradition."""
    route.add(
        "domestic_case_continues",
        ("deletion-leaves-domestic-case", "ccf-competence-limits"),
        "A deletion reaches INTERPOL's files only: the national warrant and the case in "
        "the requesting state go on, and the CCF does not rule on guilt.",
    )
    bilateral_cites: tuple[str, ...] = ("bilateral-extradition-possible",)
    bilateral_text = (
        "The requesting state can still ask any country directly, under a treaty or national "
        "law, for provisional arrest or extradition."
    )
    if statute_applies(admissible_on):
        bilateral_cites = ("bilateral-extradition-possible", "ccf-reissuance")
        bilateral_text += (
            " Whether it may record new INTERPOL data on the same facts after a deletion is "
            "unsettled (unverified)."
        )
    route.add("bilateral_extradition_possible", bilateral_cites, bilateral_text)
    route.book.record(
        "deletion-leaves-domestic-case",
        {"notice.requesting_country": scenario.notice.requesting_country},
        "deletion does not end the domestic case or bilateral extradition",
    )


def route_stage(scenario: Scenario, *, as_of: Date) -> RouteResult:
    """The CCF route for this scenario (a plan from ``as_of`` if no challenge is given).

    Every date and number comes from the rule catalogue: whether the Statute governs a
    request is whether its rules were in force on the day, and each time limit applies
    only from its own rule's in-force date.

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
    route = _Route()
    challenge = scenario.challenge
    requests, filed_on = _requests(scenario, as_of, route.book)
    _add_withdrawal_request(route, scenario, as_of)
    _add_filing(route, scenario, requests, filed_on)
    _add_provisional_measures(route, scenario, filed_on, as_of)
    admissible_on, estimated = _add_admissibility(route, challenge, filed_on)
    _add_gs_consultation(route, admissible_on, estimated)
    note = _transition_note(filed_on, admissible_on)
    _add_ncb_consultation(route, challenge, admissible_on, estimated, note)
    _add_deadlines(route, requests, admissible_on, estimated, note)
    _add_implementation(route, admissible_on)
    _add_national_copies(route, admissible_on)
    window = revision_window(
        scenario.case.prior_ccf_decision, requests, as_of, challenge, route.book
    )
    if window is not None:
        route.steps.append(window)
    _add_after_deletion(route, scenario, admissible_on)
    return RouteResult(
        steps=tuple(route.steps), planned=challenge is None, notes=route.book.freeze()
    )
