"""The published CCF decisions most like a case, and how far their outcomes can be trusted.

Two kinds of published decision ship with the package:

* **encoded** decisions: a scenario file under ``data/scenarios`` named in
  ``data/scenarios/expected.csv`` (the facts as the engine reads them, and what the CCF
  decided);
* **index-only** decisions: a row of ``data/ccf_decisions.csv`` with no scenario file,
  known only through its data type, year and the tags the source gave it.

Each decision becomes a :class:`Profile`: the facts a lawyer compares first (the kind of
data, the offence family, the grounds the engine finds and their strength, political
indicators, refugee status, extradition refused abroad, ne bis in idem, unfunded cheques,
a trial in absentia, whether the source NCB answered, the year). Profiles of the shipped
decisions are built once per process (:func:`decision_profiles`); comparing a case with
all of them is then a few hundred arithmetic steps, so :func:`~diffusion_scenarios.assess`
stays fast.

Similarity is a weighted overlap, from 0 to 1:

* a **yes/no or graded fact** (a ground with its strength, refugee status, a political
  indicator, ...) counts when either side has it: full weight when both have it with the
  same strength, less as the strengths differ, nothing when only one side has it;
* a **category** (kind of data, offence family, NCB's answer) counts when both sides know
  it: full weight when equal, nothing otherwise; an index-only decision does not know the
  offence or the NCB's answer, so they are left out rather than guessed;
* the **year** counts a little, less as the years drift apart (ten years apart: nothing);
* the sum of what was compared gets one fact's weight more, so a comparison on very little
  (the kind of data and the year alone) never reads as near-identical.

The outcome never enters the comparison: decisions are ranked on facts alone, and the
outcome is shown beside each. A case never lists its own decision (a built-in that
encodes a decision), and :func:`leave_one_out` leaves out every decision about the same
person (``data/scenarios/ccf_groups.csv``, the file the decision model's grouped
cross-validation reads; else a ``person`` column of ``expected.csv``) so that a figure is not
flattered by a sibling decision.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._engine.words import KIND_WORDS, OUTCOME_RESULTS
from diffusion_scenarios._law.vocab import GROUND_SHORT_LABELS

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Ground
    from diffusion_scenarios._facts.scenario import Scenario

__all__ = [
    "DecisionProfile",
    "LeaveOneOut",
    "Profile",
    "SimilarDecision",
    "build_profiles",
    "cached_leave_one_out",
    "calibration_lines",
    "decision_profiles",
    "find_similar",
    "leave_one_out",
    "normalise_tag",
    "profile_of",
    "profiles_from_files",
    "profiles_json",
    "similarity",
    "split_tags",
    "supporting",
]

Date = _dt.date

#: How many decisions an assessment lists.
SHOWN = 5
#: How many neighbours vote in :func:`leave_one_out`.
NEIGHBOURS = 3

# A ground's strength as a number (a ground not found is 0).
_STRENGTH = {"strong": 1.0, "arguable": 0.6, "weak": 0.3}
_STRENGTH_WORDS = {1.0: "strong", 0.6: "arguable", 0.3: "weak"}

# Weights: the grounds and the protective facts weigh most, the year least.
_W_KIND = 1.0
_W_OFFENCE = 1.0
_W_NCB = 1.0
_W_GROUND = 1.5
_W_YEAR = 0.5
# Added to the weight compared, so that two cases alike on very little (the kind of data and
# the year, say) are not called near-identical: a thin comparison counts as if one more fact
# were unknown.
_W_THIN = 1.0
_FLAG_WEIGHTS: dict[str, float] = {
    "political": 1.5,
    "refugee": 1.5,
    "extradition_refused": 1.0,
    "ne_bis_in_idem": 1.0,
    "cheques": 1.0,
    "in_absentia": 1.0,
}
_FLAG_WORDS: dict[str, str] = {
    "political": "political indicators",
    "refugee": "refugee or asylum status",
    "extradition_refused": "extradition refused abroad",
    "ne_bis_in_idem": "tried or judged elsewhere for the same acts (ne bis in idem)",
    "cheques": "unfunded cheques",
    "in_absentia": "a conviction in absentia",
}

_OFFENCE_FAMILIES: dict[str, str] = {
    **dict.fromkeys(
        (
            "fraud",
            "embezzlement",
            "money_laundering",
            "corruption",
            "abuse_of_office",
            "tax_offence",
            "unfunded_cheque",
            "bankruptcy_offence",
            "theft",
            "cybercrime",
        ),
        "economic or property offence",
    ),
    **dict.fromkeys(
        ("violence", "homicide", "sexual_offence", "terrorism"), "violent or terrorist offence"
    ),
    **dict.fromkeys(
        ("drug_trafficking", "drug_possession", "organised_crime"), "drugs or organised crime"
    ),
    **dict.fromkeys(
        (
            "defamation",
            "insult_to_authority",
            "adultery_or_morality",
            "blasphemy_or_apostasy",
            "desertion_or_military",
            "unauthorised_protest",
        ),
        "speech, protest, morals or military offence",
    ),
}

_KIND_NAMES = {**KIND_WORDS, "other": "another kind of INTERPOL data"}

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
        offence_family=_OFFENCE_FAMILIES.get(case.offence) if case.offence else None,
        grounds={g.id: _STRENGTH[g.strength] for g in grounds if g.strength in _STRENGTH},
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
            grounds[ground] = _STRENGTH["arguable"]  # a tag says it was argued, not how well
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
    from importlib import resources

    from diffusion_scenarios._law.data import read_csv_rows

    base = resources.files("diffusion_scenarios.data")
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
        if decision_id in seen or row.get("outcome") not in OUTCOME_RESULTS:
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


#: The file that says which decisions concern the same person (``file, person, ...``), next
#: to ``expected.csv``; the decision model's grouped cross-validation reads the same file.
GROUPS_FILE = "ccf_groups.csv"


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


_DELETED = "not_compliant"


# --------------------------------------------------------------------------- comparing


def _a(words: str) -> str:
    """``words`` after "a" or "an" ("another kind ..." takes neither)."""
    if words.startswith("another"):
        return words
    return f"an {words}" if words[:1] in "aeiou" else f"a {words}"


def _ground_words(ground: str) -> str:
    return GROUND_SHORT_LABELS.get(ground, ground.replace("_", " "))


def similarity(case: Profile, other: Profile) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    """How alike two profiles are (0 to 1), with the facts they share and those that differ,
    in words ("this case" is ``case``, "the decision" is ``other``)."""
    earned = 0.0
    total = 0.0
    shared: list[str] = []
    differ: list[str] = []

    total += _W_KIND
    if case.kind == other.kind:
        earned += _W_KIND
        shared.append(_a(_KIND_NAMES.get(case.kind, case.kind)))
    else:
        differ.append(
            f"{_a(_KIND_NAMES.get(case.kind, case.kind))} here, "
            f"{_a(_KIND_NAMES.get(other.kind, other.kind))} there"
        )
    if case.offence_family is not None and other.offence_family is not None:
        total += _W_OFFENCE
        if case.offence_family == other.offence_family:
            earned += _W_OFFENCE
            shared.append(_a(case.offence_family))
        else:
            differ.append(f"offence: {case.offence_family} here, {other.offence_family} there")

    for ground in sorted(set(case.grounds) | set(other.grounds)):
        a, b = case.grounds.get(ground, 0.0), other.grounds.get(ground, 0.0)
        total += _W_GROUND
        earned += _W_GROUND * (1.0 - abs(a - b))
        words = _ground_words(ground)
        if a and b:
            if a == b:
                shared.append(f"{words} ({_STRENGTH_WORDS[a]})")
            else:
                shared.append(f"{words} ({_STRENGTH_WORDS[a]} here, {_STRENGTH_WORDS[b]} there)")
        elif a:
            differ.append(f"{words}: found here, not in the decision")
        else:
            differ.append(f"{words}: in the decision, not here")

    for flag, weight in _FLAG_WEIGHTS.items():
        a, b = case.flags.get(flag, 0.0), other.flags.get(flag, 0.0)
        if not (a or b):
            continue
        total += weight
        earned += weight * (1.0 - abs(a - b))
        if flag == "refugee" and (
            "refugee_status" in case.grounds or "refugee_status" in other.grounds
        ):
            continue  # the refugee ground already says it, in the same words for both
        words = _FLAG_WORDS[flag]
        if a and b:
            shared.append(words)
        elif a:
            differ.append(f"{words}: here, not in the decision")
        else:
            differ.append(f"{words}: in the decision, not here")

    if case.ncb_answered is not None and other.ncb_answered is not None:
        total += _W_NCB
        said = {True: "the NCB answered the CCF", False: "the NCB did not answer the CCF"}
        if case.ncb_answered == other.ncb_answered:
            earned += _W_NCB
            shared.append(said[case.ncb_answered])
        else:
            differ.append(f"{said[case.ncb_answered]} here; there {said[other.ncb_answered][4:]}")

    if case.year is not None and other.year is not None:
        total += _W_YEAR
        gap = abs(case.year - other.year)
        earned += _W_YEAR * max(0.0, 1.0 - gap / 10)
        if gap <= 3:
            shared.append(
                f"within {gap} year{'s' if gap != 1 else ''} of this case"
                if gap
                else "the same year"
            )
        else:
            differ.append(f"{gap} years apart ({other.year})")

    score = earned / (total + _W_THIN) if total else 0.0
    return round(score, 3), tuple(shared), tuple(differ)


@dataclass(frozen=True, slots=True, kw_only=True)
class SimilarDecision:
    """A published CCF decision like the case (one entry of ``similar_decisions``)."""

    decision_id: str
    year: int | None
    outcome: str  # the CCF's: not_compliant | compliant_with_update | compliant
    similarity: float  # 0 to 1, on facts only
    shared: tuple[str, ...]
    differing: tuple[str, ...]
    url: str
    encoded: bool = False  # the package encodes its facts (else: known from its tags only)

    @property
    def outcome_words(self) -> str:
        """ "deleted", "kept with an update" or "kept"."""
        return OUTCOME_RESULTS.get(self.outcome, self.outcome)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.decision_id,
            "year": self.year,
            "outcome": self.outcome,
            "similarity": self.similarity,
            "shared": list(self.shared),
            "differing": list(self.differing),
            "url": self.url,
            "known_from": "encoded facts" if self.encoded else "published tags",
        }


def _ranked(
    case: Profile, pool: Iterable[DecisionProfile], limit: int
) -> tuple[SimilarDecision, ...]:
    scored = []
    for decision in pool:
        score, shared, differing = similarity(case, decision.profile)
        scored.append(
            SimilarDecision(
                decision_id=decision.decision_id,
                year=decision.year,
                outcome=decision.outcome,
                similarity=score,
                shared=shared,
                differing=differing,
                url=decision.url,
                encoded=decision.encoded,
            )
        )
    # Facts only: similarity, then the decision with more encoded facts, then the id.
    scored.sort(key=lambda s: (-s.similarity, not s.encoded, s.decision_id))
    return tuple(scored[:limit])


def find_similar(
    scenario: Scenario, grounds: Iterable[Ground], on: Date, *, limit: int = SHOWN
) -> tuple[SimilarDecision, ...]:
    """The shipped decisions most like ``scenario`` on ``on``, most similar first, never the
    decision the scenario itself encodes."""
    case = profile_of(scenario, grounds, on)
    pool = [d for d in decision_profiles() if d.scenario_id != scenario.id]
    return _ranked(case, pool, limit)


def supporting(
    scenario: Scenario,
    grounds: Iterable[Ground],
    on: Date,
    ground_id: str,
    *,
    limit: int = 2,
) -> tuple[SimilarDecision, ...]:
    """The decisions most like ``scenario`` that show ``ground_id`` and ended in deletion:
    the precedents a request arguing that ground cites (never the scenario's own)."""
    case = profile_of(scenario, tuple(grounds), on)
    pool = [
        d
        for d in decision_profiles()
        if d.scenario_id != scenario.id
        and d.outcome == _DELETED
        and d.profile.grounds.get(ground_id, 0.0) > 0
    ]
    return _ranked(case, pool, limit)


# --------------------------------------------------------------------------- measuring


def _vote(neighbours: Sequence[SimilarDecision]) -> str:
    """The outcome most of the neighbours hold; a tie goes to the nearest one's outcome."""
    counts: dict[str, int] = {}
    for n in neighbours:
        counts[n.outcome] = counts.get(n.outcome, 0) + 1
    best = max(counts.values())
    return next(n.outcome for n in neighbours if counts[n.outcome] == best)


@dataclass(frozen=True, slots=True, kw_only=True)
class LeaveOneOut:
    """Each encoded decision predicted by the outcome most of its nearest others hold."""

    cases: int
    agreements: int  # same three-way outcome as the CCF
    deletion_agreements: int  # same deleted-or-kept answer
    always_deleted: int  # what always answering "deleted" gets right (three-way)
    neighbours: int
    votes: tuple[tuple[str, str, str], ...] = ()  # (decision id, CCF outcome, vote)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "neighbours": self.neighbours,
            "agreements": self.agreements,
            "deletion_agreements": self.deletion_agreements,
            "always_deleted_agreements": self.always_deleted,
            "votes": [
                {"decision_id": d, "ccf_outcome": c, "neighbours_outcome": v}
                for d, c, v in self.votes
            ],
        }


