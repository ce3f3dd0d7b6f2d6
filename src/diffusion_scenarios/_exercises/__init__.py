"""The rooms behind :mod:`diffusion_scenarios.exercises` (which keeps every public name).

* :mod:`.cases` — the shipped exercises' facts, in prose and as scenario data.
"""
