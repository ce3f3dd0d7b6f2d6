"""The engine: one scenario in, one assessment out, stage by stage (see :mod:`.pipeline`).

Each stage is a module of pure functions over frozen values; :mod:`.assessment` holds the
result, :mod:`.stage` the notes every stage keeps, :mod:`.calibration` checks the outcome
model against real CCF decisions. The grounds for deletion live in :mod:`.grounds`.
"""
