"""Similar published decisions: what a lawyer reading the list relies on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import diffusion_scenarios as ds
from diffusion_scenarios import caselaw
from diffusion_scenarios._engine import similar
from diffusion_scenarios._law.data import data_file

BUILTINS = ds.builtin_scenarios()
ENCODED = {e.scenario_id: e for e in caselaw.expected_outcomes()}


@pytest.mark.parametrize("scenario_id", sorted(ENCODED))
def test_a_decision_is_never_listed_as_similar_to_itself(scenario_id: str) -> None:
    listed = {d.decision_id for d in ds.assess(BUILTINS[scenario_id]).similar_decisions}
    assert ENCODED[scenario_id].decision_id not in listed


@pytest.mark.parametrize("scenario_id", sorted(BUILTINS))
def test_similar_decisions_are_ordered_most_similar_first(scenario_id: str) -> None:
    scores = [d.similarity for d in ds.assess(BUILTINS[scenario_id]).similar_decisions]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_json_lists_at_least_three_decisions_of_the_index_with_their_outcome() -> None:
    out = ds.assess(BUILTINS["opposition-politician-embezzlement"]).to_dict()
    ids = set(caselaw.decisions()["decision_id"])
    assert len(out["similar_decisions"]) >= 3
    for entry in out["similar_decisions"]:
        assert entry["id"] in ids
        assert entry["outcome"] in caselaw.OUTCOMES[:3]
        assert entry["url"].startswith("https://")
        assert entry["shared"] or entry["differing"]


def test_a_political_case_is_closest_to_decisions_that_share_the_political_ground() -> None:
    nearest = ds.assess(BUILTINS["opposition-politician-embezzlement"]).similar_decisions[0]
    assert any("Article 3" in fact for fact in nearest.shared)


def test_the_outcome_plays_no_part_in_the_ranking() -> None:
    pool = similar.decision_profiles()
    flipped = [
        similar.DecisionProfile(
            decision_id=d.decision_id,
            year=d.year,
            outcome="compliant" if d.outcome == "not_compliant" else "not_compliant",
            url=d.url,
            profile=d.profile,
            scenario_id=d.scenario_id,
            encoded=d.encoded,
        )
        for d in pool
    ]
    case = pool[0].profile
    assert [d.decision_id for d in similar._ranked(case, pool, 10)] == [
        d.decision_id for d in similar._ranked(case, flipped, 10)
    ]


def test_leave_one_out_never_lets_a_decision_vote_for_itself_or_its_person() -> None:
    a = similar.DecisionProfile(
        decision_id="A",
        year=2020,
        outcome="compliant",
        url="",
        encoded=True,
        person="p",
        profile=similar.Profile(kind="red_notice", year=2020),
    )
    twin = similar.DecisionProfile(
        decision_id="B",
        year=2020,
        outcome="compliant",
        url="",
        person="p",
        profile=similar.Profile(kind="red_notice", year=2020),
    )
    others = [
        similar.DecisionProfile(
            decision_id=f"C{i}",
            year=2000,
            outcome="not_compliant",
            url="",
            profile=similar.Profile(kind="diffusion", year=2000),
        )
        for i in range(3)
    ]
    result = similar.leave_one_out([a, twin, *others])
    assert result.votes == (("A", "compliant", "not_compliant"),)
    assert result.always_deleted == 0


def test_the_leave_one_out_figure_reports_the_always_deleted_baseline() -> None:
    lines = "\n".join(similar.calibration_lines())
    assert "nearest decisions" in lines and "always deleted" in lines


def test_the_shipped_profiles_match_the_facts_as_they_are_now() -> None:
    """Fails when data/similar_profiles.json is stale: run scripts/build_similar.py."""
    stored = json.loads(data_file(similar.PROFILES_FILE).read_text(encoding="utf-8"))
    assert stored == json.loads(similar.profiles_json())


def test_a_tag_with_a_semicolon_inside_brackets_stays_one_tag() -> None:
    assert similar.split_tags("Purpose (location known; extradition under way)") == (
        "Purpose (location known; extradition under way)",
    )


@pytest.mark.parametrize(
    ("source", "normal"),
    [
        ("Private matter", "Private/commercial matter"),
        ("Refugee status", "Refugee/protective status"),
        ("Due process", "Due process / Fair hearing"),
        ("Family matter", "Family matter"),
    ],
)
def test_near_duplicate_tags_are_counted_under_one_name(source: str, normal: str) -> None:
    assert similar.normalise_tag(source) == normal


def test_compare_calibration_prints_the_nearest_decisions_beside_the_model(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from diffusion_scenarios.cli import main

    assert main(["compare", "--calibration"]) == 0
    out = capsys.readouterr().out
    assert "Nearest published decisions" in out
    assert out.index("Cross-validated") < out.index("Nearest published decisions")
    assert "always deleted" in out


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_every_report_shows_the_similar_decisions_just_before_the_caveats(fmt: str) -> None:
    from diffusion_scenarios import reports

    assessment = ds.assess(BUILTINS["opposition-politician-embezzlement"])
    text = reports.render(assessment, fmt)
    heading = "SIMILAR PUBLISHED DECISIONS" if fmt == "text" else "Similar published decisions"
    caveats = "CAVEATS" if fmt == "text" else "Caveats"
    assert heading in text
    assert text.index(heading) < text.rindex(caveats)
    assert assessment.similar_decisions[0].decision_id in text


def test_the_word_memo_has_the_similar_decisions_section() -> None:
    import io

    import docx

    from diffusion_scenarios._render.word import render_docx

    assessment = ds.assess(BUILTINS["opposition-politician-embezzlement"])
    document = docx.Document(io.BytesIO(render_docx(assessment, figures=False)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Similar published decisions" in headings
    assert headings.index("Similar published decisions") < headings.index("Caveats")


def test_a_folder_s_groups_file_puts_one_person_s_decisions_together(tmp_path: Path) -> None:
    import shutil

    source = Path(str(data_file("scenarios/expected.csv"))).parent
    rows = caselaw.expected_outcomes()[:3]
    for row in rows:
        shutil.copy(source / row.file, tmp_path / row.file)
    lines = ["file,decision_id,ccf_outcome,ccf_grounds"]
    lines += [f"{r.file},{r.decision_id},{r.ccf_outcome}," for r in rows]
    (tmp_path / "expected.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / similar.GROUPS_FILE).write_text(
        f"file,person,source_kind\n{rows[0].file},same,official\n{rows[1].file},same,official\n",
        encoding="utf-8",
    )
    profiles = similar.profiles_from_files(tmp_path, tmp_path / "expected.csv")
    people = {p.decision_id: p.person for p in profiles}
    assert people[rows[0].decision_id] == people[rows[1].decision_id] == "same"
    assert people[rows[2].decision_id] == ""
