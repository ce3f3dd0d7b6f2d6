"""The seven real CCF decisions shipped as scenarios agree with what the CCF decided.

``tests/ccf_expected.csv`` (a copy of ``shared/domain/cases/expected.csv``) lists, for each
``data/scenarios/ccf-*.yaml``, the CCF's outcome and the grounds its decision rested on. The
engine must predict the same outcome, and must find every one of those grounds at least
``arguable``. These are checks of general rules on known decisions, not targets: a failure
is fixed in the general rule (see the docstrings of the grounds modules), never by
special-casing a case.
"""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios._data import data_file

EXPECTED = Path(__file__).parent / "ccf_expected.csv"
ROWS = list(csv.DictReader(EXPECTED.read_text(encoding="utf-8").splitlines()))
_RANK = {"weak": 1, "arguable": 2, "strong": 3}


def _scenario(file: str) -> ds.Scenario:
    path = data_file(f"scenarios/{file}")
    return ds.loads_scenario(path.read_text(encoding="utf-8"), source=file)


def test_every_shipped_ccf_case_has_an_expected_row() -> None:
    folder = resources.files("diffusion_scenarios.data").joinpath("scenarios")
    shipped = {
        p.name for p in folder.iterdir() if p.name.startswith("ccf-") and p.name.endswith(".yaml")
    }
    assert shipped == {row["file"] for row in ROWS}
    assert len(ROWS) == 7


@pytest.mark.parametrize("row", ROWS, ids=[r["decision_id"] for r in ROWS])
def test_ccf_case_outcome_matches_the_decision(row: dict[str, str]) -> None:
    assessment = ds.assess(_scenario(row["file"]))
    assert assessment.outcome.prediction == row["ccf_outcome"], (
        f"{row['decision_id']}: predicted {assessment.outcome.prediction}, the CCF decided "
        f"{row['ccf_outcome']} — {assessment.outcome.explanation}"
    )


@pytest.mark.parametrize("row", ROWS, ids=[r["decision_id"] for r in ROWS])
def test_ccf_case_grounds_are_found_at_least_arguable(row: dict[str, str]) -> None:
    assessment = ds.assess(_scenario(row["file"]))
    found = {g.id: g.strength for g in assessment.grounds}
    for ground in row["ccf_grounds"].split(";"):
        assert _RANK.get(found.get(ground, ""), 0) >= _RANK["arguable"], (
            f"{row['decision_id']}: the CCF relied on {ground}; the model found "
            f"{found.get(ground, 'nothing')} (grounds found: {found})"
        )


@pytest.mark.parametrize("row", ROWS, ids=[r["decision_id"] for r in ROWS])
def test_ccf_case_explanation_names_a_deciding_ground(row: dict[str, str]) -> None:
    assessment = ds.assess(_scenario(row["file"]))
    labels = [g.label.lower() for g in assessment.grounds if g.strength != "weak"]
    assert any(label in assessment.outcome.explanation.lower() for label in labels)
