"""How the cost of reading, assessing and writing a memo grows with the number of trips.

A scenario may list at most ``MAX_TRIPS`` trips (see ``_base/limits.py`` and the README's
"Errors" section); this script shows why: it times, for scenarios of N trips,

* ``load``: ``loads_scenario`` on the YAML text;
* ``assess``: ``assess(scenario)``;
* ``text``, ``markdown``, ``html``, ``docx``: ``reports.render_bytes`` in each format
  (the median of ``--repeat`` runs, 3 by default);

and the peak memory of a second, traced HTML memo (tracemalloc). Run from the repository root::

    .venv/bin/python benchmarks/bench_limits.py
    .venv/bin/python benchmarks/bench_limits.py --trips 100 500 --formats html docx --repeat 5
    .venv/bin/python benchmarks/bench_limits.py --trips 10 500 --formats html docx --cpu

A scenario holds at most ``MAX_TRIPS`` trips (500): the ``Scenario`` value itself refuses
more, so larger counts cannot be timed.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import time
import tracemalloc

from timing import median_s

import diffusion_scenarios as ds
from diffusion_scenarios import reports
from diffusion_scenarios._base.yaml_io import dump_yaml
from diffusion_scenarios._facts.loader import scenario_to_dict

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


def _median_cpu_s(call: object, repeat: int) -> float:
    """The median CPU time of ``repeat`` calls, in seconds (``time.process_time``)."""
    times = []
    for _ in range(repeat):
        begin = time.process_time()
        call()  # type: ignore[operator]
        times.append(time.process_time() - begin)
    return sorted(times)[len(times) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trips", type=int, nargs="+", default=[10, 100, 300, 500])
    parser.add_argument("--formats", nargs="+", default=["text", "markdown", "html", "docx"])
    parser.add_argument("--repeat", type=int, default=3, help="runs per memo (median)")
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time the memos in CPU seconds of this process (steadier on a shared machine)",
    )
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
            reports.render_bytes(assessment, fmt)  # type: ignore[arg-type]  # warm: fonts, imports
            seconds = (_median_cpu_s if args.cpu else median_s)(
                lambda: reports.render_bytes(assessment, fmt),  # type: ignore[arg-type]  # noqa: B023
                args.repeat,
            )
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
