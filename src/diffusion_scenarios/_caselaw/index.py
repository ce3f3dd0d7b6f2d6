"""The index of published CCF decisions: reading it, filtering it, counting its tags.

The shipped index (``data/ccf_decisions.csv``: anonymised decision excerpts, press and
practitioner reports, each with its source) or a user's copy in the same format is read
into a :class:`pandas.DataFrame` (:func:`decisions`), then browsed with
:func:`filter_decisions` and summarised with :func:`tag_counts` and
:func:`outcome_shares_by_tag`. The public names are re-exported by
:mod:`diffusion_scenarios.caselaw`; pandas is imported only when a function needs it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from diffusion_scenarios._engine.profiles import normalise_tag, split_tags
from diffusion_scenarios._facts.expected import parse_rows, read_csv_text, split_cell, suggest
from diffusion_scenarios._law.vocab import CCF_OUTCOMES
from diffusion_scenarios.errors import CaseLawError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DATA_DETAILS",
    "DATA_TYPES",
    "DECISION_COLUMNS",
    "OUTCOMES",
    "OUTCOME_WORDS",
    "decisions",
    "filter_decisions",
    "is_missing",
    "outcome_shares_by_tag",
    "shipped_frame",
    "tag_counts",
]

#: Outcomes in the decisions index: the CCF's three, plus ``unknown`` where the source
#: does not show the final result.
OUTCOMES: tuple[str, ...] = (*CCF_OUTCOMES, "unknown")

#: The ``data_type`` column: the format's two kinds, and ``other`` for every other kind
#: of data (other notices, passport records).
DATA_TYPES: tuple[str, ...] = ("red_notice", "diffusion", "other")

#: The ``data_detail`` column: the precise kind(s) of data the decision was about.
DATA_DETAILS: tuple[str, ...] = (
    "red_notice",
    "diffusion",
    "blue_notice",
    "yellow_notice",
    "green_notice",
    "black_notice",
    "orange_notice",
    "purple_notice",
    "silver_notice",
    "un_special_notice",
    "sltd_record",
    "other",
)

#: Columns of a decisions CSV, in order. The first six are required.
DECISION_COLUMNS: tuple[str, ...] = (
    "decision_id",
    "year",
    "data_type",
    "outcome",
    "tags",
    "url",
    "data_detail",
    "tags_note",
    "source_type",
    "facts_summary",
    "key_reasoning",
)
_REQUIRED_DECISION_COLUMNS = DECISION_COLUMNS[:6]

_SHIPPED = "ccf_decisions.csv"


def _fail(
    source: str, number: int, column: str, expected: str, found: str, choices: Iterable[str] = ()
) -> None:
    hint = suggest(found, choices) if choices else ""
    raise CaseLawError(
        f"{source}: row {number}, column {column}: expected {expected}, found '{found}'{hint}"
    )


def _decision_records(text: str, source: str) -> list[dict[str, Any]]:
    _, rows = parse_rows(text, source=source, required=_REQUIRED_DECISION_COLUMNS)
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, row in rows:
        fail = functools.partial(_fail, source, number)
        decision_id = row["decision_id"]
        if not decision_id:
            fail("decision_id", "a decision id", "")
        if decision_id in seen:
            fail("decision_id", "an id not used by an earlier row", decision_id)
        seen.add(decision_id)
        year_cell = row["year"]
        year: int | None = None
        if year_cell:
            if not (year_cell.isdigit() and len(year_cell) == 4):
                fail("year", "a four-digit year or an empty cell (unknown)", year_cell)
            year = int(year_cell)
        if row["data_type"] not in DATA_TYPES:
            fail("data_type", f"one of {', '.join(DATA_TYPES)}", row["data_type"], DATA_TYPES)
        if row["outcome"] not in OUTCOMES:
            fail("outcome", f"one of {', '.join(OUTCOMES)}", row["outcome"], OUTCOMES)
        details = split_cell(row.get("data_detail", ""))
        for detail in details:
            if detail not in DATA_DETAILS:
                fail("data_detail", f"items from {', '.join(DATA_DETAILS)}", detail, DATA_DETAILS)
        if not details:
            details = (row["data_type"],) if row["data_type"] != "other" else ()
        records.append(
            {
                "decision_id": decision_id,
                "year": year,
                "data_type": row["data_type"],
                "data_detail": details,
                "outcome": row["outcome"],
                "tags": split_tags(row["tags"]),
                "tags_normalised": tuple(
                    dict.fromkeys(normalise_tag(t) for t in split_tags(row["tags"]))
                ),
                "tags_note": row.get("tags_note", ""),
                "source_type": row.get("source_type", ""),
                "urls": split_cell(row["url"]),
                "facts_summary": row.get("facts_summary", ""),
                "key_reasoning": row.get("key_reasoning", ""),
            }
        )
    return records


def _frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    columns = [
        "decision_id",
        "year",
        "data_type",
        "data_detail",
        "outcome",
        "tags",
        "tags_normalised",
        "tags_note",
        "source_type",
        "urls",
        "facts_summary",
        "key_reasoning",
    ]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame["year"] = frame["year"].astype("Int64")
    return frame


@functools.cache
def shipped_frame() -> pd.DataFrame:
    from diffusion_scenarios._law.data import read_text

    return _frame(_decision_records(read_text(_SHIPPED), f"data/{_SHIPPED}"))


def decisions(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The index of CCF decisions, one row per decision.

    Columns: ``decision_id``, ``year`` (nullable integer; missing when the source does not
    date the decision), ``data_type`` (``red_notice``, ``diffusion`` or ``other``),
    ``data_detail`` (tuple: the precise kinds of data, e.g. ``("blue_notice",)``),
    ``outcome`` (one of :data:`OUTCOMES`), ``tags`` (tuple of the tags the CCF or the source
    gave the decision, in the source's wording; a ``;`` inside brackets stays inside its tag),
    ``tags_normalised`` (the same tags with near-duplicates under one name, from
    ``data/caselaw_tags.csv``: "Private matter" is counted as "Private/commercial matter"),
    ``tags_note``, ``source_type``, ``urls`` (tuple), ``facts_summary``
    and ``key_reasoning``.

    The shipped file is read once per process; each call returns a fresh copy, so changing
    the result never changes what the next call returns.

    Args:
        path: another decisions CSV in the same format (e.g. a seminar's extended copy).
            ``None`` reads the index shipped with the package.

    Raises:
        CaseLawError: the file is missing, empty, not a CSV, lacks a required column or
            holds a value outside the vocabularies (the message names file, row, column).

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> table = caselaw.decisions()
        >>> {"decision_id", "outcome", "tags"} <= set(table.columns)
        True
        >>> table["decision_id"].is_unique
        True
    """
    if path is None:
        return shipped_frame().copy()
    source = Path(path)
    return _frame(_decision_records(read_csv_text(source, what="decisions"), str(source)))


