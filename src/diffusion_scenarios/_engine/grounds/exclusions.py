"""The minimum criteria of RPD Art 83: excluded categories, penalty thresholds, judicial data.

The law, as general rules with their exceptions (each cites its catalogue entry):

* **Excluded categories (rpd-83-1-a-i-exclusions).** A red notice, and by DF-4 a diffusion,
  needs a serious ordinary-law crime. Left out: (i) offences about behavioural or cultural
  norms; (ii) family or private matters; (iii) breaches of administrative rules and private
  disputes, *unless* the conduct is meant to facilitate a serious crime or is linked to
  organised crime (``organised_crime_link: true`` defeats (iii), and the honour and
  morality items of the General Secretariat's list carry the same proviso).

  - A private or commercial origin is **arguable** by default: the CCF checks whether the
    charge is really more than a breach of contract or a debt, and a fraud charge can grow
    out of a business relationship. It is **strong** when civil courts ruled for the person
    on the same dealings, when the summary does not describe the person's own acts, when
    the facts show that intent to defraud is absent (case.fraudulent_intent: false), or
    when the offence is itself a debt offence (bankruptcy; a bounced cheque only when intent
    is shown absent, CHQ-3). It is only **weak** when the charge is a grave crime (violence,
    drugs trafficking, terrorism...), which does not become private because it grew out of
    a quarrel, or when the facts show intent to defraud, which is what takes a dispute
    beyond a debt.
    A debatable choice, kept on purpose: a stated private or commercial origin with an
    ordinary charge and nothing more is arguable, so on its own it predicts that the data
    stay. The exclusion covers offences *arising from* private disputes, and the CCF often
    keeps fraud charges that grew out of business dealings once the summary describes
    deception beyond the dispute; what decides it is usually whether the summary shows the
    person's own criminal acts (case.summary_names_person_role), which the answer then
    names as a fact it depends on.
  - Civil proceedings won by the person, with no stated origin, make a private dispute
    **arguable** for economic charges.
  - A family matter is **strong** (no organised-crime exception is reported for family
    matters), except that violent and sexual crimes committed in a family are not "family
    matters" (**weak**). An arrest request in a family matter also risks serving the family
    quarrel rather than police cooperation (purpose_invalid, **arguable**, rpd-10-purposes),
    and lacks the seriousness that international interest requires (international_interest,
    **arguable**, rpd-international-interest): the CCF weighs family cases under
    "international interest and seriousness" as well (its decision 2025 No. 1 carries both
    tags).
  - An administrative breach is **strong** for minor or unstated charges, **arguable** for
    economic ones, **weak** for grave ones.
  - Norm-based offences (adultery and morality, blasphemy, personal drug possession,
    defamation) are **strong**.

* **Unfunded cheques** (brief CHQ-1 to CHQ-5): in :mod:`.cheques`.

* **Penalty thresholds (rpd-83-1-a-ii-penalty)**, for red notices that ask for an arrest. A
  diffusion is not held to them: it meets the general recording conditions (Art 97(2)) and is
  the channel for a request that does not qualify for a notice (Art 99(3)(c); DF-14, issue 20
  point 2), so on a diffusion a known low penalty is at most an arguable international-
  interest point (Art 35) and an unknown one an open question of seriousness. Prosecution needs a
  maximum of at least two years; a sentence needs six months imposed and/or six months
  left. "And/or" is read as *either is enough*: the threshold fails only when neither figure
  reaches six months. What remains to be served cannot exceed the sentence imposed, so a
  sentence below six months fails the threshold even when the remainder is not stated
  (**strong**); a short remainder of an unknown sentence is only **arguable**. Below the
  threshold the ground is **strong**, not certain, because the General Secretariat may
  still publish a case of particular importance (rpd-83-1-b-particular-importance), an
  exception that must be invoked and of which the facts give no sign. A penalty that is
  simply unknown is an open question, never a ground: the answer depends on it
  (depends_on), whatever the offence.

* **Judicial data (rpd-83-2-b-i-summary).** A summary of facts that does not describe the
  person's own acts is **strong** for insufficient judicial data.

* **Requests to locate or for information.** The Art 83 criteria are written for arrest
  requests (red notices and wanted-person diffusions). On a request only to locate the
  person or to obtain information, whose purpose (finding a missing child, gathering
  information) can remain valid, the excluded categories and the judicial-data rule are at
  most **arguable**, and the penalty thresholds are not applied as such. Seriousness can
  still be raised: a known penalty below the thresholds, or a small cheque, makes the
  international-interest ground (rpd-international-interest, Art 35) **arguable**.

* **Before 1 July 2012** the RPD did not exist; the older information-processing rules
  (rpd-before-2012) applied and their wording on these points is not established. The model
  applies the later standard to them, cites the older rules and Article 2's "ordinary-law
  crime", and caps these grounds at **arguable**.
"""

