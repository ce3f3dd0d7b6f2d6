"""What each rule's ``value`` may hold, and the check of a value against it.

:data:`VALUE_SCHEMA` declares, rule by rule, the keys the engine reads from a rule's
``value`` and their types; :func:`check_value` refuses an unknown key (a misspelling such as
``prosecution_min_yrs``), a missing key or a value of the wrong type with a
:class:`~diffusion_scenarios.errors.ReferenceDataError` naming the file, the rule and the
key. :mod:`diffusion_scenarios._law.rules` runs it on every version of every rule it loads.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from diffusion_scenarios._base.spelling import did_you_mean
from diffusion_scenarios._law.fact_paths import known_fact_paths
from diffusion_scenarios._law.outcomes import OUTCOME_IDS
from diffusion_scenarios.errors import ReferenceDataError

#: The rules whose values are joined by :func:`check_across_rules`.
SILENCE_RULE = "ccf-practice-ncb-silence"
BASE_RATES_RULE = "ccf-outcome-base-rates"

__all__ = ["OUTCOME_FITTED_TERMS", "VALUE_SCHEMA", "Schema", "check_value", "shown"]

#: A value's declared type: a type name, or a mapping of sub-keys to their own types.
Schema = Mapping[str, "str | Schema"]

_ARTICLE3_INDICATORS = (
    "status",
    "prosecution_follows_political_activity",
    "election_period",
    "former_official_of_ousted_regime",
    "state_is_party_to_dispute",
    "other_politically_motivated_cases",
    "assets_taken_by_state_or_officials",
    "court_found_persecution",
    "refugee_recognised",
    "third_state_found_political",
)

#: The terms of the decision model (outcome.yaml), each a fitted weight, in the order the
#: engine multiplies them (``_engine.outcome``): the deletion score's, then the update's.
#: The decision model's fitted or derived terms (outcome.yaml, model-outcome-weights).
OUTCOME_FITTED_TERMS = (
    "strong",
    "arguable",
    "update_keep",
    "update_share",
    "prior_stands",
    "cleared",
    "high_confidence_at",
)
#: A weight's fields: its value, its start (the judgement before the fit), the range the
#: fit allows, whether it is fitted, how many decisions show it, and the range it took
#: across the cross-validation refits. A weight is added to log-odds: beyond +-30 it
#: would make a likelihood exactly 0 or 1.
_WEIGHT_TERM: Schema = {
    "value": "number -30..30",
    "start": "number -30..30",
    "range": "range -30..30",
    "fitted": "bool",
    "decisions": "count",
    "cross_validated": "range -30..30",
}
_MONTHS = "int 1..600"  # a time limit: at least a month, at most fifty years
_ARTICLE3_WEIGHT = "int -100..100"

#: The value keys each rule carries and their types, rule by rule. A rule not named here
#: carries no ``value``. Every key is required in every version. A type is one of:
#:
#: * ``int``, ``number`` (an int or a float, never a bool, always finite), either with a
#:   range ``LOW..HIGH`` (both included): ``"int 1..600"``;
#: * ``count``: a whole number from 0; ``tally``: a count from which a share is taken,
#:   each above 0 (the outcome model starts from the log-odds of these shares, and a share
#:   of 0 or 1 would say an outcome can never, or must always, happen whatever the facts);
#: * ``probability``: a number from 0 to 1;
#: * ``range LOW..HIGH``: a pair ``[low, high]`` of numbers in the range, low <= high;
#: * ``bool``, ``str``, ``list of str``, ``dict of number LOW..HIGH`` (any keys);
#: * ``fact paths``: a list of field paths of the scenario format (``case.stage``);
#: * a nested mapping, declaring the sub-keys of a mapping value.
VALUE_SCHEMA: Mapping[str, Schema] = {
    # procedure.yaml
    "red-notice-validity": {"years": "int 1..50"},
    "interpol-membership": {"members": "int 1..1000"},
    "ccf-operating-rules-2026-limits": {"pages": "int 1..10000", "appendices": "int 0..10000"},
    "ccf-filing-post-or-email": {"channel": "str"},
    "ccf-filing-portal-only": {"channel": "str"},
    "ccf-admissibility-timing": {"months": _MONTHS},
    "rci-admissibility-estimate": {"months": _MONTHS},
    "ccf-statute-33-2025-gs-consultation": {"days": "int 1..3650"},
    "ccf-statute-40-access": {"months": _MONTHS},
    "ccf-statute-40-deletion": {"months": _MONTHS},
    "ccf-statute-42-revision": {"months": _MONTHS},
    "ccf-implementation": {"send_months": _MONTHS, "implement_months": _MONTHS},
    "arrest-uk-provisional-arrest-act-2020": {
        "specified_territories": "list of str",
        "eu_members_specified": "bool",
    },
    "ccf-operating-rules-2026-revision": {"pages": "int 1..10000"},
    "ccf-statute-16-sessions": {"sessions_minimum": "int 1..366"},
    # substantive.yaml
    "constitution-art-3": {"military": "bool"},
    "repository-of-practice": {"covers_article_2": "bool"},
    "gs-cheque-threshold": {
        "min_amount_usd": "number 0..1000000000000",
        "repeated_cheques": "int 1..1000000",
    },
    "rpd-83-1-a-ii-penalty": {
        "prosecution_min_years": "number 0..1000",
        "sentence_min_months": "number 0..12000",
    },
    "model-article3-weights": {
        "heavy_offences": "list of str",
        "light_offences": "list of str",
        "offence_weight": {
            "heavy": _ARTICLE3_WEIGHT,
            "ordinary": _ARTICLE3_WEIGHT,
            "light": _ARTICLE3_WEIGHT,
        },
        "own_acts": _ARTICLE3_WEIGHT,
        "indicators": dict.fromkeys(_ARTICLE3_INDICATORS, _ARTICLE3_WEIGHT),
        "strong_margin_corroborated": _ARTICLE3_WEIGHT,
        "strong_margin_uncorroborated": _ARTICLE3_WEIGHT,
        "arguable_from": _ARTICLE3_WEIGHT,
    },
    # outcome.yaml
    "ccf-practice-ncb-silence": {
        "year": "int 1900..2199",
        "deleted_ncb_no_answer": "count",
        "deleted_non_compliant": "count",
    },
    # one tally per outcome (data/rules/outcomes.yaml)
    "ccf-outcome-base-rates": dict.fromkeys(OUTCOME_IDS, "tally"),
    "model-outcome-settings": {
        "alleged": {"strong": "probability", "arguable": "probability"},
        "count_cap": "int 1..100",
        "cleared_by": "dict",
        "set_by_judgement": "list of str",
        "one_arguable_ground_when_ncb_answers": "probability",
        "likelihood_cap": "probability",
        "fit_weight": "dict of number 0..100",
        "prior_sd": "number 0.001..100",
        "min_known_facts": "int 0..1000",
        "medium_confidence_at": "probability",
        "high_right_at_least": "probability",
        "cv_repeats": "int 1..1000",
        "cv_folds": "int 2..100",
        "cv_seed": "int 0..4294967295",
        "facts_that_matter": "fact paths",
        "rests_on": "dict",
    },
    "model-outcome-weights": dict.fromkeys(OUTCOME_FITTED_TERMS, _WEIGHT_TERM),
}

#: Counts and tallies: whole numbers, at most this (a billion).
_MAX_COUNT = 10**9


def _bounds(kind: str) -> tuple[float, float] | None:
    """The ``LOW..HIGH`` at the end of a type, or ``None``."""
    last = kind.rsplit(" ", 1)[-1]
    if ".." not in last:
        return None
    low, high = last.split("..")
    return float(low), float(high)


def _figure(x: float) -> str:
    return f"{int(x):,}" if x == int(x) else f"{x:g}"


def _expected(kind: str) -> str:
    """A type of :data:`VALUE_SCHEMA` in words ("a whole number from 1 to 600")."""
    bounds = _bounds(kind)
    span = f" from {_figure(bounds[0])} to {_figure(bounds[1])}" if bounds else ""
    base = kind.split(" ", 1)[0]
    words = {
        "int": f"a whole number{span}",
        "number": f"a finite number{span}",
        "count": f"a whole number from 0 to {_MAX_COUNT:,}",
        "tally": f"a whole number from 0 to {_MAX_COUNT:,}",
        "probability": "a number from 0 to 1",
        "range": f"a pair [low, high] of numbers{span}, low not above high",
        "bool": "true or false",
        "str": "a text",
    }
    if kind == "list of str":
        return "a list of texts"
    if kind == "fact paths":
        return "a list of fact paths of the scenario format (such as case.stage)"
    if kind.startswith("dict of "):
        return f"a mapping of names to {_expected(kind.removeprefix('dict of '))[2:]}s"
    return words.get(base, base)


def _is_number(item: Any) -> bool:
    return isinstance(item, int | float) and not isinstance(item, bool) and math.isfinite(item)


def _fits(kind: str, item: Any) -> bool:
    """Whether ``item`` is of type ``kind`` (see :data:`VALUE_SCHEMA`)."""
    base = kind.split(" ", 1)[0]
    bounds = _bounds(kind)
    if base in ("int", "count", "tally"):
        if isinstance(item, bool) or not isinstance(item, int):
            return False
        if bounds is None:
            bounds = (-math.inf, math.inf) if base == "int" else (0, _MAX_COUNT)
        low, high = bounds
        return low <= item <= high
    if base == "number":
        if not _is_number(item):
            return False
        return bounds is None or bounds[0] <= item <= bounds[1]
    if base == "probability":
        return _is_number(item) and 0 <= item <= 1
    if base == "range":
        if not (isinstance(item, list) and len(item) == 2 and all(map(_is_number, item))):
            return False
        low, high = bounds if bounds else (-math.inf, math.inf)
        return bool(low <= item[0] <= item[1] <= high)
    if base == "bool":
        return isinstance(item, bool)
    if base == "str":
        return isinstance(item, str)
    if kind == "list of str":
        return isinstance(item, list) and all(isinstance(x, str) for x in item)
    if kind == "fact paths":
        return isinstance(item, list)  # each path is checked by _check_fact_paths
    if kind.startswith("dict of "):
        inner = kind.removeprefix("dict of ")
        return isinstance(item, dict) and all(
            isinstance(k, str) and _fits(inner, v) for k, v in item.items()
        )
    if base == "list":
        return isinstance(item, list)
    if base == "dict":
        return isinstance(item, dict)
    raise AssertionError(f"unknown type {kind!r} in VALUE_SCHEMA")


def shown(item: Any) -> str:
    """A found value for a message: its repr, cut short (a value may be huge)."""
    text = repr(item)
    return text if len(text) <= 60 else text[:57] + "..."


_PATH_FORM = re.compile(r"[a-z_]+(\.[a-z_]+)+")


def check_value(rule_id: str, where: str, value: Mapping[str, Any], prefix: str = "") -> None:
    """Refuse a version's ``value`` that does not match the rule's declared schema: unknown
    or missing keys, wrong types, numbers out of their range (see :data:`VALUE_SCHEMA`)."""
    declared: Schema = VALUE_SCHEMA.get(rule_id, {})
    for part in prefix.split(".")[:-1]:
        sub = declared[part]
        assert not isinstance(sub, str)
        declared = sub
    for key, item in value.items():
        name = f"{prefix}{key}"
        if key not in declared:
            allowed = ", ".join(declared) if declared else "no value keys"
            raise ReferenceDataError(
                f"rule catalogue {where}: unknown value key '{shown(name)[1:-1]}' for rule "
                f"'{rule_id}'{did_you_mean(str(key), declared)}; the rule declares {allowed}"
            )
        kind = declared[key]
        if not isinstance(kind, str):
            if not isinstance(item, dict):
                raise ReferenceDataError(
                    f"rule catalogue {where}: value key '{name}' of rule '{rule_id}' must be "
                    f"a mapping of {', '.join(kind)}, found {shown(item)}"
                )
            check_value(rule_id, where, item, f"{name}.")
            continue
        if not _fits(kind, item):
            raise ReferenceDataError(
                f"rule catalogue {where}: value key '{name}' of rule '{rule_id}' must be "
                f"{_expected(kind)}, found {shown(item)}"
            )
        if kind == "fact paths":
            _check_fact_paths(rule_id, where, name, item)
    missing = [f"'{prefix}{k}'" for k in declared if k not in value]
    if missing:
        raise ReferenceDataError(
            f"rule catalogue {where}: rule '{rule_id}' is missing value key(s) {', '.join(missing)}"
        )
    empty = [k for k, kind in declared.items() if kind == "tally" and value[k] <= 0]
    if empty:
        raise ReferenceDataError(
            f"rule catalogue {where}: value key(s) {', '.join(f'{prefix}{k}' for k in empty)} "
            f"of rule '{rule_id}': expected a count above 0 (a share of each outcome is taken "
            "from these counts, and the model cannot start from a share of 0), found 0"
        )


def check_across_rules(versions: Mapping[str, Iterable[Mapping[str, Any]]]) -> None:
    """The checks that join two rules' values: ``versions`` maps a rule id to the values of
    its versions. The complaints where the NCB did not answer are a part of the deletions:
    fewer than the deletions of every base-rate version, so that some deletions followed
    an answer (the model takes the share deleted among answered complaints)."""
    silent = max(
        (int(v["deleted_ncb_no_answer"]) for v in versions.get(SILENCE_RULE, ())), default=0
    )
    deleted = min(
        (int(v["not_compliant"]) for v in versions.get(BASE_RATES_RULE, ())), default=silent + 1
    )
    if silent >= deleted:
        raise ReferenceDataError(
            f"rule catalogue: value key 'deleted_ncb_no_answer' of rule '{SILENCE_RULE}': "
            f"expected fewer than the {deleted:,} deletions ('not_compliant') of rule "
            f"'{BASE_RATES_RULE}', of which it is a part, found {silent:,}"
        )


def _check_fact_paths(rule_id: str, where: str, name: str, paths: list[Any]) -> None:
    known = known_fact_paths()
    for index, path in enumerate(paths):
        if not isinstance(path, str) or not _PATH_FORM.fullmatch(path):
            path_is_known = False
        else:
            path_is_known = known is None or path in known
        if not path_is_known:
            hint = did_you_mean(path, known) if isinstance(path, str) and known else ""
            raise ReferenceDataError(
                f"rule catalogue {where}: value key '{name}[{index}]' of rule '{rule_id}' must "
                f"be a fact path of the scenario format such as case.stage, found "
                f"{shown(path)}{hint}"
            )
