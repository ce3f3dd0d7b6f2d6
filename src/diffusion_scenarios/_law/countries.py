"""Countries, INTERPOL membership by date, regions and recipient lists.

Names and ISO codes come from :mod:`pycountry`'s ISO 3166-1 database; the package ships only the
INTERPOL facts (``data/member_countries.csv``: alpha-3 code, INTERPOL region, admission
date with its basis and source) and the EU and Schengen membership dates
(``data/eu_schengen.csv``). Everything is read once and held in dictionaries, so the
lookups the engine makes for every recipient country cost microseconds::

    >>> import datetime
    >>> resolve_country("NO"), resolve_country("Great Britain"), resolve_country("ivory coast")
    ('NOR', 'GBR', 'CIV')
    >>> len(members_on(datetime.date(2022, 6, 1))), len(members_on(datetime.date(2024, 1, 1)))
    (195, 196)
    >>> "GBR" in region_members("eu", datetime.date(2020, 2, 1))
    False

Kosovo has no ISO 3166-1 code and is not an INTERPOL member (its bid failed at the 2018
General Assembly). Because lawyers meet Kosovar clients and trips to Kosovo, the
user-assigned code ``XKX`` (``XK``) is accepted, named "Kosovo", and is never a member.
"""

from __future__ import annotations

import datetime as _dt
import importlib.util
import json
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._base.spelling import close_matches
from diffusion_scenarios._law.data import read_csv_rows
from diffusion_scenarios._law.vocab import INTERPOL_REGIONS, REGIONS
from diffusion_scenarios.errors import ReferenceDataError

__all__ = [
    "KOSOVO",
    "Member",
    "all_country_codes",
    "country_name",
    "expand_recipients",
    "interpol_region",
    "is_member",
    "member",
    "members",
    "members_on",
    "region_members",
    "resolve_country",
    "served_by",
    "suggest_country",
]

Date = _dt.date

#: The user-assigned code used for Kosovo (not in ISO 3166-1, not an INTERPOL member).
KOSOVO = "XKX"

# What lawyers type that ISO's names do not cover. Keys are compared case-insensitively
# and without accents. Historical names are included because old case files use them.
_ALIASES: dict[str, str] = {
    "russia": "RUS",
    "turkey": "TUR",
    "turkiye": "TUR",
    "uk": "GBR",
    "u.k.": "GBR",
    "great britain": "GBR",
    "britain": "GBR",
    "england": "GBR",
    "scotland": "GBR",
    "wales": "GBR",
    "northern ireland": "GBR",
    "usa": "USA",
    "u.s.a.": "USA",
    "us": "USA",
    "u.s.": "USA",
    "america": "USA",
    "united states of america": "USA",
    "iran": "IRN",
    "syria": "SYR",
    "south korea": "KOR",
    "korea": "KOR",
    "republic of korea": "KOR",
    "north korea": "PRK",
    "vietnam": "VNM",
    "moldova": "MDA",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "czech republic": "CZE",
    "ivory coast": "CIV",
    "vatican": "VAT",
    "vatican city": "VAT",
    "vatican city state": "VAT",
    "holy see": "VAT",
    "palestine": "PSE",
    "state of palestine": "PSE",
    "micronesia": "FSM",
    "laos": "LAO",
    "brunei": "BRN",
    "cape verde": "CPV",
    "east timor": "TLS",
    "swaziland": "SWZ",
    "macedonia": "MKD",
    "burma": "MMR",
    "uae": "ARE",
    "emirates": "ARE",
    "drc": "COD",
    "dr congo": "COD",
    "democratic republic of the congo": "COD",
    "congo (democratic rep.)": "COD",
    "congo-kinshasa": "COD",
    "republic of the congo": "COG",
    "congo-brazzaville": "COG",
    "the gambia": "GMB",
    "the bahamas": "BHS",
    "the netherlands": "NLD",
    "holland": "NLD",
    "st kitts and nevis": "KNA",
    "st lucia": "LCA",
    "st vincent and the grenadines": "VCT",
    "sao tome": "STP",
    "taiwan": "TWN",
    "hong kong": "HKG",
    "macau": "MAC",
    "macao": "MAC",
    "kosovo": KOSOVO,
    "xk": KOSOVO,
    "xkx": KOSOVO,
}

