"""Benchmark the policy lab.

Reports:

1. simulated requests per second in the vectorized path (in-process, one core), per regime;
2. wall time and peak memory (``getrusage`` of the child, max resident set size) of a
   10,000,000-request run from the command line (chunked);
3. the speed-up over calling ``diffusion_scenarios.assess`` once per request on a built-in
   scenario (what a naive "run the scenario engine N times" lab would cost).

Run from the repository root::

    .venv/bin/python benchmarks/bench_lab.py            # full (about a minute)
    .venv/bin/python benchmarks/bench_lab.py --quick    # smaller sizes, no 10M run

Targets (issue #7): at least 1,000,000 requests/second, and the 10M CLI run under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from diffusion_scenarios import lab

TARGET_RATE = 1_000_000
TARGET_MEMORY_BYTES = 1 << 30
ASSESS_SCENARIO = "diffusion-commercial-dispute-europe"


def _best_of(repeats: int, function: Any) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def vectorized_rates(n: int, repeats: int) -> dict[str, float]:
    lab.simulate("today", n=10_000)  # warm up imports and caches
    rates = {}
    for name in lab.REGIMES:
        seconds = _best_of(repeats, lambda name=name: lab.simulate(name, n=n, seed=1))
        rates[name] = n / seconds
    return rates


def cli_run(n: int) -> dict[str, float]:
    command = [sys.executable, "-m", "diffusion_scenarios", "lab", "--n", str(n), "--quiet",
               "--format", "json"]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = json.loads(completed.stdout)
    assert sum(result["final_states"].values()) == n
    return {
        "n": n,
        "wall_seconds": seconds,
        "requests_per_second_incl_startup": n / seconds,
        "peak_rss_bytes": max(peak_kib, before) * 1024,  # Linux reports KiB
    }


def assess_rate(calls: int) -> dict[str, float] | None:
    try:
        import diffusion_scenarios as ds

        scenario = ds.builtin_scenarios()[ASSESS_SCENARIO]
        ds.assess(scenario)  # warm up
    except Exception as error:  # the engine may not be built in every checkout
        print(f"assess not available: {error}", file=sys.stderr)
        return None
    start = time.perf_counter()
    for _ in range(calls):
        ds.assess(scenario)
    seconds = time.perf_counter() - start
    return {"calls": calls, "seconds": seconds, "calls_per_second": calls / seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, skip the 10M run")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()

    n = 1_000_000 if args.quick else 5_000_000
    report: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "load_average": os.getloadavg(),
        "vectorized_requests_per_second": vectorized_rates(n, 2 if args.quick else 3),
    }
    if not args.quick:
        report["cli_10m"] = cli_run(10_000_000)
    report["assess"] = assess_rate(20 if args.quick else 100)
    rate = report["vectorized_requests_per_second"]["today"]
    if report["assess"] is not None:
        report["speedup_over_assess_per_request"] = rate / report["assess"]["calls_per_second"]

    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"machine: {report['cpu_count']} cores, load average {report['load_average']}")
    print(f"vectorized path, {n:,} requests, best of runs:")
    for name, value in report["vectorized_requests_per_second"].items():
        flag = "ok" if value >= TARGET_RATE else "BELOW TARGET"
        print(f"  {name:<30} {value:>14,.0f} requests/s  {flag}")
    if "cli_10m" in report:
        cli = report["cli_10m"]
        flag = "ok" if cli["peak_rss_bytes"] < TARGET_MEMORY_BYTES else "OVER 1 GB"
        print(
            f"CLI, 10,000,000 requests: {cli['wall_seconds']:.1f} s wall "
            f"({cli['requests_per_second_incl_startup']:,.0f} requests/s incl. start-up), "
            f"peak RSS {cli['peak_rss_bytes'] / 2**20:,.0f} MiB  {flag}"
        )
    if report["assess"] is None:
        print("assess: the scenario engine is not available in this checkout")
    else:
        per_call = report["assess"]["seconds"] / report["assess"]["calls"]
        print(
            f"assess('{ASSESS_SCENARIO}'): {per_call * 1e3:.2f} ms per call "
            f"({report['assess']['calls_per_second']:,.0f} calls/s); the lab is "
            f"{report['speedup_over_assess_per_request']:,.0f}x faster per request"
        )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    raise SystemExit(main())
