"""The culling rule of ``diffusion-scenarios app`` without a browser or a kernel: which
kernel goes when, and what the keep-alive of a page on screen answers (the browser tests
in ``test_app_browser.py`` run the same with a real page)."""

from __future__ import annotations

import asyncio
import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

pytest.importorskip("voila")

from diffusion_scenarios._app.server import SeminarKernelManager


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _manager(monkeypatch: pytest.MonkeyPatch) -> tuple[SeminarKernelManager, list[str]]:
    # As `diffusion-scenarios app --cull-after 10 --idle-after 15` configures it.
    manager = SeminarKernelManager(cull_interval=2, cull_idle_timeout=8, idle_after=15)
    shut: list[str] = []

    async def shutdown_kernel(kernel_id: str, **_kwargs: Any) -> None:
        shut.append(kernel_id)
        manager._kernels.pop(kernel_id, None)

    monkeypatch.setattr(manager, "shutdown_kernel", shutdown_kernel)
    return manager, shut


def _kernel(manager: SeminarKernelManager, kernel_id: str, unused_s: float, pages: int) -> Any:
    kernel = SimpleNamespace(
        execution_state="idle", last_activity=_now() - dt.timedelta(seconds=unused_s)
    )
    manager._kernels[kernel_id] = kernel
    manager._kernel_connections[kernel_id] = pages
    return kernel


def test_a_connected_page_goes_within_idle_after_and_a_closed_one_within_cull_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    manager, shut = _manager(monkeypatch)
    _kernel(manager, "reading", 12, pages=1)  # checked every 2 s: still under 15 - 2
    _kernel(manager, "hidden", 14, pages=1)
    _kernel(manager, "closing", 7, pages=0)
    _kernel(manager, "closed", 9, pages=0)
    for kernel_id in ("reading", "hidden", "closing", "closed"):
        asyncio.run(manager.cull_kernel_if_idle(kernel_id))
    assert shut == ["hidden", "closed"]


def test_the_keep_alive_counts_as_use_and_tells_a_page_why_its_kernel_went(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    manager, _shut = _manager(monkeypatch)
    reading = _kernel(manager, "reading", 14, pages=1)
    before = _now()
    assert manager.keep_alive("reading") is None  # the page is on screen
    assert reading.last_activity >= before
    asyncio.run(manager.cull_kernel_if_idle("reading"))
    assert "reading" in manager._kernels

    _kernel(manager, "hidden", 14, pages=1)
    _kernel(manager, "closed", 9, pages=0)
    for kernel_id in ("hidden", "closed"):
        asyncio.run(manager.cull_kernel_if_idle(kernel_id))
    assert manager.keep_alive("hidden") == 15  # "closed after 15 s unused"
    assert manager.keep_alive("closed") == 10
    assert manager.keep_alive("never-seen") == 0  # e.g. the server was restarted
