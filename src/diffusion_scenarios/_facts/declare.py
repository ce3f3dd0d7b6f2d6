"""How a fact is declared (beside its dataclass field, once) and how a value checks itself.

Every field of the scenario's values (:mod:`diffusion_scenarios._facts.scenario`) that a file
can give carries its declaration in the field's metadata::

    origin: str | None = field(default=None, metadata=fact(
        "choice", "Origin of the case", "How the dispute behind the case began.",
        vocabulary=vocab.ORIGINS))

The path and the group follow from where the field sits; :mod:`.registry` reads the
declarations into :data:`~diffusion_scenarios._facts.registry.FACTS`, from which the loader's
keys and checks, the JSON ``facts``, the memo's "Facts as given", the format document's table
and the JSON Schema are made.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from diffusion_scenarios._base.fast_dataclass import dataclass

__all__ = ["KINDS", "Declared", "fact", "trusted"]

#: The kinds of fact. ``country_flags`` is a mapping of country to true or false
#: (``case.dual_criminality``).
KINDS = (
    "text",
    "bool",
    "date",
    "number",
    "integer",
    "choice",
    "choices",
    "country",
    "countries",
    "country_flags",
    "record",
    "records",
)


@dataclass(frozen=True, slots=True)
class Declared:
    """What a field's metadata says of its fact (see :func:`fact`)."""

    kind: str
    label: str
    help: str
    vocabulary: tuple[str, ...] | None = None
    group: str | None = None
    unit: str | None = None
    whole: bool = False
    required: bool = False


def fact(
    kind: str,
    label: str,
    help: str,
    *,
    vocabulary: tuple[str, ...] | None = None,
    group: str | None = None,
    unit: str | None = None,
    whole: bool = False,
    required: bool = False,
) -> Mapping[str, Declared]:
    """The metadata of a field that holds a fact.

    Args:
        kind: one of :data:`KINDS`.
        label: the fact's name in the memo ("Origin of the case").
        help: one sentence for the explorer and the format document.
        vocabulary: the words a ``choice`` or ``choices`` fact takes (for ``countries``, the
            words allowed besides countries).
        group: where it is shown, when not its section's (``history``).
        unit: what a number counts ("years"), as the loader's message says it.
        whole: a record given, shown and listed as one fact (a civil case, a judgment).
        required: a file must give it.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind of fact {kind!r}; expected one of {', '.join(KINDS)}")
    return {
        "fact": Declared(
            kind, label, help, vocabulary, group, unit, whole or kind == "records", required
        )
    }


# -- every value checks itself when built ---------------------------------------------------

_TRUSTED: ContextVar[bool] = ContextVar("diffusion_scenarios_trusted", default=False)


@contextmanager
def trusted() -> Iterator[None]:
    """Build values without checking them, inside this block only.

    For the checks themselves, which build what they have just checked (a file is read
    once, not once per level), and for an engine stage's own partial scenario; never for
    facts that come from a user.
    """
    token = _TRUSTED.set(True)
    try:
        yield
    finally:
        _TRUSTED.reset(token)


def _check(value: object) -> None:
    """Raise :class:`~diffusion_scenarios.ScenarioError` unless ``value`` is valid."""
    if _TRUSTED.get():
        return
    from diffusion_scenarios._facts.checks import check_value  # the checks build these values

    check_value(value)
