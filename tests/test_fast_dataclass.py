"""The package's ``dataclass`` gives the same classes as the standard one (issue 21).

Each check builds one class both ways, with :func:`dataclasses.dataclass` and with
:func:`diffusion_scenarios._base.fast_dataclass.dataclass`, and compares what a user of the
class can see: the repr, equality, hashes, the errors of a frozen class, pickling, copying,
``replace``, ``fields``, ``asdict`` and the parameters recorded on the class.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
import sys
from typing import Any, ClassVar

import pytest

from diffusion_scenarios._base import fast_dataclass
from diffusion_scenarios._base.fast_dataclass import dataclass, field

BOTH = pytest.mark.parametrize("make", [dataclasses.dataclass, dataclass], ids=["stock", "fast"])


def _point(make: Any) -> Any:
    @make(frozen=True, slots=True, kw_only=True)
    class Point:
        """A point."""

        x: int
        y: float = 0.0
        tags: tuple[str, ...] = ()
        note: str = field(default="", compare=False, repr=False)
        weight: float = field(default=1.0, hash=False)
        origin: ClassVar[str] = "zero"

    return Point


def _one(make: Any) -> Any:
    @make(frozen=True, slots=True)
    class One:
        value: Any

    return One


def _empty(make: Any) -> Any:
    @make(frozen=True)
    class Empty:
        pass

    return Empty


def _own_methods(make: Any) -> Any:
    @make(frozen=True, slots=True)
    class Own:
        a: int

        def __repr__(self) -> str:
            return "own"

        def __eq__(self, other: object) -> bool:
            return True

        def __hash__(self) -> int:
            return 7

    return Own


def _own_eq(make: Any) -> Any:
    @make(frozen=True, slots=True)
    class OwnEq:
        a: int

        def __eq__(self, other: object) -> bool:
            return isinstance(other, OwnEq)

    return OwnEq


def _outcome(build: Any, action: Any) -> Any:
    """What ``action(build)`` gives, or the error it raises (type and message)."""
    try:
        return ("value", action(build))
    except Exception as error:  # the error is the outcome compared
        return ("error", type(error).__name__, str(error))


def _observed(make: Any) -> dict[str, Any]:
    point, one, empty, own, own_eq = (
        _point(make),
        _one(make),
        _empty(make),
        _own_methods(make),
        _own_eq(make),
    )
    p = point(x=1, y=2.5, tags=("a",), note="n")
    nan = float("nan")
    seen: dict[str, Any] = {
        "repr": [repr(p), repr(one(nan)), repr(empty()), repr(one(one(2)))],
        "eq": [
            p == point(x=1, y=2.5, tags=("a",), note="other"),
            p == point(x=2),
            p == "text",
            one(nan) == one(nan),
            (lambda v: one(v) == one(v))(nan),
            empty() == empty(),
            one(1) == _one(make)(1),
        ],
        "hash": [
            hash(p) == hash(point(x=1, y=2.5, tags=("a",), weight=9.0)),
            hash(one(3)) == hash((3,)),
            hash(empty()) == hash(()),
            hash(p) == hash((1, 2.5, ("a",))),
        ],
        "own": [repr(own(1)), own(1) == own(2), hash(own(1)), own_eq(1) == own_eq(2)],
        "own_eq_hash": _outcome(own_eq, lambda c: hash(c(1))),
        "set": _outcome(p, lambda q: setattr(q, "x", 3)),
        "set_other": _outcome(p, lambda q: setattr(q, "other", 3)),
        "delete": _outcome(p, lambda q: delattr(q, "x")),
        "empty_set": _outcome(empty(), lambda q: setattr(q, "z", 1)),
        "missing": _outcome(point, lambda c: c(y=1.0)),
        "positional": _outcome(point, lambda c: c(1)),
        "replace": repr(dataclasses.replace(p, x=5)),
        "copy": [copy.copy(p) == p, copy.deepcopy(p) == p],
        "fields": [(f.name, f.repr, f.compare, f.hash, f.kw_only) for f in dataclasses.fields(p)],
        "asdict": dataclasses.asdict(p),
        "params": repr(point.__dataclass_params__),  # type: ignore[attr-defined]
        "slots": point.__slots__,
        "match_args": one.__match_args__,
        "doc": [point.__doc__, one.__doc__],
        "qualnames": [
            getattr(point, name).__qualname__.rsplit(".", 2)[-2:]
            for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__")
        ],
    }
    return seen


def test_the_package_dataclass_gives_what_the_standard_one_gives() -> None:
    assert _observed(dataclass) == _observed(dataclasses.dataclass)


@BOTH
def test_a_class_built_either_way_pickles_and_stays_frozen(make: Any) -> None:
    global Pickled  # pickle finds a class by its module-level name

    @make(frozen=True, slots=True)
    class Pickled:  # type: ignore[no-redef]
        a: int
        b: tuple[int, ...] = ()

    Pickled.__qualname__ = "Pickled"
    item = Pickled(1, (2, 3))
    back = pickle.loads(pickle.dumps(item))
    assert back == item and repr(back) == "Pickled(a=1, b=(2, 3))"
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'a'"):
        back.a = 2


@BOTH
def test_a_repr_that_reaches_itself_shows_dots_as_the_standard_one(make: Any) -> None:
    @make(frozen=True)
    class Box:
        items: list[Any]

    box = Box([])
    box.items.append(box)
    assert repr(box).endswith(".Box(items=[...])")


def test_the_standard_code_is_left_as_it_was() -> None:
    if fast_dataclass._FASTER:
        assert dataclasses._frozen_get_del_attr is not fast_dataclass._frozen_get_del_attr  # type: ignore[attr-defined]
    assert dataclasses.dataclass is fast_dataclass._STOCK


def test_other_options_and_newer_pythons_use_the_standard_dataclass() -> None:
    @dataclass(slots=True)
    class Mutable:
        a: int

    @dataclass(frozen=True, order=True)
    class Ordered:
        a: int

    item = Mutable(1)
    item.a = 2
    assert item == Mutable(2) and Ordered(1) < Ordered(2)
    assert (dataclass is dataclasses.dataclass) == (sys.version_info >= (3, 13))
