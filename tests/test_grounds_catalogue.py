"""The grounds are data: data/rules/grounds.yaml declares each one once, and every part of the
package (the vocabulary, the engine's remedies and screening, the memos) reads it there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios._base.yaml_io import load_yaml
from diffusion_scenarios._engine.grounds import evaluate, findings, ids
from diffusion_scenarios._law import grounds, vocab
from diffusion_scenarios.errors import ReferenceDataError

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "src" / "diffusion_scenarios" / "_engine"


def test_every_ground_is_read_from_the_catalogue_with_both_labels() -> None:
    assert tuple(grounds.GROUNDS) == vocab.GROUND_IDS
    assert len(grounds.GROUNDS) == 21
    for spec in grounds.GROUNDS.values():
        assert vocab.GROUND_LABELS[spec.id] == spec.label
        assert vocab.GROUND_SHORT_LABELS[spec.id] == spec.short_label
        assert spec.remedy in grounds.REMEDIES and spec.family


def test_the_engine_takes_remedy_and_screening_from_the_catalogue() -> None:
    assert {"data_accuracy", "extradition_refused"} == findings.UPDATE_GROUNDS
    assert set(grounds.GROUND_IDS) == findings.DELETION_GROUNDS | findings.UPDATE_GROUNDS
    assert {g for g, s in grounds.GROUNDS.items() if s.screened} == evaluate.SCREENED_GROUNDS
    assert "warrant_invalid" not in evaluate.SCREENED_GROUNDS  # the format does not date it
    assert findings.ground_category("extradition_refused") == "correction"


def test_the_engine_names_each_ground_once_and_only_declared_ones() -> None:
    named = {getattr(ids, name) for name in ids.__all__}
    assert named == set(grounds.GROUND_IDS)  # one constant per ground, each declared
    with pytest.raises(ReferenceDataError, match="no_such_ground"):
        ids._declared("no_such_ground")
    # the strength rules find grounds by those constants, never by a string typed again
    typed = re.compile(r'(?:find|find_capped)\(\s*(?:collector,\s*)?"([a-z0-9_]+)"')
    for path in (ENGINE / "grounds").glob("*.py"):
        assert typed.findall(path.read_text(encoding="utf-8")) == [], path.name


def test_every_ground_of_every_builtin_has_its_catalogue_label() -> None:
    for scenario in ds.builtin_scenarios().values():
        for ground in ds.assess(scenario).grounds:
            assert ground.label == grounds.GROUNDS[ground.id].label


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (("remedy: deletion", "remedy: delete", 1), "'remedy' must be one of deletion, correction"),
        (("screened: true", "screened: yes please", 1), "'screened' must be true or false"),
        (("    family: article3\n", "    family: article3\n    colour: red\n", 1), "colour"),
        (("id: article3_military", "id: article3_political", 1), "declared twice"),
        (("short_label:", "shortlabel:", 1), "unknown key(s) shortlabel"),
    ],
)
def test_a_broken_grounds_file_is_refused_naming_the_entry_and_key(
    edit: tuple[str, str, int], said: str
) -> None:
    text = (ROOT / "data" / "rules" / "grounds.yaml").read_text(encoding="utf-8")
    old, new, count = edit
    assert old in text
    with pytest.raises(ReferenceDataError) as refused:
        grounds.read_grounds(load_yaml(text.replace(old, new, count)))
    message = str(refused.value)
    assert "rules/grounds.yaml: grounds[" in message and said in message, message


def test_the_format_document_lists_the_catalogue_grounds_in_order() -> None:
    text = (ROOT / "docs" / "SCENARIO_FORMAT.md").read_text(encoding="utf-8")
    listed = text.split("Ground ids (vocabulary G):", 1)[1].split("Only grounds", 1)[0]
    assert tuple(re.findall(r"`([a-z0-9_]+)`", listed)) == grounds.GROUND_IDS
