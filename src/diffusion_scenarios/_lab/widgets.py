"""The interactive policy lab (ipywidgets): pick a regime, move the main parameters, Run.

All logic is here rather than in the notebook, so it is tested by setting ``.value`` and
calling :meth:`PolicyLab.run` (or clicking the button) without a browser. Results show as a
text table (readable by screen readers) and as a chart rendered to PNG (no network, no
JavaScript beyond ipywidgets itself). Every run is compared with ``today`` on the same draws.
"""

from __future__ import annotations

import dataclasses
import html
import io
from typing import Any

import ipywidgets as widgets

from diffusion_scenarios import lab
from diffusion_scenarios._lab.params import Parameters, parameter_specs
from diffusion_scenarios.errors import LabError

__all__ = ["MAIN_PARAMETERS", "MAX_SEED", "PolicyLab"]

MAX_SEED = 2**31 - 1  # what the seed box can hold

# The parameters a seminar most wants to move: both what screening catches and what it
# costs lawful requests. Each slider shows the parameter's plain label from
# lab_parameters.yaml and whether it is a published figure (with its year) or an assumption.
MAIN_PARAMETERS: tuple[str, ...] = (
    "true_noncompliance_rate",
    "screening_detection_probability",
    "screening_delay_days",
    "screening_wrong_refusal_probability",
    "urgent_escape_probability_if_delayed",
    "review_detection_probability",
    "review_mean_delay_days",
    "ccf_application_share_noncompliant",
    "trips_per_year",
    "arrest_probability_per_trip",
)
_SIZES = (10_000, 50_000, 200_000, 1_000_000)
# Labels take the width of their own text ("initial"), so none is cut; each control fills
# the rest of a row up to a readable width. The regime list needs room for its long names.
_LABEL_STYLE = {"description_width": "initial"}
_LAYOUT = widgets.Layout(width="100%", max_width="900px")
_SEED_LAYOUT = widgets.Layout(width="20em")


def _step(unit: str, low: float, high: float) -> float:
    if unit in ("share", "probability"):
        return 0.005
    span = high - low
    return 1.0 if span >= 50 else 0.1


