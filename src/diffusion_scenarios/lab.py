"""The seminar policy lab: how many non-compliant wanted-person requests circulate, for how
long, and with what risk of detention — under today's rules and under reforms.

Educational simulation built on published figures and labelled assumptions; not legal
advice and not a forecast. Every number it uses is in ``data/lab_parameters.yaml`` with its
source (a row of ``data/statistics.csv``) or an explicit ``assumption`` label; see
:func:`parameter_table`.

The population
    ``n`` synthetic requests, each a red notice or a wanted-person diffusion (2021 mix:
    10,776 and 12,940), compliant or carrying ONE defect (:data:`DEFECT_CATEGORIES`:
    political/Art 3, human rights/Art 2, private dispute, below threshold, refugee, other).
    The true defect rate is an assumption; the published NDTF refusals and cancellations
    (about 4.5% of issuances, 2017–2021) count only the defects that were *detected*.
    Diffusions go to all members or to selected countries; the persons concerned travel.

The state machine (times in days from issue; every request ends in exactly ONE state)::

    issued ──screened and defect found──────────────────────────▶ refused_at_screening
       ├─screened, compliant, refused by mistake ────────────────▶ lawful_refused_at_screening
       │ (red notices always screened; diffusions only under screen_diffusions;
       │  a screened request circulates only after the screening delay)
       ▼
    circulating ── the first of these events ends it:
       ├─ NDTF review after circulation finds the defect ───────▶ removed_by_review
       ├─ CCF decides the deletion request: non-compliant ──────▶ deleted_by_ccf
       ├─ the request ends on its own (person found, withdrawn,
       │  validity over) ────────────────────────────────────────▶ expired
       └─ nothing before the horizon: non-compliant ────────────▶ still_active_at_horizon
                                       compliant ───────────────▶ compliant_active

    The CCF branch: some persons apply (more often when the request is non-compliant),
    at a random time after circulation and only while the request still exists; a share is
    admissible after about a month; the decision follows a log-normal time calibrated so
    that 30% of decisions miss the nine-month limit; it deletes a non-compliant request
    with a set probability, and keeps compliant ones. If the data disappear first, the
    case is closed without a decision. While the CCF examines a case the data may be
    blocked (a provisional measure; always under ``block_while_examined``), and blocked
    days are not exposure.

Both sides of screening
    Screening catches defective requests before they circulate, and it costs lawful ones:
    each screened request waits ``screening_delay_days`` before it circulates (an urgent
    lawful request may miss the person: ``urgent_escape_probability_if_delayed``), and a
    share of lawful requests is refused by mistake. These four parameters are labelled
    assumptions (no published figure); set them to zero to see screening as free.

What is measured (:class:`LabResult`)
    non-compliant requests that reach recipients; their *exposure* in person-days (days
    circulating and not blocked, up to removal, end or horizon); expected detentions
    = exposure in years × trips a year × share of trips reaching a recipient country
    (1, or the coverage of a targeted diffusion) × share to countries that arrest on an
    alert × chance that such a trip ends in detention; the CCF workload; lawful alerts
    blocked; what screening costs lawful requests (wrongly refused, urgent ones held, the
    alert-days lost and the arrests on lawful alerts they would have brought, urgent
    requests expected to miss the person); counts per final state.
    :meth:`LabResult.to_frame` also gives each count per year at the published yearly
    volume (``requests_per_year``, 2021).

Regimes (:data:`REGIMES`; define your own :class:`Regime` the same way)
    ``today`` red notices screened before publication, diffusions reviewed after
    circulation; ``screen_diffusions`` diffusions also screened before circulating (the
    after-circulation review stays); ``no_review_after_circulation``; ``faster_ccf`` CCF
    decisions in half the time; ``block_while_examined`` data blocked in every case the
    CCF examines.

Calibration
    With the default parameters the ``today`` regime reproduces the targets in
    ``data/lab_parameters.yaml`` (NDTF refused/cancelled share of issuances, diffusion
    share, share of processed CCF deletion requests that delete, CCF deletion requests per
    year, share decided after nine months), each within the absolute ``tolerance`` stated
    there, at ``n >= CALIBRATION_N`` requests; see :func:`calibration_report`.

Randomness and speed
    Deterministic for a given seed, whatever the chunk size: draws come from fixed stream
    blocks and totals are kept as exact integers. Regimes and parameter values share the
    same draws (common random numbers), so a comparison shows the effect of the rule, not
    of luck. Pure numpy, chunked: memory stays flat (about 40 MB per 262,144-request
    chunk) for any ``n``.

Functions at a glance
    :func:`simulate` one regime → :class:`LabResult`; :func:`compare_regimes` and
    :func:`results_frame` tables of regimes; :func:`sensitivity` one-parameter sweeps;
    :func:`calibration_report`; :func:`parameter_table` every number and its source;
    :func:`plot_regimes`, :func:`plot_sensitivity` charts; :func:`policy_lab` the widget.

Limits worth discussing in a seminar
    Detection is the same for every defect category; a detention does not end the
    request; red notices are not re-reviewed after publication; the CCF never deletes a
    compliant request; applying to the CCF does not depend on having been stopped; only
    deletion requests are modelled (access requests and their four-month limit are folded
    into the delay before a person applies); screening takes the same time for every
    request, a lawful request refused by mistake is not sent again (for instance as a
    diffusion), and an urgent request that misses the person is counted, not followed.

Example:
    >>> from diffusion_scenarios import lab
    >>> result = lab.simulate("today", n=20_000, seed=1)
    >>> sum(result.final_states.values()) == 20_000
    True
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._lab.charts import plot_regimes, plot_sensitivity
from diffusion_scenarios._lab.metrics import (
    COST_METRICS,
    HARM_METRICS,
    HEADLINE_METRICS,
)
from diffusion_scenarios._lab.metrics import NOT_PER_YEAR as _NOT_PER_YEAR
from diffusion_scenarios._lab.metrics import OKABE_ITO as OKABE_ITO
from diffusion_scenarios._lab.params import (
    DEFECT_CATEGORIES,
    CalibrationTarget,
    Parameters,
    ParameterSpec,
    calibration_targets,
    default_parameters,
    parameter_names,
    parameter_specs,
)
from diffusion_scenarios._lab.sim import (
    DAYS_PER_YEAR,
    DEFAULT_CHUNK_SIZE,
    FINAL_STATES,
    MILLIDAYS,
    Regime,
    Totals,
    run,
    state_mapping,
)
from diffusion_scenarios.errors import LabError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from diffusion_scenarios._lab.widgets import PolicyLab

__all__ = [
    "CALIBRATION_N",
    "COST_METRICS",
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_COMPARISON",
    "DEFECT_CATEGORIES",
    "DISCLAIMER",
    "FINAL_STATES",
    "HARM_METRICS",
    "HEADLINE_METRICS",
    "REGIMES",
    "LabError",
    "LabResult",
    "ParameterSpec",
    "Parameters",
    "Regime",
    "calibration_report",
    "compare_regimes",
    "get_regime",
    "parameter_specs",
    "parameter_table",
    "plot_regimes",
    "plot_sensitivity",
    "policy_lab",
    "results_frame",
    "sensitivity",
    "simulate",
]

DISCLAIMER = (
    "Educational simulation from published figures and labelled assumptions; "
    "not legal advice and not a forecast."
)
CALIBRATION_N = 200_000
_DEFAULT_N = 100_000

REGIMES: Mapping[str, Regime] = MappingProxyType(
    {
        regime.name: regime
        for regime in (
            Regime(
                name="today",
                label="Today's rules",
                description="Red notices screened before publication; diffusions reviewed "
                "after circulation",
            ),
            Regime(
                name="screen_diffusions",
                label="Diffusions screened too",
                description="Diffusions also screened before they circulate",
                screen_diffusions=True,
            ),
            Regime(
                name="no_review_after_circulation",
                label="No review after circulation",
                description="No NDTF review of diffusions once they circulate",
                review_diffusions_after_circulation=False,
            ),
            Regime(
                name="faster_ccf",
                label="CCF twice as fast",
                description="CCF decides in half the time",
                ccf_decision_time_factor=0.5,
            ),
            Regime(
                name="block_while_examined",
                label="Data blocked during CCF cases",
                description="Data blocked in every case while the CCF examines it",
                block_while_examined=True,
            ),
        )
    }
)

# The comparison a first run shows: the reform the literature debates against today's rules.
DEFAULT_COMPARISON = ("today", "screen_diffusions")



def get_regime(regime: str | Regime) -> Regime:
    """A built-in regime by name (or the given :class:`Regime` itself).

    Raises:
        LabError: the name is not one of :data:`REGIMES`.

    Example:
        >>> get_regime("faster_ccf").ccf_decision_time_factor
        0.5
    """
    if isinstance(regime, Regime):
        return regime
    found = REGIMES.get(regime) if isinstance(regime, str) else None
    if found is None:
        raise LabError(f"regime: expected one of {', '.join(REGIMES)}, found {regime!r}")
    return found


@dataclass(frozen=True, slots=True, kw_only=True)
class LabResult:
    """What one simulation run produced (totals over ``n_requests`` requests).

    Counts are over the simulated requests; :meth:`per_year` scales one to a year of
    requests at the published volume. Exposure is in person-days.

    Example:
        >>> from diffusion_scenarios import lab
        >>> result = lab.simulate("today", n=10_000, seed=3)
        >>> result.to_dict()["final_states"]["refused_at_screening"] > 0
        True
    """

    regime: Regime
    parameters: Parameters
    n_requests: int
    seed: int
    red_notices: int
    diffusions: int
    noncompliant_requests: int
    noncompliant_reaching_recipients: int
    noncompliant_reaching_recipients_red_notices: int
    noncompliant_reaching_recipients_diffusions: int
    exposure_person_days: float
    exposure_person_days_red_notices: float
    exposure_person_days_diffusions: float
    expected_detentions: float
    expected_detentions_all_alerts: float
    lawful_alert_days_blocked: float
    lawful_requests_refused: int
    urgent_lawful_requests_delayed: int
    expected_urgent_escapes: float
    lawful_alert_days_lost: float
    expected_lawful_arrests_lost: float
    ndtf_refused_or_cancelled: int
    ccf_applications: int
    ccf_admissible: int
    ccf_processed: int
    ccf_deletions: int
    ccf_decisions_over_limit: int
    final_states: Mapping[str, int]
    noncompliant_by_defect: Mapping[str, int]
    exposure_person_days_by_defect: Mapping[str, float]

    @property
    def mean_exposure_days(self) -> float:
        """Mean exposure per non-compliant request that reached recipients (days)."""
        reached = self.noncompliant_reaching_recipients
        return self.exposure_person_days / reached if reached else 0.0

    @property
    def ndtf_share_of_issued(self) -> float:
        """Refused or cancelled by the NDTF, as a share of the requests issued."""
        issued = (
            self.n_requests
            - self.final_states["refused_at_screening"]
            - self.final_states["lawful_refused_at_screening"]
        )
        return self.ndtf_refused_or_cancelled / issued if issued else 0.0

    @property
    def ccf_deletion_share(self) -> float:
        """Share of the CCF deletion requests processed that ended in deletion."""
        return self.ccf_deletions / self.ccf_processed if self.ccf_processed else 0.0

    @property
    def ccf_share_over_limit(self) -> float:
        """Share of admissible deletion requests decided after the nine-month limit."""
        return self.ccf_decisions_over_limit / self.ccf_admissible if self.ccf_admissible else 0.0

    @property
    def share_diffusions(self) -> float:
        """Share of diffusions among the simulated requests."""
        return self.diffusions / self.n_requests

    def per_year(self, value: float) -> float:
        """``value`` (a total over this run) scaled to one year of requests."""
        return value * self.parameters.requests_per_year / self.n_requests

    def metrics(self) -> dict[str, float]:
        """The headline metrics (:data:`HEADLINE_METRICS`) as totals over this run."""
        return {name: float(getattr(self, name)) for name in HEADLINE_METRICS}

    def metrics_per_year(self) -> dict[str, float]:
        """The headline metrics per year at ``requests_per_year`` (means left as they are)."""
        return {
            name: value if name in _NOT_PER_YEAR else self.per_year(value)
            for name, value in self.metrics().items()
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything as plain JSON-ready values (the CLI's ``--format json``)."""
        return {
            "notice": DISCLAIMER,
            "regime": dataclasses.asdict(self.regime),
            "n_requests": self.n_requests,
            "seed": self.seed,
            "horizon_years": self.parameters.horizon_years,
            "requests_per_year": self.parameters.requests_per_year,
            "metrics": {name: round(v, 4) for name, v in self.metrics().items()},
            "metrics_per_year": {name: round(v, 4) for name, v in self.metrics_per_year().items()},
            "final_states": dict(self.final_states),
            "requests": {"red_notices": self.red_notices, "diffusions": self.diffusions},
            "noncompliant_by_defect": dict(self.noncompliant_by_defect),
            "exposure_person_days_by_defect": dict(self.exposure_person_days_by_defect),
            "ccf": {
                "applications": self.ccf_applications,
                "admissible": self.ccf_admissible,
                "processed": self.ccf_processed,
                "deletions": self.ccf_deletions,
                "decided_after_limit": self.ccf_decisions_over_limit,
            },
            "parameters": self.parameters.to_dict(),
        }

    def to_frame(self) -> pd.DataFrame:
        """The headline metrics and final-state counts as a table.

        Index: metric name; columns ``label``, ``value`` (total over this run) and
        ``per_year`` (scaled to ``requests_per_year``; empty for means).
        """
        import pandas as pd

        rows = []
        for name, label in HEADLINE_METRICS.items():
            value = float(getattr(self, name))
            per_year = math.nan if name in _NOT_PER_YEAR else self.per_year(value)
            rows.append((name, label, value, per_year))
        for state, count in self.final_states.items():
            rows.append(
                (f"state:{state}", f"Final state: {state}", float(count), self.per_year(count))
            )
        frame = pd.DataFrame(rows, columns=["metric", "label", "value", "per_year"])
        frame = frame.set_index("metric")
        frame.attrs["regime"] = self.regime.name
        frame.attrs["notice"] = DISCLAIMER
        return frame

    def to_text(self) -> str:
        """A plain-text summary (the CLI's ``--format text``)."""
        lines = [
            f"Policy lab — regime '{self.regime.name}': {self.regime.description}",
            f"{self.n_requests:,} simulated requests (seed {self.seed}); horizon "
            f"{self.parameters.horizon_years:g} years; the per-year column assumes "
            f"{self.parameters.requests_per_year:,.0f} requests a year",
            "",
            f"{'metric':<50} {'total':>14} {'per year':>12}",
        ]
        frame = self.to_frame()
        for _, row in frame.iterrows():
            per_year = "" if math.isnan(row["per_year"]) else _figure(row["per_year"])
            lines.append(f"{row['label']:<50} {_figure(row['value']):>14} {per_year:>12}")
        lines += ["", DISCLAIMER]
        return "\n".join(lines)


