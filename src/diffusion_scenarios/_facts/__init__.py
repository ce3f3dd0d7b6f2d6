"""The facts of a case: frozen values, and the files they are read from and written to.

* :mod:`.scenario` — the values (``Scenario``, ``Notice``, ``Case``, ``Trip``...).
* :mod:`.loader` — reading, checking and writing scenario files (format 1).
* :mod:`.yaml_io` — YAML 1.2 reading and writing (Norway's ``NO`` stays a string).
* :mod:`.limits` — the limits on what is read (sizes, dates, numbers).
* :mod:`.files` — every user file read or written: regular files only, atomic writes.
"""
