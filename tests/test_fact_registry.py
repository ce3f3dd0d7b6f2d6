"""One declaration per fact: the registry read from the fields of the scenario's values."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import types
import typing

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios._facts import scenario as values
from diffusion_scenarios._facts.registry import (
    FACTS,
    UnknownFactError,
    check_fact_paths,
    facts_given,
    spec,
)
from diffusion_scenarios._law import vocab
from diffusion_scenarios.errors import ReferenceDataError

_NOT_FACTS = {"format", "evidence"}  # the version of the format, and how facts are known


def _value_classes() -> list[type]:
    return [values.Scenario, *(item.record for item in FACTS if item.record is not None)]


def test_every_field_a_file_can_give_has_one_declaration_and_one_path() -> None:
    paths = [item.path for item in FACTS]
    assert len(paths) == len(set(paths))
    for cls in _value_classes():
        for item in dataclasses.fields(cls):
            if cls is values.Scenario and item.name in _NOT_FACTS:
                continue
            assert "fact" in item.metadata, f"{cls.__name__}.{item.name} has no fact(...)"


_KIND_OF_TYPE = {
    "bool": {bool},
    "date": {_dt.date},
    "number": {float},
    "integer": {int},
    "text": {str},
    "choice": {str},
    "country": {str},
}


def test_each_declared_kind_matches_the_type_of_its_field() -> None:
    for item in FACTS:
        owner = values.Scenario if not item.parent else spec(item.parent).record
        assert owner is not None
        hint = typing.get_type_hints(owner, vars(values))[item.name]
        union = typing.get_origin(hint) in (typing.Union, types.UnionType)
        inner = set(typing.get_args(hint)) - {type(None)} if union else {hint}
        if item.kind in _KIND_OF_TYPE:
            assert inner == _KIND_OF_TYPE[item.kind], item.path
        elif item.kind in ("choices", "countries", "records", "country_flags"):
            assert any(typing.get_origin(t) is tuple for t in inner), item.path
        else:
            assert item.record in inner, item.path


def test_a_choice_offers_exactly_the_words_the_loader_accepts() -> None:
    assert spec("case.origin").vocabulary == vocab.ORIGINS
    with pytest.raises(ds.ScenarioError, match=r"case\.origin: expected one of none, commercial"):
        values.Case(origin="quarrel")


def test_a_misspelt_fact_path_is_a_one_line_error_naming_it_and_the_closest_path() -> None:
    with pytest.raises(ReferenceDataError) as raised:
        check_fact_paths(["case.stage", "case.orgin"], where="outcome.yaml facts_that_matter")
    message = str(raised.value)
    assert message == (
        "outcome.yaml facts_that_matter: 'case.orgin' is not a fact of the scenario format "
        "(did you mean 'case.origin'?)"
    )
    assert "\n" not in message
    with pytest.raises(KeyError):
        spec("case.nothing_like_this")
    assert isinstance(UnknownFactError("x"), ReferenceDataError)


def test_conditions_after_a_path_are_allowed_in_the_outcome_settings() -> None:
    entries = ["case.extradition:political,human_rights", "case.arrest_warrant.valid=true"]
    assert check_fact_paths(entries, where="rests_on") == tuple(entries)


def test_the_facts_given_show_a_false_intent_and_leave_out_what_is_unknown() -> None:
    base = ds.builtin_scenarios()["ccf-2019-u1"]
    given = {f.path: f for f in facts_given(base)}
    assert "case.fraudulent_intent" not in given  # the file does not say
    said = dataclasses.replace(
        base, case=dataclasses.replace(base.case, fraudulent_intent=False, cheque_count=2)
    )
    given = {f.path: f for f in facts_given(said)}
    assert given["case.fraudulent_intent"].value is False
    assert given["case.fraudulent_intent"].label == "Fraudulent intent shown"
    assert given["case.cheque_count"].value == 2
    assert given["case.origin"].value == "private_dispute"
    assert given["notice.issued_on"].value == "2016-11-10"


def test_a_misspelt_path_in_the_outcome_settings_stops_the_model_with_its_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from diffusion_scenarios._engine import outcome_model as outcome

    real = outcome._value

    def misspelt(rule_id: str) -> dict[str, object]:
        value = real(rule_id)
        if rule_id == outcome.SETTINGS_RULE:
            value["facts_that_matter"] = [*value["facts_that_matter"], "case.fradulent_intent"]
        return value

    monkeypatch.setattr(outcome, "_value", misspelt)
    with pytest.raises(ReferenceDataError, match=r"'case\.fradulent_intent' is not a fact"):
        outcome.model_weights.__wrapped__()
    monkeypatch.undo()
    assert "case.fraudulent_intent" in outcome.model_weights().facts_that_matter


def test_every_fact_has_a_label_and_one_sentence_of_help_for_the_explorer_and_the_format() -> None:
    for item in FACTS:
        assert item.label and item.label[0].isupper(), item.path
        assert item.help.endswith((".", ")", "?")) and item.help.count(". ") <= 1, item.path
        if item.kind in ("choice", "choices"):
            assert item.vocabulary, item.path
    siblings: dict[str, set[str]] = {}
    for item in FACTS:
        labels = siblings.setdefault(item.parent, set())
        assert item.label not in labels, (
            f"two facts of {item.parent or 'the top'} read {item.label}"
        )
        labels.add(item.label)
