"""An outcome is declared once (data/rules/outcomes.yaml): its id and its words in every
register; the vocabulary, the engine's order, the base rates' keys and every word table
follow from that one entry."""

from __future__ import annotations

from pathlib import Path

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios._base.yaml_io import load_yaml
from diffusion_scenarios._engine import assessment, words
from diffusion_scenarios._law import outcomes, vocab
from diffusion_scenarios._law.values import VALUE_SCHEMA
from diffusion_scenarios._render import wording
from diffusion_scenarios.errors import ReferenceDataError

FILE = Path(__file__).resolve().parent.parent / "data" / "rules" / "outcomes.yaml"


def test_the_outcome_ids_are_declared_once_and_everything_follows_them() -> None:
    ids = outcomes.OUTCOME_IDS
    assert ids == ("not_compliant", "compliant_with_update", "compliant")
    assert vocab.CCF_OUTCOMES == ids == assessment.OUTCOMES == vocab.PREDICTIONS
    assert tuple(VALUE_SCHEMA["ccf-outcome-base-rates"]) == ids


def test_every_word_table_is_one_register_of_the_entries() -> None:
    tables = {
        "headline": wording.OUTCOME_HEADLINES,
        "sentence": wording.OUTCOME_SENTENCES,
        "badge": wording.OUTCOME_BADGES,
        "bracketed": wording.OUTCOME_BRACKETED,
        "choice": wording.OUTCOME_CHOICES,
        "result": wording.OUTCOME_RESULTS,
        "decided": wording.OUTCOME_DECIDED,
        "predicted": wording.OUTCOME_PREDICTED,
        "index_label": wording.OUTCOME_INDEX_LABELS,
        "likely": words.OUTCOME_LIKELY_WORDS,
    }
    assert set(tables) == set(outcomes.REGISTERS)
    for register, table in tables.items():
        for outcome in outcomes.OUTCOME_IDS:
            assert table[outcome] == outcomes.OUTCOME_WORDS[outcome][register]


def test_the_summary_and_the_memo_use_the_declared_words() -> None:
    assessment_ = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
    prediction = assessment_.outcome.prediction
    assert prediction is not None
    likely = outcomes.OUTCOME_WORDS[prediction]["likely"]
    assert likely in assessment_.outcome.summary


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ('      likely: "deleted"\n', "", "missing register(s) likely"),
        ("      result:", "      results:", "unknown register(s) results"),
        ("id: compliant\n", "id: not_compliant\n", "declared twice"),
    ],
)
def test_a_broken_outcome_entry_is_refused_naming_it(old: str, new: str, said: str) -> None:
    text = FILE.read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(ReferenceDataError) as refused:
        outcomes.read_outcomes(load_yaml(text.replace(old, new, 1)))
    message = str(refused.value)
    assert "rules/outcomes.yaml: outcomes[" in message and said in message, message
