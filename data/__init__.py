"""Reference data shipped with diffusion-scenarios (see README.md in this folder)."""
