"""The client memo in Word (.docx): what a lawyer sees when the file is opened, that it is a
real Word document (headings, tables, page numbers, pictures, properties), that whatever the
user typed stays text, and that writing it is all-or-nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from assessment_samples import DELETION_DUE, FILED, sample_assessment
from docx.document import Document
from docx.oxml.ns import qn

import diffusion_scenarios as ds
from diffusion_scenarios import reports
from diffusion_scenarios._engine.assessment import Hinge
from diffusion_scenarios._render.markdown import NOTICE
from diffusion_scenarios._render.word import ZIP_TIMESTAMP, render_docx
from diffusion_scenarios.cli import main
from diffusion_scenarios.errors import MissingDependencyError, OutputExistsError

WHEN = dt.datetime(2025, 3, 1, 9, 30, 0)
HOSTILE = (
    "<script>alert(1)</script> $x^$ \\(y\\) {{z}} "
    "bell\x07 nul\x00 escape\x1b vt\x0b "
    "\u202eevil\u202c مرحبا עברית 👩\u200d⚖️ 🚨"
)


def _open(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def _paragraph_texts(document: Document) -> list[str]:
    """Every paragraph's text in document order, table cells included."""
    return [
        "".join(node.text or "" for node in p.iter(qn("w:t")))
        for p in document.element.body.iter(qn("w:p"))
    ]


def _all_text(document: Document) -> str:
    return "\n".join(_paragraph_texts(document))


def _table(document: Document, first_header: str) -> Any:
    for table in document.tables:
        if table.rows[0].cells[0].text == first_header:
            return table
    raise AssertionError(f"no table whose first column is {first_header!r}")


