"""The public API is listed once, is complete, and its classes say they live in the package."""

from __future__ import annotations

import dataclasses
import doctest
import importlib
import json
import pickle
import subprocess
import sys
import tomllib
import typing
from pathlib import Path

import diffusion_scenarios as ds
from diffusion_scenarios._base.public import public_homes
from diffusion_scenarios._facts import scenario as facts

ROOT = Path(__file__).resolve().parent.parent


def test_every_public_name_loads_from_the_module_the_one_list_names() -> None:
    homes = public_homes()
    assert [*sorted(homes), "__version__"] == ds.__all__
    for name, module in homes.items():
        assert getattr(ds, name) is getattr(importlib.import_module(module), name), name


def test_every_public_fact_type_is_public() -> None:
    fact_types = {
        name
        for name in facts.__all__
        if isinstance(getattr(facts, name), type)  # the classes, not the helper functions
    }
    assert {"FinalJudgment", "InAbsentiaDetails", "Evidence"} <= fact_types
    assert fact_types <= set(ds.__all__), fact_types - set(ds.__all__)


def test_every_public_class_says_it_lives_in_the_package() -> None:
    classes = [getattr(ds, n) for n in ds.__all__ if isinstance(getattr(ds, n), type)]
    assert ds.Scenario in classes and ds.Assessment in classes and ds.CountryPractice in classes
    private = [c for c in classes if any(p.startswith("_") for p in c.__module__.split("."))]
    assert [f"{c.__name__} ({c.__module__})" for c in private] == []
    from_private = [c for c in classes if ".errors" not in public_homes()[c.__name__]]
    assert {c.__module__ for c in from_private} == {"diffusion_scenarios"}
    # the errors keep their own public module, as tracebacks have always named them
    assert ds.ScenarioError.__module__ == "diffusion_scenarios.errors"
    # a class reached through its private module first says the same
    assert facts.Scenario.__module__ == "diffusion_scenarios"


def test_a_public_value_pickles_by_its_public_name_and_reprs_as_before() -> None:
    scenario = ds.builtin_scenarios()["ccf-2019-u1"]
    data = pickle.dumps(scenario)
    assert b"diffusion_scenarios._facts" not in data
    assert pickle.loads(data) == scenario
    judgment = ds.FinalJudgment(country="FRA", result="acquitted")
    assert repr(judgment).startswith("FinalJudgment(country='FRA'")
    assert dataclasses.replace(judgment, result="convicted_served").result == "convicted_served"
    error = pickle.loads(pickle.dumps(ds.ReferenceDataError("bad file")))
    assert isinstance(error, ds.ReferenceDataError) and str(error) == "bad file"


def test_the_type_hints_of_every_public_class_resolve() -> None:
    fact_types = [getattr(ds, n) for n in facts.__all__ if isinstance(getattr(facts, n), type)]
    for item in [*fact_types, ds.CountryPractice]:
        hints = typing.get_type_hints(item)  # looked up in the module the class says
        assert all(not isinstance(h, str) for h in hints.values()), item
    assert typing.get_type_hints(ds.Scenario)["notice"] is ds.Notice
    fields = {f.name: f.type for f in dataclasses.fields(ds.Scenario)}
    assert fields["notice"] == "Notice"  # the dataclass's own record of its fields is unchanged


def test_a_public_class_keeps_its_docstring_examples_in_its_module() -> None:
    found = doctest.DocTestFinder().find(facts)
    assert any(t.name.endswith("Evidence") and t.examples for t in found)


def test_the_version_is_the_one_in_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert ds.__version__ == project["version"]


def test_importing_the_package_loads_no_private_module_but_the_base() -> None:
    code = (
        "import json, sys, diffusion_scenarios\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('diffusion_scenarios.'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(done.stdout)
    assert all(m.startswith("diffusion_scenarios._base") for m in loaded), loaded


def test_every_package_of_the_source_is_listed_for_the_wheel() -> None:
    """pyproject.toml lists packages by hand: one left out is missing from an installed copy."""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    source = ROOT / "src"
    found = {
        ".".join(init.parent.relative_to(source).parts)
        for init in source.glob("diffusion_scenarios/**/__init__.py")
    }
    assert found - listed == set()
