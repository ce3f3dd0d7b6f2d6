"""Protective grounds: refugee status, human rights (Article 2), fair trial, refused extradition.

The law, as general rules with their exceptions:

* **Refugee status.** From June 2014 (excom-refugee-policy-2014, formalised on
  29 September 2017 by ga-2017-86-res-09-refugees) INTERPOL deletes a notice or diffusion
  about a person whose refugee status a member country has confirmed, when the request comes
  from the country the person fears persecution from: **strong**.

  - The facts must show the status existed on the day assessed; a status granted later does
    not count yet.
  - A pending asylum claim: the 2014 policy, as reported, covered confirmed asylum-seeker
    status too; the 2017 resolution speaks of confirmed refugee status only. Either way the
    CCF weighs the claim: **arguable**, and the reasons say which text applies that day.
  - Status refused or revoked: the data may be kept or restored if they otherwise comply
    (ga-2017-86-res-09-refused-revoked): no refugee ground.
  - The person has since become a national of the protecting state: the CCF has reportedly
    declined to apply the policy, though it may protect on other grounds
    (ccf-practice-refugee-naturalised): **arguable**.
  - Unknown country of persecution or grantor, or a grantor that is not a member: the rule
    may apply but is not shown: **arguable**, and the answer depends on the missing fact.
    When the feared country is not stated but the person holds the requesting country's
    nationality, that country is taken as the one feared: a refugee is by definition someone
    who fears persecution in his or her country of nationality (refugee-convention-1a2,
    background law, shown as unverified). Nothing else is presumed.
  - Under the 2014 policy the ground is still **strong** on conditions (a) and (b), but the
    reasons say that the policy applied "in general" and that its third condition is
    unverified (RF-3).
  - Request from another country than the one feared: the rule does not apply.
  - Before June 2014 there was no refugee rule; the recognition still counts as a finding by
    another country in the Article 3 weighing and, with a risk of ill-treatment, under
    Article 2.

* **Human rights (Article 2, constitution-art-2; ccf-practice-article-2 from 2017).** A court
  finding of persecution, or an extradition refused on human-rights grounds, is **strong**.
  A risk of torture or ill-treatment, the death penalty or detention conditions is
  **arguable** alone and **strong** combined (two concerns, or a concern plus a refugee
  recognition against the requesting state or a human-rights refusal).

* **Fair trial.** No INTERPOL or CCF test for convictions in absentia is published, and the
  two CCF excerpts tagged "trial in absentia" both kept the data (ABS-1,
  ccf-practice-trial-in-absentia). The model therefore rests on an assumption, labelled as
  such in the catalogue and the reasons (model-in-absentia-test, unverified): by analogy with
  EU Framework Decision 2009/299/JHA, a guaranteed retrial answers the objection (no
  ground: it gives the trial in person that was missed); every other combination is
  **arguable** and never strong, even when the person did not know of the trial, was not
  represented and has no retrial (ABS-1, ABS-2: both published decisions kept the data);
  the facts still unknown are named in what the answer depends on.
  ``case.in_absentia_details.retrial_guaranteed`` and ``case.retrial_guaranteed`` are one
  fact; either is read. An alleged unfair trial is **arguable**; an extradition refused on
  fair-trial grounds is **strong**.

* **Refused extradition (ccf-practice-refused-extradition, RN-13).** A refusal does not by
  itself remove the data; the reason matters. Protective refusals (political, human rights,
  fair trial) feed Article 3 and Article 2 (see those grounds) and are recorded as
  extradition_refused **arguable**. Refusals for dual criminality raise doubts about the
  international interest and seriousness (**arguable**). Insufficient evidence or
  limitation abroad: **arguable**. Procedural, nationality or unexplained refusals:
  **weak**, **arguable** when repeated. Every refusal means the record must say so
  (data_accuracy, **arguable**), which on its own leads to an update, not a deletion.
  A granted extradition means the purpose may be achieved (red-notice-purpose-achieved):
  purpose_invalid **arguable**. Proceedings dated after the day assessed are left out.

  A debatable choice, kept on purpose: one refusal on human-rights (or fair-trial) grounds
  makes the Article 2 (or fair-trial) ground **strong** and so predicts deletion. RN-13 says
  only that such a refusal weighs more than a procedural one; some refusals rest on general
  detention conditions in the requesting state rather than a risk to this person, and the
  CCF may then keep the data with an update. The format does not record which it was, and
  a court of a member country finding that returning this person would breach human rights
  is the kind of authoritative finding the CCF gives most weight, so the model leans to
  deletion and says why in the reasons.
"""

