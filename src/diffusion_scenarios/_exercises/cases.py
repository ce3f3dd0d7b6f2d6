"""The exercises shipped with the package: their facts, as told to the learner and as data.

:data:`EXERCISES` are the structured exercises in teaching order: each an id, a title, the
facts in prose and the same facts as a scenario mapping (format 1). :data:`GRADED` are the
harder ones for graded work, each resting on a built-in scenario: structured cases and
short memo tasks, with :data:`MEMO_CHECKLIST` for every memo. The public module
:mod:`diffusion_scenarios.exercises` builds its :class:`~diffusion_scenarios.exercises.Exercise`
values from these tables and marks the answers; nothing here runs the model.
"""

from __future__ import annotations

__all__ = ["EXERCISES", "GRADED", "MEMO_CHECKLIST"]

#: (id, title, facts in prose, the facts as a scenario mapping)
EXERCISES: tuple[tuple[str, str, str, dict[str, object]], ...] = (
    (
        "bounced-cheque-to-the-gulf",
        "A bounced cheque and a diffusion to the Gulf",
        "Ahmed, a Jordanian trader living in Amman, gave a supplier in Dubai a post-dated "
        "cheque for USD 4,000 that bounced when his business failed. He has since agreed a "
        "repayment plan with the supplier. Eight months later the United Arab Emirates NCB "
        "sent a wanted-person diffusion to the Middle East and North Africa region. The "
        "maximum penalty for the cheque offence is three years. Ahmed asks the CCF to "
        "delete the data in February 2025.",
        {
            "format": 1,
            "id": "exercise-bounced-cheque",
            "title": "A bounced cheque and a diffusion to the Gulf",
            "as_of": "2025-02-15",
            "person": {"nationalities": ["JO"], "residence": "JO"},
            "notice": {
                "kind": "diffusion",
                "purpose": "arrest",
                "requesting_country": "AE",
                "issued_on": "2024-06-03",
                "recipients": ["middle_east_north_africa"],
            },
            "case": {
                "stage": "prosecution",
                "offence": "unfunded_cheque",
                "max_penalty_years": 3,
                "amount_usd": 4000,
                "origin": "private_dispute",
                "organised_crime_link": False,
                "summary_names_person_role": True,
            },
            "challenge": {"filed_on": "2025-02-15", "requests": ["deletion"]},
        },
    ),
    (
        "refugee-from-the-requesting-state",
        "A recognised refugee and a red notice from the state she fled",
        "Leyla, a journalist from Turkey, was recognised as a refugee by Sweden in 2021 "
        "because she feared persecution in Turkey. In 2023 Turkey obtained a red notice "
        "for her on charges of membership of a terrorist organisation, based on her "
        "articles. She plans to attend a conference in Spain in June 2025 and asks the "
        "CCF for access and deletion in March 2025, saying the trip makes the matter "
        "urgent.",
        {
            "format": 1,
            "id": "exercise-refugee-red-notice",
            "title": "A recognised refugee and a red notice from the state she fled",
            "as_of": "2025-03-10",
            "person": {
                "nationalities": ["TR"],
                "residence": "SE",
                "profile": ["journalist"],
                "refugee_status": {
                    "status": "recognised",
                    "granted_by": "SE",
                    "granted_on": "2021-04-12",
                    "feared_persecution_from": "TR",
                },
            },
            "notice": {
                "kind": "red_notice",
                "purpose": "arrest",
                "requesting_country": "TR",
                "issued_on": "2023-02-20",
            },
            "case": {
                "stage": "prosecution",
                "offence": "terrorism",
                "max_penalty_years": 15,
                "political_context": [
                    "critic_of_government",
                    "prosecution_follows_political_activity",
                ],
            },
            "travel": [{"country": "ES", "date": "2025-06-18"}],
            "challenge": {
                "filed_on": "2025-03-10",
                "requests": ["access", "deletion"],
                "urgent": True,
            },
        },
    ),
    (
        "homicide-with-a-valid-warrant",
        "A homicide red notice with nothing to argue",
        "Marco, an Argentine national, is wanted by Argentina for a killing during a "
        "robbery in Buenos Aires in 2022. A judge issued an arrest warrant that is still "
        "valid, the red notice describes what he is said to have done, and Argentina has "
        "asked Spain, where he lives, to extradite him. He has no political profile and "
        "asks the CCF to delete the red notice in May 2025.",
        {
            "format": 1,
            "id": "exercise-homicide",
            "title": "A homicide red notice with nothing to argue",
            "as_of": "2025-05-05",
            "person": {"nationalities": ["AR"], "residence": "ES"},
            "notice": {
                "kind": "red_notice",
                "purpose": "arrest",
                "requesting_country": "AR",
                "issued_on": "2023-01-16",
            },
            "case": {
                "stage": "prosecution",
                "offence": "homicide",
                "max_penalty_years": 25,
                "summary_names_person_role": True,
                "arrest_warrant": {"issued_on": "2022-11-30", "valid": True},
                "origin": "none",
                "requesting_state_sought_extradition": True,
            },
            "challenge": {"filed_on": "2025-05-05", "requests": ["deletion"]},
        },
    ),
    (
        "extradition-refused-as-political",
        "A diffusion after a court refused extradition as political (2016)",
        "Pavel, a Russian businessman who funded an opposition party, moved to Germany in "
        "2013. Russia charged him with large-scale fraud and in 2014 sent a diffusion to all "
        "members. In 2015 a German court refused to extradite him, finding that the "
        "prosecution was politically motivated. Russia has taken no step since. He asks "
        "the CCF to delete the diffusion in October 2016.",
        {
            "format": 1,
            "id": "exercise-extradition-refused",
            "title": "A diffusion after a court refused extradition as political (2016)",
            "as_of": "2016-10-20",
            "person": {
                "nationalities": ["RU"],
                "residence": "DE",
                "profile": ["businessperson", "opposition_figure"],
            },
            "notice": {
                "kind": "diffusion",
                "purpose": "arrest",
                "requesting_country": "RU",
                "issued_on": "2014-03-03",
                "recipients": "all",
            },
            "case": {
                "stage": "prosecution",
                "offence": "fraud",
                "max_penalty_years": 10,
                "political_context": [
                    "political_opponent_or_rival",
                    "third_state_found_political",
                ],
                "extradition": [
                    {
                        "country": "DE",
                        "outcome": "refused",
                        "grounds": "political",
                        "date": "2015-06-15",
                    }
                ],
            },
            "challenge": {"filed_on": "2016-10-20", "requests": ["deletion"]},
        },
    ),
)


