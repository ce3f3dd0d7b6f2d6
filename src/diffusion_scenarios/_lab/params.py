"""Parameters of the policy lab, read from ``data/lab_parameters.yaml``.

Every number the simulation uses lives in that file with its unit, hard ``bounds`` (values
outside them raise :class:`~diffusion_scenarios.errors.LabError`), a plausible ``range`` to
explore in a seminar, and EITHER a ``source`` in the published statistics
(``data/statistics.csv``: metric, year and URL, checked against the CSV when the file is
read) OR ``assumption: true`` with a one-line ``justification``. A sourced value is also
recomputed from the statistics it cites (``computation``), so the YAML cannot drift from the
CSV unnoticed.

``computation`` is one of:

* ``value``   — the statistic itself;
* ``percent`` — the statistic divided by 100;
* ``ratio``   — the first statistic divided by the second;
* ``stated``  — the value is written in the parameter and the cited statistic is the figure
  that defines it (a ``note`` says how), e.g. the nine-month limit named in the
  "deletion requests over 9 months" figure.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from diffusion_scenarios._law import data as _data
from diffusion_scenarios._law.reference import statistic
from diffusion_scenarios.errors import LabError, ReferenceDataError

# Chunking constants live here, not in _lab.sim, so that the command line can show the
# default without importing numpy (which would slow down every diffusion-scenarios call).
STREAM_BLOCK = 8192
DEFAULT_CHUNK_SIZE = 32 * STREAM_BLOCK  # 262,144 requests: about 40 MB of working arrays
# About 150 bytes of working arrays per request in a chunk: 4,194,304 is ~0.6 GB, the most a
# laptop can be expected to spare; larger chunks give the same result and risk running out
# of memory, so they are refused.
MAX_CHUNK_SIZE = 512 * STREAM_BLOCK

__all__ = [
    "DEFECT_CATEGORIES",
    "CalibrationTarget",
    "ParameterSpec",
    "Parameters",
    "StatisticReference",
    "calibration_targets",
    "default_parameters",
    "parameter_specs",
]

PARAMETERS_FILE = "lab_parameters.yaml"
STATISTICS_FILE = "statistics.csv"

# Defect categories of a non-compliant request, in teaching order. The order fixes how one
# uniform draw is split into categories, so it is part of the simulation's definition.
DEFECT_CATEGORIES = (
    "political",  # Constitution Art 3 (political, military, religious or racial character)
    "human_rights",  # Constitution Art 2 (spirit of the Universal Declaration)
    "private_dispute",  # a private or commercial matter dressed as a crime
    "below_threshold",  # the penalty threshold for a red notice is not met
    "refugee",  # the person is a recognised refugee and the request comes from the country feared
    "other",  # other procedural or data-quality defects
)

_COMPUTATIONS = ("value", "percent", "ratio", "stated")


@dataclass(frozen=True, slots=True, kw_only=True)
class StatisticReference:
    """One published figure cited by a parameter: a row of ``data/statistics.csv``."""

    metric: str
    year: int
    url: str
    value: float
    confidence: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ParameterSpec:
    """What ``data/lab_parameters.yaml`` says about one parameter.

    Attributes:
        name: the field name on :class:`Parameters`.
        value: the default value.
        unit: ``share``, ``probability``, ``days``, ``years``, ``per_year`` or ``requests``.
        bounds: the hard limits; values outside raise ``LabError``.
        explore: the plausible range to explore in a seminar (inside ``bounds``).
        description: one line of plain words.
        statistics: the published figures it rests on (empty for an assumption).
        computation: how ``value`` follows from ``statistics`` (``None`` for an assumption).
        note: how the figure was read, when that needs saying.
        assumption: ``True`` when no published figure gives the value.
        justification: why the assumed value is plausible (assumptions only).
        label: a short plain-language name for charts and controls (not the field name).
        publication: the publication that holds the figure (e.g. the CCF's annual report
            for 2021), when the cited write-up reports someone else's figure.
        publication_url: where that publication is officially published, if known.
        official: one line on the official source and whether the package read it.
    """

    name: str
    value: float
    unit: str
    bounds: tuple[float, float]
    explore: tuple[float, float]
    description: str
    statistics: tuple[StatisticReference, ...] = ()
    computation: str | None = None
    note: str = ""
    assumption: bool = False
    justification: str = ""
    label: str = ""
    publication: str = ""
    publication_url: str = ""
    official: str = ""

    @property
    def years(self) -> str:
        """The year(s) of the published figures the value comes from ("" for an assumption
        or a value a rule sets, such as the Statute's nine months)."""
        if self.computation == "stated":
            return ""
        years = sorted({ref.year for ref in self.statistics})
        return (
            "–".join(str(y) for y in (years[0], years[-1]))
            if len(years) > 1
            else (str(years[0]) if years else "")
        )

    @property
    def plain_label(self) -> str:
        """The label with where its value comes from: "… (2024 figure)" or "… (assumption)"."""
        label = self.label or self.name
        if self.computation == "stated":
            return f"{label} (set by a rule)"
        return f"{label} ({self.years} figure)" if self.years else f"{label} (assumption)"

    @property
    def basis(self) -> str:
        """One line saying where the value comes from."""
        if self.assumption:
            return f"assumption: {self.justification}"
        cited = " / ".join(f"{ref.metric} ({ref.year})" for ref in self.statistics)
        text = f"{self.computation}: {cited}"
        return f"{text}; {self.note}" if self.note else text


@dataclass(frozen=True, slots=True, kw_only=True)
class CalibrationTarget:
    """A published figure that the ``today`` regime must reproduce within ``tolerance``."""

    name: str
    value: float
    tolerance: float
    description: str
    statistics: tuple[StatisticReference, ...]
    computation: str
    published_range: tuple[float, float] | None = None
    note: str = ""
    publication: str = ""
    publication_url: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Parameters:
    """Every number the policy lab simulation uses (defaults: ``data/lab_parameters.yaml``).

    Vary one with :func:`dataclasses.replace`; a value outside its bounds raises
    :class:`~diffusion_scenarios.errors.LabError` naming the parameter and its allowed range.
    ``parameter_specs()[name]`` gives each one's unit, source or assumption.

    Example:
        >>> import dataclasses
        >>> from diffusion_scenarios.lab import Parameters
        >>> slower = dataclasses.replace(Parameters.default(), review_mean_delay_days=180.0)
        >>> slower.review_mean_delay_days
        180.0
    """

    requests_per_year: float
    share_diffusions: float
    true_noncompliance_rate: float
    defect_share_political: float
    defect_share_human_rights: float
    other_grounds_split_private_dispute: float
    other_grounds_split_below_threshold: float
    other_grounds_split_refugee: float
    other_grounds_split_other: float
    screening_detection_probability: float
    review_detection_probability: float
    review_mean_delay_days: float
    screening_delay_days: float
    screening_wrong_refusal_probability: float
    urgent_share_of_lawful_requests: float
    urgent_escape_probability_if_delayed: float
    mean_active_years: float
    horizon_years: float
    share_diffusions_targeted: float
    targeted_travel_coverage: float
    trips_per_year: float
    share_trips_to_arresting_countries: float
    arrest_probability_per_trip: float
    ccf_application_share_noncompliant: float
    ccf_application_share_compliant: float
    ccf_mean_filing_delay_days: float
    ccf_admissibility_rate: float
    ccf_admissibility_days: float
    ccf_deletion_decision_limit_days: float
    ccf_share_decisions_over_limit: float
    ccf_decision_time_spread: float
    ccf_deletion_probability_noncompliant: float
    ccf_provisional_block_share: float

    def __post_init__(self) -> None:
        _validate(self)

    @classmethod
    def default(cls) -> Parameters:
        """The defaults from ``data/lab_parameters.yaml``."""
        return default_parameters()

    def to_dict(self) -> dict[str, float]:
        """The parameter values by name (JSON-ready)."""
        return {name: float(getattr(self, name)) for name in parameter_names()}

    def defect_shares(self) -> tuple[float, ...]:
        """The share of each :data:`DEFECT_CATEGORIES` entry among non-compliant requests."""
        other_grounds = 1.0 - self.defect_share_political - self.defect_share_human_rights
        return (
            self.defect_share_political,
            self.defect_share_human_rights,
            other_grounds * self.other_grounds_split_private_dispute,
            other_grounds * self.other_grounds_split_below_threshold,
            other_grounds * self.other_grounds_split_refugee,
            other_grounds * self.other_grounds_split_other,
        )


_SPLIT_FIELDS = (
    "other_grounds_split_private_dispute",
    "other_grounds_split_below_threshold",
    "other_grounds_split_refugee",
    "other_grounds_split_other",
)


def parameter_names() -> tuple[str, ...]:
    """The parameter field names in declaration order."""
    return tuple(f.name for f in dataclasses.fields(Parameters))


def _format_number(value: float) -> str:
    return f"{value:g}"


def check_value(name: str, value: object, bounds: tuple[float, float]) -> float:
    """``value`` as a float if it is a finite number within ``bounds``; else ``LabError``."""
    low, high = bounds
    allowed = f"a number from {_format_number(low)} to {_format_number(high)}"
    if isinstance(value, bool) or not isinstance(value, int | float):
        shown = repr(value)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        raise LabError(f"{name}: expected {allowed}, found {shown}")
    try:
        number = float(value)
    except OverflowError:  # a whole number beyond any float, e.g. 10**400
        digits = len(str(abs(int(value))))
        raise LabError(f"{name}: expected {allowed}, found a number of {digits:,} digits") from None
    if not math.isfinite(number) or number < low or number > high:
        raise LabError(f"{name}: expected {allowed}, found {_format_number(number)}")
    return number


def _validate(parameters: Parameters) -> None:
    specs = parameter_specs()
    for name in parameter_names():
        check_value(name, getattr(parameters, name), specs[name].bounds)
    sourced = parameters.defect_share_political + parameters.defect_share_human_rights
    if sourced > 1.0:
        raise LabError(
            "defect_share_political + defect_share_human_rights: expected a total of at most 1, "
            f"found {sourced:g}"
        )
    split = math.fsum(getattr(parameters, name) for name in _SPLIT_FIELDS)
    if abs(split - 1.0) > 1e-6:
        raise LabError(
            "other_grounds_split_*: expected the four splits of the other grounds to sum to 1, "
            f"found {split:g}"
        )


# ---------------------------------------------------------------------------------------
# Reading the YAML and checking it against the statistics


def _fail(where: str, message: str) -> ReferenceDataError:
    return ReferenceDataError(f"{PARAMETERS_FILE}: {where}: {message}")


def _pair(where: str, key: str, raw: object) -> tuple[float, float]:
    if (
        not isinstance(raw, list)
        or len(raw) != 2
        or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in raw)
    ):
        raise _fail(where, f"'{key}' must be a list of two numbers")
    low, high = float(raw[0]), float(raw[1])
    if low > high:
        raise _fail(where, f"'{key}' must be [low, high] with low <= high")
    return low, high