from __future__ import annotations

import datetime as _dt

from diffusion_scenarios._engine.grounds.findings import (
    Collector,
    feared_persecution_from,
    refugee_recognised_against_requesting,
)
from diffusion_scenarios._engine.grounds.ids import (
    DATA_ACCURACY,
    EXTRADITION_REFUSED,
    FAIR_TRIAL,
    INTERNATIONAL_INTEREST,
    PURPOSE_INVALID,
    REFUGEE_STATUS,
)
from diffusion_scenarios._engine.stage import rule_year
from diffusion_scenarios._engine.words import HUMAN_RIGHTS_CONCERN_WORDS
from diffusion_scenarios._facts.naming import requesting_state_name
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.countries import country_name, is_member
from diffusion_scenarios._law.rules import catalogue

__all__ = ["evaluate_protection"]

_POLICY = "excom-refugee-policy-2014"
_RESOLUTION = "ga-2017-86-res-09-refugees"

_REFUSAL = "ccf-practice-refused-extradition"
_PROTECTIVE = frozenset({"political", "human_rights", "fair_trial"})
_RISKS = ("torture_or_ill_treatment_risk", "death_penalty", "detention_conditions")


def _name(alpha3: str | None) -> str:
    if alpha3 is None:
        return "another country"
    try:
        return country_name(alpha3)
    except LookupError:  # a code built in code without the loader: show it as given
        return alpha3


def _month_year(day: _dt.date) -> str:
    """``June 2014``."""
    return f"{day.strftime('%B')} {day.year}"


def _refugee(scenario: Scenario, collector: Collector) -> None:
    r = scenario.person.refugee_status
    if r is None:
        return
    requesting = scenario.notice.requesting_country
    feared, inferred = feared_persecution_from(scenario)
    facts: list[tuple[str, object]] = [
        ("person.refugee_status.status", r.status),
        ("person.refugee_status.granted_by", r.granted_by),
        ("person.refugee_status.granted_on", r.granted_on),
        ("person.refugee_status.feared_persecution_from", r.feared_persecution_from),
        ("notice.requesting_country", requesting),
    ]
    if inferred:
        facts.append(("person.nationalities", scenario.person.nationalities))
    policy = collector.applies("excom-refugee-policy-2014")
    resolution = collector.applies("ga-2017-86-res-09-refugees")
    if r.status in ("refused", "revoked"):
        word = "refused" if r.status == "refused" else "revoked"
        rule = "ga-2017-86-res-09-refused-revoked" if resolution else "excom-refugee-policy-2014"
        collector.note(
            rule,
            facts,
            f"Asylum was {word}: INTERPOL may keep or restore the data if they otherwise comply "
            "with its rules, so there is no refugee ground.",
        )
        return
    if not policy:
        collector.note(
            "excom-refugee-policy-2014",
            facts,
            "On this date INTERPOL had no refugee rule (the policy dates from "
            f"{_month_year(catalogue().first_in_force('excom-refugee-policy-2014'))}). The "
            "recognition still counts, as another country's finding, in the Article 3 weighing "
            "and, with a risk of ill-treatment, under Article 2.",
        )
        return
    if r.status == "recognised" and r.granted_on is not None and r.granted_on > collector.on:
        collector.note(
            "ga-2017-86-res-09-refugees" if resolution else "excom-refugee-policy-2014",
            facts,
            f"Refugee status was granted on {r.granted_on.isoformat()}, after the day "
            "assessed, so the refugee rule does not yet apply.",
        )
        return
    if feared is not None and feared != requesting:
        collector.note(
            "ga-2017-86-res-09-refugees" if resolution else "excom-refugee-policy-2014",
            facts,
            f"The person fears persecution from {_name(feared)}, not from "
            f"the requesting country ({requesting_state_name(scenario)}): the refugee rule "
            "covers only requests from the country of feared persecution.",
        )
        return
    basis = "ga-2017-86-res-09-refugees" if resolution else "excom-refugee-policy-2014"
    text = (
        f"the {rule_year(_RESOLUTION)} General Assembly resolution"
        if resolution
        else f"the Executive Committee's {rule_year(_POLICY)} policy (before the "
        f"{rule_year(_RESOLUTION)} resolution)"
    )
    doubts: list[str] = []
    inference = ""
    if inferred:
        inference = (
            f" The facts do not name the country feared, but the person is a national of "
            f"{requesting_state_name(scenario)}, and a refugee is by definition someone who fears "
            "persecution in the country of his or her nationality (Refugee Convention, "
            "Art 1A(2)), so that country is taken to be the one feared."
        )
    if feared is None:
        doubts.append("which country the person fears persecution from is not stated")
        collector.depends(
            "which country the person fears persecution from "
            "(person.refugee_status.feared_persecution_from); the refugee rule needs it to be "
            "the requesting country",
            "person.refugee_status.feared_persecution_from",
            question="which country the person fears persecution from; the refugee rule "
            "needs it to be the requesting country",
        )
    if r.status == "asylum_seeker":
        _asylum_seeker(collector, facts, basis, resolution, doubts, inferred, inference)
    else:
        _recognised_refugee(scenario, collector, facts, basis, text, doubts, inferred, inference)


