"""Teaching material: every notebook states its objectives and time, and the teacher's key
stays out of what students receive (issue 25)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
GUIDE = ROOT / "docs" / "teaching"
MINUTES = re.compile(r"\b\d+(?:–\d+)? minutes\b")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_opens_with_its_objectives_and_time(path: Path) -> None:
    cells = nbformat.read(path, as_version=4).cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# "), "title first"
    objectives = cells[1]
    assert objectives.cell_type == "markdown" and objectives.get("id") == "objectives"
    text = objectives.source
    assert text.startswith("**Objectives and time.**")
    assert MINUTES.search(text), "the time in class, in minutes"
    assert text.count("\n- ") >= 3, "at least three objectives"


def test_every_notebook_is_placed_in_a_session_of_the_guide() -> None:
    guide = "\n".join(p.read_text(encoding="utf-8") for p in sorted(GUIDE.glob("*.md")))
    for path in NOTEBOOKS:
        assert path.stem in guide or f"`{path.stem[:2]}`" in guide or path.stem[:2] in guide


def test_the_guide_links_only_files_that_exist() -> None:
    for page in GUIDE.glob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_the_guide_cites_no_internal_brief_ids() -> None:
    brief_id = re.compile(r"\b(?:DF|CHQ|NBI|CCF|RN|PA|NAT|ABS|RF|C|Q|D|N)-\d+[a-z]?\b(?![\d/])")
    for page in [*GUIDE.glob("*.md"), *(ROOT / "teacher").glob("*.md")]:
        found = brief_id.findall(page.read_text(encoding="utf-8"))
        assert not found, f"{page.name} cites internal brief ids {found}"


@pytest.mark.slow
def test_the_teacher_folder_is_not_in_the_built_wheel(tmp_path: Path) -> None:
    assert (ROOT / "teacher" / "model-answers.md").exists()
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
         "-q", "-w", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("diffusion_scenarios-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.endswith("exercises.py") for n in names), "the wheel was built"
    assert not [n for n in names if "teacher/" in n or "model-answers" in n or "rubric" in n]
