"""Pieces of the interactive explorer and the exercise cards (ipywidgets, Voilà).

:mod:`.explorer` is the scenario explorer, one module per tab (published by
:mod:`diffusion_scenarios.widgets`); :mod:`.panels` turns an assessment into the explorer's
HTML panels; :mod:`.exercise_card` is the card with facts, questions, a Check button and
feedback; :mod:`.server` serves the explorer as the ``diffusion-scenarios app``.
"""
