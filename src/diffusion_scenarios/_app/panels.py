"""HTML fragments of an :class:`~diffusion_scenarios.Assessment` for the explorer's panels.

Pure functions from an assessment (and nothing else) to an HTML string. They decide nothing:
every word of law in them comes from the assessment itself (reasons, explanations, citations
with their verification status). Colours follow the Okabe-Ito palette, which stays
distinguishable with the common forms of colour blindness, and every colour comes with its
word, so nothing is said by colour alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from html import escape

from diffusion_scenarios._engine.assessment import Assessment, Citation, EnforcementEntry
from diffusion_scenarios._law.vocab import ARREST_RISKS
from diffusion_scenarios._render.charts import (
    PALETTE,
    text_colour_on,
)
from diffusion_scenarios._render.document import (
    Block,
    Bullets,
    Fields,
    GroundItem,
    Paragraph,
    Rules,
    Section,
    Table,
    Text,
)
from diffusion_scenarios._render.recipients import requesting_role_words
from diffusion_scenarios._render.section_case import (
    panel_circulation_section,
    panel_issuance_section,
)
from diffusion_scenarios._render.section_outcome import (
    panel_depends_blocks,
    panel_grounds_section,
)
from diffusion_scenarios._render.section_risk import (
    panel_enforcement_section,
    panel_trips_section,
)
from diffusion_scenarios._render.section_route import panel_route_section
from diffusion_scenarios._render.svg_charts import grounds_chart_svg, route_timeline_svg
from diffusion_scenarios._render.wording import OUTCOME_BADGES as OUTCOME_WORDS
from diffusion_scenarios._render.wording import VERIFICATION_WORDS as _VERIFICATION_WORDS

__all__ = [
    "OUTCOME_WORDS",
    "RISK_ORDER",
    "changes_html",
    "circulation_html",
    "country_label",
    "enforcement_html",
    "grounds_chart_svg",
    "grounds_html",
    "issuance_html",
    "outcome_banner_html",
    "outcome_html",
    "route_html",
    "route_timeline_svg",
    "tile_map_html",
    "travel_html",
]


def _on(background: str) -> tuple[str, str]:
    """A background colour with the text colour that reads on it."""
    return background, text_colour_on(background)


# The figures' Okabe-Ito palette (plots.PALETTE), so a colour means the same everywhere.
_RISK_STYLE = {
    risk: _on(PALETTE[f"recipient_{risk}"]) for risk in ARREST_RISKS
}
RISK_ORDER = {risk: rank for rank, risk in enumerate(ARREST_RISKS)}  # highest first

_STRENGTH_STYLE = {strength: _on(PALETTE[strength]) for strength in ("strong", "arguable", "weak")}

_OUTCOME_STYLE = {
    "not_compliant": ("#009E73", "#ffffff"),
    "compliant_with_update": ("#E69F00", "#000000"),
    "compliant": ("#D55E00", "#ffffff"),
}

_TABLE = (
    "border-collapse:collapse;font-size:13px;line-height:1.35;width:100%;"
    "font-family:var(--jp-ui-font-family, sans-serif)"
)
_TH = "text-align:left;border-bottom:2px solid #555;padding:3px 6px;vertical-align:bottom"
_TD = "border-bottom:1px solid #ccc;padding:3px 6px;vertical-align:top"


@cache
def country_label(alpha3: str) -> str:
    """``"Kazakhstan (KAZ)"``: the short English name of a country with its code."""
    try:
        from diffusion_scenarios._law.countries import country_name

        name = country_name(alpha3)
    except Exception:  # reference module missing or unknown code: show the code alone
        import pycountry

        record = pycountry.countries.get(alpha_3=alpha3)
        name = getattr(record, "common_name", None) or getattr(record, "name", None) or ""
    return f"{name} ({alpha3})" if name and name != alpha3 else alpha3


def _legend_name(assessment: Assessment, alpha3: str) -> str:
    """The name alone ("Kyrgyzstan"; "State A (assumed: Kyrgyzstan)")."""
    from diffusion_scenarios._facts.naming import assumed_country, country_shown

    if assumed_country(assessment.scenario, alpha3):
        return country_shown(assessment.scenario, alpha3)
    return country_label(alpha3).rsplit(" (", 1)[0]


def _role_words(assessment: Assessment, entry: EnforcementEntry) -> str:
    """What follows the requesting state's name (the text report says it the same way)."""
    if entry.role != "requesting":
        return ""
    return requesting_role_words(assessment, entry.country)


