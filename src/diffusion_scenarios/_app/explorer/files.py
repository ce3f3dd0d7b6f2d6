"""The "Start" and "Save or download" tabs: where the facts come from and where they go.

The app's "Load file" and "Save" stay inside its workspace folder (on a shared server the app
must not become a way to read or write the server's files); files come from elsewhere by
upload and go by download, and neither is stored on the server.
"""

from __future__ import annotations

import base64
import dataclasses
import errno
import os
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from diffusion_scenarios._app.explorer.controls import WIDE, text_style
from diffusion_scenarios._app.explorer.messages import first_line, message
from diffusion_scenarios.errors import DiffusionScenariosError, ScenarioError

if TYPE_CHECKING:
    from diffusion_scenarios._app.explorer.explorer import ScenarioExplorer

#: The environment variable naming the folder the explorer's "Load file" and "Save" may
#: read and write in (``diffusion-scenarios app --workspace DIR`` sets it for its kernels).
WORKSPACE_ENV = "DIFFUSION_SCENARIOS_WORKSPACE"

_SCENARIO_SUFFIXES = (".yaml", ".yml", ".json")

# The controls of the tabs, in their order on screen.
START_TAB = ("start", "start_title", "upload", "file_path", "load_file", "load_status")
SAVE_TAB = (
    "save_id", "save_path", "overwrite", "save", "save_status", "prepare_downloads", "downloads",
)  # fmt: skip

# A download is a link (the browser saves the file), drawn as a button so it looks like one.
_DOWNLOAD_BUTTON = (
    "display:inline-block;padding:3px 12px;border:1px solid #8a8a8a;border-radius:3px;"
    "background:#f2f2f2;color:#1a1a1a;text-decoration:none;font-weight:600"
)
_UPLOAD_LABEL = "Open a file from your computer"
# ipywidgets writes "LABEL (N)" on the upload button, N the files held: the explorer empties
# it after reading each file, so it would always say "(0)". The style below hides that text
# and shows the label alone (the button's accessible name keeps the words).
APP_STYLE = (
    "<style>.ds-upload{font-size:0!important}"
    ".ds-upload>i{font-size:var(--jp-widgets-font-size,13px);margin-right:6px}"
    f'.ds-upload::after{{content:"{_UPLOAD_LABEL}";font-size:var(--jp-widgets-font-size,13px)}}'
    "</style>"
)


class _WorkspaceError(ValueError):
    """A name typed in the app that is not a file inside its workspace (one line)."""


def workspace(created_in: Path) -> Path:
    """The folder the app's file controls stay in: :data:`WORKSPACE_ENV` when set, else the
    folder the kernel was in when the explorer was created."""
    named = os.environ.get(WORKSPACE_ENV, "").strip()
    return Path(named) if named else created_in


def _in_workspace(text: str, workspace: Path, *, control: str) -> Path:
    """The file a name typed in the app stands for, if it is inside ``workspace``.

    A name relative to the workspace, or an absolute one inside it. Refused: ``~``, any
    ``..``, and any name that leads outside once links are followed (a link to
    ``/etc/passwd`` is outside). The path returned is the one typed (a link is not
    replaced by its target, so that a save never writes through a link).

    Raises:
        _WorkspaceError: the name is outside, in one line naming the control.
    """
    outside = (
        f"{control}: expected the name of a file in the app's workspace folder (for example "
        "my-case.yaml), found "
    )
    if "\x00" in text:
        raise _WorkspaceError(outside + "a name with a NUL character")
    raw = Path(text)
    if text.startswith("~"):
        raise _WorkspaceError(outside + "a name starting with ~ (a home folder)")
    if ".." in raw.parts:
        raise _WorkspaceError(outside + "a name with '..' (a folder above the workspace)")
    cannot_follow = outside + "a name that cannot be followed to a file"
    try:
        root = workspace.resolve(strict=True)
        target = raw if raw.is_absolute() else root / raw
        resolved = target.resolve()
    except (OSError, RuntimeError):  # the workspace is gone, or a loop of links
        raise _WorkspaceError(cannot_follow) from None
    try:
        # From Python 3.13 resolve() no longer raises on a loop of links; following the name
        # says ELOOP on every version (any other answer is left to the reader to report).
        target.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _WorkspaceError(cannot_follow) from None
    if resolved != root and root not in resolved.parents:
        raise _WorkspaceError(outside + "a name outside it")
    return target


