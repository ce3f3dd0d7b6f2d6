"""The foundation every layer may use: files, limits and YAML, with no law and no facts.

* :mod:`.files` — every user file read or written: regular files only, atomic writes.
* :mod:`.limits` — the limits on what is read (sizes, dates, numbers).
* :mod:`.yaml_io` — YAML 1.2 reading and writing (Norway's ``NO`` stays a string).
* :mod:`.version` — the package's version; :mod:`.public` — the public API's one list.

The layers point one way: ``_base`` ← ``_law`` ← ``_facts`` ← ``_engine`` ← ``_render`` ←
``_app`` / ``_cli`` / the public modules (``errors`` sits beside ``_base``).
"""
