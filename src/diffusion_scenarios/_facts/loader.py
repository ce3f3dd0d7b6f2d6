"""Read, check and write scenario files (format 1, ``SCENARIO_FORMAT.md``).

A scenario file is YAML (JSON is also accepted). Reading it checks everything at once —
required keys, types, vocabularies, countries, dates — and either returns a frozen
:class:`~diffusion_scenarios.Scenario` with countries resolved to alpha-3 codes, or raises
one :class:`~diffusion_scenarios.ScenarioError` listing every problem, each naming the
file, the field path, what was expected and what was found::

    >>> scenario = loads_scenario('''
    ... format: 1
    ... id: demo
    ... notice: {kind: diffusion, requesting_country: KZ, issued_on: 2025-01-10,
    ...          recipients: [NO, europe]}
    ... ''')
    >>> scenario.notice.requesting_country, scenario.notice.recipients
    ('KAZ', ('NOR', 'europe'))
    >>> try:
    ...     loads_scenario("format: 1\\nid: Bad Id\\nnotes: [1]\\n", source="bad.yaml")
    ... except ScenarioError as error:
    ...     print([problem.path for problem in error.problems])
    ['id', 'notice', 'notes']

Decisions the format leaves open, taken here and documented in the README:

* Booleans are only ``true`` / ``false``; ``NO``, ``yes``, ``on``, ``off`` stay text (YAML
  1.2 rules, :mod:`diffusion_scenarios._facts.yaml_io`), so Norway's code ``NO`` is Norway.
* A date is a YAML date or an ISO ``YYYY-MM-DD`` string. A date with a time is an error
  (the time would be dropped silently otherwise).
* Recipients may not include the requesting country: the file would say something that
  cannot happen, so it is reported rather than dropped.
* A country named as a recipient must be an INTERPOL member on ``notice.issued_on``; a red
  notice always circulates to all members, so ``recipients`` other than ``all`` is an
  error for red notices, and ``public_extract: true`` is an error for diffusions.
* Files larger than 1 MB are refused before parsing; only regular files are read (a pipe
  or a device is refused at once, never waited on).
* Limits (``_facts/limits.py``): at most 500 trips, 100 extradition proceedings and 300 items
  in any other list or in ``dual_criminality``; dates between 1900-01-01 and 2199-12-31;
  numbers below 10^15.
* Text must be valid Unicode: a lone surrogate (a JSON escape such as ``"\\ud800"`` with
  no partner) is an error naming the field, so that what validates also assesses.
* YAML merge keys (``<<:``) are refused: each key is written out where it applies.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from diffusion_scenarios._facts.files import (
    UnreadableFileError,
    decode_text,
    read_regular,
    write_atomic,
)
from diffusion_scenarios._facts.limits import (
    EARLIEST_DATE,
    LATEST_DATE,
    MAX_EXTRADITION,
    MAX_FILE_BYTES,
    MAX_LIST_ITEMS,
    MAX_TRIPS,
    date_range_words,
)
from diffusion_scenarios._facts.scenario import (
    ArrestWarrant,
    Case,
    Challenge,
    CivilProceedings,
    ExtraditionProceeding,
    FinalJudgment,
    InAbsentiaDetails,
    Notice,
    Person,
    PriorDecision,
    RefugeeStatus,
    Scenario,
    Trip,
)
from diffusion_scenarios._facts.yaml_io import dump_yaml, load_yaml
from diffusion_scenarios._law import vocab as vocab
from diffusion_scenarios._law.countries import is_member, resolve_country, suggest_country
from diffusion_scenarios.errors import Problem, ScenarioError, UnknownScenarioError

__all__ = [
    "MAX_FILE_BYTES",
    "builtin_scenarios",
    "load_scenario",
    "loads_scenario",
    "resolve_scenario",
    "save_scenario",
    "scenario_from_dict",
    "scenario_to_dict",
]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EARLIEST = EARLIEST_DATE
_LATEST = LATEST_DATE
#: Numbers at or above this are refused (no fact in the format needs more; a longer
#: integer cannot even be turned into a decimal number).
_MAX_NUMBER = 10**15


class _Invalid:
    """Marks a value that failed its check (the problem is already recorded)."""

    def __repr__(self) -> str:
        return "<invalid>"


_INVALID: Any = _Invalid()

# Keys of each mapping in the format, in the order the format lists them.
_TOP_KEYS = ("format", "id", "title", "as_of", "notes", "person", "notice", "case", "travel",
             "challenge")  # fmt: skip
_PERSON_KEYS = ("nationalities", "residence", "profile", "refugee_status")
_REFUGEE_KEYS = ("status", "granted_by", "granted_on", "feared_persecution_from")
_NOTICE_KEYS = ("kind", "purpose", "requesting_country", "issued_on", "recipients",
                "public_extract", "red_notice_refused_on")  # fmt: skip
_CASE_KEYS = tuple(f.name for f in fields(Case))
_WARRANT_KEYS = ("issued_on", "valid")
_CIVIL_KEYS = ("outcome",)
_EXTRADITION_KEYS = ("country", "outcome", "grounds", "date")
_PRIOR_KEYS = ("outcome", "date")
_FINAL_JUDGMENT_KEYS = ("country", "date", "result")
_ABSENTIA_KEYS = ("knew_of_trial", "represented", "retrial_guaranteed")
_TRIP_KEYS = ("country", "date")
_CHALLENGE_KEYS = ("filed_on", "requests", "urgent", "admissible_on", "ncb_responds")


def _show(value: Any) -> str:
    """What the file holds, in a few words (never the repr of a big structure)."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.datetime):
        return f"a date with a time, {value.isoformat(sep=' ')}"
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else ""
        return text or "a number with more than 30 digits"
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return "an empty text" if not value.strip() else repr(text)
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, Mapping):
        keys = [str(k) for k in list(value)[:4]]
        more = ", ..." if len(value) > 4 else ""
        return f"a mapping with keys {', '.join(keys)}{more}" if keys else "an empty mapping"
    return f"a value of type {type(value).__name__}"


