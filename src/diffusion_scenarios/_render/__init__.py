"""Renderers: an assessment as a text report, a Markdown, HTML or Word memo, or a figure.

They read an :class:`~diffusion_scenarios.Assessment` and decide nothing.
"""
