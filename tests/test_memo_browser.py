"""The HTML memo in a real headless Chromium: it loads offline, shows its figures, runs no
script the user smuggled in, and prints without the navigation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from assessment_samples import sample_assessment
from browser_support import launch_chromium, open_page, save_screenshot

import diffusion_scenarios as ds
from diffusion_scenarios._render.html import render_html

pytestmark = pytest.mark.browser

HOSTILE_TITLE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with launch_chromium() as browser:
        yield browser


def _write(tmp_path: Path, name: str, page: str) -> Path:
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    return path


def test_memo_of_a_builtin_scenario_loads_with_no_request_leaving_the_file(
    chromium: Any, tmp_path: Path
) -> None:
    scenario = next(iter(ds.builtin_scenarios().values()))
    memo = _write(tmp_path, "memo", render_html(ds.assess(scenario)))
    with open_page(memo.as_uri(), browser=chromium) as (page, log):
        shot = save_screenshot(page, tmp_path, "memo")
        heading = page.inner_text("h1")
        figures = page.eval_on_selector_all(
            "figure svg", "nodes => nodes.map(n => n.getBoundingClientRect().width)"
        )
    assert log.failed_requests == []
    assert log.non_local_requests == []
    assert log.schemes() <= {"file", "data"}
    assert log.page_errors == []
    assert log.console_errors == []
    assert heading.startswith("Memo: ")
    assert len(figures) == 3 and all(width > 300 for width in figures)
    assert shot.stat().st_size > 10_000


def test_memo_runs_no_script_the_user_typed_and_shows_it_as_text(
    chromium: Any, tmp_path: Path
) -> None:
    memo = _write(tmp_path, "hostile", render_html(sample_assessment(title=HOSTILE_TITLE)))
    with open_page(memo.as_uri(), browser=chromium) as (page, log):
        pwned = page.evaluate("typeof window.pwned")
        heading = page.inner_text("h1")
        images = page.eval_on_selector_all("img", "nodes => nodes.length")
        save_screenshot(page, tmp_path, "hostile", full_page=False)
    assert pwned == "undefined"
    assert heading == f"Memo: {HOSTILE_TITLE}"
    assert images == 0
    assert log.non_local_requests == []
    assert log.failed_requests == []


def test_memo_prints_without_navigation(chromium: Any, tmp_path: Path) -> None:
    memo = _write(tmp_path, "print", render_html(sample_assessment()))
    with open_page(memo.as_uri(), browser=chromium) as (page, _log):
        on_screen = page.evaluate("getComputedStyle(document.querySelector('nav')).display")
        page.emulate_media(media="print")
        in_print = page.evaluate("getComputedStyle(document.querySelector('nav')).display")
        pdf = page.pdf(format="A4")
    assert on_screen != "none"
    assert in_print == "none"
    assert pdf.startswith(b"%PDF")
