"""What a 小微企业园's star rating is computed from (评定依据): the measured values and the
inspector's judged levels, as the ``rate-stars`` JSON object and the star inputs on screen give
them, checked field by field (every problem named) before anything is rated or stored."""
from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checklists.errors import InvalidInput, Message, messages
from checklists.model import Node

MAX_LEVEL = 5
PARK_TYPES: dict[str, str] = {"manufacturing": "生产制造类", "service": "生产性服务类等其他类"}
GRADES: tuple[str, ...] = ("A", "B", "C", "D")  # best first
SERVICE_FUNCTIONS: tuple[str, ...] = (
    "政策咨询", "政务代办", "投融资", "创新支持", "人才招聘", "专家服务", "创业辅导", "员工培训",
)
MAX_FUNCTION_NAME = 30  # characters of a function the inspector names beyond the eight
JUDGED_INDICATORS: tuple[str, ...] = ("产业特色", "运营管理", "配套设施", "园区服务", "园区数字化")
INPUT_KEYS: tuple[str, ...] = (
    "park_type", "performance_grade", "land_area_mu", "floor_area_m2", "enterprises",
    "leading_industry_share", "service_functions", "judged_levels",
)
MESSAGES = messages({
    "stars.problems": ("{problems}", "{problems}"),
    "stars.field": ("{field}: {problem}", "{field}: {problem}"),
    "stars.not_an_object": ("输入应为 JSON 对象，收到 {value}", "The input should be a JSON object, got {value}"),
    "stars.unknown_field": ("未知字段（可用字段：{fields}）", "unknown field (the fields are {fields})"),
    "stars.missing": ("缺少此项", "missing"),
    "stars.missing_land": ("缺少此项（生产制造类园区必填）", "missing (required for a manufacturing park)"),
    "stars.park_type": (
        "应为 " + " 或 ".join(f"{key}（{name}）" for key, name in PARK_TYPES.items())
        + "，收到 {value}",
        "should be " + " or ".join(PARK_TYPES) + ", got {value}"),
    "stars.grade": ("应为 {choices} 之一，收到 {value}", "should be one of {choices}, got {value}"),
    "stars.not_a_number": ("应为数字，收到 {value}", "should be a number, got {value}"),
    "stars.not_finite": ("应为有限的数字，收到 {value}", "should be a finite number, got {value}"),
    "stars.negative": ("不能为负数，收到 {value}", "cannot be negative, got {value}"),
    "stars.not_a_count": ("应为非负整数，收到 {value}", "should be a whole number of 0 or more, got {value}"),
    "stars.not_a_share": ("应为 0 到 1 之间的比例，收到 {value}",
                          "should be a share between 0 and 1, got {value}"),
    "stars.not_a_list": ("应为公共服务功能名称的列表，收到 {value}",
                         "should be a list of names of public service functions, got {value}"),
    "stars.empty_function": ("公共服务功能的名称应为非空文字，收到 {value}",
                             "the name of a public service function should be text, not empty;"
                             " got {value}"),
    "stars.long_function": ("公共服务功能的名称过长（最多 {most} 字）：{value}",
                            "the name of a public service function is too long (at most {most}"
                            " characters): {value}"),
    "stars.repeated_function": ("重复的公共服务功能 {value}", "the public service function {value} is named twice"),
    "stars.not_levels": ("应为 {{指标名称: 0–{most} 的星级}} 的对象，收到 {value}",
                         "should be an object {{indicator name: star level 0–{most}}}, got {value}"),
    "stars.unknown_judged": ("未知的评定指标（应为 {names}）",
                             "unknown judged indicator (should be one of {names})"),
    "stars.judged_missing": ("缺少检查人员评定的星级", "the inspector's judged star level is missing"),
    "stars.not_a_level": ("应为 0 到 {most} 之间的整数，收到 {value}",
                          "should be a whole number from 0 to {most}, got {value}"),
    "stars.not_measurements": ("value: 测量值应为 {{测量项: 数值}} 的对象，收到 {value}",
                               "value: the measured values should be an object {{measure: number}},"
                               " got {value}"),
    "stars.no_such_measure": ("{key}: 条目“{code} {title}”没有测量项“{key}”（可用：{available}）",
                              "{key}: item \"{code} {title}\" has no measure \"{key}\" (it has"
                              " {available})"),
    "stars.nothing_to_measure": ("{key}: 条目“{code} {title}”没有测量项“{key}”（该条目没有需要测量的数值）",
                                 "{key}: item \"{code} {title}\" has no measure \"{key}\" (the"
                                 " item has no values to measure)"),
})


