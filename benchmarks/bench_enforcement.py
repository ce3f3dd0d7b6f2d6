"""Benchmark the enforcement stage when facts single out many countries (issue 11).

A final judgment in a Schengen state singles out every Schengen and EU state after the WS
judgment (12 May 2021), so about 31 entries are computed one by one instead of coming from
the per-country cache. Two columns, each the median of ``--repeat`` timed calls of
``assess(scenario).to_dict()``:

* **warm**: the same facts and day again and again;
* **new date**: the same facts on a different day each call.

Run from the repository root::

    .venv/bin/python benchmarks/bench_enforcement.py
    .venv/bin/python benchmarks/bench_enforcement.py --repeat 500

Target (issue #3): well under 5 ms per assessment.
"""

from __future__ import annotations

import argparse
import datetime as dt

from timing import each_median_ms

import diffusion_scenarios as ds

TARGET_MS = 5.0


def _scenario(result: str) -> ds.Scenario:
    return ds.scenario_from_dict(
        {
            "format": 1,
            "id": f"ne-bis-{result.replace('_', '-')}",
            "as_of": dt.date(2023, 1, 1),
            "notice": {
                "kind": "red_notice",
                "requesting_country": "US",
                "issued_on": dt.date(2019, 1, 10),
            },
            "case": {
                "final_judgment": {"country": "AT", "date": dt.date(2020, 3, 1), "result": result}
            },
            "travel": [
                {"country": "HU", "date": dt.date(2023, 2, 1)},
                {"country": "TR", "date": dt.date(2023, 3, 1)},
            ],
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="timed calls per scenario")
    args = parser.parse_args()
    print(f"{'scenario':<30}{'warm ms':>10}{'new date ms':>14}")
    worst = 0.0
    for result in ("acquitted", "convicted_pending"):
        scenario = _scenario(result)
        ds.assess(scenario).to_dict()
        warm = each_median_ms([lambda s=scenario: ds.assess(s).to_dict()] * args.repeat)
        fresh = each_median_ms(
            [
                lambda s=scenario, d=dt.date(2023, 1, 1) + dt.timedelta(days=i + 1): ds.assess(
                    s, as_of=d
                ).to_dict()
                for i in range(args.repeat)
            ]
        )
        worst = max(worst, warm, fresh)
        print(f"{scenario.id:<30}{warm:>10.3f}{fresh:>14.3f}")
    print(f"slowest: {worst:.3f} ms; target: under {TARGET_MS:g} ms")


if __name__ == "__main__":
    main()