#: What any memo of its kind must do (general advice shown to the learner, not a model
#: answer).
MEMO_CHECKLIST = (
    "states in its first two sentences what you ask for (or advise) and why;",
    "names each ground or rule you rely on, with the instrument and article;",
    "says which of those rules are unverified or rest on secondary sources, and does not "
    "present them as settled;",
    "uses the facts of the case, not general statements, and answers the other side's "
    "strongest point;",
    "says what the CCF (or INTERPOL) cannot do, where that matters to the reader;",
    "keeps within the word limit.",
)

#: (id, title, facts in prose, the built-in scenario, kind, question or task, word limit)
GRADED: tuple[tuple[str, str, str, str, str, str, int], ...] = (
    (
        "graded-commercial-dispute-or-laundering",
        'A "commercial quarrel" or money laundering?',
        "Luca, an Italian fruit trader living in Dubai, says the red notice against him is a "
        "quarrel with a former supplier over unpaid invoices. Prosecutors in Reggio Calabria "
        "say otherwise: they charge him with laundering about EUR 7 million of the proceeds "
        "of cocaine imports through false invoices of his company, and allege the unpaid "
        "invoices were part of the scheme. A judge issued a detention order in September "
        "2023; the red notice, published in October 2023, describes his role and the amounts, "
        "and Italy has asked for his extradition. The civil claim over the invoices is still "
        "pending. He asked the CCF to delete the red notice in February 2025 and plans a "
        "trip to Switzerland in August.",
        "commercial-dispute-organised-crime-exception",
        "assessment",
        "",
        0,
    ),
    (
        "graded-opposition-mayor",
        "An opposition leader charged with embezzlement",
        "A former mayor of Bishkek left the ruling party in 2023 and founded an opposition "
        "party. Four months before the 2024 parliamentary elections, prosecutors charged him "
        "with embezzling about USD 3 million of road-repair funds, on the strength of a state "
        "audit; two of his former deputies were convicted on the same audit. The red notice "
        "Kyrgyzstan obtained in March 2024 states his own acts, the judge's warrant is valid, "
        "and Kyrgyzstan has asked Lithuania, where he now lives, to extradite him (pending). "
        "He asked the CCF to delete the red notice in January 2025.",
        "opposition-politician-embezzlement",
        "assessment",
        "",
        0,
    ),
    (
        "graded-refused-then-diffused",
        "A red notice refused, then a diffusion on the same facts",
        "A Russian investor living in Cyprus complained publicly that officials had taken over "
        "his company's shares. A fraud case followed (maximum penalty ten years) and the "
        "Russian NCB asked for a red notice; INTERPOL's General Secretariat refused it in "
        "June 2023. Six weeks later the same NCB sent a wanted-person diffusion on the same "
        "facts to every member country. He flies to Greece in October 2024 and to Turkey in "
        "November. In August 2024 he asks the CCF for access and deletion, and says the "
        "trips make the matter urgent.",
        "red-notice-refused-then-diffusion",
        "assessment",
        "",
        0,
    ),
    (
        "graded-sentence-in-absentia",
        "A five-year sentence passed in his absence",
        "A businessman moved from Azerbaijan to France in 2018. In 2021 a Baku court tried "
        "him in his absence for tax evasion by a company he had owned and sentenced him to "
        "five years' imprisonment. He says he was never summoned and learnt of the judgment "
        "from the red notice published in January 2022; as far as the file shows, Azerbaijani "
        "law does not guarantee him a new trial if he returns. Nobody knows whether a lawyer "
        "represented him. He asked the CCF for access and deletion in November 2024 and plans "
        "a trip to Italy in June 2025.",
        "conviction-in-absentia-no-retrial",
        "assessment",
        "",
        0,
    ),
    (
        "graded-refugee-before-2017",
        "A refugee's challenge filed in 2015",
        "An imam left Uzbekistan in 2011 and was recognised as a refugee by Sweden in 2013, "
        "which found he feared persecution in Uzbekistan. In 2012 Uzbekistan obtained a red "
        "notice accusing him of membership of a banned religious organisation described as "
        "extremist (up to 15 years); the notice does not describe anything he himself did. He "
        "fears ill-treatment if returned. He asked the CCF to delete the notice in September "
        "2015; the question is set in May 2016.",
        "pre-2017-refugee-old-rules",
        "assessment",
        "",
        0,
    ),
    (
        "graded-locate-only",
        "A request to locate, not to arrest",
        "Georgian investigators believe a software developer living in Germany took part in a "
        "phishing scheme against customers of a Tbilisi bank in 2023 (up to six years). They "
        "have no arrest warrant yet; they want to know where he is so that they can ask for "
        "his statement. In October 2024 the Georgian NCB sent a diffusion to Germany, Poland, "
        "the Czech Republic and Austria asking them to locate him. In January 2025 he asks "
        "the CCF only for access to his data; he travels to the Czech Republic in April.",
        "locate-only-diffusion",
        "assessment",
        "",
        0,
    ),
    (
        "memo-predominance",
        "Memo 1: the predominance test",
        'Use the facts of "An opposition leader charged with embezzlement" above (a former '
        "mayor, now an opposition leader, charged with embezzling road-repair funds four "
        "months before an election; two deputies convicted on the same audit; extradition "
        "pending in Lithuania).",
        "opposition-politician-embezzlement",
        "memo",
        "Write a memo of at most 250 words to the partner of your firm: would you argue "
        "Article 3 before the CCF, and how? Weigh the political and the ordinary-law "
        "elements as the predominance test requires, and say which single new fact would "
        "most change your view.",
        250,
    ),
    (
        "memo-provisional-measures",
        "Memo 2: asking the CCF to block the data",
        "An Egyptian investigative journalist has lived in Berlin since 2020 and writes about "
        "corruption among senior officers. In 2024 a Cairo prosecutor charged him with "
        "publishing false news and joining a banned group, on the strength of his articles "
        "about military procurement, and the Egyptian NCB sent a diffusion to all members. "
        "Today is 3 March 2025; he must fly to Rome on 12 March for a conference.",
        "urgent-journalist-provisional-measures",
        "memo",
        "Write the part of the request to the CCF, at most 200 words, that asks for "
        "provisional measures. Say what you ask for, on which article, why it is urgent and "
        "what you will attach to prove it.",
        200,
    ),
    (
        "memo-travel-advice",
        "Memo 3: travel advice to a client",
        "A Vietnamese furniture exporter failed to bring the proceeds of a European sale "
        "back to Vietnam within the period currency-control rules set (about USD 420,000; up "
        "to three years). No fraud, laundering or link to organised crime is alleged. "
        "Vietnam's NCB sent a diffusion to the NCBs of the Schengen states in September "
        "2024. She filed a deletion request on 6 January 2025, found admissible on 3 "
        "February. She plans a trip to Spain on 8 May and to Portugal on 24 November 2025.",
        "schengen-diffusion-trips-around-deadline",
        "memo",
        "Write a letter of at most 250 words to the client: may she travel, and when? Say "
        "what the CCF request does and does not do for her trips, when a decision is due, "
        "and what she should do before each trip.",
        250,
    ),
)
