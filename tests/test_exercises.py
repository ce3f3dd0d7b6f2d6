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
    assert feedback.score == feedback.max_score > 0
    for ground in grounds:
        assert any(x.startswith(f"Right: {GROUND_LABELS[ground]}") for x in feedback.lines)
        line = next(x for x in feedback.why if x.startswith(GROUND_LABELS[ground]))
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
    assert any(x.startswith(f"Missed: {GROUND_LABELS[missed]}") for x in feedback.lines)
    line = next(x for x in feedback.why if x.startswith(GROUND_LABELS[missed]))
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
    assert any(x.startswith("Missed route step: Provisional") for x in feedback.lines)
    line = next(x for x in feedback.why if x.startswith("Provisional"))
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
    assert "Right on every part" in card.feedback.value

    card.outcome.value = next(p for p in OUTCOME_LABELS if p != outcome)
    card.check.click()
    assert "Partly right" in card.feedback.value
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
    for marker in ("Right:", "Missed", "Right on every", "Partly right", "Not right yet",
                   "Rests on"):
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


# ----------------------------------------------- issue 21.4: the feedback judges what was asked

RULE_ID = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b")


def test_the_homicide_decision_kept_with_no_grounds_is_right_without_the_optional_steps() -> None:
    from diffusion_scenarios.exercises import OPTIONAL_STEPS, exercise

    homicide = exercise("homicide-with-a-valid-warrant")
    grounds, steps, outcome = model_answer(homicide)
    assert outcome == "compliant" and not grounds  # the facts as the exercise tells them
    assert steps >= OPTIONAL_STEPS, "the two optional steps are on this route"
    for ticked in (steps - OPTIONAL_STEPS, steps):
        feedback = check_answer(homicide, grounds=[], route_steps=ticked, outcome=outcome)
        assert feedback.correct and feedback.score == feedback.max_score, str(feedback)
        assert feedback.verdict.startswith("Right on every part")
        assert not any(x.startswith(("Missed", "Not on")) for x in feedback.lines)


def test_an_optional_step_neither_earns_nor_costs_a_point() -> None:
    from diffusion_scenarios.exercises import OPTIONAL_STEPS

    for exercise in exercises():
        grounds, steps, outcome = model_answer(exercise)
        with_them = check_answer(exercise, grounds=grounds, route_steps=steps, outcome=outcome)
        without = check_answer(
            exercise, grounds=grounds, route_steps=steps - OPTIONAL_STEPS, outcome=outcome
        )
        assert with_them.score == without.score == without.max_score


def test_the_feedback_says_what_was_right_and_missed_in_plain_words_first() -> None:
    exercise = next(e for e in exercises() if len(model_answer(e)[0]) >= 2)
    grounds, steps, outcome = model_answer(exercise)
    kept, dropped = sorted(grounds)[0], sorted(grounds)[1]
    feedback = check_answer(exercise, grounds={kept}, route_steps=steps, outcome=outcome)
    assert feedback.lines[0].startswith("Right: the likely decision")
    assert any(x.startswith(f"Right: {GROUND_LABELS[kept]}") for x in feedback.lines)
    assert any(x.startswith(f"Missed: {GROUND_LABELS[dropped]}") for x in feedback.lines)
    for line in feedback.lines:  # the rule ids and citations are kept for the "why" part
        assert not RULE_ID.search(line) and not VERIFICATION.search(line), line
    assert any(RULE_ID.search(x) for x in feedback.why)
    html = feedback.to_html()
    assert html.index("Right: the likely decision") < html.index("<details>")
    assert html.index("<summary") < html.index(feedback.why[0][:30].replace("'", "&#x27;"))


def test_no_feedback_reads_a_arguable() -> None:
    for exercise in exercises():
        grounds, steps, outcome = model_answer(exercise)
        for chosen in (grounds, set()):
            text = str(check_answer(exercise, grounds=chosen, route_steps=steps, outcome=outcome))
            assert not re.search(r"\ba (arguable|[aeiou]\w*) ground", text), text


# ----------------------------------------------------- graded exercises with partial credit


def test_there_are_eight_to_ten_harder_exercises_with_memos() -> None:
    from diffusion_scenarios.exercises import graded_exercises

    graded = graded_exercises()
    assert 8 <= len(graded) <= 10
    memos = [e for e in graded if e.kind == "memo"]
    assert len(memos) >= 2 and all(e.word_limit > 0 and e.checklist for e in memos)
    assert len({e.id for e in graded} | {e.id for e in exercises()}) == len(graded) + 4


