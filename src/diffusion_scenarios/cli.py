"""The ``diffusion-scenarios`` command line.

Each group of subcommands lives in its own private module with a ``register(subparsers)``
function that adds its parsers and sets ``handler`` (a function ``(args) -> int``). This
module only builds the parser, dispatches, and turns the package's own errors into one
message on stderr and exit status 2 — never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__
from .errors import DiffusionScenariosError

__all__ = ["build_parser", "main"]

# Subcommand groups, in the order --help lists them.
_COMMAND_MODULES = (
    "_cli_scenarios",  # list, validate
    "_cli_assess",  # assess
    "_cli_caselaw",  # caselaw, compare
    "_cli_lab",  # lab
)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class _OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: {message} (see {self.prog} --help)\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every subcommand registered."""
    parser = _OneLineParser(
        prog="diffusion-scenarios",
        description=(
            "Explore INTERPOL diffusions and red notices and the route to challenge them "
            "before the CCF. Educational model, not legal advice."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        full = f"{__package__}.{name}"
        try:
            module = importlib.import_module(full)
        except ModuleNotFoundError as error:  # a command group not built yet
            if error.name != full:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(handler(args))
    except DiffusionScenariosError as error:
        print(f"diffusion-scenarios {args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into `head`
        return EXIT_OK
