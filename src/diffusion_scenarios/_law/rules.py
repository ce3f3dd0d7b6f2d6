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

A date-aware lookup answers "which version applied on this day"::

    >>> import datetime
    >>> catalogue().applies("ccf-statute-40-access", datetime.date(2016, 1, 1))
    False

Verification is about the *source* of the rule; anything ``unverified`` must be shown to
the user as such (renderers do this from :class:`Citation.verification`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml

from diffusion_scenarios._engine.assessment import Citation
from diffusion_scenarios._law.vocab import VERIFICATION
from diffusion_scenarios.errors import ReferenceDataError

__all__ = [
    "NOT_YET_IN_FORCE",
    "Rule",
    "RuleCatalogue",
    "RuleVersion",
    "catalogue",
    "rule_citation",
]

Date = _dt.date

#: The words by which a text cites a rule only to say it did not apply yet. A rule cited
#: for a day before it came into force must come with these words (see
#: ``_engine.pipeline.applied_rules`` and the test that every cited rule is in force when applied).
NOT_YET_IN_FORCE = "not yet in force"


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleVersion:
    in_force_from: Date
    until: Date | None
    version: str
    value: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        for k, v in self.value:
            if k == key:
                return v
        return default

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
                status = (
                    NOT_YET_IN_FORCE if day < v.in_force_from else "no longer in force"
                )
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

    def value(self, rule_id: str, key: str, day: Date, default: Any = None) -> Any:
        """Parameter ``key`` of the version in force on ``day`` (``default`` if none)."""
        version = self.get(rule_id).version_on(day)
        return default if version is None else version.get(key, default)

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

    def not_in_force(self, rule_ids: Iterable[str], day: Date) -> tuple[str, ...]:
        """The ids among ``rule_ids`` that were not in force on ``day`` (to be cited only
        with the words "not yet in force", or not at all)."""
        return tuple(r for r in rule_ids if self.get(r).version_on(day) is None)

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


@cache
def catalogue() -> RuleCatalogue:
    """The rule catalogue shipped with the package, read once."""
    folder = resources.files("diffusion_scenarios.data").joinpath("rules")
    rules: dict[str, Rule] = {}
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    by_instrument: list[tuple[str, str]] = []
    for f in files:
        doc = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        for item in doc.get("earlier_by_instrument", []) or []:
            if not isinstance(item, dict) or not item.get("instrument") or not item.get("earlier"):
                raise ReferenceDataError(
                    f"rule catalogue rules/{f.name}: earlier_by_instrument entries need "
                    "'instrument' and 'earlier'"
                )
            by_instrument.append((str(item["instrument"]), str(item["earlier"])))
        for entry in doc.get("rules", []):
            rule = _parse_rule(entry, f"rules/{f.name}")
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
