"""The client memo's content, once: a pure function from an Assessment to a structured document.

The Markdown, HTML and Word memos render this one document (:func:`memo_content`); none of
them decides what the memo says. The document is a title, the not-legal-advice notice and a
list of :class:`Section` values; a section holds blocks (paragraphs, bullet lists, labelled
fields, the facts, tables, grounds, figures), and the text of a block is a tuple of inline
pieces: :class:`Span` (words with a role: plain, strong, code, a flag, a link, an estimated
date, a deadline) and :class:`Rules` (rule ids, each with the verification status the
assessment recorded). Each renderer says how a role looks in its format.

Everything comes from the :class:`~diffusion_scenarios.Assessment`; nothing is decided here.
A few facts are still worked out here from the assessment rather than read from it (who is
a member on the day, the requesting state's name); each is one named helper in the section
"facts the assessment does not hold yet" so that it can be switched to an attribute of the
assessment in one place.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from diffusion_scenarios._engine.grounds.findings import grounds_by_remedy
from diffusion_scenarios._facts.naming import assumed_note
from diffusion_scenarios._facts.scenario import assumed_facts
from diffusion_scenarios._law.vocab import ARREST_RISKS
from diffusion_scenarios._render.facts_given import Fact, facts_as_given
from diffusion_scenarios._render.phrases import (
    confidence_words,
    hinge_words,
    likelihood_words,
    reasons_words,
)
from diffusion_scenarios._render.plain import (
    country,
    day,
    kind_words,
    listing,
    step_date_text,
    words,
    yes_no,
)
from diffusion_scenarios._render.wording import (
    BASIS_CELLS,
    BASIS_WORDS,
    OUTCOME_BRACKETED,
    OUTCOME_HEADLINES,
    RISK_WORDS,
    SCREENING_WORDS,
)

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import (
        Assessment,
        Circulation,
        Citation,
        EnforcementEntry,
        Ground,
        Hinge,
        Issuance,
        RouteStep,
    )
    from diffusion_scenarios._engine.similar import SimilarDecision

__all__ = [
    "NOTICE",
    "Bullets",
    "Fact",
    "FactGroup",
    "Fields",
    "Figure",
    "GroundItem",
    "Heading",
    "Memo",
    "Paragraph",
    "RuleRef",
    "Rules",
    "Section",
    "Span",
    "Table",
    "enforcement_summary",
    "facts_as_given",
    "long_memo_content",
    "memo_content",
]

NOTICE = (
    "Not legal advice. This memo comes from an educational model of INTERPOL's rules and "
    "the practice of the Commission for the Control of INTERPOL's Files (CCF). It may be "
    "incomplete or out of date; rules marked unverified are not settled law. Check every "
    "point against the current texts and take advice from a qualified lawyer."
)


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


# --- facts the assessment does not hold yet ---------------------------------------------------
# Each is worked out from the assessment here, in one place, until the assessment carries it.


def requesting_state(assessment: Assessment) -> str:
    """The requesting state's name, as the assessment records it."""
    code = assessment.requesting_country
    return country(code, assessment.scenario) if code is not None else "an unknown state"


# --- inline pieces ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """Words with a role. ``style`` is one of:

    ``plain``; ``strong``; ``em``; ``muted`` (secondary detail); ``code`` (an id or a field
    path); ``flag`` (UNVERIFIED);
    ``link`` (a source URL); ``estimated`` (a date the model estimated); ``deadline`` (a date
    fixed by a rule); ``xref`` (a pointer to another section: ``target`` is its anchor).
    """

    text: str
    style: str = "plain"
    target: str = ""


@dataclass(frozen=True, slots=True)
class RuleRef:
    """A cited rule id with the verification status the assessment recorded."""

    id: str
    verification: str

    @property
    def status(self) -> str:
        """The verification as shown: ``secondary``, or ``UNVERIFIED`` in capitals."""
        return "UNVERIFIED" if self.verification == "unverified" else self.verification

    @property
    def words(self) -> str:
        """``"rpd-83 (secondary)"``, ``"rpd-34-3 (UNVERIFIED)"``."""
        return f"{self.id} ({self.status})"


@dataclass(frozen=True, slots=True)
class Rules:
    """The rules a point rests on, in the order cited."""

    refs: tuple[RuleRef, ...]

    @property
    def text(self) -> str:
        """``"rpd-83 (secondary), rpd-34-3 (UNVERIFIED)"``, or ``"no rule cited"``."""
        return ", ".join(ref.words for ref in self.refs) if self.refs else "no rule cited"

    @property
    def unverified(self) -> bool:
        return any(ref.verification == "unverified" for ref in self.refs)


Inline = Span | Rules
Text = tuple[Inline, ...]


def rules(assessment: Assessment, rule_ids: Iterable[str]) -> Rules:
    """The rule ids with their verification, as the assessment recorded it."""
    return Rules(tuple(RuleRef(rule, assessment.verification(rule)) for rule in rule_ids))


def plain(text: str) -> Text:
    return (Span(text),)


# --- blocks -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph. ``role``: ``""``; ``"outcome"``, the headline of the likely outcome;
    ``"summary"``, the outcome's summary set larger; ``"note"``, a note set in italics."""

    text: Text
    role: str = ""


