"""Published CCF decisions, and how the model's predictions compare with them.

Two tools for seminars and for checking the engine against the CCF's own practice:

* :func:`decisions` reads the shipped index of CCF decisions (``data/ccf_decisions.csv``:
  anonymised decision excerpts, press and practitioner reports, each with its source) as
  a :class:`pandas.DataFrame`; :func:`filter_decisions`, :func:`tag_counts` and
  :func:`outcome_shares_by_tag` browse and summarise it.
* :func:`compare` assesses scenario files that encode real decisions and sets the
  model's answer beside the CCF's (three-way outcome, deleted-or-kept, and how many of the
  grounds the CCF relied on the model also lists).

Nothing here depends on how many decisions the index holds: more are added over time.
pandas is imported only when a function needs it, so importing this module is cheap.

Example::

    >>> from diffusion_scenarios import caselaw
    >>> table = caselaw.filter_decisions(data_type="diffusion")
    >>> sorted(set(table["data_type"]))
    ['diffusion']
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import json
import os
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from diffusion_scenarios._engine.similar import normalise_tag, split_tags
from diffusion_scenarios._law.vocab import CCF_OUTCOMES, GROUND_IDS, STRENGTHS
from diffusion_scenarios._render.wording import (
    OUTCOME_DECIDED,
    OUTCOME_INDEX_LABELS,
    OUTCOME_PREDICTED,
    OUTCOME_RESULTS,
)
from diffusion_scenarios.errors import CaseLawError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DATA_DETAILS",
    "DATA_TYPES",
    "DECISION_COLUMNS",
    "EXPECTED_COLUMNS",
    "OUTCOMES",
    "OUTCOME_STYLE",
    "Comparison",
    "ComparisonRow",
    "ExpectedDecision",
    "browser",
    "calibration",
    "calibration_markdown",
    "compare",
    "compare_builtin",
    "comparison_markdown",
    "decisions",
    "decisions_html",
    "decisions_markdown",
    "decisions_text",
    "discussion_markdown",
    "expected_outcomes",
    "filter_decisions",
    "outcome_shares_by_tag",
    "plot_calibration",
    "plot_outcome_shares",
    "read_expected",
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

#: Values of the optional ``confidence`` column of an expected-outcomes CSV.
ENCODING_CONFIDENCE: tuple[str, ...] = ("low", "medium", "high")

#: Required columns of an expected-outcomes CSV (more columns are allowed and ignored).
EXPECTED_COLUMNS: tuple[str, ...] = ("file", "decision_id", "ccf_outcome", "ccf_grounds")

_SHIPPED = "ccf_decisions.csv"
_SCENARIO_SUFFIXES = (".yaml", ".yml", ".json")
_AT_LEAST_ARGUABLE = frozenset(STRENGTHS[:2])  # strong, arguable
_KEPT = frozenset({"compliant", "compliant_with_update"})


# --------------------------------------------------------------------------- reading


def _split(cell: str) -> tuple[str, ...]:
    """A ``;``-separated cell as a tuple of stripped, non-empty items."""
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _suggest(word: str, choices: Iterable[str]) -> str:
    options = list(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.5)
    if not close:  # case-insensitive second try
        lowered = {c.lower(): c for c in options}
        hit = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.5)
        close = [lowered[hit[0]]] if hit else []
    return f" (did you mean '{close[0]}'?)" if close else ""


def _read_csv_text(path: Path, *, what: str) -> str:
    """The text of a user's CSV file, or a one-line :class:`CaseLawError`.

    Only regular files of at most ``MAX_CSV_BYTES`` are read: a pipe or a device such as
    ``/dev/zero`` is refused at once.
    """
    from diffusion_scenarios._base.files import UnreadableFileError, decode_text, read_regular
    from diffusion_scenarios._base.limits import MAX_CSV_BYTES

    if not str(path):
        raise CaseLawError(f"expected the name of a {what} CSV file, found an empty name")
    if not path.exists() and not path.is_symlink():
        raise CaseLawError(f"{path}: no such {what} file")
    if path.is_dir():
        raise CaseLawError(f"{path}: is a directory, expected a {what} CSV file")
    try:
        raw = read_regular(path, limit=MAX_CSV_BYTES, what=f"a {what} CSV file")
    except UnreadableFileError as error:
        raise CaseLawError(f"{path}: {error}") from None
    try:
        text = decode_text(raw, expected=f"a {what} CSV file in UTF-8")
    except UnreadableFileError as error:
        if error.found == "binary data":
            binary = f"{path}: is not a CSV text file (it contains binary data)"
            raise CaseLawError(binary) from None
        raise CaseLawError(f"{path}: {error}") from None
    if not text.strip():
        raise CaseLawError(f"{path}: is empty, expected a header row with {what} columns")
    return text


def _parse_rows(
    text: str, *, source: str, required: Sequence[str]
) -> tuple[tuple[str, ...], list[tuple[int, dict[str, str]]]]:
    """Header and (line number, row) pairs of a CSV text; checks required columns."""
    try:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        table = list(reader)
    except csv.Error as error:
        raise CaseLawError(f"{source}: is not a well-formed CSV file ({error})") from None
    header = tuple(cell.strip() for cell in table[0])
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        raise CaseLawError(
            f"{source}: row 1 (header): expected each column once, found "
            f"{', '.join(repeated)} more than once"
        )
    missing = [name for name in required if name not in header]
    if missing:
        found = ", ".join(h for h in header if h) or "nothing"
        raise CaseLawError(
            f"{source}: row 1 (header): missing column(s) {', '.join(missing)}; "
            f"expected at least {', '.join(required)}, found {found}"
        )
    rows: list[tuple[int, dict[str, str]]] = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank line
        if len(cells) > len(header):
            raise CaseLawError(
                f"{source}: row {number}: {len(cells)} cells but the header has {len(header)} "
                "columns (a field with a comma must be quoted)"
            )
        padded = [*cells, *[""] * (len(header) - len(cells))]
        rows.append((number, {h: c.strip() for h, c in zip(header, padded, strict=True)}))
    return header, rows


def _fail(
    source: str, number: int, column: str, expected: str, found: str, choices: Iterable[str] = ()
) -> None:
    hint = _suggest(found, choices) if choices else ""
    raise CaseLawError(
        f"{source}: row {number}, column {column}: expected {expected}, found '{found}'{hint}"
    )


def _decision_records(text: str, source: str) -> list[dict[str, Any]]:
    _, rows = _parse_rows(text, source=source, required=_REQUIRED_DECISION_COLUMNS)
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
        details = _split(row.get("data_detail", ""))
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
                "urls": _split(row["url"]),
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
def _shipped_frame() -> pd.DataFrame:
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
        return _shipped_frame().copy()
    source = Path(path)
    return _frame(_decision_records(_read_csv_text(source, what="decisions"), str(source)))


def _choose(value: str, allowed: Sequence[str], what: str) -> str:
    word = "_".join(value.strip().lower().replace("-", " ").split())
    if word not in allowed:
        raise CaseLawError(
            f"unknown {what} '{value}': expected one of {', '.join(allowed)}"
            f"{_suggest(word, allowed)}"
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
        known.update({t.lower(): t for tags in _shipped_frame()["tags"] for t in tags})
        known.update({t.lower(): t for tags in _normalised(table) for t in tags})
        wanted = " ".join(tag.split()).lower()
        if wanted not in known:
            raise CaseLawError(
                f"unknown tag '{tag}': no decision carries it{_suggest(wanted, known.values())}"
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
            keep and (not _is_missing(y) and int(y) == wanted_year)
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


def _is_missing(value: object) -> bool:
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


# --------------------------------------------------------------------------- comparing


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpectedDecision:
    """One row of an expected-outcomes CSV: what the CCF decided on an encoded case."""

    file: str
    decision_id: str
    ccf_outcome: str
    ccf_grounds: tuple[str, ...]
    row: int
    source_url: str = ""
    summary: str = ""
    encoding_notes: str = ""
    #: how much of the decision's reasoning was read when encoding it: ``low`` (only the
    #: published tags; thin facts), ``medium``, ``high``; empty when the CSV does not say.
    confidence: str = ""

    @property
    def scenario_id(self) -> str:
        """The file name without its extension: the scenario id of a built-in case."""
        return Path(self.file).stem


def read_expected(expected_csv: str | os.PathLike[str]) -> tuple[ExpectedDecision, ...]:
    """Read and validate an expected-outcomes CSV (``file, decision_id, ccf_outcome,
    ccf_grounds``, more columns allowed).

    Raises:
        CaseLawError: a missing path, an empty or non-CSV file, a missing column, an empty
            required cell, an unknown outcome word, an unknown ground id or a file named
            twice; the one-line message names the file, the row and the column.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> from diffusion_scenarios._law.data import data_file
        >>> rows = caselaw.read_expected(str(data_file("scenarios/expected.csv")))
        >>> all(r.ccf_outcome in caselaw.OUTCOMES[:3] for r in rows)
        True
    """
    source = Path(expected_csv)
    _, rows = _parse_rows(
        _read_csv_text(source, what="expected-outcomes"),
        source=str(source),
        required=EXPECTED_COLUMNS,
    )
    if not rows:
        raise CaseLawError(f"{source}: has a header but no rows, expected one row per case")
    result: list[ExpectedDecision] = []
    files: dict[str, int] = {}
    for number, row in rows:
        where = f"{source}: row {number}"
        for column in ("file", "decision_id", "ccf_outcome"):
            if not row[column]:
                raise CaseLawError(
                    f"{where}, column {column}: expected a value, found an empty cell"
                )
        name = row["file"]
        if Path(name).name != name or Path(name).suffix.lower() not in _SCENARIO_SUFFIXES:
            raise CaseLawError(
                f"{where}, column file: expected a scenario file name such as case.yaml "
                f"(no folders), found '{name}'"
            )
        if name in files:
            raise CaseLawError(
                f"{where}, column file: '{name}' is already named in row {files[name]}"
            )
        files[name] = number
        outcome = row["ccf_outcome"]
        if outcome not in CCF_OUTCOMES:
            raise CaseLawError(
                f"{where}, column ccf_outcome: expected one of {', '.join(CCF_OUTCOMES)}, "
                f"found '{outcome}'{_suggest(outcome, CCF_OUTCOMES)}"
            )
        confidence = row.get("confidence", "")
        if confidence not in ("", *ENCODING_CONFIDENCE):
            raise CaseLawError(
                f"{where}, column confidence: expected one of {', '.join(ENCODING_CONFIDENCE)} "
                f"or an empty cell, found '{confidence}'{_suggest(confidence, ENCODING_CONFIDENCE)}"
            )
        grounds = _split(row["ccf_grounds"])
        for ground in grounds:
            if ground not in GROUND_IDS:
                raise CaseLawError(
                    f"{where}, column ccf_grounds: expected ground ids separated by ';', "
                    f"found unknown ground '{ground}'{_suggest(ground, GROUND_IDS)}"
                )
        result.append(
            ExpectedDecision(
                file=name,
                decision_id=row["decision_id"],
                ccf_outcome=outcome,
                ccf_grounds=tuple(dict.fromkeys(grounds)),
                row=number,
                source_url=row.get("source_url", ""),
                summary=row.get("summary", ""),
                encoding_notes=row.get("encoding_notes", ""),
                confidence=confidence,
            )
        )
    return tuple(result)


def expected_outcomes(
    expected_csv: str | os.PathLike[str] | None = None,
) -> tuple[ExpectedDecision, ...]:
    """What the CCF decided on each encoded case, by default for the shipped CCF cases.

    Args:
        expected_csv: an expected-outcomes CSV; ``None`` reads the one shipped with the
            package (``data/scenarios/expected.csv``), whose files are built-in scenarios.

    Example::

        >>> import diffusion_scenarios as ds
        >>> from diffusion_scenarios import caselaw
        >>> rows = caselaw.expected_outcomes()
        >>> all(row.scenario_id in ds.builtin_scenarios() for row in rows)
        True
    """
    if expected_csv is None:
        from diffusion_scenarios._law.data import data_file

        expected_csv = str(data_file("scenarios/expected.csv"))
    return read_expected(expected_csv)


@dataclass(frozen=True, slots=True, kw_only=True)
class ComparisonRow:
    """The model's answer beside the CCF's for one encoded case."""

    file: str
    scenario_id: str
    decision_id: str
    ccf_outcome: str
    model_outcome: str
    ccf_grounds: tuple[str, ...]
    #: every ground the model lists, as (id, strength)
    model_grounds: tuple[tuple[str, str], ...]
    #: the model's likelihood of each outcome, as (outcome, probability)
    likelihood: tuple[tuple[str, float], ...] = ()
    #: the model's confidence: low | medium | high
    confidence: str | None = None
    source_url: str = ""
    #: how much of the decision's reasoning was read when encoding it (expected.csv)
    encoding_confidence: str = ""

    @property
    def outcome_agrees(self) -> bool:
        """The model predicts exactly the CCF's outcome."""
        return self.ccf_outcome == self.model_outcome

    @property
    def ccf_deleted(self) -> bool:
        """The CCF had the data deleted (``not_compliant``)."""
        return self.ccf_outcome not in _KEPT

    @property
    def model_deleted(self) -> bool:
        """The model predicts deletion."""
        return self.model_outcome not in _KEPT

    @property
    def deletion_agrees(self) -> bool:
        """Model and CCF agree on deleted versus kept (with or without an update)."""
        return self.ccf_deleted == self.model_deleted

    @property
    def grounds_found(self) -> tuple[str, ...]:
        """The CCF's grounds that the model lists at least as ``arguable``."""
        listed = {g for g, s in self.model_grounds if s in _AT_LEAST_ARGUABLE}
        return tuple(g for g in self.ccf_grounds if g in listed)

    @property
    def grounds_missed(self) -> tuple[str, ...]:
        """The CCF's grounds that the model does not list, or lists only as ``weak``."""
        found = set(self.grounds_found)
        return tuple(g for g in self.ccf_grounds if g not in found)

    @property
    def grounds_recall(self) -> float | None:
        """Share of the CCF's grounds found; ``None`` when the CCF's grounds are not known."""
        if not self.ccf_grounds:
            return None
        return len(self.grounds_found) / len(self.ccf_grounds)

    def to_dict(self) -> dict[str, Any]:
        """This row as JSON-ready values."""
        return {
            "file": self.file,
            "scenario_id": self.scenario_id,
            "decision_id": self.decision_id,
            "ccf_outcome": self.ccf_outcome,
            "model_outcome": self.model_outcome,
            "outcome_agrees": self.outcome_agrees,
            "ccf_deleted": self.ccf_deleted,
            "model_deleted": self.model_deleted,
            "deletion_agrees": self.deletion_agrees,
            "ccf_grounds": list(self.ccf_grounds),
            "grounds_found": list(self.grounds_found),
            "grounds_missed": list(self.grounds_missed),
            "grounds_recall": self.grounds_recall,
            "model_grounds": [{"id": g, "strength": s} for g, s in self.model_grounds],
            "likelihood": dict(self.likelihood) if self.likelihood else None,
            "confidence": self.confidence,
        }


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison:
    """How the model's predictions compare with the CCF's decisions on encoded cases.

    Attributes:
        directory: the folder of scenario files.
        expected_csv: the expected-outcomes file.
        rows: one :class:`ComparisonRow` per case named in the CSV that has a file.
        files_not_in_csv: scenario files in the folder that the CSV does not name.
        rows_without_file: file names in the CSV with no such file in the folder.
    """

    directory: str
    expected_csv: str
    rows: tuple[ComparisonRow, ...]
    files_not_in_csv: tuple[str, ...] = ()
    rows_without_file: tuple[str, ...] = ()

    @property
    def cases(self) -> int:
        """Number of cases compared."""
        return len(self.rows)

    @property
    def outcome_agreements(self) -> int:
        """Cases where the model predicts the CCF's exact outcome (of three)."""
        return sum(r.outcome_agrees for r in self.rows)

    @property
    def deletion_agreements(self) -> int:
        """Cases where the model agrees on deleted versus kept."""
        return sum(r.deletion_agrees for r in self.rows)

    @property
    def ccf_grounds_total(self) -> int:
        """All grounds the CCF relied on, over every case."""
        return sum(len(r.ccf_grounds) for r in self.rows)

    @property
    def ccf_grounds_found(self) -> int:
        """Of those, the grounds the model lists at least as ``arguable``."""
        return sum(len(r.grounds_found) for r in self.rows)

    @property
    def outcome_agreement(self) -> float | None:
        """Share of cases with the same three-way outcome (``None`` with no cases)."""
        return _share(self.outcome_agreements, self.cases)

    @property
    def deletion_agreement(self) -> float | None:
        """Share of cases with the same deleted-or-kept answer."""
        return _share(self.deletion_agreements, self.cases)

    @property
    def grounds_recall(self) -> float | None:
        """Share of all the CCF's grounds that the model lists at least as ``arguable``."""
        return _share(self.ccf_grounds_found, self.ccf_grounds_total)

    def to_frame(self) -> pd.DataFrame:
        """One row per case (indexed by file), for a notebook table.

        Example::

            >>> from diffusion_scenarios import caselaw
            >>> from diffusion_scenarios._law.data import data_file
            >>> folder = data_file("scenarios/expected.csv")
            >>> result = caselaw.compare(str(folder.parent), str(folder))
            >>> list(result.to_frame().columns)[:3]
            ['decision_id', 'ccf_outcome', 'model_outcome']
        """
        import pandas as pd

        records = []
        for row in self.rows:
            records.append(
                {
                    "file": row.file,
                    "decision_id": row.decision_id,
                    "ccf_outcome": row.ccf_outcome,
                    "model_outcome": row.model_outcome,
                    "outcome_agrees": row.outcome_agrees,
                    "deletion_agrees": row.deletion_agrees,
                    "ccf_grounds": "; ".join(row.ccf_grounds),
                    "grounds_found": "; ".join(row.grounds_found),
                    "grounds_missed": "; ".join(row.grounds_missed),
                    "grounds_recall": row.grounds_recall,
                }
            )
        columns = [
            "file",
            "decision_id",
            "ccf_outcome",
            "model_outcome",
            "outcome_agrees",
            "deletion_agrees",
            "ccf_grounds",
            "grounds_found",
            "grounds_missed",
            "grounds_recall",
        ]
        return pd.DataFrame.from_records(records, columns=columns).set_index("file")

    def to_dict(self) -> dict[str, Any]:
        """Cases and totals as JSON-ready values (what ``compare --format json`` prints)."""
        return {
            "directory": self.directory,
            "expected_csv": self.expected_csv,
            "cases": [row.to_dict() for row in self.rows],
            "totals": {
                "cases": self.cases,
                "outcome_agreements": self.outcome_agreements,
                "outcome_agreement": self.outcome_agreement,
                "deletion_agreements": self.deletion_agreements,
                "deletion_agreement": self.deletion_agreement,
                "ccf_grounds_total": self.ccf_grounds_total,
                "ccf_grounds_found": self.ccf_grounds_found,
                "grounds_recall": self.grounds_recall,
            },
            "files_not_in_csv": list(self.files_not_in_csv),
            "rows_without_file": list(self.rows_without_file),
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        """A plain-text report: case by case, then the totals and anything unmatched."""
        lines = [
            f"Model predictions against CCF decisions ({self.cases} case(s) from "
            f"{Path(self.expected_csv).name})",
            "",
        ]
        for row in self.rows:
            mark = "agrees" if row.outcome_agrees else "DISAGREES"
            lines.append(f"{row.file} (CCF decision {row.decision_id}): {mark}")
            lines.append(f"    CCF outcome:   {row.ccf_outcome}")
            lines.append(f"    model outcome: {row.model_outcome}")
            if not row.outcome_agrees:
                same = "same" if row.deletion_agrees else "different"
                lines.append(f"    deleted or kept: {same} answer")
            if row.ccf_grounds:
                lines.append(
                    f"    CCF grounds found by the model: {len(row.grounds_found)} of "
                    f"{len(row.ccf_grounds)}"
                    + (f" (missed: {', '.join(row.grounds_missed)})" if row.grounds_missed else "")
                )
            else:
                lines.append("    CCF grounds: not known")
        lines += [
            "",
            "Totals",
            f"    same outcome (of three):  {self.outcome_agreements} of {self.cases} "
            f"({_percent(self.outcome_agreement)})",
            f"    same deleted-or-kept:     {self.deletion_agreements} of {self.cases} "
            f"({_percent(self.deletion_agreement)})",
            f"    CCF grounds recalled:     {self.ccf_grounds_found} of {self.ccf_grounds_total} "
            f"({_percent(self.grounds_recall)}; a ground counts when the model lists it "
            "at least as arguable)",
        ]
        if self.rows_without_file:
            lines += textwrap.wrap(
                f"Named in the CSV but missing from {self.directory}: "
                + ", ".join(self.rows_without_file),
                100,
                subsequent_indent="    ",
                break_on_hyphens=False,
            )
        if self.files_not_in_csv:
            lines += textwrap.wrap(
                "Scenario files not in the CSV (not compared): " + ", ".join(self.files_not_in_csv),
                100,
                subsequent_indent="    ",
                break_on_hyphens=False,
            )
        lines += ["", "Educational model, not legal advice."]
        return "\n".join(lines)


def compare(directory: str | os.PathLike[str], expected_csv: str | os.PathLike[str]) -> Comparison:
    """Assess each scenario file named in ``expected_csv`` and compare with the CCF.

    Every scenario file (``.yaml``, ``.yml``, ``.json``) in ``directory`` that the CSV
    names is loaded and assessed on its own ``as_of`` date; files the CSV does not name
    and CSV rows without a file are reported, not compared. Three measures are given:
    exact agreement on the three-way outcome, agreement on deleted (``not_compliant``)
    versus kept, and recall of the CCF's grounds (share of them the model lists at least
    as ``arguable``).

    Args:
        directory: the folder of scenario files.
        expected_csv: the CSV of the CCF's outcomes (format of ``data/scenarios/expected.csv``).

    Raises:
        CaseLawError: the folder or the CSV cannot be used (see :func:`read_expected`).
        ScenarioError: named scenario files are invalid (every problem of every file).

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> from diffusion_scenarios._law.data import data_file
        >>> expected = data_file("scenarios/expected.csv")
        >>> result = caselaw.compare(str(expected.parent), str(expected))
        >>> result.cases == len(caselaw.read_expected(str(expected)))
        True
    """
    folder = Path(directory)
    if not folder.exists():
        raise CaseLawError(f"{folder}: no such folder of scenario files")
    if not folder.is_dir():
        raise CaseLawError(f"{folder}: is not a folder, expected a folder of scenario files")
    expected = read_expected(expected_csv)
    from diffusion_scenarios._engine.pipeline import (
        assess,  # imported late: the checks above need no engine
    )
    from diffusion_scenarios._facts.loader import load_scenario
    from diffusion_scenarios._facts.scenario import Scenario
    from diffusion_scenarios.errors import Problem, ScenarioError

    # Anything but a folder counts, so that a pipe or a broken link named case.yaml is
    # reported by the loader rather than silently left out.
    present = sorted(
        p.name
        for p in folder.iterdir()
        if not p.is_dir() and p.suffix.lower() in _SCENARIO_SUFFIXES
    )
    named = {row.file for row in expected}
    scenarios: list[tuple[ExpectedDecision, Scenario]] = []
    problems: list[Problem] = []
    for entry in expected:  # read every file first: report all bad files at once
        if entry.file not in present:
            continue
        try:
            scenarios.append((entry, load_scenario(folder / entry.file)))
        except ScenarioError as error:
            problems.extend(error.problems)
    if problems:
        raise ScenarioError(problems)
    rows: list[ComparisonRow] = []
    for entry, scenario in scenarios:
        assessment = assess(scenario)
        rows.append(
            ComparisonRow(
                file=entry.file,
                scenario_id=scenario.id,
                decision_id=entry.decision_id,
                ccf_outcome=entry.ccf_outcome,
                model_outcome=assessment.outcome.prediction or "not_predicted",
                ccf_grounds=entry.ccf_grounds,
                model_grounds=tuple((g.id, g.strength) for g in assessment.grounds),
                likelihood=tuple(getattr(assessment.outcome, "likelihood", ())),
                confidence=getattr(assessment.outcome, "confidence", None),
                source_url=entry.source_url,
                encoding_confidence=entry.confidence,
            )
        )
    return Comparison(
        directory=str(folder),
        expected_csv=str(expected_csv),
        rows=tuple(rows),
        files_not_in_csv=tuple(name for name in present if name not in named),
        rows_without_file=tuple(e.file for e in expected if e.file not in present),
    )


def compare_builtin() -> Comparison:
    """The model against the CCF on the decisions encoded in the package's own scenarios.

    The same as :func:`compare` on the shipped ``data/scenarios`` folder with its
    ``expected.csv``, so a notebook needs no file paths.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> result = caselaw.compare_builtin()
        >>> result.cases >= 7
        True
    """
    from diffusion_scenarios._law.data import data_file

    # Installed packages are plain folders, so the resource is a real file path.
    expected = Path(str(data_file("scenarios/expected.csv")))
    return compare(expected.parent, expected)


def calibration(
    directory: str | os.PathLike[str] | None = None,
    expected_csv: str | os.PathLike[str] | None = None,
) -> Any:
    """How well the model's likelihoods match the CCF's decisions, trained and cross-validated.

    The training figures use the weights shipped in ``data/rules/outcome.yaml`` (fitted on
    these same decisions, so they flatter the model); the cross-validated ones refit every
    fitted weight without a fold of decisions and predict that fold (each person's decisions
    kept in one fold, folds stratified by kind of source, repeated with a fixed seed): that
    is the figure to believe. Both give agreement (three-way and deleted-or-kept), the Brier score
    against the CCF's 2021 base-rate forecast and a reliability table, by confidence tier.

    Args:
        directory, expected_csv: a folder of scenario files and its expected-outcomes CSV;
            ``None`` uses the CCF decisions shipped with the package.

    Returns:
        A report with ``to_text()``, ``to_dict()``, ``training`` and ``cross_validated``.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> report = caselaw.calibration()
        >>> report.scores(report.cross_validated).cases == len(caselaw.expected_outcomes())
        True
    """
    from diffusion_scenarios._engine.calibration import calibration_report
    from diffusion_scenarios._law.data import data_file

    if expected_csv is None:
        expected_csv = Path(str(data_file("scenarios/expected.csv")))
    if directory is None:
        directory = Path(expected_csv).parent
    folder = Path(directory)
    if not folder.is_dir():
        raise CaseLawError(f"{folder}: no such folder of scenario files")
    return calibration_report(folder, expected_csv)


def discussion_markdown(result: Comparison, report: Any = None) -> str:
    """Where the model and the CCF part ways, decision by decision, written from the results.

    One bullet per decision where the model's outcome differs from the CCF's (on the
    weights shipped, or when its fold is left out of the fit): what each decided, the
    model's chance of deletion when left out, the grounds the model weighed, the CCF's
    grounds it did not find, and whether the facts are thin. Generated, so it never drifts
    from the output it describes.
    """
    cross = {}
    if report is not None:
        cross = {f.case.file: f for f in report.cross_validated}
    lines: list[str] = []
    for row in result.rows:
        left_out = cross.get(row.file)
        cv_differs = left_out is not None and left_out.prediction != row.ccf_outcome
        if row.outcome_agrees and not cv_differs:
            continue
        link = f"[{row.decision_id}]({row.source_url})" if row.source_url else row.decision_id
        text = f"* **{link}**: the CCF {OUTCOME_DECIDED[row.ccf_outcome]}; "
        if row.outcome_agrees:
            text += "the model, fitted on all the decisions, agrees"
        else:
            text += f"the model predicts {OUTCOME_PREDICTED.get(row.model_outcome, 'nothing')}"
        if left_out is not None:
            p = dict(zip(CCF_OUTCOMES, left_out.likelihood, strict=True))["not_compliant"]
            text += (
                f"; left out of the fit, it predicts {OUTCOME_PREDICTED[left_out.prediction]} "
                f"(chance of deletion {_chance(p)})"
            )
        text += "."
        weighed = [g for g, strength in row.model_grounds if strength != "weak"]
        named = ", ".join(f"`{g}`" for g in weighed)
        if not row.model_deleted and row.ccf_deleted:
            found = named or "no ground at least arguable"
            text += f" The model finds {found}, not enough on these facts to tip it."
        elif row.model_deleted and not row.ccf_deleted:
            text += f" The model deletes on {named}; the CCF was satisfied that the data comply."
        elif row.model_deleted != (left_out is not None and left_out.prediction == "not_compliant"):
            text += f" What the model weighs: {named or 'no ground at least arguable'}."
        if not row.outcome_agrees and row.model_deleted == row.ccf_deleted:
            text += (
                " On the weights shipped both keep the data; they differ on whether the record "
                "needs an update."
            )
        if row.grounds_missed:
            missed = ", ".join(f"`{g}`" for g in row.grounds_missed)
            text += f" The CCF relied on {missed}, which the model does not find."
        extra = [g for g in weighed if g not in row.ccf_grounds]
        if extra and not (row.model_deleted and not row.ccf_deleted):
            text += (
                " The model also weighs "
                + ", ".join(f"`{g}`" for g in extra)
                + ", which the CCF did not rely on."
            )
        if row.encoding_confidence == "low":
            text += " Only the published tags of this decision were read, so the facts are thin."
        lines.append(text)
    if not lines:
        return "The model reaches the CCF's outcome on every decision."
    return "\n".join(lines)


def _chance(p: float) -> str:
    if p > 0.99:
        return "over 99%"
    if p < 0.01:
        return "under 1%"
    return f"{p:.0%}"


def _cell(text: object) -> str:
    """A value as the text of a Markdown table cell (pipes escaped, no line breaks)."""
    return " ".join(str(text).split()).replace("|", "\\|")


def decisions_markdown(df: pd.DataFrame) -> str:
    """A Markdown table of decisions, each id a link to its first source.

    Columns: decision (linked), year, kind of data, outcome in words and tags. Further
    sources are linked as [2], [3] after the id. Empty years read "not dated".

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> text = caselaw.decisions_markdown(caselaw.filter_decisions(data_type="diffusion"))
        >>> text.splitlines()[0]
        '| Decision | Year | Data | Outcome | Tags |'
    """
    lines = ["| Decision | Year | Data | Outcome | Tags |", "|---|---|---|---|---|"]
    for record in df.to_dict("records"):
        urls = [str(u) for u in record["urls"]]
        name = _cell(record["decision_id"])
        link = f"[{name}]({urls[0]})" if urls else name
        link += "".join(f" [[{i}]]({u})" for i, u in enumerate(urls[1:], start=2))
        year = "not dated" if _is_missing(record["year"]) else str(int(record["year"]))
        kind = " + ".join(d.replace("_", " ") for d in record["data_detail"]) or "other data"
        outcome = OUTCOME_INDEX_LABELS.get(str(record["outcome"]), str(record["outcome"]))
        tags = _cell("; ".join(record["tags"])) or "-"
        lines.append(f"| {link} | {year} | {kind} | {outcome} | {tags} |")
    return "\n".join(lines)


def comparison_markdown(result: Comparison) -> str:
    """A Markdown table of the model beside the CCF, one linked row per decision.

    Columns: decision (a link to its source), what the CCF decided, what the model
    predicts, the model's likelihood of deletion, its confidence, and whether the two
    agree, all in words.
    """
    lines = [
        "| Decision | CCF | Model | Chance of deletion | Model's confidence | Same outcome |",
        "|---|---|---|---|---|---|",
    ]
    for row in result.rows:
        name = _cell(row.decision_id)
        link = f"[{name}]({row.source_url})" if row.source_url else name
        p = dict(row.likelihood).get("not_compliant")
        chance = "-" if p is None else _chance(p)
        same = (
            "yes"
            if row.outcome_agrees
            else ("no, but same deleted-or-kept" if row.deletion_agrees else "no")
        )
        lines.append(
            f"| {link} | {OUTCOME_RESULTS.get(row.ccf_outcome, row.ccf_outcome)} | "
            f"{OUTCOME_RESULTS.get(row.model_outcome, 'not predicted')} | {chance} | "
            f"{row.confidence or '-'} | {same} |"
        )
    return "\n".join(lines)


def calibration_markdown(report: Any) -> str:
    """The headline figures of :func:`calibration` as one short Markdown paragraph."""
    trained = report.scores(report.training)
    cross = report.scores(report.cross_validated)

    def share(part: int, whole: int) -> str:
        return f"{part} of {whole} ({part / whole:.0%})"

    return (
        f"With the weights shipped (fitted on these same {trained.cases} decisions) the model "
        f"reaches the CCF's outcome in {share(trained.agreements, trained.cases)} and "
        f"agrees on deleted or kept in {share(trained.deletion_agreements, trained.cases)}; "
        f"its Brier score is {trained.brier:.3f}, against {trained.base_brier:.3f} for the "
        f"CCF's base-rate forecast (lower is better). **Cross-validated**, each person's "
        f"decisions left out of the fit together, "
        f"the figure to believe, it reaches the CCF's outcome in "
        f"{share(cross.agreements, cross.cases)} and agrees on deleted or kept in "
        f"{share(cross.deletion_agreements, cross.cases)}, with a Brier score of "
        f"{cross.brier:.3f} against {cross.base_brier:.3f}."
    )


def plot_calibration(report: Any, *, ax: Any = None) -> Any:
    """A reliability chart: the model's chance of deletion against how often the CCF deleted.

    Each point is a band of forecasts (0-20 %, 20-40 %, ...), placed at the mean chance the
    model gave and the share of those decisions the CCF deleted, its size the number of
    decisions; training (filled circles) and cross-validated (open squares) side by side. A
    well-calibrated model sits on the diagonal. Colours are colour-blind safe and the two
    series also differ in marker shape.

    Returns:
        The matplotlib ``Figure``.
    """
    from diffusion_scenarios._render.figure import ShownFigure

    if ax is None:
        # Without pyplot: the figure shows itself once, as a picture, when a cell ends with it.
        figure = ShownFigure(figsize=(6, 5), layout="constrained")
        ax = figure.subplots()
    else:
        figure = ax.figure
    ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", label="perfect calibration")
    series = (
        ("fitted on all decisions", report.training, "#0072B2", "o", "full", (-14, 10)),
        (
            "cross-validated (each person's decisions left out)",
            report.cross_validated,
            "#D55E00",
            "s",
            "none",
            (6, -14),
        ),
    )
    for label, forecasts, colour, marker, fill, offset in series:
        rows = [r for r in report.reliability(forecasts) if r["cases"]]
        xs = [r["mean_forecast"] for r in rows]
        ys = [r["share_deleted"] for r in rows]
        ax.plot(xs, ys, color=colour, linewidth=1)
        ax.scatter(
            xs,
            ys,
            s=[40 + 25 * r["cases"] for r in rows],
            marker=marker,
            facecolors=colour if fill == "full" else "none",
            edgecolors=colour,
            label=label,
        )
        for x, y, r in zip(xs, ys, rows, strict=True):
            # Labels point inwards near an edge, so none sits on the chart's border.
            dx, dy = offset
            right = x > 0.8 or (x > 0.2 and dx < 0)
            top = y > 0.85
            bottom = y < 0.1
            dy = -abs(dy) if top else abs(dy) if bottom else dy
            ax.annotate(
                f"n={r['cases']}",
                (x, y),
                textcoords="offset points",
                xytext=(-abs(dx) - 4 if right else abs(dx) + 4, dy),
                ha="right" if right else "left",
                va="top" if dy < 0 else "bottom",
                fontsize=8,
                color=colour,
            )
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.05, 1.05)
    ax.xaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    ax.yaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    ax.set_xlabel("the model's chance of deletion (mean over a band of forecasts)")
    ax.set_ylabel("share of those decisions the CCF deleted")
    ax.set_title("Does the model's chance of deletion match the CCF?", loc="left")
    ax.legend(loc="upper left", frameon=False, fontsize=8)
    return figure


