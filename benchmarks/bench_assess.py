"""Benchmark one whole assessment: ``assess(scenario).to_dict()`` on every built-in scenario.

Two columns per scenario, each the median of ``--repeat`` timed calls:

* **warm**: the same scenario again and again, with every cache warm (reference data, rule
  catalogue, per-country entries, grounds of the same facts) — what a notebook pays when a
  student re-runs a cell;
* **new date**: the same facts assessed on a different day each call, so the per-facts
  caches (grounds, dated citations) miss — closer to a widget moving a date slider.

Run from the repository root::

    .venv/bin/python benchmarks/bench_assess.py
    .venv/bin/python benchmarks/bench_assess.py --repeat 500

Target (issue #3): well under 5 ms per assessment.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics

from timing import each_median_ms

import diffusion_scenarios as ds

TARGET_MS = 5.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="timed calls per scenario")
    args = parser.parse_args()

    scenarios = ds.builtin_scenarios()
    for scenario in scenarios.values():  # warm the reference data and rule catalogue
        ds.assess(scenario).to_dict()

    rows = []
    for scenario_id, scenario in scenarios.items():
        base = scenario.as_of or dt.date.today()
        warm = each_median_ms([lambda s=scenario: ds.assess(s).to_dict()] * args.repeat)
        fresh = each_median_ms(
            [
                lambda s=scenario, d=base + dt.timedelta(days=i + 1): ds.assess(
                    s, as_of=d
                ).to_dict()
                for i in range(args.repeat)
            ]
        )
        rows.append((scenario_id, warm, fresh))

    width = max(len(r[0]) for r in rows)
    print(f"{'scenario':<{width}}  {'warm ms':>8}  {'new date ms':>11}")
    print("-" * (width + 23))
    for scenario_id, warm, fresh in rows:
        print(f"{scenario_id:<{width}}  {warm:8.3f}  {fresh:11.3f}")
    print("-" * (width + 23))
    all_warm = statistics.median(r[1] for r in rows)
    all_fresh = statistics.median(r[2] for r in rows)
    worst = max(max(r[1], r[2]) for r in rows)
    print(f"{'median over scenarios':<{width}}  {all_warm:8.3f}  {all_fresh:11.3f}")
    print(f"slowest scenario: {worst:.3f} ms; target: under {TARGET_MS:.0f} ms")


if __name__ == "__main__":
    main()
