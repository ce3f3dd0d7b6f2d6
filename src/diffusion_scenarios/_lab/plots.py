"""Figures of the policy lab that show themselves in a notebook as a picture.

A :class:`LabFigure` is a plain matplotlib ``Figure`` (not registered with pyplot, so it never
leaks or double-displays) that also has ``_repr_png_``: Jupyter shows it as an image whatever
the matplotlib backend, and its text form is a one-line description of the chart (what a
screen reader or a text-only viewer gets) instead of ``<Figure size ...>``.
"""

from __future__ import annotations

import io
from typing import Any

from matplotlib.figure import Figure

__all__ = ["LabFigure"]


class LabFigure(Figure):
    """A matplotlib Figure with a PNG rich display and a descriptive text form."""

    description: str = "Policy lab chart"

    def __init__(self, *args: Any, description: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.description = description

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
        return buffer.getvalue()

    def _repr_html_(self) -> str:
        from diffusion_scenarios._render.figure import figure_html

        caption = self.description.split(". ")[0].split(";")[0]
        return figure_html(self._repr_png_(), alt=self.description, caption=f"Figure: {caption}.")

    def __repr__(self) -> str:
        return self.description

    def __str__(self) -> str:
        return self.description