# --------------------------------------------------------------------------- display


def decisions_text(df: pd.DataFrame, *, width: int = 48) -> str:
    """A readable plain-text table of decisions: id, year, type, outcome, tags, URL.

    Tags wrap inside their column; each source URL gets its own line.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> text = caselaw.decisions_text(caselaw.filter_decisions(data_type="diffusion"))
        >>> text.splitlines()[0].split()[:4]
        ['id', 'year', 'type', 'outcome']
    """
    header = ("id", "year", "type", "outcome", "tags", "url")
    body: list[list[list[str]]] = []
    for record in df.to_dict("records"):
        year = "" if _is_missing(record["year"]) else str(int(record["year"]))
        kind = "+".join(record["data_detail"]) or str(record["data_type"])
        tags = textwrap.wrap("; ".join(record["tags"]), width) or ["-"]
        urls = [str(u) for u in record["urls"]] or ["-"]
        body.append(
            [
                [str(record["decision_id"])],
                [year or "n/d"],
                [kind],
                [str(record["outcome"])],
                tags,
                urls,
            ]
        )
    widths = [
        max([len(header[i]), *(len(line) for cells in body for line in cells[i])])
        for i in range(len(header) - 1)
    ]

    def line(cells: Sequence[str]) -> str:
        padded = [c.ljust(w) for c, w in zip(cells[:-1], widths, strict=True)]
        return "  ".join([*padded, cells[-1]]).rstrip()

    out = [line(header), line(["-" * w for w in widths] + ["-" * 3])]
    for cells in body:
        height = max(len(c) for c in cells)
        for i in range(height):
            out.append(line([c[i] if i < len(c) else "" for c in cells]))
    out.append(f"{len(body)} decision(s)")
    return "\n".join(out)


