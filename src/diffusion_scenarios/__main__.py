"""``python -m diffusion_scenarios`` is the same as the ``diffusion-scenarios`` command."""

from diffusion_scenarios.cli import main

raise SystemExit(main())
