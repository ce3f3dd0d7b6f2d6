"""The ``draft`` subcommand: a training draft of a request to the CCF.

``diffusion-scenarios draft FILE|ID --request access|deletion|correction|provisional_measures|
revision [-o FILE.docx|FILE.md] [--force] [--as-of DATE] [--new-fact TEXT]
[--discovered-on DATE]``. Without ``-o`` the draft is printed as Markdown; with ``-o`` the
extension chooses Word (``.docx``) or Markdown (``.md``). A scenario that does not load exits
2 with the loader's messages and writes nothing; a request that does not fit the facts is
refused in one line (exit 2); provisional measures with nothing urgent are drafted with a
warning on stderr. Files are written atomically and never overwritten without ``--force``.
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

#: The requests (the same as ``_render.draft.REQUESTS``; a test keeps the two equal).
REQUESTS = ("access", "deletion", "correction", "provisional_measures", "revision")
# A draft is Word or Markdown: the extensions that stand for those (common.FORMAT_OF_SUFFIX).
_SUFFIXES = {s: f for s, f in FORMAT_OF_SUFFIX.items() if f in ("docx", "markdown")}
_EXAMPLE_DAY = "2026-05-01"


#: What ``diffusion-scenarios --help`` says of ``draft``, and ``draft --help`` first.
HELP = "a training draft of a request to the CCF, built from the assessment"
DESCRIPTION = (
    "Draft a request to the CCF (access, deletion, correction, provisional measures "
    "or revision) from a scenario file or built-in id: the structure the CCF asks "
    "for, the grounds argued with their rules and the most similar published "
    "decisions, the documents to attach and the deadlines. Training draft, not "
    "legal advice."
)


def register(subparsers: Any) -> None:
    """Add ``draft`` to the command line (imports nothing heavy: the parser is built on
    every command)."""
    parser = add_command(subparsers, "draft", _run_draft, help=HELP, description=DESCRIPTION)
    add_scenario_argument(parser)
    parser.add_argument("--request", required=True, choices=REQUESTS, help="what to ask the CCF")
    add_output_options(
        parser,
        metavar="FILE",
        help="write FILE.docx (Word) or FILE.md (Markdown)",
        force_help="overwrite FILE if it exists",
    )
    parser.add_argument("--as-of", metavar="DATE", help="the day of filing (YYYY-MM-DD)")
    parser.add_argument("--new-fact", metavar="TEXT", help="revision: the new fact, in words")
    parser.add_argument(
        "--discovered-on",
        metavar="DATE",
        help="revision: the day the new fact was discovered (default: the scenario's "
        "challenge.new_fact_discovered_on)",
    )


def _run_draft(args: argparse.Namespace) -> int:
    from diffusion_scenarios._base.files import write_atomic
    from diffusion_scenarios._engine.pipeline import assess
    from diffusion_scenarios._facts.loader import resolve_scenario
    from diffusion_scenarios._render.draft import DraftRefusedError, draft_content, render_markdown
    from diffusion_scenarios.errors import printable

    fmt = "markdown"
    if args.output is not None:
        if not args.output.strip():
            raise UsageError("-o: expected a file name ending in .docx or .md, found an empty name")
        suffix = Path(args.output).suffix.lower()
        if suffix not in _SUFFIXES:
            raise UsageError(
                f"-o: expected a file name ending in .docx or .md, found '{printable(args.output)}'"
            )
        fmt = _SUFFIXES[suffix]
    as_of = None if args.as_of is None else parse_day("--as-of", args.as_of, example=_EXAMPLE_DAY)
    discovered = None
    if args.discovered_on is not None:
        discovered = parse_day("--discovered-on", args.discovered_on, example=_EXAMPLE_DAY)
    if args.request != "revision" and (args.new_fact or discovered):
        raise UsageError("--new-fact and --discovered-on belong to --request revision")
    scenario = resolve_scenario(args.scenario)  # a ScenarioError: exit 2, loader's messages
    assessment = assess(scenario, as_of=as_of)
    try:
        draft = draft_content(
            assessment, args.request, new_fact=args.new_fact, discovered_on=discovered
        )
    except DraftRefusedError as error:
        raise UsageError(f"refused: {printable(str(error))}") from None
    for warning in draft.warnings:
        warn("draft", printable(warning))
    if fmt == "docx":
        from diffusion_scenarios._render.draft_word import render_draft_docx

        data: bytes | str = render_draft_docx(assessment, draft)
    else:
        data = render_markdown(draft)
    if args.output is None:
        sys.stdout.write(str(data))
        return EXIT_OK
    output = args.output
    return write_output(output, lambda: write_atomic(output, data, force=args.force))
