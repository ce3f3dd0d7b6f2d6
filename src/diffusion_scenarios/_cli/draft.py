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
import datetime as _dt
import sys
from pathlib import Path
from typing import Any

__all__ = ["register"]

EXIT_USAGE = 2
#: The requests (the same as ``_render.draft.REQUESTS``; a test keeps the two equal).
REQUESTS = ("access", "deletion", "correction", "provisional_measures", "revision")
_SUFFIXES = {".docx": "docx", ".md": "markdown", ".markdown": "markdown"}
_PROG = "diffusion-scenarios draft"


def register(subparsers: Any) -> None:
    """Add ``draft`` to the command line (imports nothing heavy: the parser is built on
    every command)."""
    parser = subparsers.add_parser(
        "draft",
        help="a training draft of a request to the CCF, built from the assessment",
        description=(
            "Draft a request to the CCF (access, deletion, correction, provisional measures "
            "or revision) from a scenario file or built-in id: the structure the CCF asks "
            "for, the grounds argued with their rules and the most similar published "
            "decisions, the documents to attach and the deadlines. Training draft, not "
            "legal advice."
        ),
    )
    parser.add_argument("scenario", metavar="FILE|ID", help="a scenario file or a built-in id")
    parser.add_argument("--request", required=True, choices=REQUESTS, help="what to ask the CCF")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write FILE.docx (Word) or FILE.md (Markdown)"
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument("--as-of", metavar="DATE", help="the day of filing (YYYY-MM-DD)")
    parser.add_argument("--new-fact", metavar="TEXT", help="revision: the new fact, in words")
    parser.add_argument(
        "--discovered-on",
        metavar="DATE",
        help="revision: the day the new fact was discovered (default: the scenario's "
        "challenge.new_fact_discovered_on)",
    )
    parser.set_defaults(handler=_run_draft)


def _day(text: str | None, option: str) -> tuple[_dt.date | None, str | None]:
    from diffusion_scenarios._base.limits import check_day
    from diffusion_scenarios.errors import printable

    if text is None:
        return None, None
    try:
        day = _dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    problem = check_day(day) if day is not None else "a date as YYYY-MM-DD (for example 2026-05-01)"
    if problem is not None:
        return None, f"{_PROG}: {option}: expected {problem}, found '{printable(text)}'"
    return day, None


def _run_draft(args: argparse.Namespace) -> int:
    from diffusion_scenarios._base.files import write_atomic
    from diffusion_scenarios._engine.pipeline import assess
    from diffusion_scenarios._facts.loader import resolve_scenario
    from diffusion_scenarios._render.draft import DraftRefusedError, draft_content, render_markdown
    from diffusion_scenarios.errors import OutputExistsError, printable

    fmt = "markdown"
    if args.output is not None:
        if not args.output.strip():
            print(
                f"{_PROG}: -o: expected a file name ending in .docx or .md, found an empty name",
                file=sys.stderr,
            )
            return EXIT_USAGE
        suffix = Path(args.output).suffix.lower()
        if suffix not in _SUFFIXES:
            print(
                f"{_PROG}: -o: expected a file name ending in .docx or .md, found "
                f"'{printable(args.output)}'",
                file=sys.stderr,
            )
            return EXIT_USAGE
        fmt = _SUFFIXES[suffix]
    as_of, problem = _day(args.as_of, "--as-of")
    discovered, problem2 = _day(args.discovered_on, "--discovered-on")
    for message in (problem, problem2):
        if message is not None:
            print(message, file=sys.stderr)
            return EXIT_USAGE
    if args.request != "revision" and (args.new_fact or discovered):
        print(
            f"{_PROG}: --new-fact and --discovered-on belong to --request revision", file=sys.stderr
        )
        return EXIT_USAGE
    scenario = resolve_scenario(args.scenario)  # a ScenarioError: exit 2, loader's messages
    assessment = assess(scenario, as_of=as_of)
    try:
        draft = draft_content(
            assessment, args.request, new_fact=args.new_fact, discovered_on=discovered
        )
    except DraftRefusedError as error:
        print(f"{_PROG}: refused: {printable(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    for warning in draft.warnings:
        print(f"{_PROG}: warning: {printable(warning)}", file=sys.stderr)
    if fmt == "docx":
        from diffusion_scenarios._render.draft_word import render_draft_docx

        data: bytes | str = render_draft_docx(assessment, draft)
    else:
        data = render_markdown(draft)
    if args.output is None:
        sys.stdout.write(str(data))
        return 0
    try:
        path = write_atomic(args.output, data, force=args.force)
    except OutputExistsError:
        print(
            f"{_PROG}: {printable(args.output)}: already exists and was left unchanged; "
            "choose another name or overwrite it with --force",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except OSError as error:
        reason = error.strerror or str(error)
        print(
            f"{_PROG}: {printable(args.output)}: cannot write: {printable(reason)}", file=sys.stderr
        )
        return EXIT_USAGE
    print(f"wrote {printable(str(path))}", file=sys.stderr)
    return 0
