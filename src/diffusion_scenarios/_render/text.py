"""The plain-text report of an assessment, for people reading it in a terminal.

Short sections, the outcome first; every point carries its rule ids and their verification
status (``[ccf-statute-40-access, secondary]``), anything unverified is flagged in capitals,
what the answer depends on comes near the end and the caveats last. The output depends only
on the assessment, so the same assessment always gives the same text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from diffusion_scenarios._engine.assessment import Assessment, EnforcementEntry
from diffusion_scenarios._engine.grounds.findings import grounds_by_remedy
from diffusion_scenarios._engine.stage import long_date
from diffusion_scenarios._facts.naming import assumed_country, country_shown
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.vocab import ARREST_RISKS
from diffusion_scenarios._render.content import RuleRef
from diffusion_scenarios._render.phrases import (
    confidence_words,
    hinge_words,
    likelihood_words,
    reasons_words,
    risk_phrase,
    trip_risk_phrase,
)
from diffusion_scenarios._render.wording import (
    KIND_WORDS,
    OUTCOME_SENTENCES,
    SCREENING_SHORT_WORDS,
)
from diffusion_scenarios.errors import printable

__all__ = ["render_text"]

WIDTH = 88


def _name(code: str, scenario: Scenario | None = None) -> str:
    """A country's name; an assumed requesting state reads "State A (assumed: ...)"."""
    return country_shown(scenario, code)


def _tags(assessment: Assessment, ids: Iterable[str]) -> str:
    """``[id, status]`` for each rule id, with UNVERIFIED in capitals."""
    refs = (RuleRef(rule, assessment.verification(rule)) for rule in dict.fromkeys(ids))
    return " ".join(f"[{ref.id}, {ref.status}]" for ref in refs)


_KEEP = "\ue000"  # (private use) a space no line may break at, while the text is wrapped


def _para(text: str, indent: str = "  ", first: str | None = None) -> list[str]:
    # "State A" stays on one line, so an assumed state never reads "State" then "A (...)".
    text = text.replace("State A", f"State{_KEEP}A")
    return [
        line.replace(_KEEP, " ")
        for line in textwrap.wrap(
            text,
            width=WIDTH,
            initial_indent=first if first is not None else indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )
    ] or [first or indent]


def _bullet(text: str, level: int = 1) -> list[str]:
    pad = "  " * level
    return _para(text, indent=pad + "  ", first=pad + "- ")


def _heading(title: str) -> list[str]:
    return ["", title.upper(), "-" * len(title)]


def _country_list(entries: list[EnforcementEntry]) -> str:
    return ", ".join(sorted(_name(e.country) for e in entries))


def _outcome(a: Assessment) -> list[str]:
    """The likely outcome, first: the prediction, how likely and sure, what it hinges on."""
    lines = _heading("Likely CCF outcome")
    prediction = OUTCOME_SENTENCES.get(a.outcome.prediction_key, a.outcome.prediction_key)
    challenge = a.scenario.challenge if a.scenario is not None else None
    revision = challenge is not None and "revision" in challenge.requests
    request = "revision" if revision else "deletion"
    lines += _para(f"On a request for {request}: {prediction}.")
    if a.outcome.summary:
        lines += _para(a.outcome.summary)
    if a.outcome.likelihood:
        lines += _para(f"Likelihood on these facts: {likelihood_words(a.outcome)}.")
    if a.outcome.confidence:
        lines += _para(f"How sure the model is: {confidence_words(a.outcome)}.")
    if a.outcome.hinges_on:
        lines += _para("What it hinges on:")
        for hinge in a.outcome.hinges_on:
            lines += _para(f"{hinge_words(hinge)}.", indent="      ", first="    - ")
    lines += _para(reasons_words(a.outcome))
    if a.outcome.citations:
        lines += _para(_tags(a, a.outcome.citations))
    return lines


def _grounds(a: Assessment) -> list[str]:
    """Grounds by the remedy they call for: deletion, or correction of the record."""
    lines: list[str] = []
    deletions, corrections = grounds_by_remedy(a.grounds)
    for heading, grounds in (
        ("Grounds for deletion", deletions),
        ("Grounds for correcting the record", corrections),
    ):
        if heading != "Grounds for deletion" and not grounds:
            continue
        lines += _heading(heading)
        if not grounds:
            lines += _para("No ground for deletion applies on these facts.")
        for ground in grounds:
            label = ground.label or ground.id.replace("_", " ")
            lines += _bullet(f"{label} ({ground.strength}) {_tags(a, ground.citations)}")
            for reason in ground.reasons:
                lines += _para(reason, indent="      ")
    return lines


