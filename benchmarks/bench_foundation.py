"""Benchmark the foundation: import time, cold reference-data load, warm look-ups.

Each cold measurement runs in a fresh Python process (so no module or cache is warm) and
reports the median of ``--repeat`` runs:

* **import** — ``import diffusion_scenarios`` alone (the public API is lazy, so this must
  not pull in pycountry, yaml, pandas or matplotlib);
* **reference data** — members, the five INTERPOL regions plus ``eu``/``schengen``, the
  practice row of every ISO country, the statistics, the rule catalogue and all built-in
  scenarios, loaded cold (imports included);
* **one scenario file** — reading and checking one built-in scenario file cold.

Then, in this process with caches warm, the per-call cost of the look-ups the engine makes
in its hot path (``resolve_country``, ``is_member``, ``expand_recipients``,
``country_practice``) and of ``loads_scenario`` on a typical file.

Run from the repository root::

    .venv/bin/python benchmarks/bench_foundation.py
    .venv/bin/python benchmarks/bench_foundation.py --repeat 9
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

IMPORT_ONLY = """
import time
start = time.perf_counter()
import diffusion_scenarios
elapsed = time.perf_counter() - start
import sys
names = ("pandas", "matplotlib", "pycountry", "yaml", "numpy")
heavy = sorted(m for m in names if m in sys.modules)
print(elapsed, ",".join(heavy) or "-")
"""

REFERENCE_DATA = """
import time
start = time.perf_counter()
import datetime
import diffusion_scenarios as ds
from diffusion_scenarios._law import countries as _countries
from diffusion_scenarios._law import reference as _reference
from diffusion_scenarios._law.rules import catalogue
day = datetime.date(2025, 1, 1)
_countries.members_on(day)
for region in ("africa", "americas", "asia_south_pacific", "europe",
               "middle_east_north_africa", "eu", "schengen"):
    _countries.region_members(region, day)
for code in _countries.all_country_codes():
    _reference.country_practice(code)
_reference.statistics()
catalogue()
ds.builtin_scenarios()
print(time.perf_counter() - start, "-")
"""

ONE_FILE = """
import time
start = time.perf_counter()
import diffusion_scenarios as ds
ds.load_scenario({path!r})
print(time.perf_counter() - start, "-")
"""


def _fresh(code: str, repeat: int) -> tuple[float, str]:
    times: list[float] = []
    note = "-"
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        times.append(float(out[0]))
        note = out[1]
    return statistics.median(times) * 1000, note


def _per_call_us(call: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        call()
    return (time.perf_counter() - start) / number * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="fresh processes per cold figure")
    args = parser.parse_args()

    import diffusion_scenarios as ds
    from diffusion_scenarios._law import countries as _countries
    from diffusion_scenarios._law import reference as _reference
    from diffusion_scenarios._law.data import data_file

    sample = Path(str(data_file("scenarios/diffusion-commercial-dispute-europe.yaml")))
    print(f"Python {sys.version.split()[0]}; median of {args.repeat} fresh processes\n")
    import_ms, heavy = _fresh(IMPORT_ONLY, args.repeat)
    print(f"import diffusion_scenarios           {import_ms:8.1f} ms   heavy modules: {heavy}")
    data_ms, _ = _fresh(REFERENCE_DATA, args.repeat)
    print(f"all reference data + built-ins, cold {data_ms:8.1f} ms")
    file_ms, _ = _fresh(ONE_FILE.format(path=str(sample)), args.repeat)
    print(f"one scenario file, cold (w/ import)  {file_ms:8.1f} ms")

    day = dt.date(2025, 1, 10)
    text = sample.read_text(encoding="utf-8")
    ds.builtin_scenarios()
    _reference.country_practice("FRA")
    _countries.expand_recipients(("europe", "USA"), "KAZ", day)
    print("\nwarm, per call:")
    recipients = ("europe", "USA")
    built = ds.loads_scenario(text)
    rows: list[tuple[str, Callable[[], object], int]] = [
        ("resolve_country('Great Britain')", lambda: _countries.resolve_country("Great Britain"),
         200_000),
        ("is_member('FRA', day)", lambda: _countries.is_member("FRA", day), 200_000),
        ("members_on(day)", lambda: _countries.members_on(day), 200_000),
        ("expand_recipients(('europe','USA'))",
         lambda: _countries.expand_recipients(recipients, "KAZ", day), 200_000),
        ("country_practice('FRA')", lambda: _reference.country_practice("FRA"), 200_000),
        ("loads_scenario(typical file)", lambda: ds.loads_scenario(text), 300),
        # values check themselves when built in code (the loader's own checks, once)
        ("replace(scenario, title=...)", lambda: dataclasses.replace(built, title="x"), 300),
        ("replace(scenario.notice, ...)",
         lambda: dataclasses.replace(built.notice, public_extract=None), 2_000),
    ]  # fmt: skip
    for label, call, number in rows:
        print(f"  {label:<40} {_per_call_us(call, number):10.2f} µs")


if __name__ == "__main__":
    main()
