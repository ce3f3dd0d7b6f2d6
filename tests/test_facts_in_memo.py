"""The memo's "Facts as given" and the JSON ``facts`` show the same facts, from the registry."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from pathlib import Path
from typing import Any

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios._base.yaml_io import load_yaml
from diffusion_scenarios._facts.registry import facts_given, spec
from diffusion_scenarios._facts.scenario import FinalJudgment, InAbsentiaDetails
from diffusion_scenarios._render.facts_given import facts_as_given

BUILTINS = ds.builtin_scenarios()


@pytest.mark.parametrize("scenario_id", sorted(BUILTINS))
def test_the_memo_shows_a_row_for_exactly_the_facts_the_json_lists(scenario_id: str) -> None:
    scenario = BUILTINS[scenario_id]
    shown = {fact.path for fact in facts_as_given(scenario) if fact.given and fact.value}
    assert shown == {fact.path for fact in facts_given(scenario)}


def _with(**case: object) -> ds.Scenario:
    base = BUILTINS["ccf-2019-u1"]
    return dataclasses.replace(base, case=dataclasses.replace(base.case, **case))


def test_a_false_fraudulent_intent_is_shown_in_the_memo_and_the_json() -> None:
    scenario = _with(fraudulent_intent=False, cheque_count=1)
    rows = {fact.label: fact.value for fact in facts_as_given(scenario)}
    assert rows["Fraudulent intent shown"] == "no"
    assert rows["Unfunded cheques issued"] == "1"
    facts = ds.assess(scenario).to_dict()["facts"]
    assert {
        "path": "case.fraudulent_intent",
        "label": "Fraudulent intent shown",
        "value": False,
    } in (facts)


def test_the_facts_the_memo_used_to_omit_now_have_rows_when_given() -> None:
    scenario = _with(
        final_judgment=FinalJudgment(country="AUT", date=_dt.date(2021, 9, 14), result="acquitted"),
        in_absentia=True,
        in_absentia_details=InAbsentiaDetails(knew_of_trial=False, represented=False),
    )
    rows = {fact.label: fact.value for fact in facts_as_given(scenario)}
    assert rows["Final judgment on the same acts abroad"] == (
        "country: Austria (AUT); date: 2021-09-14; result: acquitted"
    )
    assert rows["How the trial in absentia came about"] == (
        "knew of the trial: no; represented at trial: no"
    )
    json_facts = {f["path"]: f["value"] for f in ds.assess(scenario).to_dict()["facts"]}
    assert json_facts["case.final_judgment"] == {
        "country": "AUT",
        "date": "2021-09-14",
        "result": "acquitted",
    }


def test_an_unknown_fact_that_was_never_listed_stays_out_of_the_unknown_list() -> None:
    unknown = [f.label for f in facts_as_given(BUILTINS["ccf-2019-u1"]) if f.value is None]
    assert "Fraudulent intent shown" not in unknown
    assert "Origin of the case" not in unknown
    assert "Limitation period expired" in unknown


def _example() -> dict[str, Any]:
    """The format document's full example (its first YAML block)."""
    document = (Path(__file__).resolve().parent.parent / "docs" / "SCENARIO_FORMAT.md").read_text(
        encoding="utf-8"
    )
    block = document.split("```yaml\n", 1)[1].split("```", 1)[0]
    return dict(load_yaml(block))


def _rows_of(data: dict[str, Any], prefix: str = "") -> list[str]:
    found: list[str] = []
    for key, value in data.items():
        path = f"{prefix}{key}"
        if path in ("format", "evidence") or value in (None, [], ""):
            continue
        item = spec(path)
        if item.kind == "record" and not item.whole:
            found += _rows_of(value, f"{path}.")
        else:
            found.append(path)
    return found


def test_the_json_facts_list_every_fact_set_in_the_format_documents_full_example() -> None:
    example = _example()
    scenario = ds.scenario_from_dict(example)
    listed = [fact["path"] for fact in ds.assess(scenario).to_dict()["facts"]]
    assert sorted(listed) == sorted(_rows_of(example))
    assert len(listed) >= 40  # the example sets most of the format
    shown = {fact.path for fact in facts_as_given(scenario) if fact.given and fact.value}
    assert shown == set(listed)
