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

from checklists.errors import SEPARATORS, Message, Wording, messages
from checklists.errors import language as process_language
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
# Why an indicator stopped at its level, in the language shown: the report (always Chinese) and
# the command line (rate-stars, inspection show). In English the inputs are named by their keys
# and measured in the units rate-stars' JSON takes (as typed), the standard's names kept.
MESSAGES = messages({
    "stars.level.0": ("未达一星级", "below one star"),
    "stars.level.1": ("一星级", "one star"),
    "stars.level.2": ("二星级", "two stars"),
    "stars.level.3": ("三星级", "three stars"),
    "stars.level.4": ("四星级", "four stars"),
    "stars.level.5": ("五星级", "five stars"),
    "stars.reason.at_least": ("{measure}，{target}需≥{needed}{others}", "{measure}; needs ≥ {needed} for {target}{others}"),
    "stars.reason.or": ("（或{name}≥{needed}，实际 {actual}）", " (or {name} ≥ {needed}, actually {actual})"),
    "stars.reason.min_grade": ("{name} {actual} 档，{target}需 {needed} 档{better}",
                               "{name} {actual}; needs {needed}{better} for {target}"),
    "stars.reason.min_count": ("{name} {count}{unit}，{target}需 {needed}{unit}以上",
                               "{name} {count}{unit}; needs {needed}{unit} or more for {target}"),
    "stars.reason.all_of": ("缺少{name}：{missing}，{target}需具备全部 {count} 项",
                            "{name} lacks {missing}; needs all {count} for {target}"),
    "stars.reason.judged": ("检查人员评定为{level}", "the inspector judged it {level}"),
    "stars.reason.top": ("达到{level}", "reaches {level}"),
})


class Said(Wording):
    """Data written as each language writes it: the standard's label and unit in Chinese, the
    input's key and the value as rate-stars takes it in English."""

    __slots__ = ("chinese", "english")

    def __init__(self, chinese: str, english: str) -> None:
        self.chinese, self.english = chinese, english

    def text(self, language: str | None = None) -> str:
        return self.english if (language or process_language()) == "en" else self.chinese

def level_label(level: int) -> str:
    """一星级 … 五星级, or 未达一星级 for 0."""
    return STAR_SCALE[level].label


@dataclass(frozen=True)
class IndicatorLevel:
    """The level one indicator reached, and why it stopped there (in Chinese)."""

    name: str
    code: str
    level: int
    reason: str  # in Chinese (the report's words)
    why: tuple[Wording, ...] = field(default=(), compare=False)  # the reason, to word in any language

    @property
    def label(self) -> str:
        return level_label(self.level)

    def reason_text(self, language: str | None = None) -> str:
        """:attr:`reason` in *language* (the process's by default)."""
        if not self.why:
            return self.reason
        wanted = language or process_language()
        return SEPARATORS.get(wanted, SEPARATORS["zh_CN"]).join(part.text(wanted) for part in self.why)


