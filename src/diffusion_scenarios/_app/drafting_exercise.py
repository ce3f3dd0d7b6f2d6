"""A drafting exercise: choose the grounds to argue and the documents to attach, then compare
with the draft the package writes for the same facts.

:func:`compare_choices` does the comparing (plain words, no widgets), so a handout or an
autograder can use it; :class:`DraftingExercise` is the notebook widget around it. Nothing
about the draft is shown until the learner clicks "Compare with the draft".

The draft is the one ``diffusion-scenarios draft ID --request deletion`` writes: it argues
every ground the model finds strong or arguable, Article 3 first when it is among them, and
attaches the documents each ground calls for plus the ones every request needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._law.vocab import GROUND_IDS, GROUND_LABELS, GROUND_SHORT_LABELS
from diffusion_scenarios._render.draft import (
    ALWAYS_ATTACHED,
    DOCUMENT_KINDS,
    argued_grounds,
    document_kinds,
)

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment

__all__ = ["DraftingExercise", "DraftingFeedback", "compare_choices", "expected_choices"]

#: Short names of the documents, as the learner chooses them.
DOCUMENT_CHOICES: dict[str, str] = {
    "identity": "Identity document",
    "power_of_attorney": "Power of attorney",
    "the_data": "The notice or diffusion (extract)",
    "political_evidence": "Evidence of political (religious, ethnic) position",
    "rights_evidence": "Reports or rulings on ill-treatment or an unfair trial",
    "in_absentia_judgment": "The judgment given in absentia",
    "refugee_certificate": "Refugee certificate",
    "extradition_refusal": "Decision refusing extradition",
    "residence_known": "Proof the requesting state knows the address",
    "private_matter_papers": "Contracts or civil judgments",
    "family_court": "Family court decisions",
    "national_case_papers": "Warrant, charge or court decision",
    "correct_information": "Proof of the correct information",
    "final_judgment": "Final judgment given elsewhere",
    "ncb_correspondence": "Correspondence with the NCB",
    "translations": "Certified translations",
}


@dataclass(frozen=True, slots=True)
class DraftingFeedback:
    """What the learner got right and missed, in plain words first."""

    right: tuple[str, ...]
    missed: tuple[str, ...]
    extra: tuple[str, ...]
    order: str  # a sentence on which ground to argue first ("" when nothing to argue)
    first_right: bool

    @property
    def all_right(self) -> bool:
        return not self.missed and not self.extra and self.first_right

    def sentences(self) -> list[str]:
        out = []
        if self.right:
            out.append("Right: " + "; ".join(self.right) + ".")
        if self.missed:
            out.append("Missed: " + "; ".join(self.missed) + ".")
        if self.extra:
            out.append("Not needed on these facts: " + "; ".join(self.extra) + ".")
        if self.order:
            out.append(self.order)
        if self.all_right:
            out.insert(0, "Well done: your choices match the draft.")
        return out


def expected_choices(assessment: Assessment) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The draft's grounds (in the order it argues them) and its document kinds."""
    grounds = argued_grounds(assessment)
    kinds: list[str] = list(ALWAYS_ATTACHED)
    for ground in grounds:
        kinds += [k for k in document_kinds(ground, assessment.scenario) if k not in kinds]
    kinds.append("translations")
    return tuple(g.id for g in grounds), tuple(kinds)


def compare_choices(
    assessment: Assessment,
    grounds: tuple[str, ...],
    documents: tuple[str, ...],
    first: str | None = None,
) -> DraftingFeedback:
    """Compare the learner's grounds, documents and first ground with the draft's."""
    want_grounds, want_docs = expected_choices(assessment)
    strength = {g.id: g.strength for g in assessment.grounds}
    right: list[str] = []
    missed: list[str] = []
    extra: list[str] = []
    for ground in want_grounds:
        name = GROUND_SHORT_LABELS.get(ground, ground)
        if ground in grounds:
            right.append(f"you argue {name}")
        else:
            missed.append(f"the ground '{name}' ({strength[ground]} on these facts)")
    for ground in grounds:
        if ground not in want_grounds:
            found = strength.get(ground)
            why = f"the model finds it only {found}" if found else "the facts do not raise it"
            extra.append(f"the ground '{GROUND_SHORT_LABELS.get(ground, ground)}' ({why})")
    for kind in want_docs:
        name = DOCUMENT_CHOICES[kind]
        (right if kind in documents else missed).append(
            f"you attach: {name}" if kind in documents else f"the document '{name}'"
        )
    for kind in documents:
        if kind not in want_docs:
            extra.append(f"the document '{DOCUMENT_CHOICES.get(kind, kind)}'")
    order = ""
    first_right = True
    if want_grounds:
        leading = GROUND_SHORT_LABELS.get(want_grounds[0], want_grounds[0])
        first_right = first == want_grounds[0]
        why = (
            "lead with the political character: if it predominates, no other ground is needed"
            if want_grounds[0].startswith("article3_")
            else "lead with the strongest ground"
        )
        order = (
            f"First ground: right, {leading} ({why})."
            if first_right
            else f"First ground: the draft leads with {leading} ({why})."
        )
    return DraftingFeedback(tuple(right), tuple(missed), tuple(extra), order, first_right)


