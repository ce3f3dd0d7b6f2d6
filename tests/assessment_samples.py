"""Hand-built Assessments for the renderer tests (plots, memos), independent of the engine.

The values are chosen so every category a renderer can show appears at least once: a
requesting state, recipients at each arrest risk, non-recipients, a non-member, trips
before and after the decision deadline, estimated route dates, an unverified rule.
"""

from __future__ import annotations

import datetime as dt

from diffusion_scenarios._engine.assessment import (
    Assessment,
    Circulation,
    Citation,
    EnforcementEntry,
    Ground,
    Issuance,
    Outcome,
    RouteStep,
    TraceEntry,
    TravelEntry,
    Unknown,
)
from diffusion_scenarios._facts.scenario import (
    Case,
    Challenge,
    Notice,
    Person,
    Scenario,
    Trip,
)
from diffusion_scenarios.plots import tile_layout

REQUESTING = "KAZ"
HIGH = ("FRA", "DEU")
MEDIUM = ("ESP",)
LOW = ("ITA",)
NO_RISK = ("GBR",)
NOT_MEMBER = "PLW"  # left out of enforcement: not a member on the date
RECIPIENTS = (*HIGH, *MEDIUM, *LOW, *NO_RISK)
AS_OF = dt.date(2025, 3, 1)
FILED = dt.date(2025, 2, 1)
ADMISSIBLE = dt.date(2025, 3, 3)
DELETION_DUE = dt.date(2025, 12, 3)
TRIP_BEFORE = ("FRA", dt.date(2025, 6, 1))
TRIP_AFTER = ("GBR", dt.date(2026, 2, 15))


def sample_scenario(title: str = "Diffusion after a failed joint venture") -> Scenario:
    return Scenario(
        id="joint-venture-diffusion",
        title=title,
        as_of=AS_OF,
        notes="The client says the investors sued in London first.",
        person=Person(nationalities=("KAZ",), residence="GBR", profile=("businessperson",)),
        notice=Notice(
            kind="diffusion",
            requesting_country=REQUESTING,
            issued_on=dt.date(2025, 1, 10),
            purpose="arrest",
            recipients=("europe",),
        ),
        case=Case(
            stage="prosecution",
            offence="fraud",
            offence_summary="Alleged diversion of investor funds",
            max_penalty_years=10,
            origin="commercial_dispute",
            amount_usd=250000,
        ),
        travel=(
            Trip(country=TRIP_BEFORE[0], date=TRIP_BEFORE[1]),
            Trip(country=TRIP_AFTER[0], date=TRIP_AFTER[1]),
        ),
        challenge=Challenge(filed_on=FILED, requests=("access", "deletion"), urgent=True),
    )


