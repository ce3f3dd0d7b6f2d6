"""The limits on what the package reads, in one place (documented in the README, "Errors").

Every limit exists so that hostile or mistaken input ends with one clear message instead
of a hang, a crash or a memory error. The figures behind them are measured by
``benchmarks/bench_limits.py``.

Example:
    >>> import datetime
    >>> check_day(datetime.date(2025, 3, 1)) is None
    True
    >>> check_day(datetime.date(1, 1, 1))
    'a date YYYY-MM-DD between 1900-01-01 and 2199-12-31'
"""

from __future__ import annotations

import datetime as _dt

from diffusion_scenarios.errors import Problem, ScenarioError

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "MAX_CSV_BYTES",
    "MAX_EXTRADITION",
    "MAX_FILE_BYTES",
    "MAX_LIST_ITEMS",
    "MAX_RULE_FILES",
    "MAX_RULE_FILE_BYTES",
    "MAX_TRIPS",
    "check_day",
    "date_range_words",
    "require_day",
]

#: Scenario files larger than this are refused before parsing.
MAX_FILE_BYTES = 1_000_000
#: Rule files of an edited law folder (``DIFFUSION_SCENARIOS_RULES``) larger than this are
#: refused before parsing (the largest shipped one is under 50 kB).
MAX_RULE_FILE_BYTES = 1_000_000
#: ``*.yaml`` files in a law folder (the package ships four).
MAX_RULE_FILES = 100
#: Decisions and expected-outcomes CSV files larger than this are refused before parsing.
MAX_CSV_BYTES = 20_000_000
#: Trips in one scenario. A memo's cost grows with each trip, now by about 0.2 ms a trip
#: in HTML and in Word (the route chart draws many trips a colour at a time, and Word table
#: rows are copied from one template); ``benchmarks/bench_limits.py --cpu`` measured 500
#: trips at 0.6 s (HTML) and 1.3-1.5 s (Word) of CPU, against 0.5 s and 1.1-1.2 s for 10 trips, so
#: both 500-trip memos are made within 2 s.
MAX_TRIPS = 500
#: Extradition proceedings in one scenario.
MAX_EXTRADITION = 100
#: Items in any other list (nationalities, recipients, profile, ...) and countries in
#: ``case.dual_criminality``: each is a country or a word at most once, so 300 is more than
#: any valid list; the limit keeps a hostile file from costing minutes of suggestions.
MAX_LIST_ITEMS = 300
#: Dates the model can reason about (rules, membership and deadlines are dated).
EARLIEST_DATE = _dt.date(1900, 1, 1)
LATEST_DATE = _dt.date(2199, 12, 31)


def date_range_words() -> str:
    """``between 1900-01-01 and 2199-12-31``."""
    return f"between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}"


def check_day(value: object) -> str | None:
    """``None`` if ``value`` is a date (not a date-time) in range, else what was expected."""
    expected = f"a date YYYY-MM-DD {date_range_words()}"
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        return expected
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        return expected
    return None


def require_day(value: object, field: str) -> None:
    """Raise :class:`ScenarioError` naming ``field`` unless ``value`` is a date in range.

    Example:
        >>> import datetime
        >>> require_day(datetime.date(9999, 12, 31), "as_of")
        Traceback (most recent call last):
        ...
        diffusion_scenarios.errors.ScenarioError: as_of: expected a date YYYY-MM-DD between \
1900-01-01 and 2199-12-31, found 9999-12-31
    """
    expected = check_day(value)
    if expected is None:
        return
    if isinstance(value, _dt.date):
        found = value.isoformat()
    else:
        found = f"a value of type {type(value).__name__}"
    raise ScenarioError([Problem(path=field, expected=expected, found=found)])
