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

import contextlib
import datetime as _dt
import difflib
import math
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from diffusion_scenarios._base.files import UnreadableFileError, decode_text, read_regular
from diffusion_scenarios._base.limits import (
    MAX_RULE_FILE_BYTES,
    MAX_RULE_FILES,
    check_day,
    date_range_words,
)
from diffusion_scenarios._law.citation import Citation
from diffusion_scenarios._law.fact_paths import known_fact_paths
from diffusion_scenarios._law.parsed import parsed_yaml
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
#: across the cross-validation refits. A weight is added to log-odds: beyond +-30 it
#: would make a likelihood exactly 0 or 1.
_WEIGHT_TERM: Schema = {
    "value": "number -30..30",
    "start": "number -30..30",
    "range": "range -30..30",
    "fitted": "bool",
    "decisions": "count",
    "cross_validated": "range -30..30",
}
_MONTHS = "int 1..600"  # a time limit: at least a month, at most fifty years
_ARTICLE3_WEIGHT = "int -100..100"

#: The value keys each rule carries and their types, rule by rule. A rule not named here
#: carries no ``value``. Every key is required in every version. A type is one of:
#:
#: * ``int``, ``number`` (an int or a float, never a bool, always finite), either with a
#:   range ``LOW..HIGH`` (both included): ``"int 1..600"``;
#: * ``count``: a whole number from 0; ``tally``: a count whose value's tallies together
#:   must be above 0 (shares are computed from them);
#: * ``probability``: a number from 0 to 1;
#: * ``range LOW..HIGH``: a pair ``[low, high]`` of numbers in the range, low <= high;
#: * ``bool``, ``str``, ``list of str``, ``dict of number LOW..HIGH`` (any keys);
#: * ``fact paths``: a list of field paths of the scenario format (``case.stage``);
#: * a nested mapping, declaring the sub-keys of a mapping value.
VALUE_SCHEMA: Mapping[str, Schema] = {
    # procedure.yaml
    "red-notice-validity": {"years": "int 1..50"},
    "interpol-membership": {"members": "int 1..1000"},
    "ccf-operating-rules-2026-limits": {"pages": "int 1..10000", "appendices": "int 0..10000"},
    "ccf-filing-post-or-email": {"channel": "str"},
    "ccf-filing-portal-only": {"channel": "str"},
    "ccf-admissibility-timing": {"months": _MONTHS},
    "rci-admissibility-estimate": {"months": _MONTHS},
    "ccf-statute-33-2025-gs-consultation": {"days": "int 1..3650"},
    "ccf-statute-40-access": {"months": _MONTHS},
    "ccf-statute-40-deletion": {"months": _MONTHS},
    "ccf-statute-42-revision": {"months": _MONTHS},
    "ccf-implementation": {"send_months": _MONTHS, "implement_months": _MONTHS},
    "arrest-uk-provisional-arrest-act-2020": {
        "specified_territories": "list of str",
        "eu_members_specified": "bool",
    },
    "ccf-operating-rules-2026-revision": {"pages": "int 1..10000"},
    "ccf-statute-16-sessions": {"sessions_minimum": "int 1..366"},
    # substantive.yaml
    "constitution-art-3": {"military": "bool"},
    "repository-of-practice": {"covers_article_2": "bool"},
    "gs-cheque-threshold": {
        "min_amount_usd": "number 0..1000000000000",
        "repeated_cheques": "int 1..1000000",
    },
    "rpd-83-1-a-ii-penalty": {
        "prosecution_min_years": "number 0..1000",
        "sentence_min_months": "number 0..12000",
    },
    "model-article3-weights": {
        "heavy_offences": "list of str",
        "light_offences": "list of str",
        "offence_weight": {
            "heavy": _ARTICLE3_WEIGHT,
            "ordinary": _ARTICLE3_WEIGHT,
            "light": _ARTICLE3_WEIGHT,
        },
        "own_acts": _ARTICLE3_WEIGHT,
        "indicators": dict.fromkeys(_ARTICLE3_INDICATORS, _ARTICLE3_WEIGHT),
        "strong_margin_corroborated": _ARTICLE3_WEIGHT,
        "strong_margin_uncorroborated": _ARTICLE3_WEIGHT,
        "arguable_from": _ARTICLE3_WEIGHT,
    },
    # outcome.yaml
    "ccf-practice-ncb-silence": {
        "year": "int 1900..2199",
        "deleted_ncb_no_answer": "count",
        "deleted_non_compliant": "count",
    },
    "ccf-outcome-base-rates": {
        "not_compliant": "tally",
        "compliant": "tally",
        "compliant_with_update": "tally",
    },
    "model-outcome-settings": {
        "alleged": {"strong": "probability", "arguable": "probability"},
        "count_cap": "int 1..100",
        "cleared_by": "dict",
        "set_by_judgement": "list of str",
        "one_arguable_ground_when_ncb_answers": "probability",
        "likelihood_cap": "probability",
        "fit_weight": "dict of number 0..100",
        "prior_sd": "number 0.001..100",
        "min_known_facts": "int 0..1000",
        "medium_confidence_at": "probability",
        "high_right_at_least": "probability",
        "cv_repeats": "int 1..1000",
        "cv_folds": "int 2..100",
        "cv_seed": "int 0..4294967295",
        "facts_that_matter": "fact paths",
        "rests_on": "dict",
    },
    "model-outcome-weights": dict.fromkeys(OUTCOME_FITTED_TERMS, _WEIGHT_TERM),
}

