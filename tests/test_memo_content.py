"""One memo content for every memo, one vocabulary module, one verification lookup."""

from __future__ import annotations

import dataclasses
import io

import docx
import pytest
from assessment_samples import sample_assessment

import diffusion_scenarios as ds
from diffusion_scenarios._engine.assessment import NOT_CITED
from diffusion_scenarios._law import vocab
from diffusion_scenarios._render import wording
from diffusion_scenarios._render.content import long_memo_content, memo_content
from diffusion_scenarios._render.document import Rules, Span, Table
from diffusion_scenarios._render.html import render_html
from diffusion_scenarios._render.markdown import render_markdown
from diffusion_scenarios._render.word import render_docx


@pytest.fixture(scope="module")
def assessment() -> ds.Assessment:
    return ds.assess(ds.builtin_scenarios()["ccf-2019-u1"])


def _pieces(memo: object) -> list[Span | Rules]:
    """Every inline piece of a memo content, in order."""
    found: list[Span | Rules] = []

    def walk(value: object) -> None:
        if isinstance(value, Span | Rules):
            found.append(value)
        elif isinstance(value, tuple):
            for item in value:
                walk(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name))

    walk(memo)
    return found


def test_the_verification_of_a_rule_is_the_one_the_assessment_recorded() -> None:
    assessment = sample_assessment()
    for citation in assessment.citations:
        assert assessment.verification(citation.id) == citation.verification
    assert assessment.verification("no-such-rule") == NOT_CITED


def test_every_rule_in_the_memo_content_carries_the_recorded_verification(
    assessment: ds.Assessment,
) -> None:
    for memo in (memo_content(assessment), long_memo_content(assessment)):
        refs = [ref for piece in _pieces(memo) if isinstance(piece, Rules) for ref in piece.refs]
        assert refs
        for ref in refs:
            assert ref.verification == assessment.verification(ref.id)


def test_the_html_table_of_contents_lists_the_sections_of_the_memo_content(
    assessment: ds.Assessment,
) -> None:
    page = render_html(assessment, figures=False)
    for section in memo_content(assessment).sections:
        assert f'<li><a href="#{section.anchor}">' in page
        assert f'<section id="{section.anchor}">' in page


def test_markdown_html_and_word_show_the_same_trips_from_the_memo_content() -> None:
    scenario = next(s for s in ds.builtin_scenarios().values() if s.travel)
    assessment = ds.assess(scenario)
    markdown = render_markdown(assessment)
    page = render_html(assessment, figures=False)
    document = docx.Document(io.BytesIO(render_docx(assessment, figures=False)))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    trips = next(s for s in memo_content(assessment).sections if s.anchor == "trips")
    (table,) = [block for block in trips.blocks if isinstance(block, Table)]
    assert len(table.rows) == len(assessment.travel)
    for row in table.rows:
        country = "".join(p.text for p in row[1] if isinstance(p, Span))
        assert country in markdown and country in page and country in cells


def test_the_memos_take_their_words_from_the_vocabulary_module(
    assessment: ds.Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    kind = assessment.issuance.kind
    monkeypatch.setitem(wording.KIND_WORDS, kind, "notice of a new kind")
    assert "- Kind: notice of a new kind" in render_markdown(assessment)
    assert "<dd>notice of a new kind</dd>" in render_html(assessment, figures=False)


def test_every_ground_id_has_a_label_and_a_short_label_in_one_table() -> None:
    assert tuple(vocab.GROUND_LABELS) == vocab.GROUND_IDS
    assert tuple(vocab.GROUND_SHORT_LABELS) == vocab.GROUND_IDS
    assert len(set(vocab.GROUND_IDS)) == len(vocab.GROUND_IDS)


def test_every_outcome_table_covers_every_ccf_outcome() -> None:
    tables = (
        wording.OUTCOME_HEADLINES,
        wording.OUTCOME_SENTENCES,
        wording.OUTCOME_BADGES,
        wording.OUTCOME_BRACKETED,
        wording.OUTCOME_CHOICES,
        wording.OUTCOME_RESULTS,
        wording.OUTCOME_DECIDED,
        wording.OUTCOME_PREDICTED,
        wording.OUTCOME_INDEX_LABELS,
    )
    for table in tables:
        assert set(vocab.CCF_OUTCOMES) <= set(table)