class PolicyLab:
    """The lab as a widget: controls, a Run button, a comparison with ``today``.

    Attributes:
        controls: every control by name (``regime``, ``n``, ``seed`` and each entry of
            :data:`MAIN_PARAMETERS`).
        result: the last run of the chosen regime; ``baseline`` the same draws under
            ``today``.
        summary: the text table (HTML ``<pre>``); ``chart``: the chart as a PNG image;
            ``status``: one line (an error in plain words, or what was run).
        widget: the whole thing, to display in a notebook.
    """

    def __init__(self, *, n: int, seed: int, parameters: Parameters) -> None:
        self._defaults = parameters
        specs = parameter_specs()
        self.controls: dict[str, Any] = {
            "regime": widgets.Dropdown(
                options=[
                    (f"{regime.title} — {regime.description}", name)
                    for name, regime in lab.REGIMES.items()
                    if name != "today"
                ],
                value=lab.DEFAULT_COMPARISON[1],
                description="Reform to compare with today's rules",
                style=_LABEL_STYLE,
                layout=_LAYOUT,
            ),
            "n": widgets.Dropdown(
                options=[(f"{size:,}", size) for size in sorted({*_SIZES, n})],
                value=n,
                description="Simulated requests",
                style=_LABEL_STYLE,
                layout=_LAYOUT,
            ),
            "seed": widgets.BoundedIntText(
                value=seed,
                min=0,
                max=MAX_SEED,
                description="Random seed",
                style=_LABEL_STYLE,
                layout=_SEED_LAYOUT,
            ),
        }
        for name in MAIN_PARAMETERS:
            spec = specs[name]
            low, high = spec.explore
            value = float(getattr(parameters, name))
            low, high = min(low, value), max(high, value)
            self.controls[name] = widgets.FloatSlider(
                value=value,
                min=low,
                max=high,
                step=_step(spec.unit, low, high),
                description=spec.plain_label,
                tooltip=spec.description,
                readout_format=".3g",
                continuous_update=False,
                style=_LABEL_STYLE,
                layout=_LAYOUT,
            )
        self.run_button = widgets.Button(
            description="Run simulation", button_style="primary", icon="play",
            tooltip="Simulate the chosen regime and today's rules on the same requests",
        )  # fmt: skip
        self.reset_button = widgets.Button(
            description="Reset parameters", tooltip="Back to the values in lab_parameters.yaml"
        )
        self.status = widgets.HTML()
        self.summary = widgets.HTML()
        self.chart = widgets.Image(format="png", layout=widgets.Layout(max_width="900px"))
        self.chart_caption = widgets.HTML()  # the chart in words, for screen readers
        self.run_button.on_click(lambda _button: self.run())
        self.reset_button.on_click(lambda _button: self.reset())
        self.result: lab.LabResult | None = None
        self.baseline: lab.LabResult | None = None
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<b>Policy lab</b> — <i>{html.escape(lab.DISCLAIMER)}</i>"),
                *self.controls.values(),
                widgets.HBox([self.run_button, self.reset_button]),
                self.status,
                self.summary,
                self.chart,
                self.chart_caption,
            ]
        )
        self.run()

    def parameters(self) -> Parameters:
        """The default parameters with the slider values put in (may raise ``LabError``)."""
        changes = {name: float(self.controls[name].value) for name in MAIN_PARAMETERS}
        return dataclasses.replace(self._defaults, **changes)

    def reset(self) -> None:
        """Put every slider back to its default value."""
        for name in MAIN_PARAMETERS:
            self.controls[name].value = float(getattr(self._defaults, name))

    def run(self) -> lab.LabResult | None:
        """Simulate the chosen regime and ``today`` on the same draws; update the display.

        Returns the chosen regime's result, or ``None`` when a value is refused (the
        reason is shown in :attr:`status`).
        """
        specs = parameter_specs()
        try:
            parameters = self.parameters()
            size = int(self.controls["n"].value)
            seed = int(self.controls["seed"].value)
            regime = str(self.controls["regime"].value)
            baseline = lab.simulate("today", n=size, seed=seed, parameters=parameters)
            result = (
                baseline
                if regime == "today"
                else lab.simulate(regime, n=size, seed=seed, parameters=parameters)
            )
        except LabError as error:
            self.status.value = (
                f"<span style='color:#D55E00'>Not run: {html.escape(str(error))}</span>"
            )
            return None
        self.result, self.baseline = result, baseline
        changed = [
            f"{specs[name].label} ({name})" for name in MAIN_PARAMETERS
            if getattr(parameters, name) != getattr(self._defaults, name)
        ]  # fmt: skip
        self.status.value = html.escape(
            f"Ran '{result.regime.title}' and 'today' on {size:,} requests (seed {seed}); "
            f"changed from the defaults: {'; '.join(changed) or 'nothing'}."
        )
        self.summary.value = self._table_html()
        self.chart.value = self._png()
        return result

    def text(self) -> str:
        """The comparison as a plain-text table (per year at the published volume)."""
        if self.result is None or self.baseline is None:
            return "Not run yet."
        chosen = self.result.to_frame().to_dict("index")
        today = self.baseline.to_frame().to_dict("index")
        name = self.result.regime.name
        lines = [f"{'per year':<50} {'today':>12} {name[:18]:>18}"]
        for metric, row in chosen.items():
            column = "value" if metric == "mean_exposure_days" else "per_year"
            before, after = float(today[metric][column]), float(row[column])
            lines.append(f"{row['label']:<50} {before:>12,.0f} {after:>18,.0f}")
        return "\n".join(lines)

    def _rows(self) -> list[tuple[str, float, float]]:
        """(label, today, chosen regime) per metric, per year at the published volume."""
        assert self.result is not None and self.baseline is not None
        chosen = self.result.to_frame().to_dict("index")
        today = self.baseline.to_frame().to_dict("index")
        rows = []
        for metric, row in chosen.items():
            column = "value" if metric == "mean_exposure_days" else "per_year"
            rows.append((str(row["label"]), float(today[metric][column]), float(row[column])))
        return rows

    def _table_html(self) -> str:
        """The comparison as an HTML table (figures right-aligned, whole numbers)."""
        if self.result is None or self.baseline is None:
            return "Not run yet."
        cell = "padding:2px 10px;border-bottom:1px solid #ddd"
        number = f"{cell};text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums"
        body = "".join(
            f'<tr><td style="{cell}">{html.escape(label)}</td>'
            f'<td style="{number}">{before:,.0f}</td><td style="{number}">{after:,.0f}</td></tr>'
            for label, before, after in self._rows()
        )
        name = html.escape(self.result.regime.title)
        head = f"{cell};border-bottom:2px solid #555;text-align:right"
        return (
            '<table style="border-collapse:collapse;font-size:13px">'
            f'<thead><tr><th style="{cell};border-bottom:2px solid #555;text-align:left">'
            f'Per year (mean exposure: days)</th><th style="{head}">Today\'s rules</th>'
            f'<th style="{head}">{name}</th></tr></thead><tbody>{body}</tbody></table>'
        )

    def _png(self) -> bytes:
        assert self.result is not None and self.baseline is not None
        runs = [self.baseline] if self.result is self.baseline else [self.baseline, self.result]
        figure = lab.plot_regimes(lab.results_frame(runs))
        self.chart_caption.value = f"<small>Chart: {html.escape(repr(figure))}</small>"
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=90)
        return buffer.getvalue()
