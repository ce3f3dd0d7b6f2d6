"""How long the command line takes, against a bare Python start.

Run: ``.venv/bin/python benchmarks/bench_cli.py [--rounds N]``

Times, as a user's shell would (a new process each time, bytecode caches written once
first), ``python -c pass`` and ``diffusion-scenarios assess ccf-2019-u1 --format json``
(and the text report), and prints the medians and their ratio. Target (issue 21): the JSON
assessment within 5x a bare Python start. It also times the standard library modules the
command imports, alone (the floor of the command's start), and lists the heavy modules the
command imported (none of pandas, matplotlib, numpy or the policy lab should be).

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

#: The standard library the JSON assessment imports (the top-level modules its imports
#: bring in follow): timed alone, it is the floor that no change to the package's own
#: modules can go below while the package is built on dataclasses, argparse and pathlib.
STDLIB = "import argparse, csv, dataclasses, datetime, json, pathlib, re, typing, unicodedata"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    formats = ("json", "text")
    commands = [[sys.executable, "-c", "pass"], [sys.executable, "-c", STDLIB]]
    commands += [[str(COMMAND), "assess", "ccf-2019-u1", "--format", fmt] for fmt in formats]
    bare, stdlib, *spent = _medians(commands, args.rounds, env)
    print(f"python -c pass{'':<38} {bare * 1000:7.0f} ms")
    print(
        f"python -c 'import <the standard library it needs>' {stdlib * 1000:6.0f} ms"
        f"  = {stdlib / bare:4.1f}x bare Python (the floor)"
    )
    for fmt, seconds in zip(formats, spent, strict=True):
        print(
            f"diffusion-scenarios assess ccf-2019-u1 --format {fmt:<5} {seconds * 1000:7.0f} ms"
            f"  = {seconds / bare:4.1f}x bare Python (target 5x)"
        )
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