def _choose(value: str, allowed: Sequence[str], what: str) -> str:
    word = "_".join(value.strip().lower().replace("-", " ").split())
    if word not in allowed:
        raise CaseLawError(
            f"unknown {what} '{value}': expected one of {', '.join(allowed)}"
            f"{suggest(word, allowed)}"
        )
    return word


def filter_decisions(
    df: pd.DataFrame | None = None,
    *,
    tag: str | None = None,
    outcome: str | None = None,
    data_type: str | None = None,
    year: int | str | None = None,
) -> pd.DataFrame:
    """The decisions that match every criterion given (``None`` = no condition).

    Args:
        df: a table from :func:`decisions` (or a filtered part of it); default: all.
        tag: a whole tag, any letter case (``"family matter"`` matches ``"Family matter"``
            but ``"family"`` matches nothing and is reported as unknown); near-duplicates
            match each other (``"Private matter"`` also finds "Private/commercial matter").
        outcome: one of :data:`OUTCOMES`, or ``"deleted"`` (``not_compliant``) or ``"kept"``
            (``compliant`` and ``compliant_with_update``).
        data_type: one of :data:`DATA_TYPES` or :data:`DATA_DETAILS`; ``"blue_notice"``
            matches the decisions about a blue notice, ``"other"`` every decision about
            data other than red notices and diffusions.
        year: the year of the decision.

    Raises:
        CaseLawError: an unknown tag, outcome or data type (with the closest valid word),
            or a year that is not a whole number.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> kept = caselaw.filter_decisions(outcome="compliant")
        >>> set(kept["outcome"]) <= {"compliant"}
        True
        >>> set(caselaw.filter_decisions(outcome="kept")["outcome"]) <= {
        ...     "compliant", "compliant_with_update"}
        True
        >>> caselaw.filter_decisions(outcome="removed")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        diffusion_scenarios.errors.CaseLawError: unknown outcome 'removed': expected one of ...
    """
    table = decisions() if df is None else df
    mask = [True] * len(table)
    if tag is not None:
        known = {t.lower(): t for tags in table["tags"] for t in tags}
        known.update({t.lower(): t for tags in shipped_frame()["tags"] for t in tags})
        known.update({t.lower(): t for tags in _normalised(table) for t in tags})
        wanted = " ".join(tag.split()).lower()
        if wanted not in known:
            raise CaseLawError(
                f"unknown tag '{tag}': no decision carries it{suggest(wanted, known.values())}"
                "; see tag_counts() for the tags in use"
            )
        normal = normalise_tag(known[wanted]).lower()
        mask = [
            keep and any(t.lower() == normal for t in tags)
            for keep, tags in zip(mask, _normalised(table), strict=True)
        ]
    if outcome is not None:
        wanted_outcomes = _outcome_choice(outcome)
        mask = [
            keep and o in wanted_outcomes for keep, o in zip(mask, table["outcome"], strict=True)
        ]
    if data_type is not None:
        kinds = tuple(dict.fromkeys((*DATA_TYPES, *DATA_DETAILS)))
        chosen = _choose(data_type, kinds, "data type")
        mask = [
            keep and (kind == chosen or chosen in details)
            for keep, kind, details in zip(
                mask, table["data_type"], table["data_detail"], strict=True
            )
        ]
    if year is not None:
        try:
            wanted_year = int(str(year).strip())
        except ValueError:
            raise CaseLawError(
                f"year: expected a whole number such as 2019, found '{year}'"
            ) from None
        mask = [
            keep and (not is_missing(y) and int(y) == wanted_year)
            for keep, y in zip(mask, table["year"], strict=True)
        ]
    return table[mask].copy()


