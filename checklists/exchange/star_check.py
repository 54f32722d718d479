"""Checks of a star indicator's measured inputs and rule as a spreadsheet gives them.

The rating (:mod:`checklists.stars`) knows a fixed set of inputs; a rule compares an input in
the standard's unit (万平方米, %) and converts with ``input_per_unit``. A unit this program
does not know, or a factor that does not match the two units, would rate parks wrongly, so
both are refused here with the row.
"""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from checklists.star_inputs import INPUT_KEYS

# unit → (the unit it is measured in, how many of those one of it is)
UNITS: dict[str, tuple[str, Decimal]] = {
    "亩": ("亩", Decimal(1)),
    "平方米": ("平方米", Decimal(1)),
    "万平方米": ("平方米", Decimal(10000)),
    "家": ("家", Decimal(1)),
    "项": ("项", Decimal(1)),
    "档": ("档", Decimal(1)),
    "比例": ("比例", Decimal(1)),
    "%": ("比例", Decimal("0.01")),
}
INPUT_TYPES = ("number", "grade", "choices")
RULE_KINDS = ("at_least", "min_grade", "min_count", "all_of")

Problem = tuple[str, dict[str, Any]]  # (message code, arguments)


def check_inputs(inputs: Any) -> list[Problem]:
    if not isinstance(inputs, list) or not all(isinstance(i, Mapping) for i in inputs):
        return [("import.inputs_shape", {})]
    problems: list[Problem] = []
    for spec in inputs:
        key = spec.get("key")
        if key not in INPUT_KEYS:
            problems.append(("import.unknown_input", {"key": key, "known": "、".join(INPUT_KEYS)}))
        if spec.get("type") not in INPUT_TYPES:
            problems.append(("import.input_type", {"key": key, "known": "、".join(INPUT_TYPES)}))
        unit = spec.get("unit", "")
        if unit and unit not in UNITS:
            problems.append(("import.bad_unit", {"unit": unit, "known": "、".join(UNITS)}))
    return problems


def check_rule(rule: Any, inputs: Any) -> list[Problem]:
    if not isinstance(rule, Mapping) or not isinstance(rule.get("requirements"), list):
        return [("import.rule_shape", {})]
    units: dict[str, str] = {
        str(spec.get("key")): str(spec.get("unit", "")) for spec in inputs
        if isinstance(spec, Mapping)} if isinstance(inputs, list) else {}
    problems: list[Problem] = []
    for requirement in rule["requirements"]:
        if not isinstance(requirement, Mapping) or requirement.get("kind") not in RULE_KINDS:
            kind = requirement.get("kind") if isinstance(requirement, Mapping) else requirement
            problems.append(("import.rule_kind", {"kind": kind, "known": "、".join(RULE_KINDS)}))
            continue
        if requirement["kind"] != "at_least":
            if requirement.get("key") not in units:
                problems.append(("import.rule_key", {"key": requirement.get("key")}))
            continue
        for measure in requirement.get("any_of", ()):
            problems += _check_measure(measure, units)
    return problems


def _check_measure(measure: Any, units: Mapping[str, str]) -> list[Problem]:
    if not isinstance(measure, Mapping) or measure.get("key") not in units:
        key = measure.get("key") if isinstance(measure, Mapping) else measure
        return [("import.rule_key", {"key": key})]
    unit, input_unit = measure.get("unit", ""), units[measure["key"]]
    for name in (unit, input_unit):
        if name not in UNITS:
            return [("import.bad_unit", {"unit": name, "known": "、".join(UNITS)})]
    base, size = UNITS[unit]
    input_base, input_size = UNITS[input_unit]
    try:
        actual = Decimal(str(measure.get("input_per_unit")))
    except ArithmeticError:
        actual = Decimal(-1)
    expected = size / input_size
    if base != input_base or actual != expected:
        return [("import.unit_mismatch", {
            "key": measure["key"], "input_unit": input_unit, "unit": unit,
            "expected": format(expected.normalize(), "f") if base == input_base else "—",
            "actual": measure.get("input_per_unit")})]
    return []
