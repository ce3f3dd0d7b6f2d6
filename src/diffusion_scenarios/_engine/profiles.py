"""The facts a published CCF decision is compared on: the profiles of the decisions.

Two kinds of published decision ship with the package:

* **encoded** decisions: a scenario file under ``data/scenarios`` named in
  ``data/scenarios/expected.csv`` (the facts as the engine reads them, and what the CCF
  decided);
* **index-only** decisions: a row of ``data/ccf_decisions.csv`` with no scenario file,
  known only through its data type, year and the tags the source gave it (read through
  ``data/caselaw_tags.csv``, which puts near-duplicate tags under one name).

Each decision becomes a :class:`Profile`: the facts a lawyer compares first (the kind of
data, the offence family, the grounds the engine finds and their strength, political
indicators, refugee status, extradition refused abroad, ne bis in idem, unfunded cheques,
a trial in absentia, whether the source NCB answered, the year). Profiles of the shipped
decisions are built once per process (:func:`decision_profiles`), from
``data/similar_profiles.json`` while the data it was built from are unchanged.

Decisions about the same person are marked as such (``data/scenarios/ccf_groups.csv``, the
file the decision model's grouped cross-validation reads; else a ``person`` column of
``expected.csv``), so that :mod:`.similar` can leave them out together. How alike two
profiles are is worked out in :mod:`.similar`.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._base.fast_dataclass import dataclass, field
from diffusion_scenarios._facts.expected import GROUPS_FILE
from diffusion_scenarios._law.vocab import CCF_OUTCOMES, OFFENCE_FAMILIES

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Ground
    from diffusion_scenarios._facts.scenario import Scenario

__all__ = [
    "GROUPS_FILE",
    "PROFILES_FILE",
    "STRENGTH",
    "DecisionProfile",
    "Profile",
    "build_profiles",
    "decision_profiles",
    "normalise_tag",
    "profile_of",
    "profiles_from_files",
    "profiles_json",
    "split_tags",
]

Date = _dt.date

#: A ground's strength as a number (a ground not found is 0).
STRENGTH = {"strong": 1.0, "arguable": 0.6, "weak": 0.3}

# Tags of the decisions index -> (ground ids, flags). Normalised tags (see normalise_tag).
_TAG_FACTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "political character": (("article3_political",), ("political",)),
    "article 3 of interpol's constitution": (("article3_political",), ("political",)),
    "status of the person": ((), ("political",)),
    "article 2 of interpol's constitution": (("article2_human_rights",), ()),
    "article 2 of interpol's constitution (torture and mistreatments)": (
        ("article2_human_rights",),
        (),
    ),
    "article 2 of interpol's constitution (right to life)": (("article2_human_rights",), ()),
    "human rights": (("article2_human_rights",), ()),
    "human rights (detention for debt)": (("article2_human_rights",), ()),
    "due process / fair hearing": (("fair_trial",), ()),
    "trial in absentia": (("fair_trial",), ("in_absentia",)),
    "private/commercial matter": (("private_dispute",), ()),
    "family matter": (("family_matter",), ()),
    "unfunded cheques": (("private_dispute",), ("cheques",)),
    "ne bis in idem": ((), ("ne_bis_in_idem",)),
    "refugee/protective status": (("refugee_status",), ("refugee",)),
    "lack of action for extradition": (("lack_of_extradition_action",), ()),
    "purpose of the notice or data": (("purpose_invalid",), ()),
    "purpose (location known;extradition under way)": (("purpose_invalid",), ()),
    "transfer of proceedings": (("purpose_invalid",), ()),
    "misuse of interpol's channels": (("purpose_invalid",), ()),
    "lawfulness / validity of proceedings": (("warrant_invalid",), ()),
    "description of criminal activities": (("insufficient_judicial_data",), ()),
    "international interest and seriousness": (("international_interest",), ()),
    "accuracy and quality of data": (("data_accuracy",), ()),
}


# --------------------------------------------------------------------------- tags


def split_tags(cell: str) -> tuple[str, ...]:
    """A ``;``-separated tag cell as its tags, never splitting inside brackets.

    Example:
        >>> split_tags("Purpose (location known; extradition under way); Ne bis in idem")
        ('Purpose (location known; extradition under way)', 'Ne bis in idem')
    """
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in cell:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if char == ";" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return tuple(p.strip() for p in parts if p.strip())


@cache
def _tag_map() -> dict[str, str]:
    from diffusion_scenarios._law.data import read_csv_rows

    return {
        " ".join(row["tag"].split()).lower(): " ".join(row["normalised"].split())
        for row in read_csv_rows("caselaw_tags.csv")
    }


def normalise_tag(tag: str) -> str:
    """The tag under which near-duplicates are counted together (``data/caselaw_tags.csv``);
    a tag the table does not list is its own normal form.

    Example:
        >>> normalise_tag("Private matter"), normalise_tag("Ne bis in idem")
        ('Private/commercial matter', 'Ne bis in idem')
    """
    plain = " ".join(tag.split())
    return _tag_map().get(plain.lower(), plain)


# --------------------------------------------------------------------------- profiles


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """The facts a case is compared on. ``None`` = not known for this case."""

    kind: str  # red_notice | diffusion | other
    offence_family: str | None = None
    grounds: Mapping[str, float] = field(default_factory=dict)  # ground id -> strength 0..1
    flags: Mapping[str, float] = field(default_factory=dict)  # flag -> 0..1
    ncb_answered: bool | None = None
    year: int | None = None


def profile_of(scenario: Scenario, grounds: Iterable[Ground], on: Date) -> Profile:
    """A case's profile from its facts and the grounds the engine found on ``on``."""
    case = scenario.case
    flags: dict[str, float] = {}
    if case.political_context:
        flags["political"] = 1.0
    refugee = scenario.person.refugee_status
    if refugee is not None and refugee.status == "recognised":
        flags["refugee"] = 1.0
    elif refugee is not None and refugee.status == "asylum_seeker":
        flags["refugee"] = 0.6
    if any(e.outcome == "refused" for e in case.extradition):
        flags["extradition_refused"] = 1.0
    if case.final_judgment is not None or "already_tried_for_same_acts" in case.purpose_defects:
        flags["ne_bis_in_idem"] = 1.0
    if case.offence == "unfunded_cheque" or case.cheque_count is not None:
        flags["cheques"] = 1.0
    if case.in_absentia:
        flags["in_absentia"] = 1.0
    challenge = scenario.challenge
    return Profile(
        kind=scenario.notice.kind,
        offence_family=OFFENCE_FAMILIES.get(case.offence) if case.offence else None,
        grounds={g.id: STRENGTH[g.strength] for g in grounds if g.strength in STRENGTH},
        flags=flags,
        ncb_answered=None if challenge is None else challenge.ncb_responds,
        year=on.year,
    )


