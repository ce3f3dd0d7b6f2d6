"""The explorer's "Precedents" tab: the published decisions most like the facts.

Read from ``Assessment.similar_decisions`` (ranked on facts only by ``_engine/similar.py``);
nothing is decided here. Each decision shows its outcome, how alike it is, what it shares
with the case and where it differs, and a link to its source.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment

__all__ = ["precedents_html"]

_OUTCOME_COLOURS = {
    "not_compliant": ("#D55E00", "#000000"),
    "compliant_with_update": ("#E69F00", "#000000"),
    "compliant": ("#0072B2", "#FFFFFF"),
}


def _list(items: tuple[str, ...]) -> str:
    if not items:
        return "<em>nothing</em>"
    return "; ".join(escape(item) for item in items)


def precedents_html(assessment: Assessment) -> str:
    """The similar published decisions as an HTML table with links to their sources."""
    from diffusion_scenarios._render.content import similar_intro

    heading = "<h4 style='margin:6px 0 2px 0'>Similar published decisions</h4>"
    decisions = assessment.similar_decisions
    if not decisions:
        return heading + "<p>No published decision in the package to compare with.</p>"
    rows = []
    for d in decisions:
        background, text = _OUTCOME_COLOURS.get(d.outcome, ("#DDDDDD", "#000000"))
        badge = (
            f'<span style="background:{background};color:{text};padding:0 5px;'
            f'border-radius:3px;white-space:nowrap">{escape(d.outcome_words)}</span>'
        )
        width = round(d.similarity * 60)
        bar = (
            f'<span role="img" aria-label="similarity {d.similarity:.2f}" '
            f'style="display:inline-block;width:{width}px;height:8px;background:#555;'
            f'margin-right:4px"></span>{d.similarity:.2f}'
        )
        source = (
            f'<a href="{escape(d.url, quote=True)}" target="_blank" rel="noopener noreferrer" '
            f'style="color:#0550AE;text-decoration:underline">{escape(d.decision_id)}</a>'
            if d.url
            else escape(d.decision_id)
        )
        known = "" if d.encoded else "<br><small>known from its tags only</small>"
        rows.append(
            "<tr>"
            f"<td>{source}{known}</td>"
            f"<td>{d.year if d.year is not None else 'n/d'}</td>"
            f"<td>{badge}</td>"
            f'<td style="white-space:nowrap">{bar}</td>'
            f"<td>{_list(d.shared)}</td>"
            f"<td>{_list(d.differing)}</td>"
            "</tr>"
        )
    head = "".join(
        f'<th scope="col" style="text-align:left">{h}</th>'
        for h in ("Decision", "Year", "CCF outcome", "Similarity", "Shared", "Differs")
    )
    return (
        heading
        + f"<p style='font-size:12px;color:#444'>{escape(similar_intro())}</p>"
        + '<table class="precedents" style="border-collapse:collapse;font-size:12px">'
        + f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        + "<style>.precedents td, .precedents th {border-bottom:1px solid #ccc;"
        "padding:3px 6px;vertical-align:top}</style>"
    )