@dataclass(frozen=True, slots=True)
class BulletItem:
    text: Text
    children: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bullet list (empty: nothing is shown); an item may hold a list of its own."""

    items: tuple[BulletItem, ...]


@dataclass(frozen=True, slots=True)
class Fields:
    """Labelled values: ``Kind: red notice``."""

    items: tuple[tuple[str, Text], ...]


@dataclass(frozen=True, slots=True)
class FactGroup:
    """One group of the facts as given, with its title: label and value, both plain words."""

    title: str
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a caption (shown by the formats that caption tables) and header."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Text, ...], ...]
    css_class: str = ""


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading inside a section: ``level`` 3 under the section, 2 beside it."""

    text: str
    level: int = 3
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class GroundItem:
    """A ground for deletion or correction: its name, id, strength, rules and reasons."""

    name: str
    id: str
    strength: str
    rules: Rules
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Figure:
    """A picture of the assessment: ``kind`` names the chart (``circulation_map``,
    ``route_timeline``, ``grounds_chart``); formats without pictures leave it out."""

    kind: str
    description: str
    caption: str


Block = Paragraph | Bullets | Fields | FactGroup | Table | Heading | GroundItem | Figure


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the memo. ``placeholder``: it has nothing of its own and its blocks only
    say so; a format with a table of contents keeps it, the others leave it out."""

    anchor: str
    title: str
    blocks: tuple[Block, ...]
    placeholder: bool = False


@dataclass(frozen=True, slots=True)
class Memo:
    title: str
    scenario_id: str
    as_of: _dt.date
    notice: str
    sections: tuple[Section, ...] = field(default=())


# --- the enforcement entries grouped for a reader ---------------------------------------------


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
    non_recipient_members: tuple[str, ...] = ()  # the members that did not receive it, sorted


def enforcement_summary(assessment: Assessment) -> EnforcementSummary:
    """The requesting state, the recipients grouped by arrest risk, and the non-recipients."""
    requesting: EnforcementEntry | None = None
    recipients: list[EnforcementEntry] = []
    others: list[str] = []
    non_members: list[str] = []
    for entry in assessment.enforcement:
        if entry.role == "requesting":
            requesting = entry
        elif entry.role == "non_recipient" or not entry.received:
            if assessment.is_member(entry.country):
                others.append(entry.country)
            else:
                non_members.append(entry.country)
        else:
            recipients.append(entry)
    order = {risk: rank for rank, risk in enumerate(ARREST_RISKS)}
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
        non_recipients=len(others),
        non_members=tuple(sorted(non_members)),
        non_recipient_members=tuple(sorted(others)),
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


def confidence_cell(entry: EnforcementEntry) -> str:
    """``"high (own finding)"``, ``"medium (presumed)"`` or ``"low (no finding)"``."""
    return BASIS_CELLS.get(entry.basis, "{}").format(entry.confidence)


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


# --- the memo's sections ----------------------------------------------------------------------

_NOT_ASSUMED = (
    "The model did not assume these; where they matter, the result says what it depends on."
)
_NO_GROUND = "No ground for deletion applies on the facts given."


def _bullets(items: Iterable[str]) -> Bullets:
    return Bullets(tuple(BulletItem(plain(item)) for item in items))


def _facts_section(assessment: Assessment) -> Section:
    scenario = assessment.scenario
    title = "Facts as given"
    if scenario is None:
        text = "The facts assessed were not attached to this assessment."
        return Section("facts", title, (Paragraph(plain(text)),))
    facts = facts_as_given(scenario)
    groups: dict[str, list[tuple[str, str]]] = {}
    for fact in facts:
        if fact.value is not None:
            groups.setdefault(fact.group, []).append((fact.label, fact.value))
    blocks: list[Block] = [FactGroup(group, tuple(items)) for group, items in groups.items()]
    blocks.append(Heading("Facts not given (unknown)"))
    unknown = [fact for fact in facts if fact.value is None]
    if unknown:
        blocks.append(Paragraph(plain(_NOT_ASSUMED)))
        blocks.append(_bullets(f"{fact.group}: {fact.label}" for fact in unknown))
    else:
        blocks.append(Paragraph(plain("Every fact the format asks for was given.")))
    assumed = assumed_facts(scenario)
    if assumed:
        blocks.append(
            Paragraph(
                plain(
                    "Assumed for the model (the source does not give them; the model uses "
                    "them as if given):"
                )
            )
        )
        blocks.append(Bullets(tuple(BulletItem((Span(path, "code"),)) for path in assumed)))
    if assessment.defaults_used:
        blocks.append(Paragraph(plain("Defaults the model used because a fact was not given:")))
        code = (BulletItem((Span(path, "code"),)) for path in assessment.defaults_used)
        blocks.append(Bullets(tuple(code)))
    return Section("facts", title, tuple(blocks))


def _issuance_section(assessment: Assessment, issuance: Issuance) -> Section:
    fields = Fields(
        (
            ("Kind", plain(kind_words(assessment))),
            (
                "Screening",
                plain(SCREENING_WORDS.get(issuance.screening, words(issuance.screening))),
            ),
            ("Reviewed before circulation", plain(yes_no(issuance.pre_screened))),
            ("Circulated on", plain(day(issuance.circulated_on))),
            ("Reviewed after circulation", plain(yes_no(issuance.review_after_circulation))),
            ("Rules", (rules(assessment, issuance.citations),)),
        )
    )
    return Section("issuance", "How the request was issued", (fields, _bullets(issuance.reasons)))


def _circulation_section(assessment: Assessment, circulation: Circulation) -> Section:
    fields = Fields(
        (
            ("Recipient countries", plain(str(circulation.recipient_count))),
            ("Public", plain(yes_no(circulation.public))),
            ("Active from", plain(day(circulation.active_from))),
            ("Active until", plain(day(circulation.active_until))),
            ("Rules", (rules(assessment, circulation.citations),)),
        )
    )
    figure = Figure(
        "circulation_map",
        description=(
            f"Tile-grid world map: the {kind_words(assessment)} requested by "
            f"{requesting_state(assessment)} reached {circulation.recipient_count} "
            "countries; colours show each country's role and arrest risk."
        ),
        caption=(
            "Circulation map: one square per INTERPOL member, coloured by role and "
            "arrest risk; a thick blue edge marks a planned trip. Not to scale."
        ),
    )
    return Section(
        "circulation", "Where it circulated", (fields, _bullets(circulation.reasons), figure)
    )


def _risk_rows(
    assessment: Assessment, summary: EnforcementSummary, *, short: bool
) -> tuple[tuple[Text, ...], ...]:
    """The requesting state, then one row per group of recipients: role, arrest risk,
    countries, confidence and rules. The long form has no confidence column (how sure the
    model is stands per country in its appendix) and does not mark presumed groups."""
    rows: list[tuple[Text, ...]] = []
    requesting = summary.requesting
    if requesting is not None:
        risk = RISK_WORDS.get(requesting.arrest_risk, requesting.arrest_risk)
        rows.append(
            (
                plain("requesting state"),
                plain(risk),
                plain(country(requesting.country, assessment.scenario)),
                plain(requesting.confidence),
                (rules(assessment, requesting.citations),),
            )
        )
    for group in summary.groups:
        role = group_role(group) if short else f"recipients ({len(group.countries)})"
        risk = group_risk(group) if short else RISK_WORDS.get(group.risk, group.risk)
        rows.append(
            (
                plain(role),
                plain(risk),
                plain(", ".join(country(code) for code in group.countries)),
                plain(group_confidence_words(group.confidences)),
                (rules(assessment, group.citations),),
            )
        )
    return tuple(rows) if short else tuple((*row[:3], row[4]) for row in rows)


def _enforcement_section(assessment: Assessment, summary: EnforcementSummary) -> Section:
    requesting = summary.requesting
    blocks: list[Block] = [
        Table(
            "The requesting state and the recipients, grouped by arrest risk",
            ("Role", "Arrest risk", "Countries", "Confidence", "Rules"),
            _risk_rows(assessment, summary, short=True),
        )
    ]
    if presumption_sentence(summary):
        blocks.append(Paragraph(plain(presumption_sentence(summary))))
    if requesting is not None:
        blocks.append(
            Paragraph(
                (
                    Span("In the requesting state: "),
                    Span(requesting.consequence),
                    Span(" "),
                    Span(" ".join(requesting.reasons)),
                )
            )
        )
    blocks.append(Paragraph(plain(non_recipients_sentence(summary, assessment.as_of))))
    if summary.recipients:
        pointer = (
            Span("What each recipient can be expected to do, and why, is in the "),
            Span("appendix", "xref", target="appendix"),
            Span("."),
        )
        blocks.append(Paragraph(pointer))
    return Section("enforcement", "Arrest risk by country", tuple(blocks))


def _trips_section(assessment: Assessment) -> Section:
    if not assessment.travel:
        return Section("trips", "Planned trips", (Paragraph(plain("No trips were stated.")),))
    table = Table(
        "Arrest risk on each planned trip",
        ("Date", "Country", "Notice active then", "Arrest risk", "Why", "Rules"),
        tuple(
            (
                plain(trip.date.isoformat()),
                plain(country(trip.country, assessment.scenario)),
                plain(yes_no(trip.notice_active)),
                plain(RISK_WORDS.get(trip.arrest_risk, trip.arrest_risk)),
                plain("; ".join(trip.reasons)),
                (rules(assessment, trip.citations),),
            )
            for trip in assessment.travel
        ),
    )
    return Section("trips", "Planned trips", (table,))


def ground_item(assessment: Assessment, ground: Ground) -> GroundItem:
    return GroundItem(
        name=ground.label or words(ground.id),
        id=ground.id,
        strength=ground.strength,
        rules=rules(assessment, ground.citations),
        reasons=ground.reasons,
    )


def _grounds_section(assessment: Assessment) -> Section:
    deletions, corrections = grounds_by_remedy(assessment.grounds)
    blocks: list[Block] = []
    if not deletions:
        blocks.append(Paragraph(plain(_NO_GROUND)))
    blocks += [ground_item(assessment, ground) for ground in deletions]
    if corrections:
        heading = "Grounds for correcting the record"
        blocks.append(Heading(heading, level=2, anchor="correction-grounds"))
        blocks += [ground_item(assessment, ground) for ground in corrections]
    if assessment.grounds:
        strengths = "; ".join(f"{g.label or words(g.id)}: {g.strength}" for g in assessment.grounds)
        blocks.append(
            Figure(
                "grounds_chart",
                description=f"Bar chart of the grounds for deletion by strength: {strengths}",
                caption=(
                    "Grounds chart: strong, arguable and weak grounds, each with the rules "
                    "it rests on and their verification status."
                ),
            )
        )
    return Section("grounds", "Grounds for deletion", tuple(blocks))


def step_date(value: _dt.date | None, *, estimated: bool) -> Text:
    """A step's date; an estimated one is marked as such."""
    if estimated and value is not None:
        return (Span(step_date_text(value, estimated=True), "estimated"),)
    return plain(step_date_text(value, estimated=False))


