"""Fitting the decision model on real CCF decisions, and checking it honestly.

The decision model (``_engine/outcome.py``) has a few weights that no source gives; they are
fitted on the CCF decisions encoded in the package (``data/scenarios/expected.csv``) and
written into ``data/rules/outcome.yaml`` by ``scripts/fit_outcome.py``. This module does
the fitting and the checks:

* :func:`fit` — weighted maximum likelihood, each weight held inside its range and drawn
  towards its starting value (a Gaussian prior of spread ``prior_sd``), solved
  coordinate by coordinate with Newton steps (deterministic, no random start). A decision
  known only from its published tags (``confidence: low`` in the CSV) counts less.
* :func:`cross_validate` — leave-one-out: for each decision, every fitted weight is fitted
  again on the others, and the held-out decision is predicted with those weights. That is
  the figure to believe; the training figure flatters the model.
* :func:`calibration_report` — agreement, deleted-versus-kept, the Brier score against
  the CCF's base-rate forecast, and a reliability table, overall and by confidence tier.

Only the grounds engine is run on the decisions (once); refitting needs no engine call.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from diffusion_scenarios._engine.assessment import OUTCOMES
from diffusion_scenarios._engine.outcome import (
    BASE_RATES_RULE,
    DELETION_TERMS,
    UPDATE_TERMS,
    WEIGHTS_RULE,
    Features,
    ModelWeights,
    confidence_of,
    features_of,
    likelihood_of,
    model_weights,
    settings_offset,
    sigmoid,
)
from diffusion_scenarios._law.rules import catalogue

__all__ = [
    "CalibrationReport",
    "CaseFeatures",
    "Fit",
    "base_rate_forecast",
    "brier",
    "calibration_report",
    "case_features",
    "cross_validate",
    "fit",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseFeatures:
    """One encoded decision: what the model weighs, and what the CCF decided."""

    file: str
    decision_id: str
    ccf_outcome: str
    confidence: str  # of the encoding (expected.csv): low | medium | high | ""
    features: Features


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    name: str
    start: float
    low: float
    high: float
    fitted: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Fit:
    """Fitted weights (by term name) and the model built from them."""

    values: dict[str, float]
    weights: ModelWeights


def _terms() -> dict[str, Term]:
    raw = dict(catalogue().get(WEIGHTS_RULE).versions[-1].value)
    terms = {}
    for name in (*DELETION_TERMS, *UPDATE_TERMS):
        entry = raw[name]
        low, high = (float(x) for x in entry["range"])
        terms[name] = Term(
            name=name,
            start=float(entry["start"]),
            low=low,
            high=high,
            fitted=bool(entry["fitted"]),
        )
    return terms


def _settings() -> dict[str, Any]:
    return dict(catalogue().get("model-outcome-settings").versions[-1].value)


def case_features(
    directory: str | os.PathLike[str], expected_csv: str | os.PathLike[str]
) -> tuple[CaseFeatures, ...]:
    """Run the grounds engine once on every decision named in the CSV that has a file."""
    from diffusion_scenarios._engine.pipeline import assess
    from diffusion_scenarios._facts.loader import load_scenario
    from diffusion_scenarios.caselaw import read_expected

    folder = Path(directory)
    rows = []
    for entry in read_expected(expected_csv):
        path = folder / entry.file
        if not path.is_file():
            continue
        scenario = load_scenario(path)
        assessment = assess(scenario)
        rows.append(
            CaseFeatures(
                file=entry.file,
                decision_id=entry.decision_id,
                ccf_outcome=entry.ccf_outcome,
                confidence=entry.confidence,
                features=features_of(scenario, assessment.grounds, assessment.as_of),
            )
        )
    return tuple(rows)


# ------------------------------------------------------------------------------ fitting


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def _coordinate_fit(
    rows: Sequence[tuple[tuple[float, ...], float, float, float]],
    names: Sequence[str],
    values: dict[str, float],
    terms: dict[str, Term],
    prior_sd: float,
) -> dict[str, float]:
    """Penalised weighted logistic fit over ``names`` (rows: terms, offset, y, weight)."""
    current = dict(values)
    free = [i for i, n in enumerate(names) if terms[n].fitted]
    precision = 1.0 / (prior_sd * prior_sd)
    for _ in range(200):
        moved = 0.0
        for i in free:
            name = names[i]
            gradient = (current[name] - terms[name].start) * precision
            curvature = precision
            for x, offset, y, weight in rows:
                if x[i] == 0.0:
                    continue
                score = offset + sum(current[n] * v for n, v in zip(names, x, strict=True))
                p = sigmoid(score)
                gradient += weight * (p - y) * x[i]
                curvature += weight * p * (1.0 - p) * x[i] * x[i]
            new = min(max(current[name] - gradient / curvature, terms[name].low), terms[name].high)
            moved = max(moved, abs(new - current[name]))
            current[name] = new
        if moved < 1e-9:
            break
    return current


def fit(cases: Sequence[CaseFeatures]) -> Fit:
    """Fit the model's fitted weights on these decisions (deterministic).

    The deletion score is fitted on every decision (deleted or kept); the update score on
    the decisions where the data were kept. The update score's starting point is the
    CCF's published share of updates among the data it kept (2021), not a fit.
    ``ncb_answers`` is not fitted but derived: it is set so that one arguable ground, once
    the NCB has answered and backed its request, leaves the chance of deletion given in
    ``one_arguable_ground_when_ncb_answers``.
    """
    terms = _terms()
    settings = _settings()
    base = model_weights()
    cap = int(settings["ground_cap"])
    prior_sd = float(settings["prior_sd"])
    fit_weight = {str(k): float(v) for k, v in dict(settings["fit_weight"]).items()}
    values = {name: term.start for name, term in terms.items()}

    deletion_rows = []
    update_rows = []
    for case in cases:
        weight = fit_weight.get(case.confidence, 1.0)
        features = case.features
        offset = settings_offset(features, base)
        deleted = 1.0 if case.ccf_outcome == "not_compliant" else 0.0
        deletion_rows.append((features.deletion_terms(cap), offset, deleted, weight))
        if not deleted:
            with_update = 1.0 if case.ccf_outcome == "compliant_with_update" else 0.0
            update_rows.append((features.update_terms(), 0.0, with_update, weight))

    values["ncb_answers"] = 0.0
    if not terms["update_intercept"].fitted:
        # Kept with an update rather than kept as is, among the data kept: the CCF's 2021
        # shares (ccf-outcome-base-rates), not a fit.
        shares = dict(zip(OUTCOMES, base_rate_forecast(), strict=True))
        kept = shares["compliant_with_update"] + shares["compliant"]
        values["update_intercept"] = _logit(shares["compliant_with_update"] / kept)
    values = _coordinate_fit(deletion_rows, DELETION_TERMS, values, terms, prior_sd)
    values = _coordinate_fit(update_rows, UPDATE_TERMS, values, terms, prior_sd)
    target = float(settings["one_arguable_ground_when_ncb_answers"])
    one_arguable = values["intercept"] + values["at_least_arguable"] + values["any_strength"]
    answers = terms["ncb_answers"]
    values["ncb_answers"] = min(max(_logit(target) - one_arguable, answers.low), answers.high)
    weights = replace(
        base,
        deletion=tuple(values[n] for n in DELETION_TERMS),
        update=tuple(values[n] for n in UPDATE_TERMS),
    )
    return Fit(values=values, weights=weights)


# ------------------------------------------------------------------------------ scoring
def base_rate_forecast() -> tuple[float, ...]:
    """The CCF's published shares of outcomes (2021), in the order of ``OUTCOMES``."""
    counts = dict(catalogue().get(BASE_RATES_RULE).versions[-1].value)
    total = sum(float(counts[o]) for o in OUTCOMES)
    return tuple(float(counts[o]) / total for o in OUTCOMES)


