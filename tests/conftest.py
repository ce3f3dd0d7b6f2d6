"""Shared test settings: a non-interactive plotting backend and CI-sized hypothesis runs."""

from __future__ import annotations

import os

os.environ.setdefault("MPLBACKEND", "Agg")

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    # Under CI the examples are the same on every run, so a run cannot fail by chance;
    # locally each run explores new ones.
    derandomize=os.environ.get("CI") == "true",
)
settings.load_profile("default")
