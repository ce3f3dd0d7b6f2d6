"""The facts as given: every fact of the scenario in plain words, in the memo's order, with
``None`` for a fact the scenario does not give and the words "assumed for the model" where the
file marks a fact assumed.

The rows come from the fact registry (:mod:`diffusion_scenarios._facts.registry`): every fact
the scenario gives is a row, under its declared label, in the order of the fields (a list of
records, such as the trips, gives a row per record). What is the memo's own is how a value
reads in words and which unknown facts it lists as "not given" (:data:`_WHEN_UNKNOWN`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._facts.naming import introduced_as_assumed
from diffusion_scenarios._facts.registry import FactSpec, children, spec
from diffusion_scenarios._facts.scenario import evidence_of
from diffusion_scenarios._render.plain import country, listing, number, words, yes_no
from diffusion_scenarios._render.wording import KIND_WORDS

if TYPE_CHECKING:
    from diffusion_scenarios._facts.scenario import Scenario

__all__ = ["Fact", "assumed_words", "facts_as_given"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """One fact of the scenario in plain words; ``value`` is ``None`` when it was not given."""

    group: str
    label: str
    value: str | None
    path: str = ""  # the fact's path in the registry
    given: bool = True  # False: the words say it is unknown ("none stated")


Row = tuple[str, str | None]

#: The memo's heading of the facts at the top of a file (the others are their record's label).
_SCENARIO_GROUP = "The scenario"

#: The unknown facts the memo lists: path -> (label, words). ``None`` words list the fact
#: under "Facts not given"; a fact not in this table is left out while it is unknown.
_WHEN_UNKNOWN: dict[str, Row] = {
    "title": ("Title", None),
    "as_of": ("Assessed as of", None),
    **{
        path: (spec(path).label, None)
        for path in (
            "person.nationalities",
            "person.residence",
            "person.profile",
            "person.refugee_status.granted_by",
            "person.refugee_status.granted_on",
            "person.refugee_status.feared_persecution_from",
            "notice.purpose",
            "case.stage",
            "case.offence",
            "case.offence_summary",
            "case.max_penalty_years",
            "case.sentence_months",
            "case.remaining_months",
            "case.summary_names_person_role",
            "case.arrest_warrant.issued_on",
            "case.arrest_warrant.valid",
            "case.in_absentia",
            "case.retrial_guaranteed",
            "case.limitation_expired",
            "case.origin",
            "case.organised_crime_link",
            "case.amount_usd",
            "case.civil_proceedings",
            "case.co_accused_deleted",
            "case.requesting_state_sought_extradition",
            "case.dual_criminality",
            "challenge.filed_on",
            "challenge.requests",
            "challenge.urgent",
            "challenge.admissible_on",
            "challenge.ncb_responds",
            "notice.public_extract",
        )
    },
    "notice.recipients": ("Recipients", None),
    "person.refugee_status": ("Refugee or asylum status", "none stated"),
    "case.purpose_defects": (spec("case.purpose_defects").label, "none"),
    "case.political_context": (spec("case.political_context").label, "none"),
    "case.human_rights_concerns": (spec("case.human_rights_concerns").label, "none"),
    "case.extradition": (spec("case.extradition").label, "none stated"),
    "case.prior_ccf_decision": (spec("case.prior_ccf_decision").label, "none stated"),
    "travel": ("Trips", "none planned"),
    "challenge": ("Challenge", None),
}

#: Unknown facts the memo lists only when another fact makes them matter.
_ASKED_WHEN: dict[str, Callable[[Scenario], bool]] = {
    "case.sentence_months": lambda s: s.case.stage != "prosecution",
    "case.remaining_months": lambda s: s.case.stage != "prosecution",
    "case.retrial_guaranteed": lambda s: bool(s.case.in_absentia),
    "notice.public_extract": lambda s: s.notice.kind == "red_notice",
}


def _maybe(value: object, render: str | None = None) -> str | None:
    """A fact's value in words, ``None`` when not given (``render`` overrides the words)."""
    if value is None:
        return None
    if render is not None:
        return render
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float | int):
        return number(float(value))
    return words(str(value))


def _token(scenario: Scenario, token: str) -> str:
    """A recipient as stated: a country, or a region word."""
    if len(token) == 3 and token.isupper():
        return country(token, scenario)
    return f"{words(token)} (region)"


def _proceeding(item: Any) -> str:
    parts = [
        country(item.country) if item.country else "country unknown",
        words(item.outcome) if item.outcome else "outcome unknown",
    ]
    if item.grounds:
        parts.append(f"on {words(item.grounds)} grounds")
    if item.date:
        parts.append(f"on {item.date.isoformat()}")
    return ", ".join(parts)


def _prior(item: Any) -> str:
    text = words(item.outcome) if item.outcome else "outcome unknown"
    return f"{text} ({item.date.isoformat()})" if item.date else text


