"""The seminar policy lab: state machine, determinism, regimes, calibration, errors, charts."""

from __future__ import annotations

import dataclasses
import doctest
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffusion_scenarios import lab
from diffusion_scenarios._lab.params import _spec, parameter_names
from diffusion_scenarios.errors import LabError, ReferenceDataError

N = 40_000  # small enough for a shared CI box, large enough for stable shares


@pytest.fixture(scope="module")
def defaults() -> lab.Parameters:
    return lab.Parameters.default()


# --- the state machine ------------------------------------------------------------------


@pytest.mark.parametrize("regime", list(lab.REGIMES))
@pytest.mark.parametrize("n", [1, 8191, 12_345])
def test_every_simulated_request_ends_in_exactly_one_final_state(regime: str, n: int) -> None:
    result = lab.simulate(regime, n=n, seed=11)
    assert tuple(result.final_states) == lab.FINAL_STATES
    assert sum(result.final_states.values()) == n
    assert result.red_notices + result.diffusions == n
    assert all(count >= 0 for count in result.final_states.values())


def test_non_compliant_requests_are_accounted_for_by_their_final_states() -> None:
    result = lab.simulate("today", n=N, seed=5)
    states = result.final_states
    # every non-compliant request is refused, removed, deleted, expired or still active
    assert (
        states["still_active_at_horizon"]
        + states["refused_at_screening"]
        + states["removed_by_review"]
        + states["deleted_by_ccf"]
        <= result.noncompliant_requests
    )
    assert (
        result.noncompliant_reaching_recipients
        == result.noncompliant_requests - states["refused_at_screening"]
    )
    assert sum(result.noncompliant_by_defect.values()) == result.noncompliant_requests


def test_without_defects_nothing_is_refused_removed_or_exposed(defaults: lab.Parameters) -> None:
    clean = dataclasses.replace(defaults, true_noncompliance_rate=0.0)
    result = lab.simulate("screen_diffusions", n=N, seed=2, parameters=clean)
    assert result.noncompliant_requests == 0
    assert result.exposure_person_days == 0
    assert result.expected_detentions == 0
    for state in ("refused_at_screening", "removed_by_review", "deleted_by_ccf"):
        assert result.final_states[state] == 0
    assert result.final_states["still_active_at_horizon"] == 0
    assert result.ccf_applications > 0  # people on sound requests still apply


def test_diffusions_are_not_screened_today_but_are_under_screen_diffusions(
    defaults: lab.Parameters,
) -> None:
    only_diffusions = dataclasses.replace(defaults, share_diffusions=1.0)
    today = lab.simulate("today", n=N, seed=4, parameters=only_diffusions)
    screened = lab.simulate("screen_diffusions", n=N, seed=4, parameters=only_diffusions)
    assert today.final_states["refused_at_screening"] == 0
    assert screened.final_states["refused_at_screening"] > 0


def test_red_notices_are_never_removed_by_the_after_circulation_review(
    defaults: lab.Parameters,
) -> None:
    only_red_notices = dataclasses.replace(defaults, share_diffusions=0.0)
    result = lab.simulate("today", n=N, seed=4, parameters=only_red_notices)
    assert result.final_states["removed_by_review"] == 0
    assert result.final_states["refused_at_screening"] > 0


# --- determinism and chunking -------------------------------------------------------------


def test_the_same_seed_gives_the_same_result_and_another_seed_does_not() -> None:
    first = lab.simulate("today", n=N, seed=99)
    again = lab.simulate("today", n=N, seed=99)
    other = lab.simulate("today", n=N, seed=100)
    assert first.to_dict() == again.to_dict()
    assert first.to_dict() != other.to_dict()


@pytest.mark.parametrize("chunk_size", [1_000, 7_777, 8_192, 50_001])
def test_chunked_and_unchunked_runs_agree_exactly(chunk_size: int) -> None:
    unchunked = lab.simulate("block_while_examined", n=50_001, seed=8, chunk_size=50_001)
    chunked = lab.simulate("block_while_examined", n=50_001, seed=8, chunk_size=chunk_size)
    assert chunked.to_dict() == unchunked.to_dict()