def _issuance_and_circulation(a: Assessment) -> list[str]:
    lines = _heading("How it was issued")
    i = a.issuance
    kind = KIND_WORDS.get(i.kind, i.kind).capitalize()
    sent = f"circulated {long_date(i.circulated_on)}" if i.circulated_on else "nothing circulated"
    after = "; checked only after circulation" if i.review_after_circulation else ""
    lines += _para(
        f"{kind}: {SCREENING_SHORT_WORDS.get(i.screening, i.screening)}; {sent}{after}. "
        f"{_tags(a, i.citations)}"
    )
    for reason in i.reasons:
        lines += _bullet(reason)

    lines += _heading("Where it circulated")
    c = a.circulation
    span = ""
    if c.active_from is not None:
        span = f"; on file from {long_date(c.active_from)}"
        span += f" until {long_date(c.active_until)}" if c.active_until else ""
    lines += _para(
        f"{c.recipient_count} recipient countries; "
        f"{'public extract on INTERPOL website' if c.public else 'not public'}{span}. "
        f"{_tags(a, c.citations)}"
    )
    for reason in c.reasons:
        lines += _bullet(reason)
    return lines


def _risk_groups(a: Assessment, recipients: list[EnforcementEntry]) -> list[str]:
    """The recipients by arrest risk; a presumed high risk is listed apart, in words."""
    lines: list[str] = []
    for risk in ARREST_RISKS:
        group = [e for e in recipients if e.arrest_risk == risk]
        # A presumed high risk (an EU state with no finding of its own) is not a finding:
        # it is listed apart, in words, and not among the recipients at high risk.
        presumed = [e for e in group if risk == "high" and e.basis == "regional_presumption"]
        group = [e for e in group if e not in presumed]
        if group:
            unknown = sum(1 for e in group if e.reasons[0].startswith("Depends on national"))
            count = f"{len(group)}; practice unknown for {unknown}" if unknown else f"{len(group)}"
            who = (
                "Recipients with no INTERPOL-alert risk"
                if risk == "none"
                else f"Recipients at {risk} risk"
            )
            lines += _bullet(f"{who} ({count}): {_country_list(group)}.")
        if presumed:
            lines += _bullet(
                f"Presumed, not found ({len(presumed)}): {_country_list(presumed)}. None of "
                "these EU states has a finding of its own; the UK's official notes to its 2020 "
                "Provisional Arrest Act say most EU member states let their police arrest on "
                "INTERPOL alerts, so a high risk is presumed for them, with medium confidence "
                f"at most. {_tags(a, ['arrest-eu-presumption'])}"
            )
    return lines


def _recipient_reasons(a: Assessment, recipients: list[EnforcementEntry]) -> list[str]:
    """Reasons every recipient shares (such as a locate-only purpose) once; then the
    countries the facts single out, with their own reasons."""
    lines: list[str] = []
    shared: set[str] = set(recipients[0].reasons[1:]) if len(recipients) > 1 else set()
    for entry in recipients[1:]:
        shared &= set(entry.reasons[1:])
    for reason in sorted(shared):
        lines += _bullet(f"For every recipient: {reason}")
    for entry in recipients:
        own = [r for r in entry.reasons[1:] if r not in shared]
        if not own:
            continue
        lines += _bullet(
            f"{_name(entry.country, a.scenario)}: {risk_phrase(entry.arrest_risk)}. Confidence "
            f"{entry.confidence}. {entry.consequence} {_tags(a, entry.citations)}"
        )
        for reason in own:
            lines += _para(reason, indent="      ")
    return lines


def _enforcement(a: Assessment) -> list[str]:
    lines = _heading("Arrest risk by country")
    by_role: dict[str, list[EnforcementEntry]] = {}
    for entry in a.enforcement:
        by_role.setdefault(entry.role, []).append(entry)
    for entry in by_role.get("requesting", []):
        # "State A (assumed: Kyrgyzstan)" already ends in a bracket: no second one after it.
        assumed = assumed_country(a.scenario, entry.country)
        role = ", the requesting state" if assumed else " (requesting state)"
        lines += _bullet(
            f"{_name(entry.country, a.scenario)}{role}: "
            f"{risk_phrase(entry.arrest_risk)}. "
            f"Confidence {entry.confidence}. {entry.consequence} {_tags(a, entry.citations)}"
        )
    recipients = by_role.get("recipient", [])
    lines += _risk_groups(a, recipients)
    lines += _recipient_reasons(a, recipients)
    others = by_role.get("non_recipient", [])
    if others:
        count = f"{len(others)} member did" if len(others) == 1 else f"{len(others)} members did"
        lines += _bullet(
            f"{count} not receive the data: no INTERPOL alert there, though a bilateral "
            f"request remains possible. {_tags(a, others[0].citations)}"
        )
    if recipients:
        lines += _para(
            "Recipient risks start from each country's recorded practice "
            f"{_tags(a, ['national-practice'])}; see the JSON output for every country's reasons."
        )
    return lines


