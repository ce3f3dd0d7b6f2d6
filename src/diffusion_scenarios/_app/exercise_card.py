"""The exercise card: facts, the questions (or a memo box), and a Check or Save button.

Two modes (:func:`diffusion_scenarios.exercises.exercise_mode`):

- **self-study** (the default; also "teacher"): the card collects the learner's answer and
  shows what :func:`diffusion_scenarios.exercises.check_answer` says, plain words first and
  the rules behind a "Why" toggle; nothing about the right answer is rendered until the
  learner clicks "Check". A memo gets its word count and the general checklist.
- **student** (graded work): there is no Check button and no feedback. "Save my answers"
  records the answer in the student's answer file
  (:func:`diffusion_scenarios.exercises.save_answer`) and says where it went.

Every option is on screen at once (a column of checkboxes, never a scrolling list that hides
some), each question says whether several answers are allowed, and the options are exactly
the words the feedback uses, so the feedback never names something the learner could not
choose.
"""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as w

from diffusion_scenarios.exercises import (
    OUTCOME_LABELS,
    Answer,
    Exercise,
    Feedback,
    check_answer,
    check_memo,
    exercise_mode,
    ground_label,
    ground_options,
    route_step_options,
    save_answer,
    step_label,
)

__all__ = ["CheckboxGroup", "ExerciseCard", "student_name_box"]


@cache
def student_name_box() -> w.Text:
    """The field where a student types the name their answer file is saved under.

    There is one per kernel: every card in student mode shows this same field, so a name
    typed once fills every card of the notebook. A card given ``student=`` does not show it
    (the notebook shows it once, above the cards).
    """
    return w.Text(
        description="Your name or student number:",
        placeholder="e.g. Ana Perez or 2026-017",
        style={"description_width": "initial"},
        layout=w.Layout(width="60%"),
    )


class CheckboxGroup:
    """A question answered by ticking any number of boxes, all of them visible.

    Behaves like ``ipywidgets.SelectMultiple`` where the card and its tests need it:
    ``value`` is the tuple of chosen keys (settable), ``options`` the ``(label, key)`` pairs,
    ``description`` the question. ``widget`` is what to display.
    """

    def __init__(
        self, description: str, options: list[tuple[str, str]], *, hint: str, columns: int = 2
    ) -> None:
        self.description = description
        self.options = tuple(options)
        self.boxes = {
            key: w.Checkbox(
                value=False,
                description=label,
                indent=False,
                layout=w.Layout(width="auto", margin="0 12px 0 0"),
            )
            for label, key in options
        }
        legend = w.HTML(
            f"<div style='margin:6px 0 2px 0'><strong>{escape(description)}</strong> "
            f"<em>({escape(hint)})</em></div>"
        )
        grid = w.GridBox(
            list(self.boxes.values()),
            layout=w.Layout(
                grid_template_columns=f"repeat({columns}, minmax(0, 1fr))",
                width="95%",
                grid_gap="0 8px",
            ),
        )
        self.widget = w.VBox([legend, grid])

    @property
    def value(self) -> tuple[str, ...]:
        """The keys ticked, in the order the options are shown."""
        return tuple(key for _, key in self.options if self.boxes[key].value)

    @value.setter
    def value(self, keys: tuple[str, ...] | list[str] | set[str]) -> None:
        chosen = set(keys)
        unknown = chosen - set(self.boxes)
        if unknown:
            raise ValueError(f"{self.description}: no option {', '.join(sorted(unknown))}")
        for key, box in self.boxes.items():
            box.value = key in chosen


