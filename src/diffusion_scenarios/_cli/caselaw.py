"""The ``caselaw`` and ``compare`` subcommands: browse CCF decisions, check the model.

pandas is imported only inside the handlers, so ``diffusion-scenarios --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from diffusion_scenarios._cli.common import UsageError, add_command

__all__ = ["register"]

_FORMATS = ("text", "json")


#: What ``diffusion-scenarios --help`` says of ``caselaw``, and ``caselaw --help`` first.
CASELAW_HELP = "list published CCF decisions, filtered by tag, outcome, type or year"
CASELAW_DESCRIPTION = (
    "List the CCF decisions in the package's index (anonymised excerpts, press and "
    "practitioner reports), with their tags, outcome and source. Filters combine."
)

#: What ``diffusion-scenarios --help`` says of ``compare``, and ``compare --help`` first.
COMPARE_HELP = "compare the model's predictions with real CCF decisions"
COMPARE_DESCRIPTION = (
    "Assess every scenario file in DIR that the expected-outcomes CSV names and set "
    "the model's outcome and grounds beside the CCF's: exact outcome, deleted or "
    "kept, and how many of the CCF's grounds the model lists at least as arguable. "
    "With neither DIR nor --expected, the CCF decisions shipped with the package "
    "are compared (the built-in teaching scenarios beside them are left out). "
    "Exit status 2 if a CSV row has no file or a scenario file has no row (the "
    "comparison is still printed), or if any named file is invalid (every problem "
    "of every file is listed)."
)


def register(subparsers: Any) -> None:
    """Add ``caselaw`` and ``compare`` to the command line."""
    caselaw = add_command(
        subparsers, "caselaw", _run_caselaw, help=CASELAW_HELP, description=CASELAW_DESCRIPTION
    )
    caselaw.add_argument("--tag", help="a whole tag, any letter case, e.g. 'Family matter'")
    caselaw.add_argument(
        "--tags", action="store_true", help="list the tags --tag accepts, with their counts"
    )
    caselaw.add_argument(
        "--outcome",
        help="not_compliant, compliant_with_update, compliant or unknown; or deleted, or kept "
        "(with or without an update)",
    )
    caselaw.add_argument(
        "--type",
        dest="data_type",
        metavar="TYPE",
        help="red_notice, diffusion, other, or a precise kind such as blue_notice, sltd_record",
    )
    caselaw.add_argument("--year", help="the year of the decision, e.g. 2019")
    caselaw.add_argument("--format", choices=_FORMATS, default="text", help="default: text")

    compare = add_command(
        subparsers, "compare", _run_compare, help=COMPARE_HELP, description=COMPARE_DESCRIPTION
    )
    compare.add_argument(
        "directory",
        metavar="DIR",
        nargs="?",
        help="folder of scenario files (default: the CCF decisions shipped with the package)",
    )
    compare.add_argument(
        "--expected",
        metavar="CSV",
        help="CSV with columns file, decision_id, ccf_outcome, ccf_grounds (';'-separated)",
    )
    compare.add_argument(
        "--calibration",
        action="store_true",
        help=(
            "also print how well the model's likelihoods match the CCF: agreement, deleted or "
            "kept, the Brier score against the CCF's base-rate forecast and a reliability "
            "table, by confidence tier, on the weights shipped and cross-validated "
            "(leave one out)"
        ),
    )
    compare.add_argument("--format", choices=_FORMATS, default="text", help="default: text")


def _run_caselaw(args: argparse.Namespace) -> int:
    from diffusion_scenarios import caselaw
    from diffusion_scenarios._caselaw.index import is_missing

    if args.tags:
        counts = caselaw.tag_counts(caselaw.decisions())
        tags = sorted(counts.index, key=str.lower)
        if args.format == "json":
            print(json.dumps({tag: int(counts[tag]) for tag in tags}, indent=2,
                             ensure_ascii=False))  # fmt: skip
        else:
            print("Tags accepted by --tag (any letter case), with the number of decisions:")
            for tag in tags:
                print(f"  {tag} ({int(counts[tag])})")
        return 0

    table = caselaw.filter_decisions(
        tag=args.tag, outcome=args.outcome, data_type=args.data_type, year=args.year
    )
    if args.format == "json":
        records = []
        for row in table.to_dict("records"):
            year = row["year"]
            records.append(
                {
                    "decision_id": row["decision_id"],
                    "year": None if is_missing(year) else int(year),
                    "data_type": row["data_type"],
                    "data_detail": list(row["data_detail"]),
                    "outcome": row["outcome"],
                    "tags": list(row["tags"]),
                    "tags_normalised": list(row["tags_normalised"]),
                    "tags_note": row["tags_note"],
                    "source_type": row["source_type"],
                    "urls": list(row["urls"]),
                    "facts_summary": row["facts_summary"],
                    "key_reasoning": row["key_reasoning"],
                }
            )
        print(json.dumps(records, indent=2, ensure_ascii=False))
    else:
        print(caselaw.decisions_text(table))
    return 0


def _run_compare(args: argparse.Namespace) -> int:
    from diffusion_scenarios import caselaw
    from diffusion_scenarios.errors import printable

    builtin = args.directory is None and args.expected is None
    if builtin:
        from pathlib import Path

        from diffusion_scenarios._law.data import data_file

        # The shipped folder also holds teaching scenarios: only the CSV's rows count.
        args.expected = Path(str(data_file("scenarios/expected.csv")))
        args.directory = args.expected.parent
    elif args.directory is None or args.expected is None:
        missing = "DIR" if args.directory is None else "--expected CSV"
        raise UsageError(
            f"{missing}: expected both DIR and --expected CSV, "
            "or neither (to compare the decisions shipped with the package)"
        )
    result = caselaw.compare(args.directory, args.expected)
    if builtin:
        import dataclasses

        result = dataclasses.replace(result, files_not_in_csv=())
    if not args.calibration:
        if args.format == "json":
            print(result.to_json())
        else:  # file names are the user's: shown, never obeyed (and printable if not UTF-8)
            print(printable(result.to_text(), keep_lines=True))
        return _unmatched(result)
    report = caselaw.calibration(args.directory, args.expected)
    nearest = _nearest(builtin, args.directory, args.expected)  # similar.py's second opinion
    if args.format == "json":
        print(
            json.dumps(
                {
                    "comparison": result.to_dict(),
                    "calibration": report.to_dict(),
                    "nearest_decisions": nearest.to_dict(),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        print(printable(result.to_text(), keep_lines=True))
        print()
        print(report.to_text())
        print()
        print(printable("\n".join(_nearest_lines(nearest)), keep_lines=True))
    return _unmatched(result)


def _nearest(builtin: bool, directory: Any, expected: Any) -> Any:
    """Leave one out with the nearest published decisions (``_engine/similar.py``): the
    shipped decisions and index, or the folder's decisions only."""
    from diffusion_scenarios._engine import similar

    if builtin:
        return similar.cached_leave_one_out()
    return similar.leave_one_out(similar.profiles_from_files(directory, expected))


def _nearest_lines(result: Any) -> list[str]:
    from diffusion_scenarios._engine.similar import calibration_lines

    return calibration_lines(result)


def _unmatched(result: Any) -> int:
    """2, with one line each, when a CSV row has no file or a file has no row; else 0."""
    from diffusion_scenarios.errors import printable

    lines = []
    if result.rows_without_file:
        names = ", ".join(result.rows_without_file)
        lines.append(f"rows of {result.expected_csv} with no such file in the folder: {names}")
    if result.files_not_in_csv:
        names = ", ".join(result.files_not_in_csv)
        lines.append(f"scenario files not named in {result.expected_csv} (not compared): {names}")
    for line in lines:
        print(f"diffusion-scenarios compare: {printable(line)}", file=sys.stderr)
    return 2 if lines else 0
