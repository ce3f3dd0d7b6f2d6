"""The client memo as Markdown (GitHub-flavoured tables), and the content both memos share.

The memo is a document a lawyer can keep on file: the not-legal-advice notice first, then
the facts as the user stated them (and which facts were unknown), how the request was
issued and where it circulated, the arrest risk per country and per trip, the grounds with
their rules and verification status, the CCF route with dates, the likely outcome, what
the answer depends on, the rules cited, and the caveats last.

Everything comes from the :class:`~diffusion_scenarios.Assessment`; nothing is decided here.
:mod:`diffusion_scenarios._render.html` renders the same content with figures.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diffusion_scenarios._engine.outcome import (
    confidence_words,
    hinge_words,
    likelihood_words,
    reasons_words,
)

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import (
        Assessment,
        Citation,
        EnforcementEntry,
        Outcome,
    )
    from diffusion_scenarios._facts.scenario import Scenario

__all__ = ["render_markdown"]

NOTICE = (
    "Not legal advice. This memo comes from an educational model of INTERPOL's rules and "
    "the practice of the Commission for the Control of INTERPOL's Files (CCF). It may be "
    "incomplete or out of date; rules marked unverified are not settled law. Check every "
    "point against the current texts and take advice from a qualified lawyer."
)

KIND_WORDS = {"diffusion": "diffusion", "red_notice": "red notice"}
SCREENING_WORDS = {
    "published": "reviewed by the General Secretariat before publication and published",
    "refused": "refused at the General Secretariat's review before publication",
    "not_screened": "sent directly by the national central bureau, without prior review",
}
PREDICTION_WORDS = {
    "not_compliant": "Not compliant: the data would most likely be deleted",
    "compliant_with_update": (
        "Compliant with an update: the data would most likely be kept, with information "
        "added or corrected"
    ),
    "compliant": "Compliant: the data would most likely be kept as they are",
    "not_predicted": "No prediction: nothing is on file on the day assessed",
}
RISK_WORDS = {
    "high": "high",
    "medium": "medium",
    "low": "low",
    "none": "none expected",
}
RISKS_IN_ORDER = ("high", "medium", "low", "none")


# --- plain words ---------------------------------------------------------------------------


def words(token: str) -> str:
    """A vocabulary word in plain words (``commercial_dispute`` -> ``commercial dispute``)."""
    return token.replace("_", " ")


def country(code: str | None) -> str:
    """``"Kazakhstan (KAZ)"``; the bare code when the name is unknown."""
    if code is None:
        return "unknown"
    from diffusion_scenarios._law.countries import country_name

    try:
        return f"{country_name(code)} ({code})"
    except LookupError:
        return code


def requesting_state(assessment: Assessment) -> str:
    """The requesting state's name, from the enforcement entries or else the facts."""
    for entry in assessment.enforcement:
        if entry.role == "requesting":
            return country(entry.country)
    if assessment.scenario is not None:
        return country(assessment.scenario.notice.requesting_country)
    return "an unknown state"


def day(value: _dt.date | None) -> str:
    return value.isoformat() if value is not None else "—"


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def listing(items: Iterable[str], *, empty: str = "none") -> str:
    values = list(items)
    return ", ".join(values) if values else empty


def number(value: float) -> str:
    return f"{value:g}" if value != int(value) else f"{int(value)}"


# --- the facts as given --------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """One fact of the scenario in plain words; ``value`` is ``None`` when it was not given."""

    group: str
    label: str
    value: str | None


