"""The ``caselaw`` and ``compare`` subcommands: browse CCF decisions, check the model.

pandas is imported only inside the handlers, so ``diffusion-scenarios --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

__all__ = ["register"]

_FORMATS = ("text", "json")


def register(subparsers: Any) -> None:
    """Add ``caselaw`` and ``compare`` to the command line."""
    caselaw = subparsers.add_parser(
        "caselaw",
        help="list published CCF decisions, filtered by tag, outcome, type or year",
        description=(
            "List the CCF decisions in the package's index (anonymised excerpts, press and "
            "practitioner reports), with their tags, outcome and source. Filters combine."
        ),
    )
    caselaw.add_argument("--tag", help="a whole tag, any letter case, e.g. 'Family matter'")
    caselaw.add_argument(
        "--tags", action="store_true", help="list the tags --tag accepts, with their counts"
    )
    caselaw.add_argument(
        "--outcome", help="not_compliant, compliant_with_update, compliant or unknown"
    )
    caselaw.add_argument(
        "--type",
        dest="data_type",
        metavar="TYPE",
        help="red_notice, diffusion, other, or a precise kind such as blue_notice, sltd_record",
    )
    caselaw.add_argument("--year", help="the year of the decision, e.g. 2019")
    caselaw.add_argument("--format", choices=_FORMATS, default="text", help="default: text")
    caselaw.set_defaults(handler=_run_caselaw)

    compare = subparsers.add_parser(
        "compare",
        help="compare the model's predictions with real CCF decisions",
        description=(
            "Assess every scenario file in DIR that the expected-outcomes CSV names and set "
            "the model's outcome and grounds beside the CCF's: exact outcome, deleted or "
            "kept, and how many of the CCF's grounds the model lists at least as arguable."
        ),
    )
    compare.add_argument("directory", metavar="DIR", help="folder of scenario files")
    compare.add_argument(
        "--expected",
        required=True,
        metavar="CSV",
        help="CSV with columns file, decision_id, ccf_outcome, ccf_grounds (';'-separated)",
    )
    compare.add_argument("--format", choices=_FORMATS, default="text", help="default: text")
    compare.set_defaults(handler=_run_compare)


def _run_caselaw(args: argparse.Namespace) -> int:
    from . import caselaw

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
                    "year": None if caselaw._is_missing(year) else int(year),
                    "data_type": row["data_type"],
                    "data_detail": list(row["data_detail"]),
                    "outcome": row["outcome"],
                    "tags": list(row["tags"]),
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
    from . import caselaw

    result = caselaw.compare(args.directory, args.expected)
    print(result.to_json() if args.format == "json" else result.to_text())
    if result.rows_without_file:
        print(
            f"diffusion-scenarios compare: {len(result.rows_without_file)} row(s) of "
            f"{args.expected} name no file in {args.directory}: "
            + ", ".join(result.rows_without_file),
            file=sys.stderr,
        )
        return 2
    return 0
