"""Shared helper for the tests that drive a real headless Chromium.

Playwright cannot download its own browsers here, so every test uses Debian's
``/usr/bin/chromium`` (override with env ``DS_CHROMIUM``) through ``executable_path``, with
background networking switched off so that the browser itself makes no request of its own.

When Chromium or the ``playwright`` package is missing the test is skipped with a clear
reason -- except when env ``DS_REQUIRE_BROWSER=1`` (``scripts/test.sh`` sets it under CI),
where the same situation is a test failure, so a CI run can never pass by skipping.

Typical use::

    from browser_support import open_page, save_screenshot

    @pytest.mark.browser
    def test_memo_loads_offline(tmp_path):
        with open_page(memo_path.as_uri()) as (page, log):
            save_screenshot(page, tmp_path, "memo")
        assert log.failed_requests == []
        assert log.non_local_requests == []

Every request the page makes is recorded in a :class:`PageLog`. A request is *local* when its
URL is ``file:``, ``data:``, ``blob:`` or ``about:`` or goes to a loopback host
(``127.0.0.1``, ``localhost``, ``[::1]`` -- a Voilà server started by the test). Non-local
requests are recorded and, by default, aborted before they leave the machine.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM_PATH = Path(os.environ.get("DS_CHROMIUM", "/usr/bin/chromium"))

# Flags from the team brief: no sandbox (we run as root in a container), no GPU, and no
# background traffic of the browser's own (updates, sync, safe browsing, QUIC probes).
CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--metrics-recording-only",
    "--no-default-browser-check",
    "--disable-dev-shm-usage",
)

LOCAL_SCHEMES = frozenset({"file", "data", "blob", "about"})
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def browser_required() -> bool:
    """True when a missing browser must fail the test instead of skipping it."""
    return os.environ.get("DS_REQUIRE_BROWSER", "") == "1"


def browser_unavailable_reason() -> str | None:
    """Why no real browser can be driven here, or ``None`` when one can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the 'playwright' Python package is not installed (pip install playwright)"
    if not CHROMIUM_PATH.exists() and shutil.which(str(CHROMIUM_PATH)) is None:
        return (
            f"Chromium not found at {CHROMIUM_PATH} "
            "(apt-get install chromium, or set DS_CHROMIUM to its path)"
        )
    return None


def skip_or_fail(reason: str) -> None:
    """Skip the current test with ``reason``; fail it instead under ``DS_REQUIRE_BROWSER=1``."""
    if browser_required():
        pytest.fail(f"browser test cannot run but DS_REQUIRE_BROWSER=1: {reason}", pytrace=False)
    pytest.skip(reason)


def require_browser() -> None:
    """Skip (or, under ``DS_REQUIRE_BROWSER=1``, fail) when no browser can be driven."""
    reason = browser_unavailable_reason()
    if reason is not None:
        skip_or_fail(reason)


