"""Benchmark the case-law tools: reading the decisions index, filtering it, summarising
it, comparing the model with the CCF, and the start-up cost of the command line.

Run from the repository root::

    .venv/bin/python benchmarks/bench_caselaw.py
    .venv/bin/python benchmarks/bench_caselaw.py --repeat 200

Targets: a filter or a summary well under 50 ms (a widget redraw), ``compare`` on the
encoded CCF cases under 1 s, the calibration report (training and grouped cross-validation refits)
under 2 s, and ``diffusion-scenarios --help`` without pandas (checked here).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from timing import median_ms

from diffusion_scenarios import caselaw
from diffusion_scenarios._law.data import data_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    def row(label: str, ms: float, digits: int = 2) -> None:
        print(f"  {label:<38}{ms:10.{digits}f} ms")

    start = time.perf_counter()
    import pandas  # noqa: F401  (timed on its own: decisions() needs it)

    pandas_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    table = caselaw.decisions()
    first_ms = (time.perf_counter() - start) * 1000
    print(f"decisions index: {len(table)} rows")
    row("import pandas", pandas_ms, 1)
    row("first read (parse, validate, frame)", first_ms, 1)
    row("cached read (a copy)", median_ms(caselaw.decisions, args.repeat))

    def by_tag_and_outcome() -> object:
        return caselaw.filter_decisions(tag="Political character", outcome="not_compliant")

    row("filter by tag and outcome", median_ms(by_tag_and_outcome, args.repeat))
    row("tag_counts", median_ms(caselaw.tag_counts, args.repeat))
    row("outcome_shares_by_tag", median_ms(caselaw.outcome_shares_by_tag, args.repeat))
    row(
        "decisions_text (whole index)",
        median_ms(lambda: caselaw.decisions_text(table), args.repeat),
    )

    expected = data_file("scenarios/expected.csv")
    folder, csv_path = str(expected.parent), str(expected)
    result = caselaw.compare(folder, csv_path)
    compare_ms = median_ms(lambda: caselaw.compare(folder, csv_path), max(3, args.repeat // 10))
    row(f"compare on {result.cases} CCF cases", compare_ms, 1)
    calibration_ms = median_ms(
        lambda: caselaw.calibration(folder, csv_path), max(3, args.repeat // 20)
    )
    row(f"calibration, {result.cases} decisions, cross-validated", calibration_ms, 1)

    code = (
        "import sys; from diffusion_scenarios.cli import build_parser; build_parser(); "
        "print('pandas' in sys.modules)"
    )
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    row("CLI parser, fresh process", (time.perf_counter() - start) * 1000, 1)
    print(f"  pandas loaded by the CLI parser: {done.stdout.strip()}")


if __name__ == "__main__":
    main()
