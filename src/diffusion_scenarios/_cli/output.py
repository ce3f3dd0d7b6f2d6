"""The one place the command line writes its output (standard output).

:func:`guarded_stdout` puts a :class:`GuardedStdout` in place of ``sys.stdout`` while a
subcommand runs, so that every ``print`` of every subcommand goes through it:

* control characters (C0 and C1, ESC, CSI ``\\x9b``, OSC, DEL, bidirectional overrides)
  in what is printed are shown as escapes, never acted on by the terminal. Newlines and
  tabs are kept. JSON output gets JSON escapes (``\\u001b``), so it stays valid JSON with
  the same values; a file written with ``-o`` keeps the exact text;
* a write that fails (a full disk, ``>/dev/full``; standard output closed, ``>&-``) becomes
  :class:`OutputFailedError`, which the dispatcher turns into one line on stderr and a
  non-zero exit. Output is flushed before the command returns, so a full disk is seen
  then, not at the interpreter's exit; afterwards standard output is pointed at the null
  device so that Python's own final flush cannot print a second error.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from diffusion_scenarios.errors import printable

__all__ = ["GuardedStdout", "OutputFailedError", "guarded_stdout", "silence_stdout"]

# Same characters as errors.printable escapes, in JSON's own escape form.
_JSON_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _json_escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


class OutputFailedError(Exception):
    """Standard output cannot be written (full disk, closed, reader gone).

    Attributes:
        error: the operating system's error.
    """

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error

    @property
    def reader_gone(self) -> bool:
        """The reading end of a pipe was closed (``| head``): not worth an error."""
        return isinstance(self.error, BrokenPipeError)


class GuardedStdout:
    """A stand-in for ``sys.stdout`` that escapes control characters and reports failures.

    Args:
        inner: the real standard output, or ``None`` when it was closed at start-up.
        json_text: escape as JSON does (``\\u001b``) rather than as ``\\x1b``.
    """

    def __init__(self, inner: TextIO | None, *, json_text: bool = False) -> None:
        self._inner = inner
        self.json_text = json_text
        #: the subcommand, for messages ("diffusion-scenarios assess"), once known
        self.command = ""

    def _stream(self) -> TextIO:
        if self._inner is None or getattr(self._inner, "closed", False):
            raise OutputFailedError(OSError(errno.EBADF, "standard output is closed"))
        return self._inner

    def write(self, text: str) -> int:
        safe = (
            _JSON_UNSAFE.sub(_json_escaped, text)
            if self.json_text
            else printable(text, keep_lines=True)
        )
        try:
            self._stream().write(safe)
        except OSError as error:
            raise OutputFailedError(error) from None
        return len(text)

    def flush(self) -> None:
        try:
            self._stream().flush()
        except OSError as error:
            raise OutputFailedError(error) from None

    def silence(self) -> None:
        """After a failure: nothing more reaches the real standard output."""
        silence_stdout(self._inner)

    def isatty(self) -> bool:
        return self._inner is not None and self._inner.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream(), name)


def silence_stdout(stream: Any) -> None:
    """Point the process's standard output at the null device (when ``stream`` is it), so
    that the interpreter's final flush of what could not be written fails silently instead
    of printing a traceback."""
    real = sys.__stdout__
    if real is None or stream is not real:
        return  # a stand-in (a test's capture): nothing to silence
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, real.fileno())
        finally:
            os.close(null)


@contextlib.contextmanager
def guarded_stdout(*, json_text: bool = False) -> Iterator[GuardedStdout]:
    """``sys.stdout`` is a :class:`GuardedStdout` inside the block (restored after)."""
    saved = sys.stdout
    guarded = GuardedStdout(saved, json_text=json_text)
    sys.stdout = guarded
    try:
        yield guarded
    finally:
        sys.stdout = saved
