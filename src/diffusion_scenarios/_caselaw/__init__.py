"""The rooms behind :mod:`diffusion_scenarios.caselaw` (which re-exports their public names).

* :mod:`.index` — the index of CCF decisions: reading it, filtering it, counting its tags.
* :mod:`.comparison` — the model beside the CCF's decisions, and the calibration report.
* :mod:`.browser` — the index as text, Markdown and HTML tables, a chart and a panel.

Expected-outcomes CSVs are read in :mod:`diffusion_scenarios._facts.expected`.
"""
