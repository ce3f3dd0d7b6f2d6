"""Reading scenario files: every field, every vocabulary, YAML and JSON, round trips."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios._facts.loader import scenario_to_dict
from diffusion_scenarios._law import vocab

D = dt.date

FULL = """\
format: 1
id: joint-venture-diffusion
title: Diffusion after a failed joint venture
as_of: 2025-03-01
notes: free text shown in reports
person:
  nationalities: [KZ, Norway]
  residence: GB
  profile: [businessperson, activist]
  refugee_status:
    status: recognised
    granted_by: GB
    granted_on: 2023-05-01
    feared_persecution_from: KZ
notice:
  kind: diffusion
  purpose: arrest
  requesting_country: KZ
  issued_on: 2025-01-10
  recipients: [europe, US, NO]
  public_extract: false
  red_notice_refused_on: 2024-12-01
case:
  stage: prosecution
  offence: fraud
  offence_summary: Alleged diversion of investor funds from a joint venture
  max_penalty_years: 10
  sentence_months: null
  remaining_months: null
  summary_names_person_role: true
  arrest_warrant:
    issued_on: 2024-12-20
    valid: true
  in_absentia: false
  retrial_guaranteed: null
  limitation_expired: false
  origin: commercial_dispute
  organised_crime_link: false
  amount_usd: 250000.5
  civil_proceedings:
    outcome: in_favour_of_person
  purpose_defects: [location_known_and_no_extradition_sought]
  co_accused_deleted: false
  political_context: [state_is_party_to_dispute]
  human_rights_concerns: [unfair_trial]
  requesting_state_sought_extradition: false
  extradition:
    - country: DE
      outcome: refused
      grounds: political
      date: 2024-10-02
    - outcome: pending
  dual_criminality:
    GB: true
    NO: false
  prior_ccf_decision:
    outcome: not_compliant
    date: 2022-06-30
travel:
  - country: FR
    date: 2025-06-01
  - country: United Arab Emirates
    date: 2025-07-15
challenge:
  filed_on: 2025-02-01
  requests: [access, deletion]
  urgent: true
  admissible_on: null
  ncb_responds: null