def leave_one_out(
    profiles: Sequence[DecisionProfile] | None = None, *, neighbours: int = NEIGHBOURS
) -> LeaveOneOut:
    """Leave one out over the encoded decisions: each is predicted by the outcome most of
    its ``neighbours`` nearest other decisions hold, leaving out itself and every decision
    about the same person."""
    pool = decision_profiles() if profiles is None else tuple(profiles)
    votes: list[tuple[str, str, str]] = []
    for held in pool:
        if not held.encoded:
            continue
        others = [
            d
            for d in pool
            if d.decision_id != held.decision_id and not (held.person and d.person == held.person)
        ]
        near = _ranked(held.profile, others, neighbours)
        if near:
            votes.append((held.decision_id, held.outcome, _vote(near)))
    return LeaveOneOut(
        cases=len(votes),
        agreements=sum(c == v for _, c, v in votes),
        deletion_agreements=sum((c == _DELETED) == (v == _DELETED) for _, c, v in votes),
        always_deleted=sum(c == _DELETED for _, c, _v in votes),
        neighbours=neighbours,
        votes=tuple(votes),
    )


def profiles_from_files(
    directory: str | os.PathLike[str], expected_csv: str | os.PathLike[str]
) -> tuple[DecisionProfile, ...]:
    """The decisions of a folder of scenario files and its expected-outcomes CSV (those
    with a file), profiled from their facts: for ``compare DIR --expected CSV``."""
    import csv

    from diffusion_scenarios._engine.grounds.evaluate import evaluate_grounds
    from diffusion_scenarios._facts.loader import load_scenario
    from diffusion_scenarios.caselaw import read_expected

    folder = Path(directory)
    rows = read_expected(expected_csv)
    with Path(expected_csv).open(encoding="utf-8", newline="") as handle:
        people = {r.get("file", ""): _person(r) for r in csv.DictReader(handle)}
    groups_path = folder / GROUPS_FILE
    if groups_path.is_file():
        people.update(_groups_text(groups_path.read_text(encoding="utf-8")))
    result = []
    for row in rows:
        path = folder / row.file
        if not path.is_file():
            continue
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


@cache
def cached_leave_one_out() -> LeaveOneOut:
    """:func:`leave_one_out` on the shipped decisions, worked out once per process."""
    return leave_one_out()


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else "-"


def calibration_lines(result: LeaveOneOut | None = None) -> list[str]:
    """The nearest-decisions figure, as lines for ``compare --calibration``."""
    r = leave_one_out() if result is None else result
    return [
        f"Nearest published decisions (leave one out, {r.neighbours} nearest others, "
        "the same person's decisions left out)",
        "    Each encoded decision is given the outcome most of its nearest other decisions",
        "    hold (ranked on facts only; a tie goes to the nearest): a second opinion.",
        f"    {'':<24}{'same outcome':>16}  {'deleted/kept':>16}",
        f"    {'nearest decisions':<24}{_ratio(r.agreements, r.cases):>16}  "
        f"{_ratio(r.deletion_agreements, r.cases):>16}",
        f"    {'always deleted':<24}{_ratio(r.always_deleted, r.cases):>16}  "
        f"{_ratio(r.always_deleted, r.cases):>16}",
    ]
