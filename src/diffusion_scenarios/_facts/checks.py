"""What a valid scenario is: every check on the facts, in one place.

The loader (:mod:`diffusion_scenarios._facts.loader`) reads a parsed file with
:func:`read_scenario`; the value objects (:mod:`diffusion_scenarios._facts.scenario`) check
themselves with :func:`check_value`, which reads their plain form with the same section
readers and asks for the value the reader gives back. So a value built in code, a file and
the explorer's controls meet the same rules and the same messages, and anything that builds
can be written to a file and read back equal.

Each fact is read by the check of its declared kind (:func:`read_fact`, from the fact
registry :mod:`diffusion_scenarios._facts.registry`); what is written here is only what a
kind cannot say: checks across facts (recipients, dates in order, a sentence and what remains
of it) and the lists and mappings with their own shape. A :class:`~.checker.Checker`
collects every problem found instead of stopping at the first.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from functools import partial
from typing import Any

from diffusion_scenarios._base.limits import (
    EARLIEST_DATE,
    MAX_EXTRADITION,
    MAX_LIST_ITEMS,
    MAX_TRIPS,
)
from diffusion_scenarios._facts import scenario as values
from diffusion_scenarios._facts.checker import INVALID, Checker, closest, show
from diffusion_scenarios._facts.registry import FACTS, FactSpec, children, evidence_paths, spec
from diffusion_scenarios._facts.scenario import trusted
from diffusion_scenarios._law import vocab
from diffusion_scenarios._law.countries import is_member, resolve_country, suggest_country
from diffusion_scenarios.errors import ScenarioError

__all__ = ["INVALID", "Checker", "check_value", "read_scenario", "show"]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# The keys of the top of a file, in the order the format lists them (the rest: registry).
_TOP_KEYS = values.Scenario.KEY_ORDER


# -- sections: each fact read by the check of its declared kind -----------------------------


def _keys(path: str) -> tuple[str, ...]:
    """The keys of the record at ``path`` in the format's order, from the fact registry."""
    return tuple(item.name for item in children(path))


def read_fact(check: Checker, item: FactSpec, value: Any, where: str) -> Any:
    """One fact, checked by its declared kind (:mod:`diffusion_scenarios._facts.registry`)."""
    kind, allowed = item.kind, item.vocabulary or ()
    if kind == "text":
        return check.text(value, where)
    if kind == "bool":
        return check.boolean(value, where)
    if kind == "date":
        return check.date(value, where)
    if kind in ("number", "integer"):
        amount = check.number(value, where, item.unit or "")
        if kind == "number" or not isinstance(amount, float):
            return amount if kind == "number" else None
        if not amount.is_integer() or amount < 1:
            check.wrong(where, f"a whole number of {item.unit}, 1 or more", value)
            return None
        return int(amount)
    if kind == "choice":
        return check.word(value, where, allowed)
    if kind == "choices":
        return check.words(value, where, allowed)
    if kind == "country":
        return check.country(value, where)
    if kind == "countries":
        return check.countries(value, where)
    if kind == "record":
        return _read_record(check, value, item.path, where)
    raise NotImplementedError(f"{item.path}: a {kind} fact needs its own reader (_READ)")


def _read_record(check: Checker, value: Any, path: str, where: str | None = None) -> Any:
    """The record at ``path`` (``where`` in the file): its facts, each read by its kind or
    by its own reader (:data:`_READ`), in :data:`_FIRST` order then the fields' order.
    ``None`` when absent or not a mapping."""
    where = where or path
    inside = children(path)
    required = tuple(item.name for item in inside if item.required)
    data = check.mapping(value, where, _keys(path), required=required)
    if data is None or data is INVALID:
        return None
    first = _FIRST.get(path, ())
    got: dict[str, Any] = {}
    for item in [*(spec(f"{path}.{name}") for name in first),
                 *(item for item in inside if item.name not in first)]:  # fmt: skip
        at, own = f"{where}.{item.name}", _READ.get(item.path)
        value = data.get(item.name)
        got[item.name] = own(check, data, at, got) if own else read_fact(check, item, value, at)
        if item.required and item.name in data and data[item.name] is None:
            check.wrong(at, f"one of {', '.join(item.vocabulary or ())}", None)
            got[item.name] = ""
    record = spec(path).record
    assert record is not None
    return record(**got)


def _read_person(check: Checker, value: Any) -> values.Person:
    person: values.Person | None = _read_record(check, value, "person")
    return person or values.Person()


