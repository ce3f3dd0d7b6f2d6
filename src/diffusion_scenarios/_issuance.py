"""Issuance: how the request entered INTERPOL's system.

A red notice is checked by the General Secretariat *before* it is published (RPD Art. 86,
number unverified); a diffusion goes straight from the sending NCB to its recipients and is
checked only *afterwards* (DF-5, DF-6), since 2016 by the Notices and Diffusions Task
Force. This stage says which of the two happened, whether the review before publication
would be expected to stop a red notice on these facts, and from when the data circulate.

A red notice whose facts show a defect the review checks is taken as refused (nothing
circulates) unless the facts show it is on file anyway: its correction, deletion or
revision is asked of the CCF, or the CCF has already decided on it. Then it was published
despite the defect, and the same defect is a ground for deletion.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from ._assessment import Ground, Issuance
from ._rules import catalogue
from ._scenario import Scenario
from ._stage import NoteBook, StageNotes, long_date

__all__ = ["IssuanceResult", "issuance_stage", "red_notice_refused_on"]

Date = _dt.date

_RPD_IN_FORCE = Date(2012, 7, 1)


@dataclass(frozen=True, slots=True, kw_only=True)
class IssuanceResult:
    issuance: Issuance
    notes: StageNotes


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


def _shown_on_file(scenario: Scenario) -> str | None:
    """Why the facts show the data exist, if they do: what is challenged or decided exists."""
    prior = scenario.case.prior_ccf_decision
    if prior is not None:
        return "the CCF has already decided on it"
    challenge = scenario.challenge
    if challenge is not None and (
        not challenge.requests or any(r != "access" for r in challenge.requests)
    ):
        return "its correction, deletion or revision is asked of the CCF"
    return None


def _screening_body(day: Date) -> tuple[str, tuple[str, ...]]:
    """Who screened on ``day``: the task force (from 2016) or the General Secretariat."""
    if catalogue().applies("ndtf-review", day):
        return "the Notices and Diffusions Task Force of the General Secretariat", ("ndtf-review",)
    return (
        "the General Secretariat (the Notices and Diffusions Task Force, which INTERPOL dates "
        "to 2016, did not yet exist)",
        ("ndtf-review",),
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
    notice = scenario.notice
    issued = notice.issued_on
    book = NoteBook()
    reasons: list[str] = []
    cites: list[str] = []

    if issued < _RPD_IN_FORCE:
        reasons.append(
            f"The data were issued on {long_date(issued)}, before the Rules on the Processing "
            "of Data came into force on 1 July 2012; the model applies the current concepts to "
            "them and says so."
        )
        cites.append("rpd-before-2012")
        book.record(
            "rpd-before-2012",
            {"notice.issued_on": issued},
            "issued under the earlier rules; current concepts applied",
        )

    body, body_cites = _screening_body(issued)

    if notice.kind == "red_notice":
        screened = tuple(
            g for g in defects_at_issue if g.id in screened_grounds and g.strength == "strong"
        )
        cites += ["rpd-1-notice", "rpd-82-red-notice-purpose", "rpd-86-legal-review", *body_cites]
        reasons.append(
            "A red notice is published by the General Secretariat and is reviewed for "
            f"compliance before publication; on {long_date(issued)} that review was done by "
            f"{body}."
        )
        on_file = _shown_on_file(scenario)
        if screened and on_file is None:
            labels = _labels(screened)
            reasons.append(
                f"On these facts the review before publication would be expected to refuse it "
                f"({labels}); if it was published anyway, the same defects are grounds for "
                "deletion. The model therefore treats nothing as circulated."
            )
            screening = "refused"
            circulated_on: Date | None = None
        elif screened:
            labels = _labels(screened)
            reasons.append(
                f"On these facts the review before publication would be expected to refuse it "
                f"({labels}); but the facts show it was published all the same ({on_file}), "
                f"so it is taken as circulating from {long_date(issued)} and the same defects "
                "are grounds for deletion."
            )
            screening = "published"
            circulated_on = issued
        else:
            reasons.append(
                "Nothing in the facts shows a defect that the review before publication checks, "
                f"so the notice is taken as published on {long_date(issued)}."
            )
            screening = "published"
            circulated_on = issued
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
            f"screening: {screening}",
        )
        issuance = Issuance(
            kind=notice.kind,
            pre_screened=True,
            screening=screening,
            circulated_on=circulated_on,
            review_after_circulation=False,
            reasons=tuple(reasons),
            citations=tuple(dict.fromkeys(cites)),
        )
        return IssuanceResult(issuance=issuance, notes=book.freeze())

    # A diffusion: sent directly, recorded in the IIS, reviewed afterwards.
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
        f"{long_date(issued)}. No one at INTERPOL approves it before it arrives."
    )
    reasons.append(
        f"It is reviewed only after it has circulated, by {body}; if it is found "
        "non-compliant the recipients are asked to update their national databases."
    )
    if catalogue().applies("rpd-22-6-direct-exchanges", as_of):
        cites.append("rpd-22-6-direct-exchanges")
        reasons.append(
            "Since the 2024 amendment (Art. 22(6), entry into force unverified) the General "
            "Secretariat acts on direct exchanges once it learns of a possible breach, and does "
            "not open their content without permission."
        )
    refused_on = red_notice_refused_on(scenario)
    if refused_on is not None:
        cites.append("diffusion-after-refused-red-notice")
        if refused_on <= issued:
            reasons.append(
                f"A red notice on the same facts was refused at screening on "
                f"{long_date(refused_on)}, before this diffusion was sent: the diffusion "
                "reached members without the review that stopped the red notice. INTERPOL has "
                "deleted diffusions sent after such a refusal on its own initiative (DF-12)."
            )
        else:
            reasons.append(
                f"A red notice request on the same facts was pending when this diffusion was "
                f"sent and was refused on {long_date(refused_on)}. INTERPOL has deleted "
                "diffusions sent around such a refusal on its own initiative (DF-12)."
            )
        book.record(
            "diffusion-after-refused-red-notice",
            {"notice.red_notice_refused_on": refused_on, "notice.issued_on": issued},
            "a red notice on the same facts was refused at screening",
        )
    book.record(
        "diffusion-no-prescreening",
        {"notice.kind": notice.kind, "notice.issued_on": issued},
        "not screened before circulation; reviewed afterwards",
    )
    issuance = Issuance(
        kind=notice.kind,
        pre_screened=False,
        screening="not_screened",
        circulated_on=issued,
        review_after_circulation=True,
        reasons=tuple(reasons),
        citations=tuple(dict.fromkeys(cites)),
    )
    return IssuanceResult(issuance=issuance, notes=book.freeze())
