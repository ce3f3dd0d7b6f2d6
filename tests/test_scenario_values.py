"""Scenario values check themselves when built, by the rules a scenario file is read by.

One validation path for files, code and the explorer: building a value the loader would
refuse raises ``ScenarioError`` with the loader's own line for that field, and anything
that builds can be saved and loaded back equal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diffusion_scenarios as ds
from diffusion_scenarios._facts.loader import scenario_to_dict
from diffusion_scenarios._facts.scenario import FinalJudgment, InAbsentiaDetails
from diffusion_scenarios._law import vocab

D = dt.date
NOTICE = ds.Notice(kind="diffusion", requesting_country="KAZ", issued_on=D(2025, 1, 10))
BASE = ds.Scenario(id="values", notice=NOTICE)


def _loader_line(change: dict[str, Any], section: str) -> str:
    """The loader's message for ``BASE`` with ``change`` written into ``section``."""
    data = scenario_to_dict(BASE)
    data[section] = {**data.get(section, {}), **change}
    with pytest.raises(ds.ScenarioError) as caught:
        ds.scenario_from_dict(data)
    return str(caught.value)


def test_a_sentence_shorter_than_what_remains_of_it_cannot_be_built() -> None:
    with pytest.raises(ds.ScenarioError) as caught:
        ds.Case(sentence_months=3, remaining_months=10)
    assert str(caught.value) == (
        "case.remaining_months: expected no more than case.sentence_months (3), found 10"
    )
    assert str(caught.value) == _loader_line({"sentence_months": 3, "remaining_months": 10}, "case")


@pytest.mark.parametrize(
    ("section", "change"),
    [
        ("case", {"offence": "frod"}),
        ("case", {"max_penalty_years": -3}),
        ("case", {"cheque_count": 0}),
        ("case", {"political_context": ("journalist", "journalist")}),
        ("case", {"retrial_guaranteed": True,
                  "in_absentia_details": {"retrial_guaranteed": False}}),
        ("notice", {"kind": "yellow_notice"}),
        ("notice", {"issued_on": D(1850, 1, 1)}),
        ("notice", {"requesting_country": "PLW", "issued_on": D(2020, 1, 1)}),
        ("notice", {"recipients": ("KAZ",)}),
        ("notice", {"public_extract": True}),
        ("notice", {"red_notice_refused_on": D(2025, 2, 1)}),
    ],
)  # fmt: skip
def test_building_a_bad_value_raises_the_loaders_line_for_that_field(
    section: str, change: dict[str, Any]
) -> None:
    expected = _loader_line({key: _plain(value) for key, value in change.items()}, section)
    built = {key: _value(key, value) for key, value in change.items()}
    with pytest.raises(ds.ScenarioError) as caught:
        if section == "case":
            ds.Case(**built)
        else:
            dataclasses.replace(NOTICE, **built)
    assert str(caught.value) == expected


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _value(key: str, value: Any) -> Any:
    if key == "in_absentia_details":
        return InAbsentiaDetails(**value)
    return value


def test_a_country_must_be_given_as_the_alpha_3_code_a_file_gives_back() -> None:
    with pytest.raises(ds.ScenarioError, match=r"notice.requesting_country: expected 'KAZ'"):
        dataclasses.replace(NOTICE, requesting_country="KZ")
    with pytest.raises(ds.ScenarioError, match=r"travel\[\*\].country: expected a country"):
        ds.Trip(country="Atlantis", date=D(2025, 1, 1))


def test_a_scenario_id_must_be_one_a_file_can_hold() -> None:
    with pytest.raises(ds.ScenarioError, match="id: expected an id of lower-case letters"):
        dataclasses.replace(BASE, id="Bad Id")


# -- any scenario that builds can be saved and loaded back equal ------------------------------


def _mostly(valid: st.SearchStrategy[Any], noise: st.SearchStrategy[Any]) -> Any:
    """Usually a valid value, sometimes one the checks should refuse."""
    return st.sampled_from(range(8)).flatmap(lambda pick: noise if pick == 0 else valid)


