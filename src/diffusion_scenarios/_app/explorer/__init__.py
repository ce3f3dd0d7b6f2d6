"""The scenario explorer, one module per tab of its controls.

:mod:`.explorer` holds :class:`ScenarioExplorer` (published by
:mod:`diffusion_scenarios.widgets`); :mod:`.fields` the one-fact controls, :mod:`.controls`
the shared kinds of control and their values; :mod:`.notice`, :mod:`.person`, :mod:`.case`,
:mod:`.history` (extradition and trips), :mod:`.challenge` and :mod:`.files` (start, save
and download) the tabs on the left; :mod:`.results` the panels on the right;
:mod:`.messages` what the explorer says back; :mod:`.changes` the "Changes" tab's diff.
"""
