"""Reference data about national practice and published statistics.

Two shipped tables, each row with its source URL and a confidence:

* ``data/country_practice.csv`` — per country, whether the police may arrest on a red
  notice (or a diffusion) alone, and whether the country extradites its own nationals;
* ``data/statistics.csv`` — published figures about notices, diffusions and the CCF.

The country, membership and region look-ups live in :mod:`_law.countries` and are
re-exported here, so that ``from diffusion_scenarios._law.reference import ...`` gives
every piece of reference
data in one place::

    >>> practice = country_practice("USA")
    >>> practice.red_notice_arrest, practice.basis
    ('no', 'country')
    >>> country_practice("HUN").basis      # an EU state without its own row
    'eu_bloc'
    >>> statistic("red_notices_issued", 2021).value
    10776.0
"""

from __future__ import annotations

import datetime as _dt
from functools import cache

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._base.public import publish
from diffusion_scenarios._law.countries import (
    all_country_codes,
    country_name,
    expand_recipients,
    interpol_region,
    is_member,
    members_on,
    region_members,
    resolve_country,
)
from diffusion_scenarios._law.data import read_csv_rows
from diffusion_scenarios.errors import ReferenceDataError

__all__ = [
    "OWN_NATIONALS",
    "RED_NOTICE_ARREST",
    "CountryPractice",
    "Statistic",
    "all_country_codes",
    "country_name",
    "country_practice",
    "expand_recipients",
    "interpol_region",
    "is_member",
    "members_on",
    "practice_rows",
    "region_members",
    "resolve_country",
    "statistic",
    "statistics",
]

#: Can the police arrest on a red notice (or diffusion) alone, without a national warrant?
RED_NOTICE_ARREST = ("yes", "conditional", "no", "unknown")
#: Does the country extradite its own nationals?
OWN_NATIONALS = ("allowed", "conditional", "prohibited", "unknown")
_CONFIDENCE = ("high", "medium", "low")
_VERIFICATION = ("primary", "secondary", "unverified")


@dataclass(frozen=True, slots=True, kw_only=True)
class CountryPractice:
    """What is known of one country's practice, with its sources and how sure it is.

    Attributes:
        country: alpha-3 code the practice is for.
        red_notice_arrest: ``yes`` | ``conditional`` | ``no`` | ``unknown`` — may the police
            arrest provisionally on an INTERPOL red notice or diffusion alone?
        own_nationals: ``allowed`` | ``conditional`` | ``prohibited`` | ``unknown`` — does the
            country extradite its own nationals?
        detail: the red-notice finding in plain words (says when it is the EU-wide fallback).
        nationals_detail: the nationals finding in plain words.
        notable_policy: anything else a lawyer should know (may be empty).
        sources: the URLs behind the row.
        confidence: ``high`` | ``medium`` | ``low``, for the red-notice finding.
        verification: ``primary`` | ``secondary`` | ``unverified`` — the red-notice finding.
        nationals_verification: the same, for the nationals finding.
        as_of: the year (or span) the sources describe, as written; ``None`` if not known.
        basis: ``country`` (the country's own row), ``eu_bloc`` (the EU-wide statement is
            used for the red-notice finding) or ``none`` (nothing found).
        red_notice_arrest_raw: the wording of the source table before normalisation.
        own_nationals_raw: likewise for the nationals finding.
        brief: the legal brief's rows behind the red-notice finding, with their tags
            (``"PA-DE-1 [P] guideline, [S] airport practice"``); may be empty.
        rule: the rule catalogue id that states the red-notice finding (may be empty); it is
            cited only on days its text applies (``data/rules/ne_bis_and_arrest.yaml``).
        policy_rule: the rule catalogue id that dates ``notable_policy`` (may be empty): the
            policy is said, and the rule cited, only on days it is in force.
        policy_topic: when ``notable_policy`` is relevant: empty (always), ``cheque`` (an
            unfunded-cheque case) or ``ne_bis`` (a final judgment on the same acts).
        policy_from: the first day the events ``notable_policy`` reports had happened (ISO
            date; the first of the month or year when only those are known), so that it is
            never said of an earlier day; ``None`` when it has no date.
    """

    country: str
    red_notice_arrest: str
    own_nationals: str
    detail: str
    nationals_detail: str
    notable_policy: str
    sources: tuple[str, ...]
    confidence: str
    verification: str
    nationals_verification: str
    as_of: str | None
    basis: str
    red_notice_arrest_raw: str = ""
    own_nationals_raw: str = ""
    brief: str = ""
    rule: str = ""
    policy_rule: str = ""
    policy_topic: str = ""
    policy_from: _dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Statistic:
    """One published figure, with where it comes from.

    Attributes:
        year: the year the figure describes.
        metric: snake_case name, e.g. ``red_notices_issued``.
        value: the figure.
        figure_kind: ``reported`` | ``approximate`` | ``lower_bound`` | ``derived`` |
            ``alternative_statement``.
        source_url: where it was read.
        source_basis: ``official`` (an INTERPOL or government page) or ``secondary``.
        confidence: ``high`` | ``medium`` | ``low``.
        note: context, caveats and conflicts with other figures.
    """

    year: int
    metric: str
    value: float
    figure_kind: str
    source_url: str
    source_basis: str
    confidence: str
    note: str