def shown_label(assessment: Assessment, alpha3: str) -> str:
    """:func:`country_label`, but an assumed requesting state reads "State A (assumed:
    Kyrgyzstan, KGZ)" (issue 25 point 7: the explorer never names it as known)."""
    from diffusion_scenarios._facts.naming import assumed_country, country_shown

    if assumed_country(assessment.scenario, alpha3):
        return country_shown(assessment.scenario, alpha3, with_code=True)
    return country_label(alpha3)


def _words(token: str | None) -> str:
    return "unknown" if token is None else token.replace("_", " ")


def _badge(text: str, colours: tuple[str, str]) -> str:
    background, foreground = colours
    return (
        f'<span style="background:{background};color:{foreground};padding:1px 6px;'
        f'border-radius:3px;font-weight:600;white-space:nowrap">{escape(text)}</span>'
    )


def _risk_badge(risk: str) -> str:
    return _badge(risk, _RISK_STYLE.get(risk, ("#DDDDDD", "#000000")))



def _reasons(reasons: Iterable[str]) -> str:
    return _list_html(escape(r) for r in reasons)


def _list_html(items_html: Iterable[str]) -> str:
    items = [f"<li>{item}</li>" for item in items_html]
    return f'<ul style="margin:2px 0 2px 18px;padding:0">{"".join(items)}</ul>' if items else ""


def _citation_line(citation: Citation) -> str:
    warning = "⚠ " if citation.verification == "unverified" else ""
    verification = _VERIFICATION_WORDS.get(citation.verification, citation.verification)
    version = f", version {escape(citation.version)}" if citation.version else ""
    link = (
        f' <a href="{escape(citation.url)}" target="_blank" rel="noopener noreferrer">source</a>'
        if citation.url
        else ""
    )
    return (
        f"<code>{escape(citation.id)}</code> — {escape(citation.instrument)}, "
        f"{escape(citation.provision)}{version} "
        f"<em>[{warning}{escape(verification)}]</em>{link}"
    )


def _cited(assessment: Assessment, rule_ids: Sequence[str]) -> str:
    lines = []
    for rule_id in rule_ids:
        try:
            lines.append(_citation_line(assessment.citation(rule_id)))
        except KeyError:
            lines.append(f"<code>{escape(rule_id)}</code>")
    if not lines:
        return ""
    items = "".join(f"<li>{line}</li>" for line in lines)
    return (
        '<div style="font-size:12px;color:#333">Rests on:'
        f'<ul style="margin:2px 0 4px 18px;padding:0">{items}</ul></div>'
    )


def _cited_compact(assessment: Assessment, rule_ids: Sequence[str]) -> str:
    """Rule ids with their verification; the full citation is in the tooltip."""
    parts = []
    for rule_id in rule_ids:
        try:
            c = assessment.citation(rule_id)
        except KeyError:
            parts.append(f"<code>{escape(rule_id)}</code>")
            continue
        status = "⚠ UNVERIFIED" if c.verification == "unverified" else c.verification
        title = f"{c.instrument}, {c.provision}" + (f", version {c.version}" if c.version else "")
        parts.append(
            f'<span title="{escape(title)}"><code>{escape(rule_id)}</code> '
            f"<em>({escape(status)})</em></span>"
        )
    return "<br>".join(parts)


def _heading(text: str) -> str:
    return f'<h4 style="margin:6px 0 4px 0">{escape(text)}</h4>'


def _assumed_line(assessment: Assessment) -> str:
    """The facts the file marks assumed, said once above the panels (issue 25 point 7)."""
    from diffusion_scenarios._facts.naming import assumed_note

    note = assumed_note(assessment.scenario)
    if note is None:
        return ""
    return f'<div style="font-size:13px;margin:2px 0"><em>{escape(note)}</em></div>'



# ------------------------------------------------------------------ the content model, as panels
# The panels that render from the content model (the section modules build what they say):
# each block of a section in the explorer's styles.


#: The inline roles the panels set in a tag of their own.
_INLINE_TAGS = {"strong": "strong", "code": "code"}


