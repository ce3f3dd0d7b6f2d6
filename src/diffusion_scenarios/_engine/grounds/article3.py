"""Article 3 of the Constitution: the predominance test, as a weighing of stated facts.

The law (constitution-art-3, agn-20-res-11-predominance): INTERPOL may not touch matters of
a political, military, religious or racial character, and it does not take the requesting
country's label for granted. Each case is weighed: the data are barred when the political
(military, religious, racial) element *outweighs* the ordinary-law element.

How this module weighs, and why (the general rule first, then its exceptions):

1. **General rule: no Article 3 issue** unless the facts carry an indicator.

2. **Exception: offences political by nature** (the context says so, or the offence is an
   insult to authority, an unauthorised protest, or the defamation of officials by a critic)
   are barred outright: there is no ordinary-law element to weigh. Likewise desertion and
   other purely military offences (military limb, since the 1956 Constitution named it) and
   blasphemy or apostasy (religious limb). Strength: strong.

3. **Otherwise, the predominance weighing.** The political side adds up indicators, grouped
   as the CCF's reasoning groups them (rpd-34-article3-factors, unverified as a list):

   * *status* of the person (critic, opponent, journalist, activist, defender; for the
     religious and racial limbs a religious figure or a member of a minority): 1;
   * *timing*: the prosecution followed political activity, 1; an election period, 1;
   * *context*: a relative or associate of an ousted regime, 1; the state is itself party to
     the underlying dispute, 1; assets taken by the state or officials, 2 (a politicised
     dispute over the person's property: it weighs, but it is the person's own account of
     the background, not corroboration from outside);
   * *corroboration* from outside the requesting state or from a pattern: other politically
     motivated cases, 2; a court finding of persecution, 2; refugee status granted against
     the requesting state, 2; a third state finding the case political, or refusing
     extradition as political, 4 (counted once: an authority of another member country has
     already done the weighing, and on an ordinary charge that settles it, while a grave
     charge described in detail still outweighs it).

   The ordinary-law side is the seriousness of the charge (homicide, terrorism, violence,
   sexual offences, drug trafficking and organised crime 3; most economic and property
   crime 2; minor and norm-based offences 1; unknown 2), plus 1 when the summary of facts
   describes the person's own acts and minus 1 when it does not (a vague charge weighs less).

   * **strong** when the political side, corroborated from outside, exceeds the ordinary-law
     side (P >= W + 1), or clearly outweighs it even without corroboration (P >= W + 2);
   * **arguable** when the political side carries two or more points but does not
     predominate; **weak** with a single point.
   * **Cap (C-3b):** a political backdrop alone (status and context, no timing and no
     corroboration: a relative of a fallen regime, an opposition member, a businessperson in
     a politicised dispute) does not outweigh a serious ordinary-law charge; it stays at most
     arguable.

4. **Terrorism caution (agn-53-res-7-terrorism):** a terrorism charge is neither political by
   definition nor immune; the reasons say whether the summary describes specific violent
   acts, which is what decides it, and the weight of the charge (3) already makes strong
   harder to reach.

The religious and racial limbs use the same weighing with the religious or ethnic status in
place of the political one. Their only corroboration is a finding of persecution as such (a
court's finding, a refugee recognition against the requesting state); political timing, the
political context and a third state's finding that the case is *political* speak to the
political limb only, so a religious figure whose case a third state found political has a
political ground, not a religious one.

The numbers are a teaching device to make the weighing explicit and testable, not the
CCF's own arithmetic; every reason names the facts that carried weight. They live in the
rule catalogue (``model-article3-weights`` in data/rules/substantive.yaml, labelled a model
assumption), with the lists of grave and minor offences: edit them there, not here.
"""

from __future__ import annotations

from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine.grounds.findings import (
    Collector,
    refugee_recognised_against_requesting,
    weaker,
)
from diffusion_scenarios._engine.grounds.ids import (
    ARTICLE3_MILITARY,
    ARTICLE3_POLITICAL,
    ARTICLE3_RACIAL,
    ARTICLE3_RELIGIOUS,
)
from diffusion_scenarios._facts.scenario import Scenario
from diffusion_scenarios._law.rules import catalogue

