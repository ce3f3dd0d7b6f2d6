"""The model beside the CCF: comparing predictions with real decisions, and calibration.

:func:`compare` assesses scenario files that encode real decisions (named in an
expected-outcomes CSV, read by ``_facts/expected.py``) and sets the model's answer beside
the CCF's: the three-way outcome, deleted-or-kept, and how many of the grounds the CCF
relied on the model also lists. :func:`calibration` runs the decision model's fit and
cross-validation (``_engine/calibration.py``) on the same decisions. The Markdown and the
chart written from both are here too. The public names are re-exported by
:mod:`diffusion_scenarios.caselaw`.
"""

from __future__ import annotations

import json
import os
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._caselaw.browser import markdown_cell
from diffusion_scenarios._facts.expected import (
    SCENARIO_SUFFIXES,
    ExpectedDecision,
    read_expected,
)
from diffusion_scenarios._law.vocab import CCF_OUTCOMES, STRENGTHS
from diffusion_scenarios._render.wording import OUTCOME_DECIDED, OUTCOME_PREDICTED, OUTCOME_RESULTS
from diffusion_scenarios.errors import CaseLawError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Comparison",
    "ComparisonRow",
    "calibration",
    "calibration_markdown",
    "compare",
    "compare_builtin",
    "comparison_markdown",
    "discussion_markdown",
    "plot_calibration",
]

_AT_LEAST_ARGUABLE = frozenset(STRENGTHS[:2])  # strong, arguable
_KEPT = frozenset({"compliant", "compliant_with_update"})