def _inline_html(text: Text) -> str:
    parts = []
    for piece in text:
        words = escape(piece.text)
        tag = None if isinstance(piece, Rules) else _INLINE_TAGS.get(piece.style)
        parts.append(f"<{tag}>{words}</{tag}>" if tag else words)
    return "".join(parts)


def _cell_html(
    assessment: Assessment, text: Text, *, small_rules: bool = False, detail: str = "font-size:12px"
) -> str:
    """A table cell: reasons as a list, an arrest risk as its badge, rule ids compact (the
    full citation in the tooltip; ``small_rules``: set small below the rest), secondary
    detail below the words."""
    parts = []
    items: list[str] = []
    for piece in text:
        if not isinstance(piece, Rules) and piece.style == "item":
            items.append(piece.text)
            continue
        if items:
            parts.append(_reasons(items))
            items = []
        if isinstance(piece, Rules):
            compact = _cited_compact(assessment, [ref.id for ref in piece.refs])
            parts.append(f'<div style="font-size:12px">{compact}</div>' if small_rules else compact)
        elif piece.style == "risk":
            parts.append(_risk_badge(piece.text))
        elif piece.style == "detail":
            parts.append(f'<div style="{detail}">{escape(piece.text)}</div>')
        elif piece.style == "muted":
            parts.append(f"<br>{escape(piece.text)}")
        else:
            parts.append(_inline_html((piece,)))
    return "".join(parts) + (_reasons(items) if items else "")


#: The explorer's column styles of a table, by the table's class.
_COLUMNS = {
    "route": ("", ";white-space:nowrap", ";white-space:nowrap", ";font-size:12px"),
    "trips": (";white-space:nowrap",),
}
#: How the secondary detail of a table's cells is set, by the table's class.
_DETAIL = {"enforcement": "font-size:11px;color:#444"}
#: The paragraphs set small after a table, by their role.
_SMALL = {"more": "font-size:12px", "aside": "font-size:12px;margin-top:6px"}
#: The tables whose rule ids are set small below the reasons.
_SMALL_RULES = frozenset({"trips"})


def _table_html(assessment: Assessment, table: Table) -> str:
    columns = _COLUMNS.get(table.css_class, ())
    small = table.css_class in _SMALL_RULES
    detail = _DETAIL.get(table.css_class, "font-size:12px")
    head = "".join(f'<th style="{_TH}">{escape(name)}</th>' for name in table.header)
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td style="{_TD}{columns[i] if i < len(columns) else ""}">'
            f"{_cell_html(assessment, cell, small_rules=small, detail=detail)}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in table.rows
    )
    return f'<table style="{_TABLE}"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _ground_html(assessment: Assessment, ground: GroundItem) -> str:
    colours = _STRENGTH_STYLE.get(ground.strength, ("#DDDDDD", "#000000"))
    cited = _cited(assessment, [ref.id for ref in ground.rules.refs])
    return (
        '<div style="margin:4px 0 8px 0;padding:4px 6px;border-left:4px solid '
        f'{colours[0]}"><strong>{escape(ground.name)}</strong> '
        f"<code>{escape(ground.id)}</code> {_badge(ground.strength, colours)}"
        f"{_reasons(ground.reasons)}{cited}</div>"
    )


def _block_html(assessment: Assessment, block: Block) -> str:
    if isinstance(block, Paragraph) and len(block.text) == 1 and isinstance(block.text[0], Rules):
        return _cited(assessment, [ref.id for ref in block.text[0].refs])
    if isinstance(block, Paragraph) and block.role == "empty":
        return f"<p>{_inline_html(block.text)}</p>"
    if isinstance(block, Paragraph) and block.role in _SMALL:
        return f"<p style='{_SMALL[block.role]}'>{_inline_html(block.text)}</p>"
    if isinstance(block, Paragraph):
        margin = "6px 0 2px 0" if block.role == "intro" else "2px 0"
        return f"<p style='margin:{margin}'>{_inline_html(block.text)}</p>"
    if isinstance(block, Bullets):
        return _list_html(_inline_html(item.text) for item in block.items)
    if isinstance(block, Fields):
        rows = "".join(
            f'<tr><th style="{_TH};width:14em">{escape(label)}</th>'
            f'<td style="{_TD}">{_inline_html(value)}</td></tr>'
            for label, value in block.items
        )
        return f'<table style="{_TABLE}">{rows}</table>'
    if isinstance(block, GroundItem):
        return _ground_html(assessment, block)
    if isinstance(block, Table):
        return _table_html(assessment, block)
    raise TypeError(f"the explorer's panels have no layout for {type(block).__name__}")