# Short English names where ISO's short name is an inverted form ("Congo, The Democratic
# Republic of the") and pycountry gives no common name. Only word order changes.
_NAME_OVERRIDES: dict[str, str] = {
    "COD": "Democratic Republic of the Congo",
    "FSM": "Micronesia (Federated States of)",
    "PSE": "Palestine",
    "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands",
    KOSOVO: "Kosovo",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    """One INTERPOL member country, as shipped in ``data/member_countries.csv``.

    Attributes:
        alpha3: ISO 3166-1 alpha-3 code.
        interpol_region: one of INTERPOL's five regions (vocabulary R).
        admitted_on: the first day counted as a member (see ``admitted_on_basis``).
        admitted_on_basis: ``source_day`` (the day is in a source),
            ``general_assembly_day`` (the General Assembly that voted), ``constitution_in_force``
            (continuing member when the Constitution took effect on 13 June 1956) or
            ``first_of_month`` (the source gives month and year only).
        date_confidence: ``high`` | ``medium`` | ``low``.
        region_confidence: ``high`` (confirmed by a source) | ``medium`` | ``low`` (assumed).
        region_source: a URL, or ``assumed``.
        source: where the membership and its date come from.
        notes: anything a reader should know about this row.
    """

    alpha3: str
    interpol_region: str
    admitted_on: Date
    admitted_on_basis: str
    date_confidence: str
    region_confidence: str
    region_source: str
    source: str
    notes: str


def _fold(text: str) -> str:
    """Lower case, without accents, single spaces: the key for name look-ups."""
    if text.isascii():  # nothing to decompose (most names and every code): 5x faster
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("’", "'")
    return " ".join(plain.split())


@cache
def _iso_countries() -> tuple[dict[str, str], ...]:
    """pycountry's ISO 3166-1 records (alpha_2, alpha_3, name, common_name, official_name).

    pycountry's own ``import`` scans every installed distribution for its version number,
    which costs a tenth of a second or more in a large environment; the records are read
    from the same database file pycountry ships, found without importing the package.
    If that file cannot be found (a future pycountry layout), pycountry is imported.
    """
    spec = importlib.util.find_spec("pycountry")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        database = Path(folder) / "databases" / "iso3166-1.json"
        if database.is_file():
            records = json.loads(database.read_text(encoding="utf-8"))["3166-1"]
            return tuple({str(k): str(v) for k, v in record.items()} for record in records)
    import pycountry  # pragma: no cover - fallback for another pycountry layout

    fields = ("alpha_2", "alpha_3", "name", "common_name", "official_name")
    return tuple(  # pragma: no cover
        {f: str(getattr(c, f)) for f in fields if getattr(c, f, None)} for c in pycountry.countries
    )


@cache
def _lookup_table() -> dict[str, str]:
    """Every accepted spelling (folded) -> alpha-3."""
    table: dict[str, str] = {}
    for country in _iso_countries():
        code = country["alpha_3"]
        for attribute in ("alpha_2", "alpha_3", "name", "common_name", "official_name"):
            value = country.get(attribute)
            if value:
                table.setdefault(_fold(value), code)
    for alias, code in _ALIASES.items():
        table[_fold(alias)] = code
    for code, name in _NAME_OVERRIDES.items():
        table.setdefault(_fold(name), code)
    return table


@cache
def _names() -> dict[str, str]:
    """alpha-3 -> short English name."""
    names: dict[str, str] = {}
    for country in _iso_countries():
        names[country["alpha_3"]] = country.get("common_name") or country["name"]
    names.update(_NAME_OVERRIDES)
    return names


@lru_cache(maxsize=4096)
def resolve_country(token: str) -> str | None:
    """The ISO 3166-1 alpha-3 code for what a user typed, or ``None`` if not a country.

    Accepts alpha-2 and alpha-3 codes and English names (ISO short, common and official
    names, plus a small table of everyday names such as "Russia", "UK", "Ivory Coast"),
    in any case and with or without accents. Any ISO country is accepted, member or not.

    Args:
        token: what the user wrote, e.g. ``"NO"``, ``"nor"``, ``"Norway"``.

    Returns:
        The alpha-3 code, e.g. ``"NOR"``, or ``None`` if nothing matches.

    Example:
        >>> resolve_country("no"), resolve_country("Türkiye"), resolve_country("Atlantis")
        ('NOR', 'TUR', None)
    """
    return _lookup_table().get(_fold(token))


def suggest_country(token: str) -> str | None:
    """The closest country name to a misspelt ``token``, for "did you mean" messages.

    Example:
        >>> suggest_country("Germny")
        'Germany'
    """
    folded = _fold(token)
    if len(folded) <= 3:  # a mistyped code: any "closest" code would be a guess
        return None
    names = _names()
    by_fold = {_fold(name): name for name in names.values()}
    for alias in _ALIASES:
        by_fold.setdefault(alias, alias.title() if len(alias) > 3 else alias.upper())
    match = close_matches(folded, by_fold, cutoff=0.75)
    return by_fold[match[0]] if match else None


def country_name(alpha3: str) -> str:
    """The short English name of a country (from pycountry).

    Raises:
        LookupError: ``alpha3`` is not a known code.

    Example:
        >>> country_name("GBR"), country_name("BOL"), country_name("XKX")
        ('United Kingdom', 'Bolivia', 'Kosovo')
    """
    try:
        return _names()[alpha3]
    except KeyError:
        raise LookupError(f"'{alpha3}' is not an ISO 3166-1 alpha-3 country code") from None


def all_country_codes() -> tuple[str, ...]:
    """Every country code :func:`resolve_country` can return, sorted."""
    return tuple(sorted(_names()))


def _parse_day(text: str, where: str) -> Date:
    try:
        return Date.fromisoformat(text)
    except ValueError:
        raise ReferenceDataError(f"{where}: '{text}' is not an ISO date") from None


@cache
def members() -> dict[str, Member]:
    """Every country that is or was an INTERPOL member, by alpha-3 code (read once)."""
    table: dict[str, Member] = {}
    for row in read_csv_rows("member_countries.csv"):
        code = row["alpha3"]
        region = row["interpol_region"]
        if region not in INTERPOL_REGIONS:
            raise ReferenceDataError(
                f"member_countries.csv: {code}: region '{region}' is not one of "
                f"{', '.join(INTERPOL_REGIONS)}"
            )
        table[code] = Member(
            alpha3=code,
            interpol_region=region,
            admitted_on=_parse_day(row["admitted_on"], f"member_countries.csv: {code}"),
            admitted_on_basis=row["admitted_on_basis"],
            date_confidence=row["date_confidence"],
            region_confidence=row["region_confidence"],
            region_source=row["region_source"],
            source=row["source"],
            notes=row["notes"],
        )
    return table


@cache
def _territories() -> dict[str, str]:
    """Territory alpha-3 -> the member whose NCB serves it (``data/territories.csv``)."""
    table: dict[str, str] = {}
    for row in read_csv_rows("territories.csv"):
        if row["served_by"] not in members():
            raise ReferenceDataError(
                f"territories.csv: {row['alpha3']}: '{row['served_by']}' is not a member"
            )
        table[row["alpha3"]] = row["served_by"]
    return table


def served_by(alpha3: str) -> str | None:
    """The INTERPOL member whose National Central Bureau serves a country or territory.

    A member serves itself. A territory that is not a member is served by the member it
    belongs to or whose sub-bureau covers it (Hong Kong by China, Gibraltar by the United
    Kingdom, Réunion by France; ``data/territories.csv``, each with its basis and
    confidence). ``None`` when no member serves it (Taiwan, Tuvalu, North Korea, Kosovo).

    Example:
        >>> served_by("FRA"), served_by("HKG"), served_by("PRI"), served_by("TWN")
        ('FRA', 'CHN', 'USA', None)
    """
    if alpha3 in members():
        return alpha3
    return _territories().get(alpha3)


def member(alpha3: str) -> Member | None:
    """The membership record of ``alpha3``, or ``None`` if it has never been a member."""
    return members().get(alpha3)


def is_member(alpha3: str, on: Date) -> bool:
    """Whether ``alpha3`` was an INTERPOL member on the day ``on``.

    Example:
        >>> import datetime
        >>> before, on_the_day = datetime.date(2023, 11, 28), datetime.date(2023, 11, 29)
        >>> is_member("PLW", before), is_member("PLW", on_the_day)
        (False, True)
    """
    record = members().get(alpha3)
    return record is not None and record.admitted_on <= on


@lru_cache(maxsize=2048)
def members_on(on: Date) -> tuple[str, ...]:
    """The INTERPOL members on the day ``on``, sorted alpha-3 codes.

    Example:
        >>> import datetime
        >>> len(members_on(datetime.date(2019, 1, 1)))
        194
    """
    return tuple(sorted(code for code, m in members().items() if m.admitted_on <= on))


def interpol_region(alpha3: str) -> str:
    """The INTERPOL region of a member country (a word of vocabulary R).

    Raises:
        LookupError: ``alpha3`` has never been an INTERPOL member (e.g. ``"TUV"``).

    Example:
        >>> interpol_region("CAN"), interpol_region("ISR")
        ('americas', 'europe')
    """
    record = members().get(alpha3)
    if record is None:
        raise LookupError(f"'{alpha3}' is not an INTERPOL member, so it has no INTERPOL region")
    return record.interpol_region


@cache
def _groupings() -> dict[str, tuple[tuple[str, Date, Date | None], ...]]:
    """``eu`` / ``schengen`` -> (alpha-3, member_from, member_until exclusive) rows."""
    found: dict[str, list[tuple[str, Date, Date | None]]] = {"eu": [], "schengen": []}
    for row in read_csv_rows("eu_schengen.csv"):
        grouping = row["grouping"]
        if grouping not in found:
            raise ReferenceDataError(f"eu_schengen.csv: unknown grouping '{grouping}'")
        where = f"eu_schengen.csv: {grouping} {row['alpha3']}"
        start = _parse_day(row["member_from"], where)
        until = _parse_day(row["member_until"], where) if row["member_until"] else None
        found[grouping].append((row["alpha3"], start, until))
    return {name: tuple(rows) for name, rows in found.items()}


@lru_cache(maxsize=4096)
def region_members(region: str, on: Date) -> tuple[str, ...]:
    """The INTERPOL members in a region of vocabulary R on the day ``on``, sorted.

    ``eu`` and ``schengen`` follow their own accession and exit dates
    (``data/eu_schengen.csv``); ``all`` is every member that day.

    Raises:
        ValueError: ``region`` is not a word of vocabulary R.

    Example:
        >>> import datetime
        >>> "HRV" in region_members("schengen", datetime.date(2022, 12, 31))
        False
        >>> "HRV" in region_members("schengen", datetime.date(2023, 1, 1))
        True
    """
    if region == "all":
        return members_on(on)
    if region in INTERPOL_REGIONS:
        table = members()
        return tuple(c for c in members_on(on) if table[c].interpol_region == region)
    groupings = _groupings()
    if region in groupings:
        current = {
            code
            for code, start, until in groupings[region]
            if start <= on and (until is None or on < until)
        }
        return tuple(c for c in members_on(on) if c in current)
    raise ValueError(f"'{region}' is not a region word; expected one of {', '.join(REGIONS)}")


@lru_cache(maxsize=4096)
def _expand(tokens: tuple[str, ...] | None, requesting: str, on: Date) -> tuple[str, ...]:
    wanted: set[str] = set()
    for token in ("all",) if tokens is None else tokens:
        if token in REGIONS:
            wanted.update(region_members(token, on))
        elif is_member(token, on):
            wanted.add(token)
    wanted.discard(requesting)
    return tuple(sorted(wanted))


def expand_recipients(tokens: Iterable[str] | None, requesting: str, on: Date) -> tuple[str, ...]:
    """The member countries that receive a notice or diffusion, sorted alpha-3 codes.

    Args:
        tokens: region words of vocabulary R and alpha-3 codes, mixed (as in
            ``Notice.recipients``); ``None`` means ``all``.
        requesting: the requesting country, which never receives its own request.
        on: the day of circulation; only countries that are members that day count.

    Example:
        >>> import datetime
        >>> len(expand_recipients(None, "KAZ", datetime.date(2025, 1, 10)))
        195
        >>> expand_recipients(("DEU", "FRA", "KAZ"), "KAZ", datetime.date(2025, 1, 10))
        ('DEU', 'FRA')
    """
    key = None if tokens is None else tuple(tokens)
    return _expand(key, requesting, on)