__all__ = [
    "evaluate_article3",
    "offence_seriousness",
    "offence_weight",
]


#: The ground each Article 3 limb weighs.
_LIMB_GROUNDS = {
    "political": ARTICLE3_POLITICAL,
    "military": ARTICLE3_MILITARY,
    "religious": ARTICLE3_RELIGIOUS,
    "racial": ARTICLE3_RACIAL,
}
#: The catalogue rule holding the weights of the predominance test (a model assumption).
WEIGHTS_RULE = "model-article3-weights"
#: The person is targeted for a relative's politics (issue 20 point 14).
_RELATIVE = "targeted_for_relatives_politics"
_POLITICAL_BY_NATURE_OFFENCES = frozenset({"insult_to_authority", "unauthorised_protest"})
_CRITIC_PROFILES = (
    "opposition_figure",
    "politician",
    "journalist",
    "activist",
    "human_rights_defender",
)
# Corroboration that speaks to persecution of any kind, not to politics in particular.
_PERSECUTION_FINDINGS = frozenset({"court_found_persecution", "recognised"})
_ART3 = ("constitution-art-3", "agn-20-res-11-predominance", "rpd-34-article3-factors")


@dataclass(frozen=True, slots=True)
class _Indicator:
    path: str
    value: object
    weight: int
    kind: str  # status | timing | context | corroboration
    text: str


def _weights() -> dict[str, Any]:
    """The weights of the predominance test, from the rule catalogue."""
    return catalogue().latest(WEIGHTS_RULE)


def _indicator_weight(name: str) -> int:
    return int(_weights()["indicators"][name])


def offence_seriousness(offence: str | None) -> str:
    """``heavy`` (among the gravest charges), ``light`` (minor or norm-based) or ``ordinary``.

    Example:
        >>> offence_seriousness("homicide"), offence_seriousness("fraud")
        ('heavy', 'ordinary')
    """
    weights = _weights()
    if offence in weights["heavy_offences"]:
        return "heavy"
    if offence in weights["light_offences"]:
        return "light"
    return "ordinary"


def offence_weight(offence: str | None) -> int:
    """Seriousness of a charge on the ordinary-law side: 3 grave, 2 ordinary, 1 minor.

    Example:
        >>> offence_weight("homicide"), offence_weight("fraud"), offence_weight("defamation")
        (3, 2, 1)
    """
    return int(_weights()["offence_weight"][offence_seriousness(offence)])


def _ordinary_side(scenario: Scenario) -> tuple[int, str]:
    case = scenario.case
    weight = offence_weight(case.offence)
    seriousness = offence_seriousness(case.offence)
    own_acts = int(_weights()["own_acts"])
    if case.offence is None:
        charge = "the charge is not stated, so it is weighed as an ordinary crime"
    elif case.offence == "other":
        charge = (
            "the offence is unknown (the facts record it only as 'other'), so it is weighed "
            "as an ordinary crime"
        )
    elif seriousness == "heavy":
        charge = f"{_words(case.offence)} is among the gravest charges"
    elif seriousness == "light":
        charge = f"{_words(case.offence)} is a minor or norm-based charge"
    else:
        charge = f"{_words(case.offence)} is an ordinary-law charge of real weight"
    if case.summary_names_person_role is True:
        weight += own_acts
        charge += ", and the summary of facts describes the person's own acts"
    elif case.summary_names_person_role is False:
        weight = max(0, weight - own_acts)
        charge += ", but the summary of facts does not describe the person's own acts"
    return weight, charge


def _words(token: str) -> str:
    return token.replace("_", " ")


