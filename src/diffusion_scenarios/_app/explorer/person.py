"""The "Person and refugee status" tab."""

from __future__ import annotations

from typing import Any

from diffusion_scenarios._app.explorer.controls import UNKNOWN

# The controls of the tab, in their order on screen.
PERSON_TAB = (
    "nationalities", "residence", "profile", "refugee_status", "refugee_granted_by",
    "refugee_granted_on", "refugee_feared_from",
)  # fmt: skip


def enable_person_controls(controls: dict[str, Any]) -> None:
    """Refugee details need a refugee status."""
    no_refugee = controls["refugee_status"].value == UNKNOWN
    for name in ("refugee_granted_by", "refugee_granted_on", "refugee_feared_from"):
        controls[name].disabled = no_refugee
