"""Every error the package raises on purpose.

Each exception also subclasses the builtin a caller would naturally catch, so code that
does not know this package still handles it sensibly::

    DiffusionScenariosError                    base of everything below
    ├── ScenarioError(ValueError)              a scenario cannot be read; .problems lists each one
    ├── UnknownScenarioError(LookupError)      no built-in scenario or file by that name
    ├── OutputExistsError(FileExistsError)     -o would overwrite a file (pass --force / force=True)
    ├── OutputPathError(OSError)               -o names no file that can be written safely
    │                                          (an empty name, a link, a pipe or device)
    ├── ReferenceDataError(RuntimeError)       the shipped reference data is missing or corrupt
    ├── CaseLawError(ValueError)               a decisions or expected-outcomes CSV cannot be used
    ├── LabError(ValueError)                   a policy-lab regime or parameter is out of range
    └── MissingDependencyError(ImportError)    an optional library is missing (names pip command)

``str(error)`` is always a message fit to show a user as it is: one line per problem,
naming the file, the field path, what was expected and what was found.
"""

from __future__ import annotations

import re

from diffusion_scenarios._base.fast_dataclass import dataclass

__all__ = [
    "CaseLawError",
    "DiffusionScenariosError",
    "LabError",
    "MissingDependencyError",
    "OutputExistsError",
    "OutputPathError",
    "Problem",
    "ReferenceDataError",
    "ScenarioError",
    "UnknownScenarioError",
]


# Characters a terminal would act on rather than show (C0 and C1 controls, DEL), the
# bidirectional overrides that reorder what is shown, and lone surrogates (not printable).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
#: The same and newlines and tabs: compiled by the first message that needs it, then taken
#: from re's cache (half a millisecond that a command printing no message does not spend).
_UNSAFE_OR_BREAK = f"{_UNSAFE.pattern}|[\n\t]"


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), safe for a terminal.

    Newlines and tabs are escaped too, unless ``keep_lines`` (multi-line output).

    Example:
        >>> print(printable("a\\x1b[2Kb\\nok: case.yaml"))
        a\\x1b[2Kb\\x0aok: case.yaml
    """
    pattern = _UNSAFE if keep_lines else re.compile(_UNSAFE_OR_BREAK)
    return pattern.sub(_escaped, text)


class DiffusionScenariosError(Exception):
    """Base class of every error raised on purpose by diffusion-scenarios."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One thing wrong in a scenario.

    Attributes:
        path: the field path, e.g. ``case.max_penalty_years`` (``""`` for the whole file).
        expected: what a valid value looks like, in plain words.
        found: what the file holds (shortened), or ``None`` when the field is missing.
        suggestion: the closest valid key or word, for misspellings.
        source: the file name, when the scenario came from a file.
    """

    path: str
    expected: str
    found: str | None = None
    suggestion: str | None = None
    source: str | None = None

    def message(self) -> str:
        """The problem as one line: ``file: field: expected ..., found ...``."""
        where = self.path or "(file)"
        head = f"{self.source}: {where}" if self.source else where
        text = f"{head}: expected {self.expected}"
        if self.found is not None:
            text += f", found {self.found}"
        if self.suggestion is not None:
            text += f" (did you mean '{self.suggestion}'?)"
        return printable(text)


class ScenarioError(DiffusionScenariosError, ValueError):
    """A scenario file or object cannot be read.

    All problems found in one file are collected in :attr:`problems`; ``str()`` gives one
    line per problem.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(p.message() for p in self.problems))


class UnknownScenarioError(DiffusionScenariosError, LookupError):
    """No built-in scenario id and no file matches what was asked for."""

    def __str__(self) -> str:  # LookupError would add quotes around the message
        return str(self.args[0]) if self.args else "unknown scenario"


class OutputExistsError(DiffusionScenariosError, FileExistsError):
    """Writing would overwrite an existing file and overwriting was not asked for."""


class OutputPathError(DiffusionScenariosError, OSError):
    """The output names no file that can be written safely: an empty name, a link (never
    written through), a pipe or a device."""

    def __str__(self) -> str:  # OSError would show its arguments as a tuple
        return str(self.args[0]) if self.args else "cannot write there"


class ReferenceDataError(DiffusionScenariosError, RuntimeError):
    """The reference data shipped with the package is missing or inconsistent."""


class CaseLawError(DiffusionScenariosError, ValueError):
    """A CCF decisions file or an expected-outcomes file cannot be used."""


class LabError(DiffusionScenariosError, ValueError):
    """A policy-lab regime or parameter is unknown or out of its range."""


class MissingDependencyError(DiffusionScenariosError, ImportError):
    """An optional library a feature needs is not installed; the message names the pip command."""
