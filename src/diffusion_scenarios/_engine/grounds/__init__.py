"""Grounds for deletion: which apply to the facts, how strongly, and on which rule.

:mod:`.evaluate` runs the rules in the order a lawyer raises them; :mod:`.article3`,
:mod:`.exclusions` (with :mod:`.cheques` and their shared :mod:`.art83`) and
``_engine.protection`` hold the law; :mod:`.findings` the collector. What a ground is (its
labels, remedy, screening, family) is data: ``data/rules/grounds.yaml`` (``_law.grounds``).
"""
