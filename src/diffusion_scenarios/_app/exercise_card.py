"""The exercise card: facts, three questions, a Check button and feedback.

The card only collects the learner's answer and shows what
:func:`diffusion_scenarios.exercises.check_answer` says; nothing about the right answer is
rendered until the learner clicks "Check".

Every option is on screen at once (a column of checkboxes, never a scrolling list that hides
some), each question says whether several answers are allowed, and the options are exactly
the words the feedback uses, so the feedback never names something the learner could not
choose.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from diffusion_scenarios.exercises import (
    OUTCOME_LABELS,
    Exercise,
    Feedback,
    check_answer,
    ground_label,
    ground_options,
    route_step_options,
    step_label,
)

__all__ = ["CheckboxGroup", "ExerciseCard"]


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
    """One exercise as widgets: choose grounds, route steps and outcome, then check.

    Args:
        exercise: the exercise to show.
        show_facts: also show the facts in the card (leave out when a notebook has
            already printed them just above).

    Attributes:
        widget: the box to display.
        grounds: checkboxes for every ground for deletion (several or none).
        route_steps: checkboxes for every CCF route step asked about (several or none).
        outcome: the likely decision (radio buttons, nothing chosen at first).
        check: the "Check" button.
        feedback: the HTML widget that shows the feedback after a check.
        last_feedback: the last :class:`Feedback`, or ``None`` before the first check.
    """

    def __init__(self, exercise: Exercise, *, show_facts: bool = True) -> None:
        self.exercise = exercise
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
        self.check = w.Button(description="Check", tooltip="Check my answer", button_style="")
        self.feedback = w.HTML()
        self.last_feedback: Feedback | None = None
        self.check.on_click(self._on_check)
        facts = f"<p style='margin:2px 0'>{escape(exercise.facts)}</p>" if show_facts else ""
        header = w.HTML(
            "<div style='line-height:1.45'>"
            f"<h4 style='margin:4px 0'>{escape(exercise.title)}</h4>{facts}"
            f"<p style='margin:2px 0'><em>{escape(exercise.question)}</em></p></div>"
        )
        self.widget = w.VBox(
            [
                header,
                self.grounds.widget,
                self.route_steps.widget,
                self.outcome,
                self.check,
                self.feedback,
            ],
            layout=w.Layout(border="1px solid #bbb", padding="6px", margin="6px 0"),
        )

    def _on_check(self, _: Any = None) -> None:
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

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)