from __future__ import annotations

from diffusion_scenarios._engine.grounds.art83 import (
    EXCLUSIONS,
    INTEREST,
    find_capped,
    interest_rules,
)
from diffusion_scenarios._engine.grounds.article3 import offence_seriousness
from diffusion_scenarios._engine.grounds.cheques import evaluate_cheques
from diffusion_scenarios._engine.grounds.findings import Collector
from diffusion_scenarios._engine.grounds.ids import (
    ADMINISTRATIVE_BREACH,
    BEHAVIOURAL_NORMS,
    FAMILY_MATTER,
    INSUFFICIENT_JUDICIAL_DATA,
    INTERNATIONAL_INTEREST,
    PENALTY_THRESHOLD,
    PRIVATE_DISPUTE,
    PURPOSE_INVALID,
)
from diffusion_scenarios._facts.scenario import Case, Scenario

__all__ = ["evaluate_exclusions"]

_PENALTY = "rpd-83-1-a-ii-penalty"
_DIFFUSION_CONDITIONS = "rpd-99-3-diffusion-instead-of-notice"


_DEBT_OFFENCES = frozenset({"unfunded_cheque", "bankruptcy_offence"})
_ECONOMIC_OFFENCES = frozenset(
    {"fraud", "embezzlement", "theft", "unfunded_cheque", "bankruptcy_offence", "other"}
)
_NORM_OFFENCES: dict[str, str] = {
    "adultery_or_morality": "Adultery and morality offences turn on moral or cultural norms "
    "on which member countries differ",
    "blasphemy_or_apostasy": "Blasphemy and apostasy offences turn on religious norms on "
    "which member countries differ",
    "drug_possession": "Possession of drugs for one's own use is on the General "
    "Secretariat's list of norm-based offences",
    "defamation": "Harm to honour (defamation) is on the General Secretariat's list of "
    "norm-based offences",
}
# Items of the list that carry the "unless linked to organised or serious crime" proviso.
_NORM_PROVISO = frozenset({"adultery_or_morality", "defamation", "drug_possession"})


