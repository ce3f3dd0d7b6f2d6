"""A training draft of a request to the CCF, built from one assessment.

:func:`draft_content` turns an :class:`~diffusion_scenarios.Assessment` and the kind of
request (``access``, ``deletion``, ``correction``, ``provisional_measures``, ``revision``)
into a structured :class:`Draft`; :func:`render_markdown` and
:mod:`diffusion_scenarios._render.draft_word` render it. Nothing here decides the law: the
grounds, their strength, rules and reasons are the assessment's; the precedents are its
similar decisions (``_engine/similar.py``).

The structure follows what the legal brief shows of the CCF's requirements: standing and
representation (Statute Art 29, the admissibility requirements), the data concerned, what
is asked, the facts in numbered paragraphs, each ground in its own section (Article 3 first
when it is argued, then the strongest), the urgency for provisional measures (Art 37), the
new fact and its discovery for a revision (Art 42; since March 2026 a two-page summary goes
first), the documents to attach per ground, and the deadlines that follow from filing
(Arts 32 and 40). Where the facts are silent the draft writes ``[what to fill in]``.

Which requests fit the facts (:func:`check_request`):

* ``revision`` needs an earlier CCF decision (``case.prior_ccf_decision``) that kept the
  data: refused otherwise, since only a decision can be revised and a deletion leaves the
  applicant nothing to revise;
* ``correction``, ``deletion`` and ``provisional_measures`` need data on file: refused when
  the data never circulated, the day is before their issue date, or an earlier CCF decision
  already had them deleted;
* ``provisional_measures`` is **allowed with a warning** when the facts show nothing urgent:
  Article 37 sets no test (brief, section 12.2), so refusing would invent one; the urgency
  section is then left in brackets for the lawyer;
* ``access`` always fits (it asks whether data exist and need not give reasons).
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from diffusion_scenarios._base.fast_dataclass import dataclass, field
from diffusion_scenarios._engine.stage import add_months, long_date
from diffusion_scenarios._law.vocab import GROUND_LABELS
from diffusion_scenarios._render.draft_facts import fact_paragraphs
from diffusion_scenarios._render.draft_fit import (
    REQUESTS,
    check_request,
    suggested_request,
    urgent_facts,
)
from diffusion_scenarios._render.draft_grounds import (
    ALWAYS_ATTACHED,
    DOCUMENT_KINDS,
    argued_grounds,
    document_kinds,
    documents_for,
)
from diffusion_scenarios._render.draft_markdown import render_markdown
from diffusion_scenarios._render.draft_words import (
    LIMITS_RULE,
    TRAINING,
    applies,
    cite,
    clean,
    draft_country,
    limit,
    or_blank,
    rule_text,
)
from diffusion_scenarios._render.wording import KIND_WORDS
from diffusion_scenarios.errors import DiffusionScenariosError

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment, Ground

__all__ = [
    "ALWAYS_ATTACHED",
    "DOCUMENT_KINDS",
    "REQUESTS",
    "TRAINING",
    "Block",
    "Draft",
    "DraftRefusedError",
    "argued_grounds",
    "check_request",
    "document_kinds",
    "draft_content",
    "render_markdown",
    "suggested_request",
]

Date = _dt.date



_REQUEST_TITLES = {
    "access": "Request for access to data",
    "deletion": "Request for the deletion of data",
    "correction": "Request for the correction of data",
    "provisional_measures": "Request for provisional measures and for the deletion of data",
    "revision": "Application for revision of a decision",
}

# Words a page of arguments holds (A4, 10.5 pt, as the Word draft sets it), and a page of
# the revision summary.
_WORDS_PER_PAGE = 500
_REVISION_SUMMARY_PAGES = 2
_PORTAL_RULE = "ccf-filing-portal-only"
_POST_RULE = "ccf-filing-post-or-email"


class DraftRefusedError(DiffusionScenariosError):
    """The request does not fit the facts (one line: the request, the fact, the reason)."""


# --------------------------------------------------------------------------- the document


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the draft. ``kind``: ``heading`` (``level`` 1 or 2), ``numbered`` (a
    numbered paragraph), ``para``, ``bullet``, ``warning``, ``note`` or ``figure``
    (``text`` names the picture: ``route_timeline``)."""

    kind: str
    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft request: title, blocks in order, the documents to attach and the warnings."""

    title: str
    request: str
    scenario_id: str
    as_of: Date
    blocks: tuple[Block, ...]
    documents: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    argument_words: int = 0
    page_limit: int | None = None
    appendix_limit: int | None = None
    argued: tuple[str, ...] = field(default=())  # ground ids argued, in order


# --------------------------------------------------------------------------- fitting


# --------------------------------------------------------------------------- words


# --------------------------------------------------------------------------- grounds


# --------------------------------------------------------------------------- facts


# --------------------------------------------------------------------------- the draft


def draft_content(
    assessment: Assessment,
    request: str,
    *,
    new_fact: str | None = None,
    discovered_on: Date | None = None,
) -> Draft:
    """The draft of ``request`` for the facts and findings of ``assessment``.

    Raises:
        DraftRefusedError: the request does not fit the facts (see :func:`check_request`).
    """
    problem = check_request(assessment, request)
    if problem is not None:
        raise DraftRefusedError(problem)
    day = assessment.as_of
    scenario = assessment.scenario
    challenge = scenario.challenge if scenario is not None else None
    if discovered_on is None and challenge is not None:
        # the scenario's own fact (challenge.new_fact_discovered_on) unless the caller gives one
        discovered_on = challenge.new_fact_discovered_on
    filed = challenge.filed_on if challenge is not None and challenge.filed_on else None
    filing_day = filed if filed is not None and filed >= day else day
    blocks: list[Block] = []
    warnings: list[str] = []
    add = blocks.append
    kind = KIND_WORDS.get(assessment.issuance.kind, assessment.issuance.kind)
    requesting = draft_country(assessment.requesting_country, assessment.scenario)

    # Filing channel and limits.
    if applies(_PORTAL_RULE, filing_day):
        add(
            Block(
                "note",
                (
                    "How to file: since 26 March 2026 requests, revision applications included, go "
                    "to the CCF only through its online portal; e-mail and post are refused unless "
                    "the CCF finds exceptional circumstances. The brief this package follows "
                    "does not show the portal's fields: copy each part of this draft into the "
                    "field that fits. " + rule_text(_PORTAL_RULE, filing_day, "")
                ),
            )
        )
    else:
        add(
            Block(
                "note",
                (
                    f"How to file on {long_date(filing_day)}: by the CCF's application form, "
                    "sent by "
                    "post or e-mail (the online portal became the only channel on 26 March 2026). "
                    + rule_text(_POST_RULE, filing_day, "")
                ),
            )
        )
    page_limit = limit("pages", filing_day)
    appendix_limit = limit("appendices", filing_day)

    # 1. Applicant and standing.
    add(Block("heading", "Applicant and standing"))
    person = scenario.person if scenario is not None else None
    nat = ", ".join(draft_country(n, scenario) for n in person.nationalities) if person else ""
    add(
        Block(
            "numbered",
            (
                f"The applicant, [full name], born on [date of birth], national of "
                f"{or_blank(nat, 'nationality')}, makes this request about data concerning them in "
                "INTERPOL's Information System, as any person may. "
                + rule_text("ccf-statute-29-standing", day, "Statute of the CCF, Art. 29")
            ),
        )
    )
    add(
        Block(
            "numbered",
            (
                "The request is written in [English / French / Spanish / Arabic], one of the CCF's "
                "working languages, and signed by the applicant or the representative; an "
                "unredacted identity document is attached. "
                + rule_text(
                    "ccf-admissibility-requirements", day, "CCF admissibility requirements"
                )
            ),
        )
    )

    # 2. Representative.
    add(Block("heading", "Representative and power of attorney"))
    add(
        Block(
            "numbered",
            (
                "The applicant is represented by [name, profession, address, e-mail], acting under "
                "the signed power of attorney attached. [Delete this paragraph if the applicant "
                "files in person. For a minor: proof of the relationship and the minor's identity "
                "document.] INTERPOL gives no legal aid."
            ),
        )
    )

    # 3. The data concerned.
    add(Block("heading", "The data concerned"))
    issued = (
        scenario.notice.issued_on if scenario is not None else assessment.circulation.active_from
    )
    add(
        Block(
            "numbered",
            (
                f"A {kind} recorded at the request of the National Central Bureau of {requesting}"
                + (f", issued on {long_date(issued)}" if issued else ", issued on [date]")
                + ", reference [INTERPOL reference, if known]"
                + (
                    "; an extract is public on INTERPOL's website."
                    if assessment.circulation.public
                    else "."
                )
            ),
        )
    )

    # 4. What is requested.
    add(Block("heading", "What is requested"))
    add(Block("numbered", _asked(request, assessment)))

    summary_words = 0
    if request == "revision":
        first_block = len(blocks)
        summary_first = applies("ccf-operating-rules-2026-revision", filing_day)
        add(
            Block(
                "heading",
                "The new fact (summary of at most two pages, filed first)"
                if summary_first
                else "The new fact",
            )
        )
        prior = scenario.case.prior_ccf_decision if scenario is not None else None
        when = long_date(prior.date) if prior is not None and prior.date else "[date]"
        add(
            Block(
                "numbered",
                (
                    f"The decision of the Requests Chamber of {when} [reference] is challenged on "
                    "the discovery of a new fact that could have led to a different decision had "
                    "it been "
                    "known when the request was examined."
                ),
            )
        )
        add(
            Block(
                "numbered",
                "The new fact: "
                + (new_fact or "[describe the new fact and the document that proves it]")
                + ".",
            )
        )
        if discovered_on is not None:
            limit_day = add_months(discovered_on, 6)
            add(
                Block(
                    "numbered",
                    (
                        f"It was discovered on {long_date(discovered_on)}; this application is "
                        f"filed within six months of that day (by {long_date(limit_day)})."
                    ),
                )
            )
            if filing_day > limit_day:
                warnings.append(
                    f"revision: filed on {filing_day.isoformat()}, more than six months after "
                    f"the discovery ({discovered_on.isoformat()}): out of time"
                )
        else:
            add(
                Block(
                    "numbered",
                    (
                        "It was discovered on [date of discovery]; the application must be filed "
                        "within six months of that day."
                    ),
                )
            )
        add(
            Block(
                "numbered",
                (
                    (
                        "Since March 2026 the summary of the new fact goes in first, through "
                        "the portal; the full argument follows only if the CCF asks for it. "
                        if summary_first
                        else "The application sets out the new fact and the full argument. "
                    )
                    + rule_text("ccf-statute-42-revision", day, "Statute of the CCF, Art. 42")
                    + (
                        "; "
                        + rule_text(
                            "ccf-operating-rules-2026-revision",
                            day,
                            "CCF Operating Rules (2026)",
                        )
                        if summary_first
                        else ""
                    )
                ),
            )
        )
        summary_words = sum(len(b.text.split()) for b in blocks[first_block:])
        if summary_first:
            add(
                Block(
                    "note",
                    "The full argument below (facts and grounds) is sent only if the CCF "
                    "asks for it.",
                )
            )

    # 5. Facts.
    add(Block("heading", "The facts"))
    facts = [clean(f) for f in fact_paragraphs(assessment)]
    for fact in facts:
        add(Block("numbered", fact))
    argument_words = sum(len(f.split()) for f in facts)

    # Urgency or new fact.
    if request == "provisional_measures":
        add(Block("heading", "Why it is urgent"))
        urgent = urgent_facts(assessment)
        if urgent:
            for item in urgent:
                add(Block("numbered", f"Urgency: {item}."))
        else:
            warnings.append(
                "provisional measures: the facts show nothing urgent (no trip ahead, no "
                "pending extradition); the urgency is left in brackets"
            )
            add(
                Block(
                    "numbered",
                    "[The imminent harm, with its date: the trip, the "
                    "extradition hearing or the detention that makes it urgent.]",
                )
            )
        add(
            Block(
                "numbered",
                (
                    "The Requests Chamber may decide provisional measures at any time; the Statute "
                    "names no test, and in practice they are granted in urgent situations such as "
                    "imminent extradition or detention on INTERPOL's data. "
                    + rule_text(
                        "ccf-statute-37-provisional-measures", day, "Statute of the CCF, Art. 37"
                    )
                ),
            )
        )
    # Grounds.
    grounds = argued_grounds(assessment)
    documents: list[str] = [DOCUMENT_KINDS[k] for k in ALWAYS_ATTACHED]
    if request == "access":
        add(Block("heading", "Reasons"))
        add(
            Block(
                "numbered",
                (
                    "An access request need not give reasons. [Once the data are known, the "
                    "grounds the facts suggest are: "
                    + (", ".join(GROUND_LABELS.get(g.id, g.label) for g in grounds) or "none yet")
                    + ".]"
                ),
            )
        )
    else:
        add(Block("heading", "Grounds"))
        if not grounds:
            add(
                Block(
                    "numbered",
                    "[The facts give no ground found strong or arguable: state "
                    "the reasons the data do not comply with INTERPOL's rules.]",
                )
            )
        for ground in grounds:
            words = _ground_section(assessment, ground, blocks)
            argument_words += words
            numbers = []
            for doc in documents_for(ground, scenario):
                if doc not in documents:
                    documents.append(doc)
                numbers.append(str(documents.index(doc) + 1))
            add(Block("para", "Documents for this ground: appendix " + ", ".join(numbers) + "."))
        weak = [g for g in assessment.grounds if g.strength == "weak"]
        if weak:
            add(
                Block(
                    "note",
                    "Left out as weak on these facts (argue them only with more "
                    "evidence): " + "; ".join(GROUND_LABELS.get(g.id, g.label) for g in weak) + ".",
                )
            )
    documents.append(DOCUMENT_KINDS["translations"])

    # Documents.
    add(Block("heading", "Documents attached"))
    for number, doc in enumerate(documents, start=1):
        add(Block("bullet", f"Appendix {number}: {doc}"))

    # Deadlines.
    add(Block("heading", "Deadlines that follow from filing"))
    for line in _deadlines(request, filing_day, filed == filing_day):
        add(Block("bullet", line))
    add(Block("figure", "route_timeline"))

    add(Block("heading", "Signature"))
    add(Block("para", "[Place], [date]. [Signature of the applicant or of the representative]"))

    # Limits.
    pages = argument_words / _WORDS_PER_PAGE
    if request == "revision" and page_limit is not None:
        if summary_words > _REVISION_SUMMARY_PAGES * _WORDS_PER_PAGE:
            warnings.append(
                f"revision: the summary of the new fact runs to about "
                f"{summary_words / _WORDS_PER_PAGE:.1f} pages; the portal takes a two-page "
                "summary first"
            )
    elif page_limit is not None and pages > page_limit:
        warnings.append(
            f"the arguments run to about {pages:.1f} pages, over the limit of {page_limit}: "
            "shorten them"
        )
    if appendix_limit is not None and len(documents) > appendix_limit:
        warnings.append(
            f"{len(documents)} appendices, over the limit of {appendix_limit}: merge some"
        )
    if page_limit is not None:
        limits = (
            f"Limits on the day of filing: at most {page_limit} pages of arguments and "
            f"{appendix_limit} appendices (conditions of admissibility). This draft: about "
            f"{pages:.1f} pages of facts and arguments, {len(documents)} appendices. "
            + rule_text(LIMITS_RULE, filing_day, "")
        )
        blocks.insert(1, Block("note", limits))

    title = _REQUEST_TITLES[request]
    return Draft(
        title=title,
        request=request,
        scenario_id=assessment.scenario_id,
        as_of=day,
        blocks=tuple(blocks),
        documents=tuple(documents),
        warnings=tuple(warnings),
        argument_words=argument_words,
        page_limit=page_limit,
        appendix_limit=appendix_limit,
        argued=tuple(g.id for g in grounds) if request != "access" else (),
    )


def _asked(request: str, assessment: Assessment) -> str:
    if request == "access":
        return (
            "The applicant asks to know whether INTERPOL's Information System holds data "
            "about them and, if so, what they contain."
        )
    if request == "correction":
        return (
            "The applicant asks the Commission to find that the data do not comply with "
            "INTERPOL's rules as recorded and to have them corrected or completed as set out "
            "below, and the members that received them informed."
        )
    if request == "revision":
        return (
            "The applicant asks the Requests Chamber to revise its earlier decision on the "
            "discovery of a new fact and to find the data not compliant, so that they are "
            "deleted."
        )
    base = (
        "The applicant asks the Commission to find that the data do not comply with "
        "INTERPOL's rules and to have them deleted, and the members that received them "
        "informed so that they update their own records."
    )
    if request == "provisional_measures":
        base = (
            "As a provisional measure, pending the decision, the applicant asks that access "
            "to the data be blocked"
            + (" and the public extract removed" if assessment.circulation.public else "")
            + ", and that the request be examined with priority. "
            + base
        )
    return base


def _ground_section(assessment: Assessment, ground: Ground, blocks: list[Block]) -> int:
    """One ground: its rule and citation, the reasons, the precedents. Returns its words."""
    from diffusion_scenarios._engine.similar import supporting

    label = GROUND_LABELS.get(ground.id, ground.label or ground.id)
    blocks.append(Block("heading", label, 2))
    blocks.append(
        Block(
            "note",
            f"[Training note, delete before filing: the model finds this ground "
            f"{ground.strength} on these facts.]",
        )
    )
    words = 0
    for reason in ground.reasons:
        text = clean(reason)
        blocks.append(Block("numbered", text))
        words += len(text.split())
    cited = []
    for rule_id in ground.citations:
        try:
            cited.append(cite(assessment.citation(rule_id)))
        except KeyError:
            continue
    if cited:
        text = "The rule: " + "; ".join(dict.fromkeys(cited)) + "."
        blocks.append(Block("numbered", text))
        words += len(text.split())
    scenario = assessment.scenario
    precedents = (
        supporting(scenario, assessment.grounds, assessment.as_of, ground.id)
        if scenario is not None
        else ()
    )
    if precedents:
        items = "; ".join(
            f"{d.decision_id}{f' ({d.year})' if d.year else ''}, data deleted, "
            f"similarity {d.similarity:.2f} <{d.url}>"
            for d in precedents
        )
        text = f"Published decisions in point: {items}."
    else:
        text = (
            "[No published decision in the package shows this ground ending in deletion: "
            "search the CCF's published decision excerpts.]"
        )
    blocks.append(Block("numbered", text))
    return words + len(text.split())


def _deadlines(request: str, filing_day: Date, filed: bool) -> list[str]:
    when = long_date(filing_day) if filed else f"[date of filing; {long_date(filing_day)} assumed]"
    admissible_by = add_months(filing_day, 1)
    months = 4 if request == "access" else 9
    lines = [
        f"Filed on {when}.",
        f"The CCF says whether the request is admissible within one month of receipt: by "
        f"{long_date(admissible_by)}. "
        + rule_text("ccf-admissibility-timing", filing_day, "Statute of the CCF, Art. 32(1)"),
        f"It decides within {months} months of admissibility: by about "
        f"{long_date(add_months(admissible_by, months))} if admissible on the last day. "
        + rule_text(
            "ccf-statute-40-access" if request == "access" else "ccf-statute-40-deletion",
            filing_day,
            "Statute of the CCF, Art. 40",
        ),
        "The Requests Chamber may extend the time limit if it tells the parties and explains "
        "why; no maximum is set. "
        + rule_text("ccf-statute-40-3-delays", filing_day, "Statute of the CCF, Art. 40(3)"),
    ]
    if request == "revision":
        lines.append("A revision application follows the same time limits (Statute Art 42(3)).")
    if request != "access":
        lines.append(
            "After the decision: a new fact discovered later can ground a revision within "
            "six months of its discovery."
        )
    return lines


# --------------------------------------------------------------------------- Markdown


