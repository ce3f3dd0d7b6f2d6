"""Exercises for junior lawyers: read the facts, choose grounds, route and outcome, check.

Each :class:`Exercise` is a short set of facts. In a structured exercise the learner answers
three questions: which grounds for deletion apply, which steps of the CCF route the request
will go through, and the most likely CCF decision. :func:`check_answer` compares the answer
with what :func:`~diffusion_scenarios.assess` concludes on the same facts: it says first,
in plain words, what was right and what was missed, gives partial credit, and keeps the
rules (with their verification status) for a "why" part. The model is the answer key for
these, so an exercise always agrees with the explorer and the reports.

:func:`graded_exercises` adds harder cases and short memo tasks for graded work. Memos are
marked by the teacher with the rubrics kept in the repository's ``teacher/`` folder, which
is not part of the package. In the ``student`` mode (:func:`exercise_mode`) the exercise
cards record answers with :func:`save_answer` and show no feedback.

    >>> from diffusion_scenarios.exercises import exercises, check_answer
    >>> first = exercises()[0]
    >>> feedback = check_answer(first, grounds=[], route_steps=[], outcome="compliant")
    >>> isinstance(feedback.correct, bool), feedback.score <= feedback.max_score
    (True, True)

Educational model, not legal advice.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from diffusion_scenarios._engine.assessment import Assessment, Citation
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.vocab import GROUND_IDS, GROUND_SHORT_LABELS, PREDICTIONS
from diffusion_scenarios._render.wording import OUTCOME_CHOICES

__all__ = [
    "GROUND_LABELS",
    "MODES",
    "MODE_ENV",
    "OPTIONAL_STEPS",
    "OUTCOME_LABELS",
    "QUIZ_STEPS",
    "STEP_LABELS",
    "Answer",
    "AnswerSheet",
    "Exercise",
    "Feedback",
    "answers_path",
    "check_answer",
    "check_memo",
    "exercise",
    "exercise_mode",
    "exercises",
    "graded_exercises",
    "ground_label",
    "ground_options",
    "load_answers",
    "route_step_options",
    "save_answer",
    "score_answers",
    "step_label",
]

GROUND_LABELS: dict[str, str] = GROUND_SHORT_LABELS
"""A short label for each ground id (vocabulary G), for choosing in an exercise."""

OUTCOME_LABELS: dict[str, str] = OUTCOME_CHOICES
"""What each CCF decision means, in words."""

QUIZ_STEPS: tuple[str, ...] = (
    "provisional_measures",
    "gs_consultation",
    "access_decision_due",
    "deletion_decision_due",
    "decision_without_time_limit",
    "revision_window",
    "domestic_case_continues",
    "bilateral_extradition_possible",
)
"""The CCF route steps a learner is asked about: those that differ from case to case, and
the two that teach what a deletion does not end. Filing, admissibility, consultation of the
NCB and implementation happen on every route and are not asked."""

STEP_LABELS: dict[str, str] = {
    "provisional_measures": "Provisional measures (blocking the data meanwhile)",
    "gs_consultation": "Consultation of the General Secretariat",
    "access_decision_due": "Access decision within the statutory time limit",
    "deletion_decision_due": "Deletion decision within the statutory time limit",
    "decision_without_time_limit": "Decision with no statutory time limit (before 11 March 2017)",
    "revision_window": "Window to apply for revision",
    "domestic_case_continues": "The domestic case continues whatever the CCF decides",
    "bilateral_extradition_possible": "Bilateral extradition stays possible",
}
"""A readable label for each route step asked about."""

OPTIONAL_STEPS: frozenset[str] = frozenset(
    {"domestic_case_continues", "bilateral_extradition_possible"}
)
"""Route steps on every deletion route: they teach what a deletion does not end, so ticking
them or leaving them never changes the mark (issue 21, point 4)."""

# A ground the model rates "weak" is neither required nor counted as a mistake: the
# exercises ask for the grounds a lawyer would actually argue.
_EXPECTED_STRENGTHS = frozenset({"strong", "arguable"})

OUTCOME_POINTS = 2
"""Points for the likely decision in a structured exercise (see :func:`check_answer`)."""

MODE_ENV = "DIFFUSION_SCENARIOS_EXERCISE_MODE"
"""Environment variable choosing how exercise cards behave: ``self-study`` (the default; also
``teacher``): a Check button and feedback; ``student``: answers are saved to a file and no
feedback is shown."""

MODES: tuple[str, ...] = ("self-study", "student")
_MODE_ALIASES = {"self-study": "self-study", "teacher": "self-study", "student": "student"}


def exercise_mode(mode: str | None = None) -> str:
    """The mode of the exercise cards: ``mode`` if given, else :data:`MODE_ENV`, else
    ``"self-study"``. ``"teacher"`` is another name for ``"self-study"``.

    Raises:
        ValueError: the mode is not one of them (the message names where it came from).

    Example:
        >>> exercise_mode("teacher"), exercise_mode("student")
        ('self-study', 'student')
    """
    where = "mode"
    if mode is None:
        mode = os.environ.get(MODE_ENV) or "self-study"
        where = MODE_ENV
    key = mode.strip().lower()
    if key not in _MODE_ALIASES:
        raise ValueError(
            f"{where}: expected self-study, teacher or student, found {mode!r}"
        )
    return _MODE_ALIASES[key]


@dataclass(frozen=True, slots=True, kw_only=True)
class Exercise:
    """One exercise: the facts as told to the learner, and the scenario they encode.

    Attributes:
        id: a stable identifier (``"refugee-from-the-requesting-state"``).
        title: a one-line title.
        facts: the facts in prose, as a lawyer would hear them.
        scenario: the same facts as a :class:`~diffusion_scenarios.Scenario`.
        question: what the learner is asked to decide (for a memo, the task).
        kind: ``"assessment"`` (grounds, route and decision, marked by the model) or
            ``"memo"`` (a short text, marked by the teacher with a rubric).
        word_limit: for a memo, the most words asked for.
        checklist: for a memo, what any memo of its kind must do (general advice shown to
            the learner, not a model answer).
    """

    id: str
    title: str
    facts: str
    scenario: Scenario
    question: str = (
        "Which grounds for deletion would you argue, which steps of the CCF route will the "
        "request go through, and what will the CCF most likely decide?"
    )
    kind: str = "assessment"
    word_limit: int = 0
    checklist: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Feedback:
    """The result of checking an answer.

    Attributes:
        grounds_correct: the chosen grounds are exactly those the model finds at
            ``strong`` or ``arguable`` strength (a ``weak`` one neither counts nor costs).
        route_correct: the chosen route steps are the model's steps, leaving aside the
            optional ones (:data:`OPTIONAL_STEPS`).
        outcome_correct: the chosen outcome is the model's prediction.
        lines: what was right and what was missed, in plain words, one point per line.
        why: the reasons behind it: each rule with its instrument, provision and
            verification status, and the model's explanation.
        score: points earned (partial credit; see :func:`check_answer`).
        max_score: points available on this exercise.
    """

    grounds_correct: bool
    route_correct: bool
    outcome_correct: bool
    lines: tuple[str, ...]
    why: tuple[str, ...] = ()
    score: int = 0
    max_score: int = 0

    @property
    def correct(self) -> bool:
        """All three parts of the answer are right."""
        return self.grounds_correct and self.route_correct and self.outcome_correct

    @property
    def verdict(self) -> str:
        """One sentence: right on every part, partly right, or not right yet, with the score."""
        points = f"{self.score} of {self.max_score} points"
        if self.correct:
            return f"Right on every part asked ({points})."
        if self.score > 0:
            return f"Partly right ({points}): see what was right and what was missed."
        return f"Not right yet ({points}): see what was missed."

    def __str__(self) -> str:
        return "\n".join([self.verdict, *self.lines, "Why:", *self.why])

    def to_html(self) -> str:
        """The feedback for a widget: the verdict and the plain-words points first, the
        rules and citations behind a "Why" toggle."""
        items = "".join(f"<li>{escape(line)}</li>" for line in self.lines)
        reasons = "".join(f"<li>{escape(line)}</li>" for line in self.why)
        return (
            "<div role='status' style='line-height:1.45;font-size:13px'>"
            f"<strong>{escape(self.verdict)}</strong>"
            f"<ul style='margin:4px 0 4px 18px'>{items}</ul>"
            "<details><summary style='cursor:pointer'>Why: the rules and their "
            "verification status</summary>"
            f"<ul style='margin:4px 0 4px 18px'>{reasons}</ul></details></div>"
        )


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _cite(assessment: Assessment, rule_ids: Iterable[str]) -> str:
    cited: dict[str, Citation] = {c.id: c for c in assessment.citations}
    parts = []
    for rule_id in rule_ids:
        citation = cited.get(rule_id)
        if citation is None:
            parts.append(rule_id)
        elif citation.verification == "unverified":
            where = f"{citation.instrument}, {citation.provision}"
            parts.append(f"{rule_id} ({where}; UNVERIFIED, check the official text)")
        else:
            where = f"{citation.instrument}, {citation.provision}"
            parts.append(f"{rule_id} ({where}; {citation.verification})")
    return "; ".join(parts) if parts else "no rule cited"


def ground_label(ground: str) -> str:
    """A readable label for a ground id (``"private_dispute"`` → words)."""
    return GROUND_LABELS.get(ground) or ground.replace("_", " ").capitalize()


def ground_options() -> tuple[str, ...]:
    """The grounds a learner chooses from: every ground the model can find (vocabulary G).

    The feedback names only these, so every ground it mentions was on the learner's screen.

    Example:
        >>> "private_dispute" in ground_options()
        True
    """
    return GROUND_IDS


# Route steps that are not asked about, where the plain words of the id would read badly.
_OTHER_STEP_LABELS: dict[str, str] = {"ncb_consultation": "Consultation of the source NCB"}


def step_label(step: str) -> str:
    """A readable label for a route step id (``"provisional_measures"`` → words)."""
    return (
        STEP_LABELS.get(step)
        or _OTHER_STEP_LABELS.get(step)
        or step.replace("_", " ").capitalize()
    )


def check_answer(
    exercise: Exercise,
    *,
    grounds: Iterable[str],
    route_steps: Iterable[str],
    outcome: str | None,
) -> Feedback:
    """Compare a learner's answer with the model's assessment of the exercise's facts.

    Partial credit: :data:`OUTCOME_POINTS` for the decision; one point per ground the model
    finds at ``strong`` or ``arguable`` strength that was chosen, less one per chosen ground
    the facts do not support (a ``weak`` one neither earns nor costs; with nothing to argue,
    one point for choosing none); one point per route step of the case that was chosen,
    less one per chosen step that does not arise. Each part is never below zero. The
    optional steps (:data:`OPTIONAL_STEPS`) never change the mark.

    Args:
        exercise: the exercise answered.
        grounds: the ground ids chosen (vocabulary G).
        route_steps: the route step ids chosen, among :data:`QUIZ_STEPS`.
        outcome: ``not_compliant``, ``compliant_with_update`` or ``compliant``; ``None``
            when no decision was chosen (a saved answer not finished: no points for it).

    Returns:
        A :class:`Feedback`: what was right and what was missed in plain words, then the
        rules each point rests on with their verification status, and the score.

    Raises:
        ValueError: a ground id, route step or outcome word is not in its vocabulary.

    Example:
        >>> exercise = exercises()[0]
        >>> check_answer(exercise, grounds=["no_such_ground"], route_steps=[], outcome="x")
        Traceback (most recent call last):
        ...
        ValueError: grounds: unknown ground id 'no_such_ground'
    """
    chosen_grounds = set(grounds)
    chosen_steps = set(route_steps)
    for ground in sorted(chosen_grounds):
        if ground not in GROUND_IDS:
            raise ValueError(f"grounds: unknown ground id {ground!r}")
    for step in sorted(chosen_steps):
        if step not in QUIZ_STEPS:
            raise ValueError(
                f"route_steps: expected steps among {', '.join(QUIZ_STEPS)}, found {step!r}"
            )
    if outcome is not None and outcome not in PREDICTIONS:
        raise ValueError(f"outcome: expected one of {', '.join(PREDICTIONS)}, found {outcome!r}")
    assessment = _assessment(exercise)
    lines: list[str] = []
    why: list[str] = []

    # The decision first: it is what a client asks.
    prediction = assessment.outcome.prediction
    outcome_correct = outcome == prediction
    likely = OUTCOME_LABELS.get(prediction or "", "not predicted (nothing on file yet)")
    if outcome_correct:
        lines.append(f"Right: the likely decision is “{likely}”.")
    elif outcome is None:
        lines.append(f"Missed: no decision chosen; the likely decision is “{likely}”.")
    else:
        lines.append(
            f"Missed: the likely decision is “{likely}”; you chose "
            f"“{OUTCOME_LABELS[outcome]}”."
        )
    why.append(
        f"Likely decision: {assessment.outcome.explanation} "
        f"Rests on {_cite(assessment, assessment.outcome.citations)}."
    )

    expected = {g.id: g for g in assessment.grounds if g.strength in _EXPECTED_STRENGTHS}
    weak = {g.id: g for g in assessment.grounds if g.strength not in _EXPECTED_STRENGTHS}
    unsupported = chosen_grounds - set(expected) - set(weak)
    for gid in sorted(set(expected) & chosen_grounds):
        strength = expected[gid].strength
        lines.append(f"Right: {ground_label(gid)} is {_article(strength)} {strength} ground.")
    for gid in sorted(set(expected) - chosen_grounds):
        strength = expected[gid].strength
        lines.append(
            f"Missed: {ground_label(gid)}, {_article(strength)} {strength} ground on these facts."
        )
    for gid in sorted(chosen_grounds & set(weak)):
        lines.append(
            f"{ground_label(gid)} is at most weak on these facts: it neither earns nor costs "
            "a point."
        )
    for gid in sorted(unsupported):
        lines.append(
            f"Not on these facts: the model finds no {ground_label(gid).lower()} ground here; "
            "look again at what the facts say."
        )
    if not expected and not unsupported:
        lines.append("Right: there is no ground to argue on these facts.")
    for gid in sorted(set(expected) | (chosen_grounds & set(weak))):
        g = expected.get(gid) or weak[gid]
        reason = f" {g.reasons[0]}" if g.reasons else ""
        why.append(
            f"{ground_label(gid)} ({g.strength}):{reason} "
            f"Rests on {_cite(assessment, g.citations)}."
        )
    grounds_correct = set(expected) == (chosen_grounds - set(weak))
    if expected:
        ground_points = max(0, len(set(expected) & chosen_grounds) - len(unsupported))
        ground_max = len(expected)
    else:
        ground_points, ground_max = (0 if unsupported else 1), 1

    steps = {s.step: s for s in assessment.route if s.step in QUIZ_STEPS}
    required = set(steps) - OPTIONAL_STEPS
    asked = chosen_steps - OPTIONAL_STEPS
    for step in sorted(required - asked):
        lines.append(f"Missed route step: {step_label(step)}.")
    for step in sorted(asked - required):
        lines.append(f"Not on this route: {step_label(step)} does not arise on these facts.")
    route_correct = required == asked
    if route_correct:
        lines.append("Right: the route steps match.")
    for step in (s for s in QUIZ_STEPS if s in steps):
        optional = " (on every deletion route; optional, never costs a point)" * (
            step in OPTIONAL_STEPS
        )
        why.append(
            f"{step_label(step)}{optional}: {_cite(assessment, steps[step].citations)}."
        )
    route_points = max(0, len(required & asked) - len(asked - required))
    lines.append("Educational model, not legal advice.")
    return Feedback(
        grounds_correct=grounds_correct,
        route_correct=route_correct,
        outcome_correct=outcome_correct,
        lines=tuple(lines),
        why=tuple(why),
        score=OUTCOME_POINTS * outcome_correct + ground_points + route_points,
        max_score=OUTCOME_POINTS + ground_max + len(required),
    )


def check_memo(exercise: Exercise, text: str) -> tuple[str, ...]:
    """Self-study feedback on a memo: its length against the limit and the general checklist
    of a memo of its kind. A memo is marked by the teacher with a rubric; nothing here is a
    model answer.

    Example:
        >>> memo = next(e for e in graded_exercises() if e.kind == "memo")
        >>> check_memo(memo, "Too short.")[0].startswith("2 words")
        True
    """
    words = len(text.split())
    if exercise.kind != "memo":
        raise ValueError(f"{exercise.id}: not a memo task")
    if words == 0:
        length = "0 words: write your memo in the box first."
    elif words > exercise.word_limit:
        length = (
            f"{words} words, over the limit of {exercise.word_limit}: cut "
            f"{words - exercise.word_limit}."
        )
    else:
        length = f"{words} words (limit {exercise.word_limit})."
    return (length, "Before you hand it in, check that your memo:", *exercise.checklist)


def _assessment(exercise: Exercise) -> Assessment:
    from diffusion_scenarios._engine.pipeline import assess

    result: Assessment = assess(exercise.scenario)
    return result


# ------------------------------------------------------------------------- the exercises

_EXERCISES: tuple[tuple[str, str, str, dict[str, object]], ...] = (
    (
        "bounced-cheque-to-the-gulf",
        "A bounced cheque and a diffusion to the Gulf",
        "Ahmed, a Jordanian trader living in Amman, gave a supplier in Dubai a post-dated "
        "cheque for USD 4,000 that bounced when his business failed. He has since agreed a "
        "repayment plan with the supplier. Eight months later the United Arab Emirates NCB "
        "sent a wanted-person diffusion to the Middle East and North Africa region. The "
        "maximum penalty for the cheque offence is three years. Ahmed asks the CCF to "
        "delete the data in February 2025.",
        {
            "format": 1,
            "id": "exercise-bounced-cheque",
            "title": "A bounced cheque and a diffusion to the Gulf",
            "as_of": "2025-02-15",
            "person": {"nationalities": ["JO"], "residence": "JO"},
            "notice": {
                "kind": "diffusion",
                "purpose": "arrest",
                "requesting_country": "AE",
                "issued_on": "2024-06-03",
                "recipients": ["middle_east_north_africa"],
            },
            "case": {
                "stage": "prosecution",
                "offence": "unfunded_cheque",
                "max_penalty_years": 3,
                "amount_usd": 4000,
                "origin": "private_dispute",
                "organised_crime_link": False,
                "summary_names_person_role": True,
            },
            "challenge": {"filed_on": "2025-02-15", "requests": ["deletion"]},
        },
    ),
    (
        "refugee-from-the-requesting-state",
        "A recognised refugee and a red notice from the state she fled",
        "Leyla, a journalist from Turkey, was recognised as a refugee by Sweden in 2021 "
        "because she feared persecution in Turkey. In 2023 Turkey obtained a red notice "
        "for her on charges of membership of a terrorist organisation, based on her "
        "articles. She plans to attend a conference in Spain in June 2025 and asks the "
        "CCF for access and deletion in March 2025, saying the trip makes the matter "
        "urgent.",
        {
            "format": 1,
            "id": "exercise-refugee-red-notice",
            "title": "A recognised refugee and a red notice from the state she fled",
            "as_of": "2025-03-10",
            "person": {
                "nationalities": ["TR"],
                "residence": "SE",
                "profile": ["journalist"],
                "refugee_status": {
                    "status": "recognised",
                    "granted_by": "SE",
                    "granted_on": "2021-04-12",
                    "feared_persecution_from": "TR",
                },
            },
            "notice": {
                "kind": "red_notice",
                "purpose": "arrest",
                "requesting_country": "TR",
                "issued_on": "2023-02-20",
            },
            "case": {
                "stage": "prosecution",
                "offence": "terrorism",
                "max_penalty_years": 15,
                "political_context": [
                    "critic_of_government",
                    "prosecution_follows_political_activity",
                ],
            },
            "travel": [{"country": "ES", "date": "2025-06-18"}],
            "challenge": {
                "filed_on": "2025-03-10",
                "requests": ["access", "deletion"],
                "urgent": True,
            },
        },
    ),
    (
        "homicide-with-a-valid-warrant",
        "A homicide red notice with nothing to argue",
        "Marco, an Argentine national, is wanted by Argentina for a killing during a "
        "robbery in Buenos Aires in 2022. A judge issued an arrest warrant that is still "
        "valid, the red notice describes what he is said to have done, and Argentina has "
        "asked Spain, where he lives, to extradite him. He has no political profile and "
        "asks the CCF to delete the red notice in May 2025.",
        {
            "format": 1,
            "id": "exercise-homicide",
            "title": "A homicide red notice with nothing to argue",
            "as_of": "2025-05-05",
            "person": {"nationalities": ["AR"], "residence": "ES"},
            "notice": {
                "kind": "red_notice",
                "purpose": "arrest",
                "requesting_country": "AR",
                "issued_on": "2023-01-16",
            },
            "case": {
                "stage": "prosecution",
                "offence": "homicide",
                "max_penalty_years": 25,
                "summary_names_person_role": True,
                "arrest_warrant": {"issued_on": "2022-11-30", "valid": True},
                "origin": "none",
                "requesting_state_sought_extradition": True,
            },
            "challenge": {"filed_on": "2025-05-05", "requests": ["deletion"]},
        },
    ),
    (
        "extradition-refused-as-political",
        "A diffusion after a court refused extradition as political (2016)",
        "Pavel, a Russian businessman who funded an opposition party, moved to Germany in "
        "2013. Russia charged him with large-scale fraud and in 2014 sent a diffusion to all "
        "members. In 2015 a German court refused to extradite him, finding that the "
        "prosecution was politically motivated. Russia has taken no step since. He asks "
        "the CCF to delete the diffusion in October 2016.",
        {
            "format": 1,
            "id": "exercise-extradition-refused",
            "title": "A diffusion after a court refused extradition as political (2016)",
            "as_of": "2016-10-20",
            "person": {
                "nationalities": ["RU"],
                "residence": "DE",
                "profile": ["businessperson", "opposition_figure"],
            },
            "notice": {
                "kind": "diffusion",
                "purpose": "arrest",
                "requesting_country": "RU",
                "issued_on": "2014-03-03",
                "recipients": "all",
            },
            "case": {
                "stage": "prosecution",
                "offence": "fraud",
                "max_penalty_years": 10,
                "political_context": [
                    "political_opponent_or_rival",
                    "third_state_found_political",
                ],
                "extradition": [
                    {
                        "country": "DE",
                        "outcome": "refused",
                        "grounds": "political",
                        "date": "2015-06-15",
                    }
                ],
            },
            "challenge": {"filed_on": "2016-10-20", "requests": ["deletion"]},
        },
    ),
)


@cache
def exercises() -> tuple[Exercise, ...]:
    """The exercises shipped with the package, in teaching order.

    Example:
        >>> [e.id for e in exercises()][:2]
        ['bounced-cheque-to-the-gulf', 'refugee-from-the-requesting-state']
    """
    from diffusion_scenarios._facts.loader import scenario_from_dict

    result = []
    for exercise_id, title, facts, mapping in _EXERCISES:
        scenario: Scenario = scenario_from_dict(mapping, source=f"exercise {exercise_id}")
        result.append(Exercise(id=exercise_id, title=title, facts=facts, scenario=scenario))
    return tuple(result)


# ------------------------------------------------------------------ the graded exercises

# (id, title, facts, built-in scenario, kind, question or task, word limit, checklist)
_MEMO_CHECKLIST = (
    "states in its first two sentences what you ask for (or advise) and why;",
    "names each ground or rule you rely on, with the instrument and article;",
    "says which of those rules are unverified or rest on secondary sources, and does not "
    "present them as settled;",
    "uses the facts of the case, not general statements, and answers the other side's "
    "strongest point;",
    "says what the CCF (or INTERPOL) cannot do, where that matters to the reader;",
    "keeps within the word limit.",
)

_GRADED: tuple[tuple[str, str, str, str, str, str, int], ...] = (
    (
        "graded-commercial-dispute-or-laundering",
        "A \"commercial quarrel\" or money laundering?",
        "Luca, an Italian fruit trader living in Dubai, says the red notice against him is a "
        "quarrel with a former supplier over unpaid invoices. Prosecutors in Reggio Calabria "
        "say otherwise: they charge him with laundering about EUR 7 million of the proceeds "
        "of cocaine imports through false invoices of his company, and allege the unpaid "
        "invoices were part of the scheme. A judge issued a detention order in September "
        "2023; the red notice, published in October 2023, describes his role and the amounts, "
        "and Italy has asked for his extradition. The civil claim over the invoices is still "
        "pending. He asked the CCF to delete the red notice in February 2025 and plans a "
        "trip to Switzerland in August.",
        "commercial-dispute-organised-crime-exception",
        "assessment",
        "",
        0,
    ),
    (
        "graded-opposition-mayor",
        "An opposition leader charged with embezzlement",
        "A former mayor of Bishkek left the ruling party in 2023 and founded an opposition "
        "party. Four months before the 2024 parliamentary elections, prosecutors charged him "
        "with embezzling about USD 3 million of road-repair funds, on the strength of a state "
        "audit; two of his former deputies were convicted on the same audit. The red notice "
        "Kyrgyzstan obtained in March 2024 states his own acts, the judge's warrant is valid, "
        "and Kyrgyzstan has asked Lithuania, where he now lives, to extradite him (pending). "
        "He asked the CCF to delete the red notice in January 2025.",
        "opposition-politician-embezzlement",
        "assessment",
        "",
        0,
    ),
    (
        "graded-refused-then-diffused",
        "A red notice refused, then a diffusion on the same facts",
        "A Russian investor living in Cyprus complained publicly that officials had taken over "
        "his company's shares. A fraud case followed (maximum penalty ten years) and the "
        "Russian NCB asked for a red notice; INTERPOL's General Secretariat refused it in "
        "June 2023. Six weeks later the same NCB sent a wanted-person diffusion on the same "
        "facts to every member country. He flies to Greece in October 2024 and to Turkey in "
        "November. In August 2024 he asks the CCF for access and deletion, and says the "
        "trips make the matter urgent.",
        "red-notice-refused-then-diffusion",
        "assessment",
        "",
        0,
    ),
    (
        "graded-sentence-in-absentia",
        "A five-year sentence passed in his absence",
        "A businessman moved from Azerbaijan to France in 2018. In 2021 a Baku court tried "
        "him in his absence for tax evasion by a company he had owned and sentenced him to "
        "five years' imprisonment. He says he was never summoned and learnt of the judgment "
        "from the red notice published in January 2022; as far as the file shows, Azerbaijani "
        "law does not guarantee him a new trial if he returns. Nobody knows whether a lawyer "
        "represented him. He asked the CCF for access and deletion in November 2024 and plans "
        "a trip to Italy in June 2025.",
        "conviction-in-absentia-no-retrial",
        "assessment",
        "",
        0,
    ),
    (
        "graded-refugee-before-2017",
        "A refugee's challenge filed in 2015",
        "An imam left Uzbekistan in 2011 and was recognised as a refugee by Sweden in 2013, "
        "which found he feared persecution in Uzbekistan. In 2012 Uzbekistan obtained a red "
        "notice accusing him of membership of a banned religious organisation described as "
        "extremist (up to 15 years); the notice does not describe anything he himself did. He "
        "fears ill-treatment if returned. He asked the CCF to delete the notice in September "
        "2015; the question is set in May 2016.",
        "pre-2017-refugee-old-rules",
        "assessment",
        "",
        0,
    ),
    (
        "graded-locate-only",
        "A request to locate, not to arrest",
        "Georgian investigators believe a software developer living in Germany took part in a "
        "phishing scheme against customers of a Tbilisi bank in 2023 (up to six years). They "
        "have no arrest warrant yet; they want to know where he is so that they can ask for "
        "his statement. In October 2024 the Georgian NCB sent a diffusion to Germany, Poland, "
        "the Czech Republic and Austria asking them to locate him. In January 2025 he asks "
        "the CCF only for access to his data; he travels to the Czech Republic in April.",
        "locate-only-diffusion",
        "assessment",
        "",
        0,
    ),
    (
        "memo-predominance",
        "Memo 1: the predominance test",
        "Use the facts of \"An opposition leader charged with embezzlement\" above (a former "
        "mayor, now an opposition leader, charged with embezzling road-repair funds four "
        "months before an election; two deputies convicted on the same audit; extradition "
        "pending in Lithuania).",
        "opposition-politician-embezzlement",
        "memo",
        "Write a memo of at most 250 words to the partner of your firm: would you argue "
        "Article 3 before the CCF, and how? Weigh the political and the ordinary-law "
        "elements as the predominance test requires, and say which single new fact would "
        "most change your view.",
        250,
    ),
    (
        "memo-provisional-measures",
        "Memo 2: asking the CCF to block the data",
        "An Egyptian investigative journalist has lived in Berlin since 2020 and writes about "
        "corruption among senior officers. In 2024 a Cairo prosecutor charged him with "
        "publishing false news and joining a banned group, on the strength of his articles "
        "about military procurement, and the Egyptian NCB sent a diffusion to all members. "
        "Today is 3 March 2025; he must fly to Rome on 12 March for a conference.",
        "urgent-journalist-provisional-measures",
        "memo",
        "Write the part of the request to the CCF, at most 200 words, that asks for "
        "provisional measures. Say what you ask for, on which article, why it is urgent and "
        "what you will attach to prove it.",
        200,
    ),
    (
        "memo-travel-advice",
        "Memo 3: travel advice to a client",
        "A Vietnamese furniture exporter failed to bring the proceeds of a European sale "
        "back to Vietnam within the period currency-control rules set (about USD 420,000; up "
        "to three years). No fraud, laundering or link to organised crime is alleged. "
        "Vietnam's NCB sent a diffusion to the NCBs of the Schengen states in September "
        "2024. She filed a deletion request on 6 January 2025, found admissible on 3 "
        "February. She plans a trip to Spain on 8 May and to Portugal on 24 November 2025.",
        "schengen-diffusion-trips-around-deadline",
        "memo",
        "Write a letter of at most 250 words to the client: may she travel, and when? Say "
        "what the CCF request does and does not do for her trips, when a decision is due, "
        "and what she should do before each trip.",
        250,
    ),
)


@cache
def graded_exercises() -> tuple[Exercise, ...]:
    """The harder exercises for graded work, in teaching order: six structured cases
    (partial credit, computed) and three short memos (marked by the teacher's rubric).

    Example:
        >>> [e.kind for e in graded_exercises()].count("memo")
        3
    """
    from diffusion_scenarios._facts.loader import builtin_scenarios

    scenarios = builtin_scenarios()
    result = []
    for exercise_id, title, facts, scenario_id, kind, task, limit in _GRADED:
        extra: dict[str, Any] = {}
        if kind == "memo":
            extra = {"question": task, "word_limit": limit, "checklist": _MEMO_CHECKLIST}
        result.append(
            Exercise(
                id=exercise_id,
                title=title,
                facts=facts,
                scenario=scenarios[scenario_id],
                kind=kind,
                **extra,
            )
        )
    return tuple(result)


def exercise(exercise_id: str) -> Exercise:
    """The exercise (shipped or graded) with this id (``KeyError`` if there is none)."""
    for item in (*exercises(), *graded_exercises()):
        if item.id == exercise_id:
            return item
    raise KeyError(exercise_id)


def route_step_options() -> tuple[str, ...]:
    """The route steps a learner chooses from (the same list for every exercise).

    Example:
        >>> "provisional_measures" in route_step_options()
        True
    """
    return QUIZ_STEPS


# ------------------------------------------------------------------- a student's answers

ANSWERS_FORMAT = 1
"""The version of the answer-file format written by :func:`save_answer`."""

WORKSPACE_ENV = "DIFFUSION_SCENARIOS_WORKSPACE"
"""The folder the app reads and writes in (when set); answer files are saved there."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """A student's answer to one exercise, as saved in the answer file.

    Attributes:
        exercise: the exercise id.
        grounds: ground ids ticked (structured exercises).
        route_steps: route steps ticked (structured exercises).
        outcome: the decision chosen, or ``None`` if none was chosen yet.
        text: the memo (memo tasks).
    """

    exercise: str
    grounds: tuple[str, ...] = ()
    route_steps: tuple[str, ...] = ()
    outcome: str | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The answer as stored in the file."""
        return {
            "grounds": list(self.grounds),
            "route_steps": list(self.route_steps),
            "outcome": self.outcome,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class AnswerSheet:
    """Every answer a student saved, read back from their answer file."""

    student: str
    answers: Mapping[str, Answer]


def _slug(student: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", student.strip().lower()).strip("-")
    if not slug:
        raise ValueError(
            "student: type your name or student number (letters or digits) before saving"
        )
    return slug[:60]


def answers_path(student: str, folder: str | Path | None = None) -> Path:
    """Where ``student``'s answers are saved: ``answers-NAME.json`` in ``folder``, or in the
    workspace (:data:`WORKSPACE_ENV` if set, else the current folder).

    Example:
        >>> answers_path("Ana María Pérez", "/tmp").name
        'answers-ana-mar-a-p-rez.json'
    """
    base = Path(folder) if folder is not None else Path(os.environ.get(WORKSPACE_ENV) or ".")
    return base / f"answers-{_slug(student)}.json"


def _check_answer_words(answer: Answer, where: str) -> None:
    for ground in answer.grounds:
        if ground not in GROUND_IDS:
            raise ValueError(f"{where}.grounds: unknown ground id {ground!r}")
    for step in answer.route_steps:
        if step not in QUIZ_STEPS:
            raise ValueError(f"{where}.route_steps: unknown route step {step!r}")
    if answer.outcome is not None and answer.outcome not in PREDICTIONS:
        raise ValueError(
            f"{where}.outcome: expected one of {', '.join(PREDICTIONS)}, found {answer.outcome!r}"
        )


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ValueError(f"{where}: expected a list of words, found {value!r}")
    return tuple(value)


def load_answers(path: str | Path) -> AnswerSheet:
    """Read a student's answer file back.

    Raises:
        ValueError: the file is not an answer file; the message names the file and field.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: not a readable answer file ({error})") from None
    if not isinstance(data, dict) or data.get("format") != ANSWERS_FORMAT:
        raise ValueError(f"{path}: format: expected {ANSWERS_FORMAT}")
    student = data.get("student")
    if not isinstance(student, str) or not student.strip():
        raise ValueError(f"{path}: student: expected the student's name")
    raw = data.get("answers")
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: answers: expected a mapping of exercise ids to answers")
    answers: dict[str, Answer] = {}
    for exercise_id, item in raw.items():
        where = f"{path}: answers.{exercise_id}"
        if not isinstance(item, dict):
            raise ValueError(f"{where}: expected a mapping")
        outcome = item.get("outcome")
        text = item.get("text", "")
        if outcome is not None and not isinstance(outcome, str):
            raise ValueError(f"{where}.outcome: expected a word or null, found {outcome!r}")
        if not isinstance(text, str):
            raise ValueError(f"{where}.text: expected text, found {text!r}")
        answer = Answer(
            exercise=str(exercise_id),
            grounds=_strings(item.get("grounds", []), f"{where}.grounds"),
            route_steps=_strings(item.get("route_steps", []), f"{where}.route_steps"),
            outcome=outcome,
            text=text,
        )
        _check_answer_words(answer, where)
        answers[answer.exercise] = answer
    return AnswerSheet(student=student, answers=answers)


def save_answer(student: str, answer: Answer, folder: str | Path | None = None) -> Path:
    """Record ``answer`` in ``student``'s answer file (see :func:`answers_path`) and return
    its path. Earlier answers to other exercises are kept; this exercise's is replaced. The
    file is written whole to a temporary file and moved into place, so it is never half
    written, and an existing file that is not an answer file is left untouched (error).

    Raises:
        ValueError: no usable name, a word outside its vocabulary, or an unreadable
            existing answer file (named).
    """
    path = answers_path(student, folder)
    _check_answer_words(answer, f"answers.{answer.exercise}")
    earlier: dict[str, Answer] = {}
    if path.exists():
        earlier = dict(load_answers(path).answers)
    earlier[answer.exercise] = answer
    content = {
        "format": ANSWERS_FORMAT,
        "student": student.strip(),
        "answers": {key: earlier[key].to_dict() for key in sorted(earlier)},
    }
    text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def score_answers(sheet: AnswerSheet) -> dict[str, tuple[int, int]]:
    """The computed score of each structured answer on the sheet: ``{id: (score, max)}``.
    Memos are marked by the teacher and left out; an answer with no decision chosen scores
    on its grounds and route only.
    """
    scores: dict[str, tuple[int, int]] = {}
    for exercise_id, answer in sorted(sheet.answers.items()):
        try:
            item = exercise(exercise_id)
        except KeyError:
            continue
        if item.kind != "assessment":
            continue
        feedback = check_answer(
            item, grounds=answer.grounds, route_steps=answer.route_steps, outcome=answer.outcome
        )
        scores[exercise_id] = (feedback.score, feedback.max_score)
    return scores
