"""How each fact is known: the optional top-level ``evidence:`` map of a scenario file.

Moved out of :mod:`.scenario` (which re-exports every name) so that the values and their
declarations have a module of their own.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from diffusion_scenarios._facts.scenario import Scenario

__all__ = [
    "ALLEGED_BY_DEFAULT",
    "ESTABLISHED_VALUES",
    "ESTABLISHED_WHEN",
    "EVIDENCE_LEVELS",
    "Evidence",
    "assumed_facts",
    "evidence_of",
]


# -- how a fact is known (the optional top-level ``evidence:`` map) --------------------------
#
# Team interface 1 (CONTRACTS.md). A file may say, fact by fact, how the fact is known:
#   alleged      the applicant says so (an argument, a tag of a published decision);
#   established  a court's finding, a recognised status, an extradition refusal, the NCB's
#                own documents or answer;
#   assumed      the encoder chose a plausible value the source does not give (the model
#                uses it; every output shows it as assumed).
# A fact the map does not list takes the default of its field (DEFAULT_EVIDENCE): what a
# file states of a record (a charge, a status, a judgment, a refusal, the NCB's answer) is
# established; what it states of a risk, a motive or how the dispute should be
# characterised is alleged, unless a court or the NCB established it.

EVIDENCE_LEVELS: tuple[str, ...] = ("alleged", "established", "assumed")

#: The default of each fact that is not established by default (every other fact is).
ALLEGED_BY_DEFAULT: frozenset[str] = frozenset(
    {
        "case.political_context",  # a motive: the applicant's reading of the prosecution
        "case.human_rights_concerns",  # a risk the applicant fears
        "case.origin",  # how the dispute is characterised (private, commercial, family)
        "case.purpose_defects",  # the applicant's case that the alert serves no purpose
        "case.requesting_state_sought_extradition",  # false: the applicant's complaint
        "case.fraudulent_intent",  # intent, until a court finds it
        "case.organised_crime_link",  # the NCB's suspicion, until shown
        "case.retrial_guaranteed",
        "case.in_absentia_details",  # what the person knew of the trial, as he tells it
    }
)


#: Facts whose default depends on the value given: ``true`` for "the requesting state sought
#: extradition" is a record (a request was sent); ``false`` is what the applicant complains of.
ESTABLISHED_WHEN: dict[str, object] = {"case.requesting_state_sought_extradition": True}

#: Values of a list of indicators that are records rather than arguments: a finding (a third
#: state's, a court's), the nature of the charge, a status held, dated events (the
#: prosecution following political activity, an election, other prosecutions, a seizure of
#: assets, a dispute to which the state is party), a formal act (a transfer of proceedings,
#: a warrant for questioning only). A list holding one of them is established
#: by default; one holding only the person's characterisation (a critic, an opponent) is
#: the applicant's case.
ESTABLISHED_VALUES: dict[str, frozenset[str]] = {
    "case.political_context": frozenset(
        {
            "third_state_found_political",
            "offence_is_political_by_nature",
            "former_official_of_ousted_regime",
            "election_period",
            "state_is_party_to_dispute",
            "prosecution_follows_political_activity",
            "other_politically_motivated_cases",
            "assets_taken_by_state_or_officials",
        }
    ),
    "case.human_rights_concerns": frozenset({"court_found_persecution"}),
    # "already_tried_for_same_acts" stays alleged: the judgment itself, when on record, is
    # case.final_judgment.
    "case.purpose_defects": frozenset(
        {
            "wanted_for_questioning_only",
            "early_investigation_stage",
            "proceedings_transferred_elsewhere",
        }
    ),
}


class Evidence(Mapping[str, str]):
    """An immutable, hashable map of fact path -> ``alleged | established | assumed``.

    Example:
        >>> e = Evidence({"case.origin": "established"})
        >>> e["case.origin"], len(Evidence()), e == {"case.origin": "established"}
        ('established', 0, True)
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        self._items: tuple[tuple[str, str], ...] = tuple(sorted((items or {}).items()))

    def __getitem__(self, key: str) -> str:
        for name, level in self._items:
            if name == key:
                return level
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Evidence):
            return self._items == other._items
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Evidence({dict(self._items)!r})"


def evidence_of(scenario: Scenario, path: str) -> str:
    """How the fact at ``path`` is known: its ``evidence:`` entry, the entry of the nearest
    enclosing fact listed (``case.arrest_warrant`` covers ``case.arrest_warrant.valid``), or
    the field's default.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios._facts.scenario import Notice, Scenario
        >>> s = Scenario(id="x", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...              issued_on=datetime.date(2025, 1, 10)))
        >>> evidence_of(s, "case.origin"), evidence_of(s, "person.refugee_status")
        ('alleged', 'established')
    """
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        prefix = ".".join(parts[:end])
        if prefix in scenario.evidence:
            return scenario.evidence[prefix]
    if path in ESTABLISHED_WHEN or path in ESTABLISHED_VALUES:
        value: Any = scenario
        for part in parts:
            value = getattr(value, part, None)
        if path in ESTABLISHED_WHEN and value == ESTABLISHED_WHEN[path]:
            return "established"
        if isinstance(value, tuple) and set(value) & ESTABLISHED_VALUES.get(path, frozenset()):
            return "established"
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in ALLEGED_BY_DEFAULT:
            return "alleged"
    return "established"


def assumed_facts(scenario: Scenario) -> tuple[str, ...]:
    """The fact paths the file marks ``assumed`` (shown as assumed in every output)."""
    return tuple(path for path, level in scenario.evidence.items() if level == "assumed")