def _closest(word: str, choices: Iterable[str]) -> str | None:
    match = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


class _Checker:
    """Collects every problem found while reading one scenario."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.problems: list[Problem] = []

    # -- recording -------------------------------------------------------------------------
    def problem(
        self, path: str, expected: str, found: str | None = None, suggestion: str | None = None
    ) -> Any:
        self.problems.append(
            Problem(
                path=path,
                expected=expected,
                found=found,
                suggestion=suggestion,
                source=self.source,
            )
        )
        return _INVALID

    def wrong(self, path: str, expected: str, value: Any, suggestion: str | None = None) -> Any:
        return self.problem(path, expected, _show(value), suggestion)

    # -- structure -------------------------------------------------------------------------
    def mapping(
        self,
        value: Any,
        path: str,
        keys: tuple[str, ...],
        *,
        required: tuple[str, ...] = (),
        what: str = "a mapping",
    ) -> dict[str, Any] | None:
        """A mapping with only the given keys; ``None`` if absent, ``_INVALID`` if wrong."""
        if value is None:
            return None
        if not isinstance(value, Mapping):
            return self.wrong(path, what, value)  # type: ignore[no-any-return]
        if len(value) > MAX_LIST_ITEMS:  # a valid one has a few dozen keys at most
            return self.wrong(path, f"{what} with the keys {', '.join(keys)}", value)  # type: ignore[no-any-return]
        prefix = f"{path}." if path else ""
        result: dict[str, Any] = {}
        for key, item in value.items():
            name = key if isinstance(key, str) else str(key)
            if name not in keys:
                if len(name) > 60:
                    name = name[:57] + "..."
                suggestion = _closest(name, keys)
                section = path or "a scenario"
                if suggestion is not None:
                    allowed = f"a key of {section}"
                else:
                    allowed = f"a key of {section}: {', '.join(keys)}"
                self.problem(f"{prefix}{name}", allowed, f"the unknown key {name!r}", suggestion)
                continue
            result[name] = item
        for key in required:
            if key not in result:
                self.problem(f"{prefix}{key}", f"the required key '{key}'", "nothing")
        return result

    def sequence(
        self, value: Any, path: str, what: str, *, limit: int = MAX_LIST_ITEMS, why: str = ""
    ) -> list[Any] | None:
        """A list of at most ``limit`` items; a single scalar counts as a list of one.
        ``None`` if absent."""
        if value is None:
            return None
        if isinstance(value, list | tuple):
            if len(value) > limit:
                return self.wrong(path, f"a list of at most {limit} items{why}", value)  # type: ignore[no-any-return]
            return list(value)
        if isinstance(value, str | int | float | _dt.date) and not isinstance(value, bool):
            return [value]
        return self.wrong(path, what, value)  # type: ignore[no-any-return]

    # -- scalars ---------------------------------------------------------------------------
    def text(self, value: Any, path: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            return value
        return self.wrong(path, "text (put it in quotes if it looks like a number or date)", value)  # type: ignore[no-any-return]

    def boolean(self, value: Any, path: str) -> bool | None:
        if value is None or isinstance(value, bool):
            return value
        hint = None
        if isinstance(value, str) and value.lower() in ("yes", "no", "on", "off", "y", "n"):
            hint = "true" if value.lower() in ("yes", "on", "y") else "false"
        return self.wrong(path, "true or false (unquoted), or null if unknown", value, hint)  # type: ignore[no-any-return]

    def number(self, value: Any, path: str, unit: str) -> float | None:
        if value is None:
            return None
        expected = f"a number of {unit}, zero or more"
        if isinstance(value, bool) or not isinstance(value, int | float):
            return self.wrong(path, expected, value)  # type: ignore[no-any-return]
        if isinstance(value, int) and not -_MAX_NUMBER < value < _MAX_NUMBER:
            return self.wrong(path, f"{expected}, below {_MAX_NUMBER:,}", value)  # type: ignore[no-any-return]
        if not math.isfinite(value) or value < 0 or value >= _MAX_NUMBER:
            return self.wrong(path, expected, value)  # type: ignore[no-any-return]
        return float(value)

    def date(self, value: Any, path: str) -> _dt.date | None:
        if value is None:
            return None
        expected = "a date YYYY-MM-DD"
        if isinstance(value, _dt.datetime):
            return self.wrong(path, f"{expected} without a time", value)  # type: ignore[no-any-return]
        if isinstance(value, str):
            text = value.strip()
            if not _ISO_DATE.fullmatch(text):
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ].*", text):
                    return self.wrong(path, f"{expected} without a time", value)  # type: ignore[no-any-return]
                return self.wrong(path, expected, value)  # type: ignore[no-any-return]
            try:
                value = _dt.date.fromisoformat(text)
            except ValueError:
                return self.wrong(path, f"{expected} that exists in the calendar", text)  # type: ignore[no-any-return]
        if not isinstance(value, _dt.date):
            return self.wrong(path, expected, value)  # type: ignore[no-any-return]
        if not _EARLIEST <= value <= _LATEST:
            return self.wrong(path, f"{expected} {date_range_words()}", value)  # type: ignore[no-any-return]
        return value

    def word(self, value: Any, path: str, allowed: tuple[str, ...]) -> str | None:
        if value is None:
            return None
        expected = f"one of {', '.join(allowed)}"
        if not isinstance(value, str):
            return self.wrong(path, expected, value)  # type: ignore[no-any-return]
        if value in allowed:
            return value
        normalised = value.strip().lower().replace(" ", "_").replace("-", "_")
        if normalised in allowed:
            return self.wrong(path, expected, value, normalised)  # type: ignore[no-any-return]
        return self.wrong(path, expected, value, _closest(normalised, allowed))  # type: ignore[no-any-return]

    def words(self, value: Any, path: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        items = self.sequence(value, path, f"a list of words from: {', '.join(allowed)}")
        if items is None or items is _INVALID:
            return ()
        found: list[str] = []
        for index, item in enumerate(items):
            checked = self.word(item, f"{path}[{index}]", allowed)
            if item is None:
                self.wrong(f"{path}[{index}]", f"one of {', '.join(allowed)}", item)
            elif checked is not _INVALID and checked is not None:
                if checked in found:
                    self.wrong(f"{path}[{index}]", "each word once", item)
                else:
                    found.append(checked)
        return tuple(found)

    def country(self, value: Any, path: str) -> str | None:
        if value is None:
            return None
        expected = "a country: ISO 3166-1 alpha-2 or alpha-3 code, or English name"
        if not isinstance(value, str):
            return self.wrong(path, expected, value)  # type: ignore[no-any-return]
        code = resolve_country(value)
        if code is None:
            return self.wrong(path, expected, value, suggest_country(value))  # type: ignore[no-any-return]
        return code

    def countries(self, value: Any, path: str) -> tuple[str, ...]:
        items = self.sequence(value, path, "a list of countries")
        if items is None or items is _INVALID:
            return ()
        found: list[str] = []
        for index, item in enumerate(items):
            where = f"{path}[{index}]"
            if item is None:
                self.wrong(where, "a country", item)
                continue
            code = self.country(item, where)
            if code is _INVALID or code is None:
                continue
            if code in found:
                self.wrong(where, "each country once", item)
            else:
                found.append(code)
        return tuple(found)


# -- sections ------------------------------------------------------------------------------


def _read_refugee(check: _Checker, value: Any) -> RefugeeStatus | None:
    path = "person.refugee_status"
    data = check.mapping(value, path, _REFUGEE_KEYS, required=("status",))
    if data is None or data is _INVALID:
        return None
    status = check.word(data.get("status"), f"{path}.status", vocab.REFUGEE_STATUSES)
    if "status" in data and data["status"] is None:
        check.wrong(f"{path}.status", f"one of {', '.join(vocab.REFUGEE_STATUSES)}", None)
    return RefugeeStatus(
        status=status or "",
        granted_by=check.country(data.get("granted_by"), f"{path}.granted_by"),
        granted_on=check.date(data.get("granted_on"), f"{path}.granted_on"),
        feared_persecution_from=check.country(
            data.get("feared_persecution_from"), f"{path}.feared_persecution_from"
        ),
    )


def _read_person(check: _Checker, value: Any) -> Person:
    data = check.mapping(value, "person", _PERSON_KEYS)
    if data is None or data is _INVALID:
        return Person()
    return Person(
        nationalities=check.countries(data.get("nationalities"), "person.nationalities"),
        residence=check.country(data.get("residence"), "person.residence"),
        profile=check.words(data.get("profile"), "person.profile", vocab.PROFILES),
        refugee_status=_read_refugee(check, data.get("refugee_status")),
    )


def _read_recipients(
    check: _Checker,
    value: Any,
    *,
    kind: Any,
    requesting: Any,
    issued_on: Any,
) -> tuple[str, ...] | None:
    path = "notice.recipients"
    expected = "all, or a list of countries and/or regions (" + ", ".join(vocab.REGIONS) + ")"
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() == "all":
        return ("all",)
    items = check.sequence(value, path, expected)
    if items is None or items is _INVALID:
        return None
    if not items:
        check.wrong(path, expected, value)
        return None
    tokens: list[str] = []
    for index, item in enumerate(items):
        where = f"{path}[{index}]"
        if not isinstance(item, str):
            check.wrong(where, "a country or a region word", item)
            continue
        lowered = item.strip().lower()
        if lowered in vocab.REGIONS:
            token: str = lowered
        else:
            code = resolve_country(item)
            if code is None:
                suggestion = _closest(lowered, vocab.REGIONS) or suggest_country(item)
                check.wrong(where, "a country or a region word", item, suggestion)
                continue
            token = code
            if code == requesting:
                check.wrong(
                    where,
                    "recipients other than the requesting country (a request is not sent to "
                    "the country that makes it)",
                    item,
                )
                continue
            if isinstance(issued_on, _dt.date) and not is_member(code, issued_on):
                check.wrong(
                    where,
                    f"an INTERPOL member country on notice.issued_on ({issued_on.isoformat()})",
                    item,
                )
                continue
        if token in tokens:
            check.wrong(where, "each recipient once", item)
            continue
        tokens.append(token)
    if "all" in tokens and len(tokens) > 1:
        check.wrong(path, "'all' on its own, or a list without 'all'", value)
    if kind == "red_notice" and tokens and tokens != ["all"]:
        check.wrong(
            path,
            "all (a red notice circulates to every member; choose recipients only for a diffusion)",
            value,
        )
    return tuple(tokens)


def _read_notice(check: _Checker, value: Any) -> Notice | None:
    required = ("kind", "requesting_country", "issued_on")
    if value is None:
        check.problem(
            "notice",
            "a mapping with the notice's kind, requesting_country and issued_on (required)",
            "nothing",
        )
        return None
    data = check.mapping(value, "notice", _NOTICE_KEYS, required=required, what="a mapping")
    if data is None or data is _INVALID:
        return None
    for key in required:
        if key in data and data[key] is None:
            check.problem(f"notice.{key}", "a value (this fact is required)", "nothing (null)")
    kind = check.word(data.get("kind"), "notice.kind", vocab.NOTICE_KINDS)
    requesting = check.country(data.get("requesting_country"), "notice.requesting_country")
    issued_on = check.date(data.get("issued_on"), "notice.issued_on")
    if (
        isinstance(requesting, str)
        and isinstance(issued_on, _dt.date)
        and not is_member(requesting, issued_on)
    ):
        check.wrong(
            "notice.requesting_country",
            f"an INTERPOL member country on notice.issued_on ({issued_on.isoformat()})",
            data.get("requesting_country"),
        )
    public_extract = check.boolean(data.get("public_extract"), "notice.public_extract")
    if public_extract is True and kind == "diffusion":
        check.problem(
            "notice.public_extract",
            "false or nothing for a diffusion (only red notices can have a public extract on "
            "INTERPOL's website)",
            "true",
        )
    refused_on = check.date(data.get("red_notice_refused_on"), "notice.red_notice_refused_on")
    if (
        isinstance(refused_on, _dt.date)
        and isinstance(issued_on, _dt.date)
        and refused_on > issued_on
    ):
        check.wrong(
            "notice.red_notice_refused_on",
            f"a date on or before notice.issued_on ({issued_on.isoformat()})",
            refused_on,
        )
    recipients = _read_recipients(
        check, data.get("recipients"), kind=kind, requesting=requesting, issued_on=issued_on
    )
    return Notice(
        kind=kind or "",
        requesting_country=requesting or "",
        issued_on=issued_on if isinstance(issued_on, _dt.date) else _EARLIEST,
        purpose=check.word(data.get("purpose"), "notice.purpose", vocab.PURPOSES),
        recipients=recipients,
        public_extract=public_extract,
        red_notice_refused_on=refused_on,
    )


def _read_case(check: _Checker, value: Any) -> Case:
    data = check.mapping(value, "case", _CASE_KEYS)
    if data is None or data is _INVALID:
        return Case()

    def at(key: str) -> str:
        return f"case.{key}"

    warrant = None
    warrant_data = check.mapping(data.get("arrest_warrant"), at("arrest_warrant"), _WARRANT_KEYS)
    if warrant_data is not None and warrant_data is not _INVALID:
        warrant = ArrestWarrant(
            issued_on=check.date(warrant_data.get("issued_on"), "case.arrest_warrant.issued_on"),
            valid=check.boolean(warrant_data.get("valid"), "case.arrest_warrant.valid"),
        )
    civil = None
    civil_data = check.mapping(data.get("civil_proceedings"), at("civil_proceedings"), _CIVIL_KEYS)
    if civil_data is not None and civil_data is not _INVALID:
        civil = CivilProceedings(
            outcome=check.word(
                civil_data.get("outcome"), "case.civil_proceedings.outcome", vocab.CIVIL_OUTCOMES
            )
        )
    prior = None
    prior_data = check.mapping(data.get("prior_ccf_decision"), at("prior_ccf_decision"),
                               _PRIOR_KEYS)  # fmt: skip
    if prior_data is not None and prior_data is not _INVALID:
        prior = PriorDecision(
            outcome=check.word(
                prior_data.get("outcome"), "case.prior_ccf_decision.outcome", vocab.CCF_OUTCOMES
            ),
            date=check.date(prior_data.get("date"), "case.prior_ccf_decision.date"),
        )
    extradition: list[ExtraditionProceeding] = []
    items = check.sequence(data.get("extradition"), at("extradition"),
                           "a list of proceedings (each a mapping)",
                           limit=MAX_EXTRADITION)  # fmt: skip
    for index, item in enumerate(items if isinstance(items, list) else []):
        where = f"case.extradition[{index}]"
        entry = check.mapping(item, where, _EXTRADITION_KEYS, what="a mapping")
        if entry is _INVALID:
            continue
        if entry is None:
            check.wrong(where, "a mapping with country, outcome, grounds, date", None)
            continue
        extradition.append(
            ExtraditionProceeding(
                country=check.country(entry.get("country"), f"{where}.country"),
                outcome=check.word(
                    entry.get("outcome"), f"{where}.outcome", vocab.EXTRADITION_OUTCOMES
                ),
                grounds=check.word(
                    entry.get("grounds"), f"{where}.grounds", vocab.EXTRADITION_GROUNDS
                ),
                date=check.date(entry.get("date"), f"{where}.date"),
            )
        )
    dual: dict[str, bool] = {}
    dual_value = data.get("dual_criminality")
    if dual_value is not None:
        if not isinstance(dual_value, Mapping):
            check.wrong(at("dual_criminality"), "a mapping of country: true or false", dual_value)
        elif len(dual_value) > MAX_LIST_ITEMS:
            check.wrong(at("dual_criminality"), f"at most {MAX_LIST_ITEMS} countries", dual_value)
        else:
            for key, satisfied in dual_value.items():
                where = f"case.dual_criminality.{key}"
                code = check.country(key if isinstance(key, str) else _show(key), where)
                flag = check.boolean(satisfied, where)
                if satisfied is None:
                    check.wrong(where, "true or false (leave the country out if unknown)", None)
                    continue
                if code is _INVALID or code is None or flag is _INVALID or flag is None:
                    continue
                if code in dual:
                    check.wrong(where, "each country once", key)
                    continue
                dual[code] = flag
    final_judgment = None
    judgment_data = check.mapping(data.get("final_judgment"), at("final_judgment"),
                                  _FINAL_JUDGMENT_KEYS)  # fmt: skip
    if judgment_data is not None and judgment_data is not _INVALID:
        final_judgment = FinalJudgment(
            country=check.country(judgment_data.get("country"), "case.final_judgment.country"),
            date=check.date(judgment_data.get("date"), "case.final_judgment.date"),
            result=check.word(
                judgment_data.get("result"),
                "case.final_judgment.result",
                vocab.FINAL_JUDGMENT_RESULTS,
            ),
        )
    retrial = check.boolean(data.get("retrial_guaranteed"), at("retrial_guaranteed"))
    absentia = None
    absentia_data = check.mapping(data.get("in_absentia_details"), at("in_absentia_details"),
                                  _ABSENTIA_KEYS)  # fmt: skip
    if absentia_data is not None and absentia_data is not _INVALID:
        detail_retrial = check.boolean(
            absentia_data.get("retrial_guaranteed"), "case.in_absentia_details.retrial_guaranteed"
        )
        if (
            isinstance(detail_retrial, bool)
            and isinstance(retrial, bool)
            and detail_retrial != retrial
        ):
            check.wrong(
                "case.in_absentia_details.retrial_guaranteed",
                f"the same value as case.retrial_guaranteed ({str(retrial).lower()})",
                detail_retrial,
            )
        absentia = InAbsentiaDetails(
            knew_of_trial=check.boolean(
                absentia_data.get("knew_of_trial"), "case.in_absentia_details.knew_of_trial"
            ),
            represented=check.boolean(
                absentia_data.get("represented"), "case.in_absentia_details.represented"
            ),
            retrial_guaranteed=detail_retrial,
        )
    cheques = check.number(data.get("cheque_count"), at("cheque_count"), "cheques")
    if isinstance(cheques, float) and (not cheques.is_integer() or cheques < 1):
        check.wrong(at("cheque_count"), "a whole number of cheques, 1 or more",
                    data.get("cheque_count"))  # fmt: skip
        cheques = None
    sentence = check.number(data.get("sentence_months"), at("sentence_months"), "months")
    remaining = check.number(data.get("remaining_months"), at("remaining_months"), "months")
    if isinstance(sentence, float) and isinstance(remaining, float) and remaining > sentence:
        check.wrong(
            at("remaining_months"),
            f"no more than case.sentence_months ({sentence:g})",
            data.get("remaining_months"),
        )
    return Case(
        stage=check.word(data.get("stage"), at("stage"), vocab.STAGES),
        offence=check.word(data.get("offence"), at("offence"), vocab.OFFENCES),
        offence_summary=check.text(data.get("offence_summary"), at("offence_summary")),
        max_penalty_years=check.number(
            data.get("max_penalty_years"), at("max_penalty_years"), "years"
        ),
        sentence_months=sentence,
        remaining_months=remaining,
        summary_names_person_role=check.boolean(
            data.get("summary_names_person_role"), at("summary_names_person_role")
        ),
        arrest_warrant=warrant,
        in_absentia=check.boolean(data.get("in_absentia"), at("in_absentia")),
        retrial_guaranteed=retrial,
        limitation_expired=check.boolean(data.get("limitation_expired"), at("limitation_expired")),
        origin=check.word(data.get("origin"), at("origin"), vocab.ORIGINS),
        organised_crime_link=check.boolean(
            data.get("organised_crime_link"), at("organised_crime_link")
        ),
        amount_usd=check.number(data.get("amount_usd"), at("amount_usd"), "US dollars"),
        civil_proceedings=civil,
        purpose_defects=check.words(
            data.get("purpose_defects"), at("purpose_defects"), vocab.PURPOSE_DEFECTS
        ),
        co_accused_deleted=check.boolean(data.get("co_accused_deleted"), at("co_accused_deleted")),
        political_context=check.words(
            data.get("political_context"), at("political_context"), vocab.POLITICAL_INDICATORS
        ),
        human_rights_concerns=check.words(
            data.get("human_rights_concerns"),
            at("human_rights_concerns"),
            vocab.HUMAN_RIGHTS_CONCERNS,
        ),
        requesting_state_sought_extradition=check.boolean(
            data.get("requesting_state_sought_extradition"),
            at("requesting_state_sought_extradition"),
        ),
        extradition=tuple(extradition),
        dual_criminality=tuple(sorted(dual.items())),
        prior_ccf_decision=prior,
        final_judgment=final_judgment,
        fraudulent_intent=check.boolean(data.get("fraudulent_intent"), at("fraudulent_intent")),
        cheque_count=int(cheques) if isinstance(cheques, float) else None,
        in_absentia_details=absentia,
    )


def _read_travel(check: _Checker, value: Any) -> tuple[Trip, ...]:
    items = check.sequence(
        value,
        "travel",
        "a list of trips, each with country and date",
        limit=MAX_TRIPS,
        why=" (keep the trips that matter for the arrest risk)",
    )
    if not isinstance(items, list):
        return ()
    trips: list[Trip] = []
    for index, item in enumerate(items):
        where = f"travel[{index}]"
        data = check.mapping(item, where, _TRIP_KEYS, required=_TRIP_KEYS, what="a mapping")
        if data is None:
            check.wrong(where, "a mapping with country and date", None)
            continue
        if data is _INVALID:
            continue
        country = check.country(data.get("country"), f"{where}.country")
        day = check.date(data.get("date"), f"{where}.date")
        for key in _TRIP_KEYS:
            if key in data and data[key] is None:
                check.wrong(f"{where}.{key}", "a value (required for a trip)", None)
        if isinstance(country, str) and isinstance(day, _dt.date):
            trips.append(Trip(country=country, date=day))
    return tuple(trips)


def _read_challenge(check: _Checker, value: Any) -> Challenge | None:
    data = check.mapping(value, "challenge", _CHALLENGE_KEYS)
    if data is None or data is _INVALID:
        return None
    return Challenge(
        filed_on=check.date(data.get("filed_on"), "challenge.filed_on"),
        requests=check.words(data.get("requests"), "challenge.requests", vocab.CHALLENGE_REQUESTS),
        urgent=check.boolean(data.get("urgent"), "challenge.urgent"),
        admissible_on=check.date(data.get("admissible_on"), "challenge.admissible_on"),
        ncb_responds=check.boolean(data.get("ncb_responds"), "challenge.ncb_responds"),
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_unicode(check: _Checker, document: Any) -> None:
    """Report every text (key or value) holding half a character (a lone surrogate).

    JSON can spell one as ``"\\ud800"``; such text cannot be printed or written to a file,
    so it is refused here rather than failing later in a report.
    """
    stack: list[tuple[str, Any]] = [("", document)]
    seen: set[int] = set()
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                check.problem(
                    path,
                    "text of whole characters",
                    "half of a character (an unpaired surrogate such as \\ud800)",
                )
            continue
        if not isinstance(value, Mapping | list | tuple) or id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, Mapping):
            prefix = f"{path}." if path else ""
            for key, item in value.items():
                where = f"{prefix}{key}"
                if isinstance(key, str) and _SURROGATE.search(key):
                    stack.append((where, key))
                stack.append((where, item))
        else:
            stack.extend((f"{path}[{index}]", item) for index, item in enumerate(value))


def _read(check: _Checker, document: Any) -> Scenario | None:
    _check_unicode(check, document)
    if document is None:
        check.problem("", "a scenario (a mapping that starts with 'format: 1')", "an empty file")
        return None
    if not isinstance(document, Mapping):
        check.wrong("", "a scenario: a mapping of keys such as format, id, notice", document)
        return None
    data = check.mapping(document, "", _TOP_KEYS, required=("format", "id"))
    if data is None or data is _INVALID:
        return None
    if "format" in data:
        number = data["format"]
        if isinstance(number, bool) or not isinstance(number, int):
            check.wrong("format", "the number 1 (scenario format 1)", number)
        elif number != vocab.FORMAT_VERSION:
            check.wrong(
                "format",
                "1 (this version of diffusion-scenarios reads scenario format 1 only)",
                number,
            )
            return None  # a different format: the rest cannot be read by these rules
    scenario_id = data.get("id")
    if "id" in data and (not isinstance(scenario_id, str) or not _ID.fullmatch(scenario_id)):
        check.wrong(
            "id",
            "an id of lower-case letters, digits and hyphens, starting and ending with a "
            "letter or digit (for example ccf-2019-u1)",
            scenario_id,
        )
    notice = _read_notice(check, data.get("notice"))
    scenario = Scenario(
        id=scenario_id if isinstance(scenario_id, str) else "",
        notice=notice or Notice(kind="", requesting_country="", issued_on=_EARLIEST),
        format=vocab.FORMAT_VERSION,
        title=check.text(data.get("title"), "title") or "",
        as_of=check.date(data.get("as_of"), "as_of"),
        notes=check.text(data.get("notes"), "notes") or "",
        person=_read_person(check, data.get("person")),
        case=_read_case(check, data.get("case")),
        travel=_read_travel(check, data.get("travel")),
        challenge=_read_challenge(check, data.get("challenge")),
    )
    return None if check.problems else scenario


def _fail(source: str | None, expected: str, found: str | None = None) -> ScenarioError:
    return ScenarioError([Problem(path="", expected=expected, found=found, source=source)])


# PyYAML's wording of common faults, in words for people who do not write parsers.
_YAML_WORDS = {
    "found character": "a character that cannot start a value (a tab? indent with spaces; "
    "put text that starts with @ or ` in quotes)",
    "mapping values are not allowed": "a colon where no key can start (put text that "
    "contains ': ' in quotes)",
    "found undefined alias": "a reference (*name) to an anchor that is not defined",
    "found unacceptable character": "a character YAML does not allow (a control character)",
}


def _yaml_problem(error: yaml.YAMLError, source: str | None) -> ScenarioError:
    """A YAML error as one problem, with the line and column of the fault."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "the file"
    reason = str(getattr(error, "problem", None) or str(error).splitlines()[0])
    for start, words in _YAML_WORDS.items():
        if reason.startswith(start):
            reason = words
            break
    reason = reason.removeprefix("found ")
    if "could not determine a constructor" in str(reason):
        quoted = re.search(r"'([^']*)'", str(reason))
        tag = quoted.group(1) if quoted else "used"
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        reason = f"the tag {tag} is not allowed (scenario files hold plain data only)"
    return _fail(source, "valid YAML", f"{reason} at {where}")


