"""Hostile input ends cleanly (issue 13): one test per numbered case.

The promise is the same everywhere: a clear message naming the field or the file, exit
status 2 on the command line, no traceback, no hang and no half-written file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from signals_support import AS_IN_A_TERMINAL

import diffusion_scenarios as ds
from diffusion_scenarios import caselaw, reports
from diffusion_scenarios._base import files as _files
from diffusion_scenarios._base import limits as _limits
from diffusion_scenarios._law.data import data_file
from diffusion_scenarios.cli import main
from diffusion_scenarios.errors import OutputPathError

VALID = """\
format: 1
id: hostile-input
title: A diffusion after a commercial dispute
as_of: 2025-03-01
notice: {kind: diffusion, requesting_country: KZ, issued_on: 2025-01-10, recipients: [europe]}
"""
SHIPPED_EXPECTED = Path(str(data_file("scenarios/expected.csv")))
EXPECTED_HEADER = "file,decision_id,ccf_outcome,ccf_grounds\n"
FIFO_TIMEOUT = 20  # seconds: a regression that blocks on a pipe fails instead of hanging CI

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def _run(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "diffusion_scenarios", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _clean_failure(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def _assessment() -> ds.Assessment:
    return ds.assess(ds.loads_scenario(VALID))


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write gets half its bytes onto the disk, then the disk is full."""

    def half_then_full(handle: int, data: bytes) -> None:
        os.write(handle, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(_files, "_write_all", half_then_full)


# -- 1. writes are atomic ------------------------------------------------------------------


def test_a_memo_interrupted_by_a_full_disk_leaves_no_file_and_the_retry_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "memo.md"
    assessment = _assessment()
    with monkeypatch.context() as patch:
        _full_disk(patch)
        with pytest.raises(OSError, match="No space left"):
            reports.write_report(assessment, target, "markdown")
    assert list(tmp_path.iterdir()) == []  # neither the memo nor a temporary file
    reports.write_report(assessment, target, "markdown")  # not refused as "already exists"
    assert target.read_text(encoding="utf-8") == reports.render(assessment, "markdown")


def test_a_failed_overwrite_keeps_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "memo.txt"
    target.write_text("the old memo\n", encoding="utf-8")
    _full_disk(monkeypatch)
    with pytest.raises(OSError):
        reports.write_report(_assessment(), target, "text", force=True)
    assert target.read_text(encoding="utf-8") == "the old memo\n"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.txt"]


def test_a_scenario_save_interrupted_by_a_full_disk_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario = ds.loads_scenario(VALID)
    target = tmp_path / "saved.yaml"
    with monkeypatch.context() as patch:
        _full_disk(patch)
        with pytest.raises(OSError):
            ds.save_scenario(scenario, target)
    assert list(tmp_path.iterdir()) == []
    ds.save_scenario(scenario, target)
    assert ds.load_scenario(target) == scenario


def test_the_command_line_reports_a_full_disk_in_one_line_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _full_disk(monkeypatch)
    target = tmp_path / "memo.html"
    assert main(["assess", "ccf-2019-u1", "--format", "html", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err and "No space left" in err
    assert list(tmp_path.iterdir()) == []


def test_writing_never_overwrites_without_force_even_a_dangling_link(tmp_path: Path) -> None:
    link = tmp_path / "memo.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    with pytest.raises(ds.OutputExistsError):
        reports.write_report(_assessment(), link, "text")
    with pytest.raises(OutputPathError, match="is a link"):
        reports.write_report(_assessment(), link, "text", force=True)
    assert not (tmp_path / "elsewhere.txt").exists()  # nothing written through the link
    assert link.is_symlink()


def test_the_no_overwrite_rule_holds_if_the_file_appears_during_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "memo.txt"
    real = _files._write_all

    def someone_else_creates_it(handle: int, data: bytes) -> None:
        target.write_text("another program's file\n", encoding="utf-8")
        real(handle, data)

    monkeypatch.setattr(_files, "_write_all", someone_else_creates_it)
    with pytest.raises(ds.OutputExistsError):
        _files.write_atomic(target, "ours", force=False)
    assert target.read_text(encoding="utf-8") == "another program's file\n"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.txt"]


def test_an_empty_output_name_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "ccf-2019-u1", "-o", ""]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # not printed to the screen instead
    assert "-o" in captured.err and "empty" in captured.err
    with pytest.raises(OutputPathError):
        reports.write_report(_assessment(), "", "text")


def test_output_onto_a_dangling_link_with_force_is_refused_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "memo.md"
    link.symlink_to(tmp_path / "target.md")
    argv = ["assess", "ccf-2019-u1", "--format", "markdown", "-o", str(link), "--force"]
    assert main(argv) == 2
    assert "is a link" in capsys.readouterr().err
    assert not (tmp_path / "target.md").exists()


def test_a_draft_onto_a_dangling_link_is_refused_in_the_same_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "request.md"
    link.symlink_to(tmp_path / "target.md")
    argv = ["draft", "ccf-2019-u1", "--request", "deletion", "-o", str(link), "--force"]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        f"diffusion-scenarios draft: {link}: is a link; links are not written through, give "
        "the file's own name\n"
    )
    assert not (tmp_path / "target.md").exists()


# -- 2. reads are bounded ------------------------------------------------------------------


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "case.yaml"
    os.mkfifo(path)
    return path


@needs_fifo
@pytest.mark.timeout(FIFO_TIMEOUT)
def test_a_pipe_given_as_a_scenario_is_refused_at_once(fifo: Path) -> None:
    with pytest.raises(ds.ScenarioError, match="pipe"):
        ds.load_scenario(fifo)
    with pytest.raises(ds.ScenarioError, match="pipe"):
        ds.resolve_scenario(str(fifo))  # what the explorer's load calls
    _clean_failure(_run("validate", str(fifo), timeout=FIFO_TIMEOUT), "pipe", str(fifo))
    _clean_failure(_run("assess", str(fifo), timeout=FIFO_TIMEOUT), "pipe")


@needs_fifo
@pytest.mark.timeout(FIFO_TIMEOUT)
def test_a_pipe_given_to_compare_is_refused_at_once(tmp_path: Path) -> None:
    expected = tmp_path / "expected.csv"
    os.mkfifo(expected)
    with pytest.raises(ds.CaseLawError, match="pipe"):
        caselaw.read_expected(expected)
    folder = tmp_path / "cases"
    folder.mkdir()
    os.mkfifo(folder / "case.yaml")
    good = folder / "expected.csv"
    good.write_text(EXPECTED_HEADER + "case.yaml,1,compliant,\n", encoding="utf-8")
    done = _run("compare", str(folder), "--expected", str(good), timeout=FIFO_TIMEOUT)
    _clean_failure(done, "case.yaml", "pipe")


@pytest.mark.timeout(FIFO_TIMEOUT)
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_as_the_expected_csv_is_refused_without_reading_it() -> None:
    done = _run("compare", str(SHIPPED_EXPECTED.parent), "--expected", "/dev/zero")
    _clean_failure(done, "/dev/zero", "device")


def test_an_empty_scenario_name_is_not_read_as_the_current_folder() -> None:
    _clean_failure(_run("validate", ""), "an empty name")
    _clean_failure(_run("assess", " "), "an empty name")
    with pytest.raises(ds.ScenarioError, match="an empty name"):
        ds.load_scenario("")


def test_a_csv_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_limits, "MAX_CSV_BYTES", 100)
    big = tmp_path / "expected.csv"
    big.write_text(EXPECTED_HEADER + "a.yaml,1,compliant,\n" * 10, encoding="utf-8")
    with pytest.raises(ds.CaseLawError, match="at most 100 bytes"):
        caselaw.read_expected(big)


