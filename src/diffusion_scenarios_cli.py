"""The entry point of the ``diffusion-scenarios`` command.

A top-level module of its own, so that it runs before the ``diffusion_scenarios`` package
is imported: Ctrl-C pressed while the package and its modules are still loading prints
``interrupted`` and exits with 130, like Ctrl-C at any later moment, never a traceback.
"""

# No ``from __future__ import annotations`` here: that line imports the ``__future__``
# module from disk when it runs, and a Ctrl-C landing during that import came out as a
# traceback through this file (CI, Python 3.13). ``sys`` is built in and already loaded,
# so nothing here can be interrupted before ``main`` is running its ``try``.
import sys

__all__ = ["main"]


def main() -> int:
    """Run the command line (:func:`diffusion_scenarios.cli.main`); 130 on Ctrl-C."""
    try:
        from diffusion_scenarios.cli import main as run

        return run()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