#: How the memo words the facts whose words are not those of their kind.
_WORDS: dict[str, Callable[[Scenario, Any], str | None]] = {
    "notice.kind": lambda s, v: KIND_WORDS.get(v, words(v)),
    "notice.requesting_country": lambda s, v: assumed_words(
        s, "notice.requesting_country", country(v)
    ),  # named as assumed once, here
    "notice.recipients": lambda s, v: listing(_token(s, t) for t in v),
    "case.amount_usd": lambda s, v: f"{v:,.0f}",
    "case.civil_proceedings": lambda s, v: _maybe(v.outcome),
    "case.dual_criminality": lambda s, v: listing(
        f"{country(code)}: {'satisfied' if ok else 'not satisfied'}" for code, ok in v
    ),
    "case.prior_ccf_decision": lambda s, v: _prior(v),
}

#: A list of records given as one row per record: path -> (label, words) of each record.
_EACH: dict[str, Callable[[Scenario, Any], Row]] = {
    "case.extradition": lambda s, v: (spec("case.extradition").label, _proceeding(v)),
    "travel": lambda s, v: (f"Trip on {v.date.isoformat()}", country(v.country, s)),
}


def _value_words(scenario: Scenario, item: FactSpec, value: Any) -> str | None:
    """The fact's value in the memo's words, by its kind unless :data:`_WORDS` says."""
    if item.path in _WORDS:
        return _WORDS[item.path](scenario, value)
    if item.kind == "country":
        return country(value, scenario)
    if item.kind == "countries":
        return listing(country(code, scenario) for code in value)
    if item.kind == "choices":
        return listing(map(words, value))
    if item.kind in ("record", "records"):  # one line: each field given, with its label
        records = value if isinstance(value, tuple) else (value,)
        return listing(_record_words(scenario, item, record) for record in records)
    if item.kind == "text":
        return str(value)
    return _maybe(value)


def _record_words(scenario: Scenario, item: FactSpec, record: Any) -> str:
    parts = []
    for part in children(item.path):
        value = getattr(record, part.name)
        if value is not None and value != ():
            parts.append(f"{part.label.lower()}: {_value_words(scenario, part, value)}")
    return "; ".join(parts)


def _given(value: Any) -> bool:
    return value is not None and value != () and value != ""


def _rows(scenario: Scenario, parent: str, holder: Any) -> list[tuple[str, Row]]:
    """(path, row) for every fact inside ``parent``: the top in the format's order, the
    facts inside a record in the order of its fields."""
    rows: list[tuple[str, Row]] = []
    inside = children(parent)
    for item in sorted(inside, key=lambda each: each.index) if parent else inside:
        value: Any = getattr(holder, item.name) if holder is not None else None
        if not _given(value):
            asked = _ASKED_WHEN.get(item.path)
            if item.path in _WHEN_UNKNOWN and (asked is None or asked(scenario)):
                rows.append((f"?{item.path}", _WHEN_UNKNOWN[item.path]))
            elif item.kind == "record" and not item.whole and item.path not in _WHEN_UNKNOWN:
                rows += _rows(scenario, item.path, None)  # its facts, each unknown
        elif item.kind == "record" and not item.whole:
            rows += _rows(scenario, item.path, value)
        elif item.path in _EACH:
            rows += [(item.path, _EACH[item.path](scenario, record)) for record in value]
        else:
            rows.append((item.path, (item.label, _value_words(scenario, item, value))))
    return rows


def facts_as_given(scenario: Scenario) -> tuple[Fact, ...]:
    """Every fact of the scenario, in order, with ``None`` for the unknown ones."""
    facts: list[Fact] = []
    for marked, (label, value) in _rows(scenario, "", scenario):
        path = marked.removeprefix("?")  # "?path": a fact not given
        top = path.split(".", 1)[0]
        group = _SCENARIO_GROUP if spec(top).group == "scenario" else spec(top).label
        value = _flag_assumed(scenario, path, value)
        facts.append(Fact(group=group, label=label, value=value, path=path, given=path == marked))
    return tuple(facts)


def assumed_words(scenario: Scenario, path: str, shown: str) -> str:
    """A fact's words, saying so when the file marks it assumed (``evidence:``): the
    requesting state reads "State A, assumed to be Kyrgyzstan for the model"."""
    if evidence_of(scenario, path) != "assumed":  # listed, or a fact it is part of
        return shown
    if path == "notice.requesting_country":
        return introduced_as_assumed(shown)
    return f"{shown}, assumed for the model"


def _flag_assumed(scenario: Scenario, path: str, value: str | None) -> str | None:
    """A given fact the file marks assumed reads "..., assumed for the model" (issue 25.7);
    the requesting state is named as assumed where its row is built."""
    if value is None or path == "notice.requesting_country" or "." not in path:
        return value
    if evidence_of(scenario, path) != "assumed":
        return value
    return assumed_words(scenario, path, value)
