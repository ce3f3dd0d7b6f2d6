"""The standard ``@dataclass``, built in a third of the time for the package's frozen classes.

Python 3.11 and 3.12 write each method a dataclass gets (``__init__``, ``__repr__``,
``__eq__``, ``__hash__`` and, when frozen, ``__setattr__`` and ``__delattr__``) as source
text and compile it, one by one, when the class is defined: about 0.1 ms a method, 0.6 ms
a frozen class. The command line defines about sixty of them before it can assess a
scenario, so this was a third of ``diffusion-scenarios assess ID --format json`` (issue 21).

:func:`dataclass` here takes the same arguments and gives the same class: a real dataclass
(``dataclasses.fields``, ``replace``, ``asdict``, pickling and ``__dataclass_params__`` as
before) whose methods behave as the generated ones do, with the same results and error
messages. For a frozen class that compares by value (every class of the package), only
``__init__`` is still compiled: ``__repr__``, ``__eq__`` and ``__hash__`` are closures over
the field names, and so are the frozen ``__setattr__``/``__delattr__``, which are handed to
the standard code through its ``_frozen_get_del_attr`` step. Any other combination of
options, and Python 3.13 and later (which compile a class's methods in one go, with an
``__eq__`` of its own shape), use :func:`dataclasses.dataclass` itself.
``tests/test_fast_dataclass.py`` holds the two side by side.

Type checkers see :func:`dataclasses.dataclass` (the import under ``TYPE_CHECKING``).
"""

from __future__ import annotations

import dataclasses
import reprlib
import sys
from collections.abc import Callable
from dataclasses import field
from operator import attrgetter
from typing import TYPE_CHECKING, Any

__all__ = ["dataclass", "field"]

_STOCK = dataclasses.dataclass

#: Whether this Python's dataclasses compile each method apart (3.11, 3.12), in the shape
#: the closures below reproduce; later versions build them in one go.
_FASTER = sys.version_info < (3, 13) and hasattr(dataclasses, "_frozen_get_del_attr")


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving an object's values of ``names`` as a tuple, as the generated
    methods build it (``(self.a, self.b,)``)."""
    if len(names) >= 2:
        return attrgetter(*names)
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda item: (one(item),)
    return lambda item: ()


def _frozen_get_del_attr(cls: Any, fields: list[Any], _namespace: Any) -> tuple[Any, Any]:
    """``__setattr__`` and ``__delattr__`` of a frozen class, as the standard code writes them."""
    names = frozenset(f.name for f in fields)
    error = dataclasses.FrozenInstanceError

    def __setattr__(self: Any, name: str, value: Any) -> None:  # noqa: N807
        if type(self) is cls or name in names:
            raise error(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:  # noqa: N807
        if type(self) is cls or name in names:
            raise error(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _add_methods(cls: type, explicit_hash: bool) -> None:
    """Give the dataclass ``cls`` (made with ``repr=False, eq=False``) the ``__repr__``,
    ``__eq__`` and ``__hash__`` that ``repr=True, eq=True, frozen=True`` would have given."""
    own = dataclasses.fields(cls)
    shown = [f.name for f in own if f.repr]
    compared = _values([f.name for f in own if f.compare])
    hashed = _values([f.name for f in own if (f.compare if f.hash is None else f.hash)])

    def __repr__(self: Any) -> str:  # noqa: N807
        qualname: str = self.__class__.__qualname__
        return qualname + "(" + ", ".join([f"{key}={getattr(self, key)!r}" for key in shown]) + ")"

    def __eq__(self: Any, other: Any) -> Any:  # noqa: N807
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:  # noqa: N807
        return hash(hashed(self))

    methods: list[tuple[str, Any]] = [("__repr__", reprlib.recursive_repr()(__repr__))]
    methods.append(("__eq__", __eq__))
    for method_name, method in methods:
        if method_name not in cls.__dict__:  # a method the class writes itself is kept
            method.__qualname__ = f"{cls.__qualname__}.{method_name}"
            method.__module__ = cls.__module__
            setattr(cls, method_name, method)
    if not explicit_hash:
        __hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
        __hash__.__module__ = cls.__module__
        cls.__hash__ = __hash__  # type: ignore[method-assign,assignment]
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    params.repr = True
    params.eq = True


def _dataclass(cls: type | None = None, /, **options: Any) -> Any:
    """:func:`dataclasses.dataclass`, faster for a frozen class compared by value."""

    def build(cls: type) -> type:
        fast = (
            _FASTER
            and options.get("frozen", False)
            and options.get("repr", True)
            and options.get("eq", True)
            and not options.get("order", False)
            and not options.get("unsafe_hash", False)
        )
        if not fast:
            return _STOCK(cls, **options)
        # As the standard code decides it, before any method is added: the class's own
        # __hash__, unless the one Python sets to None beside an __eq__ it writes.
        written = cls.__dict__.get("__hash__", dataclasses.MISSING)
        explicit_hash = not (
            written is dataclasses.MISSING or (written is None and "__eq__" in cls.__dict__)
        )
        standard = dataclasses._frozen_get_del_attr  # type: ignore[attr-defined]
        dataclasses._frozen_get_del_attr = _frozen_get_del_attr  # type: ignore[attr-defined]
        try:
            made: type = _STOCK(cls, **{**options, "repr": False, "eq": False})
        finally:
            dataclasses._frozen_get_del_attr = standard  # type: ignore[attr-defined]
        _add_methods(made, explicit_hash)
        return made

    return build if cls is None else build(cls)


if TYPE_CHECKING:
    from dataclasses import dataclass as dataclass
else:
    dataclass = _dataclass if _FASTER else _STOCK
