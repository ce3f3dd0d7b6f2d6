"""``diffusion-scenarios app`` as a seminar server: nothing leaves the machine, the kernels
of closed pages are shut down, and a full server says so.

Each test starts the command from an empty, unrelated folder (with no ``JUPYTER_PATH``), so
it proves the app finds its notebook, template and configuration in the installed package.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from app_support import start_app
from browser_support import (
    is_local_url,
    keep_artifact,
    launch_chromium,
    open_page,
    require_browser,
    save_screenshot,
)

pytestmark = pytest.mark.browser

# The explorer's own outcome line: its widgets are live and its kernel connected. (The page
# shows the same line earlier as plain HTML, see the preview test; waiting for that one
# would leave Playwright's request guard unserved while a test sleeps, so the page would
# never connect its kernel.)
BANNER = "#rendered_cells [role=status]"
KERNEL_TIMEOUT_MS = 150_000


def test_the_app_started_anywhere_shows_the_outcome_asking_nothing_of_other_machines(
    tmp_path: Path,
) -> None:
    require_browser()
    folder = tmp_path / "somewhere-else"
    folder.mkdir()
    with (
        start_app(folder, tmp_path / "app.log") as app,
        open_page(app.url, viewport=(1400, 1000), timeout_ms=KERNEL_TIMEOUT_MS) as (page, log),
    ):
        page.locator(BANNER, has_text="Likely CCF outcome").wait_for(timeout=KERNEL_TIMEOUT_MS)
        page.wait_for_timeout(1500)  # late requests (icons, fonts) too
        keep_artifact(save_screenshot(page, tmp_path, "app_started_anywhere"))
        # The package's own template: Voilà's bundle, no code shown.
        assert page.locator(".jp-InputArea-editor").count() == 0
        printed = app.log_text()
    assert log.requests, "the page made no request at all?"
    assert [url for url in log.requests if not is_local_url(url)] == []
    assert {url.split("/")[2] for url in log.requests if url.startswith("http")} == {
        app.url.split("/")[2]
    }
    assert log.page_errors == []
    assert f"The explorer is at {app.url}" in printed


def test_the_page_shows_the_explorers_own_outcome_before_its_widgets_load_and_never_twice(
    tmp_path: Path,
) -> None:
    """The served page carries the outcome line as plain HTML (the explorer's own line,
    computed by the prepared kernel), shown at once; when the widgets have loaded, their
    line replaces it: the same words, one line on the page."""
    require_browser()
    folder = tmp_path / "preview"
    folder.mkdir()
    preview = ".ds-preview [role=status]"
    explorer = BANNER
    with (
        start_app(folder, tmp_path / "app.log") as app,
        open_page(
            app.url, viewport=(1400, 1000), wait_until="commit", timeout_ms=KERNEL_TIMEOUT_MS
        ) as (page, log),
    ):
        page.locator(preview, has_text="Likely CCF outcome").wait_for(timeout=KERNEL_TIMEOUT_MS)
        before = page.locator(preview).inner_text()
        page.locator(explorer, has_text="Likely CCF outcome").wait_for(timeout=KERNEL_TIMEOUT_MS)
        after = page.locator(explorer).inner_text()
        assert page.locator(".ds-preview").count() == 0  # replaced, not doubled
        assert page.locator("[role=status]", has_text="Likely CCF outcome").count() == 1
        # It answers like the explorer: a change of recipients updates the one line.
        page.get_by_label("Recipients", exact=True).select_option(label="all members")
        page.locator(BANNER, has_text="received by 19").wait_for(timeout=30_000)
    assert "Likely CCF outcome on a deletion request" in before
    assert before == after
    assert log.page_errors == []
    assert log.non_local_requests == []


@pytest.mark.slow
def test_six_closed_pages_leave_at_most_the_prepared_kernel_and_one_more(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "seminar"
    folder.mkdir()
    with start_app(folder, tmp_path / "app.log") as app, launch_chromium() as browser:
        for opened in range(1, 7):
            app.wait_prepared(opened)
            with open_page(
                app.url, timeout_ms=KERNEL_TIMEOUT_MS, browser=browser
            ) as (page, _log):  # fmt: skip
                page.locator(BANNER, has_text="Likely CCF outcome").wait_for(
                    timeout=KERNEL_TIMEOUT_MS
                )
        at_close = app.kernels()
        time.sleep(90)
        left = app.kernels()
    print(f"\nkernels when the sixth page closed: {at_close}; 90 s later: {left}")
    assert at_close >= 1
    assert left <= 2, app.log_text()


def test_a_full_server_says_so_instead_of_starting_another_kernel(tmp_path: Path) -> None:
    require_browser()
    folder = tmp_path / "small"
    folder.mkdir()
    with start_app(folder, tmp_path / "app.log", "--max-kernels", "1") as app:
        with launch_chromium() as browser, open_page(
            app.url, timeout_ms=KERNEL_TIMEOUT_MS, browser=browser
        ) as (first, _log):  # fmt: skip
            first.locator(BANNER, has_text="Likely CCF outcome").wait_for(
                timeout=KERNEL_TIMEOUT_MS
            )
            app.wait_prepared(2)
            with open_page(app.url, browser=browser) as (second, log):
                second.get_by_role("heading", name="The explorer is full").wait_for()
                words = second.inner_text("body")
                keep_artifact(save_screenshot(second, tmp_path, "app_full"))
        kernels = app.kernels()
    assert "1 person is using it" in words
    assert "tries again by itself" in words
    assert log.non_local_requests == []
    assert kernels <= 2


@pytest.mark.slow
def test_a_page_left_open_and_untouched_loses_its_kernel_after_idle_after(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "idle"
    folder.mkdir()
    with (
        start_app(folder, tmp_path / "app.log", "--cull-after", "10", "--idle-after", "12") as app,
        launch_chromium() as browser,
        open_page(app.url, timeout_ms=KERNEL_TIMEOUT_MS, browser=browser) as (page, _log),
    ):
        page.locator(BANNER, has_text="Likely CCF outcome").wait_for(timeout=KERNEL_TIMEOUT_MS)
        app.wait_prepared(2)
        with_page = app.kernels()
        time.sleep(30)  # untouched longer than --idle-after, the page still open
        left = app.kernels()
    assert with_page == 2  # the page's kernel and the one prepared for the next visitor
    assert left == 1, app.log_text()  # only the prepared one
