"""Grounds for deletion: which apply to the facts, how strongly, and on which rule.

:func:`evaluate_grounds` runs the substantive rules in the order a lawyer would raise them
and returns every ground that applies at some strength (``strong``, ``arguable`` or
``weak``), strongest first, each with its plain-words label, its reasons naming the facts,
and the catalogue rules it rests on; plus the ordered trace and the unknown facts the
answer depends on.

The rules live in small modules shaped like the law (a general rule, then its exceptions):

* :mod:`.article3` — Article 3, the predominance test (political, military, religious,
  racial).
* :mod:`.exclusions` — RPD Art 83: excluded categories (private disputes, family matters,
  norm-based offences, administrative breaches), unfunded cheques, penalty thresholds,
  judicial data.
* :mod:`..protection` — refugee status, Article 2 human rights, fair trial, refused
  extradition.
* this module — the purpose of the alert (questioning only, transfer, ne bis in idem, no
  extradition sought), the judicial basis (warrant, limitation), the source's cooperation
  with the CCF, earlier decisions, co-accused, and a diffusion sent after a refused red
  notice; then it merges the findings. A request only to locate the person or for
  information needs no arrest warrant, so its validity is never named as an open question
  there.

Each ground also has a category (``findings.ground_category``): most call for deletion;
``data_accuracy`` and ``extradition_refused`` call for the record to be corrected, and the
reports list them under a heading of their own.

Two principles hold throughout:

* **Same standards for diffusions (DF-4, df-4-same-standards).** No rule looks at
  ``notice.kind``, except where the RPD itself distinguishes: a diffusion sent after a red
  notice on the same facts was refused (DF-12); the red notice's penalty thresholds, which a
  diffusion is not held to (Arts 97(2), 99(3)(c); DF-14); and the withdrawal article cited
  once the purpose is achieved (Art 81 for a notice, Art 100(3) for a diffusion; DF-18).
* **The rules in force on the day assessed.** Every dated rule is looked up in the
  catalogue for ``on``; facts dated after ``on`` (an extradition decision, an earlier CCF
  decision, a refusal at screening) are left out.

Strength of several findings for one ground: the strongest wins, every reason is kept.
Two findings raise weak grounds to arguable — the co-accused's data already deleted
(ccf-practice-consistency, an unverified modelling assumption) and a red notice on the same
facts refused before the diffusion (diffusion-after-refused-red-notice): each tells the CCF
that a reviewer already found something wrong with the same facts, without saying what.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine.assessment import Ground, Reason, TraceEntry, Unknown
from diffusion_scenarios._engine.grounds.article3 import evaluate_article3
from diffusion_scenarios._engine.grounds.exclusions import evaluate_exclusions
from diffusion_scenarios._engine.grounds.findings import (
    DELETION_GROUNDS,
    GROUND_LABELS,
    RANK,
    Collector,
    Finding,
    purpose_achieved,
)
from diffusion_scenarios._engine.grounds.ids import (
    INTERNATIONAL_INTEREST,
    LACK_OF_EXTRADITION_ACTION,
    LIMITATION_EXPIRED,
    NCB_NON_COOPERATION,
    PURPOSE_INVALID,
    WARRANT_INVALID,
)
from diffusion_scenarios._engine.ne_bis import evaluate_ne_bis
from diffusion_scenarios._engine.protection import evaluate_protection
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.grounds import GROUND_IDS, SCREENED_GROUNDS

__all__ = ["SCREENED_GROUNDS", "GroundsResult", "evaluate_grounds", "ground_label"]

Date = _dt.date


@dataclass(frozen=True, slots=True, kw_only=True)
class GroundsResult:
    """The grounds for deletion found on one scenario on one day.

    Attributes:
        grounds: every ground that applies at some strength, strongest first, then in the
            order of vocabulary G.
        trace: the ordered (rule, facts used, result) entries of the reasoning.
        depends_on: unknown facts the answer depends on, in plain words naming the field.
    """

    grounds: tuple[Ground, ...]
    trace: tuple[TraceEntry, ...]
    depends_on: tuple[Unknown, ...]

    def ground(self, ground_id: str) -> Ground | None:
        """The ground with this id, or ``None`` if it does not apply."""
        for g in self.grounds:
            if g.id == ground_id:
                return g
        return None


def ground_label(ground_id: str) -> str:
    """The plain-words label of a ground id (vocabulary G).

    Example:
        >>> ground_label("private_dispute")
        'A private or commercial dispute, not a serious ordinary-law crime'
    """
    return GROUND_LABELS[ground_id]


# ------------------------------------------------------------------ purpose of the alert
def _purpose(scenario: Scenario, collector: Collector) -> None:
    case = scenario.case
    purpose = scenario.notice.purpose or "arrest"
    defects = set(case.purpose_defects)
    facts: list[tuple[str, object]] = [
        ("case.purpose_defects", case.purpose_defects),
        ("notice.purpose", scenario.notice.purpose),
    ]
    arrest_rules = ("rpd-82-red-notice-purpose", "rpd-10-purposes")
    if "wanted_for_questioning_only" in defects:
        if purpose == "arrest":
            collector.find(
                PURPOSE_INVALID,
                "strong",
                "The person is wanted only for questioning. An arrest request must rest on a "
                "warrant for prosecution or for serving a sentence; questioning is a matter for "
                "mutual legal assistance or a request to locate.",
                arrest_rules,
                facts,
            )
        else:
            collector.note(
                "rpd-10-purposes",
                facts,
                "The person is wanted for questioning, "
                "and the request asks only to locate or inform, which is a lawful "
                "police-cooperation purpose.",
            )
    if "early_investigation_stage" in defects and purpose == "arrest":
        collector.find(
            PURPOSE_INVALID,
            "arguable",
            "The case is at an early stage of investigation; an arrest request is meant for a "
            "person wanted for trial or to serve a sentence, and the CCF will ask whether "
            "charges exist.",
            arrest_rules,
            facts,
        )
    if "proceedings_transferred_elsewhere" in defects:
        collector.find(
            PURPOSE_INVALID,
            "strong",
            "The proceedings have been transferred to another country, so the requesting state "
            "no longer prosecutes and the alert has lost its purpose.",
            ("ccf-practice-ne-bis-in-idem", "rpd-10-purposes"),
            facts,
        )
    if "already_tried_for_same_acts" in defects:
        collector.find(
            PURPOSE_INVALID,
            "arguable",
            "The person has already been tried for the same acts elsewhere (ne bis in idem). "
            "There is no general rule of international ne bis in idem, and no RPD article "
            "deals with a final judgment given abroad: whether the CCF treats it as a "
            "question of the alert's purpose, of data quality (Art 12) or of interest (Art "
            "35) is unverified. Its published decisions on the point kept the data with an "
            "update in two cases and deleted them in a third, and a reported summary says a "
            "dismissal abroad for lack of evidence was not treated as such a judgment.",
            ("ccf-practice-ne-bis-in-idem", "ne-bis-rpd-hooks", "rpd-10-purposes"),
            facts,
        )
    _purpose_achieved(scenario, collector)
    sought = case.requesting_state_sought_extradition
    no_action = sought is False or "location_known_and_no_extradition_sought" in defects
    if purpose == "arrest" and no_action:
        collector.find(
            LACK_OF_EXTRADITION_ACTION,
            "arguable",
            "A wanted-person alert exists to arrest someone with a view to extradition, and "
            "the requesting NCB must have given assurances that it will seek extradition once "
            "the person is arrested (Art 84(b)). The requesting state knows where the person "
            "is and has not asked that country to extradite, which suggests the alert is not "
            "being used for its purpose.",
            ("ccf-practice-extradition-action", "rpd-84-assurances", "rpd-82-red-notice-purpose"),
            [*facts, ("case.requesting_state_sought_extradition", sought)],
        )
    elif purpose == "arrest" and sought is True:
        collector.note(
            "ccf-practice-extradition-action",
            [("case.requesting_state_sought_extradition", True)],
            "The requesting state has asked for extradition, which answers any objection that "
            "it does not act on the alert.",
        )


def _purpose_achieved(scenario: Scenario, collector: Collector) -> None:
    """A served sentence, or a person already located on a request to locate: the purpose
    is achieved and the source must withdraw the data (issue 20 points 1 and 11)."""
    how = purpose_achieved(scenario)
    if how is None:
        return
    case = scenario.case
    diffusion = scenario.notice.kind == "diffusion"
    withdrawal = (
        ("rpd-100-diffusion-withdrawal", "rpd-data-quality")
        if diffusion
        else ("red-notice-purpose-achieved", "rpd-81-withdrawal", "rpd-data-quality")
    )
    duty = (
        "the sending NCB must tell the recipients and the General Secretariat that the "
        "diffusion is withdrawn (RPD Art 100(3))"
        if diffusion
        else "the requesting NCB must withdraw the notice and the General Secretariat "
        "cancels it if it does not (RPD Art 81(2)-(3))"
    )
    if how == "sentence_served":
        facts: list[tuple[str, object]] = [
            ("case.stage", case.stage),
            ("case.sentence_months", case.sentence_months),
            ("case.remaining_months", case.remaining_months),
        ]
        reason = (
            "Nothing remains of the sentence: it has been served in full, so the purpose of a "
            "request to find the person for its enforcement has been achieved. Once the "
            f"purpose is achieved {duty}, and data kept after that are no longer up to date "
            "(RPD Art 12)."
        )
    else:
        facts = [
            ("notice.purpose", scenario.notice.purpose),
            ("case.purpose_defects", case.purpose_defects),
        ]
        reason = (
            "The request asks only to locate the person, and the requesting state already "
            f"knows where the person is: the purpose has been achieved, so {duty}."
        )
    strength = "strong"
    if not collector.applies(withdrawal[0]):
        strength = "arguable"
        reason += (
            " Before the RPD applied the older rules' wording on withdrawal is not "
            "established, so the ground is kept at arguable."
        )
    collector.find(PURPOSE_INVALID, strength, reason, withdrawal, facts)


def _judicial_basis(scenario: Scenario, collector: Collector) -> None:
    case = scenario.case
    warrant = case.arrest_warrant
    if warrant is not None and warrant.valid is False:
        collector.find(
            WARRANT_INVALID,
            "strong",
            "The arrest warrant or court decision behind the request has been withdrawn, "
            "quashed or has expired; without a valid judicial basis the data cannot stay.",
            ("red-notice-judicial-basis",),
            [("case.arrest_warrant.valid", False)],
        )
    elif (
        warrant is not None
        and warrant.issued_on is not None
        and warrant.issued_on > scenario.notice.issued_on
    ):
        collector.find(
            WARRANT_INVALID,
            "arguable",
            f"The warrant is dated {warrant.issued_on.isoformat()}, after the request was sent "
            f"on {scenario.notice.issued_on.isoformat()}: the request had no judicial basis "
            "when it went out.",
            ("red-notice-judicial-basis",),
            [
                ("case.arrest_warrant.issued_on", warrant.issued_on),
                ("notice.issued_on", scenario.notice.issued_on),
            ],
        )
    if case.limitation_expired is True:
        collector.find(
            LIMITATION_EXPIRED,
            "strong",
            "Prosecution or enforcement is time-barred in the requesting state, so the alert "
            "can no longer lead to a lawful arrest, its purpose has gone and the conditions "
            "for keeping it are no longer met (Art 81(2)).",
            ("red-notice-purpose-achieved", "rpd-81-withdrawal", "rpd-10-purposes"),
            [("case.limitation_expired", True)],
        )


def _cooperation_and_history(scenario: Scenario, collector: Collector) -> None:
    case = scenario.case
    challenge = scenario.challenge
    if challenge is not None and challenge.ncb_responds is False:
        in_force = collector.applies("ccf-ncb-no-answer")
        collector.find(
            NCB_NON_COOPERATION,
            "strong" if in_force else "arguable",
            "The source NCB does not answer the CCF's questions; the CCF then cannot confirm "
            "that the data comply and has them deleted"
            + (
                "."
                if in_force
                else " (a practice reported from the CCF's 2017 Statute on; "
                "before it the outcome is less certain)."
            ),
            ("ccf-ncb-no-answer",),
            [("challenge.ncb_responds", False)],
        )
    false_countries = [code for code, ok in case.dual_criminality if ok is False]
    if false_countries:
        collector.find(
            INTERNATIONAL_INTEREST,
            "arguable" if len(false_countries) >= 3 else "weak",
            f"The conduct is not a crime in {len(false_countries)} of the countries checked "
            f"({', '.join(false_countries)}); the less other countries treat it as a crime, the "
            "weaker its international interest.",
            ("rpd-international-interest",),
            [("case.dual_criminality", tuple(false_countries))],
        )
    prior = case.prior_ccf_decision
    if prior is not None and (prior.date is None or prior.date <= collector.on):
        facts: list[tuple[str, object]] = [
            ("case.prior_ccf_decision.outcome", prior.outcome),
            ("case.prior_ccf_decision.date", prior.date),
        ]
        if prior.outcome == "not_compliant":
            collector.find(
                PURPOSE_INVALID,
                "arguable",
                "The CCF has already found data on the same facts non-compliant, and its "
                "decisions bind INTERPOL; recording the same data again without new facts is "
                "hard to justify. The rule on re-recording after a deletion is unverified.",
                ("ccf-decisions-binding", "ccf-reissuance"),
                facts,
            )
        elif prior.outcome == "compliant":
            collector.note(
                "ccf-decisions-binding",
                facts,
                "The CCF has already found the data compliant; its decision is final, so a new "
                "challenge needs a newly discovered fact, and a ground counts only if it rests "
                "on facts the CCF did not have.",
            )
        elif prior.outcome == "compliant_with_update":
            collector.note(
                "ccf-decisions-binding",
                facts,
                "The CCF has already kept the data with an update; a new challenge needs new "
                "facts.",
            )


def _uplift(collector: Collector, rule: str, reason: str) -> int:
    """Raise weak deletion grounds to arguable, for a reason; returns how many were raised."""
    raised = 0
    for ground in GROUND_IDS:
        if ground in DELETION_GROUNDS and collector.strength_of(ground) == RANK["weak"]:
            collector.find(ground, "arguable", reason, (rule,), [])
            raised += 1
    return raised


def _signals_from_elsewhere(scenario: Scenario, collector: Collector) -> None:
    notice = scenario.notice
    refused_on = notice.red_notice_refused_on
    if refused_on is not None and refused_on <= collector.on:
        facts: list[tuple[str, object]] = [
            ("notice.red_notice_refused_on", refused_on),
            ("notice.kind", notice.kind),
            ("notice.issued_on", notice.issued_on),
        ]
        if notice.kind == "diffusion" and refused_on <= notice.issued_on:
            collector.find(
                PURPOSE_INVALID,
                "arguable",
                f"A red notice on the same facts was refused at screening on "
                f"{refused_on.isoformat()}, and this diffusion was sent afterwards: the direct "
                "channel was used to get round the General Secretariat's review. INTERPOL has "
                "deleted such diffusions on its own initiative in reported cases.",
                ("diffusion-after-refused-red-notice", "df-4-same-standards"),
                facts,
            )
            _uplift(
                collector,
                "diffusion-after-refused-red-notice",
                "A red notice on the same facts was refused at screening. The grounds of that "
                "refusal are not known, but the same facts failed the review once, which "
                "strengthens this ground.",
            )
        else:
            collector.note(
                "diffusion-after-refused-red-notice",
                facts,
                "A red notice on the same facts was refused at screening; the grounds of the "
                "refusal are not known, and the refusal did not come before this request.",
            )
    if scenario.case.co_accused_deleted is True:
        raised = _uplift(
            collector,
            "ccf-practice-consistency",
            "Data on co-accused in the same case have already been deleted; the same facts "
            "should be treated alike, which strengthens this ground (a modelling assumption: "
            "no source states the rule, and why the co-accused's data went is not known).",
        )
        collector.note(
            "ccf-practice-consistency",
            [("case.co_accused_deleted", True)],
            f"The co-accused's data were deleted; {raised} weak ground(s) raised to arguable. "
            "The outcome stage also counts this as support for deletion.",
        )
        collector.depends(
            "why the co-accused's data were deleted (the grounds of that decision are not in "
            "the facts)"
        )


def _general_unknowns(scenario: Scenario, collector: Collector) -> None:
    """Unknown facts that could each lead to deletion, when nothing strong is found yet."""
    if any(RANK[f.strength] == 3 and f.ground in DELETION_GROUNDS for f in collector.findings):
        return
    case = scenario.case
    if case.summary_names_person_role is None:
        collector.depends(
            "whether the requesting state's summary of facts describes the person's own acts "
            "(case.summary_names_person_role)",
            "case.summary_names_person_role",
            question="whether the requesting state's summary of facts describes the person's "
            "own acts",
        )
    # A request only to locate the person or for information needs no arrest warrant
    # (point 10 of the practitioner review): its validity is not an open question there.
    wants_arrest = (scenario.notice.purpose or "arrest") == "arrest"
    if wants_arrest and (case.arrest_warrant is None or case.arrest_warrant.valid is None):
        collector.depends(
            "whether the arrest warrant is still valid (case.arrest_warrant.valid)",
            "case.arrest_warrant.valid",
            question="whether the arrest warrant is still valid",
        )
    if scenario.challenge is None or scenario.challenge.ncb_responds is None:
        collector.depends(
            "whether the source NCB answers the CCF's questions (challenge.ncb_responds)",
            "challenge.ncb_responds",
            question="whether the source NCB answers the CCF's questions",
        )


def _merge(findings: list[Finding]) -> tuple[Ground, ...]:
    by_ground: dict[str, list[Finding]] = {}
    for f in findings:
        by_ground.setdefault(f.ground, []).append(f)
    grounds: list[Ground] = []
    for ground_id in GROUND_IDS:
        found = by_ground.get(ground_id)
        if not found:
            continue
        ordered = sorted(found, key=lambda f: -RANK[f.strength])  # stable: keeps rule order
        said: dict[str, Reason] = {}  # one reason per sentence, with its facts and rules
        for f in ordered:
            said.setdefault(f.reason, Reason(f.reason, fields=f.fields, rules=f.citations))
        grounds.append(
            Ground(
                id=ground_id,
                strength=ordered[0].strength,
                label=GROUND_LABELS[ground_id],
                why=tuple(said.values()),
                citations=tuple(dict.fromkeys(c for f in ordered for c in f.citations)),
            )
        )
    order = {g: i for i, g in enumerate(GROUND_IDS)}
    grounds.sort(key=lambda g: (-RANK[g.strength], order[g.id]))
    return tuple(grounds)


def _evaluate(scenario: Scenario, on: Date) -> GroundsResult:
    collector = Collector(scenario, on)
    if scenario.notice.kind == "diffusion":
        collector.note(
            "df-4-same-standards",
            [("notice.kind", "diffusion")],
            "This is a diffusion: the same rules apply as to a red notice, so the grounds "
            "below are assessed exactly as they would be for a red notice.",
        )
    evaluate_article3(scenario, collector)
    evaluate_exclusions(scenario, collector)
    evaluate_protection(scenario, collector)
    _purpose(scenario, collector)
    evaluate_ne_bis(scenario, collector)  # case.final_judgment (NBI-1..8): see _engine/ne_bis.py
    _judicial_basis(scenario, collector)
    _cooperation_and_history(scenario, collector)
    _signals_from_elsewhere(scenario, collector)
    _general_unknowns(scenario, collector)
    return GroundsResult(
        grounds=_merge(collector.findings),
        trace=tuple(collector.trace),
        depends_on=collector.depends_on,
    )


_cached = lru_cache(maxsize=512)(_evaluate)


def evaluate_grounds(scenario: Scenario, on: Date) -> GroundsResult:
    """The grounds for deletion that apply to ``scenario`` under the rules in force on ``on``.

    Pure: the same facts and day always give the same result (results are cached).

    Args:
        scenario: the facts, as loaded or built in code (``None`` fields are unknown).
        on: the day assessed; the rules in force that day apply.

    Returns:
        The grounds (strongest first), the trace of the reasoning and the unknown facts the
        answer depends on.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios._facts.scenario import Case, Notice, Scenario
        >>> facts = Scenario(id="custody", notice=Notice(kind="red_notice",
        ...     requesting_country="BRA", issued_on=datetime.date(2023, 2, 15)),
        ...     case=Case(origin="family_matter", offence="other"))
        >>> result = evaluate_grounds(facts, datetime.date(2025, 6, 30))
        >>> [(g.id, g.strength) for g in result.grounds][:1]
        [('family_matter', 'strong')]
    """
    try:
        return _cached(scenario, on)
    except TypeError:  # an unhashable value built in code: evaluate without the cache
        return _evaluate(scenario, on)
