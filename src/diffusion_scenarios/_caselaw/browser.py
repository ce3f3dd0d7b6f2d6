"""Browsing the index of CCF decisions: its tables, its chart and a panel of filters.

Tables of decisions as plain text (:func:`decisions_text`, the ``caselaw`` command),
Markdown (:func:`decisions_markdown`) and HTML with links (:func:`decisions_html`); the
share of outcomes by tag as a chart (:func:`plot_outcome_shares`); and an ipywidgets panel
that filters the index (:func:`browser`). The public names are re-exported by
:mod:`diffusion_scenarios.caselaw`; pandas, matplotlib and ipywidgets load on first use.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._caselaw.index import (
    DATA_DETAILS,
    DATA_TYPES,
    OUTCOMES,
    decisions,
    filter_decisions,
    is_missing,
    outcome_shares_by_tag,
    tag_counts,
)
from diffusion_scenarios._render.wording import OUTCOME_INDEX_LABELS

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "OUTCOME_STYLE",
    "browser",
    "decisions_html",
    "decisions_markdown",
    "decisions_text",
    "markdown_cell",
    "plot_outcome_shares",
]


def markdown_cell(text: object) -> str:
    """A value as the text of a Markdown table cell (pipes escaped, no line breaks)."""
    return " ".join(str(text).split()).replace("|", "\\|")


def decisions_markdown(df: pd.DataFrame) -> str:
    """A Markdown table of decisions, each id a link to its first source.

    Columns: decision (linked), year, kind of data, outcome in words and tags. Further
    sources are linked as [2], [3] after the id. Empty years read "not dated".

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> text = caselaw.decisions_markdown(caselaw.filter_decisions(data_type="diffusion"))
        >>> text.splitlines()[0]
        '| Decision | Year | Data | Outcome | Tags |'
    """
    lines = ["| Decision | Year | Data | Outcome | Tags |", "|---|---|---|---|---|"]
    for record in df.to_dict("records"):
        urls = [str(u) for u in record["urls"]]
        name = markdown_cell(record["decision_id"])
        link = f"[{name}]({urls[0]})" if urls else name
        link += "".join(f" [[{i}]]({u})" for i, u in enumerate(urls[1:], start=2))
        year = "not dated" if is_missing(record["year"]) else str(int(record["year"]))
        kind = " + ".join(d.replace("_", " ") for d in record["data_detail"]) or "other data"
        outcome = OUTCOME_INDEX_LABELS.get(str(record["outcome"]), str(record["outcome"]))
        tags = markdown_cell("; ".join(record["tags"])) or "-"
        lines.append(f"| {link} | {year} | {kind} | {outcome} | {tags} |")
    return "\n".join(lines)


def decisions_text(df: pd.DataFrame, *, width: int = 48) -> str:
    """A readable plain-text table of decisions: id, year, type, outcome, tags, URL.

    Tags wrap inside their column; each source URL gets its own line.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> text = caselaw.decisions_text(caselaw.filter_decisions(data_type="diffusion"))
        >>> text.splitlines()[0].split()[:4]
        ['id', 'year', 'type', 'outcome']
    """
    header = ("id", "year", "type", "outcome", "tags", "url")
    body: list[list[list[str]]] = []
    for record in df.to_dict("records"):
        year = "" if is_missing(record["year"]) else str(int(record["year"]))
        kind = "+".join(record["data_detail"]) or str(record["data_type"])
        tags = textwrap.wrap("; ".join(record["tags"]), width) or ["-"]
        urls = [str(u) for u in record["urls"]] or ["-"]
        body.append(
            [
                [str(record["decision_id"])],
                [year or "n/d"],
                [kind],
                [str(record["outcome"])],
                tags,
                urls,
            ]
        )
    widths = [
        max([len(header[i]), *(len(line) for cells in body for line in cells[i])])
        for i in range(len(header) - 1)
    ]

    def line(cells: Sequence[str]) -> str:
        padded = [c.ljust(w) for c, w in zip(cells[:-1], widths, strict=True)]
        return "  ".join([*padded, cells[-1]]).rstrip()

    out = [line(header), line(["-" * w for w in widths] + ["-" * 3])]
    for cells in body:
        height = max(len(c) for c in cells)
        for i in range(height):
            out.append(line([c[i] if i < len(c) else "" for c in cells]))
    out.append(f"{len(body)} decision(s)")
    return "\n".join(out)


#: Colour-blind-safe colours (Okabe-Ito) and hatches per outcome, so the chart also reads
#: in greyscale.
OUTCOME_STYLE: dict[str, tuple[str, str]] = {
    "not_compliant": ("#D55E00", "//"),
    "compliant_with_update": ("#E69F00", ".."),
    "compliant": ("#0072B2", ""),
    "unknown": ("#BBBBBB", "xx"),
}


def plot_outcome_shares(df: pd.DataFrame | None = None, *, ax: Any = None) -> Any:
    """A horizontal stacked bar chart of :func:`outcome_shares_by_tag`, one bar per tag.

    Each bar is labelled with the number of decisions behind it (``n``), so a 100% bar
    resting on one decision is visibly thin evidence. Colours are colour-blind safe and
    each outcome also has its own hatch.

    Args:
        df: decisions to summarise (default: the whole index).
        ax: a matplotlib ``Axes`` to draw on; a new figure is made if ``None``.

    Returns:
        The matplotlib ``Figure``.

    Example::

        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from diffusion_scenarios import caselaw
        >>> figure = caselaw.plot_outcome_shares()
        >>> len(figure.axes[0].patches) >= len(caselaw.tag_counts())
        True
    """
    from diffusion_scenarios._render.figure import ShownFigure

    shares = outcome_shares_by_tag(df)
    own_figure = ax is None
    if ax is None:
        height = max(2.5, 0.38 * len(shares) + 1.2)
        figure = ShownFigure(figsize=(9, height), layout="constrained")
        ax = figure.subplots()
    else:
        figure = ax.figure
    positions = list(range(len(shares)))[::-1]  # most frequent tag on top
    left = [0.0] * len(shares)
    for outcome in OUTCOMES:
        colour, hatch = OUTCOME_STYLE[outcome]
        widths = [float(v) for v in shares[outcome]]
        ax.barh(
            positions,
            widths,
            left=left,
            color=colour,
            hatch=hatch,
            edgecolor="white",
            label=OUTCOME_INDEX_LABELS[outcome],
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(
        positions, [f"{tag} (n={n})" for tag, n in zip(shares.index, shares["n"], strict=True)]
    )
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the tag's decisions in the index")
    ax.xaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    ax.set_title("CCF decisions in the index: outcome by tag", loc="left")
    if own_figure:  # centred on the whole figure, so long tag names cannot push it off
        figure.legend(loc="outside upper center", ncols=2, frameon=False)
    else:
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.06), ncols=2, frameon=False)
    return figure


def decisions_html(df: pd.DataFrame) -> str:
    """The decisions as an HTML table: id, year, data, outcome, tags, and each source as a
    link (opened in a new tab). Every value is escaped.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> page = caselaw.decisions_html(caselaw.filter_decisions(data_type="diffusion"))
        >>> page.startswith("<table") and "<a href=" in page
        True
    """
    import html

    def cell(text: str) -> str:
        return f"<td>{html.escape(text)}</td>"

    rows = []
    for record in df.to_dict("records"):
        year = "" if is_missing(record["year"]) else str(int(record["year"]))
        kind = ", ".join(d.replace("_", " ") for d in record["data_detail"]) or str(
            record["data_type"]
        ).replace("_", " ")
        outcome = OUTCOME_INDEX_LABELS.get(str(record["outcome"]), str(record["outcome"]))
        links = "<br>".join(
            f'<a href="{html.escape(str(u), quote=True)}" target="_blank" '
            f'rel="noopener noreferrer">{html.escape(_link_words(str(u)))}</a>'
            for u in record["urls"]
        )
        rows.append(
            "<tr>"
            + cell(str(record["decision_id"]))
            + cell(year or "n/d")
            + cell(kind)
            + cell(outcome)
            + cell("; ".join(record["tags"]) or "-")
            + f"<td>{links or '-'}</td>"
            + "</tr>"
        )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Decision", "Year", "Data", "Outcome", "Tags", "Source")
    )
    return (
        '<table class="caselaw-table" style="border-collapse: collapse; font-size: 0.9em">'
        f"<caption>{len(rows)} decision(s)</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "<style>.caselaw-table th, .caselaw-table td {border-bottom: 1px solid #ccc; "
        "padding: 2px 8px; text-align: left; vertical-align: top}</style>"
    )


def _link_words(url: str) -> str:
    """A source link's words: its site and the last part of its path."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    tail = [p for p in parts.path.split("/") if p]
    return parts.netloc.removeprefix("www.") + (f" / {tail[-1]}" if tail else "")


