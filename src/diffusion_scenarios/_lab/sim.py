"""The vectorized simulation behind :mod:`diffusion_scenarios.lab` (see its docstring for
the state machine). Pure numpy: one chunk of requests at a time, only integer totals kept.

Random numbers: requests are grouped in fixed *stream blocks* of :data:`STREAM_BLOCK`
requests; block ``b`` draws from its own generator seeded by ``SeedSequence(seed,
spawn_key=(b,))``, always in the same order and for every request, whatever the regime or
the parameters (common random numbers: a what-if changes the rules, not the luck). A chunk
is any run of requests; it takes its draws from the blocks it overlaps, so the result does
not depend on the chunk size. Totals are kept as integers (counts, and exposure in
thousandths of a day), so summing chunk by chunk is exact and order-free.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from statistics import NormalDist
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from diffusion_scenarios._lab.params import (
    DEFAULT_CHUNK_SIZE,
    DEFECT_CATEGORIES,
    MAX_CHUNK_SIZE,
    STREAM_BLOCK,
    Parameters,
    check_value,
)
from diffusion_scenarios.errors import LabError

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "FINAL_STATES",
    "MAX_CHUNK_SIZE",
    "MAX_REQUESTS",
    "STREAM_BLOCK",
    "Regime",
    "Totals",
    "run",
]

FloatArray = npt.NDArray[np.float32]
BoolArray = npt.NDArray[np.bool_]

MAX_REQUESTS = 1_000_000_000
DAYS_PER_YEAR = 365.25
MILLIDAYS = 1000.0

# Final states, in the order of the state machine (index = state code).
FINAL_STATES = (
    "refused_at_screening",
    "lawful_refused_at_screening",
    "removed_by_review",
    "deleted_by_ccf",
    "expired",
    "still_active_at_horizon",
    "compliant_active",
)
(
    _REFUSED,
    _LAWFUL_REFUSED,
    _REVIEWED,
    _DELETED,
    _EXPIRED,
    _STILL_ACTIVE,
    _COMPLIANT_ACTIVE,
) = range(7)

# Rows of the uniform draw matrix (one row per random decision, one column per request).
# Rows that only non-compliant requests use are reused for compliant ones (a compliant
# request is never screened for a defect nor reviewed), so the costs of screening lawful
# requests add no draws: a run with those costs set to zero is the run without them.
_U_KIND, _U_DEFECT, _U_TARGET, _U_SCREEN, _U_REVIEW_FINDS, _U_REVIEW_TIME = range(6)
_U_END, _U_APPLY, _U_FILING_TIME, _U_ADMISSIBLE, _U_CCF_DELETES, _U_BLOCK = range(6, 12)
_UNIFORM_ROWS = 12


@dataclass(frozen=True, slots=True, kw_only=True)
class Regime:
    """The rules a simulated request goes through: a policy to compare with others.

    Attributes:
        name: a short identifier (``snake_case``).
        description: one sentence for tables and charts.
        label: a few plain words for chart axes and legends (default: the name).
        screen_red_notices: red notices are reviewed before publication; a defect found
            there means the request never circulates.
        screen_diffusions: diffusions are reviewed the same way before they circulate.
        review_diffusions_after_circulation: the NDTF reviews diffusions after they reach
            recipients and removes the non-compliant ones it finds.
        ccf_decision_time_factor: multiplies every CCF decision time (0.5 = twice as fast).
        block_while_examined: the data are blocked (no arrest possible) from admissibility
            until the CCF decides, in every case rather than only in the share where the CCF
            orders it as a provisional measure today.

    Example:
        >>> from diffusion_scenarios.lab import Regime
        >>> Regime(name="slow_ccf", description="CCF twice as slow",
        ...        ccf_decision_time_factor=2.0).screen_diffusions
        False
    """

    name: str
    description: str
    label: str = ""
    screen_red_notices: bool = True
    screen_diffusions: bool = False
    review_diffusions_after_circulation: bool = True
    ccf_decision_time_factor: float = 1.0
    block_while_examined: bool = False

    @property
    def title(self) -> str:
        """The label, or the name when there is none."""
        return self.label.strip() or self.name

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise LabError("regime name: expected a non-empty text, found " + repr(self.name))
        if not isinstance(self.label, str):
            raise LabError(f"regime {self.name}: label: expected a text, found {self.label!r}")
        for flag in (
            "screen_red_notices",
            "screen_diffusions",
            "review_diffusions_after_circulation",
            "block_while_examined",
        ):
            if not isinstance(getattr(self, flag), bool):
                raise LabError(
                    f"regime {self.name}: {flag}: expected true or false, "
                    f"found {getattr(self, flag)!r}"
                )
        check_value(
            f"regime {self.name}: ccf_decision_time_factor",
            self.ccf_decision_time_factor,
            (0.01, 10.0),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Totals:
    """Exact integer totals of one run (exposure in thousandths of a day)."""

    n_requests: int
    state_counts: tuple[int, ...]
    red_notices: int
    diffusions: int
    noncompliant: int
    noncompliant_by_defect: tuple[int, ...]
    noncompliant_circulating_red_notices: int
    noncompliant_circulating_diffusions: int
    exposure_millidays_red_notices: int
    exposure_millidays_diffusions_all_members: int
    exposure_millidays_diffusions_targeted: int
    exposure_millidays_by_defect: tuple[int, ...]
    lawful_alert_millidays_blocked: int
    lawful_refused: int
    urgent_lawful_delayed: int
    lawful_millidays_lost_full_reach: int
    lawful_millidays_lost_targeted: int
    alert_millidays_full_reach: int
    alert_millidays_targeted: int
    ccf_applications: int
    ccf_applications_noncompliant: int
    ccf_admissible: int
    ccf_processed: int
    ccf_deletions: int
    ccf_decisions_over_limit: int

    def __add__(self, other: Totals) -> Totals:
        values: dict[str, object] = {}
        for name in self.__dataclass_fields__:
            mine, theirs = getattr(self, name), getattr(other, name)
            if isinstance(mine, tuple):
                values[name] = tuple(a + b for a, b in zip(mine, theirs, strict=True))
            else:
                values[name] = mine + theirs
        return Totals(**values)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Derived:
    """Parameter values turned into what the kernel multiplies with (float32 where useful)."""

    share_diffusions: float
    noncompliance: float
    defect_cuts: npt.NDArray[np.float64]
    share_targeted: float
    screening: float
    screening_delay_days: float
    wrong_refusal: float
    urgent_share: float
    review_finds: float
    review_mean_days: float
    end_mean_days: float
    horizon_days: float
    apply_noncompliant: float
    apply_compliant: float
    filing_mean_days: float
    admissible: float
    admissibility_days: float
    decision_log_median: float
    decision_sigma: float
    decision_limit_days: float
    ccf_deletes: float
    block_share: float


def _derive(parameters: Parameters, regime: Regime) -> _Derived:
    shares = np.asarray(parameters.defect_shares(), dtype=np.float64)
    cuts = np.cumsum(shares)[:-1]
    over = parameters.ccf_share_decisions_over_limit
    # log-normal decision time D: P(D > limit) = over  =>  median = limit / exp(sigma * z)
    z = NormalDist().inv_cdf(1.0 - over)
    sigma = parameters.ccf_decision_time_spread
    log_median = math.log(parameters.ccf_deletion_decision_limit_days) - sigma * z
    log_median += math.log(regime.ccf_decision_time_factor)
    return _Derived(
        share_diffusions=parameters.share_diffusions,
        noncompliance=parameters.true_noncompliance_rate,
        defect_cuts=cuts,
        share_targeted=parameters.share_diffusions_targeted,
        screening=parameters.screening_detection_probability,
        screening_delay_days=parameters.screening_delay_days,
        wrong_refusal=parameters.screening_wrong_refusal_probability,
        urgent_share=parameters.urgent_share_of_lawful_requests,
        review_finds=parameters.review_detection_probability,
        review_mean_days=parameters.review_mean_delay_days,
        end_mean_days=parameters.mean_active_years * DAYS_PER_YEAR,
        horizon_days=parameters.horizon_years * DAYS_PER_YEAR,
        apply_noncompliant=parameters.ccf_application_share_noncompliant,
        apply_compliant=parameters.ccf_application_share_compliant,
        filing_mean_days=parameters.ccf_mean_filing_delay_days,
        admissible=parameters.ccf_admissibility_rate,
        admissibility_days=parameters.ccf_admissibility_days,
        decision_log_median=log_median,
        decision_sigma=sigma,
        decision_limit_days=parameters.ccf_deletion_decision_limit_days,
        ccf_deletes=parameters.ccf_deletion_probability_noncompliant,
        block_share=parameters.ccf_provisional_block_share,
    )


class _Draws:
    """Generates (and caches the last) stream block of draws for one seed."""

    def __init__(self, seed: int, n_requests: int) -> None:
        self._seed = seed
        self._n_requests = n_requests
        self._cached_block = -1
        self._uniform: FloatArray = np.empty((_UNIFORM_ROWS, 0), dtype=np.float32)
        self._normal: FloatArray = np.empty(0, dtype=np.float32)

    def _block(self, block: int) -> tuple[FloatArray, FloatArray]:
        if block != self._cached_block:
            size = min(STREAM_BLOCK, self._n_requests - block * STREAM_BLOCK)
            sequence = np.random.SeedSequence(self._seed, spawn_key=(block,))
            generator = np.random.Generator(np.random.SFC64(sequence))
            self._uniform = generator.random((_UNIFORM_ROWS, size), dtype=np.float32)
            self._normal = generator.standard_normal(size, dtype=np.float32)
            self._cached_block = block
        return self._uniform, self._normal

    def fill(self, start: int, stop: int, uniform: FloatArray, normal: FloatArray) -> None:
        """Write the draws of requests ``start`` to ``stop - 1`` into the given buffers."""
        position = start
        while position < stop:
            block = position // STREAM_BLOCK
            block_start = block * STREAM_BLOCK
            block_uniform, block_normal = self._block(block)
            low = position - block_start
            high = min(stop - block_start, block_uniform.shape[1])
            out_low, out_high = position - start, position - start + (high - low)
            uniform[:, out_low:out_high] = block_uniform[:, low:high]
            normal[out_low:out_high] = block_normal[low:high]
            position += high - low


def _exponential(uniform: FloatArray, mean: float) -> FloatArray:
    # inverse CDF on [0, 1): -log(1 - u) * mean; float32 keeps the chunk in cache
    out = np.log1p(-uniform)
    out *= np.float32(-mean)
    return out


def _chunk(uniform: FloatArray, normal: FloatArray, derived: _Derived, regime: Regime) -> Totals:
    """Simulate one chunk of requests from their draws; return its integer totals.

    Work on every request is kept to a few passes (kind, compliance, natural end, reach);
    the review and CCF steps run only on the few requests they concern. Each value is an
    element-wise function of the request's own draws, so chunking does not change it.
    """
    n = uniform.shape[1]
    f32 = np.float32
    horizon = f32(derived.horizon_days)
    infinity = f32(np.inf)

    diffusion = uniform[_U_KIND] < f32(derived.share_diffusions)
    targeted = diffusion & (uniform[_U_TARGET] < f32(derived.share_targeted))
    reach_class = diffusion.astype(np.intp) + targeted  # 0 red notice, 1 all members, 2 targeted
    defective = uniform[_U_DEFECT] < f32(derived.noncompliance)
    t_end = _exponential(uniform[_U_END], derived.end_mean_days)
    t_stop = np.minimum(t_end, horizon)  # the first end of circulation, updated below

    # --- non-compliant requests: defect category, screening, review after circulation
    bad = np.flatnonzero(defective)
    bad_diffusion = diffusion[bad]
    if derived.noncompliance > 0:
        position = uniform[_U_DEFECT, bad] / f32(derived.noncompliance)
        category = np.searchsorted(derived.defect_cuts.astype(np.float32), position, side="right")
    else:
        category = np.zeros(0, dtype=np.intp)
    screened = np.where(bad_diffusion, regime.screen_diffusions, regime.screen_red_notices)
    refused = screened & (uniform[_U_SCREEN, bad] < f32(derived.screening))
    reviewable = ~refused & (uniform[_U_REVIEW_FINDS, bad] < f32(derived.review_finds))
    if regime.review_diffusions_after_circulation:
        reviewable &= bad_diffusion
    else:
        reviewable[:] = False
    t_review = np.full(bad.size, infinity, dtype=np.float32)
    reviewed_rows = bad[reviewable]
    t_review[reviewable] = _exponential(
        uniform[_U_REVIEW_TIME, reviewed_rows], derived.review_mean_days
    )
    t_other = t_end.copy()  # natural end or review, whichever first
    t_other[bad] = np.minimum(t_end[bad], t_review)
    circulating = np.ones(n, dtype=np.bool_)
    circulating[bad[refused]] = False

    # --- lawful requests pay for screening too: a wrong refusal, or a delay before they
    # circulate (urgent ones counted apart). Compliant requests never use the screening and
    # review draws, so those rows decide their fate.
    screened_all = np.where(diffusion, regime.screen_diffusions, regime.screen_red_notices)
    lawful_screened = ~defective & screened_all
    lawful_refused = lawful_screened & (uniform[_U_SCREEN] < f32(derived.wrong_refusal))
    lawful_delayed = lawful_screened & ~lawful_refused
    circulating &= ~lawful_refused
    delay = f32(derived.screening_delay_days)
    urgent_delayed = (
        int(
            np.count_nonzero(
                lawful_delayed & (uniform[_U_REVIEW_FINDS] < f32(derived.urgent_share))
            )
        )
        if derived.screening_delay_days > 0
        else 0
    )
    natural_stop = np.minimum(t_end, horizon)
    lawful_lost = np.where(
        lawful_refused, natural_stop, np.where(lawful_delayed, np.minimum(delay, natural_stop), 0)
    )
    lawful_lost_md = np.bincount(
        reach_class, weights=np.rint(lawful_lost.astype(np.float64) * MILLIDAYS), minlength=3
    )

    # --- the CCF: only those who would apply are followed further
    threshold = np.where(defective, f32(derived.apply_noncompliant), f32(derived.apply_compliant))
    candidates = np.flatnonzero(circulating & (uniform[_U_APPLY] < threshold))
    t_file = _exponential(uniform[_U_FILING_TIME, candidates], derived.filing_mean_days)
    candidate_other = t_other[candidates]
    applies = t_file < np.minimum(candidate_other, horizon)
    rows = candidates[applies]
    t_file, other = t_file[applies], candidate_other[applies]
    row_defective = defective[rows]
    admissible = uniform[_U_ADMISSIBLE, rows] < f32(derived.admissible)
    t_admissible = t_file + f32(derived.admissibility_days)
    duration = np.exp(f32(derived.decision_log_median) + f32(derived.decision_sigma) * normal[rows])
    t_decision = t_admissible + duration
    decided = admissible & (t_decision < other)  # the data still exist when it decides
    deletes = decided & row_defective & (uniform[_U_CCF_DELETES, rows] < f32(derived.ccf_deletes))
    t_stop[bad] = np.minimum(t_stop[bad], t_review)
    t_stop[rows[deletes]] = np.minimum(t_stop[rows[deletes]], t_decision[deletes])
    t_stop[~circulating] = 0.0

    # --- exactly one final state per request
    state = np.where(t_end < horizon, np.int8(_EXPIRED), np.int8(_COMPLIANT_ACTIVE))
    bad_stop = t_stop[bad]
    bad_state = np.where(bad_stop >= horizon, np.int8(_STILL_ACTIVE), np.int8(_EXPIRED))
    bad_state[t_review <= bad_stop] = _REVIEWED
    bad_state[refused] = _REFUSED
    state[bad] = bad_state
    state[lawful_refused] = _LAWFUL_REFUSED
    deleted_in_horizon = deletes & (t_decision < horizon)
    state[rows[deleted_in_horizon]] = _DELETED

    # --- exposure in thousandths of a day: circulating and not blocked
    blocked = admissible & (
        regime.block_while_examined | (uniform[_U_BLOCK, rows] < f32(derived.block_share))
    )
    row_stop = t_stop[rows]
    blocked_days = np.maximum(
        np.minimum(t_decision, row_stop) - np.minimum(t_admissible, row_stop), f32(0)
    )
    blocked_md = np.where(blocked, np.rint(blocked_days.astype(np.float64) * MILLIDAYS), 0.0)
    exposure_md = np.rint(t_stop.astype(np.float64) * MILLIDAYS)
    if derived.screening_delay_days > 0:  # a screened request circulates only after the delay
        waiting = np.where(screened_all & circulating, np.minimum(delay, t_stop), f32(0))
        exposure_md -= np.rint(waiting.astype(np.float64) * MILLIDAYS)
    exposure_md[rows] -= blocked_md
    np.maximum(exposure_md, 0.0, out=exposure_md)
    alerts = np.bincount(reach_class, weights=exposure_md, minlength=3)
    circulating_bad = bad[~refused]
    bad_exposure = exposure_md[circulating_bad]
    by_reach = np.bincount(reach_class[circulating_bad], weights=bad_exposure, minlength=3)
    by_defect = np.bincount(
        category[~refused], weights=bad_exposure, minlength=len(DEFECT_CATEGORIES)
    )
    circulating_bad_diffusions = int(np.count_nonzero(bad_diffusion[~refused]))

    horizon_inside = (
        np.count_nonzero(decided & (t_decision < horizon))
        + np.count_nonzero(admissible & ~decided & (other < horizon))
        + np.count_nonzero(~admissible & (t_admissible < horizon))
    )
    diffusions = int(np.count_nonzero(diffusion))
    return Totals(
        n_requests=n,
        state_counts=tuple(int(c) for c in np.bincount(state, minlength=len(FINAL_STATES))),
        red_notices=n - diffusions,
        diffusions=diffusions,
        noncompliant=int(bad.size),
        noncompliant_by_defect=tuple(
            int(c) for c in np.bincount(category, minlength=len(DEFECT_CATEGORIES))
        ),
        noncompliant_circulating_red_notices=int(circulating_bad.size) - circulating_bad_diffusions,
        noncompliant_circulating_diffusions=circulating_bad_diffusions,
        exposure_millidays_red_notices=int(by_reach[0]),
        exposure_millidays_diffusions_all_members=int(by_reach[1]),
        exposure_millidays_diffusions_targeted=int(by_reach[2]),
        exposure_millidays_by_defect=tuple(int(v) for v in by_defect),
        lawful_alert_millidays_blocked=int(blocked_md[~row_defective].sum()),
        lawful_refused=int(np.count_nonzero(lawful_refused)),
        urgent_lawful_delayed=urgent_delayed,
        lawful_millidays_lost_full_reach=int(lawful_lost_md[0] + lawful_lost_md[1]),
        lawful_millidays_lost_targeted=int(lawful_lost_md[2]),
        alert_millidays_full_reach=int(alerts[0] + alerts[1]),
        alert_millidays_targeted=int(alerts[2]),
        ccf_applications=int(rows.size),
        ccf_applications_noncompliant=int(np.count_nonzero(row_defective)),
        ccf_admissible=int(np.count_nonzero(admissible)),
        ccf_processed=int(horizon_inside),
        ccf_deletions=int(np.count_nonzero(deleted_in_horizon)),
        ccf_decisions_over_limit=int(
            np.count_nonzero(admissible & (duration > f32(derived.decision_limit_days)))
        ),
    )


def _shown(value: int) -> str:
    """A whole number as a line can show it (a huge one by its number of digits)."""
    digits = len(str(abs(value)))
    return f"{value:,}" if digits <= 24 else f"a number of {digits:,} digits"


def check_run_size(n_requests: object, seed: object, chunk_size: object) -> tuple[int, int, int]:
    """Validate the size options of a run (one ``LabError`` line each).

    ``chunk_size`` stops at :data:`MAX_CHUNK_SIZE`: a larger chunk gives the same result
    and only risks running out of memory.
    """
    checked = []
    for name, value, low, high in (
        ("n", n_requests, 1, MAX_REQUESTS),
        ("seed", seed, 0, 2**63 - 1),
        ("chunk_size", chunk_size, 1, MAX_CHUNK_SIZE),
    ):
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            shown = repr(value)
            shown = shown if len(shown) <= 40 else shown[:37] + "..."
            raise LabError(
                f"{name}: expected a whole number from {low:,} to {high:,}, found {shown}"
            )
        if not low <= int(value) <= high:
            raise LabError(
                f"{name}: expected a whole number from {low:,} to {high:,}, "
                f"found {_shown(int(value))}"
            )
        checked.append(int(value))
    return checked[0], checked[1], checked[2]


def run(
    parameters: Parameters,
    regime: Regime,
    *,
    n_requests: int,
    seed: int,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> Totals:
    """Simulate ``n_requests`` requests chunk by chunk; ``progress(done, total)`` after each."""
    n_requests, seed, chunk_size = check_run_size(n_requests, seed, chunk_size)
    try:
        return _run(parameters, regime, n_requests, seed, chunk_size, progress)
    except MemoryError:
        raise LabError(
            f"chunk_size: not enough memory to simulate {chunk_size:,} requests at once; "
            f"expected a smaller chunk_size (the default is {DEFAULT_CHUNK_SIZE:,})"
        ) from None


def _run(
    parameters: Parameters,
    regime: Regime,
    n_requests: int,
    seed: int,
    chunk_size: int,
    progress: Callable[[int, int], None] | None,
) -> Totals:
    derived = _derive(parameters, regime)
    draws = _Draws(seed, n_requests)
    totals: Totals | None = None
    buffer_size = min(chunk_size, n_requests)
    uniform = np.empty((_UNIFORM_ROWS, buffer_size), dtype=np.float32)
    normal = np.empty(buffer_size, dtype=np.float32)
    for start in range(0, n_requests, chunk_size):
        stop = min(start + chunk_size, n_requests)
        size = stop - start
        draws.fill(start, stop, uniform[:, :size], normal[:size])
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            chunk = _chunk(uniform[:, :size], normal[:size], derived, regime)
        totals = chunk if totals is None else totals + chunk
        if progress is not None:
            progress(stop, n_requests)
    assert totals is not None  # n_requests >= 1
    return totals


def state_mapping(counts: tuple[int, ...]) -> Mapping[str, int]:
    """Final-state counts by name, read-only."""
    return MappingProxyType(dict(zip(FINAL_STATES, counts, strict=True)))
