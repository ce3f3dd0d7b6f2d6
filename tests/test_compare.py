"""``compare``: the model's predictions set beside real CCF decisions.

Three layers: the arithmetic of a comparison (with a stand-in engine whose answers are
known), the shipped CCF cases against the real engine, and clean errors for bad input
(library and command line).
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from diffusion_scenarios import caselaw
from diffusion_scenarios._law.data import data_file
from diffusion_scenarios.cli import main
from diffusion_scenarios.errors import CaseLawError

FIXTURES = Path(__file__).parent / "caselaw_fixtures"
MINI = FIXTURES / "mini"
SHIPPED_EXPECTED = Path(str(data_file("scenarios/expected.csv")))
SHIPPED_SCENARIOS = SHIPPED_EXPECTED.parent


def _answer(prediction: str, grounds: dict[str, str]) -> Any:
    return types.SimpleNamespace(
        outcome=types.SimpleNamespace(prediction=prediction),
        grounds=tuple(types.SimpleNamespace(id=g, strength=s) for g, s in grounds.items()),
    )


@pytest.fixture
def stand_in_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """An engine with fixed answers for the fixture cases, so the numbers are known."""
    answers = {
        "alpha": _answer(
            "not_compliant", {"private_dispute": "strong", "penalty_threshold": "weak"}
        ),
        "bravo": _answer("not_compliant", {"data_accuracy": "arguable"}),
    }
    fake = types.ModuleType("diffusion_scenarios._engine.pipeline")
    fake.assess = lambda scenario, **_: answers[scenario.id]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "diffusion_scenarios._engine.pipeline", fake)


# --------------------------------------------------------------------------- arithmetic


def test_compare_counts_agreement_deletion_and_recall_case_by_case(stand_in_engine: None) -> None:
    result = caselaw.compare(MINI, MINI / "expected.csv")
    by_file = {row.file: row for row in result.rows}
    assert list(by_file) == ["alpha.yaml", "bravo.yaml"]
    alpha, bravo = by_file["alpha.yaml"], by_file["bravo.yaml"]
    assert alpha.outcome_agrees and alpha.deletion_agrees
    # A weak ground is not counted as found.
    assert alpha.grounds_found == ("private_dispute",)
    assert alpha.grounds_missed == ("penalty_threshold",)
    assert alpha.grounds_recall == 0.5
    # The CCF kept the data with an update; the model would delete it.
    assert not bravo.outcome_agrees and not bravo.deletion_agrees
    assert bravo.grounds_found == ("data_accuracy",)


def test_compare_totals_add_up_over_the_cases(stand_in_engine: None) -> None:
    result = caselaw.compare(MINI, MINI / "expected.csv")
    assert result.cases == 2
    assert (result.outcome_agreements, result.outcome_agreement) == (1, 0.5)
    assert (result.deletion_agreements, result.deletion_agreement) == (1, 0.5)
    assert (result.ccf_grounds_found, result.ccf_grounds_total) == (2, 3)
    assert result.grounds_recall == pytest.approx(2 / 3)


def test_compare_reports_files_not_in_the_csv_and_rows_without_a_file(
    stand_in_engine: None,
) -> None:
    result = caselaw.compare(MINI, MINI / "expected.csv")
    assert result.files_not_in_csv == ("charlie.yaml",)
    assert result.rows_without_file == ("delta.yaml",)
    text = result.to_text()
    assert "delta.yaml" in text and "charlie.yaml" in text


def test_compare_text_and_frame_show_each_case_and_the_totals(stand_in_engine: None) -> None:
    result = caselaw.compare(MINI, MINI / "expected.csv")
    text = result.to_text()
    assert "alpha.yaml (CCF decision A-1): agrees" in text
    assert "bravo.yaml (CCF decision B-1): DISAGREES" in text
    assert "same outcome (of three):  1 of 2 (50%)" in text
    assert "CCF grounds recalled:     2 of 3 (67%" in text
    assert "not legal advice" in text
    frame = result.to_frame()
    assert list(frame.index) == ["alpha.yaml", "bravo.yaml"]
    assert frame.loc["bravo.yaml", "model_outcome"] == "not_compliant"
    assert frame.loc["alpha.yaml", "grounds_missed"] == "penalty_threshold"


def test_compare_json_holds_cases_and_totals(
    stand_in_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    # delta.yaml is named in the CSV but not in the folder (and charlie.yaml is in the folder
    # but not in the CSV): the report is still printed, each mismatch is one line on stderr,
    # and the exit status (2) tells a script that something could not be compared.
    assert (
        main(["compare", str(MINI), "--expected", str(MINI / "expected.csv"), "--format", "json"])
        == 2
    )
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 2
    assert "delta.yaml" in lines[0] and "charlie.yaml" in lines[1]
    data = json.loads(captured.out)
    assert data["totals"]["outcome_agreements"] == 1
    assert data["totals"]["grounds_recall"] == pytest.approx(2 / 3)
    assert [c["file"] for c in data["cases"]] == ["alpha.yaml", "bravo.yaml"]
    assert data["rows_without_file"] == ["delta.yaml"]


def test_a_comparison_is_frozen(stand_in_engine: None) -> None:
    result = caselaw.compare(MINI, MINI / "expected.csv")
    with pytest.raises(AttributeError):
        result.rows = ()  # type: ignore[misc]


# --------------------------------------------------------------------------- the real CCF cases


def test_the_shipped_expected_file_matches_the_shipped_ccf_cases() -> None:
    expected = caselaw.read_expected(SHIPPED_EXPECTED)
    assert expected, "the package ships expected outcomes for its CCF cases"
    for row in expected:
        assert (SHIPPED_SCENARIOS / row.file).is_file(), row.file


@pytest.fixture(scope="module")
def real_comparison() -> caselaw.Comparison:
    return caselaw.compare(SHIPPED_SCENARIOS, SHIPPED_EXPECTED)


def test_the_shipped_model_agrees_with_the_ccf_more_often_than_always_answering_deleted(
    real_comparison: caselaw.Comparison,
) -> None:
    # The training figure only: the gate on the cross-validated figure, the one to believe,
    # is in test_outcome_model.py (issue 19).
    disagreements = [
        f"{r.file}: CCF {r.ccf_outcome}, model {r.model_outcome}"
        for r in real_comparison.rows
        if not r.outcome_agrees
    ]
    assert real_comparison.cases == len(caselaw.read_expected(SHIPPED_EXPECTED))
    always = sum(r.ccf_outcome == "not_compliant" for r in real_comparison.rows)
    assert real_comparison.outcome_agreements > always, disagreements
    assert real_comparison.deletion_agreements > always, disagreements


@pytest.mark.xfail(
    strict=True,
    reason="with the 28 decisions added in issue 19 the grounds engine finds 22 of the 38 "
    "grounds the CCF relied on in the decisions read in full (16/22 on the first 28, 6/16 on "
    "the new ones: Article 2 and 3 grounds in press reports rest on facts the encodings do "
    "not hold); left to the grounds engine (issue 20)",
)
def test_the_model_lists_most_grounds_the_ccf_relied_on(
    real_comparison: caselaw.Comparison,
) -> None:
    # Decisions known only from their tags often lack the facts behind a ground, so recall
    # is measured on the decisions whose reasoning was read (confidence medium or high).
    read = {e.file for e in caselaw.read_expected(SHIPPED_EXPECTED) if e.confidence != "low"}
    rows = [r for r in real_comparison.rows if r.file in read]
    total = sum(len(r.ccf_grounds) for r in rows)
    found = sum(len(r.grounds_found) for r in rows)
    missed = {r.file: r.grounds_missed for r in rows if r.grounds_missed}
    assert total and found / total >= 0.7, missed


def test_the_teaching_scenarios_are_reported_as_not_compared(
    real_comparison: caselaw.Comparison,
) -> None:
    named = {row.file for row in caselaw.read_expected(SHIPPED_EXPECTED)}
    on_disk = {p.name for p in SHIPPED_SCENARIOS.glob("*.yaml")}
    assert set(real_comparison.files_not_in_csv) == on_disk - named
    assert real_comparison.rows_without_file == ()


def _flipped_copy(tmp_path: Path) -> Path:
    """The shipped expected file with every outcome turned round and every ground wrong."""
    flip = {
        "not_compliant": "compliant",
        "compliant_with_update": "not_compliant",
        "compliant": "not_compliant",
    }
    with SHIPPED_EXPECTED.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["ccf_outcome"] = flip[row["ccf_outcome"]]
        row["ccf_grounds"] = "article3_military"
    target = tmp_path / "wrong_expected.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return target


def test_a_deliberately_wrong_expected_file_is_reported_as_disagreement(tmp_path: Path) -> None:
    result = caselaw.compare(SHIPPED_SCENARIOS, _flipped_copy(tmp_path))
    n = len(caselaw.read_expected(SHIPPED_EXPECTED))
    assert result.cases == n
    real = caselaw.compare(SHIPPED_SCENARIOS, SHIPPED_EXPECTED)
    # Every outcome is turned round, so the model agrees with the wrong file only where it
    # disagreed with the CCF in the same way.
    flip = {
        "not_compliant": "compliant",
        "compliant_with_update": "not_compliant",
        "compliant": "not_compliant",
    }
    same_as_wrong = sum(r.model_outcome == flip[r.ccf_outcome] for r in real.rows)
    assert result.outcome_agreements == same_as_wrong < n - real.outcome_agreements + 1
    assert result.deletion_agreements == n - real.deletion_agreements
    assert (result.ccf_grounds_found, result.ccf_grounds_total) == (0, n)
    assert result.to_text().count("DISAGREES") == n - same_as_wrong


def test_compare_command_prints_every_case_and_the_totals(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The shipped folder also holds teaching scenarios the CSV does not name: the
    # comparison is printed, and exit status 2 says some files were not compared.
    assert main(["compare", str(SHIPPED_SCENARIOS), "--expected", str(SHIPPED_EXPECTED)]) == 2
    captured = capsys.readouterr()
    out = captured.out
    assert "scenario files not named in" in captured.err
    for row in caselaw.read_expected(SHIPPED_EXPECTED):
        assert f"{row.file} (CCF decision {row.decision_id})" in out
    assert "Totals" in out and "same deleted-or-kept" in out


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        (
            "unknown_outcome.csv",
            r"unknown_outcome\.csv: row 3, column ccf_outcome: expected one of",
        ),
        ("unknown_ground.csv", r"row 2, column ccf_grounds: .*'refugee_statu'.*'refugee_status'"),
        (
            "missing_column.csv",
            r"missing_column\.csv: row 1 \(header\): missing column\(s\) decision_id",
        ),
        ("empty.csv", r"empty\.csv: is empty"),
        ("binary.csv", r"binary\.csv: is not a CSV text file"),
        ("not_a_csv.csv", r"not_a_csv\.csv: row 1 \(header\): missing column\(s\) file"),
        ("header_only.csv", r"header_only\.csv: has a header but no rows"),
        ("does_not_exist.csv", r"does_not_exist\.csv: no such expected-outcomes file"),
    ],
)
def test_a_bad_expected_file_is_one_clear_error(fixture: str, message: str) -> None:
    with pytest.raises(CaseLawError, match=message) as caught:
        caselaw.compare(SHIPPED_SCENARIOS, FIXTURES / fixture)
    assert "\n" not in str(caught.value)


def test_a_file_named_twice_in_the_expected_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text(
        "file,decision_id,ccf_outcome,ccf_grounds\na.yaml,1,compliant,\na.yaml,2,compliant,\n",
        encoding="utf-8",
    )
    with pytest.raises(
        CaseLawError, match=r"row 3, column file: 'a\.yaml' is already named in row 2"
    ):
        caselaw.read_expected(path)


def test_a_missing_folder_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(CaseLawError, match="no such folder"):
        caselaw.compare(tmp_path / "nowhere", SHIPPED_EXPECTED)


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", str(SHIPPED_SCENARIOS), "--expected", str(FIXTURES / "unknown_outcome.csv")],
        ["compare", str(SHIPPED_SCENARIOS), "--expected", str(FIXTURES / "binary.csv")],
        ["compare", str(SHIPPED_SCENARIOS), "--expected", str(FIXTURES / "empty.csv")],
        ["compare", str(SHIPPED_SCENARIOS), "--expected", "/no/such/expected.csv"],
        ["compare", "/no/such/folder", "--expected", str(SHIPPED_EXPECTED)],
    ],
)
def test_compare_command_with_bad_input_exits_2_with_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("diffusion-scenarios compare: ")
    assert "Traceback" not in captured.err


def test_compare_command_run_as_a_program_shows_no_traceback() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "diffusion_scenarios",
            "compare",
            str(SHIPPED_SCENARIOS),
            "--expected",
            str(FIXTURES / "unknown_ground.csv"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "did you mean 'refugee_status'" in done.stderr


def test_expected_outcomes_default_to_the_shipped_ccf_cases_with_their_sources() -> None:
    import diffusion_scenarios as ds

    rows = caselaw.expected_outcomes()
    assert rows == caselaw.read_expected(SHIPPED_EXPECTED)
    for row in rows:
        assert row.scenario_id in ds.builtin_scenarios()
        assert row.source_url.startswith("http"), row.decision_id
        assert row.encoding_notes


def test_the_case_law_notebook_writes_its_figures_and_discussion_from_the_results() -> None:
    # Prose that states figures drifts when the model changes; the notebook must generate
    # the agreement, the calibration and the decision-by-decision discussion instead.
    import nbformat

    notebook = nbformat.read(
        Path(__file__).parents[1] / "notebooks" / "07_case_law.ipynb", as_version=4
    )
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    for call in (
        "caselaw.comparison_markdown(",
        "report.to_markdown(",
        "caselaw.plot_calibration(",
        "caselaw.discussion_markdown(",
        "caselaw.decisions_markdown(",
    ):
        assert call in code, call
    for claim in ("seven", "every time", "agrees on", "Brier score is"):
        assert claim not in prose, claim
    # No wide text tables or raw data frames of booleans for students.
    assert "decisions_text(" not in code
    assert "to_frame()" not in code


def test_the_shipped_expected_file_agrees_with_the_test_suites_copy() -> None:
    copy = Path(__file__).parent / "ccf_expected.csv"
    assert caselaw.read_expected(copy) == caselaw.read_expected(SHIPPED_EXPECTED)
