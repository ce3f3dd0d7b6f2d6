"""The client memo's content, once: a pure function from an Assessment to a structured document.

The Markdown, HTML and Word memos render this one document (:func:`memo_content`, and
:func:`long_memo_content` for Word); none of them decides what the memo says. The document's
types are in :mod:`.document`; each section is built in the module of its subject
(``section_case``, ``section_risk``, ``section_outcome``, ``section_route``,
``section_sources``), which also builds that subject's part of the plain-text report, so a
sentence is written in one place. This module only puts the sections in the memo's order.

Everything comes from the :class:`~diffusion_scenarios.Assessment`; nothing is decided here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from diffusion_scenarios._render.document import Memo
from diffusion_scenarios._render.recipients import enforcement_summary
from diffusion_scenarios._render.section_case import (
    circulation_section,
    facts_section,
    issuance_section,
    text_circulation_section,
    text_issuance_section,
    text_lead_section,
)
from diffusion_scenarios._render.section_outcome import (
    depends_section,
    grounds_section,
    long_outcome_section,
    outcome_section,
    summary_section,
    text_depends_sections,
    text_grounds_sections,
    text_outcome_section,
)
from diffusion_scenarios._render.section_risk import (
    appendix_section,
    enforcement_section,
    long_appendix_section,
    long_enforcement_section,
    text_enforcement_section,
    text_trips_section,
    trips_section,
)
from diffusion_scenarios._render.section_route import (
    after_deletion_section,
    long_route_section,
    route_section,
    text_route_section,
)
from diffusion_scenarios._render.section_sources import (
    caveats_section,
    citations_section,
    long_citations_section,
    similar_intro,
    similar_section,
    text_citations_section,
    text_similar_section,
)

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment

__all__ = [
    "NOTICE",
    "long_memo_content",
    "memo_content",
    "similar_intro",
    "text_content",
]

NOTICE = (
    "Not legal advice. This memo comes from an educational model of INTERPOL's rules and "
    "the practice of the Commission for the Control of INTERPOL's Files (CCF). It may be "
    "incomplete or out of date; rules marked unverified are not settled law. Check every "
    "point against the current texts and take advice from a qualified lawyer."
)


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
            facts_section(assessment),
            issuance_section(assessment, assessment.issuance),
            circulation_section(assessment, assessment.circulation),
            enforcement_section(assessment, summary),
            trips_section(assessment),
            grounds_section(assessment),
            route_section(assessment),
            outcome_section(assessment),
            depends_section(assessment),
            citations_section(assessment),
            appendix_section(assessment, summary),
            similar_section(assessment),
            caveats_section(assessment),
        ),
    )


# --- the long form (the Word memo) ------------------------------------------------------------
# The memo a lawyer edits and sends: the outcome first with the chance of each decision, how
# sure the model is in each country and on what it rests, the steps a deletion does not end
# apart from the route, the members that did not receive the request by name.


def text_content(assessment: Assessment) -> Memo:
    """The plain-text report as a document: the outcome first, then the grounds, the case,
    the arrest risk, the route, what the answer depends on, the rules cited and the caveats.
    Its notice is the first caveat; its sections are the text report's own wording of each
    subject, built beside the memo's in the same section module."""
    return Memo(
        title=assessment.title or assessment.scenario_id,
        scenario_id=assessment.scenario_id,
        as_of=assessment.as_of,
        notice=assessment.caveats[0],
        sections=(
            text_lead_section(assessment),
            text_outcome_section(assessment),  # the outcome first
            *text_grounds_sections(assessment),
            text_issuance_section(assessment),
            text_circulation_section(assessment),
            text_enforcement_section(assessment),
            text_trips_section(assessment),
            text_route_section(assessment),
            *text_depends_sections(assessment),
            text_citations_section(assessment),
            text_similar_section(assessment),
            caveats_section(assessment),
        ),
    )


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
            long_outcome_section(assessment),
            short["facts"],
            short["issuance"],
            short["circulation"],
            long_enforcement_section(assessment, summary),
            short["trips"],
            short["grounds"],
            long_route_section(assessment),
            after_deletion_section(assessment),
            short["depends"],
            long_citations_section(assessment),
            long_appendix_section(assessment, summary),
            short["similar"],
            short["caveats"],
        ),
    )