#: Counts and tallies: whole numbers, at most this (a billion).
_MAX_COUNT = 10**9


def _bounds(kind: str) -> tuple[float, float] | None:
    """The ``LOW..HIGH`` at the end of a type, or ``None``."""
    last = kind.rsplit(" ", 1)[-1]
    if ".." not in last:
        return None
    low, high = last.split("..")
    return float(low), float(high)


def _figure(x: float) -> str:
    return f"{int(x):,}" if x == int(x) else f"{x:g}"


def _expected(kind: str) -> str:
    """A type of :data:`VALUE_SCHEMA` in words ("a whole number from 1 to 600")."""
    bounds = _bounds(kind)
    span = f" from {_figure(bounds[0])} to {_figure(bounds[1])}" if bounds else ""
    base = kind.split(" ", 1)[0]
    words = {
        "int": f"a whole number{span}",
        "number": f"a finite number{span}",
        "count": f"a whole number from 0 to {_MAX_COUNT:,}",
        "tally": f"a whole number from 0 to {_MAX_COUNT:,}",
        "probability": "a number from 0 to 1",
        "range": f"a pair [low, high] of numbers{span}, low not above high",
        "bool": "true or false",
        "str": "a text",
    }
    if kind == "list of str":
        return "a list of texts"
    if kind == "fact paths":
        return "a list of fact paths of the scenario format (such as case.stage)"
    if kind.startswith("dict of "):
        return f"a mapping of names to {_expected(kind.removeprefix('dict of '))[2:]}s"
    return words.get(base, base)


def _is_number(item: Any) -> bool:
    return isinstance(item, int | float) and not isinstance(item, bool) and math.isfinite(item)


def _fits(kind: str, item: Any) -> bool:
    """Whether ``item`` is of type ``kind`` (see :data:`VALUE_SCHEMA`)."""
    base = kind.split(" ", 1)[0]
    bounds = _bounds(kind)
    if base in ("int", "count", "tally"):
        if isinstance(item, bool) or not isinstance(item, int):
            return False
        if bounds is None:
            bounds = (-math.inf, math.inf) if base == "int" else (0, _MAX_COUNT)
        low, high = bounds
        return low <= item <= high
    if base == "number":
        if not _is_number(item):
            return False
        return bounds is None or bounds[0] <= item <= bounds[1]
    if base == "probability":
        return _is_number(item) and 0 <= item <= 1
    if base == "range":
        if not (isinstance(item, list) and len(item) == 2 and all(map(_is_number, item))):
            return False
        low, high = bounds if bounds else (-math.inf, math.inf)
        return bool(low <= item[0] <= item[1] <= high)
    if base == "bool":
        return isinstance(item, bool)
    if base == "str":
        return isinstance(item, str)
    if kind == "list of str":
        return isinstance(item, list) and all(isinstance(x, str) for x in item)
    if kind == "fact paths":
        return isinstance(item, list)  # each path is checked by _check_fact_paths
    if kind.startswith("dict of "):
        inner = kind.removeprefix("dict of ")
        return isinstance(item, dict) and all(
            isinstance(k, str) and _fits(inner, v) for k, v in item.items()
        )
    if base == "list":
        return isinstance(item, list)
    if base == "dict":
        return isinstance(item, dict)
    raise AssertionError(f"unknown type {kind!r} in VALUE_SCHEMA")


