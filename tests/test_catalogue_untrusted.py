"""An edited law folder (DIFFUSION_SCENARIOS_RULES) is untrusted input, like a scenario file.

Every probe of the hostile-input review (issue 22, point 1) is here: an edited catalogue is
either refused in one line naming the file, the rule and the key, or the engine gives a sane
answer. Never a traceback, a hang or a memory blow-up.
"""

from __future__ import annotations

import contextlib
import datetime
import math
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diffusion_scenarios import assess
from diffusion_scenarios._facts.loader import builtin_scenarios
from diffusion_scenarios._law.rules import RULES_ENV, catalogue, load_catalogue
from diffusion_scenarios.errors import ReferenceDataError

D = datetime.date
Rules = dict[str, list[dict[str, Any]]]


def _shipped() -> Path:
    return Path(str(resources.files("diffusion_scenarios.data").joinpath("rules")))


def _docs() -> dict[str, dict[str, Any]]:
    return {f.name: yaml.safe_load(f.read_text("utf-8")) for f in _shipped().glob("*.yaml")}


_SHIPPED_DOCS = _docs()


def _rule(docs: dict[str, dict[str, Any]], rule_id: str) -> tuple[str, dict[str, Any]]:
    for name, doc in docs.items():
        for entry in doc.get("rules", []):  # grounds.yaml holds grounds, not rules
            if entry["id"] == rule_id:
                return name, entry
    raise AssertionError(rule_id)


def _write(folder: Path, docs: dict[str, dict[str, Any]]) -> Path:
    for name, doc in docs.items():
        (folder / name).write_text(yaml.safe_dump(doc, sort_keys=False), "utf-8")
    return folder


def _edited(folder: Path, change: Callable[[dict[str, dict[str, Any]]], None]) -> Path:
    import copy

    docs = copy.deepcopy(_SHIPPED_DOCS)
    change(docs)
    return _write(folder, docs)