def _profile_of_tags(data_type: str, year: int | None, tags: Sequence[str]) -> Profile:
    grounds: dict[str, float] = {}
    flags: dict[str, float] = {}
    for tag in tags:
        key = re.sub(r";\s+", ";", normalise_tag(tag).lower())
        ground_ids, tag_flags = _TAG_FACTS.get(key, ((), ()))
        for ground in ground_ids:
            grounds[ground] = STRENGTH["arguable"]  # a tag says it was argued, not how well
        for flag in tag_flags:
            flags[flag] = 1.0
    return Profile(kind=data_type, grounds=grounds, flags=flags, year=year)


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionProfile:
    """A shipped decision: who decided what, its source, and its profile."""

    decision_id: str
    year: int | None
    outcome: str  # not_compliant | compliant_with_update | compliant
    url: str
    profile: Profile
    scenario_id: str | None = None  # the built-in scenario that encodes it, if any
    person: str = ""  # decisions with the same non-empty person concern one person
    encoded: bool = False


def _year(cell: str) -> int | None:
    cell = cell.strip()
    return int(cell) if len(cell) == 4 and cell.isdigit() else None


#: The precomputed profiles of the shipped decisions (written by scripts/build_similar.py),
#: used only while the data they were built from are unchanged (see _fingerprint).
PROFILES_FILE = "similar_profiles.json"
_SOURCES = ("ccf_decisions.csv", "caselaw_tags.csv", "scenarios/expected.csv")
_RULE_FILES = ("rules/substantive.yaml", "rules/procedure.yaml", "rules/ne_bis_and_arrest.yaml")


