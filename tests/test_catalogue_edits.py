"""Editing the rule catalogue changes the engine's behaviour, and never crashes it.

Each test writes a modified copy of data/rules/*.yaml to a temporary folder and points the
loader at it with the environment variable DIFFUSION_SCENARIOS_RULES (monkeypatch undoes
it, and the catalogue is cached per folder, so no edited law leaks into other tests).
"""

from __future__ import annotations

import ast
import contextlib
import datetime
import importlib
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

import diffusion_scenarios
from diffusion_scenarios import Challenge, Notice, Scenario, assess
from diffusion_scenarios._engine.grounds.article3 import offence_weight
from diffusion_scenarios._engine.route import route_stage, statute_applies
from diffusion_scenarios._facts.scenario import Case
from diffusion_scenarios._law.rules import RULES_ENV, VALUE_SCHEMA, catalogue, load_catalogue
from diffusion_scenarios.errors import ReferenceDataError

D = datetime.date
Rules = dict[str, list[dict[str, Any]]]  # file name -> its rules
Edit = Callable[[Callable[[Rules], None]], Path]


def _shipped() -> Path:
    return Path(str(resources.files("diffusion_scenarios.data").joinpath("rules")))


def _rule(rules: Rules, rule_id: str) -> dict[str, Any]:
    for entries in rules.values():
        for entry in entries:
            if entry["id"] == rule_id:
                return entry
    raise AssertionError(rule_id)


@pytest.fixture
def edited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Edit]:
    """Copy the catalogue, apply ``change`` to its rules, and make it the engine's law.

    Afterwards the shipped law is restored, and ``catalogue()`` is called once so that the
    engine forgets what it cached under the edited one.
    """

    def edit(change: Callable[[Rules], None]) -> Path:
        docs = {f.name: yaml.safe_load(f.read_text("utf-8")) for f in _shipped().glob("*.yaml")}
        rules = {name: doc.get("rules", []) for name, doc in docs.items()}  # grounds.yaml: none
        change(rules)
        for name, doc in docs.items():
            (tmp_path / name).write_text(yaml.safe_dump(doc, sort_keys=False), "utf-8")
        monkeypatch.setenv(RULES_ENV, str(tmp_path))
        with contextlib.suppress(ReferenceDataError):  # some tests edit it into an error
            catalogue()
        return tmp_path

    yield edit
    monkeypatch.delenv(RULES_ENV, raising=False)
    catalogue()


def _deletion_request(admissible_on: datetime.date) -> Scenario:
    return Scenario(
        id="edit",
        notice=Notice(kind="diffusion", requesting_country="KAZ", issued_on=D(2016, 1, 10)),
        challenge=Challenge(
            filed_on=admissible_on - datetime.timedelta(days=20),
            requests=("deletion",),
            admissible_on=admissible_on,
        ),
    )


def _penalty_case(as_of: datetime.date, max_penalty_years: float = 3) -> Scenario:
    return Scenario(
        id="penalty",
        notice=Notice(kind="red_notice", requesting_country="KAZ", issued_on=D(2019, 6, 1)),
        case=Case(stage="prosecution", offence="fraud", max_penalty_years=max_penalty_years),
        as_of=as_of,
    )


def _move_nine_month_limit(day: datetime.date) -> Callable[[Rules], None]:
    def change(rules: Rules) -> None:
        _rule(rules, "ccf-statute-40-deletion")["versions"][0]["in_force_from"] = day

    return change


def test_an_unedited_copy_of_the_catalogue_gives_the_same_deadline(edited: Edit) -> None:
    edited(lambda rules: None)
    step = route_stage(_deletion_request(D(2018, 6, 1)), as_of=D(2018, 6, 1)).step(
        "deletion_decision_due"
    )
    assert step is not None and step.deadline == D(2019, 3, 1)


