"""The conclusion: the one-screen summary, the likely outcome (short and long form), the
grounds for deletion or correction and what the answer depends on, as sections of the
content model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffusion_scenarios._engine.grounds.findings import grounds_by_remedy
from diffusion_scenarios._facts.naming import assumed_note
from diffusion_scenarios._law.vocab import ARREST_RISKS
from diffusion_scenarios._render.document import (
    Block,
    BulletItem,
    Bullets,
    Fields,
    Figure,
    GroundItem,
    Heading,
    Paragraph,
    Section,
    Span,
    Text,
    bullets,
    plain,
    rules,
    rules_line,
)
from diffusion_scenarios._render.phrases import (
    confidence_words,
    hinge_words,
    likelihood_words,
    reasons_words,
)
from diffusion_scenarios._render.plain import (
    country,
    words,
)
from diffusion_scenarios._render.wording import (
    OUTCOME_BRACKETED,
    OUTCOME_HEADLINES,
    OUTCOME_SENTENCES,
)

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import (
        Assessment,
        Ground,
        Hinge,
        Outcome,
        Unknown,
    )


def depends_on_parts(item: Unknown) -> tuple[str | None, str]:
    """An unknown's field written apart (if any) and its words, read from its values.

    ``Unknown("", field="case.political_context")`` -> ``("case.political_context",
    "political context")``; ``Unknown("why it matters", field="challenge.urgent")`` ->
    ``("challenge.urgent", "why it matters")``; words naming their own paths are kept as
    written, with no field apart.
    """
    if item.field is None:
        return None, item.words
    return item.field, item.words or words(item.field.rsplit(".", 1)[-1])


_NO_GROUND = "No ground for deletion applies on the facts given."
_NO_GROUND_TEXT = "No ground for deletion applies on these facts."  # the text report's words
CORRECTION_GROUNDS = "Grounds for correcting the record"
DEPENDS_TITLE = "What the answer depends on"


def ground_item(assessment: Assessment, ground: Ground) -> GroundItem:
    return GroundItem(
        name=ground.label or words(ground.id),
        id=ground.id,
        strength=ground.strength,
        rules=rules(assessment, ground.citations),
        reasons=ground.reasons,
    )


def grounds_section(assessment: Assessment) -> Section:
    deletions, corrections = grounds_by_remedy(assessment.grounds)
    blocks: list[Block] = []
    if not deletions:
        blocks.append(Paragraph(plain(_NO_GROUND)))
    blocks += [ground_item(assessment, ground) for ground in deletions]
    if corrections:
        blocks.append(Heading(CORRECTION_GROUNDS, level=2, anchor="correction-grounds"))
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


# --- the likely outcome: the sentences the memo and the text report share ---------------------

HINGES_LEAD = "What it hinges on:"


def _how_likely_lines(outcome: Outcome) -> list[str]:
    """The likelihood of each outcome and how sure the model is, each a sentence (when given)."""
    lines = []
    if outcome.likelihood:
        lines.append(f"Likelihood on these facts: {likelihood_words(outcome)}.")
    if outcome.confidence:
        lines.append(f"How sure the model is: {confidence_words(outcome)}.")
    return lines


def _hinge_lines(outcome: Outcome) -> tuple[Text, ...]:
    """Each fact the outcome hinges on, a sentence each."""
    return tuple(plain(f"{hinge_words(h)}.") for h in outcome.hinges_on)


def outcome_section(assessment: Assessment) -> Section:
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
    details = [BulletItem(plain(line)) for line in _how_likely_lines(outcome)]
    if outcome.hinges_on:
        details.append(BulletItem(plain(HINGES_LEAD), _hinge_lines(outcome)))
    if details:
        blocks.append(Bullets(tuple(details)))
    blocks.append(Paragraph(plain(reasons_words(outcome))))
    blocks.append(Paragraph((Span("Rules: "), rules(assessment, outcome.citations))))
    return Section("outcome", "Likely outcome", tuple(blocks))


def depends_section(assessment: Assessment) -> Section:
    title = DEPENDS_TITLE
    if not assessment.depends_on:
        text = "Nothing left open: the facts given settle the points the model weighs."
        return Section("depends", title, (Paragraph(plain(text)),))
    items: list[BulletItem] = []
    for item in assessment.unknowns:
        path, text = depends_on_parts(item)
        spans: Text = (Span(text),)
        if path:
            spans += (Span(" ("), Span(path, "code"), Span(")"))
        items.append(BulletItem(spans))
    return Section("depends", title, (Bullets(tuple(items)),))


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


def _percent(probability: float) -> str:
    return f"{round(probability * 100)}%"


def _hinge(hinge: Hinge) -> BulletItem:
    condition = hinge.condition.strip() or f"depending on {words(hinge.field)}"
    leads = OUTCOME_BRACKETED.get(hinge.leads_to, words(hinge.leads_to))
    text: Text = (Span(condition[:1].upper() + condition[1:]), Span(f": most likely {leads}."))
    if hinge.field:
        text += (Span(" Fact: "), Span(hinge.field, "code"), Span("."))
    return BulletItem(text)


def long_outcome_section(assessment: Assessment) -> Section:
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
        blocks.append(bullets(chances))
    if outcome.confidence:
        blocks.append(Fields((("How sure the model is", plain(words(outcome.confidence))),)))
    if outcome.hinges_on:
        blocks.append(Paragraph(plain("What it hinges on (the most decisive first):")))
        blocks.append(Bullets(tuple(_hinge(hinge) for hinge in outcome.hinges_on)))
    if outcome.explanation:
        blocks.append(Paragraph(plain(outcome.explanation)))
    blocks.append(rules_line(assessment, outcome.citations))
    return Section("outcome", "Likely outcome", tuple(blocks))


# --- the text report's sections ---------------------------------------------------------------
# The plain-text report says the same things in its own order and words: the outcome first,
# with the request it answers; the grounds as a list; what the answer depends on as written.


def text_outcome_section(assessment: Assessment) -> Section:
    """The likely outcome, first: the prediction, how likely and sure, what it hinges on."""
    outcome = assessment.outcome
    prediction = OUTCOME_SENTENCES.get(outcome.prediction_key, outcome.prediction_key)
    challenge = assessment.scenario.challenge if assessment.scenario is not None else None
    revision = challenge is not None and "revision" in challenge.requests
    request = "revision" if revision else "deletion"
    blocks: list[Block] = [Paragraph(plain(f"On a request for {request}: {prediction}."))]
    if outcome.summary:
        blocks.append(Paragraph(plain(outcome.summary)))
    blocks += [Paragraph(plain(line)) for line in _how_likely_lines(outcome)]
    if outcome.hinges_on:
        blocks.append(Paragraph(plain(HINGES_LEAD)))
        blocks.append(Bullets(tuple(BulletItem(line) for line in _hinge_lines(outcome)), 2))
    blocks.append(Paragraph(plain(reasons_words(outcome))))
    if outcome.citations:
        blocks.append(Paragraph((rules(assessment, outcome.citations),)))
    return Section("outcome", "Likely CCF outcome", tuple(blocks))


def text_grounds_sections(assessment: Assessment) -> tuple[Section, ...]:
    """Grounds by the remedy they call for: deletion, or correction of the record."""
    deletions, corrections = grounds_by_remedy(assessment.grounds)
    blocks: list[Block] = [ground_item(assessment, ground) for ground in deletions]
    sections = [
        Section(
            "grounds", "Grounds for deletion", tuple(blocks or [Paragraph(plain(_NO_GROUND_TEXT))])
        )
    ]
    if corrections:
        items = tuple(ground_item(assessment, ground) for ground in corrections)
        sections.append(Section("correction-grounds", CORRECTION_GROUNDS, items))
    return tuple(sections)


def text_depends_sections(assessment: Assessment) -> tuple[Section, ...]:
    """What the answer depends on and the defaults used, as the engine wrote them."""
    sections = []
    if assessment.depends_on:
        sections.append(Section("depends", DEPENDS_TITLE, (bullets(assessment.depends_on),)))
    if assessment.defaults_used:
        sections.append(Section("defaults", "Defaults used", (bullets(assessment.defaults_used),)))
    return tuple(sections)


# --- the explorer's panel ---------------------------------------------------------------------


def panel_depends_blocks(assessment: Assessment) -> tuple[Block, ...]:
    """The facts not given that would change the answer, as the engine wrote them."""
    if not assessment.depends_on:
        return ()
    lead = (Span("The answer would change with facts not given:", "strong"),)
    return (Paragraph(lead, "intro"), bullets(assessment.depends_on))


def panel_grounds_section(assessment: Assessment) -> Section:
    """Each ground with its strength, reasons and rules, in the order the engine found them;
    then what the answer depends on."""
    blocks: tuple[Block, ...] = tuple(ground_item(assessment, g) for g in assessment.grounds)
    if not blocks:
        blocks = (Paragraph(plain(_NO_GROUND_TEXT), "empty"),)
    return Section("grounds", "Grounds for deletion", blocks + panel_depends_blocks(assessment))