@cache
def decision_profiles() -> tuple[DecisionProfile, ...]:
    """Every shipped decision with a known outcome, profiled once per process.

    Encoded decisions come first (``expected.csv`` order), then index-only ones. The
    profiles shipped in ``data/similar_profiles.json`` are used when they were built from
    the data files as they are now (and the shipped rules are in use); otherwise they are
    worked out again here, from the facts (about 0.1 s).
    """
    from diffusion_scenarios._law.rules import RULES_ENV

    if not os.environ.get(RULES_ENV):
        cached = _cached_profiles()
        if cached is not None:
            return cached
    return build_profiles()


def _fingerprint() -> str:
    """A checksum of every shipped file the profiles are built from (CRC-32 and length:
    it tells a changed data file from the one the profiles were built from, for a few
    milliseconds less at each start than a cryptographic digest and its library)."""
    import zlib

    from diffusion_scenarios._law.data import data_folder, read_csv_rows

    base = data_folder()
    names = [
        *_SOURCES,
        *_RULE_FILES,
        *(f"scenarios/{row['file']}" for row in read_csv_rows("scenarios/expected.csv")),
    ]
    crc, size = 0, 0
    for name in names:
        raw = base.joinpath(*name.split("/")).read_bytes()
        for part in (name.encode(), raw):
            crc = zlib.crc32(part, crc)
            size += len(part)
    groups = repr(sorted(_shipped_groups().items())).encode()
    crc = zlib.crc32(groups, crc)
    return f"crc32:{crc:08x}:{size + len(groups)}"


