"""The JSON Schema of scenario format 1, made from the fact registry; and the command that
writes every artefact made from it.

The schema lets an editor complete and check a scenario file as it is typed: a YAML file that
starts with ``# yaml-language-server: $schema=<path or URL of scenario.schema.json>`` is checked
by any editor using the YAML language server. It says what one fact can say alone (keys,
types, vocabularies, dates, ranges); checks across facts (recipients of a red notice, dates in
order, an INTERPOL member on the day) and whether a country exists stay the loader's.

Regenerate the shipped schema, its copy in ``docs/`` and the format document's table of facts
after changing a declaration::

    python -m diffusion_scenarios._facts.schema [REPOSITORY]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from diffusion_scenarios._base.limits import MAX_EXTRADITION, MAX_LIST_ITEMS, MAX_TRIPS
from diffusion_scenarios._facts import scenario as values
from diffusion_scenarios._facts.registry import (
    FactSpec,
    children,
    evidence_paths,
    with_facts_table,
)

__all__ = ["SCHEMA_FILE", "scenario_schema", "schema_text", "write_generated"]

#: The shipped schema, beside the package's modules.
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "scenario.schema.json"

_ID_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$"
_DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_LIMITS = {"case.extradition": MAX_EXTRADITION, "travel": MAX_TRIPS}


def _or_null(shape: dict[str, Any]) -> dict[str, Any]:
    """``shape`` or null (unknown), written so that an editor still names the fault."""
    if isinstance(shape.get("type"), str):
        return {**shape, "type": [shape["type"], "null"]}
    if "enum" in shape:
        return {**shape, "enum": [*shape["enum"], None]}
    return {**shape, "anyOf": [*shape["anyOf"], {"type": "null"}]}


def _words(one: dict[str, Any]) -> dict[str, Any]:
    """One of a list's items, or a list of them (a single one counts as a list of one)."""
    many = {"type": "array", "items": one, "uniqueItems": True, "maxItems": MAX_LIST_ITEMS}
    return {"anyOf": [one, many]}


def _shape(item: FactSpec) -> dict[str, Any]:
    """What one fact may hold, by its kind."""
    kind, vocabulary = item.kind, list(item.vocabulary or ())
    if kind == "text":
        return (
            {"type": "string", "pattern": _ID_PATTERN} if item.path == "id" else {"type": "string"}
        )
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "date":
        return dict(_DATE)
    if kind == "number":
        return {"type": "number", "minimum": 0, "exclusiveMaximum": 10**15}
    if kind == "integer":
        return {"type": "integer", "minimum": 1, "exclusiveMaximum": 10**15}
    if kind == "choice":
        return {"enum": vocabulary}
    if kind == "choices":
        return _words({"enum": vocabulary})
    if kind == "country":
        return {"type": "string", "minLength": 1}
    if kind == "countries":
        return _words({"type": "string", "minLength": 1})
    if kind == "country_flags":
        return {"type": "object", "additionalProperties": {"type": "boolean"}}
    record = _record(item.path)
    if kind == "records":
        return {
            "type": "array",
            "items": record,
            "maxItems": _LIMITS.get(item.path, MAX_LIST_ITEMS),
        }
    return record


def _described(item: FactSpec) -> dict[str, Any]:
    shape = _shape(item)
    if not item.required:
        shape = _or_null(shape)  # null: unknown, as if left out
    return {"title": item.label, "description": item.help, **shape}


def _record(path: str) -> dict[str, Any]:
    inside = children(path)
    result: dict[str, Any] = {
        "type": "object",
        "properties": {item.name: _described(item) for item in inside},
        "additionalProperties": False,
    }
    required = [item.name for item in inside if item.required]
    if required:
        result["required"] = required
    return result


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file, from the declarations of its facts."""
    top = _record("")
    facts = top["properties"]
    known = sorted(evidence_paths() | {path.rpartition(".")[0] for path in evidence_paths()})
    properties = {
        "format": {"title": "Scenario format", "description": "Always 1.", "const": 1},
        **facts,
        "evidence": _or_null(
            {
                "type": "object",
                "title": "How each fact is known",
                "description": "How each fact is known, by fact path.",
                "propertyNames": {"enum": known},
                "additionalProperties": {"enum": list(values.EVIDENCE_LEVELS)},
            }
        ),
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.invalid/diffusion-scenarios/scenario.schema.json",
        "title": "diffusion-scenarios scenario (format 1)",
        "description": "Facts of a case about an INTERPOL red notice or diffusion. Generated "
        "from the fact registry (diffusion_scenarios._facts.registry); do not edit by hand.",
        "type": "object",
        "required": ["format", "id", "notice"],
        "properties": {key: properties[key] for key in values.Scenario.KEY_ORDER},
        "additionalProperties": False,
    }


def schema_text() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


def write_generated(repository: Path) -> list[Path]:
    """Write the schema (package and ``docs/``) and the format document's table; return the
    files that changed."""
    changed: list[Path] = []
    document = repository / "docs" / "SCENARIO_FORMAT.md"
    targets = {
        SCHEMA_FILE: schema_text(),
        repository / "docs" / "scenario.schema.json": schema_text(),
        document: with_facts_table(document.read_text(encoding="utf-8")),
    }
    for path, text in targets.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    for written in write_generated(root):
        print(f"wrote {written}")
