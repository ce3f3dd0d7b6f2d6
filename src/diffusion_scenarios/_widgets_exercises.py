"""The exercise card: facts, three questions, a Check button and feedback.

The card only collects the learner's answer and shows what
:func:`diffusion_scenarios.exercises.check_answer` says; nothing about the right answer is
rendered until the learner clicks "Check".
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from .exercises import (
    GROUND_LABELS,
    OUTCOME_LABELS,
    Exercise,
    Feedback,
    check_answer,
    route_step_options,
    step_label,
)

__all__ = ["ExerciseCard"]

_STYLE = {"description_width": "11em"}


class ExerciseCard:
    """One exercise as widgets: choose grounds, route steps and outcome, then check.

    Args:
        exercise: the exercise to show.
        show_facts: also show the facts in the card (leave out when a notebook has
            already printed them just above).

    Attributes:
        widget: the box to display.
        grounds: multi-select of grounds for deletion.
        route_steps: multi-select of CCF route steps.
        outcome: the likely decision (radio buttons, nothing chosen at first).
        check: the "Check" button.
        feedback: the HTML widget that shows the feedback after a check.
        last_feedback: the last :class:`Feedback`, or ``None`` before the first check.
    """

    def __init__(self, exercise: Exercise, *, show_facts: bool = True) -> None:
        self.exercise = exercise
        self.grounds = w.SelectMultiple(
            description="Grounds for deletion",
            options=[(label, gid) for gid, label in GROUND_LABELS.items()],
            rows=8,
            style=_STYLE,
            layout=w.Layout(width="95%"),
        )
        self.route_steps = w.SelectMultiple(
            description="CCF route steps",
            options=[(step_label(s), s) for s in route_step_options()],
            rows=6,
            style=_STYLE,
            layout=w.Layout(width="95%"),
        )
        self.outcome = w.RadioButtons(
            description="Likely decision",
            options=[(label, key) for key, label in OUTCOME_LABELS.items()],
            value=None,
            style=_STYLE,
            layout=w.Layout(width="95%"),
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
            [header, self.grounds, self.route_steps, self.outcome, self.check, self.feedback],
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
