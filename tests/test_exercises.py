"""Exercises: feedback is right for right and wrong answers, cites rules, and hides answers.

The model is the answer key, so "the right answer" below is read from ``assess`` and the
tests check that the feedback agrees with it, explains each difference with a rule and its
verification status, and that nothing in the exercises notebook gives the answer away.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import diffusion_scenarios as ds
from diffusion_scenarios._law.vocab import GROUND_IDS
from diffusion_scenarios.exercises import (
    GROUND_LABELS,
    OUTCOME_LABELS,
    QUIZ_STEPS,
    Exercise,
    check_answer,
    exercises,
    ground_label,
    ground_options,
    step_label,
)
from diffusion_scenarios.widgets import ExerciseCard

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "06_exercises.ipynb"
VERIFICATION = re.compile(r"\b(primary|secondary|UNVERIFIED)\b")


def model_answer(exercise: Exercise) -> tuple[set[str], set[str], str]:
    assessment = ds.assess(exercise.scenario)
    grounds = {g.id for g in assessment.grounds if g.strength in ("strong", "arguable")}
    steps = {s.step for s in assessment.route if s.step in QUIZ_STEPS}
    return grounds, steps, assessment.outcome.prediction


@pytest.mark.parametrize("exercise", exercises(), ids=lambda e: e.id)
def test_the_model_answer_is_marked_right_with_its_rules(exercise: Exercise) -> None:
    grounds, steps, outcome = model_answer(exercise)
    feedback = check_answer(exercise, grounds=grounds, route_steps=steps, outcome=outcome)
    assert feedback.correct
    assert feedback.grounds_correct and feedback.route_correct and feedback.outcome_correct
    assert not any(line.startswith(("Missed", "Not on")) for line in feedback.lines)
    for ground in grounds:
        line = next(x for x in feedback.lines if x.startswith(f"Right: {GROUND_LABELS[ground]}"))
        assert VERIFICATION.search(line), line
    assert "not legal advice" in str(feedback)


@pytest.mark.parametrize("exercise", exercises(), ids=lambda e: e.id)
def test_a_wrong_outcome_is_corrected_with_the_model_prediction(exercise: Exercise) -> None:
    grounds, steps, outcome = model_answer(exercise)
    wrong = next(p for p in OUTCOME_LABELS if p != outcome)
    feedback = check_answer(exercise, grounds=grounds, route_steps=steps, outcome=wrong)
    assert not feedback.correct and not feedback.outcome_correct
    assert feedback.grounds_correct and feedback.route_correct
    assert any(OUTCOME_LABELS[outcome] in line for line in feedback.lines)


def test_the_exercises_are_not_all_alike() -> None:
    answers = [model_answer(e) for e in exercises()]
    assert len({outcome for _, _, outcome in answers}) >= 2
    assert len({frozenset(steps) for _, steps, _ in answers}) >= 2
    assert any(grounds for grounds, _, _ in answers)
    assert any(not grounds for grounds, _, _ in answers)


def test_a_missed_ground_is_named_with_its_rule_and_verification() -> None:
    exercise = next(e for e in exercises() if model_answer(e)[0])
    grounds, steps, outcome = model_answer(exercise)
    missed = sorted(grounds)[0]
    feedback = check_answer(
        exercise, grounds=grounds - {missed}, route_steps=steps, outcome=outcome
    )
    assert not feedback.grounds_correct and feedback.route_correct and feedback.outcome_correct
    line = next(x for x in feedback.lines if x.startswith(f"Missed: {GROUND_LABELS[missed]}"))
    assessment = ds.assess(exercise.scenario)
    ground = assessment.ground(missed)
    assert ground is not None
    for rule_id in ground.citations:
        assert rule_id in line
        assert assessment.citation(rule_id).provision in line
    assert VERIFICATION.search(line)


def test_a_ground_that_does_not_apply_is_called_out() -> None:
    exercise = next(e for e in exercises() if not model_answer(e)[0])
    _, steps, outcome = model_answer(exercise)
    assessment = ds.assess(exercise.scenario)
    absent = next(g for g in GROUND_LABELS if assessment.ground(g) is None)
    feedback = check_answer(exercise, grounds={absent}, route_steps=steps, outcome=outcome)
    assert not feedback.grounds_correct
    assert any(x.startswith("Not on these facts") for x in feedback.lines)


def test_a_missed_route_step_cites_its_rule() -> None:
    exercise = next(e for e in exercises() if "provisional_measures" in model_answer(e)[1])
    grounds, steps, outcome = model_answer(exercise)
    feedback = check_answer(
        exercise, grounds=grounds, route_steps=steps - {"provisional_measures"}, outcome=outcome
    )
    assert not feedback.route_correct
    line = next(x for x in feedback.lines if x.startswith("Missed route step: Provisional"))
    assert "ccf-statute-37" in line and VERIFICATION.search(line)


def test_unknown_words_in_an_answer_are_refused_with_the_field_named() -> None:
    exercise = exercises()[0]
    with pytest.raises(ValueError, match="grounds: unknown ground id 'politics'"):
        check_answer(exercise, grounds=["politics"], route_steps=[], outcome="compliant")
    with pytest.raises(ValueError, match="route_steps:"):
        check_answer(exercise, grounds=[], route_steps=["appeal"], outcome="compliant")
    with pytest.raises(ValueError, match="outcome:"):
        check_answer(exercise, grounds=[], route_steps=[], outcome="guilty")


def test_the_card_shows_nothing_before_check_and_feedback_after() -> None:
    exercise = exercises()[1]
    card = ExerciseCard(exercise)
    grounds, steps, outcome = model_answer(exercise)
    assert card.feedback.value == ""
    assert card.outcome.value is None  # no answer preselected
    card.check.click()
    assert "choose one of the" in card.feedback.value and card.last_feedback is None

    card.grounds.value = tuple(sorted(grounds))
    card.route_steps.value = tuple(s for s in QUIZ_STEPS if s in steps)
    card.outcome.value = outcome
    card.check.click()
    assert card.last_feedback is not None and card.last_feedback.correct
    assert "Well done" in card.feedback.value

    card.outcome.value = next(p for p in OUTCOME_LABELS if p != outcome)
    card.check.click()
    assert "Not quite" in card.feedback.value
    for control in (card.grounds, card.route_steps, card.outcome, card.check):
        assert str(control.description).strip()


def _shown_text(notebook: nbformat.NotebookNode) -> str:
    shown = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            shown.append(output.get("text", ""))
            for mime in ("text/plain", "text/html", "text/markdown"):
                shown.append(str(output.get("data", {}).get(mime, "")))
    return "\n".join(shown)


def _assert_no_answer_in(text: str) -> None:
    assert "Exercise 1" in text  # the notebook did run and print
    for marker in ("Right:", "Missed", "Well done", "Not quite", "Rests on"):
        assert marker not in text
    for exercise in exercises():
        grounds, _, outcome = model_answer(exercise)
        assert OUTCOME_LABELS[outcome] not in text
        assert outcome not in text
        for ground in grounds:
            assert ground not in text and GROUND_LABELS[ground] not in text


def test_the_saved_exercises_notebook_shows_the_facts_but_no_answer() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    text = _shown_text(notebook)
    _assert_no_answer_in(text)
    for exercise in exercises():  # readable without running: every exercise's facts are there
        assert exercise.facts.split(",")[0] in text


def test_the_card_shows_every_option_at_once_and_says_several_are_allowed() -> None:
    import ipywidgets as w

    card = ExerciseCard(exercises()[0])

    def walk(widget: object) -> list[object]:
        children = getattr(widget, "children", ())
        return [widget, *(x for child in children for x in walk(child))]

    shown = walk(card.widget)
    assert not any(isinstance(x, w.SelectMultiple | w.Select) for x in shown), "a scrolling list"
    ticks = [x.description for x in shown if isinstance(x, w.Checkbox)]
    assert ticks == [label for label, _ in card.grounds.options + card.route_steps.options]
    assert {key for _, key in card.grounds.options} == set(ground_options()) == set(GROUND_IDS)
    assert {key for _, key in card.route_steps.options} == set(QUIZ_STEPS)
    legends = " ".join(x.value for x in shown if isinstance(x, w.HTML))
    assert legends.count("several answers allowed") == 2
    assert "choose one" in card.outcome.description


@pytest.mark.parametrize("exercise", exercises(), ids=lambda e: e.id)
def test_the_feedback_names_only_options_the_learner_could_see(exercise: Exercise) -> None:
    card = ExerciseCard(exercise)
    visible = {label for label, _ in card.grounds.options + card.route_steps.options}
    every_label = {ground_label(g) for g in GROUND_IDS} | {step_label(s) for s in QUIZ_STEPS}
    assessment = ds.assess(exercise.scenario)
    assert {g.id for g in assessment.grounds} <= set(ground_options())
    for grounds, steps in (((), ()), (tuple(GROUND_IDS), QUIZ_STEPS)):
        card.grounds.value = grounds
        card.route_steps.value = steps
        card.outcome.value = "compliant"
        card.check.click()
        assert card.last_feedback is not None
        text = str(card.last_feedback)
        named = {label for label in every_label if label in text}
        assert named and named <= visible, named - visible


@pytest.mark.slow
def test_running_the_exercises_notebook_shows_no_answer() -> None:
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, timeout=120, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    _assert_no_answer_in(_shown_text(notebook))


def test_the_docstring_examples_of_the_widgets_and_exercises_run() -> None:
    import doctest

    from diffusion_scenarios import exercises as exercises_module
    from diffusion_scenarios import widgets

    for module in (widgets, exercises_module):
        outcome = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert outcome.attempted > 0 and outcome.failed == 0, module.__name__