def sample_assessment(
    *,
    title: str = "Diffusion after a failed joint venture",
    grounds: tuple[Ground, ...] | None = None,
) -> Assessment:
    scenario = sample_scenario(title)
    enforcement: list[EnforcementEntry] = []
    for tile in tile_layout():
        code = tile.country
        if code == NOT_MEMBER:
            continue
        if code == REQUESTING:
            enforcement.append(
                EnforcementEntry(
                    country=code,
                    received=False,
                    arrest_risk="high",
                    consequence="Domestic warrant applies.",
                    reasons=("The requesting state enforces its own warrant.",),
                    role="requesting",
                )
            )
            continue
        if code in RECIPIENTS:
            risk = (
                "high"
                if code in HIGH
                else "medium"
                if code in MEDIUM
                else "low"
                if code in LOW
                else "none"
            )
            enforcement.append(
                EnforcementEntry(
                    country=code,
                    received=True,
                    arrest_risk=risk,
                    consequence=f"{risk} risk of provisional arrest",
                    reasons=(f"Practice of {code} on diffusions.",),
                    role="recipient",
                    citations=("rpd-97",),
                )
            )
            continue
        enforcement.append(
            EnforcementEntry(
                country=code,
                received=False,
                arrest_risk="none",
                consequence="Did not receive the diffusion.",
                reasons=("Not among the recipients.",),
                role="non_recipient",
            )
        )
    if grounds is None:
        grounds = (
            Ground(
                id="private_dispute",
                label="Private commercial dispute",
                strength="strong",
                citations=("rpd-83-1-a-i",),
                reasons=("The case grew out of a joint venture.",),
            ),
            Ground(
                id="article3_political",
                label="Predominantly political character",
                strength="weak",
                citations=("constitution-3", "rpd-34-3"),
                reasons=("No political indicator was given.",),
            ),
            Ground(
                id="penalty_threshold",
                strength="arguable",
                citations=("rpd-83-1-b",),
                reasons=("The penalty is near the threshold.",),
            ),
        )
    return Assessment(
        scenario_id=scenario.id,
        title=scenario.title,
        as_of=AS_OF,
        issuance=Issuance(
            kind="diffusion",
            pre_screened=False,
            screening="not_screened",
            circulated_on=dt.date(2025, 1, 10),
            review_after_circulation=True,
            reasons=("A diffusion is sent directly by the NCB and checked afterwards.",),
            citations=("rpd-97",),
        ),
        circulation=Circulation(
            recipients=tuple(sorted(RECIPIENTS)),
            public=False,
            active_from=dt.date(2025, 1, 10),
            reasons=("Sent to the countries of the Europe region.",),
        ),
        enforcement=tuple(enforcement),
        travel=(
            TravelEntry(
                country=TRIP_BEFORE[0],
                date=TRIP_BEFORE[1],
                notice_active=True,
                arrest_risk="high",
                reasons=("France acts on diffusions.",),
            ),
            TravelEntry(
                country=TRIP_AFTER[0],
                date=TRIP_AFTER[1],
                notice_active=True,
                arrest_risk="none",
                reasons=("The United Kingdom needs a domestic warrant.",),
            ),
        ),
        grounds=grounds,
        route=(
            RouteStep(
                step="filing",
                date=FILED,
                deadline=None,
                citations=("ccf-statute-29",),
                description="The request reaches the CCF.",
            ),
            RouteStep(
                step="admissibility",
                date=ADMISSIBLE,
                deadline=None,
                citations=("ccf-statute-30",),
                description="Estimated from typical practice.",
                estimated=True,
            ),
            RouteStep(
                step="provisional_measures",
                date=FILED,
                deadline=None,
                citations=("ccf-statute-37",),
            ),
            RouteStep(
                step="access_decision_due",
                date=ADMISSIBLE,
                deadline=dt.date(2025, 7, 3),
                citations=("ccf-statute-40",),
                estimated=True,
            ),
            RouteStep(
                step="deletion_decision_due",
                date=ADMISSIBLE,
                deadline=DELETION_DUE,
                citations=("ccf-statute-40",),
                estimated=True,
            ),
            RouteStep(
                step="revision_window",
                date=None,
                deadline=None,
                citations=("ccf-statute-42",),
                description="Six months from discovering a new fact.",
            ),
        ),
        outcome=Outcome(
            prediction="not_compliant",
            explanation="A private dispute is excluded from INTERPOL's channels.",
            citations=("rpd-83-1-a-i",),
        ),
        trace=(
            TraceEntry(
                rule="rpd-83-1-a-i",
                facts=(("case.origin", "commercial_dispute"),),
                result="private dispute: strong",
            ),
        ),
        citations=(
            Citation(
                id="rpd-83-1-a-i",
                instrument="Rules on the Processing of Data",
                provision="Art. 83(1)(a)(i)",
                version="2012",
                in_force_from=dt.date(2012, 7, 1),
                verification="secondary",
                url="https://example.org/rpd",
            ),
            Citation(
                id="constitution-3",
                instrument="INTERPOL Constitution",
                provision="Art. 3",
                version="1956",
                in_force_from=dt.date(1956, 6, 13),
                verification="primary",
                url="https://example.org/constitution",
            ),
            Citation(
                id="rpd-34-3",
                instrument="Rules on the Processing of Data",
                provision="Art. 34(3)",
                version="2012",
                in_force_from=dt.date(2012, 7, 1),
                verification="unverified",
                url="https://example.org/rpd",
            ),
            Citation(
                id="rpd-83-1-b",
                instrument="Rules on the Processing of Data",
                provision="Art. 83(1)(b)",
                version="2012",
                in_force_from=None,
                verification="secondary",
                url="https://example.org/rpd",
            ),
            Citation(
                id="ccf-statute-40",
                instrument="Statute of the CCF",
                provision="Art. 40",
                version="2017",
                in_force_from=dt.date(2017, 3, 11),
                verification="secondary",
                url="https://example.org/ccf",
            ),
        ),
        caveats=(
            "Educational model, not legal advice.",
            "Arrest practice differs from country to country and changes.",
        ),
        unknowns=(Unknown("", field="case.political_context"),),
        defaults_used=("notice.purpose",),
        scenario=scenario,
    )