def _workspace_file(
    text: str, folder: Path, status: Any, control: str, instead: str
) -> Path | None:
    """The file in the workspace a name typed in ``control`` stands for, or ``None`` with the
    refusal shown in ``status``, followed by what to do ``instead``."""
    try:
        return _in_workspace(text, folder, control=control)
    except _WorkspaceError as refused:
        status.value = message(f"{refused} ({instead})", error=True)
        return None


def _shown_name(path: Path, workspace: Path) -> str:
    """``path`` relative to the workspace, as a user of the app typed it (never the server's
    absolute folder)."""
    try:
        return str(path.relative_to(workspace.resolve()))
    except ValueError:
        return path.name


def _looks_like_scenario(text: str) -> bool:
    """Whether the loader's problems with ``text`` may be shown: it is a YAML or JSON
    mapping with a scenario's own keys (``format`` or ``notice``), or it cannot be parsed
    at all (the parser's message names a line and column, never the content). Anything
    else (a list of accounts, a configuration file) is "not a scenario file", and no value
    of it is quoted."""
    import yaml

    from diffusion_scenarios._base.yaml_io import load_yaml

    try:
        document = load_yaml(text, aliases=False)
    except (yaml.YAMLError, RecursionError):
        return True
    return isinstance(document, dict) and ("format" in document or "notice" in document)


# --------------------------------------------------------------------------- downloads


def _facts_yaml(explorer: ScenarioExplorer) -> bytes:
    from diffusion_scenarios._base.yaml_io import dump_yaml
    from diffusion_scenarios._facts.loader import scenario_to_dict

    text = "# diffusion-scenarios scenario, format 1 (educational model, not legal advice)\n"
    return (text + dump_yaml(scenario_to_dict(explorer._compose()))).encode("utf-8")


def _memo(fmt: str) -> Callable[[ScenarioExplorer], bytes]:
    def produce(explorer: ScenarioExplorer) -> bytes:
        from diffusion_scenarios import reports

        return reports.render_bytes(explorer.assessment, fmt)

    return produce


def _draft_request(explorer: ScenarioExplorer) -> bytes:
    """The draft request to the CCF that fits the facts best (see ``suggested_request``)."""
    from diffusion_scenarios._render.draft import draft_content, suggested_request
    from diffusion_scenarios._render.draft_word import render_draft_docx

    assessment = explorer.assessment
    draft = draft_content(assessment, suggested_request(assessment))
    return render_draft_docx(assessment, draft)


# What the download links offer: name -> (link text, file suffix, media type, producer).
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOWNLOADS: dict[str, tuple[str, str, str, Callable[[ScenarioExplorer], bytes]]] = {
    "facts": ("The facts as a scenario file (YAML)", ".yaml", "application/x-yaml", _facts_yaml),
    "memo_html": ("The memo (HTML, opens in a browser)", "-memo.html", "text/html", _memo("html")),
    "memo_markdown": ("The memo (Markdown)", "-memo.md", "text/markdown", _memo("markdown")),
    "memo_docx": ("The memo (Word, to edit and send)", "-memo.docx", _DOCX, _memo("docx")),
    "draft_request": (
        "Draft the request (Word, a training draft to complete)",
        "-draft-request.docx",
        _DOCX,
        _draft_request,
    ),
}


# --------------------------------------------------------------------------- controls


def build_start_controls(controls: dict[str, Any], builtin_ids: tuple[str, ...]) -> None:
    """Where the facts come from: a built-in scenario, an upload or a file path."""
    c = controls
    c["start"] = w.Dropdown(
        description="Start from a built-in scenario",
        options=[(sid, sid) for sid in builtin_ids],
        style={"description_width": "initial"},
        layout=w.Layout(width="98%", height="54px", flex_flow="column", align_items="flex-start"),
    )
    c["start_title"] = w.HTML()
    c["upload"] = w.FileUpload(
        accept=".yaml,.yml,.json",
        multiple=False,
        description=_UPLOAD_LABEL,
        tooltip="Choose a scenario file (.yaml or .json) on your computer",
        layout=w.Layout(width="auto"),
    )
    c["upload"].add_class("ds-upload")
    c["file_path"] = w.Text(
        description="Scenario file",
        placeholder="path/to/case.yaml",
        style=text_style(),
        layout=WIDE,
    )
    c["load_file"] = w.Button(description="Load file", tooltip="Load the scenario file")
    c["load_status"] = w.HTML()