def _asylum_seeker(
    collector: Collector,
    facts: list[tuple[str, object]],
    basis: str,
    resolution: bool,
    doubts: list[str],
    inferred: bool,
    inference: str,
) -> None:
    """A pending asylum claim against the requesting state: an arguable refugee ground."""
    if resolution:
        reason = (
            "The person has asked for asylum but is not yet recognised. The "
            f"{rule_year(_RESOLUTION)} resolution provides for deletion once refugee status is "
            "confirmed; a pending claim is not covered by its words, though the CCF weighs it "
            f"and the {rule_year(_POLICY)} policy it formalised was reported to cover confirmed "
            "asylum seekers."
        )
        citations: tuple[str, ...] = (basis, "excom-refugee-policy-2014")
    else:
        reason = (
            f"The person has asked for asylum. The Executive Committee's {rule_year(_POLICY)} "
            "policy, as reported, covered confirmed asylum-seeker status as well as refugees; "
            "whether the claim has been confirmed as required is for the CCF to check."
        )
        citations = (basis,)
    if doubts:
        reason += " Also, " + "; ".join(doubts) + "."
    reason += inference
    if inferred:
        citations = (*citations, "refugee-convention-1a2")
    collector.find(REFUGEE_STATUS, "arguable", reason, citations, facts)


def _recognised_refugee(
    scenario: Scenario,
    collector: Collector,
    facts: list[tuple[str, object]],
    basis: str,
    text: str,
    doubts: list[str],
    inferred: bool,
    inference: str,
) -> None:
    """A recognised refugee: strong once a member country's recognition is confirmed."""
    r = scenario.person.refugee_status
    assert r is not None
    resolution = basis == "ga-2017-86-res-09-refugees"
    if r.granted_by is not None and r.granted_by in scenario.person.nationalities:
        collector.find(
            REFUGEE_STATUS,
            "arguable",
            f"The person was recognised as a refugee by {_name(r.granted_by)} but has since "
            "become its national. The CCF has reportedly declined to apply the refugee policy "
            "after naturalisation, while still protecting former refugees on other grounds "
            "(for example Article 3).",
            (basis, "ccf-practice-refugee-naturalised"),
            [*facts, ("person.nationalities", scenario.person.nationalities)],
        )
        return
    if r.granted_by is None:
        doubts.append("which country granted the status is not stated")
        collector.depends(
            "which country granted refugee status (person.refugee_status.granted_by); the "
            "rule needs confirmation by a member country",
            "person.refugee_status.granted_by",
            question="which country granted refugee status; the rule needs confirmation by "
            "a member country",
        )
    elif not is_member(r.granted_by, collector.on):
        doubts.append(
            f"{_name(r.granted_by)} was not an INTERPOL member on the day assessed, "
            "and the rule needs confirmation by a member country"
        )
    cited = (basis, "refugee-convention-1a2") if inferred else (basis,)
    if doubts:
        collector.find(
            REFUGEE_STATUS,
            "arguable",
            f"The person is a recognised refugee, and under {text} INTERPOL deletes data from "
            "the country of feared persecution once a member country confirms the status; "
            "but " + "; ".join(doubts) + "." + inference,
            cited,
            facts,
        )
        return
    caveat = ""
    if not resolution:
        caveat = (
            f" The {rule_year(_POLICY)} policy applied 'in general' and, as reported, had a third "
            "condition "
            "about the basis on which the status was granted, whose wording is unverified."
        )
    collector.find(
        REFUGEE_STATUS,
        "strong",
        f"{_name(r.granted_by)} recognised the person as a refugee from "
        f"{requesting_state_name(scenario)}, the country that sent this request; under {text} "
        "INTERPOL deletes notices and diffusions from the country of feared persecution once "
        "a member country confirms the status." + inference + caveat,
        cited,
        facts,
    )


