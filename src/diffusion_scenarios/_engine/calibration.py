"""Fitting the decision model on real CCF decisions, and checking it honestly.

The decision model (``_engine/outcome.py``) starts from the CCF's published base rate; its
few weights (how much a strong or arguable ground moves it, how a correction of the record
and an earlier CCF decision move it) are each a CCF principle. A weight is estimated from
the encoded decisions (``data/scenarios/expected.csv``) only when at least four decisions
show it; otherwise it stays at its judgement value. ``scripts/fit_outcome.py`` writes the
result into ``data/rules/outcome.yaml``. This module does the fitting and the checks:

* :func:`fit` - penalised maximum likelihood of the three-way outcome, each weight held
  inside its range and drawn towards its judgement value; deterministic.
* :func:`cross_validate` - folds grouped by person (one person's decisions are never split
  between fit and test; ``data/scenarios/ccf_groups.csv``), stratified by kind of source
  (official excerpt, press, practitioner), repeated with a fixed seed. Each decision's
  cross-validated forecast is the average of its forecasts over the repeats, each made by
  weights fitted without its person. That is the figure to believe.
* :func:`calibration_report` - agreement, deleted-versus-kept, Brier score and log-loss,
  each beside the base-rate forecast and always answering "deleted", and a reliability
  table.

Only the grounds engine is run on the decisions (once); refitting needs no engine call.
"""

from __future__ import annotations

import csv
import math
import os
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine.assessment import OUTCOMES
from diffusion_scenarios._engine.outcome import (
    BASE_RATES_RULE,
    FITTED_TERMS,
    SETTINGS_RULE,
    WEIGHTS_RULE,
    Features,
    ModelWeights,
    confidence_of,
    features_of,
    likelihood_of,
    model_weights,
)
from diffusion_scenarios._engine.words import OUTCOME_RESULTS
from diffusion_scenarios._facts.expected import GROUPS_FILE
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
    "high_threshold",
    "source_kind",
]

#: Terms that are not weights of the likelihood (derived from the cross-validation).
_DERIVED = ("high_confidence_at",)


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseFeatures:
    """One encoded decision: what the model weighs, and what the CCF decided."""

    file: str
    decision_id: str
    ccf_outcome: str
    confidence: str  # of the encoding (expected.csv): low | medium | high | ""
    features: Features
    person: str = ""  # decisions about the same person share a fold
    source: str = ""  # official | press | practitioner


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    name: str
    start: float
    low: float
    high: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Fit:
    """Fitted weights (by term name) and the model built from them."""

    values: dict[str, float]
    weights: ModelWeights
    decisions: dict[str, int]  # how many decisions show each term


def _terms() -> dict[str, Term]:
    raw = dict(catalogue().get(WEIGHTS_RULE).versions[-1].value)
    terms = {}
    for name in FITTED_TERMS:
        entry = raw[name]
        low, high = (float(x) for x in entry["range"])
        terms[name] = Term(name=name, start=float(entry["start"]), low=low, high=high)
    return terms


def _settings() -> dict[str, Any]:
    return dict(catalogue().get(SETTINGS_RULE).versions[-1].value)


def source_kind(file: str) -> str:
    """The kind of source a shipped decision file comes from, by its name."""
    if file.startswith("ccf-press-"):
        return "press"
    if file.startswith("ccf-prac-"):
        return "practitioner"
    return "official"


def _groups(folder: Path) -> dict[str, tuple[str, str]]:
    path = folder / GROUPS_FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {r["file"]: (r["person"], r["source_kind"]) for r in csv.DictReader(handle)}


def case_features(
    directory: str | os.PathLike[str], expected_csv: str | os.PathLike[str]
) -> tuple[CaseFeatures, ...]:
    """Run the grounds engine once on every decision named in the CSV that has a file."""
    from diffusion_scenarios._engine.pipeline import assess
    from diffusion_scenarios._facts.expected import encoded_files
    from diffusion_scenarios._facts.loader import load_scenario

    groups = _groups(Path(directory))
    rows = []
    for entry, path in encoded_files(directory, expected_csv):
        scenario = load_scenario(path)
        assessment = assess(scenario)
        person, source = groups.get(entry.file, (Path(entry.file).stem, source_kind(entry.file)))
        rows.append(
            CaseFeatures(
                file=entry.file,
                decision_id=entry.decision_id,
                ccf_outcome=entry.ccf_outcome,
                confidence=entry.confidence,
                features=features_of(scenario, assessment.grounds, assessment.as_of),
                person=person,
                source=source,
            )
        )
    return tuple(rows)


