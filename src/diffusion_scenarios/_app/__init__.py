"""Pieces of the interactive explorer and the exercise cards (ipywidgets, Voilà).

:mod:`.panels` turns an assessment into the explorer's HTML panels;
:mod:`.exercise_card` is the card with facts, questions, a Check button and feedback.
"""