@dataclass(frozen=True, slots=True, kw_only=True)
class ComparisonRow:
    """The model's answer beside the CCF's for one encoded case."""

    file: str
    scenario_id: str
    decision_id: str
    ccf_outcome: str
    model_outcome: str
    ccf_grounds: tuple[str, ...]
    #: every ground the model lists, as (id, strength)
    model_grounds: tuple[tuple[str, str], ...]
    #: the model's likelihood of each outcome, as (outcome, probability)
    likelihood: tuple[tuple[str, float], ...] = ()
    #: the model's confidence: low | medium | high
    confidence: str | None = None
    source_url: str = ""
    #: how much of the decision's reasoning was read when encoding it (expected.csv)
    encoding_confidence: str = ""

    @property
    def outcome_agrees(self) -> bool:
        """The model predicts exactly the CCF's outcome."""
        return self.ccf_outcome == self.model_outcome

    @property
    def ccf_deleted(self) -> bool:
        """The CCF had the data deleted (``not_compliant``)."""
        return self.ccf_outcome not in _KEPT

    @property
    def model_deleted(self) -> bool:
        """The model predicts deletion."""
        return self.model_outcome not in _KEPT

    @property
    def deletion_agrees(self) -> bool:
        """Model and CCF agree on deleted versus kept (with or without an update)."""
        return self.ccf_deleted == self.model_deleted

    @property
    def grounds_found(self) -> tuple[str, ...]:
        """The CCF's grounds that the model lists at least as ``arguable``."""
        listed = {g for g, s in self.model_grounds if s in _AT_LEAST_ARGUABLE}
        return tuple(g for g in self.ccf_grounds if g in listed)

    @property
    def grounds_missed(self) -> tuple[str, ...]:
        """The CCF's grounds that the model does not list, or lists only as ``weak``."""
        found = set(self.grounds_found)
        return tuple(g for g in self.ccf_grounds if g not in found)

    @property
    def grounds_recall(self) -> float | None:
        """Share of the CCF's grounds found; ``None`` when the CCF's grounds are not known."""
        if not self.ccf_grounds:
            return None
        return len(self.grounds_found) / len(self.ccf_grounds)

    def to_dict(self) -> dict[str, Any]:
        """This row as JSON-ready values."""
        return {
            "file": self.file,
            "scenario_id": self.scenario_id,
            "decision_id": self.decision_id,
            "ccf_outcome": self.ccf_outcome,
            "model_outcome": self.model_outcome,
            "outcome_agrees": self.outcome_agrees,
            "ccf_deleted": self.ccf_deleted,
            "model_deleted": self.model_deleted,
            "deletion_agrees": self.deletion_agrees,
            "ccf_grounds": list(self.ccf_grounds),
            "grounds_found": list(self.grounds_found),
            "grounds_missed": list(self.grounds_missed),
            "grounds_recall": self.grounds_recall,
            "model_grounds": [{"id": g, "strength": s} for g, s in self.model_grounds],
            "likelihood": dict(self.likelihood) if self.likelihood else None,
            "confidence": self.confidence,
        }


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison:
    """How the model's predictions compare with the CCF's decisions on encoded cases.

    Attributes:
        directory: the folder of scenario files.
        expected_csv: the expected-outcomes file.
        rows: one :class:`ComparisonRow` per case named in the CSV that has a file.
        files_not_in_csv: scenario files in the folder that the CSV does not name.
        rows_without_file: file names in the CSV with no such file in the folder.
    """

    directory: str
    expected_csv: str
    rows: tuple[ComparisonRow, ...]
    files_not_in_csv: tuple[str, ...] = ()
    rows_without_file: tuple[str, ...] = ()

    @property
    def cases(self) -> int:
        """Number of cases compared."""
        return len(self.rows)

    @property
    def outcome_agreements(self) -> int:
        """Cases where the model predicts the CCF's exact outcome (of three)."""
        return sum(r.outcome_agrees for r in self.rows)

    @property
    def deletion_agreements(self) -> int:
        """Cases where the model agrees on deleted versus kept."""
        return sum(r.deletion_agrees for r in self.rows)

    @property
    def ccf_grounds_total(self) -> int:
        """All grounds the CCF relied on, over every case."""
        return sum(len(r.ccf_grounds) for r in self.rows)

    @property
    def ccf_grounds_found(self) -> int:
        """Of those, the grounds the model lists at least as ``arguable``."""
        return sum(len(r.grounds_found) for r in self.rows)

    @property
    def outcome_agreement(self) -> float | None:
        """Share of cases with the same three-way outcome (``None`` with no cases)."""
        return _share(self.outcome_agreements, self.cases)

    @property
    def deletion_agreement(self) -> float | None:
        """Share of cases with the same deleted-or-kept answer."""
        return _share(self.deletion_agreements, self.cases)

    @property
    def grounds_recall(self) -> float | None:
        """Share of all the CCF's grounds that the model lists at least as ``arguable``."""
        return _share(self.ccf_grounds_found, self.ccf_grounds_total)

    def to_frame(self) -> pd.DataFrame:
        """One row per case (indexed by file), for a notebook table.

        Example::

            >>> from diffusion_scenarios import caselaw
            >>> from diffusion_scenarios._law.data import data_file
            >>> folder = data_file("scenarios/expected.csv")
            >>> result = caselaw.compare(str(folder.parent), str(folder))
            >>> list(result.to_frame().columns)[:3]
            ['decision_id', 'ccf_outcome', 'model_outcome']
        """
        import pandas as pd

        records = []
        for row in self.rows:
            records.append(
                {
                    "file": row.file,
                    "decision_id": row.decision_id,
                    "ccf_outcome": row.ccf_outcome,
                    "model_outcome": row.model_outcome,
                    "outcome_agrees": row.outcome_agrees,
                    "deletion_agrees": row.deletion_agrees,
                    "ccf_grounds": "; ".join(row.ccf_grounds),
                    "grounds_found": "; ".join(row.grounds_found),
                    "grounds_missed": "; ".join(row.grounds_missed),
                    "grounds_recall": row.grounds_recall,
                }
            )
        columns = [
            "file",
            "decision_id",
            "ccf_outcome",
            "model_outcome",
            "outcome_agrees",
            "deletion_agrees",
            "ccf_grounds",
            "grounds_found",
            "grounds_missed",
            "grounds_recall",
        ]
        return pd.DataFrame.from_records(records, columns=columns).set_index("file")

    def to_dict(self) -> dict[str, Any]:
        """Cases and totals as JSON-ready values (what ``compare --format json`` prints)."""
        return {
            "directory": self.directory,
            "expected_csv": self.expected_csv,
            "cases": [row.to_dict() for row in self.rows],
            "totals": {
                "cases": self.cases,
                "outcome_agreements": self.outcome_agreements,
                "outcome_agreement": self.outcome_agreement,
                "deletion_agreements": self.deletion_agreements,
                "deletion_agreement": self.deletion_agreement,
                "ccf_grounds_total": self.ccf_grounds_total,
                "ccf_grounds_found": self.ccf_grounds_found,
                "grounds_recall": self.grounds_recall,
            },
            "files_not_in_csv": list(self.files_not_in_csv),
            "rows_without_file": list(self.rows_without_file),
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        """A plain-text report: case by case, then the totals and anything unmatched."""
        lines = [
            f"Model predictions against CCF decisions ({self.cases} case(s) from "
            f"{Path(self.expected_csv).name})",
            "",
        ]
        for row in self.rows:
            mark = "agrees" if row.outcome_agrees else "DISAGREES"
            lines.append(f"{row.file} (CCF decision {row.decision_id}): {mark}")
            lines.append(f"    CCF outcome:   {row.ccf_outcome}")
            lines.append(f"    model outcome: {row.model_outcome}")
            if not row.outcome_agrees:
                same = "same" if row.deletion_agrees else "different"
                lines.append(f"    deleted or kept: {same} answer")
            if row.ccf_grounds:
                lines.append(
                    f"    CCF grounds found by the model: {len(row.grounds_found)} of "
                    f"{len(row.ccf_grounds)}"
                    + (f" (missed: {', '.join(row.grounds_missed)})" if row.grounds_missed else "")
                )
            else:
                lines.append("    CCF grounds: not known")
        lines += [
            "",
            "Totals",
            f"    same outcome (of three):  {self.outcome_agreements} of {self.cases} "
            f"({_percent(self.outcome_agreement)})",
            f"    same deleted-or-kept:     {self.deletion_agreements} of {self.cases} "
            f"({_percent(self.deletion_agreement)})",
            f"    CCF grounds recalled:     {self.ccf_grounds_found} of {self.ccf_grounds_total} "
            f"({_percent(self.grounds_recall)}; a ground counts when the model lists it "
            "at least as arguable)",
        ]
        if self.rows_without_file:
            lines += textwrap.wrap(
                f"Named in the CSV but missing from {self.directory}: "
                + ", ".join(self.rows_without_file),
                100,
                subsequent_indent="    ",
                break_on_hyphens=False,
            )
        if self.files_not_in_csv:
            lines += textwrap.wrap(
                "Scenario files not in the CSV (not compared): " + ", ".join(self.files_not_in_csv),
                100,
                subsequent_indent="    ",
                break_on_hyphens=False,
            )
        lines += ["", "Educational model, not legal advice."]
        return "\n".join(lines)


def compare(directory: str | os.PathLike[str], expected_csv: str | os.PathLike[str]) -> Comparison:
    """Assess each scenario file named in ``expected_csv`` and compare with the CCF.

    Every scenario file (``.yaml``, ``.yml``, ``.json``) in ``directory`` that the CSV
    names is loaded and assessed on its own ``as_of`` date; files the CSV does not name
    and CSV rows without a file are reported, not compared. Three measures are given:
    exact agreement on the three-way outcome, agreement on deleted (``not_compliant``)
    versus kept, and recall of the CCF's grounds (share of them the model lists at least
    as ``arguable``).

    Args:
        directory: the folder of scenario files.
        expected_csv: the CSV of the CCF's outcomes (format of ``data/scenarios/expected.csv``).

    Raises:
        CaseLawError: the folder or the CSV cannot be used (see :func:`read_expected`).
        ScenarioError: named scenario files are invalid (every problem of every file).

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> from diffusion_scenarios._law.data import data_file
        >>> expected = data_file("scenarios/expected.csv")
        >>> result = caselaw.compare(str(expected.parent), str(expected))
        >>> result.cases == len(caselaw.read_expected(str(expected)))
        True
    """
    folder = Path(directory)
    if not folder.exists():
        raise CaseLawError(f"{folder}: no such folder of scenario files")
    if not folder.is_dir():
        raise CaseLawError(f"{folder}: is not a folder, expected a folder of scenario files")
    expected = read_expected(expected_csv)
    from diffusion_scenarios._engine.pipeline import (
        assess,  # imported late: the checks above need no engine
    )
    from diffusion_scenarios._facts.loader import load_scenario
    from diffusion_scenarios._facts.scenario import Scenario
    from diffusion_scenarios.errors import Problem, ScenarioError

    # Anything but a folder counts, so that a pipe or a broken link named case.yaml is
    # reported by the loader rather than silently left out.
    present = sorted(
        p.name for p in folder.iterdir() if not p.is_dir() and p.suffix.lower() in SCENARIO_SUFFIXES
    )
    named = {row.file for row in expected}
    scenarios: list[tuple[ExpectedDecision, Scenario]] = []
    problems: list[Problem] = []
    for entry in expected:  # read every file first: report all bad files at once
        if entry.file not in present:
            continue
        try:
            scenarios.append((entry, load_scenario(folder / entry.file)))
        except ScenarioError as error:
            problems.extend(error.problems)
    if problems:
        raise ScenarioError(problems)
    rows: list[ComparisonRow] = []
    for entry, scenario in scenarios:
        assessment = assess(scenario)
        rows.append(
            ComparisonRow(
                file=entry.file,
                scenario_id=scenario.id,
                decision_id=entry.decision_id,
                ccf_outcome=entry.ccf_outcome,
                model_outcome=assessment.outcome.prediction or "not_predicted",
                ccf_grounds=entry.ccf_grounds,
                model_grounds=tuple((g.id, g.strength) for g in assessment.grounds),
                likelihood=tuple(getattr(assessment.outcome, "likelihood", ())),
                confidence=getattr(assessment.outcome, "confidence", None),
                source_url=entry.source_url,
                encoding_confidence=entry.confidence,
            )
        )
    return Comparison(
        directory=str(folder),
        expected_csv=str(expected_csv),
        rows=tuple(rows),
        files_not_in_csv=tuple(name for name in present if name not in named),
        rows_without_file=tuple(e.file for e in expected if e.file not in present),
    )


def compare_builtin() -> Comparison:
    """The model against the CCF on the decisions encoded in the package's own scenarios.

    The same as :func:`compare` on the shipped ``data/scenarios`` folder with its
    ``expected.csv``, so a notebook needs no file paths.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> result = caselaw.compare_builtin()
        >>> result.cases >= 7
        True
    """
    from diffusion_scenarios._law.data import data_file

    # Installed packages are plain folders, so the resource is a real file path.
    expected = Path(str(data_file("scenarios/expected.csv")))
    return compare(expected.parent, expected)


def calibration(
    directory: str | os.PathLike[str] | None = None,
    expected_csv: str | os.PathLike[str] | None = None,
) -> Any:
    """How well the model's likelihoods match the CCF's decisions, trained and cross-validated.

    The training figures use the weights shipped in ``data/rules/outcome.yaml`` (fitted on
    these same decisions, so they flatter the model); the cross-validated ones refit every
    fitted weight without a fold of decisions and predict that fold (each person's decisions
    kept in one fold, folds stratified by kind of source, repeated with a fixed seed): that
    is the figure to believe. Both give agreement (three-way and deleted-or-kept), the Brier score
    against the CCF's 2021 base-rate forecast and a reliability table, by confidence tier.

    Args:
        directory, expected_csv: a folder of scenario files and its expected-outcomes CSV;
            ``None`` uses the CCF decisions shipped with the package.

    Returns:
        A report with ``to_text()``, ``to_dict()``, ``training`` and ``cross_validated``.

    Example::

        >>> from diffusion_scenarios import caselaw
        >>> report = caselaw.calibration()
        >>> report.scores(report.cross_validated).cases == len(caselaw.expected_outcomes())
        True
    """
    from diffusion_scenarios._engine.calibration import calibration_report
    from diffusion_scenarios._law.data import data_file

    if expected_csv is None:
        expected_csv = Path(str(data_file("scenarios/expected.csv")))
    if directory is None:
        directory = Path(expected_csv).parent
    folder = Path(directory)
    if not folder.is_dir():
        raise CaseLawError(f"{folder}: no such folder of scenario files")
    return calibration_report(folder, expected_csv)


def discussion_markdown(result: Comparison, report: Any = None) -> str:
    """Where the model and the CCF part ways, decision by decision, written from the results.

    One bullet per decision where the model's outcome differs from the CCF's (on the
    weights shipped, or when its fold is left out of the fit): what each decided, the
    model's chance of deletion when left out, the grounds the model weighed, the CCF's
    grounds it did not find, and whether the facts are thin. Generated, so it never drifts
    from the output it describes.
    """
    cross = {}
    if report is not None:
        cross = {f.case.file: f for f in report.cross_validated}
    lines: list[str] = []
    for row in result.rows:
        left_out = cross.get(row.file)
        cv_differs = left_out is not None and left_out.prediction != row.ccf_outcome
        if row.outcome_agrees and not cv_differs:
            continue
        link = f"[{row.decision_id}]({row.source_url})" if row.source_url else row.decision_id
        text = f"* **{link}**: the CCF {OUTCOME_DECIDED[row.ccf_outcome]}; "
        if row.outcome_agrees:
            text += "the model, fitted on all the decisions, agrees"
        else:
            text += f"the model predicts {OUTCOME_PREDICTED.get(row.model_outcome, 'nothing')}"
        if left_out is not None:
            p = dict(zip(CCF_OUTCOMES, left_out.likelihood, strict=True))["not_compliant"]
            text += (
                f"; left out of the fit, it predicts {OUTCOME_PREDICTED[left_out.prediction]} "
                f"(chance of deletion {_chance(p)})"
            )
        text += "."
        weighed = [g for g, strength in row.model_grounds if strength != "weak"]
        named = ", ".join(f"`{g}`" for g in weighed)
        if not row.model_deleted and row.ccf_deleted:
            found = named or "no ground at least arguable"
            text += f" The model finds {found}, not enough on these facts to tip it."
        elif row.model_deleted and not row.ccf_deleted:
            text += f" The model deletes on {named}; the CCF was satisfied that the data comply."
        elif row.model_deleted != (left_out is not None and left_out.prediction == "not_compliant"):
            text += f" What the model weighs: {named or 'no ground at least arguable'}."
        if not row.outcome_agrees and row.model_deleted == row.ccf_deleted:
            text += (
                " On the weights shipped both keep the data; they differ on whether the record "
                "needs an update."
            )
        if row.grounds_missed:
            missed = ", ".join(f"`{g}`" for g in row.grounds_missed)
            text += f" The CCF relied on {missed}, which the model does not find."
        extra = [g for g in weighed if g not in row.ccf_grounds]
        if extra and not (row.model_deleted and not row.ccf_deleted):
            text += (
                " The model also weighs "
                + ", ".join(f"`{g}`" for g in extra)
                + ", which the CCF did not rely on."
            )
        if row.encoding_confidence == "low":
            text += " Only the published tags of this decision were read, so the facts are thin."
        lines.append(text)
    if not lines:
        return "The model reaches the CCF's outcome on every decision."
    return "\n".join(lines)


def _chance(p: float) -> str:
    if p > 0.99:
        return "over 99%"
    if p < 0.01:
        return "under 1%"
    return f"{p:.0%}"


def comparison_markdown(result: Comparison) -> str:
    """A Markdown table of the model beside the CCF, one linked row per decision.

    Columns: decision (a link to its source), what the CCF decided, what the model
    predicts, the model's likelihood of deletion, its confidence, and whether the two
    agree, all in words.
    """
    lines = [
        "| Decision | CCF | Model | Chance of deletion | Model's confidence | Same outcome |",
        "|---|---|---|---|---|---|",
    ]
    for row in result.rows:
        name = markdown_cell(row.decision_id)
        link = f"[{name}]({row.source_url})" if row.source_url else name
        p = dict(row.likelihood).get("not_compliant")
        chance = "-" if p is None else _chance(p)
        same = (
            "yes"
            if row.outcome_agrees
            else ("no, but same deleted-or-kept" if row.deletion_agrees else "no")
        )
        lines.append(
            f"| {link} | {OUTCOME_RESULTS.get(row.ccf_outcome, row.ccf_outcome)} | "
            f"{OUTCOME_RESULTS.get(row.model_outcome, 'not predicted')} | {chance} | "
            f"{row.confidence or '-'} | {same} |"
        )
    return "\n".join(lines)


def calibration_markdown(report: Any) -> str:
    """The headline figures of :func:`calibration` as one short Markdown paragraph."""
    trained = report.scores(report.training)
    cross = report.scores(report.cross_validated)

    def share(part: int, whole: int) -> str:
        return f"{part} of {whole} ({part / whole:.0%})"

    return (
        f"With the weights shipped (fitted on these same {trained.cases} decisions) the model "
        f"reaches the CCF's outcome in {share(trained.agreements, trained.cases)} and "
        f"agrees on deleted or kept in {share(trained.deletion_agreements, trained.cases)}; "
        f"its Brier score is {trained.brier:.3f}, against {trained.base_brier:.3f} for the "
        f"CCF's base-rate forecast (lower is better). **Cross-validated**, each person's "
        f"decisions left out of the fit together, "
        f"the figure to believe, it reaches the CCF's outcome in "
        f"{share(cross.agreements, cross.cases)} and agrees on deleted or kept in "
        f"{share(cross.deletion_agreements, cross.cases)}, with a Brier score of "
        f"{cross.brier:.3f} against {cross.base_brier:.3f}."
    )


def plot_calibration(report: Any, *, ax: Any = None) -> Any:
    """A reliability chart: the model's chance of deletion against how often the CCF deleted.

    Each point is a band of forecasts (0-20 %, 20-40 %, ...), placed at the mean chance the
    model gave and the share of those decisions the CCF deleted, its size the number of
    decisions; training (filled circles) and cross-validated (open squares) side by side. A
    well-calibrated model sits on the diagonal. Colours are colour-blind safe and the two
    series also differ in marker shape.

    Returns:
        The matplotlib ``Figure``.
    """
    from diffusion_scenarios._render.figure import ShownFigure

    if ax is None:
        # Without pyplot: the figure shows itself once, as a picture, when a cell ends with it.
        figure = ShownFigure(figsize=(6, 5), layout="constrained")
        ax = figure.subplots()
    else:
        figure = ax.figure
    ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", label="perfect calibration")
    series = (
        ("fitted on all decisions", report.training, "#0072B2", "o", "full", (-14, 10)),
        (
            "cross-validated (each person's decisions left out)",
            report.cross_validated,
            "#D55E00",
            "s",
            "none",
            (6, -14),
        ),
    )
    for label, forecasts, colour, marker, fill, offset in series:
        rows = [r for r in report.reliability(forecasts) if r["cases"]]
        xs = [r["mean_forecast"] for r in rows]
        ys = [r["share_deleted"] for r in rows]
        ax.plot(xs, ys, color=colour, linewidth=1)
        ax.scatter(
            xs,
            ys,
            s=[40 + 25 * r["cases"] for r in rows],
            marker=marker,
            facecolors=colour if fill == "full" else "none",
            edgecolors=colour,
            label=label,
        )
        for x, y, r in zip(xs, ys, rows, strict=True):
            # Labels point inwards near an edge, so none sits on the chart's border.
            dx, dy = offset
            right = x > 0.8 or (x > 0.2 and dx < 0)
            top = y > 0.85
            bottom = y < 0.1
            dy = -abs(dy) if top else abs(dy) if bottom else dy
            ax.annotate(
                f"n={r['cases']}",
                (x, y),
                textcoords="offset points",
                xytext=(-abs(dx) - 4 if right else abs(dx) + 4, dy),
                ha="right" if right else "left",
                va="top" if dy < 0 else "bottom",
                fontsize=8,
                color=colour,
            )
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.05, 1.05)
    ax.xaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    ax.yaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    ax.set_xlabel("the model's chance of deletion (mean over a band of forecasts)")
    ax.set_ylabel("share of those decisions the CCF deleted")
    ax.set_title("Does the model's chance of deletion match the CCF?", loc="left")
    ax.legend(loc="upper left", frameon=False, fontsize=8)
    return figure
