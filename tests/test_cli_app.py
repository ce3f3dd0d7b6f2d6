"""``diffusion-scenarios app``: what it refuses, and what it needs from the installed package
(the browser tests in ``test_app_browser.py`` start it for real)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from diffusion_scenarios._cli import app
from diffusion_scenarios.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--workspace", "/no/such/folder"], "--workspace: expected an existing folder"),
        (["--max-kernels", "0"], "--max-kernels: expected at least 1"),
        (["--cull-after", "3"], "--cull-after: expected at least 10 seconds"),
        (["--port", "70000"], "--port: expected a port from 0 to 65535"),
        (["--cull-after", "120", "--idle-after", "60"], "--idle-after: expected at least"),
    ],
)
def test_a_bad_option_is_one_line_and_starts_nothing(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["app", "--no-browser", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("diffusion-scenarios app: ") and words in err
    assert err.count("\n") == 1


def test_idle_after_follows_cull_after_unless_given(capsys: pytest.CaptureFixture[str]) -> None:
    """``--cull-after 120`` alone is accepted (a page off screen then also goes after 120 s):
    the run gets past the limits and stops only at the missing workspace."""
    assert main(["app", "--no-browser", "--cull-after", "120", "--workspace", "/no/such"]) == 2
    err = capsys.readouterr().err
    assert "--workspace: expected an existing folder" in err and "--idle-after" not in err


def test_the_help_says_what_is_shut_down_when(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["app", "--help"])
    words = " ".join(capsys.readouterr().out.split())
    assert "shut down the kernel of a closed page within this long (default 60)" in words
    assert "open but not on screen" in words and "a page on screen keeps it" in words
    assert "(default as --cull-after, 60)" in words


def test_the_app_ships_its_notebook_and_offline_template_inside_the_package() -> None:
    assert app.NOTEBOOK.is_file()
    template = app.JUPYTER_DATA / "voila" / "templates" / "ds-offline"
    assert (template / "index.html.j2").is_file() and (template / "conf.json").is_file()
    # and the wheel takes them along (package data of diffusion_scenarios._app)
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["diffusion_scenarios._app"]
    shipped = {
        path
        for pattern in globs
        for path in app.NOTEBOOK.parent.glob(pattern)
        if path.is_file()
    }
    assert {app.NOTEBOOK, template / "index.html.j2", template / "conf.json"} <= shipped


def test_the_offline_template_links_to_no_other_machine() -> None:
    text = (app.JUPYTER_DATA / "voila" / "templates" / "ds-offline" / "index.html.j2").read_text()
    assert re.findall(r"https?://", text) == []
    assert "html_head_js_mermaidjs" in text  # nbconvert's CDN loader for mermaid, emptied