def test_progress_is_reported_after_every_chunk_up_to_the_total() -> None:
    seen: list[tuple[int, int]] = []
    lab.simulate(
        "today", n=25_000, seed=1, chunk_size=10_000, progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(10_000, 25_000), (20_000, 25_000), (25_000, 25_000)]


# --- regimes --------------------------------------------------------------------------------


def _random_parameters(base: lab.Parameters, rng: np.random.Generator) -> lab.Parameters:
    """A parameter draw inside each parameter's range to explore."""
    specs = lab.parameter_specs()
    changes = {}
    for name in parameter_names():
        if name.startswith("other_grounds_split_"):
            continue
        low, high = specs[name].explore
        changes[name] = float(rng.uniform(low, high))
    return dataclasses.replace(base, **changes)


def test_screening_diffusions_never_increases_exposure(defaults: lab.Parameters) -> None:
    rng = np.random.default_rng(20_240)
    for seed in range(6):
        parameters = defaults if seed == 0 else _random_parameters(defaults, rng)
        today = lab.simulate("today", n=20_000, seed=seed, parameters=parameters)
        screened = lab.simulate("screen_diffusions", n=20_000, seed=seed, parameters=parameters)
        assert screened.exposure_person_days <= today.exposure_person_days
        assert screened.expected_detentions <= today.expected_detentions
        assert screened.noncompliant_reaching_recipients <= today.noncompliant_reaching_recipients
        assert screened.exposure_person_days_red_notices == today.exposure_person_days_red_notices


def test_screening_diffusions_cuts_exposure_by_a_visible_amount_by_default() -> None:
    table = lab.compare_regimes(["today", "screen_diffusions"], n=N, seed=3)
    reduction = (
        1
        - table.loc["screen_diffusions", "exposure_person_days"]
        / table.loc["today", "exposure_person_days"]
    )
    assert reduction > 0.05


def test_dropping_the_after_circulation_review_leaves_defective_diffusions_circulating() -> None:
    today = lab.simulate("today", n=N, seed=6)
    unreviewed = lab.simulate("no_review_after_circulation", n=N, seed=6)
    assert unreviewed.final_states["removed_by_review"] == 0
    assert unreviewed.exposure_person_days_diffusions > today.exposure_person_days_diffusions
    assert (
        unreviewed.final_states["still_active_at_horizon"]
        > today.final_states["still_active_at_horizon"]
    )


def test_a_faster_ccf_decides_more_cases_within_the_nine_month_limit() -> None:
    today = lab.simulate("today", n=N, seed=6)
    faster = lab.simulate("faster_ccf", n=N, seed=6)
    assert faster.ccf_share_over_limit < today.ccf_share_over_limit / 3
    assert faster.final_states["deleted_by_ccf"] >= today.final_states["deleted_by_ccf"]


def test_blocking_while_examined_trades_exposure_for_blocked_lawful_alerts() -> None:
    today = lab.simulate("today", n=N, seed=6)
    blocking = lab.simulate("block_while_examined", n=N, seed=6)
    assert blocking.exposure_person_days <= today.exposure_person_days
    assert blocking.lawful_alert_days_blocked > today.lawful_alert_days_blocked
    assert blocking.final_states == today.final_states  # blocking removes nothing


def test_a_user_defined_regime_runs_like_a_built_in_one() -> None:
    both = lab.Regime(
        name="screen_and_block",
        description="Screen diffusions and block while examined",
        screen_diffusions=True,
        block_while_examined=True,
    )
    result = lab.simulate(both, n=N, seed=1)
    assert result.regime.name == "screen_and_block"
    screened = lab.simulate("screen_diffusions", n=N, seed=1)
    assert result.exposure_person_days <= screened.exposure_person_days


# --- calibration ----------------------------------------------------------------------------


def test_today_reproduces_its_calibration_targets_within_the_stated_tolerance() -> None:
    report = lab.calibration_report(n=lab.CALIBRATION_N, seed=2021)
    outside = report[~report["within_tolerance"]]
    assert outside.empty, outside[["target", "simulated", "tolerance"]].to_string()
    assert set(report.index) >= {
        "ndtf_refused_or_cancelled_share",
        "share_diffusions",
        "ccf_deletion_share_of_processed",
    }


