"""The command line speaks command line: flags, not Python; figures as people write them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diffusion_scenarios.cli import main

SCENARIO = "ccf-2019-u1"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_existing_output_file_is_kept_and_the_message_names_the_flag_not_python(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "memo.md"
    target.write_text("mine\n", encoding="utf-8")
    code, _, err = run(capsys, "assess", SCENARIO, "-o", str(target))
    assert code == 2 and target.read_text(encoding="utf-8") == "mine\n"
    assert "overwrite it with --force" in err and "force=True" not in err
    assert err.count("\n") == 1


def test_the_output_format_follows_the_file_extension_when_no_format_is_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "assess", SCENARIO, "-o", str(tmp_path / "memo.md"))
    assert code == 0 and "warning" not in err
    assert (tmp_path / "memo.md").read_text(encoding="utf-8").startswith("# Memo")
    code, _, _ = run(capsys, "assess", SCENARIO, "-o", str(tmp_path / "memo.html"))
    assert "<html" in (tmp_path / "memo.html").read_text(encoding="utf-8").lower()


def test_a_format_that_disagrees_with_the_extension_is_obeyed_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "assess", SCENARIO, "-o", str(tmp_path / "memo.md"), "--format", "html"
    )
    assert code == 0
    assert "warning" in err and "markdown" in err
    assert "<html" in (tmp_path / "memo.md").read_text(encoding="utf-8").lower()


def test_caselaw_tags_lists_every_tag_the_filter_accepts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from diffusion_scenarios import caselaw

    code, out, _ = run(capsys, "caselaw", "--tags")
    assert code == 0
    listed = re.findall(r"^  (.+) \(\d+\)$", out, flags=re.M)
    assert listed
    assert set(listed) == set(caselaw.tag_counts(caselaw.decisions()).index)
    for tag in listed[:3]:  # each one works as a filter
        code, filtered, _ = run(capsys, "caselaw", "--tag", tag)
        assert code == 0 and filtered.strip()


def test_the_lab_report_writes_whole_figures_and_says_what_per_year_means(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "lab", "--n", "2000")
    assert code == 0
    assert not re.search(r"\d,\d{3}\.0\b", out)  # "2,076", never "2,076.0"
    assert "per year = at" not in out and "a year a year" not in out
    assert "the per-year column assumes" in out