def deadline(value: _dt.date | None) -> Text:
    if value is None:
        return plain("—")
    return (Span(value.isoformat(), "deadline"), Span(" (deadline)"))


def _route_table(assessment: Assessment, steps: Iterable[RouteStep]) -> Table:
    return Table(
        "Steps of the challenge before the CCF, with dates",
        ("Step", "Date", "Deadline", "What happens", "Rules"),
        tuple(
            (
                plain(words(step.step)),
                step_date(step.date, estimated=step.estimated),
                deadline(step.deadline),
                plain(step.description or "—"),
                (rules(assessment, step.citations),),
            )
            for step in steps
        ),
    )


def _route_section(assessment: Assessment) -> Section:
    table = _route_table(assessment, assessment.route)
    note = Paragraph(
        (
            Span("Dates marked "),
            Span("(estimated)", "em"),
            Span(" are estimates, not dates fixed by a rule."),
        )
    )
    blocks: list[Block] = [table, note]
    if assessment.route:
        blocks.append(
            Figure(
                "route_timeline",
                description=(
                    "Timeline of the CCF route with deadlines as bars and planned trips as "
                    "vertical lines coloured by arrest risk."
                ),
                caption=(
                    "Route timeline: dots are dates, bars run to deadlines, hollow and dashed "
                    "marks are estimates; vertical lines are planned trips."
                ),
            )
        )
    return Section("route", "The CCF route", tuple(blocks))


