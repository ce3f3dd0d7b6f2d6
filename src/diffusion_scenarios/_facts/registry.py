"""Every fact of the scenario format, read from the declarations beside the value fields.

Each fact is declared once, in the metadata of its field in
:mod:`diffusion_scenarios._facts.scenario` (see :func:`~._facts.declare.fact`). This module
reads them into :data:`FACTS`: path, kind, label, group, help and vocabulary. From it come the
loader's keys and checks (:mod:`.checks`), the JSON ``facts`` and the memo's "Facts as given"
(:func:`facts_given`), the format document's table (:func:`facts_table`), the JSON Schema
(:mod:`.schema`) and the check of the fact paths the outcome model names
(:func:`check_fact_paths`).

    >>> spec("case.origin").label, spec("case.origin").kind
    ('Origin of the case', 'choice')
    >>> spec("case.arrest_warrant.valid").group
    'case'
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import typing
from collections.abc import Iterable
from functools import cache
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._base.spelling import did_you_mean
from diffusion_scenarios._facts import scenario as values
from diffusion_scenarios._facts.declare import Declared
from diffusion_scenarios.errors import ReferenceDataError

__all__ = [
    "FACTS",
    "FactSpec",
    "GivenFact",
    "UnknownFactError",
    "check_fact_paths",
    "children",
    "evidence_paths",
    "facts_given",
    "facts_table",
    "plain",
    "spec",
]


@dataclass(frozen=True, slots=True)
class FactSpec:
    """One fact of the format, as declared beside its field."""

    path: str  # "case.origin", "case.arrest_warrant.valid", "travel" (a list of records)
    kind: str  # text | bool | date | number | integer | choice | choices | country |
    #            countries | country_flags | record | records
    label: str  # the memo's row label, e.g. "Origin of the case"
    group: str  # scenario | person | notice | case | history | travel | challenge
    help: str  # one sentence, for the explorer and the format document
    vocabulary: tuple[str, ...] | None
    unit: str | None = None  # what a number counts ("years")
    whole: bool = False  # a record given and shown as one fact
    required: bool = False  # a file (or its enclosing record) must give it
    record: type | None = None  # the value class of a record or of each of a list's records
    index: int = 0  # the field's place in its value class (the memo's order)

    @property
    def name(self) -> str:
        """The key in the file (``origin``)."""
        return self.path.rsplit(".", 1)[-1]

    @property
    def parent(self) -> str:
        """The path of the enclosing record (``""`` at the top)."""
        return self.path.rpartition(".")[0]


@dataclass(frozen=True, slots=True)
class GivenFact:
    """A fact a scenario gives: its path, its label and its value as plain JSON data."""

    path: str
    label: str
    value: Any

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "label": self.label, "value": self.value}


class UnknownFactError(ReferenceDataError, KeyError):
    """A path that names no fact of the format."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def _record_class(hint: Any) -> type | None:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return hint
    for inner in typing.get_args(hint):
        found = _record_class(inner)
        if found is not None:
            return found
    return None


def _walk(cls: type, prefix: str, group: str | None) -> Iterable[FactSpec]:
    hints = typing.get_type_hints(cls, vars(values))  # the module they are written in
    fields = {item.name: item for item in dataclasses.fields(cls)}
    index = {name: position for position, name in enumerate(fields)}
    for name in getattr(cls, "KEY_ORDER", tuple(fields)):
        declared = fields[name].metadata.get("fact") if name in fields else None
        if not isinstance(declared, Declared):
            continue  # not a fact: format, evidence
        path = f"{prefix}{name}"
        own_group = declared.group or group or name
        record = _record_class(hints[name]) if declared.kind in ("record", "records") else None
        given = {f.name: getattr(declared, f.name) for f in dataclasses.fields(Declared)}
        given["group"] = own_group
        yield FactSpec(path, record=record, index=index[name], **given)
        if record is not None:
            yield from _walk(record, f"{path}.", own_group)


#: Every fact, in the format document's order (a record, then the facts inside it).
FACTS: tuple[FactSpec, ...] = tuple(_walk(values.Scenario, "", None))
_BY_PATH: dict[str, FactSpec] = {item.path: item for item in FACTS}


def spec(path: str) -> FactSpec:
    """The fact at ``path``.

    Raises:
        UnknownFactError: no fact has this path (a :class:`ReferenceDataError` and a
            :class:`KeyError`); the message names the path and the closest one.
    """
    try:
        return _BY_PATH[path]
    except KeyError:
        hint = did_you_mean(path, _BY_PATH)
        raise UnknownFactError(f"'{path}' is not a fact of the scenario format{hint}") from None


@cache
def children(parent: str) -> tuple[FactSpec, ...]:
    """The facts directly inside the record at ``parent`` (``""``: the top), in key order."""
    return tuple(item for item in FACTS if item.parent == parent)


@cache
def evidence_paths() -> frozenset[str]:
    """The paths an ``evidence:`` entry may name: every fact inside a section (``person``,
    ``notice``, ``case``, ``challenge``), down to the fields of nested records."""
    return frozenset(
        item.path for item in FACTS if item.parent and not item.path.startswith("travel.")
    )


