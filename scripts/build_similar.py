"""Write data/similar_profiles.json: the shipped decisions' profiles for similar_decisions.

Run after any change to the decisions (data/scenarios/expected.csv and its scenario files,
data/ccf_decisions.csv, data/caselaw_tags.csv), the rule files or the grounds engine:

    .venv/bin/python scripts/build_similar.py

Without it the package still works: profiles built from other data are ignored and worked
out again at run time (about 0.1 s once per process). tests/test_similar.py fails while the
file is stale.
"""

from __future__ import annotations

from pathlib import Path

from diffusion_scenarios._base.files import write_atomic
from diffusion_scenarios._engine.similar import PROFILES_FILE, profiles_json

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "data" / PROFILES_FILE
    write_atomic(target, profiles_json(), force=True)
    print(f"wrote {target}")