def facts_as_given(scenario: Scenario) -> tuple[Fact, ...]:
    """Every fact of the scenario, in order, with ``None`` for the unknown ones."""
    facts: list[Fact] = []

    def add(group: str, label: str, value: str | None) -> None:
        facts.append(Fact(group=group, label=label, value=value))

    def maybe(value: object, render: str | None = None) -> str | None:
        if value is None:
            return None
        if render is not None:
            return render
        if isinstance(value, bool):
            return yes_no(value)
        if isinstance(value, _dt.date):
            return value.isoformat()
        if isinstance(value, float | int):
            return number(float(value))
        return words(str(value))

    group = "The scenario"
    add(group, "Scenario id", scenario.id)
    add(group, "Title", scenario.title or None)
    add(group, "Assessed as of", maybe(scenario.as_of))
    if scenario.notes:
        add(group, "Notes", scenario.notes)

    person = scenario.person
    group = "The person"
    add(group, "Nationalities", listing(map(country, person.nationalities), empty="") or None)
    add(group, "Residence", maybe(person.residence, country(person.residence)))
    add(group, "Profile", listing(map(words, person.profile), empty="") or None)
    refugee = person.refugee_status
    if refugee is None:
        add(group, "Refugee or asylum status", "none stated")
    else:
        add(group, "Refugee or asylum status", words(refugee.status))
        add(group, "Status granted by", maybe(refugee.granted_by, country(refugee.granted_by)))
        add(group, "Status granted on", maybe(refugee.granted_on))
        add(
            group,
            "Persecution feared from",
            maybe(refugee.feared_persecution_from, country(refugee.feared_persecution_from)),
        )

    notice = scenario.notice
    group = "The notice or diffusion"
    add(group, "Kind", KIND_WORDS.get(notice.kind, words(notice.kind)))
    add(group, "Requesting country", country(notice.requesting_country))
    add(group, "Issued on", notice.issued_on.isoformat())
    add(group, "Purpose", maybe(notice.purpose))
    if notice.recipients is None:
        add(group, "Recipients", None)
    else:
        add(
            group,
            "Recipients (as stated)",
            listing(
                country(token)
                if len(token) == 3 and token.isupper()
                else f"{words(token)} (region)"
                for token in notice.recipients
            ),
        )
    if notice.kind == "red_notice" or notice.public_extract is not None:
        add(group, "Public extract on INTERPOL's website", maybe(notice.public_extract))

    case = scenario.case
    group = "The national case"
    add(group, "Stage", maybe(case.stage))
    add(group, "Offence", maybe(case.offence))
    add(group, "Summary of the offence", case.offence_summary)
    add(group, "Maximum penalty (years)", maybe(case.max_penalty_years))
    if case.stage != "prosecution":
        add(group, "Sentence imposed (months)", maybe(case.sentence_months))
        add(group, "Sentence still to serve (months)", maybe(case.remaining_months))
    add(
        group,
        "Summary describes the person's own acts",
        maybe(case.summary_names_person_role),
    )
    warrant = case.arrest_warrant
    add(group, "Arrest warrant issued on", maybe(warrant.issued_on if warrant else None))
    add(group, "Arrest warrant still valid", maybe(warrant.valid if warrant else None))
    add(group, "Convicted in absentia", maybe(case.in_absentia))
    if case.in_absentia:
        add(group, "Retrial guaranteed on return", maybe(case.retrial_guaranteed))
    add(group, "Limitation period expired", maybe(case.limitation_expired))
    add(group, "Origin of the case", maybe(case.origin))
    add(group, "Alleged link to organised crime", maybe(case.organised_crime_link))
    add(
        group,
        "Amount at stake (USD)",
        maybe(case.amount_usd, f"{case.amount_usd:,.0f}" if case.amount_usd is not None else None),
    )
    civil = case.civil_proceedings
    add(group, "Civil proceedings on the same dealings", maybe(civil.outcome if civil else None))
    add(group, "Defects in the purpose of the request", listing(map(words, case.purpose_defects)))
    add(group, "Data on co-accused already deleted", maybe(case.co_accused_deleted))
    add(group, "Political context", listing(map(words, case.political_context)))
    add(group, "Human rights concerns", listing(map(words, case.human_rights_concerns)))
    add(
        group,
        "Requesting state sought extradition where the person lives",
        maybe(case.requesting_state_sought_extradition),
    )
    if case.extradition:
        for proceeding in case.extradition:
            parts = [
                country(proceeding.country) if proceeding.country else "country unknown",
                words(proceeding.outcome) if proceeding.outcome else "outcome unknown",
            ]
            if proceeding.grounds:
                parts.append(f"on {words(proceeding.grounds)} grounds")
            if proceeding.date:
                parts.append(f"on {proceeding.date.isoformat()}")
            add(group, "Extradition proceedings abroad", ", ".join(parts))
    else:
        add(group, "Extradition proceedings abroad", "none stated")
    if case.dual_criminality:
        add(
            group,
            "Dual criminality",
            listing(
                f"{country(code)}: {'satisfied' if satisfied else 'not satisfied'}"
                for code, satisfied in case.dual_criminality
            ),
        )
    else:
        add(group, "Dual criminality", None)
    prior = case.prior_ccf_decision
    if prior is None:
        add(group, "Earlier CCF decision on the same facts", "none stated")
    else:
        text = words(prior.outcome) if prior.outcome else "outcome unknown"
        if prior.date:
            text += f" ({prior.date.isoformat()})"
        add(group, "Earlier CCF decision on the same facts", text)

    group = "Planned trips"
    if scenario.travel:
        for trip in scenario.travel:
            add(group, f"Trip on {trip.date.isoformat()}", country(trip.country))
    else:
        add(group, "Trips", "none planned")

    challenge = scenario.challenge
    group = "The challenge before the CCF"
    if challenge is None:
        add(group, "Challenge", None)
    else:
        add(group, "Filed on", maybe(challenge.filed_on))
        add(group, "Requests", listing(map(words, challenge.requests), empty="") or None)
        add(group, "Urgent (provisional measures asked)", maybe(challenge.urgent))
        add(group, "Admissible on", maybe(challenge.admissible_on))
        add(group, "Source NCB answers the CCF", maybe(challenge.ncb_responds))
    return tuple(facts)