def check_fact_paths(paths: Iterable[str], *, where: str) -> tuple[str, ...]:
    """Check that each entry names a fact; return the entries unchanged.

    An entry may add a condition after the path (``case.extradition:political``,
    ``case.arrest_warrant.valid=true``); the path before it is what is checked.

    Raises:
        ReferenceDataError: one line naming ``where``, the misspelt path and the closest
            fact path.

    Example:
        >>> check_fact_paths(["case.origin", "case.extradition:political"], where="x")
        ('case.origin', 'case.extradition:political')
        >>> check_fact_paths(["case.orgin"], where="outcome.yaml facts_that_matter")
        Traceback (most recent call last):
        ...
        diffusion_scenarios._facts.registry.UnknownFactError: outcome.yaml \
facts_that_matter: 'case.orgin' is not a fact of the scenario format (did you mean \
'case.origin'?)
    """
    entries = tuple(paths)
    for entry in entries:
        path = entry.split(":", 1)[0].split("=", 1)[0].strip()
        try:
            spec(path)
        except UnknownFactError as error:
            raise UnknownFactError(f"{where}: {error}") from None
    return entries


# -- the facts a scenario gives --------------------------------------------------------------


def _given(value: Any) -> bool:
    return value is not None and value != () and value != ""


def plain(value: Any, *, iso_dates: bool = True) -> Any:
    """A value as plain format-1 data, as a file writes it: unknowns and empty lists left
    out, whole numbers as integers, dates as ISO text (or kept, ``iso_dates=False``)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            item.name: plain(getattr(value, item.name), iso_dates=iso_dates)
            for item in dataclasses.fields(value)
            if getattr(value, item.name) not in (None, ())  # an empty text is kept
        }
    if isinstance(value, tuple):
        return [plain(item, iso_dates=iso_dates) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if iso_dates and isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _json_value(item: FactSpec, value: Any) -> Any:
    if item.kind == "country_flags":
        return dict(value)
    if item.path == "notice.recipients" and value == ("all",):
        return "all"
    return plain(value)


def facts_given(scenario: values.Scenario) -> tuple[GivenFact, ...]:
    """Every fact the scenario gives, in the format's order, with its label and its value as
    :func:`~diffusion_scenarios._facts.loader.scenario_to_dict` writes it (dates as ISO
    text). A record is listed fact by fact, unless it is declared ``whole`` (a civil case, a
    judgment, a list of trips). This is the JSON ``facts`` and the memo's rows.

    Example:
        >>> import datetime
        >>> s = values.Scenario(id="x", notice=values.Notice(kind="diffusion",
        ...     requesting_country="KAZ", issued_on=datetime.date(2025, 1, 10)),
        ...     case=values.Case(fraudulent_intent=False))
        >>> [(f.path, f.value) for f in facts_given(s)][-2:]
        [('notice.issued_on', '2025-01-10'), ('case.fraudulent_intent', False)]
    """
    found: list[GivenFact] = []

    def visit(parent: str, holder: Any) -> None:
        for item in children(parent):
            value = getattr(holder, item.name)
            if not _given(value):
                continue
            if item.kind == "record" and not item.whole:
                visit(item.path, value)
            else:
                found.append(GivenFact(item.path, item.label, _json_value(item, value)))

    visit("", scenario)
    return tuple(found)


# -- the format document's table -------------------------------------------------------------

TABLE_START = "<!-- BEGIN FACTS TABLE (generated by diffusion_scenarios._facts.registry) -->"
TABLE_END = "<!-- END FACTS TABLE -->"


def _kind_words(item: FactSpec) -> str:
    if item.kind in ("choice", "choices") and item.vocabulary:
        one = " \\| ".join(f"`{word}`" for word in item.vocabulary)
        return f"{'one of' if item.kind == 'choice' else 'a list of'}: {one}"
    if item.kind == "countries" and item.vocabulary:
        return "a list of countries (or `all`, or region words of vocabulary R)"
    words = {
        "text": "text",
        "bool": "`true` \\| `false`",
        "date": "a date YYYY-MM-DD",
        "number": f"a number of {item.unit}, zero or more",
        "integer": f"a whole number of {item.unit}, 1 or more",
        "country": "a country (ISO alpha-2, alpha-3 or English name)",
        "countries": "a list of countries",
        "country_flags": "a mapping of country: `true` \\| `false`",
        "record": "a mapping",
        "records": "a list of mappings",
    }
    return words[item.kind]


def facts_table() -> str:
    """The format document's table of facts (Markdown), one row per fact, from :data:`FACTS`."""
    rows = [
        "| path | kind | label (memo) | group | meaning |",
        "|---|---|---|---|---|",
    ]
    for item in FACTS:
        required = " **required**" if item.required else ""
        rows.append(
            f"| `{item.path}`{required} | {_kind_words(item)} | {item.label} | {item.group} "
            f"| {item.help} |"
        )
    return "\n".join([TABLE_START, *rows, TABLE_END])


def with_facts_table(document: str) -> str:
    """``document`` (the format document's text) with its table of facts regenerated."""
    head, start, rest = document.partition(TABLE_START)
    if not start:
        raise ValueError(f"the document has no line {TABLE_START}")
    _, end, tail = rest.partition(TABLE_END)
    if not end:
        raise ValueError(f"the document has no line {TABLE_END}")
    return head + facts_table() + tail
