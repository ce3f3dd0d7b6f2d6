"""How the cost of reading, assessing and writing a memo grows with the number of trips.

A scenario may list at most ``MAX_TRIPS`` trips (see ``_facts/limits.py`` and the README's
"Errors" section); this script shows why: it times, for scenarios of N trips,

* ``load``: ``loads_scenario`` on the YAML text;
* ``assess``: ``assess(scenario)``;
* ``text``, ``markdown``, ``html``: ``reports.render`` in each format;

and the peak memory of a second, traced HTML memo (tracemalloc). Run from the repository root::

    .venv/bin/python benchmarks/bench_limits.py
    .venv/bin/python benchmarks/bench_limits.py --trips 100 500 1000 3000 --formats text html

Trip counts above the limit are timed through the engine directly (``Scenario`` built in
Python), which is how the figures "before the limit" were measured.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import time
import tracemalloc

import diffusion_scenarios as ds
from diffusion_scenarios import reports
from diffusion_scenarios._facts.loader import scenario_to_dict
from diffusion_scenarios._facts.yaml_io import dump_yaml

COUNTRIES = ("FRA", "DEU", "ESP", "ITA", "NOR", "USA", "TUR", "ARE", "THA", "BRA")


def scenario_with_trips(count: int) -> ds.Scenario:
    base = ds.builtin_scenarios()["ccf-2019-u1"]
    start = base.notice.issued_on
    trips = tuple(
        ds.Trip(country=COUNTRIES[i % len(COUNTRIES)], date=start + dt.timedelta(days=1 + i % 700))
        for i in range(count)
    )
    as_of = start + dt.timedelta(days=800)
    return dataclasses.replace(base, travel=trips, as_of=as_of)


def _time(call: object) -> float:
    begin = time.perf_counter()
    call()  # type: ignore[operator]
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trips", type=int, nargs="+", default=[10, 100, 300, 1000])
    parser.add_argument("--formats", nargs="+", default=["text", "markdown", "html"])
    args = parser.parse_args()
    print(f"{'trips':>6} {'load s':>8} {'assess s':>9}", end="")
    for fmt in args.formats:
        print(f" {fmt + ' s':>10}", end="")
    print(f" {'html peak MB':>13}")
    for count in args.trips:
        scenario = scenario_with_trips(count)
        text = dump_yaml(scenario_to_dict(scenario))
        try:
            load = f"{_time(lambda: ds.loads_scenario(text)):8.3f}"  # noqa: B023
        except ds.ScenarioError:
            load = " refused"
        assessment = None

        def run() -> None:
            nonlocal assessment
            assessment = ds.assess(scenario)  # noqa: B023

        print(f"{count:>6} {load} {_time(run):9.3f}", end="", flush=True)
        for fmt in args.formats:
            seconds = _time(lambda: reports.render(assessment, fmt))  # type: ignore[arg-type]  # noqa: B023
            print(f" {seconds:10.3f}", end="", flush=True)
        if "html" in args.formats:  # a second run, traced (tracemalloc slows it down)
            tracemalloc.start()
            reports.render(assessment, "html")  # type: ignore[arg-type]
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            print(f" {peak:13.0f}", end="")
        print()


if __name__ == "__main__":
    main()
