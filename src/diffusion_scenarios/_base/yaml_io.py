"""A safe YAML reader and writer that keeps Norway ``NO`` a string.

PyYAML implements YAML 1.1, where ``yes``, ``no``, ``on`` and ``off`` (any case) are
booleans, ``010`` is octal and ``1:20`` is a base-60 number. Scenario files name countries
by code (``NO`` is Norway), so this module uses the YAML 1.2 core rules instead:

* booleans are only ``true`` / ``false`` (also ``True``/``TRUE``/``False``/``FALSE``);
* integers are decimal (``010`` is ten), ``0x``/``0o`` prefixed; floats as in YAML 1.2;
* dates ``YYYY-MM-DD`` are read as dates; a malformed date (``2025-13-01``) stays a
  string so that the scenario validator can name the field it is in;
* a key written twice in one mapping is an error (PyYAML would keep the last silently);
* merge keys (``<<: *anchor``) are refused: a scenario spells out every key where it applies,
  so what a reader sees is what the model reads;
* only plain data is built: tags such as ``!!python/object`` are refused, never run;
* with ``aliases=False`` an alias (``*name``, a reference to an ``&name`` anchor) is
  refused: a few lines of aliases can stand for billions of values (an "anchor bomb"),
  and files that hold the law spell every value out.

Example:
    >>> load_yaml("country: NO\\nflag: yes\\nok: true\\nn: 010")
    {'country': 'NO', 'flag': 'yes', 'ok': True, 'n': 10}
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import yaml

__all__ = ["DuplicateKeyError", "dump_yaml", "load_yaml", "yaml_fault"]

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping has the same key twice."""


def _core_resolvers(
    base: dict[Any, list[tuple[str, re.Pattern[str]]]],
) -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """YAML 1.1 resolvers with bool/int/float replaced by the YAML 1.2 core ones."""
    replaced = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}
    for first, resolvers in base.items():
        kept = [(tag, regexp) for tag, regexp in resolvers if tag not in replaced]
        if kept:
            table[first] = kept
    extra = (
        ("tag:yaml.org,2002:bool", _BOOL, "tTfF"),
        ("tag:yaml.org,2002:int", _INT, "-+0123456789"),
        ("tag:yaml.org,2002:float", _FLOAT, "-+.0123456789"),
    )
    for tag, regexp, firsts in extra:
        for first in firsts:
            table.setdefault(first, []).append((tag, regexp))
    return table


# libyaml's parser when PyYAML was built with it (about ten times faster); the resolver
# and constructors below are the same Python code either way.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader with YAML 1.2 core scalars, lenient dates and duplicate-key errors."""

    refuse_aliases = False

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        # Each node is built once; a node met again is an alias (*name) to an anchor.
        if self.refuse_aliases and node in self.constructed_objects:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "an anchor (&name) used again by an alias (*name); anchors and aliases are "
                "not allowed here (write the value out)",
                node.start_mark,
            )
        return super().construct_object(node, deep=deep)


class _NoAliasLoader(_Loader):
    """:class:`_Loader` that refuses aliases."""

    refuse_aliases = True


_Loader.yaml_implicit_resolvers = _core_resolvers(yaml.SafeLoader.yaml_implicit_resolvers)


def _construct_bool(loader: Any, node: Any) -> bool | str:
    text = str(loader.construct_scalar(node))
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text  # e.g. !!bool yes: left as text for the validator to report by field


def _construct_int(loader: Any, node: Any) -> int | str:
    text = str(loader.construct_scalar(node))
    try:
        if text.startswith(("0x", "0o")):
            return int(text, 0)
        return int(text, 10)
    except ValueError:  # more digits than Python converts: left as text for the validator
        return text


def _construct_float(loader: Any, node: Any) -> float:
    text = str(loader.construct_scalar(node)).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text)


def _construct_timestamp(loader: Any, node: Any) -> Any:
    text = str(loader.construct_scalar(node))
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError, AttributeError, TypeError):
        # 2025-02-30, or a tagged !!timestamp 'x' that is no date at all: left as text for
        # the validator to report by field
        return text


def _construct_mapping(loader: Any, node: Any) -> dict[Any, Any]:
    if not isinstance(node, yaml.MappingNode):
        raise yaml.constructor.ConstructorError(None, None, "expected a mapping", node.start_mark)
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise yaml.constructor.ConstructorError(
                "while reading a mapping",
                node.start_mark,
                "a merge key '<<', which scenario files do not use (write the keys out)",
                key_node.start_mark,
            )
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping",
                node.start_mark,
                "a key must be a word or a number, not a list or mapping",
                key_node.start_mark,
            ) from None
        if key in mapping:
            raise DuplicateKeyError(
                "while reading a mapping",
                node.start_mark,
                f"the key '{key}' appears twice",
                key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def load_yaml(text: str, *, aliases: bool = True) -> Any:
    """Parse one YAML document with the YAML 1.2 core scalar rules; plain data only.

    With ``aliases=False`` a document that uses an alias (``*name``) is refused.

    Raises:
        yaml.YAMLError: the text is not valid YAML, uses a tag other than the standard
            ones (``!!python/...`` is refused without running anything), or repeats a key.

    Example:
        >>> load_yaml("[NO, on, off, 1e3, 2025-02-30]")
        ['NO', 'on', 'off', 1000.0, '2025-02-30']
    """
    loader = _Loader if aliases else _NoAliasLoader
    return yaml.load(text, Loader=loader)  # both derive from SafeLoader


_DumperBase: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_DumperBase):  # type: ignore[valid-type,misc]
    """SafeDumper that quotes any string either YAML 1.1 or 1.2 would read as non-text."""


_dumper_resolvers = {
    key: list(value) for key, value in yaml.SafeDumper.yaml_implicit_resolvers.items()
}
for _first, _extra in _core_resolvers({}).items():
    _dumper_resolvers.setdefault(_first, []).extend(_extra)
_Dumper.yaml_implicit_resolvers = _dumper_resolvers


def _represent_date(dumper: Any, value: _dt.date) -> Any:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(_dt.date, _represent_date)


def dump_yaml(data: Any) -> str:
    """Write plain data as block-style YAML that :func:`load_yaml` reads back equal.

    Example:
        >>> print(dump_yaml({"country": "NO", "on": "yes", "n": 10}), end="")
        country: 'NO'
        'on': 'yes'
        n: 10
    """
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=88,
    )


# PyYAML's wording of common faults, in words for people who do not write parsers.
_YAML_WORDS = {
    "found character": "a character that cannot start a value (a tab? indent with spaces; "
    "put text that starts with @ or ` in quotes)",
    "mapping values are not allowed": "a colon where no key can start (put text that "
    "contains ': ' in quotes)",
    "found undefined alias": "a reference (*name) to an anchor that is not defined",
    "found unacceptable character": "a character YAML does not allow (a control character)",
}


def yaml_fault(error: yaml.YAMLError, *, plain_data: str) -> str:
    """What is wrong in a YAML text and where, in plain words ("... at line 3, column 7").

    ``plain_data`` names the files that hold plain data only (for a refused tag).
    """
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "the file"
    reason = str(getattr(error, "problem", None) or str(error).splitlines()[0])
    for start, words in _YAML_WORDS.items():
        if reason.startswith(start):
            reason = words
            break
    reason = reason.removeprefix("found ")
    if "could not determine a constructor" in reason:
        quoted = re.search(r"'([^']*)'", reason)
        tag = quoted.group(1) if quoted else "used"
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        reason = f"the tag {tag} is not allowed ({plain_data} hold plain data only)"
    return f"{reason} at {where}"