# --- grouping for readability ------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class RecipientGroup:
    """The recipients that share an arrest risk, with every rule cited for any of them.

    A high risk that is only presumed (``basis="regional_presumption"``: an EU state with no
    finding of its own) forms its own group with ``presumed=True``, so the list of
    recipients at high risk holds only countries whose practice or facts were found.
    """

    risk: str
    countries: tuple[str, ...]
    citations: tuple[str, ...]
    presumed: bool = False
    confidences: tuple[str, ...] = ()  # the confidences found in the group, highest first


@dataclass(frozen=True, slots=True, kw_only=True)
class EnforcementSummary:
    """The enforcement entries arranged for a reader rather than as 196 rows."""

    requesting: EnforcementEntry | None
    groups: tuple[RecipientGroup, ...]  # by risk, high first; every recipient exactly once
    recipients: tuple[EnforcementEntry, ...]  # by risk, then country: the appendix
    non_recipients: int  # members on the date that did not receive it
    non_members: tuple[str, ...] = ()  # listed, but not INTERPOL members on the date


def enforcement_summary(assessment: Assessment) -> EnforcementSummary:
    """The requesting state, the recipients grouped by risk, and the non-recipient count."""
    requesting: EnforcementEntry | None = None
    recipients: list[EnforcementEntry] = []
    non_recipients = 0
    non_members: list[str] = []
    from diffusion_scenarios._law.countries import is_member

    for entry in assessment.enforcement:
        if entry.role == "requesting":
            requesting = entry
        elif entry.role == "non_recipient" or not entry.received:
            if is_member(entry.country, assessment.as_of):
                non_recipients += 1
            else:
                non_members.append(entry.country)
        else:
            recipients.append(entry)
    order = {risk: rank for rank, risk in enumerate(RISKS_IN_ORDER)}
    recipients.sort(key=lambda e: (order.get(e.arrest_risk, len(order)), e.country))
    groups: dict[tuple[str, bool], list[EnforcementEntry]] = {}
    for entry in recipients:
        presumed = entry.arrest_risk == "high" and entry.basis == "regional_presumption"
        groups.setdefault((entry.arrest_risk, presumed), []).append(entry)
    ranked = sorted(groups.items(), key=lambda item: (order.get(item[0][0], 9), item[0][1]))
    return EnforcementSummary(
        requesting=requesting,
        groups=tuple(
            RecipientGroup(
                risk=risk,
                countries=tuple(e.country for e in entries),
                citations=tuple(dict.fromkeys(c for e in entries for c in e.citations)),
                presumed=presumed,
                confidences=tuple(
                    c for c in ("high", "medium", "low") if any(e.confidence == c for e in entries)
                ),
            )
            for (risk, presumed), entries in ranked
        ),
        recipients=tuple(recipients),
        non_recipients=non_recipients,
        non_members=tuple(sorted(non_members)),
    )


def non_recipients_sentence(summary: EnforcementSummary, on: _dt.date) -> str:
    """``"189 member countries did not receive it ..."``, with non-members said apart."""
    count = summary.non_recipients
    sentence = (
        f"{count} member {'country' if count == 1 else 'countries'} did not receive it "
        "(no INTERPOL-based arrest risk there on these facts)."
    )
    if summary.non_members:
        names = ", ".join(country(code) for code in summary.non_members)
        sentence += f" Not INTERPOL members on {on.isoformat()}: {names}."
    return sentence


#: How a country's confidence reads in a table, by what its risk rests on.
_BASIS_WORDS = {
    "own_finding": "{} (own finding)",
    "regional_presumption": "{} (presumed)",
    "default": "{} (no finding)",
}


