"""The explorer's fact controls: one entry per fact, from which its control is built, the
facts of a scenario are shown on it, and its value is read back into a scenario mapping.

A fact is named here once, by its field path in the scenario format (``case.origin``); the
control's short name (``origin``, as in :attr:`ScenarioExplorer.controls`), its label and
its options follow from the entry. The facts with a control of their own shape (the
requesting state, the recipients, the lists of proceedings and trips) are built by their
tab's module and named in :data:`SPECIAL_CONTROLS`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from diffusion_scenarios._app.explorer.controls import (
    TRI_OPTIONS,
    UNKNOWN,
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
    tri,
    vocab_options,
)
from diffusion_scenarios._law import vocab as _vocab
from diffusion_scenarios._render.wording import KIND_WORDS


@dataclass(frozen=True, slots=True)
class FactControl:
    """How one fact is shown: its path, the control's short name, label and kind (``choice``,
    ``choices``, ``bool``, ``date``, ``number``, ``integer``, ``country``, ``countries``)."""

    path: str
    name: str
    label: str
    kind: str
    vocabulary: tuple[str, ...] = ()
    unknown: str | None = "unknown"  # the words of the "not given" option (choice, country)
    option_words: Mapping[str, str] | None = None  # how a word of the vocabulary is shown
    rows: int = 5  # the lines a list of choices shows at once
    required: bool = False  # written even when empty (the loader then names it)

    def build(self, countries: Sequence[tuple[str, str]]) -> Any:
        """The control, with its label and options."""
        if self.kind == "bool":
            return dropdown(self.label, TRI_OPTIONS)
        if self.kind == "date":
            return date_box(self.label)
        if self.kind in ("number", "integer"):
            return number_box(self.label)
        if self.kind == "country":
            return dropdown(self.label, [(self.unknown or "unknown", UNKNOWN), *countries])
        if self.kind == "countries":
            return multi(self.label, countries, rows=self.rows)
        if self.kind == "choices":
            return multi(self.label, vocab_options(self.vocabulary), rows=self.rows)
        if self.option_words is not None:
            return dropdown(self.label, [(self.option_words[v], v) for v in self.vocabulary])
        return dropdown(self.label, vocab_options(self.vocabulary, self.unknown))

    def shown(self, value: Any) -> Any:
        """What the control shows for the fact's value (``None`` when not given)."""
        if self.kind == "bool":
            return tri(value)
        if self.kind == "date":
            return day_text(value)
        if self.kind == "number":
            return show_number(value)
        if self.kind == "integer":
            return "" if value is None else str(value)
        if self.kind in ("choices", "countries"):
            return value or ()
        return value or UNKNOWN

    def read(self, shown: Any, base: Any) -> Any:
        """The fact as a scenario file holds it, from the control's value; ``base`` is the
        starting scenario's value (a list keeps its order when the same words are chosen)."""
        if self.kind == "bool":
            return from_tri(shown)
        if self.kind == "date":
            return day_value(shown)
        if self.kind in ("number", "integer"):
            return number_value(shown)
        if self.kind in ("choices", "countries"):
            return list(ordered(shown, base or ()))
        return opt(shown)


def _fact(path: str, name: str, label: str, kind: str, **more: Any) -> FactControl:
    return FactControl(path, name, label, kind, **more)