def _outcome_section(assessment: Assessment) -> Section:
    outcome = assessment.outcome
    key = outcome.prediction_key
    headline = (
        Span(OUTCOME_HEADLINES.get(key, words(key)), "strong"),
        Span(" ("),
        Span(key, "code"),
        Span(")."),
    )
    blocks: list[Block] = [Paragraph(headline, role="outcome")]
    if outcome.summary:
        blocks.append(Paragraph((Span(outcome.summary, "strong"),)))
    details: list[BulletItem] = []
    if outcome.likelihood:
        details.append(
            BulletItem(plain(f"Likelihood on these facts: {likelihood_words(outcome)}."))
        )
    if outcome.confidence:
        details.append(BulletItem(plain(f"How sure the model is: {confidence_words(outcome)}.")))
    if outcome.hinges_on:
        hinges = tuple(plain(f"{hinge_words(h)}.") for h in outcome.hinges_on)
        details.append(BulletItem(plain("What it hinges on:"), hinges))
    if details:
        blocks.append(Bullets(tuple(details)))
    blocks.append(Paragraph(plain(reasons_words(outcome))))
    blocks.append(Paragraph((Span("Rules: "), rules(assessment, outcome.citations))))
    return Section("outcome", "Likely outcome", tuple(blocks))


def _depends_section(assessment: Assessment) -> Section:
    title = "What the answer depends on"
    if not assessment.depends_on:
        text = "Nothing left open: the facts given settle the points the model weighs."
        return Section("depends", title, (Paragraph(plain(text)),))
    items: list[BulletItem] = []
    for item in assessment.depends_on:
        path, text = depends_on_parts(item)
        spans: Text = (Span(text),)
        if path:
            spans += (Span(" ("), Span(path, "code"), Span(")"))
        items.append(BulletItem(spans))
    return Section("depends", title, (Bullets(tuple(items)),))


