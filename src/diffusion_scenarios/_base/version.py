"""The package's version, low enough for every layer to read (the memos print it).

``diffusion_scenarios.__version__`` is this value; it matches ``version`` in
``pyproject.toml`` (a test checks it).
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