def brier(likelihood: Sequence[float], outcome: str) -> float:
    """The three-way Brier score of one forecast (0 perfect, 2 worst)."""
    return sum(
        (p - (1.0 if o == outcome else 0.0)) ** 2 for o, p in zip(OUTCOMES, likelihood, strict=True)
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Forecast:
    """The model's forecast on one decision, with what the CCF decided."""

    case: CaseFeatures
    likelihood: tuple[float, ...]
    confidence: str

    @property
    def prediction(self) -> str:
        best = max(range(len(OUTCOMES)), key=lambda i: (self.likelihood[i], -i))
        return OUTCOMES[best]

    @property
    def agrees(self) -> bool:
        return self.prediction == self.case.ccf_outcome

    @property
    def deletion_agrees(self) -> bool:
        return (self.prediction == "not_compliant") == (self.case.ccf_outcome == "not_compliant")

    @property
    def brier(self) -> float:
        return brier(self.likelihood, self.case.ccf_outcome)


def _forecast(case: CaseFeatures, weights: ModelWeights) -> Forecast:
    p = likelihood_of(case.features, weights)
    return Forecast(
        case=case, likelihood=p, confidence=confidence_of(case.features, max(p), weights)
    )


def training_forecasts(
    cases: Sequence[CaseFeatures], weights: ModelWeights | None = None
) -> tuple[Forecast, ...]:
    """Each decision forecast with one set of weights (default: those shipped)."""
    chosen = weights or model_weights()
    return tuple(_forecast(case, chosen) for case in cases)


def cross_validate(
    cases: Sequence[CaseFeatures],
) -> tuple[tuple[Forecast, ...], dict[str, tuple[float, float]]]:
    """Leave-one-out: each decision forecast by weights refitted without it.

    Returns the forecasts and, for each weight, the lowest and highest value it took
    across the refits.
    """
    forecasts = []
    spread: dict[str, list[float]] = {}
    for i, case in enumerate(cases):
        refit = fit([c for j, c in enumerate(cases) if j != i])
        for name, value in refit.values.items():
            spread.setdefault(name, []).append(value)
        forecasts.append(_forecast(case, refit.weights))
    ranges = {name: (min(v), max(v)) for name, v in spread.items()}
    return tuple(forecasts), ranges


# ------------------------------------------------------------------------------ report
@dataclass(frozen=True, slots=True, kw_only=True)
class Scores:
    """Agreement and Brier score of a set of forecasts."""

    cases: int
    agreements: int
    deletion_agreements: int
    brier: float | None
    base_brier: float | None

    @classmethod
    def of(cls, forecasts: Sequence[Forecast]) -> Scores:
        n = len(forecasts)
        base = base_rate_forecast()
        return cls(
            cases=n,
            agreements=sum(f.agrees for f in forecasts),
            deletion_agreements=sum(f.deletion_agrees for f in forecasts),
            brier=sum(f.brier for f in forecasts) / n if n else None,
            base_brier=sum(brier(base, f.case.ccf_outcome) for f in forecasts) / n if n else None,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "agreements": self.agreements,
            "agreement": self.agreements / self.cases if self.cases else None,
            "deletion_agreements": self.deletion_agreements,
            "deletion_agreement": self.deletion_agreements / self.cases if self.cases else None,
            "brier": self.brier,
            "base_rate_brier": self.base_brier,
        }


#: Bins of the reliability table: the model's likelihood of deletion.
RELIABILITY_BINS: tuple[tuple[float, float], ...] = (
    (0.0, 0.2),
    (0.2, 0.4),
    (0.4, 0.6),
    (0.6, 0.8),
    (0.8, 1.0),
)
TIERS = ("high", "medium", "low")


@dataclass(frozen=True, slots=True, kw_only=True)
class CalibrationReport:
    """How well the model's likelihoods match the CCF's decisions."""

    training: tuple[Forecast, ...]
    cross_validated: tuple[Forecast, ...]
    weight_ranges: dict[str, tuple[float, float]]

    def scores(
        self, forecasts: Sequence[Forecast], tier: str | None = None, *, read: str | None = None
    ) -> Scores:
        """Scores of the forecasts, optionally of one model confidence ``tier`` only, or of
        the decisions whose encoding confidence (how much was ``read``) is given."""
        chosen = [
            f
            for f in forecasts
            if (tier is None or f.confidence == tier)
            and (read is None or f.case.confidence == read)
        ]
        return Scores.of(chosen)

    @staticmethod
    def reliability(forecasts: Sequence[Forecast]) -> list[dict[str, Any]]:
        """Per bin of the likelihood of deletion: decisions, mean forecast, share deleted."""
        table = []
        for low, high in RELIABILITY_BINS:
            inside = [
                f
                for f in forecasts
                if low <= f.likelihood[0] < high or (high == 1.0 and f.likelihood[0] == 1.0)
            ]
            n = len(inside)
            table.append(
                {
                    "from": low,
                    "to": high,
                    "cases": n,
                    "mean_forecast": sum(f.likelihood[0] for f in inside) / n if n else None,
                    "share_deleted": (
                        sum(f.case.ccf_outcome == "not_compliant" for f in inside) / n
                        if n
                        else None
                    ),
                }
            )
        return table

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, forecasts in (
            ("training", self.training),
            ("cross_validated", self.cross_validated),
        ):
            out[name] = {
                "all": self.scores(forecasts).to_dict(),
                "by_confidence": {t: self.scores(forecasts, t).to_dict() for t in TIERS},
                "by_encoding_confidence": {
                    t: self.scores(forecasts, read=t).to_dict() for t in TIERS
                },
                "reliability": self.reliability(forecasts),
            }
        out["cases"] = [
            {
                "file": t.case.file,
                "decision_id": t.case.decision_id,
                "ccf_outcome": t.case.ccf_outcome,
                "encoding_confidence": t.case.confidence,
                "model_outcome": t.prediction,
                "likelihood": dict(zip(OUTCOMES, t.likelihood, strict=True)),
                "confidence": t.confidence,
                "cross_validated_outcome": c.prediction,
                "cross_validated_likelihood": dict(zip(OUTCOMES, c.likelihood, strict=True)),
            }
            for t, c in zip(self.training, self.cross_validated, strict=True)
        ]
        out["weight_ranges"] = {k: list(v) for k, v in self.weight_ranges.items()}
        out["base_rate_forecast"] = dict(zip(OUTCOMES, base_rate_forecast(), strict=True))
        return out

    def to_text(self) -> str:
        lines = [
            "Calibration of the decision model against the CCF's decisions",
            "",
            "Brier score: the mean squared distance between the model's three likelihoods and",
            "what the CCF decided (0 is perfect; lower is better). The base-rate forecast gives",
            "every case the CCF's 2021 shares: "
            + ", ".join(
                f"{_OUTCOME_SHORT[o]} {p:.0%}"
                for o, p in zip(OUTCOMES, base_rate_forecast(), strict=True)
            )
            + ".",
        ]
        for title, forecasts in (
            ("Training (the weights shipped, fitted on these same decisions)", self.training),
            (
                "Cross-validated (leave one out: each decision predicted by weights refitted "
                "without it) - the figure to believe",
                self.cross_validated,
            ),
        ):
            lines += ["", title]
            lines.append(
                f"    {'tier':<12}{'cases':>6}  {'same outcome':>14}  {'deleted/kept':>14}  "
                f"{'Brier':>6}  {'base rate':>9}"
            )
            rows = [(tier or "all", self.scores(forecasts, tier)) for tier in (None, *TIERS)]
            rows += [(f"read {t}", self.scores(forecasts, read=t)) for t in TIERS]
            for name, s in rows:
                if not s.cases:
                    lines.append(f"    {name:<12}{0:>6}  {'-':>14}  {'-':>14}  {'-':>6}  {'-':>9}")
                    continue
                lines.append(
                    f"    {name:<12}{s.cases:>6}  "
                    f"{_ratio(s.agreements, s.cases):>14}  "
                    f"{_ratio(s.deletion_agreements, s.cases):>14}  "
                    f"{s.brier:>6.3f}  {s.base_brier:>9.3f}"
                )
            lines.append("    Reliability (likelihood of deletion given, share the CCF deleted):")
            for row in self.reliability(forecasts):
                if row["cases"]:
                    lines.append(
                        f"      {row['from']:.0%}-{row['to']:.0%}: {row['cases']:>2} case(s), "
                        f"model said {row['mean_forecast']:.0%} on average, CCF deleted "
                        f"{row['share_deleted']:.0%}"
                    )
                else:
                    lines.append(f"      {row['from']:.0%}-{row['to']:.0%}:  0 cases")
        lines += ["", "Fitted weights: lowest and highest value across the leave-one-out refits"]
        for name, (low, high) in self.weight_ranges.items():
            lines.append(f"    {name:<20} {low:7.2f} to {high:7.2f}")
        lines += [
            "",
            "Tiers high, medium, low are the model's own confidence; 'read high/medium/low' are",
            "the decisions by how much of their reasoning was read when encoding them",
            "(expected.csv; 'read low' means only the published tags).",
            "Educational model, not legal advice.",
        ]
        return "\n".join(lines)


_OUTCOME_SHORT = {
    "not_compliant": "deleted",
    "compliant_with_update": "kept with an update",
    "compliant": "kept",
}


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})"


def calibration_report(
    directory: str | os.PathLike[str], expected_csv: str | os.PathLike[str]
) -> CalibrationReport:
    """Training and leave-one-out figures on the decisions in ``expected_csv``."""
    cases = case_features(directory, expected_csv)
    cross, ranges = cross_validate(cases)
    return CalibrationReport(
        training=training_forecasts(cases), cross_validated=cross, weight_ranges=ranges
    )
