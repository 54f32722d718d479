"""The results of an inspection by the checklist rules: scores, star rating, action status."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from checklists.errors import InvalidInput
from checklists.library import get_template
from checklists.model import Node, Template, TemplateKind
from checklists.scoring import ActionStatus, ComplianceScore, action_status, score_compliance
from checklists.star_inputs import StarInputs, missing_inputs
from checklists.stars import StarRating, rate
from inspection.model import Answer, InspectionSnapshot, ParkType


@dataclass(frozen=True)
class TemplateResult:
    """One applied template's outcome; exactly one of the three result fields is set."""

    template: Template
    answered: int
    total: int
    compliance: ComplianceScore | None = None
    stars: StarRating | None = None
    stars_missing: tuple[str, ...] = ()  # measurements still needed for a star rating
    stars_problem: str = ""  # why the recorded values cannot be rated (stars is None then)
    actions: ActionStatus | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"template": self.template.id, "title": self.template.title,
                                "kind": self.template.kind.value,
                                "answered": self.answered, "total": self.total}
        if self.compliance is not None:
            data["compliance"] = self.compliance.to_dict()
        if self.template.kind is TemplateKind.STAR_RATING:
            data["stars"] = self.stars.to_dict() if self.stars else None
            data["stars_missing"] = list(self.stars_missing)
            if self.stars_problem:
                data["stars_problem"] = self.stars_problem
        if self.actions is not None:
            data["actions"] = self.actions.to_dict()
        return data


def star_data(template: Template, answers: Mapping[str, Answer],
              park_type: ParkType) -> dict[str, Any]:
    """The rate-stars input built from the answers to the star indicators."""
    data: dict[str, Any] = {"park_type": park_type.value, "judged_levels": {}}
    for node in template.items():
        answer = answers.get(node.code)
        if answer is None:
            continue
        if answer.value:
            data.update(answer.value)
        if node.attrs.get("judged") and answer.result is not None:
            judged = answer.result
            data["judged_levels"][node.title] = int(judged) if str(judged).isdigit() else judged
    return data


def is_answered(template: Template, node: Node, answer: Answer | None,
                park_type: ParkType | None = None) -> bool:
    """Whether an item has been judged: a result, or for a star indicator all its inputs."""
    if answer is None:
        return False
    if template.kind is not TemplateKind.STAR_RATING:
        return answer.result is not None
    if node.attrs.get("judged") and answer.result is None:
        return False
    value = answer.value or {}
    for spec in node.attrs.get("inputs", ()):
        if spec["key"] == "land_area_mu" and park_type is ParkType.SERVICE:
            continue  # a service park is rated on floor area only
        if value.get(spec["key"]) in (None, "", []) and spec["type"] != "choices":
            return False
        if spec["type"] == "choices" and spec["key"] not in value:
            return False
    return True


def template_result(template: Template, answers: Mapping[str, Answer], *,
                    park_type: ParkType, as_of: date) -> TemplateResult:
    items = template.item_nodes
    answered = sum(1 for n in items if is_answered(template, n, answers.get(n.code), park_type))
    results = {code: a.result for code, a in answers.items() if a.result is not None}
    if template.kind is TemplateKind.COMPLIANCE:
        return TemplateResult(template, answered, len(items),
                              compliance=score_compliance(template, results))
    if template.kind is TemplateKind.ACTION_PLAN:
        return TemplateResult(template, answered, len(items),
                              actions=action_status(template, results, as_of=as_of))
    data = star_data(template, answers, park_type)
    missing = tuple(missing_inputs(data))
    if missing:
        return TemplateResult(template, answered, len(items), stars_missing=missing)
    try:
        rating = rate(template, StarInputs.from_mapping(data))
    except (InvalidInput, ValueError) as exc:
        # Values stored before they were checked (older versions) must not break every list,
        # summary and report: the result says what is wrong instead.
        return TemplateResult(template, answered, len(items),
                              stars_problem=f"记录的测量值无法评定星级：{_chinese(exc)}")
    return TemplateResult(template, answered, len(items), stars=rating)


def _chinese(exc: Exception) -> str:
    """*exc* in Chinese, whatever language the window speaks: it goes into the report."""
    return exc.text("zh_CN") if isinstance(exc, InvalidInput) else str(exc)


def inspection_results(snapshot: InspectionSnapshot) -> list[TemplateResult]:
    """Results for every template applied in the inspection, in the order applied.

    Action items are judged as of the visit date (what was overdue when the inspector looked).
    """
    inspection = snapshot.inspection
    as_of = date.fromisoformat(inspection.date)
    return [template_result(get_template(tid), snapshot.answers_for(tid),
                            park_type=snapshot.park.park_type, as_of=as_of)
            for tid in inspection.template_ids]


def overall_percent(results: list[TemplateResult]) -> float | None:
    """The compliance percentage across all compliance templates (weighted by points)."""
    points = possible = 0.0
    for result in results:
        if result.compliance is not None:
            points += result.compliance.overall.points
            possible += result.compliance.overall.possible
    return round(100.0 * points / possible, 1) if possible else None
