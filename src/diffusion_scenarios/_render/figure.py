"""A matplotlib figure that shows itself as a picture when it is the last value of a cell.

The figures of :mod:`diffusion_scenarios.plots` are built without pyplot (so nothing leaks
into pyplot's global state and nothing is displayed twice), which means ``plt.show()`` has
nothing to show. A :class:`ShownFigure` is still a plain :class:`matplotlib.figure.Figure`
(``savefig``, ``axes``, ``isinstance(figure, Figure)`` all work as before); it adds what
IPython and Jupyter look for to display an object:

- ``_repr_png_``: the picture, whatever the matplotlib backend (and with no backend at all);
- a text form that says what the picture shows (its titles), for a screen reader, a
  text-only viewer or a saved notebook read as text, instead of ``<Figure size 640x480 ...>``.

The PNG is drawn at a fixed resolution and carries no timestamp, so a notebook saved with its
outputs changes only when the picture does.
"""

from __future__ import annotations

import base64
import io
from html import escape

from matplotlib.figure import Figure

__all__ = ["ShownFigure", "figure_html"]

_DPI = 100


def figure_html(png: bytes, *, alt: str, caption: str) -> str:
    """A PNG as an HTML ``<figure>``: the picture with its alt text, and a caption line.

    Jupyter, Voilà and nbconvert's HTML export prefer this to the bare PNG, so a screen
    reader gets the alt text and every reader the caption; other exports use the PNG.
    """
    data = base64.b64encode(png).decode("ascii")
    return (
        f'<figure style="margin:0"><img alt="{escape(alt, quote=True)}" '
        f'src="data:image/png;base64,{data}" style="max-width:100%;height:auto">'
        f'<figcaption style="font-size:0.85em;color:#444">{escape(caption)}</figcaption>'
        "</figure>"
    )


class ShownFigure(Figure):
    """A matplotlib ``Figure`` that Jupyter displays as a PNG picture.

    ``alt_text`` (set by the function that drew it) describes the picture in words, for the
    HTML alt attribute; without it the alt text is the figure's titles.
    """

    alt_text: str = ""

    def _repr_html_(self) -> str:
        return figure_html(
            self._repr_png_(), alt=self.alt_text or self.description(), caption=self.description()
        )

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        # No "Software"/time metadata: the same figure gives the same bytes.
        self.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
        return buffer.getvalue()

    def description(self) -> str:
        """One line naming the picture: its title(s), or "a figure" when it has none."""
        titles: list[str] = []
        if self.get_suptitle():
            titles.append(self.get_suptitle())
        for axes in self.axes:
            for loc in ("left", "center", "right"):
                text = axes.get_title(loc=loc).strip()
                if text and text not in titles:
                    titles.append(text)
        if not titles:
            return "A figure (shown as a picture)."
        lines = [" ".join(line.split()) for title in titles for line in title.splitlines()]
        summary = " — ".join(line for line in lines if line)
        return f"Picture: {summary}"

    def __repr__(self) -> str:
        return self.description()

    def __str__(self) -> str:
        return self.description()
