"""The words each output vocabulary is shown in: display words, for the renderers.

The law layer (:mod:`diffusion_scenarios._law.vocab`) keeps the ids and the vocabularies;
how an id reads in a report is presentation and lives here, above the engine. Renderers
write in different registers (a memo's headline, a terminal line, a chart legend, a choice
in an exercise); each register is one table here, named by where it is used, so a wording is
changed in one place and never drifts between two copies.

The words the engine writes into its own sentences (part of the JSON) are the engine's
(:mod:`diffusion_scenarios._engine.words`); they are re-exported here so that a renderer
finds every display word in one module.
"""

from __future__ import annotations

from diffusion_scenarios._engine.words import (
    HUMAN_RIGHTS_CONCERN_WORDS,
    KIND_WORDS,
    OUTCOME_LIKELY_WORDS,
    OUTCOME_RESULTS,
)
from diffusion_scenarios._law.outcomes import words_in

__all__ = [
    "BASIS_CELLS",
    "BASIS_NOTES",
    "BASIS_WORDS",
    "CONFIDENCE_WORDS",
    "HUMAN_RIGHTS_CONCERN_WORDS",
    "KIND_WORDS",
    "OUTCOME_BADGES",
    "OUTCOME_BRACKETED",
    "OUTCOME_CHOICES",
    "OUTCOME_DECIDED",
    "OUTCOME_HEADLINES",
    "OUTCOME_INDEX_LABELS",
    "OUTCOME_LIKELY_WORDS",
    "OUTCOME_PREDICTED",
    "OUTCOME_RESULTS",
    "OUTCOME_SENTENCES",
    "RISK_PHRASES",
    "RISK_WORDS",
    "SCREENING_SHORT_WORDS",
    "SCREENING_WORDS",
    "VERIFICATION_WORDS",
]

#: How the request was screened, one entry per screening id: (as a memo states it, in
#: Markdown, HTML and Word; in the shorter words of the plain-text report).
_SCREENINGS: dict[str, tuple[str, str]] = {
    "published": (
        "reviewed by the General Secretariat before publication and published",
        "reviewed before publication and published",
    ),
    "refused": (
        "refused at the General Secretariat's review before publication",
        "would be refused at the review before publication",
    ),
    "not_screened": (
        "sent directly by the national central bureau, without prior review",
        "not screened before it circulated",
    ),
    "pre_screened_reported": (
        "checked by the General Secretariat before it went out, as "
        "reported (a special measure for this sending bureau)",
        "checked before it circulated, as reported",
    ),
}
SCREENING_WORDS: dict[str, str] = {k: memo for k, (memo, _) in _SCREENINGS.items()}
SCREENING_SHORT_WORDS: dict[str, str] = {k: short for k, (_, short) in _SCREENINGS.items()}

# --- The outcomes: each declared once, with its words in every register, in
# data/rules/outcomes.yaml (``_law.outcomes``); each table below is one register of it.

#: The likely outcome as a memo's headline (Markdown, HTML, Word); ``not_predicted`` is the
#: key of an assessment with nothing on file (``Outcome.prediction_key``).
OUTCOME_HEADLINES: dict[str, str] = {
    **words_in("headline"),
    "not_predicted": "No prediction: nothing is on file on the day assessed",
}
#: The likely outcome in the plain-text report ("On a request for deletion: ...").
OUTCOME_SENTENCES: dict[str, str] = {
    **words_in("sentence"),
    "not_predicted": "no prediction, as nothing is on file on the day assessed",
}
#: The likely outcome on the explorer's badge and in its hinges.
OUTCOME_BADGES: dict[str, str] = {
    **words_in("badge"),
    "not_predicted": "no prediction: nothing on file on the day assessed",
}
#: An outcome with its effect in brackets, inside a sentence of the Word memo
#: ("Not compliant (deleted): about 70%").
OUTCOME_BRACKETED: dict[str, str] = words_in("bracketed")
#: What each CCF decision means, as a choice in an exercise (``exercises.OUTCOME_LABELS``).
OUTCOME_CHOICES: dict[str, str] = words_in("choice")
#: What the CCF did, after "the CCF ..." (the case-law discussion).
OUTCOME_DECIDED: dict[str, str] = words_in("decided")
#: What the model predicts, after "the model predicts ..." (the case-law discussion).
OUTCOME_PREDICTED: dict[str, str] = words_in("predicted")
#: A decision's outcome in the case-law index and its chart legend; ``unknown`` is a
#: decision whose outcome the source does not show.
OUTCOME_INDEX_LABELS: dict[str, str] = {
    **words_in("index_label"),
    "unknown": "outcome not shown in source",
}

#: How sure the decision model is (``Outcome.confidence``), spelt out in every report.
CONFIDENCE_WORDS: dict[str, str] = {
    "high": "high: the facts that matter are known and the answer is clear",
    "medium": "medium: the answer leans one way but could go the other",
    "low": "low: few of the facts that matter are known, or the answer is close",
}

#: Each arrest risk: (in a memo's table cell, in Markdown, HTML and Word; as a phrase of its
#: own, in chart labels and legends of the figures and the explorer).
_RISKS: dict[str, tuple[str, str]] = {
    "high": ("high", "high arrest risk"),
    "medium": ("medium", "medium arrest risk"),
    "low": ("low", "low arrest risk"),
    "none": ("none expected", "no arrest expected"),
}
RISK_WORDS: dict[str, str] = {risk: cell for risk, (cell, _) in _RISKS.items()}
RISK_PHRASES: dict[str, str] = {risk: phrase for risk, (_, phrase) in _RISKS.items()}

#: What a verification status means, spelt out for the explorer's list of rules.
VERIFICATION_WORDS: dict[str, str] = {
    "primary": "primary: read in an official INTERPOL text",
    "secondary": "secondary: reported by secondary sources, official wording not seen",
    "unverified": "UNVERIFIED: no source found; check the official text before relying on it",
}

#: What an arrest risk rests on (``EnforcementEntry.basis``), one entry per basis: (in a
#: memo's confidence cell, ``"high (own finding)"``, Markdown and HTML; spelt out after the
#: confidence in the Word memo, "medium (a presumption ...)"; before the confidence in the
#: explorer, "presumed, confidence medium").
_BASES: dict[str, tuple[str, str, str]] = {
    "own_finding": (
        "{} (own finding)",
        "the country's own practice, from a source",
        "own finding, confidence",
    ),
    "regional_presumption": (
        "{} (presumed)",
        "a presumption about its region",
        "presumed, confidence",
    ),
    "default": ("{} (no finding)", "no finding: the model's default", "no finding, confidence"),
}
BASIS_CELLS: dict[str, str] = {basis: cell for basis, (cell, _, _) in _BASES.items()}
BASIS_WORDS: dict[str, str] = {basis: words for basis, (_, words, _) in _BASES.items()}
BASIS_NOTES: dict[str, str] = {basis: note for basis, (_, _, note) in _BASES.items()}
