"""``diffusion_scenarios.reports``: the text and JSON reports and writing them safely."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios import reports
from diffusion_scenarios.errors import OutputExistsError


@pytest.fixture(scope="module")
def assessment() -> ds.Assessment:
    return ds.assess(ds.builtin_scenarios()["red-notice-refused-then-diffusion"])


def test_formats_are_the_four_of_the_contract() -> None:
    assert reports.FORMATS == ("text", "json", "markdown", "html")


def test_json_is_exactly_to_dict(assessment: ds.Assessment) -> None:
    assert json.loads(reports.render(assessment, "json")) == assessment.to_dict()


def test_text_puts_the_outcome_first_and_the_caveats_last(assessment: ds.Assessment) -> None:
    text = reports.render(assessment)
    headings = [line for line in text.splitlines() if line.isupper() and line.strip()]
    assert headings[0] == "LIKELY CCF OUTCOME"
    assert headings[-1] == "CAVEATS"
    assert text.rstrip().endswith(assessment.caveats[-1].split()[-1])


def test_text_tags_every_cited_rule_with_its_verification(assessment: ds.Assessment) -> None:
    flat = " ".join(reports.render(assessment, "text").split())
    for citation in assessment.citations:
        status = "UNVERIFIED" if citation.verification == "unverified" else citation.verification
        listed = f"[{citation.id}] {citation.instrument}, {citation.provision} — {status};"
        assert listed in flat, citation.id
    assert "[ccf-reissuance, UNVERIFIED]" in flat
    assert "[ccf-statute-40-deletion, primary]" in flat


def test_text_shows_route_deadlines_trips_and_what_it_depends_on(
    assessment: ds.Assessment,
) -> None:
    text = reports.render(assessment)
    assert "deletion decision due: deadline 12 June 2025 (estimated)" in text
    assert "Greece, 5 October 2024: high risk (presumed), alert live there" in text
    assert "WHAT THE ANSWER DEPENDS ON" in text
    assert "admissible_on" in text


def test_text_says_why_a_trip_carries_no_interpol_risk_in_grammatical_words() -> None:
    scenario = ds.scenario_from_dict(
        {
            "format": 1,
            "id": "trips",
            "as_of": dt.date(2025, 3, 1),
            "notice": {
                "kind": "diffusion",
                "requesting_country": "KZ",
                "issued_on": dt.date(2025, 1, 10),
                "recipients": ["FR"],
            },
            "travel": [
                {"country": "DE", "date": dt.date(2025, 6, 1)},
                {"country": "TW", "date": dt.date(2025, 6, 2)},
                {"country": "FR", "date": dt.date(2025, 1, 2)},
            ],
        }
    )
    text = " ".join(reports.render(ds.assess(scenario)).split())
    assert "none risk" not in text
    assert "Germany, 1 June 2025: no INTERPOL-alert risk: not a recipient." in text
    assert "2 June 2025: no INTERPOL-alert risk: not an INTERPOL member." in text
    assert "France, 2 January 2025: no INTERPOL-alert risk: before the data circulated." in text


def test_text_is_deterministic(assessment: ds.Assessment) -> None:
    again = ds.assess(ds.builtin_scenarios()["red-notice-refused-then-diffusion"])
    assert reports.render(assessment) == reports.render(again)


def test_text_lines_stay_readable_in_a_terminal(assessment: ds.Assessment) -> None:
    long_lines = [line for line in reports.render(assessment).splitlines() if len(line) > 88]
    assert long_lines == [line for line in long_lines if " " not in line.strip()]


def test_text_of_a_red_notice_the_review_should_have_refused_says_it_circulates() -> None:
    scenario = ds.scenario_from_dict(
        {
            "format": 1,
            "id": "refused",
            "as_of": dt.date(2025, 3, 1),
            "notice": {
                "kind": "red_notice",
                "requesting_country": "KZ",
                "issued_on": dt.date(2024, 3, 1),
            },
            "case": {"offence": "other", "origin": "family_matter", "max_penalty_years": 3},
        }
    )
    text = reports.render(ds.assess(scenario))
    assert "should arguably have refused it" in text
    assert "195 recipient countries" in text
    assert "nothing circulated" not in text


def test_unknown_format_is_refused_with_the_choices(assessment: ds.Assessment) -> None:
    with pytest.raises(ValueError, match="text, json, markdown, html"):
        reports.render(assessment, "pdf")


def test_write_report_never_overwrites_unless_forced(
    assessment: ds.Assessment, tmp_path: Path
) -> None:
    target = tmp_path / "memo.txt"
    assert reports.write_report(assessment, target) == target
    first = target.read_text(encoding="utf-8")
    assert "not legal advice" in first

    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        reports.write_report(assessment, target, "json")
    assert target.read_text(encoding="utf-8") == "keep me"

    reports.write_report(assessment, target, "json", force=True)
    assert json.loads(target.read_text(encoding="utf-8"))["scenario_id"] == assessment.scenario_id


def test_write_report_with_a_bad_format_creates_no_file(
    assessment: ds.Assessment, tmp_path: Path
) -> None:
    with pytest.raises(ValueError):
        reports.write_report(assessment, tmp_path / "x.pdf", "pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_a_scenario_with_no_title_uses_its_id(assessment: ds.Assessment) -> None:
    untitled = dataclasses.replace(assessment, title="")
    assert (
        reports.render(untitled).splitlines()[0]
        == f"{assessment.scenario_id} ({assessment.scenario_id})"
    )


def test_write_report_refuses_a_folder_as_target(assessment: ds.Assessment, tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match="is a folder"):
        reports.write_report(assessment, tmp_path, force=True)


def test_text_states_a_reason_shared_by_every_recipient_once() -> None:
    scenario = ds.scenario_from_dict(
        {
            "format": 1,
            "id": "locate-all",
            "as_of": dt.date(2025, 3, 1),
            "notice": {
                "kind": "diffusion",
                "purpose": "locate",
                "requesting_country": "KZ",
                "issued_on": dt.date(2025, 1, 10),
            },
            "person": {"nationalities": ["DE"]},
        }
    )
    text = " ".join(reports.render(ds.assess(scenario)).split())
    assert text.count("a report of whereabouts, not arrest") == 1
    assert "For every recipient: The request asks only to locate the person" in text
    assert "Recipients at low risk (195; practice unknown for" in text
    # Germany is singled out by a fact (the person's nationality) and is listed on its own.
    assert "- Germany: low risk." in text


def test_a_report_before_the_issue_date_says_in_words_that_nothing_is_predicted() -> None:
    import datetime

    import diffusion_scenarios as ds
    from diffusion_scenarios import reports

    scenario = ds.builtin_scenarios()["ccf-2019-u1"]
    before = scenario.notice.issued_on - datetime.timedelta(days=30)
    assessment = ds.assess(scenario, as_of=before)
    assert assessment.outcome.prediction is None
    text = reports.render(assessment, "text")
    assert "no prediction, as nothing is on file" in text
    assert "not_predicted." not in text
    assert "No prediction: nothing is on file" in reports.render(assessment, "markdown")
