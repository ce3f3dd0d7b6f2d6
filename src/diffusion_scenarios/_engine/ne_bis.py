"""Ne bis in idem: what a final judgment on the same acts does to arrest risk and to the grounds.

The fact is ``case.final_judgment`` (country, date, result: ``acquitted`` |
``convicted_served`` | ``convicted_pending``). The law, from the legal brief's items
NBI-1 to NBI-8 (rules in ``data/rules/ne_bis_and_arrest.yaml``):

* **The judging state** is not expected to arrest on the alert with a view to surrendering
  the person for acts its own courts finally judged (``ne-bis-judging-state``, a model
  assumption, unverified). A conviction still to be served there can lead to an arrest to
  enforce that sentence, which is not a risk the INTERPOL alert creates.
* **Other Schengen and EU states.** CISA Art 54 (in force 26 March 1995) bars a second
  prosecution for the same acts once a state applying the acquis has finally disposed of
  the trial, but only when the enforcement condition is met: an acquittal, or a penalty
  served (``convicted_served``); ``convicted_pending`` does not meet it (NBI-1). From
  12 May 2021 the Court of Justice (C-505/19 *WS*, NBI-3) reads it, with Charter Art 50,
  as barring a provisional arrest on a third state's red notice in every Schengen or EU
  state once a final judicial decision has established the final disposal. Before that
  day the bar on prosecution existed but no court had said it stops a provisional arrest,
  so the risk from national practice stands and the reasons say so.
* **Outside that area** nothing binds (NBI-6): each state's own extradition law decides.
* **Grounds.** The RPD has no article on ne bis in idem (NBI-8). The ground is raised as a
  question of data accuracy (RPD Arts 12, 80(2), 48: the record should show the judgment)
  and, when the enforcement condition is met, of purpose and interest (Arts 35 and
  83(2)(b)(v)); which hook the CCF actually uses is unverified, and the reasons say so.

The area is read from ``data/eu_schengen.csv`` (EU members and Schengen states on the day).
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass
from diffusion_scenarios._engine.grounds.findings import Collector
from diffusion_scenarios._engine.grounds.ids import DATA_ACCURACY, PURPOSE_INVALID
from diffusion_scenarios._engine.stage import long_date
from diffusion_scenarios._facts.naming import requesting_state_name
from diffusion_scenarios._facts.scenario import FinalJudgment, Scenario
from diffusion_scenarios._law.countries import country_name, region_members
from diffusion_scenarios._law.rules import catalogue

__all__ = [
    "NeBisEffect",
    "enforcement_effect",
    "evaluate_ne_bis",
    "judgment_on",
    "ne_bis_area",
    "outside_area_note",
    "requesting_state_effect",
    "touched_countries",
]

Date = _dt.date

#: Results that meet CISA Art 54's enforcement condition (NBI-1).
FINAL_RESULTS = frozenset({"acquitted", "convicted_served"})

_RESULT_WORDS = {
    "acquitted": ("final acquittal", ""),
    "convicted_served": ("final conviction", " (sentence served)"),
    "convicted_pending": ("final conviction", " (sentence not yet served)"),
}


def _first_day(rule_id: str) -> Date:
    return catalogue().first_in_force(rule_id)


def cisa_in_force() -> Date:
    """The day CISA Art 54 came into force (26 March 1995, NBI-1)."""
    return _first_day("ne-bis-cisa-54")


def ws_judgment() -> Date:
    """The day of the Court of Justice's WS judgment (12 May 2021, NBI-3)."""
    return _first_day("ne-bis-ws-provisional-arrest")


@lru_cache(maxsize=4096)
def ne_bis_area(day: Date) -> frozenset[str]:
    """The INTERPOL members bound by the European ne bis rule on ``day``: EU or Schengen.

    Example:
        >>> import datetime
        >>> area = ne_bis_area(datetime.date(2022, 1, 1))
        >>> "HUN" in area, "IRL" in area, "CHE" in area, "USA" in area
        (True, True, True, False)
    """
    return frozenset(region_members("eu", day)) | frozenset(region_members("schengen", day))


