"""Pictures say what they show and the map names its countries (issue 25.10): alt text in the
HTML memo, the explorer's SVG charts and notebook figures; notebooks 07 and 08 need no code."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios import lab, plots, reports
from diffusion_scenarios._app import panels

ROOT = Path(__file__).resolve().parents[1]
EUROPE = "diffusion-commercial-dispute-europe"  # a Kazakh diffusion to Europe, trips DE and AE


@pytest.fixture(scope="module")
def assessment() -> ds.Assessment:
    return ds.assess(ds.builtin_scenarios()[EUROPE])


class _Pictures(HTMLParser):
    """Each <img> with its alt, each <svg> with its role and the text of its first <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[str | None] = []
        self.svgs: list[dict[str, str]] = []
        self._depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "img":
            self.images.append(dict(attrs).get("alt"))
        elif tag == "svg":
            self._depth += 1
            if self._depth == 1 and found.get("aria-hidden") != "true":  # not a legend swatch
                self.svgs.append({"role": found.get("role", ""), "title": ""})
        elif tag == "title" and self._depth == 1 and self.svgs and not self.svgs[-1]["title"]:
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._depth -= 1
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.svgs[-1]["title"] += data


def _pictures(html: str) -> _Pictures:
    parser = _Pictures()
    parser.feed(html)
    return parser


def test_every_picture_in_the_html_memo_has_alt_text(assessment: ds.Assessment) -> None:
    pictures = _pictures(reports.render(assessment, "html"))
    assert len(pictures.svgs) == 3
    for svg in pictures.svgs:
        assert svg["role"] == "img" and len(svg["title"].strip()) > 20, svg
    assert all(alt and alt.strip() for alt in pictures.images)


def test_the_memo_map_names_every_tile_and_its_alt_text_names_the_countries(
    assessment: ds.Assessment,
) -> None:
    html = reports.render(assessment, "html")
    assert '<g id="tile-DEU"><title>Germany (DEU)</title>' in html
    assert '<g id="tile-KAZ"><title>Kazakhstan (KAZ)</title>' in html
    map_title = _pictures(html).svgs[0]["title"]
    assert "Kazakhstan (KAZ)" in map_title and "Germany (DEU)" in map_title


def test_the_map_spells_out_the_requesting_state_and_trip_destinations(
    assessment: ds.Assessment,
) -> None:
    for region in (None, "europe"):
        figure = plots.circulation_map(assessment, region=region)
        axes = figure.axes[0]
        legend = [text.get_text() for text in axes.get_legend().get_texts()]
        assert any(line.startswith("KAZ = Kazakhstan") for line in legend), legend
        assert any(line.startswith("DEU = Germany") for line in legend), legend
        words = " ".join(text.get_text() for text in axes.texts)
        assert "requested by Kazakhstan (KAZ)" in words


def test_every_explorer_chart_has_a_title_for_screen_readers(assessment: ds.Assessment) -> None:
    for svg in (panels.grounds_chart_svg(assessment), panels.route_timeline_svg(assessment)):
        pictures = _pictures(svg)
        assert pictures.svgs and all(s["role"] == "img" and s["title"] for s in pictures.svgs)
    tiles = panels.tile_map_html(assessment)
    assert 'title="Germany (DEU):' in tiles and 'aria-label="Kazakhstan (KAZ):' in tiles
    assert "<b>KAZ</b> = Kazakhstan" in tiles and "<b>ARE</b> = United Arab Emirates" in tiles


def test_notebook_figures_show_as_a_picture_with_alt_text_and_a_caption(
    assessment: ds.Assessment,
) -> None:
    figure = plots.circulation_map(assessment)
    html = figure._repr_html_()
    alt = re.search(r'<img alt="([^"]+)"', html)
    assert alt and "Kazakhstan (KAZ)" in alt.group(1)
    assert "<figcaption" in html and figure._repr_png_()[:4] == b"\x89PNG"
    chart = lab.plot_regimes(lab.compare_regimes(lab.DEFAULT_COMPARISON, n=2_000))
    lab_alt = re.search(r'<img alt="([^"]+)"', chart._repr_html_())
    assert lab_alt and "Today&#x27;s rules" in lab_alt.group(1)
    assert "Lawful requests wrongly refused at screening" in lab_alt.group(1)


def test_the_grounds_chart_and_route_timeline_say_in_words_what_they_draw(
    assessment: ds.Assessment,
) -> None:
    grounds = plots.grounds_chart(assessment).alt_text
    assert "private or commercial dispute" in grounds and "(strong)" in grounds
    route = plots.route_timeline(assessment).alt_text
    assert "deletion decision due: due by" in route
    memo = _pictures(reports.render(assessment, "html")).svgs
    assert "(strong)" in memo[1]["title"] and "due by" in memo[2]["title"]


@pytest.mark.parametrize("name", ["07_case_law.ipynb", "08_policy_lab.ipynb"])
def test_notebooks_07_and_08_can_be_done_without_reading_code(name: str) -> None:
    notebook = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code
    for cell in code:
        assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True, cell["id"]
