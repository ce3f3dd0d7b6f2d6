"""How long the command line takes, against a bare Python start.

Run: ``.venv/bin/python benchmarks/bench_cli.py [--rounds N]``

Times, as a user's shell would (a new process each time, bytecode caches written once
first), ``python -c pass`` and ``diffusion-scenarios assess ccf-2019-u1 --format json``
(and the text report), and prints the medians and their ratio. Target (issue 21): the JSON
assessment within 5x a bare Python start. To show where the time goes it also times, the
same way, Python importing only the standard library modules the command loads (the floor
no change to the package's own modules can go below), then those and the package's modules
(none run), and prints, from inside one process, the time of each step of the command. It
lists the heavy modules the command imported (none of pandas, matplotlib, numpy or the
policy lab should be).

Users get a regular install, where ``python -c pass`` is about 11 ms faster than in an
editable checkout (whose import hook runs at every start); measure that one too::

    python3 -m venv /tmp/v && /tmp/v/bin/pip install . && /tmp/v/bin/python benchmarks/bench_cli.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMAND = Path(sys.executable).with_name("diffusion-scenarios")
HEAVY = ("pandas", "matplotlib", "numpy", "diffusion_scenarios._lab", "diffusion_scenarios.lab")

#: The modules of the package the JSON assessment imports (importing them runs no assessment).
PACKAGE = (
    "import diffusion_scenarios.cli, diffusion_scenarios._cli.assess, "
    "diffusion_scenarios._engine.pipeline, diffusion_scenarios._facts.loader, "
    "diffusion_scenarios.reports"
)

#: Run in a new process: the standard library modules the JSON assessment loads (top-level
#: names, from sys.stdlib_module_names), then the time of each step of the command, in ms.
PROBE = """
import sys, time, io, contextlib
before = set(sys.modules)
t0 = time.perf_counter()
import diffusion_scenarios.cli, diffusion_scenarios._cli.assess
from diffusion_scenarios._engine.pipeline import assess
from diffusion_scenarios._facts.loader import resolve_scenario
from diffusion_scenarios.reports import render
t1 = time.perf_counter()
scenario = resolve_scenario("ccf-2019-u1")
t2 = time.perf_counter()
assessment = assess(scenario)
t3 = time.perf_counter()
render(assessment, "json")
t4 = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    diffusion_scenarios.cli.main(["assess", "ccf-2019-u1", "--format", "json"])
names = {m.split(".")[0] for m in set(sys.modules) - before}
print(",".join(sorted(n for n in names if n in sys.stdlib_module_names and n[0] != "_")))
print(*(round((b - a) * 1000, 2) for a, b in ((t0, t1), (t1, t2), (t2, t3), (t3, t4))))
"""
STEPS = (
    "importing (the standard library and the package's modules)",
    "reading the scenario",
    "the first assessment (reference data read and checked once)",
    "the JSON text",
)


def _medians(commands: list[list[str]], rounds: int, env: dict[str, str]) -> list[float]:
    """Median wall time of each command, run in turn round after round (so a busy moment of
    a shared machine weighs on all of them alike)."""
    for argv in commands:
        subprocess.run(argv, env=env, capture_output=True, check=True)  # writes the caches
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(rounds):
        for argv, spent in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run(argv, env=env, capture_output=True, check=True)
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) for spent in times]


def _line(label: str, seconds: float, bare: float, note: str = "") -> None:
    print(f"{label:<52} {seconds * 1000:6.0f} ms  = {seconds / bare:4.1f}x bare Python{note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    probes = [
        subprocess.run(
            [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
        ).stdout.splitlines()
        for _ in range(args.rounds)
    ]
    stdlib = f"import {probes[0][0].replace(',', ', ')}"
    formats = ("json", "text")
    commands = [[sys.executable, "-c", code] for code in ("pass", stdlib, f"{stdlib}; {PACKAGE}")]
    commands += [[str(COMMAND), "assess", "ccf-2019-u1", "--format", fmt] for fmt in formats]
    bare, floor, imported, *spent = _medians(commands, args.rounds, env)
    _line("python -c pass", bare, bare)
    _line("  + the standard library the command loads", floor, bare, " (the floor)")
    _line("  + the package's modules it loads, none run", imported, bare)
    for fmt, seconds in zip(formats, spent, strict=True):
        command = f"diffusion-scenarios assess ccf-2019-u1 --format {fmt}"
        _line(command, seconds, bare, " (target 5x)")
    print(f"the standard library it loads: {probes[0][0].replace(',', ', ')}")
    steps = [statistics.median(float(p[1].split()[i]) for p in probes) for i in range(4)]
    done = "; ".join(f"{name} {ms:.1f} ms" for name, ms in zip(STEPS, steps, strict=True))
    print(f"in one process, medians: {done}")
    probe = (
        "import sys, io, contextlib\n"
        "from diffusion_scenarios.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['assess', 'ccf-2019-u1', '--format', 'json'])\n"
        f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    print(f"heavy modules imported by assess --format json: {loaded}")


if __name__ == "__main__":
    main()