def _set_value(rule_id: str, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(docs: dict[str, Any]) -> None:
        _, entry = _rule(docs, rule_id)
        target = entry["versions"][-1]["value"]
        *parents, last = key.split(".")
        for part in parents:
            target = target[part]
        target[last] = value

    return change


def _set_versions(rule_id: str, versions: Any) -> Callable[[dict[str, Any]], None]:
    def change(docs: dict[str, Any]) -> None:
        _rule(docs, rule_id)[1]["versions"] = versions

    return change


def _until_before_start(docs: dict[str, Any]) -> None:
    _, entry = _rule(docs, "ccf-statute-40-access")
    entry["versions"][0]["until"] = D(2016, 1, 1)


# (what the user wrote, the edit, the rule, the key the one line must name)
PROBES: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    ("red notice validity of 0 years", _set_value("red-notice-validity", "years", 0),
     "red-notice-validity", "years"),
    ("red notice validity of 100000 years", _set_value("red-notice-validity", "years", 100000),
     "red-notice-validity", "years"),
    ("red notice validity of -5 years", _set_value("red-notice-validity", "years", -5),
     "red-notice-validity", "years"),
    ("a time limit of 99,999,999 months",
     _set_value("ccf-statute-40-deletion", "months", 99_999_999),
     "ccf-statute-40-deletion", "months"),
    ("a time limit of -30,000 months", _set_value("ccf-statute-40-deletion", "months", -30_000),
     "ccf-statute-40-deletion", "months"),
    ("versions: oops", _set_versions("red-notice-validity", "oops"),
     "red-notice-validity", "versions"),
    ("versions: 7", _set_versions("red-notice-validity", 7), "red-notice-validity", "versions"),
    ("a version that is a string", _set_versions("red-notice-validity", ["2017-01-01"]),
     "red-notice-validity", "versions[0]"),
    ("ncb_silent: .nan", _set_value("model-outcome-settings", "ncb_silent", math.nan),
     "model-outcome-settings", "ncb_silent"),
    ("every base rate 0", lambda docs: [
        _set_value("ccf-outcome-base-rates", key, 0)(docs)
        for key in ("not_compliant", "compliant", "compliant_with_update")],
     "ccf-outcome-base-rates", "not_compliant"),
    ("a negative base rate", _set_value("ccf-outcome-base-rates", "compliant", -3),
     "ccf-outcome-base-rates", "compliant"),
    ("one base rate 0 (an outcome the model could never give)",
     _set_value("ccf-outcome-base-rates", "compliant_with_update", 0),
     "ccf-outcome-base-rates", "compliant_with_update"),
    ("a weight range [a, b]", _set_value("model-outcome-weights", "strong.range", ["a", "b"]),
     "model-outcome-weights", "strong.range"),
    ("an infinite weight", _set_value("model-outcome-weights", "strong.value", math.inf),
     "model-outcome-weights", "strong.value"),
    ("until before in_force_from", _until_before_start, "ccf-statute-40-access", "until"),
    ("facts_that_matter naming no field",
     _set_value("model-outcome-settings", "facts_that_matter", ["no.such.field", 42]),
     "model-outcome-settings", "no.such.field"),
    ("a likelihood setting above 1",
     _set_value("model-outcome-settings", "one_arguable_ground_when_ncb_answers", 4),
     "model-outcome-settings", "one_arguable_ground_when_ncb_answers"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("edit", "rule_id", "key"),
    [pytest.param(edit, rule_id, key, id=said) for said, edit, rule_id, key in PROBES],
)
def test_a_hostile_catalogue_value_is_refused_in_one_line_naming_file_rule_and_key(
    tmp_path: Path, edit: Callable[[dict[str, Any]], None], rule_id: str, key: str
) -> None:
    folder = _edited(tmp_path, edit)
    file_name = _rule(_SHIPPED_DOCS, rule_id)[0]
    with pytest.raises(ReferenceDataError) as refused:
        load_catalogue(folder)
    message = str(refused.value)
    assert "\n" not in message
    assert file_name in message and rule_id in message and key in message, message


@pytest.fixture
def fresh_law(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    def use(folder: Path) -> None:
        monkeypatch.setenv(RULES_ENV, str(folder))

    yield use
    monkeypatch.delenv(RULES_ENV, raising=False)
    catalogue()


def _cli(folder: Path, *argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, RULES_ENV: str(folder), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "diffusion_scenarios", *argv],
        capture_output=True, text=True, env=env, timeout=timeout, check=False,
    )  # fmt: skip


def test_assess_on_a_catalogue_with_zero_year_notices_says_one_line_and_exits_2(
    tmp_path: Path,
) -> None:
    folder = _edited(tmp_path, _set_value("red-notice-validity", "years", 0))
    done = _cli(folder, "assess", "red-notice-homicide-compliant", timeout=30)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "red-notice-validity" in lines[0] and "years" in lines[0]
    assert "procedure.yaml" in lines[0]


def test_compare_calibration_on_zero_base_rates_says_one_line(tmp_path: Path) -> None:
    def zero(docs: dict[str, Any]) -> None:
        for key in ("not_compliant", "compliant", "compliant_with_update"):
            _set_value("ccf-outcome-base-rates", key, 0)(docs)

    done = _cli(_edited(tmp_path, zero), "compare", "--calibration", timeout=60)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "ccf-outcome-base-rates" in lines[0], done.stderr
    assert "Traceback" not in done.stderr


def test_more_unanswered_deletions_than_deletions_is_refused_naming_both_rules(
    tmp_path: Path,
) -> None:
    """The NCB-silence count is a part of the base rates' deletions; a catalogue where it
    is not smaller would give a negative share deleted after an answer."""
    folder = _edited(tmp_path, _set_value("ccf-practice-ncb-silence", "deleted_ncb_no_answer", 400))
    with pytest.raises(ReferenceDataError) as refused:
        load_catalogue(folder)
    message = str(refused.value)
    assert "\n" not in message
    assert "ccf-practice-ncb-silence" in message and "deleted_ncb_no_answer" in message
    assert "ccf-outcome-base-rates" in message and "found 400" in message


def _copy(folder: Path) -> Path:
    for shipped in _shipped().glob("*.yaml"):
        (folder / shipped.name).write_text(shipped.read_text("utf-8"), "utf-8")
    return folder


def test_a_folder_named_like_a_rule_file_is_refused_naming_it(tmp_path: Path) -> None:
    (_copy(tmp_path) / "extra.yaml").mkdir()
    with pytest.raises(ReferenceDataError, match=r"extra\.yaml.*a folder"):
        load_catalogue(tmp_path)


def test_a_symlink_loop_among_the_rule_files_is_refused_naming_it(tmp_path: Path) -> None:
    loop = _copy(tmp_path) / "loop.yaml"
    loop.symlink_to(loop)
    with pytest.raises(ReferenceDataError, match=r"loop\.yaml") as refused:
        load_catalogue(tmp_path)
    assert "\n" not in str(refused.value)


def test_a_pipe_among_the_rule_files_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(_copy(tmp_path) / "pipe.yaml")
    done = _cli(tmp_path, "assess", "red-notice-homicide-compliant", timeout=20)
    assert done.returncode == 2
    assert "pipe.yaml" in done.stderr and "pipe" in done.stderr.lower()
    assert len(done.stderr.strip().splitlines()) == 1


_BOMB = """rules:
  - id: bomb
    instrument: Bomb
    provision: Art. 1
    verification: unverified
    url: https://example.org
    versions: [{in_force_from: 2020-01-01, version: x}]
    brief: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    earlier: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    version: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    value: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    until: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    in_force_from: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    paraphrase: [*f,*f,*f,*f,*f,*f,*f,*f,*f]
"""


def test_an_anchor_bomb_in_a_rule_file_is_refused_at_once(tmp_path: Path) -> None:
    (_copy(tmp_path) / "bomb.yaml").write_text(_BOMB, "utf-8")
    done = _cli(tmp_path, "assess", "red-notice-homicide-compliant", timeout=20)
    assert done.returncode == 2
    assert "bomb.yaml" in done.stderr and "aliases are not allowed" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_rule_file_larger_than_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = _copy(tmp_path) / "big.yaml"
    with big.open("w", encoding="utf-8") as out:
        out.write("rules: []\n")
        out.write(("# " + "x" * 1000 + "\n") * 23_000)
    done = _cli(tmp_path, "assess", "red-notice-homicide-compliant", timeout=20)
    assert done.returncode == 2
    assert "big.yaml" in done.stderr and "bytes" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_until_after_in_force_from_still_loads_and_applies(
    tmp_path: Path, fresh_law: Callable[[Path], None]
) -> None:
    def ends(docs: dict[str, Any]) -> None:
        _, entry = _rule(docs, "ccf-statute-40-access")
        entry["versions"][-1]["until"] = D(2030, 1, 1)

    fresh_law(_edited(tmp_path, ends))
    assert catalogue().applies("ccf-statute-40-access", D(2029, 12, 31))
    assert not catalogue().applies("ccf-statute-40-access", D(2030, 1, 1))


# ------------------------------------------------------------------ property test

_NUMERIC: list[tuple[str, str]] = []


def _numeric_keys() -> list[tuple[str, str]]:
    """Every (rule, dotted key) whose shipped value is a number."""
    found = []
    for doc in _SHIPPED_DOCS.values():
        for entry in doc.get("rules", []):  # grounds.yaml holds grounds, not rules
            for version in entry.get("versions") or []:
                stack: list[tuple[str, Any]] = [("", version.get("value") or {})]
                while stack:
                    prefix, node = stack.pop()
                    for key, item in node.items():
                        if isinstance(item, dict):
                            stack.append((f"{prefix}{key}.", item))
                        elif isinstance(item, int | float) and not isinstance(item, bool):
                            found.append((entry["id"], f"{prefix}{key}"))
    return sorted(set(found))


_HOSTILE_VALUES = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.sampled_from([0, 1, -1, 2, 10**6, 10**9, 0.5, -0.5, 1e300]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.none(),
    st.booleans(),
    st.lists(st.integers(-3, 3), max_size=3),
    st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@st.composite
def _catalogue_edit(draw: st.DrawFn) -> list[tuple[str, str, Any]]:
    """One to three edits: a number, a date, a version list or a whole value changed."""
    keys = _numeric_keys()
    edits = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["number", "date", "structure"]))
        if kind == "number":
            rule_id, key = draw(st.sampled_from(keys))
            edits.append(("number", f"{rule_id}|{key}", draw(_HOSTILE_VALUES)))
        elif kind == "date":
            rule_id = draw(
                st.sampled_from(sorted({r for r, _ in keys} | {"ccf-statute-40-access"}))
            )
            field = draw(st.sampled_from(["in_force_from", "until"]))
            edits.append(("date", f"{rule_id}|{field}", draw(_HOSTILE_VALUES)))
        else:
            rule_id = draw(st.sampled_from(sorted({r for r, _ in keys})))
            what = draw(st.sampled_from(["versions", "value", "version"]))
            edits.append(("structure", f"{rule_id}|{what}", draw(_HOSTILE_VALUES)))
    return edits