def _parse(text: str, source: str | None, *, json_text: bool | None) -> Any:
    """Parse JSON (``json_text=True``), YAML (``False``) or either (``None``: text that
    starts with ``{`` is tried as JSON first, then as a YAML flow mapping)."""
    if "\x00" in text:
        raise _fail(source, "a text file in UTF-8 (YAML or JSON)", "binary data")
    if json_text is None:
        json_text = text.lstrip().startswith("{")
        strict_json = False
    else:
        strict_json = json_text
    too_deep = "a document nested to a reasonable depth"
    if json_text:
        try:
            return json.loads(
                text,
                object_pairs_hook=_json_object,
                parse_constant=_json_constant,
                parse_int=_json_int,
            )
        except json.JSONDecodeError as error:
            if strict_json:
                raise _fail(
                    source,
                    "valid JSON",
                    f"{error.msg} at line {error.lineno}, column {error.colno}",
                ) from None
        except RecursionError:
            raise _fail(source, too_deep, "a deeper one") from None
        except ValueError as error:
            raise _fail(source, "valid JSON", str(error)) from None
    try:
        return load_yaml(text)
    except yaml.YAMLError as error:
        raise _yaml_problem(error, source) from None
    except (ValueError, OverflowError) as error:  # a scalar no constructor could build
        raise _fail(source, "valid YAML", str(error)[:120]) from None
    except RecursionError:
        raise _fail(source, too_deep, "a deeper one") from None


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key '{key}' appears twice in one object")
        result[key] = value
    return result


