"""The draft request: legal cases, properties over every built-in, the Word file, bad input."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
from pathlib import Path

import docx
import pytest

import diffusion_scenarios as ds
from diffusion_scenarios._law.vocab import GROUND_LABELS
from diffusion_scenarios._render.draft import (
    REQUESTS,
    TRAINING,
    DraftRefusedError,
    argued_grounds,
    check_request,
    draft_content,
    render_markdown,
)
from diffusion_scenarios._render.draft_word import render_draft_docx
from diffusion_scenarios.cli import main

BUILTINS = ds.builtin_scenarios()


def _markdown(scenario_id: str, request: str, **kwargs: object) -> str:
    assessment = ds.assess(BUILTINS[scenario_id])
    return render_markdown(draft_content(assessment, request, **kwargs))  # type: ignore[arg-type]


def _section(markdown: str, title: str) -> str:
    start = markdown.index(title)
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


# --------------------------------------------------------------------------- legal cases


def test_the_draft_for_a_political_case_argues_article_3_first() -> None:
    assessment = ds.assess(BUILTINS["opposition-politician-embezzlement"])
    assert assessment.ground("article3_political") is not None
    text = render_markdown(draft_content(assessment, "deletion"))
    grounds = _section(text, "Grounds")
    first = grounds.split("\n### ", 2)[1].splitlines()[0]
    assert first == GROUND_LABELS["article3_political"]


def test_a_refugee_case_lists_the_refugee_certificate() -> None:
    text = _markdown("diffusion-against-recognised-refugee", "deletion")
    assert "refugee certificate" in _section(text, "Documents attached")


def test_provisional_measures_name_the_date_of_the_trip() -> None:
    scenario = BUILTINS["urgent-journalist-provisional-measures"]
    trip = scenario.travel[0]
    text = _markdown(scenario.id, "provisional_measures")
    urgency = _section(text, "Why it is urgent")
    assert f"{trip.date.day} {trip.date.strftime('%B')} {trip.date.year}" in urgency


def test_a_revision_without_a_discovery_date_puts_it_in_brackets() -> None:
    text = _markdown("ccf-2017-06", "revision")
    assert "[date of discovery]" in text
    assert "six months" in text


def test_a_revision_with_a_discovery_date_states_the_six_month_limit() -> None:
    text = _markdown(
        "ccf-2017-06",
        "revision",
        new_fact="a court abroad acquitted the applicant",
        discovered_on=datetime.date(2017, 1, 10),
    )
    assert "a court abroad acquitted the applicant" in text
    assert "10 July 2017" in text


def test_a_revision_reads_the_discovery_date_the_scenario_gives() -> None:
    scenario = BUILTINS["ccf-2017-06"]
    assert scenario.challenge is not None
    known = dataclasses.replace(
        scenario,
        challenge=dataclasses.replace(
            scenario.challenge, new_fact_discovered_on=datetime.date(2017, 1, 10)
        ),
    )
    text = render_markdown(draft_content(ds.assess(known), "revision"))
    assert "[date of discovery]" not in text
    assert "10 July 2017" in text


def test_a_revision_without_an_earlier_decision_is_refused() -> None:
    assessment = ds.assess(BUILTINS["opposition-politician-embezzlement"])
    reason = check_request(assessment, "revision")
    assert reason is not None and "case.prior_ccf_decision" in reason
    with pytest.raises(DraftRefusedError):
        draft_content(assessment, "revision")


def test_correcting_data_not_yet_recorded_is_refused() -> None:
    scenario = BUILTINS["family-custody-diffusion"]
    before = scenario.notice.issued_on - datetime.timedelta(days=1)
    assessment = ds.assess(scenario, as_of=before)
    assert check_request(assessment, "correction") is not None
    assert check_request(assessment, "access") is None


def test_data_already_deleted_by_the_ccf_cannot_be_deleted_again_nor_the_decision_revised() -> None:
    import dataclasses

    from diffusion_scenarios import PriorDecision

    scenario = BUILTINS["family-custody-diffusion"]
    deleted = dataclasses.replace(
        scenario,
        case=dataclasses.replace(
            scenario.case,
            prior_ccf_decision=PriorDecision(
                outcome="not_compliant",
                date=scenario.notice.issued_on + datetime.timedelta(days=200),
            ),
        ),
    )
    assessment = ds.assess(deleted, as_of=scenario.notice.issued_on + datetime.timedelta(days=400))
    for request_kind in ("deletion", "correction", "provisional_measures", "revision"):
        assert check_request(assessment, request_kind) is not None, request_kind
    assert check_request(assessment, "access") is None


def test_provisional_measures_with_nothing_urgent_are_drafted_with_a_warning() -> None:
    assessment = ds.assess(BUILTINS["ccf-2017-03"])
    draft = draft_content(assessment, "provisional_measures")
    assert any("nothing urgent" in w for w in draft.warnings)
    assert "[The imminent harm" in render_markdown(draft)


def test_since_26_march_2026_the_draft_sends_the_lawyer_to_the_portal() -> None:
    scenario = BUILTINS["opposition-politician-embezzlement"]
    after = render_markdown(
        draft_content(ds.assess(scenario, as_of=datetime.date(2026, 3, 26)), "deletion")
    )
    before = render_markdown(
        draft_content(ds.assess(scenario, as_of=datetime.date(2026, 3, 25)), "deletion")
    )
    assert "online portal" in after and "does not show the portal's fields" in after
    assert "post or e-mail" in before and "does not show the portal's fields" not in before


def test_the_2026_limits_are_stated_only_when_they_apply() -> None:
    scenario = BUILTINS["opposition-politician-embezzlement"]
    late = draft_content(ds.assess(scenario, as_of=datetime.date(2026, 6, 1)), "deletion")
    early = draft_content(ds.assess(scenario, as_of=datetime.date(2025, 6, 1)), "deletion")
    assert (late.page_limit, late.appendix_limit) == (10, 20)
    assert "at most 10 pages" in render_markdown(late)
    assert early.page_limit is None and "at most 10 pages" not in render_markdown(early)


# --------------------------------------------------------------------------- properties


def _fitting() -> list[tuple[str, str]]:
    pairs = []
    for sid, scenario in BUILTINS.items():
        assessment = ds.assess(scenario)
        pairs += [(sid, r) for r in REQUESTS if check_request(assessment, r) is None]
    return pairs


FITTING = _fitting()


@pytest.mark.parametrize(("scenario_id", "request_kind"), FITTING)
def test_the_draft_names_every_ground_found_strong_or_arguable(
    scenario_id: str, request_kind: str
) -> None:
    assessment = ds.assess(BUILTINS[scenario_id])
    text = render_markdown(draft_content(assessment, request_kind))
    for ground in assessment.grounds:
        if ground.strength in ("strong", "arguable"):
            assert GROUND_LABELS[ground.id] in text
    assert text.startswith("# ") and TRAINING in text.splitlines()[2]
    assert text.rstrip().endswith(f"*{TRAINING}.*")


def test_argued_grounds_put_article_3_first_then_the_strongest() -> None:
    for scenario in BUILTINS.values():
        argued = argued_grounds(ds.assess(scenario))
        keys = [(not g.id.startswith("article3_"), g.strength != "strong") for g in argued]
        assert keys == sorted(keys)


# --------------------------------------------------------------------------- the command


def test_draft_works_for_every_built_in_and_every_request_that_fits_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for scenario_id, request_kind in FITTING:
        assert main(["draft", scenario_id, "--request", request_kind]) == 0
        out = capsys.readouterr().out
        assert out.startswith("# ") and "## " in out


def test_the_word_draft_opens_with_headings_numbered_paragraphs_and_the_documents(
    tmp_path: Path,
) -> None:
    target = tmp_path / "request.docx"
    assert (
        main(
            [
                "draft",
                "diffusion-against-recognised-refugee",
                "--request",
                "deletion",
                "-o",
                str(target),
            ]
        )
        == 0
    )
    document = docx.Document(str(target))
    styles = [p.style.name for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert any(h.endswith("The facts") for h in headings)
    assert any(h.endswith("Documents attached") for h in headings)
    assert styles.count("List Number") >= 5
    appendices = [p.text for p in document.paragraphs if p.text.startswith("Appendix ")]
    assert any("refugee certificate" in a for a in appendices)
    assert TRAINING in document.sections[0].header.paragraphs[0].text
    assert TRAINING in document.sections[0].footer.paragraphs[0].text
    assert len(document.inline_shapes) == 1  # the route with its dates


def test_the_word_draft_is_the_same_bytes_for_the_same_facts() -> None:
    assessment = ds.assess(BUILTINS["ccf-2019-u1"])
    draft = draft_content(assessment, "deletion")
    when = datetime.datetime(2026, 1, 1)
    first = render_draft_docx(assessment, draft, figures=False, timestamp=when)
    assert first == render_draft_docx(assessment, draft, figures=False, timestamp=when)
    assert docx.Document(io.BytesIO(first)).core_properties.comments == TRAINING


def test_markdown_goes_to_a_file_with_the_md_extension(tmp_path: Path) -> None:
    target = tmp_path / "request.md"
    assert main(["draft", "ccf-2019-u1", "--request", "access", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Request for access to data")


def test_an_invalid_scenario_exits_2_with_the_loaders_message_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\nnotice:\n  kind: purple\n", encoding="utf-8")
    target = tmp_path / "out.docx"
    assert main(["draft", str(bad), "--request", "deletion", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "notice.kind" in err and "Traceback" not in err
    assert not target.exists()


def test_a_refused_request_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    code = main(
        ["draft", "opposition-politician-embezzlement", "--request", "revision", "-o", str(target)]
    )
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "refused" in err
    assert not target.exists()


def test_an_existing_file_is_left_alone_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    target.write_text("mine", encoding="utf-8")
    assert main(["draft", "ccf-2019-u1", "--request", "deletion", "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "mine"
    assert "--force" in capsys.readouterr().err
    assert (
        main(["draft", "ccf-2019-u1", "--request", "deletion", "-o", str(target), "--force"]) == 0
    )
    assert target.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize(
    "argv",
    [
        ["-o", "request.pdf"],
        ["--as-of", "2026-13-01"],
        ["--discovered-on", "2026-01-01"],
    ],
)
def test_bad_options_are_refused_in_one_line(
    argv: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["draft", "ccf-2019-u1", "--request", "deletion", *argv]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


_BRIEF_ID = re.compile(r"(?<![/\w])(?:ABS|C|CCF|CHQ|D|DF|I|NAT|NBI|Q|RF|RN)-\d+\b")


@pytest.mark.parametrize("scenario_id", sorted(BUILTINS))
def test_no_draft_cites_an_internal_brief_id(scenario_id: str) -> None:
    assessment = ds.assess(BUILTINS[scenario_id])
    for request_kind in REQUESTS:
        if check_request(assessment, request_kind) is None:
            text = render_markdown(draft_content(assessment, request_kind))
            assert _BRIEF_ID.findall(text) == [], request_kind


def test_a_draft_over_the_page_limit_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from diffusion_scenarios._render import draft as module

    monkeypatch.setattr(module, "_WORDS_PER_PAGE", 10)
    assessment = ds.assess(
        BUILTINS["opposition-politician-embezzlement"], as_of=datetime.date(2026, 6, 1)
    )
    found = draft_content(assessment, "deletion")
    assert any("over the limit of 10" in w for w in found.warnings)
    assert "over the limit of 10" in render_markdown(found)


def test_a_revision_summary_over_two_pages_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from diffusion_scenarios._render import draft as module

    monkeypatch.setattr(module, "_WORDS_PER_PAGE", 10)
    late = ds.assess(BUILTINS["ccf-2017-06"], as_of=datetime.date(2026, 6, 1))
    found = draft_content(late, "revision")
    assert any("two-page summary" in w for w in found.warnings)


def test_since_2026_a_revision_opens_with_the_summary_of_the_new_fact() -> None:
    scenario = BUILTINS["ccf-2017-06"]
    late = render_markdown(
        draft_content(ds.assess(scenario, as_of=datetime.date(2026, 6, 1)), "revision")
    )
    early = render_markdown(draft_content(ds.assess(scenario), "revision"))
    assert late.index("summary of at most two pages") < late.index("## 6. The facts")
    assert "sent only if the CCF asks for it" in late
    assert "two pages" not in early and "The new fact" in early


def test_the_command_offers_exactly_the_requests_the_draft_knows() -> None:
    from diffusion_scenarios._cli import draft as command

    assert command.REQUESTS == REQUESTS