# ------------------------------------------------------------------------------ fitting
def _shows(name: str, f: Features) -> bool:
    """Whether a decision shows the principle a term stands for."""
    if name == "strong":
        return f.strong_established + f.strong_alleged > 0
    if name == "arguable":
        return f.arguable_established + f.arguable_alleged > 0
    if name in ("update_keep", "update_share"):
        return f.update
    if name == "prior_stands":
        return f.prior is not None
    if name == "cleared":
        return f.cleared > 0
    return False


def _with(weights: ModelWeights, values: dict[str, float]) -> ModelWeights:
    """``weights`` with the fitted terms set to ``values``: its keys are the terms of
    ``FITTED_TERMS`` that are not derived, each the name of a field of ModelWeights."""
    changes: dict[str, Any] = dict(values)  # float fields, which mypy cannot tell by name
    return replace(weights, **changes)


def _loss(
    table: Sequence[tuple[Features, int, float]],
    base: ModelWeights,
    values: dict[str, float],
    terms: dict[str, Term],
    prior_sd: float,
) -> float:
    weights = _with(base, values)
    total = 0.0
    for features, outcome, weight in table:
        p = likelihood_of(features, weights)[outcome]
        total -= weight * math.log(max(p, 1e-12))
    for name, term in terms.items():
        if name in values and name not in _DERIVED:
            total += 0.5 * ((values[name] - term.start) / prior_sd) ** 2
    return total


def fit(cases: Sequence[CaseFeatures]) -> Fit:
    """Fit the weights shown by at least four of these decisions (deterministic).

    Each weight is moved, one at a time, by golden-section search inside its range, until no
    weight moves; the others stay at their judgement values (``start``).
    """
    terms = _terms()
    settings = _settings()
    base = model_weights()
    prior_sd = float(settings["prior_sd"])
    fit_weight = {str(k): float(v) for k, v in dict(settings["fit_weight"]).items()}
    values = {name: term.start for name, term in terms.items() if name not in _DERIVED}
    decisions = {name: sum(_shows(name, c.features) for c in cases) for name in values}
    by_judgement = {str(n) for n in settings["set_by_judgement"]}
    free = [name for name in values if decisions[name] >= 4 and name not in by_judgement]
    grouped: Counter[tuple[Features, int]] = Counter()
    weights_of: dict[tuple[Features, int], float] = {}
    for case in cases:
        key = (case.features, OUTCOMES.index(case.ccf_outcome))
        grouped[key] += 1
        weights_of[key] = weights_of.get(key, 0.0) + fit_weight.get(case.confidence, 1.0)
    table = [(f, o, weights_of[(f, o)]) for (f, o) in grouped]

    ratio = (math.sqrt(5.0) - 1.0) / 2.0
    for _ in range(30):
        moved = 0.0
        for name in free:
            low, high = terms[name].low, terms[name].high

            def at(x: float, name: str = name) -> float:
                return _loss(table, base, {**values, name: x}, terms, prior_sd)

            a, b = low, high
            c, d = b - ratio * (b - a), a + ratio * (b - a)
            fc, fd = at(c), at(d)
            while b - a > 1e-3:
                if fc < fd:
                    b, d, fd = d, c, fc
                    c = b - ratio * (b - a)
                    fc = at(c)
                else:
                    a, c, fc = c, d, fd
                    d = a + ratio * (b - a)
                    fd = at(d)
            new = round((a + b) / 2.0, 4)
            moved = max(moved, abs(new - values[name]))
            values[name] = new
        if moved < 1e-3:
            break
    # "cleared" is derived, not fitted: with the NCB answering, one arguable ground on a
    # record and both conditions shown met, deletion is left at the chance set by judgement.
    target = float(settings["one_arguable_ground_when_ncb_answers"])
    areas = len(base.cleared_by)
    answered = math.log(base.answered_deleted / (1.0 - base.answered_deleted))
    wanted = math.log(target / (1.0 - target))
    term = terms["cleared"]
    derived = (answered + values["arguable"] - wanted) / areas
    values["cleared"] = round(min(max(derived, term.low), term.high), 4)
    return Fit(values=values, weights=_with(base, values), decisions=decisions)


