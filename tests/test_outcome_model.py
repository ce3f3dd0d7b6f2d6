"""The decision model: likelihoods, monotonicity, calibration and its command.

Property tests (hypothesis) check the model's promises on any facts; the calibration tests
check that the fitted weights shipped are those the fit gives, that leave-one-out refits
really refit, and that the Brier score beats the CCF's base-rate forecast.
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
)
from diffusion_scenarios._engine.outcome import Features, likelihood_of
from diffusion_scenarios._law.data import data_file

ROOT = Path(__file__).parents[1]
EXPECTED = Path(str(data_file("scenarios/expected.csv")))

features = st.builds(
    Features,
    strong=st.integers(0, 4),
    arguable=st.integers(0, 4),
    weak=st.integers(0, 4),
    update=st.booleans(),
    ncb_responds=st.sampled_from([None, True, False]),
    prior_compliant=st.booleans(),
    co_accused_deleted=st.booleans(),
    diffusion_after_refusal=st.booleans(),
    known_facts=st.integers(0, 20),
)


@given(features)
def test_likelihoods_sum_to_one_and_are_probabilities(f: Features) -> None:
    p = likelihood_of(f)
    assert abs(sum(p) - 1.0) < 1e-12
    assert all(0.0 <= x <= 1.0 for x in p)


@given(features, st.sampled_from(["strong", "arguable", "weak"]))
def test_adding_a_ground_never_lowers_the_likelihood_of_deletion(f: Features, level: str) -> None:
    more = dataclasses.replace(f, **{level: getattr(f, level) + 1})
    assert likelihood_of(more)[0] >= likelihood_of(f)[0]


@given(features, st.sampled_from([("weak", "arguable"), ("arguable", "strong")]))
def test_strengthening_a_ground_never_lowers_the_likelihood_of_deletion(
    f: Features, step: tuple[str, str]
) -> None:
    low, high = step
    if getattr(f, low) == 0:
        f = dataclasses.replace(f, **{low: 1})
    stronger = dataclasses.replace(f, **{low: getattr(f, low) - 1, high: getattr(f, high) + 1})
    assert likelihood_of(stronger)[0] >= likelihood_of(f)[0]


scenarios = st.builds(
    lambda origin, concerns, ncb, valid: ds.scenario_from_dict(
        {
            "format": 1,
            "id": "prop",
            "as_of": "2025-03-01",
            "notice": {"kind": "diffusion", "requesting_country": "KZ", "issued_on": "2020-01-10"},
            "case": {
                "origin": origin,
                "human_rights_concerns": concerns,
                **({} if valid is None else {"arrest_warrant": {"valid": valid}}),
            },
            "challenge": {"requests": ["deletion"], "ncb_responds": ncb},
        }
    ),
    st.sampled_from(["none", "commercial_dispute", "family_matter", "private_dispute"]),
    st.lists(st.sampled_from(["torture_or_ill_treatment_risk", "unfair_trial"]), unique=True),
    st.sampled_from([None, True, False]),
    st.sampled_from([None, True, False]),
)


@settings(max_examples=60, deadline=None)
@given(scenarios)
def test_prediction_is_the_most_likely_outcome_and_the_summary_says_so(s: ds.Scenario) -> None:
    outcome = ds.assess(s).outcome
    p = dict(outcome.likelihood)
    assert abs(sum(p.values()) - 1.0) < 1e-12
    assert [o for o, _ in outcome.likelihood] == list(OUTCOMES)
    assert p[outcome.prediction] == max(p.values())
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


def test_the_shipped_weights_are_the_weights_the_fit_gives(cases: tuple) -> None:
    # scripts/fit_outcome.py writes them; a stale outcome.yaml fails here.
    from diffusion_scenarios._engine.outcome import DELETION_TERMS, UPDATE_TERMS, model_weights

    fitted = fit(cases).values
    shipped = dict(
        zip(
            DELETION_TERMS + UPDATE_TERMS,
            model_weights().deletion + model_weights().update,
            strict=True,
        )
    )
    for name, value in fitted.items():
        assert shipped[name] == pytest.approx(value, abs=1e-3), name


def test_leave_one_out_refits_the_weights_in_every_fold(cases: tuple) -> None:
    forecasts, ranges = cross_validate(cases)
    assert len(forecasts) == len(cases)
    # The weights move from fold to fold: each fold really is a new fit.
    assert any(high - low > 1e-3 for low, high in ranges.values())
    # And leaving a decision out changes its own forecast.
    trained = fit(cases).weights
    assert any(
        abs(likelihood_of(f.case.features, trained)[0] - f.likelihood[0]) > 1e-6 for f in forecasts
    )


def test_the_model_beats_the_base_rate_forecast_trained_and_cross_validated() -> None:
    report = caselaw.calibration()
    for forecasts in (report.training, report.cross_validated):
        scores = report.scores(forecasts)
        assert scores.brier is not None and scores.base_brier is not None
        assert scores.brier < scores.base_brier


def test_the_base_rate_forecast_is_the_ccfs_2021_shares() -> None:
    p = dict(zip(OUTCOMES, base_rate_forecast(), strict=True))
    assert p["not_compliant"] == pytest.approx(296 / 449)
    assert p["compliant"] == pytest.approx(133 / 449)


def test_compare_with_calibration_prints_both_figures_and_the_reliability_table() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "diffusion_scenarios",
            "compare",
            "--calibration",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = run.stdout
    assert "Cross-validated (leave one out" in out
    assert "Brier" in out and "base rate" in out
    assert "Reliability" in out
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


def test_the_fit_script_reports_the_file_is_up_to_date() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fit_outcome.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr


def test_the_discussion_names_every_decision_where_model_and_ccf_part_ways() -> None:
    result = caselaw.compare_builtin()
    report = caselaw.calibration()
    text = caselaw.discussion_markdown(result, report)
    cross = {f.case.file: f for f in report.cross_validated}
    for row in result.rows:
        parted = not row.outcome_agrees or cross[row.file].prediction != row.ccf_outcome
        assert (f"[{row.decision_id}](" in text) == parted, row.decision_id


def test_case_law_tables_for_students_link_each_decision_and_show_no_raw_values() -> None:
    table = caselaw.decisions_markdown(caselaw.decisions())
    rows = table.splitlines()[2:]
    assert len(rows) == len(caselaw.decisions())
    assert all(row.startswith("| [") and "](http" in row for row in rows)
    shown = caselaw.comparison_markdown(caselaw.compare_builtin())
    words = re.sub(r"\]\([^)]*\)", "]", shown)  # the table without its link targets
    for raw in ("None", "False", "True", "nan", "not_compliant", "compliant_with_update"):
        assert raw not in words, raw


def test_the_calibration_chart_draws_both_series_against_the_diagonal() -> None:
    import matplotlib

    matplotlib.use("Agg")
    figure = caselaw.plot_calibration(caselaw.calibration())
    labels = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert labels == [
        "perfect calibration",
        "fitted on all decisions",
        "each decision left out of the fit",
    ]


def test_a_bad_confidence_in_an_expected_file_names_the_row_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "expected.csv"
    bad.write_text(
        "file,decision_id,ccf_outcome,ccf_grounds,confidence\na.yaml,1,compliant,,sure\n",
        encoding="utf-8",
    )
    with pytest.raises(ds.CaseLawError, match=r"row 2, column confidence: expected one of low"):
        caselaw.read_expected(bad)


@settings(max_examples=60, deadline=None)
@given(scenarios, st.sampled_from(["invalid_warrant", "ill_treatment", "unfair_trial"]))
def test_adding_a_fact_that_raises_a_ground_never_lowers_the_likelihood_of_deletion(
    s: ds.Scenario, added: str
) -> None:
    case = s.case
    if added == "invalid_warrant":
        more = dataclasses.replace(case, arrest_warrant=ds.ArrestWarrant(valid=False))
    else:
        concern = "torture_or_ill_treatment_risk" if added == "ill_treatment" else "unfair_trial"
        concerns = tuple(dict.fromkeys((*case.human_rights_concerns, concern)))
        more = dataclasses.replace(case, human_rights_concerns=concerns)
    before = ds.assess(s).outcome.probability("not_compliant")
    after = ds.assess(dataclasses.replace(s, case=more)).outcome.probability("not_compliant")
    assert after >= before - 1e-12


def test_compare_needs_both_folder_and_csv_or_neither() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "diffusion_scenarios", "compare", "--expected", str(EXPECTED)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0
    assert "expected both DIR and --expected CSV, or neither" in run.stderr
