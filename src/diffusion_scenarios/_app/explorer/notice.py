"""The "Notice and circulation" tab: the facts of the notice, with the requesting state and
the recipients offered from INTERPOL's members on the day of issue."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from diffusion_scenarios._app.explorer.controls import (
    UNKNOWN,
    day,
    dropdown,
    members_on,
    multi,
    ordered,
    put,
    vocab_options,
    with_codes,
)
from diffusion_scenarios._facts.registry import spec
from diffusion_scenarios._facts.scenario import Notice

if TYPE_CHECKING:
    from diffusion_scenarios._app.explorer.explorer import ScenarioExplorer

# The controls of the tab, in their order on screen.
NOTICE_TAB = (
    "kind", "purpose", "requesting", "issued_on", "recipients", "recipient_regions",
    "recipient_countries", "public_extract", "red_notice_refused_on",
)  # fmt: skip


def build_notice_controls(controls: dict[str, Any]) -> None:
    """The controls of the notice's facts that are not one fact to one control."""
    members = members_on()
    controls["requesting"] = dropdown("Requesting state", members)
    controls["recipients"] = dropdown(
        "Recipients",
        [
            ("not given (all members)", UNKNOWN),
            ("all members", "all"),
            ("chosen regions and countries", "chosen"),
        ],
    )
    regions = spec("notice.recipients").vocabulary or ()  # the region words, and "all"
    controls["recipient_regions"] = multi(
        "Recipient regions", vocab_options(r for r in regions if r != "all"), rows=4
    )
    controls["recipient_countries"] = multi("Recipient countries", members, rows=5)


def show_recipients(explorer: ScenarioExplorer, notice: Notice) -> None:
    """Put the requesting state and the recipients of ``notice`` into their controls."""
    c = explorer.controls
    tokens = notice.recipients
    if tokens is None:
        c["recipients"].value = UNKNOWN
    elif tokens == ("all",):
        c["recipients"].value = "all"
    else:
        c["recipients"].value = "chosen"
    regions = {v for _, v in c["recipient_regions"].options}
    chosen = tokens or ()
    c["recipient_regions"].value = tuple(t for t in chosen if t in regions)
    explorer._offered = None
    offer_members(
        explorer,
        notice.requesting_country,
        tuple(t for t in chosen if t not in regions and t != "all"),
    )


def read_recipients(controls: dict[str, Any], data: dict[str, Any], base: Notice) -> None:
    """Write the requesting state and the recipients into the mapping ``data``."""
    notice = data["notice"]
    notice["requesting_country"] = controls["requesting"].value
    if controls["requesting"].value != base.requesting_country:
        # A state the user picks is no longer the file's assumption (issue 25 point 7).
        evidence = dict(data.get("evidence", {}))
        if evidence.pop("notice.requesting_country", None) is not None:
            put(data, "evidence", evidence)
    mode = controls["recipients"].value
    if mode == UNKNOWN:
        notice.pop("recipients", None)
    elif mode == "all":
        notice["recipients"] = "all"
    else:
        chosen = (*controls["recipient_regions"].value, *controls["recipient_countries"].value)
        notice["recipients"] = list(ordered(chosen, base.recipients or ()))


def enable_notice_controls(explorer: ScenarioExplorer, changed: str | None) -> None:
    """A red notice goes to every member, so its recipients are "all members" and cannot be
    chosen (the diffusion's choice comes back when the kind is switched back); only a red
    notice can have a public extract; a refused red notice request only matters for a
    diffusion."""
    c = explorer.controls
    red = c["kind"].value == "red_notice"
    stash = explorer._stash
    if changed == "kind":
        if red:
            stash["recipients"] = (
                c["recipients"].value,
                c["recipient_regions"].value,
                c["recipient_countries"].value,
            )
            if c["recipients"].value == "chosen":
                c["recipients"].value = "all"
            stash["red_notice_refused_on"] = c["red_notice_refused_on"].value
            c["red_notice_refused_on"].value = ""
            if "public_extract" in stash:
                c["public_extract"].value = stash.pop("public_extract")
        else:
            if "recipients" in stash:
                mode, regions, countries = stash.pop("recipients")
                c["recipients"].value = mode
                c["recipient_regions"].value = regions
                c["recipient_countries"].value = countries
            if "red_notice_refused_on" in stash:
                c["red_notice_refused_on"].value = stash.pop("red_notice_refused_on")
            if c["public_extract"].value == "yes":
                stash["public_extract"] = "yes"
                c["public_extract"].value = UNKNOWN
    c["recipients"].disabled = red
    chosen = c["recipients"].value == "chosen" and not red
    c["recipient_regions"].disabled = not chosen
    c["recipient_countries"].disabled = not chosen
    c["public_extract"].disabled = not red
    c["red_notice_refused_on"].disabled = red
    if changed in (None, "issued_on", "requesting"):
        offer_members(explorer)


def offer_members(
    explorer: ScenarioExplorer, requesting: str | None = None, chosen: tuple[str, ...] | None = None
) -> None:
    """Members on the day of issue in the state and recipient lists (plus what is set)."""
    c = explorer.controls
    issued = day(c["issued_on"].value)
    requesting = c["requesting"].value if requesting is None else requesting
    members = members_on(issued)
    key = (issued, requesting, members)
    if key == explorer._offered:
        return
    explorer._offered = key
    syncing, explorer._syncing = explorer._syncing, True
    try:
        if chosen is None:
            chosen = tuple(c["recipient_countries"].value)
        c["requesting"].options = with_codes(members, requesting)
        c["requesting"].value = requesting
        c["recipient_countries"].options = with_codes(
            [(label, code) for label, code in members if code != requesting], *chosen
        )
        c["recipient_countries"].value = chosen
    finally:
        explorer._syncing = syncing
