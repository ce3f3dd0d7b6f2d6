"""The plain-text report of an assessment, for people reading it in a terminal.

Short sections, the outcome first; every point carries its rule ids and their verification
status (``[ccf-statute-40-access, secondary]``), anything unverified is flagged in capitals,
what the answer depends on comes near the end and the caveats last. The output depends only
on the assessment, so the same assessment always gives the same text.

What the report says is :func:`diffusion_scenarios._render.content.text_content`, built by the
same section modules as the memo; this module only lays the blocks out as wrapped lines.
"""

from __future__ import annotations

import textwrap

from diffusion_scenarios._engine.assessment import Assessment
from diffusion_scenarios._engine.stage import long_date
from diffusion_scenarios._render.content import text_content
from diffusion_scenarios._render.document import (
    Block,
    BulletItem,
    Bullets,
    Figure,
    GroundItem,
    Memo,
    Paragraph,
    Rules,
    Span,
    Text,
)
from diffusion_scenarios.errors import printable

__all__ = ["render_text"]

WIDTH = 88

_KEEP = "\ue000"  # (private use) a space no line may break at, while the text is wrapped


def _para(text: str, indent: str = "  ", first: str | None = None) -> list[str]:
    # "State A" stays on one line, so an assumed state never reads "State" then "A (...)".
    text = text.replace("State A", f"State{_KEEP}A")
    return [
        line.replace(_KEEP, " ")
        for line in textwrap.wrap(
            text,
            width=WIDTH,
            initial_indent=first if first is not None else indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )
    ] or [first or indent]


def _heading(title: str) -> list[str]:
    return ["", title.upper(), "-" * len(title)]


def _tags(rules: Rules) -> str:
    """``[id, status]`` for each rule id (each once), with UNVERIFIED in capitals."""
    return " ".join(f"[{ref.id}, {ref.status}]" for ref in dict.fromkeys(rules.refs))


def _words(text: Text) -> str:
    """The words of inline pieces, without their links (a link goes on a line of its own)."""
    return "".join(
        _tags(piece) if isinstance(piece, Rules) else piece.text
        for piece in text
        if isinstance(piece, Rules) or piece.style != "link"
    )


def _lines(text: Text, *, indent: str, first: str | None = None) -> list[str]:
    """Wrapped words, then each link on its own line, never wrapped, so it can be copied
    whole: two spaces in from where the words start."""
    links = [p.text for p in text if not isinstance(p, Rules) and p.style == "link"]
    shift = (first if first is not None else indent).replace("- ", "")
    return _para(_words(text), indent=indent, first=first) + [f"{shift}  {u}" for u in links]


def _item(item: BulletItem) -> list[str]:
    lines = _lines(item.text, indent="    ", first="  - ")
    for child in item.children:
        lines += _lines(child, indent="      ")
    return lines


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return _lines(block.text, indent="" if block.role == "lead" else "  ")
    if isinstance(block, Bullets) and block.level == 2:
        return [
            line
            for item in block.items
            for line in _lines(item.text, indent="      ", first="    - ")
        ]
    if isinstance(block, Bullets):
        return [line for item in block.items for line in _item(item)]
    if isinstance(block, GroundItem):
        head = f"{block.name} ({block.strength}) {_tags(block.rules)}"
        reasons = tuple((Span(reason),) for reason in block.reasons)
        return _item(BulletItem((Span(head),), reasons))
    if isinstance(block, Figure):  # a text report has no pictures
        return []
    raise TypeError(f"the text report has no layout for {type(block).__name__}")


def render_report(memo: Memo) -> str:
    """A document of the content model as plain text (ends with a newline)."""
    # The user's words reach a terminal: control characters are shown, never acted on.
    lines = _para(printable(f"{memo.title} ({memo.scenario_id})"), indent="")
    lines.append(f"Assessed as of {long_date(memo.as_of)}. {memo.notice}")
    for section in memo.sections:
        if section.placeholder:
            continue
        if section.title:
            lines += _heading(section.title)
        for block in section.blocks:
            lines += _block(block)
    return "\n".join(lines) + "\n"


def render_text(assessment: Assessment) -> str:
    """The assessment as a plain-text report (ends with a newline).

    Example:
        >>> import datetime
        >>> from diffusion_scenarios import Notice, Scenario, assess
        >>> s = Scenario(id="demo", notice=Notice(kind="diffusion",
        ...     requesting_country="KAZ", issued_on=datetime.date(2025, 1, 10)))
        >>> "Educational model, not legal advice." in render_text(assess(s,
        ...     as_of=datetime.date(2025, 3, 1)))
        True
    """
    return render_report(text_content(assessment))
