"""The grounds a draft argues, in order, and the documents each calls for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffusion_scenarios._engine.stage import long_date
from diffusion_scenarios._law.vocab import GROUND_LABELS
from diffusion_scenarios._render.draft_words import (
    draft_country,
)

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment, Ground
    from diffusion_scenarios._facts.scenario import Scenario


_GROUND_ORDER = {"strong": 0, "arguable": 1, "weak": 2}


def argued_grounds(assessment: Assessment) -> tuple[Ground, ...]:
    """The grounds to argue: every strong or arguable one, Article 3 first when it is among
    them (the CCF examines the political character before the rest), then the strongest."""
    chosen = [g for g in assessment.grounds if g.strength in ("strong", "arguable")]
    order = {g.id: i for i, g in enumerate(assessment.grounds)}
    return tuple(
        sorted(
            chosen,
            key=lambda g: (
                not g.id.startswith("article3_"),
                _GROUND_ORDER.get(g.strength, 3),
                order[g.id],
            ),
        )
    )


#: The kinds of document a request attaches, in words (the drafting exercise offers these).
DOCUMENT_KINDS: dict[str, str] = {
    "identity": "an unredacted identity document of the applicant",
    "power_of_attorney": "the signed power of attorney (if represented)",
    "the_data": "any document showing the data (the notice or diffusion, the extract)",
    "political_evidence": "evidence of the applicant's political, religious, military or "
    "ethnic position (membership, public statements, press coverage) and reports on the "
    "treatment of people in that position in the requesting state",
    "rights_evidence": "court decisions, medical or NGO reports showing the risk of "
    "ill-treatment or the unfair trial",
    "in_absentia_judgment": "the judgment given in absentia and proof of how the applicant "
    "was (not) notified",
    "refugee_certificate": "the refugee certificate or decision granting protection",
    "extradition_refusal": "the decision refusing extradition",
    "residence_known": "proof that the requesting state knows where the applicant lives",
    "private_matter_papers": "contracts, civil judgments or settlement papers showing the "
    "private or minor nature of the matter",
    "family_court": "the family court's decisions (custody, divorce)",
    "national_case_papers": "the warrant, charging document or court decision, and the "
    "national law relied on",
    "correct_information": "documents proving the correct information",
    "final_judgment": "the final judgment given elsewhere for the same acts",
    "ncb_correspondence": "any correspondence with the source NCB",
    "translations": "certified translations into a working language of every document in "
    "another language",
}


#: Attached to every request, whatever its grounds.
ALWAYS_ATTACHED = ("identity", "power_of_attorney", "the_data")


def document_kinds(ground: Ground, scenario: Scenario | None) -> list[str]:
    """The kinds of document (keys of :data:`DOCUMENT_KINDS`) that ``ground`` calls for."""
    gid = ground.id
    case = scenario.case if scenario is not None else None
    kinds: list[str] = []
    if gid.startswith("article3_"):
        kinds.append("political_evidence")
    if gid in ("article2_human_rights", "fair_trial"):
        kinds.append("rights_evidence")
        if case is not None and case.in_absentia:
            kinds.append("in_absentia_judgment")
    if gid == "refugee_status":
        kinds.append("refugee_certificate")
    if gid == "extradition_refused":
        kinds.append("extradition_refusal")
    if gid == "lack_of_extradition_action":
        kinds.append("residence_known")
    if gid in ("private_dispute", "international_interest", "penalty_threshold"):
        kinds.append("private_matter_papers")
    if gid == "family_matter":
        kinds.append("family_court")
    if gid in ("warrant_invalid", "limitation_expired", "insufficient_judicial_data"):
        kinds.append("national_case_papers")
    if gid == "data_accuracy":
        kinds.append("correct_information")
    if gid == "purpose_invalid" and case is not None and case.final_judgment is not None:
        kinds.append("final_judgment")
    if gid == "ncb_non_cooperation":
        kinds.append("ncb_correspondence")
    return kinds


def documents_for(ground: Ground, scenario: Scenario | None) -> list[str]:
    """The documents ``ground`` calls for, in words, with the facts' names and dates."""
    docs: list[str] = []
    case = scenario.case if scenario is not None else None
    for kind in document_kinds(ground, scenario):
        if kind == "refugee_certificate":
            refugee = scenario.person.refugee_status if scenario is not None else None
            by = (
                draft_country(refugee.granted_by, scenario)
                if refugee and refugee.granted_by
                else "[granting state]"
            )
            when = long_date(refugee.granted_on) if refugee and refugee.granted_on else "[date]"
            docs.append(f"{DOCUMENT_KINDS[kind]} ({by}, {when})")
        elif kind == "extradition_refusal":
            refusals = [e for e in case.extradition if e.outcome == "refused"] if case else []
            if not refusals:
                docs.append(f"{DOCUMENT_KINDS[kind]} [court, date]")
            for e in refusals:
                when = long_date(e.date) if e.date else "[date]"
                where = draft_country(e.country, scenario)
                docs.append(f"{DOCUMENT_KINDS[kind]} ({where}, {when})")
        else:
            docs.append(DOCUMENT_KINDS[kind])
    if not docs:
        label = GROUND_LABELS.get(ground.id, ground.label or ground.id)
        docs.append(
            f"the documents that prove the facts relied on for: {label[:1].lower()}{label[1:]}"
        )
    return docs