def test_calibration_would_notice_a_wrong_detection_assumption(defaults: lab.Parameters) -> None:
    blind = dataclasses.replace(
        defaults, screening_detection_probability=0.05, review_detection_probability=0.05
    )
    report = lab.calibration_report(n=50_000, seed=2021, parameters=blind)
    assert not report.loc["ndtf_refused_or_cancelled_share", "within_tolerance"]


# --- parameters and their sources ------------------------------------------------------------


def test_every_parameter_has_a_source_or_is_labelled_an_assumption() -> None:
    table = lab.parameter_table()
    assert list(table.index) == list(parameter_names())
    for name, row in table.iterrows():
        if row["assumption"]:
            assert "assumption:" in row["basis"], name
        else:
            assert row["source"] and row["url"].startswith("http"), name


def test_the_share_of_diffusions_comes_from_the_2021_counts() -> None:
    spec = lab.parameter_specs()["share_diffusions"]
    assert not spec.assumption
    assert [(ref.metric, ref.year, ref.value) for ref in spec.statistics] == [
        ("wanted_diffusions_issued", 2021, 12_940.0),
        ("red_notices_plus_wanted_diffusions_issued", 2021, 23_716.0),
    ]
    assert spec.value == pytest.approx(12_940 / 23_716, abs=1e-6)


def _entry(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "value": 0.545623,
        "unit": "share",
        "bounds": [0, 1],
        "range": [0.4, 0.6],
        "label": "Share sent as diffusions",
        "description": "diffusions among requests",
        "source": {
            "computation": "ratio",
            "statistics": [
                {
                    "metric": "wanted_diffusions_issued",
                    "year": 2021,
                    "url": "https://eurotoday.net/2023/02/01/interpol-takes-baby-steps-toward-transparency",
                },
                {
                    "metric": "red_notices_plus_wanted_diffusions_issued",
                    "year": 2021,
                    "url": "https://eurotoday.net/2023/02/01/interpol-takes-baby-steps-toward-transparency",
                },
            ],
        },
    }
    entry.update(changes)
    return entry


def test_a_sourced_value_that_drifts_from_the_statistics_is_rejected() -> None:
    assert _spec("share_diffusions", _entry()).value == pytest.approx(0.545623)
    with pytest.raises(ReferenceDataError, match="does not match the cited statistics"):
        _spec("share_diffusions", _entry(value=0.6))


def test_a_number_without_source_or_assumption_label_is_rejected() -> None:
    entry = _entry()
    del entry["source"]
    with pytest.raises(ReferenceDataError, match="EITHER a 'source' OR 'assumption: true'"):
        _spec("share_diffusions", entry)
    with pytest.raises(ReferenceDataError, match="justification"):
        _spec("share_diffusions", {**entry, "assumption": True})


def test_a_citation_of_a_missing_statistic_or_a_wrong_url_is_rejected() -> None:
    entry = _entry()
    source = dict(entry["source"])  # type: ignore[call-overload]
    wrong_year = [dict(source["statistics"][0], year=1999), source["statistics"][1]]
    with pytest.raises(ReferenceDataError, match=r"wanted_diffusions_issued \(1999\) is not in"):
        _spec("share_diffusions", {**entry, "source": {**source, "statistics": wrong_year}})
    wrong_url = [dict(source["statistics"][0], url="https://example.org"), source["statistics"][1]]
    with pytest.raises(ReferenceDataError, match="url of wanted_diffusions_issued"):
        _spec("share_diffusions", {**entry, "source": {**source, "statistics": wrong_url}})


# --- errors -----------------------------------------------------------------------------------