def _article2_citations(collector: Collector) -> tuple[str, ...]:
    rules = ["constitution-art-2", *collector.in_force(["ccf-practice-article-2"])]
    if collector.value("repository-of-practice", "covers_article_2"):
        rules.append("repository-of-practice")
    return tuple(rules)


def _human_rights(scenario: Scenario, collector: Collector) -> None:
    case = scenario.case
    concerns = set(case.human_rights_concerns)
    cites = _article2_citations(collector)
    hr_refusals = [
        e
        for e in case.extradition
        if e.outcome == "refused"
        and e.grounds == "human_rights"
        and (e.date is None or e.date <= collector.on)
    ]
    facts: list[tuple[str, object]] = [("case.human_rights_concerns", case.human_rights_concerns)]
    if "court_found_persecution" in concerns:
        collector.find(
            "article2_human_rights",
            "strong",
            "A court has found that the person is persecuted; the CCF gives authoritative "
            "judicial findings on human rights great weight under Article 2.",
            cites,
            facts,
        )
    for e in hr_refusals:
        collector.find(
            "article2_human_rights",
            "strong",
            f"{_name(e.country)} refused extradition on human-rights grounds, a principle "
            "INTERPOL's own rules share (Article 2); such a refusal weighs heavily.",
            (*cites, _REFUSAL),
            [
                ("case.extradition", "refused: human_rights"),
                ("case.extradition.country", e.country),
            ],
        )
    risks = [c for c in _RISKS if c in concerns]
    if risks:
        refugee = refugee_recognised_against_requesting(scenario, collector.on)
        combined = len(risks) >= 2 or bool(hr_refusals) or refugee
        described = " and ".join(HUMAN_RIGHTS_CONCERN_WORDS[c] for c in risks)
        reason = (
            f"The facts point to {described} if the person is returned; INTERPOL acts in the "
            "spirit of the Universal Declaration of Human Rights (Article 2)."
        )
        if refugee:
            reason += (
                " A member country has recognised the person as a refugee from the "
                "requesting state, which corroborates the risk."
            )
        if combined:
            reason += " Taken together these concerns make the ground strong."
        else:
            reason += (
                " A single concern, without a court finding or corroboration, makes the "
                "ground arguable."
            )
        collector.find(
            "article2_human_rights", "strong" if combined else "arguable", reason, cites, facts
        )


_ABSENTIA = ("model-in-absentia-test",)
# (key, the question, its fact path)
_ABSENTIA_QUESTIONS = (
    (
        "knew_of_trial",
        "whether the person knew of the trial held in absentia",
        "case.in_absentia_details.knew_of_trial",
    ),
    (
        "represented",
        "whether a lawyer defended the person at the trial held in absentia",
        "case.in_absentia_details.represented",
    ),
    (
        "retrial_guaranteed",
        "whether a retrial is guaranteed on return after the conviction in absentia",
        "case.retrial_guaranteed",
    ),
)
_ASSUMPTION = (
    " No INTERPOL or CCF test for convictions in absentia is published, and the CCF's two "
    "published decisions on the point kept the data; this test is the model's assumption, by "
    "analogy with the EU's rules on surrender after a trial in absentia (Framework Decision "
    "2009/299/JHA), not INTERPOL law."
)


