"""The client memo as Markdown (GitHub-flavoured tables).

The memo is a document a lawyer can keep on file: the not-legal-advice notice first, then
the facts as the user stated them (and which facts were unknown), how the request was
issued and where it circulated, the arrest risk per country and per trip, the grounds with
their rules and verification status, the CCF route with dates, the likely outcome, what
the answer depends on, the rules cited, and the caveats last.

What the memo says is :func:`diffusion_scenarios._render.content.memo_content`; this module
only writes it as Markdown (the HTML and Word memos render the same content). Pictures are
left out: they are in the HTML and Word memos.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from diffusion_scenarios._render.content import NOTICE, memo_content
from diffusion_scenarios._render.document import (
    Block,
    Bullets,
    FactGroup,
    Fields,
    Figure,
    GroundItem,
    Heading,
    Paragraph,
    Rules,
    Span,
    Table,
    Text,
)

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment

__all__ = ["NOTICE", "render_markdown"]


# --- markdown ------------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Escape text for Markdown: no raw HTML, no table breaks, no accidental emphasis."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for character in ("\\", "|", "*", "_", "`", "[", "]"):
        escaped = escaped.replace(character, "\\" + character)
    return " ".join(escaped.split())


def _autolink(url: str) -> str:
    if url.startswith(("https://", "http://")) and not any(c in url for c in " <>|`"):
        return f"<{url}>"
    return _md(url) if url else "no source recorded"


def _words(text: str) -> str:
    """Escaped words in a run of text: inner space collapsed, an outer space kept."""
    inner = _md(text)
    if not inner:
        return " " if text[:1].isspace() else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return lead + inner + trail


_STYLE = {
    "strong": "**{}**",
    "em": "*{}*",
    "flag": "**{}**",
}


def _inline(piece: Span | Rules) -> str:
    if isinstance(piece, Rules):
        return _md(piece.text)
    if piece.style == "code":
        return f"`{piece.text}`"
    if piece.style == "link":
        return _autolink(piece.text)
    if piece.style == "deadline":
        return f"**{piece.text}**"
    if piece.style == "xref":
        return "appendix (reasons country by country)"
    return _STYLE.get(piece.style, "{}").format(_words(piece.text))


def _text(text: Text) -> str:
    return "".join(_inline(piece) for piece in text).strip()


def _table(header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join("---" for _ in header) + " |",
    ]
    lines.extend("| " + " | ".join(cells) + " |" for cells in rows)
    return lines


def _bullets(block: Bullets) -> list[str]:
    lines: list[str] = []
    for item in block.items:
        lines.append(f"- {_text(item.text)}")
        lines += [f"    - {_text(child)}" for child in item.children]
    return lines


def _ground(ground: GroundItem) -> list[str]:
    flag = " — rests on an UNVERIFIED rule" if ground.rules.unverified else ""
    return [
        f"### {_md(ground.name)} (`{ground.id}`): {ground.strength}{flag}",
        "",
        f"Rules: {_md(ground.rules.text)}",
        "",
        *(f"- {_md(reason)}" for reason in ground.reasons),
    ]


def _block(block: Block) -> list[str]:
    """The lines of one block (a blank line follows each block)."""
    if isinstance(block, Paragraph):
        return [_text(block.text)]
    if isinstance(block, Bullets):
        return _bullets(block)
    if isinstance(block, Fields):
        return [f"- {label}: {_text(value)}" for label, value in block.items]
    if isinstance(block, FactGroup):
        return [f"### {block.title}", "", *(f"- {_md(k)}: {_md(v)}" for k, v in block.items)]
    if isinstance(block, Table):
        return _table(block.header, (tuple(_text(cell) for cell in row) for row in block.rows))
    if isinstance(block, Heading):
        return [f"{'#' * block.level} {block.text}"]
    if isinstance(block, GroundItem):
        return _ground(block)
    raise TypeError(f"no Markdown for {type(block).__name__}")


def render_markdown(assessment: Assessment) -> str:
    """The client memo as Markdown, with GitHub-flavoured tables and no figures.

    Example:
        >>> import diffusion_scenarios as ds
        >>> memo = render_markdown(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]))
        >>> memo.splitlines()[0].startswith("# Memo:")
        True
    """
    from diffusion_scenarios._base.version import __version__

    memo = memo_content(assessment)
    out: list[str] = [
        f"# Memo: {_md(memo.title)}",
        "",
        f"> **{_md(memo.notice)}**",
        "",
        f"Scenario `{memo.scenario_id}`, assessed as of **{memo.as_of.isoformat()}** "
        f"with diffusion-scenarios {__version__}. The pictures (circulation map, route "
        "timeline, grounds chart) are in the HTML version of this memo.",
        "",
    ]
    for section in memo.sections:
        if section.placeholder:
            continue
        out += [f"## {section.title}", ""]
        for block in section.blocks:
            if not isinstance(block, Figure):
                out += [*_block(block), ""]
    return "\n".join(out)
