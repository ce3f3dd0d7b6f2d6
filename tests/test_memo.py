"""The client memo (Markdown and HTML) says what the assessment says, keeps nothing external
and cannot be turned into a script by what the user typed."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from assessment_samples import (
    DELETION_DUE,
    FILED,
    RECIPIENTS,
    TRIP_BEFORE,
    sample_assessment,
)

import diffusion_scenarios as ds
from diffusion_scenarios import reports
from diffusion_scenarios._law.countries import country_name
from diffusion_scenarios._render.html import render_html
from diffusion_scenarios._render.markdown import render_markdown

HOSTILE_TITLE = '<script>window.pwned = 1</script> | "quoted" & <img src=x onerror=alert(1)>'


class _Page(HTMLParser):
    """Every start tag with its attributes, and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.depth: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def sample() -> Any:
    return sample_assessment()


@pytest.fixture(scope="module")
def markdown(sample: Any) -> str:
    return render_markdown(sample)


@pytest.fixture(scope="module")
def html_page(sample: Any) -> str:
    return render_html(sample)


# --- markdown ------------------------------------------------------------------------------


def test_markdown_memo_opens_with_the_title_and_the_not_legal_advice_notice(
    markdown: str,
) -> None:
    lines = markdown.splitlines()
    assert lines[0] == "# Memo: Diffusion after a failed joint venture"
    notice = markdown.index("Not legal advice.")
    assert notice < markdown.index("## Facts as given")


def test_markdown_memo_states_the_key_facts_and_the_result(markdown: str, sample: Any) -> None:
    for needle in (
        "Requesting country: Kazakhstan (KAZ)",
        "Kind: diffusion",
        "Issued on: 2025-01-10",
        "assessed as of **2025-03-01**",
        f"Filed on: {FILED.isoformat()}",
        "Origin of the case: commercial dispute",
        "Notes: The client says the investors sued in London first.",
        "(`not_compliant`)",
        "A private dispute is excluded from INTERPOL's channels.",
    ):
        assert needle in markdown, needle
    for ground in sample.grounds:
        assert f"(`{ground.id}`): {ground.strength}" in markdown


def test_markdown_memo_lists_the_facts_that_were_not_given(markdown: str) -> None:
    unknown = markdown.split("### Facts not given (unknown)", 1)[1].split("## How", 1)[0]
    assert "Arrest warrant still valid" in unknown
    assert "Source NCB answers the CCF" in unknown
    assert "Offence:" not in unknown  # the offence was given
    assert "`notice.purpose`" in unknown  # the default the model used


def test_markdown_enforcement_table_names_every_recipient_and_counts_the_rest(
    markdown: str,
) -> None:
    table = markdown.split("## Arrest risk by country", 1)[1].split("## Planned trips", 1)[0]
    assert "| requesting state | high | Kazakhstan (KAZ) |" in table
    for code in RECIPIENTS:
        assert f"{country_name(code)} ({code})" in table
    assert "189 member countries did not receive it" in table
    assert "Brazil" not in table  # non-recipients are counted, not listed


def test_markdown_route_marks_deadlines_and_estimates(markdown: str) -> None:
    route = markdown.split("## The CCF route", 1)[1].split("## Likely outcome", 1)[0]
    assert (
        f"| deletion decision due | 2025-03-03 (estimated) | **{DELETION_DUE}** (deadline) |"
        in (route)
    )
    assert f"| filing | {FILED} | — |" in route


def test_markdown_flags_unverified_rules_and_lists_sources(markdown: str) -> None:
    assert "Predominantly political character (`article3_political`): weak — rests on an " in (
        markdown
    )
    assert "rpd-34-3 (UNVERIFIED)" in markdown
    citations = markdown.split("## Rules cited", 1)[1]
    assert "| `rpd-34-3` | Rules on the Processing of Data | Art. 34(3) | 2012 | 2012-07-01 | " in (
        citations
    )
    assert "**UNVERIFIED** | <https://example.org/rpd> |" in citations


def test_markdown_caveats_come_last(markdown: str) -> None:
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings[-1] == "## Caveats"
    assert markdown.rstrip().endswith(
        "- Arrest practice differs from country to country and changes."
    )


def test_markdown_escapes_user_text_so_it_cannot_inject_html_or_break_tables() -> None:
    memo = render_markdown(sample_assessment(title=HOSTILE_TITLE))
    assert "<script>" not in memo
    assert "<img" not in memo
    assert "&lt;script&gt;" in memo
    assert "\\|" in memo.splitlines()[0]


def test_markdown_memo_says_so_when_no_ground_applies() -> None:
    memo = render_markdown(sample_assessment(grounds=()))
    assert "No ground for deletion applies on the facts given." in memo


# --- html ----------------------------------------------------------------------------------