def _private_dispute(scenario: Scenario, collector: Collector) -> None:
    case = scenario.case
    origin = case.origin
    civil = case.civil_proceedings.outcome if case.civil_proceedings else None
    offence = case.offence
    facts: list[tuple[str, object]] = [
        ("case.origin", origin),
        ("case.offence", offence),
        ("case.civil_proceedings.outcome", civil),
        ("case.organised_crime_link", case.organised_crime_link),
        ("case.fraudulent_intent", case.fraudulent_intent),
    ]
    if origin in ("commercial_dispute", "private_dispute"):
        kind = "commercial" if origin == "commercial_dispute" else "private"
        if case.organised_crime_link is True:
            collector.note(
                EXCLUSIONS,
                facts,
                f"The matter grew out of a {kind} dispute, but it is alleged to be linked to "
                "organised or serious crime: the exception in Art 83(1)(a)(i) takes it out of "
                "the private-dispute exclusion, so no private-dispute ground is found.",
            )
            return
        if offence is not None and offence_seriousness(offence) == "heavy":
            strength = "weak"
            why = (
                f"The case grew out of a {kind} dispute, but the charge "
                f"({offence.replace('_', ' ')}) is a grave crime, which does not become a "
                "private matter because of its origin."
            )
        else:
            strength = "arguable"
            why = (
                f"The case grew out of a {kind} dispute; Art 83(1)(a)(i) excludes private "
                "disputes unless linked to organised or serious crime, and none is alleged. "
                "The CCF checks whether the charge is more than a breach of contract or a debt."
            )
            strengthening = []
            if civil == "in_favour_of_person":
                strengthening.append(
                    "civil courts have already ruled for the person on the same dealings"
                )
            if case.summary_names_person_role is False:
                strengthening.append(
                    "the summary of facts does not say what the person did that was criminal"
                )
            if case.fraudulent_intent is False:
                strengthening.append("the facts show no intent to defraud")
            if offence in _DEBT_OFFENCES and offence != "unfunded_cheque":
                # A bounced cheque counts as a mere debt only once intent is shown absent
                # (CHQ-3), which the line above already covers.
                strengthening.append("the offence itself is about a debt")
            if case.fraudulent_intent is True:
                strength = "weak"
                why += (
                    " But the facts show intent to defraud, which is what takes a dispute "
                    "beyond a debt or a breach of contract."
                )
            elif strengthening:
                strength = "strong"
                why += " It is strong here because " + " and ".join(strengthening) + "."
            elif case.organised_crime_link is None:
                collector.depends(
                    "whether the conduct is linked to organised or serious crime "
                    "(case.organised_crime_link), which would defeat the private-dispute "
                    "exclusion",
                    "case.organised_crime_link",
                    question="whether the conduct is linked to organised or serious crime, "
                    "which would defeat the private-dispute exclusion",
                )
            if civil == "against_person":
                why += (
                    " A civil court found against the person, which confirms a debt or "
                    "claim but does not by itself make it a crime."
                )
        find_capped(collector, PRIVATE_DISPUTE, strength, why, (EXCLUSIONS,), facts)
    elif (
        origin is None
        and civil == "in_favour_of_person"
        and (offence is None or offence in _ECONOMIC_OFFENCES)
        and case.organised_crime_link is not True
    ):
        find_capped(
            collector,
            PRIVATE_DISPUTE,
            "arguable",
            "Civil courts have ruled for the person on the same dealings, which suggests that "
            "the matter is a private or commercial dispute rather than a serious ordinary-law "
            "crime (Art 83(1)(a)(i)).",
            (EXCLUSIONS,),
            facts,
        )


def _family_and_administrative(scenario: Scenario, collector: Collector) -> None:
    case = scenario.case
    offence = case.offence
    facts: list[tuple[str, object]] = [("case.origin", case.origin), ("case.offence", offence)]
    if case.origin == "family_matter":
        if offence in ("violence", "homicide", "sexual_offence"):
            find_capped(
                collector,
                FAMILY_MATTER,
                "weak",
                "The case arose in a family, but a violent or sexual crime is not a 'family "
                "matter' in the sense of the exclusion.",
                (EXCLUSIONS,),
                facts,
            )
            return
        find_capped(
            collector,
            FAMILY_MATTER,
            "strong",
            "The case concerns a family matter (such as custody, maintenance or a child taken "
            "abroad by a parent), which Art 83(1)(a)(i) excludes from red notices; the same "
            "standard applies to diffusions.",
            (EXCLUSIONS,),
            facts,
        )
        if (scenario.notice.purpose or "arrest") == "arrest":
            find_capped(
                collector,
                INTERNATIONAL_INTEREST,
                "arguable",
                "A family matter is not a serious ordinary-law crime, so an arrest request in "
                "one also lacks the seriousness that makes data of real interest for "
                "international police cooperation (Art 35).",
                (INTEREST, EXCLUSIONS),
                facts,
            )
            collector.find(
                PURPOSE_INVALID,
                "arguable",
                "An arrest request in a family matter risks being used to enforce one side of a "
                "family dispute (for example one country's custody ruling) rather than for "
                "international police cooperation, which is the only purpose INTERPOL's "
                "channels may serve.",
                ("rpd-10-purposes", EXCLUSIONS),
                [*facts, ("notice.purpose", scenario.notice.purpose)],
            )
    elif case.origin == "administrative_breach":
        if case.organised_crime_link is True:
            collector.note(
                EXCLUSIONS,
                [*facts, ("case.organised_crime_link", True)],
                "The administrative breach is alleged to be linked to organised or serious "
                "crime, so the exclusion does not apply.",
            )
            return
        if offence_seriousness(offence) == "heavy":
            strength, why = "weak", "the charge is a grave crime, whatever rule it also broke"
        elif offence_seriousness(offence) == "light" or offence in (None, "other"):
            strength, why = "strong", "nothing suggests more than a regulatory breach"
        else:
            strength = "arguable"
            why = (
                "the charge is an economic crime, so the CCF will check whether it is more "
                "than a regulatory breach"
            )
        find_capped(
            collector,
            ADMINISTRATIVE_BREACH,
            strength,
            "The case arises from a breach of administrative laws or regulations, which "
            f"Art 83(1)(a)(i) excludes unless linked to serious or organised crime; {why}.",
            (EXCLUSIONS,),
            [*facts, ("case.organised_crime_link", case.organised_crime_link)],
        )