def build_save_controls(controls: dict[str, Any]) -> None:
    """Where the facts go: a file in the workspace, or downloads to the user's computer."""
    c = controls
    c["save_id"] = w.Text(description="Scenario id", style=text_style(), layout=WIDE)
    c["save_path"] = w.Text(
        description="Save to", placeholder="my-case.yaml", style=text_style(), layout=WIDE
    )
    c["overwrite"] = w.Checkbox(description="Overwrite an existing file", indent=False, value=False)
    c["save"] = w.Button(description="Save facts", tooltip="Save the facts as a scenario file")
    c["save_status"] = w.HTML()
    c["prepare_downloads"] = w.Button(
        description="Prepare the downloads",
        tooltip="Make the current facts and the memo ready to download to your computer",
        layout=w.Layout(width="auto"),
    )
    c["downloads"] = w.HTML()


def connect_file_controls(explorer: ScenarioExplorer) -> None:
    c = explorer.controls
    c["start"].observe(lambda change: _on_start(explorer, change), names="value")
    c["load_file"].on_click(lambda _: load_typed(explorer, str(c["file_path"].value).strip()))
    c["upload"].observe(lambda _: _on_upload(explorer), names="value")
    c["save"].on_click(lambda _: _on_save(explorer))
    c["prepare_downloads"].on_click(lambda _: _prepare_downloads(explorer))


# --------------------------------------------------------------------------- events


def _on_start(explorer: ScenarioExplorer, change: dict[str, Any]) -> None:
    if not explorer._syncing and change["new"]:
        explorer.load(str(change["new"]))


def show_load_problems(explorer: ScenarioExplorer, name: str, error: ScenarioError) -> None:
    count = len(error.problems)
    heading = (
        f"{Path(name).name} could not be opened: "
        f"{count} problem{'s' if count != 1 else ''} to put right in the file. "
        "The facts shown are unchanged."
    )
    problems = [dataclasses.replace(p, source=None) for p in error.problems]
    explorer.controls["load_status"].value = explorer._problems_html(heading, problems)


def load_typed(explorer: ScenarioExplorer, text: str) -> bool:
    """The "Load file" control: a built-in id, or a scenario file inside the workspace.

    A name outside the workspace is refused in one line, and a file that is not a
    scenario is named as such without a word of what it holds (on a shared server the
    app must not become a way to read the server's files).
    """
    from diffusion_scenarios._base.files import UnreadableFileError, decode_text, read_regular
    from diffusion_scenarios._facts.loader import (
        MAX_FILE_BYTES,
        builtin_scenarios,
        loads_scenario,
    )

    status = explorer.controls["load_status"]
    folder = explorer.workspace
    if not text:
        status.value = message(
            "Scenario file: enter the name of a .yaml or .json file in the app's folder, "
            "or open one from your computer",
            error=True,
        )
        return False
    builtin = builtin_scenarios()
    if text in builtin and not (folder / text).exists():
        return explorer.load(builtin[text])
    path = _workspace_file(
        text,
        folder,
        status,
        "Scenario file",
        "open files from elsewhere with 'Open a file from your computer'",
    )
    if path is None:
        return False
    name = _shown_name(path, folder)
    if path.suffix.lower() not in _SCENARIO_SUFFIXES:
        status.value = message(
            f"Scenario file: expected a name ending in .yaml, .yml or .json, found {name!r}",
            error=True,
        )
        return False
    try:
        text_read = decode_text(
            read_regular(path, limit=MAX_FILE_BYTES, what="a scenario file"),
            expected="a text file in UTF-8 (YAML or JSON)",
        )
    except UnreadableFileError as unreadable:
        status.value = message(f"{name}: {unreadable}", error=True)
        return False
    if not _looks_like_scenario(text_read):
        status.value = message(
            f"{name}: expected a scenario file (a YAML or JSON mapping with format: 1, id "
            "and notice), found a file that is not one; nothing of it is shown",
            error=True,
        )
        return False
    json_text = True if path.suffix.lower() == ".json" else None
    try:
        scenario = loads_scenario(text_read, source=name, json_text=json_text)
    except ScenarioError as exc:
        show_load_problems(explorer, name, exc)
        return False
    explorer._set_base(scenario, name)
    status.value = message(f"Loaded {name}.", error=False)
    return True