def _headings(document: Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def _full_outcome(assessment: Any) -> Any:
    outcome = dataclasses.replace(
        assessment.outcome,
        prediction="not_compliant",
        likelihood=(("not_compliant", 0.7), ("compliant_with_update", 0.2), ("compliant", 0.1)),
        confidence="medium",
        hinges_on=(
            Hinge(
                field="challenge.ncb_responds",
                condition="if the source NCB does not answer the CCF",
                leads_to="not_compliant",
                value=False,
            ),
        ),
        summary="Likely deleted: about 7 in 10 on these facts.",
    )
    return dataclasses.replace(assessment, outcome=outcome)


@pytest.fixture(scope="module")
def sample() -> Any:
    return _full_outcome(sample_assessment())


@pytest.fixture(scope="module")
def memo_bytes(sample: Any) -> bytes:
    return render_docx(sample, timestamp=WHEN)


@pytest.fixture(scope="module")
def memo(memo_bytes: bytes) -> Document:
    return _open(memo_bytes)


# --- what the memo says ------------------------------------------------------------------------


def test_memo_opens_with_title_date_and_the_not_legal_advice_notice(memo: Document) -> None:
    texts = [text for text in _paragraph_texts(memo) if text]
    assert texts[0] == "Memo: Diffusion after a failed joint venture"
    assert memo.paragraphs[0].style.name == "Title"
    assert texts[1] == NOTICE
    assert "assessed as of 2025-03-01" in texts[2]
    assert texts.index("Likely outcome") > 2  # the notice comes before any finding


def test_memo_states_the_likely_outcome_its_likelihood_and_what_it_hinges_on(
    memo: Document,
) -> None:
    text = _all_text(memo)
    outcome = text.split("Likely outcome", 1)[1].split("Facts as given", 1)[0]
    assert "Likely deleted: about 7 in 10 on these facts." in outcome
    assert "Not compliant: the data would most likely be deleted" in outcome
    assert "Not compliant (deleted): about 70%" in outcome
    assert "Compliant with an update" in outcome and "about 20%" in outcome
    assert "Compliant (kept as they are): about 10%" in outcome
    assert "How sure the model is: medium" in outcome
    assert (
        "If the source NCB does not answer the CCF: most likely not compliant (deleted). "
        "Fact: challenge.ncb_responds." in outcome
    )


def test_memo_without_a_prediction_says_nothing_was_on_file() -> None:
    bare = sample_assessment()
    nothing = dataclasses.replace(
        bare,
        outcome=dataclasses.replace(bare.outcome, prediction=None, likelihood=(), summary=""),
    )
    text = _all_text(_open(render_docx(nothing, figures=False, timestamp=WHEN)))
    assert "No prediction: nothing was on file on 2025-03-01" in text
    assert "about" not in text.split("Likely outcome", 1)[1].split("Facts as given", 1)[0]


def test_memo_lists_the_facts_given_and_the_unknown_ones(memo: Document) -> None:
    text = _all_text(memo)
    assert "Alleged diversion of investor funds" in text
    assert "The client says the investors sued in London first." in text
    unknown = text.split("Facts not given (unknown)", 1)[1].split("How the request", 1)[0]
    assert "The national case: Arrest warrant issued on" in unknown


def test_memo_has_every_ground_with_strength_reasons_and_rules(
    memo: Document, sample: Any
) -> None:
    headings = _headings(memo, 2)
    text = _all_text(memo)
    for ground in sample.grounds:
        name = ground.label or ground.id.replace("_", " ")
        assert name in headings
        assert not any(f"({ground.id})" in heading for heading in headings)  # no code ids
        section = "\n" + text.split(f"\n{name}\n", 1)[1]
        assert section.startswith(f"\nStrength: {ground.strength}")
        for reason in ground.reasons:
            assert reason in section
        for rule_id in ground.citations:
            assert rule_id in section.split("\n")[2]


def test_memo_route_table_has_every_date_and_deadline(memo: Document, sample: Any) -> None:
    table = _table(memo, "Step")
    rows = {row.cells[0].text: row for row in table.rows[1:]}
    for step in sample.route:
        row = rows[step.step.replace("_", " ")]
        if step.date is not None:
            assert step.date.isoformat() in row.cells[1].text, step.step
            assert ("(estimated)" in row.cells[1].text) == step.estimated
        if step.deadline is not None:
            assert row.cells[2].text == f"{step.deadline.isoformat()} (deadline)"
    assert FILED.isoformat() in _all_text(memo) and DELETION_DUE.isoformat() in _all_text(memo)


def test_what_deletion_does_not_end_has_its_own_section() -> None:
    assessment = ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])
    document = _open(render_docx(assessment, figures=False, timestamp=WHEN))
    assert "What deletion does not end" in _headings(document, 1)
    text = _all_text(document).split("What deletion does not end", 1)[1]
    assert "national warrant" in text and "bilateral-extradition-possible" in text


def test_every_citation_is_listed_with_its_verification_and_unverified_is_flagged(
    memo: Document, sample: Any
) -> None:
    table = _table(memo, "Id")
    rows = {row.cells[0].text: row for row in table.rows[1:]}
    assert set(rows) == {c.id for c in sample.citations}
    assert any(c.verification == "unverified" for c in sample.citations)
    for citation in sample.citations:
        cell = rows[citation.id].cells[2]
        if citation.verification == "unverified":
            assert cell.text == "UNVERIFIED"
            assert cell.paragraphs[0].runs[0].bold
        else:
            assert cell.text == citation.verification
    # in the body too: a rule cited by a ground carries its flag where it is cited
    assert "rpd-34-3 (UNVERIFIED)" in _all_text(memo)


def test_per_country_table_shows_how_sure_and_names_those_that_did_not_receive_it() -> None:
    base = sample_assessment()
    enforcement = tuple(
        dataclasses.replace(entry, confidence="high", basis="own_finding")
        if entry.country == "FRA"
        else entry
        for entry in base.enforcement
    )
    document = _open(
        render_docx(dataclasses.replace(base, enforcement=enforcement), figures=False)
    )
    table = _table(document, "Country")
    rows = {row.cells[0].text: row for row in table.rows[1:]}
    assert rows["France (FRA)"].cells[2].text == "high (the country's own practice, from a source)"
    assert rows["Spain (ESP)"].cells[2].text == "low (no finding: the model's default)"
    assert "Kazakhstan (KAZ) — requesting state" in rows
    text = _all_text(document)
    others = text.split("Member countries that did not receive it", 1)[1]
    assert "Brazil (BRA)" in others and "France (FRA)" not in others