#: Colour-blind-safe colours (Okabe-Ito) and hatches per outcome, so the chart also reads
#: in greyscale.
OUTCOME_STYLE: dict[str, tuple[str, str]] = {
    "not_compliant": ("#D55E00", "//"),
    "compliant_with_update": ("#E69F00", ".."),
    "compliant": ("#0072B2", ""),
    "unknown": ("#BBBBBB", "xx"),
}


def plot_outcome_shares(df: pd.DataFrame | None = None, *, ax: Any = None) -> Any:
    """A horizontal stacked bar chart of :func:`outcome_shares_by_tag`, one bar per tag.

    Each bar is labelled with the number of decisions behind it (``n``), so a 100% bar
    resting on one decision is visibly thin evidence. Colours are colour-blind safe and
    each outcome also has its own hatch.

    Args:
        df: decisions to summarise (default: the whole index).
        ax: a matplotlib ``Axes`` to draw on; a new figure is made if ``None``.

    Returns:
        The matplotlib ``Figure``.

    Example::

        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from diffusion_scenarios import caselaw
        >>> figure = caselaw.plot_outcome_shares()
        >>> len(figure.axes[0].patches) >= len(caselaw.tag_counts())
        True
    """
    from diffusion_scenarios._render.figure import ShownFigure

    shares = outcome_shares_by_tag(df)
    own_figure = ax is None
    if ax is None:
        height = max(2.5, 0.38 * len(shares) + 1.2)
        figure = ShownFigure(figsize=(9, height), layout="constrained")
        ax = figure.subplots()
    else:
        figure = ax.figure
    positions = list(range(len(shares)))[::-1]  # most frequent tag on top
    left = [0.0] * len(shares)
    for outcome in OUTCOMES:
        colour, hatch = OUTCOME_STYLE[outcome]
        widths = [float(v) for v in shares[outcome]]
        ax.barh(
            positions,
            widths,
            left=left,
            color=colour,
            hatch=hatch,
            edgecolor="white",
            label=OUTCOME_INDEX_LABELS[outcome],
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(
        positions, [f"{tag} (n={n})" for tag, n in zip(shares.index, shares["n"], strict=True)]
    )
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the tag's decisions in the index")
    ax.xaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    ax.set_title("CCF decisions in the index: outcome by tag", loc="left")
    if own_figure:  # centred on the whole figure, so long tag names cannot push it off
        figure.legend(loc="outside upper center", ncols=2, frameon=False)
    else:
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.06), ncols=2, frameon=False)
    return figure


