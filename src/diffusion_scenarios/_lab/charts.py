"""The policy lab's charts: regimes compared, and a sweep of one parameter, drawn on a
:class:`~diffusion_scenarios._lab.plots.LabFigure` (published by :mod:`diffusion_scenarios.lab`;
matplotlib is imported when a chart is drawn, not with the lab).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING

from diffusion_scenarios._lab.metrics import HEADLINE_METRICS, OKABE_ITO
from diffusion_scenarios._lab.params import parameter_specs
from diffusion_scenarios._lab.sim import DAYS_PER_YEAR
from diffusion_scenarios.errors import LabError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["plot_regimes", "plot_sensitivity"]


# Left column: what rule-breaking requests do; right column: what screening costs lawful ones.
_CHART_METRICS = (
    "noncompliant_reaching_recipients",
    "lawful_requests_refused",
    "expected_detentions",
    "urgent_lawful_requests_delayed",
    "ccf_applications",
    "expected_lawful_arrests_lost",
)


# How each metric is drawn: divide by this, and label the axis so.
_AXIS_UNITS: Mapping[str, tuple[float, str]] = MappingProxyType(
    {
        "noncompliant_reaching_recipients": (1.0, "requests per year"),
        "exposure_person_days": (DAYS_PER_YEAR, "person-years of exposure per year"),
        "mean_exposure_days": (1.0, "days per non-compliant request"),
        "expected_detentions": (1.0, "expected detentions per year"),
        "ccf_applications": (1.0, "deletion requests per year"),
        "ccf_deletions": (1.0, "deletions per year"),
        "ndtf_refused_or_cancelled": (1.0, "requests per year"),
        "lawful_alert_days_blocked": (DAYS_PER_YEAR, "person-years blocked per year"),
        "lawful_requests_refused": (1.0, "lawful requests per year"),
        "urgent_lawful_requests_delayed": (1.0, "urgent lawful requests per year"),
        "expected_urgent_escapes": (1.0, "expected per year"),
        "lawful_alert_days_lost": (DAYS_PER_YEAR, "person-years lost per year"),
        "expected_lawful_arrests_lost": (1.0, "expected arrests per year"),
        "expected_detentions_all_alerts": (1.0, "expected detentions per year"),
    }
)


def _check_metric(name: str) -> None:
    if name not in HEADLINE_METRICS:
        raise LabError(f"metric: expected one of {', '.join(HEADLINE_METRICS)}, found {name!r}")


def plot_regimes(
    frame: pd.DataFrame | None = None, *, metrics: Sequence[str] = _CHART_METRICS
) -> Figure:
    """Bar charts comparing regimes, one panel per metric (values per year).

    Args:
        frame: the table from :func:`compare_regimes` (computed with defaults if omitted).
        metrics: which :data:`HEADLINE_METRICS` to draw.

    Example:
        >>> from diffusion_scenarios import lab
        >>> figure = lab.plot_regimes(lab.compare_regimes(n=10_000))
        >>> len(figure.axes)
        6
    """
    from matplotlib.ticker import FuncFormatter

    from diffusion_scenarios._lab.plots import LabFigure

    if frame is None:
        from diffusion_scenarios.lab import compare_regimes

        frame = compare_regimes()
    table = frame
    for name in metrics:
        _check_metric(name)
    columns = min(2, len(metrics))
    rows = math.ceil(len(metrics) / columns)
    names = [str(v) for v in table.get("label", table.index)]
    figure = LabFigure(
        figsize=(5.2 * columns, 3.2 * rows),
        layout="constrained",
        description=_bars_description(table, names, metrics),
    )
    colours = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(names))]
    for index, metric in enumerate(metrics):
        axes = figure.add_subplot(rows, columns, index + 1)
        scale, unit = _AXIS_UNITS[metric]
        values = [float(v) / scale for v in table[metric]]
        bars = axes.barh(names, values, color=colours, edgecolor="black", linewidth=0.5)
        axes.bar_label(bars, labels=[f"{v:,.0f}" for v in values], padding=3, fontsize=8)
        axes.invert_yaxis()
        axes.set_title(HEADLINE_METRICS[metric].split(" (")[0], fontsize=10)
        axes.set_xlabel(unit, fontsize=8)
        axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _position: f"{value:,.0f}"))
        axes.set_ylabel("regime" if index % columns == 0 else "")
        axes.margins(x=0.25)
        axes.tick_params(labelsize=8)
        if index % columns:
            axes.set_yticklabels([])
    title = "Policy lab: regimes compared on the same simulated requests"
    if tuple(metrics) == _CHART_METRICS:
        title += (
            "\nleft: harm done by rule-breaking requests · right: what screening costs lawful "
            "requests"
        )
    figure.suptitle(title, fontsize=11)
    return figure


def _bars_description(table: pd.DataFrame, names: Sequence[str], metrics: Sequence[str]) -> str:
    """The bar charts in words, with their figures (the alt text of the picture)."""
    parts = []
    for metric in metrics:
        scale, unit = _AXIS_UNITS[metric]
        values = ", ".join(
            f"{name} {float(value) / scale:,.0f}"
            for name, value in zip(names, table[metric], strict=True)
        )
        parts.append(f"{HEADLINE_METRICS[metric].split(' (')[0]} ({unit}): {values}")
    return f"Bar charts comparing {', '.join(names)}, per year. " + "; ".join(parts) + "."


def plot_sensitivity(frame: pd.DataFrame, *, metric: str = "expected_detentions") -> Figure:
    """A line per regime: how ``metric`` (per year) moves as the swept parameter varies.

    Args:
        frame: the table from :func:`sensitivity`.
        metric: one of :data:`HEADLINE_METRICS`.

    Example:
        >>> from diffusion_scenarios import lab
        >>> sweep = lab.sensitivity("screening_detection_probability", [0.3, 0.9], n=10_000)
        >>> lab.plot_sensitivity(sweep).axes[0].get_xlabel()
        'Chance screening finds a rule-breaking request (assumption)'
    """
    from matplotlib.ticker import FuncFormatter

    from diffusion_scenarios._lab.plots import LabFigure

    _check_metric(metric)
    parameter = frame.attrs.get("parameter")
    if not isinstance(parameter, str) or parameter not in frame.columns:
        raise LabError("frame: expected the table returned by lab.sensitivity()")
    spec = parameter_specs().get(parameter)
    label = parameter if spec is None else spec.plain_label
    what = HEADLINE_METRICS[metric].split(" (")[0]
    scale, unit = _AXIS_UNITS[metric]
    lines = []
    for name, group in frame.groupby("regime", sort=False):
        title = str(group["label"].iloc[0]) if "label" in group else str(name)
        points = ", ".join(
            f"{x:g} → {y / scale:,.0f}"
            for x, y in zip(group[parameter], group[metric], strict=True)
        )
        lines.append((title, group, points))
    figure = LabFigure(
        figsize=(6.4, 3.8),
        layout="constrained",
        description=f"Line chart: {what.lower()} ({unit}) as the {label[0].lower()}{label[1:]} "
        "varies; " + "; ".join(f"{title}: {points}" for title, _group, points in lines) + ".",
    )
    axes = figure.add_subplot(1, 1, 1)
    markers = ("o", "s", "^", "D", "v", "P", "X", "*")
    for index, (title, group, _points) in enumerate(lines):
        axes.plot(
            group[parameter],
            group[metric] / scale,
            marker=markers[index % len(markers)],
            color=OKABE_ITO[index % len(OKABE_ITO)],
            label=title,
        )
    axes.set_xlabel(label, fontsize=9)
    axes.set_ylabel(unit, fontsize=9)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _position: f"{value:,.0f}"))
    axes.set_title(f"{what}\nas one parameter varies", fontsize=9)
    axes.grid(alpha=0.3)
    axes.legend(title="regime", fontsize=8)
    return figure