def test_html_memo_is_one_accessible_document(html_page: str) -> None:
    page = _parse(html_page)
    assert html_page.startswith("<!DOCTYPE html>")
    assert page.named("html") == [{"lang": "en"}]
    assert len(page.named("style")) == 1 + 3  # the page's own and one per SVG figure
    assert "@media print" in html_page
    assert len(page.named("h1")) == 1
    headers = page.named("th")
    assert headers and all(attrs.get("scope") == "col" for attrs in headers)
    assert len(page.named("caption")) == len(page.named("table"))


def test_html_memo_loads_nothing_from_anywhere(html_page: str) -> None:
    page = _parse(html_page)
    assert page.named("script") == []
    assert page.named("link") == []
    assert page.named("iframe") == []
    for tag, attrs in page.tags:
        for name in ("src", "srcset", "data", "poster", "background"):
            value = attrs.get(name) or ""
            assert not value.lower().startswith(("http:", "https:", "//")), (tag, name, value)
        if tag != "a":
            for name in ("href", "xlink:href"):
                value = attrs.get(name) or ""
                assert not value.lower().startswith(("http", "//")), (tag, name, value)
    assert "@import" not in html_page
    assert "url(http" not in html_page
    policy = [m for m in page.named("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert policy and "default-src 'none'" in (policy[0].get("content") or "")


def test_html_links_only_to_sections_and_to_the_sources_of_rules(
    html_page: str, sample: Any
) -> None:
    page = _parse(html_page)
    sources = {citation.url for citation in sample.citations}
    for attrs in page.named("a"):
        href = attrs.get("href") or ""
        assert href.startswith("#") or href in sources, href
        if not href.startswith("#"):
            assert "noreferrer" in (attrs.get("rel") or "")


def test_html_memo_has_the_three_figures_inline_with_titles(html_page: str) -> None:
    page = _parse(html_page)
    svgs = page.named("svg")
    assert [attrs.get("id") for attrs in svgs] == [
        "figure-circulation-map",
        "figure-grounds-chart",
        "figure-route-timeline",
    ]
    assert all(attrs.get("role") == "img" and attrs.get("aria-labelledby") for attrs in svgs)
    figure_titles = [attrs for attrs in page.named("title") if attrs.get("id")]
    assert [attrs["id"] for attrs in figure_titles] == [
        f"{attrs['id']}-title" for attrs in svgs
    ]  # the document's <title>, one per figure, and one per map tile (its country name)
    assert len(page.named("figcaption")) == 3
    text = " ".join(page.text)
    # Text in the figures stays text: the tile labels are selectable.
    assert "KAZ" in text and "FRA" in text
    assert render_html(sample_assessment(), figures=False).count("<svg") == 0


def test_html_memo_shows_the_same_content_as_the_markdown_memo(html_page: str) -> None:
    text = " ".join(" ".join(_parse(html_page).text).split())
    for needle in (
        "Not legal advice.",
        "Kazakhstan (KAZ)",
        "Arrest warrant still valid",
        "189 member countries did not receive it",
        "rests on an UNVERIFIED rule",
        f"{DELETION_DUE} (deadline)",
        "2025-03-03 (estimated)",
        "not_compliant",
        "https://example.org/rpd",
        f"{country_name(TRIP_BEFORE[0])} ({TRIP_BEFORE[0]})",
        "Arrest practice differs from country to country and changes.",
    ):
        assert needle in text, needle


def test_html_memo_escapes_everything_the_user_typed() -> None:
    page_text = render_html(sample_assessment(title=HOSTILE_TITLE))
    page = _parse(page_text)
    assert page.named("script") == []
    assert page.named("img") == []
    assert not [attrs for _, attrs in page.tags if "onerror" in attrs]
    assert HOSTILE_TITLE in " ".join(page.text)  # shown literally, as text
    assert "&lt;script&gt;" in page_text


def test_html_memo_is_deterministic(sample: Any) -> None:
    assert render_html(sample) == render_html(sample)


def test_reports_dispatch_to_the_memo_renderers(sample: Any) -> None:
    assert reports.render(sample, "markdown") == render_markdown(sample)
    assert reports.render(sample, "html") == render_html(sample)


# --- every built-in scenario, through the engine -------------------------------------------------


@pytest.fixture(scope="module")
def builtin_assessments() -> dict[str, Any]:
    return {key: ds.assess(scenario) for key, scenario in ds.builtin_scenarios().items()}


def test_every_builtin_memo_round_trips_the_key_facts(builtin_assessments: dict[str, Any]) -> None:
    for key, assessment in builtin_assessments.items():
        memo = render_markdown(assessment)
        notice = assessment.scenario.notice
        name = country_name(notice.requesting_country)
        # An anonymised decision's assumed state reads "State A, assumed to be ... for the model".
        shown = (
            f"Requesting country: {name}",
            f"Requesting country: State A, assumed to be {name}",
        )
        assert any(text in memo for text in shown), key
        assert notice.issued_on.isoformat() in memo, key
        assert assessment.as_of.isoformat() in memo, key
        assert f"(`{assessment.outcome.prediction}`)" in memo, key
        for ground in assessment.grounds:
            assert f"`{ground.id}`" in memo, (key, ground.id)
        for citation in assessment.citations:
            assert f"`{citation.id}`" in memo, (key, citation.id)
        recipients = memo.split("## Arrest risk by country", 1)[1].split("## Planned trips")[0]
        for code in assessment.circulation.recipients:
            assert f"({code})" in recipients, (key, code)


def test_every_builtin_html_memo_is_self_contained(builtin_assessments: dict[str, Any]) -> None:
    # The figures are the same code for every scenario (and checked with figures above and in
    # test_plots); here the text of every built-in memo is checked, which is where user text is.
    for key, assessment in builtin_assessments.items():
        page = _parse(render_html(assessment, figures=False))
        assert page.named("script") == [], key
        for tag, attrs in page.tags:
            if tag != "a":
                for value in attrs.values():
                    assert not (value or "").lower().startswith(("http:", "https:")), (key, tag)


# --- overwrite protection, from the command line ---------------------------------------------


def _assess_cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "diffusion_scenarios", "assess", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_never_overwrites_an_existing_memo_without_force(tmp_path: Path) -> None:
    scenario_id = next(iter(ds.builtin_scenarios()))
    memo = tmp_path / "memo.html"
    memo.write_text("the lawyer's own notes", encoding="utf-8")
    refused = _assess_cli(scenario_id, "--format", "html", "-o", str(memo))
    assert refused.returncode == 2
    assert "memo.html" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert memo.read_text(encoding="utf-8") == "the lawyer's own notes"

    forced = _assess_cli(scenario_id, "--format", "html", "-o", str(memo), "--force")
    assert forced.returncode == 0, forced.stderr
    written = memo.read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>") and "Not legal advice." in written


def test_cli_writes_a_markdown_memo_to_a_new_file(tmp_path: Path) -> None:
    scenario_id = next(iter(ds.builtin_scenarios()))
    memo = tmp_path / "memo.md"
    result = _assess_cli(scenario_id, "--format", "markdown", "-o", str(memo))
    assert result.returncode == 0, result.stderr
    assert memo.read_text(encoding="utf-8").startswith("# Memo: ")


def test_every_recipient_has_its_own_reasons_in_the_appendix(markdown: str, sample: Any) -> None:
    appendix = markdown.split("## Appendix: reasons country by country", 1)[1]
    appendix = appendix.split("## Caveats", 1)[0]
    for entry in sample.enforcement:
        if entry.role == "recipient":
            row = f"| {country_name(entry.country)} ({entry.country}) | "
            assert row in appendix, entry.country
            assert entry.reasons[0] in appendix
    assert "Brazil" not in appendix


def test_what_the_answer_depends_on_names_each_open_fact_once() -> None:
    import dataclasses

    from diffusion_scenarios._engine.assessment import Unknown

    assessment = dataclasses.replace(
        sample_assessment(),
        unknowns=(
            Unknown("", field="case.political_context"),
            Unknown(
                "the real admissibility date moves every deadline", field="challenge.admissible_on"
            ),
            Unknown("national practice of 12 recipients is unknown"),
        ),
    )
    section = render_markdown(assessment).split("## What the answer depends on", 1)[1]
    section = section.split("## ", 1)[0]
    assert "- political context (`case.political_context`)" in section
    assert (
        "- the real admissibility date moves every deadline (`challenge.admissible_on`)" in section
    )
    assert "- national practice of 12 recipients is unknown\n" in section
    assert section.count("admissib") == 2  # the words and the field, not the sentence twice
    html_page = render_html(assessment, figures=False)
    assert (
        "<li>the real admissibility date moves every deadline "
        "(<code>challenge.admissible_on</code>)</li>" in html_page
    )


def test_memo_counts_non_members_apart_from_members_that_did_not_receive_it() -> None:
    import dataclasses
    import datetime as dt

    from diffusion_scenarios._engine.assessment import EnforcementEntry

    base = sample_assessment()
    palau = EnforcementEntry(
        country="PLW",
        received=False,
        arrest_risk="none",
        consequence="Did not receive it.",
        reasons=(),
        role="non_recipient",
    )
    assessment = dataclasses.replace(
        base, as_of=dt.date(2023, 11, 1), enforcement=(*base.enforcement, palau)
    )
    memo = render_markdown(assessment)
    assert "189 member countries did not receive it" in memo
    assert "Not INTERPOL members on 2023-11-01: Palau (PLW)." in memo