def test_a_parameter_out_of_range_raises_one_line_naming_it_and_its_range(
    defaults: lab.Parameters,
) -> None:
    with pytest.raises(LabError) as caught:
        dataclasses.replace(defaults, share_diffusions=1.5)
    assert str(caught.value) == "share_diffusions: expected a number from 0 to 1, found 1.5"
    with pytest.raises(LabError, match="review_mean_delay_days: expected a number from 0 to 3650"):
        dataclasses.replace(defaults, review_mean_delay_days=-1.0)
    with pytest.raises(LabError, match="trips_per_year: expected a number"):
        dataclasses.replace(defaults, trips_per_year="two")  # type: ignore[arg-type]
    with pytest.raises(LabError, match="horizon_years"):
        dataclasses.replace(defaults, horizon_years=float("nan"))


def test_other_grounds_splits_that_do_not_sum_to_one_are_refused(defaults: lab.Parameters) -> None:
    with pytest.raises(LabError, match=r"other_grounds_split_.*sum to 1"):
        dataclasses.replace(defaults, other_grounds_split_refugee=0.5)
    with pytest.raises(LabError, match="at most 1"):
        dataclasses.replace(defaults, defect_share_political=0.7, defect_share_human_rights=0.5)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: lab.simulate("tomorrow", n=10), "regime: expected one of today"),
        (lambda: lab.simulate(n=0), "n: expected a whole number from 1"),
        (lambda: lab.simulate(n=10, seed=-3), "seed: expected a whole number from 0"),
        (lambda: lab.simulate(n=10, chunk_size=0), "chunk_size: expected a whole number"),
        (lambda: lab.simulate(n=2.5), "n: expected a whole number"),  # type: ignore[arg-type]
        (lambda: lab.sensitivity("nonsense", [1.0], n=10), "parameter: expected one of"),
        (lambda: lab.sensitivity("trips_per_year", [1.0, 999.0], n=10), "trips_per_year"),
        (
            lambda: lab.Regime(name="x", description="y", ccf_decision_time_factor=0),
            "ccf_decision_time_factor: expected a number from 0.01 to 10",
        ),
        (
            lambda: lab.Regime(name="x", description="y", screen_diffusions="yes"),  # type: ignore[arg-type]
            "screen_diffusions: expected true or false",
        ),
    ],
)
def test_bad_options_raise_a_one_line_lab_error(call: object, message: str) -> None:
    with pytest.raises(LabError, match=message) as caught:
        call()  # type: ignore[operator]
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, ValueError)


# --- outputs ----------------------------------------------------------------------------------


def test_results_convert_to_json_and_to_a_table_with_per_year_values() -> None:
    result = lab.simulate("today", n=N, seed=1)
    as_dict = json.loads(json.dumps(result.to_dict()))
    assert "not legal advice" in as_dict["notice"]
    assert as_dict["final_states"] == dict(result.final_states)
    assert set(as_dict["metrics"]) == set(lab.HEADLINE_METRICS)
    frame = result.to_frame()
    assert list(frame.columns) == ["label", "value", "per_year"]
    scale = result.parameters.requests_per_year / N
    row = frame.loc["noncompliant_reaching_recipients"]
    assert row["per_year"] == pytest.approx(row["value"] * scale)
    assert frame.loc["state:expired", "value"] == result.final_states["expired"]
    assert "not legal advice" in result.to_text()


def test_expected_detentions_follow_exposure_travel_and_arrest_probability(
    defaults: lab.Parameters,
) -> None:
    base = lab.simulate("today", n=N, seed=1)
    twice = lab.simulate(
        "today", n=N, seed=1, parameters=dataclasses.replace(defaults, trips_per_year=4.0)
    )
    assert twice.exposure_person_days == base.exposure_person_days
    assert twice.expected_detentions == pytest.approx(2 * base.expected_detentions)
    no_travel = dataclasses.replace(defaults, trips_per_year=0.0)
    assert lab.simulate("today", n=N, seed=1, parameters=no_travel).expected_detentions == 0


def test_sensitivity_uses_the_same_draws_so_longer_review_delays_mean_more_exposure() -> None:
    sweep = lab.sensitivity("review_mean_delay_days", [15, 60, 240], n=N, seed=2)
    assert list(sweep["review_mean_delay_days"]) == [15, 60, 240]
    assert sweep["exposure_person_days"].is_monotonic_increasing
    both = lab.sensitivity(
        "screening_detection_probability", [0.2, 0.8], regime=["today", "screen_diffusions"], n=N
    )
    assert list(both["regime"]) == ["today", "today", "screen_diffusions", "screen_diffusions"]


