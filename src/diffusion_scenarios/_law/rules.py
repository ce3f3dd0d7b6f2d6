"""The rule catalogue: the law as dated data (anchor: OpenFisca parameters).

Rules live in ``data/rules/*.yaml``. Each file holds ``rules:``, a list of entries::

    - id: ccf-statute-40-access           # stable id, cited in assessments
      instrument: Statute of the CCF
      provision: Art. 40(1)
      brief: CCF-37                       # row id in domain/legal_brief.md
      verification: secondary             # primary | secondary | unverified
      url: https://...
      paraphrase: An access request is decided within four months of admissibility.
      earlier: rci-requests               # optional: the rule that governed the same matter
                                          # before this one came into force
      versions:                           # dated values, oldest first
        - in_force_from: 2017-03-11
          until: null                     # optional; the day after the last day in force
          version: "II.E/RCIA/GA/2004 (2017)"
          value: {months: 4}              # optional parameters used by the engine

A file may also hold ``earlier_by_instrument:``, a list of ``{instrument, earlier}``: every
rule whose instrument starts with ``instrument`` and that names no ``earlier`` of its own
takes that one (the RPD's rules -> the rules before July 2012; the Statute's -> the RCI).

Every ``value`` is checked on load against :data:`VALUE_SCHEMA`, which declares, rule by
rule, the keys the engine reads and their types: an unknown key (a misspelling such as
``prosecution_min_yrs``), a missing key or a value of the wrong type is refused with a
:class:`~diffusion_scenarios.errors.ReferenceDataError` naming the file, the rule and the
key. There are no fallbacks in the engine: a number the engine uses is in the catalogue or
the catalogue does not load.

The catalogue is read from the package's ``data/rules`` folder, or from the folder named
by the environment variable ``DIFFUSION_SCENARIOS_RULES`` (to try an edited copy of the
law; see :func:`load_catalogue`).

A date-aware lookup answers "which version applied on this day"::

    >>> import datetime
    >>> catalogue().applies("ccf-statute-40-access", datetime.date(2016, 1, 1))
    False

Verification is about the *source* of the rule; anything ``unverified`` must be shown to
the user as such (renderers do this from :class:`Citation.verification`).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from diffusion_scenarios._engine.assessment import Citation
from diffusion_scenarios._facts.yaml_io import yaml_fault
from diffusion_scenarios._law.vocab import VERIFICATION
from diffusion_scenarios.errors import ReferenceDataError

__all__ = [
    "NOT_YET_IN_FORCE",
    "RULES_ENV",
    "VALUE_SCHEMA",
    "Rule",
    "RuleCatalogue",
    "RuleVersion",
    "catalogue",
    "load_catalogue",
    "rule_citation",
]

Date = _dt.date

#: The words by which a text cites a rule only to say it did not apply yet. A rule cited
#: for a day before it came into force must come with these words (see
#: ``_engine.pipeline.applied_rules`` and the test that every cited rule is in force when applied).
NOT_YET_IN_FORCE = "not yet in force"

#: The environment variable naming a folder of ``*.yaml`` rule files to read instead of the
#: catalogue shipped with the package (for trying an edited copy of the law).
RULES_ENV = "DIFFUSION_SCENARIOS_RULES"

#: A value's declared type: a type name, or a mapping of sub-keys to their own types.
Schema = Mapping[str, "str | Schema"]

_ARTICLE3_INDICATORS = (
    "status",
    "prosecution_follows_political_activity",
    "election_period",
    "former_official_of_ousted_regime",
    "state_is_party_to_dispute",
    "other_politically_motivated_cases",
    "assets_taken_by_state_or_officials",
    "court_found_persecution",
    "refugee_recognised",
    "third_state_found_political",
)

#: The terms of the decision model (outcome.yaml), each a fitted weight, in the order the
#: engine multiplies them (``_engine.outcome``): the deletion score's, then the update's.
#: The decision model's fitted or derived terms (outcome.yaml, model-outcome-weights).
OUTCOME_FITTED_TERMS = (
    "strong",
    "arguable",
    "update_keep",
    "update_share",
    "prior_stands",
    "cleared",
    "high_confidence_at",
)
#: A weight's fields: its value, its start (the judgement before the fit), the range the
#: fit allows, whether it is fitted, how many decisions show it, and the range it took
#: across the cross-validation refits.
_WEIGHT_TERM: Schema = {
    "value": "number",
    "start": "number",
    "range": "list",
    "fitted": "bool",
    "decisions": "int",
    "cross_validated": "list",
}

#: The value keys each rule carries and their types, rule by rule. A rule not named here
#: carries no ``value``. ``number`` is an int or a float (never a bool); a nested mapping
#: declares the sub-keys of a mapping value. Every key is required in every version.
VALUE_SCHEMA: Mapping[str, Schema] = {
    # procedure.yaml
    "red-notice-validity": {"years": "int"},
    "interpol-membership": {"members": "int"},
    "ccf-operating-rules-2026-limits": {"pages": "int", "appendices": "int"},
    "ccf-filing-post-or-email": {"channel": "str"},
    "ccf-filing-portal-only": {"channel": "str"},
    "ccf-admissibility-timing": {"months": "int"},
    "rci-admissibility-estimate": {"months": "int"},
    "ccf-statute-33-2025-gs-consultation": {"days": "int"},
    "ccf-statute-40-access": {"months": "int"},
    "ccf-statute-40-deletion": {"months": "int"},
    "ccf-statute-42-revision": {"months": "int"},
    "ccf-implementation": {"send_months": "int", "implement_months": "int"},  # issue 20 pt 4
    "arrest-uk-provisional-arrest-act-2020": {  # issue 25 point 6
        "specified_territories": "list",
        "eu_members_specified": "bool",
    },
    "ccf-operating-rules-2026-revision": {"pages": "int"},
    "ccf-statute-16-sessions": {"sessions_minimum": "int"},
    # substantive.yaml
    "constitution-art-3": {"military": "bool"},
    "repository-of-practice": {"covers_article_2": "bool"},
    "gs-cheque-threshold": {"min_amount_usd": "number", "repeated_cheques": "int"},
    "rpd-83-1-a-ii-penalty": {"prosecution_min_years": "number", "sentence_min_months": "number"},
    "model-article3-weights": {
        "heavy_offences": "list",
        "light_offences": "list",
        "offence_weight": {"heavy": "int", "ordinary": "int", "light": "int"},
        "own_acts": "int",
        "indicators": dict.fromkeys(_ARTICLE3_INDICATORS, "int"),
        "strong_margin_corroborated": "int",
        "strong_margin_uncorroborated": "int",
        "arguable_from": "int",
    },
    # outcome.yaml
    "ccf-practice-ncb-silence": {
        "year": "int",
        "deleted_ncb_no_answer": "int",
        "deleted_non_compliant": "int",
    },
    "ccf-outcome-base-rates": {
        "not_compliant": "int",
        "compliant": "int",
        "compliant_with_update": "int",
    },
    "model-outcome-settings": {
        "alleged": {"strong": "number", "arguable": "number"},
        "count_cap": "int",
        "cleared_by": "dict",
        "set_by_judgement": "list",
        "one_arguable_ground_when_ncb_answers": "number",
        "likelihood_cap": "number",
        "fit_weight": "dict",
        "prior_sd": "number",
        "min_known_facts": "int",
        "medium_confidence_at": "number",
        "high_right_at_least": "number",
        "cv_repeats": "int",
        "cv_folds": "int",
        "cv_seed": "int",
        "facts_that_matter": "list",
        "rests_on": "dict",
    },
    "model-outcome-weights": dict.fromkeys(OUTCOME_FITTED_TERMS, _WEIGHT_TERM),
}

_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "number": (int, float),
    "bool": (bool,),
    "str": (str,),
    "list": (list,),
    "dict": (dict,),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleVersion:
    in_force_from: Date
    until: Date | None
    version: str
    value: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str) -> Any:
        """Parameter ``key`` of this version (declared in :data:`VALUE_SCHEMA`)."""
        for k, v in self.value:
            if k == key:
                return v
        raise ReferenceDataError(f"rule catalogue: version {self.version!r} has no value '{key}'")

    def in_force_on(self, day: Date) -> bool:
        return self.in_force_from <= day and (self.until is None or day < self.until)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    id: str
    instrument: str
    provision: str
    paraphrase: str
    verification: str
    url: str
    brief: str
    versions: tuple[RuleVersion, ...]
    earlier: str = ""  # id of the rule that governed the same matter before this one

    def version_on(self, day: Date) -> RuleVersion | None:
        """The version in force on ``day``, or ``None`` if the rule did not apply then."""
        for v in reversed(self.versions):
            if v.in_force_on(day):
                return v
        return None

    def nearest_version(self, day: Date) -> RuleVersion:
        """The version in force on ``day``; else the first one (``day`` is before the rule
        existed) or the last one (the rule had ended by ``day``), never a later amendment."""
        version = self.version_on(day)
        if version is not None:
            return version
        if day < self.versions[0].in_force_from:
            return self.versions[0]
        earlier = [v for v in self.versions if v.in_force_from <= day]
        return earlier[-1] if earlier else self.versions[-1]

    def citation(self, day: Date | None = None) -> Citation:
        """This rule as a citation, in the version in force on ``day``.

        With no ``day``, the latest version. When the rule was not in force on ``day`` the
        citation says so in its version ("not yet in force on 1 May 2016: ..."), so that a
        rule cited for a day before it existed can never read as applicable that day.
        """
        if day is None:
            v = self.versions[-1]
            label = v.version
        else:
            v = self.nearest_version(day)
            label = v.version
            if not v.in_force_on(day):
                status = NOT_YET_IN_FORCE if day < v.in_force_from else "no longer in force"
                label = f"{status} on {day.isoformat()}: {v.version}"
        return Citation(
            id=self.id,
            instrument=self.instrument,
            provision=self.provision,
            version=label,
            in_force_from=v.in_force_from,
            until=v.until,
            verification=self.verification,
            url=self.url,
            paraphrase=self.paraphrase,
        )


class RuleCatalogue:
    """All rules, by id, with date-aware lookups."""

    def __init__(self, rules: dict[str, Rule]) -> None:
        self._rules = rules

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def __iter__(self) -> Any:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def get(self, rule_id: str) -> Rule:
        try:
            return self._rules[rule_id]
        except KeyError:
            raise ReferenceDataError(f"rule '{rule_id}' is not in the rule catalogue") from None

    def applies(self, rule_id: str, day: Date) -> bool:
        """Whether rule ``rule_id`` was in force on ``day``."""
        return self.get(rule_id).version_on(day) is not None

    def value(self, rule_id: str, key: str, day: Date) -> Any:
        """Parameter ``key`` of the version of ``rule_id`` in force on ``day``.

        When the rule was not in force on ``day``, the nearest version's value (the first
        version before the rule existed, the last one after it ended): callers that must
        not apply a rule outside its time check :meth:`applies` first. There is no
        default: a key the schema does not declare for the rule is an error.

        Raises:
            ReferenceDataError: no rule has this id, or the rule declares no such key.
        """
        rule = self.get(rule_id)
        declared = VALUE_SCHEMA.get(rule_id, {})
        if key not in declared:
            raise ReferenceDataError(
                f"rule catalogue: the engine asks rule '{rule_id}' for value '{key}', which "
                f"the rule does not declare{_suggest(key, declared)}"
            )
        return rule.nearest_version(day).get(key)

    def latest(self, rule_id: str) -> dict[str, Any]:
        """The values of the latest version of ``rule_id`` (for model settings, not dated)."""
        return dict(self.get(rule_id).versions[-1].value)

    def first_in_force(self, rule_id: str) -> Date:
        """The day ``rule_id`` first came into force (its first version's date)."""
        return self.get(rule_id).versions[0].in_force_from

    def citation(self, rule_id: str, day: Date | None = None) -> Citation:
        return self.get(rule_id).citation(day)

    def in_force_for(self, rule_id: str, day: Date) -> str:
        """The rule to cite for ``day``: ``rule_id`` if it was in force then, else the
        earlier rule on the same matter that was (following ``earlier``), else ``rule_id``
        unchanged (then it must be cited only as "not yet in force").

        Example:
            >>> import datetime
            >>> catalogue().in_force_for("ccf-statute-3-functions", datetime.date(2014, 5, 1))
            'rci-requests'
        """
        current = rule_id
        seen = {rule_id}
        while True:
            rule = self.get(current)
            if rule.version_on(day) is not None:
                return current
            if not rule.earlier or rule.earlier in seen:
                return rule_id
            seen.add(rule.earlier)
            current = rule.earlier

    def in_force_on(self, day: Date) -> tuple[Rule, ...]:
        """Every rule that applied on ``day``."""
        return tuple(r for r in self._rules.values() if r.version_on(day) is not None)


def _as_date(value: Any, where: str) -> Date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return Date.fromisoformat(value)
        except ValueError:
            pass
    raise ReferenceDataError(f"rule catalogue: {where}: expected a date, found {value!r}")


def _suggest(key: str, known: Iterable[str]) -> str:
    """A "did you mean" tail for an unknown key, or nothing."""
    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _check_value(rule_id: str, where: str, value: Mapping[str, Any], prefix: str = "") -> None:
    """Refuse a version's ``value`` that does not match the rule's declared schema."""
    declared: Schema = VALUE_SCHEMA.get(rule_id, {})
    for part in prefix.split(".")[:-1]:
        sub = declared[part]
        assert not isinstance(sub, str)
        declared = sub
    for key, item in value.items():
        name = f"{prefix}{key}"
        if key not in declared:
            allowed = ", ".join(declared) if declared else "no value keys"
            raise ReferenceDataError(
                f"rule catalogue {where}: unknown value key '{name}' for rule '{rule_id}'"
                f"{_suggest(key, declared)}; the rule declares {allowed}"
            )
        kind = declared[key]
        if not isinstance(kind, str):
            if not isinstance(item, dict):
                raise ReferenceDataError(
                    f"rule catalogue {where}: value key '{name}' of rule '{rule_id}' must be "
                    f"a mapping of {', '.join(kind)}, found {item!r}"
                )
            _check_value(rule_id, where, item, f"{name}.")
            continue
        if isinstance(item, bool) != (kind == "bool") or not isinstance(item, _TYPES[kind]):
            raise ReferenceDataError(
                f"rule catalogue {where}: value key '{name}' of rule '{rule_id}' must be "
                f"{'an' if kind == 'int' else 'a'} {kind}, found {item!r}"
            )
    missing = [f"'{prefix}{k}'" for k in declared if k not in value]
    if missing:
        raise ReferenceDataError(
            f"rule catalogue {where}: rule '{rule_id}' is missing value key(s) {', '.join(missing)}"
        )


def _parse_rule(entry: Any, source: str) -> Rule:
    if not isinstance(entry, dict):
        raise ReferenceDataError(f"rule catalogue {source}: each rule must be a mapping")
    rid = str(entry.get("id", ""))
    where = f"{source}: {rid or '(no id)'}"
    required = ("id", "instrument", "provision", "paraphrase", "verification", "url", "versions")
    missing = [k for k in required if not entry.get(k)]
    if missing:
        raise ReferenceDataError(f"rule catalogue {where}: missing {', '.join(missing)}")
    if entry["verification"] not in VERIFICATION:
        raise ReferenceDataError(
            f"rule catalogue {where}: verification must be one of {', '.join(VERIFICATION)}"
        )
    versions = []
    for i, raw in enumerate(entry["versions"]):
        vwhere = f"{where}.versions[{i}]"
        until = raw.get("until")
        value = raw.get("value") or {}
        if not isinstance(value, dict):
            raise ReferenceDataError(f"rule catalogue {vwhere}: value must be a mapping")
        _check_value(rid, vwhere, value)
        versions.append(
            RuleVersion(
                in_force_from=_as_date(raw.get("in_force_from"), vwhere + ".in_force_from"),
                until=None if until is None else _as_date(until, vwhere + ".until"),
                version=str(raw.get("version", "")),
                value=tuple(sorted(value.items())),
            )
        )
    versions.sort(key=lambda v: v.in_force_from)
    return Rule(
        id=rid,
        instrument=str(entry["instrument"]),
        provision=str(entry["provision"]),
        paraphrase=" ".join(str(entry["paraphrase"]).split()),
        verification=str(entry["verification"]),
        url=str(entry["url"]),
        brief=str(entry.get("brief", "")),
        versions=tuple(versions),
        earlier=str(entry.get("earlier") or ""),
    )


def catalogue() -> RuleCatalogue:
    """The rule catalogue, read once per folder.

    The package's own ``data/rules``, or the folder named by the environment variable
    :data:`RULES_ENV` (``DIFFUSION_SCENARIOS_RULES``) when it is set: the engine then runs
    on that copy of the law, and setting the variable back switches back. A switch is seen
    by the next call, which also clears the engine's caches (they derive from the law):
    after changing the variable in a running process, call ``catalogue()`` once.
    """
    folder = os.environ.get(RULES_ENV) or None
    if folder != _in_use[0]:  # resolved once per switch, not on every call (a hot path)
        _in_use[:] = [folder, str(Path(folder).resolve()) if folder else None]
        _clear_engine_caches()
    return _load(_in_use[1])


#: The variable's value last seen, and the folder it named when first seen (``None``: the
#: package's own catalogue). A relative folder is read from the working directory then.
_in_use: list[str | None] = [None, None]


def _clear_engine_caches() -> None:
    """Forget every cached result of the engine: each derives from the law, so a switch to
    another catalogue must not answer with the old one's results."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("diffusion_scenarios._engine") or module is None:
            continue
        for item in list(vars(module).values()):
            clear = getattr(item, "cache_clear", None)
            if callable(clear) and getattr(item, "__module__", None) == name:
                clear()


def load_catalogue(folder: str | Path) -> RuleCatalogue:
    """Read and validate the ``*.yaml`` rule files of ``folder`` (not cached).

    Raises:
        ReferenceDataError: a file, rule or value does not match the catalogue's schema.
    """
    return _read(Path(folder))


@cache
def _load(folder: str | None) -> RuleCatalogue:
    if folder is None:
        return _read(resources.files("diffusion_scenarios.data").joinpath("rules"))
    return _read(Path(folder))


def _read_file(file: Traversable | Path, source: str) -> dict[str, Any]:
    """One rule file as a mapping; a file that is not UTF-8 YAML holding a mapping is refused
    in one line naming it (an edited copy of the law must never end in a traceback)."""
    try:
        doc = yaml.safe_load(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ReferenceDataError(f"rule catalogue {source}: not UTF-8 text") from None
    except yaml.YAMLError as error:
        fault = yaml_fault(error, plain_data="rule files")
        raise ReferenceDataError(f"rule catalogue {source}: not valid YAML: {fault}") from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ReferenceDataError(
            f"rule catalogue {source}: expected a mapping with 'rules:', found a "
            f"{type(doc).__name__}"
        )
    return doc


def _read(folder: Traversable | Path) -> RuleCatalogue:
    """Read every ``*.yaml`` of ``folder``; errors name the file as ``rules/<name>`` for the
    package's own catalogue and by its full path for any other folder."""
    if not folder.is_dir():
        raise ReferenceDataError(f"rule catalogue: {folder} is not a folder of rule files")
    rules: dict[str, Rule] = {}
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    by_instrument: list[tuple[str, str]] = []
    for f in files:
        source = str(f) if isinstance(folder, Path) else f"rules/{f.name}"
        doc = _read_file(f, source)
        for item in doc.get("earlier_by_instrument", []) or []:
            if not isinstance(item, dict) or not item.get("instrument") or not item.get("earlier"):
                raise ReferenceDataError(
                    f"rule catalogue {source}: earlier_by_instrument entries need "
                    "'instrument' and 'earlier'"
                )
            by_instrument.append((str(item["instrument"]), str(item["earlier"])))
        entries = doc.get("rules", [])
        if not isinstance(entries, list):
            raise ReferenceDataError(f"rule catalogue {source}: 'rules' must be a list of rules")
        for entry in entries:
            rule = _parse_rule(entry, source)
            if rule.id in rules:
                raise ReferenceDataError(f"rule catalogue: duplicate rule id '{rule.id}'")
            rules[rule.id] = rule
    for rule_id, rule in list(rules.items()):
        if rule.earlier:
            continue
        for prefix, earlier in by_instrument:
            if rule.instrument.startswith(prefix) and earlier != rule_id:
                rules[rule_id] = replace(rule, earlier=earlier)
                break
    for rule in rules.values():
        if rule.earlier and rule.earlier not in rules:
            raise ReferenceDataError(
                f"rule catalogue: {rule.id}: earlier rule '{rule.earlier}' is not in the catalogue"
            )
    absent = [rule_id for rule_id in VALUE_SCHEMA if rule_id not in rules]
    if absent:
        raise ReferenceDataError(
            "rule catalogue: the engine reads values of rule(s) missing from the catalogue: "
            + ", ".join(absent)
        )
    return RuleCatalogue(rules)


def rule_citation(rule_id: str, on: Date | None = None) -> Citation:
    """A rule of the catalogue as a citation: instrument, provision, paraphrase, verification.

    Args:
        rule_id: the rule's id, as cited in assessments (``"ccf-statute-42-revision"``).
        on: the day whose version to cite; the latest version when not given.

    Raises:
        ReferenceDataError: no rule has this id.

    Example:
        >>> rule_citation("ccf-statute-42-revision").provision.startswith("Art")
        True
    """
    return catalogue().citation(rule_id, on)