"""


HEAD = (
    "format: 1\nid: b\nnotice: {kind: diffusion, requesting_country: KZ, issued_on: 2025-01-10}\n"
)


def minimal(**notice: Any) -> dict[str, Any]:
    base = {"kind": "diffusion", "requesting_country": "KZ", "issued_on": "2025-01-10"}
    base.update(notice)
    return {"format": 1, "id": "minimal", "notice": base}


def test_the_full_example_of_the_format_loads_with_every_fact() -> None:
    scenario = ds.loads_scenario(FULL)
    assert scenario.id == "joint-venture-diffusion"
    assert scenario.as_of == D(2025, 3, 1)
    assert scenario.person.nationalities == ("KAZ", "NOR")
    assert scenario.person.residence == "GBR"
    assert scenario.person.refugee_status == ds.RefugeeStatus(
        status="recognised",
        granted_by="GBR",
        granted_on=D(2023, 5, 1),
        feared_persecution_from="KAZ",
    )
    notice = scenario.notice
    assert (notice.kind, notice.purpose, notice.requesting_country) == (
        "diffusion",
        "arrest",
        "KAZ",
    )
    assert notice.recipients == ("europe", "USA", "NOR")
    assert notice.public_extract is False
    assert notice.red_notice_refused_on == D(2024, 12, 1)
    case = scenario.case
    assert case.max_penalty_years == 10.0
    assert case.sentence_months is None  # null means unknown
    assert case.retrial_guaranteed is None
    assert case.arrest_warrant == ds.ArrestWarrant(issued_on=D(2024, 12, 20), valid=True)
    assert case.amount_usd == 250000.5
    assert case.civil_proceedings == ds.CivilProceedings(outcome="in_favour_of_person")
    assert case.extradition == (
        ds.ExtraditionProceeding(
            country="DEU", outcome="refused", grounds="political", date=D(2024, 10, 2)
        ),
        ds.ExtraditionProceeding(outcome="pending"),
    )
    assert case.dual_criminality == (("GBR", True), ("NOR", False))
    assert case.dual_criminality_in("NOR") is False
    assert case.prior_ccf_decision == ds.PriorDecision(outcome="not_compliant", date=D(2022, 6, 30))
    assert scenario.travel == (
        ds.Trip(country="FRA", date=D(2025, 6, 1)),
        ds.Trip(country="ARE", date=D(2025, 7, 15)),
    )
    assert scenario.challenge == ds.Challenge(
        filed_on=D(2025, 2, 1), requests=("access", "deletion"), urgent=True
    )


def test_norway_written_as_NO_is_norway_not_false() -> None:
    scenario = ds.scenario_from_dict(minimal(requesting_country="NO"))
    assert scenario.notice.requesting_country == "NOR"
    text = (
        "format: 1\nid: n\n"
        "notice: {kind: red_notice, requesting_country: NO, issued_on: 2024-01-01}\n"
    )
    assert ds.loads_scenario(text).notice.requesting_country == "NOR"


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "NO", "y"])
def test_yaml_11_booleans_are_not_booleans(word: str) -> None:
    text = f"{HEAD}case: {{in_absentia: {word}}}\n"
    with pytest.raises(ds.ScenarioError, match=r"case\.in_absentia: expected true or false"):
        ds.loads_scenario(text)


@pytest.mark.parametrize("word", ["true", "True", "TRUE", "false", "False"])
def test_true_and_false_are_booleans(word: str) -> None:
    text = f"{HEAD}case: {{in_absentia: {word}}}\n"
    assert ds.loads_scenario(text).case.in_absentia is (word.lower() == "true")


def test_a_scenario_with_only_the_required_facts_leaves_everything_else_unknown() -> None:
    scenario = ds.scenario_from_dict(minimal())
    assert scenario.as_of is None
    assert scenario.notice.purpose is None
    assert scenario.notice.recipients is None
    assert scenario.case == ds.Case()
    assert scenario.person == ds.Person()
    assert scenario.challenge is None
    assert scenario.travel == ()


# -- vocabularies: every word of every vocabulary is accepted where it belongs -----------------

VOCABULARY_FIELDS = [
    (("notice", "kind"), vocab.NOTICE_KINDS, lambda s: s.notice.kind),
    (("notice", "purpose"), vocab.PURPOSES, lambda s: s.notice.purpose),
    (("case", "stage"), vocab.STAGES, lambda s: s.case.stage),
    (("case", "offence"), vocab.OFFENCES, lambda s: s.case.offence),
    (("case", "origin"), vocab.ORIGINS, lambda s: s.case.origin),
]


@pytest.mark.parametrize(("where", "words", "read"), VOCABULARY_FIELDS)
def test_every_word_of_a_single_word_vocabulary_is_accepted(
    where: Any, words: Any, read: Any
) -> None:
    for word in words:
        data = minimal()
        data.setdefault(where[0], {})[where[1]] = word
        assert read(ds.scenario_from_dict(data)) == word


LIST_FIELDS = [
    (("person", "profile"), vocab.PROFILES, lambda s: s.person.profile),
    (("case", "purpose_defects"), vocab.PURPOSE_DEFECTS, lambda s: s.case.purpose_defects),
    (("case", "political_context"), vocab.POLITICAL_INDICATORS, lambda s: s.case.political_context),
    (
        ("case", "human_rights_concerns"),
        vocab.HUMAN_RIGHTS_CONCERNS,
        lambda s: s.case.human_rights_concerns,
    ),
    (("challenge", "requests"), vocab.CHALLENGE_REQUESTS, lambda s: s.challenge.requests),
]


@pytest.mark.parametrize(("where", "words", "read"), LIST_FIELDS)
def test_every_word_of_a_list_vocabulary_is_accepted_in_order(
    where: Any, words: Any, read: Any
) -> None:
    data = minimal()
    data[where[0]] = {where[1]: list(reversed(words))}
    assert read(ds.scenario_from_dict(data)) == tuple(reversed(words))


@pytest.mark.parametrize(
    ("section", "key", "words"),
    [
        ("refugee_status", "status", vocab.REFUGEE_STATUSES),
        ("civil_proceedings", "outcome", vocab.CIVIL_OUTCOMES),
        ("prior_ccf_decision", "outcome", vocab.CCF_OUTCOMES),
    ],
)
def test_every_word_of_a_nested_vocabulary_is_accepted(section: str, key: str, words: Any) -> None:
    for word in words:
        data = minimal()
        if section == "refugee_status":
            data["person"] = {section: {key: word}}
            assert ds.scenario_from_dict(data).person.refugee_status.status == word  # type: ignore[union-attr]
        else:
            data["case"] = {section: {key: word}}
            assert getattr(getattr(ds.scenario_from_dict(data).case, section), key) == word


def test_every_extradition_outcome_and_ground_is_accepted() -> None:
    entries = [
        {"outcome": outcome, "grounds": grounds}
        for outcome in vocab.EXTRADITION_OUTCOMES
        for grounds in vocab.EXTRADITION_GROUNDS
    ]
    data = minimal()
    data["case"] = {"extradition": entries}
    loaded = ds.scenario_from_dict(data).case.extradition
    assert [(e.outcome, e.grounds) for e in loaded] == [
        (e["outcome"], e["grounds"]) for e in entries
    ]


def test_a_vocabulary_word_in_another_case_is_refused_with_the_right_spelling() -> None:
    data = minimal()
    data["case"] = {"offence": "Money Laundering"}
    with pytest.raises(ds.ScenarioError, match="did you mean 'money_laundering'"):
        ds.scenario_from_dict(data)


def test_a_single_word_where_a_list_is_expected_counts_as_a_list_of_one() -> None:
    data = minimal()
    data["person"] = {"profile": "journalist", "nationalities": "KZ"}
    person = ds.scenario_from_dict(data).person
    assert person.profile == ("journalist",)
    assert person.nationalities == ("KAZ",)


def test_a_repeated_word_or_country_is_reported() -> None:
    data = minimal()
    data["person"] = {"profile": ["journalist", "journalist"], "nationalities": ["KZ", "KAZ"]}
    with pytest.raises(ds.ScenarioError) as caught:
        ds.scenario_from_dict(data)
    paths = [p.path for p in caught.value.problems]
    assert paths == ["person.nationalities[1]", "person.profile[1]"]


# -- field types ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("max_penalty_years", 0, 0.0),
        ("max_penalty_years", 2.5, 2.5),
        ("sentence_months", 60, 60.0),
        ("amount_usd", 1_000_000, 1_000_000.0),
    ],
)
def test_numbers_accept_zero_and_fractions(key: str, value: Any, expected: float) -> None:
    data = minimal()
    data["case"] = {key: value}
    assert getattr(ds.scenario_from_dict(data).case, key) == expected


@pytest.mark.parametrize("bad", [-1, True, "10", [10], float("nan"), float("inf")])
def test_numbers_refuse_negatives_booleans_text_and_non_finite(bad: Any) -> None:
    data = minimal()
    data["case"] = {"max_penalty_years": bad}
    with pytest.raises(ds.ScenarioError, match=r"case\.max_penalty_years: expected a number"):
        ds.scenario_from_dict(data)


@pytest.mark.parametrize("bad", ["true", 1, 0, "maybe", []])
def test_booleans_refuse_anything_but_true_false_or_null(bad: Any) -> None:
    data = minimal()
    data["challenge"] = {"urgent": bad}
    with pytest.raises(ds.ScenarioError, match=r"challenge\.urgent: expected true or false"):
        ds.scenario_from_dict(data)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-02-29", D(2024, 2, 29)), (D(2020, 1, 1), D(2020, 1, 1))],
)
def test_dates_accept_iso_strings_and_date_objects(value: Any, expected: dt.date) -> None:
    data = minimal(issued_on=value)
    assert ds.scenario_from_dict(data).notice.issued_on == expected


@pytest.mark.parametrize(
    "bad",
    [
        "2023-02-29",
        "10/01/2025",
        "20250110",
        "2025-1-10",
        2025,
        dt.datetime(2025, 1, 10, 9, 0),
        "1800-01-01",
    ],
)
def test_dates_refuse_impossible_or_ambiguous_values(bad: Any) -> None:
    with pytest.raises(ds.ScenarioError, match=r"notice\.issued_on: expected a date"):
        ds.scenario_from_dict(minimal(issued_on=bad))


def test_text_fields_refuse_numbers_and_say_to_quote() -> None:
    data = minimal()
    data["title"] = 1984
    with pytest.raises(ds.ScenarioError, match=r"title: expected text \(put it in quotes"):
        ds.scenario_from_dict(data)


@pytest.mark.parametrize("good", ["a", "ccf-2019-u1", "x1-2-3"])
def test_ids_of_lowercase_letters_digits_and_hyphens_are_accepted(good: str) -> None:
    data = minimal()
    data["id"] = good
    assert ds.scenario_from_dict(data).id == good


@pytest.mark.parametrize("bad", ["", "Case", "my case", "a_b", "-a", "a--b", 7])
def test_other_ids_are_refused(bad: Any) -> None:
    data = minimal()
    data["id"] = bad
    with pytest.raises(ds.ScenarioError, match="id: expected an id of lower-case letters"):
        ds.scenario_from_dict(data)


# -- countries and recipients -----------------------------------------------------------


def test_countries_may_be_codes_or_names_in_any_field() -> None:
    data = minimal(requesting_country="Russia")
    data["person"] = {"nationalities": ["russian federation", "il"], "residence": "Deutschland"}
    with pytest.raises(ds.ScenarioError, match=r"person\.residence: expected a country"):
        ds.scenario_from_dict(data)
    data["person"]["residence"] = "Germany"
    person = ds.scenario_from_dict(data).person
    assert person.nationalities == ("RUS", "ISR")
    assert person.residence == "DEU"


def test_recipients_all_is_kept_as_the_word_all() -> None:
    assert ds.scenario_from_dict(minimal(recipients="all")).notice.recipients == ("all",)
    assert ds.scenario_from_dict(minimal(recipients="ALL")).notice.recipients == ("all",)


def test_recipients_keep_region_words_and_resolve_countries() -> None:
    notice = ds.scenario_from_dict(minimal(recipients=["Schengen", "eu", "Turkey", "NO"])).notice
    assert notice.recipients == ("schengen", "eu", "TUR", "NOR")


def test_an_empty_recipient_list_is_refused() -> None:
    with pytest.raises(ds.ScenarioError, match=r"notice\.recipients: expected all, or a list"):
        ds.scenario_from_dict(minimal(recipients=[]))


def test_all_mixed_with_countries_is_refused() -> None:
    with pytest.raises(ds.ScenarioError, match="'all' on its own"):
        ds.scenario_from_dict(minimal(recipients=["all", "FR"]))


def test_a_country_that_was_not_yet_a_member_cannot_request() -> None:
    with pytest.raises(ds.ScenarioError, match="requesting_country: expected an INTERPOL member"):
        ds.scenario_from_dict(minimal(requesting_country="PW", issued_on="2023-11-28"))
    assert ds.scenario_from_dict(minimal(requesting_country="PW", issued_on="2023-11-29"))


def test_a_public_extract_is_allowed_for_a_red_notice_only() -> None:
    red = ds.scenario_from_dict(minimal(kind="red_notice", public_extract=True))
    assert red.notice.public_extract is True
    with pytest.raises(ds.ScenarioError, match="false or nothing for a diffusion"):
        ds.scenario_from_dict(minimal(kind="diffusion", public_extract=True))


@pytest.mark.parametrize(
    ("regions", "day", "inside", "outside"),
    [
        (["eu"], "2020-01-31", "GBR", None),
        (["eu"], "2020-02-01", None, "GBR"),
        (["schengen"], "2022-12-31", None, "HRV"),
        (["schengen"], "2023-01-01", "HRV", None),
    ],
)
def test_region_recipients_expand_by_the_date_of_issue(
    regions: list[str], day: str, inside: str | None, outside: str | None
) -> None:
    from diffusion_scenarios._law.countries import expand_recipients

    scenario = ds.scenario_from_dict(
        minimal(requesting_country="KZ", issued_on=day, recipients=regions)
    )
    expanded = expand_recipients(
        scenario.notice.recipients, scenario.notice.requesting_country, scenario.notice.issued_on
    )
    if inside:
        assert inside in expanded
    if outside:
        assert outside not in expanded


# -- JSON, files, round trips ------------------------------------------------------------------


def test_json_and_yaml_of_the_same_facts_give_the_same_scenario(tmp_path: Path) -> None:
    from_yaml = ds.loads_scenario(FULL)
    data = json.loads(json.dumps(scenario_to_dict(from_yaml), default=str))
    path = tmp_path / "same.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert ds.load_scenario(path) == from_yaml


def test_json_text_is_read_as_json() -> None:
    text = json.dumps(minimal(requesting_country="NO"))
    assert ds.loads_scenario(text).notice.requesting_country == "NOR"


def test_a_file_is_read_and_never_changed(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(FULL, encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    ds.load_scenario(path)
    ds.load_scenario(str(path))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeff".encode() + FULL.encode("utf-8"))
    assert ds.load_scenario(path).id == "joint-venture-diffusion"


def test_saving_writes_yaml_that_loads_back_equal(tmp_path: Path) -> None:
    scenario = dataclasses.replace(ds.loads_scenario(FULL), title="yes", notes="1e3")
    target = ds.save_scenario(scenario, tmp_path / "saved.yaml")
    text = target.read_text(encoding="utf-8")
    assert "not legal advice" in text.splitlines()[0]
    assert "title: 'yes'" in text  # quoted, so no YAML reader takes it for a boolean
    assert "notes: '1e3'" in text  # quoted, so YAML 1.2 readers keep it text
    assert ds.load_scenario(target) == scenario


def test_saving_never_overwrites_unless_forced(tmp_path: Path) -> None:
    scenario = ds.loads_scenario(FULL)
    target = tmp_path / "client.yaml"
    target.write_text("precious notes", encoding="utf-8")
    with pytest.raises(ds.OutputExistsError, match="already exists"):
        ds.save_scenario(scenario, target)
    assert target.read_text(encoding="utf-8") == "precious notes"
    ds.save_scenario(scenario, target, force=True)
    assert ds.load_scenario(target) == scenario


def test_a_scenario_varied_in_code_round_trips() -> None:
    base = ds.loads_scenario(FULL)
    varied = dataclasses.replace(
        base,
        notice=dataclasses.replace(base.notice, recipients=("all",), kind="red_notice"),
        case=dataclasses.replace(base.case, max_penalty_years=1.5),
    )
    assert ds.scenario_from_dict(scenario_to_dict(varied)) == varied


def test_every_builtin_scenario_loads_and_round_trips() -> None:
    builtins = ds.builtin_scenarios()
    assert len(builtins) >= 7
    for key, scenario in builtins.items():
        assert scenario.id == key
        assert ds.scenario_from_dict(scenario_to_dict(scenario)) == scenario


def test_builtin_scenarios_are_a_fresh_dict_each_time() -> None:
    first = ds.builtin_scenarios()
    first.clear()
    assert ds.builtin_scenarios()


def test_resolve_scenario_takes_a_path_or_a_builtin_id(tmp_path: Path) -> None:
    assert ds.resolve_scenario("ccf-2019-u1").id == "ccf-2019-u1"
    path = tmp_path / "mine.yaml"
    path.write_text(FULL, encoding="utf-8")
    assert ds.resolve_scenario(str(path)).id == "joint-venture-diffusion"


def test_resolve_scenario_suggests_close_builtin_ids() -> None:
    with pytest.raises(ds.UnknownScenarioError, match="did you mean ccf-2019-u1"):
        ds.resolve_scenario("ccf-2019-ul")
    with pytest.raises(LookupError, match="no such file"):
        ds.resolve_scenario("missing/case.yaml")


# -- the README's scenario example and vocabulary list stay true ---------------------------

README = Path(__file__).resolve().parent.parent / "README.md"


def _readme_section(heading: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end != -1 else None]


def test_the_readme_scenario_example_is_valid() -> None:
    section = _readme_section("## Writing a scenario file")
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    scenario = ds.loads_scenario(example, source="README example")
    assert scenario.person.residence == "GBR"
    assert scenario.notice.recipients == ("europe", "USA")


def test_the_readme_lists_every_vocabulary_word() -> None:
    section = _readme_section("## Writing a scenario file")
    for words in (
        vocab.PROFILES,
        vocab.REGIONS,
        vocab.OFFENCES,
        vocab.ORIGINS,
        vocab.POLITICAL_INDICATORS,
        vocab.PURPOSE_DEFECTS,
        vocab.HUMAN_RIGHTS_CONCERNS,
        vocab.EXTRADITION_GROUNDS,
        vocab.CHALLENGE_REQUESTS,
        vocab.REFUGEE_STATUSES,
        vocab.CIVIL_OUTCOMES,
        vocab.CCF_OUTCOMES,
    ):
        for word in words:
            assert word in section, word


@pytest.mark.parametrize(
    "module",
    ["_law.countries", "_law.reference", "_facts.loader", "_base.yaml_io", "_facts.checks",
     "_facts.scenario"],
)  # fmt: skip
def test_the_examples_in_the_docstrings_run(module: str, tmp_path: Path) -> None:
    import doctest
    import importlib
    import os

    imported = importlib.import_module(f"diffusion_scenarios.{module}")
    cwd = Path.cwd()
    os.chdir(tmp_path)  # examples that write files write them here
    try:
        result = doctest.testmod(imported, optionflags=doctest.ELLIPSIS)
    finally:
        os.chdir(cwd)
    assert result.attempted > 0
    assert result.failed == 0


def test_a_yaml_flow_mapping_is_not_mistaken_for_broken_json() -> None:
    text = (
        "{format: 1, id: flow, "
        "notice: {kind: diffusion, requesting_country: NO, issued_on: 2025-01-10}}"
    )
    assert ds.loads_scenario(text).notice.requesting_country == "NOR"


@pytest.mark.parametrize("text", ["[" * 100_000, '{"a": ' * 100_000])
def test_absurdly_deep_nesting_is_a_clean_error(text: str) -> None:
    with pytest.raises(ds.ScenarioError, match=r"\(file\): expected"):
        ds.loads_scenario(text)


def test_a_json_key_written_twice_is_reported() -> None:
    with pytest.raises(ds.ScenarioError, match="the key 'format' appears twice"):
        ds.loads_scenario('{"format": 1, "format": 1}')