@dataclass(frozen=True)
class StarInputs:
    """The measured values and judged levels a star rating is computed from (评定依据)."""

    park_type: str  # a key of PARK_TYPES
    performance_grade: str  # one of GRADES
    floor_area_m2: float
    enterprises: int
    leading_industry_share: float  # a fraction, 0–1
    service_functions: tuple[str, ...]  # SERVICE_FUNCTIONS' order, then others named on site
    judged_levels: Mapping[str, int]  # JUDGED_INDICATORS -> 0–5
    land_area_mu: float | None = None  # required for manufacturing parks only

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> StarInputs:
        """Validate a ``rate-stars`` JSON object; raise InvalidInput naming every bad field."""
        if not isinstance(data, Mapping):
            raise InvalidInput("stars.not_an_object", value=_show(data))
        errors = [_unknown_field(key) for key in data if key not in INPUT_KEYS]
        errors += [Message("stars.field", field=key, problem=Message(
            "stars.missing_land" if key == "land_area_mu" else "stars.missing"))
            for key in _missing_top_level(data)]
        values: dict[str, Any] = {}
        for key in _VALIDATORS:
            if data.get(key) is None:
                continue
            try:
                values[key] = validate_input(key, data[key])
            except InvalidInput as error:
                errors += _problems(error)
        if errors:
            raise InvalidInput("stars.problems", problems=errors)
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        """The inputs as a ``rate-stars`` JSON object (what :meth:`from_mapping` reads)."""
        data: dict[str, Any] = {key: getattr(self, key) for key in INPUT_KEYS}
        data["service_functions"] = list(self.service_functions)
        data["judged_levels"] = dict(self.judged_levels)
        if self.land_area_mu is None:
            del data["land_area_mu"]
        return data


def validate_input(key: str, value: Any) -> Any:
    """One input of a star rating, checked (and normalised) as :meth:`StarInputs.from_mapping`
    checks it; raises InvalidInput naming the field (``enterprises: 应为非负整数…``)."""
    check = _VALIDATORS.get(key)
    if check is None:
        raise InvalidInput("stars.problems", problems=[_unknown_field(key)])
    try:
        return check(value)
    except _FieldError as error:
        raise InvalidInput("stars.problems", problems=[
            Message("stars.field", field=f"{key}{subfield}", problem=problem)
            for subfield, problem in error.problems]) from None


def _unknown_field(key: str) -> Message:
    return Message("stars.field", field=key,
                   problem=Message("stars.unknown_field", fields=list(INPUT_KEYS)))


def _problems(error: InvalidInput) -> list[Message]:
    """The messages of *error* (one or several problems) as a list."""
    problems = error.arguments.get("problems") if error.code == "stars.problems" else None
    return list(problems) if isinstance(problems, list) else [error.message()]


def validate_measurements(node: Node, values: Mapping[str, Any]) -> None:
    """Check the measured values recorded for one star indicator before they are stored.

    Only the indicator's own inputs (``attrs["inputs"]``) are allowed, each checked by
    :func:`validate_input`, so whatever is stored can later be rated. None means "not filled
    in yet". Raises InvalidInput naming the field.
    """
    if not isinstance(values, Mapping):
        raise InvalidInput("stars.not_measurements", value=_show(values))
    allowed = [spec["key"] for spec in node.attrs.get("inputs", ())]
    for key, value in values.items():
        if key not in allowed and allowed:
            raise InvalidInput("stars.no_such_measure", key=key, code=node.code, title=node.title,
                               available=allowed)
        if key not in allowed:
            raise InvalidInput("stars.nothing_to_measure", key=key, code=node.code,
                               title=node.title)
        if value is not None:
            validate_input(key, value)


