"""The summary card's next steps (notebook 00's first picture, ``widgets.show_summary``)."""

from __future__ import annotations

import re

import pytest

from diffusion_scenarios import assess, builtin_scenarios
from diffusion_scenarios._app.card import summary_card_html


@pytest.mark.parametrize(
    "scenario_id", ["locate-only-diffusion", "red-notice-refused-then-diffusion", "ccf-2018-15"]
)
def test_a_step_whose_first_sentence_cites_an_article_is_shown_whole_on_the_card(
    scenario_id: str,
) -> None:
    card = summary_card_html(assess(builtin_scenarios()[scenario_id]))
    assert "(Statute Art.</li>" not in card
    assert "(Statute Art. 3" in card  # the citation is shown, with its article's number


def test_no_step_on_any_built_in_card_stops_inside_its_brackets() -> None:
    for scenario_id, scenario in builtin_scenarios().items():
        card = summary_card_html(assess(scenario))
        for item in re.findall(r"<li[^>]*>(.*?)</li>", card, flags=re.DOTALL):
            text = re.sub(r"<[^>]+>", "", item)
            assert text.count("(") == text.count(")"), f"{scenario_id}: {text}"
