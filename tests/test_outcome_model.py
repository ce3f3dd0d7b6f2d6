"""The decision model: the base rate, alleged and established facts, one fact one count,
the cap on likelihoods, calibration and its command.

The legal cases are named as the sentence they check; property tests (hypothesis) check the
model's promises on any facts; the calibration tests check that the weights shipped are
those the fit gives, that the cross-validation keeps each person in one fold, and that the
cross-validated figures beat the baselines.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diffusion_scenarios as ds
from diffusion_scenarios import caselaw
from diffusion_scenarios._engine.assessment import OUTCOMES
from diffusion_scenarios._engine.calibration import (
    base_rate_forecast,
    case_features,
    cross_validate,
    fit,
    folds,
)
from diffusion_scenarios._engine.outcome import (
    Features,
    features_of,
    in_ten,
    likelihood_of,
    model_weights,
)
from diffusion_scenarios._law.data import data_file

ROOT = Path(__file__).parents[1]
EXPECTED = Path(str(data_file("scenarios/expected.csv")))
CAP = 0.95


def _scenario(case: dict | None = None, **extra: object) -> ds.Scenario:
    return ds.scenario_from_dict(
        {
            "format": 1,
            "id": "model-case",
            "as_of": "2025-03-01",
            "notice": {"kind": "red_notice", "requesting_country": "TR", "issued_on": "2021-05-10"},
            **({"case": case} if case else {}),
            **extra,
        }
    )


def _p(scenario: ds.Scenario) -> dict[str, float]:
    return dict(ds.assess(scenario).outcome.likelihood)


# ------------------------------------------------------------------------- legal cases
def test_with_no_fact_that_matters_known_the_likelihood_is_the_base_rate_and_the_confidence_is_low() -> (  # noqa: E501
    None
):
    outcome = ds.assess(_scenario()).outcome
    base = dict(zip(OUTCOMES, base_rate_forecast(), strict=True))
    for name, p in outcome.likelihood:
        assert p == pytest.approx(base[name], abs=1e-9)
    assert outcome.confidence == "low"
    assert outcome.prediction == "not_compliant"  # the CCF deletes about 2 in 3


def test_an_allegation_of_due_process_violations_alone_with_the_ncbs_answer_unknown_leaves_neither_outcome_above_0_7() -> (  # noqa: E501
    None
):
    p = _p(_scenario({"human_rights_concerns": ["unfair_trial"]}))
    assert max(p.values()) <= 0.7
    # ... but it does move the likelihood a little, towards deletion.
    assert p["not_compliant"] > base_rate_forecast()[0]


def test_the_same_due_process_violation_established_by_a_court_moves_the_likelihood_a_lot() -> None:
    alleged = _p(_scenario({"human_rights_concerns": ["unfair_trial"]}))
    established = _p(
        _scenario(
            {"human_rights_concerns": ["unfair_trial"]},
            evidence={"case.human_rights_concerns": "established"},
        )
    )
    base = base_rate_forecast()[0]
    assert established["not_compliant"] - base > 3 * (alleged["not_compliant"] - base)


def test_refugee_status_counts_once() -> None:
    facts = _scenario(
        None,
        person={
            "nationalities": ["TR"],
            "refugee_status": {
                "status": "recognised",
                "granted_by": "DE",
                "granted_on": "2019-04-01",
                "feared_persecution_from": "TR",
            },
        },
    )
    assessment = ds.assess(facts)
    grounds = {g.id for g in assessment.grounds if g.strength != "weak"}
    assert len(grounds) > 1, "the refugee status raises several grounds"  # listed in the memo
    features = features_of(facts, assessment.grounds, assessment.as_of)
    once = Features(strong_established=1, known_facts=features.known_facts)
    assert features.considerations == 1
    assert dict(assessment.outcome.likelihood) == dict(
        zip(OUTCOMES, likelihood_of(once), strict=True)
    )


def test_a_final_acquittal_in_another_state_on_the_same_acts_makes_kept_with_an_update_the_likeliest_outcome() -> (  # noqa: E501
    None
):
    facts = _scenario(
        {
            "stage": "prosecution",
            "offence": "fraud",
            "final_judgment": {"country": "DE", "date": "2023-02-01", "result": "acquitted"},
        }
    )
    outcome = ds.assess(facts).outcome
    assert outcome.prediction == "compliant_with_update", outcome.explanation


def test_an_ncb_that_does_not_answer_has_the_data_deleted_but_never_at_more_than_0_95() -> None:
    outcome = ds.assess(_scenario(None, challenge={"ncb_responds": False})).outcome
    assert outcome.prediction == "not_compliant"
    assert outcome.probability("not_compliant") == pytest.approx(CAP)
    assert "100" not in outcome.summary and "10 in 10" not in outcome.summary


def test_when_the_ncbs_answer_is_unknown_the_explanation_says_where_each_answer_leads() -> None:
    outcome = ds.assess(_scenario({"origin": "commercial_dispute"})).outcome
    assert "if it does not answer, deletion is" in outcome.explanation
    assert "if it answers and backs its request" in outcome.explanation


def test_the_words_follow_the_numbers() -> None:
    assert in_ten(CAP) == "more than 9 in 10"
    assert in_ten(0.66) == "about 7 in 10"
    assert in_ten(0.04) == "less than 1 in 10"


# ------------------------------------------------------------------------- properties
features = st.builds(
    Features,
    strong_established=st.integers(0, 3),
    strong_alleged=st.integers(0, 3),
    arguable_established=st.integers(0, 3),
    arguable_alleged=st.integers(0, 3),
    weak=st.integers(0, 3),
    update=st.booleans(),
    ncb_responds=st.sampled_from([None, True, False]),
    ncb_silent=st.booleans(),
    prior=st.sampled_from([None, "compliant", "not_compliant"]),
    known_facts=st.integers(0, 20),
)


@given(features)
def test_likelihoods_sum_to_one_and_never_exceed_0_95(f: Features) -> None:
    p = likelihood_of(f)
    assert abs(sum(p) - 1.0) < 1e-12
    assert all(0.0 <= x <= CAP + 1e-12 for x in p)


@given(st.integers(0, 30), st.sampled_from([None, True]))
def test_knowing_nothing_gives_the_base_rate(known: int, answers: bool | None) -> None:
    p = likelihood_of(Features(known_facts=known, ncb_responds=None))
    assert p == pytest.approx(base_rate_forecast())
    # Knowing only that the NCB answers leaves the share deleted among answered complaints.
    if answers:
        answered = likelihood_of(Features(known_facts=known, ncb_responds=True))
        assert answered[0] == pytest.approx(model_weights().answered_deleted)


_FAVOURABLE = [
    ("strong_established",),
    ("strong_alleged",),
    ("arguable_established",),
    ("arguable_alleged",),
    ("arguable_alleged", "arguable_established"),  # an allegation established
    ("strong_alleged", "strong_established"),
    ("arguable_established", "strong_established"),  # a ground found stronger
    ("arguable_alleged", "strong_alleged"),
]


@given(features, st.sampled_from(_FAVOURABLE))
def test_learning_a_fact_in_the_persons_favour_never_lowers_the_chance_of_deletion(
    f: Features, step: tuple[str, ...]
) -> None:
    if len(step) == 1:
        more = dataclasses.replace(f, **{step[0]: getattr(f, step[0]) + 1})
    else:
        low, high = step
        if getattr(f, low) == 0:
            f = dataclasses.replace(f, **{low: 1})
        more = dataclasses.replace(f, **{low: getattr(f, low) - 1, high: getattr(f, high) + 1})
    assert likelihood_of(more)[0] >= likelihood_of(f)[0] - 1e-12
    silent = dataclasses.replace(f, ncb_responds=False, ncb_silent=True)
    assert likelihood_of(silent)[0] >= likelihood_of(f)[0] - 1e-12


scenarios = st.builds(
    lambda origin, concerns, ncb, valid, political: ds.scenario_from_dict(
        {
            "format": 1,
            "id": "prop",
            "as_of": "2025-03-01",
            "notice": {"kind": "diffusion", "requesting_country": "KZ", "issued_on": "2020-01-10"},
            "case": {
                "origin": origin,
                "human_rights_concerns": concerns,
                "political_context": political,
                **({} if valid is None else {"arrest_warrant": {"valid": valid}}),
            },
            "challenge": {"requests": ["deletion"], "ncb_responds": ncb},
        }
    ),
    st.sampled_from(["none", "commercial_dispute", "family_matter", "private_dispute"]),
    st.lists(st.sampled_from(["torture_or_ill_treatment_risk", "unfair_trial"]), unique=True),
    st.sampled_from([None, True, False]),
    st.sampled_from([None, True, False]),
    st.lists(st.sampled_from(["critic_of_government", "political_opponent_or_rival"]), unique=True),
)

_REFUGEE = {
    "status": "recognised",
    "granted_by": "DE",
    "granted_on": "2018-01-01",
    "feared_persecution_from": "KZ",
}


@settings(max_examples=60, deadline=None)
@given(
    scenarios,
    st.sampled_from(
        ["invalid_warrant", "ill_treatment", "unfair_trial", "refugee", "court_found", "silent"]
    ),
)
def test_learning_a_fact_in_the_persons_favour_never_lowers_the_chance_of_deletion_on_any_facts(
    s: ds.Scenario, added: str
) -> None:
    case = s.case
    if added == "invalid_warrant":
        more = dataclasses.replace(
            s, case=dataclasses.replace(case, arrest_warrant=ds.ArrestWarrant(valid=False))
        )
    elif added == "refugee":
        data = ds.scenario_to_dict(s)
        data["person"] = {"refugee_status": _REFUGEE}
        more = ds.scenario_from_dict(data)
    elif added == "court_found":
        data = ds.scenario_to_dict(s)
        data["evidence"] = {
            "case.human_rights_concerns": "established",
            "case.political_context": "established",
        }
        more = ds.scenario_from_dict(data)
    elif added == "silent":
        data = ds.scenario_to_dict(s)
        data["challenge"] = {"requests": ["deletion"], "ncb_responds": False}
        more = ds.scenario_from_dict(data)
    else:
        concern = "torture_or_ill_treatment_risk" if added == "ill_treatment" else "unfair_trial"
        concerns = tuple(dict.fromkeys((*case.human_rights_concerns, concern)))
        more = dataclasses.replace(
            s, case=dataclasses.replace(case, human_rights_concerns=concerns)
        )
    before = ds.assess(s).outcome.probability("not_compliant")
    after = ds.assess(more).outcome.probability("not_compliant")
    assert after >= before - 1e-12


@settings(max_examples=60, deadline=None)
@given(scenarios)
def test_prediction_is_the_most_likely_outcome_and_the_summary_says_so(s: ds.Scenario) -> None:
    outcome = ds.assess(s).outcome
    p = dict(outcome.likelihood)
    assert abs(sum(p.values()) - 1.0) < 1e-12
    assert [o for o, _ in outcome.likelihood] == list(OUTCOMES)
    assert p[outcome.prediction] == max(p.values())
    assert max(p.values()) <= CAP + 1e-12
    assert outcome.confidence in ("low", "medium", "high")
    assert "in 10 on these facts" in outcome.summary
    for hinge in outcome.hinges_on:
        assert hinge.leads_to != outcome.prediction


@settings(max_examples=40, deadline=None)
@given(scenarios)
def test_a_known_ncb_answer_is_never_listed_as_a_hinge(s: ds.Scenario) -> None:
    outcome = ds.assess(s).outcome
    fields = [h.field for h in outcome.hinges_on]
    if s.challenge is not None and s.challenge.ncb_responds is not None:
        assert "challenge.ncb_responds" not in fields


# ------------------------------------------------------------------------- calibration
@pytest.fixture(scope="module")
def cases() -> tuple:
    return case_features(EXPECTED.parent, EXPECTED)


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return caselaw.calibration()


def test_the_shipped_weights_are_the_weights_the_fit_gives(cases: tuple) -> None:
    # scripts/fit_outcome.py writes them; a stale outcome.yaml fails here.
    fitted = fit(cases).values
    weights = model_weights()
    for name, value in fitted.items():
        assert getattr(weights, name) == pytest.approx(value, abs=1e-3), name


def test_a_weight_shown_by_fewer_than_four_decisions_keeps_its_judgement_value(
    cases: tuple,
) -> None:
    few = [c for c in cases if not c.features.update][:20]
    result = fit(few)
    assert result.decisions["update_keep"] == 0
    from diffusion_scenarios._engine.calibration import _terms

    assert result.values["update_keep"] == _terms()["update_keep"].start


def test_each_persons_decisions_stay_in_one_fold(cases: tuple) -> None:
    persons = {c.person for c in cases}
    assert len(persons) < len(cases), "some persons have several decisions (ccf_groups.csv)"
    for repeat in range(3):
        split = folds(cases, repeat)
        assert sorted(i for fold in split for i in fold) == list(range(len(cases)))
        where = {}
        for number, fold in enumerate(split):
            for i in fold:
                assert where.setdefault(cases[i].person, number) == number, cases[i].person


def test_the_folds_are_stratified_by_kind_of_source(cases: tuple) -> None:
    split = folds(cases, 0)
    kinds = {c.source for c in cases}
    assert kinds == {"official", "press", "practitioner"}
    for kind in kinds:
        counts = [sum(cases[i].source == kind for i in fold) for fold in split]
        assert max(counts) - min(counts) <= 3, (kind, counts)


def test_the_cross_validation_refits_the_weights_in_every_fold(cases: tuple) -> None:
    cross = cross_validate(cases)
    assert len(cross.forecasts) == len(cases)
    assert any(high - low > 1e-3 for low, high in cross.ranges.values())
    assert len(cross.repeats) > 1


def test_the_cross_validated_model_beats_both_baselines_and_the_brier_target(report) -> None:  # type: ignore[no-untyped-def]
    # The gate: the figure to believe is the cross-validated one, on decisions each
    # forecast by weights fitted without that person's decisions (issue 19, "Done when").
    cv = report.scores(report.cross_validated)
    assert cv.agreements > cv.always_deleted
    assert cv.brier <= 0.75 * cv.base_brier
    assert cv.brier < cv.always_deleted_brier
    assert cv.log_loss < cv.base_log_loss


def test_predictions_called_high_are_right_at_least_nine_times_in_ten_in_cross_validation(
    report,  # type: ignore[no-untyped-def]
) -> None:
    high = report.scores(report.cross_validated, "high")
    assert high.cases >= 5
    assert high.agreements / high.cases >= 0.9


@pytest.mark.xfail(
    strict=True,
    reason="issue 19's agreement targets are not reached by an honest model on these 56 "
    "decisions: cross-validated agreement 44/56 (79 %) against 42/56 (75 %) for always "
    "'deleted' (targets: 85 % and 10 points above); see the README",
)
def test_the_issue_agreement_targets_are_reached_in_cross_validation(report) -> None:  # type: ignore[no-untyped-def]
    cv = report.scores(report.cross_validated)
    assert cv.agreements / cv.cases >= 0.85
    assert cv.agreements / cv.cases >= cv.always_deleted / cv.cases + 0.10


def test_the_markdown_report_sets_the_model_beside_both_baselines_and_explains_each_miss(
    report,  # type: ignore[no-untyped-def]
) -> None:
    text = report.to_markdown()
    assert (
        "model, cross-validated" in text
        and "base rate" in text
        and 'always \\"deleted\\"' not in text
    )
    assert 'always "deleted"' in text
    parted = report.disagreements()
    for row in parted:
        assert f"* {row['decision_id']} (" in text
    assert f"part ways ({len(parted)})" in text


def test_the_base_rate_forecast_is_the_ccfs_2021_shares() -> None:
    p = dict(zip(OUTCOMES, base_rate_forecast(), strict=True))
    assert p["not_compliant"] == pytest.approx(296 / 449)
    assert p["compliant"] == pytest.approx(133 / 449)


def test_compare_with_calibration_prints_both_figures_the_baselines_and_the_reliability_table() -> (
    None
):
    run = subprocess.run(
        [sys.executable, "-m", "diffusion_scenarios", "compare", "--calibration"],
        capture_output=True,
        text=True,
        check=True,
    )
    out = run.stdout
    assert "Cross-validated (5 folds grouped by person" in out
    assert "Brier" in out and "log-loss" in out and "always del." in out
    assert "Reliability" in out
    assert "Where the cross-validated model and the CCF part ways" in out
    assert "Fitted parameters: " in out
    for tier in ("high", "medium", "low"):
        assert f"\n    {tier} " in out


def test_compare_with_calibration_as_json_loads_back() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "diffusion_scenarios",
            "compare",
            "--calibration",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(run.stdout)
    cv = data["calibration"]["cross_validated"]["all"]
    assert cv["cases"] == len(caselaw.expected_outcomes())
    assert cv["brier"] < cv["base_rate_brier"]
    assert cv["always_deleted_agreements"] < cv["agreements"]
    parted = data["calibration"]["disagreements"]
    assert all(row["ccf_outcome"] != row["model_outcome"] for row in parted)


def test_the_fit_script_reports_the_file_is_up_to_date() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fit_outcome.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr


def test_the_discussion_names_every_decision_where_model_and_ccf_part_ways(report) -> None:  # type: ignore[no-untyped-def]
    result = caselaw.compare_builtin()
    text = caselaw.discussion_markdown(result, report)
    cross = {f.case.file: f for f in report.cross_validated}
    for row in result.rows:
        parted = not row.outcome_agrees or cross[row.file].prediction != row.ccf_outcome
        named = f"[{row.decision_id}](" in text or f"**{row.decision_id}**" in text
        assert named == parted, row.decision_id


def test_case_law_tables_for_students_link_each_decision_and_show_no_raw_values() -> None:
    table = caselaw.decisions_markdown(caselaw.decisions())
    rows = table.splitlines()[2:]
    decisions = caselaw.decisions()
    assert len(rows) == len(decisions)
    # Every decision with a source is linked to it (a few official excerpts have no readable
    # source address in the index and are named without a link).
    for row, (_, decision) in zip(rows, decisions.iterrows(), strict=True):
        linked = row.startswith("| [") and "](http" in row
        assert linked == bool(decision["urls"]), decision["decision_id"]
    shown = caselaw.comparison_markdown(caselaw.compare_builtin())
    words = re.sub(r"\]\([^)]*\)", "]", shown)  # the table without its link targets
    for raw in ("None", "False", "True", "nan", "not_compliant", "compliant_with_update"):
        assert raw not in words, raw


def test_the_calibration_chart_draws_both_series_against_the_diagonal(report) -> None:  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    figure = caselaw.plot_calibration(report)
    labels = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert labels[0] == "perfect calibration" and len(labels) == 3


def test_a_bad_confidence_in_an_expected_file_names_the_row_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "expected.csv"
    bad.write_text(
        "file,decision_id,ccf_outcome,ccf_grounds,confidence\na.yaml,1,compliant,,sure\n",
        encoding="utf-8",
    )
    with pytest.raises(ds.CaseLawError, match=r"row 2, column confidence: expected one of low"):
        caselaw.read_expected(bad)


def test_compare_needs_both_folder_and_csv_or_neither() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "diffusion_scenarios", "compare", "--expected", str(EXPECTED)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0
    assert "expected both DIR and --expected CSV, or neither" in run.stderr


# ------------------------------------------------------------------ how a fact is known
def test_a_file_may_say_how_each_fact_is_known_and_it_loads_back() -> None:
    facts = _scenario(
        {"human_rights_concerns": ["unfair_trial"]},
        evidence={
            "case.human_rights_concerns": "established",
            "notice.requesting_country": "assumed",
        },
    )
    assert dict(facts.evidence) == {
        "case.human_rights_concerns": "established",
        "notice.requesting_country": "assumed",
    }
    assert ds.scenario_from_dict(ds.scenario_to_dict(facts)) == facts


def test_a_file_without_evidence_reads_as_before() -> None:
    facts = _scenario({"origin": "commercial_dispute"})
    assert len(facts.evidence) == 0
    assert "evidence" not in ds.scenario_to_dict(facts)


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ({"case.humn_rights_concerns": "alleged"}, "did you mean 'case.human_rights_concerns'"),
        ({"case.origin": "proven"}, "evidence.case.origin: expected one of alleged, established"),
        (["case.origin"], "evidence: expected a mapping of fact paths"),
    ],
)
def test_a_bad_evidence_entry_is_one_line_naming_the_field(evidence: object, message: str) -> None:
    with pytest.raises(ds.ScenarioError) as error:
        _scenario(None, evidence=evidence)
    text = str(error.value)
    assert message in text
    assert text.count("\n") == 0


def test_unlisted_facts_take_their_fields_default() -> None:
    from diffusion_scenarios._facts.scenario import evidence_of

    facts = _scenario(
        {
            "origin": "private_dispute",
            "political_context": ["critic_of_government"],
            "arrest_warrant": {"valid": False},
            "requesting_state_sought_extradition": True,
        }
    )
    assert evidence_of(facts, "case.origin") == "alleged"  # how the dispute should be read
    assert evidence_of(facts, "case.political_context") == "alleged"  # a characterisation
    assert evidence_of(facts, "case.arrest_warrant.valid") == "established"  # a record
    assert evidence_of(facts, "case.requesting_state_sought_extradition") == "established"
    found = _scenario(
        {"political_context": ["critic_of_government", "third_state_found_political"]}
    )
    assert evidence_of(found, "case.political_context") == "established"  # a finding


def test_an_assumed_requesting_state_does_not_change_the_prediction() -> None:
    plain = _scenario({"human_rights_concerns": ["torture_or_ill_treatment_risk"]})
    marked = _scenario(
        {"human_rights_concerns": ["torture_or_ill_treatment_risk"]},
        evidence={"notice.requesting_country": "assumed", "case.human_rights_concerns": "assumed"},
    )
    assert ds.assess(plain).outcome.likelihood == ds.assess(marked).outcome.likelihood


def test_an_assumed_requesting_state_is_shown_as_assumed_in_every_output() -> None:
    from diffusion_scenarios import reports
    from diffusion_scenarios._render.text import render_text

    facts = _scenario(None, evidence={"notice.requesting_country": "assumed"})
    assessment = ds.assess(facts)
    said = "State A, assumed to be T"  # Türkiye / Turkey, as the country table spells it
    assert said in render_text(assessment).replace("\n", " ")
    assert said in reports.render(assessment, "markdown")
    assert assessment.to_dict()["evidence"] == {"notice.requesting_country": "assumed"}
    plain = ds.assess(_scenario())
    assert "assumed to be" not in render_text(plain)
    assert plain.to_dict()["evidence"] == {}


def test_the_shipped_anonymised_decisions_mark_their_assumed_requesting_state() -> None:
    import csv

    rows = list(csv.DictReader(EXPECTED.read_text(encoding="utf-8").splitlines()))
    marked = 0
    for row in rows:
        scenario = ds.load_scenario(EXPECTED.parent / row["file"])
        notes = row["encoding_notes"]
        says_assumed = re.search(
            r"(Requesting|Source) country[^.;]*[.;][^.]*assumed|state not named; [^.]*assumed",
            notes,
        )
        flagged = scenario.evidence.get("notice.requesting_country") == "assumed"
        assert bool(says_assumed) == flagged, row["file"]
        marked += flagged
    assert marked


def test_no_memo_of_a_built_in_scenario_says_about_100_percent() -> None:
    from diffusion_scenarios import reports

    for key, scenario in ds.builtin_scenarios().items():
        assessment = ds.assess(scenario)
        assert max(p for _, p in assessment.outcome.likelihood) <= CAP + 1e-12, key
        memo = reports.render(assessment, "markdown")
        assert "about 100%" not in memo and "10 in 10" not in memo, key