def _verification_cell(citation: Citation) -> Text:
    if citation.verification == "unverified":
        return (Span("UNVERIFIED", "flag"),)
    return plain(citation.verification)


def _source_cell(citation: Citation) -> Text:
    return (Span(citation.url, "link"),) if citation.url else plain("no source recorded")


def _citations_section(assessment: Assessment) -> Section:
    rows = tuple(
        (
            (Span(c.id, "code"),),
            plain(c.instrument),
            plain(c.provision),
            plain(c.version),
            plain(day(c.in_force_from)),
            _verification_cell(c),
            _source_cell(c),
        )
        for c in assessment.citations
    )
    table = Table(
        "Every rule the memo relies on, with the status of its source",
        ("Id", "Instrument", "Provision", "Version", "In force from", "Verification", "Source"),
        rows,
        css_class="citations",
    )
    return Section("citations", "Rules cited", (table,))


def _appendix_section(assessment: Assessment, summary: EnforcementSummary) -> Section:
    title = "Appendix: reasons country by country"
    if not summary.recipients:
        return Section("appendix", title, (Paragraph(plain("No country received it.")),), True)
    table = Table(
        "What each recipient can be expected to do, and why",
        ("Country", "Arrest risk", "Confidence", "Consequence", "Why", "Rules"),
        tuple(
            (
                plain(country(entry.country, assessment.scenario)),
                plain(RISK_WORDS.get(entry.arrest_risk, entry.arrest_risk)),
                plain(confidence_cell(entry)),
                plain(entry.consequence),
                plain(" ".join(entry.reasons)),
                (rules(assessment, entry.citations),),
            )
            for entry in summary.recipients
        ),
    )
    return Section("appendix", title, (table,))


# --- the conclusion first: a one-screen summary (the Markdown and HTML memos open with it) --


def _countries_at_risk(assessment: Assessment) -> Text:
    """The countries where an arrest is a high or medium risk, the riskiest first."""
    by_risk: dict[str, list[str]] = {}
    for entry in assessment.enforcement:
        if entry.arrest_risk in ("high", "medium"):
            name = country(entry.country, assessment.scenario)
            by_risk.setdefault(entry.arrest_risk, []).append(name)
    if not by_risk:
        return plain("none with a high or medium arrest risk on these facts.")
    text: Text = ()
    for risk in ARREST_RISKS:
        names = sorted(by_risk.get(risk, ()))
        if not names:
            continue
        shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
        many = f"in {len(names)} countries" if len(names) > 1 else "in 1 country"
        text += (Span("; " if text else ""), Span(f"{risk} risk", "strong"), Span(f" {many}: "))
        text += (Span(shown),)
    return (*text, Span(" (the table below gives each country and why)."))


def _next_deadline(assessment: Assessment) -> Text:
    """The first deadline of the CCF route still ahead on the day assessed."""
    ahead = sorted(
        (step for step in assessment.route if step.deadline and step.deadline >= assessment.as_of),
        key=lambda step: step.deadline or assessment.as_of,
    )
    if not ahead:
        return plain("none ahead on the day assessed (the route below gives every date).")
    step = ahead[0]
    when = step.deadline.isoformat() if step.deadline else ""
    estimated = " (estimated)" if step.estimated else ""
    return (Span(when, "deadline"), Span(f"{estimated}: {words(step.step)}."))


