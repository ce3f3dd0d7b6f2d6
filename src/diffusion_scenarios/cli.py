"""The ``diffusion-scenarios`` command line.

Each group of subcommands lives in its own private module with a ``register(subparsers)``
function that adds its parsers and sets ``handler`` (a function ``(args) -> int``). This
module only builds the parser, dispatches, and turns the package's own errors into one
message on stderr and exit status 2 — never a traceback.
"""

from __future__ import annotations

import sys


def _exit_on_interrupt(kind: type[BaseException], value: BaseException, trace: object) -> None:
    """Ctrl-C that reaches the top (e.g. while modules are still loading): one word, 130."""
    if not issubclass(kind, KeyboardInterrupt):
        _previous_hook(kind, value, trace)  # type: ignore[arg-type]
        return
    import os

    try:
        sys.stderr.write("interrupted\n")
        sys.stderr.flush()
    finally:
        os._exit(130)  # EXIT_INTERRUPTED: the module may still be half imported


# Installed first, before the slower imports below, and only when this is the command
# (not when a notebook or a test imports the module).
_previous_hook = sys.excepthook
if sys.argv and sys.argv[0].replace("\\", "/").rsplit("/", 1)[-1] in (
    "diffusion-scenarios",
    "diffusion-scenarios.exe",
    "__main__.py",
    "-m",
):
    sys.excepthook = _exit_on_interrupt

import argparse  # noqa: E402
import importlib  # noqa: E402
import os  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from typing import Any, NoReturn  # noqa: E402

from diffusion_scenarios import __version__  # noqa: E402
from diffusion_scenarios.errors import DiffusionScenariosError, printable  # noqa: E402

__all__ = ["build_parser", "main"]

# Subcommand groups, in the order --help lists them.
_COMMAND_MODULES = (
    "_cli.scenarios",  # list, validate
    "_cli.assess",  # assess
    "_cli.caselaw",  # caselaw, compare
    "_cli.draft",  # draft
    "_cli.lab",  # lab
    "_cli.app",  # app (the explorer in the browser, served by Voilà)
)

# The group that registers each subcommand: a command line that starts with a command's
# name builds only that group's parser (the others load modules it does not need, a tenth
# of a JSON assessment's start-up). tests/test_cli.py checks this table against the groups.
_MODULE_OF_COMMAND = {
    "list": "_cli.scenarios",
    "validate": "_cli.scenarios",
    "assess": "_cli.assess",
    "caselaw": "_cli.caselaw",
    "compare": "_cli.caselaw",
    "draft": "_cli.draft",
    "lab": "_cli.lab",
    "app": "_cli.app",
}

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # the shell's code for Ctrl-C (128 + SIGINT)


def _terminal_columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` gives it (``COLUMNS`` when a
    positive number, else the terminal's, else 80), without importing :mod:`shutil`."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter, given the terminal's width as argparse would measure it.

    argparse makes a formatter for every option it adds (to check the option's metavar),
    and the standard one imports :mod:`shutil` for the width, which loads the compression
    modules (zlib, bz2, lzma): 2-3 ms of each start of the command (issue 21).
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
        **more: Any,
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width, **more)


class _OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr and exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)  # subcommands' parsers too
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: {message} (see {self.prog} --help)\n")
        raise SystemExit(EXIT_USAGE)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The full argument parser, with every subcommand registered; given the name of a
    subcommand, the same parser with only that subcommand's group registered (it parses
    a command line starting with that name the same way)."""
    parser = _OneLineParser(
        prog="diffusion-scenarios",
        description=(
            "Explore INTERPOL diffusions and red notices and the route to challenge them "
            "before the CCF. Educational model, not legal advice."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    group = _MODULE_OF_COMMAND.get(command or "")
    for name in _COMMAND_MODULES if group is None else (group,):
        full = f"{__package__}.{name}"
        try:
            module = importlib.import_module(full)
        except ModuleNotFoundError as error:  # a command group not built yet
            if error.name != full:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Ctrl-C at any point prints ``interrupted`` and gives 130; the package's own errors
    print one message on stderr (control characters escaped) and give 2, and so does
    output that cannot be written (full disk, standard output closed). What a subcommand
    prints goes through :mod:`diffusion_scenarios._cli.output` (control characters shown
    as escapes).
    """
    from diffusion_scenarios._cli.output import OutputFailedError, guarded_stdout

    command = "diffusion-scenarios"
    try:
        with guarded_stdout() as out:
            try:
                try:
                    status = _dispatch(argv, out)
                except SystemExit:  # --help, --version, a usage error: printed, then exit
                    out.flush()
                    raise
                out.flush()  # a full disk is seen here, not at the interpreter's exit
            except OutputFailedError as failed:
                out.silence()
                if failed.reader_gone:  # e.g. piped into `head`: the reader has enough
                    return EXIT_OK
                print(
                    f"{out.command or command}: cannot write the output: {printable(str(failed))}",
                    file=sys.stderr,
                )
                return EXIT_USAGE
        return status
    except DiffusionScenariosError as error:
        command = getattr(error, "command", None) or command
        lines = str(error).splitlines() or [type(error).__name__]
        for line in lines:
            print(f"{command}: {printable(line)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. piped into `head`
        return EXIT_OK


def _dispatch(argv: Sequence[str] | None, out: Any) -> int:
    """Parse ``argv`` and run the subcommand's handler (its output goes through ``out``)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    first = arguments[0] if arguments else None
    parser = build_parser() if first not in _MODULE_OF_COMMAND else build_parser(first)
    args = parser.parse_args(arguments)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    out.command = f"diffusion-scenarios {args.command}"
    out.json_text = getattr(args, "format", None) == "json"
    try:
        return int(handler(args))
    except DiffusionScenariosError as error:
        error.command = out.command  # type: ignore[attr-defined]
        raise
