"""The closed vocabularies of scenario format 1 (``SCENARIO_FORMAT.md``), and their words.

Each vocabulary is a tuple in a teaching order. This is the one home of every id the format
and the outputs use, and of the words each id is displayed in (one table per register, each
named by where it is used): renderers, charts, the explorer, the exercises and the case-law
tools import their words from here and never keep a copy.
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


# --- Display words ----------------------------------------------------------------------------
#
# The words each output vocabulary is shown in. Renderers write in different registers (a
# memo's headline, a terminal line, a chart legend, a choice in an exercise); each register
# is one table here, named by where it is used, so a wording is changed in one place and
# never drifts between two copies. The engine's own sentences are not here.

#: The notice kind in running text: "the red notice requested by ...". Every renderer.
KIND_WORDS: dict[str, str] = {"diffusion": "diffusion", "red_notice": "red notice"}

#: How the request was screened, as a memo states it (Markdown, HTML, Word).
SCREENING_WORDS: dict[str, str] = {
    "published": "reviewed by the General Secretariat before publication and published",
    "refused": "refused at the General Secretariat's review before publication",
    "not_screened": "sent directly by the national central bureau, without prior review",
    "pre_screened_reported": "checked by the General Secretariat before it went out, as "
    "reported (a special measure for this sending bureau)",
}
#: The same, in the shorter words of the plain-text report.
SCREENING_SHORT_WORDS: dict[str, str] = {
    "published": "reviewed before publication and published",
    "refused": "would be refused at the review before publication",
    "not_screened": "not screened before it circulated",
    "pre_screened_reported": "checked before it circulated, as reported",
}

#: The likely outcome as a memo's headline (Markdown, HTML, Word); ``not_predicted`` is the
#: key of an assessment with nothing on file (``Outcome.prediction_key``).
OUTCOME_HEADLINES: dict[str, str] = {
    "not_compliant": "Not compliant: the data would most likely be deleted",
    "compliant_with_update": (
        "Compliant with an update: the data would most likely be kept, with information "
        "added or corrected"
    ),
    "compliant": "Compliant: the data would most likely be kept as they are",
    "not_predicted": "No prediction: nothing is on file on the day assessed",
}
#: The likely outcome in the plain-text report ("On a request for deletion: ...").
OUTCOME_SENTENCES: dict[str, str] = {
    "not_compliant": "not compliant: the data would be deleted",
    "compliant_with_update": "compliant with an update: the data stay, corrected or completed",
    "compliant": "compliant: the data stay as they are",
    "not_predicted": "no prediction, as nothing is on file on the day assessed",
}
#: The likely outcome on the explorer's badge and in its hinges.
OUTCOME_BADGES: dict[str, str] = {
    "not_compliant": "not compliant: the data would be deleted",
    "compliant_with_update": "compliant with an update: kept, with information added or corrected",
    "compliant": "compliant: kept as it is",
    "not_predicted": "no prediction: nothing on file on the day assessed",
}
#: An outcome with its effect in brackets, inside a sentence of the Word memo
#: ("Not compliant (deleted): about 70%").
OUTCOME_BRACKETED: dict[str, str] = {
    "not_compliant": "not compliant (deleted)",
    "compliant_with_update": "compliant with an update (kept, with information added or corrected)",
    "compliant": "compliant (kept as they are)",
}
#: What each CCF decision means, as a choice in an exercise (``exercises.OUTCOME_LABELS``).
OUTCOME_CHOICES: dict[str, str] = {
    "not_compliant": "Not compliant: the data are deleted",
    "compliant_with_update": "Compliant with an update: kept, corrected or completed",
    "compliant": "Compliant: kept as they are",
}
#: What became of the data, in one word or three (the case-law comparison table).
OUTCOME_RESULTS: dict[str, str] = {
    "not_compliant": "deleted",
    "compliant_with_update": "kept with an update",
    "compliant": "kept",
}
#: What the CCF did, after "the CCF ..." (the case-law discussion).
OUTCOME_DECIDED: dict[str, str] = {
    "not_compliant": "had the data deleted",
    "compliant_with_update": "kept the data with an update",
    "compliant": "kept the data as they were",
}
#: What the model predicts, after "the model predicts ..." (the case-law discussion).
OUTCOME_PREDICTED: dict[str, str] = {
    "not_compliant": "deletion",
    "compliant_with_update": "keeping them with an update",
    "compliant": "keeping them as they are",
}
#: A decision's outcome in the case-law index and its chart legend; ``unknown`` is a
#: decision whose outcome the source does not show.
OUTCOME_INDEX_LABELS: dict[str, str] = {
    "not_compliant": "deleted (not compliant)",
    "compliant_with_update": "kept with an update",
    "compliant": "kept (compliant)",
    "unknown": "outcome not shown in source",
}

#: What would become of the data, after "Likely ..." in the outcome's summary (the engine's
#: own sentence, part of the JSON) and in the likelihoods every report lists.
OUTCOME_LIKELY_WORDS: dict[str, str] = {
    "not_compliant": "deleted",
    "compliant_with_update": "kept with the record updated",
    "compliant": "kept",
}
#: How sure the decision model is (``Outcome.confidence``), spelt out in every report.
CONFIDENCE_WORDS: dict[str, str] = {
    "high": "high: the facts that matter are known and the answer is clear",
    "medium": "medium: the answer leans one way but could go the other",
    "low": "low: few of the facts that matter are known, or the answer is close",
}

#: The arrest risk in a memo's table cell (Markdown, HTML, Word).
RISK_WORDS: dict[str, str] = {
    "high": "high",
    "medium": "medium",
    "low": "low",
    "none": "none expected",
}
#: The arrest risk as a phrase of its own, in chart labels and legends (figures, explorer).
RISK_PHRASES: dict[str, str] = {
    "high": "high arrest risk",
    "medium": "medium arrest risk",
    "low": "low arrest risk",
    "none": "no arrest expected",
}

#: A human-rights concern (``person.human_rights_concerns``) inside the Article 2 reason
#: "The facts point to ... if the person is returned".
HUMAN_RIGHTS_CONCERN_WORDS: dict[str, str] = {
    "torture_or_ill_treatment_risk": "a risk of torture or ill-treatment",
    "death_penalty": "exposure to the death penalty",
    "detention_conditions": "detention conditions that raise human-rights concerns",
}

#: What a verification status means, spelt out for the explorer's list of rules.
VERIFICATION_WORDS: dict[str, str] = {
    "primary": "primary: read in an official INTERPOL text",
    "secondary": "secondary: reported by secondary sources, official wording not seen",
    "unverified": "UNVERIFIED: no source found; check the official text before relying on it",
}

#: What an arrest risk rests on (``EnforcementEntry.basis``), in a memo's confidence cell:
#: ``"high (own finding)"`` (Markdown, HTML).
BASIS_CELLS: dict[str, str] = {
    "own_finding": "{} (own finding)",
    "regional_presumption": "{} (presumed)",
    "default": "{} (no finding)",
}
#: The same, spelt out after the confidence in the Word memo: "medium (a presumption ...)".
BASIS_WORDS: dict[str, str] = {
    "own_finding": "the country's own practice, from a source",
    "regional_presumption": "a presumption about its region",
    "default": "no finding: the model's default",
}
#: The same, before the confidence in the explorer: "presumed, confidence medium".
BASIS_NOTES: dict[str, str] = {
    "own_finding": "own finding, confidence",
    "regional_presumption": "presumed, confidence",
    "default": "no finding, confidence",
}