def is_local_url(url: str) -> bool:
    """Whether loading ``url`` stays on this machine (file/data/blob/about or loopback)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in LOCAL_SCHEMES:
        return True
    if scheme in {"http", "https", "ws", "wss"}:
        return (parts.hostname or "").lower() in LOOPBACK_HOSTS
    return False


@dataclass
class PageLog:
    """What a page did while it was open: every request, failures, errors."""

    requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)  # "URL -- error text"
    non_local_requests: list[str] = field(default_factory=list)
    websockets: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def schemes(self) -> set[str]:
        """The URL schemes of all requests made (e.g. ``{"file", "data"}``)."""
        return {urlsplit(url).scheme.lower() for url in self.requests}


@contextmanager
def launch_chromium(**launch_options: Any) -> Iterator[Any]:
    """Launch Debian's Chromium headless through Playwright; yields the ``Browser``.

    Skips (or fails under ``DS_REQUIRE_BROWSER=1``) when the browser cannot be started.
    """
    require_browser()
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM_PATH),
                headless=True,
                args=list(CHROMIUM_ARGS),
                **launch_options,
            )
        except PlaywrightError as exc:
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
            skip_or_fail(f"Chromium at {CHROMIUM_PATH} did not start: {first_line}")
            return
        try:
            yield browser
        finally:
            browser.close()


def attach_log(page: Any, *, block_non_local: bool = True) -> PageLog:
    """Record every request of ``page`` in a new :class:`PageLog` (and abort non-local ones)."""
    log = PageLog()

    def on_request(request: Any) -> None:
        url = str(request.url)
        log.requests.append(url)
        if not is_local_url(url):
            log.non_local_requests.append(url)

    def on_failed(request: Any) -> None:
        log.failed_requests.append(f"{request.url} -- {request.failure}")

    def on_console(message: Any) -> None:
        if message.type == "error":
            log.console_errors.append(str(message.text))

    def on_page_error(error: Any) -> None:
        log.page_errors.append(str(error))

    def on_websocket(websocket: Any) -> None:
        url = str(websocket.url)
        log.websockets.append(url)
        if not is_local_url(url):
            log.non_local_requests.append(url)

    page.on("request", on_request)
    page.on("requestfailed", on_failed)
    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.on("websocket", on_websocket)

    if block_non_local:

        def guard(route: Any) -> None:
            if is_local_url(str(route.request.url)):
                route.continue_()
            else:
                route.abort("blockedbyclient")

        page.route("**/*", guard)
    return log


@contextmanager
def open_page(
    url: str,
    *,
    viewport: tuple[int, int] = (1200, 900),
    wait_until: str = "load",
    timeout_ms: int = 30_000,
    block_non_local: bool = True,
    browser: Any = None,
) -> Iterator[tuple[Any, PageLog]]:
    """Open ``url`` in a fresh headless page; yields ``(page, log)``.

    Args:
        url: what to load, e.g. ``Path("memo.html").as_uri()`` or ``http://127.0.0.1:8866/``.
        viewport: width and height of the window in CSS pixels.
        wait_until: Playwright load state to wait for ("load", "domcontentloaded",
            "networkidle").
        timeout_ms: how long navigation may take.
        block_non_local: abort every request that would leave the machine (still logged).
        browser: reuse an already launched ``Browser`` (from :func:`launch_chromium`);
            by default one is launched and closed around the page.
    """
    if browser is None:
        with (
            launch_chromium() as launched,
            open_page(
                url,
                viewport=viewport,
                wait_until=wait_until,
                timeout_ms=timeout_ms,
                block_non_local=block_non_local,
                browser=launched,
            ) as opened,
        ):
            yield opened
        return
    # ``browser`` may also be a BrowserContext the caller keeps (one profile, one cache for
    # several pages, as a returning visitor); then only the page is closed.
    owned = hasattr(browser, "new_context")
    size = {"width": viewport[0], "height": viewport[1]}
    context = browser.new_context(viewport=size) if owned else browser
    page = context.new_page()
    try:
        if not owned:
            page.set_viewport_size(size)
        log = attach_log(page, block_non_local=block_non_local)
        page.goto(url, wait_until=wait_until, timeout=timeout_ms)
        yield page, log
    finally:
        if owned:
            context.close()
        else:
            page.close()


def save_screenshot(page: Any, directory: Path, name: str, *, full_page: bool = True) -> Path:
    """Save a PNG screenshot of ``page`` as ``directory/name.png`` and return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def keep_artifact(path: Path) -> None:
    """Copy a screenshot to ``$DS_ARTIFACTS`` when that is set, for a person to look at."""
    target = os.environ.get("DS_ARTIFACTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / path.name)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now, for a local server."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_server(server: subprocess.Popen[Any], *, timeout: float = 20) -> None:
    """End a server started in its own process group: politely, then by force."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


# Notes, in the page's own clock, the user's change and the moment ``text`` shows in
# ``selector``, so neither Playwright's round trips nor polling add to the figure.
_WATCH_CHANGE = """([selector, text]) => {
    const timing = window.__dsTiming = {};
    document.addEventListener('change', () => {
        if (timing.changed === undefined) timing.changed = performance.now();
    }, true);
    const observer = new MutationObserver(() => {
        if (timing.changed !== undefined && [...document.querySelectorAll(selector)]
                .some((el) => el.textContent.includes(text))) {
            timing.shown = performance.now();
            observer.disconnect();
        }
    });
    observer.observe(document.documentElement, {subtree: true, childList: true,
                                                characterData: true});
}"""


def time_change_ms(page: Any, change: Callable[[], Any], selector: str, text: str) -> float:
    """Milliseconds from a user's change (the browser's change event) to ``text`` showing."""
    page.evaluate(_WATCH_CHANGE, [selector, text])
    change()
    page.wait_for_function("window.__dsTiming.shown !== undefined", timeout=30_000)
    timing = page.evaluate("window.__dsTiming")
    return float(timing["shown"] - timing["changed"])


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """A module-wide headless Chromium ``Browser`` (import this fixture into a test module)."""
    with launch_chromium() as browser:
        yield browser


# JavaScript run in the page: every text box that runs out of its container, as a list of
# strings (empty when nothing is cut). It looks at
#   * every <text> of every inline SVG chart (role="img"): its box (getBBox, in the chart's
#     own units) must lie inside the chart's viewBox, and a label of the label column
#     (class ds-label) must not run under a bar (class ds-bar);
#   * every widget label: its text must fit its box (scrollWidth <= clientWidth);
#   * every text box, number box and list of a widget: at least 40 px wide (not collapsed),
#     and the chosen option of a drop-down must fit the drop-down.
# Only elements on screen (with a size) are measured.
OVERFLOW_SCRIPT = r"""
(root) => {
  const found = [];
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const scope = root ? document.querySelector(root) : document;
  for (const svg of scope.querySelectorAll('svg[role="img"]')) {
    if (!shown(svg) || !svg.viewBox || !svg.viewBox.baseVal) continue;
    const vb = svg.viewBox.baseVal;
    const bars = [...svg.querySelectorAll('.ds-bar')].map((b) => b.getBBox());
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBBox();
      if (box.width === 0) continue;
      const words = text.textContent.trim().slice(0, 60);
      if (box.x < vb.x - 0.5 || box.x + box.width > vb.x + vb.width + 0.5) {
        found.push(`chart text "${words}" runs out of the chart: x ${box.x.toFixed(1)} to ` +
                   `${(box.x + box.width).toFixed(1)}, chart 0 to ${vb.width}`);
      }
      if (text.classList.contains('ds-label')) {
        for (const bar of bars) {
          const overlap = box.x < bar.x + bar.width && bar.x < box.x + box.width &&
                          box.y < bar.y + bar.height && bar.y < box.y + box.height;
          if (overlap) found.push(`chart label "${words}" runs under a bar`);
        }
      }
    }
  }
  for (const label of scope.querySelectorAll('.widget-label, .widget-label-basic')) {
    if (!shown(label) || !label.textContent.trim()) continue;
    if (label.scrollWidth > label.clientWidth + 1) {
      found.push(`label "${label.textContent.trim()}" is cut: needs ${label.scrollWidth}px, ` +
                 `has ${label.clientWidth}px`);
    }
  }
  const canvas = document.createElement('canvas').getContext('2d');
  for (const box of scope.querySelectorAll('.widget-text input, .widget-dropdown select, ' +
                                           '.widget-select select, .widget-datepicker input')) {
    if (!shown(box)) continue;
    const width = box.getBoundingClientRect().width;
    const name = (box.closest('.widget-inline-hbox') || box).textContent.trim().slice(0, 40) ||
                 box.getAttribute('aria-label') || box.id;
    if (width < 40) found.push(`box "${name}" collapsed to ${width.toFixed(0)}px`);
    if (box.tagName === 'SELECT' && !box.multiple && box.selectedIndex >= 0) {
      const style = getComputedStyle(box);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = box.options[box.selectedIndex].text;
      const needed = canvas.measureText(text).width + 28;  // padding and the arrow
      if (needed > width + 1) {
        found.push(`drop-down shows "${text.slice(0, 50)}" cut: needs ${needed.toFixed(0)}px, ` +
                   `has ${width.toFixed(0)}px`);
      }
    }
  }
  return found;
}
"""


def overflowing_text(page: Any, root: str | None = None) -> list[str]:
    """Every text on screen that runs out of its box (see :data:`OVERFLOW_SCRIPT`)."""
    return list(page.evaluate(OVERFLOW_SCRIPT, root))
