"""Properties of the loader, checked on many generated inputs (hypothesis).

* Any mutation of a valid file — a key deleted, a value swapped for another type, junk
  inserted, a key or word misspelt — either loads or raises ``ScenarioError``; never any
  other exception.
* Any scenario built in code survives ``save_scenario`` / ``load_scenario`` unchanged.
* Arbitrary text (including binary-looking junk) never crashes the loader.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import diffusion_scenarios as ds
from diffusion_scenarios._base.yaml_io import dump_yaml
from diffusion_scenarios._facts.loader import scenario_to_dict
from diffusion_scenarios._law import vocab
from diffusion_scenarios._law.countries import members_on

VALID: dict[str, Any] = {
    "format": 1,
    "id": "joint-venture-diffusion",
    "title": "Diffusion after a failed joint venture",
    "as_of": "2025-03-01",
    "person": {
        "nationalities": ["KZ"],
        "residence": "GB",
        "profile": ["businessperson"],
        "refugee_status": {"status": "recognised", "granted_by": "GB", "granted_on": "2023-05-01"},
    },
    "notice": {
        "kind": "diffusion",
        "purpose": "arrest",
        "requesting_country": "KZ",
        "issued_on": "2025-01-10",
        "recipients": ["europe", "US"],
    },
    "case": {
        "stage": "prosecution",
        "offence": "fraud",
        "max_penalty_years": 10,
        "arrest_warrant": {"issued_on": "2024-12-20", "valid": True},
        "origin": "commercial_dispute",
        "political_context": ["state_is_party_to_dispute"],
        "extradition": [{"country": "DE", "outcome": "refused", "grounds": "political"}],
        "dual_criminality": {"GB": True},
    },
    "travel": [{"country": "FR", "date": "2025-06-01"}],
    "challenge": {"filed_on": "2025-02-01", "requests": ["access", "deletion"], "urgent": True},
}

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.dates(),
    st.lists(st.text(max_size=4), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=3),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


PATHS = _paths(VALID)


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    node = document
    for step in path[:-1]:
        node = node[step]
    return node


def _misspell(word: str, data: st.DataObject) -> str:
    if not word:
        return "x"
    index = data.draw(st.integers(0, len(word) - 1))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz_"))
    return word[:index] + letter + word[index + 1 :]


@settings(max_examples=120)
@given(data=st.data())
def test_a_mutated_valid_file_loads_or_raises_scenario_error(data: st.DataObject) -> None:
    document = copy.deepcopy(VALID)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(PATHS))
        try:
            parent = _parent(document, path)
            key = path[-1]
            current = parent[key]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this branch
        action = data.draw(st.sampled_from(["delete", "swap", "junk_key", "misspell"]))
        if action == "delete":
            del parent[key]
        elif action == "swap":
            parent[key] = data.draw(JUNK)
        elif action == "junk_key" and isinstance(current, dict):
            current[data.draw(st.text(max_size=8))] = data.draw(JUNK)
        elif action == "misspell" and isinstance(key, str) and isinstance(parent, dict):
            parent[_misspell(key, data)] = parent.pop(key)
        elif action == "misspell" and isinstance(current, str):
            parent[key] = _misspell(current, data)
    try:
        text = dump_yaml(document)
    except Exception:  # the mutation produced something YAML cannot write; nothing to test
        return
    try:
        ds.loads_scenario(text)
    except ds.ScenarioError as error:
        assert error.problems
        assert all(problem.message() for problem in error.problems)
    try:
        ds.scenario_from_dict(document)
    except ds.ScenarioError as error:
        assert error.problems


@settings(max_examples=80)
@given(text=st.text(max_size=300))
def test_arbitrary_text_loads_or_raises_scenario_error(text: str) -> None:
    try:
        ds.loads_scenario(text)
    except ds.ScenarioError as error:
        assert str(error)


@settings(max_examples=60)
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes_in_a_file_load_or_raise_scenario_error(
    raw: bytes, tmp_path_factory: Any
) -> None:
    path: Path = tmp_path_factory.mktemp("bytes") / "junk.yaml"
    path.write_bytes(raw)
    try:
        ds.load_scenario(path)
    except ds.ScenarioError as error:
        assert str(error).startswith(str(path))
    assert path.read_bytes() == raw


# -- round trip of scenarios built in code -----------------------------------------------------

DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
ISSUE_DAYS = st.dates(min_value=dt.date(2012, 1, 1), max_value=dt.date(2030, 12, 31))
MEMBERS = st.sampled_from(members_on(dt.date(2012, 1, 1)))
COUNTRIES = st.sampled_from(["NOR", "DEU", "GBR", "KAZ", "TUV", "TWN", "HKG", "XKX", "USA"])
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)
AMOUNT = st.one_of(
    st.none(),
    st.integers(0, 10**7).map(float),
    st.floats(0, 1e6, allow_nan=False, allow_infinity=False),
)


IDS = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6), min_size=1, max_size=3
).map("-".join)
RECIPIENTS = st.one_of(
    st.none(),
    st.just(("all",)),
    st.lists(
        st.one_of(st.sampled_from(vocab.REGIONS[1:]), MEMBERS), min_size=1, max_size=4, unique=True
    ).map(tuple),
)


def _words(choices: tuple[str, ...]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(choices), unique=True, max_size=3).map(tuple)


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _maybe_word(choices: tuple[str, ...]) -> st.SearchStrategy[str | None]:
    return _maybe(st.sampled_from(choices))


REFUGEE = _maybe(
    st.builds(
        ds.RefugeeStatus,
        status=st.sampled_from(vocab.REFUGEE_STATUSES),
        granted_by=_maybe(COUNTRIES),
        granted_on=_maybe(DAYS),
        feared_persecution_from=_maybe(COUNTRIES),
    )
)
PERSON = st.builds(
    ds.Person,
    nationalities=st.lists(COUNTRIES, unique=True, max_size=2).map(tuple),
    residence=_maybe(COUNTRIES),
    profile=_words(vocab.PROFILES),
    refugee_status=REFUGEE,
)
EXTRADITIONS = st.lists(
    st.builds(
        ds.ExtraditionProceeding,
        country=_maybe(COUNTRIES),
        outcome=_maybe_word(vocab.EXTRADITION_OUTCOMES),
        grounds=_maybe_word(vocab.EXTRADITION_GROUNDS),
        date=_maybe(DAYS),
    ),
    max_size=2,
).map(tuple)
CASE_FACTS = st.fixed_dictionaries(
    {
        "stage": _maybe_word(vocab.STAGES),
        "offence": _maybe_word(vocab.OFFENCES),
        "offence_summary": _maybe(TEXT),
        "max_penalty_years": AMOUNT,
        "summary_names_person_role": _maybe(st.booleans()),
        "arrest_warrant": _maybe(
            st.builds(ds.ArrestWarrant, issued_on=_maybe(DAYS), valid=_maybe(st.booleans()))
        ),
        "in_absentia": _maybe(st.booleans()),
        "origin": _maybe_word(vocab.ORIGINS),
        "amount_usd": AMOUNT,
        "civil_proceedings": _maybe(
            st.builds(ds.CivilProceedings, outcome=_maybe_word(vocab.CIVIL_OUTCOMES))
        ),
        "purpose_defects": _words(vocab.PURPOSE_DEFECTS),
        "political_context": _words(vocab.POLITICAL_INDICATORS),
        "human_rights_concerns": _words(vocab.HUMAN_RIGHTS_CONCERNS),
        "extradition": EXTRADITIONS,
        "dual_criminality": st.dictionaries(COUNTRIES, st.booleans(), max_size=3).map(
            lambda d: tuple(sorted(d.items()))
        ),
        "prior_ccf_decision": _maybe(
            st.builds(ds.PriorDecision, outcome=_maybe_word(vocab.CCF_OUTCOMES), date=_maybe(DAYS))
        ),
    }
)
SENTENCES = _maybe(st.integers(0, 600)).flatmap(
    lambda months: (
        st.just((None, None))
        if months is None
        else st.tuples(st.just(float(months)), _maybe(st.integers(0, months).map(float)))
    )
)
TRIPS = st.lists(st.builds(ds.Trip, country=COUNTRIES, date=DAYS), max_size=3).map(tuple)
CHALLENGE = _maybe(
    st.builds(
        ds.Challenge,
        filed_on=_maybe(DAYS),
        requests=_words(vocab.CHALLENGE_REQUESTS),
        urgent=_maybe(st.booleans()),
        admissible_on=_maybe(DAYS),
        ncb_responds=_maybe(st.booleans()),
    )
)


@st.composite
def scenarios(draw: st.DrawFn) -> ds.Scenario:
    requesting = draw(MEMBERS)
    kind = draw(st.sampled_from(vocab.NOTICE_KINDS))
    issued_on = draw(ISSUE_DAYS)
    if kind == "red_notice":
        recipients = draw(st.sampled_from([None, ("all",)]))
        public = draw(_maybe(st.booleans()))
    else:
        recipients = draw(RECIPIENTS)
        if recipients is not None and requesting in recipients:
            recipients = tuple(t for t in recipients if t != requesting) or None
        public = draw(st.sampled_from([None, False]))
    refused_on = draw(_maybe(DAYS))
    if refused_on is not None and refused_on > issued_on:
        refused_on = issued_on
    sentence, remaining = draw(SENTENCES)
    return ds.Scenario(
        id=draw(IDS),
        title=draw(TEXT),
        notes=draw(TEXT),
        as_of=draw(_maybe(DAYS)),
        person=draw(PERSON),
        notice=ds.Notice(
            kind=kind,
            requesting_country=requesting,
            issued_on=issued_on,
            purpose=draw(_maybe_word(vocab.PURPOSES)),
            recipients=recipients,
            public_extract=public,
            red_notice_refused_on=refused_on,
        ),
        case=ds.Case(sentence_months=sentence, remaining_months=remaining, **draw(CASE_FACTS)),
        travel=draw(TRIPS),
        challenge=draw(CHALLENGE),
    )


@settings(max_examples=60)
@given(scenario=scenarios())
def test_a_scenario_saved_as_yaml_loads_back_equal(
    scenario: ds.Scenario, tmp_path_factory: Any
) -> None:
    assert ds.scenario_from_dict(scenario_to_dict(scenario)) == scenario
    path = tmp_path_factory.mktemp("round") / "scenario.yaml"
    ds.save_scenario(scenario, path)
    assert ds.load_scenario(path) == scenario
