"""The explorer writes only what it can read, and opens and hands out files like an app.

A property test makes random edits on the controls (any option of any list, any date the
boxes accept, numbers and junk in the number boxes, trips and proceedings added), then
saves: either the file is written and loads back to exactly the facts shown, or nothing is
written and every problem is listed with its field. Then the concrete paths a user reported
("kind switched to red notice with regions chosen → saved → 'expected all' on load"), the
new optional facts, uploads, downloads and the list of problems of a malformed file.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import tempfile
from html import unescape
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import diffusion_scenarios as ds
from diffusion_scenarios.widgets import ScenarioExplorer

EUROPE = "diffusion-commercial-dispute-europe"  # a KAZ diffusion sent to Europe only
BUILTINS = sorted(ds.builtin_scenarios())


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _items(html: str) -> list[str]:
    """The list items of a message, as a reader sees each one."""
    return [_text(item) for item in re.findall(r"<li>(.*?)</li>", html, flags=re.S)]


@pytest.fixture(autouse=True)
def _temporary_folders_are_the_apps_workspace(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests save and load through the app's controls in temporary folders, and the
    app reads and writes only in its workspace: make the temporary folder that workspace."""
    import tempfile

    monkeypatch.setenv("DIFFUSION_SCENARIOS_WORKSPACE", tempfile.gettempdir())


_SHARED: dict[str, ScenarioExplorer] = {}


def _explorer(start: str = EUROPE) -> ScenarioExplorer:
    """One explorer for the whole module (building one takes a while), reset to ``start``."""
    if "explorer" not in _SHARED:
        _SHARED["explorer"] = ScenarioExplorer(start)
    explorer = _SHARED["explorer"]
    explorer.load(start)
    for name in ("load_status", "save_status", "facts_status", "downloads"):
        explorer.controls[name].value = ""
    explorer.controls["overwrite"].value = False
    return explorer


@pytest.fixture
def explorer() -> ScenarioExplorer:
    return _explorer()


# ------------------------------------------------------------------------ the property

_EDITABLE = (
    "kind", "purpose", "requesting", "issued_on", "recipients", "recipient_regions",
    "recipient_countries", "public_extract", "red_notice_refused_on", "nationalities",
    "residence", "refugee_status", "refugee_granted_by", "refugee_granted_on",
    "refugee_feared_from", "offence", "stage", "max_penalty_years", "sentence_months",
    "remaining_months", "origin", "warrant_valid", "amount_usd", "civil_outcome",
    "in_absentia", "retrial_guaranteed", "knew_of_trial", "represented",
    "fraudulent_intent", "cheque_count", "judgment_country", "judgment_date",
    "judgment_result", "political_context", "as_of", "filed_on", "admissible_on",
    "requests", "urgent",
)  # fmt: skip
_NUMBERS = ("", "0", "1", "2.5", "10,000", "12", "-3", "ten", "1e400", "3.7", "100")
# Date boxes take text YYYY-MM-DD: any day, days in range, nothing, or something else typed.
_DATES = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(str),
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2027, 12, 31)).map(str),
    st.just(""),
    st.sampled_from(("01/03/2025", "2025-02-30", "yesterday", " 2025-03-01 ")),
)


@st.composite
def _edit(draw: st.DrawFn, explorer: ScenarioExplorer) -> tuple[str, Any]:
    name = draw(st.sampled_from((*_EDITABLE, "add_trip", "add_extradition")))
    if name == "add_trip":
        return name, draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 1, 1)))
    if name == "add_extradition":
        return name, draw(st.sampled_from(("refused", "granted", "pending")))
    control = explorer.controls[name]
    if "ds-date" in control._dom_classes:
        return name, draw(_DATES)
    if isinstance(control, w.Text):
        return name, draw(st.sampled_from(_NUMBERS))
    values = [value for _, value in control.options]
    if not values:  # e.g. no member states to offer on an issue date before 1956
        return name, control.value
    if isinstance(control, w.SelectMultiple):
        return name, tuple(draw(st.lists(st.sampled_from(values), max_size=3, unique=True)))
    return name, draw(st.sampled_from(values))


