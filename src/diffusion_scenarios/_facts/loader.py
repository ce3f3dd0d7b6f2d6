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
  1.2 rules, :mod:`diffusion_scenarios._base.yaml_io`), so Norway's code ``NO`` is Norway.
* A date is a YAML date or an ISO ``YYYY-MM-DD`` string. A date with a time is an error
  (the time would be dropped silently otherwise).
* Recipients may not include the requesting country: the file would say something that
  cannot happen, so it is reported rather than dropped.
* A country named as a recipient must be an INTERPOL member on ``notice.issued_on``; a red
  notice always circulates to all members, so ``recipients`` other than ``all`` is an
  error for red notices, and ``public_extract: true`` is an error for diffusions.
* Files larger than 1 MB are refused before parsing; only regular files are read (a pipe
  or a device is refused at once, never waited on).
* Limits (``_base/limits.py``): at most 500 trips, 100 extradition proceedings and 300 items
  in any other list or in ``dual_criminality``; dates between 1900-01-01 and 2199-12-31;
  numbers below 10^15.
* Text must be valid Unicode: a lone surrogate (a JSON escape such as ``"\\ud800"`` with
  no partner) is an error naming the field, so that what validates also assesses.
* YAML merge keys (``<<:``) are refused: each key is written out where it applies.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._base.files import (
    UnreadableFileError,
    decode_text,
    read_regular,
    write_atomic,
)
from diffusion_scenarios._base.limits import MAX_FILE_BYTES
from diffusion_scenarios._base.spelling import close_matches
from diffusion_scenarios._facts.checks import Checker, read_scenario, show
from diffusion_scenarios._facts.registry import plain
from diffusion_scenarios._facts.scenario import Notice, Scenario  # noqa: F401 (the examples)
from diffusion_scenarios._law.data import data_folder
from diffusion_scenarios._law.parsed import parsed_yaml
from diffusion_scenarios.errors import Problem, ScenarioError, UnknownScenarioError

if TYPE_CHECKING:
    import yaml

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


def _fail(source: str | None, expected: str, found: str | None = None) -> ScenarioError:
    return ScenarioError([Problem(path="", expected=expected, found=found, source=source)])


def _yaml_problem(error: yaml.YAMLError, source: str | None) -> ScenarioError:
    """A YAML error as one problem, with the line and column of the fault."""
    from diffusion_scenarios._base.yaml_io import yaml_fault

    return _fail(source, "valid YAML", yaml_fault(error, plain_data="scenario files"))


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
    import yaml  # here: a built-in scenario is read without it (_law.parsed)

    from diffusion_scenarios._base.yaml_io import load_yaml

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
        raise _fail(source, "text", show(text))
    if len(text.encode("utf-8", errors="replace")) > MAX_FILE_BYTES:
        raise _fail(source, f"a scenario of at most {MAX_FILE_BYTES:,} bytes", "a larger text")
    document = _parse(text, source, json_text=json_text)
    check = Checker(source)
    scenario = read_scenario(check, document)
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
    check = Checker(source)
    scenario = read_scenario(check, mapping)
    if scenario is None:
        raise ScenarioError(check.problems)
    return scenario


# -- writing -------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A value as plain format-1 data, leaving out unknowns and empty lists."""
    return plain(value, iso_dates=False)


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
    if scenario.evidence:
        data["evidence"] = dict(scenario.evidence)
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
    from diffusion_scenarios._base.yaml_io import dump_yaml

    text = (
        "# diffusion-scenarios scenario, format 1 (educational model, not legal advice)\n"
        + dump_yaml(scenario_to_dict(scenario))
    )
    return write_atomic(path, text, force=force)  # all or nothing: never half a file


# -- built-in scenarios ------------------------------------------------------------------


@cache
def _builtin_items() -> tuple[tuple[str, Scenario], ...]:
    from diffusion_scenarios.errors import ReferenceDataError

    folder = data_folder().joinpath("scenarios")
    items: dict[str, Scenario] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith((".yaml", ".yml")):
            continue
        text = entry.read_text(encoding="utf-8")
        try:
            scenario = _builtin_from_text(text, entry.name)
        except ScenarioError as error:
            raise ReferenceDataError(f"a built-in scenario is invalid:\n{error}") from None
        if scenario.id in items:
            raise ReferenceDataError(f"two built-in scenarios share the id '{scenario.id}'")
        items[scenario.id] = scenario
    return tuple(items.items())


def _builtin_from_text(text: str, file_name: str) -> Scenario:
    """A built-in scenario from its file's text: from the data parsed ahead while the file
    is unchanged (no YAML parser needed), else parsed here; checked alike either way."""
    source = f"scenarios/{file_name}"
    document = parsed_yaml(source, text)
    if document is NotImplemented:
        return loads_scenario(text, source=source, json_text=False)
    return scenario_from_dict(document, source=source)


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
    single = _builtin_by_file_name(text)
    if single is not None:
        return single
    known = builtin_scenarios()
    if text in known:
        return known[text]
    close = closest_ids(text, known)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    looks_like_file = candidate.suffix.lower() in (".yaml", ".yml", ".json") or "/" in text
    folder = candidate.parent if candidate.is_absolute() else Path.cwd() / candidate.parent
    what = (
        f"no such file in {folder}"
        if looks_like_file
        else f"neither a file in {folder} nor a built-in scenario id"
    )
    raise UnknownScenarioError(
        f"{text}: {what}{hint} (diffusion-scenarios list shows the built-in ids)"
    )


def _builtin_by_file_name(ref: str) -> Scenario | None:
    """The built-in scenario ``ref`` read from its own file (``<id>.yaml``) alone, so a
    command naming one built-in does not read all of them; ``None`` when there is no such
    file or it holds another id (then the full list decides)."""
    if not ref or not all(c.islower() or c.isdigit() or c == "-" for c in ref):
        return None
    if _builtin_items.cache_info().currsize:  # all read already: use them
        return None
    entry = data_folder().joinpath("scenarios", f"{ref}.yaml")
    if not entry.is_file():
        return None
    try:
        scenario = _builtin_from_text(entry.read_text(encoding="utf-8"), f"{ref}.yaml")
    except ScenarioError:
        return None  # the full read reports it as broken reference data
    return scenario if scenario.id == ref else None


def closest_ids(text: str, known: Mapping[str, object], n: int = 3) -> list[str]:
    """The known ids closest to a mistyped ``text``: first those holding every word of it
    (``refugee-diffusion`` finds ``diffusion-against-recognised-refugee``), then those
    spelt alike, then those holding some of its words.

    Example:
        >>> closest_ids("refugee-diffusion", {"diffusion-against-recognised-refugee": 1,
        ...             "red-notice-refugee": 1, "ccf-2019-u1": 1})
        ['diffusion-against-recognised-refugee', 'red-notice-refugee']
    """
    words = [w for w in text.lower().replace("_", "-").replace(" ", "-").split("-") if w]
    every: list[str] = []
    some: list[tuple[int, str]] = []
    for key in known:
        parts = key.split("-")
        hits = sum(1 for w in words if w in parts or (len(w) >= 4 and w in key))
        if hits and hits == len(words):
            every.append(key)
        elif hits:
            some.append((-hits, key))
    spelt = close_matches(text, known, n=n, cutoff=0.5)
    chosen: list[str] = []
    for key in [*sorted(every), *spelt, *(key for _, key in sorted(some))]:
        if key not in chosen:
            chosen.append(key)
    return chosen[:n]