def summary_section(assessment: Assessment) -> Section:
    """The memo's conclusion on one screen: the likely outcome with its likelihood, the
    countries at risk and the next deadline (the sections after it give the reasons).

    Example:
        >>> import diffusion_scenarios as ds
        >>> section = summary_section(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]))
        >>> [label for label, _ in section.blocks[1].items]
        ['Likely outcome', 'How likely', 'Countries at risk', 'Next deadline']
    """
    outcome = assessment.outcome
    key = outcome.prediction_key
    headline = OUTCOME_HEADLINES.get(key, words(key))
    lead: Text = (Span(outcome.summary, "strong"),) if outcome.summary else plain(headline)
    items: list[tuple[str, Text]] = [("Likely outcome", plain(headline))]
    if outcome.likelihood:
        sure = confidence_words(outcome)
        items.append(
            ("How likely", plain(f"{likelihood_words(outcome)}" + (f" ({sure})" if sure else "")))
        )
    items.append(("Countries at risk", _countries_at_risk(assessment)))
    items.append(("Next deadline", _next_deadline(assessment)))
    blocks: tuple[Block, ...] = (Paragraph(lead, role="outcome"), Fields(tuple(items)))
    note = assumed_note(assessment.scenario)  # issue 25 point 7: said on the first screen
    if note is not None:
        blocks += (Paragraph(plain(note), "note"),)
    return Section("summary", "In short", blocks)


def memo_content(assessment: Assessment) -> Memo:
    """The memo as a structured document, in the order the Markdown and HTML memos show it.

    Example:
        >>> import diffusion_scenarios as ds
        >>> memo = memo_content(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]))
        >>> [section.anchor for section in memo.sections][:3]
        ['summary', 'facts', 'issuance']
    """
    summary = enforcement_summary(assessment)
    return Memo(
        title=assessment.title or assessment.scenario_id,
        scenario_id=assessment.scenario_id,
        as_of=assessment.as_of,
        notice=NOTICE,
        sections=(
            summary_section(assessment),  # the conclusion first, on one screen
            _facts_section(assessment),
            _issuance_section(assessment, assessment.issuance),
            _circulation_section(assessment, assessment.circulation),
            _enforcement_section(assessment, summary),
            _trips_section(assessment),
            _grounds_section(assessment),
            _route_section(assessment),
            _outcome_section(assessment),
            _depends_section(assessment),
            _citations_section(assessment),
            _appendix_section(assessment, summary),
            similar_section(assessment),
            Section("caveats", "Caveats", (_bullets(assessment.caveats),)),
        ),
    )


# --- similar published decisions (draft branch) ------------------------------------------------


def similar_intro() -> str:
    """What the list is, and how far it can be trusted (the leave-one-out figure)."""
    from diffusion_scenarios._engine.similar import cached_leave_one_out

    loo = cached_leave_one_out()
    sentence = (
        "Published CCF decisions ranked by how alike their facts are to this case (kind of "
        "data, offence, grounds and their strength, political indicators, refugee status, "
        "extradition refused, ne bis in idem, cheques, in absentia, the NCB's answer, year); "
        "the outcome plays no part in the ranking. Read each decision at its source before "
        "relying on it."
    )
    if loo.cases:
        sentence += (
            f" Tested on the {loo.cases} decisions encoded in the package, leaving each out "
            f"in turn: the outcome most of its {loo.neighbours} nearest other decisions hold "
            f"matched the CCF's in {loo.agreements} of {loo.cases}; always answering "
            f"'deleted' matches {loo.always_deleted} of {loo.cases}."
        )
    return sentence


def similar_item(decision: SimilarDecision) -> BulletItem:
    """One decision: id, year, outcome and similarity; what is shared, what differs, source."""
    year = f" ({decision.year})" if decision.year is not None else ""
    head: Text = (
        Span(f"{decision.decision_id}{year}", "strong"),
        Span(f": {decision.outcome_words}; similarity {decision.similarity:.2f}"),
        Span(
            "" if decision.encoded else " (known from its published tags only)",
            "muted",
        ),
    )
    children: list[Text] = [
        plain("Shared: " + listing(decision.shared)),
        plain("Differs: " + listing(decision.differing)),
    ]
    if decision.url:
        children.append((Span("Source: "), Span(decision.url, "link")))
    return BulletItem(head, tuple(children))


