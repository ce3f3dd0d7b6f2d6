"""The client memo as a Word document (.docx), built with python-docx.

The long form of the one memo content (:func:`diffusion_scenarios._render.content.
long_memo_content`), for lawyers who draft, edit and send memos in Word; this module only
says how each block and inline role of the content looks in Word. In order: the
not-legal-advice notice first, then the likely outcome, the facts as given and what is
unknown, how the request was issued and where it circulated, the arrest risk, the trips,
the grounds, the CCF route with its dates and deadlines, what a deletion does not end, the
three pictures (as PNG images), the rules cited with their verification status (UNVERIFIED
in bold capitals), and the caveats.

It is a real Word document: headings use Word's heading styles (the navigation pane lists
the sections), tables are Word tables whose header row repeats on every page, the footer
numbers the pages with a PAGE field, pictures carry alternative text, and the document's
properties hold its title, subject, keywords and the notice.

Everything the user wrote is written as text: nothing is interpreted. Characters that an
XML file cannot hold (control characters other than tab and line breaks, lone surrogates)
are replaced by U+FFFD (the replacement character, shown as a question mark in a diamond)
so they remain visible and the file always opens.

Deterministic apart from its timestamp: the document's created/modified properties are
the moment it is made (or ``SOURCE_DATE_EPOCH`` when that is set, or the ``timestamp``
argument); every zip entry is dated 1980-01-01 00:00 (the zip epoch) and written in a fixed
order, so two memos of the same assessment made at the same second are identical bytes.
"""

from __future__ import annotations

import copy
import datetime as _dt
import io
import os
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._render import document as c
from diffusion_scenarios._render.content import NOTICE, long_memo_content
from diffusion_scenarios._render.document import (
    Rules,
    Span,
    Text,
    rules,
)
from diffusion_scenarios._render.plain import words
from diffusion_scenarios._render.wording import KIND_WORDS
from diffusion_scenarios.errors import MissingDependencyError

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    from diffusion_scenarios._engine.assessment import Assessment

__all__ = [
    "DOCX_MEDIA_TYPE",
    "INSTALL_HINT",
    "ZIP_TIMESTAMP",
    "clean_text",
    "render_docx",
]

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: The date of every entry in the zip container: the zip epoch, so the bytes do not change.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
INSTALL_HINT = (
    'the Word memo needs python-docx; install it with: pip install "diffusion-scenarios[docx]"'
)


# The notice in the document's properties (Word keeps at most 255 characters there).
_PROPERTY_NOTICE = (
    "Not legal advice: an educational model of INTERPOL's rules and CCF practice; rules "
    "marked unverified are not settled law. Check every point against the current texts "
    "and take advice from a qualified lawyer."
)
_FLAG = "8A2A63"  # the colour of UNVERIFIED, as in the HTML memo (also bold capitals)
_MUTED = "555555"
_LINK = "0563C1"
_HEADER_FILL = "F2F2F2"
_NOTICE_FILL = "FBF1F6"
_CELL_STYLE = "Table Text"  # 9 pt, no space after: the text in every table cell
_FIGURE_PIXELS = 1650  # picture width in pixels: about 250 dpi across the text width

# XML 1.0 allows tab, line feed, carriage return and these ranges; nothing else.
_XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_URL = re.compile(r"https?://[^\s<>\"']+")


def clean_text(text: str) -> str:
    """``text`` with every character XML cannot hold replaced by U+FFFD (visible)."""
    return _XML_ILLEGAL.sub("\ufffd", text)


def _property(text: str) -> str:
    """A document property: clean, on one line, at most the 255 characters Word keeps."""
    text = " ".join(clean_text(text).split())
    return text if len(text) <= 255 else text[:254] + "…"


def _require_docx() -> None:
    try:
        import docx  # noqa: F401
    except ImportError:
        raise MissingDependencyError(INSTALL_HINT) from None