WORD_NOISE = st.sampled_from(["", "Fraud", "x", "all"])
COUNTRIES = _mostly(
    st.sampled_from(["NOR", "KAZ", "GBR", "DEU", "FRA", "USA"]),
    st.sampled_from(["PLW", "TWN", "KZ", "Norway", "XXX"]),
)
DAYS = _mostly(
    st.dates(min_value=D(2012, 1, 1), max_value=D(2030, 12, 31)),
    st.dates(min_value=D(1880, 1, 1), max_value=D(2230, 12, 31)),
)
NUMBERS = _mostly(
    st.one_of(st.none(), st.sampled_from([0.0, 3.0, 6.5, 120.0]), st.floats(0, 1e6)),
    st.one_of(st.floats(), st.integers(-5, 10**16)),
)
TEXTS = st.text(max_size=30)
BOOLS = _mostly(st.sampled_from([None, None, True, False]), st.just(0))


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _word(choices: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return _maybe(_mostly(st.sampled_from(choices), WORD_NOISE))


def _words(choices: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return st.lists(_mostly(st.sampled_from(choices), WORD_NOISE), max_size=3).map(tuple)


def _built(cls: type, **strategies: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``cls`` built from the drawn fields, or ``None`` where building refused them."""

    def attempt(**values: Any) -> Any:
        try:
            return cls(**values)
        except ds.ScenarioError:
            return None

    return st.builds(attempt, **strategies)


CASES = _built(
    ds.Case,
    stage=_word(vocab.STAGES),
    offence=_word(vocab.OFFENCES),
    offence_summary=_maybe(TEXTS),
    max_penalty_years=NUMBERS,
    sentence_months=NUMBERS,
    remaining_months=NUMBERS,
    retrial_guaranteed=BOOLS,
    in_absentia_details=_built(InAbsentiaDetails, retrial_guaranteed=BOOLS),
    cheque_count=NUMBERS,
    amount_usd=NUMBERS,
    political_context=_words(vocab.POLITICAL_INDICATORS),
    extradition=st.lists(
        _built(ds.ExtraditionProceeding, country=_maybe(COUNTRIES), date=_maybe(DAYS),
               grounds=_word(vocab.EXTRADITION_GROUNDS)),
        max_size=2,
    ).map(lambda items: tuple(item for item in items if item is not None)),
    dual_criminality=_mostly(
        st.dictionaries(COUNTRIES, st.booleans(), max_size=3).map(
            lambda pairs: tuple(sorted(pairs.items()))
        ),
        st.lists(st.tuples(COUNTRIES, st.booleans()), max_size=3).map(tuple),
    ),
    final_judgment=_built(FinalJudgment, country=_maybe(COUNTRIES), date=_maybe(DAYS)),
)  # fmt: skip
NOTICES = _built(
    ds.Notice,
    kind=_mostly(st.sampled_from(vocab.NOTICE_KINDS), WORD_NOISE),
    requesting_country=COUNTRIES,
    issued_on=DAYS,
    purpose=_word(vocab.PURPOSES),
    recipients=_mostly(st.none(), st.lists(st.one_of(COUNTRIES, st.sampled_from(
        vocab.REGIONS)), max_size=3).map(tuple)),
    public_extract=_mostly(st.sampled_from([None, False]), BOOLS),
    red_notice_refused_on=_mostly(st.none(), DAYS),
)  # fmt: skip
SCENARIOS = _built(
    ds.Scenario,
    id=_mostly(st.sampled_from(["a", "ccf-2019-u1"]), st.sampled_from(["Bad Id", "-x", ""])),
    title=_mostly(TEXTS, st.none()),
    notes=TEXTS,
    as_of=_maybe(DAYS),
    notice=NOTICES,
    person=_built(ds.Person, nationalities=st.lists(COUNTRIES, max_size=2).map(tuple),
                  residence=_maybe(COUNTRIES), profile=_words(vocab.PROFILES)),
    case=CASES.map(lambda case: case or ds.Case()),
    travel=st.lists(_built(ds.Trip, country=COUNTRIES, date=DAYS), max_size=2).map(
        lambda trips: tuple(trip for trip in trips if trip is not None)
    ),
    challenge=_maybe(_built(ds.Challenge, filed_on=_maybe(DAYS),
                            requests=_words(vocab.CHALLENGE_REQUESTS), urgent=BOOLS)),
)  # fmt: skip


@settings(max_examples=200)
@given(scenario=SCENARIOS)
def test_any_scenario_that_builds_is_saved_and_loaded_back_equal(
    scenario: ds.Scenario | None, tmp_path_factory: Any
) -> None:
    if scenario is None:  # refused when built: nothing to save
        return
    path: Path = tmp_path_factory.mktemp("values") / "scenario.yaml"
    ds.save_scenario(scenario, path)
    assert ds.load_scenario(path) == scenario
