"""The facts of a case: frozen values, and the files they are read from and written to.

* :mod:`.scenario` — the values (``Scenario``, ``Notice``, ``Case``, ``Trip``...).
* :mod:`.loader` — reading, checking and writing scenario files (format 1).

Files, limits and YAML are in :mod:`diffusion_scenarios._base`, below the law.
"""
