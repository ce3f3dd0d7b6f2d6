"""The closed vocabularies of scenario format 1 (``SCENARIO_FORMAT.md``).

Each vocabulary is a tuple in a teaching order. This is the one home of every id the format
and the outputs use. How an id is displayed is presentation, not law: the display words are
in :mod:`diffusion_scenarios._render.wording` (and the few the engine writes into its own
sentences in :mod:`diffusion_scenarios._engine.words`).
"""

from __future__ import annotations

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

OFFENCES = (
    "fraud",
    "embezzlement",
    "money_laundering",
    "corruption",
    "abuse_of_office",
    "tax_offence",
    "unfunded_cheque",
    "bankruptcy_offence",
    "theft",
    "violence",
    "homicide",
    "sexual_offence",
    "drug_trafficking",
    "drug_possession",
    "terrorism",
    "organised_crime",
    "cybercrime",
    "defamation",
    "insult_to_authority",
    "adultery_or_morality",
    "blasphemy_or_apostasy",
    "desertion_or_military",
    "unauthorised_protest",
    "other",
)

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
CCF_OUTCOMES = ("not_compliant", "compliant_with_update", "compliant")
CHALLENGE_REQUESTS = ("access", "deletion", "correction", "revision")

# Output vocabularies.
ARREST_RISKS = ("high", "medium", "low", "none")
STRENGTHS = ("strong", "arguable", "weak")
PREDICTIONS = CCF_OUTCOMES
VERIFICATION = ("primary", "secondary", "unverified")

# --- The grounds (vocabulary G): each id once, with its two labels ---------------------------
#
# (id, the label a ground carries in an assessment and in every memo, the short label a learner
# chooses from in an exercise). The order is the teaching order of vocabulary G.
_GROUNDS: tuple[tuple[str, str, str], ...] = (
    (
        "article3_political",
        "Political character of the case (Article 3 of the Constitution)",
        "Article 3: predominantly political",
    ),
    (
        "article3_military",
        "Military character of the case (Article 3 of the Constitution)",
        "Article 3: military character",
    ),
    (
        "article3_religious",
        "Religious character of the case (Article 3 of the Constitution)",
        "Article 3: religious character",
    ),
    (
        "article3_racial",
        "Racial or ethnic character of the case (Article 3 of the Constitution)",
        "Article 3: racial character",
    ),
    (
        "article2_human_rights",
        "Human rights (Article 2 of the Constitution)",
        "Article 2: human rights",
    ),
    (
        "fair_trial",
        "Fair trial and due process (Article 2 of the Constitution)",
        "Fair trial concerns",
    ),
    (
        "private_dispute",
        "A private or commercial dispute, not a serious ordinary-law crime",
        "Private or commercial dispute",
    ),
    (
        "family_matter",
        "A family matter, excluded from red notices",
        "Family or private matter",
    ),
    (
        "behavioural_norms",
        "An offence about behavioural or cultural norms, excluded",
        "Offence against behavioural or cultural norms",
    ),
    (
        "administrative_breach",
        "A breach of administrative rules, excluded",
        "Breach of administrative rules",
    ),
    (
        "penalty_threshold",
        "The minimum penalty for an arrest request is not met",
        "Below the penalty threshold",
    ),
    (
        "insufficient_judicial_data",
        "The summary of facts does not describe the person's own acts",
        "Judicial data do not describe the person's role",
    ),
    (
        "data_accuracy",
        "The record is inaccurate or out of date and must be updated",
        "Data inaccurate or out of date",
    ),
    (
        "refugee_status",
        "Refugee status against the country of feared persecution",
        "Refugee protection",
    ),
    (
        "extradition_refused",
        "Extradition has been refused by another country",
        "Extradition refused on shared principles",
    ),
    (
        "lack_of_extradition_action",
        "The requesting country does not seek extradition",
        "Requesting state does not seek extradition",
    ),
    (
        "limitation_expired",
        "The case is time-barred in the requesting country",
        "Time-barred in the requesting state",
    ),
    (
        "warrant_invalid",
        "No valid arrest warrant or court decision behind the request",
        "No valid warrant or court decision",
    ),
    (
        "international_interest",
        "Not serious enough, or of no real interest, for international police cooperation",
        "No international interest or seriousness",
    ),
    (
        "purpose_invalid",
        "The request does not serve a lawful police-cooperation purpose",
        "No legitimate purpose",
    ),
    (
        "ncb_non_cooperation",
        "The source NCB does not answer the CCF",
        "Source NCB does not answer the CCF",
    ),
)
GROUND_IDS: tuple[str, ...] = tuple(ground for ground, _, _ in _GROUNDS)
#: The label of each ground in an assessment (``Ground.label``) and in the memos.
GROUND_LABELS: dict[str, str] = {ground: label for ground, label, _ in _GROUNDS}
#: A short label for each ground, for choosing in an exercise (``exercises.GROUND_LABELS``).
GROUND_SHORT_LABELS: dict[str, str] = {ground: short for ground, _, short in _GROUNDS}