def browser(df: pd.DataFrame | None = None) -> Any:
    """An ipywidgets panel to browse the decisions: labelled filters and a table with links.

    The filters (tag, outcome, type, year) offer only values present in the index, plus
    "any"; the outcome also offers "deleted" and "kept" (with or without an update); tags
    are listed under their normalised names. The table is a real HTML table
    (:func:`decisions_html`) whose sources are links.

    Returns:
        An ``ipywidgets.VBox``; its ``.filters`` dict holds the four dropdowns and
        ``.table`` the HTML widget with the current table.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> panel = caselaw.browser()
        >>> panel.filters["outcome"].value = "kept"
        >>> "kept" in panel.table.value and "deleted (not" not in panel.table.value
        True
    """
    import ipywidgets as widgets

    table = decisions() if df is None else df
    any_value = "(any)"
    years = sorted({int(y) for y in table["year"] if not is_missing(y)})
    kinds = [
        k for k in (*DATA_TYPES, *DATA_DETAILS) if not filter_decisions(table, data_type=k).empty
    ]
    outcome_options: list[tuple[str, str]] = [(any_value, any_value)]
    outcome_options += [("deleted", "deleted"), ("kept (with or without an update)", "kept")]
    outcome_options += [
        (OUTCOME_INDEX_LABELS[o], o) for o in OUTCOMES if (table["outcome"] == o).any()
    ]
    options: dict[str, Any] = {
        "tag": [any_value, *sorted(tag_counts(table).index, key=str.lower)],
        "outcome": outcome_options,
        "data_type": [any_value, *dict.fromkeys(kinds)],
        "year": [any_value, *[str(y) for y in years]],
    }
    labels = {"tag": "Tag", "outcome": "Outcome", "data_type": "Data", "year": "Year"}
    filters = {
        name: widgets.Dropdown(
            options=values,
            value=any_value,
            description=labels[name],
            style={"description_width": "initial"},
        )
        for name, values in options.items()
    }
    shown = widgets.HTML()
    summary = widgets.Label()

    def refresh(_: object = None) -> None:
        chosen = {k: (None if w.value == any_value else w.value) for k, w in filters.items()}
        result = filter_decisions(table, **chosen)
        summary.value = f"{len(result)} of {len(table)} decisions match"
        shown.value = (
            decisions_html(result) if len(result) else "<p>No decision matches these filters.</p>"
        )

    for control in filters.values():
        control.observe(refresh, names="value")
    refresh()
    panel = widgets.VBox([widgets.HBox(list(filters.values())), summary, shown])
    panel.filters = filters
    panel.table = shown
    return panel