def test_the_structured_graded_exercises_give_partial_credit() -> None:
    from diffusion_scenarios.exercises import graded_exercises

    partial_seen = 0
    for exercise in (e for e in graded_exercises() if e.kind == "assessment"):
        grounds, steps, outcome = model_answer(exercise)
        full = check_answer(exercise, grounds=grounds, route_steps=steps, outcome=outcome)
        assert full.correct and full.score == full.max_score
        wrong = next(p for p in OUTCOME_LABELS if p != outcome)
        half = check_answer(exercise, grounds=grounds, route_steps=steps, outcome=wrong)
        assert 0 < half.score < half.max_score and half.verdict.startswith("Partly right")
        partial_seen += 1
        nothing = check_answer(
            exercise, grounds=set(GROUND_IDS) - grounds, route_steps=[], outcome=wrong
        )
        assert nothing.score < half.score
    assert partial_seen >= 5


def test_a_memo_in_self_study_gets_its_length_and_checklist_but_no_model_answer() -> None:
    from diffusion_scenarios.exercises import check_memo, graded_exercises

    memo = next(e for e in graded_exercises() if e.kind == "memo")
    card = ExerciseCard(memo, mode="self-study")
    assert card.memo is not None
    card.memo.value = "word " * (memo.word_limit + 5)
    card.check.click()
    assert "over the limit" in card.feedback.value and "rubric" in card.feedback.value
    assert check_memo(memo, "")[0].startswith("0 words")


# ----------------------------------------------------------- student mode: record, no key


def _everything_shown(card: ExerciseCard) -> str:
    def walk(widget: object) -> list[object]:
        return [widget, *(x for c in getattr(widget, "children", ()) for x in walk(c))]

    return " ".join(
        str(getattr(x, "value", "")) + str(getattr(x, "description", "")) for x in walk(card.widget)
    )


def test_student_mode_saves_answers_that_load_back_and_shows_no_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diffusion_scenarios._app import exercise_card
    from diffusion_scenarios.exercises import graded_exercises, load_answers

    def no_key(*_: object, **__: object) -> None:
        raise AssertionError("student mode must never compute the feedback")

    monkeypatch.setattr(exercise_card, "check_answer", no_key)
    monkeypatch.setenv("DIFFUSION_SCENARIOS_EXERCISE_MODE", "student")
    structured = next(e for e in graded_exercises() if e.kind == "assessment")
    memo = next(e for e in graded_exercises() if e.kind == "memo")
    name = ds_widgets().student_name_box()
    name.value = ""
    cards = [ExerciseCard(e, student=name, folder=str(tmp_path)) for e in (structured, memo)]
    assert all(card.mode == "student" for card in cards)
    assert all(card.check.description == "Save my answers" for card in cards)
    assert ExerciseCard(memo).student is name, "one name field for every card of a notebook"

    cards[0].check.click()  # no name yet: nothing written, the field is named
    assert "name" in cards[0].feedback.value and list(tmp_path.iterdir()) == []

    name.value = "Ana Pérez"
    grounds, steps, outcome = model_answer(structured)
    wrong = next(p for p in OUTCOME_LABELS if p != outcome)
    cards[0].grounds.value = tuple(sorted(grounds))
    cards[0].route_steps.value = tuple(s for s in QUIZ_STEPS if s in steps)
    cards[0].outcome.value = wrong
    cards[0].check.click()
    assert cards[1].memo is not None
    cards[1].memo.value = "The political element does not predominate because ..."
    cards[1].check.click()

    (saved,) = tmp_path.glob("answers-*.json")
    assert saved == cards[1].last_saved and [p.name for p in tmp_path.iterdir()] == [saved.name]
    sheet = load_answers(saved)
    assert sheet.student == "Ana Pérez"
    assert sheet.answers[structured.id] == cards[0].answer()
    assert sheet.answers[memo.id].text.startswith("The political element")

    shown = _everything_shown(cards[0]) + _everything_shown(cards[1])
    for marker in ("Right", "Missed", "Partly", "Rests on", "points", "Why"):
        assert marker not in shown
    assessment = ds.assess(structured.scenario)
    for ground in assessment.grounds:
        for reason in ground.reasons:
            assert reason not in shown
    assert assessment.outcome.explanation not in shown


def test_saving_again_replaces_one_answer_and_keeps_the_others(tmp_path: Path) -> None:
    from diffusion_scenarios.exercises import Answer, load_answers, save_answer

    save_answer("Bo", Answer(exercise="graded-locate-only", outcome="compliant"), tmp_path)
    save_answer("Bo", Answer(exercise="memo-travel-advice", text="Dear client"), tmp_path)
    path = save_answer("Bo", Answer(exercise="graded-locate-only", outcome=None), tmp_path)
    sheet = load_answers(path)
    assert set(sheet.answers) == {"graded-locate-only", "memo-travel-advice"}
    assert sheet.answers["graded-locate-only"].outcome is None
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"], "no temporary file left"