def similar_section(assessment: Assessment) -> Section:
    """The "Similar published decisions" section, placed just before the caveats."""
    decisions = assessment.similar_decisions
    if not decisions:
        return Section(
            "similar",
            "Similar published decisions",
            (Paragraph(plain("No published decision in the package to compare with.")),),
            placeholder=True,
        )
    return Section(
        "similar",
        "Similar published decisions",
        (
            Paragraph(plain(similar_intro()), "note"),
            Bullets(tuple(similar_item(d) for d in decisions)),
        ),
    )


# --- the long form (the Word memo) ------------------------------------------------------------
# The memo a lawyer edits and sends: the outcome first with the chance of each decision, how
# sure the model is in each country and on what it rests, the steps a deletion does not end
# apart from the route, the members that did not receive the request by name.

#: The route steps that say what a deletion leaves in place; the long form shows them apart.
AFTER_DELETION_STEPS = ("domestic_case_continues", "bilateral_extradition_possible")


def _rules_line(assessment: Assessment, rule_ids: Iterable[str]) -> Paragraph:
    return Paragraph((Span("Rules: ", "strong"), rules(assessment, rule_ids)))


def _percent(probability: float) -> str:
    return f"{round(probability * 100)}%"


def _hinge(hinge: Hinge) -> BulletItem:
    condition = hinge.condition.strip() or f"depending on {words(hinge.field)}"
    leads = OUTCOME_BRACKETED.get(hinge.leads_to, words(hinge.leads_to))
    text: Text = (Span(condition[:1].upper() + condition[1:]), Span(f": most likely {leads}."))
    if hinge.field:
        text += (Span(" Fact: "), Span(hinge.field, "code"), Span("."))
    return BulletItem(text)


def _long_outcome_section(assessment: Assessment) -> Section:
    outcome = assessment.outcome
    blocks: list[Block] = []
    if outcome.summary:
        blocks.append(Paragraph((Span(outcome.summary, "strong"),), role="summary"))
    if outcome.prediction is None:
        text = (
            f"No prediction: nothing was on file on {assessment.as_of.isoformat()}, the day "
            "assessed, so there is no decision of the CCF to foresee."
        )
        blocks.append(Paragraph((Span(text, "strong"),)))
    else:
        key = outcome.prediction
        headline = OUTCOME_HEADLINES.get(key, words(key))
        blocks.append(Paragraph((Span(headline, "strong"), Span(f" ({key})."))))
    if outcome.likelihood:
        blocks.append(Paragraph(plain("How likely each outcome is on these facts:")))
        chances = (
            f"{OUTCOME_BRACKETED.get(name, words(name)).capitalize()}: about {_percent(p)}"
            for name, p in outcome.likelihood
        )
        blocks.append(_bullets(chances))
    if outcome.confidence:
        blocks.append(Fields((("How sure the model is", plain(words(outcome.confidence))),)))
    if outcome.hinges_on:
        blocks.append(Paragraph(plain("What it hinges on (the most decisive first):")))
        blocks.append(Bullets(tuple(_hinge(hinge) for hinge in outcome.hinges_on)))
    if outcome.explanation:
        blocks.append(Paragraph(plain(outcome.explanation)))
    blocks.append(_rules_line(assessment, outcome.citations))
    return Section("outcome", "Likely outcome", tuple(blocks))


def how_sure(entry: EnforcementEntry) -> str:
    """``"medium (a presumption about its region)"``: the confidence and what it rests on."""
    return f"{words(entry.confidence)} ({BASIS_WORDS.get(entry.basis, words(entry.basis))})"


def _long_enforcement_section(assessment: Assessment, summary: EnforcementSummary) -> Section:
    rows = _risk_rows(assessment, summary, short=False)
    requesting = summary.requesting
    blocks: list[Block] = [
        Paragraph(
            plain("The requesting state and the recipients, grouped by arrest risk:"), "note"
        ),
        Table("", ("Role", "Arrest risk", "Countries", "Rules"), rows),
    ]
    if requesting is not None:
        reasons = " ".join(requesting.reasons)
        blocks.append(
            Paragraph(plain(f"In the requesting state: {requesting.consequence} {reasons}"))
        )
        blocks.append(Fields((("How sure the model is there", plain(how_sure(requesting))),)))
    blocks.append(Paragraph(plain(non_recipients_sentence(summary, assessment.as_of))))
    if summary.recipients:
        text = (
            "What each recipient can be expected to do, how sure the model is, and why, is in "
            "the appendix (country by country), with the countries that did not receive it "
            "named below it."
        )
        blocks.append(Paragraph(plain(text)))
    return Section("enforcement", "Arrest risk by country", tuple(blocks))