def _json_int(text: str) -> int | str:
    """A JSON integer; one with more digits than Python converts stays text."""
    try:
        return int(text)
    except ValueError:
        return text


def _json_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a scenario can use")


def loads_scenario(
    text: str, *, source: str = "<string>", json_text: bool | None = None
) -> Scenario:
    """Read a scenario from YAML or JSON text.

    Args:
        text: the scenario, YAML (or JSON, which YAML also reads).
        source: a name for the text in error messages.
        json_text: force JSON parsing (``True``) or YAML (``False``); by default JSON is
            used when the text starts with ``{``.

    Raises:
        ScenarioError: every problem found, one a line.

    Example:
        >>> loads_scenario('{"format": 1, "id": "j", "notice": {"kind": "diffusion",'
        ...                ' "requesting_country": "TR", "issued_on": "2024-02-01"}}').notice.kind
        'diffusion'
    """
    if not isinstance(text, str):
        raise _fail(source, "text", _show(text))
    if len(text.encode("utf-8", errors="replace")) > MAX_FILE_BYTES:
        raise _fail(source, f"a scenario of at most {MAX_FILE_BYTES:,} bytes", "a larger text")
    document = _parse(text, source, json_text=json_text)
    check = _Checker(source)
    scenario = _read(check, document)
    if scenario is None:
        raise ScenarioError(check.problems)
    return scenario


