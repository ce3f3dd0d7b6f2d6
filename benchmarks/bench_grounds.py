"""Benchmark the grounds and outcome stages (the legal reasoning of the engine).

Reports, per built-in scenario and overall, the time of one *uncached* evaluation of the
grounds (``_engine.grounds.evaluate._evaluate``, the work behind ``evaluate_grounds``), of
one outcome prediction, and of one cached ``evaluate_grounds`` call (what the engine pays
when it asks again for the same facts and day, e.g. ``predict_outcome`` called on its own).

Run from the repository root::

    .venv/bin/python benchmarks/bench_grounds.py
    .venv/bin/python benchmarks/bench_grounds.py --repeat 2000

Target (issue #3): the whole assessment under 5 ms, so grounds + outcome should stay well
under 1 ms per scenario.
"""

from __future__ import annotations

import argparse
import statistics
import time

import diffusion_scenarios as ds
from diffusion_scenarios._engine.grounds.evaluate import _evaluate, evaluate_grounds
from diffusion_scenarios._engine.outcome import predict_outcome
from diffusion_scenarios._law.rules import catalogue


def _per_call_ms(func: object, repeat: int) -> float:
    call = func  # a zero-argument callable
    start = time.perf_counter()
    for _ in range(repeat):
        call()  # type: ignore[operator]
    return (time.perf_counter() - start) / repeat * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=500, help="calls per measurement")
    args = parser.parse_args()
    catalogue()  # read the rule files once, as a running process would have
    rows = []
    for sid, scenario in ds.builtin_scenarios().items():
        day = scenario.as_of or scenario.notice.issued_on
        grounds = _evaluate(scenario, day).grounds
        uncached = _per_call_ms(lambda s=scenario, d=day: _evaluate(s, d), args.repeat)
        evaluate_grounds(scenario, day)
        cached = _per_call_ms(lambda s=scenario, d=day: evaluate_grounds(s, d), args.repeat)
        outcome = _per_call_ms(
            lambda s=scenario, g=grounds, d=day: predict_outcome(s, g, d), args.repeat
        )
        rows.append((sid, uncached, cached, outcome))
    width = max(len(r[0]) for r in rows)
    print(f"{'scenario':<{width}}  grounds(uncached) ms  grounds(cached) ms  outcome ms")
    for sid, uncached, cached, outcome in rows:
        print(f"{sid:<{width}}  {uncached:20.3f}  {cached:18.4f}  {outcome:10.3f}")
    print(
        f"{'median':<{width}}  {statistics.median(r[1] for r in rows):20.3f}  "
        f"{statistics.median(r[2] for r in rows):18.4f}  "
        f"{statistics.median(r[3] for r in rows):10.3f}"
    )
    print(
        f"{'max':<{width}}  {max(r[1] for r in rows):20.3f}  {max(r[2] for r in rows):18.4f}  "
        f"{max(r[3] for r in rows):10.3f}"
    )


if __name__ == "__main__":
    main()
