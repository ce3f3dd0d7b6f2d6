"""The draft request as a Word document: real headings, numbered paragraphs, the document
list, the route's picture, and "Training draft, not legal advice" on every page.

It reuses the Word memo's building blocks (:mod:`diffusion_scenarios._render.word`): the
page set-up, runs, hyperlinks, page-number fields, pictures and the normalised zip.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from typing import TYPE_CHECKING

from diffusion_scenarios._render import word as _w
from diffusion_scenarios._render.draft import TRAINING, Draft

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

    from diffusion_scenarios._engine.assessment import Assessment

__all__ = ["render_draft_docx"]

_LINK = re.compile(r"<(https?://[^\s<>]+)>")
_WARNING = "8A2A63"


def _text(paragraph: Paragraph, text: str) -> None:
    """Runs for ``text``: ``<https://...>`` as hyperlinks, ``[...]`` in bold to fill in."""
    position = 0
    for match in _LINK.finditer(text):
        _plain(paragraph, text[position : match.start()])
        _w._hyperlink(paragraph, match.group(1))
        position = match.end()
    _plain(paragraph, text[position:])


def _plain(paragraph: Paragraph, text: str) -> None:
    for piece in re.split(r"(\[[^\]]*\])", text):
        if piece:
            _w._run(paragraph, piece, bold=piece.startswith("["))


#: The route picture's width in pixels: about 170 dpi across the text width, enough to print
#: and half the time of the memo's (the PNG encoding is most of a draft's time).
_PICTURE_PIXELS = 1100


def _route_picture(memo: _w._Memo, assessment: Assessment) -> None:
    """The CCF route with its dates, as a picture with its description and caption."""
    import warnings

    from docx.shared import Pt

    from diffusion_scenarios._render import plot_charts

    buffer = io.BytesIO()
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            figure = plot_charts.route_timeline(assessment)
            dpi = max(72, round(_PICTURE_PIXELS / figure.get_figwidth()))
            figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    except ValueError:
        memo.para("[The route's picture could not be drawn.]", italic=True)
        return
    buffer.seek(0)
    memo.doc.add_picture(buffer, width=memo.text_width)
    inline = memo.doc.inline_shapes[-1]._inline
    inline.docPr.set("name", "route-timeline")
    inline.docPr.set(
        "descr",
        "The steps of the challenge before the CCF on a time line, with their dates and deadlines.",
    )
    caption = memo.para(style="Caption")
    _w._run(caption, "Figure 1. ", bold=True)
    _w._run(caption, _route_caption(assessment))
    caption.paragraph_format.space_after = Pt(10)


def _route_caption(assessment: Assessment) -> str:
    """What the route picture counts from: the filing date in the facts, or the day assessed."""
    from diffusion_scenarios._engine.stage import long_date

    scenario = assessment.scenario
    filed = scenario.challenge.filed_on if scenario and scenario.challenge else None
    if filed is None:
        return (
            "The CCF route with its dates, planned from the day assessed "
            f"({long_date(assessment.as_of)})."
        )
    return (
        f"The CCF route with its dates, counted from the filing date in the facts "
        f"({long_date(filed)}); a request filed on another day moves every date."
    )


def render_draft_docx(
    assessment: Assessment,
    draft: Draft,
    *,
    figures: bool = True,
    timestamp: _dt.datetime | None = None,
) -> bytes:
    """The draft as the bytes of a .docx file."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    _w._require_docx()
    memo = _w._Memo(assessment)
    doc = memo.doc
    when = _w._timestamp(timestamp)
    props = doc.core_properties
    props.title = _w._property(f"{draft.title} — {TRAINING}")
    props.subject = _w._property(f"Scenario {draft.scenario_id}, as of {draft.as_of.isoformat()}")
    props.author = "diffusion-scenarios"
    props.comments = TRAINING
    props.created = props.modified = when
    props.last_modified_by = "diffusion-scenarios"
    props.revision = 1

    section = doc.sections[0]
    header = section.header.paragraphs[0]
    _w._run(header, f"{TRAINING} — {draft.title}", bold=True, colour=_WARNING)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _w._run(footer, f"{TRAINING}. Page ")
    _w._field(footer, "PAGE", "1")
    _w._run(footer, " of ")
    _w._field(footer, "NUMPAGES", "1")

    doc.add_heading(_w.clean_text(draft.title), level=0)
    first = memo.para()
    _w._run(first, f"{TRAINING}. ", bold=True, colour=_WARNING)
    _w._run(
        first,
        f"Made by diffusion-scenarios from scenario {draft.scenario_id} as of "
        f"{draft.as_of.isoformat()}. Check every fact and rule; fill in everything in "
        "[brackets].",
    )
    for warning in draft.warnings:
        paragraph = memo.para()
        _w._run(paragraph, "Warning: ", bold=True, colour=_WARNING)
        _w._run(paragraph, warning)

    section_number = 0
    for block in draft.blocks:
        if block.kind == "heading":
            if block.level == 1:
                section_number += 1
                doc.add_heading(f"{section_number}. {_w.clean_text(block.text)}", level=1)
            else:
                doc.add_heading(_w.clean_text(block.text), level=2)
        elif block.kind == "numbered":
            _text(memo.para(style="List Number"), _w.clean_text(block.text))
        elif block.kind == "bullet":
            _text(memo.para(style="List Bullet"), _w.clean_text(block.text))
        elif block.kind == "note":
            paragraph = memo.para()
            _text(paragraph, _w.clean_text(block.text))
            for run in paragraph.runs:
                run.italic = True
        elif block.kind == "figure":
            if figures:
                _route_picture(memo, assessment)
        else:
            _text(memo.para(), _w.clean_text(block.text))
    closing = memo.para()
    _w._run(closing, f"{TRAINING}.", bold=True, colour=_WARNING)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _w._normalised_zip(buffer.getvalue())
