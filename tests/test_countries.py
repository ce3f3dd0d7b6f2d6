"""Country names, membership by date, regions, recipients and national practice."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffusion_scenarios._law import countries, reference
from diffusion_scenarios._law.vocab import REGIONS

D = dt.date


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("NO", "NOR"),
        ("no", "NOR"),
        ("NOR", "NOR"),
        ("Norway", "NOR"),
        ("  norway ", "NOR"),
        ("DE", "DEU"),
        ("Germany", "DEU"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("UK", "GBR"),
        ("Great Britain", "GBR"),
        ("United Kingdom", "GBR"),
        ("USA", "USA"),
        ("US", "USA"),
        ("United States of America", "USA"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("South Korea", "KOR"),
        ("Korea, Republic of", "KOR"),
        ("North Korea", "PRK"),
        ("Vietnam", "VNM"),
        ("Viet Nam", "VNM"),
        ("Moldova", "MDA"),
        ("Bolivia", "BOL"),
        ("Venezuela", "VEN"),
        ("Tanzania", "TZA"),
        ("Czech Republic", "CZE"),
        ("Czechia", "CZE"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Vatican", "VAT"),
        ("Holy See", "VAT"),
        ("Palestine", "PSE"),
        ("Micronesia", "FSM"),
        ("UAE", "ARE"),
        ("Hong Kong", "HKG"),
        ("Kosovo", "XKX"),
        ("XK", "XKX"),
    ],
)
def test_what_a_lawyer_types_resolves_to_the_iso_code(typed: str, code: str) -> None:
    assert countries.resolve_country(typed) == code


@pytest.mark.parametrize("typed", ["Atlantis", "", "XX", "Europe", "EU", "Narnia"])
def test_what_is_not_a_country_does_not_resolve(typed: str) -> None:
    assert countries.resolve_country(typed) is None


def test_misspelt_country_names_get_a_suggestion_but_codes_do_not() -> None:
    assert countries.suggest_country("Germny") == "Germany"
    assert countries.suggest_country("Kazakstan") == "Kazakhstan"
    assert countries.suggest_country("XX") is None


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("GBR", "United Kingdom"),
        ("BOL", "Bolivia"),
        ("COD", "Democratic Republic of the Congo"),
        ("PSE", "Palestine"),
        ("XKX", "Kosovo"),
        ("TUR", "Türkiye"),
    ],
)
def test_country_names_are_short_english_names(code: str, name: str) -> None:
    assert countries.country_name(code) == name


def test_no_country_name_is_an_inverted_iso_form() -> None:
    inverted = re.compile(r", (the|republic|state|federated|islamic|united|bolivarian|"
                          r"plurinational|democratic|province)\b", re.IGNORECASE)  # fmt: skip
    for code in countries.all_country_codes():
        assert not inverted.search(countries.country_name(code)), code


def test_an_unknown_code_has_no_name() -> None:
    with pytest.raises(LookupError, match="ZZZ"):
        countries.country_name("ZZZ")


def test_membership_starts_on_the_admission_day() -> None:
    assert not countries.is_member("FSM", D(2021, 11, 22))
    assert countries.is_member("FSM", D(2021, 11, 23))
    assert not countries.is_member("PSE", D(2017, 1, 1))
    assert countries.is_member("PSE", D(2017, 12, 1))


def test_non_members_are_never_members() -> None:
    for code in ("TUV", "PRK", "TWN", "XKX", "HKG"):
        assert not countries.is_member(code, D(2025, 1, 1))


def test_interpol_region_of_members_and_refusal_for_non_members() -> None:
    assert countries.interpol_region("CAN") == "americas"
    assert countries.interpol_region("ISR") == "europe"
    assert countries.interpol_region("ARE") == "middle_east_north_africa"
    with pytest.raises(LookupError, match="not an INTERPOL member"):
        countries.interpol_region("TUV")


def test_the_uk_is_in_the_eu_region_until_brexit_and_not_after() -> None:
    assert "GBR" in countries.region_members("eu", D(2020, 1, 31))
    assert "GBR" not in countries.region_members("eu", D(2020, 2, 1))


def test_croatia_joins_schengen_on_1_january_2023() -> None:
    assert "HRV" not in countries.region_members("schengen", D(2022, 12, 31))
    assert "HRV" in countries.region_members("schengen", D(2023, 1, 1))
    assert "HRV" in countries.region_members("eu", D(2013, 7, 1))
    assert "HRV" not in countries.region_members("eu", D(2013, 6, 30))


def test_bulgaria_and_romania_count_in_schengen_from_the_air_and_sea_accession() -> None:
    assert "BGR" not in countries.region_members("schengen", D(2024, 3, 30))
    assert {"BGR", "ROU"} <= set(countries.region_members("schengen", D(2024, 3, 31)))


def test_schengen_includes_non_eu_states_and_excludes_ireland_and_cyprus() -> None:
    schengen = set(countries.region_members("schengen", D(2025, 6, 1)))
    eu = set(countries.region_members("eu", D(2025, 6, 1)))
    assert {"NOR", "ISL", "CHE", "LIE"} <= schengen - eu
    assert {"IRL", "CYP"} <= eu - schengen


def test_an_unknown_region_word_is_refused() -> None:
    with pytest.raises(ValueError, match="not a region word"):
        countries.region_members("europa", D(2025, 1, 1))


def test_all_recipients_means_every_other_member_that_day() -> None:
    after_palau = countries.expand_recipients(None, "KAZ", D(2025, 1, 10))
    assert len(after_palau) == 195
    assert "KAZ" not in after_palau
    assert after_palau == tuple(sorted(after_palau))
    before_palau = countries.expand_recipients(("all",), "KAZ", D(2023, 1, 10))
    assert len(before_palau) == 194
    assert "PLW" not in before_palau


def test_recipients_mix_regions_and_countries_without_the_requesting_country() -> None:
    got = countries.expand_recipients(("europe", "USA"), "RUS", D(2025, 1, 10))
    assert "USA" in got
    assert "RUS" not in got
    assert "DEU" in got
    assert len(got) == 51  # 51 European members, less Russia, plus the United States


def test_recipients_leave_out_countries_not_members_that_day() -> None:
    got = countries.expand_recipients(("PLW", "FRA"), "KAZ", D(2023, 6, 1))
    assert got == ("FRA",)


def test_practice_uses_the_countrys_own_row_when_there_is_one() -> None:
    usa = reference.country_practice("USA")
    assert usa.basis == "country"
    assert usa.red_notice_arrest == "no"
    assert usa.sources and all(url.startswith("http") for url in usa.sources)
    germany = reference.country_practice("DEU")
    assert germany.own_nationals == "prohibited"
    assert germany.basis == "country"
    assert germany.red_notice_arrest == "yes"  # IRG § 19, RiVASt No. 36 (PA-DE-1)
    assert germany.verification == "primary"
    ireland = reference.country_practice("IRL")  # a High Court warrant first (PA-IE-2)
    assert (ireland.basis, ireland.red_notice_arrest) == ("country", "conditional")
    assert "High Court" in ireland.detail


def test_an_eu_state_without_a_finding_falls_back_to_the_bloc_as_a_medium_presumption() -> None:
    hungary = reference.country_practice("HUN")
    assert hungary.basis == "eu_bloc"
    assert hungary.confidence == "medium"  # a presumption: never high (PA-GEN-1)
    assert hungary.rule == "arrest-eu-presumption"
    assert hungary.red_notice_arrest == "yes"
    assert "EU-wide" in hungary.detail
    austria = reference.country_practice("AUT")  # own row on nationals, none on arrest
    assert austria.basis == "eu_bloc"
    assert austria.own_nationals == "conditional"


def test_a_non_eu_country_without_a_row_is_unknown() -> None:
    tuvalu = reference.country_practice("TUV")
    assert (tuvalu.red_notice_arrest, tuvalu.own_nationals, tuvalu.basis) == (
        "unknown",
        "unknown",
        "none",
    )
    assert tuvalu.sources == ()
    assert reference.country_practice("GBR").basis == "country"  # left the EU, own row


def test_statistics_are_looked_up_by_metric_and_year() -> None:
    figure = reference.statistic("red_notices_issued", 2021)
    assert figure is not None
    assert figure.value == 10776
    assert figure.source_url.startswith("http")
    assert reference.statistic("red_notices_issued", 1901) is None
    assert reference.statistic("no_such_metric", 2021) is None


def test_every_iso_country_in_pycountry_resolves_and_is_named_as_pycountry_names_it() -> None:
    import pycountry

    overridden = {"COD", "FSM", "PSE", "VGB", "VIR"}  # word order only, see _NAME_OVERRIDES
    for country in pycountry.countries:
        assert countries.resolve_country(country.alpha_2) == country.alpha_3
        assert countries.resolve_country(country.name) == country.alpha_3
        if country.alpha_3 not in overridden:
            expected = getattr(country, "common_name", None) or country.name
            assert countries.country_name(country.alpha_3) == expected
    assert len(countries.all_country_codes()) == len(pycountry.countries) + 1  # + Kosovo


def test_importing_the_package_and_resolving_countries_does_not_import_pycountry() -> None:
    import subprocess
    import sys

    code = (
        "import sys, diffusion_scenarios._law.countries as c; c.resolve_country('NO'); "
        "print('pycountry' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("place", "member"),
    [
        ("FRA", "FRA"),
        ("HKG", "CHN"),
        ("MAC", "CHN"),
        ("GIB", "GBR"),
        ("CYM", "GBR"),
        ("PRI", "USA"),
        ("REU", "FRA"),
        ("GRL", "DNK"),
        ("TWN", None),
        ("TUV", None),
        ("PRK", None),
        ("XKX", None),
    ],
)
def test_a_territory_is_served_by_the_ncb_of_its_member_state(
    place: str, member: str | None
) -> None:
    assert countries.served_by(place) == member


def test_every_territory_row_names_a_member_a_basis_and_a_confidence() -> None:
    import csv
    import io
    from importlib import resources

    text = (
        resources.files("diffusion_scenarios.data").joinpath("territories.csv").read_text("utf-8")
    )
    for row in csv.DictReader(io.StringIO(text)):
        assert countries.member(row["alpha3"]) is None, row["alpha3"]  # not a member itself
        assert countries.member(row["served_by"]) is not None
        assert row["relation"] in {"sub_bureau", "integral_part", "dependency"}
        assert row["source"]
        assert row["confidence"] in {"high", "medium", "low"}


# -- properties of recipient expansion, on generated inputs ------------------------------------

TOKENS = st.lists(
    st.one_of(st.sampled_from(REGIONS), st.sampled_from(countries.all_country_codes())),
    max_size=6,
).map(tuple)
DAYS = st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31))
REQUESTERS = st.sampled_from(countries.members_on(D(2000, 1, 1)))


@given(tokens=st.one_of(st.none(), TOKENS), requesting=REQUESTERS, day=DAYS)
def test_recipients_are_sorted_members_that_day_never_the_requester(
    tokens: tuple[str, ...] | None, requesting: str, day: dt.date
) -> None:
    got = countries.expand_recipients(tokens, requesting, day)
    assert list(got) == sorted(set(got))
    assert requesting not in got
    assert set(got) <= set(countries.members_on(day))
    everyone = countries.expand_recipients(None, requesting, day)
    assert set(got) <= set(everyone)
    assert len(everyone) == len(countries.members_on(day)) - 1
