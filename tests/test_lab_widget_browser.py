"""The policy lab widget in Chromium: every label, box and list shows its whole text.

A two-cell notebook that displays ``lab.policy_lab()`` is served by Voilà (the package's
offline template) and opened in headless Chromium; the overflow script of
``browser_support`` measures each label and box on screen. The server is always stopped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browser_support import (
    free_port,
    keep_artifact,
    open_page,
    overflowing_text,
    require_browser,
    save_screenshot,
    stop_server,
)
from test_voila_browser import KERNEL_TIMEOUT_MS, ROOT

TEMPLATES = ROOT / "src" / "diffusion_scenarios" / "_app" / "jupyter"  # the ds-offline template

pytestmark = pytest.mark.browser

NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": "from diffusion_scenarios import lab\npanel = lab.policy_lab(n=5_000)\n"
            "panel.widget",
        }
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                "language": "python"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}  # fmt: skip


def test_the_policy_lab_shows_every_label_and_box_whole(tmp_path: Path) -> None:
    require_browser()
    notebook = tmp_path / "lab.ipynb"
    notebook.write_text(json.dumps(NOTEBOOK), encoding="utf-8")
    port = free_port()
    voila = Path(sys.executable).with_name("voila")
    program = [str(voila)] if voila.exists() else [sys.executable, "-m", "voila"]
    log_path = tmp_path / "voila.log"
    env = {**os.environ, "MPLBACKEND": "Agg", "JUPYTER_PATH": str(TEMPLATES)}
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [*program, str(notebook), "--no-browser", f"--port={port}",
             "--Voila.ip=127.0.0.1", "--template=ds-offline"],
            cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, env=env,
            start_new_session=True,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(url + "api/status", timeout=5):
                    break
            except urllib.error.HTTPError:
                break
            except (urllib.error.URLError, OSError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"voila did not start:\n{log_path.read_text()}")
                time.sleep(0.5)
        with open_page(url, viewport=(1200, 900), timeout_ms=KERNEL_TIMEOUT_MS) as (page, log):
            page.get_by_text("Ran 'Diffusions screened too' and 'today'").wait_for(
                timeout=KERNEL_TIMEOUT_MS
            )
            problems = overflowing_text(page)
            seed = page.get_by_label("Random seed").bounding_box()
            keep_artifact(save_screenshot(page, tmp_path, "policy_lab_widget"))
    finally:
        stop_server(server)
    assert problems == []
    assert seed is not None and seed["width"] >= 80  # the seed box once collapsed to 10 px
    assert log.page_errors == [] and log.non_local_requests == []
