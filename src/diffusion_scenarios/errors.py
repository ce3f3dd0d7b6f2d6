"""Every error the package raises on purpose.

Each exception also subclasses the builtin a caller would naturally catch, so code that
does not know this package still handles it sensibly::

    DiffusionScenariosError                    base of everything below
    ├── ScenarioError(ValueError)              a scenario cannot be read; .problems lists each one
    ├── UnknownScenarioError(LookupError)      no built-in scenario or file by that name
    ├── OutputExistsError(FileExistsError)     -o would overwrite a file (pass --force / force=True)
    ├── ReferenceDataError(RuntimeError)       the shipped reference data is missing or corrupt
    ├── CaseLawError(ValueError)               a decisions or expected-outcomes CSV cannot be used
    ├── LabError(ValueError)                   a policy-lab regime or parameter is out of range
    └── MissingDependencyError(ImportError)    an optional library is missing (names pip command)

``str(error)`` is always a message fit to show a user as it is: one line per problem,
naming the file, the field path, what was expected and what was found.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CaseLawError",
    "DiffusionScenariosError",
    "LabError",
    "MissingDependencyError",
    "OutputExistsError",
    "Problem",
    "ReferenceDataError",
    "ScenarioError",
    "UnknownScenarioError",
]


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
        return text


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


class ReferenceDataError(DiffusionScenariosError, RuntimeError):
    """The reference data shipped with the package is missing or inconsistent."""


class CaseLawError(DiffusionScenariosError, ValueError):
    """A CCF decisions file or an expected-outcomes file cannot be used."""


class LabError(DiffusionScenariosError, ValueError):
    """A policy-lab regime or parameter is unknown or out of its range."""


class MissingDependencyError(DiffusionScenariosError, ImportError):
    """An optional library a feature needs is not installed; the message names the pip command."""