@dataclass(frozen=True)
class StarRating:
    """A park's star level (星级), the indicators that hold it down and each indicator's level."""

    stars: int
    limited_by: tuple[str, ...]
    indicators: tuple[IndicatorLevel, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        return level_label(self.stars)

    def to_dict(self, language: str = "zh_CN") -> dict[str, Any]:
        """The rating as data; its reasons in *language* (Chinese in a report's results)."""
        return {
            "stars": self.stars,
            "limited_by": list(self.limited_by),
            "indicators": [
                {"name": i.name, "code": i.code, "level": i.level, "reason": i.reason_text(language)}
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
    measured, failures = 0, list[Wording]()
    for level in range(1, MAX_LEVEL + 1):
        failures = [unmet for requirement in requirements
                    if (unmet := _unmet(requirement, level, inputs)) is not None]
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
    reasons: list[Wording] = failures if measured == level and level < MAX_LEVEL else []
    if judged == level and level < MAX_LEVEL:
        reasons.append(Message("stars.reason.judged", level=_level(judged)))
    why = tuple(reasons) or (Message("stars.reason.top", level=_level(MAX_LEVEL)),)
    reason = SEPARATORS["zh_CN"].join(part.text("zh_CN") for part in why)
    return IndicatorLevel(name=node.title, code=node.code, level=level, reason=reason, why=why)


def _level(level: int) -> Message:
    return Message(f"stars.level.{level}")


def _unmet(requirement: Mapping[str, Any], level: int, inputs: StarInputs) -> Wording | None:
    """Why *inputs* miss *requirement* at *level*; None when met or when it does not apply."""
    key, kind, target = str(level), requirement["kind"], _level(level)
    if kind == "at_least":
        park_type = requirement.get("park_type")
        if park_type is not None and park_type != inputs.park_type:
            return None
        measures = [m for m in requirement["any_of"] if key in m["min"]]
        if not measures or any(_meets(m, key, inputs) for m in measures):
            return None
        first, *others = measures
        alternatives = [Message("stars.reason.or", name=Said(m["label"], m["key"]), needed=_needed(m, key),
                                actual=_amount_of(m, inputs)) for m in others]
        return Message("stars.reason.at_least", measure=_actual(first, inputs), target=target,
                       needed=_needed(first, key), others=Joined(tuple(alternatives)))
    if kind == "min_grade":
        needed = requirement["min"].get(key)
        grades = list(requirement["grades"])
        actual = getattr(inputs, requirement["key"])
        if needed is None or grades.index(actual) <= grades.index(needed):
            return None
        better = "" if needed == grades[0] else Said("及以上", " or better")
        return Message("stars.reason.min_grade", name=Said(requirement["label"], requirement["key"]),
                       actual=actual, target=target, needed=needed, better=better)
    chosen = set(getattr(inputs, requirement["key"]))
    if kind == "min_count":
        needed = requirement["min"].get(key)
        if needed is None or len(chosen) >= needed:
            return None
        unit = Said(f" {requirement['unit']}", "")
        return Message("stars.reason.min_count", name=Said(requirement["label"], requirement["key"]),
                       count=len(chosen), unit=unit, target=target, needed=needed)
    if kind == "all_of":
        missing = [item for item in requirement["items"] if item not in chosen]
        if key not in requirement["levels"] or not missing:
            return None
        return Message("stars.reason.all_of", name=Said(requirement["label"], requirement["key"]),
                       missing=missing, target=target, count=len(requirement["items"]))
    raise ValueError(f"unknown kind of star rule {kind!r}")


def _meets(measure: Mapping[str, Any], level_key: str, inputs: StarInputs) -> bool:
    value = getattr(inputs, measure["key"])
    if value is None:  # land area of a service park
        return False
    needed = Decimal(str(measure["min"][level_key])) * Decimal(str(measure["input_per_unit"]))
    return _exact(value) >= needed


def _actual(measure: Mapping[str, Any], inputs: StarInputs) -> Said:
    amount = _amount_of(measure, inputs)
    return Said(f"{measure['label']} {amount.chinese}", f"{measure['key']} {amount.english}")


def _amount_of(measure: Mapping[str, Any], inputs: StarInputs) -> Said:
    """The input expressed in the standard's unit (平方米 as 万平方米, a fraction as %); in English
    as rate-stars takes it."""
    value = getattr(inputs, measure["key"])
    if value is None:
        return Said("未填写", "not given")
    return Said(_amount(_exact(value) / Decimal(str(measure["input_per_unit"])), measure["unit"]),
                _number(_exact(value)))


def _needed(measure: Mapping[str, Any], level_key: str) -> Said:
    """A threshold in the standard's unit (Chinese), or in the input's (English)."""
    needed = measure["min"][level_key]
    return Said(_amount(needed, measure["unit"]),
                _number(Decimal(str(needed)) * Decimal(str(measure["input_per_unit"]))))


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


class Joined(Wording):
    """Words one after another, with nothing between them."""

    __slots__ = ("parts",)

    def __init__(self, parts: tuple[Wording, ...]) -> None:
        self.parts = parts

    def text(self, language: str | None = None) -> str:
        return "".join(part.text(language) for part in self.parts)


def _amount(value: Any, unit: str) -> str:
    number = format(Decimal(str(value)).normalize(), "f")
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def _exact(value: float | int) -> Decimal:
    """*value* as a Decimal that is exact at the thresholds (0.6 is 0.6, not 0.59999…)."""
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(round(value, _DECIMALS)))
