"""The Markdown and HTML memos open with their conclusion: the likely outcome with its
likelihood, the countries at risk and the next deadline, before the facts."""

from __future__ import annotations

import re

import diffusion_scenarios as ds
from diffusion_scenarios._render.content import memo_content
from diffusion_scenarios.reports import render

REFUGEE = "diffusion-against-recognised-refugee"


def test_a_refugee_memo_in_markdown_says_deletion_is_likeliest_before_the_facts() -> None:
    memo = render(ds.assess(ds.builtin_scenarios()[REFUGEE]), "markdown")
    opening = memo.split("## Facts as given")[0]
    assert "## In short" in opening
    assert "Likely outcome: Not compliant: the data would most likely be deleted" in opening
    assert "How likely: deleted" in opening
    assert re.search(r"Countries at risk: \*\*high risk\*\* in \d+ countries", opening)
    assert re.search(r"Next deadline: \*\*\d{4}-\d\d-\d\d\*\*", opening)


def test_the_html_memo_puts_the_summary_first_and_short() -> None:
    page = render(ds.assess(ds.builtin_scenarios()[REFUGEE]), "html")
    body = page.split("</nav>", 1)[1]  # after the table of contents
    summary = body.index(">In short<")
    assert summary < body.index(">Facts as given<") < body.index(">Likely outcome</h2>")
    between = body[summary : body.index(">Facts as given<")]
    assert "Countries at risk" in between and "Next deadline" in between
    assert len(re.sub(r"<[^>]+>", "", between)) < 1500  # one screen of words


def test_before_the_request_is_sent_only_the_requesting_state_is_at_risk() -> None:
    scenario = ds.builtin_scenarios()[REFUGEE]
    before_issue = ds.assess(scenario, as_of=scenario.notice.issued_on.replace(year=2000))
    section = memo_content(before_issue).sections[0]
    assert section.anchor == "summary"
    labels = dict(section.blocks[1].items)  # type: ignore[union-attr]

    def said(label: str) -> str:
        return "".join(span.text for span in labels[label])  # type: ignore[union-attr]

    assert said("Countries at risk").startswith("high risk in 1 country: Tajikistan")
    assert "Next deadline" in labels