def decisions_html(df: pd.DataFrame) -> str:
    """The decisions as an HTML table: id, year, data, outcome, tags, and each source as a
    link (opened in a new tab). Every value is escaped.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> page = caselaw.decisions_html(caselaw.filter_decisions(data_type="diffusion"))
        >>> page.startswith("<table") and "<a href=" in page
        True
    """
    import html

    def cell(text: str) -> str:
        return f"<td>{html.escape(text)}</td>"

    rows = []
    for record in df.to_dict("records"):
        year = "" if _is_missing(record["year"]) else str(int(record["year"]))
        kind = ", ".join(d.replace("_", " ") for d in record["data_detail"]) or str(
            record["data_type"]
        ).replace("_", " ")
        outcome = OUTCOME_INDEX_LABELS.get(str(record["outcome"]), str(record["outcome"]))
        links = "<br>".join(
            f'<a href="{html.escape(str(u), quote=True)}" target="_blank" '
            f'rel="noopener noreferrer">{html.escape(_link_words(str(u)))}</a>'
            for u in record["urls"]
        )
        rows.append(
            "<tr>"
            + cell(str(record["decision_id"]))
            + cell(year or "n/d")
            + cell(kind)
            + cell(outcome)
            + cell("; ".join(record["tags"]) or "-")
            + f"<td>{links or '-'}</td>"
            + "</tr>"
        )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Decision", "Year", "Data", "Outcome", "Tags", "Source")
    )
    return (
        '<table class="caselaw-table" style="border-collapse: collapse; font-size: 0.9em">'
        f"<caption>{len(rows)} decision(s)</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "<style>.caselaw-table th, .caselaw-table td {border-bottom: 1px solid #ccc; "
        "padding: 2px 8px; text-align: left; vertical-align: top}</style>"
    )


def _link_words(url: str) -> str:
    """A source link's words: its site and the last part of its path."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    tail = [p for p in parts.path.split("/") if p]
    return parts.netloc.removeprefix("www.") + (f" / {tail[-1]}" if tail else "")


def browser(df: pd.DataFrame | None = None) -> Any:
    """An ipywidgets panel to browse the decisions: labelled filters and a table with links.

    The filters (tag, outcome, type, year) offer only values present in the index, plus
    "any"; the outcome also offers "deleted" and "kept" (with or without an update); tags
    are listed under their normalised names. The table is a real HTML table
    (:func:`decisions_html`) whose sources are links.

    Returns:
        An ``ipywidgets.VBox``; its ``.filters`` dict holds the four dropdowns and
        ``.table`` the HTML widget with the current table.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> panel = caselaw.browser()
        >>> panel.filters["outcome"].value = "kept"
        >>> "kept" in panel.table.value and "deleted (not" not in panel.table.value
        True
    """
    import ipywidgets as widgets

    table = decisions() if df is None else df
    any_value = "(any)"
    years = sorted({int(y) for y in table["year"] if not _is_missing(y)})
    kinds = [
        k for k in (*DATA_TYPES, *DATA_DETAILS) if not filter_decisions(table, data_type=k).empty
    ]
    outcome_options: list[tuple[str, str]] = [(any_value, any_value)]
    outcome_options += [("deleted", "deleted"), ("kept (with or without an update)", "kept")]
    outcome_options += [
        (OUTCOME_INDEX_LABELS[o], o) for o in OUTCOMES if (table["outcome"] == o).any()
    ]
    options: dict[str, Any] = {
        "tag": [any_value, *sorted(tag_counts(table).index, key=str.lower)],
        "outcome": outcome_options,
        "data_type": [any_value, *dict.fromkeys(kinds)],
        "year": [any_value, *[str(y) for y in years]],
    }
    labels = {"tag": "Tag", "outcome": "Outcome", "data_type": "Data", "year": "Year"}
    filters = {
        name: widgets.Dropdown(
            options=values,
            value=any_value,
            description=labels[name],
            style={"description_width": "initial"},
        )
        for name, values in options.items()
    }
    shown = widgets.HTML()
    summary = widgets.Label()

    def refresh(_: object = None) -> None:
        chosen = {k: (None if w.value == any_value else w.value) for k, w in filters.items()}
        result = filter_decisions(table, **chosen)
        summary.value = f"{len(result)} of {len(table)} decisions match"
        shown.value = (
            decisions_html(result) if len(result) else "<p>No decision matches these filters.</p>"
        )

    for control in filters.values():
        control.observe(refresh, names="value")
    refresh()
    panel = widgets.VBox([widgets.HBox(list(filters.values())), summary, shown])
    panel.filters = filters
    panel.table = shown
    return panel
