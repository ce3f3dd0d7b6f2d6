"""The law and the world it applies to, as data: what a lawyer would check or change.

* :mod:`.rules` — the rule catalogue (``data/rules/*.yaml``): every provision, its dated
  versions, values (thresholds, deadlines, weights) and verification status;
  :mod:`.values` declares what each rule's value may hold and checks it.
* :mod:`.grounds` — the grounds for deletion or correction (``data/rules/grounds.yaml``).
* :mod:`.outcomes` — the CCF's outcomes, each with its words (``data/rules/outcomes.yaml``).
* :mod:`.fact_paths` — the fact paths the catalogue may name, handed over by the facts layer.
* :mod:`.vocab` — the closed vocabularies of the scenario format (ids; their display
  words are in ``_render.wording``).
* :mod:`.countries` — INTERPOL members by date, regions, EU/Schengen, territories.
* :mod:`.reference` — national practice and published statistics, each row with a source.
* :mod:`.data` — access to the files shipped in ``diffusion_scenarios.data``.
"""