def _behavioural(scenario: Scenario, collector: Collector) -> None:
    offence = scenario.case.offence
    if offence not in _NORM_OFFENCES:
        return
    facts: list[tuple[str, object]] = [
        ("case.offence", offence),
        ("case.organised_crime_link", scenario.case.organised_crime_link),
    ]
    if offence in _NORM_PROVISO and scenario.case.organised_crime_link is True:
        collector.note(
            "rpd-83-1-a-i-gs-list",
            facts,
            "The offence is on the list of norm-based offences, but it is alleged to be linked "
            "to organised or serious crime, which takes it out of the exclusion.",
        )
        return
    find_capped(
        collector,
        BEHAVIOURAL_NORMS,
        "strong",
        f"{_NORM_OFFENCES[offence]}; Art 83(1)(a)(i) excludes such offences.",
        (EXCLUSIONS, "rpd-83-1-a-i-gs-list"),
        facts,
    )


def _penalty(scenario: Scenario, collector: Collector) -> None:
    case = scenario.case
    purpose = scenario.notice.purpose or "arrest"
    min_years = float(collector.value(_PENALTY, "prosecution_min_years"))
    min_months = float(collector.value(_PENALTY, "sentence_min_months"))
    if scenario.notice.kind == "diffusion":
        # Issue 20 point 2: the thresholds are conditions for publishing a red notice
        # (Art 83); a diffusion meets the general recording conditions (Art 97(2)) and is
        # the channel for a request that does not qualify for a notice (Art 99(3)(c)).
        collector.note(
            _DIFFUSION_CONDITIONS,
            [("notice.kind", "diffusion"), ("notice.purpose", purpose)],
            "The penalty thresholds of Art 83(1)(a)(ii) are conditions for publishing a red "
            "notice; a diffusion must meet the general recording conditions (Art 97(2)) and "
            "is the channel to use when a request does not qualify for a notice (Art "
            "99(3)(c)), so they are not applied to it.",
        )
        _low_penalty_seriousness(
            scenario,
            collector,
            min_years,
            min_months,
            "This is a diffusion, to which the red-notice penalty thresholds do not apply "
            "(RPD Arts 97(2) and 99(3)(c))",
        )
        return
    if purpose != "arrest":
        collector.note(
            _PENALTY,
            [("notice.purpose", purpose)],
            "The penalty thresholds are criteria for requests to arrest; this request asks "
            f"only to {purpose if purpose == 'locate' else 'obtain information'}, so they are "
            "not applied as such.",
        )
        _low_penalty_seriousness(
            scenario,
            collector,
            min_years,
            min_months,
            "The request does not seek an arrest, so the penalty thresholds do not apply as such",
        )
        return
    stage = case.stage
    if stage is None:
        if case.sentence_months is not None or case.remaining_months is not None:
            stage = "sentence"
        elif case.max_penalty_years is not None:
            stage = "prosecution"
    exception = (
        " The General Secretariat may still publish a case of particular importance under "
        "Art 83(1)(b), but that exception must be invoked and nothing in the facts suggests "
        "it, so the ground is strong though not certain."
    )
    rules = (_PENALTY, "rpd-83-1-b-particular-importance")
    if stage == "prosecution":
        facts: list[tuple[str, object]] = [
            ("case.stage", case.stage),
            ("case.max_penalty_years", case.max_penalty_years),
        ]
        if case.max_penalty_years is None:
            # A penalty that is simply unknown is an open question, not a ground.
            collector.depends(
                "the maximum penalty in the requesting state (case.max_penalty_years), "
                f"which must be at least {_years(min_years)} for a prosecution",
                "case.max_penalty_years",
                question="the maximum penalty in the requesting state, which must be at least "
                f"{_years(min_years)} for a prosecution",
            )
        elif case.max_penalty_years < min_years:
            find_capped(
                collector,
                PENALTY_THRESHOLD,
                "strong",
                f"The maximum penalty is {_years(case.max_penalty_years)}, below the "
                f"{_years(min_years)} required to seek someone for prosecution." + exception,
                rules,
                facts,
            )
        else:
            collector.note(
                _PENALTY,
                facts,
                f"The maximum penalty ({_years(case.max_penalty_years)}) meets the "
                f"{min_years:g}-year threshold for prosecution.",
            )
    elif stage == "sentence":
        facts = [
            ("case.stage", case.stage),
            ("case.sentence_months", case.sentence_months),
            ("case.remaining_months", case.remaining_months),
        ]
        known = [v for v in (case.sentence_months, case.remaining_months) if v is not None]
        if not known:
            collector.depends(
                "the sentence imposed and what remains to be served (case.sentence_months, "
                f"case.remaining_months), of which one must reach {_months(min_months)}",
                "case.sentence_months",
                "case.remaining_months",
                question="the sentence imposed and what remains to be served, of which one "
                f"must reach {_months(min_months)}",
            )
        elif any(v >= min_months for v in known):
            note = (
                f"The sentence threshold ({_months(min_months)} imposed and/or remaining, "
                "either being enough) is met."
            )
            if case.remaining_months == 0:
                note += (
                    " Nothing remains to be served, so the request's purpose is achieved "
                    "(see the purpose ground)."
                )
            elif case.remaining_months is not None and case.remaining_months < min_months:
                note += (
                    f" Only {_months(case.remaining_months)} remain, which some would "
                    "argue makes an international arrest disproportionate."
                )
            collector.note(_PENALTY, facts, note)
        elif case.sentence_months is not None:
            # What remains to be served cannot exceed the sentence imposed, so a sentence
            # below the threshold fails it whatever the remaining figure.
            remaining = (
                f"the part left to serve ({_months(case.remaining_months)})"
                if case.remaining_months is not None
                else "the part left to serve, which cannot exceed it,"
            )
            find_capped(
                collector,
                PENALTY_THRESHOLD,
                "strong",
                f"The sentence ({_months(case.sentence_months)}) and {remaining} are both "
                f"below the {_months(min_months)} required to seek someone to serve a "
                "sentence." + exception,
                rules,
                facts,
            )
        else:
            collector.depends(
                "the sentence imposed (case.sentence_months): the threshold is met if it "
                f"reaches {_months(min_months)}, even with less left to serve",
                "case.sentence_months",
                question="the sentence imposed: the threshold is met if it reaches "
                f"{_months(min_months)}, even with less left to serve",
            )
            find_capped(
                collector,
                PENALTY_THRESHOLD,
                "arguable",
                f"Only {_months(known[0])} remain to be served, below {_months(min_months)}; "
                "the threshold fails unless the sentence imposed reached it.",
                (_PENALTY,),
                facts,
            )
    else:
        collector.depends(
            "whether the person is wanted for prosecution or to serve a sentence (case.stage), "
            "and the penalty (case.max_penalty_years or case.sentence_months)",
            "case.stage",
            "case.max_penalty_years",
            "case.sentence_months",
            question="whether the person is wanted for prosecution or to serve a sentence, and "
            "the penalty",
        )


