"""The subcommands of ``diffusion-scenarios`` (registered by :mod:`diffusion_scenarios.cli`)."""