def _on_upload(explorer: ScenarioExplorer) -> None:
    """Open the scenario file chosen with the upload button (it is read, never stored)."""
    from diffusion_scenarios._facts.loader import MAX_FILE_BYTES, loads_scenario

    c = explorer.controls
    files = list(c["upload"].value)
    if not files:
        return
    chosen = files[-1]
    name = str(chosen.get("name", "uploaded file"))
    content = bytes(chosen.get("content", b""))
    c["upload"].value = ()  # the same file can be chosen again after a fix
    problem = None
    if len(content) > MAX_FILE_BYTES:
        problem = f"a scenario file of at most {MAX_FILE_BYTES:,} bytes, found a larger file"
    elif b"\x00" in content:
        problem = "a text file in UTF-8 (YAML or JSON), found binary data"
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            problem = (
                "a text file in UTF-8 (YAML or JSON), found bytes that are not UTF-8 "
                f"at position {exc.start}"
            )
    if problem is not None:
        c["load_status"].value = message(f"{name}: expected {problem}", error=True)
        return
    json_text = True if name.lower().endswith(".json") else None
    try:
        scenario = loads_scenario(text, source=name, json_text=json_text)
    except ScenarioError as exc:
        show_load_problems(explorer, name, exc)
        return
    explorer._set_base(scenario, name)
    c["load_status"].value = message(
        f"Opened {name} from your computer (nothing was stored on the server).", error=False
    )


def _prepare_downloads(explorer: ScenarioExplorer) -> None:
    """Links that hand the current facts and memo to the browser (nothing is written)."""
    c = explorer.controls
    try:
        explorer._compose()
    except ScenarioError as exc:
        c["downloads"].value = explorer._problems_html(
            "Nothing to download until this is put right:", exc.problems
        )
        return
    links = []
    for name, (file_name, media, content) in explorer.downloads().items():
        label = DOWNLOADS[name][0]
        data = base64.b64encode(content).decode("ascii")
        links.append(
            f'<li style="margin:4px 0"><a download="{escape(file_name)}" '
            f'href="data:{media};base64,{data}" data-download="{name}" '
            f'style="{_DOWNLOAD_BUTTON}">&darr; {escape(label)}</a> '
            f'<span style="color:#555">{escape(file_name)}</span></li>'
        )
    c["downloads"].value = (
        '<div style="font-size:13px;line-height:1.4">Ready for the facts as they stand now '
        "(a change clears these buttons):"
        f'<ul style="list-style:none;margin:4px 0;padding:0">{"".join(links)}</ul></div>'
    )


def _on_save(explorer: ScenarioExplorer) -> None:
    from diffusion_scenarios._facts.loader import save_scenario
    from diffusion_scenarios.errors import OutputExistsError

    c = explorer.controls
    folder = explorer.workspace
    status = c["save_status"]
    path_text = str(c["save_path"].value).strip()
    scenario_id = str(c["save_id"].value).strip()
    if not path_text:
        status.value = message("Save to: enter a file name ending in .yaml", error=True)
        return
    path = _workspace_file(
        path_text,
        folder,
        status,
        "Save to",
        "to keep a copy on your computer, use 'Prepare the downloads'",
    )
    if path is None:
        return
    shown = _shown_name(path, folder)
    if path.suffix.lower() not in (".yaml", ".yml"):
        status.value = message(
            f"Save to: expected a file name ending in .yaml, found {path_text!r}", error=True
        )
        return
    try:
        scenario = explorer._compose(scenario_id)
    except ScenarioError as exc:
        status.value = explorer._problems_html(
            f"Not saved: {shown} would not load back, because of this:", exc.problems
        )
        return
    try:
        written = save_scenario(scenario, path, force=bool(c["overwrite"].value))
    except OutputExistsError:
        status.value = message(
            f"{shown} already exists and was left unchanged; tick 'Overwrite an existing "
            "file' and click Save again to replace it",
            error=True,
        )
        return
    except (DiffusionScenariosError, OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else None
        reason = reason or first_line(exc).replace(str(path), shown)
        status.value = message(f"Could not save to {shown}: {reason}", error=True)
        return
    c["overwrite"].value = False
    status.value = message(
        f"Saved the facts to {_shown_name(written, folder)} in the app's folder.", error=False
    )
