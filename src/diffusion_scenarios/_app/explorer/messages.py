"""What the explorer says back: a line of status, and the problems of facts that cannot be
assessed, each named by the label of the control that shows it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape

from diffusion_scenarios.errors import Problem


def first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    more = f" (and {len(lines) - 1} more problem{'s' if len(lines) > 2 else ''})"
    return lines[0] + (more if len(lines) > 1 else "")


def message(text: str, *, error: bool) -> str:
    colour = "#B00020" if error else "#1B5E20"
    role = "alert" if error else "status"
    return f'<div role="{role}" style="color:{colour};font-size:13px">{escape(text)}</div>'


def _plain_words(text: str) -> str:
    """Loader wording made plain for the app (no pattern syntax shown to a lawyer)."""
    return text.replace(" ([a-z0-9-]+)", "").replace("[a-z0-9-]+", "lower-case letters, "
                                                     "digits and hyphens")  # fmt: skip


def _problem_line(problem: Problem, labels: Mapping[str, str]) -> str:
    """One problem as a line of HTML: the control's label, then what was expected and found.

    ``labels`` gives the label of the control that shows each field path (the longest
    path that is the problem's path or a prefix of it wins)."""
    bare = re.sub(r"\[\d+\]", "", problem.path)
    label = next(
        (
            labels[prefix]
            for prefix in sorted(labels, key=len, reverse=True)
            if bare == prefix or bare.startswith(prefix + ".")
        ),
        "",
    )
    where = label or problem.path or "the whole file"
    text = f"expected {_plain_words(problem.expected)}"
    if problem.found is not None:
        text += f", found {problem.found}"
    if problem.suggestion is not None:
        text += f" (did you mean '{problem.suggestion}'?)"
    field = (
        f' <span style="color:#555">(<code>{escape(problem.path)}</code>)</span>'
        if problem.path and label
        else ""
    )
    return f"<li><strong>{escape(where)}</strong>{field}: {escape(text)}</li>"


def problems_html(heading: str, problems: Sequence[Problem], labels: Mapping[str, str]) -> str:
    """Every problem, one list item each, under a heading: shown in red, read out at once."""
    items = "".join(_problem_line(p, labels) for p in problems)
    return (
        '<div role="alert" style="color:#B00020;font-size:13px;line-height:1.4">'
        f"<strong>{escape(heading)}</strong>"
        f'<ul style="margin:2px 0 4px 18px;padding:0">{items}</ul></div>'
    )
