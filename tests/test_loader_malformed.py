"""Bad scenario files give one clean error naming the file, the field and what was wrong.

Each file in ``tests/malformed/`` is a mistake a user could make. For each we check the
error type, that the message names the file, and the words a user needs to fix it: the
field path, what was expected, what was found and (for misspellings) the suggestion.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import diffusion_scenarios as ds

MALFORMED = Path(__file__).parent / "malformed"

# file -> substrings that must all appear in the error message (one problem per entry).
EXPECTED: dict[str, list[str]] = {
    "missing_format.yaml": ["format: expected the required key 'format', found nothing"],
    "missing_id.yaml": ["id: expected the required key 'id'"],
    "missing_notice.yaml": ["notice: expected a mapping with the notice's kind"],
    "missing_notice_fields.yaml": [
        "notice.kind: expected the required key 'kind'",
        "notice.requesting_country: expected the required key",
        "notice.issued_on: expected the required key",
    ],
    "wrong_format_number.yaml": ["format: expected 1 (this version", "found 2"],
    "format_as_text.yaml": ["format: expected the number 1", "found '1'"],
    "bad_id.yaml": ["id: expected an id of lower-case letters", "found 'Joint_Venture Case'"],
    "misspelt_top_key.yaml": ["notise: expected a key of a scenario", "did you mean 'notice'?"],
    "misspelt_case_key.yaml": [
        "case.max_penalty_yeras: expected a key of case",
        "did you mean 'max_penalty_years'?",
    ],
    "misspelt_vocabulary.yaml": ["case.offence: expected one of fraud,", "did you mean 'fraud'?"],
    "bad_kind.yaml": ["notice.kind: expected one of diffusion, red_notice", "'yellow_notice'"],
    "unknown_country.yaml": [
        "notice.requesting_country: expected a country",
        "found 'Kazakstan'",
        "did you mean 'Kazakhstan'?",
    ],
    "unknown_nationality.yaml": ["person.nationalities[1]: expected a country", "'Atlantis'"],
    "bad_date.yaml": ["notice.issued_on: expected a date YYYY-MM-DD that exists", "2025-02-30"],
    "date_as_words.yaml": ["as_of: expected a date YYYY-MM-DD", "found 'next Tuesday'"],
    "datetime_not_date.yaml": ["notice.issued_on: expected a date YYYY-MM-DD without a time"],
    "negative_penalty.yaml": ["case.max_penalty_years: expected a number of years", "found -3"],
    "boolean_as_number.yaml": ["case.amount_usd: expected a number", "found true"],
    "number_as_text.yaml": ["case.max_penalty_years: expected a number", "found 'ten years'"],
    "yes_is_not_boolean.yaml": [
        "case.in_absentia: expected true or false",
        "found 'yes'",
        "did you mean 'true'?",
    ],
    "list_where_mapping.yaml": ["person: expected a mapping, found a list of 2 items"],
    "top_level_list.yaml": ["(file): expected a scenario", "found a list of 2 items"],
    "top_level_scalar.yaml": ["(file): expected a scenario", "'just a sentence"],
    "empty.yaml": ["(file): expected a scenario", "found an empty file"],
    "comments_only.yaml": ["found an empty file"],
    "yaml_syntax_error.yaml": ["expected valid YAML", "line 5"],
    "unclosed_bracket.yaml": ["expected valid YAML", "line 5"],
    "python_object_tag.yaml": [
        "the tag !!python/object/apply:os.system is not allowed",
        "line 3",
    ],
    "custom_tag.yaml": ["the tag !notice is not allowed"],
    "duplicate_key.yaml": ["the key 'offence' appears twice", "line 6"],
    "public_extract_diffusion.yaml": [
        "notice.public_extract: expected false or nothing for a diffusion",
        "found true",
    ],
    "recipients_include_requesting.yaml": [
        "notice.recipients[1]: expected recipients other than the requesting country",
        "found 'Kazakhstan'",
    ],
    "recipient_not_member.yaml": [
        "notice.recipients[0]: expected an INTERPOL member country on notice.issued_on "
        "(2023-06-01), found 'PW'"
    ],
    "red_notice_with_recipients.yaml": [
        "notice.recipients: expected all (a red notice circulates to every member"
    ],
    "bad_region.yaml": ["notice.recipients[0]", "found 'europa'", "did you mean 'europe'?"],
    "refugee_bad_status.yaml": [
        "person.refugee_status.status: expected one of recognised",
        "did you mean 'recognised'?",
    ],
    "extradition_bad_grounds.yaml": [
        "case.extradition[1].grounds: expected one of political",
        "found 'politics'",
    ],
    "dual_criminality_list.yaml": [
        "case.dual_criminality: expected a mapping of country: true or false"
    ],
    "dual_criminality_unknown_country.yaml": ["case.dual_criminality.Narnia: expected a country"],
    "trip_missing_date.yaml": ["travel[0].date: expected the required key 'date'"],
    "challenge_bad_request.yaml": [
        "challenge.requests[1]: expected one of access, deletion",
        "did you mean 'deletion'?",
    ],
    "refused_after_issue.yaml": [
        "notice.red_notice_refused_on: expected a date on or before notice.issued_on"
    ],
    "remaining_exceeds_sentence.yaml": [
        "case.remaining_months: expected no more than case.sentence_months (12), found 30"
    ],
    "many_problems.yaml": [
        "id: expected an id",
        "notice.kind:",
        "notice.requesting_country:",
        "notice.issued_on:",
        "case.max_penalty_years:",
        "case.political_context[1]:",
        "challenge.urgent:",
    ],
    "not_utf8.yaml": ["expected a text file in UTF-8", "not UTF-8"],
    "binary_junk.yaml": ["expected a text file in UTF-8", "binary data"],
    "bad_json.json": ["expected valid JSON", "line 1"],
    "json_wrong_types.json": [
        "notice.issued_on: expected a date YYYY-MM-DD, found 20250110",
        "travel: expected a list of trips",
    ],
}


def test_every_malformed_file_has_an_expectation() -> None:
    on_disk = {path.name for path in MALFORMED.iterdir()}
    assert on_disk == set(EXPECTED)
    assert len(on_disk) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_malformed_file_gives_a_clean_error_naming_the_field(name: str) -> None:
    path = MALFORMED / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(ds.ScenarioError) as caught:
        ds.load_scenario(path)
    message = str(caught.value)
    for expected in EXPECTED[name]:
        assert expected in message, f"{expected!r} not in:\n{message}"
    # one line per problem, every line naming the file; no Python internals leak out
    lines = message.splitlines()
    assert len(lines) == len(caught.value.problems) >= 1
    assert all(line.startswith(f"{path}: ") for line in lines)
    assert "Traceback" not in message and "yaml.constructor" not in message
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_all_problems_of_a_file_are_reported_together() -> None:
    with pytest.raises(ds.ScenarioError) as caught:
        ds.load_scenario(MALFORMED / "many_problems.yaml")
    paths = [problem.path for problem in caught.value.problems]
    assert paths == [
        "id",
        "notice.kind",
        "notice.requesting_country",
        "notice.issued_on",
        "case.max_penalty_years",
        "case.political_context[1]",
        "challenge.urgent",
    ]


def test_a_python_tag_is_refused_without_running_anything(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"format: 1\nid: exploit\nnotice: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(ds.ScenarioError, match="is not allowed"):
        ds.loads_scenario(text)
    assert not marker.exists()


def test_a_file_over_one_megabyte_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("format: 1\nid: big\nnotes: '" + "x" * 1_100_000 + "'\n", encoding="utf-8")
    with pytest.raises(ds.ScenarioError, match="at most 1,000,000 bytes"):
        ds.load_scenario(big)


def test_a_missing_file_and_a_directory_are_clean_errors(tmp_path: Path) -> None:
    with pytest.raises(ds.ScenarioError, match="no such file"):
        ds.load_scenario(tmp_path / "nowhere.yaml")
    with pytest.raises(ds.ScenarioError, match="a folder"):
        ds.load_scenario(tmp_path)


def test_an_alias_bomb_is_reported_briefly_not_expanded() -> None:
    # Nested aliases stand for 10**9 items; the message must describe them, not print them.
    levels = ["&a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        levels.append(f"&a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    text = (
        "format: 1\nid: bomb\nnotes: [" + ", ".join(levels) + "]\n"
        "person: {profile: *a8}\n"
        "notice: {kind: diffusion, requesting_country: KZ, issued_on: 2025-01-10}\n"
    )
    with pytest.raises(ds.ScenarioError) as caught:
        ds.loads_scenario(text)
    message = str(caught.value)
    assert "notes: expected text" in message
    assert "person.profile[0]" in message
    assert len(message) < 5000


def test_a_date_with_a_time_is_an_error_not_silently_truncated() -> None:
    text = (
        "format: 1\nid: t\nnotice: {kind: diffusion, requesting_country: KZ, "
        "issued_on: '2025-01-10T09:00:00'}\n"
    )
    with pytest.raises(ds.ScenarioError, match="without a time"):
        ds.loads_scenario(text)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_number_with_thousands_of_digits_is_a_clean_error(suffix: str, tmp_path: Path) -> None:
    digits = "1" * 5000
    if suffix == ".json":
        text = '{"format": 1, "id": "x", "case": {"max_penalty_years": ' + digits + "}}"
    else:
        text = f"format: 1\nid: x\ncase: {{max_penalty_years: {digits}}}\n"
    path = tmp_path / f"huge{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ds.ScenarioError) as caught:
        ds.load_scenario(path)
    message = str(caught.value)
    assert "case.max_penalty_years: expected a number of years" in message
    assert len(message) < 1000