def _years(value: float) -> str:
    """``1`` -> "1 year", ``2.5`` -> "2.5 years"."""
    return f"{value:g} year" + ("" if value == 1 else "s")


def _months(value: float) -> str:
    """``1`` -> "1 month", ``4`` -> "4 months"."""
    return f"{value:g} month" + ("" if value == 1 else "s")


def _low_penalty_seriousness(
    scenario: Scenario, collector: Collector, min_years: float, min_months: float, lead: str
) -> None:
    """Where the thresholds do not apply as such (a request to locate or inform, or any
    diffusion), a known low penalty still goes to seriousness and international interest."""
    case = scenario.case
    low: str | None = None
    if case.max_penalty_years is not None and case.max_penalty_years < min_years:
        low = f"a maximum penalty of {_years(case.max_penalty_years)}"
    elif case.sentence_months is not None and case.sentence_months < min_months:
        low = f"a sentence of {_months(case.sentence_months)}"
    if low is None:
        if scenario.notice.kind == "diffusion" and _penalty_unknown(case):
            collector.depends(
                "how serious the offence is (case.max_penalty_years or case.sentence_months): "
                "the red-notice thresholds do not apply to a diffusion, but seriousness bears "
                "on its interest for international police cooperation (Art 35)",
                "case.max_penalty_years",
                "case.sentence_months",
                question="how serious the offence is: the red-notice thresholds do not apply "
                "to a diffusion, but seriousness bears on its interest for international "
                "police cooperation",
            )
        return
    rules = interest_rules(scenario)
    if scenario.notice.kind == "diffusion":
        rules = (INTEREST, _DIFFUSION_CONDITIONS)
    find_capped(
        collector,
        INTERNATIONAL_INTEREST,
        "arguable",
        f"{lead}; but {low} is below what a red notice would need, and the seriousness "
        "of the conduct still bears on whether the data are of real interest for "
        "international police cooperation (Art 35).",
        rules,
        [
            ("notice.purpose", scenario.notice.purpose),
            ("case.max_penalty_years", case.max_penalty_years),
            ("case.sentence_months", case.sentence_months),
        ],
    )


