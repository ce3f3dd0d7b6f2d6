"""Unfunded cheques (brief CHQ-1 to CHQ-5), unless linked to organised crime.

- *Private dispute (ccf-practice-cheques, CHQ-3).* A bounced cheque is a **strong**
  private-dispute ground only when the facts show that intent to defraud is absent
  (case.fraudulent_intent: false); a debt without intent to defraud then also lacks the
  seriousness international interest requires (international_interest, **arguable**: the
  CCF's 2019 cheque decision is reported under "international interest and
  seriousness"). With intent unknown it is **arguable**, whatever the sum, and the answer
  depends on case.fraudulent_intent. With intent shown there is no
  private-dispute ground from the CCF's practice; once the General Secretariat's list
  applies, the ground is **weak**, because the list excludes cheques but whether its entry
  keeps cases of proven fraud is unverified.
- *The General Secretariat's list*, whose date is contested: "by 2021" (RN-3,
  gs-list-unfunded-cheques-by-2021) or 28 January 2022 (CHQ-4, gs-list-unfunded-cheques).
  Both are cited with their sources and shown as unverified. What the engine does between
  the two dates (an unverified choice, said in the reasons): from 1 January 2021 it treats
  the entry as possibly in force and cites the 2021 report, but lets the strength still
  turn on intent and keeps applying the older threshold; from 28 January 2022 it cites
  both and drops the threshold.
- *Seriousness (gs-cheque-threshold, CHQ-2; rpd-international-interest).* Until the 2022
  list, a cheque case was reported to need at least USD 10,000 or repeated cheques. The
  sum is a matter of seriousness and international interest, never of the penalty
  threshold in years: below USD 10,000 a single cheque is **strong**
  (international_interest), two cheques or an unknown number **arguable** (this model
  reads "several occasions" as three or more); an unknown sum is an open question (the
  answer depends on it), not a ground.
"""

from __future__ import annotations

from diffusion_scenarios._engine.grounds.art83 import (
    EXCLUSIONS,
    find_capped,
    from_day,
    interest_rules,
)
from diffusion_scenarios._engine.grounds.findings import Collector
from diffusion_scenarios._engine.grounds.ids import INTERNATIONAL_INTEREST, PRIVATE_DISPUTE
from diffusion_scenarios._engine.stage import rule_year
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.rules import catalogue

__all__ = ["evaluate_cheques"]

_GS_LIST = "rpd-83-1-a-i-gs-list"
_LIST_2021 = "gs-list-unfunded-cheques-by-2021"
_LIST_2022 = "gs-list-unfunded-cheques"
_THRESHOLD = "gs-cheque-threshold"
_CHEQUE_PRACTICE = "ccf-practice-cheques"


def _cheque_minimum(collector: Collector) -> str:
    """The older cheque threshold in words (``USD 10,000``)."""
    return f"USD {float(collector.value(_THRESHOLD, 'min_amount_usd')):,.0f}"


def _cheque_list(collector: Collector) -> tuple[tuple[str, ...], str]:
    """The reports of the General Secretariat's cheque entry in force, and what they say.

    The date is contested (RN-3 "by 2021" against CHQ-4 "28 January 2022"). From 1 January
    2021 the entry is treated as possibly in force; from 28 January 2022 both reports apply.
    """
    if collector.applies(_LIST_2022):
        return (_LIST_2022, _LIST_2021, _GS_LIST), (
            " Unfunded cheques are reported on the General Secretariat's list of offences for "
            f"which red notices may not be published: published on {from_day(_LIST_2022)} by one "
            "account, on the list 'by 2021' by another (the date is unverified). The list "
            "itself was not read, so whether its entry keeps cases of proven fraud is "
            "unverified."
        )
    if collector.applies(_LIST_2021):
        return (_LIST_2021, _GS_LIST), (
            " One source reports unfunded cheques on the General Secretariat's list of "
            "excluded offences by 2021; another dates the list to "
            f"{from_day(_LIST_2022)}. Between the two dates this model treats the entry as "
            "possibly in force (an unverified choice): it is cited, but the strength still "
            f"turns on intent, and the older {_cheque_minimum(collector)} threshold still "
            "applies."
        )
    return (), ""