def test_sweeping_one_other_grounds_split_rescales_the_others() -> None:
    sweep = lab.sensitivity("other_grounds_split_refugee", [0.0, 0.5], n=5_000)
    assert len(sweep) == 2  # both values produced valid parameters


def test_compare_regimes_runs_every_built_in_regime_by_default() -> None:
    table = lab.compare_regimes(n=10_000, seed=1)
    assert list(table.index) == list(lab.REGIMES)
    assert {"description", "expected_detentions", "deleted_by_ccf"} <= set(table.columns)


def test_charts_are_labelled_figures_that_weigh_harm_against_cost() -> None:
    figure = lab.plot_regimes(lab.compare_regimes(n=5_000, seed=1))
    assert len(figure.axes) == 6
    # in a notebook it shows as a picture, and its text form describes it (no "<Figure ...>")
    assert figure._repr_png_()[:8] == b"\x89PNG\r\n\x1a\n"
    assert repr(figure).startswith("Bar charts comparing Today's rules, Diffusions screened too")
    titles = [axes.get_title() for axes in figure.axes]
    assert "Expected detentions on non-compliant requests" in titles
    assert "Lawful requests wrongly refused at screening" in titles
    for axes in figure.axes:
        assert axes.get_title() and axes.get_xlabel()


def test_charts_label_parameters_and_regimes_in_plain_words_not_variable_names() -> None:
    sweep = lab.sensitivity(
        "trips_per_year", [0.5, 2, 6], regime=["today", "screen_diffusions"], n=5_000
    )
    line = lab.plot_sensitivity(sweep, metric="expected_detentions")
    axes = line.axes[0]
    assert axes.get_xlabel() == "Border crossings a year by a wanted person (assumption)"
    assert "per year" in axes.get_ylabel()
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend == ["Today's rules", "Diffusions screened too"]
    bars = lab.plot_regimes(lab.compare_regimes(["today", "faster_ccf"], n=5_000, seed=1))
    ticks = [tick.get_text() for tick in bars.axes[0].get_yticklabels()]
    assert ticks == ["Today's rules", "CCF twice as fast"]
    every_text = " ".join(
        [axes.get_xlabel(), axes.get_title(), *ticks, *legend, repr(line), repr(bars)]
    )
    for name in (*parameter_names(), *lab.REGIMES):
        assert name not in every_text.split(), name
    with pytest.raises(LabError, match="metric: expected one of"):
        lab.plot_sensitivity(sweep, metric="happiness")


# --- what screening costs lawful requests ---------------------------------------------------


def test_screening_diffusions_costs_lawful_requests_more_than_today() -> None:
    today = lab.simulate("today", n=N, seed=12)
    screened = lab.simulate("screen_diffusions", n=N, seed=12)
    # the benefit ...
    assert screened.noncompliant_reaching_recipients < today.noncompliant_reaching_recipients
    # ... and the price: more lawful requests wrongly refused, more urgent ones held back
    assert screened.lawful_requests_refused > today.lawful_requests_refused > 0
    assert screened.urgent_lawful_requests_delayed > today.urgent_lawful_requests_delayed > 0
    assert screened.expected_urgent_escapes > today.expected_urgent_escapes
    assert screened.expected_lawful_arrests_lost > today.expected_lawful_arrests_lost > 0
    states = screened.final_states
    assert states["lawful_refused_at_screening"] == screened.lawful_requests_refused


def test_free_screening_is_a_choice_of_parameters_not_a_rule_of_the_model(
    defaults: lab.Parameters,
) -> None:
    free = dataclasses.replace(
        defaults, screening_delay_days=0.0, screening_wrong_refusal_probability=0.0
    )
    result = lab.simulate("screen_diffusions", n=N, seed=12, parameters=free)
    assert result.lawful_requests_refused == 0
    assert result.urgent_lawful_requests_delayed == 0
    assert result.lawful_alert_days_lost == 0 and result.expected_lawful_arrests_lost == 0
    costly = lab.simulate("screen_diffusions", n=N, seed=12)
    assert costly.noncompliant_requests == result.noncompliant_requests  # same draws


