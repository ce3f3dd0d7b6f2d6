"""The ``assess`` subcommand: assess a scenario file or a built-in scenario.

``diffusion-scenarios assess FILE|ID [--as-of DATE] [--format text|json|markdown|html|docx]
[-o OUT] [--force]``. JSON output is exactly ``Assessment.to_dict()``: one object on stdout.
``-o`` never overwrites an existing file unless ``--force`` is given. With ``-o`` and no
``--format``, the file's extension chooses the format (``.md`` Markdown, ``.html`` HTML,
``.json`` JSON, ``.docx`` a Word memo, anything else text); a ``--format`` that disagrees
with the extension is obeyed, with a one-line warning on stderr. A Word memo (``docx``) is
a file, never printed: it needs ``-o``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from diffusion_scenarios._cli.common import (
    EXIT_OK,
    FORMAT_OF_SUFFIX,
    UsageError,
    add_command,
    add_output_options,
    add_scenario_argument,
    parse_day,
    warn,
    write_output,
)

__all__ = ["register"]

_FORMATS = ("text", "json", "markdown", "html", "docx")
_FILE_ONLY = ("docx",)  # binary: written with -o, never to the terminal


#: What ``diffusion-scenarios --help`` says of ``assess``, and ``assess --help`` first.
HELP = "assess a scenario: issuance, circulation, arrest risk, grounds, CCF route, outcome"
DESCRIPTION = (
    "Assess a scenario file (YAML or JSON) or a built-in scenario id and print the "
    "report. Educational model, not legal advice."
)


def register(subparsers: Any) -> None:
    """Add ``assess`` to the command line."""
    parser = add_command(subparsers, "assess", _run_assess, help=HELP, description=DESCRIPTION)
    add_scenario_argument(parser)
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help="assess on this day (YYYY-MM-DD, 1900-01-01 to 2199-12-31) instead of the "
        "scenario's as_of",
    )
    parser.add_argument(
        "--format",
        choices=_FORMATS,
        default=None,
        help=(
            "report format (default: text; with -o, the file's extension decides: .md "
            "markdown, .html html, .json json, .docx docx, anything else text); docx is a "
            "Word memo and needs -o"
        ),
    )
    add_output_options(
        parser,
        metavar="OUT",
        help="write the report to this file",
        force_help="overwrite OUT if it already exists",
    )


def _run_assess(args: argparse.Namespace) -> int:
    from diffusion_scenarios._engine.pipeline import assess
    from diffusion_scenarios._facts.loader import resolve_scenario
    from diffusion_scenarios.errors import printable
    from diffusion_scenarios.reports import render, write_report

    fmt = args.format or "text"
    if args.output:
        implied = FORMAT_OF_SUFFIX.get(Path(args.output).suffix.lower(), "text")
        if args.format is None:
            fmt = implied
        elif implied != args.format:
            warn(
                "assess",
                f"writing {args.format} into {printable(args.output)} as --format asks, "
                f"although its extension suggests {implied}",
            )
    if fmt in _FILE_ONLY and not args.output:
        raise UsageError(
            f"--format {fmt} writes a Word file; give its name with -o (for example -o memo.docx)"
        )
    as_of = None
    if args.as_of is not None:
        as_of = parse_day("--as-of", args.as_of, example="2025-03-01")
    if args.output is not None and not args.output.strip():
        raise UsageError(
            "-o: expected the name of a file to write, found an empty name (leave -o out to "
            "print the report)"
        )
    scenario = resolve_scenario(args.scenario)
    assessment = assess(scenario, as_of=as_of)
    if args.output is not None:
        output = args.output
        return write_output(output, lambda: write_report(assessment, output, fmt, force=args.force))
    sys.stdout.write(render(assessment, fmt))
    return EXIT_OK
