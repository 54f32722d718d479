"""Rate a 小微企业园 (small and micro enterprise park) on the 001 star matrix, as pure functions.

The thresholds come from the template (``attrs["rule"]`` of each star indicator); this module
only knows how to read them. An indicator reaches a level when it meets every requirement of
that level and of all levels below it; where the standard's wording is qualitative the
inspector's judged level caps it. The park's star level is its lowest indicator level.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from checklists.model import STAR_SCALE, Node, NodeKind, Template
from checklists.star_inputs import MAX_LEVEL, StarInputs

# The source table sets each indicator's requirements per level but never says how the park's
# level follows from the eight. The program applies this principle; it is shown as such
# (the template's reference text, the report), never as a quotation of the standard.
OVERALL_PRINCIPLE = "园区星级取各指标达到等级中的最低者"
OVERALL_PRINCIPLE_NOTE = (
    "标准原文只列出各指标每一星级的要求，未规定园区总星级如何由各指标确定。本程序采用的评定原则是："
    f"{OVERALL_PRINCIPLE}，即每项指标都达到某一星级，园区才评为该星级。此为评定原则，并非标准原文。")
# Thresholds are compared in Decimal because binary floats miss them (0.57 * 100 is
# 56.99999999999999); inputs are first rounded to nine decimals so that float noise in a
# computed share (0.1 * 6 = 0.6000000000000001, or 1e-16 below) cannot decide a boundary.
_DECIMALS = 9

def level_label(level: int) -> str:
    """一星级 … 五星级, or 未达一星级 for 0."""
    return STAR_SCALE[level].label


@dataclass(frozen=True)
class IndicatorLevel:
    """The level one indicator reached, and why it stopped there (in Chinese)."""

    name: str
    code: str
    level: int
    reason: str

    @property
    def label(self) -> str:
        return level_label(self.level)


@dataclass(frozen=True)
class StarRating:
    """A park's star level (星级), the indicators that hold it down and each indicator's level."""

    stars: int
    limited_by: tuple[str, ...]
    indicators: tuple[IndicatorLevel, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        return level_label(self.stars)

    def to_dict(self) -> dict[str, Any]:
        return {
            "stars": self.stars,
            "limited_by": list(self.limited_by),
            "indicators": [
                {"name": i.name, "code": i.code, "level": i.level, "reason": i.reason}
                for i in self.indicators
            ],
        }


def rate(template: Template, inputs: StarInputs) -> StarRating:
    """The star level of a park: the lowest level over the template's star indicators."""
    indicators = tuple(rate_indicator(node, inputs) for node in template.items()
                       if node.kind is NodeKind.STAR)
    if not indicators:
        raise ValueError(f"template {template.id} has no star indicators to rate")
    stars = min(indicator.level for indicator in indicators)
    limited_by = () if stars == MAX_LEVEL else tuple(
        indicator.name for indicator in indicators if indicator.level == stars)
    return StarRating(stars=stars, limited_by=limited_by, indicators=indicators)


def rate_indicator(node: Node, inputs: StarInputs) -> IndicatorLevel:
    """The highest level whose requirements (and all lower levels') *node* meets, and why."""
    requirements = node.attrs.get("rule", {}).get("requirements", ())
    measured, failures = 0, []
    for level in range(1, MAX_LEVEL + 1):
        failures = [reason for requirement in requirements
                    if (reason := _unmet(requirement, level, inputs)) is not None]
        if failures:
            break
        measured = level
    judged = None
    if node.attrs.get("judged"):
        if node.title not in inputs.judged_levels:
            raise ValueError(f"indicator {node.code} needs the inspector's judged level,"
                             f" which the inputs lack")
        judged = inputs.judged_levels[node.title]
    level = measured if judged is None else min(measured, judged)
    reasons = failures if measured == level and level < MAX_LEVEL else []
    if judged == level and level < MAX_LEVEL:
        reasons.append(f"检查人员评定为{level_label(judged)}")
    reason = "；".join(reasons) if reasons else f"达到{level_label(MAX_LEVEL)}"
    return IndicatorLevel(name=node.title, code=node.code, level=level, reason=reason)


def _unmet(requirement: Mapping[str, Any], level: int, inputs: StarInputs) -> str | None:
    """Why *inputs* miss *requirement* at *level*; None when met or when it does not apply."""
    key, kind, target = str(level), requirement["kind"], level_label(level)
    if kind == "at_least":
        park_type = requirement.get("park_type")
        if park_type is not None and park_type != inputs.park_type:
            return None
        measures = [m for m in requirement["any_of"] if key in m["min"]]
        if not measures or any(_meets(m, key, inputs) for m in measures):
            return None
        first, *others = measures
        reason = f"{_actual(first, inputs)}，{target}需≥{_amount(first['min'][key], first['unit'])}"
        alternatives = [f"或{m['label']}≥{_amount(m['min'][key], m['unit'])}，"
                        f"实际 {_amount_of(m, inputs)}" for m in others]
        return reason + "".join(f"（{text}）" for text in alternatives)
    if kind == "min_grade":
        needed = requirement["min"].get(key)
        grades = list(requirement["grades"])
        actual = getattr(inputs, requirement["key"])
        if needed is None or grades.index(actual) <= grades.index(needed):
            return None
        suffix = "" if needed == grades[0] else "及以上"
        return (f"{requirement['label']} {actual} 档，"
                f"{target}需 {needed} 档{suffix}")
    chosen = set(getattr(inputs, requirement["key"]))
    if kind == "min_count":
        needed = requirement["min"].get(key)
        if needed is None or len(chosen) >= needed:
            return None
        unit = requirement["unit"]
        return f"{requirement['label']} {len(chosen)} {unit}，{target}需 {needed} {unit}以上"
    if kind == "all_of":
        missing = [item for item in requirement["items"] if item not in chosen]
        if key not in requirement["levels"] or not missing:
            return None
        return (f"缺少{requirement['label']}：{'、'.join(missing)}，"
                f"{target}需具备全部 {len(requirement['items'])} 项")
    raise ValueError(f"unknown kind of star rule {kind!r}")


def _meets(measure: Mapping[str, Any], level_key: str, inputs: StarInputs) -> bool:
    value = getattr(inputs, measure["key"])
    if value is None:  # land area of a service park
        return False
    needed = Decimal(str(measure["min"][level_key])) * Decimal(str(measure["input_per_unit"]))
    return _exact(value) >= needed


def _actual(measure: Mapping[str, Any], inputs: StarInputs) -> str:
    return f"{measure['label']} {_amount_of(measure, inputs)}"


def _amount_of(measure: Mapping[str, Any], inputs: StarInputs) -> str:
    """The input expressed in the standard's unit (平方米 as 万平方米, a fraction as %)."""
    value = getattr(inputs, measure["key"])
    if value is None:
        return "未填写"
    return _amount(_exact(value) / Decimal(str(measure["input_per_unit"])), measure["unit"])


def _amount(value: Any, unit: str) -> str:
    number = format(Decimal(str(value)).normalize(), "f")
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def _exact(value: float | int) -> Decimal:
    """*value* as a Decimal that is exact at the thresholds (0.6 is 0.6, not 0.59999…)."""
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(round(value, _DECIMALS)))
