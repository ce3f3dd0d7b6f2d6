"""Reports of an assessment: plain text, JSON, Markdown and HTML.

Renderers only read an :class:`~diffusion_scenarios.Assessment`; they decide nothing. Text
and JSON live here; Markdown and HTML (self-contained, no network) come from their own
modules and are imported only when asked for::

    >>> import diffusion_scenarios as ds
    >>> from diffusion_scenarios import reports
    >>> assessment = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
    >>> reports.render(assessment, "json").startswith("{")
    True

:func:`write_report` never overwrites an existing file unless ``force=True``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ._files import write_atomic

if TYPE_CHECKING:
    from ._assessment import Assessment

__all__ = ["FORMATS", "render", "write_report"]

#: The report formats, in the order the command line lists them.
FORMATS = ("text", "json", "markdown", "html")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format '{fmt}'; expected one of {', '.join(FORMATS)}")


def render(assessment: Assessment, fmt: str = "text") -> str:
    """The assessment as a report in format ``fmt``.

    Args:
        assessment: the result of :func:`diffusion_scenarios.assess`.
        fmt: ``text`` (for people), ``json`` (exactly ``assessment.to_dict()``, indented),
            ``markdown`` or ``html``.

    Returns:
        The report, ending with a newline.

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS`.

    Example:
        >>> import diffusion_scenarios as ds
        >>> text = render(ds.assess(ds.builtin_scenarios()["ccf-2019-u1"]))
        >>> "not legal advice" in text
        True
    """
    _check_format(fmt)
    if fmt == "json":
        return json.dumps(assessment.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        from ._render_markdown import render_markdown

        return render_markdown(assessment)
    if fmt == "html":
        from ._render_html import render_html

        return render_html(assessment)
    from ._render_text import render_text

    return render_text(assessment)


def write_report(
    assessment: Assessment, path: str | Path, fmt: str = "text", *, force: bool = False
) -> Path:
    """Write the report to ``path`` and return the path.

    Args:
        assessment: the result of :func:`diffusion_scenarios.assess`.
        path: the file to write (its folder must exist).
        fmt: one of :data:`FORMATS`.
        force: overwrite ``path`` if it already exists.

    Raises:
        OutputExistsError: ``path`` exists and ``force`` is false (nothing is written).
        OutputPathError: ``path`` is empty or a link (links are never written through).
        OSError: the file could not be written, e.g. a full disk (nothing is left behind).
        ValueError: ``fmt`` is not one of :data:`FORMATS`.

    Example:
        >>> import tempfile, pathlib, diffusion_scenarios as ds
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> a = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
        >>> write_report(a, folder / "memo.txt").name
        'memo.txt'
    """
    _check_format(fmt)
    text = render(assessment, fmt)  # render first: a failure leaves no half-written file
    # All or nothing: a temporary file in the same folder, renamed when complete.
    return write_atomic(path, text, force=force)