def _figure(value: float) -> str:
    """A figure as a reader writes it: 2,076 (whole or large), 12.4 (small, fractional)."""
    value = float(value)
    if value.is_integer() or abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def _result(totals: Totals, parameters: Parameters, regime: Regime, seed: int) -> LabResult:
    to_days = 1.0 / MILLIDAYS
    full_reach = (
        totals.exposure_millidays_red_notices + totals.exposure_millidays_diffusions_all_members
    )
    reach_weighted_days = (
        full_reach
        + parameters.targeted_travel_coverage * totals.exposure_millidays_diffusions_targeted
    ) * to_days
    detentions_per_day = (
        parameters.trips_per_year
        * parameters.share_trips_to_arresting_countries
        * parameters.arrest_probability_per_trip
        / DAYS_PER_YEAR
    )
    all_alert_days = (
        totals.alert_millidays_full_reach
        + parameters.targeted_travel_coverage * totals.alert_millidays_targeted
    ) * to_days
    lawful_lost_days = (
        totals.lawful_millidays_lost_full_reach + totals.lawful_millidays_lost_targeted
    ) * to_days
    lawful_lost_reach_weighted = (
        totals.lawful_millidays_lost_full_reach
        + parameters.targeted_travel_coverage * totals.lawful_millidays_lost_targeted
    ) * to_days
    diffusion_days = (
        totals.exposure_millidays_diffusions_all_members
        + totals.exposure_millidays_diffusions_targeted
    )
    states = state_mapping(totals.state_counts)
    return LabResult(
        regime=regime,
        parameters=parameters,
        n_requests=totals.n_requests,
        seed=seed,
        red_notices=totals.red_notices,
        diffusions=totals.diffusions,
        noncompliant_requests=totals.noncompliant,
        noncompliant_reaching_recipients=totals.noncompliant_circulating_red_notices
        + totals.noncompliant_circulating_diffusions,
        noncompliant_reaching_recipients_red_notices=totals.noncompliant_circulating_red_notices,
        noncompliant_reaching_recipients_diffusions=totals.noncompliant_circulating_diffusions,
        exposure_person_days=(totals.exposure_millidays_red_notices + diffusion_days) * to_days,
        exposure_person_days_red_notices=totals.exposure_millidays_red_notices * to_days,
        exposure_person_days_diffusions=diffusion_days * to_days,
        expected_detentions=reach_weighted_days * detentions_per_day,
        expected_detentions_all_alerts=all_alert_days * detentions_per_day,
        lawful_alert_days_blocked=totals.lawful_alert_millidays_blocked * to_days,
        lawful_requests_refused=totals.lawful_refused,
        urgent_lawful_requests_delayed=totals.urgent_lawful_delayed,
        expected_urgent_escapes=totals.urgent_lawful_delayed
        * parameters.urgent_escape_probability_if_delayed,
        lawful_alert_days_lost=lawful_lost_days,
        expected_lawful_arrests_lost=lawful_lost_reach_weighted * detentions_per_day,
        ndtf_refused_or_cancelled=states["refused_at_screening"]
        + states["lawful_refused_at_screening"]
        + states["removed_by_review"],
        ccf_applications=totals.ccf_applications,
        ccf_admissible=totals.ccf_admissible,
        ccf_processed=totals.ccf_processed,
        ccf_deletions=totals.ccf_deletions,
        ccf_decisions_over_limit=totals.ccf_decisions_over_limit,
        final_states=states,
        noncompliant_by_defect=MappingProxyType(
            dict(zip(DEFECT_CATEGORIES, totals.noncompliant_by_defect, strict=True))
        ),
        exposure_person_days_by_defect=MappingProxyType(
            {
                category: value * to_days
                for category, value in zip(
                    DEFECT_CATEGORIES, totals.exposure_millidays_by_defect, strict=True
                )
            }
        ),
    )