@dataclass(frozen=True, slots=True, kw_only=True)
class NeBisEffect:
    """What a final judgment does to the arrest risk in one country on one day.

    ``cap`` lowers the risk to at most that level; ``floor`` raises it to at least that
    level; with neither, the effect only adds a reason. ``confidence`` is how sure the
    resulting risk is when the effect settles it.
    """

    reason: str
    citations: tuple[str, ...]
    rule: str
    cap: str | None = None
    floor: str | None = None
    confidence: str = "medium"
    facts: tuple[tuple[str, Any], ...] = ()


def judgment_on(scenario: Scenario, day: Date) -> FinalJudgment | None:
    """The final judgment if it is usable on ``day``: a country is given and it is not later."""
    judgment = scenario.case.final_judgment
    if judgment is None or judgment.country is None or judgment.result is None:
        return None
    if judgment.date is not None and judgment.date > day:
        return None
    if judgment.country == scenario.notice.requesting_country:
        return None  # the format's fact is a judgment given in another country
    return judgment


def _what(judgment: FinalJudgment) -> str:
    """``"Austria's final acquittal of 1 March 2020"``."""
    words, tail = _RESULT_WORDS.get(judgment.result or "", ("final judgment", ""))
    when = f" of {long_date(judgment.date)}" if judgment.date else ""
    return f"{country_name(judgment.country or '')}'s {words}{when}{tail}"


def _facts(judgment: FinalJudgment) -> tuple[tuple[str, Any], ...]:
    return (
        ("case.final_judgment.country", judgment.country),
        ("case.final_judgment.date", judgment.date),
        ("case.final_judgment.result", judgment.result),
    )


def _judged_in_area(judgment: FinalJudgment, day: Date) -> bool:
    return (judgment.country or "") in ne_bis_area(judgment.date or day)


def touched_countries(scenario: Scenario, day: Date) -> frozenset[str]:
    """The countries whose arrest risk on ``day`` the final judgment changes or explains."""
    judgment = judgment_on(scenario, day)
    if judgment is None:
        return frozenset()
    touched = {judgment.country or ""}
    if day >= cisa_in_force() and _judged_in_area(judgment, day):
        touched |= ne_bis_area(day)
    return frozenset(touched)