def _shared_indicators(scenario: Scenario, collector: Collector) -> list[_Indicator]:
    """Timing, context and corroboration indicators, common to every Article 3 limb."""
    case = scenario.case
    context = set(case.political_context)
    found: list[_Indicator] = []
    path = "case.political_context"
    if "prosecution_follows_political_activity" in context:
        found.append(
            _Indicator(
                path,
                "prosecution_follows_political_activity",
                _indicator_weight("prosecution_follows_political_activity"),
                "timing",
                f"the prosecution followed {_whose_politics(scenario)} political activity",
            )
        )
    if "election_period" in context:
        found.append(
            _Indicator(
                path,
                "election_period",
                _indicator_weight("election_period"),
                "timing",
                "the case was brought in an election period",
            )
        )
    if "former_official_of_ousted_regime" in context:
        found.append(
            _Indicator(
                path,
                "former_official_of_ousted_regime",
                _indicator_weight("former_official_of_ousted_regime"),
                "context",
                "the person is linked to a regime that has fallen",
            )
        )
    if "state_is_party_to_dispute" in context:
        found.append(
            _Indicator(
                path,
                "state_is_party_to_dispute",
                _indicator_weight("state_is_party_to_dispute"),
                "context",
                "the requesting state is itself a party to the underlying dispute",
            )
        )
    if "other_politically_motivated_cases" in context:
        found.append(
            _Indicator(
                path,
                "other_politically_motivated_cases",
                _indicator_weight("other_politically_motivated_cases"),
                "corroboration",
                "there are other politically motivated cases against the "
                "person or people like them",
            )
        )
    if "assets_taken_by_state_or_officials" in context:
        # A businessperson in a dispute with the state over his assets is the politicised
        # dispute C-3b speaks of: it weighs (2), but it is context, not outside corroboration.
        found.append(
            _Indicator(
                path,
                "assets_taken_by_state_or_officials",
                _indicator_weight("assets_taken_by_state_or_officials"),
                "context",
                "the state or officials took the person's assets",
            )
        )
    if "court_found_persecution" in case.human_rights_concerns:
        found.append(
            _Indicator(
                "case.human_rights_concerns",
                "court_found_persecution",
                _indicator_weight("court_found_persecution"),
                "corroboration",
                "a court has found that the person is persecuted",
            )
        )
    if refugee_recognised_against_requesting(scenario, collector.on):
        found.append(
            _Indicator(
                "person.refugee_status.status",
                "recognised",
                _indicator_weight("refugee_recognised"),
                "corroboration",
                "a country recognised the person as a refugee from the requesting state",
            )
        )
    political_refusals = [
        e
        for e in case.extradition
        if e.outcome == "refused"
        and e.grounds == "political"
        and (e.date is None or e.date <= collector.on)
    ]
    if "third_state_found_political" in context or political_refusals:
        value = (
            "third_state_found_political"
            if "third_state_found_political" in context
            else "refused: political"
        )
        where = path if "third_state_found_political" in context else "case.extradition"
        found.append(
            _Indicator(
                where,
                value,
                _indicator_weight("third_state_found_political"),
                "corroboration",
                "another country has found the case political"
                + (" and refused extradition on that ground" if political_refusals else ""),
            )
        )
    return found


def _politically_active(scenario: Scenario) -> bool:
    """Whether the facts show the person's own political status (not a relative's)."""
    context = scenario.case.political_context
    return any(p in scenario.person.profile for p in _CRITIC_PROFILES) or any(
        c in context for c in ("critic_of_government", "political_opponent_or_rival")
    )


def _whose_politics(scenario: Scenario) -> str:
    """Whose political activity the prosecution followed, as far as the facts say."""
    if _politically_active(scenario):
        return "the person's"
    if _RELATIVE in scenario.case.political_context:
        return "a relative's"
    return "someone's (the facts do not show the person's own)"


