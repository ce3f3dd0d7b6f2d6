"""The drafting exercise: feedback in plain words, judged against the draft."""

from __future__ import annotations

import diffusion_scenarios as ds
from diffusion_scenarios._app.drafting_exercise import (
    DraftingExercise,
    compare_choices,
    expected_choices,
)
from diffusion_scenarios._render.draft import draft_content, render_markdown

REFUGEE = "diffusion-against-recognised-refugee"


def _assessment(scenario_id: str) -> ds.Assessment:
    return ds.assess(ds.builtin_scenarios()[scenario_id])


def test_the_exercise_expects_what_the_draft_argues_and_attaches() -> None:
    assessment = _assessment(REFUGEE)
    grounds, documents = expected_choices(assessment)
    assert "refugee_status" in grounds and "refugee_certificate" in documents
    text = render_markdown(draft_content(assessment, "deletion"))
    assert "refugee certificate" in text


def test_the_draft_s_own_choices_are_all_right() -> None:
    assessment = _assessment(REFUGEE)
    grounds, documents = expected_choices(assessment)
    feedback = compare_choices(assessment, grounds, documents, grounds[0])
    assert feedback.all_right
    assert feedback.sentences()[0].startswith("Well done")


def test_a_missed_ground_and_an_unneeded_one_are_named_in_plain_words() -> None:
    assessment = _assessment(REFUGEE)
    grounds, documents = expected_choices(assessment)
    feedback = compare_choices(
        assessment, (*grounds[1:], "private_dispute"), documents, grounds[-1]
    )
    words = " ".join(feedback.sentences())
    assert not feedback.all_right
    assert "Missed: the ground 'Article 3" in words
    assert "Private or commercial dispute" in words and "Not needed" in words
    assert "First ground: the draft leads with Article 3" in words
    assert "if it predominates" in words
    assert "article3_political" not in words  # no ids in the feedback


def test_a_missing_refugee_certificate_is_pointed_out() -> None:
    assessment = _assessment(REFUGEE)
    grounds, documents = expected_choices(assessment)
    chosen = tuple(d for d in documents if d != "refugee_certificate")
    feedback = compare_choices(assessment, grounds, chosen, grounds[0])
    assert any("Refugee certificate" in m for m in feedback.missed)


def test_the_widget_shows_nothing_until_the_learner_compares() -> None:
    exercise = DraftingExercise(REFUGEE)
    assert exercise.feedback.value == ""
    exercise.ground_boxes["refugee_status"].value = True
    exercise.document_boxes["refugee_certificate"].value = True
    exercise.first.value = "refugee_status"
    exercise.button.click()
    shown = exercise.feedback.value
    assert "Right: you argue Refugee protection" in shown
    assert "Missed: the ground &#x27;Article 3" in shown
    assert "Training draft, not legal advice" in shown
