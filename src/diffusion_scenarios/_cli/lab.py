"""The ``lab`` subcommand: run the seminar policy lab from the command line.

::

    diffusion-scenarios lab [--regime R] [--n N] [--seed S] [--format text|json]
                            [--chunk-size K] [--quiet] [--calibration]

Options are read as text and checked here, so every bad value gives ONE line on stderr
and exit status 2. A progress bar goes to stderr for long runs when stderr is a terminal
(never with ``--quiet``, never when redirected). numpy and pandas load only in the handler.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from typing import Any, NoReturn, TextIO

from diffusion_scenarios._cli.common import add_command

__all__ = ["ProgressBar", "register"]

_FORMATS = ("text", "json")
_WHOLE_NUMBER = re.compile(r"^[0-9][0-9_,]*$")
_PROGRESS_THRESHOLD = 2_000_000  # below this a run takes about a second: no bar
_MAX_DIGITS = 19  # longer numbers are refused before they are converted
# The lab's DEFAULT_CHUNK_SIZE and MAX_CHUNK_SIZE (a test keeps them equal), written here so
# that building the command line does not import the lab, its data and YAML for every other
# command.
DEFAULT_CHUNK_SIZE = 262_144
MAX_CHUNK_SIZE = 4_194_304


#: What ``diffusion-scenarios --help`` says of ``lab``, and ``lab --help`` first.
HELP = "simulate many requests under today's rules or a reform (policy lab)"
DESCRIPTION = (
    "Simulate N synthetic red notices and wanted-person diffusions through screening, "
    "NDTF review and CCF challenges, and report how many non-compliant requests "
    "circulate, for how long, the expected detentions and the CCF workload. "
    "Parameters and their sources: data/lab_parameters.yaml. Educational "
    "simulation, not legal advice."
)


def register(subparsers: Any) -> None:
    """Add ``lab`` to the command line."""
    parser = add_command(subparsers, "lab", _run_lab, help=HELP, description=DESCRIPTION)
    parser.add_argument(
        "--regime",
        default="today",
        metavar="NAME",
        help="today, screen_diffusions, no_review_after_circulation, faster_ccf or "
        "block_while_examined (default: today)",
    )
    parser.add_argument(
        "--n", default="100000", metavar="N", help="number of requests (default: 100000)"
    )
    parser.add_argument("--seed", default="0", metavar="S", help="random seed (default: 0)")
    parser.add_argument(
        "--format", default="text", metavar="{text,json}", help="text or json (default: text)"
    )
    parser.add_argument(
        "--chunk-size",
        default=str(DEFAULT_CHUNK_SIZE),
        metavar="K",
        help=f"requests simulated at once, 1 to {MAX_CHUNK_SIZE:,}; changes memory, not "
        f"the result (default: {DEFAULT_CHUNK_SIZE})",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--calibration",
        action="store_true",
        help="compare the today regime with its calibration targets (exit 1 if one is "
        "outside its tolerance)",
    )

    def one_line_error(message: str) -> NoReturn:
        sys.stderr.write(f"diffusion-scenarios lab: {message}\n")
        raise SystemExit(2)

    setattr(parser, "error", one_line_error)  # noqa: B010 - argparse has no hook for this


def _whole_number(option: str, text: str) -> int:
    from diffusion_scenarios.errors import LabError, printable

    digits = text.replace("_", "").replace(",", "")
    if not _WHOLE_NUMBER.match(text):
        shown = text if len(text) <= 30 else text[:27] + "..."
        raise LabError(f"{option}: expected a whole number, found {printable(shown)!r}")
    if len(digits) > _MAX_DIGITS:
        raise LabError(
            f"{option}: expected a whole number of at most {_MAX_DIGITS} digits, found one "
            f"of {len(digits):,} digits"
        )
    return int(digits)


class ProgressBar:
    """A one-line progress bar on a terminal; silent when the stream is not a TTY.

    Call it as ``bar(done, total)``; it redraws at most ten times a second and ends the
    line when ``done == total``.
    """

    def __init__(self, stream: TextIO, *, enabled: bool = True, width: int = 30) -> None:
        self._stream = stream
        self._enabled = enabled and stream.isatty()
        self._width = width
        self._last = 0.0
        self._started = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        if not self._enabled:
            return
        now = time.perf_counter()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        filled = int(self._width * done / total)
        rate = done / max(now - self._started, 1e-9)
        self._stream.write(
            f"\r[{'#' * filled}{'.' * (self._width - filled)}] {100 * done / total:5.1f}% "
            f"{done:,}/{total:,} requests ({rate / 1e6:.1f} M/s)"
        )
        if done >= total:
            self._stream.write("\n")
        self._stream.flush()


def _run_lab(args: argparse.Namespace) -> int:
    from diffusion_scenarios import lab
    from diffusion_scenarios._lab.sim import check_run_size
    from diffusion_scenarios.errors import LabError

    if args.format not in _FORMATS:
        raise LabError(f"--format: expected one of {', '.join(_FORMATS)}, found {args.format!r}")
    try:
        n, seed, chunk_size = check_run_size(
            _whole_number("--n", args.n),
            _whole_number("--seed", args.seed),
            _whole_number("--chunk-size", args.chunk_size),
        )
        regime = lab.get_regime(args.regime)
    except LabError as error:  # name the option as the user typed it
        message = str(error)
        if not message.startswith("--"):
            message = "--" + message.replace("chunk_size", "chunk-size", 1)
        raise LabError(message) from None

    if args.calibration:
        if args.regime != "today":
            raise LabError("--calibration: the calibration targets belong to --regime today")
        report = lab.calibration_report(n=n, seed=seed)
        if args.format == "json":
            rows = []
            for name, row in report.iterrows():
                rows.append(
                    {
                        "target": name,
                        "description": row["description"],
                        "published": float(row["target"]),
                        "simulated": float(row["simulated"]),
                        "tolerance": float(row["tolerance"]),
                        "within_tolerance": bool(row["within_tolerance"]),
                        "source": row["source"],
                    }
                )
            print(
                json.dumps(
                    {"notice": lab.DISCLAIMER, "n_requests": n, "seed": seed, "targets": rows},
                    indent=2,
                )
            )
        else:
            print(f"Calibration of the 'today' regime ({n:,} requests, seed {seed})")
            print(f"{'target':<34} {'published':>12} {'simulated':>12} {'tolerance':>10}  ok")
            for name, row in report.iterrows():
                mark = "yes" if row["within_tolerance"] else "NO"
                print(
                    f"{name!s:<34} {row['target']:>12,.4g} {row['simulated']:>12,.4g} "
                    f"{row['tolerance']:>10,.3g}  {mark}"
                )
            print(lab.DISCLAIMER)
        return 0 if bool(report["within_tolerance"].all()) else 1

    bar = ProgressBar(sys.stderr, enabled=not args.quiet and n >= _PROGRESS_THRESHOLD)
    try:
        result = lab.simulate(regime, n=n, seed=seed, chunk_size=chunk_size, progress=bar)
    except MemoryError:
        raise LabError(
            f"--chunk-size: not enough memory to simulate {chunk_size:,} requests at once; "
            "try a smaller --chunk-size"
        ) from None
    if args.format == "json":
        print(json.dumps(result.to_dict(), indent=2))
    else:
        print(result.to_text())
    return 0