def test_moving_the_nine_month_limit_later_leaves_an_earlier_request_without_a_deadline(
    edited: Edit,
) -> None:
    edited(_move_nine_month_limit(D(2019, 1, 1)))
    scenario = _deletion_request(D(2018, 12, 31))
    step = route_stage(scenario, as_of=D(2019, 1, 31)).step("deletion_decision_due")
    assert step is not None and step.deadline is None
    assert "not yet in force on 31 December 2018" in step.description
    assert "1 January 2019" in step.description
    # The whole assessment runs on the edited law (it used to raise a TypeError).
    result = assess(scenario, as_of=D(2019, 1, 31))
    assert [s.deadline for s in result.route if s.step == "deletion_decision_due"] == [None]


def test_a_request_admissible_on_the_day_the_moved_limit_starts_has_its_deadline(
    edited: Edit,
) -> None:
    edited(_move_nine_month_limit(D(2019, 1, 1)))
    step = route_stage(_deletion_request(D(2019, 1, 1)), as_of=D(2019, 1, 31)).step(
        "deletion_decision_due"
    )
    assert step is not None and step.deadline == D(2019, 10, 1)


def test_changing_the_months_of_the_limit_moves_the_deadline(edited: Edit) -> None:
    def twelve(rules: Rules) -> None:
        _rule(rules, "ccf-statute-40-deletion")["versions"][0]["value"] = {"months": 12}

    edited(twelve)
    step = route_stage(_deletion_request(D(2018, 6, 1)), as_of=D(2018, 6, 1)).step(
        "deletion_decision_due"
    )
    assert step is not None and step.deadline == D(2019, 6, 1)
    assert "within 12 months" in step.description


def test_moving_the_statute_s_in_force_date_moves_the_line_between_rci_and_statute(
    edited: Edit,
) -> None:
    assert statute_applies(D(2017, 3, 11)) and not statute_applies(D(2017, 3, 10))

    def later(rules: Rules) -> None:
        _rule(rules, "ccf-statute-29-standing")["versions"][0]["in_force_from"] = D(2017, 6, 1)
        _rule(rules, "rci-requests")["versions"][0]["until"] = D(2017, 6, 1)

    edited(later)
    assert not statute_applies(D(2017, 5, 31)) and statute_applies(D(2017, 6, 1))
    route = route_stage(_deletion_request(D(2017, 5, 31)), as_of=D(2017, 7, 1))
    step = route.step("decision_without_time_limit")
    assert step is not None and "admissible from 1 June 2017" in step.description


def test_the_penalty_ground_follows_the_threshold_in_the_catalogue(edited: Edit) -> None:
    as_of = D(2020, 6, 1)
    assert assess(_penalty_case(as_of)).ground("penalty_threshold") is None

    def four_years(rules: Rules) -> None:
        value = _rule(rules, "rpd-83-1-a-ii-penalty")["versions"][0]["value"]
        value["prosecution_min_years"] = 4

    edited(four_years)
    ground = assess(_penalty_case(as_of)).ground("penalty_threshold")
    assert ground is not None and "below the 4 years required" in " ".join(ground.reasons)
    assert assess(_penalty_case(as_of, max_penalty_years=4)).ground("penalty_threshold") is None


def test_a_new_version_of_the_penalty_rule_applies_from_its_date_and_not_the_day_before(
    edited: Edit,
) -> None:
    def amended(rules: Rules) -> None:
        rule = _rule(rules, "rpd-83-1-a-ii-penalty")
        first = rule["versions"][0]
        first["until"] = D(2020, 1, 1)
        rule["versions"].append(
            {
                "in_force_from": D(2020, 1, 1),
                "version": "an imagined amendment",
                "value": {"prosecution_min_years": 5, "sentence_min_months": 6},
            }
        )

    edited(amended)
    rules = catalogue()
    assert rules.value("rpd-83-1-a-ii-penalty", "prosecution_min_years", D(2019, 12, 31)) == 2
    assert rules.value("rpd-83-1-a-ii-penalty", "prosecution_min_years", D(2020, 1, 1)) == 5


