"""Legal behaviour as data: every ``tests/legal_cases/*.yaml`` file is one case.

A case file reads like a sentence of law and holds a scenario and what must follow::

    name: A recognised refugee's diffusion from the country they fled is deleted
    scenario: { ... scenario format 1 ... }
    expect:
      outcome: not_compliant                 # outcome.prediction
      grounds: {refugee_status: strong}      # exact strength of a ground
      grounds_at_least: {article3_political: arguable}   # strong >= arguable >= weak
      grounds_absent: [private_dispute]      # must not be listed
      grounds_at_most: {article3_political: weak}        # absent also satisfies this
      issuance: {screening: not_screened, pre_screened: false}
      circulation: {recipient_count: 195, public: false}
      enforcement: {FRA: high, KAZ: high}    # arrest risk per country (alpha-3)
      enforcement_detail:                    # other fields of a country's entry
        HUN: {confidence: medium, basis: regional_presumption}
      enforcement_mentions: {HUN: [C-505/19]}   # substrings of some reason of the entry
      received: {FRA: true}                  # whether a country received the data
      travel:                                # per trip, in the order of the scenario
        - {notice_active: true, arrest_risk: high}
        - {arrest_risk: low, reasons_mention: [C-505/19]}   # substrings of some reason
      route: {access_decision_due: {deadline: 2025-07-01}}   # fields of a route step
      route_absent: [provisional_measures]
      cites: [ccf-statute-40-access]         # ids that must appear in citations
      cites_absent: [ccf-statute-37-provisional-measures]   # ids that must not be cited
      cites_version: {interpol-membership: "Vienna"}   # substring of the version cited
      depends_on_mentions: [max_penalty_years]   # substrings of some depends_on entry
      depends_on_absent_mentions: [arrest_warrant]   # substrings of no depends_on entry
      mentions:                              # words that must appear in a part's text
        issuance: ["should arguably have refused it"]   # also circulation, route,
        travel: ["not yet in force"]                    # travel, caveats, outcome
      mentions_absent: {travel: ["urgent request under Article 37"]}
      outcome_confidence: low                # outcome.confidence
      likelihood_at_least: {not_compliant: 0.8}   # outcome.likelihood of an outcome
      likelihood_below: {not_compliant: 0.5}
      hinges_on_fields: [challenge.ncb_responds]  # fields in outcome.hinges_on, in order
      hinges_on: [{field: challenge.ncb_responds, value: true, leads_to: compliant}]
      summary_mentions: [unless]             # substrings of outcome.summary

``outcome: null`` expects no prediction (nothing on file on the day assessed).

Every key of ``expect`` is optional. Each case runs as its own test, named by its file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

import diffusion_scenarios as ds

CASES_DIR = Path(__file__).parent / "legal_cases"
CASE_FILES = sorted(CASES_DIR.glob("*.yaml"))
_RANK = {"weak": 1, "arguable": 2, "strong": 3}
_KNOWN_KEYS = {
    "outcome",
    "grounds",
    "grounds_at_least",
    "grounds_absent",
    "grounds_at_most",
    "issuance",
    "circulation",
    "enforcement",
    "received",
    "travel",
    "route",
    "route_absent",
    "cites",
    "cites_absent",
    "cites_version",
    "depends_on_mentions",
    "depends_on_absent_mentions",
    "enforcement_detail",
    "enforcement_mentions",
    "mentions",
    "mentions_absent",
    "outcome_confidence",
    "likelihood_at_least",
    "likelihood_below",
    "hinges_on_fields",
    "hinges_on",
    "summary_mentions",
}
_PARTS = ("issuance", "circulation", "route", "travel", "caveats", "outcome")


def _part_text(result: dict[str, Any], part: str) -> str:
    """All the words of one part of the assessment, for ``mentions``."""
    assert part in _PARTS, f"unknown part {part!r} in mentions; use one of {_PARTS}"
    if part in ("issuance", "circulation"):
        return " ".join(result[part]["reasons"])
    if part == "route":
        return " ".join(s["description"] for s in result["route"])
    if part == "travel":
        return " ".join(r for t in result["travel"] for r in t["reasons"])
    if part == "caveats":
        return " ".join(result["caveats"])
    return f"{result['outcome']['summary']} {result['outcome']['explanation']}"


def _load(path: Path) -> dict[str, Any]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict), f"{path.name}: a case is a mapping"
    assert set(doc) <= {"name", "scenario", "expect", "notes"}, f"{path.name}: unknown keys"
    assert doc.get("name"), f"{path.name}: every case needs a name that reads as a legal sentence"
    unknown = set(doc.get("expect") or {}) - _KNOWN_KEYS
    assert not unknown, f"{path.name}: unknown expectation keys {sorted(unknown)}"
    return doc


def _norm(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def check_case(doc: dict[str, Any]) -> None:
    """Assess the case's scenario and assert every expectation it states."""
    scenario = ds.scenario_from_dict(doc["scenario"])
    result = ds.assess(scenario).to_dict()
    expect = doc.get("expect") or {}
    name = doc["name"]
    grounds = {g["id"]: g["strength"] for g in result["grounds"]}

    if "outcome" in expect:
        assert result["outcome"]["prediction"] == expect["outcome"], (
            f"{name}: outcome {result['outcome']['prediction']}, expected {expect['outcome']}"
            f" — {result['outcome']['explanation']}"
        )
    for gid, strength in (expect.get("grounds") or {}).items():
        assert grounds.get(gid) == strength, f"{name}: ground {gid} is {grounds.get(gid)}"
    for gid, strength in (expect.get("grounds_at_least") or {}).items():
        assert _RANK.get(grounds.get(gid, ""), 0) >= _RANK[strength], (
            f"{name}: ground {gid} is {grounds.get(gid)}, expected at least {strength}"
        )
    for gid, strength in (expect.get("grounds_at_most") or {}).items():
        assert _RANK.get(grounds.get(gid, ""), 0) <= _RANK[strength], (
            f"{name}: ground {gid} is {grounds.get(gid)}, expected at most {strength}"
        )
    for gid in expect.get("grounds_absent") or []:
        assert gid not in grounds, f"{name}: ground {gid} should not apply"
    for key, value in (expect.get("issuance") or {}).items():
        assert _norm(result["issuance"][key]) == _norm(value), f"{name}: issuance.{key}"
    for key, value in (expect.get("circulation") or {}).items():
        assert result["circulation"][key] == value, (
            f"{name}: circulation.{key} is {result['circulation'][key]}"
        )
    by_country = {e["country"]: e for e in result["enforcement"]}
    for country, risk in (expect.get("enforcement") or {}).items():
        assert country in by_country, f"{name}: no enforcement entry for {country}"
        assert by_country[country]["arrest_risk"] == risk, (
            f"{name}: {country} risk {by_country[country]['arrest_risk']}, expected {risk}"
            f" — {by_country[country]['reasons']}"
        )
    for country, fields in (expect.get("enforcement_detail") or {}).items():
        assert country in by_country, f"{name}: no enforcement entry for {country}"
        for key, value in fields.items():
            assert by_country[country][key] == value, (
                f"{name}: {country} {key} is {by_country[country][key]}, expected {value}"
                f" — {by_country[country]['reasons']}"
            )
    for country, words in (expect.get("enforcement_mentions") or {}).items():
        reasons = " ".join(by_country[country]["reasons"])
        for word in words:
            assert word in reasons, f"{name}: {country}'s reasons do not mention {word}: {reasons}"
    for country, received in (expect.get("received") or {}).items():
        assert by_country[country]["received"] is received, f"{name}: {country} received"
    for i, trip_expect in enumerate(expect.get("travel") or []):
        trip = result["travel"][i]
        for word in trip_expect.get("reasons_mention") or []:
            assert any(word in reason for reason in trip["reasons"]), (
                f"{name}: trip {i} reasons do not mention {word}: {trip['reasons']}"
            )
        for key, value in trip_expect.items():
            if key == "reasons_mention":
                continue
            assert _norm(trip[key]) == _norm(value), (
                f"{name}: trip {i} {key} is {trip[key]}, expected {value} — {trip['reasons']}"
            )
    steps = {s["step"]: s for s in result["route"]}
    for step, fields in (expect.get("route") or {}).items():
        assert step in steps, f"{name}: route has no step {step}; it has {sorted(steps)}"
        for key, value in (fields or {}).items():
            assert _norm(steps[step][key]) == _norm(value), (
                f"{name}: route {step}.{key} is {steps[step][key]}, expected {value}"
            )
    for step in expect.get("route_absent") or []:
        assert step not in steps, f"{name}: route should not have {step}"
    cited = {c["id"] for c in result["citations"]}
    for rid in expect.get("cites") or []:
        assert rid in cited, f"{name}: {rid} not cited"
    for rid in expect.get("cites_absent") or []:
        assert rid not in cited, f"{name}: {rid} should not be cited"
    versions = {c["id"]: c["version"] for c in result["citations"]}
    for rid, words in (expect.get("cites_version") or {}).items():
        assert rid in versions, f"{name}: {rid} not cited"
        assert words in versions[rid], f"{name}: {rid} cited as {versions[rid]!r}"
    for part, words in (expect.get("mentions") or {}).items():
        text = _part_text(result, part)
        for word in words:
            assert word in text, f"{name}: {part} does not say {word!r}: {text}"
    for part, words in (expect.get("mentions_absent") or {}).items():
        text = _part_text(result, part)
        for word in words:
            assert word not in text, f"{name}: {part} should not say {word!r}: {text}"
    for word in expect.get("depends_on_mentions") or []:
        assert any(word in d for d in result["depends_on"]), (
            f"{name}: nothing in depends_on mentions {word}: {result['depends_on']}"
        )
    for word in expect.get("depends_on_absent_mentions") or []:
        assert not any(word in d for d in result["depends_on"]), (
            f"{name}: depends_on should not mention {word}: {result['depends_on']}"
        )
    _check_outcome(name, result["outcome"], expect)


