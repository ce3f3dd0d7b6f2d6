"""The explorer's fact controls, made from the fact registry: each fact of
:data:`diffusion_scenarios._facts.registry.FACTS` gets a control, its label, options and
tooltip (the fact's help), from which the facts of a scenario are shown and read back into a
scenario mapping by the fact's path.

A fact added to the registry gets its control here with no edit, at the end of its group's
tab. What the explorer adds is presentation only (:data:`_SHOWN`): the control's short name
(``origin``, as in :attr:`ScenarioExplorer.controls`), the words of its "not given" option,
the rows of a list, and a shorter label where the memo's label would not fit the label
column. The facts with a control of their own shape (the requesting state, the recipients,
the lists of proceedings and trips) are built by their tab's module and named in
:data:`SPECIAL_CONTROLS`; the facts the explorer leaves to the file are in :data:`NOT_SHOWN`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as w

from diffusion_scenarios._app.explorer.controls import (
    TRI_OPTIONS,
    UNKNOWN,
    WIDE,
    date_box,
    day_text,
    day_value,
    dropdown,
    from_tri,
    multi,
    number_box,
    number_value,
    opt,
    ordered,
    put,
    show_number,
    text_style,
    tri,
    vocab_options,
)
from diffusion_scenarios._facts.registry import FACTS, FactSpec, spec
from diffusion_scenarios._render.wording import KIND_WORDS


@dataclass(frozen=True, slots=True)
class _Shown:
    """How the explorer shows a fact, beyond what the registry says of it."""

    name: str  # the control's short name
    label: str | None = None  # None: the registry's label
    unknown: str | None = "unknown"  # the words of the "not given" option (choice, country)
    rows: int = 5  # the lines a list of choices shows at once


# The facts the explorer showed before the registry, by path: their controls keep the names
# scripts and tests use, and the labels that fit the label column (13em) where the memo's
# label is longer, or names the record around the fact ("Final judgment abroad: country").
_SHOWN: Mapping[str, _Shown] = {
    "as_of": _Shown("as_of", "Assess as of"),
    "notice.kind": _Shown("kind", unknown=None),
    "notice.purpose": _Shown("purpose", unknown="not given (arrest)"),
    "notice.issued_on": _Shown("issued_on"),
    "notice.public_extract": _Shown("public_extract", "Public extract"),
    "notice.red_notice_refused_on": _Shown("red_notice_refused_on", "Red notice refused on"),
    "person.nationalities": _Shown("nationalities", rows=4),
    "person.residence": _Shown("residence"),
    "person.profile": _Shown("profile", rows=4),
    "person.refugee_status.status": _Shown("refugee_status", "Refugee status", "none"),
    "person.refugee_status.granted_by": _Shown("refugee_granted_by"),
    "person.refugee_status.granted_on": _Shown("refugee_granted_on"),
    "person.refugee_status.feared_persecution_from": _Shown(
        "refugee_feared_from", "Fears persecution from"),
    "case.offence": _Shown("offence"),
    "case.stage": _Shown("stage"),
    "case.max_penalty_years": _Shown("max_penalty_years"),
    "case.sentence_months": _Shown("sentence_months", "Sentence (months)"),
    "case.remaining_months": _Shown("remaining_months", "Left to serve (months)"),
    "case.origin": _Shown("origin"),
    "case.organised_crime_link": _Shown("organised_crime_link", "Organised-crime link"),
    "case.summary_names_person_role": _Shown(
        "summary_names_person_role", "Summary states own role"),
    "case.arrest_warrant.valid": _Shown("warrant_valid", "Arrest warrant valid"),
    "case.limitation_expired": _Shown("limitation_expired", "Limitation expired"),
    "case.amount_usd": _Shown("amount_usd"),
    "case.civil_proceedings.outcome": _Shown(
        "civil_outcome", "Civil case on the same dealings", "none known"),
    "case.in_absentia": _Shown("in_absentia"),
    "case.retrial_guaranteed": _Shown("retrial_guaranteed", "Retrial guaranteed"),
    "case.in_absentia_details.knew_of_trial": _Shown("knew_of_trial"),
    "case.in_absentia_details.represented": _Shown("represented"),
    "case.fraudulent_intent": _Shown("fraudulent_intent"),
    "case.cheque_count": _Shown("cheque_count"),
    "case.final_judgment.country": _Shown(
        "judgment_country", "Final judgment abroad: country", "none known"),
    "case.final_judgment.date": _Shown("judgment_date", "Final judgment: date"),
    "case.final_judgment.result": _Shown("judgment_result", "Final judgment: result"),
    "case.political_context": _Shown("political_context", "Political indicators"),
    "case.human_rights_concerns": _Shown("human_rights_concerns", "Human-rights concerns"),
    "case.purpose_defects": _Shown("purpose_defects", "Purpose defects"),
    "case.requesting_state_sought_extradition": _Shown(
        "sought_extradition", "Extradition sought"),
    "challenge.filed_on": _Shown("filed_on", "Filed with the CCF on"),
    "challenge.requests": _Shown("requests", "Requests to the CCF", rows=4),
    "challenge.urgent": _Shown("urgent", "Urgent (provisional measures)"),
    "challenge.ncb_responds": _Shown("ncb_responds"),
    "challenge.admissible_on": _Shown("admissible_on", "Admissible on (if known)"),
}  # fmt: skip

# The facts the explorer has no control for: they are kept as the starting file gives them.
NOT_SHOWN = frozenset({
    "title", "notes", "person.minor", "case.offence_summary", "case.arrest_warrant.issued_on",
    "case.co_accused_deleted", "case.dual_criminality", "case.prior_ccf_decision.outcome",
    "case.prior_ccf_decision.date", "challenge.new_fact_discovered_on",
    # the same fact as case.retrial_guaranteed, changed with it (see case.read_retrial)
    "case.in_absentia_details.retrial_guaranteed",
})  # fmt: skip

# The kinds of fact that have a control of one fact to one control.
_KINDS = ("text", "bool", "date", "number", "integer", "choice", "choices", "country",
          "countries")  # fmt: skip


@dataclass(frozen=True, slots=True)
class FactControl:
    """How one fact is shown: the fact (its path, kind, label, help and vocabulary), the
    control's short name and label, and the explorer's words for "not given"."""

    fact: FactSpec
    name: str
    label: str
    unknown: str | None = "unknown"
    rows: int = 5

    @property
    def path(self) -> str:
        return self.fact.path

    @property
    def always(self) -> bool:
        """Written even when empty (a required fact of the notice: the loader then names it)."""
        return self.fact.required and (not self.fact.parent or spec(self.fact.parent).required)

    def build(self, countries: Sequence[tuple[str, str]]) -> Any:
        """The control, with its label, options and the fact's help as its tooltip."""
        control = self._control(countries)
        control.tooltip = self.fact.help
        return control

    def _control(self, countries: Sequence[tuple[str, str]]) -> Any:
        kind, words = self.fact.kind, self.fact.vocabulary or ()
        if kind == "bool":
            return dropdown(self.label, TRI_OPTIONS)
        if kind == "date":
            return date_box(self.label)
        if kind in ("number", "integer"):
            return number_box(self.label)
        if kind == "text":
            return w.Text(description=self.label, style=text_style(), layout=WIDE)
        if kind == "country":
            return dropdown(self.label, [(self.unknown or "unknown", UNKNOWN), *countries])
        if kind == "countries":
            return multi(self.label, countries, rows=self.rows)
        if kind == "choices":
            return multi(self.label, vocab_options(words), rows=self.rows)
        if self.path == "notice.kind":
            return dropdown(self.label, [(KIND_WORDS[word], word) for word in words])
        return dropdown(self.label, vocab_options(words, self.unknown))

    def shown(self, value: Any) -> Any:
        """What the control shows for the fact's value (``None`` when not given)."""
        kind = self.fact.kind
        if kind == "bool":
            return tri(value)
        if kind == "date":
            return day_text(value)
        if kind == "number":
            return show_number(value)
        if kind in ("integer", "text"):
            return "" if value is None else str(value)
        if kind in ("choices", "countries"):
            return value or ()
        return value or UNKNOWN

    def read(self, shown: Any, base: Any) -> Any:
        """The fact as a scenario file holds it, from the control's value; ``base`` is the
        starting scenario's value (a list keeps its order when the same words are chosen)."""
        kind = self.fact.kind
        if kind == "bool":
            return from_tri(shown)
        if kind == "date":
            return day_value(shown)
        if kind in ("number", "integer"):
            return number_value(shown)
        if kind == "text":
            return str(shown).strip() or None
        if kind in ("choices", "countries"):
            return list(ordered(shown, base or ()))
        return opt(shown)