def _fair_trial(scenario: Scenario, collector: Collector) -> None:
    case = scenario.case
    cites = _article2_citations(collector)
    details = case.in_absentia_details
    retrial = case.retrial_guaranteed  # one fact in two places (the loader keeps them equal)
    if retrial is None and details is not None:
        retrial = details.retrial_guaranteed
    answers: dict[str, bool | None] = {
        "knew_of_trial": None if details is None else details.knew_of_trial,
        "represented": None if details is None else details.represented,
        "retrial_guaranteed": retrial,
    }
    facts: list[tuple[str, object]] = [
        ("case.in_absentia", case.in_absentia),
        ("case.in_absentia_details.knew_of_trial", answers["knew_of_trial"]),
        ("case.in_absentia_details.represented", answers["represented"]),
        ("case.retrial_guaranteed", retrial),
    ]
    if case.in_absentia is True:
        absentia_cites = (
            *cites,
            *_ABSENTIA,
            *collector.in_force(["ccf-practice-trial-in-absentia"]),
        )
        if retrial is True:
            collector.note(
                _ABSENTIA[0],
                facts,
                "The conviction was in absentia, but a retrial is guaranteed on return, which "
                "gives the person the trial in person that was missed and answers the "
                "due-process objection (under the model's assumed test)." + _ASSUMPTION,
            )
        elif all(answers[k] is False for k, _, _ in _ABSENTIA_QUESTIONS):
            # Arguable, not strong: no INTERPOL test is published and both published CCF
            # decisions on the point kept the data (issue 20 point 6).
            collector.find(
                FAIR_TRIAL,
                "arguable",
                "The person was convicted in absentia without knowing of the trial, without a "
                "lawyer to defend him or her, and with no retrial guaranteed on return. That "
                "is the strongest form of the argument under Article 2 (basic rights, RPD "
                "Arts 11(1) and 34(1)), but it remains only arguable: whether the CCF would "
                "delete on these facts is not established." + _ASSUMPTION,
                absentia_cites,
                facts,
            )
        else:
            open_ones = [(q, path) for key, q, path in _ABSENTIA_QUESTIONS if answers[key] is None]
            shown = [
                words
                for key, words in (
                    ("knew_of_trial", "the person knew of the trial"),
                    ("represented", "a lawyer defended the person"),
                )
                if answers[key] is True
            ]
            reason = "The person was convicted in absentia. "
            if shown:
                reason += (
                    "The facts show that " + " and that ".join(shown) + ", which would "
                    "usually answer the objection under the assumed test, though with no "
                    "retrial guaranteed the point can still be argued. "
                )
            if open_ones:
                reason += (
                    "The argument is at its strongest when the person neither knew of the "
                    "trial nor was represented and no retrial is guaranteed; not all of that "
                    "is known here. "
                )
            collector.find(
                FAIR_TRIAL,
                "arguable",
                reason.rstrip() + _ASSUMPTION,
                absentia_cites,
                facts,
            )
            for question, path in open_ones:
                collector.depends(f"{question} ({path})", path, question=question)
    elif case.in_absentia is None and details is not None:
        collector.note(
            _ABSENTIA[0],
            facts,
            "Details of a trial in absentia are given, but the facts do not say that the "
            "conviction was in absentia (case.in_absentia), so no fair-trial ground is drawn "
            "from them.",
        )
        collector.depends(
            "whether the person was convicted in absentia (case.in_absentia)",
            "case.in_absentia",
            question="whether the person was convicted in absentia",
        )
    if "unfair_trial" in case.human_rights_concerns:
        collector.find(
            FAIR_TRIAL,
            "arguable",
            "The person alleges that the proceedings are unfair; the CCF does not retry the "
            "case, but documented due-process failures count under Article 2.",
            cites,
            [("case.human_rights_concerns", case.human_rights_concerns)],
        )
    for e in case.extradition:
        if (
            e.outcome == "refused"
            and e.grounds == "fair_trial"
            and (e.date is None or e.date <= collector.on)
        ):
            collector.find(
                FAIR_TRIAL,
                "strong",
                f"{_name(e.country)} refused extradition because the person would not get a "
                "fair trial, a principle INTERPOL's rules share; such a refusal weighs heavily.",
                (*cites, _REFUSAL),
                [
                    ("case.extradition", "refused: fair_trial"),
                    ("case.extradition.country", e.country),
                ],
            )


#: The ground a protective refusal feeds, named in the refusal's reason (issue 20 point 16:
#: no "Article 2 and Article 3 grounds" where only one of them applies).
_PROTECTIVE_GROUND = {
    "political": "Article 3",
    "human_rights": "Article 2",
    "fair_trial": "fair-trial",
}