def _penalty_unknown(case: Case) -> bool:
    return case.max_penalty_years is None and case.sentence_months is None


def _judicial_data(scenario: Scenario, collector: Collector) -> None:
    if scenario.case.summary_names_person_role is False:
        find_capped(
            collector,
            INSUFFICIENT_JUDICIAL_DATA,
            "strong",
            "The requesting state's summary of facts does not describe what this person did, "
            "when and where; the CCF requires the summary to show the person's own role "
            "(Art 83(2)(b)(i)).",
            ("rpd-83-2-b-i-summary",),
            [("case.summary_names_person_role", False)],
        )


def evaluate_exclusions(scenario: Scenario, collector: Collector) -> None:
    """Find the Art 83 grounds: excluded categories, cheques, thresholds, judicial data.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios._facts.scenario import Case, Notice, Scenario
        >>> s = Scenario(id="x", notice=Notice(kind="diffusion", requesting_country="BRA",
        ...     issued_on=datetime.date(2023, 1, 1)), case=Case(origin="family_matter"))
        >>> c = Collector(s, datetime.date(2024, 1, 1))
        >>> evaluate_exclusions(s, c)
        >>> sorted({(f.ground, f.strength) for f in c.findings})[0]
        ('family_matter', 'strong')
    """
    _private_dispute(scenario, collector)
    evaluate_cheques(scenario, collector)
    _family_and_administrative(scenario, collector)
    _behavioural(scenario, collector)
    _penalty(scenario, collector)
    _judicial_data(scenario, collector)
