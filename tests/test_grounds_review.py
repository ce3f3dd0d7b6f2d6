"""Points of the practitioner review (issue 11) that are about wording and presentation.

The legal behaviour of the review's points is in ``tests/legal_cases/g_*.yaml``; what a legal
case cannot state (a sentence that must not repeat itself, a ground listed under the right
heading, a citation that must not appear before its date) is checked here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import diffusion_scenarios as ds
from diffusion_scenarios import reports
from diffusion_scenarios._engine.grounds.evaluate import evaluate_grounds
from diffusion_scenarios._engine.grounds.findings import ground_category
from diffusion_scenarios._facts.scenario import InAbsentiaDetails

D = dt.date


def _diffusion(**case: object) -> ds.Scenario:
    base: dict[str, object] = {
        "stage": "prosecution",
        "offence": "fraud",
        "max_penalty_years": 10.0,
        "summary_names_person_role": True,
        "arrest_warrant": ds.ArrestWarrant(issued_on=D(2023, 12, 1), valid=True),
        "origin": "none",
        "requesting_state_sought_extradition": True,
    }
    base.update(case)
    return ds.Scenario(
        id="review",
        as_of=D(2025, 3, 1),
        notice=ds.Notice(kind="diffusion", requesting_country="KAZ", issued_on=D(2024, 1, 10)),
        person=ds.Person(nationalities=("KAZ",), residence="GBR"),
        case=ds.Case(**base),  # type: ignore[arg-type]
        challenge=ds.Challenge(filed_on=D(2025, 1, 10), requests=("deletion",), ncb_responds=True),
    )


DAY = D(2025, 3, 1)


def _reasons(scenario: ds.Scenario, ground_id: str, on: dt.date = DAY) -> str:
    ground = evaluate_grounds(scenario, on).ground(ground_id)
    assert ground is not None, ground_id
    return " ".join(ground.reasons)


def test_an_offence_stated_to_be_political_by_nature_is_not_said_twice() -> None:
    text = _reasons(
        _diffusion(political_context=("offence_is_political_by_nature",)), "article3_political"
    )
    assert text.count("political by") == 1, text
    assert text.startswith("The offence is political by nature")


def test_an_offence_the_facts_leave_unknown_is_called_unknown_in_the_weighing() -> None:
    scenario = _diffusion(
        offence="other", political_context=("prosecution_follows_political_activity",)
    )
    scenario = dataclasses.replace(
        scenario, person=dataclasses.replace(scenario.person, profile=("journalist",))
    )
    text = _reasons(scenario, "article3_political")
    assert "other is an" not in text
    assert "the offence is unknown" in text
    result = evaluate_grounds(scenario, D(2025, 3, 1))
    assert any("case.offence" in d.fields for d in result.depends_on)


def test_data_accuracy_calls_for_correction_and_is_listed_under_its_own_heading() -> None:
    assert ground_category("data_accuracy") == "correction"
    assert ground_category("extradition_refused") == "correction"
    assert ground_category("private_dispute") == "deletion"
    scenario = _diffusion(
        max_penalty_years=1.0,
        extradition=(
            ds.ExtraditionProceeding(
                country="DEU", outcome="refused", grounds="procedural", date=D(2024, 6, 1)
            ),
        ),
    )
    # The penalty threshold is a red-notice condition (RPD Art 83; a diffusion is not held to
    # it, Art 97(2) and 99(3)(c)), so the same facts are read as a red notice here.
    scenario = dataclasses.replace(
        scenario, notice=dataclasses.replace(scenario.notice, kind="red_notice")
    )
    assessment = ds.assess(scenario)
    assert assessment.ground("data_accuracy") is not None
    assert assessment.ground("penalty_threshold") is not None
    label = assessment.ground("data_accuracy").label  # type: ignore[union-attr]

    text = reports.render(assessment, "text")
    deletion = text.index("GROUNDS FOR DELETION")
    correction = text.index("GROUNDS FOR CORRECTING THE RECORD")
    assert deletion < text.index("The minimum penalty") < correction < text.index(label)

    markdown = reports.render(assessment, "markdown")
    deletion = markdown.index("## Grounds for deletion")
    correction = markdown.index("## Grounds for correcting the record")
    assert deletion < markdown.index("(`penalty_threshold`)") < correction
    assert correction < markdown.index("(`data_accuracy`)")

    html = reports.render(assessment, "html")
    correction = html.index('<h2 id="correction-grounds">Grounds for correcting the record</h2>')
    assert html.index("<code>penalty_threshold</code>") < correction
    assert correction < html.index("<code>data_accuracy</code>")


def test_no_correction_heading_when_every_ground_calls_for_deletion() -> None:
    assessment = ds.assess(_diffusion(max_penalty_years=1.0))
    assert "GROUNDS FOR CORRECTING THE RECORD" not in reports.render(assessment, "text")
    assert "correcting the record" not in reports.render(assessment, "markdown")
    assert "correction-grounds" not in reports.render(assessment, "html")


def test_the_ccf_in_absentia_decisions_are_cited_only_from_2018() -> None:
    scenario = _diffusion(
        stage="sentence",
        sentence_months=24.0,
        in_absentia=True,
        retrial_guaranteed=False,
        in_absentia_details=InAbsentiaDetails(knew_of_trial=False, represented=False),
    )
    before = evaluate_grounds(scenario, D(2017, 12, 31)).ground("fair_trial")
    after = evaluate_grounds(scenario, D(2018, 1, 1)).ground("fair_trial")
    assert before is not None and after is not None
    assert "ccf-practice-trial-in-absentia" not in before.citations
    assert "ccf-practice-trial-in-absentia" in after.citations
    # ABS-1, ABS-2: no published test and both decisions kept the data (issue 20 point 6).
    assert before.strength == after.strength == "arguable"


def test_no_report_before_2021_puts_cheques_on_the_list_of_excluded_offences() -> None:
    scenario = _diffusion(offence="unfunded_cheque", amount_usd=3000.0, cheque_count=1)
    before = evaluate_grounds(scenario, D(2020, 12, 31)).ground("private_dispute")
    assert before is not None
    assert not {"gs-list-unfunded-cheques-by-2021", "gs-list-unfunded-cheques"} & set(
        before.citations
    )
