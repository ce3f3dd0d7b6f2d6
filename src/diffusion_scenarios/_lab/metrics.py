"""The policy lab's metrics: what a run counts, with its label, and the chart colours.

Published by :mod:`diffusion_scenarios.lab` (``HEADLINE_METRICS``, ``HARM_METRICS``,
``COST_METRICS``, ``OKABE_ITO``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Metrics shown in comparisons and charts, with a label and whether they scale per year.
HEADLINE_METRICS: Mapping[str, str] = MappingProxyType(
    {
        "noncompliant_reaching_recipients": "Non-compliant requests reaching recipients",
        "exposure_person_days": "Exposure of non-compliant requests (person-days)",
        "mean_exposure_days": "Mean exposure per non-compliant request (days)",
        "expected_detentions": "Expected detentions on non-compliant requests",
        "ccf_applications": "CCF deletion requests",
        "ccf_deletions": "Deleted by the CCF",
        "ndtf_refused_or_cancelled": "Refused or cancelled by the NDTF",
        "lawful_alert_days_blocked": "Days compliant alerts were blocked",
        "lawful_requests_refused": "Lawful requests wrongly refused at screening",
        "urgent_lawful_requests_delayed": "Urgent lawful requests held by screening",
        "expected_urgent_escapes": "Urgent lawful requests expected to miss the person",
        "lawful_alert_days_lost": "Days lawful alerts lost to screening (delay or refusal)",
        "expected_lawful_arrests_lost": "Expected arrests on lawful alerts lost to screening",
        "expected_detentions_all_alerts": "Expected detentions on all alerts",
    }
)
# The two sides of the debate, for charts and tables that weigh a reform against today.
HARM_METRICS = (
    "noncompliant_reaching_recipients",
    "exposure_person_days",
    "expected_detentions",
)
COST_METRICS = (
    "lawful_requests_refused",
    "urgent_lawful_requests_delayed",
    "expected_urgent_escapes",
    "expected_lawful_arrests_lost",
    "lawful_alert_days_blocked",
)
NOT_PER_YEAR = frozenset({"mean_exposure_days"})

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