def _apply(docs: dict[str, Any], edits: list[tuple[str, str, Any]]) -> None:
    for kind, where, value in edits:
        with contextlib.suppress(TypeError, KeyError, IndexError, AttributeError):
            _apply_one(docs, kind, where, value)  # an earlier edit may have broken the way


def _apply_one(docs: dict[str, Any], kind: str, where: str, value: Any) -> None:
    rule_id, key = where.split("|")
    _, entry = _rule(docs, rule_id)
    if kind == "number":
        _set_value(rule_id, key, value)(docs)
    elif kind == "date":
        entry["versions"][-1][key] = value
    elif key == "versions":
        entry["versions"] = value
    elif key == "value":
        entry["versions"][-1]["value"] = value
    else:
        entry["versions"] = [value, *entry["versions"]]


class _TooSlowError(Exception):
    pass


@contextlib.contextmanager
def _within(seconds: int) -> Iterator[None]:
    def alarm(signum: int, frame: Any) -> None:
        raise _TooSlowError

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


_SAMPLES = ("red-notice-homicide-compliant", "ncb-does-not-answer")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=_catalogue_edit())
def test_a_random_edit_of_the_catalogue_is_refused_in_one_line_or_gives_a_sane_assessment(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[str, str, Any]]
) -> None:
    import copy

    docs = copy.deepcopy(_SHIPPED_DOCS)
    _apply(docs, edits)
    folder = tmp_path_factory.mktemp("law")
    try:
        _write(folder, docs)
    except (yaml.YAMLError, ValueError):
        return  # PyYAML cannot even write this edit: no file, nothing to test
    previous = os.environ.get(RULES_ENV)
    os.environ[RULES_ENV] = str(folder)
    try:
        with _within(20):
            try:
                catalogue()
            except ReferenceDataError as refused:
                assert "\n" not in str(refused)
                assert str(folder) in str(refused) or "rule catalogue" in str(refused)
                return
            for sample in _SAMPLES:
                assessment = assess(builtin_scenarios()[sample])
                outcome = assessment.to_dict()["outcome"]
                likelihood = outcome.get("likelihood") or {}
                shares = [float(v) for v in likelihood.values()]
                assert all(0 <= share <= 1 for share in shares)
                assert not shares or abs(sum(shares) - 1) < 1e-6
                deadlines = assessment.to_dict()
                _all_dates_real(deadlines)
    finally:
        if previous is None:
            os.environ.pop(RULES_ENV, None)
        else:
            os.environ[RULES_ENV] = previous
        catalogue()


def _all_dates_real(node: Any) -> None:
    """Every ISO date in the JSON output is a real day the model reasons about."""
    if isinstance(node, dict):
        for item in node.values():
            _all_dates_real(item)
    elif isinstance(node, list):
        for item in node:
            _all_dates_real(item)
    elif isinstance(node, str) and len(node) == 10 and node[4] == "-" and node[7] == "-":
        with contextlib.suppress(ValueError):
            day = D.fromisoformat(node)
            assert D(1900, 1, 1) <= day <= D(2300, 12, 31), node