def enforcement_effect(scenario: Scenario, country: str, day: Date) -> NeBisEffect | None:
    """The effect of the final judgment on the risk in ``country`` (not the requesting state).

    Example:
        >>> import datetime
        >>> from diffusion_scenarios._facts.scenario import Case, FinalJudgment, Notice, Scenario
        >>> facts = Scenario(id="x", notice=Notice(kind="red_notice", requesting_country="USA",
        ...     issued_on=datetime.date(2019, 1, 1)), case=Case(final_judgment=FinalJudgment(
        ...     country="AUT", date=datetime.date(2020, 3, 1), result="acquitted")))
        >>> enforcement_effect(facts, "HUN", datetime.date(2021, 5, 12)).cap
        'low'
        >>> enforcement_effect(facts, "HUN", datetime.date(2021, 5, 11)).cap is None
        True
    """
    judgment = judgment_on(scenario, day)
    if judgment is None:
        return None
    name = country_name(country)
    what = _what(judgment)
    facts = _facts(judgment)
    final = judgment.result in FINAL_RESULTS
    if country == judgment.country:
        if final:
            return NeBisEffect(
                reason=(
                    f"Ne bis in idem: {what} disposed of the person's trial for the same acts. "
                    f"{name} is not expected to arrest on the alert to hand the person over for "
                    "acts its own courts have finally judged; extradition laws and treaties "
                    "commonly refuse it (a general principle assumed here, UNVERIFIED)."
                ),
                citations=("ne-bis-judging-state",),
                rule="ne-bis-judging-state",
                cap="low",
                confidence="medium",
                facts=facts,
            )
        return NeBisEffect(
            reason=(
                f"Ne bis in idem: after {what}, {name} is not expected to hand the person over "
                "for the same acts (a general principle assumed here, UNVERIFIED), but it can "
                "arrest the person to enforce its own sentence: that risk comes from its own "
                "judgment, not from the INTERPOL alert, and is shown as medium."
            ),
            citations=("ne-bis-judging-state",),
            rule="ne-bis-judging-state",
            cap="medium",
            floor="medium",
            confidence="low",
            facts=facts,
        )
    if day < cisa_in_force() or country not in ne_bis_area(day):
        return None
    if not _judged_in_area(judgment, day):
        return None
    if not final:
        return NeBisEffect(
            reason=(
                f"Ne bis in idem does not help in {name}: after {what}, the enforcement "
                "condition of CISA Art 54 is not met (a penalty must have been served, be "
                "being served or be no longer enforceable), so other Schengen and EU states "
                "are not barred from arresting on the alert."
            ),
            citations=("ne-bis-cisa-54",),
            rule="ne-bis-cisa-54",
            facts=facts,
        )
    if day < ws_judgment():
        return NeBisEffect(
            reason=(
                f"Ne bis in idem: after {what}, CISA Art 54 bars {name} from prosecuting the "
                f"person again for the same acts. On {long_date(day)}, however, no court had "
                "yet held that it also bars a provisional arrest on another state's alert (the "
                f"Court of Justice said so only on {long_date(ws_judgment())}, in C-505/19 WS), "
                "so the risk "
                "from national practice stands; the judgment is a strong argument to put to "
                "the court that reviews any arrest."
            ),
            citations=("ne-bis-cisa-54",),
            rule="ne-bis-cisa-54",
            facts=facts,
        )
    return NeBisEffect(
        reason=(
            f"Ne bis in idem: {what} finally disposed of the person's trial for the same acts "
            f"in a state applying the Schengen acquis. Since the Court of Justice's judgment "
            f"of {long_date(ws_judgment())} (C-505/19 WS), CISA Art 54 read with Article 50 of "
            "the Charter "
            f"bars a provisional arrest on the alert in {name}, a Schengen or EU state, once a "
            "final judicial decision has established this. A short stop while the authorities "
            "check it remains possible (only as far as the checks require), so the person "
            "should carry a copy of the judgment."
        ),
        citations=("ne-bis-ws-provisional-arrest", "ne-bis-cisa-54", "ne-bis-ws-checks"),
        rule="ne-bis-ws-provisional-arrest",
        cap="low",
        confidence="medium",
        facts=facts,
    )


def outside_area_note(scenario: Scenario, country: str, day: Date) -> NeBisEffect | None:
    """For a trip outside the Schengen/EU area after a judgment given inside it: no bar.

    Only trips use this note (the enforcement table would otherwise single out every
    country in the world); the risk is unchanged.
    """
    judgment = judgment_on(scenario, day)
    if judgment is None or country == judgment.country or day < cisa_in_force():
        return None
    if country in ne_bis_area(day):
        return None
    name = country_name(country)
    return NeBisEffect(
        reason=(
            f"Ne bis in idem: {_what(judgment)} does not bind {name}, which is outside the "
            "Schengen area and the EU; whether it stops an arrest there depends on its own "
            "extradition law and treaties."
        ),
        citations=("ne-bis-territorial-limit",),
        rule="ne-bis-territorial-limit",
        facts=_facts(judgment),
    )


def requesting_state_effect(scenario: Scenario, day: Date) -> NeBisEffect | None:
    """A requesting state inside the area is itself barred from prosecuting again (CISA 54)."""
    judgment = judgment_on(scenario, day)
    requesting = scenario.notice.requesting_country
    if (
        judgment is None
        or judgment.result not in FINAL_RESULTS
        or day < cisa_in_force()
        or requesting not in ne_bis_area(day)
        or not _judged_in_area(judgment, day)
    ):
        return None
    return NeBisEffect(
        reason=(
            f"Ne bis in idem: after {_what(judgment)}, CISA Art 54 bars "
            f"{requesting_state_name(scenario)}, itself a Schengen or EU state, from "
            "prosecuting the person again for the same acts; its warrant may still stand until "
            "its courts apply the bar, so the risk there is shown as at most medium."
        ),
        citations=("ne-bis-cisa-54",),
        rule="ne-bis-cisa-54",
        cap="medium",
        confidence="medium",
        facts=_facts(judgment),
    )


