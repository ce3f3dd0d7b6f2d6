"""Issuance: how the request entered INTERPOL's system.

A red notice is checked by the General Secretariat *before* it is published (RPD Art. 86);
a diffusion goes straight from the sending NCB to its recipients, the sender itself being
bound to check it first (RPD Art. 99(2)), and the General Secretariat examines it only
*afterwards* (DF-5, DF-6; interim measures under RPD Arts 128-129), since 2016 through the
Notices and Diffusions Task Force. The one reported exception is the prior review the
General Secretariat imposed on NCB Moscow's diffusions in March 2022 (DF-17).

An existing notice is a fact. A red notice or diffusion given in the facts circulates from
its issue date, whatever the review before publication should have said: when the facts
show a defect that review checks, the stage says that the review should arguably have
refused it, and the same defect is a ground for deletion, never that nothing circulated.

Dates that make no sense are said: a requesting state that was not an INTERPOL member on
the issue date (or on the assessment date) had no National Central Bureau to act through.
"""

from __future__ import annotations

import datetime as _dt

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine.assessment import Ground, Issuance, Reason, reason_of
from diffusion_scenarios._engine.stage import NoteBook, StageNotes, long_date, rule_year
from diffusion_scenarios._facts.naming import requesting_state_name
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.countries import is_member, members
from diffusion_scenarios._law.rules import catalogue

__all__ = [
    "IssuanceResult",
    "issuance_stage",
    "red_notice_refused_on",
    "requesting_state_not_member",
]

Date = _dt.date

#: The rule whose in-force date is the day the Rules on the Processing of Data apply.
_RPD = "rpd-1-notice"


@dataclass(frozen=True, slots=True, kw_only=True)
class IssuanceResult:
    issuance: Issuance
    notes: StageNotes
    # The plain sentence when the requesting state was not a member (issue date or day
    # assessed), else None: a reason here, and a caveat of the whole assessment.
    requesting_not_member: str | None = None


def red_notice_refused_on(scenario: Scenario) -> Date | None:
    """The day a red notice request on the same facts was refused at screening, if given.

    ``notice.red_notice_refused_on`` is an optional extension of format 1 (legal brief DF-12).
    """
    return scenario.notice.red_notice_refused_on


def _labels(grounds: tuple[Ground, ...]) -> str:
    """Ground labels for use inside a sentence ("a private dispute; ...")."""
    names = []
    for ground in grounds:
        label = ground.label or ground.id.replace("_", " ")
        names.append(label[:1].lower() + label[1:])
    return "; ".join(names)


def requesting_state_not_member(scenario: Scenario, as_of: Date) -> str | None:
    """A plain sentence when the requesting state was not an INTERPOL member on the issue
    date or on the assessment date, else ``None``."""
    requesting = scenario.notice.requesting_country
    issued = scenario.notice.issued_on
    name = requesting_state_name(scenario)
    if not is_member(requesting, issued):
        return (
            f"{name} was not an INTERPOL member on {long_date(issued)}, the issue date given: "
            "it had no National Central Bureau through which to send a diffusion or ask for a "
            "red notice, so the facts cannot be right as stated (check the country and the "
            "dates). The model assesses them as given."
        )
    if not is_member(requesting, as_of):
        record = members().get(requesting)
        joined = (
            f" (it joined on {long_date(record.admitted_on)})"
            if record is not None and record.admitted_on > as_of
            else ""
        )
        return (
            f"{name} is not an INTERPOL member on {long_date(as_of)}, the day assessed"
            f"{joined}: it has no National Central Bureau through which to record INTERPOL "
            "data that day, so nothing from it can be on INTERPOL's files then."
        )
    return None


def _month_year(day: Date) -> str:
    """``March 2022``."""
    return f"{day.strftime('%B')} {day.year}"


def _screening_body(day: Date) -> tuple[str, tuple[str, ...]]:
    """Who screened on ``day``: the task force (from 2016) or the General Secretariat."""
    if catalogue().applies("ndtf-review", day):
        return "the Notices and Diffusions Task Force of the General Secretariat", ("ndtf-review",)
    return (
        "the General Secretariat (the Notices and Diffusions Task Force, which INTERPOL dates "
        "to 2016, did not yet exist)",
        (),
    )


def issuance_stage(
    scenario: Scenario,
    *,
    as_of: Date,
    defects_at_issue: tuple[Ground, ...],
    screened_grounds: frozenset[str],
) -> IssuanceResult:
    """How the data were issued and whether they circulated.

    Args:
        scenario: the facts.
        as_of: the day of the assessment.
        defects_at_issue: the grounds for deletion as they stood on the issue date
            (``evaluate_grounds(scenario, notice.issued_on).grounds``).
        screened_grounds: the ground ids the review before publication checks.

    Returns:
        The :class:`Issuance` and the stage's notes.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios import Notice, Scenario
        >>> s = Scenario(id="d", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...              issued_on=datetime.date(2025, 1, 10)))
        >>> r = issuance_stage(s, as_of=datetime.date(2025, 3, 1), defects_at_issue=(),
        ...                    screened_grounds=frozenset())
        >>> r.issuance.screening, r.issuance.pre_screened, r.issuance.review_after_circulation
        ('not_screened', False, True)
    """
    book = NoteBook()
    not_member = requesting_state_not_member(scenario, as_of)
    reasons, cites = _dates_that_matter(scenario, as_of, not_member, book)
    if scenario.notice.kind == "red_notice":
        issuance = _red_notice(scenario, defects_at_issue, screened_grounds, reasons, cites, book)
    else:
        issuance = _diffusion(scenario, reasons, cites, book)
    return IssuanceResult(issuance=issuance, notes=book.freeze(), requesting_not_member=not_member)


