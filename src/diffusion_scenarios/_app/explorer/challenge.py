"""The "Challenge and dates" tab: the day of the assessment and the request to the CCF."""

from __future__ import annotations

from typing import Any

# The controls of the tab, in their order on screen.
CHALLENGE_TAB = ("as_of", "filed_on", "admissible_on", "requests", "urgent", "ncb_responds")


def keep_challenge(data: dict[str, Any], base_has_one: bool) -> None:
    """A scenario that starts with a challenge keeps one, even with no fact of it given."""
    if base_has_one and "challenge" not in data:
        data["challenge"] = {}
