"""Which regime governs a request to the CCF on a day: the CCF Statute, from the day its
right of application (Art. 29) comes into force in the catalogue (11 March 2017), or the
RCI before it; the rule ids the route and the revision share; numbers in words.
"""

from __future__ import annotations

import datetime as _dt

from diffusion_scenarios._law.rules import catalogue

__all__ = [
    "KEPT",
    "REVISION_2026_RULE",
    "REVISION_RULE",
    "STATUTE_RULE",
    "TRANSITION_RULE",
    "number_words",
    "statute_applies",
    "statute_from",
]

Date = _dt.date

#: The Statute's own right of application (Art. 29): the Statute governs a request from the
#: day this rule comes into force, read from the catalogue.
STATUTE_RULE = "ccf-statute-29-standing"
REVISION_RULE = "ccf-statute-42-revision"
REVISION_2026_RULE = "ccf-operating-rules-2026-revision"
TRANSITION_RULE = "ccf-statute-2017-transition"
#: Earlier decisions that went against the applicant: the data were kept.
KEPT = ("compliant", "compliant_with_update")
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def number_words(n: int) -> str:
    """``6`` -> "six" (up to nine), ``12`` -> "12"."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def statute_from() -> Date:
    """The day the CCF Statute came into force (11 March 2017 in the catalogue)."""
    return catalogue().first_in_force(STATUTE_RULE)


def statute_applies(day: Date) -> bool:
    """Whether the CCF Statute (and its time limits) governed a request admissible on ``day``."""
    return catalogue().applies(STATUTE_RULE, day)
