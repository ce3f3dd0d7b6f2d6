"""Circulation: who received the data, whether they are public, and from when until when.

A red notice is available to every NCB (RPD Art. 1, D-2), so its recipients are all
members but the requesting one; a diffusion reaches only the NCBs the sender chose, on the
day it was sent (DF-2). Recipients never include the requesting country itself. A public
extract exists only for a red notice whose requesting country asked for one (RN-9).
"""

from __future__ import annotations

import datetime as _dt

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine.assessment import Circulation, Issuance, Reason, reason_of
from diffusion_scenarios._engine.stage import NoteBook, StageNotes, add_months, long_date
from diffusion_scenarios._facts.naming import requesting_state_name
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.countries import (
    country_name,
    expand_recipients,
    is_member,
    members_on,
)
from diffusion_scenarios._law.rules import catalogue
from diffusion_scenarios._law.vocab import REGIONS

__all__ = ["CirculationResult", "circulation_stage", "data_active_on"]

Date = _dt.date

_REGION_WORDS = frozenset(REGIONS)
_RPD = "rpd-1-notice"  # its in-force date is the day the RPD apply


@dataclass(frozen=True, slots=True, kw_only=True)
class CirculationResult:
    circulation: Circulation
    notes: StageNotes


def data_active_on(circulation: Circulation, day: Date) -> bool:
    """Whether the data circulated and were still on INTERPOL's files on ``day``."""
    return circulation.on_file(day) == "on_file"


def _deleted_on(scenario: Scenario) -> Date | None:
    """The day an earlier CCF decision had these data deleted, if the facts say so."""
    prior = scenario.case.prior_ccf_decision
    if prior is None or prior.outcome != "not_compliant" or prior.date is None:
        return None
    if prior.date < scenario.notice.issued_on:
        return None  # a decision on earlier data; these were recorded afterwards
    return prior.date


def _validity_note(issued: Date, as_of: Date, book: NoteBook) -> str:
    """The retention period of a red notice: set by the Executive Committee, not the RPD
    (Arts 49-51; RN-10), with the five years secondary sources report (issue 20 point 15)."""
    years = int(catalogue().value("red-notice-validity", "years", issued))
    periods = 1
    while add_months(issued, 12 * years * periods) <= as_of:
        periods += 1
    end = add_months(issued, 12 * years * periods)
    first_end = add_months(issued, 12 * years)
    reassess = add_months(end, -6)
    text = (
        "The RPD sets no fixed period: the data are kept for the maximum period the "
        "Executive Committee sets, unless the requesting country sets a shorter one (RPD Art "
        "49); the General Secretariat asks it to reassess them at least six months before "
        "that period ends (Art 50), and they are deleted automatically at its end unless "
        "keeping them is justified (Art 51(2)). Secondary sources report the period for red "
        f"notices as {years} years, renewable; "
    )
    if periods == 1:
        text += (
            f"on that figure this one's period would end on {long_date(end)}, with the "
            f"reassessment due by {long_date(reassess)}."
        )
    else:
        text += (
            f"on that figure the first period ended on {long_date(first_end)}. The model "
            "takes the notice as kept after a reassessment because it is being assessed as "
            f"live; the current period would end on {long_date(end)}."
        )
        book.depends(
            "whether the requesting country asked to keep the red notice "
            f"when its first period (reported as {years} years) ended on "
            f"{first_end.isoformat()}",
            field="notice.issued_on",
        )
    book.record(
        "rpd-49-51-retention",
        {"notice.issued_on": issued, "as_of": as_of},
        f"reported {years}-year period ends {end.isoformat()}",
    )
    book.record(
        "red-notice-validity",
        {"notice.issued_on": issued},
        f"the {years}-year figure is reported, not in the RPD",
    )
    return text


