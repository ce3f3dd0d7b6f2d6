"""The case as it stands: the facts as given, how the request was issued and where it
circulated, as sections of the content model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffusion_scenarios._engine.stage import long_date
from diffusion_scenarios._facts.naming import country_shown
from diffusion_scenarios._facts.scenario import assumed_facts
from diffusion_scenarios._render.document import (
    Block,
    BulletItem,
    Bullets,
    FactGroup,
    Fields,
    Figure,
    Heading,
    Paragraph,
    Section,
    Span,
    bullets,
    plain,
    rules,
)
from diffusion_scenarios._render.facts_given import assumed_words, facts_as_given
from diffusion_scenarios._render.plain import (
    country,
    day,
    kind_words,
    words,
    yes_no,
)
from diffusion_scenarios._render.wording import SCREENING_SHORT_WORDS, SCREENING_WORDS

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import (
        Assessment,
        Circulation,
        Issuance,
    )


def requesting_state(assessment: Assessment) -> str:
    """The requesting state's name, as the assessment records it."""
    code = assessment.requesting_country
    return country(code, assessment.scenario) if code is not None else "an unknown state"


_NOT_ASSUMED = (
    "The model did not assume these; where they matter, the result says what it depends on."
)


def facts_section(assessment: Assessment) -> Section:
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
        blocks.append(bullets(f"{fact.group}: {fact.label}" for fact in unknown))
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


def issuance_section(assessment: Assessment, issuance: Issuance) -> Section:
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
    return Section("issuance", "How the request was issued", (fields, bullets(issuance.reasons)))


def circulation_section(assessment: Assessment, circulation: Circulation) -> Section:
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
        "circulation", "Where it circulated", (fields, bullets(circulation.reasons), figure)
    )


# --- the text report's sections ---------------------------------------------------------------


def text_lead_section(assessment: Assessment) -> Section:
    """The facts the file marks assumed, each said to be assumed (evidence: assumed), under
    the title of the text report."""
    scenario = assessment.scenario
    if scenario is None:
        return Section("lead", "", ())
    lines = []
    for path in assumed_facts(scenario):
        if path == "notice.requesting_country":
            named = country_shown(None, scenario.notice.requesting_country)
            shown = assumed_words(scenario, path, named)
            text = f"Requesting state: {shown}; the source does not name it."
        else:
            text = f"Assumed for the model, not given by the source: {path}."
        lines.append(Paragraph(plain(text), "lead"))
    return Section("lead", "", tuple(lines))


def text_issuance_section(assessment: Assessment) -> Section:
    issuance = assessment.issuance
    kind = kind_words(assessment).capitalize()
    screening = SCREENING_SHORT_WORDS.get(issuance.screening, issuance.screening)
    if issuance.circulated_on:
        sent = f"circulated {long_date(issuance.circulated_on)}"
    else:
        sent = "nothing circulated"
    after = "; checked only after circulation" if issuance.review_after_circulation else ""
    text = (Span(f"{kind}: {screening}; {sent}{after}. "), rules(assessment, issuance.citations))
    return Section("issuance", "How it was issued", (Paragraph(text), bullets(issuance.reasons)))


def text_circulation_section(assessment: Assessment) -> Section:
    circulation = assessment.circulation
    span = ""
    if circulation.active_from is not None:
        span = f"; on file from {long_date(circulation.active_from)}"
        if circulation.active_until:
            span += f" until {long_date(circulation.active_until)}"
    public = "public extract on INTERPOL website" if circulation.public else "not public"
    text = (
        Span(f"{circulation.recipient_count} recipient countries; {public}{span}. "),
        rules(assessment, circulation.citations),
    )
    blocks = (Paragraph(text), bullets(circulation.reasons))
    return Section("circulation", "Where it circulated", blocks)


# --- the explorer's panels --------------------------------------------------------------------


def panel_issuance_section(assessment: Assessment) -> Section:
    """How the request entered INTERPOL's system: screened before publication or not."""
    issuance = assessment.issuance
    screened = (
        "reviewed by the General Secretariat before publication"
        if issuance.pre_screened
        else "sent directly by the NCB, without review before it reached the recipients"
    )
    fields = Fields(
        (
            ("Kind", plain(kind_words(assessment))),
            ("Screening", plain(f"{words(issuance.screening)} ({screened})")),
            ("Circulated on", plain(day(issuance.circulated_on))),
            ("Reviewed after circulation", plain(yes_no(issuance.review_after_circulation))),
        )
    )
    cited = Paragraph((rules(assessment, issuance.citations),))
    return Section("issuance", "Issuance", (fields, bullets(issuance.reasons), cited))


def panel_circulation_section(assessment: Assessment) -> Section:
    """Who received the request and whether it is public."""
    circulation = assessment.circulation
    count = circulation.recipient_count
    active = ""
    if circulation.active_from is not None or circulation.active_until is not None:
        until = day(circulation.active_until) if circulation.active_until else "now"
        active = f" On INTERPOL's files from {day(circulation.active_from)} until {until}."
    public = (
        "An extract is public on INTERPOL's website."
        if circulation.public
        else "Not public: only law enforcement sees it."
    )
    text = (
        Span("Received by "),
        Span(str(count), "strong"),
        Span(f" member {'country' if count == 1 else 'countries'}. {public}{active}"),
    )
    cited = Paragraph((rules(assessment, circulation.citations),))
    return Section(
        "circulation", "Circulation", (Paragraph(text), bullets(circulation.reasons), cited)
    )
