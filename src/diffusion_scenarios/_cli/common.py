"""What the subcommands share: declaring a command, its usual options, and one-line exits.

Every subcommand says a problem with what it was asked in the same way: one line on
stderr, ``diffusion-scenarios COMMAND: ...``, and exit status 2. A handler raises
:class:`UsageError` with the line's message and the handler that :func:`add_command`
registers prints it and returns :data:`EXIT_USAGE`; :func:`warn` prints a warning the same
way and goes on. The package's own errors (a bad scenario, an unknown id) are printed by
the dispatcher in :mod:`diffusion_scenarios.cli`. Only the standard library is imported
here: the parser is built on every command.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = [
    "EXIT_OK",
    "EXIT_USAGE",
    "FORMAT_OF_SUFFIX",
    "UsageError",
    "add_command",
    "add_output_options",
    "add_scenario_argument",
    "parse_day",
    "warn",
    "write_output",
]

EXIT_OK = 0
EXIT_USAGE = 2
PROGRAM = "diffusion-scenarios"

#: The report format a file's extension stands for (``-o memo.md`` writes Markdown); each
#: command writes the formats it has, and reads the others as "not one of mine".
FORMAT_OF_SUFFIX = {
    ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json",
    ".docx": "docx",
}  # fmt: skip

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """What was asked cannot be done as asked: the message of the one line on stderr
    (after ``diffusion-scenarios COMMAND: ``), exit status 2."""


def add_command(
    subparsers: Any, name: str, handler: Handler, *, help: str, description: str
) -> argparse.ArgumentParser:
    """Add the subcommand ``name`` and return its parser; ``handler`` runs it, and a
    :class:`UsageError` it raises becomes one line on stderr and exit status 2."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help, description=description
    )

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except UsageError as problem:
            print(f"{PROGRAM} {name}: {problem}", file=sys.stderr)
            return EXIT_USAGE

    parser.set_defaults(handler=run)
    return parser


def warn(command: str, message: str) -> None:
    """A warning on stderr, ``diffusion-scenarios COMMAND: warning: ...``; the run goes on."""
    print(f"{PROGRAM} {command}: warning: {message}", file=sys.stderr)


def add_scenario_argument(parser: argparse.ArgumentParser) -> None:
    """The scenario to work on: a file or a built-in id."""
    parser.add_argument("scenario", metavar="FILE|ID", help="a scenario file or a built-in id")


def add_output_options(
    parser: argparse.ArgumentParser, *, metavar: str, help: str, force_help: str
) -> None:
    """``-o``/``--output`` (the file to write) and ``--force`` (overwrite it)."""
    parser.add_argument("-o", "--output", metavar=metavar, help=help)
    parser.add_argument("--force", action="store_true", help=force_help)


_YYYY_MM_DD = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(option: str, text: str, *, example: str) -> _dt.date:
    """The day ``text`` names as ``YYYY-MM-DD``, as in scenario files, within the days the
    model handles; else :class:`UsageError` naming ``option`` (Python also reads
    ``2025-W09-6`` and ``20250301``, which files never hold: refused).

    Args:
        option: the option as typed, for the message (``--as-of``).
        text: the value given.
        example: a day to show in the message (``2025-03-01``).
    """
    from diffusion_scenarios._base.limits import check_day
    from diffusion_scenarios.errors import printable

    try:
        day = _dt.date.fromisoformat(text) if _YYYY_MM_DD.fullmatch(text) else None
    except ValueError:
        day = None
    problem = check_day(day) if day is not None else f"a date as YYYY-MM-DD (for example {example})"
    if day is None or problem is not None:
        raise UsageError(f"{option}: expected {problem}, found '{printable(text)}'")
    return day


def write_output(output: str, write: Callable[[], Path]) -> int:
    """Run ``write`` (which writes the file ``output`` and returns the path written) and say
    so on stderr, exit status 0. A file already there (without ``--force``) or the operating
    system's refusal is a :class:`UsageError`; the package's own errors (a link, a device)
    go to the dispatcher, which prints them."""
    from diffusion_scenarios.errors import DiffusionScenariosError, OutputExistsError, printable

    try:
        path = write()
    except OutputExistsError:
        raise UsageError(
            f"{printable(output)}: already exists and was left unchanged; "
            "choose another name or overwrite it with --force"
        ) from None
    except DiffusionScenariosError:
        raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(f"{printable(output)}: cannot write: {printable(reason)}") from None
    print(f"wrote {printable(str(path))}", file=sys.stderr)
    return EXIT_OK