def test_with_enough_cost_screening_diffusions_can_lose_the_debate(
    defaults: lab.Parameters,
) -> None:
    # the notebook no longer forces a conclusion: the model can come out either way
    costly = dataclasses.replace(
        defaults,
        screening_wrong_refusal_probability=0.05,
        screening_delay_days=14.0,
        urgent_escape_probability_if_delayed=0.5,
    )
    table = lab.compare_regimes(["today", "screen_diffusions"], n=N, seed=3, parameters=costly)
    avoided = (
        table.loc["today", "expected_detentions"]
        - table.loc["screen_diffusions", "expected_detentions"]
    )
    lost = (
        table.loc["screen_diffusions", "expected_lawful_arrests_lost"]
        + table.loc["screen_diffusions", "expected_urgent_escapes"]
        - table.loc["today", "expected_lawful_arrests_lost"]
        - table.loc["today", "expected_urgent_escapes"]
    )
    assert lost > avoided > 0


def test_every_published_default_shows_its_year_and_where_the_figure_is_published() -> None:
    table = lab.parameter_table()
    assert table.loc["defect_share_political", "year"] == "2024"
    assert "0.278" in table.loc["defect_share_political", "description"]  # the 2021 share
    assert table.loc["share_diffusions", "year"] == "2021"
    assert table.loc["true_noncompliance_rate", "year"] == "assumption"
    assert "Annual Activity Report for 2024" in table.loc["ccf_share_decisions_over_limit",
                                                          "published_in"]  # fmt: skip
    assert "Annual Activity Report for 2021" in table.loc["ccf_provisional_block_share",
                                                          "published_in"]  # fmt: skip
    assert table.loc["ccf_provisional_block_share", "official_url"].startswith(
        "https://www.interpol.int/"
    )
    report = lab.calibration_report(n=5_000)
    assert "Annual Activity Report for 2021" in report.loc["ccf_applications_per_year",
                                                           "published_in"]  # fmt: skip
    assert report["published_in"].str.len().gt(0).all()
    for name, row in table.iterrows():
        assert row["label"] and row["label"] != name, name
        if not row["assumption"]:
            assert row["published_in"], name


def test_a_huge_parameter_is_refused_with_lab_error_naming_it(defaults: lab.Parameters) -> None:
    for call, name in (
        (lambda: dataclasses.replace(defaults, trips_per_year=10**400), "trips_per_year"),
        (lambda: lab.simulate(n=10**400), "n"),
        (lambda: lab.simulate(n=10, seed=10**400), "seed"),
        (lambda: lab.simulate(n=10, chunk_size=10**9), "chunk_size"),
        (lambda: lab.sensitivity("horizon_years", [10**400], n=10), "horizon_years"),
        (
            lambda: lab.Regime(name="x", description="y", ccf_decision_time_factor=10**400),
            "ccf_decision_time_factor",
        ),
        (lambda: lab.policy_lab(n=10**400), "n"),
        (lambda: lab.policy_lab(n=100, seed=2**40), "seed"),
    ):
        with pytest.raises(LabError) as caught:
            call()
        message = str(caught.value)
        assert "\n" not in message and len(message) < 200, message
        assert f"{name}: expected" in message and " from " in message, message


# --- the interactive lab (no browser: set values, click) --------------------------------------


def test_the_policy_labs_default_compares_two_different_regimes() -> None:
    explorer = lab.policy_lab(n=10_000, seed=3)
    assert explorer.result is not None and explorer.baseline is not None
    assert explorer.baseline.regime.name == "today"
    assert explorer.result.regime.name != "today"
    assert explorer.result.to_dict() != explorer.baseline.to_dict()
    assert "today" not in [value for _label, value in explorer.controls["regime"].options]
    # both sides of the trade-off are in the table the user reads
    assert "Expected detentions on non-compliant requests" in explorer.summary.value
    assert "Lawful requests wrongly refused at screening" in explorer.summary.value
    assert "Urgent lawful requests held by screening" in explorer.summary.value


