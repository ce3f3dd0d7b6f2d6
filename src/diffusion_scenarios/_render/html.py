"""The client memo as ONE self-contained HTML file, with the figures inline as SVG.

It renders the one memo content (:func:`diffusion_scenarios._render.content.memo_content`),
as the Markdown memo does; this module only says how each block looks in HTML.

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
from collections.abc import Callable, Iterable
from html import escape
from typing import TYPE_CHECKING

from diffusion_scenarios._render.content import memo_content
from diffusion_scenarios._render.document import (
    Block,
    Bullets,
    FactGroup,
    Fields,
    GroundItem,
    Heading,
    Memo,
    Paragraph,
    Rules,
    Section,
    Span,
    Table,
    Text,
)
from diffusion_scenarios._render.document import Figure as FigureBlock

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


def _rules(rules: Rules) -> str:
    text = _e(rules.text)
    return f'<span class="unverified">{text}</span>' if rules.unverified else text


_WRAP = {
    "strong": "<strong>{}</strong>",
    "em": "<em>{}</em>",
    "code": "<code>{}</code>",
    "estimated": '<span class="estimated">{}</span>',
    "deadline": '<span class="deadline">{}</span>',
    "flag": '<span class="unverified">{}</span>',
}


def _inline(piece: Span | Rules) -> str:
    if isinstance(piece, Rules):
        return _rules(piece)
    if piece.style == "link":
        return _source_link(piece.text)
    if piece.style == "xref":
        return f'<a href="#{_e(piece.target)}">{_e(piece.text)}</a>'
    return _WRAP.get(piece.style, "{}").format(_e(piece.text))


def _text(text: Text) -> str:
    return "".join(_inline(piece) for piece in text)


def _table(table: Table) -> str:
    head = "".join(f'<th scope="col">{_e(cell)}</th>' for cell in table.header)
    body = "".join(
        "<tr>" + "".join(f"<td>{_text(cell)}</td>" for cell in row) + "</tr>" for row in table.rows
    )
    opening = f'<table class="{table.css_class}">' if table.css_class else "<table>"
    return (
        f"{opening}<caption>{_e(table.caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _source_link(url: str) -> str:
    if re.fullmatch(r"https?://[^\s<>\"']+", url):
        return f'<a href="{_e(url)}" rel="noopener noreferrer">{_e(url)}</a>'
    return _e(url) if url else "no source recorded"


def _bullets(block: Bullets) -> list[str]:
    if not block.items:
        return []
    items = []
    for item in block.items:
        children = "".join(f"<li>{_text(child)}</li>" for child in item.children)
        nested = f"<ul>{children}</ul>" if children else ""
        items.append(f"<li>{_text(item.text)}{nested}</li>")
    return ["<ul>", *items, "</ul>"]


def _ground(ground: GroundItem) -> list[str]:
    flag = (
        ' <span class="unverified">rests on an UNVERIFIED rule</span>'
        if ground.rules.unverified
        else ""
    )
    strength = _e(ground.strength)
    return [
        f"<h3>{_e(ground.name)} (<code>{_e(ground.id)}</code>) "
        f'<span class="strength strength-{strength}">{strength}</span>{flag}</h3>',
        f"<p>Rules: {_rules(ground.rules)}</p>",
        _list(ground.reasons),
    ]


def _definitions(items: Iterable[tuple[str, str]]) -> list[str]:
    return [f"<dt>{_e(label)}</dt><dd>{value}</dd>" for label, value in items]


def _heading(block: Heading) -> str:
    anchor = f' id="{_e(block.anchor)}"' if block.anchor else ""
    return f"<h{block.level}{anchor}>{_e(block.text)}</h{block.level}>"


def _block(block: Block, figure: Callable[[FigureBlock], str]) -> list[str]:
    """The lines of one block of the memo content."""
    if isinstance(block, Paragraph):
        css = f' class="{block.role}"' if block.role else ""
        return [f"<p{css}>{_text(block.text)}</p>"]
    if isinstance(block, Bullets):
        return _bullets(block)
    if isinstance(block, Fields):
        items = ((label, _text(value)) for label, value in block.items)
        return ['<dl class="facts">', *_definitions(items), "</dl>"]
    if isinstance(block, FactGroup):
        items = ((label, _e(value)) for label, value in block.items)
        return [f'<h3>{_e(block.title)}</h3><dl class="facts">', *_definitions(items), "</dl>"]
    if isinstance(block, Table):
        return [_table(block)]
    if isinstance(block, Heading):
        return [_heading(block)]
    if isinstance(block, GroundItem):
        return _ground(block)
    return [figure(block)]


def _head(memo: Memo, version: str) -> list[str]:
    """The document's head, its header (title, notice, date) and the table of contents."""
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="diffusion-scenarios {_e(version)}">',
        f"<title>Memo: {_e(memo.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>Memo: {_e(memo.title)}</h1>",
        f'<p class="notice" role="note"><strong>{_e(memo.notice)}</strong></p>',
        f'<p class="meta">Scenario <code>{_e(memo.scenario_id)}</code>, assessed as of '
        f"<strong>{memo.as_of.isoformat()}</strong> with diffusion-scenarios "
        f"{_e(version)}.</p>",
        "</header>",
        '<nav aria-label="Contents"><ol>',
        *(
            f'<li><a href="#{section.anchor}">{_e(section.title)}</a></li>'
            for section in memo.sections
        ),
        "</ol></nav>",
    ]


def _section(section: Section, figure: Callable[[FigureBlock], str]) -> list[str]:
    lines = [f'<section id="{section.anchor}"><h2>{_e(section.title)}</h2>']
    for block in section.blocks:
        lines += _block(block, figure)
    return [*lines, "</section>"]


def _figures(assessment: Assessment, *, figures: bool) -> Callable[[FigureBlock], str]:
    """How a figure of the content is drawn: inline SVG, or nothing without figures."""

    def draw(block: FigureBlock) -> str:
        if not figures:
            return ""
        from diffusion_scenarios._render import plot_charts, plot_map

        chart = {
            "circulation_map": plot_map.circulation_map,
            "route_timeline": plot_charts.route_timeline,
            "grounds_chart": plot_charts.grounds_chart,
        }[block.kind]
        drawn = chart(assessment)
        alt = getattr(drawn, "alt_text", "")  # the map names its countries (lab: alt text)
        return plot_map.tile_titles(
            _figure(
                drawn,
                name=block.kind.replace("_", "-"),
                description=f"{block.description} {alt}".strip(),
                caption=block.caption,
            ),
            assessment.scenario,
        )

    return draw


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
    from diffusion_scenarios._base.version import __version__

    memo = memo_content(assessment)
    figure = _figures(assessment, figures=figures)
    parts = [*_head(memo, __version__), "<main>"]
    for section in memo.sections:
        parts += _section(section, figure)
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(part for part in parts if part) + "\n"
