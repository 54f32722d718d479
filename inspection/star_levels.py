"""The level one star indicator (001) reached, from its answer alone.

An indicator's level is the lower of what its measured values reach and, for the indicators
the inspector judges (评定等级), the judged level. The checklist row and the item panel show
this reached level — not the judged one, which may be higher — with the reason it stopped
there. Inputs of other indicators do not matter here: they are filled with values that meet
every level.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from checklists.model import Node, NodeKind
from checklists.star_inputs import JUDGED_INDICATORS, SERVICE_FUNCTIONS, StarInputs
from checklists.stars import IndicatorLevel, rate_indicator
from inspection.model import Answer


def reached_level(node: Node, value: Mapping[str, Any] | None, judged: int | None, *,
                  park_type: str, fields: Iterable[str] | None = None) -> IndicatorLevel | None:
    """The level *node* reaches with the measured *value* and the *judged* level; None while
    an input it needs (or the judged level) is missing or cannot be read."""
    if node.kind is not NodeKind.STAR:
        return None
    value = value or {}
    keys = set(fields) if fields is not None else {s["key"] for s in node.attrs.get("inputs", ())}
    if node.attrs.get("judged") and judged is None:
        return None
    judged_levels: dict[str, int] = dict.fromkeys(JUDGED_INDICATORS, 5)
    if node.attrs.get("judged") and judged is not None:
        judged_levels[node.title] = judged
    try:
        inputs = StarInputs(
            park_type=park_type, performance_grade=value.get("performance_grade", "A"),
            floor_area_m2=value.get("floor_area_m2", 1e12),
            enterprises=value.get("enterprises", 10**9),
            leading_industry_share=value.get("leading_industry_share", 1.0),
            service_functions=tuple(value.get("service_functions", ()))
            if "service_functions" in keys else SERVICE_FUNCTIONS,
            judged_levels=judged_levels,
            land_area_mu=value.get("land_area_mu", 1e12 if "land_area_mu" not in keys else None))
        return rate_indicator(node, inputs)
    except (TypeError, ValueError):  # a value missing (None) or stored before it was checked
        return None


def answer_level(node: Node, answer: Answer | None, *, park_type: str) -> IndicatorLevel | None:
    """:func:`reached_level` of a stored answer (its result is the judged level)."""
    if answer is None:
        return None
    judged = int(answer.result) if answer.result is not None and answer.result.isdigit() else None
    return reached_level(node, answer.value, judged, park_type=park_type)
