"""``diffusion-scenarios lab`` as a user runs it: output shapes, one-line errors, progress."""

from __future__ import annotations

import io
import json

import pytest

from diffusion_scenarios import lab
from diffusion_scenarios._cli.lab import ProgressBar
from diffusion_scenarios.cli import main


def test_json_output_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        ["lab", "--regime", "screen_diffusions", "--n", "20000", "--seed", "3", "--format", "json"]
    )
    assert status == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {
        "notice", "regime", "n_requests", "seed", "horizon_years", "requests_per_year",
        "metrics", "metrics_per_year", "final_states", "requests", "noncompliant_by_defect",
        "exposure_person_days_by_defect", "ccf", "parameters",
    }  # fmt: skip
    assert out["regime"]["name"] == "screen_diffusions"
    assert out["regime"]["screen_diffusions"] is True
    assert out["n_requests"] == 20_000 and out["seed"] == 3
    assert list(out["final_states"]) == list(lab.FINAL_STATES)
    assert sum(out["final_states"].values()) == 20_000
    assert set(out["metrics"]) == set(lab.HEADLINE_METRICS) == set(out["metrics_per_year"])
    assert set(out["noncompliant_by_defect"]) == set(lab.DEFECT_CATEGORIES)
    assert set(out["ccf"]) == {"applications", "admissible", "processed", "deletions",
                               "decided_after_limit"}  # fmt: skip
    assert "not legal advice" in out["notice"]


def test_the_cli_gives_the_same_numbers_as_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    main(["lab", "--n", "30_000", "--seed", "9", "--chunk-size", "4096", "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert out == json.loads(json.dumps(lab.simulate("today", n=30_000, seed=9).to_dict()))


def test_text_output_is_a_readable_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lab", "--n", "5000"]) == 0
    text = capsys.readouterr().out
    assert "regime 'today'" in text
    assert "Expected detentions on non-compliant requests" in text
    assert "Final state: refused_at_screening" in text
    assert "not legal advice" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--n", "ten"], "--n: expected a whole number, found 'ten'"),
        (["--n", "0"], "--n: expected a whole number from 1 to 1,000,000,000, found 0"),
        (["--seed", "-4"], "--seed: expected a whole number, found '-4'"),
        (["--chunk-size", "0"], "--chunk-size: expected a whole number from 1"),
        (
            ["--chunk-size", "1000000000"],
            "--chunk-size: expected a whole number from 1 to 4,194,304, found 1,000,000,000",
        ),
        (["--format", "xml"], "--format: expected one of text, json, found 'xml'"),
        (["--regime", "tomorrow"], "--regime: expected one of today, screen_diffusions"),
        (["--n"], "argument --n: expected one argument"),
        (["--calibration", "--regime", "faster_ccf"], "--calibration: the calibration targets"),
    ],
)
def test_bad_options_give_one_line_and_exit_status_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        status = main(["lab", *argv])
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("diffusion-scenarios lab: ")
    assert message in lines[0]


def test_calibration_view_reports_every_target(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["lab", "--calibration", "--n", "200000", "--seed", "2021", "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert status == 0
    assert {row["target"] for row in out["targets"]} >= {"ndtf_refused_or_cancelled_share"}
    assert all(row["within_tolerance"] for row in out["targets"])


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lab", "--n", "2000000", "--quiet", "--format", "json"]) == 0
    assert main(["lab", "--n", "2000000", "--format", "json"]) == 0  # captured: not a TTY
    assert capsys.readouterr().err == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_draws_on_a_terminal_and_ends_its_line() -> None:
    stream = _Terminal()
    bar = ProgressBar(stream)
    bar(5, 10)
    bar(10, 10)
    text = stream.getvalue()
    assert "\r[" in text and "100.0%" in text and "10/10 requests" in text
    assert text.endswith("\n")
    silent = _Terminal()
    ProgressBar(silent, enabled=False)(10, 10)
    assert silent.getvalue() == ""
