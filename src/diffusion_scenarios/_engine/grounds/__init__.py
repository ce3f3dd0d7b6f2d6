"""Grounds for deletion: which apply to the facts, how strongly, and on which rule.

:mod:`.evaluate` runs the rules in the order a lawyer raises them; :mod:`.article3`,
:mod:`.exclusions` and ``_engine.protection`` hold the law; :mod:`.findings` the collector.
"""