def test_a_file_that_is_not_an_answer_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    from diffusion_scenarios.exercises import Answer, answers_path, load_answers, save_answer

    path = answers_path("Bo", tmp_path)
    path.write_text("my notes, not JSON", encoding="utf-8")
    with pytest.raises(ValueError, match="not a readable answer file"):
        save_answer("Bo", Answer(exercise="graded-locate-only"), tmp_path)
    assert path.read_text(encoding="utf-8") == "my notes, not JSON"
    path.write_text('{"format": 1, "student": "Bo", "answers": {"x": {"outcome": "guilty"}}}')
    with pytest.raises(ValueError, match=r"answers\.x\.outcome: expected one of"):
        load_answers(path)


def test_the_mode_comes_from_the_environment_and_a_wrong_one_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from diffusion_scenarios.exercises import exercise_mode

    monkeypatch.delenv("DIFFUSION_SCENARIOS_EXERCISE_MODE", raising=False)
    assert exercise_mode() == "self-study"
    monkeypatch.setenv("DIFFUSION_SCENARIOS_EXERCISE_MODE", "teacher")
    assert exercise_mode() == "self-study"
    monkeypatch.setenv("DIFFUSION_SCENARIOS_EXERCISE_MODE", "exam")
    with pytest.raises(ValueError, match="DIFFUSION_SCENARIOS_EXERCISE_MODE: expected"):
        ExerciseCard(exercises()[0])


def test_the_scores_of_a_saved_sheet_are_computed_for_the_structured_answers(
    tmp_path: Path,
) -> None:
    from diffusion_scenarios.exercises import (
        Answer,
        exercise,
        load_answers,
        save_answer,
        score_answers,
    )

    item = exercise("graded-locate-only")
    grounds, steps, outcome = model_answer(item)
    save_answer("Cy", Answer(exercise=item.id, grounds=tuple(grounds),
                             route_steps=tuple(steps), outcome=outcome), tmp_path)
    path = save_answer("Cy", Answer(exercise="memo-travel-advice", text="x"), tmp_path)
    scores = score_answers(load_answers(path))
    assert list(scores) == [item.id]
    score, top = scores[item.id]
    assert score == top > 0


def ds_widgets():  # type: ignore[no-untyped-def]
    from diffusion_scenarios import widgets

    return widgets


def test_answers_go_to_the_workspace_when_one_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diffusion_scenarios.exercises import Answer, save_answer

    monkeypatch.setenv("DIFFUSION_SCENARIOS_WORKSPACE", str(tmp_path))
    path = save_answer("Dee", Answer(exercise="memo-travel-advice", text="Dear client"))
    assert path == tmp_path / "answers-dee.json" and path.exists()


def test_the_teachers_marking_script_scores_a_folder_of_answer_files(tmp_path: Path) -> None:
    import subprocess
    import sys

    from diffusion_scenarios.exercises import Answer, exercise, save_answer

    item = exercise("graded-locate-only")
    grounds, steps, outcome = model_answer(item)
    answer = Answer(exercise=item.id, grounds=tuple(grounds), route_steps=tuple(steps),
                    outcome=outcome)
    save_answer("Eve", answer, tmp_path)
    (tmp_path / "answers-broken.json").write_text("{}", encoding="utf-8")
    script = Path(__file__).resolve().parents[1] / "teacher" / "mark_answers.py"
    run = subprocess.run([sys.executable, str(script), str(tmp_path)],
                         capture_output=True, text=True, check=False)
    header, row = run.stdout.splitlines()
    assert item.id in header.split("\t")
    cells = dict(zip(header.split("\t"), row.split("\t"), strict=True))
    score, top = cells[item.id].split("/")
    assert cells["student"] == "Eve" and score == top == cells["total"]
    assert "answers-broken.json" in run.stderr and run.returncode == 1


def test_a_saved_answer_without_a_decision_scores_only_what_was_answered() -> None:
    item = next(e for e in exercises() if model_answer(e)[0])
    grounds, steps, outcome = model_answer(item)
    done = check_answer(item, grounds=grounds, route_steps=steps, outcome=outcome)
    unfinished = check_answer(item, grounds=grounds, route_steps=steps, outcome=None)
    assert unfinished.score == done.score - 2 and not unfinished.outcome_correct
    assert unfinished.lines[0].startswith("Missed: no decision chosen")