# --- a real Word document -------------------------------------------------------------------------


def test_memo_is_structured_with_heading_styles_tables_and_page_numbers(
    memo: Document, memo_bytes: bytes
) -> None:
    level_one = _headings(memo, 1)
    assert level_one[0] == "Likely outcome" and level_one[-1] == "Caveats"
    for section in ("Facts as given", "Grounds for deletion", "The CCF route", "Rules cited"):
        assert section in level_one
    assert len(memo.tables) >= 2
    header_row = _table(memo, "Id").rows[0]._tr
    assert header_row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None  # repeats
    assert "not legal advice" in memo.sections[0].header.paragraphs[0].text  # on every page
    footer = memo.sections[0].footer._element
    instructions = [node.text.strip() for node in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    properties = memo.core_properties
    assert properties.title == "Memo: Diffusion after a failed joint venture"
    assert "not legal advice" in properties.comments.lower()
    assert properties.created == WHEN.replace(tzinfo=dt.UTC)
    assert properties.modified == WHEN.replace(tzinfo=dt.UTC)
    with zipfile.ZipFile(io.BytesIO(memo_bytes)) as archive:
        assert "docProps/thumbnail.jpeg" not in archive.namelist()


def test_memo_has_the_three_pictures_with_descriptions(memo: Document, memo_bytes: bytes) -> None:
    assert len(memo.inline_shapes) == 3
    names = [shape._inline.docPr.get("name") for shape in memo.inline_shapes]
    assert names == ["circulation-map", "grounds-chart", "route-timeline"]
    for shape in memo.inline_shapes:
        assert shape._inline.docPr.get("descr")
    with zipfile.ZipFile(io.BytesIO(memo_bytes)) as archive:
        images = [name for name in archive.namelist() if name.startswith("word/media/")]
        assert len(images) == 3
        for name in images:
            assert archive.read(name).startswith(b"\x89PNG\r\n\x1a\n")
    captions = [p.text for p in memo.paragraphs if p.style.name == "Caption"]
    assert [c.split(".")[0] for c in captions] == ["Figure 1", "Figure 2", "Figure 3"]


def test_a_picture_that_cannot_be_drawn_is_replaced_by_a_visible_note(
    sample: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diffusion_scenarios._render import plot_charts  # where the memo draws its charts

    def broken(assessment: Any) -> Any:
        raise ValueError("cannot draw this")

    monkeypatch.setattr(plot_charts, "grounds_chart", broken)
    document = _open(render_docx(sample, timestamp=WHEN))
    assert len(document.inline_shapes) == 2
    assert "[Grounds chart: the picture could not be drawn (cannot draw this).]" in _all_text(
        document
    )


def test_memo_is_the_same_bytes_apart_from_its_timestamp(sample: Any, memo_bytes: bytes) -> None:
    assert render_docx(sample, timestamp=WHEN) == memo_bytes
    later = render_docx(sample, timestamp=WHEN + dt.timedelta(days=3))
    with (
        zipfile.ZipFile(io.BytesIO(memo_bytes)) as first,
        zipfile.ZipFile(io.BytesIO(later)) as second,
    ):
        assert first.namelist() == second.namelist()
        assert first.namelist()[0] == "[Content_Types].xml"
        differing = [n for n in first.namelist() if first.read(n) != second.read(n)]
        assert differing == ["docProps/core.xml"]
        assert {info.date_time for info in first.infolist()} == {ZIP_TIMESTAMP}


def test_memo_takes_its_time_from_source_date_epoch(
    sample: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    created = _open(render_docx(sample, figures=False)).core_properties.created
    assert created == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)


# --- what the user typed stays text ---------------------------------------------------------------


def test_hostile_text_comes_through_as_text_and_never_breaks_the_file() -> None:
    base = sample_assessment(title=HOSTILE)
    scenario = dataclasses.replace(
        base.scenario,
        notes=HOSTILE,
        case=dataclasses.replace(base.scenario.case, offence_summary=HOSTILE),
    )
    data = render_docx(dataclasses.replace(base, scenario=scenario))
    document = _open(data)
    assert len(document.inline_shapes) == 3  # the title is in each picture's heading too
    visible = HOSTILE.replace("\x07", "\ufffd").replace("\x00", "\ufffd")
    visible = visible.replace("\x1b", "\ufffd").replace("\x0b", "\ufffd")
    texts = _paragraph_texts(document)
    assert texts[0] == f"Memo: {visible}"
    assert texts.count(visible) == 3  # the facts table: title, notes and offence summary
    assert document.core_properties.title == " ".join(f"Memo: {visible}".split())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "<script>" not in body and "&lt;script&gt;" in body
    for character in "\x07\x00\x1b\x0b":
        assert character not in body
    assert "\u202eevil\u202c" in body and "👩\u200d⚖️" in body and "مرحبا" in body


def test_a_very_long_title_is_kept_in_full_in_the_memo_and_shortened_in_the_properties() -> None:
    title = "A very long title " * 30
    document = _open(render_docx(sample_assessment(title=title), figures=False))
    assert _paragraph_texts(document)[0] == f"Memo: {title}"
    assert len(document.core_properties.title) == 255
    assert document.core_properties.title.endswith("…")


# --- the reports API ------------------------------------------------------------------------------


def test_render_bytes_gives_every_format_and_render_refuses_the_word_file(sample: Any) -> None:
    for fmt in reports.FORMATS:
        assert reports.render_bytes(sample, fmt) == reports.render(sample, fmt).encode("utf-8")
    data = reports.render_bytes(sample, "docx")
    assert data.startswith(b"PK") and _open(data).core_properties.title.startswith("Memo:")
    with pytest.raises(ValueError, match="render_bytes"):
        reports.render(sample, "docx")
    assert reports.BINARY_FORMATS == ("docx",)
    assert reports.ALL_FORMATS[:4] == reports.FORMATS
    assert set(reports.MEDIA_TYPES) == set(reports.SUFFIXES) == set(reports.ALL_FORMATS)
    assert reports.SUFFIXES["docx"] == ".docx"


def test_write_report_writes_a_word_memo_and_never_overwrites_it(
    sample: Any, tmp_path: Path
) -> None:
    target = tmp_path / "memo.docx"
    assert reports.write_report(sample, target, "docx") == target
    assert _open(target.read_bytes()).paragraphs[0].text.startswith("Memo:")
    target.write_bytes(b"the lawyer's own draft")
    with pytest.raises(OutputExistsError, match="already exists"):
        reports.write_report(sample, target, "docx")
    assert target.read_bytes() == b"the lawyer's own draft"
    reports.write_report(sample, target, "docx", force=True)
    assert target.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.docx"]


@pytest.mark.parametrize("force", [False, True])
def test_a_failure_while_writing_leaves_nothing_behind(
    sample: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, force: bool
) -> None:
    target = tmp_path / "memo.docx"
    if force:
        target.write_bytes(b"the lawyer's own draft")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        reports.write_report(sample, target, "docx", force=force)
    if force:
        assert target.read_bytes() == b"the lawyer's own draft"
        assert [p.name for p in tmp_path.iterdir()] == ["memo.docx"]
    else:
        assert list(tmp_path.iterdir()) == []


def test_without_python_docx_the_message_names_the_pip_command(
    sample: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "docx", None)
    with pytest.raises(MissingDependencyError, match=r'pip install "diffusion-scenarios\[docx\]"'):
        reports.write_report(sample, tmp_path / "memo.docx", "docx")
    assert list(tmp_path.iterdir()) == []


# --- the command line -----------------------------------------------------------------------------


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["assess", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_refuses_to_print_a_word_memo_to_the_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _cli(capsys, "ccf-2019-u1", "--format", "docx")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "-o" in err and "Traceback" not in err


def test_cli_writes_a_word_memo_and_never_overwrites_it_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "memo.docx"
    code, out, _ = _cli(capsys, "ccf-2019-u1", "--format", "docx", "-o", str(target))
    assert code == 0 and out == ""
    document = _open(target.read_bytes())
    assert document.paragraphs[0].text == "Memo: Debtor wanted over a bounced cheque"

    target.write_bytes(b"the lawyer's own draft")
    code, out, err = _cli(capsys, "ccf-2019-u1", "--format", "docx", "-o", str(target))
    assert code == 2 and err.count("\n") == 1 and "already exists" in err
    assert target.read_bytes() == b"the lawyer's own draft"


def test_cli_chooses_word_from_the_file_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "memo.docx"
    code, _, _ = _cli(capsys, "ccf-2019-u1", "-o", str(target))
    assert code == 0 and target.read_bytes().startswith(b"PK")

    monkeypatch.setitem(__import__("sys").modules, "docx", None)
    code, _, err = _cli(capsys, "ccf-2019-u1", "-o", str(tmp_path / "other.docx"))
    assert code == 2 and err.count("\n") == 1 and "pip install" in err
    assert not (tmp_path / "other.docx").exists()


# --- every built-in scenario ----------------------------------------------------------------------


@pytest.mark.slow
def test_every_builtin_memo_opens_in_word_with_its_content() -> None:
    for key, scenario in ds.builtin_scenarios().items():
        assessment = ds.assess(scenario)
        document = _open(render_docx(assessment))
        text = _all_text(document)
        assert NOTICE in text, key
        assert document.core_properties.title == f"Memo: {assessment.title or key}", key
        outcome = text.split("Likely outcome", 1)[1].split("Facts as given", 1)[0]
        if assessment.outcome.prediction is not None:
            assert f"({assessment.outcome.prediction})" in outcome, key
        if assessment.outcome.summary:
            assert assessment.outcome.summary in outcome, key
        headings = _headings(document, 2)
        for ground in assessment.grounds:
            assert (ground.label or ground.id.replace("_", " ")) in headings
        for step in assessment.route:
            for value in (step.date, step.deadline):
                if value is not None:
                    assert value.isoformat() in text, (key, step.step)
        citations = {row.cells[0].text: row.cells[2].text for row in _table(document, "Id").rows}
        for citation in assessment.citations:
            expected = (
                "UNVERIFIED" if citation.verification == "unverified" else citation.verification
            )
            assert citations[citation.id] == expected, (key, citation.id)
        assert len(document.tables) >= 2, key
        pictures = 1 + bool(assessment.grounds) + bool(assessment.route)
        assert len(document.inline_shapes) == pictures, key


def test_making_a_word_memo_opens_no_network_connection(tmp_path: Path) -> None:
    import subprocess
    import sys

    from test_no_network import GUARD

    body = (
        "import os\n"
        "os.environ['MPLBACKEND'] = 'Agg'\n"
        "import diffusion_scenarios as ds\n"
        "from diffusion_scenarios import reports\n"
        "a = ds.assess(ds.builtin_scenarios()['ccf-2019-u1'])\n"
        f"reports.write_report(a, {str(tmp_path / 'memo.docx')!r}, 'docx')\n"
        "assert not attempts, attempts\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", GUARD + body],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    assert (tmp_path / "memo.docx").read_bytes().startswith(b"PK")


@pytest.mark.parametrize("module", ["reports", "_render.word"])
def test_the_examples_in_the_docstrings_run(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"diffusion_scenarios.{module}"))
    assert result.attempted > 0
    assert result.failed == 0


def test_grounds_that_call_for_a_correction_have_their_own_heading() -> None:
    assessment = ds.assess(ds.builtin_scenarios()["extradition-refused-human-rights"])
    correcting = ("data_accuracy", "extradition_refused")
    corrections = [g.id for g in assessment.grounds if g.id in correcting]
    assert corrections
    texts = [p.text for p in _open(render_docx(assessment, figures=False)).paragraphs]
    start = texts.index("Grounds for correcting the record")  # a heading of its own
    names = {g.id: g.label or g.id.replace("_", " ") for g in assessment.grounds}
    for ground_id in corrections:  # each listed under it, not under "Grounds for deletion"
        assert names[ground_id] in texts[start:]
        assert names[ground_id] not in texts[:start]