def _references(where: str, raw: object) -> tuple[StatisticReference, ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(where, "'statistics' must be a non-empty list of {metric, year, url}")
    references = []
    for item in raw:
        if not isinstance(item, dict) or set(item) != {"metric", "year", "url"}:
            raise _fail(where, "each statistic needs exactly 'metric', 'year' and 'url'")
        key = (str(item["metric"]), int(item["year"]))
        row = statistic(*key)
        if row is None:
            raise _fail(where, f"statistic {key[0]} ({key[1]}) is not in {STATISTICS_FILE}")
        if row.source_url != item["url"]:
            raise _fail(
                where,
                f"url of {key[0]} ({key[1]}) differs from {STATISTICS_FILE}: {row.source_url}",
            )
        references.append(
            StatisticReference(
                metric=key[0],
                year=key[1],
                url=item["url"],
                value=row.value,
                confidence=row.confidence,
            )
        )
    return tuple(references)


def _computed(where: str, computation: str, refs: tuple[StatisticReference, ...]) -> float | None:
    if computation not in _COMPUTATIONS:
        raise _fail(where, f"'computation' must be one of {', '.join(_COMPUTATIONS)}")
    expected_count = {"value": 1, "percent": 1, "ratio": 2}.get(computation)
    if expected_count is not None and len(refs) != expected_count:
        raise _fail(where, f"computation '{computation}' needs {expected_count} statistic(s)")
    if computation == "value":
        return refs[0].value
    if computation == "percent":
        return refs[0].value / 100.0
    if computation == "ratio":
        return refs[0].value / refs[1].value
    return None


def _check_computed(where: str, stated: float, computed: float | None) -> None:
    if computed is not None and not math.isclose(stated, computed, rel_tol=5e-4, abs_tol=5e-5):
        raise _fail(where, f"value {stated:g} does not match the cited statistics ({computed:.6g})")


def _number(where: str, entry: Mapping[str, Any], key: str) -> float:
    raw = entry.get(key)
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise _fail(where, f"'{key}' must be a number")
    return float(raw)


def _spec(name: str, entry: object) -> ParameterSpec:
    where = f"parameters.{name}"
    if not isinstance(entry, dict):
        raise _fail(where, "must be a mapping")
    value = _number(where, entry, "value")
    bounds = _pair(where, "bounds", entry.get("bounds"))
    explore = _pair(where, "range", entry.get("range"))
    if not (bounds[0] <= explore[0] and explore[1] <= bounds[1]):
        raise _fail(where, "'range' must lie inside 'bounds'")
    if not (bounds[0] <= value <= bounds[1]):
        raise _fail(where, "'value' must lie inside 'bounds'")
    description = str(entry.get("description", "")).strip()
    unit = str(entry.get("unit", "")).strip()
    label = str(entry.get("label", "")).strip()
    if not description or not unit or not label:
        raise _fail(where, "'description', 'label' and 'unit' are required")
    common: dict[str, Any] = {"name": name, "value": value, "unit": unit, "bounds": bounds,
                              "explore": explore, "description": description,
                              "label": label}  # fmt: skip
    assumption = entry.get("assumption", False) is True
    source = entry.get("source")
    if assumption == (source is not None):
        raise _fail(where, "give EITHER a 'source' OR 'assumption: true' with a justification")
    if assumption:
        justification = str(entry.get("justification", "")).strip()
        if not justification:
            raise _fail(where, "an assumption needs a one-line 'justification'")
        return ParameterSpec(**common, assumption=True, justification=justification)
    computation, refs, note, publication = _source(where, value, source, note_if_stated=True)
    return ParameterSpec(
        **common,
        statistics=refs,
        computation=computation,
        note=note,
        publication=str(publication.get("title", "")).strip(),
        publication_url=str(publication.get("url", "")).strip(),
        official=str(publication.get("official", "")).strip(),
    )


def _source(
    where: str, value: float, source: object, *, note_if_stated: bool = False
) -> tuple[str, tuple[StatisticReference, ...], str, dict[str, Any]]:
    """A figure's ``source``: its computation, statistics, note and publication, checked (the
    value must be what the computation makes of the statistics; with ``note_if_stated``, a
    value the publication states needs a note saying how it defines the statistic)."""
    if not isinstance(source, dict):
        raise _fail(where, "'source' must be a mapping with 'computation' and 'statistics'")
    computation = str(source.get("computation", ""))
    refs = _references(where, source.get("statistics"))
    note = str(source.get("note", "")).strip()
    if note_if_stated and computation == "stated" and not note:
        raise _fail(where, "a 'stated' value needs a 'note' saying how the statistic defines it")
    _check_computed(where, value, _computed(where, computation, refs))
    return computation, refs, note, _publication(where, source)


def _publication(where: str, source: Mapping[str, Any]) -> dict[str, Any]:
    """The optional ``publication`` of a source: the report that holds the figure."""
    publication = source.get("publication", {})
    if not isinstance(publication, dict) or not set(publication) <= {"title", "url", "official"}:
        raise _fail(where, "'publication' must be a mapping of 'title', 'url' and 'official'")
    return publication


def _target(name: str, entry: object) -> CalibrationTarget:
    where = f"calibration_targets.{name}"
    if not isinstance(entry, dict):
        raise _fail(where, "must be a mapping")
    value = _number(where, entry, "value")
    tolerance = _number(where, entry, "tolerance")
    computation, refs, note, publication = _source(where, value, entry.get("source"))
    published = entry.get("published_range")
    return CalibrationTarget(
        name=name,
        value=value,
        tolerance=tolerance,
        description=str(entry.get("description", "")).strip(),
        statistics=refs,
        computation=computation,
        published_range=None if published is None else _pair(where, "published_range", published),
        note=note,
        publication=str(publication.get("title", "")).strip(),
        publication_url=str(publication.get("url", "")).strip(),
    )


@cache
def _document() -> dict[str, Any]:
    try:
        document = yaml.safe_load(_data.read_text(PARAMETERS_FILE))
    except yaml.YAMLError as error:
        raise ReferenceDataError(f"{PARAMETERS_FILE}: not valid YAML ({error})") from None
    if not isinstance(document, dict) or document.get("format") != 1:
        raise ReferenceDataError(f"{PARAMETERS_FILE}: expected a mapping with 'format: 1'")
    return document


@cache
def parameter_specs() -> Mapping[str, ParameterSpec]:
    """Every parameter's specification, by name, in declaration order (read once)."""
    raw = _document().get("parameters")
    if not isinstance(raw, dict):
        raise ReferenceDataError(f"{PARAMETERS_FILE}: 'parameters' must be a mapping")
    names = parameter_names()
    missing = [name for name in names if name not in raw]
    unknown = [name for name in raw if name not in names]
    if missing or unknown:
        raise ReferenceDataError(
            f"{PARAMETERS_FILE}: parameters missing {missing or 'none'}, "
            f"unknown {unknown or 'none'}"
        )
    return {name: _spec(name, raw[name]) for name in names}


@cache
def calibration_targets() -> Mapping[str, CalibrationTarget]:
    """The calibration targets of the ``today`` regime, by name (read once)."""
    raw = _document().get("calibration_targets")
    if not isinstance(raw, dict) or not raw:
        raise ReferenceDataError(f"{PARAMETERS_FILE}: 'calibration_targets' must be a mapping")
    return {str(name): _target(str(name), entry) for name, entry in raw.items()}


@cache
def default_parameters() -> Parameters:
    """The default :class:`Parameters` (the values in ``data/lab_parameters.yaml``)."""
    specs = parameter_specs()
    try:
        return Parameters(**{name: spec.value for name, spec in specs.items()})
    except LabError as error:
        raise ReferenceDataError(f"{PARAMETERS_FILE}: {error}") from None
