"""The grounds the engine's rules find, each named once (ids: ``data/rules/grounds.yaml``).

The catalogue declares what a ground is; the rules in this package and in
``_engine/protection.py`` and ``_engine/ne_bis.py`` decide how strongly it applies to the
facts, and name it by one of these constants rather than by a string typed again at each
finding. Each is checked against the catalogue when the engine loads: a ground the rules
find but the catalogue does not declare stops the import, naming it.
"""

from __future__ import annotations

from diffusion_scenarios._law.grounds import GROUNDS
from diffusion_scenarios.errors import ReferenceDataError

__all__ = [
    "ADMINISTRATIVE_BREACH",
    "ARTICLE2_HUMAN_RIGHTS",
    "ARTICLE3_MILITARY",
    "ARTICLE3_POLITICAL",
    "ARTICLE3_RACIAL",
    "ARTICLE3_RELIGIOUS",
    "BEHAVIOURAL_NORMS",
    "DATA_ACCURACY",
    "EXTRADITION_REFUSED",
    "FAIR_TRIAL",
    "FAMILY_MATTER",
    "INSUFFICIENT_JUDICIAL_DATA",
    "INTERNATIONAL_INTEREST",
    "LACK_OF_EXTRADITION_ACTION",
    "LIMITATION_EXPIRED",
    "NCB_NON_COOPERATION",
    "PENALTY_THRESHOLD",
    "PRIVATE_DISPUTE",
    "PURPOSE_INVALID",
    "REFUGEE_STATUS",
    "WARRANT_INVALID",
]


def _declared(ground_id: str) -> str:
    if ground_id not in GROUNDS:
        raise ReferenceDataError(
            f"the engine finds the ground '{ground_id}', which data/rules/grounds.yaml does not "
            "declare"
        )
    return ground_id


ARTICLE3_POLITICAL = _declared("article3_political")
ARTICLE3_MILITARY = _declared("article3_military")
ARTICLE3_RELIGIOUS = _declared("article3_religious")
ARTICLE3_RACIAL = _declared("article3_racial")
ARTICLE2_HUMAN_RIGHTS = _declared("article2_human_rights")
FAIR_TRIAL = _declared("fair_trial")
PRIVATE_DISPUTE = _declared("private_dispute")
FAMILY_MATTER = _declared("family_matter")
BEHAVIOURAL_NORMS = _declared("behavioural_norms")
ADMINISTRATIVE_BREACH = _declared("administrative_breach")
PENALTY_THRESHOLD = _declared("penalty_threshold")
INSUFFICIENT_JUDICIAL_DATA = _declared("insufficient_judicial_data")
DATA_ACCURACY = _declared("data_accuracy")
REFUGEE_STATUS = _declared("refugee_status")
EXTRADITION_REFUSED = _declared("extradition_refused")
LACK_OF_EXTRADITION_ACTION = _declared("lack_of_extradition_action")
LIMITATION_EXPIRED = _declared("limitation_expired")
WARRANT_INVALID = _declared("warrant_invalid")
INTERNATIONAL_INTEREST = _declared("international_interest")
PURPOSE_INVALID = _declared("purpose_invalid")
NCB_NON_COOPERATION = _declared("ncb_non_cooperation")
