"""The explorer served by Voilà, driven in Debian's Chromium like a user would.

Starts ``voila notebooks/04_scenario_explorer.ipynb`` on a free loopback port, opens it in
headless Chromium (through ``browser_support``), starts from a red notice with nothing to
argue, records the person as a refugee recognised against the requesting state, and checks
that the outcome shown on the page changes to deletion. A screenshot is saved under the
test's tmp_path (and copied to ``$DS_ARTIFACTS`` when that is set). The Voilà server is
always stopped, whatever happens.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import open_page, require_browser, save_screenshot

import diffusion_scenarios as ds
from diffusion_scenarios._widgets_render import country_label

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "04_scenario_explorer.ipynb"
START = "red-notice-homicide-compliant"
# voila.json (run from the repository root) selects the package's ds-offline template:
# Voila's lab template without its CDN stylesheet links, so the app asks nothing of the
# network. Any request leaving the machine fails the test.
KERNEL_TIMEOUT_MS = 150_000  # a Voilà kernel start on two busy cores can take a while


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _voila_command(port: int) -> list[str]:
    voila = Path(sys.executable).with_name("voila")
    program = [str(voila)] if voila.exists() else [sys.executable, "-m", "voila"]
    return [
        *program,
        str(NOTEBOOK),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.open_browser=False",
    ]


@pytest.fixture(scope="module")
def voila_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_browser()
    port = _free_port()
    log_path = tmp_path_factory.mktemp("voila") / "voila.log"
    env = {**os.environ, "MPLBACKEND": "Agg"}
    with log_path.open("w") as log:
        server = subprocess.Popen(
            _voila_command(port),
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # its own process group, so teardown stops its kernels too
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 90
        while True:
            if server.poll() is not None:
                pytest.fail(f"voila exited with {server.returncode}:\n{log_path.read_text()}")
            try:
                # Any HTTP answer means the server is up; asking for the page itself would
                # already start a kernel, so ask for a path it refuses quickly.
                with urllib.request.urlopen(url + "api/status", timeout=5):
                    break
            except urllib.error.HTTPError:
                break
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(f"voila did not answer on {url} in 90 s:\n{log_path.read_text()}")
                time.sleep(0.5)
        yield url
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=10)


def _keep(path: Path) -> None:
    target = os.environ.get("DS_ARTIFACTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / path.name)


def test_voila_app_shows_no_code_and_reacts_to_refugee_status(
    voila_url: str, tmp_path: Path
) -> None:
    scenario = ds.builtin_scenarios()[START]
    requesting = scenario.notice.requesting_country
    with open_page(voila_url, viewport=(1400, 1000), timeout_ms=KERNEL_TIMEOUT_MS) as (page, log):
        banner = page.locator("[role=status]", has_text="Likely CCF outcome")
        banner.wait_for(timeout=KERNEL_TIMEOUT_MS)
        # The app only: no code cell and no narrative of the notebook is rendered.
        assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor").count() == 0
        assert page.get_by_text("Scripting the explorer").count() == 0
        assert page.get_by_text("from diffusion_scenarios").count() == 0

        page.get_by_text("Start", exact=True).click()
        page.get_by_label("Start from").select_option(label=f"{START} — {scenario.title}")
        banner.filter(has_text="compliant: kept as it is").wait_for(timeout=30_000)

        page.get_by_text("Person and refugee status", exact=True).click()
        page.get_by_label("Granted by").select_option(label=country_label("SWE"))
        page.get_by_label("Fears persecution from").select_option(label=country_label(requesting))
        started = time.perf_counter()
        page.get_by_label("Refugee status").select_option(label="recognised")
        banner.filter(has_text="not compliant: the data would be deleted").wait_for(timeout=30_000)
        seconds = time.perf_counter() - started
        print(f"\noutcome shown {seconds * 1000:.0f} ms after choosing 'recognised'")

        page.get_by_role("tab", name="Grounds").click()
        page.get_by_text("refugee_status").first.wait_for(timeout=10_000)
        page.locator('svg[role=img][aria-label^="Chart of the grounds"]').wait_for(timeout=60_000)
        shot = save_screenshot(page, tmp_path, "voila_explorer_refugee", full_page=True)
        _keep(shot)

    assert seconds < 10
    assert shot.stat().st_size > 10_000
    assert log.page_errors == []
    assert log.non_local_requests == []
