"""What a newcomer meets first: commands that work as written in a new shell, notebook 00's
tour as a picture with its jargon explained, and notebook 04 without raw values."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
# A command a reader would type: the program name at the start of a code span or line (not
# a message it prints, such as "diffusion-scenarios assess: case.yaml: ...").
BARE = re.compile(
    r"(?:^|`)(?:voila|diffusion-scenarios|jupyter|pytest|pip)\s(?!\w+: )", re.MULTILINE
)


def _notebook(name: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / "notebooks" / name, as_version=4)


def _markdown(name: str) -> str:
    return "\n".join(c.source for c in _notebook(name).cells if c.cell_type == "markdown")


def test_the_readme_gives_no_command_a_new_shell_cannot_find() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh)\n(.*?)```", text, re.DOTALL)
    spans = re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.DOTALL))
    bare = [line for block in blocks for line in block.splitlines() if BARE.match(line)]
    bare += [span for span in spans if BARE.match(span)]
    assert bare == []
    assert "Scripts\\diffusion-scenarios app" in text  # the Windows form, once


@pytest.mark.parametrize("name", ["00_start_here.ipynb", "04_scenario_explorer.ipynb"])
def test_the_first_notebooks_give_no_bare_command(name: str) -> None:
    spans = re.findall(r"`([^`\n]+)`", _markdown(name))
    assert [span for span in spans if BARE.match(span)] == []
    assert ".venv/bin/diffusion-scenarios app" in _markdown(name)


def test_the_tour_is_a_card_with_the_full_report_one_click_away() -> None:
    cells = {cell.id: cell for cell in _notebook("00_start_here.ipynb").cells}
    card = cells["cell-04"].outputs[0]["data"]["text/html"]
    assert "Likelihood on these facts" in card
    assert card.count("<svg") >= 1 and "What comes next" in card
    assert re.search(r"<details.*?<summary[^>]*>The full report", card, re.DOTALL)
    # No wall of monospace text outside the closed report.
    for cell in cells.values():
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "stream" or output["text"].count("\n") < 10


def test_the_tour_explains_presumed_and_confidence_against_verification() -> None:
    text = _markdown("00_start_here.ipynb")
    assert "Presumed, not found" in text
    assert "Confidence and verification are two different questions" in text
    table = {c.id: c for c in _notebook("00_start_here.ipynb").cells}["cell-06"]
    html = table.outputs[0]["data"]["text/html"]
    assert "presumed, not found" in html and "verification of the rules cited" in html


def test_notebook_04_shows_the_outcome_in_words_not_a_raw_value() -> None:
    for cell in _notebook("04_scenario_explorer.ipynb").cells:
        for output in cell.get("outputs", []):
            shown = output.get("text", "") + "".join(
                str(v) for v in output.get("data", {}).values()
            )
            assert not re.search(r"\b(not_compliant|compliant_with_update|compliant) \|", shown)


def test_error_lines_start_as_the_readme_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from diffusion_scenarios.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`diffusion-scenarios assess: case.yaml: notice.kind: expected one of" in readme
    assert "starts each line with the file instead (`case.yaml: notice.kind:" in readme
    bad = tmp_path / "case.yaml"
    bad.write_text(
        "format: 1\nid: case\nnotice:\n  kind: difusion\n  requesting_country: KAZ\n"
        "  issued_on: 2025-01-10\n",
        encoding="utf-8",
    )
    assert main(["assess", str(bad)]) == 2
    assessed = capsys.readouterr().err.splitlines()
    assert main(["validate", str(bad)]) == 2
    validated = capsys.readouterr().err.splitlines()
    assert assessed == [f"diffusion-scenarios assess: {bad}: notice.kind: expected one of "
                        "diffusion, red_notice, found 'difusion' (did you mean 'diffusion'?)"]
    assert validated == [f"{bad}: notice.kind: expected one of diffusion, red_notice, found "
                         "'difusion' (did you mean 'diffusion'?)"]  # fmt: skip
