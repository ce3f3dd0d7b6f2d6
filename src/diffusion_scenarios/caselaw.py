"""Published CCF decisions, and how the model's predictions compare with them.

Two tools for seminars and for checking the engine against the CCF's own practice:

* :func:`decisions` reads the shipped index of CCF decisions (``data/ccf_decisions.csv``:
  anonymised decision excerpts, press and practitioner reports, each with its source) as
  a :class:`pandas.DataFrame`; :func:`filter_decisions`, :func:`tag_counts` and
  :func:`outcome_shares_by_tag` browse and summarise it.
* :func:`compare` assesses scenario files that encode real decisions and sets the
  model's answer beside the CCF's (three-way outcome, deleted-or-kept, and how many of the
  grounds the CCF relied on the model also lists).

Nothing here depends on how many decisions the index holds: more are added over time.
pandas is imported only when a function needs it, so importing this module is cheap.

This module is the public face; the work is done in three rooms: the index and its
queries (``_caselaw/index.py``), the comparison with the CCF and the calibration report
(``_caselaw/comparison.py``) and the browser's tables, chart and panel
(``_caselaw/browser.py``). Expected-outcomes CSVs are read by ``_facts/expected.py``,
below the engine that also reads them.

Example::

    >>> from diffusion_scenarios import caselaw
    >>> table = caselaw.filter_decisions(data_type="diffusion")
    >>> sorted(set(table["data_type"]))
    ['diffusion']
"""

from __future__ import annotations

from diffusion_scenarios._caselaw.browser import (
    OUTCOME_STYLE,
    browser,
    decisions_html,
    decisions_markdown,
    decisions_text,
    plot_outcome_shares,
)
from diffusion_scenarios._caselaw.comparison import (
    Comparison,
    ComparisonRow,
    calibration,
    calibration_markdown,
    compare,
    compare_builtin,
    comparison_markdown,
    discussion_markdown,
    plot_calibration,
)
from diffusion_scenarios._caselaw.index import (
    DATA_DETAILS,
    DATA_TYPES,
    DECISION_COLUMNS,
    OUTCOMES,
    decisions,
    filter_decisions,
    outcome_shares_by_tag,
    tag_counts,
)
from diffusion_scenarios._caselaw.index import OUTCOME_WORDS as OUTCOME_WORDS
from diffusion_scenarios._facts.expected import ENCODING_CONFIDENCE as ENCODING_CONFIDENCE
from diffusion_scenarios._facts.expected import (
    EXPECTED_COLUMNS,
    ExpectedDecision,
    expected_outcomes,
    read_expected,
)

__all__ = [
    "DATA_DETAILS",
    "DATA_TYPES",
    "DECISION_COLUMNS",
    "EXPECTED_COLUMNS",
    "OUTCOMES",
    "OUTCOME_STYLE",
    "Comparison",
    "ComparisonRow",
    "ExpectedDecision",
    "browser",
    "calibration",
    "calibration_markdown",
    "compare",
    "compare_builtin",
    "comparison_markdown",
    "decisions",
    "decisions_html",
    "decisions_markdown",
    "decisions_text",
    "discussion_markdown",
    "expected_outcomes",
    "filter_decisions",
    "outcome_shares_by_tag",
    "plot_calibration",
    "plot_outcome_shares",
    "read_expected",
    "tag_counts",
]

# The public classes say where users find them, not the room that defines them.
for _class in (Comparison, ComparisonRow, ExpectedDecision):
    _class.__module__ = __name__