def evaluate_cheques(scenario: Scenario, collector: Collector) -> None:
    case = scenario.case
    if case.offence != "unfunded_cheque":
        return
    intent = case.fraudulent_intent
    facts: list[tuple[str, object]] = [
        ("case.offence", case.offence),
        ("case.fraudulent_intent", intent),
        ("case.amount_usd", case.amount_usd),
        ("case.cheque_count", case.cheque_count),
        ("case.organised_crime_link", case.organised_crime_link),
    ]
    if case.organised_crime_link is True:
        collector.note(
            EXCLUSIONS,
            facts,
            "The cheques are alleged to be linked to organised or serious crime, so neither the "
            "General Secretariat's list nor the CCF's cheque practice takes them out of scope.",
        )
        return
    listed, list_text = _cheque_list(collector)
    if not listed:
        collector.note(
            _LIST_2021,
            facts,
            "The General Secretariat's list of excluded offences did not apply yet to "
            "unfunded cheques on this date (their entry is reported from "
            f"{catalogue().first_in_force(_LIST_2021).year}, or from {from_day(_LIST_2022)}; both "
            "dates unverified); the CCF's cheque practice applies.",
        )
    if not collector.applies(_CHEQUE_PRACTICE):
        return
    rules = (_CHEQUE_PRACTICE, EXCLUSIONS, *listed)
    if intent is False:
        find_capped(
            collector,
            PRIVATE_DISPUTE,
            "strong",
            "The facts show no intent to defraud: the cheque bounced because the drawer could "
            "not pay. The CCF has held that an uncovered cheque issued without criminal intent "
            "is a private debt, not a serious ordinary-law crime, and had such data deleted."
            + list_text,
            rules,
            facts,
        )
        find_capped(
            collector,
            INTERNATIONAL_INTEREST,
            "arguable",
            "A debt owed without any intent to defraud also lacks the seriousness that makes "
            "data of real interest for international police cooperation; the CCF weighs cheque "
            "cases under that heading too.",
            (_CHEQUE_PRACTICE, *interest_rules(scenario)),
            facts,
        )
    elif intent is None:
        find_capped(
            collector,
            PRIVATE_DISPUTE,
            "arguable",
            "A bounced cheque is a private debt rather than a serious ordinary-law crime when "
            "no intent to defraud is shown, as the CCF has held; whether there was such intent "
            "is not stated, so the ground is arguable, whatever the sum." + list_text,
            rules,
            facts,
        )
        collector.depends(
            "whether intent to defraud is shown (case.fraudulent_intent): a bounced cheque "
            "is a strong private-dispute ground only when intent is shown to be absent",
            "case.fraudulent_intent",
            question="whether intent to defraud is shown: a bounced cheque is a strong "
            "private-dispute ground only when intent is shown to be absent",
        )
    elif listed:
        find_capped(
            collector,
            PRIVATE_DISPUTE,
            "weak",
            "The facts show intent to defraud, which takes the case beyond a private debt in "
            "the CCF's practice; only the General Secretariat's list could still exclude it."
            + list_text,
            rules,
            facts,
        )
    else:
        collector.note(
            _CHEQUE_PRACTICE,
            facts,
            "The facts show intent to defraud, so the CCF's reading of a bounced cheque as a "
            "private debt does not apply.",
        )
    _cheque_seriousness(scenario, collector, facts)


def _cheque_seriousness(
    scenario: Scenario, collector: Collector, facts: list[tuple[str, object]]
) -> None:
    """The older cheque threshold (CHQ-2): a matter of seriousness, not of years of penalty."""
    case = scenario.case
    if not collector.applies(_THRESHOLD):
        if collector.applies(_LIST_2022):
            collector.note(
                _LIST_2022,
                facts,
                f"The older {_cheque_minimum(collector)} threshold for cheque cases is no "
                f"longer applied from {from_day(_LIST_2022)}: the list reported for that date "
                "treats cheque cases as excluded whatever the sum.",
            )
        return
    minimum = float(collector.value(_THRESHOLD, "min_amount_usd"))
    repeated = int(collector.value(_THRESHOLD, "repeated_cheques"))
    amount, count = case.amount_usd, case.cheque_count
    rules = (_THRESHOLD, *interest_rules(scenario))
    threshold = (
        f"the USD {minimum:,.0f} (or repeated cheques) that the General Secretariat was "
        f"reported to require in cheque cases before its {rule_year(_LIST_2022)} list"
    )
    if amount is not None and amount >= minimum:
        collector.note(
            _THRESHOLD,
            facts,
            f"The cheques total about USD {amount:,.0f}, which meets {threshold}; the sum does "
            "not by itself decide whether the case is a private debt.",
        )
        return
    if count is not None and count >= repeated:
        collector.note(
            _THRESHOLD,
            facts,
            f"{count} cheques were issued, which meets the repeated-cheques limb of {threshold}.",
        )
        return
    if amount is None:
        collector.depends(
            "the sum of the cheques (case.amount_usd), set against the USD "
            f"{minimum:,.0f} reported as the threshold in cheque cases before the "
            f"{rule_year(_LIST_2022)} list"
            + (" (or how many were issued, case.cheque_count)" if count is None else ""),
            "case.amount_usd",
            *(("case.cheque_count",) if count is None else ()),
            question=f"the sum of the cheques, set against the USD {minimum:,.0f} reported as "
            f"the threshold in cheque cases before the {rule_year(_LIST_2022)} list",
        )
        collector.note(
            _THRESHOLD,
            facts,
            "The sum of the cheques is not stated, so whether the case reaches the seriousness "
            "looked for in cheque cases is an open question, not a ground.",
        )
        return
    if count is None:
        strength = "arguable"
        why = (
            "the threshold is still met if several cheques were issued on separate "
            "occasions, and how many were issued is not stated"
        )
        collector.depends(
            "how many cheques were issued (case.cheque_count): repeated cheques meet the "
            "threshold whatever the sum",
            "case.cheque_count",
            question="how many cheques were issued: repeated cheques meet the threshold "
            "whatever the sum",
        )
    elif count > 1:
        strength = "arguable"
        why = (
            f"{count} cheques were issued, and whether that is the repeated issuing the "
            f"threshold also accepts is for the CCF to judge (this model reads it as {repeated} "
            "cheques or more)"
        )
    else:
        strength = "strong"
        why = "a single cheque is not the repeated issuing the threshold also accepts"
    find_capped(
        collector,
        INTERNATIONAL_INTEREST,
        strength,
        f"The cheques total about USD {amount:,.0f}, below {threshold}; {why}. The sum goes to "
        "the seriousness and international interest of the case, not to the penalty "
        "threshold in years.",
        rules,
        facts,
    )
