"""The shipped YAML files parsed ahead (``data/parsed_yaml.json``) give exactly what their
YAML gives, are used only for the very text they were made from, and are current.

(Their point, a faster start, is measured by ``benchmarks/bench_cli.py``.)
"""

from __future__ import annotations

import datetime
import json
from importlib import resources

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios._facts.loader import loads_scenario
from diffusion_scenarios._law import parsed
from diffusion_scenarios._law.data import data_file
from diffusion_scenarios._law.rules import catalogue, load_catalogue

_SCENARIOS = sorted(
    e.name
    for e in resources.files("diffusion_scenarios.data").joinpath("scenarios").iterdir()
    if e.name.endswith(".yaml")
)


def test_the_shipped_parsed_file_matches_the_yaml_files_as_they_are_now() -> None:
    """Fails when data/parsed_yaml.json is stale: run scripts/build_parsed_yaml.py."""
    stored = json.loads(data_file(parsed.PARSED_FILE).read_text(encoding="utf-8"))
    assert stored == json.loads(parsed.parsed_json())
    assert len(stored["files"]) == len(_SCENARIOS) + 6  # every scenario and rule file


@pytest.mark.parametrize("name", _SCENARIOS)
def test_a_builtin_scenario_read_ahead_is_the_one_its_yaml_gives(name: str) -> None:
    text = data_file(f"scenarios/{name}").read_text(encoding="utf-8")
    from_yaml = loads_scenario(text, source=f"scenarios/{name}", json_text=False)
    assert ds.builtin_scenarios()[from_yaml.id] == from_yaml


def test_the_rule_catalogue_read_ahead_is_the_one_its_yaml_gives() -> None:
    folder = resources.files("diffusion_scenarios.data").joinpath("rules")
    with resources.as_file(folder) as path:
        from_yaml = load_catalogue(path)  # a folder named by the user: always its YAML
    assert list(catalogue()) == list(from_yaml)  # every rule, its versions and values


def test_a_file_changed_since_is_read_from_its_yaml() -> None:
    text = data_file("scenarios/ccf-2019-u1.yaml").read_text(encoding="utf-8")
    assert parsed.parsed_yaml("scenarios/ccf-2019-u1.yaml", text) is not NotImplemented
    edited = text + "\n# edited\n"
    assert parsed.parsed_yaml("scenarios/ccf-2019-u1.yaml", edited) is NotImplemented
    assert parsed.parsed_yaml("scenarios/not-shipped.yaml", text) is NotImplemented


def test_dates_come_back_as_dates_and_text_that_looks_like_one_stays_text() -> None:
    document = {"on": "2025-03-01", "day": datetime.date(2025, 3, 1)}
    encoded = parsed._encode(document)
    assert encoded == {"on": "2025-03-01", "day": {"$date": "2025-03-01"}}
    assert json.loads(json.dumps(encoded), object_hook=parsed._revive) == document
    assert parsed._encode({"$date": "2025-03-01"}) is parsed._ABSENT  # never ambiguous
    assert parsed._encode({1: "a key that is no text"}) is parsed._ABSENT
