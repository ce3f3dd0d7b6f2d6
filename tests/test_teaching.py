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


NEW_SESSIONS = ["09_article3_predominance.ipynb", "10_extradition_and_human_rights.ipynb"]


def _pictures(notebook: nbformat.NotebookNode) -> int:
    return sum(
        "image/png" in output.get("data", {})
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )


@pytest.mark.parametrize("name", NEW_SESSIONS)
def test_the_new_session_notebooks_are_saved_with_their_pictures(name: str) -> None:
    notebook = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    assert _pictures(notebook) >= 1
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert "Debate pack" in text and "Motion." in text


@pytest.mark.slow
@pytest.mark.parametrize("name", NEW_SESSIONS)
def test_the_new_session_notebooks_run_cleanly_and_draw(name: str) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_notebooks", ROOT / "scripts" / "build_notebooks.py"
    )
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    executed = builder.execute(ROOT / "notebooks" / name)
    assert builder.problems(executed, name) == []
    assert _pictures(executed) >= 1


def test_the_debate_packs_give_prompts_not_answers() -> None:
    for name in ["03_the_ccf_route.ipynb", "08_policy_lab.ipynb", *NEW_SESSIONS]:
        cells = nbformat.read(ROOT / "notebooks" / name, as_version=4).cells
        start = next(i for i, c in enumerate(cells) if "Debate pack" in c.source)
        pack = cells[start:]
        assert "**Motion.**" in pack[0].source
        assert "Proposition" in pack[0].source and "Opposition" in pack[0].source
        prompts = pack[-1].source
        assert pack[-1].cell_type == "markdown" and "none are given here" in prompts
        assert prompts.count("\n1. ") == 1 and "?" in prompts
        evidence = [c for c in pack if c.cell_type == "code"]
        assert evidence, f"{name}: the evidence is computed from the package's data"
        shown = str(evidence[0].outputs)
        assert "for" in shown or "proposition" in shown
        assert "against" in shown or "opposition" in shown
