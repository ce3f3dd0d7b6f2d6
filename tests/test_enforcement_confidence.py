"""Arrest risk carries its confidence and basis, and a presumption is never shown as a finding.

Issue 11, point 4: the statement that most EU member states arrest on INTERPOL alerts
(legal brief PA-GEN-1) is a presumption for any one EU state. The per-country legal cases
are in ``tests/legal_cases/``; these tests check what every assessment and every memo shows.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios import reports
from diffusion_scenarios._app.panels import enforcement_html
from diffusion_scenarios._law.reference import practice_rows
from diffusion_scenarios._law.rules import catalogue
from diffusion_scenarios._render.html import render_html
from diffusion_scenarios._render.markdown import render_markdown
from diffusion_scenarios._render.phrases import trip_risk_phrase

EUROPE = ds.scenario_from_dict(
    {
        "format": 1,
        "id": "europe-diffusion",
        "as_of": dt.date(2025, 3, 1),
        "notice": {
            "kind": "diffusion",
            "requesting_country": "KZ",
            "issued_on": dt.date(2024, 3, 1),
            "recipients": ["europe"],
        },
        "case": {"offence": "fraud", "max_penalty_years": 10},
    }
)


@pytest.fixture(scope="module")
def europe() -> Any:
    return ds.assess(EUROPE)


def _entries(assessment: Any) -> dict[str, Any]:
    return {e.country: e for e in assessment.enforcement}


def test_a_presumption_never_gives_high_confidence_and_no_finding_gives_low() -> None:
    for scenario in ds.builtin_scenarios().values():
        for entry in ds.assess(scenario).enforcement:
            assert entry.confidence in {"high", "medium", "low"}, entry
            assert entry.basis in {"own_finding", "regional_presumption", "default"}, entry
            if entry.basis == "regional_presumption":
                assert entry.confidence != "high", (scenario.id, entry.country)
            if entry.basis == "default":
                assert entry.confidence == "low", (scenario.id, entry.country)


def test_the_high_risk_row_of_the_markdown_memo_holds_only_countries_with_their_own_finding(
    europe: Any,
) -> None:
    entries = _entries(europe)
    memo = render_markdown(europe)
    table = memo.split("## Arrest risk by country", 1)[1].split("## Planned trips", 1)[0]
    own = next(
        line for line in table.splitlines() if re.match(r"\| recipients \(\d+\) \| high \|", line)
    )
    presumed = next(line for line in table.splitlines() if "presumed only" in line)
    assert "Germany (DEU)" in own and "France (FRA)" in own
    assert "Hungary (HUN)" not in own and "Hungary (HUN)" in presumed
    assert "| high (presumed) |" in presumed
    assert "Ireland (IRL)" not in own  # a High Court warrant first: medium on its own finding
    assert entries["IRL"].arrest_risk == "medium"
    assert "Presumed, not found" in table  # the presumption said in words
    appendix = memo.split("## Appendix: reasons country by country", 1)[1]
    assert "| Hungary (HUN) | high | medium (presumed) |" in appendix
    assert "| Germany (DEU) | high | high (own finding) |" in appendix


def test_the_text_report_lists_presumed_states_apart_from_the_recipients_at_high_risk(
    europe: Any,
) -> None:
    text = " ".join(reports.render(europe).split())
    listed = text.split("Recipients at high risk (", 1)[1].split(".", 1)[0]
    assert "Germany" in listed and "France" in listed
    assert "Hungary" not in listed and "Austria" not in listed
    presumed = text.split("Presumed, not found (", 1)[1].split(".", 1)[0]
    assert "Hungary" in presumed and "Germany" not in presumed


def test_the_html_memo_and_the_widget_say_which_high_risks_are_presumed(europe: Any) -> None:
    page = render_html(europe, figures=False)
    assert "recipients, presumed only" in page
    assert "high (presumed)" in page
    widget = enforcement_html(europe)
    assert "presumed high" in widget
    assert "presumed, confidence medium" in widget
    assert "own finding, confidence high" in widget


def test_every_practice_row_names_a_rule_that_is_in_the_catalogue() -> None:
    named = [p.rule for p in practice_rows() if p.rule]
    assert {
        "arrest-de-irg-19-rivast-36",
        "arrest-fr-cpp-696-23",
        "arrest-ie-s27-high-court",
    } <= set(named)
    for rule in named:
        assert rule in catalogue(), rule


def test_a_trip_to_a_presumed_state_is_worded_as_presumed() -> None:
    scenario = ds.scenario_from_dict(
        {
            "format": 1,
            "id": "trip",
            "as_of": dt.date(2025, 3, 1),
            "notice": {
                "kind": "diffusion",
                "requesting_country": "KZ",
                "issued_on": dt.date(2024, 3, 1),
                "recipients": ["europe"],
            },
            "travel": [
                {"country": "HU", "date": dt.date(2025, 6, 1)},
                {"country": "DE", "date": dt.date(2025, 6, 1)},
            ],
        }
    )
    assessment = ds.assess(scenario)
    phrases = [trip_risk_phrase(assessment, t) for t in assessment.travel]
    assert phrases == ["high risk (presumed), alert live there", "high risk, alert live there"]
