"""Reports of an assessment: plain text, JSON, Markdown, HTML and Word (.docx).

Renderers only read an :class:`~diffusion_scenarios.Assessment`; they decide nothing. Text
and JSON live here; Markdown, HTML (self-contained, no network) and Word (python-docx, the
``docx`` extra) come from their own modules and are imported only when asked for::

    >>> import diffusion_scenarios as ds
    >>> from diffusion_scenarios import reports
    >>> assessment = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
    >>> reports.render(assessment, "json").startswith("{")
    True
    >>> reports.render_bytes(assessment, "markdown").startswith(b"# Memo:")
    True

:func:`render` returns text (the four text formats); :func:`render_bytes` returns the file's
bytes for every format, the Word memo included (for a download button).
:func:`write_report` never overwrites an existing file unless ``force=True``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from diffusion_scenarios._base.files import write_atomic

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment

__all__ = [
    "ALL_FORMATS",
    "BINARY_FORMATS",
    "FORMATS",
    "MEDIA_TYPES",
    "SUFFIXES",
    "render",
    "render_bytes",
    "write_report",
]

#: The text report formats (what :func:`render` returns), in the order the command line lists them.
FORMATS = ("text", "json", "markdown", "html")
#: Formats that are files, not text: only :func:`render_bytes` and :func:`write_report` give them.
BINARY_FORMATS = ("docx",)
#: Every format :func:`render_bytes`, :func:`write_report` and the command line accept.
ALL_FORMATS = (*FORMATS, *BINARY_FORMATS)
#: The media type of each format (for a download button or an HTTP response).
MEDIA_TYPES = {
    "text": "text/plain; charset=utf-8",
    "json": "application/json",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
#: The usual file-name ending of each format.
SUFFIXES = {"text": ".txt", "json": ".json", "markdown": ".md", "html": ".html", "docx": ".docx"}


def _check_format(fmt: str) -> None:
    if fmt not in ALL_FORMATS:
        raise ValueError(
            f"unknown report format '{fmt}'; expected one of {', '.join(ALL_FORMATS)}"
        )


def render(assessment: Assessment, fmt: str = "text") -> str:
    """The assessment as a report in format ``fmt``.

    Args:
        assessment: the result of :func:`diffusion_scenarios.assess`.
        fmt: ``text`` (for people), ``json`` (exactly ``assessment.to_dict()``, indented),
            ``markdown`` or ``html``.

    Returns:
        The report, ending with a newline.

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS` (``docx`` is a file, not text:
            use :func:`render_bytes` or :func:`write_report`).

    Example:
        >>> import diffusion_scenarios as ds
        >>> text = render(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]))
        >>> "not legal advice" in text
        True
    """
    _check_format(fmt)
    if fmt in BINARY_FORMATS:
        raise ValueError(
            f"'{fmt}' is a Word file, not text; use render_bytes(assessment, '{fmt}') or "
            f"write_report(assessment, path, '{fmt}')"
        )
    if fmt == "json":
        return json.dumps(assessment.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        from diffusion_scenarios._render.markdown import render_markdown

        return render_markdown(assessment)
    if fmt == "html":
        from diffusion_scenarios._render.html import render_html

        return render_html(assessment)
    from diffusion_scenarios._render.text import render_text

    return render_text(assessment)


def render_bytes(assessment: Assessment, fmt: str = "text") -> bytes:
    """The report in format ``fmt`` as the bytes of its file (UTF-8 for the text formats).

    This is what :func:`write_report` writes, for a download button or an HTTP response;
    :data:`MEDIA_TYPES` and :data:`SUFFIXES` give its media type and file-name ending.

    Args:
        assessment: the result of :func:`diffusion_scenarios.assess`.
        fmt: one of :data:`ALL_FORMATS` (``docx`` needs python-docx, the ``docx`` extra).

    Raises:
        ValueError: ``fmt`` is not one of :data:`ALL_FORMATS`.
        MissingDependencyError: ``fmt`` is ``docx`` and python-docx is not installed.

    Example:
        >>> import diffusion_scenarios as ds
        >>> data = render_bytes(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]), "html")
        >>> data.startswith(b"<!DOCTYPE html>")
        True
    """
    _check_format(fmt)
    if fmt == "docx":
        from diffusion_scenarios._render.word import render_docx

        return render_docx(assessment)
    return render(assessment, fmt).encode("utf-8")


def write_report(
    assessment: Assessment, path: str | Path, fmt: str = "text", *, force: bool = False
) -> Path:
    """Write the report to ``path`` and return the path.

    Args:
        assessment: the result of :func:`diffusion_scenarios.assess`.
        path: the file to write (its folder must exist).
        fmt: one of :data:`ALL_FORMATS` (``docx`` writes a Word memo).
        force: overwrite ``path`` if it already exists.

    Raises:
        OutputExistsError: ``path`` exists and ``force`` is false (nothing is written).
        OutputPathError: ``path`` is empty or a link (links are never written through).
        OSError: the file could not be written, e.g. a full disk (nothing is left behind).
        ValueError: ``fmt`` is not one of :data:`ALL_FORMATS`.
        MissingDependencyError: ``fmt`` is ``docx`` and python-docx is not installed.

    Example:
        >>> import tempfile, pathlib, diffusion_scenarios as ds
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> a = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
        >>> write_report(a, folder / "memo.txt").name
        'memo.txt'
    """
    _check_format(fmt)
    # Render first (a failure leaves nothing), then all or nothing: a temporary file in the
    # same folder, renamed when complete.
    data = render_bytes(assessment, fmt) if fmt in BINARY_FORMATS else render(assessment, fmt)
    return write_atomic(path, data, force=force)
