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
import datetime as _dt
import re
import sys
from pathlib import Path
from typing import Any

__all__ = ["register"]

_FORMATS = ("text", "json", "markdown", "html", "docx")
_FILE_ONLY = ("docx",)  # binary: written with -o, never to the terminal
EXIT_USAGE = 2
_FORMAT_OF_SUFFIX = {
    ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json",
    ".docx": "docx",
}  # fmt: skip


_YYYY_MM_DD = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(text: str) -> _dt.date | None:
    """The day ``text`` names as ``YYYY-MM-DD``, as in scenario files; ``None`` for anything
    else (Python also reads ``2025-W09-6`` and ``20250301``, which files never hold)."""
    if not _YYYY_MM_DD.fullmatch(text):
        return None
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        return None


def register(subparsers: Any) -> None:
    """Add ``assess`` to the command line."""
    parser = subparsers.add_parser(
        "assess",
        help="assess a scenario: issuance, circulation, arrest risk, grounds, CCF route, outcome",
        description=(
            "Assess a scenario file (YAML or JSON) or a built-in scenario id and print the "
            "report. Educational model, not legal advice."
        ),
    )
    parser.add_argument("scenario", metavar="FILE|ID", help="a scenario file or a built-in id")
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
    parser.add_argument("-o", "--output", metavar="OUT", help="write the report to this file")
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it already exists")
    parser.set_defaults(handler=_run_assess)


def _run_assess(args: argparse.Namespace) -> int:
    from diffusion_scenarios._base.limits import check_day
    from diffusion_scenarios._engine.pipeline import assess
    from diffusion_scenarios._facts.loader import resolve_scenario
    from diffusion_scenarios.errors import DiffusionScenariosError, OutputExistsError, printable
    from diffusion_scenarios.reports import render, write_report

    fmt = args.format or "text"
    if args.output:
        implied = _FORMAT_OF_SUFFIX.get(Path(args.output).suffix.lower(), "text")
        if args.format is None:
            fmt = implied
        elif implied != args.format:
            print(
                f"diffusion-scenarios assess: warning: writing {args.format} into "
                f"{printable(args.output)} as --format asks, although its extension suggests "
                f"{implied}",
                file=sys.stderr,
            )
    if fmt in _FILE_ONLY and not args.output:
        print(
            f"diffusion-scenarios assess: --format {fmt} writes a Word file; give its name "
            "with -o (for example -o memo.docx)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    as_of = None
    if args.as_of is not None:
        as_of = _iso_date(args.as_of)
        problem = check_day(as_of)
        if as_of is None or len(args.as_of) != 10 or problem is not None:
            if as_of is None or len(args.as_of) != 10:
                problem = "a date as YYYY-MM-DD (for example 2025-03-01)"
            print(
                f"diffusion-scenarios assess: --as-of: expected {problem}, "
                f"found '{printable(args.as_of)}'",
                file=sys.stderr,
            )
            return EXIT_USAGE
    if args.output is not None and not args.output.strip():
        print(
            "diffusion-scenarios assess: -o: expected the name of a file to write, found an "
            "empty name (leave -o out to print the report)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    scenario = resolve_scenario(args.scenario)
    assessment = assess(scenario, as_of=as_of)
    if args.output is not None:
        try:
            path = write_report(assessment, args.output, fmt, force=args.force)
        except OutputExistsError:
            print(
                f"diffusion-scenarios assess: {printable(args.output)}: already exists and was "
                "left unchanged; choose another name or overwrite it with --force",
                file=sys.stderr,
            )
            return EXIT_USAGE
        except DiffusionScenariosError:
            raise  # the dispatcher prints it as one line, exit 2
        except OSError as error:
            reason = error.strerror or str(error)
            print(
                f"diffusion-scenarios assess: {printable(args.output)}: cannot write: "
                f"{printable(reason)}",
                file=sys.stderr,
            )
            return EXIT_USAGE
        print(f"wrote {printable(str(path))}", file=sys.stderr)
        return 0
    sys.stdout.write(render(assessment, fmt))
    return 0
