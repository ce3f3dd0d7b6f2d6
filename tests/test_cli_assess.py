"""``diffusion-scenarios assess``: what a user at the terminal sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from contract import CONTRACT_KEYS

import diffusion_scenarios as ds
from diffusion_scenarios.cli import main

SCENARIO = """\
format: 1
id: cli-diffusion
title: Diffusion for a failed joint venture
as_of: 2025-03-01
notice:
  kind: diffusion
  requesting_country: KZ
  issued_on: 2025-01-10
case:
  origin: commercial_dispute
travel:
  - country: FR
    date: 2025-06-01
"""


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["assess", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_prints_exactly_the_assessment_as_one_object(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    code, out, err = run(capsys, str(scenario_file), "--format", "json")
    assert code == 0 and err == ""
    printed = json.loads(out)
    assert set(printed) >= CONTRACT_KEYS
    expected = ds.assess(ds.load_scenario(scenario_file)).to_dict()
    assert printed == json.loads(json.dumps(expected))
    assert printed["issuance"]["screening"] == "not_screened"
    assert printed["circulation"]["recipient_count"] == 195
    assert printed["travel"][0]["country"] == "FRA"


def test_text_is_the_default_and_says_it_is_not_legal_advice(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    code, out, _ = run(capsys, str(scenario_file))
    assert code == 0
    assert "Educational model, not legal advice." in "\n".join(out.splitlines()[:3])
    assert out.index("LIKELY CCF OUTCOME") < out.index("CAVEATS")


def test_a_builtin_id_is_assessed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ccf-2019-u1", "--format", "json")
    assert code == 0
    assert json.loads(out)["scenario_id"] == "ccf-2019-u1"


def test_as_of_changes_the_day_assessed(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    code, out, _ = run(capsys, str(scenario_file), "--format", "json", "--as-of", "2025-06-02")
    assert code == 0
    result = json.loads(out)
    assert result["as_of"] == "2025-06-02"
    assert result["route"][0]["date"] == "2025-06-02"  # the planned filing moves with it


@pytest.mark.parametrize("bad", ["2025-13-01", "yesterday", "2025-3-1"])
def test_a_bad_as_of_is_one_clean_line(
    capsys: pytest.CaptureFixture[str], scenario_file: Path, bad: str
) -> None:
    code, out, err = run(capsys, str(scenario_file), "--as-of", bad)
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "--as-of" in err and "YYYY-MM-DD" in err and bad in err
    assert "Traceback" not in err


def test_an_unknown_id_suggests_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "ccf-2019-u2")
    assert code == 2 and out == ""
    assert "ccf-2019-u1" in err
    assert err.count("\n") == 1


def test_an_invalid_file_names_the_field_and_is_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.yaml"
    text = SCENARIO.replace("kind: diffusion", "kind: difusion")
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert code == 2 and out == ""
    assert "notice.kind" in err and "Traceback" not in err
    assert path.read_text(encoding="utf-8") == text


def test_output_file_is_written_and_never_overwritten_without_force(
    capsys: pytest.CaptureFixture[str], scenario_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, str(scenario_file), "--format", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["scenario_id"] == "cli-diffusion"

    target.write_text("my own notes", encoding="utf-8")
    code, out, err = run(capsys, str(scenario_file), "-o", str(target))
    assert code == 2
    assert "already exists" in err and "--force" in err and err.count("\n") == 1
    assert target.read_text(encoding="utf-8") == "my own notes"

    code, _, _ = run(capsys, str(scenario_file), "-o", str(target), "--force")
    assert code == 0
    assert "not legal advice" in target.read_text(encoding="utf-8")


def test_an_output_folder_that_does_not_exist_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], scenario_file: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, str(scenario_file), "-o", str(tmp_path / "missing" / "r.txt"))
    assert code == 2
    assert "cannot write" in err and "Traceback" not in err
