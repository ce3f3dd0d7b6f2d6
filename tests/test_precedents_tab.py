"""The explorer's Precedents tab and its "Draft the request" download, as a user sees them."""

from __future__ import annotations

import base64
import io
import re
from html import unescape

import docx
import pytest

from diffusion_scenarios._render.draft import TRAINING
from diffusion_scenarios.widgets import ScenarioExplorer

POLITICAL = "opposition-politician-embezzlement"


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture(scope="module")
def explorer() -> ScenarioExplorer:
    return ScenarioExplorer(POLITICAL)


def test_the_precedents_tab_lists_the_similar_decisions_with_links(
    explorer: ScenarioExplorer,
) -> None:
    shown = explorer.panels["precedents"]
    decisions = explorer.assessment.similar_decisions
    assert len(decisions) >= 3
    for d in decisions:
        assert d.decision_id in _text(shown)
        assert f'href="{d.url}"' in shown
    assert "<table" in shown and "Shared" in shown and "Differs" in shown


def test_the_precedents_follow_the_facts(explorer: ScenarioExplorer) -> None:
    before = [d.decision_id for d in explorer.assessment.similar_decisions]
    explorer.controls["kind"].value = (
        "red_notice" if explorer.scenario.notice.kind == "diffusion" else "diffusion"
    )
    after = explorer.assessment.similar_decisions
    assert after and all(d.decision_id in _text(explorer.panels["precedents"]) for d in after)
    explorer.load(POLITICAL)
    assert [d.decision_id for d in explorer.assessment.similar_decisions] == before


def test_the_draft_download_is_a_word_training_draft_of_the_request(
    explorer: ScenarioExplorer,
) -> None:
    c = explorer.controls
    c["prepare_downloads"].click()
    links = dict(
        re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', c["downloads"].value)
    )
    name = f"{POLITICAL}-draft-request.docx"
    assert name in links
    assert "Draft the request" in c["downloads"].value
    document = docx.Document(io.BytesIO(base64.b64decode(links[name])))
    assert TRAINING in document.sections[0].header.paragraphs[0].text
    assert any(p.style.name == "List Number" for p in document.paragraphs)