def _cached_profiles() -> tuple[DecisionProfile, ...] | None:
    import json

    from diffusion_scenarios._law.data import data_file
    from diffusion_scenarios.errors import ReferenceDataError

    try:
        stored = json.loads(data_file(PROFILES_FILE).read_text(encoding="utf-8"))
        if stored.get("fingerprint") != _fingerprint():
            return None
        return tuple(_profile_from_json(item) for item in stored["decisions"])
    except (ReferenceDataError, OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _profile_from_json(item: Mapping[str, Any]) -> DecisionProfile:
    p = item["profile"]
    return DecisionProfile(
        decision_id=str(item["decision_id"]),
        year=item["year"],
        outcome=str(item["outcome"]),
        url=str(item["url"]),
        scenario_id=item["scenario_id"],
        person=str(item["person"]),
        encoded=bool(item["encoded"]),
        profile=Profile(
            kind=str(p["kind"]),
            offence_family=p["offence_family"],
            grounds={str(k): float(v) for k, v in p["grounds"].items()},
            flags={str(k): float(v) for k, v in p["flags"].items()},
            ncb_answered=p["ncb_answered"],
            year=p["year"],
        ),
    )


def profiles_json() -> str:
    """The profiles worked out from the facts now, with the fingerprint of the data they
    come from, as the text of ``data/similar_profiles.json``."""
    import json

    decisions = [
        {
            "decision_id": d.decision_id,
            "year": d.year,
            "outcome": d.outcome,
            "url": d.url,
            "scenario_id": d.scenario_id,
            "person": d.person,
            "encoded": d.encoded,
            "profile": {
                "kind": d.profile.kind,
                "offence_family": d.profile.offence_family,
                "grounds": dict(d.profile.grounds),
                "flags": dict(d.profile.flags),
                "ncb_answered": d.profile.ncb_answered,
                "year": d.profile.year,
            },
        }
        for d in build_profiles()
    ]
    return json.dumps({"fingerprint": _fingerprint(), "decisions": decisions}, indent=1) + "\n"


def build_profiles() -> tuple[DecisionProfile, ...]:
    """Every shipped decision with a known outcome, profiled from the facts now."""
    from diffusion_scenarios._engine.grounds.evaluate import evaluate_grounds
    from diffusion_scenarios._facts.loader import builtin_scenarios, loads_scenario
    from diffusion_scenarios._law.data import read_csv_rows, read_text

    builtins = builtin_scenarios()
    index = {row["decision_id"]: row for row in read_csv_rows("ccf_decisions.csv")}
    groups = _shipped_groups()
    result: list[DecisionProfile] = []
    seen: set[str] = set()
    for row in read_csv_rows("scenarios/expected.csv"):
        stem = Path(row["file"]).stem
        scenario = builtins.get(stem)
        if scenario is None:
            text = read_text(f"scenarios/{row['file']}")
            scenario = loads_scenario(text, source=f"scenarios/{row['file']}")
        on = scenario.as_of or scenario.notice.issued_on
        indexed = index.get(row["decision_id"], {})
        year = _year(indexed.get("year", "")) or on.year
        url = row.get("source_url", "") or _first_url(indexed.get("url", ""))
        result.append(
            DecisionProfile(
                decision_id=row["decision_id"],
                year=year,
                outcome=row["ccf_outcome"],
                url=url,
                profile=profile_of(scenario, evaluate_grounds(scenario, on).grounds, on),
                scenario_id=scenario.id,
                person=groups.get(row["file"]) or _person(row),
                encoded=True,
            )
        )
        seen.add(row["decision_id"])
    for decision_id, row in index.items():
        if decision_id in seen or row.get("outcome") not in CCF_OUTCOMES:
            continue
        row_year = _year(row.get("year", ""))
        tags = split_tags(row.get("tags", ""))
        result.append(
            DecisionProfile(
                decision_id=decision_id,
                year=row_year,
                outcome=row["outcome"],
                url=_first_url(row.get("url", "")),
                profile=_profile_of_tags(row.get("data_type", "other"), row_year, tags),
                person=_person(row),
            )
        )
    return tuple(result)


def _first_url(cell: str) -> str:
    return next((u.strip() for u in cell.split(";") if u.strip()), "")


def _groups_text(text: str) -> dict[str, str]:
    import csv
    import io

    return {
        (r.get("file") or "").strip(): (r.get("person") or "").strip().lower()
        for r in csv.DictReader(io.StringIO(text))
    }


def _shipped_groups() -> dict[str, str]:
    from diffusion_scenarios._law.data import read_text
    from diffusion_scenarios.errors import ReferenceDataError

    try:
        return _groups_text(read_text(f"scenarios/{GROUPS_FILE}"))
    except ReferenceDataError:
        return {}


def _person(row: Mapping[str, str]) -> str:
    for column in ("person", "person_group", "group"):
        value = (row.get(column) or "").strip()
        if value:
            return value.lower()
    return ""


def profiles_from_files(
    directory: str | os.PathLike[str], expected_csv: str | os.PathLike[str]
) -> tuple[DecisionProfile, ...]:
    """The decisions of a folder of scenario files and its expected-outcomes CSV (those
    with a file), profiled from their facts: for ``compare DIR --expected CSV``."""
    import csv

    from diffusion_scenarios._engine.grounds.evaluate import evaluate_grounds
    from diffusion_scenarios._facts.expected import encoded_files
    from diffusion_scenarios._facts.loader import load_scenario

    folder = Path(directory)
    rows = encoded_files(folder, expected_csv)
    with Path(expected_csv).open(encoding="utf-8", newline="") as handle:
        people = {r.get("file", ""): _person(r) for r in csv.DictReader(handle)}
    groups_path = folder / GROUPS_FILE
    if groups_path.is_file():
        people.update(_groups_text(groups_path.read_text(encoding="utf-8")))
    result = []
    for row, path in rows:
        scenario = load_scenario(path)
        on = scenario.as_of or scenario.notice.issued_on
        result.append(
            DecisionProfile(
                decision_id=row.decision_id,
                year=on.year,
                outcome=row.ccf_outcome,
                url=row.source_url,
                profile=profile_of(scenario, evaluate_grounds(scenario, on).grounds, on),
                scenario_id=scenario.id,
                person=people.get(row.file, ""),
                encoded=True,
            )
        )
    return tuple(result)
