"""The command line in a hostile terminal (issue 22, point 2).

A full disk or a closed standard output ends in one line and a non-zero exit; what a
scenario's author wrote never reaches the terminal as control characters; Ctrl-C at any
moment prints ``interrupted``; ``--as-of`` reads only ``YYYY-MM-DD``.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from signals_support import AS_IN_A_TERMINAL

from diffusion_scenarios.cli import main

COMMANDS = {
    "assess": ["assess", "ccf-2019-u1"],
    "list": ["list"],
    "caselaw": ["caselaw"],
    "lab": ["lab", "--n", "1000", "--quiet"],
    "compare": ["compare"],
}


def _command(*argv: str) -> list[str]:
    return [sys.executable, "-m", "diffusion_scenarios", *argv]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("name", COMMANDS)
def test_output_to_a_full_disk_is_one_line_and_a_non_zero_exit(name: str) -> None:
    with open("/dev/full", "w") as full:  # noqa: PTH123
        done = subprocess.run(
            _command(*COMMANDS[name]), stdout=full, stderr=subprocess.PIPE, text=True,
            timeout=120, check=False,
        )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        f"diffusion-scenarios {name}: cannot write the output: No space left on device\n"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="closes a POSIX file descriptor")
@pytest.mark.parametrize("name", COMMANDS)
def test_output_to_a_closed_standard_output_is_one_line_and_a_non_zero_exit(name: str) -> None:
    done = subprocess.run(
        _command(*COMMANDS[name]), stderr=subprocess.PIPE, text=True, timeout=120,
        check=False, preexec_fn=lambda: os.close(1),  # the shell's >&-
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        f"diffusion-scenarios {name}: cannot write the output: standard output is closed\n"
    )


def test_a_reader_that_stops_early_ends_the_output_quietly() -> None:
    process = subprocess.Popen(
        _command("assess", "ccf-2019-u1", "--format", "html"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # like `| head -c 10`
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert err == ""


_HOSTILE_TITLE = "Case \x1b]0;owned\x07 \x9b2J \x1b[31mred\x1b[0m \u202eevil"


def _hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    title = json.dumps(_HOSTILE_TITLE)  # JSON escapes are valid YAML double-quoted escapes
    path.write_text(
        "format: 1\nid: hostile\ntitle: " + title + "\n"
        "as_of: 2025-03-01\n"
        "notice: {kind: diffusion, requesting_country: KAZ, issued_on: 2024-01-10}\n",
        "utf-8",
    )
    return path


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_markdown_and_html_printed_to_the_terminal_show_control_characters_as_escapes(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["assess", str(_hostile_file(tmp_path)), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "owned" in out  # the title is shown...
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", out)  # ...never obeyed
    assert "\\x1b" in out


def test_json_printed_to_the_terminal_escapes_them_and_keeps_the_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["assess", str(_hostile_file(tmp_path)), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", out)
    assert json.loads(out)["title"] == _HOSTILE_TITLE


def test_a_memo_written_to_a_file_keeps_the_title_as_written(tmp_path: Path) -> None:
    memo = tmp_path / "memo.md"
    assert main(["assess", str(_hostile_file(tmp_path)), "-o", str(memo)]) == 0
    assert "\x9b2J" in memo.read_text("utf-8")


@pytest.mark.parametrize("day", ["2025-W09-6", "20250301", "2025-060", "２０２５-03-01"])
def test_as_of_accepts_only_year_month_day(day: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "ccf-2019-u1", "--as-of", day]) == 2
    err = capsys.readouterr().err
    assert err.startswith("diffusion-scenarios assess: --as-of: expected a date as YYYY-MM-DD")
    assert err.count("\n") == 1


@pytest.mark.parametrize("option", ["--as-of", "--discovered-on"])
def test_a_draft_reads_its_days_as_assess_does(
    option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A week date is refused by ``draft`` too (it used to draft as of the day it names)."""
    argv = ["draft", "ccf-2019-u1", "--request", "revision", option, "2025-W09-6"]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"diffusion-scenarios draft: {option}: expected a date as YYYY-MM-DD (for example "
        "2026-05-01), found '2025-W09-6'\n"
    )