# Which control shows the facts at a path its tab handles itself (or a whole record's path).
# A problem or an "assumed" mark at the path goes to this control (the longest path wins).
SPECIAL_CONTROLS: Mapping[str, str] = {
    "id": "save_id",
    "notice.requesting_country": "requesting",
    "notice.recipients": "recipients",
    "person.refugee_status": "refugee_status",
    "case.civil_proceedings": "civil_outcome",
    "case.extradition": "extradition_list",
    "case.in_absentia_details.retrial_guaranteed": "retrial_guaranteed",
    "travel": "trip_choice",
}
# The lists have no label of their own: a problem in one is named by its tab.
LIST_LABELS: Mapping[str, str] = {"extradition_list": "Extradition history",
                                  "trip_choice": "Trips"}  # fmt: skip


def _in_a_list(fact: FactSpec) -> bool:
    """Whether the fact is a field of a list's records (a trip's date): the list's tab adds
    and removes whole records."""
    parent = fact.parent
    while parent:
        if spec(parent).kind == "records":
            return True
        parent = spec(parent).parent
    return False


def _fact_controls() -> tuple[FactControl, ...]:
    controls = []
    for fact in FACTS:
        if (
            fact.kind not in _KINDS
            or fact.path in NOT_SHOWN
            or fact.path in SPECIAL_CONTROLS
            or _in_a_list(fact)
        ):
            continue
        shown = _SHOWN.get(fact.path) or _Shown(fact.path.replace(".", "_"))
        controls.append(
            FactControl(fact, shown.name, shown.label or fact.label, shown.unknown, shown.rows)
        )
    return tuple(controls)


