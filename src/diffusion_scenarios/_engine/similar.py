"""The published CCF decisions most like a case, and how far their outcomes can be trusted.

Each published decision is a :class:`~diffusion_scenarios._engine.profiles.Profile` of the
facts a lawyer compares first (``_engine/profiles.py``, which also reads the decisions and
their tags; its names are re-exported here). Comparing a case with all of them is a few
hundred arithmetic steps, so :func:`~diffusion_scenarios.assess` stays fast.

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
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine.profiles import (
    GROUPS_FILE,
    PROFILES_FILE,
    STRENGTH,
    DecisionProfile,
    Profile,
    build_profiles,
    decision_profiles,
    normalise_tag,
    profile_of,
    profiles_from_files,
    profiles_json,
    split_tags,
)
from diffusion_scenarios._engine.words import KIND_WORDS, OUTCOME_RESULTS
from diffusion_scenarios._law.vocab import GROUND_SHORT_LABELS

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Ground
    from diffusion_scenarios._facts.scenario import Scenario

__all__ = [
    "GROUPS_FILE",
    "PROFILES_FILE",
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

# A ground's strength (as a number, see profiles.STRENGTH) in words.
_STRENGTH_WORDS = {value: word for word, value in STRENGTH.items()}

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

_KIND_NAMES = {**KIND_WORDS, "other": "another kind of INTERPOL data"}

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