def confidence_cell(entry: EnforcementEntry) -> str:
    """``"high (own finding)"``, ``"medium (presumed)"`` or ``"low (no finding)"``."""
    return _BASIS_WORDS.get(entry.basis, "{}").format(entry.confidence)


def group_role(group: RecipientGroup) -> str:
    """The role cell of a group: ``"recipients (3)"`` or ``"recipients, presumed only (27)"``."""
    presumed = ", presumed only" if group.presumed else ""
    return f"recipients{presumed} ({len(group.countries)})"


def group_risk(group: RecipientGroup) -> str:
    """The risk cell of a group: ``"high"``, or ``"high (presumed)"`` for a presumption."""
    risk = RISK_WORDS.get(group.risk, group.risk)
    return f"{risk} (presumed)" if group.presumed else risk


def group_confidence_words(confidences: tuple[str, ...]) -> str:
    """``"high"``, or ``"high to low"`` when a group holds several confidences."""
    if not confidences:
        return "—"
    return confidences[0] if len(confidences) == 1 else f"{confidences[0]} to {confidences[-1]}"


def presumption_sentence(summary: EnforcementSummary) -> str:
    """The presumed-only recipients in words, or ``""`` when there are none."""
    presumed = [code for g in summary.groups if g.presumed for code in g.countries]
    if not presumed:
        return ""
    return (
        f"Presumed, not found ({len(presumed)}): "
        f"{', '.join(country(code) for code in presumed)}. None of these EU states has a "
        "finding of its own on arrest on an INTERPOL alert; the UK's official notes to its "
        "2020 Provisional Arrest Act say that most EU member states let their police arrest "
        "on such alerts, so a high risk is presumed for them, with medium confidence at "
        "most. They are not counted among the recipients at high risk."
    )


def verification_of(assessment: Assessment, rule_id: str) -> str:
    """The verification status of a cited rule, or ``"not in citations"``."""
    try:
        return assessment.citation(rule_id).verification
    except KeyError:
        return "not in citations"


def cited(assessment: Assessment, rule_ids: Iterable[str]) -> str:
    """``"rpd-83 (secondary), rpd-34-3 (UNVERIFIED)"`` for a list of rule ids."""
    parts = []
    for rule_id in rule_ids:
        status = verification_of(assessment, rule_id)
        parts.append(f"{rule_id} ({'UNVERIFIED' if status == 'unverified' else status})")
    return ", ".join(parts) if parts else "no rule cited"


def has_unverified(assessment: Assessment, rule_ids: Iterable[str]) -> bool:
    return any(verification_of(assessment, rule_id) == "unverified" for rule_id in rule_ids)


def citation_source(citation: Citation) -> str:
    return citation.url or "no source recorded"


def step_date_text(value: _dt.date | None, *, estimated: bool) -> str:
    if value is None:
        return "—"
    return f"{value.isoformat()} (estimated)" if estimated else value.isoformat()


_FIELD_PATH = re.compile(r"[a-z_]+(?:\.[a-z_]+)+")


def depends_on_parts(item: str) -> tuple[str | None, str]:
    """Split an entry of ``depends_on`` into the scenario field (if any) and the words.

    ``"case.political_context"`` -> ``("case.political_context", "political context")``;
    ``"challenge.urgent: why it matters"`` -> ``("challenge.urgent", "why it matters")``;
    anything else is kept as written, with no field.
    """
    if _FIELD_PATH.fullmatch(item):
        return item, words(item.rsplit(".", 1)[-1])
    head, separator, rest = item.partition(": ")
    if separator and _FIELD_PATH.fullmatch(head):
        return head, rest
    return None, item


# --- markdown ------------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Escape text for Markdown: no raw HTML, no table breaks, no accidental emphasis."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for character in ("\\", "|", "*", "_", "`", "[", "]"):
        escaped = escaped.replace(character, "\\" + character)
    return " ".join(escaped.split())


def _autolink(url: str) -> str:
    if url.startswith(("https://", "http://")) and not any(c in url for c in " <>|`"):
        return f"<{url}>"
    return _md(url) if url else "no source recorded"


def _table(header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join("---" for _ in header) + " |",
    ]
    lines.extend("| " + " | ".join(cells) + " |" for cells in rows)
    return lines


def _bullets(items: Iterable[str]) -> list[str]:
    return [f"- {_md(item)}" for item in items]