def _status(scenario: Scenario, limb: str) -> _Indicator | None:
    profile = scenario.person.profile
    context = scenario.case.political_context
    if limb == "political":
        for p in _CRITIC_PROFILES:
            if p in profile:
                article = "an" if p[0] in "aeiou" else "a"
                return _Indicator(
                    "person.profile",
                    p,
                    _indicator_weight("status"),
                    "status",
                    f"the person is {article} {_words(p)}",
                )
        if "critic_of_government" in context:
            return _Indicator(
                "case.political_context",
                "critic_of_government",
                _indicator_weight("status"),
                "status",
                "the person is a critic of the government",
            )
        if "political_opponent_or_rival" in context:
            return _Indicator(
                "case.political_context",
                "political_opponent_or_rival",
                _indicator_weight("status"),
                "status",
                "the person is a political opponent or rival",
            )
        if _RELATIVE in context:
            # RPD Art 34(3)(b): the status of the persons concerned, which covers a person
            # targeted for a relative's politics, not only for his or her own.
            return _Indicator(
                "case.political_context",
                _RELATIVE,
                _indicator_weight("status"),
                "status",
                "the person is targeted because of a relative's political activity (the "
                "status of the persons concerned, RPD Art 34(3)(b))",
            )
        return None
    wanted = "religious_figure" if limb == "religious" else "ethnic_or_religious_minority"
    if wanted in profile:
        text = (
            "the person is a religious figure"
            if limb == "religious"
            else "the person belongs to an ethnic or religious minority"
        )
        return _Indicator("person.profile", wanted, _indicator_weight("status"), "status", text)
    return None


def _weigh(
    limb: str,
    scenario: Scenario,
    collector: Collector,
    shared: list[_Indicator],
) -> None:
    status = _status(scenario, limb)
    if limb != "political" and status is None:
        return  # the religious and racial limbs need the person's religious/ethnic status
    element = {"political": "political", "religious": "religious", "racial": "racial or ethnic"}
    if limb != "political":
        # Only findings of persecution as such (a court's, or a refugee recognition against
        # the requesting state) can corroborate a religious or racial character. Political
        # timing, a political context and a finding that the case is *political* speak to
        # the political limb only: counting them here would turn one political finding
        # into a religious or racial ground the facts do not show.
        shared = [i for i in shared if i.value in _PERSECUTION_FINDINGS]
    indicators = ([status] if status else []) + shared
    political = sum(i.weight for i in indicators)
    if political == 0:
        return
    ordinary, charge = _ordinary_side(scenario)
    kinds = {i.kind for i in indicators}
    corroborated = "corroboration" in kinds
    backdrop_only = not ({"timing", "corroboration"} & kinds)
    weights = _weights()
    if (corroborated and political >= ordinary + weights["strong_margin_corroborated"]) or (
        not backdrop_only and political >= ordinary + weights["strong_margin_uncorroborated"]
    ):
        strength = "strong"
        verdict = f"the {element[limb]} element outweighs the ordinary-law element"
    elif political >= weights["arguable_from"]:
        strength = "arguable"
        verdict = (
            f"there is a real {element[limb]} element, but it does not clearly outweigh the "
            "ordinary-law element"
        )
    else:
        strength = "weak"
        verdict = f"a single {element[limb]} indicator does not outweigh an ordinary-law charge"
    if backdrop_only and strength == "strong":
        strength = weaker(strength, "arguable")
    if backdrop_only:
        verdict += (
            f"; a {element[limb]} backdrop alone (status or context, with no suspicious timing "
            "and no outside corroboration) does not outweigh an ordinary-law charge"
        )
    ground = _LIMB_GROUNDS[limb]
    side = "; ".join(i.text for i in indicators)
    reasons = [
        f"On the {element[limb]} side: {side}. On the ordinary-law side: {charge}. "
        f"Weighing the two (predominance test): {verdict}."
    ]
    citations = list(_ART3)
    if scenario.case.offence == "terrorism":
        citations.append("agn-53-res-7-terrorism")
        role = scenario.case.summary_names_person_role
        acts = (
            "it does, which keeps the ordinary-law element strong"
            if role is True
            else "it does not, which weakens the ordinary-law element"
            if role is False
            else "that is not known"
        )
        reasons.append(
            "The charge is terrorism: under AGN/53/RES/7 that label neither settles nor rules "
            "out Article 3; what counts is whether the summary describes specific violent acts "
            f"by the person ({acts})."
        )
    facts = [(i.path, i.value) for i in indicators]
    facts += [
        ("case.offence", scenario.case.offence),
        ("case.summary_names_person_role", scenario.case.summary_names_person_role),
    ]
    collector.find(ground, strength, " ".join(reasons), citations, facts)
    collector.note(
        "agn-20-res-11-predominance",
        facts,
        f"{ground}: political side {political} against ordinary-law side {ordinary} "
        f"({'corroborated' if corroborated else 'not corroborated from outside'}) -> {strength}",
    )
    if scenario.case.offence in (None, "other"):
        collector.depends(
            "the offence charged (case.offence), which the Article 3 weighing sets against "
            "the political indicators",
            "case.offence",
            question="the offence charged, which the Article 3 weighing sets against the "
            "political indicators",
        )


