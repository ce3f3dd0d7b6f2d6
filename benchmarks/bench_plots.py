"""Benchmark the pictures and the memos over every built-in scenario.

For each figure (circulation map, regional map, route timeline, grounds chart) it times
building the Figure and then building plus rendering it (PNG at 100 dpi, and SVG as the HTML
memo embeds it). It also times the Markdown memo and the HTML memo with its three inline
figures. Each number is the median over the built-in scenarios of the median of
``--repeat`` calls, after one warm-up call per scenario (imports, fonts, reference data).

Run from the repository root::

    .venv/bin/python benchmarks/bench_plots.py
    .venv/bin/python benchmarks/bench_plots.py --repeat 5

Targets: a figure well under a second (a widget redraws one on every change), the whole HTML
memo a few seconds at most.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
from collections.abc import Callable
from typing import Any

os.environ.setdefault("MPLBACKEND", "Agg")

from timing import median_s

import diffusion_scenarios as ds
from diffusion_scenarios import plots
from diffusion_scenarios._render.html import figure_svg, render_html
from diffusion_scenarios._render.markdown import render_markdown

FIGURE_TARGET_S = 1.0
MEMO_TARGET_S = 4.0


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed calls per scenario")
    args = parser.parse_args()

    assessments = {key: ds.assess(s) for key, s in ds.builtin_scenarios().items()}
    figures: dict[str, Callable[[Any], Any]] = {
        "circulation_map": plots.circulation_map,
        "circulation_map(region=europe)": lambda a: plots.circulation_map(a, region="europe"),
        "route_timeline": plots.route_timeline,
        "grounds_chart": plots.grounds_chart,
    }
    jobs: dict[str, Callable[[Any], Any]] = {}
    for name, draw in figures.items():
        jobs[f"{name}: build"] = draw
        jobs[f"{name}: build + PNG"] = lambda a, d=draw: _png(d(a))
        jobs[f"{name}: build + SVG"] = lambda a, d=draw, n=name: figure_svg(
            d(a), name="bench", description=n
        )
    jobs["memo: markdown"] = render_markdown
    jobs["memo: HTML with 3 inline SVG figures"] = render_html

    for assessment in assessments.values():  # warm up imports, fonts and caches
        for job in jobs.values():
            job(assessment)

    print(f"{len(assessments)} built-in scenarios, median of {args.repeat} calls each")
    print(f"{'what':50} {'median':>9} {'slowest':>9}")
    for label, job in jobs.items():
        per_scenario = [
            median_s(lambda a=assessment, j=job: j(a), args.repeat)
            for assessment in assessments.values()
        ]
        median = statistics.median(per_scenario)
        print(f"{label:50} {median * 1000:8.1f}ms {max(per_scenario) * 1000:8.1f}ms")
    print(
        f"targets: a figure under {FIGURE_TARGET_S:.0f} s, the HTML memo under "
        f"{MEMO_TARGET_S:.0f} s (2 shared cores; see `uptime` for the load while measuring)"
    )


if __name__ == "__main__":
    main()