def _apply(explorer: ScenarioExplorer, name: str, value: Any) -> None:
    c = explorer.controls
    if name == "add_trip":
        c["trip_country"].value = "ITA"
        c["trip_date"].value = value.isoformat()
        c["add_trip"].click()
    elif name == "add_extradition":
        c["extradition_country"].value = "DEU"
        c["extradition_outcome"].value = value
        c["add_extradition"].click()
    elif not c[name].disabled:  # a user cannot change a greyed-out control
        c[name].value = value


@settings(max_examples=40)
@given(data=st.data())
def test_random_edits_then_save_either_write_a_file_that_loads_back_or_name_every_problem(
    data: st.DataObject,
) -> None:
    explorer = _explorer(data.draw(st.sampled_from(BUILTINS)))
    c = explorer.controls
    for _ in range(data.draw(st.integers(1, 6))):
        name, value = data.draw(_edit(explorer))
        _apply(explorer, name, value)
        # What the controls say always holds together: a red notice goes to every member.
        if c["kind"].value == "red_notice":
            assert c["recipients"].disabled and c["recipients"].value != "chosen"
            assert c["recipient_regions"].disabled and c["recipient_countries"].disabled
        else:
            assert c["public_extract"].disabled and c["public_extract"].value != "yes"
        assert c["requesting"].value not in c["recipient_countries"].value
        # Whatever is typed in a date box, the facts assessed keep dates the loader accepts.
        scenario = explorer.scenario
        for day in (scenario.as_of, scenario.notice.issued_on):
            assert day is None or dt.date(1900, 1, 1) <= day <= dt.date(2199, 12, 31)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "variant.yaml"
        c["save_id"].value = "variant"
        c["save_path"].value = str(target)
        c["save"].click()
        status = c["save_status"].value
        if target.exists():
            assert "Saved" in _text(status)
            loaded = ds.load_scenario(target)  # never raises: the explorer wrote only this
            assert loaded == explorer._compose("variant")
            assert c["facts_status"].value == ""
            assert loaded.id == "variant" and ds.assess(loaded).outcome.explanation
        else:
            problems = _items(status)
            assert 'role="alert"' in status and problems, _text(status)
            assert all(": expected " in problem for problem in problems)
            assert "Traceback" not in status


# ------------------------------------------------------------------- concrete paths


def test_switching_to_a_red_notice_with_regions_chosen_saves_a_file_that_loads(
    explorer: ScenarioExplorer, tmp_path: Path
) -> None:
    c = explorer.controls
    assert c["recipients"].value == "chosen" and c["recipient_regions"].value == ("europe",)
    c["kind"].value = "red_notice"
    assert c["recipients"].value == "all" and c["recipients"].disabled
    assert explorer.scenario.notice.recipients == ("all",)
    c["save_id"].value = "red-variant"
    c["save_path"].value = str(tmp_path / "red.yaml")
    c["save"].click()
    assert ds.load_scenario(tmp_path / "red.yaml").notice.recipients == ("all",)
    # Back to a diffusion: the regions chosen before come back.
    c["kind"].value = "diffusion"
    assert c["recipients"].value == "chosen" and c["recipient_regions"].value == ("europe",)
    assert explorer.changes == ()


def test_a_public_extract_can_only_be_set_for_a_red_notice(explorer: ScenarioExplorer) -> None:
    c = explorer.controls
    assert c["public_extract"].disabled  # a diffusion is never published
    c["kind"].value = "red_notice"
    assert not c["public_extract"].disabled
    c["public_extract"].value = "yes"
    assert explorer.scenario.notice.public_extract is True
    c["kind"].value = "diffusion"
    assert c["public_extract"].disabled and c["public_extract"].value != "yes"
    assert explorer.scenario.notice.public_extract is not True


def test_the_requesting_state_is_never_offered_as_a_recipient(explorer: ScenarioExplorer) -> None:
    c = explorer.controls
    offered = {value for _, value in c["recipient_countries"].options}
    assert "KAZ" not in offered
    c["requesting"].value = "DEU"
    offered = {value for _, value in c["recipient_countries"].options}
    assert "DEU" not in offered and "KAZ" in offered


def test_recipients_offered_are_the_members_on_the_day_of_issue(explorer: ScenarioExplorer) -> None:
    from diffusion_scenarios._law.countries import members_on

    c = explorer.controls
    c["issued_on"].value = "2010-05-01"
    offered = {value for _, value in c["recipient_countries"].options}
    assert offered == set(members_on(dt.date(2010, 5, 1))) - {"KAZ"}
    assert {value for _, value in c["requesting"].options} >= {"KAZ"}