#: Plain words the outcome filter also accepts: what became of the data.
OUTCOME_WORDS: dict[str, tuple[str, ...]] = {
    "deleted": ("not_compliant",),
    "kept": ("compliant", "compliant_with_update"),
}


def _outcome_choice(value: str) -> tuple[str, ...]:
    word = "_".join(value.strip().lower().replace("-", " ").split())
    if word in OUTCOME_WORDS:
        return OUTCOME_WORDS[word]
    return (_choose(value, (*OUTCOMES, *OUTCOME_WORDS), "outcome"),)


def _normalised(table: pd.DataFrame) -> list[tuple[str, ...]]:
    """The normalised tags of each row (a table from an older copy may lack the column)."""
    if "tags_normalised" in table.columns:
        return list(table["tags_normalised"])
    return [tuple(dict.fromkeys(normalise_tag(t) for t in tags)) for tags in table["tags"]]


def is_missing(value: object) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(cast(Any, value)))


def tag_counts(df: pd.DataFrame | None = None) -> pd.Series[int]:
    """How many decisions carry each tag, most frequent first (ties alphabetically).

    Near-duplicate tags are counted under one name (``tags_normalised``).

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> counts = caselaw.tag_counts()
        >>> counts.name, counts.index.name
        ('decisions', 'tag')
        >>> bool((counts >= 1).all())
        True
    """
    import pandas as pd

    table = decisions() if df is None else df
    counts: dict[str, int] = {}
    for tags in _normalised(table):
        for tag in dict.fromkeys(tags):
            counts[tag] = counts.get(tag, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))
    series = pd.Series(
        [n for _, n in ordered], index=[t for t, _ in ordered], name="decisions", dtype="int64"
    )
    series.index.name = "tag"
    return series


def outcome_shares_by_tag(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each tag, the share of its decisions with each outcome, and their number ``n``.

    Rows are tags (most frequent first); columns are the outcomes of :data:`OUTCOMES`
    (shares of that tag's decisions, summing to 1 per row) and ``n``. A decision with
    several tags counts once under each. With a handful of decisions per tag these shares
    describe the published sample, not the CCF's practice as a whole.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> shares = caselaw.outcome_shares_by_tag()
        >>> list(shares.columns)
        ['not_compliant', 'compliant_with_update', 'compliant', 'unknown', 'n']
        >>> bool((shares[list(caselaw.OUTCOMES)].sum(axis=1).round(9) == 1).all())
        True
    """
    import pandas as pd

    table = decisions() if df is None else df
    order = list(tag_counts(table).index)
    tallies: dict[str, dict[str, int]] = {t: dict.fromkeys(OUTCOMES, 0) for t in order}
    for tags, outcome in zip(_normalised(table), table["outcome"], strict=True):
        for tag in dict.fromkeys(tags):
            tallies[tag][outcome] += 1
    rows = []
    for tag in order:
        n = sum(tallies[tag].values())
        rows.append({**{o: tallies[tag][o] / n for o in OUTCOMES}, "n": n})
    result = pd.DataFrame(rows, index=pd.Index(order, name="tag"), columns=[*OUTCOMES, "n"])
    result["n"] = result["n"].astype("int64")
    return result
