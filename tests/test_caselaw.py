"""The CCF decisions index: loading, filtering, summaries, and the ``caselaw`` command.

Nothing here depends on how many decisions the shipped index holds: counts are checked
against the file itself, or against a temporary copy with one more row.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from diffusion_scenarios import caselaw
from diffusion_scenarios._law.data import data_file
from diffusion_scenarios.cli import main
from diffusion_scenarios.errors import CaseLawError

SHIPPED = Path(str(data_file("ccf_decisions.csv")))


def _raw_rows() -> list[dict[str, str]]:
    with SHIPPED.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _copy_with_extra_row(tmp_path: Path, **overrides: str) -> Path:
    rows = _raw_rows()
    extra = dict(rows[0])
    extra.update(
        decision_id="TEST-EXTRA",
        year="2026",
        data_type="diffusion",
        data_detail="diffusion",
        outcome="not_compliant",
        tags="Private matter;Refugee status",
        url="https://example.invalid/extra",
    )
    extra.update(overrides)
    target = tmp_path / "decisions.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([*rows, extra])
    return target


# --------------------------------------------------------------------------- loading


def test_every_row_of_the_shipped_index_is_one_decision_with_a_unique_id() -> None:
    table = caselaw.decisions()
    assert len(table) == len(_raw_rows())
    assert table["decision_id"].is_unique
    assert {"decision_id", "year", "data_type", "outcome", "tags", "urls"} <= set(table.columns)


def test_every_decision_keeps_its_sources_and_a_known_outcome() -> None:
    table = caselaw.decisions()
    assert all(len(urls) >= 1 for urls in table["urls"])
    assert all(url.startswith("http") for urls in table["urls"] for url in urls)
    assert set(table["outcome"]) <= set(caselaw.OUTCOMES)
    assert set(table["data_type"]) <= set(caselaw.DATA_TYPES)
    assert all(table["source_type"].str.len() > 0)


def test_an_undated_decision_has_a_missing_year_not_a_made_up_one() -> None:
    raw = {r["decision_id"]: r["year"] for r in _raw_rows()}
    table = caselaw.decisions().set_index("decision_id")
    for decision_id, year in raw.items():
        if year:
            assert table.loc[decision_id, "year"] == int(year)
        else:
            assert table.loc[decision_id, "year"] is caselaw.decisions()["year"].dtype.na_value


def test_tags_are_read_as_separate_whole_tags() -> None:
    table = caselaw.decisions().set_index("decision_id")
    assert table.loc["2017-03", "tags"] == ("Political character", "Lack of action for extradition")


def test_changing_the_returned_table_does_not_change_the_next_one() -> None:
    first = caselaw.decisions()
    first.loc[first.index[0], "outcome"] = "tampered"
    assert "tampered" not in set(caselaw.decisions()["outcome"])


# --------------------------------------------------------------------------- filtering


def test_filtering_by_tag_ignores_letter_case_and_matches_whole_tags() -> None:
    table = caselaw.decisions()
    expected = {
        i
        for i, tags in zip(table["decision_id"], table["tags"], strict=True)
        if "Family matter" in tags
    }
    assert expected, "the shipped index has family-matter decisions"
    assert set(caselaw.filter_decisions(tag="family MATTER")["decision_id"]) == expected
    assert set(caselaw.filter_decisions(tag="  Family   matter ")["decision_id"]) == expected


def test_a_partial_tag_is_an_error_that_suggests_the_whole_tag() -> None:
    with pytest.raises(CaseLawError, match=r"unknown tag 'family'.*did you mean 'Family matter'"):
        caselaw.filter_decisions(tag="family")


def test_filtering_by_outcome_keeps_only_that_outcome() -> None:
    raw = [r for r in _raw_rows() if r["outcome"] == "compliant"]
    kept = caselaw.filter_decisions(outcome="compliant")
    assert set(kept["outcome"]) == {"compliant"}
    assert len(kept) == len(raw)


def test_an_outcome_written_with_a_space_is_understood() -> None:
    assert len(caselaw.filter_decisions(outcome="Not compliant")) == len(
        caselaw.filter_decisions(outcome="not_compliant")
    )


def test_an_unknown_outcome_is_an_error_listing_the_valid_words() -> None:
    with pytest.raises(CaseLawError, match=r"unknown outcome 'removed'.*not_compliant.*kept"):
        caselaw.filter_decisions(outcome="removed")


def test_the_outcome_filter_accepts_deleted_and_kept() -> None:
    deleted = caselaw.filter_decisions(outcome="deleted")
    kept = caselaw.filter_decisions(outcome="Kept")
    assert set(deleted["outcome"]) == {"not_compliant"}
    assert set(kept["outcome"]) == {"compliant", "compliant_with_update"}
    assert len(deleted) == len(caselaw.filter_decisions(outcome="not_compliant"))


def test_filtering_by_type_accepts_the_broad_type_and_the_precise_kind() -> None:
    raw = _raw_rows()
    diffusions = caselaw.filter_decisions(data_type="diffusion")
    assert len(diffusions) == sum(r["data_type"] == "diffusion" for r in raw)
    blue = caselaw.filter_decisions(data_type="blue_notice")
    assert len(blue) == sum("blue_notice" in r["data_detail"].split(";") for r in raw)
    assert set(blue["data_type"]) <= {"other"}


def test_an_unknown_type_is_an_error_with_a_suggestion() -> None:
    with pytest.raises(CaseLawError, match="did you mean 'red_notice'"):
        caselaw.filter_decisions(data_type="red_notce")


def test_filtering_by_year_accepts_a_number_or_its_text() -> None:
    raw = [r for r in _raw_rows() if r["year"] == "2018"]
    assert len(caselaw.filter_decisions(year=2018)) == len(raw)
    assert len(caselaw.filter_decisions(year="2018")) == len(raw)
    assert caselaw.filter_decisions(year=1900).empty


def test_a_year_that_is_not_a_number_is_an_error() -> None:
    with pytest.raises(CaseLawError, match="year: expected a whole number"):
        caselaw.filter_decisions(year="last year")


def test_filters_combine() -> None:
    both = caselaw.filter_decisions(tag="Political character", outcome="not_compliant")
    assert all("Political character" in tags for tags in both["tags"])
    assert set(both["outcome"]) <= {"not_compliant"}
    alone = caselaw.filter_decisions(tag="Political character")
    assert 0 < len(both) < len(alone)


# --------------------------------------------------------------------------- summaries


def test_outcome_shares_sum_to_one_for_every_tag() -> None:
    shares = caselaw.outcome_shares_by_tag()
    assert list(shares.columns) == [*caselaw.OUTCOMES, "n"]
    assert (shares[list(caselaw.OUTCOMES)].sum(axis=1).round(9) == 1).all()
    assert shares["n"].to_dict() == caselaw.tag_counts().to_dict()


def test_a_tag_used_only_by_deletions_has_a_full_deletion_share() -> None:
    table = caselaw.decisions()
    shares = caselaw.outcome_shares_by_tag(table)
    only_deleted = [
        tag
        for tag in shares.index
        if all(
            o == "not_compliant"
            for tags, o in zip(table["tags_normalised"], table["outcome"], strict=True)
            if tag in tags
        )
    ]
    assert only_deleted, "some tag in the index is carried only by deletions"
    for tag in only_deleted:
        assert shares.loc[tag, "not_compliant"] == 1.0
    mixed = [t for t in shares.index if t not in only_deleted]
    assert all(shares.loc[t, "not_compliant"] < 1.0 for t in mixed)


def test_adding_a_decision_to_a_copy_of_the_index_changes_the_counts(tmp_path: Path) -> None:
    before = caselaw.tag_counts()
    extended = caselaw.decisions(_copy_with_extra_row(tmp_path))
    after = caselaw.tag_counts(extended)
    assert len(extended) == len(caselaw.decisions()) + 1
    assert after["Private/commercial matter"] == before["Private/commercial matter"] + 1
    assert after["Refugee/protective status"] == before["Refugee/protective status"] + 1
    shares = caselaw.outcome_shares_by_tag(extended)
    assert shares.loc["Refugee/protective status", "n"] == before["Refugee/protective status"] + 1
    in_2026 = len(caselaw.filter_decisions(year=2026))
    assert len(caselaw.filter_decisions(extended, year=2026)) == in_2026 + 1


def test_a_decisions_copy_with_a_bad_outcome_names_the_row_and_column(tmp_path: Path) -> None:
    path = _copy_with_extra_row(tmp_path, outcome="deleted")
    row = len(_raw_rows()) + 2  # header is row 1
    with pytest.raises(CaseLawError, match=rf"decisions.csv: row {row}, column outcome: expected"):
        caselaw.decisions(path)


def test_a_missing_decisions_file_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(CaseLawError, match="no such decisions file"):
        caselaw.decisions(tmp_path / "nowhere.csv")


# --------------------------------------------------------------------------- command line


def test_caselaw_command_prints_the_matching_decisions_as_a_table(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["caselaw", "--type", "diffusion"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0].split()
    assert header == ["id", "year", "type", "outcome", "tags", "url"]
    for decision_id in caselaw.filter_decisions(data_type="diffusion")["decision_id"]:
        assert decision_id in out
    assert "2017-03" not in out  # a red notice
    assert f"{len(caselaw.filter_decisions(data_type='diffusion'))} decision(s)" in out


def test_caselaw_command_json_lists_decisions_with_their_sources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["caselaw", "--outcome", "compliant", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == len(caselaw.filter_decisions(outcome="compliant"))
    assert all(r["outcome"] == "compliant" and r["urls"] for r in records)


def test_caselaw_command_with_an_unknown_outcome_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["caselaw", "--outcome", "removed"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "unknown outcome 'removed'" in captured.err


def test_caselaw_command_accepts_deleted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["caselaw", "--outcome", "deleted", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records and all(r["outcome"] == "not_compliant" for r in records)


def test_the_help_of_the_command_line_does_not_load_pandas() -> None:
    code = (
        "import sys\n"
        "from diffusion_scenarios.cli import build_parser\n"
        "build_parser()\n"
        "print('pandas' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


# --------------------------------------------------------------------------- pictures and widgets


def test_the_outcome_chart_has_one_labelled_bar_per_tag_with_its_count() -> None:
    import matplotlib.pyplot as plt

    figure = caselaw.plot_outcome_shares()
    axis = figure.axes[0]
    by_position = dict(zip(axis.get_yticks(), axis.get_yticklabels(), strict=True))
    labels = [by_position[p].get_text() for p in sorted(by_position, reverse=True)]
    counts = caselaw.tag_counts()
    assert len(labels) == len(counts)
    assert labels[0] == f"{counts.index[0]} (n={counts.iloc[0]})"  # most frequent on top
    assert len(axis.patches) == len(counts) * len(caselaw.OUTCOMES)
    colours = {caselaw.OUTCOME_STYLE[o][0] for o in caselaw.OUTCOMES}
    assert len(colours) == len(caselaw.OUTCOMES)
    plt.close(figure)


def test_the_browser_filters_the_table_when_a_dropdown_changes() -> None:
    panel = caselaw.browser()
    total = len(caselaw.decisions())
    assert panel.filters["outcome"].description == "Outcome"
    assert f"{total} decision(s)" in panel.table.value
    panel.filters["outcome"].value = "compliant"
    expected = caselaw.filter_decisions(outcome="compliant")
    assert f"{len(expected)} decision(s)" in panel.table.value
    for decision_id in expected["decision_id"]:
        assert decision_id in panel.table.value
    panel.filters["tag"].value = "Refugee/protective status"  # no compliant decision has it
    assert "No decision matches" in panel.table.value
    panel.filters["outcome"].value = "(any)"
    for decision_id in caselaw.filter_decisions(tag="Refugee status")["decision_id"]:
        assert decision_id in panel.table.value


def test_the_browser_shows_a_real_table_whose_sources_are_links() -> None:
    panel = caselaw.browser()
    page = panel.table.value
    assert page.startswith("<table") and "<pre" not in page
    first_url = caselaw.decisions()["urls"].iloc[0][0]
    assert f'<a href="{first_url}"' in page
    panel.filters["outcome"].value = "deleted"
    assert f"{len(caselaw.filter_decisions(outcome='deleted'))} decision(s)" in panel.table.value


def test_no_tag_is_split_at_a_semicolon_inside_brackets() -> None:
    tags = caselaw.tag_counts().index
    assert not any(t.count("(") != t.count(")") for t in tags)
    assert any(t.startswith("Purpose (location known;") for t in tags)


def test_near_duplicate_tags_are_counted_once_and_the_source_wording_is_kept() -> None:
    counts = caselaw.tag_counts()
    for duplicate in ("Private matter", "Refugee status", "Due process"):
        assert duplicate not in counts.index
    raw = {t for tags in caselaw.decisions()["tags"] for t in tags}
    assert {"Private matter", "Refugee status", "Due process"} <= raw
    private = caselaw.filter_decisions(tag="Private matter")
    assert len(private) == counts["Private/commercial matter"]


def test_no_label_of_the_calibration_chart_crosses_its_border() -> None:
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = caselaw.plot_calibration(caselaw.calibration())
    axis = figure.axes[0]
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    frame = axis.get_window_extent(renderer)
    labels = [t for t in axis.texts if t.get_text().startswith("n=")]
    assert labels
    for label in labels:
        box = label.get_window_extent(renderer)
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1, label.get_text()
        assert frame.y0 <= box.y0 and box.y1 <= frame.y1, label.get_text()
    plt.close(figure)


def test_the_browser_offers_only_values_present_in_the_index() -> None:
    panel = caselaw.browser()
    years = {str(y) for y in caselaw.decisions()["year"].dropna()}
    assert set(panel.filters["year"].options) == {"(any)", *years}
    assert "blue_notice" in panel.filters["data_type"].options
    assert "orange_notice" not in panel.filters["data_type"].options


def test_every_example_in_the_caselaw_docstrings_runs() -> None:
    """The public module and the rooms it re-exports from (doctest sees only the functions
    a module defines)."""
    import doctest
    import importlib

    import matplotlib.pyplot as plt

    attempted = 0
    for name in (
        "diffusion_scenarios.caselaw",
        "diffusion_scenarios._caselaw.index",
        "diffusion_scenarios._caselaw.comparison",
        "diffusion_scenarios._caselaw.browser",
        "diffusion_scenarios._facts.expected",
    ):
        outcome = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
        plt.close("all")
        assert outcome.failed == 0, name
        attempted += outcome.attempted
    assert attempted > 10


def test_the_public_names_of_caselaw_live_in_caselaw() -> None:
    """What a notebook imports from ``caselaw`` is there, and its classes say so."""
    for name in caselaw.__all__:
        assert hasattr(caselaw, name), name
    for cls in (caselaw.Comparison, caselaw.ComparisonRow, caselaw.ExpectedDecision):
        assert cls.__module__ == "diffusion_scenarios.caselaw"


def test_the_outcome_chart_legend_is_not_cut_at_the_figure_edge() -> None:
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = caselaw.plot_outcome_shares()
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = [t for legend in figure.legends for t in legend.get_texts()]
    texts += [t for axis in figure.axes if axis.get_legend() for t in axis.get_legend().get_texts()]
    assert texts
    for text in texts:
        box = text.get_window_extent(renderer)
        assert box.x0 >= 0 and box.x1 <= figure.bbox.x1, text.get_text()
    plt.close(figure)
