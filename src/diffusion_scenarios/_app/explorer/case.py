"""The "National case" tab: the case in the requesting state, its trial and judgments."""

from __future__ import annotations

from typing import Any

from diffusion_scenarios._app.explorer.controls import from_tri
from diffusion_scenarios._app.explorer.fields import put_at

# The controls of the tab, in their order on screen.
CASE_TAB = (
    "offence", "stage", "max_penalty_years", "sentence_months", "remaining_months",
    "amount_usd", "origin", "organised_crime_link", "civil_outcome",
    "summary_names_person_role", "warrant_valid", "limitation_expired",
    "fraudulent_intent", "cheque_count", "in_absentia", "retrial_guaranteed",
    "knew_of_trial", "represented", "political_context",
    "human_rights_concerns", "purpose_defects", "sought_extradition",
    "judgment_country", "judgment_date", "judgment_result",
)  # fmt: skip


def enable_case_controls(controls: dict[str, Any]) -> None:
    """How a trial in absentia went needs a trial in absentia."""
    not_in_absentia = controls["in_absentia"].value == "no"
    for name in ("knew_of_trial", "represented"):
        controls[name].disabled = not_in_absentia


def read_retrial(controls: dict[str, Any], data: dict[str, Any]) -> None:
    """``case.in_absentia_details.retrial_guaranteed`` is the same fact as
    ``case.retrial_guaranteed``: a file that gives it there has it changed with the other."""
    if "retrial_guaranteed" in data.get("case", {}).get("in_absentia_details", {}):
        value = from_tri(controls["retrial_guaranteed"].value)
        put_at(data, "case.in_absentia_details.retrial_guaranteed", value)