def test_a_misspelt_value_key_is_refused_on_load_naming_the_rule_the_file_and_the_key(
    edited: Edit,
) -> None:
    def misspelt(rules: Rules) -> None:
        value = _rule(rules, "rpd-83-1-a-ii-penalty")["versions"][0]["value"]
        value["prosecution_min_yrs"] = value.pop("prosecution_min_years")

    folder = edited(misspelt)
    with pytest.raises(ReferenceDataError) as refused:
        load_catalogue(folder)
    message = str(refused.value)
    assert "rpd-83-1-a-ii-penalty" in message
    assert "substantive.yaml" in message
    assert "'prosecution_min_yrs'" in message
    assert "did you mean 'prosecution_min_years'" in message
    # The engine refuses too: never a silent fallback to two years.
    with pytest.raises(ReferenceDataError, match="prosecution_min_yrs"):
        assess(_penalty_case(D(2020, 6, 1)))


def test_a_missing_value_key_is_refused_on_load(edited: Edit) -> None:
    def missing(rules: Rules) -> None:
        del _rule(rules, "gs-cheque-threshold")["versions"][0]["value"]["min_amount_usd"]

    with pytest.raises(ReferenceDataError, match=r"gs-cheque-threshold.*'min_amount_usd'"):
        load_catalogue(edited(missing))


def test_a_value_of_the_wrong_type_is_refused_on_load(edited: Edit) -> None:
    def words(rules: Rules) -> None:
        _rule(rules, "ccf-statute-40-deletion")["versions"][0]["value"] = {"months": "nine"}

    with pytest.raises(ReferenceDataError, match=r"'months' of rule 'ccf-statute-40-deletion'"):
        load_catalogue(edited(words))


def test_a_nested_weight_is_checked_by_its_own_key(edited: Edit) -> None:
    def misspelt(rules: Rules) -> None:
        weights = _rule(rules, "model-article3-weights")["versions"][0]["value"]
        weights["indicators"]["election_time"] = weights["indicators"].pop("election_period")

    with pytest.raises(ReferenceDataError, match=r"indicators\.election_time.*election_period"):
        load_catalogue(edited(misspelt))


def test_a_rule_the_engine_reads_cannot_be_removed_from_the_catalogue(edited: Edit) -> None:
    def removed(rules: Rules) -> None:
        entries = rules["procedure.yaml"]
        entries.remove(_rule(rules, "ccf-statute-40-deletion"))

    with pytest.raises(ReferenceDataError, match="ccf-statute-40-deletion"):
        load_catalogue(edited(removed))


def test_an_unknown_rule_id_asked_for_by_code_is_a_clear_error() -> None:
    with pytest.raises(ReferenceDataError, match="rule 'ccf-statute-99' is not in the rule"):
        catalogue().value("ccf-statute-99", "months", D(2020, 1, 1))
    with pytest.raises(ReferenceDataError, match="'ccf-statute-99' is not in the rule"):
        catalogue().applies("ccf-statute-99", D(2020, 1, 1))


def test_a_value_key_the_rule_does_not_declare_is_a_clear_error() -> None:
    with pytest.raises(ReferenceDataError, match=r"'ccf-statute-40-deletion'.*'month'.*'months'"):
        catalogue().value("ccf-statute-40-deletion", "month", D(2020, 1, 1))


def test_the_article3_weights_come_from_the_catalogue(edited: Edit) -> None:
    assert offence_weight("fraud") == 2

    def graver(rules: Rules) -> None:
        value = _rule(rules, "model-article3-weights")["versions"][0]["value"]
        value["heavy_offences"].append("fraud")

    edited(graver)
    assert offence_weight("fraud") == 3


