"""What a valid scenario is: every check on the facts, in one place.

The loader (:mod:`diffusion_scenarios._facts.loader`) reads a parsed file with
:func:`read_scenario`; the value objects (:mod:`diffusion_scenarios._facts.scenario`) check
themselves with :func:`check_value`, which reads their plain form with the same section
readers and asks for the value the reader gives back. So a value built in code, a file and
the explorer's controls meet the same rules and the same messages, and anything that builds
can be written to a file and read back equal.

A :class:`Checker` collects every problem found instead of stopping at the first, each with
the field path, what was expected, what was found and, for misspellings, the closest word.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from diffusion_scenarios._base.limits import (
    EARLIEST_DATE,
    LATEST_DATE,
    MAX_EXTRADITION,
    MAX_LIST_ITEMS,
    MAX_TRIPS,
    date_range_words,
)
from diffusion_scenarios._facts import scenario as values
from diffusion_scenarios._facts.registry import evidence_paths
from diffusion_scenarios._facts.scenario import trusted
from diffusion_scenarios._law import vocab
from diffusion_scenarios._law.countries import is_member, resolve_country, suggest_country
from diffusion_scenarios.errors import Problem, ScenarioError

__all__ = ["INVALID", "Checker", "check_value", "read_scenario", "show"]

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


INVALID: Any = _Invalid()

# Keys of each mapping in the format, in the order the format lists them.
_TOP_KEYS = ("format", "id", "title", "as_of", "notes", "person", "notice", "case", "travel",
             "challenge", "evidence")  # fmt: skip
_PERSON_KEYS = ("nationalities", "residence", "profile", "refugee_status",
                "minor")  # fmt: skip
_REFUGEE_KEYS = ("status", "granted_by", "granted_on", "feared_persecution_from")
_NOTICE_KEYS = ("kind", "purpose", "requesting_country", "issued_on", "recipients",
                "public_extract", "red_notice_refused_on")  # fmt: skip
_CASE_KEYS = tuple(f.name for f in fields(values.Case))
_WARRANT_KEYS = ("issued_on", "valid")
_CIVIL_KEYS = ("outcome",)
_EXTRADITION_KEYS = ("country", "outcome", "grounds", "date")
_PRIOR_KEYS = ("outcome", "date")
_FINAL_JUDGMENT_KEYS = ("country", "date", "result")
_ABSENTIA_KEYS = ("knew_of_trial", "represented", "retrial_guaranteed")
_TRIP_KEYS = ("country", "date")
_CHALLENGE_KEYS = ("filed_on", "requests", "urgent", "admissible_on", "ncb_responds",
                   "new_fact_discovered_on")  # fmt: skip


def show(value: Any) -> str:
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


class Checker:
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
        return INVALID

    def wrong(self, path: str, expected: str, value: Any, suggestion: str | None = None) -> Any:
        return self.problem(path, expected, show(value), suggestion)

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
        """A mapping with only the given keys; ``None`` if absent, ``INVALID`` if wrong."""
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
        if items is None or items is INVALID:
            return ()
        found: list[str] = []
        for index, item in enumerate(items):
            checked = self.word(item, f"{path}[{index}]", allowed)
            if item is None:
                self.wrong(f"{path}[{index}]", f"one of {', '.join(allowed)}", item)
            elif checked is not INVALID and checked is not None:
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
        if items is None or items is INVALID:
            return ()
        found: list[str] = []
        for index, item in enumerate(items):
            where = f"{path}[{index}]"
            if item is None:
                self.wrong(where, "a country", item)
                continue
            code = self.country(item, where)
            if code is INVALID or code is None:
                continue
            if code in found:
                self.wrong(where, "each country once", item)
            else:
                found.append(code)
        return tuple(found)


# -- sections ------------------------------------------------------------------------------


def _read_refugee(check: Checker, value: Any) -> values.RefugeeStatus | None:
    path = "person.refugee_status"
    data = check.mapping(value, path, _REFUGEE_KEYS, required=("status",))
    if data is None or data is INVALID:
        return None
    status = check.word(data.get("status"), f"{path}.status", vocab.REFUGEE_STATUSES)
    if "status" in data and data["status"] is None:
        check.wrong(f"{path}.status", f"one of {', '.join(vocab.REFUGEE_STATUSES)}", None)
    return values.RefugeeStatus(
        status=status or "",
        granted_by=check.country(data.get("granted_by"), f"{path}.granted_by"),
        granted_on=check.date(data.get("granted_on"), f"{path}.granted_on"),
        feared_persecution_from=check.country(
            data.get("feared_persecution_from"), f"{path}.feared_persecution_from"
        ),
    )


def _read_person(check: Checker, value: Any) -> values.Person:
    data = check.mapping(value, "person", _PERSON_KEYS)
    if data is None or data is INVALID:
        return values.Person()
    return values.Person(
        nationalities=check.countries(data.get("nationalities"), "person.nationalities"),
        residence=check.country(data.get("residence"), "person.residence"),
        profile=check.words(data.get("profile"), "person.profile", vocab.PROFILES),
        refugee_status=_read_refugee(check, data.get("refugee_status")),
        # issue 20 point 12: an optional fact, unknown when absent
        minor=check.boolean(data.get("minor"), "person.minor"),
    )


def _read_recipients(
    check: Checker,
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
    if items is None or items is INVALID:
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


def _read_notice(check: Checker, value: Any) -> values.Notice | None:
    required = ("kind", "requesting_country", "issued_on")
    if value is None:
        check.problem(
            "notice",
            "a mapping with the notice's kind, requesting_country and issued_on (required)",
            "nothing",
        )
        return None
    data = check.mapping(value, "notice", _NOTICE_KEYS, required=required, what="a mapping")
    if data is None or data is INVALID:
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
    return values.Notice(
        kind=kind or "",
        requesting_country=requesting or "",
        issued_on=issued_on if isinstance(issued_on, _dt.date) else _EARLIEST,
        purpose=check.word(data.get("purpose"), "notice.purpose", vocab.PURPOSES),
        recipients=recipients,
        public_extract=public_extract,
        red_notice_refused_on=refused_on,
    )


def _read_warrant(check: Checker, value: Any) -> values.ArrestWarrant | None:
    path = "case.arrest_warrant"
    data = check.mapping(value, path, _WARRANT_KEYS)
    if data is None or data is INVALID:
        return None
    return values.ArrestWarrant(
        issued_on=check.date(data.get("issued_on"), f"{path}.issued_on"),
        valid=check.boolean(data.get("valid"), f"{path}.valid"),
    )


def _read_civil(check: Checker, value: Any) -> values.CivilProceedings | None:
    path = "case.civil_proceedings"
    data = check.mapping(value, path, _CIVIL_KEYS)
    if data is None or data is INVALID:
        return None
    return values.CivilProceedings(
        outcome=check.word(data.get("outcome"), f"{path}.outcome", vocab.CIVIL_OUTCOMES)
    )


def _read_prior(check: Checker, value: Any) -> values.PriorDecision | None:
    path = "case.prior_ccf_decision"
    data = check.mapping(value, path, _PRIOR_KEYS)
    if data is None or data is INVALID:
        return None
    return values.PriorDecision(
        outcome=check.word(data.get("outcome"), f"{path}.outcome", vocab.CCF_OUTCOMES),
        date=check.date(data.get("date"), f"{path}.date"),
    )


def _read_proceeding(check: Checker, value: Any, where: str) -> values.ExtraditionProceeding | None:
    entry = check.mapping(value, where, _EXTRADITION_KEYS, what="a mapping")
    if entry is INVALID:
        return None
    if entry is None:
        check.wrong(where, "a mapping with country, outcome, grounds, date", None)
        return None
    return values.ExtraditionProceeding(
        country=check.country(entry.get("country"), f"{where}.country"),
        outcome=check.word(entry.get("outcome"), f"{where}.outcome", vocab.EXTRADITION_OUTCOMES),
        grounds=check.word(entry.get("grounds"), f"{where}.grounds", vocab.EXTRADITION_GROUNDS),
        date=check.date(entry.get("date"), f"{where}.date"),
    )


def _read_extradition(check: Checker, value: Any) -> tuple[values.ExtraditionProceeding, ...]:
    items = check.sequence(value, "case.extradition", "a list of proceedings (each a mapping)",
                           limit=MAX_EXTRADITION)  # fmt: skip
    proceedings = (
        _read_proceeding(check, item, f"case.extradition[{index}]")
        for index, item in enumerate(items if isinstance(items, list) else [])
    )
    return tuple(entry for entry in proceedings if entry is not None)


def _read_dual_criminality(check: Checker, value: Any) -> tuple[tuple[str, bool], ...]:
    """``case.dual_criminality``: a mapping of country to true or false, as sorted pairs."""
    path = "case.dual_criminality"
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        check.wrong(path, "a mapping of country: true or false", value)
        return ()
    if len(value) > MAX_LIST_ITEMS:
        check.wrong(path, f"at most {MAX_LIST_ITEMS} countries", value)
        return ()
    dual: dict[str, bool] = {}
    for key, satisfied in value.items():
        where = f"{path}.{key}"
        code = check.country(key if isinstance(key, str) else show(key), where)
        flag = check.boolean(satisfied, where)
        if satisfied is None:
            check.wrong(where, "true or false (leave the country out if unknown)", None)
            continue
        if code is INVALID or code is None or flag is INVALID or flag is None:
            continue
        if code in dual:
            check.wrong(where, "each country once", key)
            continue
        dual[code] = flag
    return tuple(sorted(dual.items()))


def _read_final_judgment(check: Checker, value: Any) -> values.FinalJudgment | None:
    path = "case.final_judgment"
    data = check.mapping(value, path, _FINAL_JUDGMENT_KEYS)
    if data is None or data is INVALID:
        return None
    return values.FinalJudgment(
        country=check.country(data.get("country"), f"{path}.country"),
        date=check.date(data.get("date"), f"{path}.date"),
        result=check.word(data.get("result"), f"{path}.result", vocab.FINAL_JUDGMENT_RESULTS),
    )


def _read_absentia(
    check: Checker, value: Any, retrial: Any = None
) -> values.InAbsentiaDetails | None:
    """``case.in_absentia_details``; its ``retrial_guaranteed`` must agree with ``retrial``
    (``case.retrial_guaranteed``) when both are given."""
    path = "case.in_absentia_details"
    data = check.mapping(value, path, _ABSENTIA_KEYS)
    if data is None or data is INVALID:
        return None
    detail_retrial = check.boolean(data.get("retrial_guaranteed"), f"{path}.retrial_guaranteed")
    if isinstance(detail_retrial, bool) and isinstance(retrial, bool) and detail_retrial != retrial:
        check.wrong(
            f"{path}.retrial_guaranteed",
            f"the same value as case.retrial_guaranteed ({str(retrial).lower()})",
            detail_retrial,
        )
    return values.InAbsentiaDetails(
        knew_of_trial=check.boolean(data.get("knew_of_trial"), f"{path}.knew_of_trial"),
        represented=check.boolean(data.get("represented"), f"{path}.represented"),
        retrial_guaranteed=detail_retrial,
    )


def _read_cheques(check: Checker, value: Any) -> int | None:
    cheques = check.number(value, "case.cheque_count", "cheques")
    if isinstance(cheques, float) and (not cheques.is_integer() or cheques < 1):
        check.wrong("case.cheque_count", "a whole number of cheques, 1 or more", value)
        return None
    return int(cheques) if isinstance(cheques, float) else None


def _read_sentence(check: Checker, data: Mapping[str, Any]) -> tuple[Any, Any]:
    """``case.sentence_months`` and ``case.remaining_months``: what is left of a sentence
    cannot be longer than the sentence."""
    sentence = check.number(data.get("sentence_months"), "case.sentence_months", "months")
    remaining = check.number(data.get("remaining_months"), "case.remaining_months", "months")
    if isinstance(sentence, float) and isinstance(remaining, float) and remaining > sentence:
        check.wrong(
            "case.remaining_months",
            f"no more than case.sentence_months ({sentence:g})",
            data.get("remaining_months"),
        )
    return sentence, remaining


def _read_case(check: Checker, value: Any) -> values.Case:
    data = check.mapping(value, "case", _CASE_KEYS)
    if data is None or data is INVALID:
        return values.Case()

    def boolean(key: str) -> bool | None:
        return check.boolean(data.get(key), f"case.{key}")

    def word(key: str, allowed: tuple[str, ...]) -> str | None:
        return check.word(data.get(key), f"case.{key}", allowed)

    def words(key: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        return check.words(data.get(key), f"case.{key}", allowed)

    # Read in this order so that problems are listed as before the split.
    warrant = _read_warrant(check, data.get("arrest_warrant"))
    civil = _read_civil(check, data.get("civil_proceedings"))
    prior = _read_prior(check, data.get("prior_ccf_decision"))
    extradition = _read_extradition(check, data.get("extradition"))
    dual = _read_dual_criminality(check, data.get("dual_criminality"))
    final_judgment = _read_final_judgment(check, data.get("final_judgment"))
    retrial = boolean("retrial_guaranteed")
    absentia = _read_absentia(check, data.get("in_absentia_details"), retrial)
    cheques = _read_cheques(check, data.get("cheque_count"))
    sentence, remaining = _read_sentence(check, data)
    return values.Case(
        stage=word("stage", vocab.STAGES),
        offence=word("offence", vocab.OFFENCES),
        offence_summary=check.text(data.get("offence_summary"), "case.offence_summary"),
        max_penalty_years=check.number(
            data.get("max_penalty_years"), "case.max_penalty_years", "years"
        ),
        sentence_months=sentence,
        remaining_months=remaining,
        summary_names_person_role=boolean("summary_names_person_role"),
        arrest_warrant=warrant,
        in_absentia=boolean("in_absentia"),
        retrial_guaranteed=retrial,
        limitation_expired=boolean("limitation_expired"),
        origin=word("origin", vocab.ORIGINS),
        organised_crime_link=boolean("organised_crime_link"),
        amount_usd=check.number(data.get("amount_usd"), "case.amount_usd", "US dollars"),
        civil_proceedings=civil,
        purpose_defects=words("purpose_defects", vocab.PURPOSE_DEFECTS),
        co_accused_deleted=boolean("co_accused_deleted"),
        political_context=words("political_context", vocab.POLITICAL_INDICATORS),
        human_rights_concerns=words("human_rights_concerns", vocab.HUMAN_RIGHTS_CONCERNS),
        requesting_state_sought_extradition=boolean("requesting_state_sought_extradition"),
        extradition=extradition,
        dual_criminality=dual,
        prior_ccf_decision=prior,
        final_judgment=final_judgment,
        fraudulent_intent=boolean("fraudulent_intent"),
        cheque_count=cheques,
        in_absentia_details=absentia,
    )


def _read_travel(check: Checker, value: Any) -> tuple[values.Trip, ...]:
    items = check.sequence(
        value,
        "travel",
        "a list of trips, each with country and date",
        limit=MAX_TRIPS,
        why=" (keep the trips that matter for the arrest risk)",
    )
    if not isinstance(items, list):
        return ()
    trips = (_read_trip(check, item, f"travel[{index}]") for index, item in enumerate(items))
    return tuple(trip for trip in trips if trip is not None)


def _read_trip(check: Checker, value: Any, where: str) -> values.Trip | None:
    data = check.mapping(value, where, _TRIP_KEYS, required=_TRIP_KEYS, what="a mapping")
    if data is None:
        check.wrong(where, "a mapping with country and date", None)
        return None
    if data is INVALID:
        return None
    country = check.country(data.get("country"), f"{where}.country")
    day = check.date(data.get("date"), f"{where}.date")
    for key in _TRIP_KEYS:
        if key in data and data[key] is None:
            check.wrong(f"{where}.{key}", "a value (required for a trip)", None)
    if isinstance(country, str) and isinstance(day, _dt.date):
        return values.Trip(country=country, date=day)
    return None


def _read_challenge(check: Checker, value: Any) -> values.Challenge | None:
    data = check.mapping(value, "challenge", _CHALLENGE_KEYS)
    if data is None or data is INVALID:
        return None
    return values.Challenge(
        filed_on=check.date(data.get("filed_on"), "challenge.filed_on"),
        requests=check.words(data.get("requests"), "challenge.requests", vocab.CHALLENGE_REQUESTS),
        urgent=check.boolean(data.get("urgent"), "challenge.urgent"),
        admissible_on=check.date(data.get("admissible_on"), "challenge.admissible_on"),
        ncb_responds=check.boolean(data.get("ncb_responds"), "challenge.ncb_responds"),
        # issue 20 point 9: an optional fact, unknown when absent
        new_fact_discovered_on=check.date(
            data.get("new_fact_discovered_on"), "challenge.new_fact_discovered_on"
        ),
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_unicode(check: Checker, document: Any, path: str = "") -> None:
    """Report every text (key or value) holding half a character (a lone surrogate).

    JSON can spell one as ``"\\ud800"``; such text cannot be printed or written to a file,
    so it is refused here rather than failing later in a report.
    """
    stack: list[tuple[str, Any]] = [(path, document)]
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


def read_scenario(check: Checker, document: Any) -> values.Scenario | None:
    """The scenario in ``document`` (parsed YAML or JSON), or ``None`` if ``check`` has
    recorded problems; every problem found is recorded, not only the first."""
    with trusted():  # each value is checked here, field by field, before it is built
        return _read_document(check, document)


def _read_document(check: Checker, document: Any) -> values.Scenario | None:
    _check_unicode(check, document)
    if document is None:
        check.problem("", "a scenario (a mapping that starts with 'format: 1')", "an empty file")
        return None
    if not isinstance(document, Mapping):
        check.wrong("", "a scenario: a mapping of keys such as format, id, notice", document)
        return None
    data = check.mapping(document, "", _TOP_KEYS, required=("format", "id"))
    if data is None or data is INVALID:
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
    scenario = values.Scenario(
        id=scenario_id if isinstance(scenario_id, str) else "",
        notice=notice or values.Notice(kind="", requesting_country="", issued_on=_EARLIEST),
        format=vocab.FORMAT_VERSION,
        title=check.text(data.get("title"), "title") or "",
        as_of=check.date(data.get("as_of"), "as_of"),
        notes=check.text(data.get("notes"), "notes") or "",
        person=_read_person(check, data.get("person")),
        case=_read_case(check, data.get("case")),
        travel=_read_travel(check, data.get("travel")),
        challenge=_read_challenge(check, data.get("challenge")),
        evidence=_read_evidence(check, data.get("evidence")),
    )
    return None if check.problems else scenario


# -- evidence: how each fact is known (team interface 1; model branch) ----------------------


def _read_evidence(check: Checker, value: Any) -> values.Evidence:
    """The optional ``evidence:`` map: fact path -> alleged | established | assumed."""
    if value is None:
        return values.Evidence()
    if not isinstance(value, Mapping):
        check.wrong(
            "evidence",
            "a mapping of fact paths to alleged, established or assumed "
            "(for example case.human_rights_concerns: alleged)",
            value,
        )
        return values.Evidence()
    known = evidence_paths()
    sections = {path.rsplit(".", 1)[0] for path in known}
    entries: dict[str, str] = {}
    for key, level in value.items():
        if not isinstance(key, str) or (key not in known and key not in sections):
            hint = _closest(key, sorted(known)) if isinstance(key, str) else None
            check.wrong(
                f"evidence.{key}",
                "the path of a fact, as the loader spells it (for example "
                "case.human_rights_concerns or notice.requesting_country)",
                key,
                hint,
            )
            continue
        if level is None:
            check.wrong(f"evidence.{key}", "one of alleged, established, assumed", level)
            continue
        word = check.word(level, f"evidence.{key}", values.EVIDENCE_LEVELS)
        if isinstance(word, str):
            entries[key] = word
    return values.Evidence(entries)


# -- values built in code ------------------------------------------------------------------

# Each value object: where it sits in a file and the reader that checks it. A trip or an
# extradition proceeding built on its own has no index yet: ``[*]`` stands for it.
_READERS: dict[type, tuple[str, Any]] = {
    values.Scenario: ("", _read_document),
    values.Person: ("person", _read_person),
    values.RefugeeStatus: ("person.refugee_status", _read_refugee),
    values.Notice: ("notice", _read_notice),
    values.Case: ("case", _read_case),
    values.ArrestWarrant: ("case.arrest_warrant", _read_warrant),
    values.CivilProceedings: ("case.civil_proceedings", _read_civil),
    values.ExtraditionProceeding: (
        "case.extradition[*]",
        lambda check, data: _read_proceeding(check, data, "case.extradition[*]"),
    ),
    values.PriorDecision: ("case.prior_ccf_decision", _read_prior),
    values.FinalJudgment: ("case.final_judgment", _read_final_judgment),
    values.InAbsentiaDetails: ("case.in_absentia_details", _read_absentia),
    values.Trip: ("travel[*]", lambda check, data: _read_trip(check, data, "travel[*]")),
    values.Challenge: ("challenge", _read_challenge),
    values.Evidence: ("evidence", _read_evidence),
}


def _as_data(value: Any) -> Any:
    """A value object as the plain data a file would hold (unknowns kept, as null)."""
    if is_dataclass(value) and not isinstance(value, type):
        data = {item.name: _as_data(getattr(value, item.name)) for item in fields(value)}
        pairs = data.get("dual_criminality") if isinstance(value, values.Case) else None
        if isinstance(pairs, list) and all(
            isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) for pair in pairs
        ):
            data["dual_criminality"] = {}  # a country given twice is reported below
            for country, satisfied in pairs:
                data["dual_criminality"].setdefault(country, satisfied)
        return data
    if isinstance(value, list | tuple):
        return [_as_data(item) for item in value]
    return value


def _shown(value: Any) -> str:
    if isinstance(value, list | tuple):
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."
    return show(value)


def check_value(value: Any) -> None:
    """Check a value object built in code by the rules a file is read by.

    The value is written as plain data and read back; every problem the reader finds is
    reported with the loader's own message, and a field the reader would give back
    differently (``"KZ"`` for ``"KAZ"``, a list for a tuple) is reported too, so that what
    builds is also what saving and loading give back.

    Raises:
        ScenarioError: every problem, one a line, each naming the field.

    Example:
        >>> check_value(values.Notice(kind="diffusion", requesting_country="KAZ",
        ...                    issued_on=_dt.date(2025, 1, 10)))
        >>> values.Trip(country="KZ", date=_dt.date(2025, 1, 10))
        Traceback (most recent call last):
        ...
        diffusion_scenarios.errors.ScenarioError: travel[*].country: expected 'KAZ' (what \
a scenario file gives back), found 'KZ'
    """
    path, reader = next(_READERS[kind] for kind in type(value).__mro__ if kind in _READERS)
    check = Checker(None)
    data = _as_data(value)
    with trusted():
        _check_unicode(check, data, path)
        read_back = reader(check, data)
    if not check.problems:
        prefix = f"{path}." if path else ""
        for item in fields(value):
            given = getattr(value, item.name)
            expected = getattr(read_back, item.name)
            if given != expected:
                check.problem(
                    f"{prefix}{item.name}",
                    f"{_shown(expected)} (what a scenario file gives back)",
                    _shown(given),
                )
    if check.problems:
        raise ScenarioError(check.problems)