_V = _vocab
FACT_CONTROLS: tuple[FactControl, ...] = (
    _fact("as_of", "as_of", "Assess as of", "date"),
    _fact("notice.kind", "kind", "Kind", "choice", vocabulary=_V.NOTICE_KINDS, unknown=None,
          option_words=KIND_WORDS, required=True),
    _fact("notice.purpose", "purpose", "Purpose", "choice", vocabulary=_V.PURPOSES,
          unknown="not given (arrest)"),
    _fact("notice.issued_on", "issued_on", "Issued on", "date", required=True),
    _fact("notice.public_extract", "public_extract", "Public extract", "bool"),
    _fact("notice.red_notice_refused_on", "red_notice_refused_on", "Red notice refused on",
          "date"),
    _fact("person.nationalities", "nationalities", "Nationalities", "countries", rows=4),
    _fact("person.residence", "residence", "Residence", "country"),
    _fact("person.profile", "profile", "Profile", "choices", vocabulary=_V.PROFILES, rows=4),
    _fact("person.refugee_status.status", "refugee_status", "Refugee status", "choice",
          vocabulary=_V.REFUGEE_STATUSES, unknown="none"),
    _fact("person.refugee_status.granted_by", "refugee_granted_by", "Granted by", "country"),
    _fact("person.refugee_status.granted_on", "refugee_granted_on", "Granted on", "date"),
    _fact("person.refugee_status.feared_persecution_from", "refugee_feared_from",
          "Fears persecution from", "country"),
    _fact("case.offence", "offence", "Offence", "choice", vocabulary=_V.OFFENCES),
    _fact("case.stage", "stage", "Stage", "choice", vocabulary=_V.STAGES),
    _fact("case.max_penalty_years", "max_penalty_years", "Maximum penalty (years)", "number"),
    _fact("case.sentence_months", "sentence_months", "Sentence (months)", "number"),
    _fact("case.remaining_months", "remaining_months", "Left to serve (months)", "number"),
    _fact("case.origin", "origin", "Origin of the case", "choice", vocabulary=_V.ORIGINS),
    _fact("case.organised_crime_link", "organised_crime_link", "Organised-crime link", "bool"),
    _fact("case.summary_names_person_role", "summary_names_person_role",
          "Summary states own role", "bool"),
    _fact("case.arrest_warrant.valid", "warrant_valid", "Arrest warrant valid", "bool"),
    _fact("case.limitation_expired", "limitation_expired", "Limitation expired", "bool"),
    _fact("case.amount_usd", "amount_usd", "Amount at stake (USD)", "number"),
    _fact("case.civil_proceedings.outcome", "civil_outcome", "Civil case on the same dealings",
          "choice", vocabulary=_V.CIVIL_OUTCOMES, unknown="none known"),
    _fact("case.in_absentia", "in_absentia", "Convicted in absentia", "bool"),
    _fact("case.retrial_guaranteed", "retrial_guaranteed", "Retrial guaranteed", "bool"),
    _fact("case.in_absentia_details.knew_of_trial", "knew_of_trial", "Knew of the trial",
          "bool"),
    _fact("case.in_absentia_details.represented", "represented", "Represented at trial",
          "bool"),
    _fact("case.fraudulent_intent", "fraudulent_intent", "Fraudulent intent shown", "bool"),
    _fact("case.cheque_count", "cheque_count", "Number of cheques", "integer"),
    _fact("case.final_judgment.country", "judgment_country", "Final judgment abroad: country",
          "country", unknown="none known"),
    _fact("case.final_judgment.date", "judgment_date", "Final judgment: date", "date"),
    _fact("case.final_judgment.result", "judgment_result", "Final judgment: result", "choice",
          vocabulary=_V.FINAL_JUDGMENT_RESULTS),
    _fact("case.political_context", "political_context", "Political indicators", "choices",
          vocabulary=_V.POLITICAL_INDICATORS),
    _fact("case.human_rights_concerns", "human_rights_concerns", "Human-rights concerns",
          "choices", vocabulary=_V.HUMAN_RIGHTS_CONCERNS),
    _fact("case.purpose_defects", "purpose_defects", "Purpose defects", "choices",
          vocabulary=_V.PURPOSE_DEFECTS),
    _fact("case.requesting_state_sought_extradition", "sought_extradition",
          "Extradition sought", "bool"),
    _fact("challenge.filed_on", "filed_on", "Filed with the CCF on", "date"),
    _fact("challenge.requests", "requests", "Requests to the CCF", "choices",
          vocabulary=_V.CHALLENGE_REQUESTS, rows=4),
    _fact("challenge.urgent", "urgent", "Urgent (provisional measures)", "bool"),
    _fact("challenge.ncb_responds", "ncb_responds", "Source NCB answers the CCF", "bool"),
    _fact("challenge.admissible_on", "admissible_on", "Admissible on (if known)", "date"),
)  # fmt: skip

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

# A record left out whole when the fact that makes it one is not given.
_RECORD_KEYS = {"person.refugee_status": "status", "case.civil_proceedings": "outcome"}


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
            put_at(data, fact.path, value, required=fact.required)
    for record, key in _RECORD_KEYS.items():
        head, _, name = record.partition(".")
        if key not in data.get(head, {}).get(name, {}):
            put_at(data, record, None)


def build_fact_controls(controls: dict[str, Any], countries: Sequence[tuple[str, str]]) -> None:
    """Every fact control, by its short name."""
    for fact in FACT_CONTROLS:
        controls[fact.name] = fact.build(countries)