def test_the_interactive_lab_reruns_on_click_with_plain_labels() -> None:
    explorer = lab.policy_lab(n=10_000, seed=3)
    assert explorer.result is not None
    assert explorer.chart.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Bar charts comparing Today&#x27;s rules" in explorer.chart_caption.value
    before = explorer.baseline.expected_detentions if explorer.baseline else 0.0
    slider = explorer.controls["screening_detection_probability"]
    assert slider.description == "Chance screening finds a rule-breaking request (assumption)"

    explorer.controls["regime"].value = "faster_ccf"
    explorer.controls["regime"].value = "screen_diffusions"
    slider.value = 0.9
    explorer.run_button.click()
    assert explorer.result.regime.name == "screen_diffusions"
    assert explorer.baseline is not None and explorer.baseline.regime.name == "today"
    assert explorer.result.expected_detentions < explorer.baseline.expected_detentions < before
    assert "Chance screening finds a rule-breaking request" in explorer.status.value
    assert "screen_diffusions" in explorer.text()

    explorer.reset_button.click()
    default = lab.Parameters.default().screening_detection_probability
    assert explorer.controls["screening_detection_probability"].value == pytest.approx(default)


def test_the_interactive_lab_shows_a_refused_value_as_one_line_not_a_traceback() -> None:
    explorer = lab.policy_lab(n=5_000)
    explorer.controls["seed"].value = 1
    explorer.controls["trips_per_year"].max = 1_000.0
    explorer.controls["trips_per_year"].value = 900.0  # above the 365 bound of the parameter
    assert explorer.run() is None
    assert "Not run: trips_per_year: expected a number from 0 to 365" in explorer.status.value
    assert explorer.result is not None  # the previous result stays on screen


@settings(max_examples=15)
@given(
    screen_red_notices=st.booleans(),
    screen_diffusions=st.booleans(),
    review=st.booleans(),
    block=st.booleans(),
    factor=st.floats(min_value=0.01, max_value=10),
    noncompliance=st.floats(min_value=0, max_value=1),
    horizon=st.floats(min_value=0.1, max_value=30),
    n=st.integers(min_value=1, max_value=3_000),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_any_regime_and_parameters_keep_the_books_balanced(
    screen_red_notices: bool,
    screen_diffusions: bool,
    review: bool,
    block: bool,
    factor: float,
    noncompliance: float,
    horizon: float,
    n: int,
    seed: int,
) -> None:
    regime = lab.Regime(
        name="drawn",
        description="drawn by hypothesis",
        screen_red_notices=screen_red_notices,
        screen_diffusions=screen_diffusions,
        review_diffusions_after_circulation=review,
        ccf_decision_time_factor=factor,
        block_while_examined=block,
    )
    parameters = dataclasses.replace(
        lab.Parameters.default(), true_noncompliance_rate=noncompliance, horizon_years=horizon
    )
    result = lab.simulate(regime, n=n, seed=seed, parameters=parameters)
    assert sum(result.final_states.values()) == n
    assert min(result.final_states.values()) >= 0
    assert 0 <= result.noncompliant_reaching_recipients <= result.noncompliant_requests <= n
    assert result.exposure_person_days >= 0 and result.lawful_alert_days_blocked >= 0
    # nobody is exposed for longer than the horizon
    assert result.mean_exposure_days <= horizon * 365.25 + 1e-3
    assert result.ccf_deletions <= result.ccf_processed <= result.ccf_applications
    assert result.final_states["deleted_by_ccf"] == result.ccf_deletions
    if not (screen_red_notices or screen_diffusions):
        assert result.final_states["refused_at_screening"] == 0
    if not review:
        assert result.final_states["removed_by_review"] == 0


def test_the_examples_in_the_lab_docstrings_run() -> None:
    failures, tried = doctest.testmod(lab, optionflags=doctest.ELLIPSIS)
    assert tried > 10
    assert failures == 0