def _shown(item: Any) -> str:
    """A found value for a message: its repr, cut short (a value may be huge)."""
    text = repr(item)
    return text if len(text) <= 60 else text[:57] + "..."


_PATH_FORM = re.compile(r"[a-z_]+(\.[a-z_]+)+")


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
    day: Date | None = None
    if isinstance(value, _dt.datetime):
        day = value.date()
    elif isinstance(value, _dt.date):
        day = value
    elif isinstance(value, str) and _ISO_DAY.fullmatch(value):
        with contextlib.suppress(ValueError):
            day = Date.fromisoformat(value)
    if day is None or check_day(day) is not None:
        raise ReferenceDataError(
            f"rule catalogue {where}: expected a date YYYY-MM-DD {date_range_words()}, "
            f"found {_shown(value)}"
        )
    return day


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _suggest(key: str, known: Iterable[str]) -> str:
    """A "did you mean" tail for an unknown key, or nothing."""
    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _check_value(rule_id: str, where: str, value: Mapping[str, Any], prefix: str = "") -> None:
    """Refuse a version's ``value`` that does not match the rule's declared schema: unknown
    or missing keys, wrong types, numbers out of their range (see :data:`VALUE_SCHEMA`)."""
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
                f"rule catalogue {where}: unknown value key '{_shown(name)[1:-1]}' for rule "
                f"'{rule_id}'{_suggest(str(key), declared)}; the rule declares {allowed}"
            )
        kind = declared[key]
        if not isinstance(kind, str):
            if not isinstance(item, dict):
                raise ReferenceDataError(
                    f"rule catalogue {where}: value key '{name}' of rule '{rule_id}' must be "
                    f"a mapping of {', '.join(kind)}, found {_shown(item)}"
                )
            _check_value(rule_id, where, item, f"{name}.")
            continue
        if not _fits(kind, item):
            raise ReferenceDataError(
                f"rule catalogue {where}: value key '{name}' of rule '{rule_id}' must be "
                f"{_expected(kind)}, found {_shown(item)}"
            )
        if kind == "fact paths":
            _check_fact_paths(rule_id, where, name, item)
    missing = [f"'{prefix}{k}'" for k in declared if k not in value]
    if missing:
        raise ReferenceDataError(
            f"rule catalogue {where}: rule '{rule_id}' is missing value key(s) {', '.join(missing)}"
        )
    tallies = [k for k, kind in declared.items() if kind == "tally"]
    if tallies and sum(value[k] for k in tallies) <= 0:
        raise ReferenceDataError(
            f"rule catalogue {where}: value keys {', '.join(f'{prefix}{k}' for k in tallies)} "
            f"of rule '{rule_id}' are counts from which shares are taken: at least one must "
            "be above 0, found all 0"
        )


def _check_fact_paths(rule_id: str, where: str, name: str, paths: list[Any]) -> None:
    known = known_fact_paths()
    for index, path in enumerate(paths):
        if not isinstance(path, str) or not _PATH_FORM.fullmatch(path):
            path_is_known = False
        else:
            path_is_known = known is None or path in known
        if not path_is_known:
            hint = _suggest(path, known) if isinstance(path, str) and known else ""
            raise ReferenceDataError(
                f"rule catalogue {where}: value key '{name}[{index}]' of rule '{rule_id}' must "
                f"be a fact path of the scenario format such as case.stage, found "
                f"{_shown(path)}{hint}"
            )


