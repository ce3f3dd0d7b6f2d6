"""``diffusion-scenarios list`` and ``validate`` as a user runs them."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios.cli import main

MALFORMED = Path(__file__).parent / "malformed"
GOOD = """\
format: 1
id: {id}
notice: {{kind: diffusion, requesting_country: NO, issued_on: 2025-01-10}}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_list_shows_every_builtin_id_with_its_title(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    builtins = ds.builtin_scenarios()
    assert len(lines) == len(builtins) >= 7
    for line, (key, scenario) in zip(lines, builtins.items(), strict=True):
        assert line.startswith(key + " ")
        assert line.endswith(scenario.title)


def test_list_as_json_gives_ids_titles_and_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in rows] == list(ds.builtin_scenarios())
    assert {row["kind"] for row in rows} <= {"diffusion", "red_notice"}
    assert all(row["title"] for row in rows)


def test_validate_good_files_prints_ok_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write(tmp_path, "a.yaml", GOOD.format(id="first"))
    second = write(tmp_path, "b.yaml", GOOD.format(id="second"))
    assert main(["validate", str(first), str(second)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"ok: {first}", f"ok: {second}"]
    assert captured.err == ""


def test_validate_reports_every_problem_of_every_bad_file_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "good.yaml", GOOD.format(id="good"))
    bad = MALFORMED / "many_problems.yaml"
    other = MALFORMED / "negative_penalty.yaml"
    assert main(["validate", str(bad), str(good), str(other)]) == 2
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"ok: {good}"]
    errors = captured.err.splitlines()
    assert len(errors) == 8  # seven problems in one file, one in the other
    assert sum(line.startswith(f"{bad}: ") for line in errors) == 7
    assert errors[-1].startswith(f"{other}: case.max_penalty_years: expected a number")
    assert "Traceback" not in captured.err


def test_validate_refuses_two_files_with_the_same_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write(tmp_path, "a.yaml", GOOD.format(id="same"))
    second = write(tmp_path, "b.yaml", GOOD.format(id="same"))
    assert main(["validate", str(first), str(second)]) == 2
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"ok: {first}"]
    assert f"{second}: id: expected an id no other file given uses (it is also in {first})" in (
        captured.err
    )


def test_validate_never_changes_the_files(tmp_path: Path) -> None:
    copies = []
    for name in ("many_problems.yaml", "python_object_tag.yaml", "binary_junk.yaml"):
        target = tmp_path / name
        shutil.copyfile(MALFORMED / name, target)
        copies.append(target)
    good = write(tmp_path, "good.yaml", GOOD.format(id="good"))
    copies.append(good)
    before = {path: digest(path) for path in copies}
    assert main(["validate", *map(str, copies)]) == 2
    assert {path: digest(path) for path in copies} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in copies)


def test_validate_a_missing_file_is_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path / "absent.yaml")]) == 2
    err = capsys.readouterr().err
    absent = tmp_path / "absent.yaml"
    expected = f"{absent}: (file): expected an existing scenario file, found no such file"
    assert err.strip() == expected


@pytest.mark.parametrize("command", ["list", "validate"])
def test_each_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([command, "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: diffusion-scenarios {command}" in out


def test_the_installed_command_runs_validate_in_a_real_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    shutil.copyfile(MALFORMED / "yaml_syntax_error.yaml", bad)
    result = subprocess.run(
        [sys.executable, "-m", "diffusion_scenarios", "validate", str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"{bad}: (file): expected valid YAML")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