# -- Ctrl-C ------------------------------------------------------------------------------

# A frame in the package's code (not setuptools' editable-install finder in site-packages).
_PACKAGE_FRAME = re.compile(r"[/\\]diffusion_scenarios[/\\]|diffusion_scenarios_cli\.py$")


_SELF_INTERRUPT = """
import os, signal, sys
# a real SIGINT, sent to itself {delay} s from now (no thread that could be interrupted)
signal.signal(signal.SIGALRM, lambda *_: os.kill(os.getpid(), signal.SIGINT))
signal.setitimer(signal.ITIMER_REAL, {delay})
sys.argv = ["diffusion-scenarios", "assess", "ccf-2019-u1", "--format", "json"]
from diffusion_scenarios_cli import main  # what the console script runs
try:
    status = main()
finally:
    # a timer still running would fire while the interpreter shuts down, after the
    # command has finished, and end the process with SIGALRM
    signal.setitimer(signal.ITIMER_REAL, 0)
sys.exit(status)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is a POSIX signal")
def test_ctrl_c_at_any_moment_of_the_command_never_gives_a_traceback() -> None:
    """Real signals, from 1 ms after start to past the end of the command, 6 ms apart."""
    seen = []
    for step in range(40):
        code = _SELF_INTERRUPT.format(delay=0.001 + 0.006 * step)
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
            check=False, **AS_IN_A_TERMINAL,
        )  # fmt: skip
        seen.append((done.returncode, done.stderr))
    # Before the console script's first import returns, the signal is Python's to report;
    # from the package's first line on, it is "interrupted" and 130, or a finished run.
    through_package = [
        err
        for _, err in seen
        if any(map(_PACKAGE_FRAME.search, re.findall(r'File "([^"]+)"', err)))
    ]
    assert through_package == []
    assert all(code == 130 for code, err in seen if err == "interrupted\n"), seen
    assert all(code == 0 for code, err in seen if err == ""), seen
    assert sum(err == "interrupted\n" for _, err in seen) >= 10  # signals did land in it


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is a POSIX signal")
def test_ctrl_c_in_the_first_milliseconds_never_shows_a_traceback_of_the_package() -> None:
    """Ctrl-C sent from outside 5 to 20 ms after the command starts. A signal that lands
    while the interpreter itself is still starting (its ``site`` module and the
    environment's ``.pth`` files, before any line of the command runs) is Python's to
    print; none may pass through the package's code."""
    script = Path(sys.executable).with_name("diffusion-scenarios")
    argv = [str(script)] if script.exists() else _command()
    tracebacks_through_the_package = []
    for attempt in range(30):
        process = subprocess.Popen(
            [*argv, "list"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            **AS_IN_A_TERMINAL,
        )
        time.sleep(0.005 + (attempt % 16) * 0.001)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        frames = re.findall(r'File "([^"]+)"', err)
        if any(_PACKAGE_FRAME.search(frame) for frame in frames):
            tracebacks_through_the_package.append(err)
        if "interrupted" in err:
            assert process.returncode == 130 and err == "interrupted\n"
    assert tracebacks_through_the_package == []


def test_the_entry_module_imports_nothing_from_disk_before_main_is_guarding() -> None:
    """Every import the console script's module runs at its top level must be of a
    module built into the interpreter: an import read from disk (as ``from __future__
    import annotations`` is) takes milliseconds, and a Ctrl-C landing in them came out
    as a traceback through the package on CI before ``main``'s ``try`` could catch it."""
    import dis

    import diffusion_scenarios_cli

    source = Path(diffusion_scenarios_cli.__file__).read_text(encoding="utf-8")
    top_level_imports = [
        instruction.argval
        for instruction in dis.get_instructions(compile(source, "cli", "exec"))
        if instruction.opname == "IMPORT_NAME"
    ]
    assert top_level_imports, "the module imports sys to write 'interrupted'"
    assert all(name in sys.builtin_module_names for name in top_level_imports), top_level_imports