def _timestamp(value: _dt.datetime | None) -> _dt.datetime:
    """UTC, to the second, without tzinfo (python-docx writes it as ...Z)."""
    if value is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            value = _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC)
        else:
            value = _dt.datetime.now(tz=_dt.UTC)
    if value.tzinfo is not None:
        value = value.astimezone(_dt.UTC).replace(tzinfo=None)
    return value.replace(microsecond=0)


# --- low-level Word helpers -------------------------------------------------------------------


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _run(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    colour: str | None = None,
    mono: bool = False,
    size: float | None = None,
) -> None:
    """One run of text, built as its XML directly: the same elements python-docx writes
    (``rFonts``, ``b``, ``i``, ``color``, ``sz``; a tab and a line break as ``w:tab`` and
    ``w:br``), at a fraction of the cost, which matters for memos with hundreds of rows."""
    run = _make("w:r")
    if bold or italic or colour is not None or mono or size is not None:
        properties = _make("w:rPr")
        if mono:
            properties.append(_make("w:rFonts", ascii="Consolas", hAnsi="Consolas"))
        if bold:
            properties.append(_make("w:b"))
        if italic:
            properties.append(_make("w:i"))
        if colour is not None:
            properties.append(_make("w:color", val=colour.upper()))
        if size is not None:
            properties.append(_make("w:sz", val=str(round(size * 2))))
        run.append(properties)
    for index, line in enumerate(clean_text(text).split("\n")):
        if index:
            run.append(_make("w:br"))
        for position, piece in enumerate(line.split("\t")):
            if position:
                run.append(_make("w:tab"))
            if piece:
                element = _make("w:t")
                if piece != piece.strip():
                    element.set(_XML_SPACE, "preserve")
                element.text = piece
                run.append(element)
    paragraph._p.append(run)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _make(tag: str, **attributes: str) -> Any:
    """A ``w:`` element with ``w:`` attributes, made by lxml directly (python-docx's
    ``OxmlElement`` parses a string for each element)."""
    from docx.oxml.parser import oxml_parser

    name = tag.removeprefix("w:")
    element = oxml_parser.makeelement(f"{{{_W}}}{name}", nsmap={"w": _W})
    for key, value in attributes.items():
        element.set(f"{{{_W}}}{key}", value)
    return element


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``): Word and LibreOffice fill it in on display."""
    from docx.oxml.ns import qn

    begin = paragraph.add_run()
    begin._r.append(_element("w:fldChar", fldCharType="begin"))
    code = paragraph.add_run()
    instr = _element("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    code._r.append(instr)
    separate = paragraph.add_run()
    separate._r.append(_element("w:fldChar", fldCharType="separate"))
    paragraph.add_run(placeholder)
    end = paragraph.add_run()
    end._r.append(_element("w:fldChar", fldCharType="end"))


def _hyperlink(paragraph: Paragraph, url: str) -> None:
    """An external link whose text is the address itself (for the sources of rules)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml.ns import qn

    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = _element("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = _element("w:r")
    properties = _element("w:rPr")
    properties.append(_element("w:color", val=_LINK))
    properties.append(_element("w:u", val="single"))
    run.append(properties)
    text = _element("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = clean_text(url)
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def _box(paragraph: Paragraph, colour: str, fill: str) -> None:
    """A border and a background around one paragraph (the notice)."""
    properties = paragraph._p.get_or_add_pPr()
    borders = _element("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        borders.append(_element(f"w:{side}", val="single", sz="12", space="4", color=colour))
    shading = _element("w:shd", val="clear", color="auto", fill=fill)
    # Schema order inside w:pPr: pStyle ... pBdr, shd ... spacing, ind, jc ... rPr.
    successors = ("w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")
    anchor = None
    from docx.oxml.ns import qn

    for child in properties:
        if child.tag in {qn(tag) for tag in successors}:
            anchor = child
            break
    if anchor is None:
        properties.append(borders)
        properties.append(shading)
    else:
        anchor.addprevious(borders)
        anchor.addprevious(shading)


def _shade(cell: _Cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = _element("w:shd", val="clear", color="auto", fill=fill)
    # w:shd comes after tcW/gridSpan/vMerge/tcBorders and before noWrap/tcMar/vAlign.
    from docx.oxml.ns import qn

    later = {qn(t) for t in ("w:noWrap", "w:tcMar", "w:textDirection", "w:vAlign")}
    for child in properties:
        if child.tag in later:
            child.addprevious(shading)
            return
    properties.append(shading)


Filler = Callable[["Paragraph"], None]
Cell = str | Filler


class _Memo:
    """Builds the document; one instance per memo."""

    def __init__(self, assessment: Assessment) -> None:
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.shared import Cm, Pt

        self.assessment = assessment
        self.doc: Document = docx.Document()
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        page_width, margin = Cm(21.0), Cm(2.2)  # A4
        section.page_width, section.page_height = page_width, Cm(29.7)
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = Cm(2.0)
        self.text_width = int(page_width - 2 * margin)
        from docx.enum.style import WD_STYLE_TYPE

        styles = self.doc.styles
        styles["Normal"].font.size = Pt(10.5)
        cell_style = styles.add_style(_CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        cell_style.base_style = styles["Normal"]
        cell_style.font.size = Pt(9)
        cell_style.paragraph_format.space_after = Pt(0)
        self.figure_count = 0
        self._style_ids: dict[str, str] = {}

    def style(self, paragraph: Paragraph, name: str) -> None:
        """Give ``paragraph`` the style ``name`` (python-docx's own lookup is slow in tables)."""
        style_id = self._style_ids.get(name)
        if style_id is None:
            style_id = self._style_ids[name] = str(self.doc.styles[name].style_id)
        paragraph._p.style = style_id

    # paragraphs

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(clean_text(text), level=level)

    def para(self, text: str = "", *, style: str | None = None, **run: Any) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        if style is not None:
            self.style(paragraph, style)
        if text:
            _run(paragraph, text, **run)
        return paragraph

    def bullets(self, items: Iterable[str]) -> None:
        for item in items:
            self.para(item, style="List Bullet")

    def rules(self, paragraph: Paragraph, rule_ids: Iterable[str] | Rules) -> None:
        """``rpd-83 (secondary), rpd-34-3 (UNVERIFIED)``: the flag bold and coloured."""
        cited = rule_ids if isinstance(rule_ids, Rules) else rules(self.assessment, rule_ids)
        if not cited.refs:
            _run(paragraph, "no rule cited")
            return
        for index, ref in enumerate(cited.refs):
            if index:
                _run(paragraph, ", ")
            _run(paragraph, ref.id, mono=True)
            if ref.verification == "unverified":
                _run(paragraph, " (")
                _run(paragraph, "UNVERIFIED", bold=True, colour=_FLAG)
                _run(paragraph, ")")
            else:
                _run(paragraph, f" ({ref.verification})")

    def rules_line(self, rule_ids: Iterable[str] | Rules) -> None:
        paragraph = self.para()
        _run(paragraph, "Rules: ", bold=True)
        self.rules(paragraph, rule_ids)

    # tables

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[Cell]],
        widths: Sequence[float],
    ) -> None:
        """A Word table: a bold, shaded header row repeated on each page, one row per item.

        ``widths`` are fractions of the text width, one per column.
        """
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        column_widths = [int(self.text_width * share) for share in widths]
        for column, width in zip(table.columns, column_widths, strict=True):
            column.width = width
        head = table.rows[0]
        head._tr.get_or_add_trPr().append(_element("w:tblHeader"))
        for cell, text, width in zip(head.cells, header, column_widths, strict=True):
            cell.width = width
            _shade(cell, _HEADER_FILL)
            self.style(cell.paragraphs[0], _CELL_STYLE)
            _run(cell.paragraphs[0], text, bold=True)
        from docx.text.paragraph import Paragraph as _Paragraph

        # Each body row is a copy of one empty row built through python-docx (widths and
        # cell style set once), filled in place: a row then costs its runs, not a rebuild.
        template = table.add_row()
        for cell, width in zip(template.cells, column_widths, strict=True):
            cell.width = width
            self.style(cell.paragraphs[0], _CELL_STYLE)
        blank = copy.deepcopy(template._tr)
        table._tbl.remove(template._tr)
        for values in rows:
            row = copy.deepcopy(blank)
            table._tbl.append(row)
            cells = row.findall(f"{{{_W}}}tc")
            for cell, value in zip(cells, values, strict=True):
                paragraph = _Paragraph(cell.find(f"{{{_W}}}p"), table)
                if callable(value):
                    value(paragraph)
                else:
                    _run(paragraph, value)
        self.doc.add_paragraph()  # Word joins two adjacent tables; keep them apart

    # pictures

    def figure(
        self,
        draw: Callable[[Assessment], Any],
        *,
        name: str,
        description: str,
        caption: str,
    ) -> None:
        """Draw a picture of the assessment as a PNG, with its description and caption.

        matplotlib reads text between two ``$`` as a formula, so the title the user typed is
        given to it cleaned and with each ``$`` escaped (it shows as a plain ``$``). Should a
        picture still fail to draw, the memo says so where the picture would be, instead of
        failing.
        """
        from docx.shared import Pt

        assessment = self.assessment
        title = clean_text(assessment.title).replace("$", r"\$")
        if title != assessment.title:
            assessment = replace(assessment, title=title)
        buffer = io.BytesIO()
        try:
            with warnings.catch_warnings():
                # a character the picture's font lacks (an emoji) is drawn as a box; say nothing
                warnings.filterwarnings("ignore", message="Glyph .* missing from font")
                figure = draw(assessment)
                dpi = max(72, round(_FIGURE_PIXELS / figure.get_figwidth()))
                figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
        except ValueError as error:
            reason = " ".join(str(error).split())[:200]
            self.para(
                f"[{caption.split(':', 1)[0]}: the picture could not be drawn ({reason}).]",
                italic=True,
            )
            return
        buffer.seek(0)
        self.doc.add_picture(buffer, width=self.text_width)
        picture_paragraph = self.doc.paragraphs[-1]
        picture_paragraph.paragraph_format.keep_with_next = True
        inline = self.doc.inline_shapes[-1]._inline
        inline.docPr.set("name", name)
        inline.docPr.set("descr", clean_text(description))
        self.figure_count += 1
        paragraph = self.para(style="Caption")
        _run(paragraph, f"Figure {self.figure_count}. ", bold=True)
        _run(paragraph, caption)
        paragraph.paragraph_format.space_after = Pt(10)


# --- the memo ---------------------------------------------------------------------------------


def render_docx(
    assessment: Assessment,
    *,
    figures: bool = True,
    timestamp: _dt.datetime | None = None,
) -> bytes:
    """The client memo as the bytes of a Word document (.docx).

    Args:
        assessment: what :func:`diffusion_scenarios.assess` returned.
        figures: include the circulation map, the route timeline and the grounds chart.
        timestamp: the document's created and modified time (UTC); by default the
            moment it is made, or ``SOURCE_DATE_EPOCH`` when that is set.

    Raises:
        MissingDependencyError: python-docx is not installed (the message names the pip
            command).

    Example:
        >>> import io, docx, diffusion_scenarios as ds
        >>> data = render_docx(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]), figures=False)
        >>> docx.Document(io.BytesIO(data)).core_properties.title.startswith("Memo:")
        True
    """
    _require_docx()
    memo = _Memo(assessment)
    _properties(memo, _timestamp(timestamp))
    _page_furniture(memo)
    _opening(memo)
    for section in long_memo_content(assessment).sections:
        if not section.placeholder:
            _section(memo, section, figures=figures)
    buffer = io.BytesIO()
    memo.doc.save(buffer)
    return _normalised_zip(buffer.getvalue())


def _title(assessment: Assessment) -> str:
    return assessment.title or assessment.scenario_id


def _kind(assessment: Assessment) -> str:
    return KIND_WORDS.get(assessment.issuance.kind, words(assessment.issuance.kind))


def _properties(memo: _Memo, when: _dt.datetime) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE

    from diffusion_scenarios._base.version import __version__

    assessment = memo.assessment
    properties = memo.doc.core_properties
    properties.title = _property(f"Memo: {_title(assessment)}")
    properties.subject = _property(
        f"Challenging an INTERPOL {_kind(assessment)} before the CCF: scenario "
        f"{assessment.scenario_id}, assessed as of {assessment.as_of.isoformat()}"
    )
    properties.author = "diffusion-scenarios"
    properties.last_modified_by = "diffusion-scenarios"
    properties.comments = _PROPERTY_NOTICE
    properties.keywords = (
        "INTERPOL; CCF; red notice; diffusion; deletion; educational model, not legal advice"
    )
    properties.category = "Educational model, not legal advice"
    properties.content_status = "Draft"
    properties.identifier = _property(assessment.scenario_id)
    properties.language = "en"
    properties.version = __version__
    properties.revision = 1
    properties.created = when
    properties.modified = when
    package = memo.doc.part.package
    # The template's thumbnail shows another document; its app.xml names another program.
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            package.rels.pop(rel_id)
    app = package.part_related_by(RELATIONSHIP_TYPE.EXTENDED_PROPERTIES)
    app._blob = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>diffusion-scenarios '
        f"{__version__}</Application><DocSecurity>0</DocSecurity></Properties>"
    ).encode()


def _page_furniture(memo: _Memo) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    styles = memo.doc.styles
    styles["Header"].font.size = Pt(8.5)
    styles["Footer"].font.size = Pt(9)
    section = memo.doc.sections[0]
    header = section.header.paragraphs[0]
    _run(
        header,
        f"Memo: {_title(memo.assessment)} — educational model, not legal advice",
        colour=_MUTED,
    )
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(footer, "Page ")
    _field(footer, "PAGE", "1")
    _run(footer, " of ")
    _field(footer, "NUMPAGES", "1")


def _opening(memo: _Memo) -> None:
    from diffusion_scenarios._base.version import __version__

    assessment = memo.assessment
    memo.heading(f"Memo: {_title(assessment)}", 0)
    notice = memo.para()
    _box(notice, _FLAG, _NOTICE_FILL)
    _run(notice, NOTICE, bold=True)
    meta = memo.para()
    _run(meta, "Scenario ", colour=_MUTED)
    _run(meta, assessment.scenario_id, mono=True, colour=_MUTED)
    _run(meta, ", assessed as of ", colour=_MUTED)
    _run(meta, assessment.as_of.isoformat(), bold=True)
    _run(meta, f" with diffusion-scenarios {__version__}.", colour=_MUTED)


# --- the memo content, in Word ----------------------------------------------------------------

# Column widths (fractions of the text width) of the content's tables, by their header.
_TABLE_WIDTHS: dict[tuple[str, ...], tuple[float, ...]] = {
    ("Role", "Arrest risk", "Countries", "Rules"): (0.16, 0.13, 0.43, 0.28),
    ("Date", "Country", "Notice active then", "Arrest risk", "Why", "Rules"): (
        *(0.14, 0.13, 0.11, 0.12, 0.28, 0.22),
    ),
    ("Step", "Date", "Deadline", "What happens", "Rules"): (0.19, 0.14, 0.15, 0.30, 0.22),
    ("Id", "Rule", "Verification", "Source"): (0.19, 0.35, 0.18, 0.28),
    ("Country", "Arrest risk", "How sure", "Consequence and why", "Rules"): (
        *(0.16, 0.10, 0.16, 0.36, 0.22),
    ),
}
_BOLD = frozenset({"strong", "deadline", "flag"})
_COLOURS = {"flag": _FLAG, "muted": _MUTED}
_ITALIC = frozenset({"em", "estimated"})


def _write(memo: _Memo, paragraph: Paragraph, text: Text, role: str = "") -> None:
    """Inline pieces of the content as runs: rules with their flags, links as hyperlinks.

    A ``note`` paragraph is set in italics, a ``summary`` one larger."""
    for piece in text:
        if isinstance(piece, Rules):
            memo.rules(paragraph, piece)
        elif piece.style == "link" and _URL.fullmatch(piece.text):
            _hyperlink(paragraph, piece.text)
        else:
            _run(
                paragraph,
                piece.text,
                bold=piece.style in _BOLD,
                italic=piece.style in _ITALIC or role == "note",
                mono=piece.style == "code",
                colour=_FLAG
                if piece.style == "flag"
                else _MUTED
                if piece.style == "muted"
                else None,
                size=12 if role == "summary" else None,
            )


def _cell(memo: _Memo, text: Text) -> Cell:
    if len(text) == 1 and isinstance(text[0], Span) and text[0].style == "plain":
        return text[0].text
    return lambda paragraph: _write(memo, paragraph, text)


def _ground(memo: _Memo, ground: c.GroundItem) -> None:
    memo.heading(ground.name, 2)  # in words only: a code id means nothing to a client
    paragraph = memo.para()
    _run(paragraph, "Strength: ", bold=True)
    _run(paragraph, ground.strength)
    if ground.rules.unverified:
        _run(paragraph, " — rests on an ")
        _run(paragraph, "UNVERIFIED", bold=True, colour=_FLAG)
        _run(paragraph, " rule")
    memo.rules_line(ground.rules)
    memo.bullets(ground.reasons)


def _figure(memo: _Memo, figure: c.Figure) -> None:
    from diffusion_scenarios._render import plot_charts, plot_map

    chart = {
        "circulation_map": plot_map.circulation_map,
        "route_timeline": plot_charts.route_timeline,
        "grounds_chart": plot_charts.grounds_chart,
    }[figure.kind]
    memo.figure(
        chart,
        name=figure.kind.replace("_", "-"),
        description=figure.description,
        caption=figure.caption,
    )


def _block(memo: _Memo, block: c.Block, *, figures: bool) -> None:
    """One block of the memo content; a heading inside a section is one level down."""
    if isinstance(block, c.Paragraph):
        _write(memo, memo.para(), block.text, block.role)
    elif isinstance(block, c.Bullets):
        for item in block.items:
            _write(memo, memo.para(style="List Bullet"), item.text)
            for child in item.children:
                _write(memo, memo.para(style="List Bullet 2"), child)
    elif isinstance(block, c.Fields):
        for label, value in block.items:
            paragraph = memo.para()
            _run(paragraph, f"{label}: ", bold=True)
            _write(memo, paragraph, value)
    elif isinstance(block, c.FactGroup):
        memo.heading(block.title, 2)
        memo.table(("Fact", "As given"), block.items, (0.36, 0.64))
    elif isinstance(block, c.Table):
        rows = [[_cell(memo, cell) for cell in row] for row in block.rows]
        memo.table(block.header, rows, _TABLE_WIDTHS[block.header])
    elif isinstance(block, c.Heading):
        memo.heading(block.text, 1 if block.level == 2 else 2)
    elif isinstance(block, c.GroundItem):
        _ground(memo, block)
    elif figures:
        _figure(memo, block)


def _section(memo: _Memo, section: c.Section, *, figures: bool) -> None:
    memo.heading(section.title, 1)
    for block in section.blocks:
        _block(memo, block, figures=figures)


def _normalised_zip(data: bytes) -> bytes:
    """The same parts, in the same order, with fixed dates and attributes.

    python-docx stamps every zip entry with the current time; here each entry gets
    :data:`ZIP_TIMESTAMP`, DOS attributes and a fixed compression (pictures are stored, the
    XML deflated), so only the created/modified properties vary between runs.
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIMESTAMP)
            entry.create_system = 0
            entry.external_attr = 0
            stored = info.filename.lower().endswith((".png", ".jpeg", ".jpg"))
            entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info))
    return out.getvalue()
