"""Write data/parsed_yaml.json: the shipped rule and scenario YAML files, parsed ahead.

Run after any change to data/rules/*.yaml or data/scenarios/*.yaml:

    .venv/bin/python scripts/build_parsed_yaml.py

Without it the package still works: an entry made from other text is ignored and the file
is parsed from its YAML (a command then starts about 25 ms slower).
tests/test_parsed_yaml.py fails while the file is stale.
"""

from __future__ import annotations

from pathlib import Path

from diffusion_scenarios._base.files import write_atomic
from diffusion_scenarios._law.parsed import PARSED_FILE, parsed_json

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "data" / PARSED_FILE
    write_atomic(target, parsed_json(), force=True)
    print(f"wrote {target}")