def test_the_edited_catalogue_does_not_outlive_the_test(
    edited: Edit, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited(_move_nine_month_limit(D(2019, 1, 1)))
    assert not catalogue().applies("ccf-statute-40-deletion", D(2018, 1, 1))
    monkeypatch.delenv(RULES_ENV)
    assert catalogue().applies("ccf-statute-40-deletion", D(2018, 1, 1))


def test_every_value_the_engine_reads_is_declared_for_its_rule() -> None:
    """Each ``.value(rule, "key")`` in the package, with the rule named by a string or a
    module constant, asks for a key the rule declares (a local variable is skipped)."""
    root = Path(diffusion_scenarios.__file__).parent
    read: list[tuple[str, str, str]] = []
    for path in sorted(root.rglob("*.py")):
        module_name = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        tree = ast.parse(path.read_text("utf-8"))
        module: Any = None
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "value"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
            ):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant):
                rule_id = first.value
            elif isinstance(first, ast.Name):
                module = module or importlib.import_module(module_name)
                rule_id = getattr(module, first.id, None)
            else:
                continue
            if isinstance(rule_id, str):
                read.append((f"{path.name}:{node.lineno}", rule_id, node.args[1].value))
    assert len(read) >= 15
    undeclared = [r for r in read if r[2] not in VALUE_SCHEMA.get(r[1], {})]
    assert undeclared == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("rules: [ {id: x\n", "expected ',' or '}'"),
        ("- 1\n", "expected a mapping with 'rules:', found a list"),
        ("rules: 5\n", "'rules' must be a list of rules"),
        ("rules: !!python/object:os.system {}\n", "the tag !!python/object:os.system"),
    ],
)
def test_a_rule_file_broken_by_hand_is_refused_in_one_line_naming_it(
    tmp_path: Path, text: str, said: str
) -> None:
    for shipped in _shipped().glob("*.yaml"):
        (tmp_path / shipped.name).write_text(shipped.read_text("utf-8"), "utf-8")
    broken = tmp_path / "outcome.yaml"
    broken.write_bytes(text.encode("utf-8"))
    with pytest.raises(ReferenceDataError) as refused:
        load_catalogue(tmp_path)
    message = str(refused.value)
    assert str(broken) in message and said in message
    assert "\n" not in message


def test_a_rule_file_that_is_not_utf8_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "procedure.yaml").write_bytes(b"rules: \xe9\n")
    with pytest.raises(ReferenceDataError, match=r"procedure\.yaml: not UTF-8 text$"):
        load_catalogue(tmp_path)


def test_moving_a_rule_date_in_the_catalogue_moves_the_year_its_sentence_names(
    edited: Edit,
) -> None:
    scenario = _deletion_request(D(2027, 6, 1))
    filing = assess(scenario, as_of=D(2027, 6, 1)).route[0]
    assert "Under the 2026 Operating Rules" in filing.description

    def later(rules: Rules) -> None:
        _rule(rules, "ccf-operating-rules-2026-limits")["versions"][0]["in_force_from"] = D(
            2027, 3, 1
        )

    edited(later)
    filing = assess(scenario, as_of=D(2027, 6, 1)).route[0]
    assert "Under the 2027 Operating Rules" in filing.description
    assert "2026 Operating Rules" not in filing.description


def test_moving_an_amendment_date_moves_the_year_of_since_the_amendment(edited: Edit) -> None:
    scenario = Scenario(
        id="edit",
        notice=Notice(kind="diffusion", requesting_country="KAZ", issued_on=D(2026, 1, 10)),
    )
    reasons = " ".join(assess(scenario, as_of=D(2026, 2, 1)).issuance.reasons)
    assert "Since the 2024 amendment (Art. 22(6)" in reasons

    def earlier(rules: Rules) -> None:
        _rule(rules, "rpd-22-6-direct-exchanges")["versions"][0]["in_force_from"] = D(2023, 5, 2)

    edited(earlier)
    reasons = " ".join(assess(scenario, as_of=D(2026, 2, 1)).issuance.reasons)
    assert "Since the 2023 amendment (Art. 22(6)" in reasons


def test_moving_the_cheque_list_date_moves_the_year_of_the_list_the_threshold_preceded(
    edited: Edit,
) -> None:
    scenario = Scenario(
        id="edit",
        notice=Notice(kind="red_notice", requesting_country="ARE", issued_on=D(2019, 5, 2)),
        case=Case(offence="unfunded_cheque"),
    )
    said = " ".join(assess(scenario, as_of=D(2020, 6, 1)).depends_on)
    assert "threshold in cheque cases before the 2022 list" in said

    def later(rules: Rules) -> None:
        _rule(rules, "gs-list-unfunded-cheques")["versions"][0]["in_force_from"] = D(2023, 2, 1)

    edited(later)
    said = " ".join(assess(scenario, as_of=D(2020, 6, 1)).depends_on)
    assert "threshold in cheque cases before the 2023 list" in said
