"""The closed vocabularies of scenario format 1 (``SCENARIO_FORMAT.md``).

Each vocabulary is a tuple in a teaching order. This is the one home of every id the format
and the outputs use. How an id is displayed is presentation, not law: the display words are
in :mod:`diffusion_scenarios._render.wording` (and the few the engine writes into its own
sentences in :mod:`diffusion_scenarios._engine.words`).
"""

from __future__ import annotations

# The grounds (vocabulary G) are declared once, with their labels, remedy, screening and
# family, in data/rules/grounds.yaml (read by _law.grounds); named here with the others.
from diffusion_scenarios._law.grounds import GROUND_IDS as GROUND_IDS
from diffusion_scenarios._law.grounds import GROUND_LABELS as GROUND_LABELS
from diffusion_scenarios._law.grounds import GROUND_SHORT_LABELS as GROUND_SHORT_LABELS
from diffusion_scenarios._law.outcomes import OUTCOME_IDS

FORMAT_VERSION = 1

NOTICE_KINDS = ("diffusion", "red_notice")
PURPOSES = ("arrest", "locate", "information")
STAGES = ("prosecution", "sentence")
REFUGEE_STATUSES = ("recognised", "asylum_seeker", "refused", "revoked")

PROFILES = (
    "politician",
    "opposition_figure",
    "former_official",
    "public_official",
    "journalist",
    "activist",
    "human_rights_defender",
    "businessperson",
    "military",
    "religious_figure",
    "ethnic_or_religious_minority",
    "other",
)

# INTERPOL's five working regions plus the two European groupings (vocabulary R).
INTERPOL_REGIONS = (
    "africa",
    "americas",
    "asia_south_pacific",
    "europe",
    "middle_east_north_africa",
)
REGIONS = ("all", *INTERPOL_REGIONS, "eu", "schengen")

# The offences (vocabulary O), each with the family it is compared in when cases are
# matched by their facts (None: in no family).
_ECONOMIC = "economic or property offence"
_VIOLENT = "violent or terrorist offence"
_DRUGS = "drugs or organised crime"
_SPEECH = "speech, protest, morals or military offence"
OFFENCE_FAMILIES: dict[str, str | None] = {
    "fraud": _ECONOMIC,
    "embezzlement": _ECONOMIC,
    "money_laundering": _ECONOMIC,
    "corruption": _ECONOMIC,
    "abuse_of_office": _ECONOMIC,
    "tax_offence": _ECONOMIC,
    "unfunded_cheque": _ECONOMIC,
    "bankruptcy_offence": _ECONOMIC,
    "theft": _ECONOMIC,
    "violence": _VIOLENT,
    "homicide": _VIOLENT,
    "sexual_offence": _VIOLENT,
    "drug_trafficking": _DRUGS,
    "drug_possession": _DRUGS,
    "terrorism": _VIOLENT,
    "organised_crime": _DRUGS,
    "cybercrime": _ECONOMIC,
    "defamation": _SPEECH,
    "insult_to_authority": _SPEECH,
    "adultery_or_morality": _SPEECH,
    "blasphemy_or_apostasy": _SPEECH,
    "desertion_or_military": _SPEECH,
    "unauthorised_protest": _SPEECH,
    "other": None,
}
OFFENCES = tuple(OFFENCE_FAMILIES)

ORIGINS = (
    "none",
    "commercial_dispute",
    "private_dispute",
    "family_matter",
    "administrative_breach",
)

POLITICAL_INDICATORS = (
    "critic_of_government",
    "political_opponent_or_rival",
    "former_official_of_ousted_regime",
    "prosecution_follows_political_activity",
    "election_period",
    "state_is_party_to_dispute",
    "assets_taken_by_state_or_officials",
    "other_politically_motivated_cases",
    "third_state_found_political",
    "offence_is_political_by_nature",
    # issue 20 point 14: the person is targeted because of a relative's politics (RPD
    # Art 34(3)(b), the status of the persons concerned)
    "targeted_for_relatives_politics",
)

PURPOSE_DEFECTS = (
    "wanted_for_questioning_only",
    "early_investigation_stage",
    "proceedings_transferred_elsewhere",
    "already_tried_for_same_acts",
    "location_known_and_no_extradition_sought",
)

HUMAN_RIGHTS_CONCERNS = (
    "torture_or_ill_treatment_risk",
    "death_penalty",
    "unfair_trial",
    "detention_conditions",
    "court_found_persecution",
)

FINAL_JUDGMENT_RESULTS = ("acquitted", "convicted_served", "convicted_pending")
CIVIL_OUTCOMES = ("in_favour_of_person", "against_person", "pending")
EXTRADITION_OUTCOMES = ("refused", "granted", "pending")
EXTRADITION_GROUNDS = (
    "political",
    "human_rights",
    "fair_trial",
    "procedural",
    "nationality",
    "dual_criminality",
    "limitation",
    "insufficient_evidence",
    "ne_bis_in_idem",
    "other",
)
CCF_OUTCOMES = OUTCOME_IDS  # declared, with their words, in data/rules/outcomes.yaml
CHALLENGE_REQUESTS = ("access", "deletion", "correction", "revision")

# Output vocabularies.
ARREST_RISKS = ("high", "medium", "low", "none")
STRENGTHS = ("strong", "arguable", "weak")
PREDICTIONS = CCF_OUTCOMES
VERIFICATION = ("primary", "secondary", "unverified")
