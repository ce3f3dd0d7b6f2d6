"""The JSON Schema of scenario files, for editors: made from the fact registry, shipped in the
package and in docs/, true of every built-in and false of every malformed file it can judge."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

jsonschema = pytest.importorskip("jsonschema")

from diffusion_scenarios._base.yaml_io import load_yaml  # noqa: E402
from diffusion_scenarios._facts.registry import facts_table  # noqa: E402
from diffusion_scenarios._facts.schema import scenario_schema, schema_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MALFORMED = Path(__file__).parent / "malformed"
LEGAL_CASES = Path(__file__).parent / "legal_cases"

#: Malformed files whose fault a schema cannot express: whether a country exists, checks
#: across facts, and faults of the text itself (the YAML or JSON does not parse).
BEYOND_A_SCHEMA = {
    "unknown_country.yaml",  # 'Kazakstan' is text; only the loader knows the countries
    "unknown_nationality.yaml",
    "dual_criminality_unknown_country.yaml",
    "bad_region.yaml",  # a misspelt region word reads as a country's name
    "recipient_not_member.yaml",  # membership of INTERPOL on the day of issue
    "recipients_include_requesting.yaml",  # recipients against the requesting country
    "red_notice_with_recipients.yaml",  # recipients against the kind of notice
    "public_extract_diffusion.yaml",
    "refused_after_issue.yaml",  # two dates in order
    "remaining_exceeds_sentence.yaml",  # two numbers in order
}


def _validator() -> Any:
    schema = scenario_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _as_json(document: Any) -> Any:
    """The document as an editor's YAML support sees it: dates are text."""
    return json.loads(json.dumps(document, default=str))


def _read(path: Path) -> Any:
    text = path.read_bytes().decode("utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return load_yaml(text)


def _builtins() -> list[tuple[str, Any]]:
    folder = resources.files("diffusion_scenarios.data").joinpath("scenarios")
    files = [e for e in folder.iterdir() if e.name.endswith(".yaml")]
    found = [(e.name, load_yaml(e.read_text(encoding="utf-8"))) for e in files]
    for case in sorted(LEGAL_CASES.glob("*.yaml")):
        found.append((f"legal_cases/{case.name}", load_yaml(case.read_text("utf-8"))["scenario"]))
    return sorted(found, key=lambda pair: pair[0])


def test_every_built_in_scenario_and_teaching_case_is_valid_under_the_schema() -> None:
    validator = _validator()
    builtins = _builtins()
    assert len(builtins) > 300
    for name, document in builtins:
        errors = [error.message for error in validator.iter_errors(_as_json(document))]
        assert not errors, f"{name}: {errors}"


def test_every_malformed_file_the_schema_can_judge_fails_it() -> None:
    validator = _validator()
    passed = set()
    for path in sorted(MALFORMED.iterdir()):
        try:
            document = _as_json(_read(path))
        except Exception:  # not YAML or JSON at all: an editor shows the syntax error
            continue
        if validator.is_valid(document):
            passed.add(path.name)
    assert passed == BEYOND_A_SCHEMA


def test_the_schema_catches_a_misspelt_key_and_a_word_outside_the_vocabulary() -> None:
    validator = _validator()
    document = {
        "format": 1,
        "id": "x",
        "notice": {"kind": "diffusion", "requesting_country": "KZ", "issued_on": "2025-01-10"},
        "case": {"orign": "private_dispute", "offence": "frud"},
    }
    messages = " ".join(error.message for error in validator.iter_errors(document))
    assert "'orign' was unexpected" in messages
    assert "'frud' is not one of" in messages


def test_the_shipped_schema_and_its_copy_in_docs_are_the_generated_one() -> None:
    shipped = resources.files("diffusion_scenarios").joinpath("scenario.schema.json")
    assert shipped.read_text(encoding="utf-8") == schema_text()
    assert (ROOT / "docs" / "scenario.schema.json").read_text(encoding="utf-8") == schema_text()


def test_the_format_documents_table_of_facts_is_the_generated_one() -> None:
    document = (ROOT / "docs" / "SCENARIO_FORMAT.md").read_text(encoding="utf-8")
    assert facts_table() in document, (
        "docs/SCENARIO_FORMAT.md is stale: run python -m diffusion_scenarios._facts.schema"
    )