def _check(value: str, allowed: tuple[str, ...], where: str) -> str:
    if value not in allowed:
        raise ReferenceDataError(f"{where}: '{value}' is not one of {', '.join(allowed)}")
    return value


def _policy_from(text: str, where: str) -> _dt.date | None:
    if not text.strip():
        return None
    try:
        return _dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ReferenceDataError(
            f"{where}: policy_from '{text}' is not a date (YYYY-MM-DD)"
        ) from None


def _practice_from_row(row: dict[str, str], country: str) -> CountryPractice:
    where = f"country_practice.csv: {row['alpha3'] or 'eu_bloc'}"
    sources = tuple(
        url for url in (row["source_url"], row["source_url_2"], row.get("source_url_3", "")) if url
    )
    if not sources:
        raise ReferenceDataError(f"{where}: no source URL")
    as_of = row["as_of"].strip()
    return CountryPractice(
        country=country,
        red_notice_arrest=_check(row["red_notice_arrest"], RED_NOTICE_ARREST, where),
        own_nationals=_check(row["own_nationals"], OWN_NATIONALS, where),
        detail=row["red_notice_detail"],
        nationals_detail=row["nationals_detail"],
        notable_policy=row["notable_policy"],
        sources=sources,
        confidence=_check(row["confidence"], _CONFIDENCE, where),
        verification=_check(row["red_notice_verification"], _VERIFICATION, where),
        nationals_verification=_check(row["nationals_verification"], _VERIFICATION, where),
        as_of=None if as_of in ("", "n/a") else as_of,
        basis="country",
        red_notice_arrest_raw=row["red_notice_arrest_raw"],
        own_nationals_raw=row["own_nationals_raw"],
        brief=row.get("brief", ""),
        rule=row.get("rule", ""),
        policy_rule=row.get("policy_rule", "") or "",
        policy_topic=row.get("policy_topic", "") or "",
        policy_from=_policy_from(row.get("policy_from", "") or "", where),
    )


@cache
def _practice_table() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    bloc: dict[str, str] | None = None
    for row in read_csv_rows("country_practice.csv"):
        if row["scope"] == "eu_bloc":
            bloc = row
        else:
            rows[row["alpha3"]] = row
    if bloc is None:
        raise ReferenceDataError("country_practice.csv: the EU bloc row is missing")
    return rows, bloc


@cache
def _current_eu_members() -> frozenset[str]:
    return frozenset(
        row["alpha3"]
        for row in read_csv_rows("eu_schengen.csv")
        if row["grouping"] == "eu" and not row["member_until"]
    )


def practice_rows() -> tuple[CountryPractice, ...]:
    """The country rows of the practice table as they stand (no fallback), by country."""
    rows, _ = _practice_table()
    return tuple(_practice_from_row(rows[code], code) for code in sorted(rows))


