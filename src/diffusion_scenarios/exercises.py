"""Exercises for junior lawyers: read the facts, choose grounds, route and outcome, check.

Each :class:`Exercise` is a short set of facts. The learner answers three questions: which
grounds for deletion apply, which steps of the CCF route the request will go through, and
the most likely CCF decision. :func:`check_answer` compares the answer with what
:func:`~diffusion_scenarios.assess` concludes on the same facts and explains every
difference with the rule it rests on and that rule's verification status. There is no
answer key stored anywhere: the model is the key, so an exercise always agrees with the
explorer and the reports.

    >>> from diffusion_scenarios.exercises import exercises, check_answer
    >>> first = exercises()[0]
    >>> feedback = check_answer(first, grounds=[], route_steps=[], outcome="compliant")
    >>> isinstance(feedback.correct, bool)
    True

Educational model, not legal advice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from html import escape

from diffusion_scenarios._engine.assessment import Assessment, Citation
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.vocab import (
    GROUND_IDS,
    GROUND_SHORT_LABELS,
    OUTCOME_CHOICES,
    PREDICTIONS,
)

__all__ = [
    "GROUND_LABELS",
    "OUTCOME_LABELS",
    "QUIZ_STEPS",
    "STEP_LABELS",
    "Exercise",
    "Feedback",
    "check_answer",
    "exercise",
    "exercises",
    "ground_label",
    "ground_options",
    "route_step_options",
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

# A ground the model rates "weak" is neither required nor counted as a mistake: the
# exercises ask for the grounds a lawyer would actually argue.
_EXPECTED_STRENGTHS = frozenset({"strong", "arguable"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Exercise:
    """One exercise: the facts as told to the learner, and the scenario they encode.

    Attributes:
        id: a stable identifier (``"refugee-from-the-requesting-state"``).
        title: a one-line title.
        facts: the facts in prose, as a lawyer would hear them.
        scenario: the same facts as a :class:`~diffusion_scenarios.Scenario`.
        question: what the learner is asked to decide.
    """

    id: str
    title: str
    facts: str
    scenario: Scenario
    question: str = (
        "Which grounds for deletion would you argue, which steps of the CCF route will the "
        "request go through, and what will the CCF most likely decide?"
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Feedback:
    """The result of checking an answer.

    Attributes:
        grounds_correct: the chosen grounds are exactly those the model finds at
            ``strong`` or ``arguable`` strength.
        route_correct: the chosen route steps are exactly the model's steps.
        outcome_correct: the chosen outcome is the model's prediction.
        lines: the feedback, one point per line, each citing its rule and the rule's
            verification status.
    """

    grounds_correct: bool
    route_correct: bool
    outcome_correct: bool
    lines: tuple[str, ...]

    @property
    def correct(self) -> bool:
        """All three parts of the answer are right."""
        return self.grounds_correct and self.route_correct and self.outcome_correct

    def __str__(self) -> str:
        return "\n".join(self.lines)

    def to_html(self) -> str:
        """The feedback as an HTML list, for a widget."""
        head = (
            "<strong>Well done: all three parts match the model.</strong>"
            if self.correct
            else "<strong>Not quite. Here is what the model concludes, and why:</strong>"
        )
        items = "".join(f"<li>{escape(line)}</li>" for line in self.lines)
        return (
            "<div role='status' style='line-height:1.45;font-size:13px'>"
            f"{head}<ul style='margin:4px 0 4px 18px'>{items}</ul></div>"
        )


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
    outcome: str,
) -> Feedback:
    """Compare a learner's answer with the model's assessment of the exercise's facts.

    Args:
        exercise: the exercise answered.
        grounds: the ground ids chosen (vocabulary G).
        route_steps: the route step ids chosen, among :data:`QUIZ_STEPS`.
        outcome: ``not_compliant``, ``compliant_with_update`` or ``compliant``.

    Returns:
        A :class:`Feedback` whose lines name every missed or extra ground and step, and
        the right outcome, each with the rules it rests on and their verification status.

    Raises:
        ValueError: a ground id or outcome word is not in its vocabulary.

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
    if outcome not in PREDICTIONS:
        raise ValueError(f"outcome: expected one of {', '.join(PREDICTIONS)}, found {outcome!r}")
    assessment = _assessment(exercise)
    lines: list[str] = []

    expected = {g.id: g for g in assessment.grounds if g.strength in _EXPECTED_STRENGTHS}
    weak = {g.id: g for g in assessment.grounds if g.strength not in _EXPECTED_STRENGTHS}
    for gid in sorted(set(expected) & chosen_grounds):
        g = expected[gid]
        lines.append(
            f"Right: {ground_label(gid)} is a {g.strength} ground — "
            f"rests on {_cite(assessment, g.citations)}."
        )
    for gid in sorted(set(expected) - chosen_grounds):
        g = expected[gid]
        why = f" {g.reasons[0]}" if g.reasons else ""
        lines.append(
            f"Missed: {ground_label(gid)} ({g.strength}).{why} "
            f"Rests on {_cite(assessment, g.citations)}."
        )
    for gid in sorted(chosen_grounds - set(expected)):
        if gid in weak:
            g = weak[gid]
            lines.append(
                f"Weak: {ground_label(gid)} is at most weak on these facts, so it "
                f"is not counted either way — rests on {_cite(assessment, g.citations)}."
            )
        else:
            lines.append(
                f"Not on these facts: the model finds no {ground_label(gid).lower()}"
                " ground here; look again at what the facts say."
            )
    grounds_correct = set(expected) == (chosen_grounds - set(weak))

    steps = {s.step: s for s in assessment.route if s.step in QUIZ_STEPS}
    for step in sorted(set(steps) - chosen_steps):
        lines.append(
            f"Missed route step: {step_label(step)} — {_cite(assessment, steps[step].citations)}."
        )
    for step in sorted(chosen_steps - set(steps)):
        lines.append(f"Not on this route: {step_label(step)} does not arise on these facts.")
    route_correct = set(steps) == chosen_steps
    if route_correct:
        lines.append("Right: the route steps match.")

    prediction = assessment.outcome.prediction
    outcome_correct = outcome == prediction
    lines.append(
        ("Right: " if outcome_correct else "The likely outcome is: ")
        + OUTCOME_LABELS.get(prediction or "", "not predicted (nothing on file yet)")
        + f". {assessment.outcome.explanation} "
        f"Rests on {_cite(assessment, assessment.outcome.citations)}."
    )
    lines.append("Educational model, not legal advice.")
    return Feedback(
        grounds_correct=grounds_correct,
        route_correct=route_correct,
        outcome_correct=outcome_correct,
        lines=tuple(lines),
    )


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


def exercise(exercise_id: str) -> Exercise:
    """The exercise with this id (``KeyError`` if there is none)."""
    for item in exercises():
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