def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario file (``.yaml``, ``.yml`` or ``.json``). The file is only read.

    Raises:
        ScenarioError: the file is missing, unreadable, too large, not text, or holds
            problems — all of them, one a line, each naming the file and the field.

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "c.yaml").write_text(
        ...     "format: 1\\nid: c\\nnotice: {kind: red_notice, requesting_country: NO,"
        ...     " issued_on: 2024-05-01}\\n", encoding="utf-8")
        >>> load_scenario(folder / "c.yaml").notice.requesting_country
        'NOR'
    """
    source = str(path)
    if not source.strip():
        raise _fail(None, "the name of a scenario file", "an empty name")
    file = Path(path)
    try:
        raw = read_regular(file, limit=MAX_FILE_BYTES, what="a scenario file")
        text = decode_text(raw, expected="a text file in UTF-8 (YAML or JSON)")
    except UnreadableFileError as error:
        raise _fail(source, error.expected, error.found) from None
    json_text = True if file.suffix.lower() == ".json" else None
    return loads_scenario(text, source=source, json_text=json_text)


def scenario_from_dict(mapping: Mapping[str, Any], *, source: str | None = None) -> Scenario:
    """Build a scenario from plain data (as parsed from YAML or JSON), with full checks.

    Example:
        >>> notice = {"kind": "diffusion", "requesting_country": "Russia",
        ...           "issued_on": "2024-01-01"}
        >>> scenario_from_dict({"format": 1, "id": "d", "notice": notice}).notice.requesting_country
        'RUS'
    """
    check = _Checker(source)
    scenario = _read(check, mapping)
    if scenario is None:
        raise ScenarioError(check.problems)
    return scenario


# -- writing -------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A dataclass value as plain format-1 data, leaving out unknowns and empty lists."""
    if is_dataclass(value) and not isinstance(value, type):
        result: dict[str, Any] = {}
        for item in fields(value):
            result_value = getattr(value, item.name)
            if result_value is None or result_value == ():
                continue
            result[item.name] = _plain(result_value)
        return result
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """The scenario as a format-1 mapping that loads back to an equal scenario.

    Unknown facts (``None``) and empty lists are left out; countries are alpha-3 codes;
    dates stay :class:`datetime.date` (YAML writes them as dates, JSON callers should
    convert them with ``.isoformat()``).

    Example:
        >>> import datetime
        >>> s = Scenario(id="x", notice=Notice(kind="diffusion", requesting_country="NOR",
        ...              issued_on=datetime.date(2025, 1, 1)))
        >>> scenario_to_dict(s)["notice"]["requesting_country"]
        'NOR'
        >>> scenario_from_dict(scenario_to_dict(s)) == s
        True
    """
    data: dict[str, Any] = {"format": scenario.format, "id": scenario.id}
    if scenario.title:
        data["title"] = scenario.title
    if scenario.as_of is not None:
        data["as_of"] = scenario.as_of
    if scenario.notes:
        data["notes"] = scenario.notes
    person = _plain(scenario.person)
    if person:
        data["person"] = person
    notice = _plain(scenario.notice)
    if scenario.notice.recipients == ("all",):
        notice["recipients"] = "all"
    data["notice"] = notice
    case = _plain(scenario.case)
    if scenario.case.dual_criminality:
        case["dual_criminality"] = dict(scenario.case.dual_criminality)
    if case:
        data["case"] = case
    if scenario.travel:
        data["travel"] = _plain(scenario.travel)
    if scenario.challenge is not None:
        data["challenge"] = _plain(scenario.challenge)
    return data


