"""Pictures of an assessment: where the request circulated, the CCF route, the grounds.

Every function here draws one :class:`~diffusion_scenarios.Assessment` and decides nothing:
the colours, dates and labels all come from the assessment. Figures are built with
matplotlib's object-oriented API (no ``pyplot`` state, never ``show()``), entirely offline
(the world map is a tile grid from the package's own layout file), and deterministically.
A figure drawn here is a plain matplotlib ``Figure`` that also shows itself as a picture when
it is the last value of a notebook cell (no ``plt.show()`` needed; see ``_render.figure``).

    >>> import diffusion_scenarios as ds
    >>> from diffusion_scenarios import plots
    >>> assessment = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
    >>> figure = plots.circulation_map(assessment)
    >>> figure.axes[0].get_title(loc="left").startswith("Where")
    True

The palette is Okabe and Ito's colour-blind-safe set; every category also has its own
hatch band or edge, so the figures survive greyscale printing.
"""

from __future__ import annotations

from diffusion_scenarios._render.charts import HATCHES, PALETTE, deadline_bar_starts
from diffusion_scenarios._render.plot_charts import (
    _FIGURE_WORDS as _FIGURE_WORDS,
)
from diffusion_scenarios._render.plot_charts import (
    LABELLED_TRIPS as LABELLED_TRIPS,
)
from diffusion_scenarios._render.plot_charts import (
    _as_number as _as_number,
)
from diffusion_scenarios._render.plot_charts import grounds_chart, route_timeline
from diffusion_scenarios._render.plot_map import (
    Tile,
    circulation_map,
    map_category,
    tile_category,
    tile_layout,
    tile_titles,
)

__all__ = [
    "HATCHES",
    "PALETTE",
    "Tile",
    "circulation_map",
    "deadline_bar_starts",
    "grounds_chart",
    "map_category",
    "route_timeline",
    "tile_category",
    "tile_layout",
    "tile_titles",
]

# The public class says it lives here, where it is imported from.
Tile.__module__ = __name__

# The examples in the docstrings of the functions published here (doctest reads them here).
__test__ = {
    function.__name__: function
    for function in (
        circulation_map,
        grounds_chart,
        map_category,
        route_timeline,
        tile_category,
        tile_layout,
        tile_titles,
    )
}