#: Every fact with a control of its own, in the registry's order.
FACT_CONTROLS: tuple[FactControl, ...] = _fact_controls()

# A record left out whole when a fact it requires is not given (a refugee status without the
# status): its other facts alone would not load.
_RECORDS = tuple(
    (
        record.path,
        tuple(item.name for item in FACTS if item.parent == record.path and item.required),
    )
    for record in FACTS
    if record.kind == "record" and record.parent and not record.required
)

# The tab a fact added to the registry is shown in, by its group (at the end of the tab).
_TAB_OF_GROUP = {"scenario": "challenge", "notice": "notice", "person": "person", "case": "case",
                 "history": "case", "travel": "trips", "challenge": "challenge"}  # fmt: skip


def more_controls(tab: str, placed: Sequence[str]) -> tuple[str, ...]:
    """The fact controls for ``tab`` that its list of controls does not place (facts added
    to the registry), in the registry's order."""
    return tuple(
        fact.name
        for fact in FACT_CONTROLS
        if fact.name not in placed and _TAB_OF_GROUP.get(fact.fact.group, "case") == tab
    )


def field_controls() -> dict[str, str]:
    """Every field path with the short name of the control that shows it."""
    return {**{f.path: f.name for f in FACT_CONTROLS}, **SPECIAL_CONTROLS}


def value_at(value: Any, path: str) -> Any:
    """The value at a field path of a scenario (``None`` where a part is not given)."""
    for part in path.split("."):
        if value is None:
            return None
        value = getattr(value, part, None)
    return value


def put_at(mapping: dict[str, Any], path: str, value: Any, *, required: bool = False) -> None:
    """Set the fact at ``path`` in a scenario mapping, or leave it out when it is unknown;
    a record left empty is left out too."""
    key, _, rest = path.partition(".")
    if not rest:
        if required:
            mapping[key] = value
        else:
            put(mapping, key, value)
        return
    inner = dict(mapping.get(key) or {})
    put_at(inner, rest, value, required=required)
    put(mapping, key, inner)


def show_facts(controls: Mapping[str, Any], scenario: Any) -> None:
    """Put the value of every fact with a control into it."""
    for fact in FACT_CONTROLS:
        if fact.name in controls:
            controls[fact.name].value = fact.shown(value_at(scenario, fact.path))


def read_facts(controls: Mapping[str, Any], data: dict[str, Any], base: Any) -> None:
    """Write the value of every fact with a control into the scenario mapping ``data``,
    which starts as the starting scenario ``base``'s own."""
    for fact in FACT_CONTROLS:
        if fact.name in controls:
            value = fact.read(controls[fact.name].value, value_at(base, fact.path))
            put_at(data, fact.path, value, required=fact.always)
    for record, required in _RECORDS:
        given = value_at_key(data, record)
        if given and any(key not in given for key in required):
            put_at(data, record, None)


def value_at_key(data: Mapping[str, Any], path: str) -> Any:
    """The value at a field path of a scenario mapping (``None`` where it is not given)."""
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def build_fact_controls(controls: dict[str, Any], countries: Sequence[tuple[str, str]]) -> None:
    """Every fact control, by its short name."""
    for fact in FACT_CONTROLS:
        controls[fact.name] = fact.build(countries)
