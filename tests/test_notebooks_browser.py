"""The notebooks in JupyterLab, in Debian's Chromium, as a student opens and runs them.

Starts JupyterLab on a free loopback port over a *copy* of ``notebooks/`` (running cells must
never autosave into the committed files), opens each notebook, checks what a reader sees
before running anything (the saved pictures, the code folded away), then runs every cell
(*Run → Run All Cells*) and checks that every cell that draws shows a picture that actually
loaded, that no cell shows an error, and that nothing asks the network. Screenshots of each
notebook after running are saved under the test's tmp_path (and copied to ``$DS_ARTIFACTS``
when that is set), one per screen height, from top to bottom. The server and its kernels are
always stopped.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from browser_support import free_port, keep_artifact, open_page, require_browser, stop_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
DRAWS = re.compile(r"\bplots\.\w+\(|\bplot_\w+\(|\bfig\b|\bplt\.|\bFigure\b|\.savefig\(")
RUN_TIMEOUT_MS = 240_000


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """``(base_url, token)`` of a JupyterLab serving a copy of the notebooks."""
    require_browser()
    work = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    port, token = free_port(), secrets.token_hex(16)
    jupyter = Path(sys.executable).with_name("jupyter")
    program = [str(jupyter)] if jupyter.exists() else [sys.executable, "-m", "jupyter"]
    command = [
        *program, "lab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work / 'notebooks'}",
        "--allow-root", "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # a student's backend
    env["JUPYTER_CONFIG_DIR"] = str(work / "config")  # no user settings, no saved workspace
    log_path = work / "lab.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            command, cwd=work, stdout=log, stderr=subprocess.STDOUT, env=env,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                pytest.fail(f"jupyter lab exited with {server.returncode}:\n{log_path.read_text()}")
            try:
                with urllib.request.urlopen(f"{url}api/status?token={token}", timeout=5):
                    break
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(f"jupyter lab did not answer in 120 s:\n{log_path.read_text()}")
                time.sleep(0.5)
        yield url, token
    finally:
        stop_server(server, timeout=30)



def _loaded_pictures(page: Any) -> set[str]:
    """The pictures on screen that finished loading (by the end of their source)."""
    return set(
        page.evaluate(
            "() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) "
            ".jp-OutputArea-output img')].filter(i => i.complete && i.naturalWidth > 100)"
            ".map(i => i.src.slice(-80))"
        )
    )


def _screens(page: Any, directory: Path, stem: str) -> list[Path]:
    """Screenshots of the whole notebook, one per screen height, top to bottom."""
    shots = []
    scroller = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"
    page.evaluate(f"() => document.querySelector('{scroller}').scrollTo(0, 0)")
    for number in range(1, 30):
        page.wait_for_timeout(400)
        path = directory / f"{stem}_{number:02d}.png"
        page.screenshot(path=str(path))
        keep_artifact(path)
        shots.append(path)
        moved = page.evaluate(
            f"""() => {{ const s = document.querySelector('{scroller}');
                 const before = s.scrollTop; s.scrollBy(0, s.clientHeight - 60);
                 return s.scrollTop > before; }}"""
        )
        if not moved:
            break
    return shots


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebook_reads_and_runs_in_jupyterlab_with_its_pictures(
    lab: tuple[str, str], notebook: Path, tmp_path: Path
) -> None:
    url, token = lab
    cells = nbformat.read(notebook, as_version=4).cells
    drawing = sum(c.cell_type == "code" and bool(DRAWS.search(c.source)) for c in cells)
    with_output = sum(c.cell_type == "code" and bool(c.outputs) for c in cells)
    with open_page(
        # A workspace of its own: no tabs or layout carried over from another notebook.
        f"{url}lab/workspaces/{notebook.stem}/tree/{notebook.name}?reset&token={token}",
        viewport=(1280, 1000),
        timeout_ms=RUN_TIMEOUT_MS,
    ) as (page, log):
        panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
        panel.locator(".jp-Cell").first.wait_for(timeout=RUN_TIMEOUT_MS)
        page.get_by_text("| Idle").first.wait_for(timeout=RUN_TIMEOUT_MS)  # kernel ready
        for button in page.get_by_role("button", name="No", exact=True).all():
            button.click()  # "notified about Jupyter news?": no
        # Before running: the saved pictures are there (JupyterLab may window long notebooks,
        # so the count is checked after running, with every cell scrolled into view).
        if drawing:
            page.wait_for_function(
                "() => document.querySelectorAll('.jp-OutputArea-output img').length > 0",
                timeout=30_000,
            )
        # More room for the notebook: fold the file browser away.
        open_sidebar = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
        if open_sidebar.count():
            open_sidebar.first.click()
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        # Done when every cell that has a saved output shows one again and the kernel rests.
        try:
            page.wait_for_function(
                """(n) => [...document.querySelectorAll(
                       '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')]
                     .filter(c => c.querySelector('.jp-OutputArea-output')).length >= n
                   && document.body.textContent.includes('| Idle')""",
                arg=with_output,
                timeout=RUN_TIMEOUT_MS,
            )
        except Exception:
            shot = tmp_path / f"lab_{notebook.stem}_timeout.png"
            page.screenshot(path=str(shot))
            keep_artifact(shot)
            counts = page.evaluate(
                "() => [...document.querySelectorAll('.jp-CodeCell')]"
                ".map(c => c.querySelectorAll('.jp-OutputArea-output').length)"
            )
            pytest.fail(f"{notebook.name}: outputs per code cell after running: {counts}")
        page.wait_for_timeout(1500)  # the last pictures decode
        shots = _screens(page, tmp_path, f"lab_{notebook.stem}")
        pictures: set[str] = set()
        errors = panel.locator("[data-mime-type='application/vnd.jupyter.stderr']").count()
        # Count pictures with every part of the notebook rendered once.
        page.evaluate(
            "() => document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) "
            ".jp-WindowedPanel-outer').scrollTo(0, 0)"
        )
        pictures |= _loaded_pictures(page)
        for _ in range(30):
            page.evaluate(
                "() => { const s = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) "
                ".jp-WindowedPanel-outer'); s.scrollBy(0, s.clientHeight); }"
            )
            page.wait_for_timeout(150)
            pictures |= _loaded_pictures(page)
        hidden_sources = page.locator(
            ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell-inputCollapser + .jp-Cell-inputArea "
            ".jp-InputPlaceholder, .jp-NotebookPanel:not(.lm-mod-hidden) .jp-InputPlaceholder"
        ).count()

    assert shots and all(s.stat().st_size > 5_000 for s in shots)
    assert errors == 0, f"{notebook.name}: {errors} cell(s) show an error or a warning"
    if drawing:
        assert len(pictures) >= drawing, (
            f"{notebook.name}: {drawing} cell(s) draw, {len(pictures)} picture(s) on screen"
        )
    if notebook.name[:2] in {"00", "01", "02", "03", "05", "06"}:
        assert hidden_sources >= 1, f"{notebook.name}: the code is not folded away"
    assert log.non_local_requests == []
    assert log.page_errors == []