def test_more_trips_than_the_limit_are_refused_naming_travel() -> None:
    trip = "  - {country: FR, date: 2025-02-01}\n"
    at_limit = VALID + "travel:\n" + trip * _limits.MAX_TRIPS
    assert len(ds.loads_scenario(at_limit).travel) == _limits.MAX_TRIPS
    with pytest.raises(ds.ScenarioError, match=r"travel: expected a list of at most 500 items"):
        ds.loads_scenario(at_limit + trip)


def test_a_huge_list_or_mapping_is_one_problem_not_thousands() -> None:
    many = ", ".join(["FR", "XX"] * 5000)
    with pytest.raises(ds.ScenarioError) as caught:
        ds.loads_scenario(VALID + f"person: {{nationalities: [{many}]}}\n")
    assert [p.path for p in caught.value.problems] == ["person.nationalities"]
    keys = ", ".join(f"k{i}: 1" for i in range(5000))
    with pytest.raises(ds.ScenarioError) as caught:
        ds.loads_scenario(VALID + f"case: {{{keys}}}\n")
    assert [p.path for p in caught.value.problems] == ["case"]


# -- 3. numbers and dates ------------------------------------------------------------------

HUGE = "9" * 309


def test_a_309_digit_number_is_a_clear_problem_in_yaml_json_and_compare(tmp_path: Path) -> None:
    with pytest.raises(ds.ScenarioError, match=r"case\.max_penalty_years: expected a number"):
        ds.loads_scenario(VALID + f"case: {{max_penalty_years: {HUGE}}}\n")
    document = ds.scenario_to_dict(ds.loads_scenario(VALID))
    document["as_of"] = "2025-03-01"
    document["notice"]["issued_on"] = "2025-01-10"
    text = json.dumps(document)[:-1] + f', "case": {{"amount_usd": {HUGE}}}}}'
    with pytest.raises(ds.ScenarioError, match=r"case\.amount_usd: expected a number"):
        ds.loads_scenario(text, json_text=True)
    (tmp_path / "case.json").write_text(text, encoding="utf-8")
    (tmp_path / "expected.csv").write_text(
        EXPECTED_HEADER + "case.json,1,compliant,\n", encoding="utf-8"
    )
    done = _run("compare", str(tmp_path), "--expected", str(tmp_path / "expected.csv"))
    _clean_failure(done, "case.amount_usd")


