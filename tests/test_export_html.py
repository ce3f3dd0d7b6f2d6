"""scripts/export_html.py: the notebooks as static pages that open offline, every picture
embedded, nothing fetched from a CDN."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from browser_support import open_page

ROOT = Path(__file__).resolve().parents[1]
# A script, style sheet or font fetched from another machine (links to sources are fine).
REMOTE = re.compile(
    r"<script[^>]*\ssrc=[\"']?(?:https?:)?//|<link[^>]*\shref=[\"']?(?:https?:)?//"
    r"|@import\s+(?:url\()?[\"']?(?:https?:)?//|url\([\"']?(?:https?:)?//"
    r"|import\([\"'](?:https?:)?//",
    re.IGNORECASE,
)


def _export(out: Path, numbers: list[str]) -> list[Path]:
    script = ROOT / "scripts" / "export_html.py"
    spec = importlib.util.spec_from_file_location("export_html", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.export(numbers, out))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    # 00 (the summary card, inline SVG), 03 (a matplotlib picture), 08 (several pictures)
    return _export(tmp_path_factory.mktemp("handouts"), ["00", "03", "08"])


def test_every_page_and_the_index_is_written(pages: list[Path]) -> None:
    names = [page.name for page in pages]
    assert names == [
        "00_start_here.html", "03_the_ccf_route.html", "08_policy_lab.html", "index.html"
    ]  # fmt: skip
    index = pages[-1].read_text(encoding="utf-8")
    assert all(f'href="{name}"' in index for name in names[:-1])


def test_no_page_fetches_a_script_style_or_font_from_another_machine(pages: list[Path]) -> None:
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert REMOTE.findall(text) == [], page.name
        assert "require.min.js" not in text and "MathJax" not in text and "mermaid" not in text


def test_every_picture_is_embedded(pages: list[Path]) -> None:
    images = 0
    for page in pages:
        for source in re.findall(r"<img[^>]*\ssrc=[\"']([^\"']*)", page.read_text("utf-8")):
            images += 1
            assert source.startswith("data:image/"), (page.name, source[:60])
    assert images >= 2  # 03's route timeline, 08's charts


@pytest.mark.browser
def test_a_page_opens_offline_with_every_picture_drawn(pages: list[Path]) -> None:
    for page in pages[:3]:
        with open_page(page.as_uri()) as (browser_page, log):
            broken = browser_page.evaluate(
                "[...document.images].filter((i) => !i.complete || i.naturalWidth === 0)"
                ".length"
            )
            shown = browser_page.locator("svg, img").count()
        assert log.non_local_requests == [], page.name
        assert log.failed_requests == [], page.name
        assert broken == 0 and shown > 0, page.name