def _section_html(assessment: Assessment, section: Section) -> str:
    return _heading(section.title) + "".join(_block_html(assessment, b) for b in section.blocks)


def outcome_banner_html(assessment: Assessment) -> str:
    """One line above the panels: the likely CCF outcome in words, and the disclaimer."""
    prediction = assessment.outcome.prediction_key
    words = OUTCOME_WORDS.get(prediction, _words(prediction))
    badge = _badge(words, _OUTCOME_STYLE.get(prediction, ("#DDDDDD", "#000000")))
    count = assessment.circulation.recipient_count
    outcome = assessment.outcome
    summary = escape(outcome.summary) if outcome.summary else ""
    if outcome.confidence:
        summary += f"{' ' if summary else ''}Confidence: {escape(outcome.confidence)}."
    summary_line = f'<div style="font-size:13px;margin:2px 0">{summary}</div>' if summary else ""
    summary_line += _assumed_line(assessment)
    return (
        '<div role="status" aria-live="polite" style="font-size:14px;margin:4px 0">'
        f"<strong>Likely CCF outcome on a deletion request:</strong> {badge} "
        f'<span style="color:#333">· as of {escape(assessment.as_of.isoformat())}'
        f" · received by {count} member {'country' if count == 1 else 'countries'}"
        f" · {len(assessment.grounds)} ground{'s' if len(assessment.grounds) != 1 else ''}"
        "</span>"
        + summary_line
        + '<div style="font-size:12px;color:#555">Educational model, not legal advice.</div>'
        "</div>"
    )


def issuance_html(assessment: Assessment) -> str:
    """How the request entered INTERPOL's system: screened before publication or not."""
    return _section_html(assessment, panel_issuance_section(assessment)) + circulation_html(
        assessment
    )


def circulation_html(assessment: Assessment) -> str:
    """Who received the request and whether it is public."""
    return _section_html(assessment, panel_circulation_section(assessment))


def enforcement_html(assessment: Assessment, *, limit: int | None = None) -> str:
    """The per-country table (country, received, arrest risk, consequence), riskiest first.

    The requesting state and every recipient get a row; the members that did not receive
    the request are listed after the table, by name.
    """
    return _section_html(assessment, panel_enforcement_section(assessment, limit=limit))


def travel_html(assessment: Assessment) -> str:
    """The planned trips with their arrest risk and reasons."""
    return _section_html(assessment, panel_trips_section(assessment))


def grounds_html(assessment: Assessment) -> str:
    """Each ground for deletion with its strength, reasons and cited rules."""
    return _section_html(assessment, panel_grounds_section(assessment))


def _depends_on(assessment: Assessment) -> str:
    return "".join(_block_html(assessment, block) for block in panel_depends_blocks(assessment))


def route_html(assessment: Assessment) -> str:
    """The CCF route: each step with its date or deadline and the rule behind it."""
    return _section_html(assessment, panel_route_section(assessment))