def _dates_that_matter(
    scenario: Scenario, as_of: Date, not_member: str | None, book: NoteBook
) -> tuple[list[str | Reason], list[str]]:
    """What the dates say before anything else: membership, and rules not yet in force."""
    notice = scenario.notice
    issued = notice.issued_on
    reasons: list[str | Reason] = []
    cites: list[str] = []
    if not_member is not None:
        reasons.append(not_member)
        cites.append("interpol-membership")
        book.record(
            "interpol-membership",
            {"notice.requesting_country": notice.requesting_country, "notice.issued_on": issued},
            "the requesting state was not a member on the issue date or the day assessed",
        )
    rpd_from = catalogue().first_in_force(_RPD)
    if issued < rpd_from:
        reasons.append(
            Reason(
                f"The data were issued on {long_date(issued)}, when the Rules on the "
                f"Processing of Data were not yet in force (they apply from "
                f"{long_date(rpd_from)}); the model applies their concepts to these data by "
                "analogy and says so.",
                fields=("notice.issued_on",),
                rules=(_RPD,),
                in_force=False,
            )
        )
        cites.append("rpd-before-2012")
        book.record(
            "rpd-before-2012",
            {"notice.issued_on": issued},
            "issued under the earlier rules; current concepts applied",
        )
    return reasons, cites


def _red_notice(
    scenario: Scenario,
    defects_at_issue: tuple[Ground, ...],
    screened_grounds: frozenset[str],
    reasons: list[str | Reason],
    cites: list[str],
    book: NoteBook,
) -> Issuance:
    """A red notice: reviewed by the General Secretariat before it is published."""
    notice = scenario.notice
    issued = notice.issued_on
    body, body_cites = _screening_body(issued)
    screened = tuple(
        g for g in defects_at_issue if g.id in screened_grounds and g.strength == "strong"
    )
    cites += ["rpd-1-notice", "rpd-82-red-notice-purpose", "rpd-86-legal-review", *body_cites]
    reasons.append(
        "A red notice is published by the General Secretariat and is reviewed for "
        f"compliance before publication; on {long_date(issued)} that review was done by "
        f"{body}."
    )
    if screened:
        labels = _labels(screened)
        reasons.append(
            "On these facts the review before publication should arguably have refused it "
            f"({labels}). The facts give it as issued, so it is taken as published and "
            f"circulating from {long_date(issued)}; that the review should have refused it "
            "is a ground for deletion; it does not stop the notice from circulating."
        )
    elif doubtful := tuple(
        g for g in defects_at_issue if g.id in screened_grounds and g.strength == "arguable"
    ):
        reasons.append(
            "On these facts the review before publication could arguably have refused it "
            f"({_labels(doubtful)}); whether it should have depends on facts not given. The "
            f"facts give it as issued, so it is taken as published on {long_date(issued)} "
            "and circulating; that doubt is a ground for deletion to argue, not a reason to "
            "think the notice never went out."
        )
    else:
        reasons.append(
            "Nothing in the facts shows a defect that the review before publication checks, "
            f"so the notice is taken as published on {long_date(issued)}."
        )
    reasons.append(
        "Because it was screened before it went out, it is not a case of review only after "
        "circulation; it still stays open to later review by the General Secretariat (for "
        "example at renewal or when new information arrives) and to control by the CCF."
    )
    book.record(
        "rpd-86-legal-review",
        {
            "notice.kind": notice.kind,
            "notice.issued_on": issued,
            "screened_defects": [g.id for g in screened],
        },
        "screening: published"
        + ("; the review should arguably have refused it" if screened else ""),
    )
    return _issuance(scenario, pre_screened=True, reasons=reasons, cites=cites)