def _parameters(parameters: Parameters | None) -> Parameters:
    if parameters is None:
        return default_parameters()
    if not isinstance(parameters, Parameters):
        raise LabError(f"parameters: expected a lab.Parameters, found {type(parameters).__name__}")
    return parameters


def simulate(
    regime: str | Regime = "today",
    *,
    n: int = _DEFAULT_N,
    seed: int = 0,
    parameters: Parameters | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> LabResult:
    """Simulate ``n`` wanted-person requests under one regime.

    Args:
        regime: a name from :data:`REGIMES` or your own :class:`Regime`.
        n: how many requests (1 to 1,000,000,000).
        seed: the random seed; the same seed gives the same result.
        parameters: the parameters (default: ``Parameters.default()``).
        chunk_size: requests simulated together; only memory and speed depend on it.
        progress: called as ``progress(done, total)`` after each chunk.

    Raises:
        LabError: an unknown regime or an out-of-range option.

    Example:
        >>> from diffusion_scenarios import lab
        >>> today = lab.simulate("today", n=20_000, seed=7)
        >>> screened = lab.simulate("screen_diffusions", n=20_000, seed=7)
        >>> screened.exposure_person_days <= today.exposure_person_days
        True
    """
    chosen = get_regime(regime)
    used = _parameters(parameters)
    totals = run(used, chosen, n_requests=n, seed=seed, chunk_size=chunk_size, progress=progress)
    return _result(totals, used, chosen, seed)


# ---------------------------------------------------------------------------------------
# Comparisons, sweeps and calibration


def _with_value(parameters: Parameters, name: str, value: float) -> Parameters:
    """``parameters`` with ``name`` set to ``value``; other-grounds splits are rescaled so the
    four still sum to 1."""
    if name not in parameter_names():
        raise LabError(f"parameter: expected one of {', '.join(parameter_names())}, found {name!r}")
    changes: dict[str, float] = {name: value}
    splits = (
        "other_grounds_split_private_dispute",
        "other_grounds_split_below_threshold",
        "other_grounds_split_refugee",
        "other_grounds_split_other",
    )
    if name in splits:
        if not (isinstance(value, int | float) and 0.0 <= value <= 1.0):
            raise LabError(f"{name}: expected a number from 0 to 1, found {value!r}")
        others = [s for s in splits if s != name]
        rest = sum(getattr(parameters, s) for s in others)
        for other in others:
            share = getattr(parameters, other) / rest if rest > 0 else 1.0 / len(others)
            changes[other] = (1.0 - value) * share
    return dataclasses.replace(parameters, **changes)


def _row(result: LabResult) -> dict[str, Any]:
    row: dict[str, Any] = {"label": result.regime.title, "description": result.regime.description}
    row.update(result.metrics_per_year())
    for state, count in result.final_states.items():
        row[state] = result.per_year(count)
    return row


def compare_regimes(
    regimes: Iterable[str | Regime] | None = None,
    *,
    n: int = _DEFAULT_N,
    seed: int = 0,
    parameters: Parameters | None = None,
) -> pd.DataFrame:
    """Run several regimes on the same requests and the same draws; one row per regime.

    Values are per year at ``requests_per_year`` (the mean exposure stays a mean).

    Example:
        >>> from diffusion_scenarios import lab
        >>> table = lab.compare_regimes(["today", "screen_diffusions"], n=20_000, seed=1)
        >>> list(table.index)
        ['today', 'screen_diffusions']
    """
    chosen = [get_regime(r) for r in (REGIMES.values() if regimes is None else regimes)]
    if not chosen:
        raise LabError("regimes: expected at least one regime, found none")
    return results_frame(
        simulate(regime, n=n, seed=seed, parameters=parameters) for regime in chosen
    )


def results_frame(results: Iterable[LabResult]) -> pd.DataFrame:
    """One row per result (indexed by regime name), values per year: the table that
    :func:`compare_regimes` returns and :func:`plot_regimes` draws.

    Example:
        >>> from diffusion_scenarios import lab
        >>> runs = [lab.simulate(r, n=5_000) for r in ("today", "faster_ccf")]
        >>> list(lab.results_frame(runs).index)
        ['today', 'faster_ccf']
    """
    import pandas as pd

    rows: dict[str, dict[str, Any]] = {}
    first: LabResult | None = None
    for result in results:
        first = first or result
        rows[result.regime.name] = _row(result)
    if first is None:
        raise LabError("results: expected at least one LabResult, found none")
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "regime"
    frame.attrs.update(
        {"basis": "per year", "n": first.n_requests, "seed": first.seed, "notice": DISCLAIMER}
    )
    return frame


def sensitivity(
    parameter: str,
    values: Iterable[float],
    *,
    regime: str | Regime | Sequence[str | Regime] = "today",
    n: int = _DEFAULT_N,
    seed: int = 0,
    parameters: Parameters | None = None,
) -> pd.DataFrame:
    """Sweep one parameter over ``values`` (same draws for every value); one row per
    (regime, value), headline metrics per year.

    Sweeping one of the ``other_grounds_split_*`` shares rescales the other three so the
    four still sum to 1.

    Raises:
        LabError: an unknown parameter or a value outside its bounds.

    Example:
        >>> from diffusion_scenarios import lab
        >>> sweep = lab.sensitivity("review_mean_delay_days", [30, 180], n=20_000)
        >>> bool(sweep["exposure_person_days"].is_monotonic_increasing)
        True
    """
    import pandas as pd

    base = _parameters(parameters)
    regimes = [regime] if isinstance(regime, str | Regime) else list(regime)
    chosen = [get_regime(r) for r in regimes]
    swept = list(values)
    if not swept or not chosen:
        raise LabError("sensitivity: expected at least one value and one regime")
    rows = []
    for current in chosen:
        for value in swept:
            result = simulate(
                current, n=n, seed=seed, parameters=_with_value(base, parameter, value)
            )
            row = {"regime": current.name, parameter: value}
            row.update(_row(result))
            rows.append(row)
    frame = pd.DataFrame(rows)
    frame.attrs.update(
        {"parameter": parameter, "basis": "per year", "n": n, "seed": seed, "notice": DISCLAIMER}
    )
    return frame


def _calibration_value(name: str, result: LabResult) -> float:
    simulated = {
        "ndtf_refused_or_cancelled_share": result.ndtf_share_of_issued,
        "share_diffusions": result.share_diffusions,
        "ccf_deletion_share_of_processed": result.ccf_deletion_share,
        "ccf_applications_per_year": result.per_year(result.ccf_applications),
        "ccf_share_decisions_over_limit": result.ccf_share_over_limit,
        "detentions_per_year_all_alerts": result.per_year(result.expected_detentions_all_alerts),
    }
    if name not in simulated:
        raise LabError(f"calibration target {name!r} has no simulated counterpart")
    return simulated[name]


def calibration_report(
    *, n: int = CALIBRATION_N, seed: int = 2021, parameters: Parameters | None = None
) -> pd.DataFrame:
    """Each calibration target of the ``today`` regime: published value vs simulated.

    Columns: ``description``, ``target``, ``simulated``, ``tolerance`` (absolute),
    ``within_tolerance``, ``published_range``, ``source`` (the statistics it rests on),
    ``published_in`` (the INTERPOL or CCF publication that holds the figure) and
    ``official_url``.

    Example:
        >>> from diffusion_scenarios import lab
        >>> bool(lab.calibration_report()["within_tolerance"].all())
        True
    """
    import pandas as pd

    result = simulate("today", n=n, seed=seed, parameters=parameters)
    rows = []
    target: CalibrationTarget
    for name, target in calibration_targets().items():
        simulated = _calibration_value(name, result)
        rows.append(
            {
                "target_name": name,
                "description": target.description,
                "target": target.value,
                "simulated": simulated,
                "tolerance": target.tolerance,
                "within_tolerance": abs(simulated - target.value) <= target.tolerance,
                "published_range": target.published_range,
                "source": "; ".join(
                    f"{ref.metric} ({ref.year}) {ref.url}" for ref in target.statistics
                ),
                "published_in": target.publication,
                "official_url": target.publication_url,
            }
        )
    frame = pd.DataFrame(rows).set_index("target_name")
    frame.attrs.update({"n": n, "seed": seed, "notice": DISCLAIMER})
    return frame


def parameter_table() -> pd.DataFrame:
    """Every parameter with its plain label, value, unit, range to explore, the year its
    published figure is from, and its source (the write-up read, the publication that holds
    the figure and where that is officially published) or its assumption.

    Example:
        >>> from diffusion_scenarios import lab
        >>> table = lab.parameter_table()
        >>> bool((table["assumption"] | (table["source"] != "")).all())
        True
    """
    import pandas as pd

    rows = []
    for name, spec in parameter_specs().items():
        rows.append(
            {
                "parameter": name,
                "label": spec.label,
                "value": spec.value,
                "unit": spec.unit,
                "range": f"{spec.explore[0]:g} – {spec.explore[1]:g}",
                "year": spec.years
                or ("set by a rule" if spec.computation == "stated" else "assumption"),
                "description": spec.description,
                "assumption": spec.assumption,
                "published_in": spec.publication,
                "official_url": spec.publication_url,
                "official": spec.official,
                "source": ""
                if spec.assumption
                else "; ".join(f"{ref.metric} ({ref.year})" for ref in spec.statistics),
                "basis": spec.basis,
                "justification": spec.justification,
                "note": spec.note,
                "url": " ".join(dict.fromkeys(ref.url for ref in spec.statistics)),
            }
        )
    return pd.DataFrame(rows).set_index("parameter")


def policy_lab(
    *, n: int = 50_000, seed: int = 2021, parameters: Parameters | None = None
) -> PolicyLab:
    """The interactive lab for a notebook: a regime, the main parameters, a Run button.

    Needs ipywidgets (``pip install "diffusion-scenarios[notebooks]"``). Display
    ``.widget``; script it by setting ``.controls[name].value`` and calling ``.run()``.

    Example:
        >>> from diffusion_scenarios import lab
        >>> explorer = lab.policy_lab(n=5_000)
        >>> explorer.controls["regime"].value = "screen_diffusions"
        >>> explorer.run().regime.name
        'screen_diffusions'
    """
    from diffusion_scenarios._lab.sim import check_run_size
    from diffusion_scenarios._lab.widgets import MAX_SEED, PolicyLab

    n, seed, _chunk = check_run_size(n, seed, DEFAULT_CHUNK_SIZE)
    if seed > MAX_SEED:  # the seed box holds a 32-bit number: refuse rather than clamp
        raise LabError(f"seed: expected a whole number from 0 to {MAX_SEED:,}, found {seed:,}")
    return PolicyLab(n=n, seed=seed, parameters=_parameters(parameters))


# The public classes say they live here, where they are imported from.
for _public in (Parameters, ParameterSpec, Regime):
    _public.__module__ = __name__
del _public

# The examples in the docstrings of the charts published here (doctest reads them here).
__test__ = {"plot_regimes": plot_regimes, "plot_sensitivity": plot_sensitivity}