def _extradition(scenario: Scenario, collector: Collector) -> None:
    case = scenario.case
    refusals = 0
    non_protective = 0
    for index, e in enumerate(case.extradition):
        where = f"case.extradition[{index}]"
        facts: list[tuple[str, object]] = [
            (f"{where}.country", e.country),
            (f"{where}.outcome", e.outcome),
            (f"{where}.grounds", e.grounds),
            (f"{where}.date", e.date),
        ]
        if e.date is not None and e.date > collector.on:
            collector.note(
                _REFUSAL,
                facts,
                "These proceedings are dated after the day assessed and are left out.",
            )
            continue
        who = _name(e.country)
        if e.outcome == "refused":
            refusals += 1
            g = e.grounds
            if g in _PROTECTIVE:
                collector.find(
                    EXTRADITION_REFUSED,
                    "arguable",
                    f"{who} refused extradition on {g.replace('_', ' ')} grounds; the CCF weighs "
                    f"such a refusal heavily (see the {_PROTECTIVE_GROUND[g]} ground).",
                    (_REFUSAL,),
                    facts,
                )
            elif g == "dual_criminality":
                non_protective += 1
                collector.find(
                    INTERNATIONAL_INTEREST,
                    "arguable",
                    f"{who} refused extradition because the conduct is not a crime there; that "
                    "casts doubt on whether the case is a serious ordinary-law crime of "
                    "international interest.",
                    ("rpd-international-interest", _REFUSAL),
                    facts,
                )
                collector.find(
                    EXTRADITION_REFUSED,
                    "weak",
                    f"{who} refused extradition for lack of dual criminality.",
                    (_REFUSAL,),
                    facts,
                )
            elif g in ("insufficient_evidence", "limitation"):
                non_protective += 1
                why = (
                    "found the evidence insufficient"
                    if g == "insufficient_evidence"
                    else "found the case time-barred under its own law"
                )
                collector.find(
                    EXTRADITION_REFUSED,
                    "arguable",
                    f"{who} refused extradition because it {why}. The CCF does not weigh the "
                    "evidence itself, but such a refusal goes to the substance and the record "
                    "must reflect it.",
                    (_REFUSAL,),
                    facts,
                )
                if g == "limitation" and case.limitation_expired is None:
                    collector.depends(
                        "whether the case is also time-barred in the requesting state "
                        "(case.limitation_expired)",
                        "case.limitation_expired",
                        question="whether the case is also time-barred in the requesting state",
                    )
            else:
                non_protective += 1
                why = {
                    "procedural": "on procedural grounds",
                    "nationality": "because it does not surrender its own nationals",
                    "other": "for reasons that do not concern the merits",
                }.get(g or "", "for reasons that are not stated")
                collector.find(
                    EXTRADITION_REFUSED,
                    "weak",
                    f"{who} refused extradition {why}; such a refusal does not by itself make "
                    "the data non-compliant, but the record must reflect it.",
                    (_REFUSAL,),
                    facts,
                )
                if g is None:
                    collector.depends(
                        f"why extradition was refused ({where}.grounds): a refusal on "
                        "human-rights or political grounds weighs far more than a procedural one",
                        f"{where}.grounds",
                        question="why extradition was refused: a refusal on human-rights or "
                        "political grounds weighs far more than a procedural one",
                    )
        elif e.outcome == "granted":
            collector.find(
                PURPOSE_INVALID,
                "arguable",
                f"{who} granted extradition; once the person has been surrendered the purpose "
                "of the alert is achieved and the requester must withdraw it (Art 81(2)).",
                ("red-notice-purpose-achieved", "rpd-81-withdrawal"),
                facts,
            )
        elif e.outcome == "pending":
            collector.note(
                _REFUSAL,
                facts,
                f"Extradition proceedings in {who} are pending; "
                "they show the requesting state is acting on the alert.",
            )
    if non_protective >= 2:
        collector.find(
            EXTRADITION_REFUSED,
            "arguable",
            f"Extradition has been refused {non_protective} times; repeated refusals put the "
            "usefulness of the alert in question even when each refusal is procedural.",
            (_REFUSAL,),
            [("case.extradition", f"{non_protective} refusals")],
        )
    if refusals:
        collector.find(
            DATA_ACCURACY,
            "arguable",
            "Extradition has been refused; the data must record the refusal and its grounds "
            "so that other countries are not misled (accuracy and quality of data).",
            ("rpd-data-quality", _REFUSAL),
            [("case.extradition", f"{refusals} refusal(s)")],
        )


def evaluate_protection(scenario: Scenario, collector: Collector) -> None:
    """Find the protective grounds: refugee status, Article 2, fair trial, refusals abroad.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios._facts.scenario import Notice, Person, RefugeeStatus, Scenario
        >>> s = Scenario(id="x", notice=Notice(kind="diffusion", requesting_country="KAZ",
        ...     issued_on=datetime.date(2020, 1, 1)), person=Person(refugee_status=RefugeeStatus(
        ...     status="recognised", granted_by="GBR", feared_persecution_from="KAZ")))
        >>> c = Collector(s, datetime.date(2021, 1, 1))
        >>> evaluate_protection(s, c)
        >>> [(f.ground, f.strength) for f in c.findings]
        [('refugee_status', 'strong')]
    """
    _refugee(scenario, collector)
    _human_rights(scenario, collector)
    _fair_trial(scenario, collector)
    _extradition(scenario, collector)