def save_scenario(scenario: Scenario, path: str | Path, *, force: bool = False) -> Path:
    """Write a scenario as a format-1 YAML file; never overwrites unless ``force``.

    The file is written to a temporary file in the same folder and renamed when complete,
    so a full disk or an interruption leaves nothing behind.

    Raises:
        OutputExistsError: ``path`` exists and ``force`` is false.
        OutputPathError: ``path`` is empty or a link (links are never written through).
        OSError: the file could not be written (nothing is left behind).

    Example:
        >>> import datetime, tempfile, pathlib
        >>> s = Scenario(id="saved", notice=Notice(kind="red_notice", requesting_country="NOR",
        ...              issued_on=datetime.date(2025, 1, 1)))
        >>> target = save_scenario(s, pathlib.Path(tempfile.mkdtemp()) / "saved.yaml")
        >>> load_scenario(target) == s
        True
    """
    text = (
        "# diffusion-scenarios scenario, format 1 (educational model, not legal advice)\n"
        + dump_yaml(scenario_to_dict(scenario))
    )
    return write_atomic(path, text, force=force)  # all or nothing: never half a file


# -- built-in scenarios ------------------------------------------------------------------


@cache
def _builtin_items() -> tuple[tuple[str, Scenario], ...]:
    from diffusion_scenarios.errors import ReferenceDataError

    folder = resources.files("diffusion_scenarios.data").joinpath("scenarios")
    items: dict[str, Scenario] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith((".yaml", ".yml")):
            continue
        text = entry.read_text(encoding="utf-8")
        try:
            scenario = loads_scenario(text, source=f"scenarios/{entry.name}", json_text=False)
        except ScenarioError as error:
            raise ReferenceDataError(f"a built-in scenario is invalid:\n{error}") from None
        if scenario.id in items:
            raise ReferenceDataError(f"two built-in scenarios share the id '{scenario.id}'")
        items[scenario.id] = scenario
    return tuple(items.items())