def _long_route_section(assessment: Assessment) -> Section:
    steps = [step for step in assessment.route if step.step not in AFTER_DELETION_STEPS]
    if not steps:
        text = "No step of a challenge applies on the facts given."
        return Section("route", "The CCF route", (Paragraph(plain(text)),))
    full = _route_section(assessment)
    table = _route_table(assessment, steps)
    note = "Dates marked (estimated) are estimates, not dates fixed by a rule."
    figures = tuple(block for block in full.blocks if isinstance(block, Figure))
    return Section("route", full.title, (table, Paragraph(plain(note), "note"), *figures))


def _after_deletion_section(assessment: Assessment) -> Section:
    steps = [step for step in assessment.route if step.step in AFTER_DELETION_STEPS]
    blocks: list[Block] = []
    for step in steps:
        blocks.append(Heading(words(step.step).capitalize()))
        if step.description:
            blocks.append(Paragraph(plain(step.description)))
        blocks.append(_rules_line(assessment, step.citations))
    return Section("after_deletion", "What deletion does not end", tuple(blocks), not steps)


def _rule_cell(citation: Citation) -> Text:
    """``"Statute of the CCF, Art. 40(1)"`` and, muted, ``" (version, in force from ...)"``."""
    text: Text = (Span(f"{citation.instrument}, {citation.provision}"),)
    version = citation.version
    if citation.in_force_from is not None:
        version = f"{version}, in force from {citation.in_force_from.isoformat()}"
    return (*text, Span(f" ({version})", "muted")) if version else text


def _long_citations_section(assessment: Assessment) -> Section:
    note = (
        "Every rule the memo relies on, with the status of its source. UNVERIFIED rules are "
        "not settled law: check them before relying on them."
    )
    rows = tuple(
        (
            (Span(c.id, "code"),),
            _rule_cell(c),
            _verification_cell(c),
            _source_cell(c),
        )
        for c in assessment.citations
    )
    table = Table("", ("Id", "Rule", "Verification", "Source"), rows)
    return Section("citations", "Rules cited", (Paragraph(plain(note), "note"), table))


def _long_appendix_section(assessment: Assessment, summary: EnforcementSummary) -> Section:
    entries = ([summary.requesting] if summary.requesting is not None else []) + list(
        summary.recipients
    )
    blocks: list[Block] = []
    if not entries:
        blocks.append(Paragraph(plain("No country received it.")))
    else:
        note = (
            "The requesting state first, then every recipient by arrest risk: what it can be "
            "expected to do, how sure the model is (and what that rests on), and why."
        )
        rows = tuple(
            (
                plain(
                    country(entry.country, assessment.scenario)
                    + (" — requesting state" if entry.role == "requesting" else "")
                ),
                plain(RISK_WORDS.get(entry.arrest_risk, entry.arrest_risk)),
                plain(how_sure(entry)),
                plain(" ".join((entry.consequence, *entry.reasons)).strip()),
                (rules(assessment, entry.citations),),
            )
            for entry in entries
        )
        header = ("Country", "Arrest risk", "How sure", "Consequence and why", "Rules")
        blocks += [Paragraph(plain(note), "note"), Table("", header, rows)]
    others = summary.non_recipient_members
    if others:
        blocks += [
            Heading("Member countries that did not receive it"),
            Paragraph(plain(non_recipients_sentence(summary, assessment.as_of))),
            Paragraph(plain(", ".join(country(code) for code in others) + ".")),
        ]
    return Section("appendix", "Appendix: country by country", tuple(blocks))


def long_memo_content(assessment: Assessment) -> Memo:
    """The memo in its long form, the Word memo's: the outcome first; the facts, issuance,
    circulation, trips, grounds, what the answer depends on and the caveats as in
    :func:`memo_content`; the arrest risk, route, rules and appendix in their long form."""
    memo = memo_content(assessment)
    short = {section.anchor: section for section in memo.sections}
    summary = enforcement_summary(assessment)
    return replace(
        memo,
        sections=(
            _long_outcome_section(assessment),
            short["facts"],
            short["issuance"],
            short["circulation"],
            _long_enforcement_section(assessment, summary),
            short["trips"],
            short["grounds"],
            _long_route_section(assessment),
            _after_deletion_section(assessment),
            short["depends"],
            _long_citations_section(assessment),
            _long_appendix_section(assessment, summary),
            short["similar"],
            short["caveats"],
        ),
    )