def _travel_and_route(a: Assessment) -> list[str]:
    lines = _heading("Planned travel")
    if not a.travel:
        lines += _para("No trips are planned in the facts.")
    for trip in a.travel:
        lines += _bullet(
            f"{_name(trip.country, a.scenario)}, {long_date(trip.date)}: "
            f"{trip_risk_phrase(a, trip)}. "
            f"{_tags(a, trip.citations)}"
        )
        for reason in trip.reasons:
            lines += _para(reason, indent="      ")

    lines += _heading("CCF route")
    for step in a.route:
        when = ""
        if step.date is not None:
            when = long_date(step.date)
        if step.deadline is not None:
            when = f"deadline {long_date(step.deadline)}"
        if step.estimated and when:
            when += " (estimated)"
        head = step.step.replace("_", " ")
        lines += _bullet(f"{head}{': ' + when if when else ''}. {_tags(a, step.citations)}")
        if step.description:
            lines += _para(step.description, indent="      ")
    return lines


def _closing(a: Assessment) -> list[str]:
    """What the answer depends on, the defaults used, the rules cited and the caveats."""
    lines: list[str] = []
    if a.depends_on:
        lines += _heading("What the answer depends on")
        for item in a.depends_on:
            lines += _bullet(item)
    if a.defaults_used:
        lines += _heading("Defaults used")
        for item in a.defaults_used:
            lines += _bullet(item)

    lines += _heading("Rules cited")
    for citation in a.citations:
        flag = RuleRef(citation.id, citation.verification).status
        lines += _bullet(
            f"[{citation.id}] {citation.instrument}, {citation.provision} — {flag}; "
            f"version {citation.version}." + ("" if citation.url else " No source recorded.")
        )
        if citation.url:  # on its own line, never wrapped, so it can be copied whole
            lines.append(f"    {citation.url}")

    lines += _similar(a)
    lines += _heading("Caveats")
    for caveat in a.caveats:
        lines += _bullet(caveat)
    return lines


def _similar(a: Assessment) -> list[str]:
    """The published decisions most like the case, with what they share and where they differ."""
    from diffusion_scenarios._render.content import similar_intro

    if not a.similar_decisions:
        return []
    lines = _heading("Similar published decisions")
    lines += _para(similar_intro())
    for d in a.similar_decisions:
        year = f" ({d.year})" if d.year is not None else ""
        known = "" if d.encoded else " Known from its published tags only."
        lines += _bullet(
            f"{d.decision_id}{year}: {d.outcome_words}; similarity {d.similarity:.2f}.{known}"
        )
        lines += _para("Shared: " + ("; ".join(d.shared) or "nothing"), indent="      ")
        lines += _para("Differs: " + ("; ".join(d.differing) or "nothing"), indent="      ")
        if d.url:
            lines += ["      Source:", f"        {d.url}"]
    return lines


def _assumed(a: Assessment) -> list[str]:
    """The facts the file marks assumed, each said to be assumed (evidence: assumed)."""
    from diffusion_scenarios._facts.scenario import assumed_facts
    from diffusion_scenarios._render.facts_given import assumed_words

    if a.scenario is None:
        return []
    lines = []
    for path in assumed_facts(a.scenario):
        if path == "notice.requesting_country":
            shown = assumed_words(a.scenario, path, _name(a.scenario.notice.requesting_country))
            text = f"Requesting state: {shown}; the source does not name it."
        else:
            text = f"Assumed for the model, not given by the source: {path}."
        lines += _para(text, indent="")
    return lines


def render_text(assessment: Assessment) -> str:
    """The assessment as a plain-text report (ends with a newline).

    Example:
        >>> import datetime
        >>> from diffusion_scenarios import Notice, Scenario, assess
        >>> s = Scenario(id="demo", notice=Notice(kind="diffusion",
        ...     requesting_country="KAZ", issued_on=datetime.date(2025, 1, 10)))
        >>> "Educational model, not legal advice." in render_text(assess(s,
        ...     as_of=datetime.date(2025, 3, 1)))
        True
    """
    a = assessment
    title = a.title or a.scenario_id
    # The user's words reach a terminal: control characters are shown, never acted on.
    lines = _para(printable(f"{title} ({a.scenario_id})"), indent="")
    lines.append(f"Assessed as of {long_date(a.as_of)}. {a.caveats[0]}")
    lines += _assumed(a)
    lines += _outcome(a)  # the outcome first
    lines += _grounds(a)
    lines += _issuance_and_circulation(a)
    lines += _enforcement(a)
    lines += _travel_and_route(a)
    lines += _closing(a)
    return "\n".join(lines) + "\n"