def test_a_country_that_was_not_a_member_that_day_is_refused_by_name(
    explorer: ScenarioExplorer, tmp_path: Path
) -> None:
    from diffusion_scenarios._law.countries import members_on

    c = explorer.controls
    today = set(members_on(dt.date(2025, 1, 1)))
    then = set(members_on(dt.date(2000, 1, 1)))
    newcomer = sorted(today - then)[0]
    c["recipient_regions"].value = ()
    c["recipient_countries"].value = (newcomer,)
    c["issued_on"].value = "2000-01-01"
    message = _text(c["facts_status"].value)
    assert "Recipient" in message and "member country on notice.issued_on" in message
    c["save_path"].value = str(tmp_path / "x.yaml")
    c["save"].click()
    assert not (tmp_path / "x.yaml").exists()
    assert "Recipient" in _text(c["save_status"].value)


def test_a_date_out_of_range_or_not_iso_is_refused_by_name_and_changes_nothing(
    explorer: ScenarioExplorer,
) -> None:
    c = explorer.controls
    before = explorer.scenario
    for typed in ("0001-01-01", "9999-12-31", "01/03/2025"):
        c["as_of"].value = typed
        message = _text(c["facts_status"].value)
        assert "Assess as of" in message and typed in message and "YYYY-MM-DD" in message
        assert explorer.scenario == before
    c["as_of"].value = "2199-12-31"
    assert explorer.scenario.as_of == dt.date(2199, 12, 31)
    assert "Likely CCF outcome" in explorer.outcome_text


def test_dates_show_as_iso_whatever_the_browser_locale(explorer: ScenarioExplorer) -> None:
    c = explorer.controls
    assert c["issued_on"].value == explorer.scenario.notice.issued_on.isoformat()
    assert c["issued_on"].placeholder == "YYYY-MM-DD"


def test_remaining_time_longer_than_the_sentence_is_refused_with_both_fields_named(
    explorer: ScenarioExplorer,
) -> None:
    c = explorer.controls
    c["sentence_months"].value = "12"
    c["remaining_months"].value = "20"
    message = _text(c["facts_status"].value)
    assert "Left to serve (months)" in message and "no more than case.sentence_months" in message


def test_the_new_optional_facts_survive_load_explorer_save(tmp_path: Path) -> None:
    base = ds.builtin_scenarios()[EUROPE]
    text = tmp_path / "in.yaml"
    data = ds.scenario_to_dict(base)
    data["case"].update(
        {
            "fraudulent_intent": False,
            "cheque_count": 3,
            "in_absentia": True,
            "retrial_guaranteed": False,
            "in_absentia_details": {"knew_of_trial": False, "represented": True,
                                    "retrial_guaranteed": False},
            "final_judgment": {"country": "DEU", "date": dt.date(2023, 4, 5),
                               "result": "acquitted"},
        }
    )  # fmt: skip
    text.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    original = ds.load_scenario(text)
    explorer = _explorer()
    assert explorer.load(str(text))
    c = explorer.controls
    assert c["fraudulent_intent"].value == "no" and c["cheque_count"].value == "3"
    assert c["knew_of_trial"].value == "no" and c["represented"].value == "yes"
    assert c["judgment_country"].value == "DEU" and c["judgment_result"].value == "acquitted"
    written = explorer.save(tmp_path / "out.yaml")
    assert ds.load_scenario(written) == original
    # Changing the retrial guarantee changes it in both places (one fact, said twice).
    c["retrial_guaranteed"].value = "yes"
    details = explorer.scenario.case.in_absentia_details
    assert details is not None and details.retrial_guaranteed is True
    # The details of a trial in absentia do not apply when there was none.
    c["in_absentia"].value = "no"
    assert c["knew_of_trial"].disabled and c["represented"].disabled


def test_a_cheque_count_that_is_not_a_whole_number_is_named(explorer: ScenarioExplorer) -> None:
    explorer.controls["cheque_count"].value = "2.5"
    message = _text(explorer.controls["facts_status"].value)
    assert "Unfunded cheques issued" in message and "whole number of cheques" in message


