"""Estimate the minutes in class a notebook needs, from the notebooks whose time was measured.

    .venv/bin/python scripts/estimate_class_time.py            # every notebook
    .venv/bin/python scripts/estimate_class_time.py 09 10      # only these (by prefix)

The measured times (a teacher in class conditions, issue 25): 05 about 50 minutes and 07
about 60, the two closest in kind to the new sessions (reading cases, one set of controls).
Their rate, minutes per 100 words of prose and saved results once 5 minutes are set aside for
each set of controls, is applied to the word count of each notebook. The objectives cell and
any debate pack are left out (the debate is timed on its own). Notebook 03, measured at 20-25
minutes, is printed as a check on the method. The notebooks are read as saved: run
scripts/build_notebooks.py first if they are stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
MEASURED = {"05": 50.0, "07": 60.0}
PER_CONTROLS = 5.0
PLACEHOLDER = "Interactive controls appear here"
WORD = re.compile(r"[A-Za-z0-9']+")


def _text(output: dict) -> str:
    data = output.get("data", {})
    text = output.get("text") or data.get("text/html") or data.get("text/plain") or ""
    text = "".join(text) if isinstance(text, list) else text
    text = re.sub(r"<style.*?</style>", " ", text, flags=re.S)
    return re.sub(r"<[^>]+>", " ", text)


def words_and_controls(path: Path) -> tuple[int, int]:
    """Words a student reads (prose and saved results) and the sets of controls to move."""
    words = controls = 0
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.get("id") == "objectives":
            continue
        if cell.cell_type == "markdown" and "Debate pack" in cell.source:
            break
        if cell.cell_type == "markdown":
            words += len(WORD.findall(cell.source))
            continue
        for output in cell.get("outputs", []):
            text = _text(output)
            if PLACEHOLDER in text:
                controls += 1
            else:
                words += len(WORD.findall(text))
    return words, controls


def main(argv: list[str]) -> int:
    paths = sorted(NOTEBOOKS.glob("*.ipynb"))
    by_prefix = {p.stem[:2]: p for p in paths}
    rates = []
    for prefix, minutes in MEASURED.items():
        words, controls = words_and_controls(by_prefix[prefix])
        rates.append((minutes - PER_CONTROLS * controls) / words * 100)
    rate = sum(rates) / len(rates)
    print(f"rate: {rate:.2f} minutes per 100 words (from {', '.join(MEASURED)}), "
          f"plus {PER_CONTROLS:g} per set of controls")
    chosen = [p for p in paths if not argv or any(p.stem.startswith(a) for a in argv)]
    for path in chosen:
        words, controls = words_and_controls(path)
        estimate = words * rate / 100 + PER_CONTROLS * controls
        print(f"{path.stem}: {words} words, {controls} set(s) of controls, "
              f"about {estimate:.0f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