def _read_remaining(
    check: Checker, data: Mapping[str, Any], where: str, got: dict[str, Any]
) -> Any:
    """``case.remaining_months``: what is left of a sentence cannot be longer than it."""
    sentence = got.get("sentence_months")
    remaining = check.number(data.get("remaining_months"), where, "months")
    if isinstance(sentence, float) and isinstance(remaining, float) and remaining > sentence:
        check.wrong(where, f"no more than case.sentence_months ({sentence:g})",
                    data.get("remaining_months"))  # fmt: skip
    return remaining


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
                suggestion = closest(lowered, vocab.REGIONS) or suggest_country(item)
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
    data = check.mapping(value, "notice", _keys("notice"), required=required)
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
        issued_on=issued_on if isinstance(issued_on, _dt.date) else EARLIEST_DATE,
        purpose=check.word(data.get("purpose"), "notice.purpose", vocab.PURPOSES),
        recipients=recipients,
        public_extract=public_extract,
        red_notice_refused_on=refused_on,
    )


def _read_proceeding(check: Checker, value: Any, where: str) -> values.ExtraditionProceeding | None:
    if value is None:
        check.wrong(where, f"a mapping with {', '.join(_keys('case.extradition'))}", None)
        return None
    proceeding: values.ExtraditionProceeding | None = _read_record(
        check, value, "case.extradition", where
    )
    return proceeding


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


def _read_absentia(
    check: Checker, value: Any, retrial: Any = None
) -> values.InAbsentiaDetails | None:
    """``case.in_absentia_details``; its ``retrial_guaranteed`` must agree with ``retrial``
    (``case.retrial_guaranteed``) when both are given."""
    path = "case.in_absentia_details"
    data = check.mapping(value, path, _keys(path))
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


def _read_case(check: Checker, value: Any) -> values.Case:
    case: values.Case | None = _read_record(check, value, "case")
    return case or values.Case()


#: Facts read before the others of their record, so that problems are listed as they were
#: before the readers were generated (a file's problems keep their order).
_FIRST: dict[str, tuple[str, ...]] = {
    "case": ("arrest_warrant", "civil_proceedings", "prior_ccf_decision", "extradition",
             "dual_criminality", "final_judgment", "retrial_guaranteed", "in_absentia_details",
             "cheque_count", "sentence_months", "remaining_months"),
}  # fmt: skip

#: Facts read by their own reader (a list of records, a mapping, a check across facts).
_READ: dict[str, Any] = {
    "case.extradition": lambda check, data, where, got: _read_extradition(
        check, data.get("extradition")
    ),
    "case.dual_criminality": lambda check, data, where, got: _read_dual_criminality(
        check, data.get("dual_criminality")
    ),
    "case.in_absentia_details": lambda check, data, where, got: _read_absentia(
        check, data.get("in_absentia_details"), got.get("retrial_guaranteed")
    ),
    "case.remaining_months": _read_remaining,
}


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
    keys = _keys("travel")
    data = check.mapping(value, where, keys, required=keys)
    if data is None:
        check.wrong(where, "a mapping with country and date", None)
        return None
    if data is INVALID:
        return None
    country = check.country(data.get("country"), f"{where}.country")
    day = check.date(data.get("date"), f"{where}.date")
    for key in keys:
        if key in data and data[key] is None:
            check.wrong(f"{where}.{key}", "a value (required for a trip)", None)
    if isinstance(country, str) and isinstance(day, _dt.date):
        return values.Trip(country=country, date=day)
    return None


def _read_challenge(check: Checker, value: Any) -> values.Challenge | None:
    challenge: values.Challenge | None = _read_record(check, value, "challenge")
    return challenge


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
        notice=notice or values.Notice(kind="", requesting_country="", issued_on=EARLIEST_DATE),
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
            hint = closest(key, sorted(known)) if isinstance(key, str) else None
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
    # every record: its facts, each read by its declared kind, unless it has its own reader
    **{
        item.record: (item.path, partial(_read_record, path=item.path))
        for item in FACTS
        if item.kind == "record" and item.record is not None
    },
    values.Scenario: ("", _read_document),
    values.Notice: ("notice", _read_notice),
    values.ExtraditionProceeding: (
        "case.extradition[*]",
        lambda check, data: _read_proceeding(check, data, "case.extradition[*]"),
    ),
    values.InAbsentiaDetails: ("case.in_absentia_details", _read_absentia),
    values.Trip: ("travel[*]", lambda check, data: _read_trip(check, data, "travel[*]")),
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
