"""``diffusion-scenarios list`` and ``diffusion-scenarios validate``.

``list`` prints the built-in scenarios, one a line (id, then title). ``validate`` checks
scenario files without assessing them: ``ok: FILE`` for each good file on stdout, and
every problem of every bad file on stderr, one a line; exit status 0 if all are valid,
else 2. Files are only read, never changed.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from diffusion_scenarios._cli.common import EXIT_OK, add_command

__all__ = ["register"]

EXIT_INVALID = 2


def _list(args: argparse.Namespace) -> int:
    from diffusion_scenarios._facts.loader import builtin_scenarios

    scenarios = builtin_scenarios()
    if args.format == "json":
        rows = [
            {
                "id": scenario.id,
                "title": scenario.title,
                "kind": scenario.notice.kind,
                "requesting_country": scenario.notice.requesting_country,
                "as_of": scenario.as_of.isoformat() if scenario.as_of else None,
            }
            for scenario in scenarios.values()
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    width = max((len(key) for key in scenarios), default=0)
    for key, scenario in scenarios.items():
        print(f"{key:<{width}}  {scenario.title}".rstrip())
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from diffusion_scenarios._facts.loader import load_scenario
    from diffusion_scenarios.errors import Problem, ScenarioError, printable

    failed = False
    seen: dict[str, str] = {}
    for name in args.files:
        try:
            scenario = load_scenario(name)
        except ScenarioError as error:
            failed = True
            for problem in error.problems:
                print(problem.message(), file=sys.stderr)
            continue
        if scenario.id in seen:
            failed = True
            duplicate = Problem(
                path="id",
                expected=f"an id no other file given uses (it is also in {seen[scenario.id]})",
                found=repr(scenario.id),
                source=name,
            )
            print(duplicate.message(), file=sys.stderr)
            continue
        seen[scenario.id] = name
        print(f"ok: {printable(name)}")
    return EXIT_INVALID if failed else EXIT_OK


#: What ``diffusion-scenarios --help`` says of ``list``, and ``list --help`` first.
LIST_HELP = "list the built-in scenarios"
LIST_DESCRIPTION = "List the scenarios shipped with the package: id and title, one a line."

#: What ``diffusion-scenarios --help`` says of ``validate``, and ``validate --help`` first.
VALIDATE_HELP = "check scenario files without assessing them"
VALIDATE_DESCRIPTION = (
    "Check scenario files (YAML or JSON, format 1). Prints 'ok: FILE' for each valid "
    "file; prints every problem on stderr, one a line, naming the file and the field. "
    "Exit status 0 if all files are valid, 2 otherwise. Files are never modified."
)


def register(subparsers: Any) -> None:
    """Add the ``list`` and ``validate`` commands to the command line."""
    listing = add_command(subparsers, "list", _list, help=LIST_HELP, description=LIST_DESCRIPTION)
    listing.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json (id, title, kind, requesting country, as_of)",
    )

    validate = add_command(
        subparsers, "validate", _validate, help=VALIDATE_HELP, description=VALIDATE_DESCRIPTION
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="scenario files to check")