@cache
def country_practice(alpha3: str) -> CountryPractice:
    """What is known of a country's arrest and extradition practice.

    A country's own row is used when there is one. For a current EU member whose own row
    (if any) says nothing about arrest on a red notice, the EU-wide statement in the table
    is used for that question instead, with ``basis="eu_bloc"`` and at most medium
    confidence — it describes most EU states, not this one in particular, so it is a
    presumption (PA-GEN-1). Any other country with no row
    gets ``unknown`` answers and ``basis="none"``.

    Example:
        >>> country_practice("DEU").own_nationals
        'prohibited'
        >>> country_practice("TUV").basis
        'none'
    """
    rows, bloc_row = _practice_table()
    own = rows.get(alpha3)
    in_eu = alpha3 in _current_eu_members()
    if own is not None:
        practice = _practice_from_row(own, alpha3)
        if practice.red_notice_arrest != "unknown" or not in_eu:
            return practice
    if in_eu:
        bloc = _practice_from_row(bloc_row, alpha3)
        detail = (
            "No finding for this country itself; the EU-wide statement is used, so treat it "
            "as a presumption, not a finding: " + bloc.detail
        )
        presumed = "low" if bloc.confidence == "low" else "medium"  # never high
        if own is not None:
            return CountryPractice(
                country=alpha3,
                red_notice_arrest=bloc.red_notice_arrest,
                own_nationals=practice.own_nationals,
                detail=detail,
                nationals_detail=practice.nationals_detail,
                notable_policy=practice.notable_policy or bloc.notable_policy,
                sources=tuple(dict.fromkeys(bloc.sources + practice.sources)),
                confidence=presumed,
                verification=bloc.verification,
                nationals_verification=practice.nationals_verification,
                as_of=practice.as_of or bloc.as_of,
                basis="eu_bloc",
                red_notice_arrest_raw=bloc.red_notice_arrest_raw,
                own_nationals_raw=practice.own_nationals_raw,
                brief=bloc.brief,
                rule=bloc.rule,
                policy_rule=(practice if practice.notable_policy else bloc).policy_rule,
                policy_topic=(practice if practice.notable_policy else bloc).policy_topic,
                policy_from=(practice if practice.notable_policy else bloc).policy_from,
            )
        return CountryPractice(
            country=alpha3,
            red_notice_arrest=bloc.red_notice_arrest,
            own_nationals="unknown",
            detail=detail,
            nationals_detail=(
                "Not found for this country. Within the EU the European Arrest Warrant "
                "largely replaces the nationality bar between member states."
            ),
            notable_policy=bloc.notable_policy,
            sources=bloc.sources,
            confidence=presumed,
            verification=bloc.verification,
            nationals_verification="unverified",
            as_of=bloc.as_of,
            basis="eu_bloc",
            red_notice_arrest_raw=bloc.red_notice_arrest_raw,
            own_nationals_raw="",
            brief=bloc.brief,
            rule=bloc.rule,
            policy_rule=bloc.policy_rule,
            policy_topic=bloc.policy_topic,
            policy_from=bloc.policy_from,
        )
    return CountryPractice(
        country=alpha3,
        red_notice_arrest="unknown",
        own_nationals="unknown",
        detail="No source on this country's practice was found; whether police arrest on "
        "a red notice or diffusion alone is unknown.",
        nationals_detail="No source on extradition of nationals was found.",
        notable_policy="",
        sources=(),
        confidence="low",
        verification="unverified",
        nationals_verification="unverified",
        as_of=None,
        basis="none",
    )


@cache
def statistics() -> tuple[Statistic, ...]:
    """Every published figure shipped with the package, by year then metric.

    Example:
        >>> any(s.metric == "member_countries" and s.year == 2023 for s in statistics())
        True
    """
    found: list[Statistic] = []
    for row in read_csv_rows("statistics.csv"):
        where = f"statistics.csv: {row['year']} {row['metric']}"
        if not row["source_url"]:
            raise ReferenceDataError(f"{where}: no source URL")
        try:
            year = int(row["year"])
            value = float(row["value"])
        except ValueError:
            raise ReferenceDataError(f"{where}: year or value is not a number") from None
        found.append(
            Statistic(
                year=year,
                metric=row["metric"],
                value=value,
                figure_kind=row["figure_kind"],
                source_url=row["source_url"],
                source_basis=row["source_basis"],
                confidence=_check(row["confidence"], _CONFIDENCE, where),
                note=row["note"],
            )
        )
    return tuple(sorted(found, key=lambda s: (s.year, s.metric)))


@cache
def _statistics_index() -> dict[tuple[str, int], Statistic]:
    return {(s.metric, s.year): s for s in statistics()}


def statistic(metric: str, year: int) -> Statistic | None:
    """The published figure for ``metric`` in ``year``, or ``None`` if none is shipped.

    Example:
        >>> statistic("member_countries", 2023).value
        196.0
        >>> statistic("member_countries", 1900) is None
        True
    """
    return _statistics_index().get((metric, year))


publish(globals())  # its public classes say they live in diffusion_scenarios
