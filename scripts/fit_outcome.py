"""Refit the decision model's fitted weights and write them into data/rules/outcome.yaml.

Deterministic: the same decisions and the same grounds engine give the same file. Run it
from the repository root after any change to the grounds engine or to the encoded
decisions::

    .venv/bin/python scripts/fit_outcome.py            # rewrite the fitted block
    .venv/bin/python scripts/fit_outcome.py --check    # exit 1 if the file is out of date

It fits on data/scenarios/expected.csv (the CCF decisions shipped with the package),
prints the training and leave-one-out figures, and replaces only the block between the
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
END = "  # END FITTED"


def _number(x: float) -> str:
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0.0" if text in ("-0", "0") else text


def fitted_block(
    values: dict[str, float], ranges: dict[str, tuple[float, float]], cases: int
) -> str:
    from diffusion_scenarios._engine.calibration import _terms

    terms = _terms()
    lines = [
        "  # BEGIN FITTED (written by scripts/fit_outcome.py; do not edit by hand)",
        "  - id: model-outcome-weights",
        "    instrument: Model assumption (fitted on the encoded CCF decisions)",
        "    provision: Weights of the decision model",
        "    brief: none (fitted on data/scenarios/expected.csv)",
        "    verification: unverified",
        "    url: https://europeancourt.org/en/documents/interpol/commission-control-files/decision-excerpts/",
        "    paraphrase: >-",
        f"      Weights fitted on the CCF decisions encoded in this package ({cases}",
        "      decisions), by weighted maximum likelihood with each weight held inside its",
        "      range and drawn towards its starting value. They describe these decisions,",
        "      not a rule of the CCF.",
        "      ncb_answers is derived, not fitted: it leaves one arguable ground the chance of",
        "      deletion set in model-outcome-settings once the NCB has answered.",
        "      update_intercept is not fitted either: it is the CCF's 2021 share of updates",
        "      among the data it kept (ccf-outcome-base-rates).",
        "    versions:",
        "      # Fitted on decisions of 2017-2026 and applied, as an extrapolation, to any",
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
            f"{'true' if term.fitted else 'false'}, "
            f"leave_one_out: [{_number(low)}, {_number(high)}]}}"
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
        training_forecasts,
    )

    expected = SCENARIOS / "expected.csv"
    cases = case_features(SCENARIOS, expected)
    result = fit(cases)
    cross, ranges = cross_validate(cases)
    text = OUTCOME_YAML.read_text(encoding="utf-8")
    start = text.index(BEGIN)
    stop = text.index(END)
    stop = text.index("\n", stop) + 1
    new = text[:start] + fitted_block(result.values, ranges, len(cases)) + text[stop:]
    report = CalibrationReport(
        training=training_forecasts(cases, result.weights),
        cross_validated=cross,
        weight_ranges=ranges,
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