def _likelihood_html(assessment: Assessment) -> str:
    """The summary sentence, the three likelihoods as bars, the confidence and what it hinges on.

    Each part is shown only when the engine gave it; nothing is invented when it did not.
    """
    outcome = assessment.outcome
    parts = []
    if outcome.summary:
        parts.append(f"<p style='margin:2px 0'>{escape(outcome.summary)}</p>")
    if outcome.likelihood:
        rows = []
        for name, probability in outcome.likelihood:
            share = max(0.0, min(1.0, float(probability)))
            background, _ = _OUTCOME_STYLE.get(name, ("#999999", "#000000"))
            rows.append(
                f'<tr><td style="{_TD};white-space:nowrap">{escape(_words(name))}</td>'
                f'<td style="{_TD};width:55%"><div role="img" aria-label="'
                f'{escape(_words(name))}: about {round(share * 100)} in 100" '
                'style="background:#eee;height:12px;width:100%"><div style="background:'
                f'{background};height:12px;width:{share * 100:.1f}%"></div></div></td>'
                f'<td style="{_TD};white-space:nowrap">about {round(share * 100)} in 100</td>'
                "</tr>"
            )
        parts.append(
            f'<table style="{_TABLE};max-width:560px"><thead><tr>'
            f'<th style="{_TH}">Outcome</th><th style="{_TH}">Likelihood on these facts</th>'
            f'<th style="{_TH}"></th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        )
    if outcome.confidence:
        parts.append(
            f"<p style='margin:2px 0'><strong>Confidence of the model:</strong> "
            f"{escape(outcome.confidence)}</p>"
        )
    if outcome.hinges_on:
        items = [
            f"{h.condition}: {OUTCOME_WORDS.get(h.leads_to, _words(h.leads_to))} ({h.field})"
            for h in outcome.hinges_on
        ]
        parts.append(
            "<p style='margin:6px 0 2px 0'><strong>It hinges on:</strong></p>" + _reasons(items)
        )
    return "".join(parts)


def outcome_html(assessment: Assessment) -> str:
    """The likely outcome with its explanation, the trace of rules applied and caveats."""
    prediction = assessment.outcome.prediction_key
    words = OUTCOME_WORDS.get(prediction, _words(prediction))
    trace_rows = "".join(
        f'<tr><td style="{_TD}">{i}</td><td style="{_TD}"><code>{escape(t.rule)}</code></td>'
        f'<td style="{_TD};font-size:12px">'
        f"{escape('; '.join(f'{k} = {v}' for k, v in t.facts)) or '—'}</td>"
        f'<td style="{_TD}">{escape(t.result)}</td></tr>'
        for i, t in enumerate(assessment.trace, start=1)
    )
    defaults = (
        "<p style='margin:6px 0 2px 0'><strong>Defaults used:</strong></p>"
        + _reasons(assessment.defaults_used)
        if assessment.defaults_used
        else ""
    )
    return (
        _heading("Likely outcome") + f"<p style='margin:2px 0'><strong>{escape(words)}</strong> "
        f"(<code>{escape(prediction)}</code>)</p>"
        + _likelihood_html(assessment)
        + f"<p style='margin:2px 0'>{escape(assessment.outcome.explanation)}</p>"
        + _cited(assessment, assessment.outcome.citations)
        + _depends_on(assessment)
        + defaults
        + _heading("Trace: the rules applied, in order")
        + f'<table style="{_TABLE}"><thead><tr><th style="{_TH}">#</th>'
        f'<th style="{_TH}">Rule</th><th style="{_TH}">Facts used</th>'
        f'<th style="{_TH}">Result</th></tr></thead><tbody>{trace_rows}</tbody></table>'
        + _heading("Caveats")
        + _reasons(assessment.caveats)
    )


def changes_html(changes: Sequence[tuple[str, object, object]], start_label: str) -> str:
    """The facts changed against the starting scenario, as ``path: old → new``."""
    if not changes:
        return (
            _heading("Changes")
            + f"<p>No change yet against the starting scenario {escape(start_label)}.</p>"
        )
    rows = "".join(
        f'<tr><td style="{_TD}"><code>{escape(path)}</code></td>'
        f'<td style="{_TD}">{escape(_show(old))}</td><td style="{_TD}">→</td>'
        f'<td style="{_TD}">{escape(_show(new))}</td></tr>'
        for path, old, new in changes
    )
    return (
        _heading(f"Changes against {start_label}")
        + f'<table style="{_TABLE}"><thead><tr><th style="{_TH}">Fact</th>'
        f'<th style="{_TH}">Was</th><th style="{_TH}"></th><th style="{_TH}">Now</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _show(value: object) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]" if value else "[]"
    return str(value)


# CSS stripes per map category, the second channel besides colour (greyscale-safe), in the
# spirit of the figure's hatches: crossed, diagonal, horizontal, vertical.
_STRIPE = "repeating-linear-gradient({angle}deg,rgba(0,0,0,.22) 0 1px,transparent 1px 4px)"
_TILE_PATTERNS = {
    "recipient_high": _STRIPE.format(angle=45) + "," + _STRIPE.format(angle=-45),
    "recipient_medium": _STRIPE.format(angle=45),
    "recipient_low": _STRIPE.format(angle=0),
    "recipient_none": _STRIPE.format(angle=90),
}
_TILE_WORDS = {
    "requesting": "requesting state",
    "recipient_high": "received it: high arrest risk",
    "recipient_medium": "received it: medium arrest risk",
    "recipient_low": "received it: low arrest risk",
    "recipient_none": "received it: no arrest expected",
    "non_recipient": "did not receive it",
    "not_member": "not an INTERPOL member that day",
}


def _tile_style(category: str, *, trip: bool) -> str:
    from diffusion_scenarios.plots import PALETTE

    background = PALETTE.get(category, "#DDDDDD")
    text = text_colour_on(background)
    pattern = _TILE_PATTERNS.get(category)
    image = f"background-image:{pattern};" if pattern else ""
    border = (
        f"box-shadow:inset 0 0 0 3px {PALETTE.get('trip', '#0072B2')};"
        if trip
        else "box-shadow:inset 0 0 0 1px #999;"
    )
    return f"background-color:{background};{image}color:{text};{border}"


def tile_map_html(assessment: Assessment, region: str | None = None) -> str:
    """A tile-grid map as HTML: one square per member, coloured and striped by category.

    Same layout, categories and palette as :func:`diffusion_scenarios.plots.circulation_map`
    (read from it, so the two never disagree), drawn by the browser in milliseconds. Each
    square carries its country name and category as a tooltip and for screen readers;
    planned-trip destinations have a thick blue edge.
    """
    from diffusion_scenarios.plots import PALETTE, map_category, tile_layout

    tiles = tile_layout()
    if region is not None:
        from diffusion_scenarios._law.countries import interpol_region

        tiles = tuple(t for t in tiles if interpol_region(t.country) == region)
    if not tiles:
        return "<p>No member in this region.</p>"
    entries = {e.country: e for e in assessment.enforcement}
    trips = {t.country for t in assessment.travel}
    top = min(t.row for t in tiles)
    left = min(t.col for t in tiles)
    columns = max(t.col for t in tiles) - left + 1
    cells = []
    counts: dict[str, int] = {}
    for tile in tiles:
        category = map_category(entries.get(tile.country))
        counts[category] = counts.get(category, 0) + 1
        trip = tile.country in trips
        words = _TILE_WORDS.get(category, category) + ("; planned trip" if trip else "")
        label = f"{shown_label(assessment, tile.country)}: {words}"
        cells.append(
            f'<div role="img" aria-label="{escape(label)}" title="{escape(label)}" '
            f'style="grid-row:{tile.row - top + 1};grid-column:{tile.col - left + 1};'
            f"{_tile_style(category, trip=trip)}aspect-ratio:1;display:flex;min-width:0;"
            "align-items:center;justify-content:center;font-size:7px;font-weight:600;"
            f'overflow:hidden;border-radius:2px">{escape(tile.country)}</div>'
        )
    legend = "".join(
        f'<span style="display:inline-flex;align-items:center;margin:0 10px 2px 0">'
        f'<span style="display:inline-block;width:14px;height:14px;margin-right:4px;'
        f'{_tile_style(category, trip=False)}"></span>{escape(words)} ({counts[category]})'
        "</span>"
        for category, words in _TILE_WORDS.items()
        if counts.get(category)
    )
    if trips & {t.country for t in tiles}:
        legend += (
            '<span style="display:inline-flex;align-items:center"><span style="display:'
            "inline-block;width:14px;height:14px;margin-right:4px;box-shadow:inset 0 0 0 3px "
            f'{PALETTE.get("trip", "#0072B2")}"></span>planned trip</span>'
        )
    shown = {t.country for t in tiles}
    first = [assessment.requesting_country or "", *(t.country for t in assessment.travel)]
    named = [code for code in dict.fromkeys(first) if code in shown]
    if named:  # the codes that matter most, spelled out (every tile also has its name on hover)
        names = " · ".join(
            f"<b>{escape(code)}</b> = {escape(_legend_name(assessment, code))}"
            for code in named
        )
        legend += f'<div style="margin-top:4px">{names}</div>'
    where = "the world" if region is None else region.replace("_", " ").title()
    return (
        f'<div aria-label="Map of {escape(where)}" style="display:grid;'
        f"grid-template-columns:repeat({columns},minmax(0,1fr));gap:2px;width:100%;max-width:"
        f'{max(240, 34 * columns)}px">{"".join(cells)}</div>'
        f'<div style="font-size:12px;margin-top:6px">{legend}</div>'
    )