class DraftingExercise:
    """The widget: the case's facts, ground and document check boxes, a first-ground choice,
    and a "Compare with the draft" button that shows the feedback and the draft's choices.

    Args:
        scenario: a built-in scenario id (or a ``Scenario``).
    """

    def __init__(self, scenario: Any) -> None:
        import ipywidgets as w

        from diffusion_scenarios._engine.pipeline import assess
        from diffusion_scenarios._facts.loader import builtin_scenarios

        facts = builtin_scenarios()[scenario] if isinstance(scenario, str) else scenario
        self.assessment = assess(facts)
        title = facts.title or facts.id

        def boxes(options: dict[str, str]) -> dict[str, Any]:
            return {
                key: w.Checkbox(
                    value=False,
                    description=label,
                    indent=False,
                    layout=w.Layout(width="auto", margin="0 12px 0 0"),
                )
                for key, label in options.items()
            }

        self.ground_boxes = boxes({g: GROUND_SHORT_LABELS[g] for g in GROUND_IDS})
        self.document_boxes = boxes(DOCUMENT_CHOICES)
        self.first = w.Dropdown(
            options=[("(choose)", "")] + [(GROUND_SHORT_LABELS[g], g) for g in GROUND_IDS],
            value="",
            description="Argue first",
            style={"description_width": "initial"},
        )
        self.button = w.Button(description="Compare with the draft", button_style="primary")
        self.feedback = w.HTML()
        self.button.on_click(lambda _: self.compare())

        def grid(items: dict[str, Any]) -> Any:
            return w.GridBox(
                list(items.values()),
                layout=w.Layout(grid_template_columns="repeat(2, minmax(0, 1fr))"),
            )

        self.widget = w.VBox(
            [
                w.HTML(
                    f"<h4 style='margin:4px 0'>Draft the request: {escape(title)}</h4>"
                    f"<p>{escape(' '.join(facts.notes.split()))}</p>"
                ),
                w.HTML("<strong>Which grounds would you argue?</strong> <em>(tick every one)</em>"),
                grid(self.ground_boxes),
                self.first,
                w.HTML(
                    "<strong>Which documents would you attach?</strong> <em>(tick every one)</em>"
                ),
                grid(self.document_boxes),
                self.button,
                self.feedback,
            ]
        )

    def compare(self) -> DraftingFeedback:
        """Compare the ticked boxes with the draft and show the feedback."""
        grounds = tuple(k for k, b in self.ground_boxes.items() if b.value)
        documents = tuple(k for k, b in self.document_boxes.items() if b.value)
        result = compare_choices(self.assessment, grounds, documents, self.first.value or None)
        want_grounds, want_docs = expected_choices(self.assessment)
        items = "".join(f"<li>{escape(s)}</li>" for s in result.sentences())
        draft_grounds = (
            "".join(f"<li>{escape(GROUND_LABELS.get(g, g))}</li>" for g in want_grounds)
            or "<li>none: the model finds no ground strong or arguable</li>"
        )
        draft_docs = "".join(f"<li>{escape(DOCUMENT_KINDS[k])}</li>" for k in want_docs)
        self.feedback.value = (
            f"<ul>{items}</ul>"
            "<details><summary>The draft's grounds and documents</summary>"
            f"<p>Grounds, in the order argued:</p><ol>{draft_grounds}</ol>"
            f"<p>Documents:</p><ol>{draft_docs}</ol>"
            "<p>See it whole: <code>diffusion-scenarios draft "
            f"{escape(self.assessment.scenario_id)} --request deletion</code>. "
            "Training draft, not legal advice.</p></details>"
        )
        return result

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)