_RULE_TEXTS = ("id", "instrument", "provision", "paraphrase", "verification", "url")
_VERSION_KEYS = ("in_force_from", "until", "version", "value")


def _parse_version(raw: Any, rid: str, vwhere: str) -> RuleVersion:
    if not isinstance(raw, dict):
        raise ReferenceDataError(
            f"rule catalogue {vwhere}: each version must be a mapping with in_force_from "
            f"(and until, version, value), found {_shown(raw)}"
        )
    for key in raw:
        if key not in _VERSION_KEYS:
            raise ReferenceDataError(
                f"rule catalogue {vwhere}: unknown key '{_shown(key)[1:-1]}' in a version"
                f"{_suggest(str(key), _VERSION_KEYS)}; a version has "
                f"{', '.join(_VERSION_KEYS)}"
            )
    until = raw.get("until")
    value = raw.get("value")
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise ReferenceDataError(
            f"rule catalogue {vwhere}: value must be a mapping, found {_shown(value)}"
        )
    _check_value(rid, vwhere, value)
    version = raw.get("version", "")
    if not isinstance(version, str | int) or isinstance(version, bool):
        raise ReferenceDataError(
            f"rule catalogue {vwhere}.version: expected a text, found {_shown(version)}"
        )
    start = _as_date(raw.get("in_force_from"), vwhere + ".in_force_from")
    end = None if until is None else _as_date(until, vwhere + ".until")
    if end is not None and end <= start:
        raise ReferenceDataError(
            f"rule catalogue {vwhere}.until: expected a day after in_force_from "
            f"({start.isoformat()}; until is the day after the last day in force), found "
            f"{end.isoformat()}"
        )
    return RuleVersion(
        in_force_from=start, until=end, version=str(version), value=tuple(sorted(value.items()))
    )


