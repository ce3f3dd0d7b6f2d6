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

Every ``value`` is checked on load against :data:`VALUE_SCHEMA` (in
:mod:`diffusion_scenarios._law.values`), which declares, rule by
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
import os
import re
import sys
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._base.files import UnreadableFileError, decode_text, read_regular
from diffusion_scenarios._base.limits import (
    MAX_RULE_FILE_BYTES,
    MAX_RULE_FILES,
    check_day,
    date_range_words,
)
from diffusion_scenarios._base.spelling import did_you_mean
from diffusion_scenarios._law.citation import Citation
from diffusion_scenarios._law.data import data_folder
from diffusion_scenarios._law.parsed import parsed_yaml
from diffusion_scenarios._law.values import VALUE_SCHEMA, check_across_rules
from diffusion_scenarios._law.values import check_value as _check_value
from diffusion_scenarios._law.values import shown as _shown
from diffusion_scenarios._law.vocab import VERIFICATION
from diffusion_scenarios.errors import ReferenceDataError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

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
                f"the rule does not declare{did_you_mean(key, declared)}"
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
                f"{did_you_mean(str(key), _VERSION_KEYS)}; a version has "
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
        return _read(data_folder().joinpath("rules"), shipped=True)
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
    check_across_rules(
        {rid: [dict(v.value) for v in rule.versions] for rid, rule in rules.items()}
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