class ExerciseCard:
    """One exercise as widgets: choose grounds, route steps and outcome (or write a memo),
    then check (self-study) or save (student mode).

    Args:
        exercise: the exercise to show.
        show_facts: also show the facts in the card (leave out when a notebook has
            already printed them just above).
        mode: ``"self-study"``, ``"teacher"`` or ``"student"``; default from the environment
            (:data:`diffusion_scenarios.exercises.MODE_ENV`), else self-study.
        student: the name field to save under, shown elsewhere by the notebook; by default
            the card shows the kernel's shared field (:func:`student_name_box`).
        folder: where answer files go in student mode (default: the workspace).

    Attributes:
        widget: the box to display.
        mode: ``"self-study"`` or ``"student"``.
        grounds: checkboxes for every ground for deletion (several or none).
        route_steps: checkboxes for every CCF route step asked about (several or none).
        outcome: the likely decision (radio buttons, nothing chosen at first).
        memo: the text box of a memo task (``None`` for a structured exercise).
        check: the "Check" button (self-study) or the "Save my answers" button (student).
        feedback: the HTML widget that shows the feedback after a check, or where the
            answer was saved.
        last_feedback: the last :class:`Feedback`, or ``None`` before the first check.
        last_saved: the answer file last written (student mode), or ``None``.
    """

    def __init__(
        self,
        exercise: Exercise,
        *,
        show_facts: bool = True,
        mode: str | None = None,
        student: w.Text | None = None,
        folder: str | None = None,
    ) -> None:
        self.exercise = exercise
        self.mode = exercise_mode(mode)
        self.folder = folder
        self.student = student
        if self.mode == "student" and student is None:
            self.student = student_name_box()
        self.grounds = CheckboxGroup(
            "Grounds for deletion you would argue",
            [(ground_label(gid), gid) for gid in ground_options()],
            hint="tick every one that applies: several answers allowed, or none",
        )
        self.route_steps = CheckboxGroup(
            "Steps of the CCF route this request will go through",
            [(step_label(s), s) for s in route_step_options()],
            hint="tick every one that applies: several answers allowed, or none",
        )
        self.outcome = w.RadioButtons(
            description="Likely decision (choose one):",
            options=[(label, key) for key, label in OUTCOME_LABELS.items()],
            value=None,
            style={"description_width": "initial"},
            layout=w.Layout(width="95%", margin="8px 0 4px 0"),
        )
        self.memo: w.Textarea | None = None
        if exercise.kind == "memo":
            self.memo = w.Textarea(
                description="Your memo:",
                placeholder=f"At most {exercise.word_limit} words.",
                style={"description_width": "initial"},
                layout=w.Layout(width="95%", height="14em"),
            )
        if self.mode == "student":
            self.check = w.Button(
                description="Save my answers",
                tooltip="Save this answer to your answer file (no feedback is shown)",
                icon="save",
                layout=w.Layout(width="auto"),
            )
            self.check.on_click(self._on_save)
        else:
            self.check = w.Button(description="Check", tooltip="Check my answer")
            self.check.on_click(self._on_check)
        self.feedback = w.HTML()
        self.last_feedback: Feedback | None = None
        self.last_saved: Path | None = None
        facts = f"<p style='margin:2px 0'>{escape(exercise.facts)}</p>" if show_facts else ""
        note = (
            "<p style='margin:2px 0;color:#555'><em>Graded work: your answer is saved to "
            "your answer file when you click Save; no feedback is shown.</em></p>"
            if self.mode == "student"
            else ""
        )
        header = w.HTML(
            "<div style='line-height:1.45'>"
            f"<h4 style='margin:4px 0'>{escape(exercise.title)}</h4>{facts}"
            f"<p style='margin:2px 0'><em>{escape(exercise.question)}</em></p>{note}</div>"
        )
        if self.memo is not None:
            questions: list[w.Widget] = [self.memo]
        else:
            questions = [self.grounds.widget, self.route_steps.widget, self.outcome]
        name: list[w.Widget] = (
            [self.student] if self.mode == "student" and student is None and self.student else []
        )
        self.widget = w.VBox(
            [header, *questions, *name, self.check, self.feedback],
            layout=w.Layout(border="1px solid #bbb", padding="6px", margin="6px 0"),
        )

    def answer(self) -> Answer:
        """The answer as it stands on the controls."""
        if self.memo is not None:
            return Answer(exercise=self.exercise.id, text=str(self.memo.value))
        return Answer(
            exercise=self.exercise.id,
            grounds=self.grounds.value,
            route_steps=self.route_steps.value,
            outcome=None if self.outcome.value is None else str(self.outcome.value),
        )

    def _on_check(self, _: Any = None) -> None:
        if self.memo is not None:
            lines = check_memo(self.exercise, str(self.memo.value))
            items = "".join(f"<li>{escape(line)}</li>" for line in lines[2:])
            self.feedback.value = (
                "<div role='status' style='line-height:1.45;font-size:13px'>"
                f"<strong>{escape(lines[0])}</strong> {escape(lines[1])}"
                f"<ul style='margin:4px 0 4px 18px'>{items}</ul>"
                "<em>Your teacher marks memos with a rubric.</em></div>"
            )
            return
        if self.outcome.value is None:
            self.feedback.value = (
                "<div role='alert' style='color:#B00020'>Likely decision: choose one of the "
                "three outcomes before checking.</div>"
            )
            return
        self.last_feedback = check_answer(
            self.exercise,
            grounds=self.grounds.value,
            route_steps=self.route_steps.value,
            outcome=str(self.outcome.value),
        )
        self.feedback.value = self.last_feedback.to_html()

    def _on_save(self, _: Any = None) -> None:
        name = str(self.student.value) if self.student is not None else ""
        try:
            path = save_answer(name, self.answer(), self.folder)
        except (ValueError, OSError) as error:
            self.feedback.value = (
                f"<div role='alert' style='color:#B00020'>Not saved. {escape(str(error))}</div>"
            )
            return
        self.last_saved = path
        self.feedback.value = (
            "<div role='status' style='color:#1B5E20'>Saved to "
            f"<code>{escape(path.name)}</code> in <code>{escape(str(path.parent))}</code>. "
            "You can change your answer and save again; hand in that file.</div>"
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)