def circulation_stage(scenario: Scenario, *, issuance: Issuance, as_of: Date) -> CirculationResult:
    """Recipients, publicity and the active period of the data.

    Args:
        scenario: the facts.
        issuance: the result of the issuance stage.
        as_of: the day of the assessment.

    Returns:
        The :class:`Circulation` and the stage's notes.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios import Notice, Scenario
        >>> from diffusion_scenarios._engine.issuance import issuance_stage
        >>> s = Scenario(id="d", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...              issued_on=datetime.date(2025, 1, 10)))
        >>> i = issuance_stage(s, as_of=datetime.date(2025, 3, 1), defects_at_issue=(),
        ...                    screened_grounds=frozenset()).issuance
        >>> r = circulation_stage(s, issuance=i, as_of=datetime.date(2025, 3, 1))
        >>> r.circulation.recipient_count
        195
    """
    notice = scenario.notice
    book = NoteBook()
    reasons: list[str | Reason] = []
    cites: list[str] = []
    # An existing notice is a fact: it circulates from its issue date, whatever the review
    # before publication should have said (issuance says so and makes it a ground).
    sent = issuance.circulated_on or notice.issued_on
    decided_on = _deleted_on(scenario)
    deleted_on = None if decided_on is None else _gone_by(decided_on)
    if as_of < sent:
        reasons.append(
            f"The assessment date, {long_date(as_of)}, is before the data go out on "
            f"{long_date(sent)}: nothing is on INTERPOL's files yet on that day."
        )
    out = _Out(reasons=reasons, cites=cites, book=book)
    if notice.kind == "red_notice":
        # Published in the IIS for every NCB, including members admitted later.
        day = max(as_of, sent)
        if deleted_on is not None and deleted_on <= day:
            day = max(sent, deleted_on - _dt.timedelta(days=1))
        recipients = _red_notice_recipients(scenario, day, out)
        public = _red_notice_public(scenario, out)
    else:
        recipients = _diffusion_recipients(scenario, sent, out)
        public = False
        if notice.public_extract:
            reasons.append(
                "A diffusion is never published on INTERPOL's website; the public extract given "
                "in the facts cannot exist and is ignored."
            )
            cites.append("rpd-1-diffusion")
    if decided_on is not None and deleted_on is not None:
        _deletion(decided_on, deleted_on, out)
    elif notice.kind == "red_notice":
        cites += ["rpd-49-51-retention", "red-notice-validity"]
        reasons.append(_validity_note(sent, as_of, book))

    return CirculationResult(
        circulation=Circulation(
            recipients=recipients,
            public=public,
            active_from=sent,
            active_until=deleted_on,
            why=tuple(map(reason_of, reasons)),
            citations=tuple(dict.fromkeys(cites)),
        ),
        notes=book.freeze(),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Out:
    """Where the parts of the circulation stage put their reasons, citations and notes."""

    reasons: list[str | Reason]
    cites: list[str]
    book: NoteBook


def _before_the_rpd(when: str) -> Reason:
    """Data that circulate before the Rules on the Processing of Data applied: the reason
    names those rules as not in force (``when``: "are not yet in force on that day")."""
    return Reason(
        f"The Rules on the Processing of Data {when} (they apply from "
        f"{long_date(catalogue().first_in_force(_RPD))}); the model applies their concepts by "
        "analogy.",
        rules=(_RPD,),
        in_force=False,
    )


def _red_notice_recipients(scenario: Scenario, day: Date, out: _Out) -> tuple[str, ...]:
    """Every member on ``day`` but the requesting one (RPD Art. 1)."""
    notice = scenario.notice
    requesting = notice.requesting_country
    members = members_on(day)
    recipients = tuple(m for m in members if m != requesting)
    out.cites.extend(["rpd-1-notice", "interpol-membership"])
    out.reasons.append(
        f"A red notice is available to every NCB: {len(recipients)} of the {len(members)} "
        f"members on {long_date(day)}, all but {requesting_state_name(scenario)} itself."
    )
    if day < catalogue().first_in_force(_RPD):
        out.reasons.append(_before_the_rpd("are not yet in force on that day"))
    if notice.recipients is not None:
        out.reasons.append(
            "The recipients listed in the facts are ignored: a red notice goes to all NCBs, "
            "not to a chosen list."
        )
    out.book.record(
        "rpd-1-notice",
        {"notice.kind": notice.kind, "notice.requesting_country": requesting, "day": day},
        f"{len(recipients)} recipients (all members but the requesting one)",
    )
    return recipients


def _red_notice_public(scenario: Scenario, out: _Out) -> bool:
    """Whether the red notice has an extract on INTERPOL's public website (RN-9)."""
    extract = scenario.notice.public_extract
    public = bool(extract)
    out.cites.append("red-notice-public-extract")
    if extract is None:
        out.reasons.append(
            "Whether an extract is on INTERPOL's public website is not stated; most red "
            "notices are not public, so the model treats it as not public."
        )
        out.book.depends(
            "whether the red notice has a public extract", field="notice.public_extract"
        )
    elif public:
        out.reasons.append(
            "An extract is on INTERPOL's public website at the requesting country's "
            "request, so anyone (employers, banks, border agencies) can see it."
        )
    else:
        out.reasons.append("There is no public extract; only police services see the notice.")
    out.book.record(
        "red-notice-public-extract",
        {"notice.public_extract": extract},
        "public" if public else "not public",
    )
    return public


def _diffusion_recipients(scenario: Scenario, sent: Date, out: _Out) -> tuple[str, ...]:
    """The NCBs the sender chose, on the day it was sent (DF-2); all when not stated."""
    notice = scenario.notice
    requesting = notice.requesting_country
    recipients = expand_recipients(notice.recipients, requesting, sent)
    out.cites.append("rpd-diffusion-recipients")
    tokens = notice.recipients
    if tokens is None:
        out.book.default("notice.recipients: all (every other member on the day it was sent)")
        out.reasons.append(
            "The facts do not say who received the diffusion; the model assumes it went to "
            "all members."
        )
    if tokens is None or "all" in tokens:
        out.cites.append("interpol-membership")
        out.reasons.append(
            f"'All' means every other member: {len(recipients)} of the "
            f"{len(members_on(sent))} members on {long_date(sent)}."
        )
    else:
        out.reasons.append(
            f"The sending NCB chose its recipients ({', '.join(tokens)}): "
            f"{len(recipients)} member countries on {long_date(sent)}."
        )
        out.reasons.extend(
            _listed_but_not_sent(
                tokens, recipients, requesting, sent, requesting_state_name(scenario)
            )
        )
    if sent < catalogue().first_in_force(_RPD):
        out.reasons.append(_before_the_rpd("were not yet in force when it was sent"))
    out.book.record(
        "rpd-diffusion-recipients",
        {
            "notice.recipients": list(tokens) if tokens is not None else "all",
            "notice.requesting_country": requesting,
            "notice.issued_on": sent,
        },
        f"{len(recipients)} recipients",
    )
    return recipients


def _listed_but_not_sent(
    tokens: tuple[str, ...],
    recipients: tuple[str, ...],
    requesting: str,
    sent: Date,
    requesting_name: str,
) -> list[str]:
    """Why a country listed as a recipient did not receive the diffusion."""
    reasons = []
    for token in tokens:
        if token in _REGION_WORDS or token in recipients:
            continue
        if token == requesting:
            reasons.append(
                f"{requesting_name} is listed but is the sender; it never receives "
                "its own diffusion."
            )
        elif not is_member(token, sent):
            reasons.append(
                f"{country_name(token)} is listed but was not an INTERPOL member on "
                f"{long_date(sent)}, so it did not receive the diffusion."
            )
    return reasons


def _gone_by(decided_on: Date) -> Date:
    """The day the data are likely off INTERPOL's files after a deletion decision.

    Under the Statute the Requests Chamber sends its decision to the General Secretariat
    within a month and the Secretariat implements it within a month of receipt (Art
    41(1)-(2); NAT-2), so the data can stay on file for up to two months after the decision
    (issue 20 point 4). Before the Statute no time was read, so the decision day is used.
    """
    cat = catalogue()
    if not cat.applies("ccf-implementation", decided_on):
        return decided_on
    months = int(cat.value("ccf-implementation", "send_months", decided_on)) + int(
        cat.value("ccf-implementation", "implement_months", decided_on)
    )
    return add_months(decided_on, months)


def _deletion(decided_on: Date, deleted_on: Date, out: _Out) -> None:
    """An earlier CCF decision had the data deleted: off the files once it is implemented."""
    if deleted_on > decided_on:
        out.cites.append("ccf-implementation")
        out.reasons.append(
            f"The CCF found the data non-compliant on {long_date(decided_on)}. Its decision "
            "goes to the General Secretariat within a month and is carried out within a month "
            "of receipt (Statute Art 41(1)-(2)), so the data can stay on INTERPOL's files, "
            f"and alerts on them can still be acted on, until about {long_date(deleted_on)}; "
            "the model treats them as gone from that day. A trip before then still meets "
            "the alert."
        )
    else:
        out.reasons.append(
            f"The CCF found the data non-compliant on {long_date(decided_on)}; with no time "
            "for carrying out the decision read for that date, they are treated as deleted "
            "from that day."
        )
    deleted_on = decided_on  # the rules on notifying recipients apply from the decision
    if catalogue().applies("ccf-statute-41-4-notify-recipients", deleted_on):
        out.cites.append("ccf-statute-41-4-notify-recipients")
    if catalogue().applies("rpd-5-7-national-update", deleted_on):
        out.cites.extend(["rpd-5-7-national-update", "national-copies-after-deletion"])
    out.reasons.append(
        "The recipients are told of the deletion and must update their own national "
        "copies; INTERPOL cannot do it for them, and in practice national copies can "
        "persist."
    )
    out.book.record(
        "ccf-implementation",
        {
            "case.prior_ccf_decision.outcome": "not_compliant",
            "case.prior_ccf_decision.date": decided_on,
        },
        f"data off the files by {_gone_by(decided_on).isoformat()}",
    )
