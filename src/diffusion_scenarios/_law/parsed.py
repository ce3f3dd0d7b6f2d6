"""The shipped YAML files (the rule catalogue and the built-in scenarios), parsed ahead.

``data/parsed_yaml.json`` holds, for each shipped ``rules/*.yaml`` and ``scenarios/*.yaml``,
the plain data the YAML reader makes of it, with the length and CRC-32 of the text it was
made from. A command that reads a shipped file takes the data from there while the file is
unchanged, so it needs neither PyYAML (about 10 ms to import) nor its parsing (the rule
catalogue alone took 12 ms with libyaml): most of what made ``assess --format json`` slow
to start. A file that differs from the one the entry was made from (an edited catalogue in
a checkout, or a file with no entry) is parsed from its YAML as before; the data are
checked by the same code either way.

Rebuild after changing a shipped YAML file (``tests/test_parsed_yaml.py`` fails while the
file is stale; the package stays correct, only slower)::

    .venv/bin/python scripts/build_parsed_yaml.py
"""

from __future__ import annotations

import datetime as _dt
import json
import zlib
from functools import cache
from typing import Any

__all__ = ["PARSED_FILE", "parsed_json", "parsed_yaml", "shipped_yaml"]

PARSED_FILE = "parsed_yaml.json"
_DATE = "$date"  # {"$date": "YYYY-MM-DD"}: a date, which JSON has no word for
_FOLDERS = ("rules", "scenarios")


def _fingerprint(text: str) -> list[int]:
    raw = text.encode("utf-8")
    return [len(raw), zlib.crc32(raw)]


@cache
def _entries() -> dict[str, Any]:
    from diffusion_scenarios._law.data import data_file
    from diffusion_scenarios.errors import ReferenceDataError

    try:
        stored = json.loads(data_file(PARSED_FILE).read_text(encoding="utf-8"))
        files = stored["files"] if stored.get("format") == 1 else {}
        return files if isinstance(files, dict) else {}
    except (ReferenceDataError, OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _revive(mapping: dict[str, Any]) -> Any:
    if len(mapping) == 1 and _DATE in mapping:
        return _dt.date.fromisoformat(mapping[_DATE])
    return mapping


_ABSENT: Any = object()


def parsed_yaml(name: str, text: str) -> Any:
    """The data the YAML reader makes of the shipped file ``name`` (``"rules/x.yaml"``)
    whose text is ``text``; ``NotImplemented`` when there is no entry made from this very
    text (then parse the YAML: ``None`` is a document too)."""
    entry = _entries().get(name)
    if not isinstance(entry, dict) or entry.get("text") != _fingerprint(text):
        return NotImplemented
    try:
        return json.loads(entry["document"], object_hook=_revive)
    except (KeyError, TypeError, ValueError):
        return NotImplemented


def shipped_yaml(name: str) -> Any:
    """The data of the shipped YAML file ``name`` (``"rules/grounds.yaml"``): parsed ahead
    while the file is unchanged, else read from its YAML."""
    from diffusion_scenarios._law.data import read_text

    text = read_text(name)
    document = parsed_yaml(name, text)
    if document is NotImplemented:
        from diffusion_scenarios._base.yaml_io import load_yaml

        document = load_yaml(text)
    return document


def _encode(value: Any) -> Any:
    """``value`` as JSON data; ``_ABSENT`` when it holds something JSON cannot give back
    exactly (a key that is not text, a date-and-time, a mapping spelled like a date)."""
    if isinstance(value, dict):
        if _DATE in value or not all(isinstance(k, str) for k in value):
            return _ABSENT
        out = {k: _encode(v) for k, v in value.items()}
        return _ABSENT if any(v is _ABSENT for v in out.values()) else out
    if isinstance(value, list):
        items = [_encode(v) for v in value]
        return _ABSENT if any(v is _ABSENT for v in items) else items
    if isinstance(value, _dt.datetime):
        return _ABSENT
    if isinstance(value, _dt.date):
        return {_DATE: value.isoformat()}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    return _ABSENT


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (``1 == True`` is not enough)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b) or (a != a and b != b)  # NaN is itself


def parsed_json() -> str:
    """The text of ``data/parsed_yaml.json`` for the shipped files as they are now: each
    file read exactly as the rule catalogue and the scenario loader read it; a file whose
    data JSON cannot give back exactly is left out (it is parsed from YAML at run time)."""
    from importlib import resources

    import yaml

    from diffusion_scenarios._base.yaml_io import load_yaml
    from diffusion_scenarios._law.data import data_file

    files: dict[str, Any] = {}
    base = resources.files("diffusion_scenarios.data")
    for folder in _FOLDERS:
        for entry in sorted(base.joinpath(folder).iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".yaml"):
                continue
            name = f"{folder}/{entry.name}"
            text = data_file(name).read_text(encoding="utf-8")
            document = load_yaml(text)  # as _facts.loader reads a built-in scenario
            if folder == "rules":
                # _law.rules reads the shipped catalogue with PyYAML's own rules from a
                # wheel and with load_yaml's from a checkout: kept only where both agree
                loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
                if not _same(yaml.load(text, Loader=loader), document):
                    continue
            encoded = _encode(document)
            if encoded is _ABSENT:
                continue
            inner = json.dumps(encoded, ensure_ascii=False, separators=(",", ":"))
            if not _same(json.loads(inner, object_hook=_revive), document):
                continue
            files[name] = {"text": _fingerprint(text), "document": inner}
    return json.dumps({"format": 1, "files": files}, ensure_ascii=False, indent=0) + "\n"
