"""The command line loads only what a command needs, and says plainly what it did not find.

(The time itself is measured by ``benchmarks/bench_cli.py``, not here.)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios._cli import lab as lab_command
from diffusion_scenarios.cli import main

HEAVY = ("pandas", "matplotlib", "numpy", "diffusion_scenarios._lab", "diffusion_scenarios.lab")


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_assessing_one_scenario_loads_no_policy_lab_pandas_or_matplotlib(fmt: str) -> None:
    probe = (
        "import sys, io, contextlib\n"
        "from diffusion_scenarios.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['assess', 'ccf-2019-u1', '--format', {fmt!r}]) == 0\n"
        f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_lab_commands_default_and_largest_chunk_are_the_labs() -> None:
    from diffusion_scenarios._lab.params import DEFAULT_CHUNK_SIZE, MAX_CHUNK_SIZE

    assert lab_command.DEFAULT_CHUNK_SIZE == DEFAULT_CHUNK_SIZE
    assert lab_command.MAX_CHUNK_SIZE == MAX_CHUNK_SIZE


def test_one_builtin_read_alone_is_the_same_as_from_the_full_list() -> None:
    alone = ds.resolve_scenario("diffusion-against-recognised-refugee")
    assert alone == ds.builtin_scenarios()["diffusion-against-recognised-refugee"]


def test_a_mistyped_id_in_other_words_suggests_the_scenario_holding_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["assess", "refugee-diffusion"]) == 2
    err = capsys.readouterr().err
    assert "did you mean diffusion-against-recognised-refugee" in err
    assert err.count("\n") == 1


def test_a_missing_file_says_which_folder_was_searched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["assess", "case.yaml"]) == 2
    assert f"case.yaml: no such file in {tmp_path}" in capsys.readouterr().err
    assert main(["validate", "case.yaml"]) == 2
    assert f"no such file in {os.fspath(tmp_path)}" in capsys.readouterr().err


def test_each_command_name_builds_the_parser_of_the_group_that_registers_it() -> None:
    from diffusion_scenarios import cli

    full = cli.build_parser()
    commands = next(a for a in full._actions if a.dest == "command").choices
    assert set(commands) == set(cli._MODULE_OF_COMMAND)  # type: ignore[arg-type]
    for name in commands:  # type: ignore[union-attr]
        alone = cli.build_parser(name)
        choices = next(a for a in alone._actions if a.dest == "command").choices
        assert name in choices  # type: ignore[operator]
        assert choices[name].format_help() == commands[name].format_help()  # type: ignore[index]


def test_a_json_assessment_of_a_builtin_loads_no_yaml_parser() -> None:
    probe = (
        "import sys, io, contextlib\n"
        "from diffusion_scenarios.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['assess', 'ccf-2019-u1', '--format', 'json']) == 0\n"
        "print('yaml' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_json_assessment_of_a_builtin_loads_no_zip_support_calendar_or_signals() -> None:
    # Issue 21 point 3: the shipped data are read from the installed folder (importlib.resources
    # only for a zip), a month's last day needs no calendar, and signals only a write; the
    # help's width is measured without shutil (which loads the compression modules), and
    # spelling suggestions are only needed after a mistake.
    unneeded = (
        *("importlib.resources", "zipfile", "tempfile", "calendar", "signal"),
        *("shutil", "bz2", "lzma"),
        "difflib",  # only to suggest a spelling, after a mistake
    )
    probe = (
        "import sys, io, contextlib\n"
        "from diffusion_scenarios.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['assess', 'ccf-2019-u1', '--format', 'json']) == 0\n"
        f"print(sorted(m for m in {unneeded!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_shipped_data_folder_is_the_one_importlib_resources_gives() -> None:
    from importlib import resources

    from diffusion_scenarios._law.data import data_folder

    assert data_folder() == resources.files("diffusion_scenarios.data")


@pytest.mark.parametrize("columns", [None, "", "60", "200", "0", "-5", "wide"])
def test_the_help_is_as_wide_as_shutil_says_the_terminal_is(
    columns: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from diffusion_scenarios import cli

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert cli._terminal_columns() == shutil.get_terminal_size().columns
    ours, standard = cli._HelpFormatter("prog"), argparse.HelpFormatter("prog")
    assert (ours._width, ours._max_help_position) == (standard._width, standard._max_help_position)
