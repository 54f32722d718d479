"""One measured input of a star indicator, as the form reads and shows it: the text typed in
its field read in the field's unit (``star_numbers.read_amount``), or refused with the reason
the inspector reads; what a typed unit was read as; the number stored (a percentage as a
fraction) and the text a stored number is shown as.

*spec* is the input as the template declares it (``label``, ``unit``, ``integer``); no widgets
here — the form (star_inputs.py) holds the fields and says what these functions return.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ui.base.i18n import tr
from ui.inspection_view.star_numbers import NotANumber, looks_like_a_fraction, read_amount

PERCENT_UNITS = {"比例"}  # a fraction stored 0–1, typed as a percentage
TOP = {"比例": 100.0}  # the largest number a field takes (in what is typed)
INTEGER_TOP = 10_000_000


def units_tip(unit: str) -> str:
    """The units a field takes, for its tooltip and its refusal."""
    return {"平方米": tr("可带单位：平方米、万平方米（如 4.8万）、亩、公顷"),
            "亩": tr("可带单位：亩、平方米、万平方米、公顷"),
            "比例": tr("百分数，如 62 表示 62%"),
            "家": tr("整数，如 35")}.get(unit, "")


def number_text(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def is_percent(spec: Mapping[str, Any]) -> bool:
    return spec.get("unit") in PERCENT_UNITS


def read_measurement(spec: Mapping[str, Any], text: str) -> tuple[float, bool]:
    """The number *text* means in the field's unit (a percentage as typed), and whether a unit
    typed with it was converted. Raises :class:`NotANumber`."""
    unit = spec.get("unit", "")
    return read_amount(text, unit, integer=bool(spec.get("integer")),
                       top=INTEGER_TOP if spec.get("integer") else TOP.get(unit))


def why_refused(spec: Mapping[str, Any], text: str) -> str | None:
    """Why *text* cannot be saved in the field; None when it can (or is empty)."""
    text = text.strip()
    if not text:
        return None
    try:
        read_measurement(spec, text)
        return None
    except NotANumber as why:
        kind, unit = why.kind, why.unit
    if kind == "unit":
        return tr("{0}：不认识单位“{1}”（{2}）").format(spec["label"], unit,
                                                  units_tip(spec.get("unit", "")))
    if is_percent(spec):
        return tr("{0}：请输入 0 至 100 之间的百分数").format(spec["label"])
    if spec.get("integer"):
        return tr("{0}：请输入 0 至 {1} 之间的整数").format(spec["label"], INTEGER_TOP)
    return tr("{0}：请输入不小于 0 的数字").format(spec["label"])


def reading_hints(key: str, spec: Mapping[str, Any], text: str) -> list[str]:
    """What a typed unit was read as, and a share below 1 % questioned with a link that puts
    it right (``percent:KEY``; rich text). Nothing for text the field refuses."""
    text = text.strip()
    if not text or why_refused(spec, text) is not None:
        return []
    lines = []
    number, converted = read_measurement(spec, text)
    if converted:
        lines.append(tr("{0}：“{1}”按 {2} {3} 记录").format(
            spec["label"], text, number_text(number), spec.get("unit", "")))
    if is_percent(spec) and looks_like_a_fraction(number):
        meant = number_text(number * 100)
        lines.append(tr("{0}填的是 {1}%。是指 {2}% 吗？").format(
            spec["label"], number_text(number), meant)
            + f" <a href='percent:{key}'>" + tr("改为 {0}%").format(meant) + "</a>")
    return lines


def stored_number(spec: Mapping[str, Any], text: str) -> float | int | None:
    """The number to store for *text* (a percentage as a fraction 0–1); None when the field is
    empty or refuses it."""
    text = text.strip()
    if not text:
        return None
    try:
        number, _converted = read_measurement(spec, text)
    except NotANumber:
        return None
    if is_percent(spec):
        return round(number / 100.0, 6)
    if spec.get("integer") or number.is_integer():
        return int(number)
    return number


def shown_text(spec: Mapping[str, Any], value: float | None) -> str:
    """The text a stored number is shown as in its field (a fraction as a percentage)."""
    if value is None:
        return ""
    return number_text(value * 100) if is_percent(spec) else number_text(value)
