"""What the CCF decided on encoded cases: reading an expected-outcomes CSV.

An expected-outcomes CSV (the shipped one is ``data/scenarios/expected.csv``) names, for
each scenario file that encodes a real decision, the decision's id, the CCF's outcome and
the grounds it relied on. Three readers need it: the comparison of the model with the CCF
(:mod:`diffusion_scenarios.caselaw`), the fitting and calibration of the decision model
(``_engine/calibration.py``) and the nearest published decisions (``_engine/similar.py``).
It lives here, below the engine, so that none of them imports a module above its layer.

The CSV helpers (a user's file read safely, a header checked, a row's cells) are shared
with the decisions index of :mod:`diffusion_scenarios.caselaw`: its errors read the same.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._base.spelling import did_you_mean
from diffusion_scenarios._law.vocab import CCF_OUTCOMES, GROUND_IDS
from diffusion_scenarios.errors import CaseLawError

__all__ = [
    "ENCODING_CONFIDENCE",
    "EXPECTED_COLUMNS",
    "GROUPS_FILE",
    "SCENARIO_SUFFIXES",
    "ExpectedDecision",
    "encoded_files",
    "expected_outcomes",
    "parse_rows",
    "read_csv_text",
    "read_expected",
    "split_cell",
    "suggest",
]

#: Values of the optional ``confidence`` column of an expected-outcomes CSV.
ENCODING_CONFIDENCE: tuple[str, ...] = ("low", "medium", "high")

#: Required columns of an expected-outcomes CSV (more columns are allowed and ignored).
EXPECTED_COLUMNS: tuple[str, ...] = ("file", "decision_id", "ccf_outcome", "ccf_grounds")

#: The endings of scenario files an expected-outcomes CSV may name.
SCENARIO_SUFFIXES = (".yaml", ".yml", ".json")

#: The file, next to ``expected.csv``, that says which decisions concern the same person and
#: the kind of source of each (``file, person, source_kind``), where not the default: the
#: decision model's grouped cross-validation and the nearest decisions both read it.
GROUPS_FILE = "ccf_groups.csv"


# --------------------------------------------------------------------------- CSV files


def split_cell(cell: str) -> tuple[str, ...]:
    """A ``;``-separated cell as a tuple of stripped, non-empty items."""
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` with the closest of ``choices`` (in any case), or nothing."""
    return did_you_mean(word, choices, cutoff=0.5, fold_case=True)


def read_csv_text(path: Path, *, what: str) -> str:
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


def parse_rows(
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


# --------------------------------------------------------------------------- expected outcomes


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
    _, rows = parse_rows(
        read_csv_text(source, what="expected-outcomes"),
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
        if Path(name).name != name or Path(name).suffix.lower() not in SCENARIO_SUFFIXES:
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
                f"found '{outcome}'{suggest(outcome, CCF_OUTCOMES)}"
            )
        confidence = row.get("confidence", "")
        if confidence not in ("", *ENCODING_CONFIDENCE):
            raise CaseLawError(
                f"{where}, column confidence: expected one of {', '.join(ENCODING_CONFIDENCE)} "
                f"or an empty cell, found '{confidence}'{suggest(confidence, ENCODING_CONFIDENCE)}"
            )
        grounds = split_cell(row["ccf_grounds"])
        for ground in grounds:
            if ground not in GROUND_IDS:
                raise CaseLawError(
                    f"{where}, column ccf_grounds: expected ground ids separated by ';', "
                    f"found unknown ground '{ground}'{suggest(ground, GROUND_IDS)}"
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


def encoded_files(
    directory: str | os.PathLike[str], expected_csv: str | os.PathLike[str]
) -> tuple[tuple[ExpectedDecision, Path], ...]:
    """Each row of the CSV whose scenario file is in ``directory``, with that file's path
    (rows without a file are passed over), in the CSV's order.

    Raises:
        CaseLawError: the CSV cannot be used (see :func:`read_expected`).
    """
    folder = Path(directory)
    rows = ((entry, folder / entry.file) for entry in read_expected(expected_csv))
    return tuple((entry, path) for entry, path in rows if path.is_file())
