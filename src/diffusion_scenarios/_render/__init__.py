"""Renderers: an assessment as a text report, a Markdown, HTML or Word memo, or a figure.

They read an :class:`~diffusion_scenarios.Assessment` and decide nothing. What is said lives
once, in the content model: :mod:`.document` (sections of blocks of inline pieces) built by one
module per subject (``section_case``, ``section_risk``, ``section_outcome``, ``section_route``,
``section_sources``; the facts as given in ``facts_given``), each holding that subject's
memo, long-memo, text-report and explorer-panel sections side by side. :mod:`.content` orders
them into the memo, the Word memo and the text report; ``text``, ``markdown``, ``html``,
``word`` and the explorer's ``_app/panels.py`` only lay the blocks out.
"""
