"""The shipped reference data is complete, consistent and sourced.

These tests read the CSV files as a user of ``data/`` would and check the facts the
engine relies on: membership counts on the dates INTERPOL's General Assemblies changed
them, valid regions, unique codes, names from pycountry, and a source on every row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from importlib import resources

import pycountry
import pytest

from diffusion_scenarios._law import countries, reference
from diffusion_scenarios._law.vocab import INTERPOL_REGIONS

D = dt.date


def rows(name: str) -> list[dict[str, str]]:
    text = resources.files("diffusion_scenarios.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


# -- membership ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "count", "why"),
    [
        (D(2011, 10, 30), 187, "before the 80th General Assembly (Hanoi)"),
        (D(2011, 11, 15), 190, "Curacao, Sint Maarten and South Sudan admitted at Hanoi"),
        (D(2017, 9, 26), 190, "the day before Palestine and Solomon Islands were admitted"),
        (D(2017, 10, 1), 192, "after the 86th General Assembly (Beijing)"),
        (D(2018, 11, 17), 192, "the day before the 87th General Assembly (Dubai)"),
        (D(2019, 6, 1), 194, "Kiribati and Vanuatu admitted at Dubai"),
        (D(2021, 11, 22), 194, "the day before Micronesia was admitted"),
        (D(2021, 11, 23), 195, "Micronesia admitted at the 89th General Assembly"),
        (D(2022, 6, 1), 195, "between Micronesia and Palau"),
        (D(2023, 11, 28), 195, "the day before Palau was admitted"),
        (D(2023, 11, 29), 196, "Palau admitted at the 91st General Assembly (Vienna)"),
        (D(2026, 11, 27), 196, "today"),
    ],
)
def test_membership_count_changes_on_the_general_assembly_dates(
    day: dt.date, count: int, why: str
) -> None:
    assert len(countries.members_on(day)) == count, why


def test_there_are_196_member_rows_with_unique_valid_codes() -> None:
    table = rows("member_countries.csv")
    codes = [row["alpha3"] for row in table]
    assert len(codes) == 196
    assert len(set(codes)) == 196
    for code in codes:
        assert pycountry.countries.get(alpha_3=code) is not None, code


def test_every_member_has_a_valid_region_date_basis_and_source() -> None:
    for row in rows("member_countries.csv"):
        assert row["interpol_region"] in INTERPOL_REGIONS, row["alpha3"]
        D.fromisoformat(row["admitted_on"])
        assert row["admitted_on"].startswith(row["admitted_month"]), row["alpha3"]
        assert row["admitted_on_basis"] in {
            "source_day",
            "general_assembly_day",
            "constitution_in_force",
            "first_of_month",
        }
        assert row["source"], row["alpha3"]
        assert row["region_source"], row["alpha3"]
        assert row["date_confidence"] in {"high", "medium", "low"}
        assert row["region_confidence"] in {"high", "medium", "low"}


def test_the_csv_keeps_interpol_facts_only_and_names_come_from_pycountry() -> None:
    header = set(rows("member_countries.csv")[0])
    assert not header & {"name", "iso2", "alpha2", "country"}
    assert countries.country_name("KOR") == pycountry.countries.get(alpha_3="KOR").common_name
    assert countries.country_name("FRA") == pycountry.countries.get(alpha_3="FRA").name


def test_continuing_members_date_from_the_1956_constitution() -> None:
    gbr = countries.member("GBR")
    assert gbr is not None
    assert gbr.admitted_on == D(1956, 6, 13)
    assert gbr.admitted_on_basis == "constitution_in_force"


def test_non_members_are_not_in_the_table() -> None:
    for code in ("TUV", "PRK", "TWN", "ESH", countries.KOSOVO):
        assert countries.member(code) is None


def test_region_counts_match_the_documented_assignment() -> None:
    today = D(2025, 1, 1)
    counts = {region: len(countries.region_members(region, today)) for region in INTERPOL_REGIONS}
    assert counts == {
        "africa": 49,
        "americas": 38,
        "asia_south_pacific": 41,
        "europe": 51,
        "middle_east_north_africa": 17,
    }


def test_regions_confirmed_by_a_source_are_high_confidence() -> None:
    confirmed = {
        row["alpha3"] for row in rows("member_countries.csv") if row["region_source"] != "assumed"
    }
    assert confirmed == {"CAN", "ISR"}
    for code in confirmed:
        assert countries.member(code).region_confidence == "high"  # type: ignore[union-attr]


# -- EU and Schengen --------------------------------------------------------------------------


def test_eu_and_schengen_rows_have_dates_sources_and_confidence() -> None:
    for row in rows("eu_schengen.csv"):
        assert row["grouping"] in {"eu", "schengen"}
        assert pycountry.countries.get(alpha_3=row["alpha3"]) is not None
        start = D.fromisoformat(row["member_from"])
        if row["member_until"]:
            assert D.fromisoformat(row["member_until"]) > start
        assert row["source"].startswith("https://")
        assert row["confidence"] in {"high", "medium", "low"}


def test_today_the_eu_has_27_members_and_schengen_29() -> None:
    today = D(2026, 1, 1)
    assert len(countries.region_members("eu", today)) == 27
    assert len(countries.region_members("schengen", today)) == 29
    schengen = set(countries.region_members("schengen", today))
    assert {"ISL", "NOR", "CHE", "LIE"} <= schengen
    assert not {"CYP", "IRL"} & schengen


# -- country practice and statistics -------------------------------------------------------------


def test_every_practice_row_has_a_source_confidence_and_normalised_answers() -> None:
    table = rows("country_practice.csv")
    assert sum(row["scope"] == "eu_bloc" for row in table) == 1
    for row in table:
        label = row["alpha3"] or "eu_bloc"
        assert row["source_url"].startswith("http"), label
        assert row["confidence"] in {"high", "medium", "low"}, label
        assert row["red_notice_arrest"] in reference.RED_NOTICE_ARREST, label
        assert row["own_nationals"] in reference.OWN_NATIONALS, label
        assert row["red_notice_verification"] in {"primary", "secondary", "unverified"}
        assert row["nationals_verification"] in {"primary", "secondary", "unverified"}
        assert row["red_notice_arrest_raw"], label  # the source wording is kept


def test_practice_rows_are_for_members_and_appear_once() -> None:
    codes = [row["alpha3"] for row in rows("country_practice.csv") if row["alpha3"]]
    assert len(codes) == len(set(codes))
    assert all(countries.member(code) is not None for code in codes)


def test_an_unknown_answer_is_never_marked_verified() -> None:
    for practice in reference.practice_rows():
        if practice.red_notice_arrest == "unknown":
            assert practice.verification == "unverified", practice.country
        if practice.own_nationals == "unknown":
            assert practice.nationals_verification == "unverified", practice.country


def test_every_statistic_has_a_source_and_a_confidence() -> None:
    figures = reference.statistics()
    assert len(figures) == len(rows("statistics.csv")) >= 100
    for figure in figures:
        assert figure.source_url.startswith("http"), figure.metric
        assert figure.confidence in {"high", "medium", "low"}
        assert figure.figure_kind in {
            "reported",
            "approximate",
            "lower_bound",
            "derived",
            "alternative_statement",
        }
    keys = [(figure.metric, figure.year) for figure in figures]
    assert len(keys) == len(set(keys))


def test_derived_and_approximate_figures_are_never_high_confidence() -> None:
    for figure in reference.statistics():
        if figure.figure_kind != "reported":
            assert figure.confidence == "low", (figure.metric, figure.year)


def test_published_member_counts_agree_with_the_membership_table() -> None:
    for figure in reference.statistics():
        if figure.metric == "member_countries" and figure.year >= 2011:
            year_end = D(figure.year, 12, 31)
            assert len(countries.members_on(year_end)) == int(figure.value), figure.year
