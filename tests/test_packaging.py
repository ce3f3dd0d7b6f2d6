"""The wheel ships every sub-package of the source tree.

pyproject.toml lists the packages by hand (the data folder is mapped in as a package of
its own); a sub-package left out of that list imports from a source checkout and from an
editable install, and fails only once installed from the wheel.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_sub_package_of_the_source_is_listed_for_the_wheel() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
            "setuptools"
        ]["packages"]
    )
    source = ROOT / "src"
    on_disk = {
        ".".join(init.parent.relative_to(source).parts)
        for init in source.glob("diffusion_scenarios/**/__init__.py")
    }
    missing = sorted(on_disk - listed)
    assert missing == [], f"add to [tool.setuptools] packages in pyproject.toml: {missing}"
