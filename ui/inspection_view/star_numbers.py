"""Numbers typed into a star indicator's fields, with the units inspectors write them in.

The 001 criteria are written in 万平方米 and 亩 while the fields store 平方米, 亩, 家 and a
fraction typed as a percentage: "4.8万" in 建筑面积 is 48,000 平方米, "60亩" is 60, "3.2公顷"
in 占地面积 is 48 亩. A unit that does not fit the field, or text that is no number, is
refused with the reason — never cut down to the digits in front of it. Pure Python (no Qt):
the form in star_inputs.py shows the reasons and what a typed unit was read as.
"""
from __future__ import annotations

import re
import unicodedata

MU_M2 = 2000.0 / 3.0  # 1 亩 in 平方米

# units a field accepts: the suffix as typed (after NFKC, lower case) → factor to the field's unit
_AREA_M2 = {"": 1.0, "平方米": 1.0, "平米": 1.0, "m2": 1.0, "m²": 1.0, "万": 1e4,
            "万平方米": 1e4, "万平米": 1e4, "万m2": 1e4, "万m²": 1e4, "亩": MU_M2,
            "公顷": 1e4, "ha": 1e4}
_AREA_MU = {"": 1.0, "亩": 1.0, "万亩": 1e4, "平方米": 1 / MU_M2, "平米": 1 / MU_M2,
            "m2": 1 / MU_M2, "m²": 1 / MU_M2, "万平方米": 1e4 / MU_M2, "万平米": 1e4 / MU_M2,
            "万m2": 1e4 / MU_M2, "公顷": 15.0, "ha": 15.0}
_COUNT = {"": 1.0, "家": 1.0, "个": 1.0, "户": 1.0}
_PERCENT = {"": 1.0, "%": 1.0}
UNITS = {"亩": _AREA_MU, "平方米": _AREA_M2, "家": _COUNT, "比例": _PERCENT}

_NUMBER = re.compile(r"^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(.*)$")


class NotANumber(ValueError):
    """Why the text cannot be read: ``kind`` is "number", "unit" (with ``unit``), "range" or
    "integer"."""

    def __init__(self, kind: str, unit: str = "") -> None:
        super().__init__(kind)
        self.kind, self.unit = kind, unit


def read_amount(text: str, unit: str, *, integer: bool = False,
                top: float | None = None) -> tuple[float, bool]:
    """The number *text* means in the field's *unit*, and whether a unit typed with it was
    converted (so the form can say what it was read as). Raises :class:`NotANumber`."""
    cleaned = unicodedata.normalize("NFKC", text).strip().lower()
    cleaned = re.sub(r"[\s,，_]", "", cleaned).replace("。", ".")
    match = _NUMBER.match(cleaned)
    if match is None:
        raise NotANumber("number")
    number, suffix = float(match.group(1)), match.group(2)
    factors = UNITS.get(unit, {"": 1.0, unit.lower(): 1.0})
    if suffix not in factors:
        raise NotANumber("unit", text.strip()[len(match.group(1)):].strip() or suffix)
    value = number * factors[suffix]
    if top is not None and value > top:
        raise NotANumber("range")
    if integer:
        if not float(value).is_integer():
            raise NotANumber("integer")
        return int(value), factors[suffix] != 1.0
    value = round(value, 6)
    return value, factors[suffix] != 1.0


def looks_like_a_fraction(percent: float) -> bool:
    """A share typed in a % field that was most likely meant as a fraction (0.62 for 62 %)."""
    return 0 < percent < 1