def _parse_rule(entry: Any, source: str) -> Rule:
    if not isinstance(entry, dict):
        raise ReferenceDataError(
            f"rule catalogue {source}: each rule must be a mapping, found {_shown(entry)}"
        )
    raw_id = entry.get("id", "")
    rid = raw_id if isinstance(raw_id, str) else ""
    where = f"{source}: {rid or '(no id)'}"
    required = (*_RULE_TEXTS, "versions")
    missing = [k for k in required if not entry.get(k)]
    if missing:
        raise ReferenceDataError(f"rule catalogue {where}: missing {', '.join(missing)}")
    for key in (*_RULE_TEXTS, "brief", "earlier"):
        if key in entry and entry[key] is not None and not isinstance(entry[key], str):
            raise ReferenceDataError(
                f"rule catalogue {where}: {key} must be a text, found {_shown(entry[key])}"
            )
    if entry["verification"] not in VERIFICATION:
        raise ReferenceDataError(
            f"rule catalogue {where}: verification must be one of {', '.join(VERIFICATION)}"
        )
    raw_versions = entry["versions"]
    if not isinstance(raw_versions, list):
        raise ReferenceDataError(
            f"rule catalogue {where}: versions must be a list of mappings (in_force_from, "
            f"until, version, value), found {_shown(raw_versions)}"
        )
    versions = [
        _parse_version(raw, rid, f"{where}.versions[{i}]") for i, raw in enumerate(raw_versions)
    ]
    versions.sort(key=lambda v: v.in_force_from)
    return Rule(
        id=rid,
        instrument=entry["instrument"],
        provision=entry["provision"],
        paraphrase=" ".join(entry["paraphrase"].split()),
        verification=entry["verification"],
        url=entry["url"],
        brief=str(entry.get("brief") or ""),
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
        return _read(resources.files("diffusion_scenarios.data").joinpath("rules"), shipped=True)
    return _read(Path(folder))


def _read_file(file: Traversable | Path, source: str, *, shipped: bool = False) -> dict[str, Any]:
    """One rule file as a mapping; a file that is not UTF-8 YAML holding a mapping is refused
    in one line naming it (an edited copy of the law must never end in a traceback).

    A file of an edited folder is read like a scenario file: a regular file only (a folder,
    a pipe or a link loop is refused without waiting on it), at most
    :data:`~diffusion_scenarios._base.limits.MAX_RULE_FILE_BYTES`, and with no YAML
    aliases (a few lines of them can stand for billions of values).
    """
    if isinstance(file, Path):
        try:
            raw = read_regular(file, limit=MAX_RULE_FILE_BYTES, what="a rule file")
            text = decode_text(raw, expected="UTF-8 text")
        except UnreadableFileError as error:
            if error.found.startswith("bytes that are not UTF-8"):
                raise ReferenceDataError(f"rule catalogue {source}: not UTF-8 text") from None
            raise ReferenceDataError(f"rule catalogue {source}: {error}") from None
    else:
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ReferenceDataError(f"rule catalogue {source}: not UTF-8 text") from None
    doc = parsed_yaml(f"rules/{file.name}", text) if shipped else NotImplemented
    if doc is NotImplemented:
        doc = _parse_yaml(text, source, edited=isinstance(file, Path))
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ReferenceDataError(
            f"rule catalogue {source}: expected a mapping with 'rules:', found a "
            f"{type(doc).__name__}"
        )
    return doc


def _parse_yaml(text: str, source: str, *, edited: bool) -> Any:
    """A rule file's YAML text as data (PyYAML is loaded here, when first needed: the
    shipped files are read from :mod:`diffusion_scenarios._law.parsed` while unchanged)."""
    import yaml

    from diffusion_scenarios._base.yaml_io import load_yaml, yaml_fault

    try:
        if edited:
            return load_yaml(text, aliases=False)
        # The shipped catalogue is trusted: libyaml's parser when present (the
        # pure-Python one took most of a command's start-up time).
        loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        fault = yaml_fault(error, plain_data="rule files")
        raise ReferenceDataError(f"rule catalogue {source}: not valid YAML: {fault}") from None
    except RecursionError:
        raise ReferenceDataError(
            f"rule catalogue {source}: not valid YAML: nested too deeply"
        ) from None


def _read(folder: Traversable | Path, *, shipped: bool = False) -> RuleCatalogue:
    """Read every ``*.yaml`` of ``folder``; errors name the file as ``rules/<name>`` for the
    package's own catalogue and by its full path for any other folder. The package's own
    files (``shipped``) are taken from the data parsed ahead while they are unchanged."""
    try:
        is_folder = folder.is_dir()
        files = sorted(
            (f for f in folder.iterdir() if f.name.endswith(".yaml")) if is_folder else (),
            key=lambda f: f.name,
        )
    except OSError as error:
        raise ReferenceDataError(
            f"rule catalogue: {folder}: cannot be read: {error.strerror or error}"
        ) from None
    if not is_folder:
        raise ReferenceDataError(f"rule catalogue: {folder} is not a folder of rule files")
    if len(files) > MAX_RULE_FILES:
        raise ReferenceDataError(
            f"rule catalogue: {folder}: expected at most {MAX_RULE_FILES} rule files "
            f"(*.yaml), found {len(files):,}"
        )
    rules: dict[str, Rule] = {}
    by_instrument: list[tuple[str, str]] = []
    for f in files:
        source = str(f) if isinstance(folder, Path) else f"rules/{f.name}"
        doc = _read_file(f, source, shipped=shipped)
        earlier_list = doc.get("earlier_by_instrument") or []
        if not isinstance(earlier_list, list):
            raise ReferenceDataError(
                f"rule catalogue {source}: earlier_by_instrument must be a list of "
                f"{{instrument, earlier}}, found {_shown(earlier_list)}"
            )
        for item in earlier_list:
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("instrument"), str)
                or not isinstance(item.get("earlier"), str)
                or not item["instrument"]
                or not item["earlier"]
            ):
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
                raise ReferenceDataError(f"rule catalogue {source}: duplicate rule id '{rule.id}'")
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
