"""Refit the decision model's fitted weights and write them into data/rules/outcome.yaml.

Deterministic: the same decisions and the same grounds engine give the same file. Run it
from the repository root after any change to the grounds engine or to the encoded
decisions::

    .venv/bin/python scripts/fit_outcome.py            # rewrite the fitted block
    .venv/bin/python scripts/fit_outcome.py --check    # exit 1 if the file is out of date

It fits on data/scenarios/expected.csv (the CCF decisions shipped with the package),
runs the grouped, stratified, repeated cross-validation (seeded: the same figures every
time), derives the "high" confidence threshold from it, prints the training and
cross-validated figures, and replaces only the block between the
"BEGIN FITTED" and "END FITTED" markers of outcome.yaml (written to a temporary file and
moved into place, so the file is never left half-written).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTCOME_YAML = ROOT / "data" / "rules" / "outcome.yaml"
SCENARIOS = ROOT / "data" / "scenarios"
BEGIN = "  # BEGIN FITTED"
#: Values derived rather than estimated (their "fitted" is false).
DERIVED = ("cleared", "high_confidence_at")
END = "  # END FITTED"


def _number(x: float) -> str:
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0.0" if text in ("-0", "0") else text


def fitted_block(
    values: dict[str, float],
    ranges: dict[str, tuple[float, float]],
    decisions: dict[str, int],
    cases: int,
) -> str:
    from diffusion_scenarios._engine.calibration import _terms

    terms = _terms()
    from diffusion_scenarios._engine.calibration import _settings

    judged = {str(n) for n in _settings()["set_by_judgement"]}
    fitted = [name for name, n in decisions.items() if n >= 4 and name not in judged]
    lines = [
        "  # BEGIN FITTED (written by scripts/fit_outcome.py; do not edit by hand)",
        "  - id: model-outcome-weights",
        "    instrument: Model assumption (fitted on the encoded CCF decisions)",
        "    provision: Weights of the decision model",
        "    brief: none (fitted on data/scenarios/expected.csv)",
        "    verification: unverified",
        "    url: https://europeancourt.org/en/documents/interpol/commission-control-files/decision-excerpts/",
        "    paraphrase: >-",
        "      Each weight is a CCF principle: a strong ground for deletion (a breach of",
        "      INTERPOL's rules found on the facts; Statute Art 38, RPD Arts 11, 34, 83); an",
        "      arguable one; a correction of the record keeping the data rather than deleting",
        "      them (Statute Art 39; RPD Arts 12 and 80(2); CCF 2023 Nos. 2 and 10) and its",
        "      weight towards 'kept with an update'; an earlier CCF decision on the same data",
        "      standing unless a new fact is shown (Statute Art 42). A weight is estimated by",
        f"      penalised maximum likelihood on the CCF decisions encoded in this package ({cases}",
        "      decisions) only when at least 4 of them show it (decisions: how many do), held",
        "      inside its range and drawn towards its judgement value (start); otherwise it",
        "      keeps that value. cleared is derived: with the NCB answering, one arguable",
        "      ground on a record and the conditions shown met, deletion is left at the chance",
        "      set in model-outcome-settings. high_confidence_at is derived from the",
        "      cross-validation (fitted: false, like every value not estimated): the",
        "      lowest top likelihood from which the cross-validated forecasts were right at",
        "      least 90 % of the time. cross_validated is the range each took across the",
        f"      refits. {len(fitted)} fitted parameters on {cases} decisions. They describe these",
        "      decisions, not a rule of the CCF.",
        "    versions:",
        "      # Fitted on decisions of 2016-2026 and applied, as an extrapolation, to any",
        "      # request the CCF could receive (from the RCI of 1 September 2004).",
        "      - in_force_from: 2004-09-01",
        f"        version: fitted on {cases} decisions",
        "        value:",
    ]
    for name, term in terms.items():
        low, high = ranges.get(name, (values[name], values[name]))
        lines.append(
            f"          {name}: {{value: {_number(values[name])}, start: {_number(term.start)}, "
            f"range: [{_number(term.low)}, {_number(term.high)}], fitted: "
            f"{'true' if name in fitted and name not in DERIVED else 'false'}, "
            f"decisions: {decisions.get(name, 0)}, "
            f"cross_validated: [{_number(low)}, {_number(high)}]}}"
        )
    lines.append("  # END FITTED")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the file is up to date")
    args = parser.parse_args()
    # The installed package is used (its data folder is mapped at install time, so the
    # checkout's src/ alone cannot be imported): install it editable while you change the
    # engine (pip install -e .), or reinstall before refitting.
    from diffusion_scenarios._engine.calibration import (
        CalibrationReport,
        case_features,
        cross_validate,
        fit,
        high_threshold,
        training_forecasts,
    )

    expected = SCENARIOS / "expected.csv"
    cases = case_features(SCENARIOS, expected)
    result = fit(cases)
    cross = cross_validate(cases)
    values = {**result.values, "high_confidence_at": high_threshold(cross.forecasts)}
    decisions = {**result.decisions, "high_confidence_at": len(cases)}
    ranges = dict(cross.ranges)
    text = OUTCOME_YAML.read_text(encoding="utf-8")
    start = text.index(BEGIN)
    stop = text.index(END)
    stop = text.index("\n", stop) + 1
    new = text[:start] + fitted_block(values, ranges, decisions, len(cases)) + text[stop:]
    from dataclasses import replace

    shipped = replace(result.weights, high_confidence_at=values["high_confidence_at"])
    # The cross-validated forecasts' confidence uses the threshold just derived.
    from diffusion_scenarios._engine.calibration import Forecast, confidence_of

    averaged = tuple(
        Forecast(
            case=f.case,
            likelihood=f.likelihood,
            confidence=confidence_of(f.case.features, max(f.likelihood), shipped),
        )
        for f in cross.forecasts
    )
    report = CalibrationReport(
        training=training_forecasts(cases, shipped),
        cross_validated=averaged,
        weight_ranges=ranges,
        repeats=cross.repeats,
        fitted=result.decisions,
    )
    print(report.to_text())
    if args.check:
        if new != text:
            print("outcome.yaml is out of date: run scripts/fit_outcome.py", file=sys.stderr)
            return 1
        return 0
    if new != text:
        handle, temporary = tempfile.mkstemp(dir=OUTCOME_YAML.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(new)
        Path(temporary).replace(OUTCOME_YAML)
        print(f"\nwrote {OUTCOME_YAML.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
