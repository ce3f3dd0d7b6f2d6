"""The ``app`` subcommand: the code-free explorer, served by Voilà, from any folder.

``diffusion-scenarios app [--port N] [--no-browser] [--workspace DIR] [--cull-after SECONDS]
[--idle-after SECONDS] [--max-kernels N] [--ip ADDRESS]``

Everything the app needs ships inside the package, so the command behaves the same from a
clone, from a regular (non-editable) install, and from any folder:

* the notebook it serves (``_app/explorer_app.ipynb``);
* the ``ds-offline`` template (``_app/jupyter/voila/templates``): Voilà's lab template
  without its CDN stylesheet links, so the page asks nothing of any other machine;
* the configuration: one kernel prepared ahead (the explorer already built); the kernel of
  a closed page shut down within ``--cull-after`` seconds (60 by default), and that of a
  page still open but not on screen (tab hidden, window minimised, computer asleep) within
  ``--idle-after`` seconds of its last use (by default the same as ``--cull-after``) -- a
  page on screen tells the server so every few seconds and keeps its kernel while the
  student reads, and a page whose kernel was shut down says so and asks for a reload; at
  most ``--max-kernels`` pages at once (a clear "the explorer is full" page beyond that).
  Configuration files in the current folder or the user's Jupyter folders are not read.

The kernels read and write files only in the workspace (``--workspace``, by default the
folder the command is started from), passed to them as ``DIFFUSION_SCENARIOS_WORKSPACE``.
Voilà itself is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from diffusion_scenarios._cli.common import UsageError, add_command

__all__ = ["register"]

DEFAULT_PORT = 8866
DEFAULT_CULL_AFTER = 60  # seconds after a page is closed
DEFAULT_IDLE_AFTER = DEFAULT_CULL_AFTER  # seconds an open page may be off screen, unused
DEFAULT_MAX_KERNELS = 40  # pages at once; a kernel in use holds 50-160 MB (see README)
WORKSPACE_VARIABLE = "DIFFUSION_SCENARIOS_WORKSPACE"
APP_FOLDER = Path(__file__).resolve().parents[1] / "_app"
NOTEBOOK = APP_FOLDER / "explorer_app.ipynb"
JUPYTER_DATA = APP_FOLDER / "jupyter"  # holds voila/templates/ds-offline


#: What ``diffusion-scenarios --help`` says of ``app``, and ``app --help`` first.
HELP = "serve the code-free explorer in the browser (Voilà), from any folder"
DESCRIPTION = (
    "Serve the scenario explorer as a web page with no code, on this machine. "
    "Nothing is fetched from the internet. Prints the address to open; Ctrl-C stops "
    "it. Needs the 'app' extra (pip install \"diffusion-scenarios[app]\")."
)


def register(subparsers: Any) -> None:
    """Add ``app`` to the command line."""
    parser = add_command(subparsers, "app", _run_app, help=HELP, description=DESCRIPTION)
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, metavar="N",
        help=f"port to listen on (default {DEFAULT_PORT}; the next free one if taken)",
    )  # fmt: skip
    parser.add_argument(
        "--ip", default="127.0.0.1", metavar="ADDRESS",
        help="address to listen on (default 127.0.0.1: this machine only; see the README "
        "before serving others)",
    )  # fmt: skip
    parser.add_argument(
        "--no-browser", action="store_true", help="do not open a browser, only print the address"
    )
    parser.add_argument(
        "--workspace", metavar="DIR", default=None,
        help="the only folder the explorer reads and saves files in (default: this folder)",
    )  # fmt: skip
    # The three limits on the kernels: whole numbers, each with its default in its help.
    for option, default, metavar, words, shown in (
        ("--cull-after", DEFAULT_CULL_AFTER, "SECONDS",
         "shut down the kernel of a closed page within this long", DEFAULT_CULL_AFTER),
        ("--idle-after", None, "SECONDS",
         "shut down the kernel of a page still open but not on screen (hidden tab, minimised "
         "window, computer asleep) within this long of its last use; a page on screen keeps it",
         f"as --cull-after, {DEFAULT_IDLE_AFTER}"),
        ("--max-kernels", DEFAULT_MAX_KERNELS, "N",
         "at most N pages at once; more get a 'full, try again' page", DEFAULT_MAX_KERNELS),
    ):  # fmt: skip
        parser.add_argument(
            option, type=int, default=default, metavar=metavar, help=f"{words} (default {shown})"
        )


def _run_app(args: argparse.Namespace) -> int:
    from diffusion_scenarios.errors import printable

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port: expected a port from 0 to 65535, found {args.port}")
    if args.cull_after < 10:
        raise UsageError(f"--cull-after: expected at least 10 seconds, found {args.cull_after}")
    if args.idle_after is None:  # by default a page off screen goes as a closed one does
        args.idle_after = args.cull_after
    if args.idle_after < args.cull_after:
        raise UsageError(
            f"--idle-after: expected at least --cull-after ({args.cull_after} s), found "
            f"{args.idle_after}"
        )
    if args.max_kernels < 1:
        raise UsageError(f"--max-kernels: expected at least 1, found {args.max_kernels}")
    workspace = Path(args.workspace) if args.workspace is not None else Path.cwd()
    if not workspace.is_dir():
        raise UsageError(
            f"--workspace: expected an existing folder, found '{printable(str(workspace))}'"
        )
    if not NOTEBOOK.is_file():  # a broken install
        raise UsageError(f"the app's notebook is missing from the package: {NOTEBOOK}")
    try:
        import voila  # noqa: F401
    except ImportError:
        raise UsageError(
            'Voilà is not installed; install the app extra: pip install "diffusion-scenarios[app]"'
        ) from None
    workspace = workspace.resolve()
    # The kernels inherit the server's environment (Voilà copies it for each kernel).
    os.environ[WORKSPACE_VARIABLE] = str(workspace)
    os.environ["PWD"] = str(workspace)
    os.environ.setdefault("MPLBACKEND", "Agg")
    known = os.environ.get("JUPYTER_PATH", "")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(JUPYTER_DATA), known) if p)

    from diffusion_scenarios._app.server import serve

    return serve(
        notebook=NOTEBOOK,
        port=args.port,
        ip=args.ip,
        open_browser=not args.no_browser,
        workspace=workspace,
        cull_after=args.cull_after,
        idle_after=args.idle_after,
        max_kernels=args.max_kernels,
    )
