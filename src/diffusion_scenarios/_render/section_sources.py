"""What the memo rests on: the rules cited (short and long form) and the similar published
decisions, as sections of the content model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffusion_scenarios._render.document import (
    BulletItem,
    Bullets,
    Paragraph,
    RuleRef,
    Section,
    Span,
    Table,
    Text,
    bullets,
    plain,
)
from diffusion_scenarios._render.plain import (
    day,
    listing,
)

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import (
        Assessment,
        Citation,
    )
    from diffusion_scenarios._engine.similar import SimilarDecision


_SIMILAR = "Similar published decisions"


def verification_cell(citation: Citation) -> Text:
    if citation.verification == "unverified":
        return (Span("UNVERIFIED", "flag"),)
    return plain(citation.verification)


def source_cell(citation: Citation) -> Text:
    return (Span(citation.url, "link"),) if citation.url else plain("no source recorded")


def citations_section(assessment: Assessment) -> Section:
    rows = tuple(
        (
            (Span(c.id, "code"),),
            plain(c.instrument),
            plain(c.provision),
            plain(c.version),
            plain(day(c.in_force_from)),
            verification_cell(c),
            source_cell(c),
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
            _SIMILAR,
            (Paragraph(plain("No published decision in the package to compare with.")),),
            placeholder=True,
        )
    return Section(
        "similar",
        _SIMILAR,
        (
            Paragraph(plain(similar_intro()), "note"),
            Bullets(tuple(similar_item(d) for d in decisions)),
        ),
    )


def _rule_cell(citation: Citation) -> Text:
    """``"Statute of the CCF, Art. 40(1)"`` and, muted, ``" (version, in force from ...)"``."""
    text: Text = (Span(f"{citation.instrument}, {citation.provision}"),)
    version = citation.version
    if citation.in_force_from is not None:
        version = f"{version}, in force from {citation.in_force_from.isoformat()}"
    return (*text, Span(f" ({version})", "muted")) if version else text


def long_citations_section(assessment: Assessment) -> Section:
    note = (
        "Every rule the memo relies on, with the status of its source. UNVERIFIED rules are "
        "not settled law: check them before relying on them."
    )
    rows = tuple(
        (
            (Span(c.id, "code"),),
            _rule_cell(c),
            verification_cell(c),
            source_cell(c),
        )
        for c in assessment.citations
    )
    table = Table("", ("Id", "Rule", "Verification", "Source"), rows)
    return Section("citations", "Rules cited", (Paragraph(plain(note), "note"), table))


def caveats_section(assessment: Assessment) -> Section:
    """The caveats, as the assessment lists them (the memo and the text report end with them)."""
    return Section("caveats", "Caveats", (bullets(assessment.caveats),))


# --- the text report's sections ---------------------------------------------------------------


def text_citations_section(assessment: Assessment) -> Section:
    """Every rule cited, with its source on a line of its own so it can be copied whole."""
    items = []
    for citation in assessment.citations:
        flag = RuleRef(citation.id, citation.verification).status
        text: Text = (
            Span(
                f"[{citation.id}] {citation.instrument}, {citation.provision} — {flag}; "
                f"version {citation.version}." + ("" if citation.url else " No source recorded.")
            ),
        )
        if citation.url:
            text += (Span(citation.url, "link"),)
        items.append(BulletItem(text))
    return Section("citations", "Rules cited", (Bullets(tuple(items)),))


def text_similar_section(assessment: Assessment) -> Section:
    """The published decisions most like the case, with what they share and where they differ."""
    decisions = assessment.similar_decisions
    if not decisions:
        return Section("similar", _SIMILAR, (), placeholder=True)
    items = []
    for d in decisions:
        year = f" ({d.year})" if d.year is not None else ""
        known = "" if d.encoded else " Known from its published tags only."
        children: list[Text] = [
            plain("Shared: " + ("; ".join(d.shared) or "nothing")),
            plain("Differs: " + ("; ".join(d.differing) or "nothing")),
        ]
        if d.url:
            children.append((Span("Source:"), Span(d.url, "link")))
        head = f"{d.decision_id}{year}: {d.outcome_words}; similarity {d.similarity:.2f}.{known}"
        items.append(BulletItem(plain(head), tuple(children)))
    return Section("similar", _SIMILAR, (Paragraph(plain(similar_intro())), Bullets(tuple(items))))