def evaluate_article3(scenario: Scenario, collector: Collector) -> None:
    """Find the Article 3 grounds (political, military, religious, racial) on these facts.

    Example:
        >>> import datetime
        >>> from diffusion_scenarios._facts.scenario import Case, Notice, Person, Scenario
        >>> s = Scenario(id="x", notice=Notice(kind="diffusion", requesting_country="TUR",
        ...     issued_on=datetime.date(2020, 1, 1)), case=Case(offence="insult_to_authority"))
        >>> c = Collector(s, datetime.date(2021, 1, 1))
        >>> evaluate_article3(s, c)
        >>> [(f.ground, f.strength) for f in c.findings]
        [('article3_political', 'strong')]
    """
    case = scenario.case
    offence = case.offence
    on_facts = [("case.offence", offence), ("case.political_context", case.political_context)]
    shared = _shared_indicators(scenario, collector)
    status = _status(scenario, "political")

    # Exception: political by nature -> strong without weighing.
    nature = None
    if "offence_is_political_by_nature" in case.political_context:
        nature = "the facts describe it as such"
    elif offence in _POLITICAL_BY_NATURE_OFFENCES:
        nature = f"{_words(offence or '')} punishes political expression or dissent as such"
    elif offence == "defamation" and (status is not None or shared):
        nature = (
            "a defamation charge brought against a critic or in a political context punishes "
            "speech about those in power"
        )
    if nature is not None:
        collector.find(
            ARTICLE3_POLITICAL,
            "strong",
            f"The offence is political by nature: {nature}. There is no ordinary-law element "
            "that could outweigh it.",
            _ART3,
            on_facts,
        )
    else:
        _weigh("political", scenario, collector, shared)

    # Military limb: purely military offences (named in Article 3 since 1956).
    if offence == "desertion_or_military":
        if collector.value("constitution-art-3", "military"):
            collector.find(
                ARTICLE3_MILITARY,
                "strong",
                "Desertion and other purely military offences are of a military character, "
                "which Article 3 bars INTERPOL from handling.",
                ("constitution-art-3", "agn-20-res-11-predominance"),
                [("case.offence", offence)],
            )
        else:
            collector.note(
                "constitution-art-3",
                [("case.offence", offence)],
                "Before the 1956 Constitution the neutrality clause did not name military "
                "matters, so no military ground is found on this date.",
            )

    # Religious limb: religious offences by nature, else the weighing for religious figures.
    if offence == "blasphemy_or_apostasy":
        collector.find(
            ARTICLE3_RELIGIOUS,
            "strong",
            "Blasphemy and apostasy punish religious belief or its expression; the case is "
            "religious in character and Article 3 bars it.",
            ("constitution-art-3", "agn-20-res-11-predominance"),
            [("case.offence", offence)],
        )
    else:
        _weigh("religious", scenario, collector, shared)

    # Racial or ethnic limb: a minority member with persecution indicators.
    _weigh("racial", scenario, collector, shared)
