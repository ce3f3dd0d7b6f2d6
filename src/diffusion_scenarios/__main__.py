"""``python -m diffusion_scenarios`` is the same as the ``diffusion-scenarios`` command."""

from .cli import main

raise SystemExit(main())
