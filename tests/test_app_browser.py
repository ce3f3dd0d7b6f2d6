"""``diffusion-scenarios app`` as a seminar server: nothing leaves the machine, a page on
screen keeps its kernel while the kernels of hidden and closed pages are shut down (and a
page whose kernel went says so), and a full server says so.

Each test starts the command from an empty, unrelated folder (with no ``JUPYTER_PATH``), so
it proves the app finds its notebook, template and configuration in the installed package.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


# The kernel limits of the three tests below: short, to keep them fast. With --idle-after 15
# the page says "still on screen" every 4 s (see _app/server.py); without that keep-alive
# its kernel would be shut down 13-15 s after the page was last used.
LIMITS = ("--cull-after", "10", "--idle-after", "15")
ON_SCREEN_MS = 30_000  # twice --idle-after, the page untouched all along
GONE_WITHIN_S = 25  # the limit (10 or 15 s) plus a margin for a loaded machine

# Headless Chromium reports every page as visible, whatever is done to it (a second tab
# activated over it, its window minimised, Page.setWebLifecycleState "frozen": all tried,
# document.visibilityState stays "visible"). So a hidden tab is made as the browser makes
# it, seen from the page: document.visibilityState and document.hidden change, then the
# "visibilitychange" event fires.
SET_VISIBILITY = """(state) => {
    for (const [name, value] of [["visibilityState", state], ["hidden", state === "hidden"]]) {
        Object.defineProperty(document, name, {configurable: true, get: () => value});
    }
    document.dispatchEvent(new Event("visibilitychange"));
}"""


def _kernel_id(page: Any) -> str:
    return str(page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    ))  # fmt: skip


def _kernel_runs(app: Any, kernel_id: str) -> bool:
    """Whether the server still has the kernel (its REST model; reading it is no activity)."""
    try:
        with urllib.request.urlopen(f"{app.url}api/kernels/{kernel_id}", timeout=10):
            return True
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return False
        raise


def _open_explorer(app: Any, browser: Any) -> Any:
    return open_page(app.url, timeout_ms=KERNEL_TIMEOUT_MS, browser=browser)


def _wait_on_screen_untouched(app: Any, page: Any, kernel_id: str) -> None:
    """Leave the page on screen, untouched, twice the idle limit: its kernel must stay."""
    page.locator(BANNER, has_text="Likely CCF outcome").wait_for(timeout=KERNEL_TIMEOUT_MS)
    # Playwright's wait (not time.sleep) keeps serving the page's requests meanwhile.
    page.wait_for_timeout(ON_SCREEN_MS)
    assert _kernel_runs(app, kernel_id), (
        f"a page on screen lost its kernel within {ON_SCREEN_MS // 1000} s:\n{app.log_text()}"
    )


def _seconds_until_gone(app: Any, page: Any | None, kernel_id: str) -> float:
    started = time.monotonic()
    while _kernel_runs(app, kernel_id):
        waited = time.monotonic() - started
        assert waited < GONE_WITHIN_S, (
            f"kernel still running {waited:.0f} s after its page went away:\n{app.log_text()}"
        )
        if page is not None:
            page.wait_for_timeout(500)
        else:
            time.sleep(0.5)
    return time.monotonic() - started


@contextmanager
def _explorer_left_on_screen(tmp_path: Path, name: str) -> Iterator[tuple[Any, Any, Any, str]]:
    """The app with the short limits, and its explorer left on screen, untouched, for twice
    --idle-after (its kernel checked to be still running): (app, page, log, kernel id)."""
    folder = tmp_path / name
    folder.mkdir()
    with (
        start_app(folder, tmp_path / "app.log", *LIMITS) as app,
        launch_chromium() as browser,
        _open_explorer(app, browser) as (page, log),
    ):
        kernel_id = _kernel_id(page)
        _wait_on_screen_untouched(app, page, kernel_id)
        yield app, page, log, kernel_id


@pytest.mark.slow
def test_a_page_on_screen_keeps_its_kernel_untouched_past_the_idle_limit(tmp_path: Path) -> None:
    """A student reading the explorer without a click for twice --idle-after still has a
    working explorer: a change still updates the outcome."""
    with _explorer_left_on_screen(tmp_path, "reading") as (app, page, log, _kernel):
        page.get_by_label("Recipients", exact=True).select_option(label="all members")
        page.locator(BANNER, has_text="received by 19").wait_for(timeout=30_000)
        assert page.locator(".ds-closed").count() == 0
    assert log.non_local_requests == []
    assert "Shutting down kernel" not in app.log_text()


@pytest.mark.slow
def test_a_hidden_page_loses_its_kernel_and_says_so_when_shown_again(tmp_path: Path) -> None:
    with _explorer_left_on_screen(tmp_path, "hidden") as (app, page, log, kernel_id):
        page.evaluate(SET_VISIBILITY, "hidden")
        took = _seconds_until_gone(app, page, kernel_id)
        assert page.locator(".ds-closed").count() == 0  # nobody to tell while hidden
        page.evaluate(SET_VISIBILITY, "visible")
        note = page.get_by_role("alert")
        note.wait_for(timeout=10_000)
        words = note.inner_text()
        keep_artifact(save_screenshot(page, tmp_path, "app_closed_after_idle", full_page=False))
    print(f"\nkernel of the hidden page shut down {took:.1f} s after it was hidden")
    assert "This explorer was closed after 15 s unused; reload the page to start again" in words
    assert log.non_local_requests == []
    assert "page open but not on screen" in app.log_text()


@pytest.mark.slow
def test_a_closed_page_loses_its_kernel_within_cull_after(tmp_path: Path) -> None:
    folder = tmp_path / "closed"
    folder.mkdir()
    with (
        start_app(folder, tmp_path / "app.log", *LIMITS) as app,
        launch_chromium() as browser,
    ):
        with _open_explorer(app, browser) as (page, _log):
            kernel_id = _kernel_id(page)
            _wait_on_screen_untouched(app, page, kernel_id)
        took = _seconds_until_gone(app, None, kernel_id)
    print(f"\nkernel of the closed page shut down {took:.1f} s after it was closed")
    assert "page closed" in app.log_text()


@pytest.mark.slow
def test_a_visitor_after_a_quiet_spell_gets_a_working_explorer(tmp_path: Path) -> None:
    """The prepared kernel waited twice --idle-after for a visitor: its use starts when the
    page is served, so it is not culled while the page loads (as it was: 'page closed,
    unused for 30 s', and the explorer never answered)."""
    folder = tmp_path / "quiet"
    folder.mkdir()
    with (
        start_app(folder, tmp_path / "app.log", *LIMITS) as app,
        launch_chromium() as browser,
    ):
        time.sleep(ON_SCREEN_MS / 1000)  # nobody comes; the prepared kernel waits
        with _open_explorer(app, browser) as (page, log):
            page.locator(BANNER, has_text="Likely CCF outcome").wait_for(timeout=30_000)
            page.get_by_label("Recipients", exact=True).select_option(label="all members")
            page.locator(BANNER, has_text="received by 19").wait_for(timeout=30_000)
            assert page.get_by_role("alert").count() == 0
    assert log.non_local_requests == []
    assert "Shutting down kernel" not in app.log_text()