def missing_inputs(data: Mapping[str, Any]) -> list[str]:
    """The inputs still needed before :func:`rate` can run (``judged_levels.运营管理`` style).

    Values are not validated here; this is what a form shows as still to be filled in.
    """
    missing = _missing_top_level(data)
    judged = data.get("judged_levels")
    if isinstance(judged, Mapping):
        missing += [f"judged_levels.{name}" for name in JUDGED_INDICATORS
                    if judged.get(name) is None]
    elif "judged_levels" in missing:
        missing.remove("judged_levels")
        missing += [f"judged_levels.{name}" for name in JUDGED_INDICATORS]
    return missing


# ---- validation -------------------------------------------------------------------------


class _FieldError(ValueError):
    """Bad values of one field: (subfield, message) pairs; a subfield is like ``.运营管理``."""

    def __init__(self, code: str = "", *, problems: list[tuple[str, Message]] | None = None,
                 **arguments: object) -> None:
        self.problems = problems if problems is not None else [("", Message(code, **arguments))]
        super().__init__("; ".join(problem.text("en") for _, problem in self.problems))


def _show(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def _missing_top_level(data: Mapping[str, Any]) -> list[str]:
    # Land area only counts for manufacturing parks; ask for it unless the park is a service one.
    required = [k for k in INPUT_KEYS if k != "land_area_mu" or data.get("park_type") != "service"]
    return [key for key in required if data.get(key) is None]


def _park_type(value: Any) -> str:
    if value not in PARK_TYPES:
        raise _FieldError("stars.park_type", value=_show(value))
    return value


def _grade(value: Any) -> str:
    if value not in GRADES:
        raise _FieldError("stars.grade", choices=list(GRADES), value=_show(value))
    return value


def _number(value: Any) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _FieldError("stars.not_a_number", value=_show(value))
    if not math.isfinite(value):
        raise _FieldError("stars.not_finite", value=_show(value))
    if value < 0:
        raise _FieldError("stars.negative", value=_show(value))
    return value


def _count(value: Any) -> int:
    number = _number(value)
    if isinstance(number, float) and not number.is_integer():
        raise _FieldError("stars.not_a_count", value=_show(value))
    return int(number)


def _share(value: Any) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _FieldError("stars.not_a_number", value=_show(value))
    if not 0 <= value <= 1:  # also refuses NaN
        raise _FieldError("stars.not_a_share", value=_show(value))
    return value


def _service_functions(value: Any) -> tuple[str, ...]:
    """The named functions in SERVICE_FUNCTIONS order, then the inspector's others as given.

    The standard asks for "政策咨询、…、员工培训等方面 N 项以上": functions beyond the eight it
    names count towards N. Five stars need "各项服务功能", i.e. all eight named ones.
    """
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise _FieldError("stars.not_a_list", value=_show(value))
    seen: list[str] = []
    for raw in value:
        name = raw.strip() if isinstance(raw, str) else raw
        if not isinstance(name, str) or not name:
            raise _FieldError("stars.empty_function", value=_show(raw))
        if len(name) > MAX_FUNCTION_NAME:
            raise _FieldError("stars.long_function", most=MAX_FUNCTION_NAME, value=_show(name))
        if name in seen:
            raise _FieldError("stars.repeated_function", value=_show(name))
        seen.append(name)
    return tuple(n for n in SERVICE_FUNCTIONS if n in seen) + tuple(
        n for n in seen if n not in SERVICE_FUNCTIONS)


def _judged_levels(value: Any) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise _FieldError("stars.not_levels", most=MAX_LEVEL, value=_show(value))
    problems = [(f".{name}", Message("stars.unknown_judged", names=list(JUDGED_INDICATORS)))
                for name in value if name not in JUDGED_INDICATORS]
    levels = {}
    for name in JUDGED_INDICATORS:
        level = value.get(name)
        if level is None:
            problems.append((f".{name}", Message("stars.judged_missing")))
        elif isinstance(level, bool) or not isinstance(level, (int, float)) \
                or level not in range(MAX_LEVEL + 1):
            problems.append((f".{name}", Message("stars.not_a_level", most=MAX_LEVEL,
                                                 value=_show(level))))
        else:
            levels[name] = int(level)
    if problems:
        raise _FieldError(problems=problems)
    return levels


_VALIDATORS = {
    "park_type": _park_type,
    "performance_grade": _grade,
    "land_area_mu": _number,
    "floor_area_m2": _number,
    "enterprises": _count,
    "leading_industry_share": _share,
    "service_functions": _service_functions,
    "judged_levels": _judged_levels,
}
