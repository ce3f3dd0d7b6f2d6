"""The client memo as ONE self-contained HTML file, with the figures inline as SVG.

The file has no external resource of any kind: the styles are in a ``<style>`` element,
the figures are inline SVG (their text stays selectable and searchable), and a
Content-Security-Policy forbids every script and every network load, so opening the memo
never contacts anyone. Source URLs of the rules cited are written out as plain links a
reader may follow. Everything taken from the scenario is HTML-escaped. The stylesheet has
print rules, so the memo prints as a clean document.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING

from diffusion_scenarios._engine.assessment import Outcome
from diffusion_scenarios._engine.outcome import (
    confidence_words,
    hinge_words,
    likelihood_words,
    reasons_words,
)
from diffusion_scenarios._render.markdown import (
    KIND_WORDS,
    NOTICE,
    PREDICTION_WORDS,
    RISK_WORDS,
    SCREENING_WORDS,
    EnforcementSummary,
    cited,
    confidence_cell,
    country,
    day,
    depends_on_parts,
    enforcement_summary,
    facts_as_given,
    group_confidence_words,
    group_risk,
    group_role,
    has_unverified,
    non_recipients_sentence,
    presumption_sentence,
    requesting_state,
    step_date_text,
    words,
    yes_no,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from diffusion_scenarios._engine.assessment import Assessment

__all__ = ["figure_svg", "render_html"]

_STYLE = """
:root { --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --flag: #8a2a63; --accent: #0072B2; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink);
       line-height: 1.45; background: #fff; }
body { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .2rem;
     border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.notice { border: 2px solid var(--flag); background: #fbf1f6; padding: .75rem 1rem;
          border-radius: 4px; }
.meta { color: var(--muted); font-size: .92rem; }
nav ol { columns: 2; font-size: .92rem; padding-left: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #f2f2f2; }
dl.facts { display: grid; grid-template-columns: minmax(12rem, 22rem) 1fr; gap: .2rem 1rem;
           margin: .3rem 0 .8rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.unverified { color: var(--flag); font-weight: bold; }
.estimated { font-style: italic; }
.deadline { font-weight: bold; }
.strength { display: inline-block; padding: 0 .45rem; border-radius: 3px; border: 1px solid #333;
            font-size: .85rem; }
.strength-strong { background: #009E73; color: #fff; }
.strength-arguable { background: #56B4E9; }
.strength-weak { background: #ddd; }
.outcome { font-size: 1.1rem; }
figure { margin: 1rem 0 1.5rem; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: .88rem; margin-top: .3rem; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; }
a { color: var(--accent); overflow-wrap: anywhere; }
table.citations td:nth-child(7) { width: 32%; font-size: .82rem; }
table.citations td:nth-child(1) { overflow-wrap: anywhere; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; }
  figure, table, tr, .notice { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .notice { background: none; }
}
"""

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)

_SECTIONS = (
    ("facts", "Facts as given"),
    ("issuance", "How the request was issued"),
    ("circulation", "Where it circulated"),
    ("enforcement", "Arrest risk by country"),
    ("trips", "Planned trips"),
    ("grounds", "Grounds for deletion"),
    ("route", "The CCF route"),
    ("outcome", "Likely outcome"),
    ("depends", "What the answer depends on"),
    ("citations", "Rules cited"),
    ("appendix", "Appendix: reasons country by country"),
    ("caveats", "Caveats"),
)


def _e(text: str) -> str:
    return escape(text, quote=True)


def figure_svg(figure: Figure, *, name: str, description: str) -> str:
    """A matplotlib figure as an inline ``<svg>`` element with a ``<title>`` for screen readers.

    Text stays text (``svg.fonttype = none``), ids are salted with ``name`` so several figures
    can share one page, and the output is deterministic (no date, no random ids).
    """
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(
        {"svg.fonttype": "none", "svg.hashsalt": f"diffusion-scenarios-{name}"}
    ):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.DOTALL)
    opening_end = svg.index(">") + 1
    opening = svg[:opening_end]
    # Inline SVG in HTML needs no namespace declarations (and then no http URL at all).
    opening = re.sub(r'\s(width|height|xmlns|xmlns:xlink)="[^"]*"', "", opening)
    title_id = f"figure-{name}-title"
    opening = opening.replace(
        "<svg", f'<svg role="img" aria-labelledby="{title_id}" id="figure-{name}"', 1
    )
    title = f'<title id="{title_id}">{_e(description)}</title>'
    return opening + title + svg[opening_end:].strip()


def _figure(figure: Figure, *, name: str, description: str, caption: str) -> str:
    svg = figure_svg(figure, name=name, description=description)
    return f"<figure>{svg}<figcaption>{_e(caption)}</figcaption></figure>"


def _list(items: Iterable[str]) -> str:
    values = list(items)
    if not values:
        return ""
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in values) + "</ul>"


def _rules(assessment: Assessment, rule_ids: Iterable[str]) -> str:
    ids = list(rule_ids)
    text = _e(cited(assessment, ids))
    if has_unverified(assessment, ids):
        return f'<span class="unverified">{text}</span>'
    return text


def _table(
    caption: str,
    header: tuple[str, ...],
    rows: Iterable[tuple[str, ...]],
    *,
    css_class: str = "",
) -> str:
    head = "".join(f'<th scope="col">{_e(cell)}</th>' for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    opening = f'<table class="{css_class}">' if css_class else "<table>"
    return (
        f"{opening}<caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _source_link(url: str) -> str:
    if re.fullmatch(r"https?://[^\s<>\"']+", url):
        return f'<a href="{_e(url)}" rel="noopener noreferrer">{_e(url)}</a>'
    return _e(url) if url else "no source recorded"


def render_html(assessment: Assessment, *, figures: bool = True) -> str:
    """The client memo as one self-contained HTML document (figures as inline SVG).

    Args:
        assessment: what :func:`diffusion_scenarios.assess` returned.
        figures: include the circulation map, the route timeline and the grounds chart.

    Example:
        >>> import diffusion_scenarios as ds
        >>> page = render_html(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]))
        >>> page.startswith("<!DOCTYPE html>") and "not legal advice" in page.lower()
        True
    """
    from diffusion_scenarios import __version__

    kind = KIND_WORDS.get(assessment.issuance.kind, words(assessment.issuance.kind))
    title = assessment.title or assessment.scenario_id
    parts: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="diffusion-scenarios {_e(__version__)}">',
        f"<title>Memo: {_e(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>Memo: {_e(title)}</h1>",
        f'<p class="notice" role="note"><strong>{_e(NOTICE)}</strong></p>',
        f'<p class="meta">Scenario <code>{_e(assessment.scenario_id)}</code>, assessed as of '
        f"<strong>{assessment.as_of.isoformat()}</strong> with diffusion-scenarios "
        f"{_e(__version__)}.</p>",
        "</header>",
        '<nav aria-label="Contents"><ol>',
        *(f'<li><a href="#{anchor}">{_e(heading)}</a></li>' for anchor, heading in _SECTIONS),
        "</ol></nav>",
        "<main>",
    ]

    # Facts as given.
    parts.append('<section id="facts"><h2>Facts as given</h2>')
    scenario = assessment.scenario
    if scenario is None:
        parts.append("<p>The facts assessed were not attached to this assessment.</p>")
    else:
        facts = facts_as_given(scenario)
        groups: dict[str, list[tuple[str, str]]] = {}
        for fact in facts:
            if fact.value is not None:
                groups.setdefault(fact.group, []).append((fact.label, fact.value))
        for group, items in groups.items():
            parts.append(f"<h3>{_e(group)}</h3><dl class='facts'>")
            parts.extend(f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>" for label, value in items)
            parts.append("</dl>")
        unknown = [fact for fact in facts if fact.value is None]
        parts.append("<h3>Facts not given (unknown)</h3>")
        if unknown:
            parts.append(
                "<p>The model did not assume these; where they matter, the result says what "
                "it depends on.</p>"
            )
            parts.append(_list(f"{fact.group}: {fact.label}" for fact in unknown))
        else:
            parts.append("<p>Every fact the format asks for was given.</p>")
        if assessment.defaults_used:
            parts.append("<p>Defaults the model used because a fact was not given:</p><ul>")
            parts.extend(f"<li><code>{_e(path)}</code></li>" for path in assessment.defaults_used)
            parts.append("</ul>")
    parts.append("</section>")

    issuance = assessment.issuance
    parts += [
        '<section id="issuance"><h2>How the request was issued</h2><dl class="facts">',
        f"<dt>Kind</dt><dd>{_e(kind)}</dd>",
        f"<dt>Screening</dt><dd>"
        f"{_e(SCREENING_WORDS.get(issuance.screening, words(issuance.screening)))}</dd>",
        f"<dt>Reviewed before circulation</dt><dd>{yes_no(issuance.pre_screened)}</dd>",
        f"<dt>Circulated on</dt><dd>{day(issuance.circulated_on)}</dd>",
        f"<dt>Reviewed after circulation</dt><dd>{yes_no(issuance.review_after_circulation)}</dd>",
        f"<dt>Rules</dt><dd>{_rules(assessment, issuance.citations)}</dd>",
        "</dl>",
        _list(issuance.reasons),
        "</section>",
    ]

    circulation = assessment.circulation
    parts += [
        '<section id="circulation"><h2>Where it circulated</h2><dl class="facts">',
        f"<dt>Recipient countries</dt><dd>{circulation.recipient_count}</dd>",
        f"<dt>Public</dt><dd>{yes_no(circulation.public)}</dd>",
        f"<dt>Active from</dt><dd>{day(circulation.active_from)}</dd>",
        f"<dt>Active until</dt><dd>{day(circulation.active_until)}</dd>",
        f"<dt>Rules</dt><dd>{_rules(assessment, circulation.citations)}</dd>",
        "</dl>",
        _list(circulation.reasons),
    ]
    if figures:
        from diffusion_scenarios.plots import circulation_map

        parts.append(
            _figure(
                circulation_map(assessment),
                name="circulation-map",
                description=(
                    f"Tile-grid world map: the {kind} requested by "
                    f"{requesting_state(assessment)} reached {circulation.recipient_count} "
                    "countries; colours show each country's role and arrest risk."
                ),
                caption=(
                    "Circulation map: one square per INTERPOL member, coloured by role and "
                    "arrest risk; a thick blue edge marks a planned trip. Not to scale."
                ),
            )
        )
    parts.append("</section>")

    summary = enforcement_summary(assessment)
    requesting = summary.requesting
    rows: list[tuple[str, ...]] = []
    if requesting is not None:
        rows.append(
            (
                "requesting state",
                _e(RISK_WORDS.get(requesting.arrest_risk, requesting.arrest_risk)),
                _e(country(requesting.country)),
                _e(requesting.confidence),
                _rules(assessment, requesting.citations),
            )
        )
    for recipient_group in summary.groups:
        rows.append(
            (
                _e(group_role(recipient_group)),
                _e(group_risk(recipient_group)),
                _e(", ".join(country(code) for code in recipient_group.countries)),
                _e(group_confidence_words(recipient_group.confidences)),
                _rules(assessment, recipient_group.citations),
            )
        )
    parts += [
        '<section id="enforcement"><h2>Arrest risk by country</h2>',
        _table(
            "The requesting state and the recipients, grouped by arrest risk",
            ("Role", "Arrest risk", "Countries", "Confidence", "Rules"),
            rows,
        ),
    ]
    if presumption_sentence(summary):
        parts.append(f"<p>{_e(presumption_sentence(summary))}</p>")
    if requesting is not None:
        parts.append(
            f"<p>In the requesting state: {_e(requesting.consequence)} "
            f"{_e(' '.join(requesting.reasons))}</p>"
        )
    parts.append(f"<p>{_e(non_recipients_sentence(summary, assessment.as_of))}</p>")
    if summary.recipients:
        parts.append(
            "<p>What each recipient can be expected to do, and why, is in the "
            '<a href="#appendix">appendix</a>.</p>'
        )
    parts.append("</section>")

    parts.append('<section id="trips"><h2>Planned trips</h2>')
    if assessment.travel:
        parts.append(
            _table(
                "Arrest risk on each planned trip",
                ("Date", "Country", "Notice active then", "Arrest risk", "Why", "Rules"),
                (
                    (
                        trip.date.isoformat(),
                        _e(country(trip.country)),
                        yes_no(trip.notice_active),
                        _e(RISK_WORDS.get(trip.arrest_risk, trip.arrest_risk)),
                        _e("; ".join(trip.reasons)),
                        _rules(assessment, trip.citations),
                    )
                    for trip in assessment.travel
                ),
            )
        )
    else:
        parts.append("<p>No trips were stated.</p>")
    parts.append("</section>")

    parts.append('<section id="grounds"><h2>Grounds for deletion</h2>')
    if assessment.grounds:
        # Grounds by the remedy they call for: deletion, or correction of the record.
        from diffusion_scenarios._engine.grounds.findings import grounds_by_remedy

        deletions, corrections = grounds_by_remedy(assessment.grounds)
        if not deletions:
            parts.append("<p>No ground for deletion applies on the facts given.</p>")
        for first, grounds in ((True, deletions), (False, corrections)):
            if not first and grounds:
                parts.append('<h2 id="correction-grounds">Grounds for correcting the record</h2>')
            for ground in grounds:
                flag = (
                    ' <span class="unverified">rests on an UNVERIFIED rule</span>'
                    if has_unverified(assessment, ground.citations)
                    else ""
                )
                name = ground.label or words(ground.id)
                parts += [
                    f"<h3>{_e(name)} (<code>{_e(ground.id)}</code>) "
                    f'<span class="strength strength-{_e(ground.strength)}">'
                    f"{_e(ground.strength)}</span>{flag}</h3>",
                    f"<p>Rules: {_rules(assessment, ground.citations)}</p>",
                    _list(ground.reasons),
                ]
        if figures:
            from diffusion_scenarios.plots import grounds_chart

            parts.append(
                _figure(
                    grounds_chart(assessment),
                    name="grounds-chart",
                    description="Bar chart of the grounds for deletion by strength: "
                    + "; ".join(
                        f"{g.label or words(g.id)}: {g.strength}" for g in assessment.grounds
                    ),
                    caption=(
                        "Grounds chart: strong, arguable and weak grounds, each with the rules "
                        "it rests on and their verification status."
                    ),
                )
            )
    else:
        parts.append("<p>No ground for deletion applies on the facts given.</p>")
    parts.append("</section>")

    parts += [
        '<section id="route"><h2>The CCF route</h2>',
        _table(
            "Steps of the challenge before the CCF, with dates",
            ("Step", "Date", "Deadline", "What happens", "Rules"),
            (
                (
                    _e(words(step.step)),
                    f'<span class="estimated">{_e(step_date_text(step.date, estimated=True))}'
                    "</span>"
                    if step.estimated and step.date is not None
                    else step_date_text(step.date, estimated=False),
                    f'<span class="deadline">{step.deadline.isoformat()}</span> (deadline)'
                    if step.deadline
                    else "—",
                    _e(step.description) or "—",
                    _rules(assessment, step.citations),
                )
                for step in assessment.route
            ),
        ),
        "<p>Dates marked <em>(estimated)</em> are estimates, not dates fixed by a rule.</p>",
    ]
    if figures and assessment.route:
        from diffusion_scenarios.plots import route_timeline

        parts.append(
            _figure(
                route_timeline(assessment),
                name="route-timeline",
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
    parts.append("</section>")

    outcome = assessment.outcome
    key = outcome.prediction_key
    parts += [
        '<section id="outcome"><h2>Likely outcome</h2>',
        f'<p class="outcome"><strong>'
        f"{_e(PREDICTION_WORDS.get(key, words(key)))}</strong> "
        f"(<code>{_e(outcome.prediction_key)}</code>).</p>",
        *_outcome_details(outcome),
        f"<p>{_e(reasons_words(outcome))}</p>",
        f"<p>Rules: {_rules(assessment, outcome.citations)}</p>",
        "</section>",
        '<section id="depends"><h2>What the answer depends on</h2>',
    ]
    if assessment.depends_on:
        parts.append("<ul>")
        for item in assessment.depends_on:
            field, text = depends_on_parts(item)
            code = f" (<code>{_e(field)}</code>)" if field else ""
            parts.append(f"<li>{_e(text)}{code}</li>")
        parts.append("</ul>")
    else:
        parts.append(
            "<p>Nothing left open: the facts given settle the points the model weighs.</p>"
        )
    parts.append("</section>")

    parts += [
        '<section id="citations"><h2>Rules cited</h2>',
        _table(
            "Every rule the memo relies on, with the status of its source",
            (
                "Id",
                "Instrument",
                "Provision",
                "Version",
                "In force from",
                "Verification",
                "Source",
            ),
            (
                (
                    f"<code>{_e(c.id)}</code>",
                    _e(c.instrument),
                    _e(c.provision),
                    _e(c.version),
                    day(c.in_force_from),
                    '<span class="unverified">UNVERIFIED</span>'
                    if c.verification == "unverified"
                    else _e(c.verification),
                    _source_link(c.url),
                )
                for c in assessment.citations
            ),
            css_class="citations",
        ),
        "</section>",
        _appendix(assessment, summary),
        '<section id="caveats"><h2>Caveats</h2>',
        _list(assessment.caveats),
        "</section>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _appendix(assessment: Assessment, summary: EnforcementSummary) -> str:
    if not summary.recipients:
        return (
            '<section id="appendix"><h2>Appendix: reasons country by country</h2>'
            "<p>No country received it.</p></section>"
        )
    table = _table(
        "What each recipient can be expected to do, and why",
        ("Country", "Arrest risk", "Confidence", "Consequence", "Why", "Rules"),
        (
            (
                _e(country(entry.country)),
                _e(RISK_WORDS.get(entry.arrest_risk, entry.arrest_risk)),
                _e(confidence_cell(entry)),
                _e(entry.consequence),
                _e(" ".join(entry.reasons)),
                _rules(assessment, entry.citations),
            )
            for entry in summary.recipients
        ),
    )
    return f'<section id="appendix"><h2>Appendix: reasons country by country</h2>{table}</section>'


def _outcome_details(outcome: Outcome) -> list[str]:
    """Summary, likelihood, confidence and hinges of the outcome, as HTML."""
    out: list[str] = []
    if outcome.summary:
        out.append(f"<p><strong>{_e(outcome.summary)}</strong></p>")
    items = []
    if outcome.likelihood:
        items.append(f"<li>Likelihood on these facts: {_e(likelihood_words(outcome))}.</li>")
    if outcome.confidence:
        items.append(f"<li>How sure the model is: {_e(confidence_words(outcome))}.</li>")
    if outcome.hinges_on:
        hinges = "".join(f"<li>{_e(hinge_words(h))}.</li>" for h in outcome.hinges_on)
        items.append(f"<li>What it hinges on:<ul>{hinges}</ul></li>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return out