def _diffusion(
    scenario: Scenario, reasons: list[str | Reason], cites: list[str], book: NoteBook
) -> Issuance:
    """A diffusion: sent directly, recorded in the IIS, reviewed afterwards."""
    notice = scenario.notice
    issued = notice.issued_on
    cat = catalogue()
    body, body_cites = _screening_body(issued)
    cites += [
        "rpd-1-diffusion",
        "rpd-diffusion-recipients",
        "diffusion-no-prescreening",
        "diffusion-review-after-circulation",
        *body_cites,
    ]
    reasons.append(
        f"A diffusion is sent by the requesting NCB straight to the NCBs it chooses and is "
        f"recorded in the INTERPOL Information System at the same moment, here on "
        f"{long_date(issued)}. As a rule no one at INTERPOL approves it before it arrives: "
        "the duty to check it before it goes out lies with the sending NCB, unlike a red "
        "notice, which the General Secretariat reviews before publication."
    )
    if cat.applies("rpd-99-2-sender-checks", issued):
        cites.append("rpd-99-2-sender-checks")
    prior_review = "gs-prior-review-of-diffusions-russia-2022"
    prior_reviewed = notice.requesting_country == "RUS" and cat.applies(prior_review, issued)
    reasons.append(
        f"It is {'also' if prior_reviewed else 'only'} reviewed after it has circulated, by "
        f"{body}; if it is found non-compliant the recipients are asked to update their "
        "national databases."
    )
    if cat.applies("gs-blocking", issued):
        cites.append("gs-blocking")
        if cat.applies("ccf-statute-28-2-c-gs-powers", issued):
            cites.append("ccf-statute-28-2-c-gs-powers")
        reasons.append(
            "That is not absolute: once a doubt about compliance arises, the General "
            "Secretariat can take interim measures, such as blocking the diffusion in "
            "INTERPOL's system, while it examines it (RPD Arts 128-129); a block does not "
            "recall the messages already delivered."
        )
    if prior_reviewed:
        cites.append(prior_review)
        reasons.append(
            "This diffusion comes from Russia's NCB after the General Secretariat, in "
            f"{_month_year(cat.first_in_force(prior_review))}, required it to send every "
            "diffusion through the Secretariat, which passes "
            "one on only if it finds it compliant (an INTERPOL statement of 12 March 2022, "
            "as republished: a secondary source). On that footing it was checked before it "
            "went out. That check is the General Secretariat's; it does not bind the CCF, "
            "which reviews the data afresh."
        )
        book.record(
            prior_review,
            {"notice.requesting_country": "RUS", "notice.issued_on": issued},
            "diffusion checked by the General Secretariat before circulation (reported)",
        )
    elif cat.applies(prior_review, issued):
        cites.append(prior_review)
        reasons.append(
            "The General Secretariat has shown it can require prior review: since "
            f"{_month_year(cat.first_in_force(prior_review))} "
            "it has checked every diffusion from Russia's NCB before passing it on (as "
            "reported by a secondary source). No such measure is reported for "
            f"{requesting_state_name(scenario)}."
        )
    if cat.applies("rpd-22-6-direct-exchanges", issued):
        cites.append("rpd-22-6-direct-exchanges")
        reasons.append(
            f"Since the {rule_year('rpd-22-6-direct-exchanges')} amendment (Art. 22(6), entry "
            "into force unverified) the General Secretariat acts on direct exchanges once it "
            "learns of a possible breach, and does not open their content without permission."
        )
    _after_refused_red_notice(scenario, reasons, cites, book)
    book.record(
        "diffusion-no-prescreening",
        {"notice.kind": notice.kind, "notice.issued_on": issued},
        "not screened before circulation; reviewed afterwards",
    )
    # Issue 20 point 7: a diffusion the General Secretariat checked before it went out is
    # pre-screened, as reported (DF-17 is a secondary source), and still reviewed after.
    return _issuance(
        scenario,
        pre_screened=prior_reviewed,
        reasons=reasons,
        cites=cites,
        screening="pre_screened_reported" if prior_reviewed else "not_screened",
    )


def _issuance(
    scenario: Scenario,
    *,
    pre_screened: bool,
    reasons: list[str | Reason],
    cites: list[str],
    screening: str | None = None,
) -> Issuance:
    """The issuance: circulating from the issue date, screened before or reviewed after."""
    if screening is None:
        screening = "published" if pre_screened else "not_screened"
    return Issuance(
        kind=scenario.notice.kind,
        pre_screened=pre_screened,
        screening=screening,
        circulated_on=scenario.notice.issued_on,
        review_after_circulation=scenario.notice.kind == "diffusion" or not pre_screened,
        why=tuple(map(reason_of, reasons)),
        citations=tuple(dict.fromkeys(cites)),
    )


def _after_refused_red_notice(
    scenario: Scenario, reasons: list[str | Reason], cites: list[str], book: NoteBook
) -> None:
    """A diffusion sent around a refused red notice on the same facts (DF-12)."""
    issued = scenario.notice.issued_on
    refused_on = red_notice_refused_on(scenario)
    if refused_on is not None:
        cites.append("diffusion-after-refused-red-notice")
        if refused_on <= issued:
            reasons.append(
                f"A red notice on the same facts was refused at screening on "
                f"{long_date(refused_on)}, before this diffusion was sent: the diffusion "
                "reached members without the review that stopped the red notice. INTERPOL has "
                "deleted diffusions sent after such a refusal on its own initiative "
                "(reported cases, a secondary source)."
            )
        else:
            reasons.append(
                f"A red notice request on the same facts was pending when this diffusion was "
                f"sent and was refused on {long_date(refused_on)}. INTERPOL has deleted "
                "diffusions sent around such a refusal on its own initiative (reported cases, a "
                "secondary source)."
            )
        book.record(
            "diffusion-after-refused-red-notice",
            {"notice.red_notice_refused_on": refused_on, "notice.issued_on": issued},
            "a red notice on the same facts was refused at screening",
        )