# ------------------------------------------------------------------------------ scoring
def base_rate_forecast() -> tuple[float, ...]:
    """The CCF's published shares of outcomes (2021), in the order of ``OUTCOMES``."""
    counts = dict(catalogue().get(BASE_RATES_RULE).versions[-1].value)
    total = sum(float(counts[o]) for o in OUTCOMES)
    return tuple(float(counts[o]) / total for o in OUTCOMES)


#: Always answering "deleted" (the likelihood it stands for, for Brier and log-loss: the cap).
def always_deleted_forecast() -> tuple[float, ...]:
    cap = model_weights().likelihood_cap
    return (cap, (1.0 - cap) / 2.0, (1.0 - cap) / 2.0)


def brier(likelihood: Sequence[float], outcome: str) -> float:
    """The three-way Brier score of one forecast (0 perfect, 2 worst)."""
    return sum(
        (p - (1.0 if o == outcome else 0.0)) ** 2 for o, p in zip(OUTCOMES, likelihood, strict=True)
    )


def log_loss(likelihood: Sequence[float], outcome: str) -> float:
    """Minus the log of the likelihood given to what happened."""
    return -math.log(max(likelihood[OUTCOMES.index(outcome)], 1e-12))


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
    def top(self) -> float:
        return max(self.likelihood)

    @property
    def agrees(self) -> bool:
        return self.prediction == self.case.ccf_outcome

    @property
    def deletion_agrees(self) -> bool:
        return (self.prediction == "not_compliant") == (self.case.ccf_outcome == "not_compliant")

    @property
    def brier(self) -> float:
        return brier(self.likelihood, self.case.ccf_outcome)

    @property
    def log_loss(self) -> float:
        return log_loss(self.likelihood, self.case.ccf_outcome)


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


def folds(cases: Sequence[CaseFeatures], repeat: int) -> list[list[int]]:
    """The folds of one repeat: whole persons, spread evenly by kind of source."""
    settings = _settings()
    k = int(settings["cv_folds"])
    rng = random.Random(int(settings["cv_seed"]) * 1000 + repeat)
    persons: dict[str, list[int]] = {}
    for i, case in enumerate(cases):
        persons.setdefault(case.person or case.file, []).append(i)
    by_kind: dict[str, list[str]] = {}
    for person, members in sorted(persons.items()):
        by_kind.setdefault(cases[members[0]].source, []).append(person)
    result: list[list[int]] = [[] for _ in range(k)]
    slot = rng.randrange(k)
    for kind in sorted(by_kind):
        names = by_kind[kind]
        rng.shuffle(names)
        # larger persons first so the folds stay even in size
        names.sort(key=lambda n: -len(persons[n]))
        for name in names:
            smallest = min(range(k), key=lambda f: (len(result[f]), (f - slot) % k))
            result[smallest].extend(persons[name])
            slot = (slot + 1) % k
    return result


@dataclass(frozen=True, slots=True, kw_only=True)
class CrossValidation:
    """Forecasts averaged over the repeats, and what each repeat scored."""

    forecasts: tuple[Forecast, ...]
    repeats: tuple[tuple[Forecast, ...], ...]
    ranges: dict[str, tuple[float, float]]


def cross_validate(cases: Sequence[CaseFeatures]) -> CrossValidation:
    """Grouped, stratified, repeated cross-validation (deterministic)."""
    settings = _settings()
    repeats = int(settings["cv_repeats"])
    base = model_weights()
    spread: dict[str, list[float]] = {}
    runs: list[tuple[Forecast, ...]] = []
    for r in range(repeats):
        predicted: dict[int, Forecast] = {}
        for fold in folds(cases, r):
            held = set(fold)
            refit = fit([c for j, c in enumerate(cases) if j not in held])
            for name, value in refit.values.items():
                spread.setdefault(name, []).append(value)
            for i in fold:
                predicted[i] = _forecast(cases[i], refit.weights)
        runs.append(tuple(predicted[i] for i in range(len(cases))))
    averaged = []
    for i, case in enumerate(cases):
        p = tuple(sum(run[i].likelihood[j] for run in runs) / len(runs) for j in range(3))
        averaged.append(
            Forecast(case=case, likelihood=p, confidence=confidence_of(case.features, max(p), base))
        )
    ranges = {name: (min(v), max(v)) for name, v in spread.items()}
    return CrossValidation(forecasts=tuple(averaged), repeats=tuple(runs), ranges=ranges)