def builtin_scenarios() -> dict[str, Scenario]:
    """The scenarios shipped with the package, by id, in file-name order (read once).

    Example:
        >>> "ccf-2019-u1" in builtin_scenarios()
        True
    """
    return dict(_builtin_items())


def resolve_scenario(ref: str | Path) -> Scenario:
    """A scenario from a file path, or else a built-in scenario id.

    Raises:
        ScenarioError: the file exists but cannot be read.
        UnknownScenarioError: neither a file nor a built-in id; the message suggests the
            closest built-in ids.

    Example:
        >>> resolve_scenario("ccf-2019-u1").id
        'ccf-2019-u1'
    """
    text = str(ref)
    if not text.strip():
        raise _fail(None, "a scenario file or a built-in scenario id", "an empty name")
    candidate = Path(text)
    if candidate.exists() or candidate.is_symlink():
        return load_scenario(candidate)
    known = builtin_scenarios()
    if text in known:
        return known[text]
    close = difflib.get_close_matches(text, list(known), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    looks_like_file = candidate.suffix.lower() in (".yaml", ".yml", ".json") or "/" in text
    what = "no such file" if looks_like_file else "no such file or built-in scenario id"
    raise UnknownScenarioError(
        f"{text}: {what}{hint} (diffusion-scenarios list shows the built-in ids)"
    )