def test_a_tagged_timestamp_that_is_no_date_names_the_field() -> None:
    with pytest.raises(ds.ScenarioError, match="as_of: expected a date"):
        ds.loads_scenario(VALID.replace("as_of: 2025-03-01", "as_of: !!timestamp 'x'"))


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_as_of_outside_the_model_range_is_refused_by_option_and_api(
    day: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["assess", "ccf-2019-u1", "--as-of", day]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--as-of: expected a date YYYY-MM-DD between 1900-01-01 and 2199-12-31" in captured.err
    with pytest.raises(ds.ScenarioError, match=r"^as_of: expected a date .* between 1900"):
        ds.assess(ds.builtin_scenarios()["ccf-2019-u1"], as_of=dt.date.fromisoformat(day))


def test_the_edges_of_the_date_range_are_assessed() -> None:
    scenario = ds.builtin_scenarios()["ccf-2019-u1"]
    assert ds.assess(scenario, as_of=_limits.LATEST_DATE).as_of == _limits.LATEST_DATE
    assert ds.assess(scenario, as_of=_limits.EARLIEST_DATE).as_of == _limits.EARLIEST_DATE


# -- 4. text -------------------------------------------------------------------------------


def test_a_lone_surrogate_is_refused_by_validate_so_assess_never_meets_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "case.json"
    document = {
        "format": 1,
        "id": "surrogate",
        "title": "A \\ud800 B",
        "notice": {"kind": "red_notice", "requesting_country": "TR", "issued_on": "2024-02-01"},
    }
    path.write_text(json.dumps(document).replace("\\\\ud800", "\\ud800"), encoding="utf-8")
    _clean_failure(_run("validate", str(path)), "title: expected text of whole characters")
    _clean_failure(_run("assess", str(path)), "title")


def test_control_characters_in_a_key_cannot_fake_a_line_on_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    key = "\x1b[2K\rok: case.yaml\nok: other.yaml"
    document = json.loads(json.dumps({"format": 1, "id": "keys"}))
    document[key] = 1
    path.write_text(json.dumps(document), encoding="utf-8")
    done = _run("validate", str(path))
    _clean_failure(done, "\\x1b[2K\\x0dok: case.yaml\\x0aok: other.yaml")
    assert "\x1b" not in done.stderr and "\r" not in done.stderr
    assert not any(line.startswith("ok:") for line in done.stderr.splitlines())


def test_control_characters_in_the_title_are_shown_not_obeyed_in_the_text_report() -> None:
    scenario = dataclasses.replace(ds.loads_scenario(VALID), title="A\x1b[31m red\u202e title")
    text = reports.render(ds.assess(scenario), "text")
    assert "A\\x1b[31m red\\u202e title" in text
    assert "\x1b" not in text and "\u202e" not in text


def test_a_dollar_in_the_title_is_drawn_as_written_in_every_chart_and_the_html_memo() -> None:
    from diffusion_scenarios import plots

    scenario = dataclasses.replace(ds.loads_scenario(VALID), title="a $x^$ b costs $5")
    assessment = ds.assess(scenario)
    for draw in (plots.grounds_chart, plots.route_timeline):
        figure = draw(assessment)
        figure.savefig(os.devnull, format="png")  # raised ValueError before
        texts = [t.get_text() for axes in figure.axes for t in (axes.title, axes._left_title)]
        assert any("a \\$x^\\$ b costs \\$5" in text for text in texts)
    html = reports.render(assessment, "html")
    assert "a $x^$ b costs $5" in html


# -- 5. wording ----------------------------------------------------------------------------


def test_a_tab_is_explained_without_found_found() -> None:
    with pytest.raises(ds.ScenarioError) as caught:
        ds.loads_scenario(VALID + "title: x\n\tnotes: y\n")
    message = str(caught.value)
    assert "found found" not in message
    assert "tab" in message and "line 7" in message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-32-be"])
def test_a_utf16_or_utf32_file_is_named_as_such_with_the_remedy(
    encoding: str, tmp_path: Path
) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(VALID.encode(encoding))
    with pytest.raises(ds.ScenarioError) as caught:
        ds.load_scenario(path)
    message = str(caught.value)
    assert encoding[:6].upper() in message and "save the file as UTF-8" in message
    assert "binary" not in message


def test_a_utf16_csv_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "expected.csv"
    path.write_bytes((EXPECTED_HEADER + "a.yaml,1,compliant,\n").encode("utf-16"))
    with pytest.raises(ds.CaseLawError, match=r"UTF-16.*save the file as UTF-8"):
        caselaw.read_expected(path)


def test_a_merge_key_is_refused_with_its_line() -> None:
    text = VALID + "x-defaults: &d {offence: fraud}\ncase:\n  <<: *d\n"
    with pytest.raises(ds.ScenarioError, match=r"merge key '<<'.*line 8"):
        ds.loads_scenario(text)


def test_the_id_rule_is_said_in_words() -> None:
    with pytest.raises(ds.ScenarioError) as caught:
        ds.loads_scenario(VALID.replace("hostile-input", "Hostile Input"))
    message = str(caught.value)
    assert "lower-case letters, digits and hyphens" in message
    assert "[" not in message.split("found")[0]  # no regular expression


# -- 6. the policy lab and Ctrl-C ------------------------------------------------------------


def test_a_huge_chunk_size_is_refused_before_any_memory_is_used() -> None:
    done = _run("lab", "--n", "1000", "--chunk-size", "1000000000")
    _clean_failure(done, "--chunk-size", "4,194,304")
    assert done.stderr.count("\n") == 1
    done = _run("lab", "--n", "9" * 400)
    _clean_failure(done, "--n", "digits")


def test_ctrl_c_inside_the_command_prints_interrupted_and_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import diffusion_scenarios.cli as cli

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_parser", interrupted)  # before any subcommand loads
    assert main(["list"]) == 130
    assert capsys.readouterr().err == "interrupted\n"


# A stand-in for Ctrl-C pressed while a module loads: importing MODULE raises.
_INTERRUPT_ON_IMPORT = """
import sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            raise KeyboardInterrupt
sys.meta_path.insert(0, Interrupt())
sys.argv = ["diffusion-scenarios", "assess", "ccf-2019-u1"]
from diffusion_scenarios_cli import main  # what the console script runs
sys.exit(main())
"""


@pytest.mark.parametrize(
    "module",
    [
        "diffusion_scenarios",  # the package itself, before any of its code runs
        "diffusion_scenarios.errors",
        "argparse",
        "dataclasses",
        "diffusion_scenarios._cli.assess",  # while the parser is built
        "diffusion_scenarios._law.parsed",  # inside the handler (the data parsed ahead)
        "diffusion_scenarios._engine.pipeline",
    ],
)
def test_ctrl_c_while_modules_load_prints_interrupted_and_exits_130(module: str) -> None:
    # Only Python's own start-up (before the console script runs) is out of our hands.
    code = _INTERRUPT_ON_IMPORT.format(module=module)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == "interrupted\n"


def test_ctrl_c_while_python_dash_m_loads_the_commands_is_clean_too() -> None:
    code = _INTERRUPT_ON_IMPORT.format(module="argparse").replace(
        "from diffusion_scenarios_cli import main", "from diffusion_scenarios.cli import main"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stderr) == (130, "interrupted\n")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is a POSIX signal")
def test_ctrl_c_during_a_long_run_prints_interrupted_and_exits_130() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "diffusion_scenarios", "lab", "--n", "500000000", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **AS_IN_A_TERMINAL,
    )
    time.sleep(3)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == "interrupted\n" and out == ""


