"""The closest spellings behind every "did you mean" of the package's error messages.

:mod:`difflib` is imported by the first suggestion, not at start-up: a command that meets
no misspelt word never loads it (issue 21; ``tests/test_cli_lean.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["close_matches", "did_you_mean"]


def close_matches(
    word: str, choices: Iterable[str], *, n: int = 1, cutoff: float = 0.6
) -> list[str]:
    """The ``n`` choices closest to ``word``, best first, at least ``cutoff`` alike
    (:func:`difflib.get_close_matches`)."""
    import difflib

    return difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)


def did_you_mean(
    word: str, choices: Iterable[str], *, cutoff: float = 0.6, fold_case: bool = False
) -> str:
    """`` (did you mean 'X'?)`` with the choice closest to ``word``, or nothing.

    With ``fold_case``, when no choice is close as written, they are compared again in
    lower case (the choice is still given as written).

    Example:
        >>> did_you_mean("compliant_with_updat", ["compliant", "compliant_with_update"])
        " (did you mean 'compliant_with_update'?)"
        >>> did_you_mean("xyz", ["compliant"])
        ''
    """
    options = list(choices)
    close = close_matches(word, options, cutoff=cutoff)
    if not close and fold_case:
        lowered = {option.lower(): option for option in options}
        close = [lowered[hit] for hit in close_matches(word.lower(), lowered, cutoff=cutoff)]
    return f" (did you mean '{close[0]}'?)" if close else ""
