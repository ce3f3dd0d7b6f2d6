"""The Precedents tab in the real explorer (Voilà, headless Chromium): the similar published
decisions are listed as a table whose sources are links, with no text cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import keep_artifact, open_page, overflowing_text, save_screenshot
from test_voila_browser import KERNEL_TIMEOUT_MS, START, voila_url  # noqa: F401

import diffusion_scenarios as ds

pytestmark = pytest.mark.browser


def test_the_precedents_tab_lists_the_similar_decisions_with_links(
    voila_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    expected = ds.assess(ds.builtin_scenarios()[START]).similar_decisions
    with open_page(voila_url, viewport=(1400, 1000), timeout_ms=KERNEL_TIMEOUT_MS) as (page, log):
        page.locator("[role=status]", has_text="Likely CCF outcome").wait_for(
            timeout=KERNEL_TIMEOUT_MS
        )
        page.get_by_text("Start", exact=True).click()
        page.get_by_label("Start from a built-in scenario").select_option(START)
        page.locator("[role=status]", has_text="compliant: kept as it is").wait_for(
            timeout=30_000
        )
        page.get_by_role("tab", name="Precedents").click()
        table = page.locator("table.precedents")
        table.wait_for(timeout=30_000)
        for decision in expected:
            link = table.get_by_role("link", name=decision.decision_id)
            assert link.get_attribute("href") == decision.url
        problems = overflowing_text(page)
        shot = save_screenshot(page, tmp_path, "explorer_tab_precedents")
        keep_artifact(shot)
    assert problems == []
    assert log.page_errors == [] and log.non_local_requests == []