def _check_outcome(name: str, outcome: dict[str, Any], expect: dict[str, Any]) -> None:
    """The likelihood, confidence, hinges and summary of the outcome."""
    said = f" — {outcome['summary']} {outcome['likelihood']}"
    if "outcome_confidence" in expect:
        assert outcome["confidence"] == expect["outcome_confidence"], (
            f"{name}: confidence {outcome['confidence']}, expected {expect['outcome_confidence']}"
            + said
        )
    for key, low in (expect.get("likelihood_at_least") or {}).items():
        assert outcome["likelihood"][key] >= low, f"{name}: likelihood of {key} below {low}" + said
    for key, high in (expect.get("likelihood_below") or {}).items():
        assert outcome["likelihood"][key] < high, (
            f"{name}: likelihood of {key} not below {high}" + said
        )
    fields = [h["field"] for h in outcome["hinges_on"]]
    wanted = expect.get("hinges_on_fields")
    if wanted is not None:
        assert fields[: len(wanted)] == wanted, f"{name}: hinges on {fields}, expected {wanted}"
    for hinge in expect.get("hinges_on") or []:
        assert any(all(h.get(k) == v for k, v in hinge.items()) for h in outcome["hinges_on"]), (
            f"{name}: no hinge {hinge} in {outcome['hinges_on']}"
        )
    for word in expect.get("summary_mentions") or []:
        assert word in outcome["summary"], f"{name}: summary does not say '{word}'" + said


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_legal_case(path: Path) -> None:
    check_case(_load(path))


def test_there_are_at_least_forty_legal_cases() -> None:
    assert len(CASE_FILES) >= 40