def render_markdown(assessment: Assessment) -> str:
    """The client memo as Markdown, with GitHub-flavoured tables and no figures.

    Example:
        >>> import diffusion_scenarios as ds
        >>> memo = render_markdown(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]))
        >>> memo.splitlines()[0].startswith("# Memo:")
        True
    """
    from diffusion_scenarios import __version__

    kind = KIND_WORDS.get(assessment.issuance.kind, words(assessment.issuance.kind))
    title = assessment.title or assessment.scenario_id
    out: list[str] = [
        f"# Memo: {_md(title)}",
        "",
        f"> **{_md(NOTICE)}**",
        "",
        f"Scenario `{assessment.scenario_id}`, assessed as of **{assessment.as_of.isoformat()}** "
        f"with diffusion-scenarios {__version__}. The pictures (circulation map, route "
        "timeline, grounds chart) are in the HTML version of this memo.",
        "",
        "## Facts as given",
    ]
    scenario = assessment.scenario
    if scenario is None:
        out += ["The facts assessed were not attached to this assessment.", ""]
    else:
        facts = facts_as_given(scenario)
        current = ""
        for fact in facts:
            if fact.value is None:
                continue
            if fact.group != current:
                current = fact.group
                out += ["", f"### {fact.group}", ""]
            out.append(f"- {_md(fact.label)}: {_md(fact.value)}")
        unknown = [fact for fact in facts if fact.value is None]
        out += ["", "### Facts not given (unknown)", ""]
        if unknown:
            out.append(
                "The model did not assume these; where they matter, the result says what it "
                "depends on."
            )
            out.append("")
            out += [f"- {_md(fact.group)}: {_md(fact.label)}" for fact in unknown]
        else:
            out.append("Every fact the format asks for was given.")
        if assessment.defaults_used:
            out += ["", "Defaults the model used because a fact was not given:", ""]
            out += [f"- `{_md(path)}`" for path in assessment.defaults_used]
    out.append("")

    issuance = assessment.issuance
    out += [
        "## How the request was issued",
        "",
        f"- Kind: {kind}",
        f"- Screening: {SCREENING_WORDS.get(issuance.screening, words(issuance.screening))}",
        f"- Reviewed before circulation: {yes_no(issuance.pre_screened)}",
        f"- Circulated on: {day(issuance.circulated_on)}",
        f"- Reviewed after circulation: {yes_no(issuance.review_after_circulation)}",
        f"- Rules: {_md(cited(assessment, issuance.citations))}",
        "",
        *_bullets(issuance.reasons),
        "",
    ]

    circulation = assessment.circulation
    out += [
        "## Where it circulated",
        "",
        f"- Recipient countries: {circulation.recipient_count}",
        f"- Public: {yes_no(circulation.public)}",
        f"- Active from: {day(circulation.active_from)}",
        f"- Active until: {day(circulation.active_until)}",
        f"- Rules: {_md(cited(assessment, circulation.citations))}",
        "",
        *_bullets(circulation.reasons),
        "",
    ]

    summary = enforcement_summary(assessment)
    out += ["## Arrest risk by country", ""]
    rows: list[tuple[str, ...]] = []
    requesting = summary.requesting
    if requesting is not None:
        rows.append(
            (
                "requesting state",
                RISK_WORDS.get(requesting.arrest_risk, requesting.arrest_risk),
                _md(country(requesting.country)),
                requesting.confidence,
                _md(cited(assessment, requesting.citations)),
            )
        )
    for group in summary.groups:
        rows.append(
            (
                group_role(group),
                group_risk(group),
                _md(", ".join(country(code) for code in group.countries)),
                group_confidence_words(group.confidences),
                _md(cited(assessment, group.citations)),
            )
        )
    out += _table(("Role", "Arrest risk", "Countries", "Confidence", "Rules"), rows)
    out.append("")
    if presumption_sentence(summary):
        out += [_md(presumption_sentence(summary)), ""]
    if requesting is not None:
        out += [
            f"In the requesting state: {_md(requesting.consequence)} "
            f"{_md(' '.join(requesting.reasons))}",
            "",
        ]
    out += [_md(non_recipients_sentence(summary, assessment.as_of)), ""]
    if summary.recipients:
        out += [
            "What each recipient can be expected to do, and why, is in the appendix "
            "(reasons country by country).",
            "",
        ]

    out += ["## Planned trips", ""]
    if assessment.travel:
        out += _table(
            ("Date", "Country", "Notice active then", "Arrest risk", "Why", "Rules"),
            (
                (
                    trip.date.isoformat(),
                    _md(country(trip.country)),
                    yes_no(trip.notice_active),
                    RISK_WORDS.get(trip.arrest_risk, trip.arrest_risk),
                    _md("; ".join(trip.reasons)),
                    _md(cited(assessment, trip.citations)),
                )
                for trip in assessment.travel
            ),
        )
    else:
        out.append("No trips were stated.")
    out.append("")

    # Grounds by the remedy they call for: deletion, or correction of the record.
    from diffusion_scenarios._engine.grounds.findings import grounds_by_remedy

    deletions, corrections = grounds_by_remedy(assessment.grounds)
    for heading, grounds in (
        ("Grounds for deletion", deletions),
        ("Grounds for correcting the record", corrections),
    ):
        if heading != "Grounds for deletion" and not grounds:
            continue
        out += [f"## {heading}", ""]
        if not grounds:
            out += ["No ground for deletion applies on the facts given.", ""]
        for ground in grounds:
            flag = (
                " — rests on an UNVERIFIED rule"
                if has_unverified(assessment, ground.citations)
                else ""
            )
            name = ground.label or words(ground.id)
            out += [
                f"### {_md(name)} (`{ground.id}`): {ground.strength}{flag}",
                "",
                f"Rules: {_md(cited(assessment, ground.citations))}",
                "",
                *_bullets(ground.reasons),
                "",
            ]

    out += ["## The CCF route", ""]
    out += _table(
        ("Step", "Date", "Deadline", "What happens", "Rules"),
        (
            (
                _md(words(step.step)),
                step_date_text(step.date, estimated=step.estimated),
                f"**{step.deadline.isoformat()}** (deadline)" if step.deadline else "—",
                _md(step.description) or "—",
                _md(cited(assessment, step.citations)),
            )
            for step in assessment.route
        ),
    )
    out += ["", "Dates marked *(estimated)* are estimates, not dates fixed by a rule.", ""]

    outcome = assessment.outcome
    out += [
        "## Likely outcome",
        "",
        f"**{PREDICTION_WORDS.get(outcome.prediction_key, words(outcome.prediction_key))}** "
        f"(`{outcome.prediction_key}`).",
        "",
        *_outcome_details(outcome),
        _md(reasons_words(outcome)),
        "",
        f"Rules: {_md(cited(assessment, outcome.citations))}",
        "",
        "## What the answer depends on",
        "",
    ]
    if assessment.depends_on:
        for item in assessment.depends_on:
            field, text = depends_on_parts(item)
            out.append(f"- {_md(text)}" + (f" (`{field}`)" if field else ""))
    else:
        out.append("Nothing left open: the facts given settle the points the model weighs.")
    out.append("")

    out += ["## Rules cited", ""]
    out += _table(
        ("Id", "Instrument", "Provision", "Version", "In force from", "Verification", "Source"),
        (
            (
                f"`{_md(citation.id)}`",
                _md(citation.instrument),
                _md(citation.provision),
                _md(citation.version),
                day(citation.in_force_from),
                "**UNVERIFIED**"
                if citation.verification == "unverified"
                else _md(citation.verification),
                _autolink(citation.url),
            )
            for citation in assessment.citations
        ),
    )
    if summary.recipients:
        out += ["", "## Appendix: reasons country by country", ""]
        out += _table(
            ("Country", "Arrest risk", "Confidence", "Consequence", "Why", "Rules"),
            (
                (
                    _md(country(entry.country)),
                    RISK_WORDS.get(entry.arrest_risk, entry.arrest_risk),
                    confidence_cell(entry),
                    _md(entry.consequence),
                    _md(" ".join(entry.reasons)),
                    _md(cited(assessment, entry.citations)),
                )
                for entry in summary.recipients
            ),
        )
    out += ["", "## Caveats", "", *_bullets(assessment.caveats), ""]
    return "\n".join(out)


def _outcome_details(outcome: Outcome) -> list[str]:
    """Summary, likelihood, confidence and hinges of the outcome, as Markdown lines."""
    out: list[str] = []
    if outcome.summary:
        out += [f"**{_md(outcome.summary)}**", ""]
    if outcome.likelihood:
        out += [f"- Likelihood on these facts: {_md(likelihood_words(outcome))}."]
    if outcome.confidence:
        out += [f"- How sure the model is: {_md(confidence_words(outcome))}."]
    if outcome.hinges_on:
        out += ["- What it hinges on:"]
        out += [f"    - {_md(hinge_words(h))}." for h in outcome.hinges_on]
    return [*out, ""] if out and out[-1] != "" else out