def high_threshold(forecasts: Sequence[Forecast]) -> float:
    """The lowest top likelihood from which the forecasts were right at least as often as
    ``high_right_at_least`` (with at least five of them); above the cap if none is."""
    settings = _settings()
    need = float(settings["high_right_at_least"])
    term = _terms()["high_confidence_at"]
    # Only forecasts that may be called "high" at all: thin facts are always "low".
    thin = int(settings["min_known_facts"])
    forecasts = [f for f in forecasts if f.case.features.known_facts >= thin]
    steps = round((term.high - term.low) / 0.01)
    for step in range(steps + 1):
        t = round(term.low + 0.01 * step, 2)
        band = [f for f in forecasts if f.top >= t - 1e-9]
        if len(band) >= 5 and sum(f.agrees for f in band) / len(band) >= need:
            return t
    return round(model_weights().likelihood_cap + 0.01, 2)


# ------------------------------------------------------------------------------ report
@dataclass(frozen=True, slots=True, kw_only=True)
class Scores:
    """Agreement, Brier score and log-loss of a set of forecasts, with the baselines."""

    cases: int
    agreements: int
    deletion_agreements: int
    brier: float | None
    base_brier: float | None
    log_loss: float | None = None
    base_log_loss: float | None = None
    always_deleted: int = 0  # agreements of always answering "deleted"
    always_deleted_brier: float | None = None
    always_deleted_log_loss: float | None = None

    @classmethod
    def of(cls, forecasts: Sequence[Forecast]) -> Scores:
        n = len(forecasts)
        base = base_rate_forecast()
        always = always_deleted_forecast()
        outcomes = [f.case.ccf_outcome for f in forecasts]
        return cls(
            cases=n,
            agreements=sum(f.agrees for f in forecasts),
            deletion_agreements=sum(f.deletion_agrees for f in forecasts),
            brier=sum(f.brier for f in forecasts) / n if n else None,
            base_brier=sum(brier(base, o) for o in outcomes) / n if n else None,
            log_loss=sum(f.log_loss for f in forecasts) / n if n else None,
            base_log_loss=sum(log_loss(base, o) for o in outcomes) / n if n else None,
            always_deleted=sum(o == "not_compliant" for o in outcomes),
            always_deleted_brier=sum(brier(always, o) for o in outcomes) / n if n else None,
            always_deleted_log_loss=sum(log_loss(always, o) for o in outcomes) / n if n else None,
        )

    def to_dict(self) -> dict[str, Any]:
        n = self.cases
        return {
            "cases": n,
            "agreements": self.agreements,
            "agreement": self.agreements / n if n else None,
            "deletion_agreements": self.deletion_agreements,
            "deletion_agreement": self.deletion_agreements / n if n else None,
            "brier": self.brier,
            "base_rate_brier": self.base_brier,
            "log_loss": self.log_loss,
            "base_rate_log_loss": self.base_log_loss,
            "always_deleted_agreements": self.always_deleted,
            "always_deleted_agreement": self.always_deleted / n if n else None,
            "always_deleted_brier": self.always_deleted_brier,
            "always_deleted_log_loss": self.always_deleted_log_loss,
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
    repeats: tuple[tuple[Forecast, ...], ...] = ()
    fitted: dict[str, int] | None = None  # decisions showing each fitted term

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

    def repeat_agreements(self) -> list[int]:
        """Three-way agreements in each repeat of the cross-validation."""
        return [sum(f.agrees for f in run) for run in self.repeats]

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

    def disagreements(self) -> list[dict[str, Any]]:
        """The decisions where the cross-validated forecast and the CCF part ways."""
        out = []
        for c in self.cross_validated:
            if c.agrees:
                continue
            f = c.case.features
            said = []
            if not (f.considerations or f.update or f.prior or f.cleared):
                said.append("nothing that moves it from the base rate (few facts known)")
            words = {"established": "on a record", "alleged": "on an allegation only"}
            for level in ("strong", "arguable"):
                for evidence in ("established", "alleged"):
                    count = getattr(f, f"{level}_{evidence}")
                    if count:
                        grounds = "ground" if count == 1 else "grounds"
                        said.append(f"{count} {level} {grounds} {words[evidence]}")
            if f.update:
                said.append("a correction of the record (a refused extradition or a judgment)")
            if f.prior:
                kept = "kept" if f.prior == "compliant" else "deleted"
                said.append(f"an earlier CCF decision that {kept} the data")
            if f.cleared:
                said.append(f"{f.cleared} condition(s) the answering NCB showed met")
            out.append(
                {
                    "file": c.case.file,
                    "decision_id": c.case.decision_id,
                    "source": c.case.source,
                    "ccf_outcome": c.case.ccf_outcome,
                    "model_outcome": c.prediction,
                    "likelihood": dict(zip(OUTCOMES, c.likelihood, strict=True)),
                    "what_the_model_weighed": "; ".join(said),
                }
            )
        return out

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
        out["cross_validated"]["repeat_agreements"] = self.repeat_agreements()
        out["cases"] = [
            {
                "file": t.case.file,
                "decision_id": t.case.decision_id,
                "person": t.case.person,
                "source": t.case.source,
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
        out["disagreements"] = self.disagreements()
        out["weight_ranges"] = {k: list(v) for k, v in self.weight_ranges.items()}
        judged = {str(n) for n in _settings()["set_by_judgement"]}
        out["fitted_parameters"] = sorted(
            k for k, n in (self.fitted or {}).items() if n >= 4 and k not in judged
        )
        out["base_rate_forecast"] = dict(zip(OUTCOMES, base_rate_forecast(), strict=True))
        return out

    def to_markdown(self) -> str:
        """The headline figures beside both baselines, the reliability table and the
        decisions where the cross-validated model and the CCF part ways, in Markdown."""
        settings = _settings()
        judged = {str(n) for n in settings["set_by_judgement"]}
        fitted = sorted(k for k, n in (self.fitted or {}).items() if n >= 4 and k not in judged)
        cv = self.scores(self.cross_validated)
        tr = self.scores(self.training)
        n = cv.cases

        def share(part: int) -> str:
            return f"{part}/{n} ({part / n:.0%})" if n else "-"

        lines = [
            f"{len(fitted)} fitted parameters on {n} decisions. Cross-validation: "
            f"{settings['cv_folds']} folds, each person's decisions in one fold, stratified "
            f"by kind of source, {settings['cv_repeats']} seeded repeats.",
            "",
            "| forecast | same outcome (of three) | deleted or kept | Brier | log-loss |",
            "|---|---|---|---|---|",
            f"| **model, cross-validated** (the figure to believe) | **{share(cv.agreements)}** "
            f"| **{share(cv.deletion_agreements)}** | **{cv.brier:.3f}** | "
            f"**{cv.log_loss:.3f}** |",
            f"| model, fitted on these same decisions | {share(tr.agreements)} | "
            f"{share(tr.deletion_agreements)} | {tr.brier:.3f} | {tr.log_loss:.3f} |",
            f"| the CCF's 2021 shares for every case (base rate) | {share(cv.always_deleted)} | "
            f"{share(cv.always_deleted)} | {cv.base_brier:.3f} | {cv.base_log_loss:.3f} |",
            f'| always "deleted" | {share(cv.always_deleted)} | {share(cv.always_deleted)} | '
            f"{cv.always_deleted_brier:.3f} | {cv.always_deleted_log_loss:.3f} |",
            "",
        ]
        for tier in TIERS:
            t = self.scores(self.cross_validated, tier)
            if t.cases:
                lines.append(
                    f"* Called **{tier}** (cross-validated): right {t.agreements} of {t.cases} "
                    f"({t.agreements / t.cases:.0%})."
                )
        lines += [
            "",
            "| model's chance of deletion | decisions | on average it said | the CCF deleted |",
            "|---|---|---|---|",
        ]
        for row in self.reliability(self.cross_validated):
            if row["cases"]:
                lines.append(
                    f"| {row['from']:.0%}-{row['to']:.0%} | {row['cases']} | "
                    f"{row['mean_forecast']:.0%} | {row['share_deleted']:.0%} |"
                )
        parted = self.disagreements()
        lines += [
            "",
            f"**Where the cross-validated model and the CCF part ways ({len(parted)}):**",
            "",
        ]
        for row in parted:
            p = row["likelihood"][row["model_outcome"]]
            lines.append(
                f"* {row['decision_id']} ({row['source']}): the CCF "
                f"{OUTCOME_RESULTS[row['ccf_outcome']]}, the model said "
                f"{OUTCOME_RESULTS[row['model_outcome']]} ({p:.0%}); it weighed "
                f"{row['what_the_model_weighed']}."
            )
        return "\n".join(lines)

    def to_text(self) -> str:
        settings = _settings()
        judged = {str(n) for n in settings["set_by_judgement"]}
        fitted = sorted(k for k, n in (self.fitted or {}).items() if n >= 4 and k not in judged)
        lines = [
            "Calibration of the decision model against the CCF's decisions",
            "",
            "Brier score: the mean squared distance between the model's three likelihoods and",
            "what the CCF decided (0 is perfect; lower is better); log-loss: minus the log of",
            "the likelihood given to what happened. The base-rate forecast gives every case",
            "the CCF's 2021 shares: "
            + ", ".join(
                f"{OUTCOME_RESULTS[o]} {p:.0%}"
                for o, p in zip(OUTCOMES, base_rate_forecast(), strict=True)
            )
            + "; 'always deleted' answers deleted every time.",
            f"Fitted parameters: {len(fitted)} ({', '.join(fitted) or 'none'}) on "
            f"{len(self.training)} decisions.",
        ]
        for title, forecasts in (
            ("Training (the weights shipped, fitted on these same decisions)", self.training),
            (
                f"Cross-validated ({settings['cv_folds']} folds grouped by person, stratified "
                f"by kind of source, {settings['cv_repeats']} seeded repeats, forecasts "
                "averaged) - the figure to believe",
                self.cross_validated,
            ),
        ):
            lines += ["", title]
            lines.append(
                f"    {'tier':<12}{'cases':>6}  {'same outcome':>14}  {'deleted/kept':>14}  "
                f"{'always del.':>12}  {'Brier':>6}  {'base':>6}  {'log-loss':>8}  {'base':>6}"
            )
            rows = [(tier or "all", self.scores(forecasts, tier)) for tier in (None, *TIERS)]
            rows += [(f"read {t}", self.scores(forecasts, read=t)) for t in TIERS]
            for name, s in rows:
                if not s.cases:
                    lines.append(f"    {name:<12}{0:>6}  {'-':>14}")
                    continue
                lines.append(
                    f"    {name:<12}{s.cases:>6}  "
                    f"{_ratio(s.agreements, s.cases):>14}  "
                    f"{_ratio(s.deletion_agreements, s.cases):>14}  "
                    f"{_ratio(s.always_deleted, s.cases):>12}  "
                    f"{s.brier:>6.3f}  {s.base_brier:>6.3f}  {s.log_loss:>8.3f}  "
                    f"{s.base_log_loss:>6.3f}"
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
        runs = self.repeat_agreements()
        if runs:
            lines += [
                "",
                f"Agreement in each repeat: lowest {min(runs)}, highest {max(runs)} of "
                f"{len(self.training)}.",
            ]
        lines += ["", "Where the cross-validated model and the CCF part ways:"]
        for row in self.disagreements():
            p = row["likelihood"]
            lines.append(
                f"    {row['decision_id']:<26} CCF {OUTCOME_RESULTS[row['ccf_outcome']]}, model "
                f"{OUTCOME_RESULTS[row['model_outcome']]} ({p[row['model_outcome']]:.0%}): "
                f"{row['what_the_model_weighed']}"
            )
        lines += ["", "Fitted weights: lowest and highest value across the cross-validation refits"]
        for name, (low, high) in self.weight_ranges.items():
            lines.append(f"    {name:<20} {low:7.2f} to {high:7.2f}")
        lines += [
            "",
            "Tiers high, medium, low are the model's own confidence; 'read high/medium/low' are",
            "the decisions by how much of their reasoning was read when encoding them",
            "(expected.csv; 'read low' means only the published tags).",
            "Decisions outside the repository did worse before this model: 38 of 56 (68 %)",
            "against 42 (75 %) for always 'deleted' (issue 19).",
            "Educational model, not legal advice.",
        ]
        return "\n".join(lines)


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})"


def calibration_report(
    directory: str | os.PathLike[str], expected_csv: str | os.PathLike[str]
) -> CalibrationReport:
    """Training and cross-validated figures on the decisions in ``expected_csv``."""
    cases = case_features(directory, expected_csv)
    cross = cross_validate(cases)
    trained = fit(cases)
    return CalibrationReport(
        training=training_forecasts(cases),
        cross_validated=cross.forecasts,
        weight_ranges=cross.ranges,
        repeats=cross.repeats,
        fitted=trained.decisions,
    )