# ------------------------------------------------------------------------------ grounds
def evaluate_ne_bis(scenario: Scenario, collector: Collector) -> None:
    """Grounds from a final judgment on the same acts (called by the grounds stage).

    The RPD has no express article (NBI-8). The hook used here is data accuracy (RPD Art 12,
    with Arts 80(2) and 48) and, when the enforcement condition is met, the alert's purpose
    and interest (Arts 35 and 83(2)(b)(v)); the CCF's own choice of hook is unverified, and
    the reasons say so. CCF excerpts tagged ne bis in idem mostly kept the data with an
    update (NBI-7), so neither ground is strong.
    """
    on = collector.on
    given = scenario.case.final_judgment
    if given is not None and (given.country is None or given.result is None):
        collector.depends(
            "where the final judgment was given and whether it acquitted, or convicted with "
            "the sentence served or not (case.final_judgment.country and .result)",
            "case.final_judgment.country",
            "case.final_judgment.result",
            question="where the final judgment was given and whether it acquitted, or "
            "convicted with the sentence served or not",
        )
    judgment = judgment_on(scenario, on)
    if judgment is None:
        return
    what = _what(judgment)
    facts = list(_facts(judgment))
    rpd = collector.applies("ne-bis-rpd-hooks")
    hooks = ("ne-bis-rpd-hooks",) if rpd else ("rpd-before-2012",)
    hook_words = (
        "the RPD has no article on ne bis in idem; the hook used here is the duty to keep "
        "data accurate and up to date (RPD Art 12, with Arts 80(2) and 48), and whether the "
        "CCF applies it this way is UNVERIFIED"
        if rpd
        else "INTERPOL's earlier rules applied on that day; this model reads them through "
        "the current duty to keep data accurate (RPD Art 12), an UNVERIFIED assumption"
    )
    practice = collector.in_force(("ccf-practice-ne-bis-in-idem",))
    if judgment.result not in FINAL_RESULTS:
        collector.find(
            DATA_ACCURACY,
            "arguable",
            f"The record should show {what} for the same acts; {hook_words}. The sentence is "
            "not yet served, so the conviction does not bar other states (CISA Art 54's "
            "enforcement condition is not met) and does not by itself end the alert's purpose.",
            hooks,
            facts,
        )
        return
    collector.find(
        DATA_ACCURACY,
        "arguable",
        f"The record should show {what} for the same acts; {hook_words}.",
        hooks,
        facts,
    )
    in_area = on >= cisa_in_force() and _judged_in_area(judgment, on)
    requesting = scenario.notice.requesting_country
    why = ""
    cites: tuple[str, ...] = (*hooks, *practice)
    if in_area and requesting in ne_bis_area(on):
        why = (
            f" {requesting_state_name(scenario)} applies the Schengen acquis or EU law itself, so "
            "CISA Art 54 bars it from prosecuting the person again for the same acts."
        )
        cites = (*cites, "ne-bis-cisa-54")
    elif in_area and on >= ws_judgment():
        count = len(ne_bis_area(on))
        why = (
            f" Since {long_date(ws_judgment())} (C-505/19 WS) no provisional arrest on the "
            "alert is allowed "
            f"in any of the {count} Schengen and EU states once a final judicial decision has "
            "established the final disposal, which narrows the alert's use; the requesting "
            "state and INTERPOL themselves are not bound by that rule."
        )
        cites = (*cites, "ne-bis-ws-provisional-arrest")
    purpose_hook = (
        "RPD Arts 35 (interest for international police cooperation) and 83(2)(b)(v) (a valid "
        "judicial basis) are the hooks used here; their use for ne bis in idem is UNVERIFIED"
        if rpd
        else "the hook in INTERPOL's earlier rules is not encoded and is UNVERIFIED"
    )
    collector.find(
        PURPOSE_INVALID,
        "arguable",
        f"Ne bis in idem: {what} finally disposed of the trial for the same acts, so an arrest "
        f"with a view to a new trial serves a questionable purpose; {purpose_hook}.{why} "
        "The CCF has kept such data with an update more often than it has deleted them.",
        cites,
        facts,
    )