def test_refugee_details_are_greyed_out_without_a_refugee_status(
    explorer: ScenarioExplorer,
) -> None:
    c = explorer.controls
    c["refugee_status"].value = ""
    assert c["refugee_granted_by"].disabled and c["refugee_feared_from"].disabled
    c["refugee_status"].value = "recognised"
    assert not c["refugee_granted_by"].disabled


# ------------------------------------------------------------------------ files


def _upload(explorer: ScenarioExplorer, name: str, content: bytes) -> None:
    explorer.controls["upload"].value = (
        {
            "name": name,
            "type": "application/x-yaml",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        },
    )


def test_a_file_uploaded_from_the_users_computer_opens_without_being_stored(
    explorer: ScenarioExplorer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    refugee = ds.builtin_scenarios()["diffusion-against-recognised-refugee"]
    content = ds.save_scenario(refugee, tmp_path / "mine.yaml").read_bytes()
    (tmp_path / "mine.yaml").unlink()
    _upload(explorer, "mine.yaml", content)
    assert explorer.scenario == refugee
    assert "Opened mine.yaml" in _text(explorer.controls["load_status"].value)
    assert list(tmp_path.iterdir()) == []  # nothing written anywhere


def test_a_malformed_upload_lists_every_problem_in_words(explorer: ScenarioExplorer) -> None:
    before = explorer.scenario
    bad = (
        b"format: 1\nid: Bad Id\nnotice:\n  kind: red_notice\n  requesting_country: KZ\n"
        b"  issued_on: 2025-01-10\n  recipients: [europe]\ncase:\n  max_penalty_years: ten\n"
        b"  ofence: fraud\n"
    )
    _upload(explorer, "bad.yaml", bad)
    status = explorer.controls["load_status"].value
    problems = _items(status)
    assert 'role="alert"' in status and "4 problems" in _text(status)
    assert len(problems) == 4, problems
    joined = " | ".join(problems)
    assert "Scenario id" in joined and "lower-case letters, digits and hyphens" in joined
    assert "[a-z" not in joined  # no pattern syntax shown to a lawyer
    assert "Recipients" in joined and "expected all" in joined
    assert "Maximum penalty (years)" in joined and "did you mean 'offence'" in joined
    assert explorer.scenario == before


def test_an_upload_that_is_not_text_is_refused_in_one_line(explorer: ScenarioExplorer) -> None:
    _upload(explorer, "photo.yaml", b"\x89PNG\x00\x00")
    message = _text(explorer.controls["load_status"].value)
    assert "photo.yaml" in message and "binary data" in message


def test_a_malformed_file_loaded_by_path_lists_every_problem(
    explorer: ScenarioExplorer, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "format: 1\nid: bad\nnotice:\n  kind: diffusion\n  requesting_country: KZ\n"
        "  issued_on: 2025-13-10\ncase:\n  max_penalty_years: ten\n",
        encoding="utf-8",
    )
    assert explorer.load(str(bad)) is False
    problems = _items(explorer.controls["load_status"].value)
    assert len(problems) == 2
    assert any(p.startswith("Issued on") for p in problems)
    assert any(p.startswith("Maximum penalty (years)") for p in problems)


def test_downloads_hand_out_the_facts_and_the_memo_without_writing_a_file(
    explorer: ScenarioExplorer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    c = explorer.controls
    c["offence"].value = "embezzlement"
    c["prepare_downloads"].click()
    links = dict(
        re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', c["downloads"].value)
    )
    assert set(links) == {
        f"{EUROPE}.yaml",
        f"{EUROPE}-memo.html",
        f"{EUROPE}-memo.md",
        f"{EUROPE}-memo.docx",
        f"{EUROPE}-draft-request.docx",
    }
    facts = tmp_path / "facts.yaml"
    facts.write_bytes(base64.b64decode(links[f"{EUROPE}.yaml"]))
    assert ds.load_scenario(facts) == explorer.scenario
    memo = base64.b64decode(links[f"{EUROPE}-memo.html"]).decode("utf-8")
    assert "embezzlement" in memo and "not legal advice" in memo.lower()
    assert "not legal advice" in base64.b64decode(links[f"{EUROPE}-memo.md"]).decode().lower()
    import io

    import docx

    word = docx.Document(io.BytesIO(base64.b64decode(links[f"{EUROPE}-memo.docx"])))
    assert "embezzlement" in "\n".join(p.text for p in word.paragraphs) + "".join(
        cell.text for table in word.tables for row in table.rows for cell in row.cells
    )
    facts.unlink()
    assert list(tmp_path.iterdir()) == []
    c["offence"].value = "fraud"  # a change clears links that would hold the old facts
    assert c["downloads"].value == ""


def test_in_the_app_relative_names_are_read_and_saved_in_its_workspace_folder(
    explorer: ScenarioExplorer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = tmp_path / "workspace"
    started.mkdir()
    kernel = tmp_path / "notebooks"
    kernel.mkdir()
    monkeypatch.chdir(kernel)  # Voilà runs the kernel in the notebook's folder
    monkeypatch.setenv("DIFFUSION_SCENARIOS_WORKSPACE", str(started))  # set by `app`
    c = explorer.controls
    c["save_id"].value = "here"
    c["save_path"].value = "here.yaml"
    c["save"].click()
    assert (started / "here.yaml").exists() and not (kernel / "here.yaml").exists()
    assert str(tmp_path) not in c["save_status"].value  # the server's folders are not shown
    c["file_path"].value = "here.yaml"
    c["load_file"].click()
    assert explorer.scenario.id == "here"


# -- the app on a shared server: only the workspace is read or written (issue 22.3) -------


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "workspace"
    folder.mkdir()
    monkeypatch.setenv("DIFFUSION_SCENARIOS_WORKSPACE", str(folder))
    monkeypatch.setenv("DS_TEST_SECRET", "s3cr3t-value-of-the-server")
    return folder


_SERVER_FILES = ["/etc/passwd", "/etc/shadow", "/proc/self/environ", "/etc/hostname"]


@pytest.mark.parametrize(
    "name",
    [*_SERVER_FILES, "~/.bashrc", "../outside.yaml", "sub/../../outside.yaml", "link.yaml",
     "linked-folder/passwd.yaml", "loop.yaml"],
)  # fmt: skip
def test_load_file_in_the_app_never_reads_or_quotes_a_file_outside_its_workspace(
    explorer: ScenarioExplorer, workspace: Path, name: str
) -> None:
    (workspace.parent / "outside.yaml").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (workspace / "link.yaml").symlink_to("/etc/passwd")
    (workspace / "linked-folder").symlink_to("/etc")
    (workspace / "loop.yaml").symlink_to(workspace / "loop.yaml")
    before = explorer.scenario
    c = explorer.controls
    c["file_path"].value = name
    c["load_file"].click()
    message = _text(c["load_status"].value)
    assert message.startswith("Scenario file: expected the name of a file in the app's workspace")
    assert "root:" not in message and "s3cr3t" not in message and "/bin/" not in message
    assert explorer.scenario == before


def test_a_file_in_the_workspace_that_is_not_a_scenario_is_named_but_never_quoted(
    explorer: ScenarioExplorer, workspace: Path
) -> None:
    (workspace / "accounts.yaml").write_text("root:x:0:0:s3cr3t:/root:/bin/bash\n")
    (workspace / "config.yaml").write_text("password: s3cr3t\ntoken: s3cr3t\n")
    (workspace / "list.json").write_text('["s3cr3t"]')
    for name in ("accounts.yaml", "config.yaml", "list.json"):
        explorer.controls["file_path"].value = name
        explorer.controls["load_file"].click()
        message = _text(explorer.controls["load_status"].value)
        assert message.startswith(f"{name}: expected a scenario file"), message
        assert "s3cr3t" not in message and "root" not in message


def test_a_scenario_in_the_workspace_still_lists_its_problems(
    explorer: ScenarioExplorer, workspace: Path
) -> None:
    (workspace / "bad.yaml").write_text(
        "format: 1\nid: bad\nnotice:\n  kind: diffusion\n  requesting_country: KZ\n"
        "  issued_on: 2025-13-10\n"
    )
    explorer.controls["file_path"].value = "bad.yaml"
    explorer.controls["load_file"].click()
    assert any(p.startswith("Issued on") for p in _items(explorer.controls["load_status"].value))


@pytest.mark.parametrize(
    "name",
    ["/tmp/ds-escaped.yaml", "~/ds-escaped.yaml", "../ds-escaped.yaml",
     "linked-folder/ds-escaped.yaml", "link.yaml"],
)  # fmt: skip
def test_save_in_the_app_never_writes_outside_its_workspace(
    explorer: ScenarioExplorer, workspace: Path, name: str
) -> None:
    outside = workspace.parent / "elsewhere"
    outside.mkdir()
    (workspace / "linked-folder").symlink_to(outside)
    (workspace / "link.yaml").symlink_to(outside / "ds-escaped.yaml")
    home = Path("~/ds-escaped.yaml").expanduser()
    c = explorer.controls
    c["save_id"].value = "escaped"
    c["save_path"].value = name
    c["overwrite"].value = True
    c["save"].click()
    message = _text(c["save_status"].value)
    assert message.startswith("Save to: expected the name of a file in the app's workspace")
    assert list(outside.iterdir()) == []
    assert not home.exists() and not Path("/tmp/ds-escaped.yaml").exists()
    assert not (workspace.parent / "ds-escaped.yaml").exists()


def test_save_in_the_app_writes_in_a_subfolder_of_the_workspace(
    explorer: ScenarioExplorer, workspace: Path
) -> None:
    (workspace / "cases").mkdir()
    c = explorer.controls
    c["save_id"].value = "inside"
    c["save_path"].value = str(workspace / "cases" / "inside.yaml")  # absolute, but inside
    c["save"].click()
    assert (workspace / "cases" / "inside.yaml").exists()
    assert _text(c["save_status"].value) == (
        "Saved the facts to cases/inside.yaml in the app's folder."
    )


# ------------------------------------------------------------- outcome fields, words


def test_the_outcome_line_and_panel_show_likelihoods_confidence_and_what_it_hinges_on() -> None:
    import dataclasses

    from diffusion_scenarios._app.panels import (
        enforcement_html,
        outcome_banner_html,
        outcome_html,
    )
    from diffusion_scenarios._engine.assessment import Hinge

    plain = ds.assess(ds.builtin_scenarios()[EUROPE])
    # With the fields empty (nothing on file, say), nothing is said about them.
    empty = dataclasses.replace(
        plain,
        outcome=dataclasses.replace(
            plain.outcome, likelihood=(), confidence=None, hinges_on=(), summary=""
        ),
    )
    bare = _text(outcome_html(empty))
    assert "Likelihood on these facts" not in bare and "It hinges on" not in bare
    outcome = dataclasses.replace(
        plain.outcome,
        summary="Likely deleted: about 7 in 10 on these facts.",
        likelihood=(("not_compliant", 0.7), ("compliant_with_update", 0.2), ("compliant", 0.1)),
        confidence="medium",
        hinges_on=(
            Hinge(field="challenge.ncb_responds", condition="if the NCB does not answer",
                  leads_to="not_compliant", value=False),
        ),
    )  # fmt: skip
    first = next(i for i, e in enumerate(plain.enforcement) if e.received)
    entries = tuple(
        dataclasses.replace(e, confidence="medium", basis="own_finding") if i == first else e
        for i, e in enumerate(plain.enforcement)
    )
    filled = dataclasses.replace(plain, outcome=outcome, enforcement=entries)
    banner = _text(outcome_banner_html(filled))
    assert "Likely deleted: about 7 in 10 on these facts." in banner
    assert "Confidence: medium." in banner
    panel = _text(outcome_html(filled))
    assert "about 70 in 100" in panel and "about 10 in 100" in panel
    assert "It hinges on: if the NCB does not answer" in panel
    table = _text(enforcement_html(filled))
    assert "own finding, confidence medium" in table
    # While every entry carries the field defaults, nothing is claimed about sureness.
    assert "a default assumption" not in _text(enforcement_html(plain))


def test_a_trip_to_a_member_never_sent_the_diffusion_says_not_sent_there() -> None:
    from diffusion_scenarios._app.panels import route_timeline_svg, travel_html

    a = ds.assess(ds.builtin_scenarios()[EUROPE])  # sent to Europe; a trip to the UAE
    trip = next(t for t in a.travel if t.country == "ARE")
    assert not trip.notice_active
    assert "ARE 2025-06-20: no arrest expected (not sent there)" in unescape(
        route_timeline_svg(a)
    )
    table = _text(travel_html(a))
    assert "no: not sent there" in table and "Request active" not in table
    assert "no longer active" not in table