# -- 7. compare ------------------------------------------------------------------------------


def _cases(tmp_path: Path, rows: str, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    expected = tmp_path / "expected.csv"
    expected.write_text(EXPECTED_HEADER + rows, encoding="utf-8")
    return expected


def test_compare_reports_every_bad_file_not_only_the_first(tmp_path: Path) -> None:
    bad_a = VALID.replace("id: hostile-input", "id: Bad A")
    bad_b = VALID.replace("kind: diffusion", "kind: purple")
    expected = _cases(
        tmp_path,
        "a.yaml,1,compliant,\nb.yaml,2,compliant,\n",
        {"a.yaml": bad_a, "b.yaml": bad_b},
    )
    with pytest.raises(ds.ScenarioError) as caught:
        caselaw.compare(tmp_path, expected)
    paths = {(Path(str(p.source)).name, p.path) for p in caught.value.problems}
    assert paths == {("a.yaml", "id"), ("b.yaml", "notice.kind")}
    done = _run("compare", str(tmp_path), "--expected", str(expected))
    _clean_failure(done, "a.yaml: id", "b.yaml: notice.kind")


def test_compare_exits_2_naming_a_row_without_file_and_a_file_without_row(
    tmp_path: Path,
) -> None:
    expected = _cases(
        tmp_path,
        "a.yaml,1,compliant,\nmissing.yaml,2,compliant,\n",
        {"a.yaml": VALID, "extra.yaml": VALID.replace("hostile-input", "extra")},
    )
    done = _run("compare", str(tmp_path), "--expected", str(expected))
    _clean_failure(done, "missing.yaml", "extra.yaml")
    assert "a.yaml (CCF decision 1)" in done.stdout  # the comparison is still shown


def test_compare_refuses_a_csv_with_a_column_twice(tmp_path: Path) -> None:
    path = tmp_path / "expected.csv"
    path.write_text(
        "file,decision_id,ccf_outcome,ccf_grounds,ccf_outcome\na.yaml,1,compliant,,kept\n",
        encoding="utf-8",
    )
    with pytest.raises(ds.CaseLawError, match=r"row 1 \(header\).*ccf_outcome more than once"):
        caselaw.read_expected(path)
